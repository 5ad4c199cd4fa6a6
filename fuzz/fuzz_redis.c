/* Fuzz the redis handler (RDB snapshots: lengths, LZF strings, zipmaps,
 * ziplists, listpacks, intsets, quicklists, streams; append-only files:
 * RESP arrays) through the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_redis;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_redis, (struct ls_slice){data, size});
    return 0;
}
