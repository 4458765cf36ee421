/*
 * seal: sealed boxes for personal data at rest, the only home of
 * libsodium for them. Staff make a key pair once (kioskctl keygen); the
 * kiosk holds only the public key, so it can seal a sign-up but never
 * open one again. Opening needs the secret key, which stays on the
 * staff's USB stick or laptop.
 *
 * Sealing is libsodium's crypto_box_seal: an anonymous sender, a fresh
 * key pair per message, X25519 and XSalsa20-Poly1305. A sealed message is
 * SEAL_OVERHEAD bytes longer than the plain one. Keys travel as text: one
 * line of standard base64 (with padding), for settings.ini, kiosk.ini and
 * the staff.pub / staff.key files.
 *
 * Messages in `struct err` are Dutch: they reach staff.
 */
#ifndef KIOSK_SEAL_H
#define KIOSK_SEAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define SEAL_PUBLIC_BYTES 32 /* crypto_box_PUBLICKEYBYTES */
#define SEAL_SECRET_BYTES 32 /* crypto_box_SECRETKEYBYTES */
#define SEAL_OVERHEAD	  48 /* crypto_box_SEALBYTES */
/* a key as text: base64 of 32 bytes is 44 characters, plus the NUL */
#define SEAL_KEY_TEXT 45

/* Makes libsodium ready (sodium_init), once per process; safe to call
 * again. -1 with e filled when the library cannot start (no source of
 * randomness). Every other function calls it itself. */
int seal_init(struct err *e);

/* A new key pair from the system's randomness. */
int seal_keypair(uint8_t pub[SEAL_PUBLIC_BYTES], uint8_t sec[SEAL_SECRET_BYTES],
		 struct err *e);

/* Seals the n bytes at msg to pub into out, which must have room for
 * n + SEAL_OVERHEAD bytes. */
int seal_box(uint8_t *out, const void *msg, size_t n,
	     const uint8_t pub[SEAL_PUBLIC_BYTES], struct err *e);

/* Opens the n bytes at box (sealed with seal_box to pub) into out, which
 * must have room for n - SEAL_OVERHEAD bytes. -1 with e filled when box
 * was sealed to another key, or was changed. */
int seal_open(uint8_t *out, const uint8_t *box, size_t n,
	      const uint8_t pub[SEAL_PUBLIC_BYTES],
	      const uint8_t sec[SEAL_SECRET_BYTES], struct err *e);

/* The public key that belongs to secret key sec. */
int seal_public_of(uint8_t pub[SEAL_PUBLIC_BYTES],
		   const uint8_t sec[SEAL_SECRET_BYTES], struct err *e);

/* Writes the 32-byte key as one line of base64 (no newline) into
 * out[SEAL_KEY_TEXT]. */
void seal_key_text(char out[SEAL_KEY_TEXT], const uint8_t key[32]);

/* Reads a key written by seal_key_text(); white space at both ends is
 * ignored. -1 with e filled ("... is geen sleutel ...") when text does
 * not decode to exactly 32 bytes. */
int seal_key_parse(uint8_t key[32], const char *text, struct err *e);

/* A fingerprint of a text (BLAKE2b, 16 bytes) as 32 hex digits, into
 * out[SEAL_DIGEST_TEXT]: which version of a consent text a visitor
 * agreed to, kept with their sign-up. */
#define SEAL_DIGEST_TEXT 33
void seal_digest_text(char out[SEAL_DIGEST_TEXT], const char *text);

/* Overwrites n bytes at p in a way the compiler keeps (sodium_memzero),
 * for secret keys and opened personal data. */
void seal_wipe(void *p, size_t n);

#endif
