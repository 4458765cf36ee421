/*
 * pin_bench: how long the kiosk takes to hash a staff PIN (kioskctl pin)
 * and to check one (each try on the PIN pad): Argon2id with libsodium's
 * "interactive" limits. Prints the median of N runs of each, in ms. The
 * check runs on the kiosk's main thread, so it is the time a PIN tap on
 * "OK" keeps the screen still.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/pin.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 9, i;
	double hash_ms[64], verify_ms[64], t;
	char h[PIN_HASH_MAX];
	struct err e = { "" };

	if (n < 1 || n > 64)
		n = 9;
	for (i = 0; i < n; i++) {
		t = now_ms();
		if (pin_hash("583917", h, sizeof(h), &e) < 0) {
			fprintf(stderr, "pin_bench: %s\n", e.msg);
			return 1;
		}
		hash_ms[i] = now_ms() - t;
		t = now_ms();
		if (!pin_verify(h, "583917")) {
			fprintf(stderr, "pin_bench: the PIN does not verify\n");
			return 1;
		}
		verify_ms[i] = now_ms() - t;
	}
	qsort(hash_ms, (size_t)n, sizeof(double), cmp);
	qsort(verify_ms, (size_t)n, sizeof(double), cmp);
	printf("pin: argon2id interactive (64 MiB, 2 passes), median of %d\n",
	       n);
	printf("pin: hash %.1f ms, verify %.1f ms\n", hash_ms[n / 2],
	       verify_ms[n / 2]);
	return 0;
}
