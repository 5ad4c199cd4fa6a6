/*
 * Fuzz the decoded view of percent-encoded query strings and form bodies
 * (src/extract/urlquery.c) the pipeline adds to every part's text: any
 * bytes in; every line out ends with '\n' and holds at most URLQ_FIELD_MAX
 * bytes and no control byte; the output is never longer than the input
 * plus a newline a field. Does not use fuzz_run_handler.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/urlquery.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_buf out;
    ls_buf_init(&out, 1u << 20);
    ls_err e = ls_urlq_decode(ls_slice_make(data, size), &out);
    if (e != LS_OK && e != LS_E_LIMIT) abort();
    size_t line = 0, lines = 0;
    for (size_t i = 0; i < out.len; i++) {
        uint8_t ch = out.ptr[i];
        if (ch == '\n') {
            line = 0;
            lines++;
            continue;
        }
        if (ch < 0x20 || ch == 0x7F || ++line > URLQ_FIELD_MAX) abort();
    }
    if (e == LS_OK && out.len && out.ptr[out.len - 1] != '\n') abort();
    if (e == LS_OK && out.len > size + lines) abort();
    ls_buf_free(&out);
    return 0;
}
