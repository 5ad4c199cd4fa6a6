/* Fuzz the "bai2" handler (BAI2 balance reports: records, 16/88 transaction text, SEC and IND ID). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_bai2;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_bai2, ls_slice_make(data, size));
    return 0;
}
