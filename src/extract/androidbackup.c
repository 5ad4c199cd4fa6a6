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
 * key derived from a password the file does not hold: noted `encrypted`,
 * coverage none.
 *
 * The inflated tar is charged to the root's budget as it grows; a cut
 * stream hands over what was inflated, marked truncated. What follows the
 * stream (adb writes one) is hidden there: a further zlib stream, inflated,
 * or other bytes are handed on as "hidden_data" (zeros are padding).
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

#define AB_STREAMS_MAX 16u /* streams read after the tar's */

static bool ab_zlib_header(struct ls_slice d)
{
    int a = ls_slice_at(d, 0), b = ls_slice_at(d, 1);
    return a >= 0 && b >= 0 && (a & 0x0f) == 8 && (a >> 4) <= 7 && ((a << 8) | b) % 31 == 0;
}

static bool ab_zeros(struct ls_slice d)
{
    for (size_t i = 0; i < d.len; i++)
        if (d.ptr[i]) return false;
    return true;
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
        ls_set_coverage_none(c, o); /* the header lines are all that can be read */
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
    ls_err e = LS_OK, z = LS_OK;
    /* the tar's stream, then what follows it: adb writes one stream, so a
     * further one (or other bytes) is hidden there, handed on as
     * "hidden_data" (inflated when it is a zlib stream) */
    for (unsigned n = 0; e == LS_OK && rest.len > 0 && n < AB_STREAMS_MAX; n++) {
        bool zl = n == 0 || ab_zlib_header(rest);
        if (n > 0 && ab_zeros(rest)) break; /* padding */
        ls_buf_reset(&out);
        size_t used = rest.len;
        if (zl) {
            uint64_t left = ls_budget_left(c);
            z = zinflate_stream(rest, 15, &out, left < SIZE_MAX ? (size_t)left : SIZE_MAX, &used, ab_charge, &a);
            if (z == LS_E_NOMEM || z == LS_E_TIMEOUT) {
                e = z;
                break;
            }
        }
        ch.name = n == 0 ? "backup.tar" : "hidden_data";
        ch.name_len = strlen(ch.name);
        ch.data = zl ? ls_buf_slice(&out) : rest;
        ch.flags = 0;
        ch.tags[0] = NULL;
        ch.error = NULL;
        if (zl && z != LS_OK) {
            ch.flags = LS_CHILD_TRUNCATED;
            ch.tags[0] = z == LS_E_LIMIT ? LS_R_LIMIT_BYTES : z == LS_E_CORRUPT ? LS_R_PARSE_ERROR : LS_R_TRUNCATED;
            ch.error = z == LS_E_LIMIT ? "androidbackup: the tar was cut at the byte budget"
                                       : "androidbackup: the compressed tar ends early or is damaged";
        }
        if (!zl || out.len > 0 || z == LS_OK) {
            e = ls_emit_child(c, o, &ch);
            if (e == LS_E_LIMIT) {
                e = LS_OK;
                break;
            }
        }
        if (!zl || z != LS_OK) break; /* the rest cannot be found after a broken stream */
        (void)ls_slice_from(rest, used, &rest);
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
