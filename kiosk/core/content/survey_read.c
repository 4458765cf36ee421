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
 * is checked when the whole file has been read, by survey_check.c. Every
 * problem is reported with file and line in Dutch; nothing is cut
 * silently.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/content/loader.h"
#include "core/content/survey_internal.h"
#include "core/kv.h"
#include "core/survey/survey.h"

#define SURVEY_FILE  "enquete.ini"
#define MINUTES_MAX  60
#define SECTION_NONE -1 /* before the first [section] */
#define SECTION_HEAD -2 /* [enquete] */
#define SECTION_SKIP -3 /* a section reported as wrong: keys skipped */

const char *const survey_read_kind_words[QUESTION_INFO + 1] = {
	[QUESTION_CHOICE] = "keuze", [QUESTION_MULTI] = "meerkeuze",
	[QUESTION_SCALE] = "schaal", [QUESTION_YESNO] = "janee",
	[QUESTION_NUMBER] = "getal", [QUESTION_TEXT] = "tekst",
	[QUESTION_INFO] = "info",
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

int survey_read_question_find(const struct survey *s, const char *id)
{
	int i;

	for (i = 0; i < s->nquestions; i++)
		if (strcmp(s->questions[i].id, id) == 0)
			return i;
	return -1;
}

int survey_read_option_find(const struct survey_question *q, const char *id)
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
	other = survey_read_question_find(s, id);
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
	o = survey_read_option_find(q, id);
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
		for (i = 0; i < (int)ARRAY_LEN(survey_read_kind_words); i++)
			if (strcmp(value, survey_read_kind_words[i]) == 0)
				break;
		if (i == (int)ARRAY_LEN(survey_read_kind_words)) {
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
	survey_check(R);
	survey_version(s, s->version);
	for (i = 0; i < SURVEY_QUESTION_MAX; i++)
		free(R->q[i].when);
	free(buf);
	free(R);
}
