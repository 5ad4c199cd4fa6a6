/*
 * Excel 97-2003 cell text ([MS-XLS] BIFF8, and BIFF5 "Book" streams; the
 * same reader reads bare BIFF2-BIFF5 record streams, handler "biff" at the
 * end of this file):
 * the Workbook stream is a flat list of records (2.1.4) — type u16, size
 * u16, data. Read: BOF/EOF (substreams), BOUNDSHEET (sheet names, matched
 * to their BOF by lbPlyPos), SST (2.4.265) with its CONTINUE records —
 * a string's character array may be split across a CONTINUE, and the
 * continuation restarts with a fresh grbit byte that may switch between
 * 8-bit and 16-bit characters (2.5.293 XLUnicodeRichExtendedString) —
 * LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, FORMULA (numbers, booleans,
 * error values, and string results from the STRING record that follows),
 * BOOLERR (booleans and error values: "#REF!", "#N/A" as Excel shows them),
 * HEADER/FOOTER and TXO comment text, the strings of HLINK (hyperlink
 * targets) and SUPBOOK (external workbook paths), DV (data validations:
 * their messages and list entries), NOTE (comment authors), AUTOFILTER
 * (string criteria) and charts' SeriesText (titles, axis titles, series
 * names). BIFF5 strings are bytes in the code page of CODEPAGE (2.4.52:
 * Windows-125x, Mac Roman, the CJK pages; Windows-1252 if absent or
 * unknown). A BOUNDSHEET of type macro sheet
 * (Excel 4.0 / XLM macros, which run without any VBA) raises `macro`. Cells are written one row per line,
 * tab-separated, under a "[Sheet: name]" line. Shared strings that no cell
 * uses are written at the end (they still leaked).
 *
 * Numbers: an integral double prints as plain digits, so a 9-digit SSN
 * typed as a number stays "536221874", never 5.36E+08.
 * Dates: a NUMBER, RK, MULRK or FORMULA result whose XF (2.4.353, ifmt)
 * names a date or time format — a built-in id or a FORMAT record's code
 * (2.4.126) — is written as an ISO date ("1980-01-01", plus " HH:MM:SS"
 * for date-time formats) instead of its serial, in the 1900 or 1904 date
 * system of DATEMODE (2.4.77); see sheetdate.h. Serials out of range stay
 * numbers. FORMAT and XF records precede the sheets in the globals
 * substream, so every cell finds its format.
 * FILEPASS (2.4.117): the rest of the stream is encrypted; decrypted when
 * the password is Excel's default (ole2_crypt.c), otherwise reported.
 * Ignored on purpose: number formats other than dates and times, fonts and
 * the rest of the styles, formulas' parsed expressions, charts, pivot
 * caches. Attacker-controlled: every record size, count, index and string
 * length; XF and format indexes (bounds-checked; an unknown one is General).
 */
#include "extract/ole2.h"
#include "extract/sheetdate.h"
#include "extract/sheetfmt.h"
#include "extract/tablectx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define XR_FORMULA 0x0006
#define XR_EOF 0x000A
#define XR_DATEMODE 0x0022
#define XR_CODEPAGE 0x0042
#define XR_FONT 0x0031
#define XR_MSODRAWINGGROUP 0x00EB
#define XR_NAME 0x0018
#define XR_CRN 0x005A
#define XR_WRITEACCESS 0x005C
#define XR_HEADER 0x0014
#define XR_FOOTER 0x0015
#define XR_FILEPASS 0x002F
#define XR_CONTINUE 0x003C
#define XR_BOUNDSHEET 0x0085
#define XR_MULRK 0x00BD
#define XR_RSTRING 0x00D6
#define XR_XF 0x00E0
#define XR_SST 0x00FC
#define XR_LABELSST 0x00FD
#define XR_SUPBOOK 0x01AE
#define XR_TXO 0x01B6
#define XR_HLINK 0x01B8
#define XR_NUMBER 0x0203
#define XR_LABEL 0x0204
#define XR_BOOLERR 0x0205
#define XR_STRING 0x0207
#define XR_RK 0x027E
#define XR_FORMAT 0x041E
#define XR_BOF 0x0809
#define XR_DV 0x01BE
#define XR_NOTE 0x001C
#define XR_AUTOFILTER 0x009E
#define XR_SERIESTEXT 0x100D
/* Excel 2.x-4.0 ([MS-XLS] leaves them out; OpenOffice.org's "Microsoft
 * Excel File Format" documents them): a BIFF2 worksheet is the whole file,
 * no OLE2 container; BIFF3 and BIFF4 write the BIFF5 cell records. */
#define XR_BOF2 0x0009
#define XR_BOF3 0x0209
#define XR_BOF4 0x0409
#define XR_INTEGER2 0x0002
#define XR_NUMBER2 0x0003
#define XR_LABEL2 0x0004
#define XR_BOOLERR2 0x0005
#define XR_STRING2 0x0007
#define XR_FORMULA3 0x0206
#define XR_FORMULA4 0x0406
#define XR_FORMAT2 0x001E /* BIFF2 and 3; BIFF4 uses 0x041E with two more bytes */
#define XR_XF3 0x0243
#define XR_XF4 0x0443
/* Sheets remembered: Excel allows 255 columns of them... far fewer exist. */
#define XLS_MAX_SHEETS 65536u
#define XLS_DT_MACRO 1 /* BOUNDSHEET dt: Excel 4.0 macro sheet */
#define XLS_MAX_XF 65536u   /* ixfe is 16 bits */

struct xls_str {
    uint32_t off, len;       /* UTF-8 in pool */
};

struct xls_sheet {
    uint32_t pos;
    struct xls_str name;
};

struct xls {
    struct ole2_job *j;
    struct ls_slice ws;
    struct ls_buf *wsbuf;    /* ws's storage: decrypted in place (FILEPASS) */
    bool decrypted;          /* the default password opened it */
    bool biff8;
    bool biff2;              /* BOF 0x0009: Excel 2.x cell records */
    uint8_t biffv;           /* 2, 3 or 4: a bare Excel 2.x-4.0 stream; 0: BIFF5/8 */
    uint16_t nfmt_old;       /* BIFF2-4 FORMAT records so far: their ids are their order */
    const struct ls_codepage *cp; /* CODEPAGE of BIFF5 strings; NULL: Windows-1252 */
    struct ls_buf pool;      /* UTF-8 of shared strings and sheet names */
    struct ls_buf tmp;
    struct xls_str *sst;
    uint8_t *used;           /* a bit per shared string a cell referenced */
    uint32_t nused;          /* bytes in used */
    uint32_t nsst, capsst;
    struct xls_sheet *sheets;
    uint32_t nsheets, capsheets;
    int64_t row;
    struct ls_tablectx tc;   /* header-row labels of the current sheet */
    bool want_string;        /* a FORMULA announced a STRING record */
    uint32_t txo_cch;        /* a TXO announced this many characters */
    bool xlm;                /* an Excel 4.0 macro sheet was reported */
    bool date1904;           /* DATEMODE: serials count from 1904-01-01 */
    uint16_t *xf;            /* ifmt of each XF record, in order */
    uint32_t nxf, capxf;
    struct ls_sheet_fmts fmts; /* FORMAT records */
    ls_err damage;
    uint32_t open_bofs;      /* BOF records no EOF has closed yet */
    uint64_t last_said[5];   /* hash of the last DV message, DV list, NOTE author, filter, chart text written */
};

/* ---- records ------------------------------------------------------------ */

static bool xls_rec_at(struct ls_slice ws, size_t off, uint16_t *type, struct ls_slice *data)
{
    uint16_t len = 0;
    if (!ls_rd_u16le(ws, off, type) || !ls_rd_u16le(ws, off + 2, &len)) return false;
    return ls_slice_sub(ws, off + 4, len, data);
}

static bool xls_src_continue(struct ole2_biff_src *s)
{
    uint16_t type = 0;
    struct ls_slice d;
    if (!xls_rec_at(s->ws, s->next, &type, &d) || type != XR_CONTINUE) return false;
    s->cur = ls_cur_make(d);
    s->next += 4 + d.len;
    return true;
}

/* Make at least one byte available, moving into a CONTINUE if needed. */
static ls_err xls_src_need(struct ole2_biff_src *s)
{
    if (ls_cur_left(&s->cur) > 0) return LS_OK;
    return xls_src_continue(s) ? LS_OK : LS_E_TRUNCATED;
}

static ls_err xls_src_u8(struct ole2_biff_src *s, uint8_t *v)
{
    LS_TRY(xls_src_need(s));
    return ls_cur_u8(&s->cur, v);
}

static ls_err xls_src_u16(struct ole2_biff_src *s, uint16_t *v)
{
    uint8_t a, b;
    LS_TRY(xls_src_u8(s, &a));
    LS_TRY(xls_src_u8(s, &b));
    *v = (uint16_t)(a | (b << 8));
    return LS_OK;
}

static ls_err xls_src_u32(struct ole2_biff_src *s, uint32_t *v)
{
    uint16_t a, b;
    LS_TRY(xls_src_u16(s, &a));
    LS_TRY(xls_src_u16(s, &b));
    *v = (uint32_t)a | ((uint32_t)b << 16);
    return LS_OK;
}

static ls_err xls_src_skip(struct ole2_biff_src *s, uint64_t n)
{
    while (n > 0) {
        LS_TRY(xls_src_need(s));
        size_t k = ls_cur_left(&s->cur) < n ? ls_cur_left(&s->cur) : (size_t)n;
        LS_TRY(ls_cur_skip(&s->cur, k));
        n -= k;
    }
    return LS_OK;
}

ls_err ole2_biff_chars(struct ole2_biff_src *s, struct ls_buf *out, uint32_t cch, bool high, bool biff8)
{
    while (cch > 0) {
        if (ls_cur_left(&s->cur) == 0) {
            uint8_t g;
            LS_FAIL_IF(!xls_src_continue(s), LS_E_TRUNCATED);
            if (ls_cur_left(&s->cur) == 0) continue; /* an empty CONTINUE: the string goes on in the next */
            LS_TRY(ls_cur_u8(&s->cur, &g));
            high = (g & 1) != 0;
            /* a CONTINUE of its grbit alone (ExcelDataReader's issue 467 files; LibreOffice reads on) */
            if (ls_cur_left(&s->cur) == 0) continue;
        }
        size_t unit = high ? 2 : 1;
        size_t avail = ls_cur_left(&s->cur) / unit;
        LS_FAIL_IF(avail == 0, LS_E_CORRUPT);
        size_t k = avail < cch ? avail : cch;
        struct ls_slice part;
        LS_TRY(ls_cur_take(&s->cur, k * unit, &part));
        if (high) {
            LS_TRY(ls_utf16_to_utf8(out, part, false));
        } else if (!biff8) { /* BIFF5: the CODEPAGE's bytes (cch counts bytes) */
            LS_TRY(ls_codepage_to_utf8(out, part, s->cp));
        } else {
            /* BIFF8 compressed strings are UTF-16 with the high byte
             * dropped (Latin-1). */
            for (size_t i = 0; i < part.len; i++) LS_TRY(ls_utf8_put(out, (uint8_t)ls_slice_at(part, i)));
        }
        cch -= (uint32_t)k;
    }
    return LS_OK;
}

/* XLUnicodeString (LABEL, STRING, HEADER; pivot cache items): cch u16 (u8
 * if short), grbit (BIFF8 only), characters, and for rich strings the runs
 * we skip. */
ls_err ole2_biff_string(struct ole2_biff_src *s, struct ls_buf *out, bool short_len, bool biff8)
{
    uint16_t cch = 0;
    uint8_t grbit = 0;
    if (short_len) {
        uint8_t c8;
        LS_TRY(xls_src_u8(s, &c8));
        cch = c8;
    } else {
        LS_TRY(xls_src_u16(s, &cch));
    }
    if (biff8) LS_TRY(xls_src_u8(s, &grbit));
    return ole2_biff_chars(s, out, cch, (grbit & 1) != 0, biff8);
}

struct ole2_biff_src ole2_biff_src_make(struct ls_slice ws, size_t rec_off, struct ls_slice data, size_t skip)
{
    struct ole2_biff_src s;
    s.ws = ws;
    s.cur = ls_cur_make(data);
    s.next = rec_off + 4 + data.len;
    s.cp = NULL;
    if (ls_cur_skip(&s.cur, skip) != LS_OK) { /* a record shorter than its fixed fields: nothing to read */
        s.cur.pos = data.len;
        s.next = ws.len;
    }
    return s;
}

/* The workbook's strings: into x->tmp, in its BIFF version. */
static ls_err xls_src_chars(struct xls *x, struct ole2_biff_src *s, uint32_t cch, bool high)
{
    return ole2_biff_chars(s, &x->tmp, cch, high, x->biff8);
}

static ls_err xls_src_string(struct xls *x, struct ole2_biff_src *s, bool short_len)
{
    return ole2_biff_string(s, &x->tmp, short_len, x->biff8);
}

static struct ole2_biff_src xls_src_make(struct xls *x, size_t rec_off, struct ls_slice data, size_t skip)
{
    struct ole2_biff_src s = ole2_biff_src_make(x->ws, rec_off, data, skip);
    s.cp = x->cp;
    return s;
}

/* ---- output ------------------------------------------------------------- */

/* The separator before a cell in row; a new row ends the last one, whose
 * header-labelled values go out (tablectx.h). */
static ls_err xls_cell(struct xls *x, uint16_t row, uint16_t col)
{
    (void)col;
    if (x->row == row) return ole2_put(x->j, "\t");
    bool first = x->row < 0;
    LS_TRY(ls_tc_row_end(&x->tc, x->j->c, x->j->o));
    x->row = row;
    return first ? LS_OK : ole2_put(x->j, "\n");
}

/* A string cell's text, for the header and the labelled values. */
static void xls_tc(struct xls *x, uint16_t col, struct ls_slice text, bool is_text)
{
    ls_tc_cell(&x->tc, col, text, is_text);
}

static ls_err xls_put_tmp(struct xls *x)
{
    ls_err e = ole2_put_n(x->j, x->tmp.ptr ? (const char *)x->tmp.ptr : "", x->tmp.len);
    ls_buf_reset(&x->tmp);
    return e;
}

static ls_err xls_put_str(struct xls *x, struct xls_str s)
{
    struct ls_slice v;
    if (!ls_slice_sub(ls_buf_slice(&x->pool), s.off, s.len, &v)) return LS_OK;
    return ole2_put_n(x->j, v.ptr, v.len);
}

/* Copy tmp into the pool; tmp is reset. */
static ls_err xls_pool(struct xls *x, struct xls_str *out)
{
    out->off = (uint32_t)x->pool.len;
    ls_err e = ls_buf_add(&x->pool, x->tmp.ptr ? x->tmp.ptr : (const uint8_t *)"", x->tmp.len);
    out->len = (uint32_t)(x->pool.len - out->off);
    ls_buf_reset(&x->tmp);
    return e;
}

static double xls_rk(uint32_t rk)
{
    double v;
    if (rk & 2) {
        v = (double)((int32_t)rk >> 2);
    } else {
        uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
        memcpy(&v, &bits, sizeof v);
    }
    return (rk & 1) ? v / 100.0 : v;
}

static double xls_f64(struct ls_slice d, size_t off)
{
    uint64_t bits = 0;
    double v;
    (void)ls_rd_u64le(d, off, &bits);
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* ---- number formats ------------------------------------------------------ */

/* XF (2.4.353): ifmt at offset 2 in BIFF8 and BIFF5 alike. */
static ls_err xls_xf_push(struct xls *x, uint16_t ifmt)
{
    if (x->nxf >= XLS_MAX_XF) return LS_OK;
    if (x->nxf == x->capxf) {
        uint32_t cap = x->capxf ? x->capxf * 2 : 64;
        uint16_t *n = realloc(x->xf, sizeof *n * cap);
        LS_FAIL_IF(!n, LS_E_NOMEM);
        x->xf = n;
        x->capxf = cap;
    }
    x->xf[x->nxf++] = ifmt;
    return LS_OK;
}

static ls_err xls_xf(struct xls *x, struct ls_slice d)
{
    uint16_t ifmt = 0;
    if (!ls_rd_u16le(d, 2, &ifmt)) return LS_OK;
    return xls_xf_push(x, ifmt);
}

/* BIFF3/4 XF: the FORMAT record's index is the second byte. BIFF2-4
 * FORMAT: (BIFF4: two bytes, then) a u8-counted code; its id is its place
 * among the FORMAT records (Excel 2.x-4.0 write every format they use,
 * the built-in ones too). */
static ls_err xls_old_fmt(struct xls *x, uint16_t type, size_t off, struct ls_slice d)
{
    if (type == XR_XF3 || type == XR_XF4)
        return d.len >= 2 ? xls_xf_push(x, ls_slice_at(d, 1)) : LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, type == XR_FORMAT ? 2 : 0);
    ls_err e = xls_src_string(x, &s, true);
    ls_err a = x->nfmt_old < UINT16_MAX ? ls_sheet_fmts_add(&x->fmts, x->nfmt_old++, ls_buf_slice(&x->tmp))
                                        : LS_OK;
    ls_buf_reset(&x->tmp);
    if (a != LS_OK) return a;
    return e == LS_E_TRUNCATED ? LS_OK : e;
}

/* FORMAT (2.4.126): ifmt, then the format code as a string. */
static ls_err xls_format(struct xls *x, size_t off, struct ls_slice d)
{
    uint16_t ifmt = 0;
    LS_FAIL_IF(!ls_rd_u16le(d, 0, &ifmt), LS_E_TRUNCATED);
    struct ole2_biff_src s = xls_src_make(x, off, d, 2);
    ls_err e = xls_src_string(x, &s, !x->biff8);
    ls_err a = ls_sheet_fmts_add(&x->fmts, ifmt, ls_buf_slice(&x->tmp));
    ls_buf_reset(&x->tmp);
    if (a != LS_OK) return a;
    /* A number format one character short is no lost text (writers
     * miscount: POI's 61045_govdocs1_626534.xls); what was read is used. */
    return e == LS_E_TRUNCATED ? LS_OK : e;
}

/* A cell value under XF ixfe at col: an ISO date when the XF's format is a
 * date or time format and v is in range, the digits laid out under a
 * digit layout ("000-00-0000"), otherwise the number. */
/* A number shown by format ifmt (has: there is one), as the sheet shows it. */
static ls_err xls_put_shown(struct xls *x, bool has, uint16_t ifmt, double v, uint16_t col)
{
    char num[64];
    if (has && ls_sheet_fmts_show(&x->fmts, ifmt, v, x->date1904, num, sizeof num)) {
        ls_tc_cell(&x->tc, col, ls_slice_make(num, strlen(num)), false);
        return ole2_put(x->j, num);
    }
    size_t n = ls_sheet_number(v, num, sizeof num);
    ls_tc_cell(&x->tc, col, ls_slice_make(num, n), false);
    return ole2_put_n(x->j, num, n);
}

static ls_err xls_put_value(struct xls *x, uint16_t ixfe, double v, uint16_t col)
{
    uint16_t ifmt = ixfe < x->nxf ? x->xf[ixfe] : 0;
    /* BIFF2-4 formats are the file's FORMAT records, no built-in ids */
    return xls_put_shown(x, ixfe < x->nxf && (!x->biffv || ifmt < x->nfmt_old), ifmt, v, col);
}

/* A BIFF2 cell's number: its second attribute byte names its FORMAT. */
static ls_err xls_put_value2(struct xls *x, struct ls_slice d, double v, uint16_t col)
{
    uint16_t ifmt = ls_slice_at(d, 5) & 0x3F;
    return xls_put_shown(x, ifmt < x->nfmt_old, ifmt, v, col);
}

/* ---- records with content ----------------------------------------------- */

static ls_err xls_sst(struct xls *x, size_t off, struct ls_slice data)
{
    struct ole2_biff_src s = xls_src_make(x, off, data, 8);
    uint32_t total = 0, unique = 0;
    (void)ls_rd_u32le(data, 0, &total);
    (void)ls_rd_u32le(data, 4, &unique);
    /* No string in use: writers leave garbage in the unique count and no
     * strings follow (POI's bug 57456, 57456.xls; POI reads none too). */
    if (total == 0 && data.len <= 8) return LS_OK;
    for (uint32_t i = 0; i < unique; i++) {
        /* The strings end on a string boundary before the unique count
         * says: writers overcount (PhpSpreadsheet's bug1592.xls says 15
         * for 12, calamine's gh548 NHS workbook); Excel, LibreOffice and
         * POI read the strings that are there, and so do we. A string
         * cut inside is still damage. */
        if (xls_src_need(&s) != LS_OK) return LS_OK;
        uint16_t cch = 0, runs = 0;
        uint8_t g = 0;
        uint32_t ext = 0;
        LS_TRY(xls_src_u16(&s, &cch));
        LS_TRY(xls_src_u8(&s, &g));
        if (g & 0x08) LS_TRY(xls_src_u16(&s, &runs));
        if (g & 0x04) LS_TRY(xls_src_u32(&s, &ext));
        ls_err e = xls_src_chars(x, &s, cch, (g & 1) != 0);
        if (e == LS_OK) e = xls_src_skip(&s, 4ull * runs + ext);
        if (x->nsst == x->capsst) {
            uint32_t cap = x->capsst ? x->capsst * 2 : 256;
            struct xls_str *n = realloc(x->sst, sizeof *n * cap);
            LS_FAIL_IF(!n, LS_E_NOMEM);
            x->sst = n;
            x->capsst = cap;
        }
        ls_err p = xls_pool(x, &x->sst[x->nsst++]);
        if (e != LS_OK) return e;
        if (p != LS_OK) return p;
    }
    return LS_OK;
}

static ls_err xls_boundsheet(struct xls *x, size_t off, struct ls_slice data)
{
    if (x->nsheets >= XLS_MAX_SHEETS) return LS_OK;
    if (x->nsheets == x->capsheets) {
        uint32_t cap = x->capsheets ? x->capsheets * 2 : 16;
        struct xls_sheet *n = realloc(x->sheets, sizeof *n * cap);
        LS_FAIL_IF(!n, LS_E_NOMEM);
        x->sheets = n;
        x->capsheets = cap;
    }
    struct xls_sheet *sh = &x->sheets[x->nsheets];
    LS_FAIL_IF(!ls_rd_u32le(data, 0, &sh->pos), LS_E_TRUNCATED);
    struct ole2_biff_src s = xls_src_make(x, off, data, 6);
    ls_err e = xls_src_string(x, &s, true);
    LS_TRY(xls_pool(x, &sh->name));
    x->nsheets++;
    if (ls_slice_at(data, 5) == XLS_DT_MACRO && !x->xlm) {
        /* An Excel 4.0 (XLM) macro sheet: macros that run without VBA. */
        struct ls_slice nm = {NULL, 0};
        (void)ls_slice_sub(ls_buf_slice(&x->pool), sh->name.off, sh->name.len, &nm);
        x->xlm = true;
        ls_note(x->j->c, x->j->o, LS_A_MACRO, "xls: Excel 4.0 macro sheet '%.*s'", (int)nm.len,
                nm.ptr ? (const char *)nm.ptr : "");
    }
    return e;
}

static ls_err xls_bof(struct xls *x, uint16_t type, size_t off, struct ls_slice data)
{
    uint16_t vers = 0;
    if (off == 0 && ls_rd_u16le(data, 0, &vers)) x->biff8 = type == XR_BOF && vers == 0x0600;
    if (off == 0) {
        x->biff2 = type == XR_BOF2;
        x->biffv = type == XR_BOF2 ? 2 : type == XR_BOF3 ? 3 : type == XR_BOF4 ? 4 : 0;
    }
    for (uint32_t i = 0; i < x->nsheets; i++) {
        if (x->sheets[i].pos != off) continue;
        LS_TRY(ole2_put(x->j, x->row >= 0 ? "\n\n[Sheet: " : "[Sheet: "));
        LS_TRY(xls_put_str(x, x->sheets[i].name));
        x->row = -1;
        LS_TRY(ls_tc_row_end(&x->tc, x->j->c, x->j->o)); /* the last sheet's last row */
        ls_tc_reset(&x->tc);
        return ole2_put(x->j, "]\n");
    }
    return LS_OK;
}

static ls_err xls_labelsst(struct xls *x, struct ls_slice d)
{
    uint16_t row = 0, col = 0;
    uint32_t isst = 0;
    LS_FAIL_IF(!ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col) || !ls_rd_u32le(d, 6, &isst),
               LS_E_TRUNCATED);
    LS_TRY(xls_cell(x, row, col));
    if (isst >= x->nsst || isst / 8 >= x->nused) return LS_E_CORRUPT;
    x->used[isst / 8] |= (uint8_t)(1u << (isst % 8));
    struct ls_slice v;
    if (ls_slice_sub(ls_buf_slice(&x->pool), x->sst[isst].off, x->sst[isst].len, &v))
        xls_tc(x, col, v, true);
    return xls_put_str(x, x->sst[isst]);
}

static ls_err xls_label(struct xls *x, size_t off, struct ls_slice d)
{
    uint16_t row = 0, col = 0;
    LS_FAIL_IF(!ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col), LS_E_TRUNCATED);
    LS_TRY(xls_cell(x, row, col));
    struct ole2_biff_src s = xls_src_make(x, off, d, 6);
    ls_err e = xls_src_string(x, &s, false);
    xls_tc(x, col, ls_buf_slice(&x->tmp), true);
    ls_err p = xls_put_tmp(x);
    return e != LS_OK ? e : p;
}

/* NUMBER, RK, MULRK: rw, col, then ixfe and the value (MULRK: a run of
 * ixfe + RK pairs). */
static ls_err xls_number(struct xls *x, uint16_t type, struct ls_slice d)
{
    uint16_t row = 0, col = 0, ixfe = 0;
    LS_FAIL_IF(!ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col), LS_E_TRUNCATED);
    if (type == XR_MULRK) {
        size_t n = d.len >= 6 ? (d.len - 6) / 6 : 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t rk = 0;
            uint16_t c = (uint16_t)(col + i);
            (void)ls_rd_u16le(d, 4 + 6 * i, &ixfe);
            (void)ls_rd_u32le(d, 4 + 6 * i + 2, &rk);
            LS_TRY(xls_cell(x, row, c));
            LS_TRY(xls_put_value(x, ixfe, xls_rk(rk), c));
        }
        return LS_OK;
    }
    LS_TRY(xls_cell(x, row, col));
    (void)ls_rd_u16le(d, 4, &ixfe);
    if (type == XR_RK) {
        uint32_t rk = 0;
        LS_FAIL_IF(!ls_rd_u32le(d, 6, &rk), LS_E_TRUNCATED);
        return xls_put_value(x, ixfe, xls_rk(rk), col);
    }
    LS_FAIL_IF(d.len < 14, LS_E_TRUNCATED);
    return xls_put_value(x, ixfe, xls_f64(d, 6), col);
}

static const char *xls_err_name(int code);

/* Excel 2.x cells: rw, col, three attribute bytes (no XF index), then
 * the value: INTEGER a u16, NUMBER a double, LABEL a u8 count and 8-bit
 * characters, BOOLERR a value and an error flag, FORMULA its result as a
 * double. */
static ls_err xls_cell2(struct xls *x, uint16_t type, size_t off, struct ls_slice d)
{
    uint16_t row = 0, col = 0, n16 = 0;
    LS_FAIL_IF(!ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col) || d.len < 8, LS_E_TRUNCATED);
    LS_TRY(xls_cell(x, row, col));
    switch (type) {
    case XR_INTEGER2:
        LS_FAIL_IF(!ls_rd_u16le(d, 7, &n16), LS_E_TRUNCATED);
        return xls_put_value2(x, d, n16, col);
    case XR_NUMBER2:
        LS_FAIL_IF(d.len < 15, LS_E_TRUNCATED);
        return xls_put_value2(x, d, xls_f64(d, 7), col);
    case XR_BOOLERR2:
        LS_FAIL_IF(d.len < 9, LS_E_TRUNCATED);
        xls_tc(x, col, ls_slice_make("=", 1), false);
        if (ls_slice_at(d, 8) != 0) return ole2_put(x->j, xls_err_name(ls_slice_at(d, 7)));
        return ole2_put(x->j, ls_slice_at(d, 7) ? "TRUE" : "FALSE");
    default: { /* XR_LABEL2 */
        struct ole2_biff_src src = xls_src_make(x, off, d, 7);
        ls_err e = xls_src_string(x, &src, true);
        xls_tc(x, col, ls_buf_slice(&x->tmp), true);
        ls_err p = xls_put_tmp(x);
        return e != LS_OK ? e : p;
    }
    }
}

/* A BIFF2 FORMULA: rw, col, three attribute bytes, the result (8 bytes:
 * a double, or tagged 0xFFFF in its last two as in BIFF5: a string that a
 * STRING record brings, a boolean, an error). */
static ls_err xls_formula2(struct xls *x, struct ls_slice d)
{
    uint16_t row = 0, col = 0, tag = 0;
    LS_FAIL_IF(d.len < 15 || !ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col), LS_E_TRUNCATED);
    xls_tc(x, col, ls_slice_make("=", 1), false);
    LS_TRY(xls_cell(x, row, col));
    (void)ls_rd_u16le(d, 13, &tag);
    if (tag != 0xFFFF) return xls_put_value2(x, d, xls_f64(d, 7), col);
    int kind = ls_slice_at(d, 7), val = ls_slice_at(d, 9);
    if (kind == 0) {
        x->want_string = true;
        return LS_OK;
    }
    if (kind == 1) return ole2_put(x->j, val ? "TRUE" : "FALSE");
    return kind == 2 ? ole2_put(x->j, xls_err_name(val)) : LS_OK;
}

/* A BIFF2 STRING record (a formula's string result): u8 count, chars. */
static ls_err xls_string2(struct xls *x, size_t off, struct ls_slice d)
{
    if (!x->want_string) return LS_OK;
    x->want_string = false;
    struct ole2_biff_src s = xls_src_make(x, off, d, 0);
    ls_err e = xls_src_string(x, &s, true);
    ls_err p = xls_put_tmp(x);
    return e != LS_OK ? e : p;
}

/* An error value (2.5.97 BErr) as Excel shows it. */
static const char *xls_err_name(int code)
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

static ls_err xls_formula(struct xls *x, struct ls_slice d)
{
    uint16_t row = 0, col = 0, tag = 0, ixfe = 0;
    LS_FAIL_IF(d.len < 14 || !ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col), LS_E_TRUNCATED);
    xls_tc(x, col, ls_slice_make("=", 1), false); /* a formula's result is not a header label */
    (void)ls_rd_u16le(d, 12, &tag);
    (void)ls_rd_u16le(d, 4, &ixfe);
    if (tag != 0xFFFF) {
        LS_TRY(xls_cell(x, row, col));
        return xls_put_value(x, ixfe, xls_f64(d, 6), col);
    }
    int kind = ls_slice_at(d, 6), val = ls_slice_at(d, 8);
    if (kind == 0) { /* string result: the STRING record follows */
        LS_TRY(xls_cell(x, row, col));
        x->want_string = true;
        return LS_OK;
    }
    if (kind == 1) {
        LS_TRY(xls_cell(x, row, col));
        return ole2_put(x->j, val ? "TRUE" : "FALSE");
    }
    if (kind == 2) {
        LS_TRY(xls_cell(x, row, col));
        return ole2_put(x->j, xls_err_name(val));
    }
    return LS_OK;
}

static ls_err xls_string(struct xls *x, size_t off, struct ls_slice d)
{
    if (!x->want_string) return LS_OK;
    x->want_string = false;
    struct ole2_biff_src s = xls_src_make(x, off, d, 0);
    ls_err e = xls_src_string(x, &s, false);
    ls_err p = xls_put_tmp(x);
    return e != LS_OK ? e : p;
}

static ls_err xls_hdrftr(struct xls *x, size_t off, struct ls_slice d)
{
    uint16_t cch = 1;
    /* Empty, or an empty string without its flags byte (POI's 61287.xls). */
    if (d.len == 0 || (ls_rd_u16le(d, 0, &cch) && cch == 0 && x->biff8)) return LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, 0);
    ls_err e = xls_src_string(x, &s, !x->biff8);
    if (x->tmp.len) { /* without its layout codes, as the xlsx reader */
        struct ls_buf plain;
        ls_buf_init(&plain, x->tmp.len + 1);
        ls_err f = ls_sheet_hf_plain(ls_buf_slice(&x->tmp), &plain);
        ls_buf_reset(&x->tmp);
        bool blank = true; /* codes only ("&C&P"): nothing to write */
        for (size_t i = 0; i < plain.len && blank; i++)
            blank = plain.ptr[i] == ' ' || plain.ptr[i] == '\t' || plain.ptr[i] == '\n' || plain.ptr[i] == '\r';
        if (blank) {
            ls_buf_free(&plain);
            return f == LS_OK ? e : f;
        }
        if (f == LS_OK) f = ole2_put(x->j, x->row >= 0 ? "\n" : "");
        x->row = -1;
        if (f == LS_OK) f = ole2_put_n(x->j, plain.ptr ? (const char *)plain.ptr : "", plain.len);
        if (f == LS_OK) f = ole2_put(x->j, "\n");
        ls_buf_free(&plain);
        LS_TRY(f);
    }
    return e;
}

/* TXO (comment / text box): the text sits in the next CONTINUE record. */
static ls_err xls_txo_text(struct xls *x, size_t off, struct ls_slice d)
{
    uint32_t cch = x->txo_cch;
    x->txo_cch = 0;
    if (cch == 0 || d.len == 0) return LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, 1);
    ls_err e = xls_src_chars(x, &s, cch, (ls_slice_at(d, 0) & 1) != 0);
    LS_TRY(ole2_put(x->j, x->row >= 0 ? "\n" : ""));
    x->row = -1;
    LS_TRY(xls_put_tmp(x));
    LS_TRY(ole2_put(x->j, "\n"));
    return e == LS_E_TRUNCATED ? LS_OK : e; /* text and runs may split oddly */
}

/* HLINK (hyperlink targets: URLs, mailto:, UNC paths) and SUPBOOK
 * (external workbook paths): their strings are UTF-16 inside monikers;
 * printable runs are enough to surface addresses and paths. */
static ls_err xls_links(struct xls *x, struct ls_slice d)
{
    LS_TRY(ole2_put(x->j, x->row >= 0 ? "\n" : ""));
    x->row = -1;
    return ole2_raw_text(x->j, d);
}

/* A line of its own after the cells: ends the current row. */
static ls_err xls_own_line(struct xls *x)
{
    LS_TRY(ole2_put(x->j, x->row >= 0 ? "\n" : ""));
    x->row = -1;
    return LS_OK;
}

/* CRN ([MS-XLS] 2.4.65): the cached values of cells in another workbook
 * that formulas refer to (its path is in SUPBOOK): data copied from files
 * the leak may not hold. One line per record, values tab-separated: each
 * value a type byte and 8 bytes, or a string (read as any record string,
 * CONTINUE records included). */
static ls_err xls_crn(struct xls *x, size_t off, struct ls_slice d)
{
    int last = ls_slice_at(d, 0), first = ls_slice_at(d, 1);
    if (last < 0 || first < 0 || last < first) return LS_OK;
    LS_TRY(xls_own_line(x));
    struct ole2_biff_src s = xls_src_make(x, off, d, 4);
    ls_err e = LS_OK;
    for (int c = first; c <= last && e == LS_OK; c++) {
        uint8_t kind, b = 0;
        uint32_t lo = 0, hi = 0;
        if (xls_src_u8(&s, &kind) != LS_OK) break; /* fewer values than columns */
        if (c > first) LS_TRY(ole2_put(x->j, "\t"));
        if (kind == 0x02) { /* SerStr */
            e = xls_src_string(x, &s, !x->biff8);
            ls_err p = xls_put_tmp(x);
            if (e == LS_OK) e = p;
        } else if (kind == 0x01) { /* SerNum */
            e = xls_src_u32(&s, &lo);
            if (e == LS_OK) e = xls_src_u32(&s, &hi);
            uint64_t bits = (uint64_t)hi << 32 | lo;
            double v;
            memcpy(&v, &bits, sizeof v);
            if (e == LS_OK) e = ole2_put_number(x->j, v);
        } else if (kind == 0x04 || kind == 0x10 || kind == 0x00) { /* SerBool, SerErr, SerNil */
            e = xls_src_u8(&s, &b);
            if (e == LS_OK) e = xls_src_skip(&s, 7);
            if (e == LS_OK && kind != 0x00)
                e = ole2_put(x->j, kind == 0x04 ? (b == 1 ? "TRUE" : "FALSE") : xls_err_name(b));
        } else {
            break; /* unknown: the rest cannot be framed */
        }
    }
    if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT) e = LS_OK; /* a cut cache keeps what it gave */
    LS_TRY(e);
    return ole2_put(x->j, "\n");
}

/* CODEPAGE (2.4.52): the code page of BIFF5 strings; Excel for the Mac
 * writes 32768 for Mac Roman, BIFF3 32769 for ANSI. */
static void xls_codepage(struct xls *x, struct ls_slice d)
{
    uint16_t cp = 0;
    if (!ls_rd_u16le(d, 0, &cp)) cp = 1252; /* a cut CODEPAGE record: the default */
    x->cp = ls_codepage_by_number(cp == 32768 ? 10000u : cp);
}

/* WRITEACCESS ([MS-XLS] 2.4.349): the user who last wrote the workbook,
 * a record string padded with spaces, as "written by: NAME" (the property
 * sets usually agree; a workbook without them still names its user here). */
static ls_err xls_writeaccess(struct xls *x, size_t off, struct ls_slice d)
{
    struct ole2_biff_src s = xls_src_make(x, off, d, 0);
    ls_err e = xls_src_string(x, &s, !x->biff8);
    while (x->tmp.len && (x->tmp.ptr[x->tmp.len - 1] == ' ' || x->tmp.ptr[x->tmp.len - 1] == 0)) x->tmp.len--;
    if (x->tmp.len == 0) return LS_OK;
    ls_err f = xls_own_line(x);
    if (f == LS_OK) f = ole2_put(x->j, "written by: ");
    ls_err p = xls_put_tmp(x);
    if (f == LS_OK) f = p;
    if (f == LS_OK) f = ole2_put(x->j, "\n");
    return f != LS_OK ? f : (e == LS_E_TRUNCATED || e == LS_E_CORRUPT ? LS_OK : e);
}

/* NAME ([MS-XLS] 2.4.150 Lbl): a defined name whose formula is a string
 * constant (="..."; Excel's web export keeps HTML_Email, HTML_Title this
 * way) as "NAME: value". Built-in names and other formulas say nothing.
 * The name (cch at 3, no length of its own; a grbit first in BIFF8) is at
 * 14, the formula (cce bytes at 4) after it: ptgStr (0x17) and a short
 * string. */
static ls_err xls_name(struct xls *x, size_t off, struct ls_slice d)
{
    uint16_t grbit = 0, cce = 0;
    int cch = ls_slice_at(d, 3);
    if (!ls_rd_u16le(d, 0, &grbit) || !ls_rd_u16le(d, 4, &cce) || cch <= 0 || cce < 2 || (grbit & 0x0020u))
        return LS_OK; /* fBuiltin: a one-byte code, not a name */
    struct ole2_biff_src s = xls_src_make(x, off, d, 14);
    uint8_t g = 0, ptg = 0;
    ls_err e = x->biff8 ? xls_src_u8(&s, &g) : LS_OK;
    if (e == LS_OK) e = xls_src_chars(x, &s, (uint32_t)cch, (g & 1) != 0);
    if (e == LS_OK) e = xls_src_u8(&s, &ptg);
    if (e != LS_OK || ptg != 0x17) { /* not a string constant (or cut): nothing */
        ls_buf_reset(&x->tmp);
        return LS_OK;
    }
    LS_TRY(xls_own_line(x));
    LS_TRY(xls_put_tmp(x));
    LS_TRY(ole2_put(x->j, ": "));
    e = xls_src_string(x, &s, true);
    LS_TRY(xls_put_tmp(x));
    LS_TRY(ole2_put(x->j, "\n"));
    return e == LS_E_TRUNCATED || e == LS_E_CORRUPT ? LS_OK : e;
}

/* Whether the record string in tmp says something new of its kind (0 DV
 * message, 1 DV list, 2 NOTE author, 3 filter criterion, 4 chart text): not blank (a string of one NUL is how
 * BIFF8 writes "none"), and not the same as the last one of that kind
 * written (a sheet repeats one list validation per range and one author
 * per comment: 195 DV records with the same list in one real workbook).
 * tmp is emptied when not. */
static bool xls_tmp_said(struct xls *x, unsigned kind)
{
    bool blank = true;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < x->tmp.len; i++) {
        uint8_t b = x->tmp.ptr[i];
        if (b != 0 && b != ' ' && b != '\t') blank = false;
        h = (h ^ b) * 1099511628211ull;
    }
    if (blank || h == x->last_said[kind]) {
        ls_buf_reset(&x->tmp);
        return false;
    }
    x->last_said[kind] = h;
    return true;
}

/* tmp with its NULs (a list validation's item separator) as ", ". */
static ls_err xls_put_tmp_list(struct xls *x)
{
    size_t from = 0;
    ls_err e = LS_OK;
    for (size_t i = 0; i <= x->tmp.len && e == LS_OK; i++) {
        if (i < x->tmp.len && x->tmp.ptr[i] != 0) continue;
        e = ole2_put_n(x->j, (const char *)x->tmp.ptr + from, i - from);
        if (e == LS_OK && i < x->tmp.len) e = ole2_put(x->j, ", ");
        from = i + 1;
    }
    ls_buf_reset(&x->tmp);
    return e;
}

/* DV ([MS-XLS] 2.4.118): a data validation. The messages a cell shows when
 * selected and on a wrong entry (PromptTitle, ErrorTitle, Prompt, Error) as
 * "validation message: ..." lines, and a list validation's entries (its
 * first formula a ptgStr, items separated by NUL) as "validation: a, b":
 * drop-down lists of names and codes that no cell holds. BIFF8 only. */
static ls_err xls_dv(struct xls *x, size_t off, struct ls_slice d)
{
    if (!x->biff8) return LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, 4);
    ls_err e = LS_OK;
    for (int i = 0; i < 4 && e == LS_OK; i++) {
        e = xls_src_string(x, &s, false);
        if (e != LS_OK || !xls_tmp_said(x, 0)) continue;
        LS_TRY(xls_own_line(x));
        LS_TRY(ole2_put(x->j, "validation message: "));
        LS_TRY(xls_put_tmp(x));
        LS_TRY(ole2_put(x->j, "\n"));
    }
    uint16_t cce = 0, unused = 0;
    uint8_t ptg = 0;
    if (e == LS_OK) e = xls_src_u16(&s, &cce);
    if (e == LS_OK) e = xls_src_u16(&s, &unused);
    if (e == LS_OK && cce >= 3) e = xls_src_u8(&s, &ptg);
    if (e == LS_OK && cce >= 3 && ptg == 0x17) {
        e = xls_src_string(x, &s, true);
        if (e == LS_OK && xls_tmp_said(x, 1)) {
            LS_TRY(xls_own_line(x));
            LS_TRY(ole2_put(x->j, "validation: "));
            LS_TRY(xls_put_tmp_list(x));
            LS_TRY(ole2_put(x->j, "\n"));
        }
    }
    ls_buf_reset(&x->tmp);
    return e == LS_E_TRUNCATED || e == LS_E_CORRUPT ? LS_OK : e;
}

/* NOTE ([MS-XLS] 2.4.179, BIFF8): a cell comment's author (its text is in
 * the TXO record) as "comment author: NAME". */
static ls_err xls_note(struct xls *x, size_t off, struct ls_slice d)
{
    if (!x->biff8 || d.len < 8) return LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, 8);
    ls_err e = xls_src_string(x, &s, false);
    if (e == LS_OK && xls_tmp_said(x, 2)) {
        LS_TRY(xls_own_line(x));
        LS_TRY(ole2_put(x->j, "comment author: "));
        LS_TRY(xls_put_tmp(x));
        LS_TRY(ole2_put(x->j, "\n"));
    }
    ls_buf_reset(&x->tmp);
    return e == LS_E_TRUNCATED || e == LS_E_CORRUPT ? LS_OK : e;
}

/* AUTOFILTER ([MS-XLS] 2.4.8): a filtered column's criteria. A string
 * criterion (DOPER vt 6: its length at byte 6 of the DOPER) has its
 * characters after both DOPERs, each an XLUnicodeStringNoCch: what the
 * rows it hides were matched on ("536-22-1874"), as "filter: ..." lines. */
static ls_err xls_autofilter(struct xls *x, size_t off, struct ls_slice d)
{
    if (!x->biff8 || d.len < 24) return LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, 24);
    ls_err e = LS_OK;
    for (int k = 0; k < 2 && e == LS_OK; k++) {
        int vt = ls_slice_at(d, 4 + 10 * (size_t)k), cch = ls_slice_at(d, 4 + 10 * (size_t)k + 6);
        if (vt != 6 || cch <= 0) continue;
        uint8_t high = 0;
        e = xls_src_u8(&s, &high);
        if (e == LS_OK) e = xls_src_chars(x, &s, (uint32_t)cch, (high & 1) != 0);
        if (e != LS_OK || !xls_tmp_said(x, 3)) continue;
        LS_TRY(xls_own_line(x));
        LS_TRY(ole2_put(x->j, "filter: "));
        LS_TRY(xls_put_tmp(x));
        LS_TRY(ole2_put(x->j, "\n"));
    }
    ls_buf_reset(&x->tmp);
    return e == LS_E_TRUNCATED || e == LS_E_CORRUPT ? LS_OK : e;
}

/* SeriesText ([MS-XLS] 2.4.254) of a chart substream: a chart's title,
 * axis titles, series names and data labels typed as text (a ShortXLUnicodeString
 * after a reserved u16), as "chart text: ..." lines. */
static ls_err xls_seriestext(struct xls *x, size_t off, struct ls_slice d)
{
    if (!x->biff8) return LS_OK;
    struct ole2_biff_src s = xls_src_make(x, off, d, 2);
    ls_err e = xls_src_string(x, &s, true);
    if (e == LS_OK && xls_tmp_said(x, 4)) {
        LS_TRY(xls_own_line(x));
        LS_TRY(ole2_put(x->j, "chart text: "));
        LS_TRY(xls_put_tmp(x));
        LS_TRY(ole2_put(x->j, "\n"));
    }
    ls_buf_reset(&x->tmp);
    return e == LS_E_TRUNCATED || e == LS_E_CORRUPT ? LS_OK : e;
}

static ls_err xls_record(struct xls *x, uint16_t type, size_t off, struct ls_slice d)
{
    if (type != XR_CONTINUE) {
        if (x->txo_cch && type != XR_TXO) x->txo_cch = 0;
        if (type != XR_STRING && type != XR_STRING2 && type != XR_FORMULA) x->want_string = false;
    }
    if (x->biffv && (type == XR_FORMAT2 || (type == XR_FORMAT && x->biffv == 4) || type == XR_XF3 ||
                     type == XR_XF4))
        return xls_old_fmt(x, type, off, d);
    if (x->biff2) {
        switch (type) {
        case XR_INTEGER2: case XR_NUMBER2: case XR_LABEL2: case XR_BOOLERR2:
            return xls_cell2(x, type, off, d);
        case XR_FORMULA: return xls_formula2(x, d);
        case XR_STRING2: return xls_string2(x, off, d);
        default: break;
        }
    }
    switch (type) {
    case XR_BOF: case XR_BOF2: case XR_BOF3: case XR_BOF4: return xls_bof(x, type, off, d);
    case XR_FORMULA3: case XR_FORMULA4: return xls_formula(x, d);
    case XR_FILEPASS: /* readable when the password is Excel's default; decrypted once */
        if (x->decrypted) return LS_OK;
        x->decrypted = ole2_xls_default_decrypt(x->wsbuf->ptr, x->wsbuf->len, off) == LS_OK;
        return x->decrypted ? LS_OK : LS_E_ENCRYPTED;
    case XR_BOUNDSHEET: return xls_boundsheet(x, off, d);
    case XR_SST: return xls_sst(x, off, d);
    case XR_LABELSST: return xls_labelsst(x, d);
    case XR_LABEL: case XR_RSTRING: return xls_label(x, off, d);
    case XR_NUMBER: case XR_RK: case XR_MULRK: return xls_number(x, type, d);
    case XR_FORMULA: return xls_formula(x, d);
    case XR_XF: return xls_xf(x, d);
    case XR_FORMAT: return xls_format(x, off, d);
    case XR_DATEMODE: {
        uint16_t f1904 = 0;
        (void)ls_rd_u16le(d, 0, &f1904);
        x->date1904 = f1904 == 1;
        return LS_OK;
    }
    case XR_CODEPAGE: xls_codepage(x, d); return LS_OK;
    case XR_STRING: return xls_string(x, off, d);
    case XR_HEADER: case XR_FOOTER: return xls_hdrftr(x, off, d);
    case XR_TXO: {
        uint16_t cch = 0;
        (void)ls_rd_u16le(d, 10, &cch);
        x->txo_cch = cch;
        return LS_OK;
    }
    case XR_CONTINUE: return x->txo_cch ? xls_txo_text(x, off, d) : LS_OK;
    case XR_HLINK: case XR_SUPBOOK: return xls_links(x, d);
    case XR_CRN: return xls_crn(x, off, d);
    case XR_NAME: return xls_name(x, off, d);
    case XR_WRITEACCESS: return xls_writeaccess(x, off, d);
    case XR_DV: return xls_dv(x, off, d);
    case XR_NOTE: return xls_note(x, off, d);
    case XR_AUTOFILTER: return xls_autofilter(x, off, d);
    case XR_SERIESTEXT: return xls_seriestext(x, off, d);
    case XR_BOOLERR: {
        uint16_t row = 0, col = 0;
        if (!ls_rd_u16le(d, 0, &row) || !ls_rd_u16le(d, 2, &col) || d.len < 8) return LS_OK;
        LS_TRY(xls_cell(x, row, col));
        xls_tc(x, col, ls_slice_make("=", 1), false);
        if (ls_slice_at(d, 7) != 0) return ole2_put(x->j, xls_err_name(ls_slice_at(d, 6)));
        return ole2_put(x->j, ls_slice_at(d, 6) ? "TRUE" : "FALSE");
    }
    default: return LS_OK;
    }
}

/* Shared strings no cell referenced. */
static ls_err xls_unused(struct xls *x)
{
    bool any = false;
    for (uint32_t i = 0; i < x->nsst; i++) {
        if (x->used[i / 8] & (1u << (i % 8)) || x->sst[i].len == 0) continue;
        if (!any) LS_TRY(ole2_put(x->j, "\n\n[Unreferenced shared strings]\n"));
        any = true;
        LS_TRY(xls_put_str(x, x->sst[i]));
        LS_TRY(ole2_put(x->j, "\n"));
    }
    return LS_OK;
}

static ls_err xls_grow_used(struct xls *x)
{
    uint32_t need = x->nsst / 8 + 1;
    if (need <= x->nused) return LS_OK;
    uint8_t *n = realloc(x->used, need);
    LS_FAIL_IF(!n, LS_E_NOMEM);
    memset(n + x->nused, 0, need - x->nused);
    x->used = n;
    x->nused = need;
    return LS_OK;
}

/* The workbook globals' CODEPAGE, before the walk reaches it: WRITEACCESS
 * (the author's name) comes first in a BIFF5 file, and its bytes are in
 * that code page too. Stops at the globals' EOF. A BIFF5 workbook without
 * one (Russian accounting software writes such: ExcelDataReader's
 * Test_git_issue_411.xls) has its strings in the code page of its fonts'
 * charset, as LibreOffice reads it: the FONT records' bCharSet (offset
 * 12) when exactly one charset other than ANSI, DEFAULT, SYMBOL, Mac and
 * OEM appears (several decide nothing, as for Word 6 fonts). BIFF2-4 FONT
 * records have no charset. */
static void xls_codepage_first(struct xls *x)
{
    size_t off = 0;
    uint16_t type = 0, first = 0;
    unsigned font_cp = 0;
    bool mixed = false;
    struct ls_slice d;
    while (off < x->ws.len && xls_rec_at(x->ws, off, &type, &d) && type != XR_EOF) {
        if (off == 0) first = type;
        if (type == XR_CODEPAGE) {
            xls_codepage(x, d);
            return;
        }
        if (type == XR_FONT && first == XR_BOF) {
            unsigned cp = ole2_charset_cp((uint8_t)(ls_slice_at(d, 12) > 0 ? ls_slice_at(d, 12) : 0));
            if (cp && font_cp && cp != font_cp) mixed = true;
            if (cp) font_cp = cp;
        }
        off += 4 + d.len;
    }
    if (font_cp && !mixed) x->cp = ls_codepage_by_number(font_cp);
}

/* The stream ends where the workbook does not: 1-3 bytes that are not
 * padding (a record header cut), a BOF no EOF closed (a substream cut at
 * a record boundary), or a sheet BOUNDSHEET places past the end. */
static bool xls_cut(const struct xls *x, size_t off)
{
    for (size_t i = off; i < x->ws.len; i++)
        if (x->ws.ptr[i] != 0) return true;
    if (x->open_bofs > 0) return true;
    for (uint32_t i = 0; i < x->nsheets; i++)
        if (x->sheets[i].pos != 0 && x->sheets[i].pos >= x->ws.len) return true;
    return false;
}

static ls_err xls_walk(struct xls *x)
{
    size_t off = 0;
    xls_codepage_first(x);
    while (off < x->ws.len) {
        uint16_t type = 0;
        struct ls_slice d;
        if (!xls_rec_at(x->ws, off, &type, &d)) {
            if (off + 4 <= x->ws.len) return LS_E_TRUNCATED;
            break;
        }
        if (type == XR_BOF) x->open_bofs++;
        else if (type == XR_EOF && x->open_bofs > 0) x->open_bofs--;
        ls_err e = xls_record(x, type, off, d);
        if (type == XR_SST) LS_TRY(xls_grow_used(x));
        if (e == LS_E_ENCRYPTED || e == LS_E_LIMIT || e == LS_E_NOMEM) return e;
        if (e != LS_OK && x->damage == LS_OK) x->damage = e;
        off += 4 + d.len;
        if (ls_ctx_expired(x->j->c)) return LS_E_TIMEOUT;
    }
    return xls_cut(x, off) ? LS_E_TRUNCATED : LS_OK;
}

/* Walk the stream in ws (its storage, decrypted in place by FILEPASS)
 * and write its cells; size: the file's, for the text pools' caps. */
/* The drawing group (MSODRAWINGGROUP and its CONTINUE records in the
 * globals): an OfficeArtDggContainer whose BStore's FBSE records carry the
 * workbook's pictures; the metafiles among them (charts pasted as
 * pictures, org charts) are handed on as Workbook/picture-N.emf|wmf. */
static ls_err xls_pictures(struct xls *x)
{
    struct ls_buf g;
    ls_buf_init(&g, x->ws.len);
    size_t off = 0;
    uint16_t type = 0, prev = 0;
    struct ls_slice d;
    ls_err e = LS_OK;
    while (e == LS_OK && off < x->ws.len && xls_rec_at(x->ws, off, &type, &d) && type != XR_EOF) {
        if (type == XR_MSODRAWINGGROUP || (type == XR_CONTINUE && prev == XR_MSODRAWINGGROUP))
            e = ls_buf_add(&g, d.ptr, d.len);
        if (type != XR_CONTINUE) prev = type;
        off += 4 + d.len;
    }
    unsigned n = 0;
    if (e == LS_OK && g.len) e = ole2_blip_scan(x->j, ls_buf_slice(&g), "Workbook", &n);
    ls_buf_free(&g);
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err xls_run(struct ole2_job *j, struct ls_buf *ws, size_t size, ls_err r)
{
    struct xls x;
    memset(&x, 0, sizeof x);
    x.j = j;
    x.row = -1;
    x.biff8 = true;
    if (ls_tc_init(&x.tc) != LS_OK) memset(&x.tc, 0, sizeof x.tc); /* no labels */
    ls_buf_init(&x.pool, 4 * size + 1024);
    ls_buf_init(&x.tmp, 4 * size + 1024);
    ls_sheet_fmts_init(&x.fmts);
    if (r == LS_E_NOMEM || r == LS_E_ARG) goto out;
    x.ws = ls_buf_slice(ws);
    x.wsbuf = ws;
    ls_err e = xls_walk(&x);
    bool cut = e == LS_E_TRUNCATED;
    if (cut) {
        ls_note(j->c, j->o, LS_R_TRUNCATED, "xls: the workbook stream ends inside a record or a sheet (cut short)");
        e = LS_OK; /* what came before is written */
    }
    if (e == LS_OK) e = ls_tc_row_end(&x.tc, j->c, j->o); /* the last row */
    if (e == LS_OK && x.nsst) e = xls_grow_used(&x);
    if (e == LS_OK && x.nsst) e = xls_unused(&x);
    if (e == LS_OK) e = xls_pictures(&x);
    if (e == LS_E_ENCRYPTED)
        ls_note(j->c, j->o, LS_R_ENCRYPTED, "xls: workbook is encrypted (FILEPASS)");
    else if (e == LS_OK && x.damage != LS_OK)
        ls_note(j->c, j->o, LS_R_PARSE_ERROR, "xls: damaged records in the workbook stream");
    if (e == LS_OK) e = x.damage;
    if (e == LS_OK && cut) e = LS_E_TRUNCATED;
    if (r == LS_OK || e == LS_E_ENCRYPTED) r = e;
    if (r == LS_OK) r = ole2_put(j, "\n");
out:
    ls_tc_free(&x.tc);
    free(x.sst);
    free(x.used);
    free(x.sheets);
    free(x.xf);
    ls_sheet_fmts_free(&x.fmts);
    ls_buf_free(&x.pool);
    ls_buf_free(&x.tmp);
    return r;
}

ls_err ole2_xls_extract(struct ole2_job *j, uint32_t st)
{
    struct ls_buf ws;
    ls_buf_init(&ws, j->f->data.len);
    bool book = ole2_cfb_find_type(j->f, st, "Workbook", OLE2_T_STREAM) == OLE2_NOSTREAM;
    ls_err r = ole2_read_named(j, st, book ? "Book" : "Workbook", &ws);
    r = xls_run(j, &ws, j->f->data.len, r);
    ls_buf_free(&ws);
    return r;
}

/* ---- raw BIFF streams (no OLE2 container) --------------------------------
 *
 * Excel 2.x, 3.0 and 4.0 saved a worksheet as its BIFF2/3/4 record stream,
 * the whole file; and web applications' "export to Excel" still write a
 * BIFF5 record stream without a container (a BOF 0x0809, LABEL and NUMBER
 * records, EOF: the classic PHP and ASP snippets), which Excel opens. Read
 * with the workbook stream's reader; the first record must be a BOF of a
 * worksheet, chart, macro sheet or workbook with its usual size. Their
 * number formats (FORMAT records, ids by order; BIFF3/4 XF records) give
 * dates as for BIFF5/8 (xls_old_fmt). A stream without the EOF record
 * closing its last BOF (cut at a record boundary) is truncated. */
static bool biff_raw_bof(struct ls_slice d)
{
    uint16_t type = 0, len = 0, vers = 0, dt = 0, next = 0, nlen = 0;
    if (!ls_rd_u16le(d, 0, &type) || !ls_rd_u16le(d, 2, &len) || !ls_rd_u16le(d, 4, &vers) ||
        !ls_rd_u16le(d, 6, &dt))
        return false;
    bool sheet = dt == 0x0010 || dt == 0x0020 || dt == 0x0040;
    bool ok = false;
    if (type == XR_BOF2)
        ok = len == 4 && sheet;
    else if (type == XR_BOF3 || type == XR_BOF4)
        ok = len == 6 && (sheet || dt == 0x0100);
    else if (type == XR_BOF)
        ok = (len == 8 || len == 16) && (vers == 0 || vers == 0x0500 || vers == 0x0600) &&
             (sheet || dt == 0x0005 || dt == 0x0100);
    if (!ok) return false;
    size_t at = 4 + (size_t)len; /* the next record must fit, if there is one */
    if (d.len <= at) return true;
    if (!ls_rd_u16le(d, at, &next) || !ls_rd_u16le(d, at + 2, &nlen)) return false;
    return nlen <= d.len - at - 4;
}

/* Whether the stream's substreams are all closed: each BOF opens one its
 * EOF closes, and a bare stream cut at a record boundary (its rows past
 * the cut gone) has no last EOF. Zero padding after it is no record. */
static bool biff_closed(struct ls_slice d)
{
    size_t off = 0;
    unsigned open = 0;
    bool eof = false;
    uint16_t type = 0, len = 0;
    while (ls_rd_u16le(d, off, &type) && ls_rd_u16le(d, off + 2, &len) && len <= d.len - off - 4) {
        if (type == XR_BOF || type == XR_BOF2 || type == XR_BOF3 || type == XR_BOF4) {
            open++;
        } else if (type == XR_EOF && open) {
            open--;
            eof = true;
        }
        off += 4 + (size_t)len;
    }
    return eof && open == 0;
}

static int biff_probe(const struct ls_object *o)
{
    return biff_raw_bof(o->data) ? 80 : 0;
}

static ls_err biff_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ole2_job j;
    ole2_job_init(&j, c, o, NULL);
    struct ls_buf ws;
    ls_buf_init(&ws, o->data.len);
    ls_err r = ls_buf_add(&ws, o->data.ptr, o->data.len);
    r = xls_run(&j, &ws, o->data.len, r == LS_OK ? LS_OK : LS_E_NOMEM);
    ls_buf_free(&ws);
    if (r == LS_OK && !biff_closed(o->data))
        ls_note(c, o, LS_R_TRUNCATED, "biff: the stream ends before the EOF record that closes it");
    ls_err t = ole2_job_finish(&j);
    return r != LS_OK ? r : t;
}

const struct ls_handler ls_handler_biff = {
    .name = "biff",
    .probe = biff_probe,
    .extract = biff_extract,
};
