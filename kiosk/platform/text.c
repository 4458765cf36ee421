/*
 * text: fonts and text for the platform: finding the fonts through
 * fontconfig (DejaVu Sans, Noto Sans Arabic), keeping them open, cutting
 * a text into pieces per font and shaping each with HarfBuzz (SDL_ttf) in
 * its script and direction, measuring and rendering them.
 */
#include "platform/internal.h"

#include <fontconfig/fontconfig.h>
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

/* A NUL-terminated copy of a piece (fonts want C strings). */
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
	if (np == 1)
		return part[0];
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
	return out;
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
