/*
 * kv: the one reader of `key = value` files in the project: content packs
 * (kiosk.ini, tile.ini, folders.ini ...), assets/theme.ini, the translation
 * files in assets/i18n/ and the kiosk's own settings.ini. It reads a whole
 * buffer, so it has no line-length limit, and tells the caller the line of
 * every key and of every line it cannot use. The rules, the same for every
 * file:
 *
 *   - the file is UTF-8; a byte-order mark at the very start is skipped;
 *   - lines end in LF or CRLF; white space around a line, a key and a value
 *     is dropped (a line that starts with spaces is a line like any other,
 *     never a continuation of the line above);
 *   - an empty line, or one whose first character is `#` or `;`, is a
 *     comment;
 *   - `[name]` starts a section; keys before the first section have
 *     section "";
 *   - `key = value` splits at the first `=`; the value may be empty;
 *   - ` ;` (a space or tab, then `;`) ends the value: the rest of the line
 *     is a comment, and the caller is told so (staff put `;` in text).
 *
 * Anything else is a problem on that line, reported through the problem
 * callback; reading goes on with the next line.
 */
#ifndef KIOSK_KV_H
#define KIOSK_KV_H

#include <stddef.h>

enum kv_problem {
	KV_NOT_UTF8,	   /* the line is not valid UTF-8: skipped */
	KV_NUL,		   /* the line holds a NUL byte: skipped */
	KV_NOT_A_KEY,	   /* neither `key = value`, [section] nor comment */
	KV_BAD_SECTION,	   /* `[` without a closing `]`, or `[]` */
	KV_INLINE_COMMENT, /* ` ;` cut the value short (the key still
			       reaches the key callback, cut) */
};

struct kv_handler {
	/* One key. section, key and value are borrowed until the callback
	 * returns. Return 0 to go on, -1 to stop reading. */
	int (*key)(void *ctx, const char *section, const char *key,
		   const char *value, int line);
	/* One problem on `line` (from 1). May be NULL. */
	void (*problem)(void *ctx, enum kv_problem what, int line);
};

/* Reads the n bytes at buf (need not be NUL-terminated). Returns 0, or -1
 * when the key callback stopped the reading. */
int kv_parse(const char *buf, size_t n, const struct kv_handler *h, void *ctx);

/* English words for a problem, for developers' messages ("not UTF-8"). */
const char *kv_problem_name(enum kv_problem what);

#endif
