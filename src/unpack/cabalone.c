/* A cabinet of a multi-cabinet set read alone (cabalone.h). */
#include <string.h>

#include "unpack/cabalone.h"

#define CAB_PREV 1u
#define CAB_NEXT 2u
#define CAB_RESERVE 4u

/* The offset after the NUL-terminated string at at, 0 if none ends in s. */
static size_t past_string(struct ls_slice s, size_t at)
{
    for (size_t i = at; i < s.len && i - at < 256; i++)
        if (s.ptr[i] == 0) return i + 1;
    return 0;
}

static bool put32(struct ls_buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return ls_buf_add(b, x, 4) == LS_OK;
}

static void set32(struct ls_buf *b, size_t at, uint32_t v)
{
    for (unsigned i = 0; i < 4; i++) b->ptr[at + i] = (uint8_t)(v >> (8 * i));
}

bool unpack_cab_alone(struct ls_slice s, struct ls_buf *out, unsigned *dropped)
{
    uint32_t cb, coff_files;
    uint16_t nfold, nfile, flags;
    *dropped = 0;
    if (s.len < 36 || !ls_slice_starts(s, "MSCF\0\0\0\0", 8) || !ls_rd_u32le(s, 8, &cb) || !ls_rd_u32le(s, 16, &coff_files) ||
        !ls_rd_u16le(s, 26, &nfold) || !ls_rd_u16le(s, 28, &nfile) || !ls_rd_u16le(s, 30, &flags) ||
        !(flags & (CAB_PREV | CAB_NEXT)) ||
        nfold == 0 || coff_files >= s.len)
        return false;
    size_t at = 36, rfold = 0, rdata = 0;
    if (flags & CAB_RESERVE) {
        uint16_t rhead;
        if (!ls_rd_u16le(s, 36, &rhead) || s.len < 40) return false;
        rfold = s.ptr[38];
        rdata = s.ptr[39];
        at = 40 + (size_t)rhead;
    }
    for (unsigned k = 0; k < ((flags & CAB_PREV) ? 2u : 0u) + ((flags & CAB_NEXT) ? 2u : 0u); k++)
        if (at >= s.len || (at = past_string(s, at)) == 0) return false;
    /* the folders kept: all but the first when it began in the previous cabinet */
    unsigned first = (flags & CAB_PREV) ? 1u : 0u;
    if (first >= nfold) return false;
    size_t nkeep = nfold - first;
    size_t head = 36, fold_at = head, files_at = fold_at + 8 * nkeep;
    out->len = 0;
    uint8_t h[36];
    memcpy(h, s.ptr, 36);
    h[30] = h[31] = 0; /* no set, no reserve */
    h[34] = h[35] = 0; /* iCabinet: libarchive refuses any but the first of a set */
    if (ls_buf_add(out, h, 36) != LS_OK) return false;
    for (size_t i = 0; i < nkeep; i++)
        if (!put32(out, 0) || !put32(out, 0)) return false; /* filled below */
    /* the files */
    size_t f = coff_files;
    uint16_t kept = 0;
    for (unsigned i = 0; i < nfile; i++) {
        uint16_t ifold;
        if (f > s.len || s.len - f < 17 || !ls_rd_u16le(s, f + 8, &ifold)) return false;
        size_t end = past_string(s, f + 16);
        if (end == 0) return false;
        bool keep = ifold < 0xFFFDu && ifold >= first && ifold < nfold;
        if (keep) {
            size_t o = out->len;
            if (ls_buf_add(out, s.ptr + f, end - f) != LS_OK) return false;
            uint16_t nf = (uint16_t)(ifold - first);
            out->ptr[o + 8] = (uint8_t)nf;
            out->ptr[o + 9] = (uint8_t)(nf >> 8);
            kept++;
        } else {
            ++*dropped;
        }
        f = end;
    }
    /* each kept folder's data blocks, without their reserved bytes */
    for (size_t i = 0; i < nkeep; i++) {
        size_t fo = at + (i + first) * (8 + rfold);
        uint32_t start;
        uint16_t nblk, comp;
        if (!ls_rd_u32le(s, fo, &start) || !ls_rd_u16le(s, fo + 4, &nblk) || !ls_rd_u16le(s, fo + 6, &comp))
            return false;
        size_t d = start, o = out->len;
        uint16_t copied = 0;
        for (unsigned k = 0; k < nblk; k++) {
            uint16_t cdata, cun;
            if (d > s.len || s.len - d < 8 + rdata || !ls_rd_u16le(s, d + 4, &cdata) ||
                !ls_rd_u16le(s, d + 6, &cun) || s.len - d - 8 - rdata < cdata)
                return false;
            /* the last folder's split block: the rest is in the next cabinet */
            if (cun == 0 && (flags & CAB_NEXT) && i + 1 == nkeep && k + 1 == nblk) break;
            if (ls_buf_add(out, s.ptr + d, 8) != LS_OK || ls_buf_add(out, s.ptr + d + 8 + rdata, cdata) != LS_OK)
                return false;
            copied++;
            d += 8 + rdata + cdata;
        }
        size_t fx = fold_at + 8 * i;
        set32(out, fx, (uint32_t)o);
        out->ptr[fx + 4] = (uint8_t)copied;
        out->ptr[fx + 5] = (uint8_t)(copied >> 8);
        out->ptr[fx + 6] = (uint8_t)comp;
        out->ptr[fx + 7] = (uint8_t)(comp >> 8);
    }
    set32(out, 8, (uint32_t)out->len);
    set32(out, 16, (uint32_t)files_at);
    out->ptr[26] = (uint8_t)nkeep;
    out->ptr[27] = (uint8_t)(nkeep >> 8);
    out->ptr[28] = (uint8_t)kept;
    out->ptr[29] = (uint8_t)(kept >> 8);
    return kept > 0;
}
