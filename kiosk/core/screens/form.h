/*
 * form: pieces the question (ask.c) and sign-up (signup.c) screens share:
 * a request to the app's form, and a text field with the on-screen
 * keyboard under it.
 */
#ifndef KIOSK_FORM_H
#define KIOSK_FORM_H

#include "core/screens/screen.h"

/* Asks the app for form step `op` (enum form_op) with x and y. */
void form_ask(const struct screen_ctx *c, int op, int x, int y);

/* The text field (text, at most max_chars letters; `hint` under it, may
 * be NULL) from y, and the keyboard under it down to bottom. Personal
 * text (quiet) is shown but never read aloud. Keys go to the app as
 * FORM_TYPE, FORM_ERASE, FORM_SHIFT and FORM_ACCENTS. */
void form_typing(const struct screen_ctx *c, const char *text, int max_chars,
		 const char *hint, int quiet, int y, int bottom);

/* How the slip went ("Pak uw briefje uit de printer"), at x, y in w;
 * nothing before one was asked for. */
void form_print_state(const struct screen_ctx *c, int x, int y, int w);

/* The initiative on the place being drawn (its `item`), or NULL. */
const struct initiative *form_initiative(const struct screen_ctx *c);

/* The file an initiatives tile's screens come from, for the staff tool. */
void form_initiatives_file(const struct screen_ctx *c, char *out, size_t size);

/* One screenful: a form's step never scrolls. */
int form_one_part(const struct screen_ctx *c);

#endif
