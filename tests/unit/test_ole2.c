/*
 * Unit tests for the pure decoders of the OLE2 family: compressed RTF
 * ([MS-OXRTFCP], msg_rtf.c). The first case is the worked example of
 * [MS-OXRTFCP] 3.1.1 (compressed "{\rtf1\ansi\ansicpg1252\pard hello
 * world}\r\n", with a back reference into the pre-loaded dictionary and
 * the end marker).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/ole2.h"

static const uint8_t spec_lzfu[] = {
    0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5, 0xc7,
    0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0a,
    0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0, 0x6c, 0x64, 0x7d,
    0x0a, 0x80, 0x0f, 0xa0};
static const char spec_text[] = "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n";

static void test_lzfu_spec_example(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(msg_rtf_decompress(ls_slice_make(spec_lzfu, sizeof spec_lzfu), &b, 1u << 20), LS_OK);
    assert_int_equal(b.len, strlen(spec_text));
    assert_memory_equal(b.ptr, spec_text, b.len);
    ls_buf_free(&b);
}

static void test_lzfu_truncated_keeps_prefix(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(msg_rtf_decompress(ls_slice_make(spec_lzfu, 30), &b, 1u << 20), LS_E_TRUNCATED);
    assert_true(b.len > 0 && b.len < strlen(spec_text));
    assert_memory_equal(b.ptr, spec_text, b.len);
    ls_buf_free(&b);
}

static void test_lzfu_cap(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(msg_rtf_decompress(ls_slice_make(spec_lzfu, sizeof spec_lzfu), &b, 10), LS_E_LIMIT);
    assert_int_equal(b.len, 10);
    ls_buf_free(&b);
}

static void test_mela_and_bad_type(void **state)
{
    (void)state;
    uint8_t in[16 + 5] = {17, 0, 0, 0, 5, 0, 0, 0, 'M', 'E', 'L', 'A', 0, 0, 0, 0, 'h', 'e', 'l', 'l', 'o'};
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(msg_rtf_decompress(ls_slice_make(in, sizeof in), &b, 1u << 20), LS_OK);
    assert_int_equal(b.len, 5);
    assert_memory_equal(b.ptr, "hello", 5);
    ls_buf_reset(&b);
    memcpy(in + 8, "XXXX", 4);
    assert_int_equal(msg_rtf_decompress(ls_slice_make(in, sizeof in), &b, 1u << 20), LS_E_CORRUPT);
    assert_int_equal(msg_rtf_decompress(ls_slice_make(in, 7), &b, 1u << 20), LS_E_TRUNCATED);
    ls_buf_free(&b);
}

/* A RAWSIZE far larger than the data cannot make the decoder produce more
 * than LZFu's maximum expansion of its input. */
static void test_lzfu_rawsize_lie(void **state)
{
    (void)state;
    uint8_t in[sizeof spec_lzfu];
    struct ls_buf b;
    memcpy(in, spec_lzfu, sizeof in);
    in[4] = 0xFF;
    in[5] = 0xFF;
    in[6] = 0xFF;
    in[7] = 0x7F;
    ls_buf_init(&b, 1u << 30);
    (void)msg_rtf_decompress(ls_slice_make(in, sizeof in), &b, 1u << 30);
    assert_true(b.len <= 9 * sizeof in + 64);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lzfu_spec_example),
        cmocka_unit_test(test_lzfu_truncated_keeps_prefix),
        cmocka_unit_test(test_lzfu_cap),
        cmocka_unit_test(test_mela_and_bad_type),
        cmocka_unit_test(test_lzfu_rawsize_lie),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
