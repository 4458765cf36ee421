/*
 * linebreak: where a line of text may end, by the Unicode line breaking
 * rules (UAX #14). Spaces are not the only places: after a hyphen or a
 * slash, and between the letters of scripts written without spaces, a
 * line may break too; before a full stop or a closing bracket it may not.
 * This is the one home of libunibreak; the ui's line breaker asks it about
 * a whole paragraph at once.
 */
#ifndef KIOSK_LINEBREAK_H
#define KIOSK_LINEBREAK_H

#include <stddef.h>

enum linebreak_kind {
	BREAK_NO = 0, /* no break after this byte */
	BREAK_MAY,    /* a line may end after this byte */
	BREAK_MUST    /* a line must end after it (a new paragraph) */
};

/* Prepares the library's look-up tables; call once before the first
 * linebreak_find (calling again does no harm). */
void linebreak_init(void);

/* Fills brk[i] with an enum linebreak_kind for every byte i of the UTF-8
 * text s[0..n): what may happen after it. Bytes inside a character and the
 * end of the text get BREAK_NO and BREAK_MUST. brk holds n bytes,
 * owned by the caller. */
void linebreak_find(const char *s, size_t n, char *brk);

#endif
