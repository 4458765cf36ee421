#!/bin/sh
# Printed slips, read back: kioskctl print-test prints to a plain file, the
# file is parsed as a printer would (ESC @, GS v 0 bands, feed, cut) into a
# picture, and its QR code decodes with zbarimg to exactly the e-mail the
# slip promises, which Python's urllib reads back to the same address,
# subject and body. On 58 mm paper the slip is 384 dots wide, on 80 mm 576.
# A printer that is missing, one that takes no bytes (a FIFO nobody reads)
# and no printer at all each give their own Dutch message, and the tool
# ends instead of hanging.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
rm -rf "$OUT"
mkdir -p "$OUT/data"
fails=0

. "$ROOT/tests/e2e/lib.inc"

printer() { # device: the kiosk's settings.ini names it
	printf '[printer]\ndevice = %s\n' "$1" > "$OUT/data/settings.ini"
}

# The payload the test slip must hold, made independently of the kiosk.
want=$(python3 -c '
from urllib.parse import quote
q = lambda s: quote(s.replace("\n", "\r\n"), safe="")
print("mailto:printer@wijkkiosk.example?subject=" + q("Proef van de printer")
      + "&body=" + q("Één café & reünie: werkt de code? 100% ja.\nTot ziens!"))')

# ---- 80 mm, the pack's default: a whole slip to a file ----
printer "$OUT/slip.bin"
: > "$OUT/slip.bin"
"$CTL" print-test --data "$OUT/data" --content "$ROOT/content/ussen" \
	> "$OUT/print.out" 2>&1
check "print-test prints to a file and says so" \
	grep -q "Het testbriefje is geprint op $OUT/slip.bin" "$OUT/print.out"
check "the slip parses as ESC/POS, 576 dots wide" \
	sh -c "python3 '$ROOT/tests/e2e/slip.py' '$OUT/slip.bin' '$OUT/slip80' > '$OUT/parse.out' && grep -q '^slip 1: 576x' '$OUT/parse.out'"
got=$(zbarimg -q --raw "$OUT/slip80-1.pbm" 2>/dev/null)
check "the slip's QR decodes to exactly the intended e-mail" \
	test "$got" = "$want"
check "the e-mail reads back to its address, subject and body" \
	python3 -c '
import sys
from urllib.parse import urlsplit, parse_qs, unquote
u = urlsplit(sys.argv[1])
f = parse_qs(u.query)
assert u.scheme == "mailto", u.scheme
assert unquote(u.path) == "printer@wijkkiosk.example", u.path
assert f["subject"] == ["Proef van de printer"], f
assert f["body"] == ["Één café & reünie: werkt de code? 100% ja.\r\nTot ziens!"], f
' "$got"

# ---- 58 mm paper: a pack that says so ----
cp -r "$ROOT/content/ussen" "$OUT/pack58"
printf '\n[printer]\npaper_mm = 58\n' >> "$OUT/pack58/kiosk.ini"
: > "$OUT/slip.bin"
"$CTL" print-test --data "$OUT/data" --content "$OUT/pack58" \
	> "$OUT/print58.out" 2>&1
check "on 58 mm paper the slip is 384 dots wide" \
	sh -c "python3 '$ROOT/tests/e2e/slip.py' '$OUT/slip.bin' '$OUT/slip58' | grep -q '^slip 1: 384x'"
check "and its QR decodes the same" \
	sh -c "[ \"\$(zbarimg -q --raw '$OUT/slip58-1.pbm' 2>/dev/null)\" = '$want' ]"

# ---- faults: each its own message, and the tool ends ----
printer "$OUT/geen-printer"
timeout 20 "$CTL" print-test --data "$OUT/data" \
	--content "$ROOT/content/ussen" > "$OUT/missing.out" 2>&1
rc=$?
check "a missing printer is named as missing" \
	sh -c "[ $rc = 1 ] && grep -q 'De printer is niet gevonden' '$OUT/missing.out'"

# a FIFO with a reader that never reads, its pipe made small so the slip
# cannot hide in it
mkfifo "$OUT/fifo"
python3 -c '
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)
fcntl.fcntl(fd, 1031, 4096)  # F_SETPIPE_SZ
open(sys.argv[2], "w").close()
time.sleep(30)
' "$OUT/fifo" "$OUT/reading" &
reader=$!
while [ ! -e "$OUT/reading" ]; do sleep 0.05; done
printer "$OUT/fifo"
start=$(date +%s%N)
timeout 20 "$CTL" print-test --data "$OUT/data" \
	--content "$ROOT/content/ussen" > "$OUT/stalled.out" 2>&1
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
kill "$reader" 2>/dev/null
wait "$reader" 2>/dev/null
echo "# stalled printer reported after $ms ms"
check "a printer that takes nothing is reported as stalled" \
	sh -c "[ $rc = 1 ] && grep -q 'De printer reageert niet' '$OUT/stalled.out'"

rm -f "$OUT/data/settings.ini"
"$CTL" print-test --data "$OUT/data" > "$OUT/none.out" 2>&1
rc=$?
check "no printer configured says how to set one" \
	sh -c "[ $rc = 1 ] && grep -q 'er is geen printer ingesteld' '$OUT/none.out'"
check "no Sanitizer reports" \
	sh -c "! grep -l Sanitizer '$OUT'/*.out"

[ $fails = 0 ]
