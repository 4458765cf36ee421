/*
 * survey: the neighbourhood survey on the screen. A start screen that says
 * in plain words what is kept and what is not, then one question a
 * screen with large answers and a progress bar, a stop button that asks
 * once, and a thank-you screen that may show what the wijk said so far
 * (every count below ten hidden). The answers live in the visit and go
 * with it; the app saves them in one go when the visitor sends them.
 */
#include <stdio.h>
#include <string.h>

#include "core/screens/chrome.h"
#include "core/screens/families.h"
#include "core/survey/survey.h"
#include "core/ui/keyboard.h"

#define SMALL_COUNT 10 /* counts below this are never shown */

static const struct survey *survey_of(const struct screen_ctx *c)
{
	return screen_tile(c)->survey;
}

static void ask(const struct screen_ctx *c, int op, int x, int y)
{
	screen_ask(c,
		   (struct screen_req){
			   .kind = REQ_SURVEY, .value = op, .x = x, .y = y });
}

static int one(const struct screen_ctx *c)
{
	(void)c;
	return 1;
}

static void file(const struct screen_ctx *c, char *out, size_t size)
{
	snprintf(out, size, "%s/enquete.ini", screen_tile(c)->id);
}

/* ---- the start screen (the tile itself) ---- */

static void start_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct survey *s = survey_of(c);
	int lang = c->visit->lang, top, y, x, col = chrome_column(c, &x);
	int bw, bh = ui_mm(ui, 30);
	const char *start = screen_tr(c, "survey.start");
	char line[256], num[16];
	const char *args[1] = { num };

	if (chrome_tile_header(c, &top))
		return;
	y = chrome_body_top(c);
	if (!s) {
		ui_text(ui, (struct rect){ x, y, col, 0 },
			screen_tr(c, "survey.closed"), FONT_BODY, UI_ALIGN_LEFT,
			c->theme->text);
		return;
	}
	y += ui_text(ui, (struct rect){ x, y, col, 0 },
		     text_get(&s->intro, lang), FONT_BODY, UI_ALIGN_LEFT,
		     c->theme->text) +
	     ui_mm(ui, 4);
	/* what is kept, and what is not, before anything is asked */
	y += ui_text(ui, (struct rect){ x, y, col, 0 },
		     screen_tr(c, "survey.privacy"), FONT_BODY, UI_ALIGN_LEFT,
		     c->theme->text) +
	     ui_mm(ui, 4);
	if (s->minutes > 0) {
		snprintf(num, sizeof(num), "%d", s->minutes);
		i18n_format(line, sizeof(line),
			    screen_tr(c, s->minutes == 1 ? "survey.minute"
							 : "survey.minutes"),
			    args, 1);
		y += ui_text(ui, (struct rect){ x, y, col, 0 }, line, FONT_BODY,
			     UI_ALIGN_LEFT, c->theme->text);
	}
	bw = chrome_button_w(c, start) + ui_mm(ui, 40);
	if (ui_button(ui, "survey-start",
		      (struct rect){ (c->width - bw) / 2, y + ui_mm(ui, 10), bw,
				     bh },
		      start, STYLE_PRIMARY))
		ask(c, SURVEY_OP_START, 0, 0);
}

/* For previews and tests: every question (whatever the answers), then
 * the thank-you screen. */
static int start_reach(const struct screen_ctx *c, int i, struct place *to)
{
	const struct survey *s = survey_of(c);

	if (!s || i > s->nquestions)
		return 0;
	*to = (struct place){ .route = i < s->nquestions ? ROUTE_SURVEY
							 : ROUTE_SURVEY_DONE,
			      .tile = c->at->tile,
			      .item = i < s->nquestions ? i : 1 };
	return 1;
}

const struct screen_family screen_survey_start = { "enquete", start_draw, one,
						   start_reach, file };

/* ---- one question ---- */

/* Shown questions before q and in all, for "Vraag 3 van 9". */
static void progress(const struct screen_ctx *c, int q, int *at, int *all)
{
	const struct survey *s = survey_of(c);
	const struct survey_answers *ans = &c->visit->answers;
	int i;

	*at = *all = 0;
	for (i = 0; i < s->nquestions; i++) {
		if (s->questions[i].kind == QUESTION_INFO ||
		    !survey_shows(s, ans, i))
			continue;
		if (i <= q)
			(*at)++;
		(*all)++;
	}
}

static void progress_bar(const struct screen_ctx *c, int y, int q)
{
	struct ui *ui = c->ui;
	int m = ui_mm(ui, MARGIN_MM), at, all, w = c->width - 2 * m;
	int h = ui_mm(ui, 4);
	char where[64], num[2][16];
	const char *args[2] = { num[0], num[1] };

	progress(c, q, &at, &all);
	if (all == 0)
		return;
	draw_rect(&ui->dl, (struct rect){ m, y, w, h }, c->theme->header_bg,
		  h / 2);
	draw_rect(&ui->dl,
		  (struct rect){ m, y, w * (at > 0 ? at : 0) / all, h },
		  c->theme->accent, h / 2);
	snprintf(num[0], sizeof(num[0]), "%d", at > 0 ? at : 1);
	snprintf(num[1], sizeof(num[1]), "%d", all);
	i18n_format(where, sizeof(where), screen_tr(c, "survey.where"), args,
		    2);
	ui_text(ui, (struct rect){ m, y + h + ui_mm(ui, 1), w, 0 }, where,
		FONT_BODY, UI_ALIGN_LEFT, c->theme->text);
}

/* The word for point i (0..4) of a scale: the pack's own words when it
 * gives all five ("Heel vervelend" .. "Heel prettig"), else the kiosk's
 * ("Heel slecht" .. "Heel goed"). key is scratch for the lookup. */
static const char *scale_word(const struct screen_ctx *c,
			      const struct survey_question *q, int i, char *key,
			      size_t size)
{
	if (q->noptions == SURVEY_SCALE_POINTS)
		return text_get(&q->options[i].label, c->visit->lang);
	snprintf(key, size, "survey.scale.%d", i + 1);
	return screen_tr(c, key);
}

/* Choice-like answers as big buttons in a grid: returns the bottom. */
static int choices(const struct screen_ctx *c, const struct survey_question *q,
		   int qi, int y, int bottom)
{
	struct ui *ui = c->ui;
	const struct survey_answer *a = &c->visit->answers.a[qi];
	int lang = c->visit->lang, m = ui_mm(ui, MARGIN_MM);
	int gap = ui_mm(ui, 4), n, cols, rows, i, bw, bh;
	const char *labels[SURVEY_OPTION_MAX];
	char scale[SURVEY_SCALE_POINTS][32];
	int picked[SURVEY_OPTION_MAX] = { 0 };

	switch (q->kind) {
	case QUESTION_YESNO:
		n = 2;
		labels[0] = screen_tr(c, "survey.yes");
		labels[1] = screen_tr(c, "survey.no");
		picked[0] = a->answered && a->choice == 1;
		picked[1] = a->answered && a->choice == 0;
		break;
	case QUESTION_SCALE:
		n = SURVEY_SCALE_POINTS;
		for (i = 0; i < n; i++) {
			labels[i] =
				scale_word(c, q, i, scale[i], sizeof(scale[i]));
			picked[i] = a->answered && a->choice == i + 1;
		}
		break;
	case QUESTION_NUMBER:
		n = q->nbands;
		for (i = 0; i < n; i++) {
			labels[i] = text_get(&q->bands[i].label, lang);
			picked[i] = a->answered && a->choice == i;
		}
		break;
	default:
		n = q->noptions;
		for (i = 0; i < n; i++) {
			labels[i] = text_get(&q->options[i].label, lang);
			picked[i] = a->answered &&
				    (q->kind == QUESTION_MULTI
					     ? (int)(a->chosen >> i & 1u)
					     : a->choice == i);
		}
		break;
	}
	/* side by side; with larger letters one under the other, so every
	 * answer keeps its words whole */
	cols = q->kind == QUESTION_SCALE ? n : n <= 3 ? n : n <= 8 ? 2 : 3;
	if (c->visit->large && q->kind != QUESTION_YESNO)
		cols = n <= 6 ? 1 : 2;
	rows = (n + cols - 1) / cols;
	bw = (c->width - 2 * m - (cols - 1) * gap) / cols;
	bh = (bottom - y - (rows - 1) * gap) / (rows ? rows : 1);
	if (bh > ui_mm(ui, 30))
		bh = ui_mm(ui, 30);
	for (i = 0; i < n; i++) {
		struct rect r = { m + (i % cols) * (bw + gap),
				  y + (i / cols) * (bh + gap), bw, bh };
		char id[32];

		snprintf(id, sizeof(id), "answer:%d", i);
		if (ui_button(ui, id, r, labels[i],
			      picked[i] ? STYLE_PRIMARY : STYLE_TILE)) {
			if (q->kind == QUESTION_MULTI)
				ask(c, SURVEY_OP_TOGGLE, qi, i);
			else if (q->kind == QUESTION_YESNO)
				ask(c, SURVEY_OP_CHOOSE, qi, i == 0);
			else if (q->kind == QUESTION_SCALE)
				ask(c, SURVEY_OP_CHOOSE, qi, i + 1);
			else
				ask(c, SURVEY_OP_CHOOSE, qi, i);
		}
	}
	return y + rows * (bh + gap);
}

/* The text field and the keyboard (open answers, "anders, namelijk"),
 * or the number pad. */
static void typing(const struct screen_ctx *c, const struct survey_question *q,
		   int qi, int y, int bottom, int numbers)
{
	struct ui *ui = c->ui;
	const struct survey_answer *a = &c->visit->answers.a[qi];
	int m = ui_mm(ui, MARGIN_MM), fh = ui_mm(ui, 24);
	int max = q->max_len > 0 ? q->max_len : SURVEY_TEXT_MAX;
	struct ui_key_event ev = { 0 };
	struct ui_keyboard_labels kl = {
		.space = screen_tr(c, "keys.space"),
		.erase = screen_tr(c, "keys.erase"),
		.shift = screen_tr(c, "keys.shift"),
		.accents = screen_tr(c, "keys.accents"),
		.letters = screen_tr(c, "keys.letters"),
	};
	struct ui_text_field_labels fl = {
		.name = NULL,
		.hint = numbers ? NULL : screen_tr(c, "survey.no_names"),
		.counter = numbers ? NULL : screen_tr(c, "keys.counter"),
	};
	struct rect kb;

	if (numbers)
		max = 7;
	ui_text_field(ui, "field", (struct rect){ m, y, c->width - 2 * m, fh },
		      a->text, max, 1, &fl);
	kb = (struct rect){ m, y + fh + ui_mm(ui, 6), c->width - 2 * m,
			    bottom - y - fh - ui_mm(ui, 6) };
	if (numbers) {
		kb.w = ui_mm(ui, 120);
		kb.x = (c->width - kb.w) / 2;
		if (!ui_numpad(ui, "numpad", kb, &kl, &ev))
			return;
	} else {
		struct ui_keyboard_state st = { c->visit->kb_shift,
						c->visit->kb_accents };

		if (!ui_keyboard(ui, "keyboard", kb, &st, &kl, &ev))
			return;
	}
	switch (ev.kind) {
	case UI_KEY_TEXT:
		screen_ask(c, (struct screen_req){ .kind = REQ_SURVEY,
						   .value = SURVEY_OP_TYPE,
						   .x = qi,
						   .y = numbers,
						   .text = { 0 } });
		memcpy(c->reqs->r[c->reqs->n - 1].text, ev.text,
		       sizeof(ev.text));
		break;
	case UI_KEY_ERASE:
		ask(c, SURVEY_OP_ERASE, qi, numbers);
		break;
	case UI_KEY_SHIFT:
		ask(c, SURVEY_OP_SHIFT, 0, 0);
		break;
	case UI_KEY_ACCENTS:
		ask(c, SURVEY_OP_ACCENTS, 0, 0);
		break;
	default:
		break;
	}
}

/* 1 when the visitor may go on from question qi. */
static int answered_enough(const struct survey_question *q,
			   const struct survey_answer *a)
{
	if (q->kind == QUESTION_INFO || !q->required)
		return 1;
	if (q->kind == QUESTION_TEXT)
		return a->text[0] != '\0';
	return a->answered;
}

/* "Stoppen? Uw antwoorden worden niet bewaard." */
static void confirm_stop(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	int w = c->width, col = w * 2 / 3, y = c->height / 4;
	int bh = ui_mm(ui, 26), gap = ui_mm(ui, 10);
	const char *yes = screen_tr(c, "survey.stop_yes");
	const char *no = screen_tr(c, "survey.stop_no");
	int yw = chrome_button_w(c, yes) + ui_mm(ui, 20);
	int nw = chrome_button_w(c, no) + ui_mm(ui, 20);
	int x = (w - yw - nw - gap) / 2;

	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     screen_tr(c, "survey.stop_title"), FONT_HERO,
		     UI_ALIGN_CENTER, c->theme->text);
	y += ui_mm(ui, 8);
	y += ui_text(ui, (struct rect){ (w - col) / 2, y, col, 0 },
		     screen_tr(c, "survey.stop_text"), FONT_BODY,
		     UI_ALIGN_CENTER, c->theme->text);
	y += ui_mm(ui, 15);
	if (ui_button(ui, "stop-no", (struct rect){ x, y, nw, bh }, no,
		      STYLE_PRIMARY))
		ask(c, SURVEY_OP_STOP_NO, 0, 0);
	if (ui_button(ui, "stop-yes", (struct rect){ x + nw + gap, y, yw, bh },
		      yes, STYLE_SECONDARY))
		ask(c, SURVEY_OP_STOP_YES, 0, 0);
}

static void question_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct survey *s = survey_of(c);
	int qi = c->at->item, lang = c->visit->lang;
	const struct survey_question *q;
	const struct survey_answer *a;
	int m = ui_mm(ui, MARGIN_MM), top, y, bottom, last;
	struct text_run run;
	const char *title;

	if (c->visit->survey_confirm) {
		confirm_stop(c);
		return;
	}
	if (!s || qi < 0 || qi >= s->nquestions)
		return;
	q = &s->questions[qi];
	a = &c->visit->answers.a[qi];
	if (chrome_header_back(c, text_get(&s->title, lang), &top))
		return;
	y = chrome_body_top(c) - ui_mm(ui, 4);
	if (q->kind != QUESTION_INFO) {
		progress_bar(c, y, qi);
		y += ui_mm(ui, 4) + ui_line_h(ui, FONT_BODY) + ui_mm(ui, 3);
	}
	title = text_get(&q->title, lang);
	run = (struct text_run){ title, strlen(title), 1 };
	y += ui_line_h(ui, FONT_TITLE) *
	     ui_text_runs(ui, &run, 1, FONT_TITLE, m, y, c->width - 2 * m,
			  UI_ALIGN_LEFT, c->theme->text, 0, 3,
			  UI_RECORD | UI_CLIP);
	if (*text_get(&q->help, lang))
		y += ui_text(ui, (struct rect){ m, y, c->width - 2 * m, 0 },
			     text_get(&q->help, lang), FONT_BODY, UI_ALIGN_LEFT,
			     c->theme->text);
	y += ui_mm(ui, 4);
	bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	switch (q->kind) {
	case QUESTION_TEXT:
		typing(c, q, qi, y, bottom, 0);
		break;
	case QUESTION_NUMBER:
		if (q->nbands > 0)
			choices(c, q, qi, y, bottom);
		else
			typing(c, q, qi, y, bottom, 1);
		break;
	case QUESTION_INFO:
		break;
	default: {
		int other = -1, i;

		for (i = 0; i < q->noptions; i++)
			if (q->options[i].other && a->answered &&
			    (q->kind == QUESTION_MULTI
				     ? (int)(a->chosen >> i & 1u)
				     : a->choice == i))
				other = i;
		if (other < 0) {
			choices(c, q, qi, y, bottom);
		} else {
			/* "anders, namelijk": the options shrink to a row
			 * and the keyboard opens under them */
			int row = choices(
				c, q, qi, y,
				y + ui_mm(ui, 22) * ((q->noptions + 2) / 3));

			typing(c, q, qi, row, bottom, 0);
		}
		break;
	}
	}
	/* at the foot: stop (asks once) and on */
	if (chrome_foot_button(c, "survey-stop", screen_tr(c, "survey.stop"), "close",
			0, STYLE_SECONDARY))
		ask(c, SURVEY_OP_STOP_ASK, 0, 0);
	last = survey_next(s, &c->visit->answers, qi) < 0;
	if (answered_enough(q, a)) {
		if (chrome_foot_button(c, "survey-next",
				screen_tr(c, last ? "survey.send" : "nav.next"),
				"next", 1, STYLE_PRIMARY))
			ask(c, last ? SURVEY_OP_SEND : SURVEY_OP_NEXT, qi, 0);
	} else {
		int x = c->width / 3;

		ui_text(ui,
			(struct rect){ x,
				       chrome_bottom(c) - ui_mm(ui, FOOTER_MM) +
					       ui_mm(ui, 6),
				       c->width - x - m, 0 },
			screen_tr(c, "survey.required"), FONT_BODY,
			UI_ALIGN_CENTER, c->theme->text);
	}
}

const struct screen_family screen_survey_question = { "enquete-vraag",
						      question_draw, one, NULL,
						      file };

/* ---- thank you ---- */

/* "What the wijk said so far" for one public question: bars with
 * percentages, or "nog te weinig antwoorden" below ten. */
static int public_bars(const struct screen_ctx *c,
		       const struct survey_question *q, int qi, int y,
		       int bottom)
{
	struct ui *ui = c->ui;
	const struct survey_results *res = c->results;
	int lang = c->visit->lang, m = ui_mm(ui, MARGIN_MM), i, n;
	int lw = (c->width - 2 * m) / 3,
	    bw = c->width - 2 * m - lw - ui_mm(ui, 30);
	int lh = ui_line_h(ui, FONT_BODY);
	const char *title = text_get(&q->title, lang);

	y += ui_text(ui, (struct rect){ m, y, c->width - 2 * m, 0 }, title,
		     FONT_BODY, UI_ALIGN_LEFT, c->theme->text);
	if (!res || res->total[qi] < SMALL_COUNT) {
		return y + ui_text(ui,
				   (struct rect){ m, y, c->width - 2 * m, 0 },
				   screen_tr(c, "survey.too_few"), FONT_BODY,
				   UI_ALIGN_LEFT, c->theme->text);
	}
	n = q->kind == QUESTION_SCALE	 ? SURVEY_SCALE_POINTS
	    : q->kind == QUESTION_YESNO	 ? 2
	    : q->kind == QUESTION_NUMBER ? q->nbands
					 : q->noptions;
	for (i = 0; i < n && y + lh <= bottom; i++) {
		int count = res->counts[qi][i], pct;
		char label[64], pcts[16], key[32];
		const char *name;

		if (q->kind == QUESTION_SCALE) {
			name = scale_word(c, q, i, key, sizeof(key));
		} else if (q->kind == QUESTION_YESNO) {
			/* stored as 1 for yes, 0 for no */
			name = screen_tr(c,
					 i == 0 ? "survey.yes" : "survey.no");
			count = res->counts[qi][i == 0 ? 1 : 0];
		} else if (q->kind == QUESTION_NUMBER) {
			name = text_get(&q->bands[i].label, lang);
		} else {
			name = text_get(&q->options[i].label, lang);
		}
		snprintf(label, sizeof(label), "%s", name);
		ui_text(ui, (struct rect){ m, y, lw, 0 }, label, FONT_BODY,
			UI_ALIGN_LEFT, c->theme->text);
		if (count > 0 && count < SMALL_COUNT) {
			/* a small group could be told apart: no bar */
			ui_text(ui, (struct rect){ m + lw, y, bw, 0 },
				screen_tr(c, "survey.few"), FONT_BODY,
				UI_ALIGN_LEFT, c->theme->text);
		} else {
			pct = res->total[qi] ? count * 100 / res->total[qi] : 0;
			draw_rect(&ui->dl,
				  (struct rect){ m + lw, y + lh / 4,
						 bw * pct / 100, lh / 2 },
				  c->theme->header_bg, 0);
			snprintf(pcts, sizeof(pcts), "%d%%", pct);
			ui_text(ui,
				(struct rect){ m + lw + bw + ui_mm(ui, 4), y,
					       ui_mm(ui, 26), 0 },
				pcts, FONT_BODY, UI_ALIGN_LEFT, c->theme->text);
		}
		y += lh;
	}
	return y + lh / 2;
}

static void thanks_draw(const struct screen_ctx *c)
{
	struct ui *ui = c->ui;
	const struct survey *s = survey_of(c);
	int m = ui_mm(ui, MARGIN_MM), top, y, i, bottom, saved = c->at->item;
	const char *done = screen_tr(c, "survey.done");

	top = chrome_header(c, m - ui_mm(ui, 8),
			    s ? text_get(&s->title, c->visit->lang) : NULL);
	(void)top;
	if (chrome_bar(c, 0))
		return;
	y = chrome_body_top(c);
	/* item 1: the answers were saved; 0: they could not be */
	y += ui_text(ui, (struct rect){ m, y, c->width - 2 * m, 0 },
		     screen_tr(c, saved ? "survey.thanks" : "survey.failed"),
		     saved ? FONT_HERO : FONT_TITLE, UI_ALIGN_LEFT,
		     c->theme->text);
	y += ui_mm(ui, 4);
	bottom = chrome_bottom(c) - ui_mm(ui, FOOTER_MM);
	if (saved && s) {
		int any = 0;

		for (i = 0; i < s->nquestions; i++)
			any |= s->questions[i].public_result;
		if (any)
			y += ui_text(ui,
				     (struct rect){ m, y, c->width - 2 * m, 0 },
				     screen_tr(c, "survey.so_far"), FONT_TITLE,
				     UI_ALIGN_LEFT, c->theme->text);
		for (i = 0; i < s->nquestions && y < bottom; i++)
			if (s->questions[i].public_result)
				y = public_bars(c, &s->questions[i], i, y,
						bottom);
	}
	if (chrome_foot_button(c, "survey-home", done, "home", 1, STYLE_PRIMARY))
		screen_ask(c, (struct screen_req){
				      .kind = REQ_OPEN,
				      .to = { .route = ROUTE_HOME } });
}

const struct screen_family screen_survey_thanks = { "enquete-bedankt",
						    thanks_draw, one, NULL,
						    file };
