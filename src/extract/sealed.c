/*
 * "sealed": files that are ciphertext as a whole. A leak holds them beside
 * everything else (a GnuPG-encrypted payroll export, an S/MIME message
 * body, an Ansible Vault of passwords, a LUKS image): nothing inside can be
 * read without the key, so such an object must never look clean. The
 * handler names the envelope and records coverage none with reason
 * `encrypted` (verdict incomplete).
 *
 * Recognised, each by its own format's signature (docs/formats.md):
 *   - OpenPGP messages (RFC 4880 / RFC 9580), binary or ASCII-armored,
 *     whose first packet is a public-key or symmetric-key encrypted session
 *     key, or encrypted data (tags 1, 3, 18, 20); signed-only messages are
 *     not sealed;
 *   - CMS / PKCS #7 enveloped-data, encrypted-data and auth-enveloped-data
 *     (RFC 5652, RFC 5083): S/MIME's smime.p7m;
 *   - `openssl enc` output ("Salted__"), age (binary and armored), Ansible
 *     Vault, Vim's encrypted files ("VimCrypt~"), LUKS 1/2 volumes,
 *     BitLocker volumes ("-FVE-FS-"), Apple encrypted disk images
 *     ("encrcdsa").
 * Archives, PDFs and Office files that are encrypted are their own
 * handlers' business; credential stores (KeePass, key stores) are found by
 * the rules.
 *
 * ls_sealed_note_blocks() is for handlers of text (plain text, e-mail
 * bodies): an encrypted PGP block inside readable text makes the object
 * partial with `encrypted`; any other "BEGIN PGP MESSAGE" block (signed,
 * compressed: its text is inside the base64) is decoded and its literal
 * data handed over as children (pgpmsg.h), or noted `unsupported` when it
 * does not decode.
 *
 * Attacker-controlled: every byte. Only the first packet header / the DER
 * prefix / the armor's first base64 line are read, through slices.
 */
#include <string.h>

#include "extract/mime_decode.h"
#include "extract/pgpmsg.h"
#include "extract/sealed.h"

#define ARMOR_LEAD_MAX 1024u /* white space allowed before a leading armor line */
#define ARMOR_B64_MAX 64u    /* base64 characters decoded to see the first packet */
#define ARMOR_HDR_MAX 4096u  /* armor header lines ("Version: ...") read at most */

static const char PGP_BEGIN[] = "-----BEGIN PGP MESSAGE-----";

/* ---- OpenPGP packets ---- */

/* The first packet's tag and body; false if p does not start with a
 * well-formed packet header whose length fits. Partial lengths (new
 * format 224-254, old format 3) are taken as "runs to the end". */
static bool pgp_packet(struct ls_slice p, unsigned *tag, struct ls_slice *body)
{
    struct ls_cursor c = ls_cur_make(p);
    uint8_t b, l0, l1;
    if (ls_cur_u8(&c, &b) != LS_OK || !(b & 0x80)) return false;
    uint32_t len = 0;
    bool to_end = false;
    if (b & 0x40) { /* new format */
        *tag = b & 0x3fu;
        if (ls_cur_u8(&c, &l0) != LS_OK) return false;
        if (l0 < 192) {
            len = l0;
        } else if (l0 < 224) {
            if (ls_cur_u8(&c, &l1) != LS_OK) return false;
            len = ((uint32_t)(l0 - 192) << 8) + l1 + 192u;
        } else if (l0 == 255) {
            if (ls_cur_u32be(&c, &len) != LS_OK) return false;
        } else {
            to_end = true;
        }
    } else { /* old format */
        *tag = (b >> 2) & 0x0fu;
        unsigned lt = b & 3u;
        if (lt == 0) {
            if (ls_cur_u8(&c, &l0) != LS_OK) return false;
            len = l0;
        } else if (lt == 1) {
            uint16_t v;
            if (ls_cur_u16be(&c, &v) != LS_OK) return false;
            len = v;
        } else if (lt == 2) {
            if (ls_cur_u32be(&c, &len) != LS_OK) return false;
        } else {
            to_end = true;
        }
    }
    struct ls_slice rest;
    (void)ls_slice_from(p, c.pos, &rest);
    if (to_end) {
        *body = rest;
        return rest.len > 0;
    }
    /* the packet may run past a cut prefix (an armor's first line): only
     * its fixed fields are read */
    if (len == 0) return false;
    *body = rest.len < len ? rest : (struct ls_slice){rest.ptr, len};
    return body->len > 0;
}

static bool pgp_pubkey_algo(int a)
{
    /* RSA, RSA encrypt-only, Elgamal, ECDH, Elgamal (old), X25519, X448 */
    return a == 1 || a == 2 || a == 16 || a == 18 || a == 20 || a == 25 || a == 26;
}

static bool pgp_cipher_algo(int a) { return a >= 1 && a <= 13 && a != 5 && a != 6; }

static bool pgp_aead_algo(int a) { return a >= 1 && a <= 3; } /* EAX, OCB, GCM */

/* Whether body is the body of an encrypting first packet of that tag. A
 * file made by GnuPG, Sequoia or OpenPGP.js starts with an encrypted
 * session key (tags 1, 3); encrypted data first (tags 18, 20) is taken
 * only after an armor line (any), whose context makes it certain. */
static bool pgp_encrypting(unsigned tag, struct ls_slice body, bool any)
{
    int v = ls_slice_at(body, 0);
    switch (tag) {
    case 1: /* public-key encrypted session key: v3 (key id, algorithm) or v6 */
        if (v == 3) return body.len >= 10 && pgp_pubkey_algo(ls_slice_at(body, 9));
        return any && v == 6 && body.len >= 3;
    case 3: /* symmetric-key encrypted session key: v4 cipher + S2K, v5/v6 + AEAD */
        if (v == 4) {
            int s2k = ls_slice_at(body, 2);
            return pgp_cipher_algo(ls_slice_at(body, 1)) &&
                   (s2k == 0 || s2k == 1 || s2k == 3 || s2k == 4);
        }
        if (v == 5) return pgp_cipher_algo(ls_slice_at(body, 1)) && pgp_aead_algo(ls_slice_at(body, 2));
        if (v == 6) return pgp_cipher_algo(ls_slice_at(body, 2)) && pgp_aead_algo(ls_slice_at(body, 3));
        return false;
    case 18: /* symmetrically encrypted, integrity protected data */
        return any && ((v == 1 && body.len >= 2) ||
                       (v == 2 && pgp_cipher_algo(ls_slice_at(body, 1)) && pgp_aead_algo(ls_slice_at(body, 2))));
    case 20: /* AEAD encrypted data (GnuPG's OCB mode) */
        return any && v == 1 && pgp_cipher_algo(ls_slice_at(body, 1)) && pgp_aead_algo(ls_slice_at(body, 2));
    default:
        return false;
    }
}

static bool pgp_encrypted(struct ls_slice d, bool any, unsigned *tag)
{
    struct ls_slice body;
    return pgp_packet(d, tag, &body) && pgp_encrypting(*tag, body, any);
}

static bool is_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

/* Offset just past the line that contains at, or SIZE_MAX. */
static size_t line_end(struct ls_slice s, size_t at)
{
    size_t nl = ls_slice_find(s, at, "\n", 1);
    return nl == SIZE_MAX ? SIZE_MAX : nl + 1;
}

/* Whether the line [at, end) is blank (white space only). */
static bool line_blank(struct ls_slice s, size_t at, size_t end)
{
    for (size_t i = at; i < end; i++)
        if (!is_space(ls_slice_at(s, i))) return false;
    return true;
}

/* The armored block whose BEGIN line starts at `at`: is it encrypted? The
 * header lines ("Version: ...", "Comment: ...") end at a blank line; the
 * first base64 characters after it are decoded and their first packet is
 * looked at. */
/* Where the base64 of the armored block whose BEGIN line starts at `at`
 * begins: after the header lines ("Version: ...", "Comment: ..."), which
 * end at a blank line; SIZE_MAX if none is found. */
static size_t armor_data(struct ls_slice s, size_t at)
{
    size_t pos = line_end(s, at);
    size_t hdr_end = at + ARMOR_HDR_MAX;
    while (pos != SIZE_MAX && pos < s.len && pos < hdr_end) {
        size_t next = line_end(s, pos);
        size_t end = next == SIZE_MAX ? s.len : next;
        /* a blank line ends the headers; a line without ':' is base64
         * already (a writer that left the blank line out) */
        struct ls_slice line;
        (void)ls_slice_sub(s, pos, end - pos, &line);
        if (line_blank(s, pos, end) || ls_slice_find(line, 0, ":", 1) == SIZE_MAX) break;
        pos = next;
    }
    return pos == SIZE_MAX || pos >= s.len || pos >= hdr_end ? SIZE_MAX : pos;
}

/* Is the armored block at `at` encrypted? The first base64 characters
 * after its headers are decoded and their first packet looked at. */
static bool pgp_armor_encrypted(struct ls_slice s, size_t at)
{
    size_t pos = armor_data(s, at);
    if (pos == SIZE_MAX) return false;
    char b64[ARMOR_B64_MAX];
    size_t n = 0;
    for (size_t i = pos; i < s.len && n < ARMOR_B64_MAX; i++) {
        int ch = ls_slice_at(s, i);
        if (is_space(ch)) continue;
        if (ch == '=' || ch == '-') break; /* checksum line or END line */
        b64[n++] = (char)ch;
    }
    n -= n % 4;
    if (n < 8) return false;
    struct ls_buf raw;
    ls_buf_init(&raw, ARMOR_B64_MAX);
    unsigned tag = 0;
    bool yes = mime_b64_decode(&raw, ls_slice_make(b64, n)) == LS_OK &&
               pgp_encrypted(ls_buf_slice(&raw), true, &tag);
    ls_buf_free(&raw);
    return yes;
}

/* A signed (not encrypted) armored block: its base64 decoded and its
 * literal data handed over as children. LS_OK if all of it was read;
 * LS_E_UNSUPPORTED for a packet or algorithm not read (BZip2), a budget's
 * error, else LS_E_CORRUPT (no armor data, packets that do not parse, no
 * literal data). */
static ls_err pgp_armor_read(struct ls_ctx *c, struct ls_object *o, struct ls_slice s, size_t at)
{
    size_t pos = armor_data(s, at);
    if (pos == SIZE_MAX) return LS_E_CORRUPT;
    size_t end = ls_slice_find(s, pos, "\n=", 2);
    size_t stop = ls_slice_find(s, pos, "-----END PGP MESSAGE-----", 25);
    if (stop < end) end = stop;
    if (end == SIZE_MAX) end = s.len;
    struct ls_slice b64;
    (void)ls_slice_sub(s, pos, end - pos, &b64);
    uint64_t left = ls_budget_left(c);
    struct ls_buf raw;
    ls_buf_init(&raw, left < b64.len ? (size_t)left : b64.len);
    ls_err e = mime_b64_decode(&raw, b64);
    if (e == LS_OK) e = ls_budget_charge(c, o, raw.len);
    unsigned literals = 0;
    if (e == LS_OK) literals = ls_pgp_message_children(c, o, ls_buf_slice(&raw), &e);
    ls_buf_free(&raw);
    if (e == LS_OK) return literals > 0 ? LS_OK : LS_E_CORRUPT;
    return e == LS_E_UNSUPPORTED || e == LS_E_LIMIT || e == LS_E_NOMEM || e == LS_E_TIMEOUT ? e : LS_E_CORRUPT;
}

/* ---- CMS (DER or BER) ---- */

/* The ContentInfo's content type, right after the outer SEQUENCE header. */
static bool cms_encrypted(struct ls_slice d)
{
    static const uint8_t pkcs7[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07};
    static const uint8_t auth_env[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17};
    if (ls_slice_at(d, 0) != 0x30) return false;
    int l = ls_slice_at(d, 1);
    size_t at;
    if (l < 0) return false;
    if (l < 0x80 || l == 0x80)
        at = 2; /* short form, or BER's indefinite length */
    else if (l >= 0x81 && l <= 0x84)
        at = 2 + (size_t)(l - 0x80);
    else
        return false;
    if (ls_slice_at(d, at) != 0x06) return false;
    int olen = ls_slice_at(d, at + 1);
    struct ls_slice oid;
    if (olen < 0 || !ls_slice_sub(d, at + 2, (size_t)olen, &oid)) return false;
    if (olen == 9 && memcmp(oid.ptr, pkcs7, sizeof pkcs7) == 0) {
        int kind = ls_slice_at(oid, 8);
        return kind == 3 || kind == 6; /* envelopedData, encryptedData */
    }
    return olen == (int)sizeof auth_env && memcmp(oid.ptr, auth_env, sizeof auth_env) == 0;
}

/* ---- the envelopes ---- */

struct seal_magic {
    size_t at;
    const char *magic;
    size_t len;
    const char *what;
};

static const struct seal_magic seal_magics[] = {
    {0, "Salted__", 8, "openssl enc output (salted, password-derived key)"},
    {0, "age-encryption.org/v1\n", 22, "age encrypted file"},
    {0, "$ANSIBLE_VAULT;1.", 17, "Ansible Vault"},
    {0, "VimCrypt~0", 10, "Vim encrypted file"},
    {0, "LUKS\xba\xbe\x00\x01", 8, "LUKS1 encrypted volume"},
    {0, "LUKS\xba\xbe\x00\x02", 8, "LUKS2 encrypted volume"},
    {3, "-FVE-FS-", 8, "BitLocker encrypted volume"},
    {0, "encrcdsa", 8, "Apple encrypted disk image"},
};

/* Offset of a leading armor line (only white space before it), or SIZE_MAX. */
static size_t leading_armor(struct ls_slice d, const char *begin)
{
    size_t i = 0;
    if (ls_slice_starts(d, "\xef\xbb\xbf", 3)) i = 3;
    while (i < d.len && i < ARMOR_LEAD_MAX && is_space(ls_slice_at(d, i))) i++;
    struct ls_slice rest;
    if (!ls_slice_from(d, i, &rest) || !ls_slice_starts(rest, begin, strlen(begin))) return SIZE_MAX;
    return i;
}

const char *ls_sealed_kind(struct ls_slice d)
{
    for (size_t i = 0; i < sizeof seal_magics / sizeof seal_magics[0]; i++) {
        const struct seal_magic *m = &seal_magics[i];
        struct ls_slice at;
        /* "Salted__" then an 8-byte salt and at least one cipher block */
        size_t need = m->len + (i == 0 ? 24u : 1u);
        if (ls_slice_from(d, m->at, &at) && at.len >= need && ls_slice_starts(at, m->magic, m->len))
            return m->what;
    }
    if (leading_armor(d, "-----BEGIN AGE ENCRYPTED FILE-----") != SIZE_MAX) return "age encrypted file (armored)";
    size_t a = leading_armor(d, PGP_BEGIN);
    if (a != SIZE_MAX) return pgp_armor_encrypted(d, a) ? "OpenPGP encrypted message (armored)" : NULL;
    if (cms_encrypted(d)) return "CMS / S/MIME encrypted message";
    unsigned tag = 0;
    if (pgp_encrypted(d, false, &tag))
        return tag == 1 ? "OpenPGP message encrypted to a public key"
               : tag == 3 ? "OpenPGP message encrypted with a passphrase"
                          : "OpenPGP encrypted data";
    return NULL;
}

static int sealed_probe(const struct ls_object *o)
{
    /* above every format handler's guess on the same bytes: ciphertext
     * with a signature is ciphertext (an armored message is also text) */
    return ls_sealed_kind(o->data) ? 95 : 0;
}

static ls_err sealed_extract(struct ls_ctx *c, struct ls_object *o)
{
    const char *what = ls_sealed_kind(o->data);
    if (!what) return LS_OK;
    ls_note(c, o, LS_R_ENCRYPTED, "sealed: %s; nothing inside can be read without the key", what);
    ls_set_coverage_none(c, o);
    return LS_OK;
}

#define VAULT_HEAD_MAX 256u /* "$ANSIBLE_VAULT;1.2;AES256;vault-id": its line's length at most */
#define VAULT_HEX_MIN 32u   /* hex digits the next line starts with */

static const char VAULT_SIG[] = "$ANSIBLE_VAULT;1.";

static bool hex_digit(int ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* An Ansible Vault inside text at `at` (ansible-vault encrypt_string's
 * `!vault |` value in YAML, a vault pasted into a note or a mail): its
 * header line with only blanks before it on its line, a line of hex digits
 * next (indented as the first). */
static bool vault_inline_at(struct ls_slice text, size_t at)
{
    size_t ls = at;
    for (int ch; ls > 0 && ((ch = ls_slice_at(text, ls - 1)) == ' ' || ch == '\t');) ls--;
    if (ls > 0 && ls_slice_at(text, ls - 1) != '\n') return false;
    struct ls_slice head = ls_slice_make(NULL, 0);
    size_t n = text.len - at < VAULT_HEAD_MAX + 1 ? text.len - at : VAULT_HEAD_MAX + 1;
    if (!ls_slice_sub(text, at, n, &head)) return false;
    size_t nl = ls_slice_find(head, 0, "\n", 1); /* within the header line's longest */
    if (nl == SIZE_MAX) return false;
    nl += at;
    size_t p = nl + 1, hex = 0;
    for (int ch; (ch = ls_slice_at(text, p)) == ' ' || ch == '\t';) p++;
    while (hex < VAULT_HEX_MIN && hex_digit(ls_slice_at(text, p + hex))) hex++;
    return hex == VAULT_HEX_MIN;
}

void ls_sealed_note_blocks(struct ls_ctx *c, struct ls_object *o, struct ls_slice text)
{
    unsigned vaults = 0;
    size_t vault_first = SIZE_MAX;
    for (size_t at = ls_slice_find(text, 0, VAULT_SIG, sizeof VAULT_SIG - 1); at != SIZE_MAX;
         at = ls_slice_find(text, at + 1, VAULT_SIG, sizeof VAULT_SIG - 1)) {
        if (vault_inline_at(text, at) && vaults++ == 0) vault_first = at;
    }
    if (vaults)
        ls_note(c, o, LS_R_ENCRYPTED, "ansible: %u Ansible Vault value%s (the first at offset %zu) not read", vaults,
                vaults == 1 ? "" : "s", vault_first);

    unsigned sealed = 0, other = 0, broken = 0, limited = 0;
    size_t first = SIZE_MAX;
    for (size_t at = ls_slice_find(text, 0, PGP_BEGIN, sizeof PGP_BEGIN - 1); at != SIZE_MAX;
         at = ls_slice_find(text, at + 1, PGP_BEGIN, sizeof PGP_BEGIN - 1)) {
        if (!pgp_armor_encrypted(text, at)) {
            ls_err e = pgp_armor_read(c, o, text, at);
            if (e == LS_E_UNSUPPORTED) other++;
            else if (e == LS_E_CORRUPT) broken++;
            else if (e != LS_OK) limited++;
            continue;
        }
        if (sealed++ == 0) first = at;
    }
    if (sealed)
        ls_note(c, o, LS_R_ENCRYPTED, "pgp: %u encrypted OpenPGP message block%s (the first at offset %zu) not read",
                sealed, sealed == 1 ? "" : "s", first);
    /* a signed (not clear-signed) message carries its text inside the
     * base64, often compressed: decoded into children when it parses */
    if (other)
        ls_note(c, o, LS_R_UNSUPPORTED, "pgp: %u OpenPGP message block%s in a form not read (BZip2?)", other,
                other == 1 ? "" : "s");
    /* a block whose base64 or packets do not parse is a corrupt body, not
     * a format we lack (docs/manifest.md: parse_error) */
    if (broken)
        ls_note(c, o, LS_R_PARSE_ERROR, "pgp: %u OpenPGP message block%s could not be decoded (corrupt)", broken,
                broken == 1 ? "" : "s");
    if (limited)
        ls_note(c, o, LS_R_LIMIT_BYTES, "pgp: %u OpenPGP message block%s not read in full (byte budget)", limited,
                limited == 1 ? "" : "s");
}

const struct ls_handler ls_handler_sealed = {
    .name = "sealed",
    .probe = sealed_probe,
    .extract = sealed_extract,
};
