/*
 * The run summary, folded from manifest lines: the same code serves a live
 * run (the supervisor feeds each line it writes) and `leaksift merge`
 * (which feeds the lines of several manifests). The only folder that
 * includes <jansson.h>.
 */
#ifndef LS_SUMMARY_H
#define LS_SUMMARY_H

#include "core/ls_core.h"

struct ls_summary;

struct ls_summary *ls_summary_new(void);
void ls_summary_free(struct ls_summary *s);
/* Feed one manifest line (object / root_done; others are ignored).
 * LS_E_CORRUPT if it is not a JSON object. */
ls_err ls_summary_add_line(struct ls_summary *s, const char *line, size_t len);
/* Write the "summary" record (no newline) into out. */
ls_err ls_summary_record(const struct ls_summary *s, double elapsed_s, struct ls_buf *out);
/* A short human summary (several lines) into out. */
ls_err ls_summary_human(const struct ls_summary *s, const char *manifest, double elapsed_s,
                        struct ls_buf *out);
/* The root object (depth 0) most recently fed: what the quarantine store
 * needs once its root_done arrives. path is the raw path (from path_b64
 * when the name is not UTF-8). */
struct ls_root_info {
    bool have;
    bool quarantine;
    char sha256[65];  /* "" when the root was never read */
    char root_id[17];
    char verdict[16];
    char *path;       /* owned by the summary, valid until the next root */
};
const struct ls_root_info *ls_summary_last_root(const struct ls_summary *s);

/* Called after each root_done line is fed, with that line: the human
 * summary's list of quarantined files is kept by its caller (src/cli/). */
typedef void (*ls_summary_root_fn)(void *ud, const struct ls_summary *s, const char *line, size_t len);
void ls_summary_on_root(struct ls_summary *s, ls_summary_root_fn fn, void *ud);

uint64_t ls_summary_roots(const struct ls_summary *s);
uint64_t ls_summary_quarantined(const struct ls_summary *s);
uint64_t ls_summary_flagged(const struct ls_summary *s);
uint64_t ls_summary_objects(const struct ls_summary *s);

#endif
