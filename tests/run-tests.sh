#!/bin/sh
# Runs every test of Wijkkiosk: the layer check, the unit tests of the core
# and of platform modules (sanitizer build, no sound card), and the
# end-to-end tests that drive the real kiosk binary headless. Ends with the
# line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/build/test-out"
rm -rf "$OUT"
mkdir -p "$OUT"

passed=0
failed=0
failures=""

ok() {
	passed=$((passed + 1))
	echo "ok    $1"
}

bad() {
	failed=$((failed + 1))
	failures="$failures
  $1"
	echo "FAIL  $1"
	[ -n "${2:-}" ] && sed 's/^/      /' "$2" | head -40
	return 0
}

export ASAN_OPTIONS="abort_on_error=0:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The dummy video driver needs no display and loads no GL libraries (the
# offscreen driver's EGL loader leaks a little inside Mesa, which would
# drown our own leak reports).
export SDL_VIDEODRIVER=dummy

echo "== layers"
if sh tests/check-layers.sh > "$OUT/layers.log" 2>&1; then
	ok "layers"
else
	bad "layers" "$OUT/layers.log"
fi

echo "== unit tests (ASan + UBSan)"
for t in build/san/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" > "$OUT/$name.log" 2>&1; then
		ok "$name ($(grep -c '^\[       OK \]' "$OUT/$name.log") cases)"
	else
		bad "$name" "$OUT/$name.log"
	fi
done

echo "== platform tests (ASan + UBSan, no sound card)"
for t in build/san/platform/test_*; do
	[ -x "$t" ] || continue
	name=platform/$(basename "$t")
	mkdir -p "$OUT/platform"
	if "$t" > "$OUT/$name.log" 2>&1; then
		ok "$name ($(grep -c '^\[       OK \]' "$OUT/$name.log") cases)"
	else
		bad "$name" "$OUT/$name.log"
	fi
done

echo "== end-to-end (build/san/kiosk, headless)"
for s in tests/e2e/*.kscript; do
	name=$(basename "$s" .kscript)
	dir="$OUT/e2e/$name"
	mkdir -p "$dir"
	want_exit=$(sed -n 's/^# expect-exit: *//p' "$s")
	want_err=$(sed -n 's/^# expect-stderr: *//p' "$s")
	args=$(sed -n 's/^# args: *//p' "$s" |
		sed "s|content/|$ROOT/content/|g; s|tests/e2e/|$ROOT/tests/e2e/|g")
	# a fixed day, so flyers and news with dates show the same each run
	# shellcheck disable=SC2086
	(cd "$dir" && "$ROOT/build/san/kiosk" --data "$dir/data" \
		--date 2026-11-24 $args \
		--script "$ROOT/$s" > stdout.log 2> stderr.log)
	rc=$?
	if [ -z "$want_exit" ]; then
		if [ $rc = 0 ] && ! grep -q 'Sanitizer' "$dir/stderr.log"; then
			ok "e2e $name"
		else
			bad "e2e $name (exit $rc)" "$dir/stderr.log"
		fi
	elif [ "$rc" = "$want_exit" ] && grep -qF "$want_err" "$dir/stderr.log" &&
	     ! grep -q 'Sanitizer' "$dir/stderr.log"; then
		ok "e2e $name (fails as it should)"
	else
		bad "e2e $name (exit $rc, wanted $want_exit and '$want_err')" \
			"$dir/stderr.log"
	fi
done

echo "== end-to-end checks of the program (tests/e2e/*.sh)"
for s in tests/e2e/*.sh; do
	name=$(basename "$s" .sh)
	if KIOSK="$ROOT/build/san/kiosk" KIOSKCTL="$ROOT/build/san/kioskctl" \
	   OUT="$OUT/e2e-$name" \
	   sh "$s" > "$OUT/$name.log" 2>&1; then
		ok "$name ($(grep -c '^ok' "$OUT/$name.log") checks)"
	else
		bad "$name" "$OUT/$name.log"
	fi
done

echo "== monkey, half a minute (make monkey MINUTES=30 runs longer)"
if python3 tests/monkey/monkey.py build/san/kiosk "$ROOT" "$OUT/monkey" \
	--minutes 0.5 > "$OUT/monkey.log" 2>&1; then
	ok "monkey ($(sed -n 's/^monkey: \([0-9]*\) taps.*/\1/p' "$OUT/monkey.log") taps)"
else
	bad "monkey" "$OUT/monkey.log"
fi

echo "== fuzzing, short run (make fuzz runs longer)"
if sh tests/fuzz/run.sh > "$OUT/fuzz.log" 2>&1; then
	ok "fuzz ($(grep -c 'no crash' "$OUT/fuzz.log") targets)"
else
	bad "fuzz" "$OUT/fuzz.log"
fi

if [ $failed != 0 ]; then
	echo "failed:$failures"
fi
echo "$passed passed, $failed failed"
[ $failed = 0 ]
