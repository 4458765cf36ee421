/*
 * test_ui: the touch rules of the widgets and the line breaker, on their
 * own, with the real theme and a 24-inch screen. A button clicks when the
 * finger lifts inside it, not when it slides off or drags; a sideways swipe
 * turns pages; holding still on a staff-only spot is a long press and no
 * click, while a slow finger on an ordinary button still clicks. Long text
 * wraps to the width it gets, where the Unicode rules allow. In a
 * right-to-left language the layout is mirrored, swipes turn the other
 * way, and mixed Arabic and Latin lines are painted in display order.
 */
#include "fake.h"

#include "core/ui/theme.h"

struct fixture {
	struct theme theme;
	struct ui ui;
	uint64_t now;
};

/* What one frame answered. */
struct answer {
	int clicked, long_pressed, swipe;
};

/* The one button of these tests: large, so a finger can move inside it. */
static const struct rect BUTTON = { 400, 300, 800, 300 };

static int mm(double v)
{
	return (int)lround(v * fake_px_per_mm());
}

static int centre_x(void)
{
	return BUTTON.x + BUTTON.w / 2;
}

static int centre_y(void)
{
	return BUTTON.y + BUTTON.h / 2;
}

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

/* One frame of a screen with the button; `long_press` says whether the
 * button asks for long presses. */
static struct answer frame(struct fixture *f, int long_press)
{
	struct answer a = { 0, 0, 0 };

	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	a.clicked = ui_button(&f->ui, "ok", BUTTON, "Volgende", STYLE_PRIMARY);
	if (long_press)
		a.long_pressed = ui_long_press(&f->ui, "ok");
	a.swipe = ui_swipe(&f->ui);
	ui_end(&f->ui);
	return a;
}

/* A pointer event followed by its frame, as the app runs them. */
static struct answer event(struct fixture *f, enum ptr_kind kind, int x, int y,
			   int long_press)
{
	ui_pointer(&f->ui, kind, x, y, f->now);
	return frame(f, long_press);
}

/* A finger moving from (x0, y0) to (x1, y1) in eight steps and lifting;
 * returns the answer of the release frame and checks no earlier frame
 * reported a click or a swipe. */
static struct answer stroke(struct fixture *f, int x0, int y0, int x1, int y1)
{
	struct answer a = event(f, UI_PTR_DOWN, x0, y0, 0);
	int i;

	for (i = 1; i < 8; i++) {
		assert_int_equal(a.clicked, 0);
		assert_int_equal(a.swipe, 0);
		f->now += 30;
		a = event(f, UI_PTR_MOVE, x0 + (x1 - x0) * i / 8,
			  y0 + (y1 - y0) * i / 8, 0);
	}
	assert_int_equal(a.clicked, 0);
	assert_int_equal(a.swipe, 0);
	f->now += 30;
	return event(f, UI_PTR_UP, x1, y1, 0);
}

static void test_click_fires_on_release_inside(void **state)
{
	struct fixture *f = *state;
	struct answer a;

	a = event(f, UI_PTR_DOWN, centre_x(), centre_y(), 0);
	assert_int_equal(a.clicked, 0); /* not yet: the finger is still down */
	f->now += FAKE_TAP_MS;
	a = event(f, UI_PTR_UP, centre_x() + 3, centre_y(), 0);
	assert_int_equal(a.clicked, 1);
	/* once only */
	f->now += 16;
	assert_int_equal(frame(f, 0).clicked, 0);
}

static void test_release_outside_does_not_click(void **state)
{
	struct fixture *f = *state;
	int edge = BUTTON.x + BUTTON.w;
	struct answer a;

	/* a few pixels across the right edge: far less than a drag, so only
	 * "outside" can stop the click */
	event(f, UI_PTR_DOWN, edge - 2, centre_y(), 0);
	f->now += FAKE_TAP_MS;
	a = event(f, UI_PTR_UP, edge + 2, centre_y(), 0);
	assert_int_equal(a.clicked, 0);

	/* nor does a finger that lands just outside and lifts inside */
	f->now += 500;
	event(f, UI_PTR_DOWN, edge + 2, centre_y(), 0);
	f->now += FAKE_TAP_MS;
	a = event(f, UI_PTR_UP, edge - 2, centre_y(), 0);
	assert_int_equal(a.clicked, 0);
}

static void test_drag_cancels_click(void **state)
{
	struct fixture *f = *state;
	int x = centre_x(), y = centre_y();
	struct answer a;

	/* out past the drag distance and back: still no click */
	event(f, UI_PTR_DOWN, x, y, 0);
	f->now += 50;
	event(f, UI_PTR_MOVE, x + mm(UI_DRAG_MM + 4), y, 0);
	f->now += 50;
	event(f, UI_PTR_MOVE, x, y, 0);
	f->now += 50;
	a = event(f, UI_PTR_UP, x, y, 0);
	assert_int_equal(a.clicked, 0);

	/* a finger that wobbles less than the drag distance still clicks */
	f->now += 500;
	event(f, UI_PTR_DOWN, x, y, 0);
	f->now += 50;
	event(f, UI_PTR_MOVE, x + mm(UI_DRAG_MM / 2), y + mm(1), 0);
	f->now += 50;
	a = event(f, UI_PTR_UP, x + mm(UI_DRAG_MM / 2), y, 0);
	assert_int_equal(a.clicked, 1);
}

static void test_horizontal_swipe_reports_direction_once(void **state)
{
	struct fixture *f = *state;
	int x = 1500, y = 800, dist = mm(UI_SWIPE_MM + 2);
	struct answer a;

	a = stroke(f, x, y, x - dist, y);
	assert_int_equal(a.swipe, -1);
	f->now += 16;
	assert_int_equal(frame(f, 0).swipe, 0); /* the next frame: gone */

	f->now += 500;
	a = stroke(f, x - dist, y, x, y + mm(3));
	assert_int_equal(a.swipe, 1);
	f->now += 16;
	assert_int_equal(frame(f, 0).swipe, 0);

	/* a swipe that starts on the button turns the page, not clicks */
	f->now += 500;
	a = stroke(f, centre_x(), centre_y(), centre_x() - dist, centre_y());
	assert_int_equal(a.swipe, -1);
	assert_int_equal(a.clicked, 0);
}

static void test_short_or_vertical_drag_is_no_swipe(void **state)
{
	struct fixture *f = *state;
	int x = 1500, y = 200;

	/* sideways, but short of UI_SWIPE_MM */
	assert_int_equal(stroke(f, x, y, x - mm(UI_SWIPE_MM - 10), y).swipe, 0);
	/* far, but up and down */
	f->now += 500;
	assert_int_equal(stroke(f, x, y, x + mm(5), y + mm(60)).swipe, 0);
}

static void test_long_press_fires_once_then_no_click(void **state)
{
	struct fixture *f = *state;
	uint64_t t0 = f->now;
	struct answer a;

	a = event(f, UI_PTR_DOWN, centre_x(), centre_y(), 1);
	assert_int_equal(a.long_pressed, 0);
	/* the app must be woken when the press completes, with no event */
	assert_true(ui_next_deadline(&f->ui) == t0 + UI_LONG_PRESS_MS);
	f->now = t0 + UI_LONG_PRESS_MS - 1;
	assert_int_equal(frame(f, 1).long_pressed, 0);
	f->now = t0 + UI_LONG_PRESS_MS;
	assert_int_equal(frame(f, 1).long_pressed, 1);
	f->now += 100;
	assert_int_equal(frame(f, 1).long_pressed, 0);
	f->now += 400;
	a = event(f, UI_PTR_UP, centre_x(), centre_y(), 1);
	assert_int_equal(a.clicked, 0);
	assert_int_equal(a.long_pressed, 0);

	/* a quick tap on the same widget is still an ordinary click */
	f->now += 500;
	event(f, UI_PTR_DOWN, centre_x(), centre_y(), 1);
	f->now += FAKE_TAP_MS;
	a = event(f, UI_PTR_UP, centre_x(), centre_y(), 1);
	assert_int_equal(a.clicked, 1);
	assert_int_equal(a.long_pressed, 0);
}

static void test_slow_press_on_ordinary_button_clicks(void **state)
{
	struct fixture *f = *state;
	struct answer a;
	int i;

	event(f, UI_PTR_DOWN, centre_x(), centre_y(), 0);
	for (i = 0; i < 3; i++) {
		f->now += 1000;
		assert_int_equal(frame(f, 0).clicked, 0);
	}
	a = event(f, UI_PTR_UP, centre_x(), centre_y(), 0);
	assert_int_equal(a.clicked, 1);
}

static int lines_at(struct fixture *f, const char *text, int width)
{
	struct text_run run = { text, strlen(text), 0 };

	return ui_text_lines(&f->ui, &run, 1, FONT_BODY, width, 0);
}

static void test_text_wraps_to_width(void **state)
{
	struct fixture *f = *state;
	const char *text = "Samen aan de keukentafel zoeken we een antwoord op "
			   "uw vraag. U houdt zelf de regie.";
	struct text_run run = { text, strlen(text), 0 };
	int wide = lines_at(f, text, 4000), mid = lines_at(f, text, 700);
	int narrow = lines_at(f, text, 350), i, drawn = 0;

	assert_int_equal(wide, 1);
	assert_true(mid > wide);
	assert_true(narrow > mid);

	/* every line drawn fits the column it was given */
	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	assert_int_equal(ui_text_runs(&f->ui, &run, 1, FONT_BODY, 100, 100, 350,
				      UI_ALIGN_START, f->theme.text, 0, -1, 1),
			 narrow);
	for (i = 0; i < f->ui.dl.ncmds; i++) {
		const struct draw_cmd *c = &f->ui.dl.cmds[i];

		if (c->kind != DRAW_TEXT)
			continue;
		drawn++;
		assert_true(c->r.x >= 100 && c->r.x + c->r.w <= 100 + 350);
	}
	assert_int_equal(drawn, narrow);
	/* the text list holds the text once, whole */
	assert_int_equal(f->ui.dl.ntexts, 1);
	assert_string_equal(f->ui.dl.texts[0].text, text);
	ui_end(&f->ui);
}

static void test_text_honours_newline(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(lines_at(f, "Eerste regel Tweede regel", 4000), 1);
	assert_int_equal(lines_at(f, "Eerste regel\nTweede regel", 4000), 2);
	assert_int_equal(lines_at(f, "Een\nTwee\nDrie", 4000), 3);
}

static void test_button_label_in_hit_list(void **state)
{
	struct fixture *f = *state;
	const struct hit *h;
	const struct draw_cmd *c;

	frame(f, 0);
	h = draw_list_find_hit(&f->ui.dl, "Volgende");
	assert_non_null(h);
	assert_int_equal(h->id, ui_id("ok"));
	assert_int_equal(h->r.x, BUTTON.x);
	assert_int_equal(h->r.y, BUTTON.y);
	assert_int_equal(h->r.w, BUTTON.w);
	assert_int_equal(h->r.h, BUTTON.h);
	/* and the label is painted inside the button */
	c = fake_text_cmd(&f->ui.dl, "Volgende");
	assert_non_null(c);
	assert_true(rect_contains(BUTTON, c->r.x, c->r.y));
	assert_true(rect_contains(BUTTON, c->r.x + c->r.w - 1,
				  c->r.y + c->r.h - 1));
	assert_null(draw_list_find_hit(&f->ui.dl, "Vorige"));
}

/* ---- right to left ---- */

/* One plain text at x 100..100+width, y 100, in a frame of its own; the
 * frame is ended, so the lists are in screen pixels. */
static void text_frame(struct fixture *f, const char *text, int width)
{
	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	ui_text(&f->ui, (struct rect){ 100, 100, width, 0 }, text, FONT_BODY,
		UI_ALIGN_START, f->theme.text);
	ui_end(&f->ui);
}

/* The painted piece that is exactly s; fails when there is none. */
static const struct draw_cmd *piece(struct fixture *f, const char *s)
{
	int i;

	for (i = 0; i < f->ui.dl.ncmds; i++)
		if (f->ui.dl.cmds[i].kind == DRAW_TEXT &&
		    strcmp(f->ui.dl.cmds[i].text, s) == 0)
			return &f->ui.dl.cmds[i];
	for (i = 0; i < f->ui.dl.ncmds; i++)
		if (f->ui.dl.cmds[i].kind == DRAW_TEXT)
			print_error("piece \"%s\" at x %d\n",
				    f->ui.dl.cmds[i].text,
				    f->ui.dl.cmds[i].r.x);
	fail_msg("no painted piece \"%s\"", s);
	return NULL;
}

/* In Arabic the whole layout turns around: a button laid out at the start
 * (the left) is on the right of the screen, a tap there clicks it, and a
 * swipe to the right is the one that means "next" (-1, as a swipe to the
 * left in Dutch). */
static void test_rtl_mirrors_buttons_taps_and_swipes(void **state)
{
	struct fixture *f = *state;
	const struct hit *h;
	struct answer a;
	int x;

	f->ui.rtl = 1;
	frame(f, 0);
	h = draw_list_find_hit(&f->ui.dl, "Volgende");
	assert_non_null(h);
	assert_int_equal(h->r.x, FAKE_W - BUTTON.x - BUTTON.w);
	assert_int_equal(h->r.w, BUTTON.w);
	/* the label sits inside the mirrored button */
	assert_true(rect_contains(
		h->r, fake_text_cmd(&f->ui.dl, "Volgende")->r.x, centre_y()));
	/* a tap where the button is seen clicks it; where it would be in
	 * Dutch, and is not now, does not */
	x = h->r.x + 10;
	event(f, UI_PTR_DOWN, x, centre_y(), 0);
	f->now += FAKE_TAP_MS;
	assert_int_equal(event(f, UI_PTR_UP, x, centre_y(), 0).clicked, 1);
	f->now += 500;
	x = BUTTON.x + 10;
	assert_true(x < h->r.x);
	event(f, UI_PTR_DOWN, x, centre_y(), 0);
	f->now += FAKE_TAP_MS;
	assert_int_equal(event(f, UI_PTR_UP, x, centre_y(), 0).clicked, 0);
	/* swipes */
	f->now += 500;
	a = stroke(f, 200, 900, 200 + mm(60), 900);
	assert_int_equal(a.swipe, -1);
	f->now += 500;
	a = stroke(f, 200 + mm(60), 900, 200, 900);
	assert_int_equal(a.swipe, 1);
}

/* A line with an Arabic word and an e-mail address reads right to left:
 * the Arabic at the start (right), the address after it to the left, the
 * address itself left to right. Lines sit at the right of their box. */
static void test_rtl_mixed_line_in_display_order(void **state)
{
	struct fixture *f = *state;
	const struct draw_cmd *ar, *mail;

	f->ui.rtl = 1;
	text_frame(f, "بريد vraag@ussen.example", 1000);
	ar = piece(f, "بريد ");
	mail = piece(f, "vraag@ussen.example");
	assert_true(mail->r.x + mail->r.w <= ar->r.x);
	assert_int_equal(ar->rtl, 1);
	assert_int_equal(mail->rtl, 0);
	/* the box 100..1100 mirrored is 820..1820: the line ends at its
	 * right edge */
	assert_int_equal(ar->r.x + ar->r.w, FAKE_W - 100);
	assert_int_equal(f->ui.dl.ntexts, 1);
	assert_string_equal(f->ui.dl.texts[0].text, "بريد vraag@ussen.example");
	assert_int_equal(f->ui.dl.texts[0].r.x, FAKE_W - 100 - 1000);

	/* numbers stay left to right inside Arabic: "step 12 of 30" shows
	 * 30, "of", 12, "step" from left to right */
	text_frame(f, "الخطوة 12 من 30", 1000);
	assert_true(piece(f, "30")->r.x < piece(f, " من ")->r.x);
	assert_true(piece(f, " من ")->r.x < piece(f, "12")->r.x);
	assert_true(piece(f, "12")->r.x < piece(f, "الخطوة ")->r.x);
	assert_int_equal(piece(f, "12")->rtl, 0);
}

/* In a Dutch layout an Arabic name keeps its place in the sentence and
 * is shaped right to left; the line stays at the left. */
static void test_ltr_line_with_arabic_word(void **state)
{
	struct fixture *f = *state;

	text_frame(f, "Kies العربية of Nederlands", 1000);
	assert_int_equal(piece(f, "Kies ")->r.x, 100);
	assert_true(piece(f, "Kies ")->r.x < piece(f, "العربية")->r.x);
	assert_true(piece(f, "العربية")->r.x < piece(f, " of Nederlands")->r.x);
	assert_int_equal(piece(f, "العربية")->rtl, 1);
	assert_int_equal(piece(f, "Kies ")->rtl, 0);
}

/* Arrows on buttons point the other way in RTL; other pictograms and
 * pictures are never mirrored. */
static void test_rtl_flips_arrows_only(void **state)
{
	struct fixture *f = *state;
	struct rect r = { 100, 100, 500, 150 };
	int i, flipped = 0, kept = 0, pass;

	for (pass = 0; pass < 2; pass++) {
		f->ui.rtl = pass;
		ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
		ui_button_arrow(&f->ui, "back", r, "Terug",
				"assets/icons/back.png", STYLE_HEADER);
		r.y += 200;
		ui_button_icon(&f->ui, "home", r, "Begin",
			       "assets/icons/home.png", STYLE_HEADER);
		r.y -= 200;
		ui_end(&f->ui);
		for (i = 0; i < f->ui.dl.ncmds; i++) {
			const struct draw_cmd *c = &f->ui.dl.cmds[i];

			if (c->kind != DRAW_IMAGE)
				continue;
			if (strstr(c->text, "back.png"))
				flipped += c->flip;
			else
				kept += !c->flip;
		}
	}
	assert_int_equal(flipped, 1); /* only in RTL */
	assert_int_equal(kept, 2);
}

/* Lines may end after a hyphen, not only at spaces; and a word in bold
 * followed by a question mark in plain text never loses the mark to the
 * next line. */
static void test_breaks_by_unicode_rules(void **state)
{
	struct fixture *f = *state;
	const char *word = "buurt-bewoners-overleg";
	struct text_run runs[2] = { { "Wat wil je", 10, 1 }, { "?", 1, 0 } };
	int w = fake_text_width(NULL, "buurt-bewoners-", 15,
				ui_font_px(&f->ui, FONT_BODY), 0) +
		2;
	int i, lines;

	/* too narrow for the whole word: it breaks after a hyphen */
	assert_int_equal(lines_at(f, word, w), 2);
	text_frame(f, word, w);
	assert_string_equal(f->ui.dl.texts[0].text, word);
	piece(f, "buurt-bewoners-");
	piece(f, "overleg");

	/* room for "Wat wil je" but not for the "?": "je?" moves down as one */
	w = fake_text_width(NULL, "Wat wil je", 10,
			    ui_font_px(&f->ui, FONT_BODY), 1) +
	    2;
	lines = ui_text_lines(&f->ui, runs, 2, FONT_BODY, w, 0);
	assert_int_equal(lines, 2);
	ui_begin(&f->ui, FAKE_W, FAKE_H, f->now, f->theme.background);
	ui_text_runs(&f->ui, runs, 2, FONT_BODY, 100, 100, w, UI_ALIGN_START,
		     f->theme.text, 0, -1, UI_RECORD);
	ui_end(&f->ui);
	for (i = 0; i < f->ui.dl.ncmds; i++)
		if (f->ui.dl.cmds[i].kind == DRAW_TEXT &&
		    strcmp(f->ui.dl.cmds[i].text, "?") == 0)
			assert_int_equal(f->ui.dl.cmds[i].r.y,
					 piece(f, "je")->r.y);
	assert_string_equal(f->ui.dl.texts[0].text, "Wat wil je?");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_click_fires_on_release_inside),
		T(test_release_outside_does_not_click),
		T(test_drag_cancels_click),
		T(test_horizontal_swipe_reports_direction_once),
		T(test_short_or_vertical_drag_is_no_swipe),
		T(test_long_press_fires_once_then_no_click),
		T(test_slow_press_on_ordinary_button_clicks),
		T(test_text_wraps_to_width),
		T(test_text_honours_newline),
		T(test_button_label_in_hit_list),
		T(test_rtl_mirrors_buttons_taps_and_swipes),
		T(test_rtl_mixed_line_in_display_order),
		T(test_ltr_line_with_arabic_word),
		T(test_rtl_flips_arrows_only),
		T(test_breaks_by_unicode_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
