/*
 * signups_export: the sign-ups as CSV files for staff, one per
 * initiative (see signups_export() in signups.h). Reads everything into
 * memory first, so a wrong or missing key writes nothing at all; the
 * copies of names are wiped before they are freed. Owns nothing beyond
 * the call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/store/export_internal.h"
#include "core/store/signups.h"

struct row {
	char *initiative, *name, *contact, *consent;
	int day, delete_on;
};

struct rows {
	struct row *r;
	int n, cap;
};

static char *dup_wiped(const char *s)
{
	return str_dup(s ? s : "");
}

static void wipe_free(char *s)
{
	if (s) {
		seal_wipe(s, strlen(s));
		free(s);
	}
}

static void rows_release(struct rows *rs)
{
	int i;

	for (i = 0; i < rs->n; i++) {
		wipe_free(rs->r[i].initiative);
		wipe_free(rs->r[i].name);
		wipe_free(rs->r[i].contact);
		wipe_free(rs->r[i].consent);
	}
	free(rs->r);
	memset(rs, 0, sizeof(*rs));
}

static int on_row(void *ctx, const struct signup_out *o, struct err *e)
{
	struct rows *rs = ctx;
	struct row *r;

	if (o->sealed && !o->name)
		return err_set(e, "de aanmeldingen zijn versleuteld: zonder de "
				  "geheime sleutel (staff.key) is er niets te "
				  "lezen, en er is niets geschreven");
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 64;
		rs->r = xrealloc(rs->r, (size_t)rs->cap * sizeof(*rs->r));
	}
	r = &rs->r[rs->n++];
	r->initiative = dup_wiped(o->initiative);
	r->name = dup_wiped(o->name);
	r->contact = dup_wiped(o->contact);
	r->consent = dup_wiped(o->consent_hash);
	r->day = o->day;
	r->delete_on = o->delete_on;
	return 0;
}

static void date_cell(FILE *f, int date)
{
	char d[16];

	snprintf(d, sizeof(d), "%04d-%02d-%02d", date / 10000, date / 100 % 100,
		 date % 100);
	export_csv_cell(f, d, 0);
}

/* Writes rows from .. to-1, all of one initiative. */
static int write_one(const char *outdir, const struct rows *rs, int from,
		     int to, struct err *e)
{
	char safe[SIGNUPS_REF_MAX + 1], name[SIGNUPS_REF_MAX + 32];
	struct out w;
	int i;

	export_safe_name(safe, sizeof(safe), rs->r[from].initiative);
	snprintf(name, sizeof(name), "aanmeldingen-%s.csv", safe);
	if (export_out_open_private(&w, outdir, name, e) < 0)
		return -1;
	fputs(export_csv_bom, w.f);
	export_csv_cell(w.f, "initiatief", 1);
	export_csv_cell(w.f, "dag van aanmelding", 0);
	export_csv_cell(w.f, "naam", 0);
	export_csv_cell(w.f, "contact", 0);
	export_csv_cell(w.f, "toestemming", 0);
	export_csv_cell(w.f, "te verwijderen op", 0);
	export_csv_end(w.f);
	for (i = from; i < to; i++) {
		const struct row *r = &rs->r[i];

		export_csv_cell(w.f, r->initiative, 1);
		date_cell(w.f, r->day);
		export_csv_cell(w.f, r->name, 0);
		export_csv_cell(w.f, r->contact, 0);
		export_csv_cell(w.f, r->consent, 0);
		date_cell(w.f, r->delete_on);
		export_csv_end(w.f);
	}
	/* the buffer held names too */
	fflush(w.f);
	seal_wipe(w.buf, EXPORT_OUT_BUF);
	return export_out_commit(&w, e);
}

int signups_export(const char *path, const char *outdir, const uint8_t *seckey,
		   struct signups_export_result *res, struct err *e)
{
	struct rows rs = { 0 };
	struct signups *s;
	int i, from, rc;

	memset(res, 0, sizeof(*res));
	s = signups_open_read(path, e);
	if (!s)
		return -1;
	rc = signups_scan(s, seckey, on_row, &rs, e);
	signups_close(s);
	if (rc == 0 && rs.n > 0 && path_mkdirs(outdir, e) < 0)
		rc = -1;
	for (from = 0, i = 1; rc == 0 && i <= rs.n; i++) {
		if (i < rs.n &&
		    strcmp(rs.r[i].initiative, rs.r[from].initiative) == 0)
			continue;
		rc = write_one(outdir, &rs, from, i, e);
		if (rc == 0) {
			res->initiatives++;
			res->signups += i - from;
		}
		from = i;
	}
	rows_release(&rs);
	return rc;
}
