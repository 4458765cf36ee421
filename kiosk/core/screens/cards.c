/*
 * cards: de werkwijze (kind = werkwijze). Each "## " section is a card.
 * The first three are the three questions: numbered 1, 2, 3 and always
 * together on one screen. The cards after them are not steps, so they get
 * no number; a card whose section holds a picture shows it as its
 * pictogram instead. Side by side with normal letters; with larger letters
 * one under the other across the width, the intro on a screen of its own
 * and two cards a screen after the questions.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

#define QUESTIONS 3 /* wat wil je, wat kan je zelf, wat heb je nodig */

static int has_intro(const struct doc *d)
{
	return doc_sections(d) > 0 && doc_section_start(d, 0) > 0;
}

/* The intro apart: with larger letters, as the first screen. */
static int intro_apart(const struct screen_ctx *c, const struct doc *d)
{
	return c->visit->large && has_intro(d);
}

/* Cards on each screen after the first (which has the questions). */
static int later_per(const struct screen_ctx *c)
{
	return c->visit->large ? 2 : 3;
}

/* Screens of cards (not counting an intro apart). */
static int groups(const struct screen_ctx *c, int n)
{
	if (n <= QUESTIONS)
		return 1;
	return 1 + chrome_pages(n - QUESTIONS, later_per(c));
}

/* The first card of group g, and how many it has. */
static int group_first(const struct screen_ctx *c, int g, int n, int *count)
{
	int first = g == 0 ? 0 : QUESTIONS + (g - 1) * later_per(c);
	int per = g == 0 ? QUESTIONS : later_per(c);

	*count = n - first < per ? n - first : per;
	return first;
}

static int parts(const struct screen_ctx *c)
{
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);

	return groups(c, doc_sections(d)) + intro_apart(c, d);
}

/* The first picture in blocks [from, to), or NULL. */
static const struct block *picture(const struct doc *d, int from, int to)
{
	int i;

	for (i = from; i < to; i++)
		if (d->blocks[i].kind == BLOCK_IMAGE)
			return &d->blocks[i];
	return NULL;
}

/* The badge at the card's start: a number for the three questions, the
 * section's picture for the others (or nothing). Returns its width. */
static int badge(const struct screen_ctx *c, int k, const struct block *pic,
		 int x, int y, int side)
{
	struct ui *ui = c->ui;
	char num[16];

	if (k < QUESTIONS) {
		draw_rect(&ui->dl, (struct rect){ x, y, side, side },
			  c->theme->header_bg, side / 2);
		snprintf(num, sizeof(num), "%d", k + 1);
		ui_text(ui,
			(struct rect){
				x, y + (side - ui_line_h(ui, FONT_TITLE)) / 2,
				side, 0 },
			num, FONT_TITLE, UI_ALIGN_CENTER,
			c->theme->header_text);
		return side;
	}
	if (!pic)
		return 0;
	draw_image(&ui->dl, (struct rect){ x, y, side, side }, pic->image, 0,
		   (struct rect){ 0, 0, 0, 0 });
	if (pic->text && *pic->text)
		draw_text_item(&ui->dl, (struct rect){ x, y, side, side },
			       pic->text);
	return side;
}

/* Height a card across width w needs to show all of itself. */
static int card_need(const struct screen_ctx *c, const struct doc *d, int k,
		     int n, int w)
{
	struct ui *ui = c->ui;
	int start = doc_section_start(d, k);
	int end = k + 1 < n ? doc_section_start(d, k + 1) : d->nblocks;
	int side = ui_mm(ui, 14), pad = ui_mm(ui, 3);
	const struct block *head = &d->blocks[start];
	const struct block *pic = picture(d, start + 1, end);
	int bw = k < QUESTIONS || pic ? side + ui_mm(ui, 4) : 0;
	int lines = ui_text_lines(ui, head->runs, head->nruns, FONT_TITLE,
				  w - 2 * pad - bw, UI_BOLD);
	int title = (lines < 2 ? 1 : 2) * ui_line_h(ui, FONT_TITLE);
	const struct flow_layout *l = flow_get(
		c->flows, ui, d->blocks, start + 1, end, w - 2 * pad,
		c->height * 4, k >= QUESTIONS && pic ? FLOW_SKIP_IMAGES : 0);

	if (bw && title < side)
		title = side;
	return pad + title + ui_mm(ui, 1) + flow_used_h(l, 0) + pad;
}

static void card(const struct screen_ctx *c, const struct doc *d, int k, int n,
		 struct rect r)
{
	struct ui *ui = c->ui;
	const struct theme *th = c->theme;
	int start = doc_section_start(d, k);
	int end = k + 1 < n ? doc_section_start(d, k + 1) : d->nblocks;
	/* a card across the width has room beside, not above: tighter
	 * edges leave the text its lines */
	int wide = r.w > c->width / 2;
	int side = ui_mm(ui, wide ? 14 : 18), pad = ui_mm(ui, wide ? 3 : 8);
	const struct block *head = &d->blocks[start];
	const struct block *pic = picture(d, start + 1, end);
	const struct flow_layout *l;
	int bw, tx, ny, lines, title_h = ui_line_h(ui, FONT_TITLE);

	draw_rect(&ui->dl, r, (struct color){ 255, 255, 255, 255 },
		  ui_mm(ui, th->radius_mm));
	draw_frame(&ui->dl, r, th->header_bg, ui_mm(ui, 0.8));
	bw = badge(c, k, pic, r.x + pad, r.y + pad, side);
	/* the title beside the badge; a title too long for that goes under
	 * it, full width */
	tx = r.x + pad + (bw ? bw + ui_mm(ui, 4) : 0);
	ny = r.y + pad;
	if (bw && ui_text_lines(ui, head->runs, head->nruns, FONT_TITLE,
				r.x + r.w - pad - tx, UI_BOLD) > 2) {
		tx = r.x + pad;
		ny += side + ui_mm(ui, 4);
		lines = ui_text_runs(ui, head->runs, head->nruns, FONT_TITLE,
				     tx, ny, r.w - 2 * pad, UI_ALIGN_START,
				     th->text, 0, 3,
				     UI_RECORD | UI_CLIP | UI_BOLD);
		ny += (lines < 3 ? lines : 3) * title_h;
	} else {
		int top = bw ? ny + (side - title_h) / 2 : ny;

		lines = ui_text_runs(ui, head->runs, head->nruns, FONT_TITLE,
				     tx, top, r.x + r.w - pad - tx,
				     UI_ALIGN_START, th->text, 0, 2,
				     UI_RECORD | UI_CLIP | UI_BOLD);
		if (lines > 2)
			lines = 2;
		ny = top + lines * title_h;
		if (bw && ny < r.y + pad + side)
			ny = r.y + pad + side;
	}
	ny += ui_mm(ui, wide ? 1 : 4);
	/* the picture is the badge: not again in the text */
	l = flow_get(c->flows, ui, d->blocks, start + 1, end, r.w - 2 * pad,
		     r.y + r.h - ny - pad / 2,
		     k >= QUESTIONS && pic ? FLOW_SKIP_IMAGES : 0);
	flow_draw(ui, l, r.x + pad, ny, 0, th->text);
	if (l->pages > 1)
		chrome_clipped_block(c, head);
}

/* The intro alone, as a page. */
static void intro_page(const struct screen_ctx *c, const struct doc *d, int y)
{
	int x, col = chrome_column(c, &x);
	const struct flow_layout *l = flow_get(
		c->flows, c->ui, d->blocks, 0, doc_section_start(d, 0), col,
		chrome_bottom(c) - y - ui_mm(c->ui, FOOTER_MM), 0);

	flow_draw(c->ui, l, x, y, 0, c->theme->text);
	if (l->pages > 1)
		chrome_clipped_block(c, &d->blocks[0]);
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct doc *d = tile_doc(screen_tile(c), c->visit->lang);
	int n = doc_sections(d), apart = intro_apart(c, d);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8), i, y, top;
	int stacked = c->visit->large, per, count, first, cw, ch;
	int pages = groups(c, n) + apart;
	int part = chrome_clamp(c->at->part, pages);
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	y = chrome_body_top(c);
	chrome_part_label(c, "nav.part", part, pages, where, sizeof(where));
	if (apart && part == 0) {
		intro_page(c, d, y);
		chrome_footer(c, part, pages, where);
		return;
	}
	if (!apart && part == 0 && has_intro(d)) {
		/* the intro: what fits in three lines above the cards */
		int intro = ui_line_h(ui, FONT_BODY) * 3;
		const struct flow_layout *l = flow_get(
			c->flows, ui, d->blocks, 0, doc_section_start(d, 0),
			c->width - 2 * m, intro, 0);

		flow_draw(ui, l, m, y, 0, c->theme->text);
		if (l->pages > 1)
			chrome_clipped_block(c, &d->blocks[0]);
		y += intro;
	}
	first = group_first(c, part - apart, n, &count);
	/* side by side, every card has the same width on every screen;
	 * one under the other, the cards share the height they have */
	per = stacked		  ? (count > 0 ? count : 1)
	      : part - apart == 0 ? QUESTIONS
				  : later_per(c);
	if (stacked)
		gap = ui_mm(ui, 4);
	cw = stacked ? c->width - 2 * m
		     : (c->width - 2 * m - (per - 1) * gap) / per;
	ch = chrome_bottom(c) - y - ui_mm(ui, FOOTER_MM);
	if (stacked)
		ch = (ch - (per - 1) * gap) / per;
	if (stacked) {
		/* one under the other: each card the height it needs, and
		 * what is left shared out evenly */
		int need[QUESTIONS], sum = 0, spare, yy = y;

		for (i = 0; i < count; i++)
			sum += need[i] = card_need(c, d, first + i, n, cw);
		spare = ch * per + (per - 1) * gap - (count - 1) * gap - sum;
		for (i = 0; i < count; i++) {
			int h = spare >= 0 ? need[i] + spare / count : ch;

			card(c, d, first + i, n, (struct rect){ m, yy, cw, h });
			yy += h + gap;
		}
	} else {
		for (i = 0; i < count; i++)
			card(c, d, first + i, n,
			     (struct rect){ m + i * (cw + gap), y, cw, ch });
	}
	chrome_footer(c, part, pages, where);
}

const struct screen_family screen_cards = { "werkwijze", draw, parts, NULL,
					    screen_doc_file };
