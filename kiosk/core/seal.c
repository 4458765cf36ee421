/*
 * seal: the sealed boxes of seal.h on libsodium. Owns nothing but the
 * library's one-time start; keys and messages are the caller's.
 */
#include "core/seal.h"

#include <sodium.h>
#include <string.h>

#include "base/util.h"

_Static_assert(SEAL_PUBLIC_BYTES == crypto_box_PUBLICKEYBYTES,
	       "public key size");
_Static_assert(SEAL_SECRET_BYTES == crypto_box_SECRETKEYBYTES,
	       "secret key size");
_Static_assert(SEAL_OVERHEAD == crypto_box_SEALBYTES, "sealed box overhead");

int seal_init(struct err *e)
{
	/* sodium_init() is itself safe to call more than once: 0 the
	 * first time, 1 after */
	if (sodium_init() < 0)
		return err_set(e, "de versleuteling (libsodium) start niet");
	return 0;
}

int seal_keypair(uint8_t pub[SEAL_PUBLIC_BYTES], uint8_t sec[SEAL_SECRET_BYTES],
		 struct err *e)
{
	if (seal_init(e) < 0)
		return -1;
	if (crypto_box_keypair(pub, sec) != 0)
		return err_set(e, "kan geen sleutelpaar maken");
	return 0;
}

int seal_box(uint8_t *out, const void *msg, size_t n,
	     const uint8_t pub[SEAL_PUBLIC_BYTES], struct err *e)
{
	if (seal_init(e) < 0)
		return -1;
	if (crypto_box_seal(out, msg, n, pub) != 0)
		return err_set(e, "kan de gegevens niet versleutelen: de "
				  "publieke sleutel is ongeldig");
	return 0;
}

int seal_open(uint8_t *out, const uint8_t *box, size_t n,
	      const uint8_t pub[SEAL_PUBLIC_BYTES],
	      const uint8_t sec[SEAL_SECRET_BYTES], struct err *e)
{
	if (seal_init(e) < 0)
		return -1;
	if (n < SEAL_OVERHEAD ||
	    crypto_box_seal_open(out, box, n, pub, sec) != 0)
		return err_set(e, "kan de gegevens niet openen: ze zijn "
				  "versleuteld met een andere sleutel, of "
				  "beschadigd");
	return 0;
}

int seal_public_of(uint8_t pub[SEAL_PUBLIC_BYTES],
		   const uint8_t sec[SEAL_SECRET_BYTES], struct err *e)
{
	if (seal_init(e) < 0)
		return -1;
	if (crypto_scalarmult_base(pub, sec) != 0)
		return err_set(e, "de geheime sleutel is ongeldig");
	return 0;
}

void seal_key_text(char out[SEAL_KEY_TEXT], const uint8_t key[32])
{
	sodium_bin2base64(out, SEAL_KEY_TEXT, key, 32,
			  sodium_base64_VARIANT_ORIGINAL);
}

int seal_key_parse(uint8_t key[32], const char *text, struct err *e)
{
	const char *end;
	size_t n = strlen(text), got = 0;
	uint8_t buf[33];

	if (seal_init(e) < 0)
		return -1;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t' ||
			 text[n - 1] == '\r' || text[n - 1] == '\n'))
		n--;
	while (n > 0 && (*text == ' ' || *text == '\t')) {
		text++;
		n--;
	}
	/* one byte of room more than a key, so a longer text is seen as
	 * too long rather than cut */
	if (n == 0 ||
	    sodium_base642bin(buf, sizeof(buf), text, n, NULL, &got, &end,
			      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    end != text + n || got != 32) {
		sodium_memzero(buf, sizeof(buf));
		return err_set(e,
			       "dit is geen sleutel van 'kioskctl keygen': "
			       "verwacht zijn 44 tekens (base64), %s",
			       n == 0 ? "er staat niets"
			       : got && got != 32
				       ? "de lengte klopt niet"
				       : "er staan tekens in die niet "
					 "kunnen");
	}
	memcpy(key, buf, 32);
	sodium_memzero(buf, sizeof(buf));
	return 0;
}

void seal_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}

void seal_digest_text(char out[SEAL_DIGEST_TEXT], const char *text)
{
	unsigned char h[16];
	struct err e;

	if (seal_init(&e) < 0) {
		out[0] = '\0';
		return;
	}
	crypto_generichash(h, sizeof(h), (const unsigned char *)text,
			   strlen(text), NULL, 0);
	sodium_bin2hex(out, SEAL_DIGEST_TEXT, h, sizeof(h));
}
