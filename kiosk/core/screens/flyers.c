/*
 * flyers: a tile of flyers (kind = flyers) as a grid of thumbnails, and
 * one flyer page by page. A double tap on the page zooms in on that spot
 * and out again; beside the page, a zoom button and a QR code to take the
 * flyer home. The next page is rendered ahead so turning over is instant.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

#define GRID_COLS 3

static int flyer_shows(const struct screen_ctx *c, const struct flyer *f)
{
	return f->file && when_shows(f->when, c->today);
}

static int visible(const struct screen_ctx *c, const struct tile *t)
{
	int i, n = 0;

	for (i = 0; i < t->nflyers; i++)
		n += flyer_shows(c, &t->flyers[i]);
	return n;
}

/* Index of the k-th flyer that shows, or -1. */
static int nth(const struct screen_ctx *c, const struct tile *t, int k)
{
	int i;

	for (i = 0; i < t->nflyers; i++)
		if (flyer_shows(c, &t->flyers[i]) && k-- == 0)
			return i;
	return -1;
}

/* One row of large pictures when that is enough, else two. */
static int grid_rows(const struct screen_ctx *c, int n)
{
	return c->visit->large || n <= GRID_COLS ? 1 : 2;
}

static int grid_parts(const struct screen_ctx *c)
{
	int n = visible(c, screen_tile(c));

	return chrome_pages(n, GRID_COLS * grid_rows(c, n));
}

static void grid_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct tile *t = screen_tile(c);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8), cols = GRID_COLS;
	int n = visible(c, t), rows = grid_rows(c, n), per = cols * rows;
	int pages = chrome_pages(n, per),
	    part = chrome_clamp(c->at->part, pages);
	int i, cw, ch, y, top;

	if (chrome_tile_header(c, &top))
		return;
	y = chrome_body_top(c);
	cw = (c->width - 2 * m - (cols - 1) * gap) / cols;
	ch = (chrome_bottom(c) - y - ui_mm(ui, FOOTER_MM) - (rows - 1) * gap) /
	     rows;
	for (i = 0; i < per; i++) {
		int k = nth(c, t, part * per + i), th;
		const struct flyer *f;
		const char *title;
		struct rect r, img;
		char id[32];

		if (k < 0)
			break;
		f = &t->flyers[k];
		title = text_get(&f->title, c->visit->lang);
		r = (struct rect){ m + (i % cols) * (cw + gap),
				   y + (i / cols) * (ch + gap), cw, ch };
		th = ui_line_h(ui, FONT_BUTTON) * 3 + ui_mm(ui, 4);
		img = (struct rect){ r.x + ui_mm(ui, 3), r.y + ui_mm(ui, 3),
				     r.w - ui_mm(ui, 6),
				     r.h - th - ui_mm(ui, 3) };
		snprintf(id, sizeof(id), "flyer:%d", k);
		if (ui_button_frame(ui, id, r, title, STYLE_TILE))
			screen_ask(c, (struct screen_req){
					      .kind = REQ_OPEN,
					      .to = { .route = ROUTE_FLYER,
						      .tile = c->at->tile,
						      .item = k } });
		draw_image(&ui->dl, img, f->file, f->is_pdf ? 1 : 0,
			   (struct rect){ 0, 0, 0, 0 });
		chrome_face_label(c,
				  (struct rect){ r.x, r.y + r.h - th, r.w, th },
				  title, 3);
	}
	chrome_list_end(c, n, "flyers.none", y, part, pages);
}

static int grid_reach(const struct screen_ctx *c, int i, struct place *to)
{
	return screen_reach_item(c, ROUTE_FLYER, nth(c, screen_tile(c), i), to);
}

static void grid_file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/folders.ini", screen_tile(c)->id);
}

const struct screen_family screen_flyers = { "flyers", grid_draw, grid_parts,
					     grid_reach, grid_file };

/* ---- one flyer ---- */

/* Pages of the open flyer: -1 when it cannot be read. */
static int flyer_pages(const struct screen_ctx *c)
{
	const struct flyer *f = &screen_tile(c)->flyers[c->at->item];
	int n;

	if (!f->is_pdf)
		return 1;
	n = c->flyer_pages[screen_flyer_slot(c->content, c->at->tile,
					     c->at->item)];
	return n == 0 ? -1 : n;
}

static int flyer_parts(const struct screen_ctx *c)
{
	int n = flyer_pages(c);

	return n < 1 ? 1 : n;
}

/* The page, zoomed or whole; a double tap toggles the zoom there. */
static void page_view(const struct screen_ctx *c, const struct flyer *f,
		      struct rect view, int page, int pages)
{
	struct ui *ui = c->ui;
	const struct visit *v = c->visit;
	struct rect src = { 0, 0, 0, 0 };

	if (ui_area(ui, "flyer-page", view, screen_tr(c, "flyers.page"))) {
		int fx, fy;

		/* on the page as painted, which is never mirrored */
		ui_point_in(ui, view, &fx, &fy);
		if (v->last_tap && c->now - v->last_tap <= DOUBLE_TAP_MS)
			screen_ask(c, (struct screen_req){ .kind = REQ_ZOOM,
							   .value = !v->zoom,
							   .x = fx,
							   .y = fy });
		else
			screen_ask(c,
				   (struct screen_req){ .kind = REQ_TAPPED });
	}
	if (v->zoom) {
		int zx = v->zoom_x - 250, zy = v->zoom_y - 250;

		zx = zx < 0 ? 0 : zx > 500 ? 500 : zx;
		zy = zy < 0 ? 0 : zy > 500 ? 500 : zy;
		src = (struct rect){ zx, zy, 500, 500 };
	}
	draw_image(&ui->dl, view, f->file, f->is_pdf ? page + 1 : 0, src);
	/* render the next page ahead so turning over is instant */
	if (f->is_pdf && page + 1 < pages)
		draw_prefetch(&ui->dl, view, f->file, page + 2);
}

static void flyer_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct flyer *f = &screen_tile(c)->flyers[c->at->item];
	int m = ui_mm(ui, MARGIN_MM), top, pages, page, side_w = ui_mm(ui, 110);
	int bh = ui_mm(ui, BUTTON_H_MM);
	struct rect view, side;
	char where[64], icon[512];

	if (chrome_header_back(c, text_get(&f->title, c->visit->lang), &top))
		return;
	pages = flyer_pages(c);
	view = (struct rect){ m, top + ui_mm(ui, 6), c->width - 3 * m - side_w,
			      chrome_bottom(c) - top - ui_mm(ui, 6) -
				      ui_mm(ui, FOOTER_MM) };
	side = (struct rect){ view.x + view.w + m, view.y, side_w, view.h };
	if (pages < 0) {
		ui_text(ui, view, screen_tr(c, "flyers.broken"), FONT_BODY,
			UI_ALIGN_START, c->theme->text);
		return;
	}
	page = chrome_clamp(c->at->part, pages);
	page_view(c, f, view, page, pages);
	/* beside the page: zoom button, and the QR to take it home */
	if (ui_button_icon(
		    ui, "zoom", (struct rect){ side.x, side.y, side.w, bh },
		    screen_tr(c, c->visit->zoom ? "flyers.zoom_out"
						: "flyers.zoom_in"),
		    chrome_icon(c, c->visit->zoom ? "zoom-out" : "zoom-in",
				icon, sizeof(icon)),
		    STYLE_SECONDARY))
		screen_ask(c, (struct screen_req){ .kind = REQ_ZOOM,
						   .value = !c->visit->zoom,
						   .x = 500,
						   .y = 500 });
	if (f->url)
		chrome_qr_box(
			c,
			(struct rect){
				side.x, side.y + ui_mm(ui, BUTTON_H_MM + 8),
				side.w, side.h - ui_mm(ui, BUTTON_H_MM + 8) },
			f->url, "flyers.qr");
	chrome_part_label(c, "flyers.where", page, pages, where, sizeof(where));
	chrome_footer(c, page, pages, where);
}

static void flyer_screen_file(const struct screen_ctx *c, char *out,
			      size_t size)
{
	grid_file(c, out, size);
}

const struct screen_family screen_flyer = { "flyer", flyer_draw, flyer_parts,
					    NULL, flyer_screen_file };
