/*
 * loop: the running kiosk (loop.c), shared by main.c, which sets it up,
 * and bench.c, which drives it. Private to the kiosk program; kioskctl
 * does not link it.
 */
#ifndef KIOSK_LOOP_H
#define KIOSK_LOOP_H

#include <limits.h>
#include <stdint.h>

#include "core/app/app.h"
#include "core/app/pickup.h"
#include "core/store/store.h"
#include "fleet.h"
#include "platform/platform.h"
#include "platform/printer.h"
#include "platform/speech.h"
#include "platform/watchdog.h"

/* The running kiosk: what the loop keeps between turns. The script runner
 * uses it too, on its simulated clock. */
struct loop {
	struct app *a;
	struct platform *p;
	int date;	  /* --date, 0: today's */
	int minute;	  /* --time in minutes, -1: the clock's */
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
	struct watchdog *wd; /* systemd: READY, heartbeat; NULL: none */
	struct fleet *fleet; /* inbox and outbox; NULL: none */

	/* the survey answers: opened at the first response, never when the
	 * data folder cannot be written */
	struct store *store;
	char store_path[PATH_MAX + 32];
	int data_ok;

	/* the sign-ups file (DATA/aanmeldingen.sqlite): sign-ups past their
	 * delete day are removed at start and on each new day */
	char signups_path[PATH_MAX + 32];
	int signups_tidied; /* the day it was last done, YYYYMMDD */
	/* the staff's public key from DATA/settings.ini ("": none; the
	 * pack's is used then) */
	char signup_key[48];
	/* the receipt printer of DATA/settings.ini, NULL: none */
	struct printer *printer;
	int printing; /* a slip is on its way: poll it (2: the test slip) */
	/* staff mode: where USB sticks appear (settings.ini [usb] path; ""
	 * for /media and /run/media) */
	char usb_path[PATH_MAX];
	/* app->forgets when the platform last dropped its copies of text */
	unsigned forgets_seen;
	/* a script run's output (`list`, `say`: what is on screen, typed
	 * text too) goes through this buffer, wiped after every command */
	FILE *out;
	char *out_buf;
};

/* The app's way to find USB sticks (app_staff_env.find_sticks), ctx a
 * struct loop. */
int loop_find_sticks(void *ctx, char (*out)[STAFF_PATH_MAX], int max);

/* The app's survey sink (struct app_survey_sink), ctx a struct loop: saves
 * a finished survey, and counts the answers shown as results. The store
 * is opened at the first call; it stays with the loop. */
int loop_sink_save(void *ctx, const struct survey *s,
		   const struct survey_answers *ans, int today, struct err *e);
int loop_sink_results(void *ctx, const struct survey *s,
		      struct survey_results *out, struct err *e);

/* The app's sign-up sink (struct app_signup_sink), ctx a struct loop:
 * opens the sign-up file, seals the sign-up to the staff key from the
 * kiosk's settings or else the pack's, saves it and closes the file. A
 * phone number is kept in international form. */
int loop_signup_save(void *ctx, const struct initiative *in, const char *name,
		     const char *contact, int today, struct err *e);

/* Removes the sign-ups whose delete day is today or before, once a day
 * (l->a->today), when the file is there; never creates it. Says in the
 * log how many, and nothing else about them. */
void loop_signups_tidy(struct loop *l);

/* Logs one line on what the platform's caches hold (SIGUSR1), "caches:
 * texts N (K KiB), ...": entries
 * and KiB of text textures, pictures, measured widths, and open fonts.
 * `make monkey` reads it to tell the caches' growth from a leak. */
void loop_report(struct loop *l);

#define SCRIPT_OUT_BUF 8192 /* bytes of a script run's output buffer */

/* Runs the script in file `script` (- for standard input) on the
 * simulated clock. Returns the exit status: 0, or 1 when it failed. */
int loop_run_script(struct loop *l, const char *script);

/* One turn of the loop, at most max_ms of sleep (-1: no limit). Returns 1
 * on SIGTERM, 2 when staff asked for a restart. */
int loop_turn(struct loop *l, int64_t max_ms);

/* Paints the first frame and turns the loop until SIGTERM (returns 0) or
 * a restart asked in staff mode (returns APP_EXIT_RESTART); bench: print
 * when the first frame was painted. */
int loop_run(struct loop *l, int bench);

#endif
