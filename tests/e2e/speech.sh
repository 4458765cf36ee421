#!/bin/sh
# Read aloud, heard through --audio-out: the speaker button reads the
# screen into a WAV (not silent), in the visitor's language; a tap stops it
# at once; `say` prints the words it reads. KIOSK is the binary under test,
# OUT a scratch folder. Prints "ok NAME" or "not ok NAME" a check; exits 1
# when any failed.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy

# Seconds of sound in a WAV and its loudness (RMS of 16-bit samples).
wav_facts() {
	python3 - "$1" <<'PY'
import sys, wave, struct, math
w = wave.open(sys.argv[1])
n = w.getnframes()
data = w.readframes(n)
s = struct.unpack('<%dh' % (len(data) // 2), data)
rms = math.sqrt(sum(x * x for x in s) / len(s)) if s else 0
print('%.2f %d' % (n / w.getframerate(), rms))
PY
}

speak() { # name, script text
	printf '%s\n' "$2" > "$OUT/$1.kscript"
	"$KIOSK" --content "$ROOT/content/ussen" --data "$OUT/data" \
		--date 2026-11-24 --audio-out "$OUT/$1.wav" \
		--script "$OUT/$1.kscript" > "$OUT/$1.out" 2> "$OUT/$1.err"
}

speak nl 'tap "Tik op het scherm om te beginnen"
tap "Stap voor stap"
say
tap "Lees voor"
expect "Stop met lezen"
wait 6000
quit'
check "reads the page in Dutch, exit 0" test $? = 0
check "say starts with the title" \
	sh -c "sed -n '1p' '$OUT/nl.out' | grep -qx 'say: Stap voor stap'"
check "say reads the buttons too" grep -qx 'say: Knop: Volgende' "$OUT/nl.out"
set -- $(wav_facts "$OUT/nl.wav")
check "the WAV holds about six seconds ($1 s)" \
	python3 -c "import sys; sys.exit(not 5.0 <= $1 <= 6.5)"
check "the WAV is not silent (RMS $2)" test "$2" -gt 300

speak stop 'tap "Tik op het scherm om te beginnen"
tap "Stap voor stap"
tap "Lees voor"
wait 2000
tap 960 540
expect "Lees voor"
wait 8000
quit'
check "a tap stops reading, exit 0" test $? = 0
set -- $(wav_facts "$OUT/stop.wav")
check "after the tap nothing more is heard ($1 s)" \
	python3 -c "import sys; sys.exit(not 1.5 <= $1 <= 2.5)"

speak ar 'tap "Tik op het scherm om te beginnen"
tap "Taal"
tap "العربية"
tap "قراءة بصوت عالٍ"
wait 4000
say
quit'
check "reads in Arabic, exit 0" test $? = 0
set -- $(wav_facts "$OUT/ar.wav")
check "the Arabic WAV is not silent (RMS $2)" test "$2" -gt 300
check "no sanitizer report" sh -c "! grep -q Sanitizer '$OUT'/*.err"

[ $fails = 0 ]
