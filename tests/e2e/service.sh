#!/bin/sh
# `make install` and the systemd unit: installs into a scratch DESTDIR
# (twice, with two PREFIXes), runs the installed kiosk and kioskctl from
# there, and has `systemd-analyze verify` check the installed unit, which
# must pass without a single warning. Needs the normal build (make all).
# OUT is a scratch folder.
set -u
: "${OUT:?set OUT to a scratch folder}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT"
mkdir -p "$OUT"
fails=0

. "$ROOT/tests/e2e/lib.inc"

export SDL_VIDEODRIVER=dummy
D="$OUT/root"
make --no-print-directory -s -C "$ROOT" install DESTDIR="$D" \
	> "$OUT/install.log" 2>&1
check "make install DESTDIR=... ends well" test $? = 0
UNIT="$D/usr/local/lib/systemd/system/wijkkiosk.service"
for f in usr/local/bin/wijkkiosk usr/local/bin/kioskctl \
	usr/local/lib/wijkkiosk/build/kiosk usr/local/lib/wijkkiosk/assets/theme.ini \
	usr/local/lib/wijkkiosk/content/ussen/kiosk.ini \
	usr/local/lib/wijkkiosk/content/LEESMIJ.md \
	usr/local/share/doc/wijkkiosk/README.md \
	usr/local/share/doc/wijkkiosk/kiosk-pc.md \
	usr/local/share/doc/wijkkiosk/samenwerken.md; do
	check "installed: /$f" test -e "$D/$f"
done
for f in var/lib/wijkkiosk var/lib/wijkkiosk/inbox var/lib/wijkkiosk/outbox; do
	check "data folder: /$f" test -d "$D/$f"
done
check "the unit is installed" test -f "$UNIT"
check "nothing is left for make to fill in" sh -c "! grep -q '@[A-Z]*@' '$UNIT'"
for key in Type=notify NotifyAccess=all WatchdogSec= Restart=always \
	'ExecStart=/usr/bin/cage -- /usr/local/bin/wijkkiosk --data /var/lib/wijkkiosk'; do
	check "unit says $key" grep -q "^$key" "$UNIT"
done

# the installed programs find their assets and demo pack beside them
printf 'expect "Tik op het scherm om te beginnen"\nquit\n' > "$OUT/start.kscript"
"$D/usr/local/bin/wijkkiosk" --data "$OUT/data" --script "$OUT/start.kscript" \
	> "$OUT/run.out" 2> "$OUT/run.err" < /dev/null
check "the installed kiosk shows the demo pack" test $? = 0
"$D/usr/local/bin/kioskctl" check "$D/usr/local/lib/wijkkiosk/content/voorbeeld" \
	> "$OUT/check.out" 2>&1
check "the installed kioskctl checks the installed example pack" test $? = 0

# PREFIX is honoured, in the unit too
make --no-print-directory -s -C "$ROOT" install DESTDIR="$OUT/opt" \
	PREFIX=/opt/wijkkiosk > "$OUT/install-opt.log" 2>&1
check "make install PREFIX=/opt/wijkkiosk ends well" test $? = 0
check "PREFIX: the kiosk is in /opt/wijkkiosk" \
	test -x "$OUT/opt/opt/wijkkiosk/lib/wijkkiosk/build/kiosk"
check "PREFIX: the unit starts /opt/wijkkiosk/bin/wijkkiosk" grep -q \
	'^ExecStart=/usr/bin/cage -- /opt/wijkkiosk/bin/wijkkiosk ' \
	"$OUT/opt/opt/wijkkiosk/lib/systemd/system/wijkkiosk.service"

# systemd's own check of the unit; it also proves cage is where the unit
# looks for it (tools/deps.sh installs cage)
if command -v systemd-analyze > /dev/null; then
	systemd-analyze verify "$UNIT" > "$OUT/verify.log" 2>&1
	check "systemd-analyze verify accepts the installed unit" test $? = 0
	check "systemd-analyze verify has no warning about it" \
		test ! -s "$OUT/verify.log"
	sed 's/^Type=notify/Type=notfy/' "$UNIT" > "$OUT/broken.service"
	systemd-analyze verify "$OUT/broken.service" > "$OUT/verify-bad.log" 2>&1
	check "the verify check notices a broken unit" test -s "$OUT/verify-bad.log"
else
	echo "skip: systemd-analyze is not installed, the unit was not verified"
fi
[ $fails = 0 ]
