/*
 * app: the kiosk's state machine. It owns the ui, the theme, the interface
 * translations and the loaded content pack, knows which screen is showing,
 * and handles the idle rules: after `idle_seconds` without a touch it asks
 * "Bent u er nog?", and when nobody answers it wipes everything the visitor
 * did and returns to the attract screen.
 *
 * Time is always passed in (milliseconds from any fixed start); the app
 * never reads a clock, so tests and the script runner control it fully.
 */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <stdint.h>

#include "base/err.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "core/ui/theme.h"
#include "core/ui/ui.h"

#define APP_VERSION "0.1.0"

#define APP_PROMPT_SECONDS 30	/* how long "Bent u er nog?" waits */
#define APP_HIGHLIGHT_MS   8000 /* one attract highlight */
#define APP_FADE_MS	   1000 /* cross-fade between highlights */
#define APP_FADE_STEP_MS   100	/* ten steps: calm, and cheap on a board */
#define APP_TYPED_MAX	   512

enum screen {
	SCREEN_ATTRACT,
	SCREEN_HOME,
	SCREEN_TILE,   /* the tile's own view: page, cards, steps, lists */
	SCREEN_FLYER,  /* one flyer, page by page */
	SCREEN_NEWS,   /* one news item */
	SCREEN_INFO,   /* kiosk facts for staff: long press on the name */
	SCREEN_BROKEN, /* no content pack that works: "buiten gebruik" */
};

struct app_config {
	const char *content_dir;
	const char *assets_dir;
	int width, height;	   /* pixels of the screen (or window) */
	double screen_width_mm;	   /* physical width of the whole screen */
	struct ui_metrics metrics; /* from the platform (fonts) */
};

struct app {
	struct ui ui;
	struct theme theme;	 /* base_theme in the pack's colour */
	struct theme base_theme; /* as loaded from assets/theme.ini */
	struct i18n i18n;
	struct content *content;
	char content_dir[1024];
	int width, height;
	double screen_width_mm;

	uint64_t now;
	uint64_t last_input; /* time of the last touch */
	int prompt;	     /* "Bent u er nog?" is showing */
	uint64_t prompt_since;

	enum screen screen;
	int lang;	       /* index into content->langs */
	int tile;	       /* index into content->tiles */
	int part;	       /* which screenful, card group or step */
	int parts;	       /* how many there are (known after a frame) */
	int item;	       /* flyer or news item within the tile */
	int list_part;	       /* screenful of the flyer grid or news list */
	int flyer_page;	       /* page of the open flyer, from 1 */
	int *flyer_pages;      /* page count per flyer (0: not known yet) */
	int zoom;	       /* flyer page zoomed in */
	int zoom_x, zoom_y;    /* centre of the zoom, 0..1000 of the page */
	uint64_t last_tap;     /* time of the last tap on a flyer page */
	enum screen info_from; /* where SCREEN_INFO returns to */
	int today;	       /* YYYYMMDD, decides which items show */
	char broken_why[512];  /* why the kiosk is out of order (for the log) */

	int highlight; /* attract screen: current highlight */
	uint64_t highlight_since;
	int fading; /* the highlight is fading in (after a change) */

	char typed[APP_TYPED_MAX]; /* text the visitor typed, wiped when idle */
	int typing;		   /* a text field has the focus */
};

/* Loads theme and translations (failure: -1 and e says what is missing)
 * and the content pack. A pack that does not load is not fatal: the app
 * starts on SCREEN_BROKEN, a calm "out of order" screen, and e says why. */
int app_init(struct app *a, const struct app_config *cfg, uint64_t now,
	     struct err *e);
void app_release(struct app *a);

/* A touch or mouse event in screen pixels at time now. */
void app_pointer(struct app *a, enum ptr_kind kind, int x, int y, uint64_t now);

/* Text from the on-screen keyboard; -1 when no text field has the focus. */
int app_type(struct app *a, const char *text, uint64_t now, struct err *e);

/* Today's date as YYYYMMDD (items with show_from/show_until follow it). */
void app_set_today(struct app *a, int yyyymmdd);

/* Swaps in another content pack (already loaded; the app takes it over)
 * and returns to the attract screen, as after an idle wipe. */
void app_set_content(struct app *a, struct content *c);

/* Moves time forward to `now`, firing every timer due on the way in order
 * (long presses, the idle prompt, its expiry, attract highlights). */
void app_advance(struct app *a, uint64_t now);

/* Builds the frame for the current state; the list is borrowed until the
 * next app call. */
const struct draw_list *app_frame(struct app *a);

/* Milliseconds from now until the app needs a frame even without input
 * (a timer or an animation); -1 when it can sleep until the next event. */
int64_t app_wakeup_in(const struct app *a);

/* Forgets everything the visitor did: language, text size, typed text,
 * screen. Used when the idle prompt runs out. */
void app_wipe(struct app *a);

/* Shorthand for a UI string in the current language. */
const char *app_tr(const struct app *a, const char *key);

#endif
