/*
 * loader: what the files of kiosk/core/content/ share while one pack is
 * read (private to this folder). content.c drives the load; diag.c keeps
 * the report; packfile.c opens files; files.c checks pictures and PDFs;
 * markdown.c reads pages; schema.c reads settings files by table; tiles.c
 * knows the tile kinds; survey_read.c reads a survey and survey_check.c
 * checks it whole; dates.c parses dates, times and opening hours.
 */
#ifndef KIOSK_CONTENT_LOADER_H
#define KIOSK_CONTENT_LOADER_H

#include <stddef.h>

#include "core/content/content.h"
#include "core/content/packfile.h"

#define TEXT_FILE_MAX (1u << 20) /* settings, pages: 1 MiB */

struct loader {
	struct content *c;	   /* borrowed: the pack being filled */
	struct content_report *r;  /* borrowed: the caller's, or &own */
	struct content_report own; /* used when the caller passed none */
	enum content_depth depth;
	content_probe_fn probe;
	void *probe_ctx;
	struct pack_dir pack; /* owned by content_load */
	int tiles_line;	      /* of `tiles =` in kiosk.ini, 0: not seen */
};

/* ---- diag.c ---- */

/* Adds a problem; file is pack-relative, line 0 means the whole file. A
 * problem already in the report (same file, line and words) is not added
 * twice. */
void diag_add(struct loader *L, int warning, const char *file, int line,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Reports why rel (named in `from` at `line`) could not be opened, from
 * errno as pack_open() or pack_read() left it: a symlink is reported on
 * the link itself. `missing` is the Dutch words for ENOENT. */
void diag_open_failed(struct loader *L, int err_no, const char *rel,
		      const char *from, int line, const char *missing);

/* Reports that rel is missing (named in `from` at `line`, with the Dutch
 * words `missing`), adding how to fix it when rel.txt is there instead:
 * Windows hides the last part of a name. */
void diag_missing(struct loader *L, int warning, const char *rel,
		  const char *from, int line, const char *missing);

/* ---- content.c ---- */

int lang_index(const struct content *c, const char *code);
/* Line number (from 1) of byte offset off in buf. */
int text_line_at(const char *buf, size_t off);
int ends_with(const char *s, const char *suffix);
void text_release(struct text *t);

/* When the start of a file shows it is no text file at all (a Word, zip,
 * PDF or RTF file renamed, or text saved as UTF-16), the Dutch words for
 * what it is and what to do; else NULL. Borrowed, static. */
const char *text_not_text(const char *buf, size_t len);

/* Reads a text file of the pack that is shown as it is (a page, the attract
 * lines): UTF-8, no NUL byte (both reported on their line), byte-order mark
 * dropped. Returns a heap buffer (caller frees), or NULL after reporting;
 * *missing is 1 when the file is not there at all (not reported). */
char *text_file_read(struct loader *L, const char *rel, size_t *len,
		     int *missing);

/* ---- dates.c ---- */

/* "9:30" or "09.30" into minutes from midnight ("24:00" only when end_ok);
 * -1 when it is no real time. */
int time_parse(const char *s, int end_ok);

/* ---- files.c ---- */

/* Checks a picture (or, with pdf_ok, a PDF) named in file `from` at `line`:
 * a plain name in folder reldir ("" for the pack itself), there, not too
 * large, really a PNG/JPEG/PDF. Returns its full path (caller frees), or
 * NULL after reporting why. */
char *file_check(struct loader *L, const char *reldir, const char *name,
		 const char *from, int line, int pdf_ok);

/* Warns about pictures and PDFs in tile t's folder that folders.ini does
 * not name. */
void flyers_unlisted(struct loader *L, const struct tile *t);

/* Width and height of the PNG or JPEG rel, from its header. Returns 0, or
 * -1 when it cannot be read (already reported by file_check). */
int file_image_size(struct loader *L, const char *rel, long *w, long *h);

/* ---- markdown.c ---- */

/* Reads tile_id/LANG.md (rel) into d. Returns 0, or -1 after reporting,
 * or -1 with *missing set (not reported) when the file is not there. */
int doc_load(struct loader *L, struct doc *d, const char *tile_id,
	     const char *rel, int *missing);
void doc_release(struct doc *d);

/* ---- tiles.c ---- */

void tile_load(struct loader *L, struct tile *t);
void tile_release(struct tile *t);

/* ---- asks.c ---- */

extern const struct schema topic_schema;      /* onderwerpen.ini */
extern const struct schema initiative_schema; /* initiatieven.ini */

/* After the list file rel of an ask or initiatives tile: every topic and
 * initiative can be reached, and sign-ups have a consent text. */
void asks_check(struct loader *L, struct tile *t, const char *rel);
void asks_release(struct tile *t);

/* ---- survey_read.c ---- */

/* Reads and checks t's enquete.ini into t->survey (always set, even when
 * problems were reported; freed by tile_release with survey_free()). */
void survey_read(struct loader *L, struct tile *t);

#endif
