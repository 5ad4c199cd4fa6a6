/* SHA-256 and HMAC-SHA256 through OpenSSL EVP (SHA-NI where the CPU has it). */
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <string.h>

#include "identify/identify.h"

/*
 * Per-call costs of OpenSSL 3 that have nothing to do with the bytes
 * hashed: EVP_DigestInit_ex() with EVP_sha256() (a legacy method) fetches
 * the provider's implementation again at every call (a lock and a look-up in
 * the method store: ~2,800 instructions), and a context is allocated and
 * freed per call. The worker hashes every object and HMACs every value the
 * rules match (5,800 values on the 10 MB bench corpus D), so the method is
 * fetched once and one context is kept (the worker is one thread; the CLI
 * and the tests too). For the HMAC, the states after the key's inner and
 * outer pad blocks are kept for the last key (the run's fingerprint key):
 * each MAC then copies two states and compresses the message and the
 * inner digest only, not the two pad blocks again.
 */
static const EVP_MD *sha256_md(void)
{
    static EVP_MD *md;
    static bool tried;
    if (!tried) {
        tried = true;
        md = EVP_MD_fetch(NULL, "SHA256", NULL);
    }
    return md ? md : EVP_sha256();
}

static EVP_MD_CTX *hash_ctx(void)
{
    static EVP_MD_CTX *ctx;
    if (!ctx) ctx = EVP_MD_CTX_new();
    return ctx;
}

void ls_sha256(struct ls_slice s, uint8_t out[32])
{
    unsigned int n = 32;
    EVP_MD_CTX *ctx = hash_ctx();
    if (!ctx || !EVP_DigestInit_ex(ctx, sha256_md(), NULL)) {
        memset(out, 0, 32);
        return;
    }
    /* Feed in 64 MiB steps so a mapped file is hashed without one huge call. */
    size_t off = 0;
    while (off < s.len) {
        size_t n2 = s.len - off > (64u << 20) ? (64u << 20) : s.len - off;
        EVP_DigestUpdate(ctx, s.ptr + off, n2);
        off += n2;
    }
    EVP_DigestFinal_ex(ctx, out, &n);
}

/* Keys up to this long are remembered with their pad states (the
 * fingerprint key is 32 bytes); a longer one is padded at every call. */
#define HMAC_KEY_KEEP 128u

struct hmac_key {
    bool ready;
    size_t len;
    uint8_t key[HMAC_KEY_KEEP];
    EVP_MD_CTX *inner, *outer; /* after the ipad and the opad block */
};

/* The pad states of key into h->inner and h->outer. */
static bool hmac_pads(struct hmac_key *h, struct ls_slice key)
{
    uint8_t k[64] = {0}, pad[64];
    if (key.len > 64) {
        ls_sha256(key, k);
    } else if (key.len) {
        memcpy(k, key.ptr, key.len);
    }
    if (!h->inner) h->inner = EVP_MD_CTX_new();
    if (!h->outer) h->outer = EVP_MD_CTX_new();
    if (!h->inner || !h->outer) return false;
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x36;
    if (!EVP_DigestInit_ex(h->inner, sha256_md(), NULL) || !EVP_DigestUpdate(h->inner, pad, 64))
        return false;
    for (int i = 0; i < 64; i++) pad[i] = k[i] ^ 0x5c;
    return EVP_DigestInit_ex(h->outer, sha256_md(), NULL) && EVP_DigestUpdate(h->outer, pad, 64);
}

/* HMAC (RFC 2104) over EVP SHA-256: the HMAC_CTX API is deprecated in
 * OpenSSL 3 and EVP_MAC needs a provider fetch per call. */
void ls_hmac_sha256(struct ls_slice key, struct ls_slice a, struct ls_slice b, uint8_t out[32])
{
    static struct hmac_key last;
    uint8_t inner[32];
    unsigned int n = 32;
    bool same = last.ready && key.len == last.len && (key.len == 0 || memcmp(key.ptr, last.key, key.len) == 0);
    if (!same) {
        last.ready = false;
        if (!hmac_pads(&last, key)) {
            memset(out, 0, 32);
            return;
        }
        if (key.len <= HMAC_KEY_KEEP) {
            if (key.len) memcpy(last.key, key.ptr, key.len);
            last.len = key.len;
            last.ready = true;
        }
    }
    EVP_MD_CTX *ctx = hash_ctx();
    if (!ctx || !EVP_MD_CTX_copy_ex(ctx, last.inner)) {
        memset(out, 0, 32);
        return;
    }
    if (a.len) EVP_DigestUpdate(ctx, a.ptr, a.len);
    if (b.len) EVP_DigestUpdate(ctx, b.ptr, b.len);
    EVP_DigestFinal_ex(ctx, inner, &n);
    if (!EVP_MD_CTX_copy_ex(ctx, last.outer)) {
        memset(out, 0, 32);
        return;
    }
    EVP_DigestUpdate(ctx, inner, 32);
    EVP_DigestFinal_ex(ctx, out, &n);
}

bool ls_random(uint8_t *out, size_t n)
{
    return RAND_bytes(out, (int)n) == 1;
}
