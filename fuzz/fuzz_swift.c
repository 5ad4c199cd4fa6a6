/* Fuzz the "swift" handler (SWIFT FIN messages: blocks, :tag: lines, :50F: lines, ?NN subfields). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_swift;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_swift, ls_slice_make(data, size));
    return 0;
}
