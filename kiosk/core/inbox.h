/*
 * inbox: content packs that arrive in DATA/inbox/ through a
 * synchronisation program (Syncthing) from the office. Each pack is a
 * folder, inbox/NAAM/ with kiosk.ini at its top. This module decides when
 * a pack has fully arrived and keeps what became of it; checking and
 * installing it is `kioskctl install`'s work, which the kiosk runs for it.
 *
 * A pack counts as still arriving while
 *   - a file of it is a Syncthing temporary file (.syncthing.*.tmp, or
 *     ~syncthing~*.tmp on Windows),
 *   - kiosk.ini is not there yet, or
 *   - anything in it changed since the previous look (names, sizes and
 *     modification times of every file: its fingerprint).
 * A pack that has stayed the same for one whole look is ready, once: its
 * fingerprint is kept in DATA/inbox.seen with the outcome, so it is not
 * tried again until it changes.
 *
 * What became of a pack is written beside it, in Dutch, for the office:
 * inbox/NAAM.fout.txt when it was refused (with every problem
 * `kioskctl check` found), inbox/NAAM.ok.txt when it was installed; the
 * other of the two is removed. Every file is written under a temporary
 * name, synced and renamed.
 *
 * I/O only when asked (inbox_look, inbox_done), never inside a frame; no
 * clock: the caller passes the day and the time in. Messages are Dutch.
 */
#ifndef KIOSK_INBOX_H
#define KIOSK_INBOX_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define INBOX_DIR	"inbox"
#define INBOX_SEEN	"inbox.seen"
#define INBOX_PACKS_MAX 32    /* pack folders looked at, by name order */
#define INBOX_FILES_MAX 20000 /* files in one pack; more: refused */
#define INBOX_NAME_MAX	128

struct inbox_pack {
	char name[INBOX_NAME_MAX];
	uint64_t print; /* fingerprint of the folder */
};

struct inbox {
	char dir[4096];				 /* DATA/inbox */
	char seen[4096];			 /* DATA/inbox.seen */
	struct inbox_pack last[INBOX_PACKS_MAX]; /* at the previous look */
	int nlast;
	struct inbox_pack done[INBOX_PACKS_MAX]; /* handled, as handled */
	int ndone;
};

/* What one pack folder looks like now. */
enum inbox_state {
	INBOX_ARRIVING, /* a temporary file, or no kiosk.ini yet */
	INBOX_COMPLETE, /* looks whole (may still be changing) */
	INBOX_TOO_BIG,	/* more than INBOX_FILES_MAX files, or too deep */
};

/* Reads the state of dir (a pack folder) and its fingerprint. */
enum inbox_state inbox_pack_state(const char *dir, uint64_t *print);

/* Prepares ib for data_dir: reads DATA/inbox.seen. Returns 1 when
 * DATA/inbox exists (the kiosk then watches it), 0 when not. */
int inbox_open(struct inbox *ib, const char *data_dir);

/* One look at every pack folder in the inbox. Returns 1 with the name
 * and fingerprint of the first pack (by name) that is complete, the same
 * as at the previous look and not handled in this form; 0 when none is.
 * A pack with too many files is refused at once (its report written). */
int inbox_look(struct inbox *ib, char *name, size_t size, uint64_t *print);

/* Records what became of pack `name` at fingerprint `print`: installed
 * or refused, with `report` (the checker's output, may be "") and the
 * moment (today YYYYMMDD, minute of the day) for the report beside it.
 * Returns 0, or -1 with e filled when a file could not be written. */
int inbox_done(struct inbox *ib, const char *name, uint64_t print,
	       int installed, const char *report, int today, int minute,
	       struct err *e);

#endif
