/*
 * err: one error message, written once where a failure is understood and
 * printed by whoever decides what to do about it. A function that can fail
 * returns 0 on success or -1, and fills a caller-owned `struct err`.
 */
#ifndef KIOSK_ERR_H
#define KIOSK_ERR_H

#include <stddef.h>

struct err {
	char msg[512];
};

/* Formats `fmt` into `e` (may be NULL: then nothing happens). Returns -1 so
 * a caller can write `return err_set(e, ...);`. */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Puts `prefix: ` in front of the message already in `e`. Returns -1. */
int err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
