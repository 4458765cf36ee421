/*
 * run: a piece of text in one style. Content reads paragraphs into runs
 * (bold words apart from plain ones) and the ui lays runs out into lines;
 * neither needs the other to know what a run is.
 */
#ifndef KIOSK_RUN_H
#define KIOSK_RUN_H

#include <stddef.h>

struct text_run {
	const char *s; /* borrowed: points into the text that owns it */
	size_t n;      /* bytes, not letters */
	int bold;
};

#endif
