#!/bin/sh
# The QR codes a visitor scans, as a phone camera sees them: headless
# screenshots of the screens with a code (a flyer, a news item, an
# activity card, in Dutch, with larger text and in Arabic), each decoded by
# zbarimg, an independent decoder, to exactly the address in the pack,
# case intact; and under each code the line that says what it opens.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

cat > "$OUT/qr.kscript" <<'EOS'
tap "Tik op het scherm om te beginnen"
tap "Folders"
tap "De Samenwerkwijze in het kort"
expect "Opent de website proeftuin-ussen.example"
shot flyer.png
tap "Grotere letters"
expect "Opent de website proeftuin-ussen.example"
shot flyer-groot.png
tap "Gewone letters"
tap "Beginscherm"
tap "Activiteiten"
tap "Volgende"
shot activiteit.png
list
tap "Beginscherm"
tap "Nieuws"
tap "De proeftuin op tv"
expect "Opent de website video.example"
shot news.png
tap "Taal"
tap "العربية"
expect "يفتح الموقع video.example"
shot news-ar.png
tap "اللغة"
tap "English"
expect "Opens the website video.example"
quit
EOS
(cd "$OUT" && "$KIOSK" --data "$OUT/data" --date 2026-11-24 \
	--script "$OUT/qr.kscript" > "$OUT/run.out" 2> "$OUT/run.err")
check "the screens with codes run through" test $? = 0

flyer=$(sed -n 's/^url = //p' "$ROOT/content/ussen/folders/folders.ini" | head -1)
video=$(sed -n 's/^video = //p' "$ROOT/content/ussen/nieuws/nieuws.ini" | head -1)
event=$(sed -n 's/^url = //p' "$ROOT/content/ussen/activiteiten/activiteiten.ini" | head -1)

# decodes NAME FILE PAYLOAD: the picture holds one code, exactly PAYLOAD
decodes() {
	got=$(zbarimg -q --raw "$OUT/$2" 2>/dev/null)
	if [ "$got" = "$3" ]; then
		echo "ok $1"
	else
		echo "not ok $1: got '$got', wanted '$3'"
		fails=$((fails + 1))
	fi
}
decodes "flyer code" flyer.png "$flyer"
decodes "flyer code with larger text" flyer-groot.png "$flyer"
decodes "activity code" activiteit.png "$event"
decodes "news code" news.png "$video"
decodes "news code in Arabic (laid out right to left, not mirrored)" \
	news-ar.png "$video"
check "the activity card says where its code goes" \
	grep -qxF "text: Opent de website proeftuin-ussen.example" "$OUT/run.out"

[ $fails = 0 ]
