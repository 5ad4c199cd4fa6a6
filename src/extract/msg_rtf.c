/*
 * Compressed RTF ([MS-OXRTFCP] 2.1): the PidTagRtfCompressed property of an
 * Outlook message. Header (2.1.3.1): COMPSIZE u32 (bytes after this field),
 * RAWSIZE u32, COMPTYPE u32 ("LZFu" compressed, "MELA" stored), CRC u32
 * (not checked: a wrong CRC does not make the text less leaked). LZFu is
 * LZ77 over a 4096-byte ring pre-loaded with a fixed RTF prefix: a control
 * byte gives 8 flags (LSB first), 0 = literal byte, 1 = big-endian u16
 * reference (offset 12 bits, length 4 bits + 2); a reference to the
 * current write position ends the stream.
 *
 * Attacker-controlled: all sizes and references. Output stops at `max`,
 * at RAWSIZE, and at 9x the compressed size (LZFu cannot expand more than
 * 17 bytes per 2-byte reference plus 1/8 control byte).
 */
#include "extract/ole2.h"

#include <stdlib.h>
#include <string.h>

#define RTF_LZFU 0x75465A4Cu
#define RTF_MELA 0x414C454Du
#define RTF_RING 4096u

static const char rtf_prefix[] =
    "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern "
    "\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0"
    "\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

struct rtf_lz {
    uint8_t ring[RTF_RING];
    uint32_t wpos;
    struct ls_buf *out;
    size_t max;
};

static ls_err rtf_put(struct rtf_lz *z, uint8_t b)
{
    LS_FAIL_IF(z->out->len >= z->max, LS_E_LIMIT);
    z->ring[z->wpos] = b;
    z->wpos = (z->wpos + 1) % RTF_RING;
    return ls_buf_addc(z->out, b);
}

static ls_err rtf_lzfu(struct rtf_lz *z, struct ls_cursor *c)
{
    for (;;) {
        uint8_t ctl;
        if (ls_cur_u8(c, &ctl) != LS_OK) return LS_E_TRUNCATED;
        for (unsigned bit = 0; bit < 8; bit++) {
            if (!(ctl & (1u << bit))) {
                uint8_t b;
                if (ls_cur_u8(c, &b) != LS_OK) return LS_E_TRUNCATED;
                LS_TRY(rtf_put(z, b));
                continue;
            }
            uint16_t ref;
            if (ls_cur_u16be(c, &ref) != LS_OK) return LS_E_TRUNCATED;
            uint32_t off = ref >> 4, len = (ref & 0x0Fu) + 2;
            if (off == z->wpos) return LS_OK; /* end marker */
            for (uint32_t k = 0; k < len; k++) LS_TRY(rtf_put(z, z->ring[(off + k) % RTF_RING]));
        }
    }
}

ls_err msg_rtf_decompress(struct ls_slice in, struct ls_buf *out, size_t max)
{
    struct ls_cursor c = ls_cur_make(in);
    uint32_t comp = 0, raw = 0, type = 0, crc = 0;
    LS_TRY(ls_cur_u32le(&c, &comp));
    LS_TRY(ls_cur_u32le(&c, &raw));
    LS_TRY(ls_cur_u32le(&c, &type));
    LS_TRY(ls_cur_u32le(&c, &crc));
    struct ls_slice body;
    ls_err r = LS_OK;
    /* COMPSIZE counts the 12 header bytes after itself. */
    if (comp < 12 || ls_slice_sub(in, 16, comp - 12, &body) == false) {
        r = LS_E_TRUNCATED;
        (void)ls_slice_from(in, 16, &body);
    }
    if (type == RTF_MELA) {
        /* A stored body is COMPSIZE - 12 bytes. Aspose.Email writes
         * COMPSIZE again as RAWSIZE (12 bytes more than there are): when
         * COMPSIZE fits the stream, the body is whole whatever RAWSIZE
         * says (eight Aspose samples were "damaged"; MsgReader's corpus). */
        size_t n = body.len < raw ? body.len : raw;
        if (n > max) n = max;
        LS_TRY(ls_buf_add(out, body.ptr, n));
        if (r != LS_OK) return r;
        return n < body.len && n < raw ? LS_E_TRUNCATED : LS_OK;
    }
    LS_FAIL_IF(type != RTF_LZFU, LS_E_CORRUPT);
    struct rtf_lz *z = malloc(sizeof *z);
    LS_FAIL_IF(!z, LS_E_NOMEM);
    memset(z->ring, 0, RTF_RING);
    memcpy(z->ring, rtf_prefix, sizeof rtf_prefix - 1);
    z->wpos = (uint32_t)(sizeof rtf_prefix - 1);
    size_t start = out->len;
    z->out = out;
    z->max = out->len + max;
    if (raw < max) z->max = out->len + raw;
    if (body.len < SIZE_MAX / 9 && 9 * body.len + 64 < z->max - out->len) z->max = out->len + 9 * body.len + 64;
    struct ls_cursor bc = ls_cur_make(body);
    ls_err e = rtf_lzfu(z, &bc);
    free(z);
    if (e == LS_E_LIMIT && out->len - start >= raw) e = LS_OK; /* RAWSIZE reached: done */
    return e != LS_OK ? e : r;
}
