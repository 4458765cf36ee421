/*
 * walk: visits every screen of the loaded pack the way a visitor could
 * reach it (attract, home, every part of every tile, every flyer page and
 * news item, the idle prompt, the staff facts), in one language and text
 * size, and hands each frame to a callback. The staff tool's preview and
 * check, and the accessibility tests, all walk with it.
 */
#ifndef KIOSK_WALK_H
#define KIOSK_WALK_H

#include "core/app/app.h"

/* name is a short file-name-safe label such as "nl-groot-werkwijze-2";
 * file is the pack file the screen's text comes from ("" for none). */
typedef void (*walk_fn)(void *ctx, const char *name, const char *file,
			const struct draw_list *dl);

/* Walks in language index lang with larger text on or off; leaves the app
 * wiped (attract screen). Returns the number of screens visited. */
int app_walk(struct app *a, int lang, int large, walk_fn fn, void *ctx);

#endif
