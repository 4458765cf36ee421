/*
 * main: the kiosk program. Parses the command line (contract in DESIGN.md),
 * opens the platform, loads the app and runs either the touch loop or a
 * script. Owns the loop and the clock; everything else gets time passed in.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"
#include "base/util.h"
#include "core/app/app.h"
#include "core/packstore.h"
#include "core/app/script.h"
#include "platform/platform.h"

#define DEFAULT_SCREEN_INCHES 24.0

struct options {
	const char *content, *data, *script, *assets, *font, *bold_font;
	int width, height, windowed;
	double inches;
	int date;	   /* --date YYYYMMDD, 0: today's */
	int bench;	   /* print timing lines for tests/bench */
	long bench_frames; /* render this many animated frames, then exit */
	int bench_flyer;   /* time turning the pages of a flyer, then exit */
};

static void usage(FILE *f)
{
	fputs("usage: kiosk [--content DIR] [--data DIR] [--size WxH] "
	      "[--windowed]\n"
	      "             [--script FILE|-] [--screen-inches N] "
	      "[--assets DIR]\n"
	      "             [--font FILE] [--bold-font FILE]\n"
	      "\n"
	      "  --content DIR       content pack to show (default: the demo "
	      "pack content/ussen)\n"
	      "  --data DIR          folder for the kiosk's own data "
	      "(default:\n"
	      "                      $XDG_DATA_HOME/wijkkiosk or "
	      "~/.local/share/wijkkiosk)\n"
	      "  --size WxH          window size in pixels (default: the "
	      "whole display)\n"
	      "  --windowed          a normal window instead of full screen\n"
	      "  --script FILE       run a script of commands and exit; - "
	      "reads standard input\n"
	      "  --screen-inches N   diagonal of the 16:9 panel, for sizes in "
	      "mm (default 24)\n"
	      "  --assets DIR        theme and translations (default: assets/ "
	      "next to build/)\n"
	      "  --date YYYY-MM-DD   pretend it is this day (for shows_from, "
	      "show_until)\n"
	      "  --font FILE, --bold-font FILE   fonts to use instead of "
	      "DejaVu Sans\n"
	      "  --bench             print timing lines (used by make bench)\n"
	      "  --bench-frames N    paint N animated frames, print frame "
	      "times, exit\n"
	      "  --bench-flyer       time the pages of the first PDF flyer, "
	      "exit\n"
	      "\n"
	      "Without a display, set SDL_VIDEODRIVER=offscreen.\n",
	      f);
}

static int parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a, b;

	errno = 0;
	a = strtol(s, &end, 10);
	if (errno || end == s || *end != 'x' || a < 320 || a > 16384)
		return -1;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (errno || end == s || *end || b < 240 || b > 16384)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **target = NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			exit(0);
		}
		if (strcmp(a, "--windowed") == 0) {
			o->windowed = 1;
			continue;
		}
		if (strcmp(a, "--bench") == 0) {
			o->bench = 1;
			continue;
		}
		if (strcmp(a, "--bench-flyer") == 0) {
			o->bench = o->bench_flyer = 1;
			continue;
		}
		if (strcmp(a, "--bench-frames") == 0) {
			char *end;

			if (i + 1 >= argc ||
			    (o->bench_frames = strtol(argv[i + 1], &end, 10)) <
				    1 ||
			    o->bench_frames > 1000000 || *end) {
				fprintf(stderr, "kiosk: --bench-frames needs a "
						"number from 1 to 1000000\n");
				return -1;
			}
			o->bench = 1;
			i++;
			continue;
		}
		if (strcmp(a, "--content") == 0)
			target = &o->content;
		else if (strcmp(a, "--data") == 0)
			target = &o->data;
		else if (strcmp(a, "--script") == 0)
			target = &o->script;
		else if (strcmp(a, "--assets") == 0)
			target = &o->assets;
		else if (strcmp(a, "--font") == 0)
			target = &o->font;
		else if (strcmp(a, "--bold-font") == 0)
			target = &o->bold_font;
		else if (strcmp(a, "--date") == 0) {
			if (i + 1 >= argc ||
			    date_parse(argv[i + 1], &o->date) < 0) {
				fprintf(stderr,
					"kiosk: --date needs a day as "
					"YYYY-MM-DD, such as 2026-12-31\n");
				return -1;
			}
			i++;
			continue;
		} else if (strcmp(a, "--size") != 0 &&
			   strcmp(a, "--screen-inches") != 0) {
			fprintf(stderr, "kiosk: unknown option '%s'\n", a);
			usage(stderr);
			return -1;
		}
		if (i + 1 >= argc || !argv[i + 1][0]) {
			fprintf(stderr, "kiosk: option '%s' needs a value\n",
				a);
			return -1;
		}
		i++;
		if (target) {
			*target = argv[i];
		} else if (strcmp(a, "--size") == 0) {
			if (parse_size(argv[i], &o->width, &o->height) < 0) {
				fprintf(stderr,
					"kiosk: bad size '%s': use "
					"WIDTHxHEIGHT, such as 1920x1080 "
					"(at least 320x240)\n",
					argv[i]);
				return -1;
			}
		} else {
			char *end;

			o->inches = strtod(argv[i], &end);
			if (end == argv[i] || *end || o->inches < 5 ||
			    o->inches > 120) {
				fprintf(stderr,
					"kiosk: bad screen size '%s': "
					"give the diagonal in inches, "
					"from 5 to 120\n",
					argv[i]);
				return -1;
			}
		}
	}
	return 0;
}

struct host_ctx {
	struct platform *p;
	struct platform_signals *sig;
};

static int host_shot(void *ctx, const struct draw_list *dl, const char *path,
		     struct err *e)
{
	struct host_ctx *h = ctx;

	return platform_save_png(h->p, dl, path, e);
}

static void host_present(void *ctx, const struct draw_list *dl)
{
	struct host_ctx *h = ctx;

	if (platform_present(h->p, dl, 0))
		platform_prefetch(h->p, dl);
}

/* `key NAME`: the platform puts the key into SDL's queue as a keyboard
 * would, and what comes out of platform_wait reaches the app as in the
 * touch loop. */
static int host_key(void *ctx, struct app *a, const char *name, uint64_t now,
		    struct err *e)
{
	struct host_ctx *h = ctx;
	struct platform_event ev;

	if (platform_key(h->p, name, e) < 0)
		return -1;
	while (platform_wait(h->p, 0, &ev))
		if (ev.kind == PEV_POINTER)
			app_pointer(a, ev.ptr, ev.x, ev.y, now);
	return 0;
}

static int host_wait_input(void *ctx, FILE *f)
{
	struct host_ctx *h = ctx;

	if (platform_wait_input(h->sig, fileno(f)) == 0)
		return 0;
	log_info("SIGTERM: stopping");
	return -1;
}

static int run_script(struct app *a, struct platform *p,
		      struct platform_signals *sig, const char *script)
{
	struct host_ctx hc = { p, sig };
	struct script_host host = {
		&hc,	host_shot, platform_headless(p) ? NULL : host_present,
		stdout, host_key,  host_wait_input
	};
	struct script_run run = { a, &host, a->now };
	FILE *f = strcmp(script, "-") == 0 ? stdin : fopen(script, "r");
	int rc;

	if (!f) {
		fprintf(stderr, "kiosk: cannot open script '%s': %s\n", script,
			strerror(errno));
		return 1;
	}
	/* read a pipe a byte at a time, so waiting for the next line never
	 * misses a line already in a buffer */
	if (f == stdin)
		setvbuf(stdin, NULL, _IONBF, 0);
	rc = script_run_file(&run, f, script);
	if (f != stdin)
		fclose(f);
	return rc == 0 ? 0 : 1;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* Paints n frames of the attract screen's animation as fast as it can, a
 * full repaint each, and prints the median and 99th percentile. */
static void bench_frames(struct app *a, struct platform *p, long n)
{
	uint64_t *t = xcalloc((size_t)n, sizeof(*t)), now = a->now;
	long i;

	for (i = 0; i < n; i++) {
		uint64_t t0 = mono_ns();

		/* 60 frames a second of simulated time: highlights change
		 * and fade in as they would on the real screen */
		now += 16;
		app_advance(a, now);
		a->fading = 1;
		if (now >= a->highlight_since + APP_FADE_MS)
			a->highlight_since = now; /* keep the fade running */
		platform_present(p, app_frame(a), 1);
		t[i] = mono_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("bench: frame-ms p50 %.3f p99 %.3f\n", t[n / 2] / 1e6,
	       t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1e6);
	fflush(stdout);
	free(t);
}

/* Installed packs: when the staff tool swaps data/current, the kiosk
 * loads the new pack once nobody is using it and, if it is whole, shows
 * it from the attract screen. A pack that does not load is logged and the
 * old one stays. */
struct watch {
	const char *data;
	char current[PATH_MAX];
	uint64_t next_look;
};

#define WATCH_MS 3000

static void watch_look(struct watch *w, struct app *a, uint64_t now)
{
	char cur[PATH_MAX];
	struct err e = { "" };
	struct content *c;

	if (!w->data || now < w->next_look)
		return;
	w->next_look = now + WATCH_MS;
	if (packstore_current(w->data, cur, sizeof(cur)) < 0 ||
	    strcmp(cur, w->current) == 0)
		return;
	/* never pull the page from under a visitor: swap when the kiosk
	 * rests (attract or out-of-order screen), which the idle wipe
	 * brings about at the latest */
	if (a->screen != SCREEN_ATTRACT && a->screen != SCREEN_BROKEN)
		return;
	str_copy(w->current, sizeof(w->current), cur);
	c = content_load(cur, CONTENT_QUICK, NULL, NULL, NULL, &e);
	if (!c) {
		log_error("new content pack '%s' not shown: %s", cur, e.msg);
		return;
	}
	log_info("new content pack installed: showing '%s'", cur);
	str_copy(a->content_dir, sizeof(a->content_dir), cur);
	app_set_content(a, c);
}

/* Time to paint a flyer page: the first view (rendered then), the next
 * page (rendered ahead while the first was shown), and a page seen before
 * (from the texture cache). Uses the first PDF flyer of the pack. */
static int bench_flyer(struct app *a, struct platform *p)
{
	int t, f, got = 0;
	uint64_t ns[3];
	static const int pages[3] = { 1, 2, 1 };

	for (t = 0; t < a->content->ntiles && !got; t++)
		for (f = 0; f < a->content->tiles[t].nflyers && !got; f++)
			if (a->content->tiles[t].flyers[f].is_pdf &&
			    a->content->tiles[t].flyers[f].file) {
				a->tile = t;
				a->item = f;
				got = 1;
			}
	if (!got) {
		fprintf(stderr,
			"kiosk: --bench-flyer: no PDF flyer in the pack\n");
		return 1;
	}
	a->screen = SCREEN_FLYER;
	for (t = 0; t < 3; t++) {
		uint64_t t0 = mono_ns();

		a->flyer_page = pages[t];
		platform_present(p, app_frame(a), 1);
		ns[t] = mono_ns() - t0;
		/* the visitor reads; meanwhile the next page is rendered */
		platform_prefetch(p, app_frame(a));
	}
	printf("bench: flyer-ms first %.3f next %.3f again %.3f\n", ns[0] / 1e6,
	       ns[1] / 1e6, ns[2] / 1e6);
	return 0;
}

static void run_loop(struct app *a, struct platform *p, int bench, int date,
		     struct watch *w)
{
	int force = 1;

	platform_present(p, app_frame(a), 1);
	if (bench) {
		printf("bench: first-frame-ns %llu\n",
		       (unsigned long long)mono_ns());
		fflush(stdout);
	}

	for (;;) {
		struct platform_event ev;
		int64_t wake = app_wakeup_in(a);
		int got;

		if (w->data && (wake < 0 || wake > WATCH_MS))
			wake = WATCH_MS;
		got = platform_wait(p, (int)wake, &ev);

		/* take every event that is already waiting before painting */
		while (got) {
			if (ev.kind == PEV_QUIT) {
				log_info("SIGTERM: stopping");
				return;
			}
			if (ev.kind == PEV_EXPOSE)
				force = 1;
			else if (ev.kind == PEV_RESCAN) /* SIGHUP */
				w->next_look = 0;
			else if (ev.kind == PEV_POINTER)
				app_pointer(a, ev.ptr, ev.x, ev.y,
					    platform_ticks());
			got = platform_wait(p, 0, &ev);
		}
		app_set_today(a, date ? date : platform_today());
		app_advance(a, platform_ticks());
		watch_look(w, a, platform_ticks());
		if (platform_present(p, app_frame(a), force))
			platform_prefetch(p, &a->ui.dl);
		force = 0;
	}
}

/* The data folder: made when missing, then proved writable. Only its
 * last folder is made (for the default below $HOME, the XDG folders too),
 * so a mistyped --data never grows a tree of folders. A folder that is a
 * file, cannot be made, is read-only or on a full disk does not stop the
 * kiosk: it logs why, once, and writes nothing. Returns 1 when the kiosk
 * may write there. */
static int data_prepare(const char *data, int is_default)
{
	const char *base = is_default ? path_default_data_base(data) : NULL;
	struct err e = { "" };

	if (path_mkdir_below(data, base, &e) == 0 &&
	    path_probe_write(data, &e) == 0)
		return 1;
	log_error("data folder unusable, running without saving: %s", e.msg);
	return 0;
}

/* The pack to show when none is named: the installed one, else the one
 * installed before it, else the demo pack already in `content`. A data
 * folder that cannot be read simply has no installed pack. */
static void pick_installed(struct watch *w, const char *data, char *content,
			   size_t size)
{
	char cur[PATH_MAX];
	struct err ce = { "" };
	struct content *c;

	w->data = data;
	if (packstore_current(data, cur, sizeof(cur)) < 0)
		return;
	str_copy(w->current, sizeof(w->current), cur);
	c = content_load(cur, CONTENT_QUICK, NULL, NULL, NULL, &ce);
	if (c) {
		content_free(c);
		str_copy(content, size, cur);
		return;
	}
	if (packstore_previous(data, cur, sizeof(cur)) == 0) {
		log_error("installed pack cannot be shown (%s); showing the "
			  "previous one",
			  ce.msg);
		str_copy(content, size, cur);
	} else {
		log_error("installed pack cannot be shown (%s); showing the "
			  "demo pack",
			  ce.msg);
	}
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct watch watch = { 0 };
	struct platform_config pc = { 0 };
	struct app_config ac = { 0 };
	struct platform *p;
	struct platform_signals *sig;
	struct app *a;
	struct err e = { "" };
	char home[PATH_MAX], content[PATH_MAX + 32], assets[PATH_MAX + 32];
	char data[PATH_MAX];
	int w, h, rc = 0, data_ok;
	uint64_t start;

	o.inches = DEFAULT_SCREEN_INCHES;
	if (parse_args(argc, argv, &o) < 0)
		return 2;
	path_home(home, sizeof(home));
	snprintf(content, sizeof(content), "%s/content/ussen", home);
	snprintf(assets, sizeof(assets), "%s/assets", home);
	if (o.assets)
		str_copy(assets, sizeof(assets), o.assets);
	if (o.data)
		str_copy(data, sizeof(data), o.data);
	else
		path_default_data(data, sizeof(data));
	if (o.content)
		str_copy(content, sizeof(content), o.content);
	else
		pick_installed(&watch, data, content, sizeof(content));
	if (o.content && !path_is_dir(content)) {
		fprintf(stderr,
			"kiosk: content folder '%s' does not exist: "
			"pass --content DIR with a content pack\n",
			content);
		return 1;
	}
	data_ok = data_prepare(data, !o.data);

	/* SIGTERM ends the kiosk cleanly, other signals are logged; a public
	 * kiosk ignores Ctrl+C, a script run (tests, previews) ends on it */
	sig = platform_signals_init(!o.script, &e);
	if (!sig) {
		fprintf(stderr, "kiosk: %s\n", e.msg);
		return 1;
	}
	pc.width = o.width;
	pc.height = o.height;
	pc.windowed = o.windowed;
	pc.font_path = o.font;
	pc.bold_font_path = o.bold_font;
	p = platform_open(&pc, &e);
	if (!p) {
		fprintf(stderr, "kiosk: %s\n", e.msg);
		return 1;
	}
	platform_size(p, &w, &h);
	ac.content_dir = content;
	ac.assets_dir = assets;
	ac.width = w;
	ac.height = h;
	/* a 16:9 panel: width = diagonal * 16 / sqrt(16^2 + 9^2) */
	ac.screen_width_mm = o.inches * 25.4 * 16.0 / 18.357559;
	ac.metrics = platform_metrics(p);
	a = xcalloc(1, sizeof(*a));
	/* scripts run on a simulated clock that starts at zero */
	start = o.script ? 0 : platform_ticks();
	if (app_init(a, &ac, start, &e) < 0) {
		fprintf(stderr, "kiosk: %s\n", e.msg);
		free(a);
		platform_close(p);
		return 1;
	}
	app_set_today(a, o.date ? o.date : platform_today());
	if (a->content)
		log_info("showing '%s' at %dx%d, data in '%s'%s", content, w, h,
			 data, data_ok ? "" : " (not written)");
	if (o.script)
		rc = run_script(a, p, sig, o.script);
	else if (o.bench_frames)
		bench_frames(a, p, o.bench_frames);
	else if (o.bench_flyer)
		rc = a->content ? bench_flyer(a, p) : 1;
	else
		run_loop(a, p, o.bench, o.date, &watch);
	app_release(a);
	free(a);
	platform_close(p);
	return rc;
}
