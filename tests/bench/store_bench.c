/*
 * store_bench: how fast the survey store saves a response and exports
 * many, for tests/bench/store.sh. Not a test: it prints figures.
 *
 *   store_bench save DIR N      saves N responses to DIR/enquete.sqlite,
 *                               each timed; prints the median and mean
 *   store_bench fill DIR N      saves N responses, quietly (put DIR on a
 *                               RAM disk to make 100,000 quickly)
 *   store_bench export DIR OUT csv|report
 *                               exports DIR/enquete.sqlite to OUT; prints
 *                               the time
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "core/store/export.h"
#include "core/store/store.h"
#include "../unit/survey_fixture.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int save(const char *dir, int n, int timed)
{
	struct survey_answers a;
	struct err e = { "" };
	struct survey s;
	struct store *st;
	char path[4096];
	double *ms = calloc((size_t)n, sizeof(*ms)), sum = 0;
	int i;

	if (!ms)
		return 1;
	snprintf(path, sizeof(path), "%s/" STORE_FILE, dir);
	st = store_open(path, 20261124, &e);
	if (!st) {
		fprintf(stderr, "store_bench: %s\n", e.msg);
		return 1;
	}
	survey_fill(&s);
	for (i = 0; i < n; i++) {
		double t0;

		answers_fill(&a, i);
		t0 = now_ms();
		if (store_response_add(st, &s, &a, 2026, 1 + i % 52, &e) < 0) {
			fprintf(stderr, "store_bench: %s\n", e.msg);
			return 1;
		}
		ms[i] = now_ms() - t0;
		sum += ms[i];
	}
	store_close(st);
	store_definition_release(&s);
	if (timed) {
		qsort(ms, (size_t)n, sizeof(*ms), cmp_double);
		printf("save: %d responses, median %.2f ms, mean %.2f ms, "
		       "slowest %.2f ms\n",
		       n, ms[n / 2], sum / n, ms[n - 1]);
	}
	free(ms);
	return 0;
}

static int export(const char *dir, const char *out, const char *what)
{
	struct export_opts o = { 0 };
	struct export_result r;
	struct err e = { "" };
	char path[4096];
	const char *files[1] = { path };
	double t0;

	snprintf(path, sizeof(path), "%s/" STORE_FILE, dir);
	o.files = files;
	o.nfiles = 1;
	o.outdir = out;
	o.what = strcmp(what, "csv") == 0 ? EXPORT_CSV : EXPORT_REPORT;
	t0 = now_ms();
	if (export_run(&o, &r, &e) < 0) {
		fprintf(stderr, "store_bench: %s\n", e.msg);
		return 1;
	}
	printf("export to %s: %d responses in %.0f ms\n", what, r.responses,
	       now_ms() - t0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "save") == 0)
		return save(argv[2], atoi(argv[3]), 1);
	if (argc == 4 && strcmp(argv[1], "fill") == 0)
		return save(argv[2], atoi(argv[3]), 0);
	if (argc == 5 && strcmp(argv[1], "export") == 0)
		return export(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: store_bench save|fill DIR N | export DIR OUT "
			"csv|report\n");
	return 2;
}
