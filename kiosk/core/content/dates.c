/*
 * dates: days and times as the pack writes them and the kiosk shows them.
 * Parses dates (YYYY-MM-DD into YYYYMMDD) and times of day, counts days
 * and weekdays, says whether a `when` range shows today, and works out
 * from the opening hours whether the place is open now and when it opens
 * next. Pure functions: no clock, no files, nothing owned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/days.h"
#include "core/content/content.h"
#include "core/content/loader.h"

int when_shows(struct when w, int today)
{
	return (!w.from || today >= w.from) && (!w.until || today <= w.until);
}

int date_parse(const char *s, int *out)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0;

	if (strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    s[4] != '-' || s[7] != '-')
		return -1;
	if (y < 2000 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return -1;
	if (m == 2 && d == 29 &&
	    !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	*out = y * 10000 + m * 100 + d;
	return 0;
}

int time_parse(const char *s, int end_ok)
{
	int h, m, n = 0;

	if (sscanf(s, "%2d%*1[:.]%2d%n", &h, &m, &n) != 2 || s[n] || n < 4 ||
	    !(s[n - 3] == ':' || s[n - 3] == '.'))
		return -1;
	if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && (m || !end_ok)))
		return -1;
	return h * 60 + m;
}

int date_weekday(int date)
{
	/* 1970-01-01 was a Thursday (3, Monday = 0) */
	long w = (days_from_date(date) + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int date_add_days(int date, int n)
{
	return date_from_days(days_from_date(date) + n);
}

/* ---- opening hours ---- */

static void hours_of_day(const struct opening_hours *h, int date, int *open,
			 int *close)
{
	int i, wd = date_weekday(date);

	for (i = 0; i < h->nexceptions; i++)
		if (h->exceptions[i].date == date) {
			*open = h->exceptions[i].open;
			*close = h->exceptions[i].close;
			return;
		}
	*open = h->open[wd];
	*close = h->close[wd];
}

int hours_now(const struct opening_hours *h, int today, int minute,
	      struct hours_answer *out)
{
	int open, close, i;

	memset(out, 0, sizeof(*out));
	hours_of_day(h, today, &open, &close);
	if (open >= 0 && minute >= open && minute < close) {
		out->until = close;
		return 1;
	}
	if (open >= 0 && minute < open) {
		out->next_date = today;
		out->next_open = open;
		return 0;
	}
	for (i = 1; i <= 14; i++) {
		int day = date_add_days(today, i);

		hours_of_day(h, day, &open, &close);
		if (open >= 0) {
			out->next_date = day;
			out->next_open = open;
			return 0;
		}
	}
	return 0;
}
