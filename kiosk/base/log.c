/*
 * log: level-filtered lines to standard error. The level is set once at
 * start-up and read only; beside it a small ring of the last warnings and
 * errors, written and read only while stderr's lock is held (the signal
 * thread logs too).
 */
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static enum log_level min_level = LOG_INFO;

static struct {
	char lines[LOG_RECENT_MAX][LOG_RECENT_LINE];
	int next, n;
} recent;

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
	if (level >= LOG_WARN) {
		char *line = recent.lines[recent.next];
		int n = snprintf(line, LOG_RECENT_LINE, "%s: ", names[level]);

		va_start(ap, fmt);
		vsnprintf(line + n, LOG_RECENT_LINE - (size_t)n, fmt, ap);
		va_end(ap);
		recent.next = (recent.next + 1) % LOG_RECENT_MAX;
		if (recent.n < LOG_RECENT_MAX)
			recent.n++;
	}
	funlockfile(stderr);
}

int log_recent(char (*out)[LOG_RECENT_LINE], int max)
{
	int i, n, first;

	flockfile(stderr);
	n = recent.n < max ? recent.n : max;
	first = (recent.next - n + LOG_RECENT_MAX) % LOG_RECENT_MAX;
	for (i = 0; i < n; i++)
		memcpy(out[i], recent.lines[(first + i) % LOG_RECENT_MAX],
		       LOG_RECENT_LINE);
	funlockfile(stderr);
	return n;
}
