/*
 * screens: what each screen looks like and what its buttons do. Layout is
 * in millimetres (ui_mm) so it keeps its proportions on every screen size.
 * Every screen below the home screen has the same frame: a coloured bar
 * with "Terug", the title, the language and text-size buttons; and, when
 * there is more than one screenful, a footer with "Vorige", where you are
 * and "Volgende" (a swipe does the same).
 */
#include "core/screens/screens.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/pdf.h"

#define MARGIN_MM     12.0
#define HEADER_MM     30.0
#define BUTTON_H_MM   20.0
#define FOOTER_MM     32.0
#define COLUMN_MM     290.0 /* longest comfortable line of body text */
#define DOUBLE_TAP_MS 450

static struct ui *U(struct app *a)
{
	return &a->ui;
}

static const struct theme *T(const struct app *a)
{
	return &a->theme;
}

/* How many screenfuls n items make at `per` a screen; keeps *part in
 * range (the pack, language or text size may have changed under it). */
static int paginate(int n, int per, int *part)
{
	int parts = per > 0 ? (n + per - 1) / per : 1;

	if (parts < 1)
		parts = 1;
	if (*part >= parts)
		*part = parts - 1;
	return parts;
}

/* A block's runs, all bold when it is a heading. Returns how many. */
static int block_runs(const struct block *b, struct text_run *runs, int max,
		      int bold)
{
	int n = b->nruns < max ? b->nruns : max, r;

	for (r = 0; r < n; r++) {
		runs[r] = b->runs[r];
		if (bold)
			runs[r].bold = 1;
	}
	return n;
}

/* Width a button needs for its label, never below the touch minimum. */
static int button_w(struct app *a, const char *label)
{
	struct ui *ui = U(a);
	int px = ui_font_px(ui, FONT_BUTTON);
	int w = ui->m.text_width(ui->m.ctx, label, strlen(label), px, 1) +
		ui_mm(ui, 16);

	if (w < ui_mm(ui, 45))
		w = ui_mm(ui, 45);
	return w;
}

static const char *lang_name(struct app *a, int lang)
{
	int idx = i18n_find(&a->i18n, a->content->langs[lang]);

	return idx >= 0 ? a->i18n.langs[idx].name : a->content->langs[lang];
}

/* Notes that the text under heading block b does not fit its box. */
static void clipped_block(struct ui *ui, const struct block *b)
{
	if (b->nruns > 0)
		ui_clipped(ui, b->runs[0].s, b->runs[0].n);
}

/* ---- the frame ---- */

/* The coloured bar on top. Language and text-size buttons sit at the
 * right; the title starts at left_end. Returns the bar's height. */
static int header(struct app *a, int left_end, const char *title)
{
	struct ui *ui = U(a);
	int h = ui_mm(ui, HEADER_MM), m = ui_mm(ui, MARGIN_MM);
	int bh = ui_mm(ui, BUTTON_H_MM), by = (h - bh) / 2;
	const char *size_label =
		app_tr(a, a->ui.large ? "size.normal" : "size.larger");
	int sw = button_w(a, size_label), x = a->width - m - sw;

	draw_rect(&ui->dl, (struct rect){ 0, 0, a->width, h }, T(a)->header_bg,
		  0);
	if (ui_button(ui, "size", (struct rect){ x, by, sw, bh }, size_label,
		      STYLE_HEADER)) {
		a->ui.large = !a->ui.large;
		a->part = a->list_part = 0;
	}
	if (a->content->nlangs > 1) {
		int next = (a->lang + 1) % a->content->nlangs;
		const char *name = lang_name(a, next);
		int lw = button_w(a, name);

		x -= lw + ui_mm(ui, 6);
		if (ui_button(ui, "lang", (struct rect){ x, by, lw, bh }, name,
			      STYLE_HEADER)) {
			a->lang = next;
			a->part = a->list_part = 0;
		}
	}
	if (title) {
		int tx = left_end + ui_mm(ui, 8), w = x - ui_mm(ui, 8) - tx;
		struct text_run run = { title, strlen(title), 1 };

		if (ui_text_lines(ui, &run, 1, FONT_TITLE, w) == 1)
			ui_text_runs(ui, &run, 1, FONT_TITLE, tx,
				     (h - ui_line_h(ui, FONT_TITLE)) / 2, w,
				     UI_ALIGN_LEFT, T(a)->header_text, 0, 1,
				     UI_RECORD);
		else
			ui_text_runs(ui, &run, 1, FONT_BUTTON, tx,
				     (h - 2 * ui_line_h(ui, FONT_BUTTON)) / 2,
				     w, UI_ALIGN_LEFT, T(a)->header_text, 0, 2,
				     UI_RECORD | UI_CLIP);
	}
	return h;
}

/* Header with a "Terug" button; returns 1 when it was tapped. */
static int header_back(struct app *a, const char *title, int *bottom)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	const char *back = app_tr(a, "nav.back");
	int bw = button_w(a, back);

	*bottom = header(a, m + bw, title);
	return ui_button(ui, "back",
			 (struct rect){ m, (*bottom - bh) / 2, bw, bh }, back,
			 STYLE_HEADER);
}

/* Footer for screens with several parts; moves *part by buttons or swipe.
 * `where` is the text between the buttons. */
static void footer(struct app *a, int *part, int parts, const char *where)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	const char *prev = app_tr(a, "nav.previous");
	const char *next = app_tr(a, "nav.next");
	int fy = a->height - ui_mm(ui, FOOTER_MM) +
		 (ui_mm(ui, FOOTER_MM) - bh) / 2;
	int pw = button_w(a, prev), nw = button_w(a, next);
	int swipe = ui_swipe(ui);

	if (parts <= 1)
		return;
	ui_text(ui,
		(struct rect){ m + pw, fy + (bh - ui_line_h(ui, FONT_BODY)) / 2,
			       a->width - 2 * m - pw - nw, 0 },
		where, FONT_BODY, UI_ALIGN_CENTER, T(a)->text);
	if (*part > 0 && ui_button(ui, "prev", (struct rect){ m, fy, pw, bh },
				   prev, STYLE_SECONDARY))
		(*part)--;
	else if (*part < parts - 1 &&
		 ui_button(ui, "next",
			   (struct rect){ a->width - m - nw, fy, nw, bh }, next,
			   STYLE_PRIMARY))
		(*part)++;
	else if (swipe < 0 && *part < parts - 1)
		(*part)++;
	else if (swipe > 0 && *part > 0)
		(*part)--;
}

/* "Deel 2 van 5" in the visitor's language. */
static void part_label(struct app *a, const char *key, int part, int parts,
		       char *out, size_t size)
{
	char num[2][16];
	const char *args[2] = { num[0], num[1] };

	snprintf(num[0], sizeof(num[0]), "%d", part + 1);
	snprintf(num[1], sizeof(num[1]), "%d", parts);
	i18n_format(out, size, app_tr(a, key), args, 2);
}

/* A QR code with a line above it telling what it is for. */
static void qr_box(struct app *a, struct rect r, const char *url,
		   const char *caption_key)
{
	struct ui *ui = U(a);
	int th = ui_text(ui, (struct rect){ r.x, r.y, r.w, 0 },
			 app_tr(a, caption_key), FONT_BODY, UI_ALIGN_LEFT,
			 T(a)->text);
	int side =
		r.w < r.h - th - ui_mm(ui, 4) ? r.w : r.h - th - ui_mm(ui, 4);

	if (side > ui_mm(ui, 70))
		side = ui_mm(ui, 70);
	if (side < ui_mm(ui, 25))
		return;
	draw_qr(&ui->dl,
		(struct rect){ r.x, r.y + th + ui_mm(ui, 4), side, side }, url);
}

/* ---- attract ---- */

static void screen_attract(struct app *a)
{
	struct ui *ui = U(a);
	struct color fg = T(a)->attract_text, faded = fg;
	char **lines;
	int n = content_highlights(a->content, a->lang, &lines);
	int w = a->width, h = a->height, col = w * 3 / 4;
	uint64_t t = a->now - a->highlight_since;
	struct rect start;
	int y, sh;

	ui->dl.clear = T(a)->attract_bg;
	/* the whole screen is the button: any touch starts */
	if (ui_area(ui, "start", (struct rect){ 0, 0, w, h },
		    app_tr(a, "attract.start"))) {
		a->screen = SCREEN_HOME;
		return;
	}
	y = h / 8;
	if (a->content->logo) {
		int side = ui_mm(ui, 40);

		draw_image(&ui->dl,
			   (struct rect){ (w - side) / 2, y, side, side },
			   a->content->logo, 0, (struct rect){ 0, 0, 0, 0 });
		y += side + ui_mm(ui, 6);
	}
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     a->content->name, FONT_HERO, UI_ALIGN_CENTER, fg);
	if (n > 0) {
		if (a->fading && t < APP_FADE_MS)
			faded.a = (uint8_t)(255 * t / APP_FADE_MS);
		ui_text(ui,
			(struct rect){ (w - col) / 2, y + ui_mm(ui, 15), col,
				       0 },
			lines[a->highlight % n], FONT_TITLE, UI_ALIGN_CENTER,
			faded);
	}
	/* an outlined "button" so it is clear where to touch */
	sh = ui_line_h(ui, FONT_TITLE) + ui_line_h(ui, FONT_BODY) +
	     ui_mm(ui, 10);
	start = (struct rect){ (w - col) / 2, h - sh - ui_mm(ui, 20), col, sh };
	draw_frame(&ui->dl, start, fg, ui_mm(ui, 1.2));
	y = start.y + ui_mm(ui, 5);
	y += ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
		     app_tr(a, "attract.start"), FONT_TITLE, UI_ALIGN_CENTER,
		     fg);
	if (a->content->nlangs > 1) {
		int en = i18n_find(&a->i18n, "en");

		if (en > 0)
			ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
				i18n_get(&a->i18n, en, "attract.start"),
				FONT_BODY, UI_ALIGN_CENTER, fg);
	}
}

/* ---- home ---- */

/* The label on a button whose face the caller draws: centred in r, at
 * most max_lines lines, noted when it does not fit. */
static void face_label(struct app *a, struct rect r, const char *label,
		       int max_lines)
{
	struct ui *ui = U(a);
	struct text_run run = { label, strlen(label), 1 };
	int pad = ui_mm(ui, 3), lh = ui_line_h(ui, FONT_BUTTON);
	int lines = ui_text_lines(ui, &run, 1, FONT_BUTTON, r.w - 2 * pad);

	if (lines > max_lines)
		lines = max_lines;
	ui_text_runs(ui, &run, 1, FONT_BUTTON, r.x + pad,
		     r.y + (r.h - lines * lh) / 2, r.w - 2 * pad,
		     UI_ALIGN_CENTER, theme_fg(T(a), STYLE_TILE, UI_NORMAL), 0,
		     max_lines, UI_CLIP);
}

static int tile_visible(const struct app *a, int i)
{
	return when_shows(a->content->tiles[i].when, a->today);
}

static void open_tile(struct app *a, int i)
{
	a->tile = i;
	a->part = a->parts = a->item = a->list_part = 0;
	a->screen = SCREEN_TILE;
}

static void screen_home(struct app *a)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8);
	int top = header(a, m, NULL);
	int vis[CONTENT_TILE_MAX], n = 0, cols, rows, i, tw, th, y, bottom;
	struct text_run name = { a->content->name, strlen(a->content->name),
				 1 };
	const char *contact = text_get(&a->content->contact, a->lang);

	/* the centre's name; a long press here opens facts for staff */
	{
		int w = ui->m.text_width(ui->m.ctx, name.s, name.n,
					 ui_font_px(ui, FONT_TITLE), 1);

		if (w > a->width / 2)
			w = a->width / 2;
		ui_area(ui, "name", (struct rect){ m, 0, w, top },
			a->content->name);
		ui_text_runs(ui, &name, 1, FONT_TITLE, m,
			     (top - ui_line_h(ui, FONT_TITLE)) / 2,
			     a->width / 2, UI_ALIGN_LEFT, T(a)->header_text, 0,
			     1, UI_RECORD | UI_CLIP);
		if (ui_long_press(ui, "name")) {
			a->info_from = SCREEN_HOME;
			a->screen = SCREEN_INFO;
			return;
		}
	}
	for (i = 0; i < a->content->ntiles; i++)
		if (tile_visible(a, i))
			vis[n++] = i;
	y = top + ui_mm(ui, 8);
	y += ui_text(ui, (struct rect){ m, y, a->width - 2 * m, 0 },
		     app_tr(a, "home.choose"), FONT_TITLE, UI_ALIGN_LEFT,
		     T(a)->text);
	y += ui_mm(ui, 6);
	bottom = a->height - m;
	if (*contact) {
		char line[600];
		const char *args[1] = { contact };
		int lh = ui_line_h(ui, FONT_BODY);

		i18n_format(line, sizeof(line), app_tr(a, "home.contact"), args,
			    1);
		bottom -= lh * ui_text_lines(ui,
					     &(struct text_run){
						     line, strlen(line), 0 },
					     1, FONT_BODY, a->width - 2 * m) +
			  ui_mm(ui, 4);
		ui_text(ui,
			(struct rect){ m, bottom + ui_mm(ui, 4),
				       a->width - 2 * m, 0 },
			line, FONT_BODY, UI_ALIGN_LEFT, T(a)->text);
	}
	cols = n <= 2 ? (n ? n : 1) : n <= 4 ? 2 : 3;
	rows = (n + cols - 1) / cols;
	tw = (a->width - 2 * m - (cols - 1) * gap) / cols;
	th = (bottom - y - (rows - 1) * gap) / (rows ? rows : 1);
	if (th > ui_mm(ui, 75))
		th = ui_mm(ui, 75);
	for (i = 0; i < n; i++) {
		const struct tile *t = &a->content->tiles[vis[i]];
		struct rect r = { m + (i % cols) * (tw + gap),
				  y + (i / cols) * (th + gap), tw, th };
		char id[80];

		snprintf(id, sizeof(id), "tile:%s", t->id);
		if (t->icon && th > ui_mm(ui, 45)) {
			/* icon above the label, both inside the button */
			const char *title = text_get(&t->title, a->lang);
			int side = th - ui_line_h(ui, FONT_BUTTON) * 2 -
				   ui_mm(ui, 10);

			if (side > ui_mm(ui, 30))
				side = ui_mm(ui, 30);
			if (ui_button_frame(ui, id, r, title, STYLE_TILE))
				open_tile(a, vis[i]);
			draw_image(&ui->dl,
				   (struct rect){ r.x + (r.w - side) / 2,
						  r.y + ui_mm(ui, 6), side,
						  side },
				   t->icon, 0, (struct rect){ 0, 0, 0, 0 });
			face_label(
				a,
				(struct rect){ r.x, r.y + side + ui_mm(ui, 4),
					       r.w, r.h - side - ui_mm(ui, 4) },
				title, 2);
		} else if (ui_button(ui, id, r, text_get(&t->title, a->lang),
				     STYLE_TILE)) {
			open_tile(a, vis[i]);
		}
	}
}

/* ---- documents: pages, cards and steps ---- */

static int image_h(struct app *a)
{
	return ui_mm(U(a), a->ui.large ? 55 : 65);
}

/* Height in lines of a block at this width. */
static int block_lines(struct app *a, const struct block *b, int width,
		       struct text_run *runs, int *nruns)
{
	struct ui *ui = U(a);
	int heading = b->kind == BLOCK_H1 || b->kind == BLOCK_H2;

	if (b->kind == BLOCK_IMAGE) {
		int lh = ui_line_h(ui, FONT_BODY);

		*nruns = 0;
		return (image_h(a) + lh - 1) / lh;
	}
	*nruns = block_runs(b, runs, 64, heading);
	return ui_text_lines(ui, runs, *nruns, FONT_BODY, width);
}

/* Lays blocks [from, to) out into screenfuls of `height`; draws screenful
 * `part` and returns how many there are. */
static int flow(struct app *a, const struct block *blocks, int from, int to,
		int x, int top, int width, int height, int part)
{
	struct ui *ui = U(a);
	int lh = ui_line_h(ui, FONT_BODY), bullet = ui_mm(ui, 10);
	int cur = 0, y = top, i;

	for (i = from; i < to; i++) {
		const struct block *b = &blocks[i];
		int indent = b->kind == BLOCK_LI ? bullet : 0;
		int heading = b->kind == BLOCK_H1 || b->kind == BLOCK_H2;
		int whole = heading || b->kind == BLOCK_IMAGE;
		struct text_run runs[64];
		int nruns, lines, first = 0;

		lines = block_lines(a, b, width - indent, runs, &nruns);
		if (heading && y > top)
			y += lh / 2;
		while (first < lines) {
			int avail = (top + height - y) / lh,
			    take = lines - first;

			/* keep headings with their text and pictures whole;
			 * leave no single line behind */
			if (y > top &&
			    (avail <= 0 || (whole && avail < lines + heading) ||
			     (avail < take && avail < 2))) {
				cur++;
				y = top;
				continue;
			}
			if (take > avail)
				take = avail > 0 ? avail : 1;
			if (cur == part) {
				if (b->kind == BLOCK_IMAGE) {
					draw_image(&ui->dl,
						   (struct rect){ x, y, width,
								  image_h(a) },
						   b->image, 0,
						   (struct rect){ 0, 0, 0, 0 });
					if (b->text && *b->text)
						draw_text_item(
							&ui->dl,
							(struct rect){
								x, y, width,
								image_h(a) },
							b->text);
				} else {
					if (b->kind == BLOCK_LI && first == 0)
						draw_rect(
							&ui->dl,
							(struct rect){
								x + ui_mm(ui,
									  2),
								y + lh / 2 -
									ui_mm(ui,
									      1.5),
								ui_mm(ui, 3),
								ui_mm(ui, 3) },
							T(a)->text,
							ui_mm(ui, 1.5));
					ui_text_runs(ui, runs, nruns, FONT_BODY,
						     x + indent, y,
						     width - indent,
						     UI_ALIGN_LEFT, T(a)->text,
						     first, take, first == 0);
				}
			}
			first += take;
			y += take * lh;
			if (first < lines) {
				cur++;
				y = top;
			}
		}
		y += b->kind == BLOCK_LI ? lh / 4 : lh / 2;
	}
	return cur + 1;
}

static int column(struct app *a, int *x)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), col = a->width - 2 * m;

	if (col > ui_mm(ui, COLUMN_MM))
		col = ui_mm(ui, COLUMN_MM);
	*x = (a->width - col) / 2;
	return col;
}

static void view_page(struct app *a, const struct doc *d, int top)
{
	struct ui *ui = U(a);
	int x, col = column(a, &x);
	int body_top = top + ui_mm(ui, 8);
	char where[64];

	a->parts = flow(a, d->blocks, 0, d->nblocks, x, body_top, col,
			a->height - body_top - ui_mm(ui, FOOTER_MM), a->part);
	paginate(a->parts, 1, &a->part);
	part_label(a, "nav.part", a->part, a->parts, where, sizeof(where));
	footer(a, &a->part, a->parts, where);
}

/* Indexes of the blocks that start a card or step (## headings). */
static int sections(const struct doc *d, int *starts, int max)
{
	int i, n = 0;

	for (i = 0; i < d->nblocks && n < max; i++)
		if (d->blocks[i].kind == BLOCK_H2)
			starts[n++] = i;
	return n;
}

/* De werkwijze: cards three at a time, numbered, the intro above. */
static void view_cards(struct app *a, const struct doc *d, int top)
{
	struct ui *ui = U(a);
	int starts[64], n = sections(d, starts, 64);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8), i, y;
	int per = ui->large ? 2 : 3; /* larger letters need wider cards */
	int cw = (a->width - 2 * m - (per - 1) * gap) / per;
	char where[64];

	a->parts = paginate(n, per, &a->part);
	y = top + ui_mm(ui, 8);
	if (a->part == 0 && n > 0 && starts[0] > 0) {
		/* the intro: what fits in three lines above the cards */
		if (flow(a, d->blocks, 0, starts[0], m, y, a->width - 2 * m,
			 ui_line_h(ui, FONT_BODY) * 3, 0) > 1)
			clipped_block(ui, &d->blocks[0]);
		y += ui_line_h(ui, FONT_BODY) * 3;
	}
	for (i = 0; i < per; i++) {
		int k = a->part * per + i, end, ny;
		struct rect card;
		char num[8];
		int circle = ui_mm(ui, 18);

		if (k >= n)
			break;
		end = k + 1 < n ? starts[k + 1] : d->nblocks;
		card = (struct rect){ m + i * (cw + gap), y, cw,
				      a->height - y - ui_mm(ui, FOOTER_MM) };
		draw_rect(&ui->dl, card, (struct color){ 255, 255, 255, 255 },
			  ui_mm(ui, T(a)->radius_mm));
		draw_frame(&ui->dl, card, T(a)->header_bg, ui_mm(ui, 0.8));
		/* the number in a filled disc */
		draw_rect(&ui->dl,
			  (struct rect){ card.x + ui_mm(ui, 8),
					 card.y + ui_mm(ui, 8), circle,
					 circle },
			  T(a)->header_bg, circle / 2);
		snprintf(num, sizeof(num), "%d", k + 1);
		ui_text(ui,
			(struct rect){
				card.x + ui_mm(ui, 8),
				card.y + ui_mm(ui, 8) +
					(circle - ui_line_h(ui, FONT_TITLE)) /
						2,
				circle, 0 },
			num, FONT_TITLE, UI_ALIGN_CENTER, T(a)->header_text);
		ny = card.y + ui_mm(ui, 8) + circle + ui_mm(ui, 6);
		{
			struct text_run runs[64];
			int nr = block_runs(&d->blocks[starts[k]], runs, 64, 1);
			int lines;

			lines = ui_text_runs(
				ui, runs, nr, FONT_TITLE, card.x + ui_mm(ui, 8),
				ny, card.w - ui_mm(ui, 16), UI_ALIGN_LEFT,
				T(a)->text, 0, 3, UI_RECORD | UI_CLIP);
			ny += (lines < 3 ? lines : 3) *
				      ui_line_h(ui, FONT_TITLE) +
			      ui_mm(ui, 4);
		}
		if (flow(a, d->blocks, starts[k] + 1, end,
			 card.x + ui_mm(ui, 8), ny, card.w - ui_mm(ui, 16),
			 card.y + card.h - ny - ui_mm(ui, 4), 0) > 1)
			clipped_block(ui, &d->blocks[starts[k]]);
	}
	part_label(a, "nav.part", a->part, a->parts, where, sizeof(where));
	footer(a, &a->part, a->parts, where);
}

/* Stap voor stap: one step a screen, with progress dots. */
static void view_steps(struct app *a, const struct doc *d, int top)
{
	struct ui *ui = U(a);
	int starts[64], n = sections(d, starts, 64);
	int m = ui_mm(ui, MARGIN_MM), y = top + ui_mm(ui, 8), i, end, img = -1;
	int text_w, dots_y, dot = ui_mm(ui, 5);
	char where[64];

	a->parts = paginate(n, 1, &a->part);
	if (n == 0)
		return;
	end = a->part + 1 < n ? starts[a->part + 1] : d->nblocks;
	for (i = starts[a->part] + 1; i < end; i++)
		if (d->blocks[i].kind == BLOCK_IMAGE && img < 0)
			img = i;
	part_label(a, "steps.where", a->part, a->parts, where, sizeof(where));
	y += ui_text(ui, (struct rect){ m, y, a->width - 2 * m, 0 }, where,
		     FONT_BODY, UI_ALIGN_LEFT, T(a)->text);
	{
		struct text_run runs[64];
		int nr = block_runs(&d->blocks[starts[a->part]], runs, 64, 1);

		y += ui_mm(ui, 3) +
		     ui_line_h(ui, FONT_TITLE) *
			     ui_text_runs(ui, runs, nr, FONT_TITLE, m,
					  y + ui_mm(ui, 3), a->width - 2 * m,
					  UI_ALIGN_LEFT, T(a)->text, 0, 2,
					  UI_RECORD | UI_CLIP);
	}
	y += ui_mm(ui, 6);
	{
		/* the step's text; its picture goes beside it, not in it */
		struct block only[64];
		int x, k, nb = 0;

		text_w = column(a, &x);
		if (img >= 0) {
			text_w = (a->width - 2 * m) / 2;
			x = m;
		}
		for (k = starts[a->part] + 1; k < end && nb < 64; k++)
			if (d->blocks[k].kind != BLOCK_IMAGE)
				only[nb++] = d->blocks[k];
		if (flow(a, only, 0, nb, x, y, text_w,
			 a->height - y - ui_mm(ui, FOOTER_MM) - dot * 3, 0) > 1)
			clipped_block(ui, &d->blocks[starts[a->part]]);
	}
	if (img >= 0) {
		int ix = m + text_w + ui_mm(ui, 10);
		struct rect ir = { ix, y, a->width - m - ix,
				   a->height - y - ui_mm(ui, FOOTER_MM) -
					   dot * 3 };

		draw_image(&ui->dl, ir, d->blocks[img].image, 0,
			   (struct rect){ 0, 0, 0, 0 });
		if (d->blocks[img].text && *d->blocks[img].text)
			draw_text_item(&ui->dl, ir, d->blocks[img].text);
	}
	/* progress dots: done and current filled, to come outlined */
	dots_y = a->height - ui_mm(ui, FOOTER_MM) - dot * 2;
	for (i = 0; i < n; i++) {
		struct rect r = { a->width / 2 - (n * dot * 2) / 2 +
					  i * dot * 2,
				  dots_y, dot, dot };

		if (i <= a->part)
			draw_rect(&ui->dl, r, T(a)->header_bg, dot / 2);
		else
			draw_frame(&ui->dl, r, T(a)->header_bg, ui_mm(ui, 0.6));
	}
	footer(a, &a->part, a->parts, where);
}

/* ---- flyers ---- */

static int flyer_index(const struct app *a, int tile, int item)
{
	int i, n = 0;

	for (i = 0; i < tile; i++)
		n += a->content->tiles[i].nflyers;
	return n + item;
}

static int flyer_pages(struct app *a, int tile, int item)
{
	const struct flyer *f = &a->content->tiles[tile].flyers[item];
	int *slot = &a->flyer_pages[flyer_index(a, tile, item)];

	if (!f->is_pdf)
		return 1;
	if (*slot == 0) {
		struct err e;
		int n = pdf_page_count(f->file, &e);

		*slot = n > 0 ? n : -1;
	}
	return *slot;
}

static void view_flyers(struct app *a, const struct tile *t, int top)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8), cols = 3, rows = 2;
	int vis[256], n = 0, i, per, cw, ch, y = top + ui_mm(ui, 8);
	char where[64];

	for (i = 0; i < t->nflyers && n < 256; i++)
		if (t->flyers[i].file &&
		    when_shows(t->flyers[i].when, a->today))
			vis[n++] = i;
	if (a->ui.large || n <= cols)
		rows = 1; /* one row of large pictures when that is enough */
	per = cols * rows;
	a->parts = paginate(n, per, &a->list_part);
	cw = (a->width - 2 * m - (cols - 1) * gap) / cols;
	ch = (a->height - y - ui_mm(ui, FOOTER_MM) - (rows - 1) * gap) / rows;
	for (i = 0; i < per; i++) {
		int k = a->list_part * per + i, th;
		const struct flyer *f;
		struct rect r, img;
		char id[32];

		if (k >= n)
			break;
		f = &t->flyers[vis[k]];
		r = (struct rect){ m + (i % cols) * (cw + gap),
				   y + (i / cols) * (ch + gap), cw, ch };
		th = ui_line_h(ui, FONT_BUTTON) * 3 + ui_mm(ui, 4);
		img = (struct rect){ r.x + ui_mm(ui, 3), r.y + ui_mm(ui, 3),
				     r.w - ui_mm(ui, 6),
				     r.h - th - ui_mm(ui, 3) };
		snprintf(id, sizeof(id), "flyer:%d", vis[k]);
		if (ui_button_frame(ui, id, r, text_get(&f->title, a->lang),
				    STYLE_TILE)) {
			a->item = vis[k];
			a->flyer_page = 1;
			a->zoom = 0;
			a->screen = SCREEN_FLYER;
		}
		draw_image(&ui->dl, img, f->file, f->is_pdf ? 1 : 0,
			   (struct rect){ 0, 0, 0, 0 });
		face_label(a, (struct rect){ r.x, r.y + r.h - th, r.w, th },
			   text_get(&f->title, a->lang), 3);
	}
	if (n == 0)
		ui_text(ui, (struct rect){ m, y, a->width - 2 * m, 0 },
			app_tr(a, "flyers.none"), FONT_BODY, UI_ALIGN_LEFT,
			T(a)->text);
	part_label(a, "nav.part", a->list_part, a->parts, where, sizeof(where));
	footer(a, &a->list_part, a->parts, where);
}

static void screen_flyer(struct app *a)
{
	struct ui *ui = U(a);
	const struct tile *t = &a->content->tiles[a->tile];
	const struct flyer *f = &t->flyers[a->item];
	int m = ui_mm(ui, MARGIN_MM), top, pages, side_w = ui_mm(ui, 110);
	struct rect view, side;
	char where[64];
	const char *zoom_label;

	if (header_back(a, text_get(&f->title, a->lang), &top)) {
		a->screen = SCREEN_TILE;
		return;
	}
	pages = flyer_pages(a, a->tile, a->item);
	view = (struct rect){ m, top + ui_mm(ui, 6), a->width - 3 * m - side_w,
			      a->height - top - ui_mm(ui, 6) -
				      ui_mm(ui, FOOTER_MM) };
	side = (struct rect){ view.x + view.w + m, view.y, side_w, view.h };
	if (pages < 0) {
		ui_text(ui, view, app_tr(a, "flyers.broken"), FONT_BODY,
			UI_ALIGN_LEFT, T(a)->text);
		return;
	}
	if (a->flyer_page > pages)
		a->flyer_page = pages;
	/* the page itself: double tap zooms in on that spot and out again */
	if (ui_area(ui, "flyer-page", view, app_tr(a, "flyers.page"))) {
		if (a->last_tap && a->now - a->last_tap <= DOUBLE_TAP_MS) {
			a->zoom = !a->zoom;
			a->zoom_x = (ui->px - view.x) * 1000 /
				    (view.w ? view.w : 1);
			a->zoom_y = (ui->py - view.y) * 1000 /
				    (view.h ? view.h : 1);
			a->last_tap = 0;
		} else {
			a->last_tap = a->now;
		}
	}
	{
		struct rect src = { 0, 0, 0, 0 };

		if (a->zoom) {
			int zx = a->zoom_x - 250, zy = a->zoom_y - 250;

			zx = zx < 0 ? 0 : zx > 500 ? 500 : zx;
			zy = zy < 0 ? 0 : zy > 500 ? 500 : zy;
			src = (struct rect){ zx, zy, 500, 500 };
		}
		draw_image(&ui->dl, view, f->file,
			   f->is_pdf ? a->flyer_page : 0, src);
		/* render the next page ahead so turning over is instant */
		if (f->is_pdf && a->flyer_page < pages)
			draw_prefetch(&ui->dl, view, f->file,
				      a->flyer_page + 1);
	}
	/* beside the page: zoom button, and the QR to take it home */
	zoom_label = app_tr(a, a->zoom ? "flyers.zoom_out" : "flyers.zoom_in");
	if (ui_button(ui, "zoom",
		      (struct rect){ side.x, side.y, side.w,
				     ui_mm(ui, BUTTON_H_MM) },
		      zoom_label, STYLE_SECONDARY)) {
		a->zoom = !a->zoom;
		a->zoom_x = a->zoom_y = 500;
	}
	if (f->url)
		qr_box(a,
		       (struct rect){
			       side.x, side.y + ui_mm(ui, BUTTON_H_MM + 8),
			       side.w, side.h - ui_mm(ui, BUTTON_H_MM + 8) },
		       f->url, "flyers.qr");
	part_label(a, "flyers.where", a->flyer_page - 1, pages, where,
		   sizeof(where));
	{
		int part = a->flyer_page - 1;

		footer(a, &part, pages, where);
		if (part != a->flyer_page - 1) {
			a->flyer_page = part + 1;
			a->zoom = 0;
		}
	}
}

/* ---- partners ---- */

static void view_partners(struct app *a, const struct tile *t, int top)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 6),
	    cols = a->ui.large ? 1 : 2;
	int y0 = top + ui_mm(ui, 8),
	    avail = a->height - y0 - ui_mm(ui, FOOTER_MM);
	int lh = ui_line_h(ui, FONT_BODY), logo = ui_mm(ui, 22);
	int ch = lh * 4 + ui_mm(ui, 8), rows = (avail + gap) / (ch + gap), per,
	    i;
	int cw = (a->width - 2 * m - (cols - 1) * gap) / cols;
	char where[64];

	if (rows < 1)
		rows = 1;
	per = rows * cols;
	a->parts = paginate(t->npartners, per, &a->part);
	for (i = 0; i < per; i++) {
		int k = a->part * per + i, tx, tw;
		const struct partner *p;
		struct rect r;
		char line[600];

		if (k >= t->npartners)
			break;
		p = &t->partners[k];
		r = (struct rect){ m + (i % cols) * (cw + gap),
				   y0 + (i / cols) * (ch + gap), cw, ch };
		draw_rect(&ui->dl, r, (struct color){ 255, 255, 255, 255 },
			  ui_mm(ui, T(a)->radius_mm));
		tx = r.x + ui_mm(ui, 5);
		if (p->logo) {
			draw_image(&ui->dl,
				   (struct rect){ tx, r.y + ui_mm(ui, 4), logo,
						  logo },
				   p->logo, 0, (struct rect){ 0, 0, 0, 0 });
			tx += logo + ui_mm(ui, 5);
		}
		tw = r.x + r.w - ui_mm(ui, 5) - tx;
		{
			struct text_run run = { p->name, strlen(p->name), 1 };

			ui_text_runs(ui, &run, 1, FONT_BODY, tx,
				     r.y + ui_mm(ui, 3), tw, UI_ALIGN_LEFT,
				     T(a)->text, 0, 1, UI_RECORD | UI_CLIP);
		}
		snprintf(line, sizeof(line), "%s%s%s",
			 text_get(&p->line, a->lang), p->contact ? " " : "",
			 p->contact ? p->contact : "");
		{
			struct text_run run = { line, strlen(line), 0 };

			ui_text_runs(ui, &run, 1, FONT_BODY, tx,
				     r.y + ui_mm(ui, 3) + lh, tw, UI_ALIGN_LEFT,
				     T(a)->text, 0, 3, UI_RECORD | UI_CLIP);
		}
	}
	part_label(a, "nav.part", a->part, a->parts, where, sizeof(where));
	footer(a, &a->part, a->parts, where);
}

/* ---- news ---- */

static void date_text(struct app *a, int date, char *out, size_t size)
{
	static const char *const keys[12] = {
		"month.1", "month.2",  "month.3",  "month.4",
		"month.5", "month.6",  "month.7",  "month.8",
		"month.9", "month.10", "month.11", "month.12"
	};
	int m = date / 100 % 100;

	snprintf(out, size, "%d %s %d", date % 100,
		 m >= 1 && m <= 12 ? app_tr(a, keys[m - 1]) : "?",
		 date / 10000);
}

static void view_news(struct app *a, const struct tile *t, int top)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 5), i, n = 0, vis[256];
	int y0 = top + ui_mm(ui, 8),
	    bh = ui_line_h(ui, FONT_BUTTON) * 2 + ui_mm(ui, 10);
	int per = (a->height - y0 - ui_mm(ui, FOOTER_MM) + gap) / (bh + gap);
	char where[64];

	for (i = 0; i < t->nnews && n < 256; i++)
		if (when_shows(t->news[i].when, a->today))
			vis[n++] = i;
	if (per < 1)
		per = 1;
	a->parts = paginate(n, per, &a->list_part);
	for (i = 0; i < per; i++) {
		int k = a->list_part * per + i;
		const struct news *nw;
		struct rect r;
		char date[64], id[32];

		if (k >= n)
			break;
		nw = &t->news[vis[k]];
		r = (struct rect){ m, y0 + i * (bh + gap), a->width - 2 * m,
				   bh };
		date_text(a, nw->date, date, sizeof(date));
		snprintf(id, sizeof(id), "news:%d", vis[k]);
		/* tapped by its title; the date stands above it */
		if (ui_button_frame(ui, id, r, text_get(&nw->title, a->lang),
				    STYLE_TILE)) {
			a->item = vis[k];
			a->part = 0;
			a->screen = SCREEN_NEWS;
		}
		ui_text(ui, (struct rect){ r.x, r.y + ui_mm(ui, 4), r.w, 0 },
			date, FONT_BUTTON, UI_ALIGN_CENTER,
			theme_fg(T(a), STYLE_TILE, UI_NORMAL));
		face_label(a,
			   (struct rect){ r.x, r.y + r.h / 2, r.w,
					  r.h / 2 - ui_mm(ui, 2) },
			   text_get(&nw->title, a->lang), 1);
	}
	if (n == 0)
		ui_text(ui, (struct rect){ m, y0, a->width - 2 * m, 0 },
			app_tr(a, "news.none"), FONT_BODY, UI_ALIGN_LEFT,
			T(a)->text);
	part_label(a, "nav.part", a->list_part, a->parts, where, sizeof(where));
	footer(a, &a->list_part, a->parts, where);
}

static void screen_news(struct app *a)
{
	struct ui *ui = U(a);
	const struct tile *t = &a->content->tiles[a->tile];
	const struct news *nw = &t->news[a->item];
	int m = ui_mm(ui, MARGIN_MM), top, y, text_w;
	const char *link = nw->video ? nw->video : nw->url;
	char date[64];

	if (header_back(a, text_get(&t->title, a->lang), &top)) {
		a->screen = SCREEN_TILE;
		return;
	}
	y = top + ui_mm(ui, 8);
	text_w = link ? (a->width - 2 * m) * 3 / 5 : a->width - 2 * m;
	date_text(a, nw->date, date, sizeof(date));
	y += ui_text(ui, (struct rect){ m, y, text_w, 0 }, date, FONT_BODY,
		     UI_ALIGN_LEFT, T(a)->text);
	{
		struct text_run run = { text_get(&nw->title, a->lang),
					strlen(text_get(&nw->title, a->lang)),
					1 };

		y += ui_mm(ui, 2) +
		     ui_line_h(ui, FONT_TITLE) *
			     ui_text_runs(ui, &run, 1, FONT_TITLE, m,
					  y + ui_mm(ui, 2), text_w,
					  UI_ALIGN_LEFT, T(a)->text, 0, 3,
					  UI_RECORD | UI_CLIP);
	}
	y += ui_mm(ui, 6);
	{
		const char *body = text_get(&nw->body, a->lang);
		struct text_run run = { body, strlen(body), 0 };

		ui_text_runs(ui, &run, 1, FONT_BODY, m, y, text_w,
			     UI_ALIGN_LEFT, T(a)->text, 0,
			     (a->height - m - y) / ui_line_h(ui, FONT_BODY),
			     UI_RECORD | UI_CLIP);
	}
	if (link) {
		int x = m + text_w + ui_mm(ui, 12);

		qr_box(a,
		       (struct rect){ x, top + ui_mm(ui, 8), a->width - m - x,
				      a->height - top - ui_mm(ui, 16) },
		       link, nw->video ? "news.video_qr" : "news.link_qr");
	}
}

/* ---- a tile ---- */

static void screen_tile(struct app *a)
{
	const struct tile *t = &a->content->tiles[a->tile];
	int top;

	if (header_back(a, text_get(&t->title, a->lang), &top)) {
		a->screen = SCREEN_HOME;
		return;
	}
	switch (t->kind) {
	case TILE_PAGE:
		view_page(a, tile_doc(t, a->lang), top);
		break;
	case TILE_WERKWIJZE:
		view_cards(a, tile_doc(t, a->lang), top);
		break;
	case TILE_STEPS:
		view_steps(a, tile_doc(t, a->lang), top);
		break;
	case TILE_FLYERS:
		view_flyers(a, t, top);
		break;
	case TILE_PARTNERS:
		view_partners(a, t, top);
		break;
	case TILE_NEWS:
		view_news(a, t, top);
		break;
	}
}

/* ---- kiosk facts for staff ---- */

static void screen_info(struct app *a)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), y, bh = ui_mm(ui, BUTTON_H_MM), i;
	const char *close = app_tr(a, "nav.close");
	char line[1400], langs[64] = "", nums[4][16];
	const char *args[7] = { APP_VERSION, a->content_dir, langs,  nums[0],
				nums[1],     nums[2],	     nums[3] };

	y = header(a, m - ui_mm(ui, 8), app_tr(a, "info.title"));
	y += ui_mm(ui, 10);
	for (i = 0; i < a->content->nlangs; i++) {
		if (i)
			strcat(langs, ", ");
		strcat(langs, a->content->langs[i]);
	}
	snprintf(nums[0], sizeof(nums[0]), "%d", a->width);
	snprintf(nums[1], sizeof(nums[1]), "%d", a->height);
	snprintf(nums[2], sizeof(nums[2]), "%d",
		 (int)(a->screen_width_mm + 0.5));
	snprintf(nums[3], sizeof(nums[3]), "%d", a->content->idle_seconds);
	i18n_format(line, sizeof(line), app_tr(a, "info.facts"), args, 7);
	y += ui_text(ui, (struct rect){ m, y, a->width - 2 * m, 0 }, line,
		     FONT_BODY, UI_ALIGN_LEFT, T(a)->text);
	if (ui_button(ui, "close",
		      (struct rect){ m, y + ui_mm(ui, 10), button_w(a, close),
				     bh },
		      close, STYLE_PRIMARY))
		a->screen = a->info_from;
}

/* ---- out of order ---- */

static void screen_broken(struct app *a)
{
	struct ui *ui = U(a);
	int w = a->width, col = w * 2 / 3, y = a->height / 3;

	ui->dl.clear = T(a)->background;
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     i18n_get(&a->i18n, 0, "broken.title"), FONT_HERO,
		     UI_ALIGN_CENTER, T(a)->text);
	y += ui_mm(ui, 10);
	ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		i18n_get(&a->i18n, 0, "broken.text"), FONT_BODY,
		UI_ALIGN_CENTER, T(a)->text);
}

/* ---- "Bent u er nog?" ---- */

static void idle_prompt(struct app *a)
{
	struct ui *ui = U(a);
	int w = a->width, col = w * 2 / 3, y = a->height / 5;
	uint64_t gone = a->now - a->prompt_since;
	int left = APP_PROMPT_SECONDS - (int)(gone / 1000);
	const char *yes = app_tr(a, "idle.continue");
	int bw = button_w(a, yes) + ui_mm(ui, 30), bh = ui_mm(ui, 30);
	char msg[512], num[16];
	const char *args[1] = { num };

	if (left < 1)
		left = 1;
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     app_tr(a, "idle.title"), FONT_HERO, UI_ALIGN_CENTER,
		     T(a)->text);
	snprintf(num, sizeof(num), "%d", left);
	i18n_format(
		msg, sizeof(msg),
		app_tr(a, left == 1 ? "idle.countdown.one" : "idle.countdown"),
		args, 1);
	y += ui_mm(ui, 10);
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 }, msg,
		     FONT_BODY, UI_ALIGN_CENTER, T(a)->text);
	/* any touch on the prompt means "still here" (app_pointer), the
	 * button only makes that clear */
	ui_button(ui, "still-here",
		  (struct rect){ (w - bw) / 2, y + ui_mm(ui, 15), bw, bh }, yes,
		  STYLE_PRIMARY);
}

void screens_run(struct app *a)
{
	if (!a->content || a->screen == SCREEN_BROKEN) {
		screen_broken(a);
		return;
	}
	if (a->prompt) {
		idle_prompt(a);
		return;
	}
	switch (a->screen) {
	case SCREEN_ATTRACT:
		screen_attract(a);
		break;
	case SCREEN_HOME:
		screen_home(a);
		break;
	case SCREEN_TILE:
		screen_tile(a);
		break;
	case SCREEN_FLYER:
		screen_flyer(a);
		break;
	case SCREEN_NEWS:
		screen_news(a);
		break;
	case SCREEN_INFO:
		screen_info(a);
		break;
	case SCREEN_BROKEN:
		break;
	}
}
