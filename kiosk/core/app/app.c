/*
 * app: start-up, events, timers, routes and the idle wipe. What each
 * screen looks like is in core/screens/.
 */
#include "core/app/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "core/app/app_form.h"
#include "core/app/app_staff.h"
#include "core/app/app_survey.h"
#include "base/util.h"
#include "core/content/image.h"
#include "core/pdf.h"
#include "core/ui/keyboard.h"

static void fill_facts(struct app *a)
{
	a->facts.version = APP_VERSION;
	a->facts.content_dir = a->content_dir;
	a->facts.screen_width_mm = a->screen_width_mm;
}

int app_init(struct app *a, const struct app_config *cfg, uint64_t now,
	     struct err *e)
{
	char path[4096];
	struct content *c;

	memset(a, 0, sizeof(*a));
	snprintf(path, sizeof(path), "%s/theme.ini", cfg->assets_dir);
	if (theme_load(&a->base_theme, path, e) < 0)
		return -1;
	a->theme = a->base_theme;
	snprintf(path, sizeof(path), "%s/i18n", cfg->assets_dir);
	if (i18n_load_dir(&a->i18n, path, e) < 0)
		return -1;
	str_copy(a->content_dir, sizeof(a->content_dir), cfg->content_dir);
	snprintf(a->icons_dir, sizeof(a->icons_dir), "%s/icons",
		 cfg->assets_dir);
	a->speaking = -1;
	c = content_load(cfg->content_dir, CONTENT_QUICK, NULL, NULL, NULL, e);
	if (!c) {
		str_copy(a->broken_why, sizeof(a->broken_why), e->msg);
		log_error("content pack '%s' cannot be shown: %s",
			  cfg->content_dir, e->msg);
	}
	a->width = cfg->width;
	a->height = cfg->height;
	a->screen_width_mm = cfg->screen_width_mm;
	fill_facts(a);
	ui_init(&a->ui, &a->theme, cfg->metrics,
		cfg->width / cfg->screen_width_mm);
	a->now = now;
	a->today = 20260101;
	a->minute = 12 * 60;
	app_set_content(a, c, NULL);
	return 0;
}

static int flyer_total(const struct content *c)
{
	int i, n = 0;

	for (i = 0; c && i < c->ntiles; i++)
		n += c->tiles[i].nflyers;
	return n;
}

void app_set_content(struct app *a, struct content *c, const char *dir)
{
	if (dir)
		str_copy(a->content_dir, sizeof(a->content_dir), dir);
	/* layouts point into the old pack's text: forget them first */
	flow_cache_release(&a->flows);
	if (a->content && a->content != c)
		content_free(a->content);
	a->content = c;
	a->theme = a->base_theme;
	if (c && c->has_color)
		theme_apply_brand(&a->theme, c->color);
	free(a->flyer_pages);
	free(a->flyer_aspect);
	a->flyer_pages = xcalloc((size_t)flyer_total(c) + 1, sizeof(int));
	a->flyer_aspect = xcalloc((size_t)flyer_total(c) + 1, sizeof(int));
	app_wipe(a);
}

void app_set_today(struct app *a, int yyyymmdd)
{
	a->today = yyyymmdd;
}

void app_set_minute(struct app *a, int minute)
{
	a->minute = minute >= 0 && minute < 24 * 60 ? minute : 12 * 60;
}

void app_release(struct app *a)
{
	flow_cache_release(&a->flows);
	content_free(a->content);
	a->content = NULL;
	free(a->flyer_pages);
	a->flyer_pages = NULL;
	free(a->flyer_aspect);
	a->flyer_aspect = NULL;
	i18n_release(&a->i18n);
	readaloud_wipe(&a->speech);
	visit_wipe(&a->visit, a->now);
}

static int ui_lang(const struct app *a)
{
	int idx = a->content ? i18n_find(&a->i18n,
					 a->content->langs[a->visit.lang])
			     : 0;

	return idx < 0 ? 0 : idx;
}

const char *app_tr(const struct app *a, const char *key)
{
	return i18n_get(&a->i18n, ui_lang(a), key);
}

struct screen_ctx app_screen_ctx(struct app *a, const struct place *at)
{
	struct screen_ctx c = { 0 };

	c.ui = &a->ui;
	c.theme = &a->theme;
	c.i18n = &a->i18n;
	c.content = a->content;
	c.visit = &a->visit;
	c.at = at ? at : visit_at(&a->visit);
	c.facts = &a->facts;
	c.attract = &a->attract;
	c.ui_lang = ui_lang(a);
	c.width = a->width;
	c.height = a->height;
	c.now = a->now;
	c.today = a->today;
	c.minute = a->minute;
	c.flows = &a->flows;
	c.icons_dir = a->icons_dir;
	c.speaking = a->speaking;
	c.flyer_pages = a->flyer_pages;
	c.results = a->results_of ? &a->results : NULL;
	c.flyer_aspect = a->flyer_aspect;
	c.reqs = &a->reqs;
	c.printer = a->printer;
	c.print_state = a->visit.print_state;
	c.staff = &a->staff.view;
	return c;
}

/* ---- routes ---- */

/* Width per 1000 of height, kept within what a page can sensibly be. */
static int aspect_of(double w, double h)
{
	double r = w > 0 && h > 0 ? w * 1000 / h : 0;

	return r <= 0 ? 0 : r < 50 ? 50 : r > 20000 ? 20000 : (int)(r + 0.5);
}

/* Learns what a place needs before it is drawn (a flyer's page count and
 * the shape of its page: file I/O belongs here, on the tap, never in a
 * frame). */
static void prepare(struct app *a, const struct place *p)
{
	const struct flyer *f;
	const char *file;
	int *slot, *aspect, i, is_pdf;

	if (p->route != ROUTE_FLYER)
		return;
	f = &a->content->tiles[p->tile].flyers[p->item];
	i = screen_flyer_slot(a->content, p->tile, p->item);
	slot = &a->flyer_pages[i];
	aspect = &a->flyer_aspect[i];
	/* the flyer in the visitor's language when the pack has one */
	file = flyer_file(f, a->visit.lang);
	is_pdf = flyer_is_pdf(f, a->visit.lang);
	if (is_pdf && *slot == 0) {
		struct err e;
		double w = 0, h = 0;
		int n = pdf_inspect(file, &w, &h, &e);

		*slot = n > 0 ? n : -1;
		*aspect = aspect_of(w, h);
		if (n <= 0)
			log_error("flyer '%s' cannot be shown: %s", file,
				  e.msg);
	} else if (!is_pdf && *aspect == 0) {
		long w = 0, h = 0;

		if (image_size_file(file, &w, &h) == 0)
			*aspect = aspect_of((double)w, (double)h);
		else
			log_warn("flyer '%s': its size cannot be read", file);
	}
}

static int place_exists(const struct app *a, const struct place *p)
{
	const struct tile *t;

	if (!a->content)
		return 0;
	if (p->route == ROUTE_ATTRACT || p->route == ROUTE_HOME ||
	    p->route == ROUTE_INFO || p->route == ROUTE_LANG)
		return 1;
	if (p->tile < 0 || p->tile >= a->content->ntiles)
		return 0;
	t = &a->content->tiles[p->tile];
	if (p->route == ROUTE_FLYER)
		return p->item >= 0 && p->item < t->nflyers &&
		       t->flyers[p->item].file;
	if (p->route == ROUTE_NEWS)
		return p->item >= 0 && p->item < t->nnews;
	if (p->route == ROUTE_SURVEY)
		return t->survey && p->item >= 0 &&
		       p->item < t->survey->nquestions;
	if (p->route == ROUTE_SURVEY_DONE)
		return t->survey != NULL;
	if (p->route == ROUTE_ASK)
		return p->item >= 0 && p->item < t->ntopics && p->step >= 0 &&
		       p->step <= ASK_QUESTIONS;
	if (p->route == ROUTE_INITIATIVE || p->route == ROUTE_JOIN ||
	    p->route == ROUTE_SIGNUP || p->route == ROUTE_SIGNUP_DONE)
		return p->item >= 0 && p->item < t->ninitiatives &&
		       (p->route != ROUTE_SIGNUP ||
			(t->initiatives[p->item].signup && p->step >= 0 &&
			 p->step <= 2));
	return 1;
}

int app_open(struct app *a, struct place p)
{
	if (!place_exists(a, &p))
		return -1;
	prepare(a, &p);
	if (p.route == ROUTE_HOME) {
		/* home is the bottom of every visitor's way; a question or
		 * sign-up left half-way is not kept for the next one */
		app_form_forget(a);
		visit_reset(&a->visit, p);
		return 0;
	}
	if (p.route == ROUTE_FLYER) {
		a->visit.zoom = 0;
		a->visit.last_tap = 0;
	}
	visit_push(&a->visit, p);
	return 0;
}

static void run_frame(struct app *a);

/* ---- reading aloud ---- */

static void speech_stop(struct app *a)
{
	if (a->speaking >= 0 || a->speech_cmd == APP_SPEECH_START)
		a->speech_cmd = APP_SPEECH_STOP;
	a->speaking = -1;
	readaloud_wipe(&a->speech);
}

/* Reads the frame just built: its texts, then its buttons. */
static void speech_start(struct app *a)
{
	readaloud_compose(&a->speech, &a->ui.dl, app_tr(a, "speech.button"));
	if (a->speech.n == 0)
		return;
	a->speaking = 0;
	a->speech_cmd = APP_SPEECH_START;
}

enum app_speech_cmd app_speech_take(struct app *a, const char **lang,
				    const char *const **lines, int *n)
{
	enum app_speech_cmd cmd = a->speech_cmd;

	a->speech_cmd = APP_SPEECH_NONE;
	if (cmd == APP_SPEECH_START) {
		*lang = a->content ? a->content->langs[a->visit.lang] : "nl";
		*lines = a->speech.lines;
		*n = a->speech.n;
	}
	return cmd;
}

void app_speech_heard(struct app *a, int sentence)
{
	if (a->speaking < 0)
		return;
	a->speaking = sentence >= 0 && sentence < a->speech.n ? sentence : -1;
	if (a->speaking < 0)
		readaloud_wipe(&a->speech);
}

int app_say(struct app *a, struct readaloud *r)
{
	run_frame(a);
	return readaloud_compose(r, &a->ui.dl, app_tr(a, "speech.button"));
}

static void apply(struct app *a, const struct screen_req *r)
{
	struct visit *v = &a->visit;

	/* leaving the screen or changing its words ends the reading */
	if (r->kind != REQ_TAPPED && r->kind != REQ_ZOOM &&
	    r->kind != REQ_PAN && r->kind != REQ_SPEAK)
		speech_stop(a);
	if (app_survey_nav(a, r) || app_staff_apply(a, r))
		return;
	switch (r->kind) {
	case REQ_SURVEY:
		app_survey_apply(a, r);
		break;
	case REQ_FORM:
		app_form_apply(a, r);
		break;
	case REQ_SPEAK:
		if (r->value)
			speech_start(a);
		else
			speech_stop(a);
		break;
	case REQ_OPEN:
		v->print_state = PRINT_NONE;
		app_open(a, r->to);
		break;
	case REQ_BACK:
		v->print_state = PRINT_NONE;
		visit_pop(v);
		/* back on a flyer after choosing a language: its pages were
		 * forgotten with the old language, so learn them again */
		prepare(a, visit_at(v));
		break;
	case REQ_PART:
		if (visit_at(v)->route == ROUTE_FLYER &&
		    visit_at(v)->part != r->value)
			v->zoom = 0;
		visit_at(v)->part = r->value < 0 ? 0 : r->value;
		break;
	case REQ_LANG:
		if (a->content && r->value >= 0 &&
		    r->value < a->content->nlangs) {
			v->lang = r->value;
			visit_rewind_parts(v);
			/* a flyer may have a file of its own in this language:
			 * learn its pages again */
			memset(a->flyer_pages, 0,
			       (size_t)(flyer_total(a->content) + 1) *
				       sizeof(int));
			memset(a->flyer_aspect, 0,
			       (size_t)(flyer_total(a->content) + 1) *
				       sizeof(int));
			prepare(a, visit_at(v));
		}
		break;
	case REQ_LARGE:
		v->large = a->ui.large = !!r->value;
		visit_rewind_parts(v);
		break;
	case REQ_ZOOM:
		v->zoom = !!r->value;
		v->zoom_x = r->x;
		v->zoom_y = r->y;
		v->last_tap = 0;
		break;
	case REQ_PAN:
		if (v->zoom) {
			v->zoom_x = r->x < 0 ? 0 : r->x > 1000 ? 1000 : r->x;
			v->zoom_y = r->y < 0 ? 0 : r->y > 1000 ? 1000 : r->y;
			a->panned = 1;
		}
		break;
	case REQ_TAPPED:
		v->last_tap = a->now;
		break;
	case REQ_STAFF: /* app_staff_apply took it */
		break;
	}
}

static void run_frame(struct app *a)
{
	struct screen_ctx c;
	int i;

	a->ui.large = a->visit.large;
	/* Arabic and other right-to-left languages turn the layout around */
	a->ui.rtl = a->i18n.langs[ui_lang(a)].rtl;
	a->reqs.n = 0;
	c = app_screen_ctx(a, NULL);
	ui_begin(&a->ui, a->width, a->height, a->now, a->theme.background);
	screens_run(&c);
	ui_end(&a->ui);
	/* the sentence being heard, marked for people who read a little; its
	 * place comes from a finished frame's text list, in screen pixels,
	 * so it is added after ui_end has mirrored the frame */
	if (a->speaking >= 0 && a->speaking < a->speech.n && !a->visit.prompt)
		draw_frame(&a->ui.dl, a->speech.where[a->speaking],
			   a->theme.accent, ui_mm(&a->ui, 1.0));
	for (i = 0; i < a->reqs.n; i++)
		apply(a, &a->reqs.r[i]);
	a->reqs.n = 0;
}

/* ---- idle ---- */

void app_wipe(struct app *a)
{
	speech_stop(a);
	visit_wipe(&a->visit, a->now);
	app_staff_wipe(a);
	a->ui.large = 0;
	ui_wipe(&a->ui);
	a->attract = (struct attract_state){ 0, a->now, 0 };
	a->forgets++;
}

void app_bench_fade(struct app *a)
{
	a->attract.fading = 1;
	if (a->now >= a->attract.since + ATTRACT_FADE_MS)
		a->attract.since = a->now;
}

static uint64_t idle_ms(const struct app *a)
{
	return (uint64_t)(a->content ? a->content->idle_seconds : 90) * 1000;
}

int app_resting(const struct app *a)
{
	return !a->content || visit_at_const(&a->visit)->route == ROUTE_ATTRACT;
}

static int on_attract(const struct app *a)
{
	return a->content && visit_at_const(&a->visit)->route == ROUTE_ATTRACT;
}

/* The earliest time a timer wants to fire, or 0 for none. */
static uint64_t next_deadline(const struct app *a)
{
	const struct visit *v = &a->visit;
	uint64_t next = 0, t;

#define CONSIDER(x)                                                            \
	do {                                                                   \
		t = (x);                                                       \
		if (t && (!next || t < next))                                  \
			next = t;                                              \
	} while (0)
	CONSIDER(ui_next_deadline(&a->ui));
	if (app_staff_open(a))
		CONSIDER(v->last_input + STAFF_IDLE_MS);
	else if (v->prompt)
		CONSIDER(v->prompt_since + VISIT_PROMPT_SECONDS * 1000);
	else if (!app_resting(a))
		CONSIDER(v->last_input + idle_ms(a));
	if (on_attract(a))
		CONSIDER(a->attract.since + ATTRACT_HIGHLIGHT_MS);
#undef CONSIDER
	return next;
}

static void fire_timers(struct app *a)
{
	struct visit *v = &a->visit;
	uint64_t lp = ui_next_deadline(&a->ui);

	if (lp && lp <= a->now) {
		run_frame(a);
		a->ui.long_polled = 1;
	}
	if (app_staff_open(a)) {
		/* staff mode asks nothing: it closes */
		if (a->now >= v->last_input + STAFF_IDLE_MS) {
			app_wipe(a);
			log_info("staff mode closed after two minutes without "
				 "a touch");
		}
	} else if (v->prompt &&
		   a->now >= v->prompt_since + VISIT_PROMPT_SECONDS * 1000) {
		app_wipe(a);
		log_info("visitor gone: screen wiped, back to the attract "
			 "screen");
	} else if (!v->prompt && !app_resting(a) &&
		   a->now >= v->last_input + idle_ms(a)) {
		v->prompt = 1;
		v->prompt_since = a->now;
		ui_reset_input(&a->ui);
	}
	if (on_attract(a) &&
	    a->now >= a->attract.since + ATTRACT_HIGHLIGHT_MS) {
		int n = screen_attract_count(a->content);

		a->attract.highlight = n ? (a->attract.highlight + 1) % n : 0;
		a->attract.since = a->now;
		a->attract.fading = n > 1;
	}
}

void app_advance(struct app *a, uint64_t now)
{
	for (;;) {
		uint64_t next = next_deadline(a);

		if (!next || next > now)
			break;
		if (next > a->now)
			a->now = next;
		fire_timers(a);
	}
	if (now > a->now)
		a->now = now;
}

void app_pointer(struct app *a, enum ptr_kind kind, int x, int y, uint64_t now)
{
	app_advance(a, now);
	a->visit.last_input = a->now;
	if (a->visit.prompt) {
		/* any touch on the prompt means "I am still here" */
		if (kind == UI_PTR_UP)
			a->visit.prompt = 0;
		return;
	}
	ui_pointer(&a->ui, kind, x, y, a->now);
	/* a press or release must meet the widgets in a frame; a move only
	 * moves the pointer (the drag rule is decided in ui_pointer), and
	 * the next frame shows it: no layout for every finger move */
	if (kind != UI_PTR_MOVE) {
		int reading = a->speaking >= 0;

		run_frame(a);
		/* a tap anywhere ends the reading (the speaker button, while
		 * it reads, asks for the same) */
		if (kind == UI_PTR_UP && reading && a->speaking >= 0 &&
		    a->speech_cmd != APP_SPEECH_START)
			speech_stop(a);
	}
}

int app_type(struct app *a, const char *text, uint64_t now, struct err *e)
{
	struct visit *v = &a->visit;
	const struct survey_question *q;
	struct survey_answer *ans;
	size_t have, add, size;
	int number, max;
	char *field;

	app_advance(a, now);
	if (!v->prompt && app_form_field(a, &field, &size, &max)) {
		/* the same rule: all of it fits, or nothing changes */
		v->last_input = a->now;
		have = strlen(field);
		add = strlen(text);
		if (!utf8_valid(text, add, NULL))
			return err_set(e, "text is not valid UTF-8");
		if (have + add >= size ||
		    ui_text_chars(field) + ui_text_chars(text) > max)
			return err_set(e,
				       "text too long for the field (at most "
				       "%d letters, %d there already)",
				       max, ui_text_chars(field));
		memcpy(field + have, text, add + 1);
		app_form_typed(a);
		return 0;
	}
	if (!v->prompt && app_survey_field(a, &q, &ans, &number)) {
		/* as if typed key by key on the on-screen keyboard: all of it
		 * fits, or nothing changes */
		max = app_survey_max_chars(q, number);
		v->last_input = a->now;
		have = strlen(ans->text);
		add = strlen(text);
		if (!utf8_valid(text, add, NULL))
			return err_set(e, "text is not valid UTF-8");
		/* letters, as the counter on screen counts them */
		if (have + add > SURVEY_TEXT_MAX ||
		    ui_text_chars(ans->text) + ui_text_chars(text) > max)
			return err_set(e,
				       "text too long for the field (at most "
				       "%d letters, %d there already)",
				       max, ui_text_chars(ans->text));
		memcpy(ans->text + have, text, add + 1);
		if (number)
			app_survey_number(q, ans);
		else if (q->kind == QUESTION_TEXT)
			ans->answered = ans->text[0] != '\0';
		return 0;
	}
	if (!v->typing || v->prompt)
		return err_set(e, "no text field on screen to type into");
	v->last_input = a->now;
	have = strlen(v->typed);
	add = strlen(text);
	if (have + add >= sizeof(v->typed))
		return err_set(e,
			       "text too long for the field (at most %zu "
			       "bytes)",
			       sizeof(v->typed) - 1);
	memcpy(v->typed + have, text, add + 1);
	return 0;
}

const struct draw_list *app_frame(struct app *a)
{
	a->panned = 0;
	run_frame(a);
	/* a finger moving a zoomed page: the frame just built still shows
	 * the page where it was; one more shows where the finger took it */
	if (a->panned) {
		a->panned = 0;
		run_frame(a);
	}
	return &a->ui.dl;
}

int64_t app_wakeup_in(const struct app *a)
{
	const struct visit *v = &a->visit;
	uint64_t next = next_deadline(a);
	int64_t in = next ? (int64_t)(next - a->now) : -1;

	if (on_attract(a) && !v->prompt && a->attract.fading &&
	    a->now < a->attract.since + ATTRACT_FADE_MS)
		in = ATTRACT_FADE_STEP_MS; /* cross-fade running */
	if (v->prompt) {
		/* the countdown changes once a second */
		int64_t to_tick =
			1000 - (int64_t)((a->now - v->prompt_since) % 1000);

		if (in < 0 || to_tick < in)
			in = to_tick;
	}
	if (in < 0)
		return -1;
	return in;
}
