/* Fuzz the plist handler (XML property lists: tags, references, CDATA, base64 data) through the production pipeline
 * (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_plist;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_plist, (struct ls_slice){data, size});
    return 0;
}
