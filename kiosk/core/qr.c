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
	if (!*text || strlen(text) > QR_MAX_LEN)
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

/* Data codewords of versions 1 to 26 at error correction M (ISO/IEC
 * 18004, table 7); version 26 holds QR_MAX_LEN bytes. */
static const short data_codewords_m[26] = {
	16,  28,  44,  64,  86,	 108, 124, 154, 182, 216, 254, 290,  334,
	365, 415, 453, 507, 563, 627, 669, 714, 782, 860, 914, 1000, 1062,
};

int qr_modules(size_t len)
{
	int v;

	if (len == 0 || len > QR_MAX_LEN)
		return 0;
	for (v = 1; v <= 26; v++) {
		/* mode (4 bits), length (8 bits up to version 9, then
		 * 16), the bytes; libqrencode takes the smallest fit */
		size_t bits = 4 + (v < 10 ? 8 : 16) + 8 * len;

		if (bits <= (size_t)data_codewords_m[v - 1] * 8)
			return 17 + 4 * v;
	}
	return 0;
}

void qr_release(struct qr *q)
{
	/* the pattern is the text it carries, perhaps typed by a visitor */
	if (q->modules)
		explicit_bzero(q->modules, (size_t)q->size * (size_t)q->size);
	free(q->modules);
	memset(q, 0, sizeof(*q));
}
