/*
 * flyers: a tile of flyers (kind = flyers) as a grid of thumbnails, and
 * one flyer page by page. The page takes all the height there is; beside
 * it, a zoom button and a QR code to take the flyer home. Zoomed, the page
 * fills its whole view at a size a 75-year-old reads, and one finger moves
 * it (a swipe then moves the page, not to the next one); the zoom button,
 * now "Hele pagina", or a double tap shows the whole page again. The next
 * page is rendered ahead so turning over is instant.
 */
#include <math.h>
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

#define GRID_COLS 3
/* A zoomed page is at least this many times the whole page: body text of
 * an A4 flyer (11-12 pt) comes to about 7 mm on a 24-inch panel. */
#define FLYER_ZOOM 2.6
/* and at most this many, so an odd shape (a long strip) stays a page */
#define FLYER_ZOOM_MAX 4.0

/* Where a flyer page goes in its view. */
struct flyer_fit {
	struct rect whole;  /* the whole page, as large as fits, centred */
	int zoom_w, zoom_h; /* size of the zoomed page in pixels */
	struct rect src;    /* zoomed: the part shown, 1/1000 of the page */
	int cx, cy;	    /* zoomed: the centre of that part */
};

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
		draw_image(&ui->dl, img, flyer_file(f, c->visit->lang),
			   flyer_is_pdf(f, c->visit->lang) ? 1 : 0,
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

	if (!flyer_is_pdf(f, c->visit->lang))
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

/* The shape of the open flyer's page (width per 1000 of its height);
 * A4 upright until it is known. */
static int flyer_aspect(const struct screen_ctx *c)
{
	int a = c->flyer_aspect ? c->flyer_aspect[screen_flyer_slot(
					  c->content, c->at->tile, c->at->item)]
				: 0;

	return a > 0 ? a : 707;
}

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void page_fit(struct rect view, int aspect, int cx, int cy,
		     struct flyer_fit *f)
{
	double k, zoom_w, zoom_h;
	int w, h;

	if (aspect <= 0)
		aspect = 707;
	/* the whole page: as large as the view allows, in its middle */
	if ((long)view.w * 1000 > (long)aspect * view.h) {
		h = view.h;
		w = (int)((long)view.h * aspect / 1000);
	} else {
		w = view.w;
		h = (int)((long)view.w * 1000 / aspect);
	}
	w = w < 1 ? 1 : w;
	h = h < 1 ? 1 : h;
	f->whole = (struct rect){ view.x + (view.w - w) / 2,
				  view.y + (view.h - h) / 2, w, h };
	/* zoomed: FLYER_ZOOM times the whole page, more when that is what
	 * fills the view, within FLYER_ZOOM_MAX for odd shapes */
	k = FLYER_ZOOM;
	if ((double)view.w / w > k)
		k = (double)view.w / w;
	if ((double)view.h / h > k)
		k = (double)view.h / h;
	if (k > FLYER_ZOOM_MAX)
		k = FLYER_ZOOM_MAX;
	zoom_w = w * k;
	zoom_h = h * k;
	f->zoom_w = (int)(zoom_w + 0.5);
	f->zoom_h = (int)(zoom_h + 0.5);
	f->src.w = clamp_int((int)(view.w * 1000 / zoom_w + 0.5), 1, 1000);
	f->src.h = clamp_int((int)(view.h * 1000 / zoom_h + 0.5), 1, 1000);
	/* the centre kept where the page still covers the view */
	f->src.x = clamp_int(cx - f->src.w / 2, 0, 1000 - f->src.w);
	f->src.y = clamp_int(cy - f->src.h / 2, 0, 1000 - f->src.h);
	f->cx = f->src.x + f->src.w / 2;
	f->cy = f->src.y + f->src.h / 2;
}

/* Thousandths of the page a finger moved the zoomed page since the last
 * frame: what the whole drag comes to now, less what it came to then,
 * so rounding never adds up over a long drag. */
static int pan_step(int from, int last, int now, int zoom_px)
{
	double per = 1000.0 / (zoom_px > 0 ? zoom_px : 1);

	return (int)lround((now - from) * per) -
	       (int)lround((last - from) * per);
}

/* The page, zoomed or whole. A double tap toggles the zoom there; a
 * finger moves the zoomed page. */
static void page_view(const struct screen_ctx *c, const struct flyer *f,
		      struct rect view, int page, int pages)
{
	struct ui *ui = c->ui;
	const struct visit *v = c->visit;
	const char *file = flyer_file(f, v->lang);
	int is_pdf = flyer_is_pdf(f, v->lang);
	struct flyer_fit fit;
	struct ui_drag d;

	page_fit(view, flyer_aspect(c), v->zoom_x, v->zoom_y, &fit);
	if (ui_area(ui, "flyer-page", view, screen_tr(c, "flyers.page"))) {
		struct rect w = fit.whole;
		int fx, fy;

		/* on the page as painted, which is never mirrored */
		ui_point_in(ui, w, &fx, &fy);
		if (v->last_tap && c->now - v->last_tap <= DOUBLE_TAP_MS)
			screen_ask(c, (struct screen_req){
					      .kind = REQ_ZOOM,
					      .value = !v->zoom,
					      .x = clamp_int(fx, 0, 1000),
					      .y = clamp_int(fy, 0, 1000) });
		else
			screen_ask(c,
				   (struct screen_req){ .kind = REQ_TAPPED });
	}
	if (v->zoom && ui_drag(ui, "flyer-page", &d)) {
		/* the page follows the finger: the part shown moves the
		 * other way */
		int dx = pan_step(d.from_x, d.last_x, d.x, fit.zoom_w);
		/* in a mirrored layout a finger to the right is a step to
		 * the left, but the page itself is never mirrored */
		int x = ui->rtl ? fit.cx + dx : fit.cx - dx;
		int y = fit.cy - pan_step(d.from_y, d.last_y, d.y, fit.zoom_h);
		struct flyer_fit to;

		page_fit(view, flyer_aspect(c), x, y, &to);
		if (to.cx != fit.cx || to.cy != fit.cy)
			screen_ask(c, (struct screen_req){ .kind = REQ_PAN,
							   .x = to.cx,
							   .y = to.cy });
	}
	if (v->zoom)
		draw_image(&ui->dl, view, file, is_pdf ? page + 1 : 0, fit.src);
	else
		draw_image(&ui->dl, fit.whole, file, is_pdf ? page + 1 : 0,
			   (struct rect){ 0, 0, 0, 0 });
	/* render the next page ahead so turning over is instant */
	if (is_pdf && page + 1 < pages)
		draw_prefetch(&ui->dl, fit.whole, file, page + 2);
}

static void flyer_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct flyer *f = &screen_tile(c)->flyers[c->at->item];
	int m = ui_mm(ui, MARGIN_MM), top, pages, page, side_w = ui_mm(ui, 110);
	int bh = ui_mm(ui, BUTTON_H_MM), gap = ui_mm(ui, 4), bottom, y;
	int zoom = c->visit->zoom;
	struct rect view, side;
	char where[64], icon[512];

	if (chrome_header_back(c, text_get(&f->title, c->visit->lang), &top))
		return;
	pages = flyer_pages(c);
	/* the page takes all the height between the title bar and the
	 * footer (the bottom bar when there is one page only); the zoom
	 * button and the QR stand beside it, where an upright page leaves
	 * room anyway */
	bottom = chrome_bottom(c) -
		 (pages > 1 ? ui_mm(ui, FOOTER_MM) : ui_mm(ui, 4));
	view = (struct rect){ m, top + gap, c->width - 3 * m - side_w,
			      bottom - top - gap };
	side = (struct rect){ view.x + view.w + m, view.y, side_w, view.h };
	if (pages < 0) {
		ui_text(ui, view, screen_tr(c, "flyers.broken"), FONT_BODY,
			UI_ALIGN_START, c->theme->text);
		return;
	}
	page = chrome_clamp(c->at->part, pages);
	page_view(c, f, view, page, pages);
	/* beside the page: the zoom button (a way back to the whole page
	 * when zoomed), how to move the page, and the QR to take it home */
	if (ui_button_icon(
		    ui, "zoom", (struct rect){ side.x, side.y, side.w, bh },
		    screen_tr(c, zoom ? "flyers.whole_page" : "flyers.zoom_in"),
		    chrome_icon(c, zoom ? "zoom-out" : "zoom-in", icon,
				sizeof(icon)),
		    zoom ? STYLE_PRIMARY : STYLE_SECONDARY))
		/* zoomed in, reading starts at the top of the page */
		screen_ask(c, (struct screen_req){ .kind = REQ_ZOOM,
						   .value = !zoom,
						   .x = 0,
						   .y = 0 });
	y = side.y + bh + gap;
	if (zoom)
		y += ui_text(ui, (struct rect){ side.x, y, side.w, 0 },
			     screen_tr(c, "flyers.drag"), FONT_BODY,
			     UI_ALIGN_LEFT, c->theme->text) +
		     gap;
	if (f->url)
		chrome_qr_box(c,
			      (struct rect){ side.x, y + gap, side.w,
					     side.y + side.h - y - gap },
			      f->url, "flyers.qr");
	chrome_part_label(c, "flyers.where", page, pages, where, sizeof(where));
	/* a finger on the zoomed page moves it: only the buttons turn */
	chrome_footer_swipe(c, page, pages, where, !zoom);
}

static void flyer_screen_file(const struct screen_ctx *c, char *out,
			      size_t size)
{
	grid_file(c, out, size);
}

const struct screen_family screen_flyer = { "flyer", flyer_draw, flyer_parts,
					    NULL, flyer_screen_file };
