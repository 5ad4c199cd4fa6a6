/* Calendar dates (ls_date.h). */
#include "core/ls_date.h"

#define DAYS_PER_ERA 146097 /* 400 Gregorian years */

void ls_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
    /* Hinnant shifts the count to days since 0000-03-01 (days + 719468,
     * which is 4 eras and 135080 days) and splits it into 400-year eras.
     * Splitting days itself first keeps every step in range at INT64_MIN
     * and INT64_MAX: era is floor(days / 146097) plus 4 or 5. */
    int64_t era = days / DAYS_PER_ERA, rem = days % DAYS_PER_ERA;
    if (rem < 0) {
        rem += DAYS_PER_ERA;
        era--;
    }
    uint32_t doe = (uint32_t)rem + 135080u; /* day of era: [0, 146096] after the carry */
    era += 4;
    if (doe >= DAYS_PER_ERA) {
        doe -= DAYS_PER_ERA;
        era++;
    }
    uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                /* [0, 365], from March 1 */
    uint32_t mp = (5 * doy + 2) / 153;                                     /* [0, 11], March = 0 */
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2); /* |era| < 2^63 / 146097 + 5: era * 400 fits */
}
