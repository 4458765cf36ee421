#!/bin/sh
# Checks the layer rules of DESIGN.md over every sub-folder of kiosk/ and
# tools/: the core never names SDL or reads a clock, dependencies point
# down only, and each external library has one home. Prints every
# offending line; exit 1 if any.
set -u
cd "$(dirname "$0")/.."
fail=0

report() {
	echo "layers: $1"
	fail=1
}

CORE=$(find kiosk/base kiosk/core -name '*.[ch]' | sort)
ALL=$(find kiosk tools -name '*.[ch]' | sort)

# 1. No file of the core (base, core) mentions SDL at all.
# shellcheck disable=SC2086
hits=$(grep -n -E 'SDL' $CORE)
[ -n "$hits" ] && report "core files name SDL (only kiosk/platform may):
$hits"

# 2. Only the platform layer includes SDL, fontconfig, espeak-ng or
#    libsystemd headers.
# shellcheck disable=SC2086
hits=$(grep -n -E '#include *[<"](SDL|fontconfig|espeak|systemd)' \
	$(echo "$ALL" | grep -v '^kiosk/platform/'))
[ -n "$hits" ] && report "platform libraries included outside kiosk/platform:
$hits"

# 3. One home per library.
check_home() { # header, allowed file pattern
	# shellcheck disable=SC2086
	hits=$(grep -n -E "#include *[<\"]$1" $ALL | grep -v -E "^$2")
	[ -n "$hits" ] && report "$1 included outside $2:
$hits"
}
check_home 'sqlite3\.h' 'kiosk/core/store/'
check_home 'qrencode\.h' 'kiosk/core/qr\.c'
check_home 'md4c' 'kiosk/core/content/'
check_home '(poppler|cairo)' 'kiosk/core/pdf\.c'
check_home '(png|jpeglib)\.h' 'kiosk/core/content/image\.c'
check_home 'sodium\.h' 'kiosk/core/(crypto|pin|seal)'
# Unicode line breaking and the bidirectional algorithm live in the ui.
check_home '(linebreak|linebreakdef|wordbreak)\.h' 'kiosk/core/ui/linebreak\.c'
check_home 'fribidi' 'kiosk/core/ui/bidi\.c'

# Settings files (packs, theme, translations, the kiosk's own settings)
# are read by one reader, core/kv.c; no INI library comes back.
# shellcheck disable=SC2086
hits=$(grep -n -E '#include *[<"](ini|iniparser)\.h' $ALL)
[ -n "$hits" ] && report "an INI library is included (use core/kv.h):
$hits"

# 4. Dependencies point down: base includes nothing of core or platform;
#    the core never includes the platform; content never includes the ui,
#    the screens or the app; the ui never includes screens or the app;
#    screens never include the app's private files.
down() { # files, forbidden include pattern, what
	# shellcheck disable=SC2086
	hits=$(grep -n -E "#include *\"($2)" $1)
	[ -n "$hits" ] && report "$3:
$hits"
}
down "$(find kiosk/base -name '*.[ch]')" 'core/|platform/' \
	"base includes a higher layer"
down "$CORE" 'platform/' "core includes the platform"
down "$(find kiosk/core/content -name '*.[ch]')" 'core/(ui|screens|app)/' \
	"content includes ui, screens or app"
down "$(find kiosk/core/ui -name '*.[ch]')" 'core/(screens|app|content)/' \
	"ui includes screens, app or content"
# screens see the visit (data) but never the app that owns it
down "$(find kiosk/core/screens -name '*.[ch]')" 'core/app/(app|walk|script)\.h' \
	"screens include the app (ask through screen_ask instead)"

# 5. The core never reads the wall clock: time and today's date are
#    passed in. That covers C calls and SQL's own clock.
# shellcheck disable=SC2086
hits=$(grep -n -E "\\b(time|clock_gettime|gettimeofday|clock|localtime|localtime_r|gmtime|gmtime_r)\\(|'now'|CURRENT_(TIMESTAMP|DATE|TIME)" \
	$(echo "$CORE" | grep '\.c$'))
[ -n "$hits" ] && report "core reads a clock (pass time in instead):
$hits"

[ $fail = 0 ] && echo "layers: ok"
exit $fail
