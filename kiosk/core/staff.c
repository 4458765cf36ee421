/*
 * staff: status facts, export to a stick and a pack from a stick; see
 * staff.h.
 */
#include "core/staff.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"
#include "core/content/content.h"
#include "core/kv.h"
#include "core/packstore.h"
#include "core/pin.h"
#include "core/store/export.h"
#include "core/store/store.h"

void staff_text_add(struct staff_text *t, const char *fmt, ...)
{
	size_t used = strlen(t->s);
	va_list ap;

	if (used + 2 >= sizeof(t->s))
		return;
	if (used)
		t->s[used++] = '\n';
	va_start(ap, fmt);
	vsnprintf(t->s + used, sizeof(t->s) - used, fmt, ap);
	va_end(ap);
	t->lines++;
}

/* ---- status ---- */

struct about {
	char name[200], source[STAFF_PATH_MAX], installed[64];
};

static int about_key(void *ctx, const char *section, const char *key,
		     const char *value, int line)
{
	struct about *a = ctx;

	(void)section;
	(void)line;
	if (strcmp(key, "name") == 0)
		str_copy(a->name, sizeof(a->name), value);
	else if (strcmp(key, "source") == 0)
		str_copy(a->source, sizeof(a->source), value);
	else if (strcmp(key, "installed") == 0)
		str_copy(a->installed, sizeof(a->installed), value);
	return 0;
}

static void status_surveys(const char *data_dir, struct staff_text *out)
{
	char path[STAFF_PATH_MAX + 32];
	struct store_version *v = NULL;
	struct err e = { "" };
	struct store *st;
	int n = 0, i;

	snprintf(path, sizeof(path), "%s/%s", data_dir, STORE_FILE);
	if (access(path, F_OK) != 0) {
		staff_text_add(out, "Enquêtes: nog geen antwoorden.");
		return;
	}
	st = store_open_read(path, &e);
	if (!st || store_versions(st, &v, &n, &e) < 0) {
		staff_text_add(out, "Enquêtes: het bestand is niet te lezen.");
		log_warn("status: survey file: %s", e.msg);
		store_close(st);
		return;
	}
	if (n == 0)
		staff_text_add(out, "Enquêtes: nog geen antwoorden.");
	for (i = 0; i < n; i++)
		staff_text_add(out, "Enquête %s, versie %s: %d %s.",
			       v[i].survey, v[i].version, v[i].responses,
			       v[i].responses == 1 ? "antwoord" : "antwoorden");
	free(v);
	store_close(st);
}

static void status_signups(const struct staff_facts *f, struct staff_text *out)
{
	struct staff_signups_info *in = xcalloc(1, sizeof(*in));
	struct err e = { "" };

	if (staff_signups_info(f->data_dir, in, &e) < 0) {
		staff_text_add(out, "Aanmeldingen: het bestand is niet te "
				    "lezen.");
		log_warn("status: sign-up file: %s", e.msg);
	} else {
		staff_signups_lines(in, f->content, out);
	}
	free(in);
}

void staff_status(const struct staff_facts *f, struct staff_text *out)
{
	static const struct kv_handler h = { about_key, NULL };
	char text[STAFF_PATH_MAX + 400], last[128];
	struct about a = { "", "", "" };
	struct statvfs fs;
	struct err e;
	size_t len;
	char *buf;
	int i;

	memset(out, 0, sizeof(*out));
	staff_text_add(out, "Inhoud: %s", f->pack_name ? f->pack_name : "geen");
	if (packstore_about(f->data_dir, text, sizeof(text)) == 0) {
		kv_parse(text, strlen(text), &h, &a);
		staff_text_add(out, "Komt uit: %s",
			       *a.source ? a.source : "(onbekend)");
		staff_text_add(out, "Geïnstalleerd: %s",
			       *a.installed ? a.installed : "(onbekend)");
	} else {
		staff_text_add(out, "Niet geïnstalleerd; getoond uit de map %s",
			       f->pack_dir ? f->pack_dir : "?");
	}
	status_surveys(f->data_dir, out);
	status_signups(f, out);
	if (statvfs(f->data_dir, &fs) == 0)
		staff_text_add(out, "Vrije schijfruimte: %.1f GB",
			       (double)fs.f_bavail * (double)fs.f_frsize / 1e9);
	staff_text_add(out, "Kiosk draait: %lld dagen, %lld uur, %lld minuten",
		       (long long)(f->uptime_s / 86400),
		       (long long)(f->uptime_s / 3600 % 24),
		       (long long)(f->uptime_s / 60 % 60));
	snprintf(text, sizeof(text), "%s/%s", f->data_dir, STAFF_LAST_EXPORT);
	buf = file_read(text, 256, &len, &e);
	if (buf) {
		str_copy(last, sizeof(last), str_trim(buf));
		free(buf);
		staff_text_add(out, "Laatste export: %s", last);
	} else {
		staff_text_add(out, "Laatste export: nog nooit");
	}
	staff_text_add(out, "Bonnenprinter: %s",
		       f->printer_configured ? "ingesteld" : "niet ingesteld");
	if (f->printer_configured)
		staff_text_add(out, "Laatste printfout: %s",
			       f->print_fault ? f->print_fault
					      : "geen sinds de start");
	if (f->nerrors == 0)
		staff_text_add(out, "Meldingen: geen.");
	else
		staff_text_add(out, "Laatste meldingen:");
	for (i = 0; i < f->nerrors; i++)
		staff_text_add(out, "- %s", f->errors[i]);
}

/* ---- sticks ---- */

int staff_stick_pick(char (*sticks)[STAFF_PATH_MAX], int n, struct err *e)
{
	if (n == 1)
		return 0;
	if (n == 0)
		return err_set(e, "Geen USB-stick gevonden. Steek een stick in "
				  "de kiosk en wacht een paar seconden."),
		       -1;
	(void)sticks;
	return err_set(e,
		       "Er zitten %d USB-sticks in de kiosk. Haal ze er op "
		       "één na uit en probeer het opnieuw.",
		       n),
	       -1;
}

int staff_stick_error(struct err *e, int err, const char *what)
{
	switch (err) {
	case -2:
		return err_set(e, "Wat op de stick staat, is anders dan wat "
				  "de kiosk schreef. De stick is misschien "
				  "kapot: neem een andere stick.");
	case EROFS:
	case EACCES:
	case EPERM:
		return err_set(e, "De stick is alleen-lezen: er kan niets op. "
				  "Zet het schuifje op de stick om of neem "
				  "een andere stick.");
	case ENOSPC:
	case EDQUOT:
		return err_set(e, "De stick is vol. Maak ruimte op de stick "
				  "of neem een andere stick.");
	case ENOENT:
	case ENODEV:
	case ENXIO:
	case EIO:
	case ESTALE:
	case ENOTDIR:
	case ENOTCONN:
	case ECONNABORTED:
	case ESHUTDOWN:
		return err_set(e, "De stick is weggehaald of werkt niet meer "
				  "tijdens het schrijven. Op de kiosk is niets "
				  "verloren; steek de stick terug en probeer "
				  "het opnieuw.");
	default:
		return err_set(e, "Kan niet op de stick schrijven (%s: %s).",
			       what, strerror(err));
	}
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Some drivers (FUSE ones among them) answer a full stick with EACCES or
 * EIO: a stick that is not mounted read-only and has (almost) no room
 * left is full, whatever the code says. */
static int full_or(int err, const char *dir)
{
	struct statvfs fs;

	if ((err == EACCES || err == EPERM || err == EIO) &&
	    statvfs(dir, &fs) == 0 && !(fs.f_flag & ST_RDONLY) &&
	    (double)fs.f_bavail * (double)fs.f_frsize < 64.0 * 1024)
		return ENOSPC;
	return err;
}

static int copy_verified(const char *src, const char *dir, const char *name,
			 int mode);

int staff_copy_verified(const char *src, const char *dir, const char *name,
			int mode)
{
	int err = copy_verified(src, dir, name, mode);

	return err > 0 ? full_or(err, dir) : err;
}

static int copy_verified(const char *src, const char *dir, const char *name,
			 int mode)
{
	char tmp[STAFF_PATH_MAX * 2], dst[STAFF_PATH_MAX * 2];
	char buf[65536], back[65536];
	int in, out, err = 0;
	ssize_t n;

	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, name);
	snprintf(dst, sizeof(dst), "%s/%s", dir, name);
	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return errno;
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (mode_t)mode);
	if (out < 0) {
		err = errno;
		close(in);
		return err;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		ssize_t done = 0;

		while (done < n) {
			ssize_t w = write(out, buf + done, (size_t)(n - done));

			if (w < 0) {
				err = errno;
				break;
			}
			done += w;
		}
		if (err)
			break;
	}
	if (!err && n < 0)
		err = errno;
	if (!err && fsync(out) != 0)
		err = errno;
	if (close(out) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, dst) != 0)
		err = errno;
	if (err) {
		close(in);
		unlink(tmp);
		return err;
	}
	sync_dir(dir);
	/* read back and compare */
	out = open(dst, O_RDONLY | O_CLOEXEC);
	if (out < 0 || lseek(in, 0, SEEK_SET) != 0) {
		err = errno ? errno : EIO;
		close(in);
		if (out >= 0)
			close(out);
		return err;
	}
	posix_fadvise(out, 0, 0, POSIX_FADV_DONTNEED);
	for (;;) {
		ssize_t a = read(in, buf, sizeof(buf)), b = 0, r;

		while (b < a && (r = read(out, back + b, (size_t)(a - b))) > 0)
			b += r;
		if (a < 0 || b < a) {
			err = a < 0 ? errno : EIO;
			break;
		}
		if (memcmp(buf, back, (size_t)a) != 0) {
			err = -2;
			break;
		}
		if (a == 0) {
			if (read(out, back, 1) != 0)
				err = -2;
			break;
		}
	}
	close(in);
	close(out);
	return err;
}

void staff_staging_clear(const char *dir)
{
	char path[STAFF_PATH_MAX * 2];
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (!dp)
		return;
	while ((d = readdir(dp))) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		unlink(path);
	}
	closedir(dp);
}

int staff_staging(const char *data_dir, char *out, size_t size, struct err *e)
{
	snprintf(out, size, "%s/%s", data_dir, STAFF_STAGING_DIR);
	if (mkdir(out, 0700) != 0 && errno != EEXIST)
		return err_set(e, "Kan de export niet klaarzetten in '%s': %s",
			       out, strerror(errno));
	staff_staging_clear(out);
	return 0;
}

int staff_export(const char *data_dir, const char *stick, int today, int minute,
		 struct staff_export_result *r, struct err *e)
{
	char survey[STAFF_PATH_MAX + 32], stage[STAFF_PATH_MAX + 32];
	char src[STAFF_PATH_MAX * 2], last[64];
	const char *files[1];
	struct export_opts eo = { 0 };
	struct export_result er;
	struct dirent *d;
	DIR *dp;
	int err = 0;

	memset(r, 0, sizeof(*r));
	snprintf(survey, sizeof(survey), "%s/%s", data_dir, STORE_FILE);
	if (access(survey, F_OK) != 0)
		return err_set(e, "Er zijn nog geen antwoorden om te "
				  "exporteren.");
	/* first into the data folder, exactly as kioskctl export writes */
	if (staff_staging(data_dir, stage, sizeof(stage), e) < 0)
		return -1;
	files[0] = survey;
	eo.files = files;
	eo.nfiles = 1;
	eo.outdir = stage;
	if (export_run(&eo, &er, e) < 0)
		return -1;
	r->responses = er.responses;
	snprintf(r->folder, sizeof(r->folder), "%s/%s-%04d-%02d-%02d", stick,
		 STAFF_EXPORT_DIR, today / 10000, today / 100 % 100,
		 today % 100);
	if (mkdir(r->folder, 0755) != 0 && errno != EEXIST)
		return staff_stick_error(e, errno, "map maken");
	sync_dir(stick);
	dp = opendir(stage);
	if (!dp)
		return err_set(e, "Kan '%s' niet lezen: %s", stage,
			       strerror(errno));
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(src, sizeof(src), "%s/%s", stage, d->d_name);
		err = staff_copy_verified(src, r->folder, d->d_name, 0644);
		if (err)
			break;
		r->files++;
	}
	closedir(dp);
	staff_staging_clear(stage);
	if (err)
		return staff_stick_error(e, err, "bestand schrijven");
	snprintf(last, sizeof(last),
		 "%04d-%02d-%02d %02d:%02d (%d antwoorden)\n", today / 10000,
		 today / 100 % 100, today % 100, minute / 60, minute % 60,
		 r->responses);
	if (pin_file_write(data_dir, STAFF_LAST_EXPORT, last, 0644, e) < 0)
		log_warn("last export not remembered: %s", e->msg);
	log_info("staff mode: %d files exported to a USB stick", r->files);
	return 0;
}

/* ---- a pack from a stick ---- */

static int has_ini(const char *dir)
{
	char p[STAFF_PATH_MAX * 2];

	snprintf(p, sizeof(p), "%s/kiosk.ini", dir);
	return access(p, R_OK) == 0;
}

int staff_pack_find(const char *stick, char *out, size_t size, struct err *e)
{
	char sub[STAFF_PATH_MAX * 2];
	struct dirent *d;
	int found = 0;
	DIR *dp;

	if (has_ini(stick)) {
		str_copy(out, size, stick);
		return 0;
	}
	dp = opendir(stick);
	if (!dp)
		return err_set(e, "De stick is niet te lezen (%s).",
			       strerror(errno));
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", stick, d->d_name);
		if (path_is_dir(sub) && has_ini(sub)) {
			if (found++ == 0)
				str_copy(out, size, sub);
		}
	}
	closedir(dp);
	if (found == 1)
		return 0;
	if (found == 0)
		return err_set(e, "Op de stick staat geen inhoudspakket: een "
				  "map met kiosk.ini erin, bovenaan of één "
				  "map diep.");
	return err_set(e,
		       "Op de stick staan %d inhoudspakketten. Laat er één "
		       "op staan en probeer het opnieuw.",
		       found);
}

int staff_pack_check(const char *dir, int today, struct staff_text *out)
{
	struct content_report r = { 0 };
	struct content *c;
	struct err e = { "" };
	int i, errors;

	memset(out, 0, sizeof(*out));
	c = content_load(dir, CONTENT_DEEP, NULL, NULL, &r, &e);
	if (c)
		content_check_day(c, today, &r);
	for (i = 0; i < r.n; i++) {
		char line[700];

		content_diag_format(&r.items[i], line, sizeof(line));
		staff_text_add(out, "%s", line);
	}
	errors = r.errors;
	if (!c && errors == 0) {
		staff_text_add(out, "%s", e.msg);
		errors = 1;
	}
	content_report_release(&r);
	if (errors == 0)
		staff_text_add(out, "%s: in orde%s", c->name,
			       r.warnings ? " (de waarschuwingen houden het "
					    "pakket niet tegen)"
					  : "");
	else
		staff_text_add(out,
			       "%d fout%s gevonden: het pakket kan zo niet op "
			       "de kiosk.",
			       errors, errors == 1 ? "" : "en");
	content_free(c);
	return errors;
}

int staff_pack_install(const char *data_dir, const char *dir, int today,
		       int minute, struct err *e)
{
	char unused[CONTENT_TILE_MAX * 2][64], about[STAFF_PATH_MAX + 400];
	const char *skip[CONTENT_TILE_MAX * 2];
	struct packstore_opts po = { skip, 0, about };
	struct content *c;
	int i, rc;

	c = content_load(dir, CONTENT_QUICK, NULL, NULL, NULL, e);
	if (!c)
		return -1;
	po.nskip = content_unused_dirs(c, unused, (int)ARRAY_LEN(unused));
	for (i = 0; i < po.nskip; i++)
		skip[i] = unused[i];
	snprintf(about, sizeof(about),
		 "name = %s\nsource = %s (USB-stick)\n"
		 "installed = %04d-%02d-%02d %02d:%02d\n",
		 c->name ? c->name : "", dir, today / 10000, today / 100 % 100,
		 today % 100, minute / 60, minute % 60);
	rc = packstore_install_with(data_dir, dir, &po, NULL, NULL, e);
	content_free(c);
	if (rc < 0)
		return err_prefix(e, "Niet geïnstalleerd; het oude pakket "
				     "blijft staan");
	log_info("staff mode: a content pack installed from a USB stick");
	return 0;
}
