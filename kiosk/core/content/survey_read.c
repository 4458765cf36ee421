/*
 * survey_read: the survey of a tile of kind `enquete`, read from its
 * enquete.ini into a struct survey (core/survey/survey.h) and checked
 * whole. The file has an [enquete] section (titel, intro, minuten) and one
 * [vraag ID] section per question, in the order they are asked; the format
 * is described for staff in content/LEESMIJ.md.
 *
 * The file is read in one pass of kv, with a cursor over the same buffer
 * that finds every [section] line (kv names a section only when a key is
 * under it, so an empty [vraag x] would otherwise go unseen). Whatever
 * depends on other questions (`anders`, the options a condition names,
 * conditions on later questions, circles, questions that can never show)
 * is checked when the whole file has been read. Every problem is reported
 * with file and line in Dutch; nothing is cut silently.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/content/loader.h"
#include "core/kv.h"
#include "core/survey/survey.h"

#define SURVEY_FILE	 "enquete.ini"
#define MINUTES_MAX	 60
#define TEXT_LEN_DEFAULT 200
#define SECTION_NONE	 -1 /* before the first [section] */
#define SECTION_HEAD	 -2 /* [enquete] */
#define SECTION_SKIP	 -3 /* a section reported as wrong: keys skipped */

static const char *const kind_words[] = {
	[QUESTION_CHOICE] = "keuze", [QUESTION_MULTI] = "meerkeuze",
	[QUESTION_SCALE] = "schaal", [QUESTION_YESNO] = "janee",
	[QUESTION_NUMBER] = "getal", [QUESTION_TEXT] = "tekst",
	[QUESTION_INFO] = "info",
};

#define KIND_LIST "keuze, meerkeuze, schaal, janee, getal, tekst of info"

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

/* ---- small helpers ---- */

/* 1 when s is a usable id: 1 to SURVEY_ID_MAX-1 of [a-z0-9_-]. */
static int id_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n >= SURVEY_ID_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) ||
		      isdigit((unsigned char)s[i]) || s[i] == '-' ||
		      s[i] == '_'))
			return 0;
	return 1;
}

/* Parses a whole number from -SURVEY_NUMBER_LIMIT to SURVEY_NUMBER_LIMIT.
 * Returns 0, or -1 when s is anything else. */
static int int_parse(const char *s, int *out)
{
	char *end;
	long v;

	if (!*s || isspace((unsigned char)*s))
		return -1;
	v = strtol(s, &end, 10);
	if (*end || v < -SURVEY_NUMBER_LIMIT || v > SURVEY_NUMBER_LIMIT)
		return -1;
	*out = (int)v;
	return 0;
}

static int question_find(const struct survey *s, const char *id)
{
	int i;

	for (i = 0; i < s->nquestions; i++)
		if (strcmp(s->questions[i].id, id) == 0)
			return i;
	return -1;
}

static int option_find(const struct survey_question *q, const char *id)
{
	int i;

	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].id, id) == 0)
			return i;
	return -1;
}

/* Stores a text in language `lang`; reports a second one on the same key. */
static void text_set(struct sread *R, struct text *t, int lang, const char *key,
		     const char *value, int line)
{
	if (t->s[lang]) {
		diag_add(R->L, 0, R->rel, line, "'%s' staat hier twee keer",
			 key);
		return;
	}
	if (!*value) {
		diag_add(R->L, 0, R->rel, line,
			 "%s is leeg: schrijf de tekst achter de =", key);
		return;
	}
	t->s[lang] = str_dup(value);
	R->translated[lang]++;
}

/* The language of a key suffix ("en" of "titel.en"): 0 for none, the
 * index, or -1 after a warning when the pack does not have it. */
static int suffix_lang(struct sread *R, const char *suffix, int line)
{
	int idx;

	if (!suffix)
		return 0;
	idx = lang_index(R->L->c, suffix);
	if (idx <= 0)
		diag_add(R->L, 1, R->rel, line,
			 "taal '%.20s' staat niet bij languages in kiosk.ini; "
			 "deze tekst wordt niet gebruikt",
			 suffix);
	return idx <= 0 ? -1 : idx;
}

/* Parses ja or nee. */
static void yes_no(struct sread *R, const char *key, const char *value,
		   int line, int *out)
{
	if (strcmp(value, "ja") == 0)
		*out = 1;
	else if (strcmp(value, "nee") == 0)
		*out = 0;
	else
		diag_add(R->L, 0, R->rel, line,
			 "%s moet ja of nee zijn, niet '%.60s'", key, value);
}

/* What staff may have meant by a key the reader does not know. */
static const char *key_hint(const char *base)
{
	static const char *const hints[][2] = {
		{ "title", "titel" },	     { "kind", "soort" },
		{ "type", "soort" },	     { "text", "uitleg" },
		{ "help", "uitleg" },	     { "tekst", "uitleg" },
		{ "required", "verplicht" }, { "public", "openbaar" },
		{ "option", "optie" },	     { "opties", "optie" },
		{ "other", "anders" },	     { "minutes", "minuten" },
		{ "when", "toon_als" },	     { "toon", "toon_als" },
		{ "toon-als", "toon_als" },  { "maxlength", "maxlengte" },
		{ "bands", "banden" },	     { "band", "banden" },
		{ "vraag", "titel" },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(hints); i++)
		if (strcmp(base, hints[i][0]) == 0)
			return hints[i][1];
	return NULL;
}

static void unknown_key(struct sread *R, const char *key, const char *base,
			const char *section, int line)
{
	const char *hint = key_hint(base);

	if (hint)
		diag_add(R->L, 0, R->rel, line,
			 "onbekende instelling '%.60s' in [%s]: bedoel je "
			 "'%s'?",
			 key, section, hint);
	else
		diag_add(R->L, 0, R->rel, line,
			 "onbekende instelling '%.60s' in [%s]", key, section);
}

/* ---- sections ---- */

/* Starts section `name` (as kv trims it) found on `line`. */
static void section_start(struct sread *R, const char *name, int line)
{
	struct survey *s = R->s;
	struct survey_question *q;
	const char *id;
	int other;

	R->cur = SECTION_SKIP;
	if (strcmp(name, "enquete") == 0 || strcmp(name, "enquête") == 0) {
		if (R->head_line)
			diag_add(R->L, 0, R->rel, line,
				 "[enquete] staat hier twee keer (ook op regel "
				 "%d)",
				 R->head_line);
		else
			R->head_line = line;
		R->cur = R->head_line == line ? SECTION_HEAD : SECTION_SKIP;
		return;
	}
	if (strncmp(name, "vraag", 5) != 0 ||
	    (name[5] && !isspace((unsigned char)name[5]))) {
		diag_add(R->L, 0, R->rel, line,
			 "onbekend kopje [%.60s]: %s kent [enquete] en "
			 "[vraag naam]",
			 name, SURVEY_FILE);
		return;
	}
	for (id = name + 5; isspace((unsigned char)*id); id++)
		;
	if (!*id) {
		diag_add(R->L, 0, R->rel, line,
			 "deze vraag heeft geen naam: schrijf [vraag naam], "
			 "zoals [vraag wonen]");
		return;
	}
	if (!id_ok(id)) {
		diag_add(R->L, 0, R->rel, line,
			 "'%.60s' is geen goede naam voor een vraag: gebruik "
			 "kleine letters, cijfers en -, hoogstens %d tekens",
			 id, SURVEY_ID_MAX - 1);
		return;
	}
	other = question_find(s, id);
	if (other >= 0) {
		diag_add(R->L, 0, R->rel, line,
			 "vraag '%s' staat hier twee keer (ook op regel %d): "
			 "geef elke vraag een eigen naam",
			 id, s->questions[other].line);
		return;
	}
	if (s->nquestions == SURVEY_QUESTION_MAX) {
		if (!R->too_many)
			diag_add(R->L, 0, R->rel, line,
				 "te veel vragen: een enquête heeft hoogstens "
				 "%d vragen. Maak hem korter, of maak er twee "
				 "enquêtes van",
				 SURVEY_QUESTION_MAX);
		R->too_many = 1;
		return;
	}
	R->cur = s->nquestions++;
	q = &s->questions[R->cur];
	str_copy(q->id, sizeof(q->id), id);
	q->line = line;
	R->q[R->cur].target = -1;
	R->q[R->cur].possible = 1;
}

/* Moves the cursor forward to the start of line `upto`, starting every
 * [section] it passes, just as kv reads them (lines kv skips as not UTF-8
 * or holding a NUL are skipped here too). */
static void cursor_to(struct sread *R, int upto)
{
	while (R->pos < R->len && R->cursor_line < upto) {
		const char *start = R->buf + R->pos;
		const char *nl = memchr(start, '\n', R->len - R->pos);
		size_t n = nl ? (size_t)(nl - start) : R->len - R->pos;
		char name[256];
		const char *end;

		if (R->cursor_line == 1 && n >= 3 &&
		    memcmp(start, "\xEF\xBB\xBF", 3) == 0) {
			start += 3;
			n -= 3;
		}
		R->pos += (size_t)(start - (R->buf + R->pos)) + n + (nl != 0);
		while (n > 0 && isspace((unsigned char)*start)) {
			start++;
			n--;
		}
		end = n > 0 ? memchr(start, ']', n) : NULL;
		if (n > 0 && *start == '[' && end && end > start + 1 &&
		    !memchr(start, '\0', n) && utf8_valid(start, n, NULL)) {
			size_t k = (size_t)(end - start - 1);
			char *t;

			if (k >= sizeof(name))
				k = sizeof(name) - 1;
			memcpy(name, start + 1, k);
			name[k] = '\0';
			t = str_trim(name);
			section_start(R, t, R->cursor_line);
		}
		R->cursor_line++;
	}
}

/* ---- keys ---- */

static void head_key(struct sread *R, const char *key, const char *base,
		     const char *suffix, const char *value, int line)
{
	struct survey *s = R->s;
	int lang;

	if (strcmp(base, "titel") == 0 || strcmp(base, "intro") == 0) {
		int title = base[0] == 't';

		lang = suffix_lang(R, suffix, line);
		if (lang < 0)
			return;
		if (lang == 0)
			*(title ? &R->title_line : &R->intro_line) = line;
		text_set(R, title ? &s->title : &s->intro, lang, key, value,
			 line);
	} else if (strcmp(key, "minuten") == 0) {
		int v;

		if (R->minutes_line) {
			diag_add(R->L, 0, R->rel, line,
				 "'%s' staat hier twee keer", key);
			return;
		}
		R->minutes_line = line;
		if (int_parse(value, &v) < 0 || v < 1 || v > MINUTES_MAX)
			diag_add(R->L, 0, R->rel, line,
				 "minuten moet een getal van 1 tot %d zijn, "
				 "niet '%.60s'",
				 MINUTES_MAX, value);
		else
			s->minutes = v;
	} else {
		unknown_key(R, key, base, "enquete", line);
	}
}

/* optie.ID or optie.ID.LANG */
static void option_key(struct sread *R, struct survey_question *q,
		       struct qread *r, const char *key, const char *rest,
		       const char *value, int line)
{
	char id[64];
	const char *dot = strchr(rest, '.');
	int o, lang = 0;

	snprintf(id, sizeof(id), "%.*s",
		 dot ? (int)(dot - rest) : (int)strlen(rest), rest);
	if (!id_ok(id)) {
		diag_add(R->L, 0, R->rel, line,
			 "'%.60s' is geen goede naam voor een optie: schrijf "
			 "optie.naam = tekst, met in de naam kleine letters, "
			 "cijfers en -",
			 key);
		return;
	}
	if (dot) {
		lang = suffix_lang(R, dot + 1, line);
		if (lang < 0)
			return;
	}
	o = option_find(q, id);
	if (o < 0) {
		if (q->noptions == SURVEY_OPTION_MAX) {
			if (!r->too_many_options)
				diag_add(R->L, 0, R->rel, line,
					 "te veel opties: een vraag heeft "
					 "hoogstens %d opties",
					 SURVEY_OPTION_MAX);
			r->too_many_options = 1;
			return;
		}
		o = q->noptions++;
		str_copy(q->options[o].id, sizeof(q->options[o].id), id);
	}
	if (lang == 0 && r->option_line[o] <= 0)
		r->option_line[o] = line;
	if (!r->option_line[o])
		r->option_line[o] = -line; /* translation before the Dutch */
	text_set(R, &q->options[o].label, lang, key, value, line);
}

/* banden = 0-17, 18-29, 67+ */
static void bands_key(struct sread *R, struct survey_question *q,
		      const char *value, int line)
{
	char buf[512], *tok, *save = NULL;

	if (strlen(value) >= sizeof(buf)) {
		diag_add(R->L, 0, R->rel, line,
			 "banden is te lang: gebruik hoogstens %d banden",
			 SURVEY_OPTION_MAX);
		return;
	}
	str_copy(buf, sizeof(buf), value);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		struct survey_band *b;
		char label[48], *t = str_trim(tok), *dash, *end;
		long lo, hi;

		if (q->nbands == SURVEY_OPTION_MAX) {
			diag_add(R->L, 0, R->rel, line,
				 "te veel banden: hoogstens %d",
				 SURVEY_OPTION_MAX);
			return;
		}
		lo = strtol(t, &end, 10);
		dash = end;
		while (*dash == ' ')
			dash++;
		if (end == t || !isdigit((unsigned char)*t) || lo > 999999) {
			hi = -1;
		} else if (*dash == '+' && !dash[1]) {
			hi = SURVEY_NUMBER_LIMIT;
		} else if (*dash == '-') {
			char *p = dash + 1;

			while (*p == ' ')
				p++;
			hi = isdigit((unsigned char)*p) ? strtol(p, &end, 10)
							: -1;
			if (*end || hi > 999999)
				hi = -1;
		} else {
			hi = -1;
		}
		if (hi < 0) {
			diag_add(R->L, 0, R->rel, line,
				 "'%.40s' is geen band: schrijf twee getallen "
				 "met een streepje, zoals 18-29, of een getal "
				 "met een plus, zoals 67+",
				 t);
			continue;
		}
		if (hi < lo ||
		    (q->nbands && lo <= q->bands[q->nbands - 1].hi)) {
			diag_add(R->L, 0, R->rel, line,
				 "band '%s' klopt niet: zet de banden van laag "
				 "naar hoog, zonder overlap",
				 t);
			continue;
		}
		b = &q->bands[q->nbands++];
		b->lo = (int)lo;
		b->hi = (int)hi;
		if (hi == SURVEY_NUMBER_LIMIT)
			snprintf(label, sizeof(label), "%ld+", lo);
		else
			snprintf(label, sizeof(label), "%ld-%ld", lo, hi);
		b->label.s[0] = str_dup(label);
	}
}

/* A number key stored for the check at the end (its meaning depends on
 * the soort, which may come later in the section). */
static void number_key(struct sread *R, const char *key, const char *value,
		       int line, int *at_line, int *has, int *out)
{
	if (*has || *at_line) {
		diag_add(R->L, 0, R->rel, line, "'%s' staat hier twee keer",
			 key);
		return;
	}
	*at_line = line;
	if (int_parse(value, out) < 0)
		diag_add(R->L, 0, R->rel, line,
			 "%s moet een heel getal zijn, niet '%.60s'", key,
			 value);
	else
		*has = 1;
}

static void question_key(struct sread *R, const char *key, const char *base,
			 const char *suffix, const char *value, int line)
{
	struct survey_question *q = &R->s->questions[R->cur];
	struct qread *r = &R->q[R->cur];
	char section[SURVEY_ID_MAX + 8];
	int lang, i;

	snprintf(section, sizeof(section), "vraag %s", q->id);

	if (strcmp(base, "titel") == 0 || strcmp(base, "uitleg") == 0) {
		int title = base[0] == 't';

		lang = suffix_lang(R, suffix, line);
		if (lang < 0)
			return;
		if (lang == 0)
			*(title ? &r->title_line : &r->help_line) = line;
		text_set(R, title ? &q->title : &q->help, lang, key, value,
			 line);
	} else if (strcmp(base, "optie") == 0 && suffix) {
		option_key(R, q, r, key, suffix, value, line);
	} else if (suffix) {
		unknown_key(R, key, base, section, line);
	} else if (strcmp(key, "soort") == 0) {
		if (r->kind_line) {
			diag_add(R->L, 0, R->rel, line,
				 "'soort' staat hier twee keer");
			return;
		}
		r->kind_line = line;
		for (i = 0; i < (int)ARRAY_LEN(kind_words); i++)
			if (strcmp(value, kind_words[i]) == 0)
				break;
		if (i == (int)ARRAY_LEN(kind_words)) {
			diag_add(R->L, 0, R->rel, line,
				 "onbekende soort '%.60s': kies " KIND_LIST,
				 value);
			return;
		}
		q->kind = (enum question_kind)i;
		r->has_kind = 1;
	} else if (strcmp(key, "verplicht") == 0) {
		r->required_line = line;
		yes_no(R, key, value, line, &q->required);
	} else if (strcmp(key, "openbaar") == 0) {
		r->public_line = line;
		yes_no(R, key, value, line, &q->public_result);
	} else if (strcmp(key, "anders") == 0) {
		r->other_line = line;
		str_copy(r->other, sizeof(r->other), value);
	} else if (strcmp(key, "max") == 0) {
		number_key(R, key, value, line, &r->max_line, &r->has_max,
			   &r->max_value);
	} else if (strcmp(key, "min") == 0) {
		number_key(R, key, value, line, &r->min_line, &r->has_min,
			   &r->min_value);
	} else if (strcmp(key, "maxlengte") == 0) {
		number_key(R, key, value, line, &r->len_line, &r->has_len,
			   &r->len_value);
	} else if (strcmp(key, "banden") == 0) {
		if (r->bands_line) {
			diag_add(R->L, 0, R->rel, line,
				 "'banden' staat hier twee keer");
			return;
		}
		r->bands_line = line;
		bands_key(R, q, value, line);
	} else if (strcmp(key, "toon_als") == 0) {
		if (r->when) {
			diag_add(R->L, 0, R->rel, line,
				 "'toon_als' staat hier twee keer: een vraag "
				 "heeft hoogstens een voorwaarde");
			return;
		}
		r->when_line = line;
		r->when = str_dup(value);
	} else {
		unknown_key(R, key, base, section, line);
	}
}

static int on_key(void *ctx, const char *section, const char *key,
		  const char *value, int line)
{
	struct sread *R = ctx;
	char base[64];
	const char *dot = strchr(key, '.');

	(void)section; /* the cursor saw the same [section] lines */
	cursor_to(R, line);
	snprintf(base, sizeof(base), "%.*s",
		 dot ? (int)(dot - key) : (int)strlen(key), key);
	switch (R->cur) {
	case SECTION_NONE:
		diag_add(R->L, 0, R->rel, line,
			 "deze regel staat niet onder een [kopje]: begin met "
			 "[enquete]");
		break;
	case SECTION_SKIP:
		break;
	case SECTION_HEAD:
		head_key(R, key, base, dot ? dot + 1 : NULL, value, line);
		break;
	default:
		question_key(R, key, base, dot ? dot + 1 : NULL, value, line);
		break;
	}
	return 0;
}

static void on_problem(void *ctx, enum kv_problem what, int line)
{
	struct sread *R = ctx;
	static const char *const msg[] = {
		[KV_NOT_UTF8] = "deze regel bevat tekens die geen UTF-8 zijn: "
				"sla het bestand op als UTF-8",
		[KV_NUL] = "op deze regel staat een onzichtbaar nul-teken "
			   "(NUL): haal het weg, of sla het bestand opnieuw "
			   "op als UTF-8",
		[KV_NOT_A_KEY] = "deze regel is geen 'naam = waarde' en geen "
				 "[kopje]",
		[KV_BAD_SECTION] = "dit kopje is niet af: schrijf het als "
				   "[naam]",
		[KV_INLINE_COMMENT] = "alles na ' ;' op deze regel wordt niet "
				      "getoond (het is commentaar)",
	};

	diag_add(R->L, what == KV_INLINE_COMMENT, R->rel, line, "%s",
		 msg[what]);
}

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
			 kind_words[q->kind]);
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
			 q->id, kind_words[q->kind]);
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
	o = option_find(q, r->other);
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
			 kind_words[q->kind],
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
		return option_find(q, w);
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
	r->target = question_find(R->s, word);
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
				 kind_words[s->questions[t].kind],
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

static void check_survey(struct sread *R)
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

void survey_read(struct loader *L, struct tile *t)
{
	static const struct kv_handler h = { on_key, on_problem };
	struct sread *R = xcalloc(1, sizeof(*R));
	struct survey *s = xcalloc(1, sizeof(*s));
	size_t len;
	char *buf;
	int i;

	t->survey = s;
	R->L = L;
	R->s = s;
	R->cur = SECTION_NONE;
	R->cursor_line = 1;
	snprintf(R->rel, sizeof(R->rel), "%s/%s", t->id, SURVEY_FILE);
	str_copy(s->id, sizeof(s->id), t->id);
	s->when = t->when;
	if (strlen(t->id) >= sizeof(s->id))
		diag_add(L, 0, t->id, 0,
			 "de naam van deze map is te lang voor een enquête: "
			 "hoogstens %d tekens",
			 SURVEY_ID_MAX - 1);
	buf = pack_read(&L->pack, R->rel, TEXT_FILE_MAX, &len);
	if (!buf) {
		diag_open_failed(L, errno, R->rel, R->rel, 0,
				 "bestand ontbreekt: een tegel van soort "
				 "enquete heeft een " SURVEY_FILE
				 " met de vragen");
		free(R);
		return;
	}
	R->buf = buf;
	R->len = len;
	kv_parse(buf, len, &h, R);
	cursor_to(R, 1 << 30); /* [sections] after the last key */
	check_survey(R);
	survey_version(s, s->version);
	for (i = 0; i < SURVEY_QUESTION_MAX; i++)
		free(R->q[i].when);
	free(buf);
	free(R);
}
