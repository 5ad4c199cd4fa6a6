/*
 * Pivot caches of Excel 97-2003 workbooks ([MS-XLS] 2.1.7.20.7, the
 * PivotCache streams): storage `_SX_DB_CUR` (`_SX_DB` in Excel 5) beside
 * the Workbook stream, one stream per cache ("0001"). A pivot table keeps
 * its whole source table there, also after the source sheet was deleted.
 * Each stream is a BIFF record sequence:
 *   SXDB (0x00C6)      the cache: records, database (standard) fields;
 *   SXFDB (0x00C7)     a field: flags (2 bytes), 12 more bytes, its name
 *                      as an XLUnicodeString; followed by its items;
 *   items              SXString 0x00CD, SXNum 0x00C9, SXBool 0x00CA,
 *                      SXErr 0x00CB, SXInt 0x00CC, SXDtr 0x00CE, SxNil 0x00CF;
 *   SXDBB (0x00C8)     one source row: an index into each indexed field's
 *                      items (2 bytes when the field has 256 or more, flag
 *                      0x0200, else 1); the values of "postponed" fields
 *                      (flag 0x0002) follow it as item records;
 *   EOF (0x000A).
 * Written as the xlsx reader writes pivot caches (ooxml_pivot.c): each
 * field's distinct items as "Field: value" lines, then a header of the
 * fields' names and one line per row, header-row labels as for sheets.
 * Every count, index and length is hostile and checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ole2.h"
#include "extract/sheetdate.h"
#include "extract/tablectx.h"

#define XP_SXDB 0x00C6u
#define XP_SXFDB 0x00C7u
#define XP_SXDBB 0x00C8u
#define XP_SXNUM 0x00C9u
#define XP_SXBOOL 0x00CAu
#define XP_SXERR 0x00CBu
#define XP_SXINT 0x00CCu
#define XP_SXSTRING 0x00CDu
#define XP_SXDTR 0x00CEu
#define XP_SXNIL 0x00CFu
#define XP_EOF 0x000Au

#define XP_F_HASITEMS 0x0001u
#define XP_F_POSTPONE 0x0002u
#define XP_F_16BIT 0x0200u

#define XP_MAX_FIELDS 4096u        /* Excel's sheets have 256 columns */
#define XP_ITEMS_MAX (16u << 20)   /* bytes of items kept per cache */
#define XP_OFFS_MAX (4u << 20)     /* items kept (4 bytes each) */
#define XP_ITEM_MAX 256u           /* bytes of one item kept */
#define XP_NAME_MAX 128u

struct xp_field {
    uint16_t flags;
    uint32_t first, count; /* its items: [first, first + count) */
    char name[XP_NAME_MAX];
    size_t name_len;
};

struct xp {
    struct ole2_job *j;
    struct xp_field *fields;
    uint32_t nfields;
    uint32_t nstd;          /* standard (database) fields, from SXDB */
    struct ls_buf items;    /* UTF-8, back to back */
    struct ls_buf offs;     /* uint32_t start of each item, plus the last end */
    struct ls_buf row;      /* the current row's postponed values, UTF-8 */
    struct ls_buf rowoffs;  /* uint32_t start of each, plus the last end */
    uint32_t *rowidx;       /* the current row's index per field (UINT32_MAX: none) */
    bool in_rows;           /* an SXDBB was met: items are postponed values */
    bool have_row;
    bool header_done;
    struct ls_tablectx tc;
};

static uint32_t xp_nitems(const struct ls_buf *offs)
{
    size_t n = offs->len / 4;
    return n ? (uint32_t)(n - 1) : 0;
}

static struct ls_slice xp_get(const struct ls_buf *text, const struct ls_buf *offs, uint32_t i)
{
    uint32_t a, b;
    memcpy(&a, offs->ptr + (size_t)i * 4, 4);
    memcpy(&b, offs->ptr + ((size_t)i + 1) * 4, 4);
    if (b <= a) return ls_slice_make(NULL, 0); /* empty items may leave text unallocated */
    return ls_slice_make(text->ptr + a, b - a);
}

/* Append v to text/offs; false when full (nothing added). */
static bool xp_push(struct ls_buf *text, struct ls_buf *offs, struct ls_slice v)
{
    if (offs->len == 0) {
        uint32_t z = 0;
        if (ls_buf_add(offs, &z, 4) != LS_OK) return false;
    }
    if (v.len > XP_ITEM_MAX) v.len = XP_ITEM_MAX;
    size_t keep = text->len;
    uint32_t end = (uint32_t)(keep + v.len);
    if ((v.len && ls_buf_add(text, v.ptr, v.len) != LS_OK) || ls_buf_add(offs, &end, 4) != LS_OK) {
        text->len = keep;
        return false;
    }
    return true;
}

/* The XLUnicodeString at byte off of the record at rec_off of stream s
 * (data d) as UTF-8 into out, read on into CONTINUE records as the
 * Workbook's strings are (ole2_xls.c); a cut string keeps what is there. */
static void xp_string(struct ls_slice s, size_t rec_off, struct ls_slice d, size_t off, struct ls_buf *out)
{
    struct ole2_biff_src src = ole2_biff_src_make(s, rec_off, d, off);
    (void)ole2_biff_string(&src, out, false, true);
}

/* An item record's value as text in tmp (empty for SxNil, errors); the
 * record is at rec_off of stream s. */
static struct ls_slice xp_value(unsigned type, struct ls_slice s, size_t rec_off, struct ls_slice d,
                                struct ls_buf *tmp)
{
    char num[64] = "";
    uint16_t u = 0, mon = 0;
    uint64_t bits = 0;
    ls_buf_reset(tmp);
    switch (type) {
    case XP_SXSTRING: xp_string(s, rec_off, d, 0, tmp); return ls_buf_slice(tmp);
    case XP_SXNUM:
        if (ls_rd_u64le(d, 0, &bits)) {
            double v;
            memcpy(&v, &bits, sizeof v);
            (void)ls_sheet_number(v, num, sizeof num);
        }
        break;
    case XP_SXINT:
        if (ls_rd_u16le(d, 0, &u)) snprintf(num, sizeof num, "%d", (int)(int16_t)u);
        break;
    case XP_SXBOOL:
        if (ls_rd_u16le(d, 0, &u)) snprintf(num, sizeof num, "%s", u ? "TRUE" : "FALSE");
        break;
    case XP_SXDTR: /* yr, mon (2 bytes each), dom, hr, min, sec (1 byte each) */
        if (ls_rd_u16le(d, 0, &u) && ls_rd_u16le(d, 2, &mon) && d.len >= 8) {
            unsigned dom = ls_slice_at(d, 4), hr = ls_slice_at(d, 5), mi = ls_slice_at(d, 6),
                     sec = ls_slice_at(d, 7);
            if (u > 9999 || mon > 12 || dom > 31 || hr > 23 || mi > 59 || sec > 59) break;
            int n = (u || mon || dom) ? snprintf(num, sizeof num, "%04u-%02u-%02u", u, mon, dom) : 0;
            if (n >= 0 && (hr || mi || sec))
                snprintf(num + n, sizeof num - (size_t)n, "%s%02u:%02u:%02u", n ? " " : "", hr, mi, sec);
        }
        break;
    default: break;
    }
    if (num[0] && ls_buf_add(tmp, num, strlen(num)) != LS_OK) ls_buf_reset(tmp);
    return ls_buf_slice(tmp);
}

static bool xp_is_item(unsigned type)
{
    return type == XP_SXNUM || type == XP_SXBOOL || type == XP_SXERR || type == XP_SXINT ||
           type == XP_SXSTRING || type == XP_SXDTR || type == XP_SXNIL;
}

static bool xp_indexed(const struct xp *x, uint32_t f)
{
    return f < x->nstd && (x->fields[f].flags & XP_F_HASITEMS) && !(x->fields[f].flags & XP_F_POSTPONE);
}

static ls_err xp_cell(struct xp *x, uint32_t col, struct ls_slice v, bool text)
{
    if (col) LS_TRY(ole2_put(x->j, "\t"));
    if (v.len) LS_TRY(ole2_put_n(x->j, v.ptr, v.len));
    ls_tc_cell(&x->tc, col, v, text);
    return LS_OK;
}

static ls_err xp_line_end(struct xp *x)
{
    LS_TRY(ole2_put(x->j, "\n"));
    return ls_tc_row_end(&x->tc, x->j->c, x->j->o);
}

/* Before the first row: the fields' names as a header. */
static ls_err xp_header(struct xp *x)
{
    x->header_done = true;
    if (x->nstd == 0) return LS_OK;
    for (uint32_t f = 0; f < x->nstd; f++)
        LS_TRY(xp_cell(x, f, ls_slice_make(x->fields[f].name, x->fields[f].name_len), true));
    return xp_line_end(x);
}

/* The current row, once its postponed values are in. */
static ls_err xp_row_end(struct xp *x)
{
    if (!x->have_row) return LS_OK;
    x->have_row = false;
    if (!x->header_done) LS_TRY(xp_header(x));
    uint32_t next = 0, nvals = xp_nitems(&x->rowoffs);
    for (uint32_t f = 0; f < x->nstd; f++) {
        struct ls_slice v = ls_slice_make(NULL, 0);
        bool text = false;
        if (xp_indexed(x, f)) {
            uint32_t i = x->rowidx[f];
            if (i < x->fields[f].count) v = xp_get(&x->items, &x->offs, x->fields[f].first + i);
            text = ls_tc_is_text(v);
        } else if (next < nvals) {
            v = xp_get(&x->row, &x->rowoffs, next++);
            text = ls_tc_is_text(v);
        }
        LS_TRY(xp_cell(x, f, v, text));
    }
    ls_buf_reset(&x->row);
    ls_buf_reset(&x->rowoffs);
    return xp_line_end(x);
}

/* SXDBB: a row's indexes. */
static ls_err xp_sxdbb(struct xp *x, struct ls_slice d)
{
    LS_TRY(xp_row_end(x));
    if (!x->in_rows) { /* the fields are complete: their items first */
        x->in_rows = true;
        if (x->nstd == 0 || x->nstd > x->nfields) x->nstd = x->nfields;
        if (x->nstd) {
            x->rowidx = calloc(x->nstd, sizeof *x->rowidx);
            if (!x->rowidx) return LS_E_NOMEM;
        }
    }
    size_t at = 0;
    for (uint32_t f = 0; f < x->nstd; f++) {
        x->rowidx[f] = UINT32_MAX;
        if (!xp_indexed(x, f)) continue;
        if (x->fields[f].flags & XP_F_16BIT) {
            uint16_t u;
            if (ls_rd_u16le(d, at, &u)) x->rowidx[f] = u;
            at += 2;
        } else {
            if (at < d.len) x->rowidx[f] = ls_slice_at(d, at);
            at++;
        }
    }
    x->have_row = true;
    return LS_OK;
}

static ls_err xp_field(struct xp *x, struct ls_slice s, size_t rec_off, struct ls_slice d)
{
    if (x->in_rows || x->nfields >= XP_MAX_FIELDS) return LS_OK;
    struct xp_field *f = &x->fields[x->nfields++];
    memset(f, 0, sizeof *f);
    (void)ls_rd_u16le(d, 0, &f->flags);
    f->first = xp_nitems(&x->offs);
    struct ls_buf name;
    ls_buf_init(&name, sizeof f->name - 1);
    xp_string(s, rec_off, d, 14, &name);
    f->name_len = name.len;
    if (name.len) memcpy(f->name, name.ptr, name.len);
    ls_buf_free(&name);
    return LS_OK;
}

/* An item: the current field's (before the rows), else a postponed value
 * of the current row. */
static ls_err xp_item(struct xp *x, struct ls_slice v)
{
    if (x->in_rows) {
        if (x->have_row) (void)xp_push(&x->row, &x->rowoffs, v);
        return LS_OK;
    }
    if (x->nfields == 0) return LS_OK;
    struct xp_field *f = &x->fields[x->nfields - 1];
    if (f->first + f->count == xp_nitems(&x->offs) && xp_push(&x->items, &x->offs, v)) f->count++;
    if (v.len == 0) return LS_OK;
    if (f->name_len) {
        LS_TRY(ole2_put_n(x->j, f->name, f->name_len));
        LS_TRY(ole2_put(x->j, ": "));
    }
    LS_TRY(ole2_put_n(x->j, v.ptr, v.len));
    return ole2_put(x->j, "\n");
}

static ls_err xp_records(struct xp *x, struct ls_slice s)
{
    struct ls_buf tmp;
    ls_buf_init(&tmp, 4 * XP_ITEM_MAX);
    ls_err e = LS_OK;
    size_t at = 0;
    while (e == LS_OK && at + 4 <= s.len) {
        uint16_t type = 0, len = 0;
        (void)ls_rd_u16le(s, at, &type);
        (void)ls_rd_u16le(s, at + 2, &len);
        struct ls_slice d;
        if (!ls_slice_sub(s, at + 4, len, &d)) {
            e = LS_E_TRUNCATED;
            break;
        }
        size_t rec = at;
        at += 4 + (size_t)len;
        if (type == XP_EOF) break;
        if (type == XP_SXDB) {
            uint16_t n = 0;
            if (ls_rd_u16le(d, 10, &n) && !x->in_rows) x->nstd = n;
        } else if (type == XP_SXFDB) {
            e = xp_field(x, s, rec, d);
        } else if (type == XP_SXDBB) {
            e = xp_sxdbb(x, d);
        } else if (xp_is_item(type)) {
            e = xp_item(x, xp_value(type, s, rec, d, &tmp));
        }
        if (e == LS_OK && ls_ctx_expired(x->j->c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK || e == LS_E_TRUNCATED) {
        ls_err f = xp_row_end(x);
        if (f != LS_OK) e = f;
    }
    ls_buf_free(&tmp);
    return e;
}

static ls_err xp_stream(struct ole2_job *j, uint32_t idx)
{
    struct ls_buf data;
    ls_buf_init(&data, j->f->data.len);
    ls_err e = ole2_read(j, idx, &data);
    if (e == LS_E_NOMEM) {
        ls_buf_free(&data);
        return e;
    }
    struct xp x;
    memset(&x, 0, sizeof x);
    x.j = j;
    x.fields = calloc(XP_MAX_FIELDS, sizeof *x.fields);
    ls_buf_init(&x.items, XP_ITEMS_MAX);
    ls_buf_init(&x.offs, XP_OFFS_MAX * 4u);
    ls_buf_init(&x.row, XP_ITEMS_MAX);
    ls_buf_init(&x.rowoffs, XP_OFFS_MAX * 4u);
    if (ls_tc_init(&x.tc) != LS_OK) memset(&x.tc, 0, sizeof x.tc);
    ls_err r = x.fields ? LS_OK : LS_E_NOMEM;
    if (r == LS_OK) r = ole2_put(j, "\n[Pivot cache ");
    if (r == LS_OK) r = ole2_put(j, j->f->dir[idx].name);
    if (r == LS_OK) r = ole2_put(j, "]\n");
    if (r == LS_OK && data.len) r = xp_records(&x, ls_buf_slice(&data));
    if (r == LS_E_TRUNCATED)
        ls_note(j->c, j->o, LS_R_TRUNCATED, "ole2: pivot cache %s ends inside a record",
                j->f->dir[idx].name);
    free(x.fields);
    free(x.rowidx);
    ls_buf_free(&x.items);
    ls_buf_free(&x.offs);
    ls_buf_free(&x.row);
    ls_buf_free(&x.rowoffs);
    ls_tc_free(&x.tc);
    ls_buf_free(&data);
    if (r == LS_E_TRUNCATED) return LS_E_TRUNCATED;
    return r != LS_OK ? r : (e == LS_E_ARG ? LS_OK : e);
}

ls_err ole2_xls_pivots(struct ole2_job *j, uint32_t st)
{
    const struct ole2_cfb *f = j->f;
    ls_err worst = LS_OK;
    for (uint32_t c = f->dir[st].first_child, k = 0; c != OLE2_NOSTREAM && c < f->ndir && k < f->ndir;
         c = f->dir[c].next_sibling, k++) {
        if (strcmp(f->dir[c].name, "_SX_DB_CUR") != 0 && strcmp(f->dir[c].name, "_SX_DB") != 0) continue;
        for (uint32_t s = f->dir[c].first_child, n = 0; s != OLE2_NOSTREAM && s < f->ndir && n < f->ndir;
             s = f->dir[s].next_sibling, n++) {
            ls_err e = xp_stream(j, s);
            if (e == LS_E_NOMEM || e == LS_E_LIMIT || e == LS_E_TIMEOUT) return e;
            if (e != LS_OK && worst == LS_OK) worst = e;
        }
    }
    return worst;
}
