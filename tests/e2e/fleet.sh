#!/bin/sh
# Several kiosks in one town, with plain file copies standing in for the
# synchronisation: a whole pack that appears in DATA/inbox is checked and
# installed, a half-arrived one waits, a broken one is refused with a
# Dutch report beside it; the daily outbox file appears, named by kiosk and
# date, and the office merges two kiosks without counting twice. KIOSK and
# KIOSKCTL are the binaries under test, OUT a scratch folder.
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
mkdir -p "$DATA/inbox" "$DATA/outbox"
USSEN="Tik op het scherm om te beginnen"
LINDE="Wijkcentrum De Linde"

# a kiosk run with these script lines; three `wait 11000` rest on the
# attract screen for three looks at the inbox (one every 10 s)
run() { # script lines...
	: > "$OUT/run.kscript"
	for line in "$@"; do
		printf '%s\n' "$line" >> "$OUT/run.kscript"
	done
	"$KIOSK" --data "$DATA" --date 2026-11-24 --script "$OUT/run.kscript" \
		> "$OUT/run.out" 2> "$OUT/run.err" < /dev/null
	rc=$?
	cat "$OUT/run.err" >> "$OUT/all.err"
}

# ---- a half-arrived pack waits ----
cp -R "$ROOT/content/voorbeeld" "$DATA/inbox/linde"
mv "$DATA/inbox/linde/kiosk.ini" "$DATA/inbox/linde/.syncthing.kiosk.ini.tmp"
run "expect \"$USSEN\"" "wait 11000" "wait 11000" "wait 11000" "expect \"$USSEN\"" "expect-not \"$LINDE\""
check "half-arrived pack: the kiosk goes on with what it had" test $rc = 0
check "half-arrived pack: not installed" \
	sh -c "! '$KIOSKCTL' current --data '$DATA' > /dev/null 2>&1"
check "half-arrived pack: no report yet" \
	sh -c "! ls '$DATA'/inbox/*.txt > /dev/null 2>&1"

# kiosk.ini arrives, the temporary file is gone: after two looks it is on
mv "$DATA/inbox/linde/.syncthing.kiosk.ini.tmp" "$DATA/inbox/linde/kiosk.ini"
run "wait 11000" "wait 11000" "wait 11000" "expect \"$LINDE\""
check "whole pack: installed and on screen" test $rc = 0
check "whole pack: the report beside it says so" \
	grep -q "staat op de kiosk op 2026-11-24" "$DATA/inbox/linde.ok.txt"
check "whole pack: kioskctl current names it" \
	sh -c "'$KIOSKCTL' current --data '$DATA' | grep -q 'inbox/linde'"
check "whole pack: logged" grep -q "inbox: pack 'linde' installed" "$OUT/run.err"

# the same pack is not installed again at the next start
run "wait 11000" "wait 11000" "wait 11000" "expect \"$LINDE\""
check "an installed pack is not installed twice" \
	sh -c "! grep -q 'checking and installing' '$OUT/run.err'"

# ---- a broken pack is refused, with the reasons beside it ----
cp -R "$ROOT/content/voorbeeld" "$DATA/inbox/kapot"
printf 'kleur = rood\n' >> "$DATA/inbox/kapot/kiosk.ini"
run "wait 11000" "wait 11000" "wait 11000" "expect \"$LINDE\""
check "broken pack: the kiosk keeps showing the pack it had" test $rc = 0
check "broken pack: a report beside it" test -f "$DATA/inbox/kapot.fout.txt"
check "broken pack: the report is Dutch and names file and line" sh -c \
	"grep -q 'NIET op de kiosk gezet' '$DATA/inbox/kapot.fout.txt' &&
	 grep -q 'kiosk.ini:[0-9]*: ' '$DATA/inbox/kapot.fout.txt'"
check "broken pack: the current pack stays" \
	sh -c "'$KIOSKCTL' current --data '$DATA' | grep -q 'inbox/linde'"
check "broken pack: no temporary file left" \
	sh -c "! ls -A '$DATA' | grep -q kioskctl-uitvoer"
# mended in the office: tried again and installed
sed -i '/^kleur = rood$/d' "$DATA/inbox/kapot/kiosk.ini"
touch "$DATA/inbox/kapot/kiosk.ini"
run "wait 11000" "wait 11000" "wait 11000" "expect \"$LINDE\""
check "mended pack: installed, its error report gone" sh -c \
	"[ -f '$DATA/inbox/kapot.ok.txt' ] && [ ! -f '$DATA/inbox/kapot.fout.txt' ]"

# ---- the outbox ----
printf '[kiosk]\nname = ussen-1\n' > "$DATA/settings.ini"
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" "$DATA" nl \
	> "$OUT/survey1.log" 2>&1
check "kiosk 1: a survey is saved" test $? = 0
# the next day's first rest writes the outbox file
"$KIOSK" --content "$ROOT/content/ussen" --data "$DATA" --date 2026-11-25 \
	--script "$OUT/run.kscript" > "$OUT/run.out" 2> "$OUT/next.err" < /dev/null
OUT1="$DATA/outbox/enquete-ussen-1-2026-11-25.sqlite"
check "kiosk 1: the outbox file is there, named by kiosk and date" test -s "$OUT1"
check "kiosk 1: logged" grep -q "outbox: in de uitbak" "$OUT/next.err"
check "the outbox holds no temporary file" \
	sh -c "[ \$(ls -A '$DATA/outbox' | wc -l) = 1 ]"

D2="$OUT/data2"
mkdir -p "$D2/outbox"
printf '[kiosk]\nname = ussen-2\n' > "$D2/settings.ini"
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" "$D2" nl \
	> "$OUT/survey2.log" 2>&1
python3 "$ROOT/tests/e2e/survey.py" "$KIOSK" "$ROOT/content/ussen" "$D2" nl \
	> "$OUT/survey3.log" 2>&1
# on demand, from the staff tool
"$KIOSKCTL" outbox --data "$D2" --date 2026-11-25 > "$OUT/ondemand.log" 2>&1
OUT2="$D2/outbox/enquete-ussen-2-2026-11-25.sqlite"
check "kiosk 2: kioskctl outbox writes its file on demand" test -s "$OUT2"

# the office: no answers of its own, all kiosks' files merged; kiosk 1's
# file twice (as when two days' files are there) counts once
mkdir -p "$OUT/office"
HOME="$OUT/office" XDG_DATA_HOME="$OUT/office/.local/share" \
	"$KIOSKCTL" export --merge "$OUT1" "$OUT2" "$OUT1" "$OUT/office/uit" \
	> "$OUT/merge.log" 2>&1
check "office: kioskctl export --merge over the outbox files ends well" test $? = 0
check "office: three answers from two kiosks, the double one once" \
	grep -q "^3 antwoorden uit 3 kiosks (1 dubbel" "$OUT/merge.log"
csv=$(ls "$OUT"/office/uit/enquete-*.csv 2>/dev/null | grep -v codeboek | head -1)
check "office: the merged CSV has three rows" \
	sh -c "[ -n '$csv' ] && [ \$(tail -n +2 '$csv' | grep -c .) = 3 ]"

check "no sanitizer report" sh -c "! grep -rq Sanitizer '$OUT'"
[ $fails = 0 ]
