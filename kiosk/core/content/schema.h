/*
 * schema: settings files of a pack read by table (private to this folder).
 * A schema is a list of rows: section, key, type, required or not, and
 * where the value goes (an offset into the record being filled, or a
 * function). A new kind of tile, a survey or a list of initiatives is a new
 * table, not new parsing code; the reader does the rest the same way for
 * every file: line numbers, translations by key suffix (`title.en`),
 * duplicate and unknown keys, dates, web addresses, files and numbers, and
 * what is missing.
 */
#ifndef KIOSK_CONTENT_SCHEMA_H
#define KIOSK_CONTENT_SCHEMA_H

#include <stddef.h>

#include "core/content/loader.h"

enum field_type {
	FIELD_TEXT,   /* char *, owned by the record; not translated */
	FIELD_TTEXT,  /* struct text: `key` in Dutch, `key.xx` translations */
	FIELD_DATE,   /* int YYYYMMDD */
	FIELD_URL,    /* char *, must start with https:// or http:// */
	FIELD_IMAGE,  /* char *: full path of a PNG or JPEG (file_check) */
	FIELD_FILE,   /* char *: full path of a PNG, JPEG or PDF */
	FIELD_INT,    /* int from min to max */
	FIELD_CALL,   /* handled by `call` */
	FIELD_ABSENT, /* a key that no longer belongs here: `need` says
			 where it went, as a warning */
};

struct schema_file;

struct field {
	const char *section; /* files of fixed sections; NULL in item files */
	const char *key;     /* "*": any key of the section (FIELD_CALL) */
	enum field_type type;
	int required;
	size_t offset; /* into the record (FIELD_TEXT ... FIELD_INT) */
	int min, max;  /* FIELD_INT */
	/* FIELD_INT: what the number is ("een getal van 30 tot 3600");
	 * a required field: why it is needed; FIELD_ABSENT: the warning */
	const char *need;
	/* FIELD_CALL: gets the record, the key as written and the value */
	void (*call)(struct schema_file *F, void *rec, const char *key,
		     const char *value);
	int translated; /* FIELD_CALL: also gets `key.xx` */
};

/* One row of a table: section, key, type, required, then designated
 * fields (.offset, .min, .max, .need, .call, .translated). */
#define FIELD_ROW(sec, k, ty, req, ...)                                        \
	{                                                                      \
		.section = (sec), .key = (k), .type = (ty), .required = (req), \
		__VA_ARGS__                                                    \
	}

struct schema {
	const struct field *fields;
	int nfields;
	/* Item files (folders.ini ...): each [section] is one record, found
	 * or made by item(), which may report and return NULL. NULL for
	 * files of fixed sections. */
	void *(*item)(struct schema_file *F, const char *section);
	/* fixed sections, for "onbekend kopje": "[kiosk] en [home]" */
	const char *sections;
};

/* One file being read; handed to item() and call functions. */
struct schema_file {
	struct loader *L;
	const struct schema *s;
	const char *rel;    /* pack-relative name, in messages */
	const char *reldir; /* files it names are in this folder */
	void *user;	    /* the caller's (a tile, the kiosk settings) */
	void *rec;	    /* the record being filled */
	void *fixed;	    /* files of fixed sections: the one record */
	int line;	    /* of the key being handled */
	int item_line;	    /* of the current item's [section] */
	int started;	    /* a [section] or key has been seen */
	char section[128];
	unsigned char seen[32];	     /* fields seen in the current record */
	int lines[32];		     /* where each was seen (Dutch, for a
					translated text) */
	const char *buf;	     /* the file, to find [section] lines */
	size_t len, scan_off;	     /* scanned up to here ... */
	int scan_line, bracket_line; /* ... the line there, and the last
					 line there that starts with [ */
};

/* Reads pack file rel with schema s into rec (fixed sections) or into the
 * records item() gives. Returns 0; 1 when the file is no text file at all
 * (reported; nothing was read); or -1 with errno when the file cannot be
 * opened (not reported: the caller knows what a missing file means). A
 * translated text with a Dutch key but without one of the pack's other
 * languages is warned about on the line of the Dutch key. */
int schema_read(struct loader *L, const struct schema *s, const char *rel,
		const char *reldir, void *rec, void *user);

#endif
