/*
 * text: fonts and text for the platform: finding the fonts through
 * fontconfig (DejaVu Sans, Noto Sans Arabic), keeping them open, cutting
 * a text into pieces per font and shaping each with HarfBuzz (SDL_ttf) in
 * its script and direction, measuring and rendering them. Owns the two
 * caches of text (textures of drawn texts, widths of measured words) and
 * forgetting them: they hold what visitors typed.
 */
#include "platform/internal.h"

#include <fontconfig/fontconfig.h>
#include <SDL.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/util.h"
#include "core/ui/bidi.h"

/* ---- fonts ---- */

int platform_font_find(const char *pattern, char *out, size_t size)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *file = NULL;
	int ok = 0;

	if (!FcInit())
		return 0;
	pat = FcNameParse((const FcChar8 *)pattern);
	if (!pat)
		return 0;
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	if (match &&
	    FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
		FcChar8 *family = NULL;

		/* only accept the family we asked for, not a stand-in; a
		 * pattern without a family (":lang=ar") takes the best one */
		if (pattern[0] == ':' ||
		    (FcPatternGetString(match, FC_FAMILY, 0, &family) ==
			     FcResultMatch &&
		     strncmp((const char *)family, pattern,
			     strcspn(pattern, ":")) == 0)) {
			str_copy(out, size, (const char *)file);
			ok = 1;
		}
	}
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return ok;
}

/* The Arabic faces: Noto Sans Arabic (Debian fonts-noto-core), else the
 * font fontconfig thinks best for Arabic, else the main face. */
void platform_font_find_arabic(struct platform *p)
{
	static const char *const want[2][2] = {
		{ "Noto Sans Arabic:style=Regular", ":lang=ar" },
		{ "Noto Sans Arabic:style=Bold", ":lang=ar:weight=bold" },
	};
	int b;

	for (b = 0; b < 2; b++)
		if (!platform_font_find(want[b][0],
					p->font_path[FACE_ARABIC][b],
					sizeof(p->font_path[FACE_ARABIC][b])) &&
		    !platform_font_find(want[b][1],
					p->font_path[FACE_ARABIC][b],
					sizeof(p->font_path[FACE_ARABIC][b])))
			str_copy(p->font_path[FACE_ARABIC][b],
				 sizeof(p->font_path[FACE_ARABIC][b]),
				 p->font_path[FACE_MAIN][b]);
}

TTF_Font *platform_font_get(struct platform *p, int face, int px, int bold)
{
	const char *path = p->font_path[face][bold ? 1 : 0];
	int i;
	TTF_Font *f;

	for (i = 0; i < p->nfonts; i++)
		if (p->fonts[i].px == px && p->fonts[i].bold == bold &&
		    p->fonts[i].face == face)
			return p->fonts[i].font;
	f = TTF_OpenFont(path, px);
	if (!f) {
		log_error("cannot open font '%s': %s", path, TTF_GetError());
		return NULL;
	}
	TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
	if (p->nfonts == FONT_SIZES) {
		/* drop the oldest size: sizes change only with text size */
		TTF_CloseFont(p->fonts[0].font);
		memmove(p->fonts, p->fonts + 1,
			(FONT_SIZES - 1) * sizeof(p->fonts[0]));
		p->nfonts--;
	}
	p->fonts[p->nfonts++] = (struct font_slot){ px, bold, face, f };
	return f;
}

/* ---- the caches of text ---- */

/* Zeroes the pixels of a surface about to be freed: a picture of a text
 * is a copy of it too. */
static void surface_wipe(SDL_Surface *s)
{
	if (s && s->pixels && !SDL_MUSTLOCK(s))
		explicit_bzero(s->pixels, (size_t)s->pitch * (size_t)s->h);
}

/* Overwrites a texture of w x h 32-bit pixels with zeros (zero: a
 * buffer of at least that many bytes, all 0). */
static void texture_wipe(SDL_Texture *t, int w, int h, const void *zero)
{
	if (t && zero && w > 0 && h > 0)
		SDL_UpdateTexture(t, NULL, zero, w * 4);
}

void platform_text_forget(struct text_entry *t)
{
	if (t->tex)
		SDL_DestroyTexture(t->tex);
	if (t->desc)
		explicit_bzero(t->desc, strlen(t->desc));
	free(t->desc);
	memset(t, 0, sizeof(*t));
}

/* ---- text: pieces per face, shaped by HarfBuzz ---- */

/* A stretch of a text drawn with one face and one script. */
struct piece {
	size_t start, n;
	int face;
	const char *script; /* ISO 15924 tag for HarfBuzz */
};

#define PIECE_MAX 32

static int is_arabic(uint32_t cp)
{
	return (cp >= 0x0600 && cp <= 0x08FF) ||
	       (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

/* Spaces, punctuation and digits: they go with the letters around them. */
static int is_neutral(uint32_t cp)
{
	return (cp < 0x80 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
	       cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F);
}

static const char *script_of(uint32_t cp)
{
	if (is_arabic(cp))
		return "Arab";
	if (cp >= 0x0590 && cp <= 0x05FF)
		return "Hebr";
	if (cp >= 0x0370 && cp <= 0x03FF)
		return "Grek";
	if (cp >= 0x0400 && cp <= 0x052F)
		return "Cyrl";
	return "Latn";
}

/* The face for cp: its script's own when that has the glyph, else the
 * other one that has it, else its own (a box is better than nothing). */
static int face_for(struct platform *p, uint32_t cp, int px, int bold)
{
	int want = is_arabic(cp) ? FACE_ARABIC : FACE_MAIN;
	TTF_Font *f = platform_font_get(p, want, px, bold);
	TTF_Font *g;

	if (f && TTF_GlyphIsProvided32(f, cp))
		return want;
	g = platform_font_get(p, !want, px, bold);
	if (g && TTF_GlyphIsProvided32(g, cp))
		return !want;
	return want;
}

/* Cuts s[0..n) into pieces of one face: neutral characters stay with the
 * piece they are in when its face has them. Returns how many. */
static int text_pieces(struct platform *p, const char *s, size_t n, int px,
		       int bold, struct piece *out)
{
	size_t i = 0;
	int np = 0;

	while (i < n) {
		size_t at = i;
		uint32_t cp = utf8_next_n(s, n, &i);
		struct piece *last = np ? &out[np - 1] : NULL;
		int face;

		if (last && is_neutral(cp)) {
			TTF_Font *f =
				platform_font_get(p, last->face, px, bold);

			if (f && TTF_GlyphIsProvided32(f, cp)) {
				last->n = i - last->start;
				continue;
			}
		}
		face = face_for(p, cp, px, bold);
		if (last && (face == last->face || np == PIECE_MAX)) {
			last->n = i - last->start;
			if (!is_neutral(cp) &&
			    strcmp(last->script, "Zyyy") == 0)
				last->script = script_of(cp);
			continue;
		}
		out[np++] = (struct piece){ at, i - at, face,
					    is_neutral(cp) ? "Zyyy"
							   : script_of(cp) };
	}
	return np;
}

/* The font for a piece, set up to shape it in direction rtl. */
static TTF_Font *piece_font(struct platform *p, const struct piece *pc, int px,
			    int bold, int rtl)
{
	TTF_Font *f = platform_font_get(p, pc->face, px, bold);

	if (!f)
		return NULL;
	TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(f, pc->script);
	return f;
}

/* A NUL-terminated copy of a piece (fonts want C strings); the caller
 * wipes buf after use, as it may hold what a visitor typed. */
static const char *piece_str(const char *s, const struct piece *pc, char *buf,
			     size_t size)
{
	size_t n = pc->n < size - 1 ? pc->n : size - 1;

	memcpy(buf, s + pc->start, n);
	buf[n] = '\0';
	return buf;
}

/* Width of s[0..n) drawn as text_render draws it. A text with an Arabic
 * letter before any Latin one is shaped right to left, as the ui's line
 * breaker hands out only pieces of one direction. Everything that
 * decides the width (size, weight, faces, direction) follows from the
 * bytes, so the width cache keys on those alone. */
static int measure(struct platform *p, const char *s, size_t n, int px,
		   int bold)
{
	struct piece pcs[PIECE_MAX];
	char buf[1024];
	int np, i, total = 0, rtl = bidi_direction(s, n) == 1;

	np = text_pieces(p, s, n, px, bold, pcs);
	for (i = 0; i < np; i++) {
		TTF_Font *f = piece_font(p, &pcs[i], px, bold, rtl);
		int w = 0, h = 0;

		if (!f ||
		    TTF_SizeUTF8(f, piece_str(s, &pcs[i], buf, sizeof(buf)), &w,
				 &h) != 0)
			w = (int)pcs[i].n * px / 2;
		total += w;
	}
	explicit_bzero(buf, sizeof(buf));
	return total;
}

/* Renders a whole text: each piece with its face, shaped in direction
 * rtl, put side by side on one baseline (in an RTL text the first piece
 * is the rightmost). Caller frees the surface. */
SDL_Surface *platform_text_render(struct platform *p, const char *s, int px,
				  int bold, int rtl, SDL_Color col)
{
	struct piece pcs[PIECE_MAX];
	SDL_Surface *part[PIECE_MAX], *out;
	int asc[PIECE_MAX], np, i, top = 0, below = 0, w = 0, x;
	char buf[1024];
	size_t n = strlen(s);

	np = text_pieces(p, s, n, px, bold, pcs);
	for (i = 0; i < np; i++) {
		TTF_Font *f = piece_font(p, &pcs[i], px, bold, rtl);

		part[i] =
			f ? TTF_RenderUTF8_Blended(
				    f, piece_str(s, &pcs[i], buf, sizeof(buf)),
				    col)
			  : NULL;
		asc[i] = f ? TTF_FontAscent(f) : 0;
		if (!part[i])
			continue;
		top = asc[i] > top ? asc[i] : top;
		below = part[i]->h - asc[i] > below ? part[i]->h - asc[i]
						    : below;
		w += part[i]->w;
	}
	if (np == 1) {
		explicit_bzero(buf, sizeof(buf));
		return part[0];
	}
	out = w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, top + below, 32,
						     SDL_PIXELFORMAT_ARGB8888)
		    : NULL;
	x = 0;
	for (i = 0; i < np; i++) {
		int k = rtl ? np - 1 - i : i;

		if (!part[k])
			continue;
		if (out) {
			SDL_Rect dst = { x, top - asc[k], part[k]->w,
					 part[k]->h };

			SDL_SetSurfaceBlendMode(part[k], SDL_BLENDMODE_NONE);
			SDL_BlitSurface(part[k], NULL, out, &dst);
		}
		x += part[k]->w;
		SDL_FreeSurface(part[k]);
	}
	explicit_bzero(buf, sizeof(buf));
	return out;
}

struct text_entry *platform_text_get(struct platform *p,
				     const struct draw_cmd *c)
{
	struct color opaque = c->color;
	uint32_t key;
	struct text_entry *slot, *oldest = NULL;
	SDL_Surface *s;
	char desc[DESC_MAX];
	int i, start;

	opaque.a = 255;
	snprintf(desc, sizeof(desc), "%d %d %d %02x%02x%02x %s", c->font_px,
		 c->bold, c->rtl, opaque.r, opaque.g, opaque.b, c->text);
	key = platform_desc_hash(desc);
	start = (int)(key % TEXT_CACHE);
	/* open addressing over a small window; evict the least recently used */
	for (i = 0; i < 8; i++) {
		slot = &p->cache[(start + i) % TEXT_CACHE];
		if (slot->key == key && strcmp(slot->desc, desc) == 0) {
			slot->used = p->frame;
			explicit_bzero(desc, sizeof(desc));
			return slot;
		}
		if (!oldest || slot->used < oldest->used || !slot->key)
			oldest = slot;
		if (!slot->key)
			break;
	}
	slot = oldest;
	platform_text_forget(slot);
	s = platform_text_render(
		p, c->text, c->font_px, c->bold, c->rtl,
		(SDL_Color){ opaque.r, opaque.g, opaque.b, 255 });
	if (s) {
		slot->tex = SDL_CreateTextureFromSurface(p->ren, s);
		slot->w = s->w;
		slot->h = s->h;
		surface_wipe(s);
		SDL_FreeSurface(s);
	}
	if (slot->tex) {
		slot->key = key;
		slot->desc = str_dup(desc);
		slot->used = p->frame;
	}
	explicit_bzero(desc, sizeof(desc));
	return slot->tex ? slot : NULL;
}

/* A QR code is the text it carries (a question's typed words go into
 * one); other pictures come from the pack. */
static int image_is_qr(const struct image_entry *e)
{
	return e->key && e->desc && strncmp(e->desc, "qr ", 3) == 0;
}

void platform_forget_text(struct platform *p)
{
	size_t most = 0;
	void *zero;
	int i;

	for (i = 0; i < TEXT_CACHE; i++)
		if (p->cache[i].tex &&
		    (size_t)p->cache[i].w * p->cache[i].h * 4 > most)
			most = (size_t)p->cache[i].w * p->cache[i].h * 4;
	for (i = 0; i < IMAGE_CACHE; i++)
		if (image_is_qr(&p->images[i]) && p->images[i].tex &&
		    p->images[i].bytes > most)
			most = p->images[i].bytes;
	/* textures are freed by the renderer, which does not zero them:
	 * overwrite each first (one buffer of zeros serves them all) */
	zero = most ? calloc(1, most) : NULL;
	for (i = 0; i < TEXT_CACHE; i++) {
		struct text_entry *t = &p->cache[i];

		texture_wipe(t->tex, t->w, t->h, zero);
		platform_text_forget(t);
	}
	for (i = 0; i < IMAGE_CACHE; i++) {
		struct image_entry *e = &p->images[i];

		if (!image_is_qr(e))
			continue;
		texture_wipe(e->tex, e->w, e->h, zero);
		platform_image_forget(p, e);
	}
	free(zero);
	for (i = 0; i < WIDTH_CACHE; i++) {
		struct width_entry *w = &p->widths[i];

		if (w->s)
			explicit_bzero(w->s, w->n);
		free(w->s);
		memset(w, 0, sizeof(*w));
	}
	/* the frame on screen is painted again in full */
	p->shown_valid = 0;
#ifdef __GLIBC__
	/* glibc keeps what was freed (text, pictures gone from the cache)
	 * in its heap, where live memory above it stops it from shrinking:
	 * between visitors, hand the free pages back */
	malloc_trim(0);
#endif
}

void platform_cache_stats(const struct platform *p,
			  struct platform_cache_stats *out)
{
	int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < TEXT_CACHE; i++)
		if (p->cache[i].key) {
			out->texts++;
			out->text_bytes += (size_t)p->cache[i].w *
						   (size_t)p->cache[i].h * 4 +
					   strlen(p->cache[i].desc) + 1;
		}
	for (i = 0; i < IMAGE_CACHE; i++)
		if (p->images[i].key) {
			out->images++;
			out->image_bytes += p->images[i].bytes +
					    strlen(p->images[i].desc) + 1;
		}
	for (i = 0; i < WIDTH_CACHE; i++)
		if (p->widths[i].key) {
			out->widths++;
			out->width_bytes += p->widths[i].n;
		}
	out->fonts = p->nfonts;
}

static int metrics_width(void *ctx, const char *s, size_t n, int px, int bold)
{
	struct platform *p = ctx;
	uint32_t key = hash_bytes(HASH_INIT, &px, sizeof(px));
	struct width_entry *e, *victim = NULL;
	int i;

	key = hash_bytes(key, &bold, sizeof(bold));
	key = hash_bytes(key, s, n);
	if (!key)
		key = 1;
	p->measures++;
	for (i = 0; i < WIDTH_PROBE; i++) {
		e = &p->widths[(key + (uint32_t)i) & (WIDTH_CACHE - 1)];
		if (e->key == key && e->px == px && e->bold == bold &&
		    e->n == n && memcmp(e->s, s, n) == 0) {
			e->used = p->measures;
			return e->w;
		}
		if (!victim ||
		    (victim->key && (!e->key || e->used < victim->used)))
			victim = e;
		if (!e->key)
			break; /* slots fill in order: it is not further on */
	}
	if (victim->s)
		explicit_bzero(victim->s, victim->n); /* may be typed text */
	free(victim->s);
	victim->s = xmalloc(n ? n : 1);
	memcpy(victim->s, s, n);
	victim->n = n;
	victim->key = key;
	victim->px = px;
	victim->bold = bold;
	victim->used = p->measures;
	victim->w = measure(p, s, n, px, bold);
	return victim->w;
}

/* Height of a capital letter over the font's pixel size. */
static double cap_ratio(struct platform *p)
{
	TTF_Font *f = platform_font_get(p, FACE_MAIN, 100, 0);
	int minx, maxx, miny, maxy, adv;

	if (!f ||
	    TTF_GlyphMetrics(f, 'H', &minx, &maxx, &miny, &maxy, &adv) != 0)
		return 0.72;
	return maxy / 100.0;
}

struct ui_metrics platform_metrics(struct platform *p)
{
	struct ui_metrics m = { p, metrics_width, cap_ratio(p) };

	return m;
}
