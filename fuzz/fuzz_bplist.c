/* Fuzz the bplist, appledouble and plist handlers (Apple binary property
 * lists: trailer, offset table, object markers, shared and cyclic
 * references, keyed archives' UIDs, data handed over as children;
 * AppleDouble ._ files: entries and the Finder info's extended attributes;
 * XML property lists: tags, references, CDATA, base64 data) through the
 * production pipeline (fuzz_common.c). Each input goes to all three. */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_bplist;
extern const struct ls_handler ls_handler_appledouble;
extern const struct ls_handler ls_handler_plist;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_bplist, (struct ls_slice){data, size});
    (void)fuzz_run_handler(&ls_handler_appledouble, (struct ls_slice){data, size});
    (void)fuzz_run_handler(&ls_handler_plist, (struct ls_slice){data, size});
    return 0;
}
