/* Fuzz the "hl7" handler (HL7 v2: declared separators, escapes, MLLP frames, person fields). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_hl7;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_hl7, ls_slice_make(data, size));
    return 0;
}
