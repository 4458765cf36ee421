/*
 * walk: drives the app's state screen by screen; see walk.h.
 */
#include "core/app/walk.h"

#include <stdio.h>
#include <string.h>

#define WALK_PARTS_MAX 50 /* screenfuls of one view, a guard against loops */

struct walker {
	struct app *a;
	walk_fn fn;
	void *ctx;
	char prefix[32];
	int count;
};

static void visit(struct walker *w, const char *what, const char *file)
{
	char name[160];

	snprintf(name, sizeof(name), "%s-%s", w->prefix, what);
	w->fn(w->ctx, name, file, app_frame(w->a));
	w->count++;
}

/* The file a tile's texts come from, for the staff tool's messages. */
static void tile_file(const struct tile *t, const char *lang, char *out,
		      size_t size)
{
	switch (t->kind) {
	case TILE_FLYERS:
		snprintf(out, size, "%s/folders.ini", t->id);
		break;
	case TILE_PARTNERS:
		snprintf(out, size, "%s/partners.ini", t->id);
		break;
	case TILE_NEWS:
		snprintf(out, size, "%s/nieuws.ini", t->id);
		break;
	case TILE_PAGE:
	case TILE_WERKWIJZE:
	case TILE_STEPS:
		snprintf(out, size, "%s/%s.md", t->id, lang);
		break;
	}
}

/* Shows a view with parts (a->part or a->list_part) one by one. */
static void walk_parts(struct walker *w, int *part, const char *what,
		       const char *file)
{
	struct app *a = w->a;
	int p;

	*part = 0;
	app_frame(a); /* learn how many parts there are */
	for (p = 0; p < a->parts && p < WALK_PARTS_MAX; p++) {
		char name[96];

		*part = p;
		snprintf(name, sizeof(name), "%s-%d", what, p + 1);
		visit(w, name, file);
	}
	*part = 0;
}

int app_walk(struct app *a, int lang, int large, walk_fn fn, void *ctx)
{
	struct walker w = { a, fn, ctx, "", 0 };
	int i, j;

	if (!a->content) {
		snprintf(w.prefix, sizeof(w.prefix), "buiten-gebruik");
		visit(&w, "scherm", "");
		return w.count;
	}
	snprintf(w.prefix, sizeof(w.prefix), "%s%s", a->content->langs[lang],
		 large ? "-groot" : "");
	app_wipe(a);
	visit(&w, "wachtscherm", "attract.nl.txt");
	a->screen = SCREEN_HOME;
	a->lang = lang;
	a->ui.large = large;
	visit(&w, "begin", "kiosk.ini");
	for (i = 0; i < a->content->ntiles; i++) {
		const struct tile *t = &a->content->tiles[i];
		char what[96], file[160];

		if (!when_shows(t->when, a->today))
			continue;
		a->screen = SCREEN_TILE;
		a->tile = i;
		a->item = 0;
		tile_file(t, a->content->langs[lang], file, sizeof(file));
		if (t->kind == TILE_FLYERS || t->kind == TILE_NEWS)
			walk_parts(&w, &a->list_part, t->id, file);
		else
			walk_parts(&w, &a->part, t->id, file);
		for (j = 0; t->kind == TILE_FLYERS && j < t->nflyers; j++) {
			int p;

			if (!t->flyers[j].file ||
			    !when_shows(t->flyers[j].when, a->today))
				continue;
			a->screen = SCREEN_FLYER;
			a->item = j;
			a->zoom = 0;
			for (p = 1; p <= WALK_PARTS_MAX; p++) {
				a->flyer_page = p;
				app_frame(a);
				if (a->flyer_page != p)
					break; /* past the last page */
				snprintf(what, sizeof(what), "%s-folder%d-p%d",
					 t->id, j + 1, p);
				visit(&w, what, file);
			}
		}
		for (j = 0; t->kind == TILE_NEWS && j < t->nnews; j++) {
			if (!when_shows(t->news[j].when, a->today))
				continue;
			a->screen = SCREEN_NEWS;
			a->item = j;
			snprintf(what, sizeof(what), "%s-bericht%d", t->id,
				 j + 1);
			visit(&w, what, file);
		}
	}
	a->screen = SCREEN_INFO;
	a->info_from = SCREEN_HOME;
	visit(&w, "kioskinfo", "");
	a->screen = SCREEN_HOME;
	a->prompt = 1;
	a->prompt_since = a->now;
	visit(&w, "bent-u-er-nog", "");
	app_wipe(a);
	return w.count;
}
