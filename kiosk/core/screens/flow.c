/*
 * flow: document layout into screenfuls, cached; see flow.h.
 */
#include "core/screens/flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static int is_heading(const struct block *b)
{
	return b->kind == BLOCK_H1 || b->kind == BLOCK_H2;
}

int flow_image_h(const struct ui *ui)
{
	return ui_mm(ui, ui->large ? 55 : 65);
}

int doc_sections(const struct doc *d)
{
	int i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == BLOCK_H2)
			n++;
	return n;
}

int doc_section_start(const struct doc *d, int k)
{
	int i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == BLOCK_H2 && n++ == k)
			return i;
	return d->nblocks;
}

void flow_cache_release(struct flow_cache *fc)
{
	int i;

	for (i = 0; i < FLOW_CACHE_MAX; i++)
		free(fc->e[i].slices);
	memset(fc, 0, sizeof(*fc));
}

static void add_slice(struct flow_layout *l, struct flow_slice s)
{
	if (l->nslices == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->slices = xrealloc(l->slices,
				     (size_t)l->cap * sizeof(*l->slices));
	}
	l->slices[l->nslices++] = s;
}

/* Lines a block takes at this width (a picture: the lines it covers). */
static int block_lines(struct ui *ui, const struct block *b, int width)
{
	if (b->kind == BLOCK_IMAGE) {
		int lh = ui_line_h(ui, FONT_BODY);

		return (flow_image_h(ui) + lh - 1) / lh;
	}
	return ui_text_lines(ui, b->runs, b->nruns, FONT_BODY, width,
			     is_heading(b) ? UI_BOLD : 0);
}

/* Breaks the blocks into screenfuls: headings stay with their text,
 * pictures stay whole, and no single line is left behind. */
static void lay_out(struct flow_layout *l, struct ui *ui)
{
	int lh = l->line_h, bullet = ui_mm(ui, 10);
	int page = 0, y = 0, i;

	l->nslices = 0;
	for (i = l->from; i < l->to; i++) {
		const struct block *b = &l->blocks[i];
		int indent =
			b->kind == BLOCK_LI || b->kind == BLOCK_OL ? bullet : 0;
		int heading = is_heading(b);
		int whole = heading || b->kind == BLOCK_IMAGE;
		int lines, first = 0;

		if (b->kind == BLOCK_IMAGE && (l->flags & FLOW_SKIP_IMAGES))
			continue;
		lines = block_lines(ui, b, l->width - indent);
		if (heading && y > 0)
			y += lh / 2;
		while (first < lines) {
			int avail = (l->height - y) / lh, take = lines - first;

			if (y > 0 &&
			    (avail <= 0 || (whole && avail < lines + heading) ||
			     (avail < take && avail < 2))) {
				page++;
				y = 0;
				continue;
			}
			if (take > avail)
				take = avail > 0 ? avail : 1;
			add_slice(l, (struct flow_slice){ i, first, take, y,
							  page });
			first += take;
			y += take * lh;
			if (first < lines) {
				page++;
				y = 0;
			}
		}
		y += b->kind == BLOCK_LI || b->kind == BLOCK_OL ? lh / 4
								: lh / 2;
	}
	l->pages = page + 1;
}

const struct flow_layout *flow_get(struct flow_cache *fc, struct ui *ui,
				   const struct block *blocks, int from, int to,
				   int width, int height, int flags)
{
	int lh = ui_line_h(ui, FONT_BODY), ih = flow_image_h(ui);
	int px = ui_font_px(ui, FONT_BODY), i, victim = 0;
	struct flow_layout *l;

	for (i = 0; i < FLOW_CACHE_MAX; i++) {
		l = &fc->e[i];
		if (l->blocks == blocks && l->from == from && l->to == to &&
		    l->width == width && l->height == height &&
		    l->flags == flags && l->line_h == lh && l->image_h == ih &&
		    l->font_px == px && l->pages > 0) {
			l->used = ++fc->clock;
			return l;
		}
		if (l->used < fc->e[victim].used)
			victim = i;
	}
	l = &fc->e[victim];
	l->blocks = blocks;
	l->from = from;
	l->to = to;
	l->width = width;
	l->height = height;
	l->flags = flags;
	l->line_h = lh;
	l->image_h = ih;
	l->font_px = px;
	l->used = ++fc->clock;
	lay_out(l, ui);
	return l;
}

int flow_used_h(const struct flow_layout *l, int page)
{
	int i, h = 0;

	for (i = 0; i < l->nslices; i++) {
		const struct flow_slice *sl = &l->slices[i];
		int bottom = sl->y + sl->take * l->line_h;

		if (sl->page == page && bottom > h)
			h = bottom;
	}
	return h;
}

void flow_draw(struct ui *ui, const struct flow_layout *l, int x, int top,
	       int page, struct color text)
{
	int lh = l->line_h, bullet = ui_mm(ui, 10), i;

	for (i = 0; i < l->nslices; i++) {
		const struct flow_slice *s = &l->slices[i];
		const struct block *b = &l->blocks[s->block];
		int indent =
			b->kind == BLOCK_LI || b->kind == BLOCK_OL ? bullet : 0;
		int y = top + s->y;

		if (s->page != page)
			continue;
		if (b->kind == BLOCK_IMAGE) {
			struct rect r = { x, y, l->width, l->image_h };

			draw_image(&ui->dl, r, b->image, 0,
				   (struct rect){ 0, 0, 0, 0 });
			if (b->text && *b->text)
				draw_text_item(&ui->dl, r, b->text);
			continue;
		}
		if (b->kind == BLOCK_OL && s->first == 0) {
			/* the number as staff wrote it, where a bullet would
			 * stand */
			char num[16];
			int px = ui_font_px(ui, FONT_BODY);
			int n = snprintf(num, sizeof(num), "%d.", b->number);

			draw_text(&ui->dl, x, y,
				  ui->m.text_width(ui->m.ctx, num, (size_t)n,
						   px, 0),
				  lh, num, (size_t)n, px, 0, text);
		}
		if (b->kind == BLOCK_LI && s->first == 0)
			draw_rect(&ui->dl,
				  (struct rect){ x + ui_mm(ui, 2),
						 y + lh / 2 - ui_mm(ui, 1.5),
						 ui_mm(ui, 3), ui_mm(ui, 3) },
				  text, ui_mm(ui, 1.5));
		ui_text_runs(ui, b->runs, b->nruns, FONT_BODY, x + indent, y,
			     l->width - indent, UI_ALIGN_START, text, s->first,
			     s->take,
			     (s->first == 0 ? UI_RECORD : 0) |
				     (is_heading(b) ? UI_BOLD : 0));
	}
}
