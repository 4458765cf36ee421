/*
 * test_i18n: the kiosk's own words in every language. A visitor who
 * switches to English gets English buttons; a word a translator forgot
 * shows in Dutch rather than as a blank; templates fill their numbers in
 * whatever order the language needs; and the shipped translations are
 * complete both ways, so no English visitor meets a stray Dutch button.
 */
#include "fake.h"

#include "base/util.h"
#include "core/i18n.h"

static int setup(void **state)
{
	struct i18n *t = calloc(1, sizeof(*t));
	struct err e = { "" };

	if (!t)
		return -1;
	if (i18n_load_dir(t, "assets/i18n", &e) < 0) {
		print_error("assets/i18n: %s\n", e.msg);
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	i18n_release(*state);
	free(*state);
	return 0;
}

static int lang(const struct i18n *t, const char *code)
{
	int i = i18n_find(t, code);

	if (i < 0)
		fail_msg("no language '%s' in assets/i18n", code);
	return i;
}

static void test_lookup_in_dutch_and_english(void **state)
{
	struct i18n *t = *state;
	int nl = lang(t, "nl"), en = lang(t, "en");

	assert_int_equal(nl, 0); /* Dutch first: it is the fallback */
	assert_string_equal(i18n_get(t, nl, "nav.back"), "Terug");
	assert_string_equal(i18n_get(t, en, "nav.back"), "Back");
	assert_string_equal(i18n_get(t, nl, "idle.title"), "Bent u er nog?");
	assert_string_equal(i18n_get(t, en, "idle.title"),
			    "Are you still there?");
	/* each language names itself on the switch button */
	assert_string_equal(t->langs[nl].name, "Nederlands");
	assert_string_equal(t->langs[en].name, "English");
	assert_int_equal(i18n_find(t, "xx"), -1);
}

/* The six languages of the kiosk, each by its own name in its own script;
 * only Arabic runs right to left. */
static void test_six_languages_name_themselves(void **state)
{
	static const char *const want[][2] = {
		{ "nl", "Nederlands" }, { "en", "English" },
		{ "tr", "Türkçe" },	{ "pl", "Polski" },
		{ "uk", "Українська" }, { "ar", "العربية" },
	};
	struct i18n *t = *state;
	size_t i;

	assert_int_equal(t->nlangs, (int)ARRAY_LEN(want));
	for (i = 0; i < ARRAY_LEN(want); i++) {
		int l = lang(t, want[i][0]);

		assert_string_equal(t->langs[l].name, want[i][1]);
		assert_int_equal(t->langs[l].rtl,
				 strcmp(want[i][0], "ar") == 0);
	}
}

static void test_missing_english_falls_back_to_dutch(void **state)
{
	const char *dir = *state;
	struct i18n t;
	struct err e = { "" };
	int en;

	fake_write(dir, "nl.ini",
		   "[language]\ncode = nl\nname = Nederlands\n"
		   "[ui]\nnav.back = Terug\n"
		   "nav.close = Sluiten\n");
	fake_write(dir, "en.ini",
		   "[language]\ncode = en\nname = English\n"
		   "[ui]\nnav.back = Back\n");
	if (i18n_load_dir(&t, dir, &e) < 0)
		fail_msg("%s", e.msg);
	en = lang(&t, "en");
	assert_string_equal(i18n_get(&t, en, "nav.back"), "Back");
	assert_string_equal(i18n_get(&t, en, "nav.close"), "Sluiten");
	assert_false(i18n_has(&t, en, "nav.close"));
	assert_true(i18n_has(&t, 0, "nav.close"));
	i18n_release(&t);
}

static void test_unknown_key_shows_the_key(void **state)
{
	struct i18n *t = *state;

	assert_string_equal(i18n_get(t, lang(t, "en"), "no.such.key"),
			    "no.such.key");
	assert_string_equal(i18n_get(t, 0, "no.such.key"), "no.such.key");
	/* a language index that does not exist: Dutch, never a crash */
	assert_string_equal(i18n_get(t, 99, "nav.back"), "Terug");
}

static void test_format_fills_placeholders(void **state)
{
	const char *args[2] = { "2", "5" };
	const char *longer[1] = { "twintig" };
	char out[64], small[8];

	(void)state;
	assert_string_equal(
		i18n_format(out, sizeof(out), "Deel {1} van {2}", args, 2),
		"Deel 2 van 5");
	/* translators may swap the order */
	assert_string_equal(
		i18n_format(out, sizeof(out), "{2}: part {1}", args, 2),
		"5: part 2");
	assert_string_equal(i18n_format(out, sizeof(out), "{1}{1}", args, 2),
			    "22");
	/* placeholders without an argument stay as they are */
	assert_string_equal(
		i18n_format(out, sizeof(out), "{1} {3} {0} {x} {", args, 2),
		"2 {3} {0} {x} {");
	/* too long for the buffer: cut, but always terminated */
	i18n_format(small, sizeof(small), "Over {1} seconden", longer, 1);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	assert_string_equal(small, "Over tw");
}

/*
 * Once a bug, fixed since; this test keeps it fixed (kiosk/core/i18n.c,
 * i18n_format): when the filled-in text does not fit `out`, it is cut at a
 * byte, not at a character, so the last letter can be half a UTF-8 sequence
 * ("Dag é" plus a stray byte) and the screen shows a broken glyph. str_copy()
 * in base/util.c already steps back over continuation bytes; i18n_format should
 * do the same. This test states the right behaviour and fails until that is
 * fixed.
 */
static void test_format_never_cuts_a_letter_in_half(void **state)
{
	const char *args[1] = { "\xc3\xa9\xc3\xa9n" }; /* "één" */
	char out[8];

	(void)state;
	/* "Dag " is 4 bytes; 3 are left, and "é" takes 2 of them */
	i18n_format(out, sizeof(out), "Dag {1}!", args, 1);
	assert_true(utf8_valid(out, strlen(out), NULL));
	assert_string_equal(out, "Dag \xc3\xa9");
	/* the template's own letters too */
	i18n_format(out, sizeof(out), "Caf\xc3\xa9\xe2\x80\x99s", NULL, 0);
	assert_true(utf8_valid(out, strlen(out), NULL));
	assert_string_equal(out, "Caf\xc3\xa9");
}

/* Reports keys of language a missing in language b; returns how many. */
static int missing(const struct i18n *t, int a, int b)
{
	int i, n = 0;

	for (i = 0; i < t->langs[a].n; i++) {
		const char *key = t->langs[a].entries[i].key;

		if (!i18n_has(t, b, key)) {
			print_error("%s.ini has '%s', %s.ini does not\n",
				    t->langs[a].code, key, t->langs[b].code);
			n++;
		}
	}
	return n;
}

static void test_translations_are_complete(void **state)
{
	struct i18n *t = *state;
	int l, n = 0;

	assert_true(t->nlangs >= 2);
	for (l = 1; l < t->nlangs; l++)
		n += missing(t, 0, l) + missing(t, l, 0);
	assert_true(t->langs[0].n > 0);
	if (n)
		fail_msg("%d translations missing (listed above)", n);
}

static void test_folder_without_dutch_is_refused(void **state)
{
	const char *dir = *state;
	struct i18n t;
	struct err e = { "" };

	fake_write(dir, "en.ini",
		   "[language]\ncode = en\nname = English\n"
		   "[ui]\nnav.back = Back\n");
	assert_int_equal(i18n_load_dir(&t, dir, &e), -1);
	assert_non_null(strstr(e.msg, "nl.ini"));
}

/* Tests on the shipped translations, and on files written for the test. */
#define LOADED(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define SCRATCH(f)                                                             \
	cmocka_unit_test_setup_teardown(f, fake_tmp_setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		LOADED(test_lookup_in_dutch_and_english),
		LOADED(test_six_languages_name_themselves),
		SCRATCH(test_missing_english_falls_back_to_dutch),
		LOADED(test_unknown_key_shows_the_key),
		cmocka_unit_test(test_format_fills_placeholders),
		cmocka_unit_test(test_format_never_cuts_a_letter_in_half),
		LOADED(test_translations_are_complete),
		SCRATCH(test_folder_without_dutch_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
