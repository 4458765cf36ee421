#!/bin/sh
# "Stel een vraag" and "Doe mee" end to end: every QR code the visitor
# sees decodes with zbarimg to exactly what they chose and typed (ask.py).
# KIOSK is the binary under test, OUT a scratch folder.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy
python3 "$ROOT/tests/e2e/ask.py" "$KIOSK" "$ROOT/tests/e2e/ask/pack" \
	"$OUT/qr" > "$OUT/ask.log" 2>&1
rc=$?
cat "$OUT/ask.log"
check "every code decodes to what the visitor chose" test $rc = 0

# the slip: printed to a file it decodes like the screen; a hanging
# printer never holds up the screen
python3 "$ROOT/tests/e2e/print.py" "$KIOSK" "$ROOT/tests/e2e/ask/pack" \
	"$OUT/print" > "$OUT/print.log" 2>&1
rc=$?
cat "$OUT/print.log"
check "a slip from the screen, and a printer that hangs" test $rc = 0

# ---- a sign-up by touch, as someone without a smartphone does it ----
KIOSKCTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
signup() { # DATA NAME CONTACT
	cat > "$OUT/signup.kscript" <<EOS
tap "Tik op het scherm om te beginnen"
tap "Doe mee"
tap "Moestuin Één"
tap "Ik doe mee"
tap "Aanmelden op de kiosk"
type "$2"
tap "Volgende"
type "$3"
tap "Volgende"
expect "Klopt dit?"
tap "Ja, dat is goed"
expect "U bent aangemeld bij Moestuin Één."
EOS
	"$KIOSK" --content "$ROOT/tests/e2e/ask/pack" --data "$1" \
		--date 2026-11-24 --script "$OUT/signup.kscript" \
		> "$OUT/signup.out" 2> "$OUT/signup.err"
}
D="$OUT/data"
signup "$D" "Zoë 😊" "06 12345678"
check "signs up by touch and is thanked" test $? = 0
check "the sign-up file is private (0600)" \
	test "$(stat -c %a "$D/aanmeldingen.sqlite")" = 600
check "nothing of the sign-up in the log" \
	sh -c "! grep -qE 'Zo|12345678' '$OUT/signup.err'"
"$KIOSKCTL" export --signups "$OUT/export" --data "$D" > "$OUT/export.log" 2>&1
check "staff export the sign-up" test $? = 0
csv=$(ls "$OUT"/export/*moestuin*.csv 2>/dev/null | head -1)
check "one CSV for the initiative" test -n "$csv"
check "the name as typed, emoji and all" grep -q 'Zoë 😊' "$csv"
check "the phone number in international form" grep -q '+31612345678' "$csv"
check "the day of the sign-up and its delete day (90 days)" \
	sh -c "grep -q '2026-11-24' '$csv' && grep -q '2027-02-22' '$csv'"

# sealed: with the staff's public key in settings.ini the file holds no name
"$KIOSKCTL" keygen "$OUT/usb" > /dev/null 2>&1
S="$OUT/sealed"
mkdir -p "$S"
printf '[signups]\npublic_key = %s\n' "$(cat "$OUT/usb/staff.pub")" \
	> "$S/settings.ini"
signup "$S" "Wilhelmina" "wil@example.nl"
check "signs up with a sealing key" test $? = 0
check "the sealed file holds neither name nor address" \
	sh -c "! grep -aqE 'Wilhelmina|wil@example' '$S'/aanmeldingen.sqlite*"
"$KIOSKCTL" export --signups "$OUT/sealed-out" --key "$OUT/usb/staff.key" \
	--data "$S" > "$OUT/sealed.log" 2>&1
check "the staff key opens it" \
	sh -c "grep -q Wilhelmina '$OUT'/sealed-out/*moestuin*.csv"
check "no sanitizer report" sh -c "! grep -rq Sanitizer '$OUT'"

[ $fails = 0 ]
