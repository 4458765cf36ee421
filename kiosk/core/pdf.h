/*
 * pdf: flyers that staff receive as PDF, opened and rendered page by page
 * into plain 32-bit pixels the platform turns into textures. The only file
 * that includes Poppler.
 */
#ifndef KIOSK_PDF_H
#define KIOSK_PDF_H

#include "base/err.h"

/* Number of pages, or -1 with a Dutch reason a staff member understands
 * (corrupt file, password, no pages). */
int pdf_page_count(const char *path, struct err *e);

/* The same, and the size of page 1 in points (1/72 inch) in *w and *h,
 * from one opening of the file: what the kiosk learns when a flyer is
 * opened, so frames never touch the file. */
int pdf_inspect(const char *path, double *w, double *h, struct err *e);

/* Renders page `page` (from 1) as large as fits in max_w x max_h, keeping
 * its shape, on white. *pixels is w*h 32-bit pixels 0xXXRRGGBB in native
 * byte order (XRGB8888, what software renderers draw fastest); caller
 * frees with free(). */
int pdf_render(const char *path, int page, int max_w, int max_h,
	       unsigned char **pixels, int *w, int *h, struct err *e);

#endif
