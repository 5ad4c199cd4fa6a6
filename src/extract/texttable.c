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

#define TT_LOOKAHEAD 1000u /* rows read ahead to find the single-blank columns of a header */

/* The open table: its header's fields, rows seen under it, blank lines;
 * the character positions where a header's single blank separates two
 * columns (cuts), and the text with where the line after the current one
 * starts (for the look ahead). */
struct tt_state {
    struct ls_tablectx tc;
    struct tt_field head[TT_MAX_FIELDS];
    size_t n_head; /* 0: no table open */
    size_t rows, blanks;
    size_t cuts[TT_MAX_FIELDS];
    size_t n_cuts;
    struct ls_slice text;
    size_t next;
    size_t ahead_left; /* bytes the look aheads may still read (twice the text: linear time) */
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

/* ---- columns separated by one blank ----
 *
 * A fixed-width export's header may separate its columns by one blank
 * ("EMPNO SSN       LAST NAME"), which also separates the words of one
 * label ("LAST NAME"). A word of a header field that starts at character
 * w is a column of its own when every row below (up to the first line of
 * fewer than two fields, TT_LOOKAHEAD rows read) has a blank at w - 1 (or
 * ends before) and some row has a value starting at w: the header field
 * and the rows' fields are then cut there. "NAME" of "LAST NAME" stays:
 * no value starts under it. */

/* Sets, for each of the n ascending character positions w[], ok[] &=
 * (line has a blank at w - 1, or ends before) and starts[] |= (a
 * non-blank at w after a blank). */
static void tt_cut_probe(struct ls_slice line, const size_t *w, size_t n, bool *ok, bool *starts)
{
    size_t chars = 0, k = 0;
    int prev = ' ';
    for (size_t i = 0; i < line.len && k < n; i++) {
        int ch = ls_slice_at(line, i);
        if ((ch & 0xC0) == 0x80) continue;
        while (k < n && w[k] < chars) k++;
        if (k < n && w[k] == chars) {
            if (!tt_blank(prev)) ok[k] = false;
            else if (!tt_blank(ch)) starts[k] = true;
        }
        prev = ch;
        chars++;
    }
}

/* The cuts of a header (fields f of line): word starts inside its fields
 * that the rows below confirm. */
static void tt_find_cuts(struct tt_state *t, struct ls_slice line, const struct tt_field *f, size_t n)
{
    size_t w[TT_MAX_FIELDS], nw = 0;
    t->n_cuts = 0;
    for (size_t i = 0; i < n; i++) { /* a field's words after its first (ASCII-counted: labels) */
        size_t chars = f[i].ca;
        for (size_t b = f[i].a; b < f[i].b; b++) {
            int ch = ls_slice_at(line, b);
            if ((ch & 0xC0) == 0x80) continue;
            if (b > f[i].a && ch != ' ' && ls_slice_at(line, b - 1) == ' ' && nw + n < TT_MAX_FIELDS)
                w[nw++] = chars;
            chars++;
        }
    }
    if (nw == 0) return;
    bool ok[TT_MAX_FIELDS], starts[TT_MAX_FIELDS];
    for (size_t k = 0; k < nw; k++) ok[k] = true, starts[k] = false;
    size_t pos = t->next, rows = 0;
    while (pos < t->text.len && rows < TT_LOOKAHEAD && t->ahead_left) {
        size_t nl = ls_slice_find(t->text, pos, "\n", 1);
        size_t end = nl == SIZE_MAX ? t->text.len : nl;
        struct ls_slice r;
        (void)ls_slice_sub(t->text, pos, end - pos, &r);
        t->ahead_left -= t->ahead_left < end - pos + 1 ? t->ahead_left : end - pos + 1;
        pos = nl == SIZE_MAX ? t->text.len : nl + 1;
        if (r.len && ls_slice_at(r, r.len - 1) == '\r') r.len--;
        if (r.len > TT_LINE_MAX) break;
        if (tt_border(r)) continue;
        struct tt_field rf[TT_MAX_FIELDS];
        size_t rn = tt_split(r, rf);
        if (rn < 2 || rn > TT_MAX_FIELDS) break;
        tt_cut_probe(r, w, nw, ok, starts);
        rows++;
    }
    for (size_t k = 0; k < nw; k++)
        if (rows && ok[k] && starts[k]) t->cuts[t->n_cuts++] = w[k];
}

/* Fields f[0, n) cut at the cuts where line has a blank before the cut
 * (out holds TT_MAX_FIELDS); the new count. */
static size_t tt_apply_cuts(const struct tt_state *t, struct ls_slice line, const struct tt_field *f, size_t n,
                            struct tt_field *out)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        struct tt_field cur = f[i];
        size_t chars = cur.ca, k = 0;
        for (size_t b = cur.a; b < f[i].b; b++) {
            int ch = ls_slice_at(line, b);
            if ((ch & 0xC0) == 0x80) continue;
            while (k < t->n_cuts && t->cuts[k] < chars) k++;
            if (k < t->n_cuts && t->cuts[k] == chars && chars > cur.ca + 1 && ch != ' ' &&
                ls_slice_at(line, b - 1) == ' ' && m + 1 < TT_MAX_FIELDS) {
                size_t e = b - 1, ce = chars - 1; /* the blank; single spaces before it trimmed too */
                while (e > cur.a && ls_slice_at(line, e - 1) == ' ') e--, ce--;
                out[m++] = (struct tt_field){cur.a, e, cur.ca, ce};
                cur.a = b;
                cur.ca = chars;
            }
            chars++;
        }
        if (m < TT_MAX_FIELDS) out[m++] = cur;
    }
    return m;
}

static ls_err tt_open(struct tt_state *t, struct ls_ctx *c, struct ls_object *o,
                      struct ls_slice line, const struct tt_field *f0, size_t n0)
{
    struct tt_field f[TT_MAX_FIELDS];
    tt_find_cuts(t, line, f0, n0);
    size_t n = t->n_cuts ? tt_apply_cuts(t, line, f0, n0, f) : n0;
    if (!t->n_cuts) memcpy(f, f0, n0 * sizeof *f);
    memcpy(t->head, f, n * sizeof *f);
    t->n_head = n;
    t->rows = t->blanks = 0;
    ls_tc_reset(&t->tc);
    for (size_t i = 0; i < n; i++) ls_tc_cell(&t->tc, (uint32_t)i, tt_text(line, &f[i]), true);
    return ls_tc_row_end(&t->tc, c, o);
}

static ls_err tt_row(struct tt_state *t, struct ls_ctx *c, struct ls_object *o,
                     struct ls_slice line, const struct tt_field *f0, size_t n0)
{
    struct tt_field cut[TT_MAX_FIELDS];
    const struct tt_field *f = f0;
    size_t n = n0;
    if (t->n_cuts) {
        n = tt_apply_cuts(t, line, f0, n0, cut);
        f = cut;
    }
    for (size_t i = 0; i < n; i++) {
        struct ls_slice v = tt_text(line, &f[i]);
        ls_tc_cell(&t->tc, tt_column(t, &f[i]), v, ls_tc_is_text(v));
    }
    t->rows++;
    t->blanks = 0;
    return ls_tc_row_end(&t->tc, c, o);
}

/* Whether tt_split() can find two fields in line: it ends a field only at
 * a '|', a tab, or a space before a blank, a '|' or the line's end (a
 * trailing space ends the last field and starts none). */
_Static_assert(LS_TC_MIN_COLS >= 2, "a header has two fields at least");
static bool tt_may_split(struct ls_slice line)
{
    return ls_slice_find(line, 0, "|", 1) != SIZE_MAX || ls_slice_find(line, 0, "\t", 1) != SIZE_MAX ||
           ls_slice_find(line, 0, "  ", 2) != SIZE_MAX;
}

static ls_err tt_line(struct tt_state *t, struct ls_ctx *c, struct ls_object *o,
                      struct ls_slice line)
{
    struct tt_field f[TT_MAX_FIELDS];
    if (line.len > TT_LINE_MAX) {
        t->n_head = 0;
        return LS_OK;
    }
    /* No table open and at most one field (prose, most lines of a text):
     * no header (LS_TC_MIN_COLS), and nothing below changes the state
     * (blank lines count only under a table; tt_open() resets them). */
    if (t->n_head == 0 && !tt_may_split(line)) return LS_OK;
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

/* The first byte at or after FROM of a '|', a tab or two blanks in a row
 * (tt_may_split()), or text.len. mark[] caches each one's first position
 * at or after an earlier FROM (SIZE_MAX: not looked for yet), so the text
 * is searched at most once for each. */
static size_t tt_next_mark(struct ls_slice text, size_t from, size_t mark[3])
{
    static const char *const needle[3] = {"|", "\t", "  "};
    size_t first = text.len;
    for (int k = 0; k < 3; k++) {
        if (mark[k] == SIZE_MAX || (mark[k] < text.len && mark[k] < from)) {
            size_t at = ls_slice_find(text, from, needle[k], k == 2 ? 2 : 1);
            mark[k] = at == SIZE_MAX ? text.len : at;
        }
        if (mark[k] < first) first = mark[k];
    }
    return first;
}

ls_err ls_texttable_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice text)
{
    struct tt_state t;
    t.n_head = t.rows = t.blanks = t.n_cuts = 0;
    t.text = text;
    t.next = 0;
    t.ahead_left = text.len > SIZE_MAX / 2 ? SIZE_MAX : 2 * text.len;
    size_t mark[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    /* with no table open, a line that may not split changes nothing
     * (tt_line()): the lines before the next one that may are skipped */
    if (tt_next_mark(text, 0, mark) >= text.len) return LS_OK;
    LS_TRY(ls_tc_init(&t.tc));
    ls_err e = LS_OK;
    size_t pos = 0, lines = 0;
    while (pos < text.len && e == LS_OK) {
        if (t.n_head == 0) {
            size_t m = tt_next_mark(text, pos, mark);
            if (m >= text.len) break;
            const uint8_t *nl = m > pos ? memrchr(text.ptr + pos, '\n', m - pos) : NULL;
            if (nl) pos = (size_t)(nl - text.ptr) + 1; /* the start of m's line */
        }
        size_t nl = ls_slice_find(text, pos, "\n", 1);
        size_t end = nl == SIZE_MAX ? text.len : nl;
        struct ls_slice line;
        (void)ls_slice_sub(text, pos, end - pos, &line);
        pos = nl == SIZE_MAX ? text.len : nl + 1;
        if (line.len && ls_slice_at(line, line.len - 1) == '\r') line.len--;
        t.next = pos;
        e = tt_line(&t, c, o, line);
        if (e == LS_OK && ++lines % TT_CHECK_EVERY == 0 && c && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    ls_tc_free(&t.tc);
    return e;
}
