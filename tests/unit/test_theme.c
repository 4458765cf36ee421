/*
 * test_theme: the look of the kiosk as data. The shipped theme loads with
 * the sizes the accessibility rules are built on; a theme whose text would
 * be hard to read is refused with the pair of colours named, so whoever
 * made it knows what to fix; an incomplete theme is refused too. Each
 * broken theme is the real one with one line changed, written to a
 * scratch folder.
 */
#include "fake.h"

#include "base/util.h"
#include "core/ui/theme.h"

#define THEME "assets/theme.ini"

/* Writes the real theme to dir/theme.ini with `key` in [section] set to
 * `value`, or left out when value is NULL; returns the path in buf. */
static const char *theme_with(const char *dir, const char *section,
			      const char *key, const char *value, char *buf,
			      size_t size)
{
	struct err e = { "" };
	char *src = file_read(THEME, 1 << 20, NULL, &e), *line, *save = NULL;
	char *out, cur[64] = "";
	size_t used = 0, cap;
	int found = 0;

	if (!src)
		fail_msg("%s", e.msg);
	cap = strlen(src) + 256;
	out = malloc(cap);
	assert_non_null(out);
	for (line = strtok_r(src, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char name[64];

		if (sscanf(line, "[%63[^]]]", cur) == 1 || line[0] == ';' ||
		    sscanf(line, " %63[a-z_] =", name) != 1 ||
		    strcmp(cur, section) || strcmp(name, key)) {
			used += (size_t)snprintf(out + used, cap - used, "%s\n",
						 line);
			continue;
		}
		found = 1;
		if (value)
			used += (size_t)snprintf(out + used, cap - used,
						 "%s = %s\n", key, value);
	}
	if (!found)
		fail_msg("no '%s' in [%s] of %s", key, section, THEME);
	snprintf(buf, size, "%s/theme.ini", dir);
	fake_write(dir, "theme.ini", out);
	free(out);
	free(src);
	return buf;
}

static void test_shipped_theme_loads(void **state)
{
	struct theme t;
	struct err e = { "" };

	(void)state;
	if (theme_load(&t, THEME, &e) < 0)
		fail_msg("%s", e.msg);
	/* the sizes the accessibility walk of test_app relies on */
	assert_true(t.target_mm >= 15.0);
	assert_true(t.gap_mm >= 3.0);
	assert_true(t.cap_mm[0][FONT_BODY] >= 7.0);
	assert_true(t.cap_mm[1][FONT_BODY] > t.cap_mm[0][FONT_BODY]);
	assert_true(color_contrast(t.text, t.background) >= 7.0);
	assert_int_equal(t.background.r, 0xFA);
	assert_int_equal(t.background.g, 0xF7);
	assert_int_equal(t.background.b, 0xF0);
	assert_int_equal(t.background.a, 255);
}

/* The theme with one colour changed is refused naming `pair`. */
static void refused(const char *dir, const char *section, const char *key,
		    const char *value, const char *pair)
{
	struct theme t;
	struct err e = { "" };
	char path[128];

	theme_with(dir, section, key, value, path, sizeof(path));
	if (theme_load(&t, path, &e) == 0)
		fail_msg("%s = %s in [%s] was accepted", key,
			 value ? value : "(missing)", section);
	if (!strstr(e.msg, pair))
		fail_msg("refused with \"%s\", which does not name \"%s\"",
			 e.msg, pair);
}

static void test_low_contrast_body_text_is_refused(void **state)
{
	const char *dir = *state;
	struct theme t;
	struct err e = { "" };
	char path[128];

	/* grey on off-white: about 2.7:1 where body text needs 7:1 */
	theme_with(dir, "colors", "text", "#999999", path, sizeof(path));
	assert_int_equal(theme_load(&t, path, &e), -1);
	assert_non_null(strstr(e.msg, "body text"));
	assert_non_null(strstr(e.msg, "7.0:1"));
	/* the same file with dark text loads: only the colour mattered */
	theme_with(dir, "colors", "text", "#000000", path, sizeof(path));
	if (theme_load(&t, path, &e) < 0)
		fail_msg("%s", e.msg);
}

static void test_low_contrast_button_is_refused(void **state)
{
	const char *dir = *state;

	refused(dir, "primary", "fg", "#1E6B70", "primary button text");
	refused(dir, "header", "fg_pressed", "#0B4F54", "header button text");
	refused(dir, "colors", "attract_text", "#3A7A80", "attract text");
}

static void test_incomplete_theme_is_refused(void **state)
{
	const char *dir = *state;

	refused(dir, "sizes", "target", NULL, "'target'");
	refused(dir, "colors", "background", "blue", "'background'");
	refused(dir, "sizes", "gap", "-3", "'gap'");
}

static void test_contrast_ratio(void **state)
{
	struct color black = { 0, 0, 0, 255 }, white = { 255, 255, 255, 255 };
	struct color c;

	(void)state;
	assert_true(fabs(color_contrast(black, white) - 21.0) < 1e-9);
	assert_true(fabs(color_contrast(white, black) - 21.0) < 1e-9);
	assert_true(fabs(color_contrast(white, white) - 1.0) < 1e-9);
	assert_int_equal(color_parse("#0b4F54", &c), 0);
	assert_int_equal(c.r, 0x0B);
	assert_int_equal(c.g, 0x4F);
	assert_int_equal(c.b, 0x54);
	assert_int_equal(color_parse("#0B4F5", &c), -1);
	assert_int_equal(color_parse("0B4F54", &c), -1);
	assert_int_equal(color_parse("#0G4F54", &c), -1);
	assert_int_equal(color_parse("teal", &c), -1);
}

/* Tests that write theme files to a scratch folder. */
#define SCRATCH(f)                                                             \
	cmocka_unit_test_setup_teardown(f, fake_tmp_setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_theme_loads),
		SCRATCH(test_low_contrast_body_text_is_refused),
		SCRATCH(test_low_contrast_button_is_refused),
		SCRATCH(test_incomplete_theme_is_refused),
		cmocka_unit_test(test_contrast_ratio),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
