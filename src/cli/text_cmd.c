/* leaksift text FILE[!MEMBER...]: print what the scanner sees. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/limits.h"
#include "core/ls_core.h"
#include "core/watch.h"

static void text_usage(FILE *f)
{
    fprintf(f,
"Usage: leaksift text [OPTIONS] FILE[!MEMBER[!MEMBER...]]\n"
"\n"
"Print the normalised UTF-8 text leaksift scans for FILE, or for a member\n"
"nested inside it (members named as in the manifest's \"chain\", joined by !;\n"
"a name shown there with a value redacted by the built-in rules is accepted as\n"
"shown).\n"
"When the handler extracts no text (plain UTF-8 files) the raw bytes are what\n"
"is scanned, and they are printed, followed by what is scanned beside them\n"
"(column labels of tables, lines with full-width digits or no-break spaces\n"
"folded to ASCII); an archive or document read whole has no\n"
"text of its own (its members are scanned) and prints nothing. If the member\n"
"is not found, the members that exist are listed on stderr.\n"
"\n"
"Member names are printed with control characters, bidi controls, invalid\n"
"UTF-8, '!' and '\\' written as \\xHH (a hostile name cannot drive the\n"
"terminal, disguise itself or split a line), and FILE!MEMBER accepts the same\n"
"escapes, so a listed chain can be pasted back. On a terminal the text is\n"
"escaped the same way (line feeds, tabs, '!' and '\\' aside): hostile content\n"
"cannot send escape sequences to it. Redirected to a file or a pipe, the\n"
"bytes are written as they are.\n"
"\n"
"  -l, --list     list every object (chain, handler, type) instead; with\n"
"                 FILE!MEMBER, that member and everything nested in it\n"
"  -h, --help     show this help\n"
"\n"
"Exit status: 0 text printed (or listed), 2 error (no such file or member,\n"
"unreadable input, or libarchive or libpff looping without progress for 10 s\n"
"of CPU).\n");
}

/* The scan's stall watch (core/watch.h, docs/sandbox.md) for this
 * in-process command, which has no supervisor: a timer on the process's
 * CPU time fires once a second; LS_DEF_STALL_S seconds in a row inside a
 * libarchive or libpff call without progress end the command (exit 2) instead of
 * spinning forever on a hostile archive. Only async-signal-safe calls in
 * the handler. */
static struct ls_watch text_watch;
static uint64_t stall_ticks;
static unsigned stall_secs;

static void on_cpu_second(int sig)
{
    (void)sig;
    uint64_t t = atomic_load_explicit(&text_watch.ticks, memory_order_relaxed);
    if (atomic_load_explicit(&text_watch.depth, memory_order_relaxed) == 0 || t != stall_ticks) {
        stall_ticks = t;
        stall_secs = 0;
        return;
    }
    if (++stall_secs < LS_DEF_STALL_S) return;
    static const char msg[] = "leaksift: text: libarchive made no progress for 10 s of CPU "
                              "(an endless loop in the library on this input); giving up\n";
    _Static_assert(LS_DEF_STALL_S == 10, "the message names the stall limit");
    (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
    _exit(EXIT_ERROR);
}

static void watch_stalls(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_cpu_second;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    struct itimerval every = {{1, 0}, {1, 0}};
    if (sigaction(SIGPROF, &sa, NULL) == 0 && setitimer(ITIMER_PROF, &every, NULL) == 0)
        ls_watch_cur = &text_watch;
}

struct text_out {
    bool list;
    bool tty; /* stdout is a terminal: the text is escaped (cli_put_escaped) */
    unsigned shown, more;
    /* --list FILE!MEMBER: every line is kept until the member is met, then
     * the lines of its subtree are printed (members come before their
     * container) */
    bool filter;
    char *lines;      /* NUL-separated listing lines */
    size_t lines_len, lines_cap;
    bool lines_failed;
    char *target;     /* the member's escaped chain, once met */
};

/* A member name as text that is safe on a terminal and in a tab-separated
 * line: control characters (C0, DEL, C1), bidi controls, invalid bytes, '!'
 * (the chain separator) and '\' (the escape) as \xHH. */
static void print_name(FILE *f, const uint8_t *p, size_t n) { cli_put_escaped(f, p, n, CLI_ESC_CHAIN); }

static void print_chain(FILE *f, const struct ls_text_object *t)
{
    for (size_t i = 0; i < t->depth; i++) {
        fputc('!', f);
        print_name(f, t->names[i], t->name_lens[i]);
    }
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Undo print_name's \xHH escapes in place (other backslashes stay). */
static void unescape_name(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        int hi = r[0] == '\\' && r[1] == 'x' ? hexval((unsigned char)r[2]) : -1;
        int lo = hi >= 0 ? hexval((unsigned char)r[3]) : -1;
        if (lo >= 0) {
            *w++ = (char)(hi << 4 | lo);
            r += 4;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
}

/* One --list line (chain, handler, type) into a malloc'd string. */
static char *list_line(const struct ls_text_object *t, size_t *len)
{
    char *p = NULL;
    FILE *f = open_memstream(&p, len);
    if (!f) return NULL;
    print_chain(f, t);
    fprintf(f, "\t%s\t%s\n", t->handler ? t->handler : "-", t->mime ? t->mime : "");
    if (fclose(f) != 0) {
        free(p);
        return NULL;
    }
    return p;
}

static void keep_line(struct text_out *o, const char *line, size_t len)
{
    if (o->lines_len + len + 1 > o->lines_cap) {
        size_t cap = (o->lines_cap ? o->lines_cap * 2 : 4096) + len + 1;
        char *n = realloc(o->lines, cap);
        if (!n) {
            o->lines_failed = true;
            return;
        }
        o->lines = n;
        o->lines_cap = cap;
    }
    memcpy(o->lines + o->lines_len, line, len + 1);
    o->lines_len += len + 1;
}

/* The kept lines of the member's subtree (its chain, then '!' or a tab). */
static void print_subtree(const struct text_out *o)
{
    size_t tl = strlen(o->target);
    for (size_t i = 0; i < o->lines_len;) {
        const char *ln = o->lines + i;
        size_t n = strlen(ln);
        if (strncmp(ln, o->target, tl) == 0 && (ln[tl] == '!' || ln[tl] == '\t')) fputs(ln, stdout);
        i += n + 1;
    }
}

static void on_text(void *ud, const struct ls_text_object *t)
{
    struct text_out *o = ud;
    if (o->list) {
        size_t len = 0;
        char *ln = list_line(t, &len);
        if (!ln) {
            o->lines_failed = true;
            return;
        }
        if (!o->filter) fputs(ln, stdout);
        else keep_line(o, ln, len);
        if (o->filter && t->text && !o->target) {
            o->target = ln;
            o->target[strcspn(ln, "\t")] = 0;
        } else {
            free(ln);
        }
        return;
    }
    if (t->text) {
        /* on a terminal hostile content (ESC sequences that retitle the
         * window, write the clipboard or repaint the screen; a lone CR that
         * overprints a line; bidi controls) is escaped; redirected, the
         * bytes are written as they are */
        if (o->tty) cli_put_escaped(stdout, t->text, t->text_len, CLI_KEEP_LINES);
        else fwrite(t->text, 1, t->text_len, stdout);
        if (t->text_len && t->text[t->text_len - 1] != '\n') fputc('\n', stdout);
        if (t->text_len == 0 && !t->text_is_raw && t->handler)
            cli_err("no text: the %s handler read this object whole; its members are objects "
                    "of their own (leaksift text --list FILE)", t->handler);
    }
}

static void on_list_err(void *ud, const struct ls_text_object *t)
{
    struct text_out *o = ud;
    if (t->depth == 0) return; /* the file itself */
    if (o->shown >= 200) {
        o->more++;
        return;
    }
    o->shown++;
    fputs("  ", stderr);
    print_chain(stderr, t);
    fputc('\n', stderr);
}

/* Members addressable below a file: --max-depth's own ceiling. */
#define TEXT_MAX_CHAIN 1024u

/* Split "file!a!b": the longest prefix that exists is the file. -1: no such
 * file; -2: more than TEXT_MAX_CHAIN members. */
static int split_target(char *arg, const char **file, const char **chain, size_t *n)
{
    struct stat sb;
    *file = arg;
    *n = 0;
    if (cli_stat(arg, &sb, 0) == 0) return 0;
    char *bang = strchr(arg, '!');
    while (bang) {
        *bang = 0;
        if (cli_stat(arg, &sb, 0) == 0) break;
        *bang = '!';
        bang = strchr(bang + 1, '!');
    }
    if (!bang) return -1;
    for (char *p = bang + 1; p;) {
        if (*n == TEXT_MAX_CHAIN) return -2;
        chain[(*n)++] = p;
        char *next = strchr(p, '!');
        if (next) *next++ = 0;
        unescape_name(p);
        p = next;
    }
    return 0;
}

static int run_text(const char *file, const char **chain, size_t n, struct text_out *to)
{
    struct ls_config cfg;
    ls_config_default(&cfg);
    /* No rules are needed to extract text, but a chain pasted from a
     * manifest may hold names shown with values redacted ('*'): those are
     * recognised through the built-in rules, as the scan masked them. */
    cfg.no_default_rules = true;
    for (size_t i = 0; i < n; i++)
        if (strchr(chain[i], '*')) cfg.no_default_rules = false;
    if (n > cfg.limits.max_depth) cfg.limits.max_depth = (unsigned)n; /* reach the member asked for */
    struct ls_engine *eng = NULL;
    struct ls_worker *w = NULL;
    char err[1024] = "";
    int rc = EXIT_ERROR;
    if (ls_engine_new(&cfg, &eng, err, sizeof err) != LS_OK || ls_worker_new(eng, &w, err, sizeof err) != LS_OK) {
        cli_err("%s", err);
        goto out;
    }
    /* Never block on a FIFO or read a device: like scan, only regular files. */
    int fd = cli_open(file, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        cli_err("%s: %s", file, strerror(errno));
        if (fd >= 0) close(fd);
        goto out;
    }
    if (!S_ISREG(sb.st_mode)) {
        cli_err("%s: not a regular file", file);
        close(fd);
        goto out;
    }
    watch_stalls();
    to->filter = to->list && n > 0;
    ls_err e = ls_worker_text_fd(w, fd, file, chain, n, on_text, to);
    close(fd);
    if (e == LS_E_ARG) {
        /* the file itself is always found: only a member can be missing */
        fd = cli_open(file, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        struct text_out all = {.tty = to->tty};
        if (fd >= 0) {
            cli_err("%s: no such member; the members in it are:", file);
            (void)ls_worker_text_fd(w, fd, file, chain, 0, on_list_err, &all);
            close(fd);
            if (!all.shown) fputs("  (none: it is not a container leaksift reads)\n", stderr);
            if (all.more) fprintf(stderr, "  ... and %u more (leaksift text --list FILE)\n", all.more);
        } else {
            cli_err("%s: no such member", file);
        }
    } else if (e != LS_OK) {
        cli_err("%s: %s", file, ls_err_name(e));
    } else if (to->lines_failed) {
        cli_err("%s: out of memory listing the members", file);
    } else {
        if (to->filter && to->target) print_subtree(to);
        rc = EXIT_CLEAN;
    }
    free(to->lines);
    free(to->target);
out:
    ls_worker_free(w);
    ls_engine_free(eng);
    return rc;
}

int cmd_text(int argc, char **argv)
{
    static const struct option opts[] = {
        {"list", no_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    struct text_out to = {.tty = isatty(STDOUT_FILENO) == 1};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "lh", opts, NULL)) != -1) {
        if (c == 'l') to.list = true;
        else if (c == 'h') {
            text_usage(stdout);
            return EXIT_CLEAN;
        } else {
            cli_err("text: unknown option '%s' (see leaksift text --help)", argv[optind - 1]);
            return EXIT_ERROR;
        }
    }
    if (argc - optind != 1) {
        cli_err("text: give exactly one FILE[!MEMBER...] (see leaksift text --help)");
        return EXIT_ERROR;
    }
    static const char *chain[TEXT_MAX_CHAIN];
    const char *file;
    size_t n;
    int st = split_target(argv[optind], &file, chain, &n);
    if (st == -2) {
        cli_err("%s: more than %u members deep", argv[optind], TEXT_MAX_CHAIN);
        return EXIT_ERROR;
    }
    if (st != 0) {
        cli_err("%s: %s", argv[optind], strerror(ENOENT));
        return EXIT_ERROR;
    }
    return run_text(file, chain, n, &to);
}
