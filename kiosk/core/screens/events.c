/*
 * events: what is on in the wijk (kind = activiteiten), soonest first. Each
 * activity on a card with its day in words, its time, the place, a short
 * text, its picture and a QR code when it has a web page. An activity that
 * is over leaves the screen by itself: nobody has to take it away.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"

#define PER_SCREEN 3

static int showing(const struct screen_ctx *c, const struct event *e)
{
	return !event_over(e, c->today, c->minute);
}

static int visible(const struct screen_ctx *c, const struct tile *t)
{
	int i, n = 0;

	for (i = 0; i < t->nevents; i++)
		n += showing(c, &t->events[i]);
	return n;
}

static int nth(const struct screen_ctx *c, const struct tile *t, int k)
{
	int i;

	for (i = 0; i < t->nevents; i++)
		if (showing(c, &t->events[i]) && k-- == 0)
			return i;
	return -1;
}

static int per_screen(const struct screen_ctx *c)
{
	return c->visit->large ? 1 : PER_SCREEN;
}

static int parts(const struct screen_ctx *c)
{
	return chrome_pages(visible(c, screen_tile(c)), per_screen(c));
}

/* "Vandaag", "Morgen" or "donderdag 26 november", then the time. */
static void when_text(const struct screen_ctx *c, const struct event *e,
		      char *out, size_t size)
{
	char day[96], date[64], t[2][8];
	const char *args[2] = { t[0], t[1] };
	char hours[64];

	if (e->date == c->today) {
		snprintf(day, sizeof(day), "%s", screen_tr(c, "events.today"));
	} else if (e->date == date_add_days(c->today, 1)) {
		snprintf(day, sizeof(day), "%s",
			 screen_tr(c, "events.tomorrow"));
	} else {
		char key[16];

		snprintf(key, sizeof(key), "day.%d", date_weekday(e->date) + 1);
		chrome_date_text(c, e->date, date, sizeof(date));
		snprintf(day, sizeof(day), "%s %s", screen_tr(c, key), date);
	}
	snprintf(t[0], sizeof(t[0]), "%d:%02d", e->start / 60, e->start % 60);
	if (e->end >= 0) {
		snprintf(t[1], sizeof(t[1]), "%d:%02d", e->end / 60,
			 e->end % 60);
		i18n_format(hours, sizeof(hours),
			    screen_tr(c, "events.from_to"), args, 2);
	} else {
		i18n_format(hours, sizeof(hours), screen_tr(c, "events.from"),
			    args, 1);
	}
	snprintf(out, size, "%s, %s", day, hours);
}

static void card(const struct screen_ctx *c, const struct event *e,
		 struct rect r)
{
	struct ui *ui = c->ui;
	int lang = c->visit->lang, pad = ui_mm(ui, 4), x = r.x + pad;
	int right = r.x + r.w - pad, lh = ui_line_h(ui, FONT_BODY);
	int side = r.h - 2 * pad, y = r.y + pad;
	const char *title = text_get(&e->title, lang);
	const char *place = text_get(&e->place, lang);
	const char *body = text_get(&e->body, lang);
	struct text_run run = { title, strlen(title), 1 };
	char when[400];

	draw_rect(&ui->dl, r, (struct color){ 255, 255, 255, 255 },
		  ui_mm(ui, c->theme->radius_mm));
	draw_frame(&ui->dl, r, c->theme->header_bg, ui_mm(ui, 0.8));
	if (e->image) {
		draw_image(&ui->dl, (struct rect){ x, y, side, side }, e->image,
			   0, (struct rect){ 0, 0, 0, 0 });
		x += side + pad;
	}
	if (e->url) {
		/* the web page on the visitor's own phone, and which
		 * website that is */
		struct reach web = { REACH_WEB, e->url, NULL, NULL };
		int qw = ui_mm(ui, 150); /* the code, its line beside it */
		char says[300];
		/* the card is white like the code's quiet zone, which
		 * then stands in for the card's padding */
		struct rect qr = { right - qw, r.y + ui_mm(ui, 1), qw,
				   r.h - ui_mm(ui, 2) };

		chrome_reach_says(c, &web, says, sizeof(says));
		if (chrome_qr(c, qr, e->url, says)) {
			draw_text_item(&ui->dl, qr, screen_tr(c, "events.qr"));
			right -= qw + pad;
		}
	}
	when_text(c, e, when, sizeof(when));
	if (*place) {
		/* when and where on one line: the text keeps its room */
		size_t n = strlen(when);

		snprintf(when + n, sizeof(when) - n, " · %s", place);
	}
	run = (struct text_run){ when, strlen(when), 0 };
	y += lh * ui_text_runs(ui, &run, 1, FONT_BODY, x, y, right - x,
			       UI_ALIGN_START, c->theme->text, 0, 2,
			       UI_RECORD | UI_CLIP);
	run = (struct text_run){ title, strlen(title), 1 };
	{
		int tl = ui_text_runs(ui, &run, 1, FONT_TITLE, x, y, right - x,
				      UI_ALIGN_START, c->theme->text, 0, 2,
				      UI_RECORD | UI_CLIP);

		y += ui_line_h(ui, FONT_TITLE) * (tl < 2 ? tl : 2);
	}
	if (*body && y + lh <= r.y + r.h - pad) {
		run = (struct text_run){ body, strlen(body), 0 };
		ui_text_runs(ui, &run, 1, FONT_BODY, x, y, right - x,
			     UI_ALIGN_START, c->theme->text, 0,
			     (r.y + r.h - pad - y) / lh, UI_RECORD | UI_CLIP);
	}
}

static void draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct tile *t = screen_tile(c);
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 5), top, i, y0, ch;
	int per = per_screen(c), n = visible(c, t);
	int pages = chrome_pages(n, per),
	    part = chrome_clamp(c->at->part, pages);

	if (chrome_tile_header(c, &top))
		return;
	y0 = chrome_body_top(c);
	ch = (chrome_bottom(c) - ui_mm(ui, FOOTER_MM) - y0 - (per - 1) * gap) /
	     per;
	for (i = 0; i < per; i++) {
		int k = nth(c, t, part * per + i);

		if (k < 0)
			break;
		card(c, &t->events[k],
		     (struct rect){ m, y0 + i * (ch + gap), c->width - 2 * m,
				    ch });
	}
	chrome_list_end(c, n, "events.none", y0, part, pages);
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/activiteiten.ini", screen_tile(c)->id);
}

const struct screen_family screen_events = { "activiteiten", draw, parts, NULL,
					     file };
