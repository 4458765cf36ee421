/*
 * reach: QR payloads that open the visitor's phone with a message ready to
 * send; see reach.h. It owns nothing: everything is written into the
 * caller's buffer.
 */
#include "core/reach.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

/* "…" (U+2026) at the end of a shortened text, percent-encoded. */
#define ELLIPSIS     "%E2%80%A6"
#define ELLIPSIS_LEN (sizeof(ELLIPSIS) - 1)

/* The payload being written: at most lim bytes, then a NUL. */
struct payload {
	char *s;
	size_t n, lim;
};

static int put(struct payload *p, const char *s, size_t n)
{
	if (p->n + n > p->lim)
		return -1;
	memcpy(p->s + p->n, s, n);
	p->n += n;
	p->s[p->n] = '\0';
	return 0;
}

static int put_str(struct payload *p, const char *s)
{
	return put(p, s, strlen(s));
}

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~';
}

/* Writes byte c as itself when keep says so, else as %XX, into buf;
 * returns the length. */
static size_t enc_byte(unsigned char c, int keep, char *buf)
{
	static const char hex[] = "0123456789ABCDEF";

	if (keep) {
		buf[0] = (char)c;
		return 1;
	}
	buf[0] = '%';
	buf[1] = hex[c >> 4];
	buf[2] = hex[c & 15];
	return 3;
}

/* UTF-8 of cp into buf; returns the length. */
static size_t utf8_put(uint32_t cp, unsigned char *buf)
{
	if (cp < 0x80) {
		buf[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (unsigned char)(0xC0 | cp >> 6);
		buf[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (unsigned char)(0xE0 | cp >> 12);
		buf[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		buf[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (unsigned char)(0xF0 | cp >> 18);
	buf[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	buf[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	buf[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	       cp == 0x2028 || cp == 0x2029;
}

/* One character of a text at s[*i] (advancing *i), percent-encoded into
 * buf (at least 24 bytes): a line break ("\r\n", "\r" or "\n") becomes
 * `nl`, a byte that is not UTF-8 the replacement character. Returns the
 * length; *cp gets the character. */
static size_t enc_char(const char *s, size_t n, size_t *i, const char *nl,
		       uint32_t *cp, char *buf)
{
	unsigned char u[4];
	size_t k, un, len = 0;

	*cp = utf8_next_n(s, n, i);
	if (*cp == '\r' || *cp == '\n') {
		if (*cp == '\r' && *i < n && s[*i] == '\n')
			(*i)++;
		*cp = '\n';
		len = strlen(nl);
		memcpy(buf, nl, len);
		return len;
	}
	un = utf8_put(*cp, u);
	for (k = 0; k < un; k++)
		len += enc_byte(u[k], unreserved(u[k]), buf + len);
	return len;
}

/* Encoded length of the whole of s. */
static size_t enc_len(const char *s, const char *nl)
{
	size_t n = strlen(s), i = 0, len = 0;
	char buf[24];
	uint32_t cp;

	while (i < n)
		len += enc_char(s, n, &i, nl, &cp, buf);
	return len;
}

/* Appends s percent-encoded, in at most `room` bytes. When it does not
 * fit, it ends after the last whole word that leaves room for the
 * ellipsis (or, for one very long word, after the last whole character)
 * and the ellipsis follows; *shortened is then set. */
static void put_text(struct payload *p, const char *s, const char *nl,
		     size_t room, int *shortened)
{
	size_t n = strlen(s), i = 0, len = 0, word_end = 0, char_end = 0;
	size_t cut, k;
	int in_word = 0;
	char buf[24];
	uint32_t cp;

	if (room > p->lim - p->n)
		room = p->lim - p->n;
	if (enc_len(s, nl) <= room) {
		while (i < n) {
			size_t m = enc_char(s, n, &i, nl, &cp, buf);

			put(p, buf, m);
		}
		return;
	}
	*shortened = 1;
	/* the longest prefix that ends a word (or, failing that, a
	 * character) and leaves room for the ellipsis */
	while (i < n) {
		size_t at = i, m = enc_char(s, n, &i, nl, &cp, buf);

		if (is_space(cp) && in_word && len + ELLIPSIS_LEN <= room)
			word_end = at;
		in_word = !is_space(cp);
		if (len + m + ELLIPSIS_LEN > room)
			break;
		len += m;
		char_end = i;
	}
	cut = word_end ? word_end : char_end;
	/* a cut in a run of spaces loses the spaces */
	k = 0;
	while (k < cut) {
		size_t m = enc_char(s, cut, &k, nl, &cp, buf);

		put(p, buf, m);
	}
	if (room >= ELLIPSIS_LEN)
		put(p, ELLIPSIS, ELLIPSIS_LEN);
}

/* 1 when s holds nothing but white space. */
static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (!is_space((unsigned char)*s))
			return 0;
	return 1;
}

static int put_mailto(struct payload *p, const struct reach *r, int *shortened,
		      struct err *e)
{
	const char *s;
	int has_subject = !blank(r->subject), has_body = !blank(r->body);
	char buf[4];

	if (!r->to || !email_valid(r->to))
		return err_set(e, "'%.80s' is geen geldig e-mailadres",
			       r->to ? r->to : "");
	put_str(p, "mailto:");
	for (s = r->to; *s; s++) {
		unsigned char c = (unsigned char)*s;
		size_t m = enc_byte(
			c, unreserved(c) || (c && strchr("!$'*+@", c)), buf);

		if (put(p, buf, m) < 0)
			return err_set(
				e,
				"het e-mailadres '%.80s' is te lang voor "
				"een QR-code",
				r->to);
	}
	/* the fields' names, and a little room for the text */
	if (p->n + (has_subject ? 9 + ELLIPSIS_LEN : 0) +
		    (has_body ? 6 + ELLIPSIS_LEN : 0) >
	    p->lim)
		return err_set(e,
			       "het e-mailadres '%.80s' is te lang voor een "
			       "QR-code",
			       r->to);
	if (has_subject) {
		size_t room = p->lim - p->n - 9;
		size_t want = enc_len(r->subject, "%0D%0A");

		if (has_body) {
			/* when both do not fit, the subject keeps what the
			 * body leaves, but at least a third of the room:
			 * the body says more */
			size_t rest = room - 6;
			size_t body = enc_len(r->body, "%0D%0A");

			if (want + body <= rest)
				room = want;
			else if (body < rest && rest - body > rest / 3)
				room = rest - body;
			else
				room = rest / 3;
			if (room < ELLIPSIS_LEN)
				room = ELLIPSIS_LEN;
		}
		put_str(p, "?subject=");
		put_text(p, r->subject, "%0D%0A", room, shortened);
	}
	if (has_body) {
		put_str(p, has_subject ? "&body=" : "?body=");
		put_text(p, r->body, "%0D%0A", p->lim - p->n, shortened);
	}
	return 0;
}

int reach_payload(const struct reach *r, char *out, size_t size, int *shortened,
		  struct err *e)
{
	struct payload p = { out, 0, size - 1 };
	int dummy = 0;
	char num[32];

	assert(size > 0);
	if (p.lim > REACH_PAYLOAD_MAX)
		p.lim = REACH_PAYLOAD_MAX;
	out[0] = '\0';
	if (!shortened)
		shortened = &dummy;
	*shortened = 0;
	switch (r->kind) {
	case REACH_EMAIL:
		if (put_mailto(&p, r, shortened, e) < 0)
			break;
		return 0;
	case REACH_PHONE:
	case REACH_WHATSAPP:
		if (!r->to || phone_normalize(r->to, num, sizeof(num)) < 0) {
			err_set(e, "'%.80s' is geen bruikbaar telefoonnummer",
				r->to ? r->to : "");
			break;
		}
		if (r->kind == REACH_PHONE) {
			put_str(&p, "tel:");
			put_str(&p, num);
			return 0;
		}
		put_str(&p, "https://wa.me/");
		put_str(&p, num + 1);
		if (!blank(r->body)) {
			if (put_str(&p, "?text=") < 0 ||
			    p.lim - p.n < ELLIPSIS_LEN) {
				err_set(e, "geen ruimte voor het bericht");
				break;
			}
			put_text(&p, r->body, "%0A", p.lim - p.n, shortened);
		}
		return 0;
	case REACH_WEB:
		if (!r->to || !reach_url_valid(r->to)) {
			err_set(e,
				"'%.80s' is geen webadres: het begint met "
				"http:// of https:// en heeft geen spaties",
				r->to ? r->to : "");
			break;
		}
		if (put_str(&p, r->to) < 0) {
			err_set(e,
				"het webadres '%.80s...' is te lang voor een "
				"QR-code (%zu tekens, hoogstens %zu)",
				r->to, strlen(r->to), p.lim);
			break;
		}
		return 0;
	}
	out[0] = '\0';
	*shortened = 0;
	return -1;
}

/* ---- phone numbers ---- */

int phone_normalize(const char *in, char *out, size_t size)
{
	char d[24];
	size_t nd = 0, skip;
	const char *s = in;
	int intl = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+') {
		intl = 1;
		s++;
	}
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (nd == sizeof(d) - 1)
				return -1;
			d[nd++] = *s;
		} else if (s[0] == '(' && s[1] == '0' && s[2] == ')' &&
			   nd > 0) {
			s += 2; /* "+31 (0)6": the 0 is dialled at home only */
		} else if ((unsigned char)s[0] == 0xC2 &&
			   (unsigned char)s[1] == 0xA0) {
			s++; /* a no-break space */
		} else if (!strchr(" \t-./()", *s)) {
			return -1;
		}
	}
	d[nd] = '\0';
	if (!intl && nd >= 2 && d[0] == '0' && d[1] == '0') {
		intl = 1; /* 0031 ... */
		memmove(d, d + 2, nd - 1);
		nd -= 2;
	}
	if (!intl) {
		/* Dutch: 0 and 9 more, the free and paid lines 0800 and
		 * 0900 also shorter or longer */
		int service = nd >= 2 && (d[1] == '8' || d[1] == '9');

		if (nd == 0 || d[0] != '0' ||
		    (service ? nd < 8 || nd > 11 : nd != 10))
			return -1;
		skip = 1;
		if ((size_t)snprintf(out, size, "+31%s", d + skip) >= size)
			return -1;
		return 0;
	}
	if (nd == 0 || d[0] == '0')
		return -1;
	if (d[0] == '3' && d[1] == '1') {
		const char *rest = d + 2;
		size_t nr = nd - 2;
		int service;

		if (nr > 0 && rest[0] == '0') {
			rest++; /* +31 06 ...: the 0 is one too many */
			nr--;
		}
		service = nr > 0 && (rest[0] == '8' || rest[0] == '9');
		if (nr == 0 || rest[0] == '0' ||
		    (service ? nr < 7 || nr > 10 : nr != 9))
			return -1;
		if ((size_t)snprintf(out, size, "+31%s", rest) >= size)
			return -1;
		return 0;
	}
	if (nd < 8 || nd > 15)
		return -1;
	if ((size_t)snprintf(out, size, "+%s", d) >= size)
		return -1;
	return 0;
}

/* ---- e-mail and web addresses ---- */

/* Letters, digits and the signs RFC 5322 allows in a local part; bytes
 * above ASCII for addresses in other scripts (RFC 6531). */
static int local_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80 ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~.", c));
}

static int domain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80 || c == '-';
}

int email_valid(const char *s)
{
	const char *at = strchr(s, '@'), *p, *label, *last = NULL;
	size_t n = strlen(s);

	if (!at || strchr(at + 1, '@') || at == s || at - s > 64 || n > 254)
		return 0;
	if (s[0] == '.' || at[-1] == '.')
		return 0;
	for (p = s; p < at; p++)
		if (!local_char((unsigned char)*p) ||
		    (p[0] == '.' && p[1] == '.'))
			return 0;
	/* the domain: labels between dots, at least two of them */
	label = at + 1;
	for (p = label;; p++) {
		if (*p == '.' || *p == '\0') {
			if (p == label || label[0] == '-' || p[-1] == '-')
				return 0;
			if (*p == '\0')
				break;
			last = p;
			label = p + 1;
		} else if (!domain_char((unsigned char)*p)) {
			return 0;
		}
	}
	/* a top-level domain of letters, two at least */
	if (!last || strlen(last + 1) < 2)
		return 0;
	for (p = last + 1; *p; p++)
		if (*p >= '0' && *p <= '9')
			return 0;
	return 1;
}

/* Length of the scheme and "://" when url is http or https, else 0. */
static size_t web_scheme(const char *url)
{
	if (strncasecmp(url, "https://", 8) == 0)
		return 8;
	if (strncasecmp(url, "http://", 7) == 0)
		return 7;
	return 0;
}

int reach_url_valid(const char *url)
{
	size_t k = web_scheme(url);
	const char *p;

	if (!k || strchr("/?#:@", url[k]) || url[k] == '\0')
		return 0;
	for (p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7F)
			return 0;
	return 1;
}

int reach_url_host(const char *url, char *out, size_t size)
{
	size_t k = web_scheme(url), n;
	const char *h, *at;

	if (!k || !reach_url_valid(url))
		return -1;
	h = url + k;
	n = strcspn(h, "/?#");
	at = memchr(h, '@', n); /* user@host: the user is not the place */
	if (at) {
		n -= (size_t)(at + 1 - h);
		h = at + 1;
	}
	if (h[0] != '[') { /* a port; an IPv6 address keeps its colons */
		const char *colon = memchr(h, ':', n);

		if (colon)
			n = (size_t)(colon - h);
	}
	if (n == 0 || n >= size)
		return -1;
	memcpy(out, h, n);
	out[n] = '\0';
	return 0;
}
