/* Unit tests for the single-byte code pages (src/core/codepage.c, tables
 * from scripts/gen_codepages.py) and their users: the RTF reader
 * (\ansicpg, \fcharset) and the MIME charset decoder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/ls_core.h"
#include "extract/mime_decode.h"
#include "extract/rtf.h"

#define S(lit) ls_slice_make(lit, sizeof(lit) - 1)

static const struct ls_codepage *by(const char *name)
{
    return ls_codepage_by_name(ls_slice_make(name, strlen(name)));
}

/* Every page the brief asks for is there under its canonical name and
 * number: fails if a table is dropped from the generator. */
static void every_table_present(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        unsigned number;
    } pages[] = {
        {"windows-1250", 1250}, {"windows-1251", 1251}, {"windows-1252", 1252},
        {"windows-1253", 1253}, {"windows-1254", 1254}, {"windows-1255", 1255},
        {"windows-1256", 1256}, {"windows-1257", 1257}, {"windows-1258", 1258},
        {"windows-874", 874},   {"iso-8859-1", 28591},  {"iso-8859-2", 28592},
        {"iso-8859-3", 28593},  {"iso-8859-4", 28594},  {"iso-8859-5", 28595},
        {"iso-8859-6", 28596},  {"iso-8859-7", 28597},  {"iso-8859-8", 28598},
        {"iso-8859-9", 28599},  {"iso-8859-10", 28600}, {"iso-8859-11", 28601},
        {"iso-8859-13", 28603}, {"iso-8859-14", 28604}, {"iso-8859-15", 28605},
        {"iso-8859-16", 28606}, {"koi8-r", 20866},      {"koi8-u", 21866},
        {"ibm437", 437},        {"ibm850", 850},        {"ibm852", 852},
        {"ibm866", 866},        {"macintosh", 10000},   {"x-mac-cyrillic", 10007},
        {"x-mac-greek", 10006}, {"x-mac-ce", 10029},    {"x-mac-turkish", 10081},
        {"x-mac-icelandic", 10079},
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        const struct ls_codepage *cp = by(pages[i].name);
        assert_non_null(cp);
        assert_ptr_equal(ls_codepage_by_number(pages[i].number), cp);
        assert_string_equal(ls_codepage_name(cp), pages[i].name);
        assert_int_equal(ls_codepage_number(cp), pages[i].number);
        /* the low half is ASCII everywhere */
        for (unsigned b = 0; b < 0x80; b++) assert_int_equal(ls_codepage_map(cp, (uint8_t)b), b);
        /* every high byte is a real character or U+FFFD, never a low one */
        for (unsigned b = 0x80; b < 0x100; b++) assert_true(ls_codepage_map(cp, (uint8_t)b) >= 0x80);
    }
}

static void aliases(void **state)
{
    (void)state;
    const struct ls_codepage *c1251 = ls_codepage_by_number(1251);
    assert_non_null(c1251);
    assert_ptr_equal(by("cp1251"), c1251);
    assert_ptr_equal(by("x-cp1251"), c1251);
    assert_ptr_equal(by("WINDOWS-1251"), c1251);
    assert_ptr_equal(by(" \"Windows-1251\" "), c1251);
    const struct ls_codepage *l2 = ls_codepage_by_number(28592);
    assert_ptr_equal(by("ISO_8859-2:1987"), l2);
    assert_ptr_equal(by("iso8859-2"), l2);
    assert_ptr_equal(by("iso_8859-2"), l2);
    assert_ptr_equal(by("latin2"), l2);
    assert_ptr_equal(by("L2"), l2);
    assert_ptr_equal(by("koi8r"), ls_codepage_by_number(20866));
    assert_ptr_equal(by("KOI8-U"), ls_codepage_by_number(21866));
    assert_ptr_equal(by("ibm866"), ls_codepage_by_number(866));
    assert_ptr_equal(by("cp866"), ls_codepage_by_number(866));
    assert_ptr_equal(by("macintosh"), ls_codepage_by_number(10000));
    assert_ptr_equal(by("x-mac-roman"), ls_codepage_by_number(10000));
    assert_ptr_equal(by("latin9"), ls_codepage_by_number(28605));
    assert_ptr_equal(by("tis-620"), ls_codepage_by_number(874));
    assert_ptr_equal(by("iso-8859-8-i"), ls_codepage_by_number(28598));
    assert_ptr_equal(ls_codepage_by_number(38598), ls_codepage_by_number(28598));
}

static void unknown_names_and_numbers(void **state)
{
    (void)state;
    assert_null(by(""));
    assert_null(by("utf-8"));
    assert_null(by("shift_jis"));
    assert_null(by("gb2312"));
    assert_null(by("iso-8859-12"));
    assert_null(by("windows-12510"));
    assert_null(by("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_null(ls_codepage_by_name(ls_slice_make(NULL, 0)));
    assert_null(ls_codepage_by_number(0));
    assert_null(ls_codepage_by_number(65001));
    assert_null(ls_codepage_by_number(1200));
    assert_null(ls_codepage_by_number(932));
}

/* Sample bytes, each checked against Python's codecs when written
 * (scripts/gen_codepages.py --dump prints the full tables). */
static void known_bytes(void **state)
{
    (void)state;
    static const struct {
        unsigned cp;
        uint8_t byte;
        uint32_t u;
    } v[] = {
        {1251, 0xC0, 0x0410},  {1251, 0xFF, 0x044F},  {1251, 0x88, 0x20AC},
        {20866, 0xC1, 0x0430}, {20866, 0xF0, 0x041F}, {21866, 0xA4, 0x0454},
        {28592, 0xA3, 0x0141}, {28592, 0xB9, 0x0161}, {1250, 0x8A, 0x0160},
        {1253, 0xC1, 0x0391},  {1254, 0xD0, 0x011E},  {1255, 0xE0, 0x05D0},
        {1256, 0xC7, 0x0627},  {1257, 0xC0, 0x0104},  {1258, 0xD2, 0x0309},
        {874, 0xA1, 0x0E01},   {437, 0x80, 0x00C7},   {850, 0x9B, 0x00F8},
        {852, 0x9D, 0x0141},   {866, 0xA0, 0x0430},   {10000, 0x80, 0x00C4},
        {28605, 0xA4, 0x20AC}, {28597, 0xC1, 0x0391}, {28595, 0xB0, 0x0410},
        {28591, 0xE9, 0x00E9}, {10007, 0x80, 0x0410}, {10029, 0x81, 0x0100},
        /* undefined in the code page: U+FFFD */
        {1251, 0x98, 0xFFFD},  {28593, 0xA5, 0xFFFD}, {874, 0xDB, 0xFFFD},
        {1252, 0x81, 0xFFFD},  {28598, 0xA1, 0xFFFD},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        const struct ls_codepage *cp = ls_codepage_by_number(v[i].cp);
        assert_non_null(cp);
        assert_int_equal(ls_codepage_map(cp, v[i].byte), v[i].u);
    }
    /* NULL is Windows-1252 as ls_cp1252() has it */
    assert_int_equal(ls_codepage_map(NULL, 0x80), 0x20AC);
    assert_int_equal(ls_codepage_map(NULL, 0x81), 0x81);
}

static void to_utf8(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    /* "Привет" in cp1251, with ASCII around it */
    assert_int_equal(ls_codepage_to_utf8(&b, S("a \xCF\xF0\xE8\xE2\xE5\xF2 b"),
                                         ls_codepage_by_number(1251)), LS_OK);
    assert_string_equal(ls_buf_str(&b), "a Привет b");
    ls_buf_reset(&b);
    assert_int_equal(ls_codepage_to_utf8(&b, S("\xF0\xD2\xC9\xD7\xC5\xD4"), by("koi8-r")), LS_OK);
    assert_string_equal(ls_buf_str(&b), "Привет");
    ls_buf_reset(&b);
    assert_int_equal(ls_codepage_to_utf8(&b, S("\x98x"), by("cp1251")), LS_OK);
    assert_string_equal(ls_buf_str(&b), "\xEF\xBF\xBDx");
    ls_buf_reset(&b);
    assert_int_equal(ls_codepage_to_utf8(&b, S("\x80"), NULL), LS_OK);
    assert_string_equal(ls_buf_str(&b), "€");
    ls_buf_free(&b);
    /* the cap holds: what fits is kept */
    ls_buf_init(&b, 5);
    assert_int_equal(ls_codepage_to_utf8(&b, S("ab\xCF\xF0\xE8"), by("cp1251")), LS_E_LIMIT);
    assert_true(b.len <= 5);
    ls_buf_free(&b);
}

/* ---- RTF: \ansicpg, \fcharset, \cpg, \deff ---- */

static ls_err rtf_collect(void *ud, struct ls_slice s)
{
    return ls_buf_add(ud, s.ptr, s.len);
}

static struct rtf_result rtf_run(struct ls_buf *out, const char *rtf)
{
    const struct rtf_sink sink = {out, rtf_collect, NULL};
    struct rtf_result r;
    ls_buf_reset(out);
    assert_int_equal(rtf_parse(ls_slice_make(rtf, strlen(rtf)), &sink, 1024, &r), LS_OK);
    return r;
}

static void rtf_ansicpg(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 4096);
    struct rtf_result r =
        rtf_run(&b, "{\\rtf1\\ansi\\ansicpg1251\\deff0 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2 ivan@example.ru}");
    assert_int_equal(r.codepage, 1251);
    assert_int_equal(r.unsupported_cp, 0);
    assert_string_equal(ls_buf_str(&b), "Привет ivan@example.ru");
    /* without \ansicpg: Windows-1252 as before */
    rtf_run(&b, "{\\rtf1\\ansi caf\\'e9 \\'80}");
    assert_string_equal(ls_buf_str(&b), "café €");
    /* \mac and \pc name the document's character set */
    rtf_run(&b, "{\\rtf1\\mac \\'80}");
    assert_string_equal(ls_buf_str(&b), "Ä");
    rtf_run(&b, "{\\rtf1\\pc \\'80}");
    assert_string_equal(ls_buf_str(&b), "Ç");
    ls_buf_free(&b);
}

static void rtf_fcharset_per_font(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 4096);
    struct rtf_result r = rtf_run(&b,
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}"
        "{\\f1\\froman\\fcharset238{\\*\\panose 02020603050405020304} Times CE;}"
        "{\\f2\\fnil\\fcharset204 Cyr;}{\\f3\\fcharset161 Greek;}}"
        "\\f0 caf\\'e9 {\\f1 \\'a3\\'f3d\\'9f} {\\f2 \\'cf\\'f0} \\'e9 \\f3\\'c5\\'eb\\'eb\\'dc\\'e4\\'e1}");
    assert_int_equal(r.unsupported_cp, 0);
    /* the group closing restores the font (and its code page) */
    assert_string_equal(ls_buf_str(&b), "café Łódź Пр é Ελλάδα");
    /* \deffN: the default font's charset without any \f in the text;
     * Apple-style font table without groups; \cpg beats \fcharset */
    rtf_run(&b, "{\\rtf1\\ansi\\deff1{\\fonttbl\\f0\\fcharset0 A;\\f1\\fcharset204 B;}\\'c0}");
    assert_string_equal(ls_buf_str(&b), "А");
    rtf_run(&b, "{\\rtf1\\ansi{\\fonttbl{\\f5\\fcharset0\\cpg20866 K;}}\\f5 \\'f0\\'d2}");
    assert_string_equal(ls_buf_str(&b), "Пр");
    /* fcharset 0 (ANSI) is the \ansicpg page; Mac charsets have tables too */
    rtf_run(&b, "{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset0 A;}{\\f1\\fcharset89 M;}}"
                "\\f0\\'c0{\\f1\\'80}}");
    assert_string_equal(ls_buf_str(&b), "АА");
    ls_buf_free(&b);
}

static void rtf_multibyte_noted(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 4096);
    const char *tbl = "{\\rtf1\\ansi\\ansicpg1252\\uc1{\\fonttbl{\\f0\\fcharset0 A;}"
                      "{\\f1\\fcharset128 MS Mincho;}}";
    char doc[512];
    /* \uN with a \'hh fallback in a Shift-JIS font: Unicode wins, no note */
    (void)snprintf(doc, sizeof doc, "%s\\f1\\uc2 \\u12354\\'82\\'a0 x}", tbl);
    struct rtf_result r = rtf_run(&b, doc);
    assert_int_equal(r.unsupported_cp, 0);
    assert_string_equal(ls_buf_str(&b), "あ x");
    /* bare \'hh in that font: read byte by byte, reported */
    (void)snprintf(doc, sizeof doc, "%s\\f1 \\'82\\'a0 \\f0 ok}", tbl);
    r = rtf_run(&b, doc);
    assert_int_equal(r.unsupported_cp, 932);
    assert_non_null(strstr(ls_buf_str(&b), "ok"));
    /* a font table naming CJK fonts nobody uses: nothing to report */
    (void)snprintf(doc, sizeof doc, "%s\\f0 caf\\'e9}", tbl);
    r = rtf_run(&b, doc);
    assert_int_equal(r.unsupported_cp, 0);
    assert_string_equal(ls_buf_str(&b), "café");
    /* hostile: huge and negative font numbers, \cpg junk */
    r = rtf_run(&b, "{\\rtf1{\\fonttbl{\\f99999999\\fcharset204 X;}{\\f-3\\cpg70000 Y;}"
                    "{\\cpg1251 Z;}}\\f99999999\\'c0\\f-3\\'c0\\ansicpg70001\\f2\\'c0}");
    assert_int_equal(r.unsupported_cp, 70001); /* 65001 is UTF-8 (test_rtf.c) */
    assert_string_equal(ls_buf_str(&b), "ÀÀÀ");
    ls_buf_free(&b);
}

/* ---- MIME: body charsets and RFC 2047 words ---- */

static void mime_charsets(void **state)
{
    (void)state;
    assert_int_equal(mime_charset_lookup(S("koi8-r")), MIME_CS_CODEPAGE + 20866);
    assert_int_equal(mime_charset_lookup(S("\"Windows-1251\"")), MIME_CS_CODEPAGE + 1251);
    assert_int_equal(mime_charset_lookup(S("ISO-8859-2")), MIME_CS_CODEPAGE + 28592);
    /* the historic aliases keep their own converters */
    assert_int_equal(mime_charset_lookup(S("iso-8859-1")), MIME_CS_LATIN1);
    assert_int_equal(mime_charset_lookup(S("windows-1252")), MIME_CS_CP1252);
    assert_int_equal(mime_charset_lookup(S("gb2312")), MIME_CS_UNKNOWN);
    assert_null(mime_cs_codepage(MIME_CS_UTF8));
    assert_null(mime_cs_codepage(MIME_CS_CODEPAGE));
    assert_ptr_equal(mime_cs_codepage(MIME_CS_CODEPAGE + 866), ls_codepage_by_number(866));
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(mime_to_utf8(&b, S("\xF0\xD2\xC9\xD7\xC5\xD4!"), mime_charset_lookup(S("koi8-r"))),
                     LS_OK);
    assert_string_equal(ls_buf_str(&b), "Привет!");
    ls_buf_reset(&b);
    /* a code page number without a table: lossy UTF-8, not a crash */
    assert_int_equal(mime_to_utf8(&b, S("a\xFF"), (enum mime_charset)(MIME_CS_CODEPAGE + 932)), LS_OK);
    assert_string_equal(ls_buf_str(&b), "a\xEF\xBF\xBD");
    ls_buf_free(&b);
}

static void mime_encoded_words(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    bool unknown = false;
    assert_int_equal(mime_header_decode(&b, S("=?iso-8859-2?Q?=A3=F3d=BC_Krak=F3w?= <x@y.pl>"), &unknown),
                     LS_OK);
    assert_string_equal(ls_buf_str(&b), "Łódź Kraków <x@y.pl>");
    assert_false(unknown);
    ls_buf_reset(&b);
    /* B words, adjacent words of one charset joined */
    assert_int_equal(mime_header_decode(&b, S("=?ISO-8859-2?B?r/Oz?= =?iso-8859-2?B?5g==?="), &unknown),
                     LS_OK);
    assert_string_equal(ls_buf_str(&b), "Żółć");
    ls_buf_reset(&b);
    assert_int_equal(mime_header_decode(&b, S("=?windows-1251?Q?=CF=F0=E8=E2=E5=F2?="), &unknown), LS_OK);
    assert_string_equal(ls_buf_str(&b), "Привет");
    assert_false(unknown);
    ls_buf_reset(&b);
    assert_int_equal(mime_header_decode(&b, S("=?shift_jis?B?gqA=?="), &unknown), LS_OK);
    assert_true(unknown);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_table_present),
        cmocka_unit_test(aliases),
        cmocka_unit_test(unknown_names_and_numbers),
        cmocka_unit_test(known_bytes),
        cmocka_unit_test(to_utf8),
        cmocka_unit_test(rtf_ansicpg),
        cmocka_unit_test(rtf_fcharset_per_font),
        cmocka_unit_test(rtf_multibyte_noted),
        cmocka_unit_test(mime_charsets),
        cmocka_unit_test(mime_encoded_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
