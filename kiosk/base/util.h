/*
 * util: small helpers every layer uses: bounded string copies, hashing,
 * UTF-8 checks and whole-file reading.
 */
#ifndef KIOSK_UTIL_H
#define KIOSK_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Copies at most size-1 bytes of src into dst and terminates it; never cuts
 * a UTF-8 sequence in half. Returns the length copied. */
size_t str_copy(char *dst, size_t size, const char *src);

/* Heap copy of s (or of its first n bytes); caller frees with free(). Aborts
 * on out-of-memory, which a kiosk cannot recover from anyway. */
char *str_dup(const char *s);
char *str_ndup(const char *s, size_t n);

/* Removes white space at both ends, in place; returns s. */
char *str_trim(char *s);

/* 1 when s starts with prefix. */
int str_starts(const char *s, const char *prefix);

/* FNV-1a, 32 bit. `h` is the running value: start with HASH_INIT. */
#define HASH_INIT 2166136261u
uint32_t hash_bytes(uint32_t h, const void *p, size_t n);
uint32_t hash_str(uint32_t h, const char *s);

/* 1 when the n bytes at s are valid UTF-8; on 0, *bad_at is the offset of
 * the first bad byte. */
int utf8_valid(const char *s, size_t n, size_t *bad_at);

/* Decodes one code point at *s and advances *s; returns 0xFFFD on bad input. */
uint32_t utf8_next(const char **s);

/* The same within n bytes that need no NUL after them: decodes the code
 * point at s[*i] and advances *i (by one byte on bad input, returning
 * 0xFFFD). *i must be below n. */
uint32_t utf8_next_n(const char *s, size_t n, size_t *i);

/* Reads a whole file into a heap buffer with a terminating NUL (caller
 * frees with free()). Refuses files larger than max_bytes. */
char *file_read(const char *path, size_t max_bytes, size_t *len, struct err *e);

/* 1 when path names an existing directory. */
int path_is_dir(const char *path);

/* Creates a folder and its parents (like mkdir -p). For folders the
 * user names on purpose, such as an output folder for pictures. */
int path_mkdirs(const char *path, struct err *e);

/* Makes sure the folder `path` exists, creating only what is missing below
 * `base`, which must exist (NULL: the parent of path, so at most the last
 * folder is made). A mistyped path never grows a tree of folders. Returns
 * 0 when path is a folder afterwards; else -1, e says why and errno holds
 * the cause (ENOTDIR when path is something other than a folder). */
int path_mkdir_below(const char *path, const char *base, struct err *e);

/* Proves that files can be written in the folder `path`: writes, syncs and
 * removes a small unnamed file. -1 (e and errno say why) on a read-only or
 * full disk, or without permission. */
int path_probe_write(const char *path, struct err *e);

/* The kiosk's data folder when none is given: $XDG_DATA_HOME/wijkkiosk,
 * else ~/.local/share/wijkkiosk. */
void path_default_data(char *out, size_t size);

/* For the default data folder `data`: the folder below which its missing
 * parents may be made too ($HOME, when data lies inside it, as the XDG
 * rules ask), else NULL. Borrowed from the environment. */
const char *path_default_data_base(const char *data);

/* The folder that holds build/ (the source tree, or the install folder),
 * found from /proc/self/exe: assets/ and content/ live there. */
void path_home(char *out, size_t size);

/* Allocation helpers that abort on out-of-memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

#endif
