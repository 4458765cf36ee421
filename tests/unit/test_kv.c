/*
 * test_kv: the `key = value` reader every settings file goes through
 * (packs, theme, translations, the kiosk's own settings). What staff and
 * translators write must come out as they meant it: a line that starts
 * with spaces is its own line, Notepad's byte-order mark is no part of the
 * first key, a line may be as long as they like, and every key and every
 * problem carries the line it stands on, so `kioskctl check` can point at
 * it.
 */
#include "fake.h"

#include "core/kv.h"

#define MAX_SEEN 16

struct seen {
	char section[MAX_SEEN][32], key[MAX_SEEN][32];
	char *value[MAX_SEEN];
	int line[MAX_SEEN];
	int n;
	enum kv_problem problem[MAX_SEEN];
	int problem_line[MAX_SEEN];
	int nproblems;
	int stop_after;
};

static int on_key(void *ctx, const char *section, const char *key,
		  const char *value, int line)
{
	struct seen *s = ctx;

	assert_true(s->n < MAX_SEEN);
	snprintf(s->section[s->n], 32, "%s", section);
	snprintf(s->key[s->n], 32, "%s", key);
	s->value[s->n] = strdup(value);
	s->line[s->n] = line;
	s->n++;
	return s->stop_after && s->n == s->stop_after ? -1 : 0;
}

static void on_problem(void *ctx, enum kv_problem what, int line)
{
	struct seen *s = ctx;

	assert_true(s->nproblems < MAX_SEEN);
	s->problem[s->nproblems] = what;
	s->problem_line[s->nproblems++] = line;
}

static const struct kv_handler handler = { on_key, on_problem };

static void seen_release(struct seen *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		free(s->value[i]);
}

static void parse(struct seen *s, const char *buf, size_t n)
{
	memset(s, 0, sizeof(*s));
	kv_parse(buf, n, &handler, s);
}

static void test_keys_sections_and_lines(void **state)
{
	static const char text[] = "; a note\n"
				   "# another note\n"
				   "\n"
				   "[kiosk]\n"
				   "name = Proeftuin Ussen\n"
				   "  [ home ]  \n"
				   "tiles=welkom, hulp\n"
				   "empty =\n";
	struct seen s;

	(void)state;
	parse(&s, text, sizeof(text) - 1);
	assert_int_equal(s.nproblems, 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.section[0], "kiosk");
	assert_string_equal(s.key[0], "name");
	assert_string_equal(s.value[0], "Proeftuin Ussen");
	assert_int_equal(s.line[0], 5);
	assert_string_equal(s.section[1], "home");
	assert_string_equal(s.value[1], "welkom, hulp");
	assert_int_equal(s.line[1], 7);
	assert_string_equal(s.value[2], "");
	assert_int_equal(s.line[2], 8);
	seen_release(&s);
}

/* inih glued an indented line to the key above it; staff indent by
 * accident, and visitors then read two settings as one text. */
static void test_leading_spaces_make_a_plain_line(void **state)
{
	static const char text[] = "[open]\n"
				   "title = Open huis\n"
				   "    text = Kom kijken.\n"
				   "\tdate = 2026-11-20\n"
				   "   gewoon een zin\n";
	struct seen s;

	(void)state;
	parse(&s, text, sizeof(text) - 1);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.value[0], "Open huis");
	assert_string_equal(s.key[1], "text");
	assert_string_equal(s.value[1], "Kom kijken.");
	assert_int_equal(s.line[1], 3);
	assert_string_equal(s.key[2], "date");
	assert_int_equal(s.line[2], 4);
	/* a sentence on its own is a problem on its own line */
	assert_int_equal(s.nproblems, 1);
	assert_int_equal(s.problem[0], KV_NOT_A_KEY);
	assert_int_equal(s.problem_line[0], 5);
	seen_release(&s);
}

static void test_byte_order_mark_and_crlf(void **state)
{
	static const char text[] = "\xEF\xBB\xBF[kiosk]\r\nname = Ussen\r\n"
				   "languages = nl, en\r\n";
	struct seen s;

	(void)state;
	parse(&s, text, sizeof(text) - 1);
	assert_int_equal(s.nproblems, 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.section[0], "kiosk");
	assert_string_equal(s.value[0], "Ussen");
	assert_string_equal(s.value[1], "nl, en");
	assert_int_equal(s.line[1], 3);
	seen_release(&s);
}

/* Debian's inih cut lines at 200 bytes; a news text is often longer. */
static void test_no_line_length_limit(void **state)
{
	size_t n = 100000, i;
	char *text = malloc(n + 64);
	size_t len;
	struct seen s;

	(void)state;
	len = (size_t)sprintf(text, "[a]\nlong = ");
	for (i = 0; i < n; i++)
		text[len++] = (char)('a' + i % 26);
	len += (size_t)sprintf(text + len, "\nnext = 1\n");
	parse(&s, text, len);
	assert_int_equal(s.nproblems, 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(strlen(s.value[0]), n);
	assert_int_equal(s.value[0][n - 1], 'a' + (n - 1) % 26);
	assert_string_equal(s.key[1], "next");
	assert_int_equal(s.line[1], 3);
	seen_release(&s);
	free(text);
}

/* `name = Proeftuin\0Ussen` showed "Proeftuin": a NUL byte is refused on
 * its line, and the lines after it are still read. */
static void test_nul_byte_is_a_problem_on_its_line(void **state)
{
	static const char text[] =
		"[kiosk]\nformat = 1\nname = Proeftuin\0Ussen\n"
		"languages = nl\n";
	struct seen s;

	(void)state;
	parse(&s, text, sizeof(text) - 1);
	assert_int_equal(s.nproblems, 1);
	assert_int_equal(s.problem[0], KV_NUL);
	assert_int_equal(s.problem_line[0], 3);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.key[1], "languages");
	assert_int_equal(s.line[1], 4);
	seen_release(&s);
}

static void test_every_problem_with_its_line(void **state)
{
	static const char text[] = "[kiosk\n"
				   "bad \xC3(\n"
				   "= no key\n"
				   "text = Kom kijken ; er is koffie\n"
				   "[]\n"
				   "last = \"yes\"";
	struct seen s;

	(void)state;
	parse(&s, text, sizeof(text) - 1);
	assert_int_equal(s.nproblems, 5);
	assert_int_equal(s.problem[0], KV_BAD_SECTION);
	assert_int_equal(s.problem_line[0], 1);
	assert_int_equal(s.problem[1], KV_NOT_UTF8);
	assert_int_equal(s.problem_line[1], 2);
	assert_int_equal(s.problem[2], KV_NOT_A_KEY);
	assert_int_equal(s.problem_line[2], 3);
	assert_int_equal(s.problem[3], KV_INLINE_COMMENT);
	assert_int_equal(s.problem_line[3], 4);
	assert_int_equal(s.problem[4], KV_BAD_SECTION);
	assert_int_equal(s.problem_line[4], 5);
	/* the cut value still arrives; the last line needs no newline */
	assert_int_equal(s.n, 2);
	assert_string_equal(s.value[0], "Kom kijken");
	assert_string_equal(s.value[1], "\"yes\"");
	assert_int_equal(s.line[1], 6);
	seen_release(&s);
}

static void test_callback_can_stop(void **state)
{
	static const char text[] = "a = 1\nb = 2\nc = 3\n";
	struct seen s;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.stop_after = 2;
	assert_int_equal(kv_parse(text, sizeof(text) - 1, &handler, &s), -1);
	assert_int_equal(s.n, 2);
	seen_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_sections_and_lines),
		cmocka_unit_test(test_leading_spaces_make_a_plain_line),
		cmocka_unit_test(test_byte_order_mark_and_crlf),
		cmocka_unit_test(test_no_line_length_limit),
		cmocka_unit_test(test_nul_byte_is_a_problem_on_its_line),
		cmocka_unit_test(test_every_problem_with_its_line),
		cmocka_unit_test(test_callback_can_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
