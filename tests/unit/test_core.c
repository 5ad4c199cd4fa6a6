/* Unit tests for src/core: slices, cursors, bounded buffers, UTF-8 / UTF-16 /
 * cp1252 helpers, the JSON string encoder and base64 (exact vectors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/ls_core.h"
#include "core/ls_fpindex.h"

static struct ls_slice S(const void *p, size_t n) { return ls_slice_make(p, n); }
static struct ls_slice Z(const char *s) { return ls_slice_make(s, strlen(s)); }

static const uint8_t bytes8[8] = {1, 2, 3, 4, 5, 6, 7, 8};

/* ---- errors ---- */

static void err_names_are_pinned(void **st)
{
    (void)st;
    assert_int_equal(LS_OK, 0);
    assert_int_equal(LS_E_INTERNAL, 11);
    assert_string_equal(ls_err_name(LS_OK), "ok");
    assert_string_equal(ls_err_name(LS_E_NOMEM), "nomem");
    assert_string_equal(ls_err_name(LS_E_TRUNCATED), "truncated");
    assert_string_equal(ls_err_name(LS_E_LIMIT), "limit");
    assert_string_equal(ls_err_name(LS_E_INTERNAL), "internal");
    assert_string_equal(ls_err_name((ls_err)12), "unknown");
    assert_string_equal(ls_err_name((ls_err)-1), "unknown");
}

/* ---- slices ---- */

static void slice_sub_bounds(void **st)
{
    (void)st;
    struct ls_slice s = S(bytes8, 8), out = S("x", 1);
    assert_true(ls_slice_sub(s, 2, 3, &out));
    assert_ptr_equal(out.ptr, bytes8 + 2);
    assert_int_equal(out.len, 3);
    assert_true(ls_slice_sub(s, 8, 0, &out)); /* empty at the very end */
    assert_int_equal(out.len, 0);
    assert_true(ls_slice_sub(s, 0, 8, &out));
    out = S("x", 1);
    assert_false(ls_slice_sub(s, 9, 0, &out));
    assert_false(ls_slice_sub(s, 4, 5, &out));
    assert_false(ls_slice_sub(s, 1, SIZE_MAX, &out)); /* off + n overflows */
    assert_false(ls_slice_sub(s, SIZE_MAX, 1, &out));
    assert_ptr_equal(out.ptr, bytes8); /* failure: the empty slice at s's start */
    assert_int_equal(out.len, 0);
}

static void slice_from_at_find(void **st)
{
    (void)st;
    struct ls_slice s = Z("abcabc"), out;
    assert_true(ls_slice_from(s, 6, &out));
    assert_int_equal(out.len, 0);
    assert_true(ls_slice_from(s, 2, &out));
    assert_int_equal(out.len, 4);
    assert_false(ls_slice_from(s, 7, &out));

    const uint8_t hi[2] = {0xff, 0x00};
    assert_int_equal(ls_slice_at(S(hi, 2), 0), 255); /* not sign-extended */
    assert_int_equal(ls_slice_at(S(hi, 2), 1), 0);
    assert_int_equal(ls_slice_at(S(hi, 2), 2), -1);
    assert_int_equal(ls_slice_at(S(NULL, 0), 0), -1);

    assert_int_equal(ls_slice_find(s, 0, "bc", 2), 1);
    assert_int_equal(ls_slice_find(s, 2, "bc", 2), 4);
    assert_int_equal(ls_slice_find(s, 5, "bc", 2), SIZE_MAX);
    assert_int_equal(ls_slice_find(s, 0, "abcabcd", 7), SIZE_MAX);
    assert_int_equal(ls_slice_find(s, 7, "a", 1), SIZE_MAX);
    assert_int_equal(ls_slice_find(s, 3, "", 0), 3);
    assert_int_equal(ls_slice_find(s, SIZE_MAX, "a", 1), SIZE_MAX);
}

static void slice_starts_eq(void **st)
{
    (void)st;
    assert_true(ls_slice_starts(Z("%PDF-1.7"), "%PDF-", 5));
    assert_false(ls_slice_starts(Z("%PD"), "%PDF-", 5));
    assert_true(ls_slice_starts(S(NULL, 0), "", 0));
    assert_true(ls_slice_eq_str(Z("abc"), "abc"));
    assert_false(ls_slice_eq_str(Z("abc"), "abcd"));
    assert_false(ls_slice_eq_str(Z("abd"), "abc"));
    assert_true(ls_slice_eq_str(S(NULL, 0), ""));
}

/* ---- cursors ---- */

static void cursor_reads_le_be(void **st)
{
    (void)st;
    struct ls_cursor c = ls_cur_make(S(bytes8, 8));
    uint8_t b;
    uint16_t h;
    uint32_t w;
    uint64_t q;
    assert_int_equal(ls_cur_u8(&c, &b), LS_OK);
    assert_int_equal(b, 1);
    assert_int_equal(ls_cur_u16le(&c, &h), LS_OK);
    assert_int_equal(h, 0x0302);
    assert_int_equal(ls_cur_u16be(&c, &h), LS_OK);
    assert_int_equal(h, 0x0405);
    assert_int_equal(ls_cur_left(&c), 3);
    assert_int_equal(ls_cur_seek(&c, 0), LS_OK);
    assert_int_equal(ls_cur_u32le(&c, &w), LS_OK);
    assert_int_equal(w, 0x04030201u);
    assert_int_equal(ls_cur_u32be(&c, &w), LS_OK);
    assert_int_equal(w, 0x05060708u);
    assert_int_equal(ls_cur_seek(&c, 0), LS_OK);
    assert_int_equal(ls_cur_u64le(&c, &q), LS_OK);
    assert_true(q == 0x0807060504030201ull);
    assert_int_equal(ls_cur_left(&c), 0);
}

static void cursor_short_read_leaves_cursor(void **st)
{
    (void)st;
    struct ls_cursor c = ls_cur_make(S(bytes8, 8));
    assert_int_equal(ls_cur_skip(&c, 5), LS_OK);
    uint32_t w = 0xdeadbeef;
    uint64_t q = 7;
    assert_int_equal(ls_cur_u32le(&c, &w), LS_E_TRUNCATED);
    assert_int_equal(w, 0); /* failure writes 0 */
    assert_int_equal(c.pos, 5);
    assert_int_equal(ls_cur_u64le(&c, &q), LS_E_TRUNCATED);
    assert_true(q == 0);
    assert_int_equal(c.pos, 5);
    struct ls_slice out = S("x", 1);
    assert_int_equal(ls_cur_take(&c, 4, &out), LS_E_TRUNCATED);
    assert_int_equal(out.len, 0);
    assert_int_equal(ls_cur_take(&c, SIZE_MAX, &out), LS_E_TRUNCATED);
    assert_int_equal(ls_cur_skip(&c, 4), LS_E_TRUNCATED);
    assert_int_equal(ls_cur_skip(&c, SIZE_MAX), LS_E_TRUNCATED);
    assert_int_equal(c.pos, 5);
    assert_int_equal(ls_cur_take(&c, 3, &out), LS_OK);
    assert_ptr_equal(out.ptr, bytes8 + 5);
    assert_int_equal(out.len, 3);
    assert_int_equal(ls_cur_seek(&c, 8), LS_OK);
    assert_int_equal(ls_cur_seek(&c, 9), LS_E_TRUNCATED);
    assert_int_equal(c.pos, 8);
    uint8_t b;
    assert_int_equal(ls_cur_u8(&c, &b), LS_E_TRUNCATED);
}

/* Every reader writes its out-param when it fails (an unset one read after
 * an ignored failure was UB: ole2_doc's piece table, evtx's free_off): the
 * empty slice at the input's start, or 0. */
static void failed_slices_are_empty_at_start(void **st)
{
    (void)st;
    struct ls_slice s = S(bytes8, 8), out;
    const size_t bad[][2] = {{9, 0}, {4, 5}, {1, SIZE_MAX}, {SIZE_MAX, 1}, {8, 1}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        out = S("x", 1);
        assert_false(ls_slice_sub(s, bad[i][0], bad[i][1], &out));
        assert_ptr_equal(out.ptr, bytes8);
        assert_int_equal(out.len, 0);
    }
    out = S("x", 1);
    assert_false(ls_slice_from(s, 9, &out));
    assert_ptr_equal(out.ptr, bytes8);
    assert_int_equal(out.len, 0);
    out = S("x", 1);
    assert_false(ls_slice_from(s, SIZE_MAX, &out));
    assert_ptr_equal(out.ptr, bytes8);
    assert_int_equal(out.len, 0);
    /* a sub-slice of a sub-slice: the start of the one read from */
    struct ls_slice mid = S(bytes8 + 3, 2);
    out = S("x", 1);
    assert_false(ls_slice_sub(mid, 1, 2, &out));
    assert_ptr_equal(out.ptr, bytes8 + 3);
    assert_int_equal(out.len, 0);
    /* an empty input without bytes: {NULL, 0} */
    out = S("x", 1);
    assert_false(ls_slice_sub(S(NULL, 0), 0, 1, &out));
    assert_null(out.ptr);
    assert_int_equal(out.len, 0);
    out = S("x", 1);
    assert_false(ls_slice_from(S(NULL, 0), 1, &out));
    assert_null(out.ptr);
    assert_int_equal(out.len, 0);
}

static void failed_cursor_reads_write_zero(void **st)
{
    (void)st;
    struct ls_cursor c = ls_cur_make(S(bytes8, 8));
    assert_int_equal(ls_cur_skip(&c, 7), LS_OK);
    uint8_t b = 0xAA;
    uint16_t h = 0xAAAA;
    uint32_t w = 0xAAAAAAAAu;
    uint64_t q = 0xAAAAAAAAAAAAAAAAull;
    assert_int_equal(ls_cur_u16le(&c, &h), LS_E_TRUNCATED);
    assert_int_equal(h, 0);
    h = 0xAAAA;
    assert_int_equal(ls_cur_u16be(&c, &h), LS_E_TRUNCATED);
    assert_int_equal(h, 0);
    assert_int_equal(ls_cur_u32le(&c, &w), LS_E_TRUNCATED);
    assert_int_equal(w, 0);
    w = 0xAAAAAAAAu;
    assert_int_equal(ls_cur_u32be(&c, &w), LS_E_TRUNCATED);
    assert_int_equal(w, 0);
    assert_int_equal(ls_cur_u64le(&c, &q), LS_E_TRUNCATED);
    assert_true(q == 0);
    struct ls_slice out = S("x", 1);
    assert_int_equal(ls_cur_take(&c, 2, &out), LS_E_TRUNCATED);
    assert_ptr_equal(out.ptr, bytes8); /* the cursor's input's start */
    assert_int_equal(out.len, 0);
    assert_int_equal(c.pos, 7); /* every failure left the cursor */
    assert_int_equal(ls_cur_u8(&c, &b), LS_OK);
    assert_int_equal(b, 8);
    b = 0xAA;
    assert_int_equal(ls_cur_u8(&c, &b), LS_E_TRUNCATED);
    assert_int_equal(b, 0);
    assert_int_equal(c.pos, 8);
}

static void failed_rd_writes_zero(void **st)
{
    (void)st;
    struct ls_slice s = S(bytes8, 8);
    uint16_t h = 0xAAAA;
    uint32_t w = 0xAAAAAAAAu;
    uint64_t q = 0xAAAAAAAAAAAAAAAAull;
    assert_false(ls_rd_u16le(s, 7, &h));
    assert_int_equal(h, 0);
    assert_false(ls_rd_u32le(s, 5, &w));
    assert_int_equal(w, 0);
    w = 0xAAAAAAAAu;
    assert_false(ls_rd_u32le(s, SIZE_MAX - 1, &w));
    assert_int_equal(w, 0);
    assert_false(ls_rd_u64le(s, 1, &q));
    assert_true(q == 0);
    h = 0xAAAA;
    assert_false(ls_rd_u16le(S(NULL, 0), 0, &h));
    assert_int_equal(h, 0);
}

static void cursor_empty_input(void **st)
{
    (void)st;
    struct ls_cursor c = ls_cur_make(S(NULL, 0));
    uint16_t h;
    struct ls_slice out;
    assert_int_equal(ls_cur_u16le(&c, &h), LS_E_TRUNCATED);
    assert_int_equal(ls_cur_take(&c, 0, &out), LS_OK);
    assert_int_equal(out.len, 0);
}

static void rd_at_offset(void **st)
{
    (void)st;
    struct ls_slice s = S(bytes8, 8);
    uint16_t h;
    uint32_t w;
    uint64_t q;
    assert_true(ls_rd_u16le(s, 6, &h));
    assert_int_equal(h, 0x0807);
    assert_false(ls_rd_u16le(s, 7, &h));
    assert_true(ls_rd_u32le(s, 4, &w));
    assert_int_equal(w, 0x08070605u);
    assert_false(ls_rd_u32le(s, 5, &w));
    assert_false(ls_rd_u32le(s, SIZE_MAX - 1, &w));
    assert_true(ls_rd_u64le(s, 0, &q));
    assert_false(ls_rd_u64le(s, 1, &q));
}

/* ---- bounded buffer ---- */

static void buf_keeps_what_fits(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 8);
    assert_string_equal(ls_buf_str(&b), "");
    assert_int_equal(ls_buf_adds(&b, "hello"), LS_OK);
    assert_int_equal(ls_buf_adds(&b, "world"), LS_E_LIMIT);
    assert_int_equal(b.len, 8);
    assert_string_equal(ls_buf_str(&b), "hellowor"); /* NUL-terminated */
    assert_int_equal(ls_buf_addc(&b, '!'), LS_E_LIMIT);
    assert_int_equal(ls_buf_add(&b, "", 0), LS_OK);
    assert_int_equal(b.len, 8);
    assert_true(b.cap <= 9); /* never allocates past max + NUL */
    ls_buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(ls_buf_str(&b), "");
    assert_int_equal(ls_buf_adds(&b, "abc"), LS_OK);
    size_t n = 0;
    uint8_t *p = ls_buf_take(&b, &n);
    assert_int_equal(n, 3);
    assert_memory_equal(p, "abc", 4);
    assert_null(b.ptr);
    assert_int_equal(b.len, 0);
    free(p);
    ls_buf_free(&b);
}

static void buf_zero_max(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 0);
    assert_int_equal(ls_buf_adds(&b, "x"), LS_E_LIMIT);
    assert_int_equal(b.len, 0);
    assert_string_equal(ls_buf_str(&b), "");
    ls_buf_free(&b);
    ls_buf_free(&b); /* twice is harmless */
}

static void buf_grows_and_printf(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 1 << 20);
    for (int i = 0; i < 1000; i++) assert_int_equal(ls_buf_addc(&b, (uint8_t)('a' + i % 26)), LS_OK);
    assert_int_equal(b.len, 1000);
    assert_int_equal(b.ptr[999], 'a' + 999 % 26);
    assert_int_equal(b.ptr[1000], 0);
    ls_buf_reset(&b);
    char big[600];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(ls_buf_printf(&b, "<%s|%d>", big, 42), LS_OK); /* past the 256-byte fast path */
    assert_int_equal(b.len, 599 + 5);
    assert_int_equal(b.ptr[0], '<');
    assert_memory_equal(b.ptr + 600, "|42>", 4);
    ls_buf_free(&b);

    ls_buf_init(&b, 10);
    assert_int_equal(ls_buf_printf(&b, "%s-%u", "abcdefgh", 12345u), LS_E_LIMIT);
    assert_string_equal(ls_buf_str(&b), "abcdefgh-1");
    ls_buf_free(&b);
}

static void buf_reserve_respects_max(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 100);
    assert_int_equal(ls_buf_reserve(&b, 1 << 30), LS_OK);
    assert_true(b.cap <= 101);
    assert_int_equal(ls_buf_reserve(&b, SIZE_MAX), LS_OK);
    assert_true(b.cap <= 101);
    ls_buf_free(&b);
}

/* ---- UTF-8 ---- */

static void expect_buf(struct ls_buf *b, const char *want, size_t n)
{
    assert_int_equal(b->len, n);
    assert_memory_equal(b->ptr, want, n);
}

static void utf8_put_vectors(void **st)
{
    (void)st;
    static const struct {
        uint32_t cp;
        const char *enc;
    } v[] = {
        {0x41, "A"},
        {0x7F, "\x7f"},
        {0x80, "\xc2\x80"},
        {0xE9, "\xc3\xa9"},
        {0x7FF, "\xdf\xbf"},
        {0x800, "\xe0\xa0\x80"},
        {0x20AC, "\xe2\x82\xac"},
        {0xFFFD, "\xef\xbf\xbd"},
        {0xFFFF, "\xef\xbf\xbf"},
        {0x10000, "\xf0\x90\x80\x80"},
        {0x1F600, "\xf0\x9f\x98\x80"},
        {0x10FFFF, "\xf4\x8f\xbf\xbf"},
        {0xD800, "\xef\xbf\xbd"}, /* surrogates and out of range: U+FFFD */
        {0xDFFF, "\xef\xbf\xbd"},
        {0x110000, "\xef\xbf\xbd"},
        {0xFFFFFFFF, "\xef\xbf\xbd"},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        struct ls_buf b;
        ls_buf_init(&b, 16);
        assert_int_equal(ls_utf8_put(&b, v[i].cp), LS_OK);
        expect_buf(&b, v[i].enc, strlen(v[i].enc));
        ls_buf_free(&b);
    }
    struct ls_buf b;
    ls_buf_init(&b, 2);
    assert_int_equal(ls_utf8_put(&b, 0x20AC), LS_E_LIMIT);
    assert_true(b.len <= 2);
    ls_buf_free(&b);
}

static void utf8_next_valid_and_invalid(void **st)
{
    (void)st;
    static const struct {
        const char *in;
        size_t n;
        int32_t cp;
        size_t adv;
    } v[] = {
        {"A", 1, 0x41, 1},
        {"\xc3\xa9", 2, 0xE9, 2},
        {"\xe2\x82\xac", 3, 0x20AC, 3},
        {"\xf0\x9f\x98\x80", 4, 0x1F600, 4},
        {"\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4},
        {"\x80", 1, -1, 1},              /* lone continuation */
        {"\xc0\x80", 2, -1, 1},          /* overlong NUL */
        {"\xc1\xbf", 2, -1, 1},          /* overlong */
        {"\xe0\x80\x80", 3, -1, 1},      /* overlong 3-byte */
        {"\xe0\x9f\xbf", 3, -1, 1},      /* overlong (< U+0800) */
        {"\xed\xa0\x80", 3, -1, 1},      /* UTF-16 surrogate D800 */
        {"\xf0\x8f\xbf\xbf", 4, -1, 1},  /* overlong 4-byte */
        {"\xf4\x90\x80\x80", 4, -1, 1},  /* > U+10FFFF */
        {"\xf5\x80\x80\x80", 4, -1, 1},
        {"\xff", 1, -1, 1},
        {"\xe2\x82", 2, -1, 1},          /* truncated */
        {"\xc3(", 2, -1, 1},             /* bad continuation */
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        size_t pos = 0;
        assert_int_equal(ls_utf8_next(S(v[i].in, v[i].n), &pos), v[i].cp);
        assert_int_equal(pos, v[i].adv);
    }
    size_t pos = 3;
    assert_int_equal(ls_utf8_next(Z("abc"), &pos), -1); /* at the end */
    assert_int_equal(pos, 3);
}

static void utf8_valid(void **st)
{
    (void)st;
    assert_true(ls_utf8_valid(S(NULL, 0)));
    assert_true(ls_utf8_valid(Z("plain")));
    assert_true(ls_utf8_valid(Z("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")));
    assert_false(ls_utf8_valid(Z("caf\xe9")));
    assert_false(ls_utf8_valid(Z("abc\xc3")));
    assert_false(ls_utf8_valid(Z("\xed\xbf\xbf")));
    assert_true(ls_utf8_valid(S("a\0b", 3)));
}

static void utf8_lossy(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 64);
    assert_int_equal(ls_utf8_lossy(&b, Z("caf\xe9!")), LS_OK);
    expect_buf(&b, "caf\xef\xbf\xbd!", 7);
    ls_buf_reset(&b);
    assert_int_equal(ls_utf8_lossy(&b, Z("\xe2\x82")), LS_OK); /* one U+FFFD per bad byte */
    expect_buf(&b, "\xef\xbf\xbd\xef\xbf\xbd", 6);
    ls_buf_reset(&b);
    assert_int_equal(ls_utf8_lossy(&b, Z("ok \xc3\xa9")), LS_OK);
    expect_buf(&b, "ok \xc3\xa9", 5);
    ls_buf_free(&b);
}

static void cp1252_table(void **st)
{
    (void)st;
    assert_int_equal(ls_cp1252(0x41), 0x41);
    assert_int_equal(ls_cp1252(0x00), 0x00);
    assert_int_equal(ls_cp1252(0x80), 0x20AC);
    assert_int_equal(ls_cp1252(0x81), 0x81); /* undefined slots: Latin-1 */
    assert_int_equal(ls_cp1252(0x82), 0x201A);
    assert_int_equal(ls_cp1252(0x8A), 0x0160);
    assert_int_equal(ls_cp1252(0x8D), 0x8D);
    assert_int_equal(ls_cp1252(0x8F), 0x8F);
    assert_int_equal(ls_cp1252(0x90), 0x90);
    assert_int_equal(ls_cp1252(0x91), 0x2018);
    assert_int_equal(ls_cp1252(0x93), 0x201C);
    assert_int_equal(ls_cp1252(0x96), 0x2013);
    assert_int_equal(ls_cp1252(0x99), 0x2122);
    assert_int_equal(ls_cp1252(0x9D), 0x9D);
    assert_int_equal(ls_cp1252(0x9F), 0x0178);
    assert_int_equal(ls_cp1252(0xA0), 0xA0);
    assert_int_equal(ls_cp1252(0xE9), 0xE9);
    assert_int_equal(ls_cp1252(0xFF), 0xFF);
}

static void utf16_vectors(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 64);
    assert_int_equal(ls_utf16_to_utf8(&b, S("h\0i\0", 4), false), LS_OK);
    expect_buf(&b, "hi", 2);
    ls_buf_reset(&b);
    assert_int_equal(ls_utf16_to_utf8(&b, S("\0h\0i", 4), true), LS_OK);
    expect_buf(&b, "hi", 2);
    ls_buf_reset(&b);
    assert_int_equal(ls_utf16_to_utf8(&b, S("\xe9\x00\xac\x20", 4), false), LS_OK);
    expect_buf(&b, "\xc3\xa9\xe2\x82\xac", 5);
    ls_buf_reset(&b);
    /* U+1F600 = D83D DE00 */
    assert_int_equal(ls_utf16_to_utf8(&b, S("\x3d\xd8\x00\xde", 4), false), LS_OK);
    expect_buf(&b, "\xf0\x9f\x98\x80", 4);
    ls_buf_reset(&b);
    assert_int_equal(ls_utf16_to_utf8(&b, S("\xd8\x3d\xde\x00", 4), true), LS_OK);
    expect_buf(&b, "\xf0\x9f\x98\x80", 4);
    ls_buf_reset(&b);
    /* unpaired: high then 'A', lone low, high at the end */
    assert_int_equal(ls_utf16_to_utf8(&b, S("\x00\xd8" "A\0" "\x00\xdc" "\x3d\xd8", 8), false), LS_OK);
    expect_buf(&b, "\xef\xbf\xbd" "A" "\xef\xbf\xbd" "\xef\xbf\xbd", 10);
    ls_buf_reset(&b);
    assert_int_equal(ls_utf16_to_utf8(&b, S(NULL, 0), false), LS_OK);
    assert_int_equal(b.len, 0);
    ls_buf_free(&b);
}

/* ---- JSON ---- */

static void expect_json(const void *in, size_t n, const char *want, bool want_lossy)
{
    struct ls_buf b;
    bool lossy = false;
    ls_buf_init(&b, 1024);
    assert_int_equal(ls_json_str(&b, S(in, n), &lossy), LS_OK);
    assert_string_equal(ls_buf_str(&b), want);
    assert_int_equal(lossy, want_lossy);
    ls_buf_free(&b);
}

static void json_str_vectors(void **st)
{
    (void)st;
    expect_json("", 0, "\"\"", false);
    expect_json("plain", 5, "\"plain\"", false);
    expect_json("a\"b\\c/d", 7, "\"a\\\"b\\\\c/d\"", false);
    expect_json("\n\r\t\b\f", 5, "\"\\n\\r\\t\\b\\f\"", false);
    expect_json("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\"", false);
    expect_json("a\0b", 3, "\"a\\u0000b\"", false);
    expect_json("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14,
                "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"", false);
    expect_json("caf\xe9.txt", 8, "\"caf\\ufffd.txt\"", true);
    expect_json("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"", true);
    expect_json("\xc3", 1, "\"\\ufffd\"", true);
    expect_json("x\xff\n", 3, "\"x\\ufffd\\n\"", true);
    /* line ends to str.splitlines() and JavaScript: NEL, LS, PS; other C1 */
    expect_json("a\xc2\x85" "b\xe2\x80\xa8" "c\xe2\x80\xa9" "d\xc2\x9b", 14,
                "\"a\\u0085b\\u2028c\\u2029d\\u009b\"", false);
    expect_json("\xc2\xa0\xe2\x80\xa7\xe2\x80\xaa", 8, "\"\xc2\xa0\xe2\x80\xa7\xe2\x80\xaa\"", false);
}

static void json_str_lossy_may_be_null(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 64);
    assert_int_equal(ls_json_str(&b, Z("\xff"), NULL), LS_OK);
    assert_string_equal(ls_buf_str(&b), "\"\\ufffd\"");
    ls_buf_reset(&b);
    assert_int_equal(ls_json_cstr(&b, NULL), LS_OK);
    assert_string_equal(ls_buf_str(&b), "\"\"");
    ls_buf_reset(&b);
    assert_int_equal(ls_json_cstr(&b, "k\"v"), LS_OK);
    assert_string_equal(ls_buf_str(&b), "\"k\\\"v\"");
    ls_buf_free(&b);
}

/* Every byte value alone and after a lead byte: the output never holds a raw
 * control character, a bare quote or an invalid sequence. */
static void json_str_every_byte(void **st)
{
    (void)st;
    for (unsigned lead = 0; lead < 2; lead++) {
        for (unsigned c = 0; c < 256; c++) {
            uint8_t in[2] = {0xe2, (uint8_t)c};
            struct ls_buf b;
            ls_buf_init(&b, 64);
            assert_int_equal(ls_json_str(&b, lead ? S(in, 2) : S(in + 1, 1), NULL), LS_OK);
            struct ls_slice out = ls_buf_slice(&b);
            assert_true(out.len >= 2);
            assert_int_equal(out.ptr[0], '"');
            assert_int_equal(out.ptr[out.len - 1], '"');
            assert_true(ls_utf8_valid(out));
            for (size_t i = 1; i + 1 < out.len; i++) {
                assert_true(out.ptr[i] >= 0x20 && out.ptr[i] != 0x7f);
                if (out.ptr[i] == '"') assert_int_equal(out.ptr[i - 1], '\\');
            }
            ls_buf_free(&b);
        }
    }
}

static void json_str_at_limit(void **st)
{
    (void)st;
    struct ls_buf b;
    ls_buf_init(&b, 4);
    assert_int_equal(ls_json_str(&b, Z("abcdef"), NULL), LS_E_LIMIT);
    assert_int_equal(b.len, 4);
    ls_buf_free(&b);
}

static void expect_b64(const char *in, size_t n, const char *want)
{
    struct ls_buf b;
    ls_buf_init(&b, 256);
    assert_int_equal(ls_json_b64(&b, S(in, n)), LS_OK);
    assert_string_equal(ls_buf_str(&b), want);
    ls_buf_free(&b);
}

static void base64_rfc4648(void **st)
{
    (void)st;
    expect_b64("", 0, "\"\"");
    expect_b64("f", 1, "\"Zg==\"");
    expect_b64("fo", 2, "\"Zm8=\"");
    expect_b64("foo", 3, "\"Zm9v\"");
    expect_b64("foob", 4, "\"Zm9vYg==\"");
    expect_b64("fooba", 5, "\"Zm9vYmE=\"");
    expect_b64("foobar", 6, "\"Zm9vYmFy\"");
    expect_b64("\xff\xfe\xfd", 3, "\"//79\"");
    expect_b64("\xfb\xff", 2, "\"+/8=\"");
    expect_b64("\0", 1, "\"AA==\"");
    expect_b64("caf\xe9.txt", 8, "\"Y2Fm6S50eHQ=\"");
}

static void hex_vectors(void **st)
{
    (void)st;
    const uint8_t in[4] = {0x00, 0xff, 0x1a, 0xa1};
    char out[9];
    ls_hex(in, 4, out);
    assert_string_equal(out, "00ff1aa1");
    ls_hex(in, 0, out);
    assert_string_equal(out, "");
}

static void now_is_monotonic(void **st)
{
    (void)st;
    double a = ls_now(), b = ls_now();
    assert_true(a > 0 && b >= a);
}

static void link_targets(void **state)
{
    (void)state;
    static const char *const remote[] = {
        "http://templates.evil.example/t.dotm", "HTTPS://x.example/a", "\\\\203.0.113.9\\share\\t.dotm",
        "//host/share/x.pdf", "file://server/share/x.dotm", "file:////server/share/x", "mhtml:http://x/y",
        "  ftp://x.example/a"};
    static const char *const local[] = {
        "file:///C:\\Users\\jdoe\\Memo.dotm", "file://localhost/Users/x", "FILE://LocalHost/x",
        "file://C:/x.dotm", "C:\\Templates\\Normal.dotm", "Normal.dotm", "../book.xlsx",
        "/Users/x/y.xlsx", "", "volume2.pdf", "file:C:/x"};
    for (size_t i = 0; i < sizeof remote / sizeof remote[0]; i++)
        if (!ls_link_is_remote(S(remote[i], strlen(remote[i])))) fail_msg("%s should be remote", remote[i]);
    for (size_t i = 0; i < sizeof local / sizeof local[0]; i++)
        if (ls_link_is_remote(S(local[i], strlen(local[i])))) fail_msg("%s should be local", local[i]);
    assert_false(ls_link_is_remote(S("h\0ttp://x", 9))); /* a NUL is no scheme byte */
}

/* ls_slice_find against memmem: random haystacks over small alphabets
 * (many partial matches), needles cut from the haystack or random, every
 * start offset class, and a haystack full of the needle's rarest byte
 * (the memchr path's misses run out and memmem takes over). */
static size_t ref_find(const uint8_t *h, size_t hl, size_t from, const uint8_t *n, size_t nl)
{
    if (from > hl) return SIZE_MAX;
    if (nl == 0) return from;
    const uint8_t *f = memmem(h + from, hl - from, n, nl);
    return f ? (size_t)(f - h) : SIZE_MAX;
}

static void slice_find_matches_memmem(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    uint8_t hay[600], nd[24];
    for (int iter = 0; iter < 20000; iter++) {
        seed = seed * 1103515245u + 12345u;
        unsigned alpha = 2 + (seed >> 16) % 6;
        size_t hl = (seed >> 8) % sizeof hay;
        for (size_t i = 0; i < hl; i++) {
            seed = seed * 1103515245u + 12345u;
            hay[i] = (uint8_t)('a' + (seed >> 16) % alpha);
        }
        seed = seed * 1103515245u + 12345u;
        size_t nl = 1 + (seed >> 16) % (sizeof nd - 1);
        if (hl >= nl && (seed & 1)) {
            size_t at = (seed >> 4) % (hl - nl + 1);
            memcpy(nd, hay + at, nl);
        } else {
            for (size_t i = 0; i < nl; i++) {
                seed = seed * 1103515245u + 12345u;
                nd[i] = (uint8_t)('a' + (seed >> 16) % alpha);
            }
        }
        size_t from = hl ? (seed >> 12) % (hl + 1) : 0;
        struct ls_slice s = ls_slice_make(hay, hl);
        assert_int_equal(ls_slice_find(s, from, nd, nl), ref_find(hay, hl, from, nd, nl));
    }
    /* the rarest byte of the needle everywhere, the needle at the very end */
    static uint8_t big[1 << 16];
    memset(big, 'q', sizeof big);
    memcpy(big + sizeof big - 4, "qqqz", 4);
    struct ls_slice b = ls_slice_make(big, sizeof big);
    assert_int_equal(ls_slice_find(b, 0, "qqqz", 4), sizeof big - 4);
    assert_int_equal(ls_slice_find(b, 0, "qqqy", 4), SIZE_MAX);
    assert_int_equal(ls_slice_find(b, sizeof big, "q", 1), SIZE_MAX);
}

/* ls_fpindex: keys that share their first eight bytes (one hash) and keys
 * that differ only there must all be found, after growth and after the
 * array is compacted. */
struct fpitem {
    uint8_t key[17];
    int tag;
};

static void fpitem_key(size_t i, uint8_t k[17])
{
    memset(k, 0, 17);
    if (i % 2) { /* odd items: one hash, told apart by bytes 15-16 */
        memset(k, 0xab, 8);
        k[15] = (uint8_t)(i >> 8);
        k[16] = (uint8_t)i;
    } else {
        uint64_t h = (uint64_t)i * 0x9e3779b97f4a7c15u;
        for (int b = 0; b < 8; b++) k[b] = (uint8_t)(h >> (b * 8));
    }
}

static void fpindex_finds_adds_and_rebuilds(void **state)
{
    (void)state;
    enum { N = 3000 };
    struct fpitem *it = calloc(N, sizeof *it);
    assert_non_null(it);
    struct ls_fpindex ix = {0};
    uint8_t probe[17];
    memset(probe, 0, sizeof probe);
    assert_int_equal(ls_fpindex_find(&ix, it, sizeof *it, 17, probe), SIZE_MAX);
    for (size_t i = 0; i < N; i++) {
        uint8_t k[17];
        fpitem_key(i, k);
        assert_int_equal(ls_fpindex_find(&ix, it, sizeof *it, 17, k), SIZE_MAX);
        assert_int_equal(ls_fpindex_reserve(&ix, it, sizeof *it, i, 4), LS_OK);
        memcpy(it[i].key, k, 17);
        it[i].tag = (int)i;
        ls_fpindex_insert(&ix, it, sizeof *it, i);
        assert_true(ix.n_slots >= 2 * (i + 1));
    }
    for (size_t i = 0; i < N; i++)
        assert_int_equal(ls_fpindex_find(&ix, it, sizeof *it, 17, it[i].key), i);
    /* a key that differs from one in the index in a byte past the hash */
    memcpy(probe, it[1].key, 17);
    probe[12] ^= 0x01;
    assert_int_equal(ls_fpindex_find(&ix, it, sizeof *it, 17, probe), SIZE_MAX);
    /* drop every third item, compact, rebuild */
    size_t kept = 0;
    for (size_t i = 0; i < N; i++)
        if (i % 3) it[kept++] = it[i];
    ls_fpindex_rebuild(&ix, it, sizeof *it, kept);
    for (size_t i = 0; i < kept; i++)
        assert_int_equal(ls_fpindex_find(&ix, it, sizeof *it, 17, it[i].key), i);
    for (size_t i = 0; i < N; i += 3) { /* the dropped ones, of both kinds */
        uint8_t gone[17];
        fpitem_key(i, gone);
        assert_int_equal(ls_fpindex_find(&ix, it, sizeof *it, 17, gone), SIZE_MAX);
    }
    ls_fpindex_free(&ix);
    assert_int_equal(ix.n_slots, 0);
    free(it);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(err_names_are_pinned),
        cmocka_unit_test(slice_sub_bounds),
        cmocka_unit_test(slice_from_at_find),
        cmocka_unit_test(slice_starts_eq),
        cmocka_unit_test(cursor_reads_le_be),
        cmocka_unit_test(cursor_short_read_leaves_cursor),
        cmocka_unit_test(failed_slices_are_empty_at_start),
        cmocka_unit_test(failed_cursor_reads_write_zero),
        cmocka_unit_test(failed_rd_writes_zero),
        cmocka_unit_test(cursor_empty_input),
        cmocka_unit_test(rd_at_offset),
        cmocka_unit_test(buf_keeps_what_fits),
        cmocka_unit_test(buf_zero_max),
        cmocka_unit_test(buf_grows_and_printf),
        cmocka_unit_test(buf_reserve_respects_max),
        cmocka_unit_test(utf8_put_vectors),
        cmocka_unit_test(utf8_next_valid_and_invalid),
        cmocka_unit_test(utf8_valid),
        cmocka_unit_test(utf8_lossy),
        cmocka_unit_test(cp1252_table),
        cmocka_unit_test(utf16_vectors),
        cmocka_unit_test(json_str_vectors),
        cmocka_unit_test(json_str_lossy_may_be_null),
        cmocka_unit_test(json_str_every_byte),
        cmocka_unit_test(json_str_at_limit),
        cmocka_unit_test(base64_rfc4648),
        cmocka_unit_test(hex_vectors),
        cmocka_unit_test(now_is_monotonic),
        cmocka_unit_test(link_targets),
        cmocka_unit_test(slice_find_matches_memmem),
        cmocka_unit_test(fpindex_finds_adds_and_rebuilds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
