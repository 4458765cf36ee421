/*
 * usb: where USB sticks are mounted on this PC. The desktop's automounter
 * (udisks) puts a stick under /run/media/USER/LABEL or /media/USER/LABEL,
 * a plain Debian with usbmount under /media/usbN; a kiosk set up by hand
 * can name a folder in settings.ini ([usb] path), each folder in it being
 * one stick. Only looks at the disk's folder list: bounded, and it never
 * reads a stick's files.
 */
#ifndef KIOSK_USB_H
#define KIOSK_USB_H

#include "core/staff.h"

/* Fills out with up to max stick folders; returns how many were found
 * (may be more than max). configured: settings.ini's [usb] path, or
 * NULL for /media and /run/media, where only mount points count. */
int usb_find(const char *configured, char (*out)[STAFF_PATH_MAX], int max);

#endif
