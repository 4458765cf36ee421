/*
 * i18n: the words of the kiosk's own interface (buttons, prompts), one file
 * per language in assets/i18n/. Content (pages, flyers) carries its own
 * translations; this module is only for the frame around it.
 *
 * A file holds a [language] section with `code`, `name` (the language's
 * name in that language, shown in the language chooser) and `rtl` (1 for a
 * script written from right to left), and a [ui] section of
 * key = text lines. A key missing in a language falls back to Dutch, and a
 * key missing in Dutch shows as the key itself, so nothing is ever blank.
 */
#ifndef KIOSK_I18N_H
#define KIOSK_I18N_H

#include <stddef.h>

#include "base/err.h"

#define I18N_LANG_MAX 8

struct i18n_entry {
	char *key, *text;
};

struct i18n_lang {
	char code[8];
	char name[32];
	int rtl;		    /* written from right to left (Arabic) */
	struct i18n_entry *entries; /* sorted by key */
	int n;
};

struct i18n {
	struct i18n_lang langs[I18N_LANG_MAX]; /* langs[0] is Dutch */
	int nlangs;
};

/* Loads every *.ini in dir; Dutch (nl) must be among them. */
int i18n_load_dir(struct i18n *t, const char *dir, struct err *e);
void i18n_release(struct i18n *t);

/* Index of a language code, or -1. */
int i18n_find(const struct i18n *t, const char *code);

/* Text for key in language `lang` (index); borrowed until i18n_release. */
const char *i18n_get(const struct i18n *t, int lang, const char *key);

/* 1 when language `lang` has its own text for key (no fallback). */
int i18n_has(const struct i18n *t, int lang, const char *key);

/* Fills {1}..{9} in a translated template with args (strings, borrowed).
 * Translators move the placeholders freely; an unknown one stays as it is.
 * Returns out. */
char *i18n_format(char *out, size_t size, const char *tmpl,
		  const char *const *args, int nargs);

#endif
