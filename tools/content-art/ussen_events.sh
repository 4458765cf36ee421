#!/bin/sh
# Pictures for the Ussen events tile and news (ImageMagick): the tile's
# icon (a calendar, 256x256), a coffee-morning picture for an event and a
# picture of the kiosk in the wijkcentrum for a news item (600x400).
# Writes into the pack named as the first argument (default content/ussen).
set -e
O=${1:-content/ussen}
T=#0B4F54
BG=#E3F0EF
B=DejaVu-Sans-Bold
mkdir -p "$O/activiteiten"

# the tile icon: a calendar page with one day marked
convert -size 256x256 xc:none \
	-fill white -stroke $T -strokewidth 10 -draw "roundrectangle 28,40 228,228 20,20" \
	-fill $T -draw "roundrectangle 28,40 228,96 20,20" -draw "rectangle 28,70 228,96" \
	-stroke '#1B2B2B' -strokewidth 12 -draw "line 80,20 80,62" -draw "line 176,20 176,62" \
	-stroke none -fill '#C9DEDC' \
	-draw "rectangle 52,116 92,148" -draw "rectangle 108,116 148,148" -draw "rectangle 164,116 204,148" \
	-draw "rectangle 52,168 92,200" -draw "rectangle 164,168 204,200" \
	-fill '#F2A541' -draw "rectangle 108,168 148,200" \
	-strip "$O/activiteiten/icon.png"

# an event: cups of coffee on a table
convert -size 600x400 xc:$BG \
	-fill '#A0642C' -draw "roundrectangle 40,260 560,290 10,10" \
	-draw "rectangle 80,290 100,390" -draw "rectangle 500,290 520,390" \
	-fill white -stroke '#1B2B2B' -strokewidth 4 \
	-draw "roundrectangle 150,170 250,260 12,12" -draw "roundrectangle 350,170 450,260 12,12" \
	-fill none -draw "arc 235,190 285,240 270,90" -draw "arc 435,190 485,240 270,90" \
	-stroke '#8D5A3B' -strokewidth 6 \
	-draw "bezier 180,150 170,120 200,100 190,70" -draw "bezier 220,150 210,120 240,100 230,70" \
	-draw "bezier 380,150 370,120 400,100 390,70" -draw "bezier 420,150 410,120 440,100 430,70" \
	-stroke none -alpha off -strip "$O/activiteiten/koffie.png"

# a news item: the kiosk itself, a screen on a stand with a question mark
convert -size 600x400 xc:$BG \
	-fill '#C9DEDC' -draw "rectangle 0,340 600,400" \
	-fill '#1B2B2B' -draw "rectangle 285,250 315,350" -draw "roundrectangle 230,340 370,360 8,8" \
	-fill $T -draw "roundrectangle 170,40 430,260 16,16" \
	-fill white -draw "roundrectangle 190,60 410,240 8,8" \
	-fill $T -font $B -pointsize 120 -gravity northwest -annotate +262+60 '?' \
	-alpha off -strip "$O/nieuws/kiosk.png"
