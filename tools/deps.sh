#!/bin/sh
# Installs the Debian 12 packages Wijkkiosk needs to build, run and test.
# Does nothing when they are all there; uses sudo when not run as root.
set -eu

PACKAGES="
build-essential pkg-config
libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
libsqlite3-dev libqrencode-dev libmd4c-dev libpng-dev libjpeg-dev libfontconfig-dev
libpoppler-glib-dev libcairo2-dev poppler-utils qpdf
libespeak-ng-dev espeak-ng-data
fonts-dejavu-core
libcmocka-dev libsodium-dev
libfribidi-dev libunibreak-dev fonts-noto-core
libsodium-dev
xvfb xauth zbar-tools imagemagick python3 fontconfig
clang libclang-rt-14-dev
libsystemd-dev cage
dosfstools fusefat
"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
	SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
