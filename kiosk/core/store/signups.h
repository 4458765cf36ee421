/*
 * signups: the sign-ups for initiatives, personal data, in their own
 * SQLite file in the data folder (DATA/aanmeldingen.sqlite), never in the
 * survey file. It owns that file, its -wal and -shm, and the damaged files
 * it moved aside.
 *
 * What the file holds: one row per sign-up in a WITHOUT ROWID table keyed
 * by a random 128-bit id, with the initiative's id, the day of the
 * sign-up, the day it is to be deleted, the hash of the consent text the
 * person accepted, and the name and contact. With a staff public key the
 * name and contact are sealed together (core/seal.h) and kept only as a
 * sealed box, padded so its length says little about the name: the file
 * alone then reveals nothing personal, and the kiosk itself cannot read
 * them back.
 *
 * Protection: the file and its -wal and -shm are made with mode 0600,
 * whatever the umask; WAL, synchronous=FULL (read back), secure_delete=ON,
 * a busy timeout; one transaction per sign-up, signups_add() returns 0
 * only after COMMIT returned. A purge overwrites what it deletes and then
 * empties the WAL (checkpoint TRUNCATE), so a deleted name is in neither
 * file afterwards.
 *
 * Nothing of a sign-up (name, contact) goes into a log line or an error
 * message. Messages in `struct err` are Dutch. The module never reads the
 * clock: days are passed in as YYYYMMDD.
 */
#ifndef KIOSK_SIGNUPS_H
#define KIOSK_SIGNUPS_H

#include <stdint.h>

#include "base/err.h"
#include "core/seal.h"

#define SIGNUPS_FILE	     "aanmeldingen.sqlite"
#define SIGNUPS_ID_BYTES     16
#define SIGNUPS_KEEP_DEFAULT 90	  /* days, when the pack says nothing */
#define SIGNUPS_KEEP_MAX     365  /* days */
#define SIGNUPS_NAME_MAX     1024 /* bytes of UTF-8 */
#define SIGNUPS_CONTACT_MAX  320  /* bytes: an e-mail address or a phone */
#define SIGNUPS_REF_MAX	     128  /* initiative id, consent hash */

struct signups;

/* One sign-up to save. All borrowed for the call. */
struct signup_in {
	const char *initiative;	  /* id of the initiative in the pack */
	const char *name;	  /* as typed */
	const char *contact;	  /* phone (E.164) or e-mail, as checked */
	const char *consent_hash; /* hex of the consent text's hash */
};

/* One sign-up as read back. Borrowed until the callback returns. */
struct signup_out {
	uint8_t id[SIGNUPS_ID_BYTES];
	const char *initiative;
	int day;       /* of the sign-up, YYYYMMDD */
	int delete_on; /* YYYYMMDD: purged from this day on */
	const char *consent_hash;
	int sealed; /* 1: stored sealed to a staff key */
	/* NULL when sealed and not opened (no secret key given) */
	const char *name, *contact;
};

/* Opens, or creates, the sign-up file at path for the kiosk. pubkey NULL
 * stores name and contact in plain columns; otherwise (SEAL_PUBLIC_BYTES,
 * copied) they are sealed to it. A file SQLite finds damaged is moved
 * aside as the survey store does (PATH.beschadigd-JJJJ-MM-DD, today only
 * names it) and a fresh one is used. Returns NULL with e filled when the
 * file cannot be opened at all. Close with signups_close(). */
struct signups *signups_open(const char *path, int today, const uint8_t *pubkey,
			     struct err *e);

/* Opens an existing sign-up file for reading (export, count): no
 * creating, no moving aside, no writes. Works while the kiosk has it
 * open. NULL with e filled when path is not a sign-up file. */
struct signups *signups_open_read(const char *path, struct err *e);

/* Closes s (NULL is fine). */
void signups_close(struct signups *s);

/* Saves one sign-up made on `today`; it is to be deleted on today +
 * keep_days (1..SIGNUPS_KEEP_MAX; 0 means SIGNUPS_KEEP_DEFAULT). Refuses,
 * with a Dutch message that quotes none of the personal data, an empty or
 * too long name or contact, text that is not UTF-8, or a missing
 * initiative or consent hash. Returns 0 only after COMMIT returned; -1
 * with e filled (disk full, read-only, refused) and nothing written. */
int signups_add(struct signups *s, const struct signup_in *in, int today,
		int keep_days, struct err *e);

/* Deletes every sign-up whose delete day is today or before; *removed
 * (may be NULL) gets how many. For the kiosk's start and each new day. */
int signups_purge_expired(struct signups *s, int today, int *removed,
			  struct err *e);

/* Deletes every sign-up for `initiative` (NULL: all of them). Needs a
 * file opened with signups_open(). */
int signups_purge(struct signups *s, const char *initiative, int *removed,
		  struct err *e);

/* The number of sign-ups for `initiative` (NULL: all), for staff. */
int signups_count(struct signups *s, const char *initiative, int *n,
		  struct err *e);

/* Calls fn for each sign-up, by initiative, then day, inside one read
 * transaction. A sealed sign-up is opened with seckey
 * (SEAL_SECRET_BYTES); with seckey NULL, fn gets it with sealed = 1 and
 * no name or contact. A sealed sign-up that seckey does not open stops
 * the scan: -1, e says the key is wrong. fn returns 0 to go on, -1 to
 * stop (the scan then returns -1 with e as fn filled it). The opened
 * names are wiped from memory after each call. */
typedef int (*signups_fn)(void *ctx, const struct signup_out *o, struct err *e);
int signups_scan(struct signups *s, const uint8_t *seckey, signups_fn fn,
		 void *ctx, struct err *e);

/* 1 when any sign-up in the file is sealed (so an export needs the
 * secret key); 0 when none; -1 with e filled. */
int signups_any_sealed(struct signups *s, struct err *e);

/* Writes a fresh copy of the whole file to path, mode 0600: one read
 * transaction (VACUUM INTO, never a copy of the bytes), with a rollback
 * journal so that it is read without -wal and -shm beside it, synced and
 * renamed into place. Sealed sign-ups stay sealed in it. For staff mode's
 * export of sealed sign-ups to a stick: `kioskctl export --signups OUT
 * --key staff.key --data FOLDER` opens the copy as FOLDER/SIGNUPS_FILE.
 * 0, or -1 with e filled. */
int signups_snapshot(struct signups *s, const char *path, struct err *e);

/* Lets the file grow to at most max_bytes while s is open; a sign-up
 * that does not fit fails as on a full disk. For tests. */
int signups_limit_bytes(struct signups *s, int64_t max_bytes, struct err *e);

/* ---- export, for staff (signups_export.c) ---- */

struct signups_export_result {
	int initiatives; /* files written */
	int signups;	 /* rows written */
};

/* Reads the sign-up file at path (one read transaction; the kiosk may go
 * on) and writes into outdir (made when missing) one file per initiative,
 * aanmeldingen-INITIATIEF.csv, with the CSV conventions of export.h
 * (UTF-8 with BOM, ';', RFC 4180 quoting, formula guard) and the columns
 * initiatief; dag van aanmelding; naam; contact; toestemming; te
 * verwijderen op. Each file is personal data: mode 0600, written under a
 * temporary name, synced, renamed. Sealed sign-ups are opened with seckey;
 * when there are sealed ones and seckey is NULL or the wrong key, nothing
 * at all is written and e says why. No sign-ups: nothing written, 0. */
int signups_export(const char *path, const char *outdir, const uint8_t *seckey,
		   struct signups_export_result *res, struct err *e);

#endif
