/*
 * Unit tests of the zip central-directory checker (src/unpack/zipcd.c).
 * Zips are assembled byte by byte here so every field can lie.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "unpack/zipcd.h"

struct zb {
    uint8_t b[8192];
    size_t n;
};

static void put(struct zb *z, const void *p, size_t n)
{
    assert_true(z->n + n <= sizeof z->b);
    memcpy(z->b + z->n, p, n);
    z->n += n;
}

static void u16(struct zb *z, uint32_t v)
{
    uint8_t x[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    put(z, x, 2);
}

static void u32(struct zb *z, uint32_t v)
{
    u16(z, v & 0xffff);
    u16(z, v >> 16);
}

static void u64(struct zb *z, uint64_t v)
{
    u32(z, (uint32_t)v);
    u32(z, (uint32_t)(v >> 32));
}

/* Local header + stored data; returns its offset. */
static uint32_t lfh(struct zb *z, const char *name, const char *data)
{
    uint32_t off = (uint32_t)z->n;
    size_t nl = strlen(name), dl = strlen(data);
    u32(z, 0x04034b50);
    u16(z, 20), u16(z, 0), u16(z, 0), u16(z, 0), u16(z, 0);
    u32(z, 0), u32(z, (uint32_t)dl), u32(z, (uint32_t)dl);
    u16(z, (uint32_t)nl), u16(z, 0);
    put(z, name, nl);
    put(z, data, dl);
    return off;
}

static void cdh_n(struct zb *z, const void *name, size_t nl, uint32_t csize, uint32_t off,
                  uint16_t flags)
{
    u32(z, 0x02014b50);
    u16(z, 20), u16(z, 20), u16(z, flags), u16(z, 0), u16(z, 0), u16(z, 0);
    u32(z, 0), u32(z, csize), u32(z, csize);
    u16(z, (uint32_t)nl), u16(z, 0), u16(z, 0), u16(z, 0), u16(z, 0);
    u32(z, 0), u32(z, off);
    put(z, name, nl);
}

static void cdh(struct zb *z, const char *name, uint32_t csize, uint32_t off)
{
    cdh_n(z, name, strlen(name), csize, off, 0);
}

static void eocd(struct zb *z, uint16_t count, uint32_t cd_off)
{
    uint32_t cd_size = (uint32_t)z->n - cd_off;
    u32(z, 0x06054b50);
    u16(z, 0), u16(z, 0), u16(z, count), u16(z, count);
    u32(z, cd_size), u32(z, cd_off), u16(z, 0);
}

static ls_err check(const struct zb *z, struct ls_zipcd_report *r)
{
    return ls_zipcd_check(ls_slice_make(z->b, z->n), r);
}

static void test_benign_zip_is_not_a_bomb(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a.txt", "hello");
    uint32_t b = lfh(&z, "b.txt", "world!");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a.txt", 5, a);
    cdh(&z, "b.txt", 6, b);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_true(r.is_zip);
    assert_int_equal(r.entries, 2);
    assert_int_equal(r.declared, 2);
    assert_int_equal(r.overlaps, 0);
    assert_int_equal(r.prefix, 0);
    assert_false(r.bomb);
}

static void test_full_overlap_is_a_bomb(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "k", "kernel-bytes");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "1", 12, a);
    cdh(&z, "2", 12, a);
    cdh(&z, "3", 12, a);
    eocd(&z, 3, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.overlaps, 2);
    assert_true(r.bomb);
    assert_non_null(strstr(r.why, "overlap"));
}

/* Fifield's quoted overlap: entry 0's data runs over entry 1's header. */
static void test_quoted_overlap_is_a_bomb(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "");
    uint32_t b = lfh(&z, "b", "kernel");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", cd - a - 31, a); /* a's data = everything up to the CD */
    cdh(&z, "b", 6, b);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.overlaps, 1);
    assert_true(r.bomb);
}

static void test_adjacent_ranges_do_not_overlap(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "12345");
    uint32_t b = lfh(&z, "b", "678");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "b", 3, b); /* directory order differs from file order */
    cdh(&z, "a", 5, a);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_false(r.bomb);
}

/* Bytes no entry accounts for: a gap of a data descriptor's size is not
 * slack, a longer one is; so are bytes after the end record's comment. The
 * comment itself is reported. */
static void test_slack_and_comment(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "12345");
    put(&z, "PK\x07\x08crc-csz-usz-", 16); /* descriptor-sized: not slack */
    uint32_t b = lfh(&z, "b", "678");
    put(&z, "hidden: SSN 536-22-1874, not in any member", 42);
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", 5, a);
    cdh(&z, "b", 3, b);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.slack, 42);
    assert_int_equal(r.slack_len, 42);
    assert_int_equal(r.slack_off, cd - 42);
    assert_int_equal(r.comment.len, 0);
    /* a comment, then bytes after it */
    z.n -= 2;
    u16(&z, 4);
    put(&z, "note", 4);
    put(&z, "trailing bytes after the comment", 32);
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.comment.len, 4);
    assert_memory_equal(r.comment.ptr, "note", 4);
    assert_int_equal(r.slack, 42 + 32);
    assert_int_equal(r.slack_len, 42);
}

static void test_no_slack_in_a_tight_zip(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "12345");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", 5, a);
    eocd(&z, 1, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.slack, 0);
    assert_int_equal(r.slack_len, 0);
}

static void test_impossible_count(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "x");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", 1, a);
    eocd(&z, 0xffff, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_E_TRUNCATED);
    assert_true(r.count_impossible);
    assert_true(r.bomb);
    assert_int_equal(r.entries, 1);
}

static void test_no_eocd(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    (void)lfh(&z, "a", "no directory");
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_E_CORRUPT);
    assert_false(r.is_zip);
    assert_false(r.bomb);
    assert_int_equal(ls_zipcd_check(ls_slice_make(NULL, 0), &r), LS_E_CORRUPT);
}

static void test_directory_past_the_end(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "x");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", 1, a);
    u32(&z, 0x06054b50);
    u16(&z, 0), u16(&z, 0), u16(&z, 1), u16(&z, 1);
    u32(&z, 4000), u32(&z, cd), u16(&z, 0); /* size runs past the EOCD */
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_E_CORRUPT);
    assert_true(r.is_zip);
}

static void test_self_extractor_prefix(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    put(&z, "MZ-stub-MZ-stub-", 16);
    struct zb inner = {.n = 0};
    uint32_t a = lfh(&inner, "a.txt", "hello");
    uint32_t cd = (uint32_t)inner.n;
    cdh(&inner, "a.txt", 5, a);
    eocd(&inner, 1, cd); /* offsets relative to the zip, not the file */
    put(&z, inner.b, inner.n);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.prefix, 16);
    assert_int_equal(r.bad_local, 0);
    assert_false(r.bomb);
}

static void test_zip64_end_records(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "x");
    uint32_t b = lfh(&z, "b", "y");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", 1, a);
    cdh(&z, "b", 1, a); /* overlap, found through the zip64 records */
    (void)b;
    uint32_t cd_size = (uint32_t)z.n - cd;
    uint32_t z64 = (uint32_t)z.n;
    u32(&z, 0x06064b50);
    u64(&z, 44);
    u16(&z, 45), u16(&z, 45), u32(&z, 0), u32(&z, 0);
    u64(&z, 2), u64(&z, 2), u64(&z, cd_size), u64(&z, cd);
    u32(&z, 0x07064b50);
    u32(&z, 0), u64(&z, z64), u32(&z, 1);
    u32(&z, 0x06054b50);
    u16(&z, 0), u16(&z, 0), u16(&z, 0xffff), u16(&z, 0xffff);
    u32(&z, 0xffffffff), u32(&z, 0xffffffff), u16(&z, 0);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_true(r.zip64);
    assert_int_equal(r.entries, 2);
    assert_int_equal(r.overlaps, 1);
    assert_true(r.bomb);
}

/* A Zip64 extra too short for every saturated field (here: the
 * uncompressed size only, the compressed size and offset saturated too):
 * the fields it has no room for keep 0xFFFFFFFF, as before ls_cur_u64le
 * wrote 0 on a short read; entry a's range then runs to the end of the file
 * and b overlaps it. */
static void test_zip64_extra_too_short_keeps_saturated(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "12345");
    uint32_t b = lfh(&z, "b", "678");
    uint32_t cd = (uint32_t)z.n;
    u32(&z, 0x02014b50);
    u16(&z, 45), u16(&z, 45), u16(&z, 0), u16(&z, 0), u16(&z, 0), u16(&z, 0);
    u32(&z, 0), u32(&z, 0xffffffffu), u32(&z, 0xffffffffu); /* crc, csize, usize */
    u16(&z, 1), u16(&z, 12), u16(&z, 0), u16(&z, 0), u16(&z, 0);
    u32(&z, 0), u32(&z, a);
    put(&z, "a", 1);
    u16(&z, 0x0001), u16(&z, 8), u64(&z, 5); /* Zip64: the uncompressed size only */
    cdh(&z, "b", 3, b);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.entries, 2);
    assert_int_equal(r.bad_local, 0);
    assert_int_equal(r.overlaps, 1);
    assert_true(r.bomb);
}

static void test_bad_local_offsets_are_not_overlaps(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    (void)lfh(&z, "a", "x");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a", 1, 0x7fffffff);
    cdh(&z, "b", 1, 0x7fffffff);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.bad_local, 2);
    assert_false(r.bomb);
}

static void test_names_and_encryption_counted(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a", "x");
    uint32_t b = lfh(&z, "b", "y");
    uint32_t cd = (uint32_t)z.n;
    cdh_n(&z, "a\0hidden", 8, 1, a, 1);
    cdh_n(&z, "b", 1, 1, b, 0);
    eocd(&z, 2, cd);
    struct ls_zipcd_report r;
    assert_int_equal(check(&z, &r), LS_OK);
    assert_int_equal(r.nul_names, 1);
    assert_int_equal(r.encrypted, 1);
    assert_false(r.bomb);
}

/* Every prefix of a valid zip is handled without reading out of bounds. */
static void test_every_truncation(void **state)
{
    (void)state;
    struct zb z = {.n = 0};
    uint32_t a = lfh(&z, "a.txt", "hello");
    uint32_t cd = (uint32_t)z.n;
    cdh(&z, "a.txt", 5, a);
    eocd(&z, 1, cd);
    for (size_t n = 0; n <= z.n; n++) {
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, z.b, n);
        struct ls_zipcd_report r;
        ls_err e = ls_zipcd_check(ls_slice_make(copy, n), &r);
        assert_true(n == z.n ? e == LS_OK : e != LS_OK || r.entries == 1);
        free(copy);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_benign_zip_is_not_a_bomb),
        cmocka_unit_test(test_full_overlap_is_a_bomb),
        cmocka_unit_test(test_quoted_overlap_is_a_bomb),
        cmocka_unit_test(test_adjacent_ranges_do_not_overlap),
        cmocka_unit_test(test_impossible_count),
        cmocka_unit_test(test_slack_and_comment),
        cmocka_unit_test(test_no_slack_in_a_tight_zip),
        cmocka_unit_test(test_no_eocd),
        cmocka_unit_test(test_directory_past_the_end),
        cmocka_unit_test(test_self_extractor_prefix),
        cmocka_unit_test(test_zip64_end_records),
        cmocka_unit_test(test_zip64_extra_too_short_keeps_saturated),
        cmocka_unit_test(test_bad_local_offsets_are_not_overlaps),
        cmocka_unit_test(test_names_and_encryption_counted),
        cmocka_unit_test(test_every_truncation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
