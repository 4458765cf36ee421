/*
 * screens: what each screen looks like and what its buttons do. Layout is
 * in millimetres (ui_mm) so it keeps its proportions on every screen size.
 */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#include "../base/util.h"

#define MARGIN_MM 12.0
#define HEADER_MM 30.0
#define BUTTON_H_MM 20.0
#define COLUMN_MM 290.0 /* longest comfortable line of body text */

static struct ui *U(struct app *a)
{
	return &a->ui;
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

/* The button that switches to the next language of the pack, labelled with
 * that language's own name so a visitor recognises it. */
static void lang_button(struct app *a, struct rect r)
{
	int next = (a->lang + 1) % a->content->nlangs;
	int idx = i18n_find(&a->i18n, a->content->langs[next]);
	const char *label = idx >= 0 ? a->i18n.langs[idx].name
				     : a->content->langs[next];

	if (ui_button(U(a), "lang", r, label, STYLE_HEADER)) {
		a->lang = next;
		a->page_part = 0;
	}
}

static void size_button(struct app *a, struct rect r, const char *label)
{
	if (ui_button(U(a), "size", r, label, STYLE_HEADER)) {
		a->large = !a->large;
		a->ui.large = a->large;
		a->page_part = 0;
	}
}

/* The coloured bar on top: `left` draws what goes at the left end; the
 * language and text-size buttons always sit at the right. Returns the
 * bottom of the bar. */
static int header(struct app *a, int left_end, const char *title)
{
	struct ui *ui = U(a);
	int h = ui_mm(ui, HEADER_MM), m = ui_mm(ui, MARGIN_MM);
	int bh = ui_mm(ui, BUTTON_H_MM), by = (h - bh) / 2;
	const char *size_label = app_tr(a, a->large ? "size.normal"
						    : "size.larger");
	int sw = button_w(a, size_label), lw = 0, x = a->width - m - sw;

	draw_rect(&ui->dl, (struct rect){ 0, 0, a->width, h }, a->theme.header_bg,
		  0);
	size_button(a, (struct rect){ x, by, sw, bh }, size_label);
	if (a->content->nlangs > 1) {
		int next = (a->lang + 1) % a->content->nlangs;
		int idx = i18n_find(&a->i18n, a->content->langs[next]);

		lw = button_w(a, idx >= 0 ? a->i18n.langs[idx].name : "xx");
		x -= lw + ui_mm(ui, 6);
		lang_button(a, (struct rect){ x, by, lw, bh });
	}
	if (title) {
		int tx = left_end + ui_mm(ui, 8);
		int lh = ui_line_h(ui, FONT_TITLE);
		struct ui_run run = { title, strlen(title), 1 };
		int w = x - ui_mm(ui, 8) - tx;

		if (ui_text_lines(ui, &run, 1, FONT_TITLE, w) == 1)
			ui_text_runs(ui, &run, 1, FONT_TITLE, tx, (h - lh) / 2, w,
				     ALIGN_LEFT, a->theme.header_text, 0, 1, 1);
		else
			ui_text_runs(ui, &run, 1, FONT_BUTTON, tx,
				     (h - 2 * ui_line_h(ui, FONT_BUTTON)) / 2, w,
				     ALIGN_LEFT, a->theme.header_text, 0, 2, 1);
	}
	return h;
}

/* ---- attract ---- */

static void screen_attract(struct app *a)
{
	struct ui *ui = U(a);
	struct color fg = a->theme.attract_text, faded = fg;
	char **lines;
	int n = content_highlights(a->content, a->lang, &lines);
	int w = a->width, h = a->height, col = w * 3 / 4;
	uint64_t t = a->now - a->highlight_since;
	struct rect start;
	int y, sh;

	ui->dl.clear = a->theme.attract_bg;
	/* the whole screen is the button: any touch starts */
	if (ui_area(ui, "start", (struct rect){ 0, 0, w, h },
		    app_tr(a, "attract.start"))) {
		a->screen = SCREEN_HOME;
		return;
	}
	y = h / 6;
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     a->content->name, FONT_HERO, ALIGN_CENTER, fg);
	if (n > 0) {
		if (a->fading && t < APP_FADE_MS)
			faded.a = (uint8_t)(255 * t / APP_FADE_MS);
		ui_text(ui, (struct rect){ (w - col) / 2, y + ui_mm(ui, 20),
					   col, 0 },
			lines[a->highlight % n], FONT_TITLE, ALIGN_CENTER,
			faded);
	}
	/* an outlined "button" so it is clear where to touch */
	sh = ui_line_h(ui, FONT_TITLE) + ui_line_h(ui, FONT_BODY) +
	     ui_mm(ui, 10);
	start = (struct rect){ (w - col) / 2, h - sh - ui_mm(ui, 25), col, sh };
	draw_frame(&ui->dl, start, fg, ui_mm(ui, 1.2));
	y = start.y + ui_mm(ui, 5);
	y += ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
		     app_tr(a, "attract.start"), FONT_TITLE, ALIGN_CENTER, fg);
	if (a->content->nlangs > 1) {
		int en = i18n_find(&a->i18n, "en");

		if (en > 0)
			ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
				i18n_get(&a->i18n, en, "attract.start"),
				FONT_BODY, ALIGN_CENTER, fg);
	}
}

/* ---- home ---- */

static void screen_home(struct app *a)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8);
	int top = header(a, m - ui_mm(ui, 8), NULL);
	int n = a->content->npages, cols, rows, i, tw, th, y;
	struct ui_run name = { a->content->name, strlen(a->content->name), 1 };

	/* the centre's name; a long press here opens facts for staff */
	{
		int lh = ui_line_h(ui, FONT_TITLE);
		int w = ui->m.text_width(ui->m.ctx, name.s, name.n,
					 ui_font_px(ui, FONT_TITLE), 1);
		struct rect r = { m, 0, w, top };

		ui_area(ui, "name", r, a->content->name);
		ui_text_runs(ui, &name, 1, FONT_TITLE, m, (top - lh) / 2,
			     a->width / 2, ALIGN_LEFT, a->theme.header_text, 0,
			     1, 1);
		if (ui_long_press(ui, "name")) {
			a->info_from = SCREEN_HOME;
			a->screen = SCREEN_INFO;
			return;
		}
	}
	y = top + ui_mm(ui, 10);
	y += ui_text(ui, (struct rect){ m, y, a->width - 2 * m, 0 },
		     app_tr(a, "home.choose"), FONT_TITLE, ALIGN_LEFT,
		     a->theme.text);
	y += ui_mm(ui, 8);
	cols = n <= 2 ? (n ? n : 1) : n <= 4 ? 2 : 3;
	rows = (n + cols - 1) / cols;
	tw = (a->width - 2 * m - (cols - 1) * gap) / cols;
	th = (a->height - y - m - (rows - 1) * gap) / (rows ? rows : 1);
	if (th > ui_mm(ui, 70))
		th = ui_mm(ui, 70);
	for (i = 0; i < n; i++) {
		const struct page *p = &a->content->pages[i];
		const struct page_text *pt = content_page_text(a->content, p,
							       a->lang);
		struct rect r = { m + (i % cols) * (tw + gap),
				  y + (i / cols) * (th + gap), tw, th };
		char id[80];

		snprintf(id, sizeof(id), "tile:%s", p->id);
		if (ui_button(ui, id, r, pt->title, STYLE_TILE)) {
			a->page = i;
			a->page_part = 0;
			a->screen = SCREEN_PAGE;
		}
	}
}

/* ---- text page ---- */

/* Lays out the page's blocks into screenfuls of `height` pixels; draws the
 * blocks of screenful `part`. Returns the number of screenfuls. */
static int page_flow(struct app *a, const struct page_text *pt, int x, int top,
		     int width, int height, int part)
{
	struct ui *ui = U(a);
	int lh = ui_line_h(ui, FONT_BODY), bullet = ui_mm(ui, 10);
	int cur = 0, y = top, i;

	for (i = 0; i < pt->nblocks; i++) {
		const struct block *b = &pt->blocks[i];
		int indent = b->kind == BLOCK_LI ? bullet : 0;
		int heading = b->kind == BLOCK_H1 || b->kind == BLOCK_H2;
		struct ui_run runs[64];
		int nruns = b->nruns < 64 ? b->nruns : 64, r, lines, first = 0;

		for (r = 0; r < nruns; r++) {
			runs[r] = b->runs[r];
			if (heading)
				runs[r].bold = 1;
		}
		if (heading && y > top)
			y += lh / 2;
		lines = ui_text_lines(ui, runs, nruns, FONT_BODY, width - indent);
		while (first < lines) {
			int avail = (top + height - y) / lh;
			int take = lines - first;

			/* keep a heading with its first lines, and do not
			 * leave a single line behind when a block splits */
			if (avail <= 0 || (heading && avail < lines + 1) ||
			    (avail < take && avail < 2 && y > top)) {
				cur++;
				y = top;
				continue;
			}
			if (take > avail)
				take = avail;
			if (cur == part) {
				if (b->kind == BLOCK_LI && first == 0)
					draw_rect(&ui->dl,
						  (struct rect){ x + ui_mm(ui, 2),
								 y + lh / 2 - ui_mm(ui, 1.5),
								 ui_mm(ui, 3), ui_mm(ui, 3) },
						  a->theme.text, ui_mm(ui, 1.5));
				ui_text_runs(ui, runs, nruns, FONT_BODY, x + indent,
					     y, width - indent, ALIGN_LEFT,
					     a->theme.text, first, take,
					     first == 0);
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

static void screen_page(struct app *a)
{
	struct ui *ui = U(a);
	const struct page *p = &a->content->pages[a->page];
	const struct page_text *pt = content_page_text(a->content, p, a->lang);
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	const char *back = app_tr(a, "nav.back");
	int bw = button_w(a, back);
	int top, foot_h = bh + 2 * ui_mm(ui, 6), col, x, parts, swipe;
	char label[64];

	top = header(a, m + bw, pt->title);
	if (ui_button(ui, "back", (struct rect){ m, (top - bh) / 2, bw, bh },
		      back, STYLE_HEADER)) {
		a->screen = SCREEN_HOME;
		return;
	}
	col = a->width - 2 * m;
	if (col > ui_mm(ui, COLUMN_MM))
		col = ui_mm(ui, COLUMN_MM);
	x = (a->width - col) / 2;
	parts = page_flow(a, pt, x, top + ui_mm(ui, 10), col,
			  a->height - top - ui_mm(ui, 10) - foot_h, a->page_part);
	a->page_parts = parts;
	if (a->page_part >= parts)
		a->page_part = parts - 1;
	if (parts <= 1)
		return;

	/* footer: previous, where am I, next */
	{
		const char *prev = app_tr(a, "nav.previous");
		const char *next = app_tr(a, "nav.next");
		int fy = a->height - foot_h + ui_mm(ui, 6);
		int pw = button_w(a, prev), nw = button_w(a, next);

		char num[2][16];
		const char *args[2] = { num[0], num[1] };

		snprintf(num[0], sizeof(num[0]), "%d", a->page_part + 1);
		snprintf(num[1], sizeof(num[1]), "%d", parts);
		i18n_format(label, sizeof(label), app_tr(a, "nav.part"), args, 2);
		ui_text(ui, (struct rect){ m + pw, fy + (bh - ui_line_h(ui, FONT_BODY)) / 2,
					   a->width - 2 * m - pw - nw, 0 },
			label, FONT_BODY, ALIGN_CENTER, a->theme.text);
		if (a->page_part > 0 &&
		    ui_button(ui, "prev", (struct rect){ m, fy, pw, bh }, prev,
			      STYLE_SECONDARY))
			a->page_part--;
		if (a->page_part < parts - 1 &&
		    ui_button(ui, "next",
			      (struct rect){ a->width - m - nw, fy, nw, bh },
			      next, STYLE_PRIMARY))
			a->page_part++;
	}
	swipe = ui_swipe(ui);
	if (swipe < 0 && a->page_part < parts - 1)
		a->page_part++;
	else if (swipe > 0 && a->page_part > 0)
		a->page_part--;
}

/* ---- kiosk facts for staff ---- */

static void screen_info(struct app *a)
{
	struct ui *ui = U(a);
	int m = ui_mm(ui, MARGIN_MM), y, bh = ui_mm(ui, BUTTON_H_MM);
	const char *close = app_tr(a, "nav.close");
	char line[1400], langs[64] = "";
	int i;

	y = header(a, m - ui_mm(ui, 8), app_tr(a, "info.title"));
	y += ui_mm(ui, 10);
	for (i = 0; i < a->content->nlangs; i++) {
		if (i)
			strcat(langs, ", ");
		strcat(langs, a->content->langs[i]);
	}
	{
		char nums[4][16];
		const char *args[7] = { APP_VERSION, a->content_dir, langs,
					nums[0], nums[1], nums[2], nums[3] };

		snprintf(nums[0], sizeof(nums[0]), "%d", a->width);
		snprintf(nums[1], sizeof(nums[1]), "%d", a->height);
		snprintf(nums[2], sizeof(nums[2]), "%d",
			 (int)(a->screen_width_mm + 0.5));
		snprintf(nums[3], sizeof(nums[3]), "%d",
			 a->content->idle_seconds);
		i18n_format(line, sizeof(line), app_tr(a, "info.facts"), args,
			    7);
	}
	y += ui_text(ui, (struct rect){ m, y, a->width - 2 * m, 0 }, line,
		     FONT_BODY, ALIGN_LEFT, a->theme.text);
	if (ui_button(ui, "close",
		      (struct rect){ m, y + ui_mm(ui, 10), button_w(a, close), bh },
		      close, STYLE_PRIMARY))
		a->screen = a->info_from;
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
	char msg[512];

	if (left < 1)
		left = 1;
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     app_tr(a, "idle.title"), FONT_HERO, ALIGN_CENTER,
		     a->theme.text);
	{
		char num[16];
		const char *args[1] = { num };

		snprintf(num, sizeof(num), "%d", left);
		i18n_format(msg, sizeof(msg),
			    app_tr(a, left == 1 ? "idle.countdown.one"
						: "idle.countdown"),
			    args, 1);
	}
	y += ui_mm(ui, 10);
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 }, msg,
		     FONT_BODY, ALIGN_CENTER, a->theme.text);
	if (ui_button(ui, "still-here",
		      (struct rect){ (w - bw) / 2, y + ui_mm(ui, 15), bw, bh },
		      yes, STYLE_PRIMARY))
		a->prompt = 0;
}

void screens_run(struct app *a)
{
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
	case SCREEN_PAGE:
		screen_page(a);
		break;
	case SCREEN_INFO:
		screen_info(a);
		break;
	}
}
