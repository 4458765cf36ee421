/*
 * app_staff: staff mode's PIN pad, pages and actions; see app_staff.h.
 * The work on the disk is core/staff.c and core/pin.c; this file decides
 * what happens on a tap and what the page says.
 */
#include "core/app/app_staff.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/util.h"
#include "core/pin.h"
#include "core/settings.h"
#include "core/store/signups.h"

void app_set_staff_env(struct app *a, const struct app_staff_env *env)
{
	a->staff.env = *env;
}

int app_staff_desktop_wanted(const struct app *a)
{
	return a->staff.desktop;
}

int app_staff_restart_wanted(const struct app *a)
{
	return a->staff.restart;
}

int app_staff_open(const struct app *a)
{
	return visit_at_const(&a->visit)->route == ROUTE_STAFF;
}

void app_staff_wipe(struct app *a)
{
	struct app_staff *s = &a->staff;

	explicit_bzero(s->pin, sizeof(s->pin));
	explicit_bzero(&s->view, sizeof(s->view));
	explicit_bzero(s->stick, sizeof(s->stick));
	explicit_bzero(s->pack, sizeof(s->pack));
	s->print_cmd = 0;
}

int app_staff_print_take(struct app *a, struct slip *s)
{
	if (!a->staff.print_cmd)
		return 0;
	a->staff.print_cmd = 0;
	*s = a->staff.slip.slip;
	return 1;
}

void app_staff_print_fault(struct app *a, const char *why)
{
	str_copy(a->staff.print_fault, sizeof(a->staff.print_fault),
		 why && *why ? why : "onbekend");
}

static int64_t wall_now(const struct app *a)
{
	const struct app_staff_env *env = &a->staff.env;

	return env->wall_start + (int64_t)((a->now - env->started_ms) / 1000);
}

static void say(struct app *a, int failed, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct app *a, int failed, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->staff.view.msg, sizeof(a->staff.view.msg), fmt, ap);
	va_end(ap);
	a->staff.view.failed = failed;
}

static void say_locked(struct app *a, int64_t wait)
{
	int64_t min = (wait + 59) / 60;

	say(a, 1,
	    "Te vaak een verkeerde pincode. Probeer het over %lld %s "
	    "opnieuw.",
	    (long long)min, min == 1 ? "minuut" : "minuten");
}

/* The PIN pad as it opens: how to set a PIN, a lockout, or the pad. */
static void enter(struct app *a)
{
	struct app_staff *s = &a->staff;
	char hash[PIN_HASH_MAX];
	struct pin_lockout l;
	struct err e = { "" };
	int got;

	app_staff_wipe(a);
	visit_push(&a->visit, (struct place){ .route = ROUTE_STAFF });
	s->view.page = STAFF_PAGE_PIN;
	log_info("staff mode: PIN pad opened");
	if (!s->env.data_dir) {
		s->view.no_pin = 1;
		say(a, 1,
		    "Deze kiosk heeft geen gegevensmap: de beheerstand "
		    "kan niet open.");
		return;
	}
	got = pin_load(s->env.data_dir, hash, sizeof(hash), &e);
	explicit_bzero(hash, sizeof(hash));
	if (got <= 0) {
		s->view.no_pin = 1;
		if (got < 0)
			say(a, 1, "%s", e.msg);
		return;
	}
	if (pin_lockout_load(s->env.data_dir, &l, &e) < 0)
		log_warn("PIN lockout state: %s", e.msg);
	if (pin_lockout_wait(&l, wall_now(a)) > 0)
		say_locked(a, pin_lockout_wait(&l, wall_now(a)));
}

static void try_pin(struct app *a)
{
	struct app_staff *s = &a->staff;
	struct err e = { "" };
	int64_t wait = 0;
	int left = 0;

	if (s->view.no_pin || s->view.ndigits == 0)
		return;
	switch (pin_try(s->env.data_dir, s->pin, wall_now(a), &left, &wait,
			&e)) {
	case PIN_OK:
		log_info("staff mode: opened");
		s->view.page = STAFF_PAGE_MENU;
		s->view.desktop = s->env.desktop_allowed;
		s->view.msg[0] = '\0';
		break;
	case PIN_WRONG:
		if (left > 0)
			say(a, 1,
			    "Deze pincode klopt niet. U kunt het nog %d "
			    "keer proberen.",
			    left);
		else
			say_locked(a, wait);
		break;
	case PIN_LOCKED:
		say_locked(a, wait);
		break;
	case PIN_NOT_SET:
		s->view.no_pin = 1;
		break;
	case PIN_BROKEN:
		say(a, 1, "%s", e.msg);
		break;
	}
	explicit_bzero(s->pin, sizeof(s->pin));
	s->view.ndigits = 0;
}

/* Finds the one stick; 0, or -1 with the page's message set. */
static int find_stick(struct app *a)
{
	struct app_staff *s = &a->staff;
	char sticks[STAFF_STICKS_MAX][STAFF_PATH_MAX];
	struct err e = { "" };
	int n = s->env.find_sticks ? s->env.find_sticks(s->env.ctx, sticks,
							STAFF_STICKS_MAX)
				   : 0;
	int i = staff_stick_pick(sticks, n, &e);

	if (i < 0) {
		say(a, 1, "%s", e.msg);
		return -1;
	}
	str_copy(s->stick, sizeof(s->stick), sticks[i]);
	return 0;
}

static void open_status(struct app *a)
{
	char lines[LOG_RECENT_MAX][LOG_RECENT_LINE];
	const char *errs[LOG_RECENT_MAX];
	struct staff_facts f = { 0 };
	int i;

	f.data_dir = a->staff.env.data_dir;
	f.pack_name = a->content ? a->content->name : NULL;
	f.pack_dir = a->content_dir;
	f.uptime_s = (int64_t)((a->now - a->staff.env.started_ms) / 1000);
	f.printer_configured = a->staff.env.printer_configured;
	f.print_fault = a->staff.print_fault[0] ? a->staff.print_fault : NULL;
	f.content = a->content;
	f.nerrors = log_recent(lines, LOG_RECENT_MAX);
	for (i = 0; i < f.nerrors; i++)
		errs[i] = lines[i];
	f.errors = errs;
	staff_status(&f, &a->staff.view.text);
}

/* The sign-up counts, and whether a stick is there to export to. */
static void open_signups(struct app *a)
{
	struct app_staff *s = &a->staff;
	struct staff_signups_info *in = xcalloc(1, sizeof(*in));
	struct err e = { "" };

	if (staff_signups_info(s->env.data_dir, in, &e) < 0) {
		say(a, 1, "%s", e.msg);
	} else {
		staff_signups_lines(in, a->content, &s->view.text);
		if (in->total > 0 && find_stick(a) == 0) {
			say(a, 0, "USB-stick gevonden: %s", s->stick);
			s->view.can_go = 1;
		} else if (in->total == 0) {
			say(a, 0, "Er zijn geen aanmeldingen op deze kiosk.");
		}
	}
	free(in);
}

static void open_page(struct app *a, int page)
{
	struct app_staff *s = &a->staff;
	struct err e = { "" };

	if (page < STAFF_PAGE_MENU || page > STAFF_PAGE_DESKTOP ||
	    (page == STAFF_PAGE_DESKTOP && !s->env.desktop_allowed))
		return;
	if (s->view.busy) /* the test slip is on its way */
		return;
	memset(&s->view.text, 0, sizeof(s->view.text));
	s->view.msg[0] = '\0';
	s->view.page = (enum staff_page)page;
	s->view.can_go = s->view.done = s->view.failed = 0;
	s->view.exported = s->view.confirm = 0;
	s->view.scroll = 0;
	s->stick[0] = s->pack[0] = '\0';
	switch (s->view.page) {
	case STAFF_PAGE_STATUS:
		open_status(a);
		break;
	case STAFF_PAGE_EXPORT:
		if (find_stick(a) == 0) {
			say(a, 0, "USB-stick gevonden: %s", s->stick);
			s->view.can_go = 1;
		}
		break;
	case STAFF_PAGE_SIGNUPS:
		open_signups(a);
		break;
	case STAFF_PAGE_PRINT:
		if (!s->env.printer_configured)
			say(a, 1,
			    "Er is geen bonnenprinter ingesteld. Zet onder "
			    "[printer] een regel 'device = /dev/usb/lp0' in "
			    "settings.ini in de gegevensmap.");
		else
			s->view.can_go = 1;
		break;
	case STAFF_PAGE_LOAD:
		if (find_stick(a) < 0)
			break;
		if (staff_pack_find(s->stick, s->pack, sizeof(s->pack), &e) <
		    0) {
			say(a, 1, "%s", e.msg);
			break;
		}
		if (staff_pack_check(s->pack, a->today, &s->view.text) == 0) {
			say(a, 0,
			    "Het pakket is in orde. Zet het op de "
			    "kiosk met \"Installeren\".");
			s->view.can_go = 1;
		} else {
			say(a, 1,
			    "Dit pakket kan zo niet op de kiosk. Los "
			    "de fouten hieronder op.");
		}
		break;
	default:
		break;
	}
}

static void do_export(struct app *a)
{
	struct app_staff *s = &a->staff;
	struct staff_export_result r;
	struct err e = { "" };

	if (!s->view.can_go)
		return;
	s->view.can_go = 0;
	if (staff_export(s->env.data_dir, s->stick, a->today, a->minute, &r,
			 &e) < 0) {
		say(a, 1, "%s", e.msg);
		log_warn("staff mode: export to a USB stick failed");
		return;
	}
	s->view.done = 1;
	say(a, 0, "U kunt de stick nu veilig verwijderen.");
	staff_text_add(&s->view.text, "%d %s in %d bestanden, in de map %s",
		       r.responses,
		       r.responses == 1 ? "antwoord" : "antwoorden", r.files,
		       r.folder);
}

static void do_signups_export(struct app *a)
{
	struct app_staff *s = &a->staff;
	struct staff_signups_result r;
	struct err e = { "" };

	if (!s->view.can_go)
		return;
	s->view.can_go = 0;
	s->view.confirm = 0;
	if (staff_signups_export(s->env.data_dir, s->stick, a->today, &r, &e) <
	    0) {
		say(a, 1, "%s", e.msg);
		log_warn("staff mode: sign-ups to a USB stick failed");
		return;
	}
	s->view.done = s->view.exported = 1;
	say(a, 0, "U kunt de stick nu veilig verwijderen.");
	memset(&s->view.text, 0, sizeof(s->view.text));
	staff_text_add(&s->view.text, "%d %s, in de map %s", r.signups,
		       r.signups == 1 ? "aanmelding" : "aanmeldingen",
		       r.folder);
	if (r.sealed)
		staff_text_add(&s->view.text,
			       "De aanmeldingen zijn versleuteld en blijven "
			       "dat: op de stick staat een kopie (%s). Lees "
			       "ze op de laptop met de geheime sleutel:",
			       SIGNUPS_FILE);
	if (r.sealed)
		staff_text_add(&s->view.text,
			       "kioskctl export --signups UITMAP --key "
			       "staff.key --data <de map op de stick>");
	else
		staff_text_add(&s->view.text,
			       "Per initiatief een CSV-bestand. Dit zijn "
			       "persoonsgegevens: geef elk bestand alleen "
			       "aan het initiatief zelf.");
}

/* "Wissen na export" asks once; "Ja, alles wissen" deletes. */
static void do_signups_purge(struct app *a, int sure, int expired)
{
	struct app_staff *s = &a->staff;
	struct err e = { "" };
	int removed = 0;

	if (!expired && !sure) {
		if (s->view.exported)
			s->view.confirm = 1;
		return;
	}
	if (!expired && !(s->view.exported && s->view.confirm))
		return;
	s->view.confirm = 0;
	if (staff_signups_purge(s->env.data_dir, a->today, expired, &removed,
				&e) < 0) {
		say(a, 1, "%s", e.msg);
		return;
	}
	if (!expired)
		s->view.exported = 0;
	s->view.can_go = 0;
	memset(&s->view.text, 0, sizeof(s->view.text));
	say(a, 0, "%d %s%s gewist.", removed,
	    removed == 1 ? "aanmelding" : "aanmeldingen",
	    expired ? " met een verlopen bewaartermijn" : "");
}

static void do_print(struct app *a)
{
	struct app_staff *s = &a->staff;
	const struct content *c = a->content;
	struct err e = { "" };

	if (!s->view.can_go || s->view.busy)
		return;
	if (test_slip_make(&s->slip, s->env.printer_device,
			   c && c->printer_paper_mm ? c->printer_paper_mm
						    : SLIP_PAPER_MM,
			   c ? c->name : NULL, c ? c->logo : NULL, &e) < 0) {
		say(a, 1, "%s", e.msg);
		return;
	}
	s->print_cmd = 1;
	s->view.busy = 1;
	s->view.done = 0;
	say(a, 0, "Bezig met printen\xE2\x80\xA6");
}

void app_staff_print_state(struct app *a, int ok, const char *why)
{
	struct app_staff *s = &a->staff;

	if (!ok)
		app_staff_print_fault(a, why);
	if (!s->view.busy)
		return; /* staff mode closed meanwhile */
	s->view.busy = 0;
	if (ok) {
		s->view.done = 1;
		say(a, 0,
		    "Het testbriefje is gelukt. Komt er niets uit de printer? "
		    "Kijk dan of dit de goede printer is.");
	} else {
		say(a, 1, "Het testbriefje is niet geprint: %s",
		    why && *why ? why : "onbekend");
	}
}

static void do_install(struct app *a)
{
	struct app_staff *s = &a->staff;
	struct err e = { "" };

	if (!s->view.can_go)
		return;
	s->view.can_go = 0;
	if (staff_pack_install(s->env.data_dir, s->pack, a->today, a->minute,
			       &e) < 0) {
		say(a, 1, "%s", e.msg);
		return;
	}
	s->view.done = 1;
	memset(&s->view.text, 0, sizeof(s->view.text));
	say(a, 0,
	    "Geïnstalleerd. U kunt de stick nu verwijderen. Na "
	    "\"Sluiten\" toont de kiosk het nieuwe pakket.");
}

int app_staff_apply(struct app *a, const struct screen_req *r)
{
	struct app_staff *s = &a->staff;
	int on_menu;

	if (r->kind != REQ_STAFF)
		return 0;
	if (r->value == STAFF_OP_ENTER) {
		enter(a);
		return 1;
	}
	if (!app_staff_open(a))
		return 1;
	on_menu = s->view.page != STAFF_PAGE_PIN;
	switch ((enum staff_op)r->value) {
	case STAFF_OP_DIGIT:
		if (s->view.ndigits < PIN_MAX_DIGITS && r->x >= 0 &&
		    r->x <= 9) {
			s->pin[s->view.ndigits++] = (char)('0' + r->x);
			s->view.msg[0] = '\0';
		}
		break;
	case STAFF_OP_ERASE:
		if (s->view.ndigits > 0)
			s->pin[--s->view.ndigits] = '\0';
		break;
	case STAFF_OP_OK:
		try_pin(a);
		break;
	case STAFF_OP_PAGE:
		if (on_menu)
			open_page(a, r->x);
		break;
	case STAFF_OP_EXPORT:
		if (on_menu && s->view.page == STAFF_PAGE_EXPORT)
			do_export(a);
		break;
	case STAFF_OP_INSTALL:
		if (on_menu && s->view.page == STAFF_PAGE_LOAD)
			do_install(a);
		break;
	case STAFF_OP_RESTART:
		if (on_menu && s->view.page == STAFF_PAGE_RESTART) {
			log_info("staff mode: restart asked");
			s->restart = 1;
			say(a, 0, "De kiosk start opnieuw.");
		}
		break;
	case STAFF_OP_DESKTOP:
		if (on_menu && s->view.page == STAFF_PAGE_DESKTOP &&
		    s->env.desktop_allowed) {
			log_info("staff mode: leaving for the desktop");
			s->desktop = 1;
			say(a, 0, "De kiosk stopt.");
		}
		break;
	case STAFF_OP_SCROLL:
		s->view.scroll = r->x < 0 ? 0 : r->x;
		break;
	case STAFF_OP_CLOSE:
		log_info("staff mode: closed");
		app_wipe(a);
		break;
	case STAFF_OP_SIGNUPS_EXPORT:
		if (on_menu && s->view.page == STAFF_PAGE_SIGNUPS)
			do_signups_export(a);
		break;
	case STAFF_OP_SIGNUPS_PURGE:
	case STAFF_OP_SIGNUPS_SURE:
	case STAFF_OP_SIGNUPS_EXPIRED:
		if (on_menu && s->view.page == STAFF_PAGE_SIGNUPS)
			do_signups_purge(a, r->value == STAFF_OP_SIGNUPS_SURE,
					 r->value == STAFF_OP_SIGNUPS_EXPIRED);
		break;
	case STAFF_OP_PRINT:
		if (on_menu && s->view.page == STAFF_PAGE_PRINT)
			do_print(a);
		break;
	case STAFF_OP_ENTER:
		break;
	}
	return 1;
}
