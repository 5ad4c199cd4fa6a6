/*
 * Identification and hashing: libmagic (one magic_t per worker, loaded once)
 * and OpenSSL EVP for SHA-256 and HMAC-SHA256. The only folder including
 * <magic.h> and the OpenSSL headers.
 */
#ifndef LS_IDENTIFY_H
#define LS_IDENTIFY_H

#include "core/ls_core.h"

struct ls_magic;

/* Load the compiled magic database. err gets a one-line reason on failure. */
ls_err ls_magic_open(struct ls_magic **out, char *err, size_t errlen);
void ls_magic_close(struct ls_magic *m);
/* MIME type (e.g. "application/pdf") and description of data, copied into
 * the caller's arrays (always NUL-terminated). Looks at a bounded prefix.
 * The description is computed when want_desc, or when the MIME type is
 * application/octet-stream; otherwise desc is set to "". The MIME type is
 * libmagic's, except for a PDF whose "%PDF-" header starts past byte 0 but
 * within the first 1024 bytes where libmagic only says text/plain or
 * application/octet-stream: application/pdf (see magic.c). data_sha256 is
 * the SHA-256 of the whole of data, or NULL (computed here, of the prefix
 * looked at): answers are kept by it for the duplicates that follow. */
void ls_magic_identify(struct ls_magic *m, struct ls_slice data, const uint8_t *data_sha256, char *mime,
                       size_t mime_cap, char *desc, size_t desc_cap, bool want_desc);

/* Lower-case extension of a (raw) file name, without the dot; "" if none or
 * implausible (longer than 15 bytes, non-alphanumeric). */
void ls_ext_of(const uint8_t *name, size_t len, char out[16]);
/* True when the extension claims a known type family and the content is a
 * different known family (e.g. "invoice.pdf" that is a Windows executable). */
bool ls_ext_mismatch(const char *ext, const char *mime);

void ls_sha256(struct ls_slice s, uint8_t out[32]);
/* HMAC-SHA256(key, a || b) */
void ls_hmac_sha256(struct ls_slice key, struct ls_slice a, struct ls_slice b, uint8_t out[32]);
/* Cryptographically random bytes; false on failure. */
bool ls_random(uint8_t *out, size_t n);

#endif
