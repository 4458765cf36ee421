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
check "no sanitizer report" sh -c "! grep -rq Sanitizer '$OUT'"

[ $fails = 0 ]
