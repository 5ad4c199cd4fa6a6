/*
 * Stata datasets (.dta): the variables' labels (their names when a
 * variable has no label) as a header row, then every observation as a
 * tab-separated line, through the table labeller (tablectx.h), so an SSN
 * stored as a double in a variable labelled "SSN" reads "SSN: 536221874".
 *
 * Layouts (Stata's "dta" file format help pages):
 * - formats 113-115: a binary header (format, byte order 1 big / 2
 *   little, variable count u16, observation count u32, an 81-byte data
 *   label, an 18-byte time stamp), then the type list (1-244 a string's
 *   width; 251 byte, 252 int, 253 long, 254 float, 255 double), names (33
 *   bytes each), the sort list, formats (49 bytes), value label names
 *   (33), variable labels (81), expansion fields (type, length, data:
 *   ended by type 0), then the observations;
 * - formats 117-119: tagged sections (<header> with <release>,
 *   <byteorder> MSF/LSF, <K> (u16; 119: u32), <N> (u32; 118+: u64),
 *   then <map>, <variable_types> (u16: 1-2045 a string's width, 32768 a
 *   strL, 65526 double, 65527 float, 65528 long, 65529 int, 65530 byte),
 *   <varnames> (33 or 129 bytes), <sortlist>, <formats> (49 or 57),
 *   <value_label_names>, <variable_labels> (81 or 321),
 *   <characteristics>, <data>, <strls> (GSO records), <value_labels>).
 * Missing values (above each type's largest value) are written empty;
 * %td dates (days) and %tc date-times (milliseconds) from 1960-01-01 as
 * ISO dates; strLs are looked up in the GSO table.
 *
 * Not read: value labels, characteristics (notes), formats before 113.
 * Attacker-controlled: every count, width and offset; each is checked
 * against what is left of the file.
 */
#include "core/handler.h"
#include "core/ls_date.h"
#include "extract/sheetdate.h"
#include "extract/statrow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DTA_MAX_VARS 32767u
#define DTA_TICK 1024u

enum dta_type { DTA_STR, DTA_STRL, DTA_BYTE, DTA_INT, DTA_LONG, DTA_FLOAT, DTA_DOUBLE };

struct dta_var {
    uint8_t type;
    uint32_t width; /* bytes in an observation */
    uint32_t off;
    struct ls_slice name, label, fmt;
};

struct dta_gso {
    uint64_t v, o;
    struct ls_slice data;
};

struct dta {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice d;
    bool le;
    unsigned release;
    uint32_t nvar;
    uint64_t nobs;
    struct dta_var *v;
    uint32_t obs_len;
    struct ls_slice data;  /* the observations (whatever of them is in the file) */
    struct ls_slice strls; /* the strls section, 117+ */
    struct dta_gso *gso;
    size_t ngso;
    struct ls_statrow r; /* the lines written */
    uint64_t done;
};

static uint64_t dta_uint(const struct dta *s, struct ls_slice p, size_t off, unsigned w)
{
    uint64_t v = 0;
    if (off > p.len || w > p.len - off) return 0;
    for (unsigned i = 0; i < w; i++) v = v << 8 | p.ptr[off + (s->le ? w - 1 - i : i)];
    return v;
}

static bool dta_old_type(uint8_t t, struct dta_var *v);

/* Formats 113-115 have no magic: the header's four bytes, then every
 * type byte known and every name a Stata name (a letter or '_' first). */
static bool dta_old_plausible(struct ls_slice d)
{
    if (d.len < 109 || d.ptr[0] < 113 || d.ptr[0] > 115 || (d.ptr[1] != 1 && d.ptr[1] != 2) || d.ptr[2] != 1 ||
        d.ptr[3] != 0)
        return false;
    size_t nvar = d.ptr[1] == 2 ? (size_t)d.ptr[4] | (size_t)d.ptr[5] << 8 : (size_t)d.ptr[5] | (size_t)d.ptr[4] << 8;
    if (nvar == 0 || nvar > (d.len - 109) / (1 + 33)) return false;
    struct dta_var v;
    for (size_t i = 0; i < nvar; i++) {
        if (!dta_old_type(d.ptr[109 + i], &v)) return false;
        uint8_t c = d.ptr[109 + nvar + i * 33];
        if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    }
    return true;
}

static int dta_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (ls_slice_starts(d, "<stata_dta><header><release>", 28)) return 100;
    return dta_old_plausible(d) ? 60 : 0;
}

/* A fixed-size NUL-terminated text field. */
static struct ls_slice dta_cstr(struct ls_slice p, size_t off, size_t n)
{
    struct ls_slice t = ls_slice_make("", 0);
    if (!ls_slice_sub(p, off, n, &t)) return ls_slice_make("", 0);
    for (size_t i = 0; i < t.len; i++)
        if (t.ptr[i] == 0) {
            t.len = i;
            break;
        }
    return t;
}

static bool dta_old_type(uint8_t t, struct dta_var *v)
{
    switch (t) {
    case 251: v->type = DTA_BYTE, v->width = 1; return true;
    case 252: v->type = DTA_INT, v->width = 2; return true;
    case 253: v->type = DTA_LONG, v->width = 4; return true;
    case 254: v->type = DTA_FLOAT, v->width = 4; return true;
    case 255: v->type = DTA_DOUBLE, v->width = 8; return true;
    default:
        if (t == 0 || t > 244) return false;
        v->type = DTA_STR, v->width = t;
        return true;
    }
}

static bool dta_new_type(uint16_t t, struct dta_var *v)
{
    switch (t) {
    case 32768: v->type = DTA_STRL, v->width = 8; return true;
    case 65526: v->type = DTA_DOUBLE, v->width = 8; return true;
    case 65527: v->type = DTA_FLOAT, v->width = 4; return true;
    case 65528: v->type = DTA_LONG, v->width = 4; return true;
    case 65529: v->type = DTA_INT, v->width = 2; return true;
    case 65530: v->type = DTA_BYTE, v->width = 1; return true;
    default:
        if (t == 0 || t > 2045) return false;
        v->type = DTA_STR, v->width = t;
        return true;
    }
}

/* Formats 113-115. */
static ls_err dta_old(struct dta *s)
{
    struct ls_slice d = s->d;
    s->release = d.ptr[0];
    s->le = d.ptr[1] == 2;
    s->nvar = (uint32_t)dta_uint(s, d, 4, 2);
    s->nobs = dta_uint(s, d, 6, 4);
    size_t pos = 109;
    if (s->nvar == 0) return LS_OK;
    size_t fmt_len = s->release >= 114 ? 49 : 12;
    size_t per = 1 + 33 + 2 + fmt_len + 33 + 81;
    if ((size_t)s->nvar > (d.len - pos) / per) return LS_E_TRUNCATED;
    s->v = calloc(s->nvar, sizeof *s->v);
    if (!s->v) return LS_E_NOMEM;
    size_t names = pos + s->nvar, sorts = names + (size_t)s->nvar * 33, fmts = sorts + 2 * ((size_t)s->nvar + 1);
    size_t vlab = fmts + (size_t)s->nvar * fmt_len, labs = vlab + (size_t)s->nvar * 33;
    for (uint32_t i = 0; i < s->nvar; i++) {
        struct dta_var *v = &s->v[i];
        if (!dta_old_type(d.ptr[pos + i], v)) return LS_E_CORRUPT;
        v->name = dta_cstr(d, names + (size_t)i * 33, 33);
        v->fmt = dta_cstr(d, fmts + (size_t)i * fmt_len, fmt_len);
        v->label = dta_cstr(d, labs + (size_t)i * 81, 81);
    }
    pos = labs + (size_t)s->nvar * 81; /* the sort list's extra entry may take it past the end */
    if (pos > d.len) return LS_E_TRUNCATED;
    /* expansion fields: type (1 byte), length (4; 113: 2... as 4 from 105 on), data */
    for (unsigned k = 0; k < 100000; k++) {
        if (pos > d.len || d.len - pos < 5) return LS_E_TRUNCATED;
        uint8_t t = d.ptr[pos];
        uint64_t n = dta_uint(s, d, pos + 1, 4);
        pos += 5;
        if (t == 0 && n == 0) break;
        if (n > d.len - pos) return LS_E_TRUNCATED;
        pos += (size_t)n;
    }
    (void)ls_slice_from(d, pos, &s->data);
    return LS_OK;
}

/* The offset just after tag (searched from from), or SIZE_MAX. */
static size_t dta_after(struct ls_slice d, size_t from, const char *tag)
{
    size_t at = ls_slice_find(d, from, tag, strlen(tag));
    return at == SIZE_MAX ? SIZE_MAX : at + strlen(tag);
}

static ls_err dta_new_header(struct dta *s, size_t *pos)
{
    struct ls_slice d = s->d;
    size_t at = 28;
    unsigned rel = 0;
    for (; at < d.len && at < 32 && d.ptr[at] >= '0' && d.ptr[at] <= '9'; at++) rel = rel * 10 + (d.ptr[at] - '0');
    if (rel < 117 || rel > 121) return LS_E_UNSUPPORTED;
    s->release = rel;
    size_t bo = dta_after(d, at, "<byteorder>");
    if (bo == SIZE_MAX || d.len - bo < 3) return LS_E_TRUNCATED;
    s->le = memcmp(d.ptr + bo, "LSF", 3) == 0;
    size_t k = dta_after(d, bo, "<K>");
    if (k == SIZE_MAX) return LS_E_TRUNCATED;
    s->nvar = (uint32_t)dta_uint(s, d, k, rel >= 119 ? 4 : 2);
    size_t n = dta_after(d, k, "<N>");
    if (n == SIZE_MAX) return LS_E_TRUNCATED;
    s->nobs = dta_uint(s, d, n, rel >= 118 ? 8 : 4);
    *pos = n;
    return LS_OK;
}

/* The section at map entry idx (checked to start with its tag), else searched. */
static size_t dta_section(const struct dta *s, size_t map, unsigned idx, const char *tag, size_t from)
{
    uint64_t off = map != SIZE_MAX ? dta_uint(s, s->d, map + 8 * (size_t)idx, 8) : 0;
    size_t n = strlen(tag);
    if (off && off < s->d.len && s->d.len - off >= n && memcmp(s->d.ptr + off, tag, n) == 0) return (size_t)off + n;
    return dta_after(s->d, from, tag);
}

/* Formats 117-119. */
static ls_err dta_new(struct dta *s)
{
    struct ls_slice d = s->d;
    size_t pos = 0;
    LS_TRY(dta_new_header(s, &pos));
    if (s->nvar == 0) return LS_OK;
    if (s->nvar > DTA_MAX_VARS * 2u || s->nvar > d.len / 8) return LS_E_TRUNCATED;
    bool wide = s->release >= 118;
    size_t name_len = wide ? 129 : 33, fmt_len = wide ? 57 : 49, lab_len = wide ? 321 : 81;
    size_t map = dta_after(d, pos, "<map>");
    size_t types = dta_section(s, map, 2, "<variable_types>", pos);
    if (types == SIZE_MAX || (size_t)s->nvar * 2 > d.len - types) return LS_E_TRUNCATED;
    s->v = calloc(s->nvar, sizeof *s->v);
    if (!s->v) return LS_E_NOMEM;
    for (uint32_t i = 0; i < s->nvar; i++)
        if (!dta_new_type((uint16_t)dta_uint(s, d, types + 2 * (size_t)i, 2), &s->v[i])) return LS_E_CORRUPT;
    size_t names = dta_section(s, map, 3, "<varnames>", types);
    size_t fmts = dta_section(s, map, 5, "<formats>", types);
    size_t labs = dta_section(s, map, 7, "<variable_labels>", types);
    for (uint32_t i = 0; i < s->nvar; i++) {
        if (names != SIZE_MAX) s->v[i].name = dta_cstr(d, names + (size_t)i * name_len, name_len);
        if (fmts != SIZE_MAX) s->v[i].fmt = dta_cstr(d, fmts + (size_t)i * fmt_len, fmt_len);
        if (labs != SIZE_MAX) s->v[i].label = dta_cstr(d, labs + (size_t)i * lab_len, lab_len);
    }
    size_t data = dta_section(s, map, 9, "<data>", labs != SIZE_MAX ? labs : types);
    if (data == SIZE_MAX) return LS_E_TRUNCATED;
    (void)ls_slice_from(d, data, &s->data);
    size_t strls = dta_section(s, map, 10, "<strls>", data);
    if (strls != SIZE_MAX) (void)ls_slice_from(d, strls, &s->strls);
    return LS_OK;
}

static int dta_gso_cmp(const void *a, const void *b)
{
    const struct dta_gso *x = a, *y = b;
    if (x->v != y->v) return x->v < y->v ? -1 : 1;
    return x->o < y->o ? -1 : x->o > y->o;
}

/* The strls section's GSO records, sorted by (v, o). */
static ls_err dta_read_gso(struct dta *s)
{
    struct ls_slice p = s->strls;
    size_t pos = 0, cap = 0;
    unsigned ow = s->release >= 118 ? 8 : 4;
    while (p.len - pos >= 3 + 4 + ow + 5 && memcmp(p.ptr + pos, "GSO", 3) == 0) {
        uint64_t v = dta_uint(s, p, pos + 3, 4), o = dta_uint(s, p, pos + 7, ow);
        size_t at = pos + 7 + ow;
        uint64_t len = dta_uint(s, p, at + 1, 4);
        at += 5;
        if (len > p.len - at) break;
        if (s->ngso == cap) {
            cap = cap ? cap * 2 : 64;
            struct dta_gso *g = realloc(s->gso, cap * sizeof *g);
            if (!g) return LS_E_NOMEM;
            s->gso = g;
        }
        s->gso[s->ngso++] = (struct dta_gso){v, o, ls_slice_make(p.ptr + at, (size_t)len)};
        pos = at + (size_t)len;
    }
    if (s->ngso) qsort(s->gso, s->ngso, sizeof *s->gso, dta_gso_cmp);
    return LS_OK;
}

/* %td (days) or %tc / %tC (milliseconds) from 1960-01-01. */
static bool dta_when(struct ls_buf *b, double x, struct ls_slice fmt)
{
    if (fmt.len < 2 || fmt.ptr[0] != '%') return false;
    struct ls_slice f = ls_slice_make(fmt.ptr + 1, fmt.len - 1);
    if (f.ptr[0] == '-') f.ptr++, f.len--; /* left-aligned */
    /* %td, and %d (a date before Stata 10) */
    bool td = ls_slice_starts(f, "td", 2) || ls_slice_starts(f, "d", 1);
    bool tc = ls_slice_starts(f, "tc", 2) || ls_slice_starts(f, "tC", 2);
    if (!td && !tc) return false;
    double days = td ? floor(x) : floor(x / 86400000.0);
    if (!(days > -700000 && days < 2900000)) return false;
    int64_t y;
    unsigned m, d;
    ls_civil_from_days((int64_t)days - 3653, &y, &m, &d);
    if (y < 1 || y > 9999) return false;
    if (ls_buf_printf(b, "%04d-%02u-%02u", (int)y, m, d) != LS_OK) return false;
    if (tc) {
        uint64_t t = (uint64_t)((x - days * 86400000.0) / 1000);
        if (ls_buf_printf(b, " %02u:%02u:%02u", (unsigned)(t / 3600 % 24), (unsigned)(t / 60 % 60), (unsigned)(t % 60)) !=
            LS_OK)
            return false;
    }
    return true;
}

/* Text in the file's encoding: UTF-8 from 118 on, Windows-1252 before. */
static ls_err dta_text(const struct dta *s, struct ls_buf *b, struct ls_slice t)
{
    if (s->release >= 118) return ls_buf_add(b, t.ptr, t.len);
    return ls_codepage_to_utf8(b, t, NULL);
}

static ls_err dta_value(struct dta *s, const struct dta_var *v, struct ls_slice p, bool *is_text)
{
    double x = 0;
    bool num = true;
    *is_text = false;
    uint64_t u = dta_uint(s, p, 0, v->width > 8 ? 8 : v->width);
    switch (v->type) {
    case DTA_STR: {
        struct ls_slice t = dta_cstr(p, 0, p.len);
        LS_TRY(dta_text(s, &s->r.cell, t));
        *is_text = ls_tc_is_text(ls_buf_slice(&s->r.cell));
        return LS_OK;
    }
    case DTA_STRL: {
        struct dta_gso key = {0};
        if (s->release >= 118) {
            key.v = s->le ? (u & 0xFFFF) : u >> 48;
            key.o = s->le ? u >> 16 : u & 0xFFFFFFFFFFFFull;
        } else {
            key.v = dta_uint(s, p, 0, 4), key.o = dta_uint(s, p, 4, 4);
        }
        struct dta_gso *g = s->ngso ? bsearch(&key, s->gso, s->ngso, sizeof *s->gso, dta_gso_cmp) : NULL;
        if (g) {
            struct ls_slice t = g->data;
            if (t.len && t.ptr[t.len - 1] == 0) t.len--;
            LS_TRY(dta_text(s, &s->r.cell, t));
            *is_text = ls_tc_is_text(ls_buf_slice(&s->r.cell));
        }
        return LS_OK;
    }
    case DTA_BYTE: {
        int8_t b = (int8_t)u;
        num = b <= 100, x = b;
        break;
    }
    case DTA_INT: {
        int16_t i = (int16_t)u;
        num = i <= 32740, x = i;
        break;
    }
    case DTA_LONG: {
        int32_t l = (int32_t)u;
        num = l <= 2147483620, x = l;
        break;
    }
    case DTA_FLOAT: {
        uint32_t w = (uint32_t)u;
        float f;
        memcpy(&f, &w, sizeof f);
        num = isfinite(f) && f <= 1.701e38f, x = f;
        break;
    }
    default: {
        memcpy(&x, &u, sizeof x);
        num = isfinite(x) && x <= 8.988e307;
        break;
    }
    }
    if (!num) return LS_OK; /* a missing value (., .a-.z) */
    if (dta_when(&s->r.cell, x, v->fmt)) return LS_OK;
    ls_buf_reset(&s->r.cell);
    char buf[64];
    size_t n;
    if (v->type == DTA_FLOAT && x != floor(x)) { /* a float's 7 significant digits, not the double's noise */
        int w = snprintf(buf, sizeof buf, "%.7g", x);
        n = w > 0 && (size_t)w < sizeof buf ? (size_t)w : 0;
    } else {
        n = ls_sheet_number(x, buf, sizeof buf);
    }
    return ls_buf_add(&s->r.cell, buf, n);
}

static ls_err dta_header_row(struct dta *s)
{
    for (uint32_t i = 0; i < s->nvar; i++) {
        struct ls_slice t = s->v[i].label.len ? s->v[i].label : s->v[i].name;
        ls_buf_reset(&s->r.cell);
        LS_TRY(dta_text(s, &s->r.cell, t));
        LS_TRY(ls_statrow_cell(&s->r, i, true));
    }
    return ls_statrow_end(&s->r);
}

static ls_err dta_rows(struct dta *s, bool *cut)
{
    uint64_t len = 0;
    for (uint32_t i = 0; i < s->nvar; i++) {
        s->v[i].off = (uint32_t)len;
        len += s->v[i].width;
    }
    if (len == 0 || len > (64u << 20)) return LS_E_CORRUPT;
    s->obs_len = (uint32_t)len;
    for (; s->done < s->nobs; s->done++) {
        struct ls_slice row;
        if (s->done >= s->data.len / len || !ls_slice_sub(s->data, (size_t)(s->done * len), (size_t)len, &row)) {
            *cut = true;
            break;
        }
        for (uint32_t i = 0; i < s->nvar; i++) {
            bool is_text = false;
            ls_buf_reset(&s->r.cell);
            LS_TRY(dta_value(s, &s->v[i], ls_slice_make(row.ptr + s->v[i].off, s->v[i].width), &is_text));
            LS_TRY(ls_statrow_cell(&s->r, i, is_text));
        }
        LS_TRY(ls_statrow_end(&s->r));
        if (s->done % DTA_TICK == DTA_TICK - 1 && ls_ctx_expired(s->c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

static ls_err dta_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct dta s = {.c = c, .o = o, .d = o->data};
    int score = dta_probe(o);
    if (!score) return LS_E_CORRUPT;
    ls_err e = ls_statrow_init(&s.r, c, o);
    bool cut = false;
    if (e == LS_OK) e = score == 100 ? dta_new(&s) : dta_old(&s);
    if (e == LS_E_UNSUPPORTED) ls_note(c, o, LS_R_UNSUPPORTED, "stata: release not read");
    if (e == LS_OK && s.strls.len) e = dta_read_gso(&s);
    if (e == LS_OK && s.nvar) e = dta_header_row(&s);
    if (e == LS_OK && s.nvar) e = dta_rows(&s, &cut);
    ls_statrow_free(&s.r);
    free(s.v);
    free(s.gso);
    if (e == LS_E_LIMIT) e = LS_OK;
    if (e == LS_E_TRUNCATED) cut = true, e = LS_OK;
    if (e == LS_OK && cut) {
        ls_note(c, o, LS_R_TRUNCATED, "stata: %llu of %llu observations are in the file", (unsigned long long)s.done,
                (unsigned long long)s.nobs);
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_stata = {
    .name = "stata",
    .probe = dta_probe,
    .extract = dta_extract,
};
