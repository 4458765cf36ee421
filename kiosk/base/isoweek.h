/*
 * isoweek: the ISO 8601 week of a date. The survey store keeps no time
 * finer than this week, so the week is worked out here, from a date the
 * caller passes in (the core never reads the clock).
 */
#ifndef KIOSK_ISOWEEK_H
#define KIOSK_ISOWEEK_H

/* The ISO year and week (1..53) of the date yyyymmdd. Weeks start on
 * Monday; week 1 is the week with the year's first Thursday, so the last
 * days of December may fall in week 1 of the next year and the first days
 * of January in week 52 or 53 of the year before. The date must be a real
 * date from the year 1 on (a programmer's mistake otherwise). */
void iso_week(int yyyymmdd, int *iso_year, int *week);

/* The number of ISO weeks in iso_year: 52 or 53. */
int iso_weeks_in_year(int iso_year);

#endif
