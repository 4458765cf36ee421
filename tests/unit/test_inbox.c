/*
 * test_inbox: when a pack in DATA/inbox has fully arrived. A pack that is
 * still coming in (a Syncthing temporary file, no kiosk.ini yet, or a
 * file that changed since the previous look) is left alone; a whole one
 * is offered once, and again only when it changes; what became of it is
 * written beside it in Dutch.
 */
#include "fake.h"

#include "core/inbox.h"

static void pack(const char *data, const char *name)
{
	char rel[256];

	snprintf(rel, sizeof(rel), "inbox/%s/kiosk.ini", name);
	fake_write(data, rel, "[kiosk]\nformat = 1\nname = Test\n");
	snprintf(rel, sizeof(rel), "inbox/%s/welkom/tekst.md", name);
	fake_write(data, rel, "Welkom.\n");
}

static int look(struct inbox *ib, char *name)
{
	uint64_t print;

	return inbox_look(ib, name, INBOX_NAME_MAX, &print);
}

static void test_no_inbox_folder_means_off(void **state)
{
	struct inbox ib;

	assert_int_equal(inbox_open(&ib, *state), 0);
}

static void test_whole_pack_is_offered_after_a_quiet_look(void **state)
{
	struct inbox ib;
	char name[INBOX_NAME_MAX];

	pack(*state, "ussen");
	fake_write(*state, "inbox/ussen.fout.txt", "an old report\n");
	assert_int_equal(inbox_open(&ib, *state), 1);
	/* first seen now: it may still be arriving */
	assert_int_equal(look(&ib, name), 0);
	assert_int_equal(look(&ib, name), 1);
	assert_string_equal(name, "ussen");
}

static void test_changing_pack_waits(void **state)
{
	struct inbox ib;
	char name[INBOX_NAME_MAX];

	pack(*state, "ussen");
	assert_int_equal(inbox_open(&ib, *state), 1);
	assert_int_equal(look(&ib, name), 0);
	/* a file arrives between two looks */
	fake_write(*state, "inbox/ussen/folders/flyer.txt", "nieuw\n");
	assert_int_equal(look(&ib, name), 0);
	assert_int_equal(look(&ib, name), 1);
}

static void test_sync_temp_file_or_missing_ini_waits(void **state)
{
	struct inbox ib;
	char name[INBOX_NAME_MAX], path[4096];
	uint64_t print;

	pack(*state, "ussen");
	fake_write(*state, "inbox/ussen/welkom/.syncthing.foto.jpg.tmp", "x");
	snprintf(path, sizeof(path), "%s/inbox/ussen", (char *)*state);
	assert_int_equal(inbox_pack_state(path, &print), INBOX_ARRIVING);
	assert_int_equal(inbox_open(&ib, *state), 1);
	assert_int_equal(look(&ib, name), 0);
	assert_int_equal(look(&ib, name), 0);

	fake_write(*state, "inbox/deurne/welkom/tekst.md", "Welkom.\n");
	snprintf(path, sizeof(path), "%s/inbox/deurne", (char *)*state);
	assert_int_equal(inbox_pack_state(path, &print), INBOX_ARRIVING);
	assert_int_equal(look(&ib, name), 0);

	/* the Windows form of the temporary name too */
	snprintf(path, sizeof(path),
		 "%s/inbox/ussen/welkom/.syncthing.foto.jpg.tmp",
		 (char *)*state);
	unlink(path);
	fake_write(*state, "inbox/ussen/~syncthing~tekst.md.tmp", "x");
	snprintf(path, sizeof(path), "%s/inbox/ussen", (char *)*state);
	assert_int_equal(inbox_pack_state(path, &print), INBOX_ARRIVING);
}

static void test_handled_pack_is_offered_again_only_when_changed(void **state)
{
	struct inbox ib;
	char name[INBOX_NAME_MAX], path[4096];
	uint64_t print;
	struct err e = { "" };
	FILE *f;
	char text[600] = "";

	pack(*state, "ussen");
	assert_int_equal(inbox_open(&ib, *state), 1);
	look(&ib, name);
	assert_int_equal(inbox_look(&ib, name, sizeof(name), &print), 1);
	assert_int_equal(inbox_done(&ib, name, print, 0,
				    "kiosk.ini:3: onbekende instelling\n",
				    20261124, 14 * 60 + 5, &e),
			 0);
	/* the report is Dutch, dated, and carries the checker's lines */
	snprintf(path, sizeof(path), "%s/inbox/ussen.fout.txt", (char *)*state);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_true(fread(text, 1, sizeof(text) - 1, f) > 0);
	fclose(f);
	assert_non_null(strstr(text, "NIET op de kiosk gezet op 2026-11-24 "
				     "om 14:05"));
	assert_non_null(strstr(text, "kiosk.ini:3: onbekende instelling"));
	assert_int_equal(look(&ib, name), 0);
	/* a restart remembers it (DATA/inbox.seen) */
	assert_int_equal(inbox_open(&ib, *state), 1);
	assert_int_equal(look(&ib, name), 0);
	assert_int_equal(look(&ib, name), 0);
	/* mended in the office: offered again after a quiet look */
	fake_write(*state, "inbox/ussen/kiosk.ini",
		   "[kiosk]\nformat = 1\nname = Beter\n");
	assert_int_equal(look(&ib, name), 0);
	assert_int_equal(inbox_look(&ib, name, sizeof(name), &print), 1);
	assert_int_equal(inbox_done(&ib, name, print, 1, "", 20261124, 600, &e),
			 0);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(path, sizeof(path), "%s/inbox/ussen.ok.txt", (char *)*state);
	assert_int_equal(access(path, F_OK), 0);
}

static void test_dot_folders_and_files_are_not_packs(void **state)
{
	struct inbox ib;
	char name[INBOX_NAME_MAX];

	fake_write(*state, "inbox/.stfolder/x", "");
	fake_write(*state, "inbox/.stversions/kiosk.ini", "");
	fake_write(*state, "inbox/notitie.txt", "hallo\n");
	assert_int_equal(inbox_open(&ib, *state), 1);
	assert_int_equal(look(&ib, name), 0);
	assert_int_equal(look(&ib, name), 0);
}

#define T(f)                                                                   \
	cmocka_unit_test_setup_teardown(f, fake_tmp_setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_no_inbox_folder_means_off),
		T(test_whole_pack_is_offered_after_a_quiet_look),
		T(test_changing_pack_waits),
		T(test_sync_temp_file_or_missing_ini_waits),
		T(test_handled_pack_is_offered_again_only_when_changed),
		T(test_dot_folders_and_files_are_not_packs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
