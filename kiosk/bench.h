/*
 * bench: the benchmarks the kiosk runs for make bench (bench.c). Each
 * prints its `bench:` line on standard output.
 */
#ifndef KIOSK_BENCH_H
#define KIOSK_BENCH_H

#include <stdint.h>

struct app;
struct loop;
struct platform;

/* The monotonic clock in nanoseconds. */
uint64_t bench_mono_ns(void);

/* Paints n frames of the attract screen's animation, prints their times. */
void bench_frames(struct app *a, struct platform *p, long n);

/* Paints n frames of tile id's page; 1 when there is no such tile. */
int bench_page(struct loop *l, const char *id, long n);

/* Swipes n times across tile id's page; 1 when there is no such tile. */
int bench_swipe(struct loop *l, const char *id, long n);

/* Times opening the first PDF flyer and turning its pages; 1 when the
 * pack has none. */
int bench_flyer(struct loop *l);

#endif
