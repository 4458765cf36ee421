/*
 * app_form: a question and a sign-up filled in by touch; see app_form.h.
 */
#include "core/app/app_form.h"

#include <string.h>

#include "base/log.h"
#include "core/reach.h"
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

static void forget_ask(struct visit *v)
{
	explicit_bzero(v->ask_picked, sizeof(v->ask_picked));
	explicit_bzero(v->ask_text, sizeof(v->ask_text));
	v->ask_typing = 0;
}

static void forget_signup(struct visit *v, int keep_name)
{
	if (!keep_name)
		explicit_bzero(v->signup_name, sizeof(v->signup_name));
	explicit_bzero(v->signup_contact, sizeof(v->signup_contact));
	v->signup_problem = 0;
}

void app_form_forget(struct app *a)
{
	forget_ask(&a->visit);
	forget_signup(&a->visit, 0);
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
	forget_signup(v, done.step);
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
		forget_signup(v, 0);
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
			forget_signup(v, 0);
			while (v->depth > 1 &&
			       visit_at(v)->route != ROUTE_INITIATIVE)
				visit_pop(v);
		}
		break;
	case FORM_PRINT:
		break; /* the printer comes with its own module */
	}
}
