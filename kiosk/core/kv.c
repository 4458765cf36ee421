/*
 * kv: reading `key = value` files line by line from a buffer. The only
 * state is one scratch copy of the current line (grown as needed, freed at
 * the end), which is cut in place into section, key and value.
 */
#include "core/kv.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Drops white space at both ends of s[0..*len), in place; returns the new
 * start. */
static char *trim(char *s, size_t *len)
{
	while (*len > 0 && is_space(*s)) {
		s++;
		(*len)--;
	}
	while (*len > 0 && is_space(s[*len - 1]))
		(*len)--;
	s[*len] = '\0';
	return s;
}

/* Handles one line (NUL-terminated copy in s, length n). Returns -1 when
 * the callback asked to stop. */
static int one_line(char *s, size_t n, int line, char **section,
		    size_t *section_cap, const struct kv_handler *h, void *ctx)
{
	char *eq, *key, *value;
	size_t klen, vlen;

	s = trim(s, &n);
	if (n == 0 || s[0] == '#' || s[0] == ';')
		return 0;
	if (s[0] == '[') {
		char *end = strchr(s, ']');
		size_t slen;

		if (!end || end == s + 1) {
			if (h->problem)
				h->problem(ctx, KV_BAD_SECTION, line);
			return 0;
		}
		slen = (size_t)(end - s - 1);
		s = trim(s + 1, &slen);
		if (slen + 1 > *section_cap) {
			*section_cap = slen + 1;
			*section = xrealloc(*section, *section_cap);
		}
		memcpy(*section, s, slen + 1);
		return 0;
	}
	eq = strchr(s, '=');
	if (!eq || eq == s) {
		if (h->problem)
			h->problem(ctx, KV_NOT_A_KEY, line);
		return 0;
	}
	klen = (size_t)(eq - s);
	key = trim(s, &klen);
	value = eq + 1;
	vlen = strlen(value);
	{
		size_t i;

		for (i = 1; i < vlen; i++)
			if (value[i] == ';' &&
			    (value[i - 1] == ' ' || value[i - 1] == '\t'))
				break;
		if (i < vlen) {
			vlen = i;
			if (h->problem)
				h->problem(ctx, KV_INLINE_COMMENT, line);
		}
	}
	value = trim(value, &vlen);
	if (klen == 0) {
		if (h->problem)
			h->problem(ctx, KV_NOT_A_KEY, line);
		return 0;
	}
	return h->key(ctx, *section, key, value, line) < 0 ? -1 : 0;
}

int kv_parse(const char *buf, size_t n, const struct kv_handler *h, void *ctx)
{
	char *scratch = NULL, *section = xcalloc(1, 1);
	size_t cap = 0, section_cap = 1, pos = 0;
	int line = 0, rc = 0;

	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < n && rc == 0) {
		const char *start = buf + pos;
		const char *nl = memchr(start, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - start) : n - pos;

		pos += len + (nl != NULL);
		line++;
		if (memchr(start, '\0', len)) {
			if (h->problem)
				h->problem(ctx, KV_NUL, line);
			continue;
		}
		if (!utf8_valid(start, len, NULL)) {
			if (h->problem)
				h->problem(ctx, KV_NOT_UTF8, line);
			continue;
		}
		if (len + 1 > cap) {
			cap = len + 1;
			scratch = xrealloc(scratch, cap);
		}
		memcpy(scratch, start, len);
		scratch[len] = '\0';
		rc = one_line(scratch, len, line, &section, &section_cap, h,
			      ctx);
	}
	free(scratch);
	free(section);
	return rc;
}

const char *kv_problem_name(enum kv_problem what)
{
	switch (what) {
	case KV_NOT_UTF8:
		return "not valid UTF-8";
	case KV_NUL:
		return "holds a NUL byte";
	case KV_NOT_A_KEY:
		return "not 'key = value', [section] or comment";
	case KV_BAD_SECTION:
		return "a [section] without its ']'";
	case KV_INLINE_COMMENT:
		return "' ;' starts a comment inside a value";
	}
	return "?";
}
