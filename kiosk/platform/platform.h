/*
 * platform: everything that touches SDL. It opens the window, paints a draw
 * list with a cache of text textures, measures text for the ui, turns touch
 * and mouse events into pointer events, and saves frames as PNG. No other
 * part of the program includes an SDL header.
 */
#ifndef KIOSK_PLATFORM_H
#define KIOSK_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/ui/draw.h"
#include "core/ui/ui.h"

struct platform;

struct platform_config {
	int width, height; /* 0: the display's size */
	int windowed;
	const char *font_path;	    /* regular face; NULL: ask fontconfig */
	const char *bold_font_path; /* bold face; NULL: ask fontconfig */
};

/* Opens the window. On failure e says, in one sentence, what is missing. */
struct platform *platform_open(const struct platform_config *cfg,
			       struct err *e);
void platform_close(struct platform *p);

/* 1 when running without a display (offscreen or dummy driver). */
int platform_headless(const struct platform *p);

/* Size of the drawing area in pixels. */
void platform_size(const struct platform *p, int *w, int *h);

/* Text measuring for the ui, backed by the platform's fonts. */
struct ui_metrics platform_metrics(struct platform *p);

/* Paints dl when it differs from what is on screen (or force is set).
 * Returns 1 when it painted. */
int platform_present(struct platform *p, const struct draw_list *dl, int force);

/* Loads the pictures the frame asks to have ready (the next page of a
 * flyer). Call after platform_present, so the visitor sees the current
 * page first and the next one is rendered while they read. */
void platform_prefetch(struct platform *p, const struct draw_list *dl);

/* Paints dl and writes it as a PNG file. */
int platform_save_png(struct platform *p, const struct draw_list *dl,
		      const char *path, struct err *e);

/* Forgets every text the platform keeps a copy of: the textures of drawn
 * texts, the measured widths of words and the QR codes (a question's
 * typed words go into one), each overwritten with zeros before it is
 * freed. Pictures and PDF pages of the pack stay. Call whenever the app
 * forgot what a visitor typed (app->forgets changed); the next frame
 * draws and measures what it shows again. */
void platform_forget_text(struct platform *p);

/* What the caches hold now: entries and bytes (texture pixels as 4 bytes
 * a pixel, plus the kept strings). */
struct platform_cache_stats {
	int texts, images, widths, fonts;
	size_t text_bytes, image_bytes, width_bytes;
};
void platform_cache_stats(const struct platform *p,
			  struct platform_cache_stats *out);

/* Today's date in local time as YYYYMMDD (the wall clock lives here and
 * in main, never in the core). */
int platform_today(void);

/* The local time of day in minutes after midnight (0..1439). */
int platform_minute(void);

/* Milliseconds since the platform opened. */
uint64_t platform_ticks(void);

enum platform_event_kind {
	PEV_NONE,
	PEV_POINTER,   /* kind, x, y */
	PEV_QUIT,      /* SIGTERM: end cleanly */
	PEV_EXPOSE,    /* the window needs painting again */
	PEV_RESCAN,    /* SIGHUP: look for a newly installed pack now */
	PEV_REPORT,    /* SIGUSR1: log what the caches hold */
	PEV_TEST_HANG, /* tests only: SIGUSR2 with WIJKKIOSK_TEST_HANG=1 in
			* the environment; the loop stops turning (the
			* watchdog test) */
};

struct platform_event {
	enum platform_event_kind kind;
	enum ptr_kind ptr;
	int x, y;
};

/* Waits up to timeout_ms (-1: forever) for an event. Returns 1 with *ev
 * filled, 0 on time-out. Events the kiosk ignores (Escape, Alt+F4, window
 * close, Ctrl+C) never come out of here. */
int platform_wait(struct platform *p, int timeout_ms,
		  struct platform_event *ev);

/* Queues a finger event at pixel x,y as a touch screen would send it
 * (used by make bench to time a swipe through the real event path). */
void platform_push_pointer(struct platform *p, enum ptr_kind kind, int x,
			   int y);

/* Opens an image or PDF fully to prove it can be shown (content_probe_fn
 * for CONTENT_DEEP checks). Needs no window. */
int platform_probe(void *ctx, const char *path, int is_pdf, char *why,
		   size_t why_size);

/* Signals, for the whole process. Call before anything else creates
 * threads. SIGHUP, SIGUSR1, SIGUSR2 and SIGPIPE are logged and survived
 * (a write to a reader that has gone fails with EPIPE instead); SIGTERM
 * ends the program cleanly: PEV_QUIT out of platform_wait, -1 out of
 * platform_wait_input. SIGHUP also comes out as PEV_RESCAN, SIGUSR1 as
 * PEV_REPORT (whoever takes it logs the caches' sizes). When the
 * environment holds WIJKKIOSK_TEST_HANG=1 (tests only; the unit never
 * sets it), SIGUSR2 comes out as PEV_TEST_HANG instead of being ignored. With
 * public_kiosk, Ctrl+C (SIGINT) is logged and ignored; otherwise (a
 * script run) it keeps its default and ends the program. The result
 * lives until the process ends; NULL on failure, with e saying why. */
struct platform_signals;
struct platform_signals *platform_signals_init(int public_kiosk, struct err *e);

/* Waits until fd has something to read (or its end), then returns 0; -1
 * when SIGTERM came first, or had come before. */
int platform_wait_input(struct platform_signals *s, int fd);

/* Puts a key press, as a real keyboard makes it, into the event queue:
 * name is an SDL key name, optionally after modifiers joined by '+'
 * ("Escape", "alt+F4", "ctrl+alt+BackSpace", "super"). The events then
 * come out of platform_wait like any other. -1 on an unknown name. */
int platform_key(struct platform *p, const char *name, struct err *e);

#endif
