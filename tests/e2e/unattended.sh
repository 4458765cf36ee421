#!/bin/sh
# Running unattended: systemd's watchdog (a fake NOTIFY_SOCKET sees READY,
# the heartbeat, its silence after a hang, STOPPING), a damaged survey file
# at start (moved aside, logged, the public sees the kiosk), and the log
# (journald priorities on every line, never a typed answer). KIOSK is the
# binary under test, OUT a scratch folder. Prints "ok NAME" or
# "not ok NAME" a check; exits 1 when any failed.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

# The dummy driver: headless like offscreen, without Mesa's EGL loader
# (whose small leaks would hide ours from the leak checker).
export SDL_VIDEODRIVER=dummy

# ---- systemd's watchdog ----
check "watchdog: READY, heartbeat, silence after a hang, STOPPING" \
	python3 "$ROOT/tests/e2e/watchdog.py" "$KIOSK" "$OUT/watchdog"

# ---- a damaged survey file at start ----
ATTRACT="Tik op het scherm om te beginnen"
printf 'expect "%s"\nexpect-not "Tijdelijk buiten gebruik"\ntap "%s"\nexpect "Enquête"\nquit\n' \
	"$ATTRACT" "$ATTRACT" > "$OUT/start.kscript"

damaged_start() { # data folder; runs the kiosk, keeps stderr in DATA.err
	"$KIOSK" --content "$ROOT/content/ussen" --data "$1" \
		--date 2026-11-24 --script "$OUT/start.kscript" \
		> "$1.out" 2> "$1.err" < /dev/null
}

moved_aside() { # data folder
	[ -f "$1/enquete.sqlite.beschadigd-2026-11-24" ] &&
		grep -q "^<3>kiosk: error: store: '$1/enquete.sqlite' was damaged; moved aside as '$1/enquete.sqlite.beschadigd-2026-11-24'" "$1.err" &&
		! grep -q Sanitizer "$1.err"
}

# a file that is no database at all
D="$OUT/garbage"
mkdir -p "$D"
head -c 20000 /dev/urandom > "$D/enquete.sqlite"
damaged_start "$D"
check "garbage survey file: the kiosk shows its attract and home screen" \
	test $? = 0
check "garbage survey file: moved aside with the date, logged" moved_aside "$D"
check "garbage survey file: a fresh one is there" test -s "$D/enquete.sqlite"

# a real survey file with answers, one page in the middle overwritten
D="$OUT/damaged"
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" "$D" nl \
	> "$OUT/fill.log" 2>&1
check "a survey is saved before the damage" test -s "$D/enquete.sqlite"
python3 - "$D/enquete.sqlite" <<'PY'
import sys
path = sys.argv[1]
with open(path, "r+b") as f:
    size = f.seek(0, 2)
    page = int.from_bytes(open(path, "rb").read(18)[16:18], "big") or 65536
    # overwrite every page but the first: the schema and the answers
    f.seek(page)
    f.write(b"\xa5" * max(page, size - page))
PY
rm -f "$D/enquete.sqlite-wal" "$D/enquete.sqlite-shm"
damaged_start "$D"
check "damaged survey file: the kiosk shows its attract and home screen" \
	test $? = 0
check "damaged survey file: moved aside with the date, logged" moved_aside "$D"
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" "$D" nl \
	> "$OUT/refill.log" 2>&1
check "after the damage the next survey is saved again" test $? = 0

# ---- the log ----
# A unique text typed into every open question must not reach the log,
# nor may the answers chosen; every line carries a journald priority.
CANARY="Kanarie$$-$(date +%s)-xq"
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" \
	"$OUT/canary" en "$CANARY" > "$OUT/canary.out" 2> "$OUT/canary.err"
check "a survey with a unique typed text is saved" test $? = 0
check "the typed text did reach the survey file" \
	grep -q "$CANARY" "$OUT/canary/enquete.sqlite" \
	"$OUT/canary/enquete.sqlite-wal"
check "the log holds lines" test -s "$OUT/canary.err"
check "the typed text is not in the log" \
	sh -c "! grep -q '$CANARY' '$OUT/canary.err'"
check "every log line starts with a journald priority" \
	sh -c "! grep -v -E '^<[3467]>kiosk: (error|warning|info|debug): ' \
		'$OUT/canary.err' '$OUT/garbage.err' '$OUT/damaged.err'"

check "no sanitizer report" sh -c "! grep -rq Sanitizer '$OUT'"
[ $fails = 0 ]
