/* The identification path: libmagic, hashing, dispatch, scan and record,
 * i.e. the whole pipeline on an arbitrary root. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_pipeline((struct ls_slice){data, size}, "input.bin");
    return 0;
}
