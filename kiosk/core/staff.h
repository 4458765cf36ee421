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
struct staff_facts {
	const char *data_dir;	   /* borrowed */
	const char *pack_name;	   /* the pack on screen; borrowed */
	const char *pack_dir;	   /* its folder; borrowed */
	int64_t uptime_s;	   /* since the kiosk started */
	int printer_configured;	   /* settings.ini names a printer */
	const char *const *errors; /* the last warnings and errors (log) */
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

#endif
