/*
 * test_slip: the test slip staff print to see that the receipt printer
 * works, the same from `kioskctl print-test` and from staff mode on the
 * kiosk. It says which printer and paper it was meant for, shows letters
 * with accents, and carries a QR code that opens an e-mail with accents
 * and the signs that separate fields (tests/e2e/slip.sh reads it back).
 */
#ifndef KIOSK_TEST_SLIP_H
#define KIOSK_TEST_SLIP_H

#include "base/err.h"
#include "core/print/slip.h"
#include "core/reach.h"

#define TEST_SLIP_TO	  "printer@wijkkiosk.example"
#define TEST_SLIP_SUBJECT "Proef van de printer"

/* The slip and the text it points into; the struct slip is valid while
 * the struct test_slip is. */
struct test_slip {
	struct slip slip;
	char payload[REACH_PAYLOAD_MAX + 1];
	char says[200];
	char paper[200];
};

/* Fills t for the printer at device (borrowed, copied) on paper of
 * paper_mm (0: SLIP_PAPER_MM), with the wijk's name and logo (borrowed:
 * they must outlive t; either may be NULL). 0, or -1 with e filled. */
int test_slip_make(struct test_slip *t, const char *device, int paper_mm,
		   const char *wijk, const char *logo, struct err *e);

#endif
