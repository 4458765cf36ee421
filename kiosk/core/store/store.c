/*
 * store: the survey file in SQLite; see store.h for what it holds and
 * promises. This file owns the schema, its migrations and the encoding of
 * one response's answers.
 *
 * Schema (PRAGMA user_version 1), every table WITHOUT ROWID:
 *
 *   survey_version (survey, version, title)           a definition's head
 *   question (survey, version, q, id, kind, title, ...) its questions
 *   choice (survey, version, q, band, c, id, label, ...) options and bands
 *   response (id, survey, version, iso_year, iso_week, answers)
 *   tally (survey, version, q, value, n)                running counts
 *
 * response.id is 16 random bytes and the table's only key, so the table's
 * order is the order of random numbers. response.answers is a blob: a
 * format byte (1), then per answered question, in question order,
 *
 *   u8 question index, u8 kind code, i32 value (little endian),
 *   u16 text length (little endian), the text's bytes (UTF-8, no NUL)
 *
 * with kind codes c choice, m multi, s scale, y yes/no, n number, b number
 * band, t text. One row per response keeps a save to one insert and an
 * export to one pass over the table. tally.value -1 counts the responses
 * that answered the question; other values are the slots of
 * store_counts().
 */
#include "core/store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"

#define SCHEMA_VERSION 1
#define BUSY_MS	       5000 /* how long to wait for another connection */
#define BLOB_FORMAT    1
#define REC_HEAD       8 /* bytes before an answer's text */
#define BLOB_MAX       (1 + SURVEY_QUESTION_MAX * (REC_HEAD + SURVEY_TEXT_MAX))
#define TALLY_ANSWERED (-1)

enum stmt {
	ST_BEGIN,
	ST_COMMIT,
	ST_HAS_VERSION,
	ST_ADD_VERSION,
	ST_ADD_QUESTION,
	ST_ADD_CHOICE,
	ST_ADD_RESPONSE,
	ST_TALLY,
	ST_COUNTS,
	ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_HAS_VERSION] = "SELECT 1 FROM survey_version "
			   "WHERE survey = ?1 AND version = ?2",
	[ST_ADD_VERSION] = "INSERT INTO survey_version VALUES (?1, ?2, ?3)",
	[ST_ADD_QUESTION] = "INSERT INTO question VALUES "
			    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
			    "?12)",
	[ST_ADD_CHOICE] = "INSERT INTO choice VALUES "
			  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_ADD_RESPONSE] = "INSERT INTO response VALUES "
			    "(?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_TALLY] = "INSERT INTO tally VALUES (?1, ?2, ?3, ?4, 1) "
		     "ON CONFLICT DO UPDATE SET n = n + 1",
	[ST_COUNTS] = "SELECT value, n FROM tally "
		      "WHERE survey = ?1 AND version = ?2 AND q = ?3",
};

static const char schema_v1[] =
	"CREATE TABLE survey_version ("
	" survey TEXT NOT NULL, version TEXT NOT NULL, title TEXT NOT NULL,"
	" PRIMARY KEY (survey, version)) WITHOUT ROWID;"
	"CREATE TABLE question ("
	" survey TEXT NOT NULL, version TEXT NOT NULL, q INTEGER NOT NULL,"
	" id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,"
	" required INTEGER NOT NULL, public_result INTEGER NOT NULL,"
	" max_choices INTEGER NOT NULL, min INTEGER NOT NULL,"
	" max INTEGER NOT NULL, max_len INTEGER NOT NULL,"
	" PRIMARY KEY (survey, version, q)) WITHOUT ROWID;"
	"CREATE TABLE choice ("
	" survey TEXT NOT NULL, version TEXT NOT NULL, q INTEGER NOT NULL,"
	" band INTEGER NOT NULL, c INTEGER NOT NULL, id TEXT NOT NULL,"
	" label TEXT NOT NULL, other INTEGER NOT NULL, lo INTEGER NOT NULL,"
	" hi INTEGER NOT NULL,"
	" PRIMARY KEY (survey, version, q, band, c)) WITHOUT ROWID;"
	"CREATE TABLE response ("
	" id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
	" survey TEXT NOT NULL, version TEXT NOT NULL,"
	" iso_year INTEGER NOT NULL,"
	" iso_week INTEGER NOT NULL CHECK (iso_week BETWEEN 1 AND 53),"
	" answers BLOB NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE tally ("
	" survey TEXT NOT NULL, version TEXT NOT NULL, q INTEGER NOT NULL,"
	" value INTEGER NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY (survey, version, q, value)) WITHOUT ROWID;";

struct store {
	sqlite3 *db;
	char *path; /* owned; for messages */
	sqlite3_stmt *st[ST_COUNT];
	int reading; /* inside store_read_begin() */
	uint8_t blob[BLOB_MAX];
};

/* ---- errors ---- */

/* SQLite's result code in words staff understand. */
static const char *why(sqlite3 *db, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return "de schijf is vol";
	case SQLITE_READONLY:
		return "de gegevensmap is alleen-lezen";
	case SQLITE_IOERR:
		return "de schijf geeft een fout";
	case SQLITE_CANTOPEN:
		return "kan het bestand niet openen of maken";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "geen toestemming";
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "het bestand is bezet";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "het bestand is beschadigd";
	default:
		return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	}
}

static int fail(struct err *e, const char *path, const char *what, sqlite3 *db,
		int rc)
{
	return err_set(e, "%s '%s': %s", what, path, why(db, rc));
}

static int is_damage(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* ---- opening ---- */

/* Runs sql, which returns at most one row, and copies its first column as
 * text into out (may be NULL). Returns the SQLite result code. */
static int pragma(sqlite3 *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	if (out && size)
		out[0] = '\0';
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);

		if (out && t)
			str_copy(out, size, (const char *)t);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/* The settings of a writing connection, each read back. */
static int configure(sqlite3 *db, const char *path, int *damaged, struct err *e)
{
	char v[64];
	int rc;

	*damaged = 0;
	sqlite3_busy_timeout(db, BUSY_MS);
	rc = pragma(db, "PRAGMA journal_mode = WAL", v, sizeof(v));
	if (rc != SQLITE_OK) {
		*damaged = is_damage(rc);
		return fail(e, path, "kan de enquête niet openen", db, rc);
	}
	if (strcmp(v, "wal") != 0)
		log_warn("store: '%s' cannot use WAL (journal mode '%s')", path,
			 v);
	rc = pragma(db, "PRAGMA synchronous = FULL", NULL, 0);
	if (rc == SQLITE_OK)
		rc = pragma(db, "PRAGMA synchronous", v, sizeof(v));
	if (rc != SQLITE_OK)
		return fail(e, path, "kan de enquête niet instellen", db, rc);
	if (strcmp(v, "2") != 0)
		return err_set(e,
			       "kan de enquête '%s' niet veilig bewaren: "
			       "synchronous is %s, niet FULL",
			       path, v);
	rc = pragma(db, "PRAGMA secure_delete = ON", v, sizeof(v));
	if (rc != SQLITE_OK || strcmp(v, "1") != 0)
		return err_set(e,
			       "kan de enquête '%s' niet instellen: "
			       "secure_delete staat niet aan",
			       path);
	rc = pragma(db, "PRAGMA trusted_schema = OFF", NULL, 0);
	if (rc != SQLITE_OK)
		return fail(e, path, "kan de enquête niet instellen", db, rc);
	return 0;
}

/* PRAGMA quick_check; 1 when ok. */
static int quick_ok(sqlite3 *db)
{
	char v[64];

	return pragma(db, "PRAGMA quick_check(1)", v, sizeof(v)) == SQLITE_OK &&
	       strcmp(v, "ok") == 0;
}

static int user_version(sqlite3 *db, int *out)
{
	char v[32];
	int rc = pragma(db, "PRAGMA user_version", v, sizeof(v));

	*out = atoi(v);
	return rc;
}

/* Brings the schema up to SCHEMA_VERSION, one transaction per step. */
static int migrate(sqlite3 *db, const char *path, int *damaged, struct err *e)
{
	int have, rc;

	rc = user_version(db, &have);
	if (rc != SQLITE_OK) {
		*damaged = is_damage(rc);
		return fail(e, path, "kan de enquête niet lezen", db, rc);
	}
	if (have > SCHEMA_VERSION)
		return err_set(e,
			       "de enquête '%s' is van een nieuwere versie "
			       "van de kiosk (schema %d, deze kent %d)",
			       path, have, SCHEMA_VERSION);
	if (have == SCHEMA_VERSION)
		return 0;
	/* have == 0: a new file (or one without our tables) */
	rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, schema_v1, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL,
				  NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		*damaged = is_damage(rc);
		fail(e, path, "kan de enquête niet aanmaken", db, rc);
		if (!sqlite3_get_autocommit(db))
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* Writes the folder entries of the folder holding path to the disk. */
static void sync_parent(const char *path)
{
	char dir[PATH_MAX];
	char *slash;
	int fd;

	str_copy(dir, sizeof(dir), path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		str_copy(dir, sizeof(dir), ".");
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return;
	fsync(fd);
	close(fd);
}

/* Renames a damaged file and its -wal and -shm out of the way. */
static int move_aside(const char *path, int today, struct err *e)
{
	static const char *const sides[] = { "-wal", "-shm" };
	char to[PATH_MAX], from_side[PATH_MAX], to_side[PATH_MAX + 8];
	size_t i;
	int n;

	for (n = 1; n < 100; n++) {
		if (n == 1)
			snprintf(to, sizeof(to), "%s.beschadigd-%04d-%02d-%02d",
				 path, today / 10000, today / 100 % 100,
				 today % 100);
		else
			snprintf(to, sizeof(to),
				 "%s.beschadigd-%04d-%02d-%02d-%d", path,
				 today / 10000, today / 100 % 100, today % 100,
				 n);
		if (access(to, F_OK) < 0)
			break;
	}
	if (rename(path, to) < 0)
		return err_set(e,
			       "kan het beschadigde bestand '%s' niet opzij "
			       "zetten: %s",
			       path, strerror(errno));
	for (i = 0; i < ARRAY_LEN(sides); i++) {
		snprintf(from_side, sizeof(from_side), "%s%s", path, sides[i]);
		snprintf(to_side, sizeof(to_side), "%s%s", to, sides[i]);
		if (rename(from_side, to_side) < 0 && errno != ENOENT)
			unlink(from_side);
	}
	sync_parent(path);
	log_error("store: '%s' was damaged; moved aside as '%s', starting a "
		  "fresh file",
		  path, to);
	return 0;
}

static void store_free(struct store *st)
{
	int i;

	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(st->st[i]);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

/* One attempt at opening path for writing. */
static struct store *open_rw(const char *path, int *damaged, struct err *e)
{
	struct store *st = xcalloc(1, sizeof(*st));
	int i, rc;

	*damaged = 0;
	st->path = str_dup(path);
	rc = sqlite3_open_v2(path, &st->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		fail(e, path, "kan de enquête niet openen", st->db, rc);
		store_free(st);
		return NULL;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (configure(st->db, path, damaged, e) < 0)
		goto bad;
	if (!quick_ok(st->db)) {
		*damaged = 1;
		err_set(e, "de enquête '%s' is beschadigd", path);
		goto bad;
	}
	if (migrate(st->db, path, damaged, e) < 0)
		goto bad;
	for (i = 0; i < ST_COUNT; i++) {
		rc = sqlite3_prepare_v3(st->db, stmt_sql[i], -1,
					SQLITE_PREPARE_PERSISTENT, &st->st[i],
					NULL);
		if (rc != SQLITE_OK) {
			/* a file with our user_version but other tables */
			*damaged = 1;
			fail(e, path, "kan de enquête niet lezen", st->db, rc);
			goto bad;
		}
	}
	return st;
bad:
	store_free(st);
	return NULL;
}

struct store *store_open(const char *path, int today, struct err *e)
{
	struct store *st;
	int damaged;

	st = open_rw(path, &damaged, e);
	if (st || !damaged)
		return st;
	if (move_aside(path, today, e) < 0)
		return NULL;
	return open_rw(path, &damaged, e);
}

struct store *store_open_read(const char *path, struct err *e)
{
	struct store *st = xcalloc(1, sizeof(*st));
	int rc, have = 0;

	st->path = str_dup(path);
	rc = sqlite3_open_v2(path, &st->db,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(st->db, BUSY_MS);
		rc = user_version(st->db, &have);
	}
	if (rc != SQLITE_OK) {
		fail(e, path, "kan de enquête niet lezen", st->db, rc);
		store_free(st);
		return NULL;
	}
	if (have < 1 || have > SCHEMA_VERSION) {
		err_set(e,
			have ? "'%s' is van een nieuwere versie van de kiosk"
			     : "'%s' is geen enquêtebestand van de kiosk",
			path);
		store_free(st);
		return NULL;
	}
	return st;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->reading)
		store_read_end(st);
	store_free(st);
}

int store_limit_bytes(struct store *st, int64_t max_bytes, struct err *e)
{
	char sql[80], v[32];
	int rc = pragma(st->db, "PRAGMA page_size", v, sizeof(v));
	long long page = atoll(v);

	if (rc != SQLITE_OK || page <= 0)
		return fail(e, st->path, "kan de enquête niet instellen",
			    st->db, rc);
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld",
		 (long long)(max_bytes / page));
	rc = pragma(st->db, sql, NULL, 0);
	if (rc != SQLITE_OK)
		return fail(e, st->path, "kan de enquête niet instellen",
			    st->db, rc);
	return 0;
}

/* ---- saving ---- */

static const char *kind_name(enum question_kind k)
{
	switch (k) {
	case QUESTION_CHOICE:
		return "choice";
	case QUESTION_MULTI:
		return "multi";
	case QUESTION_SCALE:
		return "scale";
	case QUESTION_YESNO:
		return "yesno";
	case QUESTION_NUMBER:
		return "number";
	case QUESTION_TEXT:
		return "text";
	case QUESTION_INFO:
		return "info";
	}
	return "info";
}

static int kind_parse(const char *s, enum question_kind *k)
{
	static const enum question_kind all[] = {
		QUESTION_CHOICE, QUESTION_MULTI, QUESTION_SCALE, QUESTION_YESNO,
		QUESTION_NUMBER, QUESTION_TEXT,	 QUESTION_INFO,
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(all); i++)
		if (strcmp(s, kind_name(all[i])) == 0) {
			*k = all[i];
			return 0;
		}
	return -1;
}

static char kind_code(const struct survey_question *q)
{
	switch (q->kind) {
	case QUESTION_CHOICE:
		return 'c';
	case QUESTION_MULTI:
		return 'm';
	case QUESTION_SCALE:
		return 's';
	case QUESTION_YESNO:
		return 'y';
	case QUESTION_NUMBER:
		return q->nbands ? 'b' : 'n';
	case QUESTION_TEXT:
		return 't';
	case QUESTION_INFO:
		break;
	}
	return 0;
}

/* The text that goes with answer a to q ("" for none), checked; NULL and e
 * filled when it cannot be stored. */
static const char *answer_text(const struct survey_question *q,
			       const struct survey_answer *a, size_t *len,
			       struct err *e)
{
	size_t n = strnlen(a->text, sizeof(a->text)), bad;
	int i, other = 0;

	*len = 0;
	if (q->kind == QUESTION_CHOICE)
		other = q->options[a->choice].other;
	else if (q->kind == QUESTION_MULTI)
		for (i = 0; i < q->noptions; i++)
			other |= (a->chosen >> i & 1u) && q->options[i].other;
	else if (q->kind == QUESTION_TEXT)
		other = 1;
	if (!other)
		return "";
	if (n > SURVEY_TEXT_MAX || (q->max_len > 0 && n > (size_t)q->max_len)) {
		err_set(e, "het antwoord op vraag '%s' is te lang", q->id);
		return NULL;
	}
	if (!utf8_valid(a->text, n, &bad)) {
		err_set(e,
			"het antwoord op vraag '%s' is geen geldige tekst "
			"(byte %zu)",
			q->id, bad);
		return NULL;
	}
	*len = n;
	return a->text;
}

/* -1 with e filled when answer a cannot be an answer to q. */
static int answer_check(const struct survey_question *q,
			const struct survey_answer *a, struct err *e)
{
	int n = 0, i;

	switch (q->kind) {
	case QUESTION_CHOICE:
		if (a->choice >= 0 && a->choice < q->noptions)
			return 0;
		break;
	case QUESTION_MULTI:
		for (i = 0; i < 32; i++)
			n += (int)(a->chosen >> i & 1u);
		if (q->noptions < 1 || q->noptions > 31 ||
		    (a->chosen >> q->noptions) != 0)
			break;
		if (q->max_choices > 0 && n > q->max_choices)
			return err_set(e,
				       "vraag '%s': meer dan %d keuzes "
				       "gekozen",
				       q->id, q->max_choices);
		return 0;
	case QUESTION_SCALE:
		if (a->choice >= 1 && a->choice <= 5)
			return 0;
		break;
	case QUESTION_YESNO:
		if (a->choice == 0 || a->choice == 1)
			return 0;
		break;
	case QUESTION_NUMBER:
		if (q->nbands ? a->choice >= 0 && a->choice < q->nbands
			      : a->choice >= q->min && a->choice <= q->max)
			return 0;
		break;
	case QUESTION_TEXT:
	case QUESTION_INFO:
		return 0;
	}
	return err_set(e, "vraag '%s': antwoord %d past niet bij de vraag",
		       q->id,
		       q->kind == QUESTION_MULTI ? (int)a->chosen : a->choice);
}

static void put_le(uint8_t *p, uint32_t v, int bytes)
{
	int i;

	for (i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_le(const uint8_t *p, int bytes)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < bytes; i++)
		v |= (uint32_t)p[i] << (8 * i);
	return v;
}

/* 1 when q's answer a goes into the file. */
static int answer_counts(const struct survey *s,
			 const struct survey_answers *ans, int q)
{
	const struct survey_question *qq = &s->questions[q];
	const struct survey_answer *a = &ans->a[q];

	if (qq->kind == QUESTION_INFO || !a->answered ||
	    !survey_shows(s, ans, q))
		return 0;
	if (qq->kind == QUESTION_TEXT && a->text[0] == '\0')
		return 0;
	if (qq->kind == QUESTION_MULTI && a->chosen == 0)
		return 0;
	return 1;
}

/* Encodes the answers into st->blob; returns its length or -1. */
static int encode(struct store *st, const struct survey *s,
		  const struct survey_answers *ans, struct err *e)
{
	size_t len = 1, tlen;
	const char *text;
	int q;

	st->blob[0] = BLOB_FORMAT;
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];
		const struct survey_answer *a = &ans->a[q];
		uint32_t value;

		if (!answer_counts(s, ans, q))
			continue;
		if (answer_check(qq, a, e) < 0)
			return -1;
		text = answer_text(qq, a, &tlen, e);
		if (!text)
			return -1;
		value = qq->kind == QUESTION_MULTI ? a->chosen
						   : (uint32_t)a->choice;
		if (qq->kind == QUESTION_TEXT)
			value = 0;
		st->blob[len] = (uint8_t)q;
		st->blob[len + 1] = (uint8_t)kind_code(qq);
		put_le(st->blob + len + 2, value, 4);
		put_le(st->blob + len + 6, (uint32_t)tlen, 2);
		memcpy(st->blob + len + REC_HEAD, text, tlen);
		len += REC_HEAD + tlen;
	}
	return (int)len;
}

static int step_done(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
	sqlite3_bind_text(s, i, t ? t : "", -1, SQLITE_STATIC);
}

static void bind_key(sqlite3_stmt *s, const struct survey *sv)
{
	bind_text(s, 1, sv->id);
	bind_text(s, 2, sv->version);
}

/* Saves s's definition unless the file has it. */
static int add_definition(struct store *st, const struct survey *s)
{
	sqlite3_stmt *h = st->st[ST_HAS_VERSION];
	int q, c, rc;

	bind_key(h, s);
	rc = sqlite3_step(h);
	sqlite3_reset(h);
	if (rc == SQLITE_ROW)
		return SQLITE_OK;
	if (rc != SQLITE_DONE)
		return rc;
	h = st->st[ST_ADD_VERSION];
	bind_key(h, s);
	bind_text(h, 3, s->title.s[0]);
	if ((rc = step_done(h)) != SQLITE_OK)
		return rc;
	for (q = 0; q < s->nquestions; q++) {
		const struct survey_question *qq = &s->questions[q];
		sqlite3_stmt *a = st->st[ST_ADD_QUESTION];

		bind_key(a, s);
		sqlite3_bind_int(a, 3, q);
		bind_text(a, 4, qq->id);
		bind_text(a, 5, kind_name(qq->kind));
		bind_text(a, 6, qq->title.s[0]);
		sqlite3_bind_int(a, 7, qq->required);
		sqlite3_bind_int(a, 8, qq->public_result);
		sqlite3_bind_int(a, 9, qq->max_choices);
		sqlite3_bind_int(a, 10, qq->min);
		sqlite3_bind_int(a, 11, qq->max);
		sqlite3_bind_int(a, 12, qq->max_len);
		if ((rc = step_done(a)) != SQLITE_OK)
			return rc;
		a = st->st[ST_ADD_CHOICE];
		for (c = 0; c < qq->noptions + qq->nbands; c++) {
			int band = c >= qq->noptions;
			int i = band ? c - qq->noptions : c;
			char id[16];

			bind_key(a, s);
			sqlite3_bind_int(a, 3, q);
			sqlite3_bind_int(a, 4, band);
			sqlite3_bind_int(a, 5, i);
			snprintf(id, sizeof(id), "%d", i + 1);
			bind_text(a, 6, band ? id : qq->options[i].id);
			bind_text(a, 7,
				  band ? qq->bands[i].label.s[0]
				       : qq->options[i].label.s[0]);
			sqlite3_bind_int(a, 8, band ? 0 : qq->options[i].other);
			sqlite3_bind_int(a, 9, band ? qq->bands[i].lo : 0);
			sqlite3_bind_int(a, 10, band ? qq->bands[i].hi : 0);
			if ((rc = step_done(a)) != SQLITE_OK)
				return rc;
		}
	}
	return SQLITE_OK;
}

static int tally_one(struct store *st, const struct survey *s, int q, int value)
{
	sqlite3_stmt *t = st->st[ST_TALLY];

	bind_key(t, s);
	sqlite3_bind_int(t, 3, q);
	sqlite3_bind_int(t, 4, value);
	return step_done(t);
}

/* Adds answer a of question q to the running counts. */
static int tally(struct store *st, const struct survey *s,
		 const struct survey_answers *ans, int q)
{
	const struct survey_question *qq = &s->questions[q];
	const struct survey_answer *a = &ans->a[q];
	int rc = tally_one(st, s, q, TALLY_ANSWERED), i;

	if (rc != SQLITE_OK)
		return rc;
	switch (qq->kind) {
	case QUESTION_CHOICE:
	case QUESTION_YESNO:
		return tally_one(st, s, q, a->choice);
	case QUESTION_SCALE:
		return tally_one(st, s, q, a->choice - 1);
	case QUESTION_MULTI:
		for (i = 0; i < qq->noptions && rc == SQLITE_OK; i++)
			if (a->chosen >> i & 1u)
				rc = tally_one(st, s, q, i);
		return rc;
	case QUESTION_NUMBER:
		return qq->nbands ? tally_one(st, s, q, a->choice) : SQLITE_OK;
	case QUESTION_TEXT:
	case QUESTION_INFO:
		break;
	}
	return SQLITE_OK;
}

static int random_id(uint8_t *id, struct err *e)
{
	size_t got = 0;

	while (got < STORE_ID_BYTES) {
		ssize_t n = getrandom(id + got, STORE_ID_BYTES - got, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return err_set(e, "geen willekeurig getal: %s",
				       strerror(errno));
		got += (size_t)n;
	}
	return 0;
}

int store_response_add(struct store *st, const struct survey *s,
		       const struct survey_answers *a, int iso_year,
		       int iso_week, struct err *e)
{
	uint8_t id[STORE_ID_BYTES];
	sqlite3_stmt *r = st->st[ST_ADD_RESPONSE];
	int len, q, rc;

	if (iso_week < 1 || iso_week > 53 || iso_year < 1)
		return err_set(e, "week %d van %d bestaat niet", iso_week,
			       iso_year);
	len = encode(st, s, a, e);
	if (len < 0 || random_id(id, e) < 0)
		return -1;
	rc = step_done(st->st[ST_BEGIN]);
	if (rc != SQLITE_OK)
		return fail(e, st->path, "kan het antwoord niet bewaren in",
			    st->db, rc);
	rc = add_definition(st, s);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(r, 1, id, STORE_ID_BYTES, SQLITE_STATIC);
		sqlite3_bind_text(r, 2, s->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(r, 3, s->version, -1, SQLITE_STATIC);
		sqlite3_bind_int(r, 4, iso_year);
		sqlite3_bind_int(r, 5, iso_week);
		sqlite3_bind_blob(r, 6, st->blob, len, SQLITE_STATIC);
		rc = step_done(r);
	}
	for (q = 0; q < s->nquestions && rc == SQLITE_OK; q++)
		if (answer_counts(s, a, q))
			rc = tally(st, s, a, q);
	if (rc == SQLITE_OK)
		rc = step_done(st->st[ST_COMMIT]);
	if (rc != SQLITE_OK) {
		fail(e, st->path, "kan het antwoord niet bewaren in", st->db,
		     rc);
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int store_counts(struct store *st, const struct survey *s, int q, int *counts,
		 int *total, struct err *e)
{
	sqlite3_stmt *c = st->st[ST_COUNTS];
	int rc;

	memset(counts, 0, SURVEY_OPTION_MAX * sizeof(*counts));
	*total = 0;
	if (!c)
		return err_set(e, "'%s' is alleen geopend om te lezen",
			       st->path);
	bind_key(c, s);
	sqlite3_bind_int(c, 3, q);
	while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
		int v = sqlite3_column_int(c, 0), n = sqlite3_column_int(c, 1);

		if (v == TALLY_ANSWERED)
			*total = n;
		else if (v >= 0 && v < SURVEY_OPTION_MAX)
			counts[v] = n;
	}
	sqlite3_reset(c);
	if (rc != SQLITE_DONE)
		return fail(e, st->path, "kan de telling niet lezen uit",
			    st->db, rc);
	return 0;
}

/* ---- reading back ---- */

int store_read_begin(struct store *st, struct err *e)
{
	int rc;

	if (st->reading)
		return 0;
	rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
	/* a read transaction starts at its first read: take the snapshot */
	if (rc == SQLITE_OK)
		rc = pragma(st->db, "SELECT count(*) FROM survey_version", NULL,
			    0);
	if (rc != SQLITE_OK) {
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return fail(e, st->path, "kan de enquête niet lezen", st->db,
			    rc);
	}
	st->reading = 1;
	return 0;
}

void store_read_end(struct store *st)
{
	if (!st->reading)
		return;
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	st->reading = 0;
}

static const char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? (const char *)t : "";
}

int store_versions(struct store *st, struct store_version **out, int *n,
		   struct err *e)
{
	static const char sql[] =
		"SELECT r.survey, r.version, count(*),"
		" EXISTS (SELECT 1 FROM survey_version v"
		"  WHERE v.survey = r.survey AND v.version = r.version)"
		" FROM response r GROUP BY r.survey, r.version"
		" ORDER BY r.survey, r.version";
	struct store_version *v = NULL;
	sqlite3_stmt *s;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return fail(e, st->path, "kan de enquête niet lezen", st->db,
			    rc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, (size_t)cap * sizeof(*v));
		}
		memset(&v[*n], 0, sizeof(v[*n]));
		str_copy(v[*n].survey, sizeof(v[*n].survey), col_text(s, 0));
		str_copy(v[*n].version, sizeof(v[*n].version), col_text(s, 1));
		v[*n].responses = sqlite3_column_int(s, 2);
		v[*n].has_definition = sqlite3_column_int(s, 3);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return fail(e, st->path, "kan de enquête niet lezen", st->db,
			    rc);
	}
	*out = v;
	return 0;
}

void store_definition_release(struct survey *s)
{
	int q, i, l;

	for (l = 0; l < CONTENT_LANG_MAX; l++) {
		free(s->title.s[l]);
		free(s->intro.s[l]);
	}
	for (q = 0; q < s->nquestions; q++) {
		struct survey_question *qq = &s->questions[q];

		for (l = 0; l < CONTENT_LANG_MAX; l++) {
			free(qq->title.s[l]);
			free(qq->help.s[l]);
			for (i = 0; i < SURVEY_OPTION_MAX; i++) {
				free(qq->options[i].label.s[l]);
				free(qq->bands[i].label.s[l]);
			}
		}
	}
	memset(s, 0, sizeof(*s));
}

static void bind_ids(sqlite3_stmt *s, const char *survey_id,
		     const char *version)
{
	sqlite3_bind_text(s, 1, survey_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
}

int store_definition(struct store *st, const char *survey_id,
		     const char *version, struct survey *out, struct err *e)
{
	static const char head[] = "SELECT title FROM survey_version "
				   "WHERE survey = ?1 AND version = ?2";
	static const char qs[] =
		"SELECT q, id, kind, title, required, public_result,"
		" max_choices, min, max, max_len FROM question"
		" WHERE survey = ?1 AND version = ?2 ORDER BY q";
	static const char cs[] =
		"SELECT q, band, c, id, label, other, lo, hi FROM choice"
		" WHERE survey = ?1 AND version = ?2 ORDER BY q, band, c";
	sqlite3_stmt *s = NULL;
	int rc, found = 0;

	memset(out, 0, sizeof(*out));
	str_copy(out->id, sizeof(out->id), survey_id);
	str_copy(out->version, sizeof(out->version), version);
	rc = sqlite3_prepare_v2(st->db, head, -1, &s, NULL);
	if (rc != SQLITE_OK)
		goto bad;
	bind_ids(s, survey_id, version);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->title.s[0] = str_dup(col_text(s, 0));
		found = 1;
	}
	sqlite3_finalize(s);
	s = NULL;
	if (rc != SQLITE_DONE)
		goto bad;
	if (!found)
		return err_set(e, "'%s' kent vraaglijst '%s' versie %s niet",
			       st->path, survey_id, version);
	rc = sqlite3_prepare_v2(st->db, qs, -1, &s, NULL);
	if (rc != SQLITE_OK)
		goto bad;
	bind_ids(s, survey_id, version);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int q = sqlite3_column_int(s, 0);
		struct survey_question *qq;

		if (q != out->nquestions || q >= SURVEY_QUESTION_MAX) {
			rc = SQLITE_CORRUPT;
			break;
		}
		qq = &out->questions[out->nquestions++];
		str_copy(qq->id, sizeof(qq->id), col_text(s, 1));
		if (kind_parse(col_text(s, 2), &qq->kind) < 0) {
			rc = SQLITE_CORRUPT;
			break;
		}
		qq->title.s[0] = str_dup(col_text(s, 3));
		qq->required = sqlite3_column_int(s, 4);
		qq->public_result = sqlite3_column_int(s, 5);
		qq->max_choices = sqlite3_column_int(s, 6);
		qq->min = sqlite3_column_int(s, 7);
		qq->max = sqlite3_column_int(s, 8);
		qq->max_len = sqlite3_column_int(s, 9);
	}
	sqlite3_finalize(s);
	s = NULL;
	if (rc != SQLITE_DONE)
		goto bad;
	rc = sqlite3_prepare_v2(st->db, cs, -1, &s, NULL);
	if (rc != SQLITE_OK)
		goto bad;
	bind_ids(s, survey_id, version);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int q = sqlite3_column_int(s, 0),
		    band = sqlite3_column_int(s, 1);
		int c = sqlite3_column_int(s, 2);
		struct survey_question *qq;

		if (q < 0 || q >= out->nquestions) {
			rc = SQLITE_CORRUPT;
			break;
		}
		qq = &out->questions[q];
		if (band && c == qq->nbands && c < SURVEY_OPTION_MAX) {
			qq->bands[c].label.s[0] = str_dup(col_text(s, 4));
			qq->bands[c].lo = sqlite3_column_int(s, 6);
			qq->bands[c].hi = sqlite3_column_int(s, 7);
			qq->nbands++;
		} else if (!band && c == qq->noptions &&
			   c < SURVEY_OPTION_MAX) {
			str_copy(qq->options[c].id, sizeof(qq->options[c].id),
				 col_text(s, 3));
			qq->options[c].label.s[0] = str_dup(col_text(s, 4));
			qq->options[c].other = sqlite3_column_int(s, 5);
			qq->noptions++;
		} else {
			rc = SQLITE_CORRUPT;
			break;
		}
	}
	sqlite3_finalize(s);
	s = NULL;
	if (rc != SQLITE_DONE)
		goto bad;
	return 0;
bad:
	sqlite3_finalize(s);
	store_definition_release(out);
	return fail(e, st->path, "kan de vraaglijst niet lezen uit", st->db,
		    rc);
}

/* Scratch for one decoded response. */
struct decoded {
	struct store_answer a[SURVEY_QUESTION_MAX];
	char text[SURVEY_QUESTION_MAX][SURVEY_TEXT_MAX + 1];
};

static int decode(const uint8_t *p, int len, struct decoded *d, int *n)
{
	int at = 1, q = -1;

	*n = 0;
	if (len < 1 || p[0] != BLOB_FORMAT)
		return -1;
	while (at < len) {
		struct store_answer *a = &d->a[*n];
		uint32_t tlen;

		if (len - at < REC_HEAD || *n >= SURVEY_QUESTION_MAX ||
		    p[at] <= q)
			return -1;
		q = p[at];
		a->question = q;
		a->band = 0;
		switch (p[at + 1]) {
		case 'c':
			a->kind = QUESTION_CHOICE;
			break;
		case 'm':
			a->kind = QUESTION_MULTI;
			break;
		case 's':
			a->kind = QUESTION_SCALE;
			break;
		case 'y':
			a->kind = QUESTION_YESNO;
			break;
		case 'b':
			a->band = 1;
			/* fall through */
		case 'n':
			a->kind = QUESTION_NUMBER;
			break;
		case 't':
			a->kind = QUESTION_TEXT;
			break;
		default:
			return -1;
		}
		a->value = (int)get_le(p + at + 2, 4);
		tlen = get_le(p + at + 6, 2);
		if (tlen > SURVEY_TEXT_MAX ||
		    (uint32_t)(len - at - REC_HEAD) < tlen)
			return -1;
		memcpy(d->text[*n], p + at + REC_HEAD, tlen);
		d->text[*n][tlen] = '\0';
		a->text = d->text[*n];
		at += REC_HEAD + (int)tlen;
		(*n)++;
	}
	return 0;
}

int store_scan(struct store *st, store_response_fn fn, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT id, survey, version, iso_year, iso_week, answers"
		" FROM response ORDER BY id";
	struct decoded *d = xmalloc(sizeof(*d));
	struct store_response r;
	sqlite3_stmt *s;
	int rc, ret = 0;

	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		free(d);
		return fail(e, st->path, "kan de enquête niet lezen", st->db,
			    rc);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const void *id = sqlite3_column_blob(s, 0);

		if (sqlite3_column_bytes(s, 0) != STORE_ID_BYTES ||
		    decode(sqlite3_column_blob(s, 5),
			   sqlite3_column_bytes(s, 5), d, &r.nanswers) < 0) {
			ret = err_set(e, "'%s': een antwoord is beschadigd",
				      st->path);
			break;
		}
		memcpy(r.id, id, STORE_ID_BYTES);
		r.survey = col_text(s, 1);
		r.version = col_text(s, 2);
		r.iso_year = sqlite3_column_int(s, 3);
		r.iso_week = sqlite3_column_int(s, 4);
		r.answers = d->a;
		if (fn(ctx, &r, e) < 0) {
			ret = -1;
			break;
		}
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = fail(e, st->path, "kan de enquête niet lezen", st->db,
			   rc);
	sqlite3_finalize(s);
	free(d);
	return ret;
}

int store_check(struct store *st, struct err *e)
{
	char v[256];
	int rc = pragma(st->db, "PRAGMA integrity_check(1)", v, sizeof(v));

	if (rc != SQLITE_OK) {
		fail(e, st->path, "kan de enquête niet controleren", st->db,
		     rc);
		return 0;
	}
	if (strcmp(v, "ok") != 0) {
		err_set(e, "'%s' is beschadigd: %s", st->path, v);
		return 0;
	}
	return 1;
}

int store_snapshot(struct store *st, const char *path, struct err *e)
{
	char tmp[PATH_MAX];
	sqlite3_stmt *s = NULL;
	sqlite3 *out = NULL;
	int rc, fd;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return err_set(e, "de naam '%s' is te lang", path);
	unlink(tmp);
	rc = sqlite3_prepare_v2(st->db, "VACUUM INTO ?1", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, tmp, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		fail(e, path, "kan geen kopie schrijven naar", st->db, rc);
		unlink(tmp);
		return -1;
	}
	/* a copy on a stick is read without -wal and -shm beside it */
	rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = pragma(out, "PRAGMA journal_mode = DELETE", NULL, 0);
	sqlite3_close(out);
	if (rc != SQLITE_OK) {
		unlink(tmp);
		return fail(e, path, "kan geen kopie schrijven naar", NULL, rc);
	}
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0 || rename(tmp, path) < 0) {
		err_set(e, "kan geen kopie schrijven naar '%s': %s", path,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	sync_parent(path);
	return 0;
}
