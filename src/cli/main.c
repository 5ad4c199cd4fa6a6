/* leaksift: command dispatch, shared helpers. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/ls_core.h"

const char *cli_prog = "leaksift";

/* Unicode's explicit direction controls (LRE..RLO, LRI..PDI, LRM, RLM,
 * ALM): printed raw they reorder what follows on the terminal, so
 * "invoice<RLO>fdp.exe" would read "invoiceexe.pdf". */
static bool is_bidi_control(int32_t cp)
{
    return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
           cp == 0x200f || cp == 0x061c;
}

void cli_put_escaped(FILE *f, const uint8_t *p, size_t n, unsigned keep)
{
    struct ls_slice s = ls_slice_make(p, n);
    size_t pos = 0;
    while (pos < s.len) {
        size_t start = pos;
        int32_t cp = ls_utf8_next(s, &pos);
        bool plain = cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) && !is_bidi_control(cp);
        if ((keep & CLI_ESC_CHAIN) && (cp == '!' || cp == '\\')) plain = false;
        if ((keep & CLI_KEEP_LINES) &&
            (cp == '\n' || cp == '\t' || (cp == '\r' && ls_slice_at(s, pos) == '\n')))
            plain = true;
        for (size_t i = start; i < pos; i++) {
            int b = ls_slice_at(s, i);
            if (plain) fputc(b, f);
            else fprintf(f, "\\x%02X", (unsigned)b);
        }
    }
}

void cli_err(const char *fmt, ...)
{
    char msg[4096];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t n = k < 0 ? 0 : (size_t)k < sizeof msg ? (size_t)k : sizeof msg - 1;
    fprintf(stderr, "%s: ", cli_prog);
    cli_put_escaped(stderr, (const uint8_t *)msg, n, 0);
    fputc('\n', stderr);
}

bool cli_foreign_file(const char *path)
{
    static const char head[] = "{\"record\":\"run\"";
    char buf[sizeof head - 1];
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0) return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return false; /* unreadable: the open for writing will say */
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    return n != (ssize_t)sizeof buf || memcmp(buf, head, sizeof buf) != 0;
}

bool cli_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    if (!s || !*s) return false;
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        unsigned d = (unsigned)(*p - '0');
        if (v > (max - d) / 10) return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

bool cli_parse_size(const char *s, uint64_t *out)
{
    if (!s || !*s) return false;
    size_t n = strlen(s);
    unsigned shift = 0;
    char last = s[n - 1];
    if (last == 'b' || last == 'B') last = n > 1 ? s[--n - 1] : last;
    switch (last) {
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    case 't': case 'T': shift = 40; break;
    default: break;
    }
    char num[32];
    size_t len = shift ? n - 1 : n;
    if (len == 0 || len >= sizeof num) return false;
    memcpy(num, s, len);
    num[len] = 0;
    uint64_t v;
    if (!cli_parse_uint(num, UINT64_MAX >> shift, &v)) return false;
    *out = v << shift;
    return true;
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: leaksift COMMAND [OPTIONS] ...\n"
            "\n"
            "Triage suspected leak dumps: identify every file and nested member, unpack\n"
            "archives safely, extract document text, find personal data, secrets and\n"
            "corporate identifiers, and write a JSON Lines quarantine manifest.\n"
            "\n"
            "Commands:\n"
            "  scan [OPTIONS] PATH...       triage files and directories\n"
            "  text [-l] FILE[!MEMBER...]   print the normalised text leaksift scans for a\n"
            "                               file or a member nested in it (-l: list them)\n"
            "  merge [OPTIONS] MANIFEST...  join shard manifests into one manifest\n"
            "  help, --help, -h             show this help\n"
            "  version, --version, -V       print the version\n"
            "\n"
            "The options of each command: leaksift COMMAND --help.\n"
            "Exit status: 0 nothing quarantined, 1 something quarantined, 2 error.\n"
            "Manual: README.md; manifest format: docs/manifest.md.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_ERROR;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "scan") == 0) return cmd_scan(argc - 1, argv + 1);
    if (strcmp(cmd, "text") == 0) return cmd_text(argc - 1, argv + 1);
    if (strcmp(cmd, "merge") == 0) return cmd_merge(argc - 1, argv + 1);
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("leaksift %s (manifest version %d)\n", LS_VERSION_STRING, LS_MANIFEST_VERSION);
#ifdef LEAKSIFT_TEST_HOOKS
        fprintf(stderr, "test hooks: on\n");
#endif
#ifdef LEAKSIFT_SANITIZED
        fprintf(stderr, "sanitizers: on\n"); /* tests scale their memory bounds */
#endif
        return EXIT_CLEAN;
    }
    cli_err("unknown command '%s' (see leaksift --help)", cmd);
    return EXIT_ERROR;
}
