/*
 * screen: what a screen family sees and what it may ask for.
 *
 * A family (home, document pages, flyers, ...) draws one frame from a
 * screen_ctx: the ui it draws with, and read-only views of the theme, the
 * translations, the content pack and the visit. It never changes app
 * state; when a widget is clicked it asks (screen_ask) and the app carries
 * the request out after the frame. The walker used by `kioskctl check`,
 * `preview` and the accessibility tests asks the same families which
 * places can be reached from a place and how many screenfuls it has, so
 * previews and tests see exactly what a visitor can reach.
 */
#ifndef KIOSK_SCREEN_H
#define KIOSK_SCREEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/app/visit.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "core/screens/flow.h"
#include "core/screens/staff_view.h"
#include "core/ui/theme.h"
#include "core/ui/ui.h"

/* What a family may ask of the app; carried out after the frame. */
enum screen_req_kind {
	REQ_OPEN,   /* push place `to` */
	REQ_BACK,   /* pop one place */
	REQ_PART,   /* this place's screenful becomes `value` */
	REQ_LANG,   /* the visitor's language becomes `value` */
	REQ_LARGE,  /* larger text on (1) or off (0) */
	REQ_ZOOM,   /* flyer zoom `value` at x, y (0..1000 of the page) */
	REQ_PAN,    /* the zoomed page's centre moves to x, y (0..1000) */
	REQ_TAPPED, /* remember this tap on a flyer page (double tap) */
	REQ_SPEAK,  /* read this screen aloud (1) or stop (0) */
	REQ_SURVEY, /* a survey step: `value` is an enum survey_op */
	REQ_FORM,   /* a question or sign-up step: `value` is a form_op */
	REQ_STAFF,  /* staff mode: `value` is an enum staff_op, x its number */
};

/* What a question (ask) or sign-up screen asks for (REQ_FORM). */
enum form_op {
	FORM_ASK_START,	   /* x: topic of this tile: a new question */
	FORM_TOGGLE,	   /* choice y of the question on screen */
	FORM_KEYBOARD,	   /* open (y 1) or close (y 0) the keyboard */
	FORM_TYPE,	   /* text[] typed into the field on screen */
	FORM_ERASE,	   /* its last character */
	FORM_SHIFT,	   /* the keyboard's capitals on or off */
	FORM_ACCENTS,	   /* the keyboard's accents on or off */
	FORM_NEXT,	   /* on to the next step (checks the field) */
	FORM_SIGNUP_START, /* x: initiative of this tile: sign up here */
	FORM_CONSENT,	   /* y 1: "Ja, dat is goed" (save); 0: no */
	FORM_PRINT,	   /* print the slip of the screen */
};

/* What a survey screen asks for (REQ_SURVEY: x is the question). */
enum survey_op {
	SURVEY_OP_START,    /* from the start screen to the first question */
	SURVEY_OP_CHOOSE,   /* question x gets answer y */
	SURVEY_OP_TOGGLE,   /* option y of question x on or off */
	SURVEY_OP_TYPE,	    /* text[] typed into question x (y: a number) */
	SURVEY_OP_ERASE,    /* the last character of question x's text */
	SURVEY_OP_SHIFT,    /* the keyboard's capitals on or off */
	SURVEY_OP_ACCENTS,  /* the keyboard's accents on or off */
	SURVEY_OP_NEXT,	    /* on from question x */
	SURVEY_OP_SEND,	    /* the last question answered: save */
	SURVEY_OP_STOP_ASK, /* "Stoppen?" */
	SURVEY_OP_STOP_YES, /* throw the answers away, back home */
	SURVEY_OP_STOP_NO,  /* go on with the survey */
};

struct screen_req {
	enum screen_req_kind kind;
	struct place to;
	int value, x, y;
	char text[8]; /* REQ_SURVEY typing: one character, UTF-8 */
};

#define SCREEN_REQ_MAX 4 /* one click a frame asks for one or two */

struct screen_reqs {
	struct screen_req r[SCREEN_REQ_MAX];
	int n;
};

#define ATTRACT_HIGHLIGHT_MS 8000 /* one highlight on the attract screen */
#define ATTRACT_FADE_MS	     1000 /* cross-fade between highlights */
#define ATTRACT_FADE_STEP_MS 100  /* ten steps: calm, and cheap on a board */

/* The attract screen's slow show of highlights (the kiosk's, not a
 * visitor's). */
struct attract_state {
	int highlight;	/* which line shows */
	uint64_t since; /* when it came */
	int fading;	/* it is fading in (after a change) */
};

/* Facts about the kiosk itself, for the staff's info screen. */
struct kiosk_facts {
	const char *version;
	const char *content_dir;
	double screen_width_mm;
};

struct screen_ctx {
	struct ui *ui; /* draws; the only thing a family writes to */
	const struct theme *theme;
	const struct i18n *i18n;
	const struct content *content; /* NULL: out of order */
	const struct visit *visit;
	const struct place *at; /* the place being drawn (or walked) */
	const struct kiosk_facts *facts;
	const struct attract_state *attract;
	const char *icons_dir; /* the pictograms, assets/icons */
	int speaking;	       /* sentence being read aloud, -1: silent */
	int ui_lang;	       /* the visit's language as an index into i18n */
	int width, height;
	uint64_t now;
	int today;  /* YYYYMMDD */
	int minute; /* time of day, minutes after midnight */
	/* A memo of document layouts (not visitor state: it holds only
	 * positions in the pack's own text). */
	struct flow_cache *flows;
	/* Page counts of every flyer, in tile order (see screen_flyer_slot);
	 * 0: not known yet, -1: cannot be read. */
	const int *flyer_pages;
	/* What the wijk answered so far in the survey on screen (for the
	 * thank-you screen), or NULL. */
	const struct survey_results *results;
	/* Beside it, the shape of each flyer's first page: its width per
	 * 1000 of its height (707: A4 upright); 0: not known. */
	const int *flyer_aspect;
	struct screen_reqs *reqs; /* where requests go */
	const struct staff_view *staff; /* staff mode's screens */
	int printer;	 /* a slip printer is set up: offer "Print" */
	int print_state; /* enum screen_print, of the last slip */
};

/* How the last slip went, for the screen that printed it. */
enum screen_print {
	PRINT_NONE,	/* nothing printed on this screen */
	PRINT_BUSY,	/* printing */
	PRINT_DONE,	/* take your slip */
	PRINT_FAILED,	/* the printer did not answer or has no paper */
};

/* Asks the app to do something after this frame. */
void screen_ask(const struct screen_ctx *c, struct screen_req r);

/* A UI string in the visitor's language. Borrowed from the i18n. */
const char *screen_tr(const struct screen_ctx *c, const char *key);

/* One family of screens. */
struct screen_family {
	const char *name; /* for previews: "page", "flyers", ... */
	/* Draws c->at for one frame. */
	void (*draw)(const struct screen_ctx *c);
	/* Screenfuls of c->at, known from the layout without drawing. */
	int (*parts)(const struct screen_ctx *c);
	/* The i-th place a visitor can open from c->at (0, 1, ...): fills
	 * *to and returns 1, or returns 0 when there are no more. NULL: none.
	 */
	int (*reach)(const struct screen_ctx *c, int i, struct place *to);
	/* The pack file the screen's words come from, for the staff tool
	 * ("" for none). */
	void (*file)(const struct screen_ctx *c, char *out, size_t size);
};

/* The family that draws c->at (tile routes by the tile's kind). */
const struct screen_family *screen_family_of(const struct screen_ctx *c);

/* Runs one frame: the out-of-order screen, the idle prompt or the family
 * of c->at. */
void screens_run(const struct screen_ctx *c);

/* The tile on the place being drawn. */
const struct tile *screen_tile(const struct screen_ctx *c);

/* The pack file of a document tile in the visitor's language. */
void screen_doc_file(const struct screen_ctx *c, char *out, size_t size);

/* For a family's reach(): item k (-1: none) of this tile on `route`. */
int screen_reach_item(const struct screen_ctx *c, enum route route, int k,
		      struct place *to);

/* How many highlights the attract screen takes turns with: the lines of
 * every language with its own attract file, alternating. */
int screen_attract_count(const struct content *ct);

/* Index into ctx->flyer_pages of flyer `item` of tile `tile`. */
int screen_flyer_slot(const struct content *ct, int tile, int item);

#endif
