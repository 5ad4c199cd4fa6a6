/*
 * OOXML packages encrypted with Excel's default password ([MS-OFFCRYPTO]
 * 2.3.4.10-2.3.4.15, Agile Encryption; 2.3.4.5-2.3.4.9, Standard). An encrypted .docx/.xlsx/.pptx is a
 * compound file holding EncryptionInfo and EncryptedPackage. Excel tries
 * the built-in password "VelvetSweatshop" before it asks for one, so a
 * package encrypted with it opens without a prompt, and malware and leaked
 * files alike use that to keep scanners out: its content is as readable as
 * a plain package's, so leaksift reads it too. Any other password stays
 * `encrypted`.
 *
 * EncryptionInfo: version 4.4, reserved 0x40, then XML: <keyData> (the
 * package key's salt, key size, hash) and the password key encryptor's
 * <encryptedKey> (spin count, salt, the encrypted verifier input, verifier
 * hash and key). Key for block key B: H0 = H(salt || password UTF-16LE),
 * Hi = H(i as u32le || Hi-1) spinCount times, H(Hn || B) cut to keyBits
 * (padded with 0x36); the verifier input decrypted and hashed must equal
 * the verifier hash decrypted; the key value decrypted is the package key.
 * EncryptedPackage: the u64 size, then 4096-byte segments, each AES-CBC
 * with IV = H(keyData salt || segment index as u32le). Only AES in CBC
 * mode with SHA-1/SHA-2 (what Office writes), keys of 128 or 256 bits.
 *
 * Standard Encryption (2.3.4.5-2.3.4.9, Office 2007: EncryptionInfo version
 * 3.2 or 4.2 with fCryptoAPI and fAES): a binary EncryptionHeader (AES-128
 * or AES-256, SHA-1) and EncryptionVerifier; H0 = SHA-1(salt || password),
 * 50,000 rounds as above, Hfinal = SHA-1(Hn || 0 as u32le), the key the
 * first KeySize/8 bytes of SHA-1(0x36 x 64 ^ Hfinal) || SHA-1(0x5C x 64 ^
 * Hfinal); the verifier decrypted (AES-ECB) hashes to the verifier hash
 * decrypted; the package after its u64 size is one AES-ECB stream.
 *
 * Attacker-controlled: every byte of both streams. The spin count is
 * bounded (OLE2_AGILE_MAX_SPIN, twice the 100,000 Office writes: a hostile
 * count costs at most ~0.2 s), sizes are checked
 * against the stream, the XML goes through the safe libxml2 walker.
 */
#include "extract/ole2_agile.h"

#include <stdlib.h>
#include <string.h>

#include "extract/markup.h"
#include "extract/mime_decode.h"
#include "identify/ls_crypto.h"

#define OLE2_AGILE_MAX_SPIN 200000u
#define OLE2_AGILE_SEGMENT 4096u

static const char agile_default_pw[] = "VelvetSweatshop";

struct agile_enc {
    bool seen;
    enum ls_digest_alg hash;
    size_t hash_len, key_len, block;
    uint32_t spin;
    struct ls_buf salt, vhi, vhv, kv; /* kv, vhi, vhv: password encryptor only */
};

struct agile_info {
    struct agile_enc key; /* <keyData> */
    struct agile_enc pw;  /* <p:encryptedKey> */
    bool bad;             /* an attribute says something unsupported */
};

static bool attr_is(const struct ls_xml_attr *a, size_t n, const char *name, const char *want)
{
    struct ls_slice v;
    return ls_xml_attr_get(a, n, name, NULL, &v) && v.len == strlen(want) && memcmp(v.ptr, want, v.len) == 0;
}

static bool attr_uint(const struct ls_xml_attr *a, size_t n, const char *name, uint32_t max, uint32_t *out)
{
    struct ls_slice v;
    if (!ls_xml_attr_get(a, n, name, NULL, &v) || v.len == 0 || v.len > 10) return false;
    uint64_t x = 0;
    for (size_t i = 0; i < v.len; i++) {
        if (v.ptr[i] < '0' || v.ptr[i] > '9') return false;
        x = x * 10 + (uint64_t)(v.ptr[i] - '0');
    }
    if (x > max) return false;
    *out = (uint32_t)x;
    return true;
}

static bool attr_b64(const struct ls_xml_attr *a, size_t n, const char *name, struct ls_buf *out)
{
    struct ls_slice v;
    if (!ls_xml_attr_get(a, n, name, NULL, &v) || v.len == 0 || v.len > 1024) return false;
    ls_buf_reset(out);
    return mime_b64_decode(out, v) == LS_OK && out->len > 0;
}

/* The attributes both elements share; false if unsupported. */
static bool enc_params(const struct ls_xml_attr *a, size_t n, struct agile_enc *e)
{
    static const struct {
        const char *name;
        enum ls_digest_alg alg;
        size_t len;
    } hashes[] = {{"SHA1", LS_DIGEST_SHA1, 20}, {"SHA256", LS_DIGEST_SHA256, 32},
                  {"SHA384", LS_DIGEST_SHA384, 48}, {"SHA512", LS_DIGEST_SHA512, 64}};
    uint32_t bits, block, hash_size;
    if (!attr_is(a, n, "cipherAlgorithm", "AES") || !attr_is(a, n, "cipherChaining", "ChainingModeCBC"))
        return false;
    if (!attr_uint(a, n, "keyBits", 256, &bits) || (bits != 128 && bits != 256)) return false;
    if (!attr_uint(a, n, "blockSize", 16, &block) || block != 16) return false;
    if (!attr_uint(a, n, "hashSize", 64, &hash_size)) return false;
    bool known = false;
    for (size_t i = 0; i < sizeof hashes / sizeof hashes[0] && !known; i++) {
        if (!attr_is(a, n, "hashAlgorithm", hashes[i].name)) continue;
        if (hash_size != hashes[i].len) return false;
        e->hash = hashes[i].alg;
        e->hash_len = hashes[i].len;
        known = true;
    }
    if (!known || !attr_b64(a, n, "saltValue", &e->salt) || e->salt.len < 16) return false;
    e->key_len = bits / 8;
    e->block = block;
    return true;
}

static ls_err on_start(void *ud, const char *local, const char *ns, const struct ls_xml_attr *a, size_t n)
{
    struct agile_info *in = ud;
    if (strcmp(local, "keyData") == 0 && !in->key.seen) {
        in->key.seen = true;
        if (!enc_params(a, n, &in->key)) in->bad = true;
    } else if (strcmp(local, "encryptedKey") == 0 && strstr(ns, "keyEncryptor/password") && !in->pw.seen) {
        in->pw.seen = true;
        if (!enc_params(a, n, &in->pw) || !attr_uint(a, n, "spinCount", OLE2_AGILE_MAX_SPIN, &in->pw.spin) ||
            !attr_b64(a, n, "encryptedVerifierHashInput", &in->pw.vhi) ||
            !attr_b64(a, n, "encryptedVerifierHashValue", &in->pw.vhv) ||
            !attr_b64(a, n, "encryptedKeyValue", &in->pw.kv))
            in->bad = true;
    }
    return LS_OK;
}

/* Hn of the default password: H0 = H(salt || password UTF-16LE), then
 * Hi = H(i as u32le || Hi-1), spin times (both Agile and Standard). */
static void password_hash(enum ls_digest_alg alg, size_t hash_len, struct ls_slice salt, uint32_t spin,
                          uint8_t h[LS_DIGEST_MAX])
{
    uint8_t pw[2 * (sizeof agile_default_pw - 1)], it[4];
    for (size_t i = 0; i + 1 < sizeof agile_default_pw; i++) {
        pw[2 * i] = (uint8_t)agile_default_pw[i];
        pw[2 * i + 1] = 0;
    }
    struct ls_slice first[2] = {salt, {pw, sizeof pw}};
    (void)ls_digest(alg, first, 2, h);
    for (uint32_t i = 0; i < spin; i++) {
        it[0] = (uint8_t)i;
        it[1] = (uint8_t)(i >> 8);
        it[2] = (uint8_t)(i >> 16);
        it[3] = (uint8_t)(i >> 24);
        struct ls_slice parts[2] = {{it, 4}, {h, hash_len}};
        (void)ls_digest(alg, parts, 2, h);
    }
}

/* H(Hn || block key) cut (or padded with 0x36) to the key size. */
static void block_key(const struct agile_enc *e, const uint8_t *hn, const uint8_t bk[8], uint8_t *key)
{
    uint8_t h[LS_DIGEST_MAX];
    struct ls_slice parts[2] = {{hn, e->hash_len}, {bk, 8}};
    (void)ls_digest(e->hash, parts, 2, h);
    memset(key, 0x36, e->key_len);
    memcpy(key, h, e->key_len < e->hash_len ? e->key_len : e->hash_len);
}

/* AES-CBC decryption of in (whole blocks only) into out; false if in is no
 * multiple of 16 or longer than max. */
static bool decrypt(const uint8_t *key, size_t key_len, const uint8_t iv[16], const struct ls_buf *in, uint8_t *out,
                    size_t max)
{
    if (in->len == 0 || in->len % 16 || in->len > max) return false;
    return ls_aes_cbc(false, ls_slice_make(key, key_len), iv, ls_buf_slice(in), out) == LS_OK;
}

/* The package key for the default password, or false. */
static bool package_key(const struct agile_info *in, uint8_t key[32])
{
    const struct agile_enc *p = &in->pw;
    uint8_t h[LS_DIGEST_MAX];
    password_hash(p->hash, p->hash_len, ls_buf_slice(&p->salt), p->spin, h);
    static const uint8_t bk_vhi[8] = {0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79};
    static const uint8_t bk_vhv[8] = {0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e};
    static const uint8_t bk_kv[8] = {0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6};
    uint8_t k[32], input[1024], value[1024], hv[LS_DIGEST_MAX];
    const uint8_t *iv = p->salt.ptr; /* the encryptor's salt, 16 bytes (blockSize) */
    block_key(p, h, bk_vhi, k);
    if (!decrypt(k, p->key_len, iv, &p->vhi, input, sizeof input)) return false;
    block_key(p, h, bk_vhv, k);
    if (!decrypt(k, p->key_len, iv, &p->vhv, value, sizeof value)) return false;
    if (p->vhv.len < p->hash_len) return false;
    /* the verifier input is saltSize (16) bytes, padded to a block */
    struct ls_slice vin = {input, p->salt.len < p->vhi.len ? p->salt.len : p->vhi.len};
    (void)ls_digest(p->hash, &vin, 1, hv);
    if (memcmp(hv, value, p->hash_len) != 0) return false; /* another password */
    block_key(p, h, bk_kv, k);
    if (!decrypt(k, p->key_len, iv, &p->kv, value, sizeof value)) return false;
    if (p->kv.len < in->key.key_len) return false;
    memcpy(key, value, in->key.key_len);
    return true;
}

/* AES-ECB decryption of in (whole blocks) into out: one CBC pass with a
 * zero IV, then each block but the first XORed with the ciphertext block
 * before it (CBC's chaining undone). */
static ls_err aes_ecb_decrypt(struct ls_slice key, struct ls_slice in, uint8_t *out)
{
    static const uint8_t zero[16];
    LS_TRY(ls_aes_cbc(false, key, zero, in, out));
    for (size_t i = 16; i < in.len; i++) out[i] ^= in.ptr[i - 16];
    return LS_OK;
}

#define STD_SPIN 50000u
#define STD_FLAGS_AES 0x24u /* fCryptoAPI | fAES */

/* The package key of Standard Encryption for the default password; false
 * if the header is not AES/SHA-1 or the password is another. */
static bool standard_key(struct ls_slice info, uint8_t key[32], size_t *key_len)
{
    uint32_t flags, hsize, alg, alg_hash, bits, salt_size, vh_size;
    if (!ls_rd_u32le(info, 4, &flags) || (flags & STD_FLAGS_AES) != STD_FLAGS_AES) return false;
    if (!ls_rd_u32le(info, 8, &hsize) || hsize < 32 || hsize > info.len - 12) return false;
    /* EncryptionHeader at 12: Flags, SizeExtra, AlgID, AlgIDHash, KeySize, ... */
    if (!ls_rd_u32le(info, 12 + 8, &alg) || !ls_rd_u32le(info, 12 + 12, &alg_hash) ||
        !ls_rd_u32le(info, 12 + 16, &bits))
        return false;
    if ((alg != 0x660E && alg != 0x6610) || (alg_hash != 0x8004 && alg_hash != 0) ||
        bits != (alg == 0x660E ? 128u : 256u))
        return false;
    size_t v = 12 + (size_t)hsize; /* EncryptionVerifier */
    if (!ls_rd_u32le(info, v, &salt_size) || salt_size != 16 || !ls_rd_u32le(info, v + 36, &vh_size) ||
        vh_size != 20 || v + 40 + 32 > info.len)
        return false;
    const uint8_t *salt = info.ptr + v + 4, *ev = info.ptr + v + 20, *evh = info.ptr + v + 40;
    uint8_t h[LS_DIGEST_MAX];
    password_hash(LS_DIGEST_SHA1, 20, ls_slice_make(salt, 16), STD_SPIN, h);
    static const uint8_t block0[4] = {0, 0, 0, 0};
    uint8_t hf[LS_DIGEST_MAX], b1[64], b2[64], x[2 * LS_DIGEST_MAX];
    struct ls_slice fin[2] = {{h, 20}, {block0, 4}};
    (void)ls_digest(LS_DIGEST_SHA1, fin, 2, hf);
    memset(b1, 0x36, sizeof b1);
    memset(b2, 0x5C, sizeof b2);
    for (size_t i = 0; i < 20; i++) {
        b1[i] ^= hf[i];
        b2[i] ^= hf[i];
    }
    struct ls_slice s1 = {b1, 64}, s2 = {b2, 64};
    (void)ls_digest(LS_DIGEST_SHA1, &s1, 1, x);
    (void)ls_digest(LS_DIGEST_SHA1, &s2, 1, x + 20);
    *key_len = bits / 8;
    memcpy(key, x, *key_len);
    uint8_t ver[16], vhash[32], hv[LS_DIGEST_MAX];
    struct ls_slice k = {key, *key_len};
    if (aes_ecb_decrypt(k, ls_slice_make(ev, 16), ver) != LS_OK ||
        aes_ecb_decrypt(k, ls_slice_make(evh, 32), vhash) != LS_OK)
        return false;
    struct ls_slice vs = {ver, 16};
    (void)ls_digest(LS_DIGEST_SHA1, &vs, 1, hv);
    return memcmp(hv, vhash, 20) == 0;
}

/* The package after its u64 size, decrypted with key (Standard: ECB over
 * all of it; Agile: 4096-byte CBC segments) into out. */
static ls_err package_decrypt(struct ls_ctx *c, struct ls_slice pkg, const uint8_t *key, size_t key_len,
                              const struct agile_enc *agile, struct ls_buf *out, bool *truncated)
{
    uint64_t size;
    if (!ls_rd_u64le(pkg, 0, &size)) return LS_E_CORRUPT;
    struct ls_slice data;
    (void)ls_slice_from(pkg, 8, &data);
    size_t have = data.len - data.len % 16;
    if (size > have) { /* the stream ends before the size it declares */
        *truncated = true;
        size = have;
    }
    size_t need = (size_t)size + 15 - ((size_t)size + 15) % 16; /* whole blocks */
    ls_buf_reset(out);
    LS_TRY(ls_buf_reserve(out, need));
    if (!agile) {
        LS_TRY(aes_ecb_decrypt(ls_slice_make(key, key_len), ls_slice_make(data.ptr, need), out->ptr));
        out->len = (size_t)size;
        return LS_OK;
    }
    for (size_t at = 0, seg = 0; at < need; at += OLE2_AGILE_SEGMENT, seg++) {
        size_t n = need - at < OLE2_AGILE_SEGMENT ? need - at : OLE2_AGILE_SEGMENT;
        uint8_t idx[4] = {(uint8_t)seg, (uint8_t)(seg >> 8), (uint8_t)(seg >> 16), (uint8_t)(seg >> 24)};
        uint8_t iv[LS_DIGEST_MAX];
        struct ls_slice parts[2] = {ls_buf_slice(&agile->salt), {idx, 4}};
        (void)ls_digest(agile->hash, parts, 2, iv);
        LS_TRY(ls_aes_cbc(false, ls_slice_make(key, key_len), iv, ls_slice_make(data.ptr + at, n), out->ptr + at));
        if ((seg & 0xff) == 0xff && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    out->len = (size_t)size;
    return LS_OK;
}

ls_err ole2_agile_decrypt(struct ls_ctx *c, struct ls_object *o, struct ls_slice info, struct ls_slice pkg,
                          struct ls_buf *out, bool *truncated)
{
    *truncated = false;
    uint16_t vmaj, vmin;
    if (!ls_rd_u16le(info, 0, &vmaj) || !ls_rd_u16le(info, 2, &vmin)) return LS_E_CORRUPT;
    if ((vmaj == 3 || vmaj == 4) && vmin == 2) { /* Standard Encryption */
        uint8_t key[32];
        size_t key_len;
        if (!standard_key(info, key, &key_len)) return LS_E_ENCRYPTED;
        return package_decrypt(c, pkg, key, key_len, NULL, out, truncated);
    }
    if (vmaj != 4 || vmin != 4) return LS_E_UNSUPPORTED; /* extensible encryption: not read */
    struct ls_slice xml;
    if (!ls_slice_from(info, 8, &xml)) return LS_E_CORRUPT;
    struct agile_info in;
    memset(&in, 0, sizeof in);
    struct agile_enc *es[2] = {&in.key, &in.pw};
    for (size_t i = 0; i < 2; i++) {
        ls_buf_init(&es[i]->salt, 1024);
        ls_buf_init(&es[i]->vhi, 1024);
        ls_buf_init(&es[i]->vhv, 1024);
        ls_buf_init(&es[i]->kv, 1024);
    }
    struct ls_xml_sax sax = {on_start, NULL, NULL};
    ls_err e = ls_markup_xml_walk(c, o, xml, &sax, &in);
    uint8_t key[32];
    if (e == LS_E_NOMEM || e == LS_E_TIMEOUT) goto out;
    e = LS_E_ENCRYPTED;
    if (in.bad || !in.key.seen || !in.pw.seen || !package_key(&in, key)) goto out;

    e = package_decrypt(c, pkg, key, in.key.key_len, &in.key, out, truncated);
out:
    for (size_t i = 0; i < 2; i++) {
        ls_buf_free(&es[i]->salt);
        ls_buf_free(&es[i]->vhi);
        ls_buf_free(&es[i]->vhv);
        ls_buf_free(&es[i]->kv);
    }
    return e;
}
