/*
 * store_read: reading the survey file back, for kioskctl's export and
 * check: read transactions, the versions and definitions as they were
 * answered, the responses decoded one by one, the integrity check and the
 * snapshot. The file's schema and the encoding of answers are store.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "core/store/store.h"
#include "core/store/store_internal.h"

static uint32_t get_le(const uint8_t *p, int bytes)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < bytes; i++)
		v |= (uint32_t)p[i] << (8 * i);
	return v;
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
		rc = store_pragma(st->db, "SELECT count(*) FROM survey_version",
				  NULL, 0);
	if (rc != SQLITE_OK) {
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return store_fail(e, st->path, "kan de enquête niet lezen",
				  st->db, rc);
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
		return store_fail(e, st->path, "kan de enquête niet lezen",
				  st->db, rc);
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
		return store_fail(e, st->path, "kan de enquête niet lezen",
				  st->db, rc);
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
		if (store_kind_parse(col_text(s, 2), &qq->kind) < 0) {
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
	return store_fail(e, st->path, "kan de vraaglijst niet lezen uit",
			  st->db, rc);
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
		return store_fail(e, st->path, "kan de enquête niet lezen",
				  st->db, rc);
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
		ret = store_fail(e, st->path, "kan de enquête niet lezen",
				 st->db, rc);
	sqlite3_finalize(s);
	free(d);
	return ret;
}

int store_check(struct store *st, struct err *e)
{
	char v[256];
	int rc =
		store_pragma(st->db, "PRAGMA integrity_check(1)", v, sizeof(v));

	if (rc != SQLITE_OK) {
		store_fail(e, st->path, "kan de enquête niet controleren",
			   st->db, rc);
		return 0;
	}
	if (strcmp(v, "ok") != 0) {
		err_set(e, "'%s' is beschadigd: %s", st->path, v);
		return 0;
	}
	return 1;
}

int store_db_snapshot(sqlite3 *db, const char *path, int mode, struct err *e)
{
	char tmp[PATH_MAX];
	sqlite3_stmt *s = NULL;
	sqlite3 *out = NULL;
	int rc, fd;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return err_set(e, "de naam '%s' is te lang", path);
	unlink(tmp);
	/* VACUUM INTO fills an empty file and keeps its mode */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode);
	if (fd < 0 || fchmod(fd, (mode_t)mode) < 0) {
		err_set(e, "kan geen kopie schrijven naar '%s': %s", path,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	rc = sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, tmp, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		store_fail(e, path, "kan geen kopie schrijven naar", db, rc);
		unlink(tmp);
		return -1;
	}
	/* a copy on a stick is read without -wal and -shm beside it */
	rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = store_pragma(out, "PRAGMA journal_mode = DELETE", NULL, 0);
	sqlite3_close(out);
	if (rc != SQLITE_OK) {
		unlink(tmp);
		return store_fail(e, path, "kan geen kopie schrijven naar",
				  NULL, rc);
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
	store_sync_parent(path);
	return 0;
}

int store_snapshot(struct store *st, const char *path, struct err *e)
{
	return store_db_snapshot(st->db, path, 0644, e);
}
