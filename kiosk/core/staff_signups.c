/*
 * staff_signups: staff mode's work on the sign-ups: counting them for the
 * status, taking them out to a USB stick and deleting them; see the
 * sign-up part of staff.h. Sign-ups are personal data: nothing here puts
 * a name or a contact into a message or a log line, only counts. The
 * staging folder in the data folder holds the files for the stick only
 * for the length of one export.
 */
#include "core/staff.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"
#include "core/content/content.h"
#include "core/store/signups.h"

static void signups_file(const char *data_dir, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", data_dir, SIGNUPS_FILE);
}

/* ---- counting ---- */

static int on_count(void *ctx, const struct signup_out *o, struct err *e)
{
	struct staff_signups_info *in = ctx;
	int i;

	(void)e;
	in->total++;
	in->sealed += o->sealed;
	for (i = 0; i < in->n; i++)
		if (strcmp(in->id[i], o->initiative) == 0)
			break;
	if (i == in->n) {
		if (in->n == STAFF_INITIATIVES_MAX) {
			in->others++;
			return 0;
		}
		str_copy(in->id[in->n++], sizeof(in->id[0]), o->initiative);
	}
	in->count[i]++;
	return 0;
}

int staff_signups_info(const char *data_dir, struct staff_signups_info *out,
		       struct err *e)
{
	char path[STAFF_PATH_MAX + 32];
	struct signups *s;
	int rc;

	memset(out, 0, sizeof(*out));
	signups_file(data_dir, path, sizeof(path));
	if (access(path, F_OK) != 0)
		return 0;
	out->exists = 1;
	s = signups_open_read(path, e);
	if (!s)
		return -1;
	/* without a key the scan hands out no name or contact at all */
	rc = signups_scan(s, NULL, on_count, out, e);
	signups_close(s);
	return rc;
}

static const char *title_of(const struct content *c, const char *id)
{
	int i, j;

	for (i = 0; c && i < c->ntiles; i++)
		for (j = 0; j < c->tiles[i].ninitiatives; j++)
			if (strcmp(c->tiles[i].initiatives[j].id, id) == 0)
				return text_get(
					&c->tiles[i].initiatives[j].title, 0);
	return NULL;
}

void staff_signups_lines(const struct staff_signups_info *in,
			 const struct content *c, struct staff_text *out)
{
	int i;

	if (in->total == 0) {
		staff_text_add(out, "Aanmeldingen: geen.");
		return;
	}
	if (in->sealed == in->total)
		staff_text_add(out, "Aanmeldingen: %d, alle versleuteld.",
			       in->total);
	else if (in->sealed == 0)
		staff_text_add(out,
			       "Aanmeldingen: %d, niet versleuteld (er is "
			       "geen publieke sleutel ingesteld).",
			       in->total);
	else
		staff_text_add(out,
			       "Aanmeldingen: %d, waarvan %d versleuteld en %d "
			       "niet.",
			       in->total, in->sealed, in->total - in->sealed);
	for (i = 0; i < in->n; i++) {
		const char *t = title_of(c, in->id[i]);

		staff_text_add(out, "- %s: %d", t && *t ? t : in->id[i],
			       in->count[i]);
	}
	if (in->others)
		staff_text_add(out, "- andere initiatieven: %d", in->others);
}

/* ---- export ---- */

/* What the staff read on the stick beside a sealed copy. */
static int write_readme(const char *stage, const char *folder, int n,
			struct err *e)
{
	char path[STAFF_PATH_MAX + 64];
	FILE *f;
	int bad;

	snprintf(path, sizeof(path), "%s/LEESMIJ.txt", stage);
	f = fopen(path, "w");
	if (!f)
		return err_set(e, "Kan de export niet klaarzetten: %s",
			       strerror(errno));
	fprintf(f,
		"Aanmeldingen van de wijkkiosk (%d)\r\n\r\n"
		"De aanmeldingen zijn versleuteld. Het bestand %s is een kopie "
		"van\r\nde aanmeldingen op de kiosk. Alleen met de geheime "
		"sleutel (staff.key)\r\nkunt u ze lezen, op de laptop van de "
		"medewerkers:\r\n\r\n"
		"  kioskctl export --signups UITMAP --key staff.key --data "
		"%s\r\n\r\n"
		"Dan staat er per initiatief een CSV-bestand in UITMAP.\r\n"
		"Dit zijn persoonsgegevens: gooi de stick-bestanden weg als ze "
		"niet meer nodig zijn.\r\n",
		n, SIGNUPS_FILE, folder);
	bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return err_set(e, "Kan de export niet klaarzetten: %s",
			       strerror(errno));
	return 0;
}

/* Fills the staging folder: CSV per initiative, or a sealed copy. */
static int stage_files(const char *path, const char *stage, const char *folder,
		       struct staff_signups_result *r, struct err *e)
{
	char copy[STAFF_PATH_MAX + 64];
	struct signups_export_result er;
	struct signups *s;
	int sealed, n = 0;

	s = signups_open_read(path, e);
	if (!s)
		return -1;
	sealed = signups_any_sealed(s, e);
	if (sealed < 0 || signups_count(s, NULL, &n, e) < 0) {
		signups_close(s);
		return -1;
	}
	if (n == 0) {
		signups_close(s);
		return err_set(e, "Er zijn geen aanmeldingen om te "
				  "exporteren.");
	}
	r->signups = n;
	r->sealed = sealed;
	if (sealed) {
		snprintf(copy, sizeof(copy), "%s/%s", stage, SIGNUPS_FILE);
		n = signups_snapshot(s, copy, e);
		signups_close(s);
		return n < 0 ? -1 : write_readme(stage, folder, r->signups, e);
	}
	signups_close(s);
	if (signups_export(path, stage, NULL, &er, e) < 0)
		return -1;
	r->signups = er.signups;
	return 0;
}

int staff_signups_export(const char *data_dir, const char *stick, int today,
			 struct staff_signups_result *r, struct err *e)
{
	char path[STAFF_PATH_MAX + 32], stage[STAFF_PATH_MAX + 32];
	char src[STAFF_PATH_MAX * 2];
	struct dirent *d;
	DIR *dp;
	int err = 0, rc;

	memset(r, 0, sizeof(*r));
	signups_file(data_dir, path, sizeof(path));
	if (access(path, F_OK) != 0)
		return err_set(e, "Er zijn geen aanmeldingen op deze kiosk.");
	if (staff_staging(data_dir, stage, sizeof(stage), e) < 0)
		return -1;
	snprintf(r->folder, sizeof(r->folder), "%s/%s-%04d-%02d-%02d", stick,
		 STAFF_SIGNUPS_DIR, today / 10000, today / 100 % 100,
		 today % 100);
	rc = stage_files(path, stage, r->folder, r, e);
	if (rc == 0 && mkdir(r->folder, 0700) != 0 && errno != EEXIST)
		rc = staff_stick_error(e, errno, "map maken");
	dp = rc == 0 ? opendir(stage) : NULL;
	if (rc == 0 && !dp)
		rc = err_set(e, "Kan '%s' niet lezen: %s", stage,
			     strerror(errno));
	while (dp && (d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(src, sizeof(src), "%s/%s", stage, d->d_name);
		err = staff_copy_verified(src, r->folder, d->d_name, 0600);
		if (err)
			break;
		r->files++;
	}
	if (dp)
		closedir(dp);
	staff_staging_clear(stage);
	if (rc < 0)
		return -1;
	if (err)
		return staff_stick_error(e, err, "bestand schrijven");
	log_info("staff mode: %d sign-ups exported to a USB stick (%s)",
		 r->signups, r->sealed ? "sealed copy" : "CSV");
	return 0;
}

/* ---- deleting ---- */

int staff_signups_purge(const char *data_dir, int today, int expired,
			int *removed, struct err *e)
{
	char path[STAFF_PATH_MAX + 32];
	struct signups *s;
	int rc;

	*removed = 0;
	signups_file(data_dir, path, sizeof(path));
	if (access(path, F_OK) != 0)
		return 0;
	s = signups_open(path, today, NULL, e);
	if (!s)
		return -1;
	rc = expired ? signups_purge_expired(s, today, removed, e)
		     : signups_purge(s, NULL, removed, e);
	signups_close(s);
	if (rc == 0)
		log_info("staff mode: %d %ssign-ups deleted", *removed,
			 expired ? "expired " : "");
	return rc;
}
