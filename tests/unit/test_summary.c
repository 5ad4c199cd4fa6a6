/*
 * Unit tests for the run summary's two inputs (src/manifest/summary.h): a
 * record's line (parsed, as `merge` and `--resume` do) and its digest (what
 * a pool worker sends beside the line, folded without parsing). The same
 * records fed both ways give the same summary record and root info; a
 * digest that is cut, padded or lies about a count or a name is refused
 * whole and counts nothing; a worker's 'Q' frame is split and checked
 * (src/pool/pool_frame.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "manifest/summary.h"
#include "pool/pool_int.h"

static const uint8_t FP1[16] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
                                0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10};
static const uint8_t FP2[16] = {0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00, 0x11,
                                0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99};
static const uint8_t SHA[32] = {0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28};

/* Lines as record.c writes them (the fields the summary reads, others
 * elided), and the digests of the same records. */
#define ROOT_LINE                                                                                          \
    "{\"record\":\"object\",\"id\":\"00112233aabbccdd:0\",\"parent_id\":null,\"root_id\":\"00112233aabbccdd\"," \
    "\"depth\":0,\"path\":\"dir/caf\xc3\xa9.zip\",\"chain\":[],\"file\":{\"size\":4096,\"hash\":{\"sha256\":"     \
    "\"deadbeef0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c\"},\"mime_type\":\"application/zip\"}," \
    "\"coverage\":\"partial\",\"coverage_reasons\":[\"limit:depth\"],\"alerts\":[\"macro\",\"encrypted\"],"       \
    "\"findings\":[{\"rule\":\"r\",\"category\":\"pii\",\"entity\":\"ssn\",\"count\":3,\"evidence\":["           \
    "{\"fingerprint\":\"0102030405060708090a0b0c0d0e0f10ffffffffffffffffffffffffffffffff\"}],"                    \
    "\"unlisted\":[\"aabbccddeeff00112233445566778899\"]}],\"rejected\":{\"ssn\":2,\"iban\":1},"                  \
    "\"verdict\":\"sensitive\",\"quarantine\":true}"
#define CHILD_LINE                                                                                          \
    "{\"record\":\"object\",\"id\":\"00112233aabbccdd:1\",\"parent_id\":\"00112233aabbccdd:0\","                  \
    "\"root_id\":\"00112233aabbccdd\",\"depth\":1,\"path\":\"dir/caf\xc3\xa9.zip\",\"chain\":[\"a.txt\"],"          \
    "\"file\":{\"size\":10,\"hash\":{\"sha256\":null}},\"coverage\":\"full\",\"coverage_reasons\":[],"              \
    "\"alerts\":[],\"findings\":[{\"category\":\"pii\",\"entity\":\"ssn\",\"count\":1,\"evidence\":["             \
    "{\"fingerprint\":\"0102030405060708090a0b0c0d0e0f10eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\"}]}],"                  \
    "\"rejected\":{},\"verdict\":\"clean\",\"quarantine\":false}"
#define LATER_LINE                                                                                          \
    "{\"record\":\"object\",\"id\":\"ffeeddccbbaa0011:0\",\"parent_id\":null,\"root_id\":\"ffeeddccbbaa0011\","   \
    "\"depth\":0,\"path\":\"x.7z.002\",\"chain\":[],\"file\":{\"size\":777,\"hash\":{\"sha256\":null}},"           \
    "\"split\":{\"set_root_id\":\"0000000000000001\",\"part\":2,\"parts\":2},\"coverage\":\"none\","              \
    "\"coverage_reasons\":[\"split\"],\"alerts\":[],\"findings\":[],\"rejected\":{},"                              \
    "\"verdict\":\"incomplete\",\"quarantine\":false}"
#define DONE_LINE "{\"record\":\"root_done\",\"root_id\":\"00112233aabbccdd\",\"expanded_bytes\":123456}"

static void dig_names(struct ls_buf *d, const char *const *v, unsigned n)
{
    assert_true(ls_sumdig_u32(d, n));
    for (unsigned i = 0; i < n; i++) assert_true(ls_sumdig_str(d, v[i]));
}

static void root_digest(struct ls_buf *d)
{
    ls_buf_reset(d);
    assert_true(ls_sumdig_u8(d, LS_SUMDIG_OBJECT));
    assert_true(ls_sumdig_u8(d, LS_SUMDIG_ROOT | LS_SUMDIG_QUARANTINE | LS_SUMDIG_SHA | LS_SUMDIG_BYTES));
    assert_true(ls_sumdig_u8(d, 1)); /* sensitive */
    assert_true(ls_sumdig_u8(d, 1)); /* partial */
    assert_true(ls_sumdig_u64(d, 4096));
    assert_true(ls_sumdig_bytes(d, SHA, 32));
    assert_true(ls_sumdig_str(d, "00112233aabbccdd"));
    const char *path = "dir/caf\xc3\xa9.zip";
    assert_true(ls_sumdig_u32(d, strlen(path)));
    assert_true(ls_sumdig_bytes(d, path, strlen(path)));
    dig_names(d, (const char *[]){"macro", "encrypted"}, 2);
    dig_names(d, (const char *[]){"limit:depth"}, 1);
    assert_true(ls_sumdig_u32(d, 1));
    assert_true(ls_sumdig_str(d, "pii"));
    assert_true(ls_sumdig_str(d, "ssn"));
    assert_true(ls_sumdig_u64(d, 3));
    assert_true(ls_sumdig_u32(d, 2));
    assert_true(ls_sumdig_bytes(d, FP1, 16));
    assert_true(ls_sumdig_bytes(d, FP2, 16));
    assert_true(ls_sumdig_u32(d, 2));
    assert_true(ls_sumdig_str(d, "ssn"));
    assert_true(ls_sumdig_u64(d, 2));
    assert_true(ls_sumdig_str(d, "iban"));
    assert_true(ls_sumdig_u64(d, 1));
}

static void child_digest(struct ls_buf *d)
{
    ls_buf_reset(d);
    assert_true(ls_sumdig_u8(d, LS_SUMDIG_OBJECT));
    assert_true(ls_sumdig_u8(d, 0));
    assert_true(ls_sumdig_u8(d, 0));
    assert_true(ls_sumdig_u8(d, 0));
    dig_names(d, NULL, 0);
    dig_names(d, NULL, 0);
    assert_true(ls_sumdig_u32(d, 1));
    assert_true(ls_sumdig_str(d, "pii"));
    assert_true(ls_sumdig_str(d, "ssn"));
    assert_true(ls_sumdig_u64(d, 1));
    assert_true(ls_sumdig_u32(d, 1));
    assert_true(ls_sumdig_bytes(d, FP1, 16)); /* the same value as the root's: not distinct */
    assert_true(ls_sumdig_u32(d, 0));
}

static void later_digest(struct ls_buf *d)
{
    ls_buf_reset(d);
    assert_true(ls_sumdig_u8(d, LS_SUMDIG_OBJECT));
    assert_true(ls_sumdig_u8(d, LS_SUMDIG_ROOT)); /* no bytes: its set root's */
    assert_true(ls_sumdig_u8(d, 3));
    assert_true(ls_sumdig_u8(d, 2));
    assert_true(ls_sumdig_u64(d, 777));
    assert_true(ls_sumdig_str(d, "ffeeddccbbaa0011"));
    assert_true(ls_sumdig_u32(d, 8));
    assert_true(ls_sumdig_bytes(d, "x.7z.002", 8));
    dig_names(d, NULL, 0);
    dig_names(d, (const char *[]){"split"}, 1);
    assert_true(ls_sumdig_u32(d, 0));
    assert_true(ls_sumdig_u32(d, 0));
}

static void done_digest(struct ls_buf *d)
{
    ls_buf_reset(d);
    assert_true(ls_sumdig_u8(d, LS_SUMDIG_DONE));
    assert_true(ls_sumdig_u64(d, 123456));
}

static void record_of(const struct ls_summary *s, char *out, size_t n)
{
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    assert_int_equal(ls_summary_record(s, 1.0, &b), LS_OK);
    assert_true(b.len < n);
    memcpy(out, b.ptr, b.len + 1);
    ls_buf_free(&b);
}

static int roots_seen;
static void on_root(void *ud, const struct ls_summary *s, const char *line, size_t len)
{
    (void)ud, (void)s;
    assert_true(len > 20 && memcmp(line, "{\"record\":\"root_done\"", 21) == 0);
    roots_seen++;
}

static void digest_folds_as_the_line(void **state)
{
    (void)state;
    static const char *const lines[] = {ROOT_LINE, CHILD_LINE, LATER_LINE, DONE_LINE};
    void (*const digs[])(struct ls_buf *) = {root_digest, child_digest, later_digest, done_digest};
    struct ls_summary *a = ls_summary_new(), *b = ls_summary_new();
    ls_summary_on_root(a, on_root, NULL);
    ls_summary_on_root(b, on_root, NULL);
    struct ls_buf d;
    ls_buf_init(&d, 1u << 20);
    roots_seen = 0;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(ls_summary_add_line(a, lines[i], strlen(lines[i])), LS_OK);
        digs[i](&d);
        assert_int_equal(ls_summary_digest_kind(ls_buf_slice(&d)), i == 3 ? LS_SUMDIG_DONE : LS_SUMDIG_OBJECT);
        assert_int_equal(ls_summary_add_digest(b, ls_buf_slice(&d), lines[i], strlen(lines[i])), LS_OK);
        if (i == 0) { /* the root info, as the quarantine store reads it */
            const struct ls_root_info *ra = ls_summary_last_root(a), *rb = ls_summary_last_root(b);
            assert_true(ra->have && rb->have && ra->quarantine && rb->quarantine);
            assert_string_equal(ra->path, rb->path);
            assert_string_equal(ra->sha256, rb->sha256);
            assert_string_equal(ra->root_id, rb->root_id);
            assert_string_equal(ra->verdict, rb->verdict);
        }
    }
    assert_int_equal(roots_seen, 2);
    char ra[4096], rb[4096];
    record_of(a, ra, sizeof ra);
    record_of(b, rb, sizeof rb);
    assert_string_equal(ra, rb);
    /* what the lines say, so the comparison is not of two empty summaries */
    assert_non_null(strstr(ra, "\"roots\":2,\"objects\":3,\"quarantined\":1,\"bytes_read\":4096,"
                               "\"bytes_expanded\":123456"));
    assert_non_null(strstr(ra, "\"ssn\":{\"findings\":4,\"distinct\":2}"));
    assert_non_null(strstr(ra, "\"rejected\":{\"ssn\":2,\"iban\":1}"));
    const struct ls_root_info *r = ls_summary_last_root(b);
    assert_string_equal(r->path, "x.7z.002");
    assert_string_equal(r->sha256, "");
    assert_int_equal(ls_summary_flagged(a), ls_summary_flagged(b));
    ls_buf_free(&d);
    ls_summary_free(a);
    ls_summary_free(b);
}

/* A digest refused counts nothing: the summary record stays as it was. */
static void refused(struct ls_summary *s, const char *before, const uint8_t *p, size_t n)
{
    assert_int_equal(ls_summary_digest_kind(ls_slice_make(p, n)), 0);
    assert_int_equal(ls_summary_add_digest(s, ls_slice_make(p, n), "x", 1), LS_E_CORRUPT);
    char after[4096];
    record_of(s, after, sizeof after);
    assert_string_equal(before, after);
}

static void bad_digests_count_nothing(void **state)
{
    (void)state;
    struct ls_summary *s = ls_summary_new();
    char before[4096];
    record_of(s, before, sizeof before);
    struct ls_buf d;
    ls_buf_init(&d, 1u << 20);
    root_digest(&d);
    uint8_t buf[1024];
    size_t n = d.len;
    assert_true(n + 1 < sizeof buf);
    memcpy(buf, d.ptr, n);
    for (size_t cut = 0; cut < n; cut++) refused(s, before, buf, cut); /* cut anywhere */
    buf[n] = 0;
    refused(s, before, buf, n + 1); /* a byte too many */
    uint8_t bad[1024];
    memcpy(bad, buf, n);
    bad[2] = 4; /* verdict past incomplete */
    refused(s, before, bad, n);
    memcpy(bad, buf, n);
    bad[3] = 3; /* coverage past none */
    refused(s, before, bad, n);
    memcpy(bad, buf, n);
    bad[1] |= 0x10; /* unknown flag */
    refused(s, before, bad, n);
    memcpy(bad, buf, n);
    bad[0] = 3; /* unknown kind */
    refused(s, before, bad, n);
    /* a non-root claiming a hash or bytes */
    child_digest(&d);
    memcpy(bad, d.ptr, d.len);
    bad[1] = LS_SUMDIG_SHA;
    refused(s, before, bad, d.len);
    bad[1] = LS_SUMDIG_BYTES;
    refused(s, before, bad, d.len);
    /* a count of findings the frame cannot hold */
    ls_buf_reset(&d);
    assert_true(ls_sumdig_u8(&d, LS_SUMDIG_OBJECT) && ls_sumdig_u8(&d, 0) && ls_sumdig_u8(&d, 0) &&
                ls_sumdig_u8(&d, 0) && ls_sumdig_u32(&d, 0) && ls_sumdig_u32(&d, 0) &&
                ls_sumdig_u32(&d, 0xffffffffu) && ls_sumdig_str(&d, "pii") && ls_sumdig_str(&d, "ssn") &&
                ls_sumdig_u64(&d, 1) && ls_sumdig_u32(&d, 0x10000000u));
    refused(s, before, d.ptr, d.len);
    /* a name with a NUL in it */
    ls_buf_reset(&d);
    assert_true(ls_sumdig_u8(&d, LS_SUMDIG_OBJECT) && ls_sumdig_u8(&d, 0) && ls_sumdig_u8(&d, 0) &&
                ls_sumdig_u8(&d, 0) && ls_sumdig_u32(&d, 1) && ls_sumdig_bytes(&d, "\x03\x00m\0x", 5) &&
                ls_sumdig_u32(&d, 0) && ls_sumdig_u32(&d, 0) && ls_sumdig_u32(&d, 0));
    refused(s, before, d.ptr, d.len);
    /* a count past what the line's JSON holds */
    static const uint8_t big[9] = {LS_SUMDIG_DONE, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    refused(s, before, big, sizeof big);
    ls_buf_free(&d);
    ls_summary_free(s);
}

/* A member name with a NUL in it (written \u0000) is a record like any
 * other: counted when its line is read back (merge, --resume), as its
 * digest counts it in a live run. */
static void nul_in_a_name_is_counted(void **state)
{
    (void)state;
    struct ls_summary *s = ls_summary_new();
    static const char line[] = "{\"record\":\"object\",\"depth\":1,\"chain\":[\"statement.pdf\\u0000.exe\"],"
                               "\"alerts\":[\"ext_mismatch\"],\"verdict\":\"hostile\",\"coverage\":\"full\"}";
    assert_int_equal(ls_summary_add_line(s, line, strlen(line)), LS_OK);
    assert_int_equal(ls_summary_objects(s), 1);
    char r[4096];
    record_of(s, r, sizeof r);
    assert_non_null(strstr(r, "\"alerts\":{\"ext_mismatch\":1}"));
    ls_summary_free(s);
}

/* Counts a worker's records (or a manifest read back) claim add up to at
 * most INT64_MAX: the summary record stays one a JSON reader takes. */
static void counts_are_held_at_int64_max(void **state)
{
    (void)state;
    struct ls_summary *s = ls_summary_new();
    struct ls_buf d;
    ls_buf_init(&d, 1u << 20);
    assert_true(ls_sumdig_u8(&d, LS_SUMDIG_DONE) && ls_sumdig_u64(&d, (uint64_t)INT64_MAX));
    for (int i = 0; i < 3; i++) assert_int_equal(ls_summary_add_digest(s, ls_buf_slice(&d), "x", 1), LS_OK);
    static const char big[] = "{\"record\":\"object\",\"depth\":1,\"verdict\":\"clean\",\"coverage\":\"full\","
                              "\"rejected\":{\"ssn\":9223372036854775807}}";
    for (int i = 0; i < 3; i++) assert_int_equal(ls_summary_add_line(s, big, strlen(big)), LS_OK);
    char r[4096];
    record_of(s, r, sizeof r);
    assert_non_null(strstr(r, "\"bytes_expanded\":9223372036854775807,"));
    assert_non_null(strstr(r, "\"rejected\":{\"ssn\":9223372036854775807}"));
    ls_buf_free(&d);
    ls_summary_free(s);
}

static void writers_refuse_what_a_line_would_change(void **state)
{
    (void)state;
    struct ls_buf d;
    ls_buf_init(&d, 1u << 20);
    assert_false(ls_sumdig_str(&d, "caf\xe9")); /* not UTF-8: the line holds U+FFFD */
    assert_false(ls_sumdig_u64(&d, (uint64_t)INT64_MAX + 1));
    assert_false(ls_sumdig_u32(&d, (uint64_t)UINT32_MAX + 1));
    assert_false(ls_sumdig_u8(&d, 256));
    assert_true(ls_sumdig_str(&d, NULL)); /* "" */
    assert_int_equal(d.len, 2);
    ls_buf_free(&d);
}

static void recsum_frames(void **state)
{
    (void)state;
    struct ls_buf d, body;
    ls_buf_init(&d, 1u << 20);
    ls_buf_init(&body, 1u << 20);
    struct ls_slice line, dig;
    /* kind, u32 line length, line, digest */
    const char *l = CHILD_LINE;
    uint32_t ll = (uint32_t)strlen(l);
    uint8_t head[5] = {LS_REC_OBJECT, (uint8_t)ll, (uint8_t)(ll >> 8), (uint8_t)(ll >> 16), (uint8_t)(ll >> 24)};
    child_digest(&d);
    assert_int_equal(ls_buf_add(&body, head, 5), LS_OK);
    assert_int_equal(ls_buf_add(&body, l, ll), LS_OK);
    assert_int_equal(ls_buf_add(&body, d.ptr, d.len), LS_OK);
    assert_int_equal(pool_recsum_split(ls_buf_slice(&body), &line, &dig), 1);
    assert_int_equal(line.len, ll);
    assert_int_equal(dig.len, d.len);
    /* the digest of another kind than the record's */
    body.ptr[0] = LS_REC_ROOT_DONE;
    assert_int_equal(pool_recsum_split(ls_buf_slice(&body), &line, &dig), 0);
    body.ptr[0] = 7;
    assert_int_equal(pool_recsum_split(ls_buf_slice(&body), &line, &dig), 0);
    body.ptr[0] = LS_REC_OBJECT;
    /* a line that is not an object record */
    body.ptr[5 + 11] = 'X';
    assert_int_equal(pool_recsum_split(ls_buf_slice(&body), &line, &dig), 0);
    body.ptr[5 + 11] = 'o';
    /* the digest cut: not well-formed */
    assert_int_equal(pool_recsum_split(ls_slice_make(body.ptr, body.len - 1), &line, &dig), 0);
    /* a line length past the body */
    body.ptr[4] = 0x7f;
    assert_int_equal(pool_recsum_split(ls_buf_slice(&body), &line, &dig), -1);
    assert_int_equal(pool_recsum_split(ls_slice_make(body.ptr, 3), &line, &dig), -1);
    ls_buf_free(&d);
    ls_buf_free(&body);
}

/* The spool keeps each line's digest through memory and its spill file. */
struct got {
    int n, with;
};
static int got_line(void *ud, const char *line, size_t len, struct ls_slice dig)
{
    struct got *g = ud;
    char want[32];
    int k = snprintf(want, sizeof want, "line %d", g->n);
    assert_int_equal(len, (size_t)k);
    assert_memory_equal(line, want, len);
    if (g->n % 3 == 0) {
        assert_int_equal(dig.len, 3);
        assert_memory_equal(dig.ptr, "dig", 3);
        g->with++;
    } else {
        assert_int_equal(dig.len, 0);
    }
    g->n++;
    return 0;
}

static void spool_keeps_digests(void **state)
{
    (void)state;
    struct pool_spool sp;
    pool_spool_init(&sp, 100); /* the later lines spill */
    for (int i = 0; i < 60; i++) {
        char line[32];
        int len = snprintf(line, sizeof line, "line %d", i);
        struct ls_slice dig = ls_slice_make(i % 3 == 0 ? "dig" : NULL, i % 3 == 0 ? 3 : 0);
        assert_int_equal(pool_spool_add_dig(&sp, (const uint8_t *)line, (size_t)len, dig, i == 59), LS_OK);
    }
    assert_true(sp.fd >= 0);
    struct got g = {0, 0};
    assert_int_equal(pool_spool_replay_dig(&sp, got_line, &g), LS_OK);
    assert_int_equal(g.n, 60);
    assert_int_equal(g.with, 20);
    pool_spool_free(&sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(digest_folds_as_the_line),
        cmocka_unit_test(bad_digests_count_nothing),
        cmocka_unit_test(counts_are_held_at_int64_max),
        cmocka_unit_test(nul_in_a_name_is_counted),
        cmocka_unit_test(writers_refuse_what_a_line_would_change),
        cmocka_unit_test(recsum_frames),
        cmocka_unit_test(spool_keeps_digests),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
