/*
 * draw: appending to a frame's draw, hit and text lists, and the questions
 * tests ask of them.
 */
#include "core/ui/draw.h"

#include <math.h>
#include <string.h>

#include "base/util.h"

void draw_list_clear(struct draw_list *dl, struct color clear)
{
	dl->ncmds = 0;
	dl->nhits = 0;
	dl->ntexts = 0;
	dl->arena_used = 0;
	dl->overflow = 0;
	dl->quiet = 0;
	dl->clipped = 0;
	dl->clipped_text[0] = '\0';
	dl->clear = clear;
}

char *draw_list_reserve(struct draw_list *dl, size_t n)
{
	char *p;

	if (dl->arena_used + n > sizeof(dl->arena)) {
		dl->overflow = 1;
		return NULL;
	}
	p = dl->arena + dl->arena_used;
	dl->arena_used += n;
	return p;
}

void draw_list_wipe(struct draw_list *dl)
{
	explicit_bzero(dl, sizeof(*dl));
}

const char *draw_list_str(struct draw_list *dl, const char *s, size_t n)
{
	char *p;

	if (dl->arena_used + n + 1 > sizeof(dl->arena)) {
		dl->overflow = 1;
		return "";
	}
	p = dl->arena + dl->arena_used;
	memcpy(p, s, n);
	p[n] = '\0';
	dl->arena_used += n + 1;
	return p;
}

static struct draw_cmd *push_cmd(struct draw_list *dl, enum draw_kind kind)
{
	struct draw_cmd *c;

	if (dl->ncmds >= DRAW_MAX) {
		dl->overflow = 1;
		return NULL;
	}
	c = &dl->cmds[dl->ncmds++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	return c;
}

void draw_rect(struct draw_list *dl, struct rect r, struct color col,
	       int radius)
{
	struct draw_cmd *c = push_cmd(dl, DRAW_RECT);

	if (!c)
		return;
	c->r = r;
	c->color = col;
	c->radius = radius;
}

void draw_frame(struct draw_list *dl, struct rect r, struct color col,
		int thick)
{
	struct draw_cmd *c = push_cmd(dl, DRAW_FRAME);

	if (!c)
		return;
	c->r = r;
	c->color = col;
	c->thick = thick;
}

void draw_text(struct draw_list *dl, int x, int y, int w, int h, const char *s,
	       size_t n, int font_px, int bold, struct color col)
{
	struct draw_cmd *c;

	if (n == 0)
		return;
	c = push_cmd(dl, DRAW_TEXT);
	if (!c)
		return;
	c->r = (struct rect){ x, y, w, h };
	c->color = col;
	c->font_px = font_px;
	c->bold = bold;
	c->text = draw_list_str(dl, s, n);
}

void draw_image(struct draw_list *dl, struct rect r, const char *path, int page,
		struct rect src)
{
	struct draw_cmd *c = push_cmd(dl, DRAW_IMAGE);

	if (!c)
		return;
	c->r = r;
	c->page = page;
	c->src = src;
	c->text = draw_list_str(dl, path, strlen(path));
}

void draw_icon(struct draw_list *dl, struct rect r, const char *path,
	       struct color tint)
{
	draw_image(dl, r, path, 0, (struct rect){ 0, 0, 0, 0 });
	if (dl->ncmds > 0 && dl->cmds[dl->ncmds - 1].kind == DRAW_IMAGE)
		dl->cmds[dl->ncmds - 1].color = tint;
}

void draw_prefetch(struct draw_list *dl, struct rect r, const char *path,
		   int page)
{
	draw_image(dl, r, path, page, (struct rect){ 0, 0, 0, 0 });
	if (dl->ncmds > 0 && dl->cmds[dl->ncmds - 1].kind == DRAW_IMAGE)
		dl->cmds[dl->ncmds - 1].thick = 1;
}

void draw_qr(struct draw_list *dl, struct rect r, const char *payload)
{
	struct draw_cmd *c = push_cmd(dl, DRAW_QR);

	if (!c)
		return;
	c->r = r;
	c->text = draw_list_str(dl, payload, strlen(payload));
}

void draw_hit(struct draw_list *dl, uint32_t id, struct rect r,
	      const char *label)
{
	struct hit *h;

	if (dl->nhits >= HIT_MAX) {
		dl->overflow = 1;
		return;
	}
	h = &dl->hits[dl->nhits++];
	h->id = id;
	h->r = r;
	h->label = draw_list_str(dl, label, strlen(label));
}

void draw_text_item_borrowed(struct draw_list *dl, struct rect r, const char *s)
{
	struct text_item *t;

	if (!*s)
		return;
	if (dl->ntexts >= TEXT_ITEM_MAX) {
		dl->overflow = 1;
		return;
	}
	t = &dl->texts[dl->ntexts++];
	t->r = r;
	t->text = s;
	t->quiet = dl->quiet;
}

void draw_text_item(struct draw_list *dl, struct rect r, const char *s)
{
	if (*s)
		draw_text_item_borrowed(dl, r, draw_list_str(dl, s, strlen(s)));
}

uint32_t draw_list_hash(const struct draw_list *dl)
{
	uint32_t h = HASH_INIT;
	int i;

	h = hash_bytes(h, &dl->clear, sizeof(dl->clear));
	for (i = 0; i < dl->ncmds; i++) {
		const struct draw_cmd *c = &dl->cmds[i];

		h = hash_bytes(h, &c->kind, sizeof(c->kind));
		h = hash_bytes(h, &c->r, sizeof(c->r));
		h = hash_bytes(h, &c->color, sizeof(c->color));
		h = hash_bytes(h, &c->radius, sizeof(c->radius));
		h = hash_bytes(h, &c->thick, sizeof(c->thick));
		h = hash_bytes(h, &c->font_px, sizeof(c->font_px));
		h = hash_bytes(h, &c->bold, sizeof(c->bold));
		h = hash_bytes(h, &c->page, sizeof(c->page));
		h = hash_bytes(h, &c->src, sizeof(c->src));
		h = hash_bytes(h, &c->rtl, sizeof(c->rtl));
		h = hash_bytes(h, &c->flip, sizeof(c->flip));
		if (c->text)
			h = hash_str(h, c->text);
	}
	return h;
}

const struct hit *draw_list_find_hit(const struct draw_list *dl,
				     const char *label)
{
	int i;

	for (i = 0; i < dl->nhits; i++)
		if (strcmp(dl->hits[i].label, label) == 0)
			return &dl->hits[i];
	return NULL;
}

/* 1 when needle starts at s, a space in needle also matching a no-break
 * space (U+00A0) in s: a phone number kept on one line reads the same. */
static int starts_with_spaced(const char *s, const char *needle)
{
	while (*needle) {
		if (*needle == ' ' && (unsigned char)s[0] == 0xC2 &&
		    (unsigned char)s[1] == 0xA0) {
			s += 2;
			needle++;
		} else if (*s == *needle) {
			s++;
			needle++;
		} else {
			return 0;
		}
	}
	return 1;
}

static int has_spaced(const char *s, const char *needle)
{
	for (; *s; s++)
		if (starts_with_spaced(s, needle))
			return 1;
	return !*needle;
}

int draw_list_has_text(const struct draw_list *dl, const char *needle)
{
	int i;

	for (i = 0; i < dl->ntexts; i++)
		if (has_spaced(dl->texts[i].text, needle))
			return 1;
	for (i = 0; i < dl->nhits; i++)
		if (has_spaced(dl->hits[i].label, needle))
			return 1;
	return 0;
}

int rect_contains(struct rect r, int x, int y)
{
	return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}
