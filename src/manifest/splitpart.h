/*
 * A split archive's later part in the manifest (docs/unpacking.md, *Split
 * archives*): its records are its set root's verdict's. The scan's writer
 * (src/cli/scan_run.c) writes a later part's block with its set root's
 * verdict once that root's block is written; `leaksift merge`
 * (merge.c) gives a later part written `incomplete` (its set root was in
 * another shard) its set root's verdict when it sees both.
 *
 * The lines are edited as text, not re-encoded as JSON: jansson's encoder
 * would write U+2028/U+2029 raw (the manifest escapes them, so that a
 * reader splitting lines the Unicode way does not cut a record) and real
 * numbers in its own precision, so a rewritten line would differ from what
 * the scan writes in more than the fields changed. The fields edited are
 * found by keys no JSON string can hold unescaped ('"' is always escaped
 * inside one) and the object record's verdict and quarantine are its last
 * fields (record.c writes them so; a line that is not so is copied).
 */
#ifndef LS_SPLITPART_H
#define LS_SPLITPART_H

#include <stdbool.h>
#include <stddef.h>

#include "core/ls_core.h"

#define LS_SPLIT_KEY ",\"split\":{\"set_root_id\":\""
/* The errors entry of a later part whose set root's verdict is not known
 * (%s: the set root's root_id). */
#define LS_SPLIT_NOTE_UNKNOWN \
    "split archive: the verdict of the set root (root_id %s) is not known: this part is at least incomplete"

/* The set root id of a root object record holding a `split` object (out:
 * 16 hex digits), and whether it is the record's own root_id. */
bool ls_split_ids(const char *line, size_t len, char out[17], bool *self);

/* A verdict's index (clean 0, sensitive 1, hostile 2, incomplete 3; an
 * unknown name: 3) and name. */
int ls_split_verdict_index(const char *v, size_t n);
const char *ls_split_verdict_name(int v);

/* How a later part's lines are rewritten. */
struct ls_split_fix {
    const char *verdict;   /* its set root's verdict */
    bool set_q;            /* quarantine when the set's verdict is taken */
    const char *add_note;  /* an errors entry put first (NULL: none) */
    const char *drop_note; /* an errors entry removed (NULL: none) */
    bool own_stand_in;     /* the record's own `incomplete` stood in for the set's
                            * (merge): its own verdict counts as clean */
    const char *unstored_note; /* an errors entry put when the set's verdict
                                * quarantines the part and its own record did
                                * not (merge: its shard's store does not hold
                                * it); NULL: none */
};

/* The errors entry of a later part that merge quarantines by its set
 * root's verdict while its own shard, where that verdict was not known,
 * did not quarantine it (`incomplete` not in that run's --quarantine). */
#define LS_SPLIT_NOTE_UNSTORED                                                                                        \
    "split archive: quarantined by its set root's verdict, but the run that scanned this part did not "               \
    "quarantine it (its verdict there, incomplete, was not in that run's --quarantine): that run's "                  \
    "--quarantine-dir does not hold it"

/* One line of a later part's block rewritten: its object record gets the
 * set's verdict (its own when worse: a finding in its name) and
 * quarantine, the notes as f says; its root_done's `verdicts` counts move
 * from *from to *to (set by the object line, which comes first: -1 until
 * then). Other lines are copied. out is reset first. */
ls_err ls_split_fix_line(const char *line, size_t len, const struct ls_split_fix *f, int *from, int *to,
                         struct ls_buf *out);

#endif
