/*
 * leaksift — triage suspected leak dumps.
 *
 * Public C API. The CLI, the worker pool, the tests and the fuzzers all go
 * through these entry points.
 *
 * Life cycle:
 *   struct ls_config cfg;  ls_config_default(&cfg);  ... set fields ...
 *   ls_engine_new(&cfg, &eng, err, sizeof err);   compiles rules (once, before fork)
 *   ls_worker_new(eng, &w, err, sizeof err);      one per process: libmagic, YARA scanner
 *   ls_worker_scan_fd(w, fd, path, on_record, ud); one call per root (top-level file)
 *   ls_worker_free(w); ls_engine_free(eng);
 *
 * Records are handed to the callback as complete JSON Lines (no trailing
 * newline) in the format documented in docs/manifest.md. The engine is
 * immutable after ls_engine_new() and may be shared by any number of workers
 * (and across fork()); a worker is used by one thread at a time.
 */
#ifndef LEAKSIFT_H
#define LEAKSIFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(LEAKSIFT_BUILDING) && defined(__GNUC__)
#define LS_API __attribute__((visibility("default")))
#else
#define LS_API
#endif

#define LS_VERSION_STRING "0.1.0"
/* Manifest schema version, written in the "run" record. Bumped on any
 * incompatible change; fields are only ever added. */
#define LS_MANIFEST_VERSION 1

/* Error codes. Values are pinned forever. */
typedef enum ls_err {
    LS_OK = 0,
    LS_E_NOMEM = 1,
    LS_E_IO = 2,
    LS_E_TRUNCATED = 3,
    LS_E_CORRUPT = 4,
    LS_E_UNSUPPORTED = 5,
    LS_E_ENCRYPTED = 6,
    LS_E_LIMIT = 7,
    LS_E_TIMEOUT = 8,
    LS_E_DEPENDENCY = 9,
    LS_E_ARG = 10,
    LS_E_INTERNAL = 11,
} ls_err;

LS_API const char *ls_err_name(ls_err e);

/* Budgets. Defaults (and the reason for each) are in src/core/limits.h. */
struct ls_limits {
    unsigned max_depth;          /* nesting depth of members below a root      */
    uint64_t root_bytes_min;     /* expanded bytes per root: max(min, factor*size) */
    unsigned root_bytes_factor;
    unsigned bomb_ratio;         /* member ratio above which ...              */
    uint64_t bomb_floor;         /* ... and past this many bytes: bomb alert  */
    uint64_t max_members;        /* members per root                          */
    uint64_t max_text;           /* extracted text per object                 */
    uint64_t max_scan;           /* raw bytes of one object given to YARA     */
    unsigned root_time_s;        /* wall time per root                        */
    unsigned yara_timeout_s;     /* per YARA scan                             */
    uint64_t spill_threshold;    /* members above this are spilled, not heap  */
    uint64_t max_evidence;       /* distinct values recorded per object       */
    unsigned stall_s;            /* CPU s in a library call without progress  */
};

LS_API void ls_limits_default(struct ls_limits *l);

/* Which verdicts are quarantined (bit per enum ls_verdict). */
enum ls_verdict {
    LS_VERDICT_CLEAN = 0,
    LS_VERDICT_SENSITIVE = 1,
    LS_VERDICT_HOSTILE = 2,
    LS_VERDICT_INCOMPLETE = 3,
};

struct ls_config {
    struct ls_limits limits;
    const char *const *rule_paths;  /* extra rule files or folders            */
    size_t n_rule_paths;
    bool no_default_rules;          /* skip the built-in pack                 */
    const uint8_t *fp_key;          /* fingerprint key; NULL: random per run  */
    size_t fp_key_len;
    const char *identifiers_path;   /* --identifiers FILE, or NULL            */
    unsigned quarantine_mask;       /* 1u << verdict; default all but clean   */
};

LS_API void ls_config_default(struct ls_config *c);

struct ls_engine;
struct ls_worker;

/* Compile the rules. On error, returns non-OK and writes a one-line message
 * ("file:line: message") into err. */
LS_API ls_err ls_engine_new(const struct ls_config *cfg, struct ls_engine **out,
                            char *err, size_t errlen);
LS_API void ls_engine_free(struct ls_engine *e);
/* SHA-256 (hex) over the rule sources the engine compiled. */
LS_API const char *ls_engine_rules_hash(const struct ls_engine *e);
LS_API unsigned ls_engine_rule_count(const struct ls_engine *e);
/* Warnings the YARA compiler printed (e.g. slow rules), one per line; "" if none. */
LS_API const char *ls_engine_warnings(const struct ls_engine *e);

LS_API ls_err ls_worker_new(const struct ls_engine *e, struct ls_worker **out,
                            char *err, size_t errlen);
LS_API void ls_worker_free(struct ls_worker *w);

enum ls_record_kind { LS_REC_OBJECT = 1, LS_REC_ROOT_DONE = 2 };

/* Receives each record as one JSON line (no newline). Return 0 to go on,
 * non-zero to abort the root (the call then returns LS_E_IO). */
typedef int (*ls_record_fn)(void *ud, enum ls_record_kind kind, const char *line, size_t len);

/* Triage one root: fd is open for reading (the call does not close it);
 * path is the root path as given (raw bytes, NUL-terminated).
 * Emits every object record of the root, then one "root_done" record.
 * Returns LS_OK unless the callback failed or memory ran out; problems with
 * the input itself are written into the records, never returned. */
LS_API ls_err ls_worker_scan_fd(struct ls_worker *w, int fd, const char *path,
                                ls_record_fn fn, void *ud);

/* Record a root that was not opened for reading (symlink, FIFO, socket,
 * device, unreadable or vanished file): one object record with coverage
 * "none", the given reason ("symlink", "special", "unreadable", "vanished")
 * and, for special files, the alert; then root_done. errmsg may be NULL. */
enum ls_special {
    LS_SPECIAL_SYMLINK = 1,
    LS_SPECIAL_FIFO,
    LS_SPECIAL_SOCKET,
    LS_SPECIAL_DEVICE,
    LS_SPECIAL_UNREADABLE,
    LS_SPECIAL_VANISHED,
    LS_SPECIAL_NOT_FILE,
};
LS_API ls_err ls_worker_record_special(struct ls_worker *w, const char *path, enum ls_special kind,
                                       const char *errmsg, ls_record_fn fn, void *ud);

/* Record a root that could not be finished (its worker crashed, was killed,
 * ran out of memory or time, or the run was interrupted): one object record
 * with coverage "none", verdict "incomplete", the coverage reason given
 * ("worker_crash", "limit:memory", "limit:time", "interrupted") and errmsg
 * (may be NULL) in errors; then root_done. Reads nothing; used by the worker
 * pool's supervisor. */
LS_API ls_err ls_worker_record_failed(struct ls_worker *w, const char *path, const char *reason,
                                      const char *errmsg, ls_record_fn fn, void *ud);

/* `leaksift text`: triage one root like ls_worker_scan_fd (records are not
 * emitted) and call fn with the normalised text of the object whose member
 * chain below the root is chain[0..n) (n = 0: the root itself). The text is
 * what the scanner saw: extracted text, or the raw bytes when the handler
 * extracted none. fn is also called with text == NULL for every other
 * object (to list candidates). Returns LS_E_ARG if the object was not found. */
struct ls_text_object {
    const uint8_t *const *names;  /* member chain of the object */
    const size_t *name_lens;
    size_t depth;
    const char *handler;          /* handler name or NULL */
    const char *mime;
    const uint8_t *text;          /* NULL unless this is the requested object */
    size_t text_len;
    bool text_is_raw;
};
typedef void (*ls_text_fn_pub)(void *ud, const struct ls_text_object *o);
LS_API ls_err ls_worker_text_fd(struct ls_worker *w, int fd, const char *path,
                                const char *const *chain, size_t n, ls_text_fn_pub fn, void *ud);

/* Root id: the first 16 hex digits of SHA-256(path). Stable across runs,
 * shards and worker counts. out must hold 17 bytes. */
LS_API void ls_root_id(const char *path, char out[17]);

/* Write the "run" record (first manifest line) into buf; returns its length
 * or 0 if it did not fit. argv_json is a JSON array of the options, or NULL. */
LS_API size_t ls_run_record(const struct ls_engine *e, const char *argv_json, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
