/* Tables printed as plain text (texttable.h). */
#include "extract/texttable.h"

#include <string.h>

#include "core/handler.h"
#include "extract/tablectx.h"

#define TT_LINE_MAX 2048u  /* a longer line is prose (or data), not a table row */
#define TT_MAX_FIELDS 64u  /* fields a header or row may have */
#define TT_BLANKS_END 2u   /* consecutive blank lines that end a table */
#define TT_CHECK_EVERY 4096u /* lines between two looks at the clock */

/* One field of a line: bytes [a, b) and characters [ca, cb). */
struct tt_field {
    size_t a, b, ca, cb;
};

/* The open table: its header's fields, rows seen under it, blank lines. */
struct tt_state {
    struct ls_tablectx tc;
    struct tt_field head[TT_MAX_FIELDS];
    size_t n_head; /* 0: no table open */
    size_t rows, blanks;
};

static bool tt_blank(int ch) { return ch == ' ' || ch == '\t'; }

/* A space ends a field when a blank, a '|' or the line's end follows it. */
static bool tt_sep_space(struct ls_slice line, size_t i)
{
    int next = ls_slice_at(line, i + 1);
    return next < 0 || tt_blank(next) || next == '|';
}

/* Split a line at '|', tabs and runs of two or more spaces. Returns the
 * number of fields, TT_MAX_FIELDS + 1 when there are more (f is then full). */
static size_t tt_split(struct ls_slice line, struct tt_field *f)
{
    size_t n = 0, chars = 0;
    bool in = false;
    for (size_t i = 0; i < line.len; i++) {
        int ch = ls_slice_at(line, i);
        if ((ch & 0xC0) != 0x80) chars++; /* a UTF-8 lead byte: the next character */
        size_t col = chars ? chars - 1 : 0;
        if (ch == '|' || ch == '\t' || (ch == ' ' && (!in || tt_sep_space(line, i)))) {
            in = false;
        } else if (!in) {
            if (n == TT_MAX_FIELDS) return n + 1;
            f[n++] = (struct tt_field){i, i + 1, col, col + 1};
            in = true;
        } else {
            f[n - 1].b = i + 1;
            f[n - 1].cb = col + 1;
        }
    }
    return n;
}

/* "-----  ------", "+----+----+", "|:---|---|", "=====". */
static bool tt_border(struct ls_slice line)
{
    size_t rule = 0;
    for (size_t i = 0; i < line.len; i++) {
        int ch = ls_slice_at(line, i);
        if (ch == '-' || ch == '=') rule++;
        else if (!tt_blank(ch) && ch != '+' && ch != '|' && ch != ':') return false;
    }
    return rule >= 3;
}

static struct ls_slice tt_text(struct ls_slice line, const struct tt_field *f)
{
    struct ls_slice s = ls_slice_make(NULL, 0);
    (void)ls_slice_sub(line, f->a, f->b - f->a, &s);
    return s;
}

/* A field that can be a column label (tablectx.h's rule). */
static bool tt_label(struct ls_slice s)
{
    if (s.len > LS_TC_MAX_LABEL) return false;
    unsigned digits = 0;
    bool letter = false;
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch == '@') return false;
        if (ch >= '0' && ch <= '9') digits++;
        if (((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0x80) letter = true;
    }
    if (s.len == 1 && ls_slice_at(s, 0) == '#') return true; /* a row-number column */
    return letter && digits < LS_TC_MIN_DIGITS;
}

static bool tt_header(struct ls_slice line, const struct tt_field *f, size_t n)
{
    if (n < LS_TC_MIN_COLS || n > TT_MAX_FIELDS) return false;
    for (size_t i = 0; i < n; i++)
        if (!tt_label(tt_text(line, &f[i]))) return false;
    return true;
}

/* The header column a row's field belongs to: the one its characters
 * overlap most, else the last one starting at or before it. */
static uint32_t tt_column(const struct tt_state *t, const struct tt_field *f)
{
    size_t best = 0, best_ov = 0, before = 0;
    for (size_t i = 0; i < t->n_head; i++) {
        size_t lo = t->head[i].ca;
        size_t hi = i + 1 < t->n_head ? t->head[i + 1].ca : SIZE_MAX;
        size_t a = f->ca > lo ? f->ca : lo, b = f->cb < hi ? f->cb : hi;
        if (b > a && b - a > best_ov) {
            best = i;
            best_ov = b - a;
        }
        if (lo <= f->ca) before = i;
    }
    return (uint32_t)(best_ov ? best : before);
}

static ls_err tt_open(struct tt_state *t, struct ls_ctx *c, struct ls_object *o,
                      struct ls_slice line, const struct tt_field *f, size_t n)
{
    memcpy(t->head, f, n * sizeof *f);
    t->n_head = n;
    t->rows = t->blanks = 0;
    ls_tc_reset(&t->tc);
    for (size_t i = 0; i < n; i++) ls_tc_cell(&t->tc, (uint32_t)i, tt_text(line, &f[i]), true);
    return ls_tc_row_end(&t->tc, c, o);
}

static ls_err tt_row(struct tt_state *t, struct ls_ctx *c, struct ls_object *o,
                     struct ls_slice line, const struct tt_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct ls_slice v = tt_text(line, &f[i]);
        ls_tc_cell(&t->tc, tt_column(t, &f[i]), v, ls_tc_is_text(v));
    }
    t->rows++;
    t->blanks = 0;
    return ls_tc_row_end(&t->tc, c, o);
}

static ls_err tt_line(struct tt_state *t, struct ls_ctx *c, struct ls_object *o,
                      struct ls_slice line)
{
    struct tt_field f[TT_MAX_FIELDS];
    if (line.len > TT_LINE_MAX) {
        t->n_head = 0;
        return LS_OK;
    }
    if (tt_border(line)) return LS_OK;
    size_t n = tt_split(line, f);
    if (n == 0) {
        if (++t->blanks >= TT_BLANKS_END) t->n_head = 0;
        return LS_OK;
    }
    bool header = tt_header(line, f, n);
    /* a title line above the real header ("Staff list     Page 1") gave way */
    if (header && (t->n_head == 0 || t->rows == 0)) return tt_open(t, c, o, line, f, n);
    if (t->n_head && n >= 2 && n <= TT_MAX_FIELDS) return tt_row(t, c, o, line, f, n);
    t->n_head = 0; /* prose: the table ended */
    return LS_OK;
}

ls_err ls_texttable_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice text)
{
    struct tt_state t;
    t.n_head = t.rows = t.blanks = 0;
    LS_TRY(ls_tc_init(&t.tc));
    ls_err e = LS_OK;
    size_t pos = 0, lines = 0;
    while (pos < text.len && e == LS_OK) {
        size_t nl = ls_slice_find(text, pos, "\n", 1);
        size_t end = nl == SIZE_MAX ? text.len : nl;
        struct ls_slice line;
        (void)ls_slice_sub(text, pos, end - pos, &line);
        pos = nl == SIZE_MAX ? text.len : nl + 1;
        if (line.len && ls_slice_at(line, line.len - 1) == '\r') line.len--;
        e = tt_line(&t, c, o, line);
        if (e == LS_OK && ++lines % TT_CHECK_EVERY == 0 && c && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    ls_tc_free(&t.tc);
    return e;
}
