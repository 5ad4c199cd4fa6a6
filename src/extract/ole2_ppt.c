/*
 * PowerPoint 97-2003 text ([MS-PPT]): the "PowerPoint Document" stream is
 * a tree of records (2.3.1 RecordHeader: recVer/recInstance u16, recType
 * u16, recLen u32); containers have recVer 0xF and hold records. The tree
 * is walked flat — a container's header is stepped over, so its children
 * are read next — which needs no recursion and visits every byte once.
 * A recVer 0xF record counts as a container only when its children tile
 * its body (PowerPoint writes 0xF on some atoms, e.g. a theme's zip).
 * A header running past the stream is damage (zero gaps between persisted
 * objects, overwritten bytes): reading resumes at the next container whose
 * children tile it; skipping only zero bytes loses nothing.
 * A BinaryTagDataBlob (0x138B, the body of a "___PPT10"/"___PPT12" tag)
 * has recVer 0 but holds records: PowerPoint 2002+ keeps slide comments
 * there (Comment10Container: author, text and initials as CStrings), so it
 * is read as a container when its children tile it.
 * Text: TextCharsAtom (0x0FA0, UTF-16LE), TextBytesAtom (0x0FA8, the low
 * bytes of UTF-16, i.e. Latin-1), CString (0x0FBA, UTF-16LE: titles,
 * comments, hyperlinks, tags). Vertical tab and CR become newlines.
 * OfficeArt shape properties: alternative text, picture file names,
 * tooltips and WordArt text (ppt_fopt).
 * Every atom is read, including ones an edit made unreachable from the
 * current user edit: deleted text is still a leak.
 * Embedded OLE objects and the VBA project live in ExOleObjStg records
 * (0x1011; recInstance 1: u32 decompressed size + zlib stream): each is
 * inflated (bounded, charged to the budget) and handed over as a child
 * "ppt-object-N", a compound file the ole2 handler reads in turn.
 * Metafile pictures of the "Pictures" stream (OfficeArtBlipEMF/WMF,
 * [MS-ODRAW] 2.2.24-25: a chart or a pasted table kept as a picture, an
 * embedded object's preview) are handed on as children
 * "Pictures/picture-N.wmf|.emf", inflated when stored DEFLATE (zlib):
 * their text-out records hold what the slide shows (Dean Simonton's
 * MxAgCrProd.ppt, a textract test file: a third of its words were there,
 * the file said full). Bitmaps are left alone.
 * An encrypted document (the Current User stream's headerToken, an
 * "EncryptedSummary" stream, or a CryptSession10Container 0x2F14) is
 * reported, and its text is not read (its records are ciphertext).
 * Attacker-controlled: every record header.
 */
#include "extract/ole2.h"
#include "extract/zinflate.h"

#include <stdio.h>
#include <string.h>

#define PR_TEXTCHARS 0x0FA0
#define PR_TEXTBYTES 0x0FA8
#define PR_CSTRING 0x0FBA
#define PR_CRYPT 0x2F14
#define PR_EXOLESTG 0x1011 /* ExOleObjStg: an embedded object's compound file */
#define PR_TAGBLOB 0x138B  /* BinaryTagDataBlob: records behind recVer 0 */
/* One embedded object inflated at most this large (also charged). */
#define PR_OBJ_MAX (256u << 20)
#define PR_HDR 8u

static ls_err ppt_text16(struct ole2_job *j, struct ls_slice s)
{
    /* Copy units so CR/VT can be mapped; UTF-16 pairs pass through. */
    size_t start = 0;
    for (size_t i = 0; i + 1 < s.len; i += 2) {
        uint16_t u = 0;
        (void)ls_rd_u16le(s, i, &u);
        if (u != 0x0D && u != 0x0B && u != 0) continue;
        struct ls_slice part;
        if (ls_slice_sub(s, start, i - start, &part)) LS_TRY(ole2_put_utf16(j, part));
        if (u) LS_TRY(ole2_put(j, "\n"));
        start = i + 2;
    }
    struct ls_slice rest;
    if (ls_slice_from(s, start, &rest) && rest.len >= 2) LS_TRY(ole2_put_utf16(j, rest));
    return ole2_put(j, "\n");
}

static ls_err ppt_text8(struct ole2_job *j, struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        uint8_t b = (uint8_t)ls_slice_at(s, i);
        if (b == 0x0D || b == 0x0B)
            LS_TRY(ole2_put(j, "\n"));
        else if (b >= 0x20 || b == 0x09)
            LS_TRY(ole2_put_cp(j, b));
    }
    return ole2_put(j, "\n");
}

/* Inflated bytes charged as they come (a bomb is cut at the ratio). */
static ls_err ppt_zchild_sized(struct ole2_job *j, const char *name, uint32_t size, struct ls_slice z);

static ls_err ppt_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct ole2_job *j = ud;
    return zinflate_budget(j->c, j->o, "ole2", n, in_used, out_total);
}

/* A u32 decompressed size and a zlib stream (PowerPoint's compressed
 * ExOleObjStg; the streams of an oledata.mso), inflated into a child. */
ls_err ole2_zchild(struct ole2_job *j, const char *name, struct ls_slice body)
{
    uint32_t size = 0;
    struct ls_slice z;
    if (!ls_rd_u32le(body, 0, &size) || !ls_slice_from(body, 4, &z)) return LS_E_TRUNCATED;
    return ppt_zchild_sized(j, name, size, z);
}

/* A zlib stream z that inflates to size bytes, as child name. */
static ls_err ppt_zchild_sized(struct ole2_job *j, const char *name, uint32_t size, struct ls_slice z)
{
    if (j->stop || !ls_budget_child_ok(j->c, j->o)) return LS_E_LIMIT;
    uint64_t left = ls_budget_left(j->c);
    size_t max = size < PR_OBJ_MAX ? size : PR_OBJ_MAX;
    if (left < max) max = (size_t)left;
    struct ls_buf out;
    ls_buf_init(&out, max);
    ls_err e = zinflate_stream(z, 15, &out, max, NULL, ppt_charge, j);
    bool refused = e == LS_E_LIMIT && out.len < max; /* the budget or the bomb ratio said no */
    if (e != LS_E_NOMEM && out.len >= size) e = LS_OK; /* PowerPoint may leave the deflate stream open */
    ls_err c = refused ? LS_E_LIMIT : LS_OK;
    if (!refused && out.len > 0) c = ole2_child(j, name, strlen(name), ls_buf_slice(&out), e != LS_OK);
    ls_buf_free(&out);
    if (e == LS_E_NOMEM) return e;
    return c == LS_E_LIMIT ? c : LS_OK;
}

#define PR_BLIP_EMF 0xF01A
#define PR_BLIP_WMF 0xF01B
#define PR_BLIP_MAX 4096u /* pictures looked at in one Pictures stream */
#define PR_MF_HEADER 34u  /* OfficeArtMetafileHeader */

/* A metafile blip's body: one 16-byte UID, two when recInstance is 0x3D5
 * (EMF) or 0x217 (WMF); the metafile header (cbSize: the metafile's
 * size, rcBounds, ptSize, cbSave: the bytes stored, compression: 0
 * DEFLATE, 0xFE none, filter); the metafile: handed on as child name. */
static ls_err blip_child(struct ole2_job *j, uint16_t verinst, uint16_t type, struct ls_slice body, const char *name)
{
    bool emf = type == PR_BLIP_EMF;
    size_t at = (verinst >> 4) == (emf ? 0x3D5 : 0x217) ? 32 : 16;
    uint32_t size = 0, saved = 0;
    struct ls_slice data;
    if (!ls_rd_u32le(body, at, &size) || !ls_rd_u32le(body, at + 28, &saved) ||
        !ls_slice_from(body, at + PR_MF_HEADER, &data))
        return LS_E_TRUNCATED;
    uint8_t how = body.ptr[at + 32];
    bool cut = saved > data.len;
    if (!cut) data.len = saved;
    if (how == 0xFE) return ole2_child(j, name, strlen(name), data, cut);
    if (how != 0) return LS_OK; /* no other compression is defined */
    ls_err e = ppt_zchild_sized(j, name, size, data);
    return e == LS_OK && cut ? LS_E_TRUNCATED : e;
}

static ls_err ppt_blip(struct ole2_job *j, uint16_t verinst, uint16_t type, struct ls_slice body, unsigned n)
{
    char name[48];
    (void)snprintf(name, sizeof name, "Pictures/picture-%u.%s", n, type == PR_BLIP_EMF ? "emf" : "wmf");
    return blip_child(j, verinst, type, body, name);
}

/* Whether a whole metafile blip record starts at s[pos]: its header (the
 * version 0, an EMF or WMF type with one of its two instances), the body
 * inside s, the metafile header's cbSave inside the body, compression 0
 * or 0xFE and filter 0xFE. Its size with the header, else 0. */
static size_t blip_at(struct ls_slice s, size_t pos, uint16_t *verinst, uint16_t *type, struct ls_slice *body)
{
    uint32_t len = 0, saved = 0;
    if (!ls_rd_u16le(s, pos, verinst) || !ls_rd_u16le(s, pos + 2, type) || !ls_rd_u32le(s, pos + 4, &len))
        return 0;
    unsigned inst = *verinst >> 4;
    bool emf = *type == PR_BLIP_EMF && (inst == 0x3D4 || inst == 0x3D5);
    bool wmf = *type == PR_BLIP_WMF && (inst == 0x216 || inst == 0x217);
    size_t at = (inst & 1u) ? 32 : 16;
    if ((*verinst & 0xFu) != 0 || (!emf && !wmf) || len > s.len - pos - PR_HDR || len < at + PR_MF_HEADER)
        return 0;
    (void)ls_slice_sub(s, pos + PR_HDR, len, body);
    uint8_t how = body->ptr[at + 32], filter = body->ptr[at + 33];
    if (!ls_rd_u32le(*body, at + 28, &saved) || saved > len - at - PR_MF_HEADER || (how != 0 && how != 0xFE) ||
        filter != 0xFE)
        return 0;
    return PR_HDR + (size_t)len;
}

ls_err ole2_blip_scan(struct ole2_job *j, struct ls_slice s, const char *where, unsigned *n)
{
    ls_err e = LS_OK;
    unsigned seen = 0;
    for (size_t pos = 0; pos + PR_HDR + 16 + PR_MF_HEADER <= s.len && e == LS_OK && !j->stop; pos++) {
        if (s.ptr[pos + 3] != 0xF0 || (s.ptr[pos + 2] != 0x1A && s.ptr[pos + 2] != 0x1B)) continue;
        uint16_t verinst = 0, type = 0;
        struct ls_slice body;
        size_t k = blip_at(s, pos, &verinst, &type, &body);
        if (k == 0) continue;
        if (*n >= PR_BLIP_MAX) break;
        char name[64];
        (void)snprintf(name, sizeof name, "%s/picture-%u.%s", where, ++*n, type == PR_BLIP_EMF ? "emf" : "wmf");
        e = blip_child(j, verinst, type, body, name);
        if (e == LS_E_TRUNCATED) e = LS_OK; /* the inflated picture is shorter than it says: still handed on */
        pos += k - 1;
        if (++seen % 64 == 0 && e == LS_OK && ls_ctx_expired(j->c)) e = LS_E_TIMEOUT;
    }
    return e == LS_E_LIMIT ? LS_OK : e; /* children stopped: the budget noted it */
}

/* The Pictures stream: blip records one after another, each a picture the
 * drawing group's FBSEs point to by offset. Only metafiles hold text. */
static ls_err ppt_pictures(struct ole2_job *j, uint32_t st)
{
    uint32_t k = ole2_cfb_find(j->f, st, "Pictures");
    if (k == OLE2_NOSTREAM) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, j->f->data.len);
    ls_err e = ole2_read(j, k, &b);
    if (e == LS_E_NOMEM) {
        ls_buf_free(&b);
        return e;
    }
    struct ls_slice s = ls_buf_slice(&b);
    bool cut = e == LS_E_TRUNCATED;
    e = LS_OK;
    unsigned n = 0, seen = 0;
    for (size_t pos = 0; pos + PR_HDR <= s.len && e == LS_OK && !j->stop && seen < PR_BLIP_MAX; seen++) {
        uint16_t verinst = 0, type = 0;
        uint32_t len = 0;
        struct ls_slice body;
        (void)ls_rd_u16le(s, pos, &verinst);
        (void)ls_rd_u16le(s, pos + 2, &type);
        (void)ls_rd_u32le(s, pos + 4, &len);
        if (type < 0xF018 || type > 0xF117) break; /* no blip: the rest is not pictures */
        if (!ls_slice_sub(s, pos + PR_HDR, len < s.len - pos - PR_HDR ? len : s.len - pos - PR_HDR, &body)) break;
        if (len > body.len) cut = true;
        if (type == PR_BLIP_EMF || type == PR_BLIP_WMF) {
            e = ppt_blip(j, verinst, type, body, ++n);
            if (e == LS_E_TRUNCATED) cut = true, e = LS_OK;
        }
        if (len > body.len) break;
        pos += PR_HDR + (size_t)len;
        if (seen % 64 == 63 && ls_ctx_expired(j->c)) e = LS_E_TIMEOUT;
    }
    ls_buf_free(&b);
    if (cut && e == LS_OK) {
        ls_note(j->c, j->o, LS_R_TRUNCATED, "ppt: the Pictures stream ends inside a picture");
        e = LS_E_TRUNCATED;
    }
    return e == LS_E_LIMIT ? LS_OK : e; /* children stopped: the budget noted it */
}

static ls_err ppt_object(struct ole2_job *j, uint16_t verinst, struct ls_slice body, unsigned n)
{
    char name[32];
    (void)snprintf(name, sizeof name, "ppt-object-%u", n);
    if ((verinst >> 4) == 0) return ole2_child(j, name, strlen(name), body, false);
    return ole2_zchild(j, name, body);
}

struct ppt_hdr {
    uint16_t verinst, type;
    uint32_t len;
};

static bool ppt_hdr_at(struct ls_slice s, size_t pos, struct ppt_hdr *h)
{
    return ls_rd_u16le(s, pos, &h->verinst) && ls_rd_u16le(s, pos + 2, &h->type) &&
           ls_rd_u32le(s, pos + 4, &h->len);
}

/* recVer 0xF says "container", but PowerPoint also writes it on atoms
 * (RoundTripCustomTableStyles12Atom holds a zip package). A container's
 * children tile its body: each child header's length stays inside it.
 * A body the end of the stream cuts may end inside its last child.
 * At most PR_CHECK children are followed. */
#define PR_CHECK 64u
static bool ppt_is_container(struct ls_slice s, size_t pos, const struct ppt_hdr *h)
{
    bool blob = h->type == PR_TAGBLOB && h->len > 0;
    if (((h->verinst & 0x0F) != 0x0F && !blob) || s.len < PR_HDR || pos > s.len - PR_HDR) return false;
    size_t start = pos + PR_HDR;
    bool cut = h->len > s.len - start;
    size_t end = cut ? s.len : start + h->len;
    size_t p = start;
    for (unsigned n = 0; p < end && n < PR_CHECK; n++) {
        struct ppt_hdr c;
        if (end - p < PR_HDR || !ppt_hdr_at(s, p, &c)) return cut && !blob;
        if (c.len > end - p - PR_HDR) return cut && !blob;
        p += PR_HDR + c.len;
    }
    return true;
}

/* Where records resume after damage (a header whose length runs past the
 * stream: zero gaps between persisted objects, overwritten bytes): the
 * next container of a known record range whose children tile it. */
static size_t ppt_resync(struct ls_slice s, size_t from)
{
    for (size_t p = from; s.len >= PR_HDR && p <= s.len - PR_HDR; p++) {
        struct ppt_hdr h;
        if (!ppt_hdr_at(s, p, &h) || (h.verinst & 0x0F) != 0x0F) continue;
        bool ppt = h.type >= 0x03E8 && h.type <= 0x2F14, art = h.type >= 0xF000 && h.type <= 0xF1FF;
        if ((ppt || art) && h.len <= s.len - p - PR_HDR && ppt_is_container(s, p, &h)) return p;
    }
    return SIZE_MAX;
}

static bool ppt_all_zero(struct ls_slice s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (ls_slice_at(s, i) != 0) return false;
    return true;
}

/* OfficeArt property tables ([MS-ODRAW] 2.2.9 OfficeArtFOPT 0xF00B, the
 * secondary 0xF121 and tertiary 0xF122): recInstance entries of 6 bytes
 * (opid: pid in bits 0-13, fComplex bit 15; op), then the complex values
 * in entry order, op bytes each. Kept: a picture's alternative text
 * (wzDescription 0x0381), its file name (pibName 0x0105), a tooltip
 * (wzTooltip 0x038D) and WordArt text (gtextUNICODE 0x00C0). Shape names
 * (wzName: "Picture 4", "Rectangle 2") are not. */
#define PR_FOPT 0xF00B
#define PR_FOPT2 0xF121
#define PR_FOPT3 0xF122
static bool ppt_fopt_text(uint16_t pid)
{
    return pid == 0x0381 || pid == 0x0105 || pid == 0x038D || pid == 0x00C0;
}

static ls_err ppt_fopt(struct ole2_job *j, uint16_t verinst, struct ls_slice body)
{
    uint32_t n = verinst >> 4;
    size_t cx = (size_t)n * 6;
    if (cx > body.len) return LS_OK;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t opid = 0;
        uint32_t op = 0;
        struct ls_slice v;
        (void)ls_rd_u16le(body, 6 * (size_t)i, &opid);
        (void)ls_rd_u32le(body, 6 * (size_t)i + 2, &op);
        if (!(opid & 0x8000)) continue;
        if (!ls_slice_sub(body, cx, op, &v)) return LS_OK; /* a value past the record: stop */
        cx += op;
        if (ppt_fopt_text(opid & 0x3FFF) && v.len >= 2) LS_TRY(ppt_text16(j, v));
    }
    return LS_OK;
}

static ls_err ppt_atom(struct ole2_job *j, const struct ppt_hdr *h, struct ls_slice body, unsigned *nobj)
{
    if (h->type == PR_FOPT || h->type == PR_FOPT2 || h->type == PR_FOPT3) return ppt_fopt(j, h->verinst, body);
    if (h->type == PR_EXOLESTG && !j->stop) {
        ls_err o = ppt_object(j, h->verinst, body, ++*nobj);
        return o == LS_E_NOMEM ? o : LS_OK;
    }
    if (h->type == PR_TEXTCHARS || h->type == PR_CSTRING) return ppt_text16(j, body);
    if (h->type == PR_TEXTBYTES) return ppt_text8(j, body);
    return LS_OK;
}

static ls_err ppt_walk(struct ole2_job *j, struct ls_slice ps)
{
    struct ls_cursor c = ls_cur_make(ps);
    ls_err r = LS_OK;
    unsigned nobj = 0;
    while (ls_cur_left(&c) >= PR_HDR) {
        struct ppt_hdr h;
        size_t at = c.pos;
        if (!ppt_hdr_at(ps, at, &h)) break;
        if (h.type == PR_CRYPT && (h.verinst & 0x0F) == 0x0F) return LS_E_ENCRYPTED;
        LS_TRY(ls_cur_skip(&c, PR_HDR));
        if (ppt_is_container(ps, at, &h)) continue; /* its children follow */
        struct ls_slice body;
        if (ls_cur_take(&c, h.len, &body) != LS_OK) {
            size_t next = ppt_resync(ps, at + 1);
            if (next != SIZE_MAX) {
                if (!ppt_all_zero(ps, at, next)) r = LS_E_CORRUPT;
                LS_TRY(ls_cur_seek(&c, next));
                continue;
            }
            /* An atom longer than the stream: read what is there. */
            if (r == LS_OK) r = LS_E_TRUNCATED;
            (void)ls_cur_take(&c, ls_cur_left(&c), &body);
        }
        LS_TRY(ppt_atom(j, &h, body, &nobj));
        if (ls_ctx_expired(j->c)) return LS_E_TIMEOUT;
    }
    return r;
}

/* The CurrentUserAtom's headerToken says whether the document is
 * encrypted (2.3.2: 0xF3D1C4DF encrypted, 0xE391C05F not). */
static bool ppt_current_user_encrypted(struct ole2_job *j, uint32_t st)
{
    struct ls_buf b;
    uint32_t token = 0;
    ls_buf_init(&b, 64);
    uint32_t cu = ole2_cfb_find_type(j->f, st, "Current User", OLE2_T_STREAM);
    if (cu != OLE2_NOSTREAM) (void)ole2_cfb_read(j->f, cu, &b, 64);
    bool enc = ls_rd_u32le(ls_buf_slice(&b), 12, &token) && token == 0xF3D1C4DFu;
    ls_buf_free(&b);
    return enc;
}

/* PowerPoint 95 (and 4.0 files saved by it): its "PowerPoint Document"
 * stream is not the 97 record tree, but the file keeps the text of every
 * slide in "Text_Content" (Windows-1252, CR between paragraphs, VT for a
 * line break). Its "Header" stream names the writer. POI refuses these
 * (OldPowerPointFormatException): POI's PPT95.ppt and bug56240.ppt came
 * out 'damaged records' with almost no text. */
static bool ppt_is_95(struct ole2_job *j, uint32_t st)
{
    static const char sig[] = "Microsoft (R) PowerPoint (R) Windows";
    struct ls_buf b;
    ls_buf_init(&b, 64);
    uint32_t h = ole2_cfb_find_type(j->f, st, "Header", OLE2_T_STREAM);
    if (h != OLE2_NOSTREAM) (void)ole2_cfb_read(j->f, h, &b, 64);
    bool yes = ls_slice_starts(ls_buf_slice(&b), sig, sizeof sig - 1) &&
               ole2_cfb_find_type(j->f, st, "Text_Content", OLE2_T_STREAM) != OLE2_NOSTREAM;
    ls_buf_free(&b);
    return yes;
}

static ls_err ppt_95_text(struct ole2_job *j, uint32_t st)
{
    struct ls_buf b;
    ls_buf_init(&b, j->f->data.len);
    ls_err e = ole2_read_named(j, st, "Text_Content", &b);
    if (e == LS_OK || e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
        struct ls_slice t = ls_buf_slice(&b);
        size_t from = 0;
        ls_err p = LS_OK;
        for (size_t i = 0; i <= t.len && p == LS_OK; i++) {
            int ch = i < t.len ? ls_slice_at(t, i) : '\r';
            if (ch != '\r' && ch != 0x0B) continue;
            struct ls_slice run = {t.ptr, 0};
            (void)ls_slice_sub(t, from, i - from, &run);
            p = ole2_put_cp1252(j, run);
            if (p == LS_OK) p = ole2_put(j, "\n");
            from = i + 1;
        }
        if (p != LS_OK) e = p;
    }
    ls_buf_free(&b);
    return e;
}

/* The CurrentUserAtom's offsetToCurrentEdit (2.3.2) places the last
 * UserEditAtom, which PowerPoint writes at the end of the stream: a
 * stream that ends before it (and its 8-byte header) was cut. */
static bool ppt_edit_past_end(struct ole2_job *j, uint32_t st, size_t len)
{
    struct ls_buf b;
    uint32_t off = 0;
    ls_buf_init(&b, 64);
    uint32_t cu = ole2_cfb_find_type(j->f, st, "Current User", OLE2_T_STREAM);
    if (cu != OLE2_NOSTREAM) (void)ole2_cfb_read(j->f, cu, &b, 64);
    bool past = ls_rd_u32le(ls_buf_slice(&b), 16, &off) && (off > len || len - off < PR_HDR);
    ls_buf_free(&b);
    return past;
}

ls_err ole2_ppt_extract(struct ole2_job *j, uint32_t st)
{
    if (ppt_is_95(j, st)) return ppt_95_text(j, st);
    if (ole2_cfb_find(j->f, st, "EncryptedSummary") != OLE2_NOSTREAM || ppt_current_user_encrypted(j, st)) {
        ls_note(j->c, j->o, LS_R_ENCRYPTED, "ppt: presentation is encrypted");
        return LS_E_ENCRYPTED;
    }
    struct ls_buf ps;
    ls_buf_init(&ps, j->f->data.len);
    ls_err e = ole2_read_named(j, st, "PowerPoint Document", &ps);
    if (e != LS_E_NOMEM && e != LS_E_ARG) {
        ls_err r = ppt_walk(j, ls_buf_slice(&ps));
        if (r == LS_E_ENCRYPTED)
            ls_note(j->c, j->o, LS_R_ENCRYPTED, "ppt: presentation is encrypted (CryptSession10Container)");
        else if (r == LS_E_TRUNCATED)
            ls_note(j->c, j->o, LS_R_TRUNCATED, "ppt: a record runs past the end of the stream");
        else if (r == LS_E_CORRUPT)
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "ppt: damaged records skipped");
        if (r != LS_OK) e = r;
        if (r != LS_E_ENCRYPTED && r != LS_E_NOMEM && r != LS_E_TIMEOUT && ppt_edit_past_end(j, st, ps.len)) {
            ls_note(j->c, j->o, LS_R_TRUNCATED,
                    "ppt: the stream ends before the user edit the Current User stream points to (cut short)");
            if (e == LS_OK) e = LS_E_TRUNCATED;
        }
        if (r != LS_E_ENCRYPTED && r != LS_E_NOMEM && r != LS_E_TIMEOUT) {
            ls_err p = ppt_pictures(j, st);
            if (p == LS_E_NOMEM || p == LS_E_TIMEOUT || e == LS_OK) e = p;
        }
    }
    ls_buf_free(&ps);
    return e;
}
