/* Unit tests for the text encoding detection and conversion (src/extract/text.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/text.h"

static struct ls_slice S(const void *p, size_t n) { return ls_slice_make(p, n); }

static void assert_converts(const void *in, size_t n, enum ls_text_enc enc, const char *want)
{
    struct ls_buf b;
    ls_buf_init(&b, 1 << 16);
    assert_int_equal(ls_text_convert(S(in, n), enc, &b), LS_OK);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.ptr, want, b.len);
    ls_buf_free(&b);
}

static void detect_ascii_is_utf8(void **st)
{
    (void)st;
    size_t bom = 9;
    const char *s = "plain ascii 536-22-1874\n";
    assert_int_equal(ls_text_detect(S(s, strlen(s)), &bom), LS_TEXT_UTF8);
    assert_int_equal(bom, 0);
}

static void detect_utf8_bom(void **st)
{
    (void)st;
    size_t bom = 0;
    const char s[] = "\xEF\xBB\xBFna\xC3\xAFve";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_UTF8);
    assert_int_equal(bom, 3);
}

static void detect_utf16le_bom(void **st)
{
    (void)st;
    size_t bom = 0;
    const char s[] = "\xFF\xFEh\0i\0";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_UTF16LE);
    assert_int_equal(bom, 2);
}

static void detect_utf16be_bom(void **st)
{
    (void)st;
    size_t bom = 0;
    const char s[] = "\xFE\xFF\0h\0i";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_UTF16BE);
    assert_int_equal(bom, 2);
}

static void detect_utf16le_no_bom(void **st)
{
    (void)st;
    size_t bom = 9;
    const char s[] = "S\0S\0N\0:\0 \0005\0003\0006\0";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_UTF16LE);
    assert_int_equal(bom, 0);
}

static void detect_utf16be_no_bom(void **st)
{
    (void)st;
    size_t bom = 9;
    const char s[] = "\0S\0S\0N\0:\0 \0005\0003\0006";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_UTF16BE);
}

static void detect_cp1252(void **st)
{
    (void)st;
    size_t bom;
    const char s[] = "M\xFCller \x80 100, na\xEFve caf\xE9";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_CP1252);
}

static void detect_binary(void **st)
{
    (void)st;
    size_t bom;
    const uint8_t s[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0};
    assert_int_equal(ls_text_detect(S(s, sizeof s), &bom), LS_TEXT_BINARY);
    const uint8_t ctrl[] = {1, 2, 3, 4, 5, 6, 7, 8, 'a', 'b'};
    assert_int_equal(ls_text_detect(S(ctrl, sizeof ctrl), &bom), LS_TEXT_BINARY);
}

static void mostly_utf8_with_stray_byte(void **st)
{
    (void)st;
    size_t bom;
    const char s[] = "\xC3\xA9t\xC3\xA9 \xC3\xA0 \xC3\xBC \xFF end";
    assert_int_equal(ls_text_detect(S(s, sizeof s - 1), &bom), LS_TEXT_UTF8);
}

static void convert_cp1252(void **st)
{
    (void)st;
    const char s[] = "M\xFCller \x80 \x93q\x94";
    assert_converts(s, sizeof s - 1, LS_TEXT_CP1252,
                    "M\xC3\xBCller \xE2\x82\xAC \xE2\x80\x9Cq\xE2\x80\x9D");
}

static void convert_utf16le_surrogates(void **st)
{
    (void)st;
    const char s[] = "a\0\x3D\xD8\x00\xDE" "b\0"; /* a U+1F600 b */
    assert_converts(s, sizeof s - 1, LS_TEXT_UTF16LE, "a\xF0\x9F\x98\x80" "b");
}

static void convert_utf16be_lone_surrogate(void **st)
{
    (void)st;
    const char s[] = "\xD8\x3D\0x";
    assert_converts(s, sizeof s - 1, LS_TEXT_UTF16BE, "\xEF\xBF\xBDx");
}

static void utf16_cut_keeps_pairs(void **st)
{
    (void)st;
    const char s[] = "a\0\x3D\xD8\x00\xDE" "b\0";
    assert_int_equal(ls_text_utf16_cut(S(s, 8), 4, false), 2); /* not between the pair */
    assert_int_equal(ls_text_utf16_cut(S(s, 8), 6, false), 6);
    assert_int_equal(ls_text_utf16_cut(S(s, 8), 5, false), 4 - 2);
    assert_int_equal(ls_text_utf16_cut(S(s, 7), 100, false), 6); /* odd tail dropped */
    assert_int_equal(ls_text_utf16_cut(S(s, 1), 100, false), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(detect_ascii_is_utf8),
        cmocka_unit_test(detect_utf8_bom),
        cmocka_unit_test(detect_utf16le_bom),
        cmocka_unit_test(detect_utf16be_bom),
        cmocka_unit_test(detect_utf16le_no_bom),
        cmocka_unit_test(detect_utf16be_no_bom),
        cmocka_unit_test(detect_cp1252),
        cmocka_unit_test(detect_binary),
        cmocka_unit_test(mostly_utf8_with_stray_byte),
        cmocka_unit_test(convert_cp1252),
        cmocka_unit_test(convert_utf16le_surrogates),
        cmocka_unit_test(convert_utf16be_lone_surrogate),
        cmocka_unit_test(utf16_cut_keeps_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
