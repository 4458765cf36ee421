/*
 * days: calendar arithmetic on YYYYMMDD dates, as day numbers since
 * 1970-01-01 in the proleptic Gregorian calendar. The core never reads the
 * clock; these only move between dates it was given.
 */
#ifndef KIOSK_DAYS_H
#define KIOSK_DAYS_H

/* Days since 1970-01-01 of the date yyyymmdd (negative before it). */
long days_from_date(int yyyymmdd);

/* The YYYYMMDD date of day number `days` since 1970-01-01. */
int date_from_days(long days);

/* 1 when yyyymmdd is a real date (no 31 April) from 1970 to 9999. */
int date_is_real(int yyyymmdd);

#endif
