/*
 * packstore: the content packs installed on this kiosk. It owns, inside the
 * kiosk's data folder:
 *
 *   packs/pack-N       one folder per installed pack, a whole copy
 *   packs/.tmp-XXXXXX  a pack being copied (never pointed at)
 *   current            symlink to packs/pack-N: the pack the kiosk shows
 *   previous           symlink to the pack that was current before
 *   current.new,       symlinks that exist only for a moment, while a
 *   previous.new       link is being replaced
 *
 * A link only ever changes by rename() of a fresh link over it, and only
 * to a pack whose files and folders are already on the disk (fsync), so a
 * power cut at any moment leaves `current` pointing at a whole pack: the
 * old one or the new one, never a mix. Leftovers of a cut-off install or
 * rollback are cleaned (or finished) by the next install or rollback.
 * Only one install or rollback runs at a time (a lock on packs/).
 *
 * Errors end up in front of staff (kioskctl), so their messages are Dutch.
 * The module never reads the clock.
 */
#ifndef KIOSK_PACKSTORE_H
#define KIOSK_PACKSTORE_H

#include <stddef.h>

#include "base/err.h"

/* Called before each step that changes the disk, numbered from 1 within
 * one install or rollback; `what` is a short English description,
 * borrowed for the call. A test passes one that ends the process at step
 * N to prove a crash at any point leaves the old or the new pack whole.
 * May be NULL. */
typedef void (*packstore_step_fn)(void *ctx, int step, const char *what);

/* Copies the pack folder src (already checked by the caller) into
 * data_dir/packs/, then makes it the current pack with one atomic rename
 * of a symlink: data_dir/current -> packs/NAME. The pack that was current
 * becomes data_dir/previous (also a symlink). Packs that are neither
 * current nor previous are removed afterwards. Only regular files and
 * folders are copied; names starting with '.' are skipped; a symlink,
 * device or pipe in src refuses the whole pack. data_dir is created when
 * missing. */
int packstore_install(const char *data_dir, const char *src,
		      packstore_step_fn step, void *ctx, struct err *e);

/* What an install may do besides copying the pack. */
struct packstore_opts {
	const char *const *skip; /* borrowed: top-level names of src not to
				    copy (folders the pack does not use) */
	int nskip;
	const char *about; /* borrowed: text kept with the installed pack
			      (where it came from, when), read back with
			      packstore_about(); NULL: none */
};

/* packstore_install() with options o (may be NULL). The `about` text is
 * written and synced inside the new pack before it becomes current. */
int packstore_install_with(const char *data_dir, const char *src,
			   const struct packstore_opts *o,
			   packstore_step_fn step, void *ctx, struct err *e);

/* The `about` text stored with the current pack, into out (NUL-ended,
 * cut at size). Returns -1 when there is none (no pack, or a pack
 * installed without one). */
int packstore_about(const char *data_dir, char *out, size_t size);

/* Makes previous current and current previous, atomically. Fails with a
 * Dutch message when there is no previous pack. A rollback cut off by a
 * crash is finished first, so a second rollback always swaps again. */
int packstore_rollback(const char *data_dir, packstore_step_fn step, void *ctx,
		       struct err *e);

/* Full path of the current pack folder in out (absolute, every symlink
 * resolved, so it stays valid when `current` later moves on); -1 when none
 * is installed or out is too small. Changes nothing on the disk. */
int packstore_current(const char *data_dir, char *out, size_t size);

/* Same for the previous pack; -1 also when previous is the same pack as
 * current (which only a crash mid-install can leave behind). */
int packstore_previous(const char *data_dir, char *out, size_t size);

#endif
