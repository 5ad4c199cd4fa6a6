/*
 * Shared set-up for the fuzz harnesses: builds the same context the pipeline
 * builds (an engine with a tiny rule set, a worker, tight limits so a fuzzer
 * never runs out of memory) and runs one handler's extract() on the input
 * as if it were a root, children recursing through the real pipeline.
 * The same harness links against libFuzzer (-DLEAKSIFT_FUZZ=ON) or against
 * replay_main.c, which ctest uses to replay corpora on every build.
 */
#ifndef LS_FUZZ_COMMON_H
#define LS_FUZZ_COMMON_H
#include <stddef.h>
#include <stdint.h>

#include "core/handler.h"

/* Run h->extract on data through the production pipeline. */
ls_err fuzz_run_handler(const struct ls_handler *h, struct ls_slice data);
/* Run the whole pipeline (identify, dispatch, scan, record) on data. */
ls_err fuzz_run_pipeline(struct ls_slice data, const char *name);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#endif
