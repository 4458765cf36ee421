#!/bin/sh
# End-to-end checks that the kiosk always starts, whatever its data folder:
# a file, a path whose parent is missing, a read-only disk, a full disk.
# Each time the kiosk starts, `list` shows the content (the installed pack
# when it can be read, else the demo pack), and the log names the folder
# and the problem. `kioskctl install` refuses each with a Dutch message and
# a non-zero exit. The read-only and full disks are small tmpfs mounts,
# made only when run as root (skipped with a message otherwise).
# KIOSK is the kiosk binary, OUT a scratch folder. Prints "ok NAME" or
# "not ok NAME" a check; exits 1 when any failed.
set -u
: "${KIOSK:?set KIOSK to the kiosk binary}"
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CTL=${KIOSKCTL:-$(dirname "$KIOSK")/kioskctl}
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
cleanup() {
	for m in ro-inst ro full; do
		umount "$OUT/$m" 2> /dev/null
	done
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cleanup # left over from a run that was killed
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

DEMO="tap: Tik op het scherm om te beginnen"
printf 'list\nquit\n' > "$OUT/list.kscript"

# Starts the kiosk on data folder $1 (more options after it); its `list`
# goes to $OUT/out, its log to $OUT/err, the exit code to $rc.
kiosk() {
	data=$1
	shift
	"$KIOSK" --data "$data" "$@" --script "$OUT/list.kscript" \
		> "$OUT/out" 2> "$OUT/err" < /dev/null
	rc=$?
}

# The kiosk ran through, showed `shown`, and logged `problem` once.
started() { # shown, problem
	[ "$rc" = 0 ] && grep -qxF "$1" "$OUT/out" &&
		[ "$(grep -cF "$2" "$OUT/err")" = 1 ] &&
		! grep -q Sanitizer "$OUT/err"
}

# kioskctl install into data folder $1 fails with `text` in its message.
refused() { # data, text
	"$CTL" install "$ROOT/content/voorbeeld" --data "$1" \
		> "$OUT/ctl" 2>&1
	[ $? = 1 ] && grep -qF "$2" "$OUT/ctl" && ! grep -q Sanitizer "$OUT/ctl"
}

# ---- the data folder is a file ----
printf 'not a folder\n' > "$OUT/afile"
kiosk "$OUT/afile"
check "data folder is a file: starts with the demo pack, logs it" \
	started "$DEMO" "'$OUT/afile' is not a folder"
check "data folder is a file: kioskctl install refuses in Dutch" \
	refused "$OUT/afile" "er staat een bestand met die naam"

# ---- the parent of the data folder is missing ----
kiosk "$OUT/no/such/data"
check "missing parent: starts with the demo pack, logs it" \
	started "$DEMO" "cannot create folder '$OUT/no/such/data': the folder '$OUT/no/such' above it does not exist"
check "missing parent: no folders are made" test ! -e "$OUT/no"
check "missing parent: kioskctl install refuses in Dutch" \
	refused "$OUT/no/such/data" "de map erboven bestaat niet"
check "missing parent: kioskctl makes no folders either" test ! -e "$OUT/no"

# ---- only the last folder is made ----
kiosk "$OUT/fresh"
check "missing data folder under an existing parent is made" \
	sh -c "[ $rc = 0 ] && [ -d '$OUT/fresh' ] && ! grep -q 'data folder unusable' '$OUT/err'"
mkdir -p "$OUT/home"
HOME="$OUT/home" XDG_DATA_HOME= "$KIOSK" --script "$OUT/list.kscript" \
	> "$OUT/out" 2> "$OUT/err" < /dev/null
rc=$?
check "default data folder: its XDG parents below \$HOME are made" \
	sh -c "[ $rc = 0 ] && [ -d '$OUT/home/.local/share/wijkkiosk' ]"

# ---- read-only and full disks need mounts ----
if [ "$(id -u)" != 0 ]; then
	echo "skip read-only and full data folders: mounting a small disk needs root"
	[ $fails = 0 ]
	exit
fi

# a data folder with an installed pack, then the same folder read-only
"$CTL" install "$ROOT/content/voorbeeld" --data "$OUT/inst" > /dev/null 2>&1
mkdir -p "$OUT/ro-inst" "$OUT/ro"
if mount --bind "$OUT/inst" "$OUT/ro-inst" &&
   mount -o remount,bind,ro "$OUT/ro-inst" &&
   mount -t tmpfs -o size=1m,ro tmpfs "$OUT/ro"; then
	kiosk "$OUT/ro-inst"
	check "read-only data folder: starts with the installed pack, logs it" \
		started "text: Wijkcentrum De Linde" \
		"cannot write in '$OUT/ro-inst': Read-only file system"
	check "read-only data folder: kioskctl install refuses in Dutch" \
		refused "$OUT/ro-inst" "de schijf is alleen-lezen"
	kiosk "$OUT/ro"
	check "empty read-only disk: starts with the demo pack, logs it" \
		started "$DEMO" "cannot write in '$OUT/ro': Read-only file system"
	kiosk "$OUT/ro/sub"
	check "cannot be made on a read-only disk: starts, logs it" \
		started "$DEMO" "cannot create folder '$OUT/ro/sub': Read-only file system"
else
	echo "skip read-only data folders: this system does not allow the mounts"
fi

mkdir -p "$OUT/full"
if mount -t tmpfs -o size=256k tmpfs "$OUT/full"; then
	mkdir "$OUT/full/data"
	# fill the disk to its last byte
	dd if=/dev/zero of="$OUT/full/filler" bs=4k > /dev/null 2>&1
	kiosk "$OUT/full/data"
	check "full disk: starts with the demo pack, logs it" \
		started "$DEMO" "cannot write in '$OUT/full/data': No space left on device"
	check "full disk: kioskctl install refuses in Dutch" \
		refused "$OUT/full/data" "de schijf is vol"
else
	echo "skip full data folder: this system does not allow a tmpfs mount"
fi

[ $fails = 0 ]
