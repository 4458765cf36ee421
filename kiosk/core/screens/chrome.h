/*
 * chrome: the frame every screen below home shares. A coloured bar on top
 * with "Terug", the title, and the language and text-size buttons; a
 * footer with "Vorige", where you are and "Volgende" when there is more
 * than one screenful (a swipe does the same); and the small pieces several
 * families use: a QR code with its caption, a label on a drawn button
 * face, dates in words. Layout is in millimetres (ui_mm), so it keeps its
 * proportions on every screen.
 */
#ifndef KIOSK_CHROME_H
#define KIOSK_CHROME_H

#include <stddef.h>

#include "core/reach.h"
#include "core/screens/screen.h"

#define MARGIN_MM     12.0
#define HEADER_MM     24.0
#define BUTTON_H_MM   20.0
#define FOOTER_MM     32.0  /* "Vorige", where you are, "Volgende" */
#define BAR_MM	      30.0  /* the bottom bar, within reach when seated */
#define COLUMN_MM     290.0 /* longest comfortable line of body text */
#define DOUBLE_TAP_MS 450

/* Top of the body below the header bar. */
int chrome_body_top(const struct screen_ctx *c);

/* The header bar with "Terug" and the tile's title; returns 1 when
 * "Terug" was tapped (the frame should stop). *top gets the bar's
 * height. */
int chrome_tile_header(const struct screen_ctx *c, int *top);

/* Width a button needs for its label, never below the touch minimum. */
int chrome_button_w(const struct screen_ctx *c, const char *label);

/* The coloured bar on top with the title (from left_end); returns its
 * height. It holds no buttons: the top edge of a standing kiosk is out of
 * reach from a wheelchair. */
int chrome_header(const struct screen_ctx *c, int left_end, const char *title);

/* The bottom bar: "Terug" and "Begin" at the start when with_back, the
 * visitor's own buttons (read aloud, language, text size) at the end.
 * Returns 1 when a button asked to leave this screen. */
int chrome_bar(const struct screen_ctx *c, int with_back);

/* Top of the bottom bar. */
int chrome_bottom(const struct screen_ctx *c);

/* The header with a title and the bottom bar with "Terug"; returns 1
 * when a bar button leaves the screen. *top gets the header's height. */
int chrome_header_back(const struct screen_ctx *c, const char *title, int *top);

/* Width a button with a pictogram and its label needs. */
int chrome_icon_button_w(const struct screen_ctx *c, const char *label);

/* Full path of pictogram `name` ("back", "home", ...) into out. */
const char *chrome_icon(const struct screen_ctx *c, const char *name, char *out,
			size_t size);

/* The footer for `parts` screenfuls; asks for another part on a tap or
 * swipe. `where` is the text between the buttons. */
void chrome_footer(const struct screen_ctx *c, int part, int parts,
		   const char *where);

/* The same; a swipe turns only when swipe_turns (not while a finger moves
 * something on the screen, such as a zoomed flyer page). */
void chrome_footer_swipe(const struct screen_ctx *c, int part, int parts,
			 const char *where, int swipe_turns);

/* The end of a list screen: `none_key`'s text at y when the list is
 * empty, then "Deel 2 van 5" and the footer. */
void chrome_list_end(const struct screen_ctx *c, int n, const char *none_key,
		     int y, int part, int pages);

/* "Deel 2 van 5" (translation `key`) into out. */
void chrome_part_label(const struct screen_ctx *c, const char *key, int part,
		       int parts, char *out, size_t size);

/* Draws a QR code of payload in r, at its start and top, with `says`
 * ("Opent een e-mail aan buurtteam@...") under it in words, by the rules
 * of core/qr.h: the quiet zone, whole pixels a module and at least
 * QR_MIN_PX of them, at least QR_MIN_MM wide; it grows to QR_MAX_MM when
 * r has room (a dense code past it when it must, for its 6 pixels a
 * module). When r is too low for the line under the code but wide enough
 * (a card in a list), the line stands beside the code instead. Returns
 * the height used, 0 when r is too small or the payload too long (then it
 * draws nothing). */
int chrome_qr(const struct screen_ctx *c, struct rect r, const char *payload,
	      const char *says);

/* What a QR code of r does, in the visitor's language, into out: "Opent
 * de website buurt.example", "Opent een e-mail aan ...", "Belt ...". The
 * address is shown as the pack wrote it. Returns out. */
const char *chrome_reach_says(const struct screen_ctx *c, const struct reach *r,
			      char *out, size_t size);

/* A line (translation caption_key) saying what the code is for, and under
 * it chrome_qr of url (a web address) saying which website it opens,
 * inside r. Returns the height used, 0 when nothing fitted. */
int chrome_qr_box(const struct screen_ctx *c, struct rect r, const char *url,
		  const char *caption_key);

/* The label on a button whose face the caller draws: centred in r, at
 * most max_lines lines, noted when it does not fit. */
void chrome_face_label(const struct screen_ctx *c, struct rect r,
		       const char *label, int max_lines);

/* A big button with a picture above its label (a home tile, a topic), or
 * only the label when there is no picture or r is too low for one.
 * Returns 1 when tapped. */
int chrome_picture_button(const struct screen_ctx *c, const char *id,
			  struct rect r, const char *label, const char *picture,
			  enum style_id style);

/* A big button in the row above the bottom bar, at the start or (at_end)
 * at the end, with pictogram `icon` ("next" points the way forward, also
 * in Arabic). Returns 1 when tapped. */
int chrome_foot_button(const struct screen_ctx *c, const char *id,
		       const char *label, const char *icon, int at_end,
		       enum style_id style);

/* "24 november 2026" in the visitor's language. */
void chrome_date_text(const struct screen_ctx *c, int date, char *out,
		      size_t size);

/* Cards in a list below the header and above the footer: two columns,
 * one with larger letters, cards of height card_h, as many rows as fit
 * (at least one). */
struct chrome_grid {
	int cols, rows, cw, ch, y0, gap;
};
struct chrome_grid chrome_card_grid(const struct screen_ctx *c, int card_h);

/* The rectangle of card i (0 .. rows*cols-1) of grid g. */
struct rect chrome_grid_cell(const struct screen_ctx *c,
			     const struct chrome_grid *g, int i);

/* A part number kept in 0..parts-1 (the pack, language or text size may
 * have changed under it). */
int chrome_clamp(int part, int parts);

/* Screenfuls n items make at `per` a screen (at least 1). */
int chrome_pages(int n, int per);

/* Width and left edge of a comfortable text column. */
int chrome_column(const struct screen_ctx *c, int *x);

/* Notes that the text under heading block b does not fit its box. */
void chrome_clipped_block(const struct screen_ctx *c, const struct block *b);

#endif
