/* SHA-256 and HMAC-SHA256 through OpenSSL EVP (SHA-NI where the CPU has it). */
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <string.h>

#include "identify/identify.h"

void ls_sha256(struct ls_slice s, uint8_t out[32])
{
    unsigned int n = 32;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx) {
        memset(out, 0, 32);
        return;
    }
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    /* Feed in 64 MiB steps so a mapped file is hashed without one huge call. */
    size_t off = 0;
    while (off < s.len) {
        size_t n2 = s.len - off > (64u << 20) ? (64u << 20) : s.len - off;
        EVP_DigestUpdate(ctx, s.ptr + off, n2);
        off += n2;
    }
    EVP_DigestFinal_ex(ctx, out, &n);
    EVP_MD_CTX_free(ctx);
}

/* HMAC (RFC 2104) over EVP SHA-256: the HMAC_CTX API is deprecated in
 * OpenSSL 3 and EVP_MAC needs a provider fetch per call. */
void ls_hmac_sha256(struct ls_slice key, struct ls_slice a, struct ls_slice b, uint8_t out[32])
{
    uint8_t k[64] = {0}, pad[64], inner[32];
    unsigned int n = 32;
    if (key.len > 64) {
        ls_sha256(key, k);
    } else if (key.len) {
        memcpy(k, key.ptr, key.len);
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx) {
        memset(out, 0, 32);
        return;
    }
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x36;
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    EVP_DigestUpdate(ctx, pad, 64);
    if (a.len) EVP_DigestUpdate(ctx, a.ptr, a.len);
    if (b.len) EVP_DigestUpdate(ctx, b.ptr, b.len);
    EVP_DigestFinal_ex(ctx, inner, &n);
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x5c;
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    EVP_DigestUpdate(ctx, pad, 64);
    EVP_DigestUpdate(ctx, inner, 32);
    EVP_DigestFinal_ex(ctx, out, &n);
    EVP_MD_CTX_free(ctx);
}

bool ls_random(uint8_t *out, size_t n)
{
    return RAND_bytes(out, (int)n) == 1;
}
