/*
 * loop: the running kiosk. Owns struct loop, the touch loop that sleeps
 * until something changes and paints a frame only when it did, the look
 * for newly installed packs, the survey store the app's finished surveys
 * go to, the heartbeat for systemd's watchdog, the inbox and outbox
 * (fleet.c), carrying read-aloud requests to
 * the speech engine, and the host a script runs in.
 */
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/isoweek.h"
#include "base/log.h"
#include "base/util.h"
#include "bench.h"
#include "core/app/script.h"
#include "core/packstore.h"
#include "core/reach.h"
#include "core/seal.h"
#include "core/store/signups.h"
#include "loop.h"
#include "platform/watchdog.h"
#include "platform/usb.h"

/* ---- where finished surveys go ---- */

static struct store *survey_store(struct loop *l, struct err *e)
{
	if (!l->store && l->data_ok)
		l->store = store_open(l->store_path, l->a->today, e);
	else if (!l->data_ok)
		err_set(e, "the data folder cannot be written");
	return l->store;
}

int loop_sink_save(void *ctx, const struct survey *s,
		   const struct survey_answers *ans, int today, struct err *e)
{
	struct store *st = survey_store(ctx, e);
	int year, week;

	if (!st)
		return -1;
	iso_week(today, &year, &week);
	return store_response_add(st, s, ans, year, week, e);
}

int loop_sink_results(void *ctx, const struct survey *s,
		      struct survey_results *out, struct err *e)
{
	struct store *st = survey_store(ctx, e);
	int q;

	if (!st)
		return -1;
	for (q = 0; q < s->nquestions; q++)
		if (s->questions[q].public_result &&
		    store_counts(st, s, q, out->counts[q], &out->total[q], e) <
			    0)
			return -1;
	return 0;
}

/* ---- sign-ups ---- */

int loop_signup_save(void *ctx, const struct initiative *in, const char *name,
		     const char *contact, int today, struct err *e)
{
	struct loop *l = ctx;
	const struct content *c = l->a->content;
	const char *keytext = l->signup_key[0] ? l->signup_key
			      : c	       ? c->signup_public_key
					       : NULL;
	uint8_t key[SEAL_PUBLIC_BYTES];
	char phone[64], consent[SEAL_DIGEST_TEXT];
	struct signup_in si = { 0 };
	struct signups *s;
	int rc;

	if (!l->data_ok)
		return err_set(e, "the data folder cannot be written");
	if (keytext && seal_key_parse(key, keytext, e) < 0)
		return -1;
	seal_digest_text(consent, text_get(&in->consent, 0));
	si.initiative = in->id;
	si.name = name;
	si.contact = phone_normalize(contact, phone, sizeof(phone)) == 0
			     ? phone
			     : contact;
	si.consent_hash = consent;
	s = signups_open(l->signups_path, today, keytext ? key : NULL, e);
	if (!s)
		return -1;
	rc = signups_add(s, &si, today,
			 c && c->signup_keep_days > 0 ? c->signup_keep_days
						      : SIGNUPS_KEEP_DEFAULT,
			 e);
	signups_close(s);
	seal_wipe(phone, sizeof(phone));
	return rc;
}

/* ---- sign-ups past their delete day ---- */

void loop_signups_tidy(struct loop *l)
{
	struct signups *s;
	struct err e = { "" };
	int today = l->a->today, removed = 0;

	if (l->signups_tidied == today || !l->data_ok || !l->signups_path[0])
		return;
	l->signups_tidied = today;
	if (access(l->signups_path, F_OK) < 0)
		return;
	s = signups_open(l->signups_path, today, NULL, &e);
	if (!s || signups_purge_expired(s, today, &removed, &e) < 0)
		log_error("sign-ups: %s", e.msg);
	else if (removed)
		log_info("sign-ups: %d past their delete day removed", removed);
	signups_close(s);
}

int loop_find_sticks(void *ctx, char (*out)[STAFF_PATH_MAX], int max)
{
	struct loop *l = ctx;

	return usb_find(l->usb_path[0] ? l->usb_path : NULL, out, max);
}

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

/* The platform drops its copies of text (textures, widths, QR codes)
 * whenever the app forgot what a visitor typed. */
static void forget_sync(struct loop *l)
{
	if (l->a->forgets == l->forgets_seen)
		return;
	l->forgets_seen = l->a->forgets;
	platform_forget_text(l->p);
}

#if defined(__SANITIZE_ADDRESS__)
size_t __sanitizer_get_current_allocated_bytes(void);
size_t __sanitizer_get_heap_size(void);
size_t __sanitizer_get_free_bytes(void);
#endif

void loop_report(struct loop *l)
{
	struct platform_cache_stats st;

	platform_cache_stats(l->p, &st);
	log_info("caches: texts %d (%zu KiB), pictures %d (%zu "
		 "KiB), widths %d (%zu KiB), fonts %d",
		 st.texts, st.text_bytes >> 10, st.images, st.image_bytes >> 10,
		 st.widths, st.width_bytes >> 10, st.fonts);
#if defined(__SANITIZE_ADDRESS__)
	/* ASan's allocator replaces glibc's: its own view (declared here, as
	 * GCC ships no header for them) */
	log_info("heap: in use %zu KiB, held %zu KiB, free kept %zu KiB",
		 __sanitizer_get_current_allocated_bytes() >> 10,
		 __sanitizer_get_heap_size() >> 10,
		 __sanitizer_get_free_bytes() >> 10);
#elif defined(__GLIBC__)
	/* the allocator's own view, to tell growth of the heap (in use, or
	 * free but kept) from memory mapped outside it (textures, fonts) */
	struct mallinfo2 mi = mallinfo2();
	log_info("heap: in use %zu KiB, free kept %zu KiB, mapped %zu KiB",
		 mi.uordblks >> 10, mi.fordblks >> 10, mi.hblkhd >> 10);
#endif
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

/* Carries the slip a visitor asked for to the printer, and how it went
 * back to the screen. The printer draws the slip here (fonts live on this
 * thread) and writes it from a thread of its own, so the screen goes on
 * at once even when the printer hangs. */
static void print_sync(struct loop *l)
{
	enum printer_fault why = PRINTER_OK;
	struct err e = { "" };
	struct slip s;
	int staff = 0;

	if (app_print_take(l->a, &s) ||
	    (staff = app_staff_print_take(l->a, &s))) {
		if (l->printer && printer_print(l->printer, &s, &e) == 0) {
			l->printing = 1 + staff;
		} else {
			log_warn("slip not printed: %s",
				 l->printer ? e.msg : "no printer");
			if (staff)
				app_staff_print_state(
					l->a, 0,
					l->printer ? e.msg
						   : "er is geen printer.");
			else
				app_print_state(l->a, PRINT_FAILED);
			app_staff_print_fault(
				l->a, l->printer ? e.msg : "geen printer");
			l->dirty = 1;
		}
	}
	if (!l->printing)
		return;
	staff = l->printing == 2;
	switch (printer_poll(l->printer, &why)) {
	case PRINTER_DONE:
		if (staff)
			app_staff_print_state(l->a, 1, NULL);
		else
			app_print_state(l->a, PRINT_DONE);
		break;
	case PRINTER_FAILED:
		/* staff read this in the journal and on the status screen */
		log_warn("slip not printed: %s", printer_fault_text(why));
		if (staff)
			app_staff_print_state(l->a, 0, printer_fault_text(why));
		else
			app_print_state(l->a, PRINT_FAILED);
		app_staff_print_fault(l->a, printer_fault_text(why));
		break;
	default:
		return;
	}
	l->printing = 0;
	l->dirty = 1;
}

/* Inbox and outbox; a pack installed from the inbox is looked for at
 * once. */
static void fleet_look(struct loop *l, uint64_t now)
{
	if (l->fleet && fleet_tick(l->fleet, now, l->a->today, l->a->minute,
				   app_resting(l->a)))
		l->pick.next_look = 0;
}

static void host_tick(void *ctx, uint64_t now)
{
	struct loop *l = ctx;
	struct platform_event ev;

	/* signals arrive as events; a script run answers SIGUSR1 too */
	while (platform_wait(l->p, 0, &ev))
		if (ev.kind == PEV_REPORT)
			loop_report(l);
	fleet_look(l, now);
	pickup_look(l, now);
	speech_sync(l, now);
	print_sync(l);
	forget_sync(l);
	if (l->out && fflush(l->out) == 0)
		explicit_bzero(l->out_buf, SCRIPT_OUT_BUF);
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

/* The stream a script run writes to: standard output through a buffer
 * of the loop's own (see loop->out), or stdout itself when that cannot
 * be had. */
static FILE *script_out(struct loop *l)
{
	int fd;

	fflush(stdout);
	fd = dup(fileno(stdout));
	l->out = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!l->out) {
		if (fd >= 0)
			close(fd);
		return stdout;
	}
	l->out_buf = xcalloc(1, SCRIPT_OUT_BUF);
	setvbuf(l->out, l->out_buf, _IOFBF, SCRIPT_OUT_BUF);
	return l->out;
}

int loop_run_script(struct loop *l, const char *script)
{
	struct script_host host = {
		.ctx = l,
		.shot = host_shot,
		.present = platform_headless(l->p) ? NULL : host_present,
		.out = script_out(l),
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
	rc = script_run_file(&run, f, script);
	if (f != stdin)
		fclose(f);
	if (l->out) {
		fclose(l->out);
		explicit_bzero(l->out_buf, SCRIPT_OUT_BUF);
		free(l->out_buf);
		l->out = NULL;
		l->out_buf = NULL;
	}
	if (rc != 0)
		return 1;
	/* a script that ended the kiosk from staff mode ends as it would */
	if (app_staff_restart_wanted(l->a))
		return APP_EXIT_RESTART;
	return app_staff_desktop_wanted(l->a) ? APP_EXIT_DESKTOP : 0;
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

/* Tests only (PEV_TEST_HANG): the loop stops turning for good, as a
 * deadlock would stop it, so the heartbeat stops and systemd (or the test
 * playing it) sees the hang. Nothing ends this but SIGKILL. */
static void loop_hang(void)
{
	for (;;)
		sleep(60);
}

/* One turn of the loop: sleeps until an event or the next thing that
 * changes (a timer, an animation step, a look for installed packs; at
 * most max_ms, -1: no limit), takes every waiting event, and builds and
 * paints a frame only when something changed. A run of finger moves
 * counts as its last move. Returns 1 on SIGTERM. */
int loop_turn(struct loop *l, int64_t max_ms)
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
	if (l->wd)
		wait = min_wait(wait,
				watchdog_wakeup_in(l->wd, platform_ticks()));
	if (l->fleet)
		wait = min_wait(wait,
				fleet_wakeup_in(l->fleet, platform_ticks()));
	if (l->printing)
		wait = min_wait(wait, 50); /* how the slip is doing */
	wait = min_wait(wait, max_ms);
	if (l->dirty)
		wait = 0;
	got = platform_wait(l->p, wait > INT_MAX ? INT_MAX : (int)wait, &ev);
	while (got) {
		if (ev.kind == PEV_QUIT) {
			log_info("SIGTERM: stopping");
			if (l->wd)
				watchdog_stopping(l->wd);
			return 1;
		}
		if (ev.kind == PEV_TEST_HANG)
			loop_hang();
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
			else if (ev.kind == PEV_REPORT) /* SIGUSR1 */
				loop_report(l);
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
		loop_signups_tidy(l);
		l->dirty = 1;
	}
	if (l->minute < 0 && platform_minute() != a->minute) {
		app_set_minute(a, platform_minute());
		l->dirty = 1;
	}
	if (app_in >= 0 && now >= due)
		l->dirty = 1; /* a timer or an animation step */
	if (l->wd)
		watchdog_tick(l->wd, now);
	app_advance(a, now);
	fleet_look(l, now);
	pickup_look(l, now);
	speech_sync(l, now);
	if (l->dirty) {
		if (platform_present(l->p, app_frame(a), l->force)) {
			l->painted_ns = bench_mono_ns();
			platform_prefetch(l->p, &a->ui.dl);
		}
		l->dirty = l->force = 0;
	}
	/* after the frame: a tap on "Print" asked for its slip in it */
	print_sync(l);
	forget_sync(l);
	if (app_staff_restart_wanted(a)) {
		log_info("restart asked in staff mode: stopping (exit status "
			 "%d)",
			 APP_EXIT_RESTART);
		return 2;
	}
	if (app_staff_desktop_wanted(a)) {
		log_info("staff left for the desktop: stopping (exit status "
			 "%d, not restarted)",
			 APP_EXIT_DESKTOP);
		return 3;
	}
	return 0;
}

int loop_run(struct loop *l, int bench)
{
	int rc;

	platform_present(l->p, app_frame(l->a), 1);
	if (l->wd)
		watchdog_ready(l->wd, platform_ticks());
	if (bench) {
		printf("bench: first-frame-ns %llu\n",
		       (unsigned long long)bench_mono_ns());
		fflush(stdout);
	}
	while (!(rc = loop_turn(l, -1)))
		;
	return rc == 2 ? APP_EXIT_RESTART : rc == 3 ? APP_EXIT_DESKTOP : 0;
}
