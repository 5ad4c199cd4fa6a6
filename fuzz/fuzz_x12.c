/* Fuzz the "x12" handler (X12 EDI: ISA delimiters, segments, NM1/REF/DMG/PER labels). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_x12;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_x12, ls_slice_make(data, size));
    return 0;
}
