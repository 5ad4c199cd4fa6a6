/* Split-archive file names (src/pipeline/splitset.c): the parser and the
 * name builder on any bytes, the builder's names parsed again; the same
 * bytes as a byte split's first part (ls_split_head: signatures, a v7
 * tar header's checksum, an mbox's first lines), and as a part before
 * and after a cut (ls_split_starts_anew: a new archive's header, a whole
 * one's end). */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "pipeline/splitset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)ls_split_head(data, size);
    (void)ls_split_declared_end(data, size, false);
    (void)ls_split_declared_end(data, size, true);
    (void)ls_split_rar_last(data, size);
    (void)ls_split_zip_disks(data, size);
    /* first, tail and next part: the input in three */
    size_t third = size / 3;
    (void)ls_split_starts_anew(data, third, data + third, third, data + 2 * third, size - 2 * third);
    (void)ls_split_starts_anew(data, size, data, size, data, size);
    char base[LS_SPLIT_NAME_MAX + 1];
    size_t n = size > LS_SPLIT_NAME_MAX ? LS_SPLIT_NAME_MAX : size;
    memcpy(base, data, n);
    base[n] = 0;
    n = strlen(base); /* a file name has no NUL */
    struct ls_split_name nm;
    if (!ls_split_parse(base, n, &nm)) return 0;
    if (nm.stem_len == 0 || nm.stem_len >= n) abort();
    static const unsigned idx[] = {0, 1, 2, 9, 10, 25, 26, 99, 100, 101, 675, 676, 999, 1000, 17575, 17576};
    for (size_t i = 0; i <= sizeof idx / sizeof idx[0]; i++) {
        unsigned k = i < sizeof idx / sizeof idx[0] ? idx[i] : nm.index;
        char out[LS_SPLIT_NAME_MAX + 1];
        if (!ls_split_make(base, &nm, k, out, sizeof out)) continue;
        size_t ol = strlen(out);
        if (ol >= sizeof out || memcmp(out, base, nm.stem_len) != 0) abort();
        struct ls_split_name again;
        (void)ls_split_parse(out, ol, &again);
    }
    return 0;
}
