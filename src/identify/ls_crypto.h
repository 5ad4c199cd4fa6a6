/*
 * Digests and AES-CBC as plain C functions over OpenSSL EVP, for readers of
 * encrypted formats (the PDF standard security handler, src/extract/
 * pdf_crypt.c). Used to read, never to protect anything. The OpenSSL
 * headers stay in src/identify/ (src/identify/crypto.c); callers see only
 * slices and byte arrays. RC4 is not here: OpenSSL 3 has it only in the
 * legacy provider, which the worker sandbox cannot load (pdf_crypt.c keeps
 * its own).
 */
#ifndef LS_CRYPTO_H
#define LS_CRYPTO_H

#include "core/ls_core.h"

/* Run every algorithm below once, so OpenSSL's one-time work (configuration
 * file, provider activation, method fetch) happens now. Workers call it
 * before entering the sandbox, where opening files is denied. Idempotent,
 * cheap after the first call. */
void ls_crypto_warm_up(void);

/* SHA-1 last: the values index a table in crypto.c. SHA-1 is for Office's
 * CryptoAPI RC4 key derivation (ole2_crypt.c). */
enum ls_digest_alg { LS_DIGEST_MD5, LS_DIGEST_SHA256, LS_DIGEST_SHA384, LS_DIGEST_SHA512, LS_DIGEST_SHA1 };
#define LS_DIGEST_MAX 64

/* Digest of the concatenation parts[0] || ... || parts[n-1] into out
 * (16, 20, 32, 48 or 64 bytes). Returns the digest length, or 0 when OpenSSL
 * fails (out is then zeroed). */
size_t ls_digest(enum ls_digest_alg alg, const struct ls_slice *parts, size_t n,
                 uint8_t out[LS_DIGEST_MAX]);

/* AES-CBC without padding: in.len must be a multiple of 16 (0 is fine),
 * key.len 16 (AES-128) or 32 (AES-256). Writes in.len bytes to out (which
 * must not overlap in). One OpenSSL context per call, whatever the length.
 * LS_OK; LS_E_ARG for a bad key or length; LS_E_NOMEM; LS_E_DEPENDENCY
 * when OpenSSL fails. */
LS_WUR ls_err ls_aes_cbc(bool encrypt, struct ls_slice key, const uint8_t iv[16], struct ls_slice in,
                         uint8_t *out);

#endif
