/*
 * PST / OST handler (Outlook Personal Folders, [MS-PST]) through libpff.
 * This is the only file that includes <libpff.h> (and, through it,
 * <libbfio.h>).
 *
 * Reading from memory: libpff opens a libbfio handle; a libbfio handle
 * built with libbfio_handle_initialize() and our own read/seek/size
 * callbacks (pst_io below) reads straight from the object's slice, so the
 * store is never written to disk and no file descriptor is needed.
 * libbfio's ready-made memory range handle is not used: the Debian version
 * reads past the end of the range (see pst_io). The Debian packages ship
 * libbfio's header in libbfio-dev; the build links libpff only (pkg-config
 * libpff names libbfio in Libs.private), so the three libbfio calls are
 * looked up at run time with dlsym() in the libbfio.so.1 libpff already
 * loaded. No syscall is made: fine under the worker's seccomp filter. If
 * the lookup fails the object is noted `unsupported`.
 *
 * Walk: the node tree (NBT parent links) from the root folder, not the
 * contents/hierarchy tables (a damaged table then hides nothing): in each
 * folder its messages (NID type 4: mail, contacts, appointments alike),
 * then its sub folders (type 2), depth <= PST_MAX_FOLDER_DEPTH, count
 * bounded, one item at a time so memory stays bounded by the largest
 * message. Each item becomes one child named "<folder path>/<subject>"
 * (the IPM subtree, "Top of Personal Folders", is left out of the path)
 * whose bytes are a synthesized MIME message (multipart/mixed: headers
 * From/To/Cc/Bcc/Subject, a text/plain part with the plain body, recipient
 * addresses, every other string property (contacts keep their data there)
 * and transport headers, a text/html part, the RTF body as
 * body.rtf, every attachment base64-encoded with its long file name,
 * embedded messages as message/rfc822 parts). The mime handler unpacks it,
 * so a chain reads mail.pst > Inbox/Subject > invoice.xlsx. Option (b) of
 * the design discussion (attachments as siblings named "<msg>!<file>") was
 * rejected: the chain would lose the message level. Folders get no record
 * (like directories in archives); the store's text lists them.
 *
 * libpff drops B-tree pages it cannot read without an error, so each
 * folder's message count is checked against its PidTagContentCount and its
 * PidTagSubfolders flag (both cheap), the contents table only on a
 * mismatch. Tested on valid stores from tests/gen/gen_pst.py.
 *
 * Orphans (folders and messages whose parent folder node is lost) are read
 * under "(orphans)/" and noted.
 *
 * Ignored on purpose: recovered items (libpff_file_recover_items scans all
 * unallocated blocks: slow, and the raw bytes are scanned anyway), search
 * folders and associated (hidden) items, reference attachments
 * (links, no data), named-property metadata.
 *
 * Attacker-controlled: the whole store. libpff does the bounds checking; a
 * store it cannot open is `parse_error`, items it cannot read are counted
 * and noted, the walk goes on.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpff.h>

#include "core/handler.h"
#include "core/watch.h"
#include "extract/mime_decode.h"

#define PST_MAX_FOLDER_DEPTH 64u
#define PST_MAX_FOLDERS 100000u
#define PST_MAX_EMBED 4u             /* embedded messages inside messages */
#define PST_MAX_STR (16u << 20)      /* one string property */
#define PST_MAX_NAME 512u            /* bytes of folder path and subject in a child name */
#define PST_BOUNDARY "=_leaksift_pst_"
#define PST_MAX_NAMESET (1u << 20)   /* names tracked per folder for uniqueness */
#define PST_MAX_PROPS 4096           /* string properties of one item put in its text */

/* Names are capped buffers: keeping what fit is the intent. */
#define PST_KEEP(expr)        \
    do {                      \
        ls_err k_ = (expr);   \
        (void)k_;             \
    } while (0)

struct pst_walk {
    struct ls_ctx *c;
    struct ls_object *o;
    uint64_t folders;
    uint64_t items;
    uint64_t bad_items;
    uint32_t ipm_subtree; /* NID of "Top of Personal Folders", 0 if unknown */
    struct pst_nameset *names; /* names used in the folder being walked */
    bool stop;
    bool text_full;
    ls_err result;
};

static void pst_fail(struct pst_walk *w, ls_err e)
{
    if (e == LS_OK) return;
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT || e == LS_E_NOMEM) w->stop = true;
    if (w->result == LS_OK) w->result = e;
}

static void pst_errmsg(libpff_error_t **err, char *msg, size_t n)
{
    msg[0] = 0;
    if (*err) {
        /* The backtrace's first line names the root cause ("mismatch in
         * file header checksum"); the last only says the open failed. */
        if (libpff_error_backtrace_sprint(*err, msg, n) < 0) msg[0] = 0;
        char *nl = strchr(msg, '\n');
        if (nl) *nl = 0;
        libpff_error_free(err);
    }
}

/* ---- libbfio handle over the object's bytes, resolved at run time ----
 *
 * Not libbfio's own memory range handle: the Debian libbfio (20170123)
 * copies the whole requested size even when the range ends sooner (found
 * by fuzz_pst on a 12-byte store: a 564-byte header read past the input).
 * Our callbacks clamp every read to the slice. */

struct pst_io {
    struct ls_slice data;
    uint64_t pos;
    bool open;
};

static int io_free(intptr_t **h, libbfio_error_t **e)
{
    (void)h;
    (void)e;
    return 1; /* not managed: pst_extract owns the pst_io */
}

static int io_clone(intptr_t **dst, intptr_t *src, libbfio_error_t **e)
{
    (void)dst;
    (void)src;
    (void)e;
    return -1; /* libpff does not clone its file handle */
}

static int io_open(intptr_t *h, int flags, libbfio_error_t **e)
{
    (void)e;
    struct pst_io *io = (struct pst_io *)h;
    if (flags & LIBBFIO_ACCESS_FLAG_WRITE) return -1;
    io->open = true;
    io->pos = 0;
    return 1;
}

static int io_close(intptr_t *h, libbfio_error_t **e)
{
    (void)e;
    ((struct pst_io *)h)->open = false;
    return 0;
}

static ssize_t io_read(intptr_t *h, uint8_t *buf, size_t size, libbfio_error_t **e)
{
    (void)e;
    struct pst_io *io = (struct pst_io *)h;
    if (io->pos >= io->data.len) return 0;
    size_t left = io->data.len - (size_t)io->pos;
    size_t n = size < left ? size : left;
    if (n > SSIZE_MAX) n = SSIZE_MAX;
    struct ls_slice part;
    if (!ls_slice_sub(io->data, (size_t)io->pos, n, &part)) return -1;
    if (n) memcpy(buf, part.ptr, n);
    io->pos += n;
    ls_watch_tick(); /* libpff made progress: the stall watch's clock restarts */
    return (ssize_t)n;
}

static ssize_t io_write(intptr_t *h, const uint8_t *buf, size_t size, libbfio_error_t **e)
{
    (void)h;
    (void)buf;
    (void)size;
    (void)e;
    return -1;
}

static off64_t io_seek(intptr_t *h, off64_t off, int whence, libbfio_error_t **e)
{
    (void)e;
    struct pst_io *io = (struct pst_io *)h;
    int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (int64_t)io->pos
                 : whence == SEEK_END ? (int64_t)io->data.len : -1;
    if (base < 0 || off < -base || off > INT64_MAX - base) return -1;
    io->pos = (uint64_t)(base + off);
    return (off64_t)io->pos;
}

static int io_exists(intptr_t *h, libbfio_error_t **e)
{
    (void)h;
    (void)e;
    return 1;
}

static int io_is_open(intptr_t *h, libbfio_error_t **e)
{
    (void)e;
    return ((struct pst_io *)h)->open ? 1 : 0;
}

static int io_get_size(intptr_t *h, size64_t *size, libbfio_error_t **e)
{
    (void)e;
    *size = ((struct pst_io *)h)->data.len;
    return 1;
}

typedef int (*bfio_init_fn)(libbfio_handle_t **, intptr_t *, int (*)(intptr_t **, libbfio_error_t **),
                            int (*)(intptr_t **, intptr_t *, libbfio_error_t **),
                            int (*)(intptr_t *, int, libbfio_error_t **),
                            int (*)(intptr_t *, libbfio_error_t **),
                            ssize_t (*)(intptr_t *, uint8_t *, size_t, libbfio_error_t **),
                            ssize_t (*)(intptr_t *, const uint8_t *, size_t, libbfio_error_t **),
                            off64_t (*)(intptr_t *, off64_t, int, libbfio_error_t **),
                            int (*)(intptr_t *, libbfio_error_t **),
                            int (*)(intptr_t *, libbfio_error_t **),
                            int (*)(intptr_t *, size64_t *, libbfio_error_t **), uint8_t,
                            libbfio_error_t **);
typedef int (*bfio_free_fn)(libbfio_handle_t **, libbfio_error_t **);
typedef void (*bfio_err_free_fn)(libbfio_error_t **);

struct bfio_api {
    bfio_init_fn init;
    bfio_free_fn free_handle;
    bfio_err_free_fn free_error;
};

static bool bfio_api_load(struct bfio_api *a)
{
    void *p1 = dlsym(RTLD_DEFAULT, "libbfio_handle_initialize");
    void *p2 = dlsym(RTLD_DEFAULT, "libbfio_handle_free");
    void *p3 = dlsym(RTLD_DEFAULT, "libbfio_error_free");
    if (!p1 || !p2 || !p3) return false;
    memcpy(&a->init, &p1, sizeof p1);
    memcpy(&a->free_handle, &p2, sizeof p2);
    memcpy(&a->free_error, &p3, sizeof p3);
    return true;
}

static bool bfio_open_memory(const struct bfio_api *a, struct pst_io *io, libbfio_handle_t **h)
{
    libbfio_error_t *err = NULL;
    int r = a->init(h, (intptr_t *)io, io_free, io_clone, io_open, io_close, io_read, io_write,
                    io_seek, io_exists, io_is_open, io_get_size,
                    LIBBFIO_FLAG_IO_HANDLE_NON_MANAGED | LIBBFIO_FLAG_IO_HANDLE_CLONE_BY_FUNCTION,
                    &err);
    a->free_error(&err);
    return r == 1;
}

/* ---- properties ---- */

/* Append the UTF-8 value of a string property of record set `set`. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static bool item_str(libpff_item_t *it, int set, uint32_t type, struct ls_buf *out)
{
    libpff_error_t *err = NULL;
    size_t n = 0;
    if (libpff_item_get_entry_value_utf8_string_size(it, set, type, &n, 0, &err) != 1 || n == 0 ||
        n > PST_MAX_STR) {
        libpff_error_free(&err);
        return false;
    }
    uint8_t *tmp = malloc(n);
    if (!tmp) return false;
    bool ok = libpff_item_get_entry_value_utf8_string(it, set, type, tmp, n, 0, &err) == 1;
    libpff_error_free(&err);
    size_t len = ok ? strnlen((const char *)tmp, n) : 0;
    if (ok && ls_buf_add(out, tmp, len) == LS_E_NOMEM) ok = false;
    free(tmp);
    return ok && len > 0;
}
#pragma GCC diagnostic pop

/* Body getters share one shape. */
typedef int (*body_size_fn)(libpff_item_t *, size_t *, libpff_error_t **);
typedef int (*body_get_fn)(libpff_item_t *, uint8_t *, size_t, libpff_error_t **);

/* Read a body (bounded by the root's byte budget) into out, charging it. */
static ls_err item_body(struct pst_walk *w, libpff_item_t *it, body_size_fn sz, body_get_fn get,
                        struct ls_buf *out)
{
    libpff_error_t *err = NULL;
    size_t n = 0;
    if (sz(it, &n, &err) != 1 || n == 0) {
        libpff_error_free(&err);
        return LS_OK;
    }
    if (n > ls_budget_left(w->c)) return LS_E_LIMIT;
    uint8_t *tmp = malloc(n);
    if (!tmp) return LS_E_NOMEM;
    ls_err e = LS_OK;
    if (get(it, tmp, n, &err) != 1) {
        libpff_error_free(&err);
        w->bad_items++;
    } else {
        /* Text bodies come NUL-terminated; the RTF body does not. */
        size_t len = n;
        if (tmp[n - 1] == 0) len = strnlen((const char *)tmp, n);
        e = ls_budget_charge(w->c, w->o, n);
        if (e == LS_OK) e = ls_buf_add(out, tmp, len);
    }
    free(tmp);
    return e;
}

/* ---- synthesized MIME ---- */

static ls_err put_b64(struct ls_buf *b, struct ls_slice s)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char line[80];
    size_t k = 0;
    for (size_t i = 0; i < s.len; i += 3) {
        uint32_t v = (uint32_t)s.ptr[i] << 16;
        size_t left = s.len - i;
        if (left > 1) v |= (uint32_t)s.ptr[i + 1] << 8;
        if (left > 2) v |= s.ptr[i + 2];
        line[k++] = tab[(v >> 18) & 63];
        line[k++] = tab[(v >> 12) & 63];
        line[k++] = left > 1 ? tab[(v >> 6) & 63] : '=';
        line[k++] = left > 2 ? tab[v & 63] : '=';
        if (k >= 76 || left <= 3) {
            line[k++] = '\n';
            LS_TRY(ls_buf_add(b, line, k));
            k = 0;
        }
    }
    return LS_OK;
}

/* A header value: CR, LF and other controls become spaces (no header
 * injection from hostile property values). */
static ls_err put_hvalue(struct ls_buf *b, struct ls_slice v)
{
    for (size_t i = 0; i < v.len; i++) {
        uint8_t ch = v.ptr[i];
        LS_TRY(ls_buf_addc(b, ch < 32 || ch == 127 ? ' ' : ch));
    }
    return LS_OK;
}

static ls_err put_header(struct ls_buf *b, const char *name, libpff_item_t *it, uint32_t type)
{
    struct ls_buf v;
    ls_buf_init(&v, PST_MAX_STR);
    ls_err e = LS_OK;
    if (item_str(it, 0, type, &v)) {
        e = ls_buf_printf(b, "%s: ", name);
        if (e == LS_OK) e = put_hvalue(b, ls_buf_slice(&v));
        if (e == LS_OK) e = ls_buf_addc(b, '\n');
    }
    ls_buf_free(&v);
    return e;
}

/* From: "name <address>", either part alone if the other is missing. */
static ls_err put_from(struct ls_buf *b, libpff_item_t *it)
{
    struct ls_buf name, addr;
    ls_buf_init(&name, PST_MAX_NAME);
    ls_buf_init(&addr, PST_MAX_NAME);
    bool has_name = item_str(it, 0, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_NAME, &name);
    bool has_addr = item_str(it, 0, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_EMAIL_ADDRESS, &addr);
    ls_err e = LS_OK;
    if (has_name || has_addr) {
        e = ls_buf_adds(b, "From: ");
        if (e == LS_OK && has_name) e = put_hvalue(b, ls_buf_slice(&name));
        if (e == LS_OK && has_name && has_addr) e = ls_buf_adds(b, " <");
        if (e == LS_OK && has_addr) e = put_hvalue(b, ls_buf_slice(&addr));
        if (e == LS_OK && has_name && has_addr) e = ls_buf_addc(b, '>');
        if (e == LS_OK) e = ls_buf_addc(b, '\n');
    }
    ls_buf_free(&name);
    ls_buf_free(&addr);
    return e;
}

static ls_err put_part_head(struct ls_buf *b, unsigned depth, const char *type,
                            struct ls_slice filename)
{
    LS_TRY(ls_buf_printf(b, "\n--%s%u\nContent-Type: %s\nContent-Transfer-Encoding: base64\n",
                         PST_BOUNDARY, depth, type));
    if (filename.len) {
        /* RFC 2231 extended value, percent-encoded: any bytes survive. */
        LS_TRY(ls_buf_adds(b, "Content-Disposition: attachment; filename*=utf-8''"));
        for (size_t i = 0; i < filename.len; i++) {
            uint8_t ch = filename.ptr[i];
            bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                         (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
            if (plain) LS_TRY(ls_buf_addc(b, ch));
            else LS_TRY(ls_buf_printf(b, "%%%02X", ch));
        }
        LS_TRY(ls_buf_addc(b, '\n'));
    }
    return ls_buf_addc(b, '\n');
}

static ls_err put_part(struct ls_buf *b, unsigned depth, const char *type, const char *fname,
                       struct ls_slice data)
{
    LS_TRY(put_part_head(b, depth, type, ls_slice_make(fname, strlen(fname))));
    return put_b64(b, data);
}

static ls_err synth_item(struct pst_walk *w, libpff_item_t *it, struct ls_buf *b, unsigned depth);

/* One string property as a text line (empty values skipped). */
static void entry_line(libpff_record_entry_t *e, uint32_t type, struct ls_buf *t)
{
    libpff_error_t *err = NULL;
    size_t n = 0;
    if (libpff_record_entry_get_data_as_utf8_string_size(e, &n, &err) != 1 || n <= 1 ||
        n > PST_MAX_STR) {
        libpff_error_free(&err);
        return;
    }
    uint8_t *tmp = malloc(n);
    if (!tmp) return;
    if (libpff_record_entry_get_data_as_utf8_string(e, tmp, n, &err) == 1 &&
        ls_buf_printf(t, "0x%04lx: ", (unsigned long)type) == LS_OK &&
        ls_buf_add(t, tmp, strnlen((const char *)tmp, n)) == LS_OK)
        PST_KEEP(ls_buf_addc(t, '\n'));
    libpff_error_free(&err);
    free(tmp);
}

/* A multi-valued property, from its raw bytes ([MS-PST] 2.3.3.4.2: a
 * count, that many offsets, the values; libpff's multi-value reader gives
 * no values for PT_MV_BINARY): each string of a PT_MV_STRING8/PT_MV_UNICODE
 * (categories, a contact's linked contacts) on a "0xTTTT: value" line, the
 * one-off members inside a PT_MV_BINARY (a distribution list's
 * PidLidDistributionListOneOffMembers and PidLidDistributionListMembers:
 * each member's name and address) as "Member: NAME <ADDRESS>" lines. */
static void entry_multi(libpff_record_entry_t *e, uint32_t type, uint32_t vtype, struct ls_buf *t)
{
    libpff_error_t *err = NULL;
    size_t sz = 0;
    if (libpff_record_entry_get_data_size(e, &sz, &err) != 1 || sz < 4 || sz > PST_MAX_STR) {
        libpff_error_free(&err);
        return;
    }
    uint8_t *raw = malloc(sz);
    if (!raw) return;
    if (libpff_record_entry_get_data(e, raw, sz, &err) == 1) {
        struct ls_slice v = ls_slice_make(raw, sz);
        uint32_t n = 0;
        if (vtype == 0x1102) {
            (void)mime_oneoff_members(t, v, NULL);
        } else if (ls_rd_u32le(v, 0, &n) && n <= (sz - 4) / 4) {
            for (uint32_t i = 0; i < n; i++) {
                uint32_t from = 0, to = (uint32_t)sz;
                if (!ls_rd_u32le(v, 4 + 4 * (size_t)i, &from)) break;
                if (i + 1 < n && !ls_rd_u32le(v, 8 + 4 * (size_t)i, &to)) break;
                struct ls_slice one;
                if (from < 4 + 4 * (size_t)n || to < from || !ls_slice_sub(v, from, to - from, &one)) continue;
                size_t mark = t->len;
                ls_err pe = ls_buf_printf(t, "0x%04lx: ", (unsigned long)type);
                size_t head = t->len;
                if (pe == LS_OK)
                    pe = vtype == 0x101f ? ls_utf16_to_utf8(t, one, false) : ls_codepage_to_utf8(t, one, NULL);
                while (pe == LS_OK && t->len > head && t->ptr[t->len - 1] == 0) t->len--;
                if (pe != LS_OK || t->len == head) t->len = mark; /* empty or cut: no line */
                else PST_KEEP(ls_buf_addc(t, '\n'));
            }
        }
    }
    libpff_error_free(&err);
    free(raw);
}

/* Recipient addresses and transport headers: into the text part. */
static void recipients_text(libpff_item_t *msg, struct ls_buf *t)
{
    libpff_item_t *rec = NULL;
    libpff_error_t *err = NULL;
    int n = 0;
    if (libpff_message_get_recipients(msg, &rec, &err) != 1 || !rec) {
        libpff_error_free(&err);
        return;
    }
    if (libpff_item_get_number_of_record_sets(rec, &n, &err) != 1) n = 0;
    libpff_error_free(&err);
    for (int i = 0; i < n && i < 100000; i++) {
        if (ls_buf_adds(t, "Recipient: ") != LS_OK) break;
        (void)item_str(rec, i, LIBPFF_ENTRY_TYPE_DISPLAY_NAME, t);
        if (ls_buf_adds(t, " <") != LS_OK) break;
        (void)item_str(rec, i, LIBPFF_ENTRY_TYPE_EMAIL_ADDRESS, t);
        if (ls_buf_adds(t, ">\n") != LS_OK) break;
    }
    libpff_item_free(&rec, &err);
    libpff_error_free(&err);
}

/* Properties already written elsewhere (headers, bodies). */
static bool prop_shown(uint32_t type)
{
    static const uint32_t shown[] = {0x0037, 0x0c1a, 0x0c1f, 0x0e02, 0x0e03, 0x0e04,
                                     0x1000, 0x007d, 0x001a, 0x0e1d};
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
        if (shown[i] == type) return true;
    return false;
}

/* Every other string property of the item, one "0xTTTT: value" line each:
 * contacts, appointments and tasks keep their personal data there
 * (phone numbers, addresses, e-mail addresses in named properties);
 * multi-valued strings and distribution list members (entry_multi). */
static void other_strings(libpff_item_t *it, struct ls_buf *t)
{
    libpff_error_t *err = NULL;
    libpff_record_set_t *set = NULL;
    int n = 0;
    if (libpff_item_get_record_set_by_index(it, 0, &set, &err) != 1 || !set ||
        libpff_record_set_get_number_of_entries(set, &n, &err) != 1)
        n = 0;
    libpff_error_free(&err);
    for (int i = 0; i < n && i < PST_MAX_PROPS; i++) {
        libpff_record_entry_t *e = NULL;
        uint32_t type = 0, vtype = 0;
        if (libpff_record_set_get_entry_by_index(set, i, &e, &err) == 1 && e &&
            libpff_record_entry_get_entry_type(e, &type, &err) == 1 &&
            libpff_record_entry_get_value_type(e, &vtype, &err) == 1 &&
            !prop_shown(type)) {
            if (vtype == 0x001e || vtype == 0x001f) entry_line(e, type, t);
            else if (vtype == 0x101e || vtype == 0x101f || vtype == 0x1102) entry_multi(e, type, vtype, t);
        }
        libpff_error_free(&err);
        if (e) libpff_record_entry_free(&e, &err);
        libpff_error_free(&err);
    }
    if (set) libpff_record_set_free(&set, &err);
    libpff_error_free(&err);
}

/* The HTML body is bytes in the message's PidTagInternetCodepage (0x3fde);
 * name the charset so the mime handler decodes it (no name: it guesses
 * UTF-8, else windows-1252). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static void html_type(libpff_item_t *it, char *out, size_t n)
{
    libpff_error_t *err = NULL;
    uint32_t number = 0;
    const char *cs = NULL;
    if (libpff_item_get_entry_value_32bit(it, 0, 0x3fde, &number, 0, &err) == 1) {
        const struct ls_codepage *cp = ls_codepage_by_number(number);
        if (number == 65001) cs = "utf-8";
        else if (cp) cs = ls_codepage_name(cp);
    }
    libpff_error_free(&err);
    if (cs) snprintf(out, n, "text/html; charset=%s", cs);
    else snprintf(out, n, "text/html");
}
#pragma GCC diagnostic pop

static ls_err synth_bodies(struct pst_walk *w, libpff_item_t *it, struct ls_buf *b, unsigned depth)
{
    struct ls_buf t;
    ls_buf_init(&t, (size_t)ls_budget_left(w->c));
    ls_err e = item_body(w, it, libpff_message_get_plain_text_body_size,
                         libpff_message_get_plain_text_body, &t);
    if (e == LS_OK || e == LS_E_LIMIT) {
        if (t.len && ls_buf_addc(&t, '\n') != LS_OK) e = LS_E_LIMIT;
        recipients_text(it, &t);
        other_strings(it, &t);
        (void)item_str(it, 0, LIBPFF_ENTRY_TYPE_MESSAGE_TRANSPORT_HEADERS, &t);
        ls_err pe = put_part(b, depth, "text/plain; charset=utf-8", "", ls_buf_slice(&t));
        if (e == LS_OK) e = pe;
    }
    ls_buf_reset(&t);
    if (e == LS_OK) {
        e = item_body(w, it, libpff_message_get_html_body_size, libpff_message_get_html_body, &t);
        if (t.len && (e == LS_OK || e == LS_E_LIMIT)) {
            char type[64];
            html_type(it, type, sizeof type);
            ls_err pe = put_part(b, depth, type, "", ls_buf_slice(&t));
            if (e == LS_OK) e = pe;
        }
    }
    ls_buf_reset(&t);
    if (e == LS_OK) {
        e = item_body(w, it, libpff_message_get_rtf_body_size, libpff_message_get_rtf_body, &t);
        if (t.len && (e == LS_OK || e == LS_E_LIMIT)) {
            ls_err pe = put_part(b, depth, "application/rtf", "body.rtf", ls_buf_slice(&t));
            if (e == LS_OK) e = pe;
        }
    }
    ls_buf_free(&t);
    return e;
}

/* Attachment data, read in chunks (bounded by the byte budget). */
static ls_err attachment_data(struct pst_walk *w, libpff_item_t *att, struct ls_buf *out)
{
    libpff_error_t *err = NULL;
    size64_t n = 0;
    if (libpff_attachment_get_data_size(att, &n, &err) != 1) {
        libpff_error_free(&err);
        return LS_OK;
    }
    if (n > ls_budget_left(w->c) || n > SIZE_MAX / 2) return LS_E_LIMIT;
    if (libpff_attachment_data_seek_offset(att, 0, SEEK_SET, &err) < 0) {
        libpff_error_free(&err);
        return LS_E_CORRUPT;
    }
    uint8_t chunk[65536];
    while (out->len < n) {
        size_t want = n - out->len < sizeof chunk ? (size_t)(n - out->len) : sizeof chunk;
        ssize_t got = libpff_attachment_data_read_buffer(att, chunk, want, &err);
        if (got <= 0) {
            libpff_error_free(&err);
            return LS_E_TRUNCATED;
        }
        LS_TRY(ls_budget_charge(w->c, w->o, (uint64_t)got));
        LS_TRY(ls_buf_add(out, chunk, (size_t)got));
    }
    return LS_OK;
}

static ls_err synth_embedded(struct pst_walk *w, libpff_item_t *att, struct ls_buf *b,
                             unsigned depth, struct ls_slice fname)
{
    libpff_item_t *sub = NULL;
    libpff_error_t *err = NULL;
    if (depth >= PST_MAX_EMBED || libpff_attachment_get_item(att, &sub, &err) != 1 || !sub) {
        libpff_error_free(&err);
        return LS_OK;
    }
    struct ls_buf m;
    ls_buf_init(&m, b->max);
    ls_err e = synth_item(w, sub, &m, depth + 1);
    if (e == LS_OK || e == LS_E_LIMIT) {
        ls_err pe = put_part_head(b, depth, "message/rfc822", fname);
        if (pe == LS_OK) pe = put_b64(b, ls_buf_slice(&m));
        if (e == LS_OK) e = pe;
    }
    ls_buf_free(&m);
    libpff_item_free(&sub, &err);
    libpff_error_free(&err);
    return e;
}

static ls_err synth_attachment(struct pst_walk *w, libpff_item_t *att, struct ls_buf *b,
                               unsigned depth, int index)
{
    struct ls_buf name;
    ls_buf_init(&name, PST_MAX_NAME);
    if (!item_str(att, 0, LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_LONG, &name) &&
        !item_str(att, 0, LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_SHORT, &name) &&
        !item_str(att, 0, LIBPFF_ENTRY_TYPE_DISPLAY_NAME, &name)) {
        ls_buf_reset(&name);
        PST_KEEP(ls_buf_printf(&name, "attachment-%d", index + 1));
    }
    libpff_error_t *err = NULL;
    int type = 0;
    if (libpff_attachment_get_type(att, &type, &err) != 1) type = 0;
    libpff_error_free(&err);
    ls_err e = LS_OK;
    if (type == LIBPFF_ATTACHMENT_TYPE_ITEM) {
        e = synth_embedded(w, att, b, depth, ls_buf_slice(&name));
    } else if (type == LIBPFF_ATTACHMENT_TYPE_DATA) {
        struct ls_buf data;
        ls_buf_init(&data, (size_t)ls_budget_left(w->c));
        e = attachment_data(w, att, &data);
        if (e == LS_OK || e == LS_E_LIMIT || e == LS_E_TRUNCATED) {
            ls_err pe = put_part_head(b, depth, "application/octet-stream", ls_buf_slice(&name));
            if (pe == LS_OK) pe = put_b64(b, ls_buf_slice(&data));
            if (pe != LS_OK) e = pe;
        }
        ls_buf_free(&data);
    }
    ls_buf_free(&name);
    return e;
}

static ls_err synth_attachments(struct pst_walk *w, libpff_item_t *it, struct ls_buf *b,
                                unsigned depth)
{
    libpff_error_t *err = NULL;
    int n = 0;
    if (libpff_message_get_number_of_attachments(it, &n, &err) != 1) n = 0;
    libpff_error_free(&err);
    ls_err res = LS_OK;
    for (int i = 0; i < n && i < 100000; i++) {
        libpff_item_t *att = NULL;
        if (libpff_message_get_attachment(it, i, &att, &err) != 1 || !att) {
            libpff_error_free(&err);
            w->bad_items++;
            continue;
        }
        ls_err e = synth_attachment(w, att, b, depth, i);
        libpff_item_free(&att, &err);
        libpff_error_free(&err);
        if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
            w->bad_items++;
            continue;
        }
        if (e != LS_OK) {
            res = e;
            break;
        }
    }
    return res;
}

/* Date: the client submit time, else the delivery time (drafts have
 * neither: no line). readpst writes the same field. */
static ls_err put_date(struct ls_buf *b, libpff_item_t *it)
{
    libpff_error_t *err = NULL;
    uint64_t ft = 0;
    int r = libpff_message_get_client_submit_time(it, &ft, &err);
    libpff_error_free(&err);
    if (r != 1 || ft == 0) {
        r = libpff_message_get_delivery_time(it, &ft, &err);
        libpff_error_free(&err);
    }
    if (r != 1 || ft == 0) return LS_OK;
    struct ls_buf d; /* formatted apart: a time out of range writes nothing */
    ls_buf_init(&d, 64);
    ls_err e = mime_filetime_date(&d, ft) ? ls_buf_printf(b, "Date: %s\n", ls_buf_str(&d)) : LS_OK;
    ls_buf_free(&d);
    return e;
}

static ls_err synth_item(struct pst_walk *w, libpff_item_t *it, struct ls_buf *b, unsigned depth)
{
    /* From first: libmagic then calls the message message/rfc822. */
    LS_TRY(put_from(b, it));
    LS_TRY(ls_buf_printf(b, "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"%s%u\"\n",
                         PST_BOUNDARY, depth));
    LS_TRY(put_header(b, "To", it, LIBPFF_ENTRY_TYPE_MESSAGE_DISPLAY_TO));
    LS_TRY(put_header(b, "Cc", it, 0x0e03));  /* PR_DISPLAY_CC */
    LS_TRY(put_header(b, "Bcc", it, 0x0e02)); /* PR_DISPLAY_BCC */
    LS_TRY(put_header(b, "Subject", it, LIBPFF_ENTRY_TYPE_MESSAGE_SUBJECT));
    LS_TRY(put_date(b, it));
    ls_err e = synth_bodies(w, it, b, depth);
    if (e == LS_OK) e = synth_attachments(w, it, b, depth);
    ls_err te = ls_buf_printf(b, "\n--%s%u--\n", PST_BOUNDARY, depth);
    return e != LS_OK ? e : te;
}

/* ---- walk ---- */

/* NID types ([MS-PST] 2.2.2.1): the low 5 bits of a node identifier. */
#define PST_NID_TYPE(id) ((id) & 0x1fu)
#define PST_NID_FOLDER 0x02u
#define PST_NID_MESSAGE 0x04u
#define PST_NID_SEARCH_FOLDER 0x03u /* criteria and links to other folders' messages */

static void append_name(struct ls_buf *n, struct ls_slice s)
{
    for (size_t i = 0; i < s.len && n->len < PST_MAX_NAME; i++) {
        uint8_t ch = s.ptr[i];
        if (ls_buf_addc(n, ch < 32 ? ' ' : ch) != LS_OK) break;
    }
}

/* A subject may open with the normalized-subject marker: U+0001 then one
 * character giving the prefix length ([MS-OXCMSG] 2.2.1.46). Drop both. */
static struct ls_slice subject_text(struct ls_slice s)
{
    struct ls_slice rest;
    if (s.len >= 2 && s.ptr[0] == 0x01 && s.ptr[1] < 0x80 && ls_slice_sub(s, 2, s.len - 2, &rest))
        return rest;
    return s;
}

/* Names used in one folder, as 64-bit hashes with a use count, so the
 * second "Re: hello" becomes "Re: hello (2)" and every chain names one
 * record. Bounded (PST_MAX_NAMESET entries, 12 bytes each); past the bound
 * or without memory names are left as they are. */
struct pst_nameset {
    uint64_t *key; /* 0: empty slot */
    uint32_t *count;
    size_t cap;    /* a power of two */
    size_t n;
};

static uint64_t name_hash(struct ls_slice s)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a */
    for (size_t i = 0; i < s.len; i++) h = (h ^ s.ptr[i]) * 1099511628211ull;
    return h ? h : 1;
}

static size_t nameset_slot(const struct pst_nameset *ns, uint64_t h)
{
    size_t i = (size_t)h & (ns->cap - 1);
    while (ns->key[i] && ns->key[i] != h) i = (i + 1) & (ns->cap - 1);
    return i;
}

static bool nameset_grow(struct pst_nameset *ns)
{
    size_t cap = ns->cap ? ns->cap * 2 : 64;
    if (cap > PST_MAX_NAMESET) return false;
    struct pst_nameset bigger = {calloc(cap, sizeof(uint64_t)), calloc(cap, sizeof(uint32_t)), cap, ns->n};
    if (!bigger.key || !bigger.count) {
        free(bigger.key);
        free(bigger.count);
        return false;
    }
    for (size_t i = 0; i < ns->cap; i++) {
        if (!ns->key[i]) continue;
        size_t j = nameset_slot(&bigger, ns->key[i]);
        bigger.key[j] = ns->key[i];
        bigger.count[j] = ns->count[i];
    }
    free(ns->key);
    free(ns->count);
    *ns = bigger;
    return true;
}

/* How many times name has now been used in this folder (1 = first). */
static uint32_t nameset_bump(struct pst_nameset *ns, struct ls_slice name)
{
    if (!ns || ((ns->n + 1) * 2 > ns->cap && !nameset_grow(ns))) return 1;
    size_t i = nameset_slot(ns, name_hash(name));
    if (!ns->key[i]) {
        ns->key[i] = name_hash(name);
        ns->n++;
    }
    if (ns->count[i] < UINT32_MAX) ns->count[i]++;
    return ns->count[i];
}

static void nameset_free(struct pst_nameset *ns)
{
    free(ns->key);
    free(ns->count);
    memset(ns, 0, sizeof *ns);
}

/* Make the name in b unique in the current folder: " (N)" on repeats. */
static void unique_name(struct pst_walk *w, struct ls_buf *b)
{
    uint32_t k = nameset_bump(w->names, ls_buf_slice(b));
    if (k > 1 && ls_buf_printf(b, " (%lu)", (unsigned long)k) == LS_OK)
        (void)nameset_bump(w->names, ls_buf_slice(b));
}

/* An item libpff cannot read the properties of (damaged PC). */
static bool item_readable(libpff_item_t *it)
{
    libpff_error_t *err = NULL;
    uint32_t n = 0;
    bool ok = libpff_item_get_number_of_entries(it, &n, &err) == 1;
    libpff_error_free(&err);
    return ok;
}

static void emit_item(struct pst_walk *w, libpff_item_t *it, struct ls_slice path, uint32_t id)
{
    if (!item_readable(it)) {
        w->bad_items++;
        return;
    }
    struct ls_buf b, name, subj;
    ls_buf_init(&b, (size_t)ls_budget_left(w->c));
    ls_buf_init(&name, PST_MAX_NAME * 2 + 32);
    ls_buf_init(&subj, PST_MAX_NAME);
    w->items++;
    ls_err e = synth_item(w, it, &b, 0);
    append_name(&name, path);
    if (path.len) PST_KEEP(ls_buf_addc(&name, '/'));
    bool named = item_str(it, 0, LIBPFF_ENTRY_TYPE_MESSAGE_SUBJECT, &subj) &&
                 subject_text(ls_buf_slice(&subj)).len;
    if (!named) {
        ls_buf_reset(&subj); /* contacts have a display name, no subject */
        named = item_str(it, 0, LIBPFF_ENTRY_TYPE_DISPLAY_NAME, &subj);
    }
    if (named)
        append_name(&name, subject_text(ls_buf_slice(&subj)));
    else
        PST_KEEP(ls_buf_printf(&name, "item-%lu", (unsigned long)id));
    unique_name(w, &name);
#ifdef LEAKSIFT_TEST_HOOKS
    /* test builds: an item with this subject spins like a libpff loop would
     * (CPU, no read), so a test can see the stall watch end it */
    if (named && ls_slice_eq_str(subject_text(ls_buf_slice(&subj)), "LEAKSIFT-TEST-STALL"))
        for (volatile unsigned long spin = 0;; spin++) {}
#endif
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name.ptr;
    ch.name_len = name.len;
    ch.data = ls_buf_slice(&b);
    if (e != LS_OK) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = e == LS_E_LIMIT ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        ch.error = "pst: item only partly read";
    }
    if (e != LS_E_NOMEM && !w->stop) {
        /* the item's own processing (a zip attachment, a docx) is not libpff's */
        ls_watch_leave();
        ls_err ce = ls_emit_child(w->c, w->o, &ch);
        ls_watch_enter();
        if (ce == LS_E_LIMIT || ce == LS_E_TIMEOUT) pst_fail(w, ce);
    }
    if (e == LS_E_LIMIT || e == LS_E_NOMEM) pst_fail(w, e);
    ls_buf_free(&b);
    ls_buf_free(&name);
    ls_buf_free(&subj);
}

static void folder_name(libpff_item_t *f, struct ls_buf *out)
{
    libpff_error_t *err = NULL;
    size_t n = 0;
    if (libpff_folder_get_utf8_name_size(f, &n, &err) != 1 || n == 0 || n > PST_MAX_STR) {
        libpff_error_free(&err);
        return;
    }
    uint8_t *tmp = malloc(n);
    if (!tmp) return;
    if (libpff_folder_get_utf8_name(f, tmp, n, &err) == 1)
        append_name(out, ls_slice_make(tmp, strnlen((const char *)tmp, n)));
    libpff_error_free(&err);
    free(tmp);
}

static void walk_folder(struct pst_walk *w, libpff_item_t *folder, struct ls_slice path,
                        unsigned depth);

/* A sub folder: its path is the parent's plus its name, except for the IPM
 * subtree ("Top of Personal Folders"), which every store has: its children
 * read "Inbox/...", as Outlook shows them. */
static void walk_subfolder(struct pst_walk *w, libpff_item_t *sub, struct ls_slice path,
                           unsigned depth, uint32_t id)
{
    struct ls_buf p;
    ls_buf_init(&p, PST_MAX_NAME + 16);
    append_name(&p, path);
    if (!(depth == 0 && w->ipm_subtree && id == w->ipm_subtree)) {
        if (path.len) PST_KEEP(ls_buf_addc(&p, '/'));
        size_t before = p.len;
        folder_name(sub, &p);
        if (p.len == before) PST_KEEP(ls_buf_printf(&p, "folder-%lu", (unsigned long)id));
        unique_name(w, &p);
    }
    walk_folder(w, sub, ls_buf_slice(&p), depth + 1);
    ls_buf_free(&p);
}

/* The folder's children in the node tree (NBT parent links), not its
 * contents and hierarchy tables: a damaged table then hides nothing, and
 * the walk needs one item in memory at a time. One pass for messages,
 * one for sub folders (walk_folder), both in node order; search folders
 * and associated (hidden) items are skipped. Names are made unique within
 * the pass. */
static uint32_t walk_children(struct pst_walk *w, libpff_item_t *folder, struct ls_slice path,
                              unsigned depth, uint32_t want)
{
    libpff_error_t *err = NULL;
    int n = 0;
    uint32_t seen = 0;
    if (libpff_item_get_number_of_sub_items(folder, &n, &err) != 1) {
        libpff_error_free(&err);
        w->bad_items++;
        return 0;
    }
    struct pst_nameset names = {NULL, NULL, 0, 0};
    struct pst_nameset *outer = w->names;
    for (int i = 0; i < n && !w->stop; i++) {
        if (ls_ctx_expired(w->c)) {
            pst_fail(w, LS_E_TIMEOUT);
            break;
        }
        w->names = &names; /* a sub folder's walk sets its own */
        libpff_item_t *sub = NULL;
        uint32_t id = 0;
        if (libpff_item_get_sub_item(folder, i, &sub, &err) != 1 || !sub ||
            libpff_item_get_identifier(sub, &id, &err) != 1) {
            libpff_error_free(&err);
            if (sub) libpff_item_free(&sub, &err);
            libpff_error_free(&err);
            w->bad_items++;
            continue;
        }
        /* a search folder (Outlook's "Search Root") holds no message of its
         * own: it is a sub folder that was read, not a missing one */
        if (PST_NID_TYPE(id) == want ||
            (want == PST_NID_FOLDER && PST_NID_TYPE(id) == PST_NID_SEARCH_FOLDER))
            seen++;
        if (PST_NID_TYPE(id) == want && want == PST_NID_FOLDER)
            walk_subfolder(w, sub, path, depth, id);
        else if (PST_NID_TYPE(id) == want)
            emit_item(w, sub, path, id);
        libpff_item_free(&sub, &err);
        libpff_error_free(&err);
    }
    w->names = outer;
    nameset_free(&names);
    return seen;
}

/* Damage in the node B-tree drops nodes silently (libpff skips a leaf it
 * cannot read). The folder's PidTagContentCount (0x3602, in its own
 * property context: cheap) says how many messages it should hold; only on
 * a mismatch is the contents table read (it can be large) to confirm. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static void check_count(struct pst_walk *w, libpff_item_t *folder, struct ls_slice path,
                        uint32_t seen)
{
    libpff_error_t *err = NULL;
    uint32_t expect = 0;
    int listed = 0;
    if (libpff_item_get_entry_value_32bit(folder, 0, 0x3602, &expect, 0, &err) != 1 ||
        expect == seen) {
        libpff_error_free(&err);
        return;
    }
    if (libpff_folder_get_number_of_sub_messages(folder, &listed, &err) != 1) {
        libpff_error_free(&err);
        ls_note(w->c, w->o, LS_R_PARSE_ERROR,
                "pst: folder \"%.*s\": %lu items expected, %lu found, contents table unreadable",
                (int)path.len, (const char *)path.ptr, (unsigned long)expect, (unsigned long)seen);
        return;
    }
    if (listed > 0 && (uint32_t)listed > seen)
        ls_note(w->c, w->o, LS_R_PARSE_ERROR,
                "pst: folder \"%.*s\": contents table lists %d items, node tree has %lu",
                (int)path.len, (const char *)path.ptr, listed, (unsigned long)seen);
}

/* Same for sub folders, from PidTagSubfolders (0x360a, a flag). */
static void check_subfolders(struct pst_walk *w, libpff_item_t *folder, struct ls_slice path,
                             uint32_t seen)
{
    libpff_error_t *err = NULL;
    uint8_t has = 0;
    int listed = 0;
    if (libpff_item_get_entry_value_boolean(folder, 0, 0x360a, &has, 0, &err) != 1 || !has ||
        seen > 0) {
        libpff_error_free(&err);
        return;
    }
    if (libpff_folder_get_number_of_sub_folders(folder, &listed, &err) != 1 || listed > 0)
        ls_note(w->c, w->o, LS_R_PARSE_ERROR,
                "pst: folder \"%.*s\": has sub folders, none found in the node tree",
                (int)path.len, (const char *)path.ptr);
    libpff_error_free(&err);
}
#pragma GCC diagnostic pop

/* One line per folder in the store's own text: `leaksift text x.pst`
 * lists the tree, and folder names are scanned too. */
static void folder_line(struct pst_walk *w, struct ls_slice path, uint64_t items_before)
{
    struct ls_buf t;
    ls_buf_init(&t, PST_MAX_NAME + 64);
    PST_KEEP(ls_buf_adds(&t, "folder: "));
    PST_KEEP(ls_buf_add(&t, path.len ? path.ptr : (const void *)"/", path.len ? path.len : 1));
    PST_KEEP(ls_buf_printf(&t, " (%llu items)\n",
                           (unsigned long long)(w->items - items_before)));
    if (!w->text_full && ls_emit_text(w->c, w->o, t.ptr, t.len) == LS_E_LIMIT) w->text_full = true;
    ls_buf_free(&t);
}

static void walk_folder(struct pst_walk *w, libpff_item_t *folder, struct ls_slice path,
                        unsigned depth)
{
    if (w->stop) return;
    if (depth > PST_MAX_FOLDER_DEPTH || ++w->folders > PST_MAX_FOLDERS) {
        ls_note(w->c, w->o, LS_R_LIMIT_DEPTH, "pst: folder tree deeper than %u or over %u folders",
                PST_MAX_FOLDER_DEPTH, PST_MAX_FOLDERS);
        w->stop = true;
        return;
    }
    uint64_t before = w->items;
    uint32_t seen = walk_children(w, folder, path, depth, PST_NID_MESSAGE);
    if (!w->stop) check_count(w, folder, path, seen);
    if (depth > 0 || path.len) folder_line(w, path, before);
    seen = walk_children(w, folder, path, depth, PST_NID_FOLDER);
    if (!w->stop) check_subfolders(w, folder, path, seen);
}

/* The NID of the IPM subtree: the last 4 bytes of the message store's
 * PidTagIpmSubTreeEntryId (flags, provider UID, NID; [MS-PST] 2.4.3). 0 if
 * absent or unreadable. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static uint32_t ipm_subtree_nid(libpff_file_t *file)
{
    libpff_error_t *err = NULL;
    libpff_item_t *store = NULL;
    uint8_t eid[24];
    size_t n = 0;
    uint32_t id = 0;
    if (libpff_file_get_message_store(file, &store, &err) == 1 && store &&
        libpff_item_get_entry_value_binary_data_size(store, 0, 0x35e0, &n, 0, &err) == 1 &&
        n == sizeof eid &&
        libpff_item_get_entry_value_binary_data(store, 0, 0x35e0, eid, sizeof eid, 0, &err) == 1) {
        struct ls_cursor c = ls_cur_make(ls_slice_make(eid, sizeof eid));
        if (ls_cur_skip(&c, 20) != LS_OK || ls_cur_u32le(&c, &id) != LS_OK) id = 0;
    }
    libpff_error_free(&err);
    if (store) libpff_item_free(&store, &err);
    libpff_error_free(&err);
    return id;
}
#pragma GCC diagnostic pop

/* ---- handler ---- */

/* Orphans: folders and messages whose parent folder is not in the node tree
 * (a lost B-tree page, a truncated store). libpff keeps them aside; they
 * are walked under the path "(orphans)". Tables and internal nodes have no
 * parent in valid stores too, hence the type filter. */
static void walk_orphans(struct pst_walk *w, libpff_file_t *file)
{
    libpff_error_t *err = NULL;
    int n = 0;
    uint64_t found = 0;
    static const char prefix[] = "(orphans)";
    struct ls_slice path = ls_slice_make(prefix, sizeof prefix - 1);
    struct pst_nameset names = {NULL, NULL, 0, 0};
    if (libpff_file_get_number_of_orphan_items(file, &n, &err) != 1) n = 0;
    libpff_error_free(&err);
    for (int i = 0; i < n && !w->stop; i++) {
        w->names = &names;
        libpff_item_t *it = NULL;
        uint32_t id = 0;
        if (libpff_file_get_orphan_item_by_index(file, i, &it, &err) == 1 && it &&
            libpff_item_get_identifier(it, &id, &err) == 1) {
            if (PST_NID_TYPE(id) == PST_NID_FOLDER || PST_NID_TYPE(id) == PST_NID_MESSAGE) found++;
            if (PST_NID_TYPE(id) == PST_NID_FOLDER) walk_subfolder(w, it, path, 1, id);
            else if (PST_NID_TYPE(id) == PST_NID_MESSAGE) emit_item(w, it, path, id);
        }
        libpff_error_free(&err);
        if (it) libpff_item_free(&it, &err);
        libpff_error_free(&err);
    }
    w->names = NULL;
    nameset_free(&names);
    if (found)
        ls_note(w->c, w->o, LS_R_PARSE_ERROR,
                "pst: %llu folders or items without their parent folder, read as \"%s/...\"",
                (unsigned long long)found, prefix);
}

static ls_err pst_walk_file(struct pst_walk *w, libpff_file_t *file)
{
    libpff_error_t *err = NULL;
    libpff_item_t *root = NULL;
    char msg[256];
    ls_err res = LS_OK;
    w->ipm_subtree = ipm_subtree_nid(file);
    if (libpff_file_get_root_folder(file, &root, &err) != 1 || !root) {
        pst_errmsg(&err, msg, sizeof msg);
        ls_note(w->c, w->o, LS_R_PARSE_ERROR, "pst: no root folder: %s",
                msg[0] ? msg : "not in the node tree");
        res = LS_E_CORRUPT;
    } else {
        walk_folder(w, root, ls_slice_make("", 0), 0);
        libpff_item_free(&root, &err);
    }
    libpff_error_free(&err);
    if (!w->stop) walk_orphans(w, file);
    if (libpff_file_is_corrupted(file, &err) == 1)
        ls_note(w->c, w->o, LS_R_PARSE_ERROR, "pst: libpff reports the store as corrupted");
    libpff_error_free(&err);
    if (w->bad_items)
        ls_note(w->c, w->o, LS_R_PARSE_ERROR, "pst: %llu items or attachments unreadable",
                (unsigned long long)w->bad_items);
    return w->result != LS_OK ? w->result : res;
}

/* A store cut short: the header's ROOT structure says where the file ends
 * ([MS-PST] 2.2.2.5 ibFileEof: at 0xB8, 8 bytes, in a Unicode store
 * (wVer >= 23); at 0xA8, 4 bytes, in an ANSI one (wVer 14, 15)). libpff
 * reads the folders and messages whose blocks are still there and reports
 * nothing of the rest (a copy cut at 90% read `full`). */
static void pst_note_cut(struct ls_ctx *c, struct ls_object *o)
{
    uint16_t ver = 0;
    uint64_t eof = 0;
    uint32_t eof32 = 0;
    if (!ls_rd_u16le(o->data, 10, &ver)) return;
    if (ver >= 23) {
        if (!ls_rd_u64le(o->data, 0xB8, &eof)) return;
    } else if (ver == 14 || ver == 15) {
        if (!ls_rd_u32le(o->data, 0xA8, &eof32)) return;
        eof = eof32;
    } else {
        return;
    }
    if (eof > o->data.len)
        ls_note(c, o, LS_R_TRUNCATED, "pst: the store is cut: its header says %llu bytes, %llu are there",
                (unsigned long long)eof, (unsigned long long)o->data.len);
}

static ls_err pst_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct pst_walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.o = o;
    /* A Personal Address Book (.pab, Outlook 97-2003's contacts) shares
     * the NDB header with client magic "AB"; libpff opens only "SM"/"SO".
     * Its ANSI strings are in the raw bytes the scan reads; the rest is
     * not read: unsupported, not corrupt. */
    struct ls_slice client;
    if (ls_slice_sub(o->data, 8, 2, &client) && ls_slice_eq_str(client, "AB")) {
        ls_note(c, o, LS_R_UNSUPPORTED, "pst: a Personal Address Book (.pab), which libpff does not read");
        return LS_OK;
    }
    pst_note_cut(c, o);
    struct bfio_api api;
    if (!bfio_api_load(&api)) {
        ls_note(c, o, LS_R_UNSUPPORTED, "pst: libbfio not loaded (dlsym failed)");
        return LS_E_DEPENDENCY;
    }
    libbfio_handle_t *h = NULL;
    struct pst_io io = {o->data, 0, false};
    libpff_file_t *file = NULL;
    libpff_error_t *err = NULL;
    char msg[256];
    ls_err res = LS_E_NOMEM;
    bool watched = false;
    if (!bfio_open_memory(&api, &io, &h)) goto out;
    /* libpff runs under the stall watch (core/watch.h) from here to the
     * end, but for the items handed to the pipeline (emit_item) */
    ls_watch_enter();
    watched = true;
    if (libpff_file_initialize(&file, &err) != 1) goto out;
    if (libpff_file_open_file_io_handle(file, h, LIBPFF_OPEN_READ, &err) != 1) {
        pst_errmsg(&err, msg, sizeof msg);
        ls_note(c, o, LS_R_PARSE_ERROR, "pst: libpff cannot open the store: %s", msg);
        res = LS_E_CORRUPT;
        goto out;
    }
    res = pst_walk_file(&w, file);
    (void)libpff_file_close(file, &err);
out:
    libpff_error_free(&err);
    if (file) libpff_file_free(&file, &err);
    libpff_error_free(&err);
    if (h) {
        libbfio_error_t *berr = NULL;
        api.free_handle(&h, &berr);
        api.free_error(&berr);
    }
    if (watched) ls_watch_leave();
    return res;
}

/* "!BDN" then the client magic "SM" (PST/OST) or "SO" (OST 2013), [MS-PST]
 * 2.2.2.6. */
static int pst_probe(const struct ls_object *o)
{
    if (!ls_slice_starts(o->data, "!BDN", 4)) return 0;
    struct ls_slice magic;
    if (!ls_slice_sub(o->data, 8, 2, &magic)) return 0;
    if (ls_slice_eq_str(magic, "SM") || ls_slice_eq_str(magic, "SO")) return 95;
    return 50;
}

const struct ls_handler ls_handler_pst = {
    .name = "pst",
    .probe = pst_probe,
    .extract = pst_extract,
};
