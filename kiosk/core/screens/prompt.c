/*
 * prompt: "Bent u er nog?", over whatever screen the visitor left, with a
 * countdown to the wipe. Any touch means "still here" (the app handles
 * that); the big button only makes it clear.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

void screen_prompt_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	int w = c->width, col = w * 2 / 3, y = c->height / 5;
	uint64_t gone = c->now - c->visit->prompt_since;
	int left = VISIT_PROMPT_SECONDS - (int)(gone / 1000);
	const char *yes = screen_tr(c, "idle.continue");
	int bw = chrome_icon_button_w(c, yes) + ui_mm(ui, 30),
	    bh = ui_mm(ui, 30);
	char msg[512], num[16], icon[512];
	const char *args[1] = { num };

	if (left < 1)
		left = 1;
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     screen_tr(c, "idle.title"), FONT_HERO, UI_ALIGN_CENTER,
		     c->theme->text);
	snprintf(num, sizeof(num), "%d", left);
	i18n_format(msg, sizeof(msg),
		    screen_tr(c, left == 1 ? "idle.countdown.one"
					   : "idle.countdown"),
		    args, 1);
	y += ui_mm(ui, 10);
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 }, msg,
		     FONT_BODY, UI_ALIGN_CENTER, c->theme->text);
	ui_button_icon(ui, "still-here",
		       (struct rect){ (w - bw) / 2, y + ui_mm(ui, 15), bw, bh },
		       yes, chrome_icon(c, "still-here", icon, sizeof(icon)),
		       STYLE_PRIMARY);
}
