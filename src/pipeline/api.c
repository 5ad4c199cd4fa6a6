/* The public API (include/leaksift/leaksift.h): configuration, engine,
 * workers, one call per root. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/limits.h"
#include "pipeline/pipeline.h"
#include "pipeline/sibling.h"
#include "pipeline/splitset.h"
#include "extract/pdf_cidu.h"

void ls_limits_default(struct ls_limits *l)
{
    l->max_depth = LS_DEF_MAX_DEPTH;
    l->root_bytes_min = LS_DEF_ROOT_BYTES_MIN;
    l->root_bytes_factor = LS_DEF_ROOT_BYTES_FACTOR;
    l->bomb_ratio = LS_DEF_BOMB_RATIO;
    l->bomb_floor = LS_DEF_BOMB_FLOOR;
    l->max_members = LS_DEF_MAX_MEMBERS;
    l->max_text = LS_DEF_MAX_TEXT;
    l->max_scan = LS_DEF_MAX_SCAN;
    l->root_time_s = LS_DEF_ROOT_TIME_S;
    l->yara_timeout_s = LS_DEF_YARA_TIMEOUT_S;
    l->spill_threshold = LS_DEF_SPILL_THRESHOLD;
    l->max_evidence = LS_DEF_MAX_EVIDENCE;
    l->stall_s = LS_DEF_STALL_S;
}

void ls_config_default(struct ls_config *c)
{
    memset(c, 0, sizeof *c);
    ls_limits_default(&c->limits);
    c->quarantine_mask = (1u << LS_VERDICT_SENSITIVE) | (1u << LS_VERDICT_HOSTILE) |
                         (1u << LS_VERDICT_INCOMPLETE);
}

static char *dupstr(const char *s)
{
    return s ? strdup(s) : NULL;
}

static ls_err engine_copy_config(struct ls_engine *e, const struct ls_config *cfg)
{
    e->cfg = *cfg;
    if (cfg->n_rule_paths) {
        e->rule_paths = calloc(cfg->n_rule_paths, sizeof *e->rule_paths);
        if (!e->rule_paths) return LS_E_NOMEM;
        for (size_t i = 0; i < cfg->n_rule_paths; i++)
            if (!(e->rule_paths[i] = dupstr(cfg->rule_paths[i]))) return LS_E_NOMEM;
    }
    e->cfg.rule_paths = (const char *const *)e->rule_paths;
    e->identifiers_path = dupstr(cfg->identifiers_path);
    e->cfg.identifiers_path = e->identifiers_path;
    e->user_key = cfg->fp_key != NULL;
    e->fp_key_len = cfg->fp_key ? cfg->fp_key_len : 32;
    e->fp_key = malloc(e->fp_key_len ? e->fp_key_len : 1);
    if (!e->fp_key) return LS_E_NOMEM;
    if (cfg->fp_key) {
        if (cfg->fp_key_len) memcpy(e->fp_key, cfg->fp_key, cfg->fp_key_len);
    } else if (!ls_random(e->fp_key, e->fp_key_len)) {
        return LS_E_DEPENDENCY;
    }
    e->cfg.fp_key = e->fp_key;
    e->cfg.fp_key_len = e->fp_key_len;
    return LS_OK;
}

ls_err ls_engine_new(const struct ls_config *cfg, struct ls_engine **out, char *err, size_t errlen)
{
    struct ls_engine *e = calloc(1, sizeof *e);
    if (!e) return LS_E_NOMEM;
    ls_err rc = engine_copy_config(e, cfg);
    if (rc == LS_OK) rc = ls_rules_compile(&e->cfg, &e->rules, err, errlen);
    else snprintf(err, errlen, "cannot set up the engine: %s", ls_err_name(rc));
    if (rc != LS_OK) {
        ls_engine_free(e);
        return rc;
    }
    *out = e;
    return LS_OK;
}

void ls_engine_free(struct ls_engine *e)
{
    if (!e) return;
    if (e->rules) ls_rules_free(e->rules);
    for (size_t i = 0; e->rule_paths && i < e->cfg.n_rule_paths; i++) free(e->rule_paths[i]);
    free(e->rule_paths);
    free(e->identifiers_path);
    if (e->fp_key) {
        memset(e->fp_key, 0, e->fp_key_len);
        free(e->fp_key);
    }
    free(e);
}

const char *ls_engine_rules_hash(const struct ls_engine *e) { return ls_rules_hash(e->rules); }
unsigned ls_engine_rule_count(const struct ls_engine *e) { return ls_rules_count(e->rules); }
const char *ls_engine_warnings(const struct ls_engine *e) { return ls_rules_warnings(e->rules); }

ls_err ls_worker_new(const struct ls_engine *e, struct ls_worker **out, char *err, size_t errlen)
{
    struct ls_worker *w = calloc(1, sizeof *w);
    if (!w) return LS_E_NOMEM;
    w->eng = e;
    ls_err rc = ls_magic_open(&w->magic, err, errlen);
    /* the PDF reader's CJK tables (poppler-data): read before the workers
     * fork, as the magic database is; without them that text stays unread */
    (void)ls_pdf_cidu_load();
    if (rc == LS_OK) {
        rc = ls_scanner_new(e->rules, e->cfg.limits.yara_timeout_s, &w->scanner);
        if (rc != LS_OK) snprintf(err, errlen, "libyara: cannot create a scanner");
    }
    if (rc != LS_OK) {
        ls_worker_free(w);
        return rc;
    }
    *out = w;
    return LS_OK;
}

void ls_worker_free(struct ls_worker *w)
{
    if (!w) return;
    ls_magic_close(w->magic);
    ls_scanner_free(w->scanner);
    free(w);
}

void ls_root_id(const char *path, char out[17])
{
    uint8_t d[32];
    ls_sha256(ls_slice_make(path, strlen(path)), d);
    ls_hex(d, 8, out);
}

/* ---- reading a root ---- */

struct root_bytes {
    struct ls_slice s;
    void *heap;
    void *map;
    size_t map_len;
    int err;         /* errno of a failed read, 0 if none */
    uint64_t *starts; /* a split archive's part starts (load_parts), or NULL */
};

static void root_bytes_free(struct root_bytes *rb)
{
    free(rb->starts);
    free(rb->heap);
    if (rb->map) munmap(rb->map, rb->map_len);
}

/* Read fd to EOF into the heap, at most cap bytes (more: *more = true). */
static int read_all(int fd, size_t hint, size_t cap, struct root_bytes *rb, bool *more)
{
    /* cap + 1 and the doubling below must not wrap (--spill past the
     * address space made cap SIZE_MAX: size 0, realloc(p, 0) freed p and
     * the freed buffer became the root's bytes) */
    if (cap > SIZE_MAX / 4) cap = SIZE_MAX / 4;
    if (hint > cap) hint = cap;
    size_t size = hint ? hint + 1 : 65536, len = 0;
    if (size > cap + 1) size = cap + 1;
    uint8_t *p = malloc(size ? size : 1);
    if (!p) return ENOMEM;
    for (;;) {
        if (len == size) {
            if (size > cap) {
                *more = true;
                break;
            }
            size_t ns = size * 2 > cap + 1 ? cap + 1 : size * 2;
            uint8_t *np = realloc(p, ns);
            if (!np) break;
            p = np;
            size = ns;
        }
        ssize_t r = read(fd, p + len, size - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            rb->err = errno;
            break;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    if (len > cap) len = cap;
    rb->heap = p;
    rb->s = ls_slice_make(p, len);
    return 0;
}

static int load_root(int fd, const struct ls_limits *lim, struct root_bytes *rb, bool *more)
{
    struct stat sb;
    memset(rb, 0, sizeof *rb);
    *more = false;
    if (fstat(fd, &sb) != 0) return errno;
    /* Small and medium files are read (a file truncated under us then just
     * reads short); large ones are mapped, their pages read on demand. */
    if (S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > lim->spill_threshold) {
        void *m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            madvise(m, (size_t)sb.st_size, MADV_SEQUENTIAL);
            rb->map = m;
            rb->map_len = (size_t)sb.st_size;
            rb->s = ls_slice_make(m, (size_t)sb.st_size);
            return 0;
        }
    }
    size_t cap = (size_t)(lim->spill_threshold > (1ull << 30) ? lim->spill_threshold : (1ull << 30));
    return read_all(fd, S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 0, cap, rb, more);
}

/* A regular root file larger than max_scan that has holes (a sparse file:
 * a disk image, a database preallocated): its data extents, found with
 * SEEK_DATA/SEEK_HOLE, into c->root_ext, so that the scan reads its data
 * rather than the first max_scan bytes, often all zeros (pipeline.c,
 * scan_root_extents()). Without holes, without SEEK_DATA (EINVAL: another
 * file system) or on any error, nothing is set and the scan is as for any
 * file. At most ROOT_EXT_MAX extents: the last one then runs to the end.
 * The holes are trusted only as far as is cheap to check: the file's size
 * must be the size loaded and its size and times the same after the pass
 * (a file changed between the read and the pass), and every hole is
 * sampled in the bytes loaded (s: the scan reads the same), its first and
 * last byte and up to ROOT_HOLE_SAMPLES spread over it, fewer when there
 * are many holes (a file system that reports holes over data: OpenZFS
 * 2.2.0's SEEK_DATA bug). The first ROOT_HOLE_FULL bytes of holes are
 * read whole (a memcmp pass at memory speed; a file loaded on the heap, up
 * to spill_threshold, is always read whole): 64 samples over a 64 MiB hole
 * step 1 MiB, and a reported hole holding a short record between zeros (a
 * disk image, a preallocated database: an SSN line at 40 MiB + 12345) was
 * missed by every sample while the root said `full`. A non-zero byte in a
 * hole, or a change, and the file is scanned as any other (its first
 * max_scan bytes, limit:scan). */
#define ROOT_EXT_MAX 65536u
#define ROOT_HOLE_SAMPLES 64u
#define ROOT_HOLE_TOTAL 8192u        /* samples spread over all holes, at most */
#define ROOT_HOLE_FULL (1ull << 30) /* hole bytes read whole, at most */
static bool hole_zero(struct ls_slice s, uint64_t a, uint64_t b, uint64_t samples, uint64_t *full_left)
{
    if (b > s.len) return false; /* the file grew past what was loaded */
    if (a >= b) return true;
    if (s.ptr[a] || s.ptr[b - 1]) return false;
    if (b - a <= *full_left) { /* all zero: equal to itself shifted by one */
        *full_left -= b - a;
        return b - a < 2 || memcmp(s.ptr + a, s.ptr + a + 1, (size_t)(b - a - 1)) == 0;
    }
    *full_left = 0;
    uint64_t step = (b - a) / (samples + 1);
    for (uint64_t at = a + step; step && at < b; at += step)
        if (s.ptr[at]) return false;
    return true;
}

static bool same_file(const struct stat *x, const struct stat *y)
{
    return x->st_size == y->st_size && x->st_mtim.tv_sec == y->st_mtim.tv_sec &&
           x->st_mtim.tv_nsec == y->st_mtim.tv_nsec && x->st_ctim.tv_sec == y->st_ctim.tv_sec &&
           x->st_ctim.tv_nsec == y->st_ctim.tv_nsec;
}

static void root_extents(int fd, struct ls_slice s, struct ls_ctx *c)
{
    struct stat sb, after;
    size_t len = s.len;
    if (len <= c->lim->max_scan || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        (uint64_t)sb.st_size != (uint64_t)len)
        return;
    uint64_t(*ext)[2] = NULL;
    size_t n = 0, cap = 0;
    uint64_t data = 0;
    off_t at = 0, end = (off_t)len;
    while (at < end) {
        off_t d = lseek(fd, at, SEEK_DATA);
        if (d < 0 && errno == ENXIO) break; /* only a hole from here on */
        if (d < 0) goto none;
        if (d >= end) break;
        off_t h = lseek(fd, d, SEEK_HOLE);
        if (h < 0) goto none;
        if (h > end || n + 1 == ROOT_EXT_MAX) h = end;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            uint64_t(*x)[2] = realloc(ext, nc * sizeof *ext);
            if (!x) goto none;
            ext = x;
            cap = nc;
        }
        ext[n][0] = (uint64_t)d;
        ext[n][1] = (uint64_t)h;
        n++;
        data += (uint64_t)(h - d);
        at = h;
    }
    if (data >= (uint64_t)len) goto none; /* no holes */
    if (fstat(fd, &after) != 0 || !same_file(&sb, &after)) goto none;
    uint64_t per = n ? ROOT_HOLE_TOTAL / (n + 1) : ROOT_HOLE_SAMPLES;
    if (per > ROOT_HOLE_SAMPLES) per = ROOT_HOLE_SAMPLES;
    uint64_t full_left = ROOT_HOLE_FULL;
    for (size_t i = 0; i <= n; i++) { /* the holes: before each extent, after the last */
        uint64_t a = i ? ext[i - 1][1] : 0, b = i < n ? ext[i][0] : (uint64_t)len;
        if (!hole_zero(s, a, b, per, &full_left)) goto none;
    }
    c->root_ext = ext;
    c->n_root_ext = n;
    return;
none:
    free(ext);
}

static ls_err finish_root(struct ls_ctx *c)
{
    if (c->fatal != LS_OK) return c->fatal;
    struct ls_buf line;
    ls_buf_init(&line, 1u << 20);
    ls_err e = ls_record_root_done(c, &line);
    if (e == LS_OK && c->fn(c->ud, LS_REC_ROOT_DONE, ls_buf_str(&line), line.len) != 0) e = LS_E_IO;
    ls_buf_free(&line);
    return e;
}

ls_err ls_worker_scan_fd(struct ls_worker *w, int fd, const char *path, ls_record_fn fn, void *ud)
{
    return ls_worker_scan_fd_sib(w, fd, path, NULL, ls_slice_make(NULL, 0), fn, ud);
}

static int load_parts(const int *fds, unsigned n, const char (*names)[256], const struct ls_limits *lim,
                      struct ls_split_job *job, struct root_bytes *rb, bool *more);

/* Where a root's bytes come from: one file, or a split set's parts. */
struct root_src {
    int fd;                       /* one file (fds NULL) */
    const int *fds;               /* else a split set's parts, job->n of them */
    const char (*names)[256];     /* their names */
    struct ls_split_job *job;     /* load_parts() notes a cut part in it */
    bool extents;                 /* the file's extents noted (root_extents) */
    bool guard;                   /* a mapped root scanned guarded */
};

/* The sequence every root read from descriptors goes through: the context
 * set up, the bytes loaded (an unreadable root recorded as such), the
 * root run, finished and the context freed. A mapped root can be cut
 * short by another process while YARA reads it; heap bytes (and our own
 * spill files) cannot: src->guard guards the scan of a mapped one. */
static ls_err scan_root(struct ls_worker *w, const char *path, const struct root_src *src, const char *sib_name,
                        struct ls_slice sib_data, const struct ls_split_job *split, ls_record_fn fn, void *ud)
{
    struct ls_ctx c;
    ls_ctx_init(&c, w, path, fn, ud);
    c.sib_name = sib_name;
    c.sib_data = sib_data;
    c.split = split;
    struct root_bytes rb;
    bool more = false;
    int err = src->fds ? load_parts(src->fds, src->job->n, src->names, c.lim, src->job, &rb, &more)
                       : load_root(src->fd, c.lim, &rb, &more);
    if (err) {
        ls_ctx_fini(&c);
        return ls_worker_record_special(w, path, LS_SPECIAL_UNREADABLE, strerror(err), fn, ud);
    }
    if (src->extents) root_extents(src->fd, rb.s, &c);
    if (src->guard) ls_scanner_guard(w->scanner, rb.map != NULL);
    ls_err e = ls_ctx_run_root(&c, rb.s, rb.err, more);
    if (src->guard) ls_scanner_guard(w->scanner, true);
    root_bytes_free(&rb);
    if (e == LS_OK) e = finish_root(&c);
    ls_ctx_fini(&c);
    return e;
}

ls_err ls_worker_scan_fd_sib(struct ls_worker *w, int fd, const char *path, const char *sib_name,
                             struct ls_slice sib_data, ls_record_fn fn, void *ud)
{
    const struct root_src src = {.fd = fd, .extents = true, .guard = true};
    return scan_root(w, path, &src, sib_name, sib_data, NULL, fn, ud);
}

/* ---- split archives (splitset.h) ---- */

/* The parts' sizes (fstat), as far as they are regular files. */
static unsigned part_sizes(const int *fds, unsigned n, uint64_t *sizes, uint64_t *total)
{
    *total = 0;
    for (unsigned i = 0; i < n; i++) {
        struct stat sb;
        if (fstat(fds[i], &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 0 ||
            (uint64_t)sb.st_size > SIZE_MAX - *total)
            return i;
        sizes[i] = (uint64_t)sb.st_size;
        *total += sizes[i];
    }
    return n;
}

/* Large sets whose parts (all but the last) are whole pages are mapped
 * part by part into one reserved range: one slice, pages read on demand,
 * nothing copied (7z -v, split -b, zip -s sizes in KiB/MiB/GiB are). */
static bool map_parts(const int *fds, unsigned n, const uint64_t *sizes, uint64_t total, struct root_bytes *rb)
{
    long pg = sysconf(_SC_PAGESIZE);
    if (pg <= 0 || total == 0) return false;
    for (unsigned i = 0; i + 1 < n; i++)
        if (sizes[i] % (uint64_t)pg) return false;
    uint8_t *base = mmap(NULL, (size_t)total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) return false;
    uint64_t off = 0;
    for (unsigned i = 0; i < n; i++) {
        if (sizes[i] && mmap(base + off, (size_t)sizes[i], PROT_READ, MAP_PRIVATE | MAP_FIXED, fds[i], 0) == MAP_FAILED) {
            munmap(base, (size_t)total);
            return false;
        }
        off += sizes[i];
    }
    madvise(base, (size_t)total, MADV_SEQUENTIAL);
    rb->map = base;
    rb->map_len = (size_t)total;
    rb->s = ls_slice_make(base, (size_t)total);
    return true;
}

/* The concatenation of the parts: mapped (above), else read into the heap
 * (at most what load_root() reads of one file; more: *more). A part that
 * reads short ends the data there (job->note says so). */
static int load_parts(const int *fds, unsigned n, const char (*names)[256], const struct ls_limits *lim,
                      struct ls_split_job *job, struct root_bytes *rb, bool *more)
{
    memset(rb, 0, sizeof *rb);
    *more = false;
    uint64_t *sizes = calloc(n ? n : 1, sizeof *sizes), total;
    if (!sizes) return ENOMEM;
    unsigned ok = part_sizes(fds, n, sizes, &total);
    /* where each part starts, kept for the root (job->starts) */
    rb->starts = calloc(n ? n : 1, sizeof *rb->starts);
    for (unsigned i = 1; rb->starts && i < ok; i++) rb->starts[i] = rb->starts[i - 1] + sizes[i - 1];
    if (ok < n) {
        snprintf(job->note, sizeof job->note, "part %u (%s) is not a regular file: the parts before it are read",
                 ok + 1, names[ok]);
        job->note_limit = false;
        n = ok;
        job->n = n;
        if (job->part > n) job->part = 0;
    }
    if (total > lim->spill_threshold && map_parts(fds, n, sizes, total, rb)) {
        free(sizes);
        job->starts = rb->starts;
        return 0;
    }
    size_t cap = (size_t)(lim->spill_threshold > (1ull << 30) ? lim->spill_threshold : (1ull << 30));
    size_t want = total > cap ? cap : (size_t)total;
    uint8_t *p = malloc(want ? want : 1);
    if (!p) {
        free(sizes);
        free(rb->starts);
        rb->starts = NULL;
        return ENOMEM;
    }
    size_t len = 0;
    for (unsigned i = 0; i < n && len < want; i++) {
        uint64_t got = 0;
        while (got < sizes[i] && len < want) {
            size_t step = want - len;
            if (step > sizes[i] - got) step = (size_t)(sizes[i] - got);
            ssize_t r = pread(fds[i], p + len, step, (off_t)got);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            got += (uint64_t)r;
            len += (size_t)r;
        }
        if (got < sizes[i] && len < want) { /* cut while we read it */
            snprintf(job->note, sizeof job->note, "part %u (%s) read short (%llu of %llu bytes): the set is read to there",
                     i + 1, names[i], (unsigned long long)got, (unsigned long long)sizes[i]);
            job->note_limit = false;
            break;
        }
    }
    *more = total > want && len == want;
    rb->heap = p;
    rb->s = ls_slice_make(p, len);
    if (len == total) job->starts = rb->starts;
    free(sizes);
    return 0;
}

ls_err ls_worker_scan_split(struct ls_worker *w, int root_fd, const int *fds, const char (*names)[256],
                            struct ls_split_job *job, const char *path, const char *sib_name,
                            struct ls_slice sib_data, ls_record_fn fn, void *ud)
{
    (void)root_fd;
    job->names = names;
    const struct root_src src = {.fd = -1, .fds = fds, .names = names, .job = job, .guard = true};
    return scan_root(w, path, &src, sib_name, sib_data, job, fn, ud);
}

/* A later part: hashed and typed, recorded by reference (its bytes are not
 * scanned: no guard) */
ls_err ls_worker_scan_later(struct ls_worker *w, int fd, const char *path, const struct ls_split_job *job,
                            ls_record_fn fn, void *ud)
{
    const struct root_src src = {.fd = fd};
    return scan_root(w, path, &src, NULL, ls_slice_make(NULL, 0), job, fn, ud);
}

static void special_tags(enum ls_special kind, const char **reason, const char **alert,
                         const char **mime)
{
    *alert = NULL;
    *mime = "";
    switch (kind) {
    case LS_SPECIAL_SYMLINK: *reason = "not_followed", *alert = LS_A_SYMLINK, *mime = "inode/symlink"; break;
    case LS_SPECIAL_FIFO: *reason = "special_file", *alert = LS_A_FIFO, *mime = "inode/fifo"; break;
    case LS_SPECIAL_SOCKET: *reason = "special_file", *alert = "socket", *mime = "inode/socket"; break;
    case LS_SPECIAL_DEVICE: *reason = "special_file", *alert = LS_A_DEVICE, *mime = "inode/device"; break;
    case LS_SPECIAL_UNREADABLE: *reason = "unreadable"; break;
    case LS_SPECIAL_VANISHED: *reason = "vanished"; break;
    default: *reason = LS_R_UNSUPPORTED; break;
    }
}

ls_err ls_worker_record_special(struct ls_worker *w, const char *path, enum ls_special kind,
                                const char *errmsg, ls_record_fn fn, void *ud)
{
    struct ls_ctx c;
    ls_ctx_init(&c, w, path, fn, ud);
    const char *reason, *alert, *mime;
    special_tags(kind, &reason, &alert, &mime);
    ls_err e = ls_ctx_run_special(&c, reason, alert, mime, errmsg);
    if (e == LS_OK) e = finish_root(&c);
    ls_ctx_fini(&c);
    return e;
}

ls_err ls_worker_record_failed(struct ls_worker *w, const char *path, const char *reason,
                              const char *errmsg, ls_record_fn fn, void *ud)
{
    struct ls_ctx c;
    ls_ctx_init(&c, w, path, fn, ud);
    ls_err e = ls_ctx_run_special(&c, reason, NULL, "", errmsg);
    if (e == LS_OK) e = finish_root(&c);
    ls_ctx_fini(&c);
    return e;
}

/* ---- the run record ---- */

size_t ls_run_record(const struct ls_engine *e, const char *argv_json, char *out, size_t cap)
{
    struct ls_buf b;
    ls_buf_init(&b, cap ? cap - 1 : 0);
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const struct ls_limits *l = &e->cfg.limits;
    /* A check value of the fingerprint key (not the key): manifests whose
     * ids match were fingerprinted with the same key and can be merged. */
    static const char label[] = "leaksift fingerprint key id";
    uint8_t kid[32];
    char key_id[17];
    ls_hmac_sha256(ls_slice_make(e->fp_key, e->fp_key_len), ls_slice_make(label, sizeof label - 1),
                   ls_slice_make(NULL, 0), kid);
    ls_hex(kid, 8, key_id);
    ls_err rc = ls_buf_printf(
        &b,
        "{\"record\":\"run\",\"manifest_version\":%d,\"tool\":\"leaksift\",\"version\":\"%s\","
        "\"started\":\"%s\",\"rules\":{\"sha256\":\"%s\",\"count\":%u,\"builtin\":%s},"
        "\"fingerprint_key\":\"%s\",\"fingerprint_key_id\":\"%s\",\"limits\":{\"max_depth\":%u,\"root_bytes_min\":%llu,"
        "\"root_bytes_factor\":%u,\"bomb_ratio\":%u,\"bomb_floor\":%llu,\"max_members\":%llu,"
        "\"max_text\":%llu,\"max_scan\":%llu,\"root_time_s\":%u,\"yara_timeout_s\":%u,"
        "\"spill_threshold\":%llu,\"max_evidence\":%llu,\"stall_s\":%u},\"options\":%s}",
        LS_MANIFEST_VERSION, LS_VERSION_STRING, when, ls_rules_hash(e->rules),
        ls_rules_count(e->rules), e->cfg.no_default_rules ? "false" : "true",
        e->user_key ? "user" : "per-run", key_id, l->max_depth,
        (unsigned long long)l->root_bytes_min, l->root_bytes_factor, l->bomb_ratio,
        (unsigned long long)l->bomb_floor, (unsigned long long)l->max_members,
        (unsigned long long)l->max_text, (unsigned long long)l->max_scan, l->root_time_s,
        l->yara_timeout_s, (unsigned long long)l->spill_threshold,
        (unsigned long long)l->max_evidence, l->stall_s, argv_json ? argv_json : "[]");
    size_t n = rc == LS_OK ? b.len : 0;
    if (n) memcpy(out, b.ptr, n + 1);
    ls_buf_free(&b);
    return n;
}

/* ---- `leaksift text` ---- */

struct text_req {
    const char *const *chain;
    size_t n;
    ls_text_fn_pub fn;
    void *ud;
    bool found;
};

static int discard_record(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    (void)ud, (void)kind, (void)line, (void)len;
    return 0;
}

/* A member asked for by its name as stored, or as the manifest shows it
 * (values found in the name redacted: pipeline.c, "names"). */
static bool name_is(const char *want, const struct ls_object *p)
{
    struct ls_slice w = ls_slice_make(want, strlen(want));
    const struct ls_obj_state *st = p->priv;
    if (w.len == p->name_len && memcmp(want, p->name, w.len) == 0) return true;
    return st && st->shown_name.len == w.len && memcmp(st->shown_name.ptr, want, w.len) == 0;
}

static void on_object_text(void *ud, const struct ls_object *o, struct ls_slice text)
{
    struct text_req *r = ud;
    size_t n = 0;
    for (const struct ls_object *p = o; p && p->parent; p = p->parent) n++;
    /* the whole chain, however deep (--max-depth allows 1024) */
    const uint8_t **names = calloc(n ? n : 1, sizeof *names);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    if (!names || !lens) {
        free(names);
        free(lens);
        return;
    }
    size_t i = n;
    for (const struct ls_object *p = o; p && p->parent; p = p->parent) {
        i--;
        names[i] = p->name;
        lens[i] = p->name_len;
    }
    bool match = n == r->n;
    i = n;
    for (const struct ls_object *p = o; match && p && p->parent; p = p->parent)
        match = name_is(r->chain[--i], p);
    const struct ls_obj_state *st = o->priv;
    struct ls_text_object t = {names, lens, n, st->handler ? st->handler->name : NULL, o->mime,
                               NULL, 0, false};
    uint8_t *both = NULL;
    if (match && !r->found) {
        r->found = true;
        /* what the scanner reads: the text, else the raw bytes unless the
         * object is a container read whole (then nothing: its members are
         * objects of their own) */
        bool raw = st->labels_at == 0 && !ls_obj_raw_redundant(st) &&
                   !(o->depth == 0 && st->ctx->split && st->ctx->split->set_path); /* read with its set root */
        struct ls_slice s = raw && text.len == 0 ? o->data : text;
        /* raw bytes and labels (column labels, folded lines of a UTF-8
         * file): both are scanned, both are printed */
        if (raw && text.len && (both = malloc(o->data.len + 1 + text.len))) {
            if (o->data.len) memcpy(both, o->data.ptr, o->data.len);
            size_t k = o->data.len;
            if (k && both[k - 1] != '\n') both[k++] = '\n';
            memcpy(both + k, text.ptr, text.len);
            s = ls_slice_make(both, k + text.len);
        }
        t.text = s.ptr ? s.ptr : (const uint8_t *)"";
        t.text_len = s.len;
        t.text_is_raw = raw;
    }
    r->fn(r->ud, &t);
    free(both);
    free(names);
    free(lens);
}

/* `leaksift text` runs in-process: the parts of a split archive are
 * probed and opened here, as the supervisor of `leaksift scan` does
 * (src/pool/pool_super.c, send_split()). */
struct text_split {
    bool on;
    struct ls_split_job job;
    struct ls_split_cache k;
    int *fds;
    unsigned opened;     /* fds[0..opened) are ours to close */
    char (*names)[256];
    char *set_path;
};

static void text_split_open(struct text_split *t, const char *path)
{
    memset(t, 0, sizeof *t);
    ls_split_cache_init(&t->k);
    const struct ls_split_plan *pl;
    if (!ls_split_probe(path, LS_SPLIT_MAX_PARTS, &t->k, &pl)) return;
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
    if (strcmp(path + dlen, pl->root) != 0) {
        size_t rl = strlen(pl->root);
        t->set_path = malloc(dlen + rl + 1);
        if (!t->set_path) return;
        memcpy(t->set_path, path, dlen);
        memcpy(t->set_path + dlen, pl->root, rl + 1);
        t->job.set_path = t->set_path;
        t->job.part = pl->self_part;
        t->job.n = pl->n;
        t->on = true;
        return;
    }
    t->fds = calloc(pl->n, sizeof *t->fds);
    t->names = calloc(pl->n, sizeof *t->names);
    if (!t->fds || !t->names) return;
    snprintf(t->job.note, sizeof t->job.note, "%s", pl->note);
    t->job.note_limit = pl->note_limit;
    unsigned n = 0;
    for (; n < pl->n; n++) {
        int pfd = ls_split_open(&t->k, n);
        if (pfd < 0) {
            snprintf(t->job.note, sizeof t->job.note, "part %u (%s) cannot be opened: %s: the parts before it are read",
                     n + 1, pl->names[n], strerror(errno));
            t->job.note_limit = false;
            break;
        }
        t->fds[n] = pfd;
        t->opened = n + 1;
        snprintf(t->names[n], sizeof t->names[n], "%s", pl->names[n]);
    }
    t->job.n = n;
    t->job.part = pl->root_part <= n ? pl->root_part : 0;
    t->job.names = (const char(*)[256])t->names;
    t->on = n > 0;
}

static void text_split_close(struct text_split *t)
{
    for (unsigned i = 0; t->fds && i < t->opened; i++) close(t->fds[i]);
    free(t->fds);
    free(t->names);
    free(t->set_path);
    ls_split_cache_free(&t->k);
}

ls_err ls_worker_text_fd(struct ls_worker *w, int fd, const char *path, const char *const *chain,
                         size_t n, ls_text_fn_pub fn, void *ud)
{
    struct text_req req = {chain, n, fn, ud, false};
    struct ls_ctx c;
    ls_ctx_init(&c, w, path, discard_record, NULL);
    /* in-process (no sandbox): the sibling schema is read here, as the
     * supervisor of `leaksift scan` reads it */
    char sib_name[LS_SIB_NAME_MAX + 1];
    struct ls_sib_cache sib;
    memset(&sib, 0, sizeof sib);
    if (ls_sib_read(path, &sib, sib_name, &c.sib_data)) c.sib_name = sib_name;
    c.text_fn = on_object_text;
    c.text_ud = &req;
    /* a split archive: joined (or referred to) as the scan's supervisor does */
    struct text_split ts;
    text_split_open(&ts, path);
    if (ts.on) c.split = &ts.job;
    struct root_bytes rb;
    bool more = false;
    int err = ts.on && !ts.job.set_path ? load_parts(ts.fds, ts.job.n, ts.names, c.lim, &ts.job, &rb, &more)
                                       : load_root(fd, c.lim, &rb, &more);
    if (!err && !ts.on) root_extents(fd, rb.s, &c);
    ls_err e = err ? LS_E_IO : ls_ctx_run_root(&c, rb.s, rb.err, more);
    if (!err) root_bytes_free(&rb);
    ls_ctx_fini(&c);
    text_split_close(&ts);
    ls_sib_cache_free(&sib);
    if (e == LS_OK && !req.found) e = LS_E_ARG;
    return e;
}
