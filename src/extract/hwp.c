/*
 * Hangul Word Processor (HWP) 5.x documents: Korea's office format (the
 * government's, the courts', the utilities'). A compound file whose
 * FileHeader stream starts "HWP Document File", the body text in
 * BodyText/Section0, Section1 ... streams, raw-deflated when the header
 * says so, each a sequence of records: a u32 header (tag: 10 bits, level:
 * 10 bits, size: 12 bits; size 0xFFF: a u32 size follows) and the data.
 * Paragraph text (HWPTAG_PARA_TEXT, tag 67) is UTF-16LE with control
 * characters among it: 0, 10, 13 and 24-31 take one unit, the others
 * (tabs, fields, tables, footnotes, headers) eight. The paragraphs of
 * tables, text boxes, headers, footers and notes are records of the same
 * stream, so reading every PARA_TEXT record reads them all.
 *
 * Also read: the preview text (PrvText, UTF-16LE, plain) when there is no
 * body text to read, and the summary information (\005HwpSummaryInformation,
 * an OLE property set: title, author, last saved by ...). A password-
 * protected document is `encrypted`; a distribution document (its body in
 * ViewText, enciphered with a key the file carries) is `partial`
 * (`unsupported`) with its preview text read; HWP 3.x (not a compound
 * file) is `unsupported`. Other streams (BinData: images and OLE objects)
 * are handed on as children, as the ole2 handler does.
 */
#include "extract/ole2.h"
#include "extract/zinflate.h"

#include <stdio.h>
#include <string.h>

#define HWP_SIG "HWP Document File"
#define HWP_SIG_LEN 17u
#define HWP_F_COMPRESSED 0x1u
#define HWP_F_PASSWORD 0x2u
#define HWP_F_DISTRIBUTION 0x4u
#define HWP_TAG_PARA_TEXT 67u
#define HWP_MAX_SECTIONS 4096u

extern const struct ls_handler ls_handler_ole2;

/* Whether the directory of a compound file names a FileHeader stream: its
 * sectors followed through the FAT sectors the header lists (the probe does
 * not parse the whole file; 64 directory sectors at most). */
static bool hwp_dir_has_fileheader(struct ls_slice d)
{
    static const uint8_t name[] = {'F', 0, 'i', 0, 'l', 0, 'e', 0, 'H', 0, 'e', 0, 'a', 0, 'd', 0, 'e', 0, 'r', 0, 0, 0};
    uint16_t shift = 0;
    uint32_t sec = 0;
    if (!ole2_is_cfb(d) || !ls_rd_u16le(d, 0x1E, &shift) || !ls_rd_u32le(d, 0x30, &sec)) return false;
    if (shift != 9 && shift != 12) return false;
    size_t ss = (size_t)1 << shift, per = ss / 4;
    for (unsigned n = 0; n < 64 && sec < 0xFFFFFFFAu; n++) {
        size_t at = ((size_t)sec + 1) * ss;
        if (at >= d.len) return false;
        for (size_t e = 0; e < ss / 128 && at + e * 128 + 128 <= d.len; e++)
            if (memcmp(d.ptr + at + e * 128, name, sizeof name) == 0) return true;
        uint32_t fsec = 0, next = 0;
        if ((size_t)sec / per >= 109 || !ls_rd_u32le(d, 0x4C + (size_t)sec / per * 4, &fsec) ||
            fsec >= 0xFFFFFFFAu || !ls_rd_u32le(d, ((size_t)fsec + 1) * ss + (size_t)sec % per * 4, &next))
            return false;
        sec = next;
    }
    return false;
}

static int hwp_probe(const struct ls_object *o)
{
    if (o->data.len >= 32 && memcmp(o->data.ptr, HWP_SIG " V3", HWP_SIG_LEN + 3) == 0) return 90;
    return hwp_dir_has_fileheader(o->data) ? 85 : 0;
}

/* One PARA_TEXT record: UTF-16LE with inline and extended controls. */
static ls_err hwp_para_text(struct ole2_job *j, struct ls_slice s, struct ls_buf *u16)
{
    ls_buf_reset(u16);
    size_t i = 0;
    while (i + 2 <= s.len) {
        uint16_t ch = (uint16_t)(s.ptr[i] | s.ptr[i + 1] << 8);
        if (ch >= 32) {
            LS_TRY(ls_buf_add(u16, s.ptr + i, 2));
            i += 2;
            continue;
        }
        uint8_t put = 0; /* what the control reads as, 0: nothing */
        size_t units = 8;
        switch (ch) {
        case 10: case 13: put = '\n'; units = 1; break;
        case 24: put = '-'; units = 1; break;
        case 30: case 31: put = ' '; units = 1; break;
        case 0: case 25: case 26: case 27: case 28: case 29: units = 1; break;
        case 9: put = '\t'; break;
        default: put = ' '; break; /* a field, table, note ... anchor: its text follows as records */
        }
        if (put) {
            uint8_t u[2] = {put, 0};
            LS_TRY(ls_buf_add(u16, u, 2));
        }
        i += units * 2;
    }
    /* a paragraph ends with its own 13; one cut before it still ends its line */
    if (u16->len < 2 || u16->ptr[u16->len - 2] != '\n' || u16->ptr[u16->len - 1] != 0)
        LS_TRY(ls_buf_add(u16, "\n\0", 2));
    return ole2_put_utf16(j, ls_buf_slice(u16));
}

/* The records of one section: every PARA_TEXT. Returns LS_E_CORRUPT when a
 * record runs past the stream (what came before is kept). */
static ls_err hwp_records(struct ole2_job *j, struct ls_slice s)
{
    struct ls_buf u16;
    ls_buf_init(&u16, SIZE_MAX);
    ls_err e = LS_OK;
    size_t at = 0;
    while (at + 4 <= s.len && e == LS_OK) {
        uint32_t h = 0, size;
        (void)ls_rd_u32le(s, at, &h);
        at += 4;
        size = h >> 20;
        if (size == 0xFFF) {
            if (!ls_rd_u32le(s, at, &size)) {
                e = LS_E_CORRUPT;
                break;
            }
            at += 4;
        }
        if (size > s.len - at) {
            e = LS_E_CORRUPT;
            break;
        }
        if ((h & 0x3FF) == HWP_TAG_PARA_TEXT) {
            e = hwp_para_text(j, ls_slice_make(s.ptr + at, size), &u16);
        }
        at += size;
        if (e == LS_OK && ls_ctx_expired(j->c)) e = LS_E_TIMEOUT;
    }
    ls_buf_free(&u16);
    return e;
}

static ls_err hwp_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct ole2_job *j = ud;
    return zinflate_budget(j->c, j->o, "hwp", n, in_used, out_total);
}

/* BodyText/SectionN, in order. *sections: how many were read. */
static ls_err hwp_body(struct ole2_job *j, uint32_t body, bool compressed, unsigned *sections)
{
    struct ls_buf raw, plain;
    ls_buf_init(&raw, SIZE_MAX);
    ls_buf_init(&plain, SIZE_MAX);
    ls_err worst = LS_OK;
    for (unsigned k = 0; k < HWP_MAX_SECTIONS; k++) {
        char name[32];
        (void)snprintf(name, sizeof name, "Section%u", k);
        uint32_t idx = ole2_cfb_find_type(j->f, body, name, OLE2_T_STREAM);
        if (idx == OLE2_NOSTREAM) break;
        ls_buf_reset(&raw);
        ls_buf_reset(&plain);
        ls_err e = ole2_read(j, idx, &raw);
        if (e == LS_E_NOMEM) {
            worst = e;
            break;
        }
        struct ls_slice text = ls_buf_slice(&raw);
        if (compressed) {
            ls_err z = zinflate_stream(ls_buf_slice(&raw), -15, &plain, SIZE_MAX, NULL, hwp_charge, j);
            if (z == LS_E_LIMIT || z == LS_E_NOMEM || z == LS_E_TIMEOUT) {
                worst = z;
                break;
            }
            if (z == LS_E_TRUNCATED || z == LS_E_CORRUPT) {
                ls_note(j->c, j->o, z == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
                        "hwp: BodyText/%s: the compressed stream is %s", name,
                        z == LS_E_TRUNCATED ? "cut" : "damaged");
                if (worst == LS_OK) worst = LS_E_CORRUPT;
            }
            text = ls_buf_slice(&plain);
        }
        ls_err r = hwp_records(j, text);
        (*sections)++;
        if (r == LS_E_CORRUPT) {
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "hwp: BodyText/%s: a record runs past the section", name);
            if (worst == LS_OK) worst = r;
        } else if (r != LS_OK) {
            worst = r;
            break;
        }
    }
    ls_buf_free(&raw);
    ls_buf_free(&plain);
    return worst;
}

/* Streams that are not text (BinData: pictures, OLE objects) as children. */
static ls_err hwp_bindata(struct ole2_job *j)
{
    uint32_t bd = ole2_cfb_find_type(j->f, OLE2_ROOT, "BinData", OLE2_T_STORAGE);
    if (bd == OLE2_NOSTREAM) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, SIZE_MAX);
    ls_err e = LS_OK;
    for (uint32_t k = j->f->dir[bd].first_child; k != OLE2_NOSTREAM && e == LS_OK && !j->stop;
         k = j->f->dir[k].next_sibling) {
        if (j->f->dir[k].type != OLE2_T_STREAM) continue;
        ls_buf_reset(&b);
        ls_err r = ole2_read(j, k, &b);
        if (r == LS_E_NOMEM) {
            e = r;
            break;
        }
        e = ole2_child(j, j->f->dir[k].name, strlen(j->f->dir[k].name), ls_buf_slice(&b), r == LS_E_TRUNCATED);
    }
    ls_buf_free(&b);
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err hwp_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (o->data.len >= HWP_SIG_LEN && memcmp(o->data.ptr, HWP_SIG, HWP_SIG_LEN) == 0) {
        ls_note(c, o, LS_R_UNSUPPORTED, "hwp: HWP 3.x documents are not read (only HWP 5)");
        return LS_OK;
    }
    struct ole2_cfb f;
    ls_err e = ole2_cfb_open(&f, o->data);
    struct ls_buf hdr;
    ls_buf_init(&hdr, 4096);
    uint32_t fh = e == LS_OK ? ole2_cfb_find_type(&f, OLE2_ROOT, "FileHeader", OLE2_T_STREAM) : OLE2_NOSTREAM;
    if (fh != OLE2_NOSTREAM) (void)ole2_cfb_read(&f, fh, &hdr, 256);
    uint32_t flags = 0;
    bool hwp = hdr.len >= 40 && memcmp(hdr.ptr, HWP_SIG, HWP_SIG_LEN) == 0 &&
               ls_rd_u32le(ls_buf_slice(&hdr), 36, &flags);
    ls_buf_free(&hdr);
    if (!hwp) { /* not HWP after all (or unreadable): the compound-file reader's */
        ole2_cfb_close(&f);
        return ls_handler_ole2.extract(c, o);
    }
    struct ole2_job j;
    ole2_job_init(&j, c, o, &f);
    ls_err r = LS_OK;
    if (flags & HWP_F_PASSWORD) {
        ls_note(c, o, LS_R_ENCRYPTED, "hwp: the document is password-protected");
        ls_set_coverage_none(c, o);
        r = LS_E_ENCRYPTED;
        goto done;
    }
    unsigned sections = 0;
    uint32_t body = ole2_cfb_find_type(&f, OLE2_ROOT, "BodyText", OLE2_T_STORAGE);
    if (body != OLE2_NOSTREAM && !(flags & HWP_F_DISTRIBUTION)) r = hwp_body(&j, body, flags & HWP_F_COMPRESSED, &sections);
    if (sections == 0) {
        /* nothing to read but the preview: a distribution document, or a body missing */
        if (flags & HWP_F_DISTRIBUTION)
            ls_note(c, o, LS_R_UNSUPPORTED,
                    "hwp: a distribution document: its body (ViewText) is enciphered; only the preview text is read");
        else
            ls_note(c, o, LS_R_PARSE_ERROR, "hwp: no BodyText section; only the preview text is read");
        struct ls_buf prv;
        ls_buf_init(&prv, SIZE_MAX);
        if (ole2_read_named(&j, OLE2_ROOT, "PrvText", &prv) != LS_E_NOMEM && prv.len) {
            ls_err p = ole2_put(&j, "[preview text]\n");
            if (p == LS_OK) p = ole2_put_utf16(&j, ls_slice_make(prv.ptr, prv.len & ~(size_t)1));
            if (p == LS_OK) p = ole2_put(&j, "\n");
            if (p == LS_E_NOMEM) r = p;
        }
        ls_buf_free(&prv);
    }
    if (r == LS_OK || r == LS_E_CORRUPT) {
        struct ls_buf si;
        ls_buf_init(&si, SIZE_MAX);
        ls_err p = ole2_read_named(&j, OLE2_ROOT, "\005HwpSummaryInformation", &si);
        if (p != LS_E_ARG && p != LS_E_NOMEM && si.len) p = ole2_props_stream(&j, ls_buf_slice(&si), false);
        ls_buf_free(&si);
        if (p == LS_E_NOMEM) r = p;
    }
    if (r == LS_OK || r == LS_E_CORRUPT) {
        ls_err b = hwp_bindata(&j);
        if (b == LS_E_NOMEM || b == LS_E_TIMEOUT) r = b;
    }
    if (f.damage && r == LS_OK)
        ls_note(c, o, (f.damage & OLE2_DMG_TRUNCATED) ? LS_R_TRUNCATED : LS_R_PARSE_ERROR, "%s",
                f.why[0] ? f.why : "hwp: the compound file is damaged");
done:;
    ls_err fin = ole2_job_finish(&j);
    ole2_cfb_close(&f);
    if (r == LS_E_CORRUPT || r == LS_E_LIMIT) r = LS_OK; /* noted above / by the pipeline */
    return r != LS_OK ? r : fin == LS_E_LIMIT ? LS_OK : fin;
}

const struct ls_handler ls_handler_hwp = {
    .name = "hwp",
    .probe = hwp_probe,
    .extract = hwp_extract,
};
