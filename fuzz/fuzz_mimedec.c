/* Fuzz the MIME decoders (src/extract/mime_decode.c) directly, without the
 * pipeline: header splitting and fields, RFC 2047 words, RFC 2231
 * parameters, base64, quoted-printable and charset conversion. Fast
 * (no rules, no libmagic), so it reaches deep decoder states the
 * fuzz_mime harness reaches slowly. */
#include <string.h>

#include "extract/mime_decode.h"
#include "fuzz_common.h"

static void sink(struct ls_buf *b)
{
    ls_buf_reset(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_slice in = ls_slice_make(data, size);
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    bool unknown = false;
    ls_err e = mime_header_decode(&b, in, &unknown);
    sink(&b);
    e = mime_b64_decode(&b, in);
    sink(&b);
    e = mime_qp_decode(&b, in, false);
    sink(&b);
    e = mime_qp_decode(&b, in, true);
    sink(&b);
    for (int cs = MIME_CS_NONE; cs <= MIME_CS_UNKNOWN; cs++) {
        e = mime_to_utf8(&b, in, (enum mime_charset)cs);
        sink(&b);
    }
    (void)e;
    static const char *const params[] = {"filename", "name", "boundary", "charset"};
    for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
        (void)mime_param(in, params[i], &b);
        sink(&b);
    }
    char t[64];
    mime_media_type(in, t, sizeof t);
    mime_disposition(in, t, sizeof t);
    struct ls_slice hdr, body, name, value;
    (void)mime_split_headers(in, &hdr, &body);
    size_t pos = 0;
    unsigned junk = 0;
    while (mime_next_field(hdr, &pos, &name, &value, &junk)) {
        e = mime_unfold(&b, value);
        sink(&b);
    }
    ls_buf_free(&b);
    return 0;
}
