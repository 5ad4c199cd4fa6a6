/*
 * Equations of Microsoft Equation Editor 3.x and MathType: the
 * "Equation Native" stream of an embedded equation object (OLE class
 * Equation.3 / Equation.DSMT4), a 28-byte EQNOLEFILEHDR (u16 cbHdr first)
 * and MTEF data, following Design Science's "MTEF v.3" and "MTEF v.5"
 * specifications. Word and PowerPoint keep one such object per equation
 * (word/embeddings/oleObjectN.bin, ObjectPool/_N in a .doc).
 *
 * What is read: the character of every CHAR record, in stream order, a
 * space between the lines and templates of the equation (so "x = 12" and
 * the slots of a fraction stay apart). Ignored on purpose: layout
 * (nudges, rulers, sizes, fonts, colours, preferences), embellishments,
 * which template each slot belongs to. MTEF v.2/v.3 (one tag byte with
 * the options in its high nibble) and v.5 (a tag byte then an options
 * byte) are walked record by record; any other version is unsupported.
 *
 * Attacker-controlled: the whole stream; every field is read through a
 * cursor, the walk is bounded by the stream length and a record count.
 */
#include "extract/ole2.h"

#include <string.h>

#define EQN_HDR_MIN 28u
#define EQN_MAX_RECORDS (1u << 20) /* far above any equation; a loop guard */

/* MTEF record types (both versions share 0..14). */
enum {
    EQN_END = 0,
    EQN_LINE = 1,
    EQN_CHAR = 2,
    EQN_TMPL = 3,
    EQN_PILE = 4,
    EQN_MATRIX = 5,
    EQN_EMBELL = 6,
    EQN_RULER = 7,
    EQN_FONT = 8, /* v.3 FONT, v.5 FONT_STYLE_DEF */
    EQN_SIZE = 9,
    EQN_SUBSYM = 14,
    EQN_COLOR = 15,
    EQN_COLOR_DEF = 16,
    EQN_FONT_DEF = 17,
    EQN_EQN_PREFS = 18,
    EQN_ENCODING_DEF = 19,
    EQN_FUTURE = 100,
};

/* Option bits (v.3: the tag's high nibble, shifted down; v.5: the
 * options byte). CHAR's embellishment bit differs between versions. */
#define EQN_OPT_NUDGE 0x08u
#define EQN_OPT_LINE_NULL 0x01u
#define EQN_OPT_LSPACE 0x04u
#define EQN_OPT5_ENC_CHAR_8 0x04u
#define EQN_OPT5_ENC_CHAR_16 0x10u
#define EQN_OPT5_NO_MTCODE 0x20u

struct eqn_rd {
    struct ole2_job *j;
    struct ls_cursor c;
    unsigned ver;
    bool gap; /* a space is due before the next character */
    bool any; /* a character was written */
    unsigned depth; /* object lists open; the equation ends when the first closes */
    bool done;
};

/* A record that an object list follows (closed by an END record). */
static void eqn_open(struct eqn_rd *r) { r->depth++; }

static ls_err eqn_u8(struct eqn_rd *r, uint8_t *v) { return ls_cur_u8(&r->c, v); }

/* Two signed offsets; both 128 means two 16-bit offsets follow. */
static ls_err eqn_nudge(struct eqn_rd *r)
{
    uint8_t dx, dy;
    LS_TRY(eqn_u8(r, &dx));
    LS_TRY(eqn_u8(r, &dy));
    if (dx == 128 && dy == 128) return ls_cur_skip(&r->c, 4);
    return LS_OK;
}

static ls_err eqn_cstr(struct eqn_rd *r)
{
    uint8_t b = 1;
    while (b != 0) LS_TRY(eqn_u8(r, &b));
    return LS_OK;
}

static ls_err eqn_char_out(struct eqn_rd *r, uint32_t cp)
{
    /* control codes, surrogates, and MathType's private-use glyphs
     * (spaces, alignment marks) are not text */
    if (cp < 0x20 || (cp >= 0xD800 && cp < 0xF900) || cp == 0xFFFF) return LS_OK;
    if (r->gap && r->any) LS_TRY(ole2_put_cp(r->j, ' '));
    r->gap = false;
    r->any = true;
    return ole2_put_cp(r->j, cp);
}

/* SIZE: lsize 101 = explicit point size (u16); 100 = lsize + u16 dsize;
 * otherwise lsize then a one-byte dsize. */
static ls_err eqn_size(struct eqn_rd *r)
{
    uint8_t l;
    LS_TRY(eqn_u8(r, &l));
    if (l == 101) return ls_cur_skip(&r->c, 2);
    if (l == 100) return ls_cur_skip(&r->c, 3);
    return ls_cur_skip(&r->c, 1);
}

/* MATRIX after its nudge: valign, h_just, v_just, rows, cols, then the
 * row and column partition lines, two bits each for rows+1 / cols+1. */
static ls_err eqn_matrix(struct eqn_rd *r)
{
    uint8_t rows, cols;
    LS_TRY(ls_cur_skip(&r->c, 3));
    LS_TRY(eqn_u8(r, &rows));
    LS_TRY(eqn_u8(r, &cols));
    size_t rb = ((size_t)rows + 1u) * 2u, cb = ((size_t)cols + 1u) * 2u;
    return ls_cur_skip(&r->c, (rb + 7u) / 8u + (cb + 7u) / 8u);
}

static ls_err eqn_ruler(struct eqn_rd *r)
{
    uint8_t n;
    LS_TRY(eqn_u8(r, &n));
    return ls_cur_skip(&r->c, (size_t)n * 3u);
}

/* The fields after a record's nudge that both versions share (LINE's
 * spacing, TMPL's v.3 fields, PILE, MATRIX, EMBELL, RULER, SIZE). */
static ls_err eqn_common(struct eqn_rd *r, unsigned type, unsigned opt)
{
    switch (type) {
    case EQN_END:
        /* bytes after the outermost list's END are padding */
        if (r->depth > 0 && --r->depth == 0) r->done = true;
        r->gap = true;
        return LS_OK;
    case EQN_LINE:
        if (!(opt & EQN_OPT_LINE_NULL)) eqn_open(r);
        r->gap = true;
        return (type == EQN_LINE && (opt & EQN_OPT_LSPACE)) ? ls_cur_skip(&r->c, 2) : LS_OK;
    case EQN_PILE:
        eqn_open(r);
        r->gap = true;
        return ls_cur_skip(&r->c, 2);
    case EQN_MATRIX:
        eqn_open(r);
        r->gap = true;
        return eqn_matrix(r);
    case EQN_EMBELL: /* v.5: one embellishment byte */
        return ls_cur_skip(&r->c, 1);
    case EQN_RULER:
        return eqn_ruler(r);
    case EQN_SIZE:
        return eqn_size(r);
    default:
        return type > EQN_SIZE && type <= EQN_SUBSYM ? LS_OK : LS_E_CORRUPT;
    }
}

static bool eqn_has_nudge(unsigned type, unsigned opt)
{
    return type >= EQN_LINE && type <= EQN_EMBELL && (opt & EQN_OPT_NUDGE);
}

/* One MTEF v.2/v.3 record. */
static ls_err eqn_record3(struct eqn_rd *r, uint8_t tag)
{
    unsigned type = tag & 0x0Fu, opt = tag >> 4;
    if (eqn_has_nudge(type, opt)) LS_TRY(eqn_nudge(r));
    if (type == EQN_CHAR) {
        uint8_t face, lo, hi = 0;
        LS_TRY(eqn_u8(r, &face));
        LS_TRY(eqn_u8(r, &lo));
        if (r->ver >= 3) LS_TRY(eqn_u8(r, &hi));
        if (opt & 0x02u) eqn_open(r); /* xfEMBELL: an embellishment list follows */
        return eqn_char_out(r, (uint32_t)lo | ((uint32_t)hi << 8));
    }
    if (type == EQN_TMPL) {
        eqn_open(r);
        r->gap = true;
        return ls_cur_skip(&r->c, 3); /* selector, variation, options */
    }
    if (type == EQN_FONT) {
        LS_TRY(ls_cur_skip(&r->c, 2)); /* typeface, style */
        return eqn_cstr(r);
    }
    if (type == EQN_EMBELL) /* Equation Editor writes a 0-ended list of embellishments */
        return eqn_cstr(r);
    return eqn_common(r, type, opt);
}

/* v.5 CHAR: typeface, MTCode (unless NO_MTCODE), then the character in
 * the font's own 8- or 16-bit encoding when flagged. */
static ls_err eqn_char5(struct eqn_rd *r, unsigned opt)
{
    uint8_t face, b0, b1;
    uint32_t mt = 0, enc = 0;
    LS_TRY(eqn_u8(r, &face));
    if (!(opt & EQN_OPT5_NO_MTCODE)) {
        LS_TRY(eqn_u8(r, &b0));
        LS_TRY(eqn_u8(r, &b1));
        mt = (uint32_t)b0 | ((uint32_t)b1 << 8);
    }
    if (opt & EQN_OPT5_ENC_CHAR_8) {
        LS_TRY(eqn_u8(r, &b0));
        enc = b0;
    }
    if (opt & EQN_OPT5_ENC_CHAR_16) {
        LS_TRY(eqn_u8(r, &b0));
        LS_TRY(eqn_u8(r, &b1));
        enc = (uint32_t)b0 | ((uint32_t)b1 << 8);
    }
    return eqn_char_out(r, (opt & EQN_OPT5_NO_MTCODE) ? enc : mt);
}

/* v.5 EQN_PREFS dimension array: a count, then per value a unit nibble and
 * digit nibbles ending with 0xF, the whole array padded to a byte. */
static ls_err eqn_dims(struct eqn_rd *r)
{
    uint8_t n, b = 0;
    LS_TRY(eqn_u8(r, &n));
    bool low = false; /* the low nibble of b is next */
    for (unsigned i = 0; i < n; i++) {
        unsigned nib = 0, k = 0;
        do {
            if (!low) {
                LS_TRY(eqn_u8(r, &b));
                nib = b >> 4;
            } else {
                nib = b & 0x0Fu;
            }
            low = !low;
        } while ((k++ == 0 || nib != 0x0Fu) && k < 64u);
        LS_FAIL_IF(nib != 0x0Fu, LS_E_CORRUPT);
    }
    return LS_OK;
}

static ls_err eqn_prefs(struct eqn_rd *r)
{
    uint8_t n, font;
    LS_TRY(ls_cur_skip(&r->c, 1)); /* options */
    LS_TRY(eqn_dims(r));           /* sizes */
    LS_TRY(eqn_dims(r));           /* spaces */
    LS_TRY(eqn_u8(r, &n));         /* styles: font def index [+ style] */
    for (unsigned i = 0; i < n; i++) {
        LS_TRY(eqn_u8(r, &font));
        if (font != 0) LS_TRY(ls_cur_skip(&r->c, 1));
    }
    return LS_OK;
}

static ls_err eqn_color_def(struct eqn_rd *r)
{
    uint8_t opt;
    LS_TRY(eqn_u8(r, &opt));
    LS_TRY(ls_cur_skip(&r->c, (opt & 0x01u) ? 8u : 6u)); /* CMYK or RGB, u16 each */
    return (opt & 0x04u) ? eqn_cstr(r) : LS_OK;
}

/* v.5 records without an options byte: definitions and FUTURE. */
static ls_err eqn_record5_def(struct eqn_rd *r, unsigned type)
{
    uint8_t lo, hi;
    switch (type) {
    case EQN_FONT:
        return ls_cur_skip(&r->c, 2); /* FONT_STYLE_DEF: font def index, style */
    case EQN_COLOR:
        return ls_cur_skip(&r->c, 1);
    case EQN_COLOR_DEF:
        return eqn_color_def(r);
    case EQN_FONT_DEF:
        LS_TRY(ls_cur_skip(&r->c, 1)); /* encoding def index */
        return eqn_cstr(r);
    case EQN_EQN_PREFS:
        return eqn_prefs(r);
    case EQN_ENCODING_DEF:
        return eqn_cstr(r);
    default:
        LS_FAIL_IF(type < EQN_FUTURE, LS_E_CORRUPT);
        LS_TRY(eqn_u8(r, &lo));
        LS_TRY(eqn_u8(r, &hi));
        return ls_cur_skip(&r->c, (size_t)lo | ((size_t)hi << 8));
    }
}

/* One MTEF v.5 record. */
static ls_err eqn_record5(struct eqn_rd *r, uint8_t type)
{
    uint8_t opt = 0;
    if (type == EQN_END || type == EQN_RULER || type == EQN_SIZE || (type > EQN_SIZE && type <= EQN_SUBSYM))
        return eqn_common(r, type, 0);
    if (type > EQN_EMBELL) return eqn_record5_def(r, type);
    LS_TRY(eqn_u8(r, &opt));
    if (eqn_has_nudge(type, opt)) LS_TRY(eqn_nudge(r));
    if (type == EQN_CHAR) {
        if (opt & 0x01u) eqn_open(r); /* mtefOPT_CHAR_EMBELL */
        return eqn_char5(r, opt);
    }
    if (type == EQN_TMPL) {
        uint8_t sel, var;
        eqn_open(r);
        r->gap = true;
        LS_TRY(eqn_u8(r, &sel));
        LS_TRY(eqn_u8(r, &var));
        if (var & 0x80u) LS_TRY(ls_cur_skip(&r->c, 1)); /* two-byte variation */
        return ls_cur_skip(&r->c, 1);                  /* template options */
    }
    return eqn_common(r, type, opt);
}

/* MTEF header: version, platform, product, product version and
 * subversion; v.5 adds an application key (C string) and an options
 * byte. Returns LS_E_UNSUPPORTED for versions this walker does not know. */
static ls_err eqn_header(struct eqn_rd *r)
{
    uint8_t v;
    LS_TRY(eqn_u8(r, &v));
    r->ver = v;
    LS_FAIL_IF(v != 2 && v != 3 && v != 5, LS_E_UNSUPPORTED);
    LS_TRY(ls_cur_skip(&r->c, 4));
    if (v == 5) {
        LS_TRY(eqn_cstr(r));
        LS_TRY(ls_cur_skip(&r->c, 1));
    }
    return LS_OK;
}

static ls_err eqn_walk(struct eqn_rd *r)
{
    LS_TRY(eqn_header(r));
    for (unsigned n = 0; ls_cur_left(&r->c) > 0 && !r->done; n++) {
        uint8_t tag;
        LS_FAIL_IF(n >= EQN_MAX_RECORDS, LS_E_CORRUPT);
        LS_TRY(eqn_u8(r, &tag));
        LS_TRY(r->ver == 5 ? eqn_record5(r, tag) : eqn_record3(r, tag));
    }
    /* the stream ended inside an object list */
    return r->done || r->depth == 0 ? LS_OK : LS_E_TRUNCATED;
}

/* The MTEF bytes of an Equation Native stream: after cbHdr bytes of
 * header, cbObject long (clamped to what is there). */
static ls_err eqn_body(struct ls_slice s, struct ls_slice *out)
{
    struct ls_cursor c = ls_cur_make(s);
    uint16_t hdr;
    uint32_t ver, len;
    uint16_t cf;
    LS_TRY(ls_cur_u16le(&c, &hdr));
    LS_TRY(ls_cur_u32le(&c, &ver));
    LS_TRY(ls_cur_u16le(&c, &cf));
    LS_TRY(ls_cur_u32le(&c, &len));
    LS_FAIL_IF(hdr < EQN_HDR_MIN, LS_E_CORRUPT);
    struct ls_slice body;
    LS_FAIL_IF(!ls_slice_from(s, hdr, &body), LS_E_TRUNCATED);
    if (len < body.len) body.len = len;
    *out = body;
    return LS_OK;
}

bool ole2_eqn_has(const struct ole2_cfb *f, uint32_t st)
{
    return ole2_cfb_find_type(f, st, "Equation Native", OLE2_T_STREAM) != OLE2_NOSTREAM;
}

ls_err ole2_eqn_extract(struct ole2_job *j, uint32_t st)
{
    struct ls_buf b;
    ls_buf_init(&b, j->f->data.len);
    ls_err e = ole2_read_named(j, st, "Equation Native", &b);
    if (e == LS_E_NOMEM) goto out;
    struct eqn_rd r;
    memset(&r, 0, sizeof r);
    r.j = j;
    struct ls_slice body;
    e = eqn_body(ls_buf_slice(&b), &body);
    if (e == LS_OK) {
        r.c = ls_cur_make(body);
        e = eqn_walk(&r);
    }
    if (r.any) {
        ls_err p = ole2_put_cp(j, '\n');
        if (e == LS_OK) e = p;
    }
    if (e == LS_E_UNSUPPORTED)
        ls_note(j->c, j->o, LS_R_UNSUPPORTED, "ole2: equation in MTEF version %u", (unsigned)r.ver);
    else if (e == LS_E_CORRUPT || e == LS_E_TRUNCATED)
        ls_note(j->c, j->o, e == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
                "ole2: equation (MTEF) damaged at byte %zu", r.c.pos);
out:
    ls_buf_free(&b);
    return e == LS_E_NOMEM || e == LS_E_LIMIT ? e : LS_OK;
}
