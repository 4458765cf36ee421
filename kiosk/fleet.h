/*
 * fleet: the running kiosk's part in a town with several kiosks: it takes
 * packs from DATA/inbox/ and puts its survey answers in DATA/outbox/,
 * folders a synchronisation program (Syncthing) shares with the office.
 * See core/inbox.h and core/outbox.h for the rules; docs/samenwerken.md
 * for the set-up.
 *
 * The checking and installing of a pack, and the writing of the outbox
 * file, are done by `kioskctl install` and `kioskctl outbox` in a child
 * process at low priority, so the screen never waits for them and a
 * broken pack can at worst end that child. Only one child runs at a time;
 * a new one starts only while the kiosk rests (attract screen). A script
 * run waits for the child right away: its clock is simulated.
 *
 * Each part is on when its folder exists (make install makes both).
 * Private to the kiosk program.
 */
#ifndef KIOSK_FLEET_H
#define KIOSK_FLEET_H

#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/inbox.h"

#define FLEET_LOOK_MS 10000 /* how often the inbox is looked at */
#define FLEET_JOB_MS  500   /* how often a running child is checked on */

enum fleet_job { FLEET_IDLE, FLEET_INSTALL, FLEET_OUTBOX };

struct fleet {
	const char *data;   /* borrowed: the data folder */
	char ctl[PATH_MAX]; /* kioskctl, beside the kiosk */
	char name[64];	    /* this kiosk's name for the outbox */
	int date;	    /* --date, passed on; 0: today's */
	int scripted;	    /* wait for each child */
	int inbox_on, outbox_on;
	struct inbox inbox;
	uint64_t next_look;

	enum fleet_job job; /* what the child does */
	pid_t pid;
	char job_pack[INBOX_NAME_MAX];
	uint64_t job_print;
	char job_out[PATH_MAX]; /* the child's output */
	int outbox_day;		/* the day the outbox was last written */
};

/* Starts, at time now, for data folder data (borrowed). name: this
 * kiosk's name from settings.ini ("" for the host name). */
void fleet_init(struct fleet *f, const char *data, const char *name, int date,
		int scripted, uint64_t now);

/* Milliseconds until the fleet needs the loop again; -1: never. */
int64_t fleet_wakeup_in(const struct fleet *f, uint64_t now);

/* Does what is due: finishes a child that ended, looks at the inbox, and
 * while the kiosk rests starts the next child. today YYYYMMDD, minute of
 * the day for the reports. Returns 1 when a pack was installed (look for
 * it now). */
int fleet_tick(struct fleet *f, uint64_t now, int today, int minute,
	       int resting);

/* Ends a running child (SIGTERM; packstore is safe at any moment). */
void fleet_release(struct fleet *f);

#endif
