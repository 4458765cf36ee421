/*
 * diag: the report of a pack load. Every problem is kept with its file and
 * line, errors apart from warnings, and is printed the way staff read it:
 * `file:line: melding` in Dutch.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "core/content/loader.h"

void diag_add(struct loader *L, int warning, const char *file, int line,
	      const char *fmt, ...)
{
	struct content_report *r = L->r;
	struct diag d;
	va_list ap;
	int i;

	memset(&d, 0, sizeof(d));
	str_copy(d.file, sizeof(d.file), file);
	d.line = line;
	d.warning = warning;
	va_start(ap, fmt);
	vsnprintf(d.msg, sizeof(d.msg), fmt, ap);
	va_end(ap);
	for (i = 0; i < r->n; i++)
		if (r->items[i].line == line &&
		    strcmp(r->items[i].file, d.file) == 0 &&
		    strcmp(r->items[i].msg, d.msg) == 0)
			return;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->items =
			xrealloc(r->items, (size_t)r->cap * sizeof(*r->items));
	}
	r->items[r->n++] = d;
	if (warning)
		r->warnings++;
	else
		r->errors++;
}

void diag_open_failed(struct loader *L, int err_no, const char *rel,
		      const char *from, int line, const char *missing)
{
	char link[300];

	switch (err_no) {
	case ELOOP:
		if (pack_find_link(&L->pack, rel, link, sizeof(link)) < 0)
			str_copy(link, sizeof(link), rel);
		diag_add(L, 0, link, 0,
			 "is een snelkoppeling: vervang de snelkoppeling door "
			 "het bestand zelf");
		break;
	case ENOENT:
	case ENOTDIR:
		diag_missing(L, 0, rel, from, line, missing);
		break;
	case EACCES:
	case EPERM:
		diag_add(L, 0, from, line,
			 "'%s': geen toegang: de kiosk mag dit bestand niet "
			 "lezen. Kopieer het opnieuw of vraag de beheerder",
			 rel);
		break;
	case EFBIG:
		diag_add(L, 0, from, line,
			 "'%s' is te groot: een tekstbestand mag hoogstens "
			 "1 MB zijn",
			 rel);
		break;
	case EXDEV:
		diag_add(L, 0, from, line,
			 "'%s' ligt buiten het pakket: zet het bestand in de "
			 "map van het pakket",
			 rel);
		break;
	case EISDIR:
	case EINVAL:
		diag_add(L, 0, from, line, "'%s' is geen gewoon bestand", rel);
		break;
	default:
		diag_add(L, 0, from, line, "kan '%s' niet lezen (%s)", rel,
			 strerror(err_no));
		break;
	}
}

void diag_missing(struct loader *L, int warning, const char *rel,
		  const char *from, int line, const char *missing)
{
	char txt[300];
	const char *name = strrchr(rel, '/');
	int fd;

	snprintf(txt, sizeof(txt), "%s.txt", rel);
	fd = pack_open(&L->pack, txt, O_RDONLY);
	if (fd < 0) {
		diag_add(L, warning, from, line, "%s", missing);
		return;
	}
	close(fd);
	name = name ? name + 1 : rel;
	diag_add(L, warning, from, line,
		 "%s. Er staat wel '%s.txt': Windows verbergt vaak het laatste "
		 "stukje van een naam. Geef het bestand de naam '%s' (zet in "
		 "de Verkenner Beeld > Bestandsnaamextensies aan)",
		 missing, name, name);
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
