/*
 * Cryptocurrency keys and wallet files (see validate_crypto.h, docs/rules.md
 * "Cryptocurrency keys and wallets").
 *
 * Sources of the checks:
 *  - base58check and WIF: Bitcoin Core src/base58.cpp and key_io.cpp; WIF is
 *    version 0x80 (mainnet) or 0xEF (testnet), 32 key bytes, an optional
 *    0x01 compression flag, then the first 4 bytes of SHA-256(SHA-256(...)).
 *  - BIP32 extended keys: 78 bytes (version, depth, parent fingerprint,
 *    child number, chain code, 0x00 + 32 key bytes) under base58check;
 *    version bytes of BIP32 (xprv/tprv), BIP49 (yprv/uprv), BIP84
 *    (zprv/vprv) and SLIP-132 multisig (Yprv/Zprv/Uprv/Vprv).
 *  - secp256k1 (SEC 2): a private key is 1 .. n-1.
 *  - BIP39: 12/15/18/21/24 words of 3 to 8 lower-case letters. No English
 *    word list ships in a Debian package, so phrases are checked by shape.
 *  - wallet files: Bitcoin Core walletdb.cpp record names (mkey, ckey, key,
 *    hdchain, walletdescriptorkey), Berkeley DB btree magic 0x00053162 at
 *    offset 12, Web3 Secret Storage Definition (keystore V3), Electrum
 *    wallet storage (seed_version; encrypted files are base64 "BIE1"),
 *    MetaMask's browser-passworder vault (data, iv, salt).
 */
#include <string.h>

#include "identify/identify.h" /* ls_sha256 */
#include "scan/validate_crypto.h"

static bool is_b58(int c)
{
    return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'H') || (c >= 'J' && c <= 'N') ||
           (c >= 'P' && c <= 'Z') || (c >= 'a' && c <= 'k') || (c >= 'm' && c <= 'z');
}

static int b58_val(int c)
{
    static const char alpha[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    const char *p = c > 0 ? strchr(alpha, c) : NULL;
    return p ? (int)(p - alpha) : -1;
}

static bool is_hex(int c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool is_b64(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' ||
           c == '/' || c == '=';
}
static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

static struct ls_slice cut(struct ls_slice s, size_t off, size_t n)
{
    if (off > s.len) off = s.len;
    if (n > s.len - off) n = s.len - off;
    return ls_slice_make(s.ptr + off, n);
}

#define B58_MAX 96

size_t ls_base58check_decode(struct ls_slice s, uint8_t *out, size_t cap)
{
    uint8_t num[B58_MAX]; /* big-endian, num[B58_MAX - used ..] */
    size_t used = 0, zeros = 0;
    if (s.len == 0 || s.len > 140) return 0;
    while (zeros < s.len && ls_slice_at(s, zeros) == '1') zeros++;
    for (size_t i = 0; i < s.len; i++) {
        int d = b58_val(ls_slice_at(s, i));
        if (d < 0) return 0;
        unsigned carry = (unsigned)d;
        for (size_t k = 0; k < used; k++) {
            unsigned x = num[B58_MAX - 1 - k] * 58u + carry;
            num[B58_MAX - 1 - k] = (uint8_t)x;
            carry = x >> 8;
        }
        while (carry) {
            if (used == B58_MAX) return 0;
            num[B58_MAX - 1 - used++] = (uint8_t)carry;
            carry >>= 8;
        }
    }
    size_t n = zeros + used;
    if (n < 5 || n > cap) return 0;
    memset(out, 0, zeros);
    memcpy(out + zeros, num + B58_MAX - used, used);
    uint8_t h1[32], h2[32];
    ls_sha256(ls_slice_make(out, n - 4), h1);
    ls_sha256(ls_slice_make(h1, 32), h2);
    if (memcmp(h2, out + n - 4, 4) != 0) return 0;
    return n - 4;
}

/* secp256k1 group order n */
static const uint8_t secp_n[32] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48,
                                   0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};

static bool secp_scalar_ok(const uint8_t k[32])
{
    static const uint8_t zero[32];
    return memcmp(k, zero, 32) != 0 && memcmp(k, secp_n, 32) < 0;
}

/* The longest run of cls inside m starting at or after from: its offset and
 * length (the rules take one boundary byte each side). */
static size_t run_at(struct ls_slice m, size_t from, bool (*cls)(int), size_t *len)
{
    size_t i = from;
    while (i < m.len && !cls(ls_slice_at(m, i))) i++;
    size_t j = i;
    while (j < m.len && cls(ls_slice_at(m, j))) j++;
    *len = j - i;
    return i;
}

/* WIF: 51 characters (5..., 9...) or 52 with the compression flag (K/L, c). */
bool ls_loc_wif(struct ls_slice m, struct ls_value *out)
{
    size_t len, at = run_at(m, 0, is_b58, &len);
    if (len != 51 && len != 52) return false;
    uint8_t raw[64];
    size_t n = ls_base58check_decode(cut(m, at, len), raw, sizeof raw);
    if (n != 33 && n != 34) return false;
    if (raw[0] != 0x80 && raw[0] != 0xef) return false;
    if (n == 34 && raw[33] != 0x01) return false;
    out->off = at;
    out->len = len;
    return secp_scalar_ok(raw + 1);
}

/* BIP32 extended private key: 111 characters, 78 bytes, a private version
 * and 0x00 before the key; extended public keys (xpub...) are not matched
 * by their version and fail here. */
bool ls_loc_xprv(struct ls_slice m, struct ls_value *out)
{
    static const uint32_t versions[] = {0x0488ade4, 0x04358394, 0x049d7878, 0x044a4e28, 0x04b2430c,
                                        0x045f18bc, 0x0295b005, 0x024285b5, 0x02aa7a99, 0x02575048};
    size_t len, at = run_at(m, 0, is_b58, &len);
    if (len != 111) return false;
    uint8_t raw[96];
    if (ls_base58check_decode(cut(m, at, len), raw, sizeof raw) != 78) return false;
    uint32_t ver = (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 | (uint32_t)raw[2] << 8 | raw[3];
    bool known = false;
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) known |= versions[i] == ver;
    if (!known || raw[45] != 0x00) return false;
    out->off = at;
    out->len = len;
    return secp_scalar_ok(raw + 46);
}

/* 64 hex digits after a private-key label (the rule matched the label):
 * optionally 0x, a valid secp256k1 scalar, not one repeated digit, mixed
 * digits and letters (a run of one class is a placeholder or a number). */
bool ls_loc_hex_privkey(struct ls_slice m, struct ls_value *out)
{
    size_t at = SIZE_MAX;
    for (size_t i = m.len >= 64 ? m.len - 64 : 0; i + 1 > 0; i--) { /* the last 64-hex run in the match */
        size_t k = 0;
        while (k < 64 && i + k < m.len && is_hex(ls_slice_at(m, i + k))) k++;
        if (k == 64 && (i == 0 || !is_hex(ls_slice_at(m, i - 1))) &&
            (i + 64 == m.len || !is_hex(ls_slice_at(m, i + 64)))) {
            at = i;
            break;
        }
        if (i == 0) break;
    }
    if (at == SIZE_MAX) return false;
    uint8_t k[32];
    unsigned digits = 0, letters = 0, same = 0;
    for (size_t i = 0; i < 64; i++) {
        int c = ls_slice_at(m, at + i);
        if (c >= '0' && c <= '9') digits++;
        else letters++;
        if (i && c == ls_slice_at(m, at + i - 1)) same++;
        if (i % 2 == 0) k[i / 2] = (uint8_t)(hexval(c) << 4);
        else k[i / 2] |= (uint8_t)hexval(c);
    }
    out->off = at;
    out->len = 64;
    return digits >= 8 && letters >= 8 && same < 16 && secp_scalar_ok(k);
}

/* A seed phrase after its label: the words up to the end of the line (or a
 * closing quote): 12, 15, 18, 21 or 24 words of 3-8 lower-case letters, one
 * blank (or comma) between words, at least 9 distinct words, no English
 * function word that the BIP39 list lacks ("the", "and", "with", ...). */
static bool seed_stopword(struct ls_slice w)
{
    static const char *const stop[] = {"the", "and", "with", "from", "for", "are", "was", "were",
                                       "has", "its", "not", "but", "our", "your", "been", "which",
                                       "than", "them", "these", "those", "should", "would", "could",
                                       "must", "very", "here", "phrase", "seed", "mnemonic"};
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (ls_slice_eq_str(w, stop[i])) return true;
    return false;
}

bool ls_loc_seed_phrase(struct ls_slice m, struct ls_value *out)
{
    /* the words start after the label's ':' or '=' (and an opening quote) */
    size_t i = 0;
    while (i < m.len && ls_slice_at(m, i) != ':' && ls_slice_at(m, i) != '=') i++;
    if (i == m.len) return false;
    i++;
    while (i < m.len && (ls_slice_at(m, i) == ' ' || ls_slice_at(m, i) == '\t' || ls_slice_at(m, i) == '"' ||
                         ls_slice_at(m, i) == '\'' || ls_slice_at(m, i) == '\\'))
        i++;
    size_t start = i, end = i, words = 0;
    struct ls_slice seen[24];
    size_t distinct = 0;
    while (i < m.len) {
        size_t w = i;
        while (i < m.len && is_lower(ls_slice_at(m, i))) i++;
        size_t wl = i - w;
        if (wl < 3 || wl > 8) return false;
        struct ls_slice word = cut(m, w, wl);
        if (seed_stopword(word)) return false;
        if (++words > 24) return false;
        bool dup = false;
        for (size_t k = 0; k < distinct; k++)
            dup |= seen[k].len == wl && memcmp(seen[k].ptr, word.ptr, wl) == 0;
        if (!dup) seen[distinct++] = word;
        end = i;
        int c = ls_slice_at(m, i);
        if (c == ' ' || c == ',') {
            i++;
            if (ls_slice_at(m, i) == ' ' && c == ',') i++;
            if (!is_lower(ls_slice_at(m, i))) break;
            continue;
        }
        break; /* end of line, quote, end of match */
    }
    int after = ls_slice_at(m, end);
    if (end < m.len && after != '\r' && after != '\n' && after != '"' && after != '\'' && after != '\\' &&
        after != '<' && after != ',' && after != ' ')
        return false;
    if (words % 3 != 0 || words < 12 || distinct < 9) return false;
    out->off = start;
    out->len = end - start;
    return true;
}

/* ---- wallet files: the label for the "store" validator -------------------- */

const char *ls_crypto_wallet_label(struct ls_slice v)
{
    static const uint8_t bdb_le[4] = {0x62, 0x31, 0x05, 0x00}, bdb_be[4] = {0x00, 0x05, 0x31, 0x62};
    /* the meta page: an LSN whose log file number is small, the btree magic
     * in either byte order at 12 (the rule asked for the key records) */
    int b0 = ls_slice_at(v, 0), b1 = ls_slice_at(v, 1), b2 = ls_slice_at(v, 2), b3 = ls_slice_at(v, 3);
    bool le = b0 < 0x20 && b1 == 0 && b2 == 0 && b3 == 0, be = b0 == 0 && b1 == 0 && b2 == 0 && b3 < 0x20;
    if (v.len >= 16 && ((le && ls_slice_find(cut(v, 12, 4), 0, bdb_le, 4) == 0) ||
                        (be && ls_slice_find(cut(v, 12, 4), 0, bdb_be, 4) == 0)))
        return "[Bitcoin Core wallet (wallet.dat, Berkeley DB)]";
    if (ls_slice_starts(v, "SQLite format 3", 16)) return "[Bitcoin Core descriptor wallet (SQLite)]";
    if (ls_slice_starts(v, "QklFMQ", 6)) return "[Electrum wallet (encrypted)]";
    if (ls_slice_starts(v, "\"seed_version\"", 14)) return "[Electrum wallet]";
    /* the values ls_loc_wallet_json() located (a keystore's ciphertext, a
     * vault's salt): only those rules redact such a value with "label" */
    size_t n = 0;
    while (n < v.len && is_hex(ls_slice_at(v, n))) n++;
    if (n == 64 && v.len == 64) return "[Ethereum keystore (V3)]";
    if (v.len == 44 && ls_slice_at(v, 43) == '=' && ls_slice_at(v, 42) != '=') return "[MetaMask vault]";
    return NULL;
}

/* Ethereum keystore / MetaMask vault: the rule's match ends with the
 * ciphertext (64 hex) or the salt (43 base64 characters and '='); the value
 * is that field alone, so the JSON in the raw bytes (escaped inside the
 * extension's storage) and in the extracted text is one value. */
bool ls_loc_wallet_json(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len, start = end;
    while (start > 0 && is_b64(ls_slice_at(m, start - 1)))
        start--;
    out->off = start;
    out->len = end - start;
    return ls_crypto_wallet_label(cut(m, start, end - start)) != NULL;
}
