/* Fuzz the media walk (src/scan/media.c: BMP, PNG, JPEG, GIF, TIFF, WMF,
 * EMF and font tables, told apart by signature) that marks the regions of
 * an image or font the raw scan leaves out. Checks its contract: regions
 * sorted, disjoint, inside the data, at most LS_MEDIA_MAX_SPANS, none
 * without a format name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_buf out;
    ls_buf_init(&out, LS_MEDIA_MAX_SPANS * sizeof(struct ls_span)); /* as the pipeline */
    const char *fmt = ls_media_opaque((struct ls_slice){data, size}, &out);
    size_t n = out.len / sizeof(struct ls_span);
    if (out.len % sizeof(struct ls_span) || (!fmt && n) || n > LS_MEDIA_MAX_SPANS) abort();
    size_t end = 0;
    for (size_t i = 0; i < n; i++) {
        struct ls_span s;
        memcpy(&s, out.ptr + i * sizeof s, sizeof s);
        if (s.len == 0 || s.off < end || s.off > size || s.len > size - s.off) abort();
        end = s.off + s.len;
    }
    ls_buf_free(&out);
    return 0;
}
