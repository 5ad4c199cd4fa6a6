/* Fuzz the "edifact" handler (UN/EDIFACT: UNA service characters, release, segments, PAXLST/PNRGOV labels). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_edifact;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_edifact, ls_slice_make(data, size));
    return 0;
}
