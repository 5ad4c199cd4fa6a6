/* Fuzz the "odf" handler (OpenDocument packages). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_odf;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_odf, ls_slice_make(data, size));
    return 0;
}
