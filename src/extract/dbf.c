/*
 * dBASE, FoxPro, Clipper and Visual FoxPro tables (.dbf; the attribute
 * table of every ESRI shapefile): the field names as a header row, then
 * every record as a tab-separated line, then the records marked deleted
 * (still in the file) under a line of their own.
 *
 * Layout: a 32-byte header (version, last update, record count, header
 * size, record size, a dBASE IV encryption flag at 15, the language driver
 * at 29), 32-byte field descriptors (name, type, size, decimals) ended by
 * 0x0D, then fixed-size records, each a deletion flag (' ' or '*') and the
 * fields' bytes. Character fields are text in the language driver's code
 * page; numbers, dates and logicals are ASCII; Visual FoxPro adds binary
 * integers, currency, doubles and date-times. Memo, general and picture
 * fields point into a separate .dbt/.fpt file, which is read on its own.
 * dBASE 7 (level 7) has a 68-byte header and 48-byte descriptors.
 *
 * Attacker-controlled: every count and size. Records past the header's
 * count are read while they start with a deletion flag; bytes no field
 * holds (header padding, data after the end mark) make the table
 * `parse_error` so that its raw bytes are scanned too.
 *
 * The rows go through the table labeller (tablectx.h), so an SSN stored
 * as the number 536221874 in a field named SSN reads "SSN: 536221874".
 */
#include "core/handler.h"
#include "extract/sheetdate.h"
#include "extract/tablectx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DBF_HEADER 32u
#define DBF_FIELD 32u
#define DBF_MAX_FIELDS 2048u
#define DBF_TICK 1024u /* records between deadline checks */

struct dbf_field {
    char name[33];
    uint8_t type;
    uint32_t off; /* within the record, after the deletion flag */
    uint32_t len;
    uint8_t dec;
};

struct dbf {
    struct ls_ctx *c;
    struct ls_object *o;
    const struct ls_codepage *cp; /* NULL: Windows-1252 */
    bool utf8;                    /* no language driver and the text is UTF-8 */
    bool v7;                      /* dBASE 7: integers big-endian, sign bit flipped */
    struct dbf_field *f;
    unsigned nf;
    uint32_t reclen;
    struct ls_buf line, cell;
    struct ls_tablectx tc;
    bool full; /* the text budget is spent */
};

static bool dbf_version(uint8_t v)
{
    switch (v) {
    case 0x02: case 0x03: case 0x04: case 0x05: case 0x07: case 0x30: case 0x31: case 0x32:
    case 0x43: case 0x63: case 0x7B: case 0x83: case 0x87: case 0x8B: case 0x8C: case 0x8E: case 0xB3:
    case 0xCB: case 0xE5: case 0xF5: case 0xFB:
        return true;
    default:
        return false;
    }
}

static bool dbf_type(uint8_t t)
{
    return strchr("CNFDLMIBYTGPV0Q+O@W", t) != NULL && t != 0;
}

static bool dbf_vfp(uint8_t v)
{
    return v == 0x30 || v == 0x31 || v == 0x32;
}

/* The language driver id (byte 29) to a code page; NULL: Windows-1252 or
 * (id 0) unknown. */
static const struct ls_codepage *dbf_codepage(uint8_t id, bool *known)
{
    static const struct {
        uint8_t id;
        uint16_t cp;
    } map[] = {
        {0x01, 437},  {0x02, 850},  {0x03, 1252}, {0x04, 10000}, {0x08, 865},  {0x09, 437},
        {0x0A, 850},  {0x0B, 437},  {0x0D, 437},  {0x0E, 850},   {0x0F, 437},  {0x10, 850},
        {0x11, 437},  {0x12, 850},  {0x13, 932},  {0x14, 850},   {0x15, 437},  {0x16, 850},
        {0x17, 865},  {0x18, 437},  {0x19, 437},  {0x1A, 850},   {0x1B, 437},  {0x1C, 863},
        {0x1D, 850},  {0x1F, 852},  {0x22, 852},  {0x23, 852},   {0x24, 860},  {0x25, 850},
        {0x26, 866},  {0x37, 850},  {0x40, 852},  {0x4D, 936},   {0x4E, 949},  {0x4F, 950},
        {0x50, 874},  {0x57, 1252}, {0x58, 1252}, {0x59, 1252},  {0x64, 852},  {0x65, 866},
        {0x66, 865},  {0x67, 861},  {0x6A, 737},  {0x6B, 857},   {0x6C, 863},  {0x78, 950},
        {0x79, 949},  {0x7A, 936},  {0x7B, 932},  {0x7C, 874},   {0x7D, 1255}, {0x7E, 1256},
        {0x86, 737},  {0x87, 852},  {0x88, 857},  {0x96, 10007}, {0x97, 10029}, {0x98, 10006},
        {0xC8, 1250}, {0xC9, 1251}, {0xCA, 1254}, {0xCB, 1253},  {0xCC, 1257},
    };
    *known = false;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (map[i].id != id) continue;
        *known = true;
        return map[i].cp == 1252 ? NULL : ls_codepage_by_number(map[i].cp);
    }
    return NULL;
}

/* Header and field descriptors; false if this is no table. Level 7
 * (dBASE 7: versions 0x04 and 0x8C) has a 68-byte header (a language
 * driver name at 32) and 48-byte descriptors (a 32-byte name, then type,
 * size, decimals); a version 0x04 table that does not parse so is tried
 * with the 32-byte layout of the others. */
static bool dbf_parse_as(struct ls_slice d, bool v7, struct dbf_field *f, unsigned *nf, uint32_t *nrec,
                         uint16_t *hlen, uint16_t *rlen, size_t *term)
{
    const size_t first = v7 ? 68 : DBF_HEADER, step = v7 ? 48 : DBF_FIELD, name_max = v7 ? 32 : 11;
    const size_t type_at = v7 ? 32 : 11, len_at = v7 ? 33 : 16, dec_at = v7 ? 34 : 17;
    if (d.len < DBF_HEADER + DBF_FIELD + 1 || !dbf_version(d.ptr[0])) return false;
    if (d.ptr[2] > 12 || d.ptr[3] > 31) return false; /* the last update's month and day */
    if (!ls_rd_u32le(d, 4, nrec) || !ls_rd_u16le(d, 8, hlen) || !ls_rd_u16le(d, 10, rlen)) return false;
    if (*hlen < first + 1 || *hlen < DBF_HEADER + DBF_FIELD + 1 || *rlen < 2) return false;
    uint32_t sum = 1;
    unsigned n = 0;
    size_t at = first;
    bool vfp = dbf_vfp(d.ptr[0]);
    for (;; at += step) {
        if (at >= d.len || at >= *hlen) return false;
        if (d.ptr[at] == 0x0D) break;
        if (at + step > d.len || n >= DBF_MAX_FIELDS) return false;
        const uint8_t *p = d.ptr + at;
        uint8_t type = p[type_at];
        uint32_t len = p[len_at];
        if (type == 'C' && !vfp) len |= (uint32_t)p[dec_at] << 8; /* Clipper, dBASE 7: long character fields */
        if (!dbf_type(type) || len == 0) return false;
        size_t k = 0;
        for (; k < name_max && p[k]; k++)
            if (p[k] < 0x20 || p[k] >= 0x7F) return false;
        if (k == 0) return false;
        if (f) {
            memcpy(f[n].name, p, k);
            f[n].name[k] = '\0';
            f[n].type = type;
            f[n].off = sum - 1;
            f[n].len = len;
            f[n].dec = p[dec_at];
        }
        sum += len;
        n++;
    }
    if (n == 0 || sum != *rlen) return false;
    *nf = n;
    *term = at;
    return true;
}

static bool dbf_parse(struct ls_slice d, struct dbf_field *f, unsigned *nf, uint32_t *nrec, uint16_t *hlen,
                      uint16_t *rlen, size_t *term, bool *v7)
{
    *v7 = d.len && (d.ptr[0] == 0x04 || d.ptr[0] == 0x8C);
    if (*v7 && dbf_parse_as(d, true, f, nf, nrec, hlen, rlen, term)) return true;
    bool classic = !*v7 || d.ptr[0] == 0x04;
    *v7 = false;
    return classic && dbf_parse_as(d, false, f, nf, nrec, hlen, rlen, term);
}

static int dbf_probe(const struct ls_object *o)
{
    uint32_t nrec;
    uint16_t hlen, rlen;
    unsigned nf;
    size_t term;
    bool v7;
    return dbf_parse(o->data, NULL, &nf, &nrec, &hlen, &rlen, &term, &v7) ? 80 : 0;
}

static ls_err dbf_emit(struct dbf *t)
{
    if (t->full) return LS_E_LIMIT;
    ls_err e = ls_emit_text(t->c, t->o, t->line.ptr, t->line.len);
    ls_buf_reset(&t->line);
    if (e == LS_E_LIMIT) t->full = true;
    return e;
}

/* Trim blanks and NULs at both ends. */
static struct ls_slice dbf_trim(struct ls_slice s)
{
    while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == 0)) s.ptr++, s.len--;
    while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == 0)) s.len--;
    return s;
}

/* Julian day number to "YYYY-MM-DD" (proleptic Gregorian). */
static size_t dbf_julian(uint32_t jd, char *out, size_t cap)
{
    if (jd < 1721426u || jd > 5373484u) return 0; /* 0001-01-01 .. 9999-12-31 */
    int64_t l = (int64_t)jd + 68569, n = 4 * l / 146097;
    l -= (146097 * n + 3) / 4;
    int64_t i = 4000 * (l + 1) / 1461001;
    l = l - 1461 * i / 4 + 31;
    int64_t j = 80 * l / 2447, day = l - 2447 * j / 80;
    l = j / 11;
    int64_t month = j + 2 - 12 * l, year = 100 * (n - 49) + i + l;
    int w = snprintf(out, cap, "%04d-%02d-%02d", (int)year, (int)month, (int)day);
    return w > 0 && (size_t)w < cap ? (size_t)w : 0;
}

/* A field stored as ASCII (numbers, logicals, odd dates): trimmed,
 * anything else than printable ASCII a space. */
static ls_err dbf_ascii(struct dbf *t, struct ls_slice v)
{
    struct ls_slice s = dbf_trim(v);
    for (size_t k = 0; k < s.len; k++)
        LS_TRY(ls_buf_addc(&t->cell, s.ptr[k] < 0x20 || s.ptr[k] > 0x7E ? ' ' : s.ptr[k]));
    return LS_OK;
}

static bool dbf_digits(struct ls_slice s)
{
    for (size_t k = 0; k < s.len; k++)
        if (s.ptr[k] < '0' || s.ptr[k] > '9') return false;
    return true;
}

/* One field's value into t->cell; *is_text: a string (not a number/date). */
static ls_err dbf_value(struct dbf *t, const struct dbf_field *f, struct ls_slice v, bool *is_text)
{
    char num[64];
    size_t n = 0;
    uint32_t u32 = 0;
    uint64_t u64 = 0;
    *is_text = false;
    ls_buf_reset(&t->cell);
    switch (f->type) {
    case 'C':
    case 'V': {
        struct ls_slice s = dbf_trim(v);
        if (t->utf8) LS_TRY(ls_buf_add(&t->cell, s.ptr, s.len));
        else LS_TRY(ls_codepage_to_utf8(&t->cell, s, t->cp));
        *is_text = ls_tc_is_text(ls_buf_slice(&t->cell));
        return LS_OK;
    }
    case 'N':
    case 'F':
    case 'L':
    case 'Q': /* Visual FoxPro varbinary: in the record, not in the memo file */
        return dbf_ascii(t, v);
    case 'D': {
        struct ls_slice s = dbf_trim(v);
        if (s.len == 8 && dbf_digits(s))
            return ls_buf_printf(&t->cell, "%.4s-%.2s-%.2s", (const char *)s.ptr, (const char *)s.ptr + 4,
                                 (const char *)s.ptr + 6);
        return dbf_ascii(t, v);
    }
    case 'I':
    case '+':
        if (v.len != 4 || !ls_rd_u32le(v, 0, &u32)) return LS_OK;
        if (t->v7) /* big-endian, the sign bit flipped (so that the bytes sort as the numbers) */
            u32 = ((uint32_t)v.ptr[0] << 24 | (uint32_t)v.ptr[1] << 16 | (uint32_t)v.ptr[2] << 8 | v.ptr[3]) ^ 0x80000000u;
        else if (f->type == '+')
            u32 ^= 0x80000000u;
        return ls_buf_printf(&t->cell, "%ld", (long)(int32_t)u32);
    case 'Y': {
        if (v.len != 8 || !ls_rd_u64le(v, 0, &u64)) return LS_OK;
        bool neg = (u64 >> 63) != 0;
        uint64_t a = neg ? (uint64_t)0 - u64 : u64;
        return ls_buf_printf(&t->cell, "%s%llu.%04llu", neg ? "-" : "", (unsigned long long)(a / 10000),
                             (unsigned long long)(a % 10000));
    }
    case 'B':
    case 'O': {
        if (v.len != 8 || !ls_rd_u64le(v, 0, &u64)) return LS_OK; /* dBASE IV B: a memo block */
        double x;
        memcpy(&x, &u64, sizeof x);
        n = ls_sheet_number(x, num, sizeof num);
        return ls_buf_add(&t->cell, num, n);
    }
    case 'T':
    case '@':
        if (v.len == 8 && ls_rd_u32le(v, 0, &u32) && u32) n = dbf_julian(u32, num, sizeof num);
        return n ? ls_buf_add(&t->cell, num, n) : LS_OK;
    default:
        return LS_OK; /* memo, general, picture, blob (pointers into the memo file), _NullFlags */
    }
}

/* Append a value to the line: tabs and line breaks inside it become spaces. */
static ls_err dbf_put(struct ls_buf *b, struct ls_slice v)
{
    for (size_t i = 0; i < v.len; i++) LS_TRY(ls_buf_addc(b, v.ptr[i] < 0x20 ? ' ' : v.ptr[i]));
    return LS_OK;
}

static ls_err dbf_header_row(struct dbf *t)
{
    for (unsigned i = 0; i < t->nf; i++) {
        if (i) LS_TRY(ls_buf_addc(&t->line, '\t'));
        struct ls_slice name = ls_slice_make(t->f[i].name, strlen(t->f[i].name));
        LS_TRY(ls_buf_add(&t->line, name.ptr, name.len));
        ls_tc_cell(&t->tc, i, name, true);
    }
    LS_TRY(ls_buf_addc(&t->line, '\n'));
    LS_TRY(dbf_emit(t));
    return ls_tc_row_end(&t->tc, t->c, t->o);
}

static ls_err dbf_record(struct dbf *t, struct ls_slice rec)
{
    for (unsigned i = 0; i < t->nf; i++) {
        const struct dbf_field *f = &t->f[i];
        struct ls_slice v;
        if (!ls_slice_sub(rec, 1 + (size_t)f->off, f->len, &v)) return LS_E_CORRUPT;
        bool is_text = false;
        LS_TRY(dbf_value(t, f, v, &is_text));
        if (i) LS_TRY(ls_buf_addc(&t->line, '\t'));
        LS_TRY(dbf_put(&t->line, ls_buf_slice(&t->cell)));
        ls_tc_cell(&t->tc, i, ls_buf_slice(&t->cell), is_text);
    }
    LS_TRY(ls_buf_addc(&t->line, '\n'));
    LS_TRY(dbf_emit(t));
    return ls_tc_row_end(&t->tc, t->c, t->o);
}

/* Whether the character fields of the first records are UTF-8 with
 * something above ASCII (a table written without a language driver by a
 * tool that writes UTF-8, as GDAL does for shapefiles). */
static bool dbf_looks_utf8(const struct dbf *t, struct ls_slice recs, uint32_t n)
{
    bool high = false;
    for (uint32_t r = 0; r < n && r < 256; r++) {
        for (unsigned i = 0; i < t->nf; i++) {
            if (t->f[i].type != 'C') continue;
            struct ls_slice v;
            if (!ls_slice_sub(recs, (size_t)r * t->reclen + 1 + t->f[i].off, t->f[i].len, &v)) return high;
            for (size_t k = 0; k < v.len; k++) high |= v.ptr[k] >= 0x80;
            /* a field may cut a character at its end: only judge what is whole */
            v = dbf_trim(v);
            while (v.len && (v.ptr[v.len - 1] & 0xC0) == 0x80) v.len--;
            if (v.len && v.ptr[v.len - 1] >= 0xC0) v.len--;
            if (!ls_utf8_valid(v)) return false;
        }
    }
    return high;
}

static ls_err dbf_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    uint32_t nrec = 0;
    uint16_t hlen = 0, rlen = 0;
    unsigned nf = 0;
    size_t term = 0;
    bool v7 = false;
    if (!dbf_parse(d, NULL, &nf, &nrec, &hlen, &rlen, &term, &v7)) return LS_E_CORRUPT;
    /* dBASE IV keeps version 0x03 for a table without memo fields: the
     * flag is believed there when the counted records do not all start with
     * a deletion flag (a dBASE III writer may leave the reserved byte set) */
    bool iv03 = false;
    for (size_t k = hlen, r = 0; d.ptr[0] == 0x03 && !iv03 && r < nrec && r < 256 && k + rlen <= d.len; k += rlen, r++)
        iv03 = d.ptr[k] != ' ' && d.ptr[k] != '*';
    if (d.ptr[0] == 0x8B || d.ptr[0] == 0x04 || d.ptr[0] == 0x8C || d.ptr[0] == 0x7B || d.ptr[0] == 0xCB ||
        d.ptr[0] == 0x63 || d.ptr[0] == 0x43 || iv03) {
        if (d.ptr[15] == 0x01) { /* dBASE IV: the records are enciphered */
            ls_note(c, o, LS_R_ENCRYPTED, "dbf: the table is encrypted (dBASE IV)");
            ls_set_coverage_none(c, o);
            return LS_E_ENCRYPTED;
        }
    }
    struct dbf t = {.c = c, .o = o, .nf = nf, .reclen = rlen, .v7 = v7};
    t.f = calloc(nf, sizeof *t.f);
    if (!t.f) return LS_E_NOMEM;
    (void)dbf_parse(d, t.f, &nf, &nrec, &hlen, &rlen, &term, &v7);
    bool known = false;
    t.cp = dbf_codepage(d.ptr[29], &known);
    ls_buf_init(&t.line, SIZE_MAX);
    ls_buf_init(&t.cell, SIZE_MAX);
    ls_err e = ls_tc_init(&t.tc);
    uint32_t have = d.len > hlen ? (uint32_t)((d.len - hlen) / rlen) : 0;
    bool cut = have < nrec;
    uint32_t n = cut ? have : nrec;
    struct ls_slice recs = ls_slice_make(d.ptr + (d.len > hlen ? hlen : d.len), d.len > hlen ? d.len - hlen : 0);
    /* Whole records past the count (a count not updated after a crash, or
     * set low to hide them) are read while they start with a deletion flag;
     * 0x1A, the end mark, ends them. */
    uint32_t counted = n;
    while (n < have && (recs.ptr[(size_t)n * rlen] == ' ' || recs.ptr[(size_t)n * rlen] == '*')) n++;
    if (n > counted)
        ls_note(c, o, NULL, "dbf: the header counts %lu records; %lu more follow and are read", (unsigned long)nrec,
                (unsigned long)(n - counted));
    /* Bytes no record or field holds: in the header after the descriptors
     * (Visual FoxPro keeps a 263-byte backlink there) or after the last
     * record (but the end mark) make the table `parse_error`, so its raw
     * bytes are scanned too. */
    size_t gap_from = term + 1 + (dbf_vfp(d.ptr[0]) ? 263 : 0), tail_from = hlen + (size_t)n * rlen;
    size_t odd = 0;
    for (size_t k = gap_from; k < hlen && k < d.len; k++) odd += d.ptr[k] != 0 && d.ptr[k] != 0x0D && d.ptr[k] != 0x1A;
    for (size_t k = tail_from; !cut && k < d.len; k++) odd += d.ptr[k] != 0 && d.ptr[k] != 0x1A && d.ptr[k] != ' ';
    if (odd)
        ls_note(c, o, LS_R_PARSE_ERROR, "dbf: %zu bytes in the header's padding or after the last record hold no field",
                odd);
    if (!known) t.utf8 = dbf_looks_utf8(&t, recs, n);
    if (e == LS_OK) e = dbf_header_row(&t);
    /* live records first, then the deleted ones (still in the file) */
    for (int pass = 0; pass < 2 && e == LS_OK; pass++) {
        bool said = false;
        for (uint32_t r = 0; r < n && e == LS_OK; r++) {
            struct ls_slice rec = ls_slice_make(recs.ptr + (size_t)r * rlen, rlen);
            bool deleted = rec.ptr[0] == '*';
            if (deleted != (pass == 1)) continue;
            if (deleted && !said) {
                said = true;
                e = ls_buf_adds(&t.line, "[deleted records]\n");
                if (e == LS_OK) e = dbf_emit(&t);
                if (e != LS_OK) break;
            }
            e = dbf_record(&t, rec);
            if (e == LS_OK && r % DBF_TICK == DBF_TICK - 1 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
        }
    }
    ls_tc_free(&t.tc);
    ls_buf_free(&t.line);
    ls_buf_free(&t.cell);
    free(t.f);
    if (e == LS_E_LIMIT) e = LS_OK; /* the pipeline noted limit:text */
    if (e == LS_OK && cut) {
        ls_note(c, o, LS_R_TRUNCATED, "dbf: %lu of %lu records are in the file", (unsigned long)have,
                (unsigned long)nrec);
        e = LS_E_TRUNCATED;
    }
    return e;
}

const struct ls_handler ls_handler_dbf = {
    .name = "dbf",
    .probe = dbf_probe,
    .extract = dbf_extract,
};
