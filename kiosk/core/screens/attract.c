/*
 * attract: the screen nobody is using. The centre's logo and name, a
 * highlight from the pack that changes every few seconds with a calm fade,
 * and an outlined "touch to start" in Dutch and English. The whole screen
 * is the button. Staff hold its top-start corner for five seconds to open
 * the PIN pad of staff mode (staff.c); a shorter touch there starts as
 * anywhere else.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

/* Languages whose own lines the attract screen shows (Dutch always). */
static int own_lines(const struct content *ct, int lang)
{
	return lang == 0 || ct->nhighlights[lang] > 0;
}

int screen_attract_count(const struct content *ct)
{
	int l, most = 0, langs = 0;

	for (l = 0; l < ct->nlangs; l++)
		if (own_lines(ct, l)) {
			langs++;
			if (ct->nhighlights[l] > most)
				most = ct->nhighlights[l];
		}
	return most * langs;
}

/* Highlight k: the languages take turns, each with its own next line,
 * so a passer-by sees their own language come by. */
static const char *attract_line(const struct content *ct, int k, int *lang)
{
	int l, langs = 0, turn, i = 0, n;
	char **lines;

	for (l = 0; l < ct->nlangs; l++)
		langs += own_lines(ct, l);
	if (langs == 0 || screen_attract_count(ct) == 0)
		return NULL;
	turn = k % langs;
	for (l = 0; l < ct->nlangs; l++)
		if (own_lines(ct, l) && i++ == turn)
			break;
	*lang = l;
	n = content_highlights(ct, l, &lines);
	return n > 0 ? lines[(k / langs) % n] : NULL;
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct attract_state *as = c->attract;
	struct color fg = c->theme->attract_text, faded = fg;
	int line_lang = 0;
	const char *line = attract_line(c->content, as->highlight, &line_lang);
	int w = c->width, h = c->height, col = w * 3 / 4;
	uint64_t t = c->now - as->since;
	struct rect start;
	int y, sh;

	ui->dl.clear = c->theme->attract_bg;
	if (ui_area(ui, "start", (struct rect){ 0, 0, w, h },
		    screen_tr(c, "attract.start"))) {
		screen_ask(c, (struct screen_req){
				      .kind = REQ_OPEN,
				      .to = { .route = ROUTE_HOME } });
		return;
	}
	if (ui_hold(ui, "start",
		    (struct rect){ 0, 0, ui_mm(ui, STAFF_HOLD_MM),
				   ui_mm(ui, STAFF_HOLD_MM) },
		    STAFF_HOLD_MS)) {
		screen_ask(c, (struct screen_req){ .kind = REQ_STAFF,
						   .value = STAFF_OP_ENTER });
		return;
	}
	y = h / 8;
	if (c->content->logo) {
		int side = ui_mm(ui, 40);

		draw_image(&ui->dl,
			   (struct rect){ (w - side) / 2, y, side, side },
			   c->content->logo, 0, (struct rect){ 0, 0, 0, 0 });
		y += side + ui_mm(ui, 6);
	}
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     c->content->name, FONT_HERO, UI_ALIGN_CENTER, fg);
	if (line) {
		if (as->fading && t < ATTRACT_FADE_MS)
			faded.a = (uint8_t)(255 * t / ATTRACT_FADE_MS);
		ui_text(ui,
			(struct rect){ (w - col) / 2, y + ui_mm(ui, 15), col,
				       0 },
			line, FONT_TITLE, UI_ALIGN_CENTER, faded);
	}
	/* an outlined "button" so it is clear where to touch */
	sh = ui_line_h(ui, FONT_TITLE) + ui_line_h(ui, FONT_BODY) +
	     ui_mm(ui, 10);
	start = (struct rect){ (w - col) / 2, h - sh - ui_mm(ui, 20), col, sh };
	draw_frame(&ui->dl, start, fg, ui_mm(ui, 1.2));
	y = start.y + ui_mm(ui, 5);
	y += ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
		     screen_tr(c, "attract.start"), FONT_TITLE, UI_ALIGN_CENTER,
		     fg);
	if (c->content->nlangs > 1) {
		/* under it in the language of the line above, else English */
		int other = i18n_find(
			c->i18n,
			c->content->langs[line_lang > 0 ? line_lang : 0]);

		if (other <= 0)
			other = i18n_find(c->i18n, "en");
		if (other > 0)
			ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
				i18n_get(c->i18n, other, "attract.start"),
				FONT_BODY, UI_ALIGN_CENTER, fg);
	}
}

static int one(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	(void)c;
	snprintf(out, size, "attract.nl.txt");
}

const struct screen_family screen_attract = { "attract", draw, one, NULL,
					      file };
