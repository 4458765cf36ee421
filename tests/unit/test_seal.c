/*
 * test_seal: the sealed boxes that keep a sign-up unreadable on a stolen
 * kiosk. What staff would notice if it broke: a key from `kioskctl
 * keygen` that settings.ini refuses, a mistyped key taken as a good one, a
 * sign-up that the right key does not open, or one that another key does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/seal.h"

static void test_key_text_round_trip(void **state)
{
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES], back[32];
	uint8_t derived[SEAL_PUBLIC_BYTES];
	char text[SEAL_KEY_TEXT], padded[SEAL_KEY_TEXT + 8];
	struct err e = { "" };

	(void)state;
	assert_int_equal(seal_init(&e), 0);
	assert_int_equal(seal_init(&e), 0); /* twice is fine */
	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	seal_key_text(text, pub);
	assert_int_equal(strlen(text), 44);
	assert_null(strchr(text, '\n'));
	assert_int_equal(seal_key_parse(back, text, &e), 0);
	assert_memory_equal(back, pub, 32);
	/* as it comes out of a file: a newline, spaces around */
	snprintf(padded, sizeof(padded), "  %s \r\n", text);
	assert_int_equal(seal_key_parse(back, padded, &e), 0);
	assert_memory_equal(back, pub, 32);
	/* the secret key knows its public key */
	assert_int_equal(seal_public_of(derived, sec, &e), 0);
	assert_memory_equal(derived, pub, 32);
}

static void test_bad_key_text_is_refused(void **state)
{
	static const char *const bad[] = {
		"",
		"   ",
		"AAAA",
		/* 43 characters: one short */
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		/* 48 characters: 36 bytes, too long */
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		/* a character base64 does not have */
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*=",
		/* a space inside */
		"AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA=",
	};
	uint8_t key[32];
	struct err e = { "" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		e.msg[0] = '\0';
		if (seal_key_parse(key, bad[i], &e) == 0)
			fail_msg("'%s' was taken as a key", bad[i]);
		assert_non_null(strstr(e.msg, "geen sleutel"));
	}
	/* 44 characters of zero bytes is a well-formed key */
	assert_int_equal(
		seal_key_parse(key,
			       "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
			       "=",
			       &e),
		0);
}

static void test_only_the_right_key_opens(void **state)
{
	static const char msg[] = "Fatima Yılmaz\0+31612345678";
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	uint8_t pub2[SEAL_PUBLIC_BYTES], sec2[SEAL_SECRET_BYTES];
	uint8_t box[sizeof(msg) + SEAL_OVERHEAD], box2[sizeof(box)];
	uint8_t out[sizeof(msg)];
	struct err e = { "" };

	(void)state;
	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	assert_int_equal(seal_keypair(pub2, sec2, &e), 0);
	assert_memory_not_equal(pub, pub2, 32);
	assert_int_equal(seal_box(box, msg, sizeof(msg), pub, &e), 0);
	/* the name is not in the box as it was */
	assert_null(memmem(box, sizeof(box), "Fatima", 6));
	/* sealing again gives other bytes: nothing to compare boxes by */
	assert_int_equal(seal_box(box2, msg, sizeof(msg), pub, &e), 0);
	assert_memory_not_equal(box, box2, sizeof(box));
	assert_int_equal(seal_open(out, box, sizeof(box), pub, sec, &e), 0);
	assert_memory_equal(out, msg, sizeof(msg));
	/* another key pair */
	assert_int_equal(seal_open(out, box, sizeof(box), pub2, sec2, &e), -1);
	assert_non_null(strstr(e.msg, "andere sleutel"));
	/* one bit changed */
	box[SEAL_OVERHEAD + 3] ^= 1;
	assert_int_equal(seal_open(out, box, sizeof(box), pub, sec, &e), -1);
	/* too short to be a box */
	assert_int_equal(seal_open(out, box, SEAL_OVERHEAD - 1, pub, sec, &e),
			 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_text_round_trip),
		cmocka_unit_test(test_bad_key_text_is_refused),
		cmocka_unit_test(test_only_the_right_key_opens),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
