/* The archive handler (libarchive walker over every format and filter, the
 * zip central-directory check, name checks, bounded member reads) through
 * the production entry point; members recurse through the real pipeline. */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_archive;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_archive, (struct ls_slice){data, size});
    return 0;
}
