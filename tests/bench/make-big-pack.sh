#!/bin/sh
# make-big-pack.sh DIR: writes a large generated content pack for the
# benchmark: 500 screenfuls of text (five page tiles of 100 parts, one
# steps tile of 100 steps... in all about 500 pages), a page tile `kort`
# that fits on one screen (to compare a frame of a long page with), and 100
# flyers (copies of the demo pack's PDF and pictures). Start-up and memory
# must not grow with it: the kiosk reads text when it starts, but opens
# flyers only when they are shown.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=$1
rm -rf "$DIR"
mkdir -p "$DIR"
cat > "$DIR/kiosk.ini" <<EOI
[kiosk]
format = 1
name = Grote testwijk
languages = nl, en
[home]
tiles = p1, p2, p3, p4, p5, kort, stappen, folders
EOI
echo "Een wachtscherm met een zin" > "$DIR/attract.nl.txt"
echo "A waiting screen with one line" > "$DIR/attract.en.txt"
para="Dit is een alinea van een lange pagina. Zij heeft een paar korte zinnen. Zo lijkt zij op de tekst die medewerkers schrijven."
for t in p1 p2 p3 p4 p5; do
	mkdir -p "$DIR/$t"
	printf '[tile]\nkind = page\ntitle = Pagina %s\ntitle.en = Page %s\n' "$t" "$t" > "$DIR/$t/tile.ini"
	for lang in nl en; do
		{
			echo "# Pagina $t"
			i=1
			while [ $i -le 100 ]; do
				printf '\n## Deel %d\n\n%s %s\n\n- een punt\n- nog een punt\n' \
					$i "$para" "$para"
				i=$((i + 1))
			done
		} > "$DIR/$t/$lang.md"
	done
done
mkdir -p "$DIR/kort"
printf '[tile]\nkind = page\ntitle = Kort\ntitle.en = Short\n' > "$DIR/kort/tile.ini"
for lang in nl en; do
	printf '# Kort\n\n## Deel 1\n\n%s %s\n\n- een punt\n- nog een punt\n' \
		"$para" "$para" > "$DIR/kort/$lang.md"
done
mkdir -p "$DIR/stappen"
printf '[tile]\nkind = steps\ntitle = Stappen\n' > "$DIR/stappen/tile.ini"
i=1
while [ $i -le 100 ]; do
	printf '## Stap %d\n\n%s\n\n' $i "$para"
	i=$((i + 1))
done > "$DIR/stappen/nl.md"
mkdir -p "$DIR/folders"
printf '[tile]\nkind = flyers\ntitle = Folders\n' > "$DIR/folders/tile.ini"
: > "$DIR/folders/folders.ini"
i=1
while [ $i -le 100 ]; do
	if [ $((i % 2)) = 0 ]; then
		cp "$ROOT/content/ussen/folders/samenwerkwijze.pdf" "$DIR/folders/f$i.pdf"
		printf '[f%d.pdf]\ntitle = Folder %d\nurl = https://wijk.example/f%d\n' $i $i $i
	else
		cp "$ROOT/content/ussen/folders/drie-vragen.png" "$DIR/folders/f$i.png"
		printf '[f%d.png]\ntitle = Folder %d\n' $i $i
	fi >> "$DIR/folders/folders.ini"
	i=$((i + 1))
done
