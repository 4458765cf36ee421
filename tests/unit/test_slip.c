/*
 * test_slip: the bytes a receipt printer gets. A slip is one picture:
 * reset, the raster in GS v 0 bands with the right width and height in
 * their headers and every row of dots in order, a feed past the cutter and
 * the cut. The paper's width decides the dots a row, and how long a QR
 * payload may be so its modules stay 6 dots wide.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/print/slip.h"
#include "core/qr.h"

static void test_dots_per_paper(void **state)
{
	(void)state;
	assert_int_equal(slip_dots(58), 384);
	assert_int_equal(slip_dots(80), 576);
	assert_int_equal(slip_dots(0), 576);
	assert_int_equal(slip_dots(112), 832);
	assert_int_equal(slip_dots(57) % 8, 0);
}

static void test_qr_max_fits_the_paper(void **state)
{
	static const int papers[] = { 58, 80, 112 };
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		size_t max = slip_qr_max(papers[i]);
		int dots = slip_dots(papers[i]);

		assert_true((qr_modules(max) + 2 * QR_QUIET) * QR_MIN_PX <=
			    dots);
		assert_true(max == QR_MAX_LEN ||
			    (qr_modules(max + 1) + 2 * QR_QUIET) * QR_MIN_PX >
				    dots);
	}
	assert_int_equal(slip_qr_max(58), 180);
	assert_true(slip_qr_max(80) >= 287);
}

/* A raster whose rows can be told apart: row y holds y in every byte. */
static uint8_t *pattern(int width, int height)
{
	size_t row = (size_t)(width + 7) / 8;
	uint8_t *b = malloc(row * height);
	int y;

	assert_non_null(b);
	for (y = 0; y < height; y++)
		memset(b + y * row, (uint8_t)(y * 7 + 1), row);
	return b;
}

static void test_bands_headers_and_cut(void **state)
{
	static const int heights[] = { 1, 127, 128, 129, 300, 1000 };
	size_t h;

	(void)state;
	for (h = 0; h < sizeof(heights) / sizeof(heights[0]); h++) {
		int height = heights[h], width = 380, y = 0;
		size_t row = (size_t)(width + 7) / 8, at = 2, n;
		uint8_t *bits = pattern(width, height), *out;
		struct err e = { "" };

		assert_int_equal(
			escpos_raster(bits, width, height, &out, &n, &e), 0);
		assert_memory_equal(out, "\x1b@", 2);
		while (y < height) {
			int rows = out[at + 6] + 256 * out[at + 7];

			assert_memory_equal(out + at, "\x1dv0\0", 4);
			assert_int_equal(out[at + 4] + 256 * out[at + 5], row);
			assert_true(rows >= 1 && rows <= SLIP_BAND_ROWS);
			/* every band full but the last */
			assert_true(rows == SLIP_BAND_ROWS ||
				    y + rows == height);
			at += 8;
			assert_memory_equal(out + at, bits + y * row,
					    row * rows);
			at += row * rows;
			y += rows;
		}
		assert_int_equal(y, height);
		assert_int_equal(n, at + 6);
		assert_memory_equal(out + at,
				    "\x1b"
				    "d",
				    2);
		assert_int_equal(out[at + 2], SLIP_FEED_LINES);
		assert_memory_equal(out + at + 3, "\x1dV\x01", 3);
		free(out);
		free(bits);
	}
}

static void test_refuses_empty_and_huge(void **state)
{
	uint8_t bits[8] = { 0 }, *out = (uint8_t *)1;
	struct err e = { "" };
	size_t n = 5;

	(void)state;
	assert_int_equal(escpos_raster(bits, 0, 1, &out, &n, &e), -1);
	assert_null(out);
	assert_int_equal(n, 0);
	assert_int_equal(escpos_raster(bits, 8, 0, &out, &n, &e), -1);
	assert_int_equal(escpos_raster(bits, 4096, 1, &out, &n, &e), -1);
	assert_int_equal(
		escpos_raster(bits, 8, SLIP_HEIGHT_MAX + 1, &out, &n, &e), -1);
	assert_non_null(strstr(e.msg, "too large"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dots_per_paper),
		cmocka_unit_test(test_qr_max_fits_the_paper),
		cmocka_unit_test(test_bands_headers_and_cut),
		cmocka_unit_test(test_refuses_empty_and_huge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
