/* A worker's record frame with its summary digest, as the supervisor reads
 * it (src/pool/pool_frame.c pool_recsum_split, src/pool/pool_spool.c,
 * src/manifest/summary.c): any bytes as a 'Q' frame's body, split into the
 * line and the digest, spooled and replayed, folded into a run summary;
 * the same bytes as a bare digest and as a manifest line (jansson) too.
 * Whatever a (compromised) worker claims, the summary record written from
 * it must stay one JSON object. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "manifest/summary.h"
#include "pool/pool_int.h"

struct fold {
    struct ls_summary *s;
    int n;
};

static int fold_line(void *ud, const char *line, size_t len, struct ls_slice dig)
{
    struct fold *f = ud;
    if (dig.len && ls_summary_add_digest(f->s, dig, line, len) != LS_OK) abort(); /* checked on arrival */
    f->n++;
    return 0;
}

static void check_record(const struct ls_summary *s)
{
    struct ls_buf b;
    ls_buf_init(&b, 64u << 20);
    if (ls_summary_record(s, 0.5, &b) == LS_OK) {
        json_error_t err;
        json_t *o = json_loadb((const char *)b.ptr, b.len, 0, &err);
        if (!o || !json_is_object(o)) abort();
        json_decref(o);
    }
    ls_buf_reset(&b);
    (void)ls_summary_human(s, "m", 0.5, &b);
    ls_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ls_slice body = ls_slice_make(data, size), line, dig;
    struct ls_summary *s = ls_summary_new();
    if (!s) return 0;
    int r = pool_recsum_split(body, &line, &dig);
    if (r == 1) {
        struct pool_spool sp;
        pool_spool_init(&sp, 256); /* small: long lines spill to the file */
        struct fold f = {s, 0};
        int kind = ls_slice_at(body, 0);
        for (int i = 0; i < 3; i++)
            if (pool_spool_add_dig(&sp, line.ptr, line.len, dig, kind == LS_REC_ROOT_DONE) != LS_OK) abort();
        if (pool_spool_replay_dig(&sp, fold_line, &f) != LS_OK || f.n != 3) abort();
        pool_spool_free(&sp);
    }
    /* the same bytes as a manifest line read back (merge, --resume) */
    (void)ls_summary_add_line(s, (const char *)data, size);
    int k = ls_summary_digest_kind(body);
    ls_err e = ls_summary_add_digest(s, body, "{}", 2);
    if ((k != 0) != (e == LS_OK)) abort();
    check_record(s);
    ls_summary_free(s);
    return 0;
}
