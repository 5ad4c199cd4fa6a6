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
/* ---- digests: a record's summary fields, sent by the worker beside the
 * line (src/pipeline/record.h builds them, src/pool carries them) so the
 * supervisor of a live run folds each record without parsing it. `merge`
 * and `--resume` read manifests back and feed lines (above).
 *
 * Little-endian, every length checked against what is left:
 *   u8 kind                 1 object, 2 root_done
 *   root_done: u64 expanded_bytes
 *   object:    u8 flags     1 depth 0 (a root), 2 quarantine, 4 a SHA-256
 *                           follows, 8 the root's bytes count (not a split
 *                           archive's later part); 4 and 8 only with 1
 *              u8 verdict (0-3), u8 coverage (0 full, 1 partial, 2 none)
 *              a root:  u64 file size, [32 bytes SHA-256], str root_id,
 *                       u32 path length + the path as shown (raw bytes)
 *              u32 n, n x str     alerts
 *              u32 n, n x str     coverage reasons
 *              u32 n, n x finding: str category, str entity, u64 count,
 *                       u32 k, k x 16 bytes (fingerprint prefixes: the
 *                       evidence's, then the unlisted)
 *              u32 n, n x (str entity, u64 count)   rejected
 *   str = u16 length + bytes; nothing may follow.
 * Strings hold no NUL; integers are at most INT64_MAX (what the line's
 * JSON can hold). A worker writes a digest only when folding it gives what
 * parsing its line would (names valid UTF-8, ...); otherwise none. */
#define LS_SUMDIG_OBJECT 1
#define LS_SUMDIG_DONE 2
#define LS_SUMDIG_ROOT 1u
#define LS_SUMDIG_QUARANTINE 2u
#define LS_SUMDIG_SHA 4u
#define LS_SUMDIG_BYTES 8u
/* The worker's side: append one field. false: the value cannot be
 * folded as its line would be (a string not valid UTF-8 or longer than
 * 65,535 bytes, an integer past the field's range): send no digest. */
bool ls_sumdig_u8(struct ls_buf *b, unsigned v);
bool ls_sumdig_u32(struct ls_buf *b, uint64_t v);
bool ls_sumdig_u64(struct ls_buf *b, uint64_t v);
bool ls_sumdig_str(struct ls_buf *b, const char *s); /* NULL: "" */
bool ls_sumdig_bytes(struct ls_buf *b, const void *p, size_t n);
/* The kind (LS_SUMDIG_*) of a well-formed digest, 0 if it is not one. */
int ls_summary_digest_kind(struct ls_slice d);
/* Fold one record by its digest (well-formed: else LS_E_CORRUPT and
 * nothing is counted); line is the record's line, for the on_root
 * callback. */
ls_err ls_summary_add_digest(struct ls_summary *s, struct ls_slice d, const char *line, size_t len);

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
