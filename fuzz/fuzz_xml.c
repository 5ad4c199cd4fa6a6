/* Fuzz the "xml" handler (libxml2 via markup.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_xml;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_xml, ls_slice_make(data, size));
    return 0;
}
