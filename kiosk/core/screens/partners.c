/*
 * partners: the organisations that work together in the wijk (kind =
 * partners), as cards with a logo, the name, a line on what they do and
 * how to reach them. Two columns, one with larger letters.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static struct chrome_grid grid_of(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;

	return chrome_card_grid(c, ui_line_h(ui, FONT_BODY) * 4 + ui_mm(ui, 8));
}

static int parts(const struct screen_ctx *c)
{
	struct chrome_grid g = grid_of(c);

	return chrome_pages(screen_tile(c)->npartners, g.rows * g.cols);
}

/* What kind of contact it is: an e-mail address, a web address or (by
 * default) a phone number. */
static const char *contact_key(const char *contact)
{
	if (strchr(contact, '@'))
		return "partners.mail";
	if (strncmp(contact, "http", 4) == 0 ||
	    strncmp(contact, "www.", 4) == 0)
		return "partners.web";
	return "partners.phone";
}

static void card(const struct screen_ctx *c, const struct partner *p,
		 struct rect r)
{
	struct ui *ui = c->ui;
	int lh = ui_line_h(ui, FONT_BODY), logo = ui_mm(ui, 22);
	int tx = r.x + ui_mm(ui, 5), tw;
	struct text_run run;
	const char *line;

	draw_rect(&ui->dl, r, (struct color){ 255, 255, 255, 255 },
		  ui_mm(ui, c->theme->radius_mm));
	if (p->logo) {
		draw_image(&ui->dl,
			   (struct rect){ tx, r.y + ui_mm(ui, 4), logo, logo },
			   p->logo, 0, (struct rect){ 0, 0, 0, 0 });
		tx += logo + ui_mm(ui, 5);
	}
	tw = r.x + r.w - ui_mm(ui, 5) - tx;
	run = (struct text_run){ p->name, strlen(p->name), 1 };
	ui_text_runs(ui, &run, 1, FONT_BODY, tx, r.y + ui_mm(ui, 3), tw,
		     UI_ALIGN_START, c->theme->text, 0, 1, UI_RECORD | UI_CLIP);
	line = text_get(&p->line, c->visit->lang);
	run = (struct text_run){ line, strlen(line), 0 };
	ui_text_runs(ui, &run, 1, FONT_BODY, tx, r.y + ui_mm(ui, 3) + lh, tw,
		     UI_ALIGN_START, c->theme->text, 0, p->contact ? 2 : 3,
		     UI_RECORD | UI_CLIP);
	if (p->contact) {
		/* the way to reach them on a line of its own, with a word
		 * that says what it is */
		const char *args[1] = { p->contact };
		char how[600];

		i18n_format(how, sizeof(how),
			    screen_tr(c, contact_key(p->contact)), args, 1);
		run = (struct text_run){ how, strlen(how), 0 };
		ui_text_runs(ui, &run, 1, FONT_BODY, tx,
			     r.y + ui_mm(ui, 3) + 3 * lh, tw, UI_ALIGN_START,
			     c->theme->text, 0, 1, UI_RECORD | UI_CLIP);
	}
}

static void draw(const struct screen_ctx *c)
{
	const struct tile *t = screen_tile(c);
	struct chrome_grid g = grid_of(c);
	int per = g.rows * g.cols, i, top;
	int pages = chrome_pages(t->npartners, per);
	int part = chrome_clamp(c->at->part, pages);
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	for (i = 0; i < per && part * per + i < t->npartners; i++)
		card(c, &t->partners[part * per + i],
		     chrome_grid_cell(c, &g, i));
	chrome_part_label(c, "nav.part", part, pages, where, sizeof(where));
	chrome_footer(c, part, pages, where);
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/partners.ini", screen_tile(c)->id);
}

const struct screen_family screen_partners = { "partners", draw, parts, NULL,
					       file };
