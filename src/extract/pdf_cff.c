/*
 * The built-in encoding of a CFF font program (src/extract/pdf_cff.c):
 * what a simple font whose program is a FontFile3 /Type1C (or /OpenType
 * with a 'CFF ' table) draws when the PDF gives it no /Encoding, or
 * /Differences over none (ISO 32000-1 9.6.6.2).
 *
 * Spec: Adobe Technical Note #5176, "The Compact Font Format
 * Specification" 1.0: header (section 6), INDEX data (5), Top DICT
 * (9: operators charset 15, Encoding 16, CharStrings 17, ROS 12 30),
 * String INDEX and the 391 standard strings (10, Appendix A), encodings
 * (12: formats 0 and 1, supplements) and charsets (13: formats 0-2).
 * Read: the first font of the FontSet, its encoding and charset; code ->
 * glyph id -> string id -> glyph name -> Unicode (pdf_glyph_unicode).
 * Ignored on purpose: charstrings, private dictionaries, CID-keyed fonts
 * (ROS: their charset holds CIDs, not names). The predefined Expert
 * encoding and Expert and ExpertSubset charsets (small capitals, old-style
 * figures, ligatures, fractions) are read; their names are their base
 * glyphs' ("Asmall" A, pdf_glyph_unicode).
 * Attacker-controlled: every offset, count and size (offSize, INDEX
 * counts and offsets, DICT operands, charset and encoding ranges). Each
 * read goes through a bounds-checked slice; loops are bounded by the
 * glyph count (at most 65,535) or by one byte's count; nothing here
 * allocates more than one 128 KiB table.
 */
#include "extract/pdf_int.h"

#include <stdlib.h>
#include <string.h>

/* TN 5176 Appendix A: standard string ids 0-390 (the names of the
 * ISOAdobe character set, then the Expert set's, then style names). */
#define CFF_NSTD 391u
static const char *const cff_std[CFF_NSTD] = {
    ".notdef", "space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand",
    "quoteright", "parenleft", "parenright", "asterisk", "plus", "comma", "hyphen", "period",
    "slash", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "colon", "semicolon", "less", "equal", "greater", "question", "at", "A", "B", "C", "D", "E",
    "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X",
    "Y", "Z", "bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "quoteleft",
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z", "braceleft", "bar", "braceright", "asciitilde", "exclamdown",
    "cent", "sterling", "fraction", "yen", "florin", "section", "currency", "quotesingle",
    "quotedblleft", "guillemotleft", "guilsinglleft", "guilsinglright", "fi", "fl", "endash",
    "dagger", "daggerdbl", "periodcentered", "paragraph", "bullet", "quotesinglbase",
    "quotedblbase", "quotedblright", "guillemotright", "ellipsis", "perthousand", "questiondown",
    "grave", "acute", "circumflex", "tilde", "macron", "breve", "dotaccent", "dieresis", "ring",
    "cedilla", "hungarumlaut", "ogonek", "caron", "emdash", "AE", "ordfeminine", "Lslash", "Oslash",
    "OE", "ordmasculine", "ae", "dotlessi", "lslash", "oslash", "oe", "germandbls", "onesuperior",
    "logicalnot", "mu", "trademark", "Eth", "onehalf", "plusminus", "Thorn", "onequarter", "divide",
    "brokenbar", "degree", "thorn", "threequarters", "twosuperior", "registered", "minus", "eth",
    "multiply", "threesuperior", "copyright", "Aacute", "Acircumflex", "Adieresis", "Agrave",
    "Aring", "Atilde", "Ccedilla", "Eacute", "Ecircumflex", "Edieresis", "Egrave", "Iacute",
    "Icircumflex", "Idieresis", "Igrave", "Ntilde", "Oacute", "Ocircumflex", "Odieresis", "Ograve",
    "Otilde", "Scaron", "Uacute", "Ucircumflex", "Udieresis", "Ugrave", "Yacute", "Ydieresis",
    "Zcaron", "aacute", "acircumflex", "adieresis", "agrave", "aring", "atilde", "ccedilla",
    "eacute", "ecircumflex", "edieresis", "egrave", "iacute", "icircumflex", "idieresis", "igrave",
    "ntilde", "oacute", "ocircumflex", "odieresis", "ograve", "otilde", "scaron", "uacute",
    "ucircumflex", "udieresis", "ugrave", "yacute", "ydieresis", "zcaron", "exclamsmall",
    "Hungarumlautsmall", "dollaroldstyle", "dollarsuperior", "ampersandsmall", "Acutesmall",
    "parenleftsuperior", "parenrightsuperior", "twodotenleader", "onedotenleader", "zerooldstyle",
    "oneoldstyle", "twooldstyle", "threeoldstyle", "fouroldstyle", "fiveoldstyle", "sixoldstyle",
    "sevenoldstyle", "eightoldstyle", "nineoldstyle", "commasuperior", "threequartersemdash",
    "periodsuperior", "questionsmall", "asuperior", "bsuperior", "centsuperior", "dsuperior",
    "esuperior", "isuperior", "lsuperior", "msuperior", "nsuperior", "osuperior", "rsuperior",
    "ssuperior", "tsuperior", "ff", "ffi", "ffl", "parenleftinferior", "parenrightinferior",
    "Circumflexsmall", "hyphensuperior", "Gravesmall", "Asmall", "Bsmall", "Csmall", "Dsmall",
    "Esmall", "Fsmall", "Gsmall", "Hsmall", "Ismall", "Jsmall", "Ksmall", "Lsmall", "Msmall",
    "Nsmall", "Osmall", "Psmall", "Qsmall", "Rsmall", "Ssmall", "Tsmall", "Usmall", "Vsmall",
    "Wsmall", "Xsmall", "Ysmall", "Zsmall", "colonmonetary", "onefitted", "rupiah", "Tildesmall",
    "exclamdownsmall", "centoldstyle", "Lslashsmall", "Scaronsmall", "Zcaronsmall", "Dieresissmall",
    "Brevesmall", "Caronsmall", "Dotaccentsmall", "Macronsmall", "figuredash", "hypheninferior",
    "Ogoneksmall", "Ringsmall", "Cedillasmall", "questiondownsmall", "oneeighth", "threeeighths",
    "fiveeighths", "seveneighths", "onethird", "twothirds", "zerosuperior", "foursuperior",
    "fivesuperior", "sixsuperior", "sevensuperior", "eightsuperior", "ninesuperior", "zeroinferior",
    "oneinferior", "twoinferior", "threeinferior", "fourinferior", "fiveinferior", "sixinferior",
    "seveninferior", "eightinferior", "nineinferior", "centinferior", "dollarinferior",
    "periodinferior", "commainferior", "Agravesmall", "Aacutesmall", "Acircumflexsmall",
    "Atildesmall", "Adieresissmall", "Aringsmall", "AEsmall", "Ccedillasmall", "Egravesmall",
    "Eacutesmall", "Ecircumflexsmall", "Edieresissmall", "Igravesmall", "Iacutesmall",
    "Icircumflexsmall", "Idieresissmall", "Ethsmall", "Ntildesmall", "Ogravesmall", "Oacutesmall",
    "Ocircumflexsmall", "Otildesmall", "Odieresissmall", "OEsmall", "Oslashsmall", "Ugravesmall",
    "Uacutesmall", "Ucircumflexsmall", "Udieresissmall", "Yacutesmall", "Thornsmall",
    "Ydieresissmall", "001.000", "001.001", "001.002", "001.003", "Black", "Bold", "Book", "Light",
    "Medium", "Regular", "Roman", "Semibold",
};

/* Top DICT operands kept on the stack at most (TN 5176 says 48). */
#define CFF_MAX_OPERANDS 48u

/* An INDEX (TN 5176 section 5): count objects whose offsets (offsz bytes
 * each, 1-based from the byte before data) are at offs. */
struct cff_index {
    struct ls_slice s; /* the whole font */
    uint32_t count;
    unsigned offsz;
    size_t offs, data, end; /* offset array, byte before data + 1, end */
};

static bool cff_uint(struct ls_slice s, size_t off, unsigned n, uint32_t *v)
{
    *v = 0;
    if (off > s.len || s.len - off < n) return false;
    for (unsigned i = 0; i < n; i++) *v = *v << 8 | s.ptr[off + i];
    return true;
}

static bool cff_index_read(struct ls_slice s, size_t off, struct cff_index *ix)
{
    memset(ix, 0, sizeof *ix);
    ix->s = s;
    uint32_t count, offsz, last;
    if (!cff_uint(s, off, 2, &count)) return false;
    ix->count = count;
    if (count == 0) {
        ix->end = off + 2;
        return true;
    }
    if (!cff_uint(s, off + 2, 1, &offsz) || offsz < 1 || offsz > 4) return false;
    ix->offsz = offsz;
    ix->offs = off + 3;
    size_t arr = ((size_t)count + 1) * offsz;
    if (ix->offs > s.len || arr > s.len - ix->offs) return false;
    ix->data = ix->offs + arr - 1; /* offsets count from 1 */
    if (!cff_uint(s, ix->offs + (size_t)count * offsz, offsz, &last) || last < 1 || last > s.len - ix->data)
        return false;
    ix->end = ix->data + last;
    return true;
}

/* Object i of an INDEX; false if its offsets are out of order or range. */
static bool cff_index_get(const struct cff_index *ix, uint32_t i, struct ls_slice *out)
{
    uint32_t a, b;
    *out = ls_slice_make(NULL, 0);
    if (i >= ix->count) return false;
    if (!cff_uint(ix->s, ix->offs + (size_t)i * ix->offsz, ix->offsz, &a) ||
        !cff_uint(ix->s, ix->offs + ((size_t)i + 1) * ix->offsz, ix->offsz, &b) || a < 1 || b < a)
        return false;
    return ls_slice_sub(ix->s, ix->data + a, (size_t)(b - a), out);
}

/* The offsets the Top DICT gives (0 where absent: the predefined ones). */
struct cff_top {
    int64_t charset, encoding, charstrings;
    bool cid; /* ROS: a CID-keyed font */
};

/* Skip a real operand (nibbles up to 0xf); pos is past the 30. */
static size_t cff_skip_real(struct ls_slice d, size_t pos)
{
    while (pos < d.len) {
        int b = ls_slice_at(d, pos++);
        if ((b & 0x0f) == 0x0f || (b & 0xf0) == 0xf0) break;
    }
    return pos;
}

static void cff_top_op(struct cff_top *t, int op, const int64_t *v, size_t n)
{
    int64_t last = n ? v[n - 1] : 0;
    if (op == 15) t->charset = last;
    else if (op == 16) t->encoding = last;
    else if (op == 17) t->charstrings = last;
    else if (op == (12 << 8 | 30)) t->cid = true;
}

/* Top DICT (TN 5176 section 4, Table 3 operand encodings). */
static void cff_top_parse(struct ls_slice d, struct cff_top *t)
{
    int64_t v[CFF_MAX_OPERANDS];
    size_t n = 0, pos = 0;
    memset(t, 0, sizeof *t);
    while (pos < d.len) {
        int b0 = ls_slice_at(d, pos++), b1 = ls_slice_at(d, pos);
        int64_t val;
        if (b0 <= 21) { /* an operator */
            int op = b0;
            if (b0 == 12) {
                if (b1 < 0) break;
                op = 12 << 8 | b1;
                pos++;
            }
            cff_top_op(t, op, v, n);
            n = 0;
            continue;
        }
        if (b0 == 30) {
            pos = cff_skip_real(d, pos);
            val = 0;
        } else if (b0 == 28 || b0 == 29) {
            uint32_t u;
            unsigned k = b0 == 28 ? 2 : 4;
            if (!cff_uint(d, pos, k, &u)) break;
            pos += k;
            val = k == 2 ? (int64_t)(int16_t)(uint16_t)u : (int64_t)(int32_t)u;
        } else if (b0 >= 32 && b0 <= 246) {
            val = b0 - 139;
        } else if (b0 >= 247 && b0 <= 254) {
            if (b1 < 0) break;
            pos++;
            val = b0 <= 250 ? (b0 - 247) * 256 + b1 + 108 : -(b0 - 251) * 256 - b1 - 108;
        } else {
            break; /* 22-27, 31, 255: reserved */
        }
        if (n < CFF_MAX_OPERANDS) v[n++] = val;
    }
}

/* The glyph name of string id sid: a standard string, else one of the
 * String INDEX. */
static bool cff_sid_name(const struct cff_index *strings, uint32_t sid, struct ls_slice *name)
{
    if (sid < CFF_NSTD) {
        *name = ls_slice_make(cff_std[sid], strlen(cff_std[sid]));
        return true;
    }
    return cff_index_get(strings, sid - CFF_NSTD, name);
}

/* A custom charset (formats 0-2): sid[gid] for 1 <= gid < n. */
static bool cff_charset(struct ls_slice s, size_t off, uint16_t *sid, uint32_t n)
{
    uint32_t fmt, v, first, left;
    if (!cff_uint(s, off, 1, &fmt) || fmt > 2) return false;
    size_t pos = off + 1;
    uint32_t gid = 1;
    while (gid < n) {
        if (fmt == 0) {
            if (!cff_uint(s, pos, 2, &v)) return false;
            pos += 2;
            sid[gid++] = (uint16_t)v;
            continue;
        }
        unsigned k = fmt == 1 ? 1 : 2;
        if (!cff_uint(s, pos, 2, &first) || !cff_uint(s, pos + 2, k, &left)) return false;
        pos += 2 + k;
        for (uint32_t i = 0; i <= left && gid < n; i++) sid[gid++] = (uint16_t)(first + i);
    }
    return true;
}

/* A custom encoding (formats 0 and 1, supplements): gid[code] (0: none),
 * and for supplements the string id directly in sup[code] (0: none). */
static bool cff_encoding(struct ls_slice s, size_t off, uint16_t gid[256], uint16_t sup[256])
{
    uint32_t fmt, n, code, left, sid;
    if (!cff_uint(s, off, 1, &fmt) || !cff_uint(s, off + 1, 1, &n)) return false;
    size_t pos = off + 2;
    uint32_t g = 1;
    if ((fmt & 0x7f) == 0) {
        for (uint32_t i = 0; i < n; i++, g++) {
            if (!cff_uint(s, pos++, 1, &code)) return false;
            gid[code] = (uint16_t)g;
        }
    } else if ((fmt & 0x7f) == 1) {
        for (uint32_t i = 0; i < n; i++) {
            if (!cff_uint(s, pos, 1, &code) || !cff_uint(s, pos + 1, 1, &left)) return false;
            pos += 2;
            for (uint32_t c = code; c <= code + left && c < 256 && g < 65536; c++) gid[c] = (uint16_t)g++;
        }
    } else {
        return false;
    }
    if (!(fmt & 0x80)) return true;
    if (!cff_uint(s, pos++, 1, &n)) return true; /* supplements cut: keep the rest */
    for (uint32_t i = 0; i < n; i++, pos += 3) {
        if (!cff_uint(s, pos, 1, &code) || !cff_uint(s, pos + 1, 2, &sid)) break;
        sup[code] = (uint16_t)sid;
    }
    return true;
}

/* The predefined Expert encoding (TN 5176 Appendix B): runs of codes whose
 * string ids follow on from first (code, first sid, count). */
static const uint16_t cff_expert_enc[][3] = {
    {32, 1, 1},     {33, 229, 2},   {36, 231, 8},   {44, 13, 3},    {47, 99, 1},    {48, 239, 10},
    {58, 27, 2},    {60, 249, 4},   {65, 253, 5},   {73, 258, 1},   {76, 259, 4},   {82, 263, 3},
    {86, 266, 1},   {87, 109, 2},   {89, 267, 3},   {93, 270, 1},   {94, 271, 33},  {161, 304, 3},
    {166, 307, 5},  {172, 312, 1},  {175, 313, 1},  {178, 314, 2},  {182, 316, 3},  {188, 158, 1},
    {189, 155, 1},  {190, 163, 1},  {191, 319, 7},  {200, 326, 1},  {201, 150, 1},  {202, 164, 1},
    {203, 169, 1},  {204, 327, 52},
};

/* The predefined Expert and ExpertSubset charsets (TN 5176 Appendix C):
 * runs of string ids for glyph ids 0, 1, ... (first sid, count). */
static const uint16_t cff_expert_cs[][2] = {
    {0, 2}, {229, 10}, {13, 3}, {99, 1}, {239, 10}, {27, 2}, {249, 18}, {109, 2},
    {267, 52}, {158, 1}, {155, 1}, {163, 1}, {319, 8}, {150, 1}, {164, 1}, {169, 1}, {327, 52},
};
static const uint16_t cff_expert_subset_cs[][2] = {
    {0, 2}, {231, 2}, {235, 4}, {13, 3}, {99, 1}, {239, 10}, {27, 2}, {249, 3}, {253, 14}, {109, 2},
    {267, 4}, {272, 1}, {300, 3}, {305, 1}, {314, 2}, {158, 1}, {155, 1}, {163, 1}, {320, 7},
    {150, 1}, {164, 1}, {169, 1}, {327, 20},
};

/* sid[gid] of a predefined Expert charset (runs: n of them), for gid < n_glyphs. */
static void cff_expert_charset(const uint16_t (*runs)[2], size_t nruns, uint16_t *sid, uint32_t n)
{
    uint32_t g = 0;
    for (size_t r = 0; r < nruns; r++)
        for (uint16_t k = 0; k < runs[r][1] && g < n; k++) sid[g++] = (uint16_t)(runs[r][0] + k);
}

/* The 'CFF ' table of an OpenType font, or the font itself. */
static struct ls_slice cff_of_opentype(struct ls_slice s)
{
    uint32_t tag, ntables;
    if (!cff_uint(s, 0, 4, &tag) || tag != 0x4F54544Fu || !cff_uint(s, 4, 2, &ntables)) return s;
    for (uint32_t i = 0; i < ntables; i++) {
        uint32_t off, len;
        size_t rec = 12 + 16 * (size_t)i;
        struct ls_slice t;
        if (!cff_uint(s, rec, 4, &tag) || !cff_uint(s, rec + 8, 4, &off) || !cff_uint(s, rec + 12, 4, &len))
            break;
        if (tag == 0x43464620u && ls_slice_sub(s, off, len, &t)) return t; /* 'CFF ' */
    }
    return ls_slice_make(NULL, 0);
}

/* Code -> glyph name -> Unicode through the custom encoding at enc_off. */
static size_t cff_map_codes(struct ls_slice s, const struct cff_top *top, const struct cff_index *strings,
                            uint32_t map[256])
{
    struct cff_index cs;
    uint16_t gid[256] = {0}, sup[256] = {0};
    if (top->charstrings <= 0 || top->charstrings >= (int64_t)s.len ||
        !cff_index_read(s, (size_t)top->charstrings, &cs) || cs.count < 2)
        return 0;
    if (top->encoding == 1) { /* Expert: code -> string id, whatever the charset */
        size_t got = 0;
        for (size_t r = 0; r < sizeof cff_expert_enc / sizeof cff_expert_enc[0]; r++)
            for (unsigned k = 0; k < cff_expert_enc[r][2]; k++) {
                struct ls_slice name;
                unsigned code = cff_expert_enc[r][0] + k;
                uint32_t cp = cff_sid_name(strings, cff_expert_enc[r][1] + k, &name) ? pdf_glyph_unicode(name) : 0;
                if (cp && code < 256) {
                    map[code] = cp;
                    got++;
                }
            }
        return got;
    }
    if (top->encoding <= 1 || top->encoding >= (int64_t)s.len ||
        !cff_encoding(s, (size_t)top->encoding, gid, sup))
        return 0;
    uint32_t n = cs.count;
    uint16_t *sid = calloc(n, sizeof *sid);
    if (!sid) return 0;
    bool ok;
    if (top->charset == 0) { /* ISOAdobe: gid i is string id i */
        for (uint32_t g = 0; g < n && g < 229; g++) sid[g] = (uint16_t)g;
        ok = true;
    } else if (top->charset == 1) {
        cff_expert_charset(cff_expert_cs, sizeof cff_expert_cs / sizeof cff_expert_cs[0], sid, n);
        ok = true;
    } else if (top->charset == 2) {
        cff_expert_charset(cff_expert_subset_cs, sizeof cff_expert_subset_cs / sizeof cff_expert_subset_cs[0], sid, n);
        ok = true;
    } else {
        ok = top->charset > 2 && top->charset < (int64_t)s.len && cff_charset(s, (size_t)top->charset, sid, n);
    }
    size_t got = 0;
    for (unsigned c = 0; c < 256; c++) {
        uint32_t id = sup[c] ? sup[c] : ok && gid[c] && gid[c] < n ? sid[gid[c]] : 0;
        struct ls_slice name;
        if (!id || !cff_sid_name(strings, id, &name)) continue;
        uint32_t cp = pdf_glyph_unicode(name); /* Expert names too */
        if (cp) {
            map[c] = cp;
            got++;
        }
    }
    free(sid);
    return got;
}

int pdf_cff_encoding(struct ls_slice font, uint32_t map[256])
{
    memset(map, 0, 256 * sizeof *map);
    struct ls_slice s = cff_of_opentype(font);
    uint32_t major, hdr;
    if (!cff_uint(s, 0, 1, &major) || major != 1 || !cff_uint(s, 2, 1, &hdr) || hdr < 4) return 0;
    struct cff_index names, tops, strings;
    struct ls_slice top0;
    if (!cff_index_read(s, hdr, &names) || !cff_index_read(s, names.end, &tops) ||
        !cff_index_get(&tops, 0, &top0) || !cff_index_read(s, tops.end, &strings))
        return 0;
    struct cff_top top;
    cff_top_parse(top0, &top);
    if (top.cid) return 0;
    if (top.encoding == 0) return PDF_CFF_STANDARD;
    return cff_map_codes(s, &top, &strings, map) ? PDF_CFF_CUSTOM : 0;
}
