/*
 * draw: the output of one frame. The ui fills a draw list (what to paint, in
 * order), a hit list (every tappable widget with its rectangle and label) and
 * a text list (every piece of visible text that is not a button label, whole,
 * before it was broken into lines). The platform paints the draw list; tests,
 * the script runner and read-aloud look at the hit and text lists, so nothing
 * needs pixels to know what is on screen.
 *
 * Everything is in fixed arrays: a frame allocates nothing. A full list sets
 * `overflow` and drops what did not fit, which a debug build reports.
 */
#ifndef KIOSK_DRAW_H
#define KIOSK_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "base/color.h"

struct rect {
	int x, y, w, h;
};

enum draw_kind {
	DRAW_RECT,  /* filled rectangle, optional rounded corners */
	DRAW_FRAME, /* rectangle outline `thick` pixels wide */
	DRAW_TEXT,  /* one line of text, top-left at r.x, r.y */
	DRAW_IMAGE, /* a picture file (PNG, JPEG, or a PDF page), fitted in r */
	DRAW_QR,    /* a QR code of `text`, square, filling r */
};

struct draw_cmd {
	enum draw_kind kind;
	struct rect r;
	struct color color; /* DRAW_IMAGE: a = 0 as it is, else tinted
			     * (pictograms are white on transparent) */
	int radius;	    /* DRAW_RECT corner radius in pixels */
	int thick;	    /* DRAW_FRAME line width; DRAW_IMAGE: 1 = only load
			     * it now (render ahead), do not show */
	int font_px;	    /* DRAW_TEXT pixel size of the font */
	int bold;	    /* DRAW_TEXT bold face */
	const char *text;   /* DRAW_TEXT: the line; DRAW_IMAGE: the file;
			     * DRAW_QR: what the code holds. In the arena. */
	int page;	    /* DRAW_IMAGE of a PDF: page number from 1 */
	struct rect src;    /* DRAW_IMAGE: part to show, in 1/1000 of the
			     * picture (zoom); all zero: the whole picture */
	int rtl;	    /* DRAW_TEXT: one right-to-left run (Arabic),
			     * shaped from right to left */
	int flip;	    /* DRAW_IMAGE: painted mirrored left to right (an
			     * arrow in a right-to-left layout) */
};

struct hit {
	uint32_t id; /* stable widget id (hash of its string id) */
	struct rect r;
	const char *label; /* what the widget says, in the arena */
};

struct text_item {
	struct rect r;
	const char *text; /* whole text, in the arena */
	int quiet; /* personal (a name typed for a sign-up): shown and
		      listed, never read aloud */
};

#define DRAW_MAX      2048
#define HIT_MAX	      128
#define TEXT_ITEM_MAX 256
#define DRAW_ARENA    65536

struct draw_list {
	struct draw_cmd cmds[DRAW_MAX];
	int ncmds;
	struct hit hits[HIT_MAX];
	int nhits;
	struct text_item texts[TEXT_ITEM_MAX];
	int ntexts;
	struct color clear; /* background of the whole frame */
	char arena[DRAW_ARENA];
	size_t arena_used;
	int overflow;
	int quiet;		/* texts added now are quiet (text_item) */
	int clipped;		/* texts that did not fit their box */
	char clipped_text[160]; /* the first of them */
};

void draw_list_clear(struct draw_list *dl, struct color clear);

/* n bytes of the arena for the caller to fill, or NULL (and overflow set)
 * when it is full. Valid until the list is cleared. */
char *draw_list_reserve(struct draw_list *dl, size_t n);

/* Clears every byte of the list, the arena included: nothing a frame
 * showed can be read back from memory afterwards. */
void draw_list_wipe(struct draw_list *dl);

/* Copies n bytes of s into the arena; returns the copy, or "" when full. */
const char *draw_list_str(struct draw_list *dl, const char *s, size_t n);

void draw_rect(struct draw_list *dl, struct rect r, struct color c, int radius);
void draw_frame(struct draw_list *dl, struct rect r, struct color c, int thick);
void draw_text(struct draw_list *dl, int x, int y, int w, int h, const char *s,
	       size_t n, int font_px, int bold, struct color c);
void draw_image(struct draw_list *dl, struct rect r, const char *path, int page,
		struct rect src);
void draw_qr(struct draw_list *dl, struct rect r, const char *payload);
/* A pictogram: a white-on-transparent picture painted in `tint`. */
void draw_icon(struct draw_list *dl, struct rect r, const char *path,
	       struct color tint);
/* Asks the platform to load a picture now that will be shown soon. */
void draw_prefetch(struct draw_list *dl, struct rect r, const char *path,
		   int page);
void draw_hit(struct draw_list *dl, uint32_t id, struct rect r,
	      const char *label);
void draw_text_item(struct draw_list *dl, struct rect r, const char *s);
/* The same for a text already in the list's arena (not copied again). */
void draw_text_item_borrowed(struct draw_list *dl, struct rect r,
			     const char *s);

/* A hash of everything that would change the painted picture: the platform
 * repaints only when it differs from the last frame's. */
uint32_t draw_list_hash(const struct draw_list *dl);

/* The tappable widget whose label is exactly `label`, or NULL. */
const struct hit *draw_list_find_hit(const struct draw_list *dl,
				     const char *label);

/* 1 when `needle` occurs in a visible text or a button label (a space in
 * needle also matches a no-break space). */
int draw_list_has_text(const struct draw_list *dl, const char *needle);

int rect_contains(struct rect r, int x, int y);

#endif
