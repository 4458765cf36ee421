#!/bin/sh
# End-to-end checks of the sign-ups for initiatives, as staff handle them:
# kioskctl keygen makes a key pair (the secret key private, never
# overwritten); sign-ups saved as the kiosk saves them (build/san/
# add-signups, until the sign-up screen exists) are sealed to the public
# key; export --signups opens them only with the right secret key and
# writes one CSV per initiative that LibreOffice opens; signups purge
# leaves the name in neither the database nor its WAL; the kiosk itself
# removes sign-ups past their delete day (--date).
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")
CTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
ADD=$(dirname "$CTL")/add-signups
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

mode() { stat -c %a "$1"; }
no_sanitizer() { ! grep -q Sanitizer "$@"; }
# 1 when the raw bytes of file $1 hold text $2 (a missing file holds none)
holds() { [ -f "$1" ] && grep -aqF "$2" "$1"; }

people() {
	printf 'moestuin\tAnneke de Vries\t+31612345678\n'
	printf 'moestuin\tBram "Brammetje" Jansen; junior\tbram@example.nl\n'
	printf 'moestuin\t=1+1 Cor\t+31687654321\n'
	printf 'repaircafe\tDiederik Öztürk\tdiederik@example.nl\n'
	printf 'repaircafe\t\331\205\330\261\331\212\331\205 \360\237\214\273\tmaryam@example.nl\n'
}

# ---- keys ----
"$CTL" keygen "$OUT/usb" > "$OUT/keygen.out" 2>&1
check "keygen makes staff.pub and staff.key" \
	test -s "$OUT/usb/staff.pub" -a -s "$OUT/usb/staff.key"
check "the secret key is readable by its owner only" \
	test "$(mode "$OUT/usb/staff.key")" = 600
check "keygen says where each key goes" \
	sh -c "grep -q 'nooit op de' '$OUT/keygen.out' && grep -q 'settings.ini' '$OUT/keygen.out'"
cp "$OUT/usb/staff.key" "$OUT/key.before"
"$CTL" keygen "$OUT/usb" > "$OUT/keygen2.out" 2>&1
rc=$?
check "keygen refuses to overwrite a key" \
	sh -c "[ $rc = 1 ] && grep -q 'nooit overschreven' '$OUT/keygen2.out' && cmp -s '$OUT/key.before' '$OUT/usb/staff.key'"
"$CTL" keygen "$OUT/other" > /dev/null 2>&1

# ---- sealed sign-ups ----
D="$OUT/data"
mkdir -p "$D"
people | "$ADD" "$D" 2026-11-24 90 "$OUT/usb/staff.pub" > "$OUT/add.out" 2>&1
check "five sign-ups saved" grep -q '^5 added' "$OUT/add.out"
check "the sign-up file is private (0600)" \
	test "$(mode "$D/aanmeldingen.sqlite")" = 600
check "the sealed file holds no name or contact" \
	sh -c "! grep -aqE 'Anneke|Diederik|bram@example|31612345678' '$D/aanmeldingen.sqlite'"
"$CTL" signups count --data "$D" > "$OUT/count.out" 2>&1
check "count per initiative, no names" \
	sh -c "grep -qE '^moestuin +3$' '$OUT/count.out' && grep -qE '^repaircafe +2$' '$OUT/count.out' && grep -q '^5 aanmeldingen in totaal' '$OUT/count.out' && ! grep -q Anneke '$OUT/count.out'"

"$CTL" export --signups "$OUT/uit0" --data "$D" > "$OUT/exp0.out" 2>&1
rc=$?
check "export without the key: a clear message, nothing written" \
	sh -c "[ $rc = 1 ] && grep -q 'versleuteld' '$OUT/exp0.out' && grep -q -- '--key' '$OUT/exp0.out' && [ ! -e '$OUT/uit0' ]"
"$CTL" export --signups "$OUT/uit1" --key "$OUT/other/staff.key" --data "$D" \
	> "$OUT/exp1.out" 2>&1
rc=$?
check "export with another key: refused, nothing written" \
	sh -c "[ $rc = 1 ] && grep -q 'sleutel past niet' '$OUT/exp1.out' && ! ls '$OUT/uit1'/*.csv > /dev/null 2>&1"
"$CTL" export --signups "$OUT/uit1" --key "$OUT/usb/staff.pub" --data "$D" \
	> "$OUT/exp1b.out" 2>&1
check "export with the public key: told to use staff.key" \
	grep -q 'publieke sleutel' "$OUT/exp1b.out"
"$CTL" export "$OUT/survey" --data "$D" > "$OUT/survey.out" 2>&1
check "the survey export never takes sign-ups" \
	sh -c "! ls '$OUT/survey'/aanmeldingen* > /dev/null 2>&1"

"$CTL" export --signups "$OUT/uit" --key "$OUT/usb/staff.key" --data "$D" \
	> "$OUT/exp.out" 2>&1
rc=$?
M="$OUT/uit/aanmeldingen-moestuin.csv"
R="$OUT/uit/aanmeldingen-repaircafe.csv"
check "export with the key: one CSV per initiative" \
	sh -c "[ $rc = 0 ] && [ -f '$M' ] && [ -f '$R' ] && grep -q '^5 aanmeldingen voor 2 initiatieven' '$OUT/exp.out'"
check "the CSV files are private (0600)" test "$(mode "$M")" = 600
csv_head() {
	[ "$(head -c 3 "$M" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
		head -1 "$M" | grep -q 'initiatief;dag van aanmelding;naam;contact;toestemming;te verwijderen op' &&
		[ "$(head -1 "$M" | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a ]
}
check "CSV header, BOM and CRLF" csv_head
csv_cells() {
	# a phone number keeps its + behind the formula guard's apostrophe
	grep -q "^moestuin;2026-11-24;Anneke de Vries;'+31612345678;0f3e9a7c21b4d685;2027-02-22" "$M" &&
		grep -qF '"Bram ""Brammetje"" Jansen; junior"' "$M" &&
		grep -qF ";'=1+1 Cor;" "$M" &&
		grep -q 'Diederik Öztürk' "$R" &&
		grep -qF "$(printf '\331\205\330\261\331\212\331\205 \360\237\214\273');" "$R" &&
		! grep -q repaircafe "$M"
}
check "names whole, quoted, formula guarded, one initiative a file" csv_cells
check "no temporary files left" sh -c "! ls -A '$OUT/uit' | grep -q '^\\.'"

if command -v soffice > /dev/null 2>&1; then
	mkdir -p "$OUT/lo"
	(cd "$OUT" && HOME="$OUT" timeout 300 soffice --headless \
		--infilter=CSV:59,34,76,1 \
		--convert-to 'csv:Text - txt - csv (StarCalc):9,34,76,1' \
		--outdir lo "$M" > lo.log 2>&1)
	T="$OUT/lo/aanmeldingen-moestuin.csv"
	check "LibreOffice opens the CSV: 4 rows of 6 cells, text intact" \
		sh -c "[ \$(wc -l < '$T') = 4 ] && [ \$(awk -F '\t' '{print NF}' '$T' | sort -u) = 6 ] && grep -qF 'Bram \"\"Brammetje\"\" Jansen; junior' '$T' && grep -qF \"'=1+1 Cor\" '$T'"
else
	echo "skipped: LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui to run it"
fi

# ---- purge ----
"$CTL" signups purge --initiative moestuin --data "$D" > "$OUT/purge.out" 2>&1
check "purge one initiative" grep -q '^3 aanmeldingen voor .moestuin. gewist' "$OUT/purge.out"
"$CTL" signups count --data "$D" > "$OUT/count2.out" 2>&1
check "the other initiative stays" \
	sh -c "grep -qE '^repaircafe +2$' '$OUT/count2.out' && ! grep -q moestuin '$OUT/count2.out'"

# plain sign-ups (no key set): the name is in the file until purged
P="$OUT/plain"
mkdir -p "$P"
people | "$ADD" "$P" 2026-11-24 90 > /dev/null 2>&1
check "without a key the names are in the file (so the next checks mean something)" \
	sh -c "grep -aq 'Anneke de Vries' '$P/aanmeldingen.sqlite' || grep -aq 'Anneke de Vries' '$P/aanmeldingen.sqlite-wal'"
"$CTL" signups count --data "$P" > "$OUT/count3.out" 2>&1
check "count warns that sign-ups are not sealed" grep -q 'niet versleuteld' "$OUT/count3.out"
"$CTL" export --signups "$OUT/uitp" --data "$P" > /dev/null 2>&1
check "plain sign-ups export without a key" \
	grep -q 'Anneke de Vries' "$OUT/uitp/aanmeldingen-moestuin.csv"
"$CTL" signups purge --initiative moestuin --data "$P" > /dev/null 2>&1
gone() {
	[ -f "$P/aanmeldingen.sqlite" ] && ! holds "$P/aanmeldingen.sqlite" "$1" &&
		! holds "$P/aanmeldingen.sqlite-wal" "$1"
}
check "after purge the name is in neither the database nor its WAL" \
	gone 'Anneke de Vries'
check "nor the contact" gone '+31612345678'
check "others are still there" grep -aq 'Diederik' "$P/aanmeldingen.sqlite"
"$CTL" signups purge --data "$P" > "$OUT/purge2.out" 2>&1
check "purge all" \
	sh -c "grep -q '^2 aanmeldingen gewist' '$OUT/purge2.out'"
check "purge all leaves no name behind" gone 'Diederik'


# ---- the kiosk removes them after the pack's term (--date) ----
K="$OUT/kiosk"
mkdir -p "$K"
people | "$ADD" "$K" 2026-11-24 30 > /dev/null 2>&1
printf 'quit\n' > "$OUT/quit.kscript"
"$KIOSK" --data "$K" --date 2026-12-23 --script "$OUT/quit.kscript" \
	> "$OUT/k1.out" 2>&1
"$CTL" signups count --data "$K" > "$OUT/kc1.out" 2>&1
check "the day before the term ends, the kiosk keeps them" \
	grep -q '^5 aanmeldingen in totaal' "$OUT/kc1.out"
"$KIOSK" --data "$K" --date 2026-12-24 --script "$OUT/quit.kscript" \
	> "$OUT/k2.out" 2>&1
"$CTL" signups count --data "$K" > "$OUT/kc2.out" 2>&1
check "on the delete day the kiosk removes them at start" \
	sh -c "grep -q '^0 aanmeldingen in totaal' '$OUT/kc2.out' && ! grep -aq Anneke '$K/aanmeldingen.sqlite'*"
check "the kiosk's log names no one" \
	sh -c "grep -q '5 past their delete day' '$OUT/k2.out' && ! grep -qE 'Anneke|Diederik|example.nl' '$OUT/k1.out' '$OUT/k2.out'"

check "no sanitizer reports" no_sanitizer "$OUT"/*.out

echo "signups: $fails failed"
[ $fails = 0 ]
