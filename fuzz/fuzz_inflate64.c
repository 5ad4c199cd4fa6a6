/* Fuzz the Deflate64 decoder (src/unpack/inflate64.c) on raw streams: the
 * zip reader hands it a member's data as the file holds it. The callback
 * takes at most 16 MiB, as a budget would, and checks what it is given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unpack/inflate64.h"

struct sink {
    uint64_t got;
    uint8_t last;
};

static int take(void *ud, const uint8_t *p, size_t n)
{
    struct sink *s = ud;
    if (n == 0) return p != NULL; /* the periodic tick: p is NULL */
    if (n > 2u * 65536u) abort(); /* never more than the window holds */
    s->last ^= p[0] ^ p[n - 1];                /* touch both ends */
    s->got += n;
    return s->got > (16u << 20);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sink s = {0, 0};
    uint64_t produced = 0;
    size_t used = 0;
    enum ls_i64_result r = ls_inflate64(data, size, take, &s, &produced, &used);
    if (used > size || produced > s.got) abort();
    if (r == LS_I64_DONE && produced != s.got) abort();
    return 0;
}
