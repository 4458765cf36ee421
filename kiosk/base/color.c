/*
 * color: parsing "#RRGGBB" and the WCAG contrast ratio; see color.h.
 */
#include "base/color.h"

#include <math.h>
#include <string.h>

int color_parse(const char *s, struct color *c)
{
	unsigned v = 0;
	int i;

	if (s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 1; i < 7; i++) {
		char ch = s[i];
		int d = ch >= '0' && ch <= '9'	 ? ch - '0'
			: ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
			: ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
						 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (unsigned)d;
	}
	c->r = (uint8_t)(v >> 16);
	c->g = (uint8_t)(v >> 8);
	c->b = (uint8_t)v;
	c->a = 255;
	return 0;
}

static double lum_channel(uint8_t v)
{
	double c = v / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct color c)
{
	return 0.2126 * lum_channel(c.r) + 0.7152 * lum_channel(c.g) +
	       0.0722 * lum_channel(c.b);
}

double color_contrast(struct color a, struct color b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
