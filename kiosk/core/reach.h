/*
 * reach: what a QR code makes the visitor's phone do. The kiosk is offline,
 * so it never sends a message itself: it hands the phone an e-mail, a
 * WhatsApp message or a call, ready to send.
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

#define REACH_PAYLOAD_MAX 600

int reach_payload(const struct reach *r, char *out, size_t size,
		  int *shortened, struct err *e);
int phone_normalize(const char *in, char *out, size_t size);
int email_valid(const char *s);

#endif
