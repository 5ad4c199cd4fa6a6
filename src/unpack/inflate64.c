/* Deflate64 decoder (see inflate64.h). */
#include "unpack/inflate64.h"

#include <stdlib.h>
#include <string.h>

#define I64_WIN 65536u            /* the window: distances reach this far back */
#define I64_BUF (2u * I64_WIN)    /* decoded bytes kept: the window and one more */
#define I64_MAXBITS 15u
#define I64_NLEN 288u
#define I64_NDIST 32u

struct huff {
    uint16_t count[I64_MAXBITS + 1]; /* codes of each length */
    uint16_t sym[I64_NLEN];          /* symbols in canonical order */
};

struct i64 {
    const uint8_t *in;
    size_t len, pos;
    uint32_t bits;
    unsigned nbits;
    uint8_t *buf;
    size_t w, flushed;  /* write position in buf; bytes of buf already handed out */
    uint64_t total;     /* bytes decoded in all */
    int (*out)(void *, const uint8_t *, size_t);
    void *ud;
    bool stopped;
};

/* need (<= 16) bits, LSB first; false when the input ends. */
static bool getbits(struct i64 *s, unsigned need, uint32_t *v)
{
    while (s->nbits < need) {
        if (s->pos >= s->len) return false;
        s->bits |= (uint32_t)s->in[s->pos++] << s->nbits;
        s->nbits += 8;
    }
    *v = need ? s->bits & ((1u << need) - 1u) : 0;
    s->bits = need < 32 ? s->bits >> need : 0;
    s->nbits -= need;
    return true;
}

/* Hand buf[flushed, w) out; keep the last I64_WIN bytes when buf is full. */
static bool flush(struct i64 *s, bool keep)
{
    if (s->w > s->flushed) {
        if (s->out(s->ud, s->buf + s->flushed, s->w - s->flushed) != 0) {
            s->stopped = true;
            return false;
        }
        s->flushed = s->w;
    }
    if (keep && s->w == I64_BUF) {
        memmove(s->buf, s->buf + I64_BUF - I64_WIN, I64_WIN);
        s->w = s->flushed = I64_WIN;
    }
    return true;
}

static bool put(struct i64 *s, uint8_t b)
{
    if (s->w == I64_BUF && !flush(s, true)) return false;
    s->buf[s->w++] = b;
    s->total++;
    return true;
}

/* Canonical code from lengths; false if over-subscribed. Incomplete codes
 * are allowed (a lone distance code): their unused patterns decode as bad. */
static bool build(struct huff *h, const uint8_t *lens, unsigned n)
{
    uint16_t offs[I64_MAXBITS + 2];
    memset(h->count, 0, sizeof h->count);
    for (unsigned i = 0; i < n; i++) h->count[lens[i]]++;
    int left = 1;
    for (unsigned l = 1; l <= I64_MAXBITS; l++) {
        left <<= 1;
        left -= h->count[l];
        if (left < 0) return false;
    }
    offs[1] = 0;
    for (unsigned l = 1; l <= I64_MAXBITS; l++) offs[l + 1] = (uint16_t)(offs[l] + h->count[l]);
    for (unsigned i = 0; i < n; i++)
        if (lens[i]) h->sym[offs[lens[i]]++] = (uint16_t)i;
    return true;
}

/* A symbol: >= 0; -1 input ended; -2 a pattern no code has. */
static int decode(struct i64 *s, const struct huff *h)
{
    int code = 0, first = 0, index = 0;
    for (unsigned l = 1; l <= I64_MAXBITS; l++) {
        uint32_t b;
        if (!getbits(s, 1, &b)) return -1;
        code |= (int)b;
        int count = h->count[l];
        if (code - first < count) return h->sym[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -2;
}

static const uint16_t len_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 3};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 16}; /* 285: 16 in Deflate64 */
static const uint32_t dist_base[32] = {1,    2,    3,    4,    5,    7,     9,     13,    17,    25,   33,
                                       49,   65,   97,   129,  193,  257,   385,   513,   769,   1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769, 49153};
static const uint8_t dist_extra[32] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,  6,
                                       7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14};

static enum ls_i64_result codes(struct i64 *s, const struct huff *lit, const struct huff *dist)
{
    for (;;) {
        int sym = decode(s, lit);
        if (sym == -1) return LS_I64_SHORT;
        if (sym < 0) return LS_I64_BAD;
        if (sym < 256) {
            if (!put(s, (uint8_t)sym)) return LS_I64_STOPPED;
            continue;
        }
        if (sym == 256) return LS_I64_DONE;
        sym -= 257;
        if (sym >= 29) return LS_I64_BAD;
        uint32_t x;
        if (!getbits(s, len_extra[sym], &x)) return LS_I64_SHORT;
        uint32_t n = len_base[sym] + x;
        int d = decode(s, dist);
        if (d == -1) return LS_I64_SHORT;
        if (d < 0 || d >= (int)I64_NDIST) return LS_I64_BAD;
        if (!getbits(s, dist_extra[d], &x)) return LS_I64_SHORT;
        uint32_t back = dist_base[d] + x;
        if (back > s->total || back > I64_WIN) return LS_I64_BAD;
        while (n--) {
            if (s->w == I64_BUF && !flush(s, true)) return LS_I64_STOPPED;
            s->buf[s->w] = s->buf[s->w - back];
            s->w++;
            s->total++;
        }
    }
}

static enum ls_i64_result stored(struct i64 *s)
{
    uint32_t len, nlen;
    s->bits >>= s->nbits % 8; /* to a byte boundary */
    s->nbits -= s->nbits % 8;
    if (!getbits(s, 16, &len) || !getbits(s, 16, &nlen)) return LS_I64_SHORT;
    if (len != (~nlen & 0xffffu)) return LS_I64_BAD;
    /* nbits is 0 here: whole bytes were buffered, and 32 bits were read */
    while (len--) {
        if (s->pos >= s->len) return LS_I64_SHORT;
        if (!put(s, s->in[s->pos++])) return LS_I64_STOPPED;
    }
    return LS_I64_DONE;
}

/* The fixed codes, built once: a stream of empty fixed blocks (10 bits
 * each) must not rebuild 320 codes per block (review4: 32 MiB of them took
 * 37 s). Workers are single-threaded processes. */
static enum ls_i64_result fixed(struct i64 *s)
{
    static struct huff lit, dist;
    static bool built;
    if (!built) {
        uint8_t l[I64_NLEN];
        unsigned i = 0;
        for (; i < 144; i++) l[i] = 8;
        for (; i < 256; i++) l[i] = 9;
        for (; i < 280; i++) l[i] = 7;
        for (; i < I64_NLEN; i++) l[i] = 8;
        (void)build(&lit, l, I64_NLEN);
        memset(l, 5, I64_NDIST);
        (void)build(&dist, l, I64_NDIST);
        built = true;
    }
    return codes(s, &lit, &dist);
}

static enum ls_i64_result dynamic(struct i64 *s)
{
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    uint32_t nlen, ndist, ncode, v;
    if (!getbits(s, 5, &nlen) || !getbits(s, 5, &ndist) || !getbits(s, 4, &ncode)) return LS_I64_SHORT;
    nlen += 257;
    ndist += 1;
    ncode += 4;
    if (nlen > 286) return LS_I64_BAD;
    uint8_t lens[I64_NLEN + I64_NDIST];
    memset(lens, 0, sizeof lens);
    for (unsigned i = 0; i < ncode; i++) {
        if (!getbits(s, 3, &v)) return LS_I64_SHORT;
        lens[order[i]] = (uint8_t)v;
    }
    struct huff lc, lit, dist;
    if (!build(&lc, lens, 19)) return LS_I64_BAD;
    memset(lens, 0, sizeof lens);
    unsigned i = 0;
    while (i < nlen + ndist) {
        int sym = decode(s, &lc);
        if (sym == -1) return LS_I64_SHORT;
        if (sym < 0) return LS_I64_BAD;
        if (sym < 16) {
            lens[i++] = (uint8_t)sym;
            continue;
        }
        uint8_t val = 0;
        unsigned rep;
        if (sym == 16) {
            if (i == 0) return LS_I64_BAD;
            val = lens[i - 1];
            if (!getbits(s, 2, &v)) return LS_I64_SHORT;
            rep = 3 + v;
        } else if (sym == 17) {
            if (!getbits(s, 3, &v)) return LS_I64_SHORT;
            rep = 3 + v;
        } else {
            if (!getbits(s, 7, &v)) return LS_I64_SHORT;
            rep = 11 + v;
        }
        if (i + rep > nlen + ndist) return LS_I64_BAD;
        while (rep--) lens[i++] = val;
    }
    if (lens[256] == 0) return LS_I64_BAD; /* no end-of-block code */
    if (!build(&lit, lens, nlen) || !build(&dist, lens + nlen, ndist)) return LS_I64_BAD;
    return codes(s, &lit, &dist);
}

enum ls_i64_result ls_inflate64(const uint8_t *in, size_t len, int (*out)(void *ud, const uint8_t *p, size_t n),
                                void *ud, uint64_t *produced, size_t *used)
{
    struct i64 s;
    memset(&s, 0, sizeof s);
    s.in = in;
    s.len = len;
    s.out = out;
    s.ud = ud;
    *produced = 0;
    *used = 0;
    if (!(s.buf = malloc(I64_BUF))) return LS_I64_NOMEM;
    enum ls_i64_result r;
    uint32_t last, type;
    unsigned blocks = 0;
    do {
        /* blocks that give no output never reach out(): let the caller
         * check its deadline now and then (out(ud, NULL, 0)) */
        if (++blocks % 4096 == 0 && s.out(s.ud, NULL, 0) != 0) {
            s.stopped = true;
            r = LS_I64_STOPPED;
            break;
        }
        if (!getbits(&s, 1, &last) || !getbits(&s, 2, &type)) {
            r = LS_I64_SHORT;
            break;
        }
        r = type == 0 ? stored(&s) : type == 1 ? fixed(&s) : type == 2 ? dynamic(&s) : LS_I64_BAD;
    } while (r == LS_I64_DONE && !last);
    if (!s.stopped && !flush(&s, false) && r == LS_I64_DONE) r = LS_I64_STOPPED;
    if (s.stopped) r = LS_I64_STOPPED;
    *produced = s.flushed == s.w ? s.total : s.total - (s.w - s.flushed);
    *used = s.pos;
    free(s.buf);
    return r;
}
