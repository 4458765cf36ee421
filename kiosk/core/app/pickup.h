/*
 * pickup: the rule for bringing a newly installed content pack on screen.
 * Staff install a pack with `kioskctl install`, which swaps the data
 * folder's `current` link; the running kiosk looks at that link every
 * PICKUP_LOOK_MS and shows the new pack, but never pulls a page from under
 * a visitor: it switches only while the kiosk rests (attract or
 * out-of-order screen), which the idle wipe brings about at the latest.
 * A pack is tried once: one that does not load is logged by the caller and
 * the old pack stays until another install.
 *
 * No I/O and no clock here: the caller reads the link when pickup_due()
 * says so, passes the time in (the real clock in the loop, the simulated
 * one in a script run) and loads the pack when told to.
 */
#ifndef KIOSK_PICKUP_H
#define KIOSK_PICKUP_H

#include <stdint.h>

#define PICKUP_LOOK_MS	3000
#define PICKUP_PATH_MAX 4096

struct pickup {
	int on;			     /* 0: no data folder watched */
	char shown[PICKUP_PATH_MAX]; /* installed pack last taken up */
	uint64_t next_look;	     /* when to read the link again */
};

enum pickup_action {
	PICKUP_KEEP,   /* nothing new, or nothing to look at */
	PICKUP_WAIT,   /* a new pack is there; a visitor is being served */
	PICKUP_SWITCH, /* load the new pack and show it now */
};

/* Starts watching at time now. `shown` (copied; may be NULL or "") is the
 * installed pack the kiosk started with. */
void pickup_init(struct pickup *pk, const char *shown, uint64_t now);

/* 1 when it is time to read the `current` link again; the next look is
 * then planned PICKUP_LOOK_MS later. 0 when not watching. */
int pickup_due(struct pickup *pk, uint64_t now);

/* What to do with `installed`, the folder the link points at now (read
 * just after pickup_due; NULL when it cannot be read), given whether the
 * kiosk rests. On PICKUP_SWITCH the pack counts as taken up, so a pack
 * that then fails to load is not tried again. */
enum pickup_action pickup_decide(struct pickup *pk, const char *installed,
				 int resting);

/* Milliseconds from now until the next look (0 when due), -1 when not
 * watching: the loop may sleep that long. */
int64_t pickup_wakeup_in(const struct pickup *pk, uint64_t now);

#endif
