/*
 * i18n: loading translation files and looking keys up by binary search.
 */
#include "core/i18n.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/kv.h"

struct i18n_parse {
	struct i18n_lang *lang;
	int cap;
	const char *path;
	struct err *e;
	int failed;
};

static void i18n_problem(void *user, enum kv_problem what, int line)
{
	struct i18n_parse *p = user;

	if (!p->failed)
		err_set(p->e, "%s:%d: %s", p->path, line,
			kv_problem_name(what));
	p->failed = 1;
}

static int i18n_handler(void *user, const char *section, const char *name,
			const char *value, int line)
{
	struct i18n_parse *p = user;
	struct i18n_lang *l = p->lang;

	if (strcmp(section, "language") == 0) {
		if (strcmp(name, "code") == 0 &&
		    strlen(value) < sizeof(l->code)) {
			str_copy(l->code, sizeof(l->code), value);
			return 0;
		}
		if (strcmp(name, "name") == 0 &&
		    strlen(value) < sizeof(l->name)) {
			str_copy(l->name, sizeof(l->name), value);
			return 0;
		}
		if (strcmp(name, "rtl") == 0 &&
		    (strcmp(value, "0") == 0 || strcmp(value, "1") == 0)) {
			l->rtl = value[0] == '1';
			return 0;
		}
	} else if (strcmp(section, "ui") == 0) {
		if (l->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 64;
			l->entries =
				xrealloc(l->entries,
					 (size_t)p->cap * sizeof(*l->entries));
		}
		l->entries[l->n].key = str_dup(name);
		l->entries[l->n].text = str_dup(value);
		l->n++;
		return 0;
	}
	if (!p->failed)
		err_set(p->e, "%s:%d: unknown key '%s' in [%s]", p->path, line,
			name, section);
	p->failed = 1;
	return -1;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct i18n_entry *)a)->key,
		      ((const struct i18n_entry *)b)->key);
}

static void lang_release(struct i18n_lang *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->entries[i].key);
		free(l->entries[i].text);
	}
	free(l->entries);
	memset(l, 0, sizeof(*l));
}

static int load_file(struct i18n_lang *l, const char *path, struct err *e)
{
	static const struct kv_handler h = { i18n_handler, i18n_problem };
	struct i18n_parse p = { .lang = l, .path = path, .e = e };
	struct err fe;
	size_t len;
	char *buf = file_read(path, 1u << 20, &len, &fe);

	if (!buf)
		return err_set(e, "%s", fe.msg);
	kv_parse(buf, len, &h, &p);
	free(buf);
	if (p.failed) {
		lang_release(l);
		return -1;
	}
	if (!l->code[0] || !l->name[0]) {
		lang_release(l);
		return err_set(e, "%s: [language] needs 'code' and 'name'",
			       path);
	}
	qsort(l->entries, (size_t)l->n, sizeof(*l->entries), entry_cmp);
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int i18n_load_dir(struct i18n *t, const char *dir, struct err *e)
{
	char *names[64];
	int nnames = 0, i, nl;
	struct dirent *d;
	DIR *dh = opendir(dir);

	memset(t, 0, sizeof(*t));
	if (!dh)
		return err_set(e, "cannot open translations folder '%s'", dir);
	while ((d = readdir(dh)) && nnames < (int)ARRAY_LEN(names)) {
		size_t len = strlen(d->d_name);

		if (len > 4 && strcmp(d->d_name + len - 4, ".ini") == 0)
			names[nnames++] = str_dup(d->d_name);
	}
	closedir(dh);
	qsort(names, (size_t)nnames, sizeof(*names), name_cmp);
	for (i = 0; i < nnames; i++) {
		char path[4096];

		if (t->nlangs == I18N_LANG_MAX) {
			err_set(e, "too many languages in '%s' (at most %d)",
				dir, I18N_LANG_MAX);
			goto fail;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (load_file(&t->langs[t->nlangs], path, e) < 0)
			goto fail;
		t->nlangs++;
	}
	nl = i18n_find(t, "nl");
	if (nl < 0) {
		err_set(e, "no Dutch translation (nl.ini) in '%s'", dir);
		goto fail;
	}
	if (nl != 0) {
		struct i18n_lang tmp = t->langs[0];

		t->langs[0] = t->langs[nl];
		t->langs[nl] = tmp;
	}
	for (i = 0; i < nnames; i++)
		free(names[i]);
	return 0;
fail:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	i18n_release(t);
	return -1;
}

void i18n_release(struct i18n *t)
{
	int i;

	for (i = 0; i < t->nlangs; i++)
		lang_release(&t->langs[i]);
	t->nlangs = 0;
}

int i18n_find(const struct i18n *t, const char *code)
{
	int i;

	for (i = 0; i < t->nlangs; i++)
		if (strcmp(t->langs[i].code, code) == 0)
			return i;
	return -1;
}

static const char *lookup(const struct i18n_lang *l, const char *key)
{
	struct i18n_entry k = { (char *)(uintptr_t)key, NULL }, *found;

	if (!l->n)
		return NULL;
	found = bsearch(&k, l->entries, (size_t)l->n, sizeof(*l->entries),
			entry_cmp);
	return found ? found->text : NULL;
}

int i18n_has(const struct i18n *t, int lang, const char *key)
{
	return lang >= 0 && lang < t->nlangs && lookup(&t->langs[lang], key);
}

const char *i18n_get(const struct i18n *t, int lang, const char *key)
{
	const char *s = NULL;

	if (lang >= 0 && lang < t->nlangs)
		s = lookup(&t->langs[lang], key);
	if (!s && t->nlangs > 0)
		s = lookup(&t->langs[0], key);
	return s ? s : key;
}

char *i18n_format(char *out, size_t size, const char *tmpl,
		  const char *const *args, int nargs)
{
	size_t used = 0;
	const char *p = tmpl;

	if (size == 0)
		return out;
	while (*p && used + 1 < size) {
		const char *add = NULL;
		size_t n;

		if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
		    p[1] - '1' < nargs) {
			add = args[p[1] - '1'];
			p += 3;
		}
		if (!add) {
			out[used++] = *p++;
			continue;
		}
		n = strlen(add);
		if (used + n + 1 > size)
			n = size - used - 1;
		memcpy(out + used, add, n);
		used += n;
	}
	/* never end in half a letter: drop a cut UTF-8 sequence */
	if (*p || used + 1 >= size) {
		size_t back = used;

		while (back > 0 &&
		       ((unsigned char)out[back - 1] & 0xC0) == 0x80)
			back--;
		if (back > 0 && ((unsigned char)out[back - 1] & 0x80)) {
			unsigned char lead = (unsigned char)out[back - 1];
			size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

			if (used - (back - 1) < want)
				used = back - 1;
		}
	}
	out[used] = '\0';
	return out;
}
