/*
 * The supervisor side of the worker pool (pool.h): start workers, hand out
 * roots, collect each root's records, write finished blocks, turn a failed
 * worker into one failure record, enforce the per-root wall time, stop
 * cleanly on SIGINT/SIGTERM.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/handler.h"
#include "core/watch.h"
#include <sys/resource.h>

#include "manifest/summary.h"
#include "pipeline/sibling.h"
#include "pipeline/splitset.h"
#include "pool/pool_int.h"

#define POOL_READ_CHUNK (1u << 20)
#define POOL_INTERRUPTED "interrupted"
#define POOL_WORKER_CRASH "worker_crash"

struct pool_slot {
    pid_t pid;               /* 0: no process */
    int sock;
    bool busy;
    bool retiring;           /* will exit after its last root: no more work */
    char *path;              /* root in flight */
    uint64_t size;
    double t_start;
    const char *kill_reason; /* set when the supervisor killed it */
    bool stalled;            /* ... because it stalled in a watched call */
    uint64_t w_ticks;        /* its watch page's ticks when last looked at */
    double w_since;          /* wall time since when they have not moved */
    double w_cpu0;           /* its CPU seconds then; < 0: not read yet */
    struct ls_buf in;        /* received, not yet parsed */
    size_t in_off;
    struct pool_spool spool;
};

struct ls_pool {
    struct ls_pool_opts o;
    struct ls_worker *w;
    ls_record_fn emit;
    void *emit_ud;
    struct pool_slot *slots;
    unsigned n;
    struct pool_child_cfg child;
    struct ls_watch *watch;  /* n progress pages shared with the workers */
    double kill_after;       /* seconds per root; 0 = no limit */
    double stall_s;          /* CPU seconds in a watched call without progress */
    double stop_at;          /* when the stop was first seen; 0 = not yet */
    bool emit_failed;
    bool fatal;
    char fatal_msg[256];
    uint64_t failed;
    struct ls_sib_cache sib; /* the last sibling schema file read */
    struct ls_split_cache split; /* the last split archive probed */
    unsigned max_parts;      /* parts of a split archive sent with a task */
    const char *cur_line;    /* the line being written, and its digest */
    size_t cur_len;
    struct ls_slice cur_dig;
};

/* ---- starting and stopping workers ---- */

static int spawn(struct ls_pool *p, struct pool_slot *s)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
    struct ls_watch *w = &p->watch[s - p->slots];
    atomic_store(&w->ticks, 0);
    atomic_store(&w->depth, 0);
    atomic_store(&w->objects, 0);
    pid_t pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (pid == 0) {
        close(sv[0]);
        ls_watch_cur = &p->watch[s - p->slots];
        struct pool_child_cfg c = p->child;
        c.sock = sv[1];
        pool_worker_main(p->w, &c);
    }
    close(sv[1]);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    s->pid = pid;
    s->sock = sv[0];
    s->busy = false;
    s->retiring = false;
    s->kill_reason = NULL;
    s->stalled = false;
    ls_buf_reset(&s->in);
    s->in_off = 0;
    return 0;
}

/* Reap a worker whose socket closed; returns its wait status. */
static int reap(struct pool_slot *s)
{
    int status = 0;
    if (s->pid > 0) {
        /* Its socket is closed: a worker that closed it and lives on is
         * broken (or hostile); never block on it. A zombie's status is not
         * changed by the signal. */
        if (waitpid(s->pid, &status, WNOHANG) == 0) {
            kill(s->pid, SIGKILL);
            while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {}
        }
    }
    if (s->sock >= 0) close(s->sock);
    s->sock = -1;
    s->pid = 0;
    return status;
}

static void kill_slot(struct pool_slot *s, const char *reason)
{
    if (s->pid > 0 && !s->kill_reason) {
        s->kill_reason = reason;
        kill(s->pid, SIGKILL);
    }
}

/* ---- writing blocks and failure records ---- */

static int emit_cb(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    struct ls_pool *p = ud;
    if (p->emit_failed) return -1;
    if (p->emit(p->emit_ud, kind, line, len) != 0) p->emit_failed = true;
    return p->emit_failed ? -1 : 0;
}

static void root_over(struct ls_pool *p, struct pool_slot *s, bool failed)
{
    if (p->o.on_root_done) p->o.on_root_done(p->o.ud, s->path, s->size, failed);
    free(s->path);
    s->path = NULL;
    s->busy = false;
    pool_spool_reset(&s->spool);
}

static void record_failure(struct ls_pool *p, struct pool_slot *s, const char *reason,
                           const char *msg)
{
    p->failed++;
    if (ls_worker_record_failed(p->w, s->path, reason, msg, emit_cb, p) != LS_OK) p->emit_failed = true;
    root_over(p, s, true);
}

static int emit_dig_cb(void *ud, const char *line, size_t len, struct ls_slice dig)
{
    struct ls_pool *p = ud;
    p->cur_line = line;
    p->cur_len = len;
    p->cur_dig = dig;
    int r = emit_cb(p, LS_REC_OBJECT, line, len);
    p->cur_line = NULL;
    p->cur_len = 0;
    p->cur_dig = ls_slice_make(NULL, 0);
    return r;
}

struct ls_slice ls_pool_line_digest(const struct ls_pool *p, const char *line, size_t len)
{
    if (p && p->cur_line && p->cur_line == line && p->cur_len == len) return p->cur_dig;
    return ls_slice_make(NULL, 0);
}

static void write_block(struct ls_pool *p, struct pool_slot *s)
{
    if (pool_spool_replay_dig(&s->spool, emit_dig_cb, p) != LS_OK) p->emit_failed = true;
    root_over(p, s, false);
}

/* What the wait status of a worker that died with a root in flight means. */
static void describe_death(int status, const char **reason, char *msg, size_t n)
{
    *reason = POOL_WORKER_CRASH;
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        const char *name = sigabbrev_np(sig);
        if (sig == SIGSYS)
            snprintf(msg, n, "worker killed by the sandbox: forbidden system call (SIGSYS)");
        else
            snprintf(msg, n, "worker killed by signal SIG%s", name ? name : "?");
    } else if (WIFEXITED(status)) {
        snprintf(msg, n, "worker exited with status %d", WEXITSTATUS(status));
    } else {
        snprintf(msg, n, "worker lost");
    }
}

static void on_dead(struct ls_pool *p, struct pool_slot *s)
{
    int status = reap(s);
    if (!s->busy) return;
    char msg[160];
    const char *reason;
    describe_death(status, &reason, msg, sizeof msg);
    struct stat now;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS && !s->stalled && !s->kill_reason && s->path &&
        stat(s->path, &now) == 0 && S_ISREG(now.st_mode) && (uint64_t)now.st_size < s->size) {
        /* a file mapped by the worker (larger than --spill) and cut short
         * meanwhile: its pages past the new end fault (a log rotated with
         * truncate, a download restarted); not a crash of the reader */
        reason = LS_R_TRUNCATED;
        snprintf(msg, sizeof msg, "the file shrank while it was read (%llu bytes when listed, %llu now): "
                 "the worker could not read past its new end (SIGBUS)", (unsigned long long)s->size,
                 (unsigned long long)now.st_size);
    } else if (s->stalled) {
        reason = LS_R_LIMIT_TIME;
        snprintf(msg, sizeof msg,
                 "worker killed: %.0f s of CPU inside libarchive or libpff without progress "
                 "(an endless loop in the library; --stall-timeout)",
                 p->stall_s);
    } else if (s->kill_reason && strcmp(s->kill_reason, LS_R_LIMIT_TIME) == 0) {
        reason = LS_R_LIMIT_TIME;
        snprintf(msg, sizeof msg, "worker killed after %.0f s on this root (per-root time limit)",
                 p->kill_after);
    } else if (s->kill_reason) {
        reason = s->kill_reason;
        snprintf(msg, sizeof msg, "run interrupted: the worker was stopped");
    }
    record_failure(p, s, reason, msg);
}

/* ---- frames from a worker ---- */

static void on_done_frame(struct ls_pool *p, struct pool_slot *s, struct ls_slice body)
{
    int st = ls_slice_at(body, 0);
    if (st == POOL_ST_OK && s->spool.saw_done) {
        write_block(p, s);
    } else if (st == POOL_ST_NOMEM) {
        s->retiring = true; /* it exits now; a fresh worker takes its place */
        record_failure(p, s, LS_R_LIMIT_MEMORY, "worker ran out of memory (address-space limit)");
    } else {
        record_failure(p, s, POOL_WORKER_CRASH, "worker could not finish the root");
    }
}

/* 0 ok, -1: protocol violation (the worker is killed). */
static int on_frame(struct ls_pool *p, struct pool_slot *s, uint8_t type, struct ls_slice body)
{
    if (type == POOL_T_ERROR) {
        p->fatal = true;
        snprintf(p->fatal_msg, sizeof p->fatal_msg, "worker: %.*s", (int)(body.len > 200 ? 200 : body.len),
                 (const char *)body.ptr);
        return -1;
    }
    if (!s->busy) return -1;
    if (type == POOL_T_RECORD) {
        struct ls_slice line;
        int kind = ls_slice_at(body, 0);
        if (kind < 0 || !ls_slice_from(body, 1, &line)) return -1;
        ls_err e = pool_spool_add(&s->spool, line.ptr, line.len, kind == LS_REC_ROOT_DONE);
        return e == LS_OK ? 0 : -1;
    }
    if (type == POOL_T_RECSUM) {
        struct ls_slice line, dig;
        if (pool_recsum_split(body, &line, &dig) <= 0) return -1;
        int kind = ls_slice_at(body, 0);
        ls_err e = pool_spool_add_dig(&s->spool, line.ptr, line.len, dig, kind == LS_REC_ROOT_DONE);
        return e == LS_OK ? 0 : -1;
    }
    if (type == POOL_T_DONE) {
        on_done_frame(p, s, body);
        return 0;
    }
    return -1;
}

static int parse_frames(struct ls_pool *p, struct pool_slot *s)
{
    for (;;) {
        struct ls_slice rest, body;
        uint32_t len;
        if (!ls_slice_from(ls_buf_slice(&s->in), s->in_off, &rest)) return -1;
        if (rest.len < POOL_HDR) break;
        if (!ls_rd_u32le(rest, 0, &len) || len > LS_POOL_MAX_FRAME) return -1;
        if (!ls_slice_sub(rest, POOL_HDR, len, &body)) break; /* incomplete */
        if (on_frame(p, s, rest.ptr[4], body) != 0) return -1;
        s->in_off += POOL_HDR + len;
    }
    /* Compact: move the incomplete tail to the front. */
    if (s->in_off > 0) {
        size_t left = s->in.len - s->in_off;
        memmove(s->in.ptr, s->in.ptr + s->in_off, left);
        s->in.len = left;
        s->in_off = 0;
    }
    return 0;
}

/* Read what a worker sent; on EOF or a protocol error, finish it off. */
static void on_readable(struct ls_pool *p, struct pool_slot *s)
{
    if (ls_buf_reserve(&s->in, s->in.len + POOL_READ_CHUNK) != LS_OK) {
        kill_slot(s, NULL);
        return;
    }
    ssize_t r = read(s->sock, s->in.ptr + s->in.len, POOL_READ_CHUNK);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (r > 0) {
        s->in.len += (size_t)r;
        if (parse_frames(p, s) == 0) return;
        if (s->pid > 0) kill(s->pid, SIGKILL);
    }
    on_dead(p, s);
}

/* ---- the event loop ---- */

/* CPU seconds (user + system) a process has used; < 0 if unknown. The
 * fields after the command name, which may hold anything but ends at the
 * last ')': state ppid pgrp session tty tpgid flags minflt cminflt majflt
 * cmajflt utime stime (proc(5)). */
static double proc_cpu_s(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    char *q = strrchr(buf, ')');
    if (!q) return -1;
    unsigned long long t[2] = {0, 0};
    for (int field = 2, k = 0; *q && k < 2; q++) {
        if (*q != ' ') continue;
        field++;
        if (field < 14) continue;
        char *end;
        errno = 0;
        t[k++] = strtoull(q + 1, &end, 10);
        if (errno || end == q + 1) return -1;
    }
    long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? (double)(t[0] + t[1]) / (double)hz : -1;
}

/* A worker inside a watched library call (core/watch.h) whose progress
 * counter has not moved while it burnt stall_s seconds of CPU is in an
 * endless loop: kill it (limit:time) instead of waiting for the root's
 * wall-time limit. /proc is read only once the counter has stood still for
 * a second; without /proc the wall time since then counts instead. */
static void check_stall(struct ls_pool *p, struct pool_slot *s, double now)
{
    struct ls_watch *w = &p->watch[s - p->slots];
    uint64_t t = atomic_load_explicit(&w->ticks, memory_order_relaxed);
    bool inside = atomic_load_explicit(&w->depth, memory_order_relaxed) > 0;
    if (!inside || t != s->w_ticks || s->w_since == 0) {
        s->w_ticks = t;
        s->w_since = now;
        s->w_cpu0 = -1;
        return;
    }
    if (now - s->w_since < 1.0) return;
    double cpu = proc_cpu_s(s->pid), used;
    if (cpu < 0) {
        used = now - s->w_since;
    } else {
        if (s->w_cpu0 < 0) s->w_cpu0 = cpu - 1.0; /* the second before the first read */
        used = cpu - s->w_cpu0;
    }
    if (used >= p->stall_s) {
        s->stalled = true;
        kill_slot(s, LS_R_LIMIT_TIME);
    }
}

static void check_timers(struct ls_pool *p, double now)
{
    if (p->o.stop && *p->o.stop && p->stop_at == 0) p->stop_at = now;
    bool force = p->o.stop && (*p->o.stop > 1 || (p->stop_at > 0 && now - p->stop_at > LS_POOL_GRACE_S));
    for (unsigned i = 0; i < p->n; i++) {
        struct pool_slot *s = &p->slots[i];
        if (!s->busy || s->pid <= 0) continue;
        if (p->kill_after > 0 && now - s->t_start > p->kill_after) kill_slot(s, LS_R_LIMIT_TIME);
        else if (force) kill_slot(s, POOL_INTERRUPTED);
        else if (p->stall_s > 0 && !s->kill_reason) check_stall(p, s, now);
    }
}

static int poll_timeout_ms(const struct ls_pool *p, double now)
{
    double t = 0.25;
    for (unsigned i = 0; i < p->n; i++) {
        const struct pool_slot *s = &p->slots[i];
        if (s->busy && p->kill_after > 0 && !s->kill_reason) {
            double left = s->t_start + p->kill_after - now;
            if (left < t) t = left;
        }
    }
    return t <= 0 ? 0 : (int)(t * 1000) + 1;
}

/* One round: poll every live worker, handle what arrived, enforce limits. */
static void pool_step(struct ls_pool *p)
{
    struct pollfd fds[p->n];
    unsigned map[p->n], nf = 0;
    for (unsigned i = 0; i < p->n; i++) {
        if (p->slots[i].pid <= 0) continue;
        fds[nf] = (struct pollfd){p->slots[i].sock, POLLIN, 0};
        map[nf++] = i;
    }
    int r = poll(fds, nf, poll_timeout_ms(p, ls_now()));
    for (unsigned k = 0; r > 0 && k < nf; k++)
        if (fds[k].revents) on_readable(p, &p->slots[map[k]]);
    check_timers(p, ls_now());
    if (p->o.tick) p->o.tick(p->o.ud);
}

static bool stopping(const struct ls_pool *p)
{
    return p->emit_failed || p->fatal || (p->o.stop && *p->o.stop);
}

/* An idle worker, starting one if a slot is empty; NULL if the pool stops. */
static struct pool_slot *idle_slot(struct ls_pool *p)
{
    unsigned spawn_fail = 0;
    while (!stopping(p)) {
        for (unsigned i = 0; i < p->n; i++) {
            struct pool_slot *s = &p->slots[i];
            if (s->pid > 0 && !s->busy && !s->retiring) return s;
            if (s->pid <= 0 && !s->busy) {
                if (spawn(p, s) == 0) return s;
                if (++spawn_fail > 10) {
                    p->fatal = true;
                    snprintf(p->fatal_msg, sizeof p->fatal_msg, "cannot start a worker: %s", strerror(errno));
                    return NULL;
                }
            }
        }
        pool_step(p);
    }
    return NULL;
}

uint64_t ls_pool_objects_in_flight(const struct ls_pool *p)
{
    uint64_t n = 0;
    for (unsigned i = 0; p->watch && i < p->n; i++)
        if (p->slots[i].busy) n += atomic_load_explicit(&p->watch[i].objects, memory_order_relaxed);
    return n;
}

/* A split archive (src/pipeline/splitset.h), found by the names beside
 * the root: the set root goes with a descriptor of every part, a later
 * part with the set root's path. The supervisor opens the parts (workers
 * never open paths), one at a time: each descriptor is sent, then closed. */
static int send_split(struct ls_pool *p, int sock, const char *path)
{
    const struct ls_split_plan *pl;
    if (!ls_split_probe(path, p->max_parts, &p->split, &pl)) return 0;
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dlen;
    if (strcmp(base, pl->root) != 0) { /* a later part: by reference */
        size_t rl = strlen(pl->root);
        uint8_t *b = malloc(8 + dlen + rl);
        if (!b) return -1;
        uint32_t v[2] = {pl->self_part, pl->n};
        for (int i = 0; i < 8; i++) b[i] = (uint8_t)(v[i / 4] >> (8 * (i % 4)));
        memcpy(b + 8, path, dlen);
        memcpy(b + 8 + dlen, pl->root, rl);
        int rc = pool_send_frame(sock, POOL_T_LATER, b, 8 + dlen + rl);
        free(b);
        return rc;
    }
    char note[1024];
    snprintf(note, sizeof note, "%s", pl->note);
    bool limit = pl->note_limit;
    unsigned n = 0;
    for (; n < pl->n; n++) {
        int pfd = ls_split_open(&p->split, n);
        if (pfd < 0) { /* vanished or unreadable since the probe: the set ends there */
            snprintf(note, sizeof note, "part %u (%s) cannot be opened: %s: the parts before it are read", n + 1,
                     pl->names[n], strerror(errno));
            limit = false;
            break;
        }
        int rc = pool_send_fd_frame(sock, POOL_T_PART, pfd, pl->names[n], strlen(pl->names[n]));
        close(pfd);
        if (rc != 0) return -1;
    }
    if (n == 0) return 0; /* nothing joined: the root alone, as any file */
    size_t nl = strlen(note);
    uint8_t hb[5 + sizeof note];
    uint32_t rp = pl->root_part <= n ? pl->root_part : 0;
    for (int i = 0; i < 4; i++) hb[i] = (uint8_t)(rp >> (8 * i));
    hb[4] = limit ? 1 : 0;
    memcpy(hb + 5, note, nl);
    return pool_send_frame(sock, POOL_T_SET, hb, 5 + nl);
}

ls_err ls_pool_submit(struct ls_pool *p, int fd, const char *path, uint64_t size)
{
    struct pool_slot *s = idle_slot(p);
    if (!s) {
        close(fd);
        return p->fatal ? LS_E_INTERNAL : LS_E_IO;
    }
    s->path = strdup(path);
    if (!s->path) {
        close(fd);
        return LS_E_NOMEM;
    }
    s->size = size;
    s->busy = true;
    s->t_start = ls_now();
    s->kill_reason = NULL;
    s->stalled = false;
    s->w_since = 0;
    atomic_store(&p->watch[s - p->slots].objects, 0); /* the worker counts from its next task on */
    pool_spool_reset(&s->spool);
    /* A data file whose column names are in a file beside it: the
     * supervisor reads that file (workers never open paths), the same for
     * any -j and any --resume (src/pipeline/sibling.h). */
    char sib_name[LS_SIB_NAME_MAX + 1];
    struct pool_sib sib = {"", ls_slice_make(NULL, 0)};
    if (ls_sib_read(path, &p->sib, sib_name, &sib.data)) sib.name = sib_name;
    int rc = send_split(p, s->sock, path);
    if (rc == 0) rc = pool_send_task(s->sock, fd, path, &sib);
    close(fd);
    /* A worker that died before taking the task: its death is recorded for
     * this root when the socket's EOF is read. */
    if (rc != 0 && s->pid > 0) kill(s->pid, SIGKILL);
    return LS_OK;
}

static bool any_busy(const struct ls_pool *p)
{
    for (unsigned i = 0; i < p->n; i++)
        if (p->slots[i].busy) return true;
    return false;
}

ls_err ls_pool_drain(struct ls_pool *p)
{
    while (any_busy(p) && !p->emit_failed) pool_step(p);
    if (p->fatal) return LS_E_INTERNAL;
    return p->emit_failed ? LS_E_IO : LS_OK;
}

uint64_t ls_pool_failed(const struct ls_pool *p) { return p->failed; }

const char *ls_pool_error(const struct ls_pool *p) { return p->fatal ? p->fatal_msg : ""; }

/* ---- set-up ---- */

static void child_limits(struct ls_pool *p, const struct ls_pool_opts *o)
{
    const struct ls_limits *l = o->lim;
    uint64_t budget = o->max_root_size * (uint64_t)l->root_bytes_factor;
    if (o->max_root_size && budget / o->max_root_size != l->root_bytes_factor) budget = UINT64_MAX;
    if (budget < l->root_bytes_min) budget = l->root_bytes_min;
    p->child.parent = getpid();
    /* Spill files are bounded by the root's byte budget. */
    p->child.fsize_limit = budget;
    /* 64: the socket, the root, spill files; plus the parts of a split
     * archive, as far as the supervisor's hard limit allows */
    struct rlimit rl;
    rlim_t hard = getrlimit(RLIMIT_NOFILE, &rl) == 0 ? rl.rlim_max : RLIM_INFINITY;
    p->max_parts = LS_SPLIT_MAX_PARTS;
    if (hard != RLIM_INFINITY && hard < 64 + (rlim_t)LS_SPLIT_MAX_PARTS)
        p->max_parts = hard > 64 + 2 ? (unsigned)(hard - 64) : 2;
    p->child.nofile = 64 + p->max_parts;
#ifdef LEAKSIFT_SANITIZED
    p->child.as_limit = 0;
#else
    /* Heap and YARA (LS_POOL_AS_BASE) plus the largest root mapped whole;
     * a root (a sparse file, a split set's parts summed) so large that this
     * wraps around 2^64 would leave a few MiB: no limit then, as for any
     * size past the address space. */
    p->child.as_limit = o->max_root_size > (UINT64_MAX - LS_POOL_AS_BASE) / 2 ? 0
                                                                                 : LS_POOL_AS_BASE + 2 * o->max_root_size;
#endif
    const char *ns = getenv("LEAKSIFT_NO_SANDBOX");
    p->child.no_sandbox = ns && strcmp(ns, "1") == 0;
    p->kill_after = l->root_time_s ? l->root_time_s * 1.1 + 2.0 : 0;
    p->stall_s = l->stall_s;
}

ls_err ls_pool_new(const struct ls_pool_opts *o, struct ls_worker *w, ls_record_fn emit,
                   void *emit_ud, struct ls_pool **out, char *err, size_t errlen)
{
    struct ls_pool *p = calloc(1, sizeof *p);
    if (!p) return LS_E_NOMEM;
    p->o = *o;
    p->w = w;
    p->emit = emit;
    p->emit_ud = emit_ud;
    p->n = o->jobs ? o->jobs : 1;
    ls_split_cache_init(&p->split);
    p->slots = calloc(p->n, sizeof *p->slots);
    if (!p->slots) {
        free(p);
        return LS_E_NOMEM;
    }
    child_limits(p, o);
    if (p->child.no_sandbox) fprintf(stderr, "leaksift: LEAKSIFT_NO_SANDBOX=1: workers run without a sandbox\n");
    for (unsigned i = 0; i < p->n; i++) {
        p->slots[i].sock = -1;
        ls_buf_init(&p->slots[i].in, LS_POOL_MAX_FRAME + POOL_HDR + POOL_READ_CHUNK);
        pool_spool_init(&p->slots[i].spool, o->spool_mem ? o->spool_mem : LS_POOL_SPOOL_MEM);
    }
    p->watch = mmap(NULL, p->n * sizeof *p->watch, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p->watch == MAP_FAILED) {
        p->watch = NULL;
        snprintf(err, errlen, "cannot map the workers' progress pages: %s", strerror(errno));
        ls_pool_free(p);
        return LS_E_INTERNAL;
    }
    for (unsigned i = 0; i < p->n; i++) {
        if (spawn(p, &p->slots[i]) != 0) {
            snprintf(err, errlen, "cannot start worker processes: %s", strerror(errno));
            ls_pool_free(p);
            return LS_E_INTERNAL;
        }
    }
    *out = p;
    return LS_OK;
}

void ls_pool_free(struct ls_pool *p)
{
    if (!p) return;
    for (unsigned i = 0; i < p->n; i++) {
        struct pool_slot *s = &p->slots[i];
        if (s->pid > 0) {
            /* Idle workers exit on EOF; kill anything still in flight. */
            if (s->busy) kill(s->pid, SIGKILL);
            close(s->sock);
            s->sock = -1;
            int st;
            while (waitpid(s->pid, &st, 0) < 0 && errno == EINTR) {}
        }
        free(s->path);
        ls_buf_free(&s->in);
        pool_spool_free(&s->spool);
    }
    free(p->slots);
    ls_sib_cache_free(&p->sib);
    ls_split_cache_free(&p->split);
    if (p->watch) munmap(p->watch, p->n * sizeof *p->watch);
    free(p);
}
