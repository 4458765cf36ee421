/*
 * bidi: embedding levels of a line through fribidi; see bidi.h.
 */
#include "core/ui/bidi.h"

#include <fribidi.h>
#include <string.h>

#include "base/util.h"

_Static_assert(sizeof(FriBidiChar) == sizeof(uint32_t), "fribidi char");
_Static_assert(sizeof(FriBidiCharType) == sizeof(uint32_t), "fribidi type");
_Static_assert(sizeof(FriBidiBracketType) == sizeof(uint32_t),
	       "fribidi bracket");
_Static_assert(sizeof(FriBidiLevel) == sizeof(signed char), "fribidi level");

int bidi_direction(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		FriBidiCharType t =
			fribidi_get_bidi_type(utf8_next_n(s, n, &i));

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
		t = fribidi_get_bidi_type(utf8_next_n(s, n, &i));
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
		b->chars[len++] = utf8_next_n(s, n, &i);
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
		utf8_next_n(s, n, &i);
		memset(level + start, (unsigned char)b->levels[k], i - start);
	}
	return 0;
}
