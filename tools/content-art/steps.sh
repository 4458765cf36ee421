#!/bin/sh
# Step pictures (800x500) for the Ussen "Stap voor stap" tile.
set -e
O=/work/main/content/ussen/stappen
T=#0B4F54
BG=#E3F0EF
B=DejaVu-Sans-Bold

# 1: someone with a question
convert -size 800x500 xc:$BG \
	-fill '#C9DEDC' -draw "rectangle 0,420 800,500" \
	-fill '#8D5A3B' -draw "circle 300,170 300,112" \
	-fill $T -draw "roundrectangle 210,245 390,500 70,70" \
	-draw "roundrectangle 430,50 700,230 50,50" \
	-draw "polygon 470,200 540,200 400,290" \
	-fill white -font $B -pointsize 140 -gravity northwest -annotate +522+52 '?' \
	-alpha off -strip $O/stap1.png

# 2: together at the kitchen table
convert -size 800x500 xc:$BG \
	-fill '#C9DEDC' -draw "rectangle 0,400 800,500" \
	-fill white -stroke '#9CC3C0' -strokewidth 10 -draw "rectangle 520,40 720,200" \
	-draw "line 620,40 620,200" -draw "line 520,120 720,120" -stroke none \
	-stroke '#1B2B2B' -strokewidth 4 -draw "line 330,0 330,60" -stroke none \
	-fill '#F2A541' -draw "ellipse 330,84 60,32 180,360" \
	-fill '#F1C27D' -draw "circle 150,200 150,158" -fill '#7A3E9D' -draw "roundrectangle 92,250 208,420 50,50" \
	-fill '#8D5A3B' -draw "circle 400,170 400,128" -fill $T -draw "roundrectangle 342,220 458,420 50,50" \
	-fill '#C68A5E' -draw "circle 650,200 650,158" -fill '#D9534F' -draw "roundrectangle 592,250 708,420 50,50" \
	-fill '#A0642C' -draw "roundrectangle 60,300 740,330 10,10" \
	-draw "rectangle 100,330 124,470" -draw "rectangle 676,330 700,470" \
	-fill white -stroke '#1B2B2B' -strokewidth 3 \
	-draw "roundrectangle 240,268 276,300 6,6" -draw "roundrectangle 500,268 536,300 6,6" \
	-fill '#F7F7F7' -draw "ellipse 400,292 60,10 0,360" \
	-alpha off -strip $O/stap2.png

# 3: a calendar with a tick: we look back together
convert -size 800x500 xc:$BG \
	-fill white -stroke $T -strokewidth 10 -draw "roundrectangle 220,70 580,450 24,24" \
	-fill $T -draw "roundrectangle 220,70 580,150 24,24" -draw "rectangle 220,120 580,150" \
	-stroke '#1B2B2B' -strokewidth 14 -draw "line 300,40 300,100" -draw "line 500,40 500,100" -stroke none \
	-fill '#C9DEDC' \
	-draw "rectangle 260,180 320,230" -draw "rectangle 340,180 400,230" -draw "rectangle 420,180 480,230" -draw "rectangle 500,180 550,230" \
	-draw "rectangle 260,260 320,310" -draw "rectangle 340,260 400,310" -draw "rectangle 420,260 480,310" -draw "rectangle 500,260 550,310" \
	-draw "rectangle 260,340 320,390" -draw "rectangle 340,340 400,390" -draw "rectangle 420,340 480,390" -draw "rectangle 500,340 550,390" \
	-fill none -stroke '#2E7D32' -strokewidth 36 -draw "polyline 330,300 400,370 560,190" \
	-alpha off -strip $O/stap3.png
