/* Fuzz the word2 handler (Word for Windows 1.x/2.0, no compound file)
 * through the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_word2;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_word2, (struct ls_slice){data, size});
    return 0;
}
