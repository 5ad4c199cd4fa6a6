/* Fuzz the lotus handler (Lotus 1-2-3 .wks/.wk1/.wk3/.wk4/.123 and Quattro
 * Pro .wq1/.wq2/.wb1/.wb2: records, the three cell layouts, LMBCS text,
 * 80-bit and packed numbers, sorting the cells into rows) through the
 * production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_lotus;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_lotus, (struct ls_slice){data, size});
    return 0;
}
