/*
 * SYLK (Symbolic Link: Excel's and Multiplan's "ID;P..." text sheets, .slk;
 * web applications still export them as .xls), read by the text handler
 * (sylk.h). One record a line, fields after ';': C (a cell: ;X column,
 * ;Y row, ;K value: a number, "text" with "" for a quote, TRUE/FALSE or an
 * error; ;A a comment) and F (a format record, whose ;X/;Y also move the
 * current cell). X and Y persist from record to record. ";;" inside a field
 * is a ';'. The sheet is written one row per line, cells tab-separated, as
 * the other sheet readers write theirs, comments on a line after their row,
 * and rows go through the header-row labels (tablectx.h). Formulas (;E)
 * and options (O) give no text. The number formats (P;P records, the nth
 * is format n) are kept: an F record's ;P picks the format of the cell it
 * names, and a number in a date format reads as an ISO date (Excel's
 * export of a date column is serials under P;Pm/d/yy: LibreOffice's
 * ooo80484-1.slk read 37651 for 2003-01-30). The E record ends every
 * sheet: a sheet without one was cut short (truncated, its cells kept).
 *
 * Attacker-controlled: every byte. Columns and rows are numbers the file
 * chooses: a row is written when its number changes (no buffering by
 * position), columns only tell the labels where a value stands (capped by
 * tablectx). Text out is bounded by the text budget (ls_emit_text).
 */
#include "extract/sylk.h"

#include "core/handler.h"
#include "extract/sheetdate.h"
#include "extract/sheetfmt.h"
#include "extract/tablectx.h"

#include <string.h>

#define SYLK_LINE_MAX (64u * 1024u) /* bytes of one record looked at */

bool ls_sylk_is(struct ls_slice data)
{
    size_t off = ls_slice_starts(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    struct ls_slice s;
    if (!ls_slice_from(data, off, &s) || !ls_slice_starts(s, "ID;", 3)) return false;
    if (ls_slice_find(s, 0, "\nC;", 3) != SIZE_MAX || ls_slice_find(s, 0, "\rC;", 3) != SIZE_MAX) return true;
    /* "ID;P" and the records writers put before the cells (formats,
     * fonts, bounds, options): a sheet cut before its first cell */
    static const char *const recs[] = {"\nP;", "\rP;", "\nF;", "\rF;", "\nB;", "\rB;", "\nO;", "\rO;"};
    if (!ls_slice_starts(s, "ID;P", 4)) return false;
    for (size_t i = 0; i < sizeof recs / sizeof recs[0]; i++)
        if (ls_slice_find(s, 0, recs[i], 3) != SIZE_MAX) return true;
    return false;
}

struct sylk {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf out, note, val;
    struct ls_buf vbuf, cbuf; /* the current record's value and comment */
    struct ls_tablectx tc;
    bool have_tc;
    uint32_t x, y;  /* the current cell, 1-based */
    uint32_t row;   /* the row being written (0: none yet) */
    bool row_open;
    struct ls_sheet_fmts fmts; /* P;P records, numbered from 0 */
    uint32_t nfmts;
    uint32_t fx, fy, fid; /* the last F record's cell and its ;P format */
    bool have_f;
    bool saw_end; /* the E record, which ends every sheet, was read */
};

/* A field's value: up to the next lone ';' (";;" is a ';'). A value
 * longer than v holds is cut (LS_E_LIMIT is no error); *err gets NOMEM. */
static size_t sylk_field(struct ls_slice line, size_t at, struct ls_buf *v, ls_err *err)
{
    ls_buf_reset(v);
    while (at < line.len) {
        uint8_t ch = line.ptr[at];
        if (ch == ';') {
            if (at + 1 < line.len && line.ptr[at + 1] == ';') at++; /* ";;" is a ';' */
            else break;
        }
        ls_err e = ls_buf_addc(v, ch);
        if (e == LS_E_NOMEM) *err = e;
        at++;
    }
    return at;
}

static uint32_t sylk_num(struct ls_slice s)
{
    uint32_t n = 0;
    for (size_t i = 0; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9'; i++)
        n = n > 100000000u ? n : n * 10 + (uint32_t)(s.ptr[i] - '0');
    return n;
}

static ls_err sylk_row_end(struct sylk *k)
{
    if (!k->row_open) return LS_OK;
    k->row_open = false;
    if (k->have_tc) LS_TRY(ls_tc_row_end(&k->tc, k->c, k->o));
    ls_err e = ls_buf_addc(&k->out, '\n');
    if (e == LS_OK && k->note.len) {
        e = ls_buf_add(&k->out, k->note.ptr, k->note.len);
        ls_buf_reset(&k->note);
    }
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* A number under the format an F record gave this cell, as shown: an ISO
 * date for a date format, a digit layout; else v as written. */
static struct ls_slice sylk_shown(struct sylk *k, struct ls_slice v, bool quoted, char *num)
{
    double d;
    if (quoted || !k->have_f || k->fx != k->x || k->fy != k->y || !ls_sheet_parse_num(v, &d) ||
        !ls_sheet_fmts_show(&k->fmts, k->fid, d, false, num, 64))
        return v;
    return ls_slice_make(num, strlen(num));
}

static ls_err sylk_cell(struct sylk *k, struct ls_slice v, bool quoted, struct ls_slice comment)
{
    if (k->y != k->row) {
        LS_TRY(sylk_row_end(k));
        k->row = k->y;
    }
    char num[64];
    v = sylk_shown(k, v, quoted, num);
    if (v.len) {
        struct ls_buf t;
        ls_buf_init(&t, v.len + 1);
        ls_err e = LS_OK;
        for (size_t i = 0; i < v.len && e == LS_OK; i++) { /* "" is a quote */
            e = ls_buf_addc(&t, v.ptr[i]);
            if (quoted && v.ptr[i] == '"' && i + 1 < v.len && v.ptr[i + 1] == '"') i++;
        }
        if (e == LS_OK) e = ls_buf_add(&k->out, t.ptr, t.len);
        if (e == LS_OK) e = ls_buf_addc(&k->out, '\t');
        if (k->have_tc && k->x > 0) ls_tc_cell(&k->tc, k->x - 1, ls_buf_slice(&t), quoted);
        ls_buf_free(&t);
        if (e != LS_OK && e != LS_E_LIMIT) return e;
        k->row_open = true;
    }
    if (comment.len) {
        ls_err e = ls_buf_add(&k->note, comment.ptr, comment.len);
        if (e == LS_OK) e = ls_buf_addc(&k->note, '\n');
        if (e != LS_OK && e != LS_E_LIMIT) return e;
        k->row_open = true;
    }
    return LS_OK;
}

/* P;P<code>: the next number format (";;" is a ';'); P;F, P;E: fonts. */
static ls_err sylk_format(struct sylk *k, struct ls_slice line)
{
    if (!ls_slice_starts(line, "P;P", 3) || k->nfmts >= LS_SHEET_FMTS_MAX) return LS_OK;
    ls_err err = LS_OK;
    (void)sylk_field(line, 3, &k->val, &err);
    if (err != LS_OK) return err;
    struct ls_slice code = ls_buf_slice(&k->val);
    if (code.len > LS_SHEET_CODE_MAX) code.len = LS_SHEET_CODE_MAX;
    return ls_sheet_fmts_add(&k->fmts, k->nfmts++, code);
}

static ls_err sylk_record(struct sylk *k, struct ls_slice line)
{
    if (line.len >= 1 && line.ptr[0] == 'E' && (line.len == 1 || line.ptr[1] == ';')) {
        k->saw_end = true;
        return LS_OK;
    }
    if (ls_slice_starts(line, "P;", 2)) return sylk_format(k, line);
    bool cell = ls_slice_starts(line, "C;", 2), fmt = ls_slice_starts(line, "F;", 2);
    if (!cell && !fmt) return LS_OK;
    bool have_p = false;
    uint32_t pid = 0;
    bool have_value = false, quoted = false, have_x = false;
    ls_buf_reset(&k->vbuf);
    ls_buf_reset(&k->cbuf);
    size_t at = 2;
    ls_err err = LS_OK;
    while (at < line.len && err == LS_OK) {
        uint8_t tag = line.ptr[at];
        at = sylk_field(line, at + 1, &k->val, &err);
        struct ls_slice f = ls_buf_slice(&k->val);
        if (tag == 'X') {
            k->x = sylk_num(f);
            have_x = true;
        } else if (tag == 'Y') {
            k->y = sylk_num(f);
            if (!have_x) k->x = 1; /* a new row starts at its first column */
        } else if (cell && tag == 'K') {
            quoted = f.len >= 2 && f.ptr[0] == '"' && f.ptr[f.len - 1] == '"';
            struct ls_slice v = quoted ? ls_slice_make(f.ptr + 1, f.len - 2) : f;
            ls_buf_reset(&k->vbuf);
            ls_err e = ls_buf_add(&k->vbuf, v.ptr, v.len); /* a cut value is what fit */
            if (e == LS_E_NOMEM) err = e;
            have_value = true;
        } else if (fmt && tag == 'P') {
            pid = sylk_num(f);
            have_p = true;
        } else if (cell && tag == 'A') {
            ls_buf_reset(&k->cbuf);
            ls_err e = ls_buf_add(&k->cbuf, f.ptr, f.len);
            if (e == LS_E_NOMEM) err = e;
        }
        if (at < line.len) at++; /* the ';' */
    }
    if (fmt && err == LS_OK) { /* the format of the cell it names */
        k->have_f = have_p;
        k->fx = k->x, k->fy = k->y == 0 ? 1 : k->y, k->fid = pid;
    }
    if (err != LS_OK || !cell) return err;
    if (k->y == 0) k->y = 1;
    return sylk_cell(k, have_value ? ls_buf_slice(&k->vbuf) : ls_slice_make(NULL, 0), quoted,
                     ls_buf_slice(&k->cbuf));
}

ls_err ls_sylk_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice data)
{
    struct sylk k;
    memset(&k, 0, sizeof k);
    k.c = c;
    k.o = o;
    k.x = 1;
    k.y = 1;
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_buf_init(&k.out, max);
    ls_buf_init(&k.note, max);
    ls_buf_init(&k.val, SYLK_LINE_MAX);
    ls_buf_init(&k.vbuf, SYLK_LINE_MAX);
    ls_buf_init(&k.cbuf, SYLK_LINE_MAX);
    k.have_tc = ls_tc_init(&k.tc) == LS_OK;
    ls_sheet_fmts_init(&k.fmts);
    ls_err e = LS_OK;
    size_t pos = 0, lines = 0;
    while (pos < data.len && e == LS_OK) {
        size_t end = pos;
        while (end < data.len && data.ptr[end] != '\n' && data.ptr[end] != '\r') end++;
        struct ls_slice line = ls_slice_make(data.ptr + pos, end - pos > SYLK_LINE_MAX ? SYLK_LINE_MAX : end - pos);
        e = sylk_record(&k, line);
        pos = end;
        while (pos < data.len && (data.ptr[pos] == '\n' || data.ptr[pos] == '\r')) pos++;
        if (e == LS_OK && ++lines % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK) e = sylk_row_end(&k);
    if (e == LS_OK || e == LS_E_LIMIT) e = ls_emit_text(c, o, k.out.ptr, k.out.len);
    ls_buf_free(&k.out);
    ls_buf_free(&k.note);
    ls_buf_free(&k.val);
    ls_buf_free(&k.vbuf);
    ls_buf_free(&k.cbuf);
    if (k.have_tc) ls_tc_free(&k.tc);
    ls_sheet_fmts_free(&k.fmts);
    if (e == LS_E_LIMIT) e = LS_OK;
    /* Every writer ends the sheet with an E record: a sheet without one
     * was cut (its last cells gone). Not said when the text given was cut
     * at the text budget (a converted sheet). */
    if (e == LS_OK && !k.saw_end && data.len < max) {
        ls_note(c, o, LS_R_TRUNCATED, "sylk: the sheet ends without its E record (cut short)");
        e = LS_E_TRUNCATED;
    }
    return e;
}
