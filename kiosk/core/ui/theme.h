/*
 * theme: colours, text sizes and widget styles, as data. Sizes are given in
 * millimetres on the physical screen and turned into pixels with the screen's
 * density, so a button is as large under a finger on every panel. Widget
 * styles hold one colour pair per state (normal, pressed, disabled); drawing
 * code looks the pair up and never branches on colours itself.
 */
#ifndef KIOSK_THEME_H
#define KIOSK_THEME_H

#include "base/err.h"
#include "core/ui/draw.h"

enum font_role {
	FONT_BODY,   /* running text */
	FONT_BUTTON, /* labels on buttons and tiles */
	FONT_TITLE,  /* page titles */
	FONT_HERO,   /* the wijk's name on the attract screen */
	FONT_ROLE_COUNT
};

enum ui_state { UI_NORMAL, UI_PRESSED, UI_DISABLED, UI_STATE_COUNT };

enum style_id {
	STYLE_TILE,	 /* large home tiles */
	STYLE_PRIMARY,	 /* the one thing to do next */
	STYLE_SECONDARY, /* other buttons: outlined */
	STYLE_HEADER,	 /* buttons on the coloured header bar */
	STYLE_COUNT
};

struct widget_style {
	struct color bg[UI_STATE_COUNT];
	struct color fg[UI_STATE_COUNT];
	struct color border; /* a = 0: no border */
};

struct theme {
	/* colours of plain surfaces */
	struct color background, text, header_bg, header_text;
	struct color attract_bg, attract_text, accent;
	struct widget_style styles[STYLE_COUNT];
	/* capital height in mm per role, normal and larger text */
	double cap_mm[2][FONT_ROLE_COUNT];
	double target_mm; /* smallest touch target edge */
	double gap_mm;	  /* smallest space between targets */
	double radius_mm; /* corner radius of buttons and tiles */
};

/* Loads a theme file (see assets/theme.ini): every key is required, so a
 * theme is always complete. */
int theme_load(struct theme *t, const char *path, struct err *e);

/* The pair of colours a style uses in a state. */
struct color theme_fg(const struct theme *t, enum style_id s, enum ui_state st);
struct color theme_bg(const struct theme *t, enum style_id s, enum ui_state st);

/* Checks each text colour against what it is drawn on: body text 7:1,
 * every other text 4.5:1 (WCAG AAA body, AA rest). Returns -1 and names the
 * first pair that fails. */
int theme_check_contrast(const struct theme *t, struct err *e);

/* Repaints the theme in a content pack's own colour: header, attract
 * screen, primary buttons and tile borders take `brand`; pressed states a
 * darker shade. The caller has checked white text on brand has 4.5:1. */
void theme_apply_brand(struct theme *t, struct color brand);

#endif
