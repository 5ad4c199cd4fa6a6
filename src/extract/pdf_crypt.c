/*
 * PDF standard security handler (ISO 32000-1 7.6.3), for the one case a
 * triage tool can open without a password: an empty user password.
 * Supported: V 1/2 (RC4, 40..128 bit, R 2/3), V 4 R 4 with crypt filters
 * /V2 (RC4) and /AESV2 (AES-128-CBC), /Identity and EncryptMetadata false.
 * Not supported (reported `encrypted`): a non-empty user password, V 5
 * (AES-256, R 5/6), public-key and other security handlers.
 *
 * MD5 (RFC 1321), RC4 and AES-128 decryption (FIPS-197) are implemented
 * here because only src/scan and src/identify may use OpenSSL; they are
 * used to read, never to protect anything.
 *
 * Attacker-controlled: /O, /U, /P, /V, /R, /Length, /CF, the file ID and
 * every encrypted string and stream.
 */
#include "extract/pdf_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- MD5 ---- */

static uint32_t rotl32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static void md5_block(uint32_t s[4], const uint8_t p[64])
{
    static const uint32_t K[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391};
    static const uint8_t R[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                  5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
               (uint32_t)p[4 * i + 3] << 24;
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3];
    for (unsigned i = 0; i < 64; i++) {
        uint32_t f;
        unsigned g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl32(a + f + K[i] + m[g], R[i]);
        a = t;
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
}

void pdf_md5_init(struct pdf_md5 *m)
{
    m->s[0] = 0x67452301;
    m->s[1] = 0xefcdab89;
    m->s[2] = 0x98badcfe;
    m->s[3] = 0x10325476;
    m->n = 0;
}

void pdf_md5_update(struct pdf_md5 *m, struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        m->buf[m->n % 64] = s.ptr[i];
        m->n++;
        if (m->n % 64 == 0) md5_block(m->s, m->buf);
    }
}

void pdf_md5_final(struct pdf_md5 *m, uint8_t out[16])
{
    uint64_t bits = m->n * 8;
    uint8_t pad = 0x80;
    pdf_md5_update(m, ls_slice_make(&pad, 1));
    pad = 0;
    while (m->n % 64 != 56) pdf_md5_update(m, ls_slice_make(&pad, 1));
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(bits >> (8 * i));
    pdf_md5_update(m, ls_slice_make(len, 8));
    for (int i = 0; i < 4; i++)
        for (int k = 0; k < 4; k++) out[4 * i + k] = (uint8_t)(m->s[i] >> (8 * k));
}

/* ---- RC4 ---- */

void pdf_rc4(struct ls_slice key, uint8_t *buf, size_t n)
{
    uint8_t S[256];
    if (key.len == 0) return;
    for (int i = 0; i < 256; i++) S[i] = (uint8_t)i;
    for (unsigned i = 0, j = 0; i < 256; i++) {
        j = (j + S[i] + key.ptr[i % key.len]) & 0xff;
        uint8_t t = S[i];
        S[i] = S[j];
        S[j] = t;
    }
    unsigned i = 0, j = 0;
    for (size_t k = 0; k < n; k++) {
        i = (i + 1) & 0xff;
        j = (j + S[i]) & 0xff;
        uint8_t t = S[i];
        S[i] = S[j];
        S[j] = t;
        buf[k] ^= S[(S[i] + S[j]) & 0xff];
    }
}

/* ---- AES (FIPS-197), 128- and 256-bit keys ---- */

struct aes_key {
    uint8_t rk[240];
    uint8_t sbox[256], inv[256];
    unsigned rounds;
};

static uint8_t rotl8(uint8_t x, unsigned n) { return (uint8_t)((x << n) | (x >> (8 - n))); }

static void aes_sbox(uint8_t sbox[256])
{
    /* generate the S-box: walk GF(2^8)* with generator 3 and its inverse */
    uint8_t p = 1, q = 1;
    do {
        p = (uint8_t)(p ^ (p << 1) ^ ((p & 0x80) ? 0x1b : 0));
        q = (uint8_t)(q ^ (q << 1));
        q = (uint8_t)(q ^ (q << 2));
        q = (uint8_t)(q ^ (q << 4));
        if (q & 0x80) q ^= 0x09;
        uint8_t x = (uint8_t)(q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4));
        sbox[p] = (uint8_t)(x ^ 0x63);
    } while (p != 1);
    sbox[0] = 0x63;
}

static uint8_t xtime(uint8_t x) { return (uint8_t)((x << 1) ^ ((x & 0x80) ? 0x1b : 0)); }

static uint8_t gmul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    while (b) {
        if (b & 1) r ^= a;
        a = xtime(a);
        b >>= 1;
    }
    return r;
}

/* keylen 16 or 32 */
static void aes_setup(struct aes_key *k, const uint8_t *key, size_t keylen)
{
    aes_sbox(k->sbox);
    for (int i = 0; i < 256; i++) k->inv[k->sbox[i]] = (uint8_t)i;
    size_t nk = keylen / 4, total = 16 * (nk + 7);
    k->rounds = (unsigned)nk + 6;
    memcpy(k->rk, key, keylen);
    uint8_t rcon = 1;
    for (size_t i = keylen; i < total; i += 4) {
        uint8_t t[4] = {k->rk[i - 4], k->rk[i - 3], k->rk[i - 2], k->rk[i - 1]};
        if (i % keylen == 0) {
            uint8_t u = t[0];
            t[0] = (uint8_t)(k->sbox[t[1]] ^ rcon);
            t[1] = k->sbox[t[2]];
            t[2] = k->sbox[t[3]];
            t[3] = k->sbox[u];
            rcon = xtime(rcon);
        } else if (nk > 6 && i % keylen == 16) {
            for (int j = 0; j < 4; j++) t[j] = k->sbox[t[j]];
        }
        for (int j = 0; j < 4; j++) k->rk[i + j] = (uint8_t)(k->rk[i - keylen + j] ^ t[j]);
    }
}

static void aes_dec_block(const struct aes_key *k, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++) s[i] = in[i] ^ k->rk[16 * k->rounds + i];
    for (int round = (int)k->rounds - 1; round >= 0; round--) {
        /* InvShiftRows + InvSubBytes */
        for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++) t[r + 4 * ((c + r) % 4)] = k->inv[s[r + 4 * c]];
        for (int i = 0; i < 16; i++) s[i] = t[i] ^ k->rk[16 * round + i];
        if (round == 0) break;
        for (int c = 0; c < 4; c++) { /* InvMixColumns */
            uint8_t a0 = s[4 * c], a1 = s[4 * c + 1], a2 = s[4 * c + 2], a3 = s[4 * c + 3];
            s[4 * c] = gmul(a0, 14) ^ gmul(a1, 11) ^ gmul(a2, 13) ^ gmul(a3, 9);
            s[4 * c + 1] = gmul(a0, 9) ^ gmul(a1, 14) ^ gmul(a2, 11) ^ gmul(a3, 13);
            s[4 * c + 2] = gmul(a0, 13) ^ gmul(a1, 9) ^ gmul(a2, 14) ^ gmul(a3, 11);
            s[4 * c + 3] = gmul(a0, 11) ^ gmul(a1, 13) ^ gmul(a2, 9) ^ gmul(a3, 14);
        }
    }
    memcpy(out, s, 16);
}

static void aes_enc_block(const struct aes_key *k, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++) s[i] = in[i] ^ k->rk[i];
    for (unsigned round = 1; round <= k->rounds; round++) {
        /* SubBytes + ShiftRows */
        for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++) t[r + 4 * c] = k->sbox[s[r + 4 * ((c + r) % 4)]];
        if (round != k->rounds)
            for (int c = 0; c < 4; c++) { /* MixColumns */
                uint8_t a0 = t[4 * c], a1 = t[4 * c + 1], a2 = t[4 * c + 2], a3 = t[4 * c + 3];
                t[4 * c] = gmul(a0, 2) ^ gmul(a1, 3) ^ a2 ^ a3;
                t[4 * c + 1] = a0 ^ gmul(a1, 2) ^ gmul(a2, 3) ^ a3;
                t[4 * c + 2] = a0 ^ a1 ^ gmul(a2, 2) ^ gmul(a3, 3);
                t[4 * c + 3] = gmul(a0, 3) ^ a1 ^ a2 ^ gmul(a3, 2);
            }
        for (int i = 0; i < 16; i++) s[i] = t[i] ^ k->rk[16 * round + i];
    }
    memcpy(out, s, 16);
}

void pdf_aes128_decrypt_block(const uint8_t key[16], const uint8_t in[16], uint8_t out[16])
{
    struct aes_key k;
    aes_setup(&k, key, 16);
    aes_dec_block(&k, in, out);
}

void pdf_aes_encrypt_block(const uint8_t *key, size_t keylen, const uint8_t in[16], uint8_t out[16])
{
    struct aes_key k;
    aes_setup(&k, key, keylen);
    aes_enc_block(&k, in, out);
}

void pdf_aes256_decrypt_block(const uint8_t key[32], const uint8_t in[16], uint8_t out[16])
{
    struct aes_key k;
    aes_setup(&k, key, 32);
    aes_dec_block(&k, in, out);
}

static ls_err aes_cbc_decrypt(const uint8_t *key, size_t keylen, struct ls_slice in, struct ls_buf *out)
{
    if (in.len < 32) return LS_E_CORRUPT; /* IV plus at least one block */
    struct aes_key k;
    aes_setup(&k, key, keylen);
    uint8_t iv[16], blk[16], pt[16];
    memcpy(iv, in.ptr, 16);
    size_t nblocks = (in.len - 16) / 16;
    for (size_t b = 0; b < nblocks; b++) {
        memcpy(blk, &in.ptr[16 + 16 * b], 16);
        aes_dec_block(&k, blk, pt);
        for (int i = 0; i < 16; i++) pt[i] ^= iv[i];
        memcpy(iv, blk, 16);
        size_t n = 16;
        if (b + 1 == nblocks && pt[15] >= 1 && pt[15] <= 16) {
            bool pad_ok = true;
            for (unsigned i = 16 - pt[15]; i < 16; i++) pad_ok = pad_ok && pt[i] == pt[15];
            if (pad_ok) n = 16u - pt[15];
        }
        LS_TRY(ls_buf_add(out, pt, n));
    }
    return (in.len - 16) % 16 ? LS_E_CORRUPT : LS_OK;
}

ls_err pdf_aes128_cbc_decrypt(const uint8_t key[16], struct ls_slice in, struct ls_buf *out)
{
    return aes_cbc_decrypt(key, 16, in, out);
}

/* ---- SHA-256, SHA-384, SHA-512 (FIPS 180-4), for R5/R6 ---- */

static uint32_t ror32(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }
static uint64_t ror64(uint64_t x, unsigned n) { return (x >> n) | (x << (64 - n)); }

static void sha256(struct ls_slice msg, uint8_t out[32])
{
    static const uint32_t K[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t total = ((msg.len + 8) / 64 + 1) * 64;
    for (size_t off = 0; off < total; off += 64) {
        uint8_t blk[64];
        for (size_t i = 0; i < 64; i++) {
            size_t p = off + i;
            if (p < msg.len) blk[i] = msg.ptr[p];
            else if (p == msg.len) blk[i] = 0x80;
            else if (p >= total - 8) blk[i] = (uint8_t)(((uint64_t)msg.len * 8) >> (8 * (total - 1 - p)));
            else blk[i] = 0;
        }
        uint32_t w[64];
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)blk[4 * i] << 24 | (uint32_t)blk[4 * i + 1] << 16 |
                   (uint32_t)blk[4 * i + 2] << 8 | blk[4 * i + 3];
        for (int i = 16; i < 64; i++) {
            uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; i++) {
            uint32_t t1 = hh + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            uint32_t t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    for (int i = 0; i < 8; i++)
        for (int k = 0; k < 4; k++) out[4 * i + k] = (uint8_t)(h[i] >> (24 - 8 * k));
}

/* SHA-512 (outlen 64) or SHA-384 (outlen 48). */
static void sha512(struct ls_slice msg, uint8_t *out, size_t outlen)
{
    static const uint64_t K[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
        0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
        0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
        0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
        0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
        0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
        0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
        0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
        0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
        0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
        0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
        0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
        0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
        0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
        0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
        0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
        0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};
    static const uint64_t iv512[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                      0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                      0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    static const uint64_t iv384[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                                      0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                      0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
    uint64_t h[8];
    memcpy(h, outlen == 48 ? iv384 : iv512, sizeof h);
    size_t total = ((msg.len + 16) / 128 + 1) * 128;
    for (size_t off = 0; off < total; off += 128) {
        uint8_t blk[128];
        for (size_t i = 0; i < 128; i++) {
            size_t p = off + i;
            if (p < msg.len) blk[i] = msg.ptr[p];
            else if (p == msg.len) blk[i] = 0x80;
            else if (p >= total - 8) blk[i] = (uint8_t)(((uint64_t)msg.len * 8) >> (8 * (total - 1 - p)));
            else blk[i] = 0;
        }
        uint64_t w[80];
        for (int i = 0; i < 16; i++) {
            w[i] = 0;
            for (int k = 0; k < 8; k++) w[i] = w[i] << 8 | blk[8 * i + k];
        }
        for (int i = 16; i < 80; i++) {
            uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
            uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 80; i++) {
            uint64_t t1 = hh + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    for (size_t i = 0; i < outlen / 8; i++)
        for (int k = 0; k < 8; k++) out[8 * i + k] = (uint8_t)(h[i] >> (56 - 8 * k));
}

void pdf_sha2(struct ls_slice msg, unsigned bits, uint8_t *out)
{
    if (bits == 256) sha256(msg, out);
    else sha512(msg, out, bits / 8);
}

/* Algorithm 2.B (ISO 32000-2 7.6.4.3.4) for R6; plain SHA-256 for R5.
 * password is empty here; udata is empty for the user password. */
static ls_err hash_2b(struct ls_slice salt, int64_t r, uint8_t out[32])
{
    uint8_t k[64];
    sha256(salt, k); /* SHA-256(password(empty) + salt) */
    if (r == 5) {
        memcpy(out, k, 32);
        return LS_OK;
    }
    size_t klen = 32;
    uint8_t *k1 = malloc(64 * 64), *e = malloc(64 * 64);
    if (!k1 || !e) {
        free(k1);
        free(e);
        return LS_E_NOMEM;
    }
    for (unsigned round = 0;; round++) {
        /* K1 = (password + K + udata) x 64; here just K x 64 */
        size_t n = 64 * klen;
        for (size_t i = 0; i < 64; i++) memcpy(&k1[i * klen], k, klen);
        struct aes_key ak;
        aes_setup(&ak, k, 16);
        uint8_t iv[16], blk[16];
        memcpy(iv, &k[16], 16);
        for (size_t off = 0; off < n; off += 16) {
            for (int i = 0; i < 16; i++) blk[i] = k1[off + i] ^ iv[i];
            aes_enc_block(&ak, blk, &e[off]);
            memcpy(iv, &e[off], 16);
        }
        unsigned sum = 0;
        for (int i = 0; i < 16; i++) sum += e[i];
        unsigned which = sum % 3;
        klen = which == 0 ? 32 : which == 1 ? 48 : 64;
        pdf_sha2(ls_slice_make(e, n), (unsigned)klen * 8, k);
        if (round >= 63 && e[n - 1] <= round - 31) break;
        if (round > 4096) break; /* cannot happen with AES output; bound anyway */
    }
    memcpy(out, k, 32);
    free(k1);
    free(e);
    return LS_OK;
}

/* ---- standard security handler ---- */

enum { CM_NONE = 0, CM_RC4 = 1, CM_AES = 2, CM_AES256 = 3 };

struct pdf_crypt {
    uint8_t key[32];
    size_t keylen;
    int stm, str, eff; /* crypt methods: streams, strings, embedded files */
    bool encrypt_metadata;
};

static const uint8_t pad32[32] = {0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E,
                                  0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68,
                                  0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A};

static int cf_method(struct pdf_doc *d, const struct pdf_obj *enc, const char *which, size_t *keylen)
{
    struct pdf_obj *name = pdf_dict_getr(d, enc, which);
    if (name->kind != PDF_NAME || pdf_name_is(name, "Identity")) return CM_NONE;
    struct pdf_obj *cfd = pdf_dict_getr(d, enc, "CF");
    const struct pdf_obj *f = pdf_dict_of(cfd);
    struct pdf_obj *entry = &pdf_null_obj;
    if (f)
        for (size_t i = 0; i < f->u.d.n; i++)
            if (f->u.d.v[i].key.len == name->u.s.len &&
                memcmp(f->u.d.v[i].key.ptr, name->u.s.ptr, name->u.s.len) == 0)
                entry = pdf_resolve(d, f->u.d.v[i].val);
    struct pdf_obj *cfm = pdf_dict_getr(d, entry, "CFM");
    if (pdf_name_is(cfm, "AESV2")) {
        *keylen = 16;
        return CM_AES;
    }
    if (pdf_name_is(cfm, "AESV3")) return CM_AES256;
    if (pdf_name_is(cfm, "V2")) return CM_RC4;
    if (pdf_name_is(cfm, "None")) return CM_NONE;
    return -1; /* unknown */
}

static bool get_bytes(struct pdf_doc *d, const struct pdf_obj *dict, const char *key,
                      struct ls_slice *out)
{
    struct pdf_obj *v = pdf_dict_getr(d, dict, key);
    if (v->kind != PDF_STR) return false;
    *out = v->u.s;
    return true;
}

/* Algorithm 2: the file key from the (empty) user password. */
static void file_key(struct pdf_crypt *k, struct ls_slice o, int64_t p, struct ls_slice id0, int64_t r,
                     bool meta)
{
    struct pdf_md5 m;
    uint8_t h[16];
    pdf_md5_init(&m);
    pdf_md5_update(&m, ls_slice_make(pad32, 32));
    pdf_md5_update(&m, o.len > 32 ? ls_slice_make(o.ptr, 32) : o);
    uint8_t pb[4] = {(uint8_t)p, (uint8_t)(p >> 8), (uint8_t)(p >> 16), (uint8_t)(p >> 24)};
    pdf_md5_update(&m, ls_slice_make(pb, 4));
    pdf_md5_update(&m, id0);
    if (r >= 4 && !meta) pdf_md5_update(&m, ls_slice_make("\xff\xff\xff\xff", 4));
    pdf_md5_final(&m, h);
    if (r >= 3)
        for (int i = 0; i < 50; i++) {
            pdf_md5_init(&m);
            pdf_md5_update(&m, ls_slice_make(h, k->keylen));
            pdf_md5_final(&m, h);
        }
    memcpy(k->key, h, k->keylen);
}

/* Algorithms 4 and 5: does the empty password open the file? */
static bool check_user(const struct pdf_crypt *k, struct ls_slice u, struct ls_slice id0, int64_t r)
{
    uint8_t buf[32];
    if (r == 2) {
        memcpy(buf, pad32, 32);
        pdf_rc4(ls_slice_make(k->key, k->keylen), buf, 32);
        return u.len >= 32 && memcmp(buf, u.ptr, 32) == 0;
    }
    struct pdf_md5 m;
    pdf_md5_init(&m);
    pdf_md5_update(&m, ls_slice_make(pad32, 32));
    pdf_md5_update(&m, id0);
    pdf_md5_final(&m, buf);
    for (uint8_t i = 0; i < 20; i++) {
        uint8_t kk[16];
        for (size_t j = 0; j < k->keylen; j++) kk[j] = k->key[j] ^ i;
        pdf_rc4(ls_slice_make(kk, k->keylen), buf, 16);
    }
    return u.len >= 16 && memcmp(buf, u.ptr, 16) == 0;
}

static ls_err install(struct pdf_doc *d, const struct pdf_crypt *k, const char **what)
{
    struct pdf_crypt *kp = malloc(sizeof *kp);
    if (!kp) {
        *what = "out of memory";
        return LS_E_ENCRYPTED;
    }
    *kp = *k;
    d->crypt = kp;
    d->encrypt_metadata = k->encrypt_metadata;
    *what = k->stm == CM_AES256 ? "AES-256, empty user password"
            : k->stm == CM_AES  ? "AES-128, empty user password"
                                : "RC4, empty user password";
    return LS_OK;
}

/* R5/R6 (ISO 32000-2 7.6.4.3.3, Algorithm 2.A): check the empty user
 * password against /U, then unwrap the file key from /UE. */
static ls_err setup_aes256(struct pdf_doc *d, const struct pdf_obj *enc, int64_t r,
                           struct pdf_crypt *k, const char **what)
{
    struct ls_slice u, ue, vsalt, ksalt;
    if (r != 5 && r != 6) {
        *what = "encrypted with an unknown AES-256 revision";
        return LS_E_ENCRYPTED;
    }
    if (!get_bytes(d, enc, "U", &u) || !get_bytes(d, enc, "UE", &ue) || u.len < 48 || ue.len < 32 ||
        !ls_slice_sub(u, 32, 8, &vsalt) || !ls_slice_sub(u, 40, 8, &ksalt)) {
        *what = "encrypted (AES-256): /U or /UE malformed";
        return LS_E_ENCRYPTED;
    }
    uint8_t h[32];
    if (hash_2b(vsalt, r, h) != LS_OK || memcmp(h, u.ptr, 32) != 0) {
        *what = "encrypted with a user password (AES-256)";
        return LS_E_ENCRYPTED;
    }
    if (hash_2b(ksalt, r, h) != LS_OK) return LS_E_ENCRYPTED;
    /* file key = AES-256-CBC-decrypt(h, IV 0, UE), no padding */
    uint8_t in[48] = {0};
    memcpy(&in[16], ue.ptr, 32);
    struct ls_buf b;
    ls_buf_init(&b, 64);
    ls_err e = aes_cbc_decrypt(h, 32, ls_slice_make(in, 48), &b);
    bool ok = e == LS_OK && b.len >= 16;
    if (ok) {
        /* the last block may have looked like padding: recompute raw */
        struct aes_key ak;
        aes_setup(&ak, h, 32);
        aes_dec_block(&ak, ue.ptr, k->key);
        uint8_t second[16];
        aes_dec_block(&ak, &ue.ptr[16], second);
        for (int i = 0; i < 16; i++) k->key[16 + i] = second[i] ^ ue.ptr[i];
    }
    ls_buf_free(&b);
    if (!ok) {
        *what = "encrypted (AES-256): /UE malformed";
        return LS_E_ENCRYPTED;
    }
    k->keylen = 32;
    size_t kl = 32;
    k->stm = cf_method(d, enc, "StmF", &kl);
    k->str = cf_method(d, enc, "StrF", &kl);
    k->eff = pdf_dict_get(enc, "EFF") ? cf_method(d, enc, "EFF", &kl) : k->stm;
    if (k->stm < 0 || k->str < 0 || k->eff < 0) {
        *what = "encrypted with an unsupported crypt filter";
        return LS_E_ENCRYPTED;
    }
    return LS_OK;
}

ls_err pdf_crypt_setup(struct pdf_doc *d, const struct pdf_obj *enc, const char **what)
{
    if (!pdf_dict_of(enc)) {
        *what = "encrypted: /Encrypt is not a dictionary";
        return LS_E_ENCRYPTED;
    }
    if (!pdf_name_is(pdf_dict_getr(d, enc, "Filter"), "Standard")) {
        *what = "encrypted with a non-standard security handler";
        return LS_E_ENCRYPTED;
    }
    int64_t v = 0, r = 0, bits = 40, p = 0;
    (void)pdf_int(pdf_dict_getr(d, enc, "V"), &v);
    (void)pdf_int(pdf_dict_getr(d, enc, "R"), &r);
    (void)pdf_int(pdf_dict_getr(d, enc, "Length"), &bits);
    (void)pdf_int(pdf_dict_getr(d, enc, "P"), &p);
    struct pdf_obj *em = pdf_dict_getr(d, enc, "EncryptMetadata");
    struct pdf_crypt k;
    memset(&k, 0, sizeof k);
    k.encrypt_metadata = !(em->kind == PDF_BOOL && !em->u.b);
    if (v >= 5 || r >= 5) {
        LS_TRY(setup_aes256(d, enc, r, &k, what));
    } else if (v == 4) {
        size_t kl = 16;
        k.stm = cf_method(d, enc, "StmF", &kl);
        k.str = cf_method(d, enc, "StrF", &kl);
        k.eff = pdf_dict_get(enc, "EFF") ? cf_method(d, enc, "EFF", &kl) : k.stm;
        if (k.stm < 0 || k.str < 0 || k.eff < 0) {
            *what = "encrypted with an unsupported crypt filter";
            return LS_E_ENCRYPTED;
        }
        k.keylen = 16;
    } else if (v == 1 || v == 2 || v == 0) {
        k.stm = k.str = k.eff = CM_RC4;
        if (v != 2) bits = 40;
        if (bits < 40 || bits > 128 || bits % 8) bits = 40;
        k.keylen = (size_t)bits / 8;
    } else {
        *what = "encrypted with an unknown /V";
        return LS_E_ENCRYPTED;
    }
    if (r < 2 || r > 6) {
        *what = "encrypted with an unknown revision";
        return LS_E_ENCRYPTED;
    }
    if (r >= 5) return install(d, &k, what);
    if (r == 2) k.keylen = 5;
    struct ls_slice o, u, id0 = {NULL, 0};
    if (!get_bytes(d, enc, "O", &o) || !get_bytes(d, enc, "U", &u)) {
        *what = "encrypted: /O or /U missing";
        return LS_E_ENCRYPTED;
    }
    struct pdf_obj *id = pdf_dict_getr(d, d->trailer, "ID");
    if (id->kind == PDF_ARRAY && id->u.a.n > 0) {
        struct pdf_obj *i0 = pdf_resolve(d, id->u.a.v[0]);
        if (i0->kind == PDF_STR) id0 = i0->u.s;
    }
    file_key(&k, o, p, id0, r, k.encrypt_metadata);
    if (!check_user(&k, u, id0, r)) {
        *what = "encrypted with a user password";
        return LS_E_ENCRYPTED;
    }
    return install(d, &k, what);
}

ls_err pdf_crypt_decrypt(const struct pdf_doc *d, uint32_t num, uint32_t gen,
                         enum pdf_crypt_what what, struct ls_slice in, struct ls_buf *out)
{
    const struct pdf_crypt *k = d->crypt;
    if (!k) return ls_buf_add(out, in.ptr, in.len);
    int method = what == PDF_CRYPT_STRING ? k->str : what == PDF_CRYPT_STREAM ? k->stm : k->eff;
    if (method == CM_NONE) return ls_buf_add(out, in.ptr, in.len);
    /* Algorithm 1: per-object key */
    uint8_t ext[sizeof k->key + 9], h[16]; /* key, num, gen, "sAlT" */
    memcpy(ext, k->key, k->keylen);
    size_t n = k->keylen;
    ext[n++] = (uint8_t)num;
    ext[n++] = (uint8_t)(num >> 8);
    ext[n++] = (uint8_t)(num >> 16);
    ext[n++] = (uint8_t)gen;
    ext[n++] = (uint8_t)(gen >> 8);
    if (method == CM_AES256) return aes_cbc_decrypt(k->key, 32, in, out); /* no per-object key */
    if (method == CM_AES) {
        memcpy(&ext[n], "sAlT", 4);
        n += 4;
    }
    struct pdf_md5 m;
    pdf_md5_init(&m);
    pdf_md5_update(&m, ls_slice_make(ext, n));
    pdf_md5_final(&m, h);
    size_t kl = k->keylen + 5 < 16 ? k->keylen + 5 : 16;
    if (method == CM_AES) return pdf_aes128_cbc_decrypt(h, in, out);
    uint8_t *tmp = malloc(in.len ? in.len : 1);
    if (!tmp) return LS_E_NOMEM;
    if (in.len) memcpy(tmp, in.ptr, in.len);
    pdf_rc4(ls_slice_make(h, kl), tmp, in.len);
    ls_err e = ls_buf_add(out, tmp, in.len);
    free(tmp);
    return e;
}
