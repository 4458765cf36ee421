/*
 * signals: the kiosk's signals, taken by one thread of their own and
 * passed on as events; the public kiosk survives every signal but
 * SIGTERM (SIGUSR1 asks for a line on what the caches hold). Part of the
 * platform layer (see platform.h for the calls).
 */
#include "platform/platform.h"
#include "platform/internal.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"

/*
 * One thread takes every signal the kiosk handles with sigwait(), with the
 * signals blocked in all other threads (which inherit the mask, so this
 * must run before any other thread starts). So no handler ever interrupts
 * other code and no global is needed: the thread owns a struct
 * platform_signals, which lives until the process ends, and passes news
 * on as SDL events (the touch loop waits for those) and, for SIGTERM, as
 * a byte on a pipe that is never drained (a script run waits on its input
 * and that pipe).
 */
struct platform_signals {
	int public_kiosk;
	int test_hang; /* WIJKKIOSK_TEST_HANG=1: SIGUSR2 hangs the loop */
	int pipe[2];
};

static void signal_push(int code)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = SIGNAL_EVENT;
	ev.user.code = code;
	SDL_PushEvent(&ev);
}

static void signal_set(sigset_t *set, int public_kiosk)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGUSR1);
	sigaddset(set, SIGUSR2);
	sigaddset(set, SIGPIPE);
	if (public_kiosk)
		sigaddset(set, SIGINT);
}

static int signal_thread(void *arg)
{
	struct platform_signals *s = arg;
	sigset_t set;
	int sig;

	signal_set(&set, s->public_kiosk);
	for (;;) {
		if (sigwait(&set, &sig) != 0)
			continue;
		switch (sig) {
		case SIGTERM:
			/* whoever ends the program logs it */
			signal_push(SIGNAL_TERM);
			if (write(s->pipe[1], "t", 1) < 0 && errno != EAGAIN)
				log_error("cannot pass SIGTERM on: %s",
					  strerror(errno));
			break;
		case SIGHUP:
			if (s->public_kiosk) {
				log_info("SIGHUP: looking for a newly "
					 "installed pack now");
				signal_push(SIGNAL_RESCAN);
			} else {
				log_info("SIGHUP: ignored in a script run");
			}
			break;
		case SIGUSR2:
			if (!s->test_hang)
				goto ignored;
			log_warn("SIGUSR2: test hang: the main loop stops "
				 "turning (WIJKKIOSK_TEST_HANG is set)");
			signal_push(SIGNAL_HANG);
			break;
		case SIGUSR1:
			/* the loop owns the caches: it logs them (a script
			 * run after its next command) */
			log_info("SIGUSR1: reporting what the caches hold");
			signal_push(SIGNAL_REPORT);
			break;
		case SIGINT:
			log_info("ignoring Ctrl+C: the kiosk stops only on "
				 "SIGTERM");
			break;
		default:
		ignored:
			log_info("%s: ignored (the kiosk stops only on "
				 "SIGTERM)",
				 sig == SIGUSR2 ? "SIGUSR2" : "SIGPIPE");
			break;
		}
	}
	return 0; /* not reached: the thread waits as long as the process */
}

struct platform_signals *platform_signals_init(int public_kiosk, struct err *e)
{
	struct platform_signals *s;
	sigset_t set;
	SDL_Thread *t;

	/* SIGPIPE too is blocked: a write to a reader that went away then
	 * fails with EPIPE where it is written, and a SIGPIPE sent with kill
	 * reaches the thread below, which logs it */
	signal_set(&set, public_kiosk);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) {
		err_set(e, "cannot block signals");
		return NULL;
	}
	/* SDL must not turn SIGINT/SIGTERM into SDL_QUIT itself */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	if (SDL_Init(SDL_INIT_EVENTS) != 0) {
		err_set(e, "cannot start SDL events: %s", SDL_GetError());
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->public_kiosk = public_kiosk;
	s->test_hang = getenv("WIJKKIOSK_TEST_HANG") &&
		       strcmp(getenv("WIJKKIOSK_TEST_HANG"), "1") == 0;
	if (pipe2(s->pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		err_set(e, "cannot make a pipe: %s", strerror(errno));
		free(s);
		return NULL;
	}
	t = SDL_CreateThread(signal_thread, "signals", s);
	if (!t) {
		err_set(e, "cannot start signal thread: %s", SDL_GetError());
		close(s->pipe[0]);
		close(s->pipe[1]);
		free(s);
		return NULL;
	}
	SDL_DetachThread(t);
	return s;
}

int platform_wait_input(struct platform_signals *s, int fd)
{
	struct pollfd pf[2] = { { fd, POLLIN, 0 }, { s->pipe[0], POLLIN, 0 } };

	for (;;) {
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 0; /* let the read itself report it */
		}
		if (pf[1].revents)
			return -1;
		if (pf[0].revents)
			return 0;
	}
}
