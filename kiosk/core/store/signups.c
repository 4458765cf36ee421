/*
 * signups: the sign-up file in SQLite; see signups.h for what it holds
 * and promises. Opening, the schema, saving, purging and reading back
 * live here; the settings every writing connection gets, moving a damaged
 * file aside and random ids are shared with the survey store
 * (store_internal.h).
 *
 * Schema (PRAGMA application_id SIGNUPS_APP_ID, user_version 1):
 *
 *   signup (id, initiative, day, delete_on, consent, name, contact, sealed)
 *
 * WITHOUT ROWID, keyed by 16 random bytes. Either name and contact are
 * set and sealed is NULL, or the other way round. A sealed box holds, to
 * the staff key, the bytes
 *
 *   u8 format (1), name, NUL, contact, NUL, zeros up to a multiple of
 *   SEAL_PAD bytes
 *
 * so that its length tells little about the name.
 */
#include "core/store/signups.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/days.h"
#include "base/util.h"
#include "core/store/store_internal.h"

#define SIGNUPS_APP_ID 0x574b4131 /* "WKA1" */
#define SIGNUPS_SCHEMA 1
#define BUSY_MS	       5000
#define SEAL_FORMAT    1
#define SEAL_PAD       128
#define PLAIN_MAX                                                              \
	(((1 + SIGNUPS_NAME_MAX + 1 + SIGNUPS_CONTACT_MAX + 1) / SEAL_PAD +    \
	  1) *                                                                 \
	 SEAL_PAD)
#define BOX_MAX (PLAIN_MAX + SEAL_OVERHEAD)

static const char schema_v1[] =
	"CREATE TABLE signup ("
	" id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
	" initiative TEXT NOT NULL, day INTEGER NOT NULL,"
	" delete_on INTEGER NOT NULL, consent TEXT NOT NULL,"
	" name TEXT, contact TEXT, sealed BLOB,"
	" CHECK ((sealed IS NULL) = (name IS NOT NULL AND contact IS NOT NULL))"
	") WITHOUT ROWID;"
	"CREATE INDEX signup_delete ON signup (delete_on);"
	"CREATE INDEX signup_initiative ON signup (initiative);";

struct signups {
	sqlite3 *db;
	char *path; /* owned; for messages */
	int writable;
	int has_key;
	uint8_t pub[SEAL_PUBLIC_BYTES];
	uint8_t plain[PLAIN_MAX];
	uint8_t box[BOX_MAX];
};

/* ---- opening ---- */

static void signups_free(struct signups *s)
{
	sqlite3_close(s->db);
	free(s->path);
	seal_wipe(s, sizeof(*s));
	free(s);
}

/* Makes the file (when missing) with mode 0600 before SQLite touches it,
 * and brings an existing one back to 0600: SQLite gives the -wal and -shm
 * it makes the database file's mode. */
static int private_file(const char *path, struct err *e)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

	if (fd < 0)
		return err_set(e, "kan de aanmeldingen '%s' niet openen: %s",
			       path,
			       errno == EACCES || errno == EROFS
				       ? "geen toestemming om te schrijven"
				       : strerror(errno));
	if (fchmod(fd, 0600) < 0) {
		close(fd);
		return err_set(e,
			       "kan de aanmeldingen '%s' niet afschermen: %s",
			       path, strerror(errno));
	}
	close(fd);
	return 0;
}

/* The -wal and -shm, when SQLite made them, are 0600 too. */
static void private_sides(const char *path)
{
	static const char *const sides[] = { "-wal", "-shm" };
	char side[PATH_MAX];
	size_t i;

	for (i = 0; i < ARRAY_LEN(sides); i++) {
		snprintf(side, sizeof(side), "%s%s", path, sides[i]);
		chmod(side, 0600);
	}
}

static int app_id(sqlite3 *db, int *out)
{
	char v[32];
	int rc = store_pragma(db, "PRAGMA application_id", v, sizeof(v));

	*out = atoi(v);
	return rc;
}

/* Checks the file is ours, and makes the schema in a new one. */
static int migrate(struct signups *s, int *damaged, struct err *e)
{
	int have = 0, id = 0, rc;

	rc = store_user_version(s->db, &have);
	if (rc == SQLITE_OK)
		rc = app_id(s->db, &id);
	if (rc != SQLITE_OK) {
		*damaged = (rc & 0xff) == SQLITE_CORRUPT ||
			   (rc & 0xff) == SQLITE_NOTADB;
		return store_fail(e, s->path, "kan de aanmeldingen niet lezen",
				  s->db, rc);
	}
	if (id != SIGNUPS_APP_ID && (id != 0 || have != 0))
		return err_set(e,
			       "'%s' is geen aanmeldingenbestand van de kiosk",
			       s->path);
	if (have > SIGNUPS_SCHEMA)
		return err_set(e,
			       "de aanmeldingen '%s' zijn van een nieuwere "
			       "versie van de kiosk",
			       s->path);
	if (have == SIGNUPS_SCHEMA)
		return 0;
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, schema_v1, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db,
				  "PRAGMA application_id = 1464549681;"
				  "PRAGMA user_version = 1",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		store_fail(e, s->path, "kan de aanmeldingen niet aanmaken",
			   s->db, rc);
		if (!sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

_Static_assert(SIGNUPS_APP_ID == 1464549681, "application_id in the SQL");

static struct signups *open_rw(const char *path, const uint8_t *pubkey,
			       int *damaged, struct err *e)
{
	struct signups *s;
	int rc;

	*damaged = 0;
	if (private_file(path, e) < 0)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->path = str_dup(path);
	s->writable = 1;
	if (pubkey) {
		memcpy(s->pub, pubkey, SEAL_PUBLIC_BYTES);
		s->has_key = 1;
	}
	rc = sqlite3_open_v2(path, &s->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		store_fail(e, path, "kan de aanmeldingen niet openen", s->db,
			   rc);
		goto bad;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (store_configure(s->db, path, "de aanmeldingen", damaged, e) < 0)
		goto bad;
	private_sides(path);
	if (!store_quick_ok(s->db)) {
		*damaged = 1;
		err_set(e, "de aanmeldingen '%s' zijn beschadigd", path);
		goto bad;
	}
	if (migrate(s, damaged, e) < 0)
		goto bad;
	return s;
bad:
	signups_free(s);
	return NULL;
}

struct signups *signups_open(const char *path, int today, const uint8_t *pubkey,
			     struct err *e)
{
	struct signups *s;
	int damaged;

	if (pubkey && seal_init(e) < 0)
		return NULL;
	s = open_rw(path, pubkey, &damaged, e);
	if (s || !damaged)
		return s;
	if (store_move_aside(path, today, e) < 0)
		return NULL;
	return open_rw(path, pubkey, &damaged, e);
}

struct signups *signups_open_read(const char *path, struct err *e)
{
	struct signups *s = xcalloc(1, sizeof(*s));
	int rc, have = 0, id = 0;

	s->path = str_dup(path);
	rc = sqlite3_open_v2(path, &s->db,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(s->db, BUSY_MS);
		rc = store_user_version(s->db, &have);
	}
	if (rc == SQLITE_OK)
		rc = app_id(s->db, &id);
	if (rc != SQLITE_OK) {
		store_fail(e, path, "kan de aanmeldingen niet lezen", s->db,
			   rc);
		signups_free(s);
		return NULL;
	}
	if (id != SIGNUPS_APP_ID || have < 1 || have > SIGNUPS_SCHEMA) {
		err_set(e,
			id == SIGNUPS_APP_ID && have > SIGNUPS_SCHEMA
				? "'%s' is van een nieuwere versie van de kiosk"
				: "'%s' is geen aanmeldingenbestand van de "
				  "kiosk",
			path);
		signups_free(s);
		return NULL;
	}
	return s;
}

void signups_close(struct signups *s)
{
	if (s)
		signups_free(s);
}

int signups_limit_bytes(struct signups *s, int64_t max_bytes, struct err *e)
{
	return store_db_limit_bytes(s->db, s->path, max_bytes, e);
}

/* ---- saving ---- */

/* -1 with e filled when text t (what it is: "de naam") cannot be kept.
 * The message never quotes the text: it is personal. */
static int field_check(const char *t, size_t max, const char *what,
		       struct err *e)
{
	size_t n, bad;

	if (!t || !*t)
		return err_set(e, "%s ontbreekt", what);
	n = strlen(t);
	if (n > max)
		return err_set(e, "%s is te lang (meer dan %zu tekens)", what,
			       max);
	if (!utf8_valid(t, n, &bad))
		return err_set(e, "%s is geen geldige tekst", what);
	return 0;
}

/* Seals name and contact into s->box; returns its length. */
static size_t seal_fields(struct signups *s, const char *name,
			  const char *contact, struct err *e)
{
	size_t nn = strlen(name), nc = strlen(contact), len;

	len = 1 + nn + 1 + nc + 1;
	len = (len + SEAL_PAD - 1) / SEAL_PAD * SEAL_PAD;
	memset(s->plain, 0, len);
	s->plain[0] = SEAL_FORMAT;
	memcpy(s->plain + 1, name, nn);
	memcpy(s->plain + 2 + nn, contact, nc);
	if (seal_box(s->box, s->plain, len, s->pub, e) < 0)
		len = 0;
	seal_wipe(s->plain, sizeof(s->plain));
	return len ? len + SEAL_OVERHEAD : 0;
}

static int exec_rc(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int signups_add(struct signups *s, const struct signup_in *in, int today,
		int keep_days, struct err *e)
{
	static const char sql[] = "INSERT INTO signup VALUES "
				  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	uint8_t id[SIGNUPS_ID_BYTES];
	sqlite3_stmt *st = NULL;
	size_t boxlen = 0;
	int rc;

	if (!s->writable)
		return err_set(e, "'%s' is alleen geopend om te lezen",
			       s->path);
	if (keep_days == 0)
		keep_days = SIGNUPS_KEEP_DEFAULT;
	if (keep_days < 1 || keep_days > SIGNUPS_KEEP_MAX)
		return err_set(e,
			       "bewaartermijn %d dagen kan niet: kies 1 tot "
			       "en met %d",
			       keep_days, SIGNUPS_KEEP_MAX);
	if (!date_is_real(today))
		return err_set(e, "dag %d bestaat niet", today);
	if (field_check(in->initiative, SIGNUPS_REF_MAX, "het initiatief", e) <
		    0 ||
	    field_check(in->consent_hash, SIGNUPS_REF_MAX,
			"de versie van de toestemming", e) < 0 ||
	    field_check(in->name, SIGNUPS_NAME_MAX, "de naam", e) < 0 ||
	    field_check(in->contact, SIGNUPS_CONTACT_MAX,
			"het telefoonnummer of e-mailadres", e) < 0)
		return -1;
	if (store_random_id(id, sizeof(id), e) < 0)
		return -1;
	if (s->has_key) {
		boxlen = seal_fields(s, in->name, in->contact, e);
		if (!boxlen)
			return -1;
	}
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, id, sizeof(id), SQLITE_STATIC);
		sqlite3_bind_text(st, 2, in->initiative, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, today);
		sqlite3_bind_int(st, 4, date_from_days(days_from_date(today) + keep_days));
		sqlite3_bind_text(st, 5, in->consent_hash, -1, SQLITE_STATIC);
		if (s->has_key) {
			sqlite3_bind_blob(st, 8, s->box, (int)boxlen,
					  SQLITE_STATIC);
		} else {
			sqlite3_bind_text(st, 6, in->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 7, in->contact, -1,
					  SQLITE_STATIC);
		}
		rc = exec_rc(st);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	memset(s->box, 0, sizeof(s->box));
	if (rc != SQLITE_OK) {
		store_fail(e, s->path, "kan de aanmelding niet bewaren in",
			   s->db, rc);
		if (!sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* ---- purging ---- */

/* Runs the DELETE in st (bound), commits, and empties the WAL so what was
 * deleted is in neither file. */
static int purge_run(struct signups *s, sqlite3_stmt *st, int *removed,
		     struct err *e)
{
	int rc, n = 0, log = 0, done = 0;

	if (removed)
		*removed = 0;
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		rc = exec_rc(st);
		n = sqlite3_changes(s->db);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		store_fail(e, s->path, "kan de aanmeldingen niet wissen in",
			   s->db, rc);
		if (!sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	if (removed)
		*removed = n;
	if (n == 0)
		return 0;
	/* secure_delete overwrote the rows in the pages; the pages go
	 * into the database file and the WAL is cut to nothing */
	rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
				       &log, &done);
	if (rc != SQLITE_OK || log != 0)
		return err_set(e,
			       "de aanmeldingen zijn gewist, maar nog niet "
			       "helemaal overschreven in '%s' (het bestand "
			       "is bezet): probeer het zo nog een keer",
			       s->path);
	return 0;
}

static int purge_where(struct signups *s, const char *sql, const char *text,
		       int day, int *removed, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (removed)
		*removed = 0;
	if (!s->writable)
		return err_set(e, "'%s' is alleen geopend om te lezen",
			       s->path);
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(e, s->path,
				  "kan de aanmeldingen niet wissen in", s->db,
				  rc);
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(st, 1, day);
	rc = purge_run(s, st, removed, e);
	sqlite3_finalize(st);
	return rc;
}

int signups_purge_expired(struct signups *s, int today, int *removed,
			  struct err *e)
{
	return purge_where(s, "DELETE FROM signup WHERE delete_on <= ?1", NULL,
			   today, removed, e);
}

int signups_purge(struct signups *s, const char *initiative, int *removed,
		  struct err *e)
{
	if (!initiative)
		return purge_where(s, "DELETE FROM signup WHERE ?1 = 0", NULL,
				   0, removed, e);
	return purge_where(s, "DELETE FROM signup WHERE initiative = ?1",
			   initiative, 0, removed, e);
}

/* ---- reading back ---- */

static int one_int(struct signups *s, const char *sql, const char *text,
		   int *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	*out = 0;
	if (rc == SQLITE_OK) {
		if (text)
			sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		return store_fail(e, s->path, "kan de aanmeldingen niet lezen",
				  s->db, rc);
	return 0;
}

int signups_count(struct signups *s, const char *initiative, int *n,
		  struct err *e)
{
	if (!initiative)
		return one_int(s, "SELECT count(*) FROM signup", NULL, n, e);
	return one_int(s, "SELECT count(*) FROM signup WHERE initiative = ?1",
		       initiative, n, e);
}

int signups_snapshot(struct signups *s, const char *path, struct err *e)
{
	return store_db_snapshot(s->db, path, 0600, e);
}

int signups_any_sealed(struct signups *s, struct err *e)
{
	int n;

	if (one_int(s,
		    "SELECT EXISTS (SELECT 1 FROM signup "
		    "WHERE sealed IS NOT NULL)",
		    NULL, &n, e) < 0)
		return -1;
	return n != 0;
}

/* Opens a sealed box into s->plain and points o at its fields. */
static int open_fields(struct signups *s, const uint8_t *box, size_t n,
		       const uint8_t *pub, const uint8_t *sec,
		       struct signup_out *o, struct err *e)
{
	size_t len, nn;

	if (n < SEAL_OVERHEAD + 3 || n > BOX_MAX)
		return err_set(e, "een aanmelding in '%s' is beschadigd",
			       s->path);
	if (seal_open(s->plain, box, n, pub, sec, NULL) < 0)
		return err_set(e,
			       "de geheime sleutel past niet bij de "
			       "aanmeldingen in '%s': neem de sleutel die "
			       "bij de publieke sleutel van deze kiosk hoort",
			       s->path);
	len = n - SEAL_OVERHEAD;
	if (s->plain[0] != SEAL_FORMAT)
		return err_set(e, "een aanmelding in '%s' is beschadigd",
			       s->path);
	nn = strnlen((const char *)s->plain + 1, len - 1);
	if (1 + nn + 1 >= len || strnlen((const char *)s->plain + 2 + nn,
					 len - 2 - nn) == len - 2 - nn)
		return err_set(e, "een aanmelding in '%s' is beschadigd",
			       s->path);
	o->name = (const char *)s->plain + 1;
	o->contact = (const char *)s->plain + 2 + nn;
	return 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

int signups_scan(struct signups *s, const uint8_t *seckey, signups_fn fn,
		 void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT id, initiative, day, delete_on, consent, name, "
		"contact, sealed FROM signup ORDER BY initiative, day, id";
	uint8_t pub[SEAL_PUBLIC_BYTES];
	sqlite3_stmt *st = NULL;
	int rc, stop = 0;

	if (seckey && seal_public_of(pub, seckey, e) < 0)
		return -1;
	rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	while (rc == SQLITE_OK && !stop) {
		struct signup_out o;
		int r = sqlite3_step(st);

		if (r == SQLITE_DONE)
			break;
		if (r != SQLITE_ROW) {
			rc = r;
			break;
		}
		memset(&o, 0, sizeof(o));
		if (sqlite3_column_bytes(st, 0) == SIGNUPS_ID_BYTES)
			memcpy(o.id, sqlite3_column_blob(st, 0),
			       SIGNUPS_ID_BYTES);
		o.initiative = col_text(st, 1);
		o.day = sqlite3_column_int(st, 2);
		o.delete_on = sqlite3_column_int(st, 3);
		o.consent_hash = col_text(st, 4);
		if (sqlite3_column_type(st, 7) == SQLITE_BLOB) {
			o.sealed = 1;
			if (seckey &&
			    open_fields(s, sqlite3_column_blob(st, 7),
					(size_t)sqlite3_column_bytes(st, 7),
					pub, seckey, &o, e) < 0)
				stop = 1;
		} else {
			o.name = col_text(st, 5);
			o.contact = col_text(st, 6);
		}
		if (!stop && fn(ctx, &o, e) < 0)
			stop = 1;
		seal_wipe(s->plain, sizeof(s->plain));
	}
	if (rc != SQLITE_OK)
		store_fail(e, s->path, "kan de aanmeldingen niet lezen", s->db,
			   rc);
	sqlite3_finalize(st);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	seal_wipe(pub, sizeof(pub));
	return rc != SQLITE_OK || stop ? -1 : 0;
}
