/* The run loop of `leaksift scan`: enumerate roots into a list, hand them
 * to the worker pool (src/pool/), write the manifest (single writer, one
 * write() per line), the summary and the exit code. With --resume the
 * manifest is the journal: roots with a root_done line are skipped and new
 * blocks are appended (src/pool/pool_journal.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/scan_opts.h"
#include "core/ls_core.h"
#include "core/ls_fpindex.h"
#include "manifest/summary.h"
#include "quarantine/store.h"
#include "manifest/splitpart.h"
#include "pipeline/splitset.h"
#include "pool/pool.h"

/* The directory of the root last stat'ed or opened, kept open (O_PATH), so
 * that the next root, found next to it by the walk, is reached from it
 * rather than from the top: a tree with a file at every level of a
 * 3,000-deep chain resolved every root's path in full, twice (its size
 * when listed, its open when dispatched): quadratic. Going down is one
 * openat per component; going up one openat("..") per level, the
 * directory reached checked to be the one passed on the way down (st_dev,
 * st_ino), else it is resolved from the top again. Components are looked
 * up as the kernel looks up a path (a link to a directory in the part of
 * the path a user named is followed, as before); the root itself is
 * opened with the caller's flags (O_NOFOLLOW). */
struct dir_level {
    dev_t dev;
    ino_t ino;
    size_t end; /* where this component ends in dir */
};
struct dircache {
    char *dir; /* the directory, as spelled in the roots' paths */
    size_t len, cap;
    int fd;    /* its O_PATH descriptor; -1: none */
    struct dir_level *lv; /* lv[i]: the directory after component i + 1 */
    size_t n, lcap;
};

/* A set of root ids (ls_root_id of a path without "." components). */
struct idset {
    uint8_t (*k)[8];
    size_t n, cap;
    struct ls_fpindex ix;
};

/* A set root's verdict, by its root_id. */
struct set_verdict {
    char id[17];
    char verdict[16];
    bool quarantine;
};

/* A later part's block, held until its set root's block is written. */
struct held_part {
    char set_id[17];
    bool live;   /* not written yet */
    char *path;  /* the file (store_root), or NULL until on_pool_root */
    char *block; /* its lines, each ending '\n'; NULL: spilled at off */
    size_t len;
    uint64_t off; /* where in the spill file */
};

/* Later parts' blocks held in memory, at most (about 1 KiB each); past it
 * they go to an unlinked temporary file in $TMPDIR, as the pool's spool
 * does (docs/sandbox.md, *Ordering*): a set root that comes late or never
 * (another shard) holds no more than this of the supervisor's memory. */
#define HELD_MEM (4u << 20)

struct run {
    size_t *link_roots; /* list indexes of roots named through a symlink (CLI_ROOT_LINK), ascending */
    size_t n_link, cap_link;
    struct scan_opts *o;
    struct ls_engine *eng;
    struct ls_worker *w;
    struct ls_pool *pool;
    int out_fd;
    struct ls_summary *sum;
    struct ls_buf line;
    bool write_failed;
    uint64_t lost_open; /* roots listed, then gone, unreadable or no regular file at their open */
    bool progress;     /* the one-line display on a terminal */
    double log_every;  /* stderr not a terminal: a progress line every this many seconds (0: none) */
    bool enumerating;
    double t_start, t_last;
    struct ls_rootlist list;
    struct ls_done_set done;
    uint64_t roots_done, bytes_done, skipped;
    char old_key_id[17];      /* fingerprint_key_id of the manifest resumed */
    struct ls_qstore *qstore; /* --quarantine-dir, or NULL */
    uint64_t q_failed;
    bool root_written;        /* a root_done line was written since the last root ended */
    off_t out_off;            /* manifest bytes written whole (-1: not a seekable file) */
    struct cli_flagged top;   /* the summary's quarantined files, best first */
    uint64_t done_written;    /* root_done lines written by this run */
    struct idset seen;        /* root ids (of lexical paths) listed so far */
    struct idset done_lex;    /* --resume: the same of the roots already done */
    uint64_t repeated;        /* roots named again ("t t/", "a.txt a.txt"): listed once */
    struct dircache dc_list;  /* on_root(): the last root's directory */
    struct dircache dc_open;  /* scan_regular(): the same */
    struct ls_split_cache split; /* store_root(): split archives */
    /* split archives: a later part's verdict is its set root's (held_*) */
    struct set_verdict *sv;   /* set roots done (and first parts that failed) */
    size_t n_sv, cap_sv;
    struct held_part *held;   /* later parts' blocks waiting for their set root */
    size_t n_held, cap_held;
    bool blk_open;            /* a line of the current block went by */
    bool holding;             /* the current block is a later part's: held */
    bool cur_set;             /* the current block's root is a set root (cur) */
    bool held_last;           /* the last block ended held: on_pool_root names it */
    struct ls_buf hold;       /* the held block's lines, each ending '\n' */
    size_t held_mem, held_cap; /* bytes of held blocks in memory, and the cap (HELD_MEM) */
    int held_fd;              /* the spill file, -1: none yet */
    uint64_t held_flen;       /* its length */
    uint64_t held_spilled;    /* blocks spilled (test hooks report it) */
    size_t held_peak;         /* most bytes held in memory at once (the same) */
    char hold_id[17];         /* its set root's root_id */
    char cur_id[17], cur_verdict[16];
    bool cur_q;
};

static volatile sig_atomic_t g_stop;

static void dc_reset(struct dircache *c)
{
    if (c->fd >= 0) close(c->fd);
    c->fd = -1;
    c->len = c->n = 0;
}

static void dc_free(struct dircache *c)
{
    dc_reset(c);
    free(c->dir);
    free(c->lv);
    c->dir = NULL;
    c->lv = NULL;
    c->cap = c->lcap = 0;
}

/* The descriptor of directory d (dl bytes, not empty), from the cache: a
 * descriptor the cache owns, or -1 (then the caller goes by the path). */
static int dc_dir(struct dircache *c, const char *d, size_t dl)
{
    size_t k = 0; /* levels shared with the cached directory */
    if (c->fd >= 0 && (c->len ? c->dir[0] == '/' : false) == (d[0] == '/')) {
        size_t m = 0, lim = c->len < dl ? c->len : dl;
        while (m < lim && c->dir[m] == d[m]) m++;
        size_t lo = 0, hi = c->n; /* the levels ending at or before m */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (c->lv[mid].end <= m) lo = mid + 1;
            else hi = mid;
        }
        k = lo;
        if (k > 0 && c->lv[k - 1].end < dl && d[c->lv[k - 1].end] != '/') k--;
        if (k > 0 && k < c->n && c->n - k > k) k = 0; /* from the top is shorter */
        if (k > 0 && k < c->n) {
            int fd = c->fd;
            c->fd = -1;
            for (size_t i = c->n; i > k && fd >= 0; i--) {
                int up = openat(fd, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);
                close(fd);
                fd = up;
            }
            struct stat sb;
            if (fd >= 0 && fstat(fd, &sb) == 0 && sb.st_dev == c->lv[k - 1].dev &&
                sb.st_ino == c->lv[k - 1].ino) {
                c->fd = fd;
                c->n = k;
            } else {
                if (fd >= 0) close(fd);
                k = 0;
            }
        }
    }
    if (k == 0) {
        dc_reset(c);
        c->fd = open(d[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (c->fd < 0) return -1;
    }
    if (dl + 1 > c->cap) {
        size_t cap = c->cap ? c->cap : 256;
        while (cap < dl + 1) cap *= 2;
        char *q = realloc(c->dir, cap);
        if (!q) goto fail;
        c->dir = q;
        c->cap = cap;
    }
    memcpy(c->dir, d, dl);
    c->dir[dl] = 0;
    c->len = dl;
    for (size_t i = k ? c->lv[k - 1].end : 0; i < dl;) {
        while (i < dl && d[i] == '/') i++;
        size_t j = i;
        while (j < dl && d[j] != '/') j++;
        if (j == i) break;
        char comp[NAME_MAX + 1];
        if (j - i > NAME_MAX) goto fail;
        memcpy(comp, d + i, j - i);
        comp[j - i] = 0;
        int nfd = openat(c->fd, comp, O_PATH | O_DIRECTORY | O_CLOEXEC);
        struct stat sb;
        if (nfd < 0 || fstat(nfd, &sb) != 0) {
            if (nfd >= 0) close(nfd);
            goto fail;
        }
        close(c->fd);
        c->fd = nfd;
        if (c->n == c->lcap) {
            size_t cap = c->lcap ? c->lcap * 2 : 64;
            struct dir_level *q = realloc(c->lv, cap * sizeof *q);
            if (!q) goto fail;
            c->lv = q;
            c->lcap = cap;
        }
        c->lv[c->n++] = (struct dir_level){sb.st_dev, sb.st_ino, j};
        i = j;
    }
    return c->fd;
fail:
    dc_reset(c);
    return -1;
}

/* The directory descriptor to reach root path by (*last: its last
 * component), or -1: go by the path. AT_FDCWD for a name without '/'. */
static int dc_root(struct dircache *c, const char *path, const char **last)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *last = path;
        return AT_FDCWD;
    }
    *last = slash + 1;
    if (!**last) return -1;
    return dc_dir(c, path, slash == path ? 1 : (size_t)(slash - path));
}

static int root_stat(struct run *r, const char *path, struct stat *sb)
{
    const char *last;
    int dfd = dc_root(&r->dc_list, path, &last);
    if (dfd != -1 && fstatat(dfd, last, sb, 0) == 0) return 0;
    return cli_stat(path, sb, 0);
}

static int root_open(struct run *r, const char *path, int flags)
{
    const char *last;
    int dfd = dc_root(&r->dc_open, path, &last);
    if (dfd != -1) {
        int fd = openat(dfd, last, flags);
        if (fd >= 0 || (errno != ENOENT && errno != ENOTDIR)) return fd;
    }
    return cli_open(path, flags); /* what is said is what the path gives */
}

/* First signal: stop handing out roots, let those in flight finish (grace
 * LS_POOL_GRACE_S). Second: stop them now. */
static void on_signal(int sig)
{
    (void)sig;
    g_stop = g_stop ? 2 : 1;
}

/* One manifest line: built whole, written with one write() (a crash never
 * leaves half a line), fed to the summary. */
static int emit_line(struct run *r, const char *line, size_t len)
{
    if (r->write_failed) return -1;
    ls_buf_reset(&r->line);
    errno = 0;
    if (ls_buf_add(&r->line, line, len) != LS_OK || ls_buf_addc(&r->line, '\n') != LS_OK ||
        ls_write_all(r->out_fd, r->line.ptr, r->line.len) != 0) {
        int e = errno ? errno : EIO;
        /* a full disk took part of the line: cut it, so the manifest ends
         * with a whole line and --resume can go on once there is room */
        if (r->out_off >= 0 && ftruncate(r->out_fd, r->out_off) == 0) (void)lseek(r->out_fd, r->out_off, SEEK_SET);
        cli_err("%s: cannot write the manifest: %s",
                strcmp(r->o->output, "-") == 0 ? "standard output" : r->o->output, strerror(e));
        r->write_failed = true;
        return -1;
    }
    if (r->out_off >= 0) r->out_off += (off_t)r->line.len;
    /* a line of a worker's block comes with its summary fields (the
     * digest, src/manifest/summary.h): folded without parsing the line */
    struct ls_slice dig = r->pool ? ls_pool_line_digest(r->pool, line, len) : ls_slice_make(NULL, 0);
    if (!dig.len || ls_summary_add_digest(r->sum, dig, line, len) != LS_OK) (void)ls_summary_add_line(r->sum, line, len);
    return 0;
}

/* --quarantine-dir: once a root's block is written, copy a quarantined root
 * file into the content-addressed store (verified against its SHA-256). */
static void store_root(struct run *r, const char *path)
{
    const struct ls_root_info *ri = ls_summary_last_root(r->sum);
    if (!r->qstore || !ri->have || !ri->quarantine || !ri->sha256[0]) return;
    char err[1024];
    /* a split archive's set root was read as all its parts joined: its
     * record's SHA-256 is the joined bytes'; the store holds its own file,
     * under the hash computed while copying (its later parts come with
     * their own records, split.set_root_id naming this root) */
    const struct ls_split_plan *pl;
    const char *slash = strrchr(path, '/');
    bool set_root = ls_split_probe(path, LS_SPLIT_MAX_PARTS, &r->split, &pl) &&
                    strcmp(slash ? slash + 1 : path, pl->root) == 0;
    /* the file is reopened by the path as given; the manifest's path
     * (ri->path) may show values in it masked */
    ls_err e = ls_qstore_put(r->qstore, path, ri->path, set_root ? NULL : ri->sha256, ri->root_id, ri->verdict, err,
                             sizeof err);
    if (e == LS_OK) return;
    cli_err("%s", err);
    if (e != LS_E_CORRUPT) r->q_failed++; /* a file changed since it was scanned is only a warning */
}

static bool is_root_done(const char *line, size_t len)
{
    static const char done[] = "{\"record\":\"root_done\"";
    return len >= sizeof done - 1 && memcmp(line, done, sizeof done - 1) == 0;
}

/* ---- split archives: a later part reads as its set root ----
 * A later part of a split archive (docs/unpacking.md, *Split archives*) is
 * recorded by reference: its worker cannot know the set's verdict, so its
 * block (one object and its root_done) is held here until the set root's
 * block is written, then written with the set root's verdict and
 * quarantine flag (and stored with --quarantine-dir when that flag is
 * set). A set root that failed (crash, time limit) gives `incomplete`; one
 * never seen (not in this run nor in the manifest resumed) gives
 * `incomplete` with an errors line: a later part never reads `clean` by
 * default. Lines of a JSON string never hold an unescaped '"', so the
 * searched keys below cannot be inside a value. */

static const struct set_verdict *set_find(const struct run *r, const char *id)
{
    for (size_t i = r->n_sv; i-- > 0;)
        if (strcmp(r->sv[i].id, id) == 0) return &r->sv[i];
    return NULL;
}

static void set_add(struct run *r, const char *id, const char *verdict, bool q)
{
    struct set_verdict *v = (struct set_verdict *)set_find(r, id);
    if (!v) {
        if (r->n_sv == r->cap_sv) {
            size_t cap = r->cap_sv ? r->cap_sv * 2 : 16;
            struct set_verdict *n = realloc(r->sv, cap * sizeof *n);
            if (!n) return; /* its later parts: `incomplete`, verdict not known */
            r->sv = n;
            r->cap_sv = cap;
        }
        v = &r->sv[r->n_sv++];
    }
    snprintf(v->id, sizeof v->id, "%s", id);
    snprintf(v->verdict, sizeof v->verdict, "%s", verdict);
    v->quarantine = q;
}

/* A root record of a set root: remember its verdict (by its own line). */
static void note_set_root(const char *line, size_t len, char verdict[16], bool *q)
{
    struct ls_slice v;
    if (ls_journal_field(ls_slice_make(line, len), "verdict", &v) && v.len > 0 && v.len < 16) {
        memcpy(verdict, v.ptr, v.len);
        verdict[v.len] = 0;
    } else {
        snprintf(verdict, 16, "incomplete");
    }
    static const char qt[] = "\"quarantine\":true}";
    *q = len >= sizeof qt - 1 && memcmp(line + len - (sizeof qt - 1), qt, sizeof qt - 1) == 0;
}

/* One line of a held block as written: the later part's object record
 * with the set's verdict (its own when worse: a finding in its name) and
 * the note when the set's is not known, its root_done's counts moved the
 * same way (splitpart.h). from, to: the object's verdict before and after
 * (by index). */
static int emit_rewritten(struct run *r, const char *line, size_t len, const char *verdict, const char *note,
                          int *from, int *to, struct ls_buf *b)
{
    /* the policy (--quarantine) applied to the set's verdict */
    int set = ls_split_verdict_index(verdict, strlen(verdict));
    const struct ls_split_fix f = {.verdict = verdict,
                                   .set_q = ((r->o->cfg.quarantine_mask >> set) & 1u) != 0,
                                   .add_note = note};
    if (ls_split_fix_line(line, len, &f, from, to, b) != LS_OK) { /* out of memory: never the `clean` line */
        cli_err("out of memory writing a split archive's later part");
        r->write_failed = true;
        return -1;
    }
    if (emit_line(r, (const char *)b->ptr, b->len) != 0) return -1;
    if (is_root_done(line, len)) r->done_written++;
    return 0;
}

/* n bytes at off of fd; 0, or -1 (errno set; EIO when the file is short). */
static int pread_all(int fd, char *p, size_t n, uint64_t off)
{
    while (n) {
        ssize_t k = pread(fd, p, n, (off_t)off);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) {
            if (k == 0) errno = EIO;
            return -1;
        }
        p += k, n -= (size_t)k, off += (uint64_t)k;
    }
    return 0;
}

/* An unlinked temporary file in $TMPDIR for held blocks (-1: none). */
static int held_tmpfile(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    int fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    char name[4096];
    if ((size_t)snprintf(name, sizeof name, "%s/leaksift-held-XXXXXX", dir) >= sizeof name) return -1;
    fd = mkostemp(name, O_CLOEXEC);
    if (fd >= 0) unlink(name);
    return fd;
}

/* The block in r->hold kept for h: in memory up to r->held_cap, past it
 * appended to the spill file (in memory after all when no such file can
 * be made: said once). */
static int hold_block(struct run *r, struct held_part *h)
{
    h->len = r->hold.len;
    h->block = NULL;
    h->off = 0;
    if (r->held_mem + h->len > r->held_cap && r->held_fd != -2) {
        if (r->held_fd < 0 && (r->held_fd = held_tmpfile()) < 0) {
            cli_err("warning: no temporary file for split archives' later parts (%s): they are held in memory",
                    strerror(errno));
            r->held_fd = -2;
        }
        if (r->held_fd >= 0) {
            if (ls_write_all(r->held_fd, r->hold.ptr, h->len) != 0) {
                cli_err("cannot write a split archive's later part to the temporary file: %s", strerror(errno));
                r->write_failed = true;
                return -1;
            }
            h->off = r->held_flen;
            r->held_flen += h->len;
            r->held_spilled++;
            return 0;
        }
    }
    h->block = malloc(h->len ? h->len : 1);
    if (!h->block) return -1;
    memcpy(h->block, r->hold.ptr, h->len);
    r->held_mem += h->len;
    if (r->held_mem > r->held_peak) r->held_peak = r->held_mem;
    return 0;
}

/* Write held part k with the set's verdict (v NULL: not known) and store
 * it; the slot is emptied (block NULL). */
static void flush_held(struct run *r, size_t k, const struct set_verdict *v)
{
    struct held_part *h = &r->held[k];
    if (!h->block && h->len) { /* spilled: read back */
        h->block = malloc(h->len);
        if (!h->block || pread_all(r->held_fd, h->block, h->len, h->off) != 0) {
            cli_err("cannot read back a split archive's later part held in the temporary file: %s",
                    h->block ? strerror(errno) : "out of memory");
            r->write_failed = true; /* never silent: the manifest is incomplete */
            free(h->block);
            free(h->path);
            h->path = h->block = NULL;
            h->live = false;
            return;
        }
    } else {
        r->held_mem -= h->len;
    }
    struct ls_buf b;
    ls_buf_init(&b, 1u << 30);
    char note[160];
    snprintf(note, sizeof note, LS_SPLIT_NOTE_UNKNOWN, h->set_id);
    const char *verdict = v ? v->verdict : "incomplete";
    bool ok = true;
    int from = -1, to = -1; /* the root object's verdict, before and after */
    for (size_t i = 0; i < h->len && ok;) {
        const char *nl = memchr(h->block + i, '\n', h->len - i);
        size_t l = nl ? (size_t)(nl - (h->block + i)) : h->len - i;
        ok = emit_rewritten(r, h->block + i, l, verdict, v ? NULL : note, &from, &to, &b) == 0;
        i += l + 1;
    }
    ls_buf_free(&b);
    if (ok && h->path) store_root(r, h->path);
    free(h->path);
    free(h->block);
    h->path = h->block = NULL;
    h->live = false;
}

/* Drop the emptied slots, the others kept in the order they came. */
static void held_compact(struct run *r)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_held; k++)
        if (r->held[k].live) r->held[n++] = r->held[k];
    r->n_held = n;
}

/* The set root id's block is written: its later parts held so far, in the
 * order they came. */
static void flush_set(struct run *r, const char *id)
{
    const struct set_verdict *v = set_find(r, id);
    for (size_t k = 0; k < r->n_held; k++)
        if (r->held[k].live && r->held[k].path && strcmp(r->held[k].set_id, id) == 0) flush_held(r, k, v);
    held_compact(r);
}

static int on_record(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    struct run *r = ud;
    (void)kind; /* the pool replays every line of a block as LS_REC_OBJECT */
    char id[17];
    bool self = false;
    if (!r->holding && !r->blk_open && ls_split_ids(line, len, id, &self) && !self) {
        r->holding = true; /* a later part's block: held (above) */
        memcpy(r->hold_id, id, sizeof id);
        ls_buf_reset(&r->hold);
    } else if (!r->holding && ls_split_ids(line, len, id, &self) && self) {
        r->cur_set = true;
        memcpy(r->cur_id, id, sizeof id);
        note_set_root(line, len, r->cur_verdict, &r->cur_q);
    }
    if (r->holding) {
        if (ls_buf_add(&r->hold, line, len) != LS_OK || ls_buf_addc(&r->hold, '\n') != LS_OK) return -1;
        if (!is_root_done(line, len)) return 0;
        r->holding = false;
        r->blk_open = false;
        const struct set_verdict *v = set_find(r, r->hold_id);
        if (r->n_held == r->cap_held) {
            size_t cap = r->cap_held ? r->cap_held * 2 : 16;
            struct held_part *n = realloc(r->held, cap * sizeof *n);
            if (!n) return -1;
            r->held = n;
            r->cap_held = cap;
        }
        struct held_part *h = &r->held[r->n_held];
        if (hold_block(r, h) != 0) return -1;
        h->live = true;
        h->path = NULL;
        memcpy(h->set_id, r->hold_id, sizeof h->set_id);
        r->n_held++;
        r->held_last = true; /* on_pool_root() names it, then writes it if v is known */
        (void)v;
        return 0;
    }
    if (emit_line(r, line, len) != 0) return -1;
    r->blk_open = true;
    if (is_root_done(line, len)) {
        r->root_written = true;
        r->done_written++;
        r->blk_open = false;
    }
    return 0;
}

/* ---- progress: a line redrawn on a terminal; on a log, a line a minute ---- */

#define PROGRESS_LOG_EVERY 60.0 /* seconds between lines when stderr is not a terminal */

static void fmt_eta(double s, char *out, size_t n)
{
    if (s < 0 || s > 360000) snprintf(out, n, "?");
    else if (s >= 3600) snprintf(out, n, "%dh%02dm", (int)(s / 3600), (int)(s / 60) % 60);
    else snprintf(out, n, "%dm%02ds", (int)(s / 60), (int)s % 60);
}

/* On a terminal the line is redrawn (\r, erase) at most 4 times a second;
 * on a log (a file, a pipe: nohup, a CI job, tmux's pipe-pane) a plain
 * line ends in a newline once a minute, so that a run of hours says how
 * far it got and no escape sequence reaches the log. The cost is one
 * clock read per root between lines. */
static void progress(struct run *r, bool final)
{
    if (!r->progress && !r->log_every) return;
    double now = ls_now();
    if (!final && now - r->t_last < (r->progress ? 0.25 : r->log_every)) return;
    if (final && !r->progress) return;
    r->t_last = now;
    const char *pre = r->progress ? "\r\033[K" : "", *post = r->progress ? "" : "\n";
    if (final) {
        fputs("\r\033[K", stderr);
        return;
    }
    if (r->enumerating) {
        fprintf(stderr, "%sleaksift: enumerating, %zu files so far%s", pre, r->list.n, post);
        return;
    }
    double dt = now - r->t_start, done = (double)r->bytes_done, total = (double)r->list.total_bytes;
    double rate = dt > 0 ? done / dt : 0;
    char eta[32];
    fmt_eta(done > 0 && rate > 0 ? (total - done) / rate : -1, eta, sizeof eta);
    /* objects: those written plus those the workers have made for the
     * roots in hand, so one large archive shows its members going by */
    uint64_t objects = ls_summary_objects(r->sum) + (r->pool ? ls_pool_objects_in_flight(r->pool) : 0);
    fprintf(stderr, "%sleaksift: %llu/%zu files, %llu objects, %.1f/%.1f MiB, %.1f MiB/s, ETA %s, %llu flagged%s", pre,
            (unsigned long long)r->roots_done, r->list.n, (unsigned long long)objects, done / 1048576.0,
            total / 1048576.0, rate / 1048576.0, eta, (unsigned long long)ls_summary_flagged(r->sum), post);
}

static void on_pool_root(void *ud, const char *path, uint64_t size, bool failed)
{
    struct run *r = ud;
    if (r->held_last) { /* a later part's block, held: named now */
        r->held_last = false;
        struct held_part *h = &r->held[r->n_held - 1];
        h->path = path ? strdup(path) : NULL;
        if (set_find(r, h->set_id)) {
            flush_held(r, r->n_held - 1, set_find(r, h->set_id));
            held_compact(r);
        }
    } else {
        if (r->root_written && path) store_root(r, path); /* its block reached the manifest */
        char id[17] = "";
        if (r->cur_set) {
            set_add(r, r->cur_id, r->cur_verdict, r->cur_q);
            memcpy(id, r->cur_id, sizeof id);
        } else if (failed && path && r->root_written) {
            /* a set root that failed (crash, time limit): its record has no
             * `split`; its later parts are `incomplete` as it is */
            const struct ls_split_plan *pl;
            const char *slash = strrchr(path, '/');
            const struct ls_root_info *ri = ls_summary_last_root(r->sum);
            if (ri->have && ls_split_probe(path, LS_SPLIT_MAX_PARTS, &r->split, &pl) &&
                strcmp(slash ? slash + 1 : path, pl->root) == 0) {
                set_add(r, ri->root_id, ri->verdict[0] ? ri->verdict : "incomplete", ri->quarantine);
                memcpy(id, ri->root_id, sizeof id);
                id[16] = 0;
            }
        }
        r->cur_set = false;
        if (id[0]) flush_set(r, id);
    }
    r->root_written = false;
    r->roots_done++;
    r->bytes_done += size;
}

static void on_tick(void *ud)
{
    progress(ud, false);
}

/* ---- enumeration ---- */

/* path without "." components and repeated slashes: "./t//a" and "t/./a"
 * are "t/a". ".." is kept (lexically "t/../t" is not known to be "t"). */
static char *path_lexical(const char *path)
{
    size_t n = strlen(path);
    char *o = malloc(n + 2);
    if (!o) return NULL;
    size_t k = 0;
    if (path[0] == '/') o[k++] = '/';
    for (const char *p = path; *p;) {
        while (*p == '/') p++;
        const char *e = p;
        while (*e && *e != '/') e++;
        if (e > p && !(e - p == 1 && *p == '.')) {
            if (k && o[k - 1] != '/') o[k++] = '/';
            memcpy(o + k, p, (size_t)(e - p));
            k += (size_t)(e - p);
        }
        p = e;
    }
    if (!k) o[k++] = '.';
    o[k] = 0;
    return o;
}

/* 1: path (compared without "." components and repeated slashes) is in
 * the set; 0: it was not (added when add); -1: out of memory. */
static int idset_test(struct idset *s, const char *path, bool add)
{
    char id[17];
    char *lex = path_lexical(path);
    if (!lex) return -1;
    ls_root_id(lex, id);
    free(lex);
    uint8_t k[8];
    for (int i = 0; i < 8; i++) {
        int hi = id[2 * i] <= '9' ? id[2 * i] - '0' : id[2 * i] - 'a' + 10;
        int lo = id[2 * i + 1] <= '9' ? id[2 * i + 1] - '0' : id[2 * i + 1] - 'a' + 10;
        k[i] = (uint8_t)(hi << 4 | lo);
    }
    if (ls_fpindex_find(&s->ix, s->k, 8, 8, k) != SIZE_MAX) return 1;
    if (!add) return 0;
    if (ls_fpindex_reserve(&s->ix, s->k, 8, s->n, 1024) != LS_OK) return -1;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint8_t(*v)[8] = realloc(s->k, cap * sizeof *v);
        if (!v) return -1;
        s->k = v;
        s->cap = cap;
    }
    memcpy(s->k[s->n], k, 8);
    ls_fpindex_insert(&s->ix, s->k, 8, s->n++);
    return 0;
}

static void idset_free(struct idset *s)
{
    free(s->k);
    ls_fpindex_free(&s->ix);
}

/* 1: the root was listed already (a PATH given twice, a folder and a file
 * in it, "t" and "./t"): a root is scanned once, so ids stay unique in the
 * manifest. 0: first time; -1: out of memory. */
static int seen_before(struct run *r, const char *path)
{
    return idset_test(&r->seen, path, true);
}

static int on_root(void *ud, const char *path, int special, const char *errmsg)
{
    struct run *r = ud;
    if (g_stop) return 1;
    /* --resume: done under this name, or under another spelling of it
     * ("./t/a" then "t/a") */
    if (r->done.n && (ls_done_has(&r->done, path) || idset_test(&r->done_lex, path, false) > 0)) {
        r->skipped++;
        return 0;
    }
    int seen = seen_before(r, path);
    if (seen > 0) {
        r->repeated++;
        return 0;
    }
    bool link = special == CLI_ROOT_LINK; /* listed as a regular file, opened following the link */
    if (link) special = 0;
    if (link && r->n_link == r->cap_link) {
        size_t nc = r->cap_link ? r->cap_link * 2 : 16;
        size_t *v = realloc(r->link_roots, nc * sizeof *v);
        if (v) {
            r->link_roots = v;
            r->cap_link = nc;
        } else {
            seen = -1;
        }
    }
    struct stat sb;
    uint64_t size = !special && root_stat(r, path, &sb) == 0 && sb.st_size > 0 ? (uint64_t)sb.st_size : 0;
    if (link && seen >= 0) r->link_roots[r->n_link++] = r->list.n;
    if (seen < 0 || ls_rootlist_add(&r->list, path, special, errmsg, size) != LS_OK) {
        cli_err("out of memory listing the roots");
        r->write_failed = true;
        return 1;
    }
    progress(r, false);
    return 0;
}

static int walk_inputs(struct run *r, struct cli_walk *walk)
{
    r->enumerating = true;
    int rc = 0;
    for (size_t i = 0; i < r->o->n_paths && !g_stop && !r->write_failed; i++)
        if (cli_walk_path(walk, r->o->paths[i]) != 0) break;
    if (r->o->files_from && !g_stop && !r->write_failed)
        if (cli_walk_list(walk, r->o->files_from, r->o->nul_sep) < 0) rc = -1;
    r->enumerating = false;
    dc_free(&r->dc_list);
    return rc;
}

/* ---- dispatch ---- */

static int record_special(struct run *r, const char *path, enum ls_special k, const char *msg)
{
    ls_err e = ls_worker_record_special(r->w, path, k, msg, on_record, r);
    r->root_written = false; /* nothing to store: no content */
    r->roots_done++;
    return e == LS_OK ? 0 : -1;
}

/* The supervisor opens every root itself; workers get the descriptor. */
static int scan_regular(struct run *r, const char *path, bool follow)
{
    int fd = root_open(r, path, O_RDONLY | (follow ? 0 : O_NOFOLLOW) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        enum ls_special k = e == ENOENT ? LS_SPECIAL_VANISHED
                            : e == ELOOP ? LS_SPECIAL_SYMLINK
                                         : LS_SPECIAL_UNREADABLE;
        r->lost_open += k != LS_SPECIAL_SYMLINK;
        return record_special(r, path, k, strerror(e));
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        /* replaced by a special file between the walk and the open */
        close(fd);
        r->lost_open++;
        return record_special(r, path, S_ISFIFO(sb.st_mode) ? LS_SPECIAL_FIFO
                                       : S_ISDIR(sb.st_mode) ? LS_SPECIAL_NOT_FILE
                                                             : LS_SPECIAL_DEVICE, NULL);
    }
    ls_err e = ls_pool_submit(r->pool, fd, path, (uint64_t)sb.st_size);
    if (e == LS_E_NOMEM) cli_err("%s: out of memory", path);
    return e == LS_OK ? 0 : -1;
}

static unsigned pick_jobs(const struct run *r)
{
    unsigned j = r->o->jobs;
    if (!j) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        j = n > 0 ? (unsigned)n : 1;
    }
    if (r->list.regular && j > r->list.regular) j = (unsigned)r->list.regular;
    return j ? j : 1;
}

/* The largest root a worker reads: a split archive's set root is read as
 * all its parts joined (src/pipeline/splitset.h), which the sandbox's
 * address-space and file-size limits must allow. Only names that can
 * start a set are probed. */
static uint64_t max_read_size(const struct run *r)
{
    uint64_t max = r->list.max_size;
    struct ls_split_cache k;
    ls_split_cache_init(&k);
    for (size_t i = 0; i < r->list.n; i++) {
        if (r->list.v[i].special) continue;
        const char *path = ls_rootlist_path(&r->list, i), *slash = strrchr(path, '/');
        const char *b = slash ? slash + 1 : path;
        struct ls_split_name nm;
        if (!ls_split_parse(b, strlen(b), &nm)) continue;
        bool first = nm.scheme == LS_SPLIT_RAR ? nm.index == 1
                     : nm.scheme == LS_SPLIT_NUM ? nm.index <= 1
                                                 : nm.index == 0;
        const struct ls_split_plan *pl;
        if (first && ls_split_probe(path, LS_SPLIT_MAX_PARTS, &k, &pl) && pl->total > max) max = pl->total;
    }
    ls_split_cache_free(&k);
    return max;
}

static int start_pool(struct run *r)
{
    struct ls_pool_opts po = {
        .jobs = pick_jobs(r), .lim = &r->o->cfg.limits, .max_root_size = max_read_size(r),
        .stop = &g_stop, .on_root_done = on_pool_root, .tick = on_tick, .ud = r,
    };
    char err[256] = "";
    if (ls_pool_new(&po, r->w, on_record, r, &r->pool, err, sizeof err) == LS_OK) return 0;
    cli_err("%s", err[0] ? err : "cannot start the worker pool");
    return -1;
}

static int dispatch(struct run *r)
{
    if (!r->list.n) return 0;
    if (start_pool(r) != 0) return -1;
    int rc = 0;
    size_t nl = 0; /* the next of r->link_roots */
    for (size_t i = 0; i < r->list.n && !g_stop && !r->write_failed && rc == 0; i++) {
        const char *path = ls_rootlist_path(&r->list, i);
        int sp = r->list.v[i].special;
        bool follow = nl < r->n_link && r->link_roots[nl] == i;
        nl += follow;
        rc = sp ? record_special(r, path, (enum ls_special)sp, ls_rootlist_err(&r->list, i))
                : scan_regular(r, path, follow);
        progress(r, false);
    }
    if (g_stop && rc != 0) rc = 0; /* the pool refused work because of the stop */
    if (ls_pool_drain(r->pool) != LS_OK && !g_stop) rc = -1;
    /* later parts still held: their set root was not written in this run
     * nor in the manifest resumed (`incomplete`, said why); interrupted:
     * not written, --resume redoes them */
    for (size_t k = 0; k < r->n_held && !g_stop && !r->write_failed; k++)
        flush_held(r, k, set_find(r, r->held[k].set_id));
    if (*ls_pool_error(r->pool)) cli_err("%s", ls_pool_error(r->pool));
    return rc;
}

/* ---- manifest set-up ---- */

static void remember_skip(struct run *r, struct cli_walk *walk)
{
    struct stat sb;
    if (fstat(r->out_fd, &sb) == 0) {
        walk->skip_dev = sb.st_dev;
        walk->skip_ino = sb.st_ino;
        walk->have_skip = true;
    }
}

/* Lines kept from the manifest being resumed: fold into the summary. */
static int on_kept_line(void *ud, const char *line, size_t len)
{
    struct run *r = ud;
    struct ls_slice v;
    if (!r->old_key_id[0] && ls_journal_field(ls_slice_make(line, len), "fingerprint_key_id", &v) &&
        v.len < sizeof r->old_key_id) {
        memcpy(r->old_key_id, v.ptr, v.len);
        r->old_key_id[v.len] = 0;
    }
    (void)ls_summary_add_line(r->sum, line, len); /* the summary lists them too */
    char id[17], verdict[16];
    bool self = false, q = false;
    if (ls_split_ids(line, len, id, &self) && self) { /* a set root done before: its later parts' verdict */
        note_set_root(line, len, verdict, &q);
        set_add(r, id, verdict, q);
    }
    if (is_root_done(line, len)) { /* the root's path, in every spelling */
        const struct ls_root_info *ri = ls_summary_last_root(r->sum);
        if (ri->have && ri->path && idset_test(&r->done_lex, ri->path, true) < 0) return -1;
    }
    return 0;
}

/* Opens the manifest; *need_run: no run record yet (write one). */
static int open_output(struct run *r, struct cli_walk *walk, bool *need_run)
{
    *need_run = true;
    if (strcmp(r->o->output, "-") == 0) {
        if (r->o->resume) {
            cli_err("--resume needs a manifest file (-o FILE), not stdout");
            return -1;
        }
        r->out_fd = STDOUT_FILENO;
        return 0;
    }
    if (cli_foreign_file(r->o->output)) {
        cli_err("%s: not a leaksift manifest: refusing to %s it (another -o, or remove it first)",
                r->o->output, r->o->resume ? "resume into" : "replace");
        return -1;
    }
    int flags = O_CREAT | O_CLOEXEC | (r->o->resume ? O_RDWR : O_WRONLY | O_TRUNC);
    r->out_fd = open(r->o->output, flags, 0644);
    if (r->out_fd < 0) {
        cli_err("%s: cannot %s the manifest: %s", r->o->output, r->o->resume ? "open" : "create",
                strerror(errno));
        return -1;
    }
    struct stat ob;
    if (r->o->resume && (fstat(r->out_fd, &ob) != 0 || !S_ISREG(ob.st_mode))) {
        /* a FIFO or a device opens O_RDWR at once, then cannot be read back */
        cli_err("--resume needs a manifest file (-o FILE): %s is not a regular file", r->o->output);
        return -1;
    }
    remember_skip(r, walk);
    char err[256] = "";
    if (r->o->resume &&
        ls_journal_load(r->out_fd, &r->done, on_kept_line, r, need_run, err, sizeof err) != LS_OK) {
        cli_err("%s: %s", r->o->output, err);
        return -1;
    }
    struct stat sb;
    if (fstat(r->out_fd, &sb) == 0 && S_ISREG(sb.st_mode)) r->out_off = lseek(r->out_fd, 0, SEEK_CUR);
    return 0;
}

static void check_resumed_key(struct run *r, const char *run_line, size_t len)
{
    struct ls_slice v;
    if (!r->old_key_id[0] || r->o->quiet ||
        !ls_journal_field(ls_slice_make(run_line, len), "fingerprint_key_id", &v) ||
        ls_slice_eq_str(v, r->old_key_id))
        return;
    cli_err("warning: resuming with another fingerprint key than the manifest's first part; "
            "distinct counts will not join (use --fingerprint-key FILE for resumable runs)");
}

/* A PATH that is the quarantine store or inside it would be skipped whole
 * (the store is never walked): a mix-up of arguments, said before
 * anything is written. */
static bool store_holds_input(const struct scan_opts *o)
{
    char *q = realpath(o->quarantine_dir, NULL);
    bool bad = false;
    size_t ql = q ? strlen(q) : 0;
    for (size_t i = 0; q && i < o->n_paths && !bad; i++) {
        char *p = realpath(o->paths[i], NULL);
        bad = p && strncmp(p, q, ql) == 0 && (p[ql] == 0 || p[ql] == '/' || ql == 1);
        if (bad) cli_err("--quarantine-dir %s holds the PATH %s, which would not be scanned",
                         o->quarantine_dir, o->paths[i]);
        free(p);
    }
    free(q);
    return bad;
}

/* Is the existing --quarantine-dir something else than an empty folder
 * or a leaksift store (index.jsonl, two-hex-digit folders of copies,
 * lost+found of a fresh file system, and the manifest -o itself)? A
 * responder's folder of evidence or a home directory would have the held
 * back files mixed into it (and 0400 copies beside its own files):
 * refused before anything is written. A DIR that does not exist yet is
 * made by the store. */
static bool store_is_foreign(const struct scan_opts *o)
{
    int dfd = open(o->quarantine_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return false; /* absent (made), or not a folder: ls_qstore_open says so */
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return false;
    }
    struct stat out;
    bool have_out = strcmp(o->output, "-") != 0 && stat(o->output, &out) == 0;
    bool bad = false;
    char what[16] = "", name[256] = "";
    struct dirent *de;
    while (!bad && (de = readdir(d))) {
        const char *n = de->d_name;
        struct stat sb;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0) continue;
        if (fstatat(dfd, n, &sb, AT_SYMLINK_NOFOLLOW) != 0) continue; /* gone meanwhile */
        bool hex2 = strlen(n) == 2 && strspn(n, "0123456789abcdef") == 2;
        if ((hex2 || strcmp(n, "lost+found") == 0) && S_ISDIR(sb.st_mode)) continue;
        if (strcmp(n, "index.jsonl") == 0 && S_ISREG(sb.st_mode)) continue;
        if (have_out && sb.st_dev == out.st_dev && sb.st_ino == out.st_ino) continue;
        bad = true;
        snprintf(what, sizeof what, "%s", S_ISDIR(sb.st_mode) ? "the folder" : "the file");
        snprintf(name, sizeof name, "%s", n);
    }
    if (bad)
        cli_err("--quarantine-dir %s is not a leaksift quarantine store (it holds %s %s): refusing to mix "
                "copies of quarantined files into it; name a new or empty folder, or a store a previous run wrote",
                o->quarantine_dir, what, name);
    closedir(d);
    return bad;
}

static int setup(struct run *r, struct cli_walk *walk)
{
    char err[1024] = "";
    ls_err e = ls_engine_new(&r->o->cfg, &r->eng, err, sizeof err);
    if (e != LS_OK) {
        cli_err("%s", err[0] ? err : ls_err_name(e));
        return -1;
    }
    const char *warn = ls_engine_warnings(r->eng);
    if (*warn && !r->o->quiet) fputs(warn, stderr);
    /* Loaded once here, before the workers are forked: shared copy-on-write. */
    e = ls_worker_new(r->eng, &r->w, err, sizeof err);
    if (e != LS_OK) {
        cli_err("%s", err[0] ? err : ls_err_name(e));
        return -1;
    }
    if (r->o->quarantine_dir && (store_holds_input(r->o) || store_is_foreign(r->o))) return -1;
    if (r->o->quarantine_dir &&
        ls_qstore_open(r->o->quarantine_dir, &r->qstore, err, sizeof err) != LS_OK) {
        cli_err("--quarantine-dir: %s", err);
        return -1;
    }
    struct stat qsb; /* copies of quarantined files are not triaged again */
    if (r->o->quarantine_dir && stat(r->o->quarantine_dir, &qsb) == 0) {
        walk->qdir_dev = qsb.st_dev;
        walk->qdir_ino = qsb.st_ino;
        walk->have_qdir = true;
    }
    r->sum = ls_summary_new();
    if (r->sum && !r->o->quiet) ls_summary_on_root(r->sum, cli_flagged_note, &r->top);
    bool need_run;
    if (!r->sum || open_output(r, walk, &need_run) != 0) return -1;
    char *run = malloc(1u << 20);
    size_t n = run ? ls_run_record(r->eng, r->o->argv_json, run, 1u << 20) : 0;
    int rc = n ? 0 : -1;
    if (n && need_run) rc = emit_line(r, run, n);
    else if (n) check_resumed_key(r, run, n);
    free(run);
    return rc;
}

/* ---- the end ---- */

static int finish(struct run *r, int walk_rc)
{
    double dt = ls_now() - r->t_start;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    progress(r, true);
    if (!r->write_failed && ls_summary_record(r->sum, dt, &b) == LS_OK) emit_line(r, ls_buf_str(&b), b.len);
    const char *shown = strcmp(r->o->output, "-") == 0 ? "standard output" : r->o->output;
    /* after a write error the counts describe a cut manifest, not the run:
     * only the closing message below is said */
    if (!r->o->quiet && !r->write_failed) {
        ls_buf_reset(&b);
        if (ls_summary_human(r->sum, shown, dt, &b) == LS_OK) fputs(ls_buf_str(&b), stderr);
        cli_flagged_print(&r->top, ls_summary_quarantined(r->sum));
        if (r->skipped) fprintf(stderr, "  resumed: %llu files were already done\n", (unsigned long long)r->skipped);
        if (r->repeated)
            fprintf(stderr, "  named more than once: %llu files (scanned once)\n", (unsigned long long)r->repeated);
        if (r->pool && ls_pool_failed(r->pool))
            fprintf(stderr, "  lost to worker failures: %llu files (see coverage_reasons)\n",
                    (unsigned long long)ls_pool_failed(r->pool));
        if (r->qstore)
            fprintf(stderr, "  quarantine store: %s (%llu files copied)\n", r->o->quarantine_dir,
                    (unsigned long long)ls_qstore_count(r->qstore));
    }
    /* with -q (no summary), roots lost after they were listed are still
     * said, in one line: the exit status 1 alone reads as "something
     * quarantined" */
    uint64_t failed = r->pool ? ls_pool_failed(r->pool) : 0;
    if (r->o->quiet && !r->write_failed && !g_stop && (r->lost_open || failed))
        cli_err("not read: %llu files (%llu gone, unreadable or no longer regular files when opened, %llu lost "
                "to worker failures; recorded incomplete, coverage_reasons in the manifest say why)",
                (unsigned long long)(r->lost_open + failed), (unsigned long long)r->lost_open,
                (unsigned long long)failed);
    if (g_stop) /* said even with -q, like every error */
        cli_err("interrupted: the manifest holds %llu of the %zu files found (the same command with "
                "--resume goes on)", (unsigned long long)(r->done_written + r->skipped), r->list.n + r->skipped);
    if (r->q_failed) cli_err("%llu quarantined files could not be stored", (unsigned long long)r->q_failed);
    /* said even with -q: a run that looked at nothing is no all-clear */
    if (!r->write_failed && !g_stop && walk_rc == 0 && ls_summary_roots(r->sum) == 0 && !r->skipped)
        cli_err("warning: no files to scan in the given paths");
    if (r->write_failed)
        cli_err("the manifest (%s) is incomplete: the run stopped at the write error; it holds %llu of the "
                "%zu files found%s", shown, (unsigned long long)(r->done_written + r->skipped),
                r->list.n + r->skipped,
                r->out_fd != STDOUT_FILENO ? " (make room, then the same command with --resume goes on)" : "");
    ls_buf_free(&b);
    if (r->out_fd > STDOUT_FILENO) {
        if (close(r->out_fd) != 0 && !r->write_failed) {
            cli_err("%s: %s", r->o->output, strerror(errno));
            r->write_failed = true;
        }
        r->out_fd = -1;
    }
    if (r->write_failed || walk_rc < 0 || g_stop || r->q_failed) return EXIT_ERROR;
    bool lost = r->pool && ls_pool_failed(r->pool);
    return ls_summary_quarantined(r->sum) || lost ? EXIT_FLAGGED : EXIT_CLEAN;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int scan_run(struct scan_opts *o)
{
    struct run r;
    memset(&r, 0, sizeof r);
    r.o = o;
    r.out_fd = -1;
    r.out_off = -1;
    r.dc_list.fd = r.dc_open.fd = -1;
    ls_split_cache_init(&r.split);
    ls_buf_init(&r.hold, 1u << 30);
    r.held_fd = -1;
    r.held_cap = HELD_MEM;
#ifdef LEAKSIFT_TEST_HOOKS
    /* tests/e2e/test_splitvol.py SplitHeldCap: a small cap, and what it did */
    const char *hc = getenv("LEAKSIFT_TEST_HELD_MEM");
    if (hc) r.held_cap = (size_t)strtoull(hc, NULL, 10);
#endif
    r.t_start = r.t_last = ls_now();
    r.progress = !o->quiet && isatty(STDERR_FILENO);
    r.log_every = !o->quiet && !r.progress ? PROGRESS_LOG_EVERY : 0;
#ifdef LEAKSIFT_TEST_HOOKS
    const char *pe = getenv("LEAKSIFT_TEST_PROGRESS_EVERY"); /* test_cli19: seconds between log lines */
    if (pe && r.log_every) r.log_every = strtod(pe, NULL) > 0 ? strtod(pe, NULL) : 1e-9;
#endif
    ls_buf_init(&r.line, 512u << 20);
    ls_rootlist_init(&r.list);
    struct cli_walk walk = {.fn = on_root, .ud = &r, .shard_k = o->shard_k, .shard_n = o->shard_n};
    install_signals();
    int rc = EXIT_ERROR;
    if (setup(&r, &walk) == 0) {
        int walk_rc = walk_inputs(&r, &walk);
        if (dispatch(&r) != 0 && walk_rc == 0) walk_rc = -1;
        rc = finish(&r, walk_rc);
    }
    ls_pool_free(r.pool);
    ls_worker_free(r.w);
    ls_engine_free(r.eng);
    ls_summary_free(r.sum);
    ls_qstore_close(r.qstore);
    ls_buf_free(&r.line);
    ls_rootlist_free(&r.list);
    free(r.link_roots);
    ls_done_free(&r.done);
    idset_free(&r.seen);
    idset_free(&r.done_lex);
    cli_flagged_free(&r.top);
    dc_free(&r.dc_list);
    dc_free(&r.dc_open);
    ls_split_cache_free(&r.split);
    for (size_t i = 0; i < r.n_held; i++) {
        free(r.held[i].path);
        free(r.held[i].block);
    }
    free(r.held);
    free(r.sv);
    ls_buf_free(&r.hold);
#ifdef LEAKSIFT_TEST_HOOKS
    if (hc)
        fprintf(stderr, "test: held parts: %llu spilled, at most %zu bytes in memory\n",
                (unsigned long long)r.held_spilled, r.held_peak);
#endif
    if (r.held_fd >= 0) close(r.held_fd);
    if (r.out_fd > STDOUT_FILENO) close(r.out_fd);
    return rc;
}
