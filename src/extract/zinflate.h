/*
 * Inflating a whole zlib or raw-deflate stream into a buffer (zinflate.c),
 * for the handlers that find one inside a record: PowerPoint's compressed
 * OLE objects and oledata.mso streams, OpenPGP compressed packets, Git
 * objects.
 */
#ifndef LS_ZINFLATE_H
#define LS_ZINFLATE_H

#include "core/ls_core.h"

/* Inflate in into out, at most max bytes in out (out->len counts).
 * wbits as zlib's inflateInit2: 15 for a zlib stream, -15 for raw deflate.
 * Returns LS_OK at the stream's end; LS_E_LIMIT when the output reached
 * max first (out holds max bytes); LS_E_TRUNCATED when the input ended
 * inside the stream; LS_E_CORRUPT on damage; LS_E_NOMEM. Whatever was
 * inflated before a problem stays in out. Charging the budget is the
 * caller's: out->len after the call. */
ls_err zinflate_buf(struct ls_slice in, int wbits, struct ls_buf *out, size_t max);
/* Charged as output is produced: n bytes more, in_used input bytes read
 * so far, out_total bytes produced so far. An error stops the inflate and
 * is returned (LS_E_LIMIT: a bomb stops early, not after the whole stream
 * was inflated). */
typedef ls_err (*zinflate_charge_fn)(void *ud, size_t n, uint64_t in_used, uint64_t out_total);

/* The same for a stream followed by other data (a Git pack's next object):
 * *used (may be NULL) gets the input bytes the stream took (up to its end
 * when LS_OK); each piece of output is charged through charge (may be
 * NULL) before it is kept. */
ls_err zinflate_stream(struct ls_slice in, int wbits, struct ls_buf *out, size_t max, size_t *used,
                       zinflate_charge_fn charge, void *ud);

/* The charge of a handler's stream: n bytes to the root's budget, and a
 * stream past the bomb floor that expands over the bomb ratio
 * (docs/unpacking.md) is noted zip_bomb ("WHO: a zlib stream expands ...")
 * and cut: LS_E_LIMIT. */
struct ls_ctx;
struct ls_object;
ls_err zinflate_budget(struct ls_ctx *c, struct ls_object *o, const char *who, size_t n,
                       uint64_t in_used, uint64_t out_total);

#endif
