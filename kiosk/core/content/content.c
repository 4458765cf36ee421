/*
 * content: loading a pack. This file drives the load (kiosk.ini, the
 * attract lines, then each tile), owns the line reader for text files that
 * are shown as written, and frees what was loaded. The other files of this
 * folder do the parts: packfile (opening files safely), schema (settings
 * files by table), tiles (the kinds of tile), markdown (pages), files
 * (pictures and PDFs), diag (the report).
 */
#include "core/content/content.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/content/schema.h"

/* ---- small helpers ---- */

const char *text_get(const struct text *t, int lang)
{
	if (lang > 0 && lang < CONTENT_LANG_MAX && t->s[lang])
		return t->s[lang];
	return t->s[0] ? t->s[0] : "";
}

void text_release(struct text *t)
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

int lang_index(const struct content *c, const char *code)
{
	int i;

	for (i = 0; i < c->nlangs; i++)
		if (strcmp(c->langs[i], code) == 0)
			return i;
	return -1;
}

int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

int text_line_at(const char *buf, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += buf[i] == '\n';
	return line;
}

/* ---- the line reader for text shown as written ---- */

char *text_file_read(struct loader *L, const char *rel, size_t *len,
		     int *missing)
{
	size_t bad;
	char *buf = pack_read(&L->pack, rel, TEXT_FILE_MAX, len), *nul;

	*missing = 0;
	if (!buf) {
		if (errno == ENOENT || errno == ENOTDIR)
			*missing = 1;
		else
			diag_open_failed(L, errno, rel, rel, 0,
					 "bestand ontbreekt");
		return NULL;
	}
	nul = memchr(buf, '\0', *len);
	if (nul) {
		diag_add(L, 0, rel, text_line_at(buf, (size_t)(nul - buf)),
			 "op deze regel staat een onzichtbaar nul-teken (NUL): "
			 "haal het weg, of sla het bestand opnieuw op als "
			 "UTF-8");
		free(buf);
		return NULL;
	}
	if (!utf8_valid(buf, *len, &bad)) {
		diag_add(L, 0, rel, text_line_at(buf, bad),
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

static void parse_langs(struct schema_file *F, const char *value)
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

static void parse_tiles(struct schema_file *F, struct kiosk_ini *k,
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

static void set_format(struct schema_file *F, void *rec, const char *key,
		       const char *value)
{
	struct kiosk_ini *k = F->user;
	char *end;
	long v = strtol(value, &end, 10);

	(void)rec;
	(void)key;
	if (end == value || *end || v < 1)
		diag_add(F->L, 0, F->rel, F->line,
			 "format moet een getal zijn, zoals 1");
	else
		k->format = (int)v;
}

static void set_langs(struct schema_file *F, void *rec, const char *key,
		      const char *value)
{
	(void)rec;
	(void)key;
	parse_langs(F, value);
}

static void set_tiles(struct schema_file *F, void *rec, const char *key,
		      const char *value)
{
	(void)rec;
	(void)key;
	parse_tiles(F, F->user, value);
}

static void set_color(struct schema_file *F, void *rec, const char *key,
		      const char *value)
{
	struct content *c = rec;
	struct color white = { 255, 255, 255, 255 };
	double ratio;

	(void)key;
	if (color_parse(value, &c->color) < 0)
		diag_add(F->L, 0, F->rel, F->line,
			 "'%s' is geen kleur: schrijf # en zes tekens, zoals "
			 "#0B4F54",
			 value);
	else if ((ratio = color_contrast(c->color, white)) < 4.5)
		diag_add(F->L, 0, F->rel, F->line,
			 "kleur %s geeft te weinig contrast met witte letters "
			 "(%.1f:1, nodig is 4.5:1): kies een donkerdere kleur",
			 value, ratio);
	else
		c->has_color = 1;
}

/* contact translations may come before `languages` is read */
static void set_contact(struct schema_file *F, void *rec, const char *key,
			const char *value)
{
	struct kiosk_ini *k = F->user;
	const char *dot = strchr(key, '.');
	int i = k->ncontact;

	(void)rec;
	if (i == (int)ARRAY_LEN(k->contact_raw))
		return;
	str_copy(k->contact_code[i], sizeof(k->contact_code[i]),
		 dot ? dot + 1 : "nl");
	k->contact_raw[i] = str_dup(value);
	k->ncontact++;
}

#define IN_CONTENT(f) offsetof(struct content, f)

static const struct field kiosk_fields[] = {
	FIELD_ROW("kiosk", "format", FIELD_CALL, 1,
		  .need = "schrijf format = 1", .call = set_format),
	FIELD_ROW("kiosk", "name", FIELD_TEXT, 1, .offset = IN_CONTENT(name)),
	FIELD_ROW("kiosk", "languages", FIELD_CALL, 0, .call = set_langs),
	FIELD_ROW("kiosk", "idle_seconds", FIELD_INT, 0,
		  .offset = IN_CONTENT(idle_seconds), .min = 30, .max = 3600,
		  .need = "een getal van 30 tot 3600"),
	FIELD_ROW("kiosk", "logo", FIELD_IMAGE, 0, .offset = IN_CONTENT(logo)),
	FIELD_ROW("kiosk", "color", FIELD_CALL, 0, .call = set_color),
	FIELD_ROW("kiosk", "contact", FIELD_CALL, 0, .call = set_contact,
		  .translated = 1),
	FIELD_ROW("printer", "paper_mm", FIELD_INT, 0,
		  .offset = IN_CONTENT(printer_paper_mm), .min = 40, .max = 300,
		  .need = "de breedte van het papier in mm (40 tot 300)"),
	FIELD_ROW("printer", "device", FIELD_ABSENT, 0,
		  .need = "device hoort niet meer in het pakket: een pakket "
			  "is voor alle kiosken, de printer hoort bij een "
			  "kiosk. Zet 'device = ...' onder [printer] in "
			  "settings.ini in de gegevensmap van die kiosk, en "
			  "haal de regel hier weg"),
	FIELD_ROW("home", "tiles", FIELD_CALL, 1,
		  .need = "noem de tegels van het beginscherm",
		  .call = set_tiles),
};

static const struct schema kiosk_schema = { kiosk_fields,
					    (int)ARRAY_LEN(kiosk_fields), NULL,
					    "[kiosk], [printer] en [home]" };

/* ---- attract lines ---- */

static void highlights_load(struct loader *L, int lang)
{
	struct content *c = L->c;
	char rel[64], *buf, *line, *save = NULL;
	size_t len;
	int cap = 0, missing;

	snprintf(rel, sizeof(rel), "attract.%s.txt", c->langs[lang]);
	buf = text_file_read(L, rel, &len, &missing);
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

static void report_link(void *ctx, const char *rel)
{
	diag_add(ctx, 0, rel, 0,
		 "is een snelkoppeling: vervang de snelkoppeling door het "
		 "bestand zelf");
}

struct content *content_load(const char *dir, enum content_depth depth,
			     content_probe_fn probe, void *probe_ctx,
			     struct content_report *report, struct err *e)
{
	struct loader L = { .depth = depth,
			    .probe = probe,
			    .probe_ctx = probe_ctx };
	struct kiosk_ini k = { 0 };
	struct content *c = NULL;
	struct err pe;
	int i, l;

	L.r = report ? report : &L.own;
	L.pack.fd = -1;
	if (pack_dir_open(&L.pack, dir, &pe) < 0) {
		diag_add(&L, 0, dir, 0,
			 "deze map bestaat niet of is niet te "
			 "lezen");
		goto out;
	}
	c = xcalloc(1, sizeof(*c));
	L.c = c;
	c->dir = str_dup(dir);
	c->idle_seconds = 90;
	c->nlangs = 1;
	str_copy(c->langs[0], sizeof(c->langs[0]), "nl");
	if (depth == CONTENT_DEEP)
		pack_each_link(&L.pack, report_link, &L);
	if (schema_read(&L, &kiosk_schema, "kiosk.ini", "", c, &k) < 0) {
		diag_open_failed(&L, errno, "kiosk.ini", "kiosk.ini", 0,
				 "bestand ontbreekt: zonder kiosk.ini is de "
				 "map geen inhoudspakket");
		goto done;
	}
	if (k.format > CONTENT_FORMAT) {
		diag_add(&L, 0, "kiosk.ini", 0,
			 "dit pakket heeft format %d; "
			 "deze kiosk kent alleen format %d: werk de kiosk bij",
			 k.format, CONTENT_FORMAT);
		goto done;
	}
	if (c->name && !*c->name)
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
	pack_dir_close(&L.pack);
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
	free(c->logo);
	free(c->name);
	free(c->dir);
	free(c);
}
