/*
 * kioskctl: the staff tool. Git-style commands on the same core as the
 * kiosk: check a content pack, preview every screen as pictures, install a
 * pack safely and roll back, export the survey results. Messages to staff
 * are in Dutch.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"
#include "base/util.h"
#include "core/app/app.h"
#include "core/content/content.h"
#include "core/kv.h"
#include "core/outbox.h"
#include "core/packstore.h"
#include "core/pin.h"
#include "core/reach.h"
#include "core/settings.h"
#include "core/store/export.h"
#include "core/store/store.h"
#include "core/app/walk.h"
#include "platform/platform.h"
#include "kioskctl.h"
#include "platform/printer.h"


static void usage(FILE *f)
{
	fputs("gebruik: kioskctl OPDRACHT [...]\n"
	      "\n"
	      "  check MAP             controleer een inhoudspakket\n"
	      "  preview MAP UITMAP    maak een plaatje van elk scherm, met "
	      "index.html\n"
	      "  install MAP           controleer en zet het pakket op de "
	      "kiosk\n"
	      "  rollback              zet het vorige pakket terug\n"
	      "  current               laat zien welk pakket op de kiosk "
	      "staat\n"
	      "  export UITMAP         zet de antwoorden op de enquête in "
	      "UITMAP\n"
	      "  export --signups UITMAP [--key staff.key]\n"
	      "                        zet de aanmeldingen voor initiatieven "
	      "in UITMAP\n"
	      "  signups purge|count   wis of tel de aanmeldingen\n"
	      "  keygen UITMAP         maak de sleutels voor de aanmeldingen\n"
	      "  outbox                zet de antwoorden nu in de uitbak "
	      "(voor kantoor)\n"
	      "  pin                   stel de pincode voor de beheerstand "
	      "in\n"
	      "  print-test            print een testbriefje op de printer "
	      "van de kiosk\n"
	      "\n"
	      "Opties: --data MAP (de gegevensmap van de kiosk), --date "
	      "JJJJ-MM-DD (voor preview en check).\n"
	      "'kioskctl OPDRACHT --help' vertelt meer.\n",
	      f);
}

static int parse(int argc, char **argv, struct opts *o)
{
	int i;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
			o->data = argv[++i];
		} else if (strcmp(argv[i], "--content") == 0 && i + 1 < argc) {
			o->content = argv[++i];
		} else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			if (date_parse(argv[++i], &o->date) < 0) {
				fprintf(stderr,
					"kioskctl: '%s' is geen datum: "
					"schrijf JJJJ-MM-DD\n",
					argv[i]);
				return -1;
			}
		} else if (strcmp(argv[i], "--merge") == 0) {
			o->merge = 1;
		} else if (strcmp(argv[i], "--signups") == 0) {
			o->signups = 1;
		} else if (strcmp(argv[i], "--key") == 0 && i + 1 < argc) {
			o->key = argv[++i];
		} else if (strcmp(argv[i], "--initiative") == 0 &&
			   i + 1 < argc) {
			o->initiative = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "kioskctl: onbekende optie '%s'\n",
				argv[i]);
			return -1;
		} else if (o->nargs < ARGS_MAX) {
			o->args[o->nargs++] = argv[i];
		} else {
			fprintf(stderr, "kioskctl: te veel mappen\n");
			return -1;
		}
	}
	return 0;
}

/* ---- walking the pack for check and preview ---- */

struct session {
	struct platform *p;
	struct app *a;
};

static int session_open(struct session *s, const char *dir, int date,
			struct err *e)
{
	struct platform_config pc = { SCREEN_W, SCREEN_H, 0, NULL, NULL };
	struct app_config ac = { 0 };
	char home[PATH_MAX], assets[PATH_MAX + 16];

	/* pictures are made without a screen */
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	s->p = platform_open(&pc, e);
	if (!s->p)
		return -1;
	path_home(home, sizeof(home));
	snprintf(assets, sizeof(assets), "%s/assets", home);
	ac.content_dir = dir;
	ac.assets_dir = assets;
	ac.width = SCREEN_W;
	ac.height = SCREEN_H;
	ac.screen_width_mm = SCREEN_MM;
	ac.metrics = platform_metrics(s->p);
	s->a = xcalloc(1, sizeof(*s->a));
	if (app_init(s->a, &ac, 0, e) < 0) {
		free(s->a);
		platform_close(s->p);
		return -1;
	}
	app_set_today(s->a, date ? date : platform_today());
	return 0;
}

static void session_close(struct session *s)
{
	app_release(s->a);
	free(s->a);
	platform_close(s->p);
}

/* ---- check ---- */

struct fit_check {
	const struct content *c;
	int problems;
	char last[200];
};

/* The file a text that does not fit comes from, when the walker names
 * none or kiosk.ini: a tile title is in that tile's tile.ini, the rest in
 * kiosk.ini. */
static void fit_file(const struct fit_check *fc, const char *text, char *out,
		     size_t size)
{
	size_t n = strlen(text);
	int i, l;

	for (i = 0; fc->c && i < fc->c->ntiles; i++)
		for (l = 0; l < CONTENT_LANG_MAX; l++) {
			const char *t = fc->c->tiles[i].title.s[l];

			if (t && n > 0 && strncmp(t, text, n) == 0) {
				snprintf(out, size, "%s/tile.ini",
					 fc->c->tiles[i].id);
				return;
			}
		}
	str_copy(out, size, "kiosk.ini");
}

static void check_visit(void *ctx, const char *name, const char *file,
			const struct draw_list *dl)
{
	struct fit_check *fc = ctx;
	char where[200];

	/* the home screen names kiosk.ini, but its tile titles are in
	 * each tile's tile.ini */
	if (*file && strcmp(file, "kiosk.ini") != 0)
		str_copy(where, sizeof(where), file);
	else
		fit_file(fc, dl->clipped ? dl->clipped_text : "", where,
			 sizeof(where));
	if (dl->clipped && strcmp(fc->last, dl->clipped_text) != 0) {
		printf("%s: tekst past niet op het scherm (%s): \"%s\" - maak "
		       "hem korter\n",
		       where, name, dl->clipped_text);
		str_copy(fc->last, sizeof(fc->last), dl->clipped_text);
		fc->problems++;
	}
	/* the frame's fixed lists ran full: part of the screen would be
	 * missing, so it is an error, not a guess */
	if (dl->overflow) {
		printf("%s: te veel op één scherm (%s): niet alles past in "
		       "de kiosk - maak de tekst korter of verdeel hem over "
		       "meer delen\n",
		       where, name);
		fc->problems++;
	}
}

/* The deep check's probe: PDFs are opened as the kiosk opens them; pictures
 * are already decoded row by row by the content check, so a full decode
 * here (256 MB for an 8000 x 8000 picture) is not needed. */
static int check_probe(void *ctx, const char *path, int is_pdf, char *why,
		       size_t why_size)
{
	if (!is_pdf)
		return 0;
	return platform_probe(ctx, path, is_pdf, why, why_size);
}

/* Checks dir as it is on `date` (0: today); prints every problem; returns
 * the number of errors. */
static int check_pack(const char *dir, const char *data, int date, int quiet_ok)
{
	struct content_report r = { 0 };
	struct content *c;
	struct err e = { "" };
	int i, errors;

	if (!date)
		date = platform_today();
	c = content_load(dir, CONTENT_DEEP, check_probe, NULL, &r, &e);
	if (c)
		content_check_day(c, date, &r);
	for (i = 0; i < r.n; i++) {
		char line[700];

		content_diag_format(&r.items[i], line, sizeof(line));
		printf("%s\n", line);
	}
	errors = r.errors;
	content_report_release(&r);
	if (c)
		kioskctl_check_signups(c, data);
	if (c && errors == 0) {
		struct session s;
		struct fit_check fc = { c, 0, "" };
		int l;

		/* every screen, every language, both text sizes: does all
		 * text fit its box? */
		if (session_open(&s, dir, date, &e) < 0) {
			fprintf(stderr, "kioskctl: %s\n", e.msg);
			content_free(c);
			return errors + 1;
		}
		for (l = 0; l < s.a->content->nlangs; l++) {
			app_walk(s.a, l, 0, check_visit, &fc);
			app_walk(s.a, l, 1, check_visit, &fc);
		}
		session_close(&s);
		errors += fc.problems;
	}
	content_free(c);
	if (errors == 0 && !quiet_ok)
		printf("%s: in orde\n", dir);
	else if (errors)
		printf("%s: %d fout%s gevonden: het pakket kan zo niet op de "
		       "kiosk\n",
		       dir, errors, errors == 1 ? "" : "en");
	fflush(stdout);
	return errors;
}

static int cmd_check(struct opts *o)
{
	char data[PATH_MAX];

	if (o->nargs != 1) {
		fprintf(stderr, "gebruik: kioskctl check MAP\n");
		return 2;
	}
	kioskctl_data_dir(o, data, sizeof(data));
	return check_pack(o->args[0], data, o->date, 0) ? 1 : 0;
}

/* ---- preview ---- */

struct preview {
	struct session *s;
	const char *out;
	FILE *html;
	int failed;
	char section[32];
};

static int ends_with_png(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".png") == 0;
}

static void html_escape(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '"')
			fputs("&quot;", f);
		else
			fputc(*s, f);
	}
}

static void preview_visit(void *ctx, const char *name, const char *file,
			  const struct draw_list *dl)
{
	struct preview *pv = ctx;
	char path[PATH_MAX + 200];
	struct err e;

	snprintf(path, sizeof(path), "%s/%s.png", pv->out, name);
	if (platform_save_png(pv->s->p, dl, path, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		pv->failed = 1;
		return;
	}
	fprintf(pv->html,
		"<figure><a href=\"%s.png\"><img src=\"%s.png\" "
		"width=\"480\" height=\"270\" alt=\"\"></a><figcaption>",
		name, name);
	html_escape(pv->html, name);
	if (*file) {
		fputs(" <small>(", pv->html);
		html_escape(pv->html, file);
		fputs(")</small>", pv->html);
	}
	fputs("</figcaption></figure>\n", pv->html);
}

/* Removes the pictures and index.html an earlier preview left in out, so
 * no screen of an older pack stays behind. Other files stay. */
static void preview_clean(const char *out)
{
	DIR *dh = opendir(out);
	struct dirent *d;

	if (!dh)
		return;
	while ((d = readdir(dh)))
		if (ends_with_png(d->d_name) ||
		    strcmp(d->d_name, "index.html") == 0)
			unlinkat(dirfd(dh), d->d_name, 0);
	closedir(dh);
}

static int cmd_preview(struct opts *o)
{
	struct session s;
	struct preview pv = { 0 };
	struct err e = { "" };
	char path[PATH_MAX + 32];
	int l, large, n = 0;

	if (o->nargs != 2) {
		fprintf(stderr, "gebruik: kioskctl preview MAP UITMAP\n");
		return 2;
	}
	if (path_mkdirs(o->args[1], &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	preview_clean(o->args[1]);
	if (session_open(&s, o->args[0], o->date, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	if (!s.a->content) {
		fprintf(stderr,
			"kioskctl: het pakket heeft fouten; zie "
			"'kioskctl check %s'\n",
			o->args[0]);
		session_close(&s);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/index.html", o->args[1]);
	pv.html = fopen(path, "w");
	if (!pv.html) {
		fprintf(stderr, "kioskctl: kan '%s' niet schrijven: %s\n", path,
			strerror(errno));
		session_close(&s);
		return 1;
	}
	pv.s = &s;
	pv.out = o->args[1];
	fputs("<!doctype html>\n<html lang=\"nl\"><meta charset=\"utf-8\">\n"
	      "<title>Voorbeeld van de kiosk</title>\n<style>body{font-family:"
	      "sans-serif;background:#eee}figure{display:inline-block;margin:"
	      "8px;background:#fff;padding:6px}img{border:1px solid #999}"
	      "</style>\n",
	      pv.html);
	fputs("<h1>Voorbeeld: ", pv.html);
	html_escape(pv.html, s.a->content->name);
	fputs("</h1>\n", pv.html);
	for (l = 0; l < s.a->content->nlangs; l++)
		for (large = 0; large <= 1; large++) {
			fprintf(pv.html, "<h2>%s%s</h2>\n",
				s.a->content->langs[l],
				large ? ", grote letters" : "");
			n += app_walk(s.a, l, large, preview_visit, &pv);
		}
	fputs("</html>\n", pv.html);
	fclose(pv.html);
	session_close(&s);
	if (pv.failed)
		return 1;
	printf("%d schermen in %s; open %s/index.html\n", n, o->args[1],
	       o->args[1]);
	return 0;
}

/* ---- install, rollback, current ---- */

static void crash_step(void *ctx, int step, const char *what)
{
	int at = *(int *)ctx;

	(void)what;
	if (at && step == at)
		_exit(137); /* a test stands in for a power cut here */
}

void kioskctl_data_dir(const struct opts *o, char *out, size_t size)
{
	if (o->data)
		str_copy(out, size, o->data);
	else
		path_default_data(out, size);
}

/* What `current` shows later: where the pack came from and when. */
static void install_about(const char *src, char *out, size_t size)
{
	struct content *c;
	char abs[PATH_MAX], when[64];
	time_t now = time(NULL);
	struct tm tm;

	c = content_load(src, CONTENT_QUICK, NULL, NULL, NULL, NULL);
	if (!realpath(src, abs))
		str_copy(abs, sizeof(abs), src);
	localtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	snprintf(out, size, "name = %s\nsource = %s\ninstalled = %s\n",
		 c && c->name ? c->name : "", abs, when);
	content_free(c);
}

static int cmd_install(struct opts *o)
{
	char data[PATH_MAX], about[PATH_MAX + 300];
	char unused[CONTENT_TILE_MAX * 2][64];
	const char *skip[CONTENT_TILE_MAX * 2];
	const char *crash = getenv("KIOSKCTL_CRASH_AT");
	int at = crash ? atoi(crash) : 0, i;
	struct packstore_opts po = { skip, 0, about };
	struct content *c;
	struct err e = { "" };

	if (o->nargs != 1) {
		fprintf(stderr, "gebruik: kioskctl install MAP [--data MAP]\n");
		return 2;
	}
	kioskctl_data_dir(o, data, sizeof(data));
	if (check_pack(o->args[0], data, o->date, 1) > 0) {
		fprintf(stderr, "kioskctl: niet geïnstalleerd: los eerst de "
				"fouten hierboven op\n");
		return 1;
	}
	/* folders no tile uses stay behind (check warned about them) */
	c = content_load(o->args[0], CONTENT_QUICK, NULL, NULL, NULL, NULL);
	if (c) {
		po.nskip =
			content_unused_dirs(c, unused, (int)ARRAY_LEN(unused));
		for (i = 0; i < po.nskip; i++)
			skip[i] = unused[i];
	}
	install_about(o->args[0], about, sizeof(about));
	kioskctl_data_dir(o, data, sizeof(data));
	/* the default folder may need its XDG parents below $HOME; any
	 * other missing folder is reported by the install itself */
	if (!o->data && path_default_data_base(data))
		path_mkdir_below(data, path_default_data_base(data), &e);
	if (packstore_install_with(data, o->args[0], &po, crash_step, &at, &e) <
	    0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		content_free(c);
		return 1;
	}
	content_free(c);
	printf("geïnstalleerd: de kiosk toont het nieuwe pakket binnen enkele "
	       "seconden. Terug naar het vorige: kioskctl rollback\n");
	return 0;
}

static int cmd_rollback(struct opts *o)
{
	char data[PATH_MAX];
	const char *crash = getenv("KIOSKCTL_CRASH_AT");
	int at = crash ? atoi(crash) : 0;
	struct err e = { "" };

	kioskctl_data_dir(o, data, sizeof(data));
	if (packstore_rollback(data, crash_step, &at, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	printf("het vorige pakket staat weer op de kiosk\n");
	return 0;
}

struct about {
	char name[200], source[PATH_MAX], installed[64];
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

static int cmd_current(struct opts *o)
{
	static const struct kv_handler h = { about_key, NULL };
	char data[PATH_MAX], cur[PATH_MAX], text[PATH_MAX + 400];
	struct about a = { "", "", "" };

	kioskctl_data_dir(o, data, sizeof(data));
	if (packstore_current(data, cur, sizeof(cur)) < 0) {
		fprintf(stderr,
			"kioskctl: er is nog geen pakket geïnstalleerd "
			"in '%s'\n",
			data);
		return 1;
	}
	if (packstore_about(data, text, sizeof(text)) == 0)
		kv_parse(text, strlen(text), &h, &a);
	printf("naam:            %s\n", *a.name ? a.name : "(onbekend)");
	printf("komt uit de map: %s\n",
	       *a.source ? a.source
			 : "(onbekend: geïnstalleerd met een "
			   "oudere versie)");
	printf("geïnstalleerd:   %s\n",
	       *a.installed ? a.installed : "(onbekend)");
	printf("staat nu in:     %s\n", cur);
	return 0;
}

/* ---- outbox ---- */

static int cmd_outbox(struct opts *o)
{
	char data[PATH_MAX], name[SETTINGS_NAME_MAX], path[PATH_MAX + 128];
	struct settings st;
	struct err e = { "" };
	int rc;

	if (o->nargs != 0) {
		fprintf(stderr, "gebruik: kioskctl outbox [--data MAP]\n");
		return 2;
	}
	kioskctl_data_dir(o, data, sizeof(data));
	if (settings_load(&st, data, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	outbox_kiosk_name(st.name, name, sizeof(name));
	settings_release(&st);
	rc = outbox_write(data, name, o->date ? o->date : platform_today(),
			  path, sizeof(path), &e);
	if (rc < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	if (rc == 0)
		printf("er zijn nog geen antwoorden: de uitbak blijft leeg\n");
	else
		printf("in de uitbak: %s\n", path);
	return 0;
}

/* ---- export ---- */

static void export_warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "kioskctl: let op: %s\n", msg);
}

/* The survey file in folder dir, or dir itself when it is a file. */
static void survey_file(const char *dir, char *out, size_t size)
{
	if (path_is_dir(dir))
		snprintf(out, size, "%s/" STORE_FILE, dir);
	else
		str_copy(out, size, dir);
}

static int cmd_export(struct opts *o)
{
	static char paths[ARGS_MAX][PATH_MAX];
	const char *files[ARGS_MAX];
	char data[PATH_MAX];
	struct export_opts eo = { 0 };
	struct export_result r;
	struct err e = { "" };
	int i;

	if (o->signups)
		return kioskctl_export_signups(o);
	if (o->key) {
		fprintf(stderr, "kioskctl: --key hoort bij --signups: de "
				"enquête is niet versleuteld\n");
		return 2;
	}
	if (o->nargs < 1 || (o->nargs > 1 && !o->merge)) {
		fprintf(stderr, "gebruik: kioskctl export [--data MAP] "
				"[--merge MAP...] UITMAP\n");
		return 2;
	}
	kioskctl_data_dir(o, data, sizeof(data));
	survey_file(data, paths[0], sizeof(paths[0]));
	files[0] = paths[0];
	eo.nfiles = 1;
	if (access(paths[0], F_OK) < 0) {
		/* the office PC has no answers of its own: only the kiosks'
		 * files given with --merge */
		if (!o->merge || o->data || o->nargs < 2) {
			fprintf(stderr,
				"kioskctl: er zijn nog geen antwoorden: '%s' "
				"bestaat niet\n",
				paths[0]);
			return 1;
		}
		eo.nfiles = 0;
	}
	for (i = 0; i + 1 < o->nargs; i++) {
		survey_file(o->args[i], paths[eo.nfiles],
			    sizeof(paths[eo.nfiles]));
		files[eo.nfiles] = paths[eo.nfiles];
		eo.nfiles++;
	}
	eo.files = files;
	eo.outdir = o->args[o->nargs - 1];
	eo.warn = export_warn;
	if (export_run(&eo, &r, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	printf("%d antwoorden uit %d %s", r.responses, eo.nfiles,
	       eo.nfiles == 1 ? "kiosk" : "kiosks");
	if (r.duplicates)
		printf(" (%d dubbel, een keer geteld)", r.duplicates);
	printf("; %d %s. Open %s/rapport.html\n", r.versions,
	       r.versions == 1 ? "vraaglijst" : "vraaglijsten", eo.outdir);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct opts *);
		const char *help;
	} cmds[] = {
		{ "check", cmd_check,
		  "kioskctl check MAP [--date JJJJ-MM-DD]\n\nControleert alles "
		  "wat de kiosk uit de map leest. Elke fout staat op een "
		  "regel:\n"
		  "bestand:regel: melding. Waarschuwingen houden het pakket "
		  "niet "
		  "tegen.\nKlaar zonder fouten: uitkomst 0.\n" },
		{ "preview", cmd_preview,
		  "kioskctl preview MAP UITMAP [--date JJJJ-MM-DD]\n\nMaakt "
		  "een "
		  "PNG van elk scherm, in elke taal en in beide "
		  "lettergroottes,\n"
		  "en een overzicht UITMAP/index.html om in de browser te "
		  "openen.\n" },
		{ "install", cmd_install,
		  "kioskctl install MAP [--data MAP]\n\nControleert het pakket "
		  "en zet het dan in een keer op de kiosk. Het vorige\npakket "
		  "blijft bewaard voor 'kioskctl rollback'. Valt de stroom "
		  "uit, "
		  "dan staat\nhet oude of het nieuwe pakket er heel.\n" },
		{ "rollback", cmd_rollback,
		  "kioskctl rollback [--data MAP]\n\nZet het vorige pakket "
		  "terug "
		  "(nog een keer: weer het nieuwe).\n" },
		{ "export", cmd_export,
		  "kioskctl export [--data MAP] [--merge MAP...] UITMAP\n\n"
		  "Zet de antwoorden op de enquête in UITMAP:\n"
		  "  enquete-LIJST-VERSIE.csv           een regel per "
		  "antwoord\n"
		  "  enquete-LIJST-VERSIE-codeboek.csv  wat elke kolom "
		  "betekent\n"
		  "  rapport.html                       de uitslag, om te "
		  "printen\n"
		  "  enquete.sqlite                     kopie om samen te "
		  "voegen\n\n"
		  "De CSV opent met een dubbelklik in Excel en LibreOffice "
		  "(UTF-8,\n';' tussen de cellen). Een cel die begint met = + "
		  "- of @ krijgt\neen ' ervoor. Aantallen onder de 10 staan "
		  "niet in het rapport.\n\n"
		  "--merge MAP...  voeg de antwoorden van andere kiosks toe "
		  "(hun\n                gegevensmap, hun eerdere "
		  "export of hun bestand uit\n                de uitbak); "
		  "wat in twee mappen staat, telt een keer.\n"
		  "                Op een pc zonder eigen antwoorden (kantoor) "
		  "telt\n                alleen wat na --merge staat.\n"
		  "Dit kan terwijl de kiosk draait.\n\n"
		  "kioskctl export --signups UITMAP [--key staff.key] "
		  "[--data MAP]\n\n"
		  "Zet de aanmeldingen voor initiatieven in UITMAP, een "
		  "bestand per\ninitiatief: aanmeldingen-INITIATIEF.csv, met "
		  "de kolommen initiatief,\ndag van aanmelding, naam, "
		  "contact, toestemming en te verwijderen op.\n"
		  "Dit zijn persoonsgegevens: alleen u kunt de bestanden "
		  "lezen. Geef ze\nalleen aan het initiatief zelf, en gooi "
		  "ze weg als het klaar is.\n"
		  "Staat er een publieke sleutel op de kiosk, dan zijn de "
		  "aanmeldingen\nversleuteld: geef dan met --key de geheime "
		  "sleutel (staff.key) mee.\nZonder --signups gaan er nooit "
		  "aanmeldingen mee.\n" },
		{ "signups", kioskctl_signups,
		  "kioskctl signups count [--initiative NAAM] [--data MAP]\n"
		  "kioskctl signups purge [--initiative NAAM] [--data MAP]\n\n"
		  "count telt de aanmeldingen per initiatief (zonder namen).\n"
		  "purge wist de aanmeldingen voor een initiatief, of zonder "
		  "--initiative\nalle aanmeldingen, zo dat ze ook niet meer "
		  "in het bestand te vinden zijn.\nDe kiosk wist een "
		  "aanmelding zelf na de bewaartermijn van het pakket\n"
		  "(keep_days onder [signups] in kiosk.ini, standaard 90 "
		  "dagen).\n" },
		{ "keygen", kioskctl_keygen,
		  "kioskctl keygen UITMAP\n\n"
		  "Maakt een sleutelpaar voor de aanmeldingen in UITMAP:\n"
		  "  staff.pub  de publieke sleutel: die gaat naar de kiosk\n"
		  "             (public_key onder [signups] in settings.ini of "
		  "kiosk.ini)\n"
		  "  staff.key  de geheime sleutel: bewaar die op de USB-stick "
		  "of laptop\n"
		  "             van de medewerkers, nooit op de kiosk\n"
		  "Met de publieke sleutel versleutelt de kiosk elke "
		  "aanmelding; alleen de\ngeheime sleutel maakt ze weer "
		  "leesbaar (kioskctl export --signups --key).\nBestaande "
		  "sleutels worden nooit overschreven.\n" },
		{ "outbox", cmd_outbox,
		  "kioskctl outbox [--data MAP] [--date JJJJ-MM-DD]\n\n"
		  "Zet de antwoorden op de enquête nu in de uitbak van de "
		  "kiosk\n(MAP/outbox/enquete-NAAM-DATUM.sqlite), die "
		  "Syncthing naar kantoor\nbrengt. De kiosk doet dit zelf "
		  "ook, elke dag. NAAM staat in\nMAP/settings.ini onder "
		  "[kiosk] name = ... (anders de naam van de pc).\nOp "
		  "kantoor: kioskctl export --merge uitbak/*.sqlite UITMAP\n"
		  "Aanmeldingen gaan nooit mee.\n"
		  "Dit kan terwijl de kiosk draait.\n" },
		{ "pin", kioskctl_pin,
		  "kioskctl pin [--data MAP]\n\nStelt de pincode in "
		  "waarmee medewerkers de beheerstand van de kiosk\nopenen. "
		  "U typt hem twee keer; hij staat niet op het scherm. "
		  "Minstens 6\ncijfers; makkelijk te raden codes zoals "
		  "123456 of 111111 weigert de kiosk.\nDe kiosk bewaart "
		  "alleen een versleutelde vorm (Argon2id) in MAP/pin.\n"
		  "Een nieuwe pincode heft ook een blokkade op.\n" },
		{ "print-test", kioskctl_print_test,
		  "kioskctl print-test [--data MAP] [--content MAP]\n\nPrint "
		  "een testbriefje op de printer uit settings.ini in de\n"
		  "gegevensmap: tekst met accenten, de naam en het logo van "
		  "het pakket\nen een QR-code. Binnen een paar seconden staat "
		  "hier of het gelukt is,\nof wat er mis is (geen printer "
		  "ingesteld, printer niet gevonden,\nprinter reageert "
		  "niet).\n\n--content MAP  het pakket voor de naam, het "
		  "logo en de papierbreedte\n               (anders het "
		  "pakket op de kiosk)\n" },
		{ "current", cmd_current,
		  "kioskctl current [--data MAP]\n\nLaat zien welk pakket nu "
		  "op de kiosk staat: de naam, de map waar het vandaan kwam "
		  "en\nwanneer het erop is gezet.\n" },
	};
	struct opts o = { 0 };
	size_t i;

	log_set_level(LOG_WARN);
	log_set_journal(0);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (i = 0; i < ARRAY_LEN(cmds); i++) {
		if (strcmp(argv[1], cmds[i].name) != 0)
			continue;
		if (argc > 2 && strcmp(argv[2], "--help") == 0) {
			fputs(cmds[i].help, stdout);
			return 0;
		}
		if (parse(argc, argv, &o) < 0)
			return 2;
		return cmds[i].fn(&o);
	}
	fprintf(stderr, "kioskctl: onbekende opdracht '%s'\n\n", argv[1]);
	usage(stderr);
	return 2;
}
