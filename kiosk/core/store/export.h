/*
 * export: survey results for staff, from one kiosk's survey file or from
 * several kiosks' merged. Writes into an output folder, each file under a
 * temporary name, synced, then renamed, so a power cut leaves either the
 * old file or the whole new one:
 *
 *   enquete-SURVEY-VERSION.csv            one row per response
 *   enquete-SURVEY-VERSION-codeboek.csv   what each column means
 *   rapport.html                          the summary report, every version
 *   enquete.sqlite                        a compact copy of the first file,
 *                                         for merging into another export
 *
 * The CSV files are for Dutch spreadsheets: UTF-8 with a byte-order mark,
 * ';' between cells, CRLF line ends, cells quoted per RFC 4180 when they
 * hold ';', '"', CR or LF. A text cell that starts with = + - @ TAB or CR
 * gets an apostrophe in front, so no spreadsheet runs it as a formula.
 * Rows come in the order of the random response ids: no order that
 * follows time.
 *
 * The report counts below EXPORT_MIN_COUNT never show, and neither does
 * any count they could be worked out from.
 *
 * Responses are merged by id and survey version: a response in two files
 * counts once. Messages are Dutch (they reach staff).
 */
#ifndef KIOSK_EXPORT_H
#define KIOSK_EXPORT_H

#include "base/err.h"

#define EXPORT_MIN_COUNT 10

/* Called for each warning (a Dutch sentence, borrowed for the call). */
typedef void (*export_warn_fn)(void *ctx, const char *msg);

enum export_what {
	EXPORT_ALL = 0,	   /* everything above */
	EXPORT_CSV = 1,	   /* the CSV files and codebooks */
	EXPORT_REPORT = 2, /* rapport.html */
};

struct export_opts {
	const char *const *files; /* survey files; files[0] is copied too */
	int nfiles;
	const char *outdir;  /* created when missing */
	export_warn_fn warn; /* may be NULL */
	void *warn_ctx;
	unsigned what; /* enum export_what bits; 0: all (the copy always) */
};

struct export_result {
	int versions;	/* survey versions written */
	int responses;	/* rows written, all versions */
	int duplicates; /* responses found in more than one file */
};

/* Reads every file (each inside one read transaction, so a running kiosk
 * may go on saving) and writes the files above. Returns 0, or -1 with e
 * filled; files already renamed into place stay. */
int export_run(const struct export_opts *o, struct export_result *res,
	       struct err *e);

#endif
