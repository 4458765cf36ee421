/*
 * test_qr: the size of a QR code is known before it is made. Screens lay
 * out a code every frame by its number of modules (whole pixels a module,
 * at least 6, at least 35 mm), so qr_modules must agree with the code
 * libqrencode really makes, for every length the kiosk accepts. And every
 * code on every screen of both demo packs, in every language and text
 * size, keeps those rules and has a line near it saying what it opens.
 */
#include "fake.h"

#include "core/app/walk.h"
#include "core/qr.h"

static void test_modules_match_the_encoder(void **state)
{
	static char text[QR_MAX_LEN + 1];
	struct err e = { "" };
	size_t len;

	(void)state;
	for (len = 0; len < QR_MAX_LEN; len++)
		text[len] = "mailto:%C3a@B.nl?body=\xC3\xA9~"[len % 25];
	for (len = 1; len <= QR_MAX_LEN; len++) {
		struct qr q;

		text[len] = '\0';
		assert_int_equal(qr_encode(&q, text, &e), 0);
		if (q.size != qr_modules(len))
			fail_msg("%zu bytes: libqrencode made %d modules, "
				 "qr_modules says %d",
				 len, q.size, qr_modules(len));
		qr_release(&q);
		text[len] = "mailto:%C3a@B.nl?body=\xC3\xA9~"[len % 25];
	}
	assert_int_equal(qr_modules(0), 0);
	assert_int_equal(qr_modules(QR_MAX_LEN + 1), 0);
}

/* The payload limit of reach.h (450 bytes) is a version 16 code. */
static void test_known_sizes(void **state)
{
	(void)state;
	assert_int_equal(qr_modules(14), 21);
	assert_int_equal(qr_modules(15), 25);
	assert_int_equal(qr_modules(287), 65);
	assert_int_equal(qr_modules(288), 69);
	assert_int_equal(qr_modules(450), 81);
	assert_int_equal(qr_modules(451), 85);
}

static void test_refuses_empty_and_too_long(void **state)
{
	static char text[QR_MAX_LEN + 2];
	struct err e = { "" };
	struct qr q;

	(void)state;
	assert_int_equal(qr_encode(&q, "", &e), -1);
	memset(text, 'a', QR_MAX_LEN + 1);
	assert_int_equal(qr_encode(&q, text, &e), -1);
	assert_non_null(strstr(e.msg, "1001 bytes"));
}

struct qr_walk {
	const char *pack;
	int codes;
};

/* A line saying what the code opens: under it (starting at its left or
 * right edge) or beside it, at its top. */
static int says_near(const struct draw_list *dl, struct rect q)
{
	int i;

	for (i = 0; i < dl->ntexts; i++) {
		const struct text_item *t = &dl->texts[i];
		int under = t->r.y >= q.y + q.h && t->r.y <= q.y + q.h + 20 &&
			    (t->r.x == q.x || t->r.x + t->r.w == q.x + q.w);
		int beside = t->r.y == q.y &&
			     (t->r.x > q.x + q.w || t->r.x + t->r.w < q.x);

		if (under || beside)
			return 1;
	}
	return 0;
}

static void qr_visit(void *ctx, const char *name, const char *file,
		     const struct draw_list *dl)
{
	struct qr_walk *w = ctx;
	double px_mm = fake_px_per_mm();
	int i;

	(void)file;
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];
		int total;

		if (c->kind != DRAW_QR)
			continue;
		w->codes++;
		total = qr_modules(strlen(c->text)) + 2 * QR_QUIET;
		if (c->r.w != c->r.h || c->r.w % total != 0 ||
		    c->r.w / total < QR_MIN_PX || c->r.w < QR_MIN_MM * px_mm)
			fail_msg("%s %s: the code of '%s' is %dx%d pixels for "
				 "%d modules",
				 w->pack, name, c->text, c->r.w, c->r.h, total);
		if (c->r.x < 0 || c->r.y < 0 || c->r.x + c->r.w > FAKE_W ||
		    c->r.y + c->r.h > FAKE_H)
			fail_msg("%s %s: the code of '%s' is off the screen",
				 w->pack, name, c->text);
		if (!says_near(dl, c->r))
			fail_msg("%s %s: no line says what the code of '%s' "
				 "does",
				 w->pack, name, c->text);
	}
}

static void test_every_code_on_screen_keeps_the_rules(void **state)
{
	/* each pack with the codes it shows at least, per language */
	static const struct {
		const char *dir;
		int per_lang;
	} packs[] = { { "content/ussen", 4 }, { "content/deurne", 1 } };
	size_t p;

	(void)state;
	for (p = 0; p < sizeof(packs) / sizeof(packs[0]); p++) {
		struct fake_kiosk *k = fake_kiosk_start(packs[p].dir, 1);
		struct qr_walk w = { packs[p].dir, 0 };
		int l;

		for (l = 0; l < k->a->content->nlangs; l++) {
			app_walk(k->a, l, 0, qr_visit, &w);
			app_walk(k->a, l, 1, qr_visit, &w);
		}
		/* flyers, news and activities with links */
		if (w.codes < packs[p].per_lang * k->a->content->nlangs)
			fail_msg("%s: only %d codes", packs[p].dir, w.codes);
		fake_kiosk_free(k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modules_match_the_encoder),
		cmocka_unit_test(test_known_sizes),
		cmocka_unit_test(test_refuses_empty_and_too_long),
		cmocka_unit_test(test_every_code_on_screen_keeps_the_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
