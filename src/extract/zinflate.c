/*
 * zinflate.c - a zlib or raw-deflate stream inflated into a buffer, cut at
 * a maximum (zinflate.h). The input is fed in pieces zlib's 32-bit counts
 * can hold, so a stream longer than 4 GiB is read to its end.
 */
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "core/handler.h"
#include "extract/zinflate.h"

#define ZI_CHUNK (16u * 1024u)
#define ZI_FEED (1u << 30)

/* Give zlib the next piece of in when it has used the last one. */
static void zi_feed(z_stream *z, struct ls_slice in, size_t *fed)
{
    if (z->avail_in != 0 || *fed >= in.len) return;
    size_t n = in.len - *fed < ZI_FEED ? in.len - *fed : ZI_FEED;
    struct ls_slice piece;
    (void)ls_slice_sub(in, *fed, n, &piece);
    z->next_in = (Bytef *)(uintptr_t)piece.ptr; /* zlib's API is not const-clean; it never writes */
    z->avail_in = (uInt)n;
    *fed += n;
}

/* What one inflate() call that gave got bytes means; starved: every input
 * byte was handed over and used. No progress without input left is a
 * stream cut short; no progress with input left cannot be undone. */
static ls_err zi_status(int rc, size_t got, bool starved)
{
    if (rc == Z_OK && (got > 0 || !starved)) return LS_OK;
    if (rc == Z_STREAM_END) return LS_OK;
    if (rc == Z_MEM_ERROR) return LS_E_NOMEM;
    if (rc == Z_OK || rc == Z_BUF_ERROR) return starved ? LS_E_TRUNCATED : LS_E_CORRUPT;
    return LS_E_CORRUPT;
}

ls_err zinflate_buf(struct ls_slice in, int wbits, struct ls_buf *out, size_t max)
{
    return zinflate_stream(in, wbits, out, max, NULL, NULL, NULL);
}

ls_err zinflate_stream(struct ls_slice in, int wbits, struct ls_buf *out, size_t max, size_t *used,
                       zinflate_charge_fn charge, void *ud)
{
    if (used) *used = 0;
    if (!out || out->len > max) return LS_E_ARG;
    z_stream z;
    memset(&z, 0, sizeof z);
    LS_FAIL_IF(inflateInit2(&z, wbits) != Z_OK, LS_E_NOMEM);
    size_t fed = 0;
    ls_err e = LS_OK;
    int rc = Z_OK;
    while (e == LS_OK && rc != Z_STREAM_END) {
        uint8_t chunk[ZI_CHUNK];
        zi_feed(&z, in, &fed);
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (got > max - out->len) {
            got = max - out->len;
            e = LS_E_LIMIT;
        }
        if (got > 0 && charge) {
            ls_err ce = charge(ud, got, fed - z.avail_in, z.total_out);
            if (ce != LS_OK) {
                e = ce;
                break;
            }
        }
        if (got > 0) {
            ls_err a = ls_buf_add(out, chunk, got);
            if (a != LS_OK) e = a == LS_E_NOMEM ? a : LS_E_LIMIT;
        }
        if (e == LS_OK) e = zi_status(rc, got, z.avail_in == 0 && fed >= in.len);
    }
    if (used) *used = fed - z.avail_in;
    inflateEnd(&z);
    return e;
}

ls_err zinflate_budget(struct ls_ctx *c, struct ls_object *o, const char *who, size_t n,
                       uint64_t in_used, uint64_t out_total)
{
    const struct ls_limits *l = ls_ctx_limits(c);
    LS_TRY(ls_budget_charge(c, o, n));
    if (l->bomb_ratio && out_total > l->bomb_floor &&
        out_total / (in_used ? in_used : 1) > l->bomb_ratio) {
        ls_note(c, o, LS_A_ZIP_BOMB, "%s: a zlib stream expands over %u:1 past %llu bytes; cut there",
                who, l->bomb_ratio, (unsigned long long)l->bomb_floor);
        return LS_E_LIMIT;
    }
    return LS_OK;
}
