/*
 * settings: what belongs to one kiosk PC rather than to the content pack,
 * which is shared between kiosks: the printer's device path now, the
 * volume later (and, with staff mode, more). They live in settings.ini in
 * the kiosk's data folder, read with the same `key = value` reader as
 * packs:
 *
 *   [printer]
 *   device = /dev/usb/lp0
 *
 *   [sound]
 *   volume = 80
 *
 *   [signups]
 *   public_key = BASE64   (staff.pub from `kioskctl keygen`)
 *   [kiosk]
 *   name = ussen-1      ; names this kiosk's files in the outbox
 *   [usb]
 *   path = /srv/usb
 *
 * A missing file means "all defaults": a kiosk without a printer needs no
 * settings file at all.
 */
#ifndef KIOSK_SETTINGS_H
#define KIOSK_SETTINGS_H

#include "base/err.h"
#include "core/seal.h"

#define SETTINGS_FILE	  "settings.ini"
#define SETTINGS_NAME_MAX 41 /* a kiosk name: 1..40 of a-z 0-9 - _ */

struct settings {
	char *printer_device; /* owned; NULL: no printer */
	int volume;	      /* 0 to 100; -1: not set (the system's own) */
	/* the staff public key sign-ups are sealed to, as text (checked:
	 * it decodes to a key); "" none: the pack's key, if any, is used */
	char signup_public_key[SEAL_KEY_TEXT];
	char name[SETTINGS_NAME_MAX]; /* this kiosk's name; "": not set */
	int staff_desktop; /* [staff] desktop = ja: staff mode may leave the
			    * kiosk for the desktop (maintenance) */
	char *usb_path; /* owned; where USB sticks appear (each folder in it
			 * is a stick); NULL: /media and /run/media */
};

/* Reads DATA_DIR/settings.ini into s (defaults when the file is not
 * there). Returns 0, or -1 with e naming file:line of the first problem;
 * s then holds the defaults. Release with settings_release(). */
int settings_load(struct settings *s, const char *data_dir, struct err *e);
void settings_release(struct settings *s);

#endif
