/*
 * test_keyboard: the on-screen keyboard, the number pad and the text field
 * on their own, with the real theme on a 24-inch screen, driven the way a
 * screen drives them: each frame draws the field and the keys, a tapped
 * key comes back as an event, and the test (in the app's place) applies it
 * to the text and the mode. Keys are tapped by their label in the hit list,
 * as the script runner does.
 */
#include "fake.h"

#include "base/util.h"
#include "core/ui/keyboard.h"
#include "core/ui/theme.h"

#define MAX_CHARS 200

static const struct ui_keyboard_labels LABELS = {
	"spatie", "wissen", "hoofdletter", "é ü ç", "abc",
};

static const struct ui_text_field_labels FIELD = {
	"Uw antwoord",
	"Typ geen namen van andere mensen.",
	"{1} / {2}",
};

struct fixture {
	struct theme theme;
	struct ui ui;
	uint64_t now;
	/* what the app would keep in the visit */
	struct ui_keyboard_state st;
	char text[512];
	int numpad; /* the screen shows the number pad instead */
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct err e = { "" };

	if (!f)
		return -1;
	if (theme_load(&f->theme, "assets/theme.ini", &e) < 0) {
		print_error("theme: %s\n", e.msg);
		free(f);
		return -1;
	}
	ui_init(&f->ui, &f->theme, fake_metrics(), fake_px_per_mm());
	f->now = FAKE_START_MS;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

/* Where the screen puts the keys: at the size the widget asks for, at the
 * bottom of the screen, centred. */
static struct rect keys_rect(const struct fixture *f)
{
	int w, h, m = (int)lround(10 * fake_px_per_mm());

	if (f->numpad)
		ui_numpad_size(&f->ui, &w, &h);
	else
		ui_keyboard_size(&f->ui, &w, &h);
	return (struct rect){ (FAKE_W - w) / 2, FAKE_H - m - h, w, h };
}

static struct rect field_rect(struct fixture *f)
{
	struct rect k = keys_rect(f);
	int m = (int)lround(10 * fake_px_per_mm()), w = FAKE_W - 2 * m;
	int h = ui_text_field_height(&f->ui, 3, FIELD.hint, w);

	return (struct rect){ m, k.y - m - h, w, h };
}

/* One frame of the screen; returns what the keys reported. */
static struct ui_key_event frame(struct fixture *f)
{
	struct ui_key_event ev;

	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	ui_text_field(&f->ui, "field", field_rect(f), f->text, MAX_CHARS, 1,
		      &FIELD);
	if (f->numpad)
		ui_numpad(&f->ui, "pad", keys_rect(f), &LABELS, &ev);
	else
		ui_keyboard(&f->ui, "kbd", keys_rect(f), &f->st, &LABELS, &ev);
	ui_end(&f->ui);
	return ev;
}

static struct ui_key_event event(struct fixture *f, enum ptr_kind kind, int x,
				 int y)
{
	ui_pointer(&f->ui, kind, x, y, f->now);
	return frame(f);
}

/* Taps the key labelled `label` on the frame now showing and returns what
 * the release frame reported; fails when there is no such key. */
static struct ui_key_event tap(struct fixture *f, const char *label)
{
	const struct hit *h;
	struct ui_key_event ev;
	int x, y;

	frame(f);
	h = draw_list_find_hit(&f->ui.dl, label);
	if (!h)
		fail_msg("no key \"%s\" on screen", label);
	x = h->r.x + h->r.w / 2;
	y = h->r.y + h->r.h / 2;
	ev = event(f, UI_PTR_DOWN, x, y);
	assert_int_equal(ev.kind, UI_KEY_NONE); /* not before the release */
	f->now += FAKE_TAP_MS;
	ev = event(f, UI_PTR_UP, x, y);
	f->now += 400;
	return ev;
}

/* Taps a key and applies it, as the app does on the screen's request. */
static void type(struct fixture *f, const char *label)
{
	struct ui_key_event ev = tap(f, label);

	assert_int_not_equal(ev.kind, UI_KEY_NONE);
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), MAX_CHARS, &ev);
}

static int on_screen(struct fixture *f, const char *label)
{
	frame(f);
	return draw_list_find_hit(&f->ui.dl, label) != NULL;
}

static void test_tap_types_the_letter(void **state)
{
	struct fixture *f = *state;
	struct ui_key_event ev = tap(f, "q");

	assert_int_equal(ev.kind, UI_KEY_TEXT);
	assert_string_equal(ev.text, "q");
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), MAX_CHARS, &ev);
	type(f, "1");
	type(f, "spatie");
	type(f, "@");
	assert_string_equal(f->text, "q1 @");
	/* a frame with no tap reports nothing */
	assert_int_equal(frame(f).kind, UI_KEY_NONE);
}

static void test_shift_gives_one_capital(void **state)
{
	struct fixture *f = *state;
	struct ui_key_event ev = tap(f, "hoofdletter");

	assert_int_equal(ev.kind, UI_KEY_SHIFT);
	/* the widget itself changes nothing: the keys stay small until the
	 * caller's mode changes */
	assert_true(on_screen(f, "q"));
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), MAX_CHARS, &ev);
	assert_true(on_screen(f, "Q"));
	assert_false(on_screen(f, "q"));
	ev = tap(f, "Q");
	assert_int_equal(ev.kind, UI_KEY_TEXT);
	assert_string_equal(ev.text, "Q");
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), MAX_CHARS, &ev);
	/* one capital, then small letters again: "Jan", not "JAN" */
	type(f, "q");
	assert_string_equal(f->text, "Qq");
	/* shift twice is no shift */
	type(f, "hoofdletter");
	type(f, "hoofdletter");
	type(f, "w");
	assert_string_equal(f->text, "Qqw");
}

static void test_accent_layer(void **state)
{
	struct fixture *f = *state;
	static const char *const accents[] = { "é", "ë", "ï", "ö", "ü",
					       "è", "à", "ç", "ñ" };
	struct ui_key_event ev;
	size_t i;

	type(f, "c");
	type(f, "a");
	type(f, "f");
	assert_false(on_screen(f, "é"));
	ev = tap(f, "é ü ç");
	assert_int_equal(ev.kind, UI_KEY_ACCENTS);
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), MAX_CHARS, &ev);
	/* the accents the Dutch write, all at once */
	for (i = 0; i < ARRAY_LEN(accents); i++)
		assert_true(on_screen(f, accents[i]));
	/* digits, space and erase stay where they were */
	assert_true(on_screen(f, "5"));
	assert_true(on_screen(f, "wissen"));
	assert_true(on_screen(f, "abc"));
	ev = tap(f, "é");
	assert_int_equal(ev.kind, UI_KEY_TEXT);
	assert_string_equal(ev.text, "é");
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), MAX_CHARS, &ev);
	assert_string_equal(f->text, "café");
	/* back on the letters after one accented letter */
	assert_true(on_screen(f, "q"));
	assert_false(on_screen(f, "é"));

	/* a capital with an accent: shift, the layer, the letter */
	type(f, "hoofdletter");
	type(f, "é ü ç");
	type(f, "É");
	assert_string_equal(f->text, "caféÉ");
	/* and "abc" takes the visitor back without typing */
	type(f, "é ü ç");
	type(f, "abc");
	assert_true(on_screen(f, "q"));
	assert_string_equal(f->text, "caféÉ");
}

static void test_erase(void **state)
{
	struct fixture *f = *state;
	struct ui_key_event ev = tap(f, "wissen");

	assert_int_equal(ev.kind, UI_KEY_ERASE);
	/* on an empty field it changes nothing */
	assert_int_equal(ui_keyboard_apply(&f->st, f->text, sizeof(f->text),
					   MAX_CHARS, &ev),
			 0);
	strcpy(f->text, "naïef");
	type(f, "wissen");
	type(f, "wissen");
	assert_string_equal(f->text, "naï");
	/* a whole letter of two bytes goes at once */
	type(f, "wissen");
	assert_string_equal(f->text, "na");
}

static void test_release_on_another_key_types_nothing(void **state)
{
	struct fixture *f = *state;
	const struct hit *q, *w;
	struct ui_key_event ev;

	frame(f);
	q = draw_list_find_hit(&f->ui.dl, "q");
	w = draw_list_find_hit(&f->ui.dl, "w");
	assert_non_null(q);
	assert_non_null(w);
	/* a finger that slides from q onto w types neither */
	event(f, UI_PTR_DOWN, q->r.x + q->r.w / 2, q->r.y + q->r.h / 2);
	f->now += 50;
	event(f, UI_PTR_MOVE, q->r.x + q->r.w, q->r.y + q->r.h / 2);
	f->now += 50;
	ev = event(f, UI_PTR_UP, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
	assert_int_equal(ev.kind, UI_KEY_NONE);
}

/* Every key of the frame now showing (the field's tappable box aside) is
 * at least the theme's target on each side, at least the theme's gap away
 * from every other key, on the screen, with its label painted inside it
 * (and with words_fit, every word on a key fits it).
 * Returns the number of keys. */
static int check_keys(struct fixture *f, int words_fit)
{
	const struct draw_list *dl = &f->ui.dl;
	double ppm = fake_px_per_mm();
	int min = (int)floor(f->theme.target_mm * ppm);
	int gap = (int)floor(f->theme.gap_mm * ppm), i, j, n = 0;

	for (i = 0; i < dl->nhits; i++) {
		struct rect a = dl->hits[i].r;
		const struct draw_cmd *c = NULL;

		if (strcmp(dl->hits[i].label, FIELD.name) == 0)
			continue;
		n++;
		if (a.w < min || a.h < min)
			fail_msg("key \"%s\" is %.1f by %.1f mm",
				 dl->hits[i].label, a.w / ppm, a.h / ppm);
		assert_true(a.x >= 0 && a.y >= 0 && a.x + a.w <= FAKE_W &&
			    a.y + a.h <= FAKE_H);
		for (j = 0; j < dl->nhits; j++) {
			struct rect b = dl->hits[j].r;
			int apart_x, apart_y;

			if (j == i ||
			    strcmp(dl->hits[j].label, FIELD.name) == 0)
				continue;
			apart_x = b.x >= a.x + a.w + gap ||
				  a.x >= b.x + b.w + gap;
			apart_y = b.y >= a.y + a.h + gap ||
				  a.y >= b.y + b.h + gap;
			if (!apart_x && !apart_y)
				fail_msg("keys \"%s\" and \"%s\" are closer "
					 "than %.0f mm",
					 dl->hits[i].label, dl->hits[j].label,
					 f->theme.gap_mm);
		}
		/* a painted label inside the key */
		for (j = 0; j < dl->ncmds && !c; j++) {
			const struct draw_cmd *t = &dl->cmds[j];

			if (t->kind == DRAW_TEXT && t->r.x >= a.x &&
			    t->r.x + t->r.w <= a.x + a.w &&
			    rect_contains(a, t->r.x, t->r.y + t->r.h / 2))
				c = t;
		}
		if (!c)
			fail_msg("key \"%s\" shows no label inside it",
				 dl->hits[i].label);
		/* and its letters, tails and accents included, fit its
		 * height (a line of the font is about 1.2 times its size) */
		if (c->font_px * 6 / 5 > a.h)
			fail_msg("the label of key \"%s\" is too tall for it",
				 dl->hits[i].label);
	}
	if (words_fit && dl->clipped)
		fail_msg("\"%s\" does not fit its key", dl->clipped_text);
	return n;
}

static void test_keys_large_enough_and_apart(void **state)
{
	struct fixture *f = *state;
	const struct draw_cmd *small, *large;
	struct rect q_normal;
	int small_px;

	/* 10 digits, 10 + 9 + 7 letters, shift, erase, the accent key,
	 * space and six signs */
	frame(f);
	assert_int_equal(check_keys(f, 1), 46);
	f->st.accents = 1;
	frame(f);
	assert_int_equal(check_keys(f, 1), 46);
	f->st.shift = 1;
	frame(f);
	assert_int_equal(check_keys(f, 1), 46);
	f->st.shift = f->st.accents = 0;

	/* larger letters: larger labels on keys no smaller */
	frame(f);
	q_normal = draw_list_find_hit(&f->ui.dl, "q")->r;
	small = fake_text_cmd(&f->ui.dl, "q");
	assert_non_null(small);
	small_px = small->font_px;
	f->ui.large = 1;
	frame(f);
	assert_int_equal(check_keys(f, 1), 46);
	large = fake_text_cmd(&f->ui.dl, "q");
	assert_non_null(large);
	assert_true(large->font_px > small_px);
	assert_true(draw_list_find_hit(&f->ui.dl, "q")->r.w >= q_normal.w);
	assert_true(draw_list_find_hit(&f->ui.dl, "q")->r.h >= q_normal.h);

	/* a screen that gives the keyboard too little room still gets keys
	 * of the smallest size */
	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	{
		struct ui_key_event ev;

		ui_keyboard(&f->ui, "kbd", (struct rect){ 100, 500, 400, 200 },
			    &f->st, &LABELS, &ev);
	}
	ui_end(&f->ui);
	assert_int_equal(check_keys(f, 0), 46);
}

static void test_field_shows_text_counter_and_hint(void **state)
{
	struct fixture *f = *state;
	const struct draw_list *dl = &f->ui.dl;
	struct rect box = field_rect(f);
	int i, caret = 0;

	type(f, "hoofdletter");
	type(f, "Q");
	type(f, "spatie");
	type(f, "é ü ç");
	type(f, "ë");
	frame(f);
	/* what was typed, whole, in the text list, and painted */
	assert_true(draw_list_has_text(dl, "Q ë"));
	assert_non_null(fake_text_cmd(dl, "Q ë"));
	assert_true(draw_list_has_text(dl, "3 / 200"));
	assert_true(draw_list_has_text(dl, FIELD.hint));
	/* the field can be tapped by its name */
	assert_non_null(draw_list_find_hit(dl, "Uw antwoord"));
	/* the caret: a thin bar inside the box */
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		if (c->kind == DRAW_RECT && c->r.w < c->r.h / 4 &&
		    rect_contains(box, c->r.x, c->r.y))
			caret++;
	}
	assert_int_equal(caret, 1);
	/* the field sits above the keys, clear of them */
	assert_true(box.y + box.h <= keys_rect(f).y);
}

/* 1 when s holds a letter of the Arabic block (U+0600..U+06FF). */
static int has_arabic(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)s[0] == 0xD8 ||
		    (unsigned char)s[0] == 0xD9 ||
		    (unsigned char)s[0] == 0xDA || (unsigned char)s[0] == 0xDB)
			return 1;
	return 0;
}

/* In Arabic the counter ("الأحرف: 5 من 40") and typed Arabic are shaped
 * right to left: every painted piece with Arabic letters is marked so,
 * and the counter's number stays a piece of its own (it once came out
 * as one left-to-right line, its letters backwards). */
static void test_field_in_arabic(void **state)
{
	struct fixture *f = *state;
	const struct draw_list *dl = &f->ui.dl;
	struct ui_text_field_labels ar = { NULL, NULL, "الأحرف: {1} من {2}" };
	int i, arabic = 0;

	f->ui.rtl = 1;
	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	ui_text_field(&f->ui, "field", field_rect(f), "فاطمة", 40, 1, &ar);
	ui_end(&f->ui);
	assert_true(draw_list_has_text(dl, "الأحرف: 5 من 40"));
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		if (c->kind != DRAW_TEXT || !c->text)
			continue;
		if (has_arabic(c->text)) {
			arabic++;
			assert_true(c->rtl);
			assert_null(strstr(c->text, "40"));
		}
	}
	assert_true(arabic >= 2); /* the name and the counter's words */
}

static void test_field_long_text_shows_its_end(void **state)
{
	struct fixture *f = *state;
	const struct draw_list *dl = &f->ui.dl;
	struct rect box = field_rect(f);
	int i, n = 0;

	/* sixty words, far more than three lines */
	for (i = 0; i < 60; i++) {
		size_t used = strlen(f->text);

		snprintf(f->text + used, sizeof(f->text) - used, "%swoord%02d",
			 i ? " " : "", i);
	}
	frame(f);
	assert_non_null(fake_text_cmd(dl, "woord59"));
	assert_null(fake_text_cmd(dl, "woord00"));
	assert_true(draw_list_has_text(dl, "woord00 woord01"));
	/* one word longer than a line is broken, not painted past the box */
	memset(f->text, 'm', 300);
	f->text[300] = '\0';
	frame(f);
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		if (c->kind != DRAW_TEXT || !rect_contains(box, c->r.x, c->r.y))
			continue;
		n++;
		assert_true(c->r.x + c->r.w <= box.x + box.w);
	}
	assert_true(n >= 3);
	assert_true(draw_list_has_text(dl, "300 / 200"));
}

static void test_apply_keeps_to_the_limits(void **state)
{
	struct fixture *f = *state;
	struct ui_key_event ev = { UI_KEY_TEXT, "ü" };
	char small[4] = "";

	strcpy(f->text, "ab");
	assert_int_equal(
		ui_keyboard_apply(&f->st, f->text, sizeof(f->text), 3, &ev), 1);
	assert_string_equal(f->text, "abü");
	assert_int_equal(ui_text_chars(f->text), 3);
	/* the fourth letter does not fit a field of three */
	assert_int_equal(
		ui_keyboard_apply(&f->st, f->text, sizeof(f->text), 3, &ev), 0);
	assert_string_equal(f->text, "abü");
	/* nor half a letter in a full buffer */
	strcpy(small, "ab");
	assert_int_equal(
		ui_keyboard_apply(&f->st, small, sizeof(small), 0, &ev), 0);
	assert_string_equal(small, "ab");
	/* nothing that is not UTF-8 */
	memcpy(ev.text, "\xc3", 2);
	assert_int_equal(
		ui_keyboard_apply(&f->st, f->text, sizeof(f->text), 0, &ev), 0);
	assert_string_equal(f->text, "abü");
}

static void test_numpad(void **state)
{
	struct fixture *f = *state;
	const struct hit *one, *zero;
	struct ui_key_event ev;
	double ppm = fake_px_per_mm();

	f->numpad = 1;
	frame(f);
	/* 1-9, 0 and erase, larger than the letters */
	assert_int_equal(check_keys(f, 1), 11);
	one = draw_list_find_hit(&f->ui.dl, "1");
	zero = draw_list_find_hit(&f->ui.dl, "0");
	assert_non_null(one);
	assert_non_null(zero);
	assert_true(one->r.h >= (int)(20 * ppm));
	assert_true(draw_list_find_hit(&f->ui.dl, "wissen")->r.w > one->r.w);
	assert_null(draw_list_find_hit(&f->ui.dl, "q"));

	ev = tap(f, "7");
	assert_int_equal(ev.kind, UI_KEY_TEXT);
	assert_string_equal(ev.text, "7");
	ui_keyboard_apply(&f->st, f->text, sizeof(f->text), 3, &ev);
	type(f, "0");
	type(f, "3");
	assert_string_equal(f->text, "703");
	type(f, "wissen");
	assert_string_equal(f->text, "70");
	f->ui.large = 1;
	frame(f);
	assert_int_equal(check_keys(f, 1), 11);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_tap_types_the_letter),
		T(test_shift_gives_one_capital),
		T(test_accent_layer),
		T(test_erase),
		T(test_release_on_another_key_types_nothing),
		T(test_keys_large_enough_and_apart),
		T(test_field_shows_text_counter_and_hint),
		T(test_field_in_arabic),
		T(test_field_long_text_shows_its_end),
		T(test_apply_keeps_to_the_limits),
		T(test_numpad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
