/*
 * asks: the two tiles that end with something in the visitor's hand. An
 * ask tile (onderwerpen.ini) walks the three questions of the werkwijze
 * per topic and says who can help; an initiatives tile (initiatieven.ini)
 * shows citizen initiatives that want new people. Both say how a phone
 * reaches someone (`send` and `to`), which is checked here so a QR code
 * on the kiosk never opens a broken message.
 *
 *   [wonen]                      [moestuin]
 *   title = Wonen                title = Moestuin Ussen
 *   icon = wonen.png             photo = moestuin.jpg
 *   want = Een andere woning | Hulp in huis
 *   can = ...                    what = ...   when = ...   where = ...
 *   need = ...                   looking_for = ...
 *   who = De wijkwerker          contact_name = Fatima
 *   hours = Op werkdagen 9-12    send = whatsapp
 *   send = email                 to = 06 12345678
 *   to = vraag@wijk.example      consent = ...   next = ...
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/content/schema.h"
#include "core/reach.h"

#define COUNT(a) ((int)ARRAY_LEN(a))

static const char *const question_keys[ASK_QUESTIONS] = { "want", "can",
							  "need" };

/* ---- how to reach someone ---- */

static const char *const send_names[] = {
	[REACH_EMAIL] = "email",
	[REACH_WHATSAPP] = "whatsapp",
	[REACH_PHONE] = "telefoon",
	[REACH_WEB] = "website",
};

static void set_send(struct schema_file *F, struct reach_to *r,
		     const char *value)
{
	int i;

	for (i = 0; i < COUNT(send_names); i++)
		if (strcmp(value, send_names[i]) == 0) {
			r->kind = (enum reach_kind)i;
			return;
		}
	diag_add(F->L, 0, F->rel, F->line,
		 "onbekende manier '%s': kies email, whatsapp, telefoon of "
		 "website",
		 value);
}

/* After a record: `to` fits `send`. */
static void reach_check(struct loader *L, const char *rel, int line,
			const char *what, const struct reach_to *r)
{
	char phone[64];

	if (!r->to) {
		diag_add(L, 0, rel, line,
			 "%s heeft geen 'to': schrijf op wie de bewoner "
			 "bereikt (een e-mailadres, telefoonnummer of "
			 "website) en hoe (send = email, whatsapp, telefoon "
			 "of website)",
			 what);
		return;
	}
	switch (r->kind) {
	case REACH_EMAIL:
		if (!email_valid(r->to))
			diag_add(L, 0, rel, line,
				 "'%s' bij %s is geen e-mailadres (zoals "
				 "naam@organisatie.nl)",
				 r->to, what);
		break;
	case REACH_WHATSAPP:
	case REACH_PHONE:
		if (phone_normalize(r->to, phone, sizeof(phone)) < 0)
			diag_add(L, 0, rel, line,
				 "'%s' bij %s is geen telefoonnummer (zoals "
				 "06 12345678 of +31 412 000000)",
				 r->to, what);
		break;
	case REACH_WEB:
		if (strncmp(r->to, "https://", 8) != 0 &&
		    strncmp(r->to, "http://", 7) != 0)
			diag_add(L, 0, rel, line,
				 "'%s' bij %s is geen webadres: begin met "
				 "https://",
				 r->to, what);
		break;
	}
}

/* ---- onderwerpen.ini ---- */

static void *topic_item(struct schema_file *F, const char *section)
{
	struct tile *t = F->user;
	struct ask_topic *tp;
	int i;

	for (i = 0; i < t->ntopics; i++)
		if (strcmp(t->topics[i].id, section) == 0)
			return &t->topics[i];
	t->topics = xrealloc(t->topics,
			     (size_t)(t->ntopics + 1) * sizeof(*t->topics));
	tp = &t->topics[t->ntopics++];
	memset(tp, 0, sizeof(*tp));
	tp->id = str_dup(section);
	tp->line = F->line;
	return tp;
}

/* want, can, need (and want.en ...): choices split at '|'. */
static void set_choices(struct schema_file *F, void *rec, const char *key,
			const char *value)
{
	struct ask_topic *tp = rec;
	const char *dot = strchr(key, '.');
	size_t klen = dot ? (size_t)(dot - key) : strlen(key);
	int q, lang = dot ? lang_index(F->L->c, dot + 1) : 0, n = 0;
	char *copy, *part, *save = NULL;

	for (q = 0; q < ASK_QUESTIONS; q++)
		if (strlen(question_keys[q]) == klen &&
		    strncmp(key, question_keys[q], klen) == 0)
			break;
	if (q == ASK_QUESTIONS || lang < 0)
		return; /* an unknown language is warned about by the reader */
	if (tp->choices[q][0].s[lang]) {
		diag_add(F->L, 0, F->rel, F->line, "'%s' staat hier twee keer",
			 key);
		return;
	}
	copy = str_dup(value);
	for (part = strtok_r(copy, "|", &save); part;
	     part = strtok_r(NULL, "|", &save)) {
		char *w = str_trim(part);

		if (!*w)
			continue;
		if (n == ASK_CHOICES_MAX) {
			diag_add(F->L, 0, F->rel, F->line,
				 "meer dan %d keuzes bij %s: er passen %d "
				 "grote knoppen op het scherm. Laat er een "
				 "paar weg (de bewoner kan ook zelf typen)",
				 ASK_CHOICES_MAX, key, ASK_CHOICES_MAX);
			break;
		}
		tp->choices[q][n++].s[lang] = str_dup(w);
	}
	free(copy);
	if (lang == 0 && n == 0)
		diag_add(F->L, 1, F->rel, F->line,
			 "er staan geen keuzes bij %s: de bewoner kan dan "
			 "alleen typen",
			 key);
	if (lang == 0)
		tp->nchoices[q] = n;
	else if (n != tp->nchoices[q] && tp->nchoices[q] > 0)
		diag_add(F->L, 0, F->rel, F->line,
			 "%s heeft %d keuzes, in het Nederlands zijn het er "
			 "%d: zet ze in dezelfde volgorde, gescheiden door |",
			 key, n, tp->nchoices[q]);
}

static void set_topic_send(struct schema_file *F, void *rec, const char *key,
			   const char *value)
{
	(void)key;
	set_send(F, &((struct ask_topic *)rec)->reach, value);
}

static const struct field topic_fields[] = {
	FIELD_ROW(NULL, "title", FIELD_TTEXT, 1,
		  .offset = offsetof(struct ask_topic, title)),
	FIELD_ROW(NULL, "icon", FIELD_IMAGE, 0,
		  .offset = offsetof(struct ask_topic, icon)),
	FIELD_ROW(NULL, "want", FIELD_CALL, 1, .call = set_choices,
		  .translated = 1,
		  .need = "keuzes voor 'Wat wil je?', gescheiden door |"),
	FIELD_ROW(NULL, "can", FIELD_CALL, 1, .call = set_choices,
		  .translated = 1,
		  .need = "keuzes voor 'Wat kan je zelf?', gescheiden door |"),
	FIELD_ROW(NULL, "need", FIELD_CALL, 1, .call = set_choices,
		  .translated = 1,
		  .need = "keuzes voor 'Wat heb je nodig?', gescheiden door |"),
	FIELD_ROW(NULL, "who", FIELD_TTEXT, 1,
		  .offset = offsetof(struct ask_topic, who),
		  .need = "wie kan helpen: een organisatie, persoon of balie"),
	FIELD_ROW(NULL, "hours", FIELD_TTEXT, 0,
		  .offset = offsetof(struct ask_topic, hours)),
	FIELD_ROW(NULL, "send", FIELD_CALL, 0, .call = set_topic_send),
	FIELD_ROW(NULL, "to", FIELD_TEXT, 0,
		  .offset = offsetof(struct ask_topic, reach.to)),
	FIELD_ROW(NULL, "subject", FIELD_TTEXT, 0,
		  .offset = offsetof(struct ask_topic, reach.subject)),
};

const struct schema topic_schema = { topic_fields, COUNT(topic_fields),
				     topic_item, NULL };

/* ---- initiatieven.ini ---- */

static void *initiative_item(struct schema_file *F, const char *section)
{
	struct tile *t = F->user;
	struct initiative *in;
	int i;

	for (i = 0; i < t->ninitiatives; i++)
		if (strcmp(t->initiatives[i].id, section) == 0)
			return &t->initiatives[i];
	t->initiatives =
		xrealloc(t->initiatives, (size_t)(t->ninitiatives + 1) *
						 sizeof(*t->initiatives));
	in = &t->initiatives[t->ninitiatives++];
	memset(in, 0, sizeof(*in));
	in->id = str_dup(section);
	in->signup = 1;
	in->line = F->line;
	return in;
}

static void set_initiative_send(struct schema_file *F, void *rec,
				const char *key, const char *value)
{
	(void)key;
	set_send(F, &((struct initiative *)rec)->reach, value);
}

static void set_signup(struct schema_file *F, void *rec, const char *key,
		       const char *value)
{
	struct initiative *in = rec;

	(void)key;
	if (strcmp(value, "ja") == 0)
		in->signup = 1;
	else if (strcmp(value, "nee") == 0)
		in->signup = 0;
	else
		diag_add(F->L, 0, F->rel, F->line,
			 "schrijf signup = ja of signup = nee");
}

#define IN_INIT(f) .offset = offsetof(struct initiative, f)

static const struct field initiative_fields[] = {
	FIELD_ROW(NULL, "title", FIELD_TTEXT, 1, IN_INIT(title)),
	FIELD_ROW(NULL, "photo", FIELD_IMAGE, 0, IN_INIT(photo)),
	FIELD_ROW(NULL, "what", FIELD_TTEXT, 1, IN_INIT(what),
		  .need = "wat het initiatief doet"),
	FIELD_ROW(NULL, "when", FIELD_TTEXT, 0, IN_INIT(when)),
	FIELD_ROW(NULL, "where", FIELD_TTEXT, 0, IN_INIT(where)),
	FIELD_ROW(NULL, "looking_for", FIELD_TTEXT, 0, IN_INIT(looking_for)),
	FIELD_ROW(NULL, "contact_name", FIELD_TEXT, 0, IN_INIT(contact_name)),
	FIELD_ROW(NULL, "send", FIELD_CALL, 0, .call = set_initiative_send),
	FIELD_ROW(NULL, "to", FIELD_TEXT, 0, IN_INIT(reach.to)),
	FIELD_ROW(NULL, "subject", FIELD_TTEXT, 0, IN_INIT(reach.subject)),
	FIELD_ROW(NULL, "signup", FIELD_CALL, 0, .call = set_signup),
	FIELD_ROW(NULL, "consent", FIELD_TTEXT, 0, IN_INIT(consent)),
	FIELD_ROW(NULL, "next", FIELD_TTEXT, 0, IN_INIT(next)),
};

const struct schema initiative_schema = { initiative_fields,
					  COUNT(initiative_fields),
					  initiative_item, NULL };

/* ---- after the file ---- */

void asks_check(struct loader *L, struct tile *t, const char *rel)
{
	char what[200];
	int i;

	for (i = 0; i < t->ntopics; i++) {
		const struct ask_topic *tp = &t->topics[i];

		snprintf(what, sizeof(what), "onderwerp [%s]", tp->id);
		reach_check(L, rel, tp->line, what, &tp->reach);
	}
	for (i = 0; i < t->ninitiatives; i++) {
		const struct initiative *in = &t->initiatives[i];
		const char *consent = in->consent.s[0];

		snprintf(what, sizeof(what), "initiatief [%s]", in->id);
		reach_check(L, rel, in->line, what, &in->reach);
		if (in->signup && (!consent || !*consent))
			diag_add(L, 0, rel, in->line,
				 "%s heeft geen toestemmingstekst (consent): "
				 "wie zich op de kiosk aanmeldt, moet lezen "
				 "wat er met zijn naam en telefoonnummer "
				 "gebeurt. Schrijf consent = ..., of zet "
				 "signup = nee",
				 what);
		if (in->signup && !in->next.s[0])
			diag_add(L, 1, rel, in->line,
				 "%s heeft geen 'next': zeg wat er na het "
				 "aanmelden gebeurt (bijvoorbeeld: 'Fatima "
				 "belt u binnen een week')",
				 what);
	}
}

static void reach_release(struct reach_to *r)
{
	free(r->to);
	text_release(&r->subject);
}

void asks_release(struct tile *t)
{
	int i, q, k;

	for (i = 0; i < t->ntopics; i++) {
		struct ask_topic *tp = &t->topics[i];

		free(tp->id);
		free(tp->icon);
		text_release(&tp->title);
		text_release(&tp->who);
		text_release(&tp->hours);
		for (q = 0; q < ASK_QUESTIONS; q++)
			for (k = 0; k < ASK_CHOICES_MAX; k++)
				text_release(&tp->choices[q][k]);
		reach_release(&tp->reach);
	}
	free(t->topics);
	for (i = 0; i < t->ninitiatives; i++) {
		struct initiative *in = &t->initiatives[i];

		free(in->id);
		free(in->photo);
		free(in->contact_name);
		text_release(&in->title);
		text_release(&in->what);
		text_release(&in->when);
		text_release(&in->where);
		text_release(&in->looking_for);
		text_release(&in->consent);
		text_release(&in->next);
		reach_release(&in->reach);
	}
	free(t->initiatives);
}

int content_wants_signups(const struct content *c)
{
	int i, k;

	for (i = 0; i < c->ntiles; i++)
		for (k = 0; k < c->tiles[i].ninitiatives; k++)
			if (c->tiles[i].initiatives[k].signup)
				return 1;
	return 0;
}
