/*
 * Text from PDF content streams (ISO 32000-1 9.4 text objects, 9.3 text
 * state, 8.10 form XObjects): Tj, TJ, ', " with the font's ToUnicode CMap,
 * else its /Encoding (+ /Differences) over WinAnsi; Type0 fonts with a
 * predefined CJK CMap through the core code page of its encoding;
 * Identity-H fonts without ToUnicode are read as if CIDs were Unicode
 * (best effort). Annotation appearance streams are read as forms. Word
 * and line breaks come from glyph positions: the end of the previous show
 * (advanced by /Widths, or half an em when a font has none) is compared
 * with the start of the next, in device space (CTM and text matrix), so
 * "SSN 536-22-1874" shown in pieces stays one line and separate words stay
 * separate.
 *
 * Ignored on purpose: graphics, images (inline images are skipped), Type3
 * glyph procedures, vertical writing metrics, clipping and invisible text
 * (text render mode 3 is still extracted: hidden text is still a leak).
 *
 * Attacker-controlled: content bytes, resources, fonts, CMaps, widths,
 * matrices. Operands are bounded (PDF_MAX_OPERANDS), the graphics state
 * stack is bounded, form nesting is bounded and each form and content
 * stream object is interpreted once per document; total interpreted bytes
 * are bounded by d->max_work.
 */
#include "extract/pdf_int.h"
#include "extract/pdf_accents.h"
#include "extract/pdf_cidu.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PDF_MAX_OPERANDS 64u
#define PDF_MAX_GSTACK 64u
#define PDF_MAX_GLUE 256u
#define PDF_TEXT_FLUSH (256u << 10)
#define PDF_AT_MAX (64u << 10) /* an /ActualText, a span's captured glyph text */

/* ---- text output ---- */

void pdf_textout_init(struct pdf_textout *t, struct pdf_doc *d)
{
    t->d = d;
    ls_buf_init(&t->buf, 4u << 20);
    t->err = LS_OK;
    t->last = -1;
    t->lines = NULL;
    t->nlines = t->line_slots = 0;
    t->scratch = false;
    t->shown = 0;
    t->flushes = 0;
    t->naccents = 0;
}

/* The set of lines flushed: open addressing, at most half full; it
 * starts at PDF_LINE_SLOTS0 slots and doubles up to PDF_LINE_SLOTS (a
 * 1 MiB table zeroed for every PDF of several revisions, most of which
 * have a few hundred lines, was 0.8% of a run over real office files). */
#define PDF_LINE_SLOTS0 (1u << 10)
#define PDF_LINE_SLOTS (1u << 17)
#define PDF_LINE_MAX (1u << 16)

static uint64_t line_hash(struct ls_slice line)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < line.len; i++) h = (h ^ line.ptr[i]) * 1099511628211u;
    return h | 1u; /* 0 marks an empty slot */
}

void pdf_textout_keep_lines(struct pdf_textout *t)
{
    if (t->lines) return;
    t->lines = calloc(PDF_LINE_SLOTS0, sizeof *t->lines);
    t->line_slots = t->lines ? PDF_LINE_SLOTS0 : 0;
}

bool pdf_textout_had_line(const struct pdf_textout *t, struct ls_slice line)
{
    if (!t->lines) return false;
    uint64_t h = line_hash(line);
    size_t mask = t->line_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (t->lines[i] == h) return true;
        if (t->lines[i] == 0) return false;
    }
}

static void line_put(uint64_t *lines, size_t slots, uint64_t h, size_t *n)
{
    size_t i = h & (slots - 1);
    while (lines[i] != 0 && lines[i] != h) i = (i + 1) & (slots - 1);
    if (lines[i] == 0) {
        lines[i] = h;
        (*n)++;
    }
}

/* Twice the slots, the hashes moved over; false (the table as it was)
 * without memory. */
static bool lines_grow(struct pdf_textout *t)
{
    size_t slots = t->line_slots * 2, n = 0;
    uint64_t *nl = calloc(slots, sizeof *nl);
    if (!nl) return false;
    for (size_t i = 0; i < t->line_slots; i++)
        if (t->lines[i]) line_put(nl, slots, t->lines[i], &n);
    free(t->lines);
    t->lines = nl;
    t->line_slots = slots;
    return true;
}

static void remember_lines(struct pdf_textout *t, struct ls_slice s)
{
    size_t a = 0;
    while (a < s.len && t->nlines < PDF_LINE_MAX) {
        /* PDF_LINE_MAX lines fill PDF_LINE_SLOTS half: the table stops there */
        if (t->nlines * 2 >= t->line_slots && !lines_grow(t)) break;
        size_t b = a;
        while (b < s.len && s.ptr[b] != '\n') b++;
        uint64_t h = line_hash(ls_slice_make(s.ptr + a, b - a));
        line_put(t->lines, t->line_slots, h, &t->nlines);
        a = b + 1;
    }
}

/* The code point of s that ends at end (UTF-8 read backwards), and where
 * it starts; -1 if none. */
static int32_t cp_before(struct ls_slice s, size_t end, size_t *start)
{
    size_t a = end;
    while (a > 0 && end - a < 4 && (ls_slice_at(s, a - 1) & 0xc0) == 0x80) a--;
    if (a == 0) return -1;
    a--;
    struct ls_slice c;
    size_t q = 0;
    if (!ls_slice_sub(s, a, end - a, &c)) return -1;
    int32_t cp = ls_utf8_next(c, &q);
    if (q != c.len) return -1;
    *start = a;
    return cp;
}

static bool is_letter_cp(int32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) || (c >= 0x370 && c <= 0x3ff) ||
           (c >= 0x400 && c <= 0x52f);
}

/* Lower-case letters of Latin (Latin-1, Extended-A), Greek and Cyrillic. */
static bool is_lower_cp(int32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c >= 0xdf && c <= 0xff) return c != 0xf7;
    if (c >= 0x100 && c <= 0x137) return c & 1;
    if (c >= 0x139 && c <= 0x148) return !(c & 1);
    if (c >= 0x14a && c <= 0x177) return c & 1;
    if (c >= 0x179 && c <= 0x17e) return !(c & 1);
    if (c == 0x138 || c == 0x149 || c == 0x17f) return true;
    return (c >= 0x3ac && c <= 0x3ce) || (c >= 0x430 && c <= 0x45f);
}

/* A word broken at the end of a line ("acci-" / "dental"): the hyphen
 * (ASCII, U+2010 or a soft hyphen) after a letter ending a line whose next
 * line starts with a lower-case letter is dropped with the line end, as
 * poppler's pdftotext joins them: "confiden-/tial" is "confidential" for
 * the rules, a surname broken at its syllables is whole (blanks between the
 * hyphen and the line end are dropped with it). A capital after
 * the break ("Smith-/Jones", "e-/Mail") keeps both. A soft hyphen is a
 * break inside one word whatever follows: between letters it goes with the
 * line end ("Mc\u00ad" / "Donald"), between digits the line end goes and
 * it is a hyphen ("536-22\u00ad" / "8714": Google Docs writes U+00AD for
 * the hyphens it breaks at). A hyphen between digits ("555-" / "0100",
 * "536-22-" / "8714") keeps the hyphen and loses the line end: a number
 * broken at its own hyphen is whole for the rules (pdftotext keeps both
 * lines). */
static void dehyphenate(struct pdf_textout *t)
{
    uint8_t *p = t->buf.ptr;
    size_t n = t->buf.len, w = 0, r = 0;
    if (!p) return;
    struct ls_slice all = ls_slice_make(p, n), rest;
    while (r < n) {
        if (p[r] == '\n' && ls_slice_sub(all, r + 1, n - r - 1, &rest) && rest.len) {
            /* what precedes the line end is the end of the output so far;
             * blanks after the hyphen too (OCR layers end each line's
             * string with one: "we have al- " / "most", pypdf's
             * Seige_of_Vicksburg_Sample_OCR.pdf) */
            size_t hs, ls, q = 0, end = w;
            while (end > 0 && p[end - 1] == ' ') end--;
            int32_t h = cp_before(all, end, &hs);
            int32_t l = (h == '-' || h == 0x2010 || h == 0xad) ? cp_before(all, hs, &ls) : -1;
            int32_t next = ls_utf8_next(rest, &q);
            bool digits = l >= '0' && l <= '9' && next >= '0' && next <= '9';
            if (l >= 0 && is_letter_cp(l) && (is_lower_cp(next) || (h == 0xad && is_letter_cp(next)))) {
                w = hs;
                r++;
                continue;
            }
            if (digits) {
                /* the hyphen stays (a soft one as '-'), the line end goes */
                w = hs;
                p[w++] = '-';
                r++;
                continue;
            }
        }
        p[w++] = p[r++];
    }
    t->buf.len = w;
}

/* The letter an accent makes with base, 0 if none. */
static uint32_t accent_compose(int32_t accent, int32_t base)
{
    size_t lo = 0, hi = sizeof pdf_accents / sizeof pdf_accents[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct pdf_accent *a = &pdf_accents[mid];
        if (a->accent == accent && a->base == base) return a->composed;
        if (a->accent < accent || (a->accent == accent && a->base < base)) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

static bool is_accent(int32_t c)
{
    return c == 0xb4 || c == 0x2ca || c == 0x60 || c == 0x2cb || c == 0xa8 || c == 0x2c6 || c == 0x2dc ||
           c == 0x2c7 || c == 0x2da || c == 0xaf || c == 0x2c9 || c == 0x2d8 || c == 0x2d9 || c == 0xb8 ||
           c == 0x2db || c == 0x2dd;
}

static size_t utf8_len(uint32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

static size_t utf8_put(uint8_t *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (uint8_t)(0xc0 | c >> 6);
        o[1] = (uint8_t)(0x80 | (c & 0x3f));
        return 2;
    }
    o[0] = (uint8_t)(0xe0 | c >> 12);
    o[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
    o[2] = (uint8_t)(0x80 | (c & 0x3f));
    return 3;
}

/* A spacing accent drawn over a letter is that letter: TeX sets \\'e as the
 * acute glyph, a kern back and "e", so "Hervé Jégou" read "Herv´e J´egou"
 * and "Küttler" "K¨uttler"; other writers draw the letter, then the
 * accent back over it ("Ge´rard", "Kyro¨la¨"). poppler composes an accent
 * with the glyph it overlaps, and so do we, for the accents the shows
 * found overlapping (t->accent_at: note_accent()). An accent set apart
 * (a tilde in a URL, "´" typed for an apostrophe) stays. */
static void compose_accents(struct pdf_textout *t)
{
    uint8_t *p = t->buf.ptr;
    size_t n = t->buf.len, w = 0, r = 0, k = 0;
    if (!p || t->naccents == 0) return;
    struct ls_slice all = ls_slice_make(p, n), rest;
    int32_t prev = -1;   /* the last code point written ... */
    size_t prev_at = 0;  /* ... at p[prev_at] */
    while (r < n && ls_slice_sub(all, r, n - r, &rest)) {
        size_t q = 0;
        int32_t c = ls_utf8_next(rest, &q);
        if (q == 0) break;
        while (k < t->naccents && t->accent_at[k] < r) k++;
        if (k < t->naccents && t->accent_at[k] == r && c >= 0 && is_accent(c)) {
            int side = t->accent_side[k];
            struct ls_slice nx;
            size_t q2 = 0;
            int32_t b = -1;
            if (ls_slice_sub(all, r + q, n - r - q, &nx) && nx.len) b = ls_utf8_next(nx, &q2);
            uint32_t m = side < 0 ? (prev >= 0 ? accent_compose(c, prev) : 0) : (b >= 0 ? accent_compose(c, b) : 0);
            if (m && side < 0 && utf8_len(m) <= (w - prev_at) + q) {
                w = prev_at + utf8_put(p + prev_at, m);
                prev = (int32_t)m;
                r += q;
                continue;
            }
            if (m && side > 0 && utf8_len(m) <= q + q2) {
                prev_at = w;
                w += utf8_put(p + w, m);
                prev = (int32_t)m;
                r += q + q2;
                continue;
            }
        }
        prev_at = w;
        memmove(p + w, p + r, q);
        w += q;
        r += q;
        prev = c;
    }
    t->buf.len = w;
    t->naccents = 0;
}

void pdf_textout_tidy(struct pdf_textout *t)
{
    compose_accents(t); /* first: its offsets are into the buffer as shown */
    dehyphenate(t);
}

ls_err pdf_textout_flush(struct pdf_textout *t)
{
    if (t->scratch) return t->err;
    pdf_textout_tidy(t);
    struct ls_slice s = ls_buf_slice(&t->buf);
    if (t->lines) remember_lines(t, s);
    if (s.len && t->err == LS_OK) t->err = ls_emit_text(t->d->c, t->d->o, s.ptr, s.len);
    ls_buf_reset(&t->buf);
    t->naccents = 0;
    t->flushes++;
    return t->err;
}

ls_err pdf_textout_add(struct pdf_textout *t, const void *p, size_t n)
{
    if (t->err != LS_OK) return t->err;
    if (n == 0) return LS_OK;
    if (n > 1 || *(const uint8_t *)p > ' ') t->shown += n;
    ls_err e = ls_buf_add(&t->buf, p, n);
    if (e != LS_OK) return e;
    t->last = ((const uint8_t *)p)[n - 1];
    if (t->buf.len >= PDF_TEXT_FLUSH) return pdf_textout_flush(t);
    return LS_OK;
}

ls_err pdf_textout_sep(struct pdf_textout *t, char sep)
{
    int last = t->last;
    if (last < 0 || last == '\n') return LS_OK;
    if (last == ' ' && sep == ' ') return LS_OK;
    return pdf_textout_add(t, &sep, 1);
}

void pdf_textout_free(struct pdf_textout *t)
{
    ls_buf_free(&t->buf);
    free(t->lines);
    t->lines = NULL;
}

/* ---- fonts ---- */

struct wrange {
    uint32_t lo, hi;
    float w;
};

struct pdf_font {
    bool type0;
    const struct ls_codepage *legacy; /* Type0 with a predefined CJK CMap, no ToUnicode */
    bool jis;           /* ... the 7-bit JIS X 0208 one (H, V): EUC-JP less 0x80 */
    struct pdf_cmap *tu;
    uint32_t map[256];  /* simple fonts: code -> Unicode */
    float widths[256];  /* simple fonts, glyph space (1/1000 em) */
    float em;           /* an em in units of Tf: 1; a Type3 font's, guessed (type3_em) */
    struct wrange *w;   /* Type0 /W */
    size_t nw;
    float dw;
    uint32_t *g2u;      /* Type0 without ToUnicode: CID -> Unicode from the */
    size_t ng2u;        /* embedded TrueType font's own cmap (0: none) */
    enum pdf_cjk cjk;   /* Type0 over Adobe-Japan1/GB1/CNS1/Korea1 CIDs: which one
                         * (its CID -> Unicode table: pdf_cidu.h) */
    const struct pdf_cmap *enc; /* Type0: its code-to-CID CMap, embedded or
                                 * predefined (NULL: Identity, Uni*, unknown) */
    bool enc_identity;  /* ... which uses Identity-H/V: codes it leaves are CIDs */
    bool enc_ascii;     /* ... a predefined one: its one-byte codes 20-7E are ASCII */
    bool tu_empty;      /* a ToUnicode that maps nothing: its codespace is not the font's */
    bool utf16;         /* Type0 with a Uni*-UCS2 / Uni*-UTF16 CMap, no ToUnicode */
    uint8_t uni;        /* ... a Uni*-UTF8 (8) or Uni*-UTF32 (32) one; 0: neither */
};

/* MacRomanEncoding 0x80..0xFF (Apple's ROMAN.TXT; 0xDB is the euro). */
static const uint16_t mac_roman_hi[128] = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3,
    0x00E5, 0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3,
    0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA,
    0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE,
    0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7};


/* StandardEncoding 0x80..0xFF (ISO 32000-1 Annex D; 0: no glyph). */
static const uint16_t std_hi[128] = {
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x00A1, 0x00A2, 0x00A3,
    0x2044, 0x00A5, 0x0192, 0x00A7, 0x00A4, 0x0027, 0x201C, 0x00AB, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x0000, 0x2013, 0x2020, 0x2021, 0x00B7, 0x0000, 0x00B6, 0x2022, 0x201A, 0x201E, 0x201D, 0x00BB,
    0x2026, 0x2030, 0x0000, 0x00BF, 0x0000, 0x0060, 0x00B4, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9,
    0x00A8, 0x0000, 0x02DA, 0x00B8, 0x0000, 0x02DD, 0x02DB, 0x02C7, 0x2014, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x00C6, 0x0000, 0x00AA, 0x0000, 0x0000, 0x0000, 0x0000, 0x0141, 0x00D8, 0x0152, 0x00BA,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x00E6, 0x0000, 0x0000, 0x0000, 0x0131, 0x0000, 0x0000,
    0x0142, 0x00F8, 0x0153, 0x00DF, 0x0000, 0x0000, 0x0000, 0x0000};

/* StandardEncoding over what f->map holds: its codes 0x80..0xFF are not
 * Windows-1252's (0xAE is the "fi" ligature, 0xE1 "AE", 0xD0 an em dash);
 * a code it leaves empty keeps what it had. */
static void enc_standard(struct pdf_font *f)
{
    f->map[0x27] = 0x2019;
    f->map[0x60] = 0x2018;
    for (unsigned i = 0; i < 128; i++)
        if (std_hi[i]) f->map[128 + i] = std_hi[i];
}

static void enc_base(struct pdf_font *f, const struct pdf_obj *enc)
{
    for (unsigned i = 0; i < 256; i++) f->map[i] = ls_cp1252((uint8_t)i);
    if (pdf_name_is(enc, "MacRomanEncoding"))
        for (unsigned i = 0; i < 128; i++) f->map[128 + i] = mac_roman_hi[i];
    if (pdf_name_is(enc, "StandardEncoding")) enc_standard(f);
}

/* ---- the built-in encoding of an embedded Type 1 font ---- */

#define PDF_T1_HEAD (256u << 10) /* the clear-text part read for /Encoding */
#define PDF_T1_TOKENS 8192u      /* tokens of one /Encoding read at most */

static bool t1_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0; }
static bool t1_delim(int c)
{
    return c == '/' || c == '[' || c == ']' || c == '{' || c == '}' || c == '(' || c == ')' || c == '<' ||
           c == '>' || c == '%';
}

/* The next PostScript token of s from *pos: a name with its '/', a run of
 * regular characters, or one delimiter; comments skipped. False at the end. */
static bool t1_token(struct ls_slice s, size_t *pos, struct ls_slice *tok)
{
    size_t i = *pos;
    for (;;) {
        while (i < s.len && t1_space(ls_slice_at(s, i))) i++;
        if (i < s.len && ls_slice_at(s, i) == '%') {
            while (i < s.len && ls_slice_at(s, i) != '\n' && ls_slice_at(s, i) != '\r') i++;
            continue;
        }
        break;
    }
    if (i >= s.len) return false;
    size_t a = i;
    if (ls_slice_at(s, i) == '/') i++;
    while (i < s.len && !t1_space(ls_slice_at(s, i)) && !t1_delim(ls_slice_at(s, i))) i++;
    if (i == a) i++; /* a lone delimiter */
    *pos = i;
    return ls_slice_sub(s, a, i - a, tok);
}

static bool t1_code(struct ls_slice t, unsigned *code)
{
    unsigned v = 0;
    if (t.len == 0 || t.len > 3) return false;
    for (size_t i = 0; i < t.len; i++) {
        int c = ls_slice_at(t, i);
        if (c < '0' || c > '9') return false;
        v = v * 10 + (unsigned)(c - '0');
    }
    *code = v;
    return v < 256;
}

/* The /Encoding of a Type 1 font program's clear-text part (Adobe Type 1
 * Font Format 2.3: "/Encoding StandardEncoding def", or "256 array" and
 * "dup CODE /glyphname put" lines up to "readonly def"), over f->map: what
 * a font without /Encoding in the PDF (or with /Differences and no
 * /BaseEncoding) draws (ISO 32000-1 9.6.6.2). TeX's fonts keep their
 * ligatures at 11-15 ("ﬀ ﬁ ﬂ ﬃ ﬄ": "efficient" had read "ecient"), cmsy its
 * braces at 102-103 (an address list "{fay,gruber}@google.com" had read
 * "ffay,...g"), cmmi its Greek letters. holes: a base encoding was named,
 * so only the codes it leaves without a glyph (controls, 0x7F-0x9F) are
 * taken from the font, the only glyphs they can draw: TeX output
 * re-encoded as /MacRomanEncoding keeps its ligatures at 11-15. True if
 * it had one. */
/* A code the named base encoding leaves without a glyph. */
static bool enc_hole(uint32_t had) { return had < 0x20 || (had >= 0x7f && had < 0xa0); }

/* A CFF font program's decoded size read at most: simple fonts' programs
 * are tens of KiB; the charset and encoding may follow the charstrings. */
#define PDF_CFF_MAX (4u << 20)

/* The same for a CFF program (FontFile3 /Type1C or /OpenType): its
 * encoding and charset give each code a glyph name (Distiller and
 * Ghostscript subset fonts so, with no /Encoding in the PDF: "efficient"
 * had read "ecient", the "fi" at a code no base encoding has). */
static bool enc_cff_builtin(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *fd, bool holes)
{
    struct pdf_obj *ff = pdf_dict_getr(d, fd, "FontFile3");
    if (ff->kind != PDF_STREAM) return false;
    struct pdf_obj *sub = pdf_dict_getr(d, ff, "Subtype");
    if (!pdf_name_is(sub, "Type1C") && !pdf_name_is(sub, "OpenType")) return false;
    struct ls_buf b;
    ls_buf_init(&b, PDF_CFF_MAX);
    ls_err e = pdf_stream_decode(d, ff, PDF_CFF_MAX, &b);
    uint32_t map[256];
    int r = 0;
    if (e == LS_OK || e == LS_E_LIMIT || e == LS_E_CORRUPT || e == LS_E_TRUNCATED)
        r = pdf_cff_encoding(ls_buf_slice(&b), map);
    ls_buf_free(&b);
    if (r == PDF_CFF_STANDARD && !holes) enc_standard(f);
    if (r == PDF_CFF_CUSTOM)
        for (unsigned c = 0; c < 256; c++)
            if (map[c] && (!holes || enc_hole(f->map[c]))) f->map[c] = map[c];
    return r != 0;
}

static bool enc_type1_builtin(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *font, bool holes)
{
    struct pdf_obj *fd = pdf_dict_getr(d, font, "FontDescriptor");
    if (!pdf_dict_of(fd)) return false;
    struct pdf_obj *ff = pdf_dict_getr(d, fd, "FontFile");
    /* a ToUnicode CMap that leaves a code out means it: a CFF's names
     * there are often not the glyphs' (Apple's Arabic Geezah, TIKA-469) */
    if (ff->kind != PDF_STREAM) return !f->tu && enc_cff_builtin(d, f, fd, holes);
    struct ls_buf b;
    ls_buf_init(&b, PDF_T1_HEAD);
    ls_err e = pdf_stream_decode(d, ff, PDF_T1_HEAD, &b);
    bool found = false;
    struct ls_slice s = ls_buf_slice(&b), tok;
    if (e == LS_OK || e == LS_E_LIMIT || e == LS_E_CORRUPT || e == LS_E_TRUNCATED) {
        size_t end = ls_slice_find(s, 0, "eexec", 5);
        if (end != SIZE_MAX) s.len = end;
        size_t at = ls_slice_find(s, 0, "/Encoding", 9), pos = at + 9;
        if (at != SIZE_MAX && t1_token(s, &pos, &tok)) {
            if (ls_slice_eq_str(tok, "StandardEncoding")) {
                if (!holes) enc_standard(f);
                found = true;
            } else {
                /* the five tokens of "dup CODE /name put" */
                struct ls_slice q[4] = {{0}};
                for (unsigned n = 0; n < PDF_T1_TOKENS && t1_token(s, &pos, &tok); n++) {
                    if (ls_slice_eq_str(tok, "def") || ls_slice_eq_str(tok, "readonly")) break;
                    q[0] = q[1];
                    q[1] = q[2];
                    q[2] = q[3];
                    q[3] = tok;
                    unsigned code;
                    if (ls_slice_eq_str(q[0], "dup") && t1_code(q[1], &code) && q[2].len > 1 &&
                        ls_slice_at(q[2], 0) == '/' && ls_slice_eq_str(q[3], "put")) {
                        struct ls_slice name;
                        uint32_t cp = ls_slice_sub(q[2], 1, q[2].len - 1, &name) ? pdf_glyph_unicode(name) : 0;
                        uint32_t had = f->map[code];
                        if (cp && (!holes || enc_hole(had))) f->map[code] = cp;
                        found = true;
                    }
                }
            }
        }
    }
    ls_buf_free(&b);
    return found;
}

/* ---- the built-in encodings of Symbol and ZapfDingbats ---- */

#include "extract/pdf_symenc.h"

/* A simple font of the Symbol or ZapfDingbats family (a subset's tag,
 * Word's ",Bold" and the TrueType "SymbolMT" too): its built-in encoding,
 * what codes draw when the PDF names no base encoding (ISO 32000-1
 * 9.6.6.2). Without it "a" in Symbol read "a", not "α", and "3" in
 * ZapfDingbats "3", not "✓". NULL for any other font. */
static const uint16_t *symbolic_builtin(struct pdf_doc *d, const struct pdf_obj *font)
{
    if (pdf_name_is(pdf_dict_getr(d, font, "Subtype"), "Type3")) return NULL;
    struct pdf_obj *bf = pdf_dict_getr(d, font, "BaseFont");
    if (bf->kind != PDF_NAME) return NULL;
    struct ls_slice n = bf->u.s;
    if (n.len > 7 && n.ptr[6] == '+') { /* a subset's tag */
        n.ptr += 7;
        n.len -= 7;
    }
    static const char *const sym[] = {"Symbol", "SymbolMT", "Symbol,", "Symbol-", "SymbolMT,"};
    for (size_t i = 0; i < sizeof sym / sizeof sym[0]; i++) {
        size_t k = strlen(sym[i]);
        bool prefix = sym[i][k - 1] == ',' || sym[i][k - 1] == '-';
        if ((prefix ? n.len >= k : n.len == k) && memcmp(n.ptr, sym[i], k) == 0) return enc_symbol;
    }
    if ((n.len >= 12 && memcmp(n.ptr, "ZapfDingbats", 12) == 0) || (n.len == 8 && memcmp(n.ptr, "Dingbats", 8) == 0))
        return enc_dingbats;
    return NULL;
}

static void enc_symbolic(struct pdf_font *f, const uint16_t *t)
{
    for (unsigned i = 0; i < 256; i++) f->map[i] = t[i];
}

static void enc_differences(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *diff)
{
    if (diff->kind != PDF_ARRAY) return;
    int64_t code = 0;
    for (size_t i = 0; i < diff->u.a.n; i++) {
        const struct pdf_obj *v = pdf_resolve(d, diff->u.a.v[i]);
        if (v->kind == PDF_INT) {
            code = v->u.i;
        } else if (v->kind == PDF_NAME) {
            if (code >= 0 && code < 256) {
                uint32_t cp = pdf_glyph_unicode(v->u.s);
                if (cp) f->map[code] = cp;
            }
            code++;
        }
    }
}

struct std14_w {
    uint16_t cp, w;
};
#include "extract/pdf_std14.h"

static bool name_has(struct ls_slice s, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= s.len; i++)
        if (strncasecmp((const char *)s.ptr + i, word, n) == 0) return true;
    return false;
}

static bool name_starts(struct ls_slice s, const char *word)
{
    size_t n = strlen(word);
    return s.len >= n && strncasecmp((const char *)s.ptr, word, n) == 0;
}

/* A simple font without /Widths (PDF 1.0-1.4 let the standard 14 fonts
 * omit them; Ghostscript 8, pdf-lib and old report writers do): the core
 * font's own metrics, as poppler takes them, for the base 14 names and the
 * Arial / Times New Roman / Courier New ones poppler maps to them
 * (ISO 32000-1 9.6.2.2). Without them every glyph was half an em: in
 * Times, "In its assessment of ex" ran past the "p" of "posure" drawn
 * after it (tabula's us-040.pdf read "ex posure"). */
static void std14_widths(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *font)
{
    struct pdf_obj *bf = pdf_dict_getr(d, font, "BaseFont");
    if (bf->kind != PDF_NAME) return;
    struct ls_slice n = bf->u.s;
    if (n.len > 7 && n.ptr[6] == '+') { /* a subset's tag */
        n.ptr += 7;
        n.len -= 7;
    }
    if (name_starts(n, "Symbol") || name_starts(n, "ZapfDingbats")) {
        const uint16_t *t = name_starts(n, "Symbol") ? std14_symbol : std14_dingbats;
        for (unsigned i = 0; i < 256; i++)
            if (t[i]) f->widths[i] = t[i];
        return;
    }
    if (name_starts(n, "Courier")) {
        for (unsigned i = 0; i < 256; i++) f->widths[i] = 600;
        return;
    }
    if (name_has(n, "Narrow")) return; /* other metrics */
    bool bold = name_has(n, "Bold"), italic = name_has(n, "Italic") || name_has(n, "Oblique");
    const struct std14_w *t;
    size_t nt;
    if (name_starts(n, "Helvetica") || name_starts(n, "Arial")) {
        t = bold ? std14_helvetica_bold : std14_helvetica;
        nt = bold ? sizeof std14_helvetica_bold / sizeof *t : sizeof std14_helvetica / sizeof *t;
    } else if (name_starts(n, "Times")) {
        t = bold && italic ? std14_times_bolditalic
            : bold         ? std14_times_bold
            : italic       ? std14_times_italic
                           : std14_times;
        nt = sizeof std14_times / sizeof *t; /* the four have the same glyphs */
    } else {
        return;
    }
    for (unsigned i = 0; i < 256; i++) {
        uint32_t cp = f->map[i];
        size_t lo = 0, hi = nt;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (t[mid].cp < cp) lo = mid + 1;
            else hi = mid;
        }
        if (lo < nt && t[lo].cp == cp) f->widths[i] = t[lo].w;
    }
}

/* A Type3 font's glyph space is its own (FontMatrix): a bitmap font from
 * dvips and Ghostscript ([1 0 0 -1 0 0], glyphs 20 units wide) drawn at
 * 1 Tf has glyphs twenty "ems" wide, and every kern of TeX's was a word
 * gap ("Accelerato r F acilit y", CERMINE's timeout/complex.pdf). The em
 * is guessed as poppler's TextOutputDev guesses it: the width of "m" is
 * 0.6 em, else that of the first letter (or of any glyph) half an em;
 * times |FontMatrix d / a| (the last guess only when it is off the usual
 * em by more than a factor of four). w: the /Widths array from code first on;
 * scale: FontMatrix a, times 1000. */
static void type3_em(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *fm, const struct pdf_obj *w,
                     int64_t first, double scale)
{
    double wm = 0, wl = 0, wa = 0; /* widths of "m", the first letter, any glyph */
    bool letter = false;
    for (size_t i = 0; i < w->u.a.n && first + (int64_t)i < 256; i++) {
        uint32_t u = f->map[first + (int64_t)i];
        double v = 0;
        if (!pdf_num(pdf_resolve(d, w->u.a.v[i]), &v) || !isfinite(v)) v = 0;
        v = v * scale / 1000.0;
        if (u == 'm' && wm <= 0) wm = v;
        if (!letter && ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))) {
            letter = true;
            wl = v;
        }
        if (v > 0 && wa <= 0) wa = v;
    }
    bool named = wm > 0 || wl > 0;
    double em = wm > 0 ? wm / 0.6 : wl > 0 ? wl / 0.5 : wa / 0.5;
    double a, dd;
    if (fm->kind == PDF_ARRAY && fm->u.a.n >= 4 && pdf_num(pdf_resolve(d, fm->u.a.v[0]), &a) &&
        pdf_num(pdf_resolve(d, fm->u.a.v[3]), &dd) && fabs(a) > 1e-9)
        em *= fabs(dd / a);
    /* without an "m" or a letter, a glyph space within a factor of four
     * of the usual one (1/1000 text space) is taken as it is: a CJK Type3
     * font's glyphs are an em wide, and the guess would double its em */
    f->em = em > 1e-3 && em < 1e3 && (named || em < 0.25 || em > 4) ? (float)em : 1;
}

static void simple_widths(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *font)
{
    for (unsigned i = 0; i < 256; i++) f->widths[i] = 500;
    int64_t first = 0;
    (void)pdf_int(pdf_dict_getr(d, font, "FirstChar"), &first);
    struct pdf_obj *w = pdf_dict_getr(d, font, "Widths");
    if (w->kind != PDF_ARRAY) std14_widths(d, f, font);
    if (w->kind != PDF_ARRAY || first < 0 || first > 255) return;
    /* Type3 widths are in the font's own glyph space (FontMatrix) */
    double scale = 1;
    struct pdf_obj *fm = pdf_dict_getr(d, font, "FontMatrix");
    double m0;
    if (fm->kind == PDF_ARRAY && fm->u.a.n >= 1 && pdf_num(pdf_resolve(d, fm->u.a.v[0]), &m0) &&
        fabs(m0) > 1e-7 && fabs(m0) < 1e3)
        scale = fabs(m0) * 1000.0;
    for (size_t i = 0; i < w->u.a.n && (size_t)first + i < 256; i++) {
        double v;
        if (pdf_num(pdf_resolve(d, w->u.a.v[i]), &v) && v * scale > 0 && v * scale < 100000)
            f->widths[first + i] = (float)(v * scale);
    }
    if (pdf_name_is(pdf_dict_getr(d, font, "Subtype"), "Type3"))
        type3_em(d, f, fm, w, first, scale);
}

static int cmp_wrange(const void *a, const void *b)
{
    const struct wrange *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Entries /W needs: one per code of each "c [w1 w2 ...]" run, one per
 * "c1 c2 w" range (bounded by the array sizes, so by the input). */
static size_t cid_widths_count(struct pdf_doc *d, const struct pdf_obj *w)
{
    size_t need = 0;
    for (size_t i = 0; i + 1 < w->u.a.n; i++) {
        const struct pdf_obj *nx = pdf_resolve(d, w->u.a.v[i + 1]);
        if (nx->kind == PDF_ARRAY) {
            need += nx->u.a.n;
            i++;
        } else {
            need++;
            i += 2;
        }
    }
    return need;
}

static void cid_widths(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *desc)
{
    double dw = 1000;
    (void)pdf_num(pdf_dict_getr(d, desc, "DW"), &dw);
    f->dw = (float)dw;
    struct pdf_obj *w = pdf_dict_getr(d, desc, "W");
    if (w->kind != PDF_ARRAY || !w->u.a.n) return;
    /* a run "c [w1 ... wn]" gives n entries: size the table for all of
     * them (sized by the top-level count, Skia's one run of 300 widths
     * kept two and every other glyph was an em wide) */
    size_t cap = cid_widths_count(d, w);
    if (cap == 0 || cap > SIZE_MAX / sizeof *f->w) return;
    f->w = pdf_arena_alloc(&d->arena, cap * sizeof *f->w);
    if (!f->w) return;
    for (size_t i = 0; i + 1 < w->u.a.n;) {
        int64_t c1, c2;
        if (!pdf_int(pdf_resolve(d, w->u.a.v[i]), &c1) || c1 < 0 || c1 > UINT32_MAX / 2) break;
        struct pdf_obj *nx = pdf_resolve(d, w->u.a.v[i + 1]);
        if (nx->kind == PDF_ARRAY) {
            for (size_t k = 0; k < nx->u.a.n && f->nw < cap; k++) {
                double v;
                if (!pdf_num(pdf_resolve(d, nx->u.a.v[k]), &v)) continue;
                uint32_t code = (uint32_t)c1 + (uint32_t)(k > UINT32_MAX / 2 ? UINT32_MAX / 2 : k);
                f->w[f->nw++] = (struct wrange){code, code, (float)v};
            }
            i += 2;
        } else if (i + 2 < w->u.a.n && pdf_int(nx, &c2)) {
            double v = dw;
            (void)pdf_num(pdf_resolve(d, w->u.a.v[i + 2]), &v);
            if (c2 >= c1 && c2 <= UINT32_MAX && f->nw < cap)
                f->w[f->nw++] = (struct wrange){(uint32_t)c1, (uint32_t)c2, (float)v};
            i += 3;
        } else {
            break;
        }
    }
    qsort(f->w, f->nw, sizeof *f->w, cmp_wrange);
}

static float glyph_width(const struct pdf_font *f, uint32_t code)
{
    if (!f) return 500;
    if (!f->type0) return code < 256 ? f->widths[code] : 500;
    size_t lo = 0, hi = f->nw; /* ranges sorted by lo: last with lo <= code */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->w[mid].lo <= code) lo = mid + 1;
        else hi = mid;
    }
    if (lo > 0 && code <= f->w[lo - 1].hi) return f->w[lo - 1].w;
    return f->dw;
}

/* A predefined CMap (ISO 32000-1 9.7.5.2) over a legacy CJK encoding,
 * when poppler-data's cMap file for it is not loaded: its codes are that
 * encoding's bytes, so the code page gives the text the CMap and the
 * ordering's CID-to-Unicode table would (GBK-EUC-H is GBK, 90ms-RKSJ-H
 * Shift_JIS). Identity and the Uni* (UCS-2) CMaps need none. */
static const struct ls_codepage *legacy_cmap(const struct pdf_obj *enc, bool *jis)
{
    *jis = false;
    if (!enc || enc->kind != PDF_NAME) return NULL;
    struct ls_slice n = enc->u.s;
    unsigned cp = 0;
    /* H and V: JIS X 0208 row and cell, two 7-bit bytes (pdfminer's
     * samples/simple3.pdf); EUC-JP is the same with the high bits set */
    if (ls_slice_eq_str(n, "H") || ls_slice_eq_str(n, "V")) {
        *jis = true;
        return ls_codepage_by_number(20932);
    }
    /* not Johab (no UHC), GBK2K (GB 18030's four-byte codes) nor the
     * Hong Kong Big5 sets (HKSCS, which cp950 lacks): those need
     * poppler-data's CMap, else their CIDs are noted unread */
    if (ls_slice_find(n, 0, "Johab", 5) != SIZE_MAX || ls_slice_starts(n, "GBK2K", 5) ||
        ls_slice_starts(n, "HK", 2) || ls_slice_starts(n, "ETHK", 4))
        return NULL;
    if (ls_slice_find(n, 0, "RKSJ", 4) != SIZE_MAX) cp = 932;
    else if (ls_slice_find(n, 0, "B5", 2) != SIZE_MAX) cp = 950;
    else if (ls_slice_starts(n, "GB", 2) && !ls_slice_starts(n, "GBT", 3)) cp = 936;
    else if (ls_slice_starts(n, "KSC", 3)) cp = 949;
    else if (ls_slice_eq_str(n, "EUC-H") || ls_slice_eq_str(n, "EUC-V")) cp = 20932;
    return cp ? ls_codepage_by_number(cp) : NULL;
}

#define PDF_TTF_MAX (16u << 20) /* an embedded font decoded for its cmap */
#define PDF_TTF_GLYPHS 65536u  /* CIDs a CIDToGIDMap or a cmap can name */

/* A CIDFontType2 without ToUnicode (Mac OS X Quartz writes them, Identity-H
 * over glyph ids): its embedded TrueType font's cmap, turned around, says
 * what each glyph draws (pdfminer reads them so; the CID as Unicode was
 * Arial's glyph numbering: "$PNQVUFS" for "Computer"). CIDs go to glyphs
 * through CIDToGIDMap: /Identity (the default) or a stream of 2-byte GIDs. */
static void cid_ttf_unicode(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *desc)
{
    if (!pdf_name_is(pdf_dict_getr(d, desc, "Subtype"), "CIDFontType2")) return;
    struct pdf_obj *fd = pdf_dict_getr(d, desc, "FontDescriptor");
    struct pdf_obj *ff = pdf_dict_of(fd) ? pdf_dict_getr(d, fd, "FontFile2") : NULL;
    if (!ff || ff->kind != PDF_STREAM) return;
    struct pdf_obj *c2g = pdf_dict_getr(d, desc, "CIDToGIDMap");
    struct ls_buf font, map;
    ls_buf_init(&font, PDF_TTF_MAX);
    ls_buf_init(&map, 2 * PDF_TTF_GLYPHS);
    ls_err e = pdf_stream_decode(d, ff, PDF_TTF_MAX, &font);
    if (e == LS_OK && c2g->kind == PDF_STREAM) e = pdf_stream_decode(d, c2g, 2 * PDF_TTF_GLYPHS, &map);
    uint32_t *g = e == LS_OK ? calloc(PDF_TTF_GLYPHS, sizeof *g) : NULL;
    /* the Macintosh order only for glyph ids drawn as they are (Quartz): a
     * CIDToGIDMap stream renumbers them (CIDs are then often Unicode) */
    if (g && pdf_ttf_glyph_unicode(ls_buf_slice(&font), g, PDF_TTF_GLYPHS, c2g->kind != PDF_STREAM) > 0) {
        size_t n = c2g->kind == PDF_STREAM ? map.len / 2 : PDF_TTF_GLYPHS;
        while (n > 0 && (c2g->kind == PDF_STREAM ? g[(uint32_t)map.ptr[2 * n - 2] << 8 | map.ptr[2 * n - 1]]
                                                 : g[n - 1]) == 0)
            n--; /* up to the last CID that draws something */
        f->g2u = n ? pdf_arena_alloc(&d->arena, n * sizeof *f->g2u) : NULL;
        for (size_t cid = 0; f->g2u && cid < n; cid++)
            f->g2u[cid] = c2g->kind == PDF_STREAM ? g[(uint32_t)map.ptr[2 * cid] << 8 | map.ptr[2 * cid + 1]]
                                                  : g[cid];
        if (f->g2u) f->ng2u = n;
    }
    free(g);
    ls_buf_free(&font);
    ls_buf_free(&map);
}

/* The four Adobe CJK character collections start alike: CIDs 1 to 95 are
 * the printable ASCII characters (U+0020..U+007E), the rest needs each
 * collection's table. Enough for the Latin letters, digits and e-mail
 * addresses of a Japanese or Chinese document without ToUnicode (pdfminer's
 * samples/nonfree/nlp2004slides.pdf: "Computer Science" read
 * "$PNQVUFS4DJFODF"). A CID past 95 is read through the collection's
 * CID-to-Unicode table (poppler-data's, loaded before the workers fork:
 * pdf_cidu.h); without it (or a CID the table leaves unmapped) it is
 * U+FFFD, not the CID taken as a code point (kana read as Greek and Coptic
 * letters: "ͷ" for "の"), and the file is noted unsupported. */
static enum pdf_cjk adobe_cjk_ordering(struct pdf_doc *d, const struct pdf_obj *desc)
{
    struct pdf_obj *si = pdf_dict_getr(d, desc, "CIDSystemInfo");
    if (!pdf_dict_of(si)) return PDF_CJK_NONE;
    struct pdf_obj *reg = pdf_dict_getr(d, si, "Registry"), *ord = pdf_dict_getr(d, si, "Ordering");
    if (reg->kind != PDF_STR || ord->kind != PDF_STR || !ls_slice_eq_str(reg->u.s, "Adobe")) return PDF_CJK_NONE;
    static const char *const cjk[PDF_CJK_N] = {NULL, "Japan1", "GB1", "CNS1", "Korea1"};
    for (unsigned i = 1; i < PDF_CJK_N; i++)
        if (ls_slice_eq_str(ord->u.s, cjk[i])) return (enum pdf_cjk)i;
    return PDF_CJK_NONE;
}

/* The predefined Unicode CMaps (ISO 32000-1 9.7.5.2, Table 118):
 * UniGB-UCS2-H, UniJIS-UTF16-V ...: their codes are UTF-16BE units. */
static bool utf16_cmap(const struct pdf_obj *enc)
{
    if (!enc || enc->kind != PDF_NAME || !ls_slice_starts(enc->u.s, "Uni", 3)) return false;
    return ls_slice_find(enc->u.s, 0, "UCS2", 4) != SIZE_MAX || ls_slice_find(enc->u.s, 0, "UTF16", 5) != SIZE_MAX;
}

/* The predefined Unicode CMaps in UTF-8 and UTF-32 (UniJIS-UTF8-H,
 * UniGB-UTF32-V ..., Adobe's CMap resources): their codes are UTF-8
 * sequences or 4-byte UTF-32BE units; 8, 32, or 0 for any other. */
static uint8_t uni_cmap(const struct pdf_obj *enc)
{
    if (!enc || enc->kind != PDF_NAME || !ls_slice_starts(enc->u.s, "Uni", 3)) return 0;
    if (ls_slice_find(enc->u.s, 0, "UTF8", 4) != SIZE_MAX) return 8;
    if (ls_slice_find(enc->u.s, 0, "UTF32", 5) != SIZE_MAX) return 32;
    return 0;
}

#define PDF_CMAP_STREAM_MAX (4u << 20) /* an embedded CMap decoded at most */

/* A Type0 font's /Encoding as a code-to-CID CMap (ISO 32000-1 9.7.5): a
 * predefined name poppler-data's cMap files hold (90ms-RKSJ-H, CNS-EUC-H
 * ...: pdf_cidu.h), or an embedded CMap stream (cidrange, cidchar), its
 * /UseCMap (a name or a stream, followed depth levels) or usecmap joined
 * to it; *o is a predefined CMap's collection. NULL for Identity, the
 * Uni* CMaps and whatever is not known. */
static const struct pdf_cmap *encoding_cmap(struct pdf_doc *d, const struct pdf_obj *enc, enum pdf_cjk *o,
                                            bool *identity, unsigned depth)
{
    *o = PDF_CJK_NONE;
    if (!enc) return NULL;
    if (enc->kind == PDF_NAME) {
        *identity = ls_slice_eq_str(enc->u.s, "Identity-H") || ls_slice_eq_str(enc->u.s, "Identity-V");
        return pdf_cidu_cmap(enc->u.s, o);
    }
    if (enc->kind != PDF_STREAM || depth > 2) return NULL;
    struct ls_buf b;
    ls_buf_init(&b, PDF_CMAP_STREAM_MAX);
    (void)pdf_stream_decode(d, enc, PDF_CMAP_STREAM_MAX, &b);
    struct pdf_cmap *cm = pdf_cmap_parse(&d->arena, ls_buf_slice(&b));
    ls_buf_free(&b);
    if (!cm) return NULL;
    enum pdf_cjk uo = PDF_CJK_NONE;
    const struct pdf_obj *use = pdf_dict_getr(d, enc, "UseCMap");
    const struct pdf_cmap *parent = NULL;
    if (use && (use->kind == PDF_NAME || use->kind == PDF_STREAM)) {
        parent = encoding_cmap(d, use, &uo, identity, depth + 1);
    } else if (pdf_cmap_use_name(cm).len) {
        struct ls_slice n = pdf_cmap_use_name(cm);
        *identity = ls_slice_eq_str(n, "Identity-H") || ls_slice_eq_str(n, "Identity-V");
        parent = pdf_cidu_cmap(n, &uo);
    }
    pdf_cmap_set_use(cm, parent);
    *o = uo;
    return pdf_cmap_has_cids(cm) ? cm : NULL;
}

static void build_type0(struct pdf_doc *d, struct pdf_font *f, const struct pdf_obj *font)
{
    /* a ToUnicode that maps nothing (macOS Quartz writes one with a
     * codespace alone) says nothing: the font's own tables do (haystack's
     * react_paper.pdf read its figure as glyph ids, "7KH$SSOH") */
    bool no_tu = pdf_cmap_empty(f->tu);
    /* Quartz and others write one with a codespace of <00> <FF> over an
     * Identity-H font: its two-byte codes had been cut in one-byte halves
     * (pdf.js's issue7696.pdf read "*fi0£9" for its kanji) */
    f->tu_empty = no_tu;
    struct pdf_obj *enc = pdf_dict_getr(d, font, "Encoding");
    enum pdf_cjk enc_o = PDF_CJK_NONE;
    f->enc = encoding_cmap(d, enc, &enc_o, &f->enc_identity, 0);
    /* the legacy encodings' single bytes are ASCII; their CIDs' table
     * entries are full-width forms and U+3000 (GBK-EUC-H's 20 is CID 7716),
     * which pdftotext prints: "ＳＳＮ５３６－２２" */
    f->enc_ascii = f->enc && enc->kind == PDF_NAME;
    /* without poppler-data's CMap, a legacy encoding's code page */
    if (no_tu && !f->enc) f->legacy = legacy_cmap(enc, &f->jis);
    if (no_tu && !f->legacy) f->utf16 = utf16_cmap(enc);
    if (no_tu && !f->legacy && !f->utf16) f->uni = uni_cmap(enc);
    struct pdf_obj *df = pdf_dict_getr(d, font, "DescendantFonts");
    if (df->kind != PDF_ARRAY || !df->u.a.n) {
        f->dw = 1000;
        return;
    }
    const struct pdf_obj *desc = pdf_resolve(d, df->u.a.v[0]);
    cid_widths(d, f, desc);
    if (!pdf_dict_of(desc)) return;
    /* the collection's table reads the CIDs a ToUnicode leaves out too, as
     * poppler merges the two */
    f->cjk = adobe_cjk_ordering(d, desc);
    if (f->cjk == PDF_CJK_NONE) f->cjk = enc_o;
    if (no_tu && !f->legacy && !f->utf16 && !f->uni) cid_ttf_unicode(d, f, desc);
}

static struct pdf_font *build_font(struct pdf_doc *d, const struct pdf_obj *font)
{
    struct pdf_font *f = pdf_arena_alloc(&d->arena, sizeof *f);
    if (!f) return NULL;
    f->type0 = pdf_name_is(pdf_dict_getr(d, font, "Subtype"), "Type0");
    f->em = 1;
    struct pdf_obj *tu = pdf_dict_getr(d, font, "ToUnicode");
    if (tu->kind == PDF_STREAM) {
        struct ls_buf b;
        ls_buf_init(&b, 16u << 20);
        (void)pdf_stream_decode(d, tu, 16u << 20, &b);
        f->tu = pdf_cmap_parse(&d->arena, ls_buf_slice(&b));
        ls_buf_free(&b);
    }
    if (f->type0) {
        build_type0(d, f, font);
        return f;
    }
    struct pdf_obj *enc = pdf_dict_getr(d, font, "Encoding");
    const uint16_t *sym = symbolic_builtin(d, font);
    if (enc->kind == PDF_DICT) {
        struct pdf_obj *base = pdf_dict_getr(d, enc, "BaseEncoding");
        enc_base(f, base);
        if (sym && base->kind != PDF_NAME) enc_symbolic(f, sym);
        (void)enc_type1_builtin(d, f, font, base->kind == PDF_NAME);
        enc_differences(d, f, pdf_dict_getr(d, enc, "Differences"));
    } else {
        enc_base(f, enc);
        if (sym && enc->kind != PDF_NAME) enc_symbolic(f, sym);
        (void)enc_type1_builtin(d, f, font, enc->kind == PDF_NAME);
    }
    simple_widths(d, f, font);
    return f;
}

static struct pdf_font *get_font(struct pdf_doc *d, const struct pdf_obj *font)
{
    if (!pdf_dict_of(font)) return NULL;
    for (size_t i = 0; i < d->n_fonts; i++)
        if (d->font_keys[i] == font) return d->fonts[i];
    struct pdf_font *f = build_font(d, font);
    if (f && d->n_fonts < PDF_MAX_FONTS) {
        d->font_keys[d->n_fonts] = font;
        d->fonts[d->n_fonts++] = f;
    }
    return f;
}

/* ---- interpreter state ---- */

/* Saved by q, restored by Q: the CTM and the text state (ISO 32000-1
 * 8.4.1 and 9.3: Tc, Tw, Tz, TL, Ts, Tf are graphics state too; a Tc set
 * for one clipped cell must not letter-space the rest of the page). */
struct gstate {
    double ctm[6];
    double tfs, tc, tw, th, tl, ts;
    struct pdf_font *font;
};

struct interp {
    struct pdf_doc *d;
    struct pdf_textout *t;
    const struct pdf_obj *res;
    unsigned depth;
    double scale; /* d->area_scale when this content was entered */
    struct pdf_obj *ops[PDF_MAX_OPERANDS];
    size_t nops;
    struct gstate gs[PDF_MAX_GSTACK];
    size_t ngs;
    double tm[6], tlm[6];
    double tfs, tc, tw, th, tl, ts;
    struct pdf_font *font;
    uint8_t font_key[64];      /* last Tf name ... */
    struct ls_slice font_name;
    struct pdf_font *font_hit; /* ... and what it resolved to */
    bool have_font_hit;
    bool have_last;
    double last_em;        /* font_em() of the last show */
    double last_x, last_y; /* device position where the last show ended */
    double pen_x, pen_y;   /* ... and where it left the pen (its Tc, Tw after) */
    double tail_em;        /* that trailing spacing, in ems (Tz applied) */
    struct ls_buf u8;      /* scratch for one code's text */
    bool stop;
    /* One code's text of several characters (a ligature, a word) in the
     * current show: at buffer offset glue_at, glue_len bytes; kept in
     * its order when right-to-left text is put in reading order. */
    size_t nglue;
    size_t glue_at[PDF_MAX_GLUE];
    size_t glue_len[PDF_MAX_GLUE];
    /* The shows since seg_mark in the buffer went left to right along one
     * line (rtl_begin()): put in reading order together when it ends. */
    bool seg_open;
    size_t seg_mark;
    /* Marked content (BMC/BDC ... EMC) and an /ActualText span in it:
     * while one is open the glyphs' own text goes to cap (actual_show) */
    unsigned mc_depth;
    unsigned at_depth;      /* mc_depth of the open span; 0: none */
    bool at_shown;          /* a show drew glyphs inside it */
    struct ls_buf at_text;  /* its /ActualText, UTF-8 */
    struct pdf_textout cap;
    uint64_t seg_flushes;
};

static void mat_mul(const double a[6], const double b[6], double out[6])
{
    double r[6];
    r[0] = a[0] * b[0] + a[1] * b[2];
    r[1] = a[0] * b[1] + a[1] * b[3];
    r[2] = a[2] * b[0] + a[3] * b[2];
    r[3] = a[2] * b[1] + a[3] * b[3];
    r[4] = a[4] * b[0] + a[5] * b[2] + b[4];
    r[5] = a[4] * b[1] + a[5] * b[3] + b[5];
    memcpy(out, r, sizeof r);
}

static void mat_ident(double m[6])
{
    m[0] = m[3] = 1;
    m[1] = m[2] = m[4] = m[5] = 0;
}

static double op_num(const struct interp *in, size_t back)
{
    double v = 0;
    if (back < in->nops) {
        (void)pdf_num(in->ops[in->nops - 1 - back], &v);
        if (!isfinite(v) || v > 1e9 || v < -1e9) v = 0;
    }
    return v;
}

static const struct pdf_obj *op_arg(const struct interp *in, size_t back)
{
    return back < in->nops ? in->ops[in->nops - 1 - back] : &pdf_null_obj;
}

/* Device-space position of the text origin, and the unit vectors along
 * and across the baseline with the font's device size in each direction. */
struct origin {
    double x, y;
    double ux, uy, vx, vy; /* along, across (unit) */
    double size_along, size_across;
};

/* The em of the current font in units of Tf (1 but for Type3 fonts). */
static double font_em(const struct interp *in) { return in->font && in->font->em > 0 ? in->font->em : 1; }

static void text_origin(const struct interp *in, struct origin *o)
{
    double m[6];
    mat_mul(in->tm, in->gs[in->ngs - 1].ctm, m);
    o->x = m[4];
    o->y = m[5];
    double fs = (fabs(in->tfs) > 0 ? fabs(in->tfs) : 1) * font_em(in);
    double la = hypot(m[0], m[1]), lc = hypot(m[2], m[3]);
    if (!(la > 1e-9) || !isfinite(la)) {
        la = 1;
        m[0] = 1;
        m[1] = 0;
    }
    if (!(lc > 1e-9) || !isfinite(lc)) {
        lc = 1;
        m[2] = 0;
        m[3] = 1;
    }
    o->ux = m[0] / la;
    o->uy = m[1] / la;
    o->vx = m[2] / lc;
    o->vy = m[3] / lc;
    o->size_along = fs * la;
    o->size_across = fs * lc;
}

/* A new show starts: newline if it left the line, space if it jumped
 * forward more than a tenth of an em past the last glyph's box (or far
 * back) along it. Works for rotated text too. A tenth, as poppler: a
 * justified line typeset by TeX or 3B2 ("(ough)-184(the)" with -0.014 Tc)
 * has word gaps of 0.15 to 0.2 em, and a kern inside a word is rarely
 * more than 0.05 em. The same threshold holds inside one show (Tc). */
#define PDF_WORD_GAP 0.1
/* Character spacing alone, the same after every glyph of a show, is
 * tracking: a heading or a form field letter-spaced by 0.12-0.19 em is
 * one word per word ("S S N : 5 3 6 ..." at a tenth). Between shows a
 * tenth separates (justified TeX lines); inside one, a fifth, and so
 * between shows when the gap is the last show's Tc alone (gap_separator). */
#define PDF_TC_GAP 0.2

/* behind: how far (in ems) a show on the same line starts behind the last
 * glyph's end, when it does; else 0. */
static ls_err gap_separator(struct interp *in, double *behind)
{
    *behind = 0;
    if (!in->have_last) return LS_OK;
    struct origin o;
    text_origin(in, &o);
    double dx = o.x - in->last_x, dy = o.y - in->last_y;
    double along = dx * o.ux + dy * o.uy, across = dx * o.vx + dy * o.vy;
    if (!isfinite(along) || !isfinite(across)) return LS_OK;
    if (fabs(across) > 0.5 * o.size_across) return pdf_textout_sep(in->t, '\n');
    /* from or to a Type3 font whose em was guessed, the smaller em:
     * "1976" set in a TrueType font before a CJK Type3 glyph stays apart */
    double em = font_em(in);
    if (in->last_em > 0 && in->last_em < em) o.size_along *= in->last_em / em;
    /* A gap that is only the last show's letter spacing (the pen where its
     * Tc left it: no Td, Tm or TJ number since) is weighed as letter
     * spacing inside a show is: a word is a gap only past PDF_TC_GAP. OCR
     * layers spread each word over the scanned one with Tc and set its
     * last letter apart with 0 Tc: "( Nort) Tj 0 Tc (h) Tj" (EPSON Scan,
     * pypdf's indirect-rotation.pdf, read "Nort h"; pdftotext joins it). */
    double pen = fabs(o.x - in->pen_x) + fabs(o.y - in->pen_y);
    if (along > 0 && pen <= 1e-6 * (fabs(o.size_along) + 1) && in->tail_em > 0 && in->tail_em <= PDF_TC_GAP)
        return LS_OK;
    if (along > PDF_WORD_GAP * o.size_along || along < -1.0 * o.size_along) return pdf_textout_sep(in->t, ' ');
    if (along < 0 && o.size_along > 0) *behind = -along / o.size_along;
    return LS_OK;
}

/* A space glyph at the start of a show that begins behind the last glyph's
 * end, and that ends no more than a tenth of an em past it, lies over what
 * was drawn: it separates nothing. Distiller (PScript5) ends a line's TJ
 * on an "ff" ligature and starts the next one 0.28 em back with "( )-49
 * (erent)": pdftotext reads "diﬀerent" (poppler weighs the gap, not the
 * space character), we had read "diff erent" (pdfcpu's Acroforms2.pdf).
 * pos: where the pen is, in ems past the last end (negative: behind);
 * step: this glyph's advance in ems. False once past. */
static bool space_overlaps(double *pos, double step)
{
    if (!(*pos < 0)) return false;
    if (!(*pos + step <= PDF_WORD_GAP)) {
        *pos = 0;
        return false;
    }
    return true;
}

static void advance(struct interp *in, double tx)
{
    in->tm[4] += tx * in->tm[0];
    in->tm[5] += tx * in->tm[1];
}

/* The last show ends where its last glyph's box does: its advance less the
 * character and word spacing (Tc, Tw) after it, as poppler's TextOutputDev
 * measures words. A gap made of Tc is then seen by the next show: a table
 * cell "(02) 4125 (,)" with 4.11 Tc sets "0" and "2," 4.11 em apart and pulls
 * the comma back against the "2", and a justified line "(e)-4(o)" with 0.14
 * Tc separates its words by the Tc alone. tail: that spacing, text space. */
static void mark_end(struct interp *in, double tail)
{
    double m[6];
    mat_mul(in->tm, in->gs[in->ngs - 1].ctm, m);
    double x = m[4], y = m[5];
    in->pen_x = x;
    in->pen_y = y;
    in->tail_em = fabs(in->tfs) > 1e-9 && isfinite(tail) ? tail / (in->tfs * font_em(in)) : 0;
    if (isfinite(tail) && tail != 0) {
        double t[6] = {1, 0, 0, 1, -tail, 0};
        mat_mul(t, m, m);
        if (isfinite(m[4]) && isfinite(m[5])) {
            x = m[4];
            y = m[5];
        }
    }
    in->last_x = x;
    in->last_y = y;
    in->have_last = true;
    in->last_em = font_em(in);
}

/* Text of one show operator is staged here and added in one piece. */
struct stage {
    uint8_t b[1024];
    size_t n;
};

static ls_err stage_flush(struct interp *in, struct stage *st)
{
    ls_err e = st->n ? pdf_textout_add(in->t, st->b, st->n) : LS_OK;
    st->n = 0;
    return e;
}

static void stage_cp(struct stage *st, uint32_t cp)
{
    const char *lig = pdf_ligature(cp);
    if (lig) {
        while (*lig) st->b[st->n++] = (uint8_t)*lig++;
        return;
    }
    if (cp < 0x80) {
        st->b[st->n++] = (uint8_t)cp;
    } else if (cp < 0x800) {
        st->b[st->n++] = (uint8_t)(0xc0 | cp >> 6);
        st->b[st->n++] = (uint8_t)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        st->b[st->n++] = (uint8_t)(0xe0 | cp >> 12);
        st->b[st->n++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        st->b[st->n++] = (uint8_t)(0x80 | (cp & 0x3f));
    } else {
        st->b[st->n++] = (uint8_t)(0xf0 | cp >> 18);
        st->b[st->n++] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
        st->b[st->n++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        st->b[st->n++] = (uint8_t)(0x80 | (cp & 0x3f));
    }
}

/* Spacing inside one show, as poppler's TextOutputDev judges it: a gap
 * of more than a tenth of an em between glyphs (character spacing Tc,
 * letter-spaced titles, a reflowing converter placing "The" and "Origins"
 * with Tc 2.27 in one string) separates words; a space glyph whose
 * advance Tw shrank below a tenth of an em ("(Pr e)" with -2.01 Tw: the
 * line was justified by shrinking it to nothing) separates nothing.
 * PDF_WORD_GAP is defined above, with gap_separator. */
#define PDF_SPACE_MIN 0.1

struct glyph_sp {
    bool drop_space; /* this glyph is a space squeezed to nothing */
    bool gap;        /* a word gap precedes this glyph */
};

static void glyph_spacing(const struct interp *in, double w, bool space_code, bool first,
                          struct glyph_sp *g)
{
    g->drop_space = false;
    g->gap = false;
    if (!(fabs(in->tfs) > 1e-9)) return;
    double em = font_em(in), tc_em = in->tc / (in->tfs * em);
    if (space_code) g->drop_space = w / em + tc_em + in->tw / (in->tfs * em) < PDF_SPACE_MIN;
    /* the gap is horizontally scaled (Tz), the em is not */
    g->gap = !first && tc_em * in->th > PDF_TC_GAP;
}

static bool is_break(int prev) { return prev == ' ' || prev == '\n' || prev < 0; }

/* The Unicode of a Type0 font's code (CID cid) that no ToUnicode entry
 * gave. */
static uint32_t cid_unicode(struct interp *in, const struct pdf_font *f, uint32_t code, uint32_t cid)
{
    /* a CID of one of the four collections means the collection's
     * character, whatever glyph the font draws for it (pdftotext and pdf.js
     * read them so): the font's own cmap only for what the table lacks
     * (pdf.js's issue11768_reduced.pdf: Japan1 CID 68 is "c", the font's
     * cmap names nothing printable for its glyph) */
    if (f->cjk != PDF_CJK_NONE && cid >= 1 && cid <= 95) return cid + 31; /* ASCII in all four */
    uint32_t cp = f->cjk != PDF_CJK_NONE && cid > 95 ? pdf_cidu_map(f->cjk, cid) : 0;
    if (cp) return cp;
    if (f->ng2u) return cid < f->ng2u && f->g2u[cid] ? f->g2u[cid] : 0xFFFD;
    /* Identity-H without ToUnicode, or a collection of the font maker's
     * own: a guess, the code (an embedded CMap of such a font keys its
     * CIDs by Unicode: pdf.js's issue9915_reduced.pdf, Registry (G), reads
     * "ISSUE 9915"; its CIDs read "*446&") */
    if (f->cjk == PDF_CJK_NONE) return code;
    if (cid == 0) return 0; /* .notdef draws nothing */
    in->d->cjk_unmapped++;  /* no table, or a CID it leaves unmapped: noted */
    return 0xFFFD;
}

static ls_err emit_code(struct interp *in, struct stage *st, uint32_t code, uint32_t cid, size_t nbytes,
                        const struct glyph_sp *g)
{
    const struct pdf_font *f = in->font;
    int prev = st->n ? st->b[st->n - 1] : in->t->last;
    if (st->n > sizeof st->b - 8) LS_TRY(stage_flush(in, st));
    if (f && f->tu) {
        ls_err err = LS_OK;
        ls_buf_reset(&in->u8);
        /* A simple font's codes are one byte whatever the ToUnicode CMap's
         * codespace says; some writers still key its entries as <00XX>. */
        if (pdf_cmap_map(f->tu, code, nbytes, &in->u8, &err) ||
            (!f->type0 && pdf_cmap_map(f->tu, code, 2, &in->u8, &err))) {
            LS_TRY(err);
            struct ls_slice s = ls_buf_slice(&in->u8);
            bool sp = s.len == 1 && s.ptr[0] == ' ';
            if (sp && (prev == ' ' || prev == '\n' || g->drop_space)) return LS_OK;
            if (s.len + 1 > sizeof st->b - st->n) LS_TRY(stage_flush(in, st));
            if (g->gap && !sp && s.len && !is_break(st->n ? st->b[st->n - 1] : in->t->last))
                st->b[st->n++] = ' ';
            if (s.len > 1 && in->nglue < PDF_MAX_GLUE) {
                size_t q = 0;
                (void)ls_utf8_next(s, &q);
                if (q < s.len) { /* more than one character */
                    in->glue_at[in->nglue] = in->t->buf.len + st->n;
                    in->glue_len[in->nglue++] = s.len;
                }
            }
            if (s.len > sizeof st->b - st->n) return pdf_textout_add(in->t, s.ptr, s.len);
            if (s.len) memcpy(&st->b[st->n], s.ptr, s.len);
            st->n += s.len;
            return LS_OK;
        }
    }
    uint32_t cp;
    if (!f) cp = ls_cp1252((uint8_t)code);
    else if (f->legacy) cp = nbytes == 2 ? ls_codepage_map2(f->legacy, (uint8_t)(code >> 8), (uint8_t)code)
                                         : ls_codepage_map(f->legacy, (uint8_t)code);
    else if (f->type0 && (f->utf16 || f->uni)) cp = code; /* UTF-16 (pairs joined in show()), -8, -32 */
    else if (f->type0 && f->enc_ascii && nbytes == 1 && code >= 0x20 && code <= 0x7E) cp = code;
    else if (f->type0) cp = cid_unicode(in, f, code, cid);
    else cp = f->map[code & 0xff];
    if (cp == ' ' && (prev == ' ' || prev == '\n' || g->drop_space)) return LS_OK; /* a gap already separated */
    if (cp >= 0x20 && cp != 0x7f && !(cp >= 0xd800 && cp <= 0xdfff) && (cp < 0xfffe || cp >= 0x10000) && cp <= 0x10ffff) {
        if (g->gap && cp != ' ' && !is_break(prev)) st->b[st->n++] = ' ';
        stage_cp(st, cp);
    }
    return LS_OK;
}

/* A show that started behind the last glyph's end (behind: ems) and drew
 * text from buffer offset start on: when the accent before it overlaps its
 * first letter, or its first glyph is an accent over the letter before,
 * note the accent for compose_accents(). */
#define PDF_ACCENT_OVERLAP 0.05
static void note_accent(struct interp *in, size_t start, uint64_t flushes, double behind)
{
    struct pdf_textout *t = in->t;
    if (!(behind > PDF_ACCENT_OVERLAP) || t->flushes != flushes || start == 0 ||
        start >= t->buf.len || t->naccents >= sizeof t->accent_at / sizeof t->accent_at[0])
        return;
    struct ls_slice all = ls_buf_slice(&t->buf), first;
    size_t a = 0, q = 0;
    int32_t before = cp_before(all, start, &a);
    if (!ls_slice_sub(all, start, all.len - start, &first)) return;
    int32_t c = ls_utf8_next(first, &q);
    if (before >= 0 && is_accent(before) && c >= 0 && accent_compose(before, c) && a <= UINT32_MAX) {
        /* an accent drawn back over the letter before it and then under
         * this one (TeX centring a circumflex over a dotless i) is this
         * one's: the letter drawn back under it decides */
        if (t->naccents && t->accent_at[t->naccents - 1] == a) t->naccents--;
        t->accent_at[t->naccents] = (uint32_t)a;
        t->accent_side[t->naccents++] = 1;
    } else if (c >= 0 && is_accent(c) && before >= 0 && accent_compose(c, before) && start <= UINT32_MAX &&
               (t->naccents == 0 || t->accent_at[t->naccents - 1] < start)) {
        t->accent_at[t->naccents] = (uint32_t)start;
        t->accent_side[t->naccents++] = -1;
    }
}

/* Simple font without ToUnicode: one byte, one table lookup per glyph. */
static ls_err show_simple(struct interp *in, struct ls_slice s, double behind)
{
    const struct pdf_font *f = in->font;
    struct stage st;
    st.n = 0;
    double fs = in->tfs, adv = 0, tail = 0;
    int prev = in->t->last;
    size_t start = in->t->buf.len;
    uint64_t flushes = in->t->flushes;
    double lead = fs > 0 ? -behind : 0;
    for (size_t pos = 0; pos < s.len; pos++) {
        uint8_t code = s.ptr[pos];
        uint32_t cp = f ? f->map[code] : ls_cp1252(code);
        if (st.n > sizeof st.b - 8) {
            LS_TRY(stage_flush(in, &st));
        }
        double w = (f ? f->widths[code] : 500) / 1000.0;
        struct glyph_sp g;
        glyph_spacing(in, w, code == 32, pos == 0, &g);
        if (lead < 0) {
            double step = (w * fs * in->th + (in->tc + (code == 32 ? in->tw : 0)) * in->th) / (fs * font_em(in));
            if (cp == ' ' && space_overlaps(&lead, step)) g.drop_space = true;
            else lead = 0;
            lead += step;
        }
        if (cp == ' ' && (prev == ' ' || prev == '\n' || g.drop_space)) {
            /* a gap already separated, or a space squeezed to nothing */
        } else if (cp >= 0x20 && cp != 0x7f && !(cp >= 0xd800 && cp <= 0xdfff) && cp < 0xfffe) {
            if (g.gap && cp != ' ' && !is_break(prev)) st.b[st.n++] = ' ';
            stage_cp(&st, cp);
            prev = st.b[st.n - 1];
        }
        tail = (in->tc + (code == 32 ? in->tw : 0)) * in->th;
        adv += w * fs * in->th + tail;
    }
    advance(in, adv);
    LS_TRY(stage_flush(in, &st));
    note_accent(in, start, flushes, behind);
    mark_end(in, tail);
    return LS_OK;
}

/* One code of a UTF-8 (a sequence; an invalid byte alone, U+FFFD) or
 * UTF-32 (4 bytes, big-endian) Unicode CMap; 0 at the end. */
static size_t uni_code(unsigned bits, struct ls_slice s, size_t pos, uint32_t *code)
{
    if (pos >= s.len) return 0;
    if (bits == 32) {
        uint32_t v = 0;
        size_t n = 0;
        for (; n < 4 && pos + n < s.len; n++) v = v << 8 | (uint32_t)ls_slice_at(s, pos + n);
        *code = n == 4 && v <= 0x10FFFF ? v : 0xFFFD;
        return n;
    }
    size_t q = pos;
    int32_t c = ls_utf8_next(s, &q);
    *code = c < 0 ? 0xFFFD : (uint32_t)c;
    return q > pos ? q - pos : 1;
}

/* One code of a legacy CJK CMap: a lead byte and its trail, else one byte. */
static size_t legacy_code(const struct ls_codepage *cp, struct ls_slice s, size_t pos, uint32_t *code)
{
    int a = ls_slice_at(s, pos), b = ls_slice_at(s, pos + 1);
    if (a < 0) return 0;
    if (b >= 0 && ls_codepage_lead(cp, (uint8_t)a)) {
        *code = (uint32_t)a << 8 | (uint32_t)b;
        return 2;
    }
    *code = (uint32_t)a;
    return 1;
}

/* One code of the H/V CMaps: two bytes, as EUC-JP (a lone last byte as itself). */
static size_t jis_code(struct ls_slice s, size_t pos, uint32_t *code)
{
    int a = ls_slice_at(s, pos), b = ls_slice_at(s, pos + 1);
    if (a < 0) return 0;
    if (b < 0) {
        *code = (uint32_t)a;
        return 1;
    }
    *code = ((uint32_t)a | 0x80u) << 8 | ((uint32_t)b | 0x80u);
    return 2;
}

static ls_err actual_show(struct interp *in, struct ls_slice s);

static ls_err show_glyphs(struct interp *in, struct ls_slice s);

static ls_err show(struct interp *in, struct ls_slice s)
{
    return in->at_depth ? actual_show(in, s) : show_glyphs(in, s);
}

static ls_err show_glyphs(struct interp *in, struct ls_slice s)
{
    double behind;
    LS_TRY(gap_separator(in, &behind));
    const struct pdf_font *f = in->font;
    if (!f || (!f->type0 && !f->tu)) return show_simple(in, s, behind);
    int fallback = f && f->type0 ? 2 : 1;
    double fs = in->tfs, tail = 0, lead = fs > 0 ? -behind : 0;
    size_t start = in->t->buf.len;
    uint64_t flushes = in->t->flushes;
    struct stage st;
    st.n = 0;
    for (size_t pos = 0; pos < s.len;) {
        uint32_t code;
        /* Codes of a simple font are single bytes (ISO 32000-1 9.6.2): a
         * ToUnicode codespace of <0000> <FFFF> on one (Tika's
         * testPDF_angles.pdf) must not pair them up. */
        size_t n = f->jis      ? jis_code(s, pos, &code)
                   : f->legacy ? legacy_code(f->legacy, s, pos, &code)
                   : f->uni    ? uni_code(f->uni, s, pos, &code)
                   : f->enc    ? pdf_cmap_code_cid(f->enc, s, pos, fallback, &code)
                               : pdf_cmap_code(f->type0 && !f->tu_empty ? f->tu : NULL, s, pos, fallback, &code);
        if (n == 0) break;
        /* a Unicode CMap's surrogate pair is one code (Table 118: UTF16's
         * codespace has 4-byte codes D800DC00..DBFFDFFF) */
        uint32_t lo;
        if (f->utf16 && n == 2 && code >= 0xD800 && code <= 0xDBFF &&
            pdf_cmap_code(NULL, s, pos + 2, 2, &lo) == 2 && lo >= 0xDC00 && lo <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (lo - 0xDC00);
            n = 4;
        }
        /* a CID font's widths are the CIDs' (ISO 32000-1 9.7.4.3) */
        uint32_t cid = code;
        if (f->enc && !pdf_cmap_cid(f->enc, code, n, &cid)) cid = f->enc_identity ? code : 0;
        double w = glyph_width(f, cid) / 1000.0;
        bool space_code = n == 1 && code == 32;
        struct glyph_sp g;
        glyph_spacing(in, w, space_code, pos == 0, &g);
        /* Tw only widens a one-byte code 32: a squeezed space of a CID font
         * is a space whatever Tw says */
        if (!space_code) g.drop_space = false;
        pos += n;
        if (lead < 0) { /* a space over the glyphs before (space_overlaps) */
            double step = (w * fs * in->th + (in->tc + (space_code ? in->tw : 0)) * in->th) / (fs * font_em(in));
            size_t had = st.n;
            struct glyph_sp g2 = g;
            g2.drop_space = true;
            if (space_overlaps(&lead, step)) {
                LS_TRY(emit_code(in, &st, code, cid, n, &g2));
                if (st.n != had) lead = 0; /* not a space: the show's text starts */
                else lead += step;
                tail = (in->tc + (space_code ? in->tw : 0)) * in->th;
                advance(in, w * fs * in->th + tail);
                continue;
            }
            lead = 0;
        }
        LS_TRY(emit_code(in, &st, code, cid, n, &g));
        tail = (in->tc + (space_code ? in->tw : 0)) * in->th;
        advance(in, w * fs * in->th + tail);
    }
    LS_TRY(stage_flush(in, &st));
    note_accent(in, start, flushes, behind);
    mark_end(in, tail);
    return LS_OK;
}

static ls_err show_array(struct interp *in, const struct pdf_obj *a)
{
    if (a->kind != PDF_ARRAY) return LS_OK;
    for (size_t i = 0; i < a->u.a.n; i++) {
        const struct pdf_obj *e = a->u.a.v[i];
        double v;
        if (e->kind == PDF_STR) {
            LS_TRY(show(in, e->u.s));
        } else if (pdf_num(e, &v) && isfinite(v) && fabs(v) < 1e7) {
            advance(in, -v / 1000.0 * in->tfs * in->th);
        }
    }
    return LS_OK;
}

static void next_line(struct interp *in, double tx, double ty)
{
    double t[6] = {1, 0, 0, 1, tx, ty};
    mat_mul(t, in->tlm, in->tlm);
    memcpy(in->tm, in->tlm, sizeof in->tm);
}

/* ---- resources ---- */

static struct pdf_obj *resource(struct interp *in, const char *cat, const struct pdf_obj *name)
{
    if (!name || name->kind != PDF_NAME) return &pdf_null_obj;
    const struct pdf_obj *dict = pdf_dict_of(pdf_dict_getr(in->d, in->res, cat));
    if (!dict) return &pdf_null_obj;
    for (size_t i = dict->u.d.n; i > 0; i--)
        if (dict->u.d.v[i - 1].key.len == name->u.s.len &&
            (name->u.s.len == 0 ||
             memcmp(dict->u.d.v[i - 1].key.ptr, name->u.s.ptr, name->u.s.len) == 0))
            return dict->u.d.v[i - 1].val;
    return &pdf_null_obj;
}

/* A form XObject's text (ISO 32000-1 8.10): run_form for Do, and
 * annotation appearances. res is the caller's resources, for forms
 * without their own. */
static ls_err form_text(struct pdf_doc *d, struct pdf_obj *ref, const struct pdf_obj *res,
                        struct pdf_textout *t, unsigned depth)
{
    if (ref->kind == PDF_REF && pdf_done_test_set(d, ref->u.ref.num)) return LS_OK;
    struct pdf_obj *x = pdf_resolve(d, ref);
    if (x->kind != PDF_STREAM) return LS_OK;
    /* appearance streams often omit /Subtype; an image never does */
    struct pdf_obj *sub = pdf_dict_getr(d, x, "Subtype");
    if (sub->kind != PDF_NULL && !pdf_name_is(sub, "Form")) return LS_OK;
    if (depth + 1 >= PDF_MAX_FORM_DEPTH) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, PDF_MAX_STREAM);
    ls_err e = pdf_stream_decode(d, x, PDF_MAX_STREAM, &b);
    if (e == LS_E_LIMIT) {
        ls_note(d->c, d->o, LS_R_LIMIT_BYTES, "pdf: form stream over the cap");
        d->limited = true;
    } else if (e == LS_E_CORRUPT || e == LS_E_TRUNCATED) pdf_mark_corrupt(d, "form stream damaged");
    const struct pdf_obj *own = pdf_dict_of(pdf_dict_getr(d, x, "Resources"));
    /* a form is its own block of text (header, footer, stamp) */
    ls_err e2 = pdf_textout_sep(t, '\n');
    if (e2 == LS_OK) e2 = pdf_content_text(d, ls_buf_slice(&b), own ? own : res, t, depth + 1);
    if (e2 == LS_OK) e2 = pdf_textout_sep(t, '\n');
    ls_buf_free(&b);
    return e2;
}

ls_err pdf_appearance_text(struct pdf_doc *d, struct pdf_obj *ap, struct pdf_textout *t)
{
    return form_text(d, ap, NULL, t, 0);
}

/* |determinant| of the linear part: how a transform scales areas. */
static double mat_area(const double m[6])
{
    double a = fabs(m[0] * m[3] - m[1] * m[2]);
    return isfinite(a) ? a : 0;
}

/* An image (XObject or inline) painted now fills the unit square mapped
 * by the CTM, in the page's space once the enclosing forms' matrices are
 * counted (ISO 32000-1 8.9.4). */
static void image_drawn(struct interp *in)
{
    double a = mat_area(in->gs[in->ngs - 1].ctm) * in->scale;
    if (isfinite(a) && a < 1e12) in->d->page_img += a;
}

static void rtl_finish(struct interp *in);

static ls_err run_form(struct interp *in, const struct pdf_obj *name)
{
    struct pdf_doc *d = in->d;
    struct pdf_obj *ref = resource(in, "XObject", name);
    struct pdf_obj *x = pdf_resolve(d, ref);
    if (x->kind == PDF_STREAM && pdf_name_is(pdf_dict_getr(d, x, "Subtype"), "Image")) {
        image_drawn(in);
        return LS_OK;
    }
    /* the form's own content is in its matrix's space, then the CTM's */
    double fm[6];
    mat_ident(fm);
    const struct pdf_obj *m = pdf_dict_getr(d, x, "Matrix");
    if (m->kind == PDF_ARRAY && m->u.a.n == 6)
        for (int i = 0; i < 6; i++)
            if (!pdf_num(m->u.a.v[i], &fm[i]) || !isfinite(fm[i])) fm[i] = i == 0 || i == 3;
    double saved = d->area_scale;
    d->area_scale = in->scale * mat_area(in->gs[in->ngs - 1].ctm) * mat_area(fm);
    /* the pen stays where it was: an image between two lines (or a form
     * already read) must not glue them */
    rtl_finish(in); /* the form's text is its own */
    ls_err e = form_text(d, ref, in->res, in->t, in->depth);
    d->area_scale = saved;
    return e;
}

/* Skip inline image data after ID: up to whitespace + "EI" + whitespace/end. */
static void skip_inline_image(struct pdf_parser *p)
{
    struct ls_slice in = p->lx.cur.in;
    size_t pos = p->lx.cur.pos + 1;
    for (;;) {
        size_t f = ls_slice_find(in, pos, "EI", 2);
        if (f == SIZE_MAX) {
            p->lx.cur.pos = in.len;
            return;
        }
        int after = ls_slice_at(in, f + 2);
        if (f > 0 && pdf_is_space(in.ptr[f - 1]) && (after < 0 || pdf_is_space(after))) {
            p->lx.cur.pos = f + 2;
            return;
        }
        pos = f + 2;
    }
}

/* ---- operators ---- */

/* op is exactly the literal lit (the length known at compile time: the
 * chains below ran strlen() and a call per comparison for every operator
 * of every content stream, path operators through all of them). */
#define OP_IS(op, lit) ((op).len == sizeof(lit) - 1 && memcmp((op).ptr, lit, sizeof(lit) - 1) == 0)


/* ---- right-to-left text ----
 *
 * One show (Tj, TJ, ', ") draws its glyphs left to right, so a Hebrew or
 * Arabic word in it comes in visual order: Word's PDFs (docling's
 * right_to_left_01.pdf) read "ةغلب ةجمربلا" for "البرمجة بلغة", every
 * letter of every word backwards. The text of a segment (shows following
 * each other left to right along a line, rtl_begin()), from its first to
 * its last right-to-left letter or Arabic-Indic digit, is put back in
 * reading order by units: a letter with the marks after it, a separator,
 * and, kept as they are, a stretch of digits or Latin (with what lies
 * between them, "536-22-1874", "New York") up to the next right-to-left
 * letter, and a code's text of several characters (a ligature). */
enum { BIDI_NEUTRAL, BIDI_RTL, BIDI_LTR, BIDI_MARK, BIDI_AN };

static int bidi_class(int32_t c)
{
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? BIDI_LTR : BIDI_NEUTRAL;
    if ((c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 ||
        c == 0x05C5 || c == 0x05C7 || (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
        c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
        c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED) || c == 0xFB1E || (c >= 0xFE20 && c <= 0xFE2F))
        return BIDI_MARK;
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return BIDI_AN; /* digits: in order */
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC) ||
        (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF))
        return BIDI_RTL;
    if (c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3003)) return BIDI_NEUTRAL;
    return BIDI_LTR;
}

#define PDF_RTL_MAX 1024u /* code points of a segment's line put in reading order (longer: as drawn) */

/* Code point q (at byte off[q] of p) is a space: a blank, a tab, U+00A0. */
static bool rtl_space(const uint8_t *p, const uint16_t *off, size_t q)
{
    uint8_t c = p[off[q]];
    return c == ' ' || c == '\t' || (c == 0xC2 && off[q + 1] - off[q] == 2 && p[off[q] + 1] == 0xA0);
}

/* Whether p[0..n) may hold a right-to-left letter or an Arabic-Indic
 * digit: their UTF-8 lead bytes are D6-E0 (U+0590-08FF), EF (U+FB1D-FEFC)
 * and F0 (U+10800-1EFFF). Most lines have none: decoding them code point
 * by code point was 1% of a run. */
static bool rtl_maybe(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 0xD6 && (p[i] <= 0xE0 || p[i] == 0xEF || p[i] == 0xF0)) return true;
    return false;
}

static void rtl_logical(uint8_t *p, size_t n, const struct interp *in, size_t base)
{
    if (!rtl_maybe(p, n)) return;
    uint16_t off[PDF_RTL_MAX + 1];
    uint8_t cls[PDF_RTL_MAX];
    bool joined[PDF_RTL_MAX + 1]; /* inside one code's text, not its start */
    size_t k = 0, pos = 0, first = SIZE_MAX, last = 0;
    struct ls_slice s = ls_slice_make(p, n);
    if (n > PDF_RTL_MAX * 4) return;
    while (pos < n) {
        if (k == PDF_RTL_MAX) return;
        off[k] = (uint16_t)pos;
        int32_t c = ls_utf8_next(s, &pos);
        cls[k] = (uint8_t)bidi_class(c);
        if (cls[k] == BIDI_RTL || cls[k] == BIDI_AN) {
            if (first == SIZE_MAX) first = k;
            last = k;
        }
        k++;
    }
    off[k] = (uint16_t)n;
    if (first == SIZE_MAX) return;
    bool any_rtl = false;
    for (size_t i = first; i <= last && !any_rtl; i++) any_rtl = cls[i] == BIDI_RTL;
    if (!any_rtl) return; /* Arabic-Indic digits alone read as they are drawn */
    /* the glue ranges come in buffer order, as the code points do */
    for (size_t i = 0, g = 0; i <= k; i++) {
        size_t at = base + off[i];
        while (g < in->nglue && in->glue_at[g] + in->glue_len[g] <= at) g++;
        joined[i] = i < k && g < in->nglue && at > in->glue_at[g];
    }
    while (last + 1 < k && (cls[last + 1] == BIDI_MARK || joined[last + 1])) last++;
    while (first > 0 && joined[first]) first--;
    /* units [u0[i], u1[i]) in code points, in visual order */
    uint16_t u0[PDF_RTL_MAX], u1[PDF_RTL_MAX];
    size_t nu = 0;
    for (size_t i = first; i <= last;) {
        size_t j = i + 1;
        /* signs right before a stretch of digits or Latin, no space between
         * ("+972", "(212)", "$40"), go with it, as do those right after it
         * ("5309)", "40%"): as separate units they changed sides (review4:
         * "+972 3 555 1234" read "972 3 555 1234+", the phone lost) */
        size_t lead = i;
        while (lead <= last && cls[lead] == BIDI_NEUTRAL && !rtl_space(p, off, lead)) lead++;
        bool ltr = lead <= last && (cls[lead] == BIDI_LTR || cls[lead] == BIDI_AN);
        if (cls[i] == BIDI_RTL) {
            while (j <= last && cls[j] == BIDI_MARK) j++;
        } else if (ltr) {
            size_t end = lead + 1;
            for (size_t r = lead; r <= last && cls[r] != BIDI_RTL; r++)
                if (cls[r] == BIDI_LTR || cls[r] == BIDI_AN) end = r + 1;
            while (end <= last && cls[end] == BIDI_NEUTRAL && !rtl_space(p, off, end)) end++;
            j = end;
        }
        bool glued = false;
        while (j <= last && joined[j]) {
            j++;
            glued = true;
        }
        if (glued) { /* one code gave right-to-left letters and other text:
                      * its producer wrote reading order (py-pdf's
                      * habibi.pdf: "حَبيبي h" on one glyph), the line
                      * stays as it is */
            bool r = false, other = false;
            for (size_t q = i; q < j; q++) {
                r |= cls[q] == BIDI_RTL;
                other |= cls[q] == BIDI_LTR || cls[q] == BIDI_NEUTRAL;
            }
            if (r && other) return;
        }
        u0[nu] = (uint16_t)i;
        u1[nu++] = (uint16_t)j;
        i = j;
    }
    uint8_t tmp[PDF_RTL_MAX * 4];
    size_t a = off[first], b = off[last + 1], w = 0;
    if (b - a > sizeof tmp) return;
    for (size_t i = nu; i-- > 0;) {
        size_t from = off[u0[i]], len = off[u1[i]] - from;
        memcpy(tmp + w, p + from, len);
        w += len;
    }
    memcpy(p + a, tmp, w);
}

/* A segment's text, still in the buffer, in reading order. */
static void rtl_fix(struct interp *in, size_t mark, uint64_t flushes)
{
    struct pdf_textout *t = in->t;
    if (t->flushes != flushes || t->buf.len <= mark || t->err != LS_OK) return;
    for (size_t a = mark, b; a < t->buf.len; a = b + 1) { /* a line at a time */
        for (b = a; b < t->buf.len && t->buf.ptr[b] != '\n'; b++) {}
        if (b > a) rtl_logical(t->buf.ptr + a, b - a, in, a);
    }
    t->last = t->buf.ptr[t->buf.len - 1];
}

static void rtl_finish(struct interp *in)
{
    if (in->seg_open) rtl_fix(in, in->seg_mark, in->seg_flushes);
    in->seg_open = false;
}

/* A show starts: it goes on the segment if it starts on the same line, not
 * left of where the last show ended (a producer that writes a line's runs
 * in visual order, as PDFBox's BidiSample.pdf), else the segment ends
 * (Word writes an Arabic line's runs in reading order, each further left:
 * each run is its own segment). */
static void rtl_begin(struct interp *in)
{
    bool cont = in->seg_open && in->seg_flushes == in->t->flushes && in->have_last;
    if (cont) {
        struct origin o;
        text_origin(in, &o);
        double dx = o.x - in->last_x, dy = o.y - in->last_y;
        double along = dx * o.ux + dy * o.uy, across = dx * o.vx + dy * o.vy;
        cont = isfinite(along) && isfinite(across) && fabs(across) <= 0.5 * o.size_across &&
               along >= -0.2 * o.size_along;
    }
    if (cont) return;
    rtl_finish(in);
    in->seg_open = true;
    in->seg_mark = in->t->buf.len;
    in->seg_flushes = in->t->flushes;
    in->nglue = 0;
}

static ls_err text_op(struct interp *in, struct ls_slice op)
{
    if (OP_IS(op, "Tj")) {
        const struct pdf_obj *s = op_arg(in, 0);
        if (s->kind != PDF_STR) return LS_OK;
        rtl_begin(in);
        return show(in, s->u.s);
    }
    if (OP_IS(op, "TJ")) {
        rtl_begin(in);
        return show_array(in, op_arg(in, 0));
    }
    if (OP_IS(op, "'") || OP_IS(op, "\"")) {
        if (op.ptr[0] == '"') {
            in->tw = op_num(in, 2);
            in->tc = op_num(in, 1);
        }
        next_line(in, 0, -in->tl);
        const struct pdf_obj *s = op_arg(in, 0);
        if (s->kind != PDF_STR) return LS_OK;
        rtl_begin(in);
        return show(in, s->u.s);
    }
    if (OP_IS(op, "Td")) next_line(in, op_num(in, 1), op_num(in, 0));
    else if (OP_IS(op, "TD")) {
        in->tl = -op_num(in, 0);
        next_line(in, op_num(in, 1), op_num(in, 0));
    } else if (OP_IS(op, "T*")) next_line(in, 0, -in->tl);
    else if (OP_IS(op, "Tm")) {
        for (int i = 0; i < 6; i++) in->tlm[i] = op_num(in, (size_t)(5 - i));
        memcpy(in->tm, in->tlm, sizeof in->tm);
    } else if (OP_IS(op, "Tf")) {
        in->tfs = op_num(in, 0);
        const struct pdf_obj *nm = op_arg(in, 1);
        if (in->have_font_hit && nm->kind == PDF_NAME && nm->u.s.len == in->font_name.len &&
            memcmp(nm->u.s.ptr, in->font_name.ptr, nm->u.s.len) == 0) {
            in->font = in->font_hit; /* same font again: skip the resource lookup */
            return LS_OK;
        }
        in->font = get_font(in->d, pdf_resolve(in->d, resource(in, "Font", nm)));
        in->have_font_hit = false;
        if (nm->kind == PDF_NAME && nm->u.s.len < sizeof in->font_key) {
            memcpy(in->font_key, nm->u.s.ptr, nm->u.s.len);
            in->font_name = ls_slice_make(in->font_key, nm->u.s.len);
            in->font_hit = in->font;
            in->have_font_hit = true;
        }
    } else if (OP_IS(op, "Tc")) in->tc = op_num(in, 0);
    else if (OP_IS(op, "Tw")) in->tw = op_num(in, 0);
    else if (OP_IS(op, "Tz")) in->th = op_num(in, 0) / 100.0;
    else if (OP_IS(op, "TL")) in->tl = op_num(in, 0);
    else if (OP_IS(op, "Ts")) in->ts = op_num(in, 0);
    return LS_OK;
}

/* ---- marked content: /ActualText ---- */

/* A span of marked content with /ActualText (ISO 32000-1 14.9.4) says
 * what its glyphs read as. Chrome's Skia prints tabular figures so: each
 * digit a Type3 glyph whose ToUnicode entry is U+0000 inside
 * "/Span <</ActualText (4)>> BDC ... EMC" (PyMuPDF's test_3197.pdf, a
 * Yahoo Finance table: "14,918,000" had read ",,"); Word marks
 * hyphenated words the same way. The span's text is its /ActualText, put
 * where its first glyph is, as poppler does; the glyphs' own text is kept
 * after it as well when it says something the /ActualText does not (no
 * text hides behind a harmless one). A span that draws nothing adds
 * nothing. */
static void actual_open(struct interp *in, const struct pdf_obj *props)
{
    if (in->at_depth) return; /* inside one already: the outer span rules */
    const struct pdf_obj *dict = pdf_dict_of(props);
    if (!dict && props->kind == PDF_NAME) dict = pdf_dict_of(pdf_resolve(in->d, resource(in, "Properties", props)));
    if (!dict) return;
    struct pdf_obj *at = pdf_dict_getr(in->d, dict, "ActualText");
    if (at->kind != PDF_STR) return;
    ls_buf_reset(&in->at_text);
    (void)pdf_text_string(at->u.s, &in->at_text); /* what fits */
    pdf_textout_init(&in->cap, in->d);
    in->cap.scratch = true;
    in->at_depth = in->mc_depth;
    in->at_shown = false;
}

/* A show inside the span: its /ActualText where the first glyph is (in
 * the page's text, on the current right-to-left segment, kept in its
 * order there like a ligature), the glyphs' own text aside. */
static ls_err actual_show(struct interp *in, struct ls_slice s)
{
    if (s.len == 0) return LS_OK;
    if (!in->at_shown) {
        double behind;
        LS_TRY(gap_separator(in, &behind));
        struct ls_slice a = ls_buf_slice(&in->at_text);
        size_t q = 0;
        (void)ls_utf8_next(a, &q);
        if (q < a.len && in->nglue < PDF_MAX_GLUE) { /* more than one character */
            in->glue_at[in->nglue] = in->t->buf.len;
            in->glue_len[in->nglue++] = a.len;
        }
        LS_TRY(pdf_textout_add(in->t, a.ptr, a.len));
        in->at_shown = true;
    }
    struct pdf_textout *page = in->t;
    size_t nglue = in->nglue;
    in->t = &in->cap;
    ls_err e = show_glyphs(in, s); /* the pen moves on */
    in->t = page;
    in->nglue = nglue;
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* ASCII letters and digits of s, lower-cased (the glyphs of a span over
 * Arabic are presentation forms its /ActualText spells as letters). */
static size_t fold_alnum(struct ls_slice s, uint8_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint8_t c = s.ptr[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) out[n++] = c;
        else if (c >= 'A' && c <= 'Z') out[n++] = (uint8_t)(c + 32);
    }
    return n;
}

/* Does the /ActualText hold every ASCII letter and digit the glyphs gave? */
static bool actual_covers(struct ls_slice actual, struct ls_slice glyphs)
{
    uint8_t *a = malloc(actual.len + 1), *g = malloc(glyphs.len + 1);
    bool covered = false;
    if (a && g) {
        size_t na = fold_alnum(actual, a), ng = fold_alnum(glyphs, g);
        bool digit = false;
        for (size_t i = 0; i < ng; i++) digit |= g[i] <= '9';
        /* a letter or two is an accent's base ("Garci" + "\u0301" under
         * /ActualText "í"), no text of its own */
        covered = (ng <= 2 && !digit) || (ng <= na && memmem(a, na, g, ng) != NULL);
    }
    free(a);
    free(g);
    return covered;
}

/* Bytes of the strings a show operator's operand holds. */
static size_t show_bytes(const struct pdf_obj *o)
{
    if (o->kind == PDF_STR) return o->u.s.len;
    size_t n = 0;
    if (o->kind == PDF_ARRAY)
        for (size_t i = 0; i < o->u.a.n && n <= PDF_AT_MAX; i++)
            if (o->u.a.v[i]->kind == PDF_STR) n += o->u.a.v[i]->u.s.len;
    return n;
}

static ls_err actual_close(struct interp *in)
{
    in->at_depth = 0;
    ls_err e = LS_OK;
    struct ls_slice c = ls_buf_slice(&in->cap.buf);
    size_t lead = 0;
    while (lead < c.len && (c.ptr[lead] == ' ' || c.ptr[lead] == '\n')) lead++;
    struct ls_slice glyphs = {NULL, 0}; /* an empty buffer has no pointer */
    if (lead < c.len) glyphs = ls_slice_make(c.ptr + lead, c.len - lead);
    if (in->at_shown && !actual_covers(ls_buf_slice(&in->at_text), glyphs)) {
        e = pdf_textout_sep(in->t, ' ');
        if (e == LS_OK) e = pdf_textout_add(in->t, glyphs.ptr, glyphs.len);
    }
    ls_buf_free(&in->cap.buf);
    return e;
}

static ls_err operator(struct interp *in, struct pdf_parser *p, struct ls_slice op)
{
    if (op.len == 0) return LS_OK;
    if (op.ptr[0] == 'T' || op.ptr[0] == '\'' || op.ptr[0] == '"') {
        /* a long show inside a span goes on as it is (cap stays small:
         * a code gives at most 16 UTF-16 units) */
        if (in->at_depth && show_bytes(op_arg(in, 0)) > PDF_AT_MAX / 4) LS_TRY(actual_close(in));
        ls_err e = text_op(in, op);
        /* a span over a whole page: its glyphs go on as they are */
        if (e == LS_OK && in->at_depth && in->cap.buf.len > PDF_AT_MAX) e = actual_close(in);
        return e;
    }
    if (OP_IS(op, "BT")) {
        mat_ident(in->tm);
        mat_ident(in->tlm);
    } else if (OP_IS(op, "q")) {
        if (in->ngs < PDF_MAX_GSTACK) {
            struct gstate *g = &in->gs[in->ngs - 1];
            g->tfs = in->tfs;
            g->tc = in->tc;
            g->tw = in->tw;
            g->th = in->th;
            g->tl = in->tl;
            g->ts = in->ts;
            g->font = in->font;
            in->gs[in->ngs] = *g;
            in->ngs++;
        }
    } else if (OP_IS(op, "Q")) {
        if (in->ngs > 1) {
            in->ngs--;
            const struct gstate *g = &in->gs[in->ngs - 1];
            in->tfs = g->tfs;
            in->tc = g->tc;
            in->tw = g->tw;
            in->th = g->th;
            in->tl = g->tl;
            in->ts = g->ts;
            in->font = g->font;
        }
    } else if (OP_IS(op, "cm")) {
        double m[6];
        for (int i = 0; i < 6; i++) m[i] = op_num(in, (size_t)(5 - i));
        mat_mul(m, in->gs[in->ngs - 1].ctm, in->gs[in->ngs - 1].ctm);
    } else if (OP_IS(op, "Do")) {
        LS_TRY(pdf_textout_flush(in->t));
        return run_form(in, op_arg(in, 0));
    } else if (OP_IS(op, "ID")) {
        image_drawn(in);
        skip_inline_image(p);
    } else if (OP_IS(op, "BMC")) {
        if (in->mc_depth < UINT_MAX) in->mc_depth++;
    } else if (OP_IS(op, "BDC")) {
        if (in->mc_depth < UINT_MAX) in->mc_depth++;
        actual_open(in, op_arg(in, 0));
    } else if (OP_IS(op, "EMC")) {
        if (in->mc_depth == 0) return LS_OK;
        ls_err e = in->at_depth == in->mc_depth ? actual_close(in) : LS_OK;
        in->mc_depth--;
        return e;
    }
    return LS_OK;
}

static void interp_init(struct interp *in, struct pdf_doc *d, const struct pdf_obj *res,
                        struct pdf_textout *t, unsigned depth)
{
    memset(in, 0, sizeof *in);
    in->d = d;
    in->t = t;
    in->res = res;
    in->depth = depth;
    in->scale = d->area_scale;
    in->ngs = 1;
    mat_ident(in->gs[0].ctm);
    mat_ident(in->tm);
    mat_ident(in->tlm);
    in->th = 1;
    in->tfs = 1;
    ls_buf_init(&in->u8, 4096);
    ls_buf_init(&in->at_text, PDF_AT_MAX);
}

ls_err pdf_content_text(struct pdf_doc *d, struct ls_slice content, const struct pdf_obj *res,
                        struct pdf_textout *t, unsigned depth)
{
    if (d->work > d->max_work || content.len > d->max_work - d->work) {
        if (!d->limited)
            ls_note(d->c, d->o, LS_R_LIMIT_BYTES, "pdf: content interpretation budget spent");
        d->limited = true;
        return LS_OK;
    }
    d->work += content.len;
    struct interp *in = malloc(sizeof *in);
    if (!in) return LS_E_NOMEM;
    interp_init(in, d, res, t, depth);
    struct pdf_arena scratch;
    pdf_arena_init(&scratch, 64u << 20);
    struct pdf_parser p;
    pdf_parser_init(&p, d, &scratch, content, 0);
    p.refs = false;
    ls_err err = LS_OK;
    unsigned tick = 0;
    for (;;) {
        struct pdf_token tok;
        pdf_lex_next(&p.lx, &tok);
        if (tok.t == PDF_T_EOF) break;
        if (tok.t == PDF_T_KEYWORD) {
            err = operator(in, &p, tok.s);
            in->nops = 0;
            if (scratch.used > (1u << 20)) { /* operands of past operators are dead */
                pdf_arena_free(&scratch);
                pdf_arena_init(&scratch, 64u << 20);
            }
            if (err != LS_OK) break;
            if ((++tick & 0xfff) == 0 && ls_ctx_expired(d->c)) {
                err = LS_E_TIMEOUT;
                break;
            }
            continue;
        }
        if (tok.t == PDF_T_BAD || tok.t == PDF_T_ARR_CLOSE || tok.t == PDF_T_DICT_CLOSE) continue;
        struct pdf_obj *v = pdf_parse_value(&p, &tok);
        if (in->nops == PDF_MAX_OPERANDS) { /* junk: keep the newest */
            memmove(in->ops, &in->ops[1], (PDF_MAX_OPERANDS - 1) * sizeof in->ops[0]);
            in->nops--;
        }
        in->ops[in->nops++] = v;
    }
    if (in->at_depth) { /* a span left open */
        ls_err e = actual_close(in);
        if (err == LS_OK) err = e;
    }
    rtl_finish(in);
    pdf_parser_free(&p);
    pdf_arena_free(&scratch);
    ls_buf_free(&in->u8);
    ls_buf_free(&in->at_text);
    free(in);
    return err;
}

/* ---- pages ---- */

/* The first value of key on page or up its /Parent chain (inheritable page
 * attributes, ISO 32000-1 7.7.3.4) that ok() accepts; NULL if none. */
static const struct pdf_obj *page_inherited(struct pdf_doc *d, const struct pdf_obj *page, const char *key,
                                            bool (*ok)(const struct pdf_obj *))
{
    const struct pdf_obj *node = page;
    for (unsigned i = 0; i < PDF_MAX_TREE_DEPTH && node; i++) {
        const struct pdf_obj *v = pdf_dict_getr(d, node, key);
        if (ok(v)) return v;
        node = pdf_dict_of(pdf_dict_getr(d, node, "Parent"));
    }
    return NULL;
}

static bool is_dict(const struct pdf_obj *o) { return pdf_dict_of(o) != NULL; }

static const struct pdf_obj *page_resources(struct pdf_doc *d, const struct pdf_obj *page)
{
    return pdf_dict_of(page_inherited(d, page, "Resources", is_dict));
}

static ls_err content_part(struct pdf_doc *d, struct pdf_obj *ref, struct ls_buf *all)
{
    if (ref->kind == PDF_REF && pdf_done_test_set(d, ref->u.ref.num)) return LS_OK;
    struct pdf_obj *s = pdf_resolve(d, ref);
    if (s->kind != PDF_STREAM) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, PDF_MAX_STREAM);
    bool direct = all->len == 0; /* first (or only) part: decode in place */
    ls_err e = pdf_stream_decode(d, s, PDF_MAX_STREAM, direct ? all : &b);
    if (e == LS_E_LIMIT) {
        d->limited = true;
        ls_note(d->c, d->o, LS_R_LIMIT_BYTES, "pdf: content stream %u over the cap", s->u.st.num);
    } else if (e == LS_E_CORRUPT || e == LS_E_TRUNCATED) {
        pdf_mark_corrupt(d, "content stream %u: %s", s->u.st.num, ls_err_name(e));
    }
    struct ls_slice sl = ls_buf_slice(&b);
    ls_err e2 = direct ? LS_OK : ls_buf_add(all, sl.ptr ? sl.ptr : (const uint8_t *)"", sl.len);
    if (e2 == LS_OK) e2 = ls_buf_addc(all, '\n');
    ls_buf_free(&b);
    return e2 == LS_E_LIMIT ? LS_OK : e2;
}

/* The visible area of a page: its CropBox, else its MediaBox (both
 * inheritable), else US Letter; 0 when the box is degenerate. */
static bool is_box(const struct pdf_obj *b)
{
    double v;
    if (b->kind != PDF_ARRAY || b->u.a.n != 4) return false;
    for (size_t i = 0; i < 4; i++)
        if (!pdf_num(b->u.a.v[i], &v)) return false;
    return true;
}

static double page_area(struct pdf_doc *d, const struct pdf_obj *page)
{
    const struct pdf_obj *b = page_inherited(d, page, "CropBox", is_box);
    if (!b) b = page_inherited(d, page, "MediaBox", is_box);
    if (!b) return 612.0 * 792.0;
    double v[4];
    for (size_t i = 0; i < 4; i++) (void)pdf_num(b->u.a.v[i], &v[i]);
    double a = fabs((v[2] - v[0]) * (v[3] - v[1]));
    return isfinite(a) ? a : 0;
}

ls_err pdf_page_text(struct pdf_doc *d, const struct pdf_obj *page, struct pdf_textout *t)
{
    d->pages_read++;
    struct pdf_obj *c = pdf_dict_get(page, "Contents");
    if (c && c->kind == PDF_REF) {
        struct pdf_obj *r = pdf_resolve(d, c);
        if (r->kind == PDF_ARRAY) c = r;
    }
    if (!c) return LS_OK;
    uint64_t shown = t->shown;
    d->page_img = 0;
    d->area_scale = 1;
    struct ls_buf all;
    ls_buf_init(&all, PDF_MAX_STREAM);
    ls_err err = LS_OK;
    if (c->kind == PDF_ARRAY) {
        for (size_t i = 0; i < c->u.a.n && err == LS_OK; i++) err = content_part(d, c->u.a.v[i], &all);
    } else {
        err = content_part(d, c, &all);
    }
    if (err == LS_OK)
        err = pdf_content_text(d, ls_buf_slice(&all), page_resources(d, page), t, 0);
    ls_buf_free(&all);
    /* a scan: images over half the page and no text (an OCR layer is text,
     * visible or not) */
    double area = page_area(d, page);
    if (err == LS_OK && t->shown == shown && area > 0 && d->page_img >= area / 2) d->pages_image_only++;
    if (err == LS_OK) err = pdf_textout_sep(t, '\n');
    return err;
}

ls_err pdf_stream_text(struct pdf_doc *d, const struct pdf_obj *stream, const struct pdf_obj *page,
                       struct pdf_textout *t)
{
    if (stream->kind != PDF_STREAM) return LS_OK;
    const struct pdf_obj *res = pdf_dict_of(pdf_dict_getr(d, stream, "Resources"));
    if (!res && page) res = page_resources(d, page);
    struct ls_buf all;
    ls_buf_init(&all, PDF_MAX_STREAM);
    ls_err err = pdf_stream_decode(d, stream, PDF_MAX_STREAM, &all);
    if (err == LS_OK || err == LS_E_TRUNCATED || err == LS_E_CORRUPT)
        err = pdf_content_text(d, ls_buf_slice(&all), res, t, 0);
    else if (err == LS_E_UNSUPPORTED || err == LS_E_LIMIT)
        err = LS_OK; /* an image filter, a bomb cut: no text to interpret */
    ls_buf_free(&all);
    if (err == LS_OK) err = pdf_textout_sep(t, '\n');
    return err;
}
