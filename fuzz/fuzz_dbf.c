/* Fuzz the dbf handler (dBASE, FoxPro, Visual FoxPro tables: header, field
 * descriptors, records, code pages, binary fields) through the production
 * pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_dbf;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_dbf, (struct ls_slice){data, size});
    return 0;
}
