/*
 * log: one line a message to standard error, with a level in front, so the
 * journal (systemd) keeps a readable history of the kiosk. The core never
 * reads the clock, so lines carry no time of their own: the journal adds it.
 *
 * In the journal style (the kiosk's) each line starts with the syslog
 * priority journald reads and strips: <3> error, <4> warning, <6> info,
 * <7> debug, then "kiosk: LEVEL: message". The plain style (kioskctl, in
 * front of staff) leaves the priority out.
 *
 * Never log personal data or survey answers: names, typed texts, chosen
 * options. Log what happened and to which file, not what was said.
 */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* Messages below `level` are dropped. Default LOG_INFO. */
void log_set_level(enum log_level level);

/* 1: the journal style above (the default); 0: plain lines. Set once at
 * start-up, before any thread logs. */
void log_set_journal(int on);

void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The last warnings and errors are also kept in memory, newest last, for
 * the staff's status screen (log lines never hold personal data). */
#define LOG_RECENT_MAX	8
#define LOG_RECENT_LINE 160

/* Copies up to max of the last warning and error lines, oldest first,
 * each cut at LOG_RECENT_LINE bytes. Returns how many. */
int log_recent(char (*out)[LOG_RECENT_LINE], int max);

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...)  log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
