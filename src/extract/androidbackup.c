/*
 * Android backups made by `adb backup` (.ab): the app data of a phone, its
 * databases and preferences, as one tar that is zlib-compressed, so the raw
 * bytes show nothing of it. The tar is handed over as one child,
 * "backup.tar", which the archive handler unpacks.
 *
 * Layout (AOSP's BackupManagerService / the Android Backup Extractor's
 * description): the text lines "ANDROID BACKUP", the format version (1-5),
 * "1" or "0" (compressed or not), the encryption ("none" or "AES-256"; an
 * encrypted backup adds the user-password salt, the master-key checksum
 * salt, the PBKDF2 round count, the user-key IV and the encrypted master-key
 * blob as hex lines), each line ended by LF; then the tar, deflated as one
 * zlib stream when compressed. An encrypted backup is AES-256-CBC under a
 * key derived from a password the file does not hold: noted `encrypted`.
 *
 * The inflated tar is charged to the root's budget as it grows; a cut
 * stream hands over what was inflated, marked truncated.
 */
#include "core/handler.h"
#include "extract/zinflate.h"

#include <string.h>

#define AB_MAGIC "ANDROID BACKUP\n"
#define AB_LINE_MAX 64u

/* The next LF-ended line from *at (at most AB_LINE_MAX bytes); false if none. */
static bool ab_line(struct ls_slice d, size_t *at, struct ls_slice *line)
{
    for (size_t i = *at; i < d.len && i - *at <= AB_LINE_MAX; i++) {
        if (d.ptr[i] != '\n') continue;
        *line = ls_slice_make(d.ptr + *at, i - *at);
        *at = i + 1;
        return true;
    }
    return false;
}

static bool ab_is(struct ls_slice s, const char *lit)
{
    size_t n = strlen(lit);
    return s.len == n && memcmp(s.ptr, lit, n) == 0;
}

/* The header's first lines: version, compression, encryption; *body: where
 * the data (or, encrypted, the key lines) start. */
static bool ab_header(struct ls_slice d, bool *compressed, bool *encrypted, size_t *body)
{
    size_t n = sizeof AB_MAGIC - 1;
    if (d.len < n || memcmp(d.ptr, AB_MAGIC, n) != 0) return false;
    size_t at = n;
    struct ls_slice ver, comp, enc;
    if (!ab_line(d, &at, &ver) || !ab_line(d, &at, &comp) || !ab_line(d, &at, &enc)) return false;
    if (ver.len != 1 || ver.ptr[0] < '1' || ver.ptr[0] > '9') return false;
    if (!ab_is(comp, "0") && !ab_is(comp, "1")) return false;
    *compressed = comp.ptr[0] == '1';
    *encrypted = !ab_is(enc, "none");
    *body = at;
    return true;
}

static int ab_probe(const struct ls_object *o)
{
    bool comp, enc;
    size_t body;
    return ab_header(o->data, &comp, &enc, &body) ? 95 : 0;
}

struct ab {
    struct ls_ctx *c;
    struct ls_object *o;
};

static ls_err ab_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct ab *a = ud;
    return zinflate_budget(a->c, a->o, "androidbackup", n, in_used, out_total);
}

static ls_err ab_extract(struct ls_ctx *c, struct ls_object *o)
{
    bool comp, enc;
    size_t body;
    if (!ab_header(o->data, &comp, &enc, &body)) return LS_E_CORRUPT;
    if (enc) {
        ls_note(c, o, LS_R_ENCRYPTED, "androidbackup: the backup is encrypted (AES-256, a password's key)");
        return LS_OK;
    }
    struct ls_slice rest;
    (void)ls_slice_from(o->data, body, &rest);
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = "backup.tar";
    ch.name_len = strlen("backup.tar");
    if (!comp) {
        ch.data = rest;
        ls_err e = ls_emit_child(c, o, &ch);
        return e == LS_E_LIMIT ? LS_OK : e;
    }
    struct ab a = {c, o};
    struct ls_buf out;
    ls_buf_init(&out, SIZE_MAX);
    uint64_t left = ls_budget_left(c);
    ls_err z = zinflate_stream(rest, 15, &out, left < SIZE_MAX ? (size_t)left : SIZE_MAX, NULL, ab_charge, &a);
    ls_err e = LS_OK;
    if (z == LS_E_NOMEM || z == LS_E_TIMEOUT) {
        e = z;
    } else if (out.len > 0 || z == LS_OK) {
        ch.data = ls_buf_slice(&out);
        if (z != LS_OK) {
            ch.flags = LS_CHILD_TRUNCATED;
            ch.tags[0] = z == LS_E_LIMIT ? LS_R_LIMIT_BYTES : z == LS_E_CORRUPT ? LS_R_PARSE_ERROR : LS_R_TRUNCATED;
            ch.error = z == LS_E_LIMIT ? "androidbackup: the tar was cut at the byte budget"
                                       : "androidbackup: the compressed tar ends early or is damaged";
        }
        e = ls_emit_child(c, o, &ch);
        if (e == LS_E_LIMIT) e = LS_OK;
    }
    if (e == LS_OK && z == LS_E_TRUNCATED) ls_note(c, o, LS_R_TRUNCATED, "androidbackup: the backup is cut short");
    if (e == LS_OK && z == LS_E_CORRUPT) ls_note(c, o, LS_R_PARSE_ERROR, "androidbackup: damaged compressed data");
    ls_buf_free(&out);
    return e;
}

const struct ls_handler ls_handler_androidbackup = {
    .name = "androidbackup",
    .probe = ab_probe,
    .extract = ab_extract,
};
