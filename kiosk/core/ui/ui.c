/*
 * ui: widgets, the click, drag, swipe and long-press rules, and line breaking.
 */
#include "core/ui/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void ui_init(struct ui *ui, const struct theme *theme, struct ui_metrics m,
	     double px_per_mm)
{
	memset(ui, 0, sizeof(*ui));
	ui->theme = theme;
	ui->m = m;
	ui->px_per_mm = px_per_mm;
}

uint32_t ui_id(const char *id)
{
	uint32_t h = hash_str(HASH_INIT, id);

	return h ? h : 1;
}

int ui_mm(const struct ui *ui, double mm)
{
	return (int)lround(mm * ui->px_per_mm);
}

int ui_font_px(const struct ui *ui, enum font_role role)
{
	double cap = ui->theme->cap_mm[ui->large ? 1 : 0][role];

	return (int)ceil(cap * ui->px_per_mm / ui->m.cap_ratio);
}

int ui_line_h(const struct ui *ui, enum font_role role)
{
	return (int)lround(ui_font_px(ui, role) * 1.35);
}

void ui_wipe(struct ui *ui)
{
	ui_reset_input(ui);
	ui->px = ui->py = ui->press_x = ui->press_y = 0;
	ui->seen_x = ui->seen_y = 0;
	ui->press_ms = 0;
	ui->long_polled = 0;
	explicit_bzero(ui->words, sizeof(ui->words));
	ui->nwords = 0;
	draw_list_wipe(&ui->dl);
}

void ui_reset_input(struct ui *ui)
{
	ui->down = ui->went_down = ui->went_up = 0;
	ui->active = 0;
	ui->dragging = ui->long_taken = 0;
	ui->swipe = 0;
}

void ui_pointer(struct ui *ui, enum ptr_kind kind, int x, int y, uint64_t now)
{
	ui->px = x;
	ui->py = y;
	ui->now = now;
	switch (kind) {
	case UI_PTR_DOWN:
		ui->down = 1;
		ui->went_down = 1;
		ui->press_x = x;
		ui->press_y = y;
		ui->press_ms = now;
		ui->dragging = 0;
		ui->long_taken = 0;
		ui->long_polled = 0;
		ui->active = 0;
		break;
	case UI_PTR_MOVE:
		if (ui->down && hypot(x - ui->press_x, y - ui->press_y) >
					ui->px_per_mm * UI_DRAG_MM)
			ui->dragging = 1;
		break;
	case UI_PTR_UP: {
		int dx = x - ui->press_x, dy = y - ui->press_y;

		if (!ui->down)
			break;
		if (hypot(dx, dy) > ui->px_per_mm * UI_DRAG_MM)
			ui->dragging = 1;
		ui->down = 0;
		ui->went_up = 1;
		ui->swipe = 0;
		if (ui->dragging && abs(dx) >= ui->px_per_mm * UI_SWIPE_MM &&
		    abs(dx) > 2 * abs(dy))
			ui->swipe = dx < 0 ? -1 : 1;
		break;
	}
	}
}

void ui_begin(struct ui *ui, int w, int h, uint64_t now, struct color clear)
{
	ui->w = w;
	ui->h = h;
	if (now > ui->now)
		ui->now = now;
	draw_list_clear(&ui->dl, clear);
}

void ui_end(struct ui *ui)
{
	ui->seen_x = ui->px;
	ui->seen_y = ui->py;
	ui->went_down = 0;
	if (ui->went_up) {
		ui->went_up = 0;
		ui->active = 0;
		ui->swipe = 0;
	}
}

int ui_drag(const struct ui *ui, const char *id, struct ui_drag *d)
{
	if (ui->active != ui_id(id) || !ui->dragging ||
	    !(ui->down || ui->went_up))
		return 0;
	*d = (struct ui_drag){ ui->press_x, ui->press_y, ui->seen_x,
			       ui->seen_y,  ui->px,	 ui->py };
	return 1;
}

int ui_swipe(const struct ui *ui)
{
	return ui->went_up ? ui->swipe : 0;
}

uint64_t ui_next_deadline(const struct ui *ui)
{
	if (ui->down && ui->active && !ui->dragging && !ui->long_taken &&
	    !ui->long_polled)
		return ui->press_ms + UI_LONG_PRESS_MS;
	return 0;
}

/* Press/release logic shared by every tappable widget. */
static int ui_hit(struct ui *ui, uint32_t id, struct rect r, const char *label,
		  int *pressed)
{
	int inside = rect_contains(r, ui->px, ui->py);
	int clicked = 0;

	draw_hit(&ui->dl, id, r, label);
	if (ui->went_down && inside)
		ui->active = id;
	if (ui->went_up && ui->active == id && inside && !ui->dragging &&
	    !ui->long_taken)
		clicked = 1;
	*pressed = ui->active == id && ui->down && inside && !ui->dragging;
	return clicked;
}

int ui_long_press(struct ui *ui, const char *id)
{
	uint32_t h = ui_id(id);

	if (ui->active != h || !ui->down || ui->dragging || ui->long_taken)
		return 0;
	if (ui->now < ui->press_ms + UI_LONG_PRESS_MS)
		return 0;
	ui->long_taken = 1;
	return 1;
}

int ui_area(struct ui *ui, const char *id, struct rect r, const char *label)
{
	int pressed;

	return ui_hit(ui, ui_id(id), r, label, &pressed);
}

void ui_clipped(struct ui *ui, const char *what, size_t n)
{
	struct draw_list *dl = &ui->dl;

	if (dl->clipped++ == 0)
		snprintf(dl->clipped_text, sizeof(dl->clipped_text), "%.*s",
			 (int)(n < 150 ? n : 150), what);
}

/* Draws a button's background and border; *state is how it looks now. */
static int button_frame(struct ui *ui, const char *id, struct rect r,
			const char *label, enum style_id style,
			enum ui_state *state)
{
	const struct widget_style *st = &ui->theme->styles[style];
	int pressed, clicked = ui_hit(ui, ui_id(id), r, label, &pressed);

	*state = pressed ? UI_PRESSED : UI_NORMAL;
	draw_rect(&ui->dl, r, st->bg[*state], ui_mm(ui, ui->theme->radius_mm));
	if (st->border.a)
		draw_frame(&ui->dl, r, st->border, ui_mm(ui, 0.8));
	return clicked;
}

int ui_button_frame(struct ui *ui, const char *id, struct rect r,
		    const char *label, enum style_id style)
{
	enum ui_state state;

	return button_frame(ui, id, r, label, style, &state);
}

int ui_button_icon(struct ui *ui, const char *id, struct rect r,
		   const char *label, const char *icon, enum style_id style)
{
	enum ui_state state;
	int clicked = button_frame(ui, id, r, label, style, &state);
	int pad = ui_mm(ui, 3), side = ui_icon_px(ui);
	int lh = ui_line_h(ui, FONT_BUTTON), lines, tx, tw;
	struct text_run run = { label, strlen(label), 1 };
	struct color fg = ui->theme->styles[style].fg[state];

	if (side > r.h - 2 * pad)
		side = r.h - 2 * pad;
	/* the pictogram at the start, the word after it */
	draw_icon(&ui->dl,
		  (struct rect){ r.x + pad * 2, r.y + (r.h - side) / 2, side,
				 side },
		  icon, fg);
	tx = r.x + pad * 3 + side;
	tw = r.x + r.w - pad - tx;
	lines = ui_text_lines(ui, &run, 1, FONT_BUTTON, tw, 0);
	ui_text_runs(ui, &run, 1, FONT_BUTTON, tx, r.y + (r.h - lines * lh) / 2,
		     tw, UI_ALIGN_CENTER, fg, 0, -1, 0);
	return clicked;
}

int ui_icon_px(const struct ui *ui)
{
	/* as large as a capital of the body text or larger: pictograms do
	 * not shrink when the letters grow */
	int px = ui_mm(ui, UI_ICON_MM);
	int cap = ui_line_h(ui, FONT_BUTTON);

	return px > cap ? px : cap;
}

int ui_button(struct ui *ui, const char *id, struct rect r, const char *label,
	      enum style_id style)
{
	enum ui_state state;
	int clicked = button_frame(ui, id, r, label, style, &state);
	int pad = ui_mm(ui, 3), lh = ui_line_h(ui, FONT_BUTTON), lines;
	struct text_run run = { label, strlen(label), 1 };

	lines = ui_text_lines(ui, &run, 1, FONT_BUTTON, r.w - 2 * pad, 0);
	if (lines * lh > r.h)
		ui_clipped(ui, label, run.n);
	ui_text_runs(ui, &run, 1, FONT_BUTTON, r.x + pad,
		     r.y + (r.h - lines * lh) / 2, r.w - 2 * pad,
		     UI_ALIGN_CENTER, ui->theme->styles[style].fg[state], 0, -1,
		     0);
	return clicked;
}

/* ---- line breaking ---- */

static void split_runs(struct ui *ui, const struct text_run *runs, int nruns,
		       int all_bold)
{
	int i, space = 0, newline = 0;

	ui->nwords = 0;
	for (i = 0; i < nruns; i++) {
		const char *p = runs[i].s, *end = p + runs[i].n;

		while (p < end) {
			const char *w = p;

			if (*p == ' ' || *p == '\t' || *p == '\r') {
				space = 1;
				p++;
				continue;
			}
			if (*p == '\n') {
				newline = 1;
				space = 0;
				p++;
				continue;
			}
			while (p < end && *p != ' ' && *p != '\t' &&
			       *p != '\n' && *p != '\r')
				p++;
			if (ui->nwords == UI_WORD_MAX) {
				ui->dl.overflow = 1;
				return;
			}
			ui->words[ui->nwords++] = (struct ui_word){
				w, (size_t)(p - w), runs[i].bold || all_bold,
				space && ui->nwords > 0, newline
			};
			space = newline = 0;
		}
	}
}

static int word_w(struct ui *ui, const struct ui_word *w, int px)
{
	return ui->m.text_width(ui->m.ctx, w->s, w->n, px, w->bold);
}

/* Emits one line made of words [a, b): consecutive words of the same weight
 * become one draw command so the platform caches whole phrases. */
static void emit_line(struct ui *ui, int a, int b, int x, int y, int width,
		      int line_w, enum ui_align align, struct color color,
		      int px, int lh, int space_w)
{
	int i = a, cx = x;

	if (align == UI_ALIGN_CENTER && line_w < width)
		cx = x + (width - line_w) / 2;
	while (i < b) {
		int j = i + 1, bold = ui->words[i].bold;
		const char *start = ui->words[i].s;
		const char *stop = ui->words[i].s + ui->words[i].n;
		int seg_w;

		if (i > a && ui->words[i].space_before)
			cx += space_w;
		/* merge while the next word has the same weight and follows
		 * in the same buffer with only spaces between */
		while (j < b && ui->words[j].bold == bold &&
		       ui->words[j].s > stop &&
		       (size_t)(ui->words[j].s - stop) <= 8) {
			const char *q = stop;

			while (q < ui->words[j].s && *q == ' ')
				q++;
			if (q != ui->words[j].s)
				break;
			stop = ui->words[j].s + ui->words[j].n;
			j++;
		}
		seg_w = ui->m.text_width(ui->m.ctx, start,
					 (size_t)(stop - start), px, bold);
		draw_text(&ui->dl, cx, y, seg_w, lh, start,
			  (size_t)(stop - start), px, bold, color);
		cx += seg_w;
		i = j;
	}
}

static int layout_lines(struct ui *ui, enum font_role role, int x, int y,
			int width, enum ui_align align, struct color color,
			int first, int max, int draw)
{
	int px = ui_font_px(ui, role), lh = ui_line_h(ui, role);
	int space_w = ui->m.text_width(ui->m.ctx, " ", 1, px, 0);
	int i = 0, line = 0, drawn = 0;

	while (i < ui->nwords) {
		int a = i, line_w = word_w(ui, &ui->words[i], px);

		i++;
		while (i < ui->nwords && !ui->words[i].newline) {
			int sw = ui->words[i].space_before ? space_w : 0;
			int ww = word_w(ui, &ui->words[i], px);

			if (line_w + sw + ww > width)
				break;
			line_w += sw + ww;
			i++;
		}
		if (draw && line >= first && (max < 0 || drawn < max)) {
			emit_line(ui, a, i, x, y + drawn * lh, width, line_w,
				  align, color, px, lh, space_w);
			drawn++;
		}
		line++;
	}
	return line;
}

int ui_text_lines(struct ui *ui, const struct text_run *runs, int nruns,
		  enum font_role role, int width, int flags)
{
	split_runs(ui, runs, nruns, flags & UI_BOLD);
	return layout_lines(ui, role, 0, 0, width, UI_ALIGN_LEFT,
			    (struct color){ 0, 0, 0, 0 }, 0, -1, 0);
}

int ui_text_runs(struct ui *ui, const struct text_run *runs, int nruns,
		 enum font_role role, int x, int y, int width,
		 enum ui_align align, struct color color, int first, int max,
		 int record)
{
	int lines;

	split_runs(ui, runs, nruns, record & UI_BOLD);
	lines = layout_lines(ui, role, x, y, width, align, color, first, max,
			     1);
	if ((record & UI_CLIP) && max >= 0 && lines > first + max && nruns > 0)
		ui_clipped(ui, runs[0].s, runs[0].n);
	if (record & UI_RECORD) {
		/* the whole text, words joined by single spaces, straight
		 * into the arena: no length limit but the arena's own */
		size_t need = 1;
		char *buf, *p;
		int i;

		for (i = 0; i < ui->nwords; i++)
			need += ui->words[i].n + 1;
		buf = p = draw_list_reserve(&ui->dl, need);
		if (!buf)
			return lines;
		for (i = 0; i < ui->nwords; i++) {
			const struct ui_word *w = &ui->words[i];

			if (i > 0 && (w->space_before || w->newline))
				*p++ = ' ';
			memcpy(p, w->s, w->n);
			p += w->n;
		}
		*p = '\0';
		draw_text_item_borrowed(
			&ui->dl,
			(struct rect){ x, y, width,
				       lines * ui_line_h(ui, role) },
			buf);
	}
	return lines;
}

int ui_text(struct ui *ui, struct rect r, const char *text, enum font_role role,
	    enum ui_align align, struct color color)
{
	struct text_run run = { text, strlen(text), 0 };
	int lines = ui_text_runs(ui, &run, 1, role, r.x, r.y, r.w, align, color,
				 0, -1, UI_RECORD);

	return lines * ui_line_h(ui, role);
}
