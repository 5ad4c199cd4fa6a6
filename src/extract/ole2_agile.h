/*
 * OOXML packages encrypted with Excel's default password (ole2_agile.c).
 */
#ifndef LS_OLE2_AGILE_H
#define LS_OLE2_AGILE_H

#include "core/handler.h"

/* Decrypt the EncryptedPackage stream pkg with the EncryptionInfo stream
 * info (Agile Encryption) and the password "VelvetSweatshop" into out (its
 * max bounds the package). LS_OK: out holds the package (*truncated: the
 * stream ended before its declared size); LS_E_ENCRYPTED: another password
 * or parameters not supported; LS_E_UNSUPPORTED: not Agile Encryption;
 * LS_E_CORRUPT, LS_E_NOMEM, LS_E_LIMIT, LS_E_TIMEOUT. */
ls_err ole2_agile_decrypt(struct ls_ctx *c, struct ls_object *o, struct ls_slice info, struct ls_slice pkg,
                          struct ls_buf *out, bool *truncated);

#endif
