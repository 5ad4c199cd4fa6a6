/* Fuzz the "dicom" handler (DICOM Part 10: VRs, lengths, sequences, transfer syntaxes). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_dicom;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_dicom, ls_slice_make(data, size));
    return 0;
}
