/* Fuzz the msg handler through the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_msg;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_msg, (struct ls_slice){data, size});
    return 0;
}
