/* Unit tests for the civil date of a day count (src/core/ls_date.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/ls_date.h"

static void assert_civil(int64_t days, int64_t y, unsigned m, unsigned d)
{
    int64_t gy = -1;
    unsigned gm = 99, gd = 99;
    ls_civil_from_days(days, &gy, &gm, &gd);
    assert_int_equal(gy, y);
    assert_int_equal(gm, m);
    assert_int_equal(gd, d);
}

/* Days from 1970-01-01 of y-m-d, written independently (a year's days, then
 * the month's), to check the conversion both ways over a range. */
static int64_t days_of(int64_t y, unsigned m, unsigned d)
{
    static const unsigned before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int64_t n = 0;
    for (int64_t k = 1970; k < y; k++) n += 365 + (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0));
    for (int64_t k = y; k < 1970; k++) n -= 365 + (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0));
    bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    return n + before[m - 1] + (m > 2 && leap) + d - 1;
}

static void epoch(void **st)
{
    (void)st;
    assert_civil(0, 1970, 1, 1);
    assert_civil(-1, 1969, 12, 31);
    assert_civil(365, 1971, 1, 1);
}

static void known_dates(void **st)
{
    (void)st;
    assert_civil(-25508, 1900, 3, 1);   /* Excel's 1900-02-29 is the day before: no such date */
    assert_civil(-25509, 1900, 2, 28);  /* 1900: not a leap year */
    assert_civil(11016, 2000, 2, 29);   /* 2000: a leap year */
    assert_civil(11017, 2000, 3, 1);
    assert_civil(-3653, 1960, 1, 1);    /* SAS and Stata's epoch */
    assert_civil(-141428, 1582, 10, 14); /* SPSS's epoch */
    assert_civil(-141427, 1582, 10, 15);
    assert_civil(2932896, 9999, 12, 31);
    assert_civil(-719162, 1, 1, 1);
}

static void negative_years(void **st)
{
    (void)st;
    assert_civil(-719468, 0, 3, 1);  /* the start of Hinnant's era 0 */
    assert_civil(-719469, 0, 2, 29); /* 1 BC: a leap year */
    assert_civil(-719468 - 146097, -400, 3, 1);
    assert_civil(-719163, 0, 12, 31);
}

static void extremes(void **st)
{
    (void)st;
    assert_civil(INT64_MAX, INT64_C(25252734927768524), 7, 27);
    assert_civil(INT64_MIN, INT64_C(-25252734927764585), 6, 7);
    assert_civil(INT64_MAX - 719468, INT64_C(25252734927766554), 9, 25);
    assert_civil(INT64_MIN + 146096, INT64_C(-25252734927764185), 6, 6);
}

static void round_trip(void **st)
{
    (void)st;
    int64_t py = 0;
    unsigned pm = 0, pd = 0;
    for (int64_t days = -800000; days <= 800000; days += 7) {
        int64_t y;
        unsigned m, d;
        ls_civil_from_days(days, &y, &m, &d);
        assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
        if (days % 7919 == 0 || days == -800000) assert_int_equal(days_of(y, m, d), days);
        assert_true(y > py || (y == py && (m > pm || (m == pm && d > pd))) || days == -800000);
        py = y, pm = m, pd = d;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(epoch),
        cmocka_unit_test(known_dates),
        cmocka_unit_test(negative_years),
        cmocka_unit_test(extremes),
        cmocka_unit_test(round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
