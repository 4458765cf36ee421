/*
 * survey_check: what survey_read.c cannot check line by line, checked once
 * the whole enquete.ini is read: each question against its kind (options,
 * `anders`, numbers and bands, the default text length), the conditions
 * (`toon_als`: the question and the options they name, no condition on a
 * later question, no circles, no question that can never show) and the
 * translations. Reports in Dutch with file and line, as the reader does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/content/loader.h"
#include "core/content/survey_internal.h"
#include "core/survey/survey.h"

#define TEXT_LEN_DEFAULT 200

/* ---- checks of one question, once the file is read ---- */

static int has_options(enum question_kind k)
{
	return k == QUESTION_CHOICE || k == QUESTION_MULTI ||
	       k == QUESTION_SCALE;
}

/* Reports a key that does not belong to the question's soort. */
static void not_for_kind(struct sread *R, const struct survey_question *q,
			 const char *key, int line)
{
	if (line)
		diag_add(R->L, 0, R->rel, line,
			 "%s hoort niet bij een vraag van soort %s", key,
			 survey_read_kind_words[q->kind]);
}

static void check_options(struct sread *R, struct survey_question *q,
			  struct qread *r)
{
	int i;

	for (i = 0; i < q->noptions; i++)
		if (!q->options[i].label.s[0])
			diag_add(R->L, 0, R->rel,
				 r->option_line[i] < 0 ? -r->option_line[i]
						       : r->option_line[i],
				 "optie.%s heeft geen Nederlandse tekst: "
				 "schrijf optie.%s = ...",
				 q->options[i].id, q->options[i].id);
	if (!has_options(q->kind)) {
		if (q->noptions)
			not_for_kind(R, q, "optie", abs(r->option_line[0]));
		return;
	}
	if (q->kind == QUESTION_SCALE) {
		char want[4];

		for (i = 0; i < q->noptions; i++) {
			snprintf(want, sizeof(want), "%d", i + 1);
			if (strcmp(q->options[i].id, want) != 0)
				break;
		}
		if (q->noptions &&
		    (q->noptions != SURVEY_SCALE_POINTS || i < q->noptions))
			diag_add(R->L, 0, R->rel, abs(r->option_line[0]),
				 "een schaal heeft geen opties, of precies "
				 "vijf: optie.1 tot en met optie.5, van "
				 "slecht naar goed");
		return;
	}
	if (q->noptions == 0)
		diag_add(R->L, 0, R->rel, q->line,
			 "vraag '%s' (soort %s) heeft geen opties: zet er "
			 "minstens twee onder, zoals optie.ja = Ja",
			 q->id, survey_read_kind_words[q->kind]);
	else if (q->noptions == 1)
		diag_add(R->L, 0, R->rel, abs(r->option_line[0]),
			 "vraag '%s' heeft maar een optie: geef er minstens "
			 "twee",
			 q->id);
}

static void check_other(struct sread *R, struct survey_question *q,
			struct qread *r)
{
	int o;

	if (!r->other_line)
		return;
	if (q->kind != QUESTION_CHOICE && q->kind != QUESTION_MULTI) {
		not_for_kind(R, q, "anders", r->other_line);
		return;
	}
	o = survey_read_option_find(q, r->other);
	if (o < 0)
		diag_add(R->L, 0, R->rel, r->other_line,
			 "anders = %s: vraag '%s' heeft geen optie '%s'",
			 r->other, q->id, r->other);
	else
		q->options[o].other = 1;
}

static void check_number(struct sread *R, struct survey_question *q,
			 struct qread *r)
{
	if (r->bands_line) {
		if (r->has_min || r->has_max)
			diag_add(R->L, 0, R->rel,
				 r->min_line ? r->min_line : r->max_line,
				 "gebruik banden, of min en max, niet "
				 "allebei");
		else if (q->nbands == 1)
			diag_add(R->L, 0, R->rel, r->bands_line,
				 "geef minstens twee banden, zoals banden = "
				 "0-17, 18-66, 67+");
		return;
	}
	if (!r->max_line) {
		diag_add(R->L, 0, R->rel, q->line,
			 "vraag '%s' (soort getal) heeft geen max: schrijf "
			 "het hoogste getal, zoals max = 100, of gebruik "
			 "banden",
			 q->id);
		return;
	}
	q->min = r->has_min ? r->min_value : 0;
	q->max = r->has_max ? r->max_value : q->min;
	if (r->has_max && q->min > q->max)
		diag_add(R->L, 0, R->rel, r->max_line,
			 "max (%d) is kleiner dan min (%d)", q->max, q->min);
}

static void check_question(struct sread *R, int i)
{
	struct survey_question *q = &R->s->questions[i];
	struct qread *r = &R->q[i];

	if (!r->has_kind) {
		if (!r->kind_line)
			diag_add(R->L, 0, R->rel, q->line,
				 "vraag '%s' heeft geen soort: kies " KIND_LIST,
				 q->id);
		r->broken = 1;
		return;
	}
	if (!q->title.s[0])
		diag_add(R->L, 0, R->rel, q->line,
			 "vraag '%s' heeft geen titel: schrijf de vraag "
			 "achter titel =",
			 q->id);
	check_options(R, q, r);
	check_other(R, q, r);
	if (q->kind == QUESTION_MULTI && r->has_max) {
		if (r->max_value < 1 || r->max_value > q->noptions)
			diag_add(R->L, 0, R->rel, r->max_line,
				 "max moet een getal van 1 tot %d zijn (het "
				 "aantal opties), niet %d",
				 q->noptions, r->max_value);
		else
			q->max_choices = r->max_value;
	} else if (q->kind != QUESTION_NUMBER) {
		not_for_kind(R, q, "max", r->max_line);
	}
	if (q->kind == QUESTION_NUMBER)
		check_number(R, q, r);
	else {
		not_for_kind(R, q, "min", r->min_line);
		not_for_kind(R, q, "banden", r->bands_line);
	}
	if (q->kind == QUESTION_TEXT) {
		q->max_len = TEXT_LEN_DEFAULT;
		if (r->has_len &&
		    (r->len_value < 1 || r->len_value > SURVEY_TEXT_MAX))
			diag_add(R->L, 0, R->rel, r->len_line,
				 "maxlengte moet een getal van 1 tot %d zijn, "
				 "niet %d",
				 SURVEY_TEXT_MAX, r->len_value);
		else if (r->has_len)
			q->max_len = r->len_value;
	} else {
		not_for_kind(R, q, "maxlengte", r->len_line);
	}
	if (q->kind == QUESTION_INFO && q->required) {
		diag_add(R->L, 1, R->rel, r->required_line,
			 "een info-scherm heeft geen antwoord: verplicht = ja "
			 "doet hier niets");
		q->required = 0;
	}
	if (q->public_result &&
	    (q->kind == QUESTION_TEXT || q->kind == QUESTION_INFO ||
	     (q->kind == QUESTION_NUMBER && q->nbands == 0)))
		diag_add(R->L, 0, R->rel, r->public_line,
			 "openbaar kan niet bij soort %s%s: alleen bij keuze, "
			 "meerkeuze, schaal, janee en getal met banden",
			 survey_read_kind_words[q->kind],
			 q->kind == QUESTION_TEXT
				 ? " (open antwoorden kunnen namen bevatten)"
				 : "");
}

/* ---- conditions ---- */

static int can_be_condition(const struct survey_question *q)
{
	switch (q->kind) {
	case QUESTION_CHOICE:
	case QUESTION_MULTI:
	case QUESTION_SCALE:
	case QUESTION_YESNO:
		return 1;
	case QUESTION_NUMBER:
		return q->nbands > 0;
	case QUESTION_TEXT:
	case QUESTION_INFO:
		break;
	}
	return 0;
}

/* How many different answers question q can have (for `is niet`). */
static int answer_count(const struct survey_question *q)
{
	switch (q->kind) {
	case QUESTION_CHOICE:
	case QUESTION_MULTI:
		return q->noptions;
	case QUESTION_SCALE:
		return SURVEY_SCALE_POINTS;
	case QUESTION_YESNO:
		return 2;
	case QUESTION_NUMBER:
		return q->nbands;
	case QUESTION_TEXT:
	case QUESTION_INFO:
		break;
	}
	return 0;
}

/* The value of answer word w to question q as survey_answer.choice holds
 * it, or -1 when q has no such answer. */
static int answer_value(const struct survey_question *q, const char *w)
{
	int i;

	switch (q->kind) {
	case QUESTION_CHOICE:
	case QUESTION_MULTI:
		return survey_read_option_find(q, w);
	case QUESTION_SCALE:
		return strlen(w) == 1 && w[0] >= '1' &&
				       w[0] < '1' + SURVEY_SCALE_POINTS
			       ? w[0] - '0'
			       : -1;
	case QUESTION_YESNO:
		return strcmp(w, "ja") == 0    ? 1
		       : strcmp(w, "nee") == 0 ? 0
					       : -1;
	case QUESTION_NUMBER:
		for (i = 0; i < q->nbands; i++)
			if (strcmp(text_get(&q->bands[i].label, 0), w) == 0)
				return i;
		return -1;
	case QUESTION_TEXT:
	case QUESTION_INFO:
		break;
	}
	return -1;
}

static void cond_syntax(struct sread *R, int line)
{
	diag_add(R->L, 0, R->rel, line,
		 "toon_als is niet goed geschreven: schrijf 'toon_als = vraag "
		 "is optie', 'vraag is een van optie, optie' of 'vraag is "
		 "niet optie'");
}

/* Splits `toon_als` of question i into the question it names (resolved
 * by name: later questions too, for the messages) and the rest. */
static void condition_target(struct sread *R, int i, char *rest, size_t size)
{
	struct qread *r = &R->q[i];
	char word[64];
	const char *p = r->when;
	size_t n;

	rest[0] = '\0';
	n = strcspn(p, " \t");
	snprintf(word, sizeof(word), "%.*s", (int)(n < 63 ? n : 63), p);
	p += n;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!n || strncmp(p, "is", 2) != 0 || (p[2] != ' ' && p[2] != '\t')) {
		cond_syntax(R, r->when_line);
		r->broken = 1;
		return;
	}
	str_copy(rest, size, p + 3);
	r->target = survey_read_question_find(R->s, word);
	if (r->target < 0) {
		diag_add(R->L, 0, R->rel, r->when_line,
			 "toon_als: vraag '%.60s' bestaat niet", word);
		r->broken = 1;
	}
}

/* 1 when following the conditions from question `from` leads to `to`. */
static int depends_on(const struct sread *R, int from, int to)
{
	int steps;

	for (steps = 0; from >= 0 && steps <= R->s->nquestions; steps++) {
		if (from == to)
			return 1;
		from = R->q[from].target;
	}
	return 0;
}

/* The answers `rest` names ("a", "een van a, b", "niet a, b") into c. */
static void condition_values(struct sread *R, int i, char *rest)
{
	struct survey_question *q = &R->s->questions[i];
	struct qread *r = &R->q[i];
	const struct survey_question *on = &R->s->questions[r->target];
	struct survey_condition *c = &q->when;
	char *p = str_trim(rest), *tok, *save = NULL, list[512];
	int a, b;

	c->question = r->target;
	c->op = COND_EQUALS;
	if (str_starts(p, "een van ") || str_starts(p, "één van ")) {
		c->op = COND_ONE_OF;
		p = str_trim(strchr(p, ' ') + 1);
		p = str_trim(p + 3);
	} else if (str_starts(p, "niet ")) {
		c->op = COND_NOT;
		p = str_trim(p + 5);
	}
	if (!*p) {
		cond_syntax(R, r->when_line);
		r->broken = 1;
		return;
	}
	str_copy(list, sizeof(list), p); /* for the message below */
	for (tok = strtok_r(p, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *w = str_trim(tok);
		int v = answer_value(on, w), j, dup = 0;

		if (v < 0) {
			diag_add(R->L, 0, R->rel, r->when_line,
				 "toon_als: vraag '%s' heeft geen antwoord "
				 "'%.40s'%s: zo is deze vraag nooit te zien",
				 on->id, w,
				 on->kind == QUESTION_YESNO
					 ? " (kies ja of nee)"
				 : on->kind == QUESTION_SCALE
					 ? " (kies 1 tot en met 5)"
				 : on->kind == QUESTION_NUMBER
					 ? " (noem een band, zoals hij bij "
					   "banden staat)"
					 : "");
			r->broken = 1;
			continue;
		}
		for (j = 0; j < c->nvalues; j++)
			dup |= c->values[j] == v;
		if (dup)
			continue;
		if (c->nvalues == SURVEY_OPTION_MAX) {
			diag_add(R->L, 0, R->rel, r->when_line,
				 "toon_als noemt te veel antwoorden "
				 "(hoogstens %d)",
				 SURVEY_OPTION_MAX);
			r->broken = 1;
			break;
		}
		c->values[c->nvalues++] = v;
	}
	if (c->op == COND_EQUALS && c->nvalues > 1) {
		diag_add(R->L, 0, R->rel, r->when_line,
			 "toon_als noemt meer dan een antwoord: schrijf 'is "
			 "een van %.200s'",
			 list);
		r->broken = 1;
	}
	if (r->broken) {
		memset(c, 0, sizeof(*c));
		return;
	}
	for (a = 1; a < c->nvalues; a++) /* sorted, as survey.h says */
		for (b = a; b > 0 && c->values[b - 1] > c->values[b]; b--) {
			int t = c->values[b];

			c->values[b] = c->values[b - 1];
			c->values[b - 1] = t;
		}
	if (c->op == COND_NOT && c->nvalues >= answer_count(on)) {
		diag_add(R->L, 0, R->rel, r->when_line,
			 "toon_als sluit alle antwoorden van vraag '%s' uit: "
			 "zo is deze vraag nooit te zien",
			 on->id);
		r->possible = 0;
	}
}

static void check_conditions(struct sread *R)
{
	struct survey *s = R->s;
	char rest[512];
	int i;

	/* every target first, so a circle can be told from a late question */
	for (i = 0; i < s->nquestions; i++)
		if (R->q[i].when)
			condition_target(R, i, rest, sizeof(rest));
	for (i = 0; i < s->nquestions; i++) {
		struct qread *r = &R->q[i];
		int t = r->target;

		if (!r->when || r->broken)
			continue;
		if (t == i) {
			diag_add(R->L, 0, R->rel, r->when_line,
				 "toon_als: vraag '%s' hangt van zichzelf af: "
				 "zo is hij nooit te zien",
				 s->questions[i].id);
			r->broken = 1;
			continue;
		}
		if (t > i) {
			if (depends_on(R, t, i))
				diag_add(R->L, 0, R->rel, r->when_line,
					 "toon_als: vraag '%s' en vraag '%s' "
					 "hangen van elkaar af (een kring): "
					 "zo is geen van beide ooit te zien",
					 s->questions[i].id,
					 s->questions[t].id);
			else
				diag_add(R->L, 0, R->rel, r->when_line,
					 "toon_als: vraag '%s' komt pas na "
					 "deze vraag: een vraag kan alleen "
					 "afhangen van een vraag ervoor",
					 s->questions[t].id);
			r->broken = 1;
			continue;
		}
		if (!R->q[t].has_kind)
			continue; /* reported */
		if (!can_be_condition(&s->questions[t])) {
			diag_add(R->L, 0, R->rel, r->when_line,
				 "toon_als: een vraag van soort %s%s kan geen "
				 "voorwaarde zijn: kies een vraag van soort "
				 "keuze, meerkeuze, schaal, janee of getal "
				 "met banden",
				 survey_read_kind_words[s->questions[t].kind],
				 s->questions[t].kind == QUESTION_NUMBER
					 ? " zonder banden"
					 : "");
			r->broken = 1;
			continue;
		}
		condition_target(R, i, rest, sizeof(rest));
		condition_values(R, i, rest);
	}
	/* a question hanging on one that can never show cannot show */
	for (i = 0; i < s->nquestions; i++) {
		struct qread *r = &R->q[i];

		if (!r->when || r->broken || !r->possible)
			continue;
		if (!R->q[r->target].possible) {
			diag_add(R->L, 0, R->rel, r->when_line,
				 "deze vraag is nooit te zien: vraag '%s', "
				 "waar hij van afhangt, is zelf nooit te zien",
				 s->questions[r->target].id);
			r->possible = 0;
		}
	}
}

/* ---- translations ---- */

static void warn_text(struct sread *R, const struct text *t, const char *key,
		      int line)
{
	const struct content *c = R->L->c;
	int l;

	if (!t->s[0])
		return;
	for (l = 1; l < c->nlangs; l++)
		if (!t->s[l] && R->translated[l])
			diag_add(R->L, 1, R->rel, line,
				 "%s.%s ontbreekt: de kiosk toont daar de "
				 "Nederlandse tekst",
				 key, c->langs[l]);
}

/* A language with no text at all in the file gets one warning; one with
 * some gets a warning for every text it misses. */
static void check_translations(struct sread *R)
{
	const struct content *c = R->L->c;
	const struct survey *s = R->s;
	char key[64];
	int i, j, l;

	for (l = 1; l < c->nlangs; l++)
		if (!R->translated[l])
			diag_add(R->L, 1, R->rel, 0,
				 "er staat geen enkele tekst in taal '%s' in: "
				 "de kiosk toont de hele enquête in het "
				 "Nederlands",
				 c->langs[l]);
	warn_text(R, &s->title, "titel", R->title_line);
	warn_text(R, &s->intro, "intro", R->intro_line);
	for (i = 0; i < s->nquestions; i++) {
		const struct survey_question *q = &s->questions[i];
		const struct qread *r = &R->q[i];

		warn_text(R, &q->title, "titel", r->title_line);
		warn_text(R, &q->help, "uitleg", r->help_line);
		for (j = 0; j < q->noptions; j++) {
			snprintf(key, sizeof(key), "optie.%s",
				 q->options[j].id);
			warn_text(R, &q->options[j].label, key,
				  abs(r->option_line[j]));
		}
	}
}

/* ---- the file ---- */

void survey_check(struct sread *R)
{
	struct survey *s = R->s;
	int i, answers = 0;

	if (!R->head_line)
		diag_add(R->L, 0, R->rel, 0,
			 "[enquete] ontbreekt: zet bovenaan [enquete] met "
			 "titel en minuten");
	else if (!s->title.s[0])
		diag_add(R->L, 0, R->rel, R->head_line,
			 "'titel = ...' ontbreekt in [enquete]: de naam van "
			 "de enquête");
	if (R->head_line && !R->minutes_line)
		diag_add(R->L, 0, R->rel, R->head_line,
			 "'minuten = ...' ontbreekt in [enquete]: hoeveel "
			 "minuten het invullen ongeveer duurt");
	for (i = 0; i < s->nquestions; i++) {
		check_question(R, i);
		answers += R->q[i].has_kind &&
			   s->questions[i].kind != QUESTION_INFO;
	}
	if (s->nquestions == 0 && !R->too_many)
		diag_add(R->L, 0, R->rel, 0,
			 "er staat geen enkele vraag in: zet er een [vraag "
			 "naam] onder [enquete]");
	else if (answers == 0 && s->nquestions > 0)
		diag_add(R->L, 0, R->rel, 0,
			 "er staat geen enkele vraag met een antwoord in "
			 "(alleen info)");
	check_conditions(R);
	check_translations(R);
}
