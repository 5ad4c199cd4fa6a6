/* Fuzz the evtx handler (Windows XML event logs: file header, chunks,
 * records, binary XML templates defined inline or earlier in the chunk,
 * substitution arrays, nested binary XML values) through the production
 * pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_evtx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_evtx, (struct ls_slice){data, size});
    return 0;
}
