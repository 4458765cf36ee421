/*
 * export: reads survey files into memory, merges them by response id and
 * version, and writes the CSV files and codebooks described in export.h;
 * the report is report.c's. Owns the in-memory model of all responses
 * while it runs.
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
#include "core/store/export_internal.h"
#include "core/store/store.h"

void export_warn(const struct export_opts *o, const char *fmt, ...)
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

static int out_open(struct out *w, const char *dir, const char *name,
		    mode_t mode, struct err *e)
{
	int fd;

	memset(w, 0, sizeof(*w));
	snprintf(w->path, sizeof(w->path), "%s/%s", dir, name);
	snprintf(w->tmp, sizeof(w->tmp), "%s/.%s.XXXXXX", dir, name);
	fd = mkstemp(w->tmp);
	if (fd < 0)
		return err_set(e, "kan '%s' niet schrijven: %s", w->path,
			       strerror(errno));
	fchmod(fd, mode);
	w->f = fdopen(fd, "wb");
	if (!w->f) {
		close(fd);
		unlink(w->tmp);
		return err_set(e, "kan '%s' niet schrijven: %s", w->path,
			       strerror(errno));
	}
	w->buf = xmalloc(EXPORT_OUT_BUF);
	setvbuf(w->f, w->buf, _IOFBF, EXPORT_OUT_BUF);
	return 0;
}

int export_out_open(struct out *w, const char *dir, const char *name,
		    struct err *e)
{
	return out_open(w, dir, name, 0644, e);
}

int export_out_open_private(struct out *w, const char *dir, const char *name,
			    struct err *e)
{
	return out_open(w, dir, name, 0600, e);
}

/* Writes the file to the disk and renames it into place. */
int export_out_commit(struct out *w, struct err *e)
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
void export_csv_cell(FILE *f, const char *s, int first)
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

void export_csv_end(FILE *f)
{
	fputs("\r\n", f);
}

const char export_csv_bom[] = "\xEF\xBB\xBF";

int export_any_other(const struct survey_question *q)
{
	int i;

	for (i = 0; i < q->noptions; i++)
		if (q->options[i].other)
			return 1;
	return 0;
}

const char *export_nl(const struct text *t)
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

	fputs(export_csv_bom, f);
	export_csv_cell(f, "id", 1);
	export_csv_cell(f, "jaar", 0);
	export_csv_cell(f, "week", 0);
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];

		if (qq->kind == QUESTION_INFO)
			continue;
		if (qq->kind == QUESTION_MULTI)
			for (i = 0; i < qq->noptions; i++) {
				col_name(name, sizeof(name), qq->id,
					 qq->options[i].id);
				export_csv_cell(f, name, 0);
			}
		else
			export_csv_cell(f, qq->id, 0);
		if ((qq->kind == QUESTION_CHOICE ||
		     qq->kind == QUESTION_MULTI) &&
		    export_any_other(qq)) {
			col_name(name, sizeof(name), qq->id, "anders_tekst");
			export_csv_cell(f, name, 0);
		}
	}
	export_csv_end(f);
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
	export_csv_cell(f, id, 1);
	csv_int(f, r->year);
	csv_int(f, r->week);
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];
		const struct ans *a = by_q[q];

		switch (qq->kind) {
		case QUESTION_INFO:
			continue;
		case QUESTION_CHOICE:
			export_csv_cell(
				f,
				a && a->value >= 0 && a->value < qq->noptions
					? export_nl(
						  &qq->options[a->value].label)
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
			export_csv_cell(f,
					!a	   ? ""
					: a->value ? "ja"
						   : "nee",
					0);
			break;
		case QUESTION_NUMBER:
			if (!a)
				putc(';', f);
			else if (qq->nbands)
				export_csv_cell(
					f,
					a->value >= 0 && a->value < qq->nbands
						? export_nl(&qq->bands[a->value]
								     .label)
						: "",
					0);
			else
				csv_int(f, a->value);
			break;
		case QUESTION_TEXT:
			export_csv_cell(f, a ? v->text + a->text : "", 0);
			break;
		}
		if ((qq->kind == QUESTION_CHOICE ||
		     qq->kind == QUESTION_MULTI) &&
		    export_any_other(qq))
			export_csv_cell(f, a ? v->text + a->text : "", 0);
	}
	export_csv_end(f);
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

	fputs(export_csv_bom, f);
	export_csv_cell(f, "kolom", 1);
	export_csv_cell(f, "vraag", 0);
	export_csv_cell(f, "soort", 0);
	export_csv_cell(f, "waarden", 0);
	export_csv_end(f);
	export_csv_cell(f, "id", 1);
	export_csv_cell(f,
			"willekeurig nummer van het antwoord (zegt niets over "
			"tijd of volgorde)",
			0);
	export_csv_cell(f, "tekst", 0);
	export_csv_cell(f, "", 0);
	export_csv_end(f);
	export_csv_cell(f, "jaar", 1);
	export_csv_cell(f, "jaar van de week (ISO)", 0);
	export_csv_cell(f, "getal", 0);
	export_csv_cell(f, "", 0);
	export_csv_end(f);
	export_csv_cell(f, "week", 1);
	export_csv_cell(f, "weeknummer (ISO); de enige tijd die bewaard is", 0);
	export_csv_cell(f, "getal", 0);
	export_csv_cell(f, "1 tot en met 53", 0);
	export_csv_end(f);
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];

		if (qq->kind == QUESTION_INFO)
			continue;
		if (qq->kind == QUESTION_MULTI) {
			for (i = 0; i < qq->noptions; i++) {
				col_name(name, sizeof(name), qq->id,
					 qq->options[i].id);
				export_csv_cell(f, name, 1);
				snprintf(buf, sizeof(buf), "%s: %s",
					 export_nl(&qq->title),
					 export_nl(&qq->options[i].label));
				export_csv_cell(f, buf, 0);
				export_csv_cell(f, kind_words(qq), 0);
				export_csv_cell(
					f,
					"1 gekozen, 0 niet gekozen, leeg: "
					"vraag niet beantwoord",
					0);
				export_csv_end(f);
			}
		} else {
			export_csv_cell(f, qq->id, 1);
			export_csv_cell(f, export_nl(&qq->title), 0);
			export_csv_cell(f, kind_words(qq), 0);
			buf[0] = '\0';
			at = 0;
			for (i = 0; i < qq->noptions && at < sizeof(buf); i++)
				at += (size_t)snprintf(
					buf + at, sizeof(buf) - at, "%s%s",
					i ? " | " : "",
					export_nl(&qq->options[i].label));
			for (i = 0; i < qq->nbands && at < sizeof(buf); i++)
				at += (size_t)snprintf(
					buf + at, sizeof(buf) - at,
					"%s%s (%d tot en met %d)",
					i ? " | " : "",
					export_nl(&qq->bands[i].label),
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
			export_csv_cell(f, buf, 0);
			export_csv_end(f);
		}
		if ((qq->kind == QUESTION_CHOICE ||
		     qq->kind == QUESTION_MULTI) &&
		    export_any_other(qq)) {
			col_name(name, sizeof(name), qq->id, "anders_tekst");
			export_csv_cell(f, name, 1);
			snprintf(buf, sizeof(buf), "%s: anders, namelijk",
				 export_nl(&qq->title));
			export_csv_cell(f, buf, 0);
			export_csv_cell(f, "open antwoord", 0);
			export_csv_cell(f, "kan namen bevatten", 0);
			export_csv_end(f);
		}
	}
}

/* A name made of the id's safe characters only. */
void export_safe_name(char *out, size_t size, const char *s)
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

	export_safe_name(sid, sizeof(sid), v->survey);
	snprintf(name, sizeof(name), "enquete-%s-%s.csv", sid, v->version);
	if (export_out_open(&w, o->outdir, name, e) < 0)
		return -1;
	write_header(w.f, &v->def);
	for (i = 0; i < v->nresps; i++)
		write_row(w.f, v, &v->resps[i]);
	if (export_out_commit(&w, e) < 0)
		return -1;
	snprintf(name, sizeof(name), "enquete-%s-%s-codeboek.csv", sid,
		 v->version);
	if (export_out_open(&w, o->outdir, name, e) < 0)
		return -1;
	write_codebook(w.f, &v->def);
	return export_out_commit(&w, e);
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
			export_warn(
				o,
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
		rc = export_write_report(o, &m, e);
	sync_dir(o->outdir);
	model_release(&m);
	return rc;
}
