/*
 * content: a content pack, the folder of plain files staff edit (the format
 * is described for staff in content/LEESMIJ.md). It is read once, checked
 * whole, and then only read: a pack that fails to load never replaces one
 * that works. Every problem is reported as `file:line: message` in Dutch,
 * because the people who fix packs are staff, not programmers; a report
 * holds all problems found, errors and warnings apart.
 *
 *   kiosk.ini              [kiosk] settings, [printer], [home] tiles = ...
 *   attract.LANG.txt       lines for the attract screen
 *   ID/tile.ini            [tile] kind, title, icon, show_from, show_until
 *   ID/LANG.md             text of page, werkwijze and steps tiles
 *   ID/folders.ini         flyers (PDF, PNG, JPEG) with title and url
 *   ID/partners.ini        organisations with a line, contact and logo
 *   ID/nieuws.ini          news items with a date, text, picture, video, url
 *   ID/activiteiten.ini    events with a date, times, place, picture, url
 *   kiosk.ini [openingstijden]  opening hours per weekday, with exceptions
 *   ID/enquete.ini         a survey: [enquete] and one [vraag ID] a
 *                          question (core/survey/survey.h)
 *   ID/onderwerpen.ini     topics of a question (kind = ask): choices for
 *                          the three questions, who helps, how to reach them
 *   ID/initiatieven.ini    citizen initiatives (kind = initiatives)
 *
 * Every translatable key X may come as X.en etc.; a missing translation
 * falls back to Dutch. Dates are YYYY-MM-DD and held as YYYYMMDD numbers;
 * which items show is decided when drawing, with today's date passed in.
 */
#ifndef KIOSK_CONTENT_H
#define KIOSK_CONTENT_H

#include "base/err.h"
#include "base/run.h"
#include "base/color.h"
#include "core/reach.h"

#define CONTENT_LANG_MAX    8
#define CONTENT_FORMAT	    1
#define CONTENT_TILE_MAX    12
#define CONTENT_IMAGE_BYTES (20u << 20) /* 20 MB */
#define CONTENT_IMAGE_PX    8000
#define CONTENT_PDF_BYTES   (50u << 20) /* 50 MB */

/* ---- problems found while loading ---- */

struct diag {
	char file[160]; /* relative to the pack */
	int line;	/* 0: the whole file */
	int warning;	/* 1: shown, but the pack still loads */
	char msg[400];
};

struct content_report {
	struct diag *items; /* owned */
	int n, cap;
	int errors, warnings;
};

void content_report_release(struct content_report *r);
/* "file:line: message" (or "file: message") of item i. */
void content_diag_format(const struct diag *d, char *out, size_t size);

/* ---- what a pack holds ---- */

/* A text in every language of the pack: s[0] is Dutch and always set. */
struct text {
	char *s[CONTENT_LANG_MAX]; /* owned; NULL: falls back to Dutch */
};

struct when {
	int from, until; /* YYYYMMDD, 0: open */
};

enum block_kind {
	BLOCK_H1,
	BLOCK_H2,
	BLOCK_P,
	BLOCK_LI,
	BLOCK_IMAGE,
	BLOCK_OL, /* an item of a numbered list; `number` as written */
};

/* A paragraph, heading, list item or image. */
struct block {
	enum block_kind kind;
	char *text; /* owned; runs point into it; alt text of an image */
	struct text_run *runs; /* owned */
	int nruns;
	char *image; /* BLOCK_IMAGE: full path, owned */
	int number;  /* BLOCK_OL: the item's number (1., 2., ...) */
	char *link;  /* owned: the address of the first link in the block
			(its words stay in the runs), NULL when none */
	int line;    /* where the block starts in its .md file, 0: unknown */
};

struct doc {
	char *title;	      /* owned; the first "# " heading, may be NULL */
	struct block *blocks; /* owned */
	int nblocks;
};

struct flyer {
	char *file; /* full path, owned */
	char *name; /* file name, owned */
	int is_pdf;
	struct text title;
	char *url; /* owned, may be NULL */
	struct when when;
	/* `file.en = name.pdf`: the file in another language, full path,
	 * owned; NULL: use `file`. file_lang[0] is always NULL. */
	char *file_lang[CONTENT_LANG_MAX];
	int line; /* of its [section] in folders.ini, for messages */
};

/* The file of flyer f to show in lang (borrowed from f), and whether it is
 * a PDF. */
const char *flyer_file(const struct flyer *f, int lang);
int flyer_is_pdf(const struct flyer *f, int lang);

struct partner {
	char *name; /* owned */
	struct text line;
	char *contact; /* owned, may be NULL */
	char *logo;    /* full path, owned, may be NULL */
};

struct news {
	struct text title, body;
	int date;    /* YYYYMMDD */
	char *video; /* owned, may be NULL */
	char *url;   /* owned, may be NULL */
	struct when when;
	char *image; /* full path, owned, may be NULL */
	int line;    /* of its [section] in nieuws.ini, for messages */
};

/* An activity in the wijkcentrum (activiteiten.ini). It shows until it is
 * over; no show_until is needed. */
struct event {
	struct text title, body, place;
	int date;	/* YYYYMMDD */
	int start, end; /* minutes from midnight; end -1: none given */
	char *image;	/* full path or NULL, owned */
	char *url;	/* or NULL, owned */
	int line;	/* of its [section], for messages */
};

/* 1 when event e is over at `minute` (from midnight) on `today`
 * (YYYYMMDD): its day is past, or it is today and its end (its start
 * when it has no end) has passed. */
int event_over(const struct event *e, int today, int minute);

/* How a visitor's phone reaches someone: a message ready to send (e-mail,
 * WhatsApp), a call, or a web page. */
struct reach_to {
	enum reach_kind kind;
	char *to;	    /* owned: address, number (as written) or URL */
	struct text subject; /* e-mail only; s[0] NULL: a subject of its own */
};

#define ASK_QUESTIONS	3 /* wat wil je, wat kan je zelf, wat heb je nodig */
#define ASK_CHOICES_MAX 6 /* big buttons that fit one screen */

/* A topic of an ask tile (onderwerpen.ini): the choices offered for each
 * of the three questions, who can help with it and how to reach them. */
struct ask_topic {
	char *id; /* its [section], owned */
	struct text title;
	char *icon; /* full path or NULL, owned */
	struct text choices[ASK_QUESTIONS][ASK_CHOICES_MAX];
	int nchoices[ASK_QUESTIONS];
	struct text who;   /* organisation, person or desk */
	struct text hours; /* when they can be reached; may be empty */
	struct reach_to reach;
	int line; /* of its [section], for messages */
};

/* A citizen initiative (initiatieven.ini) that wants new people. */
struct initiative {
	char *id; /* its [section], owned */
	struct text title, what, when, where, looking_for;
	char *photo;	     /* full path or NULL, owned */
	char *contact_name;  /* who of the initiative answers, owned */
	struct reach_to reach; /* how a phone reaches them */
	int signup;	     /* people may sign up on the kiosk */
	struct text consent; /* what they agree to; required with signup */
	struct text next;    /* what happens after a sign-up */
	int line;
};

struct survey; /* core/survey/survey.h */

enum tile_kind {
	TILE_PAGE,
	TILE_WERKWIJZE,
	TILE_STEPS,
	TILE_FLYERS,
	TILE_PARTNERS,
	TILE_NEWS,
	TILE_EVENTS, /* kind = activiteiten */
	TILE_SURVEY, /* kind = enquete */
	TILE_ASK,	  /* kind = ask: the three questions as a flow */
	TILE_INITIATIVES, /* kind = initiatives */
};

struct tile {
	char id[64];
	enum tile_kind kind;
	struct text title;
	char *icon; /* full path, owned, may be NULL */
	struct when when;
	struct doc doc[CONTENT_LANG_MAX]; /* page, werkwijze, steps */
	struct flyer *flyers;
	int nflyers;
	struct partner *partners;
	int npartners;
	struct news *news; /* newest first */
	int nnews;
	struct event *events; /* owned; by date, then start */
	int nevents;
	int when_line; /* of show_from/show_until in tile.ini, 0: none */
	struct survey *survey; /* owned; TILE_SURVEY only, else NULL */
	struct ask_topic *topics; /* owned; TILE_ASK */
	int ntopics;
	struct initiative *initiatives; /* owned; TILE_INITIATIVES */
	int ninitiatives;
};

/* ---- opening hours ([openingstijden] in kiosk.ini) ---- */

struct hours_exception {
	int date;	 /* YYYYMMDD */
	int open, close; /* minutes from midnight; open < 0: closed */
};

struct opening_hours {
	int open[7], close[7]; /* minutes, Monday = 0; open < 0: closed */
	struct hours_exception *exceptions; /* owned, by date */
	int nexceptions;
};

struct hours_answer {
	int until;     /* open now: the closing minute today */
	int next_date; /* closed now: YYYYMMDD of the next opening, 0: none
			  in the next 14 days */
	int next_open; /* closed now: the minute it opens that day */
};

/* Whether the wijkcentrum is open at `minute` on `today` (YYYYMMDD): 1
 * (out->until set) or 0 (out->next_date and next_open set, looking up to
 * 14 days ahead). Exceptions replace the weekday's hours on their date. */
int hours_now(const struct opening_hours *h, int today, int minute,
	      struct hours_answer *out);

/* Day of the week of a YYYYMMDD date, Monday = 0. */
int date_weekday(int date);

/* The YYYYMMDD date n days after date (n may be negative). */
int date_add_days(int date, int n);

struct content {
	char *dir;
	char *name;
	char *logo; /* full path or NULL */
	struct color color;
	int has_color;
	struct text contact; /* s[0] NULL: none */
	int printer_paper_mm;
	/* [signups]: the staff public key sign-ups are sealed to (text, as
	 * in staff.pub, checked to decode; NULL none) and how many days a
	 * sign-up is kept (1..365, default 90) */
	char *signup_public_key;
	int signup_keep_days;
	char langs[CONTENT_LANG_MAX][8]; /* langs[0] is "nl" */
	int nlangs;
	int idle_seconds;
	char **highlights[CONTENT_LANG_MAX];
	int nhighlights[CONTENT_LANG_MAX];
	struct tile *tiles; /* in home-screen order */
	int ntiles;
	struct opening_hours hours;
	int has_hours;	/* kiosk.ini has [openingstijden] */
	int tiles_line; /* of `tiles =` in kiosk.ini, for messages */
};

enum content_depth {
	CONTENT_QUICK, /* kiosk start: settings, texts, files exist */
	CONTENT_DEEP,  /* kioskctl check/install: also open images and PDFs */
};

/* Loads and checks the pack in dir. Returns NULL when there are errors.
 * Every problem goes to `report` (may be NULL); e gets the first error.
 * With CONTENT_DEEP, `probe` (may be NULL) is asked to open each image or
 * PDF and returns 0, or -1 with a Dutch reason. Caller frees with
 * content_free(). */
typedef int (*content_probe_fn)(void *ctx, const char *path, int is_pdf,
				char *why, size_t why_size);
struct content *content_load(const char *dir, enum content_depth depth,
			     content_probe_fn probe, void *probe_ctx,
			     struct content_report *report, struct err *e);
void content_free(struct content *c);

/* Text in language lang, falling back to Dutch. Borrowed. */
const char *text_get(const struct text *t, int lang);

/* The document of a tile in lang, falling back to Dutch. */
const struct doc *tile_doc(const struct tile *t, int lang);

/* 1 when an item with this date range shows on `today` (YYYYMMDD). */
int when_shows(struct when w, int today);

int content_highlights(const struct content *c, int lang, char ***out);

/* What `kioskctl check --date` adds for one day: which tiles, flyers,
 * news items and events are hidden on `today` (YYYYMMDD) or have expired
 * (warnings), and an error when the home screen would have no tile at
 * all. Adds to r; returns the number of errors added. */
int content_check_day(const struct content *c, int today,
		      struct content_report *r);

/* The folders of pack c that no tile uses (a preview folder, a tile left
 * out of `tiles`), copied into out (at most max names); returns how many.
 * `kioskctl check` warns about them and `install` leaves them out. */
int content_unused_dirs(const struct content *c, char (*out)[64], int max);

/* 1 when pack c lets visitors sign up for something on the kiosk, so
 * `kioskctl check` warns when no staff key is set to seal the sign-ups. */
int content_wants_signups(const struct content *c);

/* Parses YYYY-MM-DD into YYYYMMDD; -1 when it is not a real date. */
int date_parse(const char *s, int *out);

#endif
