/*
 * test_store: the survey answers an inhabitant trusts the kiosk with. What
 * they would notice if it broke: an answer lost after the thank-you
 * screen, half an answer kept, a file that tells who answered after whom,
 * a count below 10 in the report, an export that Excel opens as one long
 * column or runs as a formula, a merge that counts a kiosk twice. Also the
 * ISO week, the only time the file keeps.
 *
 * STORE_KILLS=N runs only the kill test, with N kills (`make soak`);
 * STORE_ONLY=PATTERN runs only the tests whose names match.
 */
#include "fake.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>

#include "base/isoweek.h"
#include "base/util.h"
#include "core/store/export.h"
#include "core/store/store.h"
#include "survey_fixture.h"

#define TODAY 20261124

static struct store *open_in(const char *dir, char *path, size_t size)
{
	struct err e = { "" };
	struct store *st;

	snprintf(path, size, "%s/" STORE_FILE, dir);
	st = store_open(path, TODAY, &e);
	if (!st)
		fail_msg("store_open: %s", e.msg);
	return st;
}

static void add(struct store *st, const struct survey *s, int n)
{
	struct survey_answers a;
	struct err e = { "" };

	answers_fill(&a, n);
	if (store_response_add(st, s, &a, 2026, 48, &e) < 0)
		fail_msg("store_response_add %d: %s", n, e.msg);
}

/* What a scan finds: for each response the number in its tip. */
struct found {
	int *nr;
	uint8_t (*id)[STORE_ID_BYTES];
	int n, cap;
	int bad; /* responses whose answers are not those of their number */
	const struct survey *s;
};

/* 1 when response r holds exactly the answers answers_fill(nr) makes,
 * as far as the survey shows and checks them. */
static int whole(const struct survey *s, const struct store_response *r, int nr)
{
	struct survey_answers a;
	int i, want = 0;

	answers_fill(&a, nr);
	for (i = 0; i < s->nquestions; i++) {
		int shown = survey_shows(s, &a, i) && a.a[i].answered &&
			    s->questions[i].kind != QUESTION_INFO;

		want += shown;
	}
	if (r->nanswers != want)
		return 0;
	for (i = 0; i < r->nanswers; i++) {
		const struct store_answer *x = &r->answers[i];
		const struct survey_answer *y = &a.a[x->question];
		int v = s->questions[x->question].kind == QUESTION_MULTI
				? (int)y->chosen
				: y->choice;

		if (x->kind == QUESTION_TEXT) {
			if (strcmp(x->text, y->text) != 0)
				return 0;
		} else if (x->value != v) {
			return 0;
		}
	}
	return 1;
}

static int on_found(void *ctx, const struct store_response *r, struct err *e)
{
	struct found *f = ctx;
	int i, nr = -1;

	(void)e;
	for (i = 0; i < r->nanswers; i++)
		if (r->answers[i].question == 8)
			sscanf(r->answers[i].text, "nr %d", &nr);
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->nr = realloc(f->nr, (size_t)f->cap * sizeof(*f->nr));
		f->id = realloc(f->id, (size_t)f->cap * sizeof(*f->id));
		assert_non_null(f->nr);
		assert_non_null(f->id);
	}
	if (nr < 0 || (f->s && !whole(f->s, r, nr)))
		f->bad++;
	memcpy(f->id[f->n], r->id, STORE_ID_BYTES);
	f->nr[f->n++] = nr;
	return 0;
}

static void scan(struct store *st, struct found *f, const struct survey *s)
{
	struct err e = { "" };

	memset(f, 0, sizeof(*f));
	f->s = s;
	if (store_scan(st, on_found, f, &e) < 0)
		fail_msg("store_scan: %s", e.msg);
}

static void found_release(struct found *f)
{
	free(f->nr);
	free(f->id);
}

/* Spearman's rank correlation of a permutation: position i holds the
 * insertion rank p[i] (0..n-1). */
static double rank_correlation(const int *p, int n)
{
	double d2 = 0;
	int i;

	for (i = 0; i < n; i++)
		d2 += (double)(p[i] - i) * (p[i] - i);
	return 1 - 6 * d2 / ((double)n * ((double)n * n - 1));
}

/* A scratch folder on a RAM disk when there is one: the kill test and the
 * order test save thousands of responses, each with its fsync. */
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

/* ---- the ISO week ---- */

static void test_iso_week_around_year_ends(void **state)
{
	static const int cases[][3] = {
		{ 20050101, 2004, 53 }, { 20051231, 2005, 52 },
		{ 20070101, 2007, 1 },	{ 20071230, 2007, 52 },
		{ 20071231, 2008, 1 },	{ 20081228, 2008, 52 },
		{ 20081229, 2009, 1 },	{ 20091231, 2009, 53 },
		{ 20100103, 2009, 53 }, { 20100104, 2010, 1 },
		{ 20201231, 2020, 53 }, { 20210103, 2020, 53 },
		{ 20210104, 2021, 1 },	{ 20000229, 2000, 9 },
		{ 20261124, 2026, 48 }, { 20261231, 2026, 53 },
		{ 20270101, 2026, 53 }, { 20270104, 2027, 1 },
		{ 20241230, 2025, 1 },	{ 21001231, 2100, 52 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		int y, w;

		iso_week(cases[i][0], &y, &w);
		if (y != cases[i][1] || w != cases[i][2])
			fail_msg("%d: got %d-W%02d, want %d-W%02d", cases[i][0],
				 y, w, cases[i][1], cases[i][2]);
	}
	assert_int_equal(iso_weeks_in_year(2026), 53);
	assert_int_equal(iso_weeks_in_year(2027), 52);
}

/* ---- the file ---- */

static int exec_cb(void *ctx, int n, char **v, char **names)
{
	char *out = ctx;

	(void)names;
	if (n > 0 && v[0])
		snprintf(out + strlen(out), 4096 - strlen(out), "%s|", v[0]);
	return 0;
}

/* The rows of a query, '|' after each first column, from a connection of
 * the test's own. */
static void query(const char *path, const char *sql, char out[4096])
{
	sqlite3 *db;

	out[0] = '\0';
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, exec_cb, out, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

static void test_file_keeps_no_rowid_and_no_time(void **state)
{
	char path[128], out[4096];
	struct survey s;
	struct store *st;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	add(st, &s, 1);
	query(path, "PRAGMA journal_mode", out);
	assert_string_equal(out, "wal|");
	query(path, "PRAGMA user_version", out);
	assert_string_equal(out, "1|");
	/* every table is WITHOUT ROWID: rowids count up with time */
	query(path,
	      "SELECT name FROM sqlite_schema WHERE type = 'table'"
	      " AND sql NOT LIKE '%WITHOUT ROWID'",
	      out);
	assert_string_equal(out, "");
	/* no column for a time, the device, a session or a language */
	query(path,
	      "SELECT m.name || '.' || c.name FROM sqlite_schema m,"
	      " pragma_table_info(m.name) c WHERE m.type = 'table' AND"
	      " (c.name LIKE '%time%' OR c.name LIKE '%date%' OR"
	      "  c.name LIKE '%device%' OR c.name LIKE '%session%' OR"
	      "  c.name LIKE '%lang%' OR c.name LIKE '%duration%' OR"
	      "  c.name LIKE '%seq%')",
	      out);
	assert_string_equal(out, "");
	query(path, "SELECT iso_year || '-W' || iso_week FROM response", out);
	assert_string_equal(out, "2026-W48|");
	query(path, "SELECT length(id) FROM response", out);
	assert_string_equal(out, "16|");
	store_close(st);
	store_definition_release(&s);
}

static void test_counts_for_the_public_bars(void **state)
{
	int counts[SURVEY_OPTION_MAX], want[SURVEY_OPTION_MAX] = { 0 };
	int total, n, i, wtotal = 0;
	struct err e = { "" };
	char path[128];
	struct survey s;
	struct store *st;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	for (n = 0; n < 40; n++)
		add(st, &s, n);
	store_close(st);
	/* counts come back after a restart */
	st = open_in(*state, path, sizeof(path));
	assert_int_equal(store_counts(st, &s, 0, counts, &total, &e), 0);
	assert_int_equal(total, 40);
	assert_int_equal(counts[0], 14); /* n % 3 == 0 for 0, 3, .. 39 */
	assert_int_equal(counts[1], 13);
	assert_int_equal(counts[2], 13);
	/* several choices: each option counted on its own */
	for (n = 0; n < 40; n++) {
		struct survey_answers a;

		answers_fill(&a, n);
		for (i = 0; i < 4; i++)
			want[i] += (int)(a.a[2].chosen >> i & 1);
		wtotal++;
	}
	assert_int_equal(store_counts(st, &s, 2, counts, &total, &e), 0);
	assert_int_equal(total, wtotal);
	for (i = 0; i < 4; i++)
		assert_int_equal(counts[i], want[i]);
	/* the scale skipped by every seventh */
	assert_int_equal(store_counts(st, &s, 3, counts, &total, &e), 0);
	assert_int_equal(total, 40 - 6);
	assert_int_equal(
		counts[0] + counts[1] + counts[2] + counts[3] + counts[4], 34);
	/* yes/no: [0] nee, [1] ja */
	assert_int_equal(store_counts(st, &s, 4, counts, &total, &e), 0);
	assert_int_equal(counts[0], 20);
	assert_int_equal(counts[1], 20);
	/* only the nee's were asked why */
	assert_int_equal(store_counts(st, &s, 7, counts, &total, &e), 0);
	assert_int_equal(total, 20);
	/* bands */
	assert_int_equal(store_counts(st, &s, 6, counts, &total, &e), 0);
	assert_int_equal(counts[0] + counts[1] + counts[2], 40);
	store_close(st);
	store_definition_release(&s);
}

static void test_bad_answers_are_refused_whole(void **state)
{
	static const char bad_utf8[] = "caf\xC3";
	struct survey_answers a;
	struct err e = { "" };
	struct found f;
	char path[128];
	struct survey s;
	struct store *st;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	add(st, &s, 1);
	answers_fill(&a, 2);
	a.a[0].choice = 3; /* no such option */
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), -1);
	assert_non_null(strstr(e.msg, "woonplezier"));
	answers_fill(&a, 2);
	a.a[2].chosen = 7; /* three, at most two */
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), -1);
	answers_fill(&a, 2);
	memcpy(a.a[8].text, bad_utf8, sizeof(bad_utf8));
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), -1);
	assert_non_null(strstr(e.msg, "tip"));
	answers_fill(&a, 2);
	a.a[5].choice = 101; /* out of 0..100 */
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), -1);
	answers_fill(&a, 2);
	memset(a.a[8].text, 'x', sizeof(a.a[8].text)); /* no NUL */
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), -1);
	answers_fill(&a, 2);
	assert_int_equal(store_response_add(st, &s, &a, 2026, 0, &e), -1);
	scan(st, &f, &s);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.bad, 0);
	found_release(&f);
	store_close(st);
	store_definition_release(&s);
}

static void test_free_text_comes_back_as_typed(void **state)
{
	static const char *const texts[] = {
		"😀 fijn hier 👍🏽",
		"\xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7 (shukran)",
		"=1+1",
		"crème brûlée; \"quotes\"\r\nnew line",
	};
	struct survey_answers a;
	struct err e = { "" };
	struct found f;
	char path[128];
	struct survey s;
	struct store *st;
	struct store_version *vs;
	sqlite3 *db;
	sqlite3_stmt *q;
	size_t i;
	int nv, hits = 0;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	for (i = 0; i < ARRAY_LEN(texts); i++) {
		answers_fill(&a, (int)i);
		snprintf(a.a[0].text, sizeof(a.a[0].text), "%s", texts[i]);
		a.a[0].choice = 2; /* anders, namelijk */
		assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e),
				 0);
	}
	/* 500 bytes is the most: a pasted 10,000 is cut by the screen */
	answers_fill(&a, 9);
	memset(a.a[8].text, 'a', SURVEY_TEXT_MAX);
	a.a[8].text[SURVEY_TEXT_MAX] = '\0';
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), 0);
	scan(st, &f, NULL);
	assert_int_equal(f.n, (int)ARRAY_LEN(texts) + 1);
	found_release(&f);
	assert_int_equal(store_versions(st, &vs, &nv, &e), 0);
	assert_int_equal(nv, 1);
	assert_int_equal(vs[0].responses, 5);
	assert_true(vs[0].has_definition);
	free(vs);
	/* each text is in the file byte for byte */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT count(*) FROM response "
					    "WHERE instr(answers, ?1) > 0",
					    -1, &q, NULL),
			 SQLITE_OK);
	for (i = 0; i < ARRAY_LEN(texts); i++) {
		sqlite3_bind_blob(q, 1, texts[i], (int)strlen(texts[i]),
				  SQLITE_STATIC);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		hits += sqlite3_column_int(q, 0);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_int_equal(hits, (int)ARRAY_LEN(texts));
	store_close(st);
	store_definition_release(&s);
}

static void test_hidden_question_is_not_kept(void **state)
{
	struct survey_answers a;
	int counts[SURVEY_OPTION_MAX], total;
	struct err e = { "" };
	char path[128];
	struct survey s;
	struct store *st;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	answers_fill(&a, 1); /* weet: ja, so "waarom" is not shown */
	assert_int_equal(a.a[4].choice, 1);
	assert_true(a.a[7].answered);
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), 0);
	assert_int_equal(store_counts(st, &s, 7, counts, &total, &e), 0);
	assert_int_equal(total, 0);
	store_close(st);
	store_definition_release(&s);
}

static void test_disk_full_writes_nothing(void **state)
{
	struct survey_answers a;
	struct err e = { "" };
	struct found f;
	char path[128], out[4096];
	struct survey s;
	struct store *st;
	int n, saved = 0, failed = 0;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	assert_int_equal(store_limit_bytes(st, 64 * 1024, &e), 0);
	for (n = 0; n < 2000 && !failed; n++) {
		answers_fill(&a, n);
		memset(a.a[8].text, 'v', 400);
		snprintf(a.a[8].text, 20, "nr %d ", n);
		a.a[8].text[strlen(a.a[8].text)] = 'v';
		a.a[8].text[400] = '\0';
		if (store_response_add(st, &s, &a, 2026, 48, &e) == 0)
			saved++;
		else
			failed = 1;
	}
	assert_true(failed);
	assert_non_null(strstr(e.msg, "de schijf is vol"));
	scan(st, &f, NULL);
	assert_int_equal(f.n, saved);
	found_release(&f);
	assert_int_equal(store_check(st, &e), 1);
	/* room again: the kiosk goes on */
	assert_int_equal(store_limit_bytes(st, 64 * 1024 * 1024, &e), 0);
	add(st, &s, 5000);
	store_close(st);
	query(path, "SELECT count(*) FROM response", out);
	snprintf(path, sizeof(path), "%d|", saved + 1);
	assert_string_equal(out, path);
	store_definition_release(&s);
}

static void test_damaged_file_is_moved_aside(void **state)
{
	char path[128], aside[192];
	struct err e = { "" };
	struct survey s;
	struct store *st;
	struct stat sb;

	survey_fill(&s);
	fake_write(*state, STORE_FILE,
		   "dit is geen database maar een boodschappenlijst: melk, "
		   "brood, kaas, appels, koffie en nog veel meer dingen om "
		   "de eerste bladzijde te vullen ........................");
	st = open_in(*state, path, sizeof(path));
	add(st, &s, 1);
	store_close(st);
	snprintf(aside, sizeof(aside), "%s.beschadigd-2026-11-24", path);
	assert_int_equal(stat(aside, &sb), 0);
	/* a second damaged file on the same day gets its own name */
	fake_write(*state, STORE_FILE, "ook kapot ook kapot ook kapot ook");
	st = store_open(path, TODAY, &e);
	assert_non_null(st);
	store_close(st);
	snprintf(aside, sizeof(aside), "%s.beschadigd-2026-11-24-2", path);
	assert_int_equal(stat(aside, &sb), 0);
	store_definition_release(&s);
}

static void test_newer_file_is_left_alone(void **state)
{
	char path[128], out[4096];
	struct err e = { "" };
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/" STORE_FILE, (char *)*state);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE t (a) ; PRAGMA "
				      "user_version = 99",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_null(store_open(path, TODAY, &e));
	assert_non_null(strstr(e.msg, "nieuwere versie"));
	query(path, "PRAGMA user_version", out);
	assert_string_equal(out, "99|");
}

static void test_unopenable_folder_fails_cleanly(void **state)
{
	char path[160];
	struct err e = { "" };

	snprintf(path, sizeof(path), "%s/weg/" STORE_FILE, (char *)*state);
	assert_null(store_open(path, TODAY, &e));
	assert_non_null(strstr(e.msg, "kan de enquête niet openen"));
}

/* Responses numbered 0..N-1 in the order they were saved: in the order
 * the file gives them back, the numbers must look shuffled. */
#define ORDER_N 2000

static void test_no_order_that_follows_time(void **state)
{
	static int rank[ORDER_N];
	struct survey_answers a;
	struct err e = { "" };
	struct found f;
	char path[128];
	struct survey s;
	struct store *st;
	sqlite3 *db;
	sqlite3_stmt *q;
	double rho;
	int n, i;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	for (n = 0; n < ORDER_N; n++) {
		answers_fill(&a, n);
		assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e),
				 0);
	}
	scan(st, &f, NULL);
	assert_int_equal(f.n, ORDER_N);
	rho = rank_correlation(f.nr, f.n);
	printf("store_scan: rank correlation %.4f over %d\n", rho, f.n);
	assert_true(fabs(rho) < 0.1);
	/* a plain SELECT without ORDER BY, from any program */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
		sqlite3_prepare_v2(db, "SELECT id FROM response", -1, &q, NULL),
		SQLITE_OK);
	n = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const void *id = sqlite3_column_blob(q, 0);

		for (i = 0; i < f.n; i++)
			if (memcmp(f.id[i], id, STORE_ID_BYTES) == 0)
				break;
		assert_true(i < f.n);
		rank[n++] = f.nr[i];
	}
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_int_equal(n, ORDER_N);
	rho = rank_correlation(rank, n);
	printf("plain SELECT: rank correlation %.4f over %d\n", rho, n);
	assert_true(fabs(rho) < 0.1);
	found_release(&f);
	store_close(st);
	store_definition_release(&s);
}

static void test_export_reads_a_snapshot_while_kiosk_saves(void **state)
{
	struct err e = { "" };
	struct found f;
	char path[128];
	struct survey s;
	struct store *st, *r;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	add(st, &s, 1);
	r = store_open_read(path, &e);
	assert_non_null(r);
	assert_int_equal(store_read_begin(r, &e), 0);
	add(st, &s, 2); /* not blocked by the reader */
	scan(r, &f, NULL);
	assert_int_equal(f.n, 1);
	found_release(&f);
	store_read_end(r);
	scan(r, &f, NULL);
	assert_int_equal(f.n, 2);
	found_release(&f);
	store_close(r);
	store_close(st);
	store_definition_release(&s);
}

/* ---- the export ---- */

static char *slurp(const char *dir, const char *name)
{
	char path[256];
	struct err e = { "" };
	char *s;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	s = file_read(path, 64 << 20, NULL, &e);
	if (!s)
		fail_msg("%s", e.msg);
	return s;
}

static int count_lines(const char *s)
{
	int n = 0, quoted = 0;

	for (; *s; s++) {
		if (*s == '"')
			quoted = !quoted;
		if (*s == '\n' && !quoted)
			n++;
	}
	return n;
}

static void do_export(const char *const *files, int n, const char *out,
		      struct export_result *r)
{
	struct export_opts o = { files, n, out, NULL, NULL, EXPORT_ALL };
	struct err e = { "" };

	if (export_run(&o, r, &e) < 0)
		fail_msg("export_run: %s", e.msg);
}

#define CSV_NAME "enquete-buurt-0123456789abcdef.csv"

static void test_export_csv_for_dutch_spreadsheets(void **state)
{
	struct survey_answers a;
	struct export_result r;
	struct err e = { "" };
	char path[128], out[160];
	const char *files[1] = { path };
	struct survey s;
	struct store *st;
	char *csv, *book;
	int n;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	for (n = 0; n < 30; n++)
		add(st, &s, n);
	answers_fill(&a, 30);
	a.a[0].choice = 2;
	snprintf(a.a[0].text, sizeof(a.a[0].text), "=HYPERLINK(\"x\")");
	snprintf(a.a[8].text, sizeof(a.a[8].text),
		 "nr 30; crème \"brûlée\"\r\n😀 "
		 "\xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7");
	assert_int_equal(store_response_add(st, &s, &a, 2026, 49, &e), 0);
	snprintf(out, sizeof(out), "%s/uit", (char *)*state);
	do_export(files, 1, out, &r);
	assert_int_equal(r.responses, 31);
	assert_int_equal(r.versions, 1);
	csv = slurp(out, CSV_NAME);
	/* UTF-8 with a byte-order mark, ';', CRLF */
	assert_memory_equal(csv, "\xEF\xBB\xBF", 3);
	assert_true(str_starts(
		csv + 3, "id;jaar;week;woonplezier;woonplezier_anders_tekst;"
			 "mist_groen;mist_bankjes;mist_licht;mist_anders;"
			 "mist_anders_tekst;buurt;weet;jaren;leeftijd;"
			 "waarom;tip\r\n"));
	assert_int_equal(count_lines(csv), 32);
	/* Dutch labels, formula guarded, RFC 4180 quoting */
	assert_non_null(strstr(csv, ";Het gaat;"));
	assert_non_null(strstr(csv, ";\"'=HYPERLINK(\"\"x\"\")\";"));
	assert_null(strstr(csv, ";=HYPERLINK"));
	assert_non_null(strstr(csv, ";\"nr 30; crème \"\"brûlée\"\"\r\n😀 "
				    "\xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7\"\r\n"));
	assert_non_null(strstr(csv, ";18 tot 65;"));
	assert_non_null(strstr(csv, ";2026;49;"));
	book = slurp(out, "enquete-buurt-0123456789abcdef-codeboek.csv");
	assert_memory_equal(book, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(book, "mist_licht;Wat mist u?: Licht op straat;"
				     "meerkeuze"));
	assert_non_null(strstr(book, "leeftijd;Hoe oud bent u?;"));
	free(csv);
	free(book);
	store_close(st);
	store_definition_release(&s);
}

static void test_report_hides_small_counts(void **state)
{
	struct survey_answers a;
	struct export_result r;
	struct err e = { "" };
	char path[128], out[160];
	const char *files[1] = { path };
	struct survey s;
	struct store *st;
	char *html;
	int n;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	/* woonplezier: 20 fijn, 15 het gaat, 3 anders */
	for (n = 0; n < 38; n++) {
		answers_fill(&a, n);
		a.a[0].choice = n < 20 ? 0 : n < 35 ? 1 : 2;
		snprintf(a.a[0].text, sizeof(a.a[0].text), "%s",
			 n < 35 ? "" : "<b>bij Jan</b>");
		assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e),
				 0);
	}
	snprintf(out, sizeof(out), "%s/uit", (char *)*state);
	do_export(files, 1, out, &r);
	html = slurp(out, "rapport.html");
	assert_non_null(strstr(html, "38 antwoorden"));
	assert_non_null(strstr(html, "20 (53%)"));
	/* 3 is below 10; and 15 would give it away (38 - 20 - 15) */
	assert_null(strstr(html, ">3 ("));
	assert_null(strstr(html, ">15 ("));
	assert_non_null(strstr(html, "nog te weinig antwoorden"));
	/* open answers escaped, with the warning */
	assert_non_null(strstr(html, "&lt;b&gt;bij Jan&lt;/b&gt;"));
	assert_non_null(strstr(html, "kunnen namen"));
	/* self-contained, for A4 */
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_non_null(strstr(html, "size:A4"));
	assert_non_null(strstr(html, "<svg"));
	free(html);
	store_close(st);
	store_definition_release(&s);
}

static void test_merge_counts_each_response_once(void **state)
{
	struct export_result r;
	char a_dir[160], b_dir[160], a_path[192], b_path[192], a_out[160],
		all[160], snap[200];
	struct survey s;
	struct store *a, *b;
	char *csv;
	int n;

	survey_fill(&s);
	snprintf(a_dir, sizeof(a_dir), "%s/a", (char *)*state);
	snprintf(b_dir, sizeof(b_dir), "%s/b", (char *)*state);
	mkdir(a_dir, 0755);
	mkdir(b_dir, 0755);
	a = open_in(a_dir, a_path, sizeof(a_path));
	b = open_in(b_dir, b_path, sizeof(b_path));
	for (n = 0; n < 12; n++)
		add(a, &s, n);
	for (n = 100; n < 107; n++)
		add(b, &s, n);
	snprintf(a_out, sizeof(a_out), "%s/a-uit", (char *)*state);
	{
		const char *files[] = { a_path };

		do_export(files, 1, a_out, &r);
	}
	/* b merges a's export and a's own file: a counts once */
	snprintf(snap, sizeof(snap), "%s/" STORE_FILE, a_out);
	snprintf(all, sizeof(all), "%s/samen", (char *)*state);
	{
		const char *files[] = { b_path, snap, a_path };

		do_export(files, 3, all, &r);
	}
	assert_int_equal(r.responses, 19);
	assert_int_equal(r.duplicates, 12);
	csv = slurp(all, CSV_NAME);
	assert_int_equal(count_lines(csv), 20);
	for (n = 0; n < 12; n++) {
		char want[32];

		snprintf(want, sizeof(want), ";nr %d\r\n", n);
		assert_non_null(strstr(csv, want));
	}
	free(csv);
	store_close(a);
	store_close(b);
	store_definition_release(&s);
}

/* 1 when program is on PATH. */
static int on_path(const char *program)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", program);
	return system(cmd) == 0;
}

/* The CSV as LibreOffice reads it: converted headless, with the options
 * its import dialog shows for our file (';', '"', UTF-8 from the
 * byte-order mark), to tab-separated text the test can read. Excel in a
 * Dutch locale uses ';' as its list separator on its own. */
static void test_libreoffice_opens_the_csv(void **state)
{
	struct survey_answers a;
	struct export_result r;
	struct err e = { "" };
	char path[128], out[160], cmd[1024];
	const char *files[1] = { path };
	struct survey s;
	struct store *st;
	char *tsv, *line, *next;
	int n, rows = 0, cells = 1, found = 0;

	if (!on_path("soffice")) {
		printf("skipped: LibreOffice (soffice) is not installed; "
		       "apt-get install libreoffice-calc-nogui to run it\n");
		skip();
	}
	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	for (n = 0; n < 12; n++)
		add(st, &s, n);
	answers_fill(&a, 12);
	a.a[0].choice = 2;
	snprintf(a.a[0].text, sizeof(a.a[0].text), "=1+1");
	snprintf(a.a[8].text, sizeof(a.a[8].text),
		 "crème; \"brûlée\" in één café");
	assert_int_equal(store_response_add(st, &s, &a, 2026, 48, &e), 0);
	store_close(st);
	snprintf(out, sizeof(out), "%s/uit", (char *)*state);
	do_export(files, 1, out, &r);
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && HOME='%s' timeout 300 soffice --headless "
		 "--infilter=CSV:59,34,76,1 --convert-to "
		 "'csv:Text - txt - csv (StarCalc):9,34,76,1' --outdir lo "
		 "'uit/" CSV_NAME "' >lo.log 2>&1",
		 (char *)*state, (char *)*state);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/lo", (char *)*state);
	tsv = slurp(cmd, CSV_NAME);
	/* the header: our columns, one cell each, no byte-order mark */
	assert_true(str_starts(tsv, "\"id\"\t\"jaar\"\t\"week\"\t"
				    "\"woonplezier\"\t"));
	for (line = tsv; line; line = next) {
		int c = 1;
		char *p;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line)
			continue;
		for (p = line; *p; p++)
			c += *p == '\t';
		if (rows++ == 0)
			cells = c;
		assert_int_equal(c, cells);
		/* accents whole, the text in one cell, the formula text */
		if (strstr(line, "crème; \"\"brûlée\"\" in één café")) {
			assert_non_null(strstr(line, "\"'=1+1\""));
			found = 1;
		}
	}
	assert_int_equal(cells, 16);
	assert_int_equal(rows, 14);
	assert_true(found);
	free(tsv);
	store_definition_release(&s);
}

static void count_warning(void *ctx, const char *msg)
{
	assert_non_null(strstr(msg, "niet bekend"));
	(*(int *)ctx)++;
}

static void test_export_without_definition_uses_numbers(void **state)
{
	struct export_opts o = { 0 };
	struct export_result r;
	struct err e = { "" };
	char path[128], out[160];
	const char *files[1] = { path };
	struct survey s;
	struct store *st;
	sqlite3 *db;
	int warned = 0;
	char *csv;

	survey_fill(&s);
	st = open_in(*state, path, sizeof(path));
	add(st, &s, 4);
	store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "DELETE FROM question; DELETE FROM "
				      "choice; DELETE FROM survey_version",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	snprintf(out, sizeof(out), "%s/uit", (char *)*state);
	o.files = files;
	o.nfiles = 1;
	o.outdir = out;
	o.warn = count_warning;
	o.warn_ctx = &warned;
	assert_int_equal(export_run(&o, &r, &e), 0);
	assert_int_equal(warned, 1);
	csv = slurp(out, CSV_NAME);
	assert_true(str_starts(csv + 3, "id;jaar;week;vraag1;"));
	assert_non_null(strstr(csv, ";nr 4\r\n"));
	free(csv);
	store_definition_release(&s);
}

/* ---- the kill test ---- */

/* The child: saves numbered responses from `from` on and reports each
 * number through fd as soon as store_response_add returned 0. Never
 * returns. */
static void kill_child(const char *path, int from, int fd)
{
	struct survey_answers a;
	struct err e = { "" };
	struct survey s;
	struct store *st;
	int n;

	survey_fill(&s);
	st = store_open(path, TODAY, &e);
	if (!st)
		_exit(3);
	for (n = from;; n++) {
		answers_fill(&a, n);
		if (store_response_add(st, &s, &a, 2026, 48, &e) < 0)
			_exit(4);
		if (write(fd, &n, sizeof(n)) != sizeof(n))
			_exit(5);
	}
}

static void test_kill_at_random_moments(void **state)
{
	const char *env = getenv("STORE_KILLS");
	int kills = env ? atoi(env) : 200, k, acked = 0, extra = 0;
	char path[128], out[4096];
	unsigned char *seen;
	struct err e = { "" };
	struct found f;
	struct survey s;
	struct store *st;
	struct stat sb;
	unsigned seed = (unsigned)getpid();
	int *ack;
	size_t max = (size_t)kills * 1000;

	survey_fill(&s);
	snprintf(path, sizeof(path), "%s/" STORE_FILE, (char *)*state);
	ack = calloc(max, sizeof(*ack));
	seen = calloc(max, 1);
	assert_non_null(ack);
	assert_non_null(seen);
	for (k = 0; k < kills; k++) {
		int fds[2], n, status;
		struct timespec ts = { 0, 0 };
		pid_t pid;

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			kill_child(path, k * 1000, fds[1]);
		}
		close(fds[1]);
		/* a random moment: while it opens the file, or between and
		 * inside the transactions that follow */
		ts.tv_nsec = (long)(rand_r(&seed) % 6000) * 1000;
		if (k % 2 && read(fds[0], &n, sizeof(n)) == sizeof(n)) {
			/* every other child: after its first save, so more
			 * kills land among the saves than while opening */
			ack[acked++] = n;
			ts.tv_nsec /= 3;
		}
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status))
			fail_msg("child %d ended by itself (status %d)", k,
				 WEXITSTATUS(status));
		while (read(fds[0], &n, sizeof(n)) == sizeof(n)) {
			assert_true(n >= k * 1000 && n < (k + 1) * 1000);
			ack[acked++] = n;
		}
		close(fds[0]);
	}
	/* the kiosk starts again: the file is whole, nothing moved aside */
	st = store_open(path, TODAY, &e);
	assert_non_null(st);
	assert_int_equal(store_check(st, &e), 1);
	snprintf(out, sizeof(out), "%s.beschadigd-2026-11-24", path);
	assert_int_not_equal(stat(out, &sb), 0);
	scan(st, &f, &s);
	assert_int_equal(f.bad, 0); /* no half response */
	for (k = 0; k < f.n; k++) {
		assert_true(f.nr[k] >= 0 && (size_t)f.nr[k] < max);
		assert_int_equal(seen[f.nr[k]], 0); /* none twice */
		seen[f.nr[k]] = 1;
	}
	for (k = 0; k < acked; k++)
		if (!seen[ack[k]])
			fail_msg("response %d was acknowledged, then lost",
				 ack[k]);
	/* at most the one in flight at each kill was saved unacknowledged */
	extra = f.n - acked;
	assert_true(extra >= 0 && extra <= kills);
	{
		int counts[SURVEY_OPTION_MAX], total;

		assert_int_equal(store_counts(st, &s, 8, counts, &total, &e),
				 0);
		assert_int_equal(total, f.n);
	}
	printf("kill test: %d kills, %d acknowledged responses, all found "
	       "(%d more saved just before a kill), integrity_check ok\n",
	       kills, acked, extra);
	found_release(&f);
	store_close(st);
	free(ack);
	free(seen);
	store_definition_release(&s);
}

#define T(f)                                                                   \
	cmocka_unit_test_setup_teardown(f, fake_tmp_setup, fake_tmp_teardown)
#define TR(f) cmocka_unit_test_setup_teardown(f, ram_setup, fake_tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_week_around_year_ends),
		T(test_file_keeps_no_rowid_and_no_time),
		T(test_counts_for_the_public_bars),
		T(test_bad_answers_are_refused_whole),
		T(test_free_text_comes_back_as_typed),
		T(test_hidden_question_is_not_kept),
		T(test_disk_full_writes_nothing),
		T(test_damaged_file_is_moved_aside),
		T(test_newer_file_is_left_alone),
		T(test_unopenable_folder_fails_cleanly),
		TR(test_no_order_that_follows_time),
		T(test_export_reads_a_snapshot_while_kiosk_saves),
		T(test_export_csv_for_dutch_spreadsheets),
		T(test_report_hides_small_counts),
		T(test_merge_counts_each_response_once),
		T(test_libreoffice_opens_the_csv),
		T(test_export_without_definition_uses_numbers),
		TR(test_kill_at_random_moments),
	};

	if (getenv("STORE_KILLS"))
		cmocka_set_test_filter("test_kill_at_random_moments");
	else if (getenv("STORE_ONLY"))
		cmocka_set_test_filter(getenv("STORE_ONLY"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
