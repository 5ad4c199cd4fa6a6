/* Percent-encoded query strings and form bodies, decoded (urlquery.h). */
#include "extract/urlquery.h"

#include <string.h>

/* Decoded bytes a field needs to be kept (the shortest value a rule
 * reads, "a=x y z", is longer). */
#define URLQ_LINE_MIN 6

/* A byte a URL or a form body carries unescaped (RFC 3986 unreserved,
 * sub-delims but quotes and parentheses, gen-delims, and '%'): a token
 * ends at a blank, a quote, a bracket of markup or a control byte. */
static bool uq_tok(uint8_t ch)
{
    if (((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9')) return true;
    switch (ch) {
    case '-': case '.': case '_': case '~': case '!': case '$': case '&': case '*': case '+':
    case ',': case ';': case '=': case ':': case '@': case '/': case '?': case '%': case '[':
    case ']': case '#':
        return true;
    default:
        return false;
    }
}

static int uq_hex(uint8_t ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch |= 0x20;
    return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* The byte %XX at p[i] stands for, or -1 (not an escape, or cut at END). */
static int uq_escape(const uint8_t *p, size_t i, size_t end)
{
    if (i >= end || end - i < 3 || p[i] != '%') return -1;
    int h = uq_hex(p[i + 1]), l = uq_hex(p[i + 2]);
    return h < 0 || l < 0 ? -1 : h << 4 | l;
}

/* Decode t[a, b) into buf (at most URLQ_FIELD_MAX bytes): %XX escapes,
 * '+' as a space when PLUS, control bytes as spaces. Returns the length. */
static size_t uq_decode(struct ls_slice t, size_t a, size_t b, bool plus, uint8_t *buf)
{
    size_t k = 0;
    for (size_t i = a; i < b && k < URLQ_FIELD_MAX; i++) {
        int v = uq_escape(t.ptr, i, b);
        if (v >= 0)
            i += 2;
        else
            v = t.ptr[i] == '+' && plus ? ' ' : t.ptr[i];
        buf[k++] = (uint8_t)(v < 0x20 || v == 0x7F ? ' ' : v);
    }
    return k;
}

/* An escape decoded to another escape (%2540 -> %40): decode buf once more,
 * in place (the result is never longer). */
static size_t uq_again(uint8_t *buf, size_t n)
{
    size_t k = 0;
    bool any = false;
    for (size_t i = 0; i < n && !any; i++) any = uq_escape(buf, i, n) >= 0;
    if (!any) return n;
    for (size_t i = 0; i < n; i++) {
        int v = uq_escape(buf, i, n);
        if (v >= 0)
            i += 2;
        else
            v = buf[i];
        buf[k++] = (uint8_t)(v < 0x20 || v == 0x7F ? ' ' : v);
    }
    return k;
}

/* Whether t[a, b) changes when decoded (an escape, or a '+' in a form). */
static bool uq_changes(struct ls_slice t, size_t a, size_t b, bool plus)
{
    for (size_t i = a; i < b; i++)
        if (uq_escape(t.ptr, i, b) >= 0 || (plus && t.ptr[i] == '+')) return true;
    return false;
}

/* Append t[a, b) decoded as one line when decoding changes it. */
static ls_err uq_field(struct ls_slice t, size_t a, size_t b, bool plus, struct ls_buf *out, size_t *nf)
{
    if (a >= b || !uq_changes(t, a, b, plus)) return LS_OK;
    if (*nf >= URLQ_FIELDS_MAX) return LS_E_LIMIT;
    uint8_t buf[URLQ_FIELD_MAX + 1];
    size_t k = uq_again(buf, uq_decode(t, a, b, plus, buf));
    /* Too short to hold a value the rules look for, or escapes that decode
     * to bytes no text is made of: a run of URL characters in binary data
     * ("%44n%3F" among random bytes), not a form a person filled in. */
    if (k < URLQ_LINE_MIN || !ls_utf8_valid(ls_slice_make(buf, k))) return LS_OK;
    buf[k++] = '\n';
    (*nf)++;
    return ls_buf_add(out, buf, k);
}

/* One token: its path (escapes only) and each field of its query or form
 * body (escapes and '+'), each on a line of its own. */
static ls_err uq_token(struct ls_slice t, struct ls_buf *out, size_t *nf)
{
    size_t q = SIZE_MAX;
    bool pct = false, plus = false, eq = false, amp = false;
    for (size_t i = 0; i < t.len; i++) {
        uint8_t ch = t.ptr[i];
        if (ch == '%' && uq_escape(t.ptr, i, t.len) >= 0) pct = true;
        if (ch == '+') plus = true;
        if (ch == '=' && i + 1 < t.len && t.ptr[i + 1] != '=') eq = true;
        if (ch == '&') amp = true;
        if (ch == '?' && q == SIZE_MAX) q = i;
    }
    bool form = eq && (q != SIZE_MAX || amp);
    if (!pct && !(form && plus)) return LS_OK; /* as written: already in the text */
    size_t qs = 0; /* where the query or form starts */
    if (q != SIZE_MAX) {
        LS_TRY(uq_field(t, 0, q, false, out, nf));
        qs = q + 1;
    } else if (!eq) {
        return uq_field(t, 0, t.len, false, out, nf); /* a path or an address: no fields */
    }
    for (size_t a = qs, i = qs; i <= t.len; i++) {
        if (i == t.len || t.ptr[i] == '&') {
            LS_TRY(uq_field(t, a, i, true, out, nf));
            a = i + 1;
        }
    }
    return LS_OK;
}

/* The first '%' or '+' at or after FROM, or s.len. *next caches the
 * first c at or after an earlier FROM (SIZE_MAX: not looked for yet), so
 * every byte of S is searched at most once for each of the two. */
static size_t uq_next(struct ls_slice s, size_t from, int ch, size_t *next)
{
    if (*next == SIZE_MAX || (*next < s.len && *next < from)) {
        const uint8_t *p = from < s.len ? memchr(s.ptr + from, ch, s.len - from) : NULL;
        *next = p ? (size_t)(p - s.ptr) : s.len;
    }
    return *next;
}

/* Only a token holding a '%' or a '+' can change when decoded
 * (uq_token()), so the tokens are taken around those bytes, found by
 * memchr(), and the bytes between them are not looked at: the tokens and
 * their order are those of a walk over every run of URL characters. */
ls_err ls_urlq_decode(struct ls_slice s, struct ls_buf *out)
{
    size_t nf = 0, np = SIZE_MAX, nq = SIZE_MAX;
    for (size_t i = 0; i < s.len;) {
        size_t a = uq_next(s, i, '%', &np), b = uq_next(s, i, '+', &nq), m = a < b ? a : b;
        if (m >= s.len) break;
        /* the run of URL characters holding s[m]: it starts at or after i,
         * which is 0 or the end of the run before (a byte of no token) */
        size_t start = m, end = m + 1;
        while (start > i && uq_tok(s.ptr[start - 1])) start--;
        while (end < s.len && uq_tok(s.ptr[end])) end++;
        i = end;
        /* its first URLQ_TOKEN_MAX bytes are the token; they hold no '%' or
         * '+' when m is past them (m is the first of either from i) */
        if (m - start >= URLQ_TOKEN_MAX) continue;
        struct ls_slice t;
        (void)ls_slice_sub(s, start, end - start > URLQ_TOKEN_MAX ? URLQ_TOKEN_MAX : end - start, &t);
        LS_TRY(uq_token(t, out, &nf));
    }
    return LS_OK;
}
