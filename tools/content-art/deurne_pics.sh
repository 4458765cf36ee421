#!/bin/sh
# The picture on the Deurne page "Wie schuiven aan?": many people at one table.
set -e
O=/work/main/content/deurne/aan-tafel
BG=#F6E9EC
person() { # x headcolour bodycolour
	echo "-fill $2 -draw \"circle $1,190 $1,150\" -fill $3 -draw \"roundrectangle $(($1-52)),236 $(($1+52)),400 46,46\""
}
eval convert -size 800x450 xc:$BG \
	-fill "'#EBCFD6'" -draw "'rectangle 0,380 800,450'" \
	$(person 110 "'#F1C27D'" "'#8A1C3C'") \
	$(person 230 "'#8D5A3B'" "'#2F6F9F'") \
	$(person 350 "'#C68A5E'" "'#E0A030'") \
	$(person 470 "'#F1C27D'" "'#3C8D5A'") \
	$(person 590 "'#6B4226'" "'#7A3E9D'") \
	$(person 710 "'#D9A77A'" "'#555555'") \
	-fill "'#A0642C'" -draw "'roundrectangle 30,300 770,330 10,10'" \
	-draw "'rectangle 70,330 94,440'" -draw "'rectangle 706,330 730,440'" \
	-fill white -stroke "'#1B2B2B'" -strokewidth 3 \
	-draw "'roundrectangle 160,268 192,298 6,6'" -draw "'roundrectangle 400,268 432,298 6,6'" -draw "'roundrectangle 630,268 662,298 6,6'" \
	-alpha off -strip $O/tafel.png
