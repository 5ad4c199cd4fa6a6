/* Fuzz the "x937" handler (X9.37 image cash letters: record lengths, EBCDIC/ASCII, type 52 counted fields). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_x937;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_x937, ls_slice_make(data, size));
    return 0;
}
