/* Fuzz the ole2 handler through the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_ole2;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_ole2, (struct ls_slice){data, size});
    return 0;
}
