/*
 * families: the screen families, for screens.c's dispatch and the walker.
 * Each is defined in its own file of this folder.
 */
#ifndef KIOSK_FAMILIES_H
#define KIOSK_FAMILIES_H

#include "core/screens/screen.h"

extern const struct screen_family screen_attract;   /* attract.c */
extern const struct screen_family screen_home;	    /* home.c */
extern const struct screen_family screen_page;	    /* page.c */
extern const struct screen_family screen_cards;	    /* cards.c */
extern const struct screen_family screen_steps;	    /* steps.c */
extern const struct screen_family screen_flyers;    /* flyers.c: the grid */
extern const struct screen_family screen_flyer;	    /* flyers.c: one flyer */
extern const struct screen_family screen_partners;  /* partners.c */
extern const struct screen_family screen_news;	    /* news.c: the list */
extern const struct screen_family screen_news_item; /* news.c: one item */
extern const struct screen_family screen_languages; /* languages.c */
extern const struct screen_family screen_info;
extern const struct screen_family screen_survey_start;		/* survey.c */
extern const struct screen_family screen_survey_question;	/* survey.c */
extern const struct screen_family screen_survey_thanks;		/* survey.c */
extern const struct screen_family screen_events; /* events.c */
extern const struct screen_family screen_ask_topics;  /* ask.c: the topics */
extern const struct screen_family screen_ask_step;    /* ask.c: a step */
extern const struct screen_family screen_initiatives; /* initiatives.c */
extern const struct screen_family screen_initiative;  /* initiatives.c */
extern const struct screen_family screen_join;	      /* initiatives.c */
extern const struct screen_family screen_signup;      /* signup.c */
extern const struct screen_family screen_signup_done; /* signup.c */
extern const struct screen_family screen_staff; /* staff.c */

/* The out-of-order screen (broken.c) and "Bent u er nog?" (prompt.c):
 * not places a visitor opens, so not families. */
void screen_broken_draw(const struct screen_ctx *c);
void screen_prompt_draw(const struct screen_ctx *c);

#endif
