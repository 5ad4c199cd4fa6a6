/*
 * An index over fingerprints: which item of an array has this key.
 *
 * The keys are fingerprints (HMAC-SHA256 output or a prefix of it, maybe
 * with a tag byte after): uniform bytes, so their first eight bytes are the
 * hash. The items stay in the caller's array, item i's key at
 * keys + i * stride; the index holds positions + 1 in an open-addressing
 * table kept at most half full. Callers: the scan engine's evidence and
 * unlisted values per finding, the pipeline's distinct values per root, the
 * summary's distinct values per run.
 *
 * Adding item n (the array already holds items 0..n-1, all indexed):
 * ls_fpindex_reserve(ix, keys, stride, n), write the item into the array,
 * then ls_fpindex_insert(ix, keys, stride, n). After removing items, compact
 * the array and call ls_fpindex_rebuild.
 */
#ifndef LS_FPINDEX_H
#define LS_FPINDEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/ls_core.h"

struct ls_fpindex {
    uint64_t *slot; /* 0 = empty, else item position + 1 */
    size_t n_slots; /* 0 or a power of two */
};

static inline size_t ls_fpindex_hash(const uint8_t *key)
{
    uint64_t h = 0;
    for (int i = 0; i < 8; i++) h = h << 8 | key[i];
    return (size_t)h;
}

/* Position of the item whose first `width` key bytes equal key's, or SIZE_MAX. */
static inline size_t ls_fpindex_find(const struct ls_fpindex *ix, const void *keys, size_t stride,
                                     size_t width, const uint8_t *key)
{
    if (!ix->n_slots) return SIZE_MAX;
    size_t mask = ix->n_slots - 1;
    for (size_t h = ls_fpindex_hash(key) & mask; ix->slot[h]; h = (h + 1) & mask) {
        size_t i = (size_t)(ix->slot[h] - 1);
        if (memcmp((const uint8_t *)keys + i * stride, key, width) == 0) return i;
    }
    return SIZE_MAX;
}

/* Index item i (its key already in the array); room must have been reserved. */
static inline void ls_fpindex_insert(struct ls_fpindex *ix, const void *keys, size_t stride, size_t i)
{
    size_t mask = ix->n_slots - 1;
    size_t h = ls_fpindex_hash((const uint8_t *)keys + i * stride) & mask;
    while (ix->slot[h]) h = (h + 1) & mask;
    ix->slot[h] = (uint64_t)i + 1;
}

/* Make room for item n: grows the table (reindexing items 0..n-1) when it
 * would be more than half full; the first table has min_slots (a power of two). */
ls_err ls_fpindex_reserve(struct ls_fpindex *ix, const void *keys, size_t stride, size_t n,
                          size_t min_slots) LS_WUR;
/* Reindex items 0..n-1 in the table as it is (after the array was compacted). */
void ls_fpindex_rebuild(struct ls_fpindex *ix, const void *keys, size_t stride, size_t n);
void ls_fpindex_free(struct ls_fpindex *ix);

#endif
