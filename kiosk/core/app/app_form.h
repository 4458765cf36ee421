/*
 * app_form: the app's side of the two forms a visitor fills in by touch:
 * a question (an ask tile: the three questions for one topic) and a
 * sign-up for a citizen initiative. The choices and the typed text live in
 * the visit; a question is never stored anywhere, and a sign-up leaves the
 * visit once the sink has saved it. Internal to the app module.
 */
#ifndef KIOSK_APP_FORM_H
#define KIOSK_APP_FORM_H

#include "core/app/app.h"

/* Carries out a REQ_FORM request. */
void app_form_apply(struct app *a, const struct screen_req *r);

/* The text field on screen, if any: 1 with the buffer, its size in bytes
 * and the most letters it takes. */
int app_form_field(struct app *a, char **text, size_t *size, int *max_chars);

/* After the field's text changed (typed by a script): what the form keeps
 * of it, such as a refused phone number's message, is brought up to date. */
void app_form_typed(struct app *a);

/* Forgets the question and the sign-up being filled in, every byte. */
void app_form_forget(struct app *a);

/* The topic or initiative on the place on top, or NULL. Borrowed. */
const struct ask_topic *app_form_topic(struct app *a);
const struct initiative *app_form_initiative(struct app *a);

#endif
