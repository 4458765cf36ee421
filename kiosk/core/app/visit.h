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

#include "core/content/content.h"
#include "core/reach.h"
#include "core/survey/survey.h"

#define VISIT_DEPTH_MAX	     8 /* home, tile, flyer ... and room for wizards */
#define VISIT_TYPED_MAX	     512 /* bytes of typed text, with the final NUL */
#define VISIT_PROMPT_SECONDS 30	 /* how long "Bent u er nog?" waits */

/* Typed text of a question and of a sign-up, in letters and bytes (a
 * letter is at most 4 bytes of UTF-8). */
#define ASK_TEXT_CHARS	     200
#define SIGNUP_NAME_CHARS    40
#define SIGNUP_CONTACT_CHARS 60
#define VISIT_SLIP_LINES     10
#define ASK_TEXT_BYTES	     (ASK_TEXT_CHARS * 4 + 1)
#define SIGNUP_NAME_BYTES    (SIGNUP_NAME_CHARS * 4 + 1)
#define SIGNUP_CONTACT_BYTES (SIGNUP_CONTACT_CHARS * 4 + 1)

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
	ROUTE_ASK,	   /* topic `item` of an ask tile: question `step`
			    * (0 wil, 1 kan, 2 nodig), 3 the outcome */
	ROUTE_INITIATIVE,  /* initiative `item` of an initiatives tile */
	ROUTE_JOIN,	   /* "Ik doe mee": with a phone, or sign up here */
	ROUTE_SIGNUP,	   /* the sign-up form: step 0 name, 1 phone or
			    * e-mail, 2 consent */
	ROUTE_SIGNUP_DONE, /* signed up (step 1) or not saved (step 0) */
	ROUTE_STAFF,	   /* staff mode: PIN pad, status, USB (staff.c) */
};

/* One place on the stack. Each place keeps its own screenful, so going
 * back returns to the part of the list the visitor came from. */
struct place {
	enum route route;
	int tile; /* index into content->tiles (ROUTE_TILE and below) */
	int item; /* flyer or news item within the tile */
	int part; /* screenful, card group, step or flyer page (from 0) */
	int step; /* a form's step (ask, sign-up); kept when the language
		     or text size changes */
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

	/* a question being put together (an ask tile): the choices picked
	 * for each of the three questions, a bit each, and what was typed */
	unsigned ask_picked[ASK_QUESTIONS];
	char ask_text[ASK_QUESTIONS][ASK_TEXT_BYTES];
	int ask_typing; /* the keyboard is open on this question */

	/* a sign-up for an initiative: personal data, never in a log; it
	 * leaves the visit once saved (only the first name stays, for the
	 * thank-you) and with the wipe */
	char signup_name[SIGNUP_NAME_BYTES];
	char signup_contact[SIGNUP_CONTACT_BYTES];
	int signup_problem; /* the contact was refused: say why (1 phone or
			       e-mail not recognised) */

	/* the slip being printed (the words of the screen it came from) and
	 * how printing it went (enum screen_print) */
	struct visit_slip {
		char title[256];
		char lines[VISIT_SLIP_LINES][600];
		int nlines;
		char qr[REACH_PAYLOAD_MAX + 1];
		char qr_says[400];
	} slip;
	int print_state;
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
