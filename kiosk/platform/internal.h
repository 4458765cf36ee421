/*
 * internal: what the files of the platform layer share and nobody else
 * sees: how the signal thread (signals.c) tells the event loop
 * (platform.c) what arrived.
 */
#ifndef KIOSK_PLATFORM_INTERNAL_H
#define KIOSK_PLATFORM_INTERNAL_H

#include <SDL.h>

/* A signal reaches the loop as this event, the program's only user
 * event, distinct from SDL_QUIT (window close, Alt+F4), which a kiosk
 * ignores. Its code says which signal. */
#define SIGNAL_EVENT SDL_USEREVENT
enum { SIGNAL_TERM, SIGNAL_RESCAN };

#endif
