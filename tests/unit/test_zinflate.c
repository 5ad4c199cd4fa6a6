/* Unit tests for the shared inflate loop (src/extract/zinflate.c): whole
 * streams, the output cap, cut and damaged streams. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/zinflate.h"

/* "leaksift " x 1000 (9,000 bytes), zlib.compress(d, 9) in Python. */
static const uint8_t zl[] = {
    0x78, 0xda, 0xed, 0xc6, 0xb1, 0x0d, 0x00, 0x20, 0x08, 0x00, 0xb0, 0x57, 0x7c, 0x8d,
    0x41, 0x13, 0x22, 0x1b, 0xfc, 0x1f, 0xff, 0x30, 0xed, 0xd4, 0xda, 0x71, 0x3b, 0xcf,
    0xac, 0x12, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
    0x11, 0x11, 0x11, 0x11, 0xf9, 0x37, 0x0f, 0x62, 0x9d, 0x79, 0xfc,
};
#define RAW_OFF 2u /* the raw deflate stream inside: no header ... */
#define RAW_LEN (sizeof zl - 6u) /* ... and no Adler-32 */
#define PLAIN_LEN 9000u

static void expect_plain(const struct ls_buf *b, size_t n)
{
    assert_int_equal(b->len, n);
    for (size_t i = 0; i < n; i++) assert_int_equal(b->ptr[i], "leaksift "[i % 9]);
}

static void zlib_stream(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(zinflate_buf(ls_slice_make(zl, sizeof zl), 15, &b, SIZE_MAX), LS_OK);
    expect_plain(&b, PLAIN_LEN);
    ls_buf_free(&b);
}

static void raw_stream(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(zinflate_buf(ls_slice_make(zl + RAW_OFF, RAW_LEN), -15, &b, SIZE_MAX), LS_OK);
    expect_plain(&b, PLAIN_LEN);
    ls_buf_free(&b);
}

static void cut_at_max(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(zinflate_buf(ls_slice_make(zl, sizeof zl), 15, &b, 100), LS_E_LIMIT);
    expect_plain(&b, 100);
    ls_buf_free(&b);
    ls_buf_init(&b, 1u << 20); /* exactly the stream's length is not a cut */
    assert_int_equal(zinflate_buf(ls_slice_make(zl, sizeof zl), 15, &b, PLAIN_LEN), LS_OK);
    expect_plain(&b, PLAIN_LEN);
    ls_buf_free(&b);
}

static void truncated(void **state)
{
    (void)state;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(zinflate_buf(ls_slice_make(zl, sizeof zl - 8), 15, &b, SIZE_MAX),
                     LS_E_TRUNCATED);
    assert_true(b.len > 0 && b.len < PLAIN_LEN);
    ls_buf_free(&b);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(zinflate_buf(ls_slice_make(zl, 0), 15, &b, SIZE_MAX), LS_E_TRUNCATED);
    assert_int_equal(b.len, 0);
    ls_buf_free(&b);
}

static void damaged(void **state)
{
    (void)state;
    uint8_t bad[sizeof zl];
    memcpy(bad, zl, sizeof zl);
    bad[sizeof bad - 1] ^= 0x55; /* Adler-32 wrong */
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(zinflate_buf(ls_slice_make(bad, sizeof bad), 15, &b, SIZE_MAX), LS_E_CORRUPT);
    expect_plain(&b, PLAIN_LEN); /* what was inflated before the damage stays */
    ls_buf_free(&b);
    ls_buf_init(&b, 1u << 20); /* a raw stream read as zlib: bad header */
    assert_int_equal(zinflate_buf(ls_slice_make(zl + RAW_OFF, RAW_LEN), 15, &b, SIZE_MAX),
                     LS_E_CORRUPT);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zlib_stream), cmocka_unit_test(raw_stream), cmocka_unit_test(cut_at_max),
        cmocka_unit_test(truncated),   cmocka_unit_test(damaged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
