/*
 * content: a content pack, the folder of plain files staff edit. It is read
 * once, checked whole, and then only read: a pack that fails to load never
 * replaces one that works. Every problem is reported as `file:line: message`
 * in Dutch, because the people who fix packs are staff, not programmers.
 *
 * The pack (see content/LEESMIJ.md):
 *   kiosk.ini            settings: [kiosk] name, languages, idle_seconds;
 *                        [home] tiles = the pages on the home screen, in order
 *   attract.LANG.txt     highlights for the attract screen, one a line
 *   pages/ID.LANG.md     a page in Markdown; its first "# " heading is the
 *                        tile's title. Dutch (nl) is required; a missing
 *                        translation falls back to Dutch.
 */
#ifndef KIOSK_CONTENT_H
#define KIOSK_CONTENT_H

#include "../base/err.h"
#include "ui.h"

#define CONTENT_LANG_MAX 8
#define CONTENT_FORMAT 1

enum block_kind { BLOCK_H1, BLOCK_H2, BLOCK_P, BLOCK_LI };

/* A paragraph, heading or list item: runs of plain and bold text. */
struct block {
	enum block_kind kind;
	char *text;          /* owned; the runs point into it */
	struct ui_run *runs; /* owned */
	int nruns;
};

struct page_text {
	char *title;          /* owned; the first # heading */
	struct block *blocks; /* owned; the title is not among them */
	int nblocks;
};

struct page {
	char id[64];
	/* per language of the pack; NULL title: falls back to Dutch */
	struct page_text text[CONTENT_LANG_MAX];
};

struct content {
	char *dir;
	char *name;                            /* the wijk or centre */
	char langs[CONTENT_LANG_MAX][8];        /* langs[0] is "nl" */
	int nlangs;
	int idle_seconds;
	char **highlights[CONTENT_LANG_MAX];   /* attract screen lines */
	int nhighlights[CONTENT_LANG_MAX];
	struct page *pages;                    /* in home-screen order */
	int npages;
};

/* Loads and checks the pack in dir. On failure returns NULL and e holds the
 * first problem. Caller frees with content_free(). */
struct content *content_load(const char *dir, struct err *e);
void content_free(struct content *c);

/* The text of a page in language index `lang`, falling back to Dutch. */
const struct page_text *content_page_text(const struct content *c,
					  const struct page *p, int lang);

/* Highlights in `lang`, falling back to Dutch. */
int content_highlights(const struct content *c, int lang, char ***out);

#endif
