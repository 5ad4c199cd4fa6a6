/* Fuzz the androidbackup handler (adb backup .ab files: header lines,
 * encryption line, the zlib'd tar handed over as a child) through the
 * production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_androidbackup;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_androidbackup, (struct ls_slice){data, size});
    return 0;
}
