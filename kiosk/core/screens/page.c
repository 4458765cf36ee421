/*
 * page: a tile of plain text (kind = page), in a comfortable column,
 * poured into screenfuls by flow.c and turned with the footer or a swipe.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

/* The layout of the whole page at today's text size. */
static const struct flow_layout *layout(const struct screen_ctx *c, int *x)
{
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);
	int col = chrome_column(c, x), top = chrome_body_top(c);

	return flow_get(c->flows, c->ui, d->blocks, 0, d->nblocks, col,
			chrome_bottom(c) - top - ui_mm(c->ui, FOOTER_MM), 0);
}

static int parts(const struct screen_ctx *c)
{
	int x;

	return layout(c, &x)->pages;
}

static void draw(const struct screen_ctx *c)
{
	const struct flow_layout *l;
	int top, x, part;
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	l = layout(c, &x);
	part = chrome_clamp(c->at->part, l->pages);
	flow_draw(c->ui, l, x, chrome_body_top(c), part, c->theme->text);
	chrome_part_label(c, "nav.part", part, l->pages, where, sizeof(where));
	chrome_footer(c, part, l->pages, where);
}

const struct screen_family screen_page = { "page", draw, parts, NULL,
					   screen_doc_file };
