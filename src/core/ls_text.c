/* UTF-8, UTF-16, Windows-1252 and the JSON string encoder (see ls_core.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/ls_core.h"

ls_err ls_utf8_put(struct ls_buf *b, uint32_t cp)
{
    uint8_t o[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (uint8_t)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (uint8_t)(0xC0 | (cp >> 6));
        o[1] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (uint8_t)(0xE0 | (cp >> 12));
        o[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (uint8_t)(0xF0 | (cp >> 18));
        o[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return ls_buf_add(b, o, n);
}

int32_t ls_utf8_next(struct ls_slice s, size_t *pos)
{
    size_t i = *pos;
    if (i >= s.len) return -1;
    uint8_t c = s.ptr[i];
    if (c < 0x80) {
        *pos = i + 1;
        return c;
    }
    unsigned need;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, cp = c & 0x07, min = 0x10000;
    } else {
        *pos = i + 1;
        return -1;
    }
    if (need > s.len - i - 1) {
        *pos = i + 1;
        return -1;
    }
    for (unsigned k = 1; k <= need; k++) {
        uint8_t d = s.ptr[i + k];
        if ((d & 0xC0) != 0x80) {
            *pos = i + 1;
            return -1;
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *pos = i + 1;
        return -1;
    }
    *pos = i + 1 + need;
    return (int32_t)cp;
}

/* Position of the first byte >= 0x80 at or after pos, or s.len: eight bytes
 * at a time (memcpy into a uint64_t: no alignment or aliasing assumptions),
 * then byte by byte for the tail. */
static size_t utf8_ascii_end(struct ls_slice s, size_t pos)
{
    while (s.len - pos >= 8) {
        uint64_t v;
        memcpy(&v, &s.ptr[pos], 8);
        if (v & UINT64_C(0x8080808080808080)) break;
        pos += 8;
    }
    while (pos < s.len && s.ptr[pos] < 0x80) pos++;
    return pos;
}

/* A C1 control, a line or paragraph separator (U+2028/U+2029: a line break
 * to editors, JavaScript and str.splitlines()) or a bidi
 * embedding/override/isolate spelled in UTF-8 at i. */
static bool hidden_control_at(struct ls_slice s, size_t i)
{
    int b0 = ls_slice_at(s, i), b1 = ls_slice_at(s, i + 1), b2 = ls_slice_at(s, i + 2);
    if (b0 == 0xc2 && b1 >= 0x80 && b1 <= 0x9f) return true;
    if (b0 == 0xe2 && b1 == 0x80 && b2 >= 0xa8 && b2 <= 0xae) return true;
    return b0 == 0xe2 && b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9;
}

bool ls_name_has_control(struct ls_slice name)
{
    for (size_t i = 0; i < name.len; i++) {
        int ch = ls_slice_at(name, i);
        if (ch < 0x20 || ch == 0x7f || ((ch == 0xc2 || ch == 0xe2) && hidden_control_at(name, i)))
            return true;
    }
    return false;
}

/* The CR of "Icon\r" (and its AppleDouble twin "._Icon\r"): the file
 * macOS Finder writes in every folder given a custom icon, in every zip of
 * such a folder Finder or ditto makes, and in every copy of a Mac share.
 * Only a CR ending a component that is exactly that name is spared. */
bool ls_name_hides(struct ls_slice name)
{
    if (!ls_name_has_control(name)) return false;
    uint8_t *copy = malloc(name.len ? name.len : 1);
    if (!copy) return true;
    memcpy(copy, name.ptr, name.len);
    bool spared = false;
    for (size_t i = 4; i < name.len; i++) {
        if (copy[i] != '\r' || (i + 1 < name.len && copy[i + 1] != '/' && copy[i + 1] != '\\')) continue;
        size_t st = i - 4;
        if (memcmp(copy + st, "Icon", 4) != 0) continue;
        if (st >= 2 && copy[st - 1] == '_' && copy[st - 2] == '.') st -= 2;
        if (st > 0 && copy[st - 1] != '/' && copy[st - 1] != '\\') continue;
        copy[i] = '_';
        spared = true;
    }
    bool bad = !spared || ls_name_has_control(ls_slice_make(copy, name.len));
    free(copy);
    return bad;
}

bool ls_utf8_valid(struct ls_slice s)
{
    size_t pos = 0;
    while ((pos = utf8_ascii_end(s, pos)) < s.len)
        if (ls_utf8_next(s, &pos) < 0) return false;
    return true;
}

static int text_fold(int32_t cp);

/* s appended to b: runs of valid UTF-8 copied whole, an invalid byte as
 * U+FFFD, and with fold a character text_fold() maps replaced (or dropped). */
static ls_err utf8_copy(struct ls_buf *b, struct ls_slice s, bool fold)
{
    size_t pos = 0, run = 0;
    if (s.len == 0) return LS_OK; /* s.ptr may be NULL: no arithmetic on it */
    while ((pos = utf8_ascii_end(s, pos)) < s.len) {
        size_t at = pos;
        int32_t cp = ls_utf8_next(s, &pos);
        int f = cp >= 0 && fold ? text_fold(cp) : -1;
        /* a soft hyphen between digits is a hyphen: a number written
         * with U+00AD for its hyphens (Google Docs' PDFs: "536\u00ad22\u00ad
         * 8714") is found as written, not run together */
        if (cp == 0xAD && f == 0 && at > 0 && isdigit(s.ptr[at - 1]) && pos < s.len && isdigit(s.ptr[pos]))
            f = '-';
        if (cp >= 0 && f < 0) continue;
        /* flush the run before it, then its replacement */
        LS_TRY(ls_buf_add(b, s.ptr + run, at - run));
        if (cp < 0) LS_TRY(ls_utf8_put(b, 0xFFFD));
        else if (f > 0) LS_TRY(ls_buf_addc(b, (uint8_t)f));
        run = pos;
    }
    return ls_buf_add(b, s.ptr + run, s.len - run);
}

ls_err ls_utf8_lossy(struct ls_buf *b, struct ls_slice s)
{
    return utf8_copy(b, s, false);
}

/* What a rule should see for code point cp: the ASCII twin of a
 * full-width digit, letter or identifier sign (@ . - + ( ) / # _:
 * "５３６－２２－１８７４", "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"; full-width
 * sentence punctuation, the CJK comma and exclamation mark, stays), a space
 * for the no-break and fixed-width spaces, '-' for the hyphens made for
 * numbers (U+2010-U+2012, the minus sign; not the en dash of ranges and
 * prose), 0 to drop it (soft hyphen, zero-width space, word joiner, a BOM
 * inside text; utf8_copy() makes a soft hyphen between digits '-'), -1 to
 * keep it. */
static int text_fold(int32_t cp)
{
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
        return (int)(cp - 0xFEE0);
    switch (cp) {
    case 0xFF20: case 0xFF0E: case 0xFF0D: case 0xFF0B: case 0xFF08: case 0xFF09: case 0xFF0F:
    case 0xFF03: case 0xFF3F:
        return (int)(cp - 0xFEE0);
    case 0x00A0: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
        return ' ';
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0xFE63:
        return '-';
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
        return 0;
    default:
        return -1;
    }
}

bool ls_utf8_foldable(struct ls_slice s)
{
    size_t pos = 0;
    while ((pos = utf8_ascii_end(s, pos)) < s.len) {
        int32_t cp = ls_utf8_next(s, &pos);
        if (cp >= 0 && text_fold(cp) >= 0) return true;
    }
    return false;
}

ls_err ls_utf8_fold_lossy(struct ls_buf *b, struct ls_slice s)
{
    return utf8_copy(b, s, true);
}

uint32_t ls_cp1252(uint8_t ch)
{
    static const uint16_t hi[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    if (ch >= 0x80 && ch < 0xA0) return hi[ch - 0x80];
    return ch;
}

ls_err ls_utf16_to_utf8(struct ls_buf *b, struct ls_slice s, bool big_endian)
{
    size_t i = 0;
    while (i + 1 < s.len) {
        uint32_t u = big_endian ? ((uint32_t)s.ptr[i] << 8 | s.ptr[i + 1])
                                : ((uint32_t)s.ptr[i + 1] << 8 | s.ptr[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.len) {
            uint32_t l = big_endian ? ((uint32_t)s.ptr[i] << 8 | s.ptr[i + 1])
                                    : ((uint32_t)s.ptr[i + 1] << 8 | s.ptr[i]);
            if (l >= 0xDC00 && l <= 0xDFFF) {
                i += 2;
                u = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
            }
        }
        LS_TRY(ls_utf8_put(b, u));
    }
    return LS_OK;
}

/* ---- JSON ---- */

static ls_err json_escape_cp(struct ls_buf *b, uint8_t c)
{
    switch (c) {
    case '"': return ls_buf_add(b, "\\\"", 2);
    case '\\': return ls_buf_add(b, "\\\\", 2);
    case '\n': return ls_buf_add(b, "\\n", 2);
    case '\r': return ls_buf_add(b, "\\r", 2);
    case '\t': return ls_buf_add(b, "\\t", 2);
    case '\b': return ls_buf_add(b, "\\b", 2);
    case '\f': return ls_buf_add(b, "\\f", 2);
    default: return ls_buf_printf(b, "\\u%04x", c);
    }
}

ls_err ls_json_str(struct ls_buf *b, struct ls_slice s, bool *lossy)
{
    LS_TRY(ls_buf_addc(b, '"'));
    size_t pos = 0, run = 0;
    while (pos < s.len) {
        uint8_t c = s.ptr[pos];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != 0x7f) {
            pos++;
            continue;
        }
        size_t at = pos;
        int32_t cp = c < 0x80 ? (pos++, (int32_t)c) : ls_utf8_next(s, &pos);
        /* valid multibyte: part of the run, except C1 controls (U+0085 is a
         * line break) and U+2028/U+2029, which readers that split lines the
         * Unicode way (Python's str.splitlines(), JavaScript) take for line
         * ends: escaped, so no name can split a manifest line */
        if (cp >= 0xa0 && cp != 0x2028 && cp != 0x2029) continue;
        LS_TRY(ls_buf_add(b, s.ptr + run, at - run));
        if (cp < 0) {
            LS_TRY(ls_buf_add(b, "\\ufffd", 6));
            if (lossy) *lossy = true;
        } else if (cp >= 0x7f) {
            LS_TRY(ls_buf_printf(b, "\\u%04x", (unsigned)cp));
        } else {
            LS_TRY(json_escape_cp(b, (uint8_t)cp));
        }
        run = pos;
    }
    LS_TRY(ls_buf_add(b, s.ptr + run, s.len - run));
    return ls_buf_addc(b, '"');
}

ls_err ls_json_cstr(struct ls_buf *b, const char *s)
{
    return ls_json_str(b, ls_slice_make(s, s ? strlen(s) : 0), NULL);
}

ls_err ls_json_b64(struct ls_buf *b, struct ls_slice s)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    LS_TRY(ls_buf_addc(b, '"'));
    size_t i = 0;
    for (; i + 3 <= s.len; i += 3) {
        uint32_t v = (uint32_t)s.ptr[i] << 16 | (uint32_t)s.ptr[i + 1] << 8 | s.ptr[i + 2];
        char o[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], tbl[v & 63]};
        LS_TRY(ls_buf_add(b, o, 4));
    }
    if (s.len - i == 1) {
        uint32_t v = (uint32_t)s.ptr[i] << 16;
        char o[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], '=', '='};
        LS_TRY(ls_buf_add(b, o, 4));
    } else if (s.len - i == 2) {
        uint32_t v = (uint32_t)s.ptr[i] << 16 | (uint32_t)s.ptr[i + 1] << 8;
        char o[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], '='};
        LS_TRY(ls_buf_add(b, o, 4));
    }
    return ls_buf_addc(b, '"');
}

/* ---- link targets ---- */

static bool link_sep(int ch) { return ch == '/' || ch == '\\'; }

/* Bytes [from, to) of t equal the lower-case ASCII word w, ignoring case. */
static bool link_word_at(struct ls_slice t, size_t from, size_t to, const char *w)
{
    size_t n = strlen(w);
    if (to - from != n) return false;
    for (size_t j = 0; j < n; j++)
        if (tolower(ls_slice_at(t, from + j)) != w[j]) return false;
    return true;
}

/* See ls_core.h. The scheme is read as RFC 3986 says (a letter, then
 * letters, digits, '+', '.', '-'); a one-letter "scheme" is a drive. */
bool ls_link_is_remote(struct ls_slice t)
{
    size_t i = 0, n = t.len;
    while (ls_slice_at(t, i) == ' ' || ls_slice_at(t, i) == '\t') i++;
    if (link_sep(ls_slice_at(t, i)) && link_sep(ls_slice_at(t, i + 1))) return true; /* UNC */
    size_t k = i;
    for (int ch = ls_slice_at(t, k); isalnum(ch) || ch == '+' || ch == '.' || ch == '-';
         ch = ls_slice_at(t, ++k)) {
    }
    if (ls_slice_at(t, k) != ':' || k - i < 2 || !isalpha(ls_slice_at(t, i)))
        return false; /* a path, relative or from a drive letter */
    if (!link_word_at(t, i, k, "file")) return true;
    i = k + 1;
    if (!link_sep(ls_slice_at(t, i)) || !link_sep(ls_slice_at(t, i + 1))) return false;
    i += 2;
    if (link_sep(ls_slice_at(t, i))) /* file:///path, or file:////host/share */
        return link_sep(ls_slice_at(t, i + 1));
    size_t h = i;
    while (h < n && !link_sep(ls_slice_at(t, h))) h++;
    if (link_word_at(t, i, h, "localhost")) return false;
    int c1 = ls_slice_at(t, i + 1);
    if (h - i == 2 && isalpha(ls_slice_at(t, i)) && (c1 == ':' || c1 == '|')) return false;
    return h > i;
}
