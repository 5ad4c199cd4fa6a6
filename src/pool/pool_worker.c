/*
 * A worker process: inherits the engine and its ls_worker from the
 * supervisor (copy-on-write), enters the sandbox, then serves roots: receive
 * a descriptor, ls_worker_scan_fd(), stream each record back as a frame,
 * report the status. It never opens a path.
 *
 * Test hooks (compiled only with -DLEAKSIFT_TEST_HOOKS=ON): a root whose
 * first bytes are one of the markers below misbehaves on purpose, so the
 * tests can prove isolation. They are checked here, in the worker loop,
 * not in the pipeline.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core/watch.h"
#include "identify/ls_crypto.h"
#include "pipeline/pipeline.h"
#include "pipeline/record.h"
#include "pool/pool_int.h"
#include "unpack/unpack_warm.h"

/* Records are batched: frames collect in `out` and go to the socket in one
 * write when 256 KiB have gathered and when the root is over, so the
 * supervisor wakes about once per root, not once per record. */
#define POOL_BATCH (256u << 10)

struct fwd {
    int sock;
    struct ls_buf out;
    bool failed;
    struct ls_buf dig; /* the summary digest of the record being built */
};

/* A record's digest past this is not sent (the line is parsed instead). */
#define POOL_DIG_MAX (16u << 20)

static int fwd_flush(struct fwd *f)
{
    if (f->out.len && pool_send_raw(f->sock, f->out.ptr, f->out.len) != 0) f->failed = true;
    ls_buf_reset(&f->out);
    return f->failed ? -1 : 0;
}

static ls_err fwd_append(struct fwd *f, uint8_t type, uint8_t kind, bool has_kind, const void *p,
                         size_t len)
{
    size_t body = len + (has_kind ? 1 : 0);
    if (len > LS_POOL_MAX_FRAME - 1) return LS_E_LIMIT;
    uint8_t hdr[POOL_HDR + 1] = {(uint8_t)body, (uint8_t)(body >> 8), (uint8_t)(body >> 16),
                                 (uint8_t)(body >> 24), type, kind};
    LS_TRY(ls_buf_add(&f->out, hdr, POOL_HDR + (has_kind ? 1 : 0)));
    return ls_buf_add(&f->out, p, len);
}

/* A 'Q' frame: kind, u32le line length, line, digest. */
static ls_err fwd_append_dig(struct fwd *f, uint8_t kind, const char *line, size_t len, struct ls_slice dig)
{
    size_t body = 1 + 4 + len + dig.len;
    uint8_t hdr[POOL_HDR + 5] = {(uint8_t)body, (uint8_t)(body >> 8), (uint8_t)(body >> 16), (uint8_t)(body >> 24),
                                 POOL_T_RECSUM, kind, (uint8_t)len, (uint8_t)(len >> 8), (uint8_t)(len >> 16),
                                 (uint8_t)(len >> 24)};
    LS_TRY(ls_buf_add(&f->out, hdr, sizeof hdr));
    LS_TRY(ls_buf_add(&f->out, line, len));
    return ls_buf_add(&f->out, dig.ptr, dig.len);
}

/* Forward one record: a frame of kind byte + line, with its summary
 * digest when record.c made one for this line. */
static int fwd_record(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    struct fwd *f = ud;
    if (f->failed) return -1;
    struct ls_slice dig;
    ls_err e;
    if (ls_record_digest_take(line, len, &dig) && len <= LS_POOL_MAX_FRAME - 5 - dig.len)
        e = fwd_append_dig(f, (uint8_t)kind, line, len, dig);
    else
        e = fwd_append(f, POOL_T_RECORD, (uint8_t)kind, true, line, len);
    if (e != LS_OK) {
        f->failed = true;
        return -1;
    }
    return f->out.len >= POOL_BATCH ? fwd_flush(f) : 0;
}

#ifdef LEAKSIFT_TEST_HOOKS
static bool marker_is(const uint8_t *head, size_t n, const char *m)
{
    size_t ml = strlen(m);
    return n >= ml && memcmp(head, m, ml) == 0;
}

/* Allocate (without touching the pages) until malloc fails: RLIMIT_AS
 * makes that quick. Sanitizer builds have no address-space limit, so
 * there the hook stops after 1 GiB and reports the failure itself. */
static bool hook_oom(void)
{
    void **chain = NULL;
    size_t n = 0;
    for (;;) {
#ifdef LEAKSIFT_SANITIZED
        if (n >= 16) break;
#endif
        void **p = malloc(64u << 20);
        if (!p) break;
        *p = chain;
        chain = p;
        n++;
    }
    while (chain) {
        void **next = *chain;
        free(chain);
        chain = next;
    }
    return true;
}

/* Returns true if the root was a marker the hook handled (status set). */
static bool test_hook(int fd, enum pool_status *st)
{
    uint8_t head[32];
    ssize_t n = pread(fd, head, sizeof head, 0);
    if (n <= 0) return false;
    size_t len = (size_t)n;
    if (marker_is(head, len, "LEAKSIFT-TEST-CRASH")) abort();
    if (marker_is(head, len, "LEAKSIFT-TEST-HANG"))
        for (;;) sleep(1);
    if (marker_is(head, len, "LEAKSIFT-TEST-STALL")) {
        /* An endless loop inside a watched library call: CPU, no ticks. */
        ls_watch_enter();
        for (volatile unsigned long spin = 0;; spin++) {}
    }
    if (marker_is(head, len, "LEAKSIFT-TEST-SYSCALL")) {
        /* socket() is not on the allow-list: the kernel kills us (SIGSYS). */
        (void)syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
        abort(); /* not reached under the sandbox */
    }
    if (marker_is(head, len, "LEAKSIFT-TEST-OPEN")) {
        /* open() must fail (EACCES) under the sandbox; if it works, crash so
         * the test sees it. Otherwise the root is scanned normally. */
        int x = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
        if (x >= 0) abort();
        return false;
    }
    if (marker_is(head, len, "LEAKSIFT-TEST-OOM") && hook_oom()) {
        *st = POOL_ST_NOMEM;
        return true;
    }
    return false;
}
#endif

static enum pool_status serve_root(struct ls_worker *w, struct fwd *f, int fd, const char *path,
                                   const struct pool_sib *sib, struct pool_split *sp)
{
#ifdef LEAKSIFT_TEST_HOOKS
    enum pool_status st = POOL_ST_OK;
    if (test_hook(fd, &st)) return st;
#endif
    struct ls_split_job job;
    memset(&job, 0, sizeof job);
    job.n = sp->set ? sp->n : sp->parts;
    job.part = sp->set ? sp->root_part : sp->part;
    job.note_limit = sp->note_limit;
    snprintf(job.note, sizeof job.note, "%s", sp->note);
    job.set_path = sp->later ? sp->set_path : NULL;
    const char *sname = sib->name[0] ? sib->name : NULL;
    ls_err e = sp->set     ? ls_worker_scan_split(w, fd, sp->fds, (const char(*)[256])sp->names, &job, path, sname,
                                                  sib->data, fwd_record, f)
               : sp->later ? ls_worker_scan_later(w, fd, path, &job, fwd_record, f)
                           : ls_worker_scan_fd_sib(w, fd, path, sname, sib->data, fwd_record, f);
    if (e == LS_E_NOMEM) return POOL_ST_NOMEM;
    return e == LS_OK ? POOL_ST_OK : POOL_ST_FAILED;
}

/* Only the socket (as fd 3) and /dev/null as stdin/stdout survive; stderr
 * stays for sanitizer reports (sanitizer builds, or LEAKSIFT_WORKER_STDERR
 * set), else it is /dev/null too: libraries print a line per damaged page
 * of a hostile file (libmdb: "offset N is beyond EOF", "page N from map
 * doesn't match"), which the records already say. Anything else the
 * supervisor had open (the manifest, other workers' sockets) is closed
 * before input is touched. */
static int child_fds(const struct pool_child_cfg *cfg)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null < 0) return -1;
    if (dup2(null, STDIN_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0) return -1;
#ifndef LEAKSIFT_SANITIZED
    if (!getenv("LEAKSIFT_WORKER_STDERR") && dup2(null, STDERR_FILENO) < 0) return -1;
#endif
    if (cfg->sock != 3 && dup2(cfg->sock, 3) < 0) return -1;
    if (syscall(SYS_close_range, 4u, ~0u, 0u) != 0)
        for (int fd = 4; fd < 1024; fd++) close(fd);
    return 0;
}

static void child_signals(void)
{
    /* The supervisor decides what an interrupt means for a root in flight;
     * a terminal's ^C reaches the whole process group. */
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN); /* a spill past RLIMIT_FSIZE fails with EFBIG */
    signal(SIGCHLD, SIG_DFL);
}

/* Keep freed memory in the worker's heap. glibc returns large blocks to the
 * kernel (mmap'd above a threshold that starts at 128 KiB, heap top trimmed
 * past 128 KiB free), so the next object's buffers of the same size (file
 * bytes, zip members, XML copies, text, the PDF arena) fault their pages in
 * again: ~25% of the page faults of a run over real office documents. Blocks
 * up to 32 MiB now come from the heap and up to 64 MiB of free heap top
 * stays mapped (plus 16 MiB of padding per growth); larger blocks are still
 * mmap'd, so one huge object does not pin its memory. The address-space
 * rlimit applies to the heap as to mmap. A sanitizer's allocator ignores
 * this. */
static void heap_tune(void)
{
    (void)mallopt(M_MMAP_THRESHOLD, 32 << 20);
    (void)mallopt(M_TRIM_THRESHOLD, 64 << 20);
    (void)mallopt(M_TOP_PAD, 16 << 20);
}

/* Load what libraries would otherwise load lazily from disk after the
 * sandbox is up (open is denied there). glibc keeps loaded locale data for
 * the life of the process, so the unpacker's newlocale("C.UTF-8") per root
 * (src/unpack/unpack_session.c) then finds it in memory. */
static void warm_up(void)
{
    static locale_t keep;
    keep = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    (void)keep;
    /* Workers never print local times. With TZ unset, glibc stat()s
     * /etc/localtime on every localtime() call, which libarchive makes per
     * entry: a fixed TZ makes large archives ~40% faster. */
    setenv("TZ", "UTC", 1);
    tzset();
    /* OpenSSL reads its configuration and fetches each algorithm on first
     * use; the PDF security handler's digests and AES must not be first. */
    ls_crypto_warm_up();
    /* libarchive's LHA reader converts names from CP932 (and the code page
     * a header names) with iconv, whose converters glibc loads from disk
     * (src/unpack/unpack_session.c); in the sandbox every non-ASCII LHA
     * name was fatal and the members from it on were lost. */
    ls_unpack_warm_up();
}

_Noreturn void pool_worker_main(struct ls_worker *w, const struct pool_child_cfg *cfg)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != cfg->parent) _exit(0);
    child_signals();
    struct pool_child_cfg c = *cfg;
    if (child_fds(cfg) != 0) _exit(71);
    c.sock = 3;
    heap_tune();
    warm_up();
    char err[256] = "";
    if (pool_sandbox_enter(&c, err, sizeof err) != 0) {
        (void)pool_send_frame(c.sock, POOL_T_ERROR, err, strlen(err));
        _exit(70);
    }
    struct fwd f = {c.sock, {0}, false, {0}};
    ls_buf_init(&f.out, (size_t)LS_POOL_MAX_FRAME + POOL_BATCH + 16);
    ls_buf_init(&f.dig, POOL_DIG_MAX);
    ls_record_digest_sink(&f.dig);
    for (;;) {
        int fd;
        char *path;
        struct pool_sib sib;
        struct pool_split sp;
        int r = pool_recv_task(c.sock, &fd, &path, &sib, &sp);
        if (r <= 0) _exit(r == 0 ? 0 : 72);
        f.failed = false;
        enum pool_status st = serve_root(w, &f, fd, path, &sib, &sp);
        close(fd);
        pool_split_clear(&sp);
        free(path);
        uint8_t b = (uint8_t)st;
        if (f.failed || fwd_append(&f, POOL_T_DONE, 0, false, &b, 1) != LS_OK || fwd_flush(&f) != 0)
            _exit(73);
        /* After an allocation failure the heap may be in pieces: start
         * afresh rather than carry it into the next root. */
        if (st == POOL_ST_NOMEM) _exit(0);
    }
}
