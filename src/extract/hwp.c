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
 * Every stream of BodyText is read, by section number, then any other.
 *
 * Also read: the preview text (PrvText, UTF-16LE, plain) when there is no
 * body text to read, and the summary information (\005HwpSummaryInformation,
 * an OLE property set: title, author, last saved by ...). A password-
 * protected document is `encrypted`; a distribution document (its body in
 * ViewText, enciphered with a key the file carries) is `partial`
 * (`unsupported`) with its preview text read; HWP 3.x (not a compound
 * file) is `unsupported`. BinData streams (images and OLE objects), and
 * every other stream but DocInfo, PrvImage and ViewText (Scripts,
 * DocHistory, XMLTemplate, DocOptions, anything a writer put there), are
 * handed on as children, inflated when they are raw deflate, as the ole2
 * handler hands on streams: nothing in the file goes unread.
 *
 * Attacker-controlled: every directory entry may name the sectors of
 * another, so the sections, and the streams handed on, are read up to
 * twice the file's bytes in all.
 */
#include "extract/ole2.h"
#include "extract/zinflate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HWP_SIG "HWP Document File"
#define HWP_SIG_LEN 17u
#define HWP_F_COMPRESSED 0x1u
#define HWP_F_PASSWORD 0x2u
#define HWP_F_DISTRIBUTION 0x4u
#define HWP_TAG_PARA_TEXT 67u
#define HWP_TICK 4096u /* records between deadline checks */
#define HWP_MAX_CHILDREN 4096u /* streams handed on (a real document has tens) */
#define HWP_HEAD 8192u /* bytes of the body's first characters kept to judge the preview */

/* The first characters of the body, UTF-16LE, blanks and controls left out. */
static void hwp_head_add(struct ls_buf *head, struct ls_slice u16)
{
    for (size_t i = 0; i + 2 <= u16.len && head && head->len < HWP_HEAD; i += 2)
        if ((u16.ptr[i] > 0x20 || u16.ptr[i + 1]) && ls_buf_add(head, u16.ptr + i, 2) != LS_OK) return;
}

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
static ls_err hwp_para_text(struct ole2_job *j, struct ls_slice s, struct ls_buf *u16, struct ls_buf *head)
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
    hwp_head_add(head, ls_buf_slice(u16));
    return ole2_put_utf16(j, ls_buf_slice(u16));
}

/* The records of one section: every PARA_TEXT. Returns LS_E_CORRUPT when a
 * record runs past the stream (what came before is kept). */
static ls_err hwp_records(struct ole2_job *j, struct ls_slice s, struct ls_buf *head)
{
    struct ls_buf u16;
    ls_buf_init(&u16, SIZE_MAX);
    ls_err e = LS_OK;
    size_t at = 0;
    unsigned long n = 0;
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
            e = hwp_para_text(j, ls_slice_make(s.ptr + at, size), &u16, head);
        }
        at += size;
        if (e == LS_OK && ++n % HWP_TICK == 0 && ls_ctx_expired(j->c)) e = LS_E_TIMEOUT;
    }
    ls_buf_free(&u16);
    return e;
}

static ls_err hwp_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct ole2_job *j = ud;
    return zinflate_budget(j->c, j->o, "hwp", n, in_used, out_total);
}

/* The number of a stream named SectionN, or UINT32_MAX for any other name. */
static uint32_t hwp_section_no(const char *name)
{
    if (strncmp(name, "Section", 7) != 0 || name[7] == '\0') return UINT32_MAX;
    uint64_t v = 0;
    for (const char *p = name + 7; *p; p++) {
        if (*p < '0' || *p > '9') return UINT32_MAX;
        v = v * 10 + (uint64_t)(*p - '0');
        if (v >= UINT32_MAX) return UINT32_MAX;
    }
    return (uint32_t)v;
}

static int hwp_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Every stream of BodyText, Section0, Section1 ... by their number, then
 * any other stream in directory order: a gap in the numbers or a stream
 * otherwise named is read, not skipped. Together the streams read at most
 * twice the file (plus 1 MiB): directory entries naming the sectors of
 * others are `limit:bytes` (4,000 entries naming one 1 MiB chain had cost
 * 38 s of CPU). *sections: how many were read (in whole or in part). */
static ls_err hwp_body(struct ole2_job *j, uint32_t body, bool compressed, unsigned *sections, struct ls_buf *head)
{
    const struct ole2_cfb *f = j->f;
    uint32_t n = 0, m = 0;
    for (uint32_t k = f->dir[body].first_child, hops = 0; k < f->ndir && hops < f->ndir;
         k = f->dir[k].next_sibling, hops++)
        n += f->dir[k].type == OLE2_T_STREAM;
    if (n == 0) return LS_OK;
    uint64_t *order = malloc((size_t)n * sizeof *order);
    if (!order) return LS_E_NOMEM;
    for (uint32_t k = f->dir[body].first_child, hops = 0; k < f->ndir && hops < f->ndir && m < n;
         k = f->dir[k].next_sibling, hops++)
        if (f->dir[k].type == OLE2_T_STREAM) order[m++] = (uint64_t)hwp_section_no(f->dir[k].name) << 32 | k;
    qsort(order, m, sizeof *order, hwp_cmp_u64);
    uint64_t budget = 2 * (uint64_t)f->data.len + (1u << 20);
    struct ls_buf raw, plain;
    ls_buf_init(&raw, SIZE_MAX);
    ls_buf_init(&plain, SIZE_MAX);
    ls_err worst = LS_OK;
    for (uint32_t q = 0; q < m; q++) {
        uint32_t idx = (uint32_t)order[q];
        const char *name = f->dir[idx].name;
        if (f->dir[idx].size > budget) {
            ls_note(j->c, j->o, LS_R_LIMIT_BYTES,
                    "hwp: BodyText/%s and %lu more: the sections name more bytes than the file holds; not read",
                    name, (unsigned long)(m - q - 1));
            worst = LS_E_LIMIT;
            break;
        }
        ls_buf_reset(&raw);
        ls_buf_reset(&plain);
        ls_err e = ole2_read(j, idx, &raw);
        if (e == LS_E_NOMEM) {
            worst = e;
            break;
        }
        budget -= raw.len < budget ? raw.len : budget;
        struct ls_slice text = ls_buf_slice(&raw);
        bool stop = false;
        if (compressed) {
            ls_err z = zinflate_stream(ls_buf_slice(&raw), -15, &plain, SIZE_MAX, NULL, hwp_charge, j);
            if (z == LS_E_NOMEM || z == LS_E_TIMEOUT) {
                worst = z;
                break;
            }
            if (z == LS_E_LIMIT) { /* the byte budget or the bomb ratio: what was inflated is read */
                ls_note(j->c, j->o, LS_R_LIMIT_BYTES, "hwp: BodyText/%s inflated in part; no section after it is read",
                        name);
                stop = true;
            }
            if (z == LS_E_TRUNCATED || z == LS_E_CORRUPT) {
                ls_note(j->c, j->o, z == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
                        "hwp: BodyText/%s: the compressed stream is %s", name,
                        z == LS_E_TRUNCATED ? "cut" : "damaged");
                if (worst == LS_OK) worst = LS_E_CORRUPT;
            }
            text = ls_buf_slice(&plain);
        }
        ls_err r = hwp_records(j, text, head);
        (*sections)++;
        if (r == LS_E_CORRUPT && stop) {
            r = LS_OK; /* the last record is cut where the inflate was stopped: the limit's */
        } else if (r == LS_E_CORRUPT) {
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "hwp: BodyText/%s: a record runs past the section", name);
            if (worst == LS_OK) worst = r;
        } else if (r != LS_OK) {
            worst = r; /* LS_E_LIMIT: the text is full */
            break;
        }
        if (stop) {
            worst = LS_E_LIMIT;
            break;
        }
    }
    ls_buf_free(&raw);
    ls_buf_free(&plain);
    free(order);
    return worst;
}

static ls_err hwp_too_many(struct ole2_job *j, const char *name)
{
    ls_note(j->c, j->o, LS_R_LIMIT_MEMBERS, "hwp: %s: more than %u streams to hand on; the rest not read", name,
            HWP_MAX_CHILDREN);
    return LS_E_LIMIT;
}

/* Stream k as a child named name. A BinData item is raw-deflated when its
 * entry in DocInfo says so (by default when the document is compressed),
 * and so are Scripts and DocHistory in a compressed document: a stream
 * that inflates whole is handed on inflated, so what is inside is typed
 * and read; an embedded OLE object keeps a u32 size before its compound
 * file, which is dropped. Anything else is handed on as stored. *budget:
 * the stored bytes the children may still read (LS_E_LIMIT past it). */
static ls_err hwp_stream_child(struct ole2_job *j, uint32_t k, const char *name, uint64_t *budget, struct ls_buf *b,
                               struct ls_buf *z)
{
    if (j->children >= HWP_MAX_CHILDREN) return hwp_too_many(j, name);
    if (j->f->dir[k].size > *budget) {
        ls_note(j->c, j->o, LS_R_LIMIT_BYTES,
                "hwp: %s: the streams handed on name more bytes than the file holds; the rest not read", name);
        return LS_E_LIMIT;
    }
    ls_buf_reset(b);
    ls_buf_reset(z);
    ls_err r = ole2_read(j, k, b);
    if (r == LS_E_NOMEM) return r;
    *budget -= b->len < *budget ? b->len : *budget;
    struct ls_slice data = ls_buf_slice(b);
    size_t used = 0;
    ls_err i = b->len ? zinflate_stream(data, -15, z, SIZE_MAX, &used, hwp_charge, j) : LS_E_CORRUPT;
    if (i == LS_E_NOMEM || i == LS_E_TIMEOUT) return i;
    if (i == LS_OK && used == b->len && z->len) {
        data = ls_buf_slice(z);
        if (data.len > 12 && ole2_is_cfb(ls_slice_make(data.ptr + 4, data.len - 4))) data.ptr += 4, data.len -= 4;
    } else if (i == LS_E_LIMIT) {
        ls_note(j->c, j->o, LS_R_LIMIT_BYTES, "hwp: %s inflated in part; handed on as stored", name);
    }
    ls_err e = ole2_child(j, name, strlen(name), data, r == LS_E_TRUNCATED);
    if (i == LS_E_LIMIT && e == LS_OK && ls_budget_left(j->c) == 0) e = LS_E_LIMIT; /* the root's bytes are spent */
    return e;
}

/* Whether a stream or storage at the root is one the handler reads (or
 * knows to hold nothing to read: DocInfo's fonts and styles, the preview
 * image, the enciphered ViewText, noted). */
static bool hwp_known(const char *name)
{
    static const char *const known[] = {"FileHeader", "DocInfo",  "BodyText", "ViewText", "BinData",
                                        "PrvText",    "PrvImage", "\005HwpSummaryInformation"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i]) == 0) return true;
    return false;
}

/* The streams not read as text as children: BinData's (pictures, OLE
 * objects, attached files: named as the stream) and every other stream or
 * storage's stream the root holds (Scripts' JavaScript, DocHistory's earlier
 * versions, XMLTemplate, DocOptions, or anything a writer put there: named
 * "Storage/Stream"), so that nothing in the file goes unread. Together
 * they read at most twice the file plus 1 MiB, and 4,096 of them at most
 * (8,000 one-byte streams had cost 2.5 s of CPU). */
static ls_err hwp_children(struct ole2_job *j)
{
    const struct ole2_cfb *f = j->f;
    struct ls_buf b, z;
    ls_buf_init(&b, SIZE_MAX);
    ls_buf_init(&z, SIZE_MAX);
    ls_err e = LS_OK;
    uint64_t budget = 2 * (uint64_t)f->data.len + (1u << 20); /* as for the sections */
    uint32_t bd = ole2_cfb_find_type(f, OLE2_ROOT, "BinData", OLE2_T_STORAGE);
    for (uint32_t k = bd < f->ndir ? f->dir[bd].first_child : OLE2_NOSTREAM, hops = 0;
         k < f->ndir && hops < f->ndir && e == LS_OK && !j->stop; k = f->dir[k].next_sibling, hops++)
        if (f->dir[k].type == OLE2_T_STREAM) e = hwp_stream_child(j, k, f->dir[k].name, &budget, &b, &z);
    for (uint32_t k = f->dir[OLE2_ROOT].first_child, hops = 0; k < f->ndir && hops < f->ndir && e == LS_OK && !j->stop;
         k = f->dir[k].next_sibling, hops++) {
        if (hwp_known(f->dir[k].name)) continue;
        if (f->dir[k].type == OLE2_T_STREAM) {
            e = hwp_stream_child(j, k, f->dir[k].name, &budget, &b, &z);
            continue;
        }
        if (f->dir[k].type != OLE2_T_STORAGE) continue;
        for (uint32_t s = f->dir[k].first_child, h2 = 0; s < f->ndir && h2 < f->ndir && e == LS_OK && !j->stop;
             s = f->dir[s].next_sibling, h2++) {
            char name[2 * OLE2_NAME_MAX + 2];
            (void)snprintf(name, sizeof name, "%s/%s", f->dir[k].name, f->dir[s].name);
            if (f->dir[s].type == OLE2_T_STREAM) e = hwp_stream_child(j, s, name, &budget, &b, &z);
            else if (f->dir[s].type == OLE2_T_STORAGE)
                e = j->children >= HWP_MAX_CHILDREN ? hwp_too_many(j, name) : ole2_child_storage(j, s, name);
        }
    }
    ls_buf_free(&b);
    ls_buf_free(&z);
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
    bool view = ole2_cfb_find_type(&f, OLE2_ROOT, "ViewText", OLE2_T_STORAGE) != OLE2_NOSTREAM;
    /* BodyText is read wherever it is (a distribution flag on a document
     * whose body is in clear reads it too) */
    struct ls_buf head;
    ls_buf_init(&head, HWP_HEAD);
    if (body != OLE2_NOSTREAM) r = hwp_body(&j, body, flags & HWP_F_COMPRESSED, &sections, &head);
    if (view || (flags & HWP_F_DISTRIBUTION))
        ls_note(c, o, LS_R_UNSUPPORTED, "hwp: a distribution document: its body (ViewText) is enciphered%s",
                sections ? "" : "; only the preview text is read");
    else if (sections == 0)
        ls_note(c, o, LS_R_PARSE_ERROR, "hwp: no BodyText section; only the preview text is read");
    /* The preview: Hangul writes the first characters of the body there.
     * It is read when there is no body to read, or when it is not the
     * body's beginning (blanks and controls aside): a preview that says
     * something else is not left unread. */
    struct ls_buf prv;
    ls_buf_init(&prv, SIZE_MAX);
    if (r != LS_E_NOMEM && r != LS_E_TIMEOUT && ole2_read_named(&j, OLE2_ROOT, "PrvText", &prv) != LS_E_NOMEM &&
        prv.len) {
        struct ls_slice pv = ls_slice_make(prv.ptr, prv.len & ~(size_t)1);
        struct ls_buf pn;
        ls_buf_init(&pn, SIZE_MAX);
        hwp_head_add(&pn, pv);
        bool same = sections > 0 && pn.len <= head.len + (head.len >= HWP_HEAD ? pn.len : 0) &&
                    memcmp(pn.ptr ? pn.ptr : (const uint8_t *)"", head.ptr ? head.ptr : (const uint8_t *)"",
                           pn.len < head.len ? pn.len : head.len) == 0;
        ls_buf_free(&pn);
        if (!same) {
            ls_err p = ole2_put(&j, "[preview text]\n");
            if (p == LS_OK) p = ole2_put_utf16(&j, pv);
            if (p == LS_OK) p = ole2_put(&j, "\n");
            if (p == LS_E_NOMEM) r = p;
        }
    }
    ls_buf_free(&prv);
    ls_buf_free(&head);
    /* the text being full, or a section cut by the byte budget, leaves the
     * summary and the BinData children to read: they have budgets of their own */
    if (r == LS_OK || r == LS_E_CORRUPT || r == LS_E_LIMIT) {
        struct ls_buf si;
        ls_buf_init(&si, SIZE_MAX);
        ls_err p = ole2_read_named(&j, OLE2_ROOT, "\005HwpSummaryInformation", &si);
        if (p != LS_E_ARG && p != LS_E_NOMEM && si.len) p = ole2_props_stream(&j, ls_buf_slice(&si), false);
        ls_buf_free(&si);
        if (p == LS_E_NOMEM) r = p;
    }
    if (r == LS_OK || r == LS_E_CORRUPT || r == LS_E_LIMIT) {
        ls_err b = hwp_children(&j);
        if (b == LS_E_NOMEM || b == LS_E_TIMEOUT) r = b;
    }
    if (f.damage && (r == LS_OK || r == LS_E_CORRUPT || r == LS_E_LIMIT))
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
