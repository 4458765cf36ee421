/*
 * pin: the staff PIN and its lockout. The only home of libsodium for
 * PINs. It owns two files in the kiosk's data folder (not in the content
 * pack, which is shared between kiosks):
 *
 *   pin           the PIN as an Argon2id hash (crypto_pwhash_str, the
 *                 "interactive" limits), mode 0600
 *   pin-lockout   wrong PINs in a row, the lockout step and the wall-clock
 *                 second the lockout ends
 *
 * Both are written under a temporary name, synced, renamed and the folder
 * synced, so a power cut leaves the old or the new file whole.
 *
 * After PIN_TRIES wrong PINs the PIN pad locks: 1, 5, 15, then 60 minutes
 * for each further round of wrong PINs; a right PIN starts over. The
 * module never reads a clock: callers pass the wall-clock time in seconds.
 * Messages that reach staff are Dutch.
 */
#ifndef KIOSK_PIN_H
#define KIOSK_PIN_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define PIN_FILE	 "pin"
#define PIN_LOCK_FILE	 "pin-lockout"
#define PIN_MIN_DIGITS	 6
#define PIN_MAX_DIGITS	 12
#define PIN_TRIES	 5   /* wrong PINs before a lockout */
#define PIN_HASH_MAX	 160 /* crypto_pwhash_STRBYTES is 128 */
#define PIN_LOCK_MAX_SEC (60 * 60)

/* 0 when pin may be a staff PIN; else -1 and e says why, in Dutch (only
 * digits, at least PIN_MIN_DIGITS, not one digit repeated, not a run up
 * or down, not a well-known PIN). */
int pin_rules_check(const char *pin, struct err *e);

/* Argon2id hash of pin into out (a NUL-ended string). 0 or -1. */
int pin_hash(const char *pin, char *out, size_t size, struct err *e);

/* 1 when pin matches hash, else 0. */
int pin_verify(const char *hash, const char *pin);

/* Checks the rules, hashes pin and writes DATA_DIR/pin (0600) safely; a
 * new PIN also ends any lockout. 0 or -1 with a Dutch message. */
int pin_set(const char *data_dir, const char *pin, struct err *e);

/* Reads the hash in DATA_DIR/pin: 1 when a PIN is set, 0 when there is
 * none, -1 when the file cannot be read or is not a hash (e says why). */
int pin_load(const char *data_dir, char *hash, size_t size, struct err *e);

/* Wrong PINs and lockout, as kept in DATA_DIR/pin-lockout. */
struct pin_lockout {
	int failures; /* wrong PINs since the last lockout or right PIN */
	int step;     /* lockouts so far: 0 none, 1: 1 min, 2: 5 min ... */
	int64_t locked_until; /* wall-clock seconds; 0: not locked */
};

/* Reads the state (none there: all zero). A file that cannot be read as
 * written by this module counts as one wrong PIN short of a lockout, so a
 * damaged file never opens the way to more tries; -1 and e then say so
 * (for the log), with *l filled all the same. */
int pin_lockout_load(const char *data_dir, struct pin_lockout *l,
		     struct err *e);
int pin_lockout_save(const char *data_dir, const struct pin_lockout *l,
		     struct err *e);

/* Seconds until the PIN pad opens again at wall-clock time now; 0 when
 * open. A lockout is never longer than its step allows, even when the
 * clock was turned back. */
int64_t pin_lockout_wait(const struct pin_lockout *l, int64_t now);

/* Lockout length in seconds of step (1: 60, 2: 300, 3: 900, 4+: 3600). */
int64_t pin_lockout_length(int step);

/* A wrong PIN at time now: counts it and starts the next lockout at the
 * PIN_TRIES-th. Returns the tries left before a lockout (0: locked). */
int pin_lockout_fail(struct pin_lockout *l, int64_t now);

enum pin_result {
	PIN_OK,	     /* right */
	PIN_WRONG,   /* wrong; *left tries remain (0: now locked) */
	PIN_LOCKED,  /* locked; *wait seconds remain (nothing was tried) */
	PIN_NOT_SET, /* no PIN: `kioskctl pin` sets one */
	PIN_BROKEN,  /* the PIN file cannot be read (e says why) */
};

/* One attempt at wall-clock time now: loads the lockout, refuses while
 * locked, verifies, and saves the new state before answering (a right
 * PIN clears it). A state that cannot be saved is logged; the answer
 * stands. left and wait may be NULL. */
enum pin_result pin_try(const char *data_dir, const char *pin, int64_t now,
			int *left, int64_t *wait, struct err *e);

/* Writes text to dir/name under a temporary name with mode, fsync, rename,
 * fsync of the folder. 0 or -1 with a Dutch message naming the file. */
int pin_file_write(const char *dir, const char *name, const char *text,
		   int mode, struct err *e);

#endif
