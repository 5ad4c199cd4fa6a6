/* Unit tests for the MIME decoding helpers (src/extract/mime_decode.c):
 * base64, quoted-printable, RFC 2047 encoded words, RFC 2231 parameters,
 * charsets, header splitting. Exact vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/mime_decode.h"

static struct ls_slice S(const char *s)
{
    return ls_slice_make(s, strlen(s));
}

/* Run a decoder into a fresh buffer and compare with the expected bytes. */
static void expect_buf(struct ls_buf *b, const char *want, size_t want_len)
{
    assert_int_equal(b->len, want_len);
    assert_memory_equal(ls_buf_str(b), want, want_len);
    ls_buf_free(b);
}

static void check_b64(const char *in, const char *want, size_t want_len)
{
    struct ls_buf b;
    ls_buf_init(&b, 1 << 20);
    assert_int_equal(mime_b64_decode(&b, S(in)), LS_OK);
    expect_buf(&b, want, want_len);
}

static void check_qp(const char *in, bool q, const char *want)
{
    struct ls_buf b;
    ls_buf_init(&b, 1 << 20);
    assert_int_equal(mime_qp_decode(&b, S(in), q), LS_OK);
    expect_buf(&b, want, strlen(want));
}

static void check_hdr(const char *in, const char *want, bool want_unknown)
{
    struct ls_buf b;
    bool unknown = false;
    ls_buf_init(&b, 1 << 20);
    assert_int_equal(mime_header_decode(&b, S(in), &unknown), LS_OK);
    assert_string_equal(ls_buf_str(&b), want);
    assert_int_equal(unknown, want_unknown);
    ls_buf_free(&b);
}

static void check_param(const char *value, const char *name, bool found, const char *want)
{
    struct ls_buf b;
    ls_buf_init(&b, 4096);
    assert_int_equal(mime_param(S(value), name, &b), found);
    assert_string_equal(ls_buf_str(&b), want);
    ls_buf_free(&b);
}

static void b64_padded(void **st)
{
    (void)st;
    check_b64("SGVsbG8sIFdvcmxkIQ==", "Hello, World!", 13);
    check_b64("AAECAwQ=", "\x00\x01\x02\x03\x04", 5);
}

static void b64_missing_padding(void **st)
{
    (void)st;
    check_b64("SGVsbG8", "Hello", 5);
    check_b64("SGVsbA", "Hell", 4);
    check_b64("S", "", 0); /* a lone sextet is dropped */
}

static void b64_skips_junk(void **st)
{
    (void)st;
    check_b64("SGVs\r\nbG8s *IFdv\tcmxk!IQ==", "Hello, World!", 13);
    check_b64("SGVsbG8=garbage", "Hello", 5); /* stops at '=' */
}

static void b64_capped_output(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 3);
    assert_int_equal(mime_b64_decode(&b, S("SGVsbG8=")), LS_E_LIMIT);
    expect_buf(&b, "Hel", 3);
}

static void qp_basic(void **st)
{
    (void)st;
    check_qp("caf=C3=A9 cr=c3=a8me", false, "caf\xC3\xA9 cr\xC3\xA8me");
    check_qp("a=3Db", false, "a=b");
}

static void qp_soft_breaks(void **st)
{
    (void)st;
    check_qp("long li=\r\nne and=\nmore= \t\r\nend", false, "long line andmoreend");
    check_qp("trailing=", false, "trailing");
}

static void qp_malformed_kept(void **st)
{
    (void)st;
    check_qp("a=ZZb=4", false, "a=ZZb=4");
    check_qp("under_score", false, "under_score");
}

static void q_words_underscore(void **st)
{
    (void)st;
    check_qp("caf=E9_au_lait", true, "caf\xE9 au lait");
}

static void rfc2047_b_utf8(void **st)
{
    (void)st;
    check_hdr("=?UTF-8?B?w6l0w6k=?=", "\xC3\xA9t\xC3\xA9", false);
}

static void rfc2047_q_latin1(void **st)
{
    (void)st;
    check_hdr("=?ISO-8859-1?Q?caf=E9_cr=E8me?= glac\xC3\xA9", "caf\xC3\xA9 cr\xC3\xA8me glac\xC3\xA9",
              false);
}

static void rfc2047_adjacent_words_joined(void **st)
{
    (void)st;
    /* Whitespace between encoded words is dropped (RFC 2047 6.2), and a
     * UTF-8 sequence split across two words survives. */
    check_hdr("=?utf-8?q?Sal?=  =?utf-8?q?ut?=", "Salut", false);
    check_hdr("=?UTF-8?Q?=C3?=\r\n =?UTF-8?Q?=A9?=", "\xC3\xA9", false);
    check_hdr("a =?utf-8?q?b?= c", "a b c", false);
}

static void rfc2047_cp1252_and_lang(void **st)
{
    (void)st;
    check_hdr("=?windows-1252?Q?=80_5?=", "\xE2\x82\xAC 5", false);
    check_hdr("=?US-ASCII*EN?Q?Keith_Moore?=", "Keith Moore", false);
}

static void rfc2047_unknown_charset(void **st)
{
    (void)st;
    check_hdr("=?x-unknown?Q?ab=E9?=", "ab\xEF\xBF\xBD", true);
}

/* An unknown label on bytes that are UTF-8 (ASCII included) loses nothing:
 * not reported (sweep: "=?NONE?B?VEVTVA=?=" in the mail gem's tests). */
static void rfc2047_unknown_charset_utf8_bytes(void **st)
{
    (void)st;
    check_hdr("=?x-unknown?Q?abc?=", "abc", false);
    check_hdr("=?NONE?B?VEVTVA=?=", "TEST", false);
    check_hdr("=?x-unknown?Q?caf=C3=A9?=", "caf\xC3\xA9", false);
    /* ...but EBCDIC labels do change what ASCII bytes mean (UTF-7 is
     * decoded now: charset_utf7). */
    check_hdr("=?IBM037?Q?abc?=", "abc", true);
    assert_false(mime_charset_ascii_safe(ls_slice_make("x-imap4-modified-utf7", 21)));
    assert_true(mime_charset_ascii_safe(ls_slice_make("X-UNKNOWN", 9)));
}

static void rfc2047_malformed_left_alone(void **st)
{
    (void)st;
    check_hdr("=?utf-8?x?abc?=", "=?utf-8?x?abc?=", false);
    check_hdr("=?utf-8?q?never closed", "=?utf-8?q?never closed", false);
    check_hdr("raw latin1 caf\xE9", "raw latin1 caf\xC3\xA9", false);
}

static void header_folding(void **st)
{
    (void)st;
    check_hdr("Hello\r\n World", "Hello World", false);
}

/* UTF-7 (RFC 2152), as Outlook 2000 wrote it in subjects and bodies
 * (sweep: stalwart's legacy_001/034, zbateson's m0006/m1011). */
static void charset_utf7(void **st)
{
    (void)st;
    check_hdr("=?utf-7?Q?x?=", "x", false);
    check_hdr("=?UNICODE-1-1-UTF-7?Q?caf+AOk-?=", "caf\xC3\xA9", false);
    check_hdr("=?utf-7?Q?Die_Hasen_und_die_Fr+APY-sche_=28Outlook=29?=",
              "Die Hasen und die Fr\xC3\xB6sche (Outlook)", false);
    struct ls_buf b;
    ls_buf_init(&b, 64);
    /* "+-" is '+'; a shift ends at '-' (dropped) or any other non-base64
     * byte (kept); a surrogate pair; a lone high surrogate; 8-bit junk. */
    assert_int_equal(mime_to_utf8(&b, S("1+-1 +AOQA6Q-x +2D3eAA. +2D0- \xFF"), MIME_CS_UTF7), LS_OK);
    expect_buf(&b, "1+1 \xC3\xA4\xC3\xA9x \xF0\x9F\x98\x80. \xEF\xBF\xBD \xEF\xBF\xBD", 23);
    assert_int_equal(mime_charset_lookup(S("UTF-7")), MIME_CS_UTF7);
}

/* An encoded word at the start of a line continues the field above even
 * without leading white space (MsgReader's UTF-8_Test.eml); "To:" after it
 * is a field again. */
static void header_eword_fold_without_space(void **st)
{
    (void)st;
    struct ls_slice hdr = S("Subject: =?utf-8?B?w6k=?=\r\n=?utf-8?B?w6g=?=\r\nTo: x@y.test\r\n");
    struct ls_slice v;
    assert_true(mime_find_field(hdr, "Subject", &v));
    struct ls_buf b;
    ls_buf_init(&b, 256);
    assert_int_equal(mime_header_decode(&b, v, NULL), LS_OK);
    expect_buf(&b, "\xC3\xA9\xC3\xA8", 4);
    assert_true(mime_find_field(hdr, "To", &v));
}

static void charset_utf16(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 64);
    assert_int_equal(mime_to_utf8(&b, ls_slice_make("\xFF\xFE" "A\x00\xE9\x00", 6), MIME_CS_UTF16),
                     LS_OK);
    expect_buf(&b, "A\xC3\xA9", 3);
    ls_buf_init(&b, 64);
    assert_int_equal(mime_to_utf8(&b, ls_slice_make("\x00" "B", 2), MIME_CS_UTF16BE), LS_OK);
    expect_buf(&b, "B", 1);
    assert_int_equal(mime_charset_lookup(S(" UTF-16LE ")), MIME_CS_UTF16LE);
    assert_int_equal(mime_charset_lookup(S("latin1")), MIME_CS_LATIN1);
    /* CJK pages are core tables now (codepage.c) */
    assert_int_equal(mime_charset_lookup(S("shift_jis")), MIME_CS_CODEPAGE + 932);
    assert_int_equal(mime_charset_lookup(S("x-no-such-charset")), MIME_CS_UNKNOWN);
}

static void param_plain_and_quoted(void **st)
{
    (void)st;
    check_param("text/plain; charset=\"utf-8\"; format=flowed", "charset", true, "utf-8");
    check_param("text/plain; charset=utf-8 ; format=flowed", "format", true, "flowed");
    check_param("attachment; filename=\"a\\\"b;c.txt\"", "filename", true, "a\"b;c.txt");
    check_param("attachment; x=1", "filename", false, "");
    /* Windows paths written unescaped keep their backslashes (stalwart's
     * legacy_035); only \" and \\ are quoted pairs. */
    check_param("inline; filename=\"C:\\TEMP\\nsmailEG.png\"", "filename", true,
                "C:\\TEMP\\nsmailEG.png");
    check_param("inline; filename=\"a\\\\b\"", "filename", true, "a\\b");
}

static void param_rfc2231(void **st)
{
    (void)st;
    check_param("attachment; filename*=utf-8''%E2%82%AC%20rates.csv", "filename", true,
                "\xE2\x82\xAC rates.csv");
    check_param("attachment; filename*1=\"def.txt\"; filename*0=\"abc\"", "filename", true,
                "abcdef.txt");
    check_param("attachment; filename*0*=iso-8859-1'en'caf%E9; filename*1=\".txt\"", "filename",
                true, "caf\xC3\xA9.txt");
}

static void param_encoded_word(void **st)
{
    (void)st;
    check_param("application/pdf; name=\"=?utf-8?B?w6k=?=.pdf\"", "name", true, "\xC3\xA9.pdf");
}

static void media_type_lowercased(void **st)
{
    (void)st;
    char t[64];
    mime_media_type(S("  Multipart/Mixed; boundary=x"), t, sizeof t);
    assert_string_equal(t, "multipart/mixed");
    mime_media_type(S("garbage"), t, sizeof t);
    assert_string_equal(t, "");
    mime_disposition(S("Attachment; filename=x"), t, sizeof t);
    assert_string_equal(t, "attachment");
}

static void split_and_fields(void **st)
{
    (void)st;
    const char *msg = "From: a@b.c\r\nSubject: one\r\n two\r\nbad line\r\nX-Y: z\r\n\r\nbody\r\n";
    struct ls_slice hdr, body;
    assert_true(mime_split_headers(S(msg), &hdr, &body));
    assert_int_equal(body.len, 6);
    assert_memory_equal(body.ptr, "body\r\n", 6);
    size_t pos = 0;
    unsigned junk = 0;
    struct ls_slice n, v;
    assert_true(mime_next_field(hdr, &pos, &n, &v, &junk));
    assert_true(mime_slice_ieq(n, "from"));
    assert_true(mime_next_field(hdr, &pos, &n, &v, &junk));
    assert_true(mime_slice_ieq(n, "Subject"));
    struct ls_buf b;
    ls_buf_init(&b, 64);
    assert_int_equal(mime_unfold(&b, v), LS_OK);
    assert_string_equal(ls_buf_str(&b), " one two");
    ls_buf_free(&b);
    assert_true(mime_next_field(hdr, &pos, &n, &v, &junk));
    assert_true(mime_slice_ieq(n, "x-y"));
    assert_int_equal(junk, 1);
    assert_false(mime_next_field(hdr, &pos, &n, &v, &junk));
    assert_true(mime_find_field(hdr, "SUBJECT", &v));
}

static void split_no_body(void **st)
{
    (void)st;
    struct ls_slice hdr, body;
    assert_false(mime_split_headers(S("From: x\nTo: y"), &hdr, &body));
    assert_int_equal(hdr.len, 13);
    assert_int_equal(body.len, 0);
    assert_true(mime_split_headers(S("\nbody only"), &hdr, &body));
    assert_int_equal(hdr.len, 0);
    assert_int_equal(body.len, 9);
}

/* A separator line holding a space ends the header block when prose
 * follows it (Mutt, mime4j's hdr-fakeout.msg); before a field or a
 * continuation it is an empty folded line, as before. */
static void split_blank_line_with_space(void **st)
{
    (void)st;
    struct ls_slice hdr, body;
    assert_true(mime_split_headers(S("Subject: s\r\n \r\nThe body.\r\n"), &hdr, &body));
    assert_int_equal(hdr.len, 12);
    assert_int_equal(body.len, 11);
    assert_memory_equal(body.ptr, "The body.\r\n", 11);
    assert_true(mime_split_headers(S("Subject: s\n \n more\nTo: t\n\nb"), &hdr, &body));
    assert_int_equal(body.len, 1);
    assert_true(mime_split_headers(S("Subject: s\n\t\nTo: t\n\nb"), &hdr, &body));
    assert_int_equal(body.len, 1);
}

/* FILETIME -> RFC 5322 date (Outlook send/delivery times in .msg, PST). */
static void filetime_dates(void **st)
{
    (void)st;
    const uint64_t tick = 10000000u, epoch = 11644473600ull;
    struct {
        uint64_t unix_secs;
        const char *want;
    } cases[] = {
        {0, "Thu, 01 Jan 1970 00:00:00 +0000"},
        {951782400u, "Tue, 29 Feb 2000 00:00:00 +0000"},
        {1487116257u, "Tue, 14 Feb 2017 23:50:57 +0000"},
        {4107542399ull, "Sun, 28 Feb 2100 23:59:59 +0000"},
        {4107542400ull, "Mon, 01 Mar 2100 00:00:00 +0000"},
        {253402300799ull, "Fri, 31 Dec 9999 23:59:59 +0000"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct ls_buf b;
        ls_buf_init(&b, 64);
        assert_true(mime_filetime_date(&b, (cases[i].unix_secs + epoch) * tick));
        assert_int_equal(b.len, strlen(cases[i].want));
        assert_memory_equal(b.ptr, cases[i].want, b.len);
        ls_buf_free(&b);
    }
    struct ls_buf b;
    ls_buf_init(&b, 64);
    assert_false(mime_filetime_date(&b, 0));                              /* unset */
    assert_false(mime_filetime_date(&b, (epoch - 1) * tick));             /* before 1970 */
    assert_false(mime_filetime_date(&b, (253402300800ull + epoch) * tick)); /* year 10000 */
    assert_false(mime_filetime_date(&b, UINT64_MAX));
    assert_int_equal(b.len, 0);
    ls_buf_free(&b);
}

/* BinHex 4.0: tests/gen/make_hostile5.py binhex(b"a.txt", b"SSN 536" + 4 * b"\x90" + b"x") */
static void binhex_decode(void **state)
{
    (void)state;
    static const char hqx[] = "(This file must be converted with BinHex 4.0)\r\n"
                              ":\"@%ZG(Kd!&4&@&4dG(Kd!!!!!!!-!!!!!(2*8e01)$8c0T!!N!#3!*!!H$MA!!!:\r\n";
    struct ls_buf out, name;
    ls_buf_init(&out, 1 << 20);
    ls_buf_init(&name, 256);
    ls_err e = LS_OK;
    assert_int_equal(mime_binhex_decode(ls_slice_make(hqx, sizeof hqx - 1), &out, &name, &e), MIME_HQX_WHOLE);
    assert_int_equal(e, LS_OK);
    assert_int_equal(name.len, 5);
    assert_memory_equal(name.ptr, "a.txt", 5);
    assert_int_equal(out.len, 12);
    assert_memory_equal(out.ptr, "SSN 536\x90\x90\x90\x90x", 12);
    /* cut inside the data fork: what is there, marked cut */
    ls_buf_reset(&out);
    ls_buf_reset(&name);
    assert_int_equal(mime_binhex_decode(ls_slice_make(hqx, 48 + 40), &out, &name, &e), MIME_HQX_CUT);
    assert_true(out.len < 12);
    /* cut inside the header, a wrong header CRC, no BinHex at all */
    ls_buf_reset(&out);
    ls_buf_reset(&name);
    assert_int_equal(mime_binhex_decode(ls_slice_make(hqx, 48 + 10), &out, &name, &e), MIME_HQX_NONE);
    char bad[sizeof hqx];
    memcpy(bad, hqx, sizeof hqx);
    bad[49] = 'A';
    assert_int_equal(mime_binhex_decode(ls_slice_make(bad, sizeof bad - 1), &out, &name, &e), MIME_HQX_NONE);
    assert_int_equal(mime_binhex_decode(ls_slice_make("hello :abc:", 11), &out, &name, &e), MIME_HQX_NONE);
    /* every cut of it */
    for (size_t n = 0; n < sizeof hqx; n++) {
        ls_buf_reset(&out);
        ls_buf_reset(&name);
        (void)mime_binhex_decode(ls_slice_make(hqx, n), &out, &name, &e);
        assert_true(out.len <= 12);
    }
    ls_buf_free(&out);
    ls_buf_free(&name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(b64_padded),
        cmocka_unit_test(b64_missing_padding),
        cmocka_unit_test(b64_skips_junk),
        cmocka_unit_test(b64_capped_output),
        cmocka_unit_test(qp_basic),
        cmocka_unit_test(qp_soft_breaks),
        cmocka_unit_test(qp_malformed_kept),
        cmocka_unit_test(q_words_underscore),
        cmocka_unit_test(rfc2047_b_utf8),
        cmocka_unit_test(rfc2047_q_latin1),
        cmocka_unit_test(rfc2047_adjacent_words_joined),
        cmocka_unit_test(rfc2047_cp1252_and_lang),
        cmocka_unit_test(rfc2047_unknown_charset),
        cmocka_unit_test(rfc2047_unknown_charset_utf8_bytes),
        cmocka_unit_test(rfc2047_malformed_left_alone),
        cmocka_unit_test(header_folding),
        cmocka_unit_test(charset_utf16),
        cmocka_unit_test(charset_utf7),
        cmocka_unit_test(header_eword_fold_without_space),
        cmocka_unit_test(split_blank_line_with_space),
        cmocka_unit_test(filetime_dates),
        cmocka_unit_test(param_plain_and_quoted),
        cmocka_unit_test(param_rfc2231),
        cmocka_unit_test(param_encoded_word),
        cmocka_unit_test(media_type_lowercased),
        cmocka_unit_test(split_and_fields),
        cmocka_unit_test(split_no_body),
        cmocka_unit_test(binhex_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
