/*
 * test_pin: the staff PIN. Weak PINs are refused with a Dutch reason, a
 * stored PIN is a hash that only the right digits match, and five wrong
 * PINs lock the pad for 1, 5, 15 and then 60 minutes, kept on the disk so
 * that a restart (or a power cut) does not give a guesser new tries.
 */
#include "fake.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "base/util.h"
#include "core/pin.h"

static void test_rules_refuse_weak_pins(void **state)
{
	static const char *const weak[] = {
		"",	  "12345",  "12a456",  "111111",  "000000",
		"123456", "654321", "234567",  "890123",  "121212",
		"112233", "123123", "1234567", "9876543", " 583917",
	};
	struct err e = { "" };
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(weak); i++) {
		e.msg[0] = '\0';
		if (pin_rules_check(weak[i], &e) == 0)
			fail_msg("weak PIN '%s' accepted", weak[i]);
		assert_true(e.msg[0] != '\0');
	}
	assert_int_equal(pin_rules_check("12345", &e), -1);
	assert_non_null(strstr(e.msg, "minstens 6 cijfers"));
	assert_int_equal(pin_rules_check("123456", &e), -1);
	assert_non_null(strstr(e.msg, "makkelijk te raden"));
	assert_int_equal(pin_rules_check("12a456", &e), -1);
	assert_non_null(strstr(e.msg, "alleen uit cijfers"));
	assert_int_equal(pin_rules_check("583917", &e), 0);
	assert_int_equal(pin_rules_check("40271958", &e), 0);
}

static void test_hash_verifies_only_the_pin(void **state)
{
	char h[PIN_HASH_MAX], h2[PIN_HASH_MAX];
	struct err e = { "" };

	(void)state;
	assert_int_equal(pin_hash("583917", h, sizeof(h), &e), 0);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_null(strstr(h, "583917"));
	assert_true(pin_verify(h, "583917"));
	assert_false(pin_verify(h, "583918"));
	assert_false(pin_verify(h, ""));
	/* salted: the same PIN hashes differently each time */
	assert_int_equal(pin_hash("583917", h2, sizeof(h2), &e), 0);
	assert_string_not_equal(h, h2);
	assert_false(pin_verify("not a hash", "583917"));
}

static void test_set_writes_a_private_hash(void **state)
{
	const char *dir = *state;
	char path[512], h[PIN_HASH_MAX];
	struct err e = { "" };
	struct stat st;

	assert_int_equal(pin_load(dir, h, sizeof(h), &e), 0);
	assert_int_equal(pin_set(dir, "123456", &e), -1);
	assert_int_equal(pin_load(dir, h, sizeof(h), &e), 0);
	assert_int_equal(pin_set(dir, "583917", &e), 0);
	snprintf(path, sizeof(path), "%s/%s", dir, PIN_FILE);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(pin_load(dir, h, sizeof(h), &e), 1);
	assert_true(pin_verify(h, "583917"));
	/* a file that is not a hash is reported, not taken for "no PIN" */
	fake_write(dir, PIN_FILE, "583917\n");
	assert_int_equal(pin_load(dir, h, sizeof(h), &e), -1);
	assert_non_null(strstr(e.msg, "kioskctl pin"));
	assert_int_equal(pin_try(dir, "583917", 1000, NULL, NULL, &e),
			 PIN_BROKEN);
}

static void test_lockout_grows(void **state)
{
	static const int64_t minutes[] = { 1, 5, 15, 60, 60 };
	struct pin_lockout l = { 0, 0, 0 };
	int64_t now = 1700000000;
	size_t round;
	int i;

	(void)state;
	for (round = 0; round < ARRAY_LEN(minutes); round++) {
		for (i = 1; i < PIN_TRIES; i++) {
			assert_int_equal(pin_lockout_fail(&l, now),
					 PIN_TRIES - i);
			assert_int_equal(pin_lockout_wait(&l, now), 0);
		}
		assert_int_equal(pin_lockout_fail(&l, now), 0);
		assert_int_equal(pin_lockout_wait(&l, now),
				 minutes[round] * 60);
		assert_int_equal(pin_lockout_wait(&l, now + 30),
				 minutes[round] * 60 - 30);
		now += minutes[round] * 60;
		assert_int_equal(pin_lockout_wait(&l, now), 0);
	}
	/* a clock turned back never makes it longer than the step */
	assert_int_equal(pin_lockout_wait(&l, now - 60 * 60 * 24 * 365),
			 PIN_LOCK_MAX_SEC);
}

static void test_try_counts_locks_and_survives_restart(void **state)
{
	const char *dir = *state;
	struct err e = { "" };
	struct pin_lockout l;
	int64_t now = 1700000000, wait = 0;
	int left = -1, i;

	assert_int_equal(pin_try(dir, "583917", now, &left, &wait, &e),
			 PIN_NOT_SET);
	assert_int_equal(pin_set(dir, "583917", &e), 0);
	for (i = 1; i < PIN_TRIES; i++) {
		assert_int_equal(pin_try(dir, "000001", now, &left, &wait, &e),
				 PIN_WRONG);
		assert_int_equal(left, PIN_TRIES - i);
	}
	/* a right PIN in between starts the count over */
	assert_int_equal(pin_try(dir, "583917", now, &left, &wait, &e), PIN_OK);
	assert_int_equal(pin_lockout_load(dir, &l, &e), 0);
	assert_int_equal(l.failures, 0);
	for (i = 1; i <= PIN_TRIES; i++)
		assert_int_equal(pin_try(dir, "000001", now, &left, &wait, &e),
				 PIN_WRONG);
	assert_int_equal(left, 0);
	assert_int_equal(wait, 60);
	/* the state is on the disk: what a restart reads */
	assert_int_equal(pin_lockout_load(dir, &l, &e), 0);
	assert_int_equal(l.step, 1);
	assert_int_equal(l.locked_until, now + 60);
	/* locked: even the right PIN is not tried */
	assert_int_equal(pin_try(dir, "583917", now + 59, &left, &wait, &e),
			 PIN_LOCKED);
	assert_int_equal(wait, 1);
	assert_int_equal(pin_try(dir, "583917", now + 60, &left, &wait, &e),
			 PIN_OK);
	/* a new PIN ends a lockout */
	for (i = 1; i <= PIN_TRIES; i++)
		pin_try(dir, "000001", now, &left, &wait, &e);
	assert_int_equal(pin_try(dir, "583917", now, &left, &wait, &e),
			 PIN_LOCKED);
	assert_int_equal(pin_set(dir, "40271958", &e), 0);
	assert_int_equal(pin_try(dir, "40271958", now, &left, &wait, &e),
			 PIN_OK);
}

static void test_damaged_lockout_file_gives_no_free_tries(void **state)
{
	const char *dir = *state;
	struct err e = { "" };
	struct pin_lockout l;
	int64_t wait = 0;
	int left = -1;

	assert_int_equal(pin_set(dir, "583917", &e), 0);
	fake_write(dir, PIN_LOCK_FILE, "failures zero\n");
	assert_int_equal(pin_lockout_load(dir, &l, &e), -1);
	assert_int_equal(l.failures, PIN_TRIES - 1);
	assert_int_equal(pin_try(dir, "000001", 5000, &left, &wait, &e),
			 PIN_WRONG);
	assert_int_equal(left, 0);
	assert_int_equal(wait, 60);
}

/* A lockout written while the process dies at a random moment is the old
 * state or the new one, never a broken file. */
static void test_lockout_write_survives_kill(void **state)
{
	const char *dir = *state;
	struct pin_lockout first = { 0, 0, 1700000000 };
	struct err e = { "" };
	int k;

	assert_int_equal(pin_lockout_save(dir, &first, &e), 0);
	for (k = 0; k < 40; k++) {
		pid_t pid = fork();
		struct pin_lockout l;
		int status;

		assert_true(pid >= 0);
		if (pid == 0) {
			struct pin_lockout w = { 0, 0, 0 };
			int64_t t;

			for (t = 0;; t++) {
				w.failures = (int)(t % PIN_TRIES);
				w.step = (int)(t % 7);
				w.locked_until = 1700000000 + t;
				pin_lockout_save(dir, &w, NULL);
			}
		}
		usleep((useconds_t)(1000 + (k * 997) % 9000));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		assert_int_equal(pin_lockout_load(dir, &l, &e), 0);
		assert_true(l.locked_until >= 1700000000);
		assert_int_equal(
			l.failures,
			(int)((l.locked_until - 1700000000) % PIN_TRIES));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_refuse_weak_pins),
		cmocka_unit_test(test_hash_verifies_only_the_pin),
		cmocka_unit_test(test_lockout_grows),
		cmocka_unit_test_setup_teardown(test_set_writes_a_private_hash,
						fake_tmp_setup,
						fake_tmp_teardown),
		cmocka_unit_test_setup_teardown(
			test_try_counts_locks_and_survives_restart,
			fake_tmp_setup, fake_tmp_teardown),
		cmocka_unit_test_setup_teardown(
			test_damaged_lockout_file_gives_no_free_tries,
			fake_tmp_setup, fake_tmp_teardown),
		cmocka_unit_test_setup_teardown(
			test_lockout_write_survives_kill, fake_tmp_setup,
			fake_tmp_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
