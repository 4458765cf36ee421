/*
 * app: start-up, events, timers and the idle wipe. What each screen looks
 * like is in screens.c.
 */
#include "core/app/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/util.h"
#include "core/screens/screens.h"

int app_init(struct app *a, const struct app_config *cfg, uint64_t now,
	     struct err *e)
{
	char path[4096];

	memset(a, 0, sizeof(*a));
	snprintf(path, sizeof(path), "%s/theme.ini", cfg->assets_dir);
	if (theme_load(&a->base_theme, path, e) < 0)
		return -1;
	a->theme = a->base_theme;
	snprintf(path, sizeof(path), "%s/i18n", cfg->assets_dir);
	if (i18n_load_dir(&a->i18n, path, e) < 0)
		return -1;
	str_copy(a->content_dir, sizeof(a->content_dir), cfg->content_dir);
	a->content = content_load(cfg->content_dir, CONTENT_QUICK, NULL, NULL,
				  NULL, e);
	if (!a->content) {
		str_copy(a->broken_why, sizeof(a->broken_why), e->msg);
		log_error("content pack '%s' cannot be shown: %s",
			  cfg->content_dir, e->msg);
	}
	a->width = cfg->width;
	a->height = cfg->height;
	a->screen_width_mm = cfg->screen_width_mm;
	ui_init(&a->ui, &a->theme, cfg->metrics,
		cfg->width / cfg->screen_width_mm);
	a->now = a->last_input = a->highlight_since = now;
	a->today = 20260101;
	app_set_content(a, a->content);
	return 0;
}

static int flyer_total(const struct content *c)
{
	int i, n = 0;

	for (i = 0; c && i < c->ntiles; i++)
		n += c->tiles[i].nflyers;
	return n;
}

void app_set_content(struct app *a, struct content *c)
{
	if (a->content && a->content != c)
		content_free(a->content);
	a->content = c;
	a->theme = a->base_theme;
	if (c && c->has_color)
		theme_apply_brand(&a->theme, c->color);
	free(a->flyer_pages);
	a->flyer_pages = xcalloc((size_t)flyer_total(c) + 1, sizeof(int));
	app_wipe(a);
	a->screen = c ? SCREEN_ATTRACT : SCREEN_BROKEN;
}

void app_set_today(struct app *a, int yyyymmdd)
{
	a->today = yyyymmdd;
}

void app_release(struct app *a)
{
	content_free(a->content);
	a->content = NULL;
	free(a->flyer_pages);
	a->flyer_pages = NULL;
	i18n_release(&a->i18n);
	memset(a->typed, 0, sizeof(a->typed));
}

const char *app_tr(const struct app *a, const char *key)
{
	int idx = a->content ? i18n_find(&a->i18n, a->content->langs[a->lang])
			     : 0;

	return i18n_get(&a->i18n, idx, key);
}

static void run_frame(struct app *a)
{
	ui_begin(&a->ui, a->width, a->height, a->now, a->theme.background);
	screens_run(a);
	ui_end(&a->ui);
}

void app_wipe(struct app *a)
{
	/* the visitor's traces: typed text first, then every choice */
	memset(a->typed, 0, sizeof(a->typed));
	a->typing = 0;
	a->screen = a->content ? SCREEN_ATTRACT : SCREEN_BROKEN;
	a->lang = 0;
	a->ui.large = 0;
	a->tile = a->part = a->parts = a->item = a->list_part = 0;
	a->flyer_page = 1;
	a->zoom = 0;
	a->last_tap = 0;
	a->prompt = 0;
	a->highlight = 0;
	a->highlight_since = a->now;
	a->fading = 0;
	a->last_input = a->now;
	ui_reset_input(&a->ui);
}

static uint64_t idle_ms(const struct app *a)
{
	return (uint64_t)(a->content ? a->content->idle_seconds : 90) * 1000;
}

/* Screens where nobody is being served: no idle prompt there. */
static int resting(const struct app *a)
{
	return a->screen == SCREEN_ATTRACT || a->screen == SCREEN_BROKEN;
}

/* The earliest time a timer wants to fire, or 0 for none. */
static uint64_t next_deadline(const struct app *a)
{
	uint64_t next = 0, t;

#define CONSIDER(x)                                                            \
	do {                                                                   \
		t = (x);                                                       \
		if (t && (!next || t < next))                                  \
			next = t;                                              \
	} while (0)
	CONSIDER(ui_next_deadline(&a->ui));
	if (a->prompt)
		CONSIDER(a->prompt_since + APP_PROMPT_SECONDS * 1000);
	else if (!resting(a))
		CONSIDER(a->last_input + idle_ms(a));
	if (a->screen == SCREEN_ATTRACT)
		CONSIDER(a->highlight_since + APP_HIGHLIGHT_MS);
#undef CONSIDER
	return next;
}

static void fire_timers(struct app *a)
{
	uint64_t lp = ui_next_deadline(&a->ui);

	if (lp && lp <= a->now) {
		run_frame(a);
		a->ui.long_polled = 1;
	}
	if (a->prompt &&
	    a->now >= a->prompt_since + APP_PROMPT_SECONDS * 1000) {
		app_wipe(a);
		log_info("visitor gone: screen wiped, back to the attract "
			 "screen");
	} else if (!a->prompt && !resting(a) &&
		   a->now >= a->last_input + idle_ms(a)) {
		a->prompt = 1;
		a->prompt_since = a->now;
		ui_reset_input(&a->ui);
	}
	if (a->screen == SCREEN_ATTRACT &&
	    a->now >= a->highlight_since + APP_HIGHLIGHT_MS) {
		char **lines;
		int n = content_highlights(a->content, a->lang, &lines);

		a->highlight = n ? (a->highlight + 1) % n : 0;
		a->highlight_since = a->now;
		a->fading = n > 1;
	}
}

void app_advance(struct app *a, uint64_t now)
{
	for (;;) {
		uint64_t next = next_deadline(a);

		if (!next || next > now)
			break;
		if (next > a->now)
			a->now = next;
		fire_timers(a);
	}
	if (now > a->now)
		a->now = now;
}

void app_pointer(struct app *a, enum ptr_kind kind, int x, int y, uint64_t now)
{
	app_advance(a, now);
	a->last_input = a->now;
	if (a->prompt) {
		/* any touch on the prompt means "I am still here" */
		if (kind == UI_PTR_UP)
			a->prompt = 0;
		return;
	}
	ui_pointer(&a->ui, kind, x, y, a->now);
	/* a press or release must meet the widgets in a frame; a move only
	 * moves the pointer (the drag rule is decided in ui_pointer), and
	 * the next frame shows it: no layout for every finger move */
	if (kind != UI_PTR_MOVE)
		run_frame(a);
}

int app_type(struct app *a, const char *text, uint64_t now, struct err *e)
{
	size_t have, add;

	app_advance(a, now);
	if (!a->typing || a->prompt)
		return err_set(e, "no text field on screen to type into");
	a->last_input = a->now;
	have = strlen(a->typed);
	add = strlen(text);
	if (have + add >= sizeof(a->typed))
		return err_set(e,
			       "text too long for the field (at most %zu "
			       "bytes)",
			       sizeof(a->typed) - 1);
	memcpy(a->typed + have, text, add + 1);
	return 0;
}

const struct draw_list *app_frame(struct app *a)
{
	run_frame(a);
	return &a->ui.dl;
}

int64_t app_wakeup_in(const struct app *a)
{
	uint64_t next = next_deadline(a);
	int64_t in = next ? (int64_t)(next - a->now) : -1;

	if (a->screen == SCREEN_ATTRACT && !a->prompt && a->fading &&
	    a->now < a->highlight_since + APP_FADE_MS)
		in = APP_FADE_STEP_MS; /* cross-fade running */
	if (a->prompt) {
		/* the countdown changes once a second */
		int64_t to_tick =
			1000 - (int64_t)((a->now - a->prompt_since) % 1000);

		if (in < 0 || to_tick < in)
			in = to_tick;
	}
	if (in < 0)
		return -1;
	return in;
}
