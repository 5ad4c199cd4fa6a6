/*
 * The quarantine store: a content-addressed copy of every quarantined root
 * file, so a dump can be split into "held back" and "releasable" without
 * trusting paths. Layout of DIR (created 0700 if missing):
 *   DIR/<aa>/<sha256>   the file's bytes (aa = first two hex digits), mode 0400
 *   DIR/index.jsonl     one line per stored root: {"sha256","path","root_id","verdict"}
 * A file is copied only if its SHA-256 still equals the one in its record
 * (it may have changed since it was scanned); copies go through a temporary
 * name in DIR and a rename, so the store never holds a partial object.
 * Nothing is written outside DIR.
 */
#ifndef LS_QSTORE_H
#define LS_QSTORE_H

#include "core/ls_core.h"

struct ls_qstore;

ls_err ls_qstore_open(const char *dir, struct ls_qstore **out, char *err, size_t errlen);
void ls_qstore_close(struct ls_qstore *q);
/* Copy the root file at path (expected SHA-256 sha256_hex) into the store
 * and append its index line, which (like err) names it as shown: the path
 * as the manifest writes it, values found in it masked. LS_E_CORRUPT if the
 * content changed, LS_E_IO on I/O failure (err says which). sha256_hex
 * NULL: no record hashes this file (a split archive's set root, whose
 * record hashes its parts joined): stored under the SHA-256 computed
 * while it is read, nothing compared. Storing the
 * same content twice only adds an index line. */
ls_err ls_qstore_put(struct ls_qstore *q, const char *path, const char *shown, const char *sha256_hex,
                     const char *root_id, const char *verdict, char *err, size_t errlen);
uint64_t ls_qstore_count(const struct ls_qstore *q);

#endif
