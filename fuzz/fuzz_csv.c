/* Fuzz the "csv" handler (delimiter detection, header labels, quoting). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_csv;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_csv, ls_slice_make(data, size));
    return 0;
}
