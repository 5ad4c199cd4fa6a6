/* Fuzz the "rtf" handler (hand-written RTF reader). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_rtf;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_rtf, ls_slice_make(data, size));
    return 0;
}
