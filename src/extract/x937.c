/*
 * The "x937" handler: X9.37 / X9.100-187 image cash letters, the files of
 * check images and check data banks and remote-deposit scanners exchange
 * (ANSI X9.100-187-2016 "Electronic Exchange of Check and Image Data";
 * the older DSTU X9.37-2003). A leaked file holds every check's MICR line
 * (routing, account and serial numbers) and the front and back images,
 * with the payee, the signature and the endorsement.
 *
 * Layout: records, each led by its length in four bytes (big-endian, the
 * length not counted); record data in EBCDIC (code page 037, as most banks
 * write it) or ASCII, its type in the first two characters: 01 file
 * header, 10 cash letter header, 20 bundle header, 25 check detail, 26-28
 * addenda, 31-35 returns, 50 image view detail, 52 image view data, 54,
 * 61, 62, 68 user record, 70, 75, 85, 90, 99 controls. Read here: every
 * record but 52 is decoded to text, one line a record, its type first
 * (the raw bytes of an EBCDIC file are unreadable to the rules: a name or
 * an address in a user record or an addendum is found only here). A type
 * 52 record's fixed fields are decoded the same way; after them come three
 * counted fields (1-based positions 102-106 the image reference key's
 * length, then the key, then a five-digit digital signature length and
 * the signature, then a seven-digit image length and the image, a TIFF as
 * a rule): each image is handed on as a child "image_N.tif" (N from 1, in
 * file order; ".bin" when it is no TIFF).
 *
 * A record whose length runs past the end, or a type 52 whose counted
 * fields do not fit, ends the reading: `truncated` or `parse_error`.
 * A file that ends without its file control record (99), cut at a
 * record boundary, is noted truncated.
 *
 * Attacker-controlled: every byte; the record count is bounded by the
 * size (each record moves on at least five bytes).
 */
#include <stdio.h>
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define X9_REC_MIN 2u    /* a record's type */
#define X9_REC_MAX 100000000u /* a record's length: an image of up to ~95 MB */

/* Code page 037 to ASCII (printable ASCII only; other bytes a blank). */
static char x9_ebcdic(uint8_t b)
{
    static const char cp037[257] =
        "                                                                "
        "           .<(+|&         !$*); -/         ,%_>?         `:#@'=\""
        " abcdefghi       jklmnopqr       ~stuvwxyz      ^         []    "
        "{ABCDEFGHI      }JKLMNOPQR      \\ STUVWXYZ      0123456789      ";
    return cp037[b];
}

static uint32_t x9_len(struct ls_slice d, size_t off)
{
    uint32_t v = 0;
    for (size_t i = 0; i < 4; i++) v = v << 8 | (uint32_t)(ls_slice_at(d, off + i) & 0xFF);
    return v;
}

/* The data's character set: 1 EBCDIC, 0 ASCII, -1 no X9 file (a first
 * record of type 01 of 80 bytes or so, a type 10 after it). */
static int x9_charset(struct ls_slice d)
{
    if (d.len < 8) return -1;
    uint32_t n = x9_len(d, 0);
    if (n < 20 || n > 4096 || n > d.len - 4) return -1;
    int a = ls_slice_at(d, 4), b = ls_slice_at(d, 5);
    int eb = a == 0xF0 && b == 0xF1 ? 1 : a == '0' && b == '1' ? 0 : -1;
    if (eb < 0) return -1;
    size_t next = 4 + (size_t)n;
    if (next == d.len) return eb;
    int c = ls_slice_at(d, next + 4), e = ls_slice_at(d, next + 5);
    return (eb ? c == 0xF1 && e == 0xF0 : c == '1' && e == '0') ? eb : -1;
}

static int x9_probe(const struct ls_object *o)
{
    return x9_charset(o->data) >= 0 ? 90 : 0;
}

static ls_err x9_text(struct ls_buf *b, struct ls_slice rec, bool ebcdic)
{
    for (size_t i = 0; i < rec.len; i++) {
        int ch = ls_slice_at(rec, i);
        char out = ebcdic ? x9_ebcdic((uint8_t)ch) : (ch >= 0x20 && ch < 0x7F ? (char)ch : ' ');
        LS_TRY(ls_buf_addc(b, (uint8_t)out));
        if (i == 1) LS_TRY(ls_buf_addc(b, ' ')); /* the type apart from the first field */
    }
    return ls_buf_addc(b, '\n');
}

/* A counted field's length: n decimal characters at rec[off]; false when
 * they are not digits. */
static bool x9_count(struct ls_slice rec, size_t off, size_t n, bool ebcdic, size_t *out)
{
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int ch = ls_slice_at(rec, off + i);
        int dg = ebcdic ? ch - 0xF0 : ch - '0';
        if (ch < 0 || dg < 0 || dg > 9) return false;
        v = v * 10 + (size_t)dg;
    }
    *out = v;
    return true;
}

/* A type 52 record: its fixed fields as text, its image as a child. */
static ls_err x9_image(struct ls_ctx *c, struct ls_object *o, struct ls_buf *b, struct ls_slice rec, bool ebcdic,
                       unsigned *nimg)
{
    size_t keylen, siglen, imglen, off = 106;
    struct ls_slice fixed, img;
    if (!ls_slice_sub(rec, 0, rec.len < off ? rec.len : off, &fixed)) return LS_E_CORRUPT;
    LS_TRY(x9_text(b, fixed, ebcdic));
    if (!x9_count(rec, 101, 5, ebcdic, &keylen) || keylen > rec.len - off) return LS_E_CORRUPT;
    off += keylen;
    if (!x9_count(rec, off, 5, ebcdic, &siglen) || siglen > rec.len - off - 5) return LS_E_CORRUPT;
    off += 5 + siglen;
    if (off > rec.len || !x9_count(rec, off, 7, ebcdic, &imglen) || imglen > rec.len - off - 7) return LS_E_CORRUPT;
    if (imglen == 0) return LS_OK;
    (void)ls_slice_sub(rec, off + 7, imglen, &img);
    bool tiff = ls_slice_starts(img, "II*\0", 4) || ls_slice_starts(img, "MM\0*", 4);
    char name[32];
    snprintf(name, sizeof name, "image_%u.%s", ++*nimg, tiff ? "tif" : "bin");
    struct ls_child ch = {.name = name, .name_len = strlen(name), .data = img};
    return ls_emit_child(c, o, &ch);
}

static ls_err x9_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    int cs = x9_charset(d);
    if (cs < 0) return LS_OK;
    bool ebcdic = cs == 1;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0, n = 0;
    unsigned nimg = 0;
    bool control = false, stop = false; /* the file control record (99) seen; the reading ended early */
    while (e == LS_OK && off < d.len) {
        struct ls_slice rec;
        uint32_t len = d.len - off >= 4 ? x9_len(d, off) : 0;
        if (len < X9_REC_MIN || len > X9_REC_MAX || !ls_slice_sub(d, off + 4, len, &rec)) {
            ls_note(c, o, LS_R_TRUNCATED, "x937: record at %zu: length %u past the end", off, (unsigned)len);
            stop = true;
            break;
        }
        int t0 = ls_slice_at(rec, 0), t1 = ls_slice_at(rec, 1);
        bool img = ebcdic ? t0 == 0xF5 && t1 == 0xF2 : t0 == '5' && t1 == '2';
        control |= ebcdic ? t0 == 0xF9 && t1 == 0xF9 : t0 == '9' && t1 == '9';
        e = img ? x9_image(c, o, &b, rec, ebcdic, &nimg) : x9_text(&b, rec, ebcdic);
        if (e == LS_E_CORRUPT) {
            ls_note(c, o, LS_R_PARSE_ERROR, "x937: image view data record at %zu: counted fields do not fit", off);
            e = LS_OK;
            stop = true;
            break;
        }
        off += 4 + (size_t)len;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK && !stop && !control) /* cut at a record boundary */
        ls_note(c, o, LS_R_TRUNCATED, "x937: the file ends without its file control record (99)");
    ls_err te = ls_emit_done(c, o, &b, NULL);
    if (e == LS_E_LIMIT) e = LS_OK;
    if (te == LS_E_LIMIT) te = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_x937 = {
    .name = "x937",
    .probe = x9_probe,
    .extract = x9_extract,
};
