/* Fuzz the "efw2" handler (SSA W-2 wage files: record stride, fixed fields). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_efw2;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_efw2, ls_slice_make(data, size));
    return 0;
}
