/*
 * days: YYYYMMDD dates to day numbers and back; see days.h. The civil
 * calendar is counted in eras of 400 years (146,097 days), with years
 * starting on 1 March so the leap day falls at the end of one.
 */
#include "base/days.h"

long days_from_date(int yyyymmdd)
{
	long y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int date_from_days(long days)
{
	long z = days + 719468, era, doe, yoe, y, doy, mp, d, m;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	return (int)((y + (m <= 2)) * 10000 + m * 100 + d);
}

int date_is_real(int yyyymmdd)
{
	return yyyymmdd >= 19700101 && yyyymmdd <= 99991231 &&
	       date_from_days(days_from_date(yyyymmdd)) == yyyymmdd;
}
