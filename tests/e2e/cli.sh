#!/bin/sh
# End-to-end checks of the kiosk program itself: command-line mistakes,
# missing pieces, scripts from standard input, signals and a real window.
# KIOSK is the binary under test, OUT a scratch folder. Prints "ok NAME" or
# "not ok NAME" a check; exits 1 when any failed.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
DATA="$OUT/data"
fails=0

. "$ROOT/tests/e2e/lib.inc"

# Runs the kiosk; keeps exit code in $rc and stderr in $OUT/err.
run() {
	"$KIOSK" "$@" > "$OUT/out" 2> "$OUT/err" < /dev/null
	rc=$?
}

clean_exit_with() { # code, text expected in stderr
	[ "$rc" = "$1" ] && grep -qF "$2" "$OUT/err" &&
		! grep -q Sanitizer "$OUT/err"
}

printf 'quit\n' > "$OUT/quit.kscript"

run --frobnicate
check "unknown option is refused" clean_exit_with 2 "unknown option '--frobnicate'"
run --size 12by4
check "bad size is refused" clean_exit_with 2 "bad size '12by4'"
run --size
check "option without value is refused" clean_exit_with 2 "option '--size' needs a value"
run --screen-inches 0 --script "$OUT/quit.kscript"
check "bad screen size is refused" clean_exit_with 2 "bad screen size '0'"
run --help
check "--help prints usage" sh -c "[ $rc = 0 ] && grep -q -- '--content DIR' '$OUT/out'"
run --content "$OUT/nowhere" --data "$DATA" --script "$OUT/quit.kscript"
check "missing content folder is named" clean_exit_with 1 "content folder '$OUT/nowhere' does not exist"
run --font "$OUT/none.ttf" --bold-font "$OUT/none.ttf" --data "$DATA" --script "$OUT/quit.kscript"
check "missing font is named" clean_exit_with 1 "cannot open the font '$OUT/none.ttf'"
run --data "$DATA" --script "$OUT/no-such-script"
check "missing script is named" clean_exit_with 1 "cannot open script '$OUT/no-such-script'"

# No display at all: a real video driver with nothing to talk to.
env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$KIOSK" --data "$DATA" \
	--script "$OUT/quit.kscript" > "$OUT/out" 2> "$OUT/err" < /dev/null
rc=$?
check "no display gives one clear sentence" clean_exit_with 1 "no display found"

# A broken content pack: the kiosk logs the file and line, in Dutch, and
# shows a calm out-of-order screen instead of half a pack.
mkdir -p "$OUT/broken"
printf '[kiosk]\nformat = 1\nname = Test\ncolour = red\n' > "$OUT/broken/kiosk.ini"
printf 'expect "Tijdelijk buiten gebruik"\nexpect-not "Test"\nquit\n' > "$OUT/broken.kscript"
run --content "$OUT/broken" --data "$DATA" --script "$OUT/broken.kscript"
check "broken pack: out of order, file and line logged" \
	clean_exit_with 0 "kiosk.ini:4: onbekende instelling 'colour' in [kiosk]"

# A screenshot is a real PNG of the whole screen.
printf 'shot %s/attract.png\nquit\n' "$OUT" > "$OUT/shot.kscript"
run --data "$DATA" --size 1280x720 --script "$OUT/shot.kscript"
check "shot writes a 1280x720 PNG" sh -c "[ $rc = 0 ] && identify -format '%m %wx%h' '$OUT/attract.png' | grep -q 'PNG 1280x720'"

# Driving step by step through standard input: each answer arrives before
# the next command is sent.
check "script from standard input, step by step" \
	python3 "$ROOT/tests/e2e/drive_stdin.py" "$KIOSK" "$DATA"

# Signals: Ctrl+C (SIGINT) does not end a public kiosk; SIGHUP, SIGUSR1,
# SIGUSR2 and SIGPIPE are logged and survived by it and by a script run;
# SIGTERM ends both cleanly. Each step waits for the kiosk's answer.
check "every signal but SIGTERM logged and survived, SIGTERM ends cleanly" \
	python3 "$ROOT/tests/e2e/signals.py" "$KIOSK" "$DATA"

# A driver that stops reading: the script run ends quietly (EPIPE), with
# no error and no crash.
python3 -c '
import subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdout.close()
p.stdin.write(b"list\nexpect \"not on any screen\"\n")
p.stdin.close()
rc = p.wait()
sys.stderr.write(p.stderr.read().decode())
sys.exit(rc)' "$KIOSK" --data "$DATA" --script - 2> "$OUT/err"
rc=$?
check "reader of the script output gone: ends quietly" \
	sh -c "[ $rc = 0 ] && ! grep -q 'error\\|Sanitizer\\|not on any' '$OUT/err'"

# Keys that end or hide an ordinary program leave the kiosk as it was.
check "no key combination ends or changes the kiosk" \
	python3 "$ROOT/tests/e2e/keys.py" "$KIOSK" "$DATA"
printf 'key alt+Frob\n' > "$OUT/badkey.kscript"
run --data "$DATA" --script "$OUT/badkey.kscript"
check "an unknown key name is refused" \
	clean_exit_with 1 "badkey.kscript:1: unknown key 'Frob'"
# An installed pack that was damaged afterwards (a bad disk, a hand edit):
# the kiosk shows the previous installed pack instead, not a broken one.
CTL_BIN="${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}"
rm -rf "$OUT/good" "$OUT/newer" "$OUT/d2"
cp -r "$ROOT/content/voorbeeld" "$OUT/good"
cp -r "$ROOT/content/voorbeeld" "$OUT/newer"
sed -i 's/^name = .*/name = Nieuwere wijk/' "$OUT/newer/kiosk.ini"
"$CTL_BIN" install "$OUT/good" --data "$OUT/d2" > /dev/null 2>&1 &&
	"$CTL_BIN" install "$OUT/newer" --data "$OUT/d2" > /dev/null 2>&1
cur=$("$CTL_BIN" current --data "$OUT/d2" | sed -n "s/^staat nu in: *//p")
printf 'kapot = ja\n' >> "$cur/kiosk.ini"
printf 'expect "%s"\nexpect-not "Nieuwere wijk"\nquit\n' \
	"$(sed -n 's/^name = //p' "$OUT/good/kiosk.ini")" > "$OUT/good.kscript"
run --data "$OUT/d2" --script "$OUT/good.kscript"
check "damaged installed pack: the previous one is shown" \
	clean_exit_with 0 "showing the previous one"

# A real window under Xvfb, full screen at the display's size.
if command -v xvfb-run > /dev/null; then
	printf 'tap "Tik op het scherm om te beginnen"\nexpect "De werkwijze"\nshot %s/xvfb-home.png\nquit\n' \
		"$OUT" > "$OUT/xvfb.kscript"
	# Mesa and D-Bus keep a few bytes to the end of the process in
	# libraries that are unloaded by then, which LeakSanitizer cannot
	# name or suppress: leak checks run on the dummy driver instead.
	ASAN_OPTIONS=detect_leaks=0 SDL_VIDEODRIVER=x11 xvfb-run -a -s "-screen 0 1600x900x24" \
		"$KIOSK" --data "$DATA" --script "$OUT/xvfb.kscript" \
		> "$OUT/out" 2> "$OUT/err" < /dev/null
	rc=$?
	check "real X window, full screen at display size" \
		sh -c "[ $rc = 0 ] && identify -format '%wx%h' '$OUT/xvfb-home.png' | grep -q 1600x900"
else
	echo "not ok xvfb-run missing (make deps installs it)"
	fails=$((fails + 1))
fi

[ $fails = 0 ]
