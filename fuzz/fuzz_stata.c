/* Fuzz the stata handler (Stata .dta: formats 113-115 and 117-119,
 * tagged sections, the map, strLs) through the production pipeline
 * (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_stata;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_stata, (struct ls_slice){data, size});
    return 0;
}
