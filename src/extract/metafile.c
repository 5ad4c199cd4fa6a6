/*
 * The "metafile" handler: Windows metafiles, WMF ([MS-WMF]) and EMF
 * ([MS-EMF], with EMF+ records in its comments, [MS-EMFPLUS]): the
 * pictures of charts, org charts and diagrams pasted into Office files
 * (ole2 hands a .ppt's pictures on as members), clip art, and printer
 * spool files. Their text is drawn by text records, a string between the
 * record's binary fields: scanned raw, "SSN: 536-22-8714" runs into the y
 * coordinate after it ("8714F"). So the text written here is each drawn
 * string on a line of its own (a string that starts where the one before
 * it ended continues that line: struct mf_out):
 *
 *  WMF   META_TEXTOUT (0x0521) and META_EXTTEXTOUT (0x0A32), in the code
 *        page of the selected font's charset (META_CREATEFONTINDIRECT,
 *        META_SELECTOBJECT, META_DELETEOBJECT kept in an object table;
 *        the last font created when the table is out of step); comments
 *        (META_ESCAPE MFCOMMENT) that are text. A placeable header
 *        (0x9AC6CDD7) or none.
 *  EMF   the header's description (UTF-16LE, its two strings a line each),
 *        EMR_EXTTEXTOUTW (UTF-16LE), EMR_EXTTEXTOUTA (the last
 *        EMR_EXTCREATEFONTINDIRECTW's charset), EMR_SMALLTEXTOUT (8-bit or
 *        UTF-16LE), comments (EMR_GDICOMMENT) that are text, and
 *        EmfPlusDrawString in EMF+ comments.
 *
 *  WMF   an EMF embedded in its comments (META_ESCAPE MFCOMMENT "WMFC",
 *        the EMF a WMF was converted from, in chunks): joined and handed
 *        on as member "embedded.emf" (cut or out of order: truncated).
 *
 * Ignored on purpose: every other record (drawing, bitmaps, palettes,
 * regions); the public comments of EMF (GDIC: group descriptions are
 * rare). Not read, and said so (unsupported): glyph-index strings
 * (ETO_GLYPH_INDEX: indexes into a font, which only the font maps to
 * characters; printer spool files and some PDF-to-EMF converters draw
 * all their text so).
 * Attacker-controlled: every byte. The record walk stops at the first
 * record out of place (a size that does not fit: a cut file, noted
 * truncated; a size no record has: parse_error); records are read once,
 * bounded by the object's size, the text budget and the time budget.
 */
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define WMF_PLACEABLE 0x9AC6CDD7u
#define WMF_MAX_OBJECTS 4096u
#define MF_FONT_NONE (-1)
#define MF_SLOT_FREE (-2)
/* The string is glyph indexes into the font, not characters: no text (and
 * indexes 0x30-0x39 would read as digits). */
#define MF_ETO_GLYPH_INDEX 0x0010u

/* A font's charset (LOGFONT lfCharSet, [MS-WMF] 2.1.1.5) to a Windows code
 * page; 0: Windows-1252 (ANSI_CHARSET, DEFAULT_CHARSET, SYMBOL, OEM ...). */
static unsigned mf_charset_cp(int cs)
{
    switch (cs) {
    case 77: return 10000;  /* MAC_CHARSET */
    case 128: return 932;   /* SHIFTJIS */
    case 129: return 949;   /* HANGUL */
    case 134: return 936;   /* GB2312 */
    case 136: return 950;   /* CHINESEBIG5 */
    case 161: return 1253;  /* GREEK */
    case 162: return 1254;  /* TURKISH */
    case 163: return 1258;  /* VIETNAMESE */
    case 177: return 1255;  /* HEBREW */
    case 178: return 1256;  /* ARABIC */
    case 186: return 1257;  /* BALTIC */
    case 204: return 1251;  /* RUSSIAN */
    case 222: return 874;   /* THAI */
    case 238: return 1250;  /* EASTEUROPE */
    case 255: return 850;   /* OEM */
    default: return 0;
    }
}

static const struct ls_codepage *mf_cp(int cs)
{
    unsigned n = cs >= 0 ? mf_charset_cp(cs) : 0;
    const struct ls_codepage *cp = n ? ls_codepage_by_number(n) : NULL;
    return cp ? cp : ls_codepage_by_number(1252);
}

/* Where the text goes. A string is a line of its own, but one that starts
 * where the string before it ended (the same baseline, give or take a
 * character's advance; the end known from the record's advances) continues
 * its line: Office draws a word in runs of one font each ("testRTF_", its
 * CJK part in another font, ".r"), each a record, and a chart a number
 * in pieces. A string drawn with TA_UPDATECP (SETTEXTALIGN) starts at the
 * current position (MOVETO, LINETO, the string before it), not at its
 * reference point. */
struct mf_out {
    struct ls_buf *b;
    bool open;     /* a line is written and not ended */
    bool ucp;      /* TA_UPDATECP is set */
    bool have_end; /* where the last string ended is known */
    int64_t ex, ey, adv; /* that end, the last string's mean advance */
    int64_t cx, cy;      /* the current position */
    unsigned long glyphs; /* glyph-index strings not read */
    const char *bad;     /* a record out of place: what (noted by the caller) */
    size_t bad_at;
    unsigned long bad_size;
};

static int64_t mf_abs(int64_t v) { return v < 0 ? -v : v; }

/* A text record's string at reference (x, y), width its advances' sum
 * (-1: unknown), n characters: whether it continues the open line. */
static bool mf_place(struct mf_out *t, int64_t x, int64_t y, int64_t width, uint64_t n)
{
    int64_t sx = t->ucp ? t->cx : x, sy = t->ucp ? t->cy : y;
    int64_t tol = t->adv / 2 > 2 ? t->adv / 2 : 2;
    bool cont = t->have_end && mf_abs(sy - t->ey) <= 2 * tol && mf_abs(sx - t->ex) <= tol;
    t->have_end = width >= 0 && n > 0;
    if (t->have_end) {
        t->ex = sx + width;
        t->ey = sy;
        t->adv = width / (int64_t)n;
        if (t->ucp) t->cx = t->ex;
    }
    return cont;
}

/* Before a string: end the open line unless this string continues it. */
static ls_err mf_start(struct mf_out *t, bool cont)
{
    if (t->open && !cont) LS_TRY(ls_buf_addc(t->b, '\n'));
    t->open = true;
    return LS_OK;
}

/* End the open line (after the walk, and after lines that never continue). */
static ls_err mf_end(struct mf_out *t)
{
    if (!t->open) return LS_OK;
    t->open = false;
    return ls_buf_addc(t->b, '\n');
}

/* An 8-bit string (NULs end it) in cp; cont: it continues the open line. */
static ls_err mf_put8(struct mf_out *t, struct ls_slice s, const struct ls_codepage *cp, bool cont)
{
    size_t n = 0;
    while (n < s.len && ls_slice_at(s, n) != 0) n++;
    if (n == 0) return LS_OK;
    struct ls_slice u;
    (void)ls_slice_sub(s, 0, n, &u);
    LS_TRY(mf_start(t, cont));
    return ls_codepage_to_utf8(t->b, u, cp);
}

/* A UTF-16LE string, a NUL between strings as a line end; run: drawn by a
 * text record (cont: continuing the open line), else a line of its own. */
static ls_err mf_put16(struct mf_out *t, struct ls_slice s, bool run, bool cont)
{
    size_t i = 0;
    s.len &= ~(size_t)1;
    while (i < s.len) {
        size_t j = i;
        while (j + 1 < s.len && (ls_slice_at(s, j) | ls_slice_at(s, j + 1)) != 0) j += 2;
        if (j > i) {
            struct ls_slice u;
            (void)ls_slice_sub(s, i, j - i, &u);
            LS_TRY(mf_start(t, run && cont && i == 0));
            LS_TRY(ls_utf16_to_utf8(t->b, u, false));
        }
        i = j + 2;
    }
    return run ? LS_OK : mf_end(t);
}

/* A comment is written when it is text: no control but tab and line ends
 * (trailing NULs cut), 4 or more ASCII letters or digits, and at least half
 * of it ASCII (a comment of four bytes 0xED 0xFF 0xFF 0xFF is a number). */
static bool mf_is_text(struct ls_slice s, size_t *n)
{
    size_t k = s.len, alnum = 0, ascii = 0;
    while (k && ls_slice_at(s, k - 1) == 0) k--;
    for (size_t i = 0; i < k; i++) {
        int ch = ls_slice_at(s, i);
        if ((ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') || ch == 0x7f) return false;
        if (ch < 0x80) ascii++;
        if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) alnum++;
    }
    if (alnum < 4 || ascii * 2 < k) return false;
    *n = k;
    return true;
}

static ls_err mf_comment(struct mf_out *t, struct ls_slice s, const struct ls_codepage *cp)
{
    size_t n;
    struct ls_slice u;
    if (!mf_is_text(s, &n) || !ls_slice_sub(s, 0, n, &u)) return LS_OK;
    LS_TRY(mf_start(t, false));
    if (ls_utf8_valid(u)) LS_TRY(ls_utf8_lossy(t->b, u));
    else LS_TRY(ls_codepage_to_utf8(t->b, u, cp));
    return mf_end(t);
}

/* A glyph-index string of n glyphs: counted, not read. */
static ls_err mf_glyphs(struct mf_out *t, uint32_t n)
{
    if (n) t->glyphs++;
    return LS_OK;
}

/* ---- WMF ---- */

/* Where the WMF header starts (after a placeable header), or false. */
static bool wmf_header(struct ls_slice d, size_t *at)
{
    uint32_t key = 0;
    uint16_t type, hsize, version;
    size_t i = ls_rd_u32le(d, 0, &key) && key == WMF_PLACEABLE ? 22 : 0;
    if (!ls_rd_u16le(d, i, &type) || !ls_rd_u16le(d, i + 2, &hsize) || !ls_rd_u16le(d, i + 4, &version))
        return false;
    if ((type != 1 && type != 2) || hsize != 9 || (version != 0x0100 && version != 0x0300)) return false;
    *at = i;
    return true;
}

struct wmf_state {
    int slots[WMF_MAX_OBJECTS]; /* a font's charset, MF_FONT_NONE another object, MF_SLOT_FREE */
    size_t nslots;
    int selected; /* the selected font's charset, MF_FONT_NONE: none selected */
    int last;     /* the last font created */
    bool in_step; /* the object table is trusted */
    struct ls_buf *emf;  /* the embedded EMF's chunks, joined */
    uint32_t emf_left;   /* its bytes still to come (RemainingBytes) */
    bool emf_started, emf_bad; /* a chunk seen; one out of step (the EMF is cut) */
};

/* A chunk of the EMF a WMF carries in its comments ([MS-WMF] 2.3.6.x
 * META_ESCAPE_ENHANCED_METAFILE, after "WMFC"): CommentType 1, Version
 * 0x00010000, Checksum (2), Flags, CommentRecordCount, CurrentRecordSize,
 * RemainingBytes, EnhancedMetafileDataSize, then CurrentRecordSize bytes.
 * Chunks come in order; one whose RemainingBytes is not what the last
 * left marks the EMF cut (its bytes so far are still handed on). */
static ls_err wmf_emf_chunk(struct wmf_state *w, struct ls_slice s)
{
    uint32_t type = 0, cur = 0, left = 0, total = 0;
    struct ls_slice data;
    if (!ls_rd_u32le(s, 4, &type) || type != 1 || !ls_rd_u32le(s, 22, &cur) || !ls_rd_u32le(s, 26, &left) ||
        !ls_rd_u32le(s, 30, &total) || !ls_slice_sub(s, 34, cur, &data)) {
        w->emf_bad = w->emf_started;
        return LS_OK;
    }
    if (w->emf_bad) return LS_OK;
    if (left + (uint64_t)cur != (w->emf_started ? w->emf_left : total)) {
        w->emf_bad = w->emf_started; /* out of step: cut; before a first chunk: nothing to join */
        return LS_OK;
    }
    w->emf_started = true;
    w->emf_left = left;
    ls_err e = ls_buf_add(w->emf, data.ptr, data.len);
    if (e == LS_E_LIMIT) w->emf_bad = true, e = LS_OK;
    return e;
}

static void wmf_create(struct wmf_state *w, int charset)
{
    if (charset != MF_FONT_NONE) w->last = charset;
    for (size_t k = 0; k < w->nslots; k++)
        if (w->slots[k] == MF_SLOT_FREE) {
            w->slots[k] = charset;
            return;
        }
    w->in_step = false; /* more objects than the header declared */
}

static int wmf_charset(const struct wmf_state *w)
{
    if (w->in_step && w->selected != MF_FONT_NONE) return w->selected;
    return w->last;
}

static ls_err wmf_record(struct mf_out *t, struct wmf_state *w, struct ls_slice r, unsigned fn)
{
    uint16_t v16 = 0, count = 0, opts = 0;
    struct ls_slice s;
    switch (fn) {
    case 0x02FB: { /* CREATEFONTINDIRECT: lfCharSet at 13 in the Font object */
        int cs = ls_slice_at(r, 6 + 13);
        wmf_create(w, cs < 0 ? 0 : cs);
        return LS_OK;
    }
    case 0x02FA: case 0x02FC: case 0x0142: case 0x01F9: case 0x00F7: case 0x06FF:
        wmf_create(w, MF_FONT_NONE); /* pen, brush, pattern brushes, palette, region */
        return LS_OK;
    case 0x012D: /* SELECTOBJECT */
        if (ls_rd_u16le(r, 6, &v16) && v16 < w->nslots) {
            if (w->slots[v16] >= 0) w->selected = w->slots[v16];
            else if (w->slots[v16] == MF_SLOT_FREE) w->in_step = false;
        } else {
            w->in_step = false;
        }
        return LS_OK;
    case 0x012E: /* SETTEXTALIGN */
        t->ucp = ls_rd_u16le(r, 6, &v16) && (v16 & 0x0001u);
        return LS_OK;
    case 0x0214: case 0x0213: { /* MOVETO, LINETO: Y, X */
        uint16_t y = 0, x = 0;
        (void)ls_rd_u16le(r, 6, &y);
        (void)ls_rd_u16le(r, 8, &x);
        t->cx = (int16_t)x;
        t->cy = (int16_t)y;
        return LS_OK;
    }
    case 0x01F0: /* DELETEOBJECT */
        if (ls_rd_u16le(r, 6, &v16) && v16 < w->nslots) w->slots[v16] = MF_SLOT_FREE;
        return LS_OK;
    case 0x0521: { /* TEXTOUT: StringLength, String (padded to even), YStart, XStart */
        uint16_t y = 0, x = 0;
        if (!ls_rd_u16le(r, 6, &count) || !ls_slice_sub(r, 8, count, &s)) return LS_OK;
        (void)ls_rd_u16le(r, 8 + count + (count & 1u), &y);
        (void)ls_rd_u16le(r, 10 + count + (count & 1u), &x);
        bool cont = mf_place(t, (int16_t)x, (int16_t)y, -1, count); /* no advances: its end unknown */
        return mf_put8(t, s, mf_cp(wmf_charset(w)), cont);
    }
    case 0x0A32: { /* EXTTEXTOUT: Y, X, StringLength, fwOpts, [Rectangle], String, [Dx] */
        if (!ls_rd_u16le(r, 10, &count) || !ls_rd_u16le(r, 12, &opts)) return LS_OK;
        size_t at = 14 + ((opts & 0x0006u) ? 8u : 0u); /* ETO_OPAQUE, ETO_CLIPPED */
        if (opts & MF_ETO_GLYPH_INDEX) return mf_glyphs(t, count);
        if (!ls_slice_sub(r, at, count, &s)) return LS_OK;
        uint16_t y = 0, x = 0, dx = 0;
        (void)ls_rd_u16le(r, 6, &y);
        (void)ls_rd_u16le(r, 8, &x);
        /* Dx: count advances after the string (padded to even), when there */
        size_t dat = at + count + (count & 1u);
        int64_t width = r.len >= dat && (r.len - dat) / 2 >= count ? 0 : -1;
        for (size_t k = 0; width >= 0 && k < count; k++) {
            (void)ls_rd_u16le(r, dat + 2 * k, &dx);
            width += (int16_t)dx;
        }
        bool cont = mf_place(t, (int16_t)x, (int16_t)y, width, count);
        return mf_put8(t, s, mf_cp(wmf_charset(w)), cont);
    }
    case 0x0626: { /* ESCAPE: EscapeFunction, ByteCount, EscapeData */
        uint32_t ident = 0;
        if (!ls_rd_u16le(r, 6, &v16) || v16 != 0x000F || !ls_rd_u16le(r, 8, &count)) return LS_OK;
        if (!ls_slice_sub(r, 10, count, &s)) return LS_OK;
        if (ls_rd_u32le(s, 0, &ident) && ident == 0x43464D57u) return wmf_emf_chunk(w, s); /* "WMFC" */
        return mf_comment(t, s, mf_cp(wmf_charset(w)));
    }
    default:
        return LS_OK;
    }
}

static ls_err wmf_walk(struct ls_ctx *c, struct ls_object *o, struct mf_out *t, size_t at, struct ls_buf *emf,
                       bool *emf_cut)
{
    struct ls_slice d = o->data;
    struct wmf_state *w = calloc(1, sizeof *w);
    if (!w) return LS_E_NOMEM;
    w->emf = emf;
    uint16_t nobj = 0;
    (void)ls_rd_u16le(d, at + 10, &nobj);
    w->nslots = nobj < WMF_MAX_OBJECTS ? nobj : WMF_MAX_OBJECTS;
    for (size_t k = 0; k < w->nslots; k++) w->slots[k] = MF_SLOT_FREE;
    w->selected = MF_FONT_NONE;
    w->last = 0;
    w->in_step = true;
    ls_err e = LS_OK;
    size_t i = at + 18, n = 0;
    bool eof = false;
    while (e == LS_OK && !eof) {
        uint32_t words = 0;
        uint16_t fn = 0;
        if (i >= d.len) break;
        if (!ls_rd_u32le(d, i, &words) || !ls_rd_u16le(d, i + 4, &fn)) {
            e = LS_E_TRUNCATED;
            break;
        }
        if (words < 3) {
            t->bad = "words";
            t->bad_at = i;
            t->bad_size = words;
            break;
        }
        if (words > (d.len - i) / 2) {
            e = LS_E_TRUNCATED;
            break;
        }
        struct ls_slice r;
        (void)ls_slice_sub(d, i, (size_t)words * 2, &r);
        if (fn == 0x0000) eof = true;
        else e = wmf_record(t, w, r, fn);
        i += (size_t)words * 2;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK && !eof) e = LS_E_TRUNCATED; /* no META_EOF: the file is cut */
    *emf_cut = w->emf_bad || w->emf_left != 0;
    free(w);
    return e;
}

/* ---- EMF ---- */

static bool emf_header(struct ls_slice d)
{
    uint32_t type = 0, sig = 0, size = 0;
    return ls_rd_u32le(d, 0, &type) && type == 1 && ls_rd_u32le(d, 4, &size) && size >= 88 &&
           ls_rd_u32le(d, 40, &sig) && sig == 0x464D4520u; /* " EMF" */
}

/* UTF-16LE: n characters at r[off]; nothing when they are not all in r. */
static ls_err emf_put16_at(struct mf_out *t, struct ls_slice r, uint32_t off, uint32_t n, bool run, bool cont)
{
    struct ls_slice s;
    if (n == 0 || n > r.len / 2 || !ls_slice_sub(r, off, (size_t)n * 2, &s)) return LS_OK;
    return mf_put16(t, s, run, cont);
}

/* The sum of an EMRTEXT's n advances at r[off] (pairs with ETO_PDY: x of
 * each), -1 when there are none or they are not all in r. */
static int64_t emf_width(struct ls_slice r, uint32_t off, uint32_t n, uint32_t opts)
{
    size_t step = (opts & 0x2000u) ? 8 : 4; /* ETO_PDY */
    if (off == 0 || n == 0 || off > r.len || (r.len - off) / step < n) return -1;
    int64_t w = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t v = 0;
        (void)ls_rd_u32le(r, off + k * step, &v);
        w += (int32_t)v;
    }
    return w;
}

/* EMF+ records in a comment's data (after "EMF+"): EmfPlusDrawString. */
static ls_err emfplus(struct mf_out *t, struct ls_slice p)
{
    size_t i = 0;
    while (i < p.len) {
        uint16_t type = 0;
        uint32_t size = 0, dsize = 0, len = 0;
        if (!ls_rd_u16le(p, i, &type) || !ls_rd_u32le(p, i + 4, &size) || !ls_rd_u32le(p, i + 8, &dsize))
            break;
        if (size < 12 || size % 4 || size > p.len - i) break;
        struct ls_slice r;
        (void)ls_slice_sub(p, i, size, &r);
        /* DrawString: BrushId, FormatID, Length, LayoutRect (16), String */
        if (type == 0x401C && ls_rd_u32le(r, 20, &len)) LS_TRY(emf_put16_at(t, r, 40, len, false, false));
        i += size;
    }
    return LS_OK;
}

static ls_err emf_record(struct mf_out *t, struct ls_slice r, uint32_t type, int *charset)
{
    uint32_t n = 0, off = 0, opts = 0;
    struct ls_slice s;
    switch (type) {
    case 1: /* HEADER: nDescription, offDescription */
        if (ls_rd_u32le(r, 60, &n) && ls_rd_u32le(r, 64, &off)) return emf_put16_at(t, r, off, n, false, false);
        return LS_OK;
    case 22: /* SETTEXTALIGN */
        t->ucp = ls_rd_u32le(r, 8, &opts) && (opts & 0x0001u);
        return LS_OK;
    case 27: case 54: { /* MOVETOEX, LINETO: x, y */
        uint32_t x = 0, y = 0;
        (void)ls_rd_u32le(r, 8, &x);
        (void)ls_rd_u32le(r, 12, &y);
        t->cx = (int32_t)x;
        t->cy = (int32_t)y;
        return LS_OK;
    }
    case 82: { /* EXTCREATEFONTINDIRECTW: ihFont, LogFont (lfCharSet at 23) */
        int cs = ls_slice_at(r, 12 + 23);
        if (cs >= 0) *charset = cs;
        return LS_OK;
    }
    case 83: /* EXTTEXTOUTA: Bounds, iGraphicsMode, exScale, eyScale, EmrText */
    case 84: /* EXTTEXTOUTW: EmrText = Reference, Chars, offString, Options, Rectangle, offDx */
        if (!ls_rd_u32le(r, 44, &n) || !ls_rd_u32le(r, 48, &off) || !ls_rd_u32le(r, 52, &opts)) return LS_OK;
        if (opts & MF_ETO_GLYPH_INDEX) return mf_glyphs(t, n);
        if (type == 84 ? n > r.len / 2 : n > r.len) return LS_OK; /* not all in the record */
        {
            uint32_t x = 0, y = 0, dxoff = 0;
            (void)ls_rd_u32le(r, 36, &x);
            (void)ls_rd_u32le(r, 40, &y);
            (void)ls_rd_u32le(r, 72, &dxoff);
            bool cont = mf_place(t, (int32_t)x, (int32_t)y, emf_width(r, dxoff, n, opts), n);
            if (type == 84) return emf_put16_at(t, r, off, n, true, cont);
            if (ls_slice_sub(r, off, n, &s)) return mf_put8(t, s, mf_cp(*charset), cont);
        }
        return LS_OK;
    case 108: { /* SMALLTEXTOUT: x, y, cChars, fuOptions, iGraphicsMode, exScale, eyScale, [Bounds], Text */
        if (!ls_rd_u32le(r, 16, &n) || !ls_rd_u32le(r, 20, &opts)) return LS_OK;
        uint32_t at = 36 + ((opts & 0x0100u) ? 0u : 16u); /* ETO_NO_RECT */
        if (opts & MF_ETO_GLYPH_INDEX) return mf_glyphs(t, n);
        uint32_t x = 0, y = 0;
        (void)ls_rd_u32le(r, 8, &x);
        (void)ls_rd_u32le(r, 12, &y);
        bool cont = mf_place(t, (int32_t)x, (int32_t)y, -1, n); /* no advances */
        if (opts & 0x0200u) { /* ETO_SMALL_CHARS: 8-bit */
            if (ls_slice_sub(r, at, n, &s)) return mf_put8(t, s, mf_cp(*charset), cont);
            return LS_OK;
        }
        return emf_put16_at(t, r, at, n, true, cont);
    }
    case 70: { /* GDICOMMENT: DataSize, PrivateData */
        uint32_t ident = 0;
        if (!ls_rd_u32le(r, 8, &n) || !ls_slice_sub(r, 12, n, &s)) return LS_OK;
        if (ls_rd_u32le(s, 0, &ident) && ident == 0x2B464D45u) { /* "EMF+" */
            struct ls_slice p;
            (void)ls_slice_from(s, 4, &p);
            return emfplus(t, p);
        }
        if (ident == 0x43494447u) return LS_OK; /* "GDIC": a public comment */
        return mf_comment(t, s, mf_cp(*charset));
    }
    default:
        return LS_OK;
    }
}

static ls_err emf_walk(struct ls_ctx *c, struct ls_object *o, struct mf_out *t)
{
    struct ls_slice d = o->data;
    ls_err e = LS_OK;
    size_t i = 0, n = 0;
    int charset = 0;
    bool eof = false;
    while (e == LS_OK && !eof) {
        uint32_t type = 0, size = 0;
        if (i >= d.len) break;
        if (!ls_rd_u32le(d, i, &type) || !ls_rd_u32le(d, i + 4, &size)) {
            e = LS_E_TRUNCATED;
            break;
        }
        if (size < 8 || size % 4) {
            t->bad = "bytes";
            t->bad_at = i;
            t->bad_size = size;
            break;
        }
        if (size > d.len - i) {
            e = LS_E_TRUNCATED;
            break;
        }
        struct ls_slice r;
        (void)ls_slice_sub(d, i, size, &r);
        if (type == 14) eof = true; /* EOF */
        else e = emf_record(t, r, type, &charset);
        i += size;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK && !eof) e = LS_E_TRUNCATED;
    return e;
}

/* ---- the handler ---- */

static int metafile_probe(const struct ls_object *o)
{
    size_t at;
    if (emf_header(o->data)) return 90;
    if (wmf_header(o->data, &at)) return 90;
    return 0;
}

static ls_err metafile_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    struct ls_buf emf;
    ls_buf_init(&emf, o->data.len);
    bool emf_cut = false;
    size_t at = 0;
    const char *kind = emf_header(o->data) ? "emf" : "wmf";
    ls_err e;
    struct mf_out t = {&b, false, false, false, 0, 0, 0, 0, 0, 0, NULL, 0, 0};
    if (kind[0] == 'e') e = emf_walk(c, o, &t);
    else if (wmf_header(o->data, &at)) e = wmf_walk(c, o, &t, at, &emf, &emf_cut);
    else e = LS_OK;
    ls_err ee = mf_end(&t); /* the last line's end (LS_E_LIMIT at worst) */
    if (e == LS_OK) e = ee;
    if (emf.len > 0 && e != LS_E_NOMEM && e != LS_E_TIMEOUT) {
        struct ls_child ch;
        memset(&ch, 0, sizeof ch);
        ch.name = "embedded.emf";
        ch.name_len = strlen("embedded.emf");
        ch.data = ls_buf_slice(&emf);
        if (emf_cut) {
            ch.flags = LS_CHILD_TRUNCATED;
            ch.tags[0] = LS_R_TRUNCATED;
            ch.error = "wmf: the embedded EMF's chunks end early or out of order";
        }
        ls_err ce = ls_emit_child(c, o, &ch);
        if (ce == LS_E_TIMEOUT && e == LS_OK) e = ce;
    }
    bool had_emf = emf.len > 0;
    ls_buf_free(&emf);
    if (t.glyphs)
        ls_note(c, o, LS_R_UNSUPPORTED, "%s: %lu strings drawn as glyph indexes (ETO_GLYPH_INDEX): not read", kind,
                t.glyphs);
    if (e == LS_OK && !t.bad && b.len == 0 && !had_emf && !t.glyphs) {
        /* A whole picture that draws no text (a logo, a scanned page): it
         * is an image, read as media are (its bitmaps left out of the raw
         * scan, src/scan/media.c), as before this handler. */
        ls_buf_free(&b);
        return ls_decline(c, o);
    }
    if (t.bad)
        ls_note(c, o, LS_R_PARSE_ERROR, "%s: a record of %lu %s at offset %zu: read up to there", kind,
                t.bad_size, t.bad, t.bad_at);
    if (e == LS_E_TRUNCATED)
        ls_note(c, o, LS_R_TRUNCATED, "%s: the records end before the end-of-file record", kind);
    ls_err te = ls_emit_done(c, o, &b, NULL);
    if (e == LS_E_LIMIT) {
        ls_note(c, o, LS_R_LIMIT_TEXT, "%s: text cut at the text budget", kind);
        e = LS_OK;
    }
    if (te == LS_E_LIMIT) te = LS_OK; /* the pipeline notes limit:text */
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_metafile = {
    .name = "metafile",
    .probe = metafile_probe,
    .extract = metafile_extract,
};
