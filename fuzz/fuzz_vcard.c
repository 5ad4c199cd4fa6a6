/* Fuzz the vCard / iCalendar / LDIF handler (src/extract/mime_card.c)
 * through the production pipeline (see fuzz_common.h): folded lines,
 * quoted-printable soft breaks, base64 values, charsets and escapes. */
#include "fuzz_common.h"
#include "extract/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_vcard, (struct ls_slice){data, size});
    return 0;
}
