/* The run loop of `leaksift scan`: enumerate roots, triage each, write the
 * manifest (single writer, one write() per line), the summary and the
 * exit code. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/scan_opts.h"
#include "core/ls_core.h"
#include "manifest/summary.h"

struct run {
    struct scan_opts *o;
    struct ls_engine *eng;
    struct ls_worker *w;
    int out_fd;
    struct ls_summary *sum;
    struct ls_buf line;
    bool write_failed;
    bool progress;
    double t_start, t_last;
    uint64_t roots, bytes;
};

static volatile sig_atomic_t g_stop;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* One manifest line: built whole, written with one write() (a crash never
 * leaves half a line), fed to the summary. */
static int emit_line(struct run *r, const char *line, size_t len)
{
    if (r->write_failed) return -1;
    ls_buf_reset(&r->line);
    if (ls_buf_add(&r->line, line, len) != LS_OK || ls_buf_addc(&r->line, '\n') != LS_OK ||
        write_all(r->out_fd, r->line.ptr, r->line.len) != 0) {
        cli_err("%s: cannot write the manifest: %s", r->o->output, strerror(errno ? errno : EIO));
        r->write_failed = true;
        return -1;
    }
    (void)ls_summary_add_line(r->sum, line, len);
    return 0;
}

static int on_record(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    (void)kind;
    return emit_line(ud, line, len);
}

static void progress(struct run *r, bool final)
{
    if (!r->progress) return;
    double now = ls_now();
    if (!final && now - r->t_last < 0.25) return;
    r->t_last = now;
    double mb = (double)r->bytes / 1048576.0, dt = now - r->t_start;
    fprintf(stderr, "\r\033[Kleaksift: %llu files, %.1f MiB, %.1f MiB/s, %llu flagged%s",
            (unsigned long long)r->roots, mb, dt > 0 ? mb / dt : 0.0,
            (unsigned long long)ls_summary_flagged(r->sum), final ? "\r\033[K" : "");
}

static int scan_regular(struct run *r, const char *path)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        enum ls_special k = e == ENOENT ? LS_SPECIAL_VANISHED
                            : e == ELOOP ? LS_SPECIAL_SYMLINK
                                         : LS_SPECIAL_UNREADABLE;
        return ls_worker_record_special(r->w, path, k, strerror(e), on_record, r) == LS_OK ? 0 : -1;
    }
    struct stat sb;
    ls_err e;
    if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        /* replaced by a special file between the walk and the open */
        e = ls_worker_record_special(r->w, path, S_ISFIFO(sb.st_mode) ? LS_SPECIAL_FIFO
                                                 : S_ISDIR(sb.st_mode) ? LS_SPECIAL_NOT_FILE
                                                                       : LS_SPECIAL_DEVICE,
                                     NULL, on_record, r);
    } else {
        r->bytes += (uint64_t)sb.st_size;
        e = ls_worker_scan_fd(r->w, fd, path, on_record, r);
    }
    close(fd);
    if (e == LS_E_NOMEM) cli_err("%s: out of memory", path);
    return e == LS_OK ? 0 : -1;
}

static int on_root(void *ud, const char *path, int special, const char *errmsg)
{
    struct run *r = ud;
    if (g_stop) return 1;
    r->roots++;
    int rc = special ? (ls_worker_record_special(r->w, path, (enum ls_special)special, errmsg,
                                                 on_record, r) == LS_OK ? 0 : -1)
                     : scan_regular(r, path);
    progress(r, false);
    return r->write_failed ? 1 : (rc != 0 && r->write_failed);
}

static int open_output(struct run *r, struct cli_walk *walk)
{
    if (strcmp(r->o->output, "-") == 0) {
        r->out_fd = STDOUT_FILENO;
        return 0;
    }
    r->out_fd = open(r->o->output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (r->out_fd < 0) {
        cli_err("%s: cannot create the manifest: %s", r->o->output, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(r->out_fd, &sb) == 0) {
        walk->skip_dev = sb.st_dev;
        walk->skip_ino = sb.st_ino;
        walk->have_skip = true;
    }
    return 0;
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
    e = ls_worker_new(r->eng, &r->w, err, sizeof err);
    if (e != LS_OK) {
        cli_err("%s", err[0] ? err : ls_err_name(e));
        return -1;
    }
    r->sum = ls_summary_new();
    if (!r->sum) return -1;
    if (open_output(r, walk) != 0) return -1;
    char *run = malloc(1u << 20);
    size_t n = run ? ls_run_record(r->eng, r->o->argv_json, run, 1u << 20) : 0;
    int rc = n ? emit_line(r, run, n) : -1;
    free(run);
    return rc;
}

static int walk_inputs(struct run *r, struct cli_walk *walk)
{
    for (size_t i = 0; i < r->o->n_paths && !g_stop && !r->write_failed; i++)
        if (cli_walk_path(walk, r->o->paths[i]) != 0) break;
    if (r->o->files_from && !g_stop && !r->write_failed)
        if (cli_walk_list(walk, r->o->files_from, r->o->nul_sep) < 0) return -1;
    return 0;
}

static int finish(struct run *r, int walk_rc)
{
    double dt = ls_now() - r->t_start;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    progress(r, true);
    if (!r->write_failed && ls_summary_record(r->sum, dt, &b) == LS_OK) emit_line(r, ls_buf_str(&b), b.len);
    if (!r->o->quiet) {
        ls_buf_reset(&b);
        if (ls_summary_human(r->sum, r->o->output, dt, &b) == LS_OK) fputs(ls_buf_str(&b), stderr);
        if (g_stop) cli_err("interrupted: the manifest holds the roots finished so far");
    }
    ls_buf_free(&b);
    if (r->out_fd > STDOUT_FILENO) {
        if (close(r->out_fd) != 0 && !r->write_failed) {
            cli_err("%s: %s", r->o->output, strerror(errno));
            r->write_failed = true;
        }
        r->out_fd = -1;
    }
    if (r->write_failed || walk_rc < 0) return EXIT_ERROR;
    if (g_stop) return EXIT_ERROR;
    return ls_summary_quarantined(r->sum) ? EXIT_FLAGGED : EXIT_CLEAN;
}

int scan_run(struct scan_opts *o)
{
    struct run r;
    memset(&r, 0, sizeof r);
    r.o = o;
    r.out_fd = -1;
    r.t_start = r.t_last = ls_now();
    r.progress = !o->quiet && isatty(STDERR_FILENO);
    ls_buf_init(&r.line, 512u << 20);
    struct cli_walk walk = {on_root, &r, 0, 0, false, 0, o->shard_k, o->shard_n};
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);
    int rc = EXIT_ERROR;
    if (setup(&r, &walk) == 0) rc = finish(&r, walk_inputs(&r, &walk));
    ls_worker_free(r.w);
    ls_engine_free(r.eng);
    ls_summary_free(r.sum);
    ls_buf_free(&r.line);
    if (r.out_fd > STDOUT_FILENO) close(r.out_fd);
    return rc;
}
