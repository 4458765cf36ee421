/*
 * qr: a thin wrapper around libqrencode that hands back a plain module grid.
 */
#include "core/qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

int qr_encode(struct qr *q, const char *text, struct err *e)
{
	QRcode *code;
	int i, n;

	memset(q, 0, sizeof(*q));
	if (!*text || strlen(text) > 1000)
		return err_set(e, "cannot make a QR code of %zu bytes",
			       strlen(text));
	code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!code)
		return err_set(e, "cannot make a QR code of '%.40s'", text);
	q->size = code->width;
	n = q->size * q->size;
	q->modules = xmalloc((size_t)n);
	for (i = 0; i < n; i++)
		q->modules[i] = code->data[i] & 1;
	QRcode_free(code);
	return 0;
}

void qr_release(struct qr *q)
{
	free(q->modules);
	memset(q, 0, sizeof(*q));
}
