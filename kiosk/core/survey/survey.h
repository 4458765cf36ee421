/*
 * survey: a neighbourhood survey (enquête) as a pack defines it, and the
 * answers of one visitor while they fill it in.
 *
 * A pack holds a survey as a tile of kind `enquete` (TILE_SURVEY) whose
 * folder has an enquete.ini: an [enquete] section (titel, intro, minuten)
 * and one [vraag ID] section per question, in order (the format is in
 * content/LEESMIJ.md, chapter 15). content/survey_read.c reads and checks
 * it (file:line messages in Dutch); this header is the shape the reader
 * fills, the screens show and the store saves.
 *
 * The version is derived, never written by staff: a 64-bit FNV-1a hash of a
 * canonical serialisation of the definition (the survey id; per question
 * its id, kind, required or not, option ids in order and which one is
 * "anders", the maximum of choices, the range or bands, the maximum length
 * and the condition). No wording is in it, in any language, and neither is
 * `openbaar`: rewording a question keeps its answers together, a new option
 * or a changed condition starts a new version, so answers to different
 * definitions never mix.
 */
#ifndef KIOSK_SURVEY_H
#define KIOSK_SURVEY_H

#include <stdint.h>

#include "core/content/content.h"

#define SURVEY_ID_MAX	    32 /* bytes of an id, with the NUL */
#define SURVEY_QUESTION_MAX 40
#define SURVEY_OPTION_MAX   12
#define SURVEY_TEXT_MAX	    500	    /* bytes of one open answer */
#define SURVEY_SCALE_POINTS 5	    /* QUESTION_SCALE answers 1..5 */
#define SURVEY_NUMBER_LIMIT 1000000 /* |min|, |max| of a NUMBER */

enum question_kind {
	QUESTION_CHOICE, /* one of the options */
	QUESTION_MULTI,	 /* several options (at most max_choices, 0: any) */
	QUESTION_SCALE,	 /* 1..5 with faces and words; the words are
			  * options[0..4] when the pack gives them
			  * (noptions 5), else the screens' own */
	QUESTION_YESNO,	 /* ja / nee */
	QUESTION_NUMBER, /* a whole number in min..max, or one of the bands */
	QUESTION_TEXT,	 /* a short open answer, on the on-screen keyboard */
	QUESTION_INFO,	 /* a screen of text between questions, no answer */
};

struct survey_option {
	char id[SURVEY_ID_MAX]; /* stable: what the store and the CSV use */
	struct text label;	/* owned */
	int other; /* "anders, namelijk": choosing it opens a text field */
};

/* A number band such as "18 tot 30": lo..hi inclusive. Staff write bands
 * as numbers ("18-29", "67+"), so the label is the same in every language
 * (only s[0] is set). */
struct survey_band {
	int lo, hi;	   /* "67+": hi is SURVEY_NUMBER_LIMIT */
	struct text label; /* owned: "18-29", "67+" */
};

enum condition_op {
	COND_NONE,   /* always shown */
	COND_EQUALS, /* the answer to `question` is option values[0] */
	COND_ONE_OF, /* ... is one of values[0..nvalues-1] */
	COND_NOT,    /* ... is answered and none of values[] */
};

/* values[] hold what survey_answer.choice holds for the question asked
 * about: an option index (CHOICE; MULTI, as bit numbers of `chosen`), 1..5
 * (SCALE), 1 ja / 0 nee (YESNO) or a band index (NUMBER with bands). The
 * reader refuses conditions on other questions (open numbers, text, info),
 * on later questions and on options that do not exist. */
struct survey_condition {
	enum condition_op op;
	int question;		       /* index of an earlier question */
	int values[SURVEY_OPTION_MAX]; /* see above; sorted, no doubles */
	int nvalues;
};

struct survey_question {
	char id[SURVEY_ID_MAX];
	enum question_kind kind;
	struct text title; /* the question itself */
	struct text help;  /* one line under it, may be empty */
	int required;
	int public_result; /* its bars may show on the thank-you screen */
	struct survey_option options[SURVEY_OPTION_MAX];
	int noptions;
	int max_choices; /* QUESTION_MULTI; 0: no maximum */
	int min, max;	 /* QUESTION_NUMBER range */
	struct survey_band bands[SURVEY_OPTION_MAX]; /* NUMBER as bands */
	int nbands;
	int max_len; /* QUESTION_TEXT bytes, at most SURVEY_TEXT_MAX */
	struct survey_condition when;
	int line; /* where it starts in enquete.ini, for messages */
};

struct survey {
	char id[SURVEY_ID_MAX];	  /* the tile's folder name */
	struct text title, intro; /* owned; intro may be empty */
	int minutes; /* how long it takes, as the start screen says */
	struct survey_question questions[SURVEY_QUESTION_MAX];
	int nquestions;
	char version[17]; /* 16 hex digits of the definition's hash */
	struct when when; /* open from / until (the tile's dates) */
};

/* One visitor's answers while they fill it in; lives in struct visit and
 * goes with it on the idle wipe. */
struct survey_answer {
	int answered;	 /* 0: not (yet) answered or skipped */
	int choice;	 /* CHOICE option index, SCALE (1..5), YESNO (1 ja,
			  * 0 nee), NUMBER value, or the band index */
	uint32_t chosen; /* MULTI: bit i for option i; answered means at
			  * least one bit */
	char text[SURVEY_TEXT_MAX + 1]; /* TEXT, or the "anders" text */
};

struct survey_answers {
	struct survey_answer a[SURVEY_QUESTION_MAX];
};

/* What the wijk answered so far, per question: counts per option (or
 * band, or scale point 1..5 at [0..4], or yes at [1] and no at [0]) and
 * how many answered it. Kept by the app, read again only after a new
 * response is saved. */
struct survey_results {
	int counts[SURVEY_QUESTION_MAX][SURVEY_OPTION_MAX];
	int total[SURVEY_QUESTION_MAX];
};

/* The first question to show, the one after q and the one before q
 * (skipping those a condition hides); -1 when there is none. */
int survey_first(const struct survey *s, const struct survey_answers *ans);
int survey_next(const struct survey *s, const struct survey_answers *ans,
		int q);
int survey_prev(const struct survey *s, const struct survey_answers *ans,
		int q);

/* 1 when question q is to be shown, given the answers so far. */
int survey_shows(const struct survey *s, const struct survey_answers *ans,
		 int q);

/* Writes the 16 hex digits (and a NUL) of s's version to out, from the
 * definition as described at the top of this file; the reader stores it in
 * s->version. */
void survey_version(const struct survey *s, char out[17]);

/* Frees a survey the reader made and every text in it; NULL is fine. */
void survey_free(struct survey *s);

#endif
