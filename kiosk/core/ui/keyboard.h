/*
 * keyboard: the on-screen keyboard, the number pad and the text field shown
 * above them, as immediate-mode widgets.
 *
 * The widgets never change text. A key reports what was pressed (a
 * ui_key_event) on the frame it is released; the screen passes the event on
 * to the app, and the app, which owns the typed text and the keyboard's
 * mode, applies it with ui_keyboard_apply(). So the text and the mode live
 * in the visit and are wiped with it.
 *
 * The letter keyboard is Dutch QWERTY in five rows: digits, q-p, a-l, a
 * shift key with z-m and an erase key two keys wide, and a bottom row with the
 * accent key, space and . , - @ ' ?. Accented letters sit on a layer of their
 * own that the accent key swaps in for the three letter rows, grouped by vowel
 * in one fixed order (acute, grave, diaeresis, circumflex). A layer rather
 * than a long press: a long press is invisible until you know it, needs a
 * steady finger held still for a set time, and hides the choices under the
 * finger. The layer shows every choice at once, on keys as large as the
 * letters, and goes back to the letters after one accented letter.
 * Shift also holds for one letter only, as on a phone.
 *
 * Every key is in the hit list under what it types ("q", "Q", "é", "7") or,
 * for the keys with words on them, under the caller's word for it, so tests
 * and the script runner tap keys by label. Keys are at least the theme's
 * target size with the theme's gap between them; larger text makes the
 * labels larger and never the keys smaller.
 */
#ifndef KIOSK_KEYBOARD_H
#define KIOSK_KEYBOARD_H

#include <stddef.h>

#include "core/ui/ui.h"

/* Height of a key the widgets aim for: above the theme's smallest target,
 * so a shaky finger still lands inside; with larger text the keys grow so
 * the larger letters fit them. */
#define UI_KEY_MM	18.0
#define UI_KEY_LARGE_MM 21.0

/* What a key reported. */
struct ui_key_event {
	enum {
		UI_KEY_NONE,	/* nothing was pressed this frame */
		UI_KEY_TEXT,	/* text holds one character to add */
		UI_KEY_ERASE,	/* remove the last character */
		UI_KEY_ENTER,	/* done typing: no on-screen key sends it (the
				 * screen's own "Volgende" does that job);
				 * for a hardware key mapped to the same path */
		UI_KEY_SHIFT,	/* flip between small letters and capitals */
		UI_KEY_ACCENTS, /* flip between letters and accented letters */
	} kind;
	char text[8]; /* UI_KEY_TEXT: UTF-8 of one character, NUL-terminated */
};

/* The keyboard's mode. The caller keeps it (in the visit) and changes it
 * only through ui_keyboard_apply(); all zero is small letters. */
struct ui_keyboard_state {
	int shift;   /* capitals for the next letter */
	int accents; /* the accent layer replaces the letter rows */
};

/* The words on the keyboard, in the visitor's language. Borrowed for the
 * call; each is also the key's label in the hit list, so they must differ
 * from each other and from any single character. */
struct ui_keyboard_labels {
	const char *space;   /* "spatie" */
	const char *erase;   /* "wissen" */
	const char *shift;   /* "hoofdletter" (the key shows an arrow) */
	const char *accents; /* the accent key while letters show: "é ü ç" */
	const char *letters; /* the same key on the accent layer: "abc" */
};

/* The size at which the keyboard's keys are UI_KEY_MM high (with larger
 * text UI_KEY_LARGE_MM) and not wider than the widget makes them: a
 * screen lays out around it. */
void ui_keyboard_size(const struct ui *ui, int *w, int *h);

/* Draws the keyboard in r for the mode *st. Returns 1 and fills *out on the
 * frame a key is clicked; else 0 with out->kind = UI_KEY_NONE. Keys fill
 * the height of r; they are at most 1.3 times as wide as high, and the
 * keyboard is centred in r. When r is too small, keys keep the theme's
 * smallest size and the keyboard grows out of r (downwards and to the end),
 * so a cramped screen shows in the accessibility walk rather than as
 * keys too small to hit. `id` must be unique on the screen. */
int ui_keyboard(struct ui *ui, const char *id, struct rect r,
		const struct ui_keyboard_state *st,
		const struct ui_keyboard_labels *labels,
		struct ui_key_event *out);

/* The number pad: 1 2 3 / 4 5 6 / 7 8 9 / 0 and erase (two keys wide)
 * (labels->erase; the other labels are not used). Same rules as
 * ui_keyboard(); it reports UI_KEY_TEXT with a digit or UI_KEY_ERASE. */
void ui_numpad_size(const struct ui *ui, int *w, int *h);
int ui_numpad(struct ui *ui, const char *id, struct rect r,
	      const struct ui_keyboard_labels *labels,
	      struct ui_key_event *out);

/* The caller's side: applies one event to the text the visitor is typing
 * (text, a NUL-terminated buffer of `size` bytes, at most max_chars
 * characters; 0: only the buffer limits it) and to the mode *st. Text is
 * added whole or not at all; erase removes one whole character. After a
 * character, shift and the accent layer switch off. Returns 1 when the
 * text changed, 0 when not (erase on an empty text, a full field, or a
 * mode key). */
int ui_keyboard_apply(struct ui_keyboard_state *st, char *text, size_t size,
		      int max_chars, const struct ui_key_event *ev);

/* Characters (code points) in a UTF-8 text: what the counter counts. */
int ui_text_chars(const char *text);

/* The words around a text field, in the visitor's language. Borrowed for
 * the call. */
struct ui_text_field_labels {
	const char *name;    /* what the field asks for; its label in the hit
			      * list. NULL: the field is not tappable */
	const char *hint;    /* a line under the field ("Typ geen namen van
			      * andere mensen."); NULL: none */
	const char *counter; /* "{1} / {2}": characters typed and the
			      * maximum; NULL or max_len 0: no counter */
};

/* Height of a text field showing `lines` lines of typed text, with its
 * hint and counter line, at the current text size. */
int ui_text_field_height(struct ui *ui, int lines, const char *hint, int width);

/* Draws a text field in r: a box with the typed text (when it is longer
 * than the box, its last lines), a caret after the last character when
 * focused, and under the box the hint and the counter ("12 / 200"). The
 * text goes whole into the text list, so tests and read-aloud find it.
 * Returns 1 on the frame the field is tapped (only when labels->name is
 * set): a screen with several fields asks the app to move the focus.
 * text is borrowed for the call. */
int ui_text_field(struct ui *ui, const char *id, struct rect r,
		  const char *text, int max_len, int focused,
		  const struct ui_text_field_labels *labels);

#endif
