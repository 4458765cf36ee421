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

/* The question kind named s in the file; 0, or -1 when s is none. */
int store_kind_parse(const char *s, enum question_kind *k);

#endif
