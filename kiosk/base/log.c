/*
 * log: level-filtered lines to standard error (see log.h). The level and the
 * style are the process-wide state of the program: set once at start-up and
 * only read after that. Beside them a small ring of the last warnings and
 * errors, written and read only while stderr's lock is held (the signal
 * thread logs too).
 */
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static enum log_level min_level = LOG_INFO;
static int journal_style = 1;

static struct {
	char lines[LOG_RECENT_MAX][LOG_RECENT_LINE];
	int next, n;
} recent;

void log_set_level(enum log_level level)
{
	min_level = level;
}

void log_set_journal(int on)
{
	journal_style = on;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *const names[] = { "debug", "info", "warning",
					     "error" };
	/* syslog priorities: debug 7, info 6, warning 4, error 3 */
	static const char *const prio[] = { "<7>", "<6>", "<4>", "<3>" };
	char line[2048];
	size_t n;
	va_list ap;

	if (level < min_level)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* one event, one line: a message that carries a line break (an
	 * error text from a library) is kept on its line */
	for (n = 0; line[n]; n++)
		if (line[n] == '\n' || line[n] == '\r')
			line[n] = ' ';
	/* one whole line at a time: the signal thread logs too */
	flockfile(stderr);
	fprintf(stderr, "%skiosk: %s: %s\n", journal_style ? prio[level] : "",
		names[level], line);
	if (level >= LOG_WARN) {
		snprintf(recent.lines[recent.next], LOG_RECENT_LINE, "%s: %s",
			 names[level], line);
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
