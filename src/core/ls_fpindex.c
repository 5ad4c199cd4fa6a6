/* An index over fingerprints (see ls_fpindex.h). */
#include "core/ls_fpindex.h"

#include <stdlib.h>

ls_err ls_fpindex_reserve(struct ls_fpindex *ix, const void *keys, size_t stride, size_t n,
                          size_t min_slots)
{
    if ((n + 1) * 2 <= ix->n_slots) return LS_OK;
    size_t want = ix->n_slots ? ix->n_slots * 2 : min_slots;
    if (want < 2 || want > SIZE_MAX / 2 / sizeof *ix->slot) return LS_E_NOMEM;
    uint64_t *slot = calloc(want, sizeof *slot);
    if (!slot) return LS_E_NOMEM;
    free(ix->slot);
    ix->slot = slot;
    ix->n_slots = want;
    ls_fpindex_rebuild(ix, keys, stride, n);
    return LS_OK;
}

void ls_fpindex_rebuild(struct ls_fpindex *ix, const void *keys, size_t stride, size_t n)
{
    if (!ix->n_slots) return;
    memset(ix->slot, 0, ix->n_slots * sizeof *ix->slot);
    for (size_t i = 0; i < n; i++) ls_fpindex_insert(ix, keys, stride, i);
}

void ls_fpindex_free(struct ls_fpindex *ix)
{
    free(ix->slot);
    ix->slot = NULL;
    ix->n_slots = 0;
}
