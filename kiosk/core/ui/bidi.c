/*
 * bidi: embedding levels of a line through fribidi; see bidi.h.
 */
#include "core/ui/bidi.h"

#include <fribidi.h>
#include <string.h>

_Static_assert(sizeof(FriBidiChar) == sizeof(uint32_t), "fribidi char");
_Static_assert(sizeof(FriBidiCharType) == sizeof(uint32_t), "fribidi type");
_Static_assert(sizeof(FriBidiBracketType) == sizeof(uint32_t),
	       "fribidi bracket");
_Static_assert(sizeof(FriBidiLevel) == sizeof(signed char), "fribidi level");

/* One code point at s[*i] (n bytes in all), advancing *i; a broken
 * sequence gives U+FFFD and one byte. */
static uint32_t next_char(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i, len, k;
	uint32_t cp;

	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] < 0xE0) {
		len = 2;
		cp = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] < 0xF0) {
		len = 3;
		cp = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] < 0xF5) {
		len = 4;
		cp = p[0] & 0x07;
	} else {
		*i += 1;
		return 0xFFFD;
	}
	if (left < len) {
		*i += 1;
		return 0xFFFD;
	}
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			*i += 1;
			return 0xFFFD;
		}
		cp = cp << 6 | (p[k] & 0x3F);
	}
	*i += len;
	return cp;
}

int bidi_direction(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		FriBidiCharType t = fribidi_get_bidi_type(next_char(s, n, &i));

		if (FRIBIDI_IS_LETTER(t) && FRIBIDI_IS_STRONG(t))
			return FRIBIDI_IS_RTL(t) ? 1 : 0;
	}
	return -1;
}

int bidi_has_rtl(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const unsigned char c = (unsigned char)s[i];
		FriBidiCharType t;

		if (c < 0x80) {
			i++; /* ASCII is never right to left */
			continue;
		}
		t = fribidi_get_bidi_type(next_char(s, n, &i));
		if (FRIBIDI_IS_RTL(t) || t == FRIBIDI_TYPE_AN)
			return 1;
	}
	return 0;
}

int bidi_levels(struct bidi *b, const char *s, size_t n, int rtl,
		unsigned char *level)
{
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	size_t i = 0, start;
	int len = 0, k;

	if (!rtl && !bidi_has_rtl(s, n)) {
		memset(level, 0, n);
		return 0;
	}
	while (i < n) {
		if (len == BIDI_MAX) {
			memset(level, rtl ? 1 : 0, n);
			return -1;
		}
		b->chars[len++] = next_char(s, n, &i);
	}
	fribidi_get_bidi_types(b->chars, len, b->types);
	fribidi_get_bracket_types(b->chars, len, b->types, b->brackets);
	if (!fribidi_get_par_embedding_levels_ex(b->types, b->brackets, len,
						 &base, b->levels)) {
		memset(level, rtl ? 1 : 0, n);
		return -1;
	}
	/* spread each character's level over its bytes */
	i = 0;
	for (k = 0; k < len; k++) {
		start = i;
		next_char(s, n, &i);
		memset(level + start, (unsigned char)b->levels[k], i - start);
	}
	return 0;
}
