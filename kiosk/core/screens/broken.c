/*
 * broken: "Tijdelijk buiten gebruik", shown when no content pack works.
 * Always in Dutch (there is no pack to say which languages it has).
 */
#include "core/screens/chrome.h"
#include "core/screens/families.h"

void screen_broken_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	int w = c->width, col = w * 2 / 3, y = c->height / 3;

	ui->dl.clear = c->theme->background;
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     i18n_get(c->i18n, 0, "broken.title"), FONT_HERO,
		     UI_ALIGN_CENTER, c->theme->text);
	y += ui_mm(ui, 10);
	ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		i18n_get(c->i18n, 0, "broken.text"), FONT_BODY, UI_ALIGN_CENTER,
		c->theme->text);
}
