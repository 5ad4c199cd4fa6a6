/* The zip central-directory checker on a split zip joined in one slice
 * (src/unpack/zipcd.c with a disk table, as for zip -s parts joined by the
 * supervisor): the input's first byte says how many disks, the rest is the
 * zip, cut in equal disks. Names must stay slices of the input, sorted. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "unpack/zipcd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned nd = 1u + data[0] % 8u;
    struct ls_slice in = {data + 1, size - 1};
    uint64_t start[8];
    for (unsigned i = 0; i < nd; i++) start[i] = in.len / nd * i;
    struct ls_zipcd_disks d = {start, nd};
    struct ls_zipcd_report r;
    ls_err e = ls_zipcd_check_disks(in, &d, &r);
    if (e == LS_OK && r.entries != r.declared) abort();
    if (r.bomb != (r.overlaps > 0 || r.count_impossible)) abort();
    struct ls_zipcd_name *nm = NULL;
    size_t n = 0;
    (void)ls_zipcd_names_disks(in, &d, &nm, &n);
    if (n > r.entries) abort();
    for (size_t i = 0; i < n; i++) {
        struct ls_slice s;
        if (nm[i].name.len && (nm[i].name.ptr < in.ptr || !ls_slice_from(in, (size_t)(nm[i].name.ptr - in.ptr), &s) ||
                               s.len < nm[i].name.len))
            abort();
        if (i && nm[i - 1].local > nm[i].local) abort();
    }
    free(nm);
    return 0;
}
