/*
 * app_survey: the survey's answers, keys, navigation and saving; see
 * app_survey.h.
 */
#include "core/app/app_survey.h"

#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "core/ui/keyboard.h"

void app_set_survey_sink(struct app *a, const struct app_survey_sink *sink)
{
	a->sink = *sink;
}

const struct survey *app_survey_here(struct app *a)
{
	const struct place *p = visit_at(&a->visit);

	if (!a->content || p->tile < 0 || p->tile >= a->content->ntiles)
		return NULL;
	return a->content->tiles[p->tile].survey;
}

/* Forgets the answers, every byte of them. */
void app_survey_forget(struct app *a)
{
	int i;

	for (i = 0; i < SURVEY_QUESTION_MAX; i++)
		if (a->visit.answers.a[i].text[0]) {
			a->forgets++; /* see app->forgets */
			break;
		}
	explicit_bzero(&a->visit.answers, sizeof(a->visit.answers));
	a->visit.survey_confirm = 0;
	a->visit.kb_shift = a->visit.kb_accents = 0;
}

/* Appends one character typed on the keyboard to question q's text. */
/* The longest answer question q takes, in letters. */
int app_survey_max_chars(const struct survey_question *q, int number)
{
	if (number)
		return 7; /* "-999999" */
	return q->max_len > 0 ? q->max_len : SURVEY_TEXT_MAX;
}

/* Applies one key of the on-screen keyboard to question q's text, by the
 * keyboard's own rules: a letter whole or not at all, counted in
 * letters; shift and the accent layer for one letter. */
static void survey_key(struct app *a, const struct survey_question *q,
		       struct survey_answer *ans, int kind, const char *text,
		       int number)
{
	struct ui_keyboard_state st = { a->visit.kb_shift,
					a->visit.kb_accents };
	struct ui_key_event ev = { 0 };

	ev.kind = kind;
	if (text)
		memcpy(ev.text, text, sizeof(ev.text) - 1);
	ui_keyboard_apply(&st, ans->text, sizeof(ans->text),
			  app_survey_max_chars(q, number), &ev);
	a->visit.kb_shift = st.shift;
	a->visit.kb_accents = st.accents;
}

/* A number typed on the pad becomes the answer when it is in range. */
void app_survey_number(const struct survey_question *q,
		       struct survey_answer *ans)
{
	char *end;
	long v = strtol(ans->text, &end, 10);

	ans->answered = ans->text[0] && !*end && v >= q->min && v <= q->max;
	ans->choice = ans->answered ? (int)v : 0;
}

static void survey_save(struct app *a, const struct survey *s)
{
	struct err e = { "" };
	struct place *p = visit_at(&a->visit);
	int saved = 0;

	if (a->sink.save &&
	    a->sink.save(a->sink.ctx, s, &a->visit.answers, a->today, &e) == 0)
		saved = 1;
	else
		log_error("survey '%s': answers not saved: %s", s->id,
			  a->sink.save ? e.msg : "no place to save them");
	app_survey_forget(a);
	/* the thank-you screen replaces the questions: "Terug" from it
	 * does not lead into an empty survey */
	*p = (struct place){ .route = ROUTE_SURVEY_DONE,
			     .tile = p->tile,
			     .item = saved };
	a->results_of = NULL;
	if (saved && a->sink.results &&
	    a->sink.results(a->sink.ctx, s, &a->results, &e) == 0)
		a->results_of = s;
}

void app_survey_apply(struct app *a, const struct screen_req *r)
{
	const struct survey *s = app_survey_here(a);
	struct visit *v = &a->visit;
	struct place *p = visit_at(v);
	const struct survey_question *q;
	struct survey_answer *ans;
	int next;

	if (!s)
		return;
	if (r->value == SURVEY_OP_START) {
		app_survey_forget(a);
		next = survey_first(s, &v->answers);
		if (next >= 0)
			visit_push(v, (struct place){ .route = ROUTE_SURVEY,
						      .tile = p->tile,
						      .item = next });
		return;
	}
	if (p->route != ROUTE_SURVEY)
		return;
	q = &s->questions[p->item];
	ans = &v->answers.a[p->item];
	switch ((enum survey_op)r->value) {
	case SURVEY_OP_CHOOSE:
		ans->answered = 1;
		ans->choice = r->y;
		if (q->kind == QUESTION_CHOICE && r->y >= 0 &&
		    r->y < q->noptions && !q->options[r->y].other)
			explicit_bzero(ans->text, sizeof(ans->text));
		break;
	case SURVEY_OP_TOGGLE:
		if (r->y < 0 || r->y >= q->noptions)
			break;
		if (!(ans->chosen >> r->y & 1u) && q->max_choices > 0 &&
		    __builtin_popcount(ans->chosen) >= q->max_choices)
			break; /* at the maximum: take one away first */
		ans->chosen ^= 1u << r->y;
		ans->answered = ans->chosen != 0;
		break;
	case SURVEY_OP_TYPE:
		survey_key(a, q, ans, UI_KEY_TEXT, r->text, r->y);
		if (q->kind == QUESTION_NUMBER)
			app_survey_number(q, ans);
		else if (q->kind == QUESTION_TEXT)
			ans->answered = ans->text[0] != '\0';
		break;
	case SURVEY_OP_ERASE:
		survey_key(a, q, ans, UI_KEY_ERASE, NULL, r->y);
		if (q->kind == QUESTION_NUMBER)
			app_survey_number(q, ans);
		else if (q->kind == QUESTION_TEXT)
			ans->answered = ans->text[0] != '\0';
		break;
	case SURVEY_OP_SHIFT:
		survey_key(a, q, ans, UI_KEY_SHIFT, NULL, 0);
		break;
	case SURVEY_OP_ACCENTS:
		survey_key(a, q, ans, UI_KEY_ACCENTS, NULL, 0);
		break;
	case SURVEY_OP_NEXT:
		next = survey_next(s, &v->answers, p->item);
		if (next >= 0) {
			p->item = next;
			v->kb_shift = v->kb_accents = 0;
		}
		break;
	case SURVEY_OP_SEND:
		survey_save(a, s);
		break;
	case SURVEY_OP_STOP_ASK:
		v->survey_confirm = 1;
		break;
	case SURVEY_OP_STOP_YES:
		app_survey_forget(a);
		visit_reset(v, (struct place){ .route = ROUTE_HOME });
		break;
	case SURVEY_OP_STOP_NO:
		v->survey_confirm = 0;
		break;
	case SURVEY_OP_START:
		break;
	}
}

/* In a survey, "Terug" goes to the previous question, and leaving it
 * for home first asks whether to stop. Returns 1 when handled. */
int app_survey_nav(struct app *a, const struct screen_req *r)
{
	struct place *p = visit_at(&a->visit);
	const struct survey *s;
	int prev;

	if (p->route != ROUTE_SURVEY || !(s = app_survey_here(a)))
		return 0;
	if (r->kind == REQ_OPEN && r->to.route == ROUTE_HOME) {
		a->visit.survey_confirm = 1;
		return 1;
	}
	if (r->kind == REQ_BACK) {
		prev = survey_prev(s, &a->visit.answers, p->item);
		if (prev >= 0) {
			p->item = prev;
			return 1;
		}
		/* back from the first question: the start screen, and the
		 * answers go */
		app_survey_forget(a);
	}
	return 0;
}

/* The survey's text field on screen, if any: an open question, a number
 * without bands, or a chosen "anders, namelijk". */
int app_survey_field(struct app *a, const struct survey_question **q,
		     struct survey_answer **ans, int *number)
{
	const struct survey *s = app_survey_here(a);
	const struct place *p = visit_at(&a->visit);
	int i;

	if (!s || p->route != ROUTE_SURVEY || a->visit.survey_confirm)
		return 0;
	*q = &s->questions[p->item];
	*ans = &a->visit.answers.a[p->item];
	*number = (*q)->kind == QUESTION_NUMBER && (*q)->nbands == 0;
	if ((*q)->kind == QUESTION_TEXT || *number)
		return 1;
	for (i = 0; i < (*q)->noptions; i++)
		if ((*q)->options[i].other && (*ans)->answered &&
		    ((*q)->kind == QUESTION_MULTI
			     ? (int)((*ans)->chosen >> i & 1u)
			     : (*ans)->choice == i))
			return 1;
	return 0;
}
