/* Unit tests for the ASCII fast path of ls_utf8_valid() and ls_utf8_lossy()
 * (eight bytes at a time): every answer equals a byte-by-byte reference
 * built on ls_utf8_next(), wherever the non-ASCII bytes fall relative to
 * the 8-byte steps, and on pseudo-random inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/ls_core.h"

static bool ref_valid(struct ls_slice s)
{
    size_t pos = 0;
    while (pos < s.len)
        if (ls_utf8_next(s, &pos) < 0) return false;
    return true;
}

static void ref_lossy(struct ls_buf *b, struct ls_slice s)
{
    size_t pos = 0;
    while (pos < s.len) {
        size_t at = pos;
        int32_t cp = ls_utf8_next(s, &pos);
        if (cp < 0) {
            assert_int_equal(ls_utf8_put(b, 0xFFFD), LS_OK);
        } else {
            assert_int_equal(ls_buf_add(b, &s.ptr[at], pos - at), LS_OK);
        }
    }
}

static void check(const uint8_t *p, size_t n)
{
    struct ls_slice s = ls_slice_make(p, n);
    assert_int_equal(ls_utf8_valid(s), ref_valid(s));
    struct ls_buf a, b;
    ls_buf_init(&a, 4 * n + 16);
    ls_buf_init(&b, 4 * n + 16);
    assert_int_equal(ls_utf8_lossy(&a, s), LS_OK);
    ref_lossy(&b, s);
    assert_int_equal(a.len, b.len);
    if (a.len) assert_memory_equal(a.ptr, b.ptr, a.len);
    ls_buf_free(&a);
    ls_buf_free(&b);
}

/* An ASCII run of every length 0..40 with a sequence (valid or not) at
 * every offset, and ASCII after it. */
static void sequences_at_every_offset(void **st)
{
    (void)st;
    static const struct {
        const char *seq;
        size_t n;
    } seqs[] = {
        {"\xc3\xa9", 2},         {"\xe2\x82\xac", 3}, {"\xf0\x9f\x98\x80", 4}, /* valid */
        {"\xe9", 1},             {"\xc3", 1},         {"\xe2\x82", 2},         /* cut */
        {"\xed\xa0\x80", 3},     {"\xc0\xaf", 2},     {"\xf4\x90\x80\x80", 3}, /* surrogate, overlong, > U+10FFFF */
        {"\x80", 1},             {"\xff", 1},
    };
    uint8_t buf[64];
    for (size_t k = 0; k < sizeof seqs / sizeof seqs[0]; k++)
        for (size_t len = 0; len <= 40; len++)
            for (size_t at = 0; at <= len; at++) {
                size_t n = 0;
                memset(buf, 'a', sizeof buf);
                n = at;
                memcpy(&buf[n], seqs[k].seq, seqs[k].n);
                n += seqs[k].n + (len - at);
                check(buf, n);
            }
}

static void pure_ascii_lengths(void **st)
{
    (void)st;
    uint8_t buf[40];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(0x20 + i);
    for (size_t n = 0; n <= sizeof buf; n++) {
        assert_true(ls_utf8_valid(ls_slice_make(buf, n)));
        check(buf, n);
    }
    buf[39] = 0x7F;
    assert_true(ls_utf8_valid(ls_slice_make(buf, 40)));
    buf[39] = 0x80;
    assert_false(ls_utf8_valid(ls_slice_make(buf, 40)));
}

/* Mostly ASCII with a few high bytes, pseudo-random (fixed seed). */
static void random_inputs(void **st)
{
    (void)st;
    uint32_t x = 12345;
    uint8_t buf[200];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        x = x * 1103515245u + 12345u;
        size_t len = (x >> 16) % sizeof buf;
        for (; n < len; n++) {
            x = x * 1103515245u + 12345u;
            unsigned r = (x >> 16) & 0xFF;
            buf[n] = (uint8_t)((r & 0xF0) == 0xF0 ? 0x80 | (r & 0x7F) : (r & 0x7F));
        }
        check(buf, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sequences_at_every_offset),
        cmocka_unit_test(pure_ascii_lengths),
        cmocka_unit_test(random_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
