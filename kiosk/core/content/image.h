/*
 * image: proving that a PNG or JPEG of a pack can be decoded, without
 * holding the picture, and reading its width and height from its header.
 * `kioskctl check` must stay small on any pack that passes (an 8000 x 8000
 * picture is 256 MB as pixels), so rows are decoded one at a time and
 * dropped: a PNG row by row, a JPEG at 1/8 of its size (the kiosk never
 * shows more pixels than the screen has). The only file that includes
 * libpng and libjpeg; their messages go to the log at info level, never to
 * what staff read.
 */
#ifndef KIOSK_CONTENT_IMAGE_H
#define KIOSK_CONTENT_IMAGE_H

#include <stddef.h>

/* Decodes the picture open on fd (read from its start; fd stays open).
 * Returns 0, or -1 with a Dutch reason in why. */
int image_verify(int fd, char *why, size_t why_size);

/* Width and height of a PNG or JPEG from its header, without decoding
 * it (fd is read with pread and stays where it was). Returns 0, or -1
 * when fd holds neither. */
int image_size(int fd, long *w, long *h);

/* The same for the file at path (opened and closed here): 0, or -1 when
 * it cannot be read or has no size. */
int image_size_file(const char *path, long *w, long *h);

#endif
