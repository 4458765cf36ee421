/*
 * qr: QR codes, so a visitor can take an address home on their own phone.
 * The only file that includes libqrencode.
 */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include <stddef.h>

#include "base/err.h"

struct qr {
	int size;		/* modules a side, without the quiet zone */
	unsigned char *modules; /* size*size, 1 = dark; owned */
};

/* Encodes text (UTF-8, at most 1000 bytes) with medium error correction.
 * Release with qr_release(). */
int qr_encode(struct qr *q, const char *text, struct err *e);
void qr_release(struct qr *q);

#endif
