/* Fuzz the CFF font program reader of the PDF handler (pdf_cff.c): the
 * built-in encoding and charset of a FontFile3 /Type1C or /OpenType font,
 * every offset and count attacker-controlled. fuzz_pdf reaches it only
 * through a whole PDF; this harness feeds the program itself. */
#include "fuzz_common.h"
#include "extract/pdf_int.h"

static volatile uint32_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t map[256];
    int r = pdf_cff_encoding((struct ls_slice){data, size}, map);
    /* every code is set whatever the result: read them all (MSan/UBSan) */
    uint32_t sum = (uint32_t)r;
    for (unsigned c = 0; c < 256; c++) sum += map[c];
    sink = sum;
    return 0;
}
