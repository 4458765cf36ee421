/*
 * outbox: this kiosk's survey answers for the office, in DATA/outbox/,
 * which a synchronisation program (Syncthing) carries to the office PC.
 * One file a day, named by kiosk and date:
 *
 *   outbox/enquete-NAAM-JJJJ-MM-DD.sqlite
 *
 * each a compact copy of the whole survey file (store_snapshot: a read
 * transaction, never a copy of the file), so the office merges every
 * kiosk with `kioskctl export --merge` over the outbox files; a response
 * in two files (yesterday's and today's) counts once, by its random id.
 * The copy is made beside the outbox and renamed into it whole, so the
 * synchronisation never sees half a file. Only the OUTBOX_KEEP newest
 * files of this kiosk stay.
 *
 * Sign-ups (personal data) never go into the outbox: when the sign-up
 * store comes, only sign-ups sealed to the staff key may be added here,
 * and nothing else of them.
 *
 * Messages are Dutch (they reach staff). The module never reads the
 * clock: today is passed in.
 */
#ifndef KIOSK_OUTBOX_H
#define KIOSK_OUTBOX_H

#include <stddef.h>

#include "base/err.h"

#define OUTBOX_DIR  "outbox"
#define OUTBOX_KEEP 2 /* files of this kiosk kept: today's and one before */

/* This kiosk's name for its outbox files: `setting` (settings.ini
 * [kiosk] name) when given, else the host name made safe for a file name
 * (small letters, digits, '-'), else "kiosk". */
void outbox_kiosk_name(const char *setting, char *out, size_t size);

/* The file name for kiosk on day today (YYYYMMDD), into out. */
void outbox_file_name(const char *kiosk, int today, char *out, size_t size);

/* Writes today's file of kiosk into data_dir/outbox (made when missing),
 * replacing one of the same day, and removes the older ones of this kiosk
 * beyond OUTBOX_KEEP. Returns 1 with the path in written (may be NULL),
 * 0 when there are no answers yet (nothing written), -1 with e filled. */
int outbox_write(const char *data_dir, const char *kiosk, int today,
		 char *written, size_t size, struct err *e);

#endif
