/*
 * Calendar dates. One proleptic Gregorian day count -> year, month, day
 * conversion for every reader that stores dates as days (SAS, SPSS, Stata,
 * spreadsheet serials, BSON, Access, FILETIME): each converts its own epoch
 * to days since 1970-01-01 and calls ls_civil_from_days(). libc only.
 */
#ifndef LS_DATE_H
#define LS_DATE_H

#include <stdint.h>

/* The civil date of `days` days after 1970-01-01 (before it when negative),
 * in the proleptic Gregorian calendar (Howard Hinnant's civil_from_days):
 * *m is 1..12, *d 1..31, *y any year (0 is 1 BC). Defined for every
 * int64_t, INT64_MIN and INT64_MAX included: nothing overflows. */
void ls_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);

#endif
