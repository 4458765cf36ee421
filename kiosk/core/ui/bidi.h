/*
 * bidi: the order in which the pieces of a line are shown when Arabic and
 * Latin text (an e-mail address, a name, a number) meet on one line, by the
 * Unicode bidirectional algorithm (UAX #9). This is the one home of
 * fribidi. The ui's line breaker asks it for the embedding level of every
 * byte of a line; even levels run left to right, odd levels right to left.
 * Numbers inside Arabic text get an even level: they stay left to right.
 *
 * Lines without any right-to-left letter in a left-to-right paragraph are
 * answered without calling the library (all level 0); a line that does
 * need it lets fribidi allocate a little inside, and frees it at once.
 */
#ifndef KIOSK_BIDI_H
#define KIOSK_BIDI_H

#include <stddef.h>
#include <stdint.h>

#define BIDI_MAX 1024 /* characters of one line */

/* Scratch space for one line: a frame allocates nothing of its own. */
struct bidi {
	uint32_t chars[BIDI_MAX];
	uint32_t types[BIDI_MAX];
	uint32_t brackets[BIDI_MAX];
	signed char levels[BIDI_MAX];
};

/* Direction of a paragraph by its first strong letter (the algorithm's
 * own rule): 1 right to left, 0 left to right, -1 no letter at all. */
int bidi_direction(const char *s, size_t n);

/* 1 when s[0..n) holds a letter or digit of a right-to-left script. */
int bidi_has_rtl(const char *s, size_t n);

/* Fills level[i] for every byte i of the UTF-8 line s[0..n) in a
 * paragraph running right to left when rtl. Returns 0, or -1 when the
 * line is longer than BIDI_MAX characters (level[] then holds the
 * paragraph's level everywhere). level holds n bytes, owned by the
 * caller. */
int bidi_levels(struct bidi *b, const char *s, size_t n, int rtl,
		unsigned char *level);

#endif
