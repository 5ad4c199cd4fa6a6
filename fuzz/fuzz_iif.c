/* Fuzz the "iif" handler (QuickBooks IIF: !TYPE headers, tab-separated records, SSNO/PHONE columns). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_iif;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_iif, ls_slice_make(data, size));
    return 0;
}
