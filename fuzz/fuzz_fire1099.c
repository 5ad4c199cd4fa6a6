/* Fuzz the "fire1099" handler (IRS FIRE 1099 files: 750-byte T/A/B records, TIN type). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_fire1099;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_fire1099, ls_slice_make(data, size));
    return 0;
}
