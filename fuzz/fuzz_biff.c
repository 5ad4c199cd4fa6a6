/* Fuzz the biff handler (bare BIFF2-BIFF5 record streams without an OLE2
 * container: Excel 2.1-4.0 worksheets, web applications' BIFF5 exports;
 * ole2_xls.c's workbook reader with the BIFF2 cell records) through the
 * production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_biff;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_biff, (struct ls_slice){data, size});
    return 0;
}
