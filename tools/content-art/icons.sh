#!/bin/sh
# Tile icons, logos and step pictures for the Wijkkiosk demo packs.
set -e
C=$(cd "$(dirname "$0")/../../content" && pwd)
B=DejaVu-Sans-Bold

# icon OUT COLOUR DRAW...: 256x256, white ground, a rounded frame, symbol in COLOUR
icon() {
	out=$1; col=$2; shift 2
	convert -size 256x256 xc:white -fill none -stroke "$col" -strokewidth 10 \
		-draw "roundrectangle 8,8 247,247 36,36" "$@" -alpha off -alpha off -strip "$out"
}

question_icon() { # speech bubble with a question mark
	icon "$1" "$2" -fill "$2" -stroke none \
		-draw "roundrectangle 42,50 214,170 30,30" \
		-draw "polygon 80,165 120,165 70,212" \
		-fill white -font $B -pointsize 96 -gravity north -annotate +0+56 '?'
}
werkwijze_icon() { # three round question marks, two above and one below
	icon "$1" "$2" -fill "$2" -stroke white -strokewidth 6 \
		-draw "circle 86,94 86,46" -draw "circle 170,94 170,46" -draw "circle 128,168 128,120" \
		-stroke none -fill white -font $B -pointsize 64 -gravity center \
		-annotate -42-34 '?' -annotate +42-34 '?' -annotate +0+40 '?'
}
steps_icon() { # a staircase going up
	icon "$1" "$2" -fill "$2" -stroke none \
		-draw "polygon 44,212 44,172 92,172 92,128 140,128 140,84 188,84 188,44 212,44 212,212"
}
flyers_icon() { # a leaflet with a folded corner and lines
	icon "$1" "$2" -fill white -stroke "$2" -strokewidth 10 \
		-draw "polygon 68,40 158,40 192,74 192,216 68,216 68,40" \
		-fill "$2" -draw "polygon 158,40 158,74 192,74" \
		-stroke "$2" -strokewidth 10 \
		-draw "line 92,110 168,110" -draw "line 92,140 168,140" -draw "line 92,170 148,170"
}
partners_icon() { # three people side by side
	icon "$1" "$2" -fill "$2" -stroke white -strokewidth 6 \
		-draw "circle 72,98 72,72" -draw "roundrectangle 36,130 108,210 30,30" \
		-draw "circle 184,98 184,72" -draw "roundrectangle 148,130 220,210 30,30" \
		-draw "circle 128,84 128,54" -draw "roundrectangle 86,120 170,214 34,34"
}
news_icon() { # a newspaper
	icon "$1" "$2" -fill white -stroke "$2" -strokewidth 10 \
		-draw "roundrectangle 40,56 216,204 12,12" \
		-fill "$2" -stroke none -draw "rectangle 62,80 122,136" \
		-stroke "$2" -strokewidth 9 \
		-draw "line 140,88 194,88" -draw "line 140,112 194,112" -draw "line 140,134 194,134" \
		-draw "line 62,160 194,160" -draw "line 62,182 170,182"
}
goals_icon() { # a target with an arrow in the middle
	icon "$1" "$2" -fill none -stroke "$2" -strokewidth 14 \
		-draw "circle 120,136 120,52" -draw "circle 120,136 120,94" \
		-fill "$2" -stroke none -draw "circle 120,136 120,122" \
		-stroke "$2" -strokewidth 10 -draw "line 124,132 210,46" \
		-stroke none -draw "polygon 214,42 176,50 206,80"
}
table_icon() { # a table with two chairs
	icon "$1" "$2" -fill "$2" -stroke none \
		-draw "roundrectangle 56,104 200,122 6,6" \
		-draw "rectangle 72,122 86,204" -draw "rectangle 170,122 184,204" \
		-draw "rectangle 22,84 34,204" -draw "rectangle 22,150 58,162" -draw "rectangle 46,156 58,204" \
		-draw "rectangle 222,84 234,204" -draw "rectangle 198,150 234,162" -draw "rectangle 198,156 210,204" \
		-draw "roundrectangle 110,80 146,104 6,6"
}
survey_icon() { # a clipboard with three ticked boxes
	icon "$1" "$2" -fill white -stroke "$2" -strokewidth 10 \
		-draw "roundrectangle 60,52 196,220 12,12" \
		-fill "$2" -stroke none -draw "roundrectangle 100,36 156,66 8,8" \
		-fill none -stroke "$2" -strokewidth 8 \
		-draw "rectangle 82,92 106,116" -draw "rectangle 82,134 106,158" -draw "rectangle 82,176 106,200" \
		-draw "line 122,104 176,104" -draw "line 122,146 176,146" -draw "line 122,188 160,188" \
		-strokewidth 7 -draw "polyline 86,104 94,112 112,86" -draw "polyline 86,146 94,154 112,128"
}

# Pictograms for the topics of an ask tile and the icon of the initiatives
# tile. These are written as 8-bit palette PNGs (PNG8:), a fraction of the
# size of the 16-bit files above.
house_icon() { # a house with a door and a window
	icon "PNG8:$1" "$2" -fill "$2" -stroke none \
		-draw "polygon 128,40 218,122 192,122 192,214 64,214 64,122 38,122" \
		-fill white -draw "roundrectangle 104,148 140,214 6,6" \
		-draw "rectangle 152,138 176,162"
}
money_icon() { # a coin with a euro sign and a small pile of coins
	icon "PNG8:$1" "$2" -fill "$2" -stroke none -draw "circle 150,112 150,46" \
		-fill white -font $B -pointsize 84 -gravity center -annotate +24-16 '€' \
		-fill "$2" -stroke white -strokewidth 6 \
		-draw "roundrectangle 38,186 130,214 14,14" -draw "roundrectangle 44,160 136,188 14,14" \
		-draw "roundrectangle 38,134 130,162 14,14"
}
care_icon() { # a heart with a plus in it
	icon "PNG8:$1" "$2" -fill "$2" -stroke none \
		-draw "circle 94,98 94,54" -draw "circle 162,98 162,54" \
		-draw "polygon 52,110 204,110 128,208" \
		-fill white -draw "rectangle 116,78 140,150" -draw "rectangle 92,102 164,126"
}
talk_icon() { # two speech bubbles, one with three dots
	icon "PNG8:$1" "$2" -fill "$2" -stroke none \
		-draw "roundrectangle 104,108 222,190 28,28" -draw "polygon 186,184 214,184 212,222" \
		-stroke white -strokewidth 8 \
		-draw "roundrectangle 34,46 160,132 28,28" -stroke none \
		-draw "polygon 56,126 90,126 46,164" \
		-fill white -draw "circle 66,89 66,78" -draw "circle 97,89 97,78" -draw "circle 128,89 128,78"
}
family_icon() { # a grown-up and a child
	icon "PNG8:$1" "$2" -fill "$2" -stroke white -strokewidth 6 \
		-draw "circle 96,78 96,48" -draw "roundrectangle 56,114 136,216 32,32" \
		-draw "circle 174,122 174,98" -draw "roundrectangle 142,150 206,216 26,26"
}
street_icon() { # a house and a tree on a street
	icon "PNG8:$1" "$2" -fill "$2" -stroke none \
		-draw "polygon 84,76 138,124 138,204 30,204 30,124" \
		-draw "circle 180,104 180,58" -draw "rectangle 171,130 189,204" \
		-draw "roundrectangle 28,198 228,214 6,6" \
		-fill white -draw "roundrectangle 70,156 98,204 5,5" -draw "rectangle 50,130 70,148" \
		-draw "rectangle 102,130 122,148"
}
work_icon() { # a briefcase
	icon "PNG8:$1" "$2" -fill none -stroke "$2" -strokewidth 14 \
		-draw "roundrectangle 96,50 160,104 14,14" \
		-fill "$2" -stroke none -draw "roundrectangle 36,86 220,210 20,20" \
		-fill white -draw "rectangle 36,136 220,146" \
		-fill "$2" -stroke white -strokewidth 6 -draw "roundrectangle 112,122 144,160 6,6"
}
join_icon() { # a raised hand: "ik doe mee"
	icon "PNG8:$1" "$2" -fill "$2" -stroke none \
		-draw "roundrectangle 82,52 106,150 12,12" -draw "roundrectangle 110,38 134,146 12,12" \
		-draw "roundrectangle 138,44 162,146 12,12" -draw "roundrectangle 166,62 190,150 12,12" \
		-draw "translate 92,180 rotate -42 roundrectangle -13,-64 13,8 13,13" \
		-draw "roundrectangle 82,112 190,222 40,40"
}

# logo OUT COLOUR PLACE: a round seal with a sprout and the place name
logo() {
	convert -size 400x400 xc:white -fill "$2" -draw "circle 200,200 200,8" \
		-fill none -stroke white -strokewidth 10 -draw "line 200,196 200,112" \
		-stroke none -fill white \
		-draw "translate 166,110 rotate -35 ellipse 0,0 40,20 0,360" \
		-draw "translate 234,96 rotate 35 ellipse 0,0 40,20 0,360" \
		-font DejaVu-Sans -pointsize 40 -gravity north -annotate +0+214 'Proeftuin' \
		-font $B -pointsize 64 -annotate +0+262 "$3" -alpha off -alpha off -strip "$1"
}

T=#0B4F54
werkwijze_icon $C/ussen/werkwijze/icon.png $T
steps_icon     $C/ussen/stappen/icon.png $T
flyers_icon    $C/ussen/folders/icon.png $T
partners_icon  $C/ussen/partners/icon.png $T
news_icon      $C/ussen/nieuws/icon.png $T
question_icon  $C/ussen/vraag/icon.png $T
survey_icon    $C/ussen/enquete/icon.png $T
logo $C/ussen/logo.png $T Ussen
join_icon      $C/ussen/doe-mee/icon.png $T
house_icon     $C/ussen/vraag/wonen.png $T
money_icon     $C/ussen/vraag/geld.png $T
care_icon      $C/ussen/vraag/zorg.png $T
talk_icon      $C/ussen/vraag/praten.png $T
family_icon    $C/ussen/vraag/opvoeden.png $T
street_icon    $C/ussen/vraag/wijk.png $T

D=#8A1C3C
werkwijze_icon $C/deurne/werkwijze/icon.png $D
goals_icon     $C/deurne/doelen/icon.png $D
partners_icon  $C/deurne/partners/icon.png $D
table_icon     $C/deurne/aan-tafel/icon.png $D
flyers_icon    $C/deurne/folders/icon.png $D
news_icon      $C/deurne/nieuws/icon.png $D
question_icon  $C/deurne/vraag/icon.png $D
survey_icon    $C/deurne/enquete/icon.png $D
logo $C/deurne/logo.png $D Deurne
join_icon      $C/deurne/doe-mee/icon.png $D
house_icon     $C/deurne/vraag/wonen.png $D
money_icon     $C/deurne/vraag/geld.png $D
care_icon      $C/deurne/vraag/zorg.png $D
talk_icon      $C/deurne/vraag/praten.png $D
family_icon    $C/deurne/vraag/opvoeden.png $D
work_icon      $C/deurne/vraag/werk.png $D
