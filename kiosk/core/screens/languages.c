/*
 * languages: the language chooser. Every language of the pack as a large
 * button with its name in its own words and script (Nederlands, English,
 * Türkçe, العربية), so a visitor who reads no Dutch finds their own.
 */
#include <stdio.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

/* The language's own name, from the kiosk's translations. */
static const char *own_name(const struct screen_ctx *c, int lang)
{
	int idx = i18n_find(c->i18n, c->content->langs[lang]);

	return idx >= 0 ? c->i18n->langs[idx].name : c->content->langs[lang];
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8), top, i;
	int n = c->content->nlangs, cols = n <= 2 ? n : n <= 4 ? 2 : 3;
	int rows = (n + cols - 1) / cols, y, bw, bh;

	if (chrome_header_back(c, screen_tr(c, "lang.title"), &top))
		return;
	y = chrome_body_top(c);
	bw = (c->width - 2 * m - (cols - 1) * gap) / cols;
	bh = (chrome_bottom(c) - m - y - (rows - 1) * gap) / rows;
	if (bh > ui_mm(ui, 40))
		bh = ui_mm(ui, 40);
	for (i = 0; i < n; i++) {
		struct rect r = { m + (i % cols) * (bw + gap),
				  y + (i / cols) * (bh + gap), bw, bh };
		char id[32];

		snprintf(id, sizeof(id), "lang:%s", c->content->langs[i]);
		/* the language in use stands out */
		if (ui_button(ui, id, r, own_name(c, i),
			      i == c->visit->lang ? STYLE_PRIMARY
						  : STYLE_TILE)) {
			screen_ask(c, (struct screen_req){ .kind = REQ_LANG,
							   .value = i });
			screen_ask(c, (struct screen_req){ .kind = REQ_BACK });
		}
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
	snprintf(out, size, "kiosk.ini");
}

const struct screen_family screen_languages = { "languages", draw, one, NULL,
						file };
