/*
 * test_slip: the printer's test slip; see test_slip.h.
 */
#include "core/print/test_slip.h"

#include <stdio.h>
#include <string.h>

#define TEST_SLIP_BODY "Één café & reünie: werkt de code? 100% ja.\nTot ziens!"

int test_slip_make(struct test_slip *t, const char *device, int paper_mm,
		   const char *wijk, const char *logo, struct err *e)
{
	struct reach r = { REACH_EMAIL, TEST_SLIP_TO, TEST_SLIP_SUBJECT,
			   TEST_SLIP_BODY };
	struct slip *s = &t->slip;

	memset(t, 0, sizeof(*t));
	if (paper_mm <= 0)
		paper_mm = SLIP_PAPER_MM;
	if (reach_payload(&r, t->payload, slip_qr_max(paper_mm) + 1, NULL, e) <
	    0)
		return -1;
	snprintf(t->says, sizeof(t->says), "Opent een e-mail aan %s",
		 TEST_SLIP_TO);
	snprintf(t->paper, sizeof(t->paper), "Printer %s, papier van %d mm.",
		 device ? device : "?", paper_mm);
	s->title = "Testbriefje van de wijkkiosk";
	s->lines[s->nlines++] = "Kunt u dit lezen? Dan werkt de printer goed.";
	s->lines[s->nlines++] = "Letters met accenten: één, café, reünie, "
				"ça va, Zoë, ğ ş ł ї.";
	s->lines[s->nlines++] = t->paper;
	s->lines[s->nlines++] = "Scan de code met een telefoon: er opent een "
				"e-mail.";
	s->qr = t->payload;
	s->qr_says = t->says;
	s->footer = wijk;
	s->logo = logo;
	s->paper_mm = paper_mm;
	return 0;
}
