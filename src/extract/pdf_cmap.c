/*
 * PDF text decoding helpers: ToUnicode CMaps (ISO 32000-1 9.10.3, Adobe
 * technical note #5411: codespacerange, bfchar, bfrange with incrementing
 * or array destinations), the code-to-CID CMaps of Type0 fonts (9.7.5,
 * Adobe technical note #5014: cidrange, cidchar, notdefrange, usecmap),
 * whether embedded as a font's /Encoding stream or predefined (poppler-
 * data's cMap files, loaded before the fork by pdf_cidu.c), PDF text strings (7.9.2.2: UTF-16BE with BOM,
 * PDFDocEncoding; UTF-8 with BOM from PDF 2.0), and glyph names of
 * /Differences arrays (Adobe Glyph List names: Latin with diacritics,
 * Greek, the afii Cyrillic names, the PDF standard Latin set, made by
 * scripts/gen_glyphnames.py into pdf_glyphs.h; uniXXXX and uXXXX[XX]
 * forms; ".suffix" variants read as their base glyph).
 *
 * Attacker-controlled: the whole CMap. Entries are bounded by its length
 * (each consumes input); a range is looked up, never walked; a usecmap
 * chain is followed at most CM_MAX_USE deep.
 */
#include "extract/pdf_int.h"

#include <stdlib.h>
#include <string.h>

#define CM_MAX_CODESPACE 32u
#define CM_MAX_DST 16u /* UTF-16 units of one destination (ligatures) */
#define CM_MAX_USE 4u  /* CMaps a usecmap chain reaches (the V CMaps use their H) */

struct cm_range {
    uint64_t key;      /* nbytes << 32 | lo */
    uint32_t hi;
    uint32_t dst;      /* index into u16 */
    uint16_t dst_len;
};

struct cm_space {
    uint32_t lo, hi;
    uint8_t n;
};

/* A code-to-CID range (cidrange, cidchar; notdefrange: every code the
 * same CID). */
struct cm_cid {
    uint64_t key;      /* nbytes << 32 | lo */
    uint32_t hi;
    uint32_t cid;
    bool notdef;
};

struct pdf_cmap {
    struct cm_space cs[CM_MAX_CODESPACE];
    size_t ncs;
    struct cm_range *r;
    size_t nr;
    uint16_t *u16;
    size_t nu16;
    struct cm_cid *c;
    size_t nc;
    struct ls_slice use_name;     /* the CMap "/Name usecmap" names (arena) */
    const struct pdf_cmap *use;   /* ... once found (pdf_cmap_set_use) */
};

/* Growable scratch while parsing (malloc), copied to the arena at the end. */
struct cm_build {
    struct cm_range *r;
    size_t nr, capr;
    uint16_t *u;
    size_t nu, capu;
    struct cm_cid *c;
    size_t nc, capc;
    bool oom;
};

static uint32_t be_code(struct ls_slice s)
{
    uint32_t v = 0;
    for (size_t i = 0; i < s.len && i < 4; i++) v = v << 8 | s.ptr[i];
    return v;
}

static bool cb_dst(struct cm_build *b, struct ls_slice s, uint32_t *off, uint16_t *len)
{
    size_t n = s.len / 2;
    if (n > CM_MAX_DST) n = CM_MAX_DST;
    if (b->nu + n > b->capu) {
        size_t nc = b->capu ? b->capu * 2 : 256;
        while (nc < b->nu + n) nc *= 2;
        uint16_t *nu = realloc(b->u, nc * sizeof *nu);
        if (!nu) {
            b->oom = true;
            return false;
        }
        b->u = nu;
        b->capu = nc;
    }
    *off = (uint32_t)b->nu;
    for (size_t i = 0; i < n; i++) b->u[b->nu++] = (uint16_t)(s.ptr[2 * i] << 8 | s.ptr[2 * i + 1]);
    if (s.len == 1) { /* one-byte destination: take it as a code unit */
        if (b->nu + 1 > b->capu) return false;
        b->u[b->nu++] = s.ptr[0];
        n = 1;
    }
    *len = (uint16_t)n;
    return true;
}

/* An empty destination (<03f2> <>) is kept: that code shows no text (a
 * glyph whose characters another glyph's entry already gave: py-pdf's
 * habibi.pdf maps a whole word to its first glyph and <> to the rest,
 * which read as "ϲΒϴΒ" when taken for Unicode). */
static void cb_add(struct cm_build *b, struct ls_slice src, uint32_t hi, struct ls_slice dst)
{
    if (src.len == 0 || src.len > 4) return;
    if (b->nr == b->capr) {
        size_t nc = b->capr ? b->capr * 2 : 64;
        struct cm_range *nr = realloc(b->r, nc * sizeof *nr);
        if (!nr) {
            b->oom = true;
            return;
        }
        b->r = nr;
        b->capr = nc;
    }
    struct cm_range *e = &b->r[b->nr];
    uint32_t lo = be_code(src);
    if (hi < lo) return;
    e->key = (uint64_t)src.len << 32 | lo;
    e->hi = hi;
    if (!cb_dst(b, dst, &e->dst, &e->dst_len)) return;
    b->nr++;
}

static int cmp_range(const void *a, const void *b)
{
    const struct cm_range *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int cmp_cid(const void *a, const void *b)
{
    const struct cm_cid *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (int)y->notdef - (int)x->notdef; /* a notdefrange first: a CID over it wins */
}

/* A destination given as a name (/space) in some CMaps. */
static bool name_dst(struct ls_slice name, uint8_t out[4], struct ls_slice *dst)
{
    uint32_t cp = pdf_glyph_unicode(name);
    if (cp == 0 || cp > 0xffff) return false;
    out[0] = (uint8_t)(cp >> 8);
    out[1] = (uint8_t)cp;
    *dst = ls_slice_make(out, 2);
    return true;
}

static void parse_bfrange(struct pdf_lex *lx, struct cm_build *b)
{
    struct pdf_token t;
    for (;;) {
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_STR) break;
        uint8_t lo[4];
        size_t lol = t.s.len > 4 ? 4 : t.s.len;
        memcpy(lo, t.s.ptr, lol);
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_STR) break;
        uint32_t hi = be_code(t.s), lov = be_code(ls_slice_make(lo, lol));
        pdf_lex_next(lx, &t);
        if (t.t == PDF_T_STR) {
            cb_add(b, ls_slice_make(lo, lol), hi, t.s);
        } else if (t.t == PDF_T_ARR_OPEN) {
            for (uint32_t code = lov;; code++) {
                pdf_lex_next(lx, &t);
                if (t.t != PDF_T_STR) break;
                uint8_t one[4];
                for (size_t k = 0; k < lol; k++) one[k] = (uint8_t)(code >> (8 * (lol - 1 - k)));
                if (code <= hi) cb_add(b, ls_slice_make(one, lol), code, t.s);
            }
            if (t.t != PDF_T_ARR_CLOSE) break;
        } else if (t.t == PDF_T_NAME) {
            uint8_t tmp[4];
            struct ls_slice dst;
            if (name_dst(t.s, tmp, &dst)) cb_add(b, ls_slice_make(lo, lol), hi, dst);
        } else {
            break;
        }
        if (b->oom) break;
    }
}

static void parse_bfchar(struct pdf_lex *lx, struct cm_build *b)
{
    struct pdf_token t;
    for (;;) {
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_STR) break;
        uint8_t src[4];
        size_t sl = t.s.len > 4 ? 4 : t.s.len;
        memcpy(src, t.s.ptr, sl);
        pdf_lex_next(lx, &t);
        struct ls_slice dst = t.s;
        uint8_t tmp[4];
        if (t.t == PDF_T_NAME && !name_dst(t.s, tmp, &dst)) continue;
        if (t.t != PDF_T_STR && t.t != PDF_T_NAME) break;
        cb_add(b, ls_slice_make(src, sl), be_code(ls_slice_make(src, sl)), dst);
        if (b->oom) break;
    }
}

static void cb_cid(struct cm_build *b, struct ls_slice src, uint32_t hi, int64_t cid, bool notdef)
{
    if (src.len == 0 || src.len > 4 || cid < 0 || cid > 0xFFFF) return;
    uint32_t lo = be_code(src);
    if (hi < lo) return;
    if (b->nc == b->capc) {
        size_t nc = b->capc ? b->capc * 2 : 64;
        struct cm_cid *nv = realloc(b->c, nc * sizeof *nv);
        if (!nv) {
            b->oom = true;
            return;
        }
        b->c = nv;
        b->capc = nc;
    }
    b->c[b->nc++] = (struct cm_cid){(uint64_t)src.len << 32 | lo, hi, (uint32_t)cid, notdef};
}

/* cidrange and notdefrange: <lo> <hi> CID; cidchar: <code> CID. */
static void parse_cid(struct pdf_lex *lx, struct cm_build *b, bool range, bool notdef)
{
    struct pdf_token t;
    for (;;) {
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_STR) break;
        uint8_t lo[4];
        size_t lol = t.s.len > 4 ? 4 : t.s.len;
        memcpy(lo, t.s.ptr, lol);
        uint32_t hi = be_code(ls_slice_make(lo, lol));
        if (range) {
            pdf_lex_next(lx, &t);
            if (t.t != PDF_T_STR) break;
            hi = be_code(t.s);
        }
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_INT) break;
        cb_cid(b, ls_slice_make(lo, lol), hi, t.i, notdef);
        if (b->oom) break;
    }
}

static void parse_codespace(struct pdf_lex *lx, struct pdf_cmap *cm)
{
    struct pdf_token t;
    for (;;) {
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_STR || t.s.len == 0 || t.s.len > 4) break;
        uint32_t lo = be_code(t.s);
        uint8_t n = (uint8_t)t.s.len;
        pdf_lex_next(lx, &t);
        if (t.t != PDF_T_STR) break;
        if (cm->ncs < CM_MAX_CODESPACE) {
            cm->cs[cm->ncs].lo = lo;
            cm->cs[cm->ncs].hi = be_code(t.s);
            cm->cs[cm->ncs].n = n;
            cm->ncs++;
        }
    }
}

/* The parsed ranges, sorted, into the arena. */
static void cm_finish(struct pdf_arena *a, struct cm_build *b, struct pdf_cmap *cm)
{
    if (b->nr) {
        qsort(b->r, b->nr, sizeof *b->r, cmp_range);
        cm->r = pdf_arena_alloc(a, b->nr * sizeof *b->r);
        cm->u16 = pdf_arena_alloc(a, (b->nu ? b->nu : 1) * sizeof *b->u);
        if (cm->r && cm->u16) {
            memcpy(cm->r, b->r, b->nr * sizeof *b->r);
            if (b->nu) memcpy(cm->u16, b->u, b->nu * sizeof *b->u);
            cm->nr = b->nr;
            cm->nu16 = b->nu;
        }
    }
    if (b->nc) {
        qsort(b->c, b->nc, sizeof *b->c, cmp_cid);
        cm->c = pdf_arena_alloc(a, b->nc * sizeof *b->c);
        if (cm->c) {
            memcpy(cm->c, b->c, b->nc * sizeof *b->c);
            cm->nc = b->nc;
        }
    }
}

struct pdf_cmap *pdf_cmap_parse(struct pdf_arena *a, struct ls_slice data)
{
    struct pdf_cmap *cm = pdf_arena_alloc(a, sizeof *cm);
    if (!cm) return NULL;
    struct cm_build b = {0};
    struct pdf_lex lx;
    pdf_lex_init(&lx, data, 0);
    struct pdf_token t;
    uint8_t last_name[64]; /* the name before a usecmap (the lexer's scratch is reused) */
    size_t name_len = 0;
    bool name_before = false;
    for (;;) {
        pdf_lex_next(&lx, &t);
        if (t.t == PDF_T_EOF) break;
        if (t.t == PDF_T_NAME) {
            name_before = t.s.len <= sizeof last_name;
            name_len = name_before ? t.s.len : 0;
            if (name_len) memcpy(last_name, t.s.ptr, name_len);
            continue;
        }
        bool was_name = name_before;
        name_before = false;
        if (t.t != PDF_T_KEYWORD) continue;
        if (ls_slice_eq_str(t.s, "begincodespacerange")) parse_codespace(&lx, cm);
        else if (ls_slice_eq_str(t.s, "beginbfchar")) parse_bfchar(&lx, &b);
        else if (ls_slice_eq_str(t.s, "beginbfrange")) parse_bfrange(&lx, &b);
        else if (ls_slice_eq_str(t.s, "begincidrange")) parse_cid(&lx, &b, true, false);
        else if (ls_slice_eq_str(t.s, "begincidchar")) parse_cid(&lx, &b, false, false);
        else if (ls_slice_eq_str(t.s, "beginnotdefrange")) parse_cid(&lx, &b, true, true);
        else if (ls_slice_eq_str(t.s, "usecmap") && was_name && !cm->use_name.len)
            (void)pdf_arena_dup(a, ls_slice_make(last_name, name_len), &cm->use_name);
        if (b.oom) break;
    }
    pdf_lex_free(&lx);
    cm_finish(a, &b, cm);
    free(b.r);
    free(b.u);
    free(b.c);
    return cm->nr || cm->ncs || cm->nc || cm->use_name.len ? cm : NULL;
}

struct ls_slice pdf_cmap_use_name(const struct pdf_cmap *cm)
{
    return cm ? cm->use_name : (struct ls_slice){0};
}

void pdf_cmap_set_use(struct pdf_cmap *cm, const struct pdf_cmap *use)
{
    if (cm && use != cm) cm->use = use;
}

bool pdf_cmap_has_cids(const struct pdf_cmap *cm)
{
    for (unsigned k = 0; cm && k < CM_MAX_USE; k++, cm = cm->use)
        if (cm->nc) return true;
    return false;
}

/* cm's own CID for a code of nbytes bytes: a cidchar or cidrange entry
 * wins over a notdefrange one; among equals the last given. */
static bool cid_own(const struct pdf_cmap *cm, uint32_t code, size_t nbytes, uint32_t *cid)
{
    uint64_t key = (uint64_t)nbytes << 32 | code;
    size_t lo = 0, hi = cm->nc; /* first with key > target */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cm->c[mid].key <= key) lo = mid + 1;
        else hi = mid;
    }
    bool notdef = false;
    for (size_t k = 0; k < 8 && lo > 0; k++, lo--) {
        const struct cm_cid *r = &cm->c[lo - 1];
        if ((r->key >> 32) != nbytes) break;
        if (code > r->hi) continue;
        uint32_t v = r->notdef ? r->cid : r->cid + (code - (uint32_t)(r->key & 0xffffffffu));
        if (!r->notdef) {
            *cid = v;
            return true;
        }
        if (!notdef) *cid = v;
        notdef = true;
    }
    return notdef;
}

bool pdf_cmap_cid(const struct pdf_cmap *cm, uint32_t code, size_t nbytes, uint32_t *cid)
{
    *cid = 0;
    for (unsigned k = 0; cm && k < CM_MAX_USE; k++, cm = cm->use)
        if (cm->nc && cid_own(cm, code, nbytes, cid)) return true;
    *cid = 0;
    return false;
}

bool pdf_cmap_empty(const struct pdf_cmap *cm) { return !cm || cm->nr == 0; }

/* A codespace range bounds each byte apart (Adobe TN #5014 4.4.2:
 * <8140> <FEFE> holds 8235 no more than 81FF): GB 18030's four-byte code
 * 82358738 had been cut after 8235. */
static bool cs_holds(const struct cm_space *r, uint32_t v, size_t n)
{
    if (r->n != n) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned sh = (unsigned)(8 * (n - 1 - i));
        uint32_t b = v >> sh & 0xFF, lo = r->lo >> sh & 0xFF, hi = r->hi >> sh & 0xFF;
        if (b < lo || b > hi) return false;
    }
    return true;
}

/* A code of n bytes, v, in cm's codespace or that of a CMap it uses. */
static bool in_codespace(const struct pdf_cmap *cm, uint32_t v, size_t n, bool *any)
{
    for (unsigned u = 0; cm && u < CM_MAX_USE; u++, cm = cm->use) {
        for (size_t k = 0; k < cm->ncs; k++) {
            *any = true;
            if (cs_holds(&cm->cs[k], v, n)) return true;
        }
    }
    return false;
}

size_t pdf_cmap_code(const struct pdf_cmap *cm, struct ls_slice s, size_t pos, int fallback,
                     uint32_t *code)
{
    *code = 0;
    if (pos >= s.len) return 0;
    size_t left = s.len - pos;
    if (cm) {
        uint32_t v = 0;
        bool any = false;
        for (size_t n = 1; n <= 4 && n <= left; n++) {
            v = v << 8 | s.ptr[pos + n - 1];
            if (in_codespace(cm, v, n, &any)) {
                *code = v;
                return n;
            }
            if (!any) break;
        }
    }
    size_t n = fallback >= 1 && (size_t)fallback <= left ? (size_t)fallback : 1;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) v = v << 8 | s.ptr[pos + i];
    *code = v;
    return n;
}

size_t pdf_cmap_code_cid(const struct pdf_cmap *cm, struct ls_slice s, size_t pos, int fallback,
                         uint32_t *code)
{
    *code = 0;
    if (pos >= s.len) return 0;
    size_t left = s.len - pos;
    uint32_t v = 0;
    bool any = false;
    for (size_t n = 1; n <= 4 && n <= left; n++) {
        v = v << 8 | s.ptr[pos + n - 1];
        if (in_codespace(cm, v, n, &any)) {
            *code = v;
            return n;
        }
    }
    /* outside every codespace range: a code a CID entry names (poppler
     * matches a CMap's entries byte by byte, whatever its codespace says) */
    v = 0;
    for (size_t n = 1; n <= 4 && n <= left; n++) {
        uint32_t cid;
        v = v << 8 | s.ptr[pos + n - 1];
        if (pdf_cmap_cid(cm, v, n, &cid)) {
            *code = v;
            return n;
        }
    }
    return pdf_cmap_code(NULL, s, pos, fallback, code);
}

const char *pdf_ligature(uint32_t cp)
{
    static const char *const lig[7] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    return cp >= 0xfb00 && cp <= 0xfb06 ? lig[cp - 0xfb00] : NULL;
}

ls_err pdf_put_cp(struct ls_buf *out, uint32_t cp)
{
    const char *l = pdf_ligature(cp);
    return l ? ls_buf_adds(out, l) : ls_utf8_put(out, cp);
}

static ls_err put_u16(struct ls_buf *out, const uint16_t *u, size_t n, uint32_t add_last)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t cu = u[i] + (i + 1 == n ? add_last : 0);
        if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < n) {
            uint32_t lo = u[i + 1] + (i + 2 == n ? add_last : 0);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
                LS_TRY(pdf_put_cp(out, 0x10000 + ((cu - 0xd800) << 10) + (lo - 0xdc00)));
                i++;
                continue;
            }
        }
        if (cu == 0 || cu == 0xfeff) continue;
        LS_TRY(pdf_put_cp(out, cu > 0xffff ? 0xfffd : cu));
    }
    return LS_OK;
}

bool pdf_cmap_map(const struct pdf_cmap *cm, uint32_t code, size_t nbytes, struct ls_buf *out,
                  ls_err *err)
{
    *err = LS_OK;
    if (!cm || !cm->nr) return false;
    uint64_t key = (uint64_t)nbytes << 32 | code;
    size_t lo = 0, hi = cm->nr; /* first with key > target */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cm->r[mid].key <= key) lo = mid + 1;
        else hi = mid;
    }
    for (size_t k = 0; k < 8 && lo > 0; k++, lo--) {
        const struct cm_range *r = &cm->r[lo - 1];
        if ((r->key >> 32) != nbytes) break;
        if (code <= r->hi) {
            if (r->dst > cm->nu16 || r->dst_len > cm->nu16 - r->dst) return false;
            *err = put_u16(out, &cm->u16[r->dst], r->dst_len, code - (uint32_t)(r->key & 0xffffffffu));
            return true;
        }
    }
    return false;
}

/* ---- PDF text strings ---- */

static const uint16_t pdfdoc_hi[33] = {
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203a, 0x2212,
    0x2030, 0x201e, 0x201c, 0x201d, 0x2018, 0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141,
    0x0152, 0x0160, 0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0xfffd, 0x20ac};
static const uint16_t pdfdoc_lo[8] = {0x02d8, 0x02c7, 0x02c6, 0x02d9, 0x02dd, 0x02db, 0x02da, 0x02dc};

static uint32_t pdfdoc(uint8_t ch)
{
    if (ch >= 0x80 && ch <= 0xa0) return pdfdoc_hi[ch - 0x80];
    if (ch >= 0x18 && ch <= 0x1f) return pdfdoc_lo[ch - 0x18];
    return ch;
}

ls_err pdf_text_string(struct ls_slice s, struct ls_buf *out)
{
    struct ls_slice rest;
    if (ls_slice_starts(s, "\xfe\xff", 2) && ls_slice_from(s, 2, &rest))
        return ls_utf16_to_utf8(out, rest, true);
    if (ls_slice_starts(s, "\xff\xfe", 2) && ls_slice_from(s, 2, &rest))
        return ls_utf16_to_utf8(out, rest, false);
    if (ls_slice_starts(s, "\xef\xbb\xbf", 3) && ls_slice_from(s, 3, &rest))
        return ls_utf8_lossy(out, rest);
    /* UTF-8 without its BOM (signing tools, some producers write names so):
     * bytes above 0x7F that all pair up as UTF-8 are not PDFDocEncoding,
     * where a lone accented letter (0xE9) never forms a sequence */
    bool high = false;
    for (size_t i = 0; i < s.len && !high; i++) high = s.ptr[i] >= 0x80;
    if (high && ls_utf8_valid(s)) return ls_utf8_lossy(out, s);
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = s.ptr[i];
        if (ch < 0x80 && ch >= 0x20) {
            LS_TRY(ls_buf_addc(out, ch));
        } else if (ch == '\n' || ch == '\r' || ch == '\t') {
            LS_TRY(ls_buf_addc(out, ch == '\t' ? ' ' : '\n'));
        } else if (ch >= 0x18) {
            LS_TRY(pdf_put_cp(out, pdfdoc(ch)));
        }
    }
    return LS_OK;
}

/* ---- glyph names ---- */

struct glyph {
    const char *name;
    uint16_t cp;
};

#include "extract/pdf_glyphs.h"

static uint32_t hex_cp(struct ls_slice s, size_t from, size_t n)
{
    uint32_t v = 0;
    for (size_t i = from; i < from + n; i++) {
        int ch = ls_slice_at(s, i), d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'A' && ch <= 'F') d = ch - 'A' + 10;
        else if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
        else return 0;
        v = v << 4 | (uint32_t)d;
    }
    return v;
}

static uint32_t glyph_unicode(struct ls_slice name, bool base)
{
    if (name.len == 1 && ((name.ptr[0] >= 'a' && name.ptr[0] <= 'z') ||
                          (name.ptr[0] >= 'A' && name.ptr[0] <= 'Z')))
        return name.ptr[0];
    if (name.len == 7 && ls_slice_starts(name, "uni", 3)) return hex_cp(name, 3, 4);
    if ((name.len == 5 || name.len == 6 || name.len == 7) && name.ptr[0] == 'u') {
        uint32_t v = hex_cp(name, 1, name.len - 1);
        if (v && v <= 0x10ffff) return v;
    }
    if (name.len == 0) return 0; /* no glyph's name is empty */
    /* a variant is its base glyph: "a.sc", "eacute.alt", "one.oldstyle" */
    for (size_t i = 1; i < name.len; i++)
        if (name.ptr[i] == '.') return glyph_unicode(ls_slice_make(name.ptr, i), base);
    size_t lo = 0, hi = sizeof glyphs / sizeof glyphs[0];
    while (lo < hi) { /* sorted by strcmp(): bytes, a prefix first */
        size_t mid = lo + (hi - lo) / 2;
        const char *g = glyphs[mid].name;
        size_t k = 0;
        while (k < name.len && g[k] && (uint8_t)g[k] == name.ptr[k]) k++;
        int c = k == name.len ? (g[k] ? 1 : 0) : !g[k] ? -1 : (uint8_t)g[k] < name.ptr[k] ? -1 : 1;
        if (c == 0) return glyphs[mid].cp;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    /* the Expert set's names (TN 5176 Appendix C; Type 1 expert fonts and
     * MacExpertEncoding): small capitals, old-style and superior or
     * inferior figures and letters are their base glyph ("Asmall" A,
     * "zerooldstyle" 0, "asuperior" a, "onefitted" 1) */
    static const char *const suffix[] = {"small", "oldstyle", "superior", "inferior", "fitted"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0] && !base; i++) {
        size_t k = strlen(suffix[i]);
        if (name.len > k && memcmp(name.ptr + name.len - k, suffix[i], k) == 0)
            return glyph_unicode(ls_slice_make(name.ptr, name.len - k), true);
    }
    return 0;
}

uint32_t pdf_glyph_unicode(struct ls_slice name) { return glyph_unicode(name, false); }

/* ---- TrueType 'cmap' (OpenType spec, cmap formats 4 and 12) ---- */

/* Codes visited in one subtable at most: a real font's cmap maps at most
 * 65536 glyphs; hostile overlapping segments or groups stop here. */
#define TT_MAX_CODES (1u << 20)

static bool tt_u16(struct ls_slice s, size_t off, uint32_t *v)
{
    if (off > s.len || s.len - off < 2) return false;
    *v = (uint32_t)s.ptr[off] << 8 | s.ptr[off + 1];
    return true;
}

static bool tt_u32(struct ls_slice s, size_t off, uint32_t *v)
{
    if (off > s.len || s.len - off < 4) return false;
    *v = (uint32_t)s.ptr[off] << 24 | (uint32_t)s.ptr[off + 1] << 16 |
         (uint32_t)s.ptr[off + 2] << 8 | s.ptr[off + 3];
    return true;
}

/* The lowest code of each glyph wins (a font maps U+00A0 and U+0020 to one
 * space glyph); a symbol font's U+F0xx private copies are taken as 0xXX. */
static void tt_set(uint32_t *map, size_t n, uint32_t gid, uint32_t cp, bool symbol)
{
    if (symbol && cp >= 0xF020 && cp <= 0xF0FF) cp -= 0xF000;
    if (gid == 0 || gid >= n || cp == 0 || cp > 0x10FFFF) return;
    if (map[gid] == 0 || cp < map[gid]) map[gid] = cp;
}

static size_t tt_format4(struct ls_slice t, uint32_t *map, size_t n, bool symbol)
{
    uint32_t segx2, ends = 14, got = 0;
    if (!tt_u16(t, 6, &segx2) || segx2 == 0) return 0;
    size_t starts = ends + segx2 + 2, deltas = starts + segx2, ranges = deltas + segx2;
    for (size_t i = 0; i < segx2 / 2; i++) {
        uint32_t end, start, delta, ro;
        if (!tt_u16(t, ends + 2 * i, &end) || !tt_u16(t, starts + 2 * i, &start) ||
            !tt_u16(t, deltas + 2 * i, &delta) || !tt_u16(t, ranges + 2 * i, &ro))
            break;
        if (start > end) continue;
        for (uint32_t c = start; c <= end && c != 0xFFFF && got < TT_MAX_CODES; c++) {
            uint32_t gid;
            if (ro == 0) {
                gid = (c + delta) & 0xFFFF;
            } else {
                if (!tt_u16(t, ranges + 2 * i + ro + 2 * (size_t)(c - start), &gid)) break;
                if (gid) gid = (gid + delta) & 0xFFFF;
            }
            tt_set(map, n, gid, c, symbol);
            got++;
        }
    }
    return got;
}

static size_t tt_format12(struct ls_slice t, uint32_t *map, size_t n)
{
    uint32_t groups;
    size_t got = 0;
    if (!tt_u32(t, 12, &groups)) return 0;
    for (uint32_t i = 0; i < groups && got < TT_MAX_CODES; i++) {
        uint32_t start, end, gid;
        size_t at = 16 + 12 * (size_t)i;
        if (!tt_u32(t, at, &start) || !tt_u32(t, at + 4, &end) || !tt_u32(t, at + 8, &gid)) break;
        /* only glyphs the font has: a group's size is bounded by n */
        if (start > end || gid >= n) continue;
        uint32_t span = end - start;
        if (span > n - gid - 1) span = (uint32_t)(n - gid - 1);
        for (uint32_t k = 0; k <= span; k++) tt_set(map, n, gid + k, start + k, false);
        got += span + 1;
    }
    return got;
}

size_t pdf_ttf_glyph_unicode(struct ls_slice font, uint32_t *map, size_t n, bool mac_order)
{
    uint32_t ntables, cmap_off = 0, cmap_len = 0;
    bool glyf = false, post = false, cmap = false;
    if (!tt_u16(font, 4, &ntables)) return 0;
    for (uint32_t i = 0; i < ntables; i++) {
        uint32_t tag, off, len;
        size_t rec = 12 + 16 * (size_t)i;
        if (!tt_u32(font, rec, &tag) || !tt_u32(font, rec + 8, &off) || !tt_u32(font, rec + 12, &len))
            return 0;
        if (tag == 0x636D6170u && !cmap) { /* 'cmap' */
            cmap_off = off;
            cmap_len = len;
            cmap = true;
        }
        glyf |= tag == 0x676C7966u; /* 'glyf' */
        post |= tag == 0x706F7374u; /* 'post' */
    }
    /* Neither a cmap nor glyph names (macOS Quartz strips both from the
     * TrueType fonts it embeds, keeping the glyph ids): the ids of the
     * printable ASCII characters in the standard Macintosh glyph order
     * ('post' format 1: "space" is glyph 3, "A" 36, "a" 68), the order of
     * Apple's and most Latin TrueType fonts. haystack's react_paper.pdf
     * had read "7KH$SSOH5HPRWH" for "The Apple Remote"; poppler too. */
    if (!cmap && !post && glyf && mac_order) {
        size_t got = 0;
        for (uint32_t g = 3; g <= 97 && g < n; g++, got++) map[g] = g + 29;
        return got;
    }
    struct ls_slice cm;
    if (!cmap_len || !ls_slice_sub(font, cmap_off, cmap_len, &cm)) return 0;
    uint32_t nsub;
    if (!tt_u16(cm, 2, &nsub)) return 0;
    /* best first: Windows UCS-4 (12), Windows BMP (4), Unicode, Windows symbol */
    static const struct {
        uint32_t plat, enc, fmt;
    } pref[] = {{3, 10, 12}, {0, 4, 12}, {3, 1, 4}, {0, 3, 4}, {0, 1, 4}, {0, 0, 4}, {3, 0, 4}};
    for (size_t p = 0; p < sizeof pref / sizeof pref[0]; p++) {
        for (uint32_t i = 0; i < nsub; i++) {
            uint32_t plat, enc, off, fmt;
            struct ls_slice t;
            if (!tt_u16(cm, 4 + 8 * (size_t)i, &plat) || !tt_u16(cm, 6 + 8 * (size_t)i, &enc) ||
                !tt_u32(cm, 8 + 8 * (size_t)i, &off))
                return 0;
            if (plat != pref[p].plat || enc != pref[p].enc) continue;
            if (!ls_slice_from(cm, off, &t) || !tt_u16(t, 0, &fmt) || fmt != pref[p].fmt) continue;
            size_t got = fmt == 12 ? tt_format12(t, map, n) : tt_format4(t, map, n, plat == 3 && enc == 0);
            if (got) return got;
        }
    }
    return 0;
}
