/*
 * leaksift merge: join the manifests of several shards (or runs) into one
 * manifest with one summary. Roots are copied as whole blocks (their object
 * records and root_done); a root without root_done (a shard that died) is
 * left out and reported; a root present in several inputs is kept once.
 * A split archive's later part written `incomplete` because its set root
 * was in another shard takes its set root's verdict when an input holds
 * that root (splitpart.h): each input is read three times (run records,
 * set roots, blocks).
 */
#ifndef LS_MERGE_H
#define LS_MERGE_H

#include "core/ls_core.h"
#include "manifest/summary.h"

struct ls_merge_report {
    uint64_t roots, duplicates, unfinished, bad_lines;
    uint64_t parts_resolved; /* split archives' later parts given their set root's verdict */
    bool key_mismatch;   /* inputs fingerprinted under different keys */
    bool rules_mismatch; /* inputs used different rule sets */
};

/* The longest line merge reads: 512 MiB, a worker's largest frame
 * (LS_POOL_MAX_FRAME), so no scan writes a longer record line (the
 * largest real ones, a finding's 1,000,000 unlisted fingerprints, are
 * 35 MB). A longer line makes the merge fail (LS_E_LIMIT, "line N is
 * longer than ... bytes: not a manifest") with its memory bounded by it. */
#define LS_MERGE_LINE_MAX ((size_t)512 << 20)
size_t ls_merge_line_max(void); /* LS_MERGE_LINE_MAX (a test build may lower it) */

/* Write the merged manifest to out_fd: a run record (the first input's,
 * with "merged_from"), every complete root block, and the summary.
 * Different fingerprint keys make distinct counts meaningless: that is
 * LS_E_ARG unless force. err gets a one-line message. An input "-" is
 * standard input, read from its start each time: it must be a seekable
 * file (the CLI copies a pipe to a temporary file first). */
ls_err ls_manifest_merge(const char *const *inputs, size_t n, int out_fd, bool force,
                         struct ls_summary *sum, struct ls_merge_report *rep, char *err,
                         size_t errlen);

#endif
