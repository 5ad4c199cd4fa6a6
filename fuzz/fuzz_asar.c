/* Fuzz the asar handler through the production pipeline (see fuzz_common.h). */
#include "fuzz_common.h"
#include "extract/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_asar, (struct ls_slice){data, size});
    return 0;
}
