/*
 * screens: one function per screen, each drawing the app's current state
 * with ui widgets and changing the state when a widget is clicked. Internal
 * to the app module.
 */
#ifndef KIOSK_SCREENS_H
#define KIOSK_SCREENS_H

#include "core/app/app.h"

/* Runs the current screen (or the idle prompt) for one frame. */
void screens_run(struct app *a);

#endif
