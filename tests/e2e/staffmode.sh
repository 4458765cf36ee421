#!/bin/sh
# Staff mode on the kiosk, end to end through the script runner: the
# 5-second hold in the attract screen's corner, the PIN pad, status,
# export to a USB stick (a folder named in settings.ini [usb] path, and
# where we may mount, a read-only and a full file system), a content pack
# from a stick (good, broken, none), the 2-minute close, and the lockout
# that a restart does not undo. KIOSK and KIOSKCTL are the binaries under
# test, OUT a scratch folder.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
KIOSKCTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy
DATA="$OUT/data"
USB="$OUT/usb"
mkdir -p "$DATA" "$USB"
printf '[usb]\npath = %s\n' "$USB" > "$DATA/settings.ini"
PIN=583917

# run NAME: runs the kiosk on $OUT/NAME.kscript; output in $OUT/NAME.out
run() {
	"$KIOSK" --data "$DATA" --size 1280x720 --date 2026-11-24 \
		--script "$OUT/$1.kscript" > "$OUT/$1.out" 2> "$OUT/$1.err"
}
script() { # name, lines...
	n=$1
	shift
	printf '%s\n' "$@" > "$OUT/$n.kscript"
}
has() { grep -qF -- "$2" "$OUT/$1.out"; }
ENTER='press 20 20 5200'
DIGITS=$(echo "$PIN" | sed 's/./tap "&"\n/g')

# --- without a PIN the hold says how to set one and opens nothing
script nopin "$ENTER" 'expect "kioskctl pin"' 'expect-not "Status"' \
	'expect-not "OK"' 'list'
check "no PIN: the hold tells how to set one and opens nothing" run nopin

# --- a short touch on the corner starts as anywhere else; a long press of
# 1.5 s (the kiosk facts on the home screen) does not open staff mode
script short 'tap 20 20' 'expect "Waar wilt u meer over weten?"' \
	'quit'
check "a short touch in the corner starts the visit" run short
script notlong 'press 20 20 2000' 'expect-not "Pincode voor beheer"' \
	'expect "Waar wilt u meer over weten?"'
check "a 2-second press in the corner is an ordinary touch" run notlong

# --- kioskctl pin
printf '123456\n123456\n' | "$KIOSKCTL" pin --data "$DATA" > "$OUT/pin1.out" 2>&1
check "kioskctl pin refuses 123456 in Dutch" \
	grep -q "te makkelijk te raden" "$OUT/pin1.out"
printf '%s\n%s\n' "$PIN" 111 | "$KIOSKCTL" pin --data "$DATA" > "$OUT/pin2.out" 2>&1
check "kioskctl pin refuses two different PINs" \
	grep -q "niet gelijk" "$OUT/pin2.out"
check "no PIN file after refusals" test ! -e "$DATA/pin"
printf '%s\n%s\n' "$PIN" "$PIN" | "$KIOSKCTL" pin --data "$DATA" > "$OUT/pin3.out" 2>&1
check "kioskctl pin sets the PIN" test -s "$DATA/pin"
check "the PIN file holds no digits of the PIN, only a hash" \
	sh -c "! grep -q $PIN '$DATA/pin' && grep -q argon2id '$DATA/pin'"
check "the PIN file is private (0600)" \
	test "$(stat -c %a "$DATA/pin")" = 600

# some answers to export
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" "$DATA" nl \
	> "$OUT/survey.log" 2>&1

# enter: the lines that open staff mode with the PIN
enter_lines() {
	echo "$ENTER"
	printf '%s\n' "$DIGITS" | grep .
	echo 'tap "OK"'
}
script2() { # name, extra lines...
	n=$1
	shift
	{ enter_lines; printf '%s\n' "$@"; } > "$OUT/$n.kscript"
}

# --- in, status, export to a stick
mkdir -p "$USB/stick"
{
	echo "$ENTER"
	printf '%s\n' 'tap "5"' 'tap "8"' 'list' 'tap "Wissen"' 'tap "Wissen"'
	printf '%s\n' "$DIGITS" | grep .
	printf '%s\n' 'tap "OK"' 'expect "Beheer"' 'tap "Status"' \
		'expect "Inhoud: Proeftuin Ussen"' 'list' 'tap "Terug"' \
		'tap "Export naar USB-stick"' 'list' 'tap "Exporteren"' \
		'expect "U kunt de stick nu veilig verwijderen."' 'list'
} > "$OUT/export.kscript"
check "enters staff mode with the PIN and exports" run export
check "the PIN pad shows dots, never digits" has export "text: ●●"
check "status: survey with its response count" \
	has export "Enquête enquete, versie"
check "status: free disk, uptime, last export, printer" sh -c \
	"grep -q 'Vrije schijfruimte' '$OUT/export.out' &&
	 grep -q 'Kiosk draait' '$OUT/export.out' &&
	 grep -q 'Laatste export: nog nooit' '$OUT/export.out' &&
	 grep -q 'Bonnenprinter: niet ingesteld' '$OUT/export.out'"
"$KIOSKCTL" export --data "$DATA" "$OUT/ctl" > /dev/null 2>&1
ex=$(ls -d "$USB"/stick/wijkkiosk-export-2026-11-24 2>/dev/null)
check "the export folder is on the stick" test -d "$ex"
same=1
for f in "$OUT"/ctl/*.csv "$OUT/ctl/rapport.html"; do
	cmp -s "$f" "$ex/$(basename "$f")" || same=0
done
check "the stick holds what kioskctl export writes" test $same = 1
check "no temporary file left on the stick" \
	sh -c "! ls -a '$ex' | grep -q tmp"
script2 status2 'tap "Status"' 'expect "Laatste export: 2026-11-24"'
check "status: the last export" run status2

# --- no stick, two sticks
rm -rf "$USB"/*
script2 nostick 'tap "Export naar USB-stick"' 'expect "Geen USB-stick gevonden"' \
	'expect-not "Exporteren"'
check "no stick: said clearly" run nostick
mkdir -p "$USB/a" "$USB/b"
script2 twosticks 'tap "Export naar USB-stick"' \
	'expect "Er zitten 2 USB-sticks in de kiosk"' 'expect-not "Exporteren"'
check "two sticks: said clearly" run twosticks
rm -rf "$USB"/*

# --- read-only and full sticks: real file systems, where we may mount
if [ "$(id -u)" = 0 ] && mkdir -p "$USB/ro" &&
   mount -t tmpfs -o ro,size=1m wijkkiosk-ro "$USB/ro" 2>/dev/null; then
	script2 rostick 'tap "Export naar USB-stick"' 'tap "Exporteren"' \
		'expect "De stick is alleen-lezen"' \
		'expect-not "veilig verwijderen"'
	check "read-only stick: said clearly" run rostick
	umount "$USB/ro"
	rmdir "$USB/ro"
	mkdir -p "$USB/full"
	mount -t tmpfs -o size=8k wijkkiosk-full "$USB/full"
	script2 fullstick 'tap "Export naar USB-stick"' 'tap "Exporteren"' \
		'expect "De stick is vol"' 'expect-not "veilig verwijderen"'
	check "full stick: said clearly" run fullstick
	check "full stick: no temporary file left behind" \
		sh -c "! find '$USB/full' -name '.*.tmp' | grep -q ."
	umount "$USB/full"
	rmdir "$USB/full"
else
	echo "ok # skip read-only and full sticks: mounting needs root"
fi
"$KIOSKCTL" export --data "$DATA" "$OUT/ctl2" > "$OUT/ctl2.out" 2>&1
check "the survey answers are still all there" test -s "$OUT/ctl2/rapport.html"
check "... the same as before" cmp -s "$OUT/ctl/rapport.html" \
	"$OUT/ctl2/rapport.html"

# --- content from a stick
mkdir -p "$USB/stick"
script2 nopack 'tap "Inhoud laden van USB-stick"' \
	'expect "Op de stick staat geen inhoudspakket"' 'expect-not "Installeren"'
check "a stick without a pack: said clearly" run nopack
cp -r "$ROOT/content/voorbeeld" "$USB/stick/broken"
printf '[pack]\nname = \n[tile onbekend]\nkind = raar\n' > "$USB/stick/broken/kiosk.ini"
script2 badpack 'tap "Inhoud laden van USB-stick"' \
	'expect "Dit pakket kan zo niet op de kiosk"' 'expect "kiosk.ini:"' \
	'expect-not "Installeren"' 'list'
check "a broken pack: the check's Dutch messages, no install" run badpack
rm -rf "$USB/stick/broken"
printf 'geen pakket\n' > "$USB/stick/kiosk.ini"
script2 foreign 'tap "Inhoud laden van USB-stick"' \
	'expect "Dit pakket kan zo niet op de kiosk"' 'expect-not "Installeren"'
check "a foreign folder with a kiosk.ini: refused" run foreign
rm -f "$USB/stick/kiosk.ini"
cp -r "$ROOT/content/voorbeeld" "$USB/stick/voorbeeld"
script2 load 'tap "Inhoud laden van USB-stick"' 'expect "in orde"' \
	'tap "Installeren"' 'expect "Geïnstalleerd"' 'tap "Sluiten"' \
	'wait 6000' 'list'
check "a good pack: checked, installed" run load
"$KIOSKCTL" current --data "$DATA" > "$OUT/current.out" 2>&1
check "kioskctl current names the pack from the stick" \
	grep -q "USB-stick" "$OUT/current.out"

# --- leaving: restart (75), and the desktop only where settings.ini
# allows it (76, which the unit does not restart)
script2 leave 'tap "Kiosk opnieuw starten"' 'tap "Ja, opnieuw starten"'
run leave
check "restart ends the kiosk with status 75" test $? = 75
script2 nodesk 'expect "Kiosk opnieuw starten"' \
	'expect-not "Naar het bureaublad"'
check "no way to the desktop unless settings.ini allows it" run nodesk
printf '[staff]\ndesktop = ja\n' >> "$DATA/settings.ini"
script2 desk 'tap "Naar het bureaublad"' 'expect "systemctl start wijkkiosk"' \
	'tap "Ja, stop de kiosk"'
run desk
check "to the desktop: the kiosk ends with status 76" test $? = 76
check "the unit does not restart after status 76" \
	grep -q '^RestartPreventExitStatus=76' "$ROOT/tools/wijkkiosk.service.in"

# --- staff mode closes by itself after 2 minutes without a touch
script2 idle 'wait 119000' 'expect "Beheer"' 'wait 2000' \
	'expect-not "Beheer"' 'expect-not "Status"'
check "closes after 2 minutes without a touch" run idle

# --- brute force: 5 wrong PINs lock the pad; a restart does not help
wrong='tap "1"
tap "0"
tap "2"
tap "9"
tap "3"
tap "8"
tap "OK"'
{
	echo "$ENTER"
	for i in 1 2 3 4; do echo "$wrong"; done
	echo 'expect "nog 1 keer"'
	echo "$wrong"
	echo 'expect "Probeer het over 1 minuut opnieuw"'
	# the right PIN does not open while locked
	printf '%s\n' "$DIGITS" | grep .
	echo 'tap "OK"'
	echo 'expect-not "Status"'
} > "$OUT/brute.kscript"
check "five wrong PINs lock the pad for 1 minute" run brute
script2 restart 'expect "Probeer het over 1 minuut opnieuw"' \
	'expect-not "Status"' 'tap "Sluiten"' 'wait 61000' \
	"$ENTER" 'tap "5"' 'tap "8"' 'tap "3"' 'tap "9"' 'tap "1"' 'tap "7"' \
	'tap "OK"' 'expect "Status"'
check "the lockout survives a restart and ends after its minute" run restart
{
	echo "$ENTER"
	for i in 1 2 3 4 5; do echo "$wrong"; done
	echo 'expect "over 1 minuut"'
	echo 'wait 61000'
	for i in 1 2 3 4 5; do echo "$wrong"; done
	echo 'expect "Probeer het over 5 minuten opnieuw"'
} > "$OUT/grow.kscript"
check "the next round of wrong PINs locks for 5 minutes" run grow

if grep -l Sanitizer "$OUT"/*.err > /dev/null 2>&1; then
	echo "not ok sanitizer findings:"
	grep -l Sanitizer "$OUT"/*.err
	fails=$((fails + 1))
fi
echo "staffmode: $fails failed"
[ "$fails" = 0 ]
