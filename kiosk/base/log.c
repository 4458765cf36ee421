/*
 * log: level-filtered lines to standard error. The level is the one piece of
 * process-wide state in the program: it is set once at start-up and read only.
 */
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>

static enum log_level min_level = LOG_INFO;

void log_set_level(enum log_level level)
{
	min_level = level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *const names[] = { "debug", "info", "warning",
					     "error" };
	va_list ap;

	if (level < min_level)
		return;
	/* one whole line at a time: the signal thread logs too */
	flockfile(stderr);
	fprintf(stderr, "kiosk: %s: ", names[level]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	funlockfile(stderr);
}
