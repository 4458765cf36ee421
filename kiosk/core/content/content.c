/*
 * content: loading a pack. This file drives the load (kiosk.ini, the
 * attract lines, then each tile), owns the line reader for text files that
 * are shown as written, and frees what was loaded. The other files of this
 * folder do the parts: packfile (opening files safely), schema (settings
 * files by table), tiles (the kinds of tile), markdown (pages), files
 * (pictures and PDFs), diag (the report), survey_read and survey_check
 * (surveys), dates (dates, times and opening hours).
 */
#include "core/content/content.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "core/content/schema.h"
#include "core/seal.h"

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

const char *text_not_text(const char *buf, size_t len)
{
	static const struct {
		const char *magic;
		size_t n;
		const char *what;
	} kinds[] = {
		{ "PK\x03\x04", 4,
		  "dit is geen tekstbestand maar een Word-, Excel- of "
		  "zip-bestand met een andere naam: maak het bestand in "
		  "Kladblok en sla het op als UTF-8" },
		{ "\xD0\xCF\x11\xE0", 4,
		  "dit is geen tekstbestand maar een (oud) Word- of "
		  "Excel-bestand met een andere naam: maak het bestand in "
		  "Kladblok en sla het op als UTF-8" },
		{ "%PDF", 4,
		  "dit is geen tekstbestand maar een PDF met een andere "
		  "naam: zet de tekst in Kladblok en sla hem op als UTF-8" },
		{ "{\\rtf", 5,
		  "dit is geen gewone tekst maar opgemaakte tekst (RTF, "
		  "uit WordPad of Word): maak het bestand in Kladblok en sla "
		  "het op als UTF-8" },
		{ "\xFF\xFE", 2,
		  "dit bestand is opgeslagen als UTF-16 (Unicode): sla het "
		  "in Kladblok opnieuw op, met codering UTF-8" },
		{ "\xFE\xFF", 2,
		  "dit bestand is opgeslagen als UTF-16 (Unicode): sla het "
		  "in Kladblok opnieuw op, met codering UTF-8" },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(kinds); i++)
		if (len >= kinds[i].n &&
		    memcmp(buf, kinds[i].magic, kinds[i].n) == 0)
			return kinds[i].what;
	return NULL;
}

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
	if (text_not_text(buf, *len)) {
		diag_add(L, 0, rel, 1, "%s", text_not_text(buf, *len));
		free(buf);
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
	int hours_line; /* of the first line under [openingstijden] */
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
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		const char *p;
		int i, dup = 0;

		tok = str_trim(tok);
		if (!*tok)
			continue;
		if (strpbrk(tok, " \t")) {
			char dash[64];

			str_copy(dash, sizeof(dash), tok);
			for (i = 0; dash[i]; i++)
				if (dash[i] == ' ' || dash[i] == '\t')
					dash[i] = '-';
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s': een mapnaam mag geen spatie hebben. "
				 "Geef de map een naam zonder spatie, zoals "
				 "'%s', en zet een komma tussen twee tegels",
				 tok, dash);
			continue;
		}
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
	F->L->tiles_line = F->line;
	F->L->c->tiles_line = F->line;
	parse_tiles(F, F->user, value);
}

static const char *const weekdays[7] = { "maandag",   "dinsdag", "woensdag",
					 "donderdag", "vrijdag", "zaterdag",
					 "zondag" };

/* [openingstijden]: `maandag = 9:00-17:00`, `zondag = gesloten`, and
 * `2026-12-25 = gesloten` for one date. */
static void set_hours(struct schema_file *F, void *rec, const char *key,
		      const char *value)
{
	struct content *c = rec;
	struct opening_hours *h = &c->hours;
	struct kiosk_ini *k = F->user;
	int day = -1, date = 0, open = -1, close = -1, i;
	char from[32], to[32];

	if (!c->has_hours) {
		c->has_hours = 1;
		k->hours_line = F->item_line;
		for (i = 0; i < 7; i++)
			h->open[i] = h->close[i] = -2; /* not given yet */
	}
	for (i = 0; i < 7; i++)
		if (strcasecmp(key, weekdays[i]) == 0)
			day = i;
	/* a day given, even wrongly, is not "missing" afterwards */
	if (day >= 0 && h->open[day] == -2)
		h->open[day] = h->close[day] = -3;
	if (day < 0 && date_parse(key, &date) < 0) {
		diag_add(F->L, 0, F->rel, F->line,
			 "'%s' is geen dag: schrijf maandag, dinsdag, "
			 "woensdag, donderdag, vrijdag, zaterdag of zondag, of "
			 "een datum zoals 2026-12-25",
			 key);
		return;
	}
	if (strcasecmp(value, "gesloten") != 0) {
		const char *dash = strchr(value, '-');

		if (dash && (size_t)(dash - value) < sizeof(from)) {
			snprintf(from, sizeof(from), "%.*s",
				 (int)(dash - value), value);
			str_copy(to, sizeof(to), dash + 1);
			open = time_parse(str_trim(from), 0);
			close = time_parse(str_trim(to), 1);
		}
		if (open < 0 || close < 0) {
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' bij %s is geen goede openingstijd: "
				 "schrijf bijvoorbeeld 9:00-17:00, of gesloten",
				 value, key);
			return;
		}
		if (close <= open) {
			diag_add(F->L, 0, F->rel, F->line,
				 "bij %s gaat het wijkcentrum dicht (%s) voor "
				 "het opengaat (%s)",
				 key, str_trim(to), str_trim(from));
			return;
		}
	}
	if (day >= 0) {
		if (h->open[day] != -3) {
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' staat hier twee keer", key);
			return;
		}
		h->open[day] = open;
		h->close[day] = close;
		return;
	}
	for (i = 0; i < h->nexceptions; i++)
		if (h->exceptions[i].date == date) {
			diag_add(F->L, 0, F->rel, F->line,
				 "'%s' staat hier twee keer", key);
			return;
		}
	h->exceptions = xrealloc(h->exceptions, (size_t)(h->nexceptions + 1) *
							sizeof(*h->exceptions));
	h->exceptions[h->nexceptions++] =
		(struct hours_exception){ date, open, close };
}

static int exception_cmp(const void *a, const void *b)
{
	const struct hours_exception *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

/* After kiosk.ini: days not named are closed, with a warning. */
static void hours_done(struct loader *L, struct kiosk_ini *k)
{
	struct opening_hours *h = &L->c->hours;
	int i;

	if (!L->c->has_hours)
		return;
	for (i = 0; i < 7; i++) {
		if (h->open[i] == -3)
			h->open[i] = h->close[i] = -1; /* given, but wrong */
		if (h->open[i] != -2)
			continue;
		h->open[i] = h->close[i] = -1;
		diag_add(L, 1, "kiosk.ini", k->hours_line,
			 "%s staat niet onder [openingstijden]: de kiosk zegt "
			 "dat het wijkcentrum dan dicht is. Schrijf '%s = "
			 "gesloten' als dat klopt",
			 weekdays[i], weekdays[i]);
	}
	if (h->nexceptions > 1)
		qsort(h->exceptions, (size_t)h->nexceptions,
		      sizeof(*h->exceptions), exception_cmp);
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

/* the key is checked here, so a pack with a mistyped key never reaches
 * a kiosk that would then keep sign-ups unsealed */
static void set_signup_key(struct schema_file *F, void *rec, const char *key,
			   const char *value)
{
	struct content *c = rec;
	uint8_t k[SEAL_PUBLIC_BYTES];
	struct err e;

	(void)key;
	if (seal_key_parse(k, value, &e) < 0) {
		diag_add(F->L, 0, F->rel, F->line,
			 "public_key: %s. Zet hier de regel uit staff.pub "
			 "van 'kioskctl keygen'",
			 e.msg);
		return;
	}
	free(c->signup_public_key);
	c->signup_public_key = str_dup(value);
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
	FIELD_ROW("signups", "public_key", FIELD_CALL, 0,
		  .call = set_signup_key),
	FIELD_ROW("signups", "keep_days", FIELD_INT, 0,
		  .offset = IN_CONTENT(signup_keep_days), .min = 1, .max = 365,
		  .need = "het aantal dagen dat een aanmelding bewaard "
			  "blijft (1 tot 365)"),
	FIELD_ROW("home", "tiles", FIELD_CALL, 1,
		  .need = "noem de tegels van het beginscherm",
		  .call = set_tiles),
	FIELD_ROW("openingstijden", "*", FIELD_CALL, 0, .call = set_hours),
};

static const struct schema kiosk_schema = { kiosk_fields,
					    (int)ARRAY_LEN(kiosk_fields), NULL,
					    "[kiosk], [printer], [signups], "
					    "[home] en "
					    "[openingstijden]" };

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
		diag_missing(L, lang > 0, rel, rel, 0,
			     lang == 0
				     ? "bestand ontbreekt: zet er een of meer "
				       "korte zinnen in, een per regel"
				     : "vertaling ontbreekt: de kiosk toont "
				       "de Nederlandse zinnen");
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
		int why = errno;

		diag_add(&L, 0, dir, 0, "%s",
			 why == ENOTDIR
				 ? "dit is een bestand, geen map: geef de map "
				   "van het pakket, zoals content/ussen (is "
				   "het een zip-bestand? Pak het dan eerst uit)"
			 : why == ENOENT ? "deze map bestaat niet: kijk of de "
					   "naam klopt. Staat er een spatie in "
					   "de naam? Zet de naam dan tussen "
					   "aanhalingstekens"
			 : why == EACCES ? "geen toegang: de kiosk mag deze "
					   "map niet lezen"
					 : "deze map is niet te lezen");
		goto out;
	}
	c = xcalloc(1, sizeof(*c));
	L.c = c;
	c->dir = str_dup(dir);
	c->idle_seconds = 90;
	c->signup_keep_days = 90;
	c->nlangs = 1;
	str_copy(c->langs[0], sizeof(c->langs[0]), "nl");
	if (depth == CONTENT_DEEP)
		pack_each_link(&L.pack, report_link, &L);
	i = schema_read(&L, &kiosk_schema, "kiosk.ini", "", c, &k);
	if (i < 0)
		diag_open_failed(&L, errno, "kiosk.ini", "kiosk.ini", 0,
				 "bestand ontbreekt: zonder kiosk.ini is de "
				 "map geen inhoudspakket");
	if (i != 0)
		goto done;
	hours_done(&L, &k);
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
	if (depth == CONTENT_DEEP) {
		char unused[CONTENT_TILE_MAX * 2][64];
		int n = content_unused_dirs(c, unused, (int)ARRAY_LEN(unused));

		for (i = 0; i < n; i++)
			diag_add(&L, 1, unused[i], 0,
				 "deze map wordt niet gebruikt: hij staat niet "
				 "bij tiles in kiosk.ini. Hij gaat niet mee "
				 "naar de kiosk");
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
	free(c->hours.exceptions);
	free(c->signup_public_key);
	free(c->logo);
	free(c->name);
	free(c->dir);
	free(c);
}

/* ---- what check says about one day ---- */

static void date_words(int date, char *out, size_t size)
{
	snprintf(out, size, "%04d-%02d-%02d", date / 10000, date / 100 % 100,
		 date % 100);
}

/* Warns when w hides an item on today: expired, or not yet. */
static int when_day(struct loader *L, struct when w, int today, const char *rel,
		    int line, const char *what)
{
	char day[16], at[16];

	if (when_shows(w, today))
		return 1;
	date_words(today, day, sizeof(day));
	if (w.until && today > w.until) {
		date_words(w.until, at, sizeof(at));
		diag_add(L, 1, rel, line,
			 "%s is verlopen (show_until = %s): de kiosk toont "
			 "het niet meer. Haal het weg of pas de datum aan",
			 what, at);
	} else {
		date_words(w.from, at, sizeof(at));
		diag_add(L, 1, rel, line,
			 "%s is op %s nog niet te zien: het staat er vanaf "
			 "%s (show_from)",
			 what, day, at);
	}
	return 0;
}

int content_check_day(const struct content *c, int today,
		      struct content_report *r)
{
	struct loader L = { .r = r };
	int errors = r->errors, shown = 0, i, j;
	char rel[160], what[200], day[16];

	L.pack.fd = -1;
	date_words(today, day, sizeof(day));
	for (i = 0; i < c->ntiles; i++) {
		const struct tile *t = &c->tiles[i];
		int visible = 0, n = 0;

		snprintf(rel, sizeof(rel), "%s/tile.ini", t->id);
		shown += when_day(&L, t->when, today, rel, t->when_line,
				  "de tegel");
		snprintf(rel, sizeof(rel), "%s/folders.ini", t->id);
		for (j = 0; j < t->nflyers; j++, n++) {
			snprintf(what, sizeof(what), "de folder [%s]",
				 t->flyers[j].name);
			visible += when_day(&L, t->flyers[j].when, today, rel,
					    t->flyers[j].line, what);
		}
		snprintf(rel, sizeof(rel), "%s/nieuws.ini", t->id);
		for (j = 0; j < t->nnews; j++, n++)
			visible += when_day(&L, t->news[j].when, today, rel,
					    t->news[j].line, "dit bericht");
		snprintf(rel, sizeof(rel), "%s/activiteiten.ini", t->id);
		for (j = 0; j < t->nevents; j++, n++) {
			if (t->events[j].date >= today) {
				visible++;
				continue;
			}
			diag_add(&L, 1, rel, t->events[j].line,
				 "deze activiteit is voorbij: de kiosk toont "
				 "hem niet meer. Haal hem weg");
		}
		snprintf(rel, sizeof(rel), "%s/%s", t->id,
			 t->nflyers ? "folders.ini"
			 : t->nnews ? "nieuws.ini"
				    : "activiteiten.ini");
		if (n > 0 && visible == 0 && when_shows(t->when, today))
			diag_add(&L, 1, rel, 0,
				 "op %s is hier niets te zien: de tegel "
				 "staat leeg op het scherm",
				 day);
	}
	if (c->ntiles > 0 && shown == 0)
		diag_add(&L, 0, "kiosk.ini", c->tiles_line,
			 "op %s staat er geen enkele tegel op het "
			 "beginscherm: alle tegels zijn verborgen door "
			 "show_from of show_until",
			 day);
	return r->errors - errors;
}

int content_unused_dirs(const struct content *c, char (*out)[64], int max)
{
	int fd = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), n = 0, i;
	DIR *dh = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *d;

	if (!dh) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	while ((d = readdir(dh)) && n < max) {
		struct stat st;
		int used = 0;

		if (d->d_name[0] == '.' ||
		    fstatat(fd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		for (i = 0; i < c->ntiles; i++)
			used |= strcmp(c->tiles[i].id, d->d_name) == 0;
		if (!used && strlen(d->d_name) < 64)
			str_copy(out[n++], 64, d->d_name);
	}
	closedir(dh);
	return n;
}
