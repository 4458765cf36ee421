/*
 * test_app: the kiosk as a visitor meets it, on a 24-inch screen with the
 * real assets and the demo pack of Ussen, on a fixed day. It starts on the
 * attract screen; a touch opens the home screen with a tile per part of the
 * pack; tiles open pages, numbered steps, flyers page by page and news, and
 * "Terug" comes back; language and text size switch. The idle rules: after
 * 90 seconds without a touch "Bent u er nog?" asks, and when nobody answers
 * in 30 seconds everything the visitor did is wiped. A pack that does not
 * load leaves a calm out-of-order screen; the pack's own colour reaches the
 * header; dated flyers and news come and go with the day.
 *
 * The accessibility walk visits every screen a visitor or staff member can
 * reach in the Ussen and Deurne packs, in each language and both text
 * sizes, and checks every touch target against the theme's minimum size and
 * spacing, every text against the minimum letter height, and that no text
 * is cut off.
 */
#include "fake.h"

#include "core/content/content.h"
#include "core/app/walk.h"

#define START	   "Tik op het scherm om te beginnen"
#define HOME_Q	   "Waar wilt u meer over weten?"
#define MIN_CAP_MM 7.0 /* house rule: no smaller letters anywhere */
#define NTILES	   6
#define FLYER	   "De Samenwerkwijze in het kort"
#define FLYER_URL  "https://proeftuin-ussen.example/samenwerkwijze"
#define ENQUETE	   "Doe mee met de wijkenquête"
#define KOFFIE	   "Koffieochtend in het wijkcentrum"

/* The tiles of content/ussen/kiosk.ini, in its order. */
static const char *const TITLES_NL[NTILES] = {
	"De werkwijze",	 "Stap voor stap", "Folders",
	"Wie doen mee?", "Nieuws",	   "Stel een vraag",
};
static const char *const TITLES_EN[NTILES] = {
	"How we work",	   "Step by step", "Leaflets",
	"Who takes part?", "News",	   "Ask a question",
};

static uint64_t idle_ms(struct fake_kiosk *k)
{
	return (uint64_t)k->a->content->idle_seconds * 1000;
}

static int font_px_of(struct fake_kiosk *k, const char *text)
{
	const struct draw_cmd *c = fake_text_cmd(fake_frame(k), text);

	if (!c)
		fail_msg("\"%s\" is not painted on screen", text);
	return c->font_px;
}

/* 1 when r comes before s in reading order (rows, then left to right). */
static int reads_before(struct rect r, struct rect s)
{
	return r.y + r.h <= s.y || (r.y < s.y + s.h && r.x < s.x);
}

static int same_rgb(struct color a, struct color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* The picture of the open flyer as it is shown (not a page loaded ahead),
 * or NULL. */
static const struct draw_cmd *shown_flyer(const struct draw_list *dl)
{
	int i;

	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		if (c->kind == DRAW_IMAGE && !c->thick && c->text &&
		    strstr(c->text, "samenwerkwijze.pdf"))
			return c;
	}
	return NULL;
}

/* The QR code on screen holding exactly payload, or NULL. */
static const struct draw_cmd *qr_of(const struct draw_list *dl,
				    const char *payload)
{
	int i;

	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_QR && dl->cmds[i].text &&
		    strcmp(dl->cmds[i].text, payload) == 0)
			return &dl->cmds[i];
	return NULL;
}

/* The coloured bar across the top of the frame, or NULL. */
static const struct draw_cmd *header_bar(const struct draw_list *dl)
{
	int i;

	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		if (c->kind == DRAW_RECT && c->r.x == 0 && c->r.y == 0 &&
		    c->r.w == FAKE_W && c->r.h > 0 && c->r.h < FAKE_H / 4)
			return c;
	}
	return NULL;
}

/* ---- navigation ---- */

static void test_starts_on_attract(void **state)
{
	struct fake_kiosk *k = *state;

	assert_int_equal(k->a->screen, SCREEN_ATTRACT);
	assert_true(fake_visible(k, "Proeftuin Ussen"));
	assert_true(fake_visible(k, "Wat wil je? Wat kan je zelf?"));
	assert_non_null(fake_hit(k, START));
	assert_false(fake_visible(k, HOME_Q));
	assert_null(fake_hit(k, TITLES_NL[0]));
}

static void test_start_shows_home_with_every_tile(void **state)
{
	struct fake_kiosk *k = *state;
	struct rect r[NTILES];
	int i;

	fake_tap(k, START);
	assert_int_equal(k->a->screen, SCREEN_HOME);
	assert_true(fake_visible(k, HOME_Q));
	assert_true(fake_visible(k, "vraag@welzijn-ussen.example"));
	for (i = 0; i < NTILES; i++) {
		const struct hit *h = fake_hit(k, TITLES_NL[i]);

		if (!h)
			fail_msg("no tile \"%s\" on the home screen",
				 TITLES_NL[i]);
		r[i] = h->r;
	}
	/* in the order staff gave in kiosk.ini */
	for (i = 0; i + 1 < NTILES; i++)
		if (!reads_before(r[i], r[i + 1]))
			fail_msg("tile \"%s\" comes after \"%s\"", TITLES_NL[i],
				 TITLES_NL[i + 1]);
}

static void test_tile_opens_its_page_and_back_returns(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Stel een vraag");
	assert_int_equal(k->a->screen, SCREEN_TILE);
	assert_true(fake_visible(k, "Stel een vraag")); /* the title */
	assert_true(fake_visible(k, "Mail ons"));
	assert_false(fake_visible(k, HOME_Q));

	fake_tap(k, "Terug");
	assert_int_equal(k->a->screen, SCREEN_HOME);
	assert_true(fake_visible(k, HOME_Q));
	assert_false(fake_visible(k, "Mail ons"));

	/* another tile opens another view */
	fake_tap(k, "Wie doen mee?");
	assert_true(fake_visible(k, "Brabant Wonen"));
	assert_true(fake_visible(k, "ONS welzijn"));
	assert_false(fake_visible(k, "Mail ons"));
}

static void test_finger_sliding_off_a_tile_does_not_open_it(void **state)
{
	struct fake_kiosk *k = *state;
	const struct hit *h;
	int x, y;

	fake_tap(k, START);
	h = fake_hit(k, "Stel een vraag");
	assert_non_null(h);
	x = h->r.x + h->r.w / 2;
	y = h->r.y + h->r.h / 2;
	/* pressed, then the finger slides away before it lets go */
	app_pointer(k->a, UI_PTR_DOWN, x, y, k->now);
	k->now += 40;
	app_pointer(k->a, UI_PTR_MOVE, x, y + h->r.h, k->now);
	k->now += 40;
	app_pointer(k->a, UI_PTR_UP, x, y + h->r.h, k->now);
	assert_int_equal(k->a->screen, SCREEN_HOME);
	assert_false(fake_visible(k, "Mail ons"));

	/* a touch that starts next to the tile and lifts on it is no tap */
	app_pointer(k->a, UI_PTR_DOWN, 5, FAKE_H - 5, k->now);
	k->now += 40;
	app_pointer(k->a, UI_PTR_UP, x, y, k->now);
	assert_int_equal(k->a->screen, SCREEN_HOME);

	/* and a plain tap still works */
	fake_tap(k, "Stel een vraag");
	assert_true(fake_visible(k, "Mail ons"));
}

static void test_language_switch_and_back(void **state)
{
	struct fake_kiosk *k = *state;
	int i;

	fake_tap(k, START);
	fake_tap(k, "English");
	assert_true(fake_visible(k, "What would you like to know about?"));
	assert_true(fake_visible(k, "Questions? E-mail"));
	for (i = 0; i < NTILES; i++) {
		if (!fake_hit(k, TITLES_EN[i]))
			fail_msg("no English tile \"%s\"", TITLES_EN[i]);
		assert_null(fake_hit(k, TITLES_NL[i]));
	}
	fake_tap(k, "Ask a question");
	assert_true(fake_visible(k, "E-mail us"));
	assert_true(fake_visible(k, "Part 1 of"));
	assert_non_null(fake_hit(k, "Back"));
	assert_null(fake_hit(k, "Terug"));

	/* back to Dutch, on the page itself */
	fake_tap(k, "Nederlands");
	assert_true(fake_visible(k, "Mail ons"));
	assert_false(fake_visible(k, "E-mail us"));
	fake_tap(k, "Terug");
	for (i = 0; i < NTILES; i++) {
		assert_non_null(fake_hit(k, TITLES_NL[i]));
		assert_null(fake_hit(k, TITLES_EN[i]));
	}
	assert_non_null(fake_hit(k, "English"));
}

static void test_larger_text_makes_letters_bigger(void **state)
{
	struct fake_kiosk *k = *state;
	const char *body = "Heeft u een vraag?";
	int title_px, tile_px, body_px;

	fake_tap(k, START);
	title_px = font_px_of(k, HOME_Q);
	tile_px = font_px_of(k, "Stap voor stap");
	fake_tap(k, "Stel een vraag");
	body_px = font_px_of(k, body);

	fake_tap(k, "Grotere letters");
	assert_true(font_px_of(k, body) > body_px);
	assert_non_null(fake_hit(k, "Gewone letters"));
	fake_tap(k, "Terug");
	assert_true(font_px_of(k, HOME_Q) > title_px);
	assert_true(font_px_of(k, "Stap voor stap") > tile_px);

	/* and back */
	fake_tap(k, "Gewone letters");
	assert_int_equal(font_px_of(k, HOME_Q), title_px);
	assert_int_equal(font_px_of(k, "Stap voor stap"), tile_px);
	assert_non_null(fake_hit(k, "Grotere letters"));
}

static void test_long_press_on_name_opens_staff_info(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	/* a visitor's short tap on the name does nothing */
	fake_tap(k, "Proeftuin Ussen");
	assert_int_equal(k->a->screen, SCREEN_HOME);
	assert_false(fake_visible(k, "Over deze kiosk"));

	fake_long_press(k, "Proeftuin Ussen");
	assert_int_equal(k->a->screen, SCREEN_INFO);
	assert_true(fake_visible(k, "Over deze kiosk"));
	assert_true(fake_visible(k, "Versie " APP_VERSION));
	assert_true(fake_visible(k, FAKE_CONTENT));
	assert_false(fake_visible(k, HOME_Q));

	fake_tap(k, "Sluiten");
	assert_int_equal(k->a->screen, SCREEN_HOME);
	assert_true(fake_visible(k, HOME_Q));
}

/* ---- steps, flyers, news ---- */

static void test_steps_advance_by_button_and_swipe(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Stap voor stap");
	assert_true(fake_visible(k, "Stap 1 van 7"));
	assert_true(fake_visible(k, "U heeft een vraag"));
	assert_null(fake_hit(k, "Vorige")); /* nothing before step 1 */

	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Stap 2 van 7"));
	assert_true(fake_visible(k, "U neemt contact op"));
	assert_false(fake_visible(k, "U heeft een vraag"));

	fake_swipe(k, -1);
	assert_true(fake_visible(k, "Stap 3 van 7"));
	assert_true(fake_visible(k, "We maken een afspraak"));
	fake_swipe(k, 1);
	assert_true(fake_visible(k, "Stap 2 van 7"));
	fake_tap(k, "Vorige");
	assert_true(fake_visible(k, "Stap 1 van 7"));
	fake_swipe(k, 1); /* nothing before the first step */
	assert_true(fake_visible(k, "Stap 1 van 7"));

	while (fake_hit(k, "Volgende"))
		fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Stap 7 van 7"));
	assert_true(fake_visible(k, "We kijken samen terug"));
	fake_swipe(k, -1); /* nothing after the last */
	assert_true(fake_visible(k, "Stap 7 van 7"));
	assert_int_equal(k->a->screen, SCREEN_TILE);
}

static void test_flyer_opens_on_first_page_and_turns(void **state)
{
	struct fake_kiosk *k = *state;
	const struct draw_cmd *c;

	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, FLYER);
	assert_int_equal(k->a->screen, SCREEN_FLYER);
	assert_true(fake_visible(k, "Pagina 1 van 4"));
	c = shown_flyer(fake_frame(k));
	assert_non_null(c);
	assert_int_equal(c->page, 1);
	/* to take it home: a QR code of its web address, with a line */
	assert_true(fake_visible(k, "Neem deze folder mee: scan de code met "
				    "uw telefoon."));
	assert_non_null(qr_of(fake_frame(k), FLYER_URL));
	assert_null(fake_hit(k, "Vorige"));

	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Pagina 2 van 4"));
	assert_false(fake_visible(k, "Pagina 1 van 4"));
	c = shown_flyer(fake_frame(k));
	assert_non_null(c);
	assert_int_equal(c->page, 2);
	fake_swipe(k, -1);
	assert_true(fake_visible(k, "Pagina 3 van 4"));
	assert_int_equal(shown_flyer(fake_frame(k))->page, 3);

	fake_tap(k, "Terug");
	assert_int_equal(k->a->screen, SCREEN_TILE);
	assert_non_null(fake_hit(k, FLYER));
	/* opened again, it starts at the front */
	fake_tap(k, FLYER);
	assert_true(fake_visible(k, "Pagina 1 van 4"));
}

static void test_zoom_button_toggles_zoom(void **state)
{
	struct fake_kiosk *k = *state;
	const struct draw_cmd *c;

	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, FLYER);
	c = shown_flyer(fake_frame(k));
	assert_non_null(c);
	assert_int_equal(c->src.w, 0); /* the whole page */

	fake_tap(k, "Vergroten");
	assert_true(k->a->zoom);
	assert_non_null(fake_hit(k, "Verkleinen"));
	assert_null(fake_hit(k, "Vergroten"));
	c = shown_flyer(fake_frame(k));
	assert_non_null(c);
	/* a part of the page fills the same place */
	assert_true(c->src.w > 0 && c->src.w < 1000);
	assert_true(c->src.h > 0 && c->src.h < 1000);

	fake_tap(k, "Verkleinen");
	assert_false(k->a->zoom);
	assert_non_null(fake_hit(k, "Vergroten"));
	assert_int_equal(shown_flyer(fake_frame(k))->src.w, 0);

	/* turning the page shows the next page whole */
	fake_tap(k, "Vergroten");
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Pagina 2 van 4"));
	assert_false(k->a->zoom);
	assert_int_equal(shown_flyer(fake_frame(k))->src.w, 0);
}

static void test_news_item_shows_its_video_code(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Nieuws");
	assert_true(fake_visible(k, "19 januari 2024"));
	fake_tap(k, "De proeftuin op tv");
	assert_int_equal(k->a->screen, SCREEN_NEWS);
	assert_true(fake_visible(k, "EenVandaag"));
	assert_true(fake_visible(k, "Bekijk de reportage op uw telefoon: "
				    "scan de code."));
	assert_non_null(qr_of(fake_frame(k), "https://video.example/eenvandaag/"
					     "2024-01-19-proeftuin-oss"));
	fake_tap(k, "Terug");
	assert_int_equal(k->a->screen, SCREEN_TILE);
	assert_non_null(fake_hit(k, "Nieuw: de wijkkiosk"));
}

/* folders.ini: the survey flyer shows from 2026-11-01 to 2027-03-31. */
static void test_flyer_shows_only_between_its_dates(void **state)
{
	static const struct {
		int day, shows;
	} days[] = {
		{ 20261031, 0 }, { 20261101, 1 }, { FAKE_TODAY, 1 },
		{ 20270331, 1 }, { 20270401, 0 },
	};
	struct fake_kiosk *k = *state;
	size_t i;

	fake_tap(k, START);
	fake_tap(k, "Folders");
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		app_set_today(k->a, days[i].day);
		if (!!fake_hit(k, ENQUETE) != days[i].shows)
			fail_msg("on %d the survey flyer should %s",
				 days[i].day, days[i].shows ? "show" : "hide");
		/* the other flyers stay */
		assert_non_null(fake_hit(k, FLYER));
		assert_non_null(fake_hit(k, "De drie vragen"));
	}
}

/* nieuws.ini: the coffee morning of 2025-01-06 shows until 2025-01-31. */
static void test_news_item_hides_after_show_until(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Nieuws");
	assert_null(fake_hit(k, KOFFIE));
	assert_false(fake_visible(k, KOFFIE));
	assert_non_null(fake_hit(k, "De proeftuin op tv"));

	app_set_today(k->a, 20250131);
	assert_non_null(fake_hit(k, KOFFIE));
	assert_true(fake_visible(k, "6 januari 2025"));
	fake_tap(k, KOFFIE);
	assert_int_equal(k->a->screen, SCREEN_NEWS);
	assert_true(fake_visible(k, "Op dinsdag 21 januari"));
	fake_tap(k, "Terug");

	app_set_today(k->a, 20250201);
	assert_null(fake_hit(k, KOFFIE));
	assert_non_null(fake_hit(k, "De proeftuin op tv"));
}

/*
 * Once a bug, fixed since; this test keeps it fixed (kiosk/core/screens.c,
 * view_news, and kiosk/core/walk.c): a news item is hidden while its `date`
 * lies after today (`t->news[i].date <= a->today`), but content/LEESMIJ.md
 * chapter 9 promises staff that `date` only sets the order, "niet of het
 * zichtbaar is"; only show_from and show_until decide that. An item announcing
 * an event with the event's date stays invisible until the day itself. This
 * test states the documented behaviour and fails until code and LEESMIJ agree.
 */
static void test_news_date_does_not_hide_an_item(void **state)
{
	struct fake_kiosk *k = *state;

	/* "Nieuw: de wijkkiosk" is dated 2026-11-16, without show_from */
	app_set_today(k->a, 20261110);
	fake_tap(k, START);
	fake_tap(k, "Nieuws");
	assert_non_null(fake_hit(k, "Wat vindt u van Ussen?"));
	if (!fake_hit(k, "Nieuw: de wijkkiosk"))
		fail_msg("a news item dated 2026-11-16 without show_from is "
			 "hidden on 2026-11-10");
}

/* ---- the pack's colour, swapping packs, a broken pack ---- */

static void test_pack_colour_reaches_the_header(void **state)
{
	struct fake_kiosk *k = fake_kiosk_start("content/deurne", 1);
	struct color wijnrood = { 0x8A, 0x1C, 0x3C, 255 }; /* kiosk.ini */
	const struct draw_cmd *bar;

	(void)state;
	assert_true(k->a->content->has_color);
	assert_true(same_rgb(k->a->content->color, wijnrood));
	assert_true(same_rgb(k->a->theme.header_bg, wijnrood));
	/* not by chance: the theme's own header has another colour */
	assert_false(same_rgb(k->a->base_theme.header_bg, wijnrood));
	/* the waiting screen is in it too */
	assert_true(same_rgb(fake_frame(k)->clear, wijnrood));

	fake_tap(k, "Tik op het scherm om te beginnen");
	bar = header_bar(fake_frame(k));
	assert_non_null(bar);
	assert_true(same_rgb(bar->color, wijnrood));
	fake_kiosk_free(k);
}

static void test_new_pack_returns_to_attract(void **state)
{
	struct fake_kiosk *k = *state;
	struct color wijnrood = { 0x8A, 0x1C, 0x3C, 255 };
	struct err e = { "" };
	struct content *deurne;

	fake_tap(k, START);
	fake_tap(k, "English");
	fake_tap(k, "Larger text");
	fake_tap(k, "Step by step");
	fake_tap(k, "Next");
	assert_int_equal(k->a->part, 1);

	deurne = content_load("content/deurne", CONTENT_QUICK, NULL, NULL, NULL,
			      &e);
	if (!deurne)
		fail_msg("content/deurne: %s", e.msg);
	app_set_content(k->a, deurne);
	assert_ptr_equal(k->a->content, deurne);
	assert_int_equal(k->a->screen, SCREEN_ATTRACT);
	assert_int_equal(k->a->lang, 0);
	assert_int_equal(k->a->ui.large, 0);
	assert_int_equal(k->a->part, 0);
	assert_true(fake_visible(k, "Proeftuin Deurne"));
	assert_false(fake_visible(k, "Proeftuin Ussen"));
	assert_true(same_rgb(k->a->theme.header_bg, wijnrood));

	fake_tap(k, START);
	assert_non_null(fake_hit(k, "Zo werken we"));
	assert_null(fake_hit(k, "Stap voor stap"));
	assert_null(fake_hit(k, "English")); /* Deurne is Dutch only */
	assert_non_null(fake_hit(k, "Grotere letters"));
}

/* A pack whose only tile has no text: it cannot load. */
static void write_broken_pack(const char *dir)
{
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Kapot\n"
		   "[home]\n"
		   "tiles = welkom\n");
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Welkom\n");
}

static void test_broken_pack_shows_out_of_order(void **state)
{
	char dir[64];
	struct fake_kiosk *k;
	const struct draw_list *dl;
	struct err e = { "" };
	int i;

	(void)state;
	fake_tmpdir(dir, sizeof(dir));
	write_broken_pack(dir);
	k = fake_kiosk_start(dir, 0);
	fake_rmtree(dir);

	assert_null(k->a->content);
	assert_int_equal(k->a->screen, SCREEN_BROKEN);
	/* the log says what staff must fix */
	assert_non_null(strstr(k->a->broken_why, "welkom/nl.md"));
	dl = fake_frame(k);
	assert_true(fake_visible(k, "Tijdelijk buiten gebruik"));
	assert_false(fake_visible(k, "Proeftuin Kapot"));
	assert_int_equal(dl->nhits, 0); /* nothing to tap */
	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_TEXT &&
		    dl->cmds[i].font_px * FAKE_CAP_RATIO / fake_px_per_mm() +
				    1e-9 <
			    MIN_CAP_MM)
			fail_msg("\"%s\" is too small to read",
				 dl->cmds[i].text);

	/* touching it or waiting changes nothing, and asks nothing */
	fake_tap_xy(k, FAKE_W / 2, FAKE_H / 2);
	fake_wait(k, 600 * 1000);
	assert_int_equal(k->a->screen, SCREEN_BROKEN);
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_true(fake_visible(k, "Tijdelijk buiten gebruik"));

	/* a pack that works brings it back */
	app_set_content(k->a, content_load(FAKE_CONTENT, CONTENT_QUICK, NULL,
					   NULL, NULL, &e));
	assert_non_null(k->a->content);
	assert_int_equal(k->a->screen, SCREEN_ATTRACT);
	assert_non_null(fake_hit(k, START));
	assert_false(fake_visible(k, "Tijdelijk buiten gebruik"));
	fake_kiosk_free(k);
}

/* ---- idle ---- */

static void test_idle_prompt_after_idle_time(void **state)
{
	struct fake_kiosk *k = *state;

	assert_int_equal(k->a->content->idle_seconds, 90); /* kiosk.ini */
	fake_tap(k, START);
	fake_tap(k, "Stel een vraag");
	fake_wait(k, idle_ms(k) - 1);
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_true(fake_visible(k, "Mail ons"));
	fake_wait(k, 1);
	assert_true(fake_visible(k, "Bent u er nog?"));
	assert_true(fake_visible(k, "Over 30 seconden"));
	assert_non_null(fake_hit(k, "Ja, ik ben er nog"));
	/* the page is hidden behind the question */
	assert_false(fake_visible(k, "Mail ons"));
	assert_null(fake_hit(k, "Terug"));
}

static void test_no_idle_prompt_on_attract(void **state)
{
	struct fake_kiosk *k = *state;

	fake_wait(k, 10 * idle_ms(k));
	assert_int_equal(k->a->screen, SCREEN_ATTRACT);
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_non_null(fake_hit(k, START));
}

static void test_continue_keeps_the_page(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Wie doen mee?");
	fake_wait(k, idle_ms(k));
	assert_true(fake_visible(k, "Bent u er nog?"));
	fake_wait(k, 10000);
	assert_true(fake_visible(k, "Over 20 seconden"));

	fake_tap(k, "Ja, ik ben er nog");
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_int_equal(k->a->screen, SCREEN_TILE);
	assert_true(fake_visible(k, "Wie doen mee?"));
	assert_true(fake_visible(k, "Brabant Wonen"));
	/* the visitor gets the whole idle time again */
	fake_wait(k, idle_ms(k) - 1);
	assert_false(fake_visible(k, "Bent u er nog?"));
	fake_wait(k, 1);
	assert_true(fake_visible(k, "Bent u er nog?"));
}

static void test_countdown_wipes_everything(void **state)
{
	struct fake_kiosk *k = *state;
	struct app *a = k->a;
	const char *secret = "Dorpsstraat 12, 5555 AB";
	int normal_px, i;

	fake_tap(k, START);
	normal_px = font_px_of(k, HOME_Q);
	fake_tap(k, "English");
	fake_tap(k, "Larger text");
	fake_tap(k, "Ask a question");
	fake_tap(k, "Next");
	assert_int_equal(a->screen, SCREEN_TILE);
	assert_int_equal(a->tile, NTILES - 1);
	assert_int_equal(a->part, 1);
	/* as if typed on the on-screen keyboard */
	snprintf(a->typed, sizeof(a->typed), "%s", secret);

	fake_wait(k, idle_ms(k));
	assert_true(fake_visible(k, "Are you still there?"));
	fake_wait(k, APP_PROMPT_SECONDS * 1000 - 1);
	assert_true(fake_visible(k, "In 1 second the kiosk"));
	assert_int_equal(a->screen, SCREEN_TILE);
	fake_wait(k, 1);

	/* back at the start, in Dutch, normal letters, nothing left */
	assert_int_equal(a->screen, SCREEN_ATTRACT);
	assert_int_equal(a->prompt, 0);
	assert_int_equal(a->lang, 0);
	assert_int_equal(a->ui.large, 0);
	assert_int_equal(a->tile, 0);
	assert_int_equal(a->part, 0);
	for (i = 0; i < (int)sizeof(a->typed); i++)
		if (a->typed[i])
			fail_msg("typed text not wiped: byte %d is 0x%02x", i,
				 (unsigned char)a->typed[i]);
	assert_non_null(fake_hit(k, START));
	assert_false(fake_visible(k, "Are you still there?"));
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_false(fake_visible(k, "Ask a question"));
	assert_false(fake_visible(k, "E-mail us"));
	assert_false(fake_visible(k, "Dorpsstraat"));

	/* the next visitor finds the kiosk as new */
	fake_tap(k, START);
	assert_true(fake_visible(k, HOME_Q));
	assert_int_equal(font_px_of(k, HOME_Q), normal_px);
	assert_non_null(fake_hit(k, "Grotere letters"));
	assert_non_null(fake_hit(k, "English"));
	fake_tap(k, "Stel een vraag");
	assert_true(fake_visible(k, "Deel 1 van"));
}

static void test_touch_resets_idle_timer(void **state)
{
	struct fake_kiosk *k = *state;
	const struct draw_list *dl;
	int x = 5, y = FAKE_H - 5, i;

	fake_tap(k, START);
	fake_tap(k, "De werkwijze");
	fake_wait(k, idle_ms(k) * 2 / 3);

	/* a touch on an empty spot counts too */
	dl = fake_frame(k);
	for (i = 0; i < dl->nhits; i++)
		assert_false(rect_contains(dl->hits[i].r, x, y));
	fake_tap_xy(k, x, y);
	assert_int_equal(k->a->screen, SCREEN_TILE);

	fake_wait(k, idle_ms(k) - 1);
	assert_false(fake_visible(k, "Bent u er nog?"));
	fake_wait(k, 1);
	assert_true(fake_visible(k, "Bent u er nog?"));
}

/* ---- the accessibility walk ---- */

struct walk {
	struct app *a;
	int screens;  /* screens checked */
	int problems; /* problems found */
};

static void problem(struct walk *w, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct walk *w, const char *where, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	print_error("%s: %s\n", where, msg);
	w->problems++;
}

static int overlaps(struct rect r, struct rect s)
{
	return r.x < s.x + s.w && s.x < r.x + r.w && r.y < s.y + s.h &&
	       s.y < r.y + r.h;
}

/* Distance in pixels between the edges of two rectangles; 0 when they
 * touch or overlap. */
static double rect_distance(struct rect r, struct rect s)
{
	int dx = s.x - (r.x + r.w), dy = s.y - (r.y + r.h);

	if (r.x - (s.x + s.w) > dx)
		dx = r.x - (s.x + s.w);
	if (r.y - (s.y + s.h) > dy)
		dy = r.y - (s.y + s.h);
	return hypot(dx > 0 ? dx : 0, dy > 0 ? dy : 0);
}

/* Targets that need no finger-sized rectangle: the attract screen's
 * "touch anywhere" and the name on the home header (a staff long press),
 * as long as the name overlaps no other target. */
static int exempt(struct walk *w, const char *where, const struct draw_list *dl,
		  const struct hit *h)
{
	struct app *a = w->a;
	int i;

	if (a->prompt)
		return 0;
	if (a->screen == SCREEN_ATTRACT && h->r.x == 0 && h->r.y == 0 &&
	    h->r.w == a->width && h->r.h == a->height)
		return 1;
	if (a->screen != SCREEN_HOME || strcmp(h->label, a->content->name))
		return 0;
	for (i = 0; i < dl->nhits; i++)
		if (&dl->hits[i] != h && overlaps(h->r, dl->hits[i].r))
			problem(w, where, "the name area overlaps \"%s\"",
				dl->hits[i].label);
	return 1;
}

static void check_screen(void *ctx, const char *where, const char *file,
			 const struct draw_list *dl)
{
	struct walk *w = ctx;
	struct app *a = w->a;
	double ppm = a->ui.px_per_mm;
	int target = ui_mm(&a->ui, a->theme.target_mm);
	int gap = ui_mm(&a->ui, a->theme.gap_mm);
	int skip[HIT_MAX], i, j;

	(void)file;
	w->screens++;
	if (dl->overflow)
		problem(w, where, "the frame overflowed: something is missing");
	if (dl->clipped)
		problem(w, where,
			"%d texts do not fit their box, the first: "
			"\"%s\"",
			dl->clipped, dl->clipped_text);
	for (i = 0; i < dl->nhits; i++)
		skip[i] = exempt(w, where, dl, &dl->hits[i]);
	for (i = 0; i < dl->nhits; i++) {
		const struct hit *h = &dl->hits[i];

		if (!h->label || !*h->label)
			problem(w, where, "a target has no label to read out");
		if (skip[i])
			continue;
		if (h->r.w < target || h->r.h < target)
			problem(w, where,
				"target \"%s\" is %.1f x %.1f mm, "
				"needs %.1f x %.1f mm",
				h->label, h->r.w / ppm, h->r.h / ppm,
				a->theme.target_mm, a->theme.target_mm);
		if (h->r.x < 0 || h->r.y < 0 || h->r.x + h->r.w > a->width ||
		    h->r.y + h->r.h > a->height)
			problem(w, where, "target \"%s\" is partly off screen",
				h->label);
		for (j = i + 1; j < dl->nhits; j++) {
			const struct hit *o = &dl->hits[j];
			double d = rect_distance(h->r, o->r);

			if (skip[j] || d >= gap)
				continue;
			problem(w, where,
				"targets \"%s\" and \"%s\" are "
				"%.1f mm apart, need %.1f mm",
				h->label, o->label, d / ppm, a->theme.gap_mm);
		}
	}
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];
		double cap = c->font_px * a->ui.m.cap_ratio / ppm;

		if (c->kind == DRAW_TEXT && cap + 1e-9 < MIN_CAP_MM)
			problem(w, where,
				"text \"%s\" has letters %.1f mm "
				"high, needs %.1f mm",
				c->text, cap, MIN_CAP_MM);
	}
}

/* Walks every screen of the pack in every language and both text sizes. */
static void walk_pack(const char *dir, int want_langs)
{
	struct fake_kiosk *k = fake_kiosk_start(dir, 1);
	struct walk w = { k->a, 0, 0 };
	int lang, large, n, least;

	assert_int_equal(k->a->content->nlangs, want_langs);
	/* attract, home, every tile, the staff facts, the idle prompt */
	least = 2 + k->a->content->ntiles + 2;
	for (lang = 0; lang < k->a->content->nlangs; lang++)
		for (large = 0; large < 2; large++) {
			n = app_walk(k->a, lang, large, check_screen, &w);
			if (n < least)
				fail_msg("%s (%s%s): only %d screens walked, "
					 "expected at least %d",
					 dir, k->a->content->langs[lang],
					 large ? ", larger text" : "", n,
					 least);
			assert_int_equal(k->a->screen, SCREEN_ATTRACT);
		}
	if (w.problems)
		fail_msg("%s: %d accessibility problems on %d screens (above)",
			 dir, w.problems, w.screens);
	fake_kiosk_free(k);
}

static void test_every_screen_of_ussen_is_accessible(void **state)
{
	(void)state;
	walk_pack("content/ussen", 2);
}

static void test_every_screen_of_deurne_is_accessible(void **state)
{
	(void)state;
	walk_pack("content/deurne", 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fake_setup, fake_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_starts_on_attract),
		T(test_start_shows_home_with_every_tile),
		T(test_tile_opens_its_page_and_back_returns),
		T(test_finger_sliding_off_a_tile_does_not_open_it),
		T(test_language_switch_and_back),
		T(test_larger_text_makes_letters_bigger),
		T(test_long_press_on_name_opens_staff_info),
		T(test_steps_advance_by_button_and_swipe),
		T(test_flyer_opens_on_first_page_and_turns),
		T(test_zoom_button_toggles_zoom),
		T(test_news_item_shows_its_video_code),
		T(test_flyer_shows_only_between_its_dates),
		T(test_news_item_hides_after_show_until),
		T(test_news_date_does_not_hide_an_item),
		cmocka_unit_test(test_pack_colour_reaches_the_header),
		T(test_new_pack_returns_to_attract),
		cmocka_unit_test(test_broken_pack_shows_out_of_order),
		T(test_idle_prompt_after_idle_time),
		T(test_no_idle_prompt_on_attract),
		T(test_continue_keeps_the_page),
		T(test_countdown_wipes_everything),
		T(test_touch_resets_idle_timer),
		cmocka_unit_test(test_every_screen_of_ussen_is_accessible),
		cmocka_unit_test(test_every_screen_of_deurne_is_accessible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
