/*
 * reach: what a QR code makes the visitor's own phone do. The kiosk is
 * offline, so it never sends a message itself: it hands the phone an
 * address with the message already in it, and the visitor sends it.
 *
 *   e-mail    mailto:ADDRESS?subject=...&body=...   (RFC 6068)
 *   WhatsApp  https://wa.me/DIGITS?text=...         (wa.me click to chat)
 *   phone     tel:+31612345678                      (RFC 3966, global)
 *   web       the http or https address as it is
 *
 * Subjects and bodies are UTF-8 and percent-encoded byte by byte: every
 * byte but the unreserved ASCII letters, digits and "-._~" becomes %XX,
 * so a space is %20, '&' '?' '#' '%' '+' never end a field early, and
 * accents, Arabic and emoji arrive as they were typed. A line break is
 * %0D%0A in an e-mail (RFC 6068 section 5) and %0A on WhatsApp.
 *
 * This file reads no clock and includes no library: the QR code itself is
 * made by core/qr.c.
 */
#ifndef KIOSK_REACH_H
#define KIOSK_REACH_H

#include <stddef.h>

#include "base/err.h"

enum reach_kind { REACH_EMAIL, REACH_WHATSAPP, REACH_PHONE, REACH_WEB };

struct reach {
	enum reach_kind kind;
	const char *to;	     /* address, number or URL */
	const char *subject; /* e-mail only, may be NULL */
	const char *body;    /* message text, may be NULL; UTF-8 with \n */
};

/* The longest payload, in bytes, a kiosk QR code carries. 450 bytes is
 * what a version 16 code (81 modules a side) holds in 8-bit mode at error
 * correction M. With the quiet zone of 4 modules that is 89 modules; at the
 * minimum of 6 pixels a module it is 534 pixels, 148 mm on a 24-inch full
 * HD panel: half the screen's width beside the text of a question, and
 * less than half its height. A module is then 1.66 mm, which a phone
 * camera resolves easily from 40 cm, also in a dim wijkcentrum. A
 * percent-encoded question with its three answers needs about this much;
 * at 287 bytes (version 12) one typed sentence was already cut off. */
#define REACH_PAYLOAD_MAX 450

/* Builds the QR payload for r into out (size bytes, NUL-terminated; at most
 * REACH_PAYLOAD_MAX bytes are used however large size is). `to` is checked
 * and normalised first: an e-mail address by email_valid(), a phone number
 * (phone and WhatsApp) by phone_normalize(), a web address must start with
 * http:// or https:// and hold no spaces.
 *
 * A body (or, for e-mail, a subject) too long for the payload is shortened
 * at the end of a word, never inside a UTF-8 character or a %XX escape; a
 * shortened text ends in an ellipsis (U+2026) so the reader of the message
 * sees that something is missing, and *shortened (may be NULL) is set to 1,
 * so the screen can say so. Length is never a failure for the body or the
 * subject. Bytes that are not valid UTF-8 become U+FFFD. The subject and
 * body are ignored for a phone number and a web address.
 *
 * Returns 0, or -1 with a Dutch message in e when `to` is unusable (or too
 * long for a QR code on its own). */
int reach_payload(const struct reach *r, char *out, size_t size, int *shortened,
		  struct err *e);

/* A phone number as inhabitants type it: "06-12345678", "06 1234 5678",
 * "+31 6 1234 5678", "+31 (0)6 ...", "0031 6 ...", "020-1234567",
 * "+44 20 7946 0000". Spaces, dashes, dots, slashes and brackets are
 * ignored. A number beginning with one 0 is Dutch: 10 digits (0800 and
 * 0900 numbers 8 to 11). An international number has 8 to 15 digits
 * (E.164); a Dutch one written internationally has 9 after +31 (a 0 typed
 * after +31 is dropped). Writes E.164 ("+31612345678") into out. Returns
 * 0, or -1 when it holds letters, has too few or too many digits, does not
 * start with 0 or +, or does not fit out. */
int phone_normalize(const char *in, char *out, size_t size);

/* 1 when s has the form of an e-mail address: one @, a local part of at
 * most 64 bytes without spaces or two dots in a row, a domain with a dot
 * whose labels are letters, digits and '-', the whole at most 254 bytes.
 * It says nothing about whether the address exists. */
int email_valid(const char *s);

/* The host of a web address ("https://www.buurt.example/a?b" gives
 * "www.buurt.example") into out, for the line under a QR code that says
 * where it goes. Returns 0, or -1 when url is not http or https. */
int reach_url_host(const char *url, char *out, size_t size);

/* 1 when url is an http or https address a QR code may carry. */
int reach_url_valid(const char *url);

#endif
