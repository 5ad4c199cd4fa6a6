/*
 * The worker pool: one supervisor (the calling process) and N sandboxed
 * worker processes. docs/sandbox.md describes the process model, the
 * sandbox and the failure records; docs/performance.md the cost.
 *
 *   ls_pool_new()      forks the workers (engine and libmagic already
 *                      loaded: shared copy-on-write)
 *   ls_pool_submit()   hands one opened regular file to an idle worker
 *                      (waits for one); the pool owns the descriptor
 *   ls_pool_drain()    waits until every root in flight is written
 *   ls_pool_free()     stops the workers
 *
 * The supervisor is the single writer: each finished root's records reach
 * `emit` as one block in post-order, the root_done line last; a root whose
 * worker failed reaches it as one failure record (coverage "none", verdict
 * "incomplete", reason worker_crash / limit:memory / limit:time /
 * interrupted) plus root_done. Workers never open paths.
 */
#ifndef LS_POOL_H
#define LS_POOL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/ls_core.h"

/* Buffered record bytes per worker before the block spills to an unlinked
 * temporary file (docs/sandbox.md "Ordering"). */
#define LS_POOL_SPOOL_MEM (64u << 20)
/* Largest record frame a worker may send (one manifest line). */
#define LS_POOL_MAX_FRAME (512u << 20)
/* Address space of a worker besides twice the largest root (which is
 * mapped whole): heap, YARA, libmagic, extracted text. Not set in
 * sanitizer builds (ASan reserves terabytes of shadow). */
#define LS_POOL_AS_BASE (4ull << 30)
/* Seconds in-flight roots get to finish after SIGINT/SIGTERM. */
#define LS_POOL_GRACE_S 5u

struct ls_pool_opts {
    unsigned jobs;                  /* worker processes, >= 1 */
    const struct ls_limits *lim;    /* root_time_s, budgets (sandbox sizes) */
    uint64_t max_root_size;         /* largest root of the run (rlimits) */
    uint64_t spool_mem;             /* 0: LS_POOL_SPOOL_MEM */
    volatile sig_atomic_t *stop;    /* 1: interrupt asked (grace), 2: now */
    /* Called when a root's block (or failure record) is written; path is
     * the root's path as given (the manifest may show it masked). */
    void (*on_root_done)(void *ud, const char *path, uint64_t size, bool failed);
    /* Called at least every 250 ms while the pool waits. */
    void (*tick)(void *ud);
    void *ud;                       /* for the two callbacks above */
};

struct ls_pool;

/* w: the supervisor's worker (used to build failure records; each child
 * uses its copy). emit receives every manifest line (no newline); non-zero
 * from emit stops the pool (manifest write failure). */
ls_err ls_pool_new(const struct ls_pool_opts *o, struct ls_worker *w, ls_record_fn emit,
                   void *emit_ud, struct ls_pool **out, char *err, size_t errlen);
/* Dispatch one root; fd is consumed (closed by the pool). LS_E_IO: emit
 * failed or the pool stopped; LS_E_INTERNAL: workers cannot be started. */
ls_err ls_pool_submit(struct ls_pool *p, int fd, const char *path, uint64_t size);
/* Wait for every root in flight (after a stop: for the grace period). */
ls_err ls_pool_drain(struct ls_pool *p);
/* Why the pool stopped on its own ("" if it did not). */
const char *ls_pool_error(const struct ls_pool *p);
/* Roots recorded as failed (worker_crash, limit:*, interrupted). */
uint64_t ls_pool_failed(const struct ls_pool *p);
/* Object records the busy workers have made for the roots in hand (not yet
 * written): for the progress line. */
uint64_t ls_pool_objects_in_flight(const struct ls_pool *p);
/* While emit is writing a line of a finished block: the summary digest the
 * worker sent with that line (checked: src/manifest/summary.h), so the
 * caller can fold its summary without parsing the line; an empty slice for
 * any other line (failure records, lines the worker sent without one). */
struct ls_slice ls_pool_line_digest(const struct ls_pool *p, const char *line, size_t len);
/* Kills and reaps every worker. */
void ls_pool_free(struct ls_pool *p);

/* ---- the list of roots to do (pool_roots.c) ---- */

/* Enumeration runs to the end before dispatch, so the totals are known for
 * the progress line and the largest root sizes the sandbox. Compact: the
 * paths live in one arena, 32 bytes of bookkeeping a root. */
struct ls_root_ent {
    uint64_t path_off;
    uint64_t err_off;       /* UINT64_MAX: no message */
    uint64_t size;          /* st_size at enumeration (0 for specials) */
    int special;            /* 0: regular file; else enum ls_special */
};

struct ls_rootlist {
    struct ls_buf arena;
    struct ls_root_ent *v;
    size_t n, cap;
    uint64_t total_bytes, max_size, regular;
};

void ls_rootlist_init(struct ls_rootlist *l);
ls_err ls_rootlist_add(struct ls_rootlist *l, const char *path, int special, const char *errmsg,
                       uint64_t size);
const char *ls_rootlist_path(const struct ls_rootlist *l, size_t i);
const char *ls_rootlist_err(const struct ls_rootlist *l, size_t i); /* NULL if none */
void ls_rootlist_free(struct ls_rootlist *l);

/* ---- journal (pool_journal.c): --resume ---- */

/* The root ids (ls_root_id) with a root_done line in a manifest, sorted. */
struct ls_done_set {
    uint64_t *ids;
    size_t n, cap;
};

/* Read the manifest at fd (opened O_RDWR), keep the run record and every
 * complete root block, truncate the file after the last root_done line,
 * feed each kept line to line_fn (for the summary), and collect the done
 * roots. *fresh is set when the file holds no run record (empty or torn
 * first line): it is then truncated to 0 and the caller starts anew. */
ls_err ls_journal_load(int fd, struct ls_done_set *done,
                       int (*line_fn)(void *ud, const char *line, size_t len), void *ud,
                       bool *fresh, char *err, size_t errlen);
bool ls_done_has(const struct ls_done_set *d, const char *path);
void ls_done_free(struct ls_done_set *d);

/* Value of the top-level string field `key` of a JSON object line, when it
 * is a plain string (no escapes); false otherwise. */
bool ls_journal_field(struct ls_slice line, const char *key, struct ls_slice *val);

#endif
