/*
 * leaksift's own map of an ISO 9660 image (ECMA-119): which logical blocks
 * something the image lists claims, so that bytes no directory lists (a
 * file written and then hidden from the tree, `xorriso -hide`, or bytes
 * planted between extents) are read too. libarchive lists the files the
 * directories name and nothing else. Pure function on a slice: no
 * libarchive, no context.
 */
#ifndef LS_ISOMAP_H
#define LS_ISOMAP_H

#include "core/ls_core.h"

struct ls_iso_unclaimed {
    uint64_t off, len; /* the largest run, zero bytes at both ends left out */
    uint64_t runs;     /* runs of unclaimed blocks holding a non-zero byte */
    uint64_t bytes;    /* their bytes (zeros at both ends of each left out) */
};

/* Claimed: the system area (blocks 0-15: boot code, partition tables),
 * the volume descriptors up to the terminator, the path tables and
 * directories of the primary descriptors and of the Joliet supplementary
 * ones (the trees libarchive reads; a file listed only in another
 * supplementary tree is never read, so it claims nothing), each
 * listed file's extended attribute record and extent, Rock Ridge
 * continuation areas (SUSP "CE") and El Torito's boot catalog and boot
 * images; and what writers put there unlisted: libarchive's INFO block
 * after the set terminator, an HFS+ hybrid's volume structures (Apple
 * partition map -> Apple_HFS -> volume header), a partition's own
 * descriptor set and tree (xorrisofs -partition_offset). Every other block of the file (past the volume's end too) is
 * unclaimed. false when img is not an ISO 9660 image (no primary volume
 * descriptor at block 16) or its block size is not 512..32768; u is
 * zeroed then. Bounded: at most LS_ISO_MAX_RECORDS directory records are
 * read (an image with more is treated as all claimed: false), and each
 * block's bit is set once however many records claim it (long extents are
 * sorted and merged first): time O(records log records + blocks). */
#define LS_ISO_MAX_RECORDS 4000000u
bool ls_iso_unclaimed(struct ls_slice img, struct ls_iso_unclaimed *u);

#endif
