/* Fuzz the Outlook Express .dbx handler (src/extract/mime_dbx.c) through
 * the production pipeline (see fuzz_common.h): block headers, next
 * pointers that loop or lead nowhere, truncated blocks. */
#include "fuzz_common.h"
#include "extract/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_dbx, (struct ls_slice){data, size});
    return 0;
}
