/* Fuzz the wordperfect handler (WordPerfect 5.x and 6.x documents: function
 * groups, sub-documents, prefix packets) through the production pipeline
 * (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_wordperfect;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_wordperfect, (struct ls_slice){data, size});
    return 0;
}
