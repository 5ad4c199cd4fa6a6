/*
 * VBA macro source ([MS-OVBA]): module streams in a `VBA` storage keep
 * their source compressed (2.4.1 CompressedContainer: signature 0x01, then
 * chunks of at most 4096 decompressed bytes, each a u16 header — size in
 * bits 0-11, signature 0b011 in bits 12-14, compressed flag in bit 15 —
 * and flag bytes each governing 8 tokens: a literal byte, or a u16 copy
 * token whose offset/length split depends on how far into the chunk the
 * decompressor is). Hard-coded passwords and connection strings in macros
 * are leaks, so the source is emitted as text after a `[VBA module NAME]`
 * line.
 *
 * The source offset inside a module stream is normally read from the
 * compressed `dir` stream (MODULEOFFSET). Here it is found the way several
 * analysis tools do: the container starts three bytes before the first
 * "\0Attribut" (signature, chunk header, flag byte 0, then the literal
 * "Attribute VB_Name"); the container signature byte is checked. Streams
 * without it (dir, _VBA_PROJECT, __SRP_*, p-code only) are skipped.
 * Attacker-controlled: every chunk header and token. Output per module
 * is capped (VBA_MAX) and charged to the root's budget.
 */
#include "extract/ole2.h"

#include <string.h>

#define VBA_CHUNK 4096u
#define VBA_MAX (16u << 20)

static unsigned vba_bitcount(size_t pos)
{
    unsigned n = 4;
    while (((size_t)1 << n) < pos) n++;
    return n > 12 ? 12 : n;
}

/* One compressed chunk body (after its header) into out. */
static ls_err vba_chunk_tokens(struct ls_slice body, struct ls_buf *out, size_t max)
{
    size_t start = out->len, i = 0;
    while (i < body.len) {
        uint8_t flags = (uint8_t)ls_slice_at(body, i++);
        for (unsigned bit = 0; bit < 8 && i < body.len; bit++) {
            LS_FAIL_IF(out->len >= max, LS_E_LIMIT);
            if (!(flags & (1u << bit))) {
                LS_TRY(ls_buf_addc(out, (uint8_t)ls_slice_at(body, i++)));
                continue;
            }
            uint16_t tok = 0;
            LS_FAIL_IF(!ls_rd_u16le(body, i, &tok), LS_E_TRUNCATED);
            i += 2;
            size_t pos = out->len - start;
            unsigned bc = vba_bitcount(pos);
            size_t off = (size_t)(tok >> (16 - bc)) + 1, len = (size_t)(tok & (0xFFFFu >> bc)) + 3;
            LS_FAIL_IF(off > pos, LS_E_CORRUPT);
            for (size_t k = 0; k < len; k++) {
                LS_FAIL_IF(out->len >= max, LS_E_LIMIT);
                LS_TRY(ls_buf_addc(out, out->ptr[out->len - off]));
            }
        }
    }
    return LS_OK;
}

static bool vba_zero_from(struct ls_slice s, size_t i)
{
    for (; i < s.len; i++)
        if (ls_slice_at(s, i) != 0) return false;
    return true;
}

/* Decompress a CompressedContainer starting at s[0] (the 0x01 byte). */
static ls_err vba_decompress(struct ls_slice s, struct ls_buf *out, size_t max)
{
    LS_FAIL_IF(ls_slice_at(s, 0) != 0x01, LS_E_CORRUPT);
    size_t i = 1;
    while (i < s.len) {
        uint16_t hdr = 0;
        struct ls_slice body;
        LS_FAIL_IF(!ls_rd_u16le(s, i, &hdr), LS_E_TRUNCATED);
        /* Zero bytes after the last chunk are the stream's padding, not a
         * chunk (Word pads module streams: POI's 60279.doc). */
        if (hdr == 0 && vba_zero_from(s, i)) return LS_OK;
        LS_FAIL_IF(((hdr >> 12) & 7) != 3, LS_E_CORRUPT);
        size_t n = (size_t)(hdr & 0x0FFF) + 1; /* bytes after the header */
        i += 2;
        if (!ls_slice_sub(s, i, n, &body)) {
            if (!ls_slice_from(s, i, &body)) return LS_E_TRUNCATED;
        }
        if (hdr & 0x8000) {
            LS_TRY(vba_chunk_tokens(body, out, max));
        } else {
            size_t k = body.len < VBA_CHUNK ? body.len : VBA_CHUNK;
            LS_FAIL_IF(out->len + k > max, LS_E_LIMIT);
            LS_TRY(ls_buf_add(out, body.ptr, k));
        }
        i += body.len;
    }
    return LS_OK;
}

static ls_err vba_module(struct ole2_job *j, uint32_t idx)
{
    static const uint8_t attr[] = {0, 'A', 't', 't', 'r', 'i', 'b', 'u', 't'};
    struct ls_buf raw, src;
    ls_buf_init(&raw, j->f->data.len);
    ls_buf_init(&src, VBA_MAX);
    ls_err e = ole2_read(j, idx, &raw);
    size_t at = ls_slice_find(ls_buf_slice(&raw), 0, attr, sizeof attr);
    struct ls_slice cont;
    if (e == LS_E_NOMEM || at == SIZE_MAX || at < 3 || !ls_slice_from(ls_buf_slice(&raw), at - 3, &cont) ||
        ls_slice_at(cont, 0) != 0x01)
        goto out;
    uint64_t left = ls_budget_left(j->c);
    size_t max = left < VBA_MAX ? (size_t)left : VBA_MAX;
    if (cont.len < max / 16) max = cont.len * 16 + VBA_CHUNK;
    ls_err d = vba_decompress(cont, &src, max);
    if (d == LS_E_NOMEM) {
        e = d;
        goto out;
    }
    e = ls_budget_charge(j->c, j->o, src.len);
    if (e != LS_OK) goto out;
    if (d != LS_OK) ls_note(j->c, j->o, LS_R_PARSE_ERROR, "vba: module '%s' source damaged", j->f->dir[idx].name);
    e = ole2_put(j, "\n[VBA module ");
    if (e == LS_OK) e = ole2_put(j, j->f->dir[idx].name);
    if (e == LS_OK) e = ole2_put(j, "]\n");
    for (size_t i = 0; e == LS_OK && i < src.len; i++) e = ole2_put_cp(j, ls_cp1252(src.ptr[i]));
out:
    ls_buf_free(&raw);
    ls_buf_free(&src);
    return e;
}

ls_err ole2_vba_extract(struct ole2_job *j, uint32_t vba)
{
    const struct ole2_cfb *f = j->f;
    uint32_t i = f->dir[vba].first_child;
    for (uint32_t hops = 0; i < f->ndir && hops < f->ndir; hops++, i = f->dir[i].next_sibling) {
        const char *n = f->dir[i].name;
        if (f->dir[i].type != OLE2_T_STREAM || strcmp(n, "dir") == 0 || strncmp(n, "__SRP_", 6) == 0 ||
            strcmp(n, "_VBA_PROJECT") == 0)
            continue;
        ls_err e = vba_module(j, i);
        if (e == LS_E_NOMEM || e == LS_E_LIMIT) return e;
    }
    return LS_OK;
}
