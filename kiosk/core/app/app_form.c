/*
 * app_form: a question and a sign-up filled in by touch; see app_form.h.
 */
#include "core/app/app_form.h"

#include <string.h>

#include "base/log.h"
#include "base/util.h"
#include "core/reach.h"
#include "core/screens/message.h"
#include "core/ui/keyboard.h"

void app_set_signup_sink(struct app *a, const struct app_signup_sink *sink)
{
	a->signup_sink = *sink;
}

static const struct tile *tile_here(struct app *a, const struct place *p)
{
	if (!a->content || p->tile < 0 || p->tile >= a->content->ntiles)
		return NULL;
	return &a->content->tiles[p->tile];
}

const struct ask_topic *app_form_topic(struct app *a)
{
	const struct place *p = visit_at(&a->visit);
	const struct tile *t = tile_here(a, p);

	if (!t || p->route != ROUTE_ASK || p->item < 0 || p->item >= t->ntopics)
		return NULL;
	return &t->topics[p->item];
}

const struct initiative *app_form_initiative(struct app *a)
{
	const struct place *p = visit_at(&a->visit);
	const struct tile *t = tile_here(a, p);

	if (!t || p->item < 0 || p->item >= t->ninitiatives)
		return NULL;
	return &t->initiatives[p->item];
}

/* Each forgets only what is there, and counts it (see app->forgets): a
 * visitor who typed nothing costs the platform's caches nothing. */
static int ask_typed(const struct visit *v)
{
	size_t i;

	/* one array of bytes: indexing the rows misleads GCC's overflow
	 * check on the explicit_bzero below */
	for (i = 0; i < sizeof(v->ask_text); i += sizeof(v->ask_text[0]))
		if (((const char *)v->ask_text)[i])
			return 1;
	return 0;
}

static void forget_ask(struct app *a)
{
	struct visit *v = &a->visit;

	if (ask_typed(v))
		a->forgets++;
	explicit_bzero(v->ask_picked, sizeof(v->ask_picked));
	explicit_bzero(v->ask_text, sizeof(v->ask_text));
	v->ask_typing = 0;
}

static void forget_signup(struct app *a, int keep_name)
{
	struct visit *v = &a->visit;

	if (v->signup_contact[0] || (!keep_name && v->signup_name[0]))
		a->forgets++;
	if (!keep_name)
		explicit_bzero(v->signup_name, sizeof(v->signup_name));
	explicit_bzero(v->signup_contact, sizeof(v->signup_contact));
	v->signup_problem = 0;
}

void app_form_forget(struct app *a)
{
	forget_ask(a);
	forget_signup(a, 0);
	a->visit.kb_shift = a->visit.kb_accents = 0;
}

int app_form_field(struct app *a, char **text, size_t *size, int *max_chars)
{
	struct visit *v = &a->visit;
	const struct place *p = visit_at(v);

	if (p->route == ROUTE_ASK && p->step >= 0 && p->step < ASK_QUESTIONS &&
	    v->ask_typing && app_form_topic(a)) {
		*text = v->ask_text[p->step];
		*size = sizeof(v->ask_text[p->step]);
		*max_chars = ASK_TEXT_CHARS;
		return 1;
	}
	if (p->route == ROUTE_SIGNUP && p->step == 0) {
		*text = v->signup_name;
		*size = sizeof(v->signup_name);
		*max_chars = SIGNUP_NAME_CHARS;
		return 1;
	}
	if (p->route == ROUTE_SIGNUP && p->step == 1) {
		*text = v->signup_contact;
		*size = sizeof(v->signup_contact);
		*max_chars = SIGNUP_CONTACT_CHARS;
		return 1;
	}
	return 0;
}

void app_form_typed(struct app *a)
{
	/* a changed contact is checked again on "Volgende" */
	a->visit.signup_problem = 0;
}

/* A phone number (Dutch or international) or an e-mail address. */
static int contact_ok(const char *s)
{
	char phone[64];

	return email_valid(s) || phone_normalize(s, phone, sizeof(phone)) == 0;
}

static void key(struct app *a, int kind, const char *text)
{
	struct ui_keyboard_state st = { a->visit.kb_shift,
					a->visit.kb_accents };
	struct ui_key_event ev = { 0 };
	char *field;
	size_t size;
	int max;

	if (!app_form_field(a, &field, &size, &max))
		return;
	ev.kind = kind;
	if (text)
		memcpy(ev.text, text, sizeof(ev.text) - 1);
	if (ui_keyboard_apply(&st, field, size, max, &ev))
		app_form_typed(a);
	a->visit.kb_shift = st.shift;
	a->visit.kb_accents = st.accents;
}

/* The sign-up on screen goes to the sink; the form gives way to the
 * thank-you (or "not saved") screen, one step above the initiative. */
static void signup_save(struct app *a)
{
	struct visit *v = &a->visit;
	const struct initiative *in = app_form_initiative(a);
	struct place *p = visit_at(v);
	struct err e = { "" };
	struct place done = { .route = ROUTE_SIGNUP_DONE,
			      .tile = p->tile,
			      .item = p->item };

	if (!in)
		return;
	if (a->signup_sink.save &&
	    a->signup_sink.save(a->signup_sink.ctx, in, v->signup_name,
				v->signup_contact, a->today, &e) == 0)
		done.step = 1;
	else
		/* the reason, never the name or the contact */
		log_error("sign-up for '%s' not saved: %s", in->id,
			  a->signup_sink.save ? e.msg : "no place to save it");
	forget_signup(a, done.step);
	v->kb_shift = v->kb_accents = 0;
	while (v->depth > 1 && visit_at(v)->route != ROUTE_INITIATIVE)
		visit_pop(v);
	visit_push(v, done);
}

static void next(struct app *a)
{
	struct visit *v = &a->visit;
	struct place p = *visit_at(v);

	v->kb_shift = v->kb_accents = 0;
	if (p.route == ROUTE_ASK && p.step < ASK_QUESTIONS) {
		v->ask_typing = 0;
		p.step++;
		visit_push(v, p);
	} else if (p.route == ROUTE_SIGNUP && p.step == 0) {
		if (v->signup_name[0]) {
			p.step = 1;
			visit_push(v, p);
		}
	} else if (p.route == ROUTE_SIGNUP && p.step == 1) {
		if (!contact_ok(v->signup_contact)) {
			v->signup_problem = 1;
			return;
		}
		p.step = 2;
		visit_push(v, p);
	}
}

/* ---- the slip ---- */

void app_set_printer(struct app *a, int on)
{
	a->printer = on;
}

static void slip_line(struct visit_slip *s, const char *text)
{
	if (s->nlines < VISIT_SLIP_LINES && text && *text)
		str_copy(s->lines[s->nlines++], sizeof(s->lines[0]), text);
}

static void slip_format(struct app *a, char *out, size_t size, const char *key,
			const char *arg)
{
	const char *args[1] = { arg };

	i18n_format(out, size, app_tr(a, key), args, 1);
}

/* Room for the slip's code: what the paper's width holds at six dots a
 * module, and never more than the buffer. */
static size_t slip_qr_room(const struct app *a)
{
	size_t max =
		slip_qr_max(a->content ? a->content->printer_paper_mm : 0) + 1;

	return max < sizeof(a->visit.slip.qr) ? max : sizeof(a->visit.slip.qr);
}

/* The keukentafel-kaart: the topic, who helps and when, the three answers
 * and the code that opens the question on a phone. */
static void slip_of_question(struct app *a, const struct ask_topic *tp)
{
	struct visit *v = &a->visit;
	struct visit_slip *s = &v->slip;
	struct screen_ctx c = app_screen_ctx(a, NULL);
	char lines[ASK_QUESTIONS][MESSAGE_BODY_MAX / 2], line[600];
	char subject[256], body[MESSAGE_BODY_MAX];
	int i, n, shortened;

	slip_format(a, s->title, sizeof(s->title), "print.ask_title",
		    text_get(&tp->title, v->lang));
	slip_format(a, line, sizeof(line), "print.who",
		    text_get(&tp->who, v->lang));
	slip_line(s, line);
	slip_line(s, text_get(&tp->hours, v->lang));
	n = message_answers(&c, tp, lines);
	for (i = 0; i < n; i++)
		slip_line(s, lines[i]);
	message_ask(&c, tp, subject, sizeof(subject), body, sizeof(body));
	message_qr(&c, &tp->reach, subject, body, s->qr, slip_qr_room(a),
		   s->qr_says, sizeof(s->qr_says), &shortened);
}

/* After a sign-up: what happens next and who answers; never the name or
 * the phone number, so a slip left behind tells nobody anything. */
static void slip_of_signup(struct app *a, const struct initiative *in)
{
	struct visit *v = &a->visit;
	struct visit_slip *s = &v->slip;
	struct screen_ctx c = app_screen_ctx(a, NULL);
	char line[600], subject[256], body[MESSAGE_BODY_MAX];
	int shortened;

	slip_format(a, s->title, sizeof(s->title), "print.signup_title",
		    text_get(&in->title, v->lang));
	slip_line(s, text_get(&in->when, v->lang));
	slip_line(s, text_get(&in->where, v->lang));
	slip_line(s, text_get(&in->next, v->lang));
	if (in->contact_name) {
		slip_format(a, line, sizeof(line), "join.contact",
			    in->contact_name);
		slip_line(s, line);
	}
	message_join(&c, in, subject, sizeof(subject), body, sizeof(body));
	message_qr(&c, &in->reach, subject, body, s->qr, slip_qr_room(a),
		   s->qr_says, sizeof(s->qr_says), &shortened);
}

static void print_request(struct app *a)
{
	struct visit *v = &a->visit;
	const struct place *p = visit_at(v);
	const struct ask_topic *tp = app_form_topic(a);
	const struct initiative *in = app_form_initiative(a);

	if (!a->printer || v->print_state == PRINT_BUSY)
		return;
	explicit_bzero(&v->slip, sizeof(v->slip));
	if (p->route == ROUTE_ASK && p->step == ASK_QUESTIONS && tp)
		slip_of_question(a, tp);
	else if (p->route == ROUTE_SIGNUP_DONE && p->step && in)
		slip_of_signup(a, in);
	else
		return;
	a->print_cmd = 1;
	v->print_state = PRINT_BUSY;
}

int app_print_take(struct app *a, struct slip *s)
{
	struct visit_slip *vs = &a->visit.slip;
	int i;

	if (!a->print_cmd)
		return 0;
	a->print_cmd = 0;
	memset(s, 0, sizeof(*s));
	s->title = vs->title;
	for (i = 0; i < vs->nlines && i < SLIP_LINES_MAX; i++)
		s->lines[i] = vs->lines[i];
	s->nlines = i;
	s->qr = vs->qr[0] ? vs->qr : NULL;
	s->qr_says = vs->qr_says[0] ? vs->qr_says : NULL;
	s->footer = a->content ? a->content->name : NULL;
	s->logo = a->content ? a->content->logo : NULL;
	s->rtl = a->ui.rtl;
	s->paper_mm = a->content && a->content->printer_paper_mm
			      ? a->content->printer_paper_mm
			      : SLIP_PAPER_MM;
	return 1;
}

void app_print_state(struct app *a, int state)
{
	/* a visitor who left the screen is not told about it */
	if (a->visit.print_state != PRINT_NONE)
		a->visit.print_state = state;
	if (state != PRINT_BUSY)
		explicit_bzero(&a->visit.slip, sizeof(a->visit.slip));
}

void app_form_apply(struct app *a, const struct screen_req *r)
{
	struct visit *v = &a->visit;
	struct place *p = visit_at(v);
	const struct tile *t = tile_here(a, p);
	const struct ask_topic *tp;

	switch ((enum form_op)r->value) {
	case FORM_ASK_START:
		if (!t || r->x < 0 || r->x >= t->ntopics)
			break;
		app_form_forget(a);
		visit_push(v, (struct place){ .route = ROUTE_ASK,
					      .tile = p->tile,
					      .item = r->x });
		break;
	case FORM_TOGGLE:
		tp = app_form_topic(a);
		if (tp && p->step < ASK_QUESTIONS && r->y >= 0 &&
		    r->y < tp->nchoices[p->step])
			v->ask_picked[p->step] ^= 1u << r->y;
		break;
	case FORM_KEYBOARD:
		v->ask_typing = !!r->y;
		v->kb_shift = v->kb_accents = 0;
		break;
	case FORM_TYPE:
		key(a, UI_KEY_TEXT, r->text);
		break;
	case FORM_ERASE:
		key(a, UI_KEY_ERASE, NULL);
		break;
	case FORM_SHIFT:
		key(a, UI_KEY_SHIFT, NULL);
		break;
	case FORM_ACCENTS:
		key(a, UI_KEY_ACCENTS, NULL);
		break;
	case FORM_NEXT:
		next(a);
		break;
	case FORM_SIGNUP_START:
		if (!t || r->x < 0 || r->x >= t->ninitiatives ||
		    !t->initiatives[r->x].signup)
			break;
		forget_signup(a, 0);
		visit_push(v, (struct place){ .route = ROUTE_SIGNUP,
					      .tile = p->tile,
					      .item = r->x });
		v->kb_shift = 1; /* a name starts with a capital */
		break;
	case FORM_CONSENT:
		if (p->route != ROUTE_SIGNUP)
			break;
		if (r->y && p->step == 2) {
			signup_save(a);
		} else if (!r->y) {
			/* "Stoppen": nothing of it is kept */
			forget_signup(a, 0);
			while (v->depth > 1 &&
			       visit_at(v)->route != ROUTE_INITIATIVE)
				visit_pop(v);
		}
		break;
	case FORM_PRINT:
		print_request(a);
		break;
	}
}
