/*
 * test_flyer: a flyer page as a 75-year-old reads it, on a 24-inch screen
 * with the demo pack of Ussen (an A4 PDF of four pages). The whole page
 * takes all the height there is; "Vergroten" shows it so large that body
 * text is at least 7 mm high and the zoomed page fills its view; one finger
 * moves the zoomed page, within its edges, and never turns it; a swipe
 * turns only the whole page; "Hele pagina" shows the whole page again. A
 * landscape flyer (a picture wider than high) moves sideways as well.
 */
#include "fake.h"

#define START "Tik op het scherm om te beginnen"
#define FLYER "De Samenwerkwijze in het kort"
#define PAGE  "Folderpagina" /* the page's own tappable area */
/* content/ussen/folders/samenwerkwijze.pdf: A4 in points */
#define A4_W	595.2
#define A4_H	841.92
#define PT_MM	(25.4 / 72)
#define BODY_PT 11.0 /* body text of a normal flyer: 11 or 12 point */

/* The picture of the open flyer as shown (not a page rendered ahead). */
static const struct draw_cmd *shown(struct fake_kiosk *k)
{
	const struct draw_list *dl = fake_frame(k);
	int i;

	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		if (c->kind == DRAW_IMAGE && !c->thick && c->text &&
		    strstr(c->text, "/folders/"))
			return c;
	}
	fail_msg("no flyer page on screen");
	return NULL;
}

static struct rect shown_src(struct fake_kiosk *k)
{
	return shown(k)->src;
}

/* One finger down at x1, y1, moved to x2, y2 in small steps with no frame
 * in between (as the script runner and a fast finger do), released. */
static void drag(struct fake_kiosk *k, int x1, int y1, int x2, int y2)
{
	int i;

	app_pointer(k->a, UI_PTR_DOWN, x1, y1, k->now);
	for (i = 1; i <= 8; i++) {
		k->now += 30;
		app_pointer(k->a, UI_PTR_MOVE, x1 + (x2 - x1) * i / 8,
			    y1 + (y2 - y1) * i / 8, k->now);
	}
	k->now += 30;
	app_pointer(k->a, UI_PTR_UP, x2, y2, k->now);
}

static struct rect page_area(struct fake_kiosk *k)
{
	const struct hit *h = fake_hit(k, PAGE);

	if (!h)
		fail_msg("the flyer page is not tappable");
	return h->r;
}

static void open_flyer(struct fake_kiosk *k)
{
	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, FLYER);
	assert_true(fake_visible(k, "Pagina 1 van 4"));
}

/* Pixels per point of the zoomed page as the platform draws it: src (in
 * thousandths of a page of pw x ph points) fitted into r. */
static double zoomed_px_per_pt(const struct draw_cmd *c, double pw, double ph)
{
	double sw = c->src.w * pw / 1000, sh = c->src.h * ph / 1000;
	double sx = c->r.w / sw, sy = c->r.h / sh;

	return sx < sy ? sx : sy;
}

static void test_whole_page_uses_the_height(void **state)
{
	struct fake_kiosk *k = *state;
	const struct draw_cmd *c;
	struct rect view;

	open_flyer(k);
	c = shown(k);
	view = page_area(k);
	assert_int_equal(c->src.w, 0);
	/* an upright page fills the view's height and stands in its middle */
	assert_int_equal(c->r.h, view.h);
	assert_true(c->r.y == view.y);
	assert_true(abs((c->r.x + c->r.w / 2) - (view.x + view.w / 2)) <= 1);
	assert_true(fabs((double)c->r.w / c->r.h - A4_W / A4_H) < 0.01);
	/* between the title bar and the footer, nearly all of it */
	assert_true(view.h >= FAKE_H * 2 / 3);
}

static void test_zoom_is_readable_and_fills_the_view(void **state)
{
	struct fake_kiosk *k = *state;
	const struct draw_cmd *c;
	struct rect view, whole;
	double ppm = fake_px_per_mm(), s, text_mm;

	open_flyer(k);
	whole = shown(k)->r;
	view = page_area(k);
	fake_tap(k, "Vergroten");
	assert_non_null(fake_hit(k, "Hele pagina"));
	c = shown(k);
	/* the whole view shows page, edge to edge */
	assert_memory_equal(&c->r, &view, sizeof(view));
	assert_true(c->src.w > 0 && c->src.h > 0);
	s = zoomed_px_per_pt(c, A4_W, A4_H);
	assert_true(c->src.w * A4_W / 1000 * s >= view.w - 2);
	assert_true(c->src.h * A4_H / 1000 * s >= view.h - 2);
	/* at most half of the page's height shows; the page at least twice
	 * the width it had whole */
	assert_true(c->src.h <= 500);
	assert_true(A4_W * s >= 2.5 * whole.w);
	/* body text at least 7 mm high on this 24-inch panel */
	text_mm = BODY_PT * s / ppm;
	print_message("whole page %d px wide (%.1f mm); zoomed %.2f times; "
		      "%.0f pt text %.1f mm high whole, %.1f mm zoomed\n",
		      whole.w, whole.w / ppm, A4_W * s / whole.w, BODY_PT,
		      BODY_PT * whole.w / A4_W / ppm, text_mm);
	assert_true(text_mm >= 7.0);
	/* it starts at the top of the page, where reading starts */
	assert_int_equal(c->src.y, 0);
}

static void test_drag_moves_the_zoomed_page(void **state)
{
	struct fake_kiosk *k = *state;
	struct rect view, before, after;
	double zoom_h;
	int cx, cy, i, moved;

	open_flyer(k);
	fake_tap(k, "Vergroten");
	view = page_area(k);
	cx = view.x + view.w / 2;
	cy = view.y + view.h / 2;
	before = shown_src(k);
	zoom_h = view.h * 1000.0 / before.h; /* the zoomed page in pixels */

	/* the finger goes up 300 pixels: the page follows, so the part shown
	 * moves down the page by as much */
	drag(k, cx, cy + 150, cx, cy - 150);
	after = shown_src(k);
	moved = after.y - before.y;
	assert_true(abs(moved - (int)lround(300 * 1000 / zoom_h)) <= 1);
	assert_int_equal(after.x, before.x);
	assert_int_equal(after.h, before.h);
	/* still zoomed, still the first page */
	assert_non_null(fake_hit(k, "Hele pagina"));
	assert_true(fake_visible(k, "Pagina 1 van 4"));

	/* far past the bottom edge: the page stops at its end */
	for (i = 0; i < 8; i++)
		drag(k, cx, view.y + view.h - 10, cx, view.y + 10);
	after = shown_src(k);
	assert_int_equal(after.y + after.h, 1000);
	assert_true(after.y >= 0);
	/* and back past the top: it stops at the top, and moves at once on
	 * the way back (nothing piled up beyond the edge) */
	for (i = 0; i < 8; i++)
		drag(k, cx, view.y + 10, cx, view.y + view.h - 10);
	assert_int_equal(shown_src(k).y, 0);
	drag(k, cx, cy + 50, cx, cy - 50);
	assert_true(shown_src(k).y > 0);
	assert_true(fake_visible(k, "Pagina 1 van 4"));
}

static void test_page_follows_the_finger_before_release(void **state)
{
	struct fake_kiosk *k = *state;
	struct rect view, before;
	int cx, cy;

	open_flyer(k);
	fake_tap(k, "Vergroten");
	view = page_area(k);
	cx = view.x + view.w / 2;
	cy = view.y + view.h / 2;
	before = shown_src(k);
	app_pointer(k->a, UI_PTR_DOWN, cx, cy, k->now);
	k->now += 30;
	app_pointer(k->a, UI_PTR_MOVE, cx, cy - 60, k->now);
	/* the next frame already shows the page moved */
	assert_true(shown_src(k).y > before.y);
	k->now += 30;
	app_pointer(k->a, UI_PTR_MOVE, cx, cy - 120, k->now);
	k->now += 30;
	app_pointer(k->a, UI_PTR_UP, cx, cy - 120, k->now);
	/* a drag is no tap: no double tap either */
	k->now += 100;
	fake_tap_xy(k, cx, cy);
	assert_non_null(fake_hit(k, "Hele pagina"));
}

static void test_swipe_turns_only_the_whole_page(void **state)
{
	struct fake_kiosk *k = *state;

	open_flyer(k);
	fake_tap(k, "Vergroten");
	fake_swipe(k, -1);
	assert_true(fake_visible(k, "Pagina 1 van 4"));
	assert_non_null(fake_hit(k, "Hele pagina"));
	fake_swipe(k, 1);
	assert_true(fake_visible(k, "Pagina 1 van 4"));

	fake_tap(k, "Hele pagina");
	fake_swipe(k, -1);
	assert_true(fake_visible(k, "Pagina 2 van 4"));
	/* "Volgende" turns a zoomed page, and shows the next one whole */
	fake_tap(k, "Vergroten");
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Pagina 3 van 4"));
	assert_int_equal(shown_src(k).w, 0);
}

static void test_whole_page_button_returns(void **state)
{
	struct fake_kiosk *k = *state;
	struct rect view, whole;
	const struct hit *b;

	open_flyer(k);
	whole = shown(k)->r;
	b = fake_hit(k, "Vergroten");
	assert_non_null(b);
	view = page_area(k);
	/* the zoom button stands beside the page, not on it */
	assert_false(b->r.x < view.x + view.w && b->r.x + b->r.w > view.x &&
		     b->r.y < view.y + view.h && b->r.y + b->r.h > view.y);
	fake_tap(k, "Vergroten");
	/* the button says how to get back, in the same place */
	b = fake_hit(k, "Hele pagina");
	assert_non_null(b);
	assert_null(fake_hit(k, "Vergroten"));
	assert_true(fake_visible(k, "Schuif de pagina met uw vinger"));
	drag(k, view.x + view.w / 2, view.y + view.h - 20, view.x + view.w / 2,
	     view.y + 20);
	fake_tap(k, "Hele pagina");
	assert_int_equal(shown(k)->src.w, 0);
	assert_memory_equal(&shown(k)->r, &whole, sizeof(whole));
	assert_non_null(fake_hit(k, "Vergroten"));
	assert_false(fake_visible(k, "Schuif de pagina met uw vinger"));
	assert_true(fake_visible(k, "Pagina 1 van 4"));
	/* and zoomed again, it starts at the top again */
	fake_tap(k, "Vergroten");
	assert_int_equal(shown_src(k).y, 0);
}

/* A PNG that is only a header saying w x h: the kiosk reads no more of it
 * until it is drawn, which the unit tests never do. */
static void write_png_header(const char *dir, const char *rel, long w, long h)
{
	unsigned char b[33] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
				0,    0,   0,	13,  'I',  'H',	 'D',  'R' };
	int i;

	for (i = 0; i < 4; i++) {
		b[16 + i] = (unsigned char)(w >> (24 - 8 * i));
		b[20 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	b[24] = 8; /* bit depth */
	b[25] = 2; /* RGB */
	fake_write_n(dir, rel, (const char *)b, sizeof(b));
}

static void test_landscape_flyer_moves_every_way(void **state)
{
	char *dir = *state;
	struct fake_kiosk *k;
	struct rect view, z, after;
	const struct draw_cmd *c;
	int cx, cy;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Breed\n"
		   "[home]\ntiles = folders\n");
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "folders/tile.ini",
		   "[tile]\nkind = flyers\ntitle = Folders\n");
	fake_write(dir, "folders/folders.ini",
		   "[breed.png]\ntitle = Een brede folder\n");
	write_png_header(dir, "folders/breed.png", 3000, 1500);
	k = fake_kiosk_start(dir, 1);
	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, "Een brede folder");
	c = shown(k);
	view = page_area(k);
	/* two to one, read from the picture's header when it was opened */
	assert_true(abs(c->r.w - 2 * c->r.h) <= 2);
	assert_true(c->r.w == view.w || c->r.h == view.h);

	fake_tap(k, "Vergroten");
	c = shown(k);
	z = c->src;
	assert_memory_equal(&c->r, &view, sizeof(view));
	assert_true(z.w <= 500 && z.h <= 500);
	assert_true(fabs((double)z.w * 2 / z.h - (double)view.w / view.h) <
		    0.05 * view.w / view.h);
	cx = view.x + view.w / 2;
	cy = view.y + view.h / 2;
	/* finger to the left and up: the part shown moves right and down */
	drag(k, cx + 100, cy + 100, cx - 100, cy - 100);
	after = shown_src(k);
	assert_true(after.x > z.x);
	assert_true(after.y > z.y);
	/* and all the way back to the left edge */
	drag(k, view.x + 10, cy, view.x + view.w - 10, cy);
	drag(k, view.x + 10, cy, view.x + view.w - 10, cy);
	after = shown_src(k);
	assert_int_equal(after.x, 0);
	assert_true(after.x + after.w <= 1000 && after.y + after.h <= 1000);
	fake_kiosk_free(k);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fake_setup, fake_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_whole_page_uses_the_height),
		T(test_zoom_is_readable_and_fills_the_view),
		T(test_drag_moves_the_zoomed_page),
		T(test_page_follows_the_finger_before_release),
		T(test_swipe_turns_only_the_whole_page),
		T(test_whole_page_button_returns),
		cmocka_unit_test_setup_teardown(
			test_landscape_flyer_moves_every_way, fake_tmp_setup,
			fake_tmp_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
