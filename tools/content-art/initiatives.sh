#!/bin/sh
# Pictures (800x600) for the "Doe mee" tiles of the demo packs: one drawn
# scene per citizen initiative, in the colours of the pack. Written straight
# into content/ussen/doe-mee and content/deurne/doe-mee as 8-bit palette
# PNGs (PNG8:), which keeps flat drawings like these small.
set -e
C=$(cd "$(dirname "$0")/../../content" && pwd)
B=DejaVu-Sans-Bold
INK='#1B2B2B'

# person X Y HEAD BODY: a head at X,Y and a body under it, for one -draw
person() {
	echo "fill "$3" circle $1,$2 $1,$(($2 - 34))" \
		"fill '$4' roundrectangle $(($1 - 46)),$(($2 + 44)) $(($1 + 46)),$(($2 + 200)) 40,40"
}

# picture OUT BG ...: an 800x600 scene on a plain ground
picture() {
	out=$1; bg=$2; shift 2
	convert -size 800x600 "xc:$bg" "$@" -alpha off -strip "PNG8:$out"
}

garden() { # beds with plants under a sun, someone with a watering can
	picture "$1" "$2" \
		-fill '#F2C14E' -draw "circle 680,100 680,44" \
		-fill '#8B5A2B' -draw "rectangle 0,430 800,600" \
		-draw "$(person 560 236 '#8D5A3B' "$3")" \
		-fill '#6B4226' -draw "roundrectangle 40,400 340,470 14,14" \
		-draw "roundrectangle 420,420 760,490 14,14" \
		-fill '#3C8D5A' \
		-draw "ellipse 90,380 34,40 0,360" -draw "ellipse 170,370 38,50 0,360" \
		-draw "ellipse 250,380 34,40 0,360" -draw "ellipse 470,404 30,36 0,360" \
		-draw "ellipse 710,404 30,36 0,360" \
		-fill '#D9534F' -draw "circle 160,360 160,346" -draw "circle 184,384 184,372" \
		-fill '#E88A2E' -draw "ellipse 650,440 36,24 0,360" \
		-fill '#4A90C2' -draw "roundrectangle 610,330 690,400 10,10" \
		-stroke '#4A90C2' -strokewidth 10 -draw "line 690,350 740,316" \
		-fill none -draw "arc 580,310 640,380 180,360" -stroke none \
		-fill '#8FC3E6' -draw "circle 742,342 742,336" -draw "circle 732,362 732,356"
}

walk() { # three people on a path between trees, one with a walker, and a dog
	picture "$1" "$2" \
		-fill '#B9D7A8' -draw "rectangle 0,420 800,600" \
		-fill '#D9C7A3' -draw "polygon 0,600 800,600 800,520 0,480" \
		-fill '#6B4226' -draw "rectangle 60,230 80,450" -draw "rectangle 716,210 736,440" \
		-fill '#3C8D5A' -draw "circle 70,190 70,110" -draw "circle 726,170 726,90" \
		-draw "$(person 230 250 '#F1C27D' "$3")" \
		-draw "$(person 390 270 '#6B4226' '#E0A030')" \
		-draw "$(person 560 250 '#C68A5E' '#7A3E9D')" \
		-fill none -stroke "$INK" -strokewidth 8 \
		-draw "line 430,400 490,400" -draw "line 490,400 490,530" -draw "line 462,400 462,530" \
		-draw "circle 462,538 462,530" -draw "circle 490,538 490,530" -stroke none \
		-fill '#8D5A3B' -draw "roundrectangle 630,500 710,536 16,16" \
		-draw "circle 716,496 716,478" -stroke '#8D5A3B' -strokewidth 6 \
		-draw "line 636,506 606,484" -draw "line 610,486 604,420" -stroke none
}

repair() { # a work bench with a lamp, a wheel and a spanner
	picture "$1" "$2" \
		-fill '#C9C9C9' -draw "rectangle 0,470 800,600" \
		-draw "$(person 620 140 '#D9A77A' "$3")" \
		-fill '#A0642C' -draw "roundrectangle 30,330 770,366 10,10" \
		-draw "rectangle 70,366 96,560" -draw "rectangle 704,366 730,560" \
		-fill none -stroke "$INK" -strokewidth 14 -draw "circle 420,230 420,140" \
		-strokewidth 5 -draw "line 420,150 420,310" -draw "line 340,230 500,230" \
		-draw "line 364,174 476,286" -draw "line 364,286 476,174" -stroke none \
		-fill "$INK" -draw "circle 420,230 420,216" \
		-draw "rectangle 150,300 230,330" -draw "rectangle 184,180 196,300" \
		-fill '#F2C14E' -draw "polygon 140,190 240,190 216,120 164,120" \
		-fill '#7A7A7A' -draw "translate 600,310 rotate -20 roundrectangle -70,-9 50,9 6,6" \
		-draw "translate 600,310 rotate -20 circle 58,0 58,-20" \
		-fill "$2" -draw "translate 600,310 rotate -20 rectangle 50,-7 82,7"
}

talk_table() { # two people at a table with cups; WORD in a speech bubble
	picture "$1" "$2" \
		-fill '#E6D9C3' -draw "rectangle 0,470 800,600" \
		-draw "$(person 180 210 '#8D5A3B' "$3")" \
		-draw "$(person 620 210 '#F1C27D' '#E0A030')" \
		-fill '#A0642C' -draw "roundrectangle 60,380 740,412 10,10" \
		-draw "rectangle 110,412 134,580" -draw "rectangle 666,412 690,580" \
		-fill white -stroke "$INK" -strokewidth 4 \
		-draw "roundrectangle 300,330 350,380 8,8" -draw "roundrectangle 450,330 500,380 8,8" \
		-fill none -draw "arc 336,340 366,370 270,90" -draw "arc 486,340 516,370 270,90" \
		-fill white -draw "roundrectangle 250,40 550,160 30,30" \
		-stroke none -draw "polygon 300,150 350,150 250,210" \
		-fill "$INK" -font $B -pointsize 56 -gravity north -annotate +0+68 "$4"
}

T=#0B4F54
U=$C/ussen/doe-mee
garden     $U/moestuin.png   '#E3F0EF' $T
walk       $U/wandelen.png   '#E3F0EF' $T
repair     $U/repaircafe.png '#E3F0EF' $T
talk_table $U/taalcafe.png   '#E3F0EF' $T 'Hallo!'

D=#8A1C3C
N=$C/deurne/doe-mee
garden     $N/moestuin.png   '#F6E9EC' $D
walk       $N/wandelen.png   '#F6E9EC' $D
repair     $N/repaircafe.png '#F6E9EC' $D
talk_table $N/koffie.png     '#F6E9EC' $D 'Koffie?'
