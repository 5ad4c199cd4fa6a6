/*
 * A workbook's custom number formats by id (see sheetfmt.h).
 */
#include "extract/sheetfmt.h"

#include <stdlib.h>
#include <string.h>

#include "extract/sheetdate.h"

/* Kept with a format's flags, never returned by ls_sheet_fmts_flags: the
 * code shows elapsed time (ls_sheet_fmt_elapsed). */
#define SF_ELAPSED 0x100u

void ls_sheet_fmts_init(struct ls_sheet_fmts *t)
{
    memset(t, 0, sizeof *t);
    ls_buf_init(&t->codes, (size_t)LS_SHEET_FMTS_MAX * LS_SHEET_CODE_MAX);
}

void ls_sheet_fmts_free(struct ls_sheet_fmts *t)
{
    free(t->v);
    ls_buf_free(&t->codes);
    memset(t, 0, sizeof *t);
}

ls_err ls_sheet_fmts_add(struct ls_sheet_fmts *t, uint32_t id, struct ls_slice code)
{
    if (t->n >= LS_SHEET_FMTS_MAX) return LS_OK;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        struct ls_sheet_fmt *p = realloc(t->v, cap * sizeof *p);
        if (!p) return LS_E_NOMEM;
        t->v = p;
        t->cap = cap;
    }
    struct ls_sheet_fmt f = {id, (uint32_t)t->n, ls_sheet_fmt_code(code), 0, 0};
    if ((f.flags & LS_SHEET_TIME) && !(f.flags & LS_SHEET_DATE) && ls_sheet_fmt_elapsed(code))
        f.flags |= SF_ELAPSED;
    if (f.flags & LS_SHEET_DIGITS) {
        if (code.len > LS_SHEET_CODE_MAX) {
            f.flags &= ~LS_SHEET_DIGITS;
        } else {
            f.off = (uint32_t)t->codes.len;
            f.len = (uint32_t)code.len;
            LS_TRY(ls_buf_add(&t->codes, code.ptr, code.len));
        }
    }
    t->v[t->n++] = f;
    t->sorted = false;
    return LS_OK;
}

static int fmt_cmp(const void *a, const void *b)
{
    const struct ls_sheet_fmt *x = a, *y = b;
    if (x->id != y->id) return x->id < y->id ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The last definition of id, or NULL. */
static const struct ls_sheet_fmt *fmt_find(struct ls_sheet_fmts *t, uint32_t id)
{
    if (!t->sorted && t->n > 1) qsort(t->v, t->n, sizeof *t->v, fmt_cmp);
    t->sorted = true;
    size_t lo = 0, hi = t->n; /* first entry with a larger id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->v[mid].id <= id) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && t->v[lo - 1].id == id ? &t->v[lo - 1] : NULL;
}

unsigned ls_sheet_fmts_flags(struct ls_sheet_fmts *t, uint32_t id)
{
    const struct ls_sheet_fmt *f = fmt_find(t, id);
    return f ? f->flags & ~SF_ELAPSED : ls_sheet_builtin_fmt(id);
}

bool ls_sheet_fmts_show(struct ls_sheet_fmts *t, uint32_t id, double v, bool date1904, char *out,
                        size_t cap)
{
    const struct ls_sheet_fmt *f = fmt_find(t, id);
    unsigned flags = f ? f->flags : ls_sheet_builtin_fmt(id);
    /* a duration shows its hours past a day ("[h]:mm" 1.1875 reads 28:30:00,
     * not a date nor 1.1875: zdavatz/spreadsheet's test_datetime.xls) */
    if ((f ? (flags & SF_ELAPSED) != 0 : id == 46) && ls_sheet_elapsed(v, out, cap) > 0) return true;
    if (flags & (LS_SHEET_DATE | LS_SHEET_TIME)) return ls_sheet_date(v, date1904, flags, out, cap);
    if (!f) { /* built-in percents and fractions (ECMA-376 18.8.30) */
        static const char *const builtin[] = {[9] = "0%", [10] = "0.00%", [12] = "# ?/?",
                                              [13] = "# ?\?/??"};
        const char *b = id < sizeof builtin / sizeof builtin[0] ? builtin[id] : NULL;
        return b && ls_sheet_layout(ls_slice_make(b, strlen(b)), v, out, cap) > 0;
    }
    if (!(flags & LS_SHEET_DIGITS)) return false;
    struct ls_slice code = ls_slice_make(t->codes.ptr + f->off, f->len);
    return ls_sheet_layout(code, v, out, cap) > 0;
}

static bool hf_space_ok(const struct ls_buf *out)
{
    if (out->len == 0) return false;
    uint8_t last = out->ptr[out->len - 1];
    return last != ' ' && last != '\t' && last != '\n' && last != '\r';
}

/* The six characters at j are a colour of &K: hex digits, or two digits,
 * a sign and three digits. */
static bool hf_colour(struct ls_slice s, size_t j)
{
    if (j > s.len || s.len - j < 6) return false;
    for (size_t k = 0; k < 6; k++) {
        int ch = ls_slice_at(s, j + k);
        bool hex = (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f');
        if (!hex && !(k == 2 && (ch == '+' || ch == '-'))) return false;
    }
    return true;
}

ls_err ls_sheet_hf_plain(struct ls_slice s, struct ls_buf *out)
{
    size_t i = 0;
    while (i < s.len) {
        size_t j = i;
        while (j < s.len && ls_slice_at(s, j) != '&') j++;
        struct ls_slice run;
        (void)ls_slice_sub(s, i, j - i, &run);
        if (run.len) LS_TRY(ls_buf_add(out, run.ptr, run.len));
        if (j >= s.len) break;
        int next = ls_slice_at(s, j + 1);
        j += 2;
        if (next == '&') {
            LS_TRY(ls_buf_addc(out, '&'));
        } else {
            if (next == '"')
                while (j < s.len && ls_slice_at(s, j++) != '"') {}
            else if (next == '[') /* a field by name: &[Page], &[Tab] */
                while (j < s.len && ls_slice_at(s, j++) != ']') {}
            else if (next >= '0' && next <= '9')
                while (j < s.len && ls_slice_at(s, j) >= '0' && ls_slice_at(s, j) <= '9') j++;
            else if (next == 'K' && hf_colour(s, j))
                /* a font colour: &KRRGGBB, or a theme colour and tint
                 * &K01+033 (ECMA-376 18.3.1.39): six characters, never
                 * text ("&K000000Project" had read "000000Project") */
                j += 6;
            if (hf_space_ok(out)) LS_TRY(ls_buf_addc(out, ' '));
        }
        i = j;
    }
    return LS_OK;
}

/* The end of the string constant whose text starts at i (the index after
 * its closing quote, or f.len), and its length with "" counted once. */
static size_t formula_str_end(struct ls_slice f, size_t i, size_t *n)
{
    *n = 0;
    while (i < f.len) {
        if (ls_slice_at(f, i++) == '"') {
            if (i >= f.len || ls_slice_at(f, i) != '"') break;
            i++; /* "" is one quote */
        }
        (*n)++;
    }
    return i;
}

void ls_sheet_fstrs_init(struct ls_sheet_fstrs *t)
{
    ls_buf_init(&t->text, LS_SHEET_FSTR_TEXT_MAX);
    t->seen = NULL;
    t->n = 0;
}

void ls_sheet_fstrs_free(struct ls_sheet_fstrs *t)
{
    ls_buf_free(&t->text);
    free(t->seen);
    t->seen = NULL;
    t->n = 0;
}

void ls_sheet_fstrs_reset(struct ls_sheet_fstrs *t)
{
    ls_buf_reset(&t->text);
    if (t->seen) memset(t->seen, 0, LS_SHEET_FSTR_SEEN * sizeof *t->seen);
    t->n = 0;
}

/* FNV-1a of the constant's text (quotes undoubled), never 0. */
static uint64_t fstr_hash(struct ls_slice f, size_t i, size_t end)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t k = i; k < end; k++) {
        int ch = ls_slice_at(f, k);
        if (ch == '"' && (k + 1 >= end || ls_slice_at(f, ++k) != '"')) break;
        h = (h ^ (uint8_t)ch) * 1099511628211ull;
    }
    return h ? h : 1;
}

/* true when h is new (and now kept); false when seen or the table is full. */
static bool fstr_new(struct ls_sheet_fstrs *t, uint64_t h)
{
    if (t->n >= LS_SHEET_FSTR_SEEN / 4 * 3) return false;
    size_t slot = (size_t)(h % LS_SHEET_FSTR_SEEN);
    while (t->seen[slot]) {
        if (t->seen[slot] == h) return false;
        slot = (slot + 1) % LS_SHEET_FSTR_SEEN;
    }
    t->seen[slot] = h;
    t->n++;
    return true;
}

ls_err ls_sheet_fstrs_add(struct ls_sheet_fstrs *t, struct ls_slice f)
{
    size_t i = 0;
    while (i < f.len) {
        if (ls_slice_at(f, i++) != '"') continue;
        size_t n, end = formula_str_end(f, i, &n);
        if (n >= LS_SHEET_FSTR_MIN) { /* "", ",", "n/a": no value */
            if (!t->seen && !(t->seen = calloc(LS_SHEET_FSTR_SEEN, sizeof *t->seen))) return LS_E_NOMEM;
            if (!fstr_new(t, fstr_hash(f, i, end))) {
                i = end;
                continue;
            }
            ls_err e = LS_OK;
            for (size_t k = i; k < end && e == LS_OK; k++) {
                int ch = ls_slice_at(f, k);
                if (ch == '"' && (k + 1 >= end || ls_slice_at(f, ++k) != '"')) break;
                e = ls_buf_addc(&t->text, (uint8_t)ch);
            }
            if (e == LS_OK) e = ls_buf_addc(&t->text, '\n');
            if (e == LS_E_NOMEM) return e;
            if (e != LS_OK) return LS_OK; /* full: the rest is dropped */
        }
        i = end;
    }
    return LS_OK;
}

bool ls_sheet_fstrs_next(const struct ls_sheet_fstrs *t, size_t *pos, struct ls_slice *one)
{
    struct ls_slice all = ls_buf_slice(&t->text);
    if (*pos >= all.len) return false;
    size_t end = ls_slice_find(all, *pos, "\n", 1);
    if (end == SIZE_MAX) end = all.len;
    (void)ls_slice_sub(all, *pos, end - *pos, one);
    *pos = end + 1;
    return true;
}
