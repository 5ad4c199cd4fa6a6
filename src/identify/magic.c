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

/* libmagic reads at most this much of each object for the MIME type: its
 * text classification (encoding checks, regex tests) runs over all of it,
 * and was the largest cost per object at 256 KiB. 64 KiB still holds every
 * header the magic database looks for in the formats leaksift handles. */
#define LS_MAGIC_BYTES (64u << 10)
/* The human description comes from the first 16 KiB (it is informative; the
 * MIME type drives everything else). */
#define LS_MAGIC_DESC_BYTES (16u << 10)

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
                       char *desc, size_t desc_cap, bool want_desc)
{
    size_t n = data.len < LS_MAGIC_BYTES ? data.len : LS_MAGIC_BYTES;
    const void *p = data.ptr ? (const void *)data.ptr : (const void *)"";
    const char *r = magic_buffer(m->mime, p, n);
    copy_out(r ? r : "application/octet-stream", mime, mime_cap);
    if (!desc || !desc_cap) return;
    desc[0] = 0;
    /* The description costs a second full pass of libmagic (its regex tests
     * are compiled per call): members get it only when their type is
     * unknown, where it is the only clue (want_desc false otherwise). */
    if (!want_desc && strcmp(mime, "application/octet-stream") != 0) return;
    r = magic_buffer(m->desc, p, n < LS_MAGIC_DESC_BYTES ? n : LS_MAGIC_DESC_BYTES);
    copy_out(r ? r : "data", desc, desc_cap);
}
