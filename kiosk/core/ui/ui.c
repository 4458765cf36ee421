/*
 * ui: widgets, the click, drag, swipe and long-press rules, line breaking,
 * and the mirror that turns a layout around for right-to-left languages.
 */
#include "core/ui/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/ui/linebreak.h"

void ui_init(struct ui *ui, const struct theme *theme, struct ui_metrics m,
	     double px_per_mm)
{
	memset(ui, 0, sizeof(*ui));
	ui->theme = theme;
	ui->m = m;
	ui->px_per_mm = px_per_mm;
	linebreak_init();
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
	/* the line breaker's copies of the last texts */
	explicit_bzero(ui->para, sizeof(ui->para));
	explicit_bzero(ui->line, sizeof(ui->line));
	explicit_bzero(&ui->bidi, sizeof(ui->bidi));
	draw_list_wipe(&ui->dl);
}

void ui_reset_input(struct ui *ui)
{
	ui->down = ui->went_down = ui->went_up = 0;
	ui->active = 0;
	ui->dragging = ui->long_taken = 0;
	ui->swipe = 0;
	ui->hold_ms = 0;
}

void ui_pointer(struct ui *ui, enum ptr_kind kind, int x, int y, uint64_t now)
{
	/* back into layout coordinates: the frame on screen was mirrored */
	if (ui->rtl && ui->w > 0)
		x = ui->w - 1 - x;
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
		ui->hold_ms = 0;
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

static struct rect mirror(const struct ui *ui, struct rect r)
{
	r.x = ui->w - r.x - r.w;
	return r;
}

/* Turns the frame around for a right-to-left language: every rectangle
 * goes to the other side of the screen. What is inside stays as it is:
 * letters (each line was put in display order by the line breaker),
 * pictures, QR codes; arrows were marked to flip when drawn. */
static void mirror_frame(struct ui *ui)
{
	struct draw_list *dl = &ui->dl;
	int i;

	for (i = 0; i < dl->ncmds; i++)
		dl->cmds[i].r = mirror(ui, dl->cmds[i].r);
	for (i = 0; i < dl->nhits; i++)
		dl->hits[i].r = mirror(ui, dl->hits[i].r);
	for (i = 0; i < dl->ntexts; i++)
		dl->texts[i].r = mirror(ui, dl->texts[i].r);
}

void ui_end(struct ui *ui)
{
	ui->seen_x = ui->px;
	ui->seen_y = ui->py;
	if (ui->rtl)
		mirror_frame(ui);
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
		return ui->press_ms +
		       (uint64_t)(ui->hold_ms ? ui->hold_ms : UI_LONG_PRESS_MS);
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

int ui_hold(struct ui *ui, const char *id, struct rect where, int ms)
{
	uint32_t h = ui_id(id);

	if (ui->active != h || !ui->down || ui->dragging || ui->long_taken ||
	    !rect_contains(where, ui->press_x, ui->press_y))
		return 0;
	ui->hold_ms = ms;
	if (ui->now < ui->press_ms + (uint64_t)ms)
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

static int button_icon(struct ui *ui, const char *id, struct rect r,
		       const char *label, const char *icon, enum style_id style,
		       int points)
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
	if (points && ui->rtl && ui->dl.ncmds > 0 &&
	    ui->dl.cmds[ui->dl.ncmds - 1].kind == DRAW_IMAGE)
		ui->dl.cmds[ui->dl.ncmds - 1].flip = 1;
	tx = r.x + pad * 3 + side;
	tw = r.x + r.w - pad - tx;
	lines = ui_text_lines(ui, &run, 1, FONT_BUTTON, tw, 0);
	ui_text_runs(ui, &run, 1, FONT_BUTTON, tx, r.y + (r.h - lines * lh) / 2,
		     tw, UI_ALIGN_CENTER, fg, 0, -1, 0);
	return clicked;
}

int ui_button_icon(struct ui *ui, const char *id, struct rect r,
		   const char *label, const char *icon, enum style_id style)
{
	return button_icon(ui, id, r, label, icon, style, 0);
}

int ui_button_arrow(struct ui *ui, const char *id, struct rect r,
		    const char *label, const char *icon, enum style_id style)
{
	return button_icon(ui, id, r, label, icon, style, 1);
}

void ui_point_in(const struct ui *ui, struct rect r, int *fx, int *fy)
{
	int x = ui->px - r.x;

	/* the pointer is in layout coordinates; the picture is painted
	 * unmirrored in the mirrored box */
	if (ui->rtl)
		x = r.w - 1 - x;
	*fx = x * 1000 / (r.w ? r.w : 1);
	*fy = (ui->py - r.y) * 1000 / (r.h ? r.h : 1);
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

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Puts the runs end to end and asks where lines may end. Returns 0 when
 * the text is too long for that: then only spaces break it. */
static int find_breaks(struct ui *ui, const struct text_run *runs, int nruns)
{
	size_t total = 0;
	int i;

	for (i = 0; i < nruns; i++)
		total += runs[i].n;
	if (total == 0 || total > sizeof(ui->para))
		return 0;
	total = 0;
	for (i = 0; i < nruns; i++) {
		memcpy(ui->para + total, runs[i].s, runs[i].n);
		total += runs[i].n;
	}
	linebreak_find(ui->para, total, ui->para_brk);
	return 1;
}

/* Cuts the runs into words: at spaces, at hard line breaks, and where
 * the Unicode rules let a line end inside a stretch without spaces. */
static void split_runs(struct ui *ui, const struct text_run *runs, int nruns,
		       int all_bold)
{
	int i, space = 0, newline = 0, brks = find_breaks(ui, runs, nruns);
	size_t off = 0; /* where run i starts in ui->para */

	ui->nwords = 0;
	for (i = 0; i < nruns; off += runs[i].n, i++) {
		const char *s = runs[i].s, *p = s, *end = s + runs[i].n;

		while (p < end) {
			const char *w = p;
			size_t at = off + (size_t)(p - s);
			int glue;

			if (is_space(*p)) {
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
			while (p < end && !is_space(*p) && *p != '\n') {
				size_t k = off + (size_t)(p - s);

				p++;
				if (brks && ui->para_brk[k] != BREAK_NO)
					break;
			}
			if (ui->nwords == UI_WORD_MAX) {
				ui->dl.overflow = 1;
				return;
			}
			/* a word that touches the one before without a place
			 * to break between ("Wat" in bold, then "?") */
			glue = brks && !space && !newline && ui->nwords > 0 &&
			       at > 0 && ui->para_brk[at - 1] == BREAK_NO;
			ui->words[ui->nwords++] = (struct ui_word){
				w,
				(size_t)(p - w),
				runs[i].bold || all_bold,
				space && ui->nwords > 0,
				newline,
				glue,
			};
			space = newline = 0;
		}
	}
}

static int word_w(struct ui *ui, const struct ui_word *w, int px)
{
	return ui->m.text_width(ui->m.ctx, w->s, w->n, px, w->bold);
}

/* Width of word i with the words glued to it; *end gets the word after
 * them. */
static int unit_w(struct ui *ui, int i, int px, int *end)
{
	int w = word_w(ui, &ui->words[i], px);

	for (i++; i < ui->nwords && ui->words[i].glue && !ui->words[i].newline;
	     i++)
		w += word_w(ui, &ui->words[i], px);
	*end = i;
	return w;
}

/* Direction of the text in runs: its first letter's, else the ui's. */
static int para_direction(const struct ui *ui, const struct text_run *runs,
			  int nruns)
{
	int i, d;

	for (i = 0; i < nruns; i++)
		if ((d = bidi_direction(runs[i].s, runs[i].n)) >= 0)
			return d;
	return ui->rtl;
}

/* Draws one piece; in RTL it is shaped from right to left. */
static void emit_piece(struct ui *ui, int x, int y, int w, int lh,
		       const char *s, size_t n, int px, int bold, int rtl,
		       struct color color)
{
	int before = ui->dl.ncmds;

	draw_text(&ui->dl, x, y, w, lh, s, n, px, bold, color);
	if (ui->dl.ncmds > before)
		ui->dl.cmds[ui->dl.ncmds - 1].rtl = rtl;
}

/* A line too long to reorder: each word on its own, in reading order. */
static void emit_words(struct ui *ui, int a, int b, int x, int y, int px,
		       int lh, int space_w, struct color color)
{
	int i, cx = x;

	for (i = a; i < b; i++) {
		const struct ui_word *w = &ui->words[i];
		int ww = word_w(ui, w, px);

		if (i > a && w->space_before)
			cx += space_w;
		emit_piece(ui, cx, y, ww, lh, w->s, w->n, px, w->bold,
			   ui->para_rtl, color);
		cx += ww;
	}
}

/* Reverses segs[a, b). */
static void reverse_segs(struct ui_seg *segs, int a, int b)
{
	while (a < --b) {
		struct ui_seg t = segs[a];

		segs[a++] = segs[b];
		segs[b] = t;
	}
}

/* Emits one line made of words [a, b). The words are joined by single
 * spaces into ui->line and cut into pieces of one direction and weight;
 * the pieces are put in display order (rule L2 of the bidirectional
 * algorithm: reverse every stretch at each level from the highest down
 * to the lowest odd one) and placed from the start of the line. In RTL
 * the frame is mirrored afterwards, so the pieces go in from the last
 * one shown on the left: the first piece ends up at the right edge. */
static void emit_line(struct ui *ui, int a, int b, int x, int y, int width,
		      enum ui_align align, struct color color, int px, int lh,
		      int space_w)
{
	struct ui_seg *segs = ui->segs;
	size_t n = 0, k;
	int i, nseg = 0, total = 0, top = 0, low = 255, lv, cx = x;

	for (i = a; i < b; i++) {
		const struct ui_word *w = &ui->words[i];

		if (n + w->n + 2 > sizeof(ui->line)) {
			emit_words(ui, a, b, x, y, px, lh, space_w, color);
			return;
		}
		if (i > a && w->space_before) {
			ui->line[n] = ' ';
			ui->line_bold[n++] =
				(unsigned char)ui->words[i - 1].bold;
		}
		memcpy(ui->line + n, w->s, w->n);
		memset(ui->line_bold + n, w->bold, w->n);
		n += w->n;
	}
	ui->line[n] = '\0';
	bidi_levels(&ui->bidi, ui->line, n, ui->para_rtl, ui->line_level);
	for (k = 0; k < n;) {
		size_t start = k;

		while (k < n && ui->line_level[k] == ui->line_level[start] &&
		       ui->line_bold[k] == ui->line_bold[start])
			k++;
		if (nseg == UI_SEG_MAX) {
			/* more pieces than room: the rest joins the last */
			segs[nseg - 1].n = n - segs[nseg - 1].start;
			break;
		}
		segs[nseg++] = (struct ui_seg){ start, k - start,
						ui->line_level[start],
						ui->line_bold[start], 0 };
	}
	for (i = 0; i < nseg; i++) {
		segs[i].w =
			ui->m.text_width(ui->m.ctx, ui->line + segs[i].start,
					 segs[i].n, px, segs[i].bold);
		total += segs[i].w;
		top = segs[i].level > top ? segs[i].level : top;
		low = segs[i].level < low ? segs[i].level : low;
	}
	for (lv = top; lv >= (low | 1) && lv > 0; lv--)
		for (i = 0; i < nseg;) {
			int j = i;

			while (j < nseg && segs[j].level >= lv)
				j++;
			if (j > i)
				reverse_segs(segs, i, j);
			i = j > i ? j : i + 1;
		}
	if (align == UI_ALIGN_CENTER && total < width)
		cx = x + (width - total) / 2;
	else if (align == UI_ALIGN_END && total < width)
		cx = x + width - total;
	for (i = 0; i < nseg; i++) {
		const struct ui_seg *g = &segs[ui->rtl ? nseg - 1 - i : i];

		emit_piece(ui, cx, y, g->w, lh, ui->line + g->start, g->n, px,
			   g->bold, g->level & 1, color);
		cx += g->w;
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
		int a = i, j, line_w = unit_w(ui, i, px, &j);

		i = j;
		while (i < ui->nwords && !ui->words[i].newline) {
			int sw = ui->words[i].space_before ? space_w : 0;
			int ww = unit_w(ui, i, px, &j);

			if (line_w + sw + ww > width)
				break;
			line_w += sw + ww;
			i = j;
		}
		if (draw && line >= first && (max < 0 || drawn < max)) {
			emit_line(ui, a, i, x, y + drawn * lh, width, align,
				  color, px, lh, space_w);
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
	ui->para_rtl = ui->rtl;
	return layout_lines(ui, role, 0, 0, width, UI_ALIGN_START,
			    (struct color){ 0, 0, 0, 0 }, 0, -1, 0);
}

int ui_text_runs(struct ui *ui, const struct text_run *runs, int nruns,
		 enum font_role role, int x, int y, int width,
		 enum ui_align align, struct color color, int first, int max,
		 int record)
{
	int lines;

	split_runs(ui, runs, nruns, record & UI_BOLD);
	ui->para_rtl = para_direction(ui, runs, nruns);
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
