/*
 * app: the kiosk's state machine. It owns the ui, the theme, the interface
 * translations, the loaded content pack and the visit (everything the
 * current visitor did), routes the screen families' requests (open a
 * place, go back, turn a page, change language), and handles the idle
 * rules: after the pack's idle time without a touch it asks "Bent u er
 * nog?", and when nobody answers it wipes the visit in one operation and
 * returns to the attract screen.
 *
 * Nothing outside this module writes struct app; screen families get a
 * read-only screen_ctx and ask for changes.
 *
 * Time is always passed in (milliseconds from any fixed start); the app
 * never reads a clock, so tests and the script runner control it fully.
 */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <stdint.h>

#include "base/err.h"
#include "core/app/readaloud.h"
#include "core/app/staff_state.h"
#include "core/app/visit.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "core/print/slip.h"
#include "core/screens/screen.h"
#include "core/ui/theme.h"
#include "core/ui/ui.h"

#define APP_VERSION "0.2.0"

struct app_config {
	const char *content_dir;
	const char *assets_dir;
	int width, height;	   /* pixels of the screen (or window) */
	double screen_width_mm;	   /* physical width of the whole screen */
	struct ui_metrics metrics; /* from the platform (fonts) */
};

/* Where finished surveys go: the store, lent by the program (tests lend
 * their own). Both may be NULL: then nothing can be saved and the visitor
 * is told so kindly. */
struct app_survey_sink {
	void *ctx;
	/* Saves one response in one go; 0 only once it is safely stored,
	 * else -1 with e saying why (for the log). */
	int (*save)(void *ctx, const struct survey *s,
		    const struct survey_answers *ans, int today, struct err *e);
	/* What was answered so far, for the public bars; 0 or -1. */
	int (*results)(void *ctx, const struct survey *s,
		       struct survey_results *out, struct err *e);
};

/* Where sign-ups for initiatives go: the sign-up store, lent by the
 * program. NULL save: sign-ups cannot be kept, and the visitor is told so
 * kindly (the phone's way still works). */
struct app_signup_sink {
	void *ctx;
	/* Saves one sign-up for initiative `in` (its consent text is what
	 * the visitor agreed to); 0 only once it is safely stored, else -1
	 * with e saying why, for the log (never the name or contact). */
	int (*save)(void *ctx, const struct initiative *in, const char *name,
		    const char *contact, int today, struct err *e);
};

struct app {
	struct ui ui;
	struct theme theme;	 /* base_theme in the pack's colour */
	struct theme base_theme; /* as loaded from assets/theme.ini */
	struct i18n i18n;
	struct content *content; /* owned; NULL: out of order */
	char content_dir[1024];
	char broken_why[512]; /* why the kiosk is out of order (for the log) */
	int width, height;
	double screen_width_mm;
	uint64_t now;
	int today;  /* YYYYMMDD, decides which items show */
	int minute; /* time of day in minutes: opening hours, events */

	struct visit visit; /* the visitor's; wiped in one go */
	struct attract_state attract;
	struct kiosk_facts facts; /* for the staff's info screen */

	char icons_dir[1024]; /* the pictograms */

	struct readaloud speech; /* what is being read aloud (wiped) */
	int speaking;		 /* sentence being heard, -1: silent */
	int speech_cmd;		 /* enum app_speech_cmd, for the platform */

	struct app_survey_sink sink;
	struct app_signup_sink signup_sink;
	int printer;		       /* a slip printer is set up */
	int print_cmd;		       /* a slip waits for the printer */
	struct survey_results results; /* of results_of, read after a save */
	const struct survey *results_of;

	struct flow_cache flows; /* document layouts of this pack */
	int *flyer_pages;	 /* owned; page count per flyer, 0: unknown */
	int *flyer_aspect;	 /* owned; beside it: page 1's shape */
	int panned; /* a frame moved a zoomed page: show it at once */
	struct screen_reqs reqs; /* asked for during the frame being run */
	struct app_staff staff;	 /* staff mode; wiped with the visit */
	/* how often the app forgot what a visitor typed (the idle wipe, a
	 * form saved, stopped or left for home): the platform keeps copies
	 * of text it measured and drew, and the loop has it drop them each
	 * time this changes */
	unsigned forgets;
};

enum app_speech_cmd {
	APP_SPEECH_NONE,  /* nothing new */
	APP_SPEECH_START, /* start reading these sentences */
	APP_SPEECH_STOP,  /* be silent at once */
};

/* Loads theme and translations (failure: -1 and e says what is missing)
 * and the content pack. A pack that does not load is not fatal: the app
 * starts out of order ("Tijdelijk buiten gebruik") and e says why. */
int app_init(struct app *a, const struct app_config *cfg, uint64_t now,
	     struct err *e);
void app_release(struct app *a);

/* A touch or mouse event in screen pixels at time now. */
void app_pointer(struct app *a, enum ptr_kind kind, int x, int y, uint64_t now);

/* Text from the on-screen keyboard; -1 when no text field has the focus. */
int app_type(struct app *a, const char *text, uint64_t now, struct err *e);

/* Today's date as YYYYMMDD (items with show_from/show_until follow it). */
void app_set_today(struct app *a, int yyyymmdd);

/* The time of day in minutes after midnight (opening hours, events that
 * are over). */
void app_set_minute(struct app *a, int minute);

/* Swaps in another content pack (already loaded; the app takes it over,
 * NULL: out of order) read from folder dir (copied; NULL: the same
 * folder as before) and returns to the attract screen, as after an idle
 * wipe. */
void app_set_content(struct app *a, struct content *c, const char *dir);

/* Keeps the attract screen's cross-fade running, for frame-time
 * benchmarks. */
void app_bench_fade(struct app *a);

/* Moves time forward to `now`, firing every timer due on the way in order
 * (long presses, the idle prompt, its expiry, attract highlights). */
void app_advance(struct app *a, uint64_t now);

/* Builds the frame for the current state; the list is borrowed until the
 * next app call. */
const struct draw_list *app_frame(struct app *a);

/* Milliseconds from now until the app needs a frame even without input
 * (a timer or an animation); -1 when it can sleep until the next event. */
int64_t app_wakeup_in(const struct app *a);

/* Forgets everything the visitor did (the whole visit, the last frame,
 * where the screen was touched) and shows the attract screen. */
void app_wipe(struct app *a);

/* 1 when nobody is being served: the attract or out-of-order screen. A
 * newly installed pack is swapped in only then. */
int app_resting(const struct app *a);

/* Opens a place as a visitor's tap would (used by the walker and the
 * bench); -1 when it does not exist in this pack. */
int app_open(struct app *a, struct place p);

/* The screen context for the current place (or `at`, when not NULL). */
struct screen_ctx app_screen_ctx(struct app *a, const struct place *at);

/* What the loudspeaker should do now; each command is handed out once.
 * START fills *lang (a language code such as "nl") and the sentences,
 * borrowed until the next app call. */
enum app_speech_cmd app_speech_take(struct app *a, const char **lang,
				    const char *const **lines, int *n);

/* The platform says which sentence is heard now (-1: finished); the
 * screen marks it. */
void app_speech_heard(struct app *a, int sentence);

/* The sentences the speaker button would read on the current screen,
 * into r (the caller wipes it with readaloud_wipe). Returns how many. */
int app_say(struct app *a, struct readaloud *r);

/* Lends the app the place finished surveys go (copied). */
void app_set_survey_sink(struct app *a, const struct app_survey_sink *sink);

/* Whether a slip printer is set up (DATA/settings.ini); without one no
 * screen offers to print. */
void app_set_printer(struct app *a, int on);

/* The slip the visitor asked for, handed out once: 1 with *s filled
 * (borrowed until the next app call), 0 when there is none. */
int app_print_take(struct app *a, struct slip *s);

/* The printer says how the slip went (enum screen_print): the screen
 * tells the visitor. */
void app_print_state(struct app *a, int state);

/* Lends the app the place sign-ups go (copied). */
void app_set_signup_sink(struct app *a, const struct app_signup_sink *sink);
/* Lends the app what staff mode needs (copied; see staff_state.h). */
void app_set_staff_env(struct app *a, const struct app_staff_env *env);

/* 1 once staff asked for a restart: the program ends with
 * APP_EXIT_RESTART and systemd starts it again. */
#define APP_EXIT_RESTART 75
int app_staff_restart_wanted(const struct app *a);

/* 1 once staff asked to leave for the desktop (only where settings.ini
 * allows it): the program ends with APP_EXIT_DESKTOP, which the unit
 * does not restart (RestartPreventExitStatus), so the caretaker has the
 * machine until `systemctl start wijkkiosk` or a reboot. */
#define APP_EXIT_DESKTOP 76
int app_staff_desktop_wanted(const struct app *a);

/* The test slip staff asked for, handed out once: 1 with *s filled
 * (borrowed until the next app call), 0 when there is none. */
int app_staff_print_take(struct app *a, struct slip *s);

/* How the test slip went: ok, or why not (a Dutch sentence, borrowed).
 * The printing page says it. */
void app_staff_print_state(struct app *a, int ok, const char *why);

/* A slip (a visitor's or the test slip) was not printed: why, in Dutch
 * (borrowed, copied), for the status page. */
void app_staff_print_fault(struct app *a, const char *why);

/* Shorthand for a UI string in the visitor's language. */
const char *app_tr(const struct app *a, const char *key);

#endif
