/* leaksift's own ISO 9660 block map (src/unpack/isomap.c): a pure
 * function on a slice; the run it reports must lie inside the input. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "unpack/isomap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_iso_unclaimed u;
    bool ok = ls_iso_unclaimed((struct ls_slice){data, size}, &u);
    if (!ok && (u.runs || u.len || u.bytes)) abort();
    if (u.len > size || u.off > size - u.len) abort();
    if ((u.runs == 0) != (u.len == 0) || u.bytes < u.len) abort();
    return 0;
}
