/*
 * markdown: the pages of page, werkwijze and steps tiles, read with md4c
 * (the only file that includes it) into blocks the screens lay out:
 * headings, paragraphs, list items (numbered or not) and pictures, with
 * bold runs and the address of a paragraph's first link. Italics are shown
 * bold; a picture inside a sentence gets a line of its own. What the kiosk
 * cannot show (tables, code, HTML, a "# " title) is reported on the line
 * where it starts.
 */
#include <md4c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/content/loader.h"

struct md_state {
	struct loader *L;
	const char *tile_id, *rel, *buf;
	struct doc *doc;
	struct block *cur;
	size_t text_cap;
	int cap_runs, cap_blocks;
	size_t len;
	int bold, in_title, saw_title, in_image;
	char unsupported[32];
	int html_line; /* first line with HTML, 0: none */
	/* the lists around the current item: numbered ones count on */
	int list_ol[8], list_next[8], nlists;
	/* text_line_at() from the last place asked, so that finding the
	 * line of every block stays one pass over the file */
	size_t line_off;
	int line_at;
};

/* Line of byte offset off in the file, for offsets that only grow. */
static int md_line(struct md_state *m, size_t off)
{
	if (off < m->line_off) {
		m->line_off = 0;
		m->line_at = 1;
	}
	for (; m->line_off < off; m->line_off++)
		m->line_at += m->buf[m->line_off] == '\n';
	return m->line_at;
}

/* Line of text s when it points into the file (md4c hands out pointers
 * into the input for plain text), else 0. */
static int md_line_of(struct md_state *m, const char *s)
{
	if (s < m->buf || s >= m->buf + m->len)
		return 0;
	return md_line(m, (size_t)(s - m->buf));
}

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
	free(b->link);
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

/* Line of the first place needle stands in buf, or 0. */
static int line_of(const char *buf, const char *needle)
{
	const char *at = needle ? strstr(buf, needle) : NULL;

	return at ? text_line_at(buf, (size_t)(at - buf)) : 0;
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
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (m->nlists < (int)ARRAY_LEN(m->list_ol)) {
			m->list_ol[m->nlists] = type == MD_BLOCK_OL;
			m->list_next[m->nlists] =
				type == MD_BLOCK_OL
					? (int)((MD_BLOCK_OL_DETAIL *)detail)
						  ->start
					: 0;
		}
		m->nlists++;
		return 0;
	case MD_BLOCK_LI: {
		int i = m->nlists - 1;

		block_finish(m);
		if (i >= 0 && i < (int)ARRAY_LEN(m->list_ol) && m->list_ol[i]) {
			block_start(m, BLOCK_OL)->number = m->list_next[i]++;
		} else {
			block_start(m, BLOCK_LI);
		}
		return 0;
	}
	case MD_BLOCK_CODE:
		str_copy(m->unsupported, sizeof(m->unsupported), "code");
		return 0;
	case MD_BLOCK_TABLE:
		str_copy(m->unsupported, sizeof(m->unsupported), "tabel");
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
	if ((type == MD_BLOCK_UL || type == MD_BLOCK_OL) && m->nlists > 0)
		m->nlists--;
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
	} else if (type == MD_SPAN_A) {
		MD_SPAN_A_DETAIL *d = detail;

		if (!m->cur)
			block_start(m, BLOCK_P);
		if (!m->cur->link && d->href.size > 0) {
			m->cur->link = xmalloc(d->href.size + 1);
			memcpy(m->cur->link, d->href.text, d->href.size);
			m->cur->link[d->href.size] = '\0';
			if (!m->cur->line)
				m->cur->line = md_line_of(m, d->href.text);
		}
	} else if (type == MD_SPAN_IMG) {
		MD_SPAN_IMG_DETAIL *d = detail;
		char name[256];
		struct block *b;

		snprintf(name, sizeof(name), "%.*s", (int)d->src.size,
			 d->src.text);
		block_finish(m);
		b = block_start(m, BLOCK_IMAGE);
		b->image = file_check(m->L, m->tile_id, name, m->rel,
				      line_of(m->buf, name), 0);
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

	if (type == MD_TEXT_HTML) {
		if (!m->html_line)
			m->html_line = md_line_of(m, s);
		if (!m->html_line)
			m->html_line = -1;
		return 0;
	}
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
	if (!m->cur)
		block_start(m, BLOCK_P);
	if (!m->cur->line)
		m->cur->line = md_line_of(m, s);
	add_text(m, s, n);
	return 0;
}

void doc_release(struct doc *d)
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

int doc_load(struct loader *L, struct doc *d, const char *tile_id,
	     const char *rel, int *missing_out)
{
	static const MD_PARSER parser = {
		/* HTML is read as HTML, so that it can be refused */
		.flags = MD_FLAG_COLLAPSEWHITESPACE | MD_FLAG_TABLES,
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
	buf = text_file_read(L, rel, &len, &missing);
	*missing_out = !buf && missing;
	if (!buf)
		return -1;
	m.buf = buf;
	m.len = len;
	m.line_at = 1;
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
	if (m.html_line) {
		static const char *const lt[] = { "<" };

		diag_add(L, 0, rel,
			 m.html_line > 0 ? m.html_line
					 : first_line_starting(buf, lt, 1),
			 "de kiosk kan geen HTML tonen (tekens als <p>, <b> "
			 "of <br>): haal ze weg. Vet schrijf je als **vet**, "
			 "een nieuwe alinea begint na een lege regel");
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
