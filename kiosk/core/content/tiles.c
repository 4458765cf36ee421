/*
 * tiles: the kinds of tile a pack can put on the home screen, as a table.
 * A row says what the kind is called in tile.ini, whether it has a text
 * per language (LANG.md) cut into cards or steps, and which list file it
 * reads with which schema. The schemas of tile.ini and of the list files
 * (folders.ini, partners.ini, nieuws.ini, activiteiten.ini) are tables of
 * keys too. The rules the guide gives for a kind (4 to 7 steps, the three
 * questions first, a square icon) are checked here as warnings.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "core/content/schema.h"
#include "core/survey/survey.h"

#define COUNT(a) ((int)ARRAY_LEN(a))

/* ---- tile.ini ---- */

static const char *const kind_names[] = {
	[TILE_PAGE] = "page",		[TILE_WERKWIJZE] = "werkwijze",
	[TILE_STEPS] = "steps",		[TILE_FLYERS] = "flyers",
	[TILE_PARTNERS] = "partners",	[TILE_NEWS] = "news",
	[TILE_EVENTS] = "activiteiten", [TILE_SURVEY] = "enquete",
	[TILE_ASK] = "ask",		[TILE_INITIATIVES] = "initiatives",
};

static void set_kind(struct schema_file *F, void *rec, const char *key,
		     const char *value)
{
	struct tile *t = rec;
	int i;

	(void)key;
	for (i = 0; i < COUNT(kind_names); i++)
		if (strcmp(value, kind_names[i]) == 0)
			break;
	if (i == COUNT(kind_names)) {
		diag_add(F->L, 0, F->rel, F->line,
			 "onbekende soort '%s': kies page, werkwijze, steps, "
			 "flyers, partners, news, activiteiten, enquete, ask "
			 "of initiatives",
			 value);
		return;
	}
	t->kind = (enum tile_kind)i;
	*(int *)F->user = 1;
}

/* show_from, show_until: kept with their line, for "ligt na". */
static void set_tile_date(struct schema_file *F, void *rec, const char *key,
			  const char *value)
{
	struct tile *t = rec;
	int *out =
		strcmp(key, "show_from") == 0 ? &t->when.from : &t->when.until;

	if (date_parse(value, out) < 0)
		diag_add(F->L, 0, F->rel, F->line,
			 "'%s' bij %s is geen goede datum: schrijf "
			 "jaar-maand-dag, zoals 2026-12-31",
			 value, key);
	else
		t->when_line = F->line;
}

/* icon: a picture like any other, and square (it fills a square). */
static void set_tile_icon(struct schema_file *F, void *rec, const char *key,
			  const char *value)
{
	struct tile *t = rec;
	char rel[300];
	long w, h;

	if (t->icon) {
		diag_add(F->L, 0, F->rel, F->line, "'%s' staat hier twee keer",
			 key);
		return;
	}
	t->icon = file_check(F->L, t->id, value, F->rel, F->line, 0);
	snprintf(rel, sizeof(rel), "%s/%s", t->id, value);
	if (t->icon && file_image_size(F->L, rel, &w, &h) == 0 &&
	    (w * 20 < h * 19 || h * 20 < w * 19))
		diag_add(F->L, 1, F->rel, F->line,
			 "het icoon '%s' is niet vierkant (%ld x %ld "
			 "beeldpunten): de kiosk maakt het kleiner tot het in "
			 "een vierkant past. Maak het even breed als hoog",
			 value, w, h);
}

#define IN_TILE(f) .offset = offsetof(struct tile, f)

static const struct field tile_fields[] = {
	FIELD_ROW("tile", "kind", FIELD_CALL, 1, .call = set_kind),
	FIELD_ROW("tile", "title", FIELD_TTEXT, 1, IN_TILE(title)),
	FIELD_ROW("tile", "icon", FIELD_CALL, 0, .call = set_tile_icon),
	FIELD_ROW("tile", "show_from", FIELD_CALL, 0, .call = set_tile_date),
	FIELD_ROW("tile", "show_until", FIELD_CALL, 0, .call = set_tile_date),
};

static const struct schema tile_schema = { tile_fields, COUNT(tile_fields),
					   NULL, "alleen [tile]" };

/* ---- folders.ini, partners.ini, nieuws.ini ---- */

static void *flyer_item(struct schema_file *F, const char *section)
{
	struct tile *t = F->user;
	struct flyer *fl;
	int i;

	for (i = 0; i < t->nflyers; i++)
		if (strcmp(t->flyers[i].name, section) == 0)
			return &t->flyers[i];
	t->flyers = xrealloc(t->flyers,
			     (size_t)(t->nflyers + 1) * sizeof(*t->flyers));
	fl = &t->flyers[t->nflyers++];
	memset(fl, 0, sizeof(*fl));
	fl->name = str_dup(section);
	fl->line = F->line;
	fl->is_pdf = ends_with(section, ".pdf");
	fl->file = file_check(F->L, t->id, section, F->rel, F->line, 1);
	return fl;
}

/* `file.en = name.pdf`: the flyer's file in another language. */
static void set_flyer_file(struct schema_file *F, void *rec, const char *key,
			   const char *value)
{
	struct flyer *fl = rec;
	struct tile *t = F->user;
	const char *dot = strchr(key, '.');
	int lang = dot ? lang_index(F->L->c, dot + 1) : 0;

	if (!dot || lang == 0) {
		diag_add(F->L, 0, F->rel, F->line,
			 "het bestand van de folder staat al in het kopje "
			 "[%s]: schrijf alleen file.en = ... voor een bestand "
			 "in een andere taal",
			 fl->name);
		return;
	}
	if (lang < 0) {
		diag_add(F->L, 1, F->rel, F->line,
			 "taal '%s' staat niet bij languages in kiosk.ini; "
			 "dit bestand wordt niet gebruikt",
			 dot + 1);
		return;
	}
	if (fl->file_lang[lang]) {
		diag_add(F->L, 0, F->rel, F->line, "'%s' staat hier twee keer",
			 key);
		return;
	}
	fl->file_lang[lang] =
		file_check(F->L, t->id, value, F->rel, F->line, 1);
}

static const struct field flyer_fields[] = {
	FIELD_ROW(NULL, "file", FIELD_CALL, 0, .call = set_flyer_file,
		  .translated = 1),
	FIELD_ROW(NULL, "title", FIELD_TTEXT, 1,
		  .offset = offsetof(struct flyer, title)),
	FIELD_ROW(NULL, "url", FIELD_URL, 0,
		  .offset = offsetof(struct flyer, url)),
	FIELD_ROW(NULL, "show_from", FIELD_DATE, 0,
		  .offset = offsetof(struct flyer, when.from)),
	FIELD_ROW(NULL, "show_until", FIELD_DATE, 0,
		  .offset = offsetof(struct flyer, when.until)),
};

static void *partner_item(struct schema_file *F, const char *section)
{
	struct tile *t = F->user;
	struct partner *pa;
	int i;

	for (i = 0; i < t->npartners; i++)
		if (strcmp(t->partners[i].name, section) == 0)
			return &t->partners[i];
	t->partners = xrealloc(t->partners, (size_t)(t->npartners + 1) *
						    sizeof(*t->partners));
	pa = &t->partners[t->npartners++];
	memset(pa, 0, sizeof(*pa));
	pa->name = str_dup(section);
	return pa;
}

static const struct field partner_fields[] = {
	FIELD_ROW(NULL, "line", FIELD_TTEXT, 1,
		  .offset = offsetof(struct partner, line),
		  .need = "wat de organisatie doet"),
	FIELD_ROW(NULL, "contact", FIELD_TEXT, 0,
		  .offset = offsetof(struct partner, contact)),
	FIELD_ROW(NULL, "logo", FIELD_IMAGE, 0,
		  .offset = offsetof(struct partner, logo)),
};

static void *news_item(struct schema_file *F, const char *section)
{
	struct tile *t = F->user;
	struct news *n;

	(void)section;
	t->news = xrealloc(t->news, (size_t)(t->nnews + 1) * sizeof(*t->news));
	n = &t->news[t->nnews++];
	memset(n, 0, sizeof(*n));
	n->line = F->line;
	return n;
}

static const struct field news_fields[] = {
	FIELD_ROW(NULL, "title", FIELD_TTEXT, 1,
		  .offset = offsetof(struct news, title)),
	FIELD_ROW(NULL, "text", FIELD_TTEXT, 1,
		  .offset = offsetof(struct news, body)),
	FIELD_ROW(NULL, "date", FIELD_DATE, 1,
		  .offset = offsetof(struct news, date)),
	FIELD_ROW(NULL, "video", FIELD_URL, 0,
		  .offset = offsetof(struct news, video)),
	FIELD_ROW(NULL, "url", FIELD_URL, 0,
		  .offset = offsetof(struct news, url)),
	FIELD_ROW(NULL, "image", FIELD_IMAGE, 0,
		  .offset = offsetof(struct news, image)),
	FIELD_ROW(NULL, "show_from", FIELD_DATE, 0,
		  .offset = offsetof(struct news, when.from)),
	FIELD_ROW(NULL, "show_until", FIELD_DATE, 0,
		  .offset = offsetof(struct news, when.until)),
};

static void *event_item(struct schema_file *F, const char *section)
{
	struct tile *t = F->user;
	struct event *ev;

	(void)section;
	t->events = xrealloc(t->events,
			     (size_t)(t->nevents + 1) * sizeof(*t->events));
	ev = &t->events[t->nevents++];
	memset(ev, 0, sizeof(*ev));
	ev->end = -1;
	ev->line = F->line;
	return ev;
}

static void set_event_time(struct schema_file *F, void *rec, const char *key,
			   const char *value)
{
	struct event *ev = rec;
	int end = strcmp(key, "end") == 0;
	int v = time_parse(value, end);

	if (v < 0) {
		diag_add(
			F->L, 0, F->rel, F->line,
			"'%s' bij %s is geen goede tijd: schrijf uren:minuten, "
			"zoals 9:30 of 14:00",
			value, key);
		return;
	}
	if (end)
		ev->end = v;
	else
		ev->start = v;
}

static const struct field event_fields[] = {
	FIELD_ROW(NULL, "title", FIELD_TTEXT, 1,
		  .offset = offsetof(struct event, title)),
	FIELD_ROW(NULL, "date", FIELD_DATE, 1,
		  .offset = offsetof(struct event, date)),
	FIELD_ROW(NULL, "start", FIELD_CALL, 1, .call = set_event_time,
		  .need = "hoe laat het begint, zoals 14:00"),
	FIELD_ROW(NULL, "end", FIELD_CALL, 0, .call = set_event_time),
	FIELD_ROW(NULL, "place", FIELD_TTEXT, 0,
		  .offset = offsetof(struct event, place)),
	FIELD_ROW(NULL, "text", FIELD_TTEXT, 0,
		  .offset = offsetof(struct event, body)),
	FIELD_ROW(NULL, "image", FIELD_IMAGE, 0,
		  .offset = offsetof(struct event, image)),
	FIELD_ROW(NULL, "url", FIELD_URL, 0,
		  .offset = offsetof(struct event, url)),
};

static const struct schema flyer_schema = { flyer_fields, COUNT(flyer_fields),
					    flyer_item, NULL };
static const struct schema partner_schema = { partner_fields,
					      COUNT(partner_fields),
					      partner_item, NULL };
static const struct schema news_schema = { news_fields, COUNT(news_fields),
					   news_item, NULL };
static const struct schema event_schema = { event_fields, COUNT(event_fields),
					    event_item, NULL };

/* ---- the kinds ---- */

struct tile_kind_def {
	enum tile_kind kind;
	int docs;		     /* a text per language, LANG.md */
	const char *cards;	     /* the text is cut at "## " into these */
	const char *list;	     /* the list file, or NULL */
	const struct schema *schema; /* of the list file */
	const char *empty;	     /* the list file has no item */
};

static const struct tile_kind_def kinds[] = {
	{ TILE_PAGE, 1, NULL, NULL, NULL, NULL },
	{ TILE_WERKWIJZE, 1, "kaart", NULL, NULL, NULL },
	{ TILE_STEPS, 1, "stap", NULL, NULL, NULL },
	{ TILE_FLYERS, 0, NULL, "folders.ini", &flyer_schema,
	  "er staat geen enkele folder in" },
	{ TILE_PARTNERS, 0, NULL, "partners.ini", &partner_schema,
	  "er staat geen enkele organisatie in" },
	{ TILE_NEWS, 0, NULL, "nieuws.ini", &news_schema,
	  "er staat geen enkel bericht in" },
	{ TILE_EVENTS, 0, NULL, "activiteiten.ini", &event_schema,
	  "er staat geen enkele activiteit in" },
	{ TILE_SURVEY, 0, NULL, NULL, NULL, NULL }, /* survey_read.c */
	{ TILE_ASK, 0, NULL, "onderwerpen.ini", &topic_schema,
	  "er staat geen enkel onderwerp in" },
	{ TILE_INITIATIVES, 0, NULL, "initiatieven.ini", &initiative_schema,
	  "er staat geen enkel initiatief in" },
};

static const struct tile_kind_def *kind_def(enum tile_kind k)
{
	int i;

	for (i = 0; i < COUNT(kinds); i++)
		if (kinds[i].kind == k)
			return &kinds[i];
	return NULL;
}

static int news_cmp(const void *a, const void *b)
{
	const struct news *x = a, *y = b;

	return (y->date > x->date) - (y->date < x->date);
}

static int event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->date != y->date)
		return (x->date > y->date) - (x->date < y->date);
	return (x->start > y->start) - (x->start < y->start);
}

/* show_from after show_until: the item never shows. */
static void when_check(struct loader *L, struct when w, const char *rel,
		       int line, const char *what)
{
	if (w.from && w.until && w.from > w.until)
		diag_add(L, 0, rel, line,
			 "show_from ligt na show_until: %s is nooit te zien",
			 what);
}

static void tile_list_load(struct loader *L, struct tile *t,
			   const struct tile_kind_def *k)
{
	char rel[160], what[200];
	int i, n, rc;

	snprintf(rel, sizeof(rel), "%s/%s", t->id, k->list);
	rc = schema_read(L, k->schema, rel, t->id, NULL, t);
	if (rc < 0)
		diag_missing(L, 0, rel, rel, 0, "bestand ontbreekt");
	if (rc != 0)
		return;
	n = t->kind == TILE_FLYERS	? t->nflyers
	    : t->kind == TILE_PARTNERS	? t->npartners
	    : t->kind == TILE_NEWS	? t->nnews
	    : t->kind == TILE_ASK	? t->ntopics
	    : t->kind == TILE_INITIATIVES ? t->ninitiatives
					: t->nevents;
	if (n == 0)
		diag_add(L, 0, rel, 0, "%s", k->empty);
	for (i = 0; t->kind == TILE_FLYERS && i < t->nflyers; i++) {
		snprintf(what, sizeof(what), "de folder [%s]",
			 t->flyers[i].name);
		when_check(L, t->flyers[i].when, rel, t->flyers[i].line, what);
	}
	for (i = 0; t->kind == TILE_NEWS && i < t->nnews; i++)
		when_check(L, t->news[i].when, rel, t->news[i].line,
			   "het bericht");
	for (i = 0; i < t->nevents; i++) {
		const struct event *ev = &t->events[i];

		if (ev->end >= 0 && ev->end <= ev->start)
			diag_add(L, 0, rel, ev->line,
				 "de activiteit eindigt (end) voor of op het "
				 "moment dat hij begint (start)");
	}
	asks_check(L, t, rel);
	if (t->kind == TILE_NEWS)
		qsort(t->news, (size_t)t->nnews, sizeof(*t->news), news_cmp);
	if (t->kind == TILE_EVENTS)
		qsort(t->events, (size_t)t->nevents, sizeof(*t->events),
		      event_cmp);
}

/* The three questions a werkwijze tile starts with, and a word each card
 * title must hold. */
static const struct {
	const char *word, *question;
} questions[] = {
	{ "wil", "Wat wil je?" },
	{ "kan", "Wat kan je zelf?" },
	{ "nodig", "Wat heb je nodig?" },
};

static void tile_docs_load(struct loader *L, struct tile *t,
			   const struct tile_kind_def *k)
{
	struct content *c = L->c;
	char mrel[160];
	int l, i, cards = 0;

	for (l = 0; l < c->nlangs; l++) {
		int missing = 0;

		snprintf(mrel, sizeof(mrel), "%s/%s.md", t->id, c->langs[l]);
		if (doc_load(L, &t->doc[l], t->id, mrel, &missing) == 0 ||
		    !missing)
			continue;
		if (l == 0)
			diag_missing(L, 0, mrel, mrel, 0, "bestand ontbreekt");
		else
			diag_missing(L, 1, mrel, mrel, 0,
				     "vertaling ontbreekt: de kiosk toont de "
				     "Nederlandse tekst");
	}
	snprintf(mrel, sizeof(mrel), "%s/%s.md", t->id, c->langs[0]);
	for (i = 0; i < t->doc[0].nblocks; i++) {
		const struct block *b = &t->doc[0].blocks[i];

		if (b->kind != BLOCK_H2)
			continue;
		if (t->kind == TILE_STEPS && cards == 7)
			diag_add(L, 1, mrel, b->line,
				 "dit is stap 8: maak 4 tot 7 stappen. Meer "
				 "stappen onthoudt niemand");
		if (t->kind == TILE_WERKWIJZE && cards < 3 &&
		    !strcasestr(b->text, questions[cards].word))
			diag_add(L, 1, mrel, b->line,
				 "kaart %d heet '%s': de eerste drie kaarten "
				 "zijn de drie vragen. Kaart %d is '%s'",
				 cards + 1, b->text, cards + 1,
				 questions[cards].question);
		cards++;
	}
	if (k->cards && cards == 0 && t->doc[0].nblocks > 0)
		diag_add(L, 0, mrel, 0, "begin elke %s met een kopje '## '",
			 k->cards);
	else if (t->kind == TILE_STEPS && cards > 0 && cards < 4)
		diag_add(L, 1, mrel, 0,
			 "er %s %d stap%s: maak 4 tot 7 stappen (elk kopje "
			 "'## ' is een stap)",
			 cards == 1 ? "is" : "zijn", cards,
			 cards == 1 ? "" : "pen");
	else if (t->kind == TILE_WERKWIJZE && cards > 0 && cards < 3)
		diag_add(L, 1, mrel, 0,
			 "er %s maar %d kaart%s: de eerste drie kaarten zijn "
			 "de drie vragen (Wat wil je? Wat kan je zelf? Wat heb "
			 "je nodig?)",
			 cards == 1 ? "is" : "zijn", cards,
			 cards == 1 ? "" : "en");
}

void tile_load(struct loader *L, struct tile *t)
{
	const struct tile_kind_def *k;
	char rel[160];
	int fd, kind_ok = 0;

	fd = pack_open(&L->pack, t->id, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		char missing[200];

		snprintf(missing, sizeof(missing),
			 "tegel '%s' staat in tiles, maar de map '%s' bestaat "
			 "niet",
			 t->id, t->id);
		diag_open_failed(L, errno, t->id, "kiosk.ini", L->tiles_line,
				 missing);
		return;
	}
	close(fd);
	snprintf(rel, sizeof(rel), "%s/tile.ini", t->id);
	fd = schema_read(L, &tile_schema, rel, t->id, t, &kind_ok);
	if (fd < 0) {
		if (errno == ENOENT)
			diag_missing(L, 0, rel, rel, 0,
				     "bestand ontbreekt: elke tegel heeft een "
				     "tile.ini met kind en title");
		else
			diag_open_failed(L, errno, rel, rel, 0,
					 "bestand ontbreekt");
		return;
	}
	if (fd > 0 || !kind_ok || !t->title.s[0])
		return; /* reported */
	when_check(L, t->when, rel, t->when_line, "de tegel");
	k = kind_def(t->kind);
	if (k->docs)
		tile_docs_load(L, t, k);
	if (k->list)
		tile_list_load(L, t, k);
	if (t->kind == TILE_FLYERS)
		flyers_unlisted(L, t);
	if (t->kind == TILE_SURVEY)
		survey_read(L, t);
}

void tile_release(struct tile *t)
{
	int i;

	text_release(&t->title);
	free(t->icon);
	for (i = 0; i < CONTENT_LANG_MAX; i++)
		doc_release(&t->doc[i]);
	for (i = 0; i < t->nflyers; i++) {
		int l;

		for (l = 0; l < CONTENT_LANG_MAX; l++)
			free(t->flyers[i].file_lang[l]);
		free(t->flyers[i].file);
		free(t->flyers[i].name);
		free(t->flyers[i].url);
		text_release(&t->flyers[i].title);
	}
	free(t->flyers);
	for (i = 0; i < t->npartners; i++) {
		free(t->partners[i].name);
		free(t->partners[i].contact);
		free(t->partners[i].logo);
		text_release(&t->partners[i].line);
	}
	free(t->partners);
	for (i = 0; i < t->nnews; i++) {
		text_release(&t->news[i].title);
		text_release(&t->news[i].body);
		free(t->news[i].video);
		free(t->news[i].url);
		free(t->news[i].image);
	}
	free(t->news);
	for (i = 0; i < t->nevents; i++) {
		text_release(&t->events[i].title);
		text_release(&t->events[i].body);
		text_release(&t->events[i].place);
		free(t->events[i].image);
		free(t->events[i].url);
	}
	free(t->events);
	survey_free(t->survey);
	asks_release(t);
}

const char *flyer_file(const struct flyer *f, int lang)
{
	if (lang > 0 && lang < CONTENT_LANG_MAX && f->file_lang[lang])
		return f->file_lang[lang];
	return f->file;
}

int flyer_is_pdf(const struct flyer *f, int lang)
{
	const char *file = flyer_file(f, lang);

	return file ? ends_with(file, ".pdf") : f->is_pdf;
}

int event_over(const struct event *e, int today, int minute)
{
	if (e->date != today)
		return e->date < today;
	return e->end >= 0 ? minute >= e->end : minute > e->start;
}

const struct doc *tile_doc(const struct tile *t, int lang)
{
	if (lang > 0 && lang < CONTENT_LANG_MAX && t->doc[lang].nblocks)
		return &t->doc[lang];
	return &t->doc[0];
}
