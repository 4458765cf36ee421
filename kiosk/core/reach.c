/* reach: placeholder until the real module lands (see reach.h). */
#include "core/reach.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static size_t enc(char *out, size_t o, size_t size, const char *s)
{
	for (; s && *s && o + 4 < size; s++) {
		unsigned char ch = (unsigned char)*s;

		if (isalnum(ch) || strchr("-._~", ch))
			out[o++] = (char)ch;
		else if (ch == '\n')
			o += (size_t)snprintf(out + o, size - o, "%%0D%%0A");
		else
			o += (size_t)snprintf(out + o, size - o, "%%%02X", ch);
	}
	out[o] = '\0';
	return o;
}

int reach_payload(const struct reach *r, char *out, size_t size,
		  int *shortened, struct err *e)
{
	size_t o;

	*shortened = 0;
	(void)e;
	switch (r->kind) {
	case REACH_EMAIL:
		o = (size_t)snprintf(out, size, "mailto:%s?subject=", r->to);
		o = enc(out, o, size, r->subject);
		o += (size_t)snprintf(out + o, size - o, "&body=");
		enc(out, o, size, r->body);
		break;
	case REACH_WHATSAPP:
		o = (size_t)snprintf(out, size, "https://wa.me/%s?text=",
				     r->to + (r->to[0] == '+'));
		enc(out, o, size, r->body);
		break;
	case REACH_PHONE:
		snprintf(out, size, "tel:%s", r->to);
		break;
	case REACH_WEB:
		snprintf(out, size, "%s", r->to);
		break;
	}
	return 0;
}

int phone_normalize(const char *in, char *out, size_t size)
{
	size_t o = 0;

	for (; *in && o + 1 < size; in++)
		if (isdigit((unsigned char)*in) || *in == '+')
			out[o++] = *in;
		else if (!strchr(" -()", *in))
			return -1;
	out[o] = '\0';
	return o >= 8 ? 0 : -1;
}

int email_valid(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at > s && strchr(at, '.') && !strchr(s, ' ');
}
