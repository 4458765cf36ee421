#!/bin/sh
# Builds the fuzz targets with clang (libFuzzer + ASan + UBSan) and runs
# each for RUNS inputs (default 4000: the short run of `make test`; `make
# fuzz` passes a larger number). Exit 1 when a target finds a crash.
set -u
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-4000}
OUT=build/fuzz
mkdir -p "$OUT"
CORE_SRC=$(find kiosk/base kiosk/core -name '*.c' | sort)
FLAGS="-std=c11 -D_GNU_SOURCE -Ikiosk -g -O1 -fsanitize=fuzzer,address,undefined"
LIBS="$(pkg-config --cflags --libs md4c libpng libjpeg libqrencode poppler-glib cairo) -lm"
fail=0
for t in content script kv; do
	bin="$OUT/fuzz_$t"
	# shellcheck disable=SC2086
	if ! clang $FLAGS -o "$bin" "tests/fuzz/fuzz_$t.c" $CORE_SRC $LIBS \
		> "$OUT/build-$t.log" 2>&1; then
		echo "fuzz_$t: build failed"
		sed 's/^/  /' "$OUT/build-$t.log" | head -20
		fail=1
		continue
	fi
	mkdir -p "$OUT/corpus-$t"
	if "$bin" -runs="$RUNS" -max_len=4096 "$OUT/corpus-$t" \
		"tests/fuzz/corpus/$t" > "$OUT/run-$t.log" 2>&1; then
		echo "fuzz_$t: $RUNS inputs, no crash"
	else
		echo "fuzz_$t: FOUND A CRASH"
		grep -E 'ERROR|SUMMARY|Test unit written' "$OUT/run-$t.log" | head -10
		fail=1
	fi
done
rm -rf /tmp/fuzz-content-*
exit $fail
