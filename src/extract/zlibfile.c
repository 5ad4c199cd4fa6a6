/*
 * The "zlib" handler: a bare zlib stream (RFC 1950) as a file or a member,
 * `.zlib`/`.zz` files, the streams programs write with zlib's compress()
 * (Qt's qCompress minus its length prefix, MicroStation DGN 8 streams in
 * their compound file, application caches): compressed, so the raw scan
 * sees nothing of them, and libarchive reads gzip but not zlib. Such an
 * object was `full` and clean whatever it held. The stream is inflated and
 * handed over as one child named as the object without its `.zlib`/`.zz`
 * extension (else "inflated"), which the pipeline identifies and reads.
 *
 * Probe: a zlib header (CM 8, window <= 32 KiB, the FCHECK multiple of 31,
 * no preset dictionary) that libmagic also calls zlib (application/zlib)
 * or under a `.zlib`/`.zz` name, and the stream's first bytes inflate
 * without an error (two header bytes pass by chance once in 500 files).
 * The inflated bytes are charged to the root's budget as they grow (a bomb
 * is cut at the bomb ratio: zinflate_budget()); a stream cut short hands
 * over what was inflated, noted truncated; damage after good data:
 * parse_error. Bytes after the stream's end (its Adler-32) are handed on
 * as "trailing_data" unless they are zeros.
 *
 * Attacker-controlled: every byte.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/zinflate.h"

static bool zf_header(struct ls_slice d)
{
    int a = ls_slice_at(d, 0), b = ls_slice_at(d, 1);
    /* FDICT (bit 5 of FLG): a preset dictionary the file does not hold */
    return a >= 0 && b >= 0 && (a & 0x0f) == 8 && (a >> 4) <= 7 && ((a << 8) | b) % 31 == 0 && !(b & 0x20);
}

static bool zf_named(const struct ls_object *o)
{
    return strcmp(o->ext, "zlib") == 0 || strcmp(o->ext, "zz") == 0;
}

static int zf_probe(const struct ls_object *o)
{
    if (!zf_header(o->data)) return 0;
    if (!(o->mime && strcmp(o->mime, "application/zlib") == 0) && !zf_named(o)) return 0;
    struct ls_slice head = o->data;
    if (head.len > 4096) head.len = 4096;
    struct ls_buf out;
    ls_buf_init(&out, 1024);
    ls_err e = zinflate_buf(head, 15, &out, 1024);
    bool ok = (e == LS_OK || e == LS_E_LIMIT || e == LS_E_TRUNCATED) && (out.len > 0 || e == LS_OK);
    ls_buf_free(&out);
    return ok ? 60 : 0;
}

struct zf {
    struct ls_ctx *c;
    struct ls_object *o;
};

static ls_err zf_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct zf *z = ud;
    return zinflate_budget(z->c, z->o, "zlib", n, in_used, out_total);
}

/* The child's name: the object's last path part without its extension, or
 * "inflated". */
static void zf_name(const struct ls_object *o, const uint8_t **name, size_t *len)
{
    *name = (const uint8_t *)"inflated";
    *len = strlen("inflated");
    if (!zf_named(o) || !o->name) return;
    size_t start = o->name_len;
    while (start > 0 && o->name[start - 1] != '/') start--;
    size_t ext = strlen(o->ext) + 1;
    if (o->name_len - start > ext) {
        *name = o->name + start;
        *len = o->name_len - start - ext;
    }
}

static bool zf_zeros(struct ls_slice d)
{
    for (size_t i = 0; i < d.len; i++)
        if (d.ptr[i]) return false;
    return true;
}

static ls_err zf_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct zf z = {c, o};
    struct ls_buf out;
    ls_buf_init(&out, SIZE_MAX);
    size_t used = o->data.len;
    uint64_t left = ls_budget_left(c);
    ls_err r = zinflate_stream(o->data, 15, &out, left < SIZE_MAX ? (size_t)left : SIZE_MAX, &used, zf_charge, &z);
    if (r == LS_E_NOMEM || r == LS_E_TIMEOUT) {
        ls_buf_free(&out);
        return r;
    }
    if (r == LS_E_CORRUPT && out.len == 0) { /* the probe's bytes inflated; nothing else did */
        ls_buf_free(&out);
        ls_note(c, o, LS_R_PARSE_ERROR, "zlib: the stream is damaged at its start");
        return LS_OK;
    }
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    zf_name(o, (const uint8_t **)&ch.name, &ch.name_len);
    ch.data = ls_buf_slice(&out);
    if (r != LS_OK) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = r == LS_E_LIMIT ? LS_R_LIMIT_BYTES : r == LS_E_CORRUPT ? LS_R_PARSE_ERROR : LS_R_TRUNCATED;
        ch.error = r == LS_E_LIMIT     ? "zlib: the stream was cut at the byte budget"
                   : r == LS_E_CORRUPT ? "zlib: the stream is damaged; what came before the damage is read"
                                       : "zlib: the stream ends early (cut short)";
    }
    ls_err e = ls_emit_child(c, o, &ch);
    ls_buf_free(&out);
    if (e == LS_OK && r == LS_OK && used < o->data.len) {
        struct ls_slice rest;
        (void)ls_slice_from(o->data, used, &rest);
        if (!zf_zeros(rest)) {
            ls_note(c, o, NULL, "zlib: %zu bytes after the stream's end are handed on as 'trailing_data'",
                    rest.len);
            memset(&ch, 0, sizeof ch);
            ch.name = "trailing_data";
            ch.name_len = strlen("trailing_data");
            ch.data = rest;
            e = ls_emit_child(c, o, &ch);
        }
    }
    return e == LS_E_LIMIT ? LS_OK : e;
}

const struct ls_handler ls_handler_zlib = {
    .name = "zlib",
    .probe = zf_probe,
    .extract = zf_extract,
};
