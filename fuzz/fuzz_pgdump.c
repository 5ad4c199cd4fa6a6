/* Fuzz the pgdump handler (pg_dump custom-format archives: header, TOC
 * entries, data blocks, zlib chunks, large objects) through the production
 * pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_pgdump;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_pgdump, (struct ls_slice){data, size});
    return 0;
}
