/*
 * linebreak: UAX #14 break opportunities through libunibreak; see
 * linebreak.h.
 */
#include "core/ui/linebreak.h"

#include <linebreak.h>

void linebreak_init(void)
{
	init_linebreak();
}

void linebreak_find(const char *s, size_t n, char *brk)
{
	size_t i;

	if (n == 0)
		return;
	/* the library writes its own codes in place, one per byte */
	set_linebreaks_utf8((const utf8_t *)s, n, NULL, brk);
	for (i = 0; i < n; i++) {
		switch (brk[i]) {
		case LINEBREAK_MUSTBREAK:
			brk[i] = BREAK_MUST;
			break;
		case LINEBREAK_ALLOWBREAK:
			brk[i] = BREAK_MAY;
			break;
		default: /* NOBREAK, INSIDEACHAR */
			brk[i] = BREAK_NO;
			break;
		}
	}
}
