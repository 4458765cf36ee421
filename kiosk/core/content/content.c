/*
 * content: reading a pack. Settings files go through inih, Markdown through
 * md4c; this file adds what staff need around them: every problem with its
 * file and line in Dutch, translations by key suffix, long lines, and checks
 * that every file the kiosk will show is there and of a kind it can show.
 */
#include "core/content/content.h"

#include <ctype.h>
#include <dirent.h>
#include <ini.h>
#include <md4c.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

#define TEXT_FILE_MAX (1u << 20) /* settings, pages: 1 MiB */

/* ---- report ---- */

struct loader {
	struct content *c;
	struct content_report *r;
	struct content_report own; /* used when the caller passed none */
	enum content_depth depth;
	content_probe_fn probe;
	void *probe_ctx;
};

static void diag_add(struct loader *L, int warning, const char *file, int line,
		     const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void diag_add(struct loader *L, int warning, const char *file, int line,
		     const char *fmt, ...)
{
	struct content_report *r = L->r;
	struct diag *d;
	va_list ap;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->items =
			xrealloc(r->items, (size_t)r->cap * sizeof(*r->items));
	}
	d = &r->items[r->n++];
	memset(d, 0, sizeof(*d));
	str_copy(d->file, sizeof(d->file), file);
	d->line = line;
	d->warning = warning;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	if (warning)
		r->warnings++;
	else
		r->errors++;
}

void content_report_release(struct content_report *r)
{
	free(r->items);
	memset(r, 0, sizeof(*r));
}

void content_diag_format(const struct diag *d, char *out, size_t size)
{
	const char *kind = d->warning ? "waarschuwing: " : "";

	if (d->line > 0)
		snprintf(out, size, "%s:%d: %s%s", d->file, d->line, kind,
			 d->msg);
	else
		snprintf(out, size, "%s: %s%s", d->file, kind, d->msg);
}

/* ---- small helpers ---- */

const char *text_get(const struct text *t, int lang)
{
	if (lang > 0 && lang < CONTENT_LANG_MAX && t->s[lang])
		return t->s[lang];
	return t->s[0] ? t->s[0] : "";
}

static void text_release(struct text *t)
{
	int i;

	for (i = 0; i < CONTENT_LANG_MAX; i++)
		free(t->s[i]);
	memset(t, 0, sizeof(*t));
}

int when_shows(struct when w, int today)
{
	return (!w.from || today >= w.from) && (!w.until || today <= w.until);
}

int date_parse(const char *s, int *out)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0;

	if (strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    s[4] != '-' || s[7] != '-')
		return -1;
	if (y < 2000 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return -1;
	if (m == 2 && d == 29 &&
	    !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	*out = y * 10000 + m * 100 + d;
	return 0;
}

static int lang_index(const struct content *c, const char *code)
{
	int i;

	for (i = 0; i < c->nlangs; i++)
		if (strcmp(c->langs[i], code) == 0)
			return i;
	return -1;
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* Reads the size of a PNG or JPEG from its header. */
static int image_size(const char *path, int *w, int *h)
{
	unsigned char b[64];
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc = -1;

	if (!f)
		return -1;
	n = fread(b, 1, sizeof(b), f);
	if (n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(b + 12, "IHDR", 4) == 0) {
		*w = (b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19];
		*h = (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23];
		rc = 0;
	} else if (n >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
		/* walk the JPEG segments to the frame header (SOFn) */
		long pos = 2;

		for (;;) {
			unsigned char seg[9];

			if (fseek(f, pos, SEEK_SET) != 0 ||
			    fread(seg, 1, 4, f) != 4 || seg[0] != 0xFF)
				break;
			if (seg[1] >= 0xC0 && seg[1] <= 0xCF &&
			    seg[1] != 0xC4 && seg[1] != 0xC8 &&
			    seg[1] != 0xCC) {
				if (fread(seg + 4, 1, 5, f) != 5)
					break;
				*h = (seg[5] << 8) | seg[6];
				*w = (seg[7] << 8) | seg[8];
				rc = 0;
				break;
			}
			pos += 2 + ((seg[2] << 8) | seg[3]);
		}
	}
	fclose(f);
	return rc;
}

/* Checks a file the pack refers to: a plain name inside the folder, that
 * exists and is an image (or PDF when pdf_ok). Returns the full path
 * (caller frees) or NULL after reporting why. */
static char *check_file(struct loader *L, const char *dir, const char *reldir,
			const char *name, const char *from, int line,
			int pdf_ok)
{
	char rel[300];
	char *path;
	struct stat st;
	int is_pdf = ends_with(name, ".pdf");

	snprintf(rel, sizeof(rel), "%s%s%s", reldir, *reldir ? "/" : "", name);
	if (!*name || strstr(name, "..") || name[0] == '/' ||
	    strchr(name, '\\')) {
		diag_add(L, 0, from, line,
			 "'%s' is geen goede bestandsnaam: "
			 "zet het bestand in dezelfde map en schrijf alleen "
			 "de naam",
			 name);
		return NULL;
	}
	if (!(ends_with(name, ".png") || ends_with(name, ".jpg") ||
	      ends_with(name, ".jpeg") || (pdf_ok && is_pdf))) {
		diag_add(L, 0, from, line, "'%s': de kiosk kan alleen %s tonen",
			 name, pdf_ok ? "PDF, PNG en JPEG" : "PNG en JPEG");
		return NULL;
	}
	path = join_path(dir, rel);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(L, 0, from, line, "bestand '%s' bestaat niet", rel);
		free(path);
		return NULL;
	}
	if ((size_t)st.st_size >
	    (is_pdf ? CONTENT_PDF_BYTES : CONTENT_IMAGE_BYTES)) {
		diag_add(L, 0, from, line,
			 "'%s' is te groot (%lld MB, hoogstens "
			 "%u MB): maak het bestand kleiner",
			 rel, (long long)(st.st_size >> 20),
			 (is_pdf ? CONTENT_PDF_BYTES : CONTENT_IMAGE_BYTES) >>
				 20);
		free(path);
		return NULL;
	}
	if (!is_pdf) {
		int w = 0, h = 0;

		if (image_size(path, &w, &h) < 0 || w <= 0 || h <= 0) {
			diag_add(L, 0, from, line,
				 "'%s' is geen goed PNG- of "
				 "JPEG-bestand",
				 rel);
			free(path);
			return NULL;
		}
		if (w > CONTENT_IMAGE_PX || h > CONTENT_IMAGE_PX) {
			diag_add(L, 0, from, line,
				 "'%s' is te groot (%d x %d "
				 "beeldpunten, hoogstens %d): maak het plaatje "
				 "kleiner",
				 rel, w, h, CONTENT_IMAGE_PX);
			free(path);
			return NULL;
		}
	}
	if (L->depth == CONTENT_DEEP && L->probe) {
		char why[300] = "";

		if (L->probe(L->probe_ctx, path, is_pdf, why, sizeof(why)) <
		    0) {
			diag_add(L, 0, rel, 0, "%s", why);
			free(path);
			return NULL;
		}
	}
	return path;
}

/* ---- settings files ---- */

/* One settings file being read. The reader counts physical lines, checks
 * UTF-8 and splits lines longer than inih's buffer into continuation lines
 * that the key handler joins again, so staff never meet a length limit. */
struct ini_file {
	struct loader *L;
	const char *rel; /* name in messages */
	FILE *f;
	int line;	   /* physical line being handled */
	int cont;	   /* this line continues the previous key */
	int cont_nospace;  /* ... and joins without a space (split mid-word) */
	int split_nospace; /* the next chunk was cut mid-word */
	char *rest;	   /* the part of a long line still to hand out */
	char *rest_buf;
	char last_section[128], last_key[128];
	int (*key)(struct ini_file *, const char *section, const char *key,
		   const char *value, int append);
	void *user;
};

static char *pack_line_reader(char *str, int num, void *stream)
{
	struct ini_file *F = stream;
	size_t max = (size_t)num - 3; /* room for a space, '\n' and NUL */
	char *src;
	size_t len;

	if (F->rest) {
		src = F->rest;
		str[0] = ' ';
		str[1] = '\0';
		F->cont = 1;
		F->cont_nospace = F->split_nospace;
		F->split_nospace = 0;
	} else {
		char *line = NULL;
		size_t cap = 0;
		ssize_t got = getline(&line, &cap, F->f);
		size_t bad;

		if (got < 0) {
			free(line);
			return NULL;
		}
		F->line++;
		if (!utf8_valid(line, (size_t)got, &bad)) {
			diag_add(F->L, 0, F->rel, F->line,
				 "deze regel bevat "
				 "tekens die geen UTF-8 zijn: sla het bestand "
				 "op als UTF-8");
			line[bad] = '\0';
			got = (ssize_t)bad;
		}
		while (got > 0 &&
		       (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		if (F->line == 1 && got >= 3 &&
		    memcmp(line, "\xEF\xBB\xBF", 3) == 0)
			memmove(line, line + 3,
				(size_t)got - 2); /* Notepad's BOM */
		{
			const char *t = line + strspn(line, " \t");

			if (*t == ';' || *t == '#' || *t == '[') {
				/* a comment or a [kopje] is never split: cut
				 * it to fit, nothing of it is shown */
				if (strlen(line) > max)
					line[max] = '\0';
			} else if (*t && t == line && !strchr(t, '=') &&
				   !strchr(t, ':')) {
				diag_add(
					F->L, 0, F->rel, F->line,
					"deze regel is "
					"geen 'naam = waarde' en geen [kopje]");
				line[0] = '\0'; /* reported here, once */
			} else if (strstr(line, " ;") || strstr(line, "\t;")) {
				diag_add(
					F->L, 1, F->rel, F->line,
					"alles na ' ;' op "
					"deze regel wordt niet getoond (het is "
					"commentaar)");
			}
		}
		free(F->rest_buf);
		F->rest_buf = line;
		src = line;
		F->cont = line[0] == ' ' || line[0] == '\t';
		F->cont_nospace = 0;
		str[0] = '\0';
	}
	len = strlen(src);
	if (len <= max) {
		strcat(str, src);
		F->rest = NULL;
	} else {
		/* split at the last space that fits, else mid-word */
		size_t cut = max;

		/* the next chunk must not start like a comment or section */
		while (cut > max / 2 &&
		       (src[cut] != ' ' || strchr(";#[", src[cut + 1])))
			cut--;
		if (src[cut] != ' ')
			cut = max;
		strncat(str, src, cut);
		F->rest = src + cut;
		if (*F->rest == ' ') {
			while (*F->rest == ' ')
				F->rest++;
		} else {
			F->split_nospace = 1;
		}
		if (!*F->rest)
			F->rest = NULL;
	}
	strcat(str, "\n");
	return str;
}

static int ini_handler_cb(void *user, const char *section, const char *name,
			  const char *value)
{
	struct ini_file *F = user;
	int append = F->cont && strcmp(section, F->last_section) == 0 &&
		     strcmp(name, F->last_key) == 0;

	str_copy(F->last_section, sizeof(F->last_section), section);
	str_copy(F->last_key, sizeof(F->last_key), name);
	F->key(F, section, name, value, append);
	return 1; /* problems are reported by the key function */
}

/* Reads dir/rel with the key function; returns -1 when it cannot be read. */
static int ini_read(struct loader *L, const char *path, const char *rel,
		    int (*key)(struct ini_file *, const char *, const char *,
			       const char *, int),
		    void *user)
{
	struct ini_file F = { .L = L, .rel = rel, .key = key, .user = user };
	int rc;

	F.f = fopen(path, "r");
	if (!F.f)
		return -1;
	/* lines inih cannot read are reported by the reader itself, each
	 * on its own line number; inih's count of chunks is not needed */
	rc = ini_parse_stream(pack_line_reader, &F, ini_handler_cb, &F);
	(void)rc;
	free(F.rest_buf);
	fclose(F.f);
	return 0;
}

/* Sets or extends a text value; translated keys "key.xx". */
static void value_set(char **slot, const char *value, int append, int nospace)
{
	if (append && *slot) {
		size_t a = strlen(*slot), b = strlen(value);

		*slot = xrealloc(*slot, a + b + 2);
		if (!nospace)
			(*slot)[a++] = ' ';
		memcpy(*slot + a, value, b + 1);
		return;
	}
	free(*slot);
	*slot = str_dup(value);
}

/* Splits "title.en" into base "title" and language index; returns the
 * language index (0 for no suffix) or -1 after reporting. */
static int key_lang(struct ini_file *F, const char *name, char *base,
		    size_t size)
{
	const char *dot = strchr(name, '.');
	int idx;

	if (!dot) {
		str_copy(base, size, name);
		return 0;
	}
	snprintf(base, size, "%.*s", (int)(dot - name), name);
	idx = lang_index(F->L->c, dot + 1);
	if (idx < 0) {
		diag_add(F->L, 1, F->rel, F->line,
			 "taal '%s' staat niet bij "
			 "languages in kiosk.ini; deze tekst wordt niet "
			 "gebruikt",
			 dot + 1);
		return -1;
	}
	return idx;
}

static int set_text(struct ini_file *F, struct text *t, const char *name,
		    const char *value, int append)
{
	char base[64];
	int l = key_lang(F, name, base, sizeof(base));

	if (l < 0)
		return 0;
	if (!append && t->s[l]) {
		diag_add(F->L, 0, F->rel, F->line, "'%s' staat hier twee keer",
			 name);
		return 0;
	}
	value_set(&t->s[l], value, append, F->cont_nospace);
	return 1;
}

static void set_plain(struct ini_file *F, char **slot, const char *name,
		      const char *value, int append)
{
	if (!append && *slot) {
		diag_add(F->L, 0, F->rel, F->line, "'%s' staat hier twee keer",
			 name);
		return;
	}
	value_set(slot, value, append, F->cont_nospace);
}

static void set_date(struct ini_file *F, int *slot, const char *name,
		     const char *value)
{
	if (date_parse(value, slot) < 0)
		diag_add(F->L, 0, F->rel, F->line,
			 "'%s' bij %s is geen goede "
			 "datum: schrijf jaar-maand-dag, zoals 2026-12-31",
			 value, name);
}

/* show_from / show_until of any item; returns 1 when name was one. */
static int set_when(struct ini_file *F, struct when *w, const char *name,
		    const char *value)
{
	if (strcmp(name, "show_from") == 0)
		set_date(F, &w->from, name, value);
	else if (strcmp(name, "show_until") == 0)
		set_date(F, &w->until, name, value);
	else
		return 0;
	return 1;
}

static void unknown_key(struct ini_file *F, const char *section,
			const char *name)
{
	diag_add(F->L, 0, F->rel, F->line, "onbekende instelling '%s' in [%s]",
		 name, section);
}

/* 1 when key (without language suffix) equals want. */
static int is_key(const char *name, const char *want)
{
	size_t n = strlen(want);

	return strncmp(name, want, n) == 0 &&
	       (name[n] == '\0' || name[n] == '.');
}

/* ---- kiosk.ini ---- */

struct kiosk_ini {
	char tiles[CONTENT_TILE_MAX][64];
	int ntiles;
	int format;
	int saw_name;
	/* contact translations come before `languages` is known */
	char *contact_raw[CONTENT_LANG_MAX * 2];
	char contact_code[CONTENT_LANG_MAX * 2][8];
	int ncontact;
};

static void parse_langs(struct ini_file *F, const char *value)
{
	struct content *c = F->L->c;
	char buf[256], *tok, *save = NULL;

	str_copy(buf, sizeof(buf), value);
	c->nlangs = 0;
	for (tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		if (strlen(tok) != 2 || !islower((unsigned char)tok[0]) ||
		    !islower((unsigned char)tok[1])) {
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' is geen "
				 "taalcode: gebruik twee kleine letters, zoals "
				 "nl of en",
				 tok);
			continue;
		}
		if (lang_index(c, tok) >= 0)
			continue;
		if (c->nlangs == CONTENT_LANG_MAX) {
			diag_add(F->L, 0, F->rel, F->line,
				 "te veel talen "
				 "(hoogstens %d)",
				 CONTENT_LANG_MAX);
			break;
		}
		str_copy(c->langs[c->nlangs++], sizeof(c->langs[0]), tok);
	}
	if (c->nlangs == 0 || strcmp(c->langs[0], "nl") != 0) {
		diag_add(F->L, 0, F->rel, F->line,
			 "de eerste taal moet nl "
			 "(Nederlands) zijn");
		c->nlangs = 1;
		str_copy(c->langs[0], sizeof(c->langs[0]), "nl");
	}
}

static void parse_tiles(struct ini_file *F, struct kiosk_ini *k,
			const char *value)
{
	char buf[1024], *tok, *save = NULL;

	str_copy(buf, sizeof(buf), value);
	for (tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		const char *p;
		int i, dup = 0;

		for (p = tok; *p; p++)
			if (!(islower((unsigned char)*p) ||
			      isdigit((unsigned char)*p) || *p == '-' ||
			      *p == '_'))
				break;
		if (*p || strlen(tok) >= sizeof(k->tiles[0])) {
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' is geen goede "
				 "naam voor een tegel: gebruik kleine letters, "
				 "cijfers en -",
				 tok);
			continue;
		}
		for (i = 0; i < k->ntiles; i++)
			dup |= strcmp(k->tiles[i], tok) == 0;
		if (dup) {
			diag_add(F->L, 0, F->rel, F->line,
				 "tegel '%s' staat "
				 "twee keer in tiles",
				 tok);
			continue;
		}
		if (k->ntiles == CONTENT_TILE_MAX) {
			diag_add(F->L, 0, F->rel, F->line,
				 "te veel tegels "
				 "(hoogstens %d)",
				 CONTENT_TILE_MAX);
			break;
		}
		str_copy(k->tiles[k->ntiles++], sizeof(k->tiles[0]), tok);
	}
}

static int kiosk_key(struct ini_file *F, const char *section, const char *name,
		     const char *value, int append)
{
	struct content *c = F->L->c;
	struct kiosk_ini *k = F->user;
	char *end;
	long v;

	if (strcmp(section, "kiosk") == 0) {
		if (strcmp(name, "format") == 0) {
			v = strtol(value, &end, 10);
			if (end == value || *end || v < 1)
				diag_add(F->L, 0, F->rel, F->line,
					 "format moet "
					 "een getal zijn, zoals 1");
			else
				k->format = (int)v;
		} else if (strcmp(name, "name") == 0) {
			set_plain(F, &c->name, name, value, append);
			k->saw_name = 1;
		} else if (strcmp(name, "languages") == 0) {
			parse_langs(F, value);
		} else if (strcmp(name, "idle_seconds") == 0) {
			v = strtol(value, &end, 10);
			if (end == value || *end || v < 30 || v > 3600)
				diag_add(F->L, 0, F->rel, F->line,
					 "idle_seconds "
					 "moet een getal van 30 tot 3600 zijn, "
					 "niet '%s'",
					 value);
			else
				c->idle_seconds = (int)v;
		} else if (strcmp(name, "logo") == 0) {
			free(c->logo);
			c->logo = check_file(F->L, c->dir, "", value, F->rel,
					     F->line, 0);
		} else if (strcmp(name, "color") == 0) {
			struct color white = { 255, 255, 255, 255 };
			double ratio;

			if (color_parse(value, &c->color) < 0) {
				diag_add(
					F->L, 0, F->rel, F->line,
					"'%s' is geen "
					"kleur: schrijf # en zes tekens, zoals "
					"#0B4F54",
					value);
			} else if ((ratio = color_contrast(c->color, white)) <
				   4.5) {
				diag_add(F->L, 0, F->rel, F->line,
					 "kleur %s "
					 "geeft te weinig contrast met witte "
					 "letters (%.1f:1, nodig is 4.5:1): "
					 "kies "
					 "een donkerdere kleur",
					 value, ratio);
			} else {
				c->has_color = 1;
			}
		} else if (is_key(name, "contact")) {
			const char *dot = strchr(name, '.');
			int i = k->ncontact;

			if (append && i > 0) {
				value_set(&k->contact_raw[i - 1], value, 1,
					  F->cont_nospace);
			} else if (i < (int)ARRAY_LEN(k->contact_raw)) {
				str_copy(k->contact_code[i],
					 sizeof(k->contact_code[i]),
					 dot ? dot + 1 : "nl");
				k->contact_raw[i] = str_dup(value);
				k->ncontact++;
			}
		} else {
			unknown_key(F, section, name);
		}
	} else if (strcmp(section, "printer") == 0) {
		if (strcmp(name, "device") == 0) {
			set_plain(F, &c->printer_device, name, value, append);
		} else if (strcmp(name, "paper_mm") == 0) {
			v = strtol(value, &end, 10);
			if (end == value || *end || v < 40 || v > 300)
				diag_add(F->L, 0, F->rel, F->line,
					 "paper_mm moet "
					 "de breedte van het papier in mm zijn "
					 "(40 tot 300), niet '%s'",
					 value);
			else
				c->printer_paper_mm = (int)v;
		} else {
			unknown_key(F, section, name);
		}
	} else if (strcmp(section, "home") == 0) {
		if (strcmp(name, "tiles") == 0)
			parse_tiles(F, k, value);
		else
			unknown_key(F, section, name);
	} else {
		diag_add(F->L, 0, F->rel, F->line,
			 "onbekend kopje [%s]: "
			 "kiosk.ini kent [kiosk], [printer] en [home]",
			 section);
	}
	return 1;
}

/* ---- Markdown ---- */

struct md_state {
	struct loader *L;
	const char *tile_id, *rel, *buf;
	struct doc *doc;
	struct block *cur;
	size_t text_cap;
	int cap_runs, cap_blocks;
	int bold, in_title, saw_title, in_image;
	char unsupported[32];
};

static struct block *block_start(struct md_state *m, enum block_kind kind)
{
	struct doc *d = m->doc;

	if (d->nblocks == m->cap_blocks) {
		m->cap_blocks = m->cap_blocks ? 2 * m->cap_blocks : 16;
		d->blocks = xrealloc(d->blocks, (size_t)m->cap_blocks *
							sizeof(*d->blocks));
	}
	m->cur = &d->blocks[d->nblocks++];
	memset(m->cur, 0, sizeof(*m->cur));
	m->cur->kind = kind;
	m->text_cap = 0;
	m->cap_runs = 0;
	return m->cur;
}

static void block_free(struct block *b)
{
	free(b->text);
	free(b->runs);
	free(b->image);
}

/* Runs hold offsets while the text grows; turned into pointers here. */
static void block_finish(struct md_state *m)
{
	struct block *b = m->cur;
	size_t total = 0;
	int i;

	if (!b)
		return;
	for (i = 0; i < b->nruns; i++) {
		b->runs[i].s = b->text + (size_t)(uintptr_t)b->runs[i].s;
		total += b->runs[i].n;
	}
	if (total == 0 && b->kind != BLOCK_IMAGE) {
		block_free(b);
		m->doc->nblocks--;
	}
	m->cur = NULL;
}

/* Line number (from 1) of byte offset `off` in buf. */
static int line_at(const char *buf, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += buf[i] == '\n';
	return line;
}

/* Line of the first place needle stands in buf, or 0. */
static int line_of(const char *buf, const char *needle)
{
	const char *at = needle ? strstr(buf, needle) : NULL;

	return at ? line_at(buf, (size_t)(at - buf)) : 0;
}

/* Reads a text file staff wrote, whole: checks it is UTF-8 (reporting the
 * first bad line) and drops the byte-order mark Notepad may put in front.
 * Returns NULL with *missing set when it cannot be read at all, or NULL
 * after a report when it is not UTF-8. Caller frees. */
static char *text_file_read(struct loader *L, const char *path, const char *rel,
			    size_t *len, int *missing)
{
	struct err fe;
	size_t bad;
	char *buf = file_read(path, TEXT_FILE_MAX, len, &fe);

	*missing = !buf;
	if (!buf)
		return NULL;
	if (!utf8_valid(buf, *len, &bad)) {
		diag_add(L, 0, rel, line_at(buf, bad),
			 "deze regel bevat tekens die geen UTF-8 zijn: sla "
			 "het bestand op als UTF-8");
		free(buf);
		return NULL;
	}
	if (*len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buf, buf + 3, *len - 2);
		*len -= 3;
	}
	return buf;
}

static int md_enter_block(MD_BLOCKTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	switch (type) {
	case MD_BLOCK_H: {
		unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;

		block_finish(m);
		if (level == 1 && !m->saw_title) {
			m->in_title = m->saw_title = 1;
			return 0;
		}
		block_start(m, level <= 1 ? BLOCK_H1 : BLOCK_H2);
		return 0;
	}
	case MD_BLOCK_P:
		if (!m->cur)
			block_start(m, BLOCK_P);
		return 0;
	case MD_BLOCK_LI:
		block_finish(m);
		block_start(m, BLOCK_LI);
		return 0;
	case MD_BLOCK_CODE:
		str_copy(m->unsupported, sizeof(m->unsupported), "code");
		return 0;
	case MD_BLOCK_TABLE:
		str_copy(m->unsupported, sizeof(m->unsupported), "tabel");
		return 0;
	case MD_BLOCK_HTML:
		str_copy(m->unsupported, sizeof(m->unsupported), "HTML");
		return 0;
	default:
		return 0;
	}
}

static int md_leave_block(MD_BLOCKTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	(void)detail;
	if (type == MD_BLOCK_H && m->in_title) {
		m->in_title = 0;
		return 0;
	}
	if (type == MD_BLOCK_H || type == MD_BLOCK_LI || type == MD_BLOCK_P)
		block_finish(m);
	return 0;
}

static void add_text(struct md_state *m, const char *s, size_t n)
{
	struct block *b;
	size_t len = 0;

	if (!m->cur)
		block_start(m, BLOCK_P);
	b = m->cur;
	if (b->nruns > 0)
		len = (size_t)(uintptr_t)b->runs[b->nruns - 1].s +
		      b->runs[b->nruns - 1].n;
	if (len + n + 1 > m->text_cap) {
		m->text_cap = (len + n + 1) * 2;
		b->text = xrealloc(b->text, m->text_cap);
	}
	memcpy(b->text + len, s, n);
	b->text[len + n] = '\0';
	if (b->nruns > 0 && b->runs[b->nruns - 1].bold == (m->bold > 0)) {
		b->runs[b->nruns - 1].n += n;
		return;
	}
	if (b->nruns == m->cap_runs) {
		m->cap_runs = m->cap_runs ? 2 * m->cap_runs : 4;
		b->runs = xrealloc(b->runs,
				   (size_t)m->cap_runs * sizeof(*b->runs));
	}
	b->runs[b->nruns++] = (struct text_run){ (const char *)(uintptr_t)len,
						 n, m->bold > 0 };
}

static int md_enter_span(MD_SPANTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	if (type == MD_SPAN_STRONG || type == MD_SPAN_EM) {
		m->bold++;
	} else if (type == MD_SPAN_IMG) {
		MD_SPAN_IMG_DETAIL *d = detail;
		char name[256];
		struct block *b;

		snprintf(name, sizeof(name), "%.*s", (int)d->src.size,
			 d->src.text);
		block_finish(m);
		b = block_start(m, BLOCK_IMAGE);
		b->image = check_file(m->L, m->L->c->dir, m->tile_id, name,
				      m->rel, line_of(m->buf, name), 0);
		m->in_image = 1;
	}
	return 0;
}

static int md_leave_span(MD_SPANTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	(void)detail;
	if ((type == MD_SPAN_STRONG || type == MD_SPAN_EM) && m->bold > 0) {
		m->bold--;
	} else if (type == MD_SPAN_IMG) {
		struct block *b = m->cur;

		m->in_image = 0;
		if (b && b->kind == BLOCK_IMAGE && !b->image) {
			/* the file was missing: drop the block, the problem
			 * is in the report */
			block_free(b);
			m->doc->nblocks--;
			m->cur = NULL;
		} else {
			block_finish(m);
		}
	}
	return 0;
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user)
{
	struct md_state *m = user;

	if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
		s = " ";
		n = 1;
	}
	if (m->in_title) {
		size_t old = m->doc->title ? strlen(m->doc->title) : 0;

		m->doc->title = xrealloc(m->doc->title, old + n + 1);
		memcpy(m->doc->title + old, s, n);
		m->doc->title[old + n] = '\0';
		return 0;
	}
	add_text(m, s, n);
	return 0;
}

static void doc_release(struct doc *d)
{
	int i;

	for (i = 0; i < d->nblocks; i++)
		block_free(&d->blocks[i]);
	free(d->blocks);
	free(d->title);
	memset(d, 0, sizeof(*d));
}

/* Line of the first line that starts with one of the prefixes. */
static int first_line_starting(const char *buf, const char *const *prefixes,
			       int n)
{
	int line = 1, i;
	const char *p = buf;

	while (*p) {
		for (i = 0; i < n; i++)
			if (str_starts(p, prefixes[i]))
				return line;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
		line++;
	}
	return 0;
}

static int doc_load(struct loader *L, struct doc *d, const char *tile_id,
		    const char *path, const char *rel)
{
	static const MD_PARSER parser = {
		.flags = MD_FLAG_NOHTML | MD_FLAG_COLLAPSEWHITESPACE |
			 MD_FLAG_TABLES,
		.enter_block = md_enter_block,
		.leave_block = md_leave_block,
		.enter_span = md_enter_span,
		.leave_span = md_leave_span,
		.text = md_text,
	};
	struct md_state m = {
		.L = L, .tile_id = tile_id, .rel = rel, .doc = d
	};
	size_t len;
	int missing, errors = L->r->errors;
	char *buf;

	memset(d, 0, sizeof(*d));
	buf = text_file_read(L, path, rel, &len, &missing);
	if (!buf) {
		if (missing)
			diag_add(L, 0, rel, 0,
				 "kan het bestand niet lezen (te "
				 "groot of geen toegang)");
		return -1;
	}
	m.buf = buf;
	md_parse(buf, (MD_SIZE)len, &parser, &m);
	block_finish(&m);
	if (m.unsupported[0]) {
		static const char *const code[] = { "```", "~~~", "    ",
						    "\t" };
		static const char *const table[] = { "|" };
		int line = m.unsupported[0] == 'c'
				   ? first_line_starting(buf, code, 4)
			   : m.unsupported[0] == 't'
				   ? first_line_starting(buf, table, 1)
				   : 0;

		diag_add(L, 0, rel, line,
			 "de kiosk kan geen %s tonen: gebruik "
			 "kopjes, gewone tekst, lijstjes, vet en plaatjes",
			 m.unsupported);
	}
	if (d->title) {
		static const char *const h1[] = { "# " };

		str_trim(d->title);
		diag_add(L, 1, rel, first_line_starting(buf, h1, 1),
			 "de titel '# %s' wordt niet getoond: de titel van de "
			 "tegel staat in tile.ini",
			 d->title);
	}
	free(buf);
	if (d->nblocks == 0)
		diag_add(L, 0, rel, 0, "er staat geen tekst in dit bestand");
	return L->r->errors > errors ? -1 : 0;
}

/* ---- tiles ---- */

struct tile_ctx {
	struct tile *t;
	const char *dir;
	int saw_kind;
	/* the item being read in a list file (flyers, partners, news) */
	int item;
	char section[128];
};

static const char *const kind_names[] = { "page",   "werkwijze", "steps",
					  "flyers", "partners",	 "news" };

static int tile_key(struct ini_file *F, const char *section, const char *name,
		    const char *value, int append)
{
	struct tile_ctx *tc = F->user;
	struct tile *t = tc->t;
	size_t i;

	if (strcmp(section, "tile") != 0) {
		diag_add(F->L, 0, F->rel, F->line,
			 "onbekend kopje [%s]: "
			 "tile.ini kent alleen [tile]",
			 section);
		return 1;
	}
	if (strcmp(name, "kind") == 0) {
		for (i = 0; i < ARRAY_LEN(kind_names); i++)
			if (strcmp(value, kind_names[i]) == 0)
				break;
		if (i == ARRAY_LEN(kind_names)) {
			diag_add(F->L, 0, F->rel, F->line,
				 "onbekende soort "
				 "'%s': kies page, werkwijze, steps, flyers, "
				 "partners of news",
				 value);
			return 1;
		}
		t->kind = (enum tile_kind)i;
		tc->saw_kind = 1;
	} else if (is_key(name, "title")) {
		set_text(F, &t->title, name, value, append);
	} else if (strcmp(name, "icon") == 0) {
		free(t->icon);
		t->icon = check_file(F->L, tc->dir, t->id, value, F->rel,
				     F->line, 0);
	} else if (!set_when(F, &t->when, name, value)) {
		unknown_key(F, section, name);
	}
	return 1;
}

static void warn_missing_translations(struct loader *L, const struct text *t,
				      const char *key, const char *rel)
{
	int l;

	for (l = 1; l < L->c->nlangs; l++)
		if (t->s[0] && !t->s[l])
			diag_add(L, 1, rel, 0,
				 "%s.%s ontbreekt: de kiosk toont "
				 "daar de Nederlandse tekst",
				 key, L->c->langs[l]);
}

/* Finds or opens the item a [section] of a list file is about. */
static int item_for(struct ini_file *F, struct tile_ctx *tc,
		    const char *section)
{
	struct tile *t = tc->t;
	int i;

	switch (t->kind) {
	case TILE_FLYERS:
		for (i = 0; i < t->nflyers; i++)
			if (strcmp(t->flyers[i].name, section) == 0)
				return i;
		t->flyers = xrealloc(t->flyers, (size_t)(t->nflyers + 1) *
							sizeof(*t->flyers));
		memset(&t->flyers[t->nflyers], 0, sizeof(*t->flyers));
		t->flyers[t->nflyers].name = str_dup(section);
		t->flyers[t->nflyers].is_pdf = ends_with(section, ".pdf");
		t->flyers[t->nflyers].file = check_file(
			F->L, tc->dir, t->id, section, F->rel, F->line, 1);
		return t->nflyers++;
	case TILE_PARTNERS:
		for (i = 0; i < t->npartners; i++)
			if (strcmp(t->partners[i].name, section) == 0)
				return i;
		t->partners =
			xrealloc(t->partners, (size_t)(t->npartners + 1) *
						      sizeof(*t->partners));
		memset(&t->partners[t->npartners], 0, sizeof(*t->partners));
		t->partners[t->npartners].name = str_dup(section);
		return t->npartners++;
	case TILE_NEWS:
		t->news = xrealloc(t->news,
				   (size_t)(t->nnews + 1) * sizeof(*t->news));
		memset(&t->news[t->nnews], 0, sizeof(*t->news));
		return t->nnews++;
	default:
		return -1;
	}
}

static int list_key(struct ini_file *F, const char *section, const char *name,
		    const char *value, int append)
{
	struct tile_ctx *tc = F->user;
	struct tile *t = tc->t;

	if (tc->item < 0 || strcmp(section, tc->section) != 0) {
		str_copy(tc->section, sizeof(tc->section), section);
		tc->item = item_for(F, tc, section);
	}
	if (tc->item < 0)
		return 1;
	if (t->kind == TILE_FLYERS) {
		struct flyer *fl = &t->flyers[tc->item];

		if (is_key(name, "title"))
			set_text(F, &fl->title, name, value, append);
		else if (strcmp(name, "url") == 0)
			set_plain(F, &fl->url, name, value, append);
		else if (!set_when(F, &fl->when, name, value))
			unknown_key(F, section, name);
	} else if (t->kind == TILE_PARTNERS) {
		struct partner *pa = &t->partners[tc->item];

		if (is_key(name, "line"))
			set_text(F, &pa->line, name, value, append);
		else if (strcmp(name, "contact") == 0)
			set_plain(F, &pa->contact, name, value, append);
		else if (strcmp(name, "logo") == 0) {
			free(pa->logo);
			pa->logo = check_file(F->L, tc->dir, t->id, value,
					      F->rel, F->line, 0);
		} else
			unknown_key(F, section, name);
	} else {
		struct news *nw = &t->news[tc->item];

		if (is_key(name, "title"))
			set_text(F, &nw->title, name, value, append);
		else if (is_key(name, "text"))
			set_text(F, &nw->body, name, value, append);
		else if (strcmp(name, "date") == 0)
			set_date(F, &nw->date, name, value);
		else if (strcmp(name, "video") == 0)
			set_plain(F, &nw->video, name, value, append);
		else if (strcmp(name, "url") == 0)
			set_plain(F, &nw->url, name, value, append);
		else if (!set_when(F, &nw->when, name, value))
			unknown_key(F, section, name);
	}
	return 1;
}

static int news_cmp(const void *a, const void *b)
{
	const struct news *x = a, *y = b;

	return (y->date > x->date) - (y->date < x->date);
}

static void url_check(struct loader *L, const char *url, const char *rel)
{
	if (url && !str_starts(url, "https://") && !str_starts(url, "http://"))
		diag_add(L, 0, rel, 0,
			 "'%s' is geen webadres: het moet "
			 "beginnen met https://",
			 url);
}

/* Reads the list file of a flyers, partners or news tile. */
static void tile_list_load(struct loader *L, struct tile *t)
{
	static const char *const files[] = { [TILE_FLYERS] = "folders.ini",
					     [TILE_PARTNERS] = "partners.ini",
					     [TILE_NEWS] = "nieuws.ini" };
	struct tile_ctx tc = { .t = t, .dir = L->c->dir, .item = -1 };
	char rel[160], *path;
	int i;

	snprintf(rel, sizeof(rel), "%s/%s", t->id, files[t->kind]);
	path = join_path(L->c->dir, rel);
	if (ini_read(L, path, rel, list_key, &tc) < 0) {
		diag_add(L, 0, rel, 0, "bestand ontbreekt");
		free(path);
		return;
	}
	free(path);
	if (t->kind == TILE_FLYERS) {
		for (i = 0; i < t->nflyers; i++) {
			if (!t->flyers[i].title.s[0])
				diag_add(L, 0, rel, 0, "[%s] heeft geen title",
					 t->flyers[i].name);
			warn_missing_translations(L, &t->flyers[i].title,
						  "title", rel);
			url_check(L, t->flyers[i].url, rel);
		}
		if (t->nflyers == 0)
			diag_add(L, 0, rel, 0,
				 "er staat geen enkele folder in");
	} else if (t->kind == TILE_PARTNERS) {
		for (i = 0; i < t->npartners; i++) {
			if (!t->partners[i].line.s[0])
				diag_add(L, 0, rel, 0,
					 "[%s] heeft geen line (wat "
					 "de organisatie doet)",
					 t->partners[i].name);
			warn_missing_translations(L, &t->partners[i].line,
						  "line", rel);
		}
		if (t->npartners == 0)
			diag_add(L, 0, rel, 0,
				 "er staat geen enkele organisatie in");
	} else {
		for (i = 0; i < t->nnews; i++) {
			struct news *n = &t->news[i];

			if (!n->title.s[0] || !n->body.s[0] || !n->date)
				diag_add(
					L, 0, rel, 0,
					"bericht %d heeft niet "
					"alles: title, text en date zijn nodig",
					i + 1);
			warn_missing_translations(L, &n->title, "title", rel);
			warn_missing_translations(L, &n->body, "text", rel);
			url_check(L, n->video, rel);
			url_check(L, n->url, rel);
		}
		if (t->nnews == 0)
			diag_add(L, 0, rel, 0,
				 "er staat geen enkel bericht in");
		qsort(t->news, (size_t)t->nnews, sizeof(*t->news), news_cmp);
	}
}

/* Warns about files in a flyers folder that folders.ini does not name. */
static void flyers_unlisted(struct loader *L, const struct tile *t)
{
	char *dir = join_path(L->c->dir, t->id);
	DIR *dh = opendir(dir);
	struct dirent *d;
	int i, listed;

	free(dir);
	if (!dh)
		return;
	while ((d = readdir(dh))) {
		if (!(ends_with(d->d_name, ".pdf") ||
		      ends_with(d->d_name, ".png") ||
		      ends_with(d->d_name, ".jpg") ||
		      ends_with(d->d_name, ".jpeg")))
			continue;
		listed = 0;
		for (i = 0; i < t->nflyers; i++)
			listed |= strcmp(t->flyers[i].name, d->d_name) == 0;
		if (t->icon && ends_with(t->icon, d->d_name))
			listed = 1;
		if (!listed) {
			char rel[300];

			snprintf(rel, sizeof(rel), "%s/%s", t->id, d->d_name);
			diag_add(L, 1, rel, 0,
				 "staat niet in folders.ini en "
				 "wordt dus niet getoond");
		}
	}
	closedir(dh);
}

static void tile_load(struct loader *L, struct tile *t)
{
	struct content *c = L->c;
	struct tile_ctx tc = { .t = t, .dir = c->dir, .item = -1 };
	char rel[160], *path, *tdir = join_path(c->dir, t->id);
	int l;

	if (!path_is_dir(tdir)) {
		diag_add(L, 0, "kiosk.ini", 0,
			 "tegel '%s' staat in tiles, maar "
			 "de map '%s' bestaat niet",
			 t->id, t->id);
		free(tdir);
		return;
	}
	snprintf(rel, sizeof(rel), "%s/tile.ini", t->id);
	path = join_path(c->dir, rel);
	if (ini_read(L, path, rel, tile_key, &tc) < 0)
		diag_add(L, 0, rel, 0,
			 "bestand ontbreekt: elke tegel heeft een "
			 "tile.ini met kind en title");
	free(path);
	if (!tc.saw_kind || !t->title.s[0]) {
		diag_add(L, 0, rel, 0, "kind en title zijn nodig");
		free(tdir);
		return;
	}
	warn_missing_translations(L, &t->title, "title", rel);
	if (t->when.from && t->when.until && t->when.from > t->when.until)
		diag_add(L, 0, rel, 0,
			 "show_from ligt na show_until: de tegel "
			 "is nooit te zien");
	switch (t->kind) {
	case TILE_PAGE:
	case TILE_WERKWIJZE:
	case TILE_STEPS:
		for (l = 0; l < c->nlangs; l++) {
			char mrel[160];

			snprintf(mrel, sizeof(mrel), "%s/%s.md", t->id,
				 c->langs[l]);
			path = join_path(c->dir, mrel);
			if (access(path, F_OK) != 0) {
				if (l == 0)
					diag_add(L, 0, mrel, 0,
						 "bestand ontbreekt");
				else
					diag_add(
						L, 1, mrel, 0,
						"vertaling ontbreekt: "
						"de kiosk toont de Nederlandse "
						"tekst");
			} else {
				doc_load(L, &t->doc[l], t->id, path, mrel);
			}
			free(path);
		}
		if (t->kind != TILE_PAGE && t->doc[0].nblocks > 0 &&
		    t->doc[0].blocks[0].kind != BLOCK_H2) {
			int i, cards = 0;

			for (i = 0; i < t->doc[0].nblocks; i++)
				cards += t->doc[0].blocks[i].kind == BLOCK_H2;
			if (cards == 0) {
				char mrel[160];

				snprintf(mrel, sizeof(mrel), "%s/%s.md", t->id,
					 c->langs[0]);
				diag_add(L, 0, mrel, 0,
					 "begin elke %s met een "
					 "kopje '## '",
					 t->kind == TILE_STEPS ? "stap"
							       : "kaart");
			}
		}
		break;
	case TILE_FLYERS:
		tile_list_load(L, t);
		flyers_unlisted(L, t);
		break;
	case TILE_PARTNERS:
	case TILE_NEWS:
		tile_list_load(L, t);
		break;
	}
	free(tdir);
}

static void tile_release(struct tile *t)
{
	int i;

	text_release(&t->title);
	free(t->icon);
	for (i = 0; i < CONTENT_LANG_MAX; i++)
		doc_release(&t->doc[i]);
	for (i = 0; i < t->nflyers; i++) {
		free(t->flyers[i].file);
		free(t->flyers[i].name);
		free(t->flyers[i].url);
		text_release(&t->flyers[i].title);
	}
	free(t->flyers);
	for (i = 0; i < t->npartners; i++) {
		free(t->partners[i].name);
		free(t->partners[i].contact);
		free(t->partners[i].logo);
		text_release(&t->partners[i].line);
	}
	free(t->partners);
	for (i = 0; i < t->nnews; i++) {
		text_release(&t->news[i].title);
		text_release(&t->news[i].body);
		free(t->news[i].video);
		free(t->news[i].url);
	}
	free(t->news);
}

const struct doc *tile_doc(const struct tile *t, int lang)
{
	if (lang > 0 && lang < CONTENT_LANG_MAX && t->doc[lang].nblocks)
		return &t->doc[lang];
	return &t->doc[0];
}

/* ---- attract lines ---- */

static void highlights_load(struct loader *L, int lang)
{
	struct content *c = L->c;
	char rel[64], *path, *buf, *line, *save = NULL;
	size_t len;
	int cap = 0, missing;

	snprintf(rel, sizeof(rel), "attract.%s.txt", c->langs[lang]);
	path = join_path(c->dir, rel);
	buf = text_file_read(L, path, rel, &len, &missing);
	free(path);
	if (!buf && !missing)
		return; /* not UTF-8: reported */
	if (!buf) {
		diag_add(L, lang > 0, rel, 0,
			 lang == 0 ? "bestand ontbreekt: zet er een of meer "
				     "korte zinnen "
				     "in, een per regel"
				   : "vertaling ontbreekt: de kiosk toont de "
				     "Nederlandse "
				     "zinnen");
		return;
	}
	for (line = buf; line; line = save) {
		char *t;

		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		t = str_trim(line);
		if (!*t || *t == '#')
			continue;
		if (c->nhighlights[lang] == cap) {
			cap = cap ? 2 * cap : 8;
			c->highlights[lang] =
				xrealloc(c->highlights[lang],
					 (size_t)cap * sizeof(char *));
		}
		c->highlights[lang][c->nhighlights[lang]++] = str_dup(t);
	}
	free(buf);
	if (lang == 0 && c->nhighlights[0] == 0)
		diag_add(L, 0, rel, 0, "er staat geen enkele zin in");
}

int content_highlights(const struct content *c, int lang, char ***out)
{
	if (lang <= 0 || lang >= c->nlangs || c->nhighlights[lang] == 0)
		lang = 0;
	*out = c->highlights[lang];
	return c->nhighlights[lang];
}

/* ---- the pack ---- */

struct content *content_load(const char *dir, enum content_depth depth,
			     content_probe_fn probe, void *probe_ctx,
			     struct content_report *report, struct err *e)
{
	struct loader L = { .depth = depth,
			    .probe = probe,
			    .probe_ctx = probe_ctx };
	struct kiosk_ini k = { 0 };
	struct content *c;
	char *path;
	int i, l;

	L.r = report ? report : &L.own;
	if (!path_is_dir(dir)) {
		diag_add(&L, 0, dir, 0, "deze map bestaat niet");
		goto out;
	}
	c = xcalloc(1, sizeof(*c));
	L.c = c;
	c->dir = str_dup(dir);
	c->idle_seconds = 90;
	c->nlangs = 1;
	str_copy(c->langs[0], sizeof(c->langs[0]), "nl");
	path = join_path(dir, "kiosk.ini");
	if (ini_read(&L, path, "kiosk.ini", kiosk_key, &k) < 0) {
		diag_add(&L, 0, "kiosk.ini", 0,
			 "bestand ontbreekt: zonder "
			 "kiosk.ini is de map geen inhoudspakket");
		free(path);
		goto done;
	}
	free(path);
	if (k.format > CONTENT_FORMAT) {
		diag_add(&L, 0, "kiosk.ini", 0,
			 "dit pakket heeft format %d; "
			 "deze kiosk kent alleen format %d: werk de kiosk bij",
			 k.format, CONTENT_FORMAT);
		goto done;
	}
	if (!k.format)
		diag_add(&L, 0, "kiosk.ini", 0,
			 "'format = 1' ontbreekt in [kiosk]");
	if (!c->name || !*c->name)
		diag_add(&L, 0, "kiosk.ini", 0,
			 "'name = ...' ontbreekt in [kiosk]");
	for (i = 0; i < k.ncontact; i++) {
		int idx = lang_index(c, k.contact_code[i]);

		if (idx < 0) {
			diag_add(&L, 1, "kiosk.ini", 0,
				 "contact.%s: taal staat "
				 "niet bij languages",
				 k.contact_code[i]);
			continue;
		}
		free(c->contact.s[idx]);
		c->contact.s[idx] = k.contact_raw[i];
		k.contact_raw[i] = NULL;
	}
	if (k.ntiles == 0)
		diag_add(&L, 0, "kiosk.ini", 0,
			 "'tiles = ...' ontbreekt in [home]: "
			 "noem de tegels van het beginscherm");
	for (l = 0; l < c->nlangs; l++)
		highlights_load(&L, l);
	c->tiles =
		xcalloc((size_t)(k.ntiles ? k.ntiles : 1), sizeof(*c->tiles));
	for (i = 0; i < k.ntiles; i++) {
		struct tile *t = &c->tiles[c->ntiles++];

		str_copy(t->id, sizeof(t->id), k.tiles[i]);
		tile_load(&L, t);
	}
done:
	for (i = 0; i < k.ncontact; i++)
		free(k.contact_raw[i]);
	if (L.r->errors == 0) {
		if (!report)
			content_report_release(&L.own);
		return c;
	}
	content_free(c);
out:
	for (i = 0; i < L.r->n; i++) {
		if (!L.r->items[i].warning) {
			char line[700];

			content_diag_format(&L.r->items[i], line, sizeof(line));
			err_set(e, "%s", line);
			break;
		}
	}
	if (!report)
		content_report_release(&L.own);
	return NULL;
}

void content_free(struct content *c)
{
	int i, l;

	if (!c)
		return;
	for (i = 0; i < c->ntiles; i++)
		tile_release(&c->tiles[i]);
	free(c->tiles);
	for (l = 0; l < CONTENT_LANG_MAX; l++) {
		for (i = 0; i < c->nhighlights[l]; i++)
			free(c->highlights[l][i]);
		free(c->highlights[l]);
	}
	text_release(&c->contact);
	free(c->printer_device);
	free(c->logo);
	free(c->name);
	free(c->dir);
	free(c);
}
