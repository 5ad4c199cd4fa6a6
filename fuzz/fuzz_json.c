/* The JSON string encoder every manifest string goes through: its output
 * must always be a valid JSON string literal with no raw control bytes. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_buf b;
    bool lossy = false;
    ls_buf_init(&b, 16 * size + 64);
    if (ls_json_str(&b, (struct ls_slice){data, size}, &lossy) != LS_OK) abort();
    if (b.len < 2 || b.ptr[0] != '"' || b.ptr[b.len - 1] != '"') abort();
    for (size_t i = 0; i < b.len; i++)
        if (b.ptr[i] < 0x20) abort();
    if (!ls_utf8_valid(ls_buf_slice(&b))) abort();
    /* unescaped quotes only at both ends */
    for (size_t i = 1; i + 1 < b.len; i++)
        if (b.ptr[i] == '"' && b.ptr[i - 1] != '\\') abort();
    if (lossy != !ls_utf8_valid((struct ls_slice){data, size})) abort();
    ls_buf_reset(&b);
    if (ls_json_b64(&b, (struct ls_slice){data, size}) != LS_OK) abort();
    ls_buf_free(&b);
    return 0;
}
