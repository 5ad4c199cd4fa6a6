/* Shared fuzz set-up (see fuzz_common.h): the production pipeline with the
 * built-in rules and tight limits. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuzz_common.h"
#include "pipeline/pipeline.h"

/* The locale fuzz_init keeps loaded: a global, so the store is never
 * dropped and LeakSanitizer sees the locale held. */
locale_t fuzz_kept_locale;

static struct ls_engine *g_eng;
static struct ls_worker *g_w;

static void fuzz_init(void)
{
    if (g_w) return;
    struct ls_config cfg;
    ls_config_default(&cfg);
    static const uint8_t key[] = "leaksift-fuzz-key";
    cfg.fp_key = key;
    cfg.fp_key_len = sizeof key - 1;
    struct ls_limits *l = &cfg.limits;
    l->max_depth = 4;
    l->root_bytes_min = 16u << 20;
    l->root_bytes_factor = 8;
    l->bomb_floor = 1u << 20;
    l->max_members = 1000;
    l->max_text = 1u << 20;
    l->max_scan = 4u << 20;
    l->root_time_s = 20;
    l->yara_timeout_s = 5;
    l->spill_threshold = 8u << 20;
    l->max_evidence = 100;
    /* As a worker does before its sandbox (src/pool/pool_worker.c): keep
     * the C.UTF-8 locale loaded, or every archive session's newlocale /
     * freelocale maps and unmaps its data again, and pin TZ so
     * libarchive's localtime() stats no file. 30 s runs: fuzz_ooxml 377
     * -> 923 inputs, fuzz_ole2 634 -> 2,477. */
    fuzz_kept_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    setenv("TZ", "UTC", 1);
    tzset();
    char err[1024];
    if (ls_engine_new(&cfg, &g_eng, err, sizeof err) != LS_OK ||
        ls_worker_new(g_eng, &g_w, err, sizeof err) != LS_OK) {
        fprintf(stderr, "fuzz: set-up failed: %s\n", err);
        abort();
    }
}

static int fuzz_record(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    (void)ud, (void)kind;
    /* every record must be one line of JSON-safe text */
    if (memchr(line, '\n', len)) abort();
    return 0;
}

static ls_err run(const struct ls_handler *h, struct ls_slice data, const char *name)
{
    fuzz_init();
    struct ls_ctx c;
    ls_ctx_init(&c, g_w, name, fuzz_record, NULL);
    c.force_handler = h;
    ls_err e = ls_ctx_run_root(&c, data, 0, false);
    ls_ctx_fini(&c);
    return e;
}

ls_err fuzz_run_handler(const struct ls_handler *h, struct ls_slice data)
{
    return run(h, data, h ? h->name : "input");
}

ls_err fuzz_run_pipeline(struct ls_slice data, const char *name)
{
    return run(NULL, data, name ? name : "input");
}
