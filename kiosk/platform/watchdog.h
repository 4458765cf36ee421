/*
 * watchdog: the kiosk's side of systemd's service manager, through
 * libsystemd's sd_notify (the only file that includes systemd headers).
 * It says READY=1 once the first frame is on screen, WATCHDOG=1 from the
 * main loop at half the interval systemd asks for, and STOPPING=1 when
 * SIGTERM ends the kiosk. A hang of the main loop stops the heartbeat, and
 * systemd then restarts the service.
 *
 * Under the unit, cage is the service's main process and the kiosk its
 * child: systemd names cage in WATCHDOG_PID, so libsystemd would think the
 * watchdog is meant for another process. When WATCHDOG_PID is our parent,
 * the kiosk takes the watchdog over (the unit says NotifyAccess=all, so
 * systemd accepts messages from any process of the service).
 *
 * Without NOTIFY_SOCKET in the environment (a developer's run, tests,
 * scripts) every call does nothing. Only the main thread calls these.
 */
#ifndef KIOSK_PLATFORM_WATCHDOG_H
#define KIOSK_PLATFORM_WATCHDOG_H

#include <stdint.h>

struct watchdog;

/* Reads the environment (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID) and
 * removes the watchdog variables from it, so programs the kiosk starts do
 * not see them. Call in main before any thread starts. Never fails: with
 * no service manager the result simply does nothing. Free with
 * watchdog_close(). */
struct watchdog *watchdog_open(void);
void watchdog_close(struct watchdog *w);

/* READY=1, once; call after the first frame is painted. now: ms clock of
 * the loop (platform_ticks). */
void watchdog_ready(struct watchdog *w, uint64_t now);

/* Milliseconds until the next heartbeat is due (0: now), -1 when there is
 * no watchdog: the loop sleeps at most that long. */
int64_t watchdog_wakeup_in(const struct watchdog *w, uint64_t now);

/* Sends WATCHDOG=1 when due (half the interval after the last one). */
void watchdog_tick(struct watchdog *w, uint64_t now);

/* STOPPING=1: the kiosk ends on SIGTERM. */
void watchdog_stopping(struct watchdog *w);

#endif
