/*
 * internal: what the files of the platform layer share and nobody else
 * sees: struct platform itself and its caches (platform.c), the fonts and
 * text shaping (text.c), and how the signal thread (signals.c) tells the
 * event loop what arrived.
 */
#ifndef KIOSK_PLATFORM_INTERNAL_H
#define KIOSK_PLATFORM_INTERNAL_H

#include <SDL.h>
#include <SDL_ttf.h>

#include "base/util.h"
#include "platform/platform.h"

#define FONT_SIZES	  32 /* every role, weight and text size stays open */
#define TEXT_CACHE	  512
#define IMAGE_CACHE	  48
#define IMAGE_CACHE_BYTES (256u << 20) /* textures kept, about */
#define WIDTH_CACHE	  8192 /* measured words and phrases, a power of 2 */
#define WIDTH_PROBE	  8

struct font_slot {
	int px, bold, face;
	TTF_Font *font;
};

/* Cache entries are found by the hash of a description of what they
 * show, and the description itself is compared, so two texts or pictures
 * whose hashes collide never swap places on screen. */
#define DESC_MAX 1200

struct text_entry {
	uint32_t key; /* hash of desc; 0 = empty */
	char *desc;   /* size, weight, colour and text; owned */
	SDL_Texture *tex;
	int w, h;
	uint64_t used; /* frame number of last use */
};

/* A picture, PDF page or QR code turned into a texture. */
struct image_entry {
	uint32_t key; /* hash of desc; 0 = empty */
	char *desc;   /* file, page and size, or a QR's text; owned */
	SDL_Texture *tex;
	int w, h;
	size_t bytes;
	uint64_t used;
	int failed; /* could not be loaded: draw a placeholder, do not retry */
};

/* A measured width: the line breaker asks for the same words every frame,
 * and a long page has thousands of them. The text itself is kept and
 * compared, so a hash collision never gives a wrong width. */
struct width_entry {
	uint32_t key; /* hash of size, weight and text; 0 = empty */
	int px, bold, w;
	size_t n;
	char *s;       /* the n bytes measured, owned */
	uint64_t used; /* measure count at last use */
};

struct platform {
	struct image_entry images[IMAGE_CACHE];
	struct width_entry widths[WIDTH_CACHE];
	uint64_t measures; /* width look-ups so far (the LRU clock) */
	size_t image_bytes;
	SDL_Window *win;
	SDL_Renderer *ren;
	int tex_max; /* the renderer's largest texture side */
	int w, h;
	char font_path[2][2][1024]; /* [enum face][bold] */
	struct font_slot fonts[FONT_SIZES];
	int nfonts;
	struct text_entry cache[TEXT_CACHE];
	uint64_t frame;
	uint32_t shown_hash;
	int shown_valid;
	/* what each command of the frame on screen looked like, so that the
	 * software renderer repaints only the part that changed (a fading
	 * line, a pressed button) instead of two million pixels */
	uint32_t shown_cmd[DRAW_MAX];
	struct rect shown_box[DRAW_MAX];
	int shown_ncmds;
	struct color shown_clear;
	int software; /* the renderer keeps the frame between presents */
	int mouse_seen;
	int headless;
	SDL_FingerID finger; /* the finger being followed */
	int finger_down;
	/* Headless drivers cannot sleep in SDL_WaitEventTimeout (SDL polls
	 * them every millisecond): there the loop sleeps on this semaphore,
	 * which every pushed event (SIGTERM, a benchmark's touches) posts. */
	SDL_sem *wake;
};

/* The key of a cache entry: the hash of its description, never 0. */
static inline uint32_t platform_desc_hash(const char *desc)
{
	uint32_t key = hash_str(HASH_INIT, desc);

	return key ? key : 1;
}

/* ---- platform.c ---- */

/* Empties an image entry: its texture destroyed, its desc freed. */
void platform_image_forget(struct platform *p, struct image_entry *e);

/* ---- text.c ---- */

/* The cached texture of a text command, rendered on a miss; NULL when
 * it cannot be drawn. Borrowed until the next call. */
struct text_entry *platform_text_get(struct platform *p,
				     const struct draw_cmd *c);

/* Empties a text entry: its texture destroyed, its desc freed. */
void platform_text_forget(struct text_entry *t);

/* The faces text is drawn with, per script: the first covers Latin,
 * Cyrillic, Greek and the rest of what DejaVu Sans has; the second the
 * Arabic script. A character missing from the face of its script is
 * looked for in the other (the fallback chain). */
enum face { FACE_MAIN, FACE_ARABIC };

/* Finds a font file by fontconfig pattern into out; 0 or -1. */
int platform_font_find(const char *pattern, char *out, size_t size);

/* Finds the Arabic font (Noto Sans Arabic) for p, if installed. */
void platform_font_find_arabic(struct platform *p);

/* The open font of face, pixel size and weight (kept open). */
TTF_Font *platform_font_get(struct platform *p, int face, int px, int bold);

/* Renders text shaped per script and direction; caller frees. */
SDL_Surface *platform_text_render(struct platform *p, const char *s, int px,
				  int bold, int rtl, SDL_Color col);

/* A signal reaches the loop as this event, the program's only user
 * event, distinct from SDL_QUIT (window close, Alt+F4), which a kiosk
 * ignores. Its code says which signal. */
#define SIGNAL_EVENT SDL_USEREVENT
enum { SIGNAL_TERM, SIGNAL_RESCAN, SIGNAL_HANG, SIGNAL_REPORT };

#endif
