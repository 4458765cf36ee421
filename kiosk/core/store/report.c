/*
 * report: rapport.html, the summary report of an export (export.h): per
 * survey version the counts of each question as bars and tables, with
 * every count below EXPORT_MIN_COUNT hidden, and any count it could be
 * worked out from. Reads the model export.c built; owns only the page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/store/export.h"
#include "core/store/export_internal.h"

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
	html(f, export_nl(&qq->title));
	fputs("</h3>\n", f);
	if (total < EXPORT_MIN_COUNT)
		fputs("<p class=\"few\">nog te weinig antwoorden</p>\n", f);
	else
		fprintf(f, "<p>%d mensen gaven antwoord.</p>\n", total);
	switch (qq->kind) {
	case QUESTION_CHOICE:
	case QUESTION_MULTI:
		for (i = 0; i < qq->noptions; i++)
			labels[i] = export_nl(&qq->options[i].label);
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
			labels[i] = export_nl(&qq->bands[i].label);
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
		 export_any_other(qq))
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

int export_write_report(const struct export_opts *o, const struct model *m,
			struct err *e)
{
	struct out w;
	int i;

	if (export_out_open(&w, o->outdir, "rapport.html", e) < 0)
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
	return export_out_commit(&w, e);
}
