/*
 * export_internal: what export.c (reading, merging, CSV and codebooks) and
 * report.c (rapport.html) share: the in-memory model of all responses,
 * writing a file safely, and a few helpers. Private to kiosk/core/store.
 */
#ifndef KIOSK_EXPORT_INTERNAL_H
#define KIOSK_EXPORT_INTERNAL_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/err.h"
#include "core/store/export.h"
#include "core/store/store.h"

struct ans {
	int q, value, band;
	enum question_kind kind;
	size_t text; /* offset in the version's text arena; 0: none */
};

struct resp {
	uint8_t id[STORE_ID_BYTES];
	int year, week;
	int first, n; /* answers[first .. first + n - 1] */
};

struct ver {
	char survey[SURVEY_ID_MAX], version[17];
	struct survey def; /* owned, released with store_definition_release */
	int has_def;	   /* 1 from a file, 0 made up from the answers */
	struct resp *resps;
	int nresps, capresps;
	struct ans *ans;
	int nans, capans;
	char *text; /* arena; text[0] is the empty string */
	size_t ntext, captext;
};

struct model {
	struct ver *v;
	int n, cap;
	const struct export_opts *o;
};

#define EXPORT_OUT_BUF (1 << 20) /* bytes buffered per output file */

struct out {
	FILE *f;
	char tmp[PATH_MAX], path[PATH_MAX];
	char *buf; /* EXPORT_OUT_BUF bytes, stdio's buffer for f */
};

/* Passes a warning, formatted, to o->warn when there is one. */
void export_warn(const struct export_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Opens dir/name for writing under a temporary name; w->f is the file.
 * Finish with export_out_commit(). */
int export_out_open(struct out *w, const char *dir, const char *name,
		    struct err *e);

/* The same for a file of personal data: mode 0600 rather than 0644. */
int export_out_open_private(struct out *w, const char *dir, const char *name,
			    struct err *e);

/* Writes the file to the disk and renames it into place. */
int export_out_commit(struct out *w, struct err *e);

/* The CSV conventions of export.h: the byte-order mark to start a file
 * with, one cell (first: no ';' before it; quoted when it must be, an
 * apostrophe before a formula), and a line end (CRLF). */
extern const char export_csv_bom[];
void export_csv_cell(FILE *f, const char *s, int first);
void export_csv_end(FILE *f);

/* s with everything but letters a-z, digits, '-' and '_' made '_', for
 * file names. */
void export_safe_name(char *out, size_t size, const char *s);

/* 1 when one of question q's options is its "other" option. */
int export_any_other(const struct survey_question *q);

/* t's Dutch text, "" when it has none; borrowed from t. */
const char *export_nl(const struct text *t);

/* Writes rapport.html into o->outdir from the model m. */
int export_write_report(const struct export_opts *o, const struct model *m,
			struct err *e);

#endif
