/*
 * MongoDB dumps: mongodump's COLLECTION.bson files (BSON documents one
 * after another) and its --archive stream. Strings are in the clear in
 * BSON, but numbers are binary (an SSN kept as an int64, a phone number as
 * a double have no digits in the file) and a value's key is only next to
 * it, not in a header. Each document is written as one line of
 * "path: value" pairs separated by tabs ("name: Ada Moss	ssn: 612104123	
 * address.city: Springfield"), so the numbers are digits and every value
 * has its key in front of it for the context rules.
 *
 * Layout (bsonspec.org): a document is an int32 total length, elements,
 * and a NUL; an element is a type byte, a NUL-terminated key and the value:
 * 0x01 double, 0x02 string (int32 length with the NUL, bytes, NUL), 0x03
 * document, 0x04 array (a document keyed 0, 1, ...), 0x05 binary (int32
 * length, subtype, bytes), 0x06 undefined, 0x07 ObjectId (12 bytes), 0x08
 * bool, 0x09 UTC datetime (int64 ms), 0x0A null, 0x0B regex (two C
 * strings), 0x0C DBPointer (string, 12 bytes), 0x0D code and 0x0E symbol
 * (strings), 0x0F code with scope (int32 total length), 0x10 int32, 0x11
 * timestamp, 0x12 int64, 0x13 decimal128, 0xFF min key, 0x7F max key; all
 * little-endian. A mongodump --archive is the magic 0x8199e26d, then
 * documents (a prelude, collection headers, each collection's documents)
 * and int32 -1 terminators between its segments.
 *
 * Nesting is walked with an explicit stack (BSON's own limit: 100 levels),
 * every length is checked against its document's end, the clock every
 * 1024 documents. Written: numbers (a whole double as an integer), strings,
 * dates (YYYY-MM-DD, with the time when it is not midnight), booleans,
 * binary values that are UTF-8 text, decimal128 values whose coefficient
 * fits 64 bits; left out: ObjectIds, other binary data, nulls, regexes,
 * code, other decimal128 values. A long document is handed over as its
 * line grows, not held whole.
 */
#include "core/handler.h"
#include "core/ls_date.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define BS_ARCHIVE_MAGIC 0x8199e26du
#define BS_DEPTH_MAX 100u
#define BS_PATH_MAX 512u
#define BS_KEY_OUT 64u
#define BS_VALUE_MAX 4096u
#define BS_TICK 1024u

struct bs {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf line;
    char path[BS_PATH_MAX + 1]; /* the element's key path, "address.city" */
    size_t plen;
    bool full;
    bool cont; /* the line was handed over inside a document: a tab before the next key */
};

static uint32_t bs_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t bs_u64(const uint8_t *p)
{
    return (uint64_t)bs_u32(p) | (uint64_t)bs_u32(p + 4) << 32;
}

/* A document's length at d[at]: 5 or more and within the data; 0 if not. */
static size_t bs_doc_len(struct ls_slice d, size_t at)
{
    if (at > d.len || d.len - at < 5) return 0;
    uint32_t n = bs_u32(d.ptr + at);
    if (n < 5 || n > d.len - at || d.ptr[at + n - 1] != 0) return 0;
    return n;
}

static bool bs_type_ok(uint8_t t)
{
    return (t >= 0x01 && t <= 0x13) || t == 0x7f || t == 0xff;
}

/* A plausible first document: a valid length and a first element with a
 * known type and a printable key. */
static bool bs_first_doc(struct ls_slice d, size_t at)
{
    size_t n = bs_doc_len(d, at);
    if (n == 0) return false;
    if (n == 5) return true;
    if (!bs_type_ok(d.ptr[at + 4])) return false;
    size_t k = at + 5;
    for (; k < at + n - 1 && d.ptr[k]; k++)
        if (d.ptr[k] < 0x20 || d.ptr[k] == 0x7f) return false;
    return k > at + 5 && k < at + n - 1;
}

static int bs_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (d.len >= 9 && bs_u32(d.ptr) == BS_ARCHIVE_MAGIC && bs_first_doc(d, 4)) return 95;
    if (!bs_first_doc(d, 0)) return 0;
    size_t n = bs_doc_len(d, 0);
    bool bson_ext = o->ext && strcmp(o->ext, "bson") == 0;
    if (n == d.len) return bson_ext ? 80 : 40;
    /* a second document, or one cut short (its length past the end) */
    bool cut = d.len - n >= 6 && bs_u32(d.ptr + n) > d.len - n && bs_u32(d.ptr + n) < (1u << 24) &&
               bs_type_ok(d.ptr[n + 4]);
    return bs_first_doc(d, n) || cut ? (bson_ext ? 90 : 70) : 0;
}

static ls_err bs_flush(struct bs *b, bool force)
{
    if (b->full || (!force && b->line.len < 65536) || b->line.len == 0) return LS_OK;
    ls_err e = ls_emit_text(b->c, b->o, b->line.ptr, b->line.len);
    ls_buf_reset(&b->line);
    if (e == LS_E_LIMIT) b->full = true;
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err bs_text(struct ls_buf *line, const uint8_t *p, size_t n)
{
    if (n > BS_VALUE_MAX) n = BS_VALUE_MAX;
    LS_TRY(ls_buf_reserve(line, n));
    for (size_t i = 0; i < n; i++) LS_TRY(ls_buf_addc(line, p[i] < 0x20 || p[i] == 0x7f ? ' ' : p[i]));
    return LS_OK;
}

/* "path: " before a value (a tab before all but the first on the line). */
static ls_err bs_key(struct bs *b, size_t line_start)
{
    if (b->line.len > line_start || b->cont) LS_TRY(ls_buf_addc(&b->line, '\t'));
    b->cont = false;
    /* the key nearest the value: at most the path's last BS_KEY_OUT bytes
     * (a deeply nested file would otherwise write its whole path per value) */
    size_t from = b->plen > BS_KEY_OUT ? b->plen - BS_KEY_OUT : 0;
    if (b->plen) LS_TRY(ls_buf_add(&b->line, b->path + from, b->plen - from));
    return ls_buf_adds(&b->line, ": ");
}

/* A decimal128 (IEEE 754-2008, binary integer significand: MongoDB's
 * NumberDecimal, which money and identifiers are kept as) whose
 * coefficient fits 64 bits, as digits with its decimal point; 0 (left out)
 * for infinities, NaNs and larger coefficients. lo, hi: its two halves. */
static int bs_decimal(uint64_t lo, uint64_t hi, char *out, size_t cap)
{
    if (((hi >> 61) & 3) == 3 || (hi & 0x1FFFFFFFFFFFFull) != 0) return 0;
    int exp = (int)((hi >> 49) & 0x3FFF) - 6176;
    char dig[24];
    int n = snprintf(dig, sizeof dig, "%llu", (unsigned long long)lo);
    const char *sign = hi >> 63 ? "-" : "";
    if (exp >= 0 && exp <= 20) return snprintf(out, cap, "%s%s%.*s", sign, dig, exp, "00000000000000000000");
    if (exp < 0 && -exp < n) return snprintf(out, cap, "%s%.*s.%s", sign, n + exp, dig, dig + n + exp);
    if (exp < 0 && -exp - n <= 20)
        return snprintf(out, cap, "%s0.%.*s%s", sign, -exp - n, "00000000000000000000", dig);
    return 0;
}

/* One document at d[at..at+n): its elements, nested ones through a stack. */
static ls_err bs_doc(struct bs *b, struct ls_slice d, size_t at, size_t n, ls_err *damage)
{
    struct {
        size_t end;     /* the offset of the nested document's closing NUL */
        size_t pathlen; /* b->path's length before its key */
    } st[BS_DEPTH_MAX + 1];
    unsigned depth = 0;
    size_t line_start = b->line.len;
    size_t pos = at + 4, end = at + n - 1;
    b->plen = 0;
    for (;;) {
        /* a long document is handed over as it grows (one element adds at
         * most a path and a value): 3-byte elements under a 64-byte key
         * made a line 24 times the document before its end was reached */
        if (b->line.len >= 65536) {
            LS_TRY(bs_flush(b, true));
            if (b->full) return LS_OK;
            line_start = 0;
            b->cont = true;
        }
        if (pos >= end) { /* this document's NUL */
            if (depth == 0) break;
            depth--;
            pos = st[depth].end + 1;
            end = depth ? st[depth - 1].end : at + n - 1;
            b->plen = st[depth].pathlen;
            continue;
        }
        uint8_t t = d.ptr[pos++];
        const uint8_t *key = d.ptr + pos;
        const uint8_t *nul = memchr(key, 0, end - pos);
        if (!nul || !bs_type_ok(t)) {
            *damage = LS_E_CORRUPT;
            break;
        }
        size_t klen = (size_t)(nul - key);
        pos += klen + 1;
        size_t plen = b->plen; /* the key appended, cut at BS_PATH_MAX */
        if (plen && b->plen < BS_PATH_MAX) b->path[b->plen++] = '.';
        size_t room = BS_PATH_MAX - b->plen, kl = klen < room ? klen : room;
        memcpy(b->path + b->plen, key, kl);
        b->plen += kl;
        size_t left = end - pos, len = SIZE_MAX; /* SIZE_MAX: the value does not fit */
        char num[64];
        int k = -1;
        switch (t) {
        case 0x01: { /* double */
            if (left < 8) break;
            uint64_t x = bs_u64(d.ptr + pos);
            double v;
            memcpy(&v, &x, sizeof v);
            if (isfinite(v) && v == floor(v) && fabs(v) < 1e15)
                k = snprintf(num, sizeof num, "%.0f", v);
            else if (isfinite(v))
                k = snprintf(num, sizeof num, "%.15g", v);
            len = 8;
            break;
        }
        case 0x02: case 0x0D: case 0x0E: { /* string, code, symbol */
            if (left < 4) break;
            uint32_t sl = bs_u32(d.ptr + pos);
            if (sl < 1 || sl > left - 4) break;
            if (t == 0x02) {
                LS_TRY(bs_key(b, line_start));
                LS_TRY(bs_text(&b->line, d.ptr + pos + 4, sl - 1));
            }
            len = 4 + (size_t)sl;
            break;
        }
        case 0x03: case 0x04: { /* document, array */
            size_t sub = bs_doc_len(ls_slice_make(d.ptr, end), pos);
            if (sub == 0 || depth >= BS_DEPTH_MAX) break;
            st[depth].end = pos + sub - 1;
            st[depth].pathlen = plen;
            depth++;
            pos += 4;
            end = pos + sub - 5;
            continue; /* the path keeps this key until the document ends */
        }
        case 0x05: { /* binary: length, subtype, bytes */
            if (left < 5) break;
            uint32_t bl = bs_u32(d.ptr + pos);
            if (bl > left - 5) break;
            uint8_t sub = d.ptr[pos + 4];
            struct ls_slice v = ls_slice_make(d.ptr + pos + 5, bl);
            if ((sub == 0x00 || sub == 0x80) && bl > 0 && ls_utf8_valid(v)) {
                LS_TRY(bs_key(b, line_start));
                LS_TRY(bs_text(&b->line, v.ptr, v.len));
            }
            len = 5 + (size_t)bl;
            break;
        }
        case 0x06: case 0x0A: case 0x7F: case 0xFF:
            len = 0;
            k = -2;
            break;
        case 0x07: len = 12; k = -2; break;
        case 0x08:
            if (left >= 1) k = snprintf(num, sizeof num, "%s", d.ptr[pos] ? "true" : "false");
            len = 1;
            break;
        case 0x09: { /* UTC datetime, ms */
            if (left < 8) break;
            int64_t ms = (int64_t)bs_u64(d.ptr + pos);
            len = 8;
            if (ms < -62135596800000LL || ms > 253402300799999LL) { k = -2; break; } /* years 1-9999 */
            int64_t s = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
            int64_t days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
            int64_t sec = s - days * 86400, y;
            unsigned mo, dd;
            ls_civil_from_days(days, &y, &mo, &dd);
            if (sec == 0)
                k = snprintf(num, sizeof num, "%04lld-%02u-%02u", (long long)y, mo, dd);
            else
                k = snprintf(num, sizeof num, "%04lld-%02u-%02uT%02u:%02u:%02uZ", (long long)y, mo, dd,
                             (unsigned)(sec / 3600), (unsigned)(sec / 60 % 60), (unsigned)(sec % 60));
            break;
        }
        case 0x0B: { /* regex: two C strings */
            const uint8_t *a = memchr(d.ptr + pos, 0, left);
            const uint8_t *z = a ? memchr(a + 1, 0, (size_t)(d.ptr + end - (a + 1))) : NULL;
            if (z) { len = (size_t)(z - (d.ptr + pos)) + 1; k = -2; }
            break;
        }
        case 0x0C: { /* DBPointer: string, 12 bytes */
            if (left < 4) break;
            uint32_t sl = bs_u32(d.ptr + pos);
            if (sl < 1 || sl > left - 4 || left - 4 - sl < 12) break;
            len = 4 + (size_t)sl + 12;
            k = -2;
            break;
        }
        case 0x0F: { /* code with scope: total length */
            if (left < 4) break;
            uint32_t tl = bs_u32(d.ptr + pos);
            if (tl < 14 || tl > left) break;
            len = tl;
            k = -2;
            break;
        }
        case 0x10:
            if (left >= 4) k = snprintf(num, sizeof num, "%ld", (long)(int32_t)bs_u32(d.ptr + pos));
            len = 4;
            break;
        case 0x11: len = 8; k = -2; break;
        case 0x12:
            if (left >= 8) k = snprintf(num, sizeof num, "%lld", (long long)(int64_t)bs_u64(d.ptr + pos));
            len = 8;
            break;
        case 0x13: /* decimal128 */
            if (left >= 16) k = bs_decimal(bs_u64(d.ptr + pos), bs_u64(d.ptr + pos + 8), num, sizeof num);
            if (k <= 0) k = -2;
            len = 16;
            break;
        }
        if (len == SIZE_MAX || len > left) {
            *damage = LS_E_CORRUPT;
            break;
        }
        if (k > 0) {
            LS_TRY(bs_key(b, line_start));
            LS_TRY(ls_buf_add(&b->line, num, (size_t)k < sizeof num ? (size_t)k : sizeof num - 1));
        }
        pos += len;
        b->plen = plen;
    }
    if (b->line.len > line_start || b->cont) LS_TRY(ls_buf_addc(&b->line, '\n'));
    b->cont = false;
    return LS_OK;
}

static ls_err bs_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    struct bs b;
    memset(&b, 0, sizeof b);
    b.c = c;
    b.o = o;
    ls_buf_init(&b.line, SIZE_MAX);
    bool archive = d.len >= 4 && bs_u32(d.ptr) == BS_ARCHIVE_MAGIC;
    size_t at = archive ? 4 : 0;
    ls_err e = LS_OK, damage = LS_OK;
    for (size_t ndoc = 0; e == LS_OK && damage == LS_OK && !b.full && at < d.len; ndoc++) {
        if (ndoc % BS_TICK == BS_TICK - 1 && ls_ctx_expired(c)) {
            e = LS_E_TIMEOUT;
            break;
        }
        if (archive && d.len - at >= 4 && bs_u32(d.ptr + at) == 0xFFFFFFFFu) { /* a segment's end */
            at += 4;
            continue;
        }
        size_t n = bs_doc_len(d, at);
        if (n == 0) {
            damage = d.len - at >= 4 && bs_u32(d.ptr + at) >= 5 && bs_u32(d.ptr + at) > d.len - at
                         ? LS_E_TRUNCATED : LS_E_CORRUPT;
            break;
        }
        e = bs_doc(&b, d, at, n, &damage);
        if (e == LS_OK) e = bs_flush(&b, false);
        at += n;
    }
    if (e == LS_OK) e = bs_flush(&b, true);
    if (e == LS_E_LIMIT && b.full) e = LS_OK;
    if (damage == LS_E_TRUNCATED) ls_note(c, o, LS_R_TRUNCATED, "bson: the last document is cut short");
    if (damage == LS_E_CORRUPT) ls_note(c, o, LS_R_PARSE_ERROR, "bson: damaged document at byte %zu", at);
    ls_buf_free(&b.line);
    return e;
}

const struct ls_handler ls_handler_bson = {
    .name = "bson",
    .probe = bs_probe,
    .extract = bs_extract,
};
