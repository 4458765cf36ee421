#!/bin/sh
# Renders the kiosk's pictograms: assets/icons/src/NAME.svg -> assets/icons/NAME.png,
# 128x128, white shapes on a fully transparent background, anti-aliased.
# The PNGs are committed, so the kiosk needs no SVG library at run time.
#
# Needs: rsvg-convert (Debian package librsvg2-bin).
# Optional: ImageMagick (Debian package imagemagick) for the checks and the
# contact sheet; without it the PNGs are still rendered.
#
# Usage: tools/icons/render.sh [--sheet OUT.png]
#   --sheet OUT.png  also writes a contact sheet of all icons on a dark
#                    background (for looking at them; do not commit it)
set -eu

cd "$(dirname "$0")/../.."
SRC=assets/icons/src
DST=assets/icons
SIZE=128

sheet=
if [ "${1:-}" = "--sheet" ]; then
	sheet=${2:?--sheet needs a file name}
fi

command -v rsvg-convert >/dev/null 2>&1 || {
	echo "render.sh: rsvg-convert not found; install the Debian package librsvg2-bin" >&2
	exit 1
}
have_im=
command -v identify >/dev/null 2>&1 && command -v convert >/dev/null 2>&1 && have_im=1

n=0
for svg in "$SRC"/*.svg; do
	name=$(basename "$svg" .svg)
	png="$DST/$name.png"
	rsvg-convert --width=$SIZE --height=$SIZE --format=png --output="$png.tmp" "$svg"
	if [ -n "$have_im" ]; then
		# Every pixel white, only alpha carries the shape; no time stamps, so
		# rendering twice gives the same bytes.
		convert "$png.tmp" -alpha on -channel RGB -evaluate set 100% +channel \
			-define png:color-type=6 -define png:exclude-chunks=date,time -strip "$png"
		rm -f "$png.tmp"
		geom=$(identify -format '%wx%h' "$png")
		[ "$geom" = "${SIZE}x${SIZE}" ] || { echo "render.sh: $png is $geom" >&2; exit 1; }
		# The corners must be transparent: the padding is part of the style.
		corner=$(convert "$png" -alpha extract -crop 4x4+0+0 +repage -format '%[fx:maxima]' info:)
		[ "$corner" = "0" ] || { echo "render.sh: $png has paint in its corner" >&2; exit 1; }
	else
		mv "$png.tmp" "$png"
	fi
	n=$((n + 1))
done
echo "render.sh: $n icons in $DST"

if [ -n "$sheet" ]; then
	[ -n "$have_im" ] || { echo "render.sh: --sheet needs ImageMagick (montage)" >&2; exit 1; }
	montage "$DST"/*.png -background '#1d2b36' -fill '#e8eef2' -font DejaVu-Sans -pointsize 14 \
		-set label '%t' -tile 7x -geometry 128x128+18+12 "$sheet"
	echo "render.sh: contact sheet in $sheet"
fi
