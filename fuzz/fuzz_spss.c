/* Fuzz the spss handler (SPSS system files: header, dictionary records,
 * long names, very long strings, bytecode-compressed cases) through the
 * production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_spss;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_spss, (struct ls_slice){data, size});
    return 0;
}
