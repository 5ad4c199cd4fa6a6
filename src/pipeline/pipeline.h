/*
 * The pipeline: the one place that knows every stage (identify, hash,
 * dispatch, extract, scan, verdict, record). Private to src/pipeline/.
 */
#ifndef LS_PIPELINE_H
#define LS_PIPELINE_H

#include "core/handler.h"
#include "identify/identify.h"
#include "scan/engine.h"

#define LS_MAX_TAGS 24
#define LS_TAG_LEN 32
#define LS_MAX_ERRORS 16

struct ls_engine {
    struct ls_config cfg;
    struct ls_rules *rules;
    uint8_t *fp_key;
    size_t fp_key_len;
    char **rule_paths; /* owned copies of cfg.rule_paths */
    char *identifiers_path;
    bool user_key;     /* fingerprint key given by the user */
};

struct ls_worker {
    const struct ls_engine *eng;
    struct ls_magic *magic;
    struct ls_scanner *scanner;
};

/* Per-root distinct fingerprints (for root_done) */
struct ls_fpset {
    uint8_t (*fp)[16];
    const char **entity;
    size_t n, cap;
    struct ls_fpindex ix; /* fp by its 16 bytes */
};

/* A root read as a split archive (splitset.h): the set root, read as the
 * concatenation of n parts, or a later part, read with its set root and
 * recorded by reference (set_path set). */
struct ls_split_job {
    unsigned n;            /* parts joined (set root); parts of the set (later part) */
    unsigned part;         /* position of this root's file among them (0: past them) */
    char note[1024];       /* why the set ends early ("" : it does not) */
    bool note_limit;       /* ... a limit (LS_SPLIT_MAX_PARTS), not a cut */
    const char *set_path;  /* later part: the set root's path; NULL for the set root */
    const uint64_t *starts; /* set root read whole: where each part starts in its data
                             * (zip -s disks, src/unpack/zipcd.h); else NULL */
    const char (*names)[256]; /* set root: the n parts' base names, byte order
                               * (its record's split.files); else NULL */
};

/* Observer for `leaksift text`: called for every object after extraction. */
typedef void (*ls_text_fn)(void *ud, const struct ls_object *o, struct ls_slice text);

struct ls_ctx {
    struct ls_worker *w;
    const struct ls_limits *lim;
    const char *root_path;
    struct ls_buf root_shown; /* root_path as the manifest shows it: values the
                                 rules found in the file name masked ("" if none) */
    char root_id[17];
    uint64_t next_index;
    uint64_t members;
    uint64_t expanded, budget, pending;
    uint64_t unratioed;  /* of expanded: bytes the root's bomb ratio does not
                          * count (sparse holes, ls_budget_charge_holes) */
    uint64_t root_size;  /* bytes of the root: the root-level bomb ratio */
    double t_start;
    bool expired;
    ls_record_fn fn;
    void *ud;
    ls_err fatal;        /* callback failure or out of memory: stop the root */
    struct ls_fpset distinct;
    uint64_t objects;
    unsigned verdict_counts[4];
    ls_text_fn text_fn;
    void *text_ud;
    const struct ls_handler *force_handler; /* fuzzing: the root's handler */
    uint64_t (*root_ext)[2]; /* a root file with holes, over max_scan: its data
                              * extents [start, end) (SEEK_DATA, api.c), own
                              * allocation; NULL otherwise */
    size_t n_root_ext;
    const char *sib_name;    /* the root's sibling schema file (sibling.h), or NULL */
    struct ls_slice sib_data; /* its first bytes, borrowed for the root */
    const struct ls_split_job *split; /* the root is (part of) a split archive, or NULL */
};

/* Cap of a name as shown (root_shown, shown_name): a root path may pass
 * PATH_MAX (src/core/ls_path.h). */
#define NAME_SHOWN_MAX (1u << 20)

struct ls_sib_reg;

/* Pipeline-private state of one object (o->priv). */
struct ls_obj_state {
    struct ls_ctx *ctx;
    char mime[128];
    char magic[256];
    char subject[256];    /* ls_set_subject(), redacted; "" if none */
    char ext[16];
    uint8_t sha256[32];
    uint64_t declared_size;
    const struct ls_handler *handler;
    bool declined;        /* ls_decline() by handler */
    bool cov_none;
    char reasons[LS_MAX_TAGS][LS_TAG_LEN];
    unsigned n_reasons;
    char alerts[LS_MAX_TAGS][LS_TAG_LEN];
    unsigned n_alerts;
    struct ls_buf errors; /* NUL-separated messages */
    unsigned n_errors;
    struct ls_buf text;
    struct ls_buf labels;   /* ls_emit_labels(), appended to text after extraction */
    bool text_bomb;         /* text cut at the bomb ratio (said once) */
    size_t labels_at;       /* where the labels start in text (text.len if none) */
    struct ls_findings findings;
    uint64_t children;
    int subtree_verdict;  /* worst verdict among descendants, -1 if none */
    bool child_incomplete;
    bool no_dispatch;     /* depth limit: identify and scan raw only */
    bool no_content;      /* special root never read: no hash, no type */
    const char *mime_hint; /* ls_child.mime_hint: the type, without libmagic */
    struct ls_buf shown_name; /* the member name as the manifest shows it: values
                                 the rules found in it masked ("" if none) */
    struct ls_sib_reg *sib; /* a container's schema members (sibling.h), or NULL */
};

/* Process o (data, name, depth set by the caller) end to end and emit its
 * record. */
ls_err ls_pipeline_object(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st);
void ls_obj_state_init(struct ls_obj_state *st, struct ls_ctx *c);
void ls_obj_state_free(struct ls_obj_state *st);
bool ls_obj_has_tag(const struct ls_obj_state *st, const char *tag);
/* Mask what may be PII in a one-line string the manifest shows (a subject,
 * libmagic's description, which quotes JPEG comments and OLE2 authors):
 * digit runs of 6+ digits keep their last 4, addresses their first byte. */
void ls_redact_line(char *s, size_t n);
/* True if the object's raw bytes are not scanned: a container read whole
 * (its members are objects of their own). */
bool ls_obj_raw_redundant(const struct ls_obj_state *st);

/* Record building (src/pipeline/record.c) */
ls_err ls_record_object(const struct ls_ctx *c, const struct ls_object *o,
                        const struct ls_obj_state *st, int verdict, bool quarantine,
                        struct ls_buf *out);
ls_err ls_record_root_done(const struct ls_ctx *c, struct ls_buf *out);
const char *ls_verdict_name(int v);
const char *ls_coverage_name(const struct ls_obj_state *st);

void ls_fpset_free(struct ls_fpset *s);
ls_err ls_fpset_add(struct ls_fpset *s, const uint8_t fp[32], const char *entity);

void ls_ctx_init(struct ls_ctx *c, struct ls_worker *w, const char *path, ls_record_fn fn, void *ud);
void ls_ctx_fini(struct ls_ctx *c);
/* ls_worker_scan_fd() with the root's sibling schema file (sibling.h: name
 * and bytes, as the supervisor read them; NULL: none). */
ls_err ls_worker_scan_fd_sib(struct ls_worker *w, int fd, const char *path, const char *sib_name,
                             struct ls_slice sib_data, ls_record_fn fn, void *ud);
/* A split archive's set root: fds are its parts in byte order (not
 * closed here); the root's data is their concatenation. job->note may be
 * extended (a part read short). */
ls_err ls_worker_scan_split(struct ls_worker *w, int root_fd, const int *fds, const char (*names)[256],
                            struct ls_split_job *job, const char *path, const char *sib_name,
                            struct ls_slice sib_data, ls_record_fn fn, void *ud);
/* A later part of a split archive, read with its set root (job->set_path):
 * hashed and typed, recorded by reference, not scanned. */
ls_err ls_worker_scan_later(struct ls_worker *w, int fd, const char *path, const struct ls_split_job *job,
                            ls_record_fn fn, void *ud);
/* Run a root over bytes already in memory. read_err: errno of a failed
 * read (0: none); more: the input was longer than what was read. */
ls_err ls_ctx_run_root(struct ls_ctx *c, struct ls_slice data, int read_err, bool more);
/* Whether ls_budget_charge(c, o, n) would accept n bytes (within the budget,
 * and the root no bomb after them): a producer that knows the whole size
 * in advance can then produce it in one piece and charge it at once, with
 * the same outcome as charging it block by block. */
bool ls_budget_takes(const struct ls_ctx *c, uint64_t n);
/* Record a root that was not read (special file, unreadable, vanished). */
ls_err ls_ctx_run_special(struct ls_ctx *c, const char *reason, const char *alert,
                          const char *mime, const char *errmsg);

#endif
