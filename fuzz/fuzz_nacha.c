/* Fuzz the "nacha" handler (NACHA ACH files: 94-byte records, SEC codes, IAT addenda). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_nacha;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_nacha, ls_slice_make(data, size));
    return 0;
}
