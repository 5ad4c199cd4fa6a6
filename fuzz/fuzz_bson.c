/* Fuzz the bson handler (mongodump .bson files and --archive streams:
 * document lengths, element types, nested documents and arrays, dates)
 * through the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_bson;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_bson, (struct ls_slice){data, size});
    return 0;
}
