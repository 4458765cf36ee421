/*
 * chrome: header, footer and shared pieces of every screen; see chrome.h.
 */
#include "core/screens/chrome.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/qr.h"

int chrome_button_w(const struct screen_ctx *c, const char *label)
{
	struct ui *ui = c->ui;
	int px = ui_font_px(ui, FONT_BUTTON);
	int w = ui->m.text_width(ui->m.ctx, label, strlen(label), px, 1) +
		ui_mm(ui, 16);

	if (w < ui_mm(ui, 45))
		w = ui_mm(ui, 45);
	return w;
}

const char *chrome_icon(const struct screen_ctx *c, const char *name, char *out,
			size_t size)
{
	snprintf(out, size, "%s/%s.png", c->icons_dir, name);
	return out;
}

int chrome_icon_button_w(const struct screen_ctx *c, const char *label)
{
	return chrome_button_w(c, label) + ui_icon_px(c->ui) + ui_mm(c->ui, 3);
}

int chrome_header(const struct screen_ctx *c, int left_end, const char *title)
{
	struct ui *ui = c->ui;
	int h = ui_mm(ui, HEADER_MM), m = ui_mm(ui, MARGIN_MM);

	draw_rect(&ui->dl, (struct rect){ 0, 0, c->width, h },
		  c->theme->header_bg, 0);
	if (title) {
		int tx = left_end + ui_mm(ui, 8), w = c->width - m - tx;
		struct text_run run = { title, strlen(title), 1 };

		if (ui_text_lines(ui, &run, 1, FONT_TITLE, w, 0) == 1)
			ui_text_runs(ui, &run, 1, FONT_TITLE, tx,
				     (h - ui_line_h(ui, FONT_TITLE)) / 2, w,
				     UI_ALIGN_START, c->theme->header_text, 0,
				     1, UI_RECORD);
		else
			ui_text_runs(ui, &run, 1, FONT_BUTTON, tx,
				     (h - 2 * ui_line_h(ui, FONT_BUTTON)) / 2,
				     w, UI_ALIGN_START, c->theme->header_text,
				     0, 2, UI_RECORD | UI_CLIP);
	}
	return h;
}

int chrome_bottom(const struct screen_ctx *c)
{
	return c->height - ui_mm(c->ui, BAR_MM);
}

/* 1 for the pictograms that point along the reading direction: they
 * turn around with a right-to-left layout. */
static int icon_points(const char *name)
{
	return strcmp(name, "back") == 0 || strcmp(name, "previous") == 0 ||
	       strcmp(name, "next") == 0;
}

/* A button with pictogram `name` at its start; returns 1 when tapped. */
static int icon_button(const struct screen_ctx *c, const char *id,
		       struct rect r, const char *label, const char *name,
		       enum style_id style)
{
	char path[512];

	chrome_icon(c, name, path, sizeof(path));
	if (icon_points(name))
		return ui_button_arrow(c->ui, id, r, label, path, style);
	return ui_button_icon(c->ui, id, r, label, path, style);
}

/* One button of the bar; returns 1 when tapped. */
static int bar_button(const struct screen_ctx *c, const char *id,
		      const char *icon, const char *label, int x, int w)
{
	struct ui *ui = c->ui;
	int bh = ui_mm(ui, BUTTON_H_MM);
	int y = chrome_bottom(c) + (ui_mm(ui, BAR_MM) - bh) / 2;

	return icon_button(c, id, (struct rect){ x, y, w, bh }, label, icon,
			   STYLE_HEADER);
}

int chrome_bar(const struct screen_ctx *c, int with_back)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 4), x, w;
	int speaking = c->speaking >= 0;
	const char *label;

	draw_rect(&ui->dl,
		  (struct rect){ 0, chrome_bottom(c), c->width,
				 c->height - chrome_bottom(c) },
		  c->theme->header_bg, 0);
	/* at the start: the way back, and the way home */
	x = m;
	if (with_back) {
		label = screen_tr(c, "nav.back");
		w = chrome_icon_button_w(c, label);
		if (bar_button(c, "back", "back", label, x, w)) {
			screen_ask(c, (struct screen_req){ .kind = REQ_BACK });
			return 1;
		}
		x += w + gap;
		label = screen_tr(c, "nav.home");
		w = chrome_icon_button_w(c, label);
		if (bar_button(c, "home", "home", label, x, w)) {
			screen_ask(c, (struct screen_req){
					      .kind = REQ_OPEN,
					      .to = { .route = ROUTE_HOME } });
			return 1;
		}
	}
	/* at the end, from the edge inwards: text size, language, speaker */
	x = c->width - m;
	label = screen_tr(c, c->visit->large ? "size.normal" : "size.larger");
	w = chrome_icon_button_w(c, label);
	x -= w;
	if (bar_button(c, "size", c->visit->large ? "smaller" : "larger", label,
		       x, w))
		screen_ask(c, (struct screen_req){ .kind = REQ_LARGE,
						   .value = !c->visit->large });
	if (c->content->nlangs > 1) {
		label = screen_tr(c, "lang.button");
		w = chrome_icon_button_w(c, label);
		x -= w + gap;
		if (bar_button(c, "lang", "language", label, x, w)) {
			screen_ask(c, (struct screen_req){
					      .kind = REQ_OPEN,
					      .to = { .route = ROUTE_LANG } });
			return 1;
		}
	}
	label = screen_tr(c, speaking ? "speech.stop" : "speech.read");
	w = chrome_icon_button_w(c, label);
	x -= w + gap;
	if (bar_button(c, "speak", speaking ? "stop" : "speaker", label, x, w))
		screen_ask(c, (struct screen_req){ .kind = REQ_SPEAK,
						   .value = !speaking });
	return 0;
}

int chrome_header_back(const struct screen_ctx *c, const char *title, int *top)
{
	*top = chrome_header(c, ui_mm(c->ui, MARGIN_MM) - ui_mm(c->ui, 8),
			     title);
	return chrome_bar(c, 1);
}

void chrome_footer(const struct screen_ctx *c, int part, int parts,
		   const char *where)
{
	chrome_footer_swipe(c, part, parts, where, 1);
}

void chrome_footer_swipe(const struct screen_ctx *c, int part, int parts,
			 const char *where, int swipe_turns)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	const char *prev = screen_tr(c, "nav.previous");
	const char *next = screen_tr(c, "nav.next");
	int fy = chrome_bottom(c) - ui_mm(ui, FOOTER_MM) +
		 (ui_mm(ui, FOOTER_MM) - bh) / 2;
	int pw = chrome_icon_button_w(c, prev),
	    nw = chrome_icon_button_w(c, next);
	int swipe = swipe_turns ? ui_swipe(ui) : 0, to = part;

	if (parts <= 1)
		return;
	ui_text(ui,
		(struct rect){ m + pw, fy + (bh - ui_line_h(ui, FONT_BODY)) / 2,
			       c->width - 2 * m - pw - nw, 0 },
		where, FONT_BODY, UI_ALIGN_CENTER, c->theme->text);
	if (part > 0 && icon_button(c, "prev", (struct rect){ m, fy, pw, bh },
				    prev, "previous", STYLE_SECONDARY))
		to = part - 1;
	else if (part < parts - 1 &&
		 icon_button(c, "next",
			     (struct rect){ c->width - m - nw, fy, nw, bh },
			     next, "next", STYLE_PRIMARY))
		to = part + 1;
	else if (swipe < 0 && part < parts - 1)
		to = part + 1;
	else if (swipe > 0 && part > 0)
		to = part - 1;
	if (to != part)
		screen_ask(c, (struct screen_req){ .kind = REQ_PART,
						   .value = to });
}

void chrome_list_end(const struct screen_ctx *c, int n, const char *none_key,
		     int y, int part, int pages)
{
	int m = ui_mm(c->ui, MARGIN_MM);
	char where[64];

	if (n == 0)
		ui_text(c->ui, (struct rect){ m, y, c->width - 2 * m, 0 },
			screen_tr(c, none_key), FONT_BODY, UI_ALIGN_START,
			c->theme->text);
	chrome_part_label(c, "nav.part", part, pages, where, sizeof(where));
	chrome_footer(c, part, pages, where);
}

void chrome_part_label(const struct screen_ctx *c, const char *key, int part,
		       int parts, char *out, size_t size)
{
	char num[2][16];
	const char *args[2] = { num[0], num[1] };

	snprintf(num[0], sizeof(num[0]), "%d", part + 1);
	snprintf(num[1], sizeof(num[1]), "%d", parts);
	i18n_format(out, size, screen_tr(c, key), args, 2);
}

/* Pixels a module for a code of `total` modules (quiet zone included)
 * in a square of at most w by h, by the rules of core/qr.h; 0 when even
 * the smallest code allowed does not fit. */
static int qr_module_px(const struct ui *ui, int total, int w, int h)
{
	int min_px = (ui_mm(ui, QR_MIN_MM) + total - 1) / total;
	int room = w < h ? w : h, per;

	if (min_px < QR_MIN_PX)
		min_px = QR_MIN_PX;
	if (room > ui_mm(ui, QR_MAX_MM))
		room = ui_mm(ui, QR_MAX_MM);
	per = room / total;
	if (per < min_px && min_px * total <= w && min_px * total <= h)
		per = min_px; /* a dense code may pass QR_MAX_MM */
	return per < min_px ? 0 : per;
}

int chrome_qr(const struct screen_ctx *c, struct rect r, const char *payload,
	      const char *says)
{
	struct ui *ui = c->ui;
	struct text_run run = { says, strlen(says), 0 };
	int n = qr_modules(strlen(payload)), total, per, side, lines, th;
	int gap = ui_mm(ui, 2), lh = ui_line_h(ui, FONT_BODY);

	if (n == 0)
		return 0;
	total = n + 2 * QR_QUIET;
	lines = *says ? ui_text_lines(ui, &run, 1, FONT_BODY, r.w, 0) : 0;
	th = lines ? gap + lines * lh : 0;
	per = qr_module_px(ui, total, r.w, r.h - th);
	if (per) {
		side = per * total;
		draw_qr(&ui->dl, (struct rect){ r.x, r.y, side, side },
			payload);
		if (lines)
			ui_text_runs(ui, &run, 1, FONT_BODY, r.x,
				     r.y + side + gap, r.w, UI_ALIGN_START,
				     c->theme->text, 0, -1, UI_RECORD);
		return side + th;
	}
	/* too low for the line under the code (a card in a list): the
	 * line beside it, when at least a few words fit there */
	per = qr_module_px(ui, total, r.w - ui_mm(ui, 40), r.h);
	if (!per || !lines)
		return 0;
	side = per * total;
	{
		int tw = r.w - side - ui_mm(ui, 4);

		lines = ui_text_lines(ui, &run, 1, FONT_BODY, tw, 0);
		if (lines * lh > side)
			return 0;
		draw_qr(&ui->dl, (struct rect){ r.x, r.y, side, side },
			payload);
		ui_text_runs(ui, &run, 1, FONT_BODY, r.x + side + ui_mm(ui, 4),
			     r.y, tw, UI_ALIGN_START, c->theme->text, 0, -1,
			     UI_RECORD);
	}
	return side;
}

const char *chrome_reach_says(const struct screen_ctx *c, const struct reach *r,
			      char *out, size_t size)
{
	static const char *const keys[] = {
		[REACH_EMAIL] = "qr.email",
		[REACH_WHATSAPP] = "qr.whatsapp",
		[REACH_PHONE] = "qr.phone",
		[REACH_WEB] = "qr.web",
	};
	char host[256], number[128];
	const char *arg = r->to ? r->to : "";

	if (r->kind == REACH_PHONE || r->kind == REACH_WHATSAPP) {
		/* a number stays on one line: its spaces do not break */
		size_t o = 0;

		for (; *arg && o + 3 < sizeof(number); arg++)
			if (*arg == ' ') {
				number[o++] = (char)0xC2; /* U+00A0 */
				number[o++] = (char)0xA0;
			} else {
				number[o++] = *arg;
			}
		number[o] = '\0';
		arg = number;
	}
	if (r->kind == REACH_WEB) {
		if (reach_url_host(arg, host, sizeof(host)) < 0) {
			str_copy(out, size, screen_tr(c, "qr.link"));
			return out;
		}
		arg = host;
	}
	i18n_format(out, size, screen_tr(c, keys[r->kind]), &arg, 1);
	return out;
}

int chrome_qr_box(const struct screen_ctx *c, struct rect r, const char *url,
		  const char *caption_key)
{
	struct ui *ui = c->ui;
	struct reach web = { REACH_WEB, url, NULL, NULL };
	const char *caption = screen_tr(c, caption_key);
	struct text_run run = { caption, strlen(caption), 0 };
	int th = ui_text_lines(ui, &run, 1, FONT_BODY, r.w, 0) *
			 ui_line_h(ui, FONT_BODY) +
		 ui_mm(ui, 4);
	char says[400];
	int used;

	chrome_reach_says(c, &web, says, sizeof(says));
	/* the caption goes only over a code that fits under it; with
	 * larger text there may be room for the code and its own line
	 * only, which say enough */
	used = chrome_qr(c, (struct rect){ r.x, r.y + th, r.w, r.h - th }, url,
			 says);
	if (!used)
		return chrome_qr(c, r, url, says);
	ui_text(ui, (struct rect){ r.x, r.y, r.w, 0 }, caption, FONT_BODY,
		UI_ALIGN_START, c->theme->text);
	return th + used;
}

int chrome_picture_button(const struct screen_ctx *c, const char *id,
			  struct rect r, const char *label, const char *picture,
			  enum style_id style)
{
	struct ui *ui = c->ui;
	int side, clicked;

	if (!picture || r.h <= ui_mm(ui, 45))
		return ui_button(ui, id, r, label, style);
	/* the picture above the label, both inside the button */
	side = r.h - ui_line_h(ui, FONT_BUTTON) * 2 - ui_mm(ui, 10);
	if (side > ui_mm(ui, 30))
		side = ui_mm(ui, 30);
	clicked = ui_button_frame(ui, id, r, label, style);
	draw_image(&ui->dl,
		   (struct rect){ r.x + (r.w - side) / 2, r.y + ui_mm(ui, 6),
				  side, side },
		   picture, 0, (struct rect){ 0, 0, 0, 0 });
	chrome_face_label(c,
			  (struct rect){ r.x, r.y + side + ui_mm(ui, 4), r.w,
					 r.h - side - ui_mm(ui, 4) },
			  label, 2);
	return clicked;
}

int chrome_foot_button(const struct screen_ctx *c, const char *id,
		       const char *label, const char *icon, int at_end,
		       enum style_id style)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	int w = chrome_icon_button_w(c, label);
	int y = chrome_bottom(c) - ui_mm(ui, FOOTER_MM) +
		(ui_mm(ui, FOOTER_MM) - bh) / 2;
	struct rect r = { at_end ? c->width - m - w : m, y, w, bh };
	char path[512];

	chrome_icon(c, icon, path, sizeof(path));
	if (strcmp(icon, "next") == 0)
		return ui_button_arrow(ui, id, r, label, path, style);
	return ui_button_icon(ui, id, r, label, path, style);
}

void chrome_face_label(const struct screen_ctx *c, struct rect r,
		       const char *label, int max_lines)
{
	struct ui *ui = c->ui;
	struct text_run run = { label, strlen(label), 1 };
	int pad = ui_mm(ui, 3), lh = ui_line_h(ui, FONT_BUTTON);
	int lines = ui_text_lines(ui, &run, 1, FONT_BUTTON, r.w - 2 * pad, 0);

	if (lines > max_lines)
		lines = max_lines;
	ui_text_runs(ui, &run, 1, FONT_BUTTON, r.x + pad,
		     r.y + (r.h - lines * lh) / 2, r.w - 2 * pad,
		     UI_ALIGN_CENTER, theme_fg(c->theme, STYLE_TILE, UI_NORMAL),
		     0, max_lines, UI_CLIP);
}

void chrome_date_text(const struct screen_ctx *c, int date, char *out,
		      size_t size)
{
	static const char *const keys[12] = {
		"month.1", "month.2",  "month.3",  "month.4",
		"month.5", "month.6",  "month.7",  "month.8",
		"month.9", "month.10", "month.11", "month.12"
	};
	int m = date / 100 % 100;

	snprintf(out, size, "%d %s %d", date % 100,
		 m >= 1 && m <= 12 ? screen_tr(c, keys[m - 1]) : "?",
		 date / 10000);
}

struct chrome_grid chrome_card_grid(const struct screen_ctx *c, int card_h)
{
	struct ui *ui = c->ui;
	struct chrome_grid g;
	int m = ui_mm(ui, MARGIN_MM), avail;

	g.gap = ui_mm(ui, 6);
	g.cols = c->visit->large ? 1 : 2;
	g.y0 = chrome_body_top(c);
	avail = chrome_bottom(c) - g.y0 - ui_mm(ui, FOOTER_MM);
	g.ch = card_h;
	g.rows = (avail + g.gap) / (g.ch + g.gap);
	if (g.rows < 1)
		g.rows = 1;
	g.cw = (c->width - 2 * m - (g.cols - 1) * g.gap) / g.cols;
	return g;
}

struct rect chrome_grid_cell(const struct screen_ctx *c,
			     const struct chrome_grid *g, int i)
{
	return (struct rect){ ui_mm(c->ui, MARGIN_MM) +
				      (i % g->cols) * (g->cw + g->gap),
			      g->y0 + (i / g->cols) * (g->ch + g->gap), g->cw,
			      g->ch };
}

int chrome_clamp(int part, int parts)
{
	if (part >= parts)
		part = parts - 1;
	return part < 0 ? 0 : part;
}

int chrome_pages(int n, int per)
{
	int parts = per > 0 ? (n + per - 1) / per : 1;

	return parts < 1 ? 1 : parts;
}

int chrome_column(const struct screen_ctx *c, int *x)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), col = c->width - 2 * m;

	if (col > ui_mm(ui, COLUMN_MM))
		col = ui_mm(ui, COLUMN_MM);
	*x = (c->width - col) / 2;
	return col;
}

void chrome_clipped_block(const struct screen_ctx *c, const struct block *b)
{
	if (b->nruns > 0)
		ui_clipped(c->ui, b->runs[0].s, b->runs[0].n);
}

int chrome_body_top(const struct screen_ctx *c)
{
	return ui_mm(c->ui, HEADER_MM) + ui_mm(c->ui, 8);
}

int chrome_tile_header(const struct screen_ctx *c, int *top)
{
	return chrome_header_back(
		c, text_get(&screen_tile(c)->title, c->visit->lang), top);
}
