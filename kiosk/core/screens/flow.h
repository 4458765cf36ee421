/*
 * flow: pours a document's blocks (headings, paragraphs, list items,
 * pictures) into screenfuls of a given size, and remembers the result.
 *
 * Breaking a long page into screenfuls needs every line of it measured;
 * doing that each frame made a long page slow. A layout is made once per
 * (blocks, width, height, text size) and kept in a small cache; a frame
 * then lays out only the lines it shows. The cache holds positions in the
 * pack's own text, nothing a visitor typed.
 */
#ifndef KIOSK_FLOW_H
#define KIOSK_FLOW_H

#include <stdint.h>

#include "core/content/content.h"
#include "core/ui/ui.h"

#define FLOW_SKIP_IMAGES 1 /* leave pictures out (a step shows its own) */

/* A piece of one block on one screenful: lines first..first+take-1 of
 * block `block`, `y` pixels below the top of the box. */
struct flow_slice {
	int block;
	int first, take;
	int y;
	int page;
};

struct flow_layout {
	/* the key */
	const struct block *blocks; /* borrowed from the content pack */
	int from, to, width, height, flags;
	int line_h, image_h, font_px;
	/* the result */
	struct flow_slice *slices; /* owned, in page order */
	int nslices, cap;
	int pages; /* at least 1 */
	uint64_t used;
};

#define FLOW_CACHE_MAX 16 /* a cards screen uses four at a time */

struct flow_cache {
	struct flow_layout e[FLOW_CACHE_MAX];
	uint64_t clock;
};

/* Frees every layout. The cache must be released (or forgotten) when
 * the content pack it points into is freed. */
void flow_cache_release(struct flow_cache *fc);

/* The layout of blocks [from, to) in a box width x height at the ui's
 * current text size; made now unless cached. Borrowed from the cache
 * until the next flow_get on it. */
const struct flow_layout *flow_get(struct flow_cache *fc, struct ui *ui,
				   const struct block *blocks, int from, int to,
				   int width, int height, int flags);

/* Height in pixels that screenful `page` of a layout takes. */
int flow_used_h(const struct flow_layout *l, int page);

/* Draws screenful `page` of a layout with its top-left at x, top. */
void flow_draw(struct ui *ui, const struct flow_layout *l, int x, int top,
	       int page, struct color text);

/* Height in pixels of a picture in the text at the ui's text size. */
int flow_image_h(const struct ui *ui);

/* How many "## " sections a document has, and where section k starts
 * (the block index of its heading; d->nblocks past the last). */
int doc_sections(const struct doc *d);
int doc_section_start(const struct doc *d, int k);

#endif
