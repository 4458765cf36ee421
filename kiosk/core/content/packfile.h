/*
 * packfile: the one place that opens the files of a content pack. A pack is
 * a folder staff copy from a USB stick or a synced folder, so it may hold
 * anything; the rule is that nothing is read through a symlink or from
 * outside the pack's folder, whoever reads it (the kiosk, `kioskctl check`,
 * `preview`, `install`). Every path is opened relative to the pack's folder
 * descriptor: with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) where the
 * kernel has it, else one openat(O_NOFOLLOW) per path component.
 */
#ifndef KIOSK_CONTENT_PACKFILE_H
#define KIOSK_CONTENT_PACKFILE_H

#include <stddef.h>

#include "base/err.h"

struct pack_dir {
	int fd; /* owned: the pack's folder, opened with O_DIRECTORY */
};

/* Opens the pack folder dir (the folder itself may be reached through a
 * symlink: it is the operator's choice, not the pack's). Close with
 * pack_dir_close(). */
int pack_dir_open(struct pack_dir *p, const char *dir, struct err *e);
void pack_dir_close(struct pack_dir *p);

/* Opens rel ("tile/nl.md": no leading '/', no "." or "..", no empty parts)
 * inside the pack with open flags `flags` (O_RDONLY, O_DIRECTORY ...);
 * O_NOFOLLOW, O_CLOEXEC and O_NONBLOCK (a FIFO never blocks) are added.
 * Returns a descriptor the caller closes, or -1 with errno: ELOOP (a part
 * of rel is a symlink), EXDEV (rel leaves the pack), ENOENT, EACCES, ... */
int pack_open(const struct pack_dir *p, const char *rel, int flags);

/* After ELOOP: writes the first part of rel that is a symlink ("tegel" or
 * "tegel/nl.md") to out. Returns 0, or -1 when none is found. */
int pack_find_link(const struct pack_dir *p, const char *rel, char *out,
		   size_t size);

/* Calls fn with the pack-relative path of every symlink anywhere in the
 * pack (never following one), in no particular order. At most 16 folders
 * deep. The path is borrowed for the call. */
void pack_each_link(const struct pack_dir *p,
		    void (*fn)(void *ctx, const char *rel), void *ctx);

/* Reads the whole regular file rel into a heap buffer with a terminating
 * NUL (caller frees with free()); *len is its length. Returns NULL with
 * errno set: EFBIG when it is larger than max bytes, EISDIR/EINVAL when it
 * is no regular file, or what pack_open() set. */
char *pack_read(const struct pack_dir *p, const char *rel, size_t max,
		size_t *len);

#endif
