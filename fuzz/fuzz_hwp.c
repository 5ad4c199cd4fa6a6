/* Fuzz the hwp handler (Hangul Word Processor 5: compound file, FileHeader
 * flags, deflated BodyText sections, records, paragraph controls) through
 * the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_hwp;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_hwp, (struct ls_slice){data, size});
    return 0;
}
