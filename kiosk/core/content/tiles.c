/*
 * tiles: the kinds of tile a pack can put on the home screen, as a table.
 * A row says what the kind is called in tile.ini, whether it has a text
 * per language (LANG.md) cut into cards or steps, and which list file it
 * reads with which schema. The schemas of tile.ini and of the list files
 * (folders.ini, partners.ini, nieuws.ini) are tables of keys too.
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
	[TILE_PAGE] = "page",	      [TILE_WERKWIJZE] = "werkwijze",
	[TILE_STEPS] = "steps",	      [TILE_FLYERS] = "flyers",
	[TILE_PARTNERS] = "partners", [TILE_NEWS] = "news",
	[TILE_SURVEY] = "enquete",
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
			 "flyers, partners, news of enquete",
			 value);
		return;
	}
	t->kind = (enum tile_kind)i;
	*(int *)F->user = 1;
}

#define IN_TILE(f) .offset = offsetof(struct tile, f)

static const struct field tile_fields[] = {
	FIELD_ROW("tile", "kind", FIELD_CALL, 1, .call = set_kind),
	FIELD_ROW("tile", "title", FIELD_TTEXT, 1, IN_TILE(title)),
	FIELD_ROW("tile", "icon", FIELD_IMAGE, 0, IN_TILE(icon)),
	FIELD_ROW("tile", "show_from", FIELD_DATE, 0, IN_TILE(when.from)),
	FIELD_ROW("tile", "show_until", FIELD_DATE, 0, IN_TILE(when.until)),
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
	fl->is_pdf = ends_with(section, ".pdf");
	fl->file = file_check(F->L, t->id, section, F->rel, F->line, 1);
	return fl;
}

static const struct field flyer_fields[] = {
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
	FIELD_ROW(NULL, "show_from", FIELD_DATE, 0,
		  .offset = offsetof(struct news, when.from)),
	FIELD_ROW(NULL, "show_until", FIELD_DATE, 0,
		  .offset = offsetof(struct news, when.until)),
};

static const struct schema flyer_schema = { flyer_fields, COUNT(flyer_fields),
					    flyer_item, NULL };
static const struct schema partner_schema = { partner_fields,
					      COUNT(partner_fields),
					      partner_item, NULL };
static const struct schema news_schema = { news_fields, COUNT(news_fields),
					   news_item, NULL };

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
	{ TILE_SURVEY, 0, NULL, NULL, NULL, NULL }, /* survey_read.c */
};

static const struct tile_kind_def *kind_def(enum tile_kind k)
{
	int i;

	for (i = 0; i < COUNT(kinds); i++)
		if (kinds[i].kind == k)
			return &kinds[i];
	return NULL;
}

static void warn_missing_translations(struct loader *L, const struct text *t,
				      const char *key, const char *rel)
{
	int l;

	for (l = 1; l < L->c->nlangs; l++)
		if (t->s[0] && !t->s[l])
			diag_add(L, 1, rel, 0,
				 "%s.%s ontbreekt: de kiosk toont "
				 "daar de Nederlandse tekst",
				 key, L->c->langs[l]);
}

/* Warns about every translatable field of a record left in Dutch only. */
static void record_translations(struct loader *L, const struct schema *s,
				const void *rec, const char *rel)
{
	int i;

	for (i = 0; i < s->nfields; i++)
		if (s->fields[i].type == FIELD_TTEXT)
			warn_missing_translations(
				L,
				(const struct text
					 *)(const void *)((const char *)rec +
							  s->fields[i].offset),
				s->fields[i].key, rel);
}

static int news_cmp(const void *a, const void *b)
{
	const struct news *x = a, *y = b;

	return (y->date > x->date) - (y->date < x->date);
}

static void tile_list_load(struct loader *L, struct tile *t,
			   const struct tile_kind_def *k)
{
	char rel[160];
	int i, n;

	snprintf(rel, sizeof(rel), "%s/%s", t->id, k->list);
	if (schema_read(L, k->schema, rel, t->id, NULL, t) < 0) {
		diag_open_failed(L, errno, rel, rel, 0, "bestand ontbreekt");
		return;
	}
	n = t->kind == TILE_FLYERS     ? t->nflyers
	    : t->kind == TILE_PARTNERS ? t->npartners
				       : t->nnews;
	for (i = 0; i < n; i++) {
		const void *rec = t->kind == TILE_FLYERS ? (void *)&t->flyers[i]
				  : t->kind == TILE_PARTNERS
					  ? (void *)&t->partners[i]
					  : (void *)&t->news[i];

		record_translations(L, k->schema, rec, rel);
	}
	if (n == 0)
		diag_add(L, 0, rel, 0, "%s", k->empty);
	if (t->kind == TILE_NEWS)
		qsort(t->news, (size_t)t->nnews, sizeof(*t->news), news_cmp);
}

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
			diag_add(L, 0, mrel, 0, "bestand ontbreekt");
		else
			diag_add(L, 1, mrel, 0,
				 "vertaling ontbreekt: de kiosk toont de "
				 "Nederlandse tekst");
	}
	if (!k->cards || t->doc[0].nblocks == 0 ||
	    t->doc[0].blocks[0].kind == BLOCK_H2)
		return;
	for (i = 0; i < t->doc[0].nblocks; i++)
		cards += t->doc[0].blocks[i].kind == BLOCK_H2;
	if (cards == 0) {
		snprintf(mrel, sizeof(mrel), "%s/%s.md", t->id, c->langs[0]);
		diag_add(L, 0, mrel, 0, "begin elke %s met een kopje '## '",
			 k->cards);
	}
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
		diag_open_failed(L, errno, t->id, "kiosk.ini", 0, missing);
		return;
	}
	close(fd);
	snprintf(rel, sizeof(rel), "%s/tile.ini", t->id);
	if (schema_read(L, &tile_schema, rel, t->id, t, &kind_ok) < 0) {
		diag_open_failed(L, errno, rel, rel, 0,
				 "bestand ontbreekt: elke tegel heeft een "
				 "tile.ini met kind en title");
		return;
	}
	if (!kind_ok || !t->title.s[0])
		return; /* reported */
	warn_missing_translations(L, &t->title, "title", rel);
	if (t->when.from && t->when.until && t->when.from > t->when.until)
		diag_add(L, 0, rel, 0,
			 "show_from ligt na show_until: de tegel "
			 "is nooit te zien");
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
	}
	free(t->news);
	survey_free(t->survey);
}

const struct doc *tile_doc(const struct tile *t, int lang)
{
	if (lang > 0 && lang < CONTENT_LANG_MAX && t->doc[lang].nblocks)
		return &t->doc[lang];
	return &t->doc[0];
}
