/*
 * slip: paper widths and ESC/POS raster bytes; see slip.h.
 */
#include "core/print/slip.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/qr.h"

int slip_dots(int paper_mm)
{
	int dots;

	if (paper_mm <= 0)
		paper_mm = SLIP_PAPER_MM;
	if (paper_mm == 58)
		return 384;
	if (paper_mm == 80)
		return 576;
	dots = (paper_mm - 8) * SLIP_DOTS_PER_MM;
	dots -= dots % 8;
	return dots < 8 ? 8 : dots;
}

size_t slip_qr_max(int paper_mm)
{
	int dots = slip_dots(paper_mm);
	size_t len = 0;

	while (len < QR_MAX_LEN &&
	       (qr_modules(len + 1) + 2 * QR_QUIET) * QR_MIN_PX <= dots)
		len++;
	return len;
}

int escpos_raster(const uint8_t *bits, int width, int height, uint8_t **out,
		  size_t *n, struct err *e)
{
	static const uint8_t reset[] = { 0x1B, '@' };
	static const uint8_t tail[] = {
		0x1B, 'd', SLIP_FEED_LINES, 0x1D, 'V', 1
	};
	size_t row, bands, size, at = 0;
	uint8_t *b;
	int y;

	*out = NULL;
	*n = 0;
	if (width <= 0 || height <= 0)
		return err_set(e, "empty raster (%dx%d)", width, height);
	if (width > 2040 || height > SLIP_HEIGHT_MAX)
		return err_set(e, "raster of %dx%d dots is too large to print",
			       width, height);
	row = (size_t)(width + 7) / 8;
	bands = (size_t)(height + SLIP_BAND_ROWS - 1) / SLIP_BAND_ROWS;
	size = sizeof(reset) + bands * 8 + row * (size_t)height + sizeof(tail);
	b = xmalloc(size);
	memcpy(b, reset, sizeof(reset));
	at = sizeof(reset);
	for (y = 0; y < height; y += SLIP_BAND_ROWS) {
		int rows = height - y < SLIP_BAND_ROWS ? height - y
						       : SLIP_BAND_ROWS;

		/* GS v 0 m xL xH yL yH: normal size, bytes a row, rows */
		b[at++] = 0x1D;
		b[at++] = 'v';
		b[at++] = '0';
		b[at++] = 0;
		b[at++] = (uint8_t)(row & 0xFF);
		b[at++] = (uint8_t)(row >> 8);
		b[at++] = (uint8_t)(rows & 0xFF);
		b[at++] = (uint8_t)(rows >> 8);
		memcpy(b + at, bits + (size_t)y * row, row * (size_t)rows);
		at += row * (size_t)rows;
	}
	memcpy(b + at, tail, sizeof(tail));
	at += sizeof(tail);
	*out = b;
	*n = at;
	return 0;
}
