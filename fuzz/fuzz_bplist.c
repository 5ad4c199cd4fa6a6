/* Fuzz the bplist handler (Apple binary property lists: trailer, offset table, object markers,
 * shared and cyclic references, keyed archives' UIDs, data handed over as
 * children) through the production pipeline
 * (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_bplist;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_bplist, (struct ls_slice){data, size});
    return 0;
}
