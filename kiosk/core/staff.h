/*
 * staff: what staff mode does on the disk, apart from its screens. The
 * status facts, survey results out to a USB stick, and a content pack in
 * from one. Every message is a Dutch sentence for staff; the module never
 * reads a clock (today's date and the time of day are passed in).
 *
 * Writing to a stick follows packstore's rule: every file goes under a
 * temporary name, is synced, renamed into place and the folder synced;
 * then it is read back and compared with what was meant to be there. A
 * stick that is full, read-only or pulled out halfway gets its own clear
 * message and leaves the kiosk's data untouched.
 */
#ifndef KIOSK_STAFF_H
#define KIOSK_STAFF_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define STAFF_PATH_MAX	  1024
#define STAFF_STICKS_MAX  4
#define STAFF_EXPORT_DIR  "wijkkiosk-export" /* + -YYYY-MM-DD on the stick */
#define STAFF_STAGING_DIR ".staff-export"    /* in the data folder */
#define STAFF_LAST_EXPORT "last-export"	     /* in the data folder */

/* A text that grows line by line (cut at its size, never overflowing). */
struct staff_text {
	char s[6144];
	int lines;
};

void staff_text_add(struct staff_text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What the status screen shows that the app does not already know. */
struct content;

struct staff_facts {
	const char *data_dir;	       /* borrowed */
	const char *pack_name;	       /* the pack on screen; borrowed */
	const char *pack_dir;	       /* its folder; borrowed */
	int64_t uptime_s;	       /* since the kiosk started */
	int printer_configured;	       /* settings.ini names a printer */
	const char *print_fault;       /* the last slip's fault in Dutch; NULL:
					  none since the kiosk started */
	const struct content *content; /* for the initiatives' names; may be
					  NULL */
	const char *const *errors;     /* the last warnings and errors (log) */
	int nerrors;
};

/* The status as lines of Dutch text. */
void staff_status(const struct staff_facts *f, struct staff_text *out);

/* Picks the one stick among n found. Returns its index, or -1 with a
 * Dutch message in e when there is none or more than one. */
int staff_stick_pick(char (*sticks)[STAFF_PATH_MAX], int n, struct err *e);

/* The outcome of an export. */
struct staff_export_result {
	int files;		     /* files written and read back */
	int responses;		     /* survey responses in them */
	char folder[STAFF_PATH_MAX]; /* where on the stick */
};

/* Exports the survey results of data_dir (as `kioskctl export` does) to
 * a folder wijkkiosk-export-YYYY-MM-DD on the stick. `today` is YYYYMMDD
 * and `minute` the time of day: the date and time are remembered as the
 * last export. 0, or -1 with a Dutch message in e. */
int staff_export(const char *data_dir, const char *stick, int today, int minute,
		 struct staff_export_result *r, struct err *e);

/* The content pack on the stick: a folder with kiosk.ini at its top or
 * one level down. Fills out with its folder; -1 with a Dutch message when
 * there is none or more than one. */
int staff_pack_find(const char *stick, char *out, size_t size, struct err *e);

/* Checks the pack as `kioskctl check` does (every problem as
 * bestand:regel: melding, then a summary line) into out. Returns the
 * number of errors (0: it may be installed). */
int staff_pack_check(const char *dir, int today, struct staff_text *out);

/* Installs the checked pack as `kioskctl install` does (atomic, the old
 * pack kept for rollback), noting where it came from and when. 0 or -1. */
int staff_pack_install(const char *data_dir, const char *dir, int today,
		       int minute, struct err *e);

/* ---- shared by staff.c and staff_signups.c ---- */

/* Copies src to dir/name through dir/.name.tmp (mode), synced, renamed,
 * the folder synced, then reads it back and compares. 0 when all is well,
 * an errno value when something failed (the temporary file is removed),
 * -2 when the read-back differs. */
int staff_copy_verified(const char *src, const char *dir, const char *name,
			int mode);

/* Fills e with a Dutch sentence for errno value err met writing to a
 * stick (-2: the read-back differed); what names the step for the rare
 * other errors. Returns -1. */
int staff_stick_error(struct err *e, int err, const char *what);

/* Makes DATA/STAFF_STAGING_DIR (empty) into out; 0 or -1 with e. */
int staff_staging(const char *data_dir, char *out, size_t size, struct err *e);

/* Empties the staging folder (files only). */
void staff_staging_clear(const char *dir);

/* ---- sign-ups (staff_signups.c) ---- */

#define STAFF_SIGNUPS_DIR     "wijkkiosk-aanmeldingen" /* + -YYYY-MM-DD */
#define STAFF_INITIATIVES_MAX 32

/* What the kiosk holds of sign-ups: counts only, never a name. */
struct staff_signups_info {
	int exists; /* DATA/aanmeldingen.sqlite is there */
	int total, sealed;
	int n; /* initiatives below */
	char id[STAFF_INITIATIVES_MAX][128];
	int count[STAFF_INITIATIVES_MAX];
	int others; /* sign-ups of initiatives past the list */
};

/* Counts the sign-ups in data_dir per initiative (read only; the kiosk
 * may go on saving). 0, or -1 with a Dutch e. */
int staff_signups_info(const char *data_dir, struct staff_signups_info *out,
		       struct err *e);

/* The counts as lines of Dutch text: a total with how many are sealed,
 * then one line per initiative (its title from c when c knows it). */
void staff_signups_lines(const struct staff_signups_info *in,
			 const struct content *c, struct staff_text *out);

/* The outcome of a sign-up export. */
struct staff_signups_result {
	int files;   /* files written and read back */
	int signups; /* sign-ups in them */
	int sealed;  /* 1: a sealed copy of the file, not CSV */
	char folder[STAFF_PATH_MAX];
};

/* Writes the sign-ups of data_dir to a folder wijkkiosk-aanmeldingen-
 * YYYY-MM-DD on the stick. Without sealed ones: the CSV per initiative
 * of `kioskctl export --signups`. With sealed ones they stay sealed: a
 * fresh copy of the sign-up file (SIGNUPS_FILE, which `kioskctl export
 * --signups OUT --key staff.key --data FOLDER` opens on a laptop) and a
 * LEESMIJ.txt that says so. Each file as staff_export writes them. 0, or
 * -1 with a Dutch e; the kiosk's own file is never changed. */
int staff_signups_export(const char *data_dir, const char *stick, int today,
			 struct staff_signups_result *r, struct err *e);

/* Deletes every sign-up (signups_purge), or with expired only those whose
 * delete day is today or before (signups_purge_expired). *removed gets
 * how many. 0, or -1 with a Dutch e. */
int staff_signups_purge(const char *data_dir, int today, int expired,
			int *removed, struct err *e);

#endif
