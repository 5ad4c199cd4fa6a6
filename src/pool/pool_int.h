/*
 * Internals of the worker pool: the pipe protocol, the worker's main loop,
 * the sandbox and the per-root record spool.
 *
 * Protocol (one SOCK_STREAM socketpair per worker; docs/sandbox.md):
 *   frame = u32 little-endian body length, u8 type, body
 *   supervisor -> worker  'T' body = root path; the root's descriptor rides
 *                         along as SCM_RIGHTS on the same sendmsg(); with a
 *                         sibling schema (src/pipeline/sibling.h) the path
 *                         is followed by NUL, the schema file's name, NUL,
 *                         its bytes (at most LS_SIB_MAX)
 *   supervisor -> worker  before a 'T', for a root that is part of a split
 *                         archive (src/pipeline/splitset.h):
 *                         'P' body = a part's base name, its descriptor as
 *                         SCM_RIGHTS, one frame per part in byte order
 *                         (at most LS_SPLIT_MAX_PARTS), then
 *                         'S' body = u32le position of the root among the
 *                         parts (0: past them), u8 1 if the note is a limit,
 *                         the note (why the set ends early, may be empty);
 *                         or, for a later part
 *                         read with its set root,
 *                         'L' body = u32le its position, u32le parts joined,
 *                         the set root's path
 *   worker -> supervisor  'R' body = u8 record kind + one manifest line
 *                         'Q' body = u8 record kind, u32le line length,
 *                         the line, its summary digest (src/manifest/
 *                         summary.h; checked whole on arrival, a bad one
 *                         is a protocol error): the supervisor folds the
 *                         run summary from it instead of parsing the line
 *                         'D' body = u8 status (POOL_ST_*): the root is over
 *                         'E' body = message: the worker could not start
 * The supervisor sends the next 'T' only after 'D', so at most one
 * descriptor is in flight per worker. Frames from a worker are untrusted:
 * lengths are checked against LS_POOL_MAX_FRAME.
 */
#ifndef LS_POOL_INT_H
#define LS_POOL_INT_H

#include <sys/types.h>

#include "pool/pool.h"

#define POOL_HDR 5u
#define POOL_T_TASK 'T'
#define POOL_T_RECORD 'R'
#define POOL_T_RECSUM 'Q'
#define POOL_T_DONE 'D'
#define POOL_T_ERROR 'E'
#define POOL_T_SET 'S'
#define POOL_T_PART 'P'
#define POOL_T_LATER 'L'

enum pool_status { POOL_ST_OK = 0, POOL_ST_NOMEM = 1, POOL_ST_FAILED = 2 };

/* Write one frame (header + body) completely; blocking. 0 or -1. */
int pool_send_frame(int sock, uint8_t type, const void *body, size_t len);
/* Write bytes that already hold whole frames. 0 or -1. */
int pool_send_raw(int sock, const void *p, size_t len);
/* A root's sibling schema file sent with its task (name "" : none). */
struct pool_sib {
    const char *name;
    struct ls_slice data;
};
/* Send a task frame with fd attached. 0 or -1. */
int pool_send_task(int sock, int fd, const char *path, const struct pool_sib *sib);
/* Send a frame whose header carries fd (SCM_RIGHTS; fd < 0: none). 0 or -1. */
int pool_send_fd_frame(int sock, uint8_t type, int fd, const void *body, size_t len);

/* Split a 'Q' frame's body into the line and its digest: 1 when both are
 * good, 0 when the digest is not well-formed or not the line's kind, -1
 * when the body is cut (the supervisor treats 0 and -1 alike: a protocol
 * error). */
int pool_recsum_split(struct ls_slice body, struct ls_slice *line, struct ls_slice *dig);

/* What came with a task besides its root descriptor: the parts of a split
 * archive ('S' + 'P' frames) or the set a later part belongs to ('L'). */
struct pool_split {
    int *fds;                 /* n part descriptors, byte order (owned) */
    char (*names)[256];       /* their base names */
    unsigned n, cap;
    bool set;                 /* an 'S' frame came: this root is a set root */
    unsigned root_part;
    bool note_limit;
    char note[1024];
    bool later;               /* an 'L' frame came */
    unsigned part, parts;
    char *set_path;           /* malloc'd */
};
void pool_split_init(struct pool_split *s);
/* Close the descriptors, free, and init again. */
void pool_split_clear(struct pool_split *s);

/* Worker side: receive a task. Returns 1 with *fd and *body (malloc'd:
 * the path, NUL-ended; sib points into it) and *split set, 0 on orderly
 * EOF, -1 on a protocol or I/O error (split then cleared). */
int pool_recv_task(int sock, int *fd, char **body, struct pool_sib *sib, struct pool_split *split);

/* What a worker process needs besides the inherited ls_worker. */
struct pool_child_cfg {
    int sock;                /* its end of the socketpair */
    pid_t parent;            /* the supervisor: die with it */
    uint64_t as_limit;       /* RLIMIT_AS; 0 = none (sanitizer builds) */
    uint64_t fsize_limit;    /* RLIMIT_FSIZE: bounds spill files */
    unsigned nofile;         /* RLIMIT_NOFILE: 64 + the parts of a split archive */
    bool no_sandbox;         /* LEAKSIFT_NO_SANDBOX=1 (debugging only) */
};

/* Never returns: serves tasks until EOF, then _exit(). */
_Noreturn void pool_worker_main(struct ls_worker *w, const struct pool_child_cfg *cfg);

/* rlimits + seccomp allow-list (pool_sandbox.c). 0 or -1 with err set. */
int pool_sandbox_enter(const struct pool_child_cfg *cfg, char *err, size_t errlen);

/* The records of one root in flight, in arrival order: memory up to a cap,
 * then an unlinked temporary file (pool_spool.c). Entries are
 * u32le line length, u32le digest length, line, digest. */
struct pool_spool {
    struct ls_buf mem;
    int fd;
    uint64_t file_len;
    uint64_t max_mem;
    bool saw_done;          /* the last record appended was root_done */
};

void pool_spool_init(struct pool_spool *s, uint64_t max_mem);
ls_err pool_spool_add(struct pool_spool *s, const uint8_t *line, size_t len, bool is_done);
/* The same with the line's summary digest (empty: none). */
ls_err pool_spool_add_dig(struct pool_spool *s, const uint8_t *line, size_t len, struct ls_slice dig, bool is_done);
/* Hand every line to fn in order; stops at the first non-zero. */
ls_err pool_spool_replay(struct pool_spool *s, ls_record_fn fn, void *ud);
/* The same with each line's digest (empty: none). */
typedef int (*pool_line_fn)(void *ud, const char *line, size_t len, struct ls_slice dig);
ls_err pool_spool_replay_dig(struct pool_spool *s, pool_line_fn fn, void *ud);
void pool_spool_reset(struct pool_spool *s);
void pool_spool_free(struct pool_spool *s);

#endif
