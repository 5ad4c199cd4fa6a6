/* Shared by ooxml.c and odf.c (see docpart.h). */
#include "extract/docpart.h"
#include "unpack/zipread.h"

#include <stdio.h>
#include <string.h>

size_t ls_docpart_max(const struct ls_ctx *c)
{
    uint64_t m = ls_ctx_limits(c)->spill_threshold;
    uint64_t left = ls_budget_left(c);
    if (left < m) m = left;
    return m > SIZE_MAX ? SIZE_MAX : (size_t)m;
}

const char *ls_docpart_reason(ls_err e)
{
    switch (e) {
    case LS_E_ENCRYPTED: return LS_R_ENCRYPTED;
    case LS_E_TRUNCATED: return LS_R_TRUNCATED;
    case LS_E_LIMIT: return LS_R_LIMIT_BYTES;
    case LS_E_TIMEOUT: return LS_R_LIMIT_TIME;
    default: return LS_R_PARSE_ERROR;
    }
}

void ls_docpart_member_error(struct ls_ctx *c, struct ls_object *o, ls_err *result, const char *who,
                             const char *name, ls_err e, const char *what)
{
    ls_note(c, o, ls_docpart_reason(e), "%s: %.200s: %s (%s)", who, name, what, ls_err_name(e));
    if (*result == LS_OK) *result = e;
}

bool ls_docpart_read(struct ls_ctx *c, struct ls_object *o, ls_err *result, const char *who, struct ls_zip *z,
                     size_t i, const char *name, struct ls_buf *part, ls_err *err)
{
    ls_buf_reset(part);
    *err = ls_zip_read(z, i, ls_docpart_max(c), part);
    if (*err == LS_E_NOMEM || *err == LS_E_TIMEOUT) return false;
    if (*err != LS_OK) ls_docpart_member_error(c, o, result, who, name, *err, "member read");
    return *err != LS_E_ENCRYPTED && (part->len > 0 || *err == LS_OK);
}

bool ls_docpart_appledouble(struct ls_slice data)
{
    return data.len >= 4 && memcmp(data.ptr, "\x00\x05\x16\x07", 4) == 0;
}

/* ------------------------------------------------------------ list numbers */

static size_t docpart_roman(uint32_t n, bool upper, char *out, size_t cap)
{
    static const struct {
        uint32_t v;
        const char *s;
    } r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
             {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    size_t len = 0;
    for (size_t k = 0; k < sizeof r / sizeof r[0]; k++) {
        while (n >= r[k].v) {
            for (const char *p = r[k].s; *p && len + 1 < cap; p++)
                out[len++] = upper ? (char)(*p - 'a' + 'A') : *p;
            n -= r[k].v;
        }
    }
    out[len] = 0;
    return len;
}

size_t ls_docpart_list_number(uint32_t n, enum ls_listfmt f, char *out, size_t cap)
{
    if (cap == 0) return 0;
    out[0] = 0;
    if (f == LS_LF_NONE || f == LS_LF_BULLET) return 0;
    if ((f == LS_LF_LOWER_ROMAN || f == LS_LF_UPPER_ROMAN) && n >= 1 && n <= 3999)
        return docpart_roman(n, f == LS_LF_UPPER_ROMAN, out, cap);
    if ((f == LS_LF_LOWER_LETTER || f == LS_LF_UPPER_LETTER) && n >= 1 && n <= 780) {
        /* Word and LibreOffice: a..z, then the letter twice (aa, bb), thrice */
        size_t reps = (n - 1) / 26 + 1, len = 0;
        char ch = (char)((f == LS_LF_UPPER_LETTER ? 'A' : 'a') + (n - 1) % 26);
        while (reps-- && len + 1 < cap) out[len++] = ch;
        out[len] = 0;
        return len;
    }
    if (f == LS_LF_ORDINAL) {
        unsigned t = n % 100 / 10 == 1 ? 0 : n % 10;
        int k = snprintf(out, cap, "%u%s", (unsigned)n,
                         t == 1 ? "st" : t == 2 ? "nd" : t == 3 ? "rd" : "th");
        if (k < 0) return 0;
        return (size_t)k < cap ? (size_t)k : cap - 1;
    }
    int k = snprintf(out, cap, f == LS_LF_DECIMAL_ZERO && n < 10 ? "0%u" : "%u", (unsigned)n);
    if (k < 0) return 0;
    return (size_t)k < cap ? (size_t)k : cap - 1;
}

void ls_docpart_list_fill(const struct ls_listlvl *lv, struct ls_listctr *ctr, unsigned lvl)
{
    for (unsigned d = 0; d < lvl && d < LS_LIST_LEVELS; d++) {
        if (ctr->started & (1u << d)) continue;
        ctr->cur[d] = lv[d].start;
        ctr->started = (uint16_t)(ctr->started | 1u << d);
    }
}

size_t ls_docpart_list_next(const struct ls_listlvl *lv, struct ls_listctr *ctr, unsigned lvl,
                            char *out, size_t cap)
{
    if (cap == 0) return 0;
    out[0] = 0;
    if (lvl >= LS_LIST_LEVELS) return 0;
    if (ctr->started & (1u << lvl)) {
        if (ctr->cur[lvl] < 999999999u) ctr->cur[lvl]++;
    } else {
        ctr->cur[lvl] = lv[lvl].start;
    }
    ctr->started = (uint16_t)(ctr->started | (1u << lvl));
    for (unsigned d = lvl + 1; d < LS_LIST_LEVELS; d++) {
        unsigned r = lv[d].restart; /* Word's lvlRestart: 0 never, k at levels < k */
        if (r == 0 || (r >= 2 && lvl < r - 1u)) ctr->started = (uint16_t)(ctr->started & ~(1u << d));
    }
    if (lv[lvl].fmt == LS_LF_BULLET) return 0;
    size_t len = 0;
    const char *t = lv[lvl].text;
    for (size_t i = 0; t[i] && i < LS_LIST_TEXT && len + 1 < cap; i++) {
        if (t[i] != '%' || t[i + 1] < '1' || t[i + 1] > '9') {
            out[len++] = t[i];
            continue;
        }
        unsigned d = (unsigned)(t[++i] - '1');
        uint32_t v = (ctr->started & (1u << d)) ? ctr->cur[d] : lv[d].start;
        enum ls_listfmt f = (enum ls_listfmt)lv[d].fmt;
        if (lv[lvl].legal && f != LS_LF_NONE && f != LS_LF_BULLET) f = LS_LF_DECIMAL;
        len += ls_docpart_list_number(v, f, out + len, cap - len);
    }
    out[len] = 0;
    return len;
}
