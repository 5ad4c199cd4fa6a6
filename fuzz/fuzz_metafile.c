/* Fuzz the "metafile" handler (WMF and EMF: record walks, text records, font charsets, EMF+ DrawString). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_metafile;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_metafile, ls_slice_make(data, size));
    return 0;
}
