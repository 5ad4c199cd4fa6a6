/* Fuzz the "ooxml" handler (OOXML packages: zip members + XML parts). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_ooxml;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_ooxml, ls_slice_make(data, size));
    return 0;
}
