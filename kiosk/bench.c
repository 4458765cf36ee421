/*
 * bench: the kiosk's benchmarks (make bench). Owns the monotonic and CPU
 * clocks they read, and drives the app as a visitor would: frames of the
 * attract animation, frames of a page, swipes and taps through the real
 * event path. Prints `bench:` lines for tests/bench; changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "bench.h"
#include "loop.h"

uint64_t bench_mono_ns(void)
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
void bench_frames(struct app *a, struct platform *p, long n)
{
	uint64_t *t = xcalloc((size_t)n, sizeof(*t)), now = a->now;
	long i;

	for (i = 0; i < n; i++) {
		uint64_t t0 = bench_mono_ns();

		/* 60 frames a second of simulated time: highlights change
		 * and fade in as they would on the real screen */
		now += 16;
		app_advance(a, now);
		app_bench_fade(a); /* keep the fade running */
		platform_present(p, app_frame(a), 1);
		t[i] = bench_mono_ns() - t0;
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
int bench_page(struct loop *l, const char *id, long n)
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
		uint64_t t0 = bench_mono_ns();

		now += 16;
		app_advance(a, now);
		platform_present(l->p, app_frame(a), 1);
		t[i] = bench_mono_ns() - t0;
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
int bench_swipe(struct loop *l, const char *id, long n)
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
	t0 = bench_mono_ns();
	platform_push_pointer(l->p, UI_PTR_UP, x, y);
	bench_settle(l);
	return (l->painted_ns - t0) / 1e6;
}

/* Time from a tap on a PDF flyer's thumbnail to its first page on
 * screen, then from a tap on "next" to the second page (rendered ahead
 * while the first was shown), then back to the first (from the cache).
 * Uses the first PDF flyer of the pack, through the real event path. */
int bench_flyer(struct loop *l)
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
