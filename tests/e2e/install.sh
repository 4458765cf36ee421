#!/bin/sh
# End-to-end checks of installing content packs through the staff tool:
# `kioskctl install`, `rollback` and `current` on a scratch data folder.
# The heart is the crash test: the tool stops dead (KIOSKCTL_CRASH_AT=N
# makes it _exit at step N) at every step of an install and of a rollback
# in turn, and each time the kiosk's `current` pack must be one whole pack,
# the old or the new, never a mix, and the next command must work.
# KIOSK is the kiosk binary (kioskctl is found next to it, or set KIOSKCTL),
# OUT a scratch folder. Prints "ok NAME" or "not ok NAME" a check; exits 1
# when any failed.
set -u
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${KIOSKCTL:-}" ]; then
	: "${KIOSK:?set KIOSK to the kiosk binary (or KIOSKCTL to kioskctl)}"
	KIOSKCTL="$(dirname "$KIOSK")/../kioskctl"
	[ -x "$KIOSKCTL" ] || KIOSKCTL="$(dirname "$KIOSK")/kioskctl"
fi
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0
STEPS_MAX=500 # an install of these small packs takes a few dozen steps

ok() {
	echo "ok $1"
}

not_ok() {
	echo "not ok $1"
	fails=$((fails + 1))
}

check() { # name, then a command that must succeed
	name=$1
	shift
	if "$@"; then
		ok "$name"
	else
		not_ok "$name"
	fi
}

if [ ! -x "$KIOSKCTL" ]; then
	not_ok "kioskctl found (looked for '$KIOSKCTL')"
	exit 1
fi

# Runs kioskctl; keeps the exit code in $rc, stdout and stderr in $OUT/log.
ctl() {
	"$KIOSKCTL" "$@" > "$OUT/log" 2>&1 < /dev/null
	rc=$?
}

# ---- packs to install ----
# A: the repo's mini pack, or one made here. B: A with a tile more and other
# texts. C: A with another name. All three differ in at least one file, and
# B has files A lacks, so a half-copied pack matches none of them.
A="$OUT/pack-a"
if [ -d "$ROOT/tests/e2e/packs/mini" ]; then
	cp -R "$ROOT/tests/e2e/packs/mini" "$A"
else
	mkdir -p "$A/info"
	printf '[kiosk]\nformat = 1\nname = Mini\n[home]\ntiles = info\n' \
		> "$A/kiosk.ini"
	printf 'Welkom bij de kleine testkiosk.\n' > "$A/attract.nl.txt"
	printf '[tile]\nkind = page\ntitle = Info\n' > "$A/info/tile.ini"
	printf '# Info\n\nDit is een korte pagina om mee te testen.\n' \
		> "$A/info/nl.md"
fi

B="$OUT/pack-b"
cp -R "$A" "$B"
sed 's/^\(tiles *= *.*\)$/\1, meer/' "$A/kiosk.ini" > "$B/kiosk.ini"
mkdir -p "$B/meer"
printf '[tile]\nkind = page\ntitle = Meer\n' > "$B/meer/tile.ini"
printf '# Meer\n\nNog een pagina, alleen in pakket B.\n' > "$B/meer/nl.md"
printf 'Pakket B staat op de kiosk.\n' > "$B/attract.nl.txt"

C="$OUT/pack-c"
cp -R "$A" "$C"
sed 's/^name *=.*/name = Mini C/' "$A/kiosk.ini" > "$C/kiosk.ini"
printf 'Pakket C staat op de kiosk.\n' > "$C/attract.nl.txt"

# A broken pack: an unknown key right under [kiosk].
BROKEN="$OUT/pack-broken"
cp -R "$A" "$BROKEN"
bad_line=$(($(grep -n '^\[kiosk\]' "$A/kiosk.ini" | head -1 | cut -d: -f1) + 1))
awk -v n=$((bad_line - 1)) '{ print } NR == n { print "colour = red" }' \
	"$A/kiosk.ini" > "$BROKEN/kiosk.ini"

# A pack with a symlink in it: the store refuses it (a link could pull any
# file of the machine onto the kiosk screen).
LINKED="$OUT/pack-linked"
cp -R "$A" "$LINKED"
ln -s /etc/hostname "$LINKED/info/extra.txt"

# ---- helpers ----

same_tree() { # dir, pack
	diff -r -x .about "$1" "$2" > /dev/null 2>&1
}

# Which pack the link (or folder) $1 resolves to: A, B, C, "mix" or "none".
pack_of() {
	d=$( (cd "$1" 2> /dev/null && pwd -P)) || {
		echo none
		return
	}
	if same_tree "$d" "$A"; then
		echo A
	elif same_tree "$d" "$B"; then
		echo B
	elif same_tree "$d" "$C"; then
		echo C
	else
		echo mix
	fi
}

is() { # link, pack letter
	[ "$(pack_of "$1")" = "$2" ]
}

# kioskctl current prints a folder identical to pack $2.
current_is() { # data folder, pack folder
	ctl current --data "$1"
	[ "$rc" = 0 ] && same_tree "$(sed -n "s/^staat nu in: *//p" "$OUT/log")" "$2"
}

# The folder the link $1 resolves to.
where() {
	(cd "$1" 2> /dev/null && pwd -P)
}

refused() { # exit code wanted, text wanted in the output
	[ "$rc" = "$1" ] && grep -q "$2" "$OUT/log"
}

crash_ok() {
	[ "$done_at" -gt 0 ] && [ "$crash_fails" = 0 ]
}

# No half-made copies, no link twins, at most two packs kept.
tidy() { # data folder
	[ -d "$1/packs" ] || return 1
	[ ! -e "$1/current.new" ] && [ ! -L "$1/current.new" ] &&
		[ ! -e "$1/previous.new" ] && [ ! -L "$1/previous.new" ] ||
		return 1
	count=0
	for f in "$1"/packs/* "$1"/packs/.*; do
		case ${f##*/} in
		. | .. | '*' | '.*') ;;
		.tmp-*) return 1 ;;
		*) count=$((count + 1)) ;;
		esac
	done
	[ $count -le 2 ]
}

for p in "$A" "$B" "$C"; do
	ctl check "$p"
	check "test pack ${p##*/} passes kioskctl check" [ "$rc" = 0 ]
done

# ---- install, current, rollback ----

D="$OUT/data"
ctl current --data "$D"
check "current with nothing installed fails" [ "$rc" != 0 ]

ctl install "$A" --data "$D"
check "first install succeeds" [ "$rc" = 0 ]
ctl current --data "$D"
cur=$(sed -n "s/^staat nu in: *//p" "$OUT/log")
check "current prints the installed pack" [ "$rc" = 0 ]
check "current pack's kiosk.ini equals the source's" \
	cmp -s "$cur/kiosk.ini" "$A/kiosk.ini"
check "installed pack is a whole copy" same_tree "$cur" "$A"
check "current link points at pack A" is "$D/current" A

ctl rollback --data "$D"
check "rollback without a previous pack is refused in Dutch" \
	refused 1 'geen vorig pakket'
check "refused rollback leaves A current" is "$D/current" A

ctl install "$B" --data "$D"
check "second install succeeds" [ "$rc" = 0 ]
check "second install makes B current" current_is "$D" "$B"
check "second install makes A previous" is "$D/previous" A

ctl rollback --data "$D"
check "rollback succeeds" [ "$rc" = 0 ]
check "rollback makes A current" is "$D/current" A
check "rollback makes B previous" is "$D/previous" B
check "kioskctl current follows the rollback" current_is "$D" "$A"

ctl rollback --data "$D"
check "second rollback succeeds" [ "$rc" = 0 ]
check "second rollback returns to B" is "$D/current" B
check "second rollback makes A previous again" is "$D/previous" A

ctl install "$C" --data "$D"
check "third install makes C current" is "$D/current" C
check "third install makes B previous" is "$D/previous" B
check "the oldest pack is removed, two are kept" tidy "$D"

# ---- packs that must not go in ----

before=$(where "$D/current")
ls -A "$D/packs" > "$OUT/packs-before" 2>&1
ctl install "$BROKEN" --data "$D"
check "broken pack is refused with exit 1" [ "$rc" = 1 ]
check "refusal names kiosk.ini:$bad_line: in Dutch" \
	refused 1 "kiosk\.ini:$bad_line: onbekende instelling"
check "broken pack leaves current unchanged" \
	[ "$(where "$D/current")" = "$before" ]
check "broken pack leaves the current pack's files alone" current_is "$D" "$C"
ls -A "$D/packs" > "$OUT/packs-after" 2>&1
check "broken pack leaves the packs folder unchanged" \
	cmp -s "$OUT/packs-before" "$OUT/packs-after"

ctl install "$LINKED" --data "$D"
check "pack with a symlink is refused in Dutch" refused 1 'snelkoppeling'
check "refused symlink pack leaves C current" is "$D/current" C
check "refused symlink pack leaves no copy behind" tidy "$D"

# ---- a crash at every step of an install ----
# Start: C installed, then A (A current, C previous). Install B with a
# crash at step 1, 2, 3, ... until the install runs through.

BASE="$OUT/base-install"
ctl install "$C" --data "$BASE"
ctl install "$A" --data "$BASE"
check "install crash test starts with A current" is "$BASE/current" A
check "install crash test starts with C previous" is "$BASE/previous" C

crash_fails=0
crash_bad() {
	not_ok "$1"
	crash_fails=$((crash_fails + 1))
}

# Copies $BASE to a fresh $D and runs kioskctl there with a crash at step
# $n; the exit code goes to $rc.
crash_run() { # kioskctl command and arguments (without --data)
	D="$OUT/crash-$1-$n"
	rm -rf "$D"
	cp -RP "$BASE" "$D"
	KIOSKCTL_CRASH_AT=$n "$KIOSKCTL" "$@" --data "$D" \
		> "$OUT/log" 2>&1 < /dev/null
	rc=$?
}

n=1
done_at=0
while [ $n -le $STEPS_MAX ]; do
	crash_run install "$B"
	if [ $rc = 0 ]; then
		done_at=$n
		at="install with no crash reached"
		is "$D/current" B || crash_bad "$at makes B current"
		is "$D/previous" A || crash_bad "$at makes A previous"
		tidy "$D" || crash_bad "$at leaves the packs tidy"
		break
	fi
	if [ $rc != 137 ]; then
		crash_bad "install crashing at step $n stops with 137 (got $rc)"
		break
	fi
	at="after a crash at install step $n"
	now=$(pack_of "$D/current")
	case $now in
	A | B) ;;
	*) crash_bad "$at, current is A or B (it is $now)" ;;
	esac
	ctl install "$B" --data "$D"
	[ $rc = 0 ] || crash_bad "$at, installing B works"
	is "$D/current" B || crash_bad "$at and a new install, B is current"
	now=$(pack_of "$D/previous")
	case $now in
	A | B) ;;
	*) crash_bad "$at and a new install, previous is A or B (it is $now)" ;;
	esac
	tidy "$D" || crash_bad "$at, the next install cleans up"
	rm -rf "$D"
	n=$((n + 1))
done
check "install crashes at step 1 (KIOSKCTL_CRASH_AT works)" \
	[ "$done_at" -gt 1 ]
check "a crash at any of the $((done_at - 1)) install steps leaves current whole" \
	crash_ok

# ---- a crash at every step of a rollback ----
# Start: A, then B installed (B current, A previous). After each crash
# current is one whole pack, and the next rollback works and leaves two
# different whole packs.

BASE="$OUT/base-rollback"
ctl install "$A" --data "$BASE"
ctl install "$B" --data "$BASE"
check "rollback crash test starts with B current" is "$BASE/current" B
check "rollback crash test starts with A previous" is "$BASE/previous" A

crash_fails=0
n=1
done_at=0
while [ $n -le $STEPS_MAX ]; do
	crash_run rollback
	if [ $rc = 0 ]; then
		done_at=$n
		at="rollback with no crash reached"
		is "$D/current" A || crash_bad "$at makes A current"
		is "$D/previous" B || crash_bad "$at makes B previous"
		break
	fi
	if [ $rc != 137 ]; then
		crash_bad "rollback crashing at step $n stops with 137 (got $rc)"
		break
	fi
	at="after a crash at rollback step $n"
	now=$(pack_of "$D/current")
	case $now in
	A | B) ;;
	*) crash_bad "$at, current is A or B (it is $now)" ;;
	esac
	ctl rollback --data "$D"
	[ $rc = 0 ] || crash_bad "$at, rollback works again"
	now=$(pack_of "$D/current")$(pack_of "$D/previous")
	case $now in
	AB | BA) ;;
	*) crash_bad "$at and a new rollback, the two packs are A and B ($now)" ;;
	esac
	tidy "$D" || crash_bad "$at, the next rollback cleans up"
	rm -rf "$D"
	n=$((n + 1))
done
check "rollback crashes at step 1 (KIOSKCTL_CRASH_AT works)" \
	[ "$done_at" -gt 1 ]
check "a crash at any of the $((done_at - 1)) rollback steps leaves current whole" \
	crash_ok

# ---- a running kiosk takes up an installed pack ----
# On the script's simulated clock: the pickup rule runs as time passes,
# with no real waiting.

check "running kiosk shows an installed pack once the visitor has gone" \
	python3 "$ROOT/tests/e2e/pickup.py" "$KIOSK" "$KIOSKCTL" "$ROOT"

[ $fails = 0 ]
