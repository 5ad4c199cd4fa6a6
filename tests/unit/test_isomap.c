/*
 * Unit tests of the ISO 9660 block map (src/unpack/isomap.c). The images
 * are built here block by block (ECMA-119 layout, 2048-byte blocks):
 *   16 primary volume descriptor, 17 El Torito boot record, 18 terminator,
 *   19-20 path tables, 21 root directory, 22 a file, 23 boot catalog,
 *   24 boot image, 25 a Rock Ridge continuation area, then whatever a test
 *   plants.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "unpack/isomap.h"

#define BS 2048u
#define NBLK 28u

static uint8_t img[NBLK * BS];

static void le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* a directory record; returns its length */
static size_t dirrec(uint8_t *p, uint32_t lba, uint32_t size, uint8_t flags, const char *name, size_t nl,
                     const uint8_t *su, size_t sul)
{
    size_t len = 33 + nl + (nl % 2 == 0) + sul;
    memset(p, 0, len);
    p[0] = (uint8_t)len;
    le32(p + 2, lba);
    be32(p + 6, lba);
    le32(p + 10, size);
    be32(p + 14, size);
    p[25] = flags;
    p[32] = (uint8_t)nl;
    memcpy(p + 33, name, nl);
    if (sul) memcpy(p + 33 + nl + (nl % 2 == 0), su, sul);
    return len;
}

static void build(void)
{
    memset(img, 0, sizeof img);
    uint8_t *pvd = img + 16 * BS;
    memcpy(pvd, "\x01" "CD001\x01", 7);
    le32(pvd + 80, NBLK);
    pvd[128] = BS & 0xff;
    pvd[129] = BS >> 8;
    le32(pvd + 132, 10);
    le32(pvd + 140, 19);
    be32(pvd + 148, 20);
    dirrec(pvd + 156, 21, BS, 2, "\0", 1, NULL, 0);
    uint8_t *br = img + 17 * BS;
    memcpy(br, "\x00" "CD001\x01" "EL TORITO SPECIFICATION", 30);
    le32(br + 0x47, 23);
    memcpy(img + 18 * BS, "\xff" "CD001\x01", 7);
    memcpy(img + 19 * BS, "\x01\x00\x15\x00\x00\x00\x01\x00\x00\x00", 10);
    memcpy(img + 20 * BS, "\x01\x00\x00\x00\x00\x15\x00\x01\x00\x00", 10);
    /* root: ".", "..", a file at 22 with a CE entry pointing into 25 */
    uint8_t ce[28] = {'C', 'E', 28, 1};
    le32(ce + 4, 25);
    le32(ce + 12, 0);
    le32(ce + 20, 100);
    uint8_t *d = img + 21 * BS;
    d += dirrec(d, 21, BS, 2, "\0", 1, NULL, 0);
    d += dirrec(d, 21, BS, 2, "\1", 1, NULL, 0);
    dirrec(d, 22, 5, 0, "A.TXT;1", 7, ce, sizeof ce);
    memcpy(img + 22 * BS, "hello", 5);
    uint8_t *cat = img + 23 * BS;
    cat[0] = 1;
    cat[32] = 0x88;
    cat[38] = 4; /* 4 sectors of 512 */
    le32(cat + 40, 24);
    memset(img + 24 * BS, 0xEB, BS);
    memset(img + 25 * BS, 'R', 100);
}

static void test_nothing_unclaimed(void **state)
{
    (void)state;
    build();
    struct ls_iso_unclaimed u;
    assert_true(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    assert_int_equal(u.runs, 0);
    assert_int_equal(u.len, 0);
}

static void test_hidden_bytes(void **state)
{
    (void)state;
    build();
    memcpy(img + 26 * BS + 10, "SSN 536-22-1874", 15); /* a file nobody lists */
    img[27 * BS + BS - 1] = 7;                         /* after the volume's end */
    struct ls_iso_unclaimed u;
    assert_true(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    assert_int_equal(u.runs, 1); /* blocks 26-27 are one run */
    assert_int_equal(u.off, 26 * BS + 10);
    assert_int_equal(u.len, BS + BS - 10);
    /* a copy of the descriptor set (libisofs writes one) is not data */
    memset(img + 26 * BS, 0, 2 * BS);
    memcpy(img + 26 * BS, "\x01" "CD001\x01 ISOIMAGE", 16);
    assert_true(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    assert_int_equal(u.runs, 0);
}

static void test_loops_and_lies(void **state)
{
    (void)state;
    build();
    /* a subdirectory that lists the root again, offsets past the end */
    uint8_t *d = img + 21 * BS + 34 + 34 + 70;
    d += dirrec(d, 21, BS, 2, "LOOP", 4, NULL, 0);
    d += dirrec(d, 0xFFFFFFF0u, 0xFFFFFFFFu, 0, "BIG;1", 5, NULL, 0);
    dirrec(d, 0xFFFFFFF0u, 0xFFFFFFFFu, 2, "FAR", 3, NULL, 0);
    struct ls_iso_unclaimed u;
    assert_true(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    assert_int_equal(u.runs, 0);
    /* not an ISO: no descriptor at block 16; a bad block size */
    assert_false(ls_iso_unclaimed(ls_slice_make(img, 16 * BS + 3), &u));
    img[16 * BS + 128] = 0x34;
    assert_false(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    /* every cut of the image */
    build();
    for (size_t n = 0; n <= sizeof img; n += 97)
        (void)ls_iso_unclaimed(ls_slice_make(img, n), &u);
}

/* A supplementary descriptor at block 18 whose root (block 26) lists a
 * file at block 27: libarchive reads that tree only if it is Joliet. */
static void plant_svd(bool joliet)
{
    uint8_t *svd = img + 18 * BS;
    memset(svd, 0, BS);
    memcpy(svd, "\x02" "CD001\x01", 7);
    if (joliet) memcpy(svd + 88, "%/E", 3);
    svd[128] = BS & 0xff;
    svd[129] = BS >> 8;
    dirrec(svd + 156, 26, BS, 2, "\0", 1, NULL, 0);
    uint8_t *d = img + 26 * BS;
    d += dirrec(d, 26, BS, 2, "\0", 1, NULL, 0);
    d += dirrec(d, 21, BS, 2, "\1", 1, NULL, 0);
    dirrec(d, 27, 15, 0, "B.TXT;1", 7, NULL, 0);
    memcpy(img + 27 * BS, "SSN 536-22-1874", 15);
}

static void test_only_trees_libarchive_reads_claim(void **state)
{
    (void)state;
    struct ls_iso_unclaimed u;
    build();
    plant_svd(true);
    assert_true(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    assert_int_equal(u.runs, 0);
    /* a plain supplementary tree: its directory and file are never read */
    build();
    plant_svd(false);
    assert_true(ls_iso_unclaimed(ls_slice_make(img, sizeof img), &u));
    assert_int_equal(u.runs, 1);
    assert_int_equal(u.off, 26 * BS);
}

/* Long extents claimed by many records (sorted and merged once): the
 * blocks they cover are claimed, the block past them is not. */
static void test_long_extents(void **state)
{
    (void)state;
    enum { N = 256 };
    uint8_t *big = calloc(N, BS);
    assert_non_null(big);
    build();
    memcpy(big, img, sizeof img);
    le32(big + 16 * BS + 80, N);
    uint8_t *d = big + 21 * BS + 34 + 34 + 68; /* after ".", ".." and A.TXT */
    for (int i = 0; i < 40; i++) d += dirrec(d, 100 + (uint32_t)i % 3, 70 * BS, 0, "L;1", 3, NULL, 0);
    d += dirrec(d, 120, 70 * BS, 0, "M;1", 3, NULL, 0);
    memcpy(big + 150 * BS, "claimed", 7);
    memcpy(big + 100 * BS, "first", 5);
    memcpy(big + 189 * BS + 9, "last", 4);
    memcpy(big + 200 * BS + 3, "SSN 536-22-1874", 15);
    struct ls_iso_unclaimed u;
    assert_true(ls_iso_unclaimed(ls_slice_make(big, (size_t)N * BS), &u));
    assert_int_equal(u.runs, 1);
    assert_int_equal(u.off, 200 * BS + 3);
    assert_int_equal(u.len, 15);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nothing_unclaimed),
        cmocka_unit_test(test_hidden_bytes),
        cmocka_unit_test(test_loops_and_lies),
        cmocka_unit_test(test_only_trees_libarchive_reads_claim),
        cmocka_unit_test(test_long_extents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
