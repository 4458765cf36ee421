/*
 * survey_internal: what survey_read.c (reading enquete.ini) and
 * survey_check.c (checking it whole) share: the reader's state, with the
 * lines it saw for messages. Private to kiosk/core/content.
 */
#ifndef KIOSK_CONTENT_SURVEY_INTERNAL_H
#define KIOSK_CONTENT_SURVEY_INTERNAL_H

#include <stddef.h>

#include "core/content/loader.h"
#include "core/survey/survey.h"

#define KIND_LIST "keuze, meerkeuze, schaal, janee, getal, tekst of info"

/* The word for each question kind in enquete.ini (`soort = keuze`). */
extern const char *const survey_read_kind_words[QUESTION_INFO + 1];

/* What the reader keeps of a question besides struct survey_question:
 * lines for messages, and what can only be checked at the end. */
struct qread {
	int has_kind;
	int kind_line, title_line, help_line, required_line, public_line;
	int max_line, min_line, bands_line, len_line, other_line, when_line;
	int has_max, has_min, has_len;
	int max_value, min_value, len_value;
	char other[SURVEY_ID_MAX]; /* `anders = ID` as written */
	char *when;		   /* `toon_als` as written, owned */
	int option_line[SURVEY_OPTION_MAX];
	int too_many_options; /* reported once */
	int target;	      /* the condition's question, -1: none/unknown */
	int possible;	      /* 0: can never be shown (reported) */
	int broken;	      /* its condition was reported */
};

struct sread {
	struct loader *L;
	struct survey *s;
	char rel[160];
	const char *buf; /* the file, for the cursor over [section] lines */
	size_t len, pos; /* the cursor: start of line `cursor_line` */
	int cursor_line;
	int cur;       /* index of the question being read, or SECTION_* */
	int head_line; /* of [enquete]; 0: not seen */
	int title_line, intro_line, minutes_line;
	int too_many;			  /* "too many questions" reported */
	int translated[CONTENT_LANG_MAX]; /* texts seen per language */
	struct qread q[SURVEY_QUESTION_MAX];
};

/* Index of the question with id in s, or -1. */
int survey_read_question_find(const struct survey *s, const char *id);

/* Index of q's option with id, or -1. */
int survey_read_option_find(const struct survey_question *q, const char *id);

/* Checks what depends on the whole file (survey_check.c) and reports
 * every problem in R's loader. */
void survey_check(struct sread *R);

#endif
