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

/* A link in the text becomes a QR code beside the column, level with
 * its paragraph, so a visitor opens it on their own phone. */
static void link_codes(const struct screen_ctx *c, const struct flow_layout *l,
		       int x, int part)
{
	struct ui *ui = c->ui;
	int left = x + l->width + ui_mm(ui, 10);
	int w = c->width - ui_mm(ui, MARGIN_MM) - left, i, below = 0;
	int top = chrome_body_top(c);
	int bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);

	if (w < ui_mm(ui, 40))
		return; /* no room beside the text */
	for (i = 0; i < l->nslices; i++) {
		const struct flow_slice *s = &l->slices[i];
		const struct block *b = &l->blocks[s->block];
		int y = top + s->y, used;

		if (s->page != part || s->first != 0 || !b->link)
			continue;
		if (y < below)
			y = below; /* never over the code above */
		used = chrome_qr_box(c, (struct rect){ left, y, w, bottom - y },
				     b->link, "page.link_qr");
		if (!used)
			break; /* the rest of the column is too short */
		below = y + used + ui_mm(ui, 8);
	}
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
	link_codes(c, l, x, part);
	chrome_part_label(c, "nav.part", part, l->pages, where, sizeof(where));
	chrome_footer(c, part, l->pages, where);
}

const struct screen_family screen_page = { "page", draw, parts, NULL,
					   screen_doc_file };
