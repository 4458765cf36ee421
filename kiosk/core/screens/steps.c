/*
 * steps: stap voor stap (kind = steps). One "## " section a screen, its
 * picture beside the text, and progress dots: steps done and the current
 * one filled, those to come outlined.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static int parts(const struct screen_ctx *c)
{
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);

	return chrome_pages(doc_sections(d), 1);
}

static void dots(const struct screen_ctx *c, int n, int part)
{
	struct ui *ui = c->ui;
	int dot = ui_mm(ui, 5), i;
	int y = chrome_bottom(c) - ui_mm(ui, FOOTER_MM) - dot * 2;
	int step = dot * 2;

	/* many steps: the dots shrink to fit the width */
	if (n * step > c->width - 2 * ui_mm(ui, MARGIN_MM)) {
		step = (c->width - 2 * ui_mm(ui, MARGIN_MM)) / n;
		dot = step / 2 > 1 ? step / 2 : 1;
	}
	for (i = 0; i < n; i++) {
		struct rect r = { c->width / 2 - (n * step) / 2 + i * step, y,
				  dot, dot };

		if (i <= part)
			draw_rect(&ui->dl, r, c->theme->header_bg, dot / 2);
		else
			draw_frame(&ui->dl, r, c->theme->header_bg,
				   ui_mm(ui, 0.6));
	}
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);
	int n = doc_sections(d), pages = chrome_pages(n, 1);
	int part = chrome_clamp(c->at->part, pages);
	int m = ui_mm(ui, MARGIN_MM), dot = ui_mm(ui, 5), top, y, i;
	int start, end, img = -1, text_w, x;
	const struct block *head;
	const struct flow_layout *l;
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	if (n == 0)
		return;
	start = doc_section_start(d, part);
	end = part + 1 < n ? doc_section_start(d, part + 1) : d->nblocks;
	head = &d->blocks[start];
	for (i = start + 1; i < end && img < 0; i++)
		if (d->blocks[i].kind == BLOCK_IMAGE)
			img = i;
	y = chrome_body_top(c);
	chrome_part_label(c, "steps.where", part, pages, where, sizeof(where));
	y += ui_text(ui, (struct rect){ m, y, c->width - 2 * m, 0 }, where,
		     FONT_BODY, UI_ALIGN_START, c->theme->text);
	y += ui_mm(ui, 3) +
	     ui_line_h(ui, FONT_TITLE) *
		     ui_text_runs(ui, head->runs, head->nruns, FONT_TITLE, m,
				  y + ui_mm(ui, 3), c->width - 2 * m,
				  UI_ALIGN_START, c->theme->text, 0, 2,
				  UI_RECORD | UI_CLIP | UI_BOLD);
	y += ui_mm(ui, 6);
	/* the step's text under its heading, in the same column; its
	 * picture goes beside it, not in it */
	x = m;
	text_w = img >= 0 ? (c->width - 2 * m) / 2
			  : chrome_column(c, &i); /* the width, from m */
	l = flow_get(c->flows, ui, d->blocks, start + 1, end, text_w,
		     chrome_bottom(c) - y - ui_mm(ui, FOOTER_MM) - dot * 3,
		     FLOW_SKIP_IMAGES);
	flow_draw(ui, l, x, y, 0, c->theme->text);
	if (l->pages > 1)
		chrome_clipped_block(c, head);
	if (img >= 0) {
		int ix = m + text_w + ui_mm(ui, 10);
		struct rect ir = { ix, y, c->width - m - ix,
				   chrome_bottom(c) - y - ui_mm(ui, FOOTER_MM) -
					   dot * 3 };

		draw_image(&ui->dl, ir, d->blocks[img].image, 0,
			   (struct rect){ 0, 0, 0, 0 });
		if (d->blocks[img].text && *d->blocks[img].text)
			draw_text_item(&ui->dl, ir, d->blocks[img].text);
	}
	dots(c, n, part);
	/* "Stap 2 van 7" stands above the heading: not again below */
	chrome_footer(c, part, pages, "");
}

const struct screen_family screen_steps = { "steps", draw, parts, NULL,
					    screen_doc_file };
