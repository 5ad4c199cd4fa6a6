/* Unit tests for the PDF handler's building blocks (src/extract/pdf_*.c):
 * lexer, filters, predictors, crypto primitives, CMaps, text strings.
 * Vectors: ISO 32000-1 7.4.4.2 (LZW example), RFC 1321 (MD5), FIPS-197
 * appendix C.1/C.3 (AES-128/256), NIST SP 800-38A F.2 (CBC), FIPS 180-4
 * examples (SHA-2), the classic RC4 "Key"/"Plaintext" vector. MD5, SHA-2
 * and AES are the OpenSSL wrappers of src/identify/crypto.c that
 * pdf_crypt.c calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/pdf_int.h"
#include "identify/ls_crypto.h"

static struct ls_slice S(const void *p, size_t n) { return ls_slice_make(p, n); }
static struct ls_slice Z(const char *s) { return ls_slice_make(s, strlen(s)); }

static void assert_buf(const struct ls_buf *b, const void *want, size_t n)
{
    assert_int_equal(b->len, n);
    if (n) assert_memory_equal(b->ptr, want, n);
}

/* ---- lexer ---- */

static void lex_tokens(void **st)
{
    (void)st;
    const char *in = "<< /Type /Pa#67e /N 12 -3.5 [ (x) <41 42 4> ] >> % comment\n true R";
    struct pdf_lex lx;
    struct pdf_token t;
    pdf_lex_init(&lx, Z(in), 0);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_DICT_OPEN);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_NAME);
    assert_true(ls_slice_eq_str(t.s, "Type"));
    pdf_lex_next(&lx, &t);
    assert_true(ls_slice_eq_str(t.s, "Page")); /* #67 is 'g' */
    pdf_lex_next(&lx, &t);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_INT);
    assert_int_equal(t.i, 12);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_REAL);
    assert_true(t.r == -3.5);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_ARR_OPEN);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_STR);
    assert_true(ls_slice_eq_str(t.s, "x"));
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_STR);
    assert_int_equal(t.s.len, 3); /* odd digit count: last padded with 0 */
    assert_memory_equal(t.s.ptr, "AB@", 3);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_ARR_CLOSE);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_DICT_CLOSE);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_KEYWORD);
    assert_true(ls_slice_eq_str(t.s, "true"));
    pdf_lex_next(&lx, &t);
    assert_true(ls_slice_eq_str(t.s, "R"));
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_EOF);
    pdf_lex_free(&lx);
}

static void lex_literal_escapes(void **st)
{
    (void)st;
    /* nested parens, \( \) \\, \n, octal (1-3 digits), line continuation,
     * bare CR LF as one newline, unknown escape keeps the character */
    const char *in = "(a(b)c\\)\\(\\\\\\n\\101\\7x\\060\\\r\nyz\r\nq\\q)";
    struct pdf_lex lx;
    struct pdf_token t;
    pdf_lex_init(&lx, Z(in), 0);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_STR);
    const char want[] = "a(b)c)(\\\nA\007x0yz\nqq";
    assert_int_equal(t.s.len, sizeof want - 1);
    assert_memory_equal(t.s.ptr, want, sizeof want - 1);
    pdf_lex_free(&lx);
}

static void lex_unterminated_string(void **st)
{
    (void)st;
    struct pdf_lex lx;
    struct pdf_token t;
    pdf_lex_init(&lx, Z("(abc"), 0);
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_STR);
    assert_true(ls_slice_eq_str(t.s, "abc"));
    pdf_lex_next(&lx, &t);
    assert_int_equal(t.t, PDF_T_EOF);
    pdf_lex_free(&lx);
}

static void parse_refs_and_nesting(void **st)
{
    (void)st;
    struct pdf_arena a;
    pdf_arena_init(&a, 1 << 20);
    struct pdf_parser p;
    pdf_parser_init(&p, NULL, &a, Z("<< /K [1 0 R 2 5] /D << /X null >> >>"), 0);
    struct pdf_token t;
    pdf_lex_next(&p.lx, &t);
    struct pdf_obj *o = pdf_parse_value(&p, &t);
    assert_int_equal(o->kind, PDF_DICT);
    struct pdf_obj *k = pdf_dict_get(o, "K");
    assert_non_null(k);
    assert_int_equal(k->kind, PDF_ARRAY);
    assert_int_equal(k->u.a.n, 3);
    assert_int_equal(k->u.a.v[0]->kind, PDF_REF);
    assert_int_equal(k->u.a.v[0]->u.ref.num, 1);
    assert_int_equal(k->u.a.v[1]->kind, PDF_INT);
    assert_int_equal(k->u.a.v[2]->u.i, 5);
    assert_int_equal(pdf_dict_get(pdf_dict_get(o, "D"), "X")->kind, PDF_NULL);
    pdf_parser_free(&p);
    /* deep nesting stops at PDF_MAX_NEST without recursion trouble */
    char deep[4096];
    memset(deep, '[', sizeof deep);
    pdf_parser_init(&p, NULL, &a, S(deep, sizeof deep), 0);
    pdf_lex_next(&p.lx, &t);
    (void)pdf_parse_value(&p, &t);
    assert_true(p.bad);
    pdf_parser_free(&p);
    pdf_arena_free(&a);
}

/* ---- filters ---- */

static void ascii_hex(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_ahx_decode(Z("48 65 6C6c6f 7>junk"), &b), LS_OK);
    assert_buf(&b, "Hellop", 6);
    ls_buf_reset(&b);
    assert_int_equal(pdf_ahx_decode(Z("4G"), &b), LS_E_CORRUPT);
    ls_buf_free(&b);
}

static void ascii85(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_a85_decode(Z("87cURD_*#IART@qBkDH1~>"), &b), LS_OK);
    assert_buf(&b, "Hello, leaksift!", 16);
    ls_buf_reset(&b);
    assert_int_equal(pdf_a85_decode(Z("<~z@:E^~>"), &b), LS_OK); /* z group, short tail */
    assert_buf(&b, "\0\0\0\0abc", 7);
    ls_buf_reset(&b);
    assert_int_equal(pdf_a85_decode(Z("s8W-!~>"), &b), LS_OK); /* 0xffffffff */
    assert_buf(&b, "\xff\xff\xff\xff", 4);
    ls_buf_reset(&b);
    assert_int_equal(pdf_a85_decode(Z("uuuuu~>"), &b), LS_E_CORRUPT); /* > 2^32 */
    ls_buf_free(&b);
}

static void lzw_spec_example(void **st)
{
    (void)st;
    static const uint8_t enc[] = {0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01};
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_lzw_decode(S(enc, sizeof enc), 1, &b), LS_OK);
    assert_buf(&b, "-----A---B", 10);
    ls_buf_reset(&b);
    static const uint8_t bad[] = {0x80, 0x0b, 0xff, 0xff, 0xff}; /* code past the table */
    assert_int_equal(pdf_lzw_decode(S(bad, sizeof bad), 1, &b), LS_E_CORRUPT);
    ls_buf_free(&b);
}

static void run_length(void **st)
{
    (void)st;
    static const uint8_t enc[] = {2, 'a', 'b', 'c', 0xfe, 'x', 0x80, 'j', 'u', 'n', 'k'};
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_rl_decode(S(enc, sizeof enc), &b), LS_OK);
    assert_buf(&b, "abcxxx", 6);
    ls_buf_reset(&b);
    static const uint8_t cut[] = {5, 'a', 'b'};
    assert_int_equal(pdf_rl_decode(S(cut, sizeof cut), &b), LS_E_TRUNCATED);
    assert_buf(&b, "ab", 2);
    ls_buf_free(&b);
}

static void flate_and_cap(void **st)
{
    (void)st;
    /* zlib.compress(b"hello hello hello") */
    static const uint8_t z[] = {0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x90,
                                0x00, 0x3a, 0x2e, 0x06, 0x7d};
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_flate_decode(S(z, sizeof z), &b, NULL, NULL), LS_OK);
    assert_buf(&b, "hello hello hello", 17);
    ls_buf_free(&b);
    ls_buf_init(&b, 5); /* cap: keep the first bytes, say LIMIT */
    assert_int_equal(pdf_flate_decode(S(z, sizeof z), &b, NULL, NULL), LS_E_LIMIT);
    assert_buf(&b, "hello", 5);
    ls_buf_free(&b);
    ls_buf_init(&b, 1024); /* cut stream: what decoded, TRUNCATED */
    assert_int_equal(pdf_flate_decode(S(z, 10), &b, NULL, NULL), LS_E_TRUNCATED);
    assert_true(b.len < 17);
    ls_buf_free(&b);
}

static void png_predictors(void **st)
{
    (void)st;
    static const uint8_t in[] = {1, 1, 1, 1, 2, 1, 1, 1, 3, 10, 20, 30, 4, 5, 250, 7};
    static const uint8_t want[] = {1, 2, 3, 2, 3, 4, 11, 27, 45, 16, 21, 52};
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_predict(S(in, sizeof in), 12, 1, 8, 3, &b), LS_OK);
    assert_buf(&b, want, sizeof want);
    ls_buf_reset(&b);
    static const uint8_t tiff[] = {1, 1, 1, 1};
    assert_int_equal(pdf_predict(S(tiff, 4), 2, 1, 8, 4, &b), LS_OK);
    assert_buf(&b, "\1\2\3\4", 4);
    ls_buf_reset(&b);
    assert_int_equal(pdf_predict(S(in, sizeof in), 12, 0, 8, 3, &b), LS_E_CORRUPT); /* Colors 0 */
    ls_buf_free(&b);
}

/* ---- crypto ---- */

static void md5_vectors(void **st)
{
    (void)st;
    uint8_t h[LS_DIGEST_MAX];
    char hex[33];
    assert_int_equal(ls_digest(LS_DIGEST_MD5, NULL, 0, h), 16);
    ls_hex(h, 16, hex);
    assert_string_equal(hex, "d41d8cd98f00b204e9800998ecf8427e");
    const struct ls_slice msg = Z("12345678901234567890123456789012345678901234567890123456789012345678901234567890");
    assert_int_equal(ls_digest(LS_DIGEST_MD5, &msg, 1, h), 16);
    ls_hex(h, 16, hex);
    assert_string_equal(hex, "57edf4a22be3c955ac49da2e2107b67a");
    /* the same message in three parts (one of them empty) */
    const struct ls_slice parts[3] = {S(msg.ptr, 7), S(NULL, 0), S(&msg.ptr[7], msg.len - 7)};
    assert_int_equal(ls_digest(LS_DIGEST_MD5, parts, 3, h), 16);
    ls_hex(h, 16, hex);
    assert_string_equal(hex, "57edf4a22be3c955ac49da2e2107b67a");
}

static void rc4_vector(void **st)
{
    (void)st;
    uint8_t buf[] = "Plaintext";
    pdf_rc4(Z("Key"), buf, 9);
    assert_memory_equal(buf, "\xbb\xf3\x16\xe8\xd9\x40\xaf\x0a\xd3", 9);
}

static const uint8_t zero_iv[16];

static void aes_fips197(void **st)
{
    (void)st;
    uint8_t key[16], ct[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                               0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
    uint8_t pt[16];
    for (int i = 0; i < 16; i++) key[i] = (uint8_t)i;
    /* CBC with a zero IV over one block is the bare block cipher */
    assert_int_equal(ls_aes_cbc(false, S(key, 16), zero_iv, S(ct, 16), pt), LS_OK);
    assert_memory_equal(pt, "\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff", 16);
    /* CBC with a zero IV: one block, PKCS#5 padding not valid -> kept */
    uint8_t in[32] = {0};
    memcpy(&in[16], ct, 16);
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_aes128_cbc_decrypt(key, S(in, 32), &b), LS_OK);
    assert_int_equal(b.len, 16);
    ls_buf_free(&b);
    /* bad key length, ragged input */
    assert_int_equal(ls_aes_cbc(false, S(key, 15), zero_iv, S(ct, 16), pt), LS_E_ARG);
    assert_int_equal(ls_aes_cbc(false, S(key, 16), zero_iv, S(ct, 15), pt), LS_E_ARG);
}

static void aes256_and_encrypt(void **st)
{
    (void)st;
    uint8_t key[32], pt[16], ct[16], back[16];
    for (int i = 0; i < 32; i++) key[i] = (uint8_t)i;
    memcpy(pt, "\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff", 16);
    assert_int_equal(ls_aes_cbc(true, S(key, 32), zero_iv, S(pt, 16), ct), LS_OK); /* FIPS-197 C.3 */
    assert_memory_equal(ct, "\x8e\xa2\xb7\xca\x51\x67\x45\xbf\xea\xfc\x49\x90\x4b\x49\x60\x89", 16);
    assert_int_equal(ls_aes_cbc(false, S(key, 32), zero_iv, S(ct, 16), back), LS_OK);
    assert_memory_equal(back, pt, 16);
    assert_int_equal(ls_aes_cbc(true, S(key, 16), zero_iv, S(pt, 16), ct), LS_OK); /* FIPS-197 C.1 */
    assert_memory_equal(ct, "\x69\xc4\xe0\xd8\x6a\x7b\x04\x30\xd8\xcd\xb7\x80\x70\xb4\xc5\x5a", 16);
}

/* NIST SP 800-38A F.2.1/F.2.2 (CBC-AES128): chaining over several blocks */
static void aes_cbc_sp800_38a(void **st)
{
    (void)st;
    static const uint8_t key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
                                    0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};
    uint8_t iv[16], pt[32], ct[32];
    for (int i = 0; i < 16; i++) iv[i] = (uint8_t)i;
    memcpy(pt, "\x6b\xc1\xbe\xe2\x2e\x40\x9f\x96\xe9\x3d\x7e\x11\x73\x93\x17\x2a"
               "\xae\x2d\x8a\x57\x1e\x03\xac\x9c\x9e\xb7\x6f\xac\x45\xaf\x8e\x51", 32);
    assert_int_equal(ls_aes_cbc(true, S(key, 16), iv, S(pt, 32), ct), LS_OK);
    assert_memory_equal(ct, "\x76\x49\xab\xac\x81\x19\xb2\x46\xce\xe9\x8e\x9b\x12\xe9\x19\x7d"
                            "\x50\x86\xcb\x9b\x50\x72\x19\xee\x95\xdb\x11\x3a\x91\x76\x78\xb2", 32);
    /* the PDF framing: IV first, decrypted back, no padding to strip */
    uint8_t in[48];
    memcpy(in, iv, 16);
    memcpy(&in[16], ct, 32);
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_aes128_cbc_decrypt(key, S(in, 48), &b), LS_OK);
    assert_buf(&b, pt, 32);
    ls_buf_free(&b);
}

/* A stream longer than one decryption piece (256 KiB): chaining across
 * pieces, padding stripped at the very end only, a ragged tail, a cap. */
static void aes_cbc_long_stream(void **st)
{
    (void)st;
    const size_t n = 600000, padded = n + 16 - n % 16;
    uint8_t key[16], iv[16];
    for (int i = 0; i < 16; i++) {
        key[i] = (uint8_t)(0xa0 + i);
        iv[i] = (uint8_t)(i * 7);
    }
    uint8_t *pt = malloc(padded), *in = malloc(16 + padded + 5);
    assert_non_null(pt);
    assert_non_null(in);
    for (size_t i = 0; i < n; i++) pt[i] = (uint8_t)(i * 31 + (i >> 9));
    memset(&pt[n], (int)(padded - n), padded - n);
    memcpy(in, iv, 16);
    assert_int_equal(ls_aes_cbc(true, S(key, 16), iv, S(pt, padded), &in[16]), LS_OK);
    struct ls_buf b;
    ls_buf_init(&b, 1 << 20);
    assert_int_equal(pdf_aes128_cbc_decrypt(key, S(in, 16 + padded), &b), LS_OK);
    assert_buf(&b, pt, n);
    ls_buf_reset(&b);
    memset(&in[16 + padded], 0x55, 5); /* ragged tail: whole blocks out, then corrupt */
    assert_int_equal(pdf_aes128_cbc_decrypt(key, S(in, 16 + padded + 5), &b), LS_E_CORRUPT);
    assert_buf(&b, pt, n);
    ls_buf_free(&b);
    ls_buf_init(&b, 1000); /* a cap: the first bytes, then the limit */
    assert_int_equal(pdf_aes128_cbc_decrypt(key, S(in, 16 + padded), &b), LS_E_LIMIT);
    assert_buf(&b, pt, 1000);
    ls_buf_free(&b);
    free(pt);
    free(in);
}

static void sha2_vectors(void **st)
{
    (void)st;
    uint8_t h[LS_DIGEST_MAX];
    char hex[129];
    const struct ls_slice abc = Z("abc");
    assert_int_equal(ls_digest(LS_DIGEST_SHA256, &abc, 1, h), 32);
    ls_hex(h, 32, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_int_equal(ls_digest(LS_DIGEST_SHA1, &abc, 1, h), 20); /* FIPS 180 "abc" */
    ls_hex(h, 20, hex);
    assert_string_equal(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
    assert_int_equal(ls_digest(LS_DIGEST_SHA384, &abc, 1, h), 48);
    ls_hex(h, 48, hex);
    assert_string_equal(hex, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                             "8086072ba1e7cc2358baeca134c825a7");
    assert_int_equal(ls_digest(LS_DIGEST_SHA512, &abc, 1, h), 64);
    ls_hex(h, 64, hex);
    assert_string_equal(hex, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                             "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    /* two-block message (56 bytes: padding spills into a second block) */
    const struct ls_slice two = Z("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    assert_int_equal(ls_digest(LS_DIGEST_SHA256, &two, 1, h), 32);
    ls_hex(h, 32, hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* ---- text ---- */

static const char cmap_src[] =
    "/CIDInit /ProcSet findresource begin begincmap\n"
    "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    "2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar\n"
    "2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0078> <D83DDE00>] endbfrange\n"
    "endcmap\n";

static void cmap_lookup(void **st)
{
    (void)st;
    struct pdf_arena a;
    pdf_arena_init(&a, 1 << 20);
    struct pdf_cmap *cm = pdf_cmap_parse(&a, Z(cmap_src));
    assert_non_null(cm);
    static const uint8_t codes[] = {0x00, 0x24, 0x00, 0x26, 0x00, 0x03, 0x00, 0x11,
                                    0x00, 0x31, 0x00, 0x99};
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    struct ls_slice s = S(codes, sizeof codes);
    size_t pos = 0, n;
    uint32_t code;
    int unmapped = 0;
    while ((n = pdf_cmap_code(cm, s, pos, 1, &code)) > 0) {
        ls_err e;
        assert_int_equal(n, 2);
        if (!pdf_cmap_map(cm, code, n, &b, &e)) unmapped++;
        assert_int_equal(e, LS_OK);
        pos += n;
    }
    assert_int_equal(unmapped, 1); /* 0x0099 */
    assert_string_equal(ls_buf_str(&b), "AC fi\xf0\x9f\x98\x80");
    ls_buf_free(&b);
    pdf_arena_free(&a);
}

static void text_strings(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(pdf_text_string(S("\xfe\xff\x00J\x00o\x20\x22", 8), &b), LS_OK);
    assert_string_equal(ls_buf_str(&b), "Jo\xe2\x80\xa2");
    ls_buf_reset(&b);
    assert_int_equal(pdf_text_string(S("a\x80\x84\xe9", 4), &b), LS_OK); /* PDFDocEncoding */
    assert_string_equal(ls_buf_str(&b), "a\xe2\x80\xa2\xe2\x80\x94\xc3\xa9");
    ls_buf_free(&b);
    assert_int_equal(pdf_glyph_unicode(Z("uni20AC")), 0x20ac);
    assert_int_equal(pdf_glyph_unicode(Z("hyphen")), '-');
    assert_int_equal(pdf_glyph_unicode(Z("Q")), 'Q');
    assert_int_equal(pdf_glyph_unicode(Z("g123")), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lex_tokens),
        cmocka_unit_test(lex_literal_escapes),
        cmocka_unit_test(lex_unterminated_string),
        cmocka_unit_test(parse_refs_and_nesting),
        cmocka_unit_test(ascii_hex),
        cmocka_unit_test(ascii85),
        cmocka_unit_test(lzw_spec_example),
        cmocka_unit_test(run_length),
        cmocka_unit_test(flate_and_cap),
        cmocka_unit_test(png_predictors),
        cmocka_unit_test(md5_vectors),
        cmocka_unit_test(rc4_vector),
        cmocka_unit_test(aes_fips197),
        cmocka_unit_test(aes256_and_encrypt),
        cmocka_unit_test(aes_cbc_sp800_38a),
        cmocka_unit_test(aes_cbc_long_stream),
        cmocka_unit_test(sha2_vectors),
        cmocka_unit_test(cmap_lookup),
        cmocka_unit_test(text_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
