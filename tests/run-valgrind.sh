#!/bin/sh
# `make valgrind`: runs the kiosk (normal build) and the staff tool under
# valgrind's memcheck on the end-to-end walk of the demo pack, headless.
# Fails on any memory error and on leaks that start in our own code
# (kiosk/ or tools/); libraries' own start-up allocations are not ours.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/build/valgrind
rm -rf "$OUT"
mkdir -p "$OUT"
export SDL_VIDEODRIVER=dummy
fail=0

vg() { # name, command...
	name=$1
	shift
	# from the scratch folder: scripts save their shots where they run
	(cd "$OUT" && valgrind --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite --errors-for-leak-kinds=definite \
		--num-callers=30 --log-file="$OUT/$name.log" "$@" \
		> "$OUT/$name.out" 2>&1)
	rc=$?
	# a definite leak counts only when one of our files is on its stack
	if [ $rc = 99 ] && ! grep -E 'Invalid|uninitialised|Mismatched' "$OUT/$name.log" >/dev/null &&
	   ! awk '/definitely lost/,/^==[0-9]+== $/' "$OUT/$name.log" | grep -qE '\((kiosk|tools)/'; then
		rc=0
	fi
	if [ $rc = 0 ]; then
		echo "ok    valgrind $name"
	else
		echo "FAIL  valgrind $name (see $OUT/$name.log)"
		fail=1
	fi
}

vg navigate "$ROOT/build/kiosk" --data "$OUT/data" --date 2026-11-24 \
	--script "$ROOT/tests/e2e/navigate.kscript"
vg idle "$ROOT/build/kiosk" --data "$OUT/data" --date 2026-11-24 \
	--script "$ROOT/tests/e2e/idle.kscript"
vg check "$ROOT/build/kioskctl" check "$ROOT/content/ussen" --date 2026-11-24
exit $fail
