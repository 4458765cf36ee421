/*
 * watchdog: READY, WATCHDOG and STOPPING for systemd (see watchdog.h).
 */
#include "platform/watchdog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"

struct watchdog {
	int notify;	   /* NOTIFY_SOCKET is set: a service manager listens */
	uint64_t every_ms; /* heartbeat interval (half of WatchdogSec), 0: none
			    */
	uint64_t next;	   /* when the next heartbeat is due */
	int ready;	   /* READY=1 sent */
};

/* WATCHDOG_PID names cage, our parent, when cage is the main process:
 * then the watchdog is ours to keep. */
static void adopt_parent_watchdog(void)
{
	const char *pid = getenv("WATCHDOG_PID");
	char *end;
	long n;

	if (!pid)
		return;
	errno = 0;
	n = strtol(pid, &end, 10);
	if (errno || *end || n <= 0 || (pid_t)n != getppid())
		return;
	unsetenv("WATCHDOG_PID");
	log_info("watchdog: the service's main process is our parent "
		 "(cage); the kiosk keeps the watchdog");
}

struct watchdog *watchdog_open(void)
{
	struct watchdog *w = xcalloc(1, sizeof(*w));
	uint64_t usec = 0;
	int r;

	w->notify = getenv("NOTIFY_SOCKET") != NULL;
	if (!w->notify)
		return w;
	adopt_parent_watchdog();
	/* 1: unset WATCHDOG_USEC and WATCHDOG_PID for what we start */
	r = sd_watchdog_enabled(1, &usec);
	if (r < 0)
		log_warn("watchdog: cannot read the watchdog setting: %s",
			 strerror(-r));
	if (r > 0 && usec > 0) {
		w->every_ms = usec / 2000;
		if (w->every_ms == 0)
			w->every_ms = 1;
		log_info("watchdog: heartbeat every %llu ms",
			 (unsigned long long)w->every_ms);
	}
	return w;
}

void watchdog_close(struct watchdog *w)
{
	free(w);
}

static void notify(const char *msg)
{
	int r = sd_notify(0, msg);

	if (r < 0)
		log_warn("watchdog: cannot tell systemd '%s': %s", msg,
			 strerror(-r));
}

void watchdog_ready(struct watchdog *w, uint64_t now)
{
	if (!w->notify || w->ready)
		return;
	w->ready = 1;
	/* the first heartbeat goes with READY */
	notify(w->every_ms ? "READY=1\nWATCHDOG=1" : "READY=1");
	w->next = now + w->every_ms;
}

int64_t watchdog_wakeup_in(const struct watchdog *w, uint64_t now)
{
	if (!w->ready || !w->every_ms)
		return -1;
	return now >= w->next ? 0 : (int64_t)(w->next - now);
}

void watchdog_tick(struct watchdog *w, uint64_t now)
{
	if (!w->ready || !w->every_ms || now < w->next)
		return;
	notify("WATCHDOG=1");
	w->next = now + w->every_ms;
}

void watchdog_stopping(struct watchdog *w)
{
	if (w->notify)
		notify("STOPPING=1");
}
