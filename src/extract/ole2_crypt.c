/*
 * Excel 97-2003 workbooks "encrypted" with Excel's default password.
 * A workbook protected only against changes (a password to modify, a
 * protected structure) is written with a FILEPASS record and encrypted
 * with the built-in password "VelvetSweatshop" ([MS-OFFCRYPTO] 2.3.7.7):
 * Excel, LibreOffice and POI open it without asking anybody, so its cells
 * are as readable as a plain workbook's and a triage tool must read them.
 *
 * Supported: RC4 encryption ([MS-OFFCRYPTO] 2.3.6.1 RC4 Encryption Header,
 * version 1.1, "Office 97/2000 compatible"): H0 = MD5(password UTF-16LE),
 * H1 = MD5((H0[0..5] || salt) x 16), the key of block n is
 * MD5(H1[0..5] || n as u32le), RC4 restarted every 1024 bytes; the
 * password is right when MD5 of the decrypted verifier equals the
 * decrypted verifier hash. [MS-XLS] 2.2.10: record headers stay in clear
 * (but use up key stream), BOF, FILEPASS, UsrExcl, FileLock, InterfaceHdr,
 * RRDInfo and RRDHead are not encrypted, nor a BoundSheet8's lbPlyPos.
 * XOR obfuscation (method 1, BIFF5 and BIFF8: [MS-OFFCRYPTO] 2.3.7): the
 * FILEPASS record holds the key and the password's verifier; the default
 * password's XOR array decrypts byte p of a record of length l as
 * rotl3(b ^ array[(p + l) % 16]) ([MS-XLS] 2.2.10).
 * RC4 CryptoAPI ([MS-OFFCRYPTO] 2.3.5: FILEPASS version 2, 3 or 4 . 2, the
 * default of Excel 2002-2010 for .xls): an EncryptionHeader (AlgID RC4,
 * AlgIDHash SHA-1, KeySize 40-128 bits) and an EncryptionVerifier (16-byte
 * salt, verifier, SHA-1 verifier hash); H0 = SHA-1(salt || password
 * UTF-16LE), the key of block n the first KeySize/8 bytes of
 * SHA-1(H0 || n as u32le), a 40-bit key padded with zeros to 16 bytes; the
 * same 1024-byte blocks and clear records as RC4 1.1 (checked on SheetJS's
 * password_2002_* files with their password, and on PhpSpreadsheet's
 * pwtest3.xls, a real default-password workbook).
 * Not supported (still reported `encrypted`): any other password.
 *
 * MD5 and SHA-1 come from OpenSSL through src/identify/ls_crypto.h; RC4 is written
 * here (OpenSSL 3 has it only in its legacy provider, which the worker
 * sandbox cannot load). Both are used to read, never to protect anything.
 * Attacker-controlled: the FILEPASS record and every byte after it.
 */
#include "extract/ole2.h"

#include <string.h>

#include "identify/ls_crypto.h"

#define BC_BLOCK 1024u
#define BC_FILEPASS 0x002F

struct bc_rc4 {
    uint8_t s[256];
    unsigned i, j;
};

/* How block keys are made: RC4 1.1 (MD5 of H1[0..5] || n) or CryptoAPI
 * (SHA-1 of H0 || n, cut to len bytes, a 5-byte key padded to 16). */
struct bc_key {
    bool capi;
    uint8_t h[20]; /* H1 (RC4 1.1, 16 bytes) or H0 (CryptoAPI, 20 bytes) */
    size_t len;    /* CryptoAPI key bytes: 5..16 */
};

static void bc_rc4_init(struct bc_rc4 *r, const uint8_t *key, size_t len)
{
    for (unsigned i = 0; i < 256; i++) r->s[i] = (uint8_t)i;
    for (unsigned i = 0, j = 0; i < 256; i++) {
        j = (j + r->s[i] + key[i % len]) & 0xFF;
        uint8_t t = r->s[i];
        r->s[i] = r->s[j];
        r->s[j] = t;
    }
    r->i = r->j = 0;
}

static uint8_t bc_rc4_byte(struct bc_rc4 *r)
{
    r->i = (r->i + 1) & 0xFF;
    r->j = (r->j + r->s[r->i]) & 0xFF;
    uint8_t t = r->s[r->i];
    r->s[r->i] = r->s[r->j];
    r->s[r->j] = t;
    return r->s[(r->s[r->i] + r->s[r->j]) & 0xFF];
}

static bool bc_md5(const struct ls_slice *parts, size_t n, uint8_t out[16])
{
    uint8_t h[LS_DIGEST_MAX];
    if (ls_digest(LS_DIGEST_MD5, parts, n, h) != 16) return false;
    memcpy(out, h, 16);
    return true;
}

/* The RC4 state for block n (struct bc_key). */
static bool bc_block(const struct bc_key *k, uint32_t n, struct bc_rc4 *r)
{
    uint8_t nb[4] = {(uint8_t)n, (uint8_t)(n >> 8), (uint8_t)(n >> 16), (uint8_t)(n >> 24)};
    uint8_t key[LS_DIGEST_MAX];
    if (!k->capi) {
        struct ls_slice parts[2] = {ls_slice_make(k->h, 5), ls_slice_make(nb, 4)};
        if (!bc_md5(parts, 2, key)) return false;
        bc_rc4_init(r, key, 16);
        return true;
    }
    struct ls_slice parts[2] = {ls_slice_make(k->h, 20), ls_slice_make(nb, 4)};
    if (ls_digest(LS_DIGEST_SHA1, parts, 2, key) != 20) return false;
    size_t len = k->len;
    if (len == 5) { /* 40 bits: the key is 128 bits, the rest zero */
        memset(key + 5, 0, 11);
        len = 16;
    }
    bc_rc4_init(r, key, len);
    return true;
}

/* The default password as UTF-16LE. */
static void bc_default_pw16(uint8_t out[30])
{
    static const char pw[] = "VelvetSweatshop";
    for (size_t i = 0; i + 1 < sizeof pw; i++) {
        out[2 * i] = (uint8_t)pw[i];
        out[2 * i + 1] = 0;
    }
}

/* The CryptoAPI key of the default password when fp (FILEPASS data) is
 * RC4 CryptoAPI and its verifier matches. */
static bool bc_capi_key(struct ls_slice fp, struct bc_key *k)
{
    uint16_t type = 0, major = 0, minor = 0;
    uint32_t hsize = 0, alg = 0, hash = 0, bits = 0, salt_size = 0, vh_size = 0;
    if (!ls_rd_u16le(fp, 0, &type) || type != 1 || !ls_rd_u16le(fp, 2, &major) ||
        !ls_rd_u16le(fp, 4, &minor) || major < 2 || major > 4 || minor != 2 ||
        !ls_rd_u32le(fp, 10, &hsize) || hsize < 32 || hsize > fp.len ||
        !ls_rd_u32le(fp, 14 + 8, &alg) || !ls_rd_u32le(fp, 14 + 12, &hash) ||
        !ls_rd_u32le(fp, 14 + 16, &bits))
        return false;
    if (bits == 0) bits = 40;
    if (alg != 0x6801 || (hash != 0x8004 && hash != 0) || bits < 40 || bits > 128 || bits % 8)
        return false;
    size_t v = 14 + (size_t)hsize;
    struct ls_slice salt, enc;
    if (!ls_rd_u32le(fp, v, &salt_size) || salt_size != 16 || !ls_slice_sub(fp, v + 4, 16, &salt) ||
        !ls_rd_u32le(fp, v + 36, &vh_size) || vh_size != 20 || !ls_slice_sub(fp, v + 20, 16, &enc))
        return false;
    struct ls_slice enc_hash;
    if (!ls_slice_sub(fp, v + 40, 20, &enc_hash)) return false;
    uint8_t pw16[30];
    bc_default_pw16(pw16);
    struct ls_slice parts[2] = {salt, ls_slice_make(pw16, sizeof pw16)};
    uint8_t h0[LS_DIGEST_MAX];
    if (ls_digest(LS_DIGEST_SHA1, parts, 2, h0) != 20) return false;
    k->capi = true;
    memcpy(k->h, h0, 20);
    k->len = bits / 8;
    struct bc_rc4 r;
    uint8_t d[36], dh[LS_DIGEST_MAX];
    if (!bc_block(k, 0, &r)) return false;
    for (size_t i = 0; i < 16; i++) d[i] = (uint8_t)ls_slice_at(enc, i) ^ bc_rc4_byte(&r);
    for (size_t i = 0; i < 20; i++) d[16 + i] = (uint8_t)ls_slice_at(enc_hash, i) ^ bc_rc4_byte(&r);
    struct ls_slice p = ls_slice_make(d, 16);
    return ls_digest(LS_DIGEST_SHA1, &p, 1, dh) == 20 && memcmp(dh, &d[16], 20) == 0;
}

/* H1 of the default password when fp (FILEPASS data) is RC4 1.1 and the
 * verifier matches. */
static bool bc_default_key(struct ls_slice fp, struct bc_key *k)
{
    uint16_t type = 0, major = 0, minor = 0;
    struct ls_slice salt, ver;
    if (!ls_rd_u16le(fp, 0, &type) || type != 1 || !ls_rd_u16le(fp, 2, &major) || !ls_rd_u16le(fp, 4, &minor) ||
        major != 1 || minor != 1 || !ls_slice_sub(fp, 6, 16, &salt) || !ls_slice_sub(fp, 22, 32, &ver))
        return false;
    uint8_t pw16[30], h0[16], inter[16 * 21], *h1 = k->h;
    bc_default_pw16(pw16);
    k->capi = false;
    struct ls_slice p = ls_slice_make(pw16, sizeof pw16);
    if (!bc_md5(&p, 1, h0)) return false;
    for (size_t rep = 0; rep < 16; rep++) {
        memcpy(&inter[21 * rep], h0, 5);
        for (size_t i = 0; i < 16; i++) inter[21 * rep + 5 + i] = (uint8_t)ls_slice_at(salt, i);
    }
    p = ls_slice_make(inter, sizeof inter);
    if (!bc_md5(&p, 1, h1)) return false;
    struct bc_rc4 r;
    uint8_t v[32], vh[16];
    if (!bc_block(k, 0, &r)) return false;
    for (size_t i = 0; i < 32; i++) v[i] = (uint8_t)ls_slice_at(ver, i) ^ bc_rc4_byte(&r);
    p = ls_slice_make(v, 16);
    return bc_md5(&p, 1, vh) && memcmp(vh, &v[16], 16) == 0;
}

/* Records [MS-XLS] 2.2.10 leaves in clear. */
static bool bc_clear_record(uint16_t type)
{
    switch (type) {
    case 0x0809: case 0x002F: case 0x0194: case 0x0195: case 0x00E1: case 0x0196: case 0x0138: return true;
    default: return false;
    }
}

/* XOR ws[from, to) with the key stream at those stream offsets. *cur is
 * the block r holds, *pos its next offset. */
static bool bc_xor(uint8_t *ws, size_t from, size_t to, const struct bc_key *k, struct bc_rc4 *r, uint32_t *cur,
                   size_t *pos)
{
    for (size_t i = from; i < to; i++) {
        uint32_t blk = (uint32_t)(i / BC_BLOCK);
        if (blk != *cur || i < *pos) {
            if (!bc_block(k, blk, r)) return false;
            *cur = blk;
            *pos = (size_t)blk * BC_BLOCK;
        }
        while (*pos < i) {
            (void)bc_rc4_byte(r);
            ++*pos;
        }
        ws[i] ^= bc_rc4_byte(r);
        ++*pos;
    }
    return true;
}

/* ---- XOR obfuscation ([MS-OFFCRYPTO] 2.3.7.1-2.3.7.4, method 1) ---- */

static const char bc_default_pw[] = "VelvetSweatshop";

/* CreatePasswordVerifier_Method1. */
static uint16_t bc_xor_verifier(void)
{
    size_t n = sizeof bc_default_pw - 1;
    uint16_t v = 0;
    for (size_t k = n + 1; k-- > 0;) {
        uint8_t c = k == 0 ? (uint8_t)n : (uint8_t)bc_default_pw[k - 1];
        v = (uint16_t)((((v >> 14) & 1u) | ((v << 1) & 0x7FFFu)) ^ c);
    }
    return (uint16_t)(v ^ 0xCE4Bu);
}

static uint8_t bc_xor_ror(uint8_t a, uint8_t b)
{
    uint8_t x = a ^ b;
    return (uint8_t)((x >> 1) | (x << 7));
}

/* CreateXorArray_Method1: the key is the FILEPASS record's (it is derived
 * from the password; the file carries it). */
static void bc_xor_array(uint16_t key, uint8_t arr[16])
{
    static const uint8_t pad[15] = {0xBB, 0xFF, 0xFF, 0xBA, 0xFF, 0xFF, 0xB9, 0x80,
                                    0x00, 0xBE, 0x0F, 0x00, 0xBF, 0x0F, 0x00};
    const size_t n = sizeof bc_default_pw - 1; /* 15: odd, no padding */
    uint8_t hi = (uint8_t)(key >> 8), lo = (uint8_t)key;
    size_t i = n;
    memset(arr, 0, 16);
    if (i % 2 == 1) {
        arr[i] = bc_xor_ror(pad[0], hi);
        i--;
        arr[i] = bc_xor_ror((uint8_t)bc_default_pw[n - 1], lo);
    }
    while (i > 1) {
        i--;
        arr[i] = bc_xor_ror((uint8_t)bc_default_pw[i], hi);
        i--;
        arr[i] = bc_xor_ror((uint8_t)bc_default_pw[i], lo);
    }
}

/* [MS-XLS] 2.2.10: byte p of a record of length l decrypts as
 * rotl3(b ^ arr[(p + l) % 16]), p its offset in the stream. */
static void bc_xor_record(uint8_t *ws, size_t from, size_t to, uint16_t l, const uint8_t arr[16])
{
    for (size_t p = from; p < to; p++) {
        uint8_t x = ws[p] ^ arr[(p + l) & 15u];
        ws[p] = (uint8_t)((x << 3) | (x >> 5));
    }
}

/* FILEPASS data fp: XOR with the default password (BIFF8: type 0, key,
 * verifier; BIFF5: key, verifier alone). */
static bool bc_xor_key(struct ls_slice fp, uint8_t arr[16])
{
    uint16_t type = 0, key = 0, ver = 0;
    size_t at = 0;
    if (fp.len != 4) {
        if (!ls_rd_u16le(fp, 0, &type) || type != 0) return false;
        at = 2;
    }
    if (!ls_rd_u16le(fp, at, &key) || !ls_rd_u16le(fp, at + 2, &ver) || ver != bc_xor_verifier()) return false;
    bc_xor_array(key, arr);
    return true;
}

ls_err ole2_xls_default_decrypt(uint8_t *ws, size_t len, size_t fp_off)
{
    struct ls_slice s = ls_slice_make(ws, len), fp;
    uint16_t type = 0, n = 0;
    struct bc_key k;
    uint8_t arr[16];
    if (!ls_rd_u16le(s, fp_off, &type) || type != BC_FILEPASS || !ls_rd_u16le(s, fp_off + 2, &n) ||
        !ls_slice_sub(s, fp_off + 4, n, &fp))
        return LS_E_ENCRYPTED;
    bool xor = bc_xor_key(fp, arr);
    if (!xor && !bc_default_key(fp, &k) && !bc_capi_key(fp, &k)) return LS_E_ENCRYPTED;
    struct bc_rc4 r;
    uint32_t cur = UINT32_MAX;
    size_t pos = 0;
    for (size_t off = fp_off + 4 + n; off + 4 <= len;) {
        uint16_t t = 0, l = 0;
        (void)ls_rd_u16le(s, off, &t);
        (void)ls_rd_u16le(s, off + 2, &l);
        size_t from = off + 4, to = from + l < len ? from + l : len;
        if (t == 0x0085) from = from + 4 < to ? from + 4 : to; /* BoundSheet8.lbPlyPos */
        if (bc_clear_record(t)) {
        } else if (xor) {
            bc_xor_record(ws, from, to, l, arr);
        } else if (!bc_xor(ws, from, to, &k, &r, &cur, &pos)) {
            return LS_E_DEPENDENCY;
        }
        off += 4 + (size_t)l;
    }
    return LS_OK;
}
