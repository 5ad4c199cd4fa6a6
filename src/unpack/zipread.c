/*
 * Random access to the members of an in-memory zip (see zipread.h), for the
 * zip-based document handlers (OOXML, ODF, EPUB, JAR ...).
 *
 * Follows: PKWARE APPNOTE 6.3.x through libarchive's seekable zip reader,
 * which reads the central directory (section 4.3.12) and each local header.
 * ls_zip_open() walks the entries once and keeps their names; libarchive
 * cannot jump to entry i, so ls_zip_read() keeps one reader open and moves
 * forward (skipping is a seek, nothing is inflated); asking for an earlier
 * entry re-opens the reader. Reading in index order is therefore linear,
 * random order costs one header walk per backward step. Members the central
 * directory describes soundly are read directly instead (libdeflate, one
 * call, see zr_direct); anything the direct reader cannot prove it reads as
 * libarchive would goes through libarchive.
 *
 * Attacker-controlled: every size, offset, name and flag. Sizes declared by
 * the archive are never trusted: bytes are counted as they are inflated,
 * charged to the root's budget (ls_budget_charge) and cut at the caller's
 * max. A zip whose central directory has overlapping entries (zipcd.c) is
 * refused by ls_zip_open(): noted as zip_bomb + limit:bytes, LS_E_LIMIT
 * (an addition to the zipread.h contract: callers treat it as any error).
 */
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/pipeline.h"
#include "unpack/unpack_int.h"
#include "unpack/unpack_names.h"
#include "unpack/unpack_sort.h"
#include "unpack/zipcd.h"
#include "unpack/zipread.h"

struct zr_entry {
    size_t name_off; /* into names */
    bool encrypted;
};

struct zr_sorted {
    const char *name;
    size_t index;
};

struct ls_zip {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf names;      /* NUL-separated member names */
    struct zr_entry *ent;
    size_t n, cap;
    struct zr_sorted *sorted; /* by name, for ls_zip_find */
    struct unpack_session ss;
    bool live;                /* ss is open */
    size_t next;              /* index the next header read yields */
    unsigned name_flags;      /* traversal/absolute bits of any member name */
    /* The direct reader (zr_direct): the central directory's entries in
     * libarchive's order, when that order and every name are proved equal;
     * NULL otherwise. */
    struct ls_zipcd_name *cd;
    struct libdeflate_decompressor *inflater;
};

/* Names longer than this are cut (zip allows 64 KiB). */
#define ZR_NAME_MAX 65535u

static ls_err zr_push(struct ls_zip *z, struct archive_entry *e)
{
    if (z->n == z->cap) {
        size_t cap = z->cap ? z->cap * 2 : 64;
        struct zr_entry *p = realloc(z->ent, cap * sizeof *p);
        if (!p) return LS_E_NOMEM;
        z->ent = p;
        z->cap = cap;
    }
    const char *name = archive_entry_pathname(e);
    size_t len = name ? strlen(name) : 0;
    if (len > ZR_NAME_MAX) len = ZR_NAME_MAX;
    z->ent[z->n].name_off = z->names.len;
    z->ent[z->n].encrypted = archive_entry_is_encrypted(e) != 0;
    z->name_flags |= unpack_name_flags(ls_slice_make(name ? name : "", len)) &
                     (UNPACK_NAME_TRAVERSAL | UNPACK_NAME_ABSOLUTE);
    LS_TRY(ls_buf_add(&z->names, name ? name : "", len));
    LS_TRY(ls_buf_addc(&z->names, 0));
    z->n++;
    return LS_OK;
}

static int zr_cmp(const void *a, const void *b)
{
    const struct zr_sorted *x = a, *y = b;
    int r = strcmp(x->name, y->name);
    if (r) return r;
    return x->index < y->index ? -1 : x->index > y->index;
}

static ls_err zr_sort(struct ls_zip *z)
{
    if (z->n == 0) return LS_OK;
    z->sorted = malloc(z->n * sizeof *z->sorted);
    if (!z->sorted) return LS_E_NOMEM;
    for (size_t i = 0; i < z->n; i++) {
        z->sorted[i].name = (const char *)z->names.ptr + z->ent[i].name_off;
        z->sorted[i].index = i;
    }
    unpack_sort(z->sorted, z->n, sizeof *z->sorted, zr_cmp);
    return LS_OK;
}

static void zr_stop(struct ls_zip *z)
{
    if (z->live) unpack_close(&z->ss);
    z->live = false;
    z->next = 0;
}

static ls_err zr_start(struct ls_zip *z)
{
    zr_stop(z);
    ls_err e = unpack_open(&z->ss, z->o->data, UNPACK_MODE_ZIP);
    z->live = true;
    if (e != LS_OK) zr_stop(z);
    return e;
}

/* Walk every header once, keeping the names. */
static ls_err zr_index(struct ls_zip *z)
{
    const struct ls_limits *lim = ls_ctx_limits(z->c);
    unsigned retries = 0;
    for (;;) {
        struct archive_entry *e = NULL;
        int r = unpack_next(&z->ss, &e);
        if (r == ARCHIVE_EOF) return LS_OK;
        if (r == ARCHIVE_RETRY && ++retries < UNPACK_MAX_RETRY) continue;
        if (r == ARCHIVE_FATAL || r == ARCHIVE_RETRY) {
            if (z->n == 0) return LS_E_CORRUPT;
            ls_note(z->c, z->o, LS_R_TRUNCATED, "zip: %s", z->ss.err);
            return LS_OK;
        }
        if (r == ARCHIVE_FAILED) {
            /* The header was read; its entry is unusable but keeps its index
             * so indexes match later walks. */
            ls_note(z->c, z->o, LS_R_PARSE_ERROR, "zip: %s", z->ss.err);
        }
        if (lim && z->n >= lim->max_members) {
            ls_note(z->c, z->o, LS_R_LIMIT_MEMBERS, "zip: more than %llu members",
                    (unsigned long long)lim->max_members);
            return LS_OK;
        }
        if (ls_ctx_expired(z->c)) return LS_E_TIMEOUT;
        LS_TRY(zr_push(z, e));
    }
}

/*
 * The direct reader. Deflated and stored members whose sizes and CRC the
 * central directory and the local header state alike are inflated in one
 * call of libdeflate (1.9x zlib's speed with the CRC on the members of real
 * OOXML files) straight into the caller's buffer, and charged at once. It
 * is used only where its result is the result libarchive would give:
 *
 * - per archive: the directory is sound (no bomb, overlap, missing or
 *   disagreeing local header, encryption, zip64 or prefix), and its entries
 *   sorted by local header offset (libarchive's seekable order,
 *   ls_zipcd_names) carry, one by one, exactly the names libarchive gave
 *   (printable ASCII, no backslash, no Unicode-path extra field, all
 *   distinct: nothing libarchive would rename, so the same name is the same
 *   entry);
 * - per member: method 0 or 8, no flag but those libarchive ignores here,
 *   the local header's CRC and sizes equal the directory's, the data inside
 *   the file, the size within max, the buffer's own cap and the root's
 *   budget (ls_budget_takes: no cut would fall inside it), and the deflate
 *   stream decodes to exactly that size from exactly that many bytes with
 *   that CRC.
 *
 * Anything else, including every failure of the attempt (the buffer is
 * left as it was), goes through libarchive as before: damage, truncation,
 * encryption and cuts are reported by the one reader they always were.
 */
#define ZR_NAME_OK_MAX 4096u

static bool zr_plain_name(struct ls_slice n)
{
    if (n.len == 0 || n.len > ZR_NAME_OK_MAX) return false;
    for (size_t i = 0; i < n.len; i++)
        if (n.ptr[i] < 0x20 || n.ptr[i] > 0x7e || n.ptr[i] == '\\') return false;
    return true;
}

static bool zr_has_upath(struct ls_slice extra)
{
    struct ls_cursor c = ls_cur_make(extra);
    while (ls_cur_left(&c) >= 4) {
        uint16_t id, n;
        struct ls_slice body;
        if (ls_cur_u16le(&c, &id) || ls_cur_u16le(&c, &n) || ls_cur_take(&c, n, &body)) return true;
        if (id == 0x7075) return true;
    }
    return ls_cur_left(&c) != 0;
}

static void zr_direct_prepare(struct ls_zip *z, const struct ls_zipcd_report *r)
{
    if (!r->is_zip || r->bomb || r->zip64 || r->prefix || r->overlaps || r->bad_local ||
        r->encrypted || r->nul_names || r->name_mismatch || r->field_mismatch || r->entries != z->n)
        return;
    struct ls_zipcd_name *cd = NULL;
    size_t n = 0;
    if (ls_zipcd_names(z->o->data, &cd, &n) != LS_OK || n != z->n) {
        free(cd);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = ls_zip_name(z, i);
        if (!zr_plain_name(cd[i].name) || cd[i].name.len != strlen(name) ||
            memcmp(cd[i].name.ptr, name, cd[i].name.len) != 0 || zr_has_upath(cd[i].extra) ||
            zr_has_upath(cd[i].lextra)) {
            free(cd);
            return;
        }
    }
    for (size_t i = 1; i < n; i++) /* z->sorted: by name */
        if (strcmp(z->sorted[i - 1].name, z->sorted[i].name) == 0) {
            free(cd);
            return;
        }
    z->cd = cd;
}

/* LS_OK when member i was read whole into out; any other value: nothing
 * was kept and the caller reads it through libarchive. */
static ls_err zr_direct(struct ls_zip *z, size_t i, size_t max, struct ls_buf *out)
{
    if (!z->cd) return LS_E_UNSUPPORTED;
    const struct ls_zipcd_name *e = &z->cd[i];
    const struct ls_slice zip = z->o->data;
    if ((e->flags & ~0x0806u) != 0) return LS_E_UNSUPPORTED; /* only deflate options, UTF-8 */
    if (e->method != 0 && e->method != 8) return LS_E_UNSUPPORTED;
    if (e->csize >= 0xffffffffu || e->usize >= 0xffffffffu) return LS_E_UNSUPPORTED;
    if (e->method == 0 && e->csize != e->usize) return LS_E_UNSUPPORTED;
    uint32_t sig, lcrc, lcs, lus;
    uint16_t lflags, lmethod, nlen, xlen;
    size_t lo = (size_t)e->local;
    if (!ls_rd_u32le(zip, lo, &sig) || sig != 0x04034b50u || !ls_rd_u16le(zip, lo + 6, &lflags) ||
        !ls_rd_u16le(zip, lo + 8, &lmethod) || !ls_rd_u32le(zip, lo + 14, &lcrc) ||
        !ls_rd_u32le(zip, lo + 18, &lcs) || !ls_rd_u32le(zip, lo + 22, &lus) ||
        !ls_rd_u16le(zip, lo + 26, &nlen) || !ls_rd_u16le(zip, lo + 28, &xlen))
        return LS_E_UNSUPPORTED;
    if (lflags != e->flags || lmethod != e->method || lcrc != e->crc || lcs != e->csize ||
        lus != e->usize)
        return LS_E_UNSUPPORTED;
    struct ls_slice data;
    if (!ls_slice_sub(zip, lo + 30u + nlen + xlen, (size_t)e->csize, &data)) return LS_E_UNSUPPORTED;
    size_t n = (size_t)e->usize;
    /* deflate expands at most 1032:1: a larger claim is a lie, not worth
     * reserving its size for */
    if (e->method == 8 && n / 1032u > (size_t)e->csize) return LS_E_UNSUPPORTED;
    if (n > max || n > out->max - out->len || !ls_budget_takes(z->c, n) || ls_ctx_expired(z->c))
        return LS_E_UNSUPPORTED;
    if (n && ls_buf_reserve(out, out->len + n) != LS_OK) return LS_E_UNSUPPORTED;
    uint8_t none = 0, *dst = n ? out->ptr + out->len : &none; /* an empty buffer's ptr is NULL */
    if (e->method == 8) {
        if (!z->inflater) z->inflater = libdeflate_alloc_decompressor();
        if (!z->inflater) return LS_E_UNSUPPORTED;
        size_t used = 0, made = 0;
        if (libdeflate_deflate_decompress_ex(z->inflater, data.ptr, data.len, dst, n, &used, &made) !=
                LIBDEFLATE_SUCCESS ||
            used != data.len || made != n)
            return LS_E_UNSUPPORTED;
    } else if (n) {
        memcpy(dst, data.ptr, n);
    }
    if (libdeflate_crc32(0, dst, n) != e->crc) return LS_E_UNSUPPORTED;
    if (n && ls_budget_charge(z->c, z->o, n) != LS_OK) return LS_E_INTERNAL; /* cannot: checked */
    if (n) {
        out->len += n;
        out->ptr[out->len] = 0; /* as ls_buf_add leaves it */
    }
    return LS_OK;
}

ls_err ls_zip_open(struct ls_ctx *c, struct ls_object *o, struct ls_zip **out)
{
    *out = NULL;
    struct ls_zipcd_report r;
    (void)ls_zipcd_check(o->data, &r); /* damage is libarchive's to report */
    if (r.nested) return LS_E_CORRUPT; /* its end records are gone: a stored member's are not its */
    if (r.bomb) {
        ls_note(c, o, LS_A_ZIP_BOMB, "%s", r.why);
        ls_note(c, o, LS_R_LIMIT_BYTES, NULL);
        return LS_E_LIMIT;
    }
    struct ls_zip *z = calloc(1, sizeof *z);
    if (!z) return LS_E_NOMEM;
    z->c = c;
    z->o = o;
    ls_buf_init(&z->names, SIZE_MAX - 1);
    ls_err e = zr_start(z);
    if (e == LS_OK) e = zr_index(z);
    zr_stop(z);
    if (e == LS_OK) e = zr_sort(z);
    if (e == LS_OK) zr_direct_prepare(z, &r);
    if (e != LS_OK) {
        ls_zip_close(z);
        return e == LS_E_NOMEM || e == LS_E_TIMEOUT ? e : LS_E_CORRUPT;
    }
    /* A package is a zip too: unzipped, a part named "../x" or "/x" lands
     * outside the folder, whatever the document reader makes of it. */
    if (z->name_flags & UNPACK_NAME_TRAVERSAL)
        ls_note(c, o, LS_A_PATH_TRAVERSAL, "zip: a member name climbs out (..)");
    if (z->name_flags & UNPACK_NAME_ABSOLUTE)
        ls_note(c, o, LS_A_ABSOLUTE_PATH, "zip: a member name is absolute");
    *out = z;
    return LS_OK;
}

void ls_zip_close(struct ls_zip *z)
{
    if (!z) return;
    zr_stop(z);
    ls_buf_free(&z->names);
    free(z->ent);
    free(z->sorted);
    free(z->cd);
    if (z->inflater) libdeflate_free_decompressor(z->inflater);
    free(z);
}

size_t ls_zip_count(const struct ls_zip *z) { return z ? z->n : 0; }

const char *ls_zip_name(const struct ls_zip *z, size_t i)
{
    if (!z || i >= z->n) return NULL;
    return (const char *)z->names.ptr + z->ent[i].name_off;
}

bool ls_zip_find(const struct ls_zip *z, const char *name, size_t *i)
{
    if (!z || !z->sorted || !name) return false;
    size_t lo = 0, hi = z->n;
    while (lo < hi) { /* first entry >= name: duplicates resolve to the first */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(z->sorted[mid].name, name) < 0) lo = mid + 1;
        else hi = mid;
    }
    if (lo == z->n || strcmp(z->sorted[lo].name, name) != 0) return false;
    *i = z->sorted[lo].index;
    return true;
}

/* Position the reader on entry i; *e is its header. */
static ls_err zr_seek(struct ls_zip *z, size_t i, struct archive_entry **e)
{
    if (!z->live || z->next > i) LS_TRY(zr_start(z));
    unsigned retries = 0;
    while (z->next <= i) {
        int r = unpack_next(&z->ss, e);
        if (r == ARCHIVE_RETRY && ++retries < UNPACK_MAX_RETRY) continue;
        if (r == ARCHIVE_EOF || r == ARCHIVE_FATAL || r == ARCHIVE_RETRY) {
            zr_stop(z);
            return LS_E_TRUNCATED;
        }
        if (r == ARCHIVE_FAILED && z->next == i) {
            z->next++;
            return LS_E_CORRUPT;
        }
        z->next++;
    }
    return LS_OK;
}

static ls_err zr_charge(void *ud, uint64_t n)
{
    struct ls_zip *z = ud;
    return ls_budget_charge(z->c, z->o, n);
}

static bool zr_expired(void *ud)
{
    struct ls_zip *z = ud;
    return ls_ctx_expired(z->c);
}

static ls_err zr_result(struct ls_zip *z, const struct unpack_result *res)
{
    switch (res->stop) {
    case UNPACK_DONE: return res->warned ? LS_E_CORRUPT : LS_OK;
    case UNPACK_CUT_MAX:
    case UNPACK_CUT_BUDGET:
    case UNPACK_CUT_BOMB: return LS_E_LIMIT;
    case UNPACK_CUT_TIME: return LS_E_TIMEOUT;
    case UNPACK_ENCRYPTED: return LS_E_ENCRYPTED;
    case UNPACK_FAILED: return LS_E_CORRUPT;
    case UNPACK_FATAL: zr_stop(z); return LS_E_TRUNCATED;
    case UNPACK_SINK_ERROR: return LS_E_NOMEM;
    }
    return LS_E_INTERNAL;
}

ls_err ls_zip_read(struct ls_zip *z, size_t i, size_t max, struct ls_buf *out)
{
    if (!z || i >= z->n || !out) return LS_E_ARG;
    if (z->ent[i].encrypted) return LS_E_ENCRYPTED;
    if (zr_direct(z, i, max, out) == LS_OK) return LS_OK;
    struct archive_entry *e = NULL;
    LS_TRY(zr_seek(z, i, &e));
    if (archive_entry_is_data_encrypted(e)) return LS_E_ENCRYPTED;
    struct unpack_meter m = {
        .charge = zr_charge, .ud = z, .max = max, .expired = zr_expired,
    };
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init_ext(&k, out);
    unpack_read(&z->ss, &m, &k, &res);
    unpack_sink_free(&k);
    if (res.stop == UNPACK_FAILED && archive_entry_is_data_encrypted(e)) return LS_E_ENCRYPTED;
    return zr_result(z, &res);
}
