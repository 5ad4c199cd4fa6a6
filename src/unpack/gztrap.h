/*
 * A gzip stream whose decoded content is a gzip stream whose header never
 * ends: libarchive 3.6's gzip bidder then searches the FNAME/FCOMMENT field
 * for its NUL forever (a hang inside archive_read_open; fixed upstream after
 * 3.6.2, found by the real-file sweep on libarchive's own
 * test_read_filter_gzip_recursive.gz). Before the archive handler lets
 * libarchive bid, it walks the gzip levels itself, one at a time with an
 * explicit filter (no bidding) and a bounded amount of output per level,
 * and refuses a chain whose next header is such a trap.
 */
#ifndef LS_GZTRAP_H
#define LS_GZTRAP_H

#include "core/ls_core.h"

/* Levels walked: libarchive stacks at most 25 filters. */
#define LS_GZTRAP_LEVELS 25u
/* Output decoded per level: a real header's name or comment ends sooner. */
#define LS_GZTRAP_WINDOW (64u * 1024u)

/* True if s (a gzip stream) nests, within LS_GZTRAP_LEVELS levels, a gzip
 * header whose name or comment has no end in its first LS_GZTRAP_WINDOW
 * bytes; *level gets the level (1 = the first decoded content). */
bool ls_gztrap(struct ls_slice s, unsigned *level);

/* True if h starts a gzip header whose FNAME/FCOMMENT field does not end
 * within h (exposed for unit tests). */
bool ls_gztrap_header_open(struct ls_slice h);

/* The optional fields of the gzip header at the start of h (RFC 1952
 * 2.3.1), views of h; a field absent or cut short is empty. The original
 * file name (gzip stores it by default) and the comment are text nobody
 * decompressing the stream sees: the archive handler scans them as the
 * container's text. False if h is not a gzip header. */
struct ls_gz_fields {
    struct ls_slice extra, name, comment;
};
bool ls_gz_header_fields(struct ls_slice h, struct ls_gz_fields *f);

#endif
