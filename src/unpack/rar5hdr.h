/*
 * leaksift's own RAR 5.0 header walk: which file headers carry a file
 * encryption extra record. libarchive (3.6, 3.7) skips that record and
 * never sets archive_entry_is_data_encrypted() for RAR5, so the ciphertext
 * would be read as the member's content. Pure function on a slice: no
 * libarchive, no context. Format: RARLAB "RAR 5.0 archive format".
 */
#ifndef LS_RAR5HDR_H
#define LS_RAR5HDR_H

#include "core/ls_core.h"

#define LS_RAR5_SIG "Rar!\x1a\x07\x01\x00"
#define LS_RAR5_SIG_LEN 8u
/* The format caps a header at 2 MiB. */
#define LS_RAR5_MAX_HEADER (2u << 20)

/* One file header (type 2), in archive order: the order libarchive returns
 * entries in. name is a slice of the archive (UTF-8, '/' separators). */
struct ls_rar5_file {
    struct ls_slice name;
    bool encrypted; /* a file encryption record (extra type 1) is present */
};

/* Walk the headers of a RAR 5.0 archive starting at offset 0. *out is
 * malloc'ed (free it), NULL with *n = 0 when there is no file header.
 * LS_OK at the end of archive header or the end of the data; LS_E_CORRUPT
 * if the signature is missing (nothing listed); after damage LS_E_TRUNCATED
 * or LS_E_CORRUPT, and at an archive encryption header (every later header
 * is ciphertext) LS_E_ENCRYPTED, with the files before it listed;
 * LS_E_NOMEM (nothing listed). */
ls_err ls_rar5_files(struct ls_slice rar, struct ls_rar5_file **out, size_t *n);
/* The same; *ended: the walk reached the end of archive header (type 5),
 * which RAR 5 writes at the end of every archive and volume: without it,
 * where the walk stopped cleanly at the end of the data, the file was cut
 * between two headers (libarchive 3.6 takes that for the end). */
ls_err ls_rar5_files_end(struct ls_slice rar, struct ls_rar5_file **out, size_t *n, bool *ended);
/* The main archive header (type 1) says "volume" (archive flag 0x0001):
 * a part of a multi-volume set, whose last member may go on in the next. */
bool ls_rar5_volume(struct ls_slice rar);

#endif
