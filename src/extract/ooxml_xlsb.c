/*
 * BIFF12 parts of an Excel binary workbook (.xlsb), [MS-XLSB] 2.1.4
 * (records), 2.4 (the records read), 2.5 (structures). See ooxml_xlsb.h.
 *
 * A record is a type (one or two bytes of 7 bits, low group first) and a
 * size (one to four bytes of 7 bits), then that many bytes. Read:
 *   - BrtSSTItem (19): RichStr = flags byte, XLWideString (u32 count of
 *     UTF-16LE code units, then the units); rich runs and phonetic text
 *     after it are not text;
 *   - BrtWbProp (153): bit 0 of its flags is the 1904 date system;
 *     BrtBundleSh (156): state, tab id, relationship id (nullable wide
 *     string), then the sheet's name;
 *   - BrtFmt (44): format id (u16), format code; BrtXF (47) between
 *     BrtBeginCellXFs (617) and BrtEndCellXFs (618): the number format id
 *     of each cell style (offset 2);
 *   - sheet cells: BrtRowHdr (0) starts a row; BrtCellBlank..BrtFmlaError
 *     (1-11) and BrtCellRString (62) begin with Cell = column (u32),
 *     style (24 bits) and flags (8 bits); BrtShortBlank..BrtShortIsst
 *     (12-18) hold only the style and flags, their column follows the
 *     previous cell's. Values: RkNumber (u32), Xnum (double), bool and
 *     error bytes, XLWideString, or an index into the shared strings;
 *   - BrtBeginHeaderFooter (479): flags (u16), then six nullable wide
 *     strings with the &-codes of sheet headers and footers;
 *   - comments: BrtCommentAuthor (632, a wide string) and BrtCommentText
 *     (637, a RichStr).
 * Every other record (formulas' token streams, formatting, views) is
 * skipped by its size. Attacker-controlled: every size, count and index
 * (checked against what is left / what was read), the number of records
 * (bounded by the part's size: each takes two bytes at least).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/ooxml_xlsb.h"
#include "extract/sheetdate.h"
#include "extract/sheetfmt.h"
#include "extract/tablectx.h"

#define XB_ROW_HDR 0u
#define XB_CELL_RSTRING 62u
#define XB_SST_ITEM 19u
#define XB_FMT 44u
#define XB_XF 47u
#define XB_WB_PROP 153u
#define XB_BUNDLE_SH 156u
#define XB_HEADER_FOOTER 479u
#define XB_BEGIN_CELL_XFS 617u
#define XB_END_CELL_XFS 618u
#define XB_COMMENT_AUTHOR 632u
#define XB_COMMENT_TEXT 637u

#define XB_SST_MAX (4u << 20)   /* shared strings kept for lookup (as ooxml.c) */
#define XB_XF_MAX 65536u        /* cell styles kept */
#define XB_STR_MAX (256u << 10) /* one string as UTF-8 (32767 units, 3 bytes each) */
#define XB_CLOCK_EVERY 4096u    /* records between deadline checks */

enum xb_val { XBV_BLANK, XBV_NUM, XBV_BOOL, XBV_ERR, XBV_STR, XBV_ISST };

struct ox_xlsb {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_textout *out;
    /* shared strings: item i is sst[off[i], off[i+1]) */
    struct ls_buf sst;
    size_t *off;
    uint8_t *used;
    size_t nsst, capsst;
    /* styles */
    uint16_t *xf;
    size_t nxf, capxf;
    struct ls_sheet_fmts fmts;
    bool date1904;
    /* the part being read */
    struct ls_buf str;     /* one string, UTF-8 */
    struct ls_tablectx tc; /* header-row labels */
    bool have_tc;
    bool row_open;         /* a cell of the current row was written */
    uint32_t next_col;
    bool in_cellxfs;
};

/* ------------------------------------------------------------ records */

ls_err ox_xlsb_next(struct ls_cursor *cur, struct ox_xlsb_rec *r)
{
    uint8_t b = 0;
    uint32_t type = 0, size = 0;
    struct ls_cursor c = *cur;
    LS_TRY(ls_cur_u8(&c, &b));
    type = b & 0x7Fu;
    if (b & 0x80u) {
        LS_TRY(ls_cur_u8(&c, &b));
        LS_FAIL_IF(b & 0x80u, LS_E_CORRUPT); /* types have at most 14 bits */
        type |= (uint32_t)(b & 0x7Fu) << 7;
    }
    for (unsigned i = 0;; i++) {
        LS_FAIL_IF(i == 4, LS_E_CORRUPT); /* sizes have at most 28 bits */
        LS_TRY(ls_cur_u8(&c, &b));
        size |= (uint32_t)(b & 0x7Fu) << (7 * i);
        if (!(b & 0x80u)) break;
    }
    LS_TRY(ls_cur_take(&c, size, &r->data));
    r->type = type;
    *cur = c;
    return LS_OK;
}

/* XLWideString at *off (u32 count of UTF-16 units, then the units); a
 * nullable one (0xFFFFFFFF) is empty. false if it runs past the record. */
static bool xb_wstr(struct ls_slice d, size_t *off, struct ls_slice *u16)
{
    uint32_t n = 0;
    if (!ls_rd_u32le(d, *off, &n)) return false;
    if (n == UINT32_MAX) n = 0;
    if ((uint64_t)n * 2 > d.len - *off - 4) return false;
    (void)ls_slice_sub(d, *off + 4, (size_t)n * 2, u16);
    *off += 4 + (size_t)n * 2;
    return true;
}

/* The wide string at off as UTF-8 in xb->str (emptied first). */
static ls_err xb_str(struct ox_xlsb *xb, struct ls_slice d, size_t *off)
{
    struct ls_slice u16;
    ls_buf_reset(&xb->str);
    LS_FAIL_IF(!xb_wstr(d, off, &u16), LS_E_TRUNCATED);
    ls_err e = ls_utf16_to_utf8(&xb->str, u16, false);
    return e == LS_E_LIMIT ? LS_OK : e; /* a capped string keeps its start */
}

static double xb_rk(uint32_t rk)
{
    double v;
    if (rk & 2u) {
        v = (double)((int32_t)rk >> 2);
    } else {
        uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
        memcpy(&v, &bits, sizeof v);
    }
    return (rk & 1u) ? v / 100.0 : v;
}

static double xb_f64(struct ls_slice d, size_t off)
{
    uint64_t bits = 0;
    double v;
    (void)ls_rd_u64le(d, off, &bits);
    memcpy(&v, &bits, sizeof v);
    return v;
}

static ls_err xb_grow(void **p, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return LS_OK;
    size_t c = *cap ? *cap * 2 : 64;
    void *q = realloc(*p, c * elem);
    if (!q) return LS_E_NOMEM;
    *p = q;
    *cap = c;
    return LS_OK;
}

/* ------------------------------------------------------------ names */

static bool xb_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(&s[n - m], suffix) == 0;
}

enum ox_xlsb_part ox_xlsb_classify(const char *name)
{
    if (!xb_ends(name, ".bin")) return OXB_NONE;
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    if (strcasecmp(name, OX_XLSB_SST_NAME) == 0) return OXB_SST; /* part names ignore case */
    if (strcasecmp(name, OX_XLSB_WORKBOOK_NAME) == 0) return OXB_WORKBOOK;
    if (strcasecmp(name, OX_XLSB_STYLES_NAME) == 0) return OXB_STYLES;
    if (strcmp(name, "xl/calcChain.bin") == 0) return OXB_SKIP;
    if (strncasecmp(base, "binaryIndex", 11) == 0) return OXB_SKIP;
    static const char *const dirs[] = {"xl/worksheets/", "xl/macrosheets/", "xl/dialogsheets/",
                                       NULL};
    for (size_t i = 0; dirs[i]; i++)
        if (strncmp(name, dirs[i], strlen(dirs[i])) == 0 && strchr(&name[strlen(dirs[i])], '/') == NULL)
            return OXB_SHEET;
    if (strncmp(name, "xl/comments", 11) == 0) return OXB_COMMENTS;
    return OXB_NONE;
}

/* ------------------------------------------------------------ state */

struct ox_xlsb *ox_xlsb_new(struct ls_ctx *c, struct ls_object *o, struct ls_textout *out)
{
    struct ox_xlsb *xb = calloc(1, sizeof *xb);
    if (!xb) return NULL;
    xb->c = c;
    xb->o = o;
    xb->out = out;
    uint64_t mt = ls_ctx_limits(c)->max_text;
    ls_buf_init(&xb->sst, mt > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)mt);
    ls_buf_init(&xb->str, XB_STR_MAX);
    ls_sheet_fmts_init(&xb->fmts);
    return xb;
}

void ox_xlsb_free(struct ox_xlsb *xb)
{
    if (!xb) return;
    ls_buf_free(&xb->sst);
    ls_buf_free(&xb->str);
    free(xb->off);
    free(xb->used);
    free(xb->xf);
    ls_sheet_fmts_free(&xb->fmts);
    if (xb->have_tc) ls_tc_free(&xb->tc);
    free(xb);
}

/* ------------------------------------------------------------ shared strings */

static ls_err xb_sst_item(struct ox_xlsb *xb, struct ls_slice d)
{
    struct ls_slice u16;
    size_t off = 1; /* flags: rich runs, phonetic text (after the string) */
    LS_FAIL_IF(xb->nsst >= XB_SST_MAX, LS_E_LIMIT);
    LS_FAIL_IF(!xb_wstr(d, &off, &u16), LS_E_TRUNCATED);
    if (xb->nsst + 2 > xb->capsst) {
        size_t cap = xb->capsst ? xb->capsst * 2 : 256;
        size_t *p = realloc(xb->off, cap * sizeof *p);
        if (!p) return LS_E_NOMEM;
        xb->off = p;
        uint8_t *u = realloc(xb->used, cap);
        if (!u) return LS_E_NOMEM;
        xb->used = u;
        xb->capsst = cap;
    }
    ls_err e = ls_utf16_to_utf8(&xb->sst, u16, false);
    if (xb->nsst == 0) xb->off[0] = 0;
    xb->used[xb->nsst] = 0;
    xb->off[++xb->nsst] = xb->sst.len;
    return e;
}

static bool xb_sst_get(const struct ox_xlsb *xb, uint32_t i, struct ls_slice *s)
{
    if (i >= xb->nsst) return false;
    return ls_slice_sub(ls_buf_slice(&xb->sst), xb->off[i], xb->off[i + 1] - xb->off[i], s);
}

ls_err ox_xlsb_finish(struct ox_xlsb *xb)
{
    bool header = false;
    for (size_t i = 0; i < xb->nsst; i++) {
        struct ls_slice s;
        if (xb->used[i] || !xb_sst_get(xb, (uint32_t)i, &s) || s.len == 0) continue;
        if (!header) {
            LS_TRY(ls_textout_sep(xb->out, '\n'));
            header = true;
        }
        LS_TRY(ls_textout_add(xb->out, s.ptr, s.len));
        LS_TRY(ls_textout_sep(xb->out, '\n'));
    }
    return LS_OK;
}

/* ------------------------------------------------------------ workbook, styles */

static ls_err xb_workbook_rec(struct ox_xlsb *xb, const struct ox_xlsb_rec *r)
{
    if (r->type == XB_WB_PROP) {
        uint32_t flags = 0;
        if (ls_rd_u32le(r->data, 0, &flags)) xb->date1904 = flags & 1u;
        return LS_OK;
    }
    if (r->type != XB_BUNDLE_SH) return LS_OK;
    /* hsState and iTabID (8 bytes), then the relationship id and the name,
     * which end the record; Excel 2007's first builds wrote 4 more bytes
     * before the id (POI's Simple.xlsb): the layout whose strings fill the
     * record exactly is the one. */
    size_t off = 0;
    struct ls_slice rel, name;
    for (size_t start = 8; start <= 12; start += 4) {
        off = start;
        if (xb_wstr(r->data, &off, &rel) && xb_wstr(r->data, &off, &name) && off == r->data.len)
            break;
        off = SIZE_MAX;
    }
    LS_FAIL_IF(off == SIZE_MAX, LS_E_CORRUPT);
    off -= 4 + name.len;
    LS_TRY(xb_str(xb, r->data, &off));
    LS_TRY(ls_textout_sep(xb->out, '\n'));
    LS_TRY(ls_textout_addz(xb->out, "sheet: "));
    LS_TRY(ls_textout_add(xb->out, xb->str.ptr, xb->str.len));
    return ls_textout_sep(xb->out, '\n');
}

static ls_err xb_styles_rec(struct ox_xlsb *xb, const struct ox_xlsb_rec *r)
{
    if (r->type == XB_BEGIN_CELL_XFS) xb->in_cellxfs = true;
    if (r->type == XB_END_CELL_XFS) xb->in_cellxfs = false;
    if (r->type == XB_XF && xb->in_cellxfs && xb->nxf < XB_XF_MAX) {
        uint16_t ifmt = 0;
        (void)ls_rd_u16le(r->data, 2, &ifmt);
        void *p = xb->xf;
        LS_TRY(xb_grow(&p, &xb->capxf, xb->nxf, sizeof *xb->xf));
        xb->xf = p;
        xb->xf[xb->nxf++] = ifmt;
    }
    if (r->type == XB_FMT) {
        uint16_t id = 0;
        size_t off = 2;
        LS_FAIL_IF(!ls_rd_u16le(r->data, 0, &id), LS_E_TRUNCATED);
        LS_TRY(xb_str(xb, r->data, &off));
        LS_TRY(ls_sheet_fmts_add(&xb->fmts, id, ls_buf_slice(&xb->str)));
    }
    return LS_OK;
}

/* ------------------------------------------------------------ sheets */

struct xb_cell {
    uint32_t col, style;
    enum xb_val kind;
    double num;
    uint32_t isst;
    uint8_t byte;
    size_t str_off; /* XBV_STR: offset of the wide string in the record */
};

/* Decode a cell record; false if r is not one. */
static bool xb_cell_of(struct ox_xlsb *xb, const struct ox_xlsb_rec *r, struct xb_cell *cell,
                       ls_err *err)
{
    uint32_t t = r->type, style = 0, col = xb->next_col;
    bool shortc = t >= 12 && t <= 18;
    if (!(t >= 1 && t <= 18) && t != XB_CELL_RSTRING) return false;
    size_t v = shortc ? 4 : 8; /* the value's offset */
    *err = LS_OK;
    if (!shortc && !ls_rd_u32le(r->data, 0, &col)) {
        col = xb->next_col; /* a cut cell: the next column, as a short cell's */
        *err = LS_E_TRUNCATED;
    }
    if (!ls_rd_u32le(r->data, shortc ? 0 : 4, &style)) *err = LS_E_TRUNCATED;
    memset(cell, 0, sizeof *cell);
    cell->col = col;
    cell->style = style & 0xFFFFFFu;
    unsigned base = shortc ? t - 11 : t; /* short records in the order of 1-7 */
    switch (t == XB_CELL_RSTRING ? 6u : base) {
    case 1: cell->kind = XBV_BLANK; break;
    case 2: { uint32_t rk = 0; if (!ls_rd_u32le(r->data, v, &rk)) *err = LS_E_TRUNCATED;
              cell->kind = XBV_NUM; cell->num = xb_rk(rk); break; }
    case 3: case 11: cell->kind = XBV_ERR; cell->byte = (uint8_t)ls_slice_at(r->data, v); break;
    case 4: case 10: cell->kind = XBV_BOOL; cell->byte = (uint8_t)ls_slice_at(r->data, v); break;
    case 5: case 9: cell->kind = XBV_NUM; if (r->data.len < v + 8) *err = LS_E_TRUNCATED;
                    cell->num = xb_f64(r->data, v); break;
    case 6: case 8: cell->kind = XBV_STR; cell->str_off = t == XB_CELL_RSTRING ? v + 1 : v; break;
    case 7: cell->kind = XBV_ISST; if (!ls_rd_u32le(r->data, v, &cell->isst)) *err = LS_E_TRUNCATED;
            break;
    default: cell->kind = XBV_BLANK; break;
    }
    return true;
}

static const char *xb_error_name(uint8_t code)
{
    switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    case 0x2B: return "#GETTING_DATA";
    default: return "#ERROR";
    }
}

/* A number as shown: a date or a digit layout if its style says so, else
 * digits when integral, else the 15 significant digits Excel shows (as
 * xlsx and xls). */
static struct ls_slice xb_number(struct ox_xlsb *xb, const struct xb_cell *cell, char *num,
                                 size_t cap)
{
    if (cell->style < xb->nxf &&
        ls_sheet_fmts_show(&xb->fmts, xb->xf[cell->style], cell->num, xb->date1904, num, cap))
        return ls_slice_make(num, strlen(num));
    return ls_slice_make(num, ls_sheet_number(cell->num, num, cap));
}

/* The text of a cell, and whether it is a string (for header labels). */
static ls_err xb_cell_text(struct ox_xlsb *xb, const struct ox_xlsb_rec *r,
                           const struct xb_cell *cell, char *num, size_t cap,
                           struct ls_slice *v, bool *text)
{
    size_t off = cell->str_off;
    *text = cell->kind == XBV_STR || cell->kind == XBV_ISST;
    *v = ls_slice_make(NULL, 0);
    switch (cell->kind) {
    case XBV_NUM: *v = xb_number(xb, cell, num, cap); break;
    case XBV_BOOL: *v = cell->byte ? ls_slice_make("TRUE", 4) : ls_slice_make("FALSE", 5); break;
    case XBV_ERR: { const char *s = xb_error_name(cell->byte); *v = ls_slice_make(s, strlen(s));
                    break; }
    case XBV_STR: LS_TRY(xb_str(xb, r->data, &off)); *v = ls_buf_slice(&xb->str); break;
    case XBV_ISST:
        if (xb_sst_get(xb, cell->isst, v)) xb->used[cell->isst] = 1;
        break;
    default: break;
    }
    return LS_OK;
}

static ls_err xb_row_end(struct ox_xlsb *xb)
{
    xb->next_col = 0;
    if (!xb->row_open) return LS_OK;
    xb->row_open = false;
    if (xb->have_tc) LS_TRY(ls_tc_row_end(&xb->tc, xb->c, xb->o));
    return ls_textout_sep(xb->out, '\n');
}

static ls_err xb_cell(struct ox_xlsb *xb, const struct ox_xlsb_rec *r, const struct xb_cell *cell)
{
    char num[64];
    struct ls_slice v;
    bool text;
    xb->next_col = cell->col + 1;
    if (cell->kind == XBV_BLANK) return LS_OK;
    LS_TRY(xb_cell_text(xb, r, cell, num, sizeof num, &v, &text));
    if (v.len == 0) return LS_OK;
    xb->row_open = true;
    LS_TRY(ls_textout_add(xb->out, v.ptr, v.len));
    if (xb->have_tc) ls_tc_cell(&xb->tc, cell->col, v, text);
    return ls_textout_sep(xb->out, '\t');
}

/* Header/footer strings without their layout codes (ls_sheet_hf_plain). */
static ls_err xb_hf_text(struct ox_xlsb *xb, struct ls_slice s)
{
    struct ls_buf plain;
    ls_buf_init(&plain, s.len + 1);
    ls_err e = ls_sheet_hf_plain(s, &plain);
    if (e == LS_OK) e = ls_textout_add(xb->out, plain.ptr, plain.len);
    ls_buf_free(&plain);
    return e;
}

static ls_err xb_header_footer(struct ox_xlsb *xb, const struct ox_xlsb_rec *r)
{
    size_t off = 2;
    for (unsigned k = 0; k < 6; k++) {
        LS_TRY(xb_str(xb, r->data, &off));
        if (xb->str.len == 0) continue;
        LS_TRY(ls_textout_sep(xb->out, '\n'));
        LS_TRY(xb_hf_text(xb, ls_buf_slice(&xb->str)));
        LS_TRY(ls_textout_sep(xb->out, '\n'));
    }
    return LS_OK;
}

static ls_err xb_sheet_rec(struct ox_xlsb *xb, const struct ox_xlsb_rec *r)
{
    struct xb_cell cell;
    ls_err e;
    if (r->type == XB_ROW_HDR) return xb_row_end(xb);
    if (xb_cell_of(xb, r, &cell, &e)) {
        LS_TRY(e);
        return xb_cell(xb, r, &cell);
    }
    if (r->type == XB_HEADER_FOOTER) {
        LS_TRY(xb_row_end(xb));
        return xb_header_footer(xb, r);
    }
    return LS_OK;
}

static ls_err xb_comments_rec(struct ox_xlsb *xb, const struct ox_xlsb_rec *r)
{
    size_t off;
    if (r->type == XB_COMMENT_AUTHOR)
        off = 0;
    else if (r->type == XB_COMMENT_TEXT)
        off = 1; /* RichStr flags */
    else
        return LS_OK;
    LS_TRY(xb_str(xb, r->data, &off));
    LS_TRY(ls_textout_sep(xb->out, '\n'));
    LS_TRY(ls_textout_add(xb->out, xb->str.ptr, xb->str.len));
    return ls_textout_sep(xb->out, '\n');
}

/* ------------------------------------------------------------ parts */

static ls_err xb_rec(struct ox_xlsb *xb, enum ox_xlsb_part kind, const struct ox_xlsb_rec *r)
{
    switch (kind) {
    case OXB_SST: return r->type == XB_SST_ITEM ? xb_sst_item(xb, r->data) : LS_OK;
    case OXB_WORKBOOK: return xb_workbook_rec(xb, r);
    case OXB_STYLES: return xb_styles_rec(xb, r);
    case OXB_SHEET: return xb_sheet_rec(xb, r);
    case OXB_COMMENTS: return xb_comments_rec(xb, r);
    default: return LS_OK;
    }
}

/* A record stream cut or garbled in its framing stops the walk; a record
 * whose own fields do not fit (one cell, one sheet name) is passed over and
 * reported at the end, the records after it still read. */
static ls_err xb_walk(struct ox_xlsb *xb, enum ox_xlsb_part kind, struct ls_slice data)
{
    struct ls_cursor cur = ls_cur_make(data);
    unsigned n = 0;
    ls_err bad = LS_OK;
    while (ls_cur_left(&cur) > 0) {
        struct ox_xlsb_rec r;
        LS_TRY(ox_xlsb_next(&cur, &r));
        ls_err e = xb_rec(xb, kind, &r);
        if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
            if (bad == LS_OK) bad = e;
        } else if (e != LS_OK) {
            return e;
        }
        if (++n % XB_CLOCK_EVERY == 0 && ls_ctx_expired(xb->c)) return LS_E_TIMEOUT;
    }
    return bad;
}

ls_err ox_xlsb_part(struct ox_xlsb *xb, enum ox_xlsb_part kind, struct ls_slice data)
{
    xb->row_open = false;
    xb->next_col = 0;
    xb->in_cellxfs = false;
    if (kind == OXB_SHEET) {
        if (!xb->have_tc) xb->have_tc = ls_tc_init(&xb->tc) == LS_OK;
        else ls_tc_reset(&xb->tc);
    }
    ls_err e = xb_walk(xb, kind, data);
    if (kind == OXB_SHEET && e != LS_E_NOMEM) {
        ls_err f = xb_row_end(xb); /* the last row */
        if (e == LS_OK) e = f;
    }
    if (kind != OXB_SST && kind != OXB_STYLES) {
        ls_err f = ls_textout_sep(xb->out, '\n');
        if (e == LS_OK) e = f;
    }
    return e;
}
