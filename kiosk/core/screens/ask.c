/*
 * ask: "Stel een vraag" (kind = ask) as the werkwijze's three questions.
 * The visitor picks a topic, then answers "Wat wilt u?", "Wat kunt u
 * zelf?" and "Wat heeft u nodig?" mostly by tapping big choices (typing is
 * there for whoever wants it), and ends on a screen that says who can help
 * and hands the question to their own phone as a QR code, or on a slip.
 * Nothing of the question is stored: it lives in the visit and goes with
 * it.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"
#include "core/screens/form.h"
#include "core/screens/message.h"

static const char *const question_keys[ASK_QUESTIONS] = { "ask.q.want",
							  "ask.q.can",
							  "ask.q.need" };
static const char *const help_keys[ASK_QUESTIONS] = { "ask.help.want",
						      "ask.help.can",
						      "ask.help.need" };

static const struct ask_topic *topic_of(const struct screen_ctx *c)
{
	const struct tile *t = screen_tile(c);

	if (c->at->item < 0 || c->at->item >= t->ntopics)
		return NULL;
	return &t->topics[c->at->item];
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/onderwerpen.ini", screen_tile(c)->id);
}

static int one(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}

/* ---- the topics (the tile itself) ---- */

struct grid {
	int cols, rows, y0, bw, bh, gap;
};

static struct grid topic_grid(const struct screen_ctx *c, int y0)
{
	struct ui *ui = c->ui;
	struct grid g;
	int m = ui_mm(ui, MARGIN_MM);
	int avail = chrome_bottom(c) - ui_mm(ui, FOOTER_MM) - y0;

	g.gap = ui_mm(ui, 5);
	g.cols = c->visit->large ? 2 : 3;
	g.bh = ui_mm(ui, 60);
	g.rows = (avail + g.gap) / (g.bh + g.gap);
	if (g.rows < 1) {
		g.rows = 1;
		g.bh = avail;
	}
	g.bw = (c->width - 2 * m - (g.cols - 1) * g.gap) / g.cols;
	g.y0 = y0;
	return g;
}

/* Where the grid starts: under the question and a line on what happens. */
static int topics_top(const struct screen_ctx *c, int draw)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), w = c->width - 2 * m;
	int y = chrome_body_top(c);
	const char *q = screen_tr(c, "ask.topics"),
		   *how = screen_tr(c, "ask.how");
	struct text_run run = { q, strlen(q), 1 };

	if (draw) {
		y += ui_text(ui, (struct rect){ m, y, w, 0 }, q, FONT_TITLE,
			     UI_ALIGN_START, c->theme->text);
		y += ui_text(ui, (struct rect){ m, y, w, 0 }, how, FONT_BODY,
			     UI_ALIGN_START, c->theme->text);
		return y + ui_mm(ui, 5);
	}
	y += ui_line_h(ui, FONT_TITLE) *
	     ui_text_lines(ui, &run, 1, FONT_TITLE, w, 0);
	run = (struct text_run){ how, strlen(how), 0 };
	y += ui_line_h(ui, FONT_BODY) *
	     ui_text_lines(ui, &run, 1, FONT_BODY, w, 0);
	return y + ui_mm(ui, 5);
}

static int topics_parts(const struct screen_ctx *c)
{
	struct grid g = topic_grid(c, topics_top(c, 0));

	return chrome_pages(screen_tile(c)->ntopics, g.rows * g.cols);
}

static void topics_draw(const struct screen_ctx *c)
{
	const struct tile *t = screen_tile(c);
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), top, i, per, pages, part;
	struct grid g;
	char where[64];

	if (chrome_tile_header(c, &top))
		return;
	g = topic_grid(c, topics_top(c, 1));
	per = g.rows * g.cols;
	pages = chrome_pages(t->ntopics, per);
	part = chrome_clamp(c->at->part, pages);
	for (i = 0; i < per && part * per + i < t->ntopics; i++) {
		int k = part * per + i;
		const struct ask_topic *tp = &t->topics[k];
		struct rect r = { m + (i % g.cols) * (g.bw + g.gap),
				  g.y0 + (i / g.cols) * (g.bh + g.gap), g.bw,
				  g.bh };
		char id[80];

		snprintf(id, sizeof(id), "topic:%s", tp->id);
		if (chrome_picture_button(c, id, r,
					  text_get(&tp->title, c->visit->lang),
					  tp->icon, STYLE_TILE))
			form_ask(c, FORM_ASK_START, k, 0);
	}
	chrome_part_label(c, "nav.part", part, pages, where, sizeof(where));
	chrome_footer(c, part, pages, where);
}

/* Every topic's first question. */
static int topics_reach(const struct screen_ctx *c, int i, struct place *to)
{
	if (i >= screen_tile(c)->ntopics)
		return 0;
	*to = (struct place){ .route = ROUTE_ASK,
			      .tile = c->at->tile,
			      .item = i };
	return 1;
}

const struct screen_family screen_ask_topics = { "vraag", topics_draw,
						 topics_parts, topics_reach,
						 file };

/* ---- one of the three questions ---- */

static void choices(const struct screen_ctx *c, const struct ask_topic *tp,
		    int q, int y, int bottom)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 4);
	int n = tp->nchoices[q], cols = c->visit->large ? 1 : 2, rows, bw, bh,
	    i;

	if (n == 0)
		return;
	rows = (n + cols - 1) / cols;
	bw = (c->width - 2 * m - (cols - 1) * gap) / cols;
	bh = (bottom - y - (rows - 1) * gap) / rows;
	if (bh > ui_mm(ui, 26))
		bh = ui_mm(ui, 26);
	for (i = 0; i < n; i++) {
		int picked = c->visit->ask_picked[q] >> i & 1u;
		char id[32];

		snprintf(id, sizeof(id), "choice:%d", i);
		if (ui_button(ui, id,
			      (struct rect){ m + (i % cols) * (bw + gap),
					     y + (i / cols) * (bh + gap), bw,
					     bh },
			      text_get(&tp->choices[q][i], c->visit->lang),
			      picked ? STYLE_PRIMARY : STYLE_TILE))
			form_ask(c, FORM_TOGGLE, 0, i);
	}
}

static void question_draw(const struct screen_ctx *c,
			  const struct ask_topic *tp)
{
	struct ui *ui = c->ui;
	const struct visit *v = c->visit;
	int q = c->at->step, m = ui_mm(ui, MARGIN_MM), w = c->width - 2 * m;
	int top, y, bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	char where[64];

	if (chrome_header_back(c, text_get(&tp->title, v->lang), &top))
		return;
	y = chrome_body_top(c) - ui_mm(ui, 4);
	chrome_part_label(c, "ask.where", q, ASK_QUESTIONS, where,
			  sizeof(where));
	y += ui_text(ui, (struct rect){ m, y, w, 0 }, where, FONT_BODY,
		     UI_ALIGN_START, c->theme->text);
	y += ui_text(ui, (struct rect){ m, y, w, 0 },
		     screen_tr(c, question_keys[q]), FONT_TITLE, UI_ALIGN_START,
		     c->theme->text);
	if (v->ask_typing) {
		form_typing(c, v->ask_text[q], ASK_TEXT_CHARS,
			    screen_tr(c, "ask.type_hint"), 0, y + ui_mm(ui, 3),
			    bottom);
		if (chrome_foot_button(c, "ask-typed",
				       screen_tr(c, "ask.typed"), "close", 0,
				       STYLE_SECONDARY))
			form_ask(c, FORM_KEYBOARD, 0, 0);
	} else {
		int th = ui_mm(ui, 22), gap = ui_mm(ui, 5);
		const char *type = screen_tr(
			c, v->ask_text[q][0] ? "ask.type_more" : "ask.type");

		y += ui_text(ui, (struct rect){ m, y, w, 0 },
			     screen_tr(c, help_keys[q]), FONT_BODY,
			     UI_ALIGN_START, c->theme->text);
		y += ui_mm(ui, 4);
		choices(c, tp, q, y, bottom - th - gap);
		/* typing is there for whoever wants it, under the choices */
		if (ui_button(ui, "ask-type",
			      (struct rect){ m, bottom - th - gap / 2,
					     chrome_button_w(c, type) +
						     ui_mm(ui, 10),
					     th },
			      type, STYLE_SECONDARY))
			form_ask(c, FORM_KEYBOARD, 0, 1);
		if (v->ask_text[q][0]) {
			int bw = chrome_button_w(c, type) + ui_mm(ui, 16);

			ui_text(ui,
				(struct rect){ m + bw,
					       bottom - th - gap / 2 +
						       ui_mm(ui, 5),
					       w - bw, 0 },
				v->ask_text[q], FONT_BODY, UI_ALIGN_START,
				c->theme->text);
		}
	}
	if (chrome_foot_button(c, "ask-next",
			       screen_tr(c, q == ASK_QUESTIONS - 1
						    ? "ask.to_outcome"
						    : "nav.next"),
			       "next", 1, STYLE_PRIMARY))
		form_ask(c, FORM_NEXT, 0, 0);
}

/* ---- who can help, and the question on the phone ---- */

static void outcome_draw(const struct screen_ctx *c, const struct ask_topic *tp)
{
	struct ui *ui = c->ui;
	const struct visit *v = c->visit;
	int m = ui_mm(ui, MARGIN_MM), gap = ui_mm(ui, 10);
	int qw = (c->width - 2 * m - gap) / 2, lw;
	int top, y, qy, i, n, shortened;
	int bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	char lines[ASK_QUESTIONS][MESSAGE_BODY_MAX / 2];
	char subject[256], body[MESSAGE_BODY_MAX],
		payload[REACH_PAYLOAD_MAX + 1];
	char says[400];
	const char *hours = text_get(&tp->hours, v->lang);

	if (qw > ui_mm(ui, 150))
		qw = ui_mm(ui, 150);
	lw = c->width - 2 * m - qw - gap;
	if (chrome_header_back(c, text_get(&tp->title, v->lang), &top))
		return;
	y = qy = chrome_body_top(c);
	/* at the start: who helps, and the question in short */
	y += ui_text(ui, (struct rect){ m, y, lw, 0 }, screen_tr(c, "ask.who"),
		     FONT_TITLE, UI_ALIGN_START, c->theme->text);
	y += ui_text(ui, (struct rect){ m, y, lw, 0 },
		     text_get(&tp->who, v->lang), FONT_BODY, UI_ALIGN_START,
		     c->theme->text);
	if (*hours)
		y += ui_text(ui, (struct rect){ m, y, lw, 0 }, hours, FONT_BODY,
			     UI_ALIGN_START, c->theme->text);
	y += ui_mm(ui, 6);
	y += ui_text(ui, (struct rect){ m, y, lw, 0 },
		     screen_tr(c, "ask.summary"), FONT_TITLE, UI_ALIGN_START,
		     c->theme->text);
	n = message_answers(c, tp, lines);
	if (n == 0)
		y += ui_text(ui, (struct rect){ m, y, lw, 0 },
			     screen_tr(c, "ask.nothing"), FONT_BODY,
			     UI_ALIGN_START, c->theme->text);
	for (i = 0; i < n && y < bottom; i++)
		y += ui_text(ui, (struct rect){ m, y, lw, 0 }, lines[i],
			     FONT_BODY, UI_ALIGN_START, c->theme->text);
	form_print_state(c, m, y + ui_mm(ui, 4), lw);

	/* at the end: the phone */
	message_ask(c, tp, subject, sizeof(subject), body, sizeof(body));
	if (message_qr(c, &tp->reach, subject, body, payload, sizeof(payload),
		       says, sizeof(says), &shortened) == 0) {
		int x = c->width - m - qw;

		qy += ui_text(ui, (struct rect){ x, qy, qw, 0 },
			      screen_tr(c, "ask.phone"), FONT_BODY,
			      UI_ALIGN_START, c->theme->text) +
		      ui_mm(ui, 2);
		qy += chrome_qr(c, (struct rect){ x, qy, qw, bottom - qy },
				payload, says);
		if (shortened)
			ui_text(ui, (struct rect){ x, qy, qw, 0 },
				screen_tr(c, "ask.shortened"), FONT_BODY,
				UI_ALIGN_START, c->theme->text);
	}
	if (c->printer && c->print_state != PRINT_BUSY &&
	    chrome_foot_button(c, "ask-print", screen_tr(c, "print.button"),
			       "print", 0, STYLE_SECONDARY))
		form_ask(c, FORM_PRINT, 0, 0);
	if (chrome_foot_button(c, "ask-done", screen_tr(c, "ask.done"), "home",
			       1, STYLE_PRIMARY))
		screen_ask(c, (struct screen_req){
				      .kind = REQ_OPEN,
				      .to = { .route = ROUTE_HOME } });
}

static void step_draw(const struct screen_ctx *c)
{
	const struct ask_topic *tp = topic_of(c);

	if (!tp)
		return;
	if (c->at->step < ASK_QUESTIONS)
		question_draw(c, tp);
	else
		outcome_draw(c, tp);
}

/* The next step, for previews and tests. */
static int step_reach(const struct screen_ctx *c, int i, struct place *to)
{
	if (i > 0 || c->at->step >= ASK_QUESTIONS)
		return 0;
	*to = *c->at;
	to->step++;
	return 1;
}

const struct screen_family screen_ask_step = { "vraag-stap", step_draw, one,
					       step_reach, file };
