/*
 * "iwa": Apple iWork 2013+ archives (Pages, Numbers, Keynote). The package
 * is a zip (read by `archive`); the .iwa members under Index/ hold the document
 * as protobuf messages in Snappy-compressed chunks, so the raw-byte scan of
 * a member sees compressed bytes only.
 *
 * Format (as documented by the iWork file format notes of the obriensp
 * and SheetJS projects): a member is a sequence of chunks, each a 0x00
 * byte, a 24-bit little-endian length and that many bytes of raw Snappy
 * data (no framing, no CRC). The decompressed stream is a sequence of
 * ArchiveInfo messages, each prefixed by its varint length and followed by
 * the payload messages whose lengths its MessageInfo entries (field 2,
 * length in field 3) give. Text - body text, table cells, sheet and slide
 * names, comments, author names - lives in length-delimited fields of
 * those payloads.
 *
 * Extraction: every chunk is decompressed (Snappy's literal and copy
 * elements; the output bounded by the chunk's declared length and the
 * byte budget), then every message is walked as protobuf (nested messages
 * recursively, depth-limited) and each length-delimited field that is
 * valid UTF-8 text is emitted as a line. Field numbers are not interpreted:
 * a string is text wherever it sits. A chunk or message that does not
 * parse makes the object partial (parse_error) and the rest is still read.
 *
 * Attacker-controlled: every byte. Lengths are checked against what is
 * there; copies against what was produced; recursion is bounded.
 */
#include <string.h>

#include "core/handler.h"

#define IWA_DEPTH_MAX 12u
#define IWA_TEXT_MIN 2u /* bytes of a string field worth a line */

struct iwa {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf text;
    bool damaged;
};

/* ---- Snappy (raw format) ---- */

static bool varint(struct ls_cursor *cur, uint64_t *v)
{
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        uint8_t b;
        if (ls_cur_u8(cur, &b) != LS_OK) return false;
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return true;
        }
    }
    return false;
}

/* A copy of len bytes from offset back in out (the ranges may overlap). */
static ls_err snappy_copy(struct ls_buf *out, uint64_t offset, uint64_t len)
{
    if (offset == 0 || offset > out->len) return LS_E_CORRUPT;
    for (uint64_t k = 0; k < len; k++) LS_TRY(ls_buf_addc(out, out->ptr[out->len - offset]));
    return LS_OK;
}

static ls_err snappy_element(struct ls_cursor *cur, struct ls_buf *out)
{
    uint8_t tag, b1;
    LS_TRY(ls_cur_u8(cur, &tag));
    unsigned type = tag & 3u;
    if (type == 0) { /* literal */
        uint64_t len = tag >> 2;
        if (len >= 60) {
            unsigned n = (unsigned)len - 59, shift = 0;
            len = 0;
            for (unsigned k = 0; k < n; k++, shift += 8) {
                LS_TRY(ls_cur_u8(cur, &b1));
                len |= (uint64_t)b1 << shift;
            }
        }
        struct ls_slice lit;
        LS_TRY(ls_cur_take(cur, (size_t)(len + 1), &lit));
        return ls_buf_add(out, lit.ptr, lit.len);
    }
    if (type == 1) { /* copy with a 1-byte offset */
        LS_TRY(ls_cur_u8(cur, &b1));
        return snappy_copy(out, (uint64_t)(tag >> 5) << 8 | b1, ((tag >> 2) & 7u) + 4u);
    }
    uint64_t offset;
    if (type == 2) {
        uint16_t v;
        LS_TRY(ls_cur_u16le(cur, &v));
        offset = v;
    } else {
        uint32_t v;
        LS_TRY(ls_cur_u32le(cur, &v));
        offset = v;
    }
    return snappy_copy(out, offset, (uint64_t)(tag >> 2) + 1u);
}

/* Decompress one chunk into out (which may already hold earlier chunks:
 * copies never reach before this chunk's start). */
static ls_err snappy_chunk(struct ls_slice in, struct ls_buf *out)
{
    struct ls_cursor cur = ls_cur_make(in);
    uint64_t want;
    if (!varint(&cur, &want)) return LS_E_CORRUPT;
    size_t start = out->len;
    while (ls_cur_left(&cur) > 0 && out->len - start < want) LS_TRY(snappy_element(&cur, out));
    return out->len - start == want ? LS_OK : LS_E_TRUNCATED;
}

/* ---- protobuf walk ---- */

static bool iwa_is_text(struct ls_slice s)
{
    if (s.len < IWA_TEXT_MIN || !ls_utf8_valid(s)) return false;
    size_t printable = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = s.ptr[i];
        if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != 0x0b) return false;
        if (ch != ' ') printable++;
    }
    return printable > 0;
}

/* Whether m parses as a whole protobuf message (every field well formed
 * and within m); depth-limited walk that emits the strings when emit. */
static bool pb_walk(struct iwa *w, struct ls_slice m, unsigned depth, bool emit)
{
    if (depth > IWA_DEPTH_MAX) return false;
    struct ls_cursor cur = ls_cur_make(m);
    while (ls_cur_left(&cur) > 0) {
        uint64_t key, v;
        if (!varint(&cur, &key) || (key >> 3) == 0) return false;
        switch (key & 7u) {
        case 0:
            if (!varint(&cur, &v)) return false;
            break;
        case 1:
            if (ls_cur_skip(&cur, 8) != LS_OK) return false;
            break;
        case 5:
            if (ls_cur_skip(&cur, 4) != LS_OK) return false;
            break;
        case 2: {
            struct ls_slice f;
            if (!varint(&cur, &v) || v > ls_cur_left(&cur) || ls_cur_take(&cur, (size_t)v, &f) != LS_OK)
                return false;
            if (!emit) break;
            /* text first: a nested message almost always holds a byte
             * below 0x20 (a key, a length), text never */
            if (iwa_is_text(f)) {
                if (ls_buf_add(&w->text, f.ptr, f.len) != LS_OK || ls_buf_addc(&w->text, '\n') != LS_OK)
                    return true; /* the text cap: what fit is kept */
            } else if (pb_walk(w, f, depth + 1, false)) {
                (void)pb_walk(w, f, depth + 1, true);
            }
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

/* The ArchiveInfo at the cursor and the payloads it announces. */
static bool iwa_archive(struct iwa *w, struct ls_cursor *cur)
{
    uint64_t len;
    struct ls_slice info;
    if (!varint(cur, &len) || len > ls_cur_left(cur) || ls_cur_take(cur, (size_t)len, &info) != LS_OK)
        return false;
    /* MessageInfo entries: field 2 of ArchiveInfo; their payload length is field 3 */
    struct ls_cursor ic = ls_cur_make(info);
    while (ls_cur_left(&ic) > 0) {
        uint64_t key, v;
        if (!varint(&ic, &key)) return false;
        if ((key & 7u) == 0) {
            if (!varint(&ic, &v)) return false;
            continue;
        }
        if ((key & 7u) != 2) return false;
        struct ls_slice mi;
        if (!varint(&ic, &v) || v > ls_cur_left(&ic) || ls_cur_take(&ic, (size_t)v, &mi) != LS_OK) return false;
        if ((key >> 3) != 2) continue;
        struct ls_cursor mc = ls_cur_make(mi);
        uint64_t plen = 0;
        while (ls_cur_left(&mc) > 0) {
            uint64_t k2, v2;
            if (!varint(&mc, &k2)) return false;
            if ((k2 & 7u) == 0) {
                if (!varint(&mc, &v2)) return false;
                if ((k2 >> 3) == 3) plen = v2;
            } else if ((k2 & 7u) == 2) {
                if (!varint(&mc, &v2) || ls_cur_skip(&mc, (size_t)(v2 > SIZE_MAX ? SIZE_MAX : v2)) != LS_OK)
                    return false;
            } else {
                return false;
            }
        }
        struct ls_slice payload;
        if (plen > ls_cur_left(cur) || ls_cur_take(cur, (size_t)plen, &payload) != LS_OK) return false;
        if (!pb_walk(w, payload, 0, true)) w->damaged = true;
    }
    return true;
}

/* ---- the handler ---- */

static bool iwa_named(const struct ls_object *o)
{
    static const char ext[] = ".iwa";
    size_t n = sizeof ext - 1;
    return o->name && o->name_len > n && memcmp((const char *)o->name + o->name_len - n, ext, n) == 0;
}

static int iwa_probe(const struct ls_object *o)
{
    /* a chunk header: 0x00 and a 24-bit length that fits */
    uint32_t h;
    if (!iwa_named(o) || !ls_rd_u32le(o->data, 0, &h) || (h & 0xffu) != 0) return 0;
    return (h >> 8) + 4 <= o->data.len ? 70 : 0;
}

static ls_err iwa_decompress(struct iwa *w, struct ls_buf *plain)
{
    struct ls_cursor cur = ls_cur_make(w->o->data);
    while (ls_cur_left(&cur) > 0) {
        uint32_t h;
        struct ls_slice chunk;
        if (ls_cur_u32le(&cur, &h) != LS_OK || (h & 0xffu) != 0 || ls_cur_take(&cur, h >> 8, &chunk) != LS_OK)
            return LS_E_TRUNCATED;
        size_t before = plain->len;
        ls_err e = snappy_chunk(chunk, plain);
        LS_TRY(ls_budget_charge(w->c, w->o, plain->len - before));
        if (e != LS_OK) return e;
    }
    return LS_OK;
}

static ls_err iwa_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct iwa w = {c, o, {0}, false};
    ls_buf_init(&w.text, ls_ctx_limits(c)->max_text);
    uint64_t left = ls_budget_left(c);
    struct ls_buf plain;
    ls_buf_init(&plain, left < SIZE_MAX ? (size_t)left : SIZE_MAX);
    ls_err e = iwa_decompress(&w, &plain);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_BYTES, "iwa: decompressed only up to the byte budget");
    else if (e != LS_OK && e != LS_E_NOMEM) ls_note(c, o, e == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
                                                   "iwa: Snappy chunk damaged (%s); text before it kept", ls_err_name(e));
    struct ls_cursor cur = ls_cur_make(ls_buf_slice(&plain));
    while (ls_cur_left(&cur) > 0 && e != LS_E_NOMEM)
        if (!iwa_archive(&w, &cur)) {
            w.damaged = true;
            break;
        }
    if (w.damaged && e == LS_OK) ls_note(c, o, LS_R_PARSE_ERROR, "iwa: a message does not parse; text before it kept");
    ls_err te = w.text.len ? ls_emit_text(c, o, w.text.ptr, w.text.len) : LS_OK;
    ls_buf_free(&plain);
    ls_buf_free(&w.text);
    if (e == LS_E_NOMEM) return e;
    return te == LS_E_LIMIT ? LS_OK : te;
}

const struct ls_handler ls_handler_iwa = {
    .name = "iwa",
    .probe = iwa_probe,
    .extract = iwa_extract,
};
