/*
 * survey_fixture: a survey with every kind of question, built in C for the
 * store's tests and benchmark until the demo packs carry surveys, and
 * answers that follow from one number, so a test can check each answer
 * of a response it finds again.
 *
 * Header only: every helper is static, so a file uses what it needs.
 */
#ifndef KIOSK_TESTS_SURVEY_FIXTURE_H
#define KIOSK_TESTS_SURVEY_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/survey/survey.h"

static inline void fixture_label(struct text *t, const char *nl)
{
	t->s[0] = str_dup(nl);
}

static inline void fixture_option(struct survey_question *q, const char *id,
				  const char *nl, int other)
{
	struct survey_option *o = &q->options[q->noptions++];

	str_copy(o->id, sizeof(o->id), id);
	fixture_label(&o->label, nl);
	o->other = other;
}

static inline struct survey_question *fixture_question(struct survey *s,
						       const char *id,
						       enum question_kind kind,
						       const char *title)
{
	struct survey_question *q = &s->questions[s->nquestions++];

	str_copy(q->id, sizeof(q->id), id);
	q->kind = kind;
	fixture_label(&q->title, title);
	return q;
}

/* Questions, in order:
 *   0 woonplezier  choice (3 options, the last "anders")
 *   1 info         info screen
 *   2 mist         multi (4 options, at most 2, "anders")
 *   3 buurt        scale
 *   4 weet         yes/no
 *   5 jaren        number 0..100
 *   6 leeftijd     number in 3 bands
 *   7 waarom       text, only when weet is nee (option index 0)
 *   8 tip          text
 * Free with store_definition_release(). */
static inline void survey_fill(struct survey *s)
{
	struct survey_question *q;

	memset(s, 0, sizeof(*s));
	str_copy(s->id, sizeof(s->id), "buurt");
	str_copy(s->version, sizeof(s->version), "0123456789abcdef");
	fixture_label(&s->title, "Enquête Proeftuin Ussen");
	q = fixture_question(s, "woonplezier", QUESTION_CHOICE,
			     "Hoe prettig woont u hier?");
	fixture_option(q, "fijn", "Fijn", 0);
	fixture_option(q, "gaat", "Het gaat", 0);
	fixture_option(q, "anders", "Anders, namelijk", 1);
	fixture_question(s, "info", QUESTION_INFO, "Nu iets over de buurt.");
	q = fixture_question(s, "mist", QUESTION_MULTI, "Wat mist u?");
	fixture_option(q, "groen", "Groen", 0);
	fixture_option(q, "bankjes", "Bankjes", 0);
	fixture_option(q, "licht", "Licht op straat", 0);
	fixture_option(q, "anders", "Anders, namelijk", 1);
	q->max_choices = 2;
	fixture_question(s, "buurt", QUESTION_SCALE, "Hoe vindt u de buurt?");
	fixture_question(s, "weet", QUESTION_YESNO,
			 "Weet u waar u met vragen heen "
			 "kunt?");
	q = fixture_question(s, "jaren", QUESTION_NUMBER,
			     "Hoeveel jaar woont u hier?");
	q->min = 0;
	q->max = 100;
	q = fixture_question(s, "leeftijd", QUESTION_NUMBER, "Hoe oud bent u?");
	q->bands[0] = (struct survey_band){ 0, 17, { { str_dup("tot 18") } } };
	q->bands[1] =
		(struct survey_band){ 18, 64, { { str_dup("18 tot 65") } } };
	q->bands[2] =
		(struct survey_band){ 65, 130, { { str_dup("65 en ouder") } } };
	q->nbands = 3;
	q = fixture_question(s, "waarom", QUESTION_TEXT, "Waarom niet?");
	q->when.op = COND_EQUALS;
	q->when.question = 4;
	q->when.values[0] = 0;
	q->when.nvalues = 1;
	q->max_len = SURVEY_TEXT_MAX;
	q = fixture_question(s, "tip", QUESTION_TEXT, "Uw tip voor de wijk");
	q->max_len = SURVEY_TEXT_MAX;
}

/* Answers that follow from n alone, so a test can check every answer of
 * a response it finds; the tip carries "nr N". */
static inline void answers_fill(struct survey_answers *a, int n)
{
	memset(a, 0, sizeof(*a));
	a->a[0] = (struct survey_answer){ 1, n % 3, 0, "" };
	if (n % 3 == 2)
		snprintf(a->a[0].text, sizeof(a->a[0].text), "bij mijn zus");
	a->a[2] = (struct survey_answer){ 1, 0, (uint32_t)(1 + n % 9), "" };
	if (n % 9 == 8) /* options 0 and 3: "anders" */
		snprintf(a->a[2].text, sizeof(a->a[2].text), "een bakker");
	if (n % 9 == 6) /* 7 = three options: one too many */
		a->a[2].chosen = 3;
	a->a[3] = (struct survey_answer){ n % 7 != 0, 1 + n % 5, 0, "" };
	a->a[4] = (struct survey_answer){ 1, n % 2, 0, "" };
	a->a[5] = (struct survey_answer){ 1, n % 101, 0, "" };
	a->a[6] = (struct survey_answer){ 1, n % 3, 0, "" };
	a->a[7] = (struct survey_answer){ 1, 0, 0, "te ver weg" };
	a->a[8].answered = 1;
	snprintf(a->a[8].text, sizeof(a->a[8].text), "nr %d", n);
}

#endif
