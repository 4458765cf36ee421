#!/bin/sh
# Runs each fuzz target (clang, libFuzzer + ASan + UBSan; built by `make
# fuzz-bins` against a core library compiled once) for RUNS inputs
# (default 4000: the short run of `make test`; `make fuzz` passes a larger
# number). Exit 1 when a target finds a crash.
set -u
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-4000}
OUT=build/fuzz
mkdir -p "$OUT"
fail=0
# the targets and the core library they share are built by make, which
# rebuilds only what changed (`make fuzz-bins`; `make test` does it first)
if ! ${MAKE:-make} --no-print-directory fuzz-bins > "$OUT/build.log" 2>&1; then
	echo "fuzz: build failed"
	sed 's/^/  /' "$OUT/build.log" | head -20
	exit 1
fi
for t in $(ls tests/fuzz/fuzz_*.c | sed "s|.*fuzz_||; s|\.c$||"); do
	bin="$OUT/fuzz_$t"
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
