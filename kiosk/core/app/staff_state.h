/*
 * staff_state: the app's share of staff mode (app_staff.c): what the
 * program lends it (the data folder, the wall clock, finding sticks) and
 * the state of one staff visit, wiped with the visit.
 */
#ifndef KIOSK_STAFF_STATE_H
#define KIOSK_STAFF_STATE_H

#include <stdint.h>

#include "core/print/test_slip.h"
#include "core/screens/staff_view.h"

/* Lent by the program (copied by app_set_staff_env). */
struct app_staff_env {
	void *ctx;
	const char *data_dir; /* borrowed for the app's life; NULL: no
				 staff mode (nothing can be kept) */
	/* wall-clock seconds at app time started_ms: the wall clock now is
	 * wall_start + (now - started_ms) / 1000 (a script's clock drives
	 * it in tests) */
	int64_t wall_start;
	uint64_t started_ms;
	int printer_configured;
	int desktop_allowed; /* settings.ini [staff] desktop = ja */
	char printer_device[256]; /* the device, for the test slip */
	/* the mounted USB sticks: fills out with up to max folders and
	 * returns how many there are; NULL: none */
	int (*find_sticks)(void *ctx, char (*out)[STAFF_PATH_MAX], int max);
};

#define APP_STAFF_PIN_MAX 16

struct app_staff {
	struct app_staff_env env;
	struct staff_view view;
	char pin[APP_STAFF_PIN_MAX]; /* digits typed; wiped */
	char stick[STAFF_PATH_MAX];  /* the stick found for this page */
	char pack[STAFF_PATH_MAX];   /* the pack on it, checked */
	int restart;		     /* staff asked for a restart */
	int desktop;		     /* staff asked to leave for the desktop */
	int print_cmd;		     /* the test slip waits for the printer */
	struct test_slip slip;	     /* what print_cmd prints */
	/* the last slip's fault in Dutch (visitor's or test), for the
	 * status; "" when none; kept when staff mode closes */
	char print_fault[200];
};

#endif
