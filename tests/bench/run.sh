#!/bin/sh
# run.sh: `make bench`. Sets the kiosk (build/kiosk, built by `make all`)
# against a baseline, a minimal SDL2 + SDL2_ttf program that opens the same
# window and draws one line of text (tests/bench/minimal.c, built here into
# build/bench/minimal). It prints a table of start time, frame times,
# memory and idle CPU with the ratio kiosk/baseline: first headless
# (SDL_VIDEODRIVER=offscreen), then in a real X window under Xvfb when
# xvfb-run is installed. tests/bench/measure.py takes the measurements and
# owns the processes (Xvfb included) and temporary files they need; this
# script passes SIGTERM, SIGHUP and Ctrl+C on to it, so that it cleans up.
#
# Start and memory are also measured with a large generated pack (500
# pages, 100 flyers; tests/bench/make-big-pack.sh), or BENCH_BIG_PACK=DIR.
# Read-aloud gets its own table (tests/bench/speech.c, build/bench/speech):
# speech_say to the first sample, and CPU while a paragraph is spoken.
#
# Takes about five minutes; nothing here is a pass/fail test.
set -eu

cd "$(dirname "$0")/../.."

KIOSK=build/kiosk
BASELINE=build/bench/minimal
CONTENT=content/ussen
SIZE=1920x1080
WARN="-Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wvla
      -Wwrite-strings -Werror"

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$KIOSK" ] || die "'$KIOSK' not found: run 'make all' first"
command -v python3 >/dev/null || die "python3 not found: run 'make deps'"
FONT=$(fc-match -f '%{file}' 'DejaVu Sans' 2>/dev/null) || FONT=
[ -f "$FONT" ] || die "no DejaVu Sans font: install fonts-dejavu-core"

mkdir -p build/bench
# the flags are word lists on purpose
# shellcheck disable=SC2046,SC2086
cc -std=c11 -O2 $WARN -o "$BASELINE" tests/bench/minimal.c \
	$(pkg-config --cflags --libs sdl2 SDL2_ttf) ||
	die "cannot build '$BASELINE'"

# read-aloud: first sound and CPU while speaking (tests/bench/speech.c);
# runs without a sound card on SDL's dummy audio driver
SPEECH=build/bench/speech
# shellcheck disable=SC2046,SC2086
cc -std=c11 -D_GNU_SOURCE -O2 $WARN -Wno-format-truncation -Ikiosk \
	-o "$SPEECH" tests/bench/speech.c kiosk/platform/speech.c \
	kiosk/base/err.c kiosk/base/log.c \
	$(pkg-config --cflags --libs sdl2 espeak-ng) -lm ||
	die "cannot build '$SPEECH'"

BIG=
if [ -z "${BENCH_BIG_PACK:-}" ]; then
	# by default a generated pack of 500 pages and 100 flyers
	sh tests/bench/make-big-pack.sh build/bench/big-pack
	BENCH_BIG_PACK=build/bench/big-pack
fi
if [ -n "${BENCH_BIG_PACK:-}" ]; then
	if [ -d "$BENCH_BIG_PACK" ]; then
		BIG=$BENCH_BIG_PACK
	else
		echo "bench: BENCH_BIG_PACK '$BENCH_BIG_PACK' is not a folder;" \
		     "skipping the big pack" >&2
	fi
fi

# measure.py runs in the background so that a signal reaches the trap at
# once; the trap hands it on by PID and waits for the clean-up.
child=
stop() {
	trap '' INT TERM HUP
	if [ -n "$child" ]; then
		kill -TERM "$child" 2>/dev/null || :
		wait "$child" 2>/dev/null || :
	fi
	echo "bench: stopped" >&2
	exit 130
}
trap stop INT TERM HUP

measure() {
	python3 tests/bench/measure.py --kiosk "$KIOSK" \
		--baseline "$BASELINE" --font "$FONT" --content "$CONTENT" \
		--size "$SIZE" "$@" &
	child=$!
	rc=0
	wait "$child" || rc=$?
	child=
	[ "$rc" = 0 ] || die "measuring failed (status $rc)"
}

started=$(date +%s)
echo "Wijkkiosk benchmark, $(date '+%Y-%m-%d %H:%M'), $(nproc) CPUs:" \
     "kiosk against a minimal SDL2 + SDL2_ttf baseline."
echo "Figures are medians (start: 7 runs after a warm-up; frame times: 3" \
     "runs of 600 frames); memory and idle CPU (60 s) come from one run each."
echo "The machine is shared and noisy: read the ratios, not the last digit."

# read-aloud first: it needs neither a display nor the pack
"$SPEECH" build/bench/speech.wav || die "the read-aloud bench failed"

# headless; the big pack only here, loading it does not depend on display
if [ -n "$BIG" ]; then
	measure --mode headless --big-pack "$BIG"
else
	measure --mode headless
fi

if command -v xvfb-run >/dev/null; then
	measure --mode x11
else
	echo
	echo "(xvfb-run is not installed: no figures for a real X window)"
fi

sh tests/bench/store.sh
sh tests/bench/pin.sh

echo
echo "bench: done in $(($(date +%s) - started)) s"
