/* Fuzz the "metro2" handler (Metro 2 credit reporting: RDW lengths, base segment, J1/J2/K/L/N segments). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_metro2;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_metro2, ls_slice_make(data, size));
    return 0;
}
