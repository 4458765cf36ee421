#!/bin/sh
# End-to-end checks of the staff tool and of what a visitor takes home:
# kioskctl check passes the demo packs and refuses each kind of broken pack
# with a Dutch file:line message; preview makes a picture of every screen;
# the QR codes on screen decode (zbarimg) to the addresses in the pack.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")
CTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0
DAY="--date 2026-11-24"

. "$ROOT/tests/e2e/lib.inc"

# kioskctl check DIR must fail with `want` in its output.
refused() { # name, dir, expected text
	"$CTL" check "$2" $DAY > "$OUT/check.out" 2>&1
	rc=$?
	if [ $rc = 1 ] && grep -qF "$3" "$OUT/check.out" &&
	   ! grep -q Sanitizer "$OUT/check.out"; then
		echo "ok refuses $1"
	else
		echo "not ok refuses $1 (exit $rc):"
		sed 's/^/    /' "$OUT/check.out" | head -5
		fails=$((fails + 1))
	fi
}

# A fresh copy of the small example pack to break in one way.
fresh() {
	rm -rf "$OUT/p"
	cp -r "$ROOT/content/voorbeeld" "$OUT/p"
}

for pack in ussen deurne voorbeeld; do
	check "check passes content/$pack" \
		sh -c "'$CTL' check '$ROOT/content/$pack' $DAY > '$OUT/$pack.out' 2>&1 && grep -q 'in orde' '$OUT/$pack.out'"
done

fresh
printf 'kleur = rood\n' >> "$OUT/p/kiosk.ini"
refused "unknown key" "$OUT/p" "kiosk.ini:$(wc -l < "$OUT/p/kiosk.ini"): onbekende instelling 'kleur' in [home]"

fresh
rm "$OUT/p/kiosk.ini"
refused "missing kiosk.ini" "$OUT/p" "kiosk.ini: bestand ontbreekt"

fresh
rm "$OUT/p/welkom/nl.md"
refused "missing page" "$OUT/p" "welkom/nl.md: bestand ontbreekt"

fresh
rm "$OUT/p/folders/activiteiten.png"
refused "missing flyer file" "$OUT/p" "bestand 'folders/activiteiten.png' bestaat niet"

fresh
printf 'Goede regel\nFout: \377\376 hier\n' >> "$OUT/p/welkom/nl.md"
line=$(grep -a -n 'Fout:' "$OUT/p/welkom/nl.md" | cut -d: -f1)
refused "broken UTF-8" "$OUT/p" "welkom/nl.md:$line: deze regel bevat tekens die geen UTF-8 zijn"

fresh
sed -i 's/^format = 1/format = 7/' "$OUT/p/kiosk.ini"
refused "future format" "$OUT/p" "dit pakket heeft format 7"

fresh
printf '\n| a | b |\n|---|---|\n| 1 | 2 |\n' >> "$OUT/p/welkom/nl.md"
refused "a table" "$OUT/p" "de kiosk kan geen tabel tonen"

fresh
sed -i 's/^color = .*/color = #FFFF00/' "$OUT/p/kiosk.ini"
refused "colour without contrast" "$OUT/p" "te weinig contrast met witte letters"

fresh
printf '[activiteiten.png]\nshow_until = 2026-13-45\n' >> "$OUT/p/folders/folders.ini"
refused "bad date" "$OUT/p" "'2026-13-45' bij show_until is geen goede datum"

fresh
printf 'dit is geen pdf' > "$OUT/p/folders/kapot.pdf"
printf '[kapot.pdf]\ntitle = Kapot\n' >> "$OUT/p/folders/folders.ini"
refused "corrupt PDF" "$OUT/p" "deze PDF is kapot of geen PDF"

fresh
qpdf --encrypt geheim geheim 256 -- "$ROOT/content/ussen/folders/samenwerkwijze.pdf" \
	"$OUT/p/folders/slot.pdf"
printf '[slot.pdf]\ntitle = Op slot\n' >> "$OUT/p/folders/folders.ini"
refused "password-protected PDF" "$OUT/p" "deze PDF is beveiligd met een wachtwoord"

fresh
# a 50 MB "photo": far over the limit, refused before it is read
{ printf '\211PNG\r\n\032\n'; head -c 52428800 /dev/zero; } > "$OUT/p/folders/groot.png"
printf '[groot.png]\ntitle = Groot\n' >> "$OUT/p/folders/folders.ini"
refused "50 MB image" "$OUT/p" "'folders/groot.png' is te groot: groter dan 20 MB"

fresh
convert -size 9000x10 xc:white "$OUT/p/folders/breed.png"
printf '[breed.png]\ntitle = Breed\n' >> "$OUT/p/folders/folders.ini"
refused "too many pixels" "$OUT/p" "9000 x 10 beeldpunten"

mkdir -p "$OUT/leeg"
refused "empty folder" "$OUT/leeg" "kiosk.ini: bestand ontbreekt"

fresh
sed -i 's/^title = .*/title = Een heel erg lange titel die nooit op een tegel past omdat hij maar doorgaat en doorgaat met woorden, en dan nog meer woorden, zodat hij zelfs over de hele breedte van het scherm in twee regels niet past, want er komt geen eind aan deze titel die veel te lang is/' "$OUT/p/welkom/tile.ini"
refused "text that does not fit" "$OUT/p" "tekst past niet op het scherm"

fresh
rm "$OUT/p/welkom/en.md"
check "missing translation is a warning only" \
	sh -c "'$CTL' check '$OUT/p' $DAY > '$OUT/w.out' 2>&1 && grep -q 'welkom/en.md: waarschuwing: vertaling ontbreekt' '$OUT/w.out'"

# a file instead of the pack's folder
"$CTL" check "$ROOT/content/voorbeeld/kiosk.ini" > "$OUT/file.out" 2>&1
check "check FILE says it wants a folder" \
	sh -c "[ $? = 1 ] && grep -q 'kiosk.ini: dit is een bestand, geen map' '$OUT/file.out'"

# --date: what a day hides, what expired
"$CTL" check "$ROOT/content/ussen" --date 2026-11-24 > "$OUT/day.out" 2>&1
check "check names the expired news item on its [section] line" \
	grep -q "^nieuws/nieuws.ini:$(grep -n '^\[koffie-januari\]' "$ROOT/content/ussen/nieuws/nieuws.ini" | cut -d: -f1): waarschuwing: dit bericht is verlopen" "$OUT/day.out"
"$CTL" check "$ROOT/content/ussen" --date 2025-01-10 > "$OUT/day.out" 2>&1
check "check --date names what is not shown yet" \
	grep -q "^folders/folders.ini:[0-9]*: waarschuwing: de folder \\[enquete.png\\] is op 2025-01-10 nog niet te zien" "$OUT/day.out"

# a folder the pack does not use: named by check, left behind by install
fresh
mkdir -p "$OUT/p/voorbeeldplaatjes"
cp "$ROOT/content/voorbeeld/folders/activiteiten.png" "$OUT/p/voorbeeldplaatjes/home.png"
"$CTL" check "$OUT/p" $DAY > "$OUT/unused.out" 2>&1
check "check names a folder the pack does not use" \
	grep -q "^voorbeeldplaatjes: waarschuwing: deze map wordt niet gebruikt" "$OUT/unused.out"
"$CTL" install "$OUT/p" --data "$OUT/data-unused" $DAY > /dev/null 2>&1
"$CTL" current --data "$OUT/data-unused" > "$OUT/current.out" 2>&1
cur=$(sed -n 's/^staat nu in: *//p' "$OUT/current.out")
check "install leaves the unused folder behind" \
	sh -c "[ -f '$cur/kiosk.ini' ] && [ ! -e '$cur/voorbeeldplaatjes' ]"
check "current names the pack, where it came from and when" \
	sh -c "grep -q '^naam: *Wijkcentrum De Linde\$' '$OUT/current.out' &&
	       grep -q '^komt uit de map: *$OUT/p\$' '$OUT/current.out' &&
	       grep -q '^geïnstalleerd: *20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]\$' '$OUT/current.out'"

# preview: a picture of every screen and a contact sheet; pictures of an
# earlier preview in the same folder are gone first
mkdir -p "$OUT/preview"
touch "$OUT/preview/nl-oud-scherm.png" "$OUT/preview/notities.txt"
"$CTL" preview "$ROOT/content/ussen" "$OUT/preview" $DAY > "$OUT/preview.out" 2>&1
rc=$?
check "preview makes every screen" \
	sh -c "n=\$(ls '$OUT/preview'/*.png | wc -l); [ $rc = 0 ] && [ \$n -ge 60 ] && [ \$(grep -c '<img' '$OUT/preview/index.html') = \$n ]"
check "preview removes the pictures of an earlier preview, only those" \
	sh -c "[ ! -e '$OUT/preview/nl-oud-scherm.png' ] && [ -e '$OUT/preview/notities.txt' ]"
check "preview shows both languages and text sizes" \
	sh -c "ls '$OUT/preview' | grep -q '^nl-groot-' && ls '$OUT/preview' | grep -q '^en-'"

# What a visitor takes home: the QR codes decode to the pack's addresses.
cat > "$OUT/qr.kscript" <<'EOS'
tap "Tik op het scherm om te beginnen"
tap "Folders"
tap "De Samenwerkwijze in het kort"
shot flyer.png
tap "Terug"
tap "Terug"
tap "Nieuws"
tap "De proeftuin op tv"
shot news.png
quit
EOS
(cd "$OUT" && "$KIOSK" --data "$OUT/data" $DAY --script "$OUT/qr.kscript" > /dev/null 2>&1)
url=$(sed -n 's/^url = //p' "$ROOT/content/ussen/folders/folders.ini" | head -1)
video=$(sed -n 's/^video = //p' "$ROOT/content/ussen/nieuws/nieuws.ini" | head -1)
check "flyer QR decodes to its url" \
	sh -c "zbarimg -q --raw '$OUT/flyer.png' 2>/dev/null | grep -qxF '$url'"
check "news QR decodes to the video address" \
	sh -c "zbarimg -q --raw '$OUT/news.png' 2>/dev/null | grep -qxF '$video'"

[ $fails = 0 ]
