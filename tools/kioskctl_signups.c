/*
 * kioskctl_signups: the staff commands for sign-ups to initiatives:
 * making the key pair that seals them (keygen), taking them out
 * (export --signups), counting and purging them (signups count|purge),
 * and check's warning when a pack takes sign-ups without a key. The
 * sign-ups are personal data, so nothing here prints a name or a
 * contact; only the CSV files hold them. Messages are Dutch.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/util.h"
#include "core/content/content.h"
#include "core/seal.h"
#include "core/settings.h"
#include "core/store/signups.h"
#include "kioskctl.h"
#include "platform/platform.h"

#define PUB_FILE "staff.pub"
#define KEY_FILE "staff.key"

static void signups_path(const struct opts *o, char *out, size_t size)
{
	char data[PATH_MAX];

	kioskctl_data_dir(o, data, sizeof(data));
	snprintf(out, size, "%s/" SIGNUPS_FILE, data);
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* ---- keygen ---- */

/* Writes text as dir/name with mode, never over an existing file: under a
 * temporary name, synced, then linked into place (link refuses an
 * existing name). */
static int write_new(const char *dir, const char *name, const char *text,
		     mode_t mode, struct err *e)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	size_t n = strlen(text);
	int fd, bad, code;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, name);
	fd = mkstemp(tmp);
	if (fd < 0)
		return err_set(e, "kan '%s' niet schrijven: %s", path,
			       strerror(errno));
	bad = fchmod(fd, mode) != 0 || write(fd, text, n) != (ssize_t)n ||
	      fsync(fd) != 0;
	code = errno;
	if (close(fd) != 0 && !bad) {
		bad = 1;
		code = errno;
	}
	if (!bad && link(tmp, path) != 0) {
		bad = 1;
		code = errno;
	}
	unlink(tmp);
	if (bad)
		return err_set(e, "kan '%s' niet schrijven: %s", path,
			       code == EEXIST	? "het bestand bestaat al"
			       : code == ENOSPC ? "de schijf is vol"
						: strerror(code));
	return 0;
}

int kioskctl_keygen(struct opts *o)
{
	uint8_t pub[SEAL_PUBLIC_BYTES], sec[SEAL_SECRET_BYTES];
	char text[SEAL_KEY_TEXT + 1], path[PATH_MAX];
	const char *dir;
	struct err e = { "" };
	int i, rc;

	if (o->nargs != 1) {
		fprintf(stderr, "gebruik: kioskctl keygen UITMAP\n");
		return 2;
	}
	dir = o->args[0];
	if (path_mkdirs(dir, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir,
			 i ? KEY_FILE : PUB_FILE);
		if (access(path, F_OK) == 0) {
			fprintf(stderr,
				"kioskctl: '%s' bestaat al. Een sleutel wordt "
				"nooit overschreven: met een nieuwe sleutel "
				"zijn de aanmeldingen die met de oude zijn "
				"versleuteld niet meer te lezen. Kies een "
				"andere map.\n",
				path);
			return 1;
		}
	}
	if (seal_keypair(pub, sec, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	/* the secret key first: a public key without its secret key would
	 * seal sign-ups no one can read */
	seal_key_text(text, sec);
	strcat(text, "\n");
	rc = write_new(dir, KEY_FILE, text, 0600, &e);
	seal_wipe(text, sizeof(text));
	seal_wipe(sec, sizeof(sec));
	if (rc == 0) {
		seal_key_text(text, pub);
		strcat(text, "\n");
		rc = write_new(dir, PUB_FILE, text, 0644, &e);
	}
	sync_dir(dir);
	if (rc < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	text[SEAL_KEY_TEXT - 1] = '\0';
	printf("Twee sleutels gemaakt in %s:\n\n"
	       "  %s  de geheime sleutel. Bewaar die op de USB-stick of de "
	       "laptop van\n"
	       "             de medewerkers, en maak een reservekopie. Zet "
	       "hem nooit op de\n"
	       "             kiosk. Kwijt = de aanmeldingen zijn niet meer te "
	       "lezen.\n"
	       "  %s  de publieke sleutel. Zet die op de kiosk, in "
	       "settings.ini in de\n"
	       "             gegevensmap (of in kiosk.ini van het pakket, "
	       "voor alle kiosken):\n\n"
	       "      [signups]\n"
	       "      public_key = %s\n\n"
	       "Daarna versleutelt de kiosk elke nieuwe aanmelding. Lezen: "
	       "kioskctl export --signups UITMAP --key %s/%s\n",
	       dir, KEY_FILE, PUB_FILE, text, dir, KEY_FILE);
	return 0;
}

/* ---- export --signups ---- */

/* Reads the secret key from file into sec. */
static int read_secret(const char *file, uint8_t sec[SEAL_SECRET_BYTES])
{
	size_t n = strlen(file), len;
	struct err e = { "" };
	char *text;
	int rc;

	if (n > 4 && strcmp(file + n - 4, ".pub") == 0) {
		fprintf(stderr,
			"kioskctl: '%s' is de publieke sleutel. Geef de "
			"geheime sleutel mee: %s\n",
			file, KEY_FILE);
		return -1;
	}
	text = file_read(file, 4096, &len, &e);
	if (!text) {
		fprintf(stderr, "kioskctl: kan de sleutel niet lezen: %s\n",
			e.msg);
		return -1;
	}
	rc = seal_key_parse(sec, text, &e);
	seal_wipe(text, len);
	free(text);
	if (rc < 0)
		fprintf(stderr, "kioskctl: '%s': %s\n", file, e.msg);
	return rc;
}

int kioskctl_export_signups(struct opts *o)
{
	uint8_t sec[SEAL_SECRET_BYTES];
	char path[PATH_MAX + 32];
	struct signups_export_result r;
	struct signups *s;
	struct err e = { "" };
	int sealed, rc;

	if (o->nargs != 1 || o->merge) {
		fprintf(stderr, "gebruik: kioskctl export --signups UITMAP "
				"[--key staff.key] [--data MAP]\n");
		return 2;
	}
	signups_path(o, path, sizeof(path));
	if (access(path, F_OK) < 0) {
		fprintf(stderr,
			"kioskctl: er zijn geen aanmeldingen: '%s' bestaat "
			"niet\n",
			path);
		return 1;
	}
	s = signups_open_read(path, &e);
	sealed = s ? signups_any_sealed(s, &e) : -1;
	signups_close(s);
	if (sealed < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	if (sealed && !o->key) {
		fprintf(stderr,
			"kioskctl: de aanmeldingen zijn versleuteld met de "
			"publieke sleutel van de kiosk. Geef de geheime "
			"sleutel mee, bijvoorbeeld:\n"
			"  kioskctl export --signups %s --key "
			"/media/usb/" KEY_FILE "\n"
			"Er is niets geschreven.\n",
			o->args[0]);
		return 1;
	}
	if (o->key && read_secret(o->key, sec) < 0)
		return 1;
	rc = signups_export(path, o->args[0], o->key ? sec : NULL, &r, &e);
	seal_wipe(sec, sizeof(sec));
	if (rc < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	if (r.signups == 0) {
		printf("er zijn geen aanmeldingen; er is niets geschreven\n");
		return 0;
	}
	printf("%d %s voor %d %s in %s (aanmeldingen-INITIATIEF.csv).\n"
	       "Dit zijn persoonsgegevens: geef elk bestand alleen aan het "
	       "initiatief zelf,\nen gooi het weg als het niet meer nodig "
	       "is.\n",
	       r.signups, r.signups == 1 ? "aanmelding" : "aanmeldingen",
	       r.initiatives,
	       r.initiatives == 1 ? "initiatief" : "initiatieven", o->args[0]);
	return 0;
}

/* ---- signups count | purge ---- */

struct tally {
	char name[64][SIGNUPS_REF_MAX + 1];
	int n[64];
	int count, sealed, plain, other;
};

static int on_tally(void *ctx, const struct signup_out *so, struct err *e)
{
	struct tally *t = ctx;
	int i;

	(void)e;
	so->sealed ? t->sealed++ : t->plain++;
	for (i = 0; i < t->count; i++)
		if (strcmp(t->name[i], so->initiative) == 0)
			break;
	if (i == t->count) {
		if (t->count == 64) {
			t->other++;
			return 0;
		}
		str_copy(t->name[t->count++], sizeof(t->name[0]),
			 so->initiative);
	}
	t->n[i]++;
	return 0;
}

static int signups_count_cmd(struct opts *o, const char *path)
{
	struct tally *t = xcalloc(1, sizeof(*t));
	struct signups *s;
	struct err e = { "" };
	int i, shown = 0;

	if (access(path, F_OK) < 0) {
		printf("0 aanmeldingen (er is nog geen aanmeldingenbestand)\n");
		free(t);
		return 0;
	}
	s = signups_open_read(path, &e);
	if (!s || signups_scan(s, NULL, on_tally, t, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		signups_close(s);
		free(t);
		return 1;
	}
	signups_close(s);
	for (i = 0; i < t->count; i++) {
		if (o->initiative && strcmp(o->initiative, t->name[i]) != 0)
			continue;
		printf("%-30s %d\n", t->name[i], t->n[i]);
		shown += t->n[i];
	}
	if (o->initiative && !shown)
		printf("%-30s 0\n", o->initiative);
	if (!o->initiative)
		printf("%d aanmeldingen in totaal%s\n", t->sealed + t->plain,
		       t->other ? " (niet alle initiatieven staan erboven)"
				: "");
	if (t->plain)
		printf("let op: %d %s niet versleuteld: zet een publieke "
		       "sleutel op de kiosk (kioskctl keygen --help)\n",
		       t->plain,
		       t->plain == 1 ? "aanmelding is" : "aanmeldingen zijn");
	free(t);
	return 0;
}

static int signups_purge_cmd(struct opts *o, const char *path)
{
	struct signups *s;
	struct err e = { "" };
	int removed = 0, rc;

	if (access(path, F_OK) < 0) {
		printf("er zijn geen aanmeldingen: niets te wissen\n");
		return 0;
	}
	s = signups_open(path, o->date ? o->date : platform_today(), NULL, &e);
	if (!s) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	rc = signups_purge(s, o->initiative, &removed, &e);
	signups_close(s);
	if (rc < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	if (o->initiative)
		printf("%d %s voor '%s' gewist\n", removed,
		       removed == 1 ? "aanmelding" : "aanmeldingen",
		       o->initiative);
	else
		printf("%d %s gewist\n", removed,
		       removed == 1 ? "aanmelding" : "aanmeldingen");
	return 0;
}

int kioskctl_signups(struct opts *o)
{
	char path[PATH_MAX + 32];

	signups_path(o, path, sizeof(path));
	if (o->nargs == 1 && strcmp(o->args[0], "count") == 0)
		return signups_count_cmd(o, path);
	if (o->nargs == 1 && strcmp(o->args[0], "purge") == 0)
		return signups_purge_cmd(o, path);
	fprintf(stderr, "gebruik: kioskctl signups count|purge "
			"[--initiative NAAM] [--data MAP]\n");
	return 2;
}

/* ---- check ---- */

int kioskctl_check_signups(const void *content, const char *data)
{
	const struct content *c = content;
	struct settings st;
	struct err e = { "" };
	int have;

	if (!content_wants_signups(c))
		return 0;
	have = c->signup_public_key != NULL;
	if (!have && data && settings_load(&st, data, &e) == 0) {
		have = st.signup_public_key[0] != '\0';
		settings_release(&st);
	}
	if (have)
		return 0;
	printf("kiosk.ini: waarschuwing: er is geen publieke sleutel voor de "
	       "aanmeldingen: de kiosk bewaart namen en telefoonnummers dan "
	       "onversleuteld. Maak sleutels met 'kioskctl keygen' en zet "
	       "public_key onder [signups] in kiosk.ini of in settings.ini "
	       "van de kiosk\n");
	return 1;
}
