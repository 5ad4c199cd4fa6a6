/* Slices, cursors and bounded buffers (see ls_core.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "core/ls_core.h"

const char *ls_err_name(ls_err e)
{
    static const char *const names[] = {
        "ok",        "nomem",     "io",    "truncated", "corrupt",    "unsupported",
        "encrypted", "limit",     "timeout", "dependency", "arg",     "internal",
    };
    if ((unsigned)e < sizeof names / sizeof names[0]) return names[e];
    return "unknown";
}

/* A failed read writes a defined value too (an empty slice at s's start, a
 * zero), so a caller that ignores the result reads nothing, never an unset
 * out-param (ole2_doc's LS_E_TRUNCATED piece table, evtx's free_off). */
bool ls_slice_sub(struct ls_slice s, size_t off, size_t n, struct ls_slice *out)
{
    if (off > s.len || n > s.len - off) {
        out->ptr = s.ptr;
        out->len = 0;
        return false;
    }
    out->ptr = s.ptr ? s.ptr + off : s.ptr;
    out->len = n;
    return true;
}

bool ls_slice_from(struct ls_slice s, size_t off, struct ls_slice *out)
{
    if (off > s.len) {
        out->ptr = s.ptr;
        out->len = 0;
        return false;
    }
    return ls_slice_sub(s, off, s.len - off, out);
}

int ls_slice_at(struct ls_slice s, size_t i)
{
    return i < s.len ? s.ptr[i] : -1;
}

/* How common a byte is in the data leaksift searches (text, markup, PDF
 * syntax, binary padding), 1 (rare) to 9: the searched byte of a needle is
 * its least common one ("j" of " obj", not the space). 9: space, NUL, 0xFF,
 * LF; 8: "etaoinsrh01<>/", CR, tab; 6: other lower-case letters but
 * "jqxzkv", the digits 2-9 and ".,=\":"; 3: other printable ASCII; 1: the
 * rest. A table: the rule written with strchr() cost 1.8% of a run (every
 * needle byte of every search, 2 million searches on a 10 MB corpus). Any
 * value gives the same answers; only the speed depends on it. */
static const uint8_t byte_commonness_table[256] = {
    9, 1, 1, 1, 1, 1, 1, 1, 1, 8, 9, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    9, 3, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 3, 6, 8, 8, 8, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3, 8, 6, 8, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 8, 6, 6, 6, 8, 6, 6, 8, 8, 3, 3, 6, 6, 8, 8, 6, 3, 8, 8, 8, 6, 3, 6, 3, 6, 3, 3, 3, 3, 3, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9,
};

static unsigned byte_commonness(uint8_t b)
{
    return byte_commonness_table[b];
}

/* Needles up to this long are searched with memchr on their rarest byte. */
#define FIND_RARE_MAX 32u

size_t ls_slice_find(struct ls_slice s, size_t from, const void *needle, size_t nlen)
{
    if (from > s.len || nlen > s.len - from) return SIZE_MAX;
    if (nlen == 0) return from;
    const uint8_t *nd = needle, *base = s.ptr + from;
    if (nlen == 1) { /* a line end, a quote, a NUL: 84 callers; memmem would only call memchr */
        const uint8_t *hit = memchr(base, nd[0], s.len - from);
        return hit ? (size_t)(hit - s.ptr) : SIZE_MAX;
    }
    size_t hay = s.len - from;
    /*
     * memchr (vectorised) for the needle's least common byte, memcmp at each
     * hit: several times faster than glibc's memmem, whose short-needle hash
     * loop costs ~5 instructions per byte (a search for "%%EOF" through
     * every PDF was 3.6% of a run over real PDFs). The first hit is the
     * first occurrence, as memmem's. Hits that do not match are budgeted
     * (16 plus one per 32 bytes searched): past that, memmem takes over
     * from the current position, so a haystack made of the needle's byte
     * costs at most ~2 comparisons per byte before memmem's linear time.
     */
    if (nlen > 1 && nlen <= FIND_RARE_MAX) {
        size_t k = 0;
        for (size_t i = 1; i < nlen; i++)
            if (byte_commonness(nd[i]) < byte_commonness(nd[k])) k = i;
        const uint8_t *p = base + k, *stop = base + hay - (nlen - 1 - k); /* past the last place for nd[k] */
        size_t misses = 0;
        while (p < stop) {
            const uint8_t *hit = memchr(p, nd[k], (size_t)(stop - p));
            if (!hit) return SIZE_MAX;
            const uint8_t *at = hit - k;
            if (memcmp(at, nd, nlen) == 0) return (size_t)(at - s.ptr);
            if (++misses > 16 + (size_t)(hit - base) / 32) {
                base = at + 1;
                hay = (size_t)(s.ptr + s.len - base);
                break;
            }
            p = hit + 1;
        }
        if (p >= stop) return SIZE_MAX;
    }
    const uint8_t *hit = memmem(base, hay, needle, nlen);
    return hit ? (size_t)(hit - s.ptr) : SIZE_MAX;
}

bool ls_slice_starts(struct ls_slice s, const void *prefix, size_t n)
{
    return n <= s.len && (n == 0 || memcmp(s.ptr, prefix, n) == 0);
}

bool ls_slice_eq_str(struct ls_slice s, const char *str)
{
    size_t n = strlen(str);
    return n == s.len && (n == 0 || memcmp(s.ptr, str, n) == 0);
}

/* ---- cursor ---- */

ls_err ls_cur_take(struct ls_cursor *c, size_t n, struct ls_slice *out)
{
    if (!ls_slice_sub(c->in, c->pos, n, out)) return LS_E_TRUNCATED;
    c->pos += n;
    return LS_OK;
}

ls_err ls_cur_skip(struct ls_cursor *c, size_t n)
{
    LS_FAIL_IF(n > ls_cur_left(c), LS_E_TRUNCATED);
    c->pos += n;
    return LS_OK;
}

ls_err ls_cur_seek(struct ls_cursor *c, size_t pos)
{
    LS_FAIL_IF(pos > c->in.len, LS_E_TRUNCATED);
    c->pos = pos;
    return LS_OK;
}

static uint64_t dec_le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;) v = (v << 8) | p[i];
    return v;
}

static uint64_t dec_be(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) v = (v << 8) | p[i];
    return v;
}

/* *v = the n-byte integer at the cursor, or 0 (cursor left) when short. */
static ls_err cur_int(struct ls_cursor *c, unsigned n, bool be, uint64_t *v)
{
    struct ls_slice s;
    if (ls_cur_take(c, n, &s) != LS_OK) {
        *v = 0;
        return LS_E_TRUNCATED;
    }
    *v = be ? dec_be(s.ptr, n) : dec_le(s.ptr, n);
    return LS_OK;
}

ls_err ls_cur_u8(struct ls_cursor *c, uint8_t *v)
{
    uint64_t x;
    ls_err e = cur_int(c, 1, false, &x);
    *v = (uint8_t)x;
    return e;
}

ls_err ls_cur_u16le(struct ls_cursor *c, uint16_t *v)
{
    uint64_t x;
    ls_err e = cur_int(c, 2, false, &x);
    *v = (uint16_t)x;
    return e;
}

ls_err ls_cur_u32le(struct ls_cursor *c, uint32_t *v)
{
    uint64_t x;
    ls_err e = cur_int(c, 4, false, &x);
    *v = (uint32_t)x;
    return e;
}

ls_err ls_cur_u64le(struct ls_cursor *c, uint64_t *v)
{
    return cur_int(c, 8, false, v);
}

ls_err ls_cur_u16be(struct ls_cursor *c, uint16_t *v)
{
    uint64_t x;
    ls_err e = cur_int(c, 2, true, &x);
    *v = (uint16_t)x;
    return e;
}

ls_err ls_cur_u32be(struct ls_cursor *c, uint32_t *v)
{
    uint64_t x;
    ls_err e = cur_int(c, 4, true, &x);
    *v = (uint32_t)x;
    return e;
}

bool ls_rd_u16le(struct ls_slice s, size_t off, uint16_t *v)
{
    struct ls_slice t;
    if (!ls_slice_sub(s, off, 2, &t)) {
        *v = 0;
        return false;
    }
    *v = (uint16_t)dec_le(t.ptr, 2);
    return true;
}

bool ls_rd_u32le(struct ls_slice s, size_t off, uint32_t *v)
{
    struct ls_slice t;
    if (!ls_slice_sub(s, off, 4, &t)) {
        *v = 0;
        return false;
    }
    *v = (uint32_t)dec_le(t.ptr, 4);
    return true;
}

bool ls_rd_u64le(struct ls_slice s, size_t off, uint64_t *v)
{
    struct ls_slice t;
    if (!ls_slice_sub(s, off, 8, &t)) {
        *v = 0;
        return false;
    }
    *v = dec_le(t.ptr, 8);
    return true;
}

/* ---- bounded buffer ---- */

void ls_buf_init(struct ls_buf *b, size_t max)
{
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
}

void ls_buf_free(struct ls_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

void ls_buf_reset(struct ls_buf *b)
{
    b->len = 0;
    if (b->ptr) b->ptr[0] = 0;
}

ls_err ls_buf_reserve(struct ls_buf *b, size_t n)
{
    if (n > b->max) n = b->max;
    if (n + 1 <= b->cap) return LS_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < n + 1) cap = cap > SIZE_MAX / 2 ? n + 1 : cap * 2;
    if (b->max < SIZE_MAX && cap > b->max + 1) cap = b->max + 1;
    uint8_t *p = realloc(b->ptr, cap);
    if (!p) return LS_E_NOMEM;
    b->ptr = p;
    b->cap = cap;
    return LS_OK;
}

/* The appends below are called per token and per byte (the PDF lexer, text
 * output), tens of millions of times in a run: they test the room they need
 * themselves (len < cap whenever cap > 0: the NUL) and call
 * ls_buf_reserve only to grow. */
ls_err ls_buf_add(struct ls_buf *b, const void *p, size_t n)
{
    size_t room = b->max - b->len;
    size_t take = n < room ? n : room;
    if (take) {
        if (take >= b->cap - b->len) LS_TRY(ls_buf_reserve(b, b->len + take));
        memcpy(b->ptr + b->len, p, take);
        b->len += take;
        b->ptr[b->len] = 0;
    }
    return take < n ? LS_E_LIMIT : LS_OK;
}

ls_err ls_buf_addc(struct ls_buf *b, uint8_t ch)
{
    if (b->len < b->max && b->cap - b->len >= 2) {
        b->ptr[b->len++] = ch;
        b->ptr[b->len] = 0;
        return LS_OK;
    }
    return ls_buf_add(b, &ch, 1);
}

ls_err ls_buf_adds(struct ls_buf *b, const char *s)
{
    return ls_buf_add(b, s, strlen(s));
}

ls_err ls_buf_printf(struct ls_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return LS_E_INTERNAL;
    if ((size_t)n < sizeof small) return ls_buf_add(b, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) return LS_E_NOMEM;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ls_err e = ls_buf_add(b, big, (size_t)n);
    free(big);
    return e;
}

uint8_t *ls_buf_take(struct ls_buf *b, size_t *len)
{
    uint8_t *p = b->ptr;
    if (len) *len = b->len;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

/* ---- misc ---- */

double ls_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int ls_write_all(int fd, const void *p, size_t n)
{
    const uint8_t *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

void ls_hex(const uint8_t *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = 0;
}
