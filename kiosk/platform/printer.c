/*
 * printer: drawing slips and writing them to a receipt printer; see
 * printer.h. The layout is the ui's (a draw list on a "screen" as wide as
 * the paper, 8 dots a millimetre); this file turns that draw list into
 * grey dots (text from the platform's fonts, the QR code module by module,
 * the logo dithered), makes them black or white, and hands the ESC/POS
 * bytes to one worker thread a slip.
 */
#include "platform/printer.h"
#include "platform/internal.h"

#include <SDL_image.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/lp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"
#include "core/qr.h"
#include "core/ui/ui.h"

#define QR_PAPER_MM 40 /* a code grows to this on paper when it can */

struct printer {
	struct platform *p;
	char *device;
	struct ui *ui; /* the slip's layout: large, so kept */
	struct theme theme;
	pthread_mutex_t lock;
	pthread_t thread;
	int joinable; /* a worker was started and not yet joined */
	/* under lock: */
	enum printer_state state;
	enum printer_fault fault;
	/* the slip being written: the worker's until it is done */
	uint8_t *bytes;
	size_t n;
};

struct printer *printer_open(struct platform *p, const char *device,
			     struct err *e)
{
	struct printer *pr;
	int i;

	if (!device || !*device) {
		err_set(e, "er is geen printer ingesteld (zet 'device = ...' "
			   "onder [printer] in settings.ini in de "
			   "gegevensmap)");
		return NULL;
	}
	if (device[0] != '/') {
		err_set(e, "de printer '%s' is geen volledig pad", device);
		return NULL;
	}
	pr = xcalloc(1, sizeof(*pr));
	pr->p = p;
	pr->device = str_dup(device);
	pr->ui = xmalloc(sizeof(*pr->ui));
	pthread_mutex_init(&pr->lock, NULL);
	/* black on white, sizes for a slip read in the hand */
	pr->theme.background = (struct color){ 255, 255, 255, 255 };
	pr->theme.text = (struct color){ 0, 0, 0, 255 };
	for (i = 0; i < 2; i++) {
		pr->theme.cap_mm[i][FONT_BODY] = 2.4;
		pr->theme.cap_mm[i][FONT_BUTTON] = 2.4;
		pr->theme.cap_mm[i][FONT_TITLE] = 3.4;
		pr->theme.cap_mm[i][FONT_HERO] = 4.5;
	}
	return pr;
}

/* ---- layout: the ui on a screen as wide as the paper ---- */

/* The logo, no larger than max_w by max_h, keeping its shape; NULL when
 * it cannot be read. Caller frees. */
static SDL_Surface *logo_load(const char *path, int max_w, int max_h, int *w,
			      int *h)
{
	SDL_Surface *img = IMG_Load(path), *argb;

	if (!img) {
		log_warn("slip: cannot read the logo '%s': %s", path,
			 IMG_GetError());
		return NULL;
	}
	argb = SDL_ConvertSurfaceFormat(img, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(img);
	if (!argb || argb->w <= 0 || argb->h <= 0) {
		SDL_FreeSurface(argb);
		return NULL;
	}
	*w = max_w;
	*h = (int)((long)argb->h * max_w / argb->w);
	if (*h > max_h) {
		*h = max_h;
		*w = (int)((long)argb->w * max_h / argb->h);
	}
	if (*w < 1 || *h < 1) {
		SDL_FreeSurface(argb);
		return NULL;
	}
	return argb;
}

/* Lays s out into pr->ui's draw list; returns the height in dots, or -1
 * with e. *logo gets the loaded logo (or NULL). */
static int slip_layout(struct printer *pr, const struct slip *s, int width,
		       SDL_Surface **logo, struct err *e)
{
	struct ui *ui = pr->ui;
	struct color black = pr->theme.text;
	int m = ui_mm(ui, 1), y = ui_mm(ui, 2), gap = ui_mm(ui, 3), i;
	int inner = width - 2 * m;

	*logo = NULL;
	if (s->logo) {
		int lw, lh;

		*logo = logo_load(s->logo, inner * 2 / 3, ui_mm(ui, 18), &lw,
				  &lh);
		if (*logo) {
			draw_image(&ui->dl,
				   (struct rect){ (width - lw) / 2, y, lw, lh },
				   s->logo, 0, (struct rect){ 0, 0, 0, 0 });
			y += lh + gap;
		}
	}
	if (s->title && *s->title) {
		struct text_run run = { s->title, strlen(s->title), 1 };

		y += ui_text_runs(ui, &run, 1, FONT_TITLE, m, y, inner,
				  UI_ALIGN_CENTER, black, 0, -1, UI_RECORD) *
			     ui_line_h(ui, FONT_TITLE) +
		     gap;
	}
	for (i = 0; i < s->nlines && i < SLIP_LINES_MAX; i++)
		if (s->lines[i] && *s->lines[i])
			y += ui_text(ui, (struct rect){ m, y, inner, 0 },
				     s->lines[i], FONT_BODY, UI_ALIGN_START,
				     black) +
			     ui_mm(ui, 2);
	if (s->qr && *s->qr) {
		int total = qr_modules(strlen(s->qr)) + 2 * QR_QUIET;
		int per = ui_mm(ui, QR_PAPER_MM) / total;

		if (per < QR_MIN_PX)
			per = QR_MIN_PX;
		while (per > QR_MIN_PX && per * total > width)
			per--;
		if (total == 2 * QR_QUIET || per * total > width)
			return err_set(e,
				       "de QR-code (%zu tekens) past niet op "
				       "papier van %d mm: hoogstens %zu tekens",
				       strlen(s->qr),
				       s->paper_mm > 0 ? s->paper_mm
						       : SLIP_PAPER_MM,
				       slip_qr_max(s->paper_mm));
		y += ui_mm(ui, 1);
		draw_qr(&ui->dl,
			(struct rect){ (width - per * total) / 2, y,
				       per * total, per * total },
			s->qr);
		y += per * total;
		if (s->qr_says && *s->qr_says)
			y += ui_text(ui, (struct rect){ m, y, inner, 0 },
				     s->qr_says, FONT_BODY, UI_ALIGN_CENTER,
				     black);
		y += gap;
	}
	if (s->footer && *s->footer) {
		struct text_run run = { s->footer, strlen(s->footer), 1 };

		draw_rect(&ui->dl, (struct rect){ m, y, inner, 2 }, black, 0);
		y += ui_mm(ui, 2);
		y += ui_text_runs(ui, &run, 1, FONT_BODY, m, y, inner,
				  UI_ALIGN_CENTER, black, 0, -1, UI_RECORD) *
		     ui_line_h(ui, FONT_BODY);
	}
	y += ui_mm(ui, 2);
	if (ui->dl.overflow || y > SLIP_HEIGHT_MAX)
		return err_set(e, "het briefje is te lang om te printen");
	return y;
}

/* ---- drawing: grey dots, 255 white ---- */

struct canvas {
	uint8_t *g;
	int w, h;
};

static void canvas_rect(struct canvas *cv, struct rect r, uint8_t v)
{
	int x, y;

	for (y = r.y < 0 ? 0 : r.y; y < r.y + r.h && y < cv->h; y++)
		for (x = r.x < 0 ? 0 : r.x; x < r.x + r.w && x < cv->w; x++)
			cv->g[(size_t)y * cv->w + x] = v;
}

/* Black text through its coverage (alpha): later made black or white. */
static void canvas_text(struct printer *pr, struct canvas *cv,
			const struct draw_cmd *c)
{
	SDL_Color ink = { 0, 0, 0, 255 };
	SDL_Surface *t = platform_text_render(pr->p, c->text, c->font_px,
					      c->bold, c->rtl, ink);
	SDL_Surface *a;
	int x, y, top;

	if (!t)
		return;
	a = SDL_ConvertSurfaceFormat(t, SDL_PIXELFORMAT_ARGB8888, 0);
	SDL_FreeSurface(t);
	if (!a)
		return;
	top = c->r.y + (c->r.h - a->h) / 2;
	for (y = 0; y < a->h; y++) {
		const Uint32 *row =
			(const Uint32 *)((const uint8_t *)a->pixels +
					 (size_t)y * a->pitch);
		int cy = top + y;

		if (cy < 0 || cy >= cv->h)
			continue;
		for (x = 0; x < a->w; x++) {
			int cx = c->r.x + x;
			uint8_t v = (uint8_t)(255 - (row[x] >> 24));
			uint8_t *d;

			if (cx < 0 || cx >= cv->w)
				continue;
			d = &cv->g[(size_t)cy * cv->w + cx];
			if (v < *d)
				*d = v;
		}
	}
	SDL_FreeSurface(a);
}

/* The code module by module: every module a square of whole dots. */
static void canvas_qr(struct canvas *cv, const struct draw_cmd *c)
{
	struct qr q;
	struct err e;
	int per, x, y;

	if (qr_encode(&q, c->text, &e) < 0) {
		log_warn("slip: %s", e.msg);
		return;
	}
	per = c->r.w / (q.size + 2 * QR_QUIET);
	canvas_rect(cv, c->r, 255);
	for (y = 0; y < q.size; y++)
		for (x = 0; x < q.size; x++)
			if (q.modules[y * q.size + x])
				canvas_rect(
					cv,
					(struct rect){
						c->r.x + (QR_QUIET + x) * per,
						c->r.y + (QR_QUIET + y) * per,
						per, per },
					0);
	qr_release(&q);
}

/* The logo scaled into r, on white, dithered (Floyd-Steinberg) to black
 * and white dots so greys and colours come out as shades. */
static void canvas_logo(struct canvas *cv, SDL_Surface *logo, struct rect r)
{
	SDL_Surface *s;
	float *lum;
	int x, y;

	s = SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32,
					   SDL_PIXELFORMAT_ARGB8888);
	if (!s)
		return;
	if (SDL_SoftStretchLinear(logo, NULL, s, NULL) != 0)
		SDL_BlitScaled(logo, NULL, s, NULL);
	lum = xcalloc((size_t)r.w * r.h, sizeof(*lum));
	for (y = 0; y < r.h; y++) {
		const Uint32 *row =
			(const Uint32 *)((const uint8_t *)s->pixels +
					 (size_t)y * s->pitch);

		for (x = 0; x < r.w; x++) {
			Uint32 px = row[x];
			float a = (float)(px >> 24) / 255.0f;
			float l = 0.299f * (float)(px >> 16 & 0xFF) +
				  0.587f * (float)(px >> 8 & 0xFF) +
				  0.114f * (float)(px & 0xFF);

			lum[(size_t)y * r.w + x] = l * a + 255.0f * (1 - a);
		}
	}
	SDL_FreeSurface(s);
	for (y = 0; y < r.h; y++)
		for (x = 0; x < r.w; x++) {
			float old = lum[(size_t)y * r.w + x];
			float now = old < 128 ? 0 : 255, err = old - now;
			int cx = r.x + x, cy = r.y + y;

			if (cx >= 0 && cx < cv->w && cy >= 0 && cy < cv->h)
				cv->g[(size_t)cy * cv->w + cx] = (uint8_t)now;
			if (x + 1 < r.w)
				lum[(size_t)y * r.w + x + 1] += err * 7 / 16;
			if (y + 1 < r.h) {
				float *below = &lum[(size_t)(y + 1) * r.w + x];

				if (x > 0)
					below[-1] += err * 3 / 16;
				below[0] += err * 5 / 16;
				if (x + 1 < r.w)
					below[1] += err * 1 / 16;
			}
		}
	free(lum);
}

int printer_render(struct printer *pr, const struct slip *s, uint8_t **bits,
		   int *width, int *height, struct err *e)
{
	struct ui *ui = pr->ui;
	struct canvas cv;
	SDL_Surface *logo;
	size_t row, i;
	int w = slip_dots(s->paper_mm), h, x, y;

	*bits = NULL;
	ui_init(ui, &pr->theme, platform_metrics(pr->p), SLIP_DOTS_PER_MM);
	ui->rtl = s->rtl;
	ui_begin(ui, w, SLIP_HEIGHT_MAX, 0, pr->theme.background);
	h = slip_layout(pr, s, w, &logo, e);
	ui_end(ui);
	if (h < 0) {
		SDL_FreeSurface(logo);
		ui_wipe(ui);
		draw_list_wipe(&ui->dl);
		return -1;
	}
	cv = (struct canvas){ xmalloc((size_t)w * h), w, h };
	memset(cv.g, 255, (size_t)w * h);
	for (i = 0; i < (size_t)ui->dl.ncmds; i++) {
		const struct draw_cmd *c = &ui->dl.cmds[i];

		switch (c->kind) {
		case DRAW_RECT:
			canvas_rect(&cv, c->r,
				    (uint8_t)((c->color.r + c->color.g +
					       c->color.b) /
					      3));
			break;
		case DRAW_TEXT:
			canvas_text(pr, &cv, c);
			break;
		case DRAW_QR:
			canvas_qr(&cv, c);
			break;
		case DRAW_IMAGE:
			if (logo)
				canvas_logo(&cv, logo, c->r);
			break;
		case DRAW_FRAME:
			break;
		}
	}
	SDL_FreeSurface(logo);
	/* the words of the slip leave the layout's memory at once */
	ui_wipe(ui);
	draw_list_wipe(&ui->dl);
	row = (size_t)(w + 7) / 8;
	*bits = xcalloc(row * h, 1);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			if (cv.g[(size_t)y * w + x] < 128)
				(*bits)[(size_t)y * row + x / 8] |=
					(uint8_t)(0x80 >> (x % 8));
	explicit_bzero(cv.g, (size_t)w * h);
	free(cv.g);
	*width = w;
	*height = h;
	return 0;
}

/* ---- writing, on the worker thread ---- */

static uint64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static enum printer_fault fault_of(int err)
{
	return err == ENOENT || err == ENODEV || err == ENXIO || err == ENOTDIR
		       ? PRINTER_MISSING
		       : PRINTER_ERROR;
}

/* Writes n bytes to device; gives up when no byte is taken for
 * PRINTER_STALL_MS, or after PRINTER_TOTAL_MS in all. */
static enum printer_fault device_write(const char *device, const uint8_t *b,
				       size_t n)
{
	uint64_t start = mono_ms(), last = start;
	enum printer_fault f = PRINTER_OK;
	size_t at = 0;
	int fd, status;

	fd = open(device,
		  O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_APPEND);
	if (fd < 0)
		return fault_of(errno);
	/* a USB printer (usblp) tells about its paper; other files fail */
	if (ioctl(fd, LPGETSTATUS, &status) == 0 && (status & LP_POUTPA)) {
		close(fd);
		return PRINTER_NO_PAPER;
	}
	while (at < n) {
		ssize_t w = write(fd, b + at, n - at);
		uint64_t now = mono_ms();
		struct pollfd pf = { fd, POLLOUT, 0 };
		long left;

		if (w > 0) {
			at += (size_t)w;
			last = now;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
			f = errno == EPIPE ? PRINTER_MISSING : fault_of(errno);
			break;
		}
		left = (long)(last + PRINTER_STALL_MS) - (long)now;
		if ((long)(start + PRINTER_TOTAL_MS) - (long)now < left)
			left = (long)(start + PRINTER_TOTAL_MS) - (long)now;
		if (left <= 0) {
			f = PRINTER_STALLED;
			break;
		}
		if (poll(&pf, 1, (int)left) < 0 && errno != EINTR) {
			f = PRINTER_ERROR;
			break;
		}
	}
	if (close(fd) < 0 && f == PRINTER_OK && errno != EINTR)
		f = PRINTER_ERROR;
	return f;
}

static void *printer_worker(void *arg)
{
	struct printer *pr = arg;
	enum printer_fault f;
	sigset_t pipe;

	/* a reader that went away gives EPIPE here, not a dead kiosk */
	sigemptyset(&pipe);
	sigaddset(&pipe, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe, NULL);
	f = device_write(pr->device, pr->bytes, pr->n);
	explicit_bzero(pr->bytes, pr->n);
	free(pr->bytes);
	pthread_mutex_lock(&pr->lock);
	pr->bytes = NULL;
	pr->n = 0;
	pr->fault = f;
	pr->state = f == PRINTER_OK ? PRINTER_DONE : PRINTER_FAILED;
	pthread_mutex_unlock(&pr->lock);
	return NULL;
}

static void printer_join(struct printer *pr)
{
	if (pr->joinable) {
		pthread_join(pr->thread, NULL);
		pr->joinable = 0;
	}
}

int printer_print(struct printer *pr, const struct slip *s, struct err *e)
{
	uint8_t *bits, *bytes;
	size_t n;
	int w, h, rc;

	pthread_mutex_lock(&pr->lock);
	if (pr->state == PRINTER_BUSY) {
		pthread_mutex_unlock(&pr->lock);
		return err_set(e, "de printer is nog bezig met het vorige "
				  "briefje");
	}
	pthread_mutex_unlock(&pr->lock);
	printer_join(pr);
	if (printer_render(pr, s, &bits, &w, &h, e) < 0)
		return -1;
	rc = escpos_raster(bits, w, h, &bytes, &n, e);
	explicit_bzero(bits, (size_t)(w + 7) / 8 * h);
	free(bits);
	if (rc < 0)
		return -1;
	pthread_mutex_lock(&pr->lock);
	pr->bytes = bytes;
	pr->n = n;
	pr->state = PRINTER_BUSY;
	pr->fault = PRINTER_OK;
	pthread_mutex_unlock(&pr->lock);
	if (pthread_create(&pr->thread, NULL, printer_worker, pr) != 0) {
		explicit_bzero(bytes, n);
		free(bytes);
		pthread_mutex_lock(&pr->lock);
		pr->bytes = NULL;
		pr->state = PRINTER_IDLE;
		pthread_mutex_unlock(&pr->lock);
		return err_set(e, "kan het printen niet starten");
	}
	pr->joinable = 1;
	return 0;
}

enum printer_state printer_poll(struct printer *pr, enum printer_fault *why)
{
	enum printer_state st;

	pthread_mutex_lock(&pr->lock);
	st = pr->state;
	if (why)
		*why = pr->fault;
	if (st == PRINTER_DONE || st == PRINTER_FAILED)
		pr->state = PRINTER_IDLE; /* told once */
	pthread_mutex_unlock(&pr->lock);
	if (st == PRINTER_DONE || st == PRINTER_FAILED)
		printer_join(pr);
	return st;
}

const char *printer_fault_text(enum printer_fault f)
{
	switch (f) {
	case PRINTER_OK:
		return "Het briefje is geprint.";
	case PRINTER_MISSING:
		return "De printer is niet gevonden. Staat hij aan en zit de "
		       "kabel goed vast?";
	case PRINTER_STALLED:
		return "De printer reageert niet. Is het papier op, of staat "
		       "de klep open?";
	case PRINTER_NO_PAPER:
		return "Het papier van de printer is op. Doe een nieuwe rol "
		       "erin.";
	case PRINTER_ERROR:
		break;
	}
	return "De printer geeft een fout. Zet hem uit en weer aan, en "
	       "probeer het nog eens.";
}

void printer_close(struct printer *pr)
{
	if (!pr)
		return;
	printer_join(pr);
	pthread_mutex_destroy(&pr->lock);
	ui_wipe(pr->ui);
	free(pr->ui);
	free(pr->device);
	free(pr);
}
