/*
 * store_internal: what store.c (opening, schema, saving) and store_read.c
 * (reading back) share: struct store, its prepared statements and the
 * answer blob's layout. Private to kiosk/core/store.
 */
#ifndef KIOSK_STORE_INTERNAL_H
#define KIOSK_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/store/store.h"

#define BLOB_FORMAT 1
#define REC_HEAD    8 /* bytes before an answer's text */
#define BLOB_MAX    (1 + SURVEY_QUESTION_MAX * (REC_HEAD + SURVEY_TEXT_MAX))

enum stmt {
	ST_BEGIN,
	ST_COMMIT,
	ST_HAS_VERSION,
	ST_ADD_VERSION,
	ST_ADD_QUESTION,
	ST_ADD_CHOICE,
	ST_ADD_RESPONSE,
	ST_TALLY,
	ST_COUNTS,
	ST_COUNT
};

struct store {
	sqlite3 *db;
	char *path; /* owned; for messages */
	sqlite3_stmt *st[ST_COUNT];
	int reading; /* inside store_read_begin() */
	uint8_t blob[BLOB_MAX];
};

/* Fills e with "what 'path': why" in Dutch, why from SQLite's rc. Returns
 * -1. */
int store_fail(struct err *e, const char *path, const char *what, sqlite3 *db,
	       int rc);

/* Runs sql, which returns at most one row, and copies its first column as
 * text into out (may be NULL). Returns the SQLite result code. */
int store_pragma(sqlite3 *db, const char *sql, char *out, size_t size);

/* Writes the folder entries of the folder holding path to the disk. */
void store_sync_parent(const char *path);

/* The settings of a writing connection, each read back: WAL,
 * synchronous=FULL, secure_delete=ON, busy_timeout, trusted_schema=OFF.
 * noun names the file in messages ("de enquête"). *damaged is 1 when
 * SQLite found the file damaged. */
int store_configure(sqlite3 *db, const char *path, const char *noun,
		    int *damaged, struct err *e);

/* PRAGMA quick_check; 1 when ok. */
int store_quick_ok(sqlite3 *db);

/* PRAGMA user_version into *out; returns the SQLite result code. */
int store_user_version(sqlite3 *db, int *out);

/* Renames a damaged file and its -wal and -shm out of the way, to
 * PATH.beschadigd-JJJJ-MM-DD (today is YYYYMMDD), and logs it once. */
int store_move_aside(const char *path, int today, struct err *e);

/* Fills the n bytes at id with random bits (getrandom). */
int store_random_id(uint8_t *id, size_t n, struct err *e);

/* Lets db's file grow to at most max_bytes (store_limit_bytes()). */
/* VACUUM INTO a temporary name beside path, the copy switched to a
 * rollback journal (it is read without -wal and -shm), synced, renamed to
 * path with the permission bits mode; see store_snapshot() in store.h. */
int store_db_snapshot(sqlite3 *db, const char *path, int mode, struct err *e);

int store_db_limit_bytes(sqlite3 *db, const char *path, int64_t max_bytes,
			 struct err *e);

/* The question kind named s in the file; 0, or -1 when s is none. */
int store_kind_parse(const char *s, enum question_kind *k);

#endif
