/*
 * Redis persistence files: RDB snapshots (dump.rdb, the base of a Redis 7
 * multi-part AOF) and append-only files (appendonly.aof, .incr.aof, an AOF
 * with an RDB preamble). Exposed Redis servers and their backups are a
 * common leak: session stores, cached customer records, queues.
 *
 * Why a reader: an RDB keeps every string over 20 bytes LZF-compressed when
 * that saves 4 bytes (back references cut a cached JSON page's e-mail
 * addresses and SSNs into pieces), small hashes, lists, sets and sorted
 * sets as ziplists/listpacks/intsets (numbers binary, a field's name not
 * next to its value in a form the rules read), and an AOF puts RESP's
 * "$9\r\n" between a hash field and its value.
 *
 * Written, one line per key and value: a string as "KEY: VALUE"; a hash as
 * "KEY<TAB>field: value<TAB>field: value" (the labelled form of bson.c and
 * the table labeller); a list, set, sorted set (members; scores left out)
 * or stream (its entries' fields and values, paired) as "KEY: element" per
 * element. Values are written whole, keys as their last RD_KEY_OUT bytes
 * before each element (a longer key also whole, once, on a line of its
 * own), hash fields cut at RD_VALUE_MAX; control
 * characters other than tab and newline become spaces; integers are
 * written in decimal.
 *
 * RDB layout (Redis rdb.h, versions 1-12): "REDIS" and four digits, then
 * opcodes: 0xFA aux field (two strings), 0xFB resize-db (two lengths),
 * 0xFE select-db (a length), 0xFD expiry (4 bytes), 0xFC expiry in ms (8
 * bytes), 0xF8 idle (a length, LRU policies), 0xF9 frequency (1 byte, LFU
 * policies), 0xF7 module aux data (module id, when, module items), 0xF5
 * function library (a string: its code, written), 0xF4 slot info (three
 * lengths), 0xFF end (then an 8 byte checksum from version 5); 0xF6 (the
 * functions of 7.0's release candidates) stops the walk, unsupported; any
 * other byte is a value type followed
 * by the key and the value. A length is 6 bits (00), 14 bits (01), a
 * 32-bit (0x80) or 64-bit (0x81) big-endian number; 11 marks a special
 * string: an 8, 16 or 32-bit little-endian integer, or LZF (compressed
 * length, plain length, data). A module value of Redis 5+ (type 7) is the
 * module's id and items (each a length opcode: integers, floats, strings,
 * end), its strings written as "KEY: string"; Redis 4's module values
 * (type 6) and type 22 (a hash with field expiry of Redis 7.4's release
 * candidates, a different hash in Valkey 9) cannot be skipped without
 * their module or layout: reading stops there, `unsupported`. Hashes with
 * field expiry of Redis 7.4+ (rdb.c): type 23/25 a listpack of field,
 * value, expiry triples (25 after an 8-byte least expiry), type 24 an
 * 8-byte least expiry, a count, and per field its expiry (a length), field
 * and value; written as hashes, the expiries left out.
 *
 * Attacker-controlled: every length and count. Counts are checked against
 * the bytes left (each element takes at least one byte), LZF output
 * against its declared length and RD_LZF_MAX, decompressed bytes are
 * charged to the root's budget, and the clock is read every RD_TICK keys.
 */
#include "core/handler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RD_VALUE_MAX (1u << 20)  /* bytes of a key or hash field kept */
#define RD_KEY_OUT 128u          /* last bytes of a key written before its values */
#define RD_LZF_MAX (64u << 20)   /* declared plain length of one LZF string */
#define RD_TICK 1024u            /* keys between clock checks */
#define RD_FLUSH (64u * 1024u)   /* text handed over in pieces of about this */
#define RD_STREAM_IDS (1u << 24) /* pending entries or consumers of one stream group */

enum { RD_T_STRING = 0, RD_T_LIST = 1, RD_T_SET = 2, RD_T_ZSET = 3, RD_T_HASH = 4, RD_T_ZSET2 = 5,
       RD_T_HASH_TTL = 24 };

struct rd {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf line;     /* text not yet handed over */
    struct ls_buf key;      /* the current key */
    struct ls_buf a, b;     /* decoded strings: a field and its value */
    struct ls_buf blob;     /* a ziplist/listpack/intset */
    unsigned version;
    bool full;              /* the text budget is spent */
    const char *why;        /* what stopped the walk (for the note) */
    ls_err stop;            /* LS_E_CORRUPT, LS_E_TRUNCATED, LS_E_UNSUPPORTED, LS_E_LIMIT */
};

/* ---------------------------------------------------------------- output */

/* Hands the text over once RD_FLUSH bytes are waiting (a hash line too:
 * the pieces join up). Once the object's text budget is spent it returns
 * LS_E_LIMIT, so every walk stops there instead of growing the line. */
static ls_err rd_flush(struct rd *r, bool force)
{
    if (r->full) {
        ls_buf_reset(&r->line);
        return LS_E_LIMIT;
    }
    if (r->line.len == 0 || (!force && r->line.len < RD_FLUSH)) return LS_OK;
    ls_err e = ls_emit_text(r->c, r->o, r->line.ptr, r->line.len);
    ls_buf_reset(&r->line);
    if (e == LS_E_LIMIT) r->full = true;
    return e;
}

/* A whole value, handed over in pieces of RD_FLUSH bytes (a 3 MB cached
 * page is read to its end; the text budget is what stops it). */
static ls_err rd_put(struct rd *r, struct ls_slice s)
{
    for (size_t i = 0; i < s.len;) {
        size_t n = s.len - i < RD_FLUSH ? s.len - i : RD_FLUSH;
        LS_TRY(ls_buf_reserve(&r->line, n));
        for (size_t end = i + n; i < end; i++) {
            int ch = ls_slice_at(s, i);
            LS_TRY(ls_buf_addc(&r->line, (ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7f ? ' ' : (uint8_t)ch));
        }
        LS_TRY(rd_flush(r, false));
    }
    return LS_OK;
}

static ls_err rd_put_key(struct rd *r)
{
    struct ls_slice k = ls_buf_slice(&r->key);
    if (k.len > RD_KEY_OUT) (void)ls_slice_from(k, k.len - RD_KEY_OUT, &k);
    return rd_put(r, k);
}

/* Makes s the current key (its first RD_VALUE_MAX bytes). Elements carry
 * only its last RD_KEY_OUT bytes, so a longer key is written whole on a
 * line of its own first (a key is data too: "login:jane@...:..."). */
static ls_err rd_set_key(struct rd *r, struct ls_slice s, bool whole)
{
    if (s.len > RD_VALUE_MAX) s.len = RD_VALUE_MAX;
    ls_buf_reset(&r->key);
    LS_TRY(ls_buf_add(&r->key, s.ptr, s.len));
    if (s.len <= RD_KEY_OUT || !whole) return LS_OK;
    LS_TRY(rd_put(r, s));
    LS_TRY(ls_buf_addc(&r->line, '\n'));
    return rd_flush(r, false);
}

/* "KEY: element\n" */
static ls_err rd_element(struct rd *r, struct ls_slice v)
{
    LS_TRY(rd_put_key(r));
    LS_TRY(ls_buf_adds(&r->line, ": "));
    LS_TRY(rd_put(r, v));
    LS_TRY(ls_buf_addc(&r->line, '\n'));
    return rd_flush(r, false);
}

/* "<TAB>field: value" of a hash line (the line is opened by the key) */
static ls_err rd_pair(struct rd *r, struct ls_slice f, struct ls_slice v)
{
    LS_TRY(ls_buf_addc(&r->line, '\t'));
    LS_TRY(rd_put(r, f));
    LS_TRY(ls_buf_adds(&r->line, ": "));
    LS_TRY(rd_put(r, v));
    return rd_flush(r, false);
}

/* --------------------------------------------------------------- strings */

static bool rd_fail(struct rd *r, ls_err e, const char *why)
{
    if (r->stop == LS_OK) {
        r->stop = e;
        r->why = why;
    }
    return false;
}

/* An RDB length; *special: the low 6 bits of a special-string marker. */
static bool rd_len(struct rd *r, struct ls_cursor *cur, uint64_t *n, int *special)
{
    uint8_t b0, b1;
    *special = -1;
    if (ls_cur_u8(cur, &b0) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside a length");
    switch (b0 >> 6) {
    case 0: *n = b0 & 0x3f; return true;
    case 1:
        if (ls_cur_u8(cur, &b1) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside a length");
        *n = (uint64_t)(b0 & 0x3f) << 8 | b1;
        return true;
    case 2:
        if (b0 == 0x80) {
            uint32_t v;
            if (ls_cur_u32be(cur, &v) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside a length");
            *n = v;
            return true;
        }
        if (b0 == 0x81) {
            uint32_t hi, lo;
            if (ls_cur_u32be(cur, &hi) != LS_OK || ls_cur_u32be(cur, &lo) != LS_OK)
                return rd_fail(r, LS_E_TRUNCATED, "cut inside a length");
            *n = (uint64_t)hi << 32 | lo;
            return true;
        }
        return rd_fail(r, LS_E_CORRUPT, "a length with an unknown encoding");
    default: *special = b0 & 0x3f; *n = 0; return true;
    }
}

/* A length that counts elements of at least `each` bytes: no more than fit. */
static bool rd_count(struct rd *r, struct ls_cursor *cur, uint64_t each, uint64_t *n)
{
    int special;
    if (!rd_len(r, cur, n, &special)) return false;
    if (special >= 0) return rd_fail(r, LS_E_CORRUPT, "a count encoded as a string");
    if (*n > ls_cur_left(cur) / each) return rd_fail(r, LS_E_TRUNCATED, "more elements than bytes left");
    return true;
}

/* liblzf's decompressor: literal runs (control < 32: that many plus one
 * bytes) and back references (length in the top 3 bits, 7 meaning a byte
 * follows, plus 2; offset from the low 5 bits and a byte, plus 1). */
static bool rd_unlzf(struct ls_slice in, struct ls_buf *out, size_t want)
{
    struct ls_cursor cur = ls_cur_make(in);
    while (ls_cur_left(&cur) > 0) {
        uint8_t ctrl;
        (void)ls_cur_u8(&cur, &ctrl);
        if (ctrl < 32) {
            struct ls_slice lit;
            if (ctrl + 1u > want - out->len || ls_cur_take(&cur, ctrl + 1u, &lit) != LS_OK) return false;
            if (ls_buf_add(out, lit.ptr, lit.len) != LS_OK) return false;
            continue;
        }
        size_t len = ctrl >> 5;
        uint8_t x;
        if (len == 7) {
            if (ls_cur_u8(&cur, &x) != LS_OK) return false;
            len += x;
        }
        len += 2;
        if (ls_cur_u8(&cur, &x) != LS_OK) return false;
        size_t back = ((size_t)(ctrl & 0x1f) << 8 | x) + 1;
        if (back > out->len || len > want - out->len) return false;
        if (ls_buf_reserve(out, len) != LS_OK) return false;
        for (size_t i = 0; i < len; i++) /* may overlap itself: byte by byte */
            if (ls_buf_addc(out, out->ptr[out->len - back]) != LS_OK) return false;
    }
    return out->len == want;
}

/* An RDB string into *v (borrowed from the input, or decoded into buf). */
static bool rd_str(struct rd *r, struct ls_cursor *cur, struct ls_buf *buf, struct ls_slice *v)
{
    uint64_t n;
    int special;
    if (!rd_len(r, cur, &n, &special)) return false;
    ls_buf_reset(buf);
    if (special < 0) {
        if (ls_cur_take(cur, (size_t)(n < SIZE_MAX ? n : SIZE_MAX), v) != LS_OK)
            return rd_fail(r, LS_E_TRUNCATED, "cut inside a string");
        return true;
    }
    if (special <= 2) { /* an integer, little-endian */
        uint8_t b[4] = {0, 0, 0, 0};
        size_t w = (size_t)1 << special;
        for (size_t i = 0; i < w; i++)
            if (ls_cur_u8(cur, &b[i]) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside an integer");
        long long x = special == 0 ? (int8_t)b[0]
                      : special == 1 ? (int16_t)(uint16_t)(b[0] | b[1] << 8)
                                     : (int32_t)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
                                                 (uint32_t)b[3] << 24);
        if (ls_buf_printf(buf, "%lld", x) != LS_OK) return rd_fail(r, LS_E_LIMIT, "out of memory");
        *v = ls_buf_slice(buf);
        return true;
    }
    if (special != 3) return rd_fail(r, LS_E_CORRUPT, "a string with an unknown encoding");
    uint64_t clen, plen;
    int s2;
    struct ls_slice comp;
    if (!rd_len(r, cur, &clen, &s2)) return false;
    if (s2 >= 0) return rd_fail(r, LS_E_CORRUPT, "an LZF length encoded as a string");
    if (!rd_len(r, cur, &plen, &s2)) return false;
    if (s2 >= 0) return rd_fail(r, LS_E_CORRUPT, "an LZF length encoded as a string");
    if (ls_cur_take(cur, (size_t)(clen < SIZE_MAX ? clen : SIZE_MAX), &comp) != LS_OK)
        return rd_fail(r, LS_E_TRUNCATED, "cut inside an LZF string");
    if (plen > RD_LZF_MAX) return rd_fail(r, LS_E_LIMIT, "an LZF string longer than 64 MiB");
    if (ls_budget_charge(r->c, r->o, plen) != LS_OK) return rd_fail(r, LS_E_LIMIT, "the root's byte budget");
    if (!rd_unlzf(comp, buf, (size_t)plen)) return rd_fail(r, LS_E_CORRUPT, "a damaged LZF string");
    *v = ls_buf_slice(buf);
    return true;
}

/* --------------------------------------------- ziplist, listpack, intset */

/* One element of a ziplist/listpack: a string slice, or an integer
 * written into num. */
struct rd_elem {
    struct ls_slice s;
    char num[24];
};

static void rd_num(struct rd_elem *e, long long x)
{
    int k = snprintf(e->num, sizeof e->num, "%lld", x);
    e->s = ls_slice_make(e->num, k > 0 ? (size_t)k : 0);
}

static long long rd_le(struct ls_slice s, size_t n)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) x |= (uint64_t)(uint8_t)ls_slice_at(s, i) << (8 * i);
    if (n < 8 && (x >> (8 * n - 1)) & 1) x |= ~(uint64_t)0 << (8 * n); /* sign */
    return (long long)x;
}

/* Next ziplist entry; false at the end marker or on damage (*bad). */
static bool zl_next(struct ls_cursor *cur, struct rd_elem *e, bool *bad)
{
    uint8_t p, enc, b;
    struct ls_slice raw;
    if (ls_cur_u8(cur, &p) != LS_OK) return !(*bad = true);
    if (p == 0xff) return false;
    if (p == 0xfe && ls_cur_skip(cur, 4) != LS_OK) return !(*bad = true);
    if (ls_cur_u8(cur, &enc) != LS_OK) return !(*bad = true);
    size_t len;
    switch (enc >> 6) {
    case 0: len = enc & 0x3f; break;
    case 1:
        if (ls_cur_u8(cur, &b) != LS_OK) return !(*bad = true);
        len = (size_t)(enc & 0x3f) << 8 | b;
        break;
    case 2: {
        uint32_t v;
        if (ls_cur_u32be(cur, &v) != LS_OK) return !(*bad = true);
        len = v;
        break;
    }
    default: {
        size_t w = enc == 0xc0 ? 2 : enc == 0xd0 ? 4 : enc == 0xe0 ? 8 : enc == 0xf0 ? 3 : enc == 0xfe ? 1 : 0;
        if (w == 0) {
            if (enc < 0xf1 || enc > 0xfd) return !(*bad = true);
            rd_num(e, (long long)(enc & 0x0f) - 1);
            return true;
        }
        if (ls_cur_take(cur, w, &raw) != LS_OK) return !(*bad = true);
        rd_num(e, rd_le(raw, w));
        return true;
    }
    }
    if (ls_cur_take(cur, len, &e->s) != LS_OK) return !(*bad = true);
    return true;
}

/* Next listpack entry and its back-length; false at the end or on damage. */
static bool lp_next(struct ls_cursor *cur, struct rd_elem *e, bool *bad)
{
    uint8_t enc, b;
    struct ls_slice raw;
    size_t start = cur->pos, len = 0;
    if (ls_cur_u8(cur, &enc) != LS_OK) return !(*bad = true);
    if (enc == 0xff) return false;
    if ((enc & 0x80) == 0) {
        rd_num(e, enc);
    } else if ((enc & 0xc0) == 0x80) {
        len = enc & 0x3f;
    } else if ((enc & 0xe0) == 0xc0) {
        if (ls_cur_u8(cur, &b) != LS_OK) return !(*bad = true);
        long long x = (long long)((enc & 0x1f) << 8 | b);
        rd_num(e, x >= 4096 ? x - 8192 : x);
    } else if ((enc & 0xf0) == 0xe0) {
        if (ls_cur_u8(cur, &b) != LS_OK) return !(*bad = true);
        len = (size_t)(enc & 0x0f) << 8 | b;
    } else if (enc == 0xf0) {
        uint32_t v;
        if (ls_cur_u32le(cur, &v) != LS_OK) return !(*bad = true);
        len = v;
    } else if (enc >= 0xf1 && enc <= 0xf4) {
        size_t w = enc == 0xf1 ? 2 : enc == 0xf2 ? 3 : enc == 0xf3 ? 4 : 8;
        if (ls_cur_take(cur, w, &raw) != LS_OK) return !(*bad = true);
        rd_num(e, rd_le(raw, w));
    } else {
        return !(*bad = true);
    }
    if ((enc & 0xc0) == 0x80 || (enc & 0xf0) == 0xe0 || enc == 0xf0)
        if (ls_cur_take(cur, len, &e->s) != LS_OK) return !(*bad = true);
    size_t used = cur->pos - start;
    size_t back = used <= 127 ? 1 : used < 16383 ? 2 : used < 2097151 ? 3 : used < 268435455 ? 4 : 5;
    if (ls_cur_skip(cur, back) != LS_OK) return !(*bad = true);
    return true;
}

enum rd_blob { RD_ZIPLIST, RD_LISTPACK, RD_INTSET, RD_ZIPMAP };

/* How a blob's elements are written: as "KEY: element" lines, as hash
 * pairs, as sorted-set pairs (member, score: the score left out), or as
 * hash triples with field expiry (field, value, expiry: left out). */
enum rd_shape { RD_ELEMENTS, RD_PAIRS, RD_MEMBERS, RD_TRIPLES };

struct rd_walk {
    struct rd *r;
    enum rd_shape shape;
    size_t i;          /* elements seen */
    struct ls_buf *field;
};

static ls_err rd_walk_one(struct rd_walk *w, struct ls_slice s)
{
    size_t i = w->i++;
    if (w->shape == RD_ELEMENTS) return rd_element(w->r, s);
    if (w->shape == RD_MEMBERS) return i % 2 == 0 ? rd_element(w->r, s) : LS_OK;
    if (w->shape == RD_TRIPLES) {
        if (i % 3 == 2) return LS_OK;
        i = i / 3 * 2 + i % 3;
    }
    if (i % 2 == 0) {
        ls_buf_reset(w->field);
        return ls_buf_add(w->field, s.ptr, s.len < RD_VALUE_MAX ? s.len : RD_VALUE_MAX);
    }
    return rd_pair(w->r, ls_buf_slice(w->field), s);
}

/* The zipmap of Redis < 2.6 hashes: a count byte, then entries of a key
 * length, key, value length, a free-bytes count, value and free bytes. */
static bool zm_len(struct ls_cursor *cur, size_t *n, bool *end)
{
    uint8_t b;
    *end = false;
    if (ls_cur_u8(cur, &b) != LS_OK) return false;
    if (b == 0xff) {
        *end = true;
        return true;
    }
    if (b < 254) {
        *n = b;
        return true;
    }
    uint32_t v;
    if (b != 254 || ls_cur_u32le(cur, &v) != LS_OK) return false;
    *n = v;
    return true;
}

static ls_err rd_zipmap(struct rd_walk *w, struct ls_cursor *cur, bool *bad)
{
    if (ls_cur_skip(cur, 1) != LS_OK) return *bad = true, LS_OK;
    for (;;) {
        size_t n;
        bool end;
        struct ls_slice k, v;
        uint8_t fr;
        if (!zm_len(cur, &n, &end)) return *bad = true, LS_OK;
        if (end) return LS_OK;
        if (ls_cur_take(cur, n, &k) != LS_OK || !zm_len(cur, &n, &end) || end || ls_cur_u8(cur, &fr) != LS_OK ||
            ls_cur_take(cur, n, &v) != LS_OK || ls_cur_skip(cur, fr) != LS_OK)
            return *bad = true, LS_OK;
        LS_TRY(rd_walk_one(w, k));
        LS_TRY(rd_walk_one(w, v));
    }
}

/* Writes the elements of a blob; *bad when its structure is damaged. */
static ls_err rd_blob(struct rd_walk *w, struct ls_slice blob, enum rd_blob kind, bool *bad)
{
    struct ls_cursor cur = ls_cur_make(blob);
    struct rd_elem e;
    *bad = false;
    switch (kind) {
    case RD_ZIPMAP: return rd_zipmap(w, &cur, bad);
    case RD_INTSET: {
        uint32_t width, count;
        if (ls_cur_u32le(&cur, &width) != LS_OK || ls_cur_u32le(&cur, &count) != LS_OK ||
            (width != 2 && width != 4 && width != 8) || count > ls_cur_left(&cur) / width)
            return *bad = true, LS_OK;
        for (uint32_t i = 0; i < count; i++) {
            struct ls_slice raw;
            (void)ls_cur_take(&cur, width, &raw);
            rd_num(&e, rd_le(raw, width));
            LS_TRY(rd_walk_one(w, e.s));
        }
        return LS_OK;
    }
    case RD_ZIPLIST:
        if (ls_cur_skip(&cur, 10) != LS_OK) return *bad = true, LS_OK;
        while (zl_next(&cur, &e, bad)) {
            LS_TRY(rd_walk_one(w, e.s));
            e.s = ls_slice_make(NULL, 0);
        }
        return LS_OK;
    case RD_LISTPACK:
        if (ls_cur_skip(&cur, 6) != LS_OK) return *bad = true, LS_OK;
        while (lp_next(&cur, &e, bad)) {
            LS_TRY(rd_walk_one(w, e.s));
            e.s = ls_slice_make(NULL, 0);
        }
        return LS_OK;
    }
    return LS_OK;
}

/* A blob-encoded value: one string holding the blob. */
static ls_err rd_blob_value(struct rd *r, struct ls_cursor *cur, enum rd_blob kind, enum rd_shape shape)
{
    struct ls_slice blob;
    if (!rd_str(r, cur, &r->blob, &blob)) return LS_OK;
    struct rd_walk w = {r, shape, 0, &r->a};
    bool line = shape == RD_PAIRS || shape == RD_TRIPLES;
    if (line) LS_TRY(rd_put_key(r));
    bool bad = false;
    ls_err e = rd_blob(&w, blob, kind, &bad);
    if (line) LS_TRY(ls_buf_addc(&r->line, '\n'));
    if (bad) rd_fail(r, LS_E_CORRUPT, "a damaged ziplist, listpack or intset");
    LS_TRY(e);
    return rd_flush(r, false);
}

/* ---------------------------------------------------------------- values */

/* An integer element of a stream listpack. */
static bool lp_int(struct ls_cursor *cur, long long *v)
{
    struct rd_elem e;
    bool bad = false;
    e.num[0] = 0;
    e.s = ls_slice_make(NULL, 0);
    if (!lp_next(cur, &e, &bad) || e.s.ptr != (const uint8_t *)e.num) return false;
    char *end;
    *v = strtoll(e.num, &end, 10);
    return true;
}

static bool lp_str(struct ls_cursor *cur, struct rd_elem *e)
{
    bool bad = false;
    e->s = ls_slice_make(NULL, 0);
    return lp_next(cur, e, &bad);
}

/* A stream node's listpack (t_stream.c): the master entry (count, deleted,
 * the number of master fields, the fields, 0), then per entry its flags,
 * ID deltas, the fields (unless flag 2 says the master's) and values, and
 * its element count. Each entry is written as a hash line. */
static bool rd_stream_node(struct rd *r, struct ls_slice lp)
{
    struct ls_cursor cur = ls_cur_make(lp), mf;
    long long count, deleted, nmaster, x, flags;
    if (ls_cur_skip(&cur, 6) != LS_OK || !lp_int(&cur, &count) || !lp_int(&cur, &deleted) ||
        !lp_int(&cur, &nmaster) || nmaster < 0 || (uint64_t)nmaster > ls_cur_left(&cur))
        return false;
    /* each entry takes at least 3 bytes: no more than fit (and no overflow) */
    if (count < 0 || deleted < 0 || (uint64_t)count > ls_cur_left(&cur) || (uint64_t)deleted > ls_cur_left(&cur))
        return false;
    mf = cur; /* the master fields */
    struct rd_elem f, v;
    for (long long i = 0; i < nmaster; i++)
        if (!lp_str(&cur, &f)) return false;
    if (!lp_int(&cur, &x)) return false;
    for (long long k = 0; k < count + deleted; k++) {
        long long nf = nmaster;
        if (!lp_int(&cur, &flags) || !lp_int(&cur, &x) || !lp_int(&cur, &x)) return false;
        bool same = (flags & 2) != 0;
        if (!same && (!lp_int(&cur, &nf) || nf < 0 || (uint64_t)nf > ls_cur_left(&cur))) return false;
        struct ls_cursor fields = mf;
        if (rd_put_key(r) != LS_OK) return false;
        for (long long i = 0; i < nf; i++) {
            if (!lp_str(same ? &fields : &cur, &f) || !lp_str(&cur, &v)) return false;
            /* f may point into its own num[]: copy before the next read */
            ls_buf_reset(&r->a);
            if (ls_buf_add(&r->a, f.s.ptr, f.s.len) != LS_OK) return false;
            /* deleted entries too: their values are still in the file */
            if (rd_pair(r, ls_buf_slice(&r->a), v.s) != LS_OK) return false;
        }
        if (ls_buf_addc(&r->line, '\n') != LS_OK || !lp_int(&cur, &x)) return false;
        if (rd_flush(r, false) != LS_OK) return false;
    }
    return true;
}

/* A stream (types 15, 19, 21): its nodes' entries, then the metadata and
 * consumer groups, of which the group and consumer names are written (a
 * consumer is often named after a person or host). */
static ls_err rd_stream(struct rd *r, struct ls_cursor *cur, unsigned type)
{
    uint64_t n, x;
    int sp;
    struct ls_slice s;
    if (!rd_count(r, cur, 2, &n)) return LS_OK;
    for (uint64_t i = 0; i < n; i++) {
        if (!rd_str(r, cur, &r->b, &s)) return LS_OK; /* the node's first entry ID */
        if (!rd_str(r, cur, &r->blob, &s)) return LS_OK;
        if (!rd_stream_node(r, s)) { /* write what it holds as elements */
            if (r->full) return LS_E_LIMIT;
            if (r->line.len && ls_buf_addc(&r->line, '\n') != LS_OK) return LS_E_NOMEM;
            struct rd_walk w = {r, RD_ELEMENTS, 0, &r->a};
            bool bad = false;
            LS_TRY(rd_blob(&w, s, RD_LISTPACK, &bad));
            return rd_fail(r, LS_E_CORRUPT, "a damaged stream node"), LS_OK;
        }
        LS_TRY(rd_flush(r, false));
    }
    /* length, last ID; from type 19 the first ID, max deleted ID, entries added */
    unsigned lens = type >= 19 ? 8 : 3;
    for (unsigned i = 0; i < lens; i++)
        if (!rd_len(r, cur, &x, &sp)) return LS_OK;
    uint64_t groups;
    if (!rd_count(r, cur, 3, &groups)) return LS_OK;
    for (uint64_t g = 0; g < groups; g++) { /* group and consumer names as "KEY: name" */
        if (!rd_str(r, cur, &r->a, &s)) return LS_OK;
        LS_TRY(rd_element(r, s));
        for (unsigned i = 0; i < (type >= 19 ? 3u : 2u); i++)
            if (!rd_len(r, cur, &x, &sp)) return LS_OK;
        uint64_t pel;
        if (!rd_count(r, cur, 25, &pel)) return LS_OK;
        for (uint64_t p = 0; p < pel; p++) {
            if (ls_cur_skip(cur, 24) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside a stream"), LS_OK;
            if (!rd_len(r, cur, &x, &sp)) return LS_OK;
        }
        uint64_t consumers;
        if (!rd_count(r, cur, 9, &consumers)) return LS_OK;
        for (uint64_t k = 0; k < consumers; k++) {
            if (!rd_str(r, cur, &r->a, &s)) return LS_OK;
            LS_TRY(rd_element(r, s));
            if (ls_cur_skip(cur, type >= 21 ? 16 : 8) != LS_OK)
                return rd_fail(r, LS_E_TRUNCATED, "cut inside a stream"), LS_OK;
            uint64_t ids;
            if (!rd_count(r, cur, 16, &ids) || ids > RD_STREAM_IDS || ls_cur_skip(cur, (size_t)ids * 16) != LS_OK)
                return rd_fail(r, LS_E_TRUNCATED, "cut inside a stream"), LS_OK;
        }
    }
    return LS_OK;
}

/* A value of one of the plain types (a count, then strings); a hash with
 * field expiry (RD_T_HASH_TTL) has each field's expiry (a length) first. */
static ls_err rd_plain(struct rd *r, struct ls_cursor *cur, unsigned type)
{
    struct ls_slice s, v;
    uint64_t n, ttl;
    int sp;
    if (type == RD_T_STRING) {
        if (!rd_str(r, cur, &r->b, &v)) return LS_OK;
        return rd_element(r, v);
    }
    if (!rd_count(r, cur, 1, &n)) return LS_OK;
    bool hash = type == RD_T_HASH || type == RD_T_HASH_TTL;
    if (hash) LS_TRY(rd_put_key(r));
    for (uint64_t i = 0; i < n; i++) {
        if (type == RD_T_HASH_TTL && !rd_len(r, cur, &ttl, &sp)) break;
        if (!rd_str(r, cur, &r->a, &s)) break;
        if (hash) {
            if (!rd_str(r, cur, &r->b, &v)) break;
            LS_TRY(rd_pair(r, s, v));
            continue;
        }
        LS_TRY(rd_element(r, s));
        if (type == RD_T_ZSET) { /* a score as a string: one length byte, 253-255 NaN/inf */
            uint8_t k;
            if (ls_cur_u8(cur, &k) != LS_OK || (k < 253 && ls_cur_skip(cur, k) != LS_OK)) {
                rd_fail(r, LS_E_TRUNCATED, "cut inside a score");
                break;
            }
        } else if (type == RD_T_ZSET2 && ls_cur_skip(cur, 8) != LS_OK) {
            rd_fail(r, LS_E_TRUNCATED, "cut inside a score");
            break;
        }
    }
    if (hash) LS_TRY(ls_buf_addc(&r->line, '\n'));
    return rd_flush(r, false);
}

/* A quicklist (14: ziplists; 18: nodes of a container kind and a string). */
static ls_err rd_quicklist(struct rd *r, struct ls_cursor *cur, unsigned type)
{
    uint64_t n, kind = 2;
    int sp;
    if (!rd_count(r, cur, 2, &n)) return LS_OK;
    for (uint64_t i = 0; i < n && r->stop == LS_OK; i++) {
        if (type == 18 && !rd_len(r, cur, &kind, &sp)) return LS_OK;
        if (type == 18 && kind == 1) { /* PLAIN: one large element */
            struct ls_slice v;
            if (!rd_str(r, cur, &r->b, &v)) return LS_OK;
            LS_TRY(rd_element(r, v));
            continue;
        }
        LS_TRY(rd_blob_value(r, cur, type == 18 ? RD_LISTPACK : RD_ZIPLIST, RD_ELEMENTS));
    }
    return LS_OK;
}

/* ---------------------------------------------------------------- modules */

/* The name in a module type id (module.c's moduleTypeEncodeId): nine
 * characters of six bits from the top, then ten bits of encoding version. */
static void rd_module_name(uint64_t id, char name[10])
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (unsigned i = 0; i < 9; i++) name[i] = set[(id >> (10 + 6 * (8 - i))) & 63];
    name[9] = 0;
}

/* What a module saved from Redis 5 on (RDB_TYPE_MODULE_2 values and
 * module aux data): each item a length opcode, 1/2 an integer (a length),
 * 3 a float (4 bytes), 4 a double (8), 5 a string, 0 the end. Its strings
 * are written as "KEY: string"; each item takes at least one byte. */
static ls_err rd_module(struct rd *r, struct ls_cursor *cur)
{
    for (;;) {
        uint64_t op, x;
        int sp;
        struct ls_slice s;
        if (!rd_len(r, cur, &op, &sp)) return LS_OK;
        if (sp >= 0 || op > 5) return rd_fail(r, LS_E_CORRUPT, "a module value with an unknown opcode"), LS_OK;
        if (op == 0) return LS_OK;
        if (op <= 2 && !rd_len(r, cur, &x, &sp)) return LS_OK;
        if ((op == 3 || op == 4) && ls_cur_skip(cur, op == 3 ? 4 : 8) != LS_OK)
            return rd_fail(r, LS_E_TRUNCATED, "cut inside a module value"), LS_OK;
        if (op == 5) {
            if (!rd_str(r, cur, &r->b, &s)) return LS_OK;
            LS_TRY(rd_element(r, s));
        }
    }
}

/* A module value (type 7): the module's id, then its items. */
static ls_err rd_module_value(struct rd *r, struct ls_cursor *cur)
{
    uint64_t id;
    int sp;
    if (!rd_len(r, cur, &id, &sp)) return LS_OK;
    if (sp >= 0) return rd_fail(r, LS_E_CORRUPT, "a module id encoded as a string"), LS_OK;
    return rd_module(r, cur);
}

/* Module aux data (opcode 0xF7): the module's id, a UINT opcode and when
 * it was saved, then its items, written under the module's name. */
static ls_err rd_module_aux(struct rd *r, struct ls_cursor *cur)
{
    uint64_t id, x;
    int sp;
    char name[10];
    if (!rd_len(r, cur, &id, &sp) || !rd_len(r, cur, &x, &sp) || !rd_len(r, cur, &x, &sp)) return LS_OK;
    rd_module_name(id, name);
    ls_buf_reset(&r->key);
    LS_TRY(ls_buf_adds(&r->key, name));
    return rd_module(r, cur);
}

static ls_err rd_value(struct rd *r, struct ls_cursor *cur, unsigned type)
{
    switch (type) {
    case RD_T_STRING: case RD_T_LIST: case RD_T_SET: case RD_T_ZSET: case RD_T_HASH: case RD_T_ZSET2:
        return rd_plain(r, cur, type);
    case 9: return rd_blob_value(r, cur, RD_ZIPMAP, RD_PAIRS);
    case 10: return rd_blob_value(r, cur, RD_ZIPLIST, RD_ELEMENTS);
    case 11: return rd_blob_value(r, cur, RD_INTSET, RD_ELEMENTS);
    case 12: return rd_blob_value(r, cur, RD_ZIPLIST, RD_MEMBERS);
    case 13: return rd_blob_value(r, cur, RD_ZIPLIST, RD_PAIRS);
    case 14: case 18: return rd_quicklist(r, cur, type);
    case 15: case 19: case 21: return rd_stream(r, cur, type);
    case 16: return rd_blob_value(r, cur, RD_LISTPACK, RD_PAIRS);
    case 17: return rd_blob_value(r, cur, RD_LISTPACK, RD_MEMBERS);
    case 20: return rd_blob_value(r, cur, RD_LISTPACK, RD_ELEMENTS);
    case 23: case 25: /* a listpack of field, value, expiry; 25 after the least expiry (8 bytes) */
        if (type == 25 && ls_cur_skip(cur, 8) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside a hash"), LS_OK;
        return rd_blob_value(r, cur, RD_LISTPACK, RD_TRIPLES);
    case RD_T_HASH_TTL: /* the least expiry (8 bytes), then per field its expiry, field and value */
        if (ls_cur_skip(cur, 8) != LS_OK) return rd_fail(r, LS_E_TRUNCATED, "cut inside a hash"), LS_OK;
        return rd_plain(r, cur, type);
    case 7: return rd_module_value(r, cur);
    case 6: rd_fail(r, LS_E_UNSUPPORTED, "a module value of Redis 4 (its layout is the module's)"); return LS_OK;
    default:
        if (type == 22) { /* Redis 7.4's release candidates and Valkey 9 gave it two layouts */
            rd_fail(r, LS_E_UNSUPPORTED, "a hash of type 22 (Redis 7.4 RC or Valkey 9)");
            return LS_OK;
        }
        rd_fail(r, LS_E_CORRUPT, "an unknown value type");
        return LS_OK;
    }
}

/* ------------------------------------------------------------------- RDB */

/* "REDIS", four digits and an opcode (0xF4-0xFF: every writer starts
 * with aux fields, module aux data, functions, a database selector or the
 * end), so a note that starts "REDIS2024 cutover" stays text. */
static bool rd_is_rdb(struct ls_slice d)
{
    if (!ls_slice_starts(d, "REDIS", 5) || d.len < 10 || ls_slice_at(d, 9) < 0xf4) return false;
    for (size_t i = 5; i < 9; i++)
        if (ls_slice_at(d, i) < '0' || ls_slice_at(d, i) > '9') return false;
    return true;
}

/* Walks an RDB from cur; *end is where its end marker and checksum end. */
static ls_err rd_rdb(struct rd *r, struct ls_cursor *cur, size_t *end)
{
    struct ls_slice s;
    uint64_t x;
    int sp;
    *end = 0;
    (void)ls_cur_skip(cur, 9);
    for (size_t keys = 0; r->stop == LS_OK && !r->full;) {
        uint8_t op;
        if (ls_cur_u8(cur, &op) != LS_OK) {
            rd_fail(r, LS_E_TRUNCATED, "no end marker");
            break;
        }
        if (op == 0xff) {
            (void)ls_cur_skip(cur, r->version >= 5 ? 8 : 0);
            *end = cur->pos;
            break;
        }
        bool ok = true;
        switch (op) {
        case 0xfa: ok = rd_str(r, cur, &r->a, &s) && rd_str(r, cur, &r->b, &s); break;
        case 0xfb: ok = rd_len(r, cur, &x, &sp) && rd_len(r, cur, &x, &sp); break;
        case 0xfe: case 0xf8: ok = rd_len(r, cur, &x, &sp); break;
        case 0xfd: ok = ls_cur_skip(cur, 4) == LS_OK || rd_fail(r, LS_E_TRUNCATED, "cut inside an expiry"); break;
        case 0xfc: ok = ls_cur_skip(cur, 8) == LS_OK || rd_fail(r, LS_E_TRUNCATED, "cut inside an expiry"); break;
        case 0xf9: ok = ls_cur_skip(cur, 1) == LS_OK || rd_fail(r, LS_E_TRUNCATED, "cut inside a frequency"); break;
        case 0xf7: LS_TRY(rd_module_aux(r, cur)); break;
        case 0xf5: /* a function library: its code (Lua) as "FUNCTION: code" */
            if (!rd_str(r, cur, &r->a, &s)) break;
            ls_buf_reset(&r->key);
            LS_TRY(ls_buf_adds(&r->key, "FUNCTION"));
            LS_TRY(rd_element(r, s));
            break;
        case 0xf6: rd_fail(r, LS_E_UNSUPPORTED, "a function of Redis 7.0's release candidates"); ok = false; break;
        case 0xf4: ok = rd_len(r, cur, &x, &sp) && rd_len(r, cur, &x, &sp) && rd_len(r, cur, &x, &sp); break;
        default:
            if (++keys % RD_TICK == 0 && ls_ctx_expired(r->c)) return LS_E_TIMEOUT;
            if (!rd_str(r, cur, &r->a, &s)) break;
            LS_TRY(rd_set_key(r, s, true));
            LS_TRY(rd_value(r, cur, op));
            break;
        }
        if (!ok) break;
    }
    return LS_OK;
}

/* ------------------------------------------------------------------- AOF */

/* "*N\r\n" or "$N\r\n": the number after the marker. */
static bool resp_num(struct ls_cursor *cur, uint8_t mark, uint64_t *n)
{
    uint8_t ch;
    if (ls_cur_u8(cur, &ch) != LS_OK || ch != mark) return false;
    uint64_t v = 0;
    size_t digits = 0;
    while (ls_cur_u8(cur, &ch) == LS_OK && ch >= '0' && ch <= '9' && digits < 18) {
        v = v * 10 + (uint64_t)(ch - '0');
        digits++;
    }
    if (digits == 0 || ch != '\r' || ls_cur_u8(cur, &ch) != LS_OK || ch != '\n') return false;
    *n = v;
    return true;
}

static bool resp_arg(struct ls_cursor *cur, struct ls_slice *v)
{
    uint64_t n;
    struct ls_slice crlf;
    return resp_num(cur, '$', &n) && n <= ls_cur_left(cur) && ls_cur_take(cur, (size_t)n, v) == LS_OK &&
           ls_cur_take(cur, 2, &crlf) == LS_OK && ls_slice_starts(crlf, "\r\n", 2);
}

static bool word_is(struct ls_slice s, const char *w)
{
    size_t n = strlen(w);
    if (s.len != n) return false;
    for (size_t i = 0; i < n; i++) {
        int ch = ls_slice_at(s, i);
        if ((ch >= 'a' && ch <= 'z' ? ch - 32 : ch) != w[i]) return false;
    }
    return true;
}

#define RESP_ARGS 64u /* arguments of one command kept at once (the rest in groups) */

/* Where a command's data starts: MSET's pairs at 1; SETEX's value at 3;
 * XADD's fields after [NOMKSTREAM] [MAXLEN|MINID [=|~] n [LIMIT n]] ID;
 * ZADD's score-member pairs after its option words; any other after the
 * key. */
static size_t resp_first(const struct ls_slice *a, size_t n)
{
    struct ls_slice cmd = a[0];
    size_t first = 2;
    if (word_is(cmd, "MSET") || word_is(cmd, "MSETNX")) return 1;
    if (word_is(cmd, "SETEX") || word_is(cmd, "PSETEX")) return 3;
    if (word_is(cmd, "XADD")) {
        if (first < n && word_is(a[first], "NOMKSTREAM")) first++;
        if (first < n && (word_is(a[first], "MAXLEN") || word_is(a[first], "MINID"))) {
            first++;
            if (first < n && (word_is(a[first], "=") || word_is(a[first], "~"))) first++;
            first++;
            if (first < n && word_is(a[first], "LIMIT")) first += 2;
        }
        return first + 1; /* the ID */
    }
    if (word_is(cmd, "ZADD"))
        while (first < n && (word_is(a[first], "NX") || word_is(a[first], "XX") || word_is(a[first], "GT") ||
                             word_is(a[first], "LT") || word_is(a[first], "CH") || word_is(a[first], "INCR")))
            first++;
    return first;
}

static bool resp_pairs(struct ls_slice cmd)
{
    return word_is(cmd, "HSET") || word_is(cmd, "HMSET") || word_is(cmd, "HSETNX") || word_is(cmd, "XADD");
}

/* One command's arguments (or a group of them: the command, its key and
 * options, then data from `first`) written: SET-like "KEY: value",
 * HSET-like and XADD "KEY<TAB>field: value ...", MSET "key: value" per
 * pair, ZADD its members (scores left out), RESTORE's payload decoded as
 * an RDB value, any other command "KEY: argument" per argument after the
 * key; commands without data (SELECT,
 * EXPIRE ...) too: their numbers are no personal data, so nothing is lost. */
static const char *rd_reason(ls_err e)
{
    switch (e) {
    case LS_E_TRUNCATED: return LS_R_TRUNCATED;
    case LS_E_UNSUPPORTED: return LS_R_UNSUPPORTED;
    case LS_E_LIMIT: return LS_R_LIMIT_BYTES;
    default: return LS_R_PARSE_ERROR;
    }
}

/* RESTORE key ttl payload [REPLACE ...], as a cluster node that received
 * migrated keys logs it: the payload is DUMP's, a value type byte and the
 * value as an RDB holds it, then the RDB version (2 bytes, little-endian)
 * and a CRC-64 (8 bytes, not verified). False when it is not that shape
 * (the arguments are then written as they are). A payload that cannot be
 * read whole is noted and the walk goes on with the next command. */
static bool resp_restore(struct rd *r, struct ls_slice payload, ls_err *e)
{
    struct ls_slice body;
    if (payload.len < 11 || !ls_slice_sub(payload, 0, payload.len - 10, &body)) return false;
    unsigned ver = (unsigned)ls_slice_at(payload, payload.len - 10) | (unsigned)ls_slice_at(payload, payload.len - 9) << 8;
    unsigned type = (unsigned)ls_slice_at(body, 0);
    if (ver == 0 || ver > 99 || type > 25 || type == 8) return false;
    struct ls_cursor c = ls_cur_make(body);
    (void)ls_cur_skip(&c, 1);
    *e = rd_value(r, &c, type);
    if (r->stop != LS_OK && *e == LS_OK) { /* said here; the commands after it are still read */
        ls_note(r->c, r->o, rd_reason(r->stop), "redis: a RESTORE payload: %s; the rest of its value is not read",
                r->why);
        r->stop = LS_OK;
        r->why = NULL;
    }
    return true;
}

static ls_err resp_command(struct rd *r, struct ls_slice *a, size_t n, size_t first, bool first_group)
{
    if (n < 2) return LS_OK;
    struct ls_slice cmd = a[0];
    ls_err e;
    LS_TRY(rd_set_key(r, a[1], first_group));
    if ((word_is(cmd, "RESTORE") || word_is(cmd, "RESTORE-ASKING")) && n >= 4 && resp_restore(r, a[3], &e)) return e;
    if (word_is(cmd, "SELECT") || word_is(cmd, "EXPIRE") || word_is(cmd, "PEXPIRE") || word_is(cmd, "EXPIREAT") ||
        word_is(cmd, "PEXPIREAT") || word_is(cmd, "DEL") || word_is(cmd, "UNLINK"))
        return LS_OK;
    if (word_is(cmd, "MSET") || word_is(cmd, "MSETNX")) {
        for (size_t i = first; i + 1 < n; i += 2) {
            LS_TRY(rd_set_key(r, a[i], true));
            LS_TRY(rd_element(r, a[i + 1]));
        }
        return LS_OK;
    }
    if (word_is(cmd, "SET") || word_is(cmd, "SETNX") || word_is(cmd, "GETSET") || word_is(cmd, "SETEX") ||
        word_is(cmd, "PSETEX") || word_is(cmd, "APPEND") || word_is(cmd, "SETRANGE"))
        return first < n ? rd_element(r, a[first + (word_is(cmd, "SETRANGE") && first + 1 < n)]) : LS_OK;
    if (resp_pairs(cmd)) {
        LS_TRY(rd_put_key(r));
        for (size_t i = first; i + 1 < n; i += 2) LS_TRY(rd_pair(r, a[i], a[i + 1]));
        LS_TRY(ls_buf_addc(&r->line, '\n'));
        return rd_flush(r, false);
    }
    if (word_is(cmd, "ZADD")) {
        for (size_t i = first; i + 1 < n; i += 2) LS_TRY(rd_element(r, a[i + 1]));
        return LS_OK;
    }
    for (size_t i = first; i < n; i++) LS_TRY(rd_element(r, a[i]));
    return LS_OK;
}

/* Skips annotation lines ("#TS:1700000000\r\n", aof-timestamp-enabled),
 * which Redis' loader skips between commands. */
static void resp_annotations(struct ls_cursor *cur)
{
    while (ls_cur_left(cur) > 0 && ls_slice_at(cur->in, cur->pos) == '#') {
        size_t nl = ls_slice_find(cur->in, cur->pos, "\n", 1);
        (void)ls_cur_seek(cur, nl < cur->in.len ? nl + 1 : cur->in.len);
    }
}

/* One command: its arguments in groups of at most RESP_ARGS, each group
 * the command, its key and options again and an even number of data
 * arguments, so a pair never straddles two groups. */
static ls_err resp_one(struct rd *r, struct ls_cursor *cur, uint64_t n)
{
    struct ls_slice args[RESP_ARGS];
    size_t have = 0, first = 0;
    bool grouped = false; /* a group went out: a long key was written whole with it */
    for (uint64_t i = 0; i < n; i++) {
        struct ls_slice v;
        if (!resp_arg(cur, &v)) {
            rd_fail(r, ls_cur_left(cur) == 0 ? LS_E_TRUNCATED : LS_E_CORRUPT, "a damaged RESP argument");
            break;
        }
        args[have++] = v;
        if (have < RESP_ARGS - 1) continue;
        if (first == 0) {
            first = resp_first(args, have);
            if (first > RESP_ARGS / 4) first = 2; /* option words over and over: hostile */
        }
        if ((have - first) % 2 == 0 || have == RESP_ARGS) {
            LS_TRY(resp_command(r, args, have, first, !grouped));
            grouped = true;
            have = first;
        }
    }
    if (first == 0) return resp_command(r, args, have, have ? resp_first(args, have) : 0, true);
    return have > first ? resp_command(r, args, have, first, !grouped) : LS_OK;
}

static ls_err rd_aof(struct rd *r, struct ls_cursor *cur)
{
    for (size_t cmds = 0; r->stop == LS_OK && !r->full; cmds++) {
        if (cmds % RD_TICK == RD_TICK - 1 && ls_ctx_expired(r->c)) return LS_E_TIMEOUT;
        resp_annotations(cur);
        if (ls_cur_left(cur) == 0) break;
        uint64_t n;
        size_t at = cur->pos;
        if (!resp_num(cur, '*', &n) || n == 0 || n > ls_cur_left(cur) / 4) {
            rd_fail(r, cur->pos >= cur->in.len ? LS_E_TRUNCATED : LS_E_CORRUPT, "not a RESP command");
            (void)ls_cur_seek(cur, at);
            break;
        }
        LS_TRY(resp_one(r, cur, n));
    }
    return LS_OK;
}

static bool rd_is_aof(struct ls_slice d)
{
    struct ls_cursor cur = ls_cur_make(d);
    uint64_t n;
    struct ls_slice cmd;
    resp_annotations(&cur);
    if (!resp_num(&cur, '*', &n) || n == 0 || n > 1000000 || !resp_arg(&cur, &cmd) || cmd.len == 0 || cmd.len > 20)
        return false;
    for (size_t i = 0; i < cmd.len; i++) {
        int ch = ls_slice_at(cmd, i);
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) return false;
    }
    return true;
}

/* --------------------------------------------------------------- handler */

static int rd_probe(const struct ls_object *o)
{
    if (rd_is_rdb(o->data)) return 95;
    if (rd_is_aof(o->data)) return o->ext && strcmp(o->ext, "aof") == 0 ? 90 : 60;
    return 0;
}

static ls_err rd_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct rd r;
    memset(&r, 0, sizeof r);
    r.c = c;
    r.o = o;
    ls_buf_init(&r.line, SIZE_MAX);
    ls_buf_init(&r.key, SIZE_MAX);
    ls_buf_init(&r.a, SIZE_MAX);
    ls_buf_init(&r.b, SIZE_MAX);
    ls_buf_init(&r.blob, SIZE_MAX);
    struct ls_cursor cur = ls_cur_make(o->data);
    ls_err e = LS_OK;
    bool rdb = rd_is_rdb(o->data);
    if (rdb) {
        r.version = (unsigned)(ls_slice_at(o->data, 5) - '0') * 1000 + (unsigned)(ls_slice_at(o->data, 6) - '0') * 100 +
                    (unsigned)(ls_slice_at(o->data, 7) - '0') * 10 + (unsigned)(ls_slice_at(o->data, 8) - '0');
        size_t end;
        e = rd_rdb(&r, &cur, &end);
        /* an AOF with an RDB preamble: commands follow the snapshot */
        if (e == LS_OK && r.stop == LS_OK && end && ls_cur_left(&cur) > 0 && !r.full) {
            struct ls_slice rest;
            if (ls_slice_from(o->data, end, &rest) && rd_is_aof(rest)) {
                e = rd_aof(&r, &cur);
            } else {
                /* zeros after the end marker are padding; other bytes are handed on */
                bool zeros = true;
                for (size_t i = 0; i < rest.len && zeros; i++) zeros = ls_slice_at(rest, i) == 0;
                if (!zeros) {
                    struct ls_child ch;
                    memset(&ch, 0, sizeof ch);
                    ch.name = "hidden_data";
                    ch.name_len = strlen("hidden_data");
                    ch.data = rest;
                    e = ls_emit_child(c, o, &ch);
                }
            }
        }
    } else {
        e = rd_aof(&r, &cur);
    }
    if (e == LS_OK) e = rd_flush(&r, true);
    if (e == LS_E_LIMIT && r.full) e = LS_OK; /* the text budget: noted where it was spent */
    if (r.stop != LS_OK && e == LS_OK)
        ls_note(c, o, rd_reason(r.stop), "redis: %s at byte %zu; the rest is not read", r.why, cur.pos);
    ls_buf_free(&r.line);
    ls_buf_free(&r.key);
    ls_buf_free(&r.a);
    ls_buf_free(&r.b);
    ls_buf_free(&r.blob);
    return e;
}

const struct ls_handler ls_handler_redis = {
    .name = "redis",
    .probe = rd_probe,
    .extract = rd_extract,
};
