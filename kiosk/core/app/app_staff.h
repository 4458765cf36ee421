/*
 * app_staff: the app's side of staff mode, kept apart from app.c: the PIN
 * pad, the lockout, the pages and their actions, the 2-minute close.
 * Internal to the app module.
 */
#ifndef KIOSK_APP_STAFF_H
#define KIOSK_APP_STAFF_H

#include "core/app/app.h"

/* Carries out a REQ_STAFF request; 1 when r was one. */
int app_staff_apply(struct app *a, const struct screen_req *r);

/* 1 while staff mode is on screen. */
int app_staff_open(const struct app *a);

/* Forgets staff mode, every byte of the PIN typed (with the visit). */
void app_staff_wipe(struct app *a);

#endif
