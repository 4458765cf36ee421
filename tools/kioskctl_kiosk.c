/*
 * kioskctl_kiosk: the staff tool's commands about the kiosk PC itself
 * rather than its content: `pin` sets the PIN of staff mode, `print-test`
 * prints a test slip on the receipt printer of settings.ini.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/util.h"
#include "core/content/content.h"
#include "core/packstore.h"
#include "core/pin.h"
#include "core/print/test_slip.h"
#include "core/settings.h"
#include "kioskctl.h"
#include "platform/platform.h"
#include "platform/printer.h"

/* ---- pin ---- */

/* Reads one line from standard input without showing it when that is a
 * terminal (a pipe, as in tests, is read as it is). 0, or -1 at the end
 * of the input. */
static int read_secret(const char *prompt, char *out, size_t size)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	int rc = 0;

	fputs(prompt, stderr);
	fflush(stderr);
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (!fgets(out, (int)size, stdin))
		rc = -1;
	if (tty)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	if (rc == 0)
		out[strcspn(out, "\r\n")] = '\0';
	return rc;
}

int kioskctl_pin(struct opts *o)
{
	char data[PATH_MAX], a[64], b[64];
	struct err e = { "" };
	int rc = 1;

	if (o->nargs != 0) {
		fprintf(stderr, "gebruik: kioskctl pin [--data MAP]\n");
		return 2;
	}
	kioskctl_data_dir(o, data, sizeof(data));
	if (!o->data && path_default_data_base(data))
		path_mkdir_below(data, path_default_data_base(data), &e);
	if (!path_is_dir(data)) {
		fprintf(stderr, "kioskctl: de gegevensmap '%s' bestaat niet\n",
			data);
		return 1;
	}
	if (read_secret("Nieuwe pincode (minstens 6 cijfers): ", a, sizeof(a)) <
		    0 ||
	    read_secret("Typ de pincode nog een keer: ", b, sizeof(b)) < 0) {
		fprintf(stderr, "kioskctl: geen pincode gelezen; er is niets "
				"veranderd\n");
		goto out;
	}
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "kioskctl: de twee pincodes zijn niet gelijk; "
				"er is niets veranderd\n");
		goto out;
	}
	if (pin_set(data, a, &e) < 0) {
		fprintf(stderr, "kioskctl: %s; er is niets veranderd\n", e.msg);
		goto out;
	}
	printf("de pincode is ingesteld. Op de kiosk: houd de linkerbovenhoek "
	       "van het wachtscherm 5 seconden vast en typ de pincode\n");
	rc = 0;
out:
	explicit_bzero(a, sizeof(a));
	explicit_bzero(b, sizeof(b));
	return rc;
}

/* ---- print-test ---- */

static int print_test_wait(struct printer *pr, const char *device, int paper_mm)
{
	struct timespec tick = { 0, 20 * 1000000L };
	enum printer_fault why = PRINTER_OK;
	int waited;

	/* the printer gives up by itself; this only keeps the loop finite */
	for (waited = 0; waited < PRINTER_TOTAL_MS + 2000; waited += 20) {
		enum printer_state st = printer_poll(pr, &why);

		if (st == PRINTER_DONE) {
			printf("Het testbriefje is geprint op %s (papier van "
			       "%d mm). Komt er niets uit de printer? Kijk "
			       "dan of dit de goede printer is.\n",
			       device, paper_mm);
			return 0;
		}
		if (st == PRINTER_FAILED)
			break;
		nanosleep(&tick, NULL);
	}
	fprintf(stderr, "kioskctl: het testbriefje is niet geprint: %s (%s)\n",
		printer_fault_text(why), device);
	return 1;
}

int kioskctl_print_test(struct opts *o)
{
	struct platform_config pc = { SCREEN_W, SCREEN_H, 0, NULL, NULL };
	char data[PATH_MAX], dir[PATH_MAX];
	struct test_slip *t = NULL;
	struct settings st;
	struct content *c;
	struct platform *p;
	struct printer *pr;
	struct err e = { "" };
	int rc = 1, paper;

	kioskctl_data_dir(o, data, sizeof(data));
	if (settings_load(&st, data, &e) < 0) {
		fprintf(stderr, "kioskctl: %s\n", e.msg);
		return 1;
	}
	if (!st.printer_device) {
		fprintf(stderr,
			"kioskctl: er is geen printer ingesteld. Zet onder "
			"[printer] een regel 'device = /dev/usb/lp0' in "
			"%s/" SETTINGS_FILE "\n",
			data);
		settings_release(&st);
		return 1;
	}
	if (o->content)
		str_copy(dir, sizeof(dir), o->content);
	else if (packstore_current(data, dir, sizeof(dir)) < 0) {
		path_home(dir, sizeof(dir));
		str_copy(dir + strlen(dir), sizeof(dir) - strlen(dir),
			 "/content/ussen");
	}
	c = content_load(dir, CONTENT_QUICK, NULL, NULL, NULL, &e);
	if (!c) {
		fprintf(stderr,
			"kioskctl: het pakket '%s' is niet te lezen: %s\n", dir,
			e.msg);
		settings_release(&st);
		return 1;
	}
	paper = c->printer_paper_mm ? c->printer_paper_mm : SLIP_PAPER_MM;
	/* the fonts need SDL, not a screen */
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	p = platform_open(&pc, &e);
	pr = p ? printer_open(p, st.printer_device, &e) : NULL;
	if (pr) {
		t = xmalloc(sizeof(*t));
		if (test_slip_make(t, st.printer_device, paper, c->name,
				   c->logo, &e) == 0 &&
		    printer_print(pr, &t->slip, &e) == 0)
			rc = print_test_wait(pr, st.printer_device, paper);
	}
	if (rc && *e.msg)
		fprintf(stderr, "kioskctl: %s\n", e.msg);
	free(t);
	printer_close(pr);
	if (p)
		platform_close(p);
	content_free(c);
	settings_release(&st);
	return rc;
}
