/* Fuzz the "qif" handler (Quicken QIF: section lines, one-letter field codes, windows-1252). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_qif;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_qif, ls_slice_make(data, size));
    return 0;
}
