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
#define NTILES	   9
#define ASK_Q	   "Waar gaat uw vraag over?" /* the topics of "Stel een vraag" */
#define FLYER	   "De Samenwerkwijze in het kort"
#define FLYER_URL  "https://proeftuin-ussen.example/samenwerkwijze"
#define ENQUETE	   "Doe mee met de wijkenquête"
#define KOFFIE	   "Koffieochtend in het wijkcentrum"

/* The tiles of content/ussen/kiosk.ini, in its order. */
static const char *const TITLES_NL[NTILES] = {
	"De werkwijze",	 "Stap voor stap", "Folders",
	"Wie doen mee?", "Nieuws",	   "Stel een vraag",
	"Doe mee",	 "Activiteiten",   "Enquête",
};
static const char *const TITLES_EN[NTILES] = {
	"How we work",	   "Step by step", "Leaflets",
	"Who takes part?", "News",	   "Ask a question",
	"Join in",	   "Activities",   "Survey",
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

/* Which screen a visitor sees, told from the screen alone (the hit and
 * text lists), never from the app's insides. */
enum shown {
	SHOWN_ATTRACT,
	SHOWN_HOME,
	SHOWN_TILE,
	SHOWN_FLYER,
	SHOWN_NEWS,
	SHOWN_INFO,
	SHOWN_BROKEN,
	SHOWN_PROMPT,
};

/* 1 when a visible text reads like a date: "19 januari 2024". */
static int shows_a_date(const struct draw_list *dl)
{
	int i, d, y;
	char month[32];

	for (i = 0; i < dl->ntexts; i++)
		if (sscanf(dl->texts[i].text, "%d %31[a-z] %d", &d, month,
			   &y) == 3 &&
		    y > 1900)
			return 1;
	return 0;
}

static int shows(struct fake_kiosk *k, enum shown what)
{
	const struct draw_list *dl = fake_frame(k);
	const struct hit *start = draw_list_find_hit(dl, START);
	int back = draw_list_find_hit(dl, "Terug") ||
		   draw_list_find_hit(dl, "Back");
	int flyer = draw_list_find_hit(dl, "Folderpagina") ||
		    draw_list_find_hit(dl, "Flyer page");
	int footer = draw_list_find_hit(dl, "Volgende") ||
		     draw_list_find_hit(dl, "Vorige") ||
		     draw_list_find_hit(dl, "Next") ||
		     draw_list_find_hit(dl, "Previous");

	switch (what) {
	case SHOWN_ATTRACT:
		return start && start->r.w == FAKE_W && start->r.h == FAKE_H;
	case SHOWN_HOME:
		return fake_visible(k, HOME_Q) ||
		       fake_visible(k, "What would you like to know more "
				       "about?");
	case SHOWN_FLYER:
		return back && flyer;
	case SHOWN_NEWS:
		/* one item: its date, and nothing to turn or tap but the
		 * header */
		return back && !flyer && !footer && dl->nhits <= 5 &&
		       shows_a_date(dl);
	case SHOWN_TILE:
		return back && !flyer && !shows(k, SHOWN_NEWS);
	case SHOWN_INFO:
		return fake_visible(k, "Over deze kiosk") ||
		       fake_visible(k, "About this kiosk");
	case SHOWN_BROKEN:
		return fake_visible(k, "Tijdelijk buiten gebruik") &&
		       dl->nhits == 0;
	case SHOWN_PROMPT:
		return fake_visible(k, "Bent u er nog?") ||
		       fake_visible(k, "Are you still there?");
	}
	return 0;
}

/* ---- navigation ---- */

static void test_starts_on_attract(void **state)
{
	struct fake_kiosk *k = *state;

	assert_true(shows(k, SHOWN_ATTRACT));
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
	assert_true(shows(k, SHOWN_HOME));
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
	assert_true(shows(k, SHOWN_TILE));
	assert_true(fake_visible(k, "Stel een vraag")); /* the title */
	assert_true(fake_visible(k, ASK_Q));
	assert_false(fake_visible(k, HOME_Q));

	fake_tap(k, "Terug");
	assert_true(shows(k, SHOWN_HOME));
	assert_true(fake_visible(k, HOME_Q));
	assert_false(fake_visible(k, ASK_Q));

	/* another tile opens another view */
	fake_tap(k, "Wie doen mee?");
	assert_true(fake_visible(k, "Brabant Wonen"));
	assert_true(fake_visible(k, "ONS welzijn"));
	assert_false(fake_visible(k, ASK_Q));
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
	assert_true(shows(k, SHOWN_HOME));
	assert_false(fake_visible(k, ASK_Q));

	/* a touch that starts next to the tile and lifts on it is no tap */
	app_pointer(k->a, UI_PTR_DOWN, 5, FAKE_H - 5, k->now);
	k->now += 40;
	app_pointer(k->a, UI_PTR_UP, x, y, k->now);
	assert_true(shows(k, SHOWN_HOME));

	/* and a plain tap still works */
	fake_tap(k, "Stel een vraag");
	assert_true(fake_visible(k, ASK_Q));
}

static void test_language_switch_and_back(void **state)
{
	struct fake_kiosk *k = *state;
	int i;

	fake_tap(k, START);
	fake_language(k, "English");
	assert_true(fake_visible(k, "What would you like to know about?"));
	assert_true(fake_visible(k, "Questions? E-mail"));
	for (i = 0; i < NTILES; i++) {
		if (!fake_hit(k, TITLES_EN[i]))
			fail_msg("no English tile \"%s\"", TITLES_EN[i]);
		assert_null(fake_hit(k, TITLES_NL[i]));
	}
	fake_tap(k, "Ask a question");
	assert_true(fake_visible(k, "What is your question about?"));
	assert_non_null(fake_hit(k, "Housing"));
	assert_non_null(fake_hit(k, "Back"));
	assert_null(fake_hit(k, "Terug"));

	/* on through Turkish and Arabic, back to Dutch, on the topics */
	fake_language(k, "Türkçe");
	assert_true(fake_visible(k, "Sorunuz ne hakkında?"));
	assert_non_null(fake_hit(k, "Konut"));
	assert_non_null(fake_hit(k, "Geri"));
	fake_language(k, "العربية");
	assert_true(fake_visible(k, "عن ماذا سؤالك؟"));
	assert_non_null(fake_hit(k, "السكن"));
	assert_non_null(fake_hit(k, "رجوع"));
	fake_language(k, "Nederlands");
	assert_true(fake_visible(k, ASK_Q));
	assert_false(fake_visible(k, "What is your question about?"));
	fake_tap(k, "Terug");
	for (i = 0; i < NTILES; i++) {
		assert_non_null(fake_hit(k, TITLES_NL[i]));
		assert_null(fake_hit(k, TITLES_EN[i]));
	}
	assert_non_null(fake_hit(k, "Taal"));
}

/* The chooser shows every language in its own name; the one in use
 * stands out; the choice returns to where the visitor was. */
static void test_language_chooser(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Stap voor stap");
	fake_tap(k, "Volgende");
	fake_tap(k, "Taal");
	assert_true(fake_visible(k, "Kies uw taal"));
	assert_non_null(fake_hit(k, "Nederlands"));
	assert_non_null(fake_hit(k, "English"));
	/* a way back without choosing */
	fake_tap(k, "Terug");
	assert_true(fake_visible(k, "Stap 2 van 7"));
	fake_tap(k, "Taal");
	fake_tap(k, "English");
	/* the same screen, in English, from its first step */
	assert_true(fake_visible(k, "Step 1 of 7"));
	assert_non_null(fake_hit(k, "Language"));
}

/* Everything a visitor taps to find their way sits in the bottom bar,
 * within reach from a wheelchair; "Beginscherm" brings them home from any
 * depth. */
static void test_controls_within_reach(void **state)
{
	static const char *const bar[] = { "Terug", "Beginscherm", "Lees voor",
					   "Taal", "Grotere letters" };
	struct fake_kiosk *k = *state;
	size_t i;

	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, FLYER);
	for (i = 0; i < sizeof(bar) / sizeof(bar[0]); i++) {
		const struct hit *h = fake_hit(k, bar[i]);

		if (!h)
			fail_msg("no \"%s\" on the flyer screen", bar[i]);
		if (h->r.y < FAKE_H * 3 / 4)
			fail_msg("\"%s\" is at y=%d, not in the bottom bar",
				 bar[i], h->r.y);
	}
	fake_tap(k, "Beginscherm");
	assert_true(shows(k, SHOWN_HOME));
	/* and "Terug" after that has nowhere further back to go */
	assert_null(fake_hit(k, "Terug"));
}

static void test_larger_text_makes_letters_bigger(void **state)
{
	struct fake_kiosk *k = *state;
	const char *body = ASK_Q;
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
	assert_true(shows(k, SHOWN_HOME));
	assert_false(fake_visible(k, "Over deze kiosk"));

	fake_long_press(k, "Proeftuin Ussen");
	assert_true(shows(k, SHOWN_INFO));
	assert_true(fake_visible(k, "Over deze kiosk"));
	assert_true(fake_visible(k, "Versie " APP_VERSION));
	assert_true(fake_visible(k, FAKE_CONTENT));
	assert_false(fake_visible(k, HOME_Q));

	fake_tap(k, "Sluiten");
	assert_true(shows(k, SHOWN_HOME));
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
	assert_true(shows(k, SHOWN_TILE));
}

static void test_flyer_opens_on_first_page_and_turns(void **state)
{
	struct fake_kiosk *k = *state;
	const struct draw_cmd *c;

	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, FLYER);
	assert_true(shows(k, SHOWN_FLYER));
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
	assert_true(shows(k, SHOWN_TILE));
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
	assert_non_null(fake_hit(k, "Hele pagina"));
	assert_null(fake_hit(k, "Vergroten"));
	c = shown_flyer(fake_frame(k));
	assert_non_null(c);
	/* a part of the page fills the place */
	assert_true(c->src.w > 0 && c->src.w <= 1000);
	assert_true(c->src.h > 0 && c->src.h < 1000);

	fake_tap(k, "Hele pagina");
	assert_non_null(fake_hit(k, "Vergroten"));
	assert_null(fake_hit(k, "Hele pagina"));
	assert_int_equal(shown_flyer(fake_frame(k))->src.w, 0);

	/* turning the page shows the next page whole */
	fake_tap(k, "Vergroten");
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Pagina 2 van 4"));
	assert_non_null(fake_hit(k, "Vergroten"));
	assert_int_equal(shown_flyer(fake_frame(k))->src.w, 0);
}

static void test_news_item_shows_its_video_code(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Nieuws");
	assert_true(fake_visible(k, "19 januari 2024"));
	fake_tap(k, "De proeftuin op tv");
	assert_true(shows(k, SHOWN_NEWS));
	assert_true(fake_visible(k, "EenVandaag"));
	assert_true(fake_visible(k, "Bekijk de reportage op uw telefoon: "
				    "scan de code."));
	assert_non_null(qr_of(fake_frame(k), "https://video.example/eenvandaag/"
					     "2024-01-19-proeftuin-oss"));
	fake_tap(k, "Terug");
	assert_true(shows(k, SHOWN_TILE));
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
	assert_true(shows(k, SHOWN_NEWS));
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
	fake_language(k, "English");
	fake_tap(k, "Larger text");
	fake_tap(k, "Step by step");
	fake_tap(k, "Next");
	assert_true(fake_visible(k, "Step 2 of 7"));

	deurne = content_load("content/deurne", CONTENT_QUICK, NULL, NULL, NULL,
			      &e);
	if (!deurne)
		fail_msg("content/deurne: %s", e.msg);
	app_set_content(k->a, deurne, "content/deurne");
	assert_ptr_equal(k->a->content, deurne);
	assert_true(shows(k, SHOWN_ATTRACT));
	assert_true(fake_visible(k, "Proeftuin Deurne"));
	assert_false(fake_visible(k, "Proeftuin Ussen"));
	assert_true(same_rgb(k->a->theme.header_bg, wijnrood));

	fake_tap(k, START);
	assert_non_null(fake_hit(k, "Zo werken we"));
	assert_null(fake_hit(k, "Stap voor stap"));
	assert_null(fake_hit(k, "Taal")); /* Deurne is Dutch only */
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
	assert_true(shows(k, SHOWN_BROKEN));
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
	assert_true(shows(k, SHOWN_BROKEN));
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_true(fake_visible(k, "Tijdelijk buiten gebruik"));

	/* a pack that works brings it back */
	app_set_content(
		k->a,
		content_load(FAKE_CONTENT, CONTENT_QUICK, NULL, NULL, NULL, &e),
		FAKE_CONTENT);
	assert_non_null(k->a->content);
	assert_true(shows(k, SHOWN_ATTRACT));
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
	assert_true(fake_visible(k, ASK_Q));
	fake_wait(k, 1);
	assert_true(fake_visible(k, "Bent u er nog?"));
	assert_true(fake_visible(k, "Over 30 seconden"));
	assert_non_null(fake_hit(k, "Ja, ik ben er nog"));
	/* the page is hidden behind the question */
	assert_false(fake_visible(k, ASK_Q));
	assert_null(fake_hit(k, "Terug"));
}

static void test_no_idle_prompt_on_attract(void **state)
{
	struct fake_kiosk *k = *state;

	fake_wait(k, 10 * idle_ms(k));
	assert_true(shows(k, SHOWN_ATTRACT));
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
	assert_true(shows(k, SHOWN_TILE));
	assert_true(fake_visible(k, "Wie doen mee?"));
	assert_true(fake_visible(k, "Brabant Wonen"));
	/* the visitor gets the whole idle time again */
	fake_wait(k, idle_ms(k) - 1);
	assert_false(fake_visible(k, "Bent u er nog?"));
	fake_wait(k, 1);
	assert_true(fake_visible(k, "Bent u er nog?"));
}

/* Bytes of needle anywhere in n bytes at p. */
static int memory_holds(const void *p, size_t n, const char *needle)
{
	return memmem(p, n, needle, strlen(needle)) != NULL;
}

static void test_countdown_wipes_everything(void **state)
{
	struct fake_kiosk *k = *state;
	struct app *a = k->a;
	const char *secret = "Dorpsstraat 12, 5555 AB";
	struct visit fresh;
	int normal_px;

	fake_tap(k, START);
	normal_px = font_px_of(k, HOME_Q);
	fake_language(k, "English");
	fake_tap(k, "Larger text");
	fake_tap(k, "Leaflets");
	fake_tap(k, "The Samenwerkwijze in brief (in Dutch)");
	fake_tap(k, "Zoom in");
	fake_tap(k, "Next");
	assert_true(fake_visible(k, "Page 2 of 4"));
	/* the canary: as if typed on the on-screen keyboard, and shown */
	snprintf(a->visit.typed, sizeof(a->visit.typed), "%s", secret);
	a->visit.typing = 1;
	draw_text_item(&a->ui.dl, (struct rect){ 0, 0, 10, 10 }, secret);
	assert_true(memory_holds(a, sizeof(*a), secret));

	fake_wait(k, idle_ms(k));
	assert_true(fake_visible(k, "Are you still there?"));
	fake_wait(k, VISIT_PROMPT_SECONDS * 1000 - 1);
	assert_true(fake_visible(k, "In 1 second the kiosk"));
	fake_wait(k, 1);

	/* the whole visit is as new: not one field was forgotten */
	visit_wipe(&fresh, a->now);
	fresh.last_input = a->visit.last_input;
	assert_memory_equal(&a->visit, &fresh, sizeof(fresh));
	/* and no byte of the canary is anywhere in the app, the ui's last
	 * frame and its scratch included */
	if (memory_holds(a, sizeof(*a), secret))
		fail_msg("the typed text survived the wipe in struct app");

	/* back at the start, in Dutch, normal letters, nothing left */
	assert_true(shows(k, SHOWN_ATTRACT));
	assert_non_null(fake_hit(k, START));
	assert_false(fake_visible(k, "Are you still there?"));
	assert_false(fake_visible(k, "Bent u er nog?"));
	assert_false(fake_visible(k, secret));
	fake_tap(k, START);
	assert_true(fake_visible(k, HOME_Q));
	assert_int_equal(font_px_of(k, HOME_Q), normal_px);
	/* the flyers open on their grid's first screen, the flyer on its
	 * first page, not zoomed */
	fake_tap(k, "Folders");
	fake_tap(k, FLYER);
	assert_true(fake_visible(k, "Pagina 1 van 4"));
	assert_non_null(fake_hit(k, "Vergroten"));
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
	assert_true(shows(k, SHOWN_TILE));

	fake_wait(k, idle_ms(k) - 1);
	assert_false(fake_visible(k, "Bent u er nog?"));
	fake_wait(k, 1);
	assert_true(fake_visible(k, "Bent u er nog?"));
}

/* ---- right to left ---- */

/* Arabic turns the screen around: "Back" and "Start" on the right half,
 * "Next" on the left; a swipe to the right turns to the next step; the
 * contact line with an e-mail address reads in the right order. */
static void test_arabic_layout_is_mirrored(void **state)
{
	struct fake_kiosk *k =
		fake_kiosk_start_assets(FAKE_RTL_CONTENT, FAKE_RTL_ASSETS, 1);
	const struct hit *h;
	const struct draw_list *dl;
	const struct draw_cmd *ar, *mail;

	(void)state;
	fake_tap(k, START);
	/* Dutch first: back at the left, as always */
	fake_tap(k, "Stap voor stap");
	h = fake_hit(k, "Terug");
	assert_non_null(h);
	assert_true(h->r.x + h->r.w <= FAKE_W / 2);
	fake_language(k, "العربية");
	assert_true(fake_visible(k, "الخطوة 1 من 3"));
	h = fake_hit(k, "رجوع");
	assert_non_null(h);
	assert_true(h->r.x >= FAKE_W / 2);
	h = fake_hit(k, "البداية");
	assert_non_null(h);
	assert_true(h->r.x >= FAKE_W / 2);
	h = fake_hit(k, "التالي");
	assert_non_null(h);
	assert_true(h->r.x + h->r.w <= FAKE_W / 2);
	/* the language and text-size buttons moved to the left end */
	h = fake_hit(k, "اللغة");
	assert_non_null(h);
	assert_true(h->r.x + h->r.w <= FAKE_W / 2);
	/* a swipe to the right is "next" in Arabic */
	fake_swipe(k, +1);
	assert_true(fake_visible(k, "الخطوة 2 من 3"));
	fake_swipe(k, -1);
	assert_true(fake_visible(k, "الخطوة 1 من 3"));
	/* "Next" is a tap away where it is seen */
	fake_tap(k, "التالي");
	assert_true(fake_visible(k, "الخطوة 2 من 3"));
	/* home: the contact line, Arabic at the right, the address to its
	 * left, read left to right */
	fake_tap(k, "البداية");
	dl = fake_frame(k);
	ar = fake_text_cmd(dl, "بريد");
	mail = fake_text_cmd(dl, "vraag@ussen.example");
	assert_non_null(ar);
	assert_non_null(mail);
	assert_ptr_not_equal(ar, mail);
	assert_true(mail->r.x + mail->r.w <= ar->r.x);
	assert_int_equal(ar->rtl, 1);
	assert_int_equal(mail->rtl, 0);
	/* and back to Dutch: the layout turns back */
	fake_tap(k, "اللغة");
	fake_tap(k, "Nederlands");
	h = fake_hit(k, "Taal");
	assert_non_null(h);
	assert_true(h->r.x >= FAKE_W / 2);
	fake_kiosk_free(k);
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
	enum route at = visit_at(&a->visit)->route;
	int i;

	if (a->visit.prompt)
		return 0;
	if (at == ROUTE_ATTRACT && h->r.x == 0 && h->r.y == 0 &&
	    h->r.w == a->width && h->r.h == a->height)
		return 1;
	if (at != ROUTE_HOME || strcmp(h->label, a->content->name))
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
	/* read aloud: every screen has words to speak, from its own lists */
	{
		struct readaloud r = { 0 };

		if (readaloud_compose(&r, dl, "Knop: {1}") == 0)
			problem(w, where, "nothing to read aloud");
		readaloud_wipe(&r);
	}
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

		if (c->kind != DRAW_TEXT)
			continue;
		if (cap + 1e-9 < MIN_CAP_MM)
			problem(w, where,
				"text \"%s\" has letters %.1f mm "
				"high, needs %.1f mm",
				c->text, cap, MIN_CAP_MM);
		/* in either direction, no line runs off the screen */
		if (c->r.x < 0 || c->r.x + c->r.w > a->width || c->r.y < 0 ||
		    c->r.y + c->r.h > a->height)
			problem(w, where, "text \"%s\" runs off the screen",
				c->text);
	}
}

/* Walks every screen of the pack in every language and both text sizes,
 * with the kiosk's words from assets; a language whose words are written
 * right to left is walked mirrored. The pack has at least want_langs
 * languages (translators add more). Returns how many languages were
 * walked right to left. */
static int walk_pack_assets(const char *dir, const char *assets, int want_langs)
{
	struct fake_kiosk *k = fake_kiosk_start_assets(dir, assets, 1);
	struct walk w = { k->a, 0, 0 };
	int lang, large, n, least, rtl = 0;

	assert_true(k->a->content->nlangs >= want_langs);
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
			assert_true(shows(k, SHOWN_ATTRACT));
		}
	for (lang = 0; lang < k->a->content->nlangs; lang++) {
		int i = i18n_find(&k->a->i18n, k->a->content->langs[lang]);

		rtl += i >= 0 && k->a->i18n.langs[i].rtl;
	}
	if (w.problems)
		fail_msg("%s: %d accessibility problems on %d screens (above)",
			 dir, w.problems, w.screens);
	fake_kiosk_free(k);
	return rtl;
}

static void walk_pack(const char *dir, int want_langs)
{
	walk_pack_assets(dir, FAKE_ASSETS, want_langs);
}

static void test_every_screen_of_ussen_is_accessible(void **state)
{
	(void)state;
	walk_pack("content/ussen", 4);
}

static void test_every_screen_of_deurne_is_accessible(void **state)
{
	(void)state;
	walk_pack("content/deurne", 1);
}

/* The same walk mirrored, in Arabic, on the small test pack; Ussen is
 * walked in Arabic by the test above as soon as it and the kiosk's own
 * words have Arabic. */
static void test_every_screen_in_arabic_is_accessible(void **state)
{
	(void)state;
	assert_int_equal(walk_pack_assets(FAKE_RTL_CONTENT, FAKE_RTL_ASSETS, 2),
			 1);
}

/* ---- read aloud ---- */

/* The speaker button reads the screen in its language, marks the
 * sentence being heard, and a tap anywhere stops it at once. */
static void test_read_aloud_and_stop(void **state)
{
	struct fake_kiosk *k = *state;
	const char *lang = NULL;
	const char *const *lines = NULL;
	int n = 0, i, marked = 0;
	const struct draw_list *dl;

	fake_tap(k, START);
	fake_tap(k, "Stap voor stap");
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_NONE);
	fake_tap(k, "Lees voor");
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_START);
	assert_string_equal(lang, "nl");
	/* title first, then the body, then the buttons */
	assert_true(n > 5);
	assert_string_equal(lines[0], "Stap voor stap");
	assert_string_equal(lines[1], "Stap 1 van 7");
	assert_string_equal(lines[n - 1], "Knop: Volgende");
	/* the button says what it does now */
	assert_non_null(fake_hit(k, "Stop met lezen"));
	/* the sentence being heard is marked with a frame around it */
	app_speech_heard(k->a, 1);
	dl = fake_frame(k);
	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_FRAME &&
		    dl->cmds[i].color.r == k->a->theme.accent.r &&
		    dl->cmds[i].color.g == k->a->theme.accent.g &&
		    dl->cmds[i].color.b == k->a->theme.accent.b)
			marked = 1;
	assert_true(marked);
	/* a tap anywhere, even on nothing, ends it */
	fake_tap_xy(k, FAKE_W / 2, FAKE_H / 2);
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_STOP);
	assert_non_null(fake_hit(k, "Lees voor"));

	/* in English, English words */
	fake_language(k, "English");
	fake_tap(k, "Read aloud");
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_START);
	assert_string_equal(lang, "en");
	assert_string_equal(lines[0], "Step by step");
	assert_string_equal(lines[n - 1], "Button: Next");
	/* leaving the screen stops it, and so does the idle wipe */
	fake_tap(k, "Next");
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_STOP);
	fake_tap(k, "Read aloud");
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_START);
	fake_wait(k, idle_ms(k) + VISIT_PROMPT_SECONDS * 1000);
	assert_true(shows(k, SHOWN_ATTRACT));
	assert_int_equal(app_speech_take(k->a, &lang, &lines, &n),
			 APP_SPEECH_STOP);
	assert_int_equal(k->a->speech.n, 0);
}

/* ---- long documents ---- */

/* A pack with one tile of `kind` whose nl.md has n "## " sections. */
static struct fake_kiosk *long_pack(char *dir, size_t size, const char *kind,
				    int n)
{
	char ini[256], *md = calloc((size_t)n + 1, 200);
	size_t used = 0;
	int i;

	assert_non_null(md);
	fake_tmpdir(dir, size);
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Lang\n"
		   "[home]\ntiles = lang\n");
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	snprintf(ini, sizeof(ini), "[tile]\nkind = %s\ntitle = Lang\n", kind);
	fake_write(dir, "lang/tile.ini", ini);
	used += (size_t)sprintf(md, "# Lang\n\n");
	for (i = 1; i <= n; i++)
		used += (size_t)sprintf(md + used,
					"## Deel nummer %d\n\nTekst van "
					"deel %d.\n\n",
					i, i);
	fake_write(dir, "lang/nl.md", md);
	free(md);
	return fake_kiosk_start(dir, 1);
}

/* A guide of 100 steps is long, but every step can be reached: no step
 * is silently dropped and the count tells the truth. */
static void test_hundred_steps_all_reachable(void **state)
{
	struct fake_kiosk *k;
	char dir[64];
	int i;

	(void)state;
	k = long_pack(dir, sizeof(dir), "steps", 100);
	fake_tap(k, START);
	fake_tap(k, "Lang");
	assert_true(fake_visible(k, "Stap 1 van 100"));
	assert_true(fake_visible(k, "Deel nummer 1"));
	for (i = 1; i < 100 && fake_hit(k, "Volgende"); i++)
		fake_tap(k, "Volgende");
	assert_int_equal(i, 100);
	assert_true(fake_visible(k, "Stap 100 van 100"));
	assert_true(fake_visible(k, "Deel nummer 100"));
	assert_true(fake_visible(k, "Tekst van deel 100."));
	fake_kiosk_free(k);
	fake_rmtree(dir);
}

/* A page of 100 sections: every section is on exactly one screenful, in
 * order, and the walker for previews finds every screenful. */
static void walk_count(void *ctx, const char *name, const char *file,
		       const struct draw_list *dl)
{
	(void)name;
	(void)file;
	(void)dl;
	(*(int *)ctx)++;
}

static void test_hundred_sections_page_by_page(void **state)
{
	struct fake_kiosk *k;
	char dir[64], want[64], where[64];
	int next = 1, parts = 0, walked = 0, i;

	(void)state;
	k = long_pack(dir, sizeof(dir), "page", 100);
	fake_tap(k, START);
	fake_tap(k, "Lang");
	for (;;) {
		const struct draw_list *dl = fake_frame(k);

		parts++;
		/* sections come in order, none skipped */
		for (i = 0; i < dl->ntexts; i++) {
			snprintf(want, sizeof(want), "Deel nummer %d", next);
			if (strcmp(dl->texts[i].text, want) == 0)
				next++;
		}
		if (!fake_hit(k, "Volgende"))
			break;
		fake_tap(k, "Volgende");
	}
	assert_int_equal(next, 101);
	snprintf(where, sizeof(where), "Deel %d van %d", parts, parts);
	assert_true(fake_visible(k, where));
	/* attract, home, every screenful, the staff facts, the prompt */
	app_walk(k->a, 0, 0, walk_count, &walked);
	assert_int_equal(walked, 2 + parts + 2);
	fake_kiosk_free(k);
	fake_rmtree(dir);
}

/* The bytes of a small PNG of the demo pack, for packs a test makes.
 * Caller frees. */
static char *a_picture(long *size)
{
	FILE *png = fopen("content/ussen/folders/drie-vragen.png", "rb");
	char *bytes;

	assert_non_null(png);
	fseek(png, 0, SEEK_END);
	*size = ftell(png);
	rewind(png);
	bytes = malloc((size_t)*size);
	assert_non_null(bytes);
	assert_int_equal(fread(bytes, 1, (size_t)*size, png), (size_t)*size);
	fclose(png);
	return bytes;
}

/* A flyer with a file of its own in English (file.en): the visitor who
 * chose English sees that file, on the grid and opened. */
/* A PDF flyer open while the visitor picks another language (Arabic,
 * which has no file of its own) goes on showing its pages: it once said
 * "cannot be shown" because its page count was forgotten with the old
 * language and not learnt again. */
static void test_flyer_survives_a_language_change(void **state)
{
	struct fake_kiosk *k = *state;

	fake_tap(k, START);
	fake_tap(k, "Folders");
	fake_tap(k, "De Samenwerkwijze in het kort");
	assert_false(fake_visible(k, "Deze folder kan nu niet"));
	fake_language(k, "العربية");
	assert_true(fake_visible(k, "طريقة العمل معًا باختصار"));
	assert_false(fake_visible(k, "لا يمكن عرض هذه النشرة"));
	assert_non_null(fake_hit(k, "التالي"));
}

static void test_flyer_in_the_visitors_language(void **state)
{
	struct fake_kiosk *k;
	char dir[64];
	long size;
	char *bytes;
	const struct draw_list *dl;
	int i, nl = 0, en = 0;

	(void)state;
	bytes = a_picture(&size);
	fake_tmpdir(dir, sizeof(dir));
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Twee\n"
		   "languages = nl, en\n[home]\ntiles = folders\n");
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "folders/tile.ini",
		   "[tile]\nkind = flyers\ntitle = Folders\n"
		   "title.en = Leaflets\n");
	fake_write_n(dir, "folders/nl.png", bytes, (size_t)size);
	fake_write_n(dir, "folders/en.png", bytes, (size_t)size);
	free(bytes);
	fake_write(dir, "folders/folders.ini",
		   "[nl.png]\ntitle = De folder\ntitle.en = The leaflet\n"
		   "file.en = en.png\n");
	k = fake_kiosk_start(dir, 1);
	fake_tap(k, START);
	fake_language(k, "English");
	fake_tap(k, "Leaflets");
	fake_tap(k, "The leaflet");
	dl = fake_frame(k);
	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_IMAGE && dl->cmds[i].text) {
			en += strstr(dl->cmds[i].text, "folders/en.png") !=
			      NULL;
			nl += strstr(dl->cmds[i].text, "folders/nl.png") !=
			      NULL;
		}
	assert_true(en > 0);
	assert_int_equal(nl, 0);
	/* back in Dutch, the Dutch file */
	fake_language(k, "Nederlands");
	dl = fake_frame(k);
	for (i = 0, en = nl = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_IMAGE && dl->cmds[i].text) {
			en += strstr(dl->cmds[i].text, "folders/en.png") !=
			      NULL;
			nl += strstr(dl->cmds[i].text, "folders/nl.png") !=
			      NULL;
		}
	assert_true(nl > 0);
	assert_int_equal(en, 0);
	fake_kiosk_free(k);
	fake_rmtree(dir);
}

/* Back from a flyer returns to the screenful of the grid it came from;
 * the grid opened anew from home starts at the front. */
static void test_back_returns_to_the_same_screenful(void **state)
{
	struct fake_kiosk *k;
	char dir[64], ini[2048], name[32], title[32];
	size_t used = 0;
	long size;
	char *bytes;
	int i;

	(void)state;
	bytes = a_picture(&size);
	fake_tmpdir(dir, sizeof(dir));
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Veel\n"
		   "[home]\ntiles = folders\n");
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "folders/tile.ini",
		   "[tile]\nkind = flyers\ntitle = Folders\n");
	for (i = 1; i <= 9; i++) {
		snprintf(name, sizeof(name), "folders/f%d.png", i);
		fake_write_n(dir, name, bytes, (size_t)size);
		used += (size_t)snprintf(ini + used, sizeof(ini) - used,
					 "[f%d.png]\ntitle = Folder %d\n", i,
					 i);
	}
	free(bytes);
	fake_write(dir, "folders/folders.ini", ini);
	k = fake_kiosk_start(dir, 1);

	fake_tap(k, START);
	fake_tap(k, "Folders");
	assert_true(fake_visible(k, "Deel 1 van 2"));
	fake_tap(k, "Volgende");
	assert_true(fake_visible(k, "Deel 2 van 2"));
	snprintf(title, sizeof(title), "Folder %d", 8);
	fake_tap(k, title);
	assert_true(shows(k, SHOWN_FLYER));
	fake_tap(k, "Terug");
	/* the same screenful of the grid, with the same flyer on it */
	assert_true(fake_visible(k, "Deel 2 van 2"));
	assert_non_null(fake_hit(k, title));
	fake_tap(k, "Terug");
	fake_tap(k, "Folders");
	assert_true(fake_visible(k, "Deel 1 van 2"));
	fake_kiosk_free(k);
	fake_rmtree(dir);
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
		T(test_language_chooser),
		T(test_controls_within_reach),
		T(test_read_aloud_and_stop),
		cmocka_unit_test(test_flyer_in_the_visitors_language),
		cmocka_unit_test_setup_teardown(
			test_flyer_survives_a_language_change, fake_setup,
			fake_teardown),
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
		cmocka_unit_test(test_hundred_steps_all_reachable),
		cmocka_unit_test(test_hundred_sections_page_by_page),
		cmocka_unit_test(test_back_returns_to_the_same_screenful),
		cmocka_unit_test(test_every_screen_of_ussen_is_accessible),
		cmocka_unit_test(test_every_screen_of_deurne_is_accessible),
		cmocka_unit_test(test_every_screen_in_arabic_is_accessible),
		cmocka_unit_test(test_arabic_layout_is_mirrored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
