/*
 * survey: which questions show, given the answers so far, and the version
 * of a definition (see survey.h for what goes into it and what not).
 */
#include "core/survey/survey.h"

#include <assert.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- the version: FNV-1a over a canonical serialisation ---- */

#define FNV_OFFSET 0xcbf29ce484222325u
#define FNV_PRIME  0x100000001b3u

static void fnv_add(uint64_t *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Hashes one line of the serialisation: the formatted text and a newline.
 * Ids are made of [a-z0-9_-] only, so no field can run into the next. */
static void fnv_add(uint64_t *h, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n, i;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	assert(n >= 0 && n < (int)sizeof(buf) - 1);
	buf[n++] = '\n';
	for (i = 0; i < n; i++) {
		*h ^= (unsigned char)buf[i];
		*h *= FNV_PRIME;
	}
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Names, not enum values, go into the hash: reordering an enum must not
 * change every version. */
static const char *const kind_name[] = {
	[QUESTION_CHOICE] = "choice", [QUESTION_MULTI] = "multi",
	[QUESTION_SCALE] = "scale",   [QUESTION_YESNO] = "yesno",
	[QUESTION_NUMBER] = "number", [QUESTION_TEXT] = "text",
	[QUESTION_INFO] = "info",
};

static const char *const op_name[] = {
	[COND_NONE] = "always",
	[COND_EQUALS] = "is",
	[COND_ONE_OF] = "one-of",
	[COND_NOT] = "not",
};

static void condition_add(uint64_t *h, const struct survey_condition *c)
{
	int v[SURVEY_OPTION_MAX], n = c->nvalues, i;
	enum condition_op op = c->op;

	if (op == COND_NONE)
		return;
	/* `is een van a` is `is a`; the order of a set does not count */
	if (op == COND_ONE_OF && n == 1)
		op = COND_EQUALS;
	memcpy(v, c->values, (size_t)n * sizeof(int));
	qsort(v, (size_t)n, sizeof(int), int_cmp);
	fnv_add(h, "when %d %s", c->question, op_name[op]);
	for (i = 0; i < n; i++)
		if (i == 0 || v[i] != v[i - 1])
			fnv_add(h, "value %d", v[i]);
}

void survey_version(const struct survey *s, char out[17])
{
	uint64_t h = FNV_OFFSET;
	int i, j;

	fnv_add(&h, "wijkkiosk survey 1");
	fnv_add(&h, "survey %s", s->id);
	for (i = 0; i < s->nquestions; i++) {
		const struct survey_question *q = &s->questions[i];

		fnv_add(&h, "question %s %s %d", q->id, kind_name[q->kind],
			q->kind != QUESTION_INFO && q->required);
		/* the words of a scale are wording: its answers are 1..5 */
		for (j = 0; q->kind != QUESTION_SCALE && j < q->noptions; j++)
			fnv_add(&h, "option %s %d", q->options[j].id,
				q->options[j].other);
		switch (q->kind) {
		case QUESTION_MULTI:
			fnv_add(&h, "max %d", q->max_choices);
			break;
		case QUESTION_NUMBER:
			if (q->nbands == 0)
				fnv_add(&h, "range %d %d", q->min, q->max);
			for (j = 0; j < q->nbands; j++)
				fnv_add(&h, "band %d %d", q->bands[j].lo,
					q->bands[j].hi);
			break;
		case QUESTION_TEXT:
			fnv_add(&h, "length %d", q->max_len);
			break;
		case QUESTION_CHOICE:
		case QUESTION_SCALE:
		case QUESTION_YESNO:
		case QUESTION_INFO:
			break;
		}
		condition_add(&h, &q->when);
	}
	snprintf(out, 17, "%016" PRIx64, h);
}

static void text_free(struct text *t)
{
	int l;

	for (l = 0; l < CONTENT_LANG_MAX; l++)
		free(t->s[l]);
}

void survey_free(struct survey *s)
{
	int i, j;

	if (!s)
		return;
	text_free(&s->title);
	text_free(&s->intro);
	for (i = 0; i < s->nquestions; i++) {
		struct survey_question *q = &s->questions[i];

		text_free(&q->title);
		text_free(&q->help);
		for (j = 0; j < q->noptions; j++)
			text_free(&q->options[j].label);
		for (j = 0; j < q->nbands; j++)
			text_free(&q->bands[j].label);
	}
	free(s);
}

int survey_next(const struct survey *s, const struct survey_answers *ans, int q)
{
	int i;

	for (i = q + 1; i < s->nquestions; i++)
		if (survey_shows(s, ans, i))
			return i;
	return -1;
}

int survey_first(const struct survey *s, const struct survey_answers *ans)
{
	return survey_next(s, ans, -1);
}

int survey_prev(const struct survey *s, const struct survey_answers *ans, int q)
{
	int i;

	for (i = q - 1; i >= 0; i--)
		if (survey_shows(s, ans, i))
			return i;
	return -1;
}
