/*
 * isoweek: ISO 8601 weeks from a calendar date; see isoweek.h. Pure
 * arithmetic on the proleptic Gregorian calendar.
 */
#include "base/isoweek.h"

#include <assert.h>

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Day of the week of 31 December of year y: 0 Sunday .. 6 Saturday. */
static int dec31_weekday(int y)
{
	return (y + y / 4 - y / 100 + y / 400) % 7;
}

int iso_weeks_in_year(int iso_year)
{
	/* 53 weeks when the year ends on a Thursday, or the year before
	 * ended on a Wednesday (so this one starts on a Thursday) */
	return dec31_weekday(iso_year) == 4 || dec31_weekday(iso_year - 1) == 3
		       ? 53
		       : 52;
}

void iso_week(int yyyymmdd, int *iso_year, int *week)
{
	static const int before[12] = { 0,   31,  59,  90,  120, 151,
					181, 212, 243, 273, 304, 334 };
	int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
	int ordinal, weekday, w;

	assert(y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	ordinal = before[m - 1] + d + (m > 2 && is_leap(y));
	/* Monday 1 .. Sunday 7, counted on from 31 December before */
	weekday = (dec31_weekday(y - 1) + ordinal - 1) % 7 + 1;
	w = (ordinal - weekday + 10) / 7;
	if (w < 1) {
		y--;
		w = iso_weeks_in_year(y);
	} else if (w > iso_weeks_in_year(y)) {
		y++;
		w = 1;
	}
	*iso_year = y;
	*week = w;
}
