/*
 * visit: everything one visitor did, in one struct the app owns. Where they
 * are and how they got there (a stack of places, so a wizard can go back
 * more than one step), the language and text size they chose, how they
 * zoomed a flyer and where they tapped, the text they typed, and whether
 * the kiosk is asking "Bent u er nog?". Later the survey's unfinished
 * answers and a sign-up's fields come here too.
 *
 * Nothing a visitor leaves behind lives anywhere else, so the idle wipe is
 * one visit_wipe(): it clears every byte (explicit_bzero) and starts the
 * next visitor on the attract screen.
 */
#ifndef KIOSK_VISIT_H
#define KIOSK_VISIT_H

#include <stdint.h>

#include "core/survey/survey.h"

#define VISIT_DEPTH_MAX	     8 /* home, tile, flyer ... and room for wizards */
#define VISIT_TYPED_MAX	     512 /* bytes of typed text, with the final NUL */
#define VISIT_PROMPT_SECONDS 30	 /* how long "Bent u er nog?" waits */

/* The screens a visitor can be on. */
enum route {
	ROUTE_ATTRACT,	   /* nobody is using the kiosk */
	ROUTE_HOME,	   /* the tiles */
	ROUTE_TILE,	   /* one tile's own view: page, cards, steps, lists */
	ROUTE_FLYER,	   /* one flyer, page by page */
	ROUTE_NEWS,	   /* one news item */
	ROUTE_INFO,	   /* kiosk facts for staff: long press on the name */
	ROUTE_LANG,	   /* the language chooser */
	ROUTE_SURVEY,	   /* a survey's question `item` */
	ROUTE_SURVEY_DONE, /* thank you (item 1) or "not saved" (item 0) */
	ROUTE_STAFF,	   /* staff mode: PIN pad, status, USB (staff.c) */
};

/* One place on the stack. Each place keeps its own screenful, so going
 * back returns to the part of the list the visitor came from. */
struct place {
	enum route route;
	int tile; /* index into content->tiles (ROUTE_TILE and below) */
	int item; /* flyer or news item within the tile */
	int part; /* screenful, card group, step or flyer page (from 0) */
};

struct visit {
	struct place stack[VISIT_DEPTH_MAX];
	int depth; /* places on the stack, at least 1 */
	int lang;  /* index into content->langs */
	int large; /* larger text switched on */

	int zoom;	    /* the flyer page is zoomed in */
	int zoom_x, zoom_y; /* centre of the zoom, 0..1000 of the page */
	uint64_t last_tap;  /* time of the last tap on a flyer page */

	int prompt;	       /* "Bent u er nog?" is showing */
	uint64_t prompt_since; /* when it appeared */
	uint64_t last_input;   /* time of the last touch */

	char typed[VISIT_TYPED_MAX]; /* text typed into the focused field */
	int typing;		     /* a text field has the focus */

	struct survey_answers answers; /* the survey being filled in */
	int survey_confirm;	       /* "Stoppen?" is asked */
	int kb_shift, kb_accents;      /* the keyboard's capitals, accents */
};

/* Clears every byte of v, then puts a fresh visitor on the attract
 * screen at time now. */
void visit_wipe(struct visit *v, uint64_t now);

/* The place on top of the stack. Borrowed from v. */
struct place *visit_at(struct visit *v);
const struct place *visit_at_const(const struct visit *v);

/* Pushes a place (the top is replaced when the stack is full, which a
 * route table deeper than VISIT_DEPTH_MAX would be: asserted). */
void visit_push(struct visit *v, struct place p);

/* Goes one place back; on the bottom place it stays. */
void visit_pop(struct visit *v);

/* Replaces the whole stack by one place. */
void visit_reset(struct visit *v, struct place p);

/* Every place back to its first screenful (after a change of language
 * or text size the old numbers mean nothing); flyer pages stay. */
void visit_rewind_parts(struct visit *v);

#endif
