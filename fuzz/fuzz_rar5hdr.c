/* leaksift's own RAR 5.0 header walk (src/unpack/rar5hdr.c): a pure
 * function on a slice; every listed name must be a slice of the input. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "unpack/rar5hdr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_slice in = {data, size};
    struct ls_rar5_file *f = NULL;
    size_t n = 0;
    ls_err e = ls_rar5_files(in, &f, &n);
    if (e == LS_E_NOMEM && (f || n)) abort();
    if (n && !f) abort();
    /* each file header takes at least 8 bytes after the 8-byte signature */
    if (n > size / 8) abort();
    for (size_t i = 0; i < n; i++) {
        struct ls_slice s;
        if (f[i].name.len && (f[i].name.ptr < in.ptr ||
                              !ls_slice_from(in, (size_t)(f[i].name.ptr - in.ptr), &s) ||
                              s.len < f[i].name.len))
            abort();
    }
    free(f);
    return 0;
}
