/*
 * color: an RGBA colour, parsed from "#RRGGBB" as staff and the theme write
 * it, and the WCAG contrast ratio between two colours. Both the theme and
 * content packs (a centre's own colour) need it, so it lives below both.
 */
#ifndef KIOSK_COLOR_H
#define KIOSK_COLOR_H

#include <stdint.h>

struct color {
	uint8_t r, g, b, a;
};

/* Parses "#RRGGBB"; returns -1 on anything else. */
int color_parse(const char *s, struct color *c);

/* WCAG contrast ratio of two opaque colours (1.0 .. 21.0). */
double color_contrast(struct color a, struct color b);

#endif
