/* leaksift merge: join shard manifests into one manifest and summary. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
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
"different keys are refused unless --force.\n"
"\n"
"  -o, --output FILE   merged manifest (default manifest.jsonl; - for stdout)\n"
"      --force         merge even if the fingerprint keys differ\n"
"  -q, --quiet         no summary on stderr\n"
"  -h, --help          show this help\n"
"\n"
"Exit status: 0 nothing quarantined, 1 something quarantined, 2 error.\n");
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
        case ':': cli_err("merge: option '%s' needs a value", argv[optind - 1]); return EXIT_ERROR;
        default: cli_err("merge: unknown option '%s' (see leaksift merge --help)", argv[optind - 1]); return EXIT_ERROR;
        }
    }
    if (optind >= argc) {
        cli_err("merge: no MANIFEST given (see leaksift merge --help)");
        return EXIT_ERROR;
    }
    for (int i = optind; i < argc; i++)
        if (strcmp(output, "-") != 0 && same_file(output, argv[i])) {
            cli_err("merge: the output %s is also an input", output);
            return EXIT_ERROR;
        }
    int fd = strcmp(output, "-") == 0 ? STDOUT_FILENO
                                      : open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        cli_err("%s: %s", output, strerror(errno));
        return EXIT_ERROR;
    }
    struct ls_summary *sum = ls_summary_new();
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
            if (ls_summary_human(sum, output, ls_now() - t0, &b) == LS_OK) fputs(ls_buf_str(&b), stderr);
            if (rep.unfinished)
                cli_err("merge: %llu roots had no root_done (an interrupted shard?) and were left out",
                        (unsigned long long)rep.unfinished);
            if (rep.duplicates)
                cli_err("merge: %llu roots appeared in several inputs and were kept once",
                        (unsigned long long)rep.duplicates);
            if (rep.rules_mismatch) cli_err("merge: warning: the inputs used different rule sets");
            if (rep.key_mismatch) cli_err("merge: warning: different fingerprint keys; distinct counts are upper bounds");
            if (rep.bad_lines) cli_err("merge: %llu lines were not JSON and were skipped", (unsigned long long)rep.bad_lines);
        }
        ls_buf_free(&b);
    } else {
        cli_err("merge: %s", err[0] ? err : ls_err_name(e));
    }
    ls_summary_free(sum);
    if (fd != STDOUT_FILENO && close(fd) != 0 && rc != EXIT_ERROR) {
        cli_err("%s: %s", output, strerror(errno));
        rc = EXIT_ERROR;
    }
    return rc;
}
