/*
 * survey: which questions show, given the answers so far; see survey.h.
 */
#include "core/survey/survey.h"

#include <assert.h>

/* 1 when answer a of question q picked option index o. */
static int picked(const struct survey_question *q,
		  const struct survey_answer *a, int o)
{
	if (!a->answered)
		return 0;
	if (q->kind == QUESTION_MULTI)
		return o >= 0 && o < 32 && (a->chosen >> o & 1u);
	return a->choice == o;
}

int survey_shows(const struct survey *s, const struct survey_answers *ans,
		 int q)
{
	const struct survey_condition *c;
	const struct survey_question *on;
	const struct survey_answer *a;
	int i, any = 0;

	assert(q >= 0 && q < s->nquestions);
	c = &s->questions[q].when;
	if (c->op == COND_NONE)
		return 1;
	/* the reader refuses conditions on later or unknown questions */
	assert(c->question >= 0 && c->question < q);
	on = &s->questions[c->question];
	a = &ans->a[c->question];
	if (!survey_shows(s, ans, c->question) || !a->answered)
		return 0;
	for (i = 0; i < c->nvalues; i++)
		any |= picked(on, a, c->values[i]);
	switch (c->op) {
	case COND_EQUALS:
	case COND_ONE_OF:
		return any;
	case COND_NOT:
		return !any;
	case COND_NONE:
		break;
	}
	return 1;
}
