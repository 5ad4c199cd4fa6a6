/*
 * The `ole2` handler: Compound File Binary documents ([MS-CFB]) — Word
 * 97-2003 (.doc, [MS-DOC]), Excel BIFF5/8 (.xls, [MS-XLS]), PowerPoint
 * 97-2003 (.ppt, [MS-PPT]), their property sets ([MS-OLEPS]), embedded
 * OLE objects ([MS-OLEDS] 2.3.6 OLE1 Ole10Native packages, "Package"
 * OOXML streams, CONTENTS streams, embedded compound documents), VBA
 * storages (alert `macro`) and encryption: FIB fEncrypted, BIFF FILEPASS,
 * PowerPoint CryptSession10Container and the EncryptedPackage of an
 * agile/standard-encrypted OOXML file ([MS-OFFCRYPTO]) are reported
 * `encrypted`. Outlook messages found in a compound file are handed to
 * msg.c (which also registers its own `msg` handler).
 *
 * Dispatch is by which streams exist, not by extension. Ignored on
 * purpose: formatting, drawing layers, the PowerPoint persist directory
 * (every text atom in the stream is read, live or not), the VBA source
 * itself (its presence is the alert), PowerPoint's zlib-compressed
 * embedded objects.
 *
 * Attacker-controlled: the whole compound file (see ole2_cfb.h) and every
 * stream's contents; each extractor reads them through slices and cursors.
 */
#include "extract/ole2.h"
#include "extract/ole2_agile.h"
#include "extract/sheetdate.h"

#include <stdio.h>
#include <string.h>

/* ---- job and text stage ------------------------------------------------ */

void ole2_job_init(struct ole2_job *j, struct ls_ctx *c, struct ls_object *o, struct ole2_cfb *f)
{
    memset(j, 0, sizeof *j);
    j->c = c;
    j->o = o;
    j->f = f;
    ls_buf_init(&j->text, 4 * OLE2_TEXT_CHUNK);
}

ls_err ole2_flush(struct ole2_job *j)
{
    if (j->text_full) {
        ls_buf_reset(&j->text);
        return LS_E_LIMIT;
    }
    if (j->text.len == 0) return LS_OK;
    ls_err e = ls_emit_text(j->c, j->o, j->text.ptr, j->text.len);
    ls_buf_reset(&j->text);
    if (e == LS_E_LIMIT) j->text_full = true;
    return e;
}

ls_err ole2_job_finish(struct ole2_job *j)
{
    ls_err e = ole2_flush(j);
    ls_buf_free(&j->text);
    return e;
}

static ls_err ole2_after_add(struct ole2_job *j, ls_err e)
{
    if (e == LS_E_LIMIT || j->text.len >= OLE2_TEXT_CHUNK) {
        ls_err f = ole2_flush(j);
        if (e == LS_OK || e == LS_E_LIMIT) e = f;
    }
    return e;
}

ls_err ole2_put_n(struct ole2_job *j, const void *p, size_t n)
{
    if (j->text_full) return LS_E_LIMIT;
    return ole2_after_add(j, ls_buf_add(&j->text, p, n));
}

ls_err ole2_put(struct ole2_job *j, const char *s) { return ole2_put_n(j, s, strlen(s)); }

ls_err ole2_put_cp(struct ole2_job *j, uint32_t cp)
{
    if (j->text_full) return LS_E_LIMIT;
    return ole2_after_add(j, ls_utf8_put(&j->text, cp));
}

ls_err ole2_put_utf16(struct ole2_job *j, struct ls_slice s)
{
    if (j->text_full) return LS_E_LIMIT;
    /* Convert in pieces so the stage never grows past a chunk or two. */
    for (size_t off = 0; off < s.len;) {
        size_t n = s.len - off < OLE2_TEXT_CHUNK ? s.len - off : OLE2_TEXT_CHUNK;
        struct ls_slice part;
        if (!ls_slice_sub(s, off, n, &part)) break;
        LS_TRY(ole2_after_add(j, ls_utf16_to_utf8(&j->text, part, false)));
        off += n;
    }
    return LS_OK;
}

ls_err ole2_put_cp1252(struct ole2_job *j, struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) LS_TRY(ole2_put_cp(j, ls_cp1252((uint8_t)ls_slice_at(s, i))));
    return LS_OK;
}

ls_err ole2_put_codepage(struct ole2_job *j, const struct ls_codepage *cp, struct ls_slice s)
{
    if (!cp) return ole2_put_cp1252(j, s);
    struct ls_buf u;
    ls_buf_init(&u, s.len > SIZE_MAX / 4 ? SIZE_MAX / 4 : s.len * 3 + 16);
    ls_err e = ls_codepage_to_utf8(&u, s, cp);
    struct ls_slice t = ls_buf_slice(&u);
    if (e == LS_OK) e = ole2_put_n(j, t.ptr, t.len);
    else if (e == LS_E_LIMIT) e = LS_E_NOMEM; /* 3 bytes a byte always fit */
    ls_buf_free(&u);
    return e;
}

static size_t ole2_utf16_units(struct ls_slice v)
{
    size_t n = v.len / 2;
    for (size_t i = 0; i < n; i++) {
        uint16_t u = 0;
        (void)ls_rd_u16le(v, 2 * i, &u);
        if (u == 0) return i;
    }
    return n;
}

ls_err ole2_put_field(struct ole2_job *j, const char *label, struct ls_slice v, bool utf16)
{
    struct ls_slice t;
    if (utf16) {
        (void)ls_slice_sub(v, 0, 2 * ole2_utf16_units(v), &t);
    } else {
        size_t n = ls_slice_find(v, 0, "", 1);
        (void)ls_slice_sub(v, 0, n == SIZE_MAX ? v.len : n, &t);
    }
    if (t.len == 0) return LS_OK;
    LS_TRY(ole2_put(j, label));
    LS_TRY(ole2_put(j, ": "));
    LS_TRY(utf16 ? ole2_put_utf16(j, t) : ole2_put_cp1252(j, t));
    return ole2_put(j, "\n");
}

ls_err ole2_put_number(struct ole2_job *j, double v)
{
    char tmp[64];
    (void)ls_sheet_number(v, tmp, sizeof tmp);
    return ole2_put(j, tmp);
}

/* ---- stream access and children ---------------------------------------- */

ls_err ole2_read(struct ole2_job *j, uint32_t idx, struct ls_buf *out)
{
    return ole2_cfb_read(j->f, idx, out, j->f->data.len);
}

ls_err ole2_read_named(struct ole2_job *j, uint32_t storage, const char *name, struct ls_buf *out)
{
    uint32_t idx = ole2_cfb_find_type(j->f, storage, name, OLE2_T_STREAM);
    LS_FAIL_IF(idx == OLE2_NOSTREAM, LS_E_ARG);
    return ole2_read(j, idx, out);
}

ls_err ole2_child(struct ole2_job *j, const char *name, size_t name_len, struct ls_slice data,
                  bool truncated)
{
    if (j->stop) return LS_E_LIMIT;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = name_len;
    ch.data = data;
    if (truncated) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = LS_R_TRUNCATED;
        ch.error = "ole2: member read from a damaged chain";
    }
    ls_err e = ls_emit_child(j->c, j->o, &ch);
    j->children++;
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) j->stop = true;
    return e;
}

bool ole2_copy_ok(struct ole2_job *j, size_t n)
{
    size_t cap = j->f->data.len <= SIZE_MAX / 2 - 65536 ? 2 * j->f->data.len + 65536 : SIZE_MAX;
    if (n <= cap - j->copied) {
        j->copied += n;
        return true;
    }
    if (!j->stop)
        ls_note(j->c, j->o, LS_R_PARSE_ERROR,
                "ole2: embedded objects and storages add up to more than twice the file's %zu bytes "
                "(directory entries sharing sectors); the rest are not handed on", j->f->data.len);
    j->stop = true;
    return false;
}

ls_err ole2_child_storage(struct ole2_job *j, uint32_t idx, const char *name)
{
    if (j->stop || !ls_budget_child_ok(j->c, j->o)) {
        j->stop = true;
        return LS_E_LIMIT;
    }
    struct ls_buf out;
    bool lossy = false;
    ls_buf_init(&out, j->f->data.len <= SIZE_MAX / 2 ? j->f->data.len * 2 + 65536 : SIZE_MAX);
    ls_err e = ole2_cfb_export(j->f, idx, &out, &lossy);
    if ((e == LS_OK || e == LS_E_LIMIT) && !ole2_copy_ok(j, out.len)) e = LS_E_LIMIT;
    else if (e == LS_OK || e == LS_E_LIMIT)
        e = ole2_child(j, name, strlen(name), ls_buf_slice(&out), lossy || e == LS_E_LIMIT);
    ls_buf_free(&out);
    return e;
}

/* ---- embedded objects and macros ---------------------------------------- */

/* Storage path from below `top` down to idx, e.g. "ObjectPool/_1234",
 * control characters dropped. */
static void ole2_path(const struct ole2_cfb *f, uint32_t top, uint32_t idx, char *out, size_t cap)
{
    uint32_t chain[16];
    unsigned n = 0;
    for (uint32_t i = idx; i < f->ndir && i != top && n < 16; i = f->dir[i].parent) chain[n++] = i;
    size_t o = 0;
    out[0] = '\0';
    while (n-- > 0) {
        for (const char *p = f->dir[chain[n]].name; *p && o + 2 < cap; p++)
            if ((unsigned char)*p >= 0x20) out[o++] = *p;
        if (n > 0 && o + 2 < cap) out[o++] = '/';
    }
    out[o] = '\0';
}

static bool ole2_is_vba_name(const char *n)
{
    return strcmp(n, "VBA") == 0 || strcmp(n, "_VBA_PROJECT_CUR") == 0 || strcmp(n, "Macros") == 0 ||
           strcmp(n, "_VBA_PROJECT") == 0 || strcmp(n, "PROJECTwm") == 0;
}

static bool ole2_under(const struct ole2_cfb *f, uint32_t idx, uint32_t st)
{
    for (unsigned hops = 0; idx < f->ndir && hops < 80; hops++, idx = f->dir[idx].parent)
        if (idx == st) return true;
    return false;
}

/* Alert on a VBA project below st and emit its module source. True if
 * one was found. */
static bool ole2_check_macros(struct ole2_job *j, uint32_t st)
{
    bool found = false;
    for (uint32_t i = 0; i < j->f->ndir; i++) {
        const struct ole2_dirent *d = &j->f->dir[i];
        if (d->parent == OLE2_NOSTREAM || !ole2_is_vba_name(d->name) || !ole2_under(j->f, i, st)) continue;
        if (!found) {
            char path[256];
            ole2_path(j->f, st, i, path, sizeof path);
            ls_note(j->c, j->o, LS_A_MACRO, "ole2: VBA project storage '%s'", path);
        }
        found = true;
        if (d->type == OLE2_T_STORAGE && strcmp(d->name, "VBA") == 0 && !j->text_full)
            (void)ole2_vba_extract(j, i);
    }
    return found;
}

static const char *ole2_basename(const char *p)
{
    const char *b = p;
    for (; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':') b = p + 1;
    return b;
}

/* Append code point cp to out as UTF-8 if it fits (cap includes the NUL). */
static void ole2_name_put(char *out, size_t *o, size_t cap, uint32_t cp)
{
    uint8_t u[4];
    size_t n;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    if (cp < 0x80) {
        u[0] = (uint8_t)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (uint8_t)(0xC0 | (cp >> 6));
        u[1] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 2;
    } else {
        u[0] = (uint8_t)(0xE0 | (cp >> 12));
        u[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 3;
    }
    if (*o + n + 1 > cap) return;
    for (size_t i = 0; i < n; i++) out[(*o)++] = (char)u[i];
}

/* Read a NUL-terminated ANSI (cp1252) string from the cursor into out as
 * UTF-8 (bounded). */
static ls_err ole2_cstr(struct ls_cursor *c, char *out, size_t cap)
{
    size_t o = 0;
    for (;;) {
        uint8_t b;
        LS_TRY(ls_cur_u8(c, &b));
        if (b == 0) break;
        ole2_name_put(out, &o, cap, ls_cp1252(b));
    }
    out[o] = '\0';
    return LS_OK;
}

/* The optional UTF-16 names after a package's data (u32 length in
 * characters, then the characters; temp path, label, source path): the
 * last non-empty one, for when the ANSI names lost characters ('?'). */
static void ole2_wide_name(struct ls_cursor *c, char *out, size_t cap)
{
    char tmp[512];
    for (int k = 0; k < 3; k++) {
        uint32_t n = 0;
        struct ls_slice w;
        if (ls_cur_u32le(c, &n) != LS_OK || n > 4096 || ls_cur_take(c, 2 * (size_t)n, &w) != LS_OK) return;
        size_t o = 0;
        for (size_t i = 0; i + 1 < w.len; i += 2) {
            uint16_t u = 0;
            (void)ls_rd_u16le(w, i, &u);
            if (u == 0) break;
            ole2_name_put(tmp, &o, cap < sizeof tmp ? cap : sizeof tmp, u);
        }
        tmp[o] = '\0';
        if (o > 0) memcpy(out, tmp, o + 1);
    }
}

/* OLE1 Packager payload: size, type, label, source path, temp path, data. */
static ls_err ole2_ole10native(struct ole2_job *j, struct ls_slice s, const char *path)
{
    struct ls_cursor c = ls_cur_make(s);
    uint32_t total, tlen, dlen;
    uint16_t type;
    char label[256], src[512];
    struct ls_slice data;
    LS_TRY(ls_cur_u32le(&c, &total));
    ls_err e = ls_cur_u16le(&c, &type);
    if (e == LS_OK) e = ole2_cstr(&c, label, sizeof label);
    if (e == LS_OK) e = ole2_cstr(&c, src, sizeof src);
    if (e == LS_OK) e = ls_cur_skip(&c, 4);
    if (e == LS_OK) e = ls_cur_u32le(&c, &tlen);
    if (e == LS_OK) e = ls_cur_skip(&c, tlen);
    if (e == LS_OK) e = ls_cur_u32le(&c, &dlen);
    if (e == LS_OK) e = ls_cur_take(&c, dlen, &data);
    if (e != LS_OK) {
        /* Not a package (a raw OLE1 object): the bytes after the size. */
        struct ls_slice raw;
        if (!ls_slice_from(s, 4, &raw)) return LS_E_TRUNCATED;
        char name[320];
        (void)snprintf(name, sizeof name, "%.290s%sOle10Native", path, *path ? "/" : "");
        return ole2_child(j, name, strlen(name), raw, false);
    }
    char wide[512];
    wide[0] = '\0';
    ole2_wide_name(&c, wide, sizeof wide);
    const char *nm = ole2_basename(src);
    if (!*nm) nm = ole2_basename(label);
    if ((!*nm || strchr(nm, '?')) && *ole2_basename(wide)) nm = ole2_basename(wide);
    if (!*nm) nm = "Ole10Native";
    if (*label) {
        LS_TRY(ole2_put(j, "Embedded package: "));
        LS_TRY(ole2_put(j, label));
        LS_TRY(ole2_put(j, "\n"));
    }
    return ole2_child(j, nm, strlen(nm), data, false);
}

static bool ole2_has(const struct ole2_cfb *f, uint32_t st, const char *name)
{
    return ole2_cfb_find(f, st, name) != OLE2_NOSTREAM;
}

static const char *ole2_doc_ext(const struct ole2_cfb *f, uint32_t st)
{
    if (ole2_has(f, st, "WordDocument")) return ".doc";
    if (ole2_has(f, st, "Workbook") || ole2_has(f, st, "Book")) return ".xls";
    if (ole2_has(f, st, "PowerPoint Document")) return ".ppt";
    return NULL;
}

static bool ole2_is_object(const struct ole2_cfb *f, uint32_t st)
{
    return ole2_has(f, st, "\001Ole10Native") || ole2_has(f, st, "Package") || ole2_has(f, st, "CONTENTS") ||
           ole2_has(f, st, "EmbeddedOdf") || ole2_has(f, st, "package_stream");
}

/* One embedded object storage: its payload streams become children. */
static ls_err ole2_object(struct ole2_job *j, uint32_t st, uint32_t obj)
{
    struct ole2_cfb *f = j->f;
    char path[300], name[340];
    ole2_path(f, st, obj, path, sizeof path);
    const char *ext = ole2_doc_ext(f, obj);
    if (ext || msg_storage_is_msg(f, obj)) {
        (void)snprintf(name, sizeof name, "%s%s", path, ext ? ext : ".msg");
        return ole2_child_storage(j, obj, name);
    }
    /* package_stream: the ODF package of an object LibreOffice embeds in
     * .ppt/.doc/.xls (a chart: application/vnd.oasis.opendocument.chart;
     * its .ppt of an ooxml_parser chart slide was "no document stream this
     * handler knows", partial) */
    static const char *const payload[] = {"\001Ole10Native", "Package", "CONTENTS", "EmbeddedOdf",
                                          "package_stream"};
    for (size_t k = 0; k < sizeof payload / sizeof payload[0] && !j->stop; k++) {
        uint32_t s = ole2_cfb_find_type(f, obj, payload[k], OLE2_T_STREAM);
        if (s == OLE2_NOSTREAM) continue;
        struct ls_buf b;
        ls_buf_init(&b, f->data.len);
        ls_err e = ole2_read(j, s, &b);
        if (e == LS_E_NOMEM) {
            ls_buf_free(&b);
            return e;
        }
        if (!ole2_copy_ok(j, b.len)) {
            ls_buf_free(&b);
            return LS_OK;
        }
        if (k == 0) {
            e = ole2_ole10native(j, ls_buf_slice(&b), path);
        } else {
            (void)snprintf(name, sizeof name, "%s%s%s", path, *path ? "/" : "", payload[k]);
            e = ole2_child(j, name, strlen(name), ls_buf_slice(&b), e != LS_OK);
        }
        ls_buf_free(&b);
        if (e == LS_E_NOMEM) return e;
    }
    return LS_OK;
}

/* Every storage below st that holds an object payload or a document. */
static ls_err ole2_objects(struct ole2_job *j, uint32_t st)
{
    struct ole2_cfb *f = j->f;
    for (uint32_t i = 0; i < f->ndir && !j->stop; i++) {
        const struct ole2_dirent *d = &f->dir[i];
        if (i == st || d->type != OLE2_T_STORAGE || d->parent == OLE2_NOSTREAM) continue;
        if (ole2_is_vba_name(d->name) || !ole2_under(f, i, st)) continue;
        /* Only the outermost object: a document inside is exported whole. */
        bool inner = false;
        for (uint32_t p = d->parent; p != st && p < f->ndir && !inner; p = f->dir[p].parent)
            inner = ole2_doc_ext(f, p) || ole2_has(f, p, "\001Ole10Native") || ole2_has(f, p, "Package");
        if (inner) continue;
        ls_err e;
        if (!ole2_doc_ext(f, i) && !ole2_is_object(f, i)) {
            /* an equation's characters are read in place (no payload to hand on) */
            if (!ole2_eqn_has(f, i)) continue;
            e = ole2_eqn_extract(j, i);
        } else {
            e = ole2_object(j, st, i);
        }
        if (e == LS_E_NOMEM) return e;
    }
    return LS_OK;
}

/* ---- dispatch ----------------------------------------------------------- */

/* The licenses of a document protected by Information Rights Management
 * ([MS-OFFCRYPTO] 2.2.6 IRMDS: "\006Primary" streams of the data-space
 * transforms): XrML in clear, naming who issued it and who may open it
 * (e-mail addresses, the rights server). Read as text runs. */
static ls_err ole2_irm_licenses(struct ole2_job *j)
{
    const struct ole2_cfb *f = j->f;
    for (uint32_t i = 1; i < f->ndir; i++) {
        if (f->dir[i].type != OLE2_T_STREAM || strcmp(f->dir[i].name, "\006Primary") != 0) continue;
        struct ls_buf b;
        ls_buf_init(&b, 16u << 20);
        ls_err e = ole2_read(j, i, &b);
        if (e == LS_OK || e == LS_E_LIMIT) e = ole2_raw_text(j, ls_buf_slice(&b));
        ls_buf_free(&b);
        if (e == LS_E_NOMEM || e == LS_E_LIMIT) return e;
    }
    return LS_OK;
}

/* A Word, Excel or PowerPoint 97-2003 file protected by Information Rights
 * Management keeps its content encrypted in "\tDRMContent" (or
 * "\tDRMViewerContent"); its WordDocument/Workbook streams hold only a
 * placeholder ("This document is protected..."). Said as encrypted; the
 * placeholder, the properties and the licenses are still read. */
static ls_err ole2_irm(struct ole2_job *j, uint32_t st)
{
    if (!ole2_has(j->f, st, "\tDRMContent") && !ole2_has(j->f, st, "\tDRMViewerContent")) return LS_OK;
    ls_note(j->c, j->o, LS_R_ENCRYPTED,
            "ole2: protected by Information Rights Management (content encrypted in DRMContent)");
    ls_err e = ole2_irm_licenses(j);
    return e == LS_E_NOMEM ? e : LS_E_ENCRYPTED;
}

/* An OOXML package encrypted with Excel's default password opens without a
 * prompt (ole2_agile.c): decrypted and handed on as the child
 * "EncryptedPackage". True when that was done. */
static bool ole2_default_package(struct ole2_job *j, uint32_t st, ls_err *err)
{
    struct ls_buf info, pkg, out;
    ls_buf_init(&info, 1u << 20);
    ls_buf_init(&pkg, j->f->data.len);
    ls_buf_init(&out, j->f->data.len);
    bool done = false, cut = false;
    *err = LS_OK;
    if (ole2_read_named(j, st, "EncryptionInfo", &info) == LS_OK &&
        ole2_read_named(j, st, "EncryptedPackage", &pkg) == LS_OK) {
        ls_err e = ole2_agile_decrypt(j->c, j->o, ls_buf_slice(&info), ls_buf_slice(&pkg), &out, &cut);
        if (e == LS_E_NOMEM || e == LS_E_TIMEOUT) *err = e;
        if (e == LS_OK) {
            ls_note(j->c, j->o, NULL,
                    "ole2: OOXML package encrypted with Excel's default password (VelvetSweatshop): "
                    "decrypted, read as member 'EncryptedPackage'");
            static const char nm[] = "EncryptedPackage";
            ls_err ce = ole2_child(j, nm, sizeof nm - 1, ls_buf_slice(&out), cut);
            if (ce == LS_E_NOMEM) *err = ce;
            done = true;
        }
    }
    ls_buf_free(&info);
    ls_buf_free(&pkg);
    ls_buf_free(&out);
    return done;
}

/* LS_OK: no encrypted package, or one decrypted (*read set); LS_E_ENCRYPTED:
 * its content cannot be read. */
static ls_err ole2_encrypted_package(struct ole2_job *j, uint32_t st, bool *read)
{
    *read = false;
    if (!ole2_has(j->f, st, "EncryptedPackage")) return LS_OK;
    ls_err de;
    if (ole2_default_package(j, st, &de)) {
        *read = true;
        return de;
    }
    if (de != LS_OK) return de;
    ls_note(j->c, j->o, LS_R_ENCRYPTED, "ole2: password-protected OOXML (EncryptedPackage)");
    ls_err l = ole2_irm_licenses(j); /* an IRM-protected package's licenses */
    if (l == LS_E_NOMEM) return l;
    /* The package is all the document holds; the other streams describe
     * its encryption. Nothing of the content was read, as for an
     * encrypted archive member. */
    ls_set_coverage_none(j->c, j->o);
    return LS_E_ENCRYPTED;
}

static ls_err ole2_worst(ls_err a, ls_err b)
{
    if (a == LS_E_NOMEM || b == LS_E_NOMEM) return LS_E_NOMEM;
    if (a == LS_E_ENCRYPTED || b == LS_E_ENCRYPTED) return LS_E_ENCRYPTED;
    return a != LS_OK ? a : b;
}

/* Whether storage st holds any byte at all: a stream of non-zero size
 * anywhere below the root, or (below a nested storage) a non-empty stream
 * or a storage among its children. Empty compound files (PowerPoint keeps
 * 1.5 KiB ones for deleted objects) have nothing a handler could miss. */
static bool ole2_holds_data(const struct ole2_cfb *f, uint32_t st)
{
    if (st == 0) {
        for (uint32_t i = 1; i < f->ndir; i++)
            if (f->dir[i].type == OLE2_T_STREAM && f->dir[i].size > 0 && f->dir[i].parent != OLE2_NOSTREAM)
                return true;
        return false;
    }
    if (st >= f->ndir) return false;
    uint32_t c = f->dir[st].first_child;
    for (uint32_t n = 0; c != OLE2_NOSTREAM && c < f->ndir && n < f->ndir; n++) {
        if (f->dir[c].type != OLE2_T_STREAM || f->dir[c].size > 0) return true;
        c = f->dir[c].next_sibling;
    }
    return false;
}

/* An oledata.mso (the embedded objects of a Word 2003 XML document or of
 * an Office document saved as a web page, "X_files/oledata.mso"): a
 * compound file whose root holds only streams, each a u32 size and a
 * zlib stream of one object's compound file. */
static bool ole2_is_mso_data(struct ole2_job *j, uint32_t st)
{
    const struct ole2_cfb *f = j->f;
    if (st != 0) return false;
    unsigned n = 0, empty = 0;
    uint32_t first = OLE2_NOSTREAM;
    for (uint32_t c = f->dir[0].first_child, k = 0; c != OLE2_NOSTREAM && c < f->ndir && k < f->ndir;
         c = f->dir[c].next_sibling, k++) {
        if (f->dir[c].type != OLE2_T_STREAM) return false;
        /* LibreOffice 7.4 writes an object it could not save as a stream of
         * its size alone, 4 bytes (ONLYOFFICE-QA's chart_in_table.docx as
         * Word 2003 XML): nothing to read, and no "unsupported" storage */
        if (f->dir[c].size == 4) {
            empty++;
            continue;
        }
        if (f->dir[c].size < 6) return false;
        if (first == OLE2_NOSTREAM) first = c;
        n++;
    }
    if (n == 0) return empty > 0;
    /* the first object's fifth byte starts a zlib header */
    struct ls_buf b;
    ls_buf_init(&b, f->data.len);
    bool z = ole2_read(j, first, &b) == LS_OK && b.len >= 6 &&
             ls_slice_at(ls_buf_slice(&b), 4) == 0x78 &&
             ((ls_slice_at(ls_buf_slice(&b), 4) << 8) | ls_slice_at(ls_buf_slice(&b), 5)) % 31 == 0;
    ls_buf_free(&b);
    return z;
}

/* Each object inflated into a child named by its stream; a damaged one is
 * said (parse_error) and the others still read. */
static ls_err ole2_mso_data(struct ole2_job *j)
{
    const struct ole2_cfb *f = j->f;
    for (uint32_t c = f->dir[0].first_child, k = 0; c != OLE2_NOSTREAM && c < f->ndir && k < f->ndir;
         c = f->dir[c].next_sibling, k++) {
        if (f->dir[c].size < 6) continue; /* an empty object (ole2_is_mso_data) */
        struct ls_buf b;
        ls_buf_init(&b, f->data.len);
        ls_err e = ole2_read(j, c, &b);
        if (e == LS_OK) e = ole2_zchild(j, f->dir[c].name, ls_buf_slice(&b));
        ls_buf_free(&b);
        if (e == LS_E_NOMEM || e == LS_E_LIMIT || e == LS_E_TIMEOUT) return e;
        if (e != LS_OK)
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "ole2: oledata.mso object %s: %s",
                    f->dir[c].name, ls_err_name(e));
    }
    return LS_OK;
}

/*
 * The streams of a Word, Excel or PowerPoint storage that no reader above
 * takes: a document read whole is not scanned raw (pipeline.c,
 * ls_obj_raw_redundant), so a stream a writer or an adversary adds (an
 * Excel "Revision Log" of shared-workbook edits, "User Names", a custom
 * stream holding a copy of the data) was neither read nor scanned while the
 * document said "full". Each is handed on as a child named by its path
 * (identified and scanned as any member: its text and UTF-16 runs). Not
 * handed on: the streams the reader that ran takes (a "Workbook" stream in
 * a .doc is no workbook any reader read), picture streams, OLE's own
 * streams (names starting with \001-\003: CompObj, Ole, OlePres, ObjInfo),
 * the two property sets ole2_props reads, the IRM and encryption streams
 * (\006, \t). Storages no reader takes (a custom storage, MsoDataStore's
 * custom XML, an ActiveX control's "contents" in ObjectPool) are walked for
 * theirs, OLE2_OTHER_DEPTH deep. At most OLE2_OTHER_MAX (limit:members past
 * it).
 */
#define OLE2_OTHER_MAX 1024u
#define OLE2_OTHER_DEPTH 8u
static bool ole2_name_is(const char *a, const char *b) /* CFB names: ASCII case folded */
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a, y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (x != y) return false;
    }
    return *a == *b;
}

static bool ole2_name_in(const char *n, const char *const *list, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (ole2_name_is(n, list[i])) return true;
    return false;
}

/* A stream the reader of a document of extension ext takes, or that holds
 * no text of its own. */
static bool ole2_known_stream(const char *n, const char *ext)
{
    static const char *const any[] = {"PROJECT", "PROJECTwm", "Ctls", "ObjInfo", "EncryptionInfo",
                                      "\005SummaryInformation", "\005DocumentSummaryInformation"};
    static const char *const doc[] = {"WordDocument", "0Table", "1Table", "Data"};
    static const char *const xls[] = {"Workbook", "Book"};
    static const char *const ppt[] = {"PowerPoint Document", "Current User", "Pictures", "Header", "Text_Content",
                                      "EncryptedSummary"};
    unsigned char c0 = (unsigned char)n[0];
    if (c0 >= 1 && c0 <= 3) return true; /* OLE's own */
    if (c0 == 6 || c0 == '\t') return true; /* data spaces, IRM content */
    if (ole2_name_in(n, any, sizeof any / sizeof any[0])) return true;
    if (strcmp(ext, ".doc") == 0) return ole2_name_in(n, doc, sizeof doc / sizeof doc[0]);
    if (strcmp(ext, ".xls") == 0) return ole2_name_in(n, xls, sizeof xls / sizeof xls[0]);
    if (strcmp(ext, ".ppt") == 0) return ole2_name_in(n, ppt, sizeof ppt / sizeof ppt[0]);
    return false; /* no reader ran: none of its streams was read */
}

/* A storage some reader takes: an embedded document or object, an
 * equation, a message, a VBA project, a pivot cache, the data spaces. */
static bool ole2_taken_storage(const struct ole2_cfb *f, uint32_t i, const char *ext)
{
    const char *n = f->dir[i].name;
    if ((unsigned char)n[0] < 0x20 || ole2_is_vba_name(n)) return true;
    if (strcmp(ext, ".xls") == 0 && (strcmp(n, "_SX_DB_CUR") == 0 || strcmp(n, "_SX_DB") == 0)) return true;
    return ole2_doc_ext(f, i) || ole2_is_object(f, i) || ole2_eqn_has(f, i) || msg_storage_is_msg(f, i);
}

struct ole2_other {
    const char *ext; /* the document's: whose reader ran */
    unsigned n;      /* streams handed on */
    uint32_t visits; /* entries looked at, at most ndir */
    size_t bytes;    /* handed on so far: at most the file's size */
};

static ls_err ole2_other_walk(struct ole2_job *j, struct ole2_other *w, uint32_t st, unsigned depth)
{
    struct ole2_cfb *f = j->f;
    for (uint32_t c = f->dir[st].first_child, k = 0; c != OLE2_NOSTREAM && c < f->ndir && k < f->ndir && !j->stop;
         c = f->dir[c].next_sibling, k++) {
        if (++w->visits > f->ndir) return LS_OK;
        const struct ole2_dirent *d = &f->dir[c];
        if (d->type == OLE2_T_STORAGE) {
            if (depth + 1 < OLE2_OTHER_DEPTH && !ole2_taken_storage(f, c, w->ext))
                LS_TRY(ole2_other_walk(j, w, c, depth + 1));
            continue;
        }
        if (d->type != OLE2_T_STREAM || d->size == 0 || ole2_known_stream(d->name, w->ext)) continue;
        if (w->n++ == OLE2_OTHER_MAX) {
            ls_note(j->c, j->o, LS_R_LIMIT_MEMBERS, "ole2: more than %u streams no reader takes: the rest "
                    "not handed on", OLE2_OTHER_MAX);
            j->stop = true;
            return LS_OK;
        }
        char path[300];
        ole2_path(f, OLE2_ROOT, c, path, sizeof path);
        struct ls_buf b;
        ls_buf_init(&b, f->data.len);
        ls_err e = ole2_read(j, c, &b);
        if (e == LS_E_NOMEM) {
            ls_buf_free(&b);
            return e;
        }
        /* Streams own disjoint sectors: together they fit in the file. A
         * hostile directory points 64 streams at one chain (a 4 MB file
         * made 256 MB of members, two minutes of scanning). */
        if (b.len > f->data.len - w->bytes) {
            ls_buf_free(&b);
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "ole2: streams no reader takes claim more bytes than the file "
                    "holds (cross-linked sectors): '%s' and the rest not handed on", path);
            w->n = OLE2_OTHER_MAX + 1;
            j->stop = true;
            return LS_OK;
        }
        w->bytes += b.len;
        e = ole2_child(j, path, strlen(path), ls_buf_slice(&b), e != LS_OK);
        ls_buf_free(&b);
        if (e == LS_E_NOMEM) return e;
    }
    return LS_OK;
}

static ls_err ole2_other_streams(struct ole2_job *j, uint32_t st, const char *ext)
{
    if (st >= j->f->ndir) return LS_OK;
    struct ole2_other w = {.ext = ext};
    bool stop = j->stop;
    ls_err e = ole2_other_walk(j, &w, st, 0);
    if (w.n > OLE2_OTHER_MAX) j->stop = stop; /* objects are still handed on: only this walk stopped */
    return e;
}

/* Extract a document stored in storage st (the root, or nested). */
static ls_err ole2_extract_storage(struct ole2_job *j, uint32_t st)
{
    struct ole2_cfb *f = j->f;
    bool package_read;
    ls_err r = ole2_encrypted_package(j, st, &package_read);
    ls_err e = ole2_props_extract(j, st);
    if (e == LS_E_NOMEM) return e;
    if (r == LS_E_ENCRYPTED || r == LS_E_NOMEM || r == LS_E_TIMEOUT) return r;
    if (package_read) return e; /* the package is the document; the rest describes its encryption */
    ls_err irm = ole2_irm(j, st);
    if (irm == LS_E_NOMEM) return irm;
    if (msg_storage_is_msg(f, st)) return ole2_worst(e, msg_extract_storage(j, st, 0));

    bool vba = ole2_check_macros(j, st), other = false;
    if (ole2_has(f, st, "WordDocument"))
        r = ole2_doc_extract(j, st);
    else if (ole2_has(f, st, "Workbook") || ole2_has(f, st, "Book")) {
        r = ole2_xls_extract(j, st);
        if (r != LS_E_NOMEM && r != LS_E_ENCRYPTED && r != LS_E_TIMEOUT) {
            ls_err p = ole2_xls_pivots(j, st);
            if (p == LS_E_NOMEM || p == LS_E_TIMEOUT || r == LS_OK) r = p;
        }
    } else if (ole2_has(f, st, "PowerPoint Document"))
        r = ole2_ppt_extract(j, st);
    else if (ole2_is_object(f, st))
        r = ole2_object(j, st, st); /* an embedded object on its own (e.g. from ExOleObjStg) */
    else if (ole2_is_mso_data(j, st))
        r = ole2_mso_data(j);
    else if (ole2_eqn_has(f, st))
        r = ole2_eqn_extract(j, st);
    else {
        other = true; /* no reader: every stream is handed on */
        if (ole2_has(f, st, "NativeContent_MAIN"))
            ls_note(j->c, j->o, LS_R_UNSUPPORTED, "ole2: Quattro Pro 9+ workbook: its cells (NativeContent_MAIN, "
                    "binary records, numbers as doubles) are not read; the stream is scanned raw");
        else if (!vba && !ole2_has(f, st, "\005SummaryInformation") &&
            !ole2_has(f, st, "\005DocumentSummaryInformation") && !ole2_has(f, st, "ObjectPool") &&
            ole2_holds_data(f, st))
            ls_note(j->c, j->o, LS_R_UNSUPPORTED, "ole2: no document stream this handler knows");
    }
    if (r == LS_E_NOMEM) return r;
    (void)ole2_flush(j);
    const char *ext = ole2_doc_ext(f, st);
    if (ext || other) {
        ls_err u = ole2_other_streams(j, st, ext ? ext : "");
        if (u == LS_E_NOMEM) return u;
    }
    ls_err o = ole2_objects(j, st);
    return ole2_worst(ole2_worst(ole2_worst(r, irm), e == LS_E_LIMIT ? LS_OK : e), o);
}

static int ole2_probe(const struct ls_object *o)
{
    return ole2_is_cfb(o->data) ? 80 : 0;
}

/* The compound file could not be opened: recover printable runs from the
 * raw bytes (UTF-16 text is invisible to the raw-byte scan). */
static ls_err ole2_unreadable(struct ls_ctx *c, struct ls_object *o, struct ole2_cfb *f, ls_err e)
{
    bool trunc = e == LS_E_TRUNCATED || (f->damage & OLE2_DMG_TRUNCATED);
    ls_note(c, o, trunc ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
            "ole2: compound file unreadable (%s); text recovered by a raw scan",
            f->why[0] ? f->why + 6 : ls_err_name(e));
    struct ole2_job j;
    ole2_job_init(&j, c, o, f);
    ls_err r = ole2_raw_text(&j, o->data);
    ls_err t = ole2_job_finish(&j);
    if (r == LS_E_NOMEM || t == LS_E_NOMEM) return LS_E_NOMEM;
    return trunc ? LS_E_TRUNCATED : LS_E_CORRUPT;
}

ls_err ole2_run(struct ls_ctx *c, struct ls_object *o)
{
    struct ole2_cfb f;
    ls_err e = ole2_cfb_open(&f, o->data);
    if (e != LS_OK) {
        if (e != LS_E_NOMEM) e = ole2_unreadable(c, o, &f, e);
        ole2_cfb_close(&f);
        return e;
    }
    struct ole2_job j;
    ole2_job_init(&j, c, o, &f);
    e = ole2_extract_storage(&j, OLE2_ROOT);
    ls_err t = ole2_job_finish(&j);
    if (f.damage & ~(unsigned)OLE2_DMG_HEADER)
        ls_note(c, o, (f.damage & OLE2_DMG_TRUNCATED) ? LS_R_TRUNCATED : LS_R_PARSE_ERROR, "%s", f.why);
    ole2_cfb_close(&f);
    if (e == LS_E_LIMIT && t == LS_E_LIMIT) e = LS_OK; /* the pipeline noted limit:text */
    if (e == LS_E_ARG) e = LS_OK;
    return e;
}

static ls_err ole2_handler_extract(struct ls_ctx *c, struct ls_object *o)
{
    return ole2_run(c, o);
}

const struct ls_handler ls_handler_ole2 = {
    .name = "ole2",
    .probe = ole2_probe,
    .extract = ole2_handler_extract,
};
