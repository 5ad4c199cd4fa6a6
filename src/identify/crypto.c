/*
 * MD5, SHA-1, SHA-256/384/512 and AES-CBC over OpenSSL EVP (ls_crypto.h). The
 * algorithms are fetched from OpenSSL's default provider once per process
 * (pthread_once) and kept: an implicit fetch (EVP_md5() at each init) costs
 * more than an MD5 of the PDF per-object key itself. ls_crypto_warm_up()
 * makes the fetch, and OpenSSL's own initialisation, happen before the
 * worker sandbox. A failed fetch falls back to the implicit one.
 */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <string.h>

#include "identify/ls_crypto.h"

static EVP_MD *fetched_md[5];        /* by enum ls_digest_alg */
static EVP_CIPHER *fetched_aes[2];   /* AES-128-CBC, AES-256-CBC */
static pthread_once_t fetch_once = PTHREAD_ONCE_INIT;

static void fetch_all(void)
{
    static const char *const md_names[5] = {"MD5", "SHA256", "SHA384", "SHA512", "SHA1"};
    (void)OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, NULL);
    for (size_t i = 0; i < 5; i++) fetched_md[i] = EVP_MD_fetch(NULL, md_names[i], NULL);
    fetched_aes[0] = EVP_CIPHER_fetch(NULL, "AES-128-CBC", NULL);
    fetched_aes[1] = EVP_CIPHER_fetch(NULL, "AES-256-CBC", NULL);
}

/* EVP takes int lengths: feed long inputs in steps (a multiple of 16). */
#define CRYPTO_STEP ((size_t)64 << 20)

static const EVP_MD *digest_md(enum ls_digest_alg alg)
{
    (void)pthread_once(&fetch_once, fetch_all);
    if ((unsigned)alg < 5 && fetched_md[alg]) return fetched_md[alg];
    switch (alg) {
    case LS_DIGEST_MD5: return EVP_md5();
    case LS_DIGEST_SHA256: return EVP_sha256();
    case LS_DIGEST_SHA384: return EVP_sha384();
    case LS_DIGEST_SHA512: return EVP_sha512();
    case LS_DIGEST_SHA1: return EVP_sha1();
    }
    return NULL;
}

static bool digest_update(EVP_MD_CTX *ctx, struct ls_slice s)
{
    for (size_t off = 0; off < s.len; off += CRYPTO_STEP) {
        struct ls_slice part;
        size_t n = s.len - off < CRYPTO_STEP ? s.len - off : CRYPTO_STEP;
        if (!ls_slice_sub(s, off, n, &part) || EVP_DigestUpdate(ctx, part.ptr, part.len) != 1)
            return false;
    }
    return true;
}

size_t ls_digest(enum ls_digest_alg alg, const struct ls_slice *parts, size_t n,
                 uint8_t out[LS_DIGEST_MAX])
{
    const EVP_MD *md = digest_md(alg);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned int len = 0;
    bool ok = md && ctx && EVP_DigestInit_ex(ctx, md, NULL) == 1;
    for (size_t i = 0; ok && i < n; i++) ok = digest_update(ctx, parts[i]);
    ok = ok && EVP_DigestFinal_ex(ctx, out, &len) == 1 && len <= LS_DIGEST_MAX;
    EVP_MD_CTX_free(ctx);
    if (!ok) {
        memset(out, 0, LS_DIGEST_MAX);
        return 0;
    }
    return len;
}

static ls_err cbc_run(EVP_CIPHER_CTX *ctx, struct ls_slice in, uint8_t *out)
{
    int got = 0;
    for (size_t off = 0; off < in.len; off += CRYPTO_STEP) {
        struct ls_slice part;
        size_t n = in.len - off < CRYPTO_STEP ? in.len - off : CRYPTO_STEP;
        if (!ls_slice_sub(in, off, n, &part)) return LS_E_INTERNAL;
        if (EVP_CipherUpdate(ctx, &out[off], &got, part.ptr, (int)part.len) != 1 ||
            (size_t)got != part.len)
            return LS_E_DEPENDENCY;
    }
    /* no padding and whole blocks: nothing is held back */
    uint8_t tail[32];
    if (EVP_CipherFinal_ex(ctx, tail, &got) != 1 || got != 0) return LS_E_DEPENDENCY;
    return LS_OK;
}

ls_err ls_aes_cbc(bool encrypt, struct ls_slice key, const uint8_t iv[16], struct ls_slice in,
                  uint8_t *out)
{
    (void)pthread_once(&fetch_once, fetch_all);
    const EVP_CIPHER *cipher = NULL;
    if (key.len == 16) cipher = fetched_aes[0] ? fetched_aes[0] : EVP_aes_128_cbc();
    if (key.len == 32) cipher = fetched_aes[1] ? fetched_aes[1] : EVP_aes_256_cbc();
    LS_FAIL_IF(!cipher || in.len % 16 != 0, LS_E_ARG);
    if (in.len == 0) return LS_OK;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (!ctx) return LS_E_NOMEM;
    ls_err e = LS_E_DEPENDENCY;
    if (EVP_CipherInit_ex(ctx, cipher, NULL, key.ptr, iv, encrypt ? 1 : 0) == 1 &&
        EVP_CIPHER_CTX_set_padding(ctx, 0) == 1)
        e = cbc_run(ctx, in, out);
    EVP_CIPHER_CTX_free(ctx);
    return e;
}

void ls_crypto_warm_up(void)
{
    static const enum ls_digest_alg algs[] = {LS_DIGEST_MD5, LS_DIGEST_SHA256, LS_DIGEST_SHA384,
                                              LS_DIGEST_SHA512, LS_DIGEST_SHA1};
    static const uint8_t zero[32];
    uint8_t out[LS_DIGEST_MAX];
    for (size_t i = 0; i < sizeof algs / sizeof algs[0]; i++) (void)ls_digest(algs[i], NULL, 0, out);
    for (size_t k = 16; k <= 32; k += 16)
        for (int enc = 0; enc < 2; enc++) {
            /* a failure here shows again, and is reported, at the real use */
            ls_err e = ls_aes_cbc(enc, ls_slice_make(zero, k), zero, ls_slice_make(zero, 16), out);
            (void)e;
        }
}
