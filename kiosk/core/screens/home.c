/*
 * home: the tiles of the pack, with the centre's name on top (a long
 * press there opens the kiosk facts for staff) and the contact line at the
 * bottom. Tiles hidden by their dates today are left out.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

static int tile_visible(const struct screen_ctx *c, int i)
{
	return when_shows(c->content->tiles[i].when, c->today);
}

/* Index of the k-th visible tile, or -1. */
static int nth_tile(const struct screen_ctx *c, int k)
{
	int i;

	for (i = 0; i < c->content->ntiles; i++)
		if (tile_visible(c, i) && k-- == 0)
			return i;
	return -1;
}

static void open_tile(const struct screen_ctx *c, int i)
{
	screen_ask(c, (struct screen_req){
			      .kind = REQ_OPEN,
			      .to = { .route = ROUTE_TILE, .tile = i } });
}

/* "Vandaag open tot 17:00" or when it opens again, from kiosk.ini's
 * [openingstijden]; "" when the pack gives no hours. */
static void hours_text(const struct screen_ctx *c, char *out, size_t size)
{
	struct hours_answer h;
	char t[8], day[32];
	const char *args[2] = { t, t };

	out[0] = '\0';
	if (!c->content->has_hours)
		return;
	if (hours_now(&c->content->hours, c->today, c->minute, &h)) {
		snprintf(t, sizeof(t), "%d:%02d", h.until / 60, h.until % 60);
		i18n_format(out, size, screen_tr(c, "hours.open"), args, 1);
		return;
	}
	if (h.next_date == 0) {
		snprintf(out, size, "%s", screen_tr(c, "hours.closed"));
		return;
	}
	snprintf(t, sizeof(t), "%d:%02d", h.next_open / 60, h.next_open % 60);
	if (h.next_date == c->today) {
		i18n_format(out, size, screen_tr(c, "hours.closed_today"), args,
			    1);
	} else if (h.next_date == date_add_days(c->today, 1)) {
		i18n_format(out, size, screen_tr(c, "hours.closed_tomorrow"),
			    args, 1);
	} else {
		char key[16];

		snprintf(key, sizeof(key), "day.%d",
			 date_weekday(h.next_date) + 1);
		snprintf(day, sizeof(day), "%s", screen_tr(c, key));
		args[0] = day;
		args[1] = t;
		i18n_format(out, size, screen_tr(c, "hours.closed_day"), args,
			    2);
	}
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct theme *th = c->theme;
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 8);
	int top = chrome_header(c, m, NULL);
	int n = 0, cols, rows, i, tw, tile_h, y, bottom;
	struct text_run name = { c->content->name, strlen(c->content->name),
				 1 };
	const char *contact = text_get(&c->content->contact, c->visit->lang);

	/* the centre's logo and name; a long press on the name opens facts
	 * for staff */
	{
		int w = ui->m.text_width(ui->m.ctx, name.s, name.n,
					 ui_font_px(ui, FONT_TITLE), 1);
		int x = m, side = top - ui_mm(ui, 4);

		if (c->content->logo) {
			draw_image(&ui->dl,
				   (struct rect){ x, (top - side) / 2, side,
						  side },
				   c->content->logo, 0,
				   (struct rect){ 0, 0, 0, 0 });
			x += side + ui_mm(ui, 4);
		}
		if (w > c->width / 2)
			w = c->width / 2;
		ui_area(ui, "name", (struct rect){ x, 0, w, top },
			c->content->name);
		ui_text_runs(ui, &name, 1, FONT_TITLE, x,
			     (top - ui_line_h(ui, FONT_TITLE)) / 2,
			     c->width / 2, UI_ALIGN_START, th->header_text, 0,
			     1, UI_RECORD | UI_CLIP);
		if (ui_long_press(ui, "name")) {
			screen_ask(c, (struct screen_req){
					      .kind = REQ_OPEN,
					      .to = { .route = ROUTE_INFO } });
			return;
		}
	}
	/* the opening hours at the end of the bar on top */
	{
		char hours[200];

		hours_text(c, hours, sizeof(hours));
		if (*hours)
			ui_text(ui,
				(struct rect){
					c->width / 2,
					(top - ui_line_h(ui, FONT_BODY)) / 2,
					c->width / 2 - m, 0 },
				hours, FONT_BODY, UI_ALIGN_END,
				th->header_text);
	}
	for (i = 0; i < c->content->ntiles; i++)
		n += tile_visible(c, i);
	y = top + ui_mm(ui, 8);
	y += ui_text(ui, (struct rect){ m, y, c->width - 2 * m, 0 },
		     screen_tr(c, "home.choose"), FONT_TITLE, UI_ALIGN_START,
		     th->text);
	y += ui_mm(ui, 6);
	if (chrome_bar(c, 0))
		return;
	bottom = chrome_bottom(c) - ui_mm(ui, 4);
	if (*contact) {
		char line[600];
		const char *args[1] = { contact };
		int lh = ui_line_h(ui, FONT_BODY);
		struct text_run run;

		i18n_format(line, sizeof(line), screen_tr(c, "home.contact"),
			    args, 1);
		run = (struct text_run){ line, strlen(line), 0 };
		bottom -= lh * ui_text_lines(ui, &run, 1, FONT_BODY,
					     c->width - 2 * m, 0) +
			  ui_mm(ui, 4);
		ui_text(ui,
			(struct rect){ m, bottom + ui_mm(ui, 4),
				       c->width - 2 * m, 0 },
			line, FONT_BODY, UI_ALIGN_START, th->text);
	}
	cols = n <= 2 ? (n ? n : 1) : n <= 4 ? 2 : 3;
	rows = (n + cols - 1) / cols;
	tw = (c->width - 2 * m - (cols - 1) * gap) / cols;
	tile_h = (bottom - y - (rows - 1) * gap) / (rows ? rows : 1);
	if (tile_h > ui_mm(ui, 75))
		tile_h = ui_mm(ui, 75);
	for (i = 0; i < n; i++) {
		int ti = nth_tile(c, i);
		const struct tile *t = &c->content->tiles[ti];
		const char *title = text_get(&t->title, c->visit->lang);
		struct rect r = { m + (i % cols) * (tw + gap),
				  y + (i / cols) * (tile_h + gap), tw, tile_h };
		char id[80];

		snprintf(id, sizeof(id), "tile:%s", t->id);
		if (chrome_picture_button(c, id, r, title, t->icon,
					  STYLE_TILE))
			open_tile(c, ti);
	}
}

static int one(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}

/* Every visible tile, the staff facts (long press on the name) and the
 * language chooser. */
static int reach(const struct screen_ctx *c, int i, struct place *to)
{
	int ti = nth_tile(c, i), n = 0, k;

	if (ti >= 0) {
		*to = (struct place){ .route = ROUTE_TILE, .tile = ti };
		return 1;
	}
	for (k = 0; k < c->content->ntiles; k++)
		n += tile_visible(c, k);
	if (i == n) {
		*to = (struct place){ .route = ROUTE_INFO };
		return 1;
	}
	if (i == n + 1 && c->content->nlangs > 1) {
		*to = (struct place){ .route = ROUTE_LANG };
		return 1;
	}
	return 0;
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	(void)c;
	snprintf(out, size, "kiosk.ini");
}

const struct screen_family screen_home = { "home", draw, one, reach, file };
