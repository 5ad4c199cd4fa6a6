/* The leaksift command line: shared declarations of src/cli/. */
#ifndef LS_CLI_H
#define LS_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "leaksift/leaksift.h"

#define EXIT_CLEAN 0
#define EXIT_FLAGGED 1
#define EXIT_ERROR 2

extern const char *cli_prog;

/* One-line error on stderr: "leaksift: <message>", escaped as
 * cli_put_escaped(..., 0) does (a path from a hostile dump cannot drive the
 * terminal). */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Write n bytes for a terminal: control characters (C0, DEL, C1), Unicode
 * direction controls and invalid UTF-8 as \xHH, the rest as it is. keep:
 * CLI_KEEP_LINES leaves line feeds, tabs and a CR before LF; CLI_ESC_CHAIN
 * escapes '!' and '\' too (member chains, so an escaped chain can be pasted
 * back). */
#define CLI_KEEP_LINES 1u
#define CLI_ESC_CHAIN 2u
void cli_put_escaped(FILE *f, const uint8_t *p, size_t n, unsigned keep);

/* True if path is a non-empty regular file whose first line is not a
 * leaksift run record: not a manifest, so -o must not replace it (a
 * swapped -o and PATH would destroy the evidence). */
bool cli_foreign_file(const char *path);

/* ---- the summary's list of quarantined files (flagged.c) ---- */

struct ls_summary;
#define CLI_FLAGGED_SHOWN 10
struct cli_flagged_item {
    char *path;       /* as the manifest shows it (values found in it masked) */
    char verdict[16];
    char *entities;   /* "ssn 3, email 1" from root_done.distinct */
    uint64_t total;   /* distinct values */
};
struct cli_flagged {
    struct cli_flagged_item top[CLI_FLAGGED_SHOWN]; /* best first */
    size_t n;
};
/* An ls_summary_root_fn (ud: a zeroed struct cli_flagged): keeps the root
 * just done if it is quarantined and among the first CLI_FLAGGED_SHOWN. */
void cli_flagged_note(void *ud, const struct ls_summary *s, const char *line, size_t len);
/* "  quarantined:" and the list on stderr (nothing if empty); quarantined:
 * the run's count, to say "10 of N shown". */
void cli_flagged_print(const struct cli_flagged *fl, uint64_t quarantined);
void cli_flagged_free(struct cli_flagged *fl);

/* Parse "64M", "1G", "4096" (binary suffixes K M G T). */
bool cli_parse_size(const char *s, uint64_t *out);
bool cli_parse_uint(const char *s, uint64_t max, uint64_t *out);

/* ---- input enumeration (walk.c) ---- */

/* Called once per root, in a stable order (arguments in order, directory
 * entries sorted bytewise). special: 0 for a regular file to open,
 * CLI_ROOT_LINK for a regular file a user named through a symlink (a PATH
 * or --files-from entry: opened following it, as find -H does), else the
 * kind of root to record without reading. Return non-zero to stop. */
#define CLI_ROOT_LINK (-1)
typedef int (*cli_root_fn)(void *ud, const char *path, int special, const char *errmsg);

struct cli_walk {
    cli_root_fn fn;
    void *ud;
    dev_t skip_dev;   /* the manifest being written: never a root */
    ino_t skip_ino;
    bool have_skip;
    uint64_t errors;  /* unreadable directories etc. (also recorded as roots) */
    unsigned shard_k, shard_n; /* --shard K/N: keep roots whose id falls in
                                * shard K (1-based) of N; n = 0: all */
    dev_t qdir_dev;   /* the --quarantine-dir being filled: never walked */
    ino_t qdir_ino;
    bool have_qdir;
};

/* True if path belongs to shard k of n (stable hash of the path: the
 * root id's first 8 bytes, modulo n). */
bool cli_in_shard(const char *path, unsigned k, unsigned n);

/* Enumerate path: a file, or a directory walked recursively. Symlinks met
 * in the walk are recorded, not followed; a symlink given as an argument is
 * followed (like find -H). Returns non-zero if fn asked to stop. */
int cli_walk_path(struct cli_walk *w, const char *path);
/* Enumerate the paths listed in file (one per line; "-" = stdin; NUL
 * separated with nul_sep). Returns -1 if the list cannot be read. */
int cli_walk_list(struct cli_walk *w, const char *file, bool nul_sep);
/* open() and fstatat() (flags 0 or AT_SYMLINK_NOFOLLOW) for paths of any
 * length (src/core/ls_path.h); -1 with errno on failure. */
struct stat;
int cli_open(const char *path, int flags);
int cli_stat(const char *path, struct stat *sb, int flags);

int cmd_scan(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
