/*
 * ui: immediate-mode widgets. A screen function calls ui_button() and the
 * like every frame; each call adds what it looks like to the draw list and,
 * when tappable, its rectangle and label to the hit list, and answers whether
 * it was clicked. The ui keeps only the pointer and the id of the widget held
 * down between frames.
 *
 * Input rules (taken from retained toolkits):
 *  - a click fires on release inside the widget that was pressed;
 *  - moving the finger more than a few millimetres while pressed turns the
 *    touch into a drag, which cancels the click;
 *  - a horizontal drag of at least UI_SWIPE_MM that moves more sideways than
 *    up or down is a swipe, reported on release;
 *  - a widget that follows the finger (a zoomed page) asks ui_drag() how
 *    far it moved since the last frame;
 *  - holding still on a widget for UI_LONG_PRESS_MS is a long press: the
 *    widget asks for it with ui_long_press() and then gets no click.
 *    Other widgets still click on release, so a slow finger works.
 *
 * Events come in one at a time through ui_pointer(); after each the app runs
 * one frame so every widget sees the press or release.
 */
#ifndef KIOSK_UI_H
#define KIOSK_UI_H

#include <stdint.h>

#include "base/run.h"
#include "core/ui/bidi.h"
#include "core/ui/draw.h"
#include "core/ui/theme.h"

#define UI_DRAG_MM	 6.0
#define UI_SWIPE_MM	 30.0
#define UI_LONG_PRESS_MS 1500
#define UI_ICON_MM	 11.0 /* pictograms on buttons */

/* Measuring text is the platform's job (it has the fonts); tests pass a
 * simple stand-in. */
struct ui_metrics {
	void *ctx;
	/* width in pixels of n bytes of UTF-8 at pixel size px */
	int (*text_width)(void *ctx, const char *s, size_t n, int px, int bold);
	/* capital height of the font as a fraction of its pixel size */
	double cap_ratio;
};

enum ptr_kind { UI_PTR_DOWN, UI_PTR_MOVE, UI_PTR_UP };

/* Where the lines of a text sit in their box. START is the side a line
 * begins on: the left in Dutch, the right in Arabic (see ui->rtl).
 * UI_ALIGN_LEFT is the old name of UI_ALIGN_START, kept so code written
 * before the rename still builds; new code says START. */
enum ui_align {
	UI_ALIGN_START,
	UI_ALIGN_CENTER,
	UI_ALIGN_END, /* the side a line ends on */
	UI_ALIGN_LEFT = UI_ALIGN_START
};

/* A word of laid-out text (scratch space of the line breaker). */
struct ui_word {
	const char *s;
	size_t n;
	int bold;
	int space_before; /* a space separates it from the previous word */
	int newline;	  /* a hard line break comes before it */
	int glue;	  /* no line may end before it ("Wat" "?") */
};

/* A piece of one line in one direction and weight (line breaker
 * scratch); start and n are bytes of ui->line. */
struct ui_seg {
	size_t start, n;
	int level; /* bidi embedding level: odd runs right to left */
	int bold;
	int w;
};

#define UI_WORD_MAX 4096
#define UI_PARA_MAX 16384 /* bytes of text broken by the Unicode rules */
#define UI_LINE_MAX 2048  /* bytes of one line put in display order */
#define UI_SEG_MAX  256	  /* pieces of one line */

struct ui {
	struct draw_list dl;
	struct ui_word words[UI_WORD_MAX]; /* line breaker scratch */
	int nwords;
	char para[UI_PARA_MAX];	    /* the runs of a text, end to end */
	char para_brk[UI_PARA_MAX]; /* enum linebreak_kind after each byte */
	char line[UI_LINE_MAX];	    /* one line, words joined by spaces */
	unsigned char line_level[UI_LINE_MAX]; /* bidi level of each byte */
	unsigned char line_bold[UI_LINE_MAX];  /* weight of each byte */
	struct ui_seg segs[UI_SEG_MAX];
	struct bidi bidi;
	int para_rtl; /* the text being laid out runs right to left */
	struct ui_metrics m;
	const struct theme *theme; /* borrowed for the ui's lifetime */
	int large;		   /* larger text switched on */
	/* The visitor's language is written right to left. Screens lay out
	 * in reading order as if for a left-to-right language (x grows from
	 * the start of a line); ui_end mirrors every rectangle of the draw,
	 * hit and text lists (x' = w - x - width), and ui_pointer mirrors
	 * touches back, so the start is on the right, a swipe to the right
	 * turns to the next part, and lines sit at the right of their box.
	 * Set by the app before ui_begin. */
	int rtl;
	double px_per_mm;
	int w, h;
	uint64_t now;

	/* pointer */
	int px, py, down;
	int went_down, went_up;
	int press_x, press_y;
	int seen_x, seen_y; /* the pointer as the last frame saw it */
	uint64_t press_ms;
	uint32_t active; /* widget held down, 0 when none */
	int dragging;	 /* moved past UI_DRAG_MM since the press */
	int long_taken;	 /* the active widget took its long press */
	int long_polled; /* a frame ran at the long-press deadline */
	int swipe;	 /* on a release frame: -1 left, +1 right, 0 none */
	int hold_ms;	 /* a widget asked for a longer hold (ui_hold) */
};

/* theme and metrics are borrowed; px_per_mm comes from the screen size. */
void ui_init(struct ui *ui, const struct theme *theme, struct ui_metrics m,
	     double px_per_mm);

/* Feeds one pointer event at screen pixel x, y; a frame after a press or
 * release lets the widgets see it. The ui keeps the point in layout
 * coordinates (mirrored when ui->rtl), as widgets compare it with the
 * rectangles they were given. */
void ui_pointer(struct ui *ui, enum ptr_kind kind, int x, int y, uint64_t now);

/* Frame brackets: begin clears the lists; end mirrors them when ui->rtl
 * and forgets the press/release. After ui_end every list is in screen
 * pixels; a rectangle taken from them and drawn again must be drawn after
 * ui_end (it would be mirrored twice). */
void ui_begin(struct ui *ui, int w, int h, uint64_t now, struct color clear);
void ui_end(struct ui *ui);

/* Forgets any press in progress. */
void ui_reset_input(struct ui *ui);

/* Forgets everything about the last visitor's touches and the last frame:
 * the pointer, where it was pressed, the line breaker's scratch and every
 * byte of the draw list. Used by the idle wipe. */
void ui_wipe(struct ui *ui);

/* Pixels for a length in millimetres; pixel size and line height of a role. */
int ui_mm(const struct ui *ui, double mm);
int ui_font_px(const struct ui *ui, enum font_role role);
int ui_line_h(const struct ui *ui, enum font_role role);

/* A button with a label; returns 1 on the frame it is clicked. The id must
 * be unique on the screen and stay the same from frame to frame. */
int ui_button(struct ui *ui, const char *id, struct rect r, const char *label,
	      enum style_id style);

/* A button with a pictogram (a white-on-transparent PNG, tinted like the
 * label) at its start and the label beside it. */
int ui_button_icon(struct ui *ui, const char *id, struct rect r,
		   const char *label, const char *icon, enum style_id style);

/* The same with a pictogram that points along the reading direction (an
 * arrow back, previous or next): it is drawn mirrored when ui->rtl.
 * Other pictograms and pictures are never mirrored. */
int ui_button_arrow(struct ui *ui, const char *id, struct rect r,
		    const char *label, const char *icon, enum style_id style);

/* Where the pointer is inside r, in 1/1000 of r's width and height,
 * measured on what is painted there (a picture is not mirrored when the
 * layout is, so in RTL this counts from r's painted left edge). */
void ui_point_in(const struct ui *ui, struct rect r, int *fx, int *fy);

/* Side of a pictogram on a button, in pixels. */
int ui_icon_px(const struct ui *ui);

/* A button whose face the caller draws (an icon, a picture, a date above
 * a title): draws its background and border, puts it in the hit list
 * under `label`, and returns 1 on the frame it is clicked. */
int ui_button_frame(struct ui *ui, const char *id, struct rect r,
		    const char *label, enum style_id style);

/* Notes that a text (`what`, for the staff tool's report) does not fit
 * the box it is drawn in. */
void ui_clipped(struct ui *ui, const char *what, size_t n);

/* An invisible tappable area with a label (for "touch anywhere"). */
int ui_area(struct ui *ui, const char *id, struct rect r, const char *label);

/* 1 once, on the frame a long press on widget `id` completes; after that
 * the widget gets no click for this touch. Call after the widget. */
int ui_long_press(struct ui *ui, const char *id);

/* Like ui_long_press, for a hold of `ms` that began inside `where` (a
 * part of the widget, in layout pixels): 1 once, on the frame it
 * completes; the widget then gets no click. A press elsewhere on the
 * widget is an ordinary press. Call after the widget. */
int ui_hold(struct ui *ui, const char *id, struct rect where, int ms);

/* A finger dragging a widget: where it went down, where the last frame
 * saw it and where it is now, in screen pixels. */
struct ui_drag {
	int from_x, from_y;
	int last_x, last_y;
	int x, y;
};

/* 1 while widget `id` (pressed first) is being dragged, and on the
 * release frame that ends the drag; fills *d. A widget that moves with
 * the finger adds (x - last_x, y - last_y) each frame, or better the
 * difference of what (x - from_x) and (last_x - from_x) come to, so
 * rounding never adds up. */
int ui_drag(const struct ui *ui, const char *id, struct ui_drag *d);

/* -1 on the release frame of a swipe to the left, +1 to the right. */
int ui_swipe(const struct ui *ui);

/* Time at which a pending long press completes, or 0: the app must run a
 * frame then even when nothing else happens. */
uint64_t ui_next_deadline(const struct ui *ui);

/* Lays out text broken into lines that fit `width`, at the places the
 * Unicode line breaking rules allow (spaces, after a hyphen, ...). Each
 * line is drawn in display order: pieces of Arabic and Latin text in the
 * order the bidirectional algorithm gives, a paragraph's direction
 * following its first letter (ui->rtl when it has none). Draws lines
 * first..first+max-1 (max < 0: all) from y down. Flags in `record`:
 * UI_RECORD puts the whole text once in the text list; UI_CLIP says lines
 * past max do not fit their box, which the draw list notes (the staff
 * tool reports it); UI_BOLD sets every run in bold. Returns the number of
 * lines of the whole text. */
#define UI_RECORD 1
#define UI_CLIP	  2
#define UI_BOLD	  4 /* every run bold (headings) */
int ui_text_runs(struct ui *ui, const struct text_run *runs, int nruns,
		 enum font_role role, int x, int y, int width,
		 enum ui_align align, struct color color, int first, int max,
		 int record);

/* One plain text block; returns the height it took. */
int ui_text(struct ui *ui, struct rect r, const char *text, enum font_role role,
	    enum ui_align align, struct color color);

/* Lines the text needs at this width, drawing nothing; flags: UI_BOLD. */
int ui_text_lines(struct ui *ui, const struct text_run *runs, int nruns,
		  enum font_role role, int width, int flags);

uint32_t ui_id(const char *id);

#endif
