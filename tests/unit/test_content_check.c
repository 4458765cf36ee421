/*
 * test_content_check: the mistakes staff really make in a pack, and the
 * pack data added for events, opening hours, numbered lists, links, a
 * flyer per language and pictures in news. Each broken pack is a small
 * good pack in a scratch folder with one thing spoiled; each test checks
 * the Dutch message staff read, with its file and line. The pure helpers
 * the screens use (hours_now, event_over) are checked on fixed dates.
 */
#include "fake.h"

#include "core/content/content.h"

/* A whole PNG file of 4 x 4 pixels. */
static const unsigned char PNG[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
	0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
	0x00, 0x04, 0x08, 0x06, 0x00, 0x00, 0x00, 0xa9, 0xf1, 0x9e, 0x7e,
	0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63,
	0x50, 0x48, 0x58, 0xf0, 0x1f, 0x19, 0x33, 0x90, 0x2e, 0x00, 0x00,
	0x6b, 0x78, 0x21, 0xf1, 0x9b, 0x38, 0x3a, 0x42, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

#define KIOSK_INI                                                              \
	"[kiosk]\n"                                                            \
	"format = 1\n"                                                         \
	"name = Proeftuin Test\n"                                              \
	"languages = nl, en\n"                                                 \
	"\n"                                                                   \
	"[home]\n"                                                             \
	"tiles = welkom, nieuws\n"

/* A small pack that loads without a single problem. */
static void write_pack(const char *dir)
{
	fake_write(dir, "kiosk.ini", KIOSK_INI);
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "attract.en.txt", "Welcome!\n");
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\n"
		   "kind = page\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n");
	fake_write(dir, "welkom/nl.md", "Fijn dat u er bent.\n");
	fake_write(dir, "welkom/en.md", "Good to see you.\n");
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

static struct content *load(const char *dir, struct content_report *r)
{
	struct err e = { "" };
	char line[700];
	struct content *c;
	int i;

	memset(r, 0, sizeof(*r));
	c = content_load(dir, CONTENT_QUICK, NULL, NULL, r, &e);
	for (i = 0; i < r->n; i++) {
		content_diag_format(&r->items[i], line, sizeof(line));
		print_message("  %s\n", line);
	}
	return c;
}

/* 1 when a line of the report starts with `where` and holds `what`. */
static int has(const struct content_report *r, const char *where,
	       const char *what)
{
	char line[700];
	int i;

	for (i = 0; i < r->n; i++) {
		content_diag_format(&r->items[i], line, sizeof(line));
		if (strncmp(line, where, strlen(where)) == 0 &&
		    strstr(line, what))
			return 1;
	}
	return 0;
}

/* The pack must fail, with a line `where`... holding `what`. */
static void fails(const char *dir, const char *where, const char *what)
{
	struct content_report r;
	struct content *c = load(dir, &r);
	int found = has(&r, where, what);

	content_free(c);
	content_report_release(&r);
	if (c)
		fail_msg("the broken pack loaded (wanted %s ... %s)", where,
			 what);
	if (!found)
		fail_msg("no message '%s ... %s'", where, what);
}

/* The pack must load, with a warning `where`... holding `what`. */
static void warns(const char *dir, const char *where, const char *what)
{
	struct content_report r;
	struct content *c = load(dir, &r);
	int found = has(&r, where, what);

	content_free(c);
	content_report_release(&r);
	if (!c)
		fail_msg("the pack did not load (wanted a warning %s ... %s)",
			 where, what);
	if (!found)
		fail_msg("no warning '%s ... %s'", where, what);
}

static struct content *load_clean(const char *dir)
{
	struct content_report r;
	struct content *c = load(dir, &r);
	int n = r.n;

	content_report_release(&r);
	if (!c || n)
		fail_msg("the pack should load without a problem (%d)", n);
	return c;
}

/* ---- HTML, binary files, leading spaces ---- */

static void test_html_in_md_is_refused_on_its_line(void **state)
{
	const char *dir = *state;

	fake_write(dir, "welkom/nl.md",
		   "Fijn dat u er bent.\n\nDit is <b>vet</b> gedaan.\n");
	fails(dir, "welkom/nl.md:3:", "de kiosk kan geen HTML tonen");
	fake_write(dir, "welkom/nl.md", "Hallo.\n\n<p>\nEen alinea\n</p>\n");
	fails(dir, "welkom/nl.md:3:", "geen HTML");
	fake_write(dir, "welkom/nl.md", "Regel een<br>\nregel twee\n");
	fails(dir, "welkom/nl.md:1:", "geen HTML");
}

static void test_binary_file_as_text_is_refused(void **state)
{
	static const char zip[] = "PK\x03\x04\x14\x00\x06\x00word/doc";
	static const char doc[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
	static const char utf16[] = "\xFF\xFE[\0k\0i\0o\0s\0k\0]\0\n\0";
	const char *dir = *state;
	struct content_report r;
	struct content *c;

	fake_write_n(dir, "welkom/nl.md", zip, sizeof(zip) - 1);
	fails(dir, "welkom/nl.md:1:", "Word-, Excel- of zip-bestand");
	fake_write_n(dir, "welkom/nl.md", doc, sizeof(doc) - 1);
	fails(dir, "welkom/nl.md:1:", "Word- of Excel-bestand");
	fake_write(dir, "welkom/nl.md", "%PDF-1.7\nstream\n");
	fails(dir, "welkom/nl.md:1:", "een PDF met een andere naam");
	fake_write(dir, "welkom/nl.md", "{\\rtf1\\ansi Hallo}\n");
	fails(dir, "welkom/nl.md:1:", "RTF");
	fake_write(dir, "welkom/nl.md", "Goed.\n\nFout: \xC3\x28 hier\n");
	fails(dir, "welkom/nl.md:3:", "geen UTF-8");
	write_pack(dir);

	/* UTF-16 kiosk.ini: one message, and no untrue "ontbreekt" */
	fake_write_n(dir, "kiosk.ini", utf16, sizeof(utf16) - 1);
	c = load(dir, &r);
	assert_null(c);
	assert_true(has(&r, "kiosk.ini:1:", "UTF-16"));
	assert_int_equal(r.errors, 1);
	content_report_release(&r);
	write_pack(dir);
	fake_write_n(dir, "nieuws/nieuws.ini", zip, sizeof(zip) - 1);
	c = load(dir, &r);
	assert_null(c);
	assert_true(has(&r, "nieuws/nieuws.ini:1:", "zip-bestand"));
	assert_int_equal(r.errors, 1);
	content_report_release(&r);
}

/* A line that starts with spaces is a line of its own, never glued to the
 * line above (inih's continuation rule is not ours). */
static void test_leading_space_is_a_plain_line(void **state)
{
	const char *dir = *state;
	struct content *c;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   " title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "  text.en = Come and see.\n");
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\n"
		   " kind = page\n"
		   "\ttitle = Welkom\n"
		   "    title.en = Welcome\n");
	c = load_clean(dir);
	assert_string_equal(text_get(&c->tiles[1].news[0].body, 0),
			    "Kom kijken.");
	assert_string_equal(text_get(&c->tiles[1].news[0].body, 1),
			    "Come and see.");
	assert_string_equal(text_get(&c->tiles[0].title, 0), "Welkom");
	assert_int_equal(c->tiles[0].kind, TILE_PAGE);
	content_free(c);
}

/* ---- dates ---- */

static void test_show_from_after_show_until_in_lists(void **state)
{
	const char *dir = *state;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n"
		   "\n"
		   "[later]\n"
		   "title = Later\n"
		   "title.en = Later\n"
		   "date = 2026-11-21\n"
		   "text = Ja.\n"
		   "text.en = Yes.\n"
		   "show_from = 2026-12-01\n"
		   "show_until = 2026-11-01\n");
	fails(dir, "nieuws/nieuws.ini:8:", "show_from ligt na show_until");
	write_pack(dir);
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = T\n"
		   "languages = nl, en\n[home]\n"
		   "tiles = welkom, folders\n");
	fake_write(dir, "folders/tile.ini",
		   "[tile]\nkind = flyers\n"
		   "title = Folders\n"
		   "title.en = Leaflets\n");
	fake_write_n(dir, "folders/a.png", (const char *)PNG, sizeof(PNG));
	fake_write(dir, "folders/folders.ini",
		   "[a.png]\n"
		   "title = A\n"
		   "title.en = A\n"
		   "show_from = 2027-01-02\n"
		   "show_until = 2027-01-01\n");
	fails(dir, "folders/folders.ini:1:",
	      "show_from ligt na show_until: de folder [a.png]");
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\nkind = page\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n"
		   "show_from = 2027-01-02\n"
		   "show_until = 2027-01-01\n");
	fails(dir, "welkom/tile.ini:6:", "show_from ligt na show_until");
}

/* A bad date says so once: no "heeft geen date" after it. */
static void test_bad_date_has_no_follow_on_error(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 20-11-2026\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n");
	c = load(dir, &r);
	assert_null(c);
	assert_true(has(&r, "nieuws/nieuws.ini:4:", "geen goede datum"));
	assert_int_equal(r.errors, 1);
	content_report_release(&r);
}

static void test_check_day_says_what_a_date_hides(void **state)
{
	const char *dir = *state;
	struct content_report r = { 0 };
	struct content *c;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[oud]\n"
		   "title = Oud\n"
		   "title.en = Old\n"
		   "date = 2025-01-06\n"
		   "text = Was.\n"
		   "text.en = Was.\n"
		   "show_until = 2025-01-31\n"
		   "[straks]\n"
		   "title = Straks\n"
		   "title.en = Soon\n"
		   "date = 2026-12-01\n"
		   "text = Komt.\n"
		   "text.en = Comes.\n"
		   "show_from = 2026-12-01\n");
	c = load_clean(dir);
	assert_int_equal(content_check_day(c, 20261124, &r), 0);
	assert_true(has(&r, "nieuws/nieuws.ini:1: waarschuwing:",
			"is verlopen (show_until = 2025-01-31)"));
	assert_true(has(&r, "nieuws/nieuws.ini:8: waarschuwing:",
			"is op 2026-11-24 nog niet te zien"));
	assert_true(has(&r, "nieuws/nieuws.ini: waarschuwing:",
			"op 2026-11-24 is hier niets te zien"));
	content_report_release(&r);
	/* on another day, another answer */
	assert_int_equal(content_check_day(c, 20261201, &r), 0);
	assert_false(has(&r, "nieuws/nieuws.ini:8:", "nog niet te zien"));
	content_report_release(&r);
	content_free(c);
}

static void test_empty_home_screen_is_refused(void **state)
{
	const char *dir = *state;
	struct content_report r = { 0 };
	struct content *c;

	fake_write(dir, "welkom/tile.ini",
		   "[tile]\nkind = page\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n"
		   "show_until = 2026-01-01\n");
	fake_write(dir, "nieuws/tile.ini",
		   "[tile]\nkind = news\n"
		   "title = Nieuws\n"
		   "title.en = News\n"
		   "show_from = 2027-01-01\n");
	c = load_clean(dir);
	assert_int_equal(content_check_day(c, 20261124, &r), 1);
	assert_true(has(&r, "kiosk.ini:7:",
			"op 2026-11-24 staat er geen enkele tegel op het "
			"beginscherm"));
	assert_true(has(&r, "welkom/tile.ini:5: waarschuwing:",
			"de tegel is verlopen"));
	content_report_release(&r);
	assert_int_equal(content_check_day(c, 20260101, &r), 0);
	content_report_release(&r);
	content_free(c);
}

/* ---- names staff get wrong ---- */

static void test_space_in_a_tile_name(void **state)
{
	const char *dir = *state;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = T\n"
		   "languages = nl, en\n\n[home]\n"
		   "tiles = welkom, mijn nieuws\n");
	fails(dir, "kiosk.ini:7:",
	      "'mijn nieuws': een mapnaam mag geen spatie hebben");
	fails(dir, "kiosk.ini:7:", "zoals 'mijn-nieuws'");
}

static void test_tile_name_typo_names_the_line(void **state)
{
	const char *dir = *state;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = T\n"
		   "languages = nl, en\n\n[home]\n"
		   "tiles = welkom, niews\n");
	fails(dir, "kiosk.ini:7:",
	      "tegel 'niews' staat in tiles, maar de map 'niews' bestaat "
	      "niet");
}

static void test_txt_after_the_name(void **state)
{
	const char *dir = *state;
	char from[4096], to[4096];

	snprintf(from, sizeof(from), "%s/welkom/nl.md", dir);
	snprintf(to, sizeof(to), "%s/welkom/nl.md.txt", dir);
	assert_int_equal(rename(from, to), 0);
	fails(dir, "welkom/nl.md:",
	      "Er staat wel 'nl.md.txt': Windows verbergt vaak");
	write_pack(dir);
	snprintf(from, sizeof(from), "%s/welkom/tile.ini", dir);
	snprintf(to, sizeof(to), "%s/welkom/tile.ini.txt", dir);
	assert_int_equal(rename(from, to), 0);
	fails(dir, "welkom/tile.ini:", "Geef het bestand de naam 'tile.ini'");
}

static void test_translation_missing_names_the_line(void **state)
{
	const char *dir = *state;

	fake_write(dir, "nieuws/nieuws.ini",
		   "; nieuws\n"
		   "[open]\n"
		   "title = Open huis\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n");
	warns(dir, "nieuws/nieuws.ini:3: waarschuwing:", "title.en ontbreekt");
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\nkind = page\n"
		   "title = Welkom\n");
	warns(dir, "welkom/tile.ini:3: waarschuwing:", "title.en ontbreekt");
}

static void test_missing_field_names_the_section(void **state)
{
	const char *dir = *state;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "\n"
		   "[tweede]\n"
		   "title = Twee\n"
		   "title.en = Two\n"
		   "text = Ja.\n"
		   "text.en = Yes.\n");
	fails(dir, "nieuws/nieuws.ini:1:", "[open] heeft geen text");
	fails(dir, "nieuws/nieuws.ini:6:", "[tweede] heeft geen date");
}

static void test_url_without_https_names_the_line(void **state)
{
	const char *dir = *state;

	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n"
		   "url = www.ussen.example\n");
	fails(dir,
	      "nieuws/nieuws.ini:7:", "'www.ussen.example' is geen webadres");
}

static void test_a_file_is_not_a_pack(void **state)
{
	const char *dir = *state;
	char file[4096];

	snprintf(file, sizeof(file), "%s/kiosk.ini", dir);
	fails(file, file, "dit is een bestand, geen map");
	snprintf(file, sizeof(file), "%s/bestaat niet", dir);
	fails(file, file, "deze map bestaat niet");
}

/* ---- the rules the guide gives for tiles ---- */

static void test_steps_four_to_seven(void **state)
{
	const char *dir = *state;
	char md[2000] = "";
	int i;

	fake_write(dir, "welkom/tile.ini",
		   "[tile]\nkind = steps\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n");
	fake_write(dir, "welkom/nl.md",
		   "## Een\n\nJa.\n\n## Twee\n\nJa.\n\n## Drie\n\nJa.\n");
	warns(dir, "welkom/nl.md: waarschuwing:",
	      "er zijn 3 stappen: maak 4 tot 7 stappen");
	for (i = 1; i <= 8; i++)
		snprintf(md + strlen(md), sizeof(md) - strlen(md),
			 "## Stap %d\n\nJa.\n\n", i);
	fake_write(dir, "welkom/nl.md", md);
	warns(dir, "welkom/nl.md:29: waarschuwing:", "dit is stap 8");
	md[0] = '\0';
	for (i = 1; i <= 5; i++)
		snprintf(md + strlen(md), sizeof(md) - strlen(md),
			 "## Stap %d\n\nJa.\n\n", i);
	fake_write(dir, "welkom/nl.md", md);
	content_free(load_clean(dir));
}

static void test_werkwijze_starts_with_the_three_questions(void **state)
{
	const char *dir = *state;
	struct content *c;

	fake_write(dir, "welkom/tile.ini",
		   "[tile]\nkind = werkwijze\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n");
	fake_write(dir, "welkom/nl.md",
		   "Samen.\n\n"
		   "## Wat wil je?\n\nJa.\n\n"
		   "## Aan tafel\n\nJa.\n\n"
		   "## Wat heb je nodig?\n\nJa.\n");
	warns(dir, "welkom/nl.md:7: waarschuwing:",
	      "kaart 2 heet 'Aan tafel': de eerste drie kaarten zijn de "
	      "drie vragen. Kaart 2 is 'Wat kan je zelf?'");
	fake_write(dir, "welkom/nl.md",
		   "Samen.\n\n"
		   "## Wat wil je?\n\nJa.\n\n"
		   "## Wat kan je zelf?\n\nJa.\n\n"
		   "## Wat heb je nodig?\n\nJa.\n\n"
		   "## Aan tafel\n\nJa.\n");
	c = load_clean(dir);
	content_free(c);
}

static void test_icon_must_be_square(void **state)
{
	const char *dir = *state;
	unsigned char wide[sizeof(PNG)];

	/* only the header is read by the quick load: 8 x 4 */
	memcpy(wide, PNG, sizeof(PNG));
	wide[19] = 8;
	fake_write_n(dir, "welkom/icon.png", (const char *)wide, sizeof(wide));
	fake_write(dir, "welkom/tile.ini",
		   "[tile]\nkind = page\n"
		   "title = Welkom\n"
		   "title.en = Welcome\n"
		   "icon = icon.png\n");
	warns(dir, "welkom/tile.ini:5: waarschuwing:",
	      "het icoon 'icon.png' is niet vierkant (8 x 4 beeldpunten)");
	fake_write_n(dir, "welkom/icon.png", (const char *)PNG, sizeof(PNG));
	content_free(load_clean(dir));
}

/* ---- Markdown: numbered lists, links, what the kiosk does not show ---- */

static void test_numbered_list_and_link(void **state)
{
	const char *dir = *state;
	const struct doc *d;
	struct content *c;

	fake_write(dir, "welkom/nl.md",
		   "Lees [de folder](https://ussen.example/folder) thuis.\n\n"
		   "3. Bellen\n"
		   "4. Mailen\n\n"
		   "- los punt\n\n"
		   "Geen link hier, *wel schuin*.\n");
	c = load_clean(dir);
	d = tile_doc(&c->tiles[0], 0);
	assert_int_equal(d->nblocks, 5);
	assert_int_equal(d->blocks[0].kind, BLOCK_P);
	assert_string_equal(d->blocks[0].link, "https://ussen.example/folder");
	assert_string_equal(d->blocks[0].text, "Lees de folder thuis.");
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[1].kind, BLOCK_OL);
	assert_int_equal(d->blocks[1].number, 3);
	assert_string_equal(d->blocks[1].text, "Bellen");
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[2].kind, BLOCK_OL);
	assert_int_equal(d->blocks[2].number, 4);
	assert_int_equal(d->blocks[3].kind, BLOCK_LI);
	assert_null(d->blocks[4].link);
	/* italics are shown bold */
	assert_int_equal(d->blocks[4].nruns, 3);
	assert_true(d->blocks[4].runs[1].bold);
	content_free(c);
}

/* ---- events ---- */

static void write_events(const char *dir, const char *ini)
{
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = T\n"
		   "languages = nl, en\n\n[home]\n"
		   "tiles = welkom, agenda\n");
	fake_write(dir, "agenda/tile.ini",
		   "[tile]\nkind = activiteiten\n"
		   "title = Agenda\n"
		   "title.en = Events\n");
	fake_write(dir, "agenda/activiteiten.ini", ini);
}

static void test_events_load_sorted(void **state)
{
	const char *dir = *state;
	struct content *c;
	const struct tile *t;

	fake_write_n(dir, "agenda/foto.png", (const char *)PNG, sizeof(PNG));
	write_events(dir, "[koffie]\n"
			  "title = Koffie\n"
			  "title.en = Coffee\n"
			  "date = 2026-12-01\n"
			  "start = 10:00\n"
			  "end = 11:30\n"
			  "place = Zaal 1\n"
			  "place.en = Room 1\n"
			  "image = foto.png\n"
			  "url = https://ussen.example/koffie\n"
			  "\n"
			  "[vroeg]\n"
			  "title = Vroeg\n"
			  "title.en = Early\n"
			  "date = 2026-12-01\n"
			  "start = 9.00\n"
			  "\n"
			  "[eerder]\n"
			  "title = Eerder\n"
			  "title.en = Earlier\n"
			  "date = 2026-11-30\n"
			  "start = 20:00\n");
	c = load_clean(dir);
	t = &c->tiles[1];
	assert_int_equal(t->kind, TILE_EVENTS);
	assert_int_equal(t->nevents, 3);
	assert_string_equal(text_get(&t->events[0].title, 0), "Eerder");
	assert_string_equal(text_get(&t->events[1].title, 0), "Vroeg");
	assert_int_equal(t->events[1].start, 9 * 60);
	assert_int_equal(t->events[1].end, -1);
	assert_null(t->events[1].image);
	assert_string_equal(text_get(&t->events[2].place, 1), "Room 1");
	assert_int_equal(t->events[2].end, 11 * 60 + 30);
	assert_non_null(strstr(t->events[2].image, "agenda/foto.png"));
	assert_string_equal(t->events[2].url, "https://ussen.example/koffie");
	content_free(c);
}

static void test_events_bad_times(void **state)
{
	const char *dir = *state;

	write_events(dir, "[a]\ntitle = A\ntitle.en = A\ndate = 2026-12-01\n"
			  "start = 25:00\n");
	fails(dir, "agenda/activiteiten.ini:5:",
	      "'25:00' bij start is geen goede tijd");
	write_events(dir, "[a]\ntitle = A\ntitle.en = A\ndate = 2026-12-01\n"
			  "start = 10:00\nend = 9:15\n");
	fails(dir,
	      "agenda/activiteiten.ini:1:", "de activiteit eindigt (end) voor");
	write_events(dir, "[a]\ntitle = A\ntitle.en = A\ndate = 2026-02-30\n"
			  "start = 10:00\n");
	fails(dir, "agenda/activiteiten.ini:4:", "geen goede datum");
	write_events(dir, "[a]\ntitle = A\ntitle.en = A\ndate = 2026-12-01\n");
	fails(dir, "agenda/activiteiten.ini:1:", "[a] heeft geen start");
}

static void test_event_over(void **state)
{
	struct event e = { .date = 20261124, .start = 14 * 60, .end = -1 };

	(void)state;
	assert_true(event_over(&e, 20261125, 0));
	assert_false(event_over(&e, 20261123, 23 * 60));
	assert_false(event_over(&e, 20261124, 14 * 60));
	assert_true(event_over(&e, 20261124, 14 * 60 + 1));
	e.end = 16 * 60;
	assert_false(event_over(&e, 20261124, 15 * 60));
	assert_true(event_over(&e, 20261124, 16 * 60));
}

/* ---- opening hours ---- */

static void test_hours_from_kiosk_ini(void **state)
{
	const char *dir = *state;
	struct content *c;

	fake_write(dir, "kiosk.ini",
		   KIOSK_INI "\n[openingstijden]\n"
			     "maandag = 9:00-17:00\n"
			     "dinsdag = 9:00 - 17:00\n"
			     "woensdag = 9:00-12:30\n"
			     "donderdag = 9:00-17:00\n"
			     "vrijdag = 9:00-17:00\n"
			     "zaterdag = 10:00-13:00\n"
			     "zondag = gesloten\n"
			     "2026-12-25 = gesloten\n"
			     "2026-12-24 = 9:00-13:00\n");
	c = load_clean(dir);
	assert_true(c->has_hours);
	assert_int_equal(c->hours.open[2], 9 * 60);
	assert_int_equal(c->hours.close[2], 12 * 60 + 30);
	assert_true(c->hours.open[6] < 0);
	assert_int_equal(c->hours.nexceptions, 2);
	assert_int_equal(c->hours.exceptions[0].date, 20261224);
	assert_int_equal(c->hours.exceptions[0].close, 13 * 60);
	assert_true(c->hours.exceptions[1].open < 0);
	content_free(c);

	fake_write(dir, "kiosk.ini",
		   KIOSK_INI "\n[openingstijden]\n"
			     "maandag = 9:00-17:00\n"
			     "dinsdag = 17:00-9:00\n"
			     "woensdag = 9 uur\n"
			     "mandag = 9:00-17:00\n");
	fails(dir, "kiosk.ini:11:", "bij dinsdag gaat het wijkcentrum dicht");
	fails(dir, "kiosk.ini:12:", "'9 uur' bij woensdag is geen goede");
	fails(dir, "kiosk.ini:13:", "'mandag' is geen dag");
	fake_write(dir, "kiosk.ini",
		   KIOSK_INI "\n[openingstijden]\n"
			     "maandag = 9:00-17:00\n");
	warns(dir, "kiosk.ini:9: waarschuwing:",
	      "zondag staat niet onder [openingstijden]");
}

static void test_weekday_math(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(20261124), 1); /* a Tuesday */
	assert_int_equal(date_weekday(20000101), 5); /* a Saturday */
	assert_int_equal(date_weekday(20280229), 1);
	assert_int_equal(date_add_days(20261231, 1), 20270101);
	assert_int_equal(date_add_days(20280228, 1), 20280229);
	assert_int_equal(date_add_days(20270228, 1), 20270301);
	assert_int_equal(date_add_days(20261124, -24), 20261031);
}

static void test_hours_now(void **state)
{
	struct hours_exception ex[] = { { 20261224, 9 * 60, 13 * 60 },
					{ 20261225, -1, -1 },
					{ 20261226, -1, -1 } };
	struct opening_hours h = { { 540, 540, 540, 540, 540, 600, -1 },
				   { 1020, 1020, 1020, 1020, 1020, 780, -1 },
				   ex,
				   3 };
	struct opening_hours never = { { -1, -1, -1, -1, -1, -1, -1 },
				       { -1, -1, -1, -1, -1, -1, -1 },
				       NULL,
				       0 };
	struct hours_answer a;

	(void)state;
	/* Tuesday 2026-11-24, 10:00: open until 17:00 */
	assert_int_equal(hours_now(&h, 20261124, 600, &a), 1);
	assert_int_equal(a.until, 1020);
	/* 8:00: closed, opens at 9:00 today */
	assert_int_equal(hours_now(&h, 20261124, 480, &a), 0);
	assert_int_equal(a.next_date, 20261124);
	assert_int_equal(a.next_open, 540);
	/* 17:00 sharp is closed; tomorrow at 9:00 */
	assert_int_equal(hours_now(&h, 20261124, 1020, &a), 0);
	assert_int_equal(a.next_date, 20261125);
	/* Saturday evening: Sunday is closed, so Monday 9:00 */
	assert_int_equal(hours_now(&h, 20261128, 1200, &a), 0);
	assert_int_equal(a.next_date, 20261130);
	assert_int_equal(a.next_open, 540);
	/* Christmas Eve closes at 13:00; 25 and 26 closed; Sunday 27 closed;
	 * Monday 28 at 9:00 */
	assert_int_equal(hours_now(&h, 20261224, 720, &a), 1);
	assert_int_equal(a.until, 780);
	assert_int_equal(hours_now(&h, 20261224, 800, &a), 0);
	assert_int_equal(a.next_date, 20261228);
	/* closed all week: no next opening */
	assert_int_equal(hours_now(&never, 20261124, 600, &a), 0);
	assert_int_equal(a.next_date, 0);
}

/* ---- a flyer per language, a picture in the news ---- */

static void test_flyer_file_per_language(void **state)
{
	const char *dir = *state;
	struct content *c;
	const struct flyer *f;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = T\n"
		   "languages = nl, en\n[home]\n"
		   "tiles = welkom, folders\n");
	fake_write(dir, "folders/tile.ini",
		   "[tile]\nkind = flyers\n"
		   "title = Folders\n"
		   "title.en = Leaflets\n");
	fake_write_n(dir, "folders/nl.png", (const char *)PNG, sizeof(PNG));
	fake_write_n(dir, "folders/en.png", (const char *)PNG, sizeof(PNG));
	fake_write(dir, "folders/folders.ini",
		   "[nl.png]\n"
		   "title = Folder\n"
		   "title.en = Leaflet\n"
		   "file.en = en.png\n");
	c = load_clean(dir); /* en.png is not "unlisted" */
	f = &c->tiles[1].flyers[0];
	assert_non_null(strstr(flyer_file(f, 0), "folders/nl.png"));
	assert_non_null(strstr(flyer_file(f, 1), "folders/en.png"));
	assert_false(flyer_is_pdf(f, 1));
	content_free(c);
	fake_write(dir, "folders/folders.ini",
		   "[nl.png]\n"
		   "title = Folder\n"
		   "title.en = Leaflet\n"
		   "file.en = weg.pdf\n");
	fails(dir, "folders/folders.ini:4:",
	      "bestand 'folders/weg.pdf' bestaat niet");
}

static void test_news_picture(void **state)
{
	const char *dir = *state;
	struct content *c;

	fake_write_n(dir, "nieuws/foto.png", (const char *)PNG, sizeof(PNG));
	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n"
		   "image = foto.png\n");
	c = load_clean(dir);
	assert_non_null(strstr(c->tiles[1].news[0].image, "nieuws/foto.png"));
	content_free(c);
	fake_write(dir, "nieuws/nieuws.ini",
		   "[open]\n"
		   "title = Open huis\n"
		   "title.en = Open house\n"
		   "date = 2026-11-20\n"
		   "text = Kom kijken.\n"
		   "text.en = Come and see.\n"
		   "image = foto.gif\n");
	fails(dir, "nieuws/nieuws.ini:7:", "de kiosk kan alleen PNG en JPEG");
}

/* ---- folders the pack does not use ---- */

static void test_unused_folders_are_named(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;
	char names[4][64];

	fake_write(dir, "voorbeeldplaatjes/index.html", "<html>\n");
	fake_write(dir, "oud/tile.ini", "[tile]\nkind = page\ntitle = Oud\n");
	fake_write(dir, ".git/HEAD", "ref\n");
	memset(&r, 0, sizeof(r));
	c = content_load(dir, CONTENT_DEEP, NULL, NULL, &r, NULL);
	assert_non_null(c);
	assert_true(has(&r, "voorbeeldplaatjes: waarschuwing:",
			"deze map wordt niet gebruikt"));
	assert_true(has(&r, "oud: waarschuwing:", "niet gebruikt"));
	assert_int_equal(r.warnings, 2);
	assert_int_equal(content_unused_dirs(c, names, 4), 2);
	content_report_release(&r);
	content_free(c);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_html_in_md_is_refused_on_its_line),
		T(test_binary_file_as_text_is_refused),
		T(test_leading_space_is_a_plain_line),
		T(test_show_from_after_show_until_in_lists),
		T(test_bad_date_has_no_follow_on_error),
		T(test_check_day_says_what_a_date_hides),
		T(test_empty_home_screen_is_refused),
		T(test_space_in_a_tile_name),
		T(test_tile_name_typo_names_the_line),
		T(test_txt_after_the_name),
		T(test_translation_missing_names_the_line),
		T(test_missing_field_names_the_section),
		T(test_url_without_https_names_the_line),
		T(test_a_file_is_not_a_pack),
		T(test_steps_four_to_seven),
		T(test_werkwijze_starts_with_the_three_questions),
		T(test_icon_must_be_square),
		T(test_numbered_list_and_link),
		T(test_events_load_sorted),
		T(test_events_bad_times),
		cmocka_unit_test(test_event_over),
		T(test_hours_from_kiosk_ini),
		cmocka_unit_test(test_weekday_math),
		cmocka_unit_test(test_hours_now),
		T(test_flyer_file_per_language),
		T(test_news_picture),
		T(test_unused_folders_are_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
