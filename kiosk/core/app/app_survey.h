/*
 * app_survey: the app's side of the survey, kept apart from app.c: the
 * answers in the visit, the keyboard's keys applied to them, "Terug" and
 * "Begin" inside a survey, and saving through the sink. Internal to the
 * app module (app.c and app_survey.c).
 */
#ifndef KIOSK_APP_SURVEY_H
#define KIOSK_APP_SURVEY_H

#include "core/app/app.h"

/* The survey of the tile on the place on top, or NULL. Borrowed. */
const struct survey *app_survey_here(struct app *a);

/* Forgets the answers, every byte of them. */
void app_survey_forget(struct app *a);

/* The longest answer question q takes, in letters. */
int app_survey_max_chars(const struct survey_question *q, int number);

/* A number typed on the pad becomes the answer when it is in range. */
void app_survey_number(const struct survey_question *q,
		       struct survey_answer *ans);

/* Carries out a REQ_SURVEY request. */
void app_survey_apply(struct app *a, const struct screen_req *r);

/* "Terug" and "Begin" inside a survey; 1 when handled. */
int app_survey_nav(struct app *a, const struct screen_req *r);

/* The survey's text field on screen, if any: 1 with q, ans and whether
 * it takes a number. */
int app_survey_field(struct app *a, const struct survey_question **q,
		     struct survey_answer **ans, int *number);

#endif
