/*
 * SPSS system files (.sav): the variables' labels (their long names when
 * a variable has no label) as a header row, then every case as a
 * tab-separated line, through the table labeller (tablectx.h), so an SSN
 * stored as the number 536221874 in a variable labelled "SSN" reads
 * "SSN: 536221874".
 *
 * Layout (PSPP's "System File Format" appendix): a 176-byte file header
 * ("$FL2", the layout code 2 or 3 that gives the byte order, the case
 * size in 8-byte units, the compression: 0 none, 1 bytecode, 2 zlib, the
 * case count, the compression bias), then records named by a 32-bit type:
 * 2 a variable (type 0 number, 1..255 a string's width, -1 a string's
 * next 8 bytes; a label; missing values), 3 and 4 value labels, 6
 * document lines (written as text), 7 extensions (subtype 13 long
 * variable names, 14 very long string widths, 20 the character set), 999
 * the end of the dictionary. The cases follow: 8-byte elements, or
 * bytecode (blocks of 8 command bytes: 0 padding, 1..251 the number
 * code - bias, 252 end, 253 8 raw bytes follow, 254 8 blanks, 255 system
 * missing). Dates are seconds from 1582-10-14, by the print format.
 *
 * Not read: zlib-compressed files (.zsav, "$FL3": noted unsupported),
 * value labels (a code's meaning, not the case's data), missing-value
 * ranges. Attacker-controlled: every count, length and width; each is
 * checked against what is left of the file.
 */
#include "core/handler.h"
#include "core/ls_date.h"
#include "extract/sheetdate.h"
#include "extract/statrow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SPSS_MAX_VARS 65536u  /* 8-byte slots a case may have */
#define SPSS_TICK 1024u       /* cases between deadline checks */
#define SPSS_NAME_MAX 64u

struct spss_var {
    char name[SPSS_NAME_MAX + 1];
    struct ls_slice label;
    uint32_t slot;  /* first 8-byte slot in the case */
    uint32_t width; /* 0: a number; else the string's bytes */
    uint32_t nslot; /* slots its value takes (a very long string: all its segments) */
    uint8_t fmt;    /* print format type */
};

struct spss {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice d;
    bool le;
    uint32_t case_slots;
    int32_t compression;
    int32_t ncases;
    double bias;
    struct spss_var *v;
    unsigned nv, cap;
    const struct ls_codepage *cp;
    bool utf8;
    struct ls_buf row;   /* the case being read */
    struct ls_statrow r; /* the lines written */
    uint64_t cases_done;
};

static uint32_t spss_u32(const struct spss *s, struct ls_slice p, size_t off)
{
    if (off > p.len || p.len - off < 4) return 0;
    const uint8_t *b = p.ptr + off;
    return s->le ? (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24
                 : (uint32_t)b[3] | (uint32_t)b[2] << 8 | (uint32_t)b[1] << 16 | (uint32_t)b[0] << 24;
}

static double spss_f64(const struct spss *s, const uint8_t *b)
{
    uint64_t u = 0;
    for (int i = 0; i < 8; i++) u = u << 8 | b[s->le ? 7 - i : i];
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

static int spss_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (d.len < 176 || !(ls_slice_starts(d, "$FL2", 4) || ls_slice_starts(d, "$FL3", 4))) return 0;
    uint32_t le = (uint32_t)d.ptr[64] | (uint32_t)d.ptr[65] << 8 | (uint32_t)d.ptr[66] << 16 | (uint32_t)d.ptr[67] << 24;
    uint32_t be = (uint32_t)d.ptr[67] | (uint32_t)d.ptr[66] << 8 | (uint32_t)d.ptr[65] << 16 | (uint32_t)d.ptr[64] << 24;
    return le == 2 || le == 3 || be == 2 || be == 3 ? 100 : 0;
}

static ls_err spss_grow(struct spss *s)
{
    if (s->nv < s->cap) return LS_OK;
    if (s->cap >= SPSS_MAX_VARS) return LS_E_LIMIT;
    unsigned cap = s->cap ? s->cap * 2 : 32;
    struct spss_var *p = realloc(s->v, (size_t)cap * sizeof *p);
    if (!p) return LS_E_NOMEM;
    s->v = p;
    s->cap = cap;
    return LS_OK;
}

/* A type 2 record at *pos. */
static ls_err spss_var(struct spss *s, size_t *pos, uint32_t *slots)
{
    struct ls_slice d = s->d;
    if (d.len - *pos < 32) return LS_E_TRUNCATED;
    int32_t type = (int32_t)spss_u32(s, d, *pos + 4);
    uint32_t has_label = spss_u32(s, d, *pos + 8);
    int32_t nmiss = (int32_t)spss_u32(s, d, *pos + 12);
    uint32_t print = spss_u32(s, d, *pos + 16);
    struct ls_slice name;
    (void)ls_slice_sub(d, *pos + 24, 8, &name);
    *pos += 32;
    struct ls_slice label = {0};
    if (has_label == 1) {
        uint32_t n = spss_u32(s, d, *pos);
        if (d.len - *pos < 4 || n > d.len - *pos - 4) return LS_E_TRUNCATED;
        (void)ls_slice_sub(d, *pos + 4, n, &label);
        *pos += 4 + (((size_t)n + 3) & ~(size_t)3);
        if (*pos > d.len) return LS_E_TRUNCATED;
    }
    size_t miss = (size_t)(nmiss < 0 ? -(int64_t)nmiss : nmiss) * 8;
    if (nmiss < -3 || nmiss > 3 || miss > d.len - *pos) return LS_E_CORRUPT;
    *pos += miss;
    uint32_t slot = (*slots)++;
    if (type == -1) return LS_OK; /* the next 8 bytes of the string before */
    if (type < 0 || type > 255) return LS_E_CORRUPT;
    LS_TRY(spss_grow(s));
    struct spss_var *v = &s->v[s->nv++];
    memset(v, 0, sizeof *v);
    size_t k = 0;
    for (; k < name.len && name.ptr[k] != ' ' && name.ptr[k]; k++) v->name[k] = (char)name.ptr[k];
    v->name[k] = '\0';
    while (label.len && label.ptr[label.len - 1] == ' ') label.len--;
    v->label = label;
    v->slot = slot;
    v->width = (uint32_t)type;
    v->nslot = type ? ((uint32_t)type + 7) / 8 : 1;
    v->fmt = (uint8_t)(print >> 16);
    return LS_OK;
}

static struct spss_var *spss_find(struct spss *s, struct ls_slice name)
{
    for (unsigned i = 0; i < s->nv; i++)
        if (strlen(s->v[i].name) == name.len && name.len && strncasecmp(s->v[i].name, (const char *)name.ptr, name.len) == 0)
            return &s->v[i];
    return NULL;
}

/* "KEY=value" pairs split at sep (subtype 13: tabs; 14: NUL then tab). */
static void spss_pairs(struct spss *s, struct ls_slice p, int subtype)
{
    size_t i = 0;
    while (i < p.len) {
        size_t j = i;
        while (j < p.len && p.ptr[j] != '\t' && p.ptr[j] != 0) j++;
        struct ls_slice pair = ls_slice_make(p.ptr + i, j - i);
        size_t eq = ls_slice_find(pair, 0, "=", 1);
        if (eq != SIZE_MAX) {
            struct spss_var *v = spss_find(s, ls_slice_make(pair.ptr, eq));
            struct ls_slice val = ls_slice_make(pair.ptr + eq + 1, pair.len - eq - 1);
            if (v && subtype == 13 && val.len && val.len <= SPSS_NAME_MAX) {
                memcpy(v->name, val.ptr, val.len);
                v->name[val.len] = '\0';
            } else if (v && subtype == 14) {
                uint32_t w = 0;
                for (size_t k = 0; k < val.len && val.ptr[k] >= '0' && val.ptr[k] <= '9' && w < 1000000; k++)
                    w = w * 10 + (val.ptr[k] - '0');
                if (w > 255 && w <= 32767) v->width = w;
            }
        }
        i = j + 1;
    }
}

/* A type 7 record's data. */
static void spss_ext(struct spss *s, uint32_t subtype, struct ls_slice p)
{
    if (subtype == 13 || subtype == 14) {
        spss_pairs(s, p, (int)subtype);
    } else if (subtype == 20) {
        while (p.len && (p.ptr[p.len - 1] == 0 || p.ptr[p.len - 1] == ' ')) p.len--;
        if (ls_slice_eq_str(p, "UTF-8") || ls_slice_eq_str(p, "utf-8")) {
            s->utf8 = true;
        } else {
            const struct ls_codepage *cp = ls_codepage_by_name(p);
            if (cp) s->cp = cp, s->utf8 = false;
        }
    } else if (subtype == 3 && p.len >= 32 && !s->utf8) {
        uint32_t code = spss_u32(s, p, 28);
        if (code == 65001) s->utf8 = true;
        else if (ls_codepage_by_number(code)) s->cp = ls_codepage_by_number(code);
    }
}

static ls_err spss_str(const struct spss *s, struct ls_buf *b, struct ls_slice t)
{
    if (s->utf8) return ls_buf_add(b, t.ptr, t.len);
    return ls_codepage_to_utf8(b, t, s->cp);
}

/* The dictionary, up to the 999 record: *pos at the first case. */
static ls_err spss_dict(struct spss *s, size_t *pos)
{
    struct ls_slice d = s->d;
    uint32_t slots = 0;
    for (;;) {
        if (*pos > d.len || d.len - *pos < 8) return LS_E_TRUNCATED;
        const size_t left = d.len - *pos; /* each record's size is checked against it */
        uint32_t rt = spss_u32(s, d, *pos);
        if (rt == 2) {
            ls_err e = spss_var(s, pos, &slots);
            if (e == LS_E_LIMIT) continue;
            LS_TRY(e);
        } else if (rt == 3) {
            uint32_t n = spss_u32(s, d, *pos + 4);
            *pos += 8;
            for (uint32_t i = 0; i < n; i++) {
                if (d.len - *pos < 9) return LS_E_TRUNCATED;
                size_t len = d.ptr[*pos + 8];
                size_t step = 8 + ((len + 1 + 7) & ~(size_t)7);
                if (step > d.len - *pos) return LS_E_TRUNCATED;
                *pos += step;
            }
        } else if (rt == 4) {
            uint32_t n = spss_u32(s, d, *pos + 4);
            if (n > (left - 8) / 4) return LS_E_TRUNCATED;
            *pos += 8 + (size_t)n * 4;
        } else if (rt == 6) {
            uint32_t n = spss_u32(s, d, *pos + 4);
            if (n > (left - 8) / 80) return LS_E_TRUNCATED;
            struct ls_slice doc = ls_slice_make(d.ptr + *pos + 8, (size_t)n * 80);
            for (uint32_t i = 0; i < n; i++) {
                struct ls_slice ln = ls_slice_make(doc.ptr + (size_t)i * 80, 80);
                while (ln.len && ln.ptr[ln.len - 1] == ' ') ln.len--;
                LS_TRY(spss_str(s, &s->r.line, ln));
                LS_TRY(ls_buf_addc(&s->r.line, '\n'));
            }
            *pos += 8 + doc.len;
        } else if (rt == 7) {
            if (left < 16) return LS_E_TRUNCATED;
            uint32_t sub = spss_u32(s, d, *pos + 4), size = spss_u32(s, d, *pos + 8), count = spss_u32(s, d, *pos + 12);
            uint64_t n = (uint64_t)size * count;
            if (n > left - 16) return LS_E_TRUNCATED;
            spss_ext(s, sub, ls_slice_make(d.ptr + *pos + 16, (size_t)n));
            *pos += 16 + (size_t)n;
        } else if (rt == 999) {
            *pos += 8;
            s->case_slots = slots;
            return LS_OK;
        } else {
            ls_note(s->c, s->o, LS_R_PARSE_ERROR, "spss: unknown record type %lu", (unsigned long)rt);
            return LS_E_CORRUPT;
        }
    }
}

#define SPSS_EPOCH_DAYS (-141428) /* 1582-10-14 from 1970-01-01 */

/* Print format types: 20 DATE, 23 ADATE, 24 JDATE, 28 MOYR, 29 QYR, 30
 * WKYR, 38 EDATE, 39 SDATE: dates; 22 DATETIME, 41 YMDHMS: date-times;
 * 21 TIME, 25 DTIME, 40 MTIME: durations. */
static ls_err spss_number(struct spss *s, const struct spss_var *v, double x)
{
    unsigned f = v->fmt;
    bool date = f == 20 || f == 23 || f == 24 || f == 28 || f == 29 || f == 30 || f == 38 || f == 39;
    bool dt = f == 22 || f == 41;
    if ((date || dt) && x >= 0 && x < 1e12) {
        double days = floor(x / 86400);
        int64_t y;
        unsigned m, dd;
        ls_civil_from_days((int64_t)days + SPSS_EPOCH_DAYS, &y, &m, &dd);
        LS_TRY(ls_buf_printf(&s->r.cell, "%04d-%02u-%02u", (int)y, m, dd));
        if (dt) {
            uint64_t t = (uint64_t)(x - days * 86400);
            LS_TRY(ls_buf_printf(&s->r.cell, " %02u:%02u:%02u", (unsigned)(t / 3600 % 24), (unsigned)(t / 60 % 60),
                                 (unsigned)(t % 60)));
        }
        return LS_OK;
    }
    if ((f == 21 || f == 25 || f == 40) && x >= 0 && x < 1e9) {
        uint64_t t = (uint64_t)x;
        return ls_buf_printf(&s->r.cell, "%02u:%02u:%02u", (unsigned)(t / 3600), (unsigned)(t / 60 % 60),
                             (unsigned)(t % 60));
    }
    char num[64];
    size_t n = ls_sheet_number(x, num, sizeof num);
    return ls_buf_add(&s->r.cell, num, n);
}

static ls_err spss_header_row(struct spss *s)
{
    for (unsigned i = 0; i < s->nv; i++) {
        struct ls_slice t = s->v[i].label.len ? s->v[i].label : ls_slice_make(s->v[i].name, strlen(s->v[i].name));
        ls_buf_reset(&s->r.cell);
        LS_TRY(spss_str(s, &s->r.cell, t));
        LS_TRY(ls_statrow_cell(&s->r, i, true));
    }
    return ls_statrow_end(&s->r);
}

/* One case (case_slots * 8 bytes in s->row) as a line. */
static ls_err spss_case(struct spss *s, const uint8_t *sysmis)
{
    struct ls_slice r = ls_buf_slice(&s->row);
    for (unsigned i = 0; i < s->nv; i++) {
        const struct spss_var *v = &s->v[i];
        bool is_text = false;
        ls_buf_reset(&s->r.cell);
        if ((size_t)v->slot * 8 + 8 <= r.len) {
            const uint8_t *p = r.ptr + (size_t)v->slot * 8;
            if (v->width == 0) {
                if (!sysmis[v->slot]) {
                    double x = spss_f64(s, p);
                    if (isfinite(x) && x > -1.7976931348623157e308) LS_TRY(spss_number(s, v, x));
                }
            } else {
                /* a very long string: segments of 252 bytes in 256-byte (32-slot) variables */
                size_t left = v->width, at = (size_t)v->slot * 8;
                struct ls_buf *b = &s->r.cell;
                ls_buf_reset(b);
                struct ls_buf raw;
                ls_buf_init(&raw, 1u << 16);
                while (left && at < r.len) {
                    size_t seg = v->width > 255 ? (left < 252 ? left : 252) : left;
                    size_t take = seg < r.len - at ? seg : r.len - at;
                    ls_err e = ls_buf_add(&raw, r.ptr + at, take);
                    if (e != LS_OK) break;
                    left -= seg;
                    at += v->width > 255 ? 256 : ((size_t)v->width + 7) / 8 * 8;
                }
                struct ls_slice t = ls_buf_slice(&raw);
                while (t.len && (t.ptr[t.len - 1] == ' ' || t.ptr[t.len - 1] == 0)) t.len--;
                ls_err e = spss_str(s, b, t);
                ls_buf_free(&raw);
                LS_TRY(e);
                is_text = ls_tc_is_text(ls_buf_slice(b));
            }
        }
        LS_TRY(ls_statrow_cell(&s->r, i, is_text));
    }
    LS_TRY(ls_statrow_end(&s->r));
    s->cases_done++;
    if (s->cases_done % SPSS_TICK == 0 && ls_ctx_expired(s->c)) return LS_E_TIMEOUT;
    return LS_OK;
}

/* Very long strings take the slots of their ghost segments: drop the
 * variables that start inside another's slots. */
static void spss_fold(struct spss *s)
{
    unsigned out = 0;
    uint32_t end = 0;
    for (unsigned i = 0; i < s->nv; i++) {
        struct spss_var *v = &s->v[i];
        if (out && v->slot < end) continue;
        uint32_t n = v->width > 255 ? (v->width + 251) / 252 * 32 : v->nslot;
        end = v->slot + n;
        s->v[out++] = *v;
    }
    s->nv = out;
}

static ls_err spss_cases(struct spss *s, size_t pos, bool *cut)
{
    struct ls_slice d = s->d;
    size_t cs = (size_t)s->case_slots * 8;
    uint8_t *sysmis = calloc(s->case_slots ? s->case_slots : 1, 1);
    if (!sysmis) return LS_E_NOMEM;
    ls_err e = LS_OK;
    uint64_t want = s->ncases >= 0 ? (uint64_t)s->ncases : UINT64_MAX;
    if (s->compression == 0) {
        while (e == LS_OK && s->cases_done < want && d.len - pos >= cs) {
            ls_buf_reset(&s->row);
            e = ls_buf_add(&s->row, d.ptr + pos, cs);
            if (e == LS_OK) e = spss_case(s, sysmis);
            pos += cs;
        }
        if (e == LS_OK && s->cases_done < want && s->ncases >= 0) *cut = true;
        free(sysmis);
        return e;
    }
    /* bytecode */
    uint32_t slot = 0;
    bool end = false;
    ls_buf_reset(&s->row);
    while (e == LS_OK && !end && s->cases_done < want) {
        if (d.len - pos < 8) {
            *cut = s->ncases >= 0 || slot != 0;
            break;
        }
        const uint8_t *cmd = d.ptr + pos;
        pos += 8;
        for (int k = 0; k < 8 && e == LS_OK && !end; k++) {
            uint8_t b = cmd[k], raw[8];
            bool miss = false;
            if (b == 0) continue;
            if (b == 252) {
                end = true;
                break;
            }
            if (b == 253) {
                if (d.len - pos < 8) {
                    *cut = true;
                    end = true;
                    break;
                }
                memcpy(raw, d.ptr + pos, 8);
                pos += 8;
            } else if (b == 254) {
                memset(raw, ' ', 8);
            } else if (b == 255) {
                memset(raw, 0, 8);
                miss = true;
            } else {
                double x = (double)b - s->bias;
                uint64_t u;
                memcpy(&u, &x, sizeof u);
                for (int i = 0; i < 8; i++) raw[s->le ? i : 7 - i] = (uint8_t)(u >> (8 * i));
            }
            e = ls_buf_add(&s->row, raw, 8);
            sysmis[slot] = miss;
            if (++slot == s->case_slots) {
                if (e == LS_OK) e = spss_case(s, sysmis);
                ls_buf_reset(&s->row);
                memset(sysmis, 0, s->case_slots);
                slot = 0;
            }
        }
    }
    if (e == LS_OK && s->ncases >= 0 && s->cases_done < want) *cut = true;
    free(sysmis);
    return e;
}

static ls_err spss_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (spss_probe(o) == 0) return LS_E_CORRUPT;
    struct spss s = {.c = c, .o = o, .d = d};
    uint32_t lc = (uint32_t)d.ptr[64] | (uint32_t)d.ptr[65] << 8 | (uint32_t)d.ptr[66] << 16 | (uint32_t)d.ptr[67] << 24;
    s.le = lc == 2 || lc == 3;
    s.compression = (int32_t)spss_u32(&s, d, 72);
    s.ncases = (int32_t)spss_u32(&s, d, 80);
    s.bias = spss_f64(&s, d.ptr + 84);
    if (!(s.bias > -1e6 && s.bias < 1e6)) s.bias = 100;
    if (ls_slice_starts(d, "$FL3", 4) || s.compression == 2) {
        ls_note(c, o, LS_R_UNSUPPORTED, "spss: zlib-compressed cases (.zsav) are not read");
        ls_set_coverage_none(c, o);
        return LS_E_UNSUPPORTED;
    }
    if (s.compression != 0 && s.compression != 1) return LS_E_CORRUPT;
    ls_buf_init(&s.row, SIZE_MAX);
    ls_err e = ls_statrow_init(&s.r, c, o);
    size_t pos = 176;
    bool cut = false;
    if (e == LS_OK) e = spss_dict(&s, &pos);
    if (e == LS_E_TRUNCATED) {
        cut = true;
        e = LS_OK;
        pos = d.len;
    }
    if (e == LS_OK && s.r.line.len) e = ls_statrow_flush(&s.r); /* document lines */
    if (e == LS_OK && s.nv) {
        spss_fold(&s);
        e = spss_header_row(&s);
        if (e == LS_OK && s.case_slots && pos < d.len) e = spss_cases(&s, pos, &cut);
    }
    ls_statrow_free(&s.r);
    ls_buf_free(&s.row);
    free(s.v);
    if (e == LS_E_LIMIT) e = LS_OK;
    if (e == LS_OK && cut) {
        ls_note(c, o, LS_R_TRUNCATED, "spss: %llu of %ld cases are in the file", (unsigned long long)s.cases_done,
                (long)s.ncases);
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_spss = {
    .name = "spss",
    .probe = spss_probe,
    .extract = spss_extract,
};
