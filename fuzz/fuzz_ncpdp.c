/* Fuzz the "ncpdp" handler (NCPDP D.0 claims: header, segment and field separators, person fields). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_ncpdp;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_ncpdp, ls_slice_make(data, size));
    return 0;
}
