/*
 * message: what a QR code hands the visitor's phone, put together from the
 * screen's words. A question becomes an e-mail or WhatsApp message with the
 * three answers; "Ik doe mee" becomes a message to the initiative. The app
 * uses the same words for the printed slip, so the paper and the phone say
 * the same. Nothing here is kept: the buffers are the caller's.
 */
#ifndef KIOSK_MESSAGE_H
#define KIOSK_MESSAGE_H

#include <stddef.h>

#include "core/screens/screen.h"

#define MESSAGE_BODY_MAX 2048

/* The three answers on one line each ("Wat ik wil: ..."), in the
 * visitor's language: the choices picked, then what was typed. Lines with
 * nothing picked or typed are left out. Returns how many lines. */
int message_answers(const struct screen_ctx *c, const struct ask_topic *tp,
		    char lines[ASK_QUESTIONS][MESSAGE_BODY_MAX / 2]);

/* The subject and body of the question on screen. */
void message_ask(const struct screen_ctx *c, const struct ask_topic *tp,
		 char *subject, size_t ssize, char *body, size_t bsize);

/* The subject and body of "Ik doe mee" for initiative in. */
void message_join(const struct screen_ctx *c, const struct initiative *in,
		  char *subject, size_t ssize, char *body, size_t bsize);

/* The QR payload for reaching `to` with this subject and body, and the
 * line under the QR that says in words what it does ("Opent een e-mail aan
 * ..."). *shortened is 1 when the body had to be cut to fit. Returns 0, or
 * -1 when the address cannot be used (then payload is empty). */
int message_qr(const struct screen_ctx *c, const struct reach_to *to,
	       const char *subject, const char *body, char *payload,
	       size_t psize, char *says, size_t ssize, int *shortened);

#endif
