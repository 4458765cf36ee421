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
#include "core/app/pickup.h"
#include "core/packstore.h"
#include "core/app/script.h"
#include "core/settings.h"
#include "platform/platform.h"
#include "platform/speech.h"

#define DEFAULT_SCREEN_INCHES 24.0

struct options {
	const char *content, *data, *script, *assets, *font, *bold_font;
	const char *audio_out; /* --audio-out: everything spoken, as WAV */
	int width, height, windowed;
	double inches;
	int date;	   /* --date YYYYMMDD, 0: today's */
	int bench;	   /* print timing lines for tests/bench */
	long bench_frames; /* render this many animated frames, then exit */
	int bench_flyer;   /* time turning the pages of a flyer, then exit */
	const char *bench_page;	 /* tile whose page --bench-page paints */
	const char *bench_swipe; /* tile whose page --bench-swipe swipes */
	long bench_n;		 /* frames or gestures for those two */
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
	      "  --audio-out FILE    also write everything read aloud to FILE "
	      "(WAV)\n"
	      "  --font FILE, --bold-font FILE   fonts to use instead of "
	      "DejaVu Sans\n"
	      "  --bench             print timing lines (used by make bench)\n"
	      "  --bench-frames N    paint N animated frames, print frame "
	      "times, exit\n"
	      "  --bench-flyer       time the pages of the first PDF flyer, "
	      "exit\n"
	      "  --bench-page TILE N   paint N frames of a tile's page, "
	      "print frame times\n"
	      "  --bench-swipe TILE N  swipe N times across a tile's page, "
	      "print CPU time\n"
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
		if (strcmp(a, "--bench-page") == 0 ||
		    strcmp(a, "--bench-swipe") == 0) {
			char *end;

			if (i + 2 >= argc ||
			    (o->bench_n = strtol(argv[i + 2], &end, 10)) < 1 ||
			    o->bench_n > 1000000 || *end) {
				fprintf(stderr,
					"kiosk: %s needs a tile and a number "
					"from 1 to 1000000\n",
					a);
				return -1;
			}
			if (a[8] == 'p')
				o->bench_page = argv[i + 1];
			else
				o->bench_swipe = argv[i + 1];
			o->bench = 1;
			i += 2;
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
		else if (strcmp(a, "--audio-out") == 0)
			target = &o->audio_out;
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

/* The running kiosk: what the loop keeps between turns. The script runner
 * uses it too, on its simulated clock. */
struct loop {
	struct app *a;
	struct platform *p;
	int date;	  /* --date, 0: today's */
	const char *data; /* data folder watched for installed packs */
	struct pickup pick;
	int dirty;	     /* something changed: build a frame */
	int force;	     /* paint it even when it looks the same */
	uint64_t painted_ns; /* when the last frame was painted (bench) */

	/* read aloud: opened at the first "Lees voor", so start-up pays
	 * nothing for it */
	struct speech *speech;
	struct speech_config speech_cfg;
	int speech_failed; /* it would not open: said once in the log */
	int scripted;	   /* a script run: speech follows its clock */
	struct platform_signals *sig; /* SIGTERM and friends, as events */
};

/* Carries the app's read-aloud requests to the speech engine, and tells
 * the app which sentence is being heard. */
static void speech_sync(struct loop *l, uint64_t now)
{
	const char *lang = "nl";
	const char *const *lines = NULL;
	struct err e = { "" };
	int n = 0, cur;

	switch (app_speech_take(l->a, &lang, &lines, &n)) {
	case APP_SPEECH_START:
		if (!l->speech && !l->speech_failed) {
			l->speech = speech_open(&l->speech_cfg, &e);
			if (!l->speech) {
				l->speech_failed = 1;
				log_error("read aloud is not available: %s",
					  e.msg);
			}
		}
		if (!l->speech ||
		    speech_say(l->speech, lang, lines, n, &e) < 0) {
			app_speech_heard(l->a, -1);
			l->dirty = 1;
			break;
		}
		/* a script's clock jumps: have every sound ready for it */
		if (l->scripted)
			speech_flush(l->speech);
		break;
	case APP_SPEECH_STOP:
		if (l->speech)
			speech_stop(l->speech);
		break;
	case APP_SPEECH_NONE:
		break;
	}
	if (!l->speech)
		return;
	speech_tick(l->speech, now);
	cur = speech_sentence(l->speech);
	if (cur != l->a->speaking) {
		app_speech_heard(l->a, cur);
		l->dirty = 1;
	}
}

static int host_shot(void *ctx, const struct draw_list *dl, const char *path,
		     struct err *e)
{
	struct loop *l = ctx;

	return platform_save_png(l->p, dl, path, e);
}

static void host_present(void *ctx, const struct draw_list *dl)
{
	struct loop *l = ctx;

	if (platform_present(l->p, dl, 0))
		platform_prefetch(l->p, dl);
}

static void pickup_look(struct loop *l, uint64_t now);

static void host_tick(void *ctx, uint64_t now)
{
	pickup_look(ctx, now);
	speech_sync(ctx, now);
}

/* `key NAME`: the platform puts the key into SDL's queue as a keyboard
 * would, and what comes out of platform_wait reaches the app as in the
 * touch loop. */
static int host_key(void *ctx, struct app *a, const char *name, uint64_t now,
		    struct err *e)
{
	struct loop *l = ctx;
	struct platform_event ev;

	if (platform_key(l->p, name, e) < 0)
		return -1;
	while (platform_wait(l->p, 0, &ev))
		if (ev.kind == PEV_POINTER)
			app_pointer(a, ev.ptr, ev.x, ev.y, now);
	return 0;
}

static int host_wait_input(void *ctx, FILE *f)
{
	struct loop *l = ctx;

	if (platform_wait_input(l->sig, fileno(f)) == 0)
		return 0;
	log_info("SIGTERM: stopping");
	return -1;
}

static int run_script(struct loop *l, const char *script)
{
	struct script_host host = {
		.ctx = l,
		.shot = host_shot,
		.present = platform_headless(l->p) ? NULL : host_present,
		.out = stdout,
		.tick = host_tick,
		.key = host_key,
		.wait_input = host_wait_input,
	};
	struct script_run run = { l->a, &host, l->a->now };
	FILE *f = strcmp(script, "-") == 0 ? stdin : fopen(script, "r");
	int rc;

	if (!f) {
		fprintf(stderr, "kiosk: cannot open script '%s': %s\n", script,
			strerror(errno));
		return 1;
	}
	/* commands from a program arrive as they are written: unbuffered, a
	 * line read is never followed by lines hidden in stdio's buffer
	 * while the runner waits on the descriptor for more */
	if (f == stdin)
		setvbuf(f, NULL, _IONBF, 0);
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
		app_bench_fade(a); /* keep the fade running */
		platform_present(p, app_frame(a), 1);
		t[i] = mono_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("bench: frame-ms p50 %.3f p99 %.3f\n", t[n / 2] / 1e6,
	       t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1e6);
	fflush(stdout);
	free(t);
}

/* ---- the app as the benchmarks drive it ---- */

/* Shows tile t's own view (page, cards, flyer grid) as after a tap on
 * the home screen. */
static void bench_open_tile(struct app *a, int t)
{
	app_open(a, (struct place){ .route = ROUTE_HOME });
	app_open(a, (struct place){ .route = ROUTE_TILE, .tile = t });
}

/* Index of the tile whose folder is named id, or -1. */
static int bench_find_tile(const struct app *a, const char *id)
{
	int t;

	for (t = 0; a->content && t < a->content->ntiles; t++)
		if (strcmp(a->content->tiles[t].id, id) == 0)
			return t;
	return -1;
}

/* ---- installed packs ---- */

/* Reads data/current when the pickup rule says it is time, and shows a
 * new pack when the rule says so (see core/app/pickup.h). */
static void pickup_look(struct loop *l, uint64_t now)
{
	char cur[PATH_MAX];
	struct err e = { "" };
	struct content *c;

	if (!pickup_due(&l->pick, now))
		return;
	if (pickup_decide(&l->pick,
			  packstore_current(l->data, cur, sizeof(cur)) == 0
				  ? cur
				  : NULL,
			  app_resting(l->a)) != PICKUP_SWITCH)
		return;
	c = content_load(cur, CONTENT_QUICK, NULL, NULL, NULL, &e);
	if (!c) {
		log_error("new content pack '%s' not shown: %s", cur, e.msg);
		return;
	}
	log_info("new content pack installed: showing '%s'", cur);
	app_set_content(l->a, c, cur);
	l->dirty = 1;
}

/* ---- the loop ---- */

static int64_t min_wait(int64_t a, int64_t b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/* One turn of the loop: sleeps until an event or the next thing that
 * changes (a timer, an animation step, a look for installed packs; at
 * most max_ms, -1: no limit), takes every waiting event, and builds and
 * paints a frame only when something changed. A run of finger moves
 * counts as its last move. Returns 1 on SIGTERM. */
static int loop_turn(struct loop *l, int64_t max_ms)
{
	struct app *a = l->a;
	struct platform_event ev, move;
	int64_t app_in = app_wakeup_in(a), wait;
	uint64_t due = platform_ticks() + (uint64_t)(app_in < 0 ? 0 : app_in);
	uint64_t now;
	int got, have_move = 0, today;

	wait = min_wait(app_in, pickup_wakeup_in(&l->pick, platform_ticks()));
	if (l->speech)
		wait = min_wait(wait, speech_wakeup_in(l->speech));
	wait = min_wait(wait, max_ms);
	if (l->dirty)
		wait = 0;
	got = platform_wait(l->p, wait > INT_MAX ? INT_MAX : (int)wait, &ev);
	while (got) {
		if (ev.kind == PEV_QUIT) {
			log_info("SIGTERM: stopping");
			return 1;
		}
		if (ev.kind == PEV_POINTER && ev.ptr == UI_PTR_MOVE) {
			move = ev;
			have_move = 1;
		} else {
			if (have_move)
				app_pointer(a, move.ptr, move.x, move.y,
					    platform_ticks());
			have_move = 0;
			if (ev.kind == PEV_EXPOSE)
				l->force = 1;
			else if (ev.kind == PEV_RESCAN) /* SIGHUP */
				l->pick.next_look = 0;
			else if (ev.kind == PEV_POINTER)
				app_pointer(a, ev.ptr, ev.x, ev.y,
					    platform_ticks());
		}
		l->dirty = 1;
		got = platform_wait(l->p, 0, &ev);
	}
	if (have_move)
		app_pointer(a, move.ptr, move.x, move.y, platform_ticks());
	now = platform_ticks();
	today = l->date ? l->date : platform_today();
	if (today != a->today) {
		app_set_today(a, today);
		l->dirty = 1;
	}
	if (app_in >= 0 && now >= due)
		l->dirty = 1; /* a timer or an animation step */
	app_advance(a, now);
	pickup_look(l, now);
	speech_sync(l, now);
	if (l->dirty) {
		if (platform_present(l->p, app_frame(a), l->force)) {
			l->painted_ns = mono_ns();
			platform_prefetch(l->p, &a->ui.dl);
		}
		l->dirty = l->force = 0;
	}
	return 0;
}

static void run_loop(struct loop *l, int bench)
{
	platform_present(l->p, app_frame(l->a), 1);
	if (bench) {
		printf("bench: first-frame-ns %llu\n",
		       (unsigned long long)mono_ns());
		fflush(stdout);
	}
	while (!loop_turn(l, -1))
		;
}

/* ---- benchmarks (make bench) ---- */

static uint64_t cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One loop turn that takes every queued event and paints the result. */
static void bench_settle(struct loop *l)
{
	loop_turn(l, 0);
}

/* Paints n frames of tile id's page as fast as it can, a full repaint
 * each: the cost of a frame that shows a page, whatever its length. */
static int bench_page(struct loop *l, const char *id, long n)
{
	struct app *a = l->a;
	uint64_t *t, now = a->now;
	int tile = bench_find_tile(a, id);
	long i;

	if (tile < 0) {
		fprintf(stderr, "kiosk: --bench-page: no tile '%s'\n", id);
		return 1;
	}
	bench_open_tile(a, tile);
	t = xcalloc((size_t)n, sizeof(*t));
	for (i = 0; i < n; i++) {
		uint64_t t0 = mono_ns();

		now += 16;
		app_advance(a, now);
		platform_present(l->p, app_frame(a), 1);
		t[i] = mono_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("bench: page-ms p50 %.3f p99 %.3f\n", t[n / 2] / 1e6,
	       t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1e6);
	free(t);
	return 0;
}

/* Swipes n times to the left across tile id's page through the real
 * event path (touch events, the loop's turns, frames only when something
 * changed), and prints the median CPU time of one gesture. Each event is
 * handled before the next arrives, as a finger on a kiosk does. */
static int bench_swipe(struct loop *l, const char *id, long n)
{
	struct app *a = l->a;
	int tile = bench_find_tile(a, id), steps = 12, k;
	int y = a->height / 2, from = a->width * 4 / 5, to = a->width / 5;
	uint64_t *t;
	long i;

	if (tile < 0) {
		fprintf(stderr, "kiosk: --bench-swipe: no tile '%s'\n", id);
		return 1;
	}
	bench_open_tile(a, tile);
	l->dirty = l->force = 1;
	bench_settle(l);
	t = xcalloc((size_t)n, sizeof(*t));
	for (i = 0; i < n; i++) {
		uint64_t t0 = cpu_ns();

		/* back to the first part now and then: a page has an end */
		if (i % 8 == 0) {
			bench_open_tile(a, tile);
			l->dirty = 1;
			bench_settle(l);
			t0 = cpu_ns();
		}
		platform_push_pointer(l->p, UI_PTR_DOWN, from, y);
		bench_settle(l);
		for (k = 1; k <= steps; k++) {
			platform_push_pointer(
				l->p, k == steps ? UI_PTR_UP : UI_PTR_MOVE,
				from + (to - from) * k / steps, y);
			bench_settle(l);
		}
		t[i] = cpu_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("bench: swipe-cpu-ms p50 %.3f\n", t[n / 2] / 1e6);
	free(t);
	return 0;
}

/* Taps the button labelled `label` through the real event path and
 * returns the milliseconds from the finger lifting to the screen it leads
 * to painted. */
static double bench_tap(struct loop *l, const char *label)
{
	const struct hit *h = draw_list_find_hit(&l->a->ui.dl, label);
	uint64_t t0;
	int x, y;

	if (!h)
		return -1;
	x = h->r.x + h->r.w / 2;
	y = h->r.y + h->r.h / 2;
	platform_push_pointer(l->p, UI_PTR_DOWN, x, y);
	bench_settle(l);
	/* a tap counts when the finger lifts */
	t0 = mono_ns();
	platform_push_pointer(l->p, UI_PTR_UP, x, y);
	bench_settle(l);
	return (l->painted_ns - t0) / 1e6;
}

/* Time from a tap on a PDF flyer's thumbnail to its first page on
 * screen, then from a tap on "next" to the second page (rendered ahead
 * while the first was shown), then back to the first (from the cache).
 * Uses the first PDF flyer of the pack, through the real event path. */
static int bench_flyer(struct loop *l)
{
	struct app *a = l->a;
	int t, f, got = 0;
	double ms[3];
	const char *title = NULL;

	for (t = 0; t < a->content->ntiles && !got; t++)
		for (f = 0; f < a->content->tiles[t].nflyers && !got; f++)
			if (a->content->tiles[t].flyers[f].is_pdf &&
			    a->content->tiles[t].flyers[f].file) {
				bench_open_tile(a, t);
				title = text_get(
					&a->content->tiles[t].flyers[f].title,
					0);
				got = 1;
			}
	if (!got) {
		fprintf(stderr,
			"kiosk: --bench-flyer: no PDF flyer in the pack\n");
		return 1;
	}
	l->dirty = l->force = 1;
	bench_settle(l);
	ms[0] = bench_tap(l, title);
	ms[1] = bench_tap(l, app_tr(a, "nav.next"));
	ms[2] = bench_tap(l, app_tr(a, "nav.previous"));
	if (ms[0] < 0 || ms[1] < 0 || ms[2] < 0) {
		fprintf(stderr, "kiosk: --bench-flyer: no button for the "
				"flyer or its pages\n");
		return 1;
	}
	printf("bench: flyer-ms first %.3f next %.3f again %.3f\n", ms[0],
	       ms[1], ms[2]);
	return 0;
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
static void pick_installed(struct loop *l, char *watched, size_t wsize,
			   const char *data, char *content, size_t size)
{
	char cur[PATH_MAX];
	struct err ce = { "" };
	struct content *c;

	l->data = data;
	if (packstore_current(data, cur, sizeof(cur)) < 0)
		return;
	str_copy(watched, wsize, cur);
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
	struct loop loop = { 0 };
	char watched[PATH_MAX] = "";
	struct platform_config pc = { 0 };
	struct app_config ac = { 0 };
	struct platform *p;
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
	if (o.content) {
		str_copy(content, sizeof(content), o.content);
	} else {
		pick_installed(&loop, watched, sizeof(watched), data, content,
			       sizeof(content));
	}
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
	loop.sig = platform_signals_init(!o.script, &e);
	if (!loop.sig) {
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
	loop.a = a;
	loop.p = p;
	loop.date = o.date;
	loop.scripted = o.script != NULL;
	{
		/* the volume is the kiosk's own setting, not the pack's */
		struct settings st;
		struct err se = { "" };

		if (settings_load(&st, data, &se) < 0)
			log_error("%s", se.msg);
		loop.speech_cfg.wav_path = o.audio_out;
		loop.speech_cfg.volume_pct = st.volume >= 0 ? st.volume : 100;
		loop.speech_cfg.use_device = !platform_headless(p);
		settings_release(&st);
	}
	if (loop.data)
		pickup_init(&loop.pick, watched, start);
	if (o.script)
		rc = run_script(&loop, o.script);
	else if (o.bench_frames)
		bench_frames(a, p, o.bench_frames);
	else if (o.bench_page)
		rc = bench_page(&loop, o.bench_page, o.bench_n);
	else if (o.bench_swipe)
		rc = bench_swipe(&loop, o.bench_swipe, o.bench_n);
	else if (o.bench_flyer)
		rc = a->content ? bench_flyer(&loop) : 1;
	else
		run_loop(&loop, o.bench);
	speech_close(loop.speech);
	app_release(a);
	free(a);
	platform_close(p);
	return rc;
}
