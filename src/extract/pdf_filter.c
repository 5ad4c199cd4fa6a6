/*
 * PDF stream filters (ISO 32000-1 7.4): FlateDecode (zlib), LZWDecode,
 * ASCIIHexDecode, ASCII85Decode, RunLengthDecode, filter arrays, and the
 * TIFF/PNG predictors of /DecodeParms (7.4.4.4). Image codecs (DCT, JPX,
 * JBIG2, CCITT) are not decoded: they carry no text.
 *
 * Attacker-controlled: the encoded bytes, /Filter, /DecodeParms (Columns,
 * Colors, BitsPerComponent, Predictor, EarlyChange). Every output goes into
 * an ls_buf capped by the caller; Flate output is charged to the root's
 * budget as it is produced, so a decompression bomb stops at the cap.
 * Damaged data keeps what decoded before the damage.
 */
#include "extract/pdf_int.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* ---- Flate ---- */

#define FLATE_CHUNK (64u << 10)

static bool zlib_header_ok(struct ls_slice in)
{
    int a = ls_slice_at(in, 0), b = ls_slice_at(in, 1);
    return a >= 0 && b >= 0 && (a & 0x0f) == 8 && ((a << 8) | b) % 31 == 0;
}

ls_err pdf_flate_decode(struct ls_slice in, struct ls_buf *out, pdf_charge_fn charge, void *ud)
{
    /* "/Length 0 /Filter /FlateDecode": an empty page's content as some
     * writers leave it (qpdf's empty-stream-compressed.pdf); nothing to
     * decode is nothing lost, not a stream cut short. */
    if (in.len == 0) return LS_OK;
    z_stream z;
    memset(&z, 0, sizeof z);
    /* The zlib header is stepped over and the deflate data read raw (raw
     * deflate without the header happens in broken writers): the Adler-32
     * after the data is not checked, as qpdf, pdf.js and pdfminer do not;
     * a wrong one after data that decoded to its end (govdocs1 PDFs whose
     * every page read in full) was a corrupt stream. A header asking for a
     * preset dictionary (FDICT) stays zlib's, which then fails. */
    bool hdr = zlib_header_ok(in);
    if (hdr && !(ls_slice_at(in, 1) & 0x20)) {
        (void)ls_slice_sub(in, 2, in.len - 2, &in);
        hdr = false;
    }
    if (inflateInit2(&z, hdr ? 15 : -15) != Z_OK) return LS_E_NOMEM;
    uint8_t *chunk = malloc(FLATE_CHUNK);
    if (!chunk) {
        inflateEnd(&z);
        return LS_E_NOMEM;
    }
    ls_err err = LS_OK;
    size_t fed = 0;
    int at_block_end = 0; /* data_type bit 128 of the last call that made progress */
    for (;;) {
        if (z.avail_in == 0 && fed < in.len) {
            size_t n = in.len - fed > (1u << 30) ? (1u << 30) : in.len - fed;
            struct ls_slice part;
            (void)ls_slice_sub(in, fed, n, &part);
            z.next_in = (Bytef *)(uintptr_t)part.ptr;
            z.avail_in = (uInt)n;
            fed += n;
        }
        z.next_out = chunk;
        z.avail_out = FLATE_CHUNK;
        int rc = inflate(&z, Z_NO_FLUSH);
        size_t got = FLATE_CHUNK - z.avail_out;
        if (rc == Z_OK) at_block_end = z.data_type & 128;
        if (got) {
            if (charge) {
                err = charge(ud, got, z.total_in, z.total_out);
                if (err != LS_OK) break;
            }
            err = ls_buf_add(out, chunk, got);
            if (err != LS_OK) break;
        }
        if (rc == Z_STREAM_END) break;
        if (rc == Z_BUF_ERROR || (rc == Z_OK && got == 0 && z.avail_in == 0)) {
            if (z.avail_in == 0 && fed >= in.len) {
                /* All input used, no end marker. Stopping right after an
                 * end-of-block code (data_type bit 128; a Z_BUF_ERROR
                 * call clears it, hence the copy) is a writer that
                 * sync-flushed and never wrote the final block (macOS
                 * Quartz, some Acrobat updates): every byte was decoded.
                 * Anywhere else the stream was cut. */
                if (!at_block_end) err = LS_E_TRUNCATED;
                break;
            }
            continue;
        }
        if (rc != Z_OK) {
            err = rc == Z_MEM_ERROR ? LS_E_NOMEM : LS_E_CORRUPT;
            break;
        }
    }
    inflateEnd(&z);
    free(chunk);
    return err;
}

/* ---- LZW (7.4.4.2) ---- */

struct lzw_ent {
    uint16_t prefix;
    uint16_t len;
    uint8_t ch, first;
};

struct bitreader {
    struct ls_slice in;
    size_t pos;
    uint32_t acc;
    unsigned nbits;
};

static int br_get(struct bitreader *br, unsigned n)
{
    while (br->nbits < n) {
        if (br->pos >= br->in.len) return -1;
        br->acc = br->acc << 8 | br->in.ptr[br->pos++];
        br->nbits += 8;
    }
    int v = (int)((br->acc >> (br->nbits - n)) & ((1u << n) - 1));
    br->nbits -= n;
    return v;
}

static ls_err lzw_emit(const struct lzw_ent *tab, unsigned code, struct ls_buf *out)
{
    uint8_t tmp[4096];
    unsigned len = tab[code].len;
    if (len == 0 || len > sizeof tmp) return LS_E_CORRUPT;
    for (unsigned i = len; i > 0; i--) {
        tmp[i - 1] = tab[code].ch;
        code = tab[code].prefix;
    }
    return ls_buf_add(out, tmp, len);
}

ls_err pdf_lzw_decode(struct ls_slice in, int early_change, struct ls_buf *out)
{
    struct lzw_ent *tab = calloc(4096, sizeof *tab);
    if (!tab) return LS_E_NOMEM;
    for (unsigned i = 0; i < 256; i++) {
        tab[i].len = 1;
        tab[i].ch = (uint8_t)i;
        tab[i].first = (uint8_t)i;
    }
    struct bitreader br = {in, 0, 0, 0};
    unsigned bits = 9, next = 258;
    int prev = -1;
    ls_err err = LS_OK;
    early_change = early_change ? 1 : 0;
    for (;;) {
        int code = br_get(&br, bits);
        if (code < 0 || code == 257) break;
        if (code == 256) {
            bits = 9;
            next = 258;
            prev = -1;
            continue;
        }
        if (prev < 0) {
            if (code > 255) {
                err = LS_E_CORRUPT;
                break;
            }
            err = lzw_emit(tab, (unsigned)code, out);
            if (err != LS_OK) break;
            prev = code;
            continue;
        }
        uint8_t first;
        if ((unsigned)code < next) {
            first = tab[code].first;
        } else if ((unsigned)code == next) {
            first = tab[prev].first;
        } else {
            err = LS_E_CORRUPT;
            break;
        }
        if (next < 4096) {
            tab[next].prefix = (uint16_t)prev;
            tab[next].ch = first;
            tab[next].first = tab[prev].first;
            tab[next].len = (uint16_t)(tab[prev].len + 1);
            next++;
        }
        err = lzw_emit(tab, (unsigned)code, out);
        if (err != LS_OK) break;
        prev = code;
        if (next + (unsigned)early_change >= (1u << bits) && bits < 12) bits++;
    }
    free(tab);
    return err;
}

/* ---- ASCIIHex, ASCII85, RunLength ---- */

static int hexv(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

ls_err pdf_ahx_decode(struct ls_slice in, struct ls_buf *out)
{
    int hi = -1;
    ls_err err = LS_OK;
    for (size_t i = 0; i < in.len && err == LS_OK; i++) {
        uint8_t ch = in.ptr[i];
        if (ch == '>') break;
        if (pdf_is_space(ch)) continue;
        int v = hexv(ch);
        if (v < 0) return LS_E_CORRUPT;
        if (hi < 0) {
            hi = v;
        } else {
            err = ls_buf_addc(out, (uint8_t)(hi << 4 | v));
            hi = -1;
        }
    }
    if (err == LS_OK && hi >= 0) err = ls_buf_addc(out, (uint8_t)(hi << 4));
    return err;
}

static ls_err a85_group(struct ls_buf *out, const uint8_t *g, unsigned n)
{
    uint64_t v = 0;
    for (unsigned k = 0; k < 5; k++) v = v * 85 + (k < n ? g[k] : 84);
    if (v > 0xffffffffu) return LS_E_CORRUPT;
    uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    return ls_buf_add(out, b, n == 5 ? 4 : n - 1);
}

ls_err pdf_a85_decode(struct ls_slice in, struct ls_buf *out)
{
    uint8_t g[5];
    unsigned n = 0;
    size_t i = 0;
    if (ls_slice_starts(in, "<~", 2)) i = 2;
    for (; i < in.len; i++) {
        uint8_t ch = in.ptr[i];
        if (pdf_is_space(ch)) continue;
        if (ch == '~') break;
        if (ch == 'z' && n == 0) {
            LS_TRY(ls_buf_add(out, "\0\0\0\0", 4));
            continue;
        }
        if (ch < '!' || ch > 'u') return LS_E_CORRUPT;
        g[n++] = (uint8_t)(ch - '!');
        if (n == 5) {
            LS_TRY(a85_group(out, g, 5));
            n = 0;
        }
    }
    if (n == 1) return LS_E_CORRUPT;
    if (n > 1) LS_TRY(a85_group(out, g, n));
    return LS_OK;
}

ls_err pdf_rl_decode(struct ls_slice in, struct ls_buf *out)
{
    size_t i = 0;
    while (i < in.len) {
        unsigned len = in.ptr[i++];
        if (len == 128) return LS_OK;
        if (len < 128) {
            struct ls_slice lit;
            if (!ls_slice_sub(in, i, len + 1u, &lit)) {
                (void)ls_slice_from(in, i, &lit);
                LS_TRY(ls_buf_add(out, lit.ptr, lit.len));
                return LS_E_TRUNCATED;
            }
            LS_TRY(ls_buf_add(out, lit.ptr, lit.len));
            i += len + 1u;
        } else {
            if (i >= in.len) return LS_E_TRUNCATED;
            uint8_t rep[128];
            memset(rep, in.ptr[i++], sizeof rep);
            LS_TRY(ls_buf_add(out, rep, 257u - len));
        }
    }
    return LS_OK;
}

/* ---- predictors ---- */

static uint8_t paeth(int a, int b, int c)
{
    int p = a + b - c;
    int pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    if (pa <= pb && pa <= pc) return (uint8_t)a;
    return (uint8_t)(pb <= pc ? b : c);
}

static ls_err png_unpredict(struct ls_slice in, size_t bpp, size_t rowlen, struct ls_buf *out)
{
    uint8_t *prev = calloc(rowlen, 1), *cur = malloc(rowlen);
    ls_err err = LS_OK;
    if (!prev || !cur) {
        err = LS_E_NOMEM;
        goto out;
    }
    for (size_t pos = 0; pos < in.len && err == LS_OK;) {
        unsigned type = in.ptr[pos++];
        size_t n = in.len - pos < rowlen ? in.len - pos : rowlen;
        memset(cur, 0, rowlen);
        memcpy(cur, &in.ptr[pos], n);
        pos += n;
        for (size_t i = 0; i < rowlen; i++) {
            int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            switch (type) {
            case 0: break;
            case 1: cur[i] = (uint8_t)(cur[i] + a); break;
            case 2: cur[i] = (uint8_t)(cur[i] + b); break;
            case 3: cur[i] = (uint8_t)(cur[i] + ((a + b) >> 1)); break;
            case 4: cur[i] = (uint8_t)(cur[i] + paeth(a, b, c)); break;
            default: err = LS_E_CORRUPT; break;
            }
        }
        if (err == LS_OK) err = ls_buf_add(out, cur, n);
        memcpy(prev, cur, rowlen);
    }
out:
    free(prev);
    free(cur);
    return err;
}

ls_err pdf_predict(struct ls_slice in, int predictor, int colors, int bpc, int columns,
                   struct ls_buf *out)
{
    if (predictor <= 1) return ls_buf_add(out, in.ptr, in.len);
    if (colors < 1 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) ||
        columns < 1 || columns > (1 << 24))
        return LS_E_CORRUPT;
    size_t bits = (size_t)colors * (size_t)bpc;
    size_t bpp = bits >= 8 ? bits / 8 : 1;
    size_t rowlen = (bits * (size_t)columns + 7) / 8;
    if (in.len == 0) return LS_OK;
    if (rowlen > in.len) rowlen = in.len; /* a row longer than the data: no huge buffers */
    if (predictor >= 10) return png_unpredict(in, bpp, rowlen, out);
    if (predictor != 2 || bpc != 8) return LS_E_UNSUPPORTED;
    /* TIFF predictor 2, 8 bits per component: horizontal differencing */
    for (size_t pos = 0; pos < in.len;) {
        size_t n = in.len - pos < rowlen ? in.len - pos : rowlen;
        uint8_t row[4096];
        for (size_t off = 0; off < n;) {
            size_t m = n - off < sizeof row ? n - off : sizeof row;
            m -= m % bpp ? m % bpp : 0;
            if (m == 0) m = n - off;
            memcpy(row, &in.ptr[pos + off], m);
            for (size_t i = bpp; i < m; i++) row[i] = (uint8_t)(row[i] + row[i - bpp]);
            LS_TRY(ls_buf_add(out, row, m));
            off += m;
        }
        pos += n;
    }
    return LS_OK;
}

/* ---- stream decoding ---- */

struct charge_ud {
    struct pdf_doc *d;
};

/* Charged to the root as produced; a stream over the bomb ratio past the
 * floor (as for archive members, docs/unpacking.md) is cut right there. */
static ls_err charge_budget(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct pdf_doc *d = ud;
    const struct ls_limits *l = ls_ctx_limits(d->c);
    LS_TRY(ls_budget_charge(d->c, d->o, n));
    if (l->bomb_ratio && out_total > l->bomb_floor &&
        out_total / (in_used ? in_used : 1) > l->bomb_ratio) {
        ls_note(d->c, d->o, LS_A_ZIP_BOMB,
                "pdf: a Flate stream expands over %u:1 past %llu bytes; cut there",
                l->bomb_ratio, (unsigned long long)l->bomb_floor);
        return LS_E_LIMIT;
    }
    return LS_OK;
}

static int parm_int(struct pdf_doc *d, const struct pdf_obj *parms, const char *key, int dflt)
{
    int64_t v;
    if (!pdf_int(pdf_dict_getr(d, parms, key), &v) || v < -1000000000 || v > 1000000000) return dflt;
    return (int)v;
}

static bool is_image_filter(const struct pdf_obj *f)
{
    static const char *const names[] = {"DCTDecode", "DCT", "JPXDecode", "JBIG2Decode",
                                        "CCITTFaxDecode", "CCF"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (pdf_name_is(f, names[i])) return true;
    return false;
}

/* One filter: in -> out. */
static ls_err apply_filter(struct pdf_doc *d, const struct pdf_obj *f, const struct pdf_obj *parms,
                           struct ls_slice in, struct ls_buf *out)
{
    ls_err err;
    bool pred = false;
    if (pdf_name_is(f, "FlateDecode") || pdf_name_is(f, "Fl")) {
        err = pdf_flate_decode(in, out, d ? charge_budget : NULL, d);
        pred = true;
    } else if (pdf_name_is(f, "LZWDecode") || pdf_name_is(f, "LZW")) {
        err = pdf_lzw_decode(in, parm_int(d, parms, "EarlyChange", 1), out);
        pred = true;
    } else if (pdf_name_is(f, "ASCIIHexDecode") || pdf_name_is(f, "AHx")) {
        err = pdf_ahx_decode(in, out);
    } else if (pdf_name_is(f, "ASCII85Decode") || pdf_name_is(f, "A85")) {
        err = pdf_a85_decode(in, out);
    } else if (pdf_name_is(f, "RunLengthDecode") || pdf_name_is(f, "RL")) {
        err = pdf_rl_decode(in, out);
    } else if (pdf_name_is(f, "Crypt")) {
        return ls_buf_add(out, in.ptr, in.len); /* Identity: already handled */
    } else if (is_image_filter(f)) {
        return LS_E_UNSUPPORTED;
    } else {
        return LS_E_CORRUPT; /* unknown filter name */
    }
    if (!pred || (err != LS_OK && err != LS_E_TRUNCATED && err != LS_E_CORRUPT)) return err;
    int predictor = parm_int(d, parms, "Predictor", 1);
    if (predictor <= 1) return err;
    struct ls_buf tmp;
    ls_buf_init(&tmp, out->max);
    ls_err e2 = pdf_predict(ls_buf_slice(out), predictor, parm_int(d, parms, "Colors", 1),
                            parm_int(d, parms, "BitsPerComponent", 8),
                            parm_int(d, parms, "Columns", 1), &tmp);
    ls_buf_reset(out);
    ls_err e3 = ls_buf_add(out, tmp.ptr ? tmp.ptr : (const uint8_t *)"", tmp.len);
    ls_buf_free(&tmp);
    if (err != LS_OK) return err;
    return e2 != LS_OK ? e2 : e3;
}

static bool needs_decrypt(struct pdf_doc *d, const struct pdf_obj *st)
{
    if (!d->crypt_ok || st->u.st.num == d->encrypt_num) return false;
    if (pdf_name_is(pdf_dict_get(st, "Type"), "XRef")) return false;
    return true;
}

ls_err pdf_stream_decode(struct pdf_doc *d, const struct pdf_obj *st, size_t cap, struct ls_buf *out)
{
    if (!st || st->kind != PDF_STREAM) return LS_E_CORRUPT;
    struct pdf_obj *filt = pdf_dict_getr(d, st, "Filter");
    struct pdf_obj *parms = pdf_dict_getr(d, st, "DecodeParms");
    if (filt->kind == PDF_NULL) filt = pdf_dict_getr(d, st, "F"); /* inline-image style */
    if (filt->kind != PDF_NAME && filt->kind != PDF_ARRAY) filt = &pdf_null_obj;
    size_t nf = filt->kind == PDF_ARRAY ? filt->u.a.n : (filt->kind == PDF_NAME ? 1 : 0);
    if (nf > PDF_MAX_FILTERS) return LS_E_CORRUPT;
    for (size_t i = 0; i < nf; i++) {
        const struct pdf_obj *f = filt->kind == PDF_ARRAY ? pdf_resolve(d, filt->u.a.v[i]) : filt;
        if (is_image_filter(f)) return LS_E_UNSUPPORTED;
    }
    struct ls_buf a, b;
    ls_buf_init(&a, cap);
    ls_buf_init(&b, cap);
    struct ls_slice cur = st->u.st.raw;
    ls_err err = LS_OK;
    if (needs_decrypt(d, st)) {
        /* a /Crypt filter naming Identity means "not encrypted" */
        bool identity = false;
        for (size_t i = 0; i < nf; i++) {
            const struct pdf_obj *f = filt->kind == PDF_ARRAY ? pdf_resolve(d, filt->u.a.v[i]) : filt;
            if (pdf_name_is(f, "Crypt")) identity = true;
        }
        bool meta = pdf_name_is(pdf_dict_get(st, "Type"), "Metadata");
        if (!identity && !(meta && !d->encrypt_metadata)) {
            bool ef = pdf_name_is(pdf_dict_get(st, "Type"), "EmbeddedFile");
            err = pdf_crypt_decrypt(d, st->u.st.num, st->u.st.gen,
                                    ef ? PDF_CRYPT_EMBEDDED : PDF_CRYPT_STREAM, cur, &a);
            cur = ls_buf_slice(&a);
        }
    }
    for (size_t i = 0; i < nf && (err == LS_OK); i++) {
        const struct pdf_obj *f = filt->kind == PDF_ARRAY ? pdf_resolve(d, filt->u.a.v[i]) : filt;
        const struct pdf_obj *pm = parms;
        if (parms->kind == PDF_ARRAY)
            pm = i < parms->u.a.n ? pdf_resolve(d, parms->u.a.v[i]) : &pdf_null_obj;
        struct ls_buf *dst = cur.ptr == a.ptr && a.ptr ? &b : &a;
        if (i + 1 == nf && out->len == 0) dst = out; /* last stage: no extra copy */
        ls_buf_reset(dst);
        err = apply_filter(d, f, pm, cur, dst);
        cur = ls_buf_slice(dst);
        if (err == LS_E_TRUNCATED || err == LS_E_CORRUPT) {
            /* keep what decoded, but do not feed damaged data onwards */
            break;
        }
    }
    ls_err e2 = LS_OK;
    if (cur.ptr != out->ptr || cur.len != out->len || !cur.ptr)
        e2 = ls_buf_add(out, cur.ptr ? cur.ptr : (const uint8_t *)"", cur.len);
    ls_buf_free(&a);
    ls_buf_free(&b);
    if (err == LS_OK && st->u.st.truncated) err = LS_E_TRUNCATED;
    return err != LS_OK ? err : e2;
}
