#!/bin/sh
# The survey, end to end: an inhabitant fills in the Ussen survey by touch
# (in Dutch, then in English, the keyboard and number pad included) and
# the Deurne survey in Dutch; the kiosk thanks them only once the answers
# are stored, and the staff export holds the Ussen responses, with the ISO
# week as the only time. KIOSK and KIOSKCTL are the binaries under test,
# OUT a scratch folder.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
KIOSKCTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy
DATA="$OUT/data"

check "fills in the survey in Dutch and is thanked" \
	python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" \
	"$DATA" nl
check "fills in the survey in English and is thanked" \
	python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" \
	"$DATA" en
check "fills in the Deurne survey and is thanked" \
	python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/deurne" \
	"$OUT/deurne" nl
# a scale shows the pack's own words for its five points
printf '%s\n' 'tap "Tik op het scherm om te beginnen"' 'tap "Enquête"' \
	'tap "Begin de enquête"' 'expect "Heel vervelend"' \
	'expect "Heel prettig"' 'expect-not "Heel slecht"' > "$OUT/scale.kscript"
"$KIOSK" --content "$ROOT/content/ussen" --data "$OUT/scale-data" \
	--date 2026-11-24 --script "$OUT/scale.kscript" > "$OUT/scale.out" \
	2> "$OUT/scale.err"
check "a scale shows the pack's own words" test $? = 0
"$KIOSKCTL" export --data "$DATA" "$OUT/export" > "$OUT/export.log" 2>&1
check "kioskctl export ends well" test $? = 0
csv=$(ls "$OUT"/export/enquete-*.csv 2>/dev/null | grep -v codeboek | head -1)
check "the export has a CSV" test -n "$csv"
check "two responses, one row each" \
	sh -c "[ \$(tail -n +2 '$csv' | grep -c .) = 2 ]"
check "the only time is the ISO week of 2026-11-24" \
	sh -c "tail -n +2 '$csv' | cut -d';' -f2,3 | sort -u | grep -qx '2026;48'"
check "the answer typed on the keyboard is in it" grep -q 'Meer banken' "$csv"
check "the answer typed by the script runner is in it" \
	grep -q 'More benches, café' "$csv"
check "no sanitizer report" sh -c "! grep -rq Sanitizer '$OUT'"

[ $fails = 0 ]
