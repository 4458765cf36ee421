/*
 * attract: the screen nobody is using. The centre's logo and name, a
 * highlight from the pack that changes every few seconds with a calm fade,
 * and an outlined "touch to start" in Dutch and English. The whole screen
 * is the button.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct attract_state *as = c->attract;
	struct color fg = c->theme->attract_text, faded = fg;
	char **lines;
	int n = content_highlights(c->content, c->visit->lang, &lines);
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
	if (n > 0) {
		if (as->fading && t < ATTRACT_FADE_MS)
			faded.a = (uint8_t)(255 * t / ATTRACT_FADE_MS);
		ui_text(ui,
			(struct rect){ (w - col) / 2, y + ui_mm(ui, 15), col,
				       0 },
			lines[as->highlight % n], FONT_TITLE, UI_ALIGN_CENTER,
			faded);
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
		int en = i18n_find(c->i18n, "en");

		if (en > 0)
			ui_text(ui, (struct rect){ start.x, y, start.w, 0 },
				i18n_get(c->i18n, en, "attract.start"),
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
