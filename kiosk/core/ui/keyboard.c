/*
 * keyboard: the key layouts (tables of what each key types), the grid that
 * places keys in whole and half key widths, the text field's own line
 * breaking (it breaks inside a word too long for a line, which running
 * text never needs), and applying a key to a caller's text.
 */
#include "core/ui/keyboard.h"

#include "core/ui/bidi.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/i18n.h"

enum key_kind { KEY_CHAR, KEY_SPACE, KEY_ERASE, KEY_SHIFT, KEY_ACCENTS };

/* One key: what it types without and with shift, and its width in half
 * keys (0 means 2: one key wide). */
struct key {
	const char *lo, *up;
	enum key_kind kind;
	int w2;
};

#define ROW_KEYS_MAX 10

/* A row: where it starts (in half keys) and its keys. */
struct row {
	int at2;
	int n;
	struct key keys[ROW_KEYS_MAX];
};

#define KC(lo, up)                                                             \
	{                                                                      \
		lo, up, KEY_CHAR, 0                                            \
	}
#define KS(c) KC(c, c)

static const struct row DIGITS = { 0,
				   10,
				   { KS("1"), KS("2"), KS("3"), KS("4"),
				     KS("5"), KS("6"), KS("7"), KS("8"),
				     KS("9"), KS("0") } };

/* [layer][row]: the letter rows, then the accent layer in their place */
static const struct row LETTERS[2][3] = {
	{
		{ 0,
		  10,
		  { KC("q", "Q"), KC("w", "W"), KC("e", "E"), KC("r", "R"),
		    KC("t", "T"), KC("y", "Y"), KC("u", "U"), KC("i", "I"),
		    KC("o", "O"), KC("p", "P") } },
		{ 1,
		  9,
		  { KC("a", "A"), KC("s", "S"), KC("d", "D"), KC("f", "F"),
		    KC("g", "G"), KC("h", "H"), KC("j", "J"), KC("k", "K"),
		    KC("l", "L") } },
		{ 2,
		  7,
		  { KC("z", "Z"), KC("x", "X"), KC("c", "C"), KC("v", "V"),
		    KC("b", "B"), KC("n", "N"), KC("m", "M") } },
	},
	{
		/* e and a first (één, ideeën, à, café), then ç and ñ */
		{ 0,
		  10,
		  { KC("é", "É"), KC("è", "È"), KC("ë", "Ë"), KC("ê", "Ê"),
		    KC("á", "Á"), KC("à", "À"), KC("ä", "Ä"), KC("â", "Â"),
		    KC("ç", "Ç"), KC("ñ", "Ñ") } },
		{ 1,
		  9,
		  { KC("í", "Í"), KC("ì", "Ì"), KC("ï", "Ï"), KC("î", "Î"),
		    KC("ó", "Ó"), KC("ò", "Ò"), KC("ö", "Ö"), KC("ô", "Ô"),
		    KS("ß") } },
		/* u, and what Turkish adds to ç ö ü */
		{ 2,
		  7,
		  { KC("ú", "Ú"), KC("ù", "Ù"), KC("ü", "Ü"), KC("û", "Û"),
		    KC("ş", "Ş"), KC("ğ", "Ğ"), KC("ı", "I") } },
	},
};

/* the bottom row after the accent key and space */
static const struct row PUNCT = {
	8, 6, { KS("."), KS(","), KS("-"), KS("@"), KS("'"), KS("?") }
};

static const struct row NUMPAD[3] = {
	{ 0, 3, { KS("1"), KS("2"), KS("3") } },
	{ 0, 3, { KS("4"), KS("5"), KS("6") } },
	{ 0, 3, { KS("7"), KS("8"), KS("9") } },
};

#define GLYPH_SHIFT "\xe2\x87\xa7" /* ⇧ */
#define GLYPH_ERASE "\xe2\x8c\xab" /* ⌫ */

/* Where the keys go: the first key's corner, a key's size and the gap. */
struct grid {
	int x0, y0, kw, kh, gap;
	int w;	 /* of all the keys of a row */
	int rtl; /* the layout is mirrored later: lay the keys out mirrored
		  * here, so the keyboard stays the keyboard people know */
};

/* Keys of `cols` by `rows` filling r: as high as r allows but never below
 * the theme's target, at most ratio/10 times as wide as high, centred. */
static struct grid grid_fit(const struct ui *ui, struct rect r, int cols,
			    int rows, int ratio10)
{
	struct grid g;
	int min = ui_mm(ui, ui->theme->target_mm), w, h;

	g.gap = ui_mm(ui, ui->theme->gap_mm);
	g.kh = (r.h - (rows - 1) * g.gap) / rows;
	if (g.kh < min)
		g.kh = min;
	g.kw = (r.w - (cols - 1) * g.gap) / cols;
	if (g.kw > g.kh * ratio10 / 10)
		g.kw = g.kh * ratio10 / 10;
	if (g.kw < min)
		g.kw = min;
	w = cols * g.kw + (cols - 1) * g.gap;
	h = rows * g.kh + (rows - 1) * g.gap;
	g.x0 = r.x + (w < r.w ? (r.w - w) / 2 : 0);
	g.y0 = r.y + (h < r.h ? (r.h - h) / 2 : 0);
	g.w = w;
	g.rtl = ui->rtl;
	return g;
}

static void grid_size(const struct ui *ui, int cols, int rows, double key_mm,
		      int ratio10, int *w, int *h)
{
	int gap = ui_mm(ui, ui->theme->gap_mm);
	int kh = ui_mm(ui, key_mm), min = ui_mm(ui, ui->theme->target_mm);

	if (kh < min)
		kh = min;
	*w = cols * (kh * ratio10 / 10) + (cols - 1) * gap;
	*h = rows * kh + (rows - 1) * gap;
}

/* The key at half-key position at2, w2 half keys wide, on a row. The
 * pitch is split the same way for every key, so neighbours are always
 * exactly one gap apart. */
static struct rect grid_key(const struct grid *g, int row, int at2, int w2)
{
	int pitch = g->kw + g->gap;
	int x = g->x0 + at2 * pitch / 2;
	int end = g->x0 + (at2 + w2) * pitch / 2 - g->gap;

	/* in a right-to-left frame the whole frame is mirrored at the end;
	 * a key mirrored here too lands where a QWERTY keyboard has it */
	if (g->rtl) {
		int w = end - x;

		x = g->x0 + g->w - (x - g->x0) - w;
		end = x + w;
	}
	return (struct rect){ x, g->y0 + row * (g->kh + g->gap), end - x,
			      g->kh };
}

/* How a key looks now: pressed while the finger that went down on it is
 * still on it (the same rule as ui_button). */
static enum ui_state key_state(const struct ui *ui, const char *kid,
			       struct rect r)
{
	return ui->active == ui_id(kid) && ui->down && !ui->dragging &&
			       rect_contains(r, ui->px, ui->py)
		       ? UI_PRESSED
		       : UI_NORMAL;
}

/* Paints `s` centred on a key in bold at the size of `role`; 0 when it
 * is wider than the key leaves room for (nothing painted then). */
static int key_face(struct ui *ui, struct rect r, const char *s,
		    enum font_role role, struct color fg)
{
	int px = ui_font_px(ui, role), lh, pad = ui_mm(ui, 1.5), tw;
	size_t n = strlen(s);

	/* a letter with its accent and its tail stays inside the key (the
	 * line of a font is about 1.2 times its size) */
	if (px * 5 / 4 > r.h)
		px = r.h * 4 / 5;
	lh = (int)(px * 1.35 + 0.5);
	tw = ui->m.text_width(ui->m.ctx, s, n, px, 1);
	if (tw > r.w - 2 * pad)
		return 0;
	draw_text(&ui->dl, r.x + (r.w - tw) / 2, r.y + (r.h - lh) / 2, tw, lh,
		  s, n, px, 1, fg);
	/* a word in Arabic on a key is shaped right to left */
	if (ui->dl.ncmds > 0 &&
	    ui->dl.cmds[ui->dl.ncmds - 1].kind == DRAW_TEXT &&
	    bidi_has_rtl(s, n))
		ui->dl.cmds[ui->dl.ncmds - 1].rtl = 1;
	return 1;
}

/* A key with a word: tries each face in turn, the last one regardless
 * (noted as clipped when it does not fit either). */
static void key_faces(struct ui *ui, struct rect r, const char *const *faces,
		      int n, enum font_role role, struct color fg)
{
	int i;

	for (i = 0; i < n; i++)
		if (faces[i] && faces[i][0] &&
		    key_face(ui, r, faces[i], role, fg))
			return;
	for (i = n - 1; i >= 0; i--)
		if (faces[i] && faces[i][0]) {
			size_t len = strlen(faces[i]);
			int px = ui_font_px(ui, role), lh = ui_line_h(ui, role);

			ui_clipped(ui, faces[i], len);
			draw_text(&ui->dl, r.x, r.y + (r.h - lh) / 2, r.w, lh,
				  faces[i], len, px, 1, fg);
			return;
		}
}

/* One key: draws it, and on its click fills *out. */
static int key_do(struct ui *ui, const char *id, int row, const struct key *k,
		  struct rect r, const struct ui_keyboard_state *st,
		  const struct ui_keyboard_labels *labels,
		  struct ui_key_event *out)
{
	char kid[96], face[96];
	const char *label = "", *faces[3] = { NULL, NULL, GLYPH_ERASE };
	enum style_id style = STYLE_TILE;
	enum ui_state state;
	struct color fg;
	int clicked;

	snprintf(kid, sizeof(kid), "%s/%d/%d", id, row, r.x);
	switch (k->kind) {
	case KEY_CHAR:
		label = st && st->shift ? k->up : k->lo;
		break;
	case KEY_SPACE:
		label = labels->space;
		style = STYLE_SECONDARY;
		break;
	case KEY_ERASE:
		label = labels->erase;
		style = STYLE_SECONDARY;
		snprintf(face, sizeof(face), "%s %s", GLYPH_ERASE, label);
		faces[0] = face;
		faces[1] = label;
		break;
	case KEY_SHIFT:
		label = labels->shift;
		style = st->shift ? STYLE_PRIMARY : STYLE_SECONDARY;
		break;
	case KEY_ACCENTS:
		label = st->accents ? labels->letters : labels->accents;
		style = st->accents ? STYLE_PRIMARY : STYLE_SECONDARY;
		break;
	}
	clicked = ui_button_frame(ui, kid, r, label, style);
	state = key_state(ui, kid, r);
	fg = theme_fg(ui->theme, style, state);
	switch (k->kind) {
	case KEY_CHAR:
		if (!key_face(ui, r, label, FONT_TITLE, fg))
			key_faces(ui, r, &label, 1, FONT_BUTTON, fg);
		break;
	case KEY_SHIFT:
		faces[0] = GLYPH_SHIFT;
		key_faces(ui, r, faces, 1, FONT_TITLE, fg);
		break;
	case KEY_ERASE:
		key_faces(ui, r, faces, 3, FONT_BUTTON, fg);
		break;
	default:
		key_faces(ui, r, &label, 1, FONT_BUTTON, fg);
		break;
	}
	if (!clicked)
		return 0;
	memset(out, 0, sizeof(*out));
	switch (k->kind) {
	case KEY_CHAR:
		out->kind = UI_KEY_TEXT;
		str_copy(out->text, sizeof(out->text), label);
		break;
	case KEY_SPACE:
		out->kind = UI_KEY_TEXT;
		out->text[0] = ' ';
		break;
	case KEY_ERASE:
		out->kind = UI_KEY_ERASE;
		break;
	case KEY_SHIFT:
		out->kind = UI_KEY_SHIFT;
		break;
	case KEY_ACCENTS:
		out->kind = UI_KEY_ACCENTS;
		break;
	}
	return 1;
}

/* Every key of a row; 1 when one of them was clicked. */
static int row_do(struct ui *ui, const char *id, const struct grid *g, int row,
		  const struct row *keys, const struct ui_keyboard_state *st,
		  const struct ui_keyboard_labels *labels,
		  struct ui_key_event *out)
{
	int i, at2 = keys->at2, hit = 0;

	for (i = 0; i < keys->n; i++) {
		const struct key *k = &keys->keys[i];
		int w2 = k->w2 ? k->w2 : 2;

		hit |= key_do(ui, id, row, k, grid_key(g, row, at2, w2), st,
			      labels, out);
		at2 += w2;
	}
	return hit;
}

#define KB_COLS	 10
#define KB_ROWS	 5
#define KB_RATIO 13 /* keys at most 1.3 times as wide as high */

void ui_keyboard_size(const struct ui *ui, int *w, int *h)
{
	grid_size(ui, KB_COLS, KB_ROWS, ui->large ? UI_KEY_LARGE_MM : UI_KEY_MM,
		  KB_RATIO, w, h);
}

int ui_keyboard(struct ui *ui, const char *id, struct rect r,
		const struct ui_keyboard_state *st,
		const struct ui_keyboard_labels *labels,
		struct ui_key_event *out)
{
	struct grid g = grid_fit(ui, r, KB_COLS, KB_ROWS, KB_RATIO);
	const struct row *layer = LETTERS[st->accents ? 1 : 0];
	const struct key shift = { NULL, NULL, KEY_SHIFT, 2 };
	const struct key erase = { NULL, NULL, KEY_ERASE, 4 };
	const struct key accents = { NULL, NULL, KEY_ACCENTS, 3 };
	const struct key space = { NULL, NULL, KEY_SPACE, 5 };
	int hit = 0;

	out->kind = UI_KEY_NONE;
	out->text[0] = '\0';
	hit |= row_do(ui, id, &g, 0, &DIGITS, st, labels, out);
	hit |= row_do(ui, id, &g, 1, &layer[0], st, labels, out);
	hit |= row_do(ui, id, &g, 2, &layer[1], st, labels, out);
	/* shift, the seven letters, erase two keys wide */
	hit |= key_do(ui, id, 3, &shift, grid_key(&g, 3, 0, 2), st, labels,
		      out);
	hit |= row_do(ui, id, &g, 3, &layer[2], st, labels, out);
	hit |= key_do(ui, id, 3, &erase, grid_key(&g, 3, 16, 4), st, labels,
		      out);
	/* the accent key one and a half keys wide, space two and a half */
	hit |= key_do(ui, id, 4, &accents, grid_key(&g, 4, 0, 3), st, labels,
		      out);
	hit |= key_do(ui, id, 4, &space, grid_key(&g, 4, 3, 5), st, labels,
		      out);
	hit |= row_do(ui, id, &g, 4, &PUNCT, st, labels, out);
	return hit;
}

#define PAD_COLS  3
#define PAD_ROWS  4
#define PAD_RATIO 15
#define PAD_KEY_MM                                                             \
	22.0 /* number keys are larger still, in either text                   \
	      * size */

void ui_numpad_size(const struct ui *ui, int *w, int *h)
{
	grid_size(ui, PAD_COLS, PAD_ROWS, PAD_KEY_MM, PAD_RATIO, w, h);
}

int ui_numpad(struct ui *ui, const char *id, struct rect r,
	      const struct ui_keyboard_labels *labels, struct ui_key_event *out)
{
	struct grid g = grid_fit(ui, r, PAD_COLS, PAD_ROWS, PAD_RATIO);
	const struct key zero = { "0", "0", KEY_CHAR, 2 };
	const struct key erase = { NULL, NULL, KEY_ERASE, 4 };
	int i, hit = 0;

	out->kind = UI_KEY_NONE;
	out->text[0] = '\0';
	for (i = 0; i < 3; i++)
		hit |= row_do(ui, id, &g, i, &NUMPAD[i], NULL, labels, out);
	/* erase two keys wide, as on the letters: the key a visitor who
	 * mistypes needs most, with room for its word in larger text */
	hit |= key_do(ui, id, 3, &zero, grid_key(&g, 3, 0, 2), NULL, labels,
		      out);
	hit |= key_do(ui, id, 3, &erase, grid_key(&g, 3, 2, 4), NULL, labels,
		      out);
	return hit;
}

/* ---- the caller's side ---- */

int ui_text_chars(const char *text)
{
	int n = 0;

	for (; *text; text++)
		if (((unsigned char)*text & 0xC0) != 0x80)
			n++;
	return n;
}

int ui_keyboard_apply(struct ui_keyboard_state *st, char *text, size_t size,
		      int max_chars, const struct ui_key_event *ev)
{
	size_t have = strlen(text), add;

	switch (ev->kind) {
	case UI_KEY_SHIFT:
		st->shift = !st->shift;
		return 0;
	case UI_KEY_ACCENTS:
		st->accents = !st->accents;
		return 0;
	case UI_KEY_ERASE:
		if (have == 0)
			return 0;
		add = have;
		while (add > 0 && ((unsigned char)text[add - 1] & 0xC0) == 0x80)
			add--;
		if (add > 0)
			add--; /* the lead byte */
		memset(text + add, 0, have - add);
		return 1;
	case UI_KEY_TEXT:
		/* one letter, then back to small letters and the letters */
		st->shift = 0;
		st->accents = 0;
		add = strnlen(ev->text, sizeof(ev->text));
		if (add == 0 || add == sizeof(ev->text) ||
		    !utf8_valid(ev->text, add, NULL))
			return 0;
		if (max_chars > 0 &&
		    ui_text_chars(text) + ui_text_chars(ev->text) > max_chars)
			return 0;
		if (have + add + 1 > size)
			return 0;
		memcpy(text + have, ev->text, add + 1);
		return 1;
	case UI_KEY_NONE:
	case UI_KEY_ENTER:
		break;
	}
	return 0;
}

/* ---- the text field ---- */

#define FIELD_LINES_MAX 16 /* most lines a field shows at once */

struct field_line {
	const char *s;
	size_t n;
	int w;
};

static int width_of(struct ui *ui, const char *s, size_t n, int px)
{
	return ui->m.text_width(ui->m.ctx, s, n, px, 0);
}

/* Breaks text into lines of at most `width` pixels: at spaces, and inside
 * a word that is wider than a whole line. Keeps the last `keep` lines in
 * ring (line i at ring[i % keep]); returns the number of lines, at least 1
 * (an empty text is one empty line). */
static int field_break(struct ui *ui, const char *text, int width, int px,
		       struct field_line *ring, int keep)
{
	const char *p = text;
	int lines = 0;

	do {
		const char *start = p, *end = p;
		int w = 0;

		for (;;) {
			const char *q = end, *e;
			int cw;

			while (*q == ' ')
				q++;
			if (*q == '\0' || *q == '\n') {
				end = q; /* trailing spaces stay: the caret
					  * goes after them */
				w = width_of(ui, start, (size_t)(end - start),
					     px);
				break;
			}
			for (e = q; *e && *e != ' ' && *e != '\n'; e++)
				;
			cw = width_of(ui, start, (size_t)(e - start), px);
			if (cw <= width) {
				end = e;
				w = cw;
				continue;
			}
			if (end == start) {
				/* one word wider than the line: as many
				 * characters as fit, at least one */
				const char *c = start;

				do {
					end = c;
					c++;
					while (((unsigned char)*c & 0xC0) ==
					       0x80)
						c++;
					cw = width_of(ui, start,
						      (size_t)(c - start), px);
				} while (c < e && cw <= width);
				if (cw <= width || end == start)
					end = c;
				w = width_of(ui, start, (size_t)(end - start),
					     px);
			}
			break;
		}
		ring[lines % keep] =
			(struct field_line){ start, (size_t)(end - start), w };
		lines++;
		p = end;
		if (*p == '\n')
			p++;
		else
			while (*p == ' ')
				p++;
	} while (*p);
	return lines;
}

/* The counter's words, "12 / 200", into out. */
static const char *field_counter(char *out, size_t size, const char *text,
				 int max_len,
				 const struct ui_text_field_labels *labels)
{
	char have[16], most[16];
	const char *args[2] = { have, most };

	out[0] = '\0';
	if (!labels || !labels->counter || max_len <= 0)
		return out;
	snprintf(have, sizeof(have), "%d", ui_text_chars(text));
	snprintf(most, sizeof(most), "%d", max_len);
	return i18n_format(out, size, labels->counter, args, 2);
}

/* Height of the line under the box: the hint, broken beside the counter. */
static int field_under_h(struct ui *ui, const char *hint, int width)
{
	int lh = ui_line_h(ui, FONT_BODY), lines = 1;

	if (hint && hint[0]) {
		struct text_run run = { hint, strlen(hint), 0 };

		lines = ui_text_lines(ui, &run, 1, FONT_BODY, width, 0);
	}
	return (lines < 1 ? 1 : lines) * lh;
}

/* Room the counter takes at the end of the line under the box. */
static int field_counter_room(const struct ui *ui, int width)
{
	return width / 4 < ui_mm(ui, 45) ? width / 4 : ui_mm(ui, 45);
}

int ui_text_field_height(struct ui *ui, int lines, const char *hint, int width)
{
	int pad = ui_mm(ui, 3), lh = ui_line_h(ui, FONT_BODY);

	return lines * lh + 2 * pad + ui_mm(ui, 2) +
	       field_under_h(ui, hint, width - field_counter_room(ui, width));
}

int ui_text_field(struct ui *ui, const char *id, struct rect r,
		  const char *text, int max_len, int focused,
		  const struct ui_text_field_labels *labels)
{
	const struct theme *t = ui->theme;
	int pad = ui_mm(ui, 3), gap = ui_mm(ui, 2);
	int px = ui_font_px(ui, FONT_BODY), lh = ui_line_h(ui, FONT_BODY);
	const char *hint = labels ? labels->hint : NULL;
	int room = field_counter_room(ui, r.w);
	int under = field_under_h(ui, hint, r.w - room);
	struct field_line ring[FIELD_LINES_MAX];
	struct rect box = { r.x, r.y, r.w, r.h - under - gap };
	int clicked = 0, keep, lines, first, i, inner = r.w - 2 * pad;
	char counter[64];

	if (box.h < lh + 2 * pad)
		box.h = lh + 2 * pad;
	if (labels && labels->name)
		clicked = ui_area(ui, id, box, labels->name);
	draw_rect(&ui->dl, box, theme_bg(t, STYLE_TILE, UI_NORMAL),
		  ui_mm(ui, t->radius_mm));
	if (focused)
		draw_frame(&ui->dl, box, t->accent, ui_mm(ui, 1.2));
	else
		draw_frame(&ui->dl, box, t->styles[STYLE_SECONDARY].border,
			   ui_mm(ui, 0.6));

	/* the last lines that fit */
	keep = (box.h - 2 * pad) / lh;
	if (keep < 1)
		keep = 1;
	if (keep > FIELD_LINES_MAX)
		keep = FIELD_LINES_MAX;
	lines = field_break(ui, text, inner, px, ring, keep);
	first = lines > keep ? lines - keep : 0;
	for (i = first; i < lines; i++) {
		const struct field_line *l = &ring[i % keep];
		int y = box.y + pad + (i - first) * lh;

		if (l->n) {
			int before = ui->dl.ncmds;

			draw_text(&ui->dl, box.x + pad, y, l->w, lh, l->s, l->n,
				  px, 0, t->text);
			/* typed Arabic is shaped right to left */
			if (ui->dl.ncmds > before && bidi_has_rtl(l->s, l->n))
				ui->dl.cmds[ui->dl.ncmds - 1].rtl = 1;
		}
		if (focused && i == lines - 1) {
			int cx = box.x + pad + (l->w < inner ? l->w : inner);
			int cw = ui_mm(ui, 0.8) > 2 ? ui_mm(ui, 0.8) : 2;

			draw_rect(&ui->dl,
				  (struct rect){ cx + 1, y + (lh - px) / 2, cw,
						 px },
				  t->text, 0);
		}
	}
	if (text[0])
		draw_text_item(&ui->dl, box, text);

	/* under the box: the hint at the start, the counter at the end */
	if (hint && hint[0]) {
		struct text_run run = { hint, strlen(hint), 0 };

		ui_text_runs(ui, &run, 1, FONT_BODY, r.x, box.y + box.h + gap,
			     r.w - room, UI_ALIGN_LEFT, t->text, 0, -1,
			     UI_RECORD);
	}
	if (field_counter(counter, sizeof(counter), text, max_len, labels)[0]) {
		/* through the line breaker, so "أحرف: 11 من 60" keeps its
		 * words and numbers in reading order */
		struct text_run run = { counter, strlen(counter),
					ui_text_chars(text) >= max_len };
		/* on one line at the end, with room for the line breaker's
		 * word by word sum, which can come out a little wider */
		int cw = ui->m.text_width(ui->m.ctx, counter, run.n, px,
					  run.bold) +
			 ui_mm(ui, 8);

		if (cw < room)
			cw = room;

		ui_text_runs(ui, &run, 1, FONT_BODY, r.x + r.w - cw,
			     box.y + box.h + gap, cw, UI_ALIGN_END, t->text, 0,
			     1, UI_RECORD);
	}
	return clicked;
}
