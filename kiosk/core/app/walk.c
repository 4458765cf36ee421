/*
 * walk: visits every screen a visitor can reach, asking each screen family
 * how many screenfuls a place has and which places it opens; see walk.h.
 */
#include "core/app/walk.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"

struct walker {
	struct app *a;
	walk_fn fn;
	void *ctx;
	char prefix[32];
	int count;
};

static void visit_screen(struct walker *w, const char *what, const char *file)
{
	char name[200];

	snprintf(name, sizeof(name), "%s-%s", w->prefix, what);
	w->fn(w->ctx, name, file, app_frame(w->a));
	w->count++;
}

/* A short, file-name-safe name for a place, as the previews are named. */
static void place_name(const struct app *a, const struct place *p, int part,
		       int parts, char *out, size_t size)
{
	int in_tile = p->route == ROUTE_TILE || p->route == ROUTE_FLYER ||
		      p->route == ROUTE_NEWS || p->route == ROUTE_SURVEY ||
		      p->route == ROUTE_SURVEY_DONE || p->route >= ROUTE_ASK;
	const char *id = in_tile ? a->content->tiles[p->tile].id : "";

	switch (p->route) {
	case ROUTE_ATTRACT:
		snprintf(out, size, "wachtscherm");
		break;
	case ROUTE_HOME:
		snprintf(out, size, "begin");
		break;
	case ROUTE_TILE:
		snprintf(out, size, "%s-%d", id, part + 1);
		break;
	case ROUTE_FLYER:
		snprintf(out, size, "%s-folder%d-p%d", id, p->item + 1,
			 part + 1);
		break;
	case ROUTE_NEWS:
		snprintf(out, size, "%s-bericht%d", id, p->item + 1);
		break;
	case ROUTE_INFO:
		snprintf(out, size, "kioskinfo");
		break;
	case ROUTE_LANG:
		snprintf(out, size, "talen");
		break;
	case ROUTE_SURVEY:
		snprintf(out, size, "%s-vraag%d", id, p->item + 1);
		break;
	case ROUTE_SURVEY_DONE:
		snprintf(out, size, "%s-bedankt", id);
		break;
	case ROUTE_ASK:
		snprintf(out, size, "%s-onderwerp%d-stap%d", id, p->item + 1,
			 p->step + 1);
		break;
	case ROUTE_INITIATIVE:
		snprintf(out, size, "%s-initiatief%d", id, p->item + 1);
		break;
	case ROUTE_JOIN:
		snprintf(out, size, "%s-initiatief%d-doe-mee", id, p->item + 1);
		break;
	case ROUTE_SIGNUP:
		snprintf(out, size, "%s-initiatief%d-aanmelden%d", id,
			 p->item + 1, p->step + 1);
		break;
	case ROUTE_SIGNUP_DONE:
		snprintf(out, size, "%s-initiatief%d-%s", id, p->item + 1,
			 p->step ? "aangemeld" : "niet-bewaard");
		break;
	case ROUTE_STAFF: /* never walked: the attract screen reaches none */
		snprintf(out, size, "beheer");
		break;
	}
	(void)parts;
}

/* Shows every screenful of the place on top, then every place it opens,
 * depth first, the way a visitor taps through. */
static void walk_place(struct walker *w)
{
	struct app *a = w->a;
	struct place here = *visit_at(&a->visit), to;
	struct screen_ctx c = app_screen_ctx(a, &here);
	const struct screen_family *f = screen_family_of(&c);
	int parts = f->parts(&c), p, i;
	char file[200], name[160];

	f->file(&c, file, sizeof(file));
	for (p = 0; p < parts; p++) {
		visit_at(&a->visit)->part = p;
		place_name(a, &here, p, parts, name, sizeof(name));
		visit_screen(w, name, file);
	}
	visit_at(&a->visit)->part = 0;
	for (i = 0; f->reach && f->reach(&c, i, &to); i++) {
		if (app_open(a, to) < 0)
			continue;
		walk_place(w);
		visit_pop(&a->visit);
	}
}

int app_walk(struct app *a, int lang, int large, walk_fn fn, void *ctx)
{
	struct walker w = { a, fn, ctx, "", 0 };

	if (!a->content) {
		snprintf(w.prefix, sizeof(w.prefix), "buiten-gebruik");
		visit_screen(&w, "scherm", "");
		return w.count;
	}
	snprintf(w.prefix, sizeof(w.prefix), "%s%s", a->content->langs[lang],
		 large ? "-groot" : "");
	app_wipe(a);
	visit_screen(&w, "wachtscherm", "attract.nl.txt");
	app_open(a, (struct place){ .route = ROUTE_HOME });
	a->visit.lang = lang;
	a->visit.large = large;
	/* a sign-up's screens as a visitor sees them, with something typed
	 * (the walk ends with a wipe) */
	str_copy(a->visit.signup_name, sizeof(a->visit.signup_name), "Anna");
	str_copy(a->visit.signup_contact, sizeof(a->visit.signup_contact),
		 "06 12345678");
	walk_place(&w);
	/* the idle prompt, over the home screen */
	a->visit.prompt = 1;
	a->visit.prompt_since = a->now;
	visit_screen(&w, "bent-u-er-nog", "");
	app_wipe(a);
	return w.count;
}
