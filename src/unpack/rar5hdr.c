/*
 * RAR 5.0 header walk (rar5hdr.h). Every header: CRC32 (not checked: a
 * damaged header only costs the flag), vint size, then type, flags, the
 * optional extra and data area sizes, the type's fields and the extra area;
 * the data area follows the header. Only file headers are decoded, as far
 * as their name and extra area.
 */
#include <stdlib.h>

#include "unpack/rar5hdr.h"

#define R5_HFL_EXTRA 0x0001u
#define R5_HFL_DATA 0x0002u
#define R5_FHFL_UTIME 0x0002u
#define R5_FHFL_CRC32 0x0004u
#define R5_HEAD_FILE 2u
#define R5_HEAD_CRYPT 4u
#define R5_HEAD_END 5u
#define R5_EXTRA_CRYPT 1u
/* A vint holds at most 64 bits: 10 bytes of 7. */
#define R5_VINT_MAX 10u

static ls_err r5_vint(struct ls_cursor *c, uint64_t *v)
{
    uint64_t x = 0;
    for (unsigned i = 0; i < R5_VINT_MAX; i++) {
        uint8_t b;
        LS_TRY(ls_cur_u8(c, &b));
        x |= (uint64_t)(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) {
            *v = x;
            return LS_OK;
        }
    }
    return LS_E_CORRUPT;
}

static ls_err r5_skip(struct ls_cursor *c, uint64_t n)
{
    LS_FAIL_IF(n > ls_cur_left(c), LS_E_TRUNCATED);
    return ls_cur_skip(c, (size_t)n);
}

/* True if the extra area holds a file encryption record. */
static bool r5_extra_crypt(struct ls_slice extra)
{
    struct ls_cursor c = ls_cur_make(extra);
    while (ls_cur_left(&c) > 0) {
        uint64_t size, type;
        struct ls_slice rec;
        if (r5_vint(&c, &size) != LS_OK || size > ls_cur_left(&c) ||
            ls_cur_take(&c, (size_t)size, &rec) != LS_OK)
            return false;
        struct ls_cursor rc = ls_cur_make(rec);
        if (r5_vint(&rc, &type) != LS_OK) return false;
        if (type == R5_EXTRA_CRYPT) return true;
    }
    return false;
}

/* The fields of a file header, cursor after the common part; extra is the
 * header's extra area. */
static ls_err r5_file(struct ls_cursor *c, struct ls_slice extra, struct ls_rar5_file *f)
{
    uint64_t fflags, unp, attr, comp, host, nlen;
    LS_TRY(r5_vint(c, &fflags));
    LS_TRY(r5_vint(c, &unp));
    LS_TRY(r5_vint(c, &attr));
    if (fflags & R5_FHFL_UTIME) LS_TRY(ls_cur_skip(c, 4));
    if (fflags & R5_FHFL_CRC32) LS_TRY(ls_cur_skip(c, 4));
    LS_TRY(r5_vint(c, &comp));
    LS_TRY(r5_vint(c, &host));
    LS_TRY(r5_vint(c, &nlen));
    LS_FAIL_IF(nlen > ls_cur_left(c), LS_E_CORRUPT);
    LS_TRY(ls_cur_take(c, (size_t)nlen, &f->name));
    f->encrypted = r5_extra_crypt(extra);
    return LS_OK;
}

static ls_err r5_push(struct ls_rar5_file **v, size_t *n, size_t *cap,
                      const struct ls_rar5_file *f)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        struct ls_rar5_file *p = realloc(*v, nc * sizeof *p);
        if (!p) return LS_E_NOMEM;
        *v = p;
        *cap = nc;
    }
    (*v)[(*n)++] = *f;
    return LS_OK;
}

/* One header at the cursor; *type says which. A file header is pushed. */
static ls_err r5_header(struct ls_cursor *c, uint64_t *type, struct ls_rar5_file **v,
                        size_t *n, size_t *cap)
{
    uint32_t crc;
    uint64_t size, flags, esize = 0, dsize = 0;
    struct ls_slice h;
    LS_TRY(ls_cur_u32le(c, &crc));
    LS_TRY(r5_vint(c, &size));
    LS_FAIL_IF(size == 0 || size > LS_RAR5_MAX_HEADER, LS_E_CORRUPT);
    LS_FAIL_IF(size > ls_cur_left(c), LS_E_TRUNCATED);
    LS_TRY(ls_cur_take(c, (size_t)size, &h));
    struct ls_cursor hc = ls_cur_make(h);
    LS_TRY(r5_vint(&hc, type));
    LS_TRY(r5_vint(&hc, &flags));
    if (flags & R5_HFL_EXTRA) LS_TRY(r5_vint(&hc, &esize));
    if (flags & R5_HFL_DATA) LS_TRY(r5_vint(&hc, &dsize));
    LS_FAIL_IF(esize > ls_cur_left(&hc), LS_E_CORRUPT);
    if (*type == R5_HEAD_FILE) {
        struct ls_rar5_file f = {ls_slice_make(NULL, 0), false};
        struct ls_slice extra;
        LS_FAIL_IF(!ls_slice_from(h, h.len - (size_t)esize, &extra), LS_E_CORRUPT);
        LS_TRY(r5_file(&hc, extra, &f));
        LS_TRY(r5_push(v, n, cap, &f));
    }
    return r5_skip(c, dsize);
}

static ls_err r5_walk(struct ls_slice rar, struct ls_rar5_file **out, size_t *n, bool *ended)
{
    struct ls_cursor c = ls_cur_make(rar);
    size_t cap = 0;
    ls_err e = LS_OK;
    *out = NULL;
    *n = 0;
    *ended = false;
    if (!ls_slice_starts(rar, LS_RAR5_SIG, LS_RAR5_SIG_LEN)) return LS_E_CORRUPT;
    LS_TRY(ls_cur_skip(&c, LS_RAR5_SIG_LEN));
    /* each header takes at least 6 bytes: the loop ends */
    while (ls_cur_left(&c) > 0) {
        uint64_t type = 0;
        e = r5_header(&c, &type, out, n, &cap);
        if (e != LS_OK) break;
        if (type == R5_HEAD_END) {
            *ended = true;
            break;
        }
        if (type == R5_HEAD_CRYPT) {
            e = LS_E_ENCRYPTED;
            break;
        }
    }
    if (e == LS_E_NOMEM) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return e;
}

ls_err ls_rar5_files(struct ls_slice rar, struct ls_rar5_file **out, size_t *n)
{
    bool ended;
    return r5_walk(rar, out, n, &ended);
}

ls_err ls_rar5_files_end(struct ls_slice rar, struct ls_rar5_file **out, size_t *n, bool *ended)
{
    return r5_walk(rar, out, n, ended);
}

bool ls_rar5_volume(struct ls_slice rar)
{
    struct ls_cursor c = ls_cur_make(rar);
    uint32_t crc;
    uint64_t size, type = 0, flags = 0, skip = 0, arcflags = 0;
    if (!ls_slice_starts(rar, LS_RAR5_SIG, LS_RAR5_SIG_LEN) || ls_cur_skip(&c, LS_RAR5_SIG_LEN) != LS_OK ||
        ls_cur_u32le(&c, &crc) != LS_OK || r5_vint(&c, &size) != LS_OK || r5_vint(&c, &type) != LS_OK ||
        type != 1 || r5_vint(&c, &flags) != LS_OK)
        return false;
    if ((flags & R5_HFL_EXTRA) && r5_vint(&c, &skip) != LS_OK) return false;
    if ((flags & R5_HFL_DATA) && r5_vint(&c, &skip) != LS_OK) return false;
    return r5_vint(&c, &arcflags) == LS_OK && (arcflags & 1u);
}
