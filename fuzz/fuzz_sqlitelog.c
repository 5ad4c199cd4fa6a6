/* Fuzz the sqlitelog handler (SQLite -wal and rollback -journal files:
 * frames, journal segments, carved b-tree leaf pages and records) through
 * the production pipeline (fuzz_common.c). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_sqlitelog;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_sqlitelog, (struct ls_slice){data, size});
    return 0;
}
