/*
 * news: wijk news (kind = news), newest first, as a list of dated titles,
 * and one item with its text and a QR code to a video or web page. Items
 * outside their show_from/show_until dates are left out.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static int visible(const struct screen_ctx *c, const struct tile *t)
{
	int i, n = 0;

	for (i = 0; i < t->nnews; i++)
		n += when_shows(t->news[i].when, c->today);
	return n;
}

static int nth(const struct screen_ctx *c, const struct tile *t, int k)
{
	int i;

	for (i = 0; i < t->nnews; i++)
		if (when_shows(t->news[i].when, c->today) && k-- == 0)
			return i;
	return -1;
}

static int row_h(const struct screen_ctx *c)
{
	return ui_line_h(c->ui, FONT_BUTTON) * 2 + ui_mm(c->ui, 10);
}

static int per_screen(const struct screen_ctx *c)
{
	int gap = ui_mm(c->ui, 5);
	int per = (chrome_bottom(c) - chrome_body_top(c) -
		   ui_mm(c->ui, FOOTER_MM) + gap) /
		  (row_h(c) + gap);

	return per < 1 ? 1 : per;
}

static int list_parts(const struct screen_ctx *c)
{
	return chrome_pages(visible(c, screen_tile(c)), per_screen(c));
}

static void list_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct tile *t = screen_tile(c);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 5), i, top;
	int y0 = chrome_body_top(c), bh = row_h(c), per = per_screen(c);
	int n = visible(c, t), pages = chrome_pages(n, per);
	int part = chrome_clamp(c->at->part, pages);

	if (chrome_tile_header(c, &top))
		return;
	for (i = 0; i < per; i++) {
		int k = nth(c, t, part * per + i);
		const struct news *nw;
		const char *title;
		struct rect r;
		char date[64], id[32];

		if (k < 0)
			break;
		nw = &t->news[k];
		title = text_get(&nw->title, c->visit->lang);
		r = (struct rect){ m, y0 + i * (bh + gap), c->width - 2 * m,
				   bh };
		chrome_date_text(c, nw->date, date, sizeof(date));
		snprintf(id, sizeof(id), "news:%d", k);
		/* tapped by its title; the date stands above it */
		if (ui_button_frame(ui, id, r, title, STYLE_TILE))
			screen_ask(c, (struct screen_req){
					      .kind = REQ_OPEN,
					      .to = { .route = ROUTE_NEWS,
						      .tile = c->at->tile,
						      .item = k } });
		ui_text(ui, (struct rect){ r.x, r.y + ui_mm(ui, 4), r.w, 0 },
			date, FONT_BUTTON, UI_ALIGN_CENTER,
			theme_fg(c->theme, STYLE_TILE, UI_NORMAL));
		chrome_face_label(c,
				  (struct rect){ r.x, r.y + r.h / 2, r.w,
						 r.h / 2 - ui_mm(ui, 2) },
				  title, 1);
	}
	chrome_list_end(c, n, "news.none", y0, part, pages);
}

static int list_reach(const struct screen_ctx *c, int i, struct place *to)
{
	return screen_reach_item(c, ROUTE_NEWS, nth(c, screen_tile(c), i), to);
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/nieuws.ini", screen_tile(c)->id);
}

const struct screen_family screen_news = { "news", list_draw, list_parts,
					   list_reach, file };

/* ---- one item ---- */

static int one(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}

static void item_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct tile *t = screen_tile(c);
	const struct news *nw = &t->news[c->at->item];
	const struct color fg = c->theme->text;
	int m = ui_mm(ui, MARGIN_MM), top, y, text_w, lang = c->visit->lang;
	const char *link = nw->video ? nw->video : nw->url;
	const char *title = text_get(&nw->title, lang);
	const char *body = text_get(&nw->body, lang);
	struct text_run run;
	char date[64];

	if (chrome_header_back(c, text_get(&t->title, lang), &top))
		return;
	y = top + ui_mm(ui, 8);
	text_w = link ? (c->width - 2 * m) * 3 / 5 : c->width - 2 * m;
	chrome_date_text(c, nw->date, date, sizeof(date));
	y += ui_text(ui, (struct rect){ m, y, text_w, 0 }, date, FONT_BODY,
		     UI_ALIGN_START, fg);
	run = (struct text_run){ title, strlen(title), 1 };
	y += ui_mm(ui, 2) + ui_line_h(ui, FONT_TITLE) *
				    ui_text_runs(ui, &run, 1, FONT_TITLE, m,
						 y + ui_mm(ui, 2), text_w,
						 UI_ALIGN_START, fg, 0, 3,
						 UI_RECORD | UI_CLIP);
	y += ui_mm(ui, 6);
	if (nw->image) {
		int ih = ui_mm(ui, c->visit->large ? 45 : 60);

		draw_image(&ui->dl, (struct rect){ m, y, text_w, ih },
			   nw->image, 0, (struct rect){ 0, 0, 0, 0 });
		y += ih + ui_mm(ui, 4);
	}
	run = (struct text_run){ body, strlen(body), 0 };
	ui_text_runs(ui, &run, 1, FONT_BODY, m, y, text_w, UI_ALIGN_START, fg,
		     0, (chrome_bottom(c) - m - y) / ui_line_h(ui, FONT_BODY),
		     UI_RECORD | UI_CLIP);
	if (link) {
		int x = m + text_w + ui_mm(ui, 12);

		chrome_qr_box(
			c,
			(struct rect){ x, top + ui_mm(ui, 8), c->width - m - x,
				       chrome_bottom(c) - top - ui_mm(ui, 16) },
			link, nw->video ? "news.video_qr" : "news.link_qr");
	}
}

const struct screen_family screen_news_item = { "news-item", item_draw, one,
						NULL, file };
