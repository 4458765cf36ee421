#!/bin/sh
# store.sh: the survey store's figures for `make bench` (also runs alone,
# after `make all`): the time to save one response (median over 200, on
# the build folder's disk, as on a kiosk), the fsync and fdatasync calls
# per response (counted with strace when installed), and the time to
# export 100,000 responses to CSV and to the report (goal: each under
# 1 s). The 100,000 are saved on a RAM disk (/dev/shm) when there is one,
# since saving each with its own sync would take minutes.
set -eu
cd "$(dirname "$0")/../.."

BENCH=build/bench/store_bench
WARN="-Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wvla
      -Wwrite-strings -Werror"
N_SAVE=${N_SAVE:-200}
N_EXPORT=${N_EXPORT:-100000}

[ -f build/libkioskcore.a ] || { echo "bench: run 'make all' first" >&2; exit 1; }
mkdir -p build/bench
# the flags are word lists on purpose
# shellcheck disable=SC2046,SC2086
cc -std=c11 -D_GNU_SOURCE -O2 $WARN -Ikiosk -o "$BENCH" \
	tests/bench/store_bench.c build/libkioskcore.a \
	$(pkg-config --cflags --libs md4c libpng libjpeg libqrencode \
		poppler-glib cairo sqlite3) -lm

disk=$(mktemp -d build/bench/store-XXXXXX)
ram=$(mktemp -d /dev/shm/wijkkiosk-bench-XXXXXX 2>/dev/null) ||
	ram=$(mktemp -d build/bench/store-big-XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$disk" "$ram"' EXIT INT TERM HUP

echo
echo "Survey store"
mkdir -p "$disk/a"
"$BENCH" save "$disk/a" "$N_SAVE"
if command -v strace >/dev/null; then
	mkdir -p "$disk/b"
	strace -f -c -e trace=fsync,fdatasync -o "$disk/strace.txt" \
		"$BENCH" fill "$disk/b" "$N_SAVE"
	syncs=$(awk '$NF == "fsync" || $NF == "fdatasync" { n += $4 }
		END { print n + 0 }' "$disk/strace.txt")
	echo "syncs: $syncs fsync/fdatasync calls for $N_SAVE responses" \
	     "(open included): $(echo "$syncs $N_SAVE" |
		awk '{ printf "%.2f", $1 / $2 }') per response"
else
	echo "syncs: strace is not installed; not counted"
fi
mkdir -p "$ram/big"
started=$(date +%s)
"$BENCH" fill "$ram/big" "$N_EXPORT"
echo "($N_EXPORT responses saved in $(($(date +%s) - started)) s," \
     "$(du -k "$ram/big/enquete.sqlite" | cut -f1) KiB)"
"$BENCH" export "$ram/big" "$ram/out-csv" csv
"$BENCH" export "$ram/big" "$ram/out-report" report
echo "files: CSV $(du -k "$ram/out-csv"/enquete-*[0-9a-f].csv | cut -f1) KiB," \
     "report $(du -k "$ram/out-report/rapport.html" | cut -f1) KiB"
