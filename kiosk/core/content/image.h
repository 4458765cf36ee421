/*
 * image: proving that a PNG or JPEG of a pack can be decoded, without
 * holding the picture. `kioskctl check` must stay small on any pack that
 * passes (an 8000 x 8000 picture is 256 MB as pixels), so rows are decoded
 * one at a time and dropped: a PNG row by row, a JPEG at 1/8 of its size
 * (the kiosk never shows more pixels than the screen has). The only file
 * that includes libpng and libjpeg; their messages go to the log at info
 * level, never to what staff read.
 */
#ifndef KIOSK_CONTENT_IMAGE_H
#define KIOSK_CONTENT_IMAGE_H

#include <stddef.h>

/* Decodes the picture open on fd (read from its start; fd stays open).
 * Returns 0, or -1 with a Dutch reason in why. */
int image_verify(int fd, char *why, size_t why_size);

#endif
