/*
 * store: the survey file in SQLite; see store.h for what it holds and
 * promises. This file owns the schema, its migrations, opening, saving and
 * the encoding of one response's answers; reading them back is
 * store_read.c's.
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
#include "core/store/store_internal.h"

#define SCHEMA_VERSION 1
#define BUSY_MS	       5000 /* how long to wait for another connection */
#define TALLY_ANSWERED (-1)

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

int store_fail(struct err *e, const char *path, const char *what, sqlite3 *db,
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
int store_pragma(sqlite3 *db, const char *sql, char *out, size_t size)
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

int store_configure(sqlite3 *db, const char *path, const char *noun,
		    int *damaged, struct err *e)
{
	char v[64], what[80];
	int rc;

	*damaged = 0;
	sqlite3_busy_timeout(db, BUSY_MS);
	rc = store_pragma(db, "PRAGMA journal_mode = WAL", v, sizeof(v));
	if (rc != SQLITE_OK) {
		*damaged = is_damage(rc);
		snprintf(what, sizeof(what), "kan %s niet openen", noun);
		return store_fail(e, path, what, db, rc);
	}
	if (strcmp(v, "wal") != 0)
		log_warn("store: '%s' cannot use WAL (journal mode '%s')", path,
			 v);
	rc = store_pragma(db, "PRAGMA synchronous = FULL", NULL, 0);
	if (rc == SQLITE_OK)
		rc = store_pragma(db, "PRAGMA synchronous", v, sizeof(v));
	if (rc != SQLITE_OK) {
		snprintf(what, sizeof(what), "kan %s niet instellen", noun);
		return store_fail(e, path, what, db, rc);
	}
	if (strcmp(v, "2") != 0)
		return err_set(e,
			       "kan %s '%s' niet veilig bewaren: "
			       "synchronous is %s, niet FULL",
			       noun, path, v);
	rc = store_pragma(db, "PRAGMA secure_delete = ON", v, sizeof(v));
	if (rc != SQLITE_OK || strcmp(v, "1") != 0)
		return err_set(e,
			       "kan %s '%s' niet instellen: "
			       "secure_delete staat niet aan",
			       noun, path);
	rc = store_pragma(db, "PRAGMA trusted_schema = OFF", NULL, 0);
	if (rc != SQLITE_OK) {
		snprintf(what, sizeof(what), "kan %s niet instellen", noun);
		return store_fail(e, path, what, db, rc);
	}
	return 0;
}

int store_quick_ok(sqlite3 *db)
{
	char v[64];

	return store_pragma(db, "PRAGMA quick_check(1)", v, sizeof(v)) ==
		       SQLITE_OK &&
	       strcmp(v, "ok") == 0;
}

int store_user_version(sqlite3 *db, int *out)
{
	char v[32];
	int rc = store_pragma(db, "PRAGMA user_version", v, sizeof(v));

	*out = atoi(v);
	return rc;
}

/* Brings the schema up to SCHEMA_VERSION, one transaction per step. */
static int migrate(sqlite3 *db, const char *path, int *damaged, struct err *e)
{
	char v[32];
	int have, rc;

	rc = store_user_version(db, &have);
	if (rc != SQLITE_OK) {
		*damaged = is_damage(rc);
		return store_fail(e, path, "kan de enquête niet lezen", db, rc);
	}
	/* another file of the kiosk's (the sign-ups) says so here: never
	 * take it for a survey file, never move it aside */
	if (store_pragma(db, "PRAGMA application_id", v, sizeof(v)) !=
		    SQLITE_OK ||
	    atoi(v) != 0)
		return err_set(e, "'%s' is geen enquêtebestand van de kiosk",
			       path);
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
		store_fail(e, path, "kan de enquête niet aanmaken", db, rc);
		if (!sqlite3_get_autocommit(db))
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* Writes the folder entries of the folder holding path to the disk. */
void store_sync_parent(const char *path)
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

int store_move_aside(const char *path, int today, struct err *e)
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
	store_sync_parent(path);
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
		store_fail(e, path, "kan de enquête niet openen", st->db, rc);
		store_free(st);
		return NULL;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (store_configure(st->db, path, "de enquête", damaged, e) < 0)
		goto bad;
	if (!store_quick_ok(st->db)) {
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
			store_fail(e, path, "kan de enquête niet lezen", st->db,
				   rc);
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
	if (store_move_aside(path, today, e) < 0)
		return NULL;
	return open_rw(path, &damaged, e);
}

struct store *store_open_read(const char *path, struct err *e)
{
	struct store *st = xcalloc(1, sizeof(*st));
	char v[32];
	int rc, have = 0;

	st->path = str_dup(path);
	rc = sqlite3_open_v2(path, &st->db,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(st->db, BUSY_MS);
		rc = store_user_version(st->db, &have);
	}
	if (rc != SQLITE_OK) {
		store_fail(e, path, "kan de enquête niet lezen", st->db, rc);
		store_free(st);
		return NULL;
	}
	if (rc == SQLITE_OK &&
	    store_pragma(st->db, "PRAGMA application_id", v, sizeof(v)) ==
		    SQLITE_OK &&
	    atoi(v) != 0)
		have = 0; /* another file of the kiosk's: the sign-ups */
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

int store_db_limit_bytes(sqlite3 *db, const char *path, int64_t max_bytes,
			 struct err *e)
{
	char sql[80], v[32];
	int rc = store_pragma(db, "PRAGMA page_size", v, sizeof(v));
	long long page = atoll(v);

	if (rc != SQLITE_OK || page <= 0)
		return store_fail(e, path, "kan niet instellen", db, rc);
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld",
		 (long long)(max_bytes / page));
	rc = store_pragma(db, sql, NULL, 0);
	if (rc != SQLITE_OK)
		return store_fail(e, path, "kan niet instellen", db, rc);
	return 0;
}

int store_limit_bytes(struct store *st, int64_t max_bytes, struct err *e)
{
	return store_db_limit_bytes(st->db, st->path, max_bytes, e);
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

int store_kind_parse(const char *s, enum question_kind *k)
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
/* Letters (code points) in n bytes of UTF-8. */
static size_t store_chars(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

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
	/* max_len counts letters, as the counter on the kiosk does; the
	 * buffer's own limit is in bytes */
	if (n > SURVEY_TEXT_MAX ||
	    (q->max_len > 0 && store_chars(a->text, n) > (size_t)q->max_len)) {
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

int store_random_id(uint8_t *id, size_t n, struct err *e)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(id + got, n - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return err_set(e, "geen willekeurig getal: %s",
				       strerror(errno));
		got += (size_t)r;
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
	if (len < 0 || store_random_id(id, STORE_ID_BYTES, e) < 0)
		return -1;
	rc = step_done(st->st[ST_BEGIN]);
	if (rc != SQLITE_OK)
		return store_fail(e, st->path,
				  "kan het antwoord niet bewaren in", st->db,
				  rc);
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
		store_fail(e, st->path, "kan het antwoord niet bewaren in",
			   st->db, rc);
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
		return store_fail(e, st->path, "kan de telling niet lezen uit",
				  st->db, rc);
	return 0;
}
