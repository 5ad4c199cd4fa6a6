/*
 * Property sets ([MS-OLEPS] 2.20-2.21): the SummaryInformation and
 * DocumentSummaryInformation streams of an OLE2 document, read into
 * "Label: value" text lines (author, last saved by, title, subject,
 * keywords, comments, company, manager, category, user-defined
 * properties with their dictionary names).
 *
 * Supported value types: VT_LPSTR in the set's code page (PID 1: 1200 as
 * UTF-16, 65001 as UTF-8, single-byte and CJK pages through the core tables,
 * others as Windows-1252), VT_LPWSTR. Ignored on purpose:
 * numbers, dates, vectors (TitlesOfParts repeats the body), thumbnails.
 * Attacker-controlled: every count, offset, size and code page.
 */
#include "extract/ole2.h"

#include <stdio.h>
#include <string.h>

#define PS_VT_I2 0x0002
#define PS_VT_LPSTR 0x001E
#define PS_VT_LPWSTR 0x001F
#define PS_CP_UTF16 1200
#define PS_CP_UTF8 65001
/* Properties read per set: real sets have a few dozen. */
#define PS_MAX_PROPS 4096u

struct ps_set {
    struct ole2_job *j;
    struct ls_slice set;  /* the property set, offsets are relative to it */
    uint16_t cp;
    bool docsum;          /* DocumentSummaryInformation section 0 */
    bool user;            /* user-defined section (names from dictionary) */
    struct ls_slice dict; /* dictionary value, if any */
    bool damaged;         /* a listed value lies (partly) outside the set */
};

static const char *ps_label(const struct ps_set *p, uint32_t pid)
{
    if (p->docsum) {
        switch (pid) {
        case 2: return "Category";
        case 14: return "Manager";
        case 15: return "Company";
        case 26: return "Content type";
        case 27: return "Content status";
        default: return NULL;
        }
    }
    switch (pid) {
    case 2: return "Title";
    case 3: return "Subject";
    case 4: return "Author";
    case 5: return "Keywords";
    case 6: return "Comments";
    case 7: return "Template";
    case 8: return "Last saved by";
    case 18: return "Application";
    default: return NULL;
    }
}

/* Value slice of property pid (after the 4-byte type/padding), its type. */
static bool ps_value(struct ps_set *p, uint32_t pid, uint16_t *type, struct ls_slice *val)
{
    uint32_t n = 0;
    if (!ls_rd_u32le(p->set, 4, &n)) return false;
    for (uint32_t i = 0; i < n && i < PS_MAX_PROPS; i++) {
        uint32_t id, off;
        if (!ls_rd_u32le(p->set, 8 + 8 * (size_t)i, &id) || !ls_rd_u32le(p->set, 12 + 8 * (size_t)i, &off))
            return false;
        if (id != pid) continue;
        if (!ls_rd_u16le(p->set, off, type) || !ls_slice_from(p->set, (size_t)off + 4, val)) {
            p->damaged = true;
            return false;
        }
        return true;
    }
    return false;
}

/* The n bytes after v's length field, or what is there (damaged). */
static bool ps_chars(struct ps_set *p, struct ls_slice v, size_t n, struct ls_slice *s)
{
    if (ls_slice_sub(v, 4, n, s)) return true;
    p->damaged = true;
    return ls_slice_from(v, 4, s);
}

/* Emit a string value; label may come from the dictionary. */
static ls_err ps_string(struct ps_set *p, const char *label, uint16_t type, struct ls_slice v)
{
    uint32_t n = 0;
    struct ls_slice s;
    if (!ls_rd_u32le(v, 0, &n)) {
        p->damaged = true;
        return LS_OK;
    }
    if (type == PS_VT_LPWSTR || p->cp == PS_CP_UTF16) {
        size_t bytes = type == PS_VT_LPWSTR ? 2 * (size_t)n : n;
        if (!ps_chars(p, v, bytes, &s)) return LS_OK;
        return ole2_put_field(p->j, label, s, true);
    }
    if (!ps_chars(p, v, n, &s)) return LS_OK;
    const struct ls_codepage *cp = p->cp == 1252 ? NULL : ls_codepage_by_number(p->cp);
    if (p->cp != PS_CP_UTF8 && !cp) return ole2_put_field(p->j, label, s, false);
    size_t z = ls_slice_find(s, 0, "", 1);
    if (z != SIZE_MAX) (void)ls_slice_sub(s, 0, z, &s);
    if (s.len == 0) return LS_OK;
    LS_TRY(ole2_put(p->j, label));
    LS_TRY(ole2_put(p->j, ": "));
    if (cp) LS_TRY(ole2_put_codepage(p->j, cp, s));
    else LS_TRY(ole2_put_n(p->j, s.ptr, s.len)); /* ls_emit_text repairs bad UTF-8 */
    return ole2_put(p->j, "\n");
}

/* Name of pid in the dictionary ([MS-OLEPS] 2.17), as ASCII, or "". */
static void ps_dict_name(const struct ps_set *p, uint32_t pid, char *out, size_t cap)
{
    struct ls_cursor c = ls_cur_make(p->dict);
    uint32_t n = 0;
    out[0] = '\0';
    if (ls_cur_u32le(&c, &n) != LS_OK) return;
    for (uint32_t i = 0; i < n && i < PS_MAX_PROPS; i++) {
        uint32_t id, len;
        struct ls_slice name;
        size_t unit = p->cp == PS_CP_UTF16 ? 2 : 1;
        if (ls_cur_u32le(&c, &id) != LS_OK || ls_cur_u32le(&c, &len) != LS_OK) return;
        if (len > c.in.len || ls_cur_take(&c, (size_t)len * unit, &name) != LS_OK) return;
        if (unit == 2 && (c.pos & 3) && ls_cur_skip(&c, 4 - (c.pos & 3)) != LS_OK) return;
        if (id != pid) continue;
        size_t o = 0;
        for (size_t k = 0; k < name.len && o + 1 < cap; k += unit) {
            int ch = ls_slice_at(name, k);
            if (ch == 0) break;
            out[o++] = ch >= 0x20 && ch < 0x7F ? (char)ch : '?';
        }
        out[o] = '\0';
        return;
    }
}

static ls_err ps_emit_set(struct ps_set *p)
{
    uint16_t type = 0;
    struct ls_slice v;
    uint32_t n = 0;
    p->cp = 1252;
    if (ps_value(p, 1, &type, &v) && type == PS_VT_I2 && !ls_rd_u16le(v, 0, &p->cp))
        p->cp = 1252; /* a cut CodePage value: the default */
    if (p->user) { /* the dictionary (PID 0) is untyped: slice it directly */
        uint32_t off = 0, nn = 0;
        for (uint32_t i = 0; ls_rd_u32le(p->set, 4, &nn) && i < nn && i < PS_MAX_PROPS; i++) {
            uint32_t id = 1;
            if (ls_rd_u32le(p->set, 8 + 8 * (size_t)i, &id) && id == 0 &&
                ls_rd_u32le(p->set, 12 + 8 * (size_t)i, &off))
                (void)ls_slice_from(p->set, off, &p->dict);
        }
    }
    if (!ls_rd_u32le(p->set, 4, &n)) return LS_E_TRUNCATED;
    for (uint32_t i = 0; i < n && i < PS_MAX_PROPS; i++) {
        uint32_t pid = 0;
        char name[128];
        if (!ls_rd_u32le(p->set, 8 + 8 * (size_t)i, &pid)) return LS_E_TRUNCATED;
        if (pid <= 1 || !ps_value(p, pid, &type, &v)) continue;
        if (type != PS_VT_LPSTR && type != PS_VT_LPWSTR) continue;
        const char *label = ps_label(p, pid);
        if (p->user) {
            ps_dict_name(p, pid, name, sizeof name);
            if (!name[0]) (void)snprintf(name, sizeof name, "Property %u", pid);
            label = name;
        }
        if (label) LS_TRY(ps_string(p, label, type, v));
    }
    return p->damaged ? LS_E_TRUNCATED : LS_OK;
}

/* Where the section really starts. Some writers put the section a few
 * bytes after the offset the header gives (padding counted twice): when
 * the size read there cannot be right, step over up to 3 zero bytes and
 * check that size, count and first PID all look like small numbers (POI's
 * HPSF does the same; sweep: POI's hpsf/TestBug52372.doc). */
static uint32_t ps_fix_offset(struct ls_slice s, uint32_t off)
{
    uint32_t size = 0;
    if (ls_rd_u32le(s, off, &size) && size >= 8 && size <= s.len - off) return off;
    for (uint32_t k = 1; k <= 3; k++) {
        if (ls_slice_at(s, off + k - 1) != 0) break;
        uint32_t n = 0, pid = 0;
        uint64_t at = (uint64_t)off + k;
        if (at > UINT32_MAX - 12) break;
        if (!ls_rd_u32le(s, (size_t)at, &size) || !ls_rd_u32le(s, (size_t)at + 4, &n) ||
            !ls_rd_u32le(s, (size_t)at + 8, &pid))
            break;
        if (size >= 8 && size <= s.len - (size_t)at && n < PS_MAX_PROPS && pid < (1u << 24))
            return (uint32_t)at;
    }
    return off;
}

static bool ps_all_zero(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (ls_slice_at(s, i) != 0) return false;
    return true;
}

ls_err ole2_props_stream(struct ole2_job *j, struct ls_slice s, bool docsum)
{
    uint16_t order = 0;
    uint32_t nsets = 0;
    /* An empty or all-zero stream holds nothing (POI's 57843.doc; JExcelAPI
     * writes 4096 zero bytes: Tika's jxl.xls). */
    if (ps_all_zero(s)) return LS_OK;
    LS_FAIL_IF(!ls_rd_u16le(s, 0, &order) || !ls_rd_u32le(s, 24, &nsets), LS_E_TRUNCATED);
    LS_FAIL_IF(order != 0xFFFE, LS_E_CORRUPT);
    if (nsets > 2) nsets = 2;
    ls_err r = LS_OK;
    for (uint32_t k = 0; k < nsets; k++) {
        uint32_t off = 0, size = 0;
        struct ps_set p;
        memset(&p, 0, sizeof p);
        p.j = j;
        p.docsum = docsum && k == 0;
        p.user = docsum && k == 1;
        if (!ls_rd_u32le(s, 44 + 20 * (size_t)k, &off)) return LS_E_TRUNCATED;
        off = ps_fix_offset(s, off);
        if (!ls_rd_u32le(s, off, &size)) return LS_E_TRUNCATED;
        /* Values are found by their offsets; the section size is not
         * trusted either way: past the stream's end (writers counting
         * padding they never write: POI's bug55505.xls, NoGutsRecords.xls)
         * or too small for its own values (POI's 42726.xls: 72 bytes
         * declared, values up to a 91 KiB thumbnail). As POI does, the
         * set reaches to the end of the stream; values that really are
         * cut mark it damaged in ps_emit_set. */
        (void)size;
        if (!ls_slice_from(s, off, &p.set)) break;
        ls_err e = ps_emit_set(&p);
        if (e == LS_E_LIMIT) return e;
        if (e != LS_OK) r = e;
    }
    return r;
}

ls_err ole2_props_extract(struct ole2_job *j, uint32_t st)
{
    static const char *const names[2] = {"\005SummaryInformation", "\005DocumentSummaryInformation"};
    ls_err r = LS_OK;
    for (int k = 0; k < 2; k++) {
        struct ls_buf b;
        ls_buf_init(&b, j->f->data.len);
        ls_err e = ole2_read_named(j, st, names[k], &b);
        if (e == LS_E_ARG) {
            ls_buf_free(&b);
            continue;
        }
        if (e == LS_OK || e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
            ls_err p = ole2_props_stream(j, ls_buf_slice(&b), k == 1);
            if (p != LS_OK && p != LS_E_LIMIT)
                ls_note(j->c, j->o, LS_R_PARSE_ERROR, "ole2: property set '%s' damaged", names[k] + 1);
            if (e == LS_OK) e = p;
        }
        ls_buf_free(&b);
        if (e == LS_E_NOMEM || e == LS_E_LIMIT) return e;
        if (e != LS_OK) r = e;
    }
    return r;
}
