/*
 * Lotus 1-2-3 and Quattro Pro worksheets: .wks/.wk1 (1-2-3 releases 1-2,
 * Symphony), .wq1 (Quattro Pro for DOS 1-4), .wq2/.wb1/.wb2 (Quattro Pro 5
 * for DOS and 1-6 for Windows), .wk3/.wk4/.123 (1-2-3 release 3 up to
 * Millennium). A company's files from the 1990s are full of them, and their
 * numbers are IEEE doubles, 80-bit reals or packed integers: an SSN or an
 * account number typed into a cell has no digits in the file.
 *
 * Every format is a sequence of records: a 16-bit opcode, a 16-bit length,
 * the data. The first record is BOF: its length and version say which of
 * three cell layouts follows.
 *   - "old" (BOF length 2, versions 0x0404-0x0406, Quattro DOS 0x5120):
 *     a cell is a format byte, column and row (16 bits each), the value;
 *     labels end in NUL after a prefix character (' " ^ \ |); Quattro Pro
 *     for DOS writes a length byte after the prefix and no NUL.
 *   - "quattro" (BOF length 2, Quattro Pro 5+ 0x5121-0x5123 and for Windows
 *     0x1001-0x1007): column (8 bits), page (8 bits), row (16), format (16),
 *     the value; a label is a prefix, then its text (Quattro Pro for DOS 5
 *     puts a length byte before it).
 *   - "new" (BOF length 18 or more, versions 0x1000-0x1006): row (16),
 *     sheet (8), column (8), the value; numbers as 80-bit reals, packed
 *     32-bit or 16-bit encodings and doubles; text in LMBCS, Lotus's
 *     multi-byte character set (a group byte before a character of another
 *     code page).
 * Layouts as Gnumeric's and LibreOffice's readers and Tim Bennett's notes on
 * the release 4 format describe them.
 *
 * Cells are not in row order (1-2-3 writes them column by column), so they
 * are gathered, sorted, and written as the other sheet readers write theirs:
 * "[Sheet: name]", then one line per row, cells separated by tabs, through
 * the table labeller (tablectx.h). Numbers with a date format of the old
 * layouts are written as ISO dates. Cell comments and the old layouts'
 * page header and footer follow the sheet. Formulas are not read: their
 * last values are.
 */
#include "core/handler.h"
#include "extract/sheetdate.h"
#include "extract/tablectx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LT_TICK 4096u      /* records between deadline checks */
#define LT_MAX_GAP 8u      /* empty columns written as tabs, at most */
#define LT_MAX_SHEETS 256u /* a sheet number is one byte */
/* Cells gathered before the sort, at most (40 bytes each): a cell record is
 * 9 bytes or more, so a hostile file of cells would otherwise cost 4x its
 * size in memory; past it the rest is not read (limit:text). */
#define LT_MAX_CELLS (1u << 22)

enum lt_layout { LT_OLD, LT_QUATTRO, LT_NEW };

enum lt_kind { LT_TEXT, LT_NUM, LT_DATE, LT_TIME, LT_DATETIME };

struct lt_cell {
    uint32_t sheet, row, col, seq;
    uint32_t off, len; /* text in lt.pool, or the value */
    double v;
    uint8_t kind;
};

struct lt {
    struct ls_ctx *c;
    struct ls_object *o;
    enum lt_layout layout;
    uint16_t version; /* the BOF's */
    unsigned group; /* LMBCS group of bytes >= 0x80 without a group byte */
    struct lt_cell *cell;
    size_t n, cap;
    struct ls_buf pool; /* cell text, NUL-free, back to back */
    struct ls_buf extra; /* comments, header, footer: after the sheets */
    uint32_t name_off[LT_MAX_SHEETS], name_len[LT_MAX_SHEETS];
    bool named[LT_MAX_SHEETS];
    unsigned next_name; /* SHEET_NAME records name sheets in order */
    bool expect_string;  /* an old FORMULA whose value is the next STRING */
    bool cells_full;     /* LT_MAX_CELLS reached */
    bool text_full;      /* the pool or the extra text reached max_text */
    size_t max_text;     /* the text limit: no more cell text is worth keeping */
    uint32_t str_col, str_row;
    unsigned qp_pages; /* Quattro Pro's begin-of-sheet records (0xCA) so far */
};

static const struct lt_ver {
    uint16_t version;
    enum lt_layout layout;
} lt_versions[] = {
    {0x0404, LT_OLD},     {0x0405, LT_OLD},     {0x0406, LT_OLD},     {0x5120, LT_OLD},
    {0x5121, LT_QUATTRO}, {0x5122, LT_QUATTRO}, {0x5123, LT_QUATTRO}, {0x1001, LT_QUATTRO},
    {0x1002, LT_QUATTRO}, {0x1003, LT_QUATTRO}, {0x1004, LT_QUATTRO}, {0x1005, LT_QUATTRO},
    {0x1006, LT_QUATTRO}, {0x1007, LT_QUATTRO},
};

/* The layout of a file starting with BOF, or -1. */
static int lt_layout_of(struct ls_slice d)
{
    uint16_t op, len, ver;
    if (!ls_rd_u16le(d, 0, &op) || !ls_rd_u16le(d, 2, &len) || !ls_rd_u16le(d, 4, &ver) || op != 0)
        return -1;
    if (len == 2) {
        for (size_t i = 0; i < sizeof lt_versions / sizeof lt_versions[0]; i++)
            if (lt_versions[i].version == ver) return (int)lt_versions[i].layout;
        return -1;
    }
    if (len >= 18 && len <= 64 && ver >= 0x1000 && ver <= 0x1006) return LT_NEW;
    return -1;
}

static int lotus_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data;
    int layout = lt_layout_of(d);
    if (layout < 0) return 0;
    /* the record after BOF must fit a record header, and be no BOF again */
    uint16_t len = 0, op2 = 0, len2 = 0;
    (void)ls_rd_u16le(d, 2, &len);
    size_t next = 4 + (size_t)len;
    if (d.len < next + 4) return d.len == next ? 40 : 0;
    if (!ls_rd_u16le(d, next, &op2) || !ls_rd_u16le(d, next + 2, &len2)) return 0;
    if (op2 == 0 || next + 4 + len2 > d.len) return 30;
    return 90;
}

/* ---- text ---- */

/* One character of LMBCS group g (a byte >= 0x80, or a DBCS pair). */
static ls_err lt_group_char(struct ls_buf *b, unsigned g, const uint8_t *p, size_t n, size_t *used)
{
    static const struct {
        uint8_t group;
        uint16_t cp;
    } pages[] = {{0x01, 850}, {0x03, 1255}, {0x04, 1256}, {0x05, 1251}, {0x06, 852}, {0x08, 1254},
                 {0x0B, 874}, {0x10, 932},  {0x11, 949},  {0x12, 950},  {0x13, 936}};
    *used = 1;
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        if (pages[i].group != g) continue;
        const struct ls_codepage *cp = ls_codepage_by_number(pages[i].cp);
        if (!cp) return LS_OK;
        if (ls_codepage_multibyte(cp)) {
            if (ls_codepage_lead(cp, p[0]) && n >= 2) {
                *used = 2;
                return ls_utf8_put(b, ls_codepage_map2(cp, p[0], p[1]));
            }
            return p[0] < 0x80 ? ls_buf_addc(b, (char)p[0]) : ls_utf8_put(b, ls_codepage_map(cp, p[0]));
        }
        if (p[0] < 0x80) return LS_OK; /* a group's own symbols below 0x80: not text */
        return ls_utf8_put(b, ls_codepage_map(cp, p[0]));
    }
    return LS_OK; /* a group without a page here (Greek 851, ...): dropped */
}

/* Text at s (up to a NUL or its end) as UTF-8 into b; control characters
 * become spaces. LMBCS: a byte below 0x20 is a group byte for the
 * character after it; the old layouts' text has none (LICS, read as the
 * group's page). */
static ls_err lt_text(struct lt *t, struct ls_buf *b, struct ls_slice s)
{
    size_t i = 0;
    while (i < s.len && s.ptr[i]) {
        uint8_t ch = s.ptr[i];
        size_t used = 1;
        if (ch >= 0x20 && ch < 0x80) {
            LS_TRY(ls_buf_addc(b, (char)ch));
        } else if (ch >= 0x80) {
            LS_TRY(lt_group_char(b, t->group, s.ptr + i, s.len - i, &used));
        } else if (t->layout != LT_NEW) {
            LS_TRY(ls_buf_addc(b, ' '));
        } else if (ch == 0x14) { /* UCS-2, big-endian */
            if (i + 3 > s.len) break;
            uint32_t u = (uint32_t)s.ptr[i + 1] << 8 | s.ptr[i + 2];
            if (u >= 0x20 && (u < 0xD800 || u > 0xDFFF)) LS_TRY(ls_utf8_put(b, u));
            used = 3;
        } else if (ch >= 0x10 && ch <= 0x13) { /* a DBCS group: a pair follows */
            if (i + 2 >= s.len || !s.ptr[i + 1]) break;
            size_t u2 = 0;
            LS_TRY(lt_group_char(b, ch, s.ptr + i + 1, 2, &u2));
            used = 3;
        } else if (ch >= 0x15 && ch <= 0x17) {
            used = 3;
        } else if (ch >= 0x01 && ch <= 0x1F && ch != '\t' && ch != '\n' && ch != '\r') {
            if (i + 1 >= s.len || !s.ptr[i + 1]) break;
            size_t u2 = 0;
            if (s.ptr[i + 1] >= 0x80) LS_TRY(lt_group_char(b, ch, s.ptr + i + 1, 1, &u2));
            used = 2;
        } else {
            LS_TRY(ls_buf_addc(b, ' '));
        }
        i += used;
    }
    return LS_OK;
}

/* A label's text after its prefix character. Quattro Pro writes a length
 * byte before it (Quattro Pro for DOS: .wq1 and .wq2) and no NUL: taken as
 * a length when it is exactly the bytes that follow (any version), or at
 * most them in a Quattro Pro for DOS 1-4 file (0x5120), where it is always
 * there. A release 1-2 label ends in NUL, so a first character that happens
 * to equal the length is no length byte. */
static struct ls_slice lt_counted(const struct lt *t, struct ls_slice s)
{
    if (s.len < 2 || s.ptr[0] == 0 || s.ptr[0] > s.len - 1) return s;
    struct ls_slice text = s;
    if (t->version == 0x5120 || (s.ptr[0] == s.len - 1 && s.ptr[s.len - 1] != 0))
        (void)ls_slice_sub(s, 1, s.ptr[0], &text);
    return text;
}

/* ---- cells ---- */

static ls_err lt_push(struct lt *t, uint32_t sheet, uint32_t row, uint32_t col, struct lt_cell **out)
{
    if (t->n >= LT_MAX_CELLS) {
        t->cells_full = true;
        return LS_E_LIMIT;
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 256;
        struct lt_cell *p = realloc(t->cell, cap * sizeof *p);
        if (!p) return LS_E_NOMEM;
        t->cell = p;
        t->cap = cap;
    }
    struct lt_cell *c = &t->cell[t->n];
    memset(c, 0, sizeof *c);
    c->sheet = sheet;
    c->row = row;
    c->col = col;
    c->seq = (uint32_t)t->n;
    t->n++;
    *out = c;
    return LS_OK;
}

/* Cell text kept past max_text could never be written (the text written
 * holds every label kept): past it the rest is not read (limit:text), and
 * a worksheet of 64 KiB labels of LMBCS bytes (3 bytes of UTF-8 each) no
 * longer costs three times its size. */
static ls_err lt_room(struct lt *t, const struct ls_buf *b)
{
    if (b->len <= t->max_text && b->len <= UINT32_MAX) return LS_OK;
    t->text_full = true;
    return LS_E_LIMIT;
}

static ls_err lt_label(struct lt *t, uint32_t sheet, uint32_t row, uint32_t col, struct ls_slice s)
{
    size_t at = t->pool.len;
    LS_TRY(lt_text(t, &t->pool, s));
    if (t->pool.len == at) return LS_OK;
    LS_TRY(lt_room(t, &t->pool));
    struct lt_cell *c;
    LS_TRY(lt_push(t, sheet, row, col, &c));
    c->kind = LT_TEXT;
    c->off = (uint32_t)at;
    c->len = (uint32_t)(t->pool.len - at);
    return LS_OK;
}

/* The kind a number shows as under an old layout's format byte. */
static uint8_t lt_old_kind(uint8_t fmt)
{
    if (((fmt >> 4) & 7) != 7) return LT_NUM;
    switch (fmt & 15) {
    case 2: case 3: case 4: case 9: case 10:
        return LT_DATE;
    case 7: case 8: case 11: case 12:
        return LT_TIME;
    default:
        return LT_NUM;
    }
}

static ls_err lt_number(struct lt *t, uint32_t sheet, uint32_t row, uint32_t col, double v, uint8_t kind)
{
    if (!isfinite(v)) return LS_OK; /* ERR, NA, a blank or string result */
    struct lt_cell *c;
    LS_TRY(lt_push(t, sheet, row, col, &c));
    c->kind = kind;
    c->v = v;
    return LS_OK;
}

static double lt_double(struct ls_slice r, size_t off)
{
    uint64_t u = 0;
    double v;
    if (!ls_rd_u64le(r, off, &u)) return NAN;
    memcpy(&v, &u, sizeof v);
    return v;
}

/* An 80-bit x87 real (64-bit mantissa with its integer bit, 15-bit
 * exponent, sign); Lotus marks blank, ERR, NA and string results with an
 * exponent of all ones: NaN here. */
static double lt_treal(struct ls_slice r, size_t off)
{
    uint64_t mant = 0;
    uint16_t se = 0;
    if (!ls_rd_u64le(r, off, &mant) || !ls_rd_u16le(r, off + 8, &se)) return NAN;
    if ((se & 0x7FFF) == 0x7FFF) return NAN;
    if (mant == 0) return 0.0;
    int exp = (int)(se & 0x7FFF) - 16383 - 63;
    double v = ldexp((double)mant, exp);
    return se & 0x8000 ? -v : v;
}

/* Release 3's 16-bit numbers: even, an integer shifted left by one; odd,
 * a 12-bit integer and a scale chosen by three bits. */
static double lt_smallnum(int16_t d)
{
    static const int scale[8] = {5000, 500, -20, -200, -2000, -20000, -16, -64};
    if (!(d & 1)) return (double)(d >> 1);
    int f = scale[(d >> 1) & 7], m = d >> 4;
    return f > 0 ? (double)m * f : (double)m / -f;
}

/* Release 4's packed 32-bit numbers: a 26-bit integer, a sign, and a power
 * of ten to multiply or divide by. */
static double lt_packed(uint32_t u)
{
    double v = (double)(u >> 6);
    if (u & 0x20) v = -v;
    double p = pow(10.0, (double)(u & 15));
    return u & 0x10 ? v / p : v * p;
}

static ls_err lt_extra(struct lt *t, const char *title, struct ls_slice s)
{
    size_t at = t->extra.len;
    LS_TRY(ls_buf_adds(&t->extra, title));
    size_t body = t->extra.len;
    LS_TRY(lt_text(t, &t->extra, s));
    if (t->extra.len == body) {
        t->extra.len = at;
        return LS_OK;
    }
    LS_TRY(ls_buf_addc(&t->extra, '\n'));
    return lt_room(t, &t->extra);
}

/* ---- records ---- */

static ls_err lt_old_record(struct lt *t, uint16_t op, struct ls_slice r)
{
    uint16_t col = 0, row = 0, i16 = 0;
    if (op >= 0x0C && op <= 0x10 && (!ls_rd_u16le(r, 1, &col) || !ls_rd_u16le(r, 3, &row))) return LS_OK;
    uint8_t fmt = r.len ? r.ptr[0] : 0;
    if (op != 0x33) t->expect_string = false;
    switch (op) {
    case 0x0D: /* INTEGER */
        if (!ls_rd_u16le(r, 5, &i16)) return LS_OK;
        return lt_number(t, 0, row, col, (double)(int16_t)i16, lt_old_kind(fmt));
    case 0x0E: /* NUMBER */
        return lt_number(t, 0, row, col, lt_double(r, 5), lt_old_kind(fmt));
    case 0x0F: { /* LABEL: a prefix character, then the text */
        struct ls_slice s = r.len > 5 ? ls_slice_make(r.ptr + 5, r.len - 5) : ls_slice_make(NULL, 0);
        if (s.len && strchr("'\"^\\|", s.ptr[0]) && s.ptr[0]) s.ptr++, s.len--;
        return lt_label(t, 0, row, col, lt_counted(t, s));
    }
    case 0x10: { /* FORMULA: its last value; a string result follows as STRING */
        double v = lt_double(r, 5);
        if (isnan(v) || isinf(v)) {
            t->expect_string = true;
            t->str_col = col;
            t->str_row = row;
            return LS_OK;
        }
        return lt_number(t, 0, row, col, v, lt_old_kind(fmt));
    }
    case 0x33: /* STRING: a formula's text result */
        if (!ls_rd_u16le(r, 1, &col) || !ls_rd_u16le(r, 3, &row)) return LS_OK;
        t->expect_string = false;
        return lt_label(t, 0, row, col, lt_counted(t, ls_slice_make(r.ptr + 5, r.len > 5 ? r.len - 5 : 0)));
    case 0x25: /* FOOTER */
        return lt_extra(t, "[Footer] ", r);
    case 0x26: /* HEADER */
        return lt_extra(t, "[Header] ", r);
    default:
        return LS_OK;
    }
}

/* Quattro Pro: a cell's page byte, or (when 0) the sheet of the
 * begin-of-sheet record (0xCA) it follows: Quattro Pro writes each sheet's
 * cells between 0xCA and 0xCB, and LibreOffice's reader numbers sheets by
 * those records alone (a second sheet's cells, page byte 0, had fallen on
 * the first's, one hiding the other). */
static ls_err lt_quattro_record(struct lt *t, uint16_t op, struct ls_slice r)
{
    uint16_t row = 0, i16 = 0;
    if (op == 0xCA && t->qp_pages < LT_MAX_SHEETS) t->qp_pages++;
    if (op < 0x0C || op > 0x10 || r.len < 6 || !ls_rd_u16le(r, 2, &row)) return LS_OK;
    uint32_t col = r.ptr[0], page = r.ptr[1];
    if (page == 0 && t->qp_pages > 0) page = t->qp_pages - 1;
    switch (op) {
    case 0x0D:
        if (!ls_rd_u16le(r, 6, &i16)) return LS_OK;
        return lt_number(t, page, row, col, (double)(int16_t)i16, LT_NUM);
    case 0x0E:
    case 0x10:
        return lt_number(t, page, row, col, lt_double(r, 6), LT_NUM);
    case 0x0F: {
        /* an alignment byte (a prefix character, or 0), then the text */
        struct ls_slice s = ls_slice_make(r.ptr + 7, r.len > 7 ? r.len - 7 : 0);
        return lt_label(t, page, row, col, lt_counted(t, s)); /* .wq2: a length byte */
    }
    default:
        return LS_OK;
    }
}

static ls_err lt_name_sheet(struct lt *t, unsigned sheet, struct ls_slice s)
{
    if (sheet >= LT_MAX_SHEETS || t->named[sheet]) return LS_OK;
    size_t at = t->pool.len;
    LS_TRY(lt_text(t, &t->pool, s));
    if (t->pool.len == at) return LS_OK;
    LS_TRY(lt_room(t, &t->pool));
    t->named[sheet] = true;
    t->name_off[sheet] = (uint32_t)at;
    t->name_len[sheet] = (uint32_t)(t->pool.len - at);
    return LS_OK;
}

/* Release 3+ text after row, sheet and column: a label's prefix
 * character, or a NUL, is skipped; LibreOffice reads a comment's text
 * from that byte on and a label without a prefix keeps its first
 * character (both were dropped). */
static struct ls_slice lt_after_prefix(struct ls_slice s)
{
    struct ls_slice text = s;
    if (s.len && (s.ptr[0] == 0 || strchr("'\"^\\|", s.ptr[0]))) (void)ls_slice_from(s, 1, &text);
    return text;
}

static ls_err lt_new_record(struct lt *t, uint16_t op, struct ls_slice r)
{
    uint16_t row = 0, u16 = 0;
    uint32_t u32 = 0;
    bool cell = op == 0x16 || op == 0x17 || op == 0x18 || op == 0x19 || op == 0x1A || op == 0x25 ||
                op == 0x26 || op == 0x27 || op == 0x28;
    if (cell && (r.len < 5 || !ls_rd_u16le(r, 0, &row))) return LS_OK;
    uint32_t sheet = cell ? r.ptr[2] : 0, col = cell ? r.ptr[3] : 0;
    switch (op) {
    case 0x16: /* LABEL: a prefix, then LMBCS text */
        return lt_label(t, sheet, row, col, lt_after_prefix(ls_slice_make(r.ptr + 4, r.len - 4)));
    case 0x1A: /* a formula's string result */
        return lt_label(t, sheet, row, col, ls_slice_make(r.ptr + 4, r.len - 4));
    case 0x17: /* 80-bit real */
    case 0x19: /* FORMULA: its last value */
        return lt_number(t, sheet, row, col, lt_treal(r, 4), LT_NUM);
    case 0x18:
        if (!ls_rd_u16le(r, 4, &u16)) return LS_OK;
        return lt_number(t, sheet, row, col, lt_smallnum((int16_t)u16), LT_NUM);
    case 0x25:
        if (!ls_rd_u32le(r, 4, &u32)) return LS_OK;
        return lt_number(t, sheet, row, col, lt_packed(u32), LT_NUM);
    case 0x27: /* double */
    case 0x28: /* FORMULA with a double value */
        return lt_number(t, sheet, row, col, lt_double(r, 4), LT_NUM);
    case 0x26: { /* a cell's comment */
        char title[48];
        snprintf(title, sizeof title, "[Comment sheet %u row %u col %u] ", (unsigned)sheet + 1, (unsigned)row + 1,
                 (unsigned)col + 1);
        return lt_extra(t, title, lt_after_prefix(ls_slice_make(r.ptr + 4, r.len - 4)));
    }
    case 0x1B: /* STYLE; subtype 0x36B0 names a sheet */
        if (ls_rd_u16le(r, 0, &u16) && u16 == 0x36B0 && r.len > 5)
            return lt_name_sheet(t, r.ptr[2], ls_slice_make(r.ptr + 4, r.len - 4));
        return LS_OK;
    case 0x204: /* SHEET_NAME, in sheet order */
        if (r.len > 10) return lt_name_sheet(t, t->next_name++, ls_slice_make(r.ptr + 10, r.len - 10));
        return LS_OK;
    default:
        return LS_OK;
    }
}

/* ---- output ---- */

static int lt_cmp(const void *a, const void *b)
{
    const struct lt_cell *x = a, *y = b;
    if (x->sheet != y->sheet) return x->sheet < y->sheet ? -1 : 1;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static ls_err lt_emit(struct lt *t, struct ls_buf *line)
{
    ls_err e = ls_emit_text(t->c, t->o, line->ptr, line->len);
    ls_buf_reset(line);
    return e;
}

/* Lotus names sheets A, B, ... IV, as columns are named. */
static size_t lt_letters(unsigned n, char *out)
{
    if (n < 26) {
        out[0] = (char)('A' + n);
        return 1;
    }
    out[0] = (char)('A' + n / 26 - 1);
    out[1] = (char)('A' + n % 26);
    return 2;
}

static ls_err lt_value(struct lt *t, const struct lt_cell *c, struct ls_buf *cell, bool *is_text)
{
    char num[64];
    size_t n = 0;
    ls_buf_reset(cell);
    *is_text = c->kind == LT_TEXT;
    if (c->kind == LT_TEXT) return ls_buf_add(cell, t->pool.ptr + c->off, c->len);
    unsigned flags = c->kind == LT_DATE ? LS_SHEET_DATE : c->kind == LT_TIME ? LS_SHEET_TIME : 0;
    if (flags && ls_sheet_date(c->v, false, flags, num, sizeof num)) n = strlen(num);
    else n = ls_sheet_number(c->v, num, sizeof num);
    return ls_buf_add(cell, num, n);
}

static ls_err lt_write(struct lt *t)
{
    if (t->n) qsort(t->cell, t->n, sizeof *t->cell, lt_cmp);
    struct ls_buf line, cell;
    struct ls_tablectx tc;
    ls_buf_init(&line, SIZE_MAX);
    ls_buf_init(&cell, SIZE_MAX);
    ls_err e = ls_tc_init(&tc);
    for (size_t i = 0; i < t->n && e == LS_OK;) {
        uint32_t sheet = t->cell[i].sheet;
        e = ls_buf_adds(&line, "[Sheet: ");
        if (e == LS_OK && sheet < LT_MAX_SHEETS && t->named[sheet]) {
            e = ls_buf_add(&line, t->pool.ptr + t->name_off[sheet], t->name_len[sheet]);
        } else if (e == LS_OK) {
            char nm[4];
            e = ls_buf_add(&line, nm, lt_letters(sheet, nm));
        }
        if (e == LS_OK) e = ls_buf_adds(&line, "]\n");
        if (e == LS_OK) e = lt_emit(t, &line);
        ls_tc_reset(&tc);
        while (e == LS_OK && i < t->n && t->cell[i].sheet == sheet) {
            uint32_t row = t->cell[i].row, last = 0;
            bool first = true;
            for (; e == LS_OK && i < t->n && t->cell[i].sheet == sheet && t->cell[i].row == row; i++) {
                const struct lt_cell *c = &t->cell[i];
                bool is_text = false;
                e = lt_value(t, c, &cell, &is_text);
                if (e != LS_OK) break;
                if (!first && c->col == last) {
                    /* the same cell twice: 1-2-3 shows the last, a hostile
                     * file hides one behind the other; both are written
                     * (a line past the text limit is cut when written) */
                    if (line.len > t->max_text) continue;
                    e = ls_buf_addc(&line, ' ');
                    if (e == LS_OK) e = ls_buf_add(&line, cell.ptr, cell.len);
                    ls_tc_cell(&tc, c->col, ls_buf_slice(&cell), is_text);
                    continue;
                }
                uint32_t gap = first ? 0 : c->col - last;
                for (uint32_t g = 0; g < gap && g < LT_MAX_GAP && e == LS_OK; g++) e = ls_buf_addc(&line, '\t');
                if (e == LS_OK) e = ls_buf_add(&line, cell.ptr, cell.len);
                ls_tc_cell(&tc, c->col, ls_buf_slice(&cell), is_text);
                first = false;
                last = c->col;
            }
            if (e == LS_OK) e = ls_buf_addc(&line, '\n');
            if (e == LS_OK) e = lt_emit(t, &line);
            if (e == LS_OK) e = ls_tc_row_end(&tc, t->c, t->o);
        }
        if (e == LS_OK) e = ls_emit_text(t->c, t->o, "\n", 1);
    }
    if (e == LS_OK && t->extra.len) e = ls_emit_text(t->c, t->o, t->extra.ptr, t->extra.len);
    ls_tc_free(&tc);
    ls_buf_free(&line);
    ls_buf_free(&cell);
    return e;
}

/* 1-2-3 release 4 and later write a formatting section after the EOF
 * record (a BOF, style records, then a block) and end the file with a
 * 24-byte trailer: "\xA4CM\xA5Hdr\xD7", two u32 and the block's offset
 * and length, the block ending where the trailer starts. Bytes after EOF
 * that are not padding (NUL, ^Z), that trailer whole, or records that end
 * at the end of the file are a file cut inside that section. */
static bool lt_tail_cut(struct ls_slice d, size_t at)
{
    if (at >= d.len) return false;
    size_t i = at;
    while (i < d.len && (d.ptr[i] == 0x00 || d.ptr[i] == 0x1A)) i++;
    if (i == d.len) return false;
    if (d.len - at >= 24 && ls_slice_find(d, d.len - 24, "\xA4" "CM\xA5" "Hdr\xD7", 8) == d.len - 24) {
        uint32_t off = 0, len = 0;
        (void)ls_rd_u32le(d, d.len - 8, &off);
        (void)ls_rd_u32le(d, d.len - 4, &len);
        if (off >= at && off <= d.len - 24 && d.len - 24 - off == len) return false;
    }
    for (size_t n = 0; at < d.len && n < 1000000; n++) { /* a record chain to the end */
        uint16_t len = 0;
        if (!ls_rd_u16le(d, at + 2, &len) || d.len - at - 4 < len) return true;
        at += 4 + (size_t)len;
    }
    return at != d.len;
}

static ls_err lotus_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    int layout = lt_layout_of(d);
    if (layout < 0) return LS_E_CORRUPT;
    struct lt t = {.c = c, .o = o, .layout = (enum lt_layout)layout, .group = 1};
    (void)ls_rd_u16le(d, 4, &t.version);
    t.max_text = (size_t)(ls_ctx_limits(c)->max_text < SIZE_MAX ? ls_ctx_limits(c)->max_text : SIZE_MAX);
    ls_buf_init(&t.pool, SIZE_MAX);
    ls_buf_init(&t.extra, SIZE_MAX);
    ls_err e = LS_OK;
    bool eof = false, cut = false;
    size_t at = 0;
    unsigned tick = 0;
    while (e == LS_OK && !eof) {
        uint16_t op = 0, len = 0;
        if (at == d.len) {
            cut = true; /* no EOF record */
            break;
        }
        if (!ls_rd_u16le(d, at, &op) || !ls_rd_u16le(d, at + 2, &len) || d.len - at - 4 < len) {
            cut = true;
            break;
        }
        struct ls_slice r = ls_slice_make(d.ptr + at + 4, len);
        at += 4 + (size_t)len;
        if (op == 0x0001) {
            eof = true;
        } else if (op == 0x0000) {
            if (t.layout == LT_NEW && r.len >= 17) t.group = r.ptr[16] ? r.ptr[16] : 1;
        } else if (t.layout == LT_OLD) {
            e = lt_old_record(&t, op, r);
        } else if (t.layout == LT_QUATTRO) {
            e = lt_quattro_record(&t, op, r);
        } else {
            e = lt_new_record(&t, op, r);
        }
        if (e == LS_OK && ++tick % LT_TICK == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    bool tail_cut = eof && t.layout == LT_NEW && lt_tail_cut(d, at);
    if (t.cells_full) {
        ls_note(c, o, LS_R_LIMIT_TEXT, "lotus: more than %u cells: the rest of the worksheet not read",
                LT_MAX_CELLS);
        e = LS_OK;
    }
    if (t.text_full) {
        ls_note(c, o, LS_R_LIMIT_TEXT, "lotus: the worksheet's text passed %zu bytes: the rest not read",
                t.max_text);
        e = LS_OK;
    }
    ls_err w = lt_write(&t);
    free(t.cell);
    ls_buf_free(&t.pool);
    ls_buf_free(&t.extra);
    if (e == LS_OK) e = w;
    if (e == LS_E_LIMIT) e = LS_OK; /* the pipeline noted limit:text */
    if (e == LS_OK && cut) {
        ls_note(c, o, LS_R_TRUNCATED, "lotus: the worksheet ends inside a record or before its EOF record");
        e = LS_E_TRUNCATED;
    }
    if (e == LS_OK && tail_cut) {
        ls_note(c, o, LS_R_TRUNCATED,
                "lotus: the formatting section after the EOF record is cut (no trailer ends the file)");
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_lotus = {
    .name = "lotus",
    .probe = lotus_probe,
    .extract = lotus_extract,
};
