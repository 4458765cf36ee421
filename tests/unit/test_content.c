/*
 * test_content: loading content packs, the folders staff edit (the format
 * is in content/LEESMIJ.md). The demo packs load with their tiles in order
 * and, for Ussen, in both languages. A broken pack never loads, and the
 * report says in Dutch what is wrong, in which file and on which line
 * (where the loader knows it), because staff, not programmers, fix packs.
 * The report holds every problem at once, and warnings that do not stop a
 * pack apart from errors. Each broken pack is a small good pack written to
 * a scratch folder with one thing spoiled.
 */
#include "fake.h"

#include "core/content/content.h"

#define WELKOM_NL "Fijn dat u er bent.\n\n## Koffie\n\nDe koffie staat klaar.\n"

/* A whole PNG file of 4 x 4 pixels (the deep check decodes it). */
static const unsigned char PNG[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
	0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
	0x00, 0x04, 0x08, 0x06, 0x00, 0x00, 0x00, 0xa9, 0xf1, 0x9e, 0x7e,
	0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63,
	0x50, 0x48, 0x58, 0xf0, 0x1f, 0x19, 0x33, 0x90, 0x2e, 0x00, 0x00,
	0x6b, 0x78, 0x21, 0xf1, 0x9b, 0x38, 0x3a, 0x42, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* A small pack that loads: two pages, the second without English, and a
 * news tile with one item. */
static void write_pack(const char *dir)
{
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "languages = nl, en\n"
		   "idle_seconds = 90\n"
		   "\n"
		   "[home]\n"
		   "tiles = welkom, hulp, nieuws\n");
	fake_write(dir, "attract.nl.txt", "# wachtscherm\nWelkom!\n");
	fake_write(dir, "attract.en.txt", "Welcome to the neighbourhood.\n");
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n");
	fake_write(dir, "welkom/nl.md", WELKOM_NL);
	fake_write(dir, "welkom/en.md", "Good to see you.\n");
	fake_write(dir, "hulp/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Hulp\n"
		   "title.en = Help\n");
	fake_write(dir, "hulp/nl.md", "Vraag het ons.\n");
	fake_write(dir, "nieuws/tile.ini",
		   "[tile]\n"
		   "kind = news\n"
		   "title = Nieuws\n"
		   "title.en = News\n");
	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n");
}

static int setup(void **state)
{
	if (fake_tmp_setup(state) < 0)
		return -1;
	write_pack(*state);
	return 0;
}

/* Loads dir as content_load() does and prints the report r gets. */
static struct content *load_depth(const char *dir, enum content_depth depth,
				  content_probe_fn probe, void *probe_ctx,
				  struct content_report *r, struct err *e)
{
	struct content *c;
	char line[700];
	int i;

	memset(r, 0, sizeof(*r));
	c = content_load(dir, depth, probe, probe_ctx, r, e);
	for (i = 0; i < r->n; i++) {
		content_diag_format(&r->items[i], line, sizeof(line));
		print_message("  %s\n", line);
	}
	return c;
}

/* The quick load of the kiosk's start. */
static struct content *load(const char *dir, struct content_report *r,
			    struct err *e)
{
	return load_depth(dir, CONTENT_QUICK, NULL, NULL, r, e);
}

/* The index of the report line that contains both `where` and `what`, or
 * -1. */
static int find_diag(const struct content_report *r, const char *where,
		     const char *what)
{
	char line[700];
	int i;

	for (i = 0; i < r->n; i++) {
		content_diag_format(&r->items[i], line, sizeof(line));
		if (strstr(line, where) && strstr(line, what))
			return i;
	}
	return -1;
}

/* Loading the pack in dir fails with a message containing `where` (the
 * file, and the line when known) and `what` (the Dutch reason). */
static void load_fails(const char *dir, const char *where, const char *what)
{
	struct content_report r;
	struct err e = { "" };
	struct content *c = load(dir, &r, &e);

	if (c) {
		content_free(c);
		content_report_release(&r);
		fail_msg("the broken pack loaded (wanted: %s ... %s)", where,
			 what);
	}
	content_report_release(&r);
	if (!strstr(e.msg, where) || !strstr(e.msg, what))
		fail_msg("message \"%s\" should name \"%s\" and say \"%s\"",
			 e.msg, where, what);
}

/* Loads the pack in dir, which must work; fails the test otherwise. */
static struct content *load_ok(const char *dir, struct content_report *r)
{
	struct err e = { "" };
	struct content *c = load(dir, r, &e);

	if (!c) {
		content_report_release(r);
		fail_msg("the pack %s did not load: %s", dir, e.msg);
	}
	return c;
}

/* ---- the demo packs ---- */

static void test_ussen_loads_without_problems(void **state)
{
	static const char *const ids[] = {
		"werkwijze", "stappen", "folders",	"partners", "nieuws",
		"vraag",     "doe-mee", "activiteiten", "enquete"
	};
	static const enum tile_kind kinds[] = { TILE_WERKWIJZE,	  TILE_STEPS,
						TILE_FLYERS,	  TILE_PARTNERS,
						TILE_NEWS,	  TILE_ASK,
						TILE_INITIATIVES, TILE_EVENTS,
						TILE_SURVEY };
	static const char *const en[] = { "How we work", "Step by step",
					  "Leaflets",	 "Who takes part?",
					  "News",	 "Ask a question",
					  "Join in",	 "Activities",
					  "Survey" };
	static const char *const tr[] = {
		"Çalışma şeklimiz",  "Adım adım",   "Broşürler",
		"Kimler katılıyor?", "Haberler",    "Soru sorun",
		"Katılın",	     "Etkinlikler", "Anket"
	};
	static const char *const ar[] = {
		"طريقة عملنا", "خطوة بخطوة", "نشرات",	"من يشارك؟", "أخبار",
		"لديك سؤال؟",  "شارك معنا",  "الأنشطة", "استبيان"
	};
	struct content_report r;
	struct content *c = load_ok("content/ussen", &r);
	char **lines;
	int i, l;

	(void)state;
	assert_int_equal(r.errors, 0);
	/* the survey is in Dutch and English only (its Turkish and Arabic
	 * wait for a translator): those two languages are the only remark */
	for (i = 0; i < r.n; i++)
		if (strcmp(r.items[i].file, "enquete/enquete.ini") != 0 ||
		    !strstr(r.items[i].msg, "in taal"))
			fail_msg("unexpected remark: %s:%d: %s",
				 r.items[i].file, r.items[i].line,
				 r.items[i].msg);
	assert_true(r.warnings <= 2);
	assert_string_equal(c->name, "Proeftuin Ussen");
	assert_int_equal(c->nlangs, 4);
	assert_string_equal(c->langs[0], "nl");
	assert_string_equal(c->langs[1], "en");
	assert_string_equal(c->langs[2], "tr");
	assert_string_equal(c->langs[3], "ar");
	assert_int_equal(c->idle_seconds, 90);
	assert_int_equal(c->ntiles, 9);
	for (i = 0; i < 9; i++) {
		const struct tile *t = &c->tiles[i];

		assert_string_equal(t->id, ids[i]);
		assert_int_equal(t->kind, kinds[i]);
		assert_string_equal(text_get(&t->title, 1), en[i]);
		assert_string_equal(text_get(&t->title, 2), tr[i]);
		assert_string_equal(text_get(&t->title, 3), ar[i]);
		if (t->kind == TILE_PAGE || t->kind == TILE_WERKWIJZE ||
		    t->kind == TILE_STEPS)
			for (l = 0; l < 4; l++)
				assert_true(t->doc[l].nblocks > 0);
	}
	assert_string_equal(text_get(&c->tiles[0].title, 0), "De werkwijze");
	assert_int_equal(c->tiles[2].nflyers, 3);
	assert_int_equal(c->tiles[3].npartners, 5);
	assert_int_equal(c->tiles[4].nnews, 5);
	/* the ask tile: six topics, each with choices in all four
	 * languages; the initiatives: four, one without a kiosk sign-up */
	assert_int_equal(c->tiles[5].ntopics, 6);
	for (i = 0; i < c->tiles[5].ntopics; i++)
		for (l = 0; l < ASK_QUESTIONS; l++) {
			const struct ask_topic *tp = &c->tiles[5].topics[i];

			assert_in_range(tp->nchoices[l], 3, ASK_CHOICES_MAX);
			assert_non_null(
				tp->choices[l][tp->nchoices[l] - 1].s[3]);
		}
	assert_int_equal(c->tiles[6].ninitiatives, 4);
	assert_false(c->tiles[6].initiatives[2].signup);
	assert_true(content_wants_signups(c));
	assert_int_equal(c->tiles[7].nevents, 5);
	assert_true(c->has_hours);
	assert_true(content_highlights(c, 0, &lines) > 0);
	assert_string_equal(lines[0],
			    "Wat wil je? Wat kan je zelf? Wat heb je nodig?");
	for (l = 1; l < 4; l++)
		assert_true(content_highlights(c, l, &lines) > 0);
	content_free(c);
	content_report_release(&r);
}

static void test_deurne_and_voorbeeld_load(void **state)
{
	struct content_report r;
	struct content *c = load_ok("content/deurne", &r);

	(void)state;
	assert_int_equal(r.errors, 0);
	assert_string_equal(c->name, "Proeftuin Deurne");
	assert_int_equal(c->nlangs, 1);
	assert_int_equal(c->idle_seconds, 120);
	assert_int_equal(c->ntiles, 9);
	assert_string_equal(c->tiles[0].id, "werkwijze");
	assert_string_equal(c->tiles[6].id, "vraag");
	assert_int_equal(c->tiles[6].kind, TILE_ASK);
	assert_int_equal(c->tiles[6].ntopics, 6);
	assert_string_equal(c->tiles[7].id, "doe-mee");
	assert_int_equal(c->tiles[7].kind, TILE_INITIATIVES);
	assert_int_equal(c->tiles[7].ninitiatives, 4);
	assert_int_equal(c->tiles[8].kind, TILE_SURVEY);
	content_free(c);
	content_report_release(&r);

	c = load_ok("content/voorbeeld", &r);
	assert_int_equal(r.errors, 0);
	assert_string_equal(c->name, "Wijkcentrum De Linde");
	assert_int_equal(c->ntiles, 2);
	content_free(c);
	content_report_release(&r);
}

/* Newest news first, whatever the order in nieuws.ini. */
static void test_news_newest_first(void **state)
{
	struct content_report r;
	struct content *c = load_ok("content/ussen", &r);
	const struct tile *t = &c->tiles[4];
	int i;

	(void)state;
	assert_int_equal(t->kind, TILE_NEWS);
	assert_string_equal(text_get(&t->news[0].title, 0),
			    "Nieuw: de wijkkiosk");
	for (i = 0; i + 1 < t->nnews; i++)
		assert_true(t->news[i].date >= t->news[i + 1].date);
	assert_string_equal(text_get(&t->news[t->nnews - 1].title, 0),
			    "De proeftuin op tv");
	content_free(c);
	content_report_release(&r);
}

/* ---- a pack that loads ---- */

static void test_small_pack_loads_and_falls_back_to_dutch(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c = load_ok(dir, &r);
	char **lines;

	assert_int_equal(r.errors, 0);
	assert_int_equal(c->ntiles, 3);
	assert_string_equal(text_get(&c->tiles[0].title, 1), "Welcome");
	assert_string_equal(tile_doc(&c->tiles[0], 1)->blocks[0].text,
			    "Good to see you.");
	/* no hulp/en.md: an English visitor reads the Dutch page */
	assert_string_equal(tile_doc(&c->tiles[1], 1)->blocks[0].text,
			    "Vraag het ons.");
	/* the comment line is not shown on the attract screen */
	assert_int_equal(content_highlights(c, 0, &lines), 1);
	assert_string_equal(lines[0], "Welkom!");
	content_free(c);
	content_report_release(&r);
}

static void test_missing_translation_is_a_warning(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c = load_ok(dir, &r);
	char line[700];
	int i;

	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 1);
	i = find_diag(&r, "hulp/en.md", "vertaling ontbreekt");
	assert_true(i >= 0);
	assert_true(r.items[i].warning);
	content_diag_format(&r.items[i], line, sizeof(line));
	assert_string_equal(line, "hulp/en.md: waarschuwing: vertaling "
				  "ontbreekt: de kiosk toont de Nederlandse "
				  "tekst");
	content_free(c);
	content_report_release(&r);

	/* a missing English title too, and both are reported */
	fake_write(dir, "hulp/tile.ini", "[tile]\nkind = page\ntitle = Hulp\n");
	c = load_ok(dir, &r);
	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 2);
	assert_true(find_diag(&r, "hulp/tile.ini", "title.en ontbreekt") >= 0);
	assert_string_equal(text_get(&c->tiles[1].title, 1), "Hulp");
	content_free(c);
	content_report_release(&r);
}

static void test_tiles_follow_kiosk_ini_order(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "languages = nl, en\n"
		   "[home]\n"
		   "tiles = nieuws, welkom, hulp\n");
	c = load_ok(dir, &r);
	assert_int_equal(c->ntiles, 3);
	assert_string_equal(c->tiles[0].id, "nieuws");
	assert_string_equal(text_get(&c->tiles[0].title, 0), "Nieuws");
	assert_string_equal(c->tiles[1].id, "welkom");
	assert_string_equal(c->tiles[2].id, "hulp");
	content_free(c);
	content_report_release(&r);

	/* a folder left out of tiles is not shown */
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "languages = nl, en\n"
		   "[home]\n"
		   "tiles = hulp, welkom\n");
	c = load_ok(dir, &r);
	assert_int_equal(c->ntiles, 2);
	assert_string_equal(c->tiles[0].id, "hulp");
	assert_string_equal(c->tiles[1].id, "welkom");
	content_free(c);
	content_report_release(&r);
}

/* Staff write long lines; no line-length limit may cut them. */
static void test_long_value_is_read_whole(void **state)
{
	const char *dir = *state;
	char text[700], url[400], ini[2000];
	struct content_report r;
	struct content *c;
	const struct news *n;
	size_t len = 0;
	int i;

	/* 600 characters of words, with letters of two bytes on the way */
	for (i = 0; len < 590; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s",
					i % 7 == 3 ? "één " : "woord ");
	snprintf(text + len, sizeof(text) - len, "slot.");
	/* a web address of 300 characters, without a space */
	len = (size_t)snprintf(url, sizeof(url), "https://wijk.example/");
	for (; len < 300; len++)
		url[len] = (char)('a' + len % 26);
	url[len] = '\0';
	snprintf(ini, sizeof(ini),
		 "[open]\n"
		 "title = Open huis\n"
		 "title.en = Open house\n"
		 "date = 2026-11-20\n"
		 "text = %s\n"
		 "text.en = Come and see.\n"
		 "url = %s\n",
		 text, url);
	fake_write(dir, "nieuws/nieuws.ini", ini);
	c = load_ok(dir, &r);
	assert_int_equal(find_diag(&r, "nieuws/nieuws.ini", ""), -1);
	n = &c->tiles[2].news[0];
	assert_string_equal(text_get(&n->body, 0), text);
	assert_string_equal(n->url, url);
	/* the next key is still its own */
	assert_string_equal(text_get(&n->body, 1), "Come and see.");
	content_free(c);
	content_report_release(&r);
}

static void test_semicolon_in_a_value_is_a_warning(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;
	int i;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken ; er is koffie.\n"
		   "text.en = Come and see.\n");
	c = load_ok(dir, &r);
	assert_int_equal(r.errors, 0);
	i = find_diag(&r, "nieuws/nieuws.ini:5", "' ;'");
	if (i < 0)
		fail_msg("no warning on nieuws/nieuws.ini:5 about ' ;'");
	assert_true(r.items[i].warning);
	/* which is right: the rest of the line is gone */
	assert_string_equal(text_get(&c->tiles[2].news[0].body, 0),
			    "Kom kijken");
	content_free(c);
	content_report_release(&r);
}

static void test_unlisted_flyer_is_a_warning(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;
	int i;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "[home]\n"
		   "tiles = welkom, folders\n");
	fake_write(dir, "folders/tile.ini",
		   "[tile]\n"
		   "kind = flyers\n"
		   "title = Folders\n");
	fake_write(dir, "folders/folders.ini",
		   "[markt.png]\n"
		   "title = De markt\n");
	fake_write_n(dir, "folders/markt.png", (const char *)PNG, sizeof(PNG));
	fake_write_n(dir, "folders/oud.png", (const char *)PNG, sizeof(PNG));
	c = load_ok(dir, &r);
	assert_int_equal(c->tiles[1].nflyers, 1);
	assert_string_equal(text_get(&c->tiles[1].flyers[0].title, 0),
			    "De markt");
	i = find_diag(&r, "folders/oud.png", "staat niet in folders.ini");
	assert_true(i >= 0);
	assert_true(r.items[i].warning);
	content_free(c);
	content_report_release(&r);
}

static void test_unknown_language_is_a_warning(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;
	int i;

	fake_write(dir, "hulp/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Hulp\n"
		   "title.en = Help\n"
		   "title.tr = Yardim\n");
	c = load_ok(dir, &r);
	i = find_diag(&r, "hulp/tile.ini:5",
		      "taal 'tr' staat niet bij "
		      "languages");
	assert_true(i >= 0);
	assert_true(r.items[i].warning);
	assert_string_equal(text_get(&c->tiles[1].title, 1), "Help");
	content_free(c);
	content_report_release(&r);
}

static void test_light_colour_is_refused(void **state)
{
	const char *dir = *state;

	/* white letters on light yellow cannot be read */
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "languages = nl, en\n"
		   "color = #FFE680\n"
		   "[home]\n"
		   "tiles = welkom, hulp, nieuws\n");
	load_fails(dir, "kiosk.ini:5", "te weinig contrast");
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "languages = nl, en\n"
		   "color = rood\n"
		   "[home]\n"
		   "tiles = welkom, hulp, nieuws\n");
	load_fails(dir, "kiosk.ini:5", "'rood' is geen kleur");
}

/* ---- a pack that does not load ---- */

static void test_missing_kiosk_ini(void **state)
{
	const char *dir = *state;
	char path[128];

	snprintf(path, sizeof(path), "%s/kiosk.ini", dir);
	assert_int_equal(remove(path), 0);
	load_fails(dir, "kiosk.ini", "bestand ontbreekt");
}

static void test_unknown_setting(void **state)
{
	const char *dir = *state;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "kleur = rood\n"
		   "[home]\n"
		   "tiles = welkom\n");
	load_fails(dir, "kiosk.ini:4", "onbekende instelling 'kleur'");
}

static void test_newer_format(void **state)
{
	const char *dir = *state;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 2\n"
		   "name = Proeftuin Test\n"
		   "[home]\n"
		   "tiles = welkom\n");
	load_fails(dir, "kiosk.ini", "format 2");
	load_fails(dir, "kiosk.ini", "werk de kiosk bij");
}

static void test_missing_page_file(void **state)
{
	const char *dir = *state;
	char path[128];

	snprintf(path, sizeof(path), "%s/hulp/nl.md", dir);
	assert_int_equal(remove(path), 0);
	load_fails(dir, "hulp/nl.md: ", "bestand ontbreekt");
}

static void test_tile_without_folder(void **state)
{
	const char *dir = *state;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "[home]\n"
		   "tiles = welkom, vervoer\n");
	load_fails(dir, "kiosk.ini", "de map 'vervoer' bestaat niet");
}

static void test_tile_without_title(void **state)
{
	const char *dir = *state;

	fake_write(dir, "hulp/tile.ini", "[tile]\nkind = page\n");
	load_fails(dir, "hulp/tile.ini", "'title = ...' ontbreekt in [tile]");
	fake_write(dir, "hulp/tile.ini",
		   "[tile]\nkind = pagina\ntitle = Hulp\n");
	load_fails(dir, "hulp/tile.ini:2", "onbekende soort 'pagina'");
}

static void test_page_with_invalid_utf8(void **state)
{
	const char *dir = *state;

	/* "Café" saved as Latin-1 on line 6 */
	fake_write(dir, "welkom/nl.md", WELKOM_NL "\nHet caf\xe9 is open.\n");
	load_fails(dir, "welkom/nl.md:7", "UTF-8");
}

static void test_settings_with_invalid_utf8(void **state)
{
	const char *dir = *state;

	fake_write(dir, "hulp/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Caf\xe9\n");
	load_fails(dir, "hulp/tile.ini:3", "UTF-8");
}

static void test_page_with_table(void **state)
{
	const char *dir = *state;

	fake_write(dir, "welkom/nl.md",
		   "Open op deze dagen:\n\n"
		   "| dag | tijd |\n"
		   "|-----|------|\n"
		   "| ma  | 9-12 |\n");
	load_fails(dir, "welkom/nl.md:3", "de kiosk kan geen tabel tonen");
}

static void test_empty_attract_file(void **state)
{
	const char *dir = *state;

	fake_write(dir, "attract.nl.txt", "");
	load_fails(dir, "attract.nl.txt", "geen enkele zin");
	/* only comments and blank lines is just as empty */
	fake_write(dir, "attract.nl.txt", "# nog invullen\n\n   \n");
	load_fails(dir, "attract.nl.txt", "geen enkele zin");
}

static void test_bad_dates(void **state)
{
	const char *dir = *state;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-31-12\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n");
	load_fails(dir, "nieuws/nieuws.ini:4",
		   "'2026-31-12' bij date is "
		   "geen goede datum");
	fake_write(dir, "hulp/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Hulp\n"
		   "title.en = Help\n"
		   "show_from = 2027-01-01\n"
		   "show_until = 2026-12-31\n");
	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n");
	load_fails(dir, "hulp/tile.ini", "show_from ligt na show_until");
}

static void test_dates(void **state)
{
	struct when w = { 20261101, 20270331 };
	int d = 0;

	(void)state;
	assert_int_equal(date_parse("2026-11-24", &d), 0);
	assert_int_equal(d, 20261124);
	assert_int_equal(date_parse("2028-02-29", &d), 0);
	assert_int_equal(date_parse("2027-02-29", &d), -1);
	assert_int_equal(date_parse("2026-04-31", &d), -1);
	assert_int_equal(date_parse("2026-11-4", &d), -1);
	assert_int_equal(date_parse("24-11-2026", &d), -1);
	/* both ends are days on which it shows */
	assert_false(when_shows(w, 20261031));
	assert_true(when_shows(w, 20261101));
	assert_true(when_shows(w, 20270331));
	assert_false(when_shows(w, 20270401));
	assert_true(when_shows((struct when){ 0, 0 }, 20261124));
}

static void test_every_problem_is_reported(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct err e = { "" };
	struct content *c;

	fake_write(dir, "welkom/nl.md",
		   "Open op:\n\n| dag | tijd |\n"
		   "|-----|------|\n");
	fake_write(dir, "hulp/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Hulp\n"
		   "title.en = Help\n"
		   "show_until = morgen\n");
	c = load(dir, &r, &e);
	assert_null(c);
	assert_int_equal(r.errors, 2);
	assert_true(find_diag(&r, "welkom/nl.md:3", "tabel") >= 0);
	assert_true(find_diag(&r, "hulp/tile.ini:5", "'morgen'") >= 0);
	/* the first one also comes back as the error */
	assert_non_null(strstr(e.msg, "welkom/nl.md:3"));
	/* and the warning of the same pack is there too */
	assert_int_equal(r.warnings, 1);
	assert_true(find_diag(&r, "hulp/en.md", "vertaling ontbreekt") >= 0);
	content_report_release(&r);
}

/* kioskctl's deep check opens every picture and PDF through a probe. */
static int refuse_png(void *ctx, const char *path, int is_pdf, char *why,
		      size_t why_size)
{
	int *asked = ctx;

	(*asked)++;
	if (!is_pdf && strstr(path, "kaart.png")) {
		snprintf(why, why_size, "dit plaatje is kapot");
		return -1;
	}
	return 0;
}

/* A page with a picture. */
static void write_page_with_picture(const char *dir)
{
	fake_write_n(dir, "welkom/kaart.png", (const char *)PNG, sizeof(PNG));
	fake_write(dir, "welkom/nl.md", WELKOM_NL "\n![De kaart](kaart.png)\n");
}

static void test_deep_check_asks_the_probe(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct err e = { "" };
	struct content *c;
	int asked = 0;

	write_page_with_picture(dir);
	/* the quick load at start-up reads only the header */
	c = load_depth(dir, CONTENT_QUICK, refuse_png, &asked, &r, &e);
	assert_non_null(c);
	assert_int_equal(asked, 0);
	assert_int_equal(tile_doc(&c->tiles[0], 0)->blocks[3].kind,
			 BLOCK_IMAGE);
	content_free(c);
	content_report_release(&r);

	c = load_depth(dir, CONTENT_DEEP, refuse_png, &asked, &r, &e);
	assert_null(c);
	assert_int_equal(asked, 1);
	assert_int_equal(r.errors, 1);
	assert_non_null(strstr(e.msg, "dit plaatje is kapot"));
	content_report_release(&r);
}

/*
 * Once a bug, fixed since; this test keeps it fixed (kiosk/core/content.c,
 * md_enter_span and check_file): a picture named in a tile's .md file is
 * checked with the tile's folder as `dir` and
 * "" as `reldir`, so when the deep check's probe refuses it the report
 * names the bare file, "kaart.png: dit plaatje is kapot", and staff cannot
 * tell which tile's folder holds it (every steps tile has a stap1.png).
 * Icons, logos and flyers are named with their folder; pictures in pages
 * should be too: "welkom/kaart.png".
 */
static void test_refused_picture_is_named_with_its_folder(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct err e = { "" };
	int asked = 0;

	write_page_with_picture(dir);
	assert_null(load_depth(dir, CONTENT_DEEP, refuse_png, &asked, &r, &e));
	if (find_diag(&r, "welkom/kaart.png", "dit plaatje is kapot") < 0) {
		content_report_release(&r);
		fail_msg("the report does not name welkom/kaart.png");
	}
	content_report_release(&r);
}

/*
 * Once a bug, fixed since; this test keeps it fixed (kiosk/core/content.c,
 * ini_read): a line that is neither "name = value" nor a [heading] is reported
 * on the file's last line (F.line after the whole file was read, not the line
 * inih returned), and only the first such line is reported (ini_parse_stream
 * returns one line number). Staff then look at the wrong line, and fix one
 * mistake per check. Here lines 4 and 7 are wrong; the report says kiosk.ini:10
 * only.
 */
static void test_every_bad_line_is_reported_on_its_line(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct err e = { "" };
	struct content *c;
	int line4, line7, errors;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "dit is geen instelling\n"
		   "languages = nl, en\n"
		   "idle_seconds = 90\n"
		   "deze ook niet\n"
		   "\n"
		   "[home]\n"
		   "tiles = welkom, hulp, nieuws\n");
	c = load(dir, &r, &e);
	assert_null(c);
	line4 = find_diag(&r, "kiosk.ini:4", "geen 'naam = waarde'") >= 0;
	line7 = find_diag(&r, "kiosk.ini:7", "geen 'naam = waarde'") >= 0;
	errors = r.errors;
	content_report_release(&r);
	if (!line4 || !line7 || errors != 2)
		fail_msg("wanted 2 errors, on kiosk.ini:4 and kiosk.ini:7; got "
			 "%d, line 4 %s, line 7 %s",
			 errors, line4 ? "named" : "not named",
			 line7 ? "named" : "not named");
}

/* A comment of 300 characters, as a colleague's note might be. */
static void long_comment(char *out, size_t size)
{
	size_t len = (size_t)snprintf(out, size, "; Let op:");
	int i;

	for (i = 0; len + 20 < size && len < 300; i++)
		len += (size_t)snprintf(out + len, size - len, " notitie%d", i);
}

/*
 * Once a bug, fixed since; this test keeps it fixed (kiosk/core/content.c,
 * pack_line_reader): a comment line longer than inih's 200-byte buffer is split
 * like a long value, and its tail is handed to inih as an indented continuation
 * line. After a key, inih glues the tail of the comment to that key's value, so
 * visitors read the staff's note; after a [heading] or at the top of a file the
 * tail is a line without '=' and the whole pack is refused. Comment lines must
 * be passed whole (or dropped) instead of split.
 */
static void test_long_comment_stays_a_comment(void **state)
{
	const char *dir = *state;
	char note[400], ini[1200];
	struct content_report r;
	struct content *c;
	char body[80];

	long_comment(note, sizeof(note));
	snprintf(ini, sizeof(ini),
		 "[open]\n"
		 "title = Open huis\n"
		 "title.en = Open house\n"
		 "date = 2026-11-20\n"
		 "text = Kom kijken.\n"
		 "%s\n"
		 "text.en = Come and see.\n",
		 note);
	fake_write(dir, "nieuws/nieuws.ini", ini);
	c = load_ok(dir, &r);
	snprintf(body, sizeof(body), "%s",
		 text_get(&c->tiles[2].news[0].body, 0));
	content_free(c);
	content_report_release(&r);
	if (strcmp(body, "Kom kijken.") != 0)
		fail_msg("the news text became \"%s...\"", body);

	/* the same note at the top of the file */
	snprintf(ini, sizeof(ini),
		 "%s\n"
		 "[open]\n"
		 "title = Open huis\n"
		 "title.en = Open house\n"
		 "date = 2026-11-20\n"
		 "text = Kom kijken.\n"
		 "text.en = Come and see.\n",
		 note);
	fake_write(dir, "nieuws/nieuws.ini", ini);
	c = load_ok(dir, &r);
	assert_int_equal(r.errors, 0);
	content_free(c);
	content_report_release(&r);
}

/*
 * Once a bug, fixed since; this test keeps it fixed (kiosk/core/content.c,
 * tile_load): a steps or werkwijze text without any "## " heading is refused
 * with the tile's folder as the file and the folder's name twice ("stappen:
 * stappen: begin elke stap met een kopje '## '"), so staff are not told which
 * file to open. It should name the text file, "stappen/nl.md", like every other
 * report about a text.
 */
static void test_steps_without_headings_name_the_file(void **state)
{
	const char *dir = *state;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "[home]\n"
		   "tiles = welkom, stappen\n");
	fake_write(dir, "stappen/tile.ini",
		   "[tile]\n"
		   "kind = steps\n"
		   "title = Stap voor stap\n");
	fake_write(dir, "stappen/nl.md",
		   "Eerst belt u ons.\n\n"
		   "Dan komen we langs.\n");
	load_fails(dir, "stappen/nl.md", "begin elke stap met een kopje");
}

/* `name = Proeftuin\0Ussen` showed "Proeftuin" and check said "in orde": a
 * NUL byte in any text file of a pack is refused on its line. */
static void test_nul_byte_is_refused_with_its_line(void **state)
{
	static const char ini[] = "[kiosk]\nformat = 1\n"
				  "name = Proeftuin\0Ussen\n"
				  "languages = nl, en\n[home]\n"
				  "tiles = welkom, hulp, nieuws\n";
	static const char md[] =
		"Fijn dat u er bent.\n\nKoffie\0staat klaar.\n";
	const char *dir = *state;

	fake_write_n(dir, "kiosk.ini", ini, sizeof(ini) - 1);
	load_fails(dir, "kiosk.ini:3", "nul-teken");
	write_pack(dir);
	fake_write_n(dir, "welkom/nl.md", md, sizeof(md) - 1);
	load_fails(dir, "welkom/nl.md:3", "nul-teken");
	write_pack(dir);
	fake_write_n(dir, "attract.nl.txt", "Welkom\0!\n", 9);
	load_fails(dir, "attract.nl.txt:1", "nul-teken");
}

/* A file of the pack that is a symlink, a symlink to a file outside the
 * pack, or a tile folder that is a symlink: the pack is refused, naming the
 * link, and nothing of the target is read. */
static void test_symlinks_are_refused(void **state)
{
	const char *dir = *state;
	char outside[300], target[300], link[300];

	/* the attract lines point at a system file */
	snprintf(link, sizeof(link), "%s/attract.nl.txt", dir);
	unlink(link);
	assert_int_equal(symlink("/etc/passwd", link), 0);
	load_fails(dir, "attract.nl.txt", "is een snelkoppeling");
	unlink(link);
	write_pack(dir);

	/* a page points at a file next to the pack */
	snprintf(outside, sizeof(outside), "%s-buiten", dir);
	mkdir(outside, 0700);
	fake_write(outside, "geheim.md", "Geheim.\n");
	snprintf(target, sizeof(target), "%s/geheim.md", outside);
	snprintf(link, sizeof(link), "%s/welkom/nl.md", dir);
	unlink(link);
	assert_int_equal(symlink(target, link), 0);
	load_fails(dir, "welkom/nl.md",
		   "vervang de snelkoppeling door het "
		   "bestand zelf");
	unlink(link);
	write_pack(dir);

	/* a whole tile folder is elsewhere */
	fake_write(outside, "hulp/tile.ini",
		   "[tile]\nkind = page\ntitle = X\n");
	fake_write(outside, "hulp/nl.md", "Geheim.\n");
	snprintf(target, sizeof(target), "%s/hulp", outside);
	snprintf(link, sizeof(link), "%s/hulp", dir);
	fake_rmtree(link);
	assert_int_equal(symlink(target, link), 0);
	load_fails(dir, "hulp: ", "is een snelkoppeling");
	unlink(link);
	fake_rmtree(outside);
}

/* kioskctl check (the deep load) names every symlink in the pack, also
 * one no setting names, as install refuses those too. */
static void test_deep_check_names_every_symlink(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct err e = { "" };
	char link[300];

	snprintf(link, sizeof(link), "%s/welkom/oud.png", dir);
	assert_int_equal(symlink("/etc/passwd", link), 0);
	assert_null(load_depth(dir, CONTENT_DEEP, NULL, NULL, &r, &e));
	assert_true(find_diag(&r, "welkom/oud.png", "is een snelkoppeling") >=
		    0);
	content_report_release(&r);
	unlink(link);
}

/* A printer's device path belongs to one kiosk PC, not to a pack shared
 * by several: a pack that still has it loads, with a warning on its line
 * that says where it goes now. */
static void test_printer_device_in_a_pack_is_a_warning(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;
	int i;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "[printer]\n"
		   "device = /dev/usb/lp0\n"
		   "paper_mm = 58\n"
		   "[home]\n"
		   "tiles = welkom\n");
	c = load_ok(dir, &r);
	assert_int_equal(c->printer_paper_mm, 58);
	i = find_diag(&r, "kiosk.ini:5", "settings.ini");
	if (i < 0)
		fail_msg("no warning on kiosk.ini:5 about settings.ini");
	assert_true(r.items[i].warning);
	content_free(c);
	content_report_release(&r);
}

/* [signups] in kiosk.ini: the staff public key and how long sign-ups are
 * kept. A key with a character lost in copying is refused on its line:
 * the kiosk would otherwise keep names unsealed. */
static void test_signup_settings(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Test\n"
		   "[home]\ntiles = welkom\n");
	c = load_ok(dir, &r);
	assert_null(c->signup_public_key);
	assert_int_equal(c->signup_keep_days, 90);
	assert_int_equal(content_wants_signups(c), 0);
	content_free(c);
	content_report_release(&r);
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Test\n"
		   "[signups]\n"
		   "public_key = q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=\n"
		   "keep_days = 30\n"
		   "[home]\ntiles = welkom\n");
	c = load_ok(dir, &r);
	assert_string_equal(c->signup_public_key,
			    "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=");
	assert_int_equal(c->signup_keep_days, 30);
	content_free(c);
	content_report_release(&r);
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Proeftuin Test\n"
		   "[signups]\n"
		   "public_key = q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vn=\n"
		   "keep_days = 400\n"
		   "[home]\ntiles = welkom\n");
	memset(&r, 0, sizeof(r));
	assert_null(content_load(dir, CONTENT_QUICK, NULL, NULL, &r, NULL));
	assert_true(find_diag(&r, "kiosk.ini:5", "public_key") >= 0);
	assert_true(find_diag(&r, "kiosk.ini:6", "1 tot 365") >= 0);
	content_report_release(&r);
}

/* The deep check decodes every picture row by row, without holding it:
 * a PNG whose data is cut short is refused by name, though its header is
 * fine and no probe is asked. */
static void test_deep_check_decodes_pictures(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct err e = { "" };
	struct content *c;

	write_page_with_picture(dir);
	c = load_depth(dir, CONTENT_DEEP, NULL, NULL, &r, &e);
	assert_non_null(c);
	content_free(c);
	content_report_release(&r);

	fake_write_n(dir, "welkom/kaart.png", (const char *)PNG,
		     sizeof(PNG) - 20);
	assert_null(load_depth(dir, CONTENT_DEEP, NULL, NULL, &r, &e));
	assert_true(find_diag(&r, "welkom/kaart.png", "kapot") >= 0);
	content_report_release(&r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ussen_loads_without_problems),
		cmocka_unit_test(test_deurne_and_voorbeeld_load),
		cmocka_unit_test(test_news_newest_first),
		T(test_small_pack_loads_and_falls_back_to_dutch),
		T(test_missing_translation_is_a_warning),
		T(test_tiles_follow_kiosk_ini_order),
		T(test_long_value_is_read_whole),
		T(test_semicolon_in_a_value_is_a_warning),
		T(test_unlisted_flyer_is_a_warning),
		T(test_unknown_language_is_a_warning),
		T(test_missing_kiosk_ini),
		T(test_unknown_setting),
		T(test_newer_format),
		T(test_missing_page_file),
		T(test_tile_without_folder),
		T(test_tile_without_title),
		T(test_page_with_invalid_utf8),
		T(test_settings_with_invalid_utf8),
		T(test_page_with_table),
		T(test_empty_attract_file),
		T(test_light_colour_is_refused),
		T(test_bad_dates),
		cmocka_unit_test(test_dates),
		T(test_every_problem_is_reported),
		T(test_deep_check_asks_the_probe),
		T(test_refused_picture_is_named_with_its_folder),
		T(test_every_bad_line_is_reported_on_its_line),
		T(test_long_comment_stays_a_comment),
		T(test_steps_without_headings_name_the_file),
		T(test_nul_byte_is_refused_with_its_line),
		T(test_symlinks_are_refused),
		T(test_deep_check_names_every_symlink),
		T(test_printer_device_in_a_pack_is_a_warning),
		T(test_signup_settings),
		T(test_deep_check_decodes_pictures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
