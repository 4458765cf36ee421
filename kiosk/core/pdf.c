/*
 * pdf: Poppler (glib binding) renders a page with Cairo into an image
 * surface, which is copied out as RGBA.
 */
#include "core/pdf.h"

#include <cairo.h>
#include <poppler.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/util.h"

static PopplerDocument *open_doc(const char *path, struct err *e)
{
	GError *ge = NULL;
	PopplerDocument *doc;
	char *abs = realpath(path, NULL);
	gchar *uri = abs ? g_filename_to_uri(abs, NULL, &ge) : NULL;

	free(abs);
	if (!uri) {
		err_set(e, "dit bestand kan niet worden geopend");
		g_clear_error(&ge);
		return NULL;
	}
	doc = poppler_document_new_from_file(uri, NULL, &ge);
	g_free(uri);
	if (!doc) {
		if (ge && ge->domain == POPPLER_ERROR &&
		    ge->code == POPPLER_ERROR_ENCRYPTED)
			err_set(e, "deze PDF is beveiligd met een wachtwoord: "
				   "sla hem op zonder wachtwoord");
		else
			err_set(e, "deze PDF is kapot of geen PDF: maak hem "
				   "opnieuw");
		/* Poppler's own words are for developers: to the log */
		log_info("poppler: '%s': %s", path, ge ? ge->message : "?");
		g_clear_error(&ge);
		return NULL;
	}
	return doc;
}

int pdf_inspect(const char *path, double *w, double *h, struct err *e)
{
	PopplerDocument *doc = open_doc(path, e);
	int n;

	if (!doc)
		return -1;
	n = poppler_document_get_n_pages(doc);
	if (n >= 1 && w && h) {
		PopplerPage *pg = poppler_document_get_page(doc, 0);

		*w = *h = 0;
		if (pg) {
			poppler_page_get_size(pg, w, h);
			g_object_unref(pg);
		}
	}
	g_object_unref(doc);
	if (n < 1)
		return err_set(e, "deze PDF heeft geen pagina's");
	return n;
}

int pdf_page_count(const char *path, struct err *e)
{
	return pdf_inspect(path, NULL, NULL, e);
}

int pdf_render(const char *path, int page, int max_w, int max_h,
	       unsigned char **pixels, int *w, int *h, struct err *e)
{
	PopplerDocument *doc = open_doc(path, e);
	PopplerPage *pg;
	cairo_surface_t *surf;
	cairo_t *cr;
	double pw, ph, scale;
	int y, stride;
	unsigned char *src, *out;

	if (!doc)
		return -1;
	if (page < 1 || page > poppler_document_get_n_pages(doc)) {
		g_object_unref(doc);
		return err_set(e, "page %d is not in '%s'", page, path);
	}
	pg = poppler_document_get_page(doc, page - 1);
	poppler_page_get_size(pg, &pw, &ph);
	if (pw <= 0 || ph <= 0) {
		g_object_unref(pg);
		g_object_unref(doc);
		return err_set(e, "page %d of '%s' has no size", page, path);
	}
	scale = max_w / pw < max_h / ph ? max_w / pw : max_h / ph;
	*w = (int)(pw * scale);
	*h = (int)(ph * scale);
	if (*w < 1)
		*w = 1;
	if (*h < 1)
		*h = 1;
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *w, *h);
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render(pg, cr);
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	stride = cairo_image_surface_get_stride(surf);
	src = cairo_image_surface_get_data(surf);
	out = xmalloc((size_t)*w * (size_t)*h * 4);
	/* cairo's RGB24 is 0xXXRRGGBB in native byte order: the same as
	 * XRGB8888, so rows copy as they are */
	for (y = 0; y < *h; y++)
		memcpy(out + (size_t)y * (size_t)*w * 4,
		       src + (size_t)y * (size_t)stride, (size_t)*w * 4);
	cairo_surface_destroy(surf);
	g_object_unref(pg);
	g_object_unref(doc);
	*pixels = out;
	return 0;
}
