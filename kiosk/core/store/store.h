/*
 * store: the survey answers of this kiosk, in their own SQLite file in the
 * data folder (e.g. DATA/enquete.sqlite). The only module that includes
 * sqlite3.h. It owns that file and, next to it, SQLite's -wal and -shm
 * files and the damaged files it moved aside.
 *
 * What the file holds, and what it never holds (DESIGN.md, "Anonymity
 * rules"):
 *   - one row per completed response, in a WITHOUT ROWID table keyed by a
 *     random 128-bit id (getrandom), so neither a rowid nor the order of
 *     the table tells who answered after whom;
 *   - the survey id and version, the ISO week (passed in, never SQL's
 *     clock) and the answers; nothing about the device, the session, the
 *     duration or the language;
 *   - per version the definition as it was answered (question and option
 *     ids, kinds and Dutch texts), so an export names its columns even
 *     after the pack has moved on;
 *   - per version, question and option a running count, updated in the
 *     same transaction as the response, for the public bars.
 *
 * Durability: WAL, synchronous=FULL (set and read back at open),
 * secure_delete=ON, a busy timeout; one transaction per response, and
 * store_response_add() returns 0 only after COMMIT returned. A process
 * killed at any moment leaves each response whole or absent.
 *
 * Messages in `struct err` are Dutch: they reach staff (kioskctl, the
 * journal). The module never reads the clock.
 */
#ifndef KIOSK_STORE_H
#define KIOSK_STORE_H

#include <stdint.h>

#include "base/err.h"
#include "core/survey/survey.h"

#define STORE_ID_BYTES 16 /* a response id: 128 random bits */
#define STORE_FILE     "enquete.sqlite"

struct store;

/* Opens, or creates, the survey file at path for the kiosk: migrates the
 * schema (PRAGMA user_version) and sets WAL, synchronous=FULL,
 * busy_timeout and secure_delete. A file SQLite finds damaged (not a
 * database, or failing quick_check) is renamed to
 * PATH.beschadigd-JJJJ-MM-DD (its -wal and -shm along), logged once, and
 * a fresh file is used: the public sees the kiosk, not an error. today
 * (YYYYMMDD) is only used for that name. Returns NULL and fills e when the
 * file cannot be opened at all (no such folder, read-only, a newer schema
 * than this program knows). Close with store_close(). */
struct store *store_open(const char *path, int today, struct err *e);

/* Opens an existing survey file for reading only (exports, merges): no
 * migration, no moving aside, no writes. Works while the kiosk has the
 * file open. Returns NULL and fills e when path is not a survey file.
 * Close with store_close(). */
struct store *store_open_read(const char *path, struct err *e);

/* Closes st (NULL is fine); every pointer borrowed from it ends here. */
void store_close(struct store *st);

/* Saves one completed response to survey s, in one transaction: the
 * answers to the questions survey_shows() shows (others are left out),
 * the ISO week, and, the first time a version is seen, its definition.
 * Answers are checked against s first; a choice out of range, a number
 * outside min..max, a text that is not UTF-8 or too long refuses the
 * whole response. Returns 0 only after COMMIT returned; -1 with e filled
 * (disk full, read-only, refused answer) and nothing written. s and a are
 * borrowed for the call. */
int store_response_add(struct store *st, const struct survey *s,
		       const struct survey_answers *a, int iso_year,
		       int iso_week, struct err *e);

/* How often each answer to question q of survey s (this version) was
 * given, for the public bars. counts must have room for
 * SURVEY_OPTION_MAX; on return counts[i] is:
 *   CHOICE, MULTI  the responses that chose option i;
 *   SCALE          the responses that chose point i + 1 (i = 0..4);
 *   YESNO          counts[0] nee, counts[1] ja;
 *   NUMBER         with bands: the responses in band i; without: none;
 *   TEXT, INFO     none.
 * *total is the number of responses that answered q (MULTI: chose at
 * least one option). Reads a few small rows, whatever the number of
 * responses; the app still caches it and asks again only after a new
 * response. */
int store_counts(struct store *st, const struct survey *s, int q, int *counts,
		 int *total, struct err *e);

/* Lets the file grow to at most max_bytes (rounded down to whole pages)
 * for as long as st is open; a response that does not fit fails as on a
 * full disk. The kiosk leaves it unlimited; tests use it to stand in for
 * a full disk. */
int store_limit_bytes(struct store *st, int64_t max_bytes, struct err *e);

/* ---- reading back, for exports ---- */

/* A survey version the file holds responses to. */
struct store_version {
	char survey[SURVEY_ID_MAX];
	char version[17];
	int responses;
	int has_definition; /* 0 only in a damaged or foreign file */
};

/* One answer as stored. */
struct store_answer {
	int question;		 /* index in the definition */
	enum question_kind kind; /* as the question was when answered */
	int band;		 /* NUMBER: value is a band index */
	int value;	  /* CHOICE option index, MULTI bit mask of options,
			   * SCALE 1..5, YESNO 1 ja / 0 nee, NUMBER number or band */
	const char *text; /* TEXT, or the "anders" text; "" none. Borrowed
			   * until the callback returns */
};

/* One response as read back. Borrowed until the callback returns. */
struct store_response {
	uint8_t id[STORE_ID_BYTES];
	const char *survey, *version;
	int iso_year, iso_week;
	const struct store_answer *answers; /* in question order */
	int nanswers;
};

/* Starts a read transaction: everything read until store_read_end() sees
 * the file as it was at this moment, while the kiosk goes on adding
 * responses. */
int store_read_begin(struct store *st, struct err *e);
void store_read_end(struct store *st);

/* The versions with at least one response, sorted by survey and version.
 * Caller frees *out with free(). */
int store_versions(struct store *st, struct store_version **out, int *n,
		   struct err *e);

/* Fills *out with the definition of survey_id at version as it was saved:
 * ids, kinds, ranges, options and bands, with Dutch texts only (in
 * s[0]). Release with store_definition_release(). -1 when the file has
 * none. */
int store_definition(struct store *st, const char *survey_id,
		     const char *version, struct survey *out, struct err *e);
void store_definition_release(struct survey *s);

/* Calls fn for every response in the file, in the order of their random
 * ids (so in no order that follows time). fn returns 0 to go on, -1 to
 * stop (store_scan then returns -1 and leaves e as fn filled it). */
typedef int (*store_response_fn)(void *ctx, const struct store_response *r,
				 struct err *e);
int store_scan(struct store *st, store_response_fn fn, void *ctx,
	       struct err *e);

/* 1 when PRAGMA integrity_check says ok; 0 with the first problem in e. */
int store_check(struct store *st, struct err *e);

/* Writes a fresh, compact copy of the file to path (VACUUM INTO: a read
 * transaction, never a copy of the file, rebuilt in id order so no page
 * layout follows time), syncs it and renames it into place. For
 * `kioskctl export`, so another kiosk's export can be merged. */
int store_snapshot(struct store *st, const char *path, struct err *e);

#endif
