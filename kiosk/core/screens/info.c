/*
 * info: kiosk facts for staff, opened by a long press on the centre's
 * name: version, content folder, languages, screen size and idle time.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), y, bh = ui_mm(ui, BUTTON_H_MM), i;
	const char *close = screen_tr(c, "nav.close");
	char line[1400], langs[64] = "", nums[4][16], icon[512];
	const char *args[7] = { c->facts->version,
				c->facts->content_dir,
				langs,
				nums[0],
				nums[1],
				nums[2],
				nums[3] };

	y = chrome_header(c, m - ui_mm(ui, 8), screen_tr(c, "info.title"));
	if (chrome_bar(c, 0))
		return;
	y += ui_mm(ui, 10);
	for (i = 0; i < c->content->nlangs; i++) {
		size_t used = strlen(langs);

		snprintf(langs + used, sizeof(langs) - used, "%s%s",
			 i ? ", " : "", c->content->langs[i]);
	}
	snprintf(nums[0], sizeof(nums[0]), "%d", c->width);
	snprintf(nums[1], sizeof(nums[1]), "%d", c->height);
	snprintf(nums[2], sizeof(nums[2]), "%d",
		 (int)(c->facts->screen_width_mm + 0.5));
	snprintf(nums[3], sizeof(nums[3]), "%d", c->content->idle_seconds);
	i18n_format(line, sizeof(line), screen_tr(c, "info.facts"), args, 7);
	y += ui_text(ui, (struct rect){ m, y, c->width - 2 * m, 0 }, line,
		     FONT_BODY, UI_ALIGN_START, c->theme->text);
	if (ui_button_icon(ui, "close",
			   (struct rect){ m, y + ui_mm(ui, 10),
					  chrome_icon_button_w(c, close), bh },
			   close, chrome_icon(c, "close", icon, sizeof(icon)),
			   STYLE_PRIMARY))
		screen_ask(c, (struct screen_req){ .kind = REQ_BACK });
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

const struct screen_family screen_info = { "info", draw, one, NULL, file };
