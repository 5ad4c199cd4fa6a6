/* Fuzz the BinHex 4.0 handler through the production pipeline (see
 * fuzz_common.h): the 6-bit text, run-length escapes, header and CRCs. */
#include "fuzz_common.h"
#include "extract/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_binhex, (struct ls_slice){data, size});
    return 0;
}
