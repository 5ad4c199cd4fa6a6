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

/* ---- AES-128 decryption ---- */

struct aes_dec {
    uint8_t rk[176];
    uint8_t inv[256];
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

static void aes_setup(struct aes_dec *k, const uint8_t key[16])
{
    uint8_t sbox[256];
    aes_sbox(sbox);
    for (int i = 0; i < 256; i++) k->inv[sbox[i]] = (uint8_t)i;
    memcpy(k->rk, key, 16);
    uint8_t rcon = 1;
    for (int i = 16; i < 176; i += 4) {
        uint8_t t[4] = {k->rk[i - 4], k->rk[i - 3], k->rk[i - 2], k->rk[i - 1]};
        if (i % 16 == 0) {
            uint8_t u = t[0];
            t[0] = (uint8_t)(sbox[t[1]] ^ rcon);
            t[1] = sbox[t[2]];
            t[2] = sbox[t[3]];
            t[3] = sbox[u];
            rcon = xtime(rcon);
        }
        for (int j = 0; j < 4; j++) k->rk[i + j] = (uint8_t)(k->rk[i - 16 + j] ^ t[j]);
    }
}

static void aes_dec_block(const struct aes_dec *k, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++) s[i] = in[i] ^ k->rk[160 + i];
    for (int round = 9; round >= 0; round--) {
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

void pdf_aes128_decrypt_block(const uint8_t key[16], const uint8_t in[16], uint8_t out[16])
{
    struct aes_dec k;
    aes_setup(&k, key);
    aes_dec_block(&k, in, out);
}

ls_err pdf_aes128_cbc_decrypt(const uint8_t key[16], struct ls_slice in, struct ls_buf *out)
{
    if (in.len < 32) return LS_E_CORRUPT; /* IV plus at least one block */
    struct aes_dec k;
    aes_setup(&k, key);
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

/* ---- standard security handler ---- */

enum { CM_NONE = 0, CM_RC4 = 1, CM_AES = 2 };

struct pdf_crypt {
    uint8_t key[16];
    size_t keylen;
    int stm, str;
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
    if (pdf_name_is(cfm, "V2")) return CM_RC4;
    if (pdf_name_is(cfm, "None")) return CM_NONE;
    return -1; /* AESV3 or unknown */
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
        *what = "encrypted with AES-256 (R5/R6): not supported";
        return LS_E_ENCRYPTED;
    }
    if (v == 4) {
        size_t kl = 16;
        k.stm = cf_method(d, enc, "StmF", &kl);
        k.str = cf_method(d, enc, "StrF", &kl);
        if (k.stm < 0 || k.str < 0) {
            *what = "encrypted with an unsupported crypt filter";
            return LS_E_ENCRYPTED;
        }
        k.keylen = 16;
    } else if (v == 1 || v == 2 || v == 0) {
        k.stm = k.str = CM_RC4;
        if (v != 2) bits = 40;
        if (bits < 40 || bits > 128 || bits % 8) bits = 40;
        k.keylen = (size_t)bits / 8;
    } else {
        *what = "encrypted with an unknown /V";
        return LS_E_ENCRYPTED;
    }
    if (r < 2 || r > 4) {
        *what = "encrypted with an unknown revision";
        return LS_E_ENCRYPTED;
    }
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
    struct pdf_crypt *kp = malloc(sizeof *kp);
    if (!kp) {
        *what = "out of memory";
        return LS_E_ENCRYPTED;
    }
    *kp = k;
    d->crypt = kp;
    d->encrypt_metadata = k.encrypt_metadata;
    *what = k.stm == CM_AES ? "AES-128, empty user password" : "RC4, empty user password";
    return LS_OK;
}

ls_err pdf_crypt_decrypt(const struct pdf_doc *d, uint32_t num, uint32_t gen, bool stream,
                         struct ls_slice in, struct ls_buf *out)
{
    const struct pdf_crypt *k = d->crypt;
    if (!k) return ls_buf_add(out, in.ptr, in.len);
    int method = stream ? k->stm : k->str;
    if (method == CM_NONE) return ls_buf_add(out, in.ptr, in.len);
    /* Algorithm 1: per-object key */
    uint8_t ext[16 + 9], h[16];
    memcpy(ext, k->key, k->keylen);
    size_t n = k->keylen;
    ext[n++] = (uint8_t)num;
    ext[n++] = (uint8_t)(num >> 8);
    ext[n++] = (uint8_t)(num >> 16);
    ext[n++] = (uint8_t)gen;
    ext[n++] = (uint8_t)(gen >> 8);
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
