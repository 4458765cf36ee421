#!/bin/sh
# End-to-end checks that a content pack can never make the kiosk or the
# staff tool read outside itself. Three packs, each a copy of the demo pack
# with one symlink: the attract lines point at /etc/passwd, a page points at
# a file next to the pack, a whole tile folder points at a folder elsewhere.
# For each, `kioskctl check` refuses the pack and names the link with what
# to do, `preview` and `install` refuse it too, and the kiosk shown that
# pack puts no byte of the target on screen (`list`).
# KIOSK is the kiosk binary (kioskctl next to it, or set KIOSKCTL), OUT a
# scratch folder. Prints "ok NAME" or "not ok NAME" a check; exits 1 when
# any failed.
set -u
: "${OUT:?set OUT to a scratch folder}"
: "${KIOSK:?set KIOSK to the kiosk binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0
. "$ROOT/tests/e2e/lib.inc"
export SDL_VIDEODRIVER=dummy
WHAT="is een snelkoppeling: vervang de snelkoppeling door het bestand zelf"
SECRET=GEHEIM-BUITEN-HET-PAKKET

# the things a link may point at, outside every pack
mkdir -p "$OUT/buiten/welkom"
printf '%s\n' "$SECRET" > "$OUT/buiten/geheim.md"
printf '[tile]\nkind = page\ntitle = %s\n' "$SECRET" \
	> "$OUT/buiten/welkom/tile.ini"
printf '%s\n' "$SECRET" > "$OUT/buiten/welkom/nl.md"
printf '%s\n' "$SECRET" > "$OUT/buiten/welkom/en.md"
printf 'list\ntap "Welkom"\nlist\nquit\n' > "$OUT/list.kscript"

# make NAME: a fresh copy of the demo pack in $OUT/NAME
make_pack() {
	rm -rf "${OUT:?}/$1"
	cp -r "$ROOT/content/voorbeeld" "$OUT/$1"
}

# refuses NAME FILE: every tool refuses pack NAME, naming FILE; the kiosk
# shows nothing of the target
refuses() {
	pack="$OUT/$1"
	"$CTL" check "$pack" > "$OUT/$1.check" 2>&1
	rc=$?
	check "$1: check refuses it" [ $rc = 1 ]
	check "$1: check names $2" grep -qF "$2: $WHAT" "$OUT/$1.check"
	check "$1: check shows nothing of the target" \
		sh -c "! grep -q -e 'root:' -e '$SECRET' '$OUT/$1.check'"
	"$CTL" preview "$pack" "$OUT/$1.preview" > "$OUT/$1.prev" 2>&1
	check "$1: preview refuses it" [ $? = 1 ]
	"$CTL" install "$pack" --data "$OUT/$1.data" > "$OUT/$1.inst" 2>&1
	check "$1: install refuses it" [ $? = 1 ]
	"$KIOSK" --content "$pack" --data "$OUT/$1.kdata" \
		--date 2026-11-24 --script "$OUT/list.kscript" \
		> "$OUT/$1.list" 2> "$OUT/$1.err"
	check "$1: the kiosk lists its screen" grep -q '^end' "$OUT/$1.list"
	check "$1: no byte of the target on screen" \
		sh -c "! grep -q -e 'root:' -e '$SECRET' '$OUT/$1.list'"
	check "$1: nor in the kiosk's log" \
		sh -c "! grep -q -e 'root:x' -e '$SECRET' '$OUT/$1.err'"
}

make_pack wachtscherm
rm "$OUT/wachtscherm/attract.nl.txt"
ln -s /etc/passwd "$OUT/wachtscherm/attract.nl.txt"
refuses wachtscherm attract.nl.txt

make_pack pagina
rm "$OUT/pagina/welkom/nl.md"
ln -s "$OUT/buiten/geheim.md" "$OUT/pagina/welkom/nl.md"
refuses pagina welkom/nl.md

make_pack tegel
rm -r "$OUT/tegel/welkom"
ln -s "$OUT/buiten/welkom" "$OUT/tegel/welkom"
refuses tegel welkom

# and the same pack without the link is fine
make_pack goed
check "the demo pack without links passes" \
	sh -c "'$CTL' check '$OUT/goed' > '$OUT/goed.check' 2>&1"

[ $fails = 0 ]
