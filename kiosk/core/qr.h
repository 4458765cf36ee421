/*
 * qr: QR codes, so a visitor can take an address home on their own phone.
 * The only file that includes libqrencode, and the home of the rules every
 * code the kiosk shows or prints obeys:
 *
 *  - 8-bit mode, case kept (libqrencode upper-cases whole URLs in its
 *    other modes), error correction M;
 *  - a quiet zone of QR_QUIET light modules on every side;
 *  - whole pixels (or printer dots) per module, at least QR_MIN_PX;
 *  - on screen at least QR_MIN_MM wide with the quiet zone (on a 24-inch
 *    panel that is scannable from 40 cm);
 *  - a line under it that says in words what it does (the screens' and
 *    the slip's job: chrome_qr, printer.c).
 */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include <stddef.h>

#include "base/err.h"

#define QR_QUIET   4	/* modules of light margin on every side */
#define QR_MIN_PX  6	/* pixels or dots a module, at least */
#define QR_MIN_MM  35.0 /* on screen, with the quiet zone */
#define QR_MAX_MM  70.0 /* a code grows to this when there is room */
#define QR_MAX_LEN 1000 /* bytes qr_encode takes */

struct qr {
	int size;		/* modules a side, without the quiet zone */
	unsigned char *modules; /* size*size, 1 = dark; owned */
};

/* Encodes text (UTF-8, at most 1000 bytes) with medium error correction.
 * Release with qr_release(). */
int qr_encode(struct qr *q, const char *text, struct err *e);
void qr_release(struct qr *q);

/* Modules a side (without the quiet zone) of the code qr_encode makes of
 * len bytes, found without encoding (no allocation, so a screen may ask
 * every frame); 0 when len is 0 or above QR_MAX_LEN. */
int qr_modules(size_t len);

#endif
