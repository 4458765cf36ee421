/*
 * files: the pictures and PDFs a pack names (logo, icons, flyers, partner
 * logos, pictures in pages). Each is opened through packfile, so never
 * through a symlink; its size is checked against the limits staff are told
 * about, and a picture's width and height are read from its header, without
 * decoding it. With CONTENT_DEEP a picture is decoded row by row (image.c)
 * and the probe is asked to open it as the kiosk will.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "core/content/image.h"
#include "core/content/loader.h"

char *file_check(struct loader *L, const char *reldir, const char *name,
		 const char *from, int line, int pdf_ok)
{
	char rel[300], missing[400];
	struct stat st;
	int is_pdf = ends_with(name, ".pdf"), fd;
	unsigned limit = is_pdf ? CONTENT_PDF_BYTES : CONTENT_IMAGE_BYTES;
	char *path = NULL;

	snprintf(rel, sizeof(rel), "%s%s%s", reldir, *reldir ? "/" : "", name);
	if (!*name || strstr(name, "..") || name[0] == '/' ||
	    strchr(name, '/') || strchr(name, '\\')) {
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
	fd = pack_open(&L->pack, rel, O_RDONLY);
	if (fd < 0) {
		snprintf(missing, sizeof(missing), "bestand '%s' bestaat niet",
			 rel);
		diag_open_failed(L, errno, rel, from, line, missing);
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(L, 0, from, line, "bestand '%s' bestaat niet", rel);
		goto out;
	}
	if ((size_t)st.st_size > limit) {
		diag_add(L, 0, from, line,
			 "'%s' is te groot: groter dan %u MB (het is %lld MB). "
			 "Maak het bestand kleiner",
			 rel, limit >> 20, (long long)(st.st_size >> 20));
		goto out;
	}
	if (!is_pdf) {
		long w = 0, h = 0;

		if (image_size(fd, &w, &h) < 0 || w <= 0 || h <= 0) {
			diag_add(L, 0, from, line,
				 "'%s' is geen goed PNG- of JPEG-bestand", rel);
			goto out;
		}
		if (w > CONTENT_IMAGE_PX || h > CONTENT_IMAGE_PX) {
			diag_add(L, 0, from, line,
				 "'%s' is te groot: %ld x %ld beeldpunten, "
				 "hoogstens %d breed en %d hoog. Maak het "
				 "plaatje kleiner",
				 rel, w, h, CONTENT_IMAGE_PX, CONTENT_IMAGE_PX);
			goto out;
		}
	}
	{
		size_t n = strlen(L->c->dir) + strlen(rel) + 2;

		path = xmalloc(n);
		snprintf(path, n, "%s/%s", L->c->dir, rel);
	}
	if (L->depth == CONTENT_DEEP) {
		char why[300] = "";

		if ((!is_pdf && image_verify(fd, why, sizeof(why)) < 0) ||
		    (L->probe && L->probe(L->probe_ctx, path, is_pdf, why,
					  sizeof(why)) < 0)) {
			diag_add(L, 0, rel, 0, "%s", why);
			free(path);
			path = NULL;
		}
	}
out:
	close(fd);
	return path;
}

void flyers_unlisted(struct loader *L, const struct tile *t)
{
	int fd = pack_open(&L->pack, t->id, O_RDONLY | O_DIRECTORY);
	DIR *dh = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *d;
	int i, listed;

	if (!dh) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((d = readdir(dh))) {
		if (!(ends_with(d->d_name, ".pdf") ||
		      ends_with(d->d_name, ".png") ||
		      ends_with(d->d_name, ".jpg") ||
		      ends_with(d->d_name, ".jpeg")))
			continue;
		listed = 0;
		for (i = 0; i < t->nflyers; i++) {
			int l;

			listed |= strcmp(t->flyers[i].name, d->d_name) == 0;
			for (l = 1; l < CONTENT_LANG_MAX; l++)
				listed |= t->flyers[i].file_lang[l] &&
					  ends_with(t->flyers[i].file_lang[l],
						    d->d_name);
		}
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

int file_image_size(struct loader *L, const char *rel, long *w, long *h)
{
	int fd = pack_open(&L->pack, rel, O_RDONLY), rc;

	if (fd < 0)
		return -1;
	rc = image_size(fd, w, h);
	close(fd);
	return rc;
}
