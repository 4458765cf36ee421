/*
 * platform: the SDL window, renderer, fonts, text texture cache, input
 * mapping and PNG saving. Text is shaped by HarfBuzz inside SDL_ttf: each
 * draw command is one run of one direction (the ui's line breaker did the
 * bidirectional ordering); here it is cut into pieces per font (DejaVu
 * Sans, Noto Sans Arabic) and each piece gets its script and direction.
 */
#include "platform/platform.h"
#include "platform/internal.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"
#include "core/pdf.h"
#include "core/qr.h"
#include "core/ui/bidi.h"

int platform_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

int platform_minute(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

uint64_t platform_ticks(void)
{
	return SDL_GetTicks64();
}

/* ---- window ---- */

/* Event watch of headless drivers: an event was pushed, wake the loop.
 * Runs in the pushing thread, just before the event joins the queue. */
static int wake_on_event(void *ctx, SDL_Event *ev)
{
	struct platform *p = ctx;

	(void)ev;
	SDL_SemPost(p->wake);
	return 1;
}

struct platform *platform_open(const struct platform_config *cfg, struct err *e)
{
	struct platform *p = xcalloc(1, sizeof(*p));
	const char *driver;
	Uint32 flags = 0;
	int w = cfg->width, h = cfg->height, headless;

	if (cfg->font_path)
		str_copy(p->font_path[FACE_MAIN][0],
			 sizeof(p->font_path[FACE_MAIN][0]), cfg->font_path);
	else if (!platform_font_find("DejaVu Sans:style=Book",
				     p->font_path[FACE_MAIN][0],
				     sizeof(p->font_path[FACE_MAIN][0])))
		goto no_font;
	if (cfg->bold_font_path)
		str_copy(p->font_path[FACE_MAIN][1],
			 sizeof(p->font_path[FACE_MAIN][1]),
			 cfg->bold_font_path);
	else if (!platform_font_find("DejaVu Sans:style=Bold",
				     p->font_path[FACE_MAIN][1],
				     sizeof(p->font_path[FACE_MAIN][1])))
		goto no_font;
	platform_font_find_arabic(p);

	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	/* touch and mouse are handled apart: no fake events either way */
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
	/* losing the focus (Alt+Tab in a bare X session) must not minimize
	 * a full-screen kiosk */
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	/* the screen stays awake: no screen saver, no blanking (under cage
	 * through Wayland's idle inhibitor, under X by resetting its timer) */
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		err_set(e,
			"no display found (%s): run the kiosk in a "
			"graphical session, or set SDL_VIDEODRIVER=offscreen "
			"to run it without a screen",
			SDL_GetError());
		SDL_Quit();
		FcFini();
		free(p);
		return NULL;
	}
	if (TTF_Init() != 0) {
		err_set(e, "cannot start the font engine: %s", TTF_GetError());
		goto fail;
	}
	driver = SDL_GetCurrentVideoDriver();
	headless = driver && (strcmp(driver, "offscreen") == 0 ||
			      strcmp(driver, "dummy") == 0);
	p->headless = headless;
	/* headless, the software renderer draws straight into the driver's
	 * own window memory: without this SDL would copy every frame into a
	 * GL texture (loading Mesa and its threads, a full upload a frame) */
	if (headless)
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (!w || !h) {
		SDL_DisplayMode mode;

		if (!headless && !cfg->windowed &&
		    SDL_GetDesktopDisplayMode(0, &mode) == 0) {
			w = mode.w;
			h = mode.h;
		} else {
			w = cfg->windowed ? 1280 : 1920;
			h = cfg->windowed ? 720 : 1080;
		}
	}
	if (!cfg->windowed && !headless)
		flags |= SDL_WINDOW_BORDERLESS | SDL_WINDOW_FULLSCREEN_DESKTOP;
	p->win = SDL_CreateWindow("Wijkkiosk", SDL_WINDOWPOS_CENTERED,
				  SDL_WINDOWPOS_CENTERED, w, h, flags);
	if (!p->win) {
		err_set(e, "cannot open a window: %s", SDL_GetError());
		goto fail;
	}
	/* a board without a GPU gets the software renderer; headless always */
	p->ren = headless ? NULL
			  : SDL_CreateRenderer(p->win, -1,
					       SDL_RENDERER_ACCELERATED);
	if (!p->ren)
		p->ren = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
	if (!p->ren) {
		err_set(e, "cannot draw in the window: %s", SDL_GetError());
		goto fail;
	}
	if (headless) {
		p->wake = SDL_CreateSemaphore(0);
		if (!p->wake) {
			err_set(e, "cannot make a semaphore: %s",
				SDL_GetError());
			goto fail;
		}
		SDL_AddEventWatch(wake_on_event, p);
	}
	{
		SDL_RendererInfo info;
		int ok = SDL_GetRendererInfo(p->ren, &info) == 0;

		p->software = ok && (info.flags & SDL_RENDERER_SOFTWARE);
		p->tex_max = 8192;
		if (ok && info.max_texture_width > 0 &&
		    info.max_texture_height > 0)
			p->tex_max =
				info.max_texture_width < info.max_texture_height
					? info.max_texture_width
					: info.max_texture_height;
	}
	SDL_SetRenderDrawBlendMode(p->ren, SDL_BLENDMODE_BLEND);
	SDL_GetRendererOutputSize(p->ren, &p->w, &p->h);
	SDL_ShowCursor(SDL_DISABLE);
	if (!platform_font_get(p, FACE_MAIN, 40, 0) ||
	    !platform_font_get(p, FACE_MAIN, 40, 1)) {
		err_set(e,
			"cannot open the font '%s': install the Debian "
			"package fonts-dejavu-core (make deps does this)",
			p->font_path[FACE_MAIN][0]);
		goto fail;
	}
	return p;
no_font:
	err_set(e,
		"no DejaVu Sans font found: install the Debian package "
		"fonts-dejavu-core (make deps does this) or pass --font FILE");
	FcFini();
	free(p);
	return NULL;
fail:
	platform_close(p);
	return NULL;
}

void platform_close(struct platform *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; i < TEXT_CACHE; i++)
		platform_text_forget(&p->cache[i]);
	for (i = 0; i < IMAGE_CACHE; i++)
		platform_image_forget(p, &p->images[i]);
	for (i = 0; i < WIDTH_CACHE; i++)
		free(p->widths[i].s);
	for (i = 0; i < p->nfonts; i++)
		TTF_CloseFont(p->fonts[i].font);
	if (p->wake) {
		SDL_DelEventWatch(wake_on_event, p);
		SDL_DestroySemaphore(p->wake);
	}
	if (p->ren)
		SDL_DestroyRenderer(p->ren);
	if (p->win)
		SDL_DestroyWindow(p->win);
	if (TTF_WasInit())
		TTF_Quit();
	SDL_Quit();
	FcFini();
	free(p);
}

int platform_headless(const struct platform *p)
{
	return p->headless;
}

void platform_size(const struct platform *p, int *w, int *h)
{
	*w = p->w;
	*h = p->h;
}

/* ---- painting ---- */

static void set_color(SDL_Renderer *r, struct color c)
{
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

static void fill_rounded(SDL_Renderer *ren, struct rect r, int radius)
{
	SDL_Rect mid;
	int y;

	if (radius * 2 > r.h)
		radius = r.h / 2;
	if (radius * 2 > r.w)
		radius = r.w / 2;
	mid = (SDL_Rect){ r.x, r.y + radius, r.w, r.h - 2 * radius };
	SDL_RenderFillRect(ren, &mid);
	for (y = 0; y < radius; y++) {
		/* inset of a circle of this radius at this row */
		double dy = radius - y - 0.5;
		int inset = radius -
			    (int)SDL_sqrt((double)radius * radius - dy * dy);
		SDL_Rect top = { r.x + inset, r.y + y, r.w - 2 * inset, 1 };
		SDL_Rect bot = { r.x + inset, r.y + r.h - 1 - y,
				 r.w - 2 * inset, 1 };

		SDL_RenderFillRect(ren, &top);
		SDL_RenderFillRect(ren, &bot);
	}
}

/* Bucket of a size: PDF pages render at the size they are shown, rounded
 * up so small layout changes reuse the same texture. */
static int bucket(int v)
{
	return (v + 63) / 64 * 64;
}

void platform_image_forget(struct platform *p, struct image_entry *e)
{
	if (e->tex) {
		SDL_DestroyTexture(e->tex);
		p->image_bytes -= e->bytes;
	}
	if (e->desc) /* a QR code's desc is what it carries */
		explicit_bzero(e->desc, strlen(e->desc));
	free(e->desc);
	memset(e, 0, sizeof(*e));
}

/* The entry for desc: found, or an empty or least recently used one made
 * ready for it (no texture yet). */
static struct image_entry *image_slot(struct platform *p, const char *desc)
{
	uint32_t key = platform_desc_hash(desc);
	struct image_entry *victim = NULL;
	int i;

	for (i = 0; i < IMAGE_CACHE; i++) {
		struct image_entry *e = &p->images[i];

		if (e->key == key && strcmp(e->desc, desc) == 0) {
			e->used = p->frame;
			return e;
		}
		if (!victim ||
		    (victim->key && (!e->key || e->used < victim->used)))
			victim = e;
	}
	platform_image_forget(p, victim);
	victim->key = key;
	victim->desc = str_dup(desc);
	victim->used = p->frame;
	return victim;
}

static void image_store(struct platform *p, struct image_entry *e,
			SDL_Surface *s)
{
	e->tex = SDL_CreateTextureFromSurface(p->ren, s);
	if (!e->tex) {
		e->failed = 1;
		return;
	}
	SDL_SetTextureScaleMode(e->tex, SDL_ScaleModeBest);
	e->w = s->w;
	e->h = s->h;
	e->bytes = (size_t)s->w * (size_t)s->h * 4;
	p->image_bytes += e->bytes;
	while (p->image_bytes > IMAGE_CACHE_BYTES) {
		struct image_entry *victim = NULL;
		int i;

		for (i = 0; i < IMAGE_CACHE; i++)
			if (p->images[i].tex && &p->images[i] != e &&
			    (!victim || p->images[i].used < victim->used))
				victim = &p->images[i];
		if (!victim)
			break;
		platform_image_forget(p, victim);
	}
}

/* Size to render a PDF page at: the whole page at the scale it is shown,
 * so a zoomed page is sharp (a part src of it fills r). */
static void page_px(const struct platform *p, const struct draw_cmd *c, int *bw,
		    int *bh)
{
	long w = c->r.w, h = c->r.h;

	if (c->src.w > 0 && c->src.h > 0) {
		w = w * 1000 / c->src.w;
		h = h * 1000 / c->src.h;
	}
	*bw = bucket((int)(w < p->tex_max ? w : p->tex_max));
	*bh = bucket((int)(h < p->tex_max ? h : p->tex_max));
	if (*bw > p->tex_max)
		*bw = p->tex_max;
	if (*bh > p->tex_max)
		*bh = p->tex_max;
}

static struct image_entry *image_get(struct platform *p,
				     const struct draw_cmd *c)
{
	int bw = 0, bh = 0;
	struct image_entry *e;
	struct err err;
	char desc[DESC_MAX];

	if (c->page)
		page_px(p, c, &bw, &bh);
	snprintf(desc, sizeof(desc), "%d %dx%d %s", c->page, bw, bh, c->text);
	e = image_slot(p, desc);
	if (e->tex || e->failed)
		return e;
	if (c->page > 0) {
		unsigned char *px;
		int w, h;

		if (pdf_render(c->text, c->page, bw, bh, &px, &w, &h, &err) <
		    0) {
			log_warn("cannot show page %d of '%s': %s", c->page,
				 c->text, err.msg);
			e->failed = 1;
			return e;
		}
		{
			SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(
				px, w, h, 32, w * 4, SDL_PIXELFORMAT_RGB888);

			if (s) {
				image_store(p, e, s);
				SDL_FreeSurface(s);
			} else {
				e->failed = 1;
			}
		}
		free(px);
	} else {
		SDL_Surface *s = IMG_Load(c->text);

		if (!s) {
			log_warn("cannot show '%s': %s", c->text,
				 IMG_GetError());
			e->failed = 1;
			return e;
		}
		image_store(p, e, s);
		SDL_FreeSurface(s);
	}
	return e;
}

static void draw_image_cmd(struct platform *p, const struct draw_cmd *c)
{
	struct image_entry *e = image_get(p, c);
	SDL_Rect src, dst;
	double sw, sh, scale;

	if (e->failed || !e->tex) {
		/* a calm grey box instead of a broken picture */
		SDL_Rect r = { c->r.x, c->r.y, c->r.w, c->r.h };

		SDL_SetRenderDrawColor(p->ren, 0xDD, 0xDD, 0xDD, 255);
		SDL_RenderFillRect(p->ren, &r);
		return;
	}
	src = (SDL_Rect){ 0, 0, e->w, e->h };
	if (c->src.w > 0 && c->src.h > 0)
		src = (SDL_Rect){ c->src.x * e->w / 1000,
				  c->src.y * e->h / 1000,
				  c->src.w * e->w / 1000,
				  c->src.h * e->h / 1000 };
	sw = src.w;
	sh = src.h;
	scale = c->r.w / sw < c->r.h / sh ? c->r.w / sw : c->r.h / sh;
	dst.w = (int)(sw * scale);
	dst.h = (int)(sh * scale);
	dst.x = c->r.x + (c->r.w - dst.w) / 2;
	dst.y = c->r.y + (c->r.h - dst.h) / 2;
	/* a pictogram (white on transparent) takes its button's colour */
	if (c->color.a)
		SDL_SetTextureColorMod(e->tex, c->color.r, c->color.g,
				       c->color.b);
	/* an arrow in a right-to-left layout points the other way */
	SDL_RenderCopyEx(p->ren, e->tex, &src, &dst, 0, NULL,
			 c->flip ? SDL_FLIP_HORIZONTAL : SDL_FLIP_NONE);
	if (c->color.a)
		SDL_SetTextureColorMod(e->tex, 255, 255, 255);
}

static void draw_qr_cmd(struct platform *p, const struct draw_cmd *c)
{
	char desc[DESC_MAX];
	struct image_entry *e;
	SDL_Rect dst;

	snprintf(desc, sizeof(desc), "qr %s", c->text);
	e = image_slot(p, desc);

	if (!e->tex && !e->failed) {
		struct qr q;
		struct err err;
		int quiet = 4, n, x, y;
		SDL_Surface *s;

		if (qr_encode(&q, c->text, &err) < 0) {
			log_warn("%s", err.msg);
			e->failed = 1;
			return;
		}
		n = q.size + 2 * quiet;
		s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32,
						   SDL_PIXELFORMAT_RGB888);
		if (s) {
			SDL_FillRect(s, NULL,
				     SDL_MapRGB(s->format, 255, 255, 255));
			for (y = 0; y < q.size; y++)
				for (x = 0; x < q.size; x++)
					if (q.modules[y * q.size + x]) {
						SDL_Rect m = { x + quiet,
							       y + quiet, 1,
							       1 };

						SDL_FillRect(
							s, &m,
							SDL_MapRGB(s->format, 0,
								   0, 0));
					}
			image_store(p, e, s);
			/* sharp modules: no smoothing when scaled up */
			if (e->tex)
				SDL_SetTextureScaleMode(e->tex,
							SDL_ScaleModeNearest);
			explicit_bzero(s->pixels, (size_t)s->pitch * s->h);
			SDL_FreeSurface(s);
		}
		qr_release(&q);
	}
	if (!e->tex)
		return;
	/* whole pixels per module keep the code easy to scan */
	{
		int side = c->r.w < c->r.h ? c->r.w : c->r.h;
		int per = side / e->w;

		if (per < 1)
			per = 1;
		dst.w = dst.h = per * e->w;
		dst.x = c->r.x + (c->r.w - dst.w) / 2;
		dst.y = c->r.y + (c->r.h - dst.h) / 2;
	}
	SDL_RenderCopy(p->ren, e->tex, NULL, &dst);
}

int platform_probe(void *ctx, const char *path, int is_pdf, char *why,
		   size_t why_size)
{
	struct err e;

	(void)ctx;
	if (is_pdf) {
		if (pdf_page_count(path, &e) < 0) {
			snprintf(why, why_size, "%s", e.msg);
			return -1;
		}
		return 0;
	}
	{
		SDL_Surface *s = IMG_Load(path);

		if (!s) {
			snprintf(why, why_size,
				 "dit plaatje kan niet worden "
				 "geopend (%s): sla het opnieuw op als PNG of "
				 "JPEG",
				 IMG_GetError());
			return -1;
		}
		SDL_FreeSurface(s);
	}
	return 0;
}

static void paint(struct platform *p, const struct draw_list *dl)
{
	int i;

	p->frame++;
	set_color(p->ren, dl->clear);
	SDL_RenderClear(p->ren);
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		switch (c->kind) {
		case DRAW_RECT:
			set_color(p->ren, c->color);
			fill_rounded(p->ren, c->r, c->radius);
			break;
		case DRAW_FRAME: {
			int t;

			set_color(p->ren, c->color);
			for (t = 0; t < c->thick; t++) {
				SDL_Rect r = { c->r.x + t, c->r.y + t,
					       c->r.w - 2 * t, c->r.h - 2 * t };

				SDL_RenderDrawRect(p->ren, &r);
			}
			break;
		}
		case DRAW_TEXT: {
			struct text_entry *t = platform_text_get(p, c);
			SDL_Rect dst;

			if (!t)
				break;
			dst = (SDL_Rect){ c->r.x, c->r.y + (c->r.h - t->h) / 2,
					  t->w, t->h };
			SDL_SetTextureAlphaMod(t->tex, c->color.a);
			SDL_RenderCopy(p->ren, t->tex, NULL, &dst);
			break;
		}
		case DRAW_IMAGE:
			/* pictures to render ahead wait for platform_prefetch
			 */
			if (!c->thick)
				draw_image_cmd(p, c);
			break;
		case DRAW_QR:
			draw_qr_cmd(p, c);
			break;
		}
	}
	if (dl->overflow)
		log_warn(
			"a frame did not fit the draw list; parts are missing");
}

/* What a command looks like, as a hash, and the box it may paint in. */
static uint32_t cmd_hash(const struct draw_cmd *c)
{
	uint32_t h = HASH_INIT;

	h = hash_bytes(h, &c->kind, sizeof(c->kind));
	h = hash_bytes(h, &c->r, sizeof(c->r));
	h = hash_bytes(h, &c->color, sizeof(c->color));
	h = hash_bytes(h, &c->radius, sizeof(c->radius));
	h = hash_bytes(h, &c->thick, sizeof(c->thick));
	h = hash_bytes(h, &c->font_px, sizeof(c->font_px));
	h = hash_bytes(h, &c->bold, sizeof(c->bold));
	h = hash_bytes(h, &c->page, sizeof(c->page));
	h = hash_bytes(h, &c->src, sizeof(c->src));
	h = hash_bytes(h, &c->rtl, sizeof(c->rtl));
	h = hash_bytes(h, &c->flip, sizeof(c->flip));
	return c->text ? hash_str(h, c->text) : h;
}

static struct rect cmd_box(const struct draw_cmd *c)
{
	struct rect r = c->r;

	if (c->kind == DRAW_TEXT) {
		/* glyphs may overhang the measured box a little */
		r.x -= c->font_px / 2;
		r.w += c->font_px;
		r.y -= c->font_px;
		r.h += 2 * c->font_px;
	}
	return r;
}

static void box_add(struct rect *acc, struct rect r)
{
	int x2, y2;

	if (r.w <= 0 || r.h <= 0)
		return;
	if (acc->w <= 0 || acc->h <= 0) {
		*acc = r;
		return;
	}
	x2 = acc->x + acc->w > r.x + r.w ? acc->x + acc->w : r.x + r.w;
	y2 = acc->y + acc->h > r.y + r.h ? acc->y + acc->h : r.y + r.h;
	acc->x = acc->x < r.x ? acc->x : r.x;
	acc->y = acc->y < r.y ? acc->y : r.y;
	acc->w = x2 - acc->x;
	acc->h = y2 - acc->y;
}

/* Remembers each command of dl; returns in *dirty the box that differs
 * from the frame on screen, or 0 when the whole screen must be painted
 * (another number of commands, another background, nothing shown). */
static int diff_shown(struct platform *p, const struct draw_list *dl,
		      struct rect *dirty)
{
	int i, same = p->shown_valid && dl->ncmds == p->shown_ncmds &&
		      memcmp(&dl->clear, &p->shown_clear, sizeof(dl->clear)) ==
			      0;

	*dirty = (struct rect){ 0, 0, 0, 0 };
	for (i = 0; i < dl->ncmds; i++) {
		uint32_t h = cmd_hash(&dl->cmds[i]);
		struct rect box = cmd_box(&dl->cmds[i]);

		if (same && h != p->shown_cmd[i]) {
			box_add(dirty, p->shown_box[i]);
			box_add(dirty, box);
		}
		p->shown_cmd[i] = h;
		p->shown_box[i] = box;
	}
	p->shown_ncmds = dl->ncmds;
	p->shown_clear = dl->clear;
	return same;
}

int platform_present(struct platform *p, const struct draw_list *dl, int force)
{
	uint32_t h = draw_list_hash(dl);
	struct rect dirty;
	int partial;

	if (!force && p->shown_valid && h == p->shown_hash)
		return 0;
	partial = diff_shown(p, dl, &dirty) && !force && p->software;
	if (partial && (dirty.w <= 0 || dirty.h <= 0)) {
		/* only what the hash of the whole list saw changed, such as
		 * a picture to render ahead: nothing to paint */
		p->shown_hash = h;
		return 0;
	}
	if (partial) {
		SDL_Rect clip = { dirty.x, dirty.y, dirty.w, dirty.h };

		SDL_RenderSetClipRect(p->ren, &clip);
	}
	paint(p, dl);
	if (partial)
		SDL_RenderSetClipRect(p->ren, NULL);
	SDL_RenderPresent(p->ren);
	p->shown_hash = h;
	p->shown_valid = 1;
	return 1;
}

void platform_prefetch(struct platform *p, const struct draw_list *dl)
{
	int i;

	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_IMAGE && dl->cmds[i].thick)
			image_get(p, &dl->cmds[i]);
}

int platform_save_png(struct platform *p, const struct draw_list *dl,
		      const char *path, struct err *e)
{
	SDL_Surface *s;
	int rc = 0;

	paint(p, dl);
	s = SDL_CreateRGBSurfaceWithFormat(0, p->w, p->h, 32,
					   SDL_PIXELFORMAT_RGB888);
	if (!s)
		return err_set(e, "cannot make a picture: %s", SDL_GetError());
	if (SDL_RenderReadPixels(p->ren, NULL, SDL_PIXELFORMAT_RGB888,
				 s->pixels, s->pitch) != 0)
		rc = err_set(e, "cannot read the screen: %s", SDL_GetError());
	else if (IMG_SavePNG(s, path) != 0)
		rc = err_set(e, "cannot save '%s': %s", path, IMG_GetError());
	SDL_FreeSurface(s);
	/* the picture was painted but not shown: repaint on next present */
	p->shown_valid = 0;
	return rc;
}

/* ---- input ---- */

static int map_event(struct platform *p, const SDL_Event *ev,
		     struct platform_event *out)
{
	memset(out, 0, sizeof(*out));
	if (ev->type == SIGNAL_EVENT) {
		out->kind = ev->user.code == SIGNAL_RESCAN   ? PEV_RESCAN
			    : ev->user.code == SIGNAL_HANG   ? PEV_TEST_HANG
			    : ev->user.code == SIGNAL_REPORT ? PEV_REPORT
							     : PEV_QUIT;
		return 1;
	}
	switch (ev->type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERUP:
	case SDL_FINGERMOTION:
		/* one finger at a time: a second one (a palm, a child's
		 * other hand) is ignored until the first lifts */
		if (ev->type == SDL_FINGERDOWN) {
			if (p->finger_down)
				return 0;
			p->finger = ev->tfinger.fingerId;
			p->finger_down = 1;
		} else if (!p->finger_down ||
			   ev->tfinger.fingerId != p->finger) {
			return 0;
		} else if (ev->type == SDL_FINGERUP) {
			p->finger_down = 0;
		}
		out->kind = PEV_POINTER;
		out->ptr = ev->type == SDL_FINGERDOWN ? UI_PTR_DOWN
			   : ev->type == SDL_FINGERUP ? UI_PTR_UP
						      : UI_PTR_MOVE;
		out->x = (int)(ev->tfinger.x * p->w);
		out->y = (int)(ev->tfinger.y * p->h);
		return 1;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		/* a touch also arrives as a mouse click: count it once */
		if (ev->button.which == SDL_TOUCH_MOUSEID ||
		    ev->button.button != SDL_BUTTON_LEFT)
			return 0;
		out->kind = PEV_POINTER;
		out->ptr = ev->type == SDL_MOUSEBUTTONDOWN ? UI_PTR_DOWN
							   : UI_PTR_UP;
		out->x = ev->button.x;
		out->y = ev->button.y;
		return 1;
	case SDL_MOUSEMOTION:
		if (ev->motion.which == SDL_TOUCH_MOUSEID)
			return 0;
		if (!p->mouse_seen) {
			/* a real mouse is attached: let its user see it */
			p->mouse_seen = 1;
			SDL_ShowCursor(SDL_ENABLE);
		}
		out->kind = PEV_POINTER;
		out->ptr = UI_PTR_MOVE;
		out->x = ev->motion.x;
		out->y = ev->motion.y;
		return 1;
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
		    ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			SDL_GetRendererOutputSize(p->ren, &p->w, &p->h);
			p->shown_valid = 0;
			out->kind = PEV_EXPOSE;
			return 1;
		}
		return 0;
	default:
		/* SDL_QUIT (window close, Alt+F4), keys (Escape, Ctrl+Q,
		 * Ctrl+W, ...) and typed text do not end or change a public
		 * kiosk: the touch screen is its only input */
		return 0;
	}
}

/* One event from the queue within ms (-1: forever) for drivers that
 * cannot sleep in SDL: wait on the semaphore the event watch posts. The
 * watch runs just before the event is queued, so a wake-up with an empty
 * queue looks again a few times. */
static int wait_headless(struct platform *p, int ms, SDL_Event *sev)
{
	int tries;

	SDL_PumpEvents();
	if (SDL_PeepEvents(sev, 1, SDL_GETEVENT, SDL_FIRSTEVENT,
			   SDL_LASTEVENT) > 0)
		return 1;
	if (ms == 0)
		return 0;
	if ((ms < 0 ? SDL_SemWait(p->wake)
		    : SDL_SemWaitTimeout(p->wake, (Uint32)ms)) != 0)
		return 0;
	for (tries = 0; tries < 20; tries++) {
		SDL_PumpEvents();
		if (SDL_PeepEvents(sev, 1, SDL_GETEVENT, SDL_FIRSTEVENT,
				   SDL_LASTEVENT) > 0)
			return 1;
		SDL_Delay(1);
	}
	return 0;
}

/* Modifier names a `key` line may use, with the key a keyboard has for
 * each (the left one). */
static const struct {
	const char *name;
	SDL_Scancode sc;
	SDL_Keymod mod;
} key_mods[] = {
	{ "ctrl", SDL_SCANCODE_LCTRL, KMOD_LCTRL },
	{ "control", SDL_SCANCODE_LCTRL, KMOD_LCTRL },
	{ "alt", SDL_SCANCODE_LALT, KMOD_LALT },
	{ "shift", SDL_SCANCODE_LSHIFT, KMOD_LSHIFT },
	{ "super", SDL_SCANCODE_LGUI, KMOD_LGUI },
	{ "gui", SDL_SCANCODE_LGUI, KMOD_LGUI },
	{ "win", SDL_SCANCODE_LGUI, KMOD_LGUI },
	{ "altgr", SDL_SCANCODE_RALT, KMOD_RALT },
};

static void key_push(struct platform *p, Uint32 type, SDL_Scancode sc,
		     SDL_Keycode code, Uint16 mod)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.key.timestamp = SDL_GetTicks();
	ev.key.windowID = SDL_GetWindowID(p->win);
	ev.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
	ev.key.keysym.scancode = sc;
	ev.key.keysym.sym = code;
	ev.key.keysym.mod = mod;
	SDL_PushEvent(&ev);
}

int platform_key(struct platform *p, const char *name, struct err *e)
{
	size_t held[8]; /* indexes into key_mods, in the order pressed */
	SDL_Keycode code;
	Uint16 mod = 0, own_mod = 0;
	int nheld = 0, i;
	char part[64];
	const char *at = name;

	for (;;) {
		const char *plus = strchr(at, '+');
		size_t n = plus && plus[1] ? (size_t)(plus - at) : strlen(at);
		size_t m;

		if (n == 0 || n >= sizeof(part))
			return err_set(e, "bad key name '%s'", name);
		memcpy(part, at, n);
		part[n] = '\0';
		for (m = 0; m < ARRAY_LEN(key_mods); m++)
			if (SDL_strcasecmp(part, key_mods[m].name) == 0)
				break;
		if (!at[n]) {
			/* the key itself; a modifier alone is its key */
			code = m < ARRAY_LEN(key_mods)
				       ? SDL_GetKeyFromScancode(key_mods[m].sc)
				       : SDL_GetKeyFromName(part);
			own_mod = m < ARRAY_LEN(key_mods) ? key_mods[m].mod : 0;
			if (code == SDLK_UNKNOWN)
				return err_set(e,
					       "unknown key '%s' (use SDL key "
					       "names: Escape, F4, Tab, "
					       "BackSpace, Delete, w, q)",
					       part);
			break;
		}
		if (m == ARRAY_LEN(key_mods) || nheld == (int)ARRAY_LEN(held))
			return err_set(e,
				       "unknown modifier '%s' in '%s' (use "
				       "ctrl, alt, shift, super)",
				       part, name);
		key_push(p, SDL_KEYDOWN, key_mods[m].sc,
			 SDL_GetKeyFromScancode(key_mods[m].sc),
			 mod |= key_mods[m].mod);
		held[nheld++] = m;
		at += n + 1;
	}
	/* a modifier pressed on its own holds itself while down, as SDL
	 * reports it for a real keyboard */
	key_push(p, SDL_KEYDOWN, SDL_GetScancodeFromKey(code), code,
		 own_mod ? mod | own_mod : mod);
	/* a printable key on its own also types its text, as SDL's text
	 * input does for a real keyboard */
	if (!mod && code >= ' ' && code < 0x7f) {
		SDL_Event ev;

		memset(&ev, 0, sizeof(ev));
		ev.type = SDL_TEXTINPUT;
		ev.text.windowID = SDL_GetWindowID(p->win);
		ev.text.text[0] = (char)code;
		SDL_PushEvent(&ev);
	}
	key_push(p, SDL_KEYUP, SDL_GetScancodeFromKey(code), code, mod);
	for (i = nheld - 1; i >= 0; i--) {
		SDL_Scancode sc = key_mods[held[i]].sc;

		mod &= (Uint16)~key_mods[held[i]].mod;
		key_push(p, SDL_KEYUP, sc, SDL_GetKeyFromScancode(sc), mod);
	}
	return 0;
}

int platform_wait(struct platform *p, int timeout_ms, struct platform_event *ev)
{
	SDL_Event sev;
	Uint32 start = SDL_GetTicks();

	for (;;) {
		int left = -1, got;

		if (timeout_ms >= 0) {
			Uint32 gone = SDL_GetTicks() - start;

			if (gone >= (Uint32)timeout_ms)
				left = 0;
			else
				left = timeout_ms - (int)gone;
		}
		if (p->wake)
			got = wait_headless(p, left, &sev);
		else if (left == 0)
			got = SDL_PollEvent(&sev);
		else
			got = left < 0 ? SDL_WaitEvent(&sev)
				       : SDL_WaitEventTimeout(&sev, left);
		if (!got)
			return 0;
		if (map_event(p, &sev, ev))
			return 1;
	}
}

void platform_push_pointer(struct platform *p, enum ptr_kind kind, int x, int y)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = kind == UI_PTR_DOWN ? SDL_FINGERDOWN
		  : kind == UI_PTR_UP ? SDL_FINGERUP
				      : SDL_FINGERMOTION;
	ev.tfinger.timestamp = SDL_GetTicks();
	ev.tfinger.touchId = 1;
	ev.tfinger.fingerId = 1;
	ev.tfinger.x = (float)x / (float)(p->w ? p->w : 1);
	ev.tfinger.y = (float)y / (float)(p->h ? p->h : 1);
	ev.tfinger.pressure = 1.0f;
	SDL_PushEvent(&ev);
}
