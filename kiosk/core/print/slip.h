/*
 * slip: what a printed slip holds, and the bytes an ESC/POS receipt
 * printer needs to print a picture of it. A slip is printed as one raster
 * image (GS v 0), so Arabic, accents and emoji come out exactly as on the
 * screen, in the kiosk's own fonts, and the printer needs no code page.
 * The picture itself is made by the platform (platform/printer.c), which
 * has the fonts; this module owns no memory beyond what it hands back.
 *
 * Thermal printers print 8 dots a millimetre (203 dpi). The usual papers:
 *   58 mm paper: 48 mm printable, 384 dots a row
 *   80 mm paper: 72 mm printable, 576 dots a row
 */
#ifndef KIOSK_SLIP_H
#define KIOSK_SLIP_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define SLIP_LINES_MAX	 16
#define SLIP_DOTS_PER_MM 8
#define SLIP_PAPER_MM	 80    /* when the pack names no paper width */
#define SLIP_BAND_ROWS	 128   /* rows a GS v 0 command carries */
#define SLIP_HEIGHT_MAX	 12000 /* dots: a slip of 1.5 m is a mistake */
#define SLIP_FEED_LINES	 4     /* blank lines fed before the cut */

/* Everything is borrowed for the length of the call that gets it. */
struct slip {
	const char *title;
	const char *lines[SLIP_LINES_MAX]; /* paragraphs, wrapped to paper */
	int nlines;
	const char *qr;	     /* payload, may be NULL */
	const char *qr_says; /* the line under it, may be NULL */
	const char *footer;  /* the wijk's name */
	const char *logo;    /* image path or NULL */
	int rtl;	     /* laid out right to left (Arabic) */
	int paper_mm;	     /* 58 -> 384 dots, 80 -> 576 dots; 0: 80 */
};

/* Dots a row on paper of paper_mm millimetres: 384 for 58 mm, 576 for 80
 * mm; other widths lose 4 mm of margin on each side, in whole bytes. 0 or
 * less means SLIP_PAPER_MM. */
int slip_dots(int paper_mm);

/* The longest QR payload, in bytes, whose code with its quiet zone fits
 * the paper at QR_MIN_PX dots a module (180 bytes on 58 mm paper). Build
 * a slip's payload with at most this many (reach_payload with size this
 * plus one). */
size_t slip_qr_max(int paper_mm);

/* ESC/POS bytes for a 1-bit raster (1 = black, rows of (width+7)/8 bytes,
 * MSB left): ESC @ (reset), the raster as GS v 0 commands of at most
 * SLIP_BAND_ROWS rows each, ESC d SLIP_FEED_LINES (feed past the cutter)
 * and GS V 1 (cut, leaving a hinge). *out is allocated (caller frees with
 * free(); it may hold a visitor's words: clear it first). Returns 0, or -1
 * with e when the raster is empty, wider than 2040 dots or higher than
 * SLIP_HEIGHT_MAX. */
int escpos_raster(const uint8_t *bits, int width, int height, uint8_t **out,
		  size_t *n, struct err *e);

#endif
