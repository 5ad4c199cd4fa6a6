/* Fuzz the "ofx" handler (OFX 1 SGML and OFX 2 XML: header block, tags, entities, labelled tags). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_ofx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_ofx, ls_slice_make(data, size));
    return 0;
}
