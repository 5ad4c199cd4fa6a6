/*
 * PDF standard security handler (ISO 32000-1 7.6.3, ISO 32000-2 7.6.4),
 * for the cases a triage tool can open without a password: an empty
 * user password, or an empty owner password (a user password set and the
 * owner password left empty: hexapdf's userpwd-aes-256bit-V5.pdf, which
 * pdftotext and qpdf open as its owner).
 * Supported: V 1/2 (RC4, 40..128 bit, R 2/3), V 4 R 4 with crypt filters
 * /V2 (RC4) and /AESV2 (AES-128-CBC), /Identity and EncryptMetadata false,
 * V 5 (AES-256, /AESV3) R 5 and R 6 (Algorithm 2.B).
 * Not supported (reported `encrypted`): a user password with a non-empty
 * owner password, public-key and other security handlers.
 *
 * MD5, SHA-256/384/512 and AES-CBC come from OpenSSL through
 * src/identify/ls_crypto.h; RC4 is written here because OpenSSL 3 has it
 * only in its legacy provider, which the worker sandbox cannot load. All
 * of them are used to read, never to protect anything.
 *
 * Attacker-controlled: /O, /U, /UE, /P, /V, /R, /Length, /CF, the file ID
 * and every encrypted string and stream.
 */
#include "extract/pdf_int.h"

#include <stdlib.h>
#include <string.h>

#include "identify/ls_crypto.h"

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


/* ---- AES-CBC with the PDF's framing, MD5 ---- */

/* AES streams are decrypted in pieces this long: one OpenSSL context per
 * piece, and a stream whose output is cut by out's cap stops early. */
#define PDF_AES_PIECE ((size_t)256 << 10)

/* Length of valid PKCS#5 padding at the end of the last block (0: none). */
static size_t pkcs5_pad_len(const uint8_t *pt, size_t len)
{
    uint8_t p = pt[len - 1];
    if (p < 1 || p > 16) return 0;
    for (size_t i = len - p; i < len; i++)
        if (pt[i] != p) return 0;
    return p;
}

/* in = IV (16) + ciphertext; valid padding is removed from the last block,
 * invalid padding kept. A ragged tail (not a whole block) is LS_E_CORRUPT
 * after the whole blocks are out. */
static ls_err aes_cbc_decrypt(const uint8_t *key, size_t keylen, struct ls_slice in,
                              struct ls_buf *out)
{
    struct ls_slice iv, body, piece;
    LS_FAIL_IF(in.len < 32, LS_E_CORRUPT); /* IV plus at least one block */
    size_t n = (in.len - 16) / 16 * 16;
    LS_FAIL_IF(!ls_slice_sub(in, 0, 16, &iv) || !ls_slice_sub(in, 16, n, &body), LS_E_INTERNAL);
    uint8_t *pt = malloc(n < PDF_AES_PIECE ? n : PDF_AES_PIECE);
    if (!pt) return LS_E_NOMEM;
    ls_err e = LS_OK;
    for (size_t off = 0; e == LS_OK && off < n; off += PDF_AES_PIECE) {
        size_t len = n - off < PDF_AES_PIECE ? n - off : PDF_AES_PIECE;
        (void)ls_slice_sub(body, off, len, &piece);
        e = ls_aes_cbc(false, ls_slice_make(key, keylen), iv.ptr, piece, pt);
        if (e != LS_OK) break;
        /* CBC: the next piece chains on this piece's last cipher block */
        (void)ls_slice_sub(piece, len - 16, 16, &iv);
        if (off + len == n) len -= pkcs5_pad_len(pt, len);
        e = ls_buf_add(out, pt, len);
    }
    free(pt);
    if (e == LS_OK && (in.len - 16) % 16) e = LS_E_CORRUPT;
    return e;
}

ls_err pdf_aes128_cbc_decrypt(const uint8_t key[16], struct ls_slice in, struct ls_buf *out)
{
    return aes_cbc_decrypt(key, 16, in, out);
}

/* MD5 of parts[0] || ... || parts[n-1]; false when OpenSSL failed. */
static bool md5(const struct ls_slice *parts, size_t n, uint8_t out[16])
{
    uint8_t h[LS_DIGEST_MAX];
    if (ls_digest(LS_DIGEST_MD5, parts, n, h) != 16) return false;
    memcpy(out, h, 16);
    return true;
}

/* Algorithm 2.B (ISO 32000-2 7.6.4.3.4) for R6; plain SHA-256 for R5.
 * password is empty here; udata is empty for the user password and the
 * 48 bytes of /U for the owner password. */
static ls_err hash_2b(struct ls_slice salt, struct ls_slice udata, int64_t r, uint8_t out[32])
{
    static const enum ls_digest_alg next[3] = {LS_DIGEST_SHA256, LS_DIGEST_SHA384,
                                               LS_DIGEST_SHA512};
    uint8_t k[LS_DIGEST_MAX];
    LS_FAIL_IF(udata.len > 48, LS_E_INTERNAL);
    /* SHA-256(password(empty) + salt + udata) */
    const struct ls_slice first[2] = {salt, udata};
    LS_FAIL_IF(ls_digest(LS_DIGEST_SHA256, first, 2, k) != 32, LS_E_DEPENDENCY);
    if (r == 5) {
        memcpy(out, k, 32);
        return LS_OK;
    }
    size_t klen = 32;
    uint8_t *k1 = malloc((64 + 48) * 64), *e = malloc((64 + 48) * 64);
    ls_err err = k1 && e ? LS_OK : LS_E_NOMEM;
    for (unsigned round = 0; err == LS_OK; round++) {
        /* K1 = (password + K + udata) x 64, the password empty */
        size_t unit = klen + udata.len, n = 64 * unit;
        for (size_t i = 0; i < 64; i++) {
            memcpy(&k1[i * unit], k, klen);
            if (udata.len) memcpy(&k1[i * unit + klen], udata.ptr, udata.len);
        }
        /* E = AES-128-CBC(key K[0..16], IV K[16..32], K1), no padding */
        err = ls_aes_cbc(true, ls_slice_make(k, 16), &k[16], ls_slice_make(k1, n), e);
        if (err != LS_OK) break;
        unsigned sum = 0;
        for (int i = 0; i < 16; i++) sum += e[i];
        struct ls_slice es = ls_slice_make(e, n);
        klen = ls_digest(next[sum % 3], &es, 1, k);
        if (klen == 0) err = LS_E_DEPENDENCY;
        else if (round >= 63 && e[n - 1] <= round - 31) break;
        else if (round > 4096) break; /* cannot happen with AES output; bound anyway */
    }
    memcpy(out, k, 32);
    free(k1);
    free(e);
    return err;
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

/* Algorithm 2: the file key from a padded user password (pw: 32 bytes).
 * False when OpenSSL failed. */
static bool file_key(struct pdf_crypt *k, const uint8_t *pw, struct ls_slice o, int64_t p,
                     struct ls_slice id0, int64_t r, bool meta)
{
    uint8_t h[16];
    uint8_t pb[4] = {(uint8_t)p, (uint8_t)(p >> 8), (uint8_t)(p >> 16), (uint8_t)(p >> 24)};
    const struct ls_slice parts[5] = {
        ls_slice_make(pw, 32), o.len > 32 ? ls_slice_make(o.ptr, 32) : o, ls_slice_make(pb, 4), id0,
        ls_slice_make("\xff\xff\xff\xff", 4)};
    if (!md5(parts, r >= 4 && !meta ? 5 : 4, h)) return false;
    if (r >= 3)
        for (int i = 0; i < 50; i++) {
            const struct ls_slice prev = ls_slice_make(h, k->keylen);
            if (!md5(&prev, 1, h)) return false;
        }
    memcpy(k->key, h, k->keylen);
    return true;
}

/* Algorithm 7 for the empty owner password: the padded user password
 * /O wraps (Algorithm 3 run backwards). False when OpenSSL failed. */
static bool user_pad_from_owner(size_t keylen, struct ls_slice o, int64_t r, uint8_t out[32])
{
    uint8_t h[16];
    const struct ls_slice pad = ls_slice_make(pad32, 32);
    if (o.len < 32 || !md5(&pad, 1, h)) return false;
    if (r >= 3)
        for (int i = 0; i < 50; i++) {
            const struct ls_slice prev = ls_slice_make(h, 16);
            if (!md5(&prev, 1, h)) return false;
        }
    memcpy(out, o.ptr, 32);
    if (r == 2) {
        pdf_rc4(ls_slice_make(h, keylen), out, 32);
        return true;
    }
    for (int i = 19; i >= 0; i--) {
        uint8_t kk[16];
        for (size_t j = 0; j < keylen; j++) kk[j] = h[j] ^ (uint8_t)i;
        pdf_rc4(ls_slice_make(kk, keylen), out, 32);
    }
    return true;
}

/* Algorithms 4 and 5: does the file key match /U (the password opens the
 * file)? */
static bool check_user(const struct pdf_crypt *k, struct ls_slice u, struct ls_slice id0, int64_t r)
{
    uint8_t buf[32];
    if (r == 2) {
        memcpy(buf, pad32, 32);
        pdf_rc4(ls_slice_make(k->key, k->keylen), buf, 32);
        return u.len >= 32 && memcmp(buf, u.ptr, 32) == 0;
    }
    const struct ls_slice parts[2] = {ls_slice_make(pad32, 32), id0};
    if (!md5(parts, 2, buf)) return false;
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

/* R5/R6 (ISO 32000-2 7.6.4.3.3, Algorithms 2.A): check the empty user
 * password against /U and unwrap the file key from /UE; failing that, the
 * empty owner password against /O (hashed with /U) and the key from /OE.
 * 1: opened, 0: wrong password, -1: OpenSSL failed. */
static int aes256_try(struct ls_slice hv, struct ls_slice wrapped, struct ls_slice udata, int64_t r,
                      uint8_t key[32])
{
    struct ls_slice vsalt, ksalt, w32;
    static const uint8_t zero_iv[16];
    uint8_t h[32];
    if (!ls_slice_sub(hv, 32, 8, &vsalt) || !ls_slice_sub(hv, 40, 8, &ksalt) ||
        !ls_slice_sub(wrapped, 0, 32, &w32))
        return 0;
    if (hash_2b(vsalt, udata, r, h) != LS_OK) return -1;
    if (memcmp(h, hv.ptr, 32) != 0) return 0;
    /* file key = AES-256-CBC-decrypt(h, IV 0, UE or OE), no padding */
    if (hash_2b(ksalt, udata, r, h) != LS_OK ||
        ls_aes_cbc(false, ls_slice_make(h, 32), zero_iv, w32, key) != LS_OK)
        return -1;
    return 1;
}

static ls_err setup_aes256(struct pdf_doc *d, const struct pdf_obj *enc, int64_t r,
                           struct pdf_crypt *k, const char **what)
{
    struct ls_slice u, ue, o, oe, u48;
    if (r != 5 && r != 6) {
        *what = "encrypted with an unknown AES-256 revision";
        return LS_E_ENCRYPTED;
    }
    if (!get_bytes(d, enc, "U", &u) || !get_bytes(d, enc, "UE", &ue) || u.len < 48 || ue.len < 32) {
        *what = "encrypted (AES-256): /U or /UE malformed";
        return LS_E_ENCRYPTED;
    }
    (void)ls_slice_sub(u, 0, 48, &u48);
    int ok = aes256_try(u, ue, ls_slice_make(NULL, 0), r, k->key);
    if (ok == 0 && get_bytes(d, enc, "O", &o) && get_bytes(d, enc, "OE", &oe) && o.len >= 48 &&
        oe.len >= 32)
        ok = aes256_try(o, oe, u48, r, k->key);
    if (ok < 0) {
        *what = "encrypted (AES-256): key derivation failed";
        return LS_E_ENCRYPTED;
    }
    if (ok == 0) {
        *what = "encrypted with a user password (AES-256)";
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
    if (!file_key(&k, pad32, o, p, id0, r, k.encrypt_metadata)) {
        *what = "encrypted: key derivation failed";
        return LS_E_ENCRYPTED;
    }
    if (check_user(&k, u, id0, r)) return install(d, &k, what);
    /* the empty owner password: the user password /O holds */
    uint8_t upw[32];
    if (!user_pad_from_owner(k.keylen, o, r, upw) || !file_key(&k, upw, o, p, id0, r, k.encrypt_metadata)) {
        *what = "encrypted: key derivation failed";
        return LS_E_ENCRYPTED;
    }
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
    const struct ls_slice ext_s = ls_slice_make(ext, n);
    if (!md5(&ext_s, 1, h)) return LS_E_DEPENDENCY;
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
