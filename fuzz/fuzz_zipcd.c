/* leaksift's own zip central-directory checker (src/unpack/zipcd.c): a pure
 * function on a slice, so the report is also checked for consistency. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "unpack/zipcd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_zipcd_report r;
    ls_err e = ls_zipcd_check((struct ls_slice){data, size}, &r);
    if (e == LS_OK && r.entries != r.declared) abort();
    if (r.overlaps >= r.entries && r.entries > 0) abort();
    if (r.bomb != (r.overlaps > 0 || r.count_impossible)) abort();
    return 0;
}
