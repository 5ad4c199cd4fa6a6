/* leaksift: command dispatch, shared helpers. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char *cli_prog = "leaksift";

void cli_err(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cli_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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
            "  scan [OPTIONS] PATH...   triage files and directories (see leaksift scan --help)\n"
            "  text FILE[!MEMBER...]    print the normalised text leaksift scans for a file\n"
            "                           or a member nested in it\n"
            "  merge [OPTIONS] MANIFEST...  join shard manifests into one manifest and summary\n"
            "  help                     show this help\n"
            "  version                  print the version\n"
            "\n"
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
