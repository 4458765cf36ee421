/*
 * test_signups: the sign-ups an inhabitant leaves for an initiative, the
 * one place the kiosk keeps personal data. What they would notice if it
 * broke: a sign-up lost after the kiosk said it was saved, a name kept
 * after its delete day or after staff purged it (in the file or in its
 * WAL), a file others on the PC can read, a name in the survey file or in
 * the journal, a stolen kiosk that gives away names although a staff key
 * was set, or their name coming back garbled.
 *
 * SIGNUPS_KILLS=N sets the number of kills of the kill test (default 40).
 */
#include "fake.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "base/util.h"
#include "core/seal.h"
#include "core/store/signups.h"
#include "core/store/store.h"
#include "survey_fixture.h"

#define TODAY	   20261124
#define IN_90_DAYS 20270222
#define CONSENT	   "5f1c0a9e77d2b3a4"

static struct signups *open_in(const char *dir, char *path, size_t size,
			       const uint8_t *pub)
{
	struct err e = { "" };
	struct signups *s;

	snprintf(path, size, "%s/" SIGNUPS_FILE, dir);
	s = signups_open(path, TODAY, pub, &e);
	if (!s)
		fail_msg("signups_open: %s", e.msg);
	return s;
}

static void add(struct signups *s, const char *initiative, const char *name,
		const char *contact, int day)
{
	struct signup_in in = { initiative, name, contact, CONSENT };
	struct err e = { "" };

	if (signups_add(s, &in, day, 90, &e) < 0)
		fail_msg("signups_add: %s", e.msg);
}

static int count(struct signups *s, const char *initiative)
{
	struct err e = { "" };
	int n = -1;

	if (signups_count(s, initiative, &n, &e) < 0)
		fail_msg("signups_count: %s", e.msg);
	return n;
}

/* The whole file (and its -wal with side "-wal") as bytes; NULL when it is
 * not there. *len gets the size. */
static char *raw(const char *path, const char *side, size_t *len)
{
	char p[256];
	struct err e;

	snprintf(p, sizeof(p), "%s%s", path, side);
	return file_read(p, 1u << 28, len, &e);
}

/* 1 when the bytes of needle are anywhere in path+side. */
static int in_file(const char *path, const char *side, const char *needle)
{
	size_t len;
	char *b = raw(path, side, &len);
	int found;

	if (!b)
		return 0;
	found = memmem(b, len, needle, strlen(needle)) != NULL;
	free(b);
	return found;
}

/* What a scan finds, kept as copies. */
struct seen {
	char name[64][SIGNUPS_NAME_MAX + 1];
	char contact[64][SIGNUPS_CONTACT_MAX + 1];
	char initiative[64][32];
	int day[64], delete_on[64], sealed[64];
	int n;
};

static int on_seen(void *ctx, const struct signup_out *o, struct err *e)
{
	struct seen *s = ctx;

	(void)e;
	assert_true(s->n < 64);
	str_copy(s->name[s->n], sizeof(s->name[0]), o->name ? o->name : "");
	str_copy(s->contact[s->n], sizeof(s->contact[0]),
		 o->contact ? o->contact : "");
	str_copy(s->initiative[s->n], sizeof(s->initiative[0]), o->initiative);
	assert_string_equal(o->consent_hash, CONSENT);
	if (o->sealed)
		assert_true(o->name == NULL || o->name[0]);
	s->day[s->n] = o->day;
	s->delete_on[s->n] = o->delete_on;
	s->sealed[s->n] = o->sealed;
	s->n++;
	return 0;
}

static struct seen *scan(struct signups *s, const uint8_t *sec)
{
	struct seen *seen = calloc(1, sizeof(*seen));
	struct err e = { "" };

	assert_non_null(seen);
	if (signups_scan(s, sec, on_seen, seen, &e) < 0)
		fail_msg("signups_scan: %s", e.msg);
	return seen;
}

/* ---- saving, counting, purging ---- */

static void test_add_count_and_purge(void **state)
{
	char path[128];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct seen *seen;
	struct err e = { "" };
	int removed = -1;

	add(s, "moestuin", "Anneke", "anneke@example.nl", TODAY);
	add(s, "moestuin", "Bram", "+31612345678", TODAY);
	add(s, "repaircafe", "Cor", "+31687654321", TODAY);
	assert_int_equal(count(s, NULL), 3);
	assert_int_equal(count(s, "moestuin"), 2);
	assert_int_equal(count(s, "wandelgroep"), 0);
	seen = scan(s, NULL);
	assert_int_equal(seen->n, 3);
	/* by initiative: the two for the garden first */
	assert_string_equal(seen->initiative[0], "moestuin");
	assert_string_equal(seen->initiative[2], "repaircafe");
	assert_string_equal(seen->name[2], "Cor");
	assert_string_equal(seen->contact[2], "+31687654321");
	assert_int_equal(seen->day[2], TODAY);
	assert_int_equal(seen->delete_on[2], IN_90_DAYS);
	assert_int_equal(seen->sealed[2], 0);
	free(seen);
	assert_int_equal(signups_purge(s, "moestuin", &removed, &e), 0);
	assert_int_equal(removed, 2);
	assert_int_equal(count(s, NULL), 1);
	assert_int_equal(count(s, "repaircafe"), 1);
	assert_int_equal(signups_purge(s, NULL, &removed, &e), 0);
	assert_int_equal(removed, 1);
	assert_int_equal(count(s, NULL), 0);
	signups_close(s);
}

static void test_refused_input_names_no_one(void **state)
{
	char path[128], longname[SIGNUPS_NAME_MAX + 2];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct signup_in in = { "moestuin", "Gerrit", "", CONSENT };
	struct err e = { "" };

	assert_int_equal(signups_add(s, &in, TODAY, 90, &e), -1);
	assert_non_null(strstr(e.msg, "telefoonnummer of e-mailadres"));
	in.contact = "gerrit@example.nl";
	in.consent_hash = "";
	assert_int_equal(signups_add(s, &in, TODAY, 90, &e), -1);
	assert_non_null(strstr(e.msg, "toestemming"));
	in.consent_hash = CONSENT;
	memset(longname, 'G', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	in.name = longname;
	assert_int_equal(signups_add(s, &in, TODAY, 90, &e), -1);
	assert_non_null(strstr(e.msg, "te lang"));
	assert_null(strstr(e.msg, "GGGG"));
	in.name = "Gerrit \xC3";
	assert_int_equal(signups_add(s, &in, TODAY, 90, &e), -1);
	assert_null(strstr(e.msg, "Gerrit"));
	in.name = "Gerrit";
	assert_int_equal(signups_add(s, &in, TODAY, 400, &e), -1);
	assert_int_equal(signups_add(s, &in, 20261131, 90, &e), -1);
	assert_int_equal(count(s, NULL), 0);
	signups_close(s);
}

static void test_retention_follows_today(void **state)
{
	char path[128];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct signup_in in = { "moestuin", "Dirk", "+31611111111", CONSENT };
	struct err e = { "" };
	int removed = -1;

	add(s, "moestuin", "Els", "els@example.nl", TODAY); /* keeps 90 */
	assert_int_equal(signups_add(s, &in, TODAY, 30, &e), 0);
	/* the day before the shorter term ends: both stay */
	assert_int_equal(signups_purge_expired(s, 20261223, &removed, &e), 0);
	assert_int_equal(removed, 0);
	assert_int_equal(count(s, NULL), 2);
	/* 30 days after: Dirk goes */
	assert_int_equal(signups_purge_expired(s, 20261224, &removed, &e), 0);
	assert_int_equal(removed, 1);
	assert_int_equal(count(s, NULL), 1);
	assert_false(in_file(path, "", "Dirk"));
	assert_false(in_file(path, "-wal", "Dirk"));
	/* over a year end, 89 and 90 days on */
	assert_int_equal(signups_purge_expired(s, 20270221, &removed, &e), 0);
	assert_int_equal(removed, 0);
	assert_int_equal(signups_purge_expired(s, IN_90_DAYS, &removed, &e), 0);
	assert_int_equal(removed, 1);
	assert_int_equal(count(s, NULL), 0);
	signups_close(s);
}

/* ---- the file itself ---- */

static void mode_is_private(const char *path, const char *side)
{
	char p[256];
	struct stat sb;

	snprintf(p, sizeof(p), "%s%s", path, side);
	if (stat(p, &sb) < 0)
		fail_msg("'%s' is not there", p);
	if ((sb.st_mode & 0777) != 0600)
		fail_msg("'%s' has mode %o", p, sb.st_mode & 0777);
}

static void test_file_is_0600_whatever_the_umask(void **state)
{
	static const mode_t masks[] = { 0, 022, 077 };
	char dir[128], path[160];
	size_t i;

	for (i = 0; i < ARRAY_LEN(masks); i++) {
		mode_t old = umask(masks[i]);
		struct signups *s;

		snprintf(dir, sizeof(dir), "%s/%zu", (char *)*state, i);
		mkdir(dir, 0777);
		s = open_in(dir, path, sizeof(path), NULL);
		add(s, "moestuin", "Fenna", "fenna@example.nl", TODAY);
		umask(old);
		mode_is_private(path, "");
		mode_is_private(path, "-wal");
		mode_is_private(path, "-shm");
		signups_close(s);
	}
	/* an older file someone made readable is made private again */
	chmod(path, 0644);
	{
		struct signups *s = open_in(dir, path, sizeof(path), NULL);

		mode_is_private(path, "");
		signups_close(s);
	}
}

static void test_purged_name_is_gone_from_db_and_wal(void **state)
{
	char path[128], name[64];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct err e = { "" };
	int i, removed;

	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "Buurvrouw%02dQ", i);
		add(s, i % 2 ? "moestuin" : "wandelgroep", name, "+31622222222",
		    TODAY);
	}
	add(s, "moestuin", "Hendrika van Zonneveld", "hendrika@example.nl",
	    TODAY);
	/* the name is there before, so the test can see it; closing
	 * moves it from the WAL into the database file */
	assert_true(in_file(path, "-wal", "Hendrika van Zonneveld"));
	signups_close(s);
	assert_true(in_file(path, "", "Hendrika van Zonneveld"));
	s = open_in(*state, path, sizeof(path), NULL);
	add(s, "moestuin", "Izaak Wolters", "izaak@example.nl", TODAY);
	assert_true(in_file(path, "-wal", "Izaak Wolters"));
	assert_int_equal(signups_purge(s, "moestuin", &removed, &e), 0);
	assert_int_equal(removed, 22);
	assert_false(in_file(path, "", "Hendrika"));
	assert_false(in_file(path, "-wal", "Hendrika"));
	assert_false(in_file(path, "", "hendrika@example.nl"));
	assert_false(in_file(path, "", "Izaak"));
	assert_false(in_file(path, "-wal", "Izaak"));
	assert_false(in_file(path, "", "Buurvrouw01Q"));
	assert_false(in_file(path, "-wal", "Buurvrouw01Q"));
	/* the others stay */
	assert_true(in_file(path, "", "Buurvrouw00Q") ||
		    in_file(path, "-wal", "Buurvrouw00Q"));
	assert_int_equal(count(s, NULL), 20);
	signups_close(s);
	assert_false(in_file(path, "", "Hendrika"));
	assert_false(in_file(path, "-wal", "Hendrika"));
}

static void test_survey_file_never_holds_signups(void **state)
{
	char path[128], spath[128];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct survey_answers a;
	struct survey sv;
	struct store *st;
	struct err e = { "" };

	survey_fill(&sv);
	snprintf(spath, sizeof(spath), "%s/" STORE_FILE, (char *)*state);
	st = store_open(spath, TODAY, &e);
	assert_non_null(st);
	answers_fill(&a, 1);
	assert_int_equal(store_response_add(st, &sv, &a, 2026, 48, &e), 0);
	add(s, "moestuin", "Jolanda Kuipers", "jolanda@example.nl", TODAY);
	answers_fill(&a, 2);
	assert_int_equal(store_response_add(st, &sv, &a, 2026, 48, &e), 0);
	signups_close(s);
	store_close(st);
	assert_true(in_file(path, "", "Jolanda Kuipers"));
	assert_false(in_file(spath, "", "Jolanda"));
	assert_false(in_file(spath, "", "jolanda@example.nl"));
	assert_false(in_file(spath, "", "moestuin"));
	assert_false(in_file(spath, "-wal", "Jolanda"));
	/* neither file is taken for the other, and neither is moved aside */
	assert_null(store_open_read(path, &e));
	assert_non_null(strstr(e.msg, "geen enquêtebestand"));
	assert_null(store_open(path, TODAY, &e));
	assert_null(signups_open_read(spath, &e));
	assert_non_null(strstr(e.msg, "geen aanmeldingenbestand"));
	assert_null(signups_open(spath, TODAY, NULL, &e));
	assert_true(in_file(path, "", "Jolanda Kuipers"));
	st = store_open_read(spath, &e);
	assert_non_null(st);
	store_close(st);
	store_definition_release(&sv);
}

/* ---- sealed ---- */

static void test_sealed_signup_needs_the_key(void **state)
{
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	uint8_t pub2[SEAL_PUBLIC_BYTES], sec2[SEAL_SECRET_BYTES];
	char path[128];
	struct signups *s;
	struct seen *seen;
	struct err e = { "" };

	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	assert_int_equal(seal_keypair(pub2, sec2, &e), 0);
	s = open_in(*state, path, sizeof(path), pub);
	add(s, "moestuin", "Karel Verhoeven", "karel@example.nl", TODAY);
	add(s, "repaircafe", "Lotte", "+31633333333", TODAY);
	assert_int_equal(count(s, "moestuin"), 1);
	signups_close(s);
	/* the file and its WAL alone say nothing personal */
	assert_false(in_file(path, "", "Karel"));
	assert_false(in_file(path, "", "karel@example.nl"));
	assert_false(in_file(path, "", "+31633333333"));
	assert_false(in_file(path, "-wal", "Karel"));
	s = signups_open_read(path, &e);
	assert_non_null(s);
	assert_int_equal(signups_any_sealed(s, &e), 1);
	/* without the key: what, when, but no name */
	seen = scan(s, NULL);
	assert_int_equal(seen->n, 2);
	assert_int_equal(seen->sealed[0], 1);
	assert_string_equal(seen->name[0], "");
	assert_string_equal(seen->contact[0], "");
	assert_string_equal(seen->initiative[0], "moestuin");
	assert_int_equal(seen->delete_on[0], IN_90_DAYS);
	free(seen);
	/* another key: refused, nothing handed out */
	{
		struct seen *none = calloc(1, sizeof(*none));

		assert_non_null(none);
		assert_int_equal(signups_scan(s, sec2, on_seen, none, &e), -1);
		assert_non_null(strstr(e.msg, "sleutel past niet"));
		assert_int_equal(none->n, 0);
		free(none);
	}
	/* the right key */
	seen = scan(s, sec);
	assert_int_equal(seen->n, 2);
	assert_string_equal(seen->name[0], "Karel Verhoeven");
	assert_string_equal(seen->contact[0], "karel@example.nl");
	assert_string_equal(seen->name[1], "Lotte");
	assert_string_equal(seen->contact[1], "+31633333333");
	free(seen);
	signups_close(s);
}

/* ---- what people type ---- */

static void test_long_names_emoji_and_rtl_round_trip(void **state)
{
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	char longname[SIGNUPS_NAME_MAX + 1], path[128], dir[128];
	const char *names[4];
	struct err e = { "" };
	int k, i;

	/* exactly at the limit: 1024 bytes of two-byte letters */
	for (i = 0; i + 2 <= SIGNUPS_NAME_MAX; i += 2)
		memcpy(longname + i, "\xC3\xA9", 2); /* é */
	longname[i] = '\0';
	names[0] = longname;
	names[1] = "Marieke \xF0\x9F\x8C\xBB\xF0\x9F\x91\xA9\xE2\x80\x8D"
		   "\xF0\x9F\x8C\xBE"; /* sunflower, woman farmer (ZWJ) */
	names[2] = "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A"
		   " (Mohammed)"; /* Arabic, then Latin in brackets */
	names[3] = "\xD7\xA9\xD7\xA8\xD7\x94 O'Neil-\"Smit\"; =1+1";
	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	for (k = 0; k < 2; k++) {
		struct signups *s;
		struct seen *seen;

		snprintf(dir, sizeof(dir), "%s/%d", (char *)*state, k);
		mkdir(dir, 0700);
		s = open_in(dir, path, sizeof(path), k ? pub : NULL);
		for (i = 0; i < 4; i++)
			add(s, "moestuin", names[i], "+905321234567", TODAY);
		signups_close(s);
		s = signups_open_read(path, &e);
		assert_non_null(s);
		seen = scan(s, k ? sec : NULL);
		assert_int_equal(seen->n, 4);
		for (i = 0; i < 4; i++) {
			int j, hit = 0;

			for (j = 0; j < 4; j++)
				hit += strcmp(seen->name[j], names[i]) == 0;
			if (hit != 1)
				fail_msg("name %d came back %d times%s", i, hit,
					 k ? " (sealed)" : "");
		}
		free(seen);
		signups_close(s);
	}
}

/* ---- faults ---- */

static void test_disk_full_keeps_earlier_signups(void **state)
{
	char path[128], name[64], big[SIGNUPS_NAME_MAX + 1];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct signup_in in = { "moestuin", big, "+31644444444", CONSENT };
	struct seen *seen;
	struct err e = { "" };
	int n, saved = 0, failed = 0;

	add(s, "moestuin", "Nienke Eerst", "nienke@example.nl", TODAY);
	assert_int_equal(signups_limit_bytes(s, 48 * 1024, &e), 0);
	for (n = 0; n < 500 && !failed; n++) {
		memset(big, 'n', 1000);
		snprintf(big, 20, "Vol %04d ", n);
		big[strlen(big)] = 'n';
		big[1000] = '\0';
		if (signups_add(s, &in, TODAY, 90, &e) == 0)
			saved++;
		else
			failed = 1;
	}
	assert_true(failed);
	assert_non_null(strstr(e.msg, "de schijf is vol"));
	assert_null(strstr(e.msg, "Vol "));
	assert_int_equal(count(s, NULL), saved + 1);
	seen = scan(s, NULL);
	for (n = 0, failed = 0; n < seen->n; n++)
		if (strcmp(seen->name[n], "Nienke Eerst") == 0)
			failed++;
		else if (strncmp(seen->name[n], "Vol ", 4) != 0 ||
			 strlen(seen->name[n]) != 1000)
			fail_msg("sign-up %d came back changed", n);
	assert_int_equal(failed, 1);
	free(seen);
	/* room again: the kiosk goes on */
	assert_int_equal(signups_limit_bytes(s, 64 * 1024 * 1024, &e), 0);
	snprintf(name, sizeof(name), "Otto Daarna");
	add(s, "moestuin", name, "otto@example.nl", TODAY);
	assert_int_equal(count(s, NULL), saved + 2);
	signups_close(s);
}

static void test_damaged_file_is_moved_aside(void **state)
{
	char path[160], aside[200];
	struct signups *s;
	struct stat sb;

	snprintf(path, sizeof(path), "%s/" SIGNUPS_FILE, (char *)*state);
	fake_write(*state, SIGNUPS_FILE,
		   "this is not a database, but it is long enough to look "
		   "like a header of one to a careless reader .........");
	chmod(path, 0600);
	s = open_in(*state, path, sizeof(path), NULL);
	add(s, "moestuin", "Pim", "pim@example.nl", TODAY);
	assert_int_equal(count(s, NULL), 1);
	signups_close(s);
	snprintf(aside, sizeof(aside), "%s.beschadigd-2026-11-24", path);
	assert_int_equal(stat(aside, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

static void test_read_only_copy_cannot_be_changed(void **state)
{
	char path[128];
	struct signups *s = open_in(*state, path, sizeof(path), NULL);
	struct signup_in in = { "moestuin", "Quinta", "q@example.nl", CONSENT };
	struct err e = { "" };
	int removed;

	add(s, "moestuin", "Rik", "rik@example.nl", TODAY);
	signups_close(s);
	s = signups_open_read(path, &e);
	assert_non_null(s);
	assert_int_equal(signups_add(s, &in, TODAY, 90, &e), -1);
	assert_int_equal(signups_purge(s, NULL, &removed, &e), -1);
	assert_int_equal(count(s, NULL), 1);
	signups_close(s);
}

/* Everything the store says to the journal, while it is made to fail and
 * recover in every way a test can, never holds a name or contact. */
static void test_nothing_personal_in_the_log(void **state)
{
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	char path[160], logpath[160], bad[SIGNUPS_NAME_MAX + 10];
	char msgs[6][sizeof(((struct err *)0)->msg)];
	int rcs[6], fd, saved, removed, i;
	struct signup_in in = { "moestuin", bad, "sanne@example.nl", CONSENT };
	struct signups *s;
	struct seen *seen = calloc(1, sizeof(*seen));
	struct err e = { "" };
	char *log;
	size_t len;

	assert_non_null(seen);
	rcs[2] = 0;
	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	fake_write(*state, SIGNUPS_FILE,
		   "Sanne Sanne Sanne, not a database "
		   "at all, long enough anyway .......");
	snprintf(path, sizeof(path), "%s/" SIGNUPS_FILE, (char *)*state);
	snprintf(bad, sizeof(bad), "Sanne de Wit ");
	memset(bad + 13, 'x', sizeof(bad) - 14);
	bad[sizeof(bad) - 1] = '\0';
	/* everything the store says goes to a file while it runs */
	snprintf(logpath, sizeof(logpath), "%s/log.txt", (char *)*state);
	fflush(stderr);
	saved = dup(2);
	fd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0 && saved >= 0);
	dup2(fd, 2);
	close(fd);
	memset(msgs, 0, sizeof(msgs));
	/* a damaged file, moved aside with a log line */
	s = signups_open(path, TODAY, pub, &e);
	if (s) {
		struct signup_in ok = { "moestuin", "Sanne de Wit",
					"sanne@example.nl", CONSENT };

		rcs[0] = signups_add(s, &ok, TODAY, 90, &e);
		str_copy(msgs[0], sizeof(msgs[0]), e.msg);
		rcs[1] = signups_add(s, &in, TODAY, 90, &e); /* too long */
		str_copy(msgs[1], sizeof(msgs[1]), e.msg);
		/* full: as small as the file is now, then fill it */
		signups_limit_bytes(s, 4096, &e);
		ok.name = bad + 200;
		for (i = 0; i < 100; i++)
			if ((rcs[2] = signups_add(s, &ok, TODAY, 90, &e)) < 0)
				break;
		str_copy(msgs[2], sizeof(msgs[2]), e.msg);
		signups_limit_bytes(s, 1 << 26, &e);
		ok.name = "Sanne de Wit";
		signups_purge(s, NULL, &removed, &e);
		signups_add(s, &ok, TODAY, 90, &e);
		rcs[3] = signups_scan(s, sec, on_seen, seen, &e);
		rcs[4] = signups_scan(s, pub, on_seen, seen, &e); /* wrong */
		str_copy(msgs[4], sizeof(msgs[4]), e.msg);
		rcs[5] = signups_purge_expired(s, IN_90_DAYS, &removed, &e);
		signups_close(s);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_non_null(s);
	assert_int_equal(rcs[0], 0);
	assert_int_equal(rcs[1], -1);
	assert_int_equal(rcs[2], -1);
	assert_int_equal(rcs[3], 0);
	assert_int_equal(seen->n, 1);
	assert_string_equal(seen->name[0], "Sanne de Wit");
	assert_int_equal(rcs[4], -1);
	assert_int_equal(rcs[5], 0);
	assert_int_equal(removed, 1);
	for (i = 0; i < 6; i++) {
		assert_null(strstr(msgs[i], "Sanne"));
		assert_null(strstr(msgs[i], "sanne@"));
	}
	log = file_read(logpath, 1 << 20, &len, &e);
	assert_non_null(log);
	/* the store did say something: the file moved aside */
	assert_non_null(strstr(log, "damaged"));
	assert_null(strstr(log, "Sanne de"));
	assert_null(strstr(log, "sanne@"));
	free(log);
	free(seen);
}

/* ---- export ---- */

static void test_export_one_csv_per_initiative(void **state)
{
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	uint8_t pub2[SEAL_PUBLIC_BYTES], sec2[SEAL_SECRET_BYTES];
	struct signups_export_result r;
	char path[128], out[128], file[192];
	struct signups *s;
	struct err e = { "" };
	struct stat sb;
	char *csv;
	size_t len;

	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	assert_int_equal(seal_keypair(pub2, sec2, &e), 0);
	s = open_in(*state, path, sizeof(path), pub);
	add(s, "moestuin", "Teun \"de Tuinman\"; Jansen", "teun@example.nl",
	    TODAY);
	add(s, "moestuin", "=HYPERLINK(\"x\")", "+31655555555", 20261201);
	add(s, "repair cafe", "Ursula", "ursula@example.nl", TODAY);
	signups_close(s);
	snprintf(out, sizeof(out), "%s/uit", (char *)*state);
	/* without the key, or with another: nothing written at all */
	assert_int_equal(signups_export(path, out, NULL, &r, &e), -1);
	assert_non_null(strstr(e.msg, "versleuteld"));
	assert_int_not_equal(stat(out, &sb), 0);
	assert_int_equal(signups_export(path, out, sec2, &r, &e), -1);
	assert_non_null(strstr(e.msg, "sleutel past niet"));
	assert_int_not_equal(stat(out, &sb), 0);
	/* the right key */
	assert_int_equal(signups_export(path, out, sec, &r, &e), 0);
	assert_int_equal(r.initiatives, 2);
	assert_int_equal(r.signups, 3);
	snprintf(file, sizeof(file), "%s/aanmeldingen-moestuin.csv", out);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	csv = file_read(file, 1 << 20, &len, &e);
	assert_non_null(csv);
	assert_true(str_starts(csv, "\xEF\xBB\xBFinitiatief;dag van aanmelding;"
				    "naam;contact;toestemming;"
				    "te verwijderen op\r\n"));
	assert_non_null(strstr(csv,
			       "moestuin;2026-11-24;\"Teun \"\"de "
			       "Tuinman\"\"; Jansen\";teun@example.nl;" CONSENT
			       ";2027-02-22\r\n"));
	/* a formula stays text */
	assert_non_null(strstr(csv, ";\"'=HYPERLINK(\"\"x\"\")\";"));
	assert_null(strstr(csv, "Ursula"));
	free(csv);
	snprintf(file, sizeof(file), "%s/aanmeldingen-repair_cafe.csv", out);
	csv = file_read(file, 1 << 20, &len, &e);
	assert_non_null(csv);
	assert_non_null(strstr(csv, "repair cafe;2026-11-24;Ursula;"));
	free(csv);
}

/* ---- the kill test ---- */

/* A scratch folder on a RAM disk when there is one: each sign-up is an
 * fsync. */
static int ram_setup(void **state)
{
	char *dir = malloc(64);

	if (!dir)
		return -1;
	snprintf(dir, 64, "/dev/shm/wijkkiosk-test-XXXXXX");
	if (!mkdtemp(dir))
		fake_tmpdir(dir, 64);
	*state = dir;
	return 0;
}

/* The name and contact that belong to sign-up number n. */
static void numbered(int n, char *name, size_t nsize, char *contact,
		     size_t csize)
{
	snprintf(name, nsize, "Deelnemer %d %s", n,
		 n % 3 ? "van der Berg" : "\xD8\xB3\xD8\xA7\xD8\xB1\xD8\xA9");
	snprintf(contact, csize, "+316%08d", n);
}

/* The child: saves numbered sign-ups from `from` on, sealed with pub,
 * and reports each number through fd once signups_add returned 0. */
static void kill_child(const char *path, const uint8_t *pub, int from, int fd)
{
	char name[96], contact[32];
	struct signup_in in = { "moestuin", name, contact, CONSENT };
	struct err e = { "" };
	struct signups *s = signups_open(path, TODAY, pub, &e);
	int n;

	if (!s)
		_exit(3);
	for (n = from;; n++) {
		numbered(n, name, sizeof(name), contact, sizeof(contact));
		if (signups_add(s, &in, TODAY, 90, &e) < 0)
			_exit(4);
		if (write(fd, &n, sizeof(n)) != sizeof(n))
			_exit(5);
	}
}

struct whole {
	unsigned char *seen;
	size_t max;
	int n, bad;
};

static int on_whole(void *ctx, const struct signup_out *o, struct err *e)
{
	struct whole *w = ctx;
	char name[96], contact[32];
	int n = -1;

	(void)e;
	if (!o->name || sscanf(o->name, "Deelnemer %d", &n) != 1 || n < 0 ||
	    (size_t)n >= w->max) {
		w->bad++;
		return 0;
	}
	numbered(n, name, sizeof(name), contact, sizeof(contact));
	if (strcmp(o->name, name) != 0 || strcmp(o->contact, contact) != 0 ||
	    strcmp(o->initiative, "moestuin") != 0 || o->day != TODAY ||
	    w->seen[n])
		w->bad++;
	w->seen[n] = 1;
	w->n++;
	return 0;
}

static void test_kill_at_random_moments(void **state)
{
	const char *env = getenv("SIGNUPS_KILLS");
	int kills = env ? atoi(env) : 40, k, acked = 0;
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	struct whole w = { 0 };
	char path[128], aside[192];
	struct err e = { "" };
	struct signups *s;
	struct stat sb;
	unsigned seed = (unsigned)getpid();
	int *ack;

	assert_int_equal(seal_keypair(pub, sec, &e), 0);
	snprintf(path, sizeof(path), "%s/" SIGNUPS_FILE, (char *)*state);
	w.max = (size_t)kills * 1000;
	ack = calloc(w.max, sizeof(*ack));
	w.seen = calloc(w.max, 1);
	assert_non_null(ack);
	assert_non_null(w.seen);
	for (k = 0; k < kills; k++) {
		struct timespec ts = { 0, 0 };
		int fds[2], n, status;
		pid_t pid;

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			kill_child(path, pub, k * 1000, fds[1]);
		}
		close(fds[1]);
		ts.tv_nsec = (long)(rand_r(&seed) % 6000) * 1000;
		if (k % 2 && read(fds[0], &n, sizeof(n)) == sizeof(n)) {
			ack[acked++] = n;
			ts.tv_nsec /= 3;
		}
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status))
			fail_msg("child %d ended by itself (status %d)", k,
				 WEXITSTATUS(status));
		while (read(fds[0], &n, sizeof(n)) == sizeof(n))
			ack[acked++] = n;
		close(fds[0]);
	}
	/* the kiosk starts again: the file is whole, nothing moved aside */
	s = signups_open(path, TODAY, pub, &e);
	assert_non_null(s);
	snprintf(aside, sizeof(aside), "%s.beschadigd-2026-11-24", path);
	assert_int_not_equal(stat(aside, &sb), 0);
	if (signups_scan(s, sec, on_whole, &w, &e) < 0)
		fail_msg("scan: %s", e.msg);
	assert_int_equal(w.bad, 0);
	for (k = 0; k < acked; k++)
		if (!w.seen[ack[k]])
			fail_msg("sign-up %d was acknowledged, then lost",
				 ack[k]);
	assert_true(w.n - acked >= 0 && w.n - acked <= kills);
	printf("kill test: %d kills, %d acknowledged sign-ups, all found whole "
	       "(%d more saved just before a kill)\n",
	       kills, acked, w.n - acked);
	signups_close(s);
	free(ack);
	free(w.seen);
}

#define T(f)                                                                   \
	cmocka_unit_test_setup_teardown(f, fake_tmp_setup, fake_tmp_teardown)
#define TR(f) cmocka_unit_test_setup_teardown(f, ram_setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_add_count_and_purge),
		T(test_refused_input_names_no_one),
		T(test_retention_follows_today),
		T(test_file_is_0600_whatever_the_umask),
		T(test_purged_name_is_gone_from_db_and_wal),
		T(test_survey_file_never_holds_signups),
		T(test_sealed_signup_needs_the_key),
		T(test_long_names_emoji_and_rtl_round_trip),
		T(test_disk_full_keeps_earlier_signups),
		T(test_damaged_file_is_moved_aside),
		T(test_read_only_copy_cannot_be_changed),
		T(test_nothing_personal_in_the_log),
		T(test_export_one_csv_per_initiative),
		TR(test_kill_at_random_moments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
