/* Unit tests for src/identify: extension of a name, the extension/content
 * mismatch table, SHA-256 and HMAC-SHA256 (FIPS 180-2 and RFC 4231
 * vectors), random bytes, and libmagic on bytes in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/ls_core.h"
#include "identify/identify.h"

static struct ls_slice S(const void *p, size_t n) { return ls_slice_make(p, n); }
static struct ls_slice Z(const char *s) { return ls_slice_make(s, strlen(s)); }

/* ---- extension of a name ---- */

static void expect_ext(const char *name, size_t n, const char *want)
{
    char out[16];
    memset(out, 'Z', sizeof out);
    ls_ext_of((const uint8_t *)name, n, out);
    assert_string_equal(out, want);
}
#define EXT(name, want) expect_ext(name, sizeof(name) - 1, want)

static void ext_of_names(void **st)
{
    (void)st;
    EXT("report.pdf", "pdf");
    EXT("REPORT.PDF", "pdf");
    EXT("Invoice.DocX", "docx");
    EXT("archive.tar.gz", "gz");
    EXT("dir/sub/file.txt", "txt");
    EXT("dir\\sub\\file.TXT", "txt");
    EXT("noext", "");
    EXT("dir.d/noext", ""); /* the dot is in a folder name */
    EXT("dir.d\\noext", "");
    EXT("trailing.", "");
    EXT("", "");
    EXT("a.7z", "7z");
    EXT("x.abcdefghijklmno", "abcdefghijklmno"); /* 15: the longest kept */
    EXT("x.abcdefghijklmnop", "");               /* 16: implausible */
    EXT("x.t-t", "");
    EXT("x.t t", "");
    EXT("caf\xe9.txt", "txt");
    EXT("x.\xe9t", "");
    EXT("x.tx\0t", "");
}

/* ---- extension vs. content ---- */

static void mismatch_table(void **st)
{
    (void)st;
    static const struct {
        const char *ext, *mime;
        bool want;
    } v[] = {
        /* a name that lies about what it is */
        {"pdf", "application/x-dosexec", true},
        {"pdf", "application/zip", true},
        {"docx", "application/x-dosexec", true},
        {"xlsx", "application/pdf", true},
        {"txt", "image/png", true},
        {"png", "application/x-executable", true},
        {"jpg", "text/html", true},
        {"zip", "application/x-dosexec", true},
        {"mp3", "application/pdf", true},
        {"gz", "application/zip", true},
        /* names that match, including families that share a container */
        {"pdf", "application/pdf", false},
        {"docx", "application/zip", false},
        {"xlsx", "application/x-ole-storage", false}, /* password-protected OOXML */
        {"pptx", "application/CDFV2", false},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false},
        {"xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", false},
        {"odt", "application/vnd.oasis.opendocument.text", false},
        {"jar", "application/java-archive", false},
        {"doc", "application/msword", false},
        {"doc", "text/rtf", false},
        {"doc", "text/html", false},
        {"doc", "application/CDFV2", false},
        {"xls", "application/vnd.ms-excel", false},
        {"xls", "text/html", false},
        {"msg", "application/vnd.ms-outlook", false},
        {"msg", "message/rfc822", false}, /* RFC 822 mail saved as .msg */
        {"msg", "application/x-dosexec", true},
        {"ppt", "application/vnd.ms-powerpoint", false},
        /* a docx/pptx under the legacy name; a docx zipped under .zip */
        {"doc", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false},
        {"ppt", "application/vnd.openxmlformats-officedocument.presentationml.presentation", false},
        {"zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false},
        {"doc", "application/x-dosexec", true},
        /* .pub: Publisher, or an SSH / PGP public key */
        {"pub", "text/plain", false},
        {"pub", "application/vnd.ms-publisher", false},
        {"pub", "application/x-dosexec", true},
        /* a .tar.gz saved decompressed */
        {"gz", "application/x-tar", false},
        {"gz", "application/pdf", true},
        {"exe", "application/x-dosexec", false},
        {"dll", "application/vnd.microsoft.portable-executable", false},
        {"jpg", "image/png", false}, /* image for image: not worth an alert */
        {"png", "image/png", false},
        {"mp4", "video/mp4", false},
        {"gz", "application/gzip", false},
        {"tgz", "application/x-gzip", false},
        {"txt", "text/plain", false},
        {"csv", "text/csv", false},
        {"csv", "text/plain", false},
        {"html", "text/html", false},
        {"json", "application/json", false},
        {"eml", "message/rfc822", false},
        {"rtf", "text/rtf", false},
        /* unknown on either side: never an alert */
        {"bin", "application/x-dosexec", false},
        {"dat", "application/pdf", false},
        {"pdf", "application/octet-stream", false},
        {"pdf", "", false},
        {"", "application/x-dosexec", false},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        if (ls_ext_mismatch(v[i].ext, v[i].mime) != v[i].want)
            fail_msg("ls_ext_mismatch(\"%s\", \"%s\") should be %s", v[i].ext, v[i].mime,
                     v[i].want ? "true" : "false");
    }
    assert_false(ls_ext_mismatch(NULL, "application/pdf"));
    assert_false(ls_ext_mismatch("pdf", NULL));
}

/* ---- hashes ---- */

static void expect_hex(const uint8_t d[32], const char *want)
{
    char hex[65];
    ls_hex(d, 32, hex);
    assert_string_equal(hex, want);
}

static void sha256_vectors(void **st)
{
    (void)st;
    uint8_t d[32];
    ls_sha256(S(NULL, 0), d);
    expect_hex(d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ls_sha256(Z("abc"), d);
    expect_hex(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    ls_sha256(Z("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), d);
    expect_hex(d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    size_t n = 1000000;
    uint8_t *a = malloc(n);
    assert_non_null(a);
    memset(a, 'a', n);
    ls_sha256(S(a, n), d);
    expect_hex(d, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

static void expect_hmac(struct ls_slice key, struct ls_slice msg, const char *want)
{
    uint8_t d[32];
    /* the same MAC whatever the split of the message into a || b */
    size_t cuts[4] = {0, msg.len / 3, msg.len / 2, msg.len};
    for (int i = 0; i < 4; i++) {
        struct ls_slice a, b;
        assert_true(ls_slice_sub(msg, 0, cuts[i], &a));
        assert_true(ls_slice_from(msg, cuts[i], &b));
        memset(d, 0, sizeof d);
        ls_hmac_sha256(key, a, b, d);
        expect_hex(d, want);
    }
}

static void hmac_rfc4231(void **st)
{
    (void)st;
    uint8_t k0b[20], kaa[131], dd[50];
    memset(k0b, 0x0b, sizeof k0b);
    memset(kaa, 0xaa, sizeof kaa);
    memset(dd, 0xdd, sizeof dd);
    /* test case 1 */
    expect_hmac(S(k0b, 20), Z("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    /* test case 2 */
    expect_hmac(Z("Jefe"), Z("what do ya want for nothing?"),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /* test case 3 */
    expect_hmac(S(kaa, 20), S(dd, 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    /* test case 6: key longer than a block is hashed first */
    expect_hmac(S(kaa, 131), Z("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    /* test case 7 */
    expect_hmac(S(kaa, 131),
                Z("This is a test using a larger than block-size key and a larger than "
                  "block-size data. The key needs to be hashed before being used by the HMAC "
                  "algorithm."),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void hmac_edges(void **st)
{
    (void)st;
    char k64[65], k65[66];
    memset(k64, 'k', 64);
    k64[64] = 0;
    memset(k65, 'k', 65);
    k65[65] = 0;
    expect_hmac(S(NULL, 0), S(NULL, 0),
                "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    expect_hmac(Z(k64), Z("msg"), "d62ad25bb128e96ab6ef43464aaf2bb91b5b85f013381e9ba6be747e8d0911b2");
    expect_hmac(Z(k65), Z("msg"), "c65585780e821bd312cfaa440c33cb28d6af6b323d4977ae83934834ce589e38");
    /* a fingerprint as DESIGN.md defines it: entity ":" normalised value */
    uint8_t d[32];
    ls_hmac_sha256(Z("fp-key"), Z("ssn:"), Z("536228415"), d);
    expect_hex(d, "b6a5b382610cdb0e37489f6cfb91e397b7c7136b4b1c43bc8961a7f66e2c89e0");
}

static void random_bytes(void **st)
{
    (void)st;
    uint8_t a[32], b[32], zero[32] = {0};
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    assert_true(ls_random(a, sizeof a));
    assert_true(ls_random(b, sizeof b));
    assert_memory_not_equal(a, b, sizeof a);
    assert_memory_not_equal(a, zero, sizeof a);
}

/* ---- libmagic on bytes ---- */

static struct ls_magic *g_magic;

static int magic_setup(void **st)
{
    (void)st;
    char err[256] = "";
    if (ls_magic_open(&g_magic, err, sizeof err) != LS_OK) {
        print_error("ls_magic_open: %s\n", err);
        return -1;
    }
    return 0;
}

static int magic_teardown(void **st)
{
    (void)st;
    ls_magic_close(g_magic);
    g_magic = NULL;
    return 0;
}

static void expect_mime(struct ls_slice data, const char *want_mime, const char *desc_prefix)
{
    char mime[128], desc[256];
    memset(mime, 'Z', sizeof mime);
    memset(desc, 'Z', sizeof desc);
    ls_magic_identify(g_magic, data, NULL, mime, sizeof mime, desc, sizeof desc, true);
    assert_string_equal(mime, want_mime);
    if (desc_prefix && strncmp(desc, desc_prefix, strlen(desc_prefix)) != 0)
        fail_msg("description \"%s\" does not start with \"%s\"", desc, desc_prefix);
}

static const char zip_bytes[] =
    "PK\x03\x04\x0a\0\0\0\0\0\0\0!\0\x3a\xa6\x2e\x97\x02\0\0\0\x02\0\0\0\x05\0\0\0a.txtx\n"
    "PK\x01\x02\x14\x03\x0a\0\0\0\0\0\0\0!\0\x3a\xa6\x2e\x97\x02\0\0\0\x02\0\0\0\x05\0\0\0\0\0\0\0\0\0"
    "\0\0\xa4\x81\0\0\0\0a.txt"
    "PK\x05\x06\0\0\0\0\x01\0\x01\0\x33\0\0\0\x25\0\0\0\0\0";

static void magic_common_types(void **st)
{
    (void)st;
    expect_mime(S(NULL, 0), "application/x-empty", "empty");
    expect_mime(Z("plain words about pallets\n"), "text/plain", "ASCII text");
    expect_mime(Z("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"), "application/pdf",
                "PDF document");
    /* 29 bytes: signature, IHDR length and type, width, height, depth, colour, 3 more */
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
    expect_mime(S(png, sizeof png - 1), "image/png",
                "PNG image data");
    expect_mime(S(zip_bytes, sizeof zip_bytes - 1), "application/zip", "Zip archive");
    expect_mime(S("\x1f\x8b\x08\0\0\0\0\0\0\x03\x03\0\0\0\0\0\0\0\0\0", 20), "application/gzip", "gzip");
    expect_mime(Z("{\"a\": [1, 2, 3], \"b\": {\"c\": \"d\"}}\n"), "application/json", "JSON");
}

/* Same answers as `file --mime-type` (same libmagic): HTML and CSV are told
 * apart from plain text. */
static void magic_html_and_csv(void **st)
{
    (void)st;
    expect_mime(Z("<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>hello</p></body></html>\n"),
                "text/html", "HTML document");
    expect_mime(Z("item,qty,depot\nbolt,12,north\nnut,7,south\nwasher,30,east\n"), "text/csv", "CSV");
}

static void magic_large_buffer(void **st)
{
    (void)st;
    size_t n = 4u << 20;
    uint8_t *p = malloc(n);
    assert_non_null(p);
    memset(p, 'a', n);
    memcpy(p, "%PDF-1.7\n", 9);
    expect_mime(S(p, n), "application/pdf", NULL);
    free(p);
}

static void magic_small_caps_truncate(void **st)
{
    (void)st;
    char mime[5], desc[4];
    ls_magic_identify(g_magic, Z("%PDF-1.4\n%%EOF\n"), NULL, mime, sizeof mime, desc, sizeof desc, true);
    assert_string_equal(mime, "appl");
    assert_string_equal(desc, "PDF");
}

static void magic_description_only_when_wanted_or_unknown(void **st)
{
    (void)st;
    char mime[64], desc[128];
    ls_magic_identify(g_magic, Z("%PDF-1.4\n%%EOF\n"), NULL, mime, sizeof mime, desc, sizeof desc, false);
    assert_string_equal(mime, "application/pdf");
    assert_string_equal(desc, ""); /* known type, not wanted: skipped */
    static const uint8_t junk[] = {0x00, 0x9c, 0x01, 0xf3, 0x7e, 0x00, 0x11, 0xfe, 0x80, 0x00};
    ls_magic_identify(g_magic, S(junk, sizeof junk), NULL, mime, sizeof mime, desc, sizeof desc, false);
    assert_string_equal(mime, "application/octet-stream");
    assert_string_equal(desc, "data"); /* unknown type: the description is the only clue */
}

/* Text objects get libmagic's text tests on their first 4 KiB only; the
 * answer must still be the one for the whole window (64 KiB). */

/* Text whose binary byte lies past the first 4 KiB is binary for libmagic:
 * the cheap "is it text" check must look at the whole window. */
static void magic_text_with_binary_tail(void **st)
{
    (void)st;
    enum { N = 30000 };
    static uint8_t t[N];
    for (size_t i = 0; i < N; i++) t[i] = (uint8_t)(i % 61 == 60 ? '\n' : 'a' + i % 26);
    expect_mime(S(t, N), "text/plain", "ASCII text");
    t[10000] = 0x00; /* past 4 KiB, within the description's 16 KiB */
    expect_mime(S(t, N), "application/octet-stream", "data");
    t[10000] = 0x7f; /* DEL is binary for libmagic too */
    expect_mime(S(t, N), "application/octet-stream", "data");
    t[10000] = 0x1b; /* ESC is text */
    expect_mime(S(t, N), "text/plain", NULL);
}

/* A JSON document cut at 4 KiB is no longer JSON for libmagic: JSON-looking
 * text (after white space) keeps the whole window. */
static void magic_long_json(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_buf_add(&b, " \n[", 3), LS_OK);
    for (int i = 0; i < 300; i++) {
        char row[96];
        int n = snprintf(row, sizeof row, "%s{\"name\": \"user%d\", \"n\": %d}\n", i ? "," : "", i, i);
        assert_int_equal(ls_buf_add(&b, row, (size_t)n), LS_OK);
    }
    assert_int_equal(ls_buf_add(&b, "]\n", 2), LS_OK);
    assert_true(b.len > 8192);
    expect_mime(ls_buf_slice(&b), "application/json", "JSON");
    ls_buf_free(&b);
}

/* A C source whose licence comment is longer than 1 KiB: `file` says
 * text/x-c, and so must the 4 KiB prefix. */
static void magic_c_source_after_long_comment(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_buf_add(&b, "/*\n", 3), LS_OK);
    for (int i = 0; i < 30; i++)
        assert_int_equal(ls_buf_add(&b, " * Redistribution and use in source and binary forms.\n", 54), LS_OK);
    static const char code[] = " */\n#include <stdio.h>\n#include <string.h>\n\nint main(void)\n{\n"
                               "    puts(\"hi\");\n    return 0;\n}\n";
    for (int i = 0; i < 200; i++) assert_int_equal(ls_buf_add(&b, code, sizeof code - 1), LS_OK);
    assert_true(b.len > 16384);
    expect_mime(ls_buf_slice(&b), "text/x-c", "C source");
    ls_buf_free(&b);
}

/* A text root's description is asked first (magic.c, plain_text_desc()):
 * when it names only the encoding the MIME type is text/plain without a
 * second call; any other description gets the MIME call. Both describe the
 * same 4 KiB, so a C source whose code starts past 2 KiB is "C source" in
 * both (the description used to come from 2 KiB: "ASCII text" beside
 * text/x-c). */
static void magic_text_root_description_first(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_buf_add(&b, "/*\n", 3), LS_OK);
    for (int i = 0; i < 50; i++) /* 2,700 bytes of comment */
        assert_int_equal(ls_buf_add(&b, " * Redistribution and use in source and binary forms.\n", 54), LS_OK);
    static const char code[] = " */\n#include <stdio.h>\n#include <string.h>\n\nint main(void)\n{\n"
                               "    puts(\"hi\");\n    return 0;\n}\n";
    for (int i = 0; i < 20; i++) assert_int_equal(ls_buf_add(&b, code, sizeof code - 1), LS_OK);
    expect_mime(ls_buf_slice(&b), "text/x-c", "C source");
    ls_buf_free(&b);
    /* plain text of every shape: text/plain, the description as libmagic's */
    static const char *const plain[][2] = {
        {"caf\xe9 au lait, cr\xe8me br\xfbl\xe9" "e\n", "ISO-8859 text"},
        {"no line end at all", "ASCII text, with no line terminators"},
        {"one\r\ntwo\r\nthree\n", "ASCII text, with CRLF, LF line terminators"},
        {"bold \x1b[1mword\x1b[0m\n", "ASCII text, with escape sequences"},
        {"\xef\xbb\xbf" "BOM first\n", "Unicode text, UTF-8 (with BOM) text"},
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        char mime[128], desc[256];
        ls_magic_identify(g_magic, ls_slice_make(plain[i][0], strlen(plain[i][0])), NULL, mime, sizeof mime,
                          desc, sizeof desc, true);
        assert_string_equal(mime, "text/plain");
        assert_string_equal(desc, plain[i][1]);
    }
    /* a description that is not plain: the MIME call decides */
    expect_mime(Z("From: a@b.example\nTo: c@d.example\nSubject: hi\n\nbody\n"), "message/rfc822", NULL);
    expect_mime(Z("#!/bin/sh\necho hi\n"), "text/x-shellscript", "POSIX shell script");
}

/* The prefix never cuts a UTF-8 sequence or a CRLF: UTF-8 text stays "UTF-8" in the
 * description (2 KiB; a cut sequence would make it "ISO-8859") and
 * text/plain (4 KiB) when a two-byte character straddles either boundary. */
static void magic_utf8_not_cut(void **st)
{
    (void)st;
    enum { N = 12000 };
    static uint8_t t[N];
    for (size_t i = 0; i < N; i++) t[i] = (uint8_t)(i % 61 == 60 ? '\n' : 'a' + i % 26);
    t[100] = 0xc3, t[101] = 0xa9;   /* U+00E9 */
    t[2047] = 0xc3, t[2048] = 0xa9; /* and across 2 KiB */
    t[4095] = 0xc3, t[4096] = 0xa9; /* and across 4 KiB */
    expect_mime(S(t, N), "text/plain", "Unicode text, UTF-8 text");
    /* nor a CRLF: CRLF text stays "with CRLF line terminators" */
    for (size_t i = 0; i < N; i++)
        t[i] = (uint8_t)(i % 64 == 63 ? '\r' : i % 64 == 0 && i ? '\n' : 'a' + i % 26); /* CR at 2047 */
    expect_mime(S(t, N), "text/plain", "ASCII text, with CRLF line terminators");
}

/* ---- a PDF header past byte 0 ----
 * libmagic itself calls text with "%PDF-" near its start a PDF; these
 * bodies have a binary stream, as most PDFs do, so libmagic says
 * application/octet-stream and the rule in magic.c decides. */

static const char pdf_text[] = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                               "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                               "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
static const char pdf_bin[] = "%PDF-1.5\n1 0 obj\n<< /Length 4 >>\nstream\n\x01\x00\x9c\x02\nendstream\n"
                              "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

static void expect_prefixed(const char *prefix, const char *body, size_t body_len, const char *want_mime,
                            const char *desc_prefix)
{
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_buf_add(&b, prefix, strlen(prefix)), LS_OK);
    assert_int_equal(ls_buf_add(&b, body, body_len), LS_OK);
    expect_mime(ls_buf_slice(&b), want_mime, desc_prefix);
    ls_buf_free(&b);
}
#define PDF_BIN pdf_bin, sizeof pdf_bin - 1
#define PDF_TEXT pdf_text, sizeof pdf_text - 1

static void magic_pdf_after_junk(void **st)
{
    (void)st;
    expect_prefixed("", PDF_BIN, "application/pdf", "PDF document, version 1.5");
    expect_prefixed("\r\n  \n", PDF_BIN, "application/pdf", "PDF document, version 1.5");
    expect_prefixed("=== export 2021-03-04 ===\r\n", PDF_BIN, "application/pdf", "PDF document, version 1.5");
    expect_prefixed("\x01\x02\x03\x10\x11", PDF_BIN, "application/pdf", "PDF document, version 1.5");
    /* a saved attachment: mail headers, then the PDF */
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    static const char hdr[] = "Received: from mx.example.com\r\nContent-Type: application/pdf\r\n\r\n";
    assert_int_equal(ls_buf_add(&b, hdr, sizeof hdr - 1), LS_OK);
    assert_int_equal(ls_buf_add(&b, pdf_bin, sizeof pdf_bin - 1), LS_OK);
    char desc[256], mime[64];
    ls_magic_identify(g_magic, ls_buf_slice(&b), NULL, mime, sizeof mime, desc, sizeof desc, true);
    assert_string_equal(mime, "application/pdf");
    if (strcmp(desc, "PDF document, version 1.5 (header at offset 64)") != 0) fail_msg("description \"%s\"", desc);
    ls_buf_free(&b);
}

static void magic_pdf_after_junk_not_otherwise(void **st)
{
    (void)st;
    /* an e-mail quoting a header stays an e-mail (libmagic's answer) */
    expect_prefixed("Return-Path: <a@example.com>\nReceived: from mx.example.com\nFrom: a@example.com\n"
                    "To: b@example.com\nSubject: the file\n\nHere it is, inline:\n",
                    PDF_TEXT, "message/rfc822", NULL);
    /* something specific before the header stays what it is */
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_buf_add(&b, png, sizeof png - 1), LS_OK);
    assert_int_equal(ls_buf_add(&b, pdf_bin, sizeof pdf_bin - 1), LS_OK);
    expect_mime(ls_buf_slice(&b), "image/png", NULL);
    ls_buf_free(&b);
    /* libmagic knows AppleSingle without a MIME type: it stays what it is */
    static const char apple[] = "\x00\x05\x16\x00\x00\x02\x00\x00\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                                "\x00\x01\x00\x00\x00\x01\x00\x00\x00\x26\x00\x00\x01\x00";
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_buf_add(&b, apple, sizeof apple - 1), LS_OK);
    assert_int_equal(ls_buf_add(&b, pdf_bin, sizeof pdf_bin - 1), LS_OK);
    expect_mime(ls_buf_slice(&b), "application/octet-stream", "AppleSingle");
    ls_buf_free(&b);
    /* "%PDF-" must lie in the first 1024 bytes: at 1019 it does, at 1020 not */
    char pad[1021];
    memset(pad, 'x', sizeof pad - 1);
    pad[1019] = '\n';
    pad[1020] = 0;
    expect_prefixed(pad, PDF_BIN, "application/octet-stream", "data");
    pad[1018] = '\n';
    pad[1019] = 0;
    expect_prefixed(pad, PDF_BIN, "application/pdf", NULL);
    /* bytes that merely mention the header: no version, or no object */
    static const char no_version[] = "\x01\x02 every PDF starts with %PDF- and a version; obj follows\x00";
    expect_mime(S(no_version, sizeof no_version - 1), "application/octet-stream", "data");
    static const char no_obj[] = "\x01\x02 ours start with %PDF-1.4 and that is all\x00";
    expect_mime(S(no_obj, sizeof no_obj - 1), "application/octet-stream", "data");
}

/* The memo of answers must never hand one object's answer to another:
 * B differs from A in one byte only (same length), and libmagic tells them
 * apart; so do a prefix of A, and A under another object's hash. */
static void magic_memo_is_exact(void **st)
{
    (void)st;
    enum { N = 4000 };
    static uint8_t a[N], b[N];
    for (size_t i = 0; i < N; i++) a[i] = (uint8_t)(i % 61 == 60 ? '\n' : 'a' + i % 26);
    memcpy(b, a, N);
    b[1] = 0x00; /* a NUL makes it binary */
    char mime[128], desc[256];
    for (int round = 0; round < 3; round++) {
        ls_magic_identify(g_magic, S(a, N), NULL, mime, sizeof mime, desc, sizeof desc, false);
        assert_string_equal(mime, "text/plain");
        assert_string_equal(desc, "");
        ls_magic_identify(g_magic, S(b, N), NULL, mime, sizeof mime, desc, sizeof desc, false);
        assert_string_equal(mime, "application/octet-stream");
        assert_string_equal(desc, "data");
        /* a root with A's bytes wants the description: computed, then kept */
        ls_magic_identify(g_magic, S(a, N), NULL, mime, sizeof mime, desc, sizeof desc, true);
        assert_string_equal(mime, "text/plain");
        if (strncmp(desc, "ASCII text", 10) != 0) fail_msg("description \"%s\"", desc);
    }
    /* a prefix of A is another object */
    ls_magic_identify(g_magic, S(a, 1), NULL, mime, sizeof mime, desc, sizeof desc, true);
    assert_string_not_equal(mime, "text/plain");
    /* the caller's hash of the whole object is the key: B's bytes under
     * their own hash, after A's answer was kept under A's */
    uint8_t ha[32], hb[32];
    ls_sha256(S(a, N), ha);
    ls_sha256(S(b, N), hb);
    ls_magic_identify(g_magic, S(a, N), ha, mime, sizeof mime, desc, sizeof desc, true);
    assert_string_equal(mime, "text/plain");
    ls_magic_identify(g_magic, S(b, N), hb, mime, sizeof mime, desc, sizeof desc, true);
    assert_string_equal(mime, "application/octet-stream");
    ls_magic_identify(g_magic, S(a, N), ha, mime, sizeof mime, desc, sizeof desc, false);
    assert_string_equal(mime, "text/plain");
}

int main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(ext_of_names),
        cmocka_unit_test(mismatch_table),
        cmocka_unit_test(sha256_vectors),
        cmocka_unit_test(hmac_rfc4231),
        cmocka_unit_test(hmac_edges),
        cmocka_unit_test(random_bytes),
    };
    const struct CMUnitTest magic[] = {
        cmocka_unit_test(magic_common_types),
        cmocka_unit_test(magic_text_root_description_first),
        cmocka_unit_test(magic_html_and_csv),
        cmocka_unit_test(magic_large_buffer),
        cmocka_unit_test(magic_small_caps_truncate),
        cmocka_unit_test(magic_description_only_when_wanted_or_unknown),
        cmocka_unit_test(magic_memo_is_exact),
        cmocka_unit_test(magic_text_with_binary_tail),
        cmocka_unit_test(magic_long_json),
        cmocka_unit_test(magic_c_source_after_long_comment),
        cmocka_unit_test(magic_utf8_not_cut),
        cmocka_unit_test(magic_pdf_after_junk),
        cmocka_unit_test(magic_pdf_after_junk_not_otherwise),
    };
    int rc = cmocka_run_group_tests_name("identify", pure, NULL, NULL);
    rc += cmocka_run_group_tests_name("magic", magic, magic_setup, magic_teardown);
    return rc;
}
