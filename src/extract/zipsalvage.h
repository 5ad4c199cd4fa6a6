/*
 * Salvage the members of a damaged zip-based document (OOXML, ODF) whose
 * central directory cannot be read — typically a file cut short — by walking
 * its local file headers front to back (PKWARE APPNOTE 4.3.7). Only for when
 * ls_zip_open() fails: sizes in local headers are often zero (data
 * descriptors), so deflate streams are inflated until they end or the input
 * does. Every byte inflated is charged to the root's budget.
 */
#ifndef LS_ZIPSALVAGE_H
#define LS_ZIPSALVAGE_H

#include "core/handler.h"

/* Called per member with its name (NUL-terminated, cut to 1023 bytes), its
 * bytes (borrowed until the call returns) and LS_OK, LS_E_TRUNCATED (the
 * input ended inside it), LS_E_LIMIT (cut at max_member or by the budget),
 * LS_E_ENCRYPTED or LS_E_UNSUPPORTED (no data), LS_E_CORRUPT (bad deflate
 * data; what inflated is given). A non-OK return stops the walk. */
typedef ls_err (*ls_salvage_fn)(void *ud, const char *name, struct ls_slice data, ls_err status);

/* Walk o's bytes. Returns LS_OK, the callback's error, LS_E_TIMEOUT,
 * LS_E_NOMEM, or LS_E_CORRUPT if not even one local header was found. */
ls_err ls_zip_salvage(struct ls_ctx *c, struct ls_object *o, size_t max_member, ls_salvage_fn fn,
                      void *ud);

/* The decodable prefix of a gzip stream (RFC 1952) that libarchive cannot
 * open because it was cut short (its filters drop the block they were
 * decoding, up to 64 KiB: a short stream cut anywhere gives nothing).
 * Members one after another into out, at most max bytes, every byte charged
 * to the root's budget; *bomb set (and LS_E_LIMIT) when the output passes
 * the bomb floor at over the bomb ratio. Returns LS_E_TRUNCATED when the
 * input ended inside a member (the usual case), LS_OK if it did not,
 * LS_E_CORRUPT on bad deflate data (what inflated is kept), LS_E_LIMIT,
 * LS_E_TIMEOUT, LS_E_NOMEM. */
ls_err ls_gzip_salvage(struct ls_ctx *c, struct ls_object *o, size_t max, struct ls_buf *out,
                       bool *bomb);

#endif
