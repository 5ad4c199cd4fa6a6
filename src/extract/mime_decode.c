/*
 * MIME decoding helpers: RFC 2045 (base64 6.8, quoted-printable 6.7,
 * parameters 5.1), RFC 2047 (encoded words), RFC 2231 (parameter
 * continuations and charsets), RFC 5322 2.2 (header fields, folding).
 * All input is attacker-controlled; every decoder is lenient and bounded by
 * its output buffer's cap. See mime_decode.h.
 */
#include "extract/mime_decode.h"

#include "core/handler.h"
#include "core/ls_date.h"

#include <stdio.h>
#include <string.h>

/* A capped buffer keeps what fit; the caller sees the (short) result. */
#define KEEP(expr)            \
    do {                      \
        ls_err k_ = (expr);   \
        (void)k_;             \
    } while (0)

/* Output is staged in a small array so per-byte appends stay cheap. */
struct stage {
    struct ls_buf *out;
    uint8_t tmp[4096];
    size_t n;
};

static ls_err stage_flush(struct stage *st)
{
    ls_err e = ls_buf_add(st->out, st->tmp, st->n);
    st->n = 0;
    return e;
}

static ls_err stage_put(struct stage *st, uint8_t ch)
{
    if (st->n == sizeof st->tmp) LS_TRY(stage_flush(st));
    st->tmp[st->n++] = ch;
    return LS_OK;
}

static int lower(int ch)
{
    return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
}

bool mime_slice_ieq(struct ls_slice s, const char *str)
{
    size_t n = strlen(str);
    if (s.len != n) return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s.ptr[i]) != lower((unsigned char)str[i])) return false;
    return true;
}

bool mime_slice_istarts(struct ls_slice s, const char *prefix)
{
    size_t n = strlen(prefix);
    struct ls_slice head;
    if (!ls_slice_sub(s, 0, n, &head)) return false;
    return mime_slice_ieq(head, prefix);
}

static bool is_ws(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static struct ls_slice trim(struct ls_slice s)
{
    size_t a = 0, b = s.len;
    while (a < b && is_ws(s.ptr[a])) a++;
    while (b > a && is_ws(s.ptr[b - 1])) b--;
    struct ls_slice out = {NULL, 0};
    (void)ls_slice_sub(s, a, b - a, &out);
    return out;
}

/* ---- charsets ---- */

struct cs_alias {
    const char *name;
    enum mime_charset cs;
};

static const struct cs_alias cs_aliases[] = {
    {"utf-8", MIME_CS_UTF8},         {"utf8", MIME_CS_UTF8},
    {"us-ascii", MIME_CS_ASCII},     {"ascii", MIME_CS_ASCII},
    {"ansi_x3.4-1968", MIME_CS_ASCII}, {"iso-8859-1", MIME_CS_LATIN1},
    {"iso8859-1", MIME_CS_LATIN1},   {"iso_8859-1", MIME_CS_LATIN1},
    {"latin1", MIME_CS_LATIN1},      {"latin-1", MIME_CS_LATIN1},
    {"l1", MIME_CS_LATIN1},          {"windows-1252", MIME_CS_CP1252},
    {"cp1252", MIME_CS_CP1252},      {"x-cp1252", MIME_CS_CP1252},
    {"utf-16", MIME_CS_UTF16},       {"utf16", MIME_CS_UTF16},
    {"utf-16le", MIME_CS_UTF16LE},   {"utf-16be", MIME_CS_UTF16BE},
    {"ucs-2", MIME_CS_UTF16},        {"unicode-1-1-utf-7", MIME_CS_UTF7},
    {"utf-7", MIME_CS_UTF7},         {"utf7", MIME_CS_UTF7},
    {"x-unicode-2-0-utf-7", MIME_CS_UTF7},
    /* Windows' names (.NET Encoding.Unicode, Outlook's HTML): UTF-16LE,
     * and "unicodeFFFE" big endian (a BOM in the right order is U+FEFF,
     * which no text keeps). */
    {"unicode", MIME_CS_UTF16LE},    {"unicodefffe", MIME_CS_UTF16BE},
    {"iso-2022-kr", MIME_CS_ISO2022KR}, {"csiso2022kr", MIME_CS_ISO2022KR},
    {"hz-gb-2312", MIME_CS_HZ},      {"hz", MIME_CS_HZ},
};

enum mime_charset mime_charset_lookup(struct ls_slice name)
{
    name = trim(name);
    if (name.len == 0) return MIME_CS_NONE;
    for (size_t i = 0; i < sizeof cs_aliases / sizeof cs_aliases[0]; i++)
        if (mime_slice_ieq(name, cs_aliases[i].name)) return cs_aliases[i].cs;
    const struct ls_codepage *cp = ls_codepage_by_name(name);
    if (cp) return (enum mime_charset)(MIME_CS_CODEPAGE + ls_codepage_number(cp));
    return MIME_CS_UNKNOWN;
}

const struct ls_codepage *mime_cs_codepage(enum mime_charset cs)
{
    unsigned v = (unsigned)cs;
    if (v <= MIME_CS_CODEPAGE) return NULL;
    return ls_codepage_by_number(v - MIME_CS_CODEPAGE);
}

static ls_err single_byte_to_utf8(struct ls_buf *out, struct ls_slice in, bool cp1252)
{
    for (size_t i = 0; i < in.len; i++) {
        uint8_t ch = in.ptr[i];
        if (ch < 0x80) {
            LS_TRY(ls_buf_addc(out, ch));
            continue;
        }
        LS_TRY(ls_utf8_put(out, cp1252 ? ls_cp1252(ch) : ch));
    }
    return LS_OK;
}

/* Byte order of BOM-less UTF-16: RFC 2781 says big endian, but Windows
 * mailers label their little-endian text plain "utf-16" (Outlook Express
 * spam in SpamAssassin's corpus: Subject and body both). Latin text has a
 * zero in every other byte: zeros mostly at odd offsets mean LE. */
static bool utf16_guess_be(struct ls_slice in)
{
    size_t even = 0, odd = 0, n = in.len < 4096 ? in.len : 4096;
    for (size_t i = 0; i + 1 < n; i += 2) {
        even += in.ptr[i] == 0;
        odd += in.ptr[i + 1] == 0;
    }
    return !(odd > even);
}

static ls_err utf16_auto(struct ls_buf *out, struct ls_slice in)
{
    struct ls_slice rest = in;
    bool be = utf16_guess_be(in);
    if (in.len >= 2 && in.ptr[0] == 0xFF && in.ptr[1] == 0xFE) {
        be = false;
        (void)ls_slice_from(in, 2, &rest);
    } else if (in.len >= 2 && in.ptr[0] == 0xFE && in.ptr[1] == 0xFF) {
        be = true;
        (void)ls_slice_from(in, 2, &rest);
    }
    return ls_utf16_to_utf8(out, rest, be);
}

static int b64_val(uint8_t ch);

/* One UTF-16 code unit of a UTF-7 shift sequence; *hi holds a pending high
 * surrogate. Unpaired surrogates become U+FFFD. */
static ls_err utf7_unit(struct ls_buf *out, uint32_t u, uint32_t *hi)
{
    if (u >= 0xDC00 && u < 0xE000 && *hi) {
        uint32_t cp = 0x10000 + ((*hi - 0xD800) << 10) + (u - 0xDC00);
        *hi = 0;
        return ls_utf8_put(out, cp);
    }
    if (*hi) LS_TRY(ls_utf8_put(out, 0xFFFD));
    *hi = 0;
    if (u >= 0xD800 && u < 0xDC00) {
        *hi = u;
        return LS_OK;
    }
    return ls_utf8_put(out, u >= 0xDC00 && u < 0xE000 ? 0xFFFD : u);
}

/* "+" base64 of UTF-16BE, ended by any non-base64 byte (a '-' ending it is
 * dropped); "+-" is '+'. Leftover bits of a shift are dropped. */
static size_t utf7_shift(struct ls_buf *out, struct ls_slice in, size_t i, ls_err *e)
{
    uint32_t bits = 0, hi = 0;
    unsigned nbits = 0;
    /* The standard alphabet only: '-' ends a shift (b64_val() takes the
     * URL-safe '-' and '_' too). */
    for (; i < in.len && *e == LS_OK && in.ptr[i] != '-' && in.ptr[i] != '_' &&
           b64_val(in.ptr[i]) >= 0;
         i++) {
        bits = ((bits << 6) | (uint32_t)b64_val(in.ptr[i])) & 0x3FFFFFu;
        nbits += 6;
        if (nbits < 16) continue;
        nbits -= 16;
        *e = utf7_unit(out, (bits >> nbits) & 0xFFFFu, &hi);
    }
    if (hi && *e == LS_OK) *e = ls_utf8_put(out, 0xFFFD);
    if (i < in.len && in.ptr[i] == '-') i++;
    return i;
}

/* UTF-7 (RFC 2152). Bytes over 0x7F do not occur in it: U+FFFD. */
static ls_err utf7_to_utf8(struct ls_buf *out, struct ls_slice in)
{
    size_t i = 0;
    ls_err e = LS_OK;
    while (i < in.len && e == LS_OK) {
        uint8_t ch = in.ptr[i++];
        if (ch == '+' && i < in.len && in.ptr[i] == '-') {
            i++;
            e = ls_buf_addc(out, '+');
        } else if (ch == '+') {
            i = utf7_shift(out, in, i, &e);
        } else {
            e = ch < 0x80 ? ls_buf_addc(out, ch) : ls_utf8_put(out, 0xFFFD);
        }
    }
    return e;
}

/* ISO-2022-KR (RFC 1557) and HZ (RFC 1843) carry the EUC-KR and GB 2312
 * double-byte codes with their high bits cleared, switched in and out in
 * 7-bit text; the bytes are set back to EUC form (high bits on, controls
 * and escapes dropped) and decoded through the EUC-KR / GBK tables.
 * ISO-2022-KR: the designator "ESC $ ) C" (once, at the start of a line),
 * SO (0x0E) to Korean, SI (0x0F) back to ASCII, a line break resets to
 * ASCII. HZ: "~{" to GB, "~}" back, "~~" a tilde, "~" + line break a soft
 * line break. Bytes over 0x7F do not belong in either: kept as they are
 * (the table decodes them, or gives U+FFFD). */
static ls_err iso2022kr_to_euc(struct ls_buf *euc, struct ls_slice in)
{
    bool so = false;
    for (size_t i = 0; i < in.len; i++) {
        uint8_t ch = in.ptr[i];
        if (ch == 0x1B && in.len - i >= 4 && memcmp(in.ptr + i + 1, "$)C", 3) == 0) {
            i += 3;
            continue;
        }
        if (ch == 0x0E || ch == 0x0F) {
            so = ch == 0x0E;
            continue;
        }
        if (ch == '\n' || ch == '\r') so = false;
        LS_TRY(ls_buf_addc(euc, so && ch > 0x20 && ch < 0x7F ? (uint8_t)(ch | 0x80) : ch));
    }
    return LS_OK;
}

static ls_err hz_to_euc(struct ls_buf *euc, struct ls_slice in)
{
    bool gb = false;
    for (size_t i = 0; i < in.len; i++) {
        uint8_t ch = in.ptr[i];
        if (ch == '~' && i + 1 < in.len) {
            uint8_t nx = in.ptr[i + 1];
            if (nx == '{' || nx == '}') {
                gb = nx == '{';
                i++;
                continue;
            }
            if (!gb && nx == '~') {
                i++;
                LS_TRY(ls_buf_addc(euc, '~'));
                continue;
            }
            if (!gb && (nx == '\n' || nx == '\r')) {
                i++;
                if (nx == '\r' && i + 1 < in.len && in.ptr[i + 1] == '\n') i++;
                continue;
            }
        }
        if (ch == '\n') gb = false;
        LS_TRY(ls_buf_addc(euc, gb && ch > 0x20 && ch < 0x7F ? (uint8_t)(ch | 0x80) : ch));
    }
    return LS_OK;
}

static ls_err shifted_to_utf8(struct ls_buf *out, struct ls_slice in, enum mime_charset cs)
{
    const struct ls_codepage *cp = ls_codepage_by_number(cs == MIME_CS_HZ ? 936u : 949u);
    if (!cp) return ls_utf8_lossy(out, in);
    struct ls_buf euc;
    ls_buf_init(&euc, in.len + 16);
    ls_err e = cs == MIME_CS_HZ ? hz_to_euc(&euc, in) : iso2022kr_to_euc(&euc, in);
    if (e == LS_OK) e = ls_codepage_to_utf8(out, ls_buf_slice(&euc), cp);
    ls_buf_free(&euc);
    return e;
}

/* Length of the valid UTF-8 text before a sequence cut at the end of in
 * (a lead byte followed by fewer continuation bytes than it needs), when
 * that text holds a multi-byte character; SIZE_MAX otherwise. Writers cut
 * UTF-8 at a byte count (Yahoo Mail cut a Cyrillic attachment name in the
 * middle of a letter: flanker's russian-attachment-yahoo.eml), and so does
 * a file cut short; read as windows-1252, all of it was mojibake. A
 * single-byte text ending in one 8-bit letter ("caf\xe9") has no
 * multi-byte character before it and stays single-byte. */
static size_t utf8_cut_prefix(struct ls_slice in)
{
    size_t i = in.len, cont = 0;
    while (i > 0 && cont < 3 && (in.ptr[i - 1] & 0xC0) == 0x80) {
        i--;
        cont++;
    }
    if (i == 0) return SIZE_MAX;
    uint8_t lead = in.ptr[i - 1];
    size_t need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
                : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (need == 0 || cont >= need) return SIZE_MAX;
    struct ls_slice head = {in.ptr, 0};
    (void)ls_slice_sub(in, 0, i - 1, &head);
    bool multi = false;
    for (size_t k = 0; k < head.len && !multi; k++) multi = head.ptr[k] >= 0xC2;
    return multi && ls_utf8_valid(head) ? head.len : SIZE_MAX;
}

ls_err mime_to_utf8(struct ls_buf *out, struct ls_slice in, enum mime_charset cs)
{
    switch (cs) {
    case MIME_CS_LATIN1: return single_byte_to_utf8(out, in, false);
    case MIME_CS_CP1252: return single_byte_to_utf8(out, in, true);
    case MIME_CS_UTF16: return utf16_auto(out, in);
    case MIME_CS_UTF16LE: return ls_utf16_to_utf8(out, in, false);
    case MIME_CS_UTF16BE: return ls_utf16_to_utf8(out, in, true);
    case MIME_CS_UTF7: return utf7_to_utf8(out, in);
    case MIME_CS_ISO2022KR:
    case MIME_CS_HZ: return shifted_to_utf8(out, in, cs);
    case MIME_CS_NONE:
        /* Undeclared 8-bit text: UTF-8 when it validates, else the charset
         * Windows mailers use. */
        if (!ls_utf8_valid(in)) {
            size_t cut = utf8_cut_prefix(in);
            if (cut == SIZE_MAX) return single_byte_to_utf8(out, in, true);
            LS_TRY(ls_buf_add(out, in.ptr, cut));
            return ls_buf_adds(out, "\xEF\xBF\xBD");
        }
        return ls_buf_add(out, in.ptr, in.len);
    case MIME_CS_UTF8:
    case MIME_CS_ASCII:
    case MIME_CS_UNKNOWN: return ls_utf8_lossy(out, in);
    default: {
        const struct ls_codepage *cp = mime_cs_codepage(cs);
        return cp ? ls_codepage_to_utf8(out, in, cp) : ls_utf8_lossy(out, in);
    }
    }
}

/* ---- base64 ---- */

static int b64_val(uint8_t ch)
{
    if (ch >= 'A' && ch <= 'Z') return ch - 'A';
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9') return ch - '0' + 52;
    if (ch == '+' || ch == '-') return 62; /* '-', '_': URL-safe variant */
    if (ch == '/' || ch == '_') return 63;
    return -1;
}

/* A line of base64 alone from i on (alphabet characters, then '=' padding
 * and blanks only), whole 4-character groups (every line an encoder
 * writes is; a word such as "Thanks" is not): where a new chunk starts. */
static bool b64_line_at(struct ls_slice in, size_t i)
{
    size_t n = 0, pad = 0;
    while (i < in.len && b64_val(in.ptr[i]) >= 0) i++, n++;
    while (i < in.len && in.ptr[i] == '=') i++, pad++;
    while (i < in.len && (in.ptr[i] == ' ' || in.ptr[i] == '\t' || in.ptr[i] == '\r')) i++;
    return n >= 4 && (n + pad) % 4 == 0 && (i == in.len || in.ptr[i] == '\n');
}

static ls_err b64_decode(struct ls_buf *out, struct ls_slice in, bool chunks)
{
    struct stage st;
    st.out = out;
    st.n = 0;
    uint32_t acc = 0;
    unsigned bits = 0;
    ls_err e = LS_OK;
    for (size_t i = 0; i < in.len && e == LS_OK; i++) {
        if (in.ptr[i] == '=') {
            if (!chunks) break;
            /* Padding ends a chunk; another may start on a later line. */
            while (i < in.len && in.ptr[i] != '\n') i++;
            while (i < in.len && (in.ptr[i] == '\n' || in.ptr[i] == '\r' || in.ptr[i] == ' ' ||
                                  in.ptr[i] == '\t'))
                i++;
            if (i >= in.len || !b64_line_at(in, i)) break;
            acc = 0;
            bits = 0;
            i--; /* the loop's i++ */
            continue;
        }
        int v = b64_val(in.ptr[i]);
        if (v < 0) continue;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            e = stage_put(&st, (uint8_t)(acc >> bits));
            acc &= (1u << bits) - 1u;
        }
    }
    if (e != LS_OK) return e;
    return stage_flush(&st);
}

ls_err mime_b64_decode(struct ls_buf *out, struct ls_slice in)
{
    return b64_decode(out, in, false);
}

ls_err mime_b64_decode_chunks(struct ls_buf *out, struct ls_slice in)
{
    return b64_decode(out, in, true);
}

/* ---- quoted-printable ---- */

static int hex_val(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch = lower(ch);
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
}

/* Length of a soft line break after '=' at i (spaces, then CRLF or LF), or
 * 0 when it is not one. */
static size_t qp_soft_break(struct ls_slice in, size_t i)
{
    size_t j = i + 1;
    while (j < in.len && (in.ptr[j] == ' ' || in.ptr[j] == '\t')) j++;
    if (j < in.len && in.ptr[j] == '\r') j++;
    if (j < in.len && in.ptr[j] == '\n') return j + 1 - i;
    if (j == in.len) return j - i; /* "=" at the very end: drop it */
    return 0;
}

ls_err mime_qp_decode(struct ls_buf *out, struct ls_slice in, bool q_words)
{
    struct stage st;
    st.out = out;
    st.n = 0;
    size_t i = 0;
    ls_err e = LS_OK;
    while (i < in.len && e == LS_OK) {
        uint8_t ch = in.ptr[i];
        if (ch == '_' && q_words) {
            e = stage_put(&st, ' ');
            i++;
            continue;
        }
        if (ch != '=') {
            e = stage_put(&st, ch);
            i++;
            continue;
        }
        int hi = i + 1 < in.len ? hex_val(in.ptr[i + 1]) : -1;
        int lo = i + 2 < in.len ? hex_val(in.ptr[i + 2]) : -1;
        if (hi >= 0 && lo >= 0) {
            e = stage_put(&st, (uint8_t)(hi * 16 + lo));
            i += 3;
            continue;
        }
        size_t soft = q_words ? 0 : qp_soft_break(in, i);
        if (soft) {
            i += soft;
            continue;
        }
        e = stage_put(&st, '='); /* malformed escape: keep it */
        i++;
    }
    if (e != LS_OK) return e;
    return stage_flush(&st);
}

/* ---- RFC 2047 encoded words ---- */

/* RFC 2047 caps a word at 75 bytes; broken mailers write longer ones (long
 * file names), so allow more, but bound the scan for "?=". */
#define MIME_MAX_WORD 2048u

struct eword {
    struct ls_slice charset; /* without an RFC 2231 "*lang" suffix */
    bool b;                  /* B (base64) or Q */
    struct ls_slice text;
    size_t len;              /* bytes the whole word spans */
};

/* Parse "=?charset?X?text?=" at s[i]. */
static bool eword_parse(struct ls_slice s, size_t i, struct eword *w)
{
    if (i + 1 >= s.len || s.ptr[i] != '=' || s.ptr[i + 1] != '?') return false;
    size_t q1 = i + 2;
    while (q1 < s.len && s.ptr[q1] != '?' && !is_ws(s.ptr[q1]) && q1 - i < 80) q1++;
    if (q1 + 2 >= s.len || s.ptr[q1] != '?' || s.ptr[q1 + 2] != '?') return false;
    int enc = lower(s.ptr[q1 + 1]);
    if (enc != 'b' && enc != 'q') return false;
    size_t t0 = q1 + 3, t1 = t0;
    /* Text ends at "?="; whitespace is not allowed inside, but tolerate
     * none; bound the word so a stray "=?" cannot swallow a header. */
    while (t1 + 1 < s.len && !(s.ptr[t1] == '?' && s.ptr[t1 + 1] == '=')) {
        if (s.ptr[t1] == '\n' || s.ptr[t1] == '\r' || t1 - t0 > MIME_MAX_WORD) return false;
        t1++;
    }
    if (t1 + 1 >= s.len) return false;
    size_t cs_end = i + 2;
    while (cs_end < q1 && s.ptr[cs_end] != '*') cs_end++;
    (void)ls_slice_sub(s, i + 2, cs_end - (i + 2), &w->charset);
    (void)ls_slice_sub(s, t0, t1 - t0, &w->text);
    w->b = enc == 'b';
    w->len = t1 + 2 - i;
    return true;
}

bool mime_charset_ascii_safe(struct ls_slice name)
{
    static const char *const bad[] = {"utf-7", "utf7", "ebcdic", "ibm037", "ibm500", "ibm1047",
                                      "ibm1140", "cp037", "cp500", "cp1047", "cp1140", "ibm-037"};
    char low[64];
    size_t n = name.len < sizeof low - 1 ? name.len : sizeof low - 1;
    for (size_t i = 0; i < n; i++) {
        int c = ls_slice_at(name, i);
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[n] = '\0';
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        if (strstr(low, bad[k])) return false;
    return true;
}

struct hdr_dec {
    struct ls_buf *out;
    struct ls_buf pend;      /* decoded bytes of adjacent words ... */
    enum mime_charset pend_cs; /* ... all in this charset */
    bool *unknown_cs;
    enum mime_charset raw_cs; /* raw 8-bit text that is not UTF-8 */
};

/* Text outside encoded words: UTF-8 when valid, else raw_cs (if any), else
 * windows-1252. */
static ls_err hdr_literal(struct hdr_dec *d, struct ls_slice l)
{
    if (d->raw_cs != MIME_CS_NONE && !ls_utf8_valid(l) && utf8_cut_prefix(l) == SIZE_MAX)
        return mime_to_utf8(d->out, l, d->raw_cs);
    return mime_to_utf8(d->out, l, MIME_CS_NONE);
}

enum mime_charset mime_raw_header_charset(enum mime_charset cs)
{
    if (cs == MIME_CS_LATIN1 || cs == MIME_CS_CP1252) return cs;
    if (cs == MIME_CS_ISO2022KR) return (enum mime_charset)(MIME_CS_CODEPAGE + 949u);
    if (cs == MIME_CS_HZ) return (enum mime_charset)(MIME_CS_CODEPAGE + 936u);
    const struct ls_codepage *cp = mime_cs_codepage(cs);
    if (!cp) return MIME_CS_NONE;
    unsigned n = ls_codepage_number(cp);
    if (n == 65001u) return MIME_CS_NONE;
    if (n >= 50220u && n <= 50222u) n = 932u; /* ISO-2022-JP: raw bytes are Shift_JIS */
    return ls_codepage_by_number(n) ? (enum mime_charset)(MIME_CS_CODEPAGE + n) : MIME_CS_NONE;
}

static ls_err hdr_flush(struct hdr_dec *d)
{
    ls_err e = LS_OK;
    /* An unknown charset matters only if the bytes are not UTF-8 already
     * (sweep: "=?NONE?B?VEVTVA=?=", plain ASCII, in the mail gem's tests). */
    if (d->pend_cs == MIME_CS_UNKNOWN && d->unknown_cs && !ls_utf8_valid(ls_buf_slice(&d->pend)))
        *d->unknown_cs = true;
    if (d->pend.len) e = mime_to_utf8(d->out, ls_buf_slice(&d->pend), d->pend_cs);
    ls_buf_reset(&d->pend);
    return e;
}

static ls_err hdr_word(struct hdr_dec *d, const struct eword *w)
{
    enum mime_charset cs = mime_charset_lookup(w->charset);
    if (cs == MIME_CS_UNKNOWN && d->unknown_cs && !mime_charset_ascii_safe(w->charset))
        *d->unknown_cs = true; /* "+AOk-" is UTF-7 for an e-acute */
    if (cs != d->pend_cs) LS_TRY(hdr_flush(d));
    d->pend_cs = cs;
    if (w->b) return mime_b64_decode(&d->pend, w->text);
    return mime_qp_decode(&d->pend, w->text, true);
}

/* Whitespace run starting at i that is followed by another encoded word:
 * RFC 2047 6.2 says it is dropped. Returns its length or 0. */
static size_t ws_between_words(struct ls_slice s, size_t i)
{
    size_t j = i;
    while (j < s.len && is_ws(s.ptr[j])) j++;
    struct eword w;
    if (j == i || !eword_parse(s, j, &w)) return 0;
    return j - i;
}

static ls_err hdr_decode_loop(struct hdr_dec *d, struct ls_slice in)
{
    size_t i = 0, lit = 0; /* lit: start of pending literal run */
    bool after_word = false;
    while (i < in.len) {
        struct eword w;
        size_t ws = after_word ? ws_between_words(in, i) : 0;
        if (ws) {
            i += ws;
            lit = i;
            continue;
        }
        if (!eword_parse(in, i, &w)) {
            after_word = false;
            i++;
            continue;
        }
        struct ls_slice l;
        (void)ls_slice_sub(in, lit, i - lit, &l);
        if (l.len) {
            LS_TRY(hdr_flush(d));
            LS_TRY(hdr_literal(d, l));
        }
        LS_TRY(hdr_word(d, &w));
        i += w.len;
        lit = i;
        after_word = true;
    }
    LS_TRY(hdr_flush(d));
    struct ls_slice tail;
    (void)ls_slice_sub(in, lit, in.len - lit, &tail);
    return hdr_literal(d, tail);
}

ls_err mime_header_decode(struct ls_buf *out, struct ls_slice in, bool *unknown_cs)
{
    return mime_header_decode_raw(out, in, unknown_cs, MIME_CS_NONE);
}

ls_err mime_header_decode_raw(struct ls_buf *out, struct ls_slice in, bool *unknown_cs,
                              enum mime_charset raw_cs)
{
    struct ls_buf unf;
    ls_buf_init(&unf, in.len);
    ls_err e = mime_unfold(&unf, in);
    if (e == LS_OK) {
        struct hdr_dec d;
        d.out = out;
        ls_buf_init(&d.pend, in.len);
        d.pend_cs = MIME_CS_NONE;
        d.unknown_cs = unknown_cs;
        d.raw_cs = raw_cs;
        e = hdr_decode_loop(&d, trim(ls_buf_slice(&unf)));
        ls_buf_free(&d.pend);
    }
    ls_buf_free(&unf);
    return e;
}

/* ---- header block ---- */

/* End of the line starting at i (index of '\n' or len) */
static size_t line_end(struct ls_slice s, size_t i)
{
    size_t n = ls_slice_find(s, i, "\n", 1);
    return n == SIZE_MAX ? s.len : n;
}

static bool line_is_empty(struct ls_slice s, size_t i, size_t eol)
{
    return eol == i || (eol == i + 1 && s.ptr[i] == '\r');
}

static bool field_name_char(uint8_t ch);

/* A line of blanks (spaces, tabs, CR) followed by a line that is neither a
 * field nor a continuation: the empty line that ends the header block,
 * written with a space in it (mime4j's hdr-fakeout.msg from Mutt,
 * basic-plain-with-bad-header-separator.msg). Read as an empty folded line
 * instead, it turned the body into header junk that was never scanned as
 * text; Python's email starts the body there as well. */
static bool line_is_blank_end(struct ls_slice s, size_t i, size_t eol)
{
    for (size_t k = i; k < eol; k++)
        if (!is_ws(s.ptr[k])) return false;
    size_t n = eol < s.len ? eol + 1 : s.len;
    if (n >= s.len || is_ws(s.ptr[n])) return false;
    size_t e = line_end(s, n), c = n;
    while (c < e && field_name_char(s.ptr[c])) c++;
    while (c < e && (s.ptr[c] == ' ' || s.ptr[c] == '\t')) c++;
    return c == n || c >= e || s.ptr[c] != ':';
}

/* "Name:" at i (white space before the colon tolerated, as in "Subject :"). */
static bool line_is_field(struct ls_slice s, size_t i, size_t eol)
{
    size_t c = i;
    while (c < eol && field_name_char(s.ptr[c])) c++;
    if (c == i) return false;
    while (c < eol && (s.ptr[c] == ' ' || s.ptr[c] == '\t')) c++;
    return c < eol && s.ptr[c] == ':';
}

static bool eword_line(struct ls_slice hdr, size_t i);

#define MIME_BODY_LOOKAHEAD 16u /* lines read past a non-field line */

/* A line that is neither a field nor a continuation where a header field
 * should be: the body, written with no empty line before it (Thunderbird
 * and Outlook Express copies whose separator was lost: "This is a
 * multi-part message in MIME format." right under Content-Type, or a part
 * whose text follows its Content-Type line), unless a field follows it
 * before the body could have begun: then it is a broken fold (Exchange's
 * anti-spam fields cut without the leading blank) and the header goes on.
 * The look-ahead stops at an empty line or a line opening with "--" (a
 * delimiter: the body); a continuation right after it makes it a field
 * name folded before its colon. Python's email starts the body at such a
 * line in every case. */
static bool line_starts_body(struct ls_slice s, size_t i, size_t eol)
{
    if (is_ws(s.ptr[i]) || line_is_field(s, i, eol) || eword_line(s, i)) return false;
    size_t n = eol < s.len ? eol + 1 : s.len;
    if (n < s.len && (s.ptr[n] == ' ' || s.ptr[n] == '\t')) return false;
    for (unsigned k = 0; k < MIME_BODY_LOOKAHEAD && n < s.len; k++) {
        size_t e = line_end(s, n);
        if (line_is_empty(s, n, e) || (s.ptr[n] == '-' && n + 1 < e && s.ptr[n + 1] == '-')) return true;
        if (line_is_field(s, n, e)) return false;
        n = e < s.len ? e + 1 : s.len;
    }
    return true;
}

bool mime_split_headers(struct ls_slice msg, struct ls_slice *hdr, struct ls_slice *body)
{
    size_t i = 0;
    while (i < msg.len) {
        size_t eol = line_end(msg, i);
        bool empty = line_is_empty(msg, i, eol) || (i > 0 && line_is_blank_end(msg, i, eol));
        if (empty || line_starts_body(msg, i, eol)) {
            (void)ls_slice_sub(msg, 0, i, hdr);
            size_t b = !empty ? i : eol < msg.len ? eol + 1 : msg.len;
            (void)ls_slice_from(msg, b, body);
            return true;
        }
        i = eol < msg.len ? eol + 1 : msg.len;
    }
    *hdr = msg;
    body->ptr = msg.ptr;
    body->len = 0;
    (void)ls_slice_from(msg, msg.len, body);
    return false;
}

static bool field_name_char(uint8_t ch)
{
    return ch > 32 && ch < 127 && ch != ':';
}

/* A line that opens with an encoded word and holds no "Name:" before it
 * continues the field above even without the leading white space: some
 * writers fold long encoded subjects so (MsgReader's UTF-8_Test.eml,
 * Exchange relaying a Japanese Gmail message). */
static bool eword_line(struct ls_slice hdr, size_t i)
{
    struct eword w;
    return eword_parse(hdr, i, &w);
}

bool mime_next_field(struct ls_slice hdr, size_t *pos, struct ls_slice *name,
                     struct ls_slice *value, unsigned *junk)
{
    size_t i = *pos;
    while (i < hdr.len) {
        size_t eol = line_end(hdr, i);
        size_t next = eol < hdr.len ? eol + 1 : hdr.len;
        size_t c = i;
        while (c < eol && field_name_char(hdr.ptr[c])) c++;
        /* "Name:" (tolerating spaces before the colon, as in "Subject :") */
        size_t colon = c;
        while (colon < eol && (hdr.ptr[colon] == ' ' || hdr.ptr[colon] == '\t')) colon++;
        /* "Name" alone, the colon folded onto the next line (" : value"):
         * RFC 822's obsolete syntax allows white space before the colon,
         * and a phishing test in rspamd's corpus hides its From so. */
        size_t t = colon < eol && hdr.ptr[colon] == '\r' && colon + 1 == eol ? eol : colon;
        if (c > i && t >= eol && next < hdr.len && (hdr.ptr[next] == ' ' || hdr.ptr[next] == '\t')) {
            size_t k = next, e2 = line_end(hdr, next);
            while (k < e2 && (hdr.ptr[k] == ' ' || hdr.ptr[k] == '\t')) k++;
            if (k < e2 && hdr.ptr[k] == ':') colon = k;
        }
        if (c == i || colon >= hdr.len || hdr.ptr[colon] != ':') {
            if (junk && !is_ws(hdr.ptr[i])) (*junk)++;
            i = next;
            continue;
        }
        /* The value runs over continuation lines (starting with WSP). */
        size_t end = next;
        while (end < hdr.len && (hdr.ptr[end] == ' ' || hdr.ptr[end] == '\t' || eword_line(hdr, end))) {
            size_t e2 = line_end(hdr, end);
            end = e2 < hdr.len ? e2 + 1 : hdr.len;
        }
        (void)ls_slice_sub(hdr, i, c - i, name);
        (void)ls_slice_sub(hdr, colon + 1, end - (colon + 1), value);
        *pos = end;
        return true;
    }
    *pos = i;
    return false;
}

bool mime_find_field(struct ls_slice hdr, const char *fname, struct ls_slice *value)
{
    size_t pos = 0;
    struct ls_slice n, v;
    while (mime_next_field(hdr, &pos, &n, &v, NULL)) {
        if (mime_slice_ieq(n, fname)) {
            *value = v;
            return true;
        }
    }
    return false;
}

ls_err mime_unfold(struct ls_buf *out, struct ls_slice value)
{
    size_t i = 0;
    while (i < value.len) {
        size_t j = i;
        while (j < value.len && value.ptr[j] != '\r' && value.ptr[j] != '\n') j++;
        struct ls_slice run;
        (void)ls_slice_sub(value, i, j - i, &run);
        LS_TRY(ls_buf_add(out, run.ptr, run.len));
        while (j < value.len && (value.ptr[j] == '\r' || value.ptr[j] == '\n')) j++;
        i = j;
    }
    return LS_OK;
}

/* ---- structured values: type/subtype; param=value ---- */

static void copy_token_lower(struct ls_slice v, size_t *i, char *out, size_t n, bool slash)
{
    size_t k = 0;
    while (*i < v.len && is_ws(v.ptr[*i])) (*i)++;
    while (*i < v.len) {
        uint8_t ch = v.ptr[*i];
        if (ch == ';' || is_ws(ch) || ch == '"' || (ch == '/' && !slash)) break;
        if (k + 1 < n) out[k++] = (char)lower(ch);
        (*i)++;
    }
    out[k] = 0;
}

void mime_media_type(struct ls_slice value, char *out, size_t n)
{
    size_t i = 0;
    if (n == 0) return;
    copy_token_lower(value, &i, out, n, true);
    if (!strchr(out, '/')) out[0] = 0;
}

void mime_disposition(struct ls_slice value, char *out, size_t n)
{
    size_t i = 0;
    if (n == 0) return;
    copy_token_lower(value, &i, out, n, false);
}

/* One "name=value" parameter; raw value (quotes still on). */
struct mparam {
    struct ls_slice name;
    struct ls_slice value;
    bool quoted;
};

/* Skip a quoted string starting at v[i] == '"'; returns index after it. */
static size_t skip_quoted(struct ls_slice v, size_t i)
{
    i++;
    while (i < v.len && v.ptr[i] != '"') {
        if (v.ptr[i] == '\\') i++;
        i++;
    }
    return i < v.len ? i + 1 : v.len;
}

static bool next_param(struct ls_slice v, size_t *pos, struct mparam *p)
{
    size_t i = *pos;
    for (;;) {
        while (i < v.len && v.ptr[i] != ';') {
            i = v.ptr[i] == '"' ? skip_quoted(v, i) : i + 1;
        }
        if (i >= v.len) break;
        i++; /* ';' */
        while (i < v.len && is_ws(v.ptr[i])) i++;
        size_t n0 = i;
        while (i < v.len && v.ptr[i] != '=' && v.ptr[i] != ';' && !is_ws(v.ptr[i])) i++;
        size_t n1 = i;
        while (i < v.len && is_ws(v.ptr[i])) i++;
        if (i >= v.len || v.ptr[i] != '=' || n1 == n0) continue;
        i++;
        while (i < v.len && is_ws(v.ptr[i])) i++;
        size_t v0 = i;
        p->quoted = i < v.len && v.ptr[i] == '"';
        if (p->quoted) {
            i = skip_quoted(v, i);
        } else {
            while (i < v.len && v.ptr[i] != ';') i++;
        }
        (void)ls_slice_sub(v, n0, n1 - n0, &p->name);
        (void)ls_slice_sub(v, v0, i - v0, &p->value);
        if (!p->quoted) p->value = trim(p->value);
        *pos = i;
        return true;
    }
    *pos = v.len;
    return false;
}

/* Append a raw parameter value without its quotes and escapes. */
static ls_err unquote(struct ls_buf *out, const struct mparam *p)
{
    if (!p->quoted) return ls_buf_add(out, p->value.ptr, p->value.len);
    struct ls_slice v = p->value;
    size_t end = v.len;
    if (end >= 2 && v.ptr[end - 1] == '"') end--;
    for (size_t i = 1; i < end; i++) {
        /* A backslash quotes only '"' and '\\' here: Netscape and Outlook
         * wrote Windows paths unescaped (filename="C:\TEMP\nsmailEG.png",
         * stalwart's legacy_035), and Python's email reads them so. */
        if (v.ptr[i] == '\\' && i + 1 < end && (v.ptr[i + 1] == '"' || v.ptr[i + 1] == '\\')) i++;
        if (v.ptr[i] == '\r' || v.ptr[i] == '\n') continue;
        LS_TRY(ls_buf_addc(out, v.ptr[i]));
    }
    return LS_OK;
}

/* RFC 2231 section number of "name*N" / "name*N*": -1 for plain "name",
 * -2 for "name*" (single extended value), -3 for no match. *ext: value is
 * percent-encoded. */
static int rfc2231_section(struct ls_slice pname, const char *param, bool *ext)
{
    size_t n = strlen(param);
    struct ls_slice head, rest;
    *ext = false;
    if (!ls_slice_sub(pname, 0, n, &head) || !mime_slice_ieq(head, param)) return -3;
    (void)ls_slice_from(pname, n, &rest);
    if (rest.len == 0) return -1;
    if (rest.ptr[0] != '*') return -3;
    if (rest.len == 1) {
        *ext = true;
        return -2;
    }
    int sec = 0;
    size_t i = 1;
    for (; i < rest.len && rest.ptr[i] >= '0' && rest.ptr[i] <= '9'; i++) {
        if (sec > 999) return -3;
        sec = sec * 10 + (rest.ptr[i] - '0');
    }
    if (i == 1) return -3;
    if (i < rest.len && rest.ptr[i] == '*' && i + 1 == rest.len) {
        *ext = true;
        return sec;
    }
    return i == rest.len ? sec : -3;
}

static ls_err percent_decode(struct ls_buf *out, struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        int hi = (i + 2 < s.len && s.ptr[i] == '%') ? hex_val(s.ptr[i + 1]) : -1;
        int lo = hi >= 0 ? hex_val(s.ptr[i + 2]) : -1;
        if (hi >= 0 && lo >= 0) {
            LS_TRY(ls_buf_addc(out, (uint8_t)(hi * 16 + lo)));
            i += 2;
        } else {
            LS_TRY(ls_buf_addc(out, s.ptr[i]));
        }
    }
    return LS_OK;
}

/* First extended section: "charset'lang'text": split off the charset. */
static struct ls_slice ext_charset(struct ls_slice raw, struct ls_slice *text)
{
    struct ls_slice cs = {raw.ptr, 0};
    size_t q1 = ls_slice_find(raw, 0, "'", 1);
    size_t q2 = q1 == SIZE_MAX ? SIZE_MAX : ls_slice_find(raw, q1 + 1, "'", 1);
    if (q2 == SIZE_MAX) {
        *text = raw;
        return cs;
    }
    (void)ls_slice_sub(raw, 0, q1, &cs);
    (void)ls_slice_from(raw, q2 + 1, text);
    return cs;
}

#define MIME_MAX_SECTIONS 64

/* Join RFC 2231 sections 0..MAX in order into raw bytes; *cs gets the
 * charset of section 0. Returns true if any section was found. */
static bool rfc2231_join(struct ls_slice v, const char *param, struct ls_buf *raw,
                         struct ls_buf *cs)
{
    bool found = false;
    for (int want = 0; want < MIME_MAX_SECTIONS; want++) {
        size_t pos = 0;
        struct mparam p;
        bool hit = false;
        while (!hit && next_param(v, &pos, &p)) {
            bool ext;
            int sec = rfc2231_section(p.name, param, &ext);
            int match = sec == -2 ? 0 : sec;
            if (match != want) continue;
            hit = true;
            struct ls_buf tmp;
            ls_buf_init(&tmp, v.len + 1);
            if (unquote(&tmp, &p) == LS_OK) {
                struct ls_slice t = ls_buf_slice(&tmp);
                if (ext && want == 0) {
                    struct ls_slice c = ext_charset(t, &t);
                    KEEP(ls_buf_add(cs, c.ptr, c.len));
                }
                if (ext) (void)percent_decode(raw, t);
                else KEEP(ls_buf_add(raw, t.ptr, t.len));
            }
            ls_buf_free(&tmp);
            if (sec == -2) return true;
        }
        if (!hit) break;
        found = true;
    }
    return found;
}

static bool has_eword(struct ls_slice s)
{
    size_t at = ls_slice_find(s, 0, "=?", 2);
    return at != SIZE_MAX && ls_slice_find(s, at + 2, "?=", 2) != SIZE_MAX;
}

bool mime_param(struct ls_slice value, const char *param, struct ls_buf *out)
{
    return mime_param_raw(value, param, out, MIME_CS_NONE);
}

bool mime_param_raw(struct ls_slice value, const char *param, struct ls_buf *out,
                    enum mime_charset raw_cs)
{
    struct ls_buf raw, cs;
    ls_buf_init(&raw, value.len + 1);
    ls_buf_init(&cs, 64);
    bool found = rfc2231_join(value, param, &raw, &cs);
    if (found && cs.len == 0 && has_eword(ls_buf_slice(&raw))) {
        /* RFC 2047 words inside RFC 2231 sections with no charset (Delta
         * Chat's test mail from real clients: filename*0="=?utf-8?Q?...?=";
         * filename*1="=?utf-8?Q?...?=", or filename*="=?utf-8?Q?...?="
         * without the charset''): decoded as Python's email does. */
        KEEP(mime_header_decode_raw(out, ls_buf_slice(&raw), NULL, raw_cs));
    } else if (found) {
        KEEP(mime_to_utf8(out, ls_buf_slice(&raw), mime_charset_lookup(ls_buf_slice(&cs))));
    } else {
        size_t pos = 0;
        struct mparam p;
        bool ext;
        while (!found && next_param(value, &pos, &p)) {
            if (rfc2231_section(p.name, param, &ext) != -1) continue;
            found = true;
            if (unquote(&raw, &p) == LS_OK)
                KEEP(mime_header_decode_raw(out, ls_buf_slice(&raw), NULL, raw_cs));
        }
    }
    ls_buf_free(&raw);
    ls_buf_free(&cs);
    return found;
}

bool mime_param_exact(struct ls_slice value, const char *param, struct ls_buf *out)
{
    size_t pos = 0;
    struct mparam p;
    bool ext;
    while (next_param(value, &pos, &p)) {
        if (rfc2231_section(p.name, param, &ext) != -1) continue;
        return unquote(out, &p) == LS_OK;
    }
    /* RFC 2231 sections (boundary*0=...): joined and decoded */
    return mime_param(value, param, out);
}

/* ---- uuencode ---- */

/* "begin NNN name": *name gets the file name (to the end of the line). */
bool mime_uu_begin(struct ls_slice line, struct ls_slice *name)
{
    if (!ls_slice_starts(line, "begin ", 6)) return false;
    size_t i = 6, digits = 0;
    while (i < line.len && line.ptr[i] >= '0' && line.ptr[i] <= '7') {
        i++;
        digits++;
    }
    if (digits < 3 || digits > 4 || i >= line.len || line.ptr[i] != ' ') return false;
    size_t end = line.len;
    while (end > i + 1 && (line.ptr[end - 1] == '\r' || line.ptr[end - 1] == ' ')) end--;
    return ls_slice_sub(line, i + 1, end - (i + 1), name) && name->len > 0;
}

/* Decode one uuencoded line into out; false on the terminating line. */
static bool uu_line(struct ls_slice line, struct ls_buf *out, ls_err *e)
{
    if (line.len == 0 || line.ptr[0] == '`' || line.ptr[0] == ' ' || ls_slice_starts(line, "end", 3))
        return false;
    size_t n = (size_t)((line.ptr[0] - 32) & 63);
    uint8_t quad[4], bytes[3];
    size_t k = 0, done = 0;
    for (size_t i = 1; i < line.len && done < n && *e == LS_OK; i++) {
        if (line.ptr[i] == '\r') break;
        quad[k++] = (uint8_t)((line.ptr[i] - 32) & 63);
        if (k < 4) continue;
        bytes[0] = (uint8_t)(quad[0] << 2 | quad[1] >> 4);
        bytes[1] = (uint8_t)(quad[1] << 4 | quad[2] >> 2);
        bytes[2] = (uint8_t)(quad[2] << 6 | quad[3]);
        size_t take = n - done < 3 ? n - done : 3;
        *e = ls_buf_add(out, bytes, take);
        done += take;
        k = 0;
    }
    return true;
}

bool mime_uu_decode(struct ls_slice text, size_t *pos, struct ls_buf *out, ls_err *e)
{
    while (*pos < text.len && *e == LS_OK) {
        size_t eol = ls_slice_find(text, *pos, "\n", 1);
        if (eol == SIZE_MAX) eol = text.len;
        struct ls_slice line;
        (void)ls_slice_sub(text, *pos, eol - *pos, &line);
        *pos = eol < text.len ? eol + 1 : text.len;
        if (!uu_line(line, out, e)) return true;
    }
    return false;
}

/* ---- BinHex 4.0 ---- */

static const char hqx_alphabet[] = "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";

/* CRC-CCITT (XMODEM) as BinHex computes it: over the bytes, then two zero bytes. */
static uint16_t hqx_crc(const uint8_t *p, size_t n)
{
    uint16_t crc = 0;
    for (size_t i = 0; i < n + 2; i++) {
        uint8_t b = i < n ? p[i] : 0;
        for (int k = 7; k >= 0; k--) {
            bool top = crc & 0x8000;
            crc = (uint16_t)(crc << 1 | ((b >> k) & 1));
            if (top) crc ^= 0x1021;
        }
    }
    return crc;
}

static uint32_t be32_at(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

enum mime_hqx mime_binhex_decode(struct ls_slice in, struct ls_buf *out, struct ls_buf *name, ls_err *e)
{
    static const char intro[] = "(This file must be converted with BinHex";
    size_t at = ls_slice_find(in, 0, intro, sizeof intro - 1);
    if (at == SIZE_MAX) return MIME_HQX_NONE;
    at = ls_slice_find(in, at, "\n:", 2);
    if (at == SIZE_MAX) return MIME_HQX_NONE;
    at += 2;
    int8_t map[256];
    memset(map, -1, sizeof map);
    for (int i = 0; hqx_alphabet[i]; i++) map[(uint8_t)hqx_alphabet[i]] = (int8_t)i;
    /* 6-bit text -> bytes, run-length expanded on the fly (0x90 n: the
     * byte before repeated to n in all; 0x90 0: a literal 0x90) */
    /* The expanded stream is held to the data fork's room plus the header
     * and CRCs (a run-length bomb or a budget already spent cannot grow
     * it), and decoding stops once the data fork and its CRC are in: the
     * resource fork after them is not read. */
    struct ls_buf raw;
    ls_buf_init(&raw, out->max <= SIZE_MAX - 1024 ? out->max + 1024 : SIZE_MAX);
    size_t need = SIZE_MAX; /* header + data fork + CRCs, once the header is in */
    uint32_t bits = 0;
    unsigned nbits = 0;
    bool closed = false, marker = false, enough = false;
    uint8_t last = 0;
    for (size_t i = at; i < in.len && *e == LS_OK; i++) {
        if (need == SIZE_MAX && raw.len >= 1 && raw.len >= 1u + raw.ptr[0] + 1 + 4 + 4 + 2 + 4 + 4) {
            size_t hl = 1u + raw.ptr[0] + 1 + 4 + 4 + 2 + 4 + 4;
            need = hl + 2 + (size_t)be32_at(raw.ptr + hl - 8) + 2;
        }
        if (raw.len >= need) {
            enough = true;
            break;
        }
        uint8_t c = in.ptr[i];
        if (c == ':') {
            closed = true;
            break;
        }
        if (c == '\r' || c == '\n' || c == ' ' || c == '\t') continue;
        if (map[c] < 0) break; /* not BinHex text: the end */
        bits = bits << 6 | (uint32_t)map[c];
        nbits += 6;
        if (nbits < 8) continue;
        nbits -= 8;
        uint8_t b = (uint8_t)(bits >> nbits);
        bits &= (1u << nbits) - 1;
        if (marker) {
            marker = false;
            if (b == 0) {
                last = 0x90;
                *e = ls_buf_addc(&raw, 0x90);
            } else {
                for (unsigned k = 1; k < b && *e == LS_OK; k++) *e = ls_buf_addc(&raw, last);
            }
        } else if (b == 0x90) {
            marker = true;
        } else {
            last = b;
            *e = ls_buf_addc(&raw, b);
        }
    }
    enum mime_hqx r = MIME_HQX_NONE;
    const uint8_t *p = raw.ptr;
    size_t n = raw.len;
    /* header: name length, name, 0, type, creator, flags (2), data length,
     * resource length, CRC */
    if (n >= 1 && n >= 1u + p[0] + 1 + 4 + 4 + 2 + 4 + 4 + 2) {
        size_t hl = 1u + p[0] + 1 + 4 + 4 + 2 + 4 + 4;
        uint16_t crc = (uint16_t)(p[hl] << 8 | p[hl + 1]);
        if (crc == hqx_crc(p, hl)) {
            uint32_t dlen = be32_at(p + hl - 8);
            size_t have = n - (hl + 2);
            size_t take = dlen < have ? dlen : have;
            if (*e == LS_OK) *e = ls_buf_add(name, p + 1, p[0]);
            if (*e == LS_OK) *e = ls_buf_add(out, p + hl + 2, take);
            bool whole = (closed || enough) && have >= (size_t)dlen + 2 &&
                         (uint16_t)(p[hl + 2 + dlen] << 8 | p[hl + 2 + dlen + 1]) == hqx_crc(p + hl + 2, dlen);
            r = whole ? MIME_HQX_WHOLE : MIME_HQX_CUT;
        }
    }
    ls_buf_free(&raw);
    return r;
}

/* ---- yEnc ---- */

static bool line_starts(struct ls_slice l, const char *p)
{
    size_t n = strlen(p);
    return l.len >= n && memcmp(l.ptr, p, n) == 0;
}

bool mime_yenc_begin(struct ls_slice line, struct ls_slice *name)
{
    while (line.len && (line.ptr[line.len - 1] == '\r' || line.ptr[line.len - 1] == ' '))
        line.len--;
    if (!line_starts(line, "=ybegin ")) return false;
    size_t at = ls_slice_find(line, 8, " name=", 6);
    if (at == SIZE_MAX || !ls_slice_from(line, at + 6, name)) return false;
    return name->len > 0;
}

uint64_t mime_yenc_param(struct ls_slice line, const char *key)
{
    char k[16];
    int n = snprintf(k, sizeof k, " %s=", key);
    if (n <= 0 || (size_t)n >= sizeof k) return 0;
    size_t name = ls_slice_find(line, 0, " name=", 6); /* the name runs to the end of the line */
    size_t at = ls_slice_find(line, 0, k, (size_t)n);
    if (at == SIZE_MAX || (name != SIZE_MAX && at > name)) return 0;
    uint64_t v = 0;
    for (size_t i = at + (size_t)n, d = 0; i < line.len && d < 15 && line.ptr[i] >= '0' && line.ptr[i] <= '9';
         i++, d++)
        v = v * 10 + (uint64_t)(line.ptr[i] - '0');
    return v;
}

bool mime_yenc_decode(struct ls_slice text, size_t *pos, struct ls_buf *out, ls_err *e)
{
    while (*pos < text.len) {
        size_t eol = ls_slice_find(text, *pos, "\n", 1);
        if (eol == SIZE_MAX) eol = text.len;
        struct ls_slice line;
        (void)ls_slice_sub(text, *pos, eol - *pos, &line);
        *pos = eol < text.len ? eol + 1 : text.len;
        if (line.len && line.ptr[line.len - 1] == '\r') line.len--;
        if (line_starts(line, "=yend")) return true;
        if (line_starts(line, "=ypart ")) continue;
        for (size_t i = 0; i < line.len; i++) {
            uint8_t b = line.ptr[i];
            if (b == '=') {
                if (++i >= line.len) break; /* a lone '=' at the end of a line */
                b = (uint8_t)(line.ptr[i] - 64);
            }
            ls_err r = ls_buf_addc(out, (char)(uint8_t)(b - 42));
            if (r != LS_OK) {
                *e = r;
                return false;
            }
        }
    }
    return false;
}

/* ---- attachment names ---- */

/* Netscape Messenger 4.x named the inline images of the HTML mail it
 * sent by the temporary file it had saved them in: "C:\\TEMP\\nsmailEG.png"
 * (Japanese Windows shows the backslash as a yen sign, and a mailbox
 * converted to UTF-8 keeps it so). That drive letter is how the sender's
 * machine worked, not a name built to land outside a folder: such a name
 * (a drive letter, a last component "nsmail..." right in a TEMP or TMP
 * folder, no "..") is no absolute_path alert. Five real messages of three test
 * suites (Stalwart legacy_035/039, mail-mime-parser m1005/m1006/m4004/m4008,
 * MimeKit's content-length.mbox) were `hostile` for it. */
static bool netscape_temp_name(struct ls_slice n)
{
    if (n.len < 4 || n.ptr[1] != ':') return false;
    size_t last = 0;
    bool temp = false;
    for (size_t i = 2; i <= n.len; i++) {
        size_t sep = 0;
        if (i == n.len || n.ptr[i] == '\\' || n.ptr[i] == '/') sep = 1;
        else if (n.len - i >= 2 && n.ptr[i] == 0xC2 && n.ptr[i + 1] == 0xA5) sep = 2; /* U+00A5 */
        if (!sep) continue;
        struct ls_slice comp = {n.ptr + last, i - last};
        if (i < n.len) { /* a folder: the one right above the name must be TEMP or TMP */
            temp = mime_slice_ieq(comp, "temp") || mime_slice_ieq(comp, "tmp");
            last = i + sep;
        }
        i += sep - 1;
    }
    struct ls_slice base = {n.ptr + last, n.len - last};
    return temp && base.len > 6 && mime_slice_istarts(base, "nsmail");
}

unsigned mime_name_alerts(struct ls_slice n, const char **tags, unsigned *nt)
{
    bool climbs = false;
    size_t start = 0;
    for (size_t i = 0; i <= n.len && !climbs; i++) {
        int ch = i < n.len ? n.ptr[i] : '/';
        if (ch != '/' && ch != '\\') continue;
        if (i - start == 2 && n.ptr[start] == '.' && n.ptr[start + 1] == '.') climbs = true;
        start = i + 1;
    }
    bool absolute = (n.len && (n.ptr[0] == '/' || n.ptr[0] == '\\')) ||
                    (n.len >= 2 && n.ptr[1] == ':' &&
                     ((n.ptr[0] >= 'A' && n.ptr[0] <= 'Z') || (n.ptr[0] >= 'a' && n.ptr[0] <= 'z')));
    if (climbs && *nt + 1 < LS_CHILD_MAX_TAGS) tags[(*nt)++] = LS_A_PATH_TRAVERSAL;
    if (absolute && !climbs && netscape_temp_name(n)) absolute = false;
    if (absolute && *nt + 1 < LS_CHILD_MAX_TAGS) tags[(*nt)++] = LS_A_ABSOLUTE_PATH;
    /* "invoice<U+202E>fdp.exe", a NUL or a newline: shown as something
     * else; a component over 255 UTF-16 units: no mail client's file
     * system saves it (NTFS and Outlook count UTF-16 units, so 92 Japanese
     * characters, 276 bytes of UTF-8, are a sound name; review3) */
    size_t longest = 0, units = 0;
    for (size_t i = 0; i <= n.len; i++) {
        int ch = i < n.len ? n.ptr[i] : '/';
        if (ch == '/' || ch == '\\') {
            if (units > longest) longest = units;
            units = 0;
        } else if ((ch & 0xC0) != 0x80) {
            units += ch >= 0xF0 ? 2 : 1; /* a lead byte: one character, two units past U+FFFF */
        }
    }
    if ((ls_name_has_control(n) || longest > 255) && *nt + 1 < LS_CHILD_MAX_TAGS) tags[(*nt)++] = LS_A_BAD_NAME;
    return *nt;
}

/* ---- dates ---- */

bool mime_filetime_date(struct ls_buf *out, uint64_t filetime)
{
    static const char days[7][4] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const uint64_t unix_epoch = 11644473600ull; /* seconds from 1601 to 1970 */
    uint64_t secs = filetime / 10000000u;
    if (filetime == 0 || secs < unix_epoch || secs - unix_epoch > 253402300799ull) return false;
    secs -= unix_epoch;
    uint64_t ndays = secs / 86400u, sod = secs % 86400u;
    int64_t y;
    unsigned m, d;
    ls_civil_from_days((int64_t)ndays, &y, &m, &d);
    return ls_buf_printf(out, "%s, %02u %s %04u %02u:%02u:%02u +0000", days[ndays % 7u], d,
                         months[m - 1u], (unsigned)y, (unsigned)(sod / 3600u), (unsigned)(sod / 60u % 60u),
                         (unsigned)(sod % 60u)) == LS_OK;
}

/* One NUL-terminated string of a one-off entry id at *at (UTF-16LE or
 * 8-bit), as UTF-8 into out; false when it runs past v. */
static bool oneoff_string(struct ls_slice v, size_t *at, bool u16, const struct ls_codepage *cp,
                          struct ls_buf *out)
{
    size_t i = *at, step = u16 ? 2 : 1;
    while (i + step <= v.len && (ls_slice_at(v, i) != 0 || (u16 && ls_slice_at(v, i + 1) != 0))) i += step;
    if (i + step > v.len) return false;
    struct ls_slice str;
    (void)ls_slice_sub(v, *at, i - *at, &str);
    *at = i + step;
    ls_err e = u16 ? ls_utf16_to_utf8(out, str, false) : ls_codepage_to_utf8(out, str, cp);
    return e == LS_OK;
}

#define ONEOFF_MAX_MEMBERS 100000u /* a distribution list of Exchange's size */

unsigned mime_oneoff_members(struct ls_buf *out, struct ls_slice v, const struct ls_codepage *cp)
{
    static const uint8_t uid[16] = {0x81, 0x2B, 0x1F, 0xA4, 0xBE, 0xA3, 0x10, 0x19,
                                    0x9D, 0x6E, 0x00, 0xDD, 0x01, 0x0F, 0x54, 0x02};
    unsigned n = 0;
    size_t from = 0;
    struct ls_buf name, type, addr;
    ls_buf_init(&name, 4096);
    ls_buf_init(&type, 256);
    ls_buf_init(&addr, 4096);
    while (n < ONEOFF_MAX_MEMBERS) {
        size_t at = ls_slice_find(v, from, uid, sizeof uid);
        if (at == SIZE_MAX) break;
        from = at + 1;
        uint16_t version = 0, flags = 0;
        if (!ls_rd_u16le(v, at + 16, &version) || !ls_rd_u16le(v, at + 18, &flags) || version != 0) continue;
        bool u16 = (flags & 0x8000u) != 0;
        size_t p = at + 20;
        ls_buf_reset(&name);
        ls_buf_reset(&type);
        ls_buf_reset(&addr);
        if (!oneoff_string(v, &p, u16, cp, &name) || !oneoff_string(v, &p, u16, cp, &type) ||
            !oneoff_string(v, &p, u16, cp, &addr) || (name.len == 0 && addr.len == 0))
            continue;
        from = p;
        if (ls_buf_adds(out, "Member: ") != LS_OK || ls_buf_add(out, name.ptr, name.len) != LS_OK ||
            ls_buf_adds(out, " <") != LS_OK || ls_buf_add(out, addr.ptr, addr.len) != LS_OK ||
            ls_buf_adds(out, ">\n") != LS_OK)
            break;
        n++;
    }
    ls_buf_free(&name);
    ls_buf_free(&type);
    ls_buf_free(&addr);
    return n;
}

bool mime_cr_lines(struct ls_slice d, size_t look)
{
    struct ls_slice head;
    if (!ls_slice_sub(d, 0, d.len < look ? d.len : look, &head)) return false;
    size_t cr = ls_slice_find(head, 0, "\r", 1);
    return cr != SIZE_MAX && cr + 1 < head.len && ls_slice_find(head, 0, "\n", 1) == SIZE_MAX;
}

ls_err mime_add_cr_as_lf(struct ls_buf *out, struct ls_slice d)
{
    LS_TRY(ls_buf_reserve(out, d.len));
    size_t at = 0;
    while (at < d.len) {
        size_t cr = ls_slice_find(d, at, "\r", 1);
        size_t end = cr == SIZE_MAX ? d.len : cr;
        struct ls_slice run;
        (void)ls_slice_sub(d, at, end - at, &run);
        LS_TRY(ls_buf_add(out, run.ptr, run.len));
        if (cr == SIZE_MAX) break;
        LS_TRY(ls_buf_addc(out, ls_slice_at(d, cr + 1) == '\n' ? '\r' : '\n'));
        at = cr + 1;
    }
    return LS_OK;
}
