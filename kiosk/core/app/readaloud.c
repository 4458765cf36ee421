/*
 * readaloud: sentences from a frame's text and hit lists; see readaloud.h.
 */
#include "core/app/readaloud.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/i18n.h"

void readaloud_wipe(struct readaloud *r)
{
	if (r->text)
		explicit_bzero(r->text, r->size);
	free(r->text);
	free(r->lines);
	free(r->where);
	memset(r, 0, sizeof(*r));
}

static void add(struct readaloud *r, size_t *used, const char *s, size_t n,
		struct rect where)
{
	while (n > 0 && (*s == ' ' || *s == '\n'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	if (n == 0)
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->lines =
			xrealloc(r->lines, (size_t)r->cap * sizeof(*r->lines));
		r->where =
			xrealloc(r->where, (size_t)r->cap * sizeof(*r->where));
	}
	/* the text buffer was sized before the first sentence: it never
	 * moves, so the pointers stay good */
	memmove(r->text + *used, s, n);
	r->text[*used + n] = '\0';
	r->lines[r->n] = r->text + *used;
	r->where[r->n] = where;
	r->n++;
	*used += n + 1;
}

/* Cuts a text into sentences: after ". ", "? " or "! " (so "12.30 uur"
 * and "vraag@ussen.example" stay whole). */
static void add_sentences(struct readaloud *r, size_t *used, const char *s,
			  struct rect where)
{
	const char *start = s, *p;

	for (p = s; *p; p++)
		if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ') {
			add(r, used, start, (size_t)(p + 1 - start), where);
			start = p + 1;
		}
	add(r, used, start, strlen(start), where);
}

static int said(const struct draw_list *dl, const char *label)
{
	int i;

	for (i = 0; i < dl->ntexts; i++)
		if (strcmp(dl->texts[i].text, label) == 0)
			return 1;
	return 0;
}

int readaloud_compose(struct readaloud *r, const struct draw_list *dl,
		      const char *button_tmpl)
{
	size_t need = 1, used = 0;
	int i;

	readaloud_wipe(r);
	for (i = 0; i < dl->ntexts; i++)
		need += strlen(dl->texts[i].text) + 1;
	for (i = 0; i < dl->nhits; i++)
		need += strlen(dl->hits[i].label) + strlen(button_tmpl) + 1;
	r->size = need;
	r->text = xcalloc(1, need);
	for (i = 0; i < dl->ntexts; i++)
		if (!dl->texts[i].quiet) /* a typed name is not for the room */
			add_sentences(r, &used, dl->texts[i].text,
				      dl->texts[i].r);
	for (i = 0; i < dl->nhits; i++) {
		const struct hit *h = &dl->hits[i];
		const char *args[1] = { h->label };

		/* a whole-screen "touch to start" repeats a text on screen */
		if (said(dl, h->label))
			continue;
		i18n_format(r->text + used, need - used, button_tmpl, args, 1);
		add(r, &used, r->text + used, strlen(r->text + used), h->r);
	}
	return r->n;
}
