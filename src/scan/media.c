/*
 * The regions of an image or a font that are not text (media.h). Each
 * format is walked by its own structure, read through bounds-checked
 * slices; a walk stops at the first thing out of place, and what follows
 * is scanned as before. Left out (opaque):
 *
 *  BMP   the colour table and the pixel array (a V5 header's embedded
 *        colour profile too); a BMP holds no text.
 *  PNG   every chunk but the data of tEXt, iTXt, zTXt and eXIf (read as
 *        TIFF); what follows IEND is scanned.
 *  JPEG  the tables (DQT, DHT, SOF ...), each scan's entropy-coded data,
 *        APP0 (JFIF thumbnail) and APP2 (ICC profile, MPF); an APP1 Exif
 *        block is read as TIFF (its thumbnail left out); a JPEG inside
 *        another APP segment (Photoshop's thumbnail) from its SOI; COM and
 *        the other APP segments (XMP, IPTC) are scanned. Images one after
 *        another (MPO) are each walked.
 *  GIF   colour tables, image data, graphic control extensions; comments,
 *        application (XMP) and plain-text extensions are scanned.
 *  TIFF  strips, tiles, the JPEG thumbnail (513/514), colour map, transfer
 *        function and ICC profile of every IFD (the chain, SubIFDs); ASCII
 *        tags, XMP, IPTC and the Exif IFD are scanned.
 *  WMF   every record but text output, fonts and escapes (comments).
 *  EMF   every record but the header (its description), text output and
 *        comments that are not EMF+ (EMF+ carries images).
 *  fonts (TrueType, OpenType, collections, WOFF) every table but `name`
 *        and `meta`.
 */
#include "scan/media.h"

#include <stdlib.h>
#include <string.h>

#define MEDIA_MAX_IFDS 4096u
#define MEDIA_MAX_ENTRIES (1u << 20)
#define MEDIA_MAX_FONTS 256u

/* IFD entries and values read from offset arrays and table directories,
 * in all, for one object: a TIFF of 4,096 IFDs can point each at the same
 * 65,536 strips (4.4 s of CPU for 700 KB without it). */
#define MEDIA_MAX_WORK (1u << 22)

struct spans {
    struct ls_buf *b;
    size_t end;  /* the data's length: spans are clamped to it */
    size_t work; /* values left to read (MEDIA_MAX_WORK) */
};

static bool spend(struct spans *s)
{
    if (s->work == 0) return false;
    s->work--;
    return true;
}

static void opaque(struct spans *s, uint64_t off, uint64_t len)
{
    if (off >= s->end || len == 0) return;
    if (len > s->end - off) len = s->end - off;
    struct ls_span x = {(size_t)off, (size_t)len};
    if (s->b->len / sizeof x >= LS_MEDIA_MAX_SPANS) return;
    if (ls_buf_add(s->b, &x, sizeof x) != LS_OK) return; /* out of memory: scanned as before */
}

static bool u8at(struct ls_slice d, size_t at, unsigned *v)
{
    if (at >= d.len) return false;
    struct ls_slice one;
    if (!ls_slice_sub(d, at, 1, &one)) return false;
    *v = one.ptr[0];
    return true;
}

static bool u16at(struct ls_slice d, size_t at, bool be, unsigned *v)
{
    struct ls_slice p;
    if (!ls_slice_sub(d, at, 2, &p)) return false;
    *v = be ? (unsigned)p.ptr[0] << 8 | p.ptr[1] : (unsigned)p.ptr[1] << 8 | p.ptr[0];
    return true;
}

static bool u32at(struct ls_slice d, size_t at, bool be, uint32_t *v)
{
    unsigned a, b;
    if (!u16at(d, at, be, &a) || !u16at(d, at + 2, be, &b)) return false;
    *v = be ? (uint32_t)a << 16 | b : (uint32_t)b << 16 | a;
    return true;
}

static bool tag_is(struct ls_slice d, size_t at, const char *tag4)
{
    struct ls_slice p;
    return ls_slice_sub(d, at, 4, &p) && memcmp(p.ptr, tag4, 4) == 0;
}

/* ---- BMP ---- */

static bool bmp(struct ls_slice d, struct spans *s)
{
    uint32_t off_bits, hdr;
    if (!ls_slice_starts(d, "BM", 2) || !u32at(d, 10, false, &off_bits) || !u32at(d, 14, false, &hdr))
        return false;
    if (hdr != 12 && (hdr < 16 || hdr > 256)) return false;
    uint64_t w, h, bpp, comp = 0, size_image = 0;
    if (hdr == 12) {
        unsigned a = 0, b = 0, c = 0;
        if (!u16at(d, 18, false, &a) || !u16at(d, 20, false, &b) || !u16at(d, 24, false, &c)) return false;
        w = a, h = b, bpp = c;
    } else {
        uint32_t a = 0, b = 0, c32 = 0, z = 0;
        unsigned c = 0;
        if (!u32at(d, 18, false, &a) || !u32at(d, 22, false, &b) || !u16at(d, 28, false, &c)) return false;
        (void)u32at(d, 30, false, &c32);
        (void)u32at(d, 34, false, &z);
        w = a & 0x80000000u ? 0x100000000ull - a : a; /* negative: top-down */
        h = b & 0x80000000u ? 0x100000000ull - b : b;
        bpp = c, comp = c32, size_image = z;
    }
    uint64_t table = 14 + (uint64_t)hdr, start = off_bits < table ? table : off_bits, pixels;
    if ((comp == 0 || comp == 3 || comp == 6) && bpp && bpp <= 64 && w && h) {
        uint64_t row = (bpp * w + 31) / 32 * 4;
        pixels = row > d.len || h > d.len ? d.len : row * h; /* past the end: to the end */
    } else {
        pixels = size_image ? size_image : d.len; /* RLE, embedded JPEG/PNG */
    }
    opaque(s, table, start - table + pixels);
    uint32_t cstype, prof, prof_len;
    if (hdr >= 124 && u32at(d, 14 + 56, false, &cstype) && cstype == 0x4D424544u /* 'MBED' */ &&
        u32at(d, 14 + 112, false, &prof) && u32at(d, 14 + 116, false, &prof_len))
        opaque(s, 14 + (uint64_t)prof, prof_len);
    return true;
}

/* ---- TIFF (also inside JPEG's Exif block and PNG's eXIf chunk) ---- */

static unsigned tiff_type_size(unsigned type)
{
    static const unsigned size[] = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};
    return type < sizeof size / sizeof size[0] ? size[type] : 0;
}

struct tiff_array {
    unsigned type;
    uint32_t count, at; /* at: where the values are, from the TIFF header */
};

static bool tiff_value(struct ls_slice t, bool be, const struct tiff_array *a, uint32_t k, uint32_t *v)
{
    if (a->type == 3) {
        unsigned x;
        if (!u16at(t, (size_t)a->at + 2 * (size_t)k, be, &x)) return false;
        *v = x;
        return true;
    }
    if (a->type == 4 || a->type == 13) return u32at(t, (size_t)a->at + 4 * (size_t)k, be, v);
    return false;
}

/* Data that an offsets tag and a counts tag of one IFD point to. */
static void tiff_pairs(struct ls_slice t, bool be, size_t base, const struct tiff_array *offs,
                       const struct tiff_array *lens, struct spans *s)
{
    uint32_t n = offs->count < lens->count ? offs->count : lens->count;
    for (uint32_t k = 0; k < n && spend(s); k++) {
        uint32_t off, len;
        if (!tiff_value(t, be, offs, k, &off) || !tiff_value(t, be, lens, k, &len)) return;
        opaque(s, (uint64_t)base + off, len);
    }
}

/* The TIFF structure in d[base, end): offsets count from base. */
static bool tiff(struct ls_slice d, size_t base, size_t end, struct spans *s)
{
    struct ls_slice t;
    if (end > d.len || base > end || !ls_slice_sub(d, base, end - base, &t)) return false;
    bool be;
    if (ls_slice_starts(t, "II*\0", 4)) be = false;
    else if (ls_slice_starts(t, "MM\0*", 4)) be = true;
    else return false;
    uint32_t queue[64];
    unsigned nq = 0, ifds = 0;
    size_t entries = 0;
    if (u32at(t, 4, be, &queue[0])) nq = 1;
    while (nq && ifds < MEDIA_MAX_IFDS) {
        uint32_t off = queue[--nq];
        unsigned count;
        ifds++;
        if (off < 8 || !u16at(t, off, be, &count) || (size_t)count * 12 > t.len - off - 2) continue;
        if ((entries += count) > MEDIA_MAX_ENTRIES || s->work < count) break;
        s->work -= count; /* the budget is the whole walk's (an Exif block in every APP1) */
        struct tiff_array a[6] = {{0, 0, 0}}; /* 273/279 strips, 324/325 tiles, 513/514 thumbnail */
        for (unsigned i = 0; i < count; i++) {
            size_t e = (size_t)off + 2 + (size_t)i * 12;
            unsigned tag = 0, type = 0;
            uint32_t cnt = 0, at = 0;
            (void)u16at(t, e, be, &tag);
            (void)u16at(t, e + 2, be, &type);
            (void)u32at(t, e + 4, be, &cnt);
            uint64_t size = (uint64_t)tiff_type_size(type) * cnt;
            if (size <= 4) at = (uint32_t)(e + 8);
            else (void)u32at(t, e + 8, be, &at);
            struct tiff_array v = {type, cnt, at};
            int slot = tag == 273 ? 0 : tag == 279 ? 1 : tag == 324 ? 2 : tag == 325 ? 3 : tag == 513 ? 4
                     : tag == 514 ? 5 : -1;
            if (slot >= 0) a[slot] = v;
            else if ((tag == 320 || tag == 301 || tag == 34675) && size > 4) /* colour map, curves, ICC */
                opaque(s, (uint64_t)base + at, size);
            else if (tag == 330) /* SubIFDs: more images */
                for (uint32_t k = 0; k < cnt && nq < 64 && spend(s); k++) {
                    uint32_t sub;
                    if (tiff_value(t, be, &v, k, &sub)) queue[nq++] = sub;
                }
        }
        tiff_pairs(t, be, base, &a[0], &a[1], s);
        tiff_pairs(t, be, base, &a[2], &a[3], s);
        tiff_pairs(t, be, base, &a[4], &a[5], s);
        uint32_t next;
        /* the chain goes forward (libtiff and cameras write it in file order): no loop */
        if (u32at(t, (size_t)off + 2 + (size_t)count * 12, be, &next) && next > off && nq < 64) queue[nq++] = next;
    }
    return true;
}

/* ---- PNG ---- */

static bool png(struct ls_slice d, struct spans *s)
{
    if (!ls_slice_starts(d, "\x89PNG\r\n\x1a\n", 8)) return false;
    size_t i = 8;
    while (i + 8 <= d.len) {
        uint32_t len;
        (void)u32at(d, i, true, &len);
        bool text = tag_is(d, i + 4, "tEXt") || tag_is(d, i + 4, "iTXt") || tag_is(d, i + 4, "zTXt");
        bool exif = tag_is(d, i + 4, "eXIf");
        bool cut = len > d.len - i - 8;
        size_t n = cut ? d.len - i - 8 : len;
        opaque(s, i, 8); /* length and type: a text's run begins after them */
        if (exif) (void)tiff(d, i + 8, i + 8 + n, s);
        else if (!text) opaque(s, i + 8, n);
        opaque(s, (uint64_t)i + 8 + n, 4); /* the CRC: a digit in it would end a text's number */
        if (cut || tag_is(d, i + 4, "IEND")) break;
        if (d.len - i - 8 - n < 4) break;
        i += 12 + n;
    }
    return true;
}

/* ---- JPEG ---- */

/* The end of entropy-coded data from i: the next marker that is not a
 * stuffed 0xFF (FF 00), a restart (FF D0-D7) or a fill byte. */
static size_t jpeg_scan_end(struct ls_slice d, size_t i)
{
    for (;;) {
        size_t k = ls_slice_find(d, i, "\xFF", 1);
        if (k == SIZE_MAX || k + 1 >= d.len) return d.len;
        unsigned m = 0;
        (void)u8at(d, k + 1, &m);
        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7) || m == 0xFF) {
            i = k + 1;
            continue;
        }
        return k;
    }
}

static void jpeg_at(struct ls_slice d, size_t i, size_t end, bool inner, struct spans *s);

static void jpeg_app(struct ls_slice d, unsigned m, size_t at, size_t end, bool inner, struct spans *s)
{
    /* at: the segment's data (after the length); end: after it */
    if (m == 0xE0 || m == 0xE2) { /* JFIF (its thumbnail), ICC profile, MPF */
        opaque(s, at, end - at);
        return;
    }
    if (m == 0xE1 && end - at >= 6) {
        struct ls_slice h;
        if (ls_slice_sub(d, at, 6, &h) && memcmp(h.ptr, "Exif\0\0", 6) == 0) {
            (void)tiff(d, at + 6, end, s);
            return;
        }
    }
    struct ls_slice seg;
    if (inner || !ls_slice_sub(d, at, end - at, &seg)) return;
    size_t k = ls_slice_find(seg, 0, "\xFF\xD8\xFF", 3); /* a thumbnail (Photoshop's IRB) */
    if (k != SIZE_MAX) jpeg_at(d, at + k, end, true, s);
}

/* The JPEG whose SOI is at i, inside d[.., end). */
static void jpeg_at(struct ls_slice d, size_t i, size_t end, bool inner, struct spans *s)
{
    struct ls_slice b;
    if (!ls_slice_sub(d, 0, end, &b)) return;
    size_t start = i;
    i += 2;
    while (i + 2 <= b.len) {
        unsigned ff = 0, m = 0;
        (void)u8at(b, i, &ff);
        (void)u8at(b, i + 1, &m);
        if (ff != 0xFF) break; /* not the layout expected: scanned from here */
        if (m == 0xFF) {
            i++;
            continue;
        }
        if (m == 0xD9) { /* EOI: another image may follow (MPO) */
            i += 2;
            if (inner) opaque(s, start, i - start);
            struct ls_slice nx;
            if (inner) return;
            if (!ls_slice_sub(b, i, 3, &nx) || memcmp(nx.ptr, "\xFF\xD8\xFF", 3) != 0) return;
            start = i;
            i += 2;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        unsigned len;
        if (!u16at(b, i + 2, true, &len) || len < 2) break;
        size_t seg_end = len > b.len - i - 2 ? b.len : i + 2 + len;
        if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) {
            if (m != 0xFE) jpeg_app(b, m, i + 4, seg_end, inner, s);
        } else {
            opaque(s, i, seg_end - i);
        }
        i = seg_end;
        if (m == 0xDA) {
            size_t e = jpeg_scan_end(b, i);
            opaque(s, i, e - i);
            i = e;
        }
    }
    if (inner) opaque(s, start, b.len - start); /* a thumbnail cut: all of it */
}

static bool jpeg(struct ls_slice d, struct spans *s)
{
    if (!ls_slice_starts(d, "\xFF\xD8\xFF", 3)) return false;
    jpeg_at(d, 0, d.len, false, s);
    return true;
}

/* ---- GIF ---- */

/* After the data sub-blocks from i (length byte, bytes ... 0). */
static size_t gif_blocks(struct ls_slice d, size_t i)
{
    unsigned n;
    while (u8at(d, i, &n)) {
        i++;
        if (n == 0) return i;
        if (n > d.len - i) return d.len;
        i += n;
    }
    return d.len;
}

static bool gif(struct ls_slice d, struct spans *s)
{
    unsigned flags;
    if (!(ls_slice_starts(d, "GIF87a", 6) || ls_slice_starts(d, "GIF89a", 6)) || !u8at(d, 10, &flags))
        return false;
    size_t i = 13;
    if (flags & 0x80) {
        size_t n = (size_t)3 << ((flags & 7) + 1);
        opaque(s, i, n);
        i += n;
    }
    unsigned b;
    while (u8at(d, i, &b)) {
        if (b == 0x21) {
            unsigned label = 0;
            (void)u8at(d, i + 1, &label);
            size_t e = gif_blocks(d, i + 2);
            if (label != 0xFE && label != 0xFF && label != 0x01) opaque(s, i, e - i);
            i = e;
        } else if (b == 0x2C) {
            unsigned f;
            if (!u8at(d, i + 9, &f)) break;
            size_t j = i + 10;
            if (f & 0x80) j += (size_t)3 << ((f & 7) + 1);
            size_t e = j + 1 > d.len ? d.len : gif_blocks(d, j + 1);
            opaque(s, i, e - i);
            i = e;
        } else {
            break; /* the trailer (0x3B), or something else: scanned from here */
        }
    }
    return true;
}

/* ---- WMF, EMF ---- */

static bool wmf(struct ls_slice d, struct spans *s)
{
    size_t i = 0;
    uint32_t key;
    if (u32at(d, 0, false, &key) && key == 0x9AC6CDD7u) i = 22; /* the placeable header */
    unsigned type, hsize, version;
    if (!u16at(d, i, false, &type) || !u16at(d, i + 2, false, &hsize) || !u16at(d, i + 4, false, &version) ||
        (type != 1 && type != 2) || hsize != 9 || (version != 0x0100 && version != 0x0300))
        return false;
    i += 18;
    uint32_t words;
    unsigned fn;
    while (u32at(d, i, false, &words) && u16at(d, i + 4, false, &fn)) {
        if (words < 3 || words > (d.len - i) / 2) break;
        size_t n = (size_t)words * 2;
        /* TEXTOUT, EXTTEXTOUT, CREATEFONTINDIRECT, ESCAPE (comments) */
        if (fn != 0x0521 && fn != 0x0A32 && fn != 0x02FB && fn != 0x0626) opaque(s, i, n);
        i += n;
        if (fn == 0) break; /* EOF: what follows is scanned */
    }
    return true;
}

static bool emf(struct ls_slice d, struct spans *s)
{
    uint32_t type, size;
    if (!u32at(d, 0, false, &type) || type != 1 || !tag_is(d, 40, " EMF")) return false;
    size_t i = 0;
    while (u32at(d, i, false, &type) && u32at(d, i + 4, false, &size)) {
        if (size < 8 || size % 4 || size > d.len - i) break;
        /* HEADER (its description), GDICOMMENT unless EMF+, EXTTEXTOUTA/W, SMALLTEXTOUT */
        bool keep = type == 1 || type == 83 || type == 84 || type == 108 ||
                    (type == 70 && !tag_is(d, i + 12, "EMF+"));
        if (!keep) opaque(s, i, size);
        i += size;
        if (type == 14) break; /* EOF */
    }
    return true;
}

/* ---- fonts ---- */

static bool font_text_table(struct ls_slice d, size_t at)
{
    return tag_is(d, at, "name") || tag_is(d, at, "meta");
}

static void sfnt_dir(struct ls_slice d, size_t at, struct spans *s)
{
    unsigned n;
    if (!u16at(d, at + 4, true, &n)) return;
    for (unsigned k = 0; k < n && spend(s); k++) {
        size_t r = at + 12 + (size_t)k * 16;
        uint32_t off, len;
        if (!u32at(d, r + 8, true, &off) || !u32at(d, r + 12, true, &len)) return;
        if (!font_text_table(d, r)) opaque(s, off, len);
    }
}

static bool font(struct ls_slice d, struct spans *s)
{
    if (ls_slice_starts(d, "\0\1\0\0", 4) || ls_slice_starts(d, "OTTO", 4) || ls_slice_starts(d, "true", 4) ||
        ls_slice_starts(d, "typ1", 4)) {
        sfnt_dir(d, 0, s);
        return true;
    }
    if (ls_slice_starts(d, "ttcf", 4)) {
        uint32_t n, off;
        if (!u32at(d, 8, true, &n)) return true;
        for (uint32_t k = 0; k < n && k < MEDIA_MAX_FONTS; k++)
            if (u32at(d, 12 + 4 * (size_t)k, true, &off)) sfnt_dir(d, off, s);
        return true;
    }
    if (ls_slice_starts(d, "wOFF", 4)) {
        unsigned n;
        if (!u16at(d, 12, true, &n)) return true;
        for (unsigned k = 0; k < n && spend(s); k++) {
            size_t r = 44 + (size_t)k * 20;
            uint32_t off, len;
            if (!u32at(d, r + 4, true, &off) || !u32at(d, r + 8, true, &len)) break;
            if (!font_text_table(d, r)) opaque(s, off, len);
        }
        return true;
    }
    return false;
}

/* ---- the list ---- */

static int span_cmp(const void *a, const void *b)
{
    const struct ls_span *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Sorted, overlapping and touching spans merged. */
static void spans_finish(struct ls_buf *b)
{
    size_t n = b->len / sizeof(struct ls_span), w = 0;
    if (n == 0) return;
    struct ls_span *v = (struct ls_span *)(void *)b->ptr;
    qsort(v, n, sizeof *v, span_cmp);
    for (size_t r = 1; r < n; r++) {
        size_t end = v[w].off + v[w].len;
        if (v[r].off <= end) {
            size_t e2 = v[r].off + v[r].len;
            if (e2 > end) v[w].len = e2 - v[w].off;
        } else {
            v[++w] = v[r];
        }
    }
    b->len = (w + 1) * sizeof *v;
}

const char *ls_media_opaque(struct ls_slice d, struct ls_buf *out)
{
    struct spans s = {out, d.len, MEDIA_MAX_WORK};
    const char *name = bmp(d, &s)    ? "bmp"
                       : png(d, &s)  ? "png"
                       : jpeg(d, &s) ? "jpeg"
                       : gif(d, &s)  ? "gif"
                       : tiff(d, 0, d.len, &s) ? "tiff"
                       : wmf(d, &s)  ? "wmf"
                       : emf(d, &s)  ? "emf"
                       : font(d, &s) ? "font"
                                     : NULL;
    spans_finish(out);
    return name;
}
