/* Fuzz the RTF reader alone (no pipeline: thousands of runs per second),
 * checking its output contract: text is valid UTF-8, objects are within
 * max_object. The pipeline harness fuzz_rtf.c covers the handler. */
#include <stdlib.h>

#include "extract/rtf.h"
#include "fuzz_common.h"

#define FUZZ_RTF_MAX_OBJECT 4096u

static ls_err fr_text(void *ud, struct ls_slice s)
{
    (void)ud;
    if (!ls_utf8_valid(s)) abort();
    return LS_OK;
}

static ls_err fr_object(void *ud, struct ls_slice data, const char *name, bool truncated)
{
    (void)ud;
    (void)name;
    (void)truncated;
    if (data.len > FUZZ_RTF_MAX_OBJECT) abort();
    volatile uint8_t sink = 0;
    for (size_t i = 0; i < data.len; i++) sink ^= data.ptr[i]; /* ASan checks the range */
    (void)sink;
    return LS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct rtf_sink sink = {NULL, fr_text, fr_object};
    struct rtf_result r;
    if (rtf_parse(ls_slice_make(data, size), &sink, FUZZ_RTF_MAX_OBJECT, &r) != LS_OK) abort();
    return 0;
}
