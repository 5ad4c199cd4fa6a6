/* Fuzz the zlib handler (bare zlib streams: .zlib files, compress() output;
 * the inflated bytes handed over as a child) through the
 * production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_zlib;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_zlib, (struct ls_slice){data, size});
    return 0;
}
