/* leaksift scan: flags, engine set-up, the run loop, manifest and summary. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/scan_opts.h"
#include "core/ls_core.h"
#include "manifest/summary.h"

static void scan_usage(FILE *f)
{
    fprintf(f,
"Usage: leaksift scan [OPTIONS] PATH...\n"
"\n"
"Triage files and directories (walked recursively; symlinks inside them are\n"
"recorded, not followed; FIFOs, sockets and devices are recorded, never read).\n"
"A split archive's parts side by side (x.7z.001 .002 ..., x.z01 ... x.zip,\n"
"x.part1.rar ..., x.tar.gz.aa .ab ..., x.tar.gz.part00 ...) are read as one\n"
"archive under its set root (the first part; x.zip for zip -s); each other part\n"
"is recorded with the set's verdict (docs/unpacking.md, \"Split archives\").\n"
"Writes one JSON Lines manifest (docs/manifest.md) and prints a short summary.\n"
"\n"
"Input and output:\n"
"  -o, --output FILE        manifest path (default manifest.jsonl; - for stdout);\n"
"                           an existing file is replaced once the run starts\n"
"      --files-from FILE    read more paths from FILE, one per line (- = stdin)\n"
"      --null               --files-from entries are NUL-separated\n"
"  -q, --quiet              no progress and no summary on stderr (errors and\n"
"                           paths that cannot be opened are still said)\n"
"      --resume             continue an interrupted run: keep the manifest's\n"
"                           complete root blocks, skip those roots, cut any\n"
"                           unfinished block, append the rest and a new summary\n"
"\n"
"Workers:\n"
"  -j, --jobs N             sandboxed worker processes (default: online CPUs);\n"
"                           a worker that crashes, runs out of memory or time\n"
"                           costs only its root (recorded incomplete), see\n"
"                           docs/sandbox.md\n"
"\n"
"Rules:\n"
"      --rules PATH         add a YARA rule file, or every *.yar/*.yara under a\n"
"                           folder (repeatable); added to the built-in pack\n"
"      --no-default-rules   do not load the built-in rule pack (alone, with no\n"
"                           --rules or --identifiers, nothing can match)\n"
"      --identifiers FILE   organisation identifiers (docs/rules.md) compiled\n"
"                           into corporate rules\n"
"      --fingerprint-key FILE  key for value fingerprints (the file's raw bytes,\n"
"                           at most 64 KiB);\n"
"                           default: a random key per run\n"
"\n"
"Budgets (sizes take K, M, G, T suffixes; defaults in brackets):\n"
"      --max-depth N        nesting depth below a root [16]\n"
"      --max-bytes SIZE     expanded bytes per root, at least [1G] ...\n"
"      --bytes-factor N     ... or N x the root's size if larger [64]\n"
"      --bomb-ratio N       expansion ratio that is a bomb, for a member, for a\n"
"                           root as a whole and for an object's text [200] ...\n"
"      --bomb-floor SIZE    ... once past this many bytes [1M]\n"
"      --max-members N      members per root [1000000]\n"
"      --max-text SIZE      extracted text per object [64M]\n"
"      --max-scan SIZE      raw bytes of one object given to YARA [1G]\n"
"      --root-timeout SECS  wall time per root, 0 = none [600]; a worker still\n"
"                           busy after 1.1 x SECS + 2 s is killed (limit:time)\n"
"      --stall-timeout SECS CPU time a worker may spend inside one libarchive\n"
"                           call that reads no input (an endless loop in the\n"
"                           library) before it is killed (limit:time),\n"
"                           0 = off [10]\n"
"      --yara-timeout SECS  per YARA scan, 0 = none [60]\n"
"      --max-evidence N     distinct values listed per object [10000]; the rest\n"
"                           are kept as fingerprint prefixes only (exact counts)\n"
"      --spill SIZE         members above SIZE go to an unlinked temp file [256M]\n"
"\n"
"Scale-out:\n"
"      --shard K/N          only the roots of shard K of N (1 <= K <= N), picked\n"
"                           by a stable hash of the root path; join the\n"
"                           shards' manifests with leaksift merge\n"
"\n"
"Policy:\n"
"      --quarantine LIST    verdicts to quarantine: comma list of sensitive,\n"
"                           hostile, incomplete, clean; or none\n"
"                           [sensitive,hostile,incomplete]\n"
"      --quarantine-dir DIR copy every quarantined file into DIR, named by its\n"
"                           SHA-256 (DIR/ab/abcd...), with DIR/index.jsonl;\n"
"                           DIR and the manifest are never scanned themselves;\n"
"                           DIR must be new, empty or such a store (a folder\n"
"                           holding anything else is refused)\n"
"\n"
"  -h, --help               show this help\n"
"  -V, --version            print the version\n"
"\n"
"Exit status: 0 everything scanned and nothing quarantined; 1 at least one\n"
"file quarantined (a PATH that cannot be opened is recorded incomplete, so\n"
"1); 2 operational error (bad flags, a file named by a flag missing, rules\n"
"that do not compile, -o naming a file that is not a manifest, manifest or\n"
"store write failure, interrupted). Manual: README.md; manifest fields:\n"
"docs/manifest.md.\n");
}

enum {
    OPT_FILES_FROM = 256, OPT_RESUME, OPT_NULL, OPT_RULES, OPT_NO_DEFAULT, OPT_IDENT, OPT_FPKEY,
    OPT_MAX_DEPTH, OPT_MAX_BYTES, OPT_BYTES_FACTOR, OPT_BOMB_RATIO, OPT_BOMB_FLOOR,
    OPT_MAX_MEMBERS, OPT_MAX_TEXT, OPT_MAX_SCAN, OPT_ROOT_TIMEOUT, OPT_YARA_TIMEOUT,
    OPT_MAX_EVIDENCE, OPT_SPILL, OPT_QUARANTINE, OPT_SHARD, OPT_QDIR, OPT_STALL,
};

static const struct option long_opts[] = {
    {"output", required_argument, NULL, 'o'},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"null", no_argument, NULL, OPT_NULL},
    {"quiet", no_argument, NULL, 'q'},
    {"jobs", required_argument, NULL, 'j'},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"rules", required_argument, NULL, OPT_RULES},
    {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
    {"identifiers", required_argument, NULL, OPT_IDENT},
    {"fingerprint-key", required_argument, NULL, OPT_FPKEY},
    {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"bytes-factor", required_argument, NULL, OPT_BYTES_FACTOR},
    {"bomb-ratio", required_argument, NULL, OPT_BOMB_RATIO},
    {"bomb-floor", required_argument, NULL, OPT_BOMB_FLOOR},
    {"max-members", required_argument, NULL, OPT_MAX_MEMBERS},
    {"max-text", required_argument, NULL, OPT_MAX_TEXT},
    {"max-scan", required_argument, NULL, OPT_MAX_SCAN},
    {"root-timeout", required_argument, NULL, OPT_ROOT_TIMEOUT},
    {"yara-timeout", required_argument, NULL, OPT_YARA_TIMEOUT},
    {"stall-timeout", required_argument, NULL, OPT_STALL},
    {"max-evidence", required_argument, NULL, OPT_MAX_EVIDENCE},
    {"spill", required_argument, NULL, OPT_SPILL},
    {"quarantine", required_argument, NULL, OPT_QUARANTINE},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"quarantine-dir", required_argument, NULL, OPT_QDIR},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static bool parse_quarantine(const char *s, unsigned *mask)
{
    static const char *const names[] = {"clean", "sensitive", "hostile", "incomplete"};
    *mask = 0;
    if (strcmp(s, "none") == 0) return true;
    if (!*s || s[strlen(s) - 1] == ',' || s[0] == ',' || strstr(s, ",,")) return false;
    char *copy = strdup(s), *save = NULL;
    if (!copy) return false;
    bool ok = true;
    for (char *tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save)) {
        int v = -1;
        for (int i = 0; i < 4; i++)
            if (strcmp(tok, names[i]) == 0) v = i;
        if (v < 0) ok = false;
        else *mask |= 1u << v;
    }
    free(copy);
    return ok;
}

static bool parse_shard(const char *s, struct scan_opts *o)
{
    const char *slash = strchr(s, '/');
    char k[16];
    uint64_t kk, nn;
    if (!slash || (size_t)(slash - s) >= sizeof k) return false;
    memcpy(k, s, (size_t)(slash - s));
    k[slash - s] = 0;
    if (!cli_parse_uint(k, 1u << 20, &kk) || !cli_parse_uint(slash + 1, 1u << 20, &nn)) return false;
    if (nn < 1 || kk < 1 || kk > nn) return false;
    o->shard_k = (unsigned)kk;
    o->shard_n = (unsigned)nn;
    return true;
}

/* The key is the file's raw bytes, all of them (docs/manifest.md checks a
 * value with HMAC over the whole file): up to FPKEY_MAX, refused past it
 * rather than cut. */
#define FPKEY_MAX (64u << 10)
static bool read_key(const char *path, struct scan_opts *o)
{
    /* blocking: a key passed through a pipe (<(gpg -d key.gpg)) may come late */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        cli_err("--fingerprint-key %s: %s", path, strerror(errno));
        return false;
    }
    static uint8_t buf[FPKEY_MAX + 1];
    size_t n = 0;
    ssize_t k = 0;
    while (n < sizeof buf && (k = read(fd, buf + n, sizeof buf - n)) > 0) n += (size_t)k;
    int e = errno;
    close(fd);
    const char *why = k < 0 ? strerror(e) : n == 0 ? "the key file is empty"
                    : n > FPKEY_MAX ? "larger than 64 KiB (a key is a few random bytes: head -c 32 /dev/urandom)"
                                    : NULL;
    if (!why) {
        o->key = malloc(n);
        if (o->key) {
            memcpy(o->key, buf, n);
            o->key_len = n;
        }
    }
    memset(buf, 0, sizeof buf);
    if (why) cli_err("--fingerprint-key %s: %s", path, why);
    return !why && o->key;
}

static bool opt_num(const char *flag, const char *v, uint64_t max, uint64_t *out)
{
    if (cli_parse_uint(v, max, out)) return true;
    cli_err("%s: '%s' is not a whole number up to %llu", flag, v, (unsigned long long)max);
    return false;
}

static bool opt_size(const char *flag, const char *v, uint64_t *out)
{
    if (cli_parse_size(v, out)) return true;
    cli_err("%s: '%s' is not a size (e.g. 4096, 64K, 16M, 1G)", flag, v);
    return false;
}

static bool add_rule_path(struct scan_opts *o, const char *p)
{
    const char **n = realloc(o->rule_paths, (o->n_rule_paths + 1) * sizeof *n);
    if (!n) return false;
    o->rule_paths = n;
    o->rule_paths[o->n_rule_paths++] = p;
    return true;
}

static bool limit_opt(int c, const char *v, struct ls_limits *l)
{
    uint64_t x;
    switch (c) {
    case OPT_MAX_DEPTH: if (!opt_num("--max-depth", v, 1024, &x)) return false; l->max_depth = (unsigned)x; return true;
    case OPT_MAX_BYTES: return opt_size("--max-bytes", v, &l->root_bytes_min);
    case OPT_BYTES_FACTOR: if (!opt_num("--bytes-factor", v, 1u << 20, &x)) return false; l->root_bytes_factor = (unsigned)x; return true;
    case OPT_BOMB_RATIO: if (!opt_num("--bomb-ratio", v, 1u << 30, &x) || x == 0) { if (x == 0) cli_err("--bomb-ratio must be at least 1"); return false; } l->bomb_ratio = (unsigned)x; return true;
    case OPT_BOMB_FLOOR: return opt_size("--bomb-floor", v, &l->bomb_floor);
    case OPT_MAX_MEMBERS: return opt_num("--max-members", v, UINT64_MAX, &l->max_members);
    case OPT_MAX_TEXT: return opt_size("--max-text", v, &l->max_text);
    case OPT_MAX_SCAN: return opt_size("--max-scan", v, &l->max_scan);
    case OPT_ROOT_TIMEOUT: if (!opt_num("--root-timeout", v, 1u << 30, &x)) return false; l->root_time_s = (unsigned)x; return true;
    case OPT_YARA_TIMEOUT: if (!opt_num("--yara-timeout", v, 1u << 30, &x)) return false; l->yara_timeout_s = (unsigned)x; return true;
    case OPT_STALL: if (!opt_num("--stall-timeout", v, 1u << 30, &x)) return false; l->stall_s = (unsigned)x; return true;
    case OPT_MAX_EVIDENCE: return opt_num("--max-evidence", v, UINT32_MAX, &l->max_evidence);
    case OPT_SPILL: return opt_size("--spill", v, &l->spill_threshold);
    default: return false;
    }
}

/* PATH holds a *.yar or *.yara file, at most 32 folders down (what the
 * engine compiles: src/scan/engine.c). */
static bool has_rule_file(const char *path, int depth)
{
    DIR *d = depth <= 32 ? opendir(path) : NULL;
    if (!d) return false;
    bool found = false;
    struct dirent *de;
    char sub[4096];
    while (!found && (de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        struct stat sb;
        if (de->d_name[0] == '.' || snprintf(sub, sizeof sub, "%s/%s", path, de->d_name) >= (int)sizeof sub ||
            stat(sub, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) found = has_rule_file(sub, depth + 1);
        else found = (n > 4 && strcmp(de->d_name + n - 4, ".yar") == 0) ||
                     (n > 5 && strcmp(de->d_name + n - 5, ".yara") == 0);
    }
    closedir(d);
    return found;
}

/* An input FILE named by a flag must exist and not be a folder; a regular
 * file must be readable. A FIFO or a pipe (--files-from <(find ...), a
 * named pipe a writer is blocked on) is not opened here: an open and close
 * would release its writer into a pipe with no reader (SIGPIPE), and the
 * real open would then wait forever (review3). */
static bool check_file(const char *flag, const char *path)
{
    struct stat sb;
    int e = stat(path, &sb) != 0 ? errno : S_ISDIR(sb.st_mode) ? EISDIR : 0;
    if (!e && S_ISREG(sb.st_mode)) {
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) e = errno;
        else close(fd);
    }
    if (!e) return true;
    cli_err("%s %s: %s", flag, path, strerror(e));
    return false;
}

/* What can be told before anything is written (an existing manifest is
 * only truncated once the run can start): inputs named by flags exist,
 * options that only make sense together are given together, and there is
 * something to look for. */
static bool check_inputs(const struct scan_opts *o)
{
    /* warnings, said even with -q (tests/e2e/test_cli.py runs every
     * option alone and expects it to be accepted) */
    if (o->nul_sep && !o->files_from) cli_err("warning: --null has no effect without --files-from");
    if (o->cfg.no_default_rules && !o->n_rule_paths && !o->cfg.identifiers_path)
        cli_err("warning: --no-default-rules without --rules or --identifiers: no rule can match, "
                "every file will be clean or incomplete");
    if (o->quarantine_dir && !o->cfg.quarantine_mask)
        cli_err("warning: --quarantine none: nothing is quarantined, so --quarantine-dir %s stores nothing",
                o->quarantine_dir);
    if (o->files_from && strcmp(o->files_from, "-") != 0 && !check_file("--files-from", o->files_from))
        return false;
    /* "scan -o m.jsonl m.jsonl": the manifest would be emptied before it
     * was looked at, and the manifest being written is never scanned */
    struct stat ob, pb;
    if (!o->resume && strcmp(o->output, "-") != 0 && stat(o->output, &ob) == 0 && S_ISREG(ob.st_mode) &&
        !cli_foreign_file(o->output)) /* (not a manifest at all: open_output() says so) */
        for (size_t i = 0; i < o->n_paths; i++)
            if (stat(o->paths[i], &pb) == 0 && pb.st_dev == ob.st_dev && pb.st_ino == ob.st_ino) {
                cli_err("%s is both the manifest (-o) and a PATH to scan: it would be emptied first "
                        "(another -o)", o->paths[i]);
                return false;
            }
    if (o->cfg.identifiers_path && !check_file("--identifiers", o->cfg.identifiers_path)) return false;
    for (size_t i = 0; i < o->n_rule_paths; i++) {
        struct stat sb;
        const char *p = o->rule_paths[i];
        if (stat(p, &sb) != 0) {
            cli_err("--rules %s: %s", p, strerror(errno));
            return false;
        }
        if (S_ISDIR(sb.st_mode) && !has_rule_file(p, 0)) {
            cli_err("--rules %s: no *.yar or *.yara file in this folder", p);
            return false;
        }
        if (!S_ISDIR(sb.st_mode) && !check_file("--rules", p)) return false;
    }
    return true;
}

/* Returns -1 to go on, else the exit code. */
static int parse_opts(int argc, char **argv, struct scan_opts *o)
{
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:qhVj:", long_opts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'q': o->quiet = true; break;
        case 'j': {
            uint64_t j = 1;
            if (!opt_num("--jobs", optarg, 256, &j) || j == 0) {
                if (j == 0) cli_err("--jobs must be at least 1");
                return EXIT_ERROR;
            }
            o->jobs = (unsigned)j;
            break;
        }
        case OPT_RESUME: o->resume = true; break;
        case 'h': scan_usage(stdout); return EXIT_CLEAN;
        case 'V': printf("leaksift %s (manifest version %d)\n", LS_VERSION_STRING, LS_MANIFEST_VERSION); return EXIT_CLEAN;
        case OPT_FILES_FROM: o->files_from = optarg; break;
        case OPT_NULL: o->nul_sep = true; break;
        case OPT_RULES: if (!add_rule_path(o, optarg)) return EXIT_ERROR; break;
        case OPT_NO_DEFAULT: o->cfg.no_default_rules = true; break;
        case OPT_IDENT: o->cfg.identifiers_path = optarg; break;
        case OPT_FPKEY: if (!read_key(optarg, o)) return EXIT_ERROR; break;
        case OPT_QUARANTINE:
            if (!parse_quarantine(optarg, &o->cfg.quarantine_mask)) {
                cli_err("--quarantine: '%s' is not a list of clean,sensitive,hostile,incomplete or none", optarg);
                return EXIT_ERROR;
            }
            break;
        case OPT_QDIR: o->quarantine_dir = optarg; break;
        case OPT_SHARD:
            if (!parse_shard(optarg, o)) {
                cli_err("--shard: '%s' is not K/N with 1 <= K <= N", optarg);
                return EXIT_ERROR;
            }
            break;
        case ':': cli_err("scan: option '%s' needs a value (see leaksift scan --help)", argv[optind - 1]); return EXIT_ERROR;
        case '?': cli_err("scan: unknown option '%s' (see leaksift scan --help)", argv[optind - 1]); return EXIT_ERROR;
        default:
            if (!limit_opt(c, optarg, &o->cfg.limits)) return EXIT_ERROR;
        }
    }
    o->paths = (const char *const *)argv + optind;
    o->n_paths = (size_t)(argc - optind);
    if (o->n_paths == 0 && !o->files_from) {
        cli_err("scan: no PATH given (see leaksift scan --help)");
        return EXIT_ERROR;
    }
    if (!check_inputs(o)) return EXIT_ERROR;
    o->cfg.rule_paths = o->rule_paths;
    o->cfg.n_rule_paths = o->n_rule_paths;
    o->cfg.fp_key = o->key;
    o->cfg.fp_key_len = o->key_len;
    return -1;
}

/* The options as a JSON array for the run record (the key file's name, never
 * its content). */
static void argv_json(int argc, char **argv, struct ls_buf *b)
{
    (void)!ls_buf_addc(b, '[');
    for (int i = 1; i < argc; i++) {
        if (i > 1) (void)!ls_buf_addc(b, ',');
        (void)!ls_json_cstr(b, argv[i]);
    }
    (void)!ls_buf_addc(b, ']');
}

int cmd_scan(int argc, char **argv)
{
    struct scan_opts o;
    memset(&o, 0, sizeof o);
    ls_config_default(&o.cfg);
    o.output = "manifest.jsonl";
    int rc = parse_opts(argc, argv, &o);
    if (rc < 0) {
        struct ls_buf args;
        ls_buf_init(&args, 1u << 20);
        argv_json(argc, argv, &args);
        o.argv_json = ls_buf_str(&args);
        rc = scan_run(&o);
        ls_buf_free(&args);
    }
    free(o.rule_paths);
    if (o.key) {
        memset(o.key, 0, o.key_len);
        free(o.key);
    }
    return rc;
}
