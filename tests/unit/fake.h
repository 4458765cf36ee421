/*
 * fake: what the unit tests lend the core in place of the platform layer,
 * and the few moves every test makes. A stand-in for font measuring (each
 * character is 0.55 of the pixel size wide, capitals are 0.73 of it high),
 * the kiosk on a 24-inch 1920x1080 panel with the real assets and a demo
 * pack on a fixed day, a finger that taps, holds or swipes, and scratch
 * folders for packs and theme files that tests write on purpose.
 *
 * Header only: every helper is static inline, so a test file uses what it
 * needs and the compiler drops the rest.
 */
#ifndef KIOSK_TESTS_FAKE_H
#define KIOSK_TESTS_FAKE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/app/app.h"
#include "core/ui/draw.h"
#include "core/ui/ui.h"

#define FAKE_W 1920
#define FAKE_H 1080
/* physical width of a 24-inch 16:9 panel in millimetres */
#define FAKE_SCREEN_MM (24 * 25.4 * 16 / 18.357559)
#define FAKE_CAP_RATIO 0.73
#define FAKE_ASSETS    "assets"
#define FAKE_CONTENT   "content/ussen"
/* A small pack in Dutch and Arabic with its own Arabic words for the
 * kiosk, for the right-to-left tests (whatever the real assets hold). */
#define FAKE_RTL_CONTENT "tests/e2e/arabic/pack"
#define FAKE_RTL_ASSETS	 "tests/e2e/arabic/assets"
#define FAKE_START_MS	 1000000u /* any fixed start of the simulated clock */
#define FAKE_TAP_MS	 80	  /* how long a finger rests on the glass */
/* The day the tests play on: the demo packs' dated items are chosen so
 * that some show on it and some do not. */
#define FAKE_TODAY 20261124

/* Width of n bytes of UTF-8: 0.55 of the pixel size per character. */
static inline int fake_text_width(void *ctx, const char *s, size_t n, int px,
				  int bold)
{
	size_t i, chars = 0;

	(void)ctx;
	(void)bold;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			chars++;
	return (int)ceil((double)chars * px * 0.55);
}

static inline struct ui_metrics fake_metrics(void)
{
	struct ui_metrics m = { NULL, fake_text_width, FAKE_CAP_RATIO };

	return m;
}

static inline double fake_px_per_mm(void)
{
	return FAKE_W / FAKE_SCREEN_MM;
}

/* ---- the whole kiosk ---- */

/* A test's kiosk and its simulated clock (milliseconds). */
struct fake_kiosk {
	struct app *a; /* heap: struct app holds whole frames */
	uint64_t now;
};

/* Starts the kiosk on the assets in assets_dir and the pack in
 * content_dir, on FAKE_TODAY. With must_load the test fails when the pack does
 * not load; without, a broken pack leaves the kiosk on its out-of-order screen.
 * The test fails when the assets are missing. Free with fake_kiosk_free(). */
static inline struct fake_kiosk *
fake_kiosk_start_assets(const char *content_dir, const char *assets_dir,
			int must_load)
{
	struct fake_kiosk *k = calloc(1, sizeof(*k));
	struct app_config cfg = {
		.content_dir = content_dir,
		.assets_dir = assets_dir,
		.width = FAKE_W,
		.height = FAKE_H,
		.screen_width_mm = FAKE_SCREEN_MM,
		.metrics = fake_metrics(),
	};
	struct err e = { "" };

	assert_non_null(k);
	k->a = calloc(1, sizeof(*k->a));
	assert_non_null(k->a);
	k->now = FAKE_START_MS;
	if (app_init(k->a, &cfg, k->now, &e) < 0)
		fail_msg("app_init on %s and %s failed: %s", assets_dir,
			 content_dir, e.msg);
	if (must_load && !k->a->content)
		fail_msg("the pack %s did not load: %s", content_dir,
			 k->a->broken_why);
	app_set_today(k->a, FAKE_TODAY);
	return k;
}

/* The same on the real assets. */
static inline struct fake_kiosk *fake_kiosk_start(const char *content_dir,
						  int must_load)
{
	return fake_kiosk_start_assets(content_dir, FAKE_ASSETS, must_load);
}

/* The kiosk on the demo pack of Ussen. */
static inline struct fake_kiosk *fake_kiosk_new(void)
{
	return fake_kiosk_start(FAKE_CONTENT, 1);
}

static inline void fake_kiosk_free(struct fake_kiosk *k)
{
	if (!k)
		return;
	app_release(k->a);
	free(k->a);
	free(k);
}

/* Chooses a language the way a visitor does: the language button in the
 * bottom bar (its label is in the language now shown), then the
 * language by its own name. */
static inline void fake_language(struct fake_kiosk *k, const char *name);

/* cmocka setup and teardown that put a fresh kiosk in *state. */
static inline int fake_setup(void **state)
{
	*state = fake_kiosk_new();
	return 0;
}

static inline int fake_teardown(void **state)
{
	fake_kiosk_free(*state);
	return 0;
}

/* The frame as it is now. Borrowed until the next app call. */
static inline const struct draw_list *fake_frame(struct fake_kiosk *k)
{
	return app_frame(k->a);
}

/* Moves the clock forward by ms, firing every timer on the way. */
static inline void fake_wait(struct fake_kiosk *k, uint64_t ms)
{
	k->now += ms;
	app_advance(k->a, k->now);
}

/* A finger down and up again at x, y. */
static inline void fake_tap_xy(struct fake_kiosk *k, int x, int y)
{
	app_pointer(k->a, UI_PTR_DOWN, x, y, k->now);
	k->now += FAKE_TAP_MS;
	app_pointer(k->a, UI_PTR_UP, x, y, k->now);
}

/* The tappable widget labelled exactly `label`, or NULL. Borrowed until
 * the next app call. */
static inline const struct hit *fake_hit(struct fake_kiosk *k,
					 const char *label)
{
	return draw_list_find_hit(fake_frame(k), label);
}

/* Taps the centre of the widget labelled `label`; fails the test, listing
 * what is on screen, when there is no such widget. */
static inline void fake_tap(struct fake_kiosk *k, const char *label)
{
	const struct draw_list *dl = fake_frame(k);
	const struct hit *h = draw_list_find_hit(dl, label);
	int i;

	if (!h) {
		print_error("no widget \"%s\" on screen; there are:\n", label);
		for (i = 0; i < dl->nhits; i++)
			print_error("  \"%s\"\n", dl->hits[i].label);
		fail_msg("cannot tap \"%s\"", label);
	}
	fake_tap_xy(k, h->r.x + h->r.w / 2, h->r.y + h->r.h / 2);
}

/* Holds a finger still on the widget labelled `label` for a long press. */
static inline void fake_long_press(struct fake_kiosk *k, const char *label)
{
	const struct hit *h = fake_hit(k, label);
	int x, y;

	if (!h)
		fail_msg("cannot long-press \"%s\": not on screen", label);
	x = h->r.x + h->r.w / 2;
	y = h->r.y + h->r.h / 2;
	app_pointer(k->a, UI_PTR_DOWN, x, y, k->now);
	fake_wait(k, UI_LONG_PRESS_MS);
	k->now += FAKE_TAP_MS;
	app_pointer(k->a, UI_PTR_UP, x, y, k->now);
}

/* A finger sliding across the middle of the screen, left (dir -1) or
 * right (+1), over half the screen's width, in small moves. */
static inline void fake_swipe(struct fake_kiosk *k, int dir)
{
	int y = FAKE_H / 2, from = dir < 0 ? FAKE_W * 3 / 4 : FAKE_W / 4;
	int to = dir < 0 ? FAKE_W / 4 : FAKE_W * 3 / 4, i;

	app_pointer(k->a, UI_PTR_DOWN, from, y, k->now);
	for (i = 1; i <= 8; i++) {
		k->now += 30;
		app_pointer(k->a, i == 8 ? UI_PTR_UP : UI_PTR_MOVE,
			    from + (to - from) * i / 8, y, k->now);
	}
}

/* 1 when text occurs in visible text or on a button of the current frame:
 * what a visitor could read. */
static inline int fake_visible(struct fake_kiosk *k, const char *text)
{
	const struct draw_list *dl = fake_frame(k);
	int i;

	if (draw_list_has_text(dl, text))
		return 1;
	/* also the painted lines, in case a text reaches the screen without
	 * being recorded in the text list */
	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_TEXT && dl->cmds[i].text &&
		    strstr(dl->cmds[i].text, text))
			return 1;
	return 0;
}

/* The first painted line containing text, or NULL. */
static inline const struct draw_cmd *fake_text_cmd(const struct draw_list *dl,
						   const char *text)
{
	int i;

	for (i = 0; i < dl->ncmds; i++)
		if (dl->cmds[i].kind == DRAW_TEXT && dl->cmds[i].text &&
		    strstr(dl->cmds[i].text, text))
			return &dl->cmds[i];
	return NULL;
}

/* ---- scratch folders ---- */

/* Creates a fresh empty folder under /tmp; path needs 64 bytes. */
static inline void fake_tmpdir(char *path, size_t size)
{
	snprintf(path, size, "/tmp/wijkkiosk-test-XXXXXX");
	if (!mkdtemp(path))
		fail_msg("cannot create a scratch folder");
}

/* Writes n bytes of data to dir/rel, creating folders on the way. */
static inline void fake_write_n(const char *dir, const char *rel,
				const char *data, size_t n)
{
	char path[4096];
	char *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "wb");
	if (!f)
		fail_msg("cannot write '%s'", path);
	if (n && fwrite(data, 1, n, f) != n)
		fail_msg("cannot write '%s'", path);
	fclose(f);
}

static inline void fake_write(const char *dir, const char *rel,
			      const char *text)
{
	fake_write_n(dir, rel, text, strlen(text));
}

static inline int fake_rm_one(const char *path, const struct stat *st, int flag,
			      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes a scratch folder and everything in it. */
static inline void fake_rmtree(const char *dir)
{
	nftw(dir, fake_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Chooses a language the way a visitor does: the language button in the
 * bottom bar (its label is in the language now shown), then the
 * language by its own name. */
static inline void fake_language(struct fake_kiosk *k, const char *name);

/* cmocka setup and teardown that put a fresh scratch folder's path in
 * *state and remove the folder after the test, passed or failed. */
static inline int fake_tmp_setup(void **state)
{
	char *dir = malloc(64);

	if (!dir)
		return -1;
	fake_tmpdir(dir, 64);
	*state = dir;
	return 0;
}

static inline int fake_tmp_teardown(void **state)
{
	fake_rmtree(*state);
	free(*state);
	return 0;
}

static inline void fake_language(struct fake_kiosk *k, const char *name)
{
	static const char *const buttons[] = { "Taal",	"Language", "Dil",
					       "Język", "Мова",	    "اللغة" };
	size_t i;

	for (i = 0; i < sizeof(buttons) / sizeof(buttons[0]); i++)
		if (fake_hit(k, buttons[i])) {
			fake_tap(k, buttons[i]);
			fake_tap(k, name);
			return;
		}
	fail_msg("no language button on screen to choose %s", name);
}

#endif
