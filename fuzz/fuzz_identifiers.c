/*
 * Fuzz the --identifiers compiler (src/scan/identifiers.c): any bytes as an
 * identifiers file. Either it fails with a "FILE:LINE: ..." message, or the
 * YARA source it produced holds only rules named org_line_N (no rule text
 * smuggled in from a value). Does not use fuzz_run_handler.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "scan/identifiers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0; /* each line is test-compiled by libyara */
    struct ls_buf out;
    char err[256];
    ls_buf_init(&out, 1u << 20);
    ls_err e = ls_identifiers_compile(ls_slice_make(data, size), "fuzz.txt", &out, err, sizeof err);
    if (e != LS_OK && strncmp(err, "fuzz.txt:", 9) != 0) abort();
    if (e == LS_OK) {
        /* every "rule " at a line start is one of ours */
        const char *s = ls_buf_str(&out);
        for (const char *p = strstr(s, "\nrule "); p; p = strstr(p + 1, "\nrule "))
            if (strncmp(p, "\nrule org_line_", 15) != 0) abort();
    }
    ls_buf_free(&out);
    return 0;
}
