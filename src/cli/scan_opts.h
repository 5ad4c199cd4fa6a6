/* Options of `leaksift scan`, shared by the flag parser and the run loop. */
#ifndef LS_SCAN_OPTS_H
#define LS_SCAN_OPTS_H

#include "cli/cli.h"

struct scan_opts {
    struct ls_config cfg;
    const char *output;          /* manifest path, "-" = stdout */
    const char *files_from;      /* or NULL */
    bool nul_sep;
    bool quiet;
    const char **rule_paths;
    size_t n_rule_paths;
    uint8_t *key;                /* --fingerprint-key bytes, or NULL */
    size_t key_len;
    const char *const *paths;
    size_t n_paths;
    const char *argv_json;       /* options for the run record */
    unsigned jobs;               /* -j N worker processes; 0 = online CPUs */
    bool resume;                 /* --resume: the manifest is the journal */
    unsigned shard_k, shard_n;   /* --shard K/N; n = 0: no sharding */
    const char *quarantine_dir;  /* --quarantine-dir DIR, or NULL */
};

/* Run the scan; returns the exit code. */
int scan_run(struct scan_opts *o);

#endif
