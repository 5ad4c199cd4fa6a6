/*
 * SAS datasets (.sas7bdat): the column names (their labels when set) as a
 * header row, then every row as a tab-separated line, through the table
 * labeller (tablectx.h), so an SSN stored as the double 536221874 in a
 * column labelled "SSN" reads "SSN: 536221874".
 *
 * Layout (the R package sas7bdat's vignette, Parso and ReadStat agree):
 * a header (32-byte magic; at 32 0x33 for 64-bit offsets, at 35 0x33 for
 * 4 bytes of padding after the dataset name block; at 37 the byte order
 * (1 little, 0 big); at 70 the character set; at 196+pad the header
 * length, page size and page count), then pages of page size bytes. Each
 * page has a 24-byte (32-bit) or 40-byte (64-bit) header whose last 8
 * bytes hold its type (meta 0x0000, data 0x0100, mix 0x0200, under the
 * mask 0x0F00; amd and 0x9000 "comp" pages hold no rows), its row count
 * and its subheader count, then 12- or 24-byte subheader pointers
 * (offset, length, compression, a data flag). Subheaders are named by a
 * 4- or 8-byte signature: row size (F7F7F7F7: row length, row count, rows
 * per mix page), column size (F6F6F6F6), column text (-3: the names,
 * labels and formats as text), column name (-1: text references), column
 * attributes (-4: offset, width, type), format and label (-1026, one per
 * column). Rows are row-length records on data pages and after the
 * subheader pointers of mix pages; in a compressed dataset each row is a
 * subheader of its own, compression 4, SASYZCRL (RLE) or SASYZCR2 (Ross
 * data compression) as the first column text names it. Numbers are IEEE
 * doubles cut to their 3..8 most significant bytes; dates are days, date
 * times seconds from 1960-01-01, by the column's format (DATE, MMDDYY,
 * DATETIME ...); missing values are NaNs (written empty).
 *
 * Ignored on purpose: the deleted-row bitmap (a deleted row still holds
 * its values and is written like the others), the column list subheader,
 * the dataset label and timestamps. Attacker-controlled: every offset,
 * length and count; each is checked against its page, the row length
 * bounds every decompressed row.
 */
#include "core/handler.h"
#include "core/ls_date.h"
#include "extract/sheetdate.h"
#include "extract/statrow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAS_MAX_COLS 32768u   /* columns read (a wide survey file has a few thousand) */
#define SAS_MAX_BLOBS 4096u   /* column text subheaders */
#define SAS_TICK 1024u        /* rows between deadline checks */
#define SAS_MAX_ROWLEN (16u << 20) /* a row longer than this is corrupt */

static const uint8_t sas_magic[32] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                      0x00, 0xC2, 0xEA, 0x81, 0x60, 0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92,
                                      0x08, 0x00, 0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11};

#define SAS_SIG_ROW_SIZE 0xF7F7F7F7u
#define SAS_SIG_COL_SIZE 0xF6F6F6F6u
#define SAS_SIG_COUNTS 0xFFFFFC00u
#define SAS_SIG_FORMAT 0xFFFFFBFEu
#define SAS_SIG_ATTRS 0xFFFFFFFCu
#define SAS_SIG_TEXT 0xFFFFFFFDu
#define SAS_SIG_LIST 0xFFFFFFFEu
#define SAS_SIG_NAME 0xFFFFFFFFu

struct sas_ref {
    uint16_t index, off, len;
};

struct sas_col {
    struct sas_ref name, label, format;
    uint64_t off;
    uint32_t width;
    uint8_t type; /* 1 number, 2 characters */
};

enum sas_kind { SAS_NUM, SAS_DATE, SAS_DATETIME, SAS_TIME };

struct sas {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice d;
    bool u64, le;
    unsigned L;          /* integer width: 4 or 8 */
    unsigned page_hdr;   /* 24 or 40 */
    unsigned ptr_size;   /* 12 or 24 */
    uint32_t page_size;
    size_t hdr; /* the header's length: the first page's offset */
    uint64_t npages;
    const struct ls_codepage *cp;
    bool utf8;
    uint64_t row_len, row_count, mix_rows;
    bool have_row_size;
    int compression; /* 0 none, 1 RLE, 2 RDC */
    struct ls_slice blob[SAS_MAX_BLOBS];
    unsigned nblob;
    struct sas_col *col;
    unsigned ncol_cap, nname, nattr, nfmt;
    uint8_t *kind; /* per column: enum sas_kind */
    uint64_t rows_done;
    uint8_t *row; /* a decompressed row */
    struct ls_statrow r; /* the lines written */
    bool bad_row; /* a compressed row did not decode */
};

static uint64_t sas_int(const struct sas *s, struct ls_slice p, size_t off, unsigned w)
{
    uint64_t v = 0;
    if (off > p.len || w > p.len - off) return 0;
    for (unsigned i = 0; i < w; i++) {
        unsigned k = s->le ? w - 1 - i : i;
        v = v << 8 | p.ptr[off + k];
    }
    return v;
}

static int sas_probe(const struct ls_object *o)
{
    return ls_slice_starts(o->data, sas_magic, sizeof sas_magic) ? 100 : 0;
}

static ls_err sas_cols_grow(struct sas *s, unsigned n)
{
    if (n <= s->ncol_cap) return LS_OK;
    if (n > SAS_MAX_COLS) return LS_E_LIMIT; /* columns past the cap are not kept */
    unsigned cap = s->ncol_cap ? s->ncol_cap : 16;
    while (cap < n) cap *= 2;
    if (cap > SAS_MAX_COLS) cap = SAS_MAX_COLS;
    struct sas_col *p = realloc(s->col, (size_t)cap * sizeof *p);
    if (!p) return LS_E_NOMEM;
    memset(p + s->ncol_cap, 0, (size_t)(cap - s->ncol_cap) * sizeof *p);
    s->col = p;
    s->ncol_cap = cap;
    return LS_OK;
}

static struct sas_ref sas_rd_ref(const struct sas *s, struct ls_slice sh, size_t off)
{
    struct sas_ref r = {(uint16_t)sas_int(s, sh, off, 2), (uint16_t)sas_int(s, sh, off + 2, 2),
                        (uint16_t)sas_int(s, sh, off + 4, 2)};
    return r;
}

/* The text a reference names, blanks and NULs trimmed; empty if it does not fit. */
static struct ls_slice sas_text(const struct sas *s, struct sas_ref r)
{
    struct ls_slice t = {0};
    if (r.index >= s->nblob || !ls_slice_sub(s->blob[r.index], r.off, r.len, &t)) return ls_slice_make("", 0);
    while (t.len && (t.ptr[t.len - 1] == ' ' || t.ptr[t.len - 1] == 0)) t.len--;
    while (t.len && t.ptr[0] == ' ') t.ptr++, t.len--;
    return t;
}

static ls_err sas_meta(struct sas *s, uint32_t sig, struct ls_slice sh)
{
    const unsigned L = s->L;
    if (sig == SAS_SIG_ROW_SIZE) {
        if (sh.len < 16 * (size_t)L) return LS_OK;
        s->row_len = sas_int(s, sh, 5 * L, L);
        s->row_count = sas_int(s, sh, 6 * L, L);
        s->mix_rows = sas_int(s, sh, 15 * L, L);
        s->have_row_size = true;
    } else if (sig == SAS_SIG_TEXT) {
        if (s->nblob >= SAS_MAX_BLOBS) return LS_OK;
        struct ls_slice b = {0};
        (void)ls_slice_from(sh, L, &b);
        if (s->nblob == 0) { /* the first names the compression */
            struct ls_slice head = {b.ptr, b.len < 64 ? b.len : 64};
            if (ls_slice_find(head, 0, "SASYZCRL", 8) != SIZE_MAX) s->compression = 1;
            if (ls_slice_find(head, 0, "SASYZCR2", 8) != SIZE_MAX) s->compression = 2;
        }
        s->blob[s->nblob++] = b;
    } else if (sig == SAS_SIG_NAME) {
        if (sh.len < 2 * (size_t)L + 12) return LS_OK;
        size_t n = (sh.len - (2 * (size_t)L + 12)) / 8;
        for (size_t i = 0; i < n; i++) {
            LS_TRY(sas_cols_grow(s, s->nname + 1));
            s->col[s->nname++].name = sas_rd_ref(s, sh, L + 8 + i * 8);
        }
    } else if (sig == SAS_SIG_ATTRS) {
        if (sh.len < 2 * (size_t)L + 12) return LS_OK;
        size_t step = L + 8, n = (sh.len - (2 * (size_t)L + 12)) / step;
        for (size_t i = 0; i < n; i++) {
            LS_TRY(sas_cols_grow(s, s->nattr + 1));
            size_t at = L + 8 + i * step;
            struct sas_col *c = &s->col[s->nattr++];
            c->off = sas_int(s, sh, at, L);
            c->width = (uint32_t)sas_int(s, sh, at + L, 4);
            c->type = (uint8_t)ls_slice_at(sh, at + L + 6);
        }
    } else if (sig == SAS_SIG_FORMAT) {
        if (sh.len < (s->u64 ? 58u : 46u)) return LS_OK;
        LS_TRY(sas_cols_grow(s, s->nfmt + 1));
        struct sas_col *c = &s->col[s->nfmt++];
        c->format = sas_rd_ref(s, sh, s->u64 ? 46 : 34);
        c->label = sas_rd_ref(s, sh, s->u64 ? 52 : 40);
    }
    return LS_OK;
}

static uint32_t sas_sig(const struct sas *s, struct ls_slice sh)
{
    uint32_t sig = (uint32_t)sas_int(s, sh, 0, 4);
    if (s->u64 && !s->le && (sig == 0 || sig == 0xFFFFFFFFu)) sig = (uint32_t)sas_int(s, sh, 4, 4);
    return sig;
}

static bool sas_sig_known(uint32_t sig)
{
    return sig == SAS_SIG_ROW_SIZE || sig == SAS_SIG_COL_SIZE || sig == SAS_SIG_COUNTS || sig == SAS_SIG_FORMAT ||
           (sig & 0xFFFFFFF8u) == 0xFFFFFFF8u;
}

struct sas_ptr {
    struct ls_slice sh;
    uint8_t comp, is_data;
};

/* Subheader pointer i of a page; false when it points outside the page. */
static bool sas_ptr(const struct sas *s, struct ls_slice page, unsigned i, struct sas_ptr *p)
{
    size_t at = s->page_hdr + (size_t)i * s->ptr_size;
    if (at > page.len || s->ptr_size > page.len - at) return false;
    uint64_t off = sas_int(s, page, at, s->L), len = sas_int(s, page, at + s->L, s->L);
    p->comp = page.ptr[at + 2 * s->L];
    p->is_data = page.ptr[at + 2 * s->L + 1];
    p->sh = ls_slice_make("", 0);
    if (len == 0) return true;
    return off <= page.len && len <= page.len - off && ls_slice_sub(page, (size_t)off, (size_t)len, &p->sh);
}

static uint16_t sas_page_type(const struct sas *s, struct ls_slice page)
{
    return (uint16_t)sas_int(s, page, s->page_hdr - 8, 2);
}

/* Pass 1: every page's metadata subheaders, text first (names refer to it). */
static ls_err sas_read_meta(struct sas *s, uint64_t npages, unsigned *bad)
{
    for (int pass = 0; pass < 2; pass++) {
        for (uint64_t pg = 0; pg < npages; pg++) {
            struct ls_slice page;
            if (!ls_slice_sub(s->d, s->hdr + (size_t)pg * s->page_size, s->page_size, &page)) break;
            uint16_t type = sas_page_type(s, page);
            if ((type & 0x0F00) == 0x0100 || (type & 0x9000) == 0x9000 || (type & 0x0F00) == 0x0400) continue;
            unsigned n = (unsigned)sas_int(s, page, s->page_hdr - 4, 2);
            for (unsigned i = 0; i < n; i++) {
                struct sas_ptr p;
                if (!sas_ptr(s, page, i, &p)) {
                    *bad += pass == 0;
                    break;
                }
                if (p.sh.len < s->L || p.comp != 0) continue;
                uint32_t sig = sas_sig(s, p.sh);
                if ((sig == SAS_SIG_TEXT) != (pass == 0)) continue;
                if (p.is_data && !sas_sig_known(sig)) continue;
                ls_err e = sas_meta(s, sig, p.sh);
                if (e != LS_OK && e != LS_E_LIMIT) return e;
            }
        }
    }
    return LS_OK;
}

/* SASYZCRL: run-length encoding (command in the high nibble). */
static bool sas_rle(struct ls_slice in, uint8_t *out, size_t cap)
{
    size_t i = 0, o = 0;
    while (i < in.len) {
        uint8_t ctl = in.ptr[i++], cmd = ctl >> 4, n = ctl & 0x0F;
        size_t copy = 0, ins = 0;
        int b = 0;
        size_t need = (cmd == 0 || cmd == 1 || cmd == 5 || cmd == 6 || cmd == 7 || cmd == 12) ? 1 : cmd == 4 ? 2 : 0;
        if (need > in.len - i) return false;
        switch (cmd) {
        case 0: copy = (size_t)in.ptr[i++] + 64 + n * 256u; break;
        case 1: copy = (size_t)in.ptr[i++] + 64 + n * 256u + 4096; break;
        case 2: copy = n + 96u; break;
        case 4: ins = (size_t)in.ptr[i] + 18 + n * 256u, b = in.ptr[i + 1], i += 2; break;
        case 5: ins = (size_t)in.ptr[i++] + 17 + n * 256u, b = '@'; break;
        case 6: ins = (size_t)in.ptr[i++] + 17 + n * 256u, b = ' '; break;
        case 7: ins = (size_t)in.ptr[i++] + 17 + n * 256u, b = 0; break;
        case 8: copy = n + 1u; break;
        case 9: copy = n + 17u; break;
        case 10: copy = n + 33u; break;
        case 11: copy = n + 49u; break;
        case 12: b = in.ptr[i++], ins = n + 3u; break;
        case 13: ins = n + 2u, b = '@'; break;
        case 14: ins = n + 2u, b = ' '; break;
        case 15: ins = n + 2u, b = 0; break;
        default: return false;
        }
        if (copy) {
            if (copy > cap - o || copy > in.len - i) return false;
            memcpy(out + o, in.ptr + i, copy);
            i += copy, o += copy;
        }
        if (ins) {
            if (ins > cap - o) return false;
            memset(out + o, b, ins);
            o += ins;
        }
    }
    return o == cap;
}

/* SASYZCR2: Ross data compression (16-bit control words, big-endian). */
static bool sas_rdc(struct ls_slice in, uint8_t *out, size_t cap)
{
    size_t i = 0, o = 0;
    while (in.len - i >= 2) {
        unsigned ctl = (unsigned)in.ptr[i] << 8 | in.ptr[i + 1];
        i += 2;
        for (int bit = 15; bit >= 0 && i < in.len; bit--) {
            if (!(ctl >> bit & 1)) {
                if (o >= cap) return false;
                out[o++] = in.ptr[i++];
                continue;
            }
            if (in.len - i < 2) return false;
            unsigned m = in.ptr[i], nx = in.ptr[i + 1];
            i += 2;
            size_t ins = 0, copy = 0, back = 0;
            int b = 0;
            if (m <= 0x0F) {
                ins = 3 + m, b = (int)nx;
            } else if (m >> 4 == 1) {
                if (i >= in.len) return false;
                ins = 19 + (m & 0x0F) + nx * 16u, b = in.ptr[i++];
            } else if (m >> 4 == 2) {
                if (i >= in.len) return false;
                copy = 16 + (size_t)in.ptr[i++], back = 3 + (m & 0x0F) + nx * 16u;
            } else {
                copy = m >> 4, back = 3 + (m & 0x0F) + nx * 16u;
            }
            if (ins) {
                if (ins > cap - o) return false;
                memset(out + o, b, ins);
                o += ins;
            } else {
                if (back > o || copy > cap - o) return false;
                for (size_t k = 0; k < copy; k++, o++) out[o] = out[o - back]; /* may overlap */
            }
        }
    }
    return o == cap;
}

#define SAS_EPOCH_DAYS (-3653) /* 1960-01-01 from 1970-01-01 */

static ls_err sas_when(struct ls_buf *b, double v, enum sas_kind k)
{
    if (k == SAS_TIME) {
        if (v < 0 || v >= 86400 * 365.0) return LS_E_ARG;
        uint64_t t = (uint64_t)v;
        return ls_buf_printf(b, "%02u:%02u:%02u", (unsigned)(t / 3600), (unsigned)(t / 60 % 60), (unsigned)(t % 60));
    }
    double days = k == SAS_DATE ? floor(v) : floor(v / 86400);
    if (days < -700000 || days > 2900000) return LS_E_ARG; /* years 0..9999 */
    int64_t y;
    unsigned m, d;
    ls_civil_from_days((int64_t)days + SAS_EPOCH_DAYS, &y, &m, &d);
    if (y < 1 || y > 9999) return LS_E_ARG;
    LS_TRY(ls_buf_printf(b, "%04d-%02u-%02u", (int)y, m, d));
    if (k == SAS_DATETIME) {
        double s = v - days * 86400;
        uint64_t t = s >= 0 && s < 86400 ? (uint64_t)s : 0;
        LS_TRY(ls_buf_printf(b, " %02u:%02u:%02u", (unsigned)(t / 3600), (unsigned)(t / 60 % 60), (unsigned)(t % 60)));
    }
    return LS_OK;
}

static bool sas_fmt_is(struct ls_slice f, const char *p)
{
    size_t n = strlen(p);
    if (f.len < n) return false;
    for (size_t i = 0; i < n; i++)
        if ((f.ptr[i] & 0xDF) != (uint8_t)p[i]) return false;
    return true;
}

/* A column's format name to what its numbers mean. */
static enum sas_kind sas_kind_of(struct ls_slice f)
{
    static const char *const dt[] = {"DATETIME", "DATEAMPM", "E8601DT", "B8601DT", "NLDATM", "MDYAMPM", "IS8601DT"};
    static const char *const da[] = {"DATE", "MMDDYY", "DDMMYY", "YYMMDD", "E8601DA", "B8601DA", "WEEKDAT",
                                     "WORDDAT", "MONYY", "YYMON", "JULIAN", "MMYY", "YYMM", "NLDATE", "EURDF",
                                     "MINGUO", "NENGO", "YYQ", "DOWNAME", "IS8601DA", "YYWEEK"};
    static const char *const tm[] = {"TIME", "HHMM", "TOD", "E8601TM", "B8601TM", "NLTIME", "IS8601TM"};
    for (size_t i = 0; i < sizeof dt / sizeof *dt; i++)
        if (sas_fmt_is(f, dt[i])) return SAS_DATETIME;
    for (size_t i = 0; i < sizeof da / sizeof *da; i++)
        if (sas_fmt_is(f, da[i])) return SAS_DATE;
    for (size_t i = 0; i < sizeof tm / sizeof *tm; i++)
        if (sas_fmt_is(f, tm[i])) return SAS_TIME;
    return SAS_NUM;
}

static ls_err sas_str(const struct sas *s, struct ls_buf *b, struct ls_slice t)
{
    if (s->utf8) return ls_buf_add(b, t.ptr, t.len);
    return ls_codepage_to_utf8(b, t, s->cp);
}

static ls_err sas_header_row(struct sas *s, unsigned ncol)
{
    for (unsigned i = 0; i < ncol; i++) {
        struct ls_slice t = sas_text(s, s->col[i].label);
        if (!t.len) t = sas_text(s, s->col[i].name);
        ls_buf_reset(&s->r.cell);
        LS_TRY(sas_str(s, &s->r.cell, t));
        LS_TRY(ls_statrow_cell(&s->r, i, true));
    }
    return ls_statrow_end(&s->r);
}

static ls_err sas_value(struct sas *s, const struct sas_col *c, unsigned i, struct ls_slice v, bool *is_text)
{
    *is_text = false;
    ls_buf_reset(&s->r.cell);
    if (c->type == 2) {
        while (v.len && (v.ptr[v.len - 1] == ' ' || v.ptr[v.len - 1] == 0)) v.len--;
        LS_TRY(sas_str(s, &s->r.cell, v));
        *is_text = ls_tc_is_text(ls_buf_slice(&s->r.cell));
        return LS_OK;
    }
    if (v.len < 1 || v.len > 8) return LS_OK;
    uint8_t b[8] = {0};
    /* the stored bytes are the double's most significant ones */
    for (size_t k = 0; k < v.len; k++) {
        size_t at = s->le ? 8 - v.len + k : k;
        b[s->le ? at : 7 - at] = v.ptr[k];
    }
    uint64_t u = 0;
    for (int k = 7; k >= 0; k--) u = u << 8 | b[k];
    double x;
    memcpy(&x, &u, sizeof x);
    if (isnan(x)) return LS_OK; /* a missing value (., .A-.Z, ._) */
    if (s->kind[i] != SAS_NUM && sas_when(&s->r.cell, x, (enum sas_kind)s->kind[i]) == LS_OK) return LS_OK;
    ls_buf_reset(&s->r.cell);
    char num[64];
    size_t n = ls_sheet_number(x, num, sizeof num);
    return ls_buf_add(&s->r.cell, num, n);
}

static ls_err sas_row(struct sas *s, unsigned ncol, struct ls_slice row)
{
    for (unsigned i = 0; i < ncol; i++) {
        const struct sas_col *c = &s->col[i];
        struct ls_slice v = ls_slice_make("", 0);
        bool is_text = false;
        if (c->off <= row.len && c->width <= row.len - c->off) {
            v = ls_slice_make(row.ptr + c->off, c->width);
            LS_TRY(sas_value(s, c, i, v, &is_text));
        } else {
            ls_buf_reset(&s->r.cell);
        }
        LS_TRY(ls_statrow_cell(&s->r, i, is_text));
    }
    LS_TRY(ls_statrow_end(&s->r));
    s->rows_done++;
    if (s->rows_done % SAS_TICK == 0 && ls_ctx_expired(s->c)) return LS_E_TIMEOUT;
    return LS_OK;
}

/* Rows stored back to back from data (a data page's, or a mix page's after its pointers). */
static ls_err sas_rows_at(struct sas *s, unsigned ncol, struct ls_slice data, uint64_t n)
{
    for (uint64_t r = 0; r < n && s->rows_done < s->row_count; r++) {
        struct ls_slice row;
        if (!ls_slice_sub(data, (size_t)(r * s->row_len), (size_t)s->row_len, &row)) break;
        LS_TRY(sas_row(s, ncol, row));
    }
    return LS_OK;
}

static ls_err sas_page_rows(struct sas *s, unsigned ncol, struct ls_slice page)
{
    uint16_t type = sas_page_type(s, page);
    if ((type & 0x0F00) == 0x0100) {
        struct ls_slice data;
        if (!ls_slice_from(page, s->page_hdr, &data)) return LS_OK;
        return sas_rows_at(s, ncol, data, sas_int(s, page, s->page_hdr - 6, 2));
    }
    if ((type & 0x9000) == 0x9000 || (type & 0x0F00) == 0x0400) return LS_OK;
    unsigned n = (unsigned)sas_int(s, page, s->page_hdr - 4, 2);
    for (unsigned i = 0; i < n; i++) {
        struct sas_ptr p;
        if (!sas_ptr(s, page, i, &p)) return LS_OK;
        if (!p.sh.len || s->rows_done >= s->row_count) continue;
        if (p.comp == 4) {
            bool ok = s->compression == 2 ? sas_rdc(p.sh, s->row, (size_t)s->row_len)
                                          : sas_rle(p.sh, s->row, (size_t)s->row_len);
            if (!ok) {
                s->bad_row = true;
                continue;
            }
            LS_TRY(sas_row(s, ncol, ls_slice_make(s->row, (size_t)s->row_len)));
        } else if (p.comp == 0 && p.is_data && p.sh.len == s->row_len && !sas_sig_known(sas_sig(s, p.sh))) {
            LS_TRY(sas_row(s, ncol, p.sh));
        }
    }
    if ((type & 0x0F00) == 0x0200) {
        size_t at = s->page_hdr + (size_t)n * s->ptr_size;
        if (at % 8 == 4) at += 4;
        struct ls_slice data;
        if (!ls_slice_from(page, at, &data)) return LS_OK;
        return sas_rows_at(s, ncol, data, s->mix_rows);
    }
    return LS_OK;
}

static const struct ls_codepage *sas_charset(uint8_t code, bool *utf8)
{
    static const struct {
        uint8_t code;
        uint16_t cp;
    } map[] = {{30, 28592}, {31, 28593}, {32, 28594}, {33, 28595}, {34, 28596}, {35, 28597}, {36, 28598},
               {37, 28599}, {40, 28605}, {41, 437},   {42, 850},   {43, 852},   {49, 866},   {60, 1250},
               {61, 1251},  {62, 1252},  {63, 1253},  {64, 1254},  {65, 1255},  {66, 1256},  {67, 1257},
               {68, 1258},  {125, 936},  {126, 936},  {134, 20932}, {138, 932}, {140, 949}, {205, 936}};
    *utf8 = code == 20;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].code == code) return ls_codepage_by_number(map[i].cp);
    return NULL; /* 0 (the session's default), 28 ASCII, 29 Latin-1: read as Windows-1252 */
}

static ls_err sas_read(struct sas *s, uint64_t have, bool *cut)
{
    unsigned bad = 0;
    LS_TRY(sas_read_meta(s, have, &bad));
    if (bad) ls_note(s->c, s->o, LS_R_PARSE_ERROR, "sas7bdat: %u pages point outside themselves", bad);
    if (!s->have_row_size || s->row_len == 0 || s->row_len > SAS_MAX_ROWLEN) {
        ls_note(s->c, s->o, LS_R_PARSE_ERROR, "sas7bdat: no row size subheader");
        return *cut ? LS_E_TRUNCATED : LS_E_CORRUPT;
    }
    unsigned ncol = s->nname < s->nattr ? s->nname : s->nattr;
    if (ncol == 0) return *cut ? LS_E_TRUNCATED : LS_E_CORRUPT;
    s->kind = calloc(ncol, 1);
    s->row = malloc((size_t)s->row_len);
    if (!s->kind || !s->row) return LS_E_NOMEM;
    for (unsigned i = 0; i < ncol && i < s->nfmt; i++) s->kind[i] = (uint8_t)sas_kind_of(sas_text(s, s->col[i].format));
    LS_TRY(sas_header_row(s, ncol));
    for (uint64_t pg = 0; pg < have && s->rows_done < s->row_count; pg++) {
        struct ls_slice page;
        if (!ls_slice_sub(s->d, s->hdr + (size_t)pg * s->page_size, s->page_size, &page)) break;
        LS_TRY(sas_page_rows(s, ncol, page));
    }
    if (s->bad_row) ls_note(s->c, s->o, LS_R_PARSE_ERROR, "sas7bdat: a compressed row did not decode to its length");
    if (s->rows_done < s->row_count) {
        ls_note(s->c, s->o, LS_R_TRUNCATED, "sas7bdat: %llu of %llu rows read", (unsigned long long)s->rows_done,
                (unsigned long long)s->row_count);
        *cut = true;
    }
    return LS_OK;
}

static ls_err sas_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (d.len < 288 || !ls_slice_starts(d, sas_magic, sizeof sas_magic)) return LS_E_CORRUPT;
    struct sas s = {.c = c, .o = o, .d = d};
    s.u64 = d.ptr[32] == 0x33;
    s.le = d.ptr[37] == 0x01;
    if (d.ptr[37] > 1) return LS_E_CORRUPT;
    s.L = s.u64 ? 8 : 4;
    s.page_hdr = s.u64 ? 40 : 24;
    s.ptr_size = s.u64 ? 24 : 12;
    s.cp = sas_charset(d.ptr[70], &s.utf8);
    size_t pad = d.ptr[35] == 0x33 ? 4 : 0;
    uint64_t hdr = sas_int(&s, d, 196 + pad, 4);
    s.page_size = (uint32_t)sas_int(&s, d, 200 + pad, 4);
    s.npages = sas_int(&s, d, 204 + pad, s.L);
    if (hdr < 288 || s.page_size < 1024 || s.page_size > (16u << 20) || hdr > (16u << 20)) {
        ls_note(c, o, LS_R_PARSE_ERROR, "sas7bdat: header length %llu, page size %lu", (unsigned long long)hdr,
                (unsigned long)s.page_size);
        return LS_E_CORRUPT;
    }
    uint64_t have = d.len > hdr ? (d.len - hdr) / s.page_size : 0;
    bool cut = have < s.npages;
    if (!cut) have = s.npages;
    s.hdr = (size_t)hdr;
    ls_err e = ls_statrow_init(&s.r, c, o);
    if (e == LS_OK) e = sas_read(&s, have, &cut);
    ls_statrow_free(&s.r);
    free(s.col);
    free(s.kind);
    free(s.row);
    if (e == LS_E_LIMIT) e = LS_OK; /* limit:text noted by the pipeline, or too many columns */
    if (e == LS_OK && cut) {
        if (have < s.npages)
            ls_note(c, o, LS_R_TRUNCATED, "sas7bdat: %llu of %llu pages are in the file", (unsigned long long)have,
                    (unsigned long long)s.npages);
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_sas7bdat = {
    .name = "sas7bdat",
    .probe = sas_probe,
    .extract = sas_extract,
};
