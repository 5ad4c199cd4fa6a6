/*
 * Files carried as base64 inside text (b64blob.c).
 */
#ifndef LS_B64BLOB_H
#define LS_B64BLOB_H

#include "core/handler.h"

/* Long base64 runs in text (JSON exports with attachments, Gmail API "raw"
 * messages, SOAP and XML payloads, data: URIs): each run whose decoded bytes
 * are a document, an archive, a mail message or text is handed over as a
 * child named "base64@OFFSET" (OFFSET: where the run starts in text). Runs
 * that decode to anything else (images, certificates, random bytes) are
 * left alone. */
ls_err ls_b64_blobs(struct ls_ctx *c, struct ls_object *o, struct ls_slice text);

/* True if d starts like a file the pipeline reads: zip (and the office and
 * ODF packages), PDF, OLE2, gzip, 7z, RAR, RTF, TNEF, bzip2, xz. Also used
 * for the BLOBs of a database (sqlite.c). */
bool ls_b64_known_format(struct ls_slice d);

#endif
