#!/bin/sh
# Checks the layer rules of DESIGN.md: the core never names SDL, and each
# external library has one home. Prints every offending line; exit 1 if any.
set -u
cd "$(dirname "$0")/.."
fail=0

report() {
	echo "layers: $1"
	fail=1
}

# 1. No file of the core (base, core, tools) mentions SDL at all.
hits=$(grep -n -E 'SDL' kiosk/base/*.[ch] kiosk/core/*.[ch] 2>/dev/null)
[ -n "$hits" ] && report "core files name SDL (only kiosk/platform may):
$hits"

# 2. Only the platform layer includes SDL or fontconfig headers.
hits=$(grep -n -E '#include *[<"](SDL|fontconfig)' $(find kiosk tools -name '*.[ch]' \
	! -path 'kiosk/platform/*') 2>/dev/null)
[ -n "$hits" ] && report "SDL/fontconfig included outside kiosk/platform:
$hits"

# 3. One home per library.
check_home() { # header, allowed file pattern
	hits=$(grep -n -E "#include *[<\"]$1" $(find kiosk tools -name '*.[ch]') 2>/dev/null |
		grep -v -E "^$2")
	[ -n "$hits" ] && report "$1 included outside $2:
$hits"
}
check_home 'sqlite3\.h' 'kiosk/core/store\.c'
check_home 'qrencode\.h' 'kiosk/core/qr\.c'
check_home 'md4c' 'kiosk/core/content\.c'
check_home '(poppler|cairo)' 'kiosk/core/pdf\.c'
check_home 'ini\.h' 'kiosk/core/(content|theme|i18n)\.c'

# 4. The core never reads the wall clock: time is passed in.
hits=$(grep -n -E '\b(time|clock_gettime|gettimeofday|clock)\(' kiosk/base/*.c kiosk/core/*.c)
[ -n "$hits" ] && report "core reads a clock (pass time in instead):
$hits"

[ $fail = 0 ] && echo "layers: ok"
exit $fail
