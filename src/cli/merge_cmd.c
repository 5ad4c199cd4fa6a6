/* leaksift merge: join shard manifests into one manifest and summary. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/ls_core.h"
#include "manifest/merge.h"
#include <sys/stat.h>

static void merge_usage(FILE *f)
{
    fprintf(f,
"Usage: leaksift merge [OPTIONS] MANIFEST...\n"
"\n"
"Join the manifests of several shards (leaksift scan --shard K/N) or runs into\n"
"one manifest: one run record (the first input's, with \"merged_from\"), every\n"
"root that has a root_done record (kept once if several inputs hold it), and a\n"
"new summary whose distinct counts cover all inputs. Distinct counts are only\n"
"exact when every input used the same --fingerprint-key; inputs made under\n"
"different keys are refused unless --force. Every input must be a leaksift\n"
"manifest. A later part of a split archive whose set root was in another shard\n"
"(written incomplete, \"not known\") takes its set root's verdict and quarantine\n"
"when an input holds that root (an errors line says so when its own run did not\n"
"quarantine it, so that run's --quarantine-dir lacks it). OUT is written beside\n"
"itself and renamed into place once whole: a merge that fails or is interrupted\n"
"leaves it as it was. The summary on stderr lists the quarantined files, as a\n"
"scan's does.\n"
"\n"
"  -o, --output FILE   merged manifest (default manifest.jsonl; - for stdout)\n"

"      --force         merge even if the fingerprint keys differ\n"
"  -q, --quiet         no summary on stderr\n"
"  -h, --help          show this help\n"
"\n"
"A MANIFEST of - is standard input (at most once): a file redirected into it,\n"
"or a pipe, which is first copied to an unlinked temporary file in $TMPDIR\n"
"(each manifest is read three times). Other inputs must be regular files. A\n"
"line longer than 512 MiB (no record is; a file of zeros, /dev/zero piped in)\n"
"is an error: that input is no manifest.\n"
"\n"
"Exit status: 0 nothing quarantined, 1 something quarantined, 2 error (bad\n"
"flags, an input unreadable or not a manifest, a line longer than 512 MiB,\n"
"keys that differ, OUT not written).\n");
}

/* The merged manifest is written to a temporary file beside OUT and renamed
 * over it once whole: a merge that fails (keys that differ, an input that
 * is not a manifest, a full disk) leaves OUT as it was. */
static char *volatile g_tmp; /* the temporary file, removed on a signal */

static void on_signal(int sig)
{
    char *t = g_tmp;
    if (t) unlink(t);
    signal(sig, SIG_DFL);
    raise(sig);
}

static int open_temp(const char *output, mode_t mode, char **tmp)
{
    const char *slash = strrchr(output, '/');
    size_t dir = slash ? (size_t)(slash - output) + 1 : 0;
    size_t n = strlen(output) + 32;
    *tmp = malloc(n);
    if (!*tmp) return -1;
    /* ".NAME.XXXXXX" beside OUT; a name too long for that (a file name
     * holds 255 bytes) gets a short one */
    if (strlen(output + dir) + 8 <= 255)
        snprintf(*tmp, n, "%.*s.%s.XXXXXX", (int)dir, output, output + dir);
    else
        snprintf(*tmp, n, "%.*s.leaksift-merge.XXXXXX", (int)dir, output);
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int fd = mkostemp(*tmp, O_CLOEXEC);
    if (fd >= 0) {
        g_tmp = *tmp;
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_signal;
            sigemptyset(&sa.sa_mask);
            sigaction(sigs[i], &sa, NULL);
        }
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        free(*tmp);
        *tmp = NULL;
        return -1;
    }
    (void)fchmod(fd, mode);
    return fd;
}

/* Rename the temporary file over OUT (or remove it after an error), with
 * signals held so that one arriving now cannot remove the name after the
 * rename. Returns the exit status. */
static int settle_temp(const char *tmp, const char *output, int rc)
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    if (rc != EXIT_ERROR && rename(tmp, output) != 0) {
        cli_err("%s: %s", output, strerror(errno));
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_ERROR) unlink(tmp);
    g_tmp = NULL;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

/* An input must be a leaksift manifest: its first line a run record (a
 * shard's manifest always starts so). */
static bool is_manifest(const char *path)
{
    static const char head[] = "{\"record\":\"run\"";
    char buf[sizeof head - 1];
    bool in = strcmp(path, "-") == 0; /* standard input, made a file by stdin_input() */
    int fd = in ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        cli_err("merge: %s: %s", path, strerror(errno));
        return false;
    }
    struct stat sb;
    bool reg = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
    ssize_t n = reg ? pread(fd, buf, sizeof buf, 0) : 0;
    close(fd);
    if (!reg) /* merge reads each input twice (run records first): a pipe cannot be */
        cli_err("merge: %s: not a regular file (each manifest is read three times: save it to a file first, "
                "or pipe it in as -)", path);
    else if (n != (ssize_t)sizeof buf || memcmp(buf, head, sizeof buf) != 0)
        cli_err("merge: %s is not a leaksift manifest (it does not start with a run record)", path);
    return reg && n == (ssize_t)sizeof buf && memcmp(buf, head, sizeof buf) == 0;
}

/* Standard input as the input "-": a regular file read from its start,
 * else (a pipe, a file read from a later offset) copied to an unlinked
 * temporary file in $TMPDIR that becomes standard input. A terminal is
 * refused. */
static bool stdin_input(const char *output)
{
    struct stat sb, ob;
    if (fstat(STDIN_FILENO, &sb) != 0) {
        cli_err("merge: -: standard input: %s", strerror(errno));
        return false;
    }
    if (isatty(STDIN_FILENO)) {
        cli_err("merge: -: standard input is a terminal: redirect or pipe a manifest into it");
        return false;
    }
    if (strcmp(output, "-") != 0 && stat(output, &ob) == 0 && S_ISREG(sb.st_mode) && sb.st_dev == ob.st_dev &&
        sb.st_ino == ob.st_ino) {
        cli_err("merge: the output %s is also an input (standard input)", output);
        return false;
    }
    if (S_ISREG(sb.st_mode) && lseek(STDIN_FILENO, 0, SEEK_CUR) == 0) return true;
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    int fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        char name[4096];
        if ((size_t)snprintf(name, sizeof name, "%s/leaksift-merge-stdin-XXXXXX", dir) < sizeof name &&
            (fd = mkostemp(name, O_CLOEXEC)) >= 0)
            unlink(name);
    }
    if (fd < 0) {
        cli_err("merge: -: no temporary file in %s to hold standard input: %s", dir, strerror(errno));
        return false;
    }
    /* a line longer than merge reads ends the copy: /dev/zero piped in
     * would fill $TMPDIR */
    char buf[65536];
    size_t run = 0, max = ls_merge_line_max();
    unsigned long long no = 1;
    for (;;) {
        ssize_t r = read(STDIN_FILENO, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0 || (r > 0 && ls_write_all(fd, buf, (size_t)r) != 0)) {
            cli_err("merge: -: cannot copy standard input to %s: %s", dir, strerror(errno));
            close(fd);
            return false;
        }
        if (r == 0) break;
        for (const char *p = buf, *end = buf + r; p < end;) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            run += (size_t)((nl ? nl : end) - p);
            if (run > max) {
                cli_err("merge: -: line %llu of standard input is longer than %zu bytes: not a manifest "
                        "(no record is that long)", no, max);
                close(fd);
                return false;
            }
            if (!nl) break;
            run = 0, no++, p = nl + 1;
        }
    }
    if (dup2(fd, STDIN_FILENO) < 0) {
        cli_err("merge: -: %s", strerror(errno));
        close(fd);
        return false;
    }
    close(fd);
    return true;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cmd_merge(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"force", no_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *output = "manifest.jsonl";
    bool force = false, quiet = false;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 'f': force = true; break;
        case 'q': quiet = true; break;
        case 'h': merge_usage(stdout); return EXIT_CLEAN;
        case ':': cli_err("merge: option '%s' needs a value (see leaksift merge --help)", argv[optind - 1]); return EXIT_ERROR;
        default: cli_err("merge: unknown option '%s' (see leaksift merge --help)", argv[optind - 1]); return EXIT_ERROR;
        }
    }
    if (optind >= argc) {
        cli_err("merge: no MANIFEST given (see leaksift merge --help)");
        return EXIT_ERROR;
    }
    for (int i = optind; i < argc; i++)
        if (strcmp(output, "-") != 0 && strcmp(argv[i], "-") != 0 && same_file(output, argv[i])) {
            cli_err("merge: the output %s is also an input", output);
            return EXIT_ERROR;
        }
    int dashes = 0;
    for (int i = optind; i < argc; i++) dashes += strcmp(argv[i], "-") == 0;
    if (dashes > 1) {
        cli_err("merge: - (standard input) is given %d times: it can be read as one input only", dashes);
        return EXIT_ERROR;
    }
    if (dashes && !stdin_input(output)) return EXIT_ERROR;
    for (int i = optind; i < argc; i++)
        if (!is_manifest(argv[i])) return EXIT_ERROR;
    struct stat osb;
    bool exists = strcmp(output, "-") != 0 && stat(output, &osb) == 0;
    if (exists && !S_ISREG(osb.st_mode)) {
        cli_err("merge: the output %s is not a regular file", output);
        return EXIT_ERROR;
    }
    if (strcmp(output, "-") != 0 && cli_foreign_file(output)) {
        cli_err("merge: %s: not a leaksift manifest: refusing to replace it (another -o, or remove it first)",
                output);
        return EXIT_ERROR;
    }
    char *tmp = NULL;
    mode_t um = umask(0);
    umask(um);
    /* a manifest replaced keeps its mode (one made 0600 stays so) */
    mode_t mode = exists ? osb.st_mode & 07777 : 0644 & ~um;
    int fd = strcmp(output, "-") == 0 ? STDOUT_FILENO : open_temp(output, mode, &tmp);
    if (fd < 0) {
        cli_err("%s: cannot create the merged manifest: %s", output, strerror(errno));
        return EXIT_ERROR;
    }
    struct ls_summary *sum = ls_summary_new();
    struct cli_flagged top = {0};
    if (sum && !quiet) ls_summary_on_root(sum, cli_flagged_note, &top);
    struct ls_merge_report rep;
    char err[1024] = "";
    double t0 = ls_now();
    ls_err e = sum ? ls_manifest_merge((const char *const *)argv + optind, (size_t)(argc - optind), fd,
                                       force, sum, &rep, err, sizeof err)
                   : LS_E_NOMEM;
    int rc = EXIT_ERROR;
    if (e == LS_OK) {
        struct ls_buf b;
        ls_buf_init(&b, 1u << 20);
        if (ls_summary_record(sum, ls_now() - t0, &b) == LS_OK && ls_buf_addc(&b, '\n') == LS_OK &&
            write(fd, b.ptr, b.len) == (ssize_t)b.len) {
            rc = ls_summary_quarantined(sum) ? EXIT_FLAGGED : EXIT_CLEAN;
        } else {
            cli_err("%s: cannot write the summary", output);
        }
        if (!quiet) {
            ls_buf_reset(&b);
            if (ls_summary_human(sum, tmp ? output : "standard output", ls_now() - t0, &b) == LS_OK) fputs(ls_buf_str(&b), stderr);
            cli_flagged_print(&top, ls_summary_quarantined(sum));
            if (rep.unfinished)
                cli_err("merge: %llu roots had no root_done (an interrupted shard?) and were left out",
                        (unsigned long long)rep.unfinished);
            if (rep.duplicates)
                cli_err("merge: %llu roots appeared in several inputs and were kept once",
                        (unsigned long long)rep.duplicates);
            if (rep.parts_resolved)
                cli_err("merge: %llu later parts of split archives took their set root's verdict from another input",
                        (unsigned long long)rep.parts_resolved);
            if (rep.rules_mismatch) cli_err("merge: warning: the inputs used different rule sets");
            if (rep.key_mismatch) cli_err("merge: warning: different fingerprint keys; distinct counts are upper bounds");
            if (rep.bad_lines) cli_err("merge: %llu lines were not JSON and were skipped", (unsigned long long)rep.bad_lines);
        }
        ls_buf_free(&b);
    } else {
        cli_err("merge: %s", err[0] ? err : ls_err_name(e));
    }
    ls_summary_free(sum);
    cli_flagged_free(&top);
    if (fd != STDOUT_FILENO && close(fd) != 0 && rc != EXIT_ERROR) {
        cli_err("%s: %s", output, strerror(errno));
        rc = EXIT_ERROR;
    }
    if (tmp) rc = settle_temp(tmp, output, rc);
    free(tmp);
    return rc;
}
