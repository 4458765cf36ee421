/*
 * theme: reading assets/theme.ini and answering colour and contrast questions.
 */
#include "core/ui/theme.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/kv.h"

struct theme_key {
	const char *section, *name;
	size_t offset;
	int is_size;
};

#define COL(sec, name, field)                                                  \
	{                                                                      \
		sec, name, offsetof(struct theme, field), 0                    \
	}
#define SIZE(name, field)                                                      \
	{                                                                      \
		"sizes", name, offsetof(struct theme, field), 1                \
	}
#define STY(sec, id)                                                           \
	COL(sec, "bg", styles[id].bg[UI_NORMAL]),                              \
		COL(sec, "bg_pressed", styles[id].bg[UI_PRESSED]),             \
		COL(sec, "bg_disabled", styles[id].bg[UI_DISABLED]),           \
		COL(sec, "fg", styles[id].fg[UI_NORMAL]),                      \
		COL(sec, "fg_pressed", styles[id].fg[UI_PRESSED]),             \
		COL(sec, "fg_disabled", styles[id].fg[UI_DISABLED]),           \
		COL(sec, "border", styles[id].border)

static const struct theme_key keys[] = {
	COL("colors", "background", background),
	COL("colors", "text", text),
	COL("colors", "header_bg", header_bg),
	COL("colors", "header_text", header_text),
	COL("colors", "attract_bg", attract_bg),
	COL("colors", "attract_text", attract_text),
	COL("colors", "accent", accent),
	STY("tile", STYLE_TILE),
	STY("primary", STYLE_PRIMARY),
	STY("secondary", STYLE_SECONDARY),
	STY("header", STYLE_HEADER),
	SIZE("body", cap_mm[0][FONT_BODY]),
	SIZE("button", cap_mm[0][FONT_BUTTON]),
	SIZE("title", cap_mm[0][FONT_TITLE]),
	SIZE("hero", cap_mm[0][FONT_HERO]),
	SIZE("body_large", cap_mm[1][FONT_BODY]),
	SIZE("button_large", cap_mm[1][FONT_BUTTON]),
	SIZE("title_large", cap_mm[1][FONT_TITLE]),
	SIZE("hero_large", cap_mm[1][FONT_HERO]),
	SIZE("target", target_mm),
	SIZE("gap", gap_mm),
	SIZE("radius", radius_mm),
};

struct theme_parse {
	struct theme *t;
	unsigned char seen[ARRAY_LEN(keys)];
	const char *path;
	struct err *e;
	int failed;
};

static void theme_problem(void *user, enum kv_problem what, int line)
{
	struct theme_parse *p = user;

	if (!p->failed)
		err_set(p->e, "%s:%d: %s", p->path, line,
			kv_problem_name(what));
	p->failed = 1;
}

static int theme_handler(void *user, const char *section, const char *name,
			 const char *value, int line)
{
	struct theme_parse *p = user;
	size_t i;

	for (i = 0; i < ARRAY_LEN(keys); i++) {
		const struct theme_key *k = &keys[i];
		char *field = (char *)p->t + k->offset;

		if (strcmp(k->section, section) != 0 ||
		    strcmp(k->name, name) != 0)
			continue;
		p->seen[i] = 1;
		if (k->is_size) {
			char *end;
			double v = strtod(value, &end);

			if (end == value || *end || v <= 0 || v > 100)
				break;
			memcpy(field, &v, sizeof(v));
			return 0;
		}
		if (strcmp(value, "none") == 0) {
			memset(field, 0, sizeof(struct color));
			return 0;
		}
		if (color_parse(value, (struct color *)(void *)field) == 0)
			return 0;
		break;
	}
	if (!p->failed) {
		if (i == ARRAY_LEN(keys))
			err_set(p->e, "%s:%d: unknown key '%s' in [%s]",
				p->path, line, name, section);
		else
			err_set(p->e, "%s:%d: bad value '%s' for '%s' in [%s]",
				p->path, line, value, name, section);
	}
	p->failed = 1;
	return -1;
}

int theme_load(struct theme *t, const char *path, struct err *e)
{
	static const struct kv_handler h = { theme_handler, theme_problem };
	struct theme_parse p = { .t = t, .path = path, .e = e };
	struct err fe;
	size_t i, len;
	char *buf;

	memset(t, 0, sizeof(*t));
	buf = file_read(path, 1u << 20, &len, &fe);
	if (!buf)
		return err_set(e, "theme: %s", fe.msg);
	kv_parse(buf, len, &h, &p);
	free(buf);
	if (p.failed)
		return -1;
	for (i = 0; i < ARRAY_LEN(keys); i++)
		if (!p.seen[i])
			return err_set(e, "%s: missing '%s' in [%s]", path,
				       keys[i].name, keys[i].section);
	return theme_check_contrast(t, e);
}

struct color theme_fg(const struct theme *t, enum style_id s, enum ui_state st)
{
	return t->styles[s].fg[st];
}

struct color theme_bg(const struct theme *t, enum style_id s, enum ui_state st)
{
	return t->styles[s].bg[st];
}

static int need(struct err *e, const char *what, struct color fg,
		struct color bg, double min)
{
	double c = color_contrast(fg, bg);

	if (c + 1e-9 < min)
		return err_set(e, "contrast of %s is %.1f:1, needs %.1f:1",
			       what, c, min);
	return 0;
}

int theme_check_contrast(const struct theme *t, struct err *e)
{
	static const char *const style_names[STYLE_COUNT] = { "tile", "primary",
							      "secondary",
							      "header" };
	int s, st;

	if (need(e, "body text", t->text, t->background, 7.0) ||
	    need(e, "header text", t->header_text, t->header_bg, 4.5) ||
	    need(e, "attract text", t->attract_text, t->attract_bg, 4.5))
		return -1;
	for (s = 0; s < STYLE_COUNT; s++) {
		/* a disabled button is not readable text that matters, but it
		 * must still be legible: same 4.5:1 */
		for (st = 0; st < UI_STATE_COUNT; st++) {
			char what[64];

			snprintf(what, sizeof(what), "%s button text",
				 style_names[s]);
			if (need(e, what, t->styles[s].fg[st],
				 t->styles[s].bg[st], 4.5))
				return -1;
		}
	}
	return 0;
}

static struct color darker(struct color c)
{
	return (struct color){ (uint8_t)(c.r * 2 / 3), (uint8_t)(c.g * 2 / 3),
			       (uint8_t)(c.b * 2 / 3), 255 };
}

void theme_apply_brand(struct theme *t, struct color brand)
{
	t->header_bg = brand;
	t->attract_bg = brand;
	t->styles[STYLE_HEADER].bg[UI_NORMAL] = brand;
	t->styles[STYLE_HEADER].bg[UI_DISABLED] = brand;
	t->styles[STYLE_HEADER].bg[UI_PRESSED] = darker(brand);
	t->styles[STYLE_PRIMARY].bg[UI_NORMAL] = brand;
	t->styles[STYLE_PRIMARY].bg[UI_PRESSED] = darker(brand);
	t->styles[STYLE_TILE].border = brand;
	t->styles[STYLE_SECONDARY].border = brand;
}
