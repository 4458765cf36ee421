/*
 * message: the words a QR code hands the phone; see message.h.
 */
#include "core/screens/message.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/screens/chrome.h"

static const char *const answer_keys[ASK_QUESTIONS] = { "ask.msg.want",
							"ask.msg.can",
							"ask.msg.need" };

/* Appends s to out (NUL-terminated, size bytes), cutting nothing in half:
 * what does not fit is left off whole. */
static void add(char *out, size_t size, const char *s)
{
	size_t have = strlen(out), n = strlen(s);

	if (have + n < size)
		memcpy(out + have, s, n + 1);
}

int message_answers(const struct screen_ctx *c, const struct ask_topic *tp,
		    char lines[ASK_QUESTIONS][MESSAGE_BODY_MAX / 2])
{
	const struct visit *v = c->visit;
	int q, k, n = 0;

	for (q = 0; q < ASK_QUESTIONS; q++) {
		char *line = lines[n];
		size_t size = sizeof(lines[n]);
		int any = 0;

		line[0] = '\0';
		add(line, size, screen_tr(c, answer_keys[q]));
		add(line, size, " ");
		for (k = 0; k < tp->nchoices[q]; k++) {
			if (!(v->ask_picked[q] >> k & 1u))
				continue;
			if (any)
				add(line, size, ", ");
			add(line, size, text_get(&tp->choices[q][k], v->lang));
			any = 1;
		}
		if (v->ask_text[q][0]) {
			if (any)
				add(line, size, ". ");
			add(line, size, v->ask_text[q]);
			any = 1;
		}
		if (any)
			n++;
	}
	return n;
}

void message_ask(const struct screen_ctx *c, const struct ask_topic *tp,
		 char *subject, size_t ssize, char *body, size_t bsize)
{
	char lines[ASK_QUESTIONS][MESSAGE_BODY_MAX / 2];
	const char *title = text_get(&tp->title, c->visit->lang);
	const char *args[1] = { title };
	char hello[512];
	int i, n = message_answers(c, tp, lines);

	if (tp->reach.subject.s[0])
		str_copy(subject, ssize,
			 text_get(&tp->reach.subject, c->visit->lang));
	else
		i18n_format(subject, ssize, screen_tr(c, "ask.msg.subject"),
			    args, 1);
	i18n_format(hello, sizeof(hello), screen_tr(c, "ask.msg.hello"), args,
		    1);
	body[0] = '\0';
	add(body, bsize, hello);
	for (i = 0; i < n; i++) {
		add(body, bsize, "\n");
		add(body, bsize, lines[i]);
	}
}

void message_join(const struct screen_ctx *c, const struct initiative *in,
		  char *subject, size_t ssize, char *body, size_t bsize)
{
	const char *title = text_get(&in->title, c->visit->lang);
	const char *args[1] = { title };

	if (in->reach.subject.s[0])
		str_copy(subject, ssize,
			 text_get(&in->reach.subject, c->visit->lang));
	else
		i18n_format(subject, ssize, screen_tr(c, "join.msg.subject"),
			    args, 1);
	i18n_format(body, bsize, screen_tr(c, "join.msg.body"), args, 1);
}

int message_qr(const struct screen_ctx *c, const struct reach_to *to,
	       const char *subject, const char *body, char *payload,
	       size_t psize, char *says, size_t ssize, int *shortened)
{
	struct reach r = { to->kind, to->to, subject, body };
	struct err e;

	*shortened = 0;
	payload[0] = says[0] = '\0';
	if (!to->to || reach_payload(&r, payload, psize, shortened, &e) < 0) {
		payload[0] = '\0';
		return -1;
	}
	chrome_reach_says(c, &r, says, ssize);
	return 0;
}
