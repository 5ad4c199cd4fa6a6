/*
 * Unit tests for the compound file reader (src/extract/ole2_cfb.c) and its
 * exporter (ole2_cfb_write.c), on a file built here byte by byte and on
 * hand-broken copies of it: FAT loops, sectors outside the file, directory
 * loops, mini chain loops, hostile sector shifts, truncation.
 *
 * Layout of the built file (v3, 512-byte sectors):
 *   sectors 0-8  "Big" (4608 bytes, pattern i*7)
 *   sector  9    mini stream: "Small" (150 bytes, 3 mini sectors, pattern i*3)
 *   sector  10   mini FAT
 *   sector  11   directory: Root Entry, Big, Small, Store (empty storage)
 *   sector  12   FAT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/ole2_cfb.h"

#define SS 512u
#define NSECT 13u
#define FILE_LEN ((NSECT + 1) * SS)
#define BIG_LEN 4608u
#define SMALL_LEN 150u
#define END 0xFFFFFFFEu
#define FREE 0xFFFFFFFFu

static uint8_t small_img[FILE_LEN];
static uint8_t *img = small_img; /* the image being built (test_difat swaps it) */

static void put16(size_t off, uint16_t v)
{
    img[off] = (uint8_t)v;
    img[off + 1] = (uint8_t)(v >> 8);
}
static void put32(size_t off, uint32_t v)
{
    for (int i = 0; i < 4; i++) img[off + (size_t)i] = (uint8_t)(v >> (8 * i));
}
static size_t sect(uint32_t s) { return (size_t)(s + 1) * SS; }
static size_t fat_at(uint32_t n) { return sect(12) + 4 * (size_t)n; }
static size_t dirent_at(uint32_t n) { return sect(11) + 128 * (size_t)n; }

static void dirent(uint32_t n, const char *name, uint8_t type, uint32_t left, uint32_t right, uint32_t child,
                   uint32_t start, uint32_t size)
{
    size_t o = dirent_at(n);
    size_t k = 0;
    for (; name[k]; k++) put16(o + 2 * k, (uint8_t)name[k]);
    put16(o + 64, (uint16_t)(2 * k + 2));
    img[o + 66] = type;
    img[o + 67] = 1;
    put32(o + 68, left);
    put32(o + 72, right);
    put32(o + 76, child);
    put32(o + 116, start);
    put32(o + 120, size);
}

static void build(void)
{
    static const uint8_t sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    memset(img, 0, FILE_LEN);
    memcpy(img, sig, 8);
    put16(24, 0x3E);
    put16(26, 3);
    put16(28, 0xFFFE);
    put16(30, 9);
    put16(32, 6);
    put32(44, 1);     /* FAT sectors */
    put32(48, 11);    /* first directory sector */
    put32(56, 4096);
    put32(60, 10);    /* first mini FAT sector */
    put32(64, 1);
    put32(68, END);   /* no DIFAT chain */
    for (unsigned i = 0; i < 109; i++) put32(76 + 4 * i, i == 0 ? 12 : FREE);
    for (uint32_t i = 0; i < BIG_LEN; i++) img[sect(0) + i] = (uint8_t)(i * 7);
    for (uint32_t i = 0; i < SMALL_LEN; i++) img[sect(9) + i] = (uint8_t)(i * 3);
    for (uint32_t i = 0; i < 128; i++) put32(fat_at(i), FREE);
    for (uint32_t i = 0; i < 8; i++) put32(fat_at(i), i + 1);
    put32(fat_at(8), END);
    put32(fat_at(9), END);
    put32(fat_at(10), END);
    put32(fat_at(11), END);
    put32(fat_at(12), 0xFFFFFFFDu);
    for (uint32_t i = 0; i < 128; i++) put32(sect(10) + 4 * i, FREE);
    put32(sect(10) + 0, 1);
    put32(sect(10) + 4, 2);
    put32(sect(10) + 8, END);
    /* Tree under the root: Small is the top node, Big on its left, Store right. */
    dirent(0, "Root Entry", OLE2_T_ROOT, FREE, FREE, 2, 9, 192);
    dirent(1, "Big", OLE2_T_STREAM, FREE, FREE, FREE, 0, BIG_LEN);
    dirent(2, "Small", OLE2_T_STREAM, 1, 3, FREE, 0, SMALL_LEN);
    dirent(3, "Store", OLE2_T_STORAGE, FREE, FREE, FREE, 0, 0);
}

static struct ls_slice whole(void) { return ls_slice_make(img, FILE_LEN); }

static ls_err read_named(struct ole2_cfb *f, const char *name, struct ls_buf *b)
{
    uint32_t i = ole2_cfb_find(f, OLE2_ROOT, name);
    if (i == OLE2_NOSTREAM) return LS_E_ARG;
    return ole2_cfb_read(f, i, b, 1u << 24);
}

static void check_big(const struct ls_buf *b, size_t n)
{
    assert_true(b->len >= n);
    for (size_t i = 0; i < n; i++) assert_int_equal(b->ptr[i], (uint8_t)(i * 7));
}

static void test_reads_good_file(void **state)
{
    (void)state;
    struct ole2_cfb f;
    struct ls_buf b;
    build();
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_int_equal(f.damage, 0);
    assert_int_equal(f.ndir, 4);
    assert_int_not_equal(ole2_cfb_find(&f, OLE2_ROOT, "big"), OLE2_NOSTREAM); /* case-insensitive */
    assert_int_not_equal(ole2_cfb_find_type(&f, OLE2_ROOT, "Store", OLE2_T_STORAGE), OLE2_NOSTREAM);
    assert_int_equal(ole2_cfb_find_type(&f, OLE2_ROOT, "Store", OLE2_T_STREAM), OLE2_NOSTREAM);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Big", &b), LS_OK);
    assert_int_equal(b.len, BIG_LEN);
    check_big(&b, BIG_LEN);
    ls_buf_reset(&b);
    assert_int_equal(read_named(&f, "Small", &b), LS_OK);
    assert_int_equal(b.len, SMALL_LEN);
    for (size_t i = 0; i < SMALL_LEN; i++) assert_int_equal(b.ptr[i], (uint8_t)(i * 3));
    ls_buf_reset(&b);
    assert_int_equal(ole2_cfb_read(&f, ole2_cfb_find(&f, OLE2_ROOT, "Big"), &b, 1000), LS_E_LIMIT);
    assert_int_equal(b.len, 1000);
    assert_int_equal(ole2_cfb_read(&f, ole2_cfb_find(&f, OLE2_ROOT, "Store"), &b, 10), LS_E_ARG);
    ls_buf_free(&b);
    ole2_cfb_close(&f);
}

static void test_fat_cycle(void **state)
{
    (void)state;
    struct ole2_cfb f;
    struct ls_buf b;
    build();
    put32(fat_at(3), 1); /* 0 1 2 3 -> 1: loop */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Big", &b), LS_E_CORRUPT);
    assert_int_equal(b.len, 4 * SS); /* what came before the loop is kept */
    check_big(&b, 4 * SS);
    assert_true(f.damage & OLE2_DMG_CHAIN);
    ls_buf_free(&b);
    ole2_cfb_close(&f);
}

static void test_self_loop_and_out_of_range(void **state)
{
    (void)state;
    struct ole2_cfb f;
    struct ls_buf b;
    build();
    put32(fat_at(0), 0);
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Big", &b), LS_E_CORRUPT);
    assert_int_equal(b.len, SS);
    ole2_cfb_close(&f);
    build();
    put32(fat_at(2), 0x00FFFFF0u);
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    ls_buf_reset(&b);
    assert_int_equal(read_named(&f, "Big", &b), LS_E_CORRUPT); /* whole sectors: corrupt, not truncated */
    assert_int_equal(b.len, 3 * SS);
    assert_true(f.damage & OLE2_DMG_CHAIN);
    ls_buf_free(&b);
    ole2_cfb_close(&f);
}

static void test_directory_cycle(void **state)
{
    (void)state;
    struct ole2_cfb f;
    build();
    put32(dirent_at(1) + 68, 2); /* Big.left -> Small, its own parent in the tree */
    put32(dirent_at(3) + 72, 0); /* Store.right -> the root */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_true(f.damage & OLE2_DMG_DIR);
    assert_int_not_equal(ole2_cfb_find(&f, OLE2_ROOT, "Big"), OLE2_NOSTREAM);
    assert_int_not_equal(ole2_cfb_find(&f, OLE2_ROOT, "Store"), OLE2_NOSTREAM);
    ole2_cfb_close(&f);
    build();
    put32(dirent_at(0) + 76, 77); /* root child out of range */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_true(f.damage & OLE2_DMG_DIR);
    assert_int_equal(ole2_cfb_find(&f, OLE2_ROOT, "Big"), OLE2_NOSTREAM);
    ole2_cfb_close(&f);
}

static void test_mini_cycle(void **state)
{
    (void)state;
    struct ole2_cfb f;
    struct ls_buf b;
    build();
    put32(sect(10) + 4, 0); /* mini 0 -> 1 -> 0 */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Small", &b), LS_E_CORRUPT);
    assert_int_equal(b.len, 128);
    assert_true(f.damage & OLE2_DMG_MINI);
    ls_buf_free(&b);
    ole2_cfb_close(&f);
}

static void test_hostile_header(void **state)
{
    (void)state;
    struct ole2_cfb f;
    build();
    put16(30, 30); /* sector shift 30 */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_E_UNSUPPORTED);
    ole2_cfb_close(&f);
    build();
    assert_int_equal(ole2_cfb_open(&f, ls_slice_make(img, 100)), LS_E_TRUNCATED);
    ole2_cfb_close(&f);
    build();
    img[0] = 0;
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_E_CORRUPT);
    ole2_cfb_close(&f);
    build();
    put32(44, 0x7FFFFFFF); /* absurd FAT sector count: capped, noted */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_true(f.damage & OLE2_DMG_FAT);
    assert_int_not_equal(ole2_cfb_find(&f, OLE2_ROOT, "Big"), OLE2_NOSTREAM);
    ole2_cfb_close(&f);
    build();
    put32(68, 5);       /* DIFAT chain into a data sector that links nowhere */
    put32(72, 1000000); /* and claims a million sectors */
    put32(44, 3);
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_true(f.damage & OLE2_DMG_FAT);
    ole2_cfb_close(&f);
}

/* A FAT sector the header lists but the file does not hold: its 128
 * entries read as free (none points into sector 0, as a read that failed
 * into 0 would make them), the damage recorded. */
static void test_missing_fat_sector_is_free(void **state)
{
    (void)state;
    struct ole2_cfb f;
    build();
    put32(44, 2);           /* two FAT sectors */
    put32(76 + 4, 13);      /* the second: sector 13, past the file's 13 sectors */
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_true(f.damage & OLE2_DMG_FAT);
    assert_int_equal(f.fat_len, 256);
    assert_int_equal(f.fat[0], 1);
    for (uint32_t i = 128; i < 256; i++) assert_int_equal(f.fat[i], FREE);
    ole2_cfb_close(&f);
}

static void test_truncated_stream(void **state)
{
    (void)state;
    struct ole2_cfb f;
    struct ls_buf b;
    build();
    /* Big claims more bytes than its chain holds. */
    put32(dirent_at(1) + 120, BIG_LEN + 2000);
    put32(fat_at(8), FREE);
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Big", &b), LS_E_TRUNCATED);
    check_big(&b, BIG_LEN);
    ls_buf_free(&b);
    ole2_cfb_close(&f);
    /* A file cut mid-sector: the directory (sector 11) is gone. */
    build();
    assert_int_not_equal(ole2_cfb_open(&f, ls_slice_make(img, sect(6) + 100)), LS_OK);
    assert_true(f.damage & OLE2_DMG_TRUNCATED);
    ole2_cfb_close(&f);
}

static void test_v3_size_high_bits_ignored(void **state)
{
    (void)state;
    struct ole2_cfb f;
    build();
    put32(dirent_at(1) + 124, 0xDEADBEEF);
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    assert_int_equal(f.dir[ole2_cfb_find(&f, OLE2_ROOT, "Big")].size, BIG_LEN);
    ole2_cfb_close(&f);
}

static void test_export_roundtrip(void **state)
{
    (void)state;
    struct ole2_cfb f, g;
    struct ls_buf out, b;
    bool lossy = true;
    build();
    assert_int_equal(ole2_cfb_open(&f, whole()), LS_OK);
    ls_buf_init(&out, 1u << 20);
    assert_int_equal(ole2_cfb_export(&f, OLE2_ROOT, &out, &lossy), LS_OK);
    assert_false(lossy);
    assert_int_equal(ole2_cfb_open(&g, ls_buf_slice(&out)), LS_OK);
    assert_int_equal(g.damage, 0);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&g, "Big", &b), LS_OK);
    assert_int_equal(b.len, BIG_LEN);
    check_big(&b, BIG_LEN);
    ls_buf_reset(&b);
    assert_int_equal(read_named(&g, "Small", &b), LS_OK);
    assert_int_equal(b.len, SMALL_LEN);
    assert_int_not_equal(ole2_cfb_find_type(&g, OLE2_ROOT, "Store", OLE2_T_STORAGE), OLE2_NOSTREAM);
    /* Exporting a stream is refused. */
    assert_int_equal(ole2_cfb_export(&f, ole2_cfb_find(&f, OLE2_ROOT, "Big"), &out, &lossy), LS_E_ARG);
    ls_buf_free(&b);
    ls_buf_free(&out);
    ole2_cfb_close(&g);
    ole2_cfb_close(&f);
}

/* 110 FAT sectors: the 110th is listed only in a DIFAT sector, and it
 * maps the sectors of a stream placed at sector 14000 (a 7 MiB file). */
#define FAR_N 14100u
#define FAR_AT 14000u
static void build_difat(void)
{
    static const uint8_t sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    memset(img, 0, (size_t)(FAR_N + 1) * SS);
    memcpy(img, sig, 8);
    put16(24, 0x3E);
    put16(26, 3);
    put16(28, 0xFFFE);
    put16(30, 9);
    put16(32, 6);
    put32(44, 110);
    put32(48, 111);
    put32(56, 4096);
    put32(60, END);
    put32(68, 110);
    put32(72, 1);
    for (unsigned i = 0; i < 109; i++) put32(76 + 4 * i, i);
    for (uint32_t i = 0; i < 128; i++) put32(sect(110) + 4 * i, FREE);
    put32(sect(110), 109);
    put32(sect(110) + 4 * 127, END);
    for (uint32_t n = 0; n < 110 * 128; n++) {
        uint32_t v = FREE;
        if (n < 110) v = 0xFFFFFFFDu;
        else if (n == 110) v = 0xFFFFFFFCu;
        else if (n == 111) v = END;
        else if (n >= FAR_AT && n < FAR_AT + 7) v = n + 1;
        else if (n == FAR_AT + 7) v = END;
        put32(sect(n / 128) + 4 * (size_t)(n % 128), v);
    }
    size_t d = sect(111);
    const char *root = "Root Entry";
    for (size_t k = 0; root[k]; k++) put16(d + 2 * k, (uint8_t)root[k]);
    put16(d + 64, 22);
    img[d + 66] = OLE2_T_ROOT;
    put32(d + 68, FREE);
    put32(d + 72, FREE);
    put32(d + 76, 1);
    put32(d + 116, END);
    d += 128;
    put16(d, 'F');
    put16(d + 2, 'a');
    put16(d + 4, 'r');
    put16(d + 64, 8);
    img[d + 66] = OLE2_T_STREAM;
    put32(d + 68, FREE);
    put32(d + 72, FREE);
    put32(d + 76, FREE);
    put32(d + 116, FAR_AT);
    put32(d + 120, 4096);
    for (uint32_t i = 0; i < 4096; i++) img[sect(FAR_AT) + i] = (uint8_t)(i * 7);
}

static void test_difat(void **state)
{
    (void)state;
    struct ole2_cfb f;
    struct ls_buf b;
    size_t len = (size_t)(FAR_N + 1) * SS;
    img = calloc(1, len);
    assert_non_null(img);
    build_difat();
    assert_int_equal(ole2_cfb_open(&f, ls_slice_make(img, len)), LS_OK);
    assert_int_equal(f.damage, 0);
    assert_int_equal(f.fat_len, 110 * 128);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Far", &b), LS_OK);
    check_big(&b, 4096);
    ole2_cfb_close(&f);
    /* A DIFAT chain that loops on itself while the header wants more. */
    put32(sect(110) + 4 * 127, 110);
    put32(44, 300);
    put32(72, 50);
    assert_int_equal(ole2_cfb_open(&f, ls_slice_make(img, len)), LS_OK);
    assert_true(f.damage & OLE2_DMG_FAT);
    ls_buf_reset(&b);
    assert_int_equal(read_named(&f, "Far", &b), LS_OK);
    ole2_cfb_close(&f);
    ls_buf_free(&b);
    free(img);
    img = small_img;
}

/* Export a storage whose stream needs more than 109 FAT sectors: the
 * writer must emit a DIFAT sector, and the reader must follow it. */
static void test_export_difat(void **state)
{
    (void)state;
    struct ole2_cfb f, g;
    struct ls_buf out, b;
    bool lossy = true;
    size_t len = (size_t)(FAR_N + 1) * SS;
    uint32_t first = 112, last = 110 * 128 - 1; /* the last sector the FAT maps */
    img = calloc(1, len);
    assert_non_null(img);
    build_difat();
    for (uint32_t n = first; n <= last; n++) {
        put32(sect(n / 128) + 4 * (size_t)(n % 128), n == last ? END : n + 1);
        img[sect(n)] = (uint8_t)n;
        img[sect(n) + SS - 1] = (uint8_t)(n >> 8);
    }
    put32(sect(111) + 128 + 116, first);
    put32(sect(111) + 128 + 120, (last - first + 1) * SS);
    assert_int_equal(ole2_cfb_open(&f, ls_slice_make(img, len)), LS_OK);
    assert_int_equal(f.damage, 0);
    ls_buf_init(&b, 2 * len);
    assert_int_equal(read_named(&f, "Far", &b), LS_OK);
    ls_buf_free(&b);
    ls_buf_init(&out, 4 * len);
    assert_int_equal(ole2_cfb_export(&f, OLE2_ROOT, &out, &lossy), LS_OK);
    assert_false(lossy);
    uint32_t ndifat = 0;
    assert_true(ls_rd_u32le(ls_buf_slice(&out), 72, &ndifat));
    assert_int_equal(ndifat, 1);
    assert_int_equal(ole2_cfb_open(&g, ls_buf_slice(&out)), LS_OK);
    assert_int_equal(g.damage, 0);
    ls_buf_init(&b, 2 * len);
    assert_int_equal(read_named(&g, "Far", &b), LS_OK);
    assert_int_equal(b.len, (size_t)(last - first + 1) * SS);
    for (uint32_t n = first; n <= last; n++) {
        assert_int_equal(b.ptr[(size_t)(n - first) * SS], (uint8_t)n);
        assert_int_equal(b.ptr[(size_t)(n - first) * SS + SS - 1], (uint8_t)(n >> 8));
    }
    ls_buf_free(&b);
    ls_buf_free(&out);
    ole2_cfb_close(&g);
    ole2_cfb_close(&f);
    free(img);
    img = small_img;
}

/* Version 4: 4096-byte sectors, the header padded to a full sector, a
 * 64-bit stream size. Sector 0 directory, 1 FAT, 2-3 "Big" (5000 bytes). */
static void test_v4(void **state)
{
    (void)state;
    static const uint8_t sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    const size_t S4 = 4096, len = 5 * S4;
    struct ole2_cfb f;
    struct ls_buf b;
    img = calloc(1, len);
    assert_non_null(img);
    memcpy(img, sig, 8);
    put16(24, 0x3E);
    put16(26, 4);
    put16(28, 0xFFFE);
    put16(30, 12);
    put16(32, 6);
    put32(40, 1);
    put32(44, 1);
    put32(48, 0);
    put32(56, 4096);
    put32(60, END);
    put32(68, END);
    for (unsigned i = 0; i < 109; i++) put32(76 + 4 * i, i == 0 ? 1 : FREE);
    size_t fat = 2 * S4;
    for (uint32_t i = 0; i < 1024; i++) put32(fat + 4 * i, FREE);
    put32(fat + 0, END);
    put32(fat + 4, 0xFFFFFFFDu);
    put32(fat + 8, 3);
    put32(fat + 12, END);
    size_t d = S4;
    const char *root = "Root Entry";
    for (size_t k = 0; root[k]; k++) put16(d + 2 * k, (uint8_t)root[k]);
    put16(d + 64, 22);
    img[d + 66] = OLE2_T_ROOT;
    put32(d + 68, FREE);
    put32(d + 72, FREE);
    put32(d + 76, 1);
    put32(d + 116, END);
    d += 128;
    put16(d, 'B');
    put16(d + 2, 'i');
    put16(d + 4, 'g');
    put16(d + 64, 8);
    img[d + 66] = OLE2_T_STREAM;
    put32(d + 68, FREE);
    put32(d + 72, FREE);
    put32(d + 76, FREE);
    put32(d + 116, 2);
    put32(d + 120, 5000);
    put32(d + 124, 0);
    for (uint32_t i = 0; i < 5000; i++) img[3 * S4 + i] = (uint8_t)(i * 7);
    assert_int_equal(ole2_cfb_open(&f, ls_slice_make(img, len)), LS_OK);
    assert_int_equal(f.damage, 0);
    assert_int_equal(f.sector_size, 4096);
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(read_named(&f, "Big", &b), LS_OK);
    assert_int_equal(b.len, 5000);
    check_big(&b, 5000);
    ole2_cfb_close(&f);
    /* v4 sizes are 64-bit: a size past the file is capped and noted. */
    put32(d + 124, 1);
    assert_int_equal(ole2_cfb_open(&f, ls_slice_make(img, len)), LS_OK);
    assert_true(f.damage & OLE2_DMG_TRUNCATED);
    ls_buf_reset(&b);
    assert_int_equal(read_named(&f, "Big", &b), LS_E_TRUNCATED);
    ole2_cfb_close(&f);
    ls_buf_free(&b);
    free(img);
    img = small_img;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_good_file),
        cmocka_unit_test(test_fat_cycle),
        cmocka_unit_test(test_self_loop_and_out_of_range),
        cmocka_unit_test(test_directory_cycle),
        cmocka_unit_test(test_mini_cycle),
        cmocka_unit_test(test_hostile_header),
        cmocka_unit_test(test_missing_fat_sector_is_free),
        cmocka_unit_test(test_truncated_stream),
        cmocka_unit_test(test_v3_size_high_bits_ignored),
        cmocka_unit_test(test_export_roundtrip),
        cmocka_unit_test(test_difat),
        cmocka_unit_test(test_export_difat),
        cmocka_unit_test(test_v4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
