/*
 * A libarchive reader over an in-memory slice, and the bounded member read
 * (see unpack_int.h).
 *
 * libarchive reads through our callbacks rather than archive_read_open_memory
 * so that (1) every block handed over is at most UNPACK_BLOCK bytes and
 * counted — the compressed side of the per-member ratio check; (2) seeking is
 * available, so zip is read through its central directory (the seekable
 * reader) and 7z works. libarchive converts stored names to the current
 * LC_CTYPE; in the "C" locale every non-ASCII UTF-8 name (zip flag 11, 7z,
 * rar5, pax) would come back NULL, so each call runs under a private
 * C.UTF-8 locale installed with uselocale() for the calling thread only.
 */
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "core/watch.h"
#include "unpack/unpack_int.h"
#include "unpack/unpack_warm.h"

/* libarchive's LHA reader converts a stored name from the code page its
 * extended header 0x46 names (LHa for Windows writes one: 932 in Japan)
 * through iconv, and glibc loads that converter (gconv/CP932.so) from disk
 * the first time one is opened. In a worker's sandbox open(2) is denied:
 * iconv_open failed, every non-ASCII name "cannot be converted from CP932
 * to Unicode", which the reader treats as ARCHIVE_FATAL, and every member
 * from the first such name on was lost. Converters opened here, before the
 * sandbox, and never closed keep their modules loaded: glibc finds them in
 * memory when libarchive opens its own. The Windows ANSI and OEM code pages
 * of the locales LHA is used in; the other readers convert from UTF-8 and
 * UTF-16 only, which glibc has built in. A code page not listed still fails
 * as before (said in the container's errors). */
void ls_unpack_warm_up(void)
{
    static const char *const from[] = {"CP932", "CP936", "CP949", "CP950", "CP1250",
                                       "CP1251", "CP1252", "CP437", "CP850", "CP866"};
    static iconv_t keep[sizeof from / sizeof from[0]];
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
        if (keep[i] == (iconv_t)0 || keep[i] == (iconv_t)-1) keep[i] = iconv_open("UTF-8", from[i]);
}

static la_ssize_t cb_read(struct archive *a, void *ud, const void **buf)
{
    struct unpack_session *ss = ud;
    struct ls_slice blk;
    size_t left = ss->in.len - ss->pos;
    size_t n = left < UNPACK_BLOCK ? left : UNPACK_BLOCK;
    (void)a;
    if (ss->dry) {
        if (ss->dry_at == -2) ss->dry_at = ss->dry_seek ? (int64_t)ss->pos : -1;
        *buf = NULL;
        return ARCHIVE_FATAL;
    }
    if (n == 0 && ss->padded < ss->pad) { /* the zeros after a RAR 5 set (unpack_int.h) */
        static const uint8_t zeros[512];
        size_t z = ss->pad - ss->padded < sizeof zeros ? ss->pad - ss->padded : sizeof zeros;
        ss->padded += z;
        *buf = zeros;
        return (la_ssize_t)z;
    }
    if (n == 0 || !ls_slice_sub(ss->in, ss->pos, n, &blk)) {
        *buf = NULL;
        return 0;
    }
    *buf = blk.ptr;
    ss->pos += n;
    ss->handed += n;
    ls_watch_tick();
    return (la_ssize_t)n;
}

static la_int64_t cb_seek(struct archive *a, void *ud, la_int64_t off, int whence)
{
    struct unpack_session *ss = ud;
    la_int64_t base = 0;
    (void)a;
    if (whence == SEEK_CUR) base = (la_int64_t)ss->pos;
    else if (whence == SEEK_END) base = (la_int64_t)ss->in.len;
    else if (whence != SEEK_SET) return ARCHIVE_FATAL;
    /* Clamp instead of overflowing: base and off come from the archive. */
    if (off < 0 && -off > base) return ARCHIVE_FATAL;
    if (ss->dry) ss->dry_seek = true;
    ls_watch_tick();
    if (off > 0 && (uint64_t)off > (uint64_t)ss->in.len - (uint64_t)base)
        ss->pos = ss->in.len;
    else
        ss->pos = (size_t)(base + off);
    return (la_int64_t)ss->pos;
}

static la_int64_t cb_skip(struct archive *a, void *ud, la_int64_t n)
{
    struct unpack_session *ss = ud;
    size_t left = ss->in.len - ss->pos;
    (void)a;
    if (n <= 0) return 0;
    if ((uint64_t)n > left) n = (la_int64_t)left;
    ss->pos += (size_t)n;
    ls_watch_tick();
    return n;
}

/* libarchive's message for the last failure: at most UNPACK_ERR_SHOWN
 * bytes (a cpio symlink target of 128 KiB came back whole in one), without
 * its trailing line break. */
static void copy_err(struct unpack_session *ss)
{
    const char *m = ss->a ? archive_error_string(ss->a) : NULL;
    snprintf(ss->err, sizeof ss->err, "%.*s", (int)UNPACK_ERR_SHOWN,
             m ? m : "damaged (libarchive gave no detail)");
    size_t n = strlen(ss->err);
    while (n > 0 && (ss->err[n - 1] == '\n' || ss->err[n - 1] == '\r' || ss->err[n - 1] == ' '))
        ss->err[--n] = 0;
}

static void support(struct archive *a, enum unpack_mode mode)
{
    if (mode == UNPACK_MODE_ZIP) {
        archive_read_support_format_zip_seekable(a);
        return;
    }
    if (mode == UNPACK_MODE_ZIP_LOCAL) {
        archive_read_support_format_zip_streamable(a);
        return;
    }
    archive_read_support_filter_all(a);
    if (mode == UNPACK_MODE_ANY) {
        /* Every container format except mtree: an mtree "archive" is a text
         * manifest whose bidder also fires on ordinary text (a gzipped .rst
         * came out as hundreds of empty "members"), and it holds no data. */
        archive_read_support_format_7zip(a);
        archive_read_support_format_ar(a);
        archive_read_support_format_cab(a);
        archive_read_support_format_cpio(a);
        archive_read_support_format_empty(a);
        archive_read_support_format_iso9660(a);
        archive_read_support_format_lha(a);
        archive_read_support_format_rar(a);
        archive_read_support_format_rar5(a);
        archive_read_support_format_tar(a);
        archive_read_support_format_warc(a);
        archive_read_support_format_xar(a);
        archive_read_support_format_zip(a);
    }
    archive_read_support_format_raw(a);
}

ls_err unpack_open(struct unpack_session *ss, struct ls_slice s, enum unpack_mode mode)
{
    return unpack_open_with(ss, s, mode, NULL);
}

ls_err unpack_open_with(struct unpack_session *ss, struct ls_slice s, enum unpack_mode mode,
                        const char *options)
{
    memset(ss, 0, sizeof *ss);
    ss->in = s;
    ss->dry_at = -2;
    ss->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    ss->a = archive_read_new();
    if (!ss->a) return LS_E_NOMEM;
    support(ss->a, mode);
    archive_read_set_read_callback(ss->a, cb_read);
    archive_read_set_seek_callback(ss->a, cb_seek);
    archive_read_set_skip_callback(ss->a, cb_skip);
    archive_read_set_callback_data(ss->a, ss);
    locale_t old = ss->loc ? uselocale(ss->loc) : (locale_t)0;
    /* a charset option opens its converter now, to the current locale's
     * charset: under C.UTF-8 (ARCHIVE_WARN: no reader took it, harmless) */
    if (options) (void)archive_read_set_options(ss->a, options);
    ls_watch_enter();
    int r = archive_read_open1(ss->a);
    ls_watch_leave();
    if (old) uselocale(old);
    if (r == ARCHIVE_OK) return LS_OK;
    copy_err(ss);
    return LS_E_CORRUPT;
}

void unpack_close(struct unpack_session *ss)
{
    if (ss->a) archive_read_free(ss->a);
    ss->a = NULL;
    if (ss->loc) freelocale(ss->loc);
    ss->loc = (locale_t)0;
}

int unpack_next(struct unpack_session *ss, struct archive_entry **e)
{
    locale_t old = ss->loc ? uselocale(ss->loc) : (locale_t)0;
    ls_watch_enter();
    int r = archive_read_next_header(ss->a, e);
    if (r == ARCHIVE_OK || r == ARCHIVE_WARN) {
        /* Readers that build a name as wide characters (LHA, a CAB or zip
         * name with '\\' separators) leave its multibyte form to be made on
         * first use, by the locale current then: made here, under C.UTF-8,
         * and kept by the entry (outside it every non-ASCII name came back
         * NULL and was recorded "?"). */
        (void)archive_entry_pathname(*e);
        (void)archive_entry_symlink(*e);
        (void)archive_entry_hardlink(*e);
    }
    ls_watch_leave();
    if (old) uselocale(old);
    if (r != ARCHIVE_OK && r != ARCHIVE_EOF) copy_err(ss);
    return r;
}

const char *unpack_stop_tag(enum unpack_stop s)
{
    switch (s) {
    case UNPACK_DONE: return NULL;
    case UNPACK_CUT_MAX:
    case UNPACK_CUT_BUDGET: return LS_R_LIMIT_BYTES;
    case UNPACK_CUT_BOMB: return LS_R_LIMIT_BYTES;
    case UNPACK_CUT_TIME: return LS_R_LIMIT_TIME;
    case UNPACK_ENCRYPTED: return LS_R_ENCRYPTED;
    case UNPACK_FAILED: return LS_R_PARSE_ERROR;
    case UNPACK_FATAL: return LS_R_TRUNCATED;
    case UNPACK_SINK_ERROR: return LS_R_LIMIT_MEMORY;
    }
    return LS_R_PARSE_ERROR;
}

/* ---- the bounded read ---- */

struct rd_state {
    struct unpack_session *ss;
    const struct unpack_meter *m;
    struct unpack_sink *k;
    struct unpack_result *res;
    uint64_t handed0;
    uint64_t holes;      /* zeros of holes taken under m->hole_free */
};

/* True if the member is a bomb once it has produced out bytes. */
static bool is_bomb(const struct rd_state *st, uint64_t out)
{
    const struct unpack_meter *m = st->m;
    out -= st->holes < out ? st->holes : out;
    if (m->ratio == 0 || out <= m->floor) return false;
    /* One block of read-ahead, handed over before this member's read began,
     * may belong to it: add it to the denominator so a benign member is
     * never called a bomb (no more than was handed: a single-stream file
     * read whole while bidding has no read-ahead to add). */
    uint64_t ahead = st->handed0 < UNPACK_BLOCK ? st->handed0 : UNPACK_BLOCK;
    uint64_t in = st->res->in + (ahead ? ahead : 1);
    return out / in > m->ratio;
}

/* Store n bytes of p (NULL: zeros), charging them first. */
static enum unpack_stop put(struct rd_state *st, const uint8_t *p, size_t n)
{
    static const uint8_t zeros[4096];
    while (n > 0) {
        uint64_t room = st->m->max - st->res->out;
        if (room == 0) return UNPACK_CUT_MAX;
        size_t take = n;
        if (p == NULL && take > sizeof zeros) take = sizeof zeros;
        if (take > room) take = (size_t)room;
        bool free_hole = p == NULL && st->holes < st->m->hole_free;
        if (free_hole && take > st->m->hole_free - st->holes) take = (size_t)(st->m->hole_free - st->holes);
        ls_err (*charge)(void *, uint64_t) =
            free_hole && st->m->charge_holes ? st->m->charge_holes : st->m->charge;
        /* A refused charge by a member that is itself over the ratio is
         * the member's bomb (the root-level ratio may have refused it). */
        if (charge && charge(st->m->ud, take) != LS_OK)
            return is_bomb(st, st->res->out + take) ? UNPACK_CUT_BOMB : UNPACK_CUT_BUDGET;
        ls_err e = unpack_sink_add(st->k, p ? p : zeros, take);
        st->res->out += take;
        if (free_hole) st->holes += take;
        if (e == LS_E_LIMIT) return UNPACK_CUT_MAX;
        if (e != LS_OK) return UNPACK_SINK_ERROR;
        if (p) {
            struct ls_slice rest;
            if (!ls_slice_from(ls_slice_make(p, n), take, &rest)) return UNPACK_FAILED;
            p = rest.ptr;
        }
        n -= take;
        if (is_bomb(st, st->res->out)) return UNPACK_CUT_BOMB;
    }
    return UNPACK_DONE;
}

/* One data block at offset off (sparse entries may leave holes). */
static enum unpack_stop put_block(struct rd_state *st, const void *buf, size_t size, la_int64_t off)
{
    struct ls_slice blk = ls_slice_make(buf, size);
    if (off >= 0 && (uint64_t)off > st->res->out) {
        uint64_t hole = (uint64_t)off - st->res->out;
        uint64_t room = st->m->max - st->res->out;
        enum unpack_stop s = put(st, NULL, (size_t)(hole < room ? hole : room));
        if (s != UNPACK_DONE) return s;
        if (hole > room) return UNPACK_CUT_MAX;
    } else if (off >= 0 && (uint64_t)off < st->res->out) {
        /* A block overlapping what we have: keep only the new tail. */
        uint64_t dup = st->res->out - (uint64_t)off;
        if (dup >= size) return UNPACK_DONE;
        if (!ls_slice_from(blk, (size_t)dup, &blk)) return UNPACK_FAILED;
    }
    return put(st, blk.ptr, blk.len);
}

static int data_block(struct unpack_session *ss, const void **buf, size_t *size, la_int64_t *off)
{
    locale_t old = ss->loc ? uselocale(ss->loc) : (locale_t)0;
    ls_watch_enter();
    int r = archive_read_data_block(ss->a, buf, size, off);
    ls_watch_leave();
    if (old) uselocale(old);
    return r;
}

void unpack_read(struct unpack_session *ss, const struct unpack_meter *m, struct unpack_sink *k,
                 struct unpack_result *res)
{
    struct rd_state st = {ss, m, k, res, ss->handed, 0};
    unsigned retries = 0;
    memset(res, 0, sizeof *res);
    for (;;) {
        const void *buf = NULL;
        size_t size = 0;
        la_int64_t off = 0;
        if (m->expired && m->expired(m->ud)) {
            res->stop = UNPACK_CUT_TIME;
            return;
        }
        int r = data_block(ss, &buf, &size, &off);
        res->in = ss->handed - st.handed0;
        if (r == ARCHIVE_EOF) {
            /* a hole at a sparse entry's end, as `bsdtar -xO` writes it */
            res->stop = m->tail_to > res->out ? put_block(&st, NULL, 0, (la_int64_t)m->tail_to) : UNPACK_DONE;
            return;
        }
        if (r == ARCHIVE_RETRY && ++retries < UNPACK_MAX_RETRY) continue;
        if (r == ARCHIVE_WARN) {
            res->warned = true;
            copy_err(ss);
        } else if (r != ARCHIVE_OK) {
            copy_err(ss);
            res->stop = r == ARCHIVE_FATAL ? UNPACK_FATAL : UNPACK_FAILED;
            return;
        }
        if (m->skip && size > 0 && buf) {
            uint64_t gone = res->skipped;
            size_t drop = m->skip - gone < size ? (size_t)(m->skip - gone) : size;
            res->skipped += drop;
            buf = (const uint8_t *)buf + drop;
            size -= drop;
            off = -1; /* appended after what was kept */
        }
        if (size > 0 && buf) {
            enum unpack_stop s = put_block(&st, buf, size, off);
            if (s != UNPACK_DONE) {
                res->stop = s;
                return;
            }
        }
    }
}
