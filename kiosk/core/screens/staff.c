/*
 * staff: the screens of staff mode, always in Dutch (staff's language,
 * whatever a visitor chose before): the PIN pad with large keys that
 * shows dots, never digits; the menu; status; export to a USB stick; a
 * content pack from a USB stick; sign-ups (to a stick, delete); a test
 * slip; restart. What they say comes from the
 * staff_view the app keeps (core/app/app_staff.c); a tap asks REQ_STAFF.
 * Not reachable by the walker: previews and checks never open it.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/pin.h"
#include "core/screens/families.h"

#define KEY_MM	    26.0 /* a key of the PIN pad */
#define KEY_GAP_MM  4.0
#define WIDE_MM	    170.0 /* a menu button */
#define TEXT_GAP_MM 6.0

static const char *tr(const struct screen_ctx *c, const char *key)
{
	int nl = i18n_find(c->i18n, "nl");

	return i18n_get(c->i18n, nl < 0 ? 0 : nl, key);
}

static void ask(const struct screen_ctx *c, enum staff_op op, int x)
{
	screen_ask(c, (struct screen_req){
			      .kind = REQ_STAFF, .value = op, .x = x });
}

static int button(const struct screen_ctx *c, const char *id, int x, int y,
		  int w, const char *label, enum style_id style)
{
	int bh = ui_mm(c->ui, BUTTON_H_MM);

	return ui_button(c->ui, id, (struct rect){ x, y, w, bh }, label, style);
}

/* The page's message: red when it is an error, large when asked. */
static int message(const struct screen_ctx *c, int x, int y, int w, int big)
{
	const struct staff_view *v = c->staff;
	struct color col = v->failed ? c->theme->accent : c->theme->text;

	if (!v->msg[0])
		return 0;
	return ui_text(c->ui, (struct rect){ x, y, w, 0 }, v->msg,
		       big ? FONT_HERO : FONT_TITLE, UI_ALIGN_START, col) +
	       ui_mm(c->ui, TEXT_GAP_MM);
}

static void draw_pin(const struct screen_ctx *c, int x, int y)
{
	const struct staff_view *v = c->staff;
	struct ui *ui = c->ui;
	int k = ui_mm(ui, KEY_MM), g = ui_mm(ui, KEY_GAP_MM), i;
	int w = c->width - 2 * x;
	char dots[3 * PIN_MAX_DIGITS + 1] = "";

	if (v->no_pin) {
		y += message(c, x, y, w, 0);
		ui_text(ui, (struct rect){ x, y, w, 0 }, tr(c, "staff.no_pin"),
			FONT_TITLE, UI_ALIGN_START, c->theme->text);
		return;
	}
	for (i = 0; i < v->ndigits; i++)
		strcat(dots, "\xE2\x97\x8F"); /* U+25CF, a dot per digit */
	y += ui_text(ui, (struct rect){ x, y, w, 0 },
		     v->ndigits ? dots : tr(c, "staff.pin_hint"), FONT_TITLE,
		     UI_ALIGN_START, c->theme->text) +
	     ui_mm(ui, TEXT_GAP_MM);
	y += message(c, x, y, w, 0);
	for (i = 0; i < 12; i++) {
		static const char *const labels[12] = { "1", "2",  "3", "4",
							"5", "6",  "7", "8",
							"9", NULL, "0", NULL };
		struct rect r = { x + (i % 3) * (k * 3 / 2 + g),
				  y + (i / 3) * (k + g), k * 3 / 2, k };
		const char *label = labels[i] ? labels[i]
				    : i == 9  ? tr(c, "staff.erase")
					      : tr(c, "staff.ok");
		char id[16];

		snprintf(id, sizeof(id), "pin-%d", i);
		if (!ui_button(ui, id, r, label,
			       i == 11 ? STYLE_PRIMARY : STYLE_SECONDARY))
			continue;
		if (labels[i])
			ask(c, STAFF_OP_DIGIT, labels[i][0] - '0');
		else
			ask(c, i == 9 ? STAFF_OP_ERASE : STAFF_OP_OK, 0);
	}
}

static void draw_menu(const struct screen_ctx *c, int x, int y)
{
	static const struct {
		const char *key;
		enum staff_page page;
	} items[] = {
		{ "staff.status", STAFF_PAGE_STATUS },
		{ "staff.export", STAFF_PAGE_EXPORT },
		{ "staff.load", STAFF_PAGE_LOAD },
		{ "staff.signups", STAFF_PAGE_SIGNUPS },
		{ "staff.print", STAFF_PAGE_PRINT },
		{ "staff.restart", STAFF_PAGE_RESTART },
		{ "staff.desktop", STAFF_PAGE_DESKTOP },
	};
	int w = ui_mm(c->ui, WIDE_MM), step = ui_mm(c->ui, BUTTON_H_MM + 5);
	int bottom = c->height - ui_mm(c->ui, MARGIN_MM + 2 * BUTTON_H_MM);
	int rows = (bottom - y) / step, col = w + ui_mm(c->ui, 8);
	size_t i;

	if (rows < 1)
		rows = 1;
	/* a second column when the screen is not high enough for one */
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++)
		if ((items[i].page != STAFF_PAGE_DESKTOP || c->staff->desktop) &&
		    button(c, items[i].key, x + (int)i / rows * col,
			   y + (int)i % rows * step, w, tr(c, items[i].key),
			   STYLE_SECONDARY))
			ask(c, STAFF_OP_PAGE, (int)items[i].page);
}

/* The long text from line `scroll` on, as far as `bottom`; "Vorige" and
 * "Volgende" when it goes on. */
static void long_text(const struct screen_ctx *c, int x, int y, int w,
		      int bottom)
{
	const struct staff_view *v = c->staff;
	struct ui *ui = c->ui;
	const char *p = v->text.s;
	int line = 0, lh = ui_line_h(ui, FONT_BODY), more = 0;
	int bw = chrome_button_w(c, tr(c, "nav.previous"));

	bottom -= ui_mm(ui, BUTTON_H_MM + 4);
	while (*p) {
		size_t n = strcspn(p, "\n");
		struct text_run run = { p, n, 0 };

		if (line >= v->scroll) {
			int h = ui_text_lines(ui, &run, 1, FONT_BODY, w, 0) *
				lh;

			if (y + h > bottom) {
				more = 1;
				break;
			}
			ui_text_runs(ui, &run, 1, FONT_BODY, x, y, w,
				     UI_ALIGN_START, c->theme->text, 0, -1,
				     UI_RECORD);
			y += h;
		}
		line++;
		p += n + (p[n] == '\n');
	}
	if (v->scroll > 0 && button(c, "prev", x, bottom + ui_mm(ui, 2), bw,
				    tr(c, "nav.previous"), STYLE_SECONDARY))
		ask(c, STAFF_OP_SCROLL, v->scroll - 4);
	if (more &&
	    button(c, "next", x + bw + ui_mm(ui, 4), bottom + ui_mm(ui, 2), bw,
		   tr(c, "nav.next"), STYLE_SECONDARY))
		ask(c, STAFF_OP_SCROLL, v->scroll + 4);
}

static const char *page_title(const struct screen_ctx *c)
{
	switch (c->staff->page) {
	case STAFF_PAGE_PIN:
		return tr(c, "staff.pin_title");
	case STAFF_PAGE_MENU:
		return tr(c, "staff.title");
	case STAFF_PAGE_STATUS:
		return tr(c, "staff.status");
	case STAFF_PAGE_EXPORT:
		return tr(c, "staff.export");
	case STAFF_PAGE_LOAD:
		return tr(c, "staff.load");
	case STAFF_PAGE_SIGNUPS:
		return tr(c, "staff.signups");
	case STAFF_PAGE_PRINT:
		return tr(c, "staff.print");
	case STAFF_PAGE_RESTART:
		return tr(c, "staff.restart");
	case STAFF_PAGE_DESKTOP:
		return tr(c, "staff.desktop");
	}
	return "";
}

/* The sign-ups page's buttons under its message: to the stick, then
 * "Wissen na export" (asks once) and the expired ones. Returns y below. */
static int signup_actions(const struct screen_ctx *c, int x, int y, int w)
{
	const struct staff_view *v = c->staff;
	struct ui *ui = c->ui;
	int bh = ui_mm(ui, BUTTON_H_MM), gap = ui_mm(ui, 6);
	int bw = ui_mm(ui, 120);

	if (v->confirm) {
		y += ui_text(ui, (struct rect){ x, y, w, 0 },
			     tr(c, "staff.signups_sure"), FONT_TITLE,
			     UI_ALIGN_START, c->theme->accent) +
		     ui_mm(ui, TEXT_GAP_MM);
		if (button(c, "sure", x, y, bw, tr(c, "staff.signups_yes"),
			   STYLE_PRIMARY))
			ask(c, STAFF_OP_SIGNUPS_SURE, 0);
		return y + bh + ui_mm(ui, TEXT_GAP_MM);
	}
	if (v->can_go) {
		y += ui_text(ui, (struct rect){ x, y, w, 0 },
			     tr(c, "staff.signups_hint"), FONT_BODY,
			     UI_ALIGN_START, c->theme->text) +
		     ui_mm(ui, TEXT_GAP_MM);
		if (button(c, "to-stick", x, y, bw,
			   tr(c, "staff.signups_export"), STYLE_PRIMARY))
			ask(c, STAFF_OP_SIGNUPS_EXPORT, 0);
		y += bh + gap;
	}
	if (v->exported &&
	    button(c, "purge", x, y, bw, tr(c, "staff.signups_purge"),
		   STYLE_SECONDARY))
		ask(c, STAFF_OP_SIGNUPS_PURGE, 0);
	if (button(c, "expired", v->exported ? x + bw + gap : x, y, bw,
		   tr(c, "staff.signups_expired"), STYLE_SECONDARY))
		ask(c, STAFF_OP_SIGNUPS_EXPIRED, 0);
	return y + bh + ui_mm(ui, TEXT_GAP_MM);
}

static void draw(const struct screen_ctx *c)
{
	const struct staff_view *v = c->staff;
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), bh = ui_mm(ui, BUTTON_H_MM);
	int w = c->width - 2 * m, bottom = c->height - m - bh, y;
	int bw = ui_mm(ui, 60), gap = ui_mm(ui, 6);
	const char *action = NULL;
	enum staff_op op = STAFF_OP_EXPORT;

	y = chrome_header(c, m, page_title(c)) + ui_mm(ui, 8);
	/* on every page: leave staff mode; below the menu: back to it */
	if (button(c, "close", m, bottom, bw, tr(c, "nav.close"),
		   STYLE_PRIMARY)) {
		ask(c, STAFF_OP_CLOSE, 0);
		return;
	}
	if (v->page > STAFF_PAGE_MENU &&
	    button(c, "menu", m + bw + gap, bottom, bw, tr(c, "nav.back"),
		   STYLE_SECONDARY)) {
		ask(c, STAFF_OP_PAGE, STAFF_PAGE_MENU);
		return;
	}
	bottom -= ui_mm(ui, 6);
	switch (v->page) {
	case STAFF_PAGE_PIN:
		draw_pin(c, m, y);
		return;
	case STAFF_PAGE_MENU:
		draw_menu(c, m, y);
		return;
	case STAFF_PAGE_STATUS:
		break;
	case STAFF_PAGE_EXPORT:
		if (!v->done && !v->msg[0])
			break;
		if (v->can_go) {
			y += ui_text(ui, (struct rect){ m, y, w, 0 },
				     tr(c, "staff.export_hint"), FONT_BODY,
				     UI_ALIGN_START, c->theme->text) +
			     ui_mm(ui, TEXT_GAP_MM);
			action = tr(c, "staff.do_export");
		}
		break;
	case STAFF_PAGE_LOAD:
		if (v->can_go) {
			action = tr(c, "staff.install");
			op = STAFF_OP_INSTALL;
		}
		break;
	case STAFF_PAGE_SIGNUPS:
		y += message(c, m, y, w, v->done);
		y = signup_actions(c, m, y, w);
		long_text(c, m, y, w, bottom);
		return;
	case STAFF_PAGE_PRINT:
		if (v->can_go && !v->busy) {
			y += ui_text(ui, (struct rect){ m, y, w, 0 },
				     tr(c, "staff.print_hint"), FONT_BODY,
				     UI_ALIGN_START, c->theme->text) +
			     ui_mm(ui, TEXT_GAP_MM);
			action = tr(c, "staff.print_do");
			op = STAFF_OP_PRINT;
		}
		break;
	case STAFF_PAGE_RESTART:
		if (!v->msg[0]) {
			y += ui_text(ui, (struct rect){ m, y, w, 0 },
				     tr(c, "staff.restart_ask"), FONT_TITLE,
				     UI_ALIGN_START, c->theme->text) +
			     ui_mm(ui, TEXT_GAP_MM);
			action = tr(c, "staff.restart_yes");
			op = STAFF_OP_RESTART;
		}
		break;
	case STAFF_PAGE_DESKTOP:
		if (!v->msg[0]) {
			y += ui_text(ui, (struct rect){ m, y, w, 0 },
				     tr(c, "staff.desktop_ask"), FONT_TITLE,
				     UI_ALIGN_START, c->theme->text) +
			     ui_mm(ui, TEXT_GAP_MM);
			action = tr(c, "staff.desktop_yes");
			op = STAFF_OP_DESKTOP;
		}
		break;
	}
	y += message(c, m, y, w, v->page == STAFF_PAGE_EXPORT && v->done);
	if (action) {
		if (button(c, "action", m, y, ui_mm(ui, 120), action,
			   STYLE_PRIMARY)) {
			ask(c, op, 0);
			return;
		}
		y += bh + ui_mm(ui, TEXT_GAP_MM);
	}
	long_text(c, m, y, w, bottom);
}

static int one(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	(void)c;
	if (size)
		out[0] = '\0';
}

const struct screen_family screen_staff = { "staff", draw, one, NULL, file };
