/* slip: stand-in until the print module lands (same interface). */
#ifndef KIOSK_SLIP_H
#define KIOSK_SLIP_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define SLIP_LINES_MAX 16

struct slip {
	const char *title;
	const char *lines[SLIP_LINES_MAX];
	int nlines;
	const char *qr;
	const char *qr_says;
	const char *footer;
	const char *logo;
	int rtl;
	int paper_mm;
};

#endif
