#!/bin/sh
# Nothing a visitor typed stays in the running kiosk's memory after the
# form is stopped or the idle wipe (forget.py reads /proc/PID/mem).
# KIOSK is the binary under test, OUT a scratch folder; the build without
# sanitizers (build/kiosk, the one a kiosk runs) is checked too.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy
for k in "$KIOSK" "$ROOT/build/kiosk"; do
	[ -x "$k" ] || continue
	n=$(basename "$(dirname "$k")")
	python3 "$ROOT/tests/e2e/forget.py" "$k" "$ROOT/tests/e2e/ask/pack" \
		"$OUT/data-$n" > "$OUT/$n.log" 2>&1
	rc=$?
	cat "$OUT/$n.log"
	check "$n: typed text forgotten from memory" test $rc = 0
done
[ $fails = 0 ]
