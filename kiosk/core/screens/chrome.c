/*
 * chrome: header, footer and shared pieces of every screen; see chrome.h.
 */
#include "core/screens/chrome.h"

#include <stdio.h>
#include <string.h>

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

static const char *lang_name(const struct screen_ctx *c, int lang)
{
	int idx = i18n_find(c->i18n, c->content->langs[lang]);

	return idx >= 0 ? c->i18n->langs[idx].name : c->content->langs[lang];
}

int chrome_header(const struct screen_ctx *c, int left_end, const char *title)
{
	struct ui *ui = c->ui;
	int h = ui_mm(ui, HEADER_MM), m = ui_mm(ui, MARGIN_MM);
	int bh = ui_mm(ui, BUTTON_H_MM), by = (h - bh) / 2;
	const char *size_label =
		screen_tr(c, c->visit->large ? "size.normal" : "size.larger");
	int sw = chrome_button_w(c, size_label), x = c->width - m - sw;

	draw_rect(&ui->dl, (struct rect){ 0, 0, c->width, h },
		  c->theme->header_bg, 0);
	if (ui_button(ui, "size", (struct rect){ x, by, sw, bh }, size_label,
		      STYLE_HEADER))
		screen_ask(c, (struct screen_req){ .kind = REQ_LARGE,
						   .value = !c->visit->large });
	if (c->content->nlangs > 1) {
		int next = (c->visit->lang + 1) % c->content->nlangs;
		const char *name = lang_name(c, next);
		int lw = chrome_button_w(c, name);

		x -= lw + ui_mm(ui, 6);
		if (ui_button(ui, "lang", (struct rect){ x, by, lw, bh }, name,
			      STYLE_HEADER))
			screen_ask(c, (struct screen_req){ .kind = REQ_LANG,
							   .value = next });
	}
	if (title) {
		int tx = left_end + ui_mm(ui, 8), w = x - ui_mm(ui, 8) - tx;
		struct text_run run = { title, strlen(title), 1 };

		if (ui_text_lines(ui, &run, 1, FONT_TITLE, w, 0) == 1)
			ui_text_runs(ui, &run, 1, FONT_TITLE, tx,
				     (h - ui_line_h(ui, FONT_TITLE)) / 2, w,
				     UI_ALIGN_LEFT, c->theme->header_text, 0, 1,
				     UI_RECORD);
		else
			ui_text_runs(ui, &run, 1, FONT_BUTTON, tx,
				     (h - 2 * ui_line_h(ui, FONT_BUTTON)) / 2,
				     w, UI_ALIGN_LEFT, c->theme->header_text, 0,
				     2, UI_RECORD | UI_CLIP);
	}
	return h;
}

int chrome_header_back(const struct screen_ctx *c, const char *title,
		       int *bottom)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	const char *back = screen_tr(c, "nav.back");
	int bw = chrome_button_w(c, back);

	*bottom = chrome_header(c, m + bw, title);
	if (ui_button(ui, "back",
		      (struct rect){ m, (*bottom - bh) / 2, bw, bh }, back,
		      STYLE_HEADER)) {
		screen_ask(c, (struct screen_req){ .kind = REQ_BACK });
		return 1;
	}
	return 0;
}

void chrome_footer(const struct screen_ctx *c, int part, int parts,
		   const char *where)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	const char *prev = screen_tr(c, "nav.previous");
	const char *next = screen_tr(c, "nav.next");
	int fy = c->height - ui_mm(ui, FOOTER_MM) +
		 (ui_mm(ui, FOOTER_MM) - bh) / 2;
	int pw = chrome_button_w(c, prev), nw = chrome_button_w(c, next);
	int swipe = ui_swipe(ui), to = part;

	if (parts <= 1)
		return;
	ui_text(ui,
		(struct rect){ m + pw, fy + (bh - ui_line_h(ui, FONT_BODY)) / 2,
			       c->width - 2 * m - pw - nw, 0 },
		where, FONT_BODY, UI_ALIGN_CENTER, c->theme->text);
	if (part > 0 && ui_button(ui, "prev", (struct rect){ m, fy, pw, bh },
				  prev, STYLE_SECONDARY))
		to = part - 1;
	else if (part < parts - 1 &&
		 ui_button(ui, "next",
			   (struct rect){ c->width - m - nw, fy, nw, bh }, next,
			   STYLE_PRIMARY))
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
			screen_tr(c, none_key), FONT_BODY, UI_ALIGN_LEFT,
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

void chrome_qr_box(const struct screen_ctx *c, struct rect r, const char *url,
		   const char *caption_key)
{
	struct ui *ui = c->ui;
	int th = ui_text(ui, (struct rect){ r.x, r.y, r.w, 0 },
			 screen_tr(c, caption_key), FONT_BODY, UI_ALIGN_LEFT,
			 c->theme->text);
	int side =
		r.w < r.h - th - ui_mm(ui, 4) ? r.w : r.h - th - ui_mm(ui, 4);

	if (side > ui_mm(ui, 70))
		side = ui_mm(ui, 70);
	if (side < ui_mm(ui, 25))
		return;
	draw_qr(&ui->dl,
		(struct rect){ r.x, r.y + th + ui_mm(ui, 4), side, side }, url);
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
