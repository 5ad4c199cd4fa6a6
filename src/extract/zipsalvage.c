/*
 * Local-header walk over a damaged zip (see zipsalvage.h). Follows PKWARE
 * APPNOTE 6.3.x section 4.3.7 (local file header) and 4.3.9 (data
 * descriptor). Supports stored and deflated members; other methods and
 * encrypted members are reported, not read. Ignores the central directory
 * on purpose (it is what is missing). Attacker-controlled: every header
 * field; sizes are only trusted for stored members and clamped to the
 * input; inflated output is bounded by max_member and the root's budget.
 */
#include "extract/zipsalvage.h"

#include <string.h>
#include <zlib.h>

#define SALVAGE_NAME_MAX 1023u
#define SALVAGE_OUT_CHUNK (64u * 1024u)
#define SALVAGE_HDR 30u

static const uint8_t salvage_sig[4] = {'P', 'K', 3, 4};

struct salvage_hdr {
    uint16_t flags, method, name_len, extra_len;
    uint32_t csize;
    char name[SALVAGE_NAME_MAX + 1];
    size_t data_off; /* from the start of the object */
};

static bool salvage_header(struct ls_slice in, size_t at, struct salvage_hdr *h)
{
    struct ls_slice hdr, name;
    if (!ls_slice_sub(in, at, SALVAGE_HDR, &hdr)) return false;
    if (!ls_rd_u16le(hdr, 6, &h->flags) || !ls_rd_u16le(hdr, 8, &h->method) ||
        !ls_rd_u32le(hdr, 18, &h->csize) || !ls_rd_u16le(hdr, 26, &h->name_len) ||
        !ls_rd_u16le(hdr, 28, &h->extra_len))
        return false;
    if (!ls_slice_sub(in, at + SALVAGE_HDR, h->name_len, &name)) return false;
    size_t n = name.len < SALVAGE_NAME_MAX ? name.len : SALVAGE_NAME_MAX;
    if (n) memcpy(h->name, name.ptr, n);
    h->name[n] = 0;
    h->data_off = at + SALVAGE_HDR + h->name_len + h->extra_len;
    return h->data_off <= in.len;
}

/* How a deflate stream is framed (zlib's windowBits), and when its output
 * is a bomb (ratio 0: never). */
struct salvage_frame {
    int wbits;
    unsigned ratio;
    uint64_t floor;
    bool bomb; /* set when cut for the ratio */
};

static bool salvage_is_bomb(const struct salvage_frame *f, size_t out, size_t in)
{
    return f->ratio && out > f->floor && out / (in ? in : 1) > f->ratio;
}

/* Deflate from data into out; *used gets the input consumed. */
static ls_err salvage_inflate(struct ls_ctx *c, struct ls_object *o, struct ls_slice data,
                              struct ls_buf *out, size_t max, size_t *used,
                              struct salvage_frame *f)
{
    z_stream z;
    uint8_t chunk[SALVAGE_OUT_CHUNK];
    memset(&z, 0, sizeof z);
    *used = 0;
    if (inflateInit2(&z, f->wbits) != Z_OK) return LS_E_NOMEM;
    size_t fed = 0;
    ls_err e = LS_OK;
    int r = Z_OK;
    while (r == Z_OK && e == LS_OK) {
        if (z.avail_in == 0 && fed < data.len) {
            size_t n = data.len - fed < (1u << 30) ? data.len - fed : (1u << 30);
            struct ls_slice piece;
            (void)ls_slice_sub(data, fed, n, &piece);
            z.next_in = (Bytef *)(uintptr_t)piece.ptr; /* zlib's API is not const */
            z.avail_in = (uInt)n;
            fed += n;
        }
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        r = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (r == Z_BUF_ERROR && got == 0) break; /* input ended inside the stream */
        if (r != Z_OK && r != Z_STREAM_END) {
            e = LS_E_CORRUPT;
            break;
        }
        if (got > max - out->len) got = max - out->len;
        if (got && ls_budget_charge(c, o, got) != LS_OK) e = LS_E_LIMIT;
        if (e == LS_OK && got) e = ls_buf_add(out, chunk, got);
        if (e == LS_OK && out->len >= max && r != Z_STREAM_END) e = LS_E_LIMIT;
        if (e == LS_OK && salvage_is_bomb(f, out->len, fed - z.avail_in)) {
            f->bomb = true;
            e = LS_E_LIMIT;
        }
    }
    *used = fed - z.avail_in;
    if (e == LS_OK && r != Z_STREAM_END) e = LS_E_TRUNCATED;
    inflateEnd(&z);
    return e;
}

/* Member bytes at h->data_off; *next is where to look for the next header. */
static ls_err salvage_member(struct ls_ctx *c, struct ls_object *o, const struct salvage_hdr *h,
                             size_t max, struct ls_buf *out, size_t *next)
{
    struct ls_slice in = o->data, rest;
    (void)ls_slice_from(in, h->data_off, &rest);
    *next = h->data_off;
    if (h->flags & 1u) return LS_E_ENCRYPTED;
    if (h->method == 8) {
        size_t used = 0;
        struct salvage_frame raw = {.wbits = -MAX_WBITS};
        ls_err e = salvage_inflate(c, o, rest, out, max, &used, &raw);
        *next = h->data_off + used;
        return e;
    }
    if (h->method != 0) return LS_E_UNSUPPORTED;
    size_t n = h->csize;
    if ((h->flags & 8u) || n == 0) { /* size in a data descriptor: up to the next header */
        size_t end = ls_slice_find(rest, 0, salvage_sig, sizeof salvage_sig);
        n = end == SIZE_MAX ? rest.len : end;
    }
    ls_err e = n > rest.len ? LS_E_TRUNCATED : LS_OK;
    if (n > rest.len) n = rest.len;
    if (n > max) {
        n = max;
        e = LS_E_LIMIT;
    }
    struct ls_slice body;
    (void)ls_slice_sub(rest, 0, n, &body);
    *next = h->data_off + n;
    if (ls_budget_charge(c, o, n) != LS_OK) return LS_E_LIMIT;
    ls_err a = ls_buf_add(out, body.ptr, body.len);
    return a != LS_OK ? a : e;
}

ls_err ls_zip_salvage(struct ls_ctx *c, struct ls_object *o, size_t max_member, ls_salvage_fn fn,
                      void *ud)
{
    const struct ls_limits *lim = ls_ctx_limits(c);
    struct ls_buf out;
    struct salvage_hdr h;
    ls_buf_init(&out, max_member);
    size_t pos = 0;
    uint64_t members = 0;
    ls_err e = LS_OK;
    for (;;) {
        size_t at = ls_slice_find(o->data, pos, salvage_sig, sizeof salvage_sig);
        if (at == SIZE_MAX || !salvage_header(o->data, at, &h)) break;
        if (++members > lim->max_members) break;
        if (ls_ctx_expired(c)) {
            e = LS_E_TIMEOUT;
            break;
        }
        size_t next = at + 4;
        ls_buf_reset(&out);
        ls_err st = salvage_member(c, o, &h, max_member, &out, &next);
        if (st == LS_E_NOMEM) {
            e = st;
            break;
        }
        e = fn(ud, h.name, ls_buf_slice(&out), st);
        if (e != LS_OK) break;
        pos = next > at ? next : at + 4;
    }
    ls_buf_free(&out);
    if (e == LS_OK && members == 0) return LS_E_CORRUPT;
    return e;
}

ls_err ls_gzip_salvage(struct ls_ctx *c, struct ls_object *o, size_t max, struct ls_buf *out,
                       bool *bomb)
{
    const struct ls_limits *lim = ls_ctx_limits(c);
    struct salvage_frame gz = {.wbits = 16 + MAX_WBITS, .ratio = lim->bomb_ratio,
                               .floor = lim->bomb_floor};
    struct ls_slice rest = o->data;
    ls_err e = LS_OK;
    *bomb = false;
    /* member after member (RFC 1952 2.2: a gzip file is a series of them) */
    while (e == LS_OK && ls_slice_starts(rest, "\x1f\x8b", 2)) {
        if (ls_ctx_expired(c)) return LS_E_TIMEOUT;
        size_t used = 0;
        e = salvage_inflate(c, o, rest, out, max, &used, &gz);
        if (used == 0 || !ls_slice_from(rest, used, &rest)) break;
    }
    *bomb = gz.bomb;
    return e;
}
