/*
 * screen: what every family shares below the chrome: asking the app,
 * translations, the tile on the place, where its items are; see screen.h.
 */
#include <assert.h>
#include <stdio.h>

#include "core/screens/screen.h"

void screen_ask(const struct screen_ctx *c, struct screen_req r)
{
	struct screen_reqs *q = c->reqs;

	/* a frame clicks at most one widget; more is a programming error */
	assert(q->n < SCREEN_REQ_MAX);
	if (q->n < SCREEN_REQ_MAX)
		q->r[q->n++] = r;
}

const char *screen_tr(const struct screen_ctx *c, const char *key)
{
	return i18n_get(c->i18n, c->ui_lang, key);
}

const struct tile *screen_tile(const struct screen_ctx *c)
{
	assert(c->at->tile >= 0 && c->at->tile < c->content->ntiles);
	return &c->content->tiles[c->at->tile];
}

int screen_reach_item(const struct screen_ctx *c, enum route route, int k,
		      struct place *to)
{
	if (k < 0)
		return 0;
	*to = (struct place){ .route = route, .tile = c->at->tile, .item = k };
	return 1;
}

void screen_doc_file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/%s.md", screen_tile(c)->id,
		 c->content->langs[c->visit->lang]);
}

int screen_flyer_slot(const struct content *ct, int tile, int item)
{
	int i, n = 0;

	for (i = 0; i < tile; i++)
		n += ct->tiles[i].nflyers;
	return n + item;
}
