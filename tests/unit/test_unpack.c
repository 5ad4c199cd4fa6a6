/*
 * Unit tests of src/unpack/ internals: the libarchive session over a slice,
 * the bounded member read (max, budget, ratio), and the spilling sink.
 * Fixtures are built in memory with libarchive's writer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "pipeline/pipeline.h"
#include "unpack/gztrap.h"
#include "unpack/unpack_int.h"
#include "unpack/zipread.h"

struct member {
    const char *name;
    const void *data;
    size_t len;
};

/* Build a zip (or another format) in memory. */
static uint8_t *make_archive(const char *fmt, const char *opts, const struct member *m, size_t n,
                             size_t *out_len)
{
    size_t cap = 1u << 22;
    uint8_t *buf = malloc(cap);
    assert_non_null(buf);
    struct archive *a = archive_write_new();
    assert_int_equal(archive_write_set_format_by_name(a, fmt), ARCHIVE_OK);
    if (opts) assert_int_equal(archive_write_set_options(a, opts), ARCHIVE_OK);
    if (opts && strstr(opts, "encryption"))
        assert_int_equal(archive_write_set_passphrase(a, "secret"), ARCHIVE_OK);
    size_t used = 0;
    assert_int_equal(archive_write_open_memory(a, buf, cap, &used), ARCHIVE_OK);
    for (size_t i = 0; i < n; i++) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m[i].name);
        archive_entry_set_size(e, (la_int64_t)m[i].len);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
        assert_int_equal(archive_write_data(a, m[i].data, m[i].len), (la_ssize_t)m[i].len);
        archive_entry_free(e);
    }
    assert_int_equal(archive_write_close(a), ARCHIVE_OK);
    archive_write_free(a);
    *out_len = used;
    return buf;
}

struct fake_budget {
    uint64_t left;
    uint64_t charged;
};

static ls_err fake_charge(void *ud, uint64_t n)
{
    struct fake_budget *b = ud;
    if (n > b->left) {
        b->left = 0;
        return LS_E_LIMIT;
    }
    b->left -= n;
    b->charged += n;
    return LS_OK;
}

/* Read entry `which` of an archive into a sink. */
/* charge_holes of a meter whose ud is another budget: charged here. */
static struct fake_budget *hole_budget;
static ls_err fake_charge_holes(void *ud, uint64_t n)
{
    (void)ud;
    return fake_charge(hole_budget, n);
}

static void read_entry(const uint8_t *ar, size_t len, size_t which, const struct unpack_meter *m,
                       struct unpack_sink *k, struct unpack_result *res, char *name, size_t name_cap)
{
    struct unpack_session ss;
    assert_int_equal(unpack_open(&ss, ls_slice_make(ar, len), UNPACK_MODE_ANY), LS_OK);
    struct archive_entry *e = NULL;
    for (size_t i = 0; i <= which; i++) assert_int_equal(unpack_next(&ss, &e), ARCHIVE_OK);
    if (name) {
        const char *p = archive_entry_pathname(e);
        assert_non_null(p);
        assert_true(strlen(p) < name_cap);
        memcpy(name, p, strlen(p) + 1);
    }
    unpack_read(&ss, m, k, res);
    unpack_close(&ss);
}

/* Two xz streams (fuzz/corpus/archive/xz_two_streams.tar.xz: a tar of
 * 10240 bytes in each), as `cat a.tar.xz b.tar.xz` makes them. */
static const uint8_t xz_two[] = {
    0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21, 0x01,
    0x16, 0x00, 0x00, 0x00, 0x74, 0x2f, 0xe5, 0xa3, 0xe0, 0x27, 0xff, 0x00, 0x5e, 0x5d, 0x00, 0x30,
    0x8b, 0x8a, 0x87, 0xc4, 0x0e, 0xf2, 0x97, 0xa4, 0xf8, 0x75, 0x3d, 0xc5, 0xa9, 0xed, 0xd9, 0x9a,
    0x6d, 0xca, 0xb5, 0x84, 0x0e, 0xf6, 0x35, 0xe5, 0xa6, 0x6e, 0xf2, 0xeb, 0x5f, 0x05, 0x50, 0xa7,
    0x38, 0x7c, 0xda, 0xe5, 0x6d, 0x22, 0x77, 0x0d, 0xc9, 0xed, 0xf5, 0x85, 0x22, 0x92, 0xea, 0x82,
    0xa8, 0x2d, 0x73, 0x6f, 0x22, 0xca, 0x21, 0xf1, 0x16, 0xac, 0xd1, 0xd2, 0x0b, 0x5b, 0x21, 0xfc,
    0xde, 0xfa, 0x7d, 0x21, 0x0b, 0x1f, 0x6b, 0x63, 0xc4, 0x87, 0x06, 0xa9, 0x2d, 0x61, 0x1e, 0xe3,
    0x25, 0xe1, 0x77, 0x27, 0x8d, 0xe9, 0x77, 0xd2, 0x02, 0x1d, 0x1f, 0x4d, 0x00, 0x00, 0x00, 0x00,
    0x11, 0xa7, 0x34, 0x4a, 0xdc, 0x30, 0xd8, 0xdf, 0x00, 0x01, 0x7a, 0x80, 0x50, 0x00, 0x00, 0x00,
    0x4a, 0x45, 0x07, 0x13, 0xb1, 0xc4, 0x67, 0xfb, 0x02, 0x00, 0x00, 0x00, 0x00, 0x04, 0x59, 0x5a,
    0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21, 0x01,
    0x16, 0x00, 0x00, 0x00, 0x74, 0x2f, 0xe5, 0xa3, 0xe0, 0x27, 0xff, 0x00, 0x67, 0x5d, 0x00, 0x31,
    0x0b, 0x8a, 0x87, 0xc4, 0x0e, 0xf2, 0x97, 0xa4, 0xf8, 0x75, 0x3d, 0xc5, 0xa9, 0xed, 0xd9, 0x97,
    0xa9, 0x98, 0x92, 0xf2, 0x31, 0x99, 0x39, 0x11, 0x64, 0x87, 0x38, 0x77, 0x2c, 0xc6, 0xe5, 0x50,
    0xf1, 0x74, 0x0c, 0x69, 0xdb, 0xf6, 0x8a, 0x83, 0xc4, 0x37, 0x5a, 0x99, 0xb3, 0xd8, 0xef, 0x7e,
    0x7a, 0x12, 0x7e, 0xda, 0xe0, 0x36, 0xae, 0x1a, 0x46, 0x35, 0x8f, 0xd1, 0x13, 0xf6, 0xe6, 0x24,
    0xa8, 0x7a, 0x68, 0x14, 0x43, 0x9c, 0x34, 0x5e, 0x88, 0x0e, 0x6a, 0xc7, 0xcb, 0xb7, 0xe2, 0xa2,
    0xfc, 0x1c, 0x47, 0x51, 0x72, 0xdc, 0xb7, 0xc3, 0xc9, 0x6d, 0x7a, 0x6d, 0x3e, 0xc3, 0x3b, 0x44,
    0xf1, 0xd7, 0xea, 0xa8, 0x09, 0x00, 0x00, 0x00, 0xb2, 0xc2, 0x28, 0x76, 0xdf, 0x36, 0x4d, 0x75,
    0x00, 0x01, 0x83, 0x01, 0x80, 0x50, 0x00, 0x00, 0x90, 0x03, 0xf4, 0xe7, 0xb1, 0xc4, 0x67, 0xfb,
    0x02, 0x00, 0x00, 0x00, 0x00, 0x04, 0x59, 0x5a,
};
#define XZ_TWO_SECOND 160

static void test_xz_decoded_size(void **state)
{
    (void)state;
    uint64_t first;
    assert_int_equal(unpack_xz_decoded_size(ls_slice_make(xz_two, sizeof xz_two), &first), 20480);
    assert_int_equal(first, 10240);
    assert_int_equal(unpack_xz_decoded_size(ls_slice_make(xz_two, XZ_TWO_SECOND), &first), 10240);
    assert_int_equal(first, 10240);
    /* stream padding (multiples of four zero bytes) between and after them */
    uint8_t padded[sizeof xz_two + 12];
    memcpy(padded, xz_two, XZ_TWO_SECOND);
    memset(padded + XZ_TWO_SECOND, 0, 4);
    memcpy(padded + XZ_TWO_SECOND + 4, xz_two + XZ_TWO_SECOND, sizeof xz_two - XZ_TWO_SECOND);
    memset(padded + sizeof xz_two + 4, 0, 8);
    assert_int_equal(unpack_xz_decoded_size(ls_slice_make(padded, sizeof padded), &first), 20480);
    assert_int_equal(first, 10240);
    /* not xz, cut, junk after it: nothing known */
    assert_int_equal(unpack_xz_decoded_size(ls_slice_make(xz_two, sizeof xz_two - 1), &first), 0);
    assert_int_equal(unpack_xz_decoded_size(ls_slice_make(xz_two + 1, sizeof xz_two - 1), &first), 0);
    assert_int_equal(unpack_xz_decoded_size(ls_slice_make((const uint8_t *)"YZ", 2), &first), 0);
    /* every byte changed to a few values, the file cut at ten lengths:
     * never a read outside it (the ASan build runs this too) */
    uint8_t m[sizeof xz_two];
    static const uint8_t vals[] = {0x00, 0x01, 0x7f, 0x80, 0xff};
    for (size_t i = 0; i < sizeof xz_two; i++)
        for (size_t k = 0; k < sizeof vals; k++) {
            memcpy(m, xz_two, sizeof m);
            m[i] = vals[k];
            for (size_t cut = sizeof m; cut + 40 > sizeof m && cut > 0; cut -= 4)
                (void)unpack_xz_decoded_size(ls_slice_make(m, cut), &first);
        }
}

/* `cat a.tar.zst b.tar.zst` of two 10240-byte tars: compressed from files
 * (each frame declares its content size) and from a pipe (none does). */
static const uint8_t zst_two_sized[] = {
    0x28, 0xb5, 0x2f, 0xfd, 0x64, 0x00, 0x27, 0x3d, 0x02, 0x00, 0x94, 0x02, 0x61, 0x2e, 0x74, 0x78,
    0x74, 0x00, 0x30, 0x30, 0x30, 0x30, 0x36, 0x34, 0x34, 0x30, 0x30, 0x30, 0x00, 0x30, 0x30, 0x36,
    0x37, 0x32, 0x32, 0x00, 0x20, 0x30, 0x00, 0x75, 0x73, 0x74, 0x61, 0x72, 0x00, 0x30, 0x68, 0x65,
    0x6c, 0x6c, 0x6f, 0x0a, 0x00, 0x0a, 0x00, 0xf6, 0x05, 0xf0, 0x06, 0x01, 0x0a, 0x88, 0x37, 0xa4,
    0x06, 0x80, 0x74, 0xdc, 0x8a, 0x9f, 0x0f, 0x41, 0xad, 0x00, 0xe0, 0x58, 0xb9, 0xcc, 0x4e, 0xa0,
    0x08, 0xce, 0x0c, 0x6d, 0x47, 0x28, 0xb5, 0x2f, 0xfd, 0x64, 0x00, 0x27, 0x95, 0x02, 0x00, 0x64,
    0x03, 0x62, 0x2e, 0x74, 0x78, 0x74, 0x00, 0x30, 0x30, 0x30, 0x30, 0x36, 0x34, 0x34, 0x30, 0x30,
    0x30, 0x30, 0x30, 0x32, 0x00, 0x30, 0x30, 0x36, 0x37, 0x31, 0x37, 0x00, 0x20, 0x30, 0x00, 0x75,
    0x73, 0x74, 0x61, 0x72, 0x00, 0x30, 0x53, 0x53, 0x4e, 0x20, 0x35, 0x33, 0x36, 0x2d, 0x32, 0x32,
    0x2d, 0x31, 0x38, 0x37, 0x34, 0x0a, 0x00, 0x09, 0x00, 0xd9, 0x0b, 0xe0, 0x17, 0x02, 0x14, 0x10,
    0x6f, 0x48, 0x0d, 0x00, 0xe9, 0xb8, 0x15, 0x6e, 0x6a, 0x03, 0xe0, 0x58, 0xb9, 0xcc, 0x4e, 0xa0,
    0x08, 0x73, 0x65, 0xe5, 0xdc,
};
#define ZST_SIZED_FIRST 85
static const uint8_t zst_two_piped[] = {
    0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0x4d, 0x02, 0x00, 0xe4, 0x02, 0x61, 0x2e, 0x74, 0x78, 0x74,
    0x00, 0x30, 0x30, 0x30, 0x30, 0x36, 0x34, 0x34, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x36, 0x00,
    0x00, 0x30, 0x30, 0x36, 0x37, 0x32, 0x32, 0x00, 0x20, 0x30, 0x00, 0x75, 0x73, 0x74, 0x61, 0x72,
    0x00, 0x30, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x0a, 0x00, 0x09, 0x00, 0xf6, 0x05, 0xf0, 0x06, 0x01,
    0x0a, 0x88, 0x37, 0xa4, 0x06, 0x80, 0xe4, 0x40, 0x04, 0x30, 0x68, 0x80, 0x63, 0xe5, 0x32, 0x3b,
    0x81, 0x22, 0xce, 0x0c, 0x6d, 0x47, 0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0x9d, 0x02, 0x00, 0x24,
    0x03, 0x62, 0x2e, 0x74, 0x78, 0x74, 0x00, 0x30, 0x30, 0x30, 0x30, 0x36, 0x34, 0x34, 0x30, 0x30,
    0x30, 0x30, 0x30, 0x32, 0x36, 0x37, 0x31, 0x37, 0x00, 0x20, 0x30, 0x75, 0x73, 0x74, 0x61, 0x72,
    0x00, 0x30, 0x30, 0x53, 0x53, 0x4e, 0x20, 0x35, 0x33, 0x36, 0x2d, 0x32, 0x32, 0x2d, 0x31, 0x38,
    0x37, 0x34, 0x0a, 0x0b, 0x00, 0x10, 0x05, 0x78, 0x40, 0x0b, 0x37, 0xd4, 0x72, 0x73, 0x14, 0x00,
    0x80, 0xc1, 0x0d, 0x9a, 0x31, 0xd3, 0x86, 0xca, 0xe0, 0x66, 0x31, 0x00, 0x8e, 0x95, 0xcb, 0xec,
    0x04, 0x8a, 0x73, 0x65, 0xe5, 0xdc,
};
#define ZST_PIPED_FIRST 86

static void test_zstd_more(void **state)
{
    (void)state;
    struct ls_slice sized = ls_slice_make(zst_two_sized, sizeof zst_two_sized);
    struct ls_slice piped = ls_slice_make(zst_two_piped, sizeof zst_two_piped);
    /* the first tar used 10240 bytes (or a little less): the second frame begins after it */
    assert_true(unpack_zstd_more(sized, 10240, 65536));
    assert_true(unpack_zstd_more(sized, 9216, 65536));
    assert_true(unpack_zstd_more(piped, 10240, 65536));
    /* one frame alone: nothing after the tar */
    assert_false(unpack_zstd_more(ls_slice_make(zst_two_sized, ZST_SIZED_FIRST), 9216, 65536));
    assert_false(unpack_zstd_more(ls_slice_make(zst_two_piped, ZST_PIPED_FIRST), 9216, 65536));
    /* a tar that used both frames' bytes (one tar cut into two frames) */
    assert_false(unpack_zstd_more(sized, 20480, 65536));
    /* declared sizes far past what was used */
    assert_true(unpack_zstd_more(ls_slice_make(zst_two_sized, ZST_SIZED_FIRST), 100, 1024));
    /* every byte changed to a few values, the file cut at ten lengths:
     * never a read outside it (the ASan build runs this too) */
    uint8_t m[sizeof zst_two_sized];
    static const uint8_t vals[] = {0x00, 0x01, 0x20, 0x7f, 0x80, 0xff};
    for (size_t i = 0; i < sizeof m; i++)
        for (size_t k = 0; k < sizeof vals; k++) {
            memcpy(m, zst_two_sized, sizeof m);
            m[i] = vals[k];
            for (size_t cut = sizeof m; cut + 40 > sizeof m && cut > 0; cut -= 4)
                (void)unpack_zstd_more(ls_slice_make(m, cut), 10240, 65536);
        }
}

/* `cat one.bz2 two.bz2` (bzip2 -9 of "one\n" and "two\n") and an empty
 * stream (end-of-stream magic, no block). */
static const uint8_t bz2_two[] = {
    0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x78, 0x13, 0xc0, 0x82, 0x00, 0x00,
    0x01, 0xc1, 0x00, 0x00, 0x10, 0x02, 0x01, 0xa0, 0x00, 0x21, 0x9a, 0x68, 0x33, 0x4d, 0x0c, 0xbc,
    0x5d, 0xc9, 0x14, 0xe1, 0x42, 0x41, 0xe0, 0x4f, 0x02, 0x08,
    0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x2e, 0xb7, 0x1a, 0xd7, 0x00, 0x00,
    0x01, 0x41, 0x80, 0x00, 0x10, 0x00, 0x00, 0x84, 0x80, 0x20, 0x00, 0x21, 0x9a, 0x68, 0x33, 0x4d,
    0x07, 0x3c, 0x5d, 0xc9, 0x14, 0xe1, 0x42, 0x40, 0xba, 0xdc, 0x6b, 0x5c,
};
#define BZ2_SECOND 42
static const uint8_t bz2_empty[] = {0x42, 0x5a, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90, 0, 0, 0, 0};

static void test_bzip2_last_stream(void **state)
{
    (void)state;
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(bz2_two, sizeof bz2_two)), BZ2_SECOND);
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(bz2_two, BZ2_SECOND)), 0);
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(bz2_two + BZ2_SECOND, sizeof bz2_two - BZ2_SECOND)), 0);
    /* an empty stream appended holds nothing to read */
    uint8_t m[sizeof bz2_two + sizeof bz2_empty];
    memcpy(m, bz2_two, BZ2_SECOND);
    memcpy(m + BZ2_SECOND, bz2_empty, sizeof bz2_empty);
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(m, BZ2_SECOND + sizeof bz2_empty)), 0);
    /* a block-size digit that is none, the magic cut at the end */
    memcpy(m, bz2_two, sizeof bz2_two);
    m[BZ2_SECOND + 3] = '0';
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(m, sizeof bz2_two)), 0);
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(bz2_two, BZ2_SECOND + 9)), 0);
    assert_int_equal(unpack_bzip2_last_stream(ls_slice_make(bz2_two, BZ2_SECOND + 10)), BZ2_SECOND);
    for (size_t cut = 0; cut <= sizeof bz2_two; cut++)
        (void)unpack_bzip2_last_stream(ls_slice_make(bz2_two, cut));
}

static void test_archive_end_shape(void **state)
{
    (void)state;
    static uint8_t d[2048];
    /* a tar's last member data, then its end blocks: the end of one tar */
    memset(d, 0, sizeof d);
    memcpy(d, "last bytes of a member", 22);
    assert_true(unpack_archive_end_shape(ls_slice_make(d, sizeof d), false));
    assert_true(unpack_archive_end_shape(ls_slice_make(d + 1024, 100), false)); /* padding only */
    /* text, not a tar's end */
    memset(d + 1024, 'x', 1024);
    assert_false(unpack_archive_end_shape(ls_slice_make(d, sizeof d), false));
    /* a ustar header with a valid checksum: another archive begins */
    memset(d, 0, sizeof d);
    memcpy(d, "b.txt", 5);
    memcpy(d + 100, "0000644", 7);
    memcpy(d + 124, "00000000002", 11);
    d[156] = '0';
    memcpy(d + 257, "ustar", 5);
    unsigned sum = 0;
    for (size_t i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? ' ' : d[i];
    snprintf((char *)d + 148, 8, "%06o", sum);
    assert_false(unpack_archive_end_shape(ls_slice_make(d, sizeof d), false));
    d[0] = 'c'; /* checksum now wrong: data that ends in zeros */
    assert_true(unpack_archive_end_shape(ls_slice_make(d, sizeof d), false));
    /* cpio: its trailer ends the piece; a new header begins another */
    memset(d, 0, sizeof d);
    memcpy(d + 1500, "TRAILER!!!", 10);
    memset(d + 1510, 'y', 538);
    assert_true(unpack_archive_end_shape(ls_slice_make(d, sizeof d), true));
    assert_false(unpack_archive_end_shape(ls_slice_make(d, sizeof d), false));
    memcpy(d, "070701", 6);
    assert_false(unpack_archive_end_shape(ls_slice_make(d, sizeof d), true));
    assert_true(unpack_archive_end_shape(ls_slice_make(d, 0), false));
}

static void test_read_zip_members(void **state)
{
    (void)state;
    static const char a[] = "hello, world\n";
    static const char b[] = "second member with jane.doe@example.com\n";
    struct member m[] = {{"a.txt", a, sizeof a - 1}, {"dir/caf\xc3\xa9.txt", b, sizeof b - 1}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=deflate", m, 2, &len);
    struct fake_budget fb = {1u << 20, 0};
    struct unpack_meter meter = {.charge = fake_charge, .ud = &fb, .max = 1u << 20};
    struct unpack_sink k;
    struct unpack_result res;
    char name[64];
    unpack_sink_init(&k, 0);
    read_entry(zip, len, 1, &meter, &k, &res, name, sizeof name);
    assert_int_equal(res.stop, UNPACK_DONE);
    /* a UTF-8 name comes back as its bytes, whatever the process locale */
    assert_string_equal(name, "dir/caf\xc3\xa9.txt");
    struct ls_slice s;
    assert_int_equal(unpack_sink_slice(&k, &s), LS_OK);
    assert_int_equal(s.len, sizeof b - 1);
    assert_memory_equal(s.ptr, b, sizeof b - 1);
    assert_int_equal(fb.charged, sizeof b - 1);
    unpack_sink_free(&k);
    free(zip);
}

static void test_read_cut_at_max(void **state)
{
    (void)state;
    size_t n = 100000;
    uint8_t *big = calloc(1, n);
    struct member m[] = {{"z.bin", big, n}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=deflate", m, 1, &len);
    struct fake_budget fb = {1u << 30, 0};
    struct unpack_meter meter = {.charge = fake_charge, .ud = &fb, .max = 1000};
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init(&k, 0);
    read_entry(zip, len, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_CUT_MAX);
    assert_int_equal(k.len, 1000);
    assert_int_equal(fb.charged, 1000);
    unpack_sink_free(&k);
    free(zip);
    free(big);
}

static void test_read_cut_by_budget(void **state)
{
    (void)state;
    size_t n = 300000;
    uint8_t *big = calloc(1, n);
    struct member m[] = {{"z.bin", big, n}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=deflate", m, 1, &len);
    struct fake_budget fb = {5000, 0};
    struct unpack_meter meter = {.charge = fake_charge, .ud = &fb, .max = UINT64_MAX};
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init(&k, 0);
    read_entry(zip, len, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_CUT_BUDGET);
    assert_true(k.len <= 5000);
    assert_true(fb.charged <= 5000);
    unpack_sink_free(&k);
    free(zip);
    free(big);
}

/* A gzip stream of 16 MiB of zeros (a gz bomb in small) stops at the floor, not at its real size. */
static void test_ratio_bomb_stops_early(void **state)
{
    (void)state;
    size_t n = 16u << 20;
    uint8_t *big = malloc(n);
    memset(big, 'A', n); /* zeros would read as an empty tar */
    struct archive *a = archive_write_new();
    archive_write_set_format_raw(a);
    archive_write_add_filter_gzip(a);
    size_t cap = 1u << 20, used = 0;
    uint8_t *gz = malloc(cap);
    assert_int_equal(archive_write_open_memory(a, gz, cap, &used), ARCHIVE_OK);
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_size(e, (la_int64_t)n);
    assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
    assert_int_equal(archive_write_data(a, big, n), (la_ssize_t)n);
    archive_entry_free(e);
    archive_write_close(a);
    archive_write_free(a);
    struct fake_budget fb = {1u << 30, 0};
    struct unpack_meter meter = {
        .charge = fake_charge, .ud = &fb, .max = UINT64_MAX, .ratio = 100, .floor = 1u << 20};
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init(&k, 0);
    read_entry(gz, used, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_CUT_BOMB);
    assert_true(k.len > (1u << 20));
    assert_true(k.len < (8u << 20));
    unpack_sink_free(&k);
    free(gz);
    free(big);
}

/* A benign, poorly compressible member never trips the ratio. */
static void test_ratio_benign(void **state)
{
    (void)state;
    size_t n = 3u << 20;
    uint8_t *rnd = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        rnd[i] = (uint8_t)(x >> 24);
    }
    struct member m[] = {{"r.bin", rnd, n}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=deflate", m, 1, &len);
    struct fake_budget fb = {1u << 30, 0};
    struct unpack_meter meter = {
        .charge = fake_charge, .ud = &fb, .max = UINT64_MAX, .ratio = 2, .floor = 1u << 20};
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init(&k, 0);
    read_entry(zip, len, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_DONE);
    assert_int_equal(k.len, n);
    unpack_sink_free(&k);
    free(zip);
    free(rnd);
}

static void test_sink_spills_to_unlinked_file(void **state)
{
    (void)state;
    struct unpack_sink k;
    uint8_t blk[1000];
    for (size_t i = 0; i < sizeof blk; i++) blk[i] = (uint8_t)i;
    unpack_sink_init(&k, 2500);
    for (int i = 0; i < 5; i++) assert_int_equal(unpack_sink_add(&k, blk, sizeof blk), LS_OK);
    assert_true(k.fd >= 0);
    assert_non_null(k.spill_kind);
    assert_int_equal(k.mem.len, 0);
    struct ls_slice s;
    assert_int_equal(unpack_sink_slice(&k, &s), LS_OK);
    assert_int_equal(s.len, 5000);
    for (int i = 0; i < 5; i++) assert_memory_equal(s.ptr + i * 1000, blk, sizeof blk);
    unpack_sink_free(&k);
}

static void test_sink_stays_in_memory_below_threshold(void **state)
{
    (void)state;
    struct unpack_sink k;
    unpack_sink_init(&k, 1u << 20);
    assert_int_equal(unpack_sink_add(&k, "abc", 3), LS_OK);
    assert_int_equal(k.fd, -1);
    struct ls_slice s;
    assert_int_equal(unpack_sink_slice(&k, &s), LS_OK);
    assert_int_equal(s.len, 3);
    unpack_sink_free(&k);
}

static void test_encrypted_zip_detected(void **state)
{
    (void)state;
    static const char a[] = "secret payload";
    struct member m[] = {{"s.txt", a, sizeof a - 1}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:encryption=zipcrypt", m, 1, &len);
    struct unpack_session ss;
    assert_int_equal(unpack_open(&ss, ls_slice_make(zip, len), UNPACK_MODE_ANY), LS_OK);
    struct archive_entry *e = NULL;
    assert_int_equal(unpack_next(&ss, &e), ARCHIVE_OK);
    assert_true(archive_entry_is_data_encrypted(e));
    struct fake_budget fb = {1u << 20, 0};
    struct unpack_meter meter = {.charge = fake_charge, .ud = &fb, .max = 1u << 20};
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init(&k, 0);
    unpack_read(&ss, &meter, &k, &res);
    assert_true(res.stop == UNPACK_FAILED || res.stop == UNPACK_FATAL);
    assert_int_equal(k.len, 0);
    unpack_sink_free(&k);
    unpack_close(&ss);
    free(zip);
}

static void test_truncated_zip_reports_error(void **state)
{
    (void)state;
    static const char a[] = "some text that is long enough to be cut somewhere in the middle";
    struct member m[] = {{"a.txt", a, sizeof a - 1}, {"b.txt", a, sizeof a - 1}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=store", m, 2, &len);
    struct unpack_session ss;
    ls_err oe = unpack_open(&ss, ls_slice_make(zip, len / 2), UNPACK_MODE_ANY);
    if (oe == LS_OK) {
        struct archive_entry *e = NULL;
        int r = ARCHIVE_OK;
        for (int i = 0; i < 4 && r == ARCHIVE_OK; i++) r = unpack_next(&ss, &e);
        assert_true(r != ARCHIVE_OK);
        assert_true(r == ARCHIVE_EOF || ss.err[0] != 0);
    } else {
        assert_true(ss.err[0] != 0);
    }
    unpack_close(&ss);
    free(zip);
}

/* A sparse tar entry: holes are zero-filled and charged like data; under
 * the meter's hole_free they are no expansion for the ratio. */
static void test_sparse_holes_filled_and_charged(void **state)
{
    (void)state;
    size_t size = 4u << 20, cap = 1u << 16, used = 0;
    uint8_t *tar = malloc(cap);
    struct archive *a = archive_write_new();
    archive_write_set_format_pax(a);
    assert_int_equal(archive_write_open_memory(a, tar, cap, &used), ARCHIVE_OK);
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, "hole.img");
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_size(e, (la_int64_t)size);
    archive_entry_sparse_add_entry(e, (la_int64_t)size - 5, 5);
    assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
    /* the writer takes the whole logical content and stores only the
     * data regions */
    uint8_t *full = calloc(1, size);
    memcpy(full + size - 5, "tail!", 5);
    assert_int_equal(archive_write_data(a, full, size), (la_ssize_t)size);
    free(full);
    archive_entry_free(e);
    assert_int_equal(archive_write_close(a), ARCHIVE_OK);
    archive_write_free(a);
    struct fake_budget fb = {1u << 30, 0};
    struct unpack_meter meter = {.charge = fake_charge, .ud = &fb, .max = UINT64_MAX};
    struct unpack_sink k;
    struct unpack_result res;
    unpack_sink_init(&k, 0);
    read_entry(tar, used, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_DONE);
    assert_int_equal(k.len, size);
    assert_int_equal(fb.charged, size);
    struct ls_slice s;
    assert_int_equal(unpack_sink_slice(&k, &s), LS_OK);
    assert_memory_equal(s.ptr + size - 5, "tail!", 5);
    assert_int_equal(s.ptr[0], 0);
    assert_int_equal(s.ptr[size / 2], 0);
    unpack_sink_free(&k);
    /* with a ratio, a hole is a bomb */
    meter.ratio = 10;
    meter.floor = 1u << 20;
    unpack_sink_init(&k, 0);
    read_entry(tar, used, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_CUT_BOMB);
    assert_true(k.len < size);
    unpack_sink_free(&k);
    /* holes under hole_free count toward no ratio and are charged through
     * charge_holes: the member is read whole */
    struct fake_budget holes = {1u << 30, 0};
    fb.charged = 0;
    meter.hole_free = 8u << 20;
    meter.charge_holes = fake_charge_holes;
    hole_budget = &holes;
    unpack_sink_init(&k, 0);
    read_entry(tar, used, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_DONE);
    assert_int_equal(k.len, size);
    assert_int_equal(holes.charged, size - 5);
    assert_int_equal(fb.charged, 5);
    unpack_sink_free(&k);
    /* more holes than hole_free: a bomb again past them */
    holes.charged = 0;
    meter.hole_free = 1u << 20;
    unpack_sink_init(&k, 0);
    read_entry(tar, used, 0, &meter, &k, &res, NULL, 0);
    assert_int_equal(res.stop, UNPACK_CUT_BOMB);
    assert_int_equal(holes.charged, 1u << 20);
    assert_true(k.len < size);
    unpack_sink_free(&k);
    hole_budget = NULL;
    free(tar);
}

/* ---- zipread through the real pipeline context ----
 * A test handler, forced on the root, runs the zipread calls and keeps the
 * outcome in a global the test then checks. */

struct zr_outcome {
    ls_err open;
    size_t count;
    bool found_b, found_missing;
    size_t ib;
    ls_err read_b, read_a, read_cut, read_enc, read_again;
    char b[128], a[64], again[64];
    size_t cut_len;
    char name0[64];
};

static struct zr_outcome g_zr;
static size_t g_zr_cut = 5;

static void copy_buf(char *dst, size_t cap, const struct ls_buf *b)
{
    size_t n = b->len < cap - 1 ? b->len : cap - 1;
    memcpy(dst, ls_buf_str(b), n);
    dst[n] = 0;
}

static ls_err zr_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_zip *z = NULL;
    struct ls_buf b;
    memset(&g_zr, 0, sizeof g_zr);
    g_zr.open = ls_zip_open(c, o, &z);
    if (g_zr.open != LS_OK) return LS_OK;
    g_zr.count = ls_zip_count(z);
    snprintf(g_zr.name0, sizeof g_zr.name0, "%s", ls_zip_name(z, 0) ? ls_zip_name(z, 0) : "");
    g_zr.found_missing = ls_zip_find(z, "nope.txt", &g_zr.ib);
    g_zr.found_b = ls_zip_find(z, "dir/b.txt", &g_zr.ib);
    ls_buf_init(&b, 1u << 20);
    /* forward, then backward (re-opens), then cut, then again */
    g_zr.read_b = ls_zip_read(z, g_zr.ib, 1u << 20, &b);
    copy_buf(g_zr.b, sizeof g_zr.b, &b);
    ls_buf_reset(&b);
    g_zr.read_a = ls_zip_read(z, 0, 1u << 20, &b);
    copy_buf(g_zr.a, sizeof g_zr.a, &b);
    ls_buf_reset(&b);
    g_zr.read_cut = ls_zip_read(z, g_zr.ib, g_zr_cut, &b);
    g_zr.cut_len = b.len;
    ls_buf_reset(&b);
    g_zr.read_again = ls_zip_read(z, 0, 1u << 20, &b);
    copy_buf(g_zr.again, sizeof g_zr.again, &b);
    ls_buf_reset(&b);
    g_zr.read_enc = g_zr.count > 2 ? ls_zip_read(z, 2, 1u << 20, &b) : LS_E_ARG;
    ls_buf_free(&b);
    ls_zip_close(z);
    return LS_OK;
}

static int zr_probe(const struct ls_object *o)
{
    (void)o;
    return 0;
}

static const struct ls_handler zr_handler = {.name = "zrtest", .probe = zr_probe,
                                             .extract = zr_extract};

static int discard(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    (void)ud, (void)kind, (void)line, (void)len;
    return 0;
}

static void run_zr(const uint8_t *data, size_t len)
{
    static struct ls_engine *eng;
    static struct ls_worker *w;
    char err[512];
    if (!w) {
        struct ls_config cfg;
        ls_config_default(&cfg);
        assert_int_equal(ls_engine_new(&cfg, &eng, err, sizeof err), LS_OK);
        assert_int_equal(ls_worker_new(eng, &w, err, sizeof err), LS_OK);
    }
    struct ls_ctx c;
    ls_ctx_init(&c, w, "test.zip", discard, NULL);
    c.force_handler = &zr_handler;
    assert_int_equal(ls_ctx_run_root(&c, ls_slice_make(data, len), 0, false), LS_OK);
    ls_ctx_fini(&c);
}

static void test_zipread_random_access(void **state)
{
    (void)state;
    static const char a[] = "alpha member\n";
    static const char b[] = "bravo member with jane.doe@example.com\n";
    struct member m[] = {{"a.txt", a, sizeof a - 1}, {"dir/b.txt", b, sizeof b - 1}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=deflate", m, 2, &len);
    run_zr(zip, len);
    assert_int_equal(g_zr.open, LS_OK);
    assert_int_equal(g_zr.count, 2);
    assert_string_equal(g_zr.name0, "a.txt");
    assert_false(g_zr.found_missing);
    assert_true(g_zr.found_b);
    assert_int_equal(g_zr.ib, 1);
    assert_int_equal(g_zr.read_b, LS_OK);
    assert_string_equal(g_zr.b, b);
    assert_int_equal(g_zr.read_a, LS_OK);
    assert_string_equal(g_zr.a, a);
    assert_int_equal(g_zr.read_cut, LS_E_LIMIT);
    assert_int_equal(g_zr.cut_len, g_zr_cut);
    assert_int_equal(g_zr.read_again, LS_OK);
    assert_string_equal(g_zr.again, a);
    assert_int_equal(g_zr.read_enc, LS_E_ARG);
    free(zip);
}

static void test_zipread_encrypted_member(void **state)
{
    (void)state;
    static const char a[] = "plain\n";
    struct member m[] = {{"a.txt", a, 6}, {"dir/b.txt", a, 6}, {"c.txt", a, 6}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:encryption=zipcrypt", m, 3, &len);
    run_zr(zip, len);
    assert_int_equal(g_zr.open, LS_OK);
    assert_int_equal(g_zr.count, 3);
    assert_int_equal(g_zr.read_a, LS_E_ENCRYPTED);
    assert_int_equal(g_zr.read_enc, LS_E_ENCRYPTED);
    free(zip);
}

static void test_zipread_not_a_zip(void **state)
{
    (void)state;
    static const uint8_t junk[] = "this is not a zip file at all, just text";
    run_zr(junk, sizeof junk - 1);
    assert_int_equal(g_zr.open, LS_E_CORRUPT);
}

/* A Fifield-style package is refused before anything is inflated. */
/* gzip headers whose FNAME/FCOMMENT field never ends (gztrap.h). */
static void test_gztrap_header(void **state)
{
    (void)state;
    static const uint8_t ok[] = {0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3, 'a', '.', 't', 0, 1, 2};
    static const uint8_t open_name[] = {0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c'};
    static const uint8_t open_comment[] = {0x1f, 0x8b, 8, 0x18, 0, 0, 0, 0, 0, 3, 'n', 0, 'c', 'c'};
    static const uint8_t extra_then_name[] = {0x1f, 0x8b, 8, 0x0c, 0, 0, 0, 0, 0, 3, 2, 0, 0, 0, 'n', 0};
    static const uint8_t no_fields[] = {0x1f, 0x8b, 8, 0x00, 0, 0, 0, 0, 0, 3};
    static const uint8_t not_gzip[] = {'P', 'K', 3, 4, 0x08};
    assert_false(ls_gztrap_header_open(ls_slice_make(ok, sizeof ok)));
    assert_true(ls_gztrap_header_open(ls_slice_make(open_name, sizeof open_name)));
    assert_true(ls_gztrap_header_open(ls_slice_make(open_comment, sizeof open_comment)));
    assert_false(ls_gztrap_header_open(ls_slice_make(extra_then_name, sizeof extra_then_name)));
    assert_false(ls_gztrap_header_open(ls_slice_make(no_fields, sizeof no_fields)));
    assert_false(ls_gztrap_header_open(ls_slice_make(not_gzip, sizeof not_gzip)));
    unsigned lvl = 0;
    assert_false(ls_gztrap(ls_slice_make(ok, sizeof ok), &lvl)); /* no decodable level */
}

static void test_zipread_refuses_overlap_bomb(void **state)
{
    (void)state;
    static const char k[] = "kernel kernel kernel";
    struct member m[] = {{"a.txt", k, sizeof k - 1}};
    size_t len;
    uint8_t *zip = make_archive("zip", "zip:compression=store", m, 1, &len);
    /* duplicate the one central-directory entry: two entries, one local file */
    size_t eocd = len - 22, cd_size = zip[eocd + 12] | (size_t)zip[eocd + 13] << 8;
    size_t cd = eocd - cd_size;
    uint8_t *bomb = malloc(len + cd_size);
    memcpy(bomb, zip, eocd);
    memcpy(bomb + eocd, zip + cd, cd_size);
    memcpy(bomb + eocd + cd_size, zip + eocd, 22);
    uint8_t *e = bomb + eocd + cd_size;
    e[8] = e[10] = 2;
    e[12] = (uint8_t)(2 * cd_size), e[13] = (uint8_t)((2 * cd_size) >> 8);
    run_zr(bomb, len + cd_size);
    assert_int_equal(g_zr.open, LS_E_LIMIT);
    free(bomb);
    free(zip);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xz_decoded_size),
        cmocka_unit_test(test_zstd_more),
        cmocka_unit_test(test_read_zip_members),
        cmocka_unit_test(test_read_cut_at_max),
        cmocka_unit_test(test_read_cut_by_budget),
        cmocka_unit_test(test_ratio_bomb_stops_early),
        cmocka_unit_test(test_ratio_benign),
        cmocka_unit_test(test_sink_spills_to_unlinked_file),
        cmocka_unit_test(test_sink_stays_in_memory_below_threshold),
        cmocka_unit_test(test_encrypted_zip_detected),
        cmocka_unit_test(test_truncated_zip_reports_error),
        cmocka_unit_test(test_sparse_holes_filled_and_charged),
        cmocka_unit_test(test_zipread_random_access),
        cmocka_unit_test(test_zipread_encrypted_member),
        cmocka_unit_test(test_zipread_not_a_zip),
        cmocka_unit_test(test_zipread_refuses_overlap_bomb),
        cmocka_unit_test(test_gztrap_header),
        cmocka_unit_test(test_bzip2_last_stream),
        cmocka_unit_test(test_archive_end_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
