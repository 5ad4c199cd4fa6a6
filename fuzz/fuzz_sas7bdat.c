/* Fuzz the sas7bdat handler (SAS datasets: header, pages, subheader
 * pointers, column text/name/attribute subheaders, RLE and RDC rows,
 * truncated doubles) through the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_sas7bdat;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_sas7bdat, (struct ls_slice){data, size});
    return 0;
}
