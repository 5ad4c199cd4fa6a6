/*
 * SAS transport files (.xpt, XPORT version 5: the FDA's submission format
 * and SAS's exchange format): each member's variable labels (their names
 * when a variable has no label) as a header row, then every observation
 * as a tab-separated line, through the table labeller (tablectx.h).
 *
 * Layout (SAS technical support TS-140, "The record layout of a data set
 * in SAS transport (XPORT) format"): 80-byte records; a library header
 * ("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000..."), two
 * records of creation data, then per member a member header, a
 * descriptor header and two records (the data set's name and label), a
 * NAMESTR header whose columns 55-58 give the variable count, the
 * 140-byte namestr records (type 1 number / 2 characters, length, name,
 * label, format, position in the observation), padded to 80, the OBS
 * header, then the observations back to back, padded with blanks to 80.
 * Numbers are IBM System/360 hexadecimal floats cut to their length (2-8
 * bytes); a missing value is '.', '_' or a letter followed by zeros.
 * Dates by the variable's format as in sas7bdat.c.
 *
 * Not read: version 8/9 transport files (LIBV8: longer names and labels;
 * noted unsupported), CPORT files. Attacker-controlled: the variable
 * count, every namestr's length and position (checked against the
 * observation length).
 */
#include "core/handler.h"
#include "core/ls_date.h"
#include "extract/sheetdate.h"
#include "extract/statrow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XPT_REC 80u
#define XPT_NAMESTR 140u
#define XPT_TICK 1024u

static const char xpt_lib[] = "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!";
static const char xpt_lib8[] = "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!";
static const char xpt_member[] = "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!";
static const char xpt_namestr[] = "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!";
static const char xpt_obs[] = "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!";

enum xpt_kind { XPT_NUM, XPT_DATE, XPT_DATETIME, XPT_TIME };

struct xpt_var {
    uint8_t type, kind;
    uint16_t len;
    uint32_t pos;
    struct ls_slice name, label;
};

struct xpt {
    struct ls_statrow r;
    uint64_t rows;
};

static int xpt_probe(const struct ls_object *o)
{
    if (ls_slice_starts(o->data, xpt_lib, sizeof xpt_lib - 1) || ls_slice_starts(o->data, xpt_lib8, sizeof xpt_lib8 - 1))
        return 100;
    return 0;
}

static uint32_t xpt_be(struct ls_slice p, size_t off, unsigned w)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < w && off + i < p.len; i++) v = v << 8 | p.ptr[off + i];
    return v;
}

static struct ls_slice xpt_trim(struct ls_slice t)
{
    while (t.len && (t.ptr[t.len - 1] == ' ' || t.ptr[t.len - 1] == 0)) t.len--;
    while (t.len && t.ptr[0] == ' ') t.ptr++, t.len--;
    return t;
}

static bool xpt_fmt_is(struct ls_slice f, const char *p)
{
    size_t n = strlen(p);
    if (f.len < n) return false;
    for (size_t i = 0; i < n; i++)
        if ((f.ptr[i] & 0xDF) != (uint8_t)p[i]) return false;
    return true;
}

static enum xpt_kind xpt_kind_of(struct ls_slice f)
{
    static const char *const dt[] = {"DATETIME", "DATEAMPM", "E8601DT", "B8601DT", "NLDATM", "IS8601DT"};
    static const char *const da[] = {"DATE", "MMDDYY", "DDMMYY", "YYMMDD", "E8601DA", "B8601DA", "WEEKDAT",
                                     "WORDDAT", "MONYY", "YYMON", "JULIAN", "MMYY", "YYMM", "NLDATE", "EURDF",
                                     "YYQ", "IS8601DA"};
    static const char *const tm[] = {"TIME", "HHMM", "TOD", "E8601TM", "B8601TM", "IS8601TM"};
    for (size_t i = 0; i < sizeof dt / sizeof *dt; i++)
        if (xpt_fmt_is(f, dt[i])) return XPT_DATETIME;
    for (size_t i = 0; i < sizeof da / sizeof *da; i++)
        if (xpt_fmt_is(f, da[i])) return XPT_DATE;
    for (size_t i = 0; i < sizeof tm / sizeof *tm; i++)
        if (xpt_fmt_is(f, tm[i])) return XPT_TIME;
    return XPT_NUM;
}

static bool xpt_when(struct ls_buf *b, double v, enum xpt_kind k)
{
    if (k == XPT_TIME) {
        if (v < 0 || v >= 86400 * 365.0) return false;
        uint64_t t = (uint64_t)v;
        return ls_buf_printf(b, "%02u:%02u:%02u", (unsigned)(t / 3600), (unsigned)(t / 60 % 60), (unsigned)(t % 60)) ==
               LS_OK;
    }
    double days = k == XPT_DATE ? floor(v) : floor(v / 86400);
    if (!(days > -700000 && days < 2900000)) return false;
    int64_t y;
    unsigned m, d;
    ls_civil_from_days((int64_t)days - 3653, &y, &m, &d);
    if (y < 1 || y > 9999) return false;
    if (ls_buf_printf(b, "%04d-%02u-%02u", (int)y, m, d) != LS_OK) return false;
    if (k == XPT_DATETIME) {
        double s = v - days * 86400;
        uint64_t t = s >= 0 && s < 86400 ? (uint64_t)s : 0;
        if (ls_buf_printf(b, " %02u:%02u:%02u", (unsigned)(t / 3600), (unsigned)(t / 60 % 60), (unsigned)(t % 60)) !=
            LS_OK)
            return false;
    }
    return true;
}

/* IBM hexadecimal float (sign, 7-bit excess-64 exponent of 16, 56-bit
 * fraction), cut to v.len bytes; false for a missing value. */
static bool xpt_ibm(struct ls_slice v, double *out)
{
    uint8_t b[8] = {0};
    memcpy(b, v.ptr, v.len < 8 ? v.len : 8);
    bool rest_zero = true;
    for (int i = 1; i < 8; i++) rest_zero &= b[i] == 0;
    if (rest_zero && (b[0] == '.' || b[0] == '_' || (b[0] >= 'A' && b[0] <= 'Z'))) return false;
    uint64_t frac = 0;
    for (int i = 1; i < 8; i++) frac = frac << 8 | b[i];
    int exp = (b[0] & 0x7F) - 64;
    double x = ldexp((double)frac, 4 * exp - 56);
    *out = b[0] & 0x80 ? -x : x;
    return true;
}

static ls_err xpt_value(struct xpt *x, const struct xpt_var *v, struct ls_slice p, bool *is_text)
{
    ls_buf_reset(&x->r.cell);
    *is_text = false;
    if (v->type == 2) {
        LS_TRY(ls_codepage_to_utf8(&x->r.cell, xpt_trim(p), NULL));
        *is_text = ls_tc_is_text(ls_buf_slice(&x->r.cell));
        return LS_OK;
    }
    double d;
    if (!xpt_ibm(p, &d)) return LS_OK;
    if (v->kind != XPT_NUM && xpt_when(&x->r.cell, d, (enum xpt_kind)v->kind)) return LS_OK;
    ls_buf_reset(&x->r.cell);
    char num[64];
    size_t n = ls_sheet_number(d, num, sizeof num);
    return ls_buf_add(&x->r.cell, num, n);
}

/* One member from its NAMESTR header at off; *next: the next member header or the end. */
static ls_err xpt_member_read(struct xpt *x, struct ls_slice d, size_t off, size_t *next, bool *cut)
{
    struct ls_slice hdr;
    *next = d.len;
    if (!ls_slice_sub(d, off, XPT_REC, &hdr)) return LS_E_TRUNCATED;
    unsigned nvar = 0;
    for (size_t k = 54; k < 58; k++) {
        int ch = ls_slice_at(hdr, k);
        if (ch < '0' || ch > '9') return LS_E_CORRUPT;
        nvar = nvar * 10 + (unsigned)(ch - '0');
    }
    size_t ns = off + XPT_REC;
    if (nvar == 0 || (size_t)nvar * XPT_NAMESTR > d.len - ns) return LS_E_TRUNCATED;
    struct xpt_var *v = calloc(nvar, sizeof *v);
    if (!v) return LS_E_NOMEM;
    uint64_t obs_len = 0;
    for (unsigned i = 0; i < nvar; i++) {
        struct ls_slice r = ls_slice_make(d.ptr + ns + (size_t)i * XPT_NAMESTR, XPT_NAMESTR);
        v[i].type = (uint8_t)xpt_be(r, 0, 2);
        v[i].len = (uint16_t)xpt_be(r, 4, 2);
        v[i].name = xpt_trim(ls_slice_make(r.ptr + 8, 8));
        v[i].label = xpt_trim(ls_slice_make(r.ptr + 16, 40));
        v[i].kind = (uint8_t)xpt_kind_of(xpt_trim(ls_slice_make(r.ptr + 56, 8)));
        v[i].pos = xpt_be(r, 84, 4);
        if ((uint64_t)v[i].pos + v[i].len > obs_len) obs_len = (uint64_t)v[i].pos + v[i].len;
    }
    size_t obs = ns + ((size_t)nvar * XPT_NAMESTR + XPT_REC - 1) / XPT_REC * XPT_REC;
    ls_err e = LS_OK;
    if (obs > d.len || d.len - obs < XPT_REC || memcmp(d.ptr + obs, xpt_obs, sizeof xpt_obs - 1) != 0) {
        e = LS_E_TRUNCATED;
        goto out;
    }
    obs += XPT_REC;
    size_t end = ls_slice_find(d, obs, xpt_member, sizeof xpt_member - 1);
    while (end != SIZE_MAX && (end - obs) % XPT_REC) end = ls_slice_find(d, end + 1, xpt_member, sizeof xpt_member - 1);
    *next = end == SIZE_MAX ? d.len : end;
    for (unsigned i = 0; i < nvar && e == LS_OK; i++) {
        struct ls_slice t = v[i].label.len ? v[i].label : v[i].name;
        ls_buf_reset(&x->r.cell);
        e = ls_codepage_to_utf8(&x->r.cell, t, NULL);
        if (e == LS_OK) e = ls_statrow_cell(&x->r, i, true);
    }
    if (e == LS_OK) e = ls_statrow_end(&x->r);
    if (obs_len == 0 || obs_len > (1u << 20)) goto out;
    for (size_t at = obs; e == LS_OK && *next - at >= obs_len && at < *next; at += (size_t)obs_len) {
        struct ls_slice row = ls_slice_make(d.ptr + at, (size_t)obs_len);
        bool blank = true;
        for (size_t k = 0; k < row.len && blank; k++) blank = row.ptr[k] == ' ';
        if (blank && *next - at < XPT_REC) break; /* the padding */
        for (unsigned i = 0; i < nvar && e == LS_OK; i++) {
            bool is_text = false;
            e = xpt_value(x, &v[i], ls_slice_make(row.ptr + v[i].pos, v[i].len), &is_text);
            if (e == LS_OK) e = ls_statrow_cell(&x->r, i, is_text);
        }
        if (e == LS_OK) e = ls_statrow_end(&x->r);
        if (e == LS_OK && ++x->rows % XPT_TICK == 0 && ls_ctx_expired(x->r.c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK && end == SIZE_MAX && (d.len - obs) % XPT_REC) *cut = true;
out:
    free(v);
    return e;
}

static ls_err xpt_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (ls_slice_starts(d, xpt_lib8, sizeof xpt_lib8 - 1)) {
        ls_note(c, o, LS_R_UNSUPPORTED, "xpt: version 8 transport files are not read");
        return LS_E_UNSUPPORTED;
    }
    struct xpt x = {.rows = 0};
    ls_err e = ls_statrow_init(&x.r, c, o);
    bool cut = false;
    size_t at = 0;
    unsigned members = 0;
    while (e == LS_OK && at < d.len) {
        size_t m = ls_slice_find(d, at, xpt_member, sizeof xpt_member - 1);
        if (m == SIZE_MAX) break;
        size_t ns = ls_slice_find(d, m, xpt_namestr, sizeof xpt_namestr - 1);
        if (ns == SIZE_MAX) {
            cut = true;
            break;
        }
        if (members++) {
            ls_tc_reset(&x.r.tc);
            e = ls_emit_text(c, o, "\n", 1);
            if (e != LS_OK) break;
        }
        size_t next = d.len;
        e = xpt_member_read(&x, d, ns, &next, &cut);
        if (next <= at) break;
        at = next;
    }
    ls_statrow_free(&x.r);
    if (e == LS_E_LIMIT) e = LS_OK;
    if (e == LS_E_TRUNCATED) cut = true, e = LS_OK;
    if (e == LS_OK && members == 0) e = LS_E_CORRUPT;
    if (e == LS_OK && cut) {
        ls_note(c, o, LS_R_TRUNCATED, "xpt: the file ends inside a member");
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_xpt = {
    .name = "xpt",
    .probe = xpt_probe,
    .extract = xpt_extract,
};
