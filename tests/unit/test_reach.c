/*
 * test_reach: the addresses a QR code hands to a visitor's phone. Each
 * payload is read back the way a phone reads it (percent-decoded, line
 * breaks turned back into \n) and must give exactly the message the
 * visitor saw: accents, Arabic, emoji and the signs that separate fields
 * in a URL ('&' '?' '#' '%' '+') intact. A message too long for the code is
 * cut at a word, never inside a character or an escape, and says so.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/reach.h"

#define OUT_SIZE 1024

/* Percent-decodes s[0..n) into out; fails the test on a broken escape. */
static void decode(const char *s, size_t n, char *out, size_t size)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		assert_true(k + 1 < size);
		if (s[i] == '%') {
			unsigned v;

			assert_true(i + 2 < n);
			assert_int_equal(sscanf(s + i + 1, "%2x", &v), 1);
			assert_true(strchr("0123456789ABCDEF", s[i + 1]) &&
				    strchr("0123456789ABCDEF", s[i + 2]));
			out[k++] = (char)v;
			i += 2;
		} else {
			/* only unreserved characters go unescaped */
			assert_true(
				strchr("-._~", s[i]) ||
				(s[i] >= '0' && s[i] <= '9') ||
				((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'));
			out[k++] = s[i];
		}
	}
	out[k] = '\0';
}

/* The value of field `name` of a mailto: or wa.me payload, decoded, with
 * CR LF turned back into \n; NULL when the payload has no such field. */
static const char *field(const char *payload, const char *name, char *out,
			 size_t size)
{
	const char *q = strchr(payload, '?');
	size_t nl = strlen(name);
	char raw[OUT_SIZE], *r, *w;

	while (q) {
		const char *v = q + 1, *end = strchr(v, '&');
		size_t n = end ? (size_t)(end - v) : strlen(v);

		if (strncmp(v, name, nl) == 0 && v[nl] == '=') {
			decode(v + nl + 1, n - nl - 1, raw, sizeof(raw));
			for (r = raw, w = out; *r; r++)
				if (!(r[0] == '\r' && r[1] == '\n'))
					*w++ = *r;
			*w = '\0';
			assert_true((size_t)(w - out) < size);
			return out;
		}
		q = end;
	}
	return NULL;
}

static const char *mail(const char *to, const char *subject, const char *body,
			char *out, int *shortened)
{
	struct reach r = { REACH_EMAIL, to, subject, body };
	struct err e = { "" };

	assert_int_equal(reach_payload(&r, out, OUT_SIZE, shortened, &e), 0);
	assert_true(strlen(out) <= REACH_PAYLOAD_MAX);
	return out;
}

static void test_mailto_exact(void **state)
{
	char out[OUT_SIZE];
	int sh = -1;

	(void)state;
	mail("buurtteam@welzijn-ussen.example", "Vraag over geld",
	     "Hallo,\nIk heb een vraag.", out, &sh);
	assert_string_equal(out, "mailto:buurtteam@welzijn-ussen.example"
				 "?subject=Vraag%20over%20geld"
				 "&body=Hallo%2C%0D%0AIk%20heb%20een%20vraag.");
	assert_int_equal(sh, 0);
	/* no subject: the body is the first field */
	mail("a@b.nl", NULL, "x y", out, &sh);
	assert_string_equal(out, "mailto:a@b.nl?body=x%20y");
	mail("a@b.nl", "", "  \n", out, &sh);
	assert_string_equal(out, "mailto:a@b.nl");
}

/* What separates fields in a URL stays inside the body. */
static void test_url_signs_in_body(void **state)
{
	static const char body[] = "1 & 2? #3 50% +31 a=b/c;d";
	char out[OUT_SIZE], got[OUT_SIZE];

	(void)state;
	mail("vraag@buurt.example", "Wat & waar?", body, out, NULL);
	assert_string_equal(field(out, "body", got, sizeof(got)), body);
	assert_string_equal(field(out, "subject", got, sizeof(got)),
			    "Wat & waar?");
	assert_null(strchr(out + 7, '#'));
	assert_null(strchr(out, ' '));
	assert_non_null(strstr(out, "%26%202%3F%20%233%2050%25%20%2B31"));
}

static void test_accents_emoji_rtl_round_trip(void **state)
{
	static const char *const bodies[] = {
		"Één café, ü ö ç ş ğ ı — “aanhalingstekens”",
		"Ik doe mee 👍🏽 met de moestuin 🌱👨‍👩‍👧",
		"مرحبا، أريد أن أنضم إلى نادي المشي",
		"Привіт! Хочу допомогти в саду.",
		"Mix: العربية and Nederlands 123",
	};
	char out[OUT_SIZE], got[OUT_SIZE];
	size_t i;
	int sh;

	(void)state;
	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		mail("vraag@buurt.example", "Vraag", bodies[i], out, &sh);
		assert_int_equal(sh, 0);
		assert_string_equal(field(out, "body", got, sizeof(got)),
				    bodies[i]);
		mail("vraag@buurt.example", bodies[i], NULL, out, &sh);
		assert_int_equal(sh, 0);
		assert_string_equal(field(out, "subject", got, sizeof(got)),
				    bodies[i]);
	}
	mail("a@b.nl", NULL, "café", out, NULL);
	assert_string_equal(out, "mailto:a@b.nl?body=caf%C3%A9");
	mail("a@b.nl", NULL, "👍", out, NULL);
	assert_string_equal(out, "mailto:a@b.nl?body=%F0%9F%91%8D");
}

static void test_line_breaks(void **state)
{
	struct reach wa = { REACH_WHATSAPP, "06-12345678", NULL,
			    "a\r\nb\rc\nd" };
	char out[OUT_SIZE];

	(void)state;
	mail("a@b.nl", NULL, "a\r\nb\rc\nd", out, NULL);
	assert_string_equal(out, "mailto:a@b.nl?body=a%0D%0Ab%0D%0Ac%0D%0Ad");
	assert_int_equal(reach_payload(&wa, out, sizeof(out), NULL, NULL), 0);
	assert_string_equal(out,
			    "https://wa.me/31612345678?text=a%0Ab%0Ac%0Ad");
}

/* Bytes that are not UTF-8 become U+FFFD, never half a character. */
static void test_invalid_utf8(void **state)
{
	char out[OUT_SIZE];

	(void)state;
	mail("a@b.nl", NULL, "a\xC3(b\xFF", out, NULL);
	assert_string_equal(out, "mailto:a@b.nl?body=a%EF%BF%BD%28b%EF%BF%BD");
}

/* Checks a shortened body: within the limit, ends in the ellipsis, and
 * what is left is the start of the original up to the end of a word. */
static void check_cut(const char *payload, const char *body)
{
	static const char ell[] = "\xE2\x80\xA6";
	char got[OUT_SIZE];
	size_t n;

	assert_true(strlen(payload) <= REACH_PAYLOAD_MAX);
	assert_non_null(field(payload, "body", got, sizeof(got)));
	assert_true(utf8_valid(got, strlen(got), &n));
	n = strlen(got);
	assert_true(n >= 3);
	assert_memory_equal(got + n - 3, ell, 3);
	n -= 3;
	assert_memory_equal(got, body, n);
	if (n > 0) {
		/* a word ended here */
		assert_true(body[n] == ' ' || body[n] == '\n');
		assert_true(got[n - 1] != ' ' && got[n - 1] != '\n');
	}
}

static void test_long_body_cut_at_a_word(void **state)
{
	static const char *const words[] = {
		"keukentafel", "één", "مرحبا", "👍🏽", "a&b", "50%", "x"
	};
	char body[2000], out[OUT_SIZE];
	size_t len = 0;
	int i, sh;

	(void)state;
	/* every length, so the cut meets every kind of word and escape */
	for (i = 0; len < 1200; i++) {
		const char *w = words[(i * 7 + i / 3) % 7];

		len += (size_t)snprintf(body + len, sizeof(body) - len, "%s%s",
					i ? (i % 9 == 0 ? "\n" : " ") : "", w);
		mail("buurtteam@welzijn-ussen.example", "Vraag", body, out,
		     &sh);
		if (sh)
			check_cut(out, body);
		else
			assert_string_equal(field(out, "body",
						  (char[OUT_SIZE]){ 0 },
						  OUT_SIZE),
					    body);
	}
	assert_int_equal(sh, 1);
	/* the cut uses the room: less than a word and the ellipsis free */
	assert_true(strlen(out) > REACH_PAYLOAD_MAX - 60);
}

/* One word longer than the room: cut at a character, still whole. */
static void test_one_long_word(void **state)
{
	char body[1200] = "", out[OUT_SIZE], got[OUT_SIZE];
	size_t n;
	int i, sh;

	(void)state;
	for (i = 0; i < 100; i++)
		strcat(body, i % 2 ? "é" : "🌱");
	mail("a@b.nl", NULL, body, out, &sh);
	assert_int_equal(sh, 1);
	field(out, "body", got, sizeof(got));
	assert_true(utf8_valid(got, strlen(got), &n));
	n = strlen(got) - 3;
	assert_memory_equal(got, body, n);
	assert_true(strlen(out) > REACH_PAYLOAD_MAX - 12 - 9);
}

/* A body that just fits is not shortened; one byte more is. */
static void test_exact_fit(void **state)
{
	char body[REACH_PAYLOAD_MAX + 2], out[OUT_SIZE];
	size_t room = REACH_PAYLOAD_MAX - strlen("mailto:a@b.nl?body=");
	int sh;

	(void)state;
	memset(body, 'x', room);
	body[room] = '\0';
	mail("a@b.nl", NULL, body, out, &sh);
	assert_int_equal(sh, 0);
	assert_int_equal(strlen(out), REACH_PAYLOAD_MAX);
	body[room - 20] = ' ';
	body[room] = 'y';
	body[room + 1] = '\0';
	mail("a@b.nl", NULL, body, out, &sh);
	assert_int_equal(sh, 1);
	check_cut(out, body);
}

/* A long subject leaves the body its room; a small buffer is kept to. */
static void test_long_subject_and_small_buffer(void **state)
{
	char subject[700] = "", out[OUT_SIZE], got[OUT_SIZE];
	struct reach r = { REACH_EMAIL, "a@b.nl", NULL, "Kort bericht." };
	int i, sh;

	(void)state;
	for (i = 0; i < 60; i++)
		strcat(subject, "onderwerp ");
	mail("a@b.nl", subject, "Kort bericht.", out, &sh);
	assert_int_equal(sh, 1);
	assert_string_equal(field(out, "body", got, sizeof(got)),
			    "Kort bericht.");
	r.subject = subject;
	assert_int_equal(reach_payload(&r, out, 80, &sh, NULL), 0);
	assert_true(strlen(out) < 80);
	assert_int_equal(sh, 1);
	assert_non_null(field(out, "body", got, sizeof(got)));
}

static void test_phone_and_whatsapp(void **state)
{
	struct reach tel = { REACH_PHONE, "020 - 123 45 67", NULL, "niet" };
	struct reach wa = { REACH_WHATSAPP, "+31 (0)6 1234 5678", NULL,
			    "Hoi daar & tot ziens" };
	char out[OUT_SIZE], got[OUT_SIZE];

	(void)state;
	assert_int_equal(reach_payload(&tel, out, sizeof(out), NULL, NULL), 0);
	assert_string_equal(out, "tel:+31201234567");
	assert_int_equal(reach_payload(&wa, out, sizeof(out), NULL, NULL), 0);
	assert_string_equal(out,
			    "https://wa.me/"
			    "31612345678?text=Hoi%20daar%20%26%20tot%20ziens");
	assert_string_equal(field(out, "text", got, sizeof(got)),
			    "Hoi daar & tot ziens");
	wa.body = NULL;
	assert_int_equal(reach_payload(&wa, out, sizeof(out), NULL, NULL), 0);
	assert_string_equal(out, "https://wa.me/31612345678");
}

static void test_web(void **state)
{
	static const char url[] = "https://www.Buurt.example/Doe-Mee?a=1&B=%20";
	struct reach r = { REACH_WEB, url, "x", "y" };
	char out[OUT_SIZE];
	struct err e = { "" };
	int sh = 1;

	(void)state;
	assert_int_equal(reach_payload(&r, out, sizeof(out), &sh, &e), 0);
	assert_string_equal(out, url);
	assert_int_equal(sh, 0);
	r.to = "ftp://buurt.example/";
	assert_int_equal(reach_payload(&r, out, sizeof(out), &sh, &e), -1);
	assert_non_null(strstr(e.msg, "geen webadres"));
	assert_string_equal(out, "");
	r.to = "javascript:alert(1)";
	assert_int_equal(reach_payload(&r, out, sizeof(out), &sh, &e), -1);
	r.to = "https://buurt.example/met spatie";
	assert_int_equal(reach_payload(&r, out, sizeof(out), &sh, &e), -1);
}

static void test_unusable_to(void **state)
{
	struct reach r = { REACH_EMAIL, "buurtteam.example", NULL, "x" };
	char out[OUT_SIZE], longaddr[REACH_PAYLOAD_MAX + 64];
	struct err e = { "" };

	(void)state;
	assert_int_equal(reach_payload(&r, out, sizeof(out), NULL, &e), -1);
	assert_non_null(strstr(e.msg, "geen geldig e-mailadres"));
	r.to = NULL;
	assert_int_equal(reach_payload(&r, out, sizeof(out), NULL, &e), -1);
	r.kind = REACH_PHONE;
	r.to = "06-1234567a";
	assert_int_equal(reach_payload(&r, out, sizeof(out), NULL, &e), -1);
	assert_non_null(strstr(e.msg, "telefoonnummer"));
	r.kind = REACH_WHATSAPP;
	assert_int_equal(reach_payload(&r, out, sizeof(out), NULL, &e), -1);
	/* an address longer than a QR code holds */
	strcpy(longaddr, "https://buurt.example/");
	while (strlen(longaddr) < REACH_PAYLOAD_MAX)
		strcat(longaddr, "pagina/");
	r.kind = REACH_WEB;
	r.to = longaddr;
	assert_int_equal(reach_payload(&r, out, sizeof(out), NULL, &e), -1);
	assert_non_null(strstr(e.msg, "te lang"));
	r.kind = REACH_EMAIL;
	r.to = "buurtteam@welzijn-ussen.example";
	assert_int_equal(reach_payload(&r, out, 30, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "te lang"));
}

/* The address itself: signs that mean something in a mailto: URL are
 * escaped, the rest stays readable. */
static void test_address_escaped(void **state)
{
	char out[OUT_SIZE];

	(void)state;
	mail("jan+kiosk@buurt.example", NULL, NULL, out, NULL);
	assert_string_equal(out, "mailto:jan+kiosk@buurt.example");
	mail("a%b&c?d#e@buurt.example", NULL, NULL, out, NULL);
	assert_string_equal(out, "mailto:a%25b%26c%3Fd%23e@buurt.example");
}

static void test_phone_normalize(void **state)
{
	static const char *const good[][2] = {
		{ "06-12345678", "+31612345678" },
		{ "06 1234 5678", "+31612345678" },
		{ " 0612345678", "+31612345678" },
		{ "+31 6 1234 5678", "+31612345678" },
		{ "+31 (0)6 1234 5678", "+31612345678" },
		{ "+31 06 12345678", "+31612345678" },
		{ "0031 6 12345678", "+31612345678" },
		{ "0031-20-1234567", "+31201234567" },
		{ "020-1234567", "+31201234567" },
		{ "(020) 123 45 67", "+31201234567" },
		{ "0412.123.456", "+31412123456" },
		{ "0800-1234", "+318001234" },
		{ "0900 1234567", "+319001234567" },
		{ "+44 20 7946 0000", "+442079460000" },
		{ "0044 20 7946 0000", "+442079460000" },
		{ "+90 532 123 45 67", "+905321234567" },
		{ "+380 44 123 4567", "+380441234567" },
		{ "+31\xC2\xA0"
		  "6\xC2\xA0"
		  "12345678",
		  "+31612345678" },
	};
	static const char *const bad[] = {
		"",
		"06",
		"06-1234567",
		"06-123456789",
		"06-1234567a",
		"zes twaalf",
		"612345678",
		"+31 6 1234 567",
		"+0 123456789",
		"++31612345678",
		"+31 6 1234 5678 ext 2",
		"+1234567",
		"+1234567890123456",
		"06+12345678",
		"0031",
		"+31",
		"+31 0 ",
		"06 12345678 #",
	};
	char out[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (phone_normalize(good[i][0], out, sizeof(out)) != 0)
			fail_msg("'%s' should be a phone number", good[i][0]);
		assert_string_equal(out, good[i][1]);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (phone_normalize(bad[i], out, sizeof(out)) != -1)
			fail_msg("'%s' should not be a phone number (%s)",
				 bad[i], out);
	/* out too small */
	assert_int_equal(phone_normalize("0612345678", out, 12), -1);
	assert_int_equal(phone_normalize("0612345678", out, 13), 0);
}

static void test_email_valid(void **state)
{
	static const char *const good[] = {
		"vraag@welzijn-ussen.example",
		"jan.de.vries@buurt.nl",
		"a+b@c.org",
		"x_y-z@sub.domain.example.com",
		"o'brien@b.ie",
		"ü@bücher.de",
	};
	static const char *const bad[] = {
		"",	    "@",       "geen-apenstaartje.nl",
		"a@b",	    "a@@b.nl", "a@b@c.nl",
		"a b@c.nl", "a@b .nl", "a@b.nl ",
		".a@b.nl",  "a.@b.nl", "a..b@c.nl",
		"a@.b.nl",  "a@b..nl", "a@-b.nl",
		"a@b-.nl",  "a@b.n",   "a@b.123",
		"a@b_c.nl", "@b.nl",   "a@b.nl.",
		"a,b@c.nl",
	};
	char longlocal[100];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!email_valid(good[i]))
			fail_msg("'%s' should be valid", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (email_valid(bad[i]))
			fail_msg("'%s' should not be valid", bad[i]);
	memset(longlocal, 'a', 65);
	strcpy(longlocal + 65, "@b.nl");
	assert_false(email_valid(longlocal));
	strcpy(longlocal + 64, "@b.nl");
	assert_true(email_valid(longlocal));
}

static void test_url_host(void **state)
{
	char host[64];

	(void)state;
	assert_int_equal(reach_url_host("https://www.buurt.example/a?b#c", host,
					sizeof(host)),
			 0);
	assert_string_equal(host, "www.buurt.example");
	assert_int_equal(reach_url_host("HTTP://jan@buurt.example:8080", host,
					sizeof(host)),
			 0);
	assert_string_equal(host, "buurt.example");
	assert_int_equal(reach_url_host("mailto:a@b.nl", host, sizeof(host)),
			 -1);
	assert_int_equal(reach_url_host("https://", host, sizeof(host)), -1);
	assert_int_equal(reach_url_host("https://buurt.example", host, 5), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mailto_exact),
		cmocka_unit_test(test_url_signs_in_body),
		cmocka_unit_test(test_accents_emoji_rtl_round_trip),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_long_body_cut_at_a_word),
		cmocka_unit_test(test_one_long_word),
		cmocka_unit_test(test_exact_fit),
		cmocka_unit_test(test_long_subject_and_small_buffer),
		cmocka_unit_test(test_phone_and_whatsapp),
		cmocka_unit_test(test_web),
		cmocka_unit_test(test_unusable_to),
		cmocka_unit_test(test_address_escaped),
		cmocka_unit_test(test_phone_normalize),
		cmocka_unit_test(test_email_valid),
		cmocka_unit_test(test_url_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
