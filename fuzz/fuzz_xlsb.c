/* Fuzz the .xlsb (BIFF12) record parts of the ooxml handler without the
 * zip layer in the way: the input is split at each "XLSB" marker into
 * the shared strings, workbook, styles, first sheet and comments, which
 * are stored (not deflated, CRC-32 correct) in a package handed to the
 * ooxml handler through the production pipeline. fuzz_ooxml.c covers the
 * package itself. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

extern const struct ls_handler ls_handler_ooxml;

static const char *const fx_names[] = {"xl/sharedStrings.bin", "xl/workbook.bin",
                                       "xl/styles.bin", "xl/worksheets/sheet1.bin",
                                       "xl/comments1.bin"};
#define FX_NPARTS (sizeof fx_names / sizeof fx_names[0])
#define FX_CT "[Content_Types].xml"
#define FX_CT_BODY "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"

static uint32_t fx_crc32(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

static void fx_le(struct ls_buf *b, uint32_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (ls_buf_addc(b, (uint8_t)(v >> (8 * i))) != LS_OK) return;
}

/* A stored member: local header into zip, central entry into cd. */
static void fx_member(struct ls_buf *zip, struct ls_buf *cd, uint16_t *count, const char *name,
                      struct ls_slice d)
{
    (*count)++;
    uint32_t crc = fx_crc32(d.ptr, d.len), off = (uint32_t)zip->len;
    uint16_t nl = (uint16_t)strlen(name);
    fx_le(zip, 0x04034b50u, 4);
    fx_le(zip, 20, 2); fx_le(zip, 0, 2); fx_le(zip, 0, 2); fx_le(zip, 0, 4);
    fx_le(zip, crc, 4); fx_le(zip, (uint32_t)d.len, 4); fx_le(zip, (uint32_t)d.len, 4);
    fx_le(zip, nl, 2); fx_le(zip, 0, 2);
    if (ls_buf_add(zip, name, nl) != LS_OK || ls_buf_add(zip, d.ptr, d.len) != LS_OK) return;
    fx_le(cd, 0x02014b50u, 4);
    fx_le(cd, 20, 2); fx_le(cd, 20, 2); fx_le(cd, 0, 2); fx_le(cd, 0, 2); fx_le(cd, 0, 4);
    fx_le(cd, crc, 4); fx_le(cd, (uint32_t)d.len, 4); fx_le(cd, (uint32_t)d.len, 4);
    fx_le(cd, nl, 2); fx_le(cd, 0, 2); fx_le(cd, 0, 2); fx_le(cd, 0, 2); fx_le(cd, 0, 2);
    fx_le(cd, 0, 4); fx_le(cd, off, 4);
    if (ls_buf_add(cd, name, nl) != LS_OK) return;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_buf zip, cd;
    struct ls_slice in = ls_slice_make(data, size);
    size_t pos = 0;
    uint16_t n = 0;
    ls_buf_init(&zip, SIZE_MAX - 1);
    ls_buf_init(&cd, SIZE_MAX - 1);
    fx_member(&zip, &cd, &n, FX_CT, ls_slice_make(FX_CT_BODY, strlen(FX_CT_BODY)));
    for (size_t k = 0; k < FX_NPARTS && pos <= size; k++) {
        size_t end = ls_slice_find(in, pos, "XLSB", 4);
        if (end == SIZE_MAX) end = size;
        struct ls_slice part;
        (void)ls_slice_sub(in, pos, end - pos, &part);
        fx_member(&zip, &cd, &n, fx_names[k], part);
        pos = end + 4;
    }
    uint32_t cd_off = (uint32_t)zip.len, cd_len = (uint32_t)cd.len;
    if (ls_buf_add(&zip, cd.ptr, cd.len) != LS_OK) {
        ls_buf_free(&zip);
        ls_buf_free(&cd);
        return 0;
    }
    fx_le(&zip, 0x06054b50u, 4);
    fx_le(&zip, 0, 2); fx_le(&zip, 0, 2); fx_le(&zip, n, 2); fx_le(&zip, n, 2);
    fx_le(&zip, cd_len, 4); fx_le(&zip, cd_off, 4); fx_le(&zip, 0, 2);
    (void)fuzz_run_handler(&ls_handler_ooxml, ls_buf_slice(&zip));
    ls_buf_free(&zip);
    ls_buf_free(&cd);
    return 0;
}
