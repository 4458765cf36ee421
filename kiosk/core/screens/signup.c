/*
 * signup: joining an initiative without a smartphone. Three short steps on
 * the on-screen keyboard: the first name, a phone number or e-mail
 * address (checked for form when going on), and the initiative's own
 * consent text with a big "Ja, dat is goed" (never a small box to tick).
 * Then a thank-you that says what happens next, on screen and, where a
 * printer is set up, on a slip. What the visitor types is personal: shown,
 * never read aloud, and gone from the visit once saved.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"
#include "core/screens/form.h"

/* "Aanmelden voor De Moestuin" above every step. */
static int title(const struct screen_ctx *c, const struct initiative *in,
		 int *top)
{
	const char *args[1] = { text_get(&in->title, c->visit->lang) };
	char line[400];

	i18n_format(line, sizeof(line), screen_tr(c, "signup.title"), args, 1);
	return chrome_header_back(c, line, top);
}

/* Step 0 (the first name) and step 1 (phone or e-mail). */
static void field_step(const struct screen_ctx *c, const struct initiative *in)
{
	struct ui *ui = c->ui;
	const struct visit *v = c->visit;
	int step = c->at->step, m = ui_mm(ui, MARGIN_MM), w = c->width - 2 * m;
	int y = chrome_body_top(c) - ui_mm(ui, 4);
	int bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	const char *text = step == 0 ? v->signup_name : v->signup_contact;
	char where[64], why[600];
	const char *args[1] = { in->contact_name
					? in->contact_name
					: text_get(&in->title, v->lang) };

	chrome_part_label(c, "signup.where", step, 3, where, sizeof(where));
	y += ui_text(ui, (struct rect){ m, y, w, 0 }, where, FONT_BODY,
		     UI_ALIGN_START, c->theme->text);
	y += ui_text(ui, (struct rect){ m, y, w, 0 },
		     screen_tr(c, step == 0 ? "signup.name" : "signup.contact"),
		     FONT_TITLE, UI_ALIGN_START, c->theme->text);
	if (step == 1 && v->signup_problem)
		/* said plainly, where the eye already is */
		y += ui_text(ui, (struct rect){ m, y, w, 0 },
			     screen_tr(c, "signup.contact_bad"), FONT_BODY,
			     UI_ALIGN_START, c->theme->accent);
	i18n_format(why, sizeof(why),
		    screen_tr(c, step == 0 ? "signup.name_why"
					   : "signup.contact_why"),
		    args, 1);
	form_typing(c, text,
		    step == 0 ? SIGNUP_NAME_CHARS : SIGNUP_CONTACT_CHARS, why,
		    1, y + ui_mm(ui, 2), bottom);
	if (chrome_foot_button(c, "signup-stop", screen_tr(c, "signup.stop"),
			       "close", 0, STYLE_SECONDARY))
		form_ask(c, FORM_CONSENT, 0, 0);
	if (text[0] &&
	    chrome_foot_button(c, "signup-next", screen_tr(c, "nav.next"),
			       "next", 1, STYLE_PRIMARY))
		form_ask(c, FORM_NEXT, 0, 0);
}

/* Step 2: what was typed, the consent text and a clear yes or no, the
 * two answers in the row above the bottom bar where every screen keeps
 * its "Volgende". */
static void consent_step(const struct screen_ctx *c,
			 const struct initiative *in)
{
	struct ui *ui = c->ui;
	const struct visit *v = c->visit;
	int m = ui_mm(ui, MARGIN_MM), x, col = chrome_column(c, &x);
	int y = chrome_body_top(c) - ui_mm(ui, 4);
	int bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	int lh = ui_line_h(ui, FONT_BODY), lines;
	const char *args[2] = { v->signup_name, v->signup_contact };
	const char *consent = text_get(&in->consent, v->lang);
	struct text_run run = { consent, strlen(consent), 0 };
	char where[64], line[1200];

	/* larger letters take the whole width, so the text still fits */
	if (v->large) {
		x = m;
		col = c->width - 2 * m;
	}
	chrome_part_label(c, "signup.where", 2, 3, where, sizeof(where));
	y += ui_text(ui, (struct rect){ x, y, col, 0 }, where, FONT_BODY,
		     UI_ALIGN_START, c->theme->text);
	y += ui_text(ui, (struct rect){ x, y, col, 0 },
		     screen_tr(c, "signup.check"), FONT_TITLE, UI_ALIGN_START,
		     c->theme->text);
	i18n_format(line, sizeof(line), screen_tr(c, "signup.you"), args, 2);
	ui->dl.quiet = 1;
	y += ui_text(ui, (struct rect){ x, y, col, 0 }, line, FONT_BODY,
		     UI_ALIGN_START, c->theme->text) +
	     ui_mm(ui, 3);
	ui->dl.quiet = 0;
	/* the consent as far as it fits; a text that does not is noted
	 * for the staff's check */
	lines = (bottom - y) / lh;
	ui_text_runs(ui, &run, 1, FONT_BODY, x, y, col, UI_ALIGN_START,
		     c->theme->text, 0, lines > 0 ? lines : 1,
		     UI_RECORD | UI_CLIP);
	if (chrome_foot_button(c, "signup-no", screen_tr(c, "signup.no"),
			       "close", 0, STYLE_SECONDARY))
		form_ask(c, FORM_CONSENT, 0, 0);
	if (chrome_foot_button(c, "signup-yes", screen_tr(c, "signup.yes"),
			       "next", 1, STYLE_PRIMARY))
		form_ask(c, FORM_CONSENT, 0, 1);
}

static void form_draw(const struct screen_ctx *c)
{
	const struct initiative *in = form_initiative(c);
	int top;

	if (!in || title(c, in, &top))
		return;
	if (c->at->step < 2)
		field_step(c, in);
	else
		consent_step(c, in);
}

/* The next step, for previews and tests; after the consent both ends:
 * signed up, and not saved. */
static int form_reach(const struct screen_ctx *c, int i, struct place *to)
{
	if (i > (c->at->step == 2))
		return 0;
	*to = *c->at;
	if (c->at->step < 2) {
		to->step++;
	} else {
		to->route = ROUTE_SIGNUP_DONE;
		to->step = !i;
	}
	return 1;
}

const struct screen_family screen_signup = { "aanmelden", form_draw,
					     form_one_part, form_reach,
					     form_initiatives_file };

/* ---- signed up ---- */

static void done_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct initiative *in = form_initiative(c);
	const struct visit *v = c->visit;
	int x, col = chrome_column(c, &x), top, y, saved = c->at->step;
	const char *args[2];
	char line[1200];

	if (!in || chrome_header_back(c, text_get(&in->title, v->lang), &top))
		return;
	y = chrome_body_top(c);
	args[0] = v->signup_name;
	args[1] = text_get(&in->title, v->lang);
	i18n_format(line, sizeof(line),
		    screen_tr(c, saved ? "signup.thanks" : "signup.failed"),
		    args, 2);
	ui->dl.quiet = 1; /* it holds the name */
	y += ui_text(ui, (struct rect){ x, y, col, 0 }, line,
		     saved ? FONT_HERO : FONT_TITLE, UI_ALIGN_START,
		     c->theme->text) +
	     ui_mm(ui, 4);
	ui->dl.quiet = 0;
	if (saved && in->next.s[0]) {
		y += ui_text(ui, (struct rect){ x, y, col, 0 },
			     screen_tr(c, "signup.next"), FONT_TITLE,
			     UI_ALIGN_START, c->theme->text);
		y += ui_text(ui, (struct rect){ x, y, col, 0 },
			     text_get(&in->next, v->lang), FONT_BODY,
			     UI_ALIGN_START, c->theme->text) +
		     ui_mm(ui, 4);
	}
	if (!saved)
		y += ui_text(ui, (struct rect){ x, y, col, 0 },
			     screen_tr(c, "signup.failed_how"), FONT_BODY,
			     UI_ALIGN_START, c->theme->text);
	form_print_state(c, x, y, col);
	if (saved && c->printer && c->print_state != PRINT_BUSY &&
	    chrome_foot_button(c, "signup-print", screen_tr(c, "print.button"),
			       "print", 0, STYLE_SECONDARY))
		form_ask(c, FORM_PRINT, 0, 0);
	if (chrome_foot_button(c, "signup-done", screen_tr(c, "ask.done"),
			       "home", 1, STYLE_PRIMARY))
		screen_ask(c, (struct screen_req){
				      .kind = REQ_OPEN,
				      .to = { .route = ROUTE_HOME } });
}

const struct screen_family screen_signup_done = { "aangemeld", done_draw,
						  form_one_part, NULL,
						  form_initiatives_file };
