/* libmagic wrapper: one magic_t per worker, bytes already in memory. */
#include <magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identify/identify.h"

struct ls_magic {
    magic_t mime;  /* MAGIC_MIME_TYPE */
    magic_t desc;  /* MAGIC_NONE: the human description */
};

/* libmagic reads at most this much of each object: the magic database never
 * looks deeper than ~1 MiB, and 256 KiB keeps identification fast. */
#define LS_MAGIC_BYTES (256u << 10)

static magic_t open_one(int flags, char *err, size_t errlen)
{
    magic_t m = magic_open(flags | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS);
    if (!m) {
        snprintf(err, errlen, "libmagic: magic_open failed");
        return NULL;
    }
    if (magic_load(m, NULL) != 0) {
        snprintf(err, errlen, "libmagic: cannot load the magic database: %s",
                 magic_error(m) ? magic_error(m) : "unknown error");
        magic_close(m);
        return NULL;
    }
    size_t bytes = LS_MAGIC_BYTES;
    magic_setparam(m, MAGIC_PARAM_BYTES_MAX, &bytes);
    return m;
}

ls_err ls_magic_open(struct ls_magic **out, char *err, size_t errlen)
{
    struct ls_magic *m = calloc(1, sizeof *m);
    if (!m) return LS_E_NOMEM;
    m->mime = open_one(MAGIC_MIME_TYPE, err, errlen);
    m->desc = m->mime ? open_one(MAGIC_NONE, err, errlen) : NULL;
    if (!m->desc) {
        ls_magic_close(m);
        return LS_E_DEPENDENCY;
    }
    *out = m;
    return LS_OK;
}

void ls_magic_close(struct ls_magic *m)
{
    if (!m) return;
    if (m->mime) magic_close(m->mime);
    if (m->desc) magic_close(m->desc);
    free(m);
}

static void copy_out(const char *s, char *out, size_t cap)
{
    if (!cap) return;
    snprintf(out, cap, "%s", s ? s : "");
}

void ls_magic_identify(struct ls_magic *m, struct ls_slice data, char *mime, size_t mime_cap,
                       char *desc, size_t desc_cap)
{
    size_t n = data.len < LS_MAGIC_BYTES ? data.len : LS_MAGIC_BYTES;
    const void *p = data.ptr ? (const void *)data.ptr : (const void *)"";
    const char *r = magic_buffer(m->mime, p, n);
    copy_out(r ? r : "application/octet-stream", mime, mime_cap);
    r = magic_buffer(m->desc, p, n);
    copy_out(r ? r : "data", desc, desc_cap);
}
