#!/bin/sh
# Staff mode's sign-ups and test slip, end to end through the script
# runner: the counts on the status page (no names), "Aanmeldingen naar de
# USB-stick" as the same CSV files `kioskctl export --signups` writes,
# sealed sign-ups as a sealed copy that `kioskctl export --signups --key
# --data FOLDER` opens, "Wissen na export" that asks once, the expired
# ones, and the test slip through the kiosk's printer (done and failed).
# Where we may mount (root and FUSE), a real vfat stick made with
# mkfs.vfat and mounted with fusefat: one that fills up during the write
# and one pulled out while the kiosk writes to it. KIOSK and KIOSKCTL are
# the binaries under test, OUT a scratch folder.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
KIOSKCTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
ADD=$(dirname "$KIOSK")/add-signups
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy
DATA="$OUT/data"
USB="$OUT/usb"
PACK="$ROOT/content/ussen"
mkdir -p "$DATA" "$USB"
printf '[usb]\npath = %s\n[printer]\ndevice = %s\n' "$USB" "$OUT/slip.bin" \
	> "$DATA/settings.ini"
PIN=583917
printf '%s\n%s\n' "$PIN" "$PIN" | "$KIOSKCTL" pin --data "$DATA" > /dev/null 2>&1

run() { # NAME: the kiosk on $OUT/NAME.kscript; output in $OUT/NAME.out
	"$KIOSK" --data "$DATA" --content "$PACK" --size 1280x720 \
		--date 2026-11-24 --script "$OUT/$1.kscript" \
		> "$OUT/$1.out" 2> "$OUT/$1.err"
}
enter_lines() {
	echo 'press 20 20 5200'
	echo "$PIN" | sed 's/./tap "&"\n/g' | grep .
	echo 'tap "OK"'
}
script() { # NAME, lines after entering staff mode...
	n=$1
	shift
	{ enter_lines; printf '%s\n' "$@"; } > "$OUT/$n.kscript"
}
has() { grep -qF -- "$2" "$OUT/$1.out"; }
# live NAME: the kiosk driven line by line (--script -), for what takes
# real time (the printer's thread); live_send LINES, live_await TEXT
# (bounded: 10 s), live_stop
live() {
	rm -f "$OUT/$1.in"
	mkfifo "$OUT/$1.in"
	"$KIOSK" --data "$DATA" --content "$PACK" --size 1280x720 \
		--date 2026-11-24 --script - < "$OUT/$1.in" > "$OUT/$1.out" \
		2> "$OUT/$1.err" &
	LPID=$!
	exec 4> "$OUT/$1.in"
	LOUT="$OUT/$1.out"
}
live_send() { printf '%s\n' "$@" >&4; }
live_await() {
	i=0
	while [ $i -lt 200 ]; do
		live_send 'wait 50' 'list'
		sleep 0.05
		grep -qF -- "$1" "$LOUT" && return 0
		i=$((i + 1))
	done
	return 1
}
live_stop() {
	live_send quit
	exec 4>&-
	wait "$LPID"
}
signups() { # DAY KEEP [PUBKEY]: three sign-ups, two initiatives
	printf 'moestuin\tAnna Zwaluw\t+31612345678\nmoestuin\tBram Mus\tbram@example.nl\nwandelen\tCees Merel\t+31687654321\n' |
		"$ADD" "$DATA" "$@" > /dev/null
}
csv_same() { # FOLDER-A FOLDER-B: the same aanmeldingen-*.csv files
	for f in "$1"/aanmeldingen-*.csv; do
		cmp -s "$f" "$2/$(basename "$f")" || return 1
	done
	[ "$(ls "$1" | grep -c csv)" = "$(ls "$2" | grep -c csv)" ]
}

# --- counts on the status page, never a name
signups 2026-11-20 90
script status 'tap "Status"' 'list'
check "status page opens" run status
check "status: sign-ups per initiative, not sealed" sh -c \
	"grep -q 'Aanmeldingen: 3, niet versleuteld' '$OUT/status.out' &&
	 grep -q 'Buurtmoestuin: 2' '$OUT/status.out' &&
	 grep -q 'Samen wandelen: 1' '$OUT/status.out'"
check "status: no name or contact on screen" \
	sh -c "! grep -q -e Zwaluw -e Mus -e 3161 '$OUT/status.out'"
check "status: printer and its last fault" sh -c \
	"grep -q 'Bonnenprinter: ingesteld' '$OUT/status.out' &&
	 grep -q 'Laatste printfout: geen sinds de start' '$OUT/status.out'"

# --- only on request: the page shows the counts and offers the export
mkdir -p "$USB/stick"
script page 'tap "Aanmeldingen"' 'expect "USB-stick gevonden"' \
	'expect-not "Wissen na export"' 'list'
check "the sign-ups page shows the counts, no delete yet" run page
check "... and writes nothing until asked" \
	sh -c "! ls '$USB/stick' | grep -q ."

# --- plain sign-ups: the CSV files of kioskctl export --signups
script plain 'tap "Aanmeldingen"' 'tap "Aanmeldingen naar de USB-stick"' \
	'expect "U kunt de stick nu veilig verwijderen."' \
	'expect "Per initiatief een CSV-bestand"' 'list'
check "plain sign-ups to the stick" run plain
ex="$USB/stick/wijkkiosk-aanmeldingen-2026-11-24"
"$KIOSKCTL" export --signups "$OUT/ctl-plain" --data "$DATA" > /dev/null 2>&1
check "the stick holds the CSV files kioskctl export --signups writes" \
	csv_same "$OUT/ctl-plain" "$ex"
check "no temporary file left on the stick" \
	sh -c "! ls -a '$ex' | grep -q tmp"
check "nothing of a sign-up in the log" \
	sh -c "! grep -q -e Zwaluw -e Mus -e 3161 -e bram@ '$OUT'/*.err"
check "the staging folder is empty afterwards" \
	sh -c "! ls '$DATA/.staff-export' | grep -q ."

# --- "Wissen na export" asks once, then deletes them all
script purge 'tap "Aanmeldingen"' 'expect-not "Wissen na export"' \
	'tap "Aanmeldingen naar de USB-stick"' 'tap "Wissen na export"' \
	'expect "Weet u het zeker?"' 'expect "3 aanmeldingen"' \
	'tap "Ja, alles wissen"' 'expect "3 aanmeldingen gewist."' 'list'
check "delete after export: asks once, then deletes" run purge
"$KIOSKCTL" signups count --data "$DATA" > "$OUT/count.out" 2>&1
check "kioskctl counts no sign-ups after the delete" \
	grep -q "^0 aanmeldingen in totaal" "$OUT/count.out"

# --- expired ones: today is 2026-11-24, so those kept 3 days from 11-20
# are gone (the kiosk itself also deletes them at its start)
signups 2026-11-20 3
signups 2026-11-23 90
script expired 'tap "Aanmeldingen"' 'tap "Verlopen aanmeldingen wissen"' \
	'expect "met een verlopen bewaartermijn gewist."'
check "expired sign-ups deleted" run expired
check "... the others kept" sh -c \
	"'$KIOSKCTL' signups count --data '$DATA' | grep -q '^3 aanmeldingen'"
"$KIOSKCTL" signups purge --data "$DATA" > /dev/null 2>&1

# --- sealed sign-ups stay sealed: a copy the laptop opens with the key
"$KIOSKCTL" keygen "$OUT/keys" > /dev/null 2>&1
signups 2026-11-22 90 "$OUT/keys/staff.pub"
rm -rf "$USB/stick"/*
script sealed 'tap "Status"' 'expect "Aanmeldingen: 3, alle versleuteld."' \
	'tap "Terug"' 'tap "Aanmeldingen"' \
	'tap "Aanmeldingen naar de USB-stick"' \
	'expect "U kunt de stick nu veilig verwijderen."' \
	'expect "versleuteld en blijven dat"' 'list'
check "sealed sign-ups to the stick" run sealed
check "the stick holds the sealed copy and a LEESMIJ, no CSV" sh -c \
	"test -s '$ex/aanmeldingen.sqlite' && test -s '$ex/LEESMIJ.txt' &&
	 ! ls '$ex' | grep -q csv"
check "the copy holds no name in plain text" \
	sh -c "! grep -q -a -e Zwaluw -e bram@ '$ex/aanmeldingen.sqlite'"
check "the copy is a single file (no -wal or -shm needed)" \
	sh -c "! ls '$ex' | grep -q -e -wal -e -shm"
"$KIOSKCTL" export --signups "$OUT/ctl-sealed" --key "$OUT/keys/staff.key" \
	--data "$DATA" > /dev/null 2>&1
"$KIOSKCTL" export --signups "$OUT/laptop" --key "$OUT/keys/staff.key" \
	--data "$ex" > "$OUT/laptop.out" 2>&1
check "kioskctl export --signups --key --data STICKFOLDER opens the copy" \
	csv_same "$OUT/ctl-sealed" "$OUT/laptop"
check "... and the names are in it" grep -q "Zwaluw" "$OUT/laptop/aanmeldingen-moestuin.csv"
"$KIOSKCTL" export --signups "$OUT/nokey" --data "$ex" > "$OUT/nokey.out" 2>&1
check "without the key the copy gives nothing" sh -c \
	"grep -q 'versleuteld' '$OUT/nokey.out' && test ! -e '$OUT/nokey'"

# --- the test slip, through the kiosk's printer
: > "$OUT/slip.bin"
live slip
live_send "$(enter_lines)" 'tap "Testbriefje printen"' 'tap "Printen"' 'list'
check "test slip: the page says it is busy" live_await "Bezig met printen"
check "test slip printed from staff mode" \
	live_await "Het testbriefje is gelukt."
live_send 'tap "Terug"' 'tap "Status"'
check "... the status names no print fault" \
	live_await "Laatste printfout: geen sinds de start"
live_stop
mv "$OUT/slip.bin" "$OUT/kiosk-slip.bin"
: > "$OUT/slip.bin"
"$KIOSKCTL" print-test --data "$DATA" --content "$PACK" > /dev/null 2>&1
check "it is the same slip, byte for byte, as kioskctl print-test prints" \
	cmp -s "$OUT/slip.bin" "$OUT/kiosk-slip.bin"
check "... and not an empty one" test -s "$OUT/kiosk-slip.bin"
rm -f "$OUT/slip.bin" "$OUT/ctl-slip.bin"
live noslip
live_send "$(enter_lines)" 'tap "Testbriefje printen"' 'tap "Printen"'
check "a missing printer: the Dutch fault on the page" \
	live_await "Het testbriefje is niet geprint: De printer is niet gevonden."
live_send 'tap "Terug"' 'tap "Status"'
check "... and on the status page" \
	live_await "Laatste printfout: De printer is niet gevonden."
live_stop

# --- a real vfat stick (mkfs.vfat, mounted with fusefat): full, pulled
if [ "$(id -u)" = 0 ] && command -v mkfs.vfat > /dev/null &&
   command -v fusefat > /dev/null && [ -c /dev/fuse ]; then
	. "$ROOT/tests/e2e/stickfaults.inc"
else
	echo "ok # skip vfat sticks: needs root, mkfs.vfat, fusefat and /dev/fuse"
fi

if grep -l Sanitizer "$OUT"/*.err > /dev/null 2>&1; then
	echo "not ok sanitizer findings:"
	grep -l Sanitizer "$OUT"/*.err
	fails=$((fails + 1))
fi
echo "staffsignups: $fails failed"
[ "$fails" = 0 ]
