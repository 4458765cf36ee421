/*
 * staff_view: what the staff screens (staff.c) show, kept by the app
 * beside the visit and wiped with it. Read-only for the screens: they ask
 * for changes with REQ_STAFF and an enum staff_op in `value`.
 */
#ifndef KIOSK_STAFF_VIEW_H
#define KIOSK_STAFF_VIEW_H

#include "core/staff.h"

#define STAFF_HOLD_MS 5000   /* the press that opens the PIN pad */
#define STAFF_HOLD_MM 30.0   /* in the top-start corner, this big */
#define STAFF_IDLE_MS 120000 /* staff mode closes without a touch */

enum staff_page {
	STAFF_PAGE_PIN,	    /* the PIN pad (or how to set a PIN) */
	STAFF_PAGE_MENU,    /* what staff can do */
	STAFF_PAGE_STATUS,  /* facts about this kiosk */
	STAFF_PAGE_EXPORT,  /* survey results to a USB stick */
	STAFF_PAGE_LOAD,    /* a content pack from a USB stick */
	STAFF_PAGE_SIGNUPS, /* sign-ups: to a stick, delete */
	STAFF_PAGE_PRINT,   /* a test slip on the receipt printer */
	STAFF_PAGE_RESTART, /* "opnieuw starten?" */
	STAFF_PAGE_DESKTOP, /* "naar het bureaublad?" (the last page; only
			     * where settings.ini allows it) */
};

enum staff_op {
	STAFF_OP_ENTER,	  /* the long press: open the PIN pad */
	STAFF_OP_DIGIT,	  /* digit x typed on the pad */
	STAFF_OP_ERASE,	  /* the last digit off */
	STAFF_OP_OK,	  /* try the PIN */
	STAFF_OP_PAGE,	  /* open page x (looks for sticks, reads status) */
	STAFF_OP_EXPORT,  /* write the export to the stick */
	STAFF_OP_INSTALL, /* install the checked pack */
	STAFF_OP_RESTART, /* end the kiosk so that systemd starts it again */
	STAFF_OP_SCROLL,  /* first line of the long text becomes x */
	STAFF_OP_CLOSE,	  /* leave staff mode */
	STAFF_OP_SIGNUPS_EXPORT,  /* sign-ups to the stick */
	STAFF_OP_SIGNUPS_PURGE,	  /* "delete all": asks once */
	STAFF_OP_SIGNUPS_SURE,	  /* "yes, delete them all" */
	STAFF_OP_SIGNUPS_EXPIRED, /* delete the expired ones */
	STAFF_OP_PRINT,		  /* print the test slip */
	STAFF_OP_DESKTOP, /* end the kiosk for maintenance: not restarted */
};

struct staff_view {
	enum staff_page page;
	int ndigits;		/* digits typed on the pad (shown as dots) */
	int no_pin;		/* no PIN is set: say how to set one */
	int can_go;		/* the page's action may run (one stick, ...) */
	int done;		/* the action ran well */
	int failed;		/* msg is an error */
	int exported;		/* sign-ups went to the stick on this page */
	int confirm;		/* asking "Weet u het zeker?" */
	int busy;		/* the test slip is being printed */
	int desktop;		/* "Naar het bureaublad" is allowed here */
	char msg[640];		/* a Dutch sentence for the page */
	struct staff_text text; /* status lines or the pack check */
	int scroll;		/* first line of text shown */
};

#endif
