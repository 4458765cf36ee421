/*
 * content: reading kiosk.ini with inih, pages with md4c, and checking that
 * everything the kiosk will show is there and readable.
 */
#include "content.h"

#include <ini.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "../base/util.h"

#define CONTENT_FILE_MAX (1u << 20) /* a page or settings file: 1 MiB */
#define TILE_MAX 12

/* ---- kiosk.ini ---- */

struct ini_state {
	struct content *c;
	char tiles[TILE_MAX][64];
	int ntiles;
	int format;
	const char *path;
	struct err *e;
	int failed;
};

static int bad(struct ini_state *s, const char *fmt, const char *a,
	       const char *b)
{
	if (!s->failed) {
		char msg[400];

		snprintf(msg, sizeof(msg), fmt, a, b);
		err_set(s->e, "%s", msg);
	}
	s->failed = 1;
	return 0;
}

static int parse_langs(struct ini_state *s, const char *value)
{
	char buf[256], *tok, *save = NULL;
	struct content *c = s->c;

	str_copy(buf, sizeof(buf), value);
	c->nlangs = 0;
	for (tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		if (strlen(tok) != 2 || tok[0] < 'a' || tok[0] > 'z' ||
		    tok[1] < 'a' || tok[1] > 'z')
			return bad(s, "'%s' is geen taalcode; gebruik twee "
				      "letters, zoals nl of en%s", tok, "");
		if (c->nlangs == CONTENT_LANG_MAX)
			return bad(s, "te veel talen (hoogstens 8)%s%s", "", "");
		str_copy(c->langs[c->nlangs++], sizeof(c->langs[0]), tok);
	}
	if (c->nlangs == 0 || strcmp(c->langs[0], "nl") != 0)
		return bad(s, "de eerste taal moet nl zijn (Nederlands)%s%s",
			   "", "");
	return 1;
}

static int parse_tiles(struct ini_state *s, const char *value)
{
	char buf[1024], *tok, *save = NULL;

	str_copy(buf, sizeof(buf), value);
	for (tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		const char *p;

		for (p = tok; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			      *p == '-' || *p == '_'))
				return bad(s, "'%s' is geen goede naam voor een "
					      "pagina: gebruik kleine letters, "
					      "cijfers en -%s", tok, "");
		if (strlen(tok) >= sizeof(s->tiles[0]))
			return bad(s, "naam '%s' is te lang%s", tok, "");
		if (s->ntiles == TILE_MAX)
			return bad(s, "te veel tegels (hoogstens 12)%s%s", "", "");
		str_copy(s->tiles[s->ntiles++], sizeof(s->tiles[0]), tok);
	}
	return 1;
}

static int pack_ini_handler(void *user, const char *section, const char *name,
		       const char *value)
{
	struct ini_state *s = user;
	struct content *c = s->c;

	if (!utf8_valid(value, strlen(value), NULL))
		return bad(s, "de tekst bij '%s' bevat tekens die geen UTF-8 "
			      "zijn; sla het bestand op als UTF-8%s", name, "");
	if (strcmp(section, "kiosk") == 0) {
		if (strcmp(name, "format") == 0) {
			s->format = atoi(value);
			if (s->format < 1)
				return bad(s, "format moet een getal zijn, "
					      "niet '%s'%s", value, "");
			return 1;
		}
		if (strcmp(name, "name") == 0) {
			if (!*value)
				return bad(s, "name is leeg%s%s", "", "");
			free(c->name);
			c->name = str_dup(value);
			return 1;
		}
		if (strcmp(name, "languages") == 0)
			return parse_langs(s, value);
		if (strcmp(name, "idle_seconds") == 0) {
			char *end;
			long v = strtol(value, &end, 10);

			if (end == value || *end || v < 30 || v > 3600)
				return bad(s, "idle_seconds moet een getal van 30 "
					      "tot 3600 zijn, niet '%s'%s",
					   value, "");
			c->idle_seconds = (int)v;
			return 1;
		}
	} else if (strcmp(section, "home") == 0) {
		if (strcmp(name, "tiles") == 0)
			return parse_tiles(s, value);
	}
	return bad(s, "onbekende instelling '%s' in [%s]", name, section);
}

/* ---- Markdown pages ---- */

struct md_state {
	struct page_text *pt;
	struct block *cur; /* block being filled, or NULL */
	size_t text_cap;
	int cap_runs, cap_blocks;
	int bold;
	int in_title;
	int saw_title;
	int unsupported; /* an element the kiosk cannot show */
	char what[32];
};

static void block_start(struct md_state *m, enum block_kind kind)
{
	struct page_text *pt = m->pt;

	if (pt->nblocks == m->cap_blocks) {
		m->cap_blocks = m->cap_blocks ? 2 * m->cap_blocks : 16;
		pt->blocks = xrealloc(pt->blocks,
				      (size_t)m->cap_blocks * sizeof(*pt->blocks));
	}
	m->cur = &pt->blocks[pt->nblocks++];
	memset(m->cur, 0, sizeof(*m->cur));
	m->cur->kind = kind;
	m->text_cap = 0;
	m->cap_runs = 0;
}

/* Runs store offsets while the text buffer grows; fixed up at block end. */
static void block_finish(struct md_state *m)
{
	struct block *b = m->cur;
	size_t total = 0;
	int i;

	if (!b)
		return;
	for (i = 0; i < b->nruns; i++) {
		size_t off = (size_t)(uintptr_t)b->runs[i].s;

		b->runs[i].s = b->text + off;
		total += b->runs[i].n;
	}
	if (total == 0) {
		/* an empty paragraph: drop it */
		free(b->text);
		free(b->runs);
		m->pt->nblocks--;
	}
	m->cur = NULL;
}

static int md_enter_block(MD_BLOCKTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	switch (type) {
	case MD_BLOCK_DOC:
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		return 0;
	case MD_BLOCK_H: {
		unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;

		if (level == 1 && !m->saw_title) {
			m->in_title = 1;
			m->saw_title = 1;
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
		block_start(m, BLOCK_LI);
		return 0;
	case MD_BLOCK_CODE:
		str_copy(m->what, sizeof(m->what), "code");
		break;
	case MD_BLOCK_TABLE:
		str_copy(m->what, sizeof(m->what), "tabel");
		break;
	case MD_BLOCK_HTML:
		str_copy(m->what, sizeof(m->what), "HTML");
		break;
	default:
		return 0;
	}
	m->unsupported = 1;
	return 0;
}

static int md_leave_block(MD_BLOCKTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	(void)detail;
	if (type == MD_BLOCK_H && m->in_title) {
		m->in_title = 0;
		return 0;
	}
	if (type == MD_BLOCK_H || type == MD_BLOCK_LI ||
	    (type == MD_BLOCK_P && m->cur && m->cur->kind == BLOCK_P))
		block_finish(m);
	return 0;
}

static int md_enter_span(MD_SPANTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	(void)detail;
	if (type == MD_SPAN_STRONG || type == MD_SPAN_EM)
		m->bold++;
	return 0;
}

static int md_leave_span(MD_SPANTYPE type, void *detail, void *user)
{
	struct md_state *m = user;

	(void)detail;
	if ((type == MD_SPAN_STRONG || type == MD_SPAN_EM) && m->bold > 0)
		m->bold--;
	return 0;
}

static void title_append(struct md_state *m, const char *s, size_t n)
{
	struct page_text *pt = m->pt;
	size_t old = pt->title ? strlen(pt->title) : 0;

	pt->title = xrealloc(pt->title, old + n + 1);
	memcpy(pt->title + old, s, n);
	pt->title[old + n] = '\0';
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user)
{
	struct md_state *m = user;
	struct block *b;
	size_t len;

	if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
		s = " ";
		n = 1;
	}
	if (m->in_title) {
		title_append(m, s, n);
		return 0;
	}
	if (!m->cur)
		block_start(m, BLOCK_P);
	b = m->cur;
	len = 0;
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
		return 0;
	}
	if (b->nruns == m->cap_runs) {
		m->cap_runs = m->cap_runs ? 2 * m->cap_runs : 4;
		b->runs = xrealloc(b->runs, (size_t)m->cap_runs * sizeof(*b->runs));
	}
	b->runs[b->nruns++] = (struct ui_run){ (const char *)(uintptr_t)len, n,
					       m->bold > 0 };
	return 0;
}

static void page_text_release(struct page_text *pt)
{
	int i;

	for (i = 0; i < pt->nblocks; i++) {
		free(pt->blocks[i].text);
		free(pt->blocks[i].runs);
	}
	free(pt->blocks);
	free(pt->title);
	memset(pt, 0, sizeof(*pt));
}

/* Line number (1-based) of byte offset `at` in buf. */
static int line_of(const char *buf, size_t at)
{
	int line = 1;
	size_t i;

	for (i = 0; i < at; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

static int page_load(struct page_text *pt, const char *path, const char *rel,
		     struct err *e)
{
	static const MD_PARSER parser = {
		.flags = MD_FLAG_NOHTML | MD_FLAG_COLLAPSEWHITESPACE,
		.enter_block = md_enter_block,
		.leave_block = md_leave_block,
		.enter_span = md_enter_span,
		.leave_span = md_leave_span,
		.text = md_text,
	};
	struct md_state m = { .pt = pt };
	struct err fe;
	size_t len, bad_at;
	char *buf = file_read(path, CONTENT_FILE_MAX, &len, &fe);

	if (!buf)
		return err_set(e, "%s: kan het bestand niet lezen (%s)", rel,
			       fe.msg);
	if (!utf8_valid(buf, len, &bad_at)) {
		err_set(e, "%s:%d: dit bestand bevat tekens die geen UTF-8 "
			   "zijn; sla het op als UTF-8", rel,
			line_of(buf, bad_at));
		free(buf);
		return -1;
	}
	memset(pt, 0, sizeof(*pt));
	md_parse(buf, (MD_SIZE)len, &parser, &m);
	block_finish(&m);
	free(buf);
	if (m.unsupported) {
		err_set(e, "%s: de kiosk kan geen %s tonen; gebruik alleen "
			   "kopjes, gewone tekst, lijstjes en vet", rel, m.what);
		page_text_release(pt);
		return -1;
	}
	if (!pt->title || !*str_trim(pt->title)) {
		page_text_release(pt);
		return err_set(e, "%s:1: de pagina moet beginnen met een titel, "
				  "zoals: # De werkwijze", rel);
	}
	if (pt->nblocks == 0) {
		page_text_release(pt);
		return err_set(e, "%s: de pagina heeft alleen een titel en "
				  "verder geen tekst", rel);
	}
	return 0;
}

/* ---- highlights ---- */

static int highlights_load(struct content *c, int lang, struct err *e)
{
	char path[4096], rel[64];
	struct err fe;
	size_t len, bad_at;
	char *buf, *line, *save = NULL;
	int cap = 0;

	snprintf(rel, sizeof(rel), "attract.%s.txt", c->langs[lang]);
	snprintf(path, sizeof(path), "%s/%s", c->dir, rel);
	buf = file_read(path, CONTENT_FILE_MAX, &len, &fe);
	if (!buf)
		return lang == 0 ? err_set(e, "%s: bestand ontbreekt; zet er "
					      "een of meer korte zinnen in, "
					      "een per regel", rel)
				 : 0;
	if (!utf8_valid(buf, len, &bad_at)) {
		err_set(e, "%s:%d: dit bestand bevat tekens die geen UTF-8 "
			   "zijn; sla het op als UTF-8", rel,
			line_of(buf, bad_at));
		free(buf);
		return -1;
	}
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *t = str_trim(line);

		if (!*t || *t == '#')
			continue;
		if (c->nhighlights[lang] == cap) {
			cap = cap ? 2 * cap : 8;
			c->highlights[lang] = xrealloc(
				c->highlights[lang], (size_t)cap * sizeof(char *));
		}
		c->highlights[lang][c->nhighlights[lang]++] = str_dup(t);
	}
	free(buf);
	if (lang == 0 && c->nhighlights[0] == 0)
		return err_set(e, "%s: er staat geen enkele zin in", rel);
	return 0;
}

/* ---- the pack ---- */

struct content *content_load(const char *dir, struct err *e)
{
	struct content *c;
	struct ini_state s = { 0 };
	char path[4096];
	int rc, i, l;

	if (!path_is_dir(dir))
		return err_set(e, "'%s': deze map bestaat niet", dir), NULL;
	c = xcalloc(1, sizeof(*c));
	c->dir = str_dup(dir);
	c->idle_seconds = 90;
	s.c = c;
	s.e = e;
	s.path = "kiosk.ini";
	snprintf(path, sizeof(path), "%s/kiosk.ini", dir);
	rc = ini_parse(path, pack_ini_handler, &s);
	if (rc < 0) {
		err_set(e, "kiosk.ini: bestand ontbreekt in '%s'", dir);
		goto fail;
	}
	if (rc > 0) {
		if (!s.failed)
			err_set(e, "regel is geen 'naam = waarde' en geen "
				   "[kopje]");
		err_prefix(e, "kiosk.ini:%d", rc);
		goto fail;
	}
	if (s.format == 0) {
		err_set(e, "kiosk.ini: 'format = 1' ontbreekt in [kiosk]");
		goto fail;
	}
	if (s.format > CONTENT_FORMAT) {
		err_set(e, "kiosk.ini: dit pakket heeft format %d; deze kiosk "
			   "kent alleen format %d. Werk de kiosk bij.",
			s.format, CONTENT_FORMAT);
		goto fail;
	}
	if (!c->name) {
		err_set(e, "kiosk.ini: 'name = ...' ontbreekt in [kiosk]");
		goto fail;
	}
	if (c->nlangs == 0) {
		c->nlangs = 1;
		str_copy(c->langs[0], sizeof(c->langs[0]), "nl");
	}
	if (s.ntiles == 0) {
		err_set(e, "kiosk.ini: 'tiles = ...' ontbreekt in [home]");
		goto fail;
	}
	for (l = 0; l < c->nlangs; l++)
		if (highlights_load(c, l, e) < 0)
			goto fail;
	c->pages = xcalloc((size_t)s.ntiles, sizeof(*c->pages));
	for (i = 0; i < s.ntiles; i++) {
		struct page *p = &c->pages[c->npages++];

		str_copy(p->id, sizeof(p->id), s.tiles[i]);
		for (l = 0; l < c->nlangs; l++) {
			char rel[128];

			snprintf(rel, sizeof(rel), "pages/%s.%s.md", p->id,
				 c->langs[l]);
			snprintf(path, sizeof(path), "%s/%s", dir, rel);
			if (l > 0 && access(path, F_OK) != 0)
				continue; /* falls back to Dutch */
			if (page_load(&p->text[l], path, rel, e) < 0)
				goto fail;
		}
	}
	return c;
fail:
	content_free(c);
	return NULL;
}

void content_free(struct content *c)
{
	int i, l;

	if (!c)
		return;
	for (i = 0; i < c->npages; i++)
		for (l = 0; l < CONTENT_LANG_MAX; l++)
			page_text_release(&c->pages[i].text[l]);
	for (l = 0; l < CONTENT_LANG_MAX; l++) {
		for (i = 0; i < c->nhighlights[l]; i++)
			free(c->highlights[l][i]);
		free(c->highlights[l]);
	}
	free(c->pages);
	free(c->name);
	free(c->dir);
	free(c);
}

const struct page_text *content_page_text(const struct content *c,
					  const struct page *p, int lang)
{
	if (lang > 0 && lang < c->nlangs && p->text[lang].title)
		return &p->text[lang];
	return &p->text[0];
}

int content_highlights(const struct content *c, int lang, char ***out)
{
	if (lang <= 0 || lang >= c->nlangs || c->nhighlights[lang] == 0)
		lang = 0;
	*out = c->highlights[lang];
	return c->nhighlights[lang];
}
