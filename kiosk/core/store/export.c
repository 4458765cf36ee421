/*
 * export: reads survey files into memory, merges them by response id and
 * version, and writes the CSV files, codebooks and report described in
 * export.h. Owns the in-memory model of all responses while it runs.
 *
 * The model: one `struct ver` per survey version, with its definition
 * (from the file; made up from the answers when a file has none) and its
 * responses. Answers live in one array per version and texts in one
 * character arena, so 100,000 responses are a handful of allocations.
 */
#include "core/store/export.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "core/store/store.h"

#define OUT_BUF (1 << 20) /* bytes buffered per output file */

struct ans {
	int q, value, band;
	enum question_kind kind;
	size_t text; /* offset in the version's text arena; 0: none */
};

struct resp {
	uint8_t id[STORE_ID_BYTES];
	int year, week;
	int first, n; /* answers[first .. first + n - 1] */
};

struct ver {
	char survey[SURVEY_ID_MAX], version[17];
	struct survey def; /* owned, released with store_definition_release */
	int has_def;	   /* 1 from a file, 0 made up from the answers */
	struct resp *resps;
	int nresps, capresps;
	struct ans *ans;
	int nans, capans;
	char *text; /* arena; text[0] is the empty string */
	size_t ntext, captext;
};

struct model {
	struct ver *v;
	int n, cap;
	const struct export_opts *o;
};

static void warn(const struct export_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void warn(const struct export_opts *o, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	if (!o->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	o->warn(o->warn_ctx, msg);
}

/* ---- reading ---- */

static struct ver *ver_find(struct model *m, const char *survey,
			    const char *version)
{
	struct ver *v;
	int i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].survey, survey) == 0 &&
		    strcmp(m->v[i].version, version) == 0)
			return &m->v[i];
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 4;
		m->v = xrealloc(m->v, (size_t)m->cap * sizeof(*m->v));
	}
	v = &m->v[m->n++];
	memset(v, 0, sizeof(*v));
	str_copy(v->survey, sizeof(v->survey), survey);
	str_copy(v->version, sizeof(v->version), version);
	v->captext = 4096;
	v->text = xmalloc(v->captext);
	v->text[0] = '\0';
	v->ntext = 1;
	return v;
}

static size_t text_add(struct ver *v, const char *s)
{
	size_t n = strlen(s) + 1, at = v->ntext;

	if (n == 1)
		return 0;
	while (v->ntext + n > v->captext) {
		v->captext *= 2;
		v->text = xrealloc(v->text, v->captext);
	}
	memcpy(v->text + at, s, n);
	v->ntext += n;
	return at;
}

static int on_response(void *ctx, const struct store_response *r, struct err *e)
{
	struct model *m = ctx;
	struct ver *v = ver_find(m, r->survey, r->version);
	struct resp *p;
	int i;

	(void)e;
	if (v->nresps == v->capresps) {
		v->capresps = v->capresps ? 2 * v->capresps : 256;
		v->resps = xrealloc(v->resps,
				    (size_t)v->capresps * sizeof(*v->resps));
	}
	while (v->nans + r->nanswers > v->capans) {
		v->capans = v->capans ? 2 * v->capans : 1024;
		v->ans = xrealloc(v->ans, (size_t)v->capans * sizeof(*v->ans));
	}
	p = &v->resps[v->nresps++];
	memcpy(p->id, r->id, sizeof(p->id));
	p->year = r->iso_year;
	p->week = r->iso_week;
	p->first = v->nans;
	p->n = r->nanswers;
	for (i = 0; i < r->nanswers; i++) {
		struct ans *a = &v->ans[v->nans++];

		a->q = r->answers[i].question;
		a->kind = r->answers[i].kind;
		a->band = r->answers[i].band;
		a->value = r->answers[i].value;
		a->text = text_add(v, r->answers[i].text);
	}
	return 0;
}

/* Reads the survey file at path into m. With snapshot, the file is first
 * copied (VACUUM INTO, one read transaction) to OUTDIR/enquete.sqlite and
 * the copy is what is read, so the CSV files and the copy agree. */
static int read_file(struct model *m, const char *path, int snapshot,
		     struct err *e)
{
	struct store *st = store_open_read(path, e);
	struct store_version *vs = NULL;
	char snap[PATH_MAX];
	int i, n = 0, rc;

	if (!st)
		return -1;
	if (snapshot) {
		snprintf(snap, sizeof(snap), "%s/" STORE_FILE, m->o->outdir);
		rc = store_snapshot(st, snap, e);
		store_close(st);
		if (rc < 0)
			return -1;
		st = store_open_read(snap, e);
		if (!st)
			return -1;
	}
	rc = store_read_begin(st, e);
	if (rc == 0)
		rc = store_versions(st, &vs, &n, e);
	for (i = 0; rc == 0 && i < n; i++) {
		struct ver *v = ver_find(m, vs[i].survey, vs[i].version);

		if (v->has_def || !vs[i].has_definition)
			continue;
		rc = store_definition(st, vs[i].survey, vs[i].version, &v->def,
				      e);
		v->has_def = rc == 0;
	}
	if (rc == 0)
		rc = store_scan(st, on_response, m, e);
	store_read_end(st);
	store_close(st);
	free(vs);
	return rc;
}

/* A definition made up from the answers, for a version whose file has
 * none: questions and options by number. */
static void def_from_answers(struct ver *v)
{
	struct survey *s = &v->def;
	int i, q;

	memset(s, 0, sizeof(*s));
	str_copy(s->id, sizeof(s->id), v->survey);
	str_copy(s->version, sizeof(s->version), v->version);
	for (i = 0; i < v->nans; i++) {
		struct ans *a = &v->ans[i];
		struct survey_question *qq;

		if (a->q >= SURVEY_QUESTION_MAX)
			continue;
		while (s->nquestions <= a->q) {
			qq = &s->questions[s->nquestions];
			snprintf(qq->id, sizeof(qq->id), "vraag%d",
				 s->nquestions + 1);
			qq->kind = QUESTION_INFO;
			s->nquestions++;
		}
		qq = &s->questions[a->q];
		if (qq->kind == QUESTION_INFO)
			qq->kind = a->kind;
		if (a->kind == QUESTION_CHOICE && a->value >= qq->noptions &&
		    a->value < SURVEY_OPTION_MAX)
			qq->noptions = a->value + 1;
		if (a->kind == QUESTION_MULTI)
			for (q = 0; q < SURVEY_OPTION_MAX; q++)
				if ((a->value >> q & 1) && q >= qq->noptions)
					qq->noptions = q + 1;
		if (a->kind == QUESTION_NUMBER && a->band &&
		    a->value >= qq->nbands && a->value < SURVEY_OPTION_MAX)
			qq->nbands = a->value + 1;
	}
	for (q = 0; q < s->nquestions; q++) {
		struct survey_question *qq = &s->questions[q];

		for (i = 0; i < qq->noptions; i++) {
			char label[16];

			snprintf(qq->options[i].id, sizeof(qq->options[i].id),
				 "%d", i + 1);
			snprintf(label, sizeof(label), "%d", i + 1);
			qq->options[i].label.s[0] = str_dup(label);
			qq->options[i].other = 1; /* a text may be there */
		}
		for (i = 0; i < qq->nbands; i++) {
			char label[24];

			snprintf(label, sizeof(label), "groep %d", i + 1);
			qq->bands[i].label.s[0] = str_dup(label);
		}
	}
}

static int cmp_resp(const void *a, const void *b)
{
	return memcmp(((const struct resp *)a)->id,
		      ((const struct resp *)b)->id, STORE_ID_BYTES);
}

static int cmp_ver(const void *a, const void *b)
{
	const struct ver *x = a, *y = b;
	int c = strcmp(x->survey, y->survey);

	return c ? c : strcmp(x->version, y->version);
}

/* Sorts each version's responses by id and drops the second and later
 * copies of one response. Returns the number dropped. */
static int dedupe(struct model *m)
{
	int i, j, k, dropped = 0;

	for (i = 0; i < m->n; i++) {
		struct ver *v = &m->v[i];

		for (j = 1; j < v->nresps; j++)
			if (cmp_resp(&v->resps[j - 1], &v->resps[j]) > 0)
				break;
		if (j < v->nresps) /* more than one file: not yet in order */
			qsort(v->resps, (size_t)v->nresps, sizeof(*v->resps),
			      cmp_resp);
		for (j = 0, k = 0; j < v->nresps; j++) {
			if (k > 0 && memcmp(v->resps[k - 1].id, v->resps[j].id,
					    STORE_ID_BYTES) == 0) {
				dropped++;
				continue;
			}
			v->resps[k++] = v->resps[j];
		}
		v->nresps = k;
	}
	if (m->n > 1)
		qsort(m->v, (size_t)m->n, sizeof(*m->v), cmp_ver);
	return dropped;
}

static void model_release(struct model *m)
{
	int i;

	for (i = 0; i < m->n; i++) {
		store_definition_release(&m->v[i].def);
		free(m->v[i].resps);
		free(m->v[i].ans);
		free(m->v[i].text);
	}
	free(m->v);
}

/* ---- writing files safely ---- */

struct out {
	FILE *f;
	char tmp[PATH_MAX], path[PATH_MAX];
	char *buf;
};

static int out_open(struct out *w, const char *dir, const char *name,
		    struct err *e)
{
	int fd;

	memset(w, 0, sizeof(*w));
	snprintf(w->path, sizeof(w->path), "%s/%s", dir, name);
	snprintf(w->tmp, sizeof(w->tmp), "%s/.%s.XXXXXX", dir, name);
	fd = mkstemp(w->tmp);
	if (fd < 0)
		return err_set(e, "kan '%s' niet schrijven: %s", w->path,
			       strerror(errno));
	fchmod(fd, 0644);
	w->f = fdopen(fd, "wb");
	if (!w->f) {
		close(fd);
		unlink(w->tmp);
		return err_set(e, "kan '%s' niet schrijven: %s", w->path,
			       strerror(errno));
	}
	w->buf = xmalloc(OUT_BUF);
	setvbuf(w->f, w->buf, _IOFBF, OUT_BUF);
	return 0;
}

/* Writes the file to the disk and renames it into place. */
static int out_commit(struct out *w, struct err *e)
{
	int bad = fflush(w->f) != 0 || ferror(w->f) || fsync(fileno(w->f)) != 0;
	int code = errno;

	if (fclose(w->f) != 0 && !bad) {
		bad = 1;
		code = errno;
	}
	w->f = NULL;
	free(w->buf);
	w->buf = NULL;
	if (!bad && rename(w->tmp, w->path) != 0) {
		bad = 1;
		code = errno;
	}
	if (bad) {
		unlink(w->tmp);
		return err_set(e, "kan '%s' niet schrijven: %s", w->path,
			       code == ENOSPC ? "de schijf is vol"
					      : strerror(code));
	}
	return 0;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* ---- CSV ---- */

/* One cell, quoted when it must be, guarded against formulas. */
static void csv_cell(FILE *f, const char *s, int first)
{
	int quote = s[strcspn(s, ";\"\r\n")] != '\0';
	size_t n;

	if (!first)
		putc(';', f);
	if (quote)
		putc('"', f);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' ||
	    *s == '\r')
		putc('\'', f);
	for (;;) {
		n = strcspn(s, "\"");
		fwrite(s, 1, n, f);
		s += n;
		if (!*s)
			break;
		fputs("\"\"", f);
		s++;
	}
	if (quote)
		putc('"', f);
}

static void csv_int(FILE *f, int v)
{
	fprintf(f, ";%d", v);
}

static void csv_end(FILE *f)
{
	fputs("\r\n", f);
}

static const char bom[] = "\xEF\xBB\xBF";

static int any_other(const struct survey_question *q)
{
	int i;

	for (i = 0; i < q->noptions; i++)
		if (q->options[i].other)
			return 1;
	return 0;
}

static const char *nl(const struct text *t)
{
	return t->s[0] ? t->s[0] : "";
}

static void col_name(char *out, size_t size, const char *q, const char *opt)
{
	snprintf(out, size, "%s_%s", q, opt);
}

static void write_header(FILE *f, const struct survey *s)
{
	char name[2 * SURVEY_ID_MAX + 2];
	int q, i;

	fputs(bom, f);
	csv_cell(f, "id", 1);
	csv_cell(f, "jaar", 0);
	csv_cell(f, "week", 0);
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];

		if (qq->kind == QUESTION_INFO)
			continue;
		if (qq->kind == QUESTION_MULTI)
			for (i = 0; i < qq->noptions; i++) {
				col_name(name, sizeof(name), qq->id,
					 qq->options[i].id);
				csv_cell(f, name, 0);
			}
		else
			csv_cell(f, qq->id, 0);
		if ((qq->kind == QUESTION_CHOICE ||
		     qq->kind == QUESTION_MULTI) &&
		    any_other(qq)) {
			col_name(name, sizeof(name), qq->id, "anders_tekst");
			csv_cell(f, name, 0);
		}
	}
	csv_end(f);
}

static void write_row(FILE *f, const struct ver *v, const struct resp *r)
{
	static const char hex[] = "0123456789abcdef";
	const struct survey *s = &v->def;
	const struct ans *by_q[SURVEY_QUESTION_MAX] = { 0 };
	char id[2 * STORE_ID_BYTES + 1];
	int q, i;

	for (i = 0; i < STORE_ID_BYTES; i++) {
		id[2 * i] = hex[r->id[i] >> 4];
		id[2 * i + 1] = hex[r->id[i] & 15];
	}
	id[2 * STORE_ID_BYTES] = '\0';
	for (i = 0; i < r->n; i++) {
		const struct ans *a = &v->ans[r->first + i];

		if (a->q >= 0 && a->q < s->nquestions &&
		    a->kind == s->questions[a->q].kind)
			by_q[a->q] = a;
	}
	csv_cell(f, id, 1);
	csv_int(f, r->year);
	csv_int(f, r->week);
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];
		const struct ans *a = by_q[q];

		switch (qq->kind) {
		case QUESTION_INFO:
			continue;
		case QUESTION_CHOICE:
			csv_cell(f,
				 a && a->value >= 0 && a->value < qq->noptions
					 ? nl(&qq->options[a->value].label)
					 : "",
				 0);
			break;
		case QUESTION_MULTI:
			for (i = 0; i < qq->noptions; i++)
				fputs(!a		  ? ";"
				      : a->value >> i & 1 ? ";1"
							  : ";0",
				      f);
			break;
		case QUESTION_SCALE:
			if (a)
				csv_int(f, a->value);
			else
				putc(';', f);
			break;
		case QUESTION_YESNO:
			csv_cell(f, !a ? "" : a->value ? "ja" : "nee", 0);
			break;
		case QUESTION_NUMBER:
			if (!a)
				putc(';', f);
			else if (qq->nbands)
				csv_cell(
					f,
					a->value >= 0 && a->value < qq->nbands
						? nl(&qq->bands[a->value].label)
						: "",
					0);
			else
				csv_int(f, a->value);
			break;
		case QUESTION_TEXT:
			csv_cell(f, a ? v->text + a->text : "", 0);
			break;
		}
		if ((qq->kind == QUESTION_CHOICE ||
		     qq->kind == QUESTION_MULTI) &&
		    any_other(qq))
			csv_cell(f, a ? v->text + a->text : "", 0);
	}
	csv_end(f);
}

static const char *kind_words(const struct survey_question *q)
{
	switch (q->kind) {
	case QUESTION_CHOICE:
		return "een keuze";
	case QUESTION_MULTI:
		return "meerkeuze";
	case QUESTION_SCALE:
		return "schaal 1 tot en met 5";
	case QUESTION_YESNO:
		return "ja of nee";
	case QUESTION_NUMBER:
		return q->nbands ? "getal in groepen" : "getal";
	case QUESTION_TEXT:
		return "open antwoord";
	case QUESTION_INFO:
		break;
	}
	return "";
}

static void write_codebook(FILE *f, const struct survey *s)
{
	char name[2 * SURVEY_ID_MAX + 2], buf[2048];
	size_t at;
	int q, i;

	fputs(bom, f);
	csv_cell(f, "kolom", 1);
	csv_cell(f, "vraag", 0);
	csv_cell(f, "soort", 0);
	csv_cell(f, "waarden", 0);
	csv_end(f);
	csv_cell(f, "id", 1);
	csv_cell(f,
		 "willekeurig nummer van het antwoord (zegt niets over "
		 "tijd of volgorde)",
		 0);
	csv_cell(f, "tekst", 0);
	csv_cell(f, "", 0);
	csv_end(f);
	csv_cell(f, "jaar", 1);
	csv_cell(f, "jaar van de week (ISO)", 0);
	csv_cell(f, "getal", 0);
	csv_cell(f, "", 0);
	csv_end(f);
	csv_cell(f, "week", 1);
	csv_cell(f, "weeknummer (ISO); de enige tijd die bewaard is", 0);
	csv_cell(f, "getal", 0);
	csv_cell(f, "1 tot en met 53", 0);
	csv_end(f);
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];

		if (qq->kind == QUESTION_INFO)
			continue;
		if (qq->kind == QUESTION_MULTI) {
			for (i = 0; i < qq->noptions; i++) {
				col_name(name, sizeof(name), qq->id,
					 qq->options[i].id);
				csv_cell(f, name, 1);
				snprintf(buf, sizeof(buf), "%s: %s",
					 nl(&qq->title),
					 nl(&qq->options[i].label));
				csv_cell(f, buf, 0);
				csv_cell(f, kind_words(qq), 0);
				csv_cell(f,
					 "1 gekozen, 0 niet gekozen, leeg: "
					 "vraag niet beantwoord",
					 0);
				csv_end(f);
			}
		} else {
			csv_cell(f, qq->id, 1);
			csv_cell(f, nl(&qq->title), 0);
			csv_cell(f, kind_words(qq), 0);
			buf[0] = '\0';
			at = 0;
			for (i = 0; i < qq->noptions && at < sizeof(buf); i++)
				at += (size_t)snprintf(
					buf + at, sizeof(buf) - at, "%s%s",
					i ? " | " : "",
					nl(&qq->options[i].label));
			for (i = 0; i < qq->nbands && at < sizeof(buf); i++)
				at += (size_t)snprintf(
					buf + at, sizeof(buf) - at,
					"%s%s (%d tot en met %d)",
					i ? " | " : "", nl(&qq->bands[i].label),
					qq->bands[i].lo, qq->bands[i].hi);
			if (qq->kind == QUESTION_YESNO)
				str_copy(buf, sizeof(buf), "ja | nee");
			if (qq->kind == QUESTION_NUMBER && !qq->nbands &&
			    qq->min <= qq->max)
				snprintf(buf, sizeof(buf), "%d tot en met %d",
					 qq->min, qq->max);
			if (qq->kind == QUESTION_SCALE)
				str_copy(buf, sizeof(buf),
					 "1 (laagst) tot en met 5 (hoogst)");
			csv_cell(f, buf, 0);
			csv_end(f);
		}
		if ((qq->kind == QUESTION_CHOICE ||
		     qq->kind == QUESTION_MULTI) &&
		    any_other(qq)) {
			col_name(name, sizeof(name), qq->id, "anders_tekst");
			csv_cell(f, name, 1);
			snprintf(buf, sizeof(buf), "%s: anders, namelijk",
				 nl(&qq->title));
			csv_cell(f, buf, 0);
			csv_cell(f, "open antwoord", 0);
			csv_cell(f, "kan namen bevatten", 0);
			csv_end(f);
		}
	}
}

/* A name made of the id's safe characters only. */
static void safe_name(char *out, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++)
		out[n++] = (*s >= 'a' && *s <= 'z') ||
					   (*s >= 'A' && *s <= 'Z') ||
					   (*s >= '0' && *s <= '9') ||
					   *s == '-' || *s == '_'
				   ? *s
				   : '_';
	out[n] = '\0';
}

static int write_csvs(const struct export_opts *o, const struct ver *v,
		      struct err *e)
{
	char sid[SURVEY_ID_MAX], name[SURVEY_ID_MAX + 64];
	struct out w;
	int i;

	safe_name(sid, sizeof(sid), v->survey);
	snprintf(name, sizeof(name), "enquete-%s-%s.csv", sid, v->version);
	if (out_open(&w, o->outdir, name, e) < 0)
		return -1;
	write_header(w.f, &v->def);
	for (i = 0; i < v->nresps; i++)
		write_row(w.f, v, &v->resps[i]);
	if (out_commit(&w, e) < 0)
		return -1;
	snprintf(name, sizeof(name), "enquete-%s-%s-codeboek.csv", sid,
		 v->version);
	if (out_open(&w, o->outdir, name, e) < 0)
		return -1;
	write_codebook(w.f, &v->def);
	return out_commit(&w, e);
}

/* ---- the report ---- */

static void html(FILE *f, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "&<>\"'");

		fwrite(s, 1, n, f);
		s += n;
		switch (*s++) {
		case '\0':
			return;
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			fputs("&#39;", f);
		}
	}
}

static const char css[] =
	"@page{size:A4;margin:18mm 15mm}"
	"body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;"
	"color:#111;max-width:180mm;margin:auto;line-height:1.35}"
	"h1{font-size:18pt}h2{font-size:15pt;break-before:page;"
	"border-bottom:2px solid #333}h2.first{break-before:auto}"
	"h3{font-size:12pt;margin:1.2em 0 .3em}"
	"section{break-inside:avoid}"
	"table{border-collapse:collapse;width:100%}"
	"td{padding:2px 6px;vertical-align:middle}"
	"td.l{width:38%}td.b{width:37%}td.n{text-align:right;"
	"white-space:nowrap}"
	".few{color:#555;font-style:italic}"
	".warn{border:2px solid #b36b00;padding:4px 8px;background:#fff6e5}"
	"ul.open li{margin:.2em 0}"
	"svg{display:block;width:100%;height:12pt}"
	"@media print{a{color:inherit}}";

/* Which slots of a question the report may show. A count below the
 * minimum never shows; for a question with one answer per response, the
 * hidden counts must also not be worked out from the total, so the
 * smallest shown counts are hidden too until the hidden ones add up to
 * the minimum. */
static void suppress(const int *counts, int n, int single, int *hide)
{
	int i, hidden = 0, sum = 0;

	for (i = 0; i < n; i++) {
		hide[i] = counts[i] < EXPORT_MIN_COUNT;
		hidden += hide[i];
		sum += hide[i] ? counts[i] : 0;
	}
	while (single && hidden > 0 && sum < EXPORT_MIN_COUNT) {
		int min = -1;

		for (i = 0; i < n; i++)
			if (!hide[i] && (min < 0 || counts[i] < counts[min]))
				min = i;
		if (min < 0)
			break;
		hide[min] = 1;
		hidden++;
		sum += counts[min];
	}
}

static void bar_rows(FILE *f, const char *const *labels, const int *counts,
		     int n, int total, int single)
{
	int hide[SURVEY_OPTION_MAX], i;

	suppress(counts, n, single, hide);
	fputs("<table>\n", f);
	for (i = 0; i < n; i++) {
		double pct = total ? 100.0 * counts[i] / total : 0;

		fputs("<tr><td class=\"l\">", f);
		html(f, labels[i]);
		if (hide[i]) {
			fputs("</td><td class=\"b few\" colspan=\"2\">nog te "
			      "weinig antwoorden</td></tr>\n",
			      f);
			continue;
		}
		fprintf(f,
			"</td><td class=\"b\"><svg viewBox=\"0 0 100 10\" "
			"preserveAspectRatio=\"none\" role=\"img\" "
			"aria-label=\"%.0f%%\"><rect width=\"100\" "
			"height=\"10\" fill=\"#e4e4e4\"/><rect width=\"%.2f\" "
			"height=\"10\" fill=\"#1f5fa8\"/></svg></td>"
			"<td class=\"n\">%d (%.0f%%)</td></tr>\n",
			pct, pct, counts[i], pct);
	}
	fputs("</table>\n", f);
}

static void open_list(FILE *f, const struct ver *v, int q, int other)
{
	int i, j, any = 0;

	for (i = 0; i < v->nresps; i++) {
		const struct resp *r = &v->resps[i];

		for (j = 0; j < r->n; j++) {
			const struct ans *a = &v->ans[r->first + j];

			if (a->q != q || !a->text)
				continue;
			if (!any)
				fprintf(f, "<p>%s</p>\n<ul class=\"open\">\n",
					other ? "Anders, namelijk:"
					      : "Open antwoorden (in "
						"willekeurige volgorde):");
			any = 1;
			fputs("<li dir=\"auto\">", f);
			html(f, v->text + a->text);
			fputs("</li>\n", f);
		}
	}
	if (any)
		fputs("</ul>\n", f);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void report_question(FILE *f, const struct ver *v, int q)
{
	static const char *const scale[] = { "1", "2", "3", "4", "5" };
	static const char *const yesno[] = { "nee", "ja" };
	const struct survey_question *qq = &v->def.questions[q];
	const char *labels[SURVEY_OPTION_MAX];
	int counts[SURVEY_OPTION_MAX] = { 0 }, total = 0, n = 0, i, j;
	int *nums = NULL, nnums = 0;

	if (qq->kind == QUESTION_INFO)
		return;
	for (i = 0; i < v->nresps; i++) {
		const struct resp *r = &v->resps[i];

		for (j = 0; j < r->n; j++) {
			const struct ans *a = &v->ans[r->first + j];
			int k;

			if (a->q != q || a->kind != qq->kind)
				continue;
			total++;
			switch (qq->kind) {
			case QUESTION_CHOICE:
			case QUESTION_YESNO:
				k = a->value;
				break;
			case QUESTION_SCALE:
				k = a->value - 1;
				break;
			case QUESTION_MULTI:
				for (k = 0; k < SURVEY_OPTION_MAX; k++)
					counts[k] += a->value >> k & 1;
				k = -1;
				break;
			case QUESTION_NUMBER:
				if (!qq->nbands) {
					if (!nums)
						nums = xmalloc(
							(size_t)v->nresps *
							sizeof(*nums));
					nums[nnums++] = a->value;
				}
				k = a->band ? a->value : -1;
				break;
			default:
				k = -1;
			}
			if (k >= 0 && k < SURVEY_OPTION_MAX)
				counts[k]++;
		}
	}
	fputs("<section>\n<h3>", f);
	html(f, nl(&qq->title));
	fputs("</h3>\n", f);
	if (total < EXPORT_MIN_COUNT)
		fputs("<p class=\"few\">nog te weinig antwoorden</p>\n", f);
	else
		fprintf(f, "<p>%d mensen gaven antwoord.</p>\n", total);
	switch (qq->kind) {
	case QUESTION_CHOICE:
	case QUESTION_MULTI:
		for (i = 0; i < qq->noptions; i++)
			labels[i] = nl(&qq->options[i].label);
		n = qq->noptions;
		break;
	case QUESTION_SCALE:
		for (i = 0; i < 5; i++)
			labels[i] = scale[i];
		n = 5;
		break;
	case QUESTION_YESNO:
		labels[0] = yesno[1];
		labels[1] = yesno[0];
		j = counts[0];
		counts[0] = counts[1];
		counts[1] = j;
		n = 2;
		break;
	case QUESTION_NUMBER:
		for (i = 0; i < qq->nbands; i++)
			labels[i] = nl(&qq->bands[i].label);
		n = qq->nbands;
		break;
	default:
		break;
	}
	if (n && total >= EXPORT_MIN_COUNT)
		bar_rows(f, labels, counts, n, total,
			 qq->kind != QUESTION_MULTI);
	if (qq->kind == QUESTION_NUMBER && !qq->nbands &&
	    nnums >= EXPORT_MIN_COUNT) {
		long long sum = 0;

		qsort(nums, (size_t)nnums, sizeof(*nums), cmp_int);
		for (i = 0; i < nnums; i++)
			sum += nums[i];
		fprintf(f,
			"<p>Gemiddeld %.1f; de middelste waarde is %d.</p>\n",
			(double)sum / nnums, nums[nnums / 2]);
	}
	free(nums);
	if (qq->kind == QUESTION_TEXT)
		open_list(f, v, q, 0);
	else if ((qq->kind == QUESTION_CHOICE || qq->kind == QUESTION_MULTI) &&
		 any_other(qq))
		open_list(f, v, q, 1);
	fputs("</section>\n", f);
}

static void report_version(FILE *f, const struct ver *v, int first)
{
	int lo = 0, hi = 0, weeks = 0, i, q, *all;

	all = xmalloc((size_t)(v->nresps ? v->nresps : 1) * sizeof(*all));
	for (i = 0; i < v->nresps; i++)
		all[i] = v->resps[i].year * 100 + v->resps[i].week;
	qsort(all, (size_t)v->nresps, sizeof(*all), cmp_int);
	for (i = 0; i < v->nresps; i++)
		weeks += i == 0 || all[i] != all[i - 1];
	if (v->nresps) {
		lo = all[0];
		hi = all[v->nresps - 1];
	}
	free(all);
	fprintf(f, "<h2%s>", first ? " class=\"first\"" : "");
	html(f, v->def.title.s[0] && v->def.title.s[0][0] ? v->def.title.s[0]
							  : v->survey);
	fputs("</h2>\n<p>", f);
	if (v->nresps < EXPORT_MIN_COUNT)
		fputs("Nog te weinig antwoorden om iets te laten zien.", f);
	else
		fprintf(f,
			"<b>%d antwoorden</b>, uit week %d van %d tot en met "
			"week %d van %d (%d %s met antwoorden).",
			v->nresps, lo % 100, lo / 100, hi % 100, hi / 100,
			weeks, weeks == 1 ? "week" : "weken");
	fprintf(f, " Vraaglijst <code>");
	html(f, v->survey);
	fprintf(f, "</code>, versie <code>%s</code>.</p>\n", v->version);
	if (!v->has_def)
		fputs("<p class=\"warn\">De vragen van deze versie zijn niet "
		      "bekend: vragen en keuzes staan hier als nummers.</p>\n",
		      f);
	if (v->nresps < EXPORT_MIN_COUNT)
		return;
	fputs("<p class=\"warn\">Let op: open antwoorden kunnen namen of "
	      "andere dingen bevatten waaraan iemand te herkennen is. Haal "
	      "die weg voordat u het verslag deelt.</p>\n",
	      f);
	for (q = 0; q < v->def.nquestions; q++)
		report_question(f, v, q);
}

static int write_report(const struct export_opts *o, const struct model *m,
			struct err *e)
{
	struct out w;
	int i;

	if (out_open(&w, o->outdir, "rapport.html", e) < 0)
		return -1;
	fprintf(w.f,
		"<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
		"<meta charset=\"utf-8\">\n<title>Uitslag enquête</title>\n"
		"<style>%s</style>\n</head>\n<body>\n"
		"<h1>Uitslag enquête</h1>\n"
		"<p>Aantallen onder de %d staan er niet in: daar staat \"nog "
		"te weinig antwoorden\". Zo is niemand te herkennen.</p>\n",
		css, EXPORT_MIN_COUNT);
	if (m->n == 0)
		fputs("<p>Er zijn nog geen antwoorden.</p>\n", w.f);
	for (i = 0; i < m->n; i++)
		report_version(w.f, &m->v[i], i == 0);
	fputs("</body>\n</html>\n", w.f);
	return out_commit(&w, e);
}

/* ---- the whole export ---- */

int export_run(const struct export_opts *o, struct export_result *res,
	       struct err *e)
{
	struct model m = { NULL, 0, 0, o };
	int i, rc = 0;

	memset(res, 0, sizeof(*res));
	if (path_mkdirs(o->outdir, e) < 0)
		return -1;
	for (i = 0; i < o->nfiles && rc == 0; i++)
		rc = read_file(&m, o->files[i], i == 0, e);
	if (rc < 0) {
		model_release(&m);
		return -1;
	}
	res->duplicates = dedupe(&m);
	for (i = 0; i < m.n; i++) {
		struct ver *v = &m.v[i];

		if (!v->has_def) {
			warn(o,
			     "de vragen van vraaglijst '%s' versie %s zijn "
			     "niet bekend: kolommen krijgen nummers",
			     v->survey, v->version);
			def_from_answers(v);
		}
	}
	for (i = 0; i < m.n && rc == 0; i++) {
		if (!o->what || (o->what & EXPORT_CSV))
			rc = write_csvs(o, &m.v[i], e);
		res->responses += m.v[i].nresps;
		res->versions++;
	}
	if (rc == 0 && (!o->what || (o->what & EXPORT_REPORT)))
		rc = write_report(o, &m, e);
	sync_dir(o->outdir);
	model_release(&m);
	return rc;
}
