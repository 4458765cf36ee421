/*
 * readaloud: what the speaker button reads, made from the frame itself.
 *
 * The words come from the frame's text list (every visible text, whole,
 * in drawing order: the title first, then the body) and its hit list
 * (every button, read as "Knop: Volgende"), so a screen needs no second
 * copy of its words for speech and a screen that shows something always
 * has something to say. Texts are cut into sentences so the sentence
 * being heard can be marked on screen. Pictures and QR codes are read by
 * their captions and descriptions, which the screens put in the text
 * list.
 *
 * The sentences can hold what a visitor typed (a sign-up form read
 * aloud), so they are wiped with the visit.
 */
#ifndef KIOSK_READALOUD_H
#define KIOSK_READALOUD_H

#include "core/ui/draw.h"

struct readaloud {
	char *text;	    /* owned: the sentences one after another */
	size_t size;	    /* bytes of text */
	const char **lines; /* owned array; each points into text */
	struct rect *where; /* owned: where each sentence stands */
	int n, cap;
};

/* Makes the sentences of frame dl; buttons are read with `button_tmpl`
 * ("Knop: {1}"). Returns the number of sentences. */
int readaloud_compose(struct readaloud *r, const struct draw_list *dl,
		      const char *button_tmpl);

/* Clears every byte of the sentences and frees them. */
void readaloud_wipe(struct readaloud *r);

#endif
