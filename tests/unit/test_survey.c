/*
 * test_survey: surveys as staff write them in a content pack (enquete.ini,
 * chapter 15 of content/LEESMIJ.md). The demo surveys of Ussen and Deurne
 * and the example in the staff guide read without a problem; every
 * mistake the check knows is reported in Dutch on the line staff must
 * fix, and stops the pack (or, for a missing translation, only warns).
 * The version stays when wording changes and moves when the answers could
 * mean something else. survey_shows() asks a question only when the
 * answers before it say so. A survey tile opens on the kiosk without
 * harm while its own screens are not there yet.
 */
#include "fake.h"

#include <ctype.h>

#include "base/util.h"
#include "core/content/content.h"
#include "core/survey/survey.h"

#define REL "enquete/enquete.ini"

/* A small pack in Dutch and English whose only tile is a survey; the
 * survey itself is written by each test. */
static void write_pack(const char *dir)
{
	fake_write(dir, "kiosk.ini",
		   "[kiosk]\n"
		   "format = 1\n"
		   "name = Proeftuin Test\n"
		   "languages = nl, en\n"
		   "\n"
		   "[home]\n"
		   "tiles = enquete\n");
	fake_write(dir, "attract.nl.txt", "Welkom!\n");
	fake_write(dir, "attract.en.txt", "Welcome!\n");
	fake_write(dir, "enquete/tile.ini",
		   "[tile]\n"
		   "kind = enquete\n"
		   "title = Enquête\n"
		   "title.en = Survey\n"
		   "show_from = 2026-10-01\n"
		   "show_until = 2027-03-31\n");
}

static int setup(void **state)
{
	if (fake_tmp_setup(state) < 0)
		return -1;
	write_pack(*state);
	return 0;
}

/* A survey that reads without a problem, in both languages, with every
 * kind of question and every kind of condition. Line numbers matter to
 * the tests below: question `weet` starts on line 8. */
static const char GOOD[] = "[enquete]\n"				/* 1 */
			   "titel = Wonen\n"				/* 2 */
			   "titel.en = Living\n"			/* 3 */
			   "intro = Zeg het maar.\n"			/* 4 */
			   "intro.en = Tell us.\n"			/* 5 */
			   "minuten = 3\n"				/* 6 */
			   "\n"						/* 7 */
			   "[vraag weet]\n"				/* 8 */
			   "soort = janee\n"				/* 9 */
			   "titel = Weet u het?\n"			/* 10 */
			   "titel.en = Do you know?\n"			/* 11 */
			   "verplicht = ja\n"				/* 12 */
			   "openbaar = ja\n"				/* 13 */
			   "\n"						/* 14 */
			   "[vraag waar]\n"				/* 15 */
			   "soort = keuze\n"				/* 16 */
			   "titel = Waar?\n"				/* 17 */
			   "titel.en = Where?\n"			/* 18 */
			   "toon_als = weet is ja\n"			/* 19 */
			   "optie.hier = Hier\n"			/* 20 */
			   "optie.hier.en = Here\n"			/* 21 */
			   "optie.daar = Daar\n"			/* 22 */
			   "optie.daar.en = There\n"			/* 23 */
			   "optie.anders = Anders\n"			/* 24 */
			   "optie.anders.en = Other\n"			/* 25 */
			   "anders = anders\n"				/* 26 */
			   "\n"						/* 27 */
			   "[vraag nodig]\n"				/* 28 */
			   "soort = meerkeuze\n"			/* 29 */
			   "titel = Wat mist u?\n"			/* 30 */
			   "titel.en = What do you miss?\n"		/* 31 */
			   "max = 2\n"					/* 32 */
			   "optie.groen = Groen\n"			/* 33 */
			   "optie.groen.en = Green\n"			/* 34 */
			   "optie.bank = Bankjes\n"			/* 35 */
			   "optie.bank.en = Benches\n"			/* 36 */
			   "optie.licht = Licht\n"			/* 37 */
			   "optie.licht.en = Light\n"			/* 38 */
			   "\n"						/* 39 */
			   "[vraag prettig]\n"				/* 40 */
			   "soort = schaal\n"				/* 41 */
			   "titel = Prettig?\n"				/* 42 */
			   "titel.en = Pleasant?\n"			/* 43 */
			   "toon_als = nodig is een van licht, groen\n" /* 44 */
			   "\n"						/* 45 */
			   "[vraag leeftijd]\n"				/* 46 */
			   "soort = getal\n"				/* 47 */
			   "titel = Leeftijd?\n"			/* 48 */
			   "titel.en = Age?\n"				/* 49 */
			   "banden = 0-17, 18 - 66, 67+\n"		/* 50 */
			   "toon_als = prettig is niet 1, 2\n"		/* 51 */
			   "\n"						/* 52 */
			   "[vraag jaren]\n"				/* 53 */
			   "soort = getal\n"				/* 54 */
			   "titel = Jaren?\n"				/* 55 */
			   "titel.en = Years?\n"			/* 56 */
			   "min = 1\n"					/* 57 */
			   "max = 99\n"					/* 58 */
			   "toon_als = leeftijd is 67+\n"		/* 59 */
			   "\n"						/* 60 */
			   "[vraag even]\n"				/* 61 */
			   "soort = info\n"				/* 62 */
			   "titel = Bijna klaar\n"			/* 63 */
			   "titel.en = Almost done\n"			/* 64 */
			   "uitleg = Nog een vraag.\n"			/* 65 */
			   "uitleg.en = One more.\n"			/* 66 */
			   "\n"						/* 67 */
			   "[vraag tip]\n"				/* 68 */
			   "soort = tekst\n"				/* 69 */
			   "titel = Tip?\n"				/* 70 */
			   "titel.en = Tip?\n"				/* 71 */
			   "maxlengte = 300\n";				/* 72 */

/* Loads dir, printing the report r gets. */
static struct content *load(const char *dir, struct content_report *r)
{
	struct err e = { "" };
	struct content *c;
	char line[700];
	int i;

	memset(r, 0, sizeof(*r));
	c = content_load(dir, CONTENT_DEEP, NULL, NULL, r, &e);
	for (i = 0; i < r->n; i++) {
		content_diag_format(&r->items[i], line, sizeof(line));
		print_message("  %s\n", line);
	}
	return c;
}

/* The report line that contains `where` and `what`, or -1. */
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

/* The survey of the first survey tile of c. */
static const struct survey *survey_of(const struct content *c)
{
	int i;

	for (i = 0; i < c->ntiles; i++)
		if (c->tiles[i].kind == TILE_SURVEY) {
			assert_non_null(c->tiles[i].survey);
			return c->tiles[i].survey;
		}
	fail_msg("the pack has no survey tile");
	return NULL;
}

static int question_of(const struct survey *s, const char *id)
{
	int i;

	for (i = 0; i < s->nquestions; i++)
		if (strcmp(s->questions[i].id, id) == 0)
			return i;
	fail_msg("the survey has no question '%s'", id);
	return -1;
}

/* Writes `survey` as the pack's enquete.ini and loads the pack, which must
 * work; the caller frees both. */
static struct content *load_survey(const char *dir, const char *survey,
				   struct content_report *r)
{
	struct content *c;

	fake_write(dir, REL, survey);
	c = load(dir, r);
	if (!c) {
		content_report_release(r);
		fail_msg("the survey did not load");
	}
	return c;
}

/* Writes `survey` and loads the pack, which must fail with an error on
 * `where` ("enquete/enquete.ini:12") that says `what`. */
static void fails(const char *dir, const char *survey, const char *where,
		  const char *what)
{
	struct content_report r;
	struct content *c;
	int i;

	fake_write(dir, REL, survey);
	c = load(dir, &r);
	if (c) {
		content_free(c);
		content_report_release(&r);
		fail_msg("the broken survey loaded (wanted %s: %s)", where,
			 what);
	}
	i = find_diag(&r, where, what);
	if (i < 0 || r.items[i].warning) {
		content_report_release(&r);
		fail_msg("no error \"%s ... %s\" in the report", where, what);
	}
	content_report_release(&r);
}

/* Writes `survey`; the pack loads, with a warning on `where` saying
 * `what`. */
static void warns(const char *dir, const char *survey, const char *where,
		  const char *what)
{
	struct content_report r;
	struct content *c = load_survey(dir, survey, &r);
	int i = find_diag(&r, where, what);

	content_free(c);
	if (i < 0 || !r.items[i].warning) {
		content_report_release(&r);
		fail_msg("no warning \"%s ... %s\" in the report", where, what);
	}
	content_report_release(&r);
}

/* ---- reading ---- */

static void test_survey_is_read_in_every_language(void **state)
{
	struct content_report r;
	struct content *c = load_survey(*state, GOOD, &r);
	const struct survey *s = survey_of(c);
	const struct survey_question *q;

	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 0);
	assert_string_equal(s->id, "enquete");
	assert_string_equal(text_get(&s->title, 0), "Wonen");
	assert_string_equal(text_get(&s->title, 1), "Living");
	assert_string_equal(text_get(&s->intro, 1), "Tell us.");
	assert_int_equal(s->minutes, 3);
	assert_int_equal(s->when.from, 20261001);
	assert_int_equal(s->when.until, 20270331);
	assert_int_equal(strlen(s->version), 16);
	assert_int_equal(s->nquestions, 8);

	q = &s->questions[0];
	assert_string_equal(q->id, "weet");
	assert_int_equal(q->kind, QUESTION_YESNO);
	assert_int_equal(q->line, 8);
	assert_true(q->required);
	assert_true(q->public_result);
	assert_int_equal(q->when.op, COND_NONE);

	q = &s->questions[1];
	assert_int_equal(q->kind, QUESTION_CHOICE);
	assert_false(q->required);
	assert_int_equal(q->noptions, 3);
	assert_string_equal(q->options[1].id, "daar");
	assert_string_equal(text_get(&q->options[1].label, 1), "There");
	assert_false(q->options[0].other);
	assert_true(q->options[2].other);
	assert_int_equal(q->when.op, COND_EQUALS);
	assert_int_equal(q->when.question, 0);
	assert_int_equal(q->when.nvalues, 1);
	assert_int_equal(q->when.values[0], 1); /* ja */

	q = &s->questions[2];
	assert_int_equal(q->kind, QUESTION_MULTI);
	assert_int_equal(q->max_choices, 2);

	q = &s->questions[3];
	assert_int_equal(q->kind, QUESTION_SCALE);
	assert_int_equal(q->noptions, 0); /* the screens' own words */
	assert_int_equal(q->when.op, COND_ONE_OF);
	assert_int_equal(q->when.question, 2);
	assert_int_equal(q->when.nvalues, 2);
	assert_int_equal(q->when.values[0], 0); /* groen, sorted */
	assert_int_equal(q->when.values[1], 2); /* licht */

	q = &s->questions[4];
	assert_int_equal(q->kind, QUESTION_NUMBER);
	assert_int_equal(q->nbands, 3);
	assert_int_equal(q->bands[1].lo, 18);
	assert_int_equal(q->bands[1].hi, 66);
	assert_string_equal(text_get(&q->bands[1].label, 1), "18-66");
	assert_string_equal(text_get(&q->bands[2].label, 0), "67+");
	assert_int_equal(q->bands[2].hi, SURVEY_NUMBER_LIMIT);
	assert_int_equal(q->when.op, COND_NOT);
	assert_int_equal(q->when.nvalues, 2);
	assert_int_equal(q->when.values[0], 1); /* scale points, not indexes */
	assert_int_equal(q->when.values[1], 2);

	q = &s->questions[5];
	assert_int_equal(q->min, 1);
	assert_int_equal(q->max, 99);
	assert_int_equal(q->when.values[0], 2); /* the band 67+ */

	assert_int_equal(s->questions[6].kind, QUESTION_INFO);
	assert_string_equal(text_get(&s->questions[6].help, 1), "One more.");
	assert_int_equal(s->questions[7].kind, QUESTION_TEXT);
	assert_int_equal(s->questions[7].max_len, 300);
	content_free(c);
	content_report_release(&r);
}

/* The warnings of a report other than a language with no survey text at
 * all (a pack may gain a language before its survey is translated). */
static int other_warnings(const struct content_report *r)
{
	int i, n = 0;

	for (i = 0; i < r->n; i++)
		n += r->items[i].warning &&
		     !strstr(r->items[i].msg, "geen enkele tekst in taal");
	return n;
}

/* Both demo surveys load without a warning of their own, and each uses
 * every kind of question. */
static void test_demo_surveys(void **state)
{
	static const char *const packs[] = { "content/ussen",
					     "content/deurne" };
	size_t p;

	(void)state;
	for (p = 0; p < ARRAY_LEN(packs); p++) {
		struct content_report r;
		struct content *c = load(packs[p], &r);
		const struct survey *s;
		unsigned kinds = 0;
		int i;

		if (!c)
			fail_msg("%s did not load", packs[p]);
		assert_int_equal(r.errors, 0);
		assert_int_equal(other_warnings(&r), 0);
		s = survey_of(c);
		assert_true(s->nquestions >= 8 && s->nquestions <= 12);
		assert_true(s->minutes > 0);
		for (i = 0; i < s->nquestions; i++)
			kinds |= 1u << s->questions[i].kind;
		assert_int_equal(kinds, (1u << (QUESTION_INFO + 1)) - 1);
		/* the tile is the last on the home screen */
		assert_int_equal(c->tiles[c->ntiles - 1].kind, TILE_SURVEY);
		content_free(c);
		content_report_release(&r);
	}
}

/* The English texts of Ussen's survey are there. */
static void test_ussen_survey_in_english(void **state)
{
	struct content_report r;
	struct content *c = load("content/ussen", &r);
	const struct survey *s;
	int i, j;

	(void)state;
	assert_non_null(c);
	s = survey_of(c);
	assert_string_equal(text_get(&s->title, 1), "Living in Ussen");
	for (i = 0; i < s->nquestions; i++) {
		const struct survey_question *q = &s->questions[i];

		assert_non_null(q->title.s[1]);
		for (j = 0; j < q->noptions; j++)
			assert_non_null(q->options[j].label.s[1]);
	}
	content_free(c);
	content_report_release(&r);
}

/* The complete example in chapter 15 of the staff guide is a survey that
 * reads without a single remark. */
static void test_guide_example_reads(void **state)
{
	struct content_report r;
	struct content *c;
	char *guide, *at, *out, *o;
	size_t len;
	struct err e;

	guide = file_read("content/LEESMIJ.md", 1 << 20, &len, &e);
	assert_non_null(guide);
	at = strstr(guide, "## 15.");
	assert_non_null(at);
	at = strstr(at, "**enquete/enquete.ini**\n");
	assert_non_null(at);
	at = strchr(at, '\n') + 1;
	out = o = calloc(1, len + 1);
	/* the indented block: every line of it without its four spaces */
	while (*at) {
		char *nl = strchr(at, '\n');
		size_t n = nl ? (size_t)(nl - at) : strlen(at);

		if (n >= 4 && strncmp(at, "    ", 4) == 0) {
			memcpy(o, at + 4, n - 4);
			o += n - 4;
		} else if (n != 0) {
			break;
		}
		*o++ = '\n';
		at += n + (nl != NULL);
	}
	assert_true(o - out > 500);
	c = load_survey(*state, out, &r);
	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 0);
	assert_int_equal(survey_of(c)->nquestions, 8);
	content_free(c);
	content_report_release(&r);
	free(out);
	free(guide);
}

/* Several surveys in one pack: each its own tile, id and version. */
static void test_two_surveys_in_one_pack(void **state)
{
	const char *dir = *state;
	struct content_report r;
	struct content *c;

	fake_write(dir, "kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Test\nlanguages = nl, en\n"
		   "[home]\ntiles = enquete, tweede\n");
	fake_write(dir, "tweede/tile.ini",
		   "[tile]\nkind = enquete\ntitle = Nog een\n"
		   "title.en = Another\n");
	fake_write(dir, "tweede/enquete.ini", GOOD);
	c = load_survey(dir, GOOD, &r);
	assert_int_equal(c->ntiles, 2);
	assert_non_null(c->tiles[0].survey);
	assert_non_null(c->tiles[1].survey);
	assert_string_equal(c->tiles[1].survey->id, "tweede");
	assert_string_not_equal(c->tiles[0].survey->version,
				c->tiles[1].survey->version);
	content_free(c);
	content_report_release(&r);
}

/* ---- what the check says ---- */

/* GOOD with the text `from` replaced by `to` (which must be there). */
static char *good_with(const char *from, const char *to)
{
	const char *at = strstr(GOOD, from);
	size_t n = strlen(GOOD) - strlen(from) + strlen(to) + 1;
	char *s = malloc(n);

	if (!at || !s)
		fail_msg("'%s' is not in the good survey", from);
	snprintf(s, n, "%.*s%s%s", (int)(at - GOOD), GOOD, to,
		 at + strlen(from));
	return s;
}

/* One spoilt survey: GOOD with `from` replaced by `to` fails with an
 * error on line `line` that says `what`. */
struct spoilt {
	const char *from, *to;
	int line;
	const char *what;
};

static void test_every_mistake_on_its_line(void **state)
{
	static const struct spoilt cases[] = {
		/* unknown soort */
		{ "soort = janee\ntitel = Weet",
		  "soort = jaofnee\ntitel = Weet", 9,
		  "onbekende soort 'jaofnee': kies keuze, meerkeuze" },
		/* duplicate question id */
		{ "[vraag nodig]", "[vraag waar]", 28,
		  "vraag 'waar' staat hier twee keer (ook op regel 15)" },
		/* duplicate option id */
		{ "optie.daar = Daar\n", "optie.hier = Daar\n", 22,
		  "'optie.hier' staat hier twee keer" },
		/* a condition on an unknown question */
		{ "toon_als = weet is ja", "toon_als = wet is ja", 19,
		  "vraag 'wet' bestaat niet" },
		/* a condition on a later question */
		{ "toon_als = weet is ja", "toon_als = nodig is groen", 19,
		  "vraag 'nodig' komt pas na deze vraag" },
		/* a circle of two questions */
		{ "titel = Weet u het?\n",
		  "titel = Weet u het?\ntoon_als = waar is hier\n", 11,
		  "vraag 'weet' en vraag 'waar' hangen van elkaar af" },
		/* a question that depends on itself */
		{ "toon_als = weet is ja", "toon_als = waar is hier", 19,
		  "hangt van zichzelf af" },
		/* a choice question without options */
		{ "[vraag even]",
		  "[vraag x]\nsoort = keuze\ntitel = X\n[vraag even]", 61,
		  "vraag 'x' (soort keuze) heeft geen opties" },
		/* one option is not a choice */
		{ "optie.daar = Daar\noptie.daar.en = There\noptie.anders = "
		  "Anders\noptie.anders.en = Other\nanders = anders\n",
		  "", 20, "vraag 'waar' heeft maar een optie" },
		/* a condition on an option that does not exist */
		{ "nodig is een van licht, groen",
		  "nodig is een van licht, gras", 44,
		  "vraag 'nodig' heeft geen antwoord 'gras': zo is deze "
		  "vraag nooit te zien" },
		/* a condition that rules out every answer */
		{ "toon_als = weet is ja", "toon_als = weet is niet ja, nee",
		  19, "sluit alle antwoorden van vraag 'weet' uit" },
		/* yes/no answers are ja and nee */
		{ "toon_als = weet is ja", "toon_als = weet is yes", 19,
		  "heeft geen antwoord 'yes' (kies ja of nee)" },
		/* a chain through a question that can never show */
		{ "toon_als = nodig is een van licht, groen",
		  "toon_als = nodig is niet groen, bank, licht", 51,
		  "vraag 'prettig', waar hij van afhangt, is zelf nooit te "
		  "zien" },
		/* conditions name answers, and only of answerable questions */
		{ "toon_als = leeftijd is 67+", "toon_als = tip is ja", 59,
		  "vraag 'tip' komt pas na deze vraag" },
		{ "maxlengte = 300", "maxlengte = 300\ntoon_als = even is ja",
		  73, "een vraag van soort info kan geen voorwaarde zijn" },
		{ "maxlengte = 300", "maxlengte = 300\ntoon_als = jaren is 3",
		  73, "soort getal zonder banden kan geen voorwaarde zijn" },
		{ "toon_als = leeftijd is 67+", "toon_als = leeftijd is 70", 59,
		  "heeft geen antwoord '70' (noem een band" },
		{ "toon_als = weet is ja", "toon_als = weet ja", 19,
		  "toon_als is niet goed geschreven" },
		{ "toon_als = weet is ja", "toon_als = weet is ja, nee", 19,
		  "schrijf 'is een van ja, nee'" },
		/* anders names one of the options */
		{ "anders = anders", "anders = overig", 26,
		  "anders = overig: vraag 'waar' heeft geen optie 'overig'" },
		/* keys that do not fit the soort */
		{ "soort = janee\ntitel = Weet u het?\n",
		  "soort = janee\ntitel = Weet u het?\nmax = 3\n", 11,
		  "max hoort niet bij een vraag van soort janee" },
		{ "maxlengte = 300", "maxlengte = 3000", 72,
		  "maxlengte moet een getal van 1 tot 500 zijn" },
		{ "max = 2\n", "max = 4\n", 32,
		  "max moet een getal van 1 tot 3 zijn" },
		{ "max = 99\n", "max = 0\n", 58,
		  "max (0) is kleiner dan min (1)" },
		{ "min = 1\nmax = 99\n", "min = 1\n", 53,
		  "vraag 'jaren' (soort getal) heeft geen max" },
		{ "banden = 0-17, 18 - 66, 67+", "banden = 0-17, 10-66, 67+",
		  50, "band '10-66' klopt niet" },
		{ "banden = 0-17, 18 - 66, 67+", "banden = 0-17, jong, 67+", 50,
		  "'jong' is geen band" },
		{ "maxlengte = 300", "maxlengte = 300\nopenbaar = ja", 73,
		  "openbaar kan niet bij soort tekst" },
		{ "titel = Prettig?\n", "titel = Prettig?\noptie.1 = Slecht\n",
		  43, "een schaal heeft geen opties, of precies vijf" },
		{ "verplicht = ja\n", "verplicht = misschien\n", 12,
		  "verplicht moet ja of nee zijn" },
		/* the shape of the file */
		{ "minuten = 3", "minuten = 0", 6,
		  "minuten moet een getal van 1 tot 60 zijn" },
		{ "titel = Wonen", "title = Wonen", 2,
		  "onbekende instelling 'title' in [enquete]: bedoel je "
		  "'titel'?" },
		{ "[vraag even]", "[vragen even]", 61,
		  "onbekend kopje [vragen even]" },
		{ "[vraag even]", "[vraag Even!]", 61,
		  "'Even!' is geen goede naam voor een vraag" },
		{ "optie.bank = Bankjes", "optie.Bank = Bankjes", 35,
		  "'optie.Bank' is geen goede naam voor een optie" },
		{ "[vraag even]\nsoort = info\n",
		  "[vraag leeg]\n[vraag even]\nsoort = info\n", 61,
		  "vraag 'leeg' heeft geen soort" },
		{ "[vraag tip]\nsoort = tekst\ntitel = Tip?\n",
		  "[vraag tip]\nsoort = tekst\n", 68,
		  "vraag 'tip' heeft geen titel" },
		{ "[enquete]\ntitel = Wonen\n",
		  "soort = keuze\n[enquete]\ntitel = Wonen\n", 1,
		  "deze regel staat niet onder een [kopje]" },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		char where[64], *survey = good_with(cases[i].from, cases[i].to);

		print_message("case %zu: %s\n", i, cases[i].what);
		snprintf(where, sizeof(where), REL ":%d:", cases[i].line);
		fails(*state, survey, where, cases[i].what);
		free(survey);
	}
}

/* [enquete] with its titel and minuten, and at least one question. */
static void test_survey_needs_its_head_and_questions(void **state)
{
	fails(*state, "[vraag a]\nsoort = janee\ntitel = A\n", REL,
	      "[enquete] ontbreekt");
	fails(*state,
	      "[enquete]\nminuten = 2\n[vraag a]\nsoort = janee\n"
	      "titel = A\n",
	      REL ":1:", "'titel = ...' ontbreekt in [enquete]");
	fails(*state,
	      "[enquete]\ntitel = T\n[vraag a]\nsoort = janee\n"
	      "titel = A\n",
	      REL ":1:", "'minuten = ...' ontbreekt in [enquete]");
	fails(*state, "[enquete]\ntitel = T\nminuten = 2\n", REL,
	      "er staat geen enkele vraag in");
	fails(*state,
	      "[enquete]\ntitel = T\nminuten = 2\n[vraag a]\n"
	      "soort = info\ntitel = A\n",
	      REL, "geen enkele vraag met een antwoord");
	fake_rmtree(*state);
	mkdir(*state, 0700);
	write_pack(*state);
	{
		struct content_report r;
		struct content *c = load(*state, &r);

		assert_null(c);
		assert_true(find_diag(&r, REL, "bestand ontbreekt") >= 0);
		content_report_release(&r);
	}
}

/* More questions or options than survey.h holds is an error on the line
 * of the first one too many, never a silent cut. */
static void test_limits_are_errors_on_their_line(void **state)
{
	char *buf = malloc(16384), *o = buf;
	int i, line = 3;

	o += sprintf(o, "[enquete]\ntitel = T\nminuten = 2\n");
	for (i = 0; i <= SURVEY_QUESTION_MAX; i++) {
		o += sprintf(o,
			     "[vraag v%d]\nsoort = janee\ntitel = V\n"
			     "titel.en = Q\n",
			     i);
		if (i < SURVEY_QUESTION_MAX)
			line += 4;
	}
	fails(*state, buf, REL, "te veel vragen");
	{
		char where[64];

		snprintf(where, sizeof(where), REL ":%d:", line + 1);
		fails(*state, buf, where, "hoogstens 40 vragen");
	}

	o = buf;
	o += sprintf(o, "[enquete]\ntitel = T\nminuten = 2\n[vraag a]\n"
			"soort = keuze\ntitel = A\ntitel.en = A\n");
	for (i = 0; i <= SURVEY_OPTION_MAX; i++)
		o += sprintf(o, "optie.o%d = O\n", i);
	/* lines 1-7, then option i on line 8 + i */
	{
		char where[64];

		snprintf(where, sizeof(where),
			 REL ":%d:", 8 + SURVEY_OPTION_MAX);
		fails(*state, buf, where, "te veel opties");
	}
	free(buf);
}

/* A missing translation is a warning on the line of the Dutch text; the
 * pack still loads and shows Dutch there. */
static void test_missing_translation_warns(void **state)
{
	char *s = good_with("optie.daar.en = There\n", "");

	warns(*state, s, REL ":22:",
	      "optie.daar.en ontbreekt: de kiosk toont daar de Nederlandse "
	      "tekst");
	free(s);
	s = good_with("titel.en = Do you know?\n", "");
	warns(*state, s, REL ":10:", "titel.en ontbreekt");
	free(s);
	s = good_with("titel = Prettig?\n",
		      "titel = Prettig?\ntitel.tr = Iyi?\n");
	warns(*state, s, REL ":43:", "taal 'tr' staat niet bij languages");
	free(s);
}

/* A language with no survey text at all gets one warning, not one per
 * text. */
static void test_untranslated_language_warns_once(void **state)
{
	static const char dutch_only[] = "[enquete]\ntitel = T\nminuten = 2\n"
					 "[vraag a]\nsoort = keuze\ntitel = A\n"
					 "optie.x = X\noptie.y = Y\n";
	struct content_report r;
	struct content *c = load_survey(*state, dutch_only, &r);

	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 1);
	assert_true(find_diag(&r, REL, "geen enkele tekst in taal 'en'") >= 0);
	assert_string_equal(text_get(&survey_of(c)->questions[0].title, 1),
			    "A");
	content_free(c);
	content_report_release(&r);
}

/* ---- the version ---- */

static void version_of(const char *dir, const char *survey, char out[17])
{
	struct content_report r;
	struct content *c = load_survey(dir, survey, &r);

	assert_int_equal(r.errors, 0);
	str_copy(out, 17, survey_of(c)->version);
	content_free(c);
	content_report_release(&r);
}

static void test_version_follows_meaning_not_words(void **state)
{
	/* changes of wording: the version stays */
	static const char *const same[][2] = {
		{ "titel = Weet u het?", "titel = Weet u waar u heen kunt?" },
		{ "titel.en = Where?", "titel.en = Where to?" },
		{ "optie.daar = Daar", "optie.daar = Ergens daar" },
		{ "uitleg = Nog een vraag.", "uitleg = Nog maar een vraag." },
		{ "intro = Zeg het maar.\n", "" },
		{ "minuten = 3", "minuten = 5" },
		{ "openbaar = ja\n", "" },
		{ "nodig is een van licht, groen",
		  "nodig is een van groen, licht" },
		{ "toon_als = weet is ja", "toon_als = weet is een van ja" },
		{ "[vraag weet]\n", "; een opmerking\n[vraag weet]\n" },
	};
	/* changes of meaning: a new version */
	static const char *const other[][2] = {
		{ "optie.anders = Anders",
		  "optie.nieuw = Nieuw\noptie.anders = Anders" },
		{ "optie.hier = Hier\noptie.hier.en = Here\noptie.daar = "
		  "Daar\noptie.daar.en = There\n",
		  "optie.daar = Daar\noptie.daar.en = There\noptie.hier = "
		  "Hier\noptie.hier.en = Here\n" },
		{ "[vraag waar]", "[vraag waarheen]" },
		{ "verplicht = ja", "verplicht = nee" },
		{ "max = 2", "max = 3" },
		{ "max = 99", "max = 100" },
		{ "banden = 0-17, 18 - 66, 67+", "banden = 0-20, 21-66, 67+" },
		{ "maxlengte = 300", "maxlengte = 200" },
		{ "toon_als = weet is ja", "toon_als = weet is nee" },
		{ "toon_als = weet is ja\n", "" },
		{ "anders = anders\n", "" },
		{ "soort = keuze", "soort = meerkeuze" },
	};
	char base[17], v[17];
	size_t i;

	version_of(*state, GOOD, base);
	for (i = 0; i < ARRAY_LEN(same); i++) {
		char *s = good_with(same[i][0], same[i][1]);

		version_of(*state, s, v);
		if (strcmp(v, base) != 0)
			fail_msg("rewording '%s' changed the version",
				 same[i][0]);
		free(s);
	}
	for (i = 0; i < ARRAY_LEN(other); i++) {
		char *s = good_with(other[i][0], other[i][1]);

		version_of(*state, s, v);
		if (strcmp(v, base) == 0)
			fail_msg("changing '%s' kept the version", other[i][0]);
		free(s);
	}
	/* 16 lower-case hex digits */
	for (i = 0; i < 16; i++)
		assert_true(isxdigit((unsigned char)base[i]) &&
			    !isupper((unsigned char)base[i]));
}

/* The version is fixed by the definition alone: a hand-built survey gets
 * the value any kiosk would compute (64-bit FNV-1a, documented). */
static void test_version_is_stable(void **state)
{
	struct survey *s = calloc(1, sizeof(*s));
	char a[17], b[17];

	(void)state;
	str_copy(s->id, sizeof(s->id), "e");
	s->nquestions = 1;
	str_copy(s->questions[0].id, sizeof(s->questions[0].id), "q");
	s->questions[0].kind = QUESTION_YESNO;
	survey_version(s, a);
	survey_version(s, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 16);
	s->questions[0].required = 1;
	survey_version(s, b);
	assert_string_not_equal(a, b);
	free(s);
}

/* ---- which questions show ---- */

static void test_survey_shows_follows_the_answers(void **state)
{
	struct content_report r;
	struct content *c = load_survey(*state, GOOD, &r);
	const struct survey *s = survey_of(c);
	struct survey_answers *ans = calloc(1, sizeof(*ans));
	int weet = question_of(s, "weet"), waar = question_of(s, "waar");
	int nodig = question_of(s, "nodig"),
	    prettig = question_of(s, "prettig");
	int leeftijd = question_of(s, "leeftijd"),
	    jaren = question_of(s, "jaren");

	/* nothing answered: only questions without a condition */
	assert_true(survey_shows(s, ans, weet));
	assert_false(survey_shows(s, ans, waar));
	assert_true(survey_shows(s, ans, nodig));
	assert_false(survey_shows(s, ans, prettig));
	assert_true(survey_shows(s, ans, question_of(s, "tip")));

	/* is: ja shows it, nee does not */
	ans->a[weet].answered = 1;
	ans->a[weet].choice = 1;
	assert_true(survey_shows(s, ans, waar));
	ans->a[weet].choice = 0;
	assert_false(survey_shows(s, ans, waar));

	/* is een van: any of the options ticked in a multiple choice */
	ans->a[nodig].answered = 1;
	ans->a[nodig].chosen = 1u << 1; /* bank */
	assert_false(survey_shows(s, ans, prettig));
	ans->a[nodig].chosen |= 1u << 2; /* licht */
	assert_true(survey_shows(s, ans, prettig));

	/* is niet: answered, and not with 1 or 2 */
	assert_false(survey_shows(s, ans, leeftijd));
	ans->a[prettig].answered = 1;
	ans->a[prettig].choice = 2;
	assert_false(survey_shows(s, ans, leeftijd));
	ans->a[prettig].choice = 4;
	assert_true(survey_shows(s, ans, leeftijd));

	/* a band, and a chain: hiding a link hides what hangs on it */
	ans->a[leeftijd].answered = 1;
	ans->a[leeftijd].choice = 2; /* 67+ */
	assert_true(survey_shows(s, ans, jaren));
	ans->a[nodig].chosen = 1u << 1; /* prettig no longer shows */
	assert_false(survey_shows(s, ans, prettig));
	assert_false(survey_shows(s, ans, leeftijd));
	assert_false(survey_shows(s, ans, jaren));

	free(ans);
	content_free(c);
	content_report_release(&r);
}

/* ---- on the kiosk ---- */

/* Until the survey has screens of its own, its tile opens like a page,
 * with its title, in both languages, and back works. */
static void test_survey_tile_opens_safely(void **state)
{
	struct fake_kiosk *k = fake_kiosk_new();

	(void)state;
	fake_tap(k, "Tik op het scherm om te beginnen");
	fake_tap(k, "Enquête");
	assert_true(fake_visible(k, "Enquête"));
	assert_non_null(fake_hit(k, "Terug"));
	fake_language(k, "English");
	assert_true(fake_visible(k, "Survey"));
	fake_tap(k, "Back");
	assert_non_null(fake_hit(k, "Survey"));
	fake_kiosk_free(k);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_survey_is_read_in_every_language),
		cmocka_unit_test(test_demo_surveys),
		cmocka_unit_test(test_ussen_survey_in_english),
		T(test_guide_example_reads),
		T(test_two_surveys_in_one_pack),
		T(test_every_mistake_on_its_line),
		T(test_survey_needs_its_head_and_questions),
		T(test_limits_are_errors_on_their_line),
		T(test_missing_translation_warns),
		T(test_untranslated_language_warns_once),
		T(test_version_follows_meaning_not_words),
		cmocka_unit_test(test_version_is_stable),
		T(test_survey_shows_follows_the_answers),
		cmocka_unit_test(test_survey_tile_opens_safely),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
