/* Fuzz the xpt handler (SAS transport files: header records, namestrs,
 * IBM floats, observations across members) through the production
 * pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_xpt;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_xpt, (struct ls_slice){data, size});
    return 0;
}
