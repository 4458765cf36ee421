/*
 * schema: the reader behind every settings file of a pack. kv splits the
 * lines; this file looks each key up in the schema's table, stores the
 * value by its type and reports in Dutch, with file and line, whatever
 * does not fit.
 */
#include "core/content/schema.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/kv.h"

static void problem(void *ctx, enum kv_problem what, int line)
{
	struct schema_file *F = ctx;
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

	diag_add(F->L, what == KV_INLINE_COMMENT, F->rel, line, "%s",
		 msg[what]);
}

/* Reports the required fields of the current record that were not seen. */
static void record_done(struct schema_file *F)
{
	const struct schema *s = F->s;
	int i;

	if (!F->rec)
		return;
	for (i = 0; i < s->nfields && i < (int)sizeof(F->seen); i++) {
		const struct field *f = &s->fields[i];
		const struct text *t =
			(const struct text *)(const void *)((char *)F->rec +
							    f->offset);
		int l;

		if (f->type != FIELD_TTEXT || !F->seen[i] || !t->s[0])
			continue;
		for (l = 1; l < F->L->c->nlangs; l++)
			if (!t->s[l])
				diag_add(F->L, 1, F->rel,
					 F->lines[i] ? F->lines[i]
						     : F->item_line,
					 "%s.%s ontbreekt: de kiosk toont daar "
					 "de Nederlandse tekst",
					 f->key, F->L->c->langs[l]);
	}
	for (i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];

		if (!f->required || F->seen[i])
			continue;
		if (s->item)
			diag_add(F->L, 0, F->rel, F->item_line,
				 "[%s] heeft geen %s%s%s%s", F->section, f->key,
				 f->need ? " (" : "", f->need ? f->need : "",
				 f->need ? ")" : "");
		else
			diag_add(F->L, 0, F->rel, 0,
				 "'%s = ...' ontbreekt in [%s]%s%s", f->key,
				 f->section, f->need ? ": " : "",
				 f->need ? f->need : "");
	}
}

/* Splits "title.en" at the dot; returns the language index (0: none), or
 * -1 after a warning when the language is not in the pack. */
static int key_lang(struct schema_file *F, const char *key, char *base,
		    size_t size)
{
	const char *dot = strchr(key, '.');
	int idx;

	if (!dot) {
		str_copy(base, size, key);
		return 0;
	}
	snprintf(base, size, "%.*s", (int)(dot - key), key);
	idx = lang_index(F->L->c, dot + 1);
	if (idx < 0)
		diag_add(F->L, 1, F->rel, F->line,
			 "taal '%s' staat niet bij languages in kiosk.ini; "
			 "deze tekst wordt niet gebruikt",
			 dot + 1);
	return idx;
}

static void twice(struct schema_file *F, const char *key)
{
	diag_add(F->L, 0, F->rel, F->line, "'%s' staat hier twee keer", key);
}

static void store(struct schema_file *F, const struct field *f, const char *key,
		  int lang, const char *value)
{
	char *slot = (char *)F->rec + f->offset;
	char **str = (char **)(void *)slot;
	int *num = (int *)(void *)slot;

	switch (f->type) {
	case FIELD_TTEXT: {
		struct text *t = (struct text *)(void *)slot;

		if (t->s[lang])
			twice(F, key);
		else
			t->s[lang] = str_dup(value);
		break;
	}
	case FIELD_URL:
		if (!str_starts(value, "https://") &&
		    !str_starts(value, "http://")) {
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' is geen webadres: het moet beginnen "
				 "met https://",
				 value);
			break;
		}
		/* fall through */
	case FIELD_TEXT:
		if (*str)
			twice(F, key);
		else
			*str = str_dup(value);
		break;
	case FIELD_IMAGE:
	case FIELD_FILE:
		free(*str);
		*str = file_check(F->L, F->reldir, value, F->rel, F->line,
				  f->type == FIELD_FILE);
		break;
	case FIELD_DATE:
		if (date_parse(value, num) < 0)
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' bij %s is geen goede datum: schrijf "
				 "jaar-maand-dag, zoals 2026-12-31",
				 value, key);
		break;
	case FIELD_INT: {
		char *end;
		long v = strtol(value, &end, 10);

		if (end == value || *end || v < f->min || v > f->max)
			diag_add(F->L, 0, F->rel, F->line,
				 "%s moet %s zijn, niet '%s'", key, f->need,
				 value);
		else
			*num = (int)v;
		break;
	}
	case FIELD_CALL:
		f->call(F, F->rec, key, value);
		break;
	case FIELD_ABSENT:
		diag_add(F->L, 1, F->rel, F->line, "%s", f->need);
		break;
	}
}

/* The line of the [section] heading above key line `line` (kv tells
 * keys' lines only). The file is scanned once, forward. */
static int section_line(struct schema_file *F, int line)
{
	while (F->scan_off < F->len && F->scan_line < line) {
		const char *p = F->buf + F->scan_off;
		const char *nl = memchr(p, '\n', F->len - F->scan_off);

		while (p < F->buf + F->len && (*p == ' ' || *p == '\t'))
			p++;
		if (p < F->buf + F->len && *p == '[')
			F->bracket_line = F->scan_line;
		F->scan_off = nl ? (size_t)(nl - F->buf) + 1 : F->len;
		F->scan_line++;
	}
	return F->bracket_line ? F->bracket_line : line;
}

/* Starts the record a new [section] is about; F->rec is NULL when the
 * section is reported and its keys are to be skipped. */
static void section_start(struct schema_file *F, const char *section, int line)
{
	const struct schema *s = F->s;
	int i;

	if (s->item)
		record_done(F); /* the record before, under its own name */
	str_copy(F->section, sizeof(F->section), section);
	F->started = 1;
	F->item_line = section_line(F, line);
	if (!s->item) {
		for (i = 0; i < s->nfields; i++)
			if (strcmp(s->fields[i].section, section) == 0)
				break;
		F->rec = i < s->nfields ? F->fixed : NULL;
		if (!F->rec)
			diag_add(F->L, 0, F->rel, line,
				 "onbekend kopje [%s]: %s kent %s", section,
				 F->rel, s->sections);
		return;
	}
	memset(F->seen, 0, sizeof(F->seen));
	memset(F->lines, 0, sizeof(F->lines));
	F->line = line = F->item_line; /* item() reports on [section] */
	F->rec = NULL;
	if (!*section)
		diag_add(F->L, 0, F->rel, line,
			 "deze regel staat niet onder een [kopje]");
	else
		F->rec = s->item(F, section);
}

static int on_key(void *ctx, const char *section, const char *key,
		  const char *value, int line)
{
	struct schema_file *F = ctx;
	const struct schema *s = F->s;
	const char *dot = strchr(key, '.');
	char base[64];
	int i, lang = 0;

	F->line = line;
	if (!F->started || strcmp(section, F->section) != 0)
		section_start(F, section, line);
	F->line = line;
	if (!F->rec)
		return 0;
	snprintf(base, sizeof(base), "%.*s",
		 dot ? (int)(dot - key) : (int)strlen(key), key);
	for (i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];

		if (f->section && strcmp(f->section, section) != 0)
			continue;
		if (f->type == FIELD_TTEXT ||
		    (f->type == FIELD_CALL && f->translated)) {
			if (strcmp(base, f->key) != 0)
				continue;
			if (f->type == FIELD_TTEXT) {
				lang = key_lang(F, key, base, sizeof(base));
				if (lang < 0)
					return 0;
			}
		} else if (strcmp(key, f->key) != 0 &&
			   strcmp(f->key, "*") != 0) {
			continue; /* "*": every key of the section */
		}
		/* a translation alone does not make a required text */
		if (i < (int)sizeof(F->seen) && lang == 0) {
			F->seen[i] = 1;
			F->lines[i] = line;
		}
		store(F, f, key, lang, value);
		return 0;
	}
	diag_add(F->L, 0, F->rel, line, "onbekende instelling '%s' in [%s]",
		 key, section);
	return 0;
}

int schema_read(struct loader *L, const struct schema *s, const char *rel,
		const char *reldir, void *rec, void *user)
{
	static const struct kv_handler h = { on_key, problem };
	struct schema_file F = { .L = L, .s = s, .rel = rel, .reldir = reldir };
	size_t len;
	char *buf = pack_read(&L->pack, rel, TEXT_FILE_MAX, &len);

	if (!buf)
		return -1;
	if (text_not_text(buf, len)) {
		/* one message, not one per line and then "ontbreekt" for
		 * every key that could not be read */
		diag_add(L, 0, rel, 1, "%s", text_not_text(buf, len));
		free(buf);
		return 1;
	}
	F.user = user;
	F.fixed = rec;
	F.buf = buf;
	F.len = len;
	F.scan_line = 1;
	kv_parse(buf, len, &h, &F);
	free(buf);
	if (!s->item)
		F.rec = F.fixed; /* fixed sections: one record, the file */
	record_done(&F);
	return 0;
}
