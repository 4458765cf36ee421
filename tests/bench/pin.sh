#!/bin/sh
# pin.sh: the staff PIN's hash and check times for `make bench` (also runs
# alone, after `make all`).
set -eu
cd "$(dirname "$0")/../.."

BENCH=build/bench/pin_bench
WARN="-Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wvla
      -Wwrite-strings -Werror"

[ -f build/libkioskcore.a ] || { echo "bench: run 'make all' first" >&2; exit 1; }
mkdir -p build/bench
# the flags are word lists on purpose
# shellcheck disable=SC2086
cc -std=c11 -D_GNU_SOURCE -O2 $WARN -Ikiosk -o "$BENCH" \
	tests/bench/pin_bench.c build/libkioskcore.a \
	$(pkg-config --libs libsodium)
"$BENCH" "${N_PIN:-9}"
