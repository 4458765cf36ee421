/*
 * initiatives: "Doe mee" (kind = initiatives). Citizen initiatives that
 * want new people, as cards with a photo; one initiative on a screen of
 * its own (what they do, when and where, who they look for, who answers);
 * and "Ik doe mee", which offers two ways: a QR code that opens the
 * visitor's phone with a message to the initiative, and, for people
 * without a smartphone, a sign-up on the kiosk (signup.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"
#include "core/screens/form.h"
#include "core/screens/message.h"

/* ---- the list (the tile itself) ---- */

static struct chrome_grid grid_of(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	/* room for two lines of name and two of when, at any text size */
	int h = 2 * ui_mm(ui, 4) + 2 * ui_line_h(ui, FONT_BUTTON) +
		2 * ui_line_h(ui, FONT_BODY) + ui_mm(ui, 2);

	return chrome_card_grid(c, h > ui_mm(ui, 45) ? h : ui_mm(ui, 45));
}

static int list_parts(const struct screen_ctx *c)
{
	struct chrome_grid g = grid_of(c);

	return chrome_pages(screen_tile(c)->ninitiatives, g.rows * g.cols);
}

static void open_initiative(const struct screen_ctx *c, int k)
{
	screen_ask(c, (struct screen_req){ .kind = REQ_OPEN,
					   .to = { .route = ROUTE_INITIATIVE,
						   .tile = c->at->tile,
						   .item = k } });
}

/* A card: the photo at the start, the name and when at the end. The whole
 * card is one button. */
static void card(const struct screen_ctx *c, const struct initiative *in, int k,
		 struct rect r)
{
	struct ui *ui = c->ui;
	int pad = ui_mm(ui, 4), ph = r.h - 2 * pad, pw = ph * 4 / 3;
	int tx = r.x + pad, tw, tl, lh = ui_line_h(ui, FONT_BUTTON);
	const char *title = text_get(&in->title, c->visit->lang);
	const char *when = text_get(&in->when, c->visit->lang);
	struct text_run run;
	struct rect pr;
	char id[80];

	snprintf(id, sizeof(id), "initiative:%s", in->id);
	if (ui_button_frame(ui, id, r, title, STYLE_TILE))
		open_initiative(c, k);
	if (in->photo) {
		/* at the start: the ui mirrors the frame in Arabic */
		pr = (struct rect){ tx, r.y + pad, pw, ph };
		draw_image(&ui->dl, pr, in->photo, 0,
			   (struct rect){ 0, 0, 0, 0 });
		tx += pw + pad;
	}
	tw = r.x + r.w - pad - tx;
	run = (struct text_run){ title, strlen(title), 1 };
	tl = ui_text_runs(
		ui, &run, 1, FONT_BUTTON, tx, r.y + pad, tw, UI_ALIGN_START,
		theme_fg(c->theme, STYLE_TILE, UI_NORMAL), 0, 2, UI_CLIP);
	if (*when) {
		run = (struct text_run){ when, strlen(when), 0 };
		ui_text_runs(ui, &run, 1, FONT_BODY, tx,
			     r.y + pad + (tl > 1 ? 2 : 1) * lh + ui_mm(ui, 2),
			     tw, UI_ALIGN_START,
			     theme_fg(c->theme, STYLE_TILE, UI_NORMAL), 0, 2,
			     UI_RECORD | UI_CLIP);
	}
}

static void list_draw(const struct screen_ctx *c)
{
	const struct tile *t = screen_tile(c);
	struct chrome_grid g = grid_of(c);
	int per = g.rows * g.cols, i, top;
	int pages = chrome_pages(t->ninitiatives, per);
	int part = chrome_clamp(c->at->part, pages);
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	for (i = 0; i < per && part * per + i < t->ninitiatives; i++)
		card(c, &t->initiatives[part * per + i], part * per + i,
		     chrome_grid_cell(c, &g, i));
	chrome_part_label(c, "nav.part", part, pages, where, sizeof(where));
	chrome_footer(c, part, pages, where);
}

static int list_reach(const struct screen_ctx *c, int i, struct place *to)
{
	if (i >= screen_tile(c)->ninitiatives)
		return 0;
	*to = (struct place){ .route = ROUTE_INITIATIVE,
			      .tile = c->at->tile,
			      .item = i };
	return 1;
}

const struct screen_family screen_initiatives = { "initiatieven", list_draw,
						  list_parts, list_reach,
						  form_initiatives_file };

/* ---- one initiative ---- */

/* "Wanneer: ..." as a label and its text; returns the height. */
static int labelled(const struct screen_ctx *c, int x, int y, int w,
		    const char *key, const char *text)
{
	char line[1200];
	const char *args[1] = { text };

	if (!text || !*text)
		return 0;
	i18n_format(line, sizeof(line), screen_tr(c, key), args, 1);
	return ui_text(c->ui, (struct rect){ x, y, w, 0 }, line, FONT_BODY,
		       UI_ALIGN_START, c->theme->text) +
	       ui_mm(c->ui, 2);
}

static void initiative_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct initiative *in = form_initiative(c);
	int lang = c->visit->lang, m = ui_mm(ui, MARGIN_MM), top, y, x, w;
	int pw = ui_mm(ui, 110);
	const char *join = screen_tr(c, "join.button");

	if (!in || chrome_header_back(c, text_get(&in->title, lang), &top))
		return;
	y = chrome_body_top(c);
	x = m;
	w = c->width - 2 * m;
	if (in->photo) {
		draw_image(&ui->dl, (struct rect){ m, y, pw, pw * 3 / 4 },
			   in->photo, 0, (struct rect){ 0, 0, 0, 0 });
		x += pw + ui_mm(ui, 8);
		w -= pw + ui_mm(ui, 8);
	}
	y += ui_text(ui, (struct rect){ x, y, w, 0 }, text_get(&in->what, lang),
		     FONT_BODY, UI_ALIGN_START, c->theme->text) +
	     ui_mm(ui, 4);
	y += labelled(c, x, y, w, "join.when", text_get(&in->when, lang));
	y += labelled(c, x, y, w, "join.where", text_get(&in->where, lang));
	y += labelled(c, x, y, w, "join.looking",
		      text_get(&in->looking_for, lang));
	y += labelled(c, x, y, w, "join.contact", in->contact_name);
	(void)y;
	if (chrome_foot_button(c, "join", join, "next", 1, STYLE_PRIMARY))
		screen_ask(c, (struct screen_req){
				      .kind = REQ_OPEN,
				      .to = { .route = ROUTE_JOIN,
					      .tile = c->at->tile,
					      .item = c->at->item } });
}

static int initiative_reach(const struct screen_ctx *c, int i, struct place *to)
{
	if (i > 0)
		return 0;
	*to = *c->at;
	to->route = ROUTE_JOIN;
	return 1;
}

const struct screen_family screen_initiative = { "initiatief", initiative_draw,
						 form_one_part,
						 initiative_reach,
						 form_initiatives_file };

/* ---- "Ik doe mee": with a phone, or here ---- */

static void join_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct initiative *in = form_initiative(c);
	int lang = c->visit->lang, m = ui_mm(ui, MARGIN_MM), top, y;
	int gap = ui_mm(ui, 12), half, shortened, bottom;
	char subject[256], body[MESSAGE_BODY_MAX],
		payload[REACH_PAYLOAD_MAX + 1];
	char says[400];

	if (!in || chrome_header_back(c, text_get(&in->title, lang), &top))
		return;
	y = chrome_body_top(c);
	bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	half = in->signup ? (c->width - 2 * m - gap) / 2 : c->width - 2 * m;

	/* with a phone */
	y += ui_text(ui, (struct rect){ m, y, half, 0 },
		     screen_tr(c, "join.phone"), FONT_TITLE, UI_ALIGN_START,
		     c->theme->text) +
	     ui_mm(ui, 3);
	message_join(c, in, subject, sizeof(subject), body, sizeof(body));
	if (message_qr(c, &in->reach, subject, body, payload, sizeof(payload),
		       says, sizeof(says), &shortened) == 0)
		chrome_qr(c, (struct rect){ m, y, half, bottom - y }, payload,
			  says);

	/* or here, without one */
	if (in->signup) {
		int x = m + half + gap, by;
		const char *here = screen_tr(c, "join.here_button");
		const char *args[1] = { in->contact_name
						? in->contact_name
						: text_get(&in->title, lang) };
		char line[600];

		y = chrome_body_top(c);
		y += ui_text(ui, (struct rect){ x, y, half, 0 },
			     screen_tr(c, "join.here"), FONT_TITLE,
			     UI_ALIGN_START, c->theme->text) +
		     ui_mm(ui, 3);
		i18n_format(line, sizeof(line), screen_tr(c, "join.here_text"),
			    args, 1);
		by = y +
		     ui_text(ui, (struct rect){ x, y, half, 0 }, line,
			     FONT_BODY, UI_ALIGN_START, c->theme->text) +
		     ui_mm(ui, 8);
		if (ui_button(ui, "join-here",
			      (struct rect){ x, by, half, ui_mm(ui, 26) }, here,
			      STYLE_PRIMARY))
			form_ask(c, FORM_SIGNUP_START, c->at->item, 0);
	}
}

/* The sign-up form's first step, for previews and tests. */
static int join_reach(const struct screen_ctx *c, int i, struct place *to)
{
	const struct initiative *in = form_initiative(c);

	if (i > 0 || !in || !in->signup)
		return 0;
	*to = *c->at;
	to->route = ROUTE_SIGNUP;
	to->step = 0;
	return 1;
}

const struct screen_family screen_join = { "doe-mee", join_draw, form_one_part,
					   join_reach, form_initiatives_file };
