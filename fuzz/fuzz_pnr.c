/* Fuzz the "pnr" handler (GDS PNR displays: SSR DOCS/FOID/CTCE/CTCM and FP CC labels, src/extract/iata.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_pnr;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_pnr, ls_slice_make(data, size));
    return 0;
}
