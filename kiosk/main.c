/*
 * main: the kiosk program. Parses the command line (contract in DESIGN.md),
 * finds the data folder and the pack to show, opens the platform, loads
 * the app and hands it to the loop (loop.c), a script or a benchmark
 * (bench.c). Time is passed into everything below.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "base/err.h"
#include "base/isoweek.h"
#include "base/log.h"
#include "base/util.h"
#include "bench.h"
#include "core/app/app.h"
#include "core/app/pickup.h"
#include "core/packstore.h"
#include "core/settings.h"
#include "core/store/signups.h"
#include "core/store/store.h"
#include "loop.h"
#include "platform/platform.h"
#include "platform/speech.h"

#define DEFAULT_SCREEN_INCHES 24.0

struct options {
	const char *content, *data, *script, *assets, *font, *bold_font;
	const char *audio_out; /* --audio-out: everything spoken, as WAV */
	int width, height, windowed;
	double inches;
	int date;	   /* --date YYYYMMDD, 0: today's */
	int minute;	   /* --time HH:MM as minutes, -1: the clock's */
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
	      "  --time HH:MM        pretend it is this time of day (opening "
	      "hours, events)\n"
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
		else if (strcmp(a, "--time") == 0) {
			int hh, mm;
			char end;

			if (i + 1 >= argc ||
			    sscanf(argv[i + 1], "%d:%d%c", &hh, &mm, &end) !=
				    2 ||
			    hh < 0 || hh > 23 || mm < 0 || mm > 59) {
				fprintf(stderr, "kiosk: --time needs a time "
						"as HH:MM, such as 14:30\n");
				return -1;
			}
			o->minute = hh * 60 + mm;
			i++;
			continue;
		} else if (strcmp(a, "--date") == 0) {
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

/* Every SQLite file of the kiosk is checked at start (PRAGMA
 * quick_check, inside store_open): a damaged one is moved aside with the
 * date in its name, logged, and a fresh one used, so the public sees the
 * kiosk and not an error. A file that is not there yet is made at the
 * first response. The sign-up file is checked the same way when its
 * expired sign-ups are removed at start (loop_signups_tidy). */
static void check_stores(struct loop *l)
{
	struct err e = { "" };

	if (!l->data_ok || access(l->store_path, F_OK) < 0)
		return;
	l->store = store_open(l->store_path, l->a->today, &e);
	if (!l->store)
		log_error("survey answers cannot be saved: %s", e.msg);
}

/* The wall clock in seconds when the app's clock starts: the real one,
 * or for a script the --date (default 2026-01-01) at --time (default
 * noon), so a script's lockouts do not depend on when it runs. */
static int64_t wall_start(const struct options *o)
{
	struct tm tm = { 0 };
	int date = o->date ? o->date : 20260101;
	int minute = o->minute >= 0 ? o->minute : 12 * 60;

	if (!o->script)
		return (int64_t)time(NULL);
	tm.tm_year = date / 10000 - 1900;
	tm.tm_mon = date / 100 % 100 - 1;
	tm.tm_mday = date % 100;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	return (int64_t)timegm(&tm);
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct loop loop = { 0 };
	struct fleet fleet;
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
	o.minute = -1;
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
	/* systemd's watchdog variables are read before any thread starts */
	if (!o.script)
		loop.wd = watchdog_open();

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
	/* a script keeps to one time of day unless told otherwise: its runs
	 * must not depend on when they run */
	app_set_minute(a, o.minute >= 0 ? o.minute
			  : o.script	? 12 * 60
					: platform_minute());
	if (a->content)
		log_info("showing '%s' at %dx%d, data in '%s'%s", content, w, h,
			 data, data_ok ? "" : " (not written)");
	loop.a = a;
	loop.p = p;
	loop.date = o.date;
	loop.minute = o.minute;
	loop.data_ok = data_ok;
	snprintf(loop.store_path, sizeof(loop.store_path), "%s/%s", data,
		 STORE_FILE);
	snprintf(loop.signups_path, sizeof(loop.signups_path), "%s/%s", data,
		 SIGNUPS_FILE);
	loop_signups_tidy(&loop);
	{
		struct app_survey_sink sink = { &loop, loop_sink_save,
						loop_sink_results };

		struct app_signup_sink signup = { &loop, loop_signup_save };

		app_set_survey_sink(a, &sink);
		app_set_signup_sink(a, &signup);
	}
	loop.scripted = o.script != NULL;
	check_stores(&loop);
	{
		/* the volume is the kiosk's own setting, not the pack's */
		struct settings st;
		struct app_staff_env env = { 0 };
		struct err se = { "" };

		if (settings_load(&st, data, &se) < 0)
			log_error("%s", se.msg);
		loop.speech_cfg.wav_path = o.audio_out;
		loop.speech_cfg.volume_pct = st.volume >= 0 ? st.volume : 100;
		loop.speech_cfg.use_device = !platform_headless(p);
		str_copy(loop.signup_key, sizeof(loop.signup_key),
			 st.signup_public_key);
		if (st.printer_device) {
			struct err pe = { "" };

			loop.printer = printer_open(p, st.printer_device, &pe);
			if (!loop.printer)
				log_error("printer: %s", pe.msg);
			app_set_printer(a, loop.printer != NULL);
		}
		if (data_ok) {
			fleet_init(&fleet, data, st.name, o.date,
				   o.script != NULL, start);
			loop.fleet = &fleet;
		}
		if (st.usb_path)
			str_copy(loop.usb_path, sizeof(loop.usb_path),
				 st.usb_path);
		env.ctx = &loop;
		env.data_dir = data_ok ? data : NULL;
		env.wall_start = wall_start(&o);
		env.started_ms = start;
		env.printer_configured = st.printer_device != NULL;
		env.desktop_allowed = st.staff_desktop;
		env.find_sticks = loop_find_sticks;
		if (st.printer_device)
			str_copy(env.printer_device, sizeof(env.printer_device),
				 st.printer_device);
		app_set_staff_env(a, &env);
		settings_release(&st);
	}
	if (loop.data)
		pickup_init(&loop.pick, watched, start);
	if (o.script)
		rc = loop_run_script(&loop, o.script);
	else if (o.bench_frames)
		bench_frames(a, p, o.bench_frames);
	else if (o.bench_page)
		rc = bench_page(&loop, o.bench_page, o.bench_n);
	else if (o.bench_swipe)
		rc = bench_swipe(&loop, o.bench_swipe, o.bench_n);
	else if (o.bench_flyer)
		rc = a->content ? bench_flyer(&loop) : 1;
	else
		rc = loop_run(&loop, o.bench);
	if (loop.fleet)
		fleet_release(loop.fleet);
	watchdog_close(loop.wd);
	speech_close(loop.speech);
	printer_close(loop.printer);
	store_close(loop.store);
	app_release(a);
	free(a);
	platform_close(p);
	return rc;
}
