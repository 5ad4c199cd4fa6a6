/*
 * "mdb": Microsoft Access / Jet databases (.mdb: Jet 3 for Access 95/97,
 * Jet 4 for Access 2000-2003; .accdb: ACE, Access 2007 and later) through
 * libmdb (mdbtools). This is the only file that includes <mdbtools.h>.
 *
 * Format: mdbtools' HACKING.md ("MDB file format"): page 0 is the database
 * header ("Standard Jet DB" / "Standard ACE DB" at offset 4, the version
 * byte at 0x14, an RC4-masked region from 0x18 with the code page at 0x3c
 * and the encoding key at 0x3e), pages of 2048 (Jet 3) or 4096 bytes; the
 * catalog MSysObjects at page 2; a table definition page per table; data
 * pages hold rows (a null bitmap, fixed columns, variable columns by an
 * offset table); long values (memo, OLE) sit in the row ("inline"), in one
 * row of an LVAL page, or in a chain of LVAL rows.
 *
 * What is read: every user table (MSys* system tables are skipped) as
 *
 *   [Table: Employees]
 *   ID<TAB>Name<TAB>SSN<TAB>DOB
 *   1<TAB>Jane Roe<TAB>536221874<TAB>1975-03-14
 *
 * with the column names as the header row for tablectx.h, so a bare
 * 9-digit value under "SSN" is labelled as in a spreadsheet. libmdb reads
 * the table definitions and cracks each row into columns; the catalog
 * (MSysObjects' rows) is read here, and every value is decoded here from
 * the page bytes libmdb points at (each offset checked against the page):
 * text and memo (Jet 4 UTF-16LE with its "Unicode compression", Jet 3 in
 * the database's code page, codepage.c), integers, currency (exact, as
 * typed: 1234.5), single and double (as a spreadsheet shows them:
 * 123456789, not 1.23457e+08), decimal (over 10^scale), dates as ISO 8601
 * (days since 1899-12-30), GUIDs. An OLE object field whose bytes are a
 * document or archive, or an Access OLE wrapper (the "OLE header" + OLE 1.0
 * native data) around one, is handed over as a child TABLE/COLUMN/ROW, a
 * file dropped into the field (an OLE Packager object) as a child
 * TABLE/COLUMN/ROW/LABEL whatever its type; an
 * ACCDB Attachment column's file (in a hidden table f_..._COLUMN, a zlib
 * wrapper) as a child TABLE/ROW/FileName. Binary columns are left to the
 * raw-byte scan. A linked table's connection string and file (catalog
 * type 4 or 6; an ODBC string can hold "UID=...;PWD=...") is a line
 * "[Linked table: NAME -> FOREIGN]<TAB>Database: ...<TAB>Connect: ...".
 *
 * Not read on purpose: system tables (MSys*, and the hidden tables of
 * system tables' complex columns: the Office theme), queries, forms,
 * reports, macros and VBA modules (MSysAccessStorage, LvProp: raw scan),
 * indexes, Access 2010 calculated columns' wrapper (read as text). A
 * deleted row still on its page is read with the live ones: Jet flags it
 * 0x8000, as it flags the new place of a row that grew out of its page,
 * and libmdb reads both (it skips the 0x4000 forwarding rows).
 *
 * Safety: the database is opened from memory (mdb_open_buffer: fmemopen,
 * read-only). libmdb's catalog reader, memo reader and text conversion
 * are not used: the first two follow long-value page chains without a
 * cycle check (the catalog reader for every object's properties), and
 * Jet 3 text goes through iconv, whose code page modules a sandboxed
 * worker cannot load. Long values are read here through mdb_find_pg_row,
 * each chain bounded by the file's page count and the declared length,
 * all chains together by MDB_HOPS_PER_PAGE rows a page (values naming one
 * cyclic chain would each follow it npages times: quadratic);
 * attachments are inflated within the root's byte budget. Only column
 * names still come through libmdb (iconv). A table whose usage map is
 * empty is not handed to libmdb, which dereferences it (found by
 * fuzzing). Attacker-controlled: every byte; libmdb's parsing of the table
 * definitions and rows is the part this file cannot bound (a libmdb crash
 * is a worker crash, recorded worker_crash by the pipeline).
 *
 * Microsoft Money files (.mny: "MSISAM Database", a Jet 4 variant whose
 * pages are always encrypted) are probed too and reported encrypted.
 *
 * Coverage: a file that is not a whole number of pages is truncated; a
 * table whose definition cannot be read, or that yields fewer rows than
 * its definition counts, is parse_error (a definition page the catalog
 * names twice is read once); an ACCDB encrypted with a
 * password (a non-zero encoding key) is encrypted, coverage none. A Jet
 * 3/4 database password alone protects nothing in the file (Access checks
 * it): such a file is read like any other.
 */
#include <limits.h>
#include <math.h>
#include <mdbtools.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"
#include "core/ls_date.h"
#include "extract/b64blob.h"
#include "extract/dbrows.h"
#include "extract/sheetdate.h"
#include "extract/zinflate.h"

#define MDB_SIG_JET "Standard Jet DB"
#define MDB_SIG_ACE "Standard ACE DB"
#define MDB_SIG_MSISAM "MSISAM Database" /* Microsoft Money: always encrypted */
#define MDB_SIG_OFF 4u
#define MDB_VER_OFF 0x14u
#define MDB_CHILD_MIN 64u     /* smaller OLE values are not files */
#define MDB_NAME_MAX 256u     /* table and column names in text */
#define MDB_HDR 12u           /* a long value's header in the row */
#define MDB_LV_INLINE 0x80000000u
#define MDB_LV_SINGLE 0x40000000u
#define MDB_LV_LEN 0x3fffffffu
#define MDB_MAX_TABLES 65536u /* catalog entries read (Access allows 32768 objects) */
#define MDB_HOPS_PER_PAGE 256u /* long-value rows followed per page of the file (a page holds < 256 rows) */

struct mdbx {
    struct ls_dbrows r; /* the text written, the children handed over */
    MdbHandle *mdb;
    const struct ls_codepage *cp; /* Jet 3 text */
    bool jet3;
    size_t pg_size;
    size_t npages;
    struct ls_buf tmp;  /* a long value's bytes */
    struct ls_buf u16;  /* decompressed Jet 4 text */
    struct ls_buf att;  /* an inflated attachment */
    struct ls_buf fname; /* the row's FileName (an attachment table's), UTF-8 */
    struct ls_buf txt;   /* a catalog value, decoded */
    size_t bad_values;  /* long values whose chain was broken */
    uint64_t hops_left; /* long-value rows still to follow in the whole file */
    bool hops_out;      /* ... and none were left */
};

static int mdb_probe(const struct ls_object *o)
{
    struct ls_slice sig;
    if (!ls_slice_sub(o->data, MDB_SIG_OFF, 15, &sig)) return 0;
    if (ls_slice_at(o->data, 0) != 0 || ls_slice_at(o->data, 1) != 1) return 0;
    if (memcmp(sig.ptr, MDB_SIG_JET, 15) != 0 && memcmp(sig.ptr, MDB_SIG_ACE, 15) != 0 &&
        memcmp(sig.ptr, MDB_SIG_MSISAM, 15) != 0)
        return 0;
    return o->data.len >= 2048 ? 95 : 60;
}

/* The current data page as a slice. */
static struct ls_slice mdbx_page(const struct mdbx *s)
{
    return ls_slice_make(s->mdb->pg_buf, s->pg_size);
}

/* Jet 4 text: UTF-16LE, or "compressed" (FF FE, then runs of one-byte
 * characters and UTF-16LE units, a 00 byte switching between them). */
static ls_err mdbx_jet4_text(struct mdbx *s, struct ls_slice v, struct ls_buf *out)
{
    if (v.len < 2 || ls_slice_at(v, 0) != 0xff || ls_slice_at(v, 1) != 0xfe)
        return ls_utf16_to_utf8(out, v, false);
    ls_buf_reset(&s->u16);
    bool compressed = true;
    size_t i = 2;
    while (i < v.len) {
        uint8_t ch = ls_slice_at(v, i);
        if (ch == 0) {
            compressed = !compressed;
            i++;
        } else if (compressed) {
            LS_TRY(ls_buf_addc(&s->u16, ch));
            LS_TRY(ls_buf_addc(&s->u16, 0));
            i++;
        } else {
            if (v.len - i < 2) break;
            LS_TRY(ls_buf_addc(&s->u16, ch));
            LS_TRY(ls_buf_addc(&s->u16, ls_slice_at(v, i + 1)));
            i += 2;
        }
    }
    return ls_utf16_to_utf8(out, ls_buf_slice(&s->u16), false);
}

static ls_err mdbx_text(struct mdbx *s, struct ls_slice v, struct ls_buf *out)
{
    if (s->jet3) return ls_codepage_to_utf8(out, v, s->cp);
    return mdbx_jet4_text(s, v, out);
}

/* The bytes of a long value (memo, OLE) whose 12-byte header is hdr, the
 * inline part (if any) in rest, into s->tmp. False if its chain is broken
 * (what was read is kept). */
static bool mdbx_long_value(struct mdbx *s, struct ls_slice hdr, struct ls_slice rest)
{
    ls_buf_reset(&s->tmp);
    struct ls_cursor cur = ls_cur_make(hdr);
    uint32_t len = 0, pg_row = 0;
    if (ls_cur_u32le(&cur, &len) != LS_OK || ls_cur_u32le(&cur, &pg_row) != LS_OK) return false;
    if (len & MDB_LV_INLINE) return ls_buf_add(&s->tmp, rest.ptr, rest.len) == LS_OK;
    size_t want = len & MDB_LV_LEN;
    if (want > s->r.o->data.len) want = s->r.o->data.len;
    bool single = (len & MDB_LV_SINGLE) != 0;
    if (!single && (len & 0xf0000000u)) return false;
    /* a chain visits at most every page once (a cycle ends here) */
    for (size_t hop = 0; hop <= s->npages && s->tmp.len < want; hop++) {
        void *buf = NULL;
        int off = 0;
        size_t n = 0;
        if (s->hops_left == 0) { /* rows named by value after value (shared or cyclic chains) */
            s->hops_out = true;
            return false;
        }
        s->hops_left--;
        if (pg_row == 0 || mdb_find_pg_row(s->mdb, (int)pg_row, &buf, &off, &n) != 0) return false;
        struct ls_slice row;
        if (off < 0 || !ls_slice_sub(ls_slice_make(buf, s->pg_size), (size_t)off, n, &row)) return false;
        if (single) return ls_buf_add(&s->tmp, row.ptr, row.len < want ? row.len : want) == LS_OK;
        struct ls_cursor rc = ls_cur_make(row);
        struct ls_slice part;
        if (ls_cur_u32le(&rc, &pg_row) != LS_OK) return false;
        (void)ls_cur_take(&rc, row.len - 4, &part);
        size_t take = part.len < want - s->tmp.len ? part.len : want - s->tmp.len;
        if (ls_buf_add(&s->tmp, part.ptr, take) != LS_OK) return false;
        if (pg_row == 0) break;
    }
    return s->tmp.len >= want;
}

/* Days since 1899-12-30 (and a fraction of a day) as ISO 8601; the time is
 * written when there is one. False outside years 1..9999. */
static bool mdbx_date(double v, char *out, size_t cap)
{
    if (!isfinite(v) || v < -693593.0 || v > 2958465.0) return false;
    double day = trunc(v);
    double frac = fabs(v - day);
    long secs = lround(frac * 86400.0);
    if (secs >= 86400) secs = 86399;
    int64_t y;
    unsigned m, d;
    ls_civil_from_days((int64_t)day - 25569, &y, &m, &d); /* 1899-12-30 is 25569 days before 1970 */
    if (y < 1 || y > 9999) return false;
    if (secs == 0)
        snprintf(out, cap, "%04d-%02u-%02u", (int)y, m, d);
    else
        snprintf(out, cap, "%04d-%02u-%02u %02ld:%02ld:%02ld", (int)y, m, d, secs / 3600, secs / 60 % 60,
                 secs % 60);
    return true;
}

/* Currency: a 64-bit count of ten-thousandths, written without trailing
 * zeros (1234.5, 100). */
static ls_err mdbx_money(struct ls_buf *b, int64_t v)
{
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    unsigned frac = (unsigned)(a % 10000u);
    LS_TRY(ls_buf_printf(b, "%s%llu", v < 0 ? "-" : "", (unsigned long long)(a / 10000u)));
    if (frac == 0) return LS_OK;
    char f[8];
    snprintf(f, sizeof f, ".%04u", frac);
    size_t n = strlen(f);
    while (n > 0 && f[n - 1] == '0') n--;
    return ls_buf_add(b, f, n);
}

/* A single as typed: the shortest form that reads back as the same float. */
static ls_err mdbx_single(struct ls_buf *b, float f)
{
    char num[64];
    if (!isfinite(f) || (f == truncf(f) && fabsf(f) < 1e15f)) {
        size_t n = ls_sheet_number((double)f, num, sizeof num);
        return ls_buf_add(b, num, n);
    }
    for (int prec = 6; prec <= 9; prec++) {
        snprintf(num, sizeof num, "%.*g", prec, (double)f);
        if (strtof(num, NULL) == f) break;
    }
    return ls_buf_adds(b, num);
}

/* Decimal: a sign byte (bit 7), then a 128-bit integer as four
 * little-endian 32-bit words, the most significant first; the value is
 * that integer over 10^scale. Written as typed: no trailing zeros. */
static ls_err mdbx_decimal(struct ls_buf *b, struct ls_slice v, int scale)
{
    uint32_t w[4]; /* most significant first */
    for (size_t i = 0; i < 4; i++) {
        struct ls_slice word;
        if (!ls_slice_sub(v, 1 + 4 * i, 4, &word)) return LS_OK;
        w[i] = (uint32_t)ls_slice_at(word, 0) | (uint32_t)ls_slice_at(word, 1) << 8 |
               (uint32_t)ls_slice_at(word, 2) << 16 | (uint32_t)ls_slice_at(word, 3) << 24;
    }
    char digits[48];
    size_t n = 0;
    do { /* divide the 128-bit number by 10, least significant digit first */
        uint64_t rem = 0;
        for (size_t i = 0; i < 4; i++) {
            uint64_t cur = rem << 32 | w[i];
            w[i] = (uint32_t)(cur / 10);
            rem = cur % 10;
        }
        digits[n++] = (char)('0' + rem);
    } while ((w[0] | w[1] | w[2] | w[3]) && n < 40);
    size_t sc = scale > 0 && scale <= 38 ? (size_t)scale : 0;
    while (n <= sc) digits[n++] = '0'; /* 0.05: a leading zero */
    size_t lo = 0; /* trailing zeros of the fraction, dropped */
    while (lo < sc && digits[lo] == '0') lo++;
    if (ls_slice_at(v, 0) & 0x80) LS_TRY(ls_buf_addc(b, '-'));
    for (size_t i = n; i-- > lo;) {
        LS_TRY(ls_buf_addc(b, (uint8_t)digits[i]));
        if (i == sc && i > lo) LS_TRY(ls_buf_addc(b, '.'));
    }
    return LS_OK;
}

static uint64_t mdbx_le(struct ls_slice v, size_t n)
{
    uint64_t x = 0;
    for (size_t i = n; i-- > 0;) x = x << 8 | ls_slice_at(v, i);
    return x;
}

/* A fixed-size value written to the line; false if v is not its size. */
static ls_err mdbx_fixed(struct mdbx *s, int type, struct ls_slice v, const MdbColumn *col)
{
    struct ls_buf *b = &s->r.line;
    static const size_t need[] = {[MDB_BYTE] = 1, [MDB_INT] = 2, [MDB_LONGINT] = 4,
                                  [MDB_MONEY] = 8, [MDB_FLOAT] = 4, [MDB_DOUBLE] = 8,
                                  [MDB_DATETIME] = 8, [MDB_REPID] = 16, [MDB_NUMERIC] = 17};
    if (type < 0 || (size_t)type >= sizeof need / sizeof need[0] || need[type] == 0 ||
        v.len < need[type])
        return LS_OK;
    uint64_t x = mdbx_le(v, need[type] < 8 ? need[type] : 8);
    char num[64];
    switch (type) {
    case MDB_BYTE: return ls_buf_printf(b, "%u", (unsigned)x);
    case MDB_INT: return ls_buf_printf(b, "%d", (int)(int16_t)(uint16_t)x);
    case MDB_LONGINT: return ls_buf_printf(b, "%ld", (long)(int32_t)(uint32_t)x);
    case MDB_MONEY: return mdbx_money(b, (int64_t)x);
    case MDB_FLOAT: {
        float f;
        uint32_t u = (uint32_t)x;
        memcpy(&f, &u, sizeof f);
        return mdbx_single(b, f);
    }
    case MDB_DOUBLE:
    case MDB_DATETIME: {
        double d;
        memcpy(&d, &x, sizeof d);
        if (type == MDB_DATETIME && mdbx_date(d, num, sizeof num)) return ls_buf_adds(b, num);
        size_t n = ls_sheet_number(d, num, sizeof num);
        return ls_buf_add(b, num, n);
    }
    case MDB_REPID: {
        uint64_t hi = mdbx_le(v, 8);
        LS_TRY(ls_buf_printf(b, "{%08X-%04X-%04X-", (unsigned)(hi & 0xffffffffu),
                             (unsigned)(hi >> 32 & 0xffff), (unsigned)(hi >> 48)));
        for (size_t i = 8; i < 16; i++) {
            if (i == 10) LS_TRY(ls_buf_addc(b, '-'));
            LS_TRY(ls_buf_printf(b, "%02X", ls_slice_at(v, i)));
        }
        return ls_buf_addc(b, '}');
    }
    case MDB_NUMERIC: return mdbx_decimal(b, v, col->col_prec); /* libmdb swaps the names: its "prec" is the scale */
    default: return LS_OK;
    }
}

/* A NUL-terminated string of at most max bytes at the cursor, the NUL
 * passed over. */
static bool mdbx_cstr(struct ls_cursor *c, size_t max, struct ls_slice *out)
{
    struct ls_slice rest, nul;
    if (!ls_slice_sub(c->in, c->pos, c->in.len - c->pos, &rest)) return false;
    size_t end = ls_slice_find(rest, 0, "", 1);
    if (end == SIZE_MAX || end > max) return false;
    return ls_cur_take(c, end, out) == LS_OK && ls_cur_take(c, 1, &nul) == LS_OK;
}

/* The file in an OLE Packager object's native data (the class "Package":
 * a file dropped into an OLE Object field): u16 2, the label and the
 * source path as NUL-terminated strings, two u32, the temporary path, the
 * file's size (u32) and bytes. The label (its file name) in *label. */
static struct ls_slice mdbx_package(struct ls_slice v, struct ls_slice *label)
{
    struct ls_cursor c = ls_cur_make(v);
    uint16_t sig = 0;
    uint32_t skip = 0, n = 0;
    struct ls_slice path, data = {0};
    if (ls_cur_u16le(&c, &sig) != LS_OK || sig != 2 || !mdbx_cstr(&c, 1024, label) ||
        !mdbx_cstr(&c, 1024, &path) || ls_cur_u32le(&c, &skip) != LS_OK ||
        ls_cur_u32le(&c, &skip) != LS_OK || !mdbx_cstr(&c, 1024, &path) ||
        ls_cur_u32le(&c, &n) != LS_OK)
        return data;
    if (ls_cur_take(&c, n, &data) != LS_OK) (void)ls_slice_sub(v, c.pos, v.len - c.pos, &data);
    return data;
}

/* An OLE object's payload: the value itself when it is a known file, else
 * the native data of an Access OLE wrapper ("OLE header" 0x1C15: its size
 * at 2, then an OLE 1.0 object: version, format 2 = embedded, the class,
 * topic and item names as length-prefixed strings, the native data size
 * and data) when that is a known file, or the file of a Packager object
 * (any file: its name in *label). */
static struct ls_slice mdbx_ole_payload(struct ls_slice v, struct ls_slice *label)
{
    if (ls_b64_known_format(v)) return v;
    struct ls_cursor c = ls_cur_make(v);
    uint16_t sig = 0, hsize = 0;
    uint32_t ver = 0, fmt = 0, n = 0;
    struct ls_slice cls = {0}, skip, data = {0};
    if (ls_cur_u16le(&c, &sig) != LS_OK || sig != 0x1c15 || ls_cur_u16le(&c, &hsize) != LS_OK ||
        ls_cur_seek(&c, hsize) != LS_OK || ls_cur_u32le(&c, &ver) != LS_OK ||
        ls_cur_u32le(&c, &fmt) != LS_OK || fmt != 2)
        return data;
    for (int i = 0; i < 3; i++)
        if (ls_cur_u32le(&c, &n) != LS_OK || ls_cur_take(&c, n, i == 0 ? &cls : &skip) != LS_OK)
            return data;
    if (ls_cur_u32le(&c, &n) != LS_OK) return data;
    if (ls_cur_take(&c, n, &data) != LS_OK) (void)ls_slice_sub(v, c.pos, v.len - c.pos, &data);
    if (ls_b64_known_format(data)) return data;
    if (cls.len == 8 && memcmp(cls.ptr, "Package", 8) == 0) return mdbx_package(data, label);
    return (struct ls_slice){0};
}

/* Append a stored file name to a member name: no path, no control bytes. */
static ls_err mdbx_put_file_name(struct ls_buf *b, struct ls_slice fn)
{
    for (size_t i = 0; i < fn.len && i < MDB_NAME_MAX; i++) {
        uint8_t ch = ls_slice_at(fn, i);
        LS_TRY(ls_buf_addc(b, ch == '/' || ch == '\\' || ch < 0x20 ? '_' : ch));
    }
    return LS_OK;
}

static ls_err mdbx_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct mdbx *s = ud;
    return zinflate_budget(s->r.c, s->r.o, "mdb", n, in_used, out_total);
}

/* An attachment (ACCDB Attachment columns keep their files in a hidden
 * table f_..._COLUMN, column FileData): a wrapper (u32 0 = stored, 1 =
 * zlib; u32 the content's length), then the content: u32 its header's
 * length, the header (a flag, the file extension in UTF-16), the file.
 * The file's bytes, or an empty slice if v is no attachment. */
static struct ls_slice mdbx_attachment(struct mdbx *s, struct ls_slice v)
{
    struct ls_cursor c = ls_cur_make(v);
    uint32_t type = 0, len = 0, hlen = 0;
    struct ls_slice rest, content = {0}, file = {0};
    if (ls_cur_u32le(&c, &type) != LS_OK || ls_cur_u32le(&c, &len) != LS_OK || type > 1 ||
        ls_cur_take(&c, v.len - c.pos, &rest) != LS_OK || rest.len < 8)
        return file;
    if (type == 0) {
        if (len != rest.len) return file;
        content = rest;
    } else {
        if (ls_slice_at(rest, 0) != 0x78) return file; /* a zlib header */
        ls_buf_reset(&s->att);
        uint64_t left = ls_budget_left(s->r.c);
        size_t max = len < left ? len : (size_t)(left < SIZE_MAX ? left : SIZE_MAX);
        ls_err e = zinflate_stream(rest, 15, &s->att, max, NULL, mdbx_charge, s);
        if (e != LS_OK && e != LS_E_LIMIT && e != LS_E_TRUNCATED) s->bad_values++;
        content = ls_buf_slice(&s->att);
    }
    struct ls_cursor cc = ls_cur_make(content);
    if (ls_cur_u32le(&cc, &hlen) != LS_OK || hlen < 8 || hlen > 1024 || hlen > content.len) return file;
    (void)ls_slice_sub(content, hlen, content.len - hlen, &file);
    return file;
}

static ls_err mdbx_child(struct mdbx *s, const char *table, const char *col, uint64_t row,
                         struct ls_slice v)
{
    if (s->r.no_children || v.len == 0) return LS_OK;
    struct ls_slice payload = {0}, label = {0};
    if (v.len >= MDB_CHILD_MIN) payload = mdbx_ole_payload(v, &label);
    if (payload.len == 0) payload = mdbx_attachment(s, v);
    if (payload.len == 0) return LS_OK;
    struct ls_buf name;
    ls_buf_init(&name, 4 * MDB_NAME_MAX + 32);
    ls_err e;
    if (s->fname.len > 0) { /* an attachment: TABLE/ROW/FileName */
        e = ls_buf_printf(&name, "%.*s/%llu/", (int)MDB_NAME_MAX, table, (unsigned long long)row);
        if (e == LS_OK) e = mdbx_put_file_name(&name, ls_buf_slice(&s->fname));
    } else {
        e = ls_buf_printf(&name, "%.*s/%.*s/%llu", (int)MDB_NAME_MAX, table, (int)MDB_NAME_MAX, col,
                          (unsigned long long)row);
        if (e == LS_OK && label.len > 0) e = ls_buf_addc(&name, '/');
        if (e == LS_OK) e = mdbx_put_file_name(&name, label);
    }
    if (e == LS_OK) e = ls_dbrows_child(&s->r, &name, payload);
    ls_buf_free(&name);
    return e;
}

/* A text, memo or OLE value. */
static ls_err mdbx_var(struct mdbx *s, const MdbColumn *col, struct ls_slice v, const char *table,
                       uint64_t row, bool *is_text)
{
    if (col->col_type == MDB_TEXT) {
        ls_buf_reset(&s->tmp);
        LS_TRY(mdbx_text(s, v, &s->tmp));
        *is_text = ls_tc_is_text(ls_buf_slice(&s->tmp));
        return ls_tc_put_value(&s->r.line, ls_buf_slice(&s->tmp), SIZE_MAX);
    }
    struct ls_slice hdr, rest = {0};
    if (!ls_slice_sub(v, 0, MDB_HDR, &hdr)) return LS_OK;
    (void)ls_slice_sub(v, MDB_HDR, v.len - MDB_HDR, &rest);
    if (!mdbx_long_value(s, hdr, rest)) s->bad_values++;
    if (col->col_type == MDB_OLE) return mdbx_child(s, table, col->name, row, ls_buf_slice(&s->tmp));
    struct ls_buf txt;
    ls_buf_init(&txt, SIZE_MAX);
    ls_err e = mdbx_text(s, ls_buf_slice(&s->tmp), &txt);
    if (e == LS_OK) e = ls_tc_put_value(&s->r.line, ls_buf_slice(&txt), SIZE_MAX);
    *is_text = true;
    ls_buf_free(&txt);
    return e;
}

/* One cell of the row libmdb has just cracked. */
static ls_err mdbx_cell(struct mdbx *s, const MdbColumn *col, uint32_t i, const char *table,
                        uint64_t row)
{
    if (i > 0) LS_TRY(ls_buf_addc(&s->r.line, '\t'));
    size_t at = s->r.line.len;
    bool is_text = false;
    if (col->col_type == MDB_BOOL) {
        LS_TRY(ls_buf_addc(&s->r.line, col->cur_value_len ? '0' : '1'));
    } else if (col->cur_value_len > 0 && col->cur_value_start >= 0) {
        struct ls_slice v;
        if (!ls_slice_sub(mdbx_page(s), (size_t)col->cur_value_start, (size_t)col->cur_value_len, &v))
            return LS_OK;
        if (col->col_type == MDB_TEXT || col->col_type == MDB_MEMO || col->col_type == MDB_OLE)
            LS_TRY(mdbx_var(s, col, v, table, row, &is_text));
        else
            LS_TRY(mdbx_fixed(s, col->col_type, v, col));
    }
    ls_dbrows_cell(&s->r, i, at, is_text);
    return LS_OK;
}

static ls_err mdbx_header(struct mdbx *s, MdbTableDef *t)
{
    LS_TRY(ls_dbrows_title(&s->r, t->name, MDB_NAME_MAX));
    for (unsigned i = 0; i < t->num_cols && i < t->columns->len; i++) {
        const MdbColumn *col = g_ptr_array_index(t->columns, i);
        LS_TRY(ls_dbrows_head_cell(&s->r, i, col->name, MDB_NAME_MAX));
    }
    return ls_dbrows_row_end(&s->r);
}

/* The row's FileName into s->fname (a text column of that name in a
 * table that has a FileData column: an attachment table). */
static void mdbx_file_name(struct mdbx *s, const MdbColumn *fn)
{
    ls_buf_reset(&s->fname);
    struct ls_slice v;
    if (!fn || fn->cur_value_len <= 0 || fn->cur_value_start < 0 ||
        !ls_slice_sub(mdbx_page(s), (size_t)fn->cur_value_start, (size_t)fn->cur_value_len, &v))
        return;
    if (mdbx_text(s, v, &s->fname) != LS_OK) ls_buf_reset(&s->fname);
}

/* An attachment table's FileName column, or NULL. */
static const MdbColumn *mdbx_file_name_col(const MdbTableDef *t, unsigned ncols)
{
    const MdbColumn *fn = NULL;
    bool data = false;
    for (unsigned i = 0; i < ncols; i++) {
        const MdbColumn *col = g_ptr_array_index(t->columns, i);
        if (col->col_type == MDB_TEXT && strcmp(col->name, "FileName") == 0) fn = col;
        if (col->col_type == MDB_OLE && strcmp(col->name, "FileData") == 0) data = true;
    }
    return data ? fn : NULL;
}

static ls_err mdbx_rows(struct mdbx *s, MdbTableDef *t, uint64_t *rows)
{
    ls_err e = LS_OK;
    unsigned ncols = t->num_cols < t->columns->len ? t->num_cols : t->columns->len;
    const MdbColumn *fn = mdbx_file_name_col(t, ncols);
    mdb_rewind_table(t);
    while (e == LS_OK && s->r.stop == LS_OK && !s->r.text_full && mdb_fetch_row(t)) {
        ++*rows;
        mdbx_file_name(s, fn);
        for (unsigned i = 0; e == LS_OK && i < ncols; i++)
            e = mdbx_cell(s, g_ptr_array_index(t->columns, i), i, t->name, *rows);
        if (e == LS_OK) e = ls_dbrows_row_end(&s->r);
        if (e == LS_OK && *rows % 256 == 0 && ls_ctx_expired(s->r.c)) s->r.stop = LS_E_TIMEOUT;
    }
    return e;
}

/* A table definition with its columns, or NULL. libmdb dereferences the
 * copy of an empty usage map when it looks for the first data page
 * (mdb_map_find_next): such a table is refused here. */
static MdbTableDef *mdbx_open_table(MdbCatalogEntry *entry)
{
    MdbTableDef *t = mdb_read_table(entry);
    if (!t) return NULL;
    if (!t->usage_map || t->map_sz < 1 || !mdb_read_columns(t) || !t->columns ||
        t->columns->len < t->num_cols) {
        mdb_free_tabledef(t);
        return NULL;
    }
    return t;
}

/* A complex column's hidden table that belongs to a system table (the
 * Office theme every ACCDB keeps in MSysResources): its link column is
 * named PARENT_COLUMN. */
static bool mdbx_system_flat(const MdbTableDef *t)
{
    if (strncmp(t->name, "f_", 2) != 0) return false;
    for (unsigned i = 0; i < t->num_cols; i++) {
        const MdbColumn *col = g_ptr_array_index(t->columns, i);
        if (strncmp(col->name, "MSys", 4) == 0) return true;
    }
    return false;
}

static ls_err mdbx_table(struct mdbx *s, MdbCatalogEntry *entry)
{
    MdbTableDef *t = mdbx_open_table(entry);
    if (!t) {
        ls_note(s->r.c, s->r.o, LS_R_PARSE_ERROR, "mdb: table %.*s: definition unreadable",
                (int)MDB_NAME_MAX, entry->object_name);
        return LS_OK;
    }
    if (mdbx_system_flat(t)) {
        mdb_free_tabledef(t);
        return LS_OK;
    }
    uint64_t rows = 0;
    ls_err e = mdbx_header(s, t);
    if (e == LS_OK) e = mdbx_rows(s, t, &rows);
    if (e == LS_OK && s->r.stop == LS_OK && !s->r.text_full && rows < t->num_rows)
        ls_note(s->r.c, s->r.o, LS_R_PARSE_ERROR, "mdb: table %.*s: %llu of %u rows read",
                (int)MDB_NAME_MAX, t->name, (unsigned long long)rows, t->num_rows);
    mdb_free_tabledef(t);
    return e;
}

/* A table of the catalog. */
struct mdbx_obj {
    uint32_t pg;    /* its definition page */
    uint32_t flags; /* 0x80000002: system */
    char name[MDB_MAX_OBJ_NAME + 1];
};

/* The bytes of the current row's value of col (false: null or out of the page). */
static bool mdbx_value(const struct mdbx *s, const MdbColumn *col, struct ls_slice *v)
{
    if (!col || col->cur_value_len <= 0 || col->cur_value_start < 0) return false;
    return ls_slice_sub(mdbx_page(s), (size_t)col->cur_value_start, (size_t)col->cur_value_len, v);
}

static const MdbColumn *mdbx_col(const MdbTableDef *t, const char *name)
{
    for (unsigned i = 0; i < t->num_cols; i++) {
        const MdbColumn *col = g_ptr_array_index(t->columns, i);
        if (strcmp(col->name, name) == 0) return col;
    }
    return NULL;
}

/* MSysObjects' columns the handler reads. */
enum { MC_ID, MC_NAME, MC_TYPE, MC_FLAGS, MC_CONNECT, MC_DATABASE, MC_FOREIGN, MC_N };
static const char *const mdbx_cat_cols[MC_N] = {"Id",      "Name",     "Type",       "Flags",
                                                "Connect", "Database", "ForeignName"};

/* A text or memo value of the current row, decoded, appended to out. */
static ls_err mdbx_put_col(struct mdbx *s, const MdbColumn *col, struct ls_buf *out)
{
    struct ls_slice v, hdr, rest = {0};
    if (!mdbx_value(s, col, &v)) return LS_OK;
    ls_buf_reset(&s->txt);
    if (col->col_type == MDB_TEXT) {
        LS_TRY(mdbx_text(s, v, &s->txt));
    } else if (col->col_type == MDB_MEMO && ls_slice_sub(v, 0, MDB_HDR, &hdr)) {
        (void)ls_slice_sub(v, MDB_HDR, v.len - MDB_HDR, &rest);
        if (!mdbx_long_value(s, hdr, rest)) s->bad_values++;
        LS_TRY(mdbx_text(s, ls_buf_slice(&s->tmp), &s->txt));
    }
    return ls_tc_put_value(out, ls_buf_slice(&s->txt), SIZE_MAX);
}

/* A linked table (type 4: ODBC, 6: another Access file): its connection
 * string (an ODBC one can hold a user and password: "UID=sa;PWD=...") and
 * the file it names, stored as UTF-16 (Jet 4) or in the code page, written
 * as a line "[Linked table: NAME -> FOREIGN]<TAB>Database: ...<TAB>Connect: ...". */
static ls_err mdbx_linked(struct mdbx *s, const MdbColumn *const cols[MC_N])
{
    struct ls_buf line;
    ls_buf_init(&line, SIZE_MAX);
    ls_err e = ls_buf_adds(&line, "[Linked table: ");
    if (e == LS_OK) e = mdbx_put_col(s, cols[MC_NAME], &line);
    if (e == LS_OK && cols[MC_FOREIGN]) e = ls_buf_adds(&line, " -> ");
    if (e == LS_OK && cols[MC_FOREIGN]) e = mdbx_put_col(s, cols[MC_FOREIGN], &line);
    if (e == LS_OK && cols[MC_DATABASE]) e = ls_buf_adds(&line, "]\tDatabase: ");
    if (e == LS_OK && cols[MC_DATABASE]) e = mdbx_put_col(s, cols[MC_DATABASE], &line);
    if (e == LS_OK && cols[MC_CONNECT]) e = ls_buf_adds(&line, "\tConnect: ");
    if (e == LS_OK && cols[MC_CONNECT]) e = mdbx_put_col(s, cols[MC_CONNECT], &line);
    if (e == LS_OK) e = ls_buf_addc(&line, '\n');
    if (e == LS_OK) e = ls_dbrows_emit(&s->r, ls_buf_slice(&line));
    ls_buf_free(&line);
    return e;
}

/* One catalog row: a table (type 1) is added to objs, a linked table's
 * connection is written. */
static ls_err mdbx_catalog_row(struct mdbx *s, const MdbColumn *const cols[MC_N], struct ls_buf *objs)
{
    struct ls_slice id, name, type, flags;
    if (!mdbx_value(s, cols[MC_ID], &id) || !mdbx_value(s, cols[MC_NAME], &name) ||
        !mdbx_value(s, cols[MC_TYPE], &type) || id.len < 4 || type.len < 2)
        return LS_OK;
    /* the type as stored: 4 and 6 are linked tables, 0x8004 a report */
    unsigned kind = (unsigned)mdbx_le(type, 2);
    if (kind == 4 || kind == 6) return mdbx_linked(s, cols);
    if ((kind & 0x7f) != MDB_TABLE) return LS_OK;
    struct mdbx_obj ob;
    memset(&ob, 0, sizeof ob);
    ob.pg = (uint32_t)mdbx_le(id, 4) & 0xffffffu;
    ob.flags = mdbx_value(s, cols[MC_FLAGS], &flags) && flags.len >= 4 ? (uint32_t)mdbx_le(flags, 4) : 0;
    ls_buf_reset(&s->tmp);
    LS_TRY(mdbx_text(s, name, &s->tmp));
    struct ls_slice n = ls_buf_slice(&s->tmp);
    for (size_t i = 0; i < n.len && i < MDB_MAX_OBJ_NAME; i++) {
        uint8_t ch = ls_slice_at(n, i);
        ob.name[i] = (char)(ch ? ch : ' ');
    }
    return ls_buf_add(objs, &ob, sizeof ob);
}

/* The catalog (MSysObjects, whose definition is page 2): its tables. Read
 * here rather than by mdb_read_catalog(), which also reads every object's
 * properties through a long-value chain it follows without a cycle check. */
static ls_err mdbx_catalog(struct mdbx *s, struct ls_buf *objs)
{
    MdbCatalogEntry msys;
    memset(&msys, 0, sizeof msys);
    msys.mdb = s->mdb;
    msys.object_type = MDB_TABLE;
    msys.table_pg = 2;
    memcpy(msys.object_name, "MSysObjects", sizeof "MSysObjects");
    MdbTableDef *t = mdbx_open_table(&msys);
    if (!t) return LS_E_CORRUPT;
    const MdbColumn *cols[MC_N];
    for (int i = 0; i < MC_N; i++) cols[i] = mdbx_col(t, mdbx_cat_cols[i]);
    ls_err e = cols[MC_ID] && cols[MC_NAME] && cols[MC_TYPE] ? LS_OK : LS_E_CORRUPT;
    uint64_t rows = 0;
    if (e == LS_OK) mdb_rewind_table(t);
    while (e == LS_OK && !s->r.text_full && mdb_fetch_row(t)) {
        e = mdbx_catalog_row(s, cols, objs);
        if (e == LS_OK && ++rows % 256 == 0 && ls_ctx_expired(s->r.c)) e = LS_E_TIMEOUT;
    }
    mdb_free_tabledef(t);
    return e;
}

/* An ACCDB whose pages are encrypted (Access 2007+ "Encrypt with
 * Password", Office CryptoAPI/AES): its encoding key (0x3e, in the masked
 * region of page 0) is not zero. A Jet 3/4 file with a key is "encoded"
 * with RC4 keyed by it, which libmdb undoes; an ACCDB's key names an
 * Office encryption, which it does not (Jackcess reads these the same). */
static bool mdbx_encrypted(const struct mdbx *s)
{
    return s->mdb->f->jet_version >= MDB_VER_ACCDB_2007 && s->mdb->f->db_key != 0;
}

static ls_err mdbx_read(struct mdbx *s)
{
    if (mdbx_encrypted(s)) {
        ls_note(s->r.c, s->r.o, LS_R_ENCRYPTED, "mdb: encrypted database (Office encryption)");
        ls_set_coverage_none(s->r.c, s->r.o);
        return LS_OK;
    }
    struct ls_buf objs;
    ls_buf_init(&objs, MDB_MAX_TABLES * sizeof(struct mdbx_obj));
    ls_err e = mdbx_catalog(s, &objs);
    if (e == LS_E_LIMIT) {
        ls_note(s->r.c, s->r.o, LS_R_PARSE_ERROR, "mdb: more than %u tables: the rest not read",
                MDB_MAX_TABLES);
        e = LS_OK;
    }
    size_t n = objs.len / sizeof(struct mdbx_obj);
    if (e == LS_E_CORRUPT || (e == LS_OK && n == 0)) {
        ls_note(s->r.c, s->r.o, LS_R_PARSE_ERROR, "mdb: catalog (MSysObjects) unreadable");
        e = LS_OK;
    }
    /* one bit per page: a definition page the catalog names again (a
     * renamed table's old row, deleted but still on its page, or a forged
     * one) is not read twice, nor its rows counted twice */
    uint8_t *done = calloc(s->npages / 8 + 1, 1);
    if (!done) e = LS_E_NOMEM;
    for (size_t i = 0; e == LS_OK && i < n && s->r.stop == LS_OK && !s->r.text_full; i++) {
        struct mdbx_obj ob;
        struct ls_slice one;
        if (!ls_slice_sub(ls_buf_slice(&objs), i * sizeof ob, sizeof ob, &one)) break;
        memcpy(&ob, one.ptr, sizeof ob);
        if (strncmp(ob.name, "MSys", 4) == 0) continue;
        /* hidden tables of complex columns (attachments, multi-valued
         * fields, a memo's version history) are flagged system too */
        if ((ob.flags & 0x80000002u) && strncmp(ob.name, "f_", 2) != 0) continue;
        if (ob.pg < s->npages) {
            if (done[ob.pg / 8] & (1u << (ob.pg % 8))) continue;
            done[ob.pg / 8] |= (uint8_t)(1u << (ob.pg % 8));
        }
        MdbCatalogEntry entry;
        memset(&entry, 0, sizeof entry);
        entry.mdb = s->mdb;
        entry.object_type = MDB_TABLE;
        entry.table_pg = ob.pg;
        entry.flags = (int)ob.flags;
        memcpy(entry.object_name, ob.name, sizeof entry.object_name);
        e = mdbx_table(s, &entry);
        ls_buf_reset(&s->fname);
    }
    free(done);
    ls_buf_free(&objs);
    return e;
}

static ls_err mdb_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct mdbx s;
    memset(&s, 0, sizeof s);
    struct ls_slice sig;
    if (ls_slice_sub(o->data, MDB_SIG_OFF, 15, &sig) && memcmp(sig.ptr, MDB_SIG_MSISAM, 15) == 0) {
        /* Microsoft Money's Jet 4 variant: every page encrypted (Jackcess
         * reads none without the password either) */
        ls_note(c, o, LS_R_ENCRYPTED, "mdb: Microsoft Money (MSISAM) database: encrypted");
        ls_set_coverage_none(c, o);
        return LS_OK;
    }
    s.jet3 = ls_slice_at(o->data, MDB_VER_OFF) == MDB_VER_JET3;
    s.pg_size = s.jet3 ? 2048u : 4096u;
    if (o->data.len < s.pg_size) return LS_E_TRUNCATED;
    s.npages = o->data.len / s.pg_size;
    /* each long-value row is one value's in a real file (a deleted row's
     * old version may share it): all chains together follow fewer rows
     * than the pages hold; values naming one cyclic chain again and
     * again would follow npages rows each */
    s.hops_left = (uint64_t)s.npages * MDB_HOPS_PER_PAGE + 4096u;
    if (o->data.len % s.pg_size)
        ls_note(c, o, LS_R_TRUNCATED, "mdb: the file ends inside page %zu", s.npages);
    /* libmdb opens the buffer read-only (fmemopen "r"); it never writes */
    s.mdb = mdb_open_buffer((void *)(uintptr_t)o->data.ptr, o->data.len, MDB_NOFLAGS);
    if (!s.mdb) {
        ls_note(c, o, LS_R_PARSE_ERROR, "mdb: not a readable Jet database");
        return LS_OK;
    }
    if (s.mdb->fmt->pg_size != (ssize_t)s.pg_size) {
        mdb_close(s.mdb);
        return LS_E_CORRUPT;
    }
    s.cp = ls_codepage_by_number(s.mdb->f->code_page);
    if (!s.cp) s.cp = ls_codepage_by_number(1252);
    ls_err e = ls_dbrows_init(&s.r, c, o);
    if (e != LS_OK) {
        mdb_close(s.mdb);
        return e;
    }
    ls_buf_init(&s.tmp, SIZE_MAX);
    ls_buf_init(&s.u16, SIZE_MAX);
    ls_buf_init(&s.att, SIZE_MAX);
    ls_buf_init(&s.fname, 4 * MDB_NAME_MAX);
    ls_buf_init(&s.txt, SIZE_MAX);
    e = mdbx_read(&s);
    if (s.bad_values)
        ls_note(c, o, LS_R_PARSE_ERROR, "mdb: %zu long value(s) (memo, OLE) with a broken page chain",
                s.bad_values);
    if (s.hops_out)
        ls_note(c, o, LS_R_PARSE_ERROR,
                "mdb: long values' page chains name more rows than the file holds (%u a page): the rest not read",
                MDB_HOPS_PER_PAGE);
    mdb_close(s.mdb);
    ls_buf_free(&s.u16);
    ls_buf_free(&s.att);
    ls_buf_free(&s.fname);
    ls_buf_free(&s.txt);
    ls_buf_free(&s.tmp);
    ls_dbrows_free(&s.r);
    return ls_dbrows_done(&s.r, e);
}

const struct ls_handler ls_handler_mdb = {
    .name = "mdb",
    .probe = mdb_probe,
    .extract = mdb_extract,
};
