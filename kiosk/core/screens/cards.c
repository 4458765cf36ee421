/*
 * cards: de werkwijze (kind = werkwijze). Each "## " section is a numbered
 * card; three cards a screen (two with larger letters, which need wider
 * cards), with the text before the first section as an intro above them.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static int per_screen(const struct screen_ctx *c)
{
	return c->visit->large ? 2 : 3;
}

static int parts(const struct screen_ctx *c)
{
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);

	return chrome_pages(doc_sections(d), per_screen(c));
}

static void card(const struct screen_ctx *c, const struct doc *d, int k, int n,
		 struct rect r)
{
	struct ui *ui = c->ui;
	const struct theme *th = c->theme;
	int start = doc_section_start(d, k);
	int end = k + 1 < n ? doc_section_start(d, k + 1) : d->nblocks;
	int circle = ui_mm(ui, 18), pad = ui_mm(ui, 8), ny, lines, tx;
	const struct block *head = &d->blocks[start];
	const struct flow_layout *l;
	char num[16];

	draw_rect(&ui->dl, r, (struct color){ 255, 255, 255, 255 },
		  ui_mm(ui, th->radius_mm));
	draw_frame(&ui->dl, r, th->header_bg, ui_mm(ui, 0.8));
	/* the number in a filled disc */
	draw_rect(&ui->dl,
		  (struct rect){ r.x + pad, r.y + pad, circle, circle },
		  th->header_bg, circle / 2);
	snprintf(num, sizeof(num), "%d", k + 1);
	ui_text(ui,
		(struct rect){ r.x + pad,
			       r.y + pad +
				       (circle - ui_line_h(ui, FONT_TITLE)) / 2,
			       circle, 0 },
		num, FONT_TITLE, UI_ALIGN_CENTER, th->header_text);
	/* the title beside the number, so the text has the room below */
	tx = r.x + pad + circle + ui_mm(ui, 4);
	ny = r.y + pad;
	lines = ui_text_runs(ui, head->runs, head->nruns, FONT_TITLE, tx,
			     ny + (circle - ui_line_h(ui, FONT_TITLE)) / 2,
			     r.x + r.w - pad - tx, UI_ALIGN_START, th->text, 0,
			     3, UI_RECORD | UI_CLIP | UI_BOLD);
	ny += (lines < 2 ? circle
			 : (circle - ui_line_h(ui, FONT_TITLE)) / 2 +
				   (lines < 3 ? lines : 3) *
					   ui_line_h(ui, FONT_TITLE)) +
	      ui_mm(ui, 4);
	l = flow_get(c->flows, ui, d->blocks, start + 1, end, r.w - 2 * pad,
		     r.y + r.h - ny - ui_mm(ui, 4), 0);
	flow_draw(ui, l, r.x + pad, ny, 0, th->text);
	if (l->pages > 1)
		chrome_clipped_block(c, head);
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);
	int n = doc_sections(d), per = per_screen(c);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8), i, y, top;
	int cw = (c->width - 2 * m - (per - 1) * gap) / per;
	int pages = chrome_pages(n, per),
	    part = chrome_clamp(c->at->part, pages);
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	y = chrome_body_top(c);
	if (part == 0 && n > 0 && doc_section_start(d, 0) > 0) {
		/* the intro: what fits in three lines above the cards */
		const struct flow_layout *l = flow_get(
			c->flows, ui, d->blocks, 0, doc_section_start(d, 0),
			c->width - 2 * m, ui_line_h(ui, FONT_BODY) * 3, 0);

		flow_draw(ui, l, m, y, 0, c->theme->text);
		if (l->pages > 1)
			chrome_clipped_block(c, &d->blocks[0]);
		y += ui_line_h(ui, FONT_BODY) * 3;
	}
	for (i = 0; i < per && part * per + i < n; i++)
		card(c, d, part * per + i, n,
		     (struct rect){ m + i * (cw + gap), y, cw,
				    chrome_bottom(c) - y -
					    ui_mm(ui, FOOTER_MM) });
	chrome_part_label(c, "nav.part", part, pages, where, sizeof(where));
	chrome_footer(c, part, pages, where);
}

const struct screen_family screen_cards = { "werkwijze", draw, parts, NULL,
					    screen_doc_file };
