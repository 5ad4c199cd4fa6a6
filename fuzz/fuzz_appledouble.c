/* Fuzz the appledouble handler (AppleDouble ._ files: entries and the Finder info's extended
 * attributes) through the production pipeline
 * (fuzz_common.c); the attributes, binary plists, go to the bplist handler as
 * children. */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_appledouble;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_appledouble, (struct ls_slice){data, size});
    return 0;
}
