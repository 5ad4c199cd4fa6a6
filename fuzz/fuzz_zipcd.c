/* leaksift's own zip central-directory checker (src/unpack/zipcd.c): pure
 * functions on a slice, so their results are also checked for consistency. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "unpack/zipcd.h"

static void check_names(struct ls_slice in, const struct ls_zipcd_report *r)
{
    struct ls_zipcd_name *nm = NULL;
    size_t n = 0;
    (void)ls_zipcd_names(in, &nm, &n);
    if (n > r->entries) abort();
    for (size_t i = 0; i < n; i++) {
        struct ls_slice s;
        /* each name is a slice of the input */
        if (nm[i].name.len && (nm[i].name.ptr < in.ptr ||
                               !ls_slice_from(in, (size_t)(nm[i].name.ptr - in.ptr), &s) ||
                               s.len < nm[i].name.len))
            abort();
        if (i && (nm[i - 1].local > nm[i].local ||
                  (nm[i - 1].local == nm[i].local && nm[i - 1].index > nm[i].index)))
            abort();
    }
    free(nm);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_slice in = {data, size};
    struct ls_zipcd_report r;
    ls_err e = ls_zipcd_check(in, &r);
    if (e == LS_OK && r.entries != r.declared) abort();
    if (r.overlaps >= r.entries && r.entries > 0) abort();
    if (r.bomb != (r.overlaps > 0 || r.count_impossible)) abort();
    check_names(in, &r);
    return 0;
}
