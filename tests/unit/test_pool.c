/*
 * Unit tests for the worker pool's pieces that need no processes: the
 * journal's JSON field reader, --resume truncation (torn tail, unfinished
 * block, interrupted block), the record spool (memory, then spill file) and
 * the root list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "pool/pool_int.h"

static void field_plain_and_nested(void **state)
{
    (void)state;
    const char *line = "{\"record\":\"root_done\",\"x\":{\"record\":\"no\",\"a\":[1,\"}\",{}]},"
                       "\"n\":12.5,\"b\":true,\"root_id\":\"0123456789abcdef\"}";
    struct ls_slice v;
    assert_true(ls_journal_field(ls_slice_make(line, strlen(line)), "record", &v));
    assert_true(ls_slice_eq_str(v, "root_done"));
    assert_true(ls_journal_field(ls_slice_make(line, strlen(line)), "root_id", &v));
    assert_true(ls_slice_eq_str(v, "0123456789abcdef"));
    assert_false(ls_journal_field(ls_slice_make(line, strlen(line)), "a", &v));
    assert_false(ls_journal_field(ls_slice_make(line, strlen(line)), "missing", &v));
}

static void field_hostile_lines(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "{", "{\"record\"", "{\"record\":", "{\"record\":\"run", "[\"record\",\"run\"]",
        "{\"rec\\\"ord\":\"run\"}", "{\"record\":\"r\\u0075n\"}", "{\"a\":[[[[[[", "{\"a\":\"\\",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct ls_slice v;
        assert_false(ls_journal_field(ls_slice_make(bad[i], strlen(bad[i])), "record", &v));
    }
}

static int memfd_with(const char *text)
{
    int fd = memfd_create("test-pool", MFD_CLOEXEC);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    return fd;
}

static char *file_text(int fd)
{
    off_t n = lseek(fd, 0, SEEK_END);
    char *s = calloc(1, (size_t)n + 1);
    assert_int_equal(pread(fd, s, (size_t)n, 0), n);
    return s;
}

static int count_lines(void *ud, const char *line, size_t len)
{
    (void)line, (void)len;
    ++*(int *)ud;
    return 0;
}

#define RUN "{\"record\":\"run\",\"fingerprint_key_id\":\"k\"}\n"
#define OBJ(id) "{\"record\":\"object\",\"root_id\":\"" id "\",\"coverage_reasons\":[]}\n"
#define INT(id) "{\"record\":\"object\",\"root_id\":\"" id "\",\"coverage_reasons\":[\"interrupted\"]}\n"
#define DONE(id) "{\"record\":\"root_done\",\"root_id\":\"" id "\"}\n"
#define ID_A "00000000000000aa"
#define ID_B "00000000000000bb"
#define ID_C "00000000000000cc"

static void resume_cuts_torn_tail_and_unfinished_block(void **state)
{
    (void)state;
    int fd = memfd_with(RUN OBJ(ID_A) DONE(ID_A) OBJ(ID_B) DONE(ID_B) OBJ(ID_C)
                        "{\"record\":\"object\",\"root_id\":\"torn");
    struct ls_done_set done;
    bool fresh = true;
    int n = 0;
    char err[128];
    assert_int_equal(ls_journal_load(fd, &done, count_lines, &n, &fresh, err, sizeof err), LS_OK);
    assert_false(fresh);
    assert_int_equal(done.n, 2);
    assert_int_equal(n, 5);
    char *s = file_text(fd);
    assert_string_equal(s, RUN OBJ(ID_A) DONE(ID_A) OBJ(ID_B) DONE(ID_B));
    free(s);
    ls_done_free(&done);
    close(fd);
}

static void resume_cuts_interrupted_blocks(void **state)
{
    (void)state;
    int fd = memfd_with(RUN OBJ(ID_A) DONE(ID_A) INT(ID_B) DONE(ID_B) OBJ(ID_C) DONE(ID_C)
                        "{\"record\":\"summary\"}\n");
    struct ls_done_set done;
    bool fresh = true;
    int n = 0;
    char err[128];
    assert_int_equal(ls_journal_load(fd, &done, count_lines, &n, &fresh, err, sizeof err), LS_OK);
    assert_int_equal(done.n, 2);
    assert_int_equal(n, 5);
    char *s = file_text(fd);
    assert_string_equal(s, RUN OBJ(ID_A) DONE(ID_A) OBJ(ID_C) DONE(ID_C));
    free(s);
    ls_done_free(&done);
    close(fd);
}

static void resume_without_run_record_starts_fresh(void **state)
{
    (void)state;
    int fd = memfd_with("{\"record\":\"ru");
    struct ls_done_set done;
    bool fresh = false;
    char err[128];
    assert_int_equal(ls_journal_load(fd, &done, NULL, NULL, &fresh, err, sizeof err), LS_OK);
    assert_true(fresh);
    assert_int_equal(lseek(fd, 0, SEEK_END), 0);
    ls_done_free(&done);
    close(fd);
}

struct collect {
    struct ls_buf all;
    int n;
};

static int collect_line(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    struct collect *c = ud;
    (void)kind;
    c->n++;
    if (ls_buf_add(&c->all, line, len) != LS_OK || ls_buf_addc(&c->all, '\n') != LS_OK) return -1;
    return 0;
}

static void spool_spills_and_keeps_order(void **state)
{
    (void)state;
    struct pool_spool sp;
    pool_spool_init(&sp, 64); /* tiny: most lines go to the spill file */
    struct ls_buf want;
    ls_buf_init(&want, 1u << 20);
    for (int i = 0; i < 200; i++) {
        char line[64];
        int len = snprintf(line, sizeof line, "{\"record\":\"object\",\"i\":%d}", i);
        assert_int_equal(pool_spool_add(&sp, (const uint8_t *)line, (size_t)len, i == 199), LS_OK);
        assert_int_equal(ls_buf_add(&want, line, (size_t)len), LS_OK);
        assert_int_equal(ls_buf_addc(&want, '\n'), LS_OK);
    }
    assert_true(sp.fd >= 0);
    assert_true(sp.saw_done);
    struct collect c = {{0}, 0};
    ls_buf_init(&c.all, 1u << 20);
    assert_int_equal(pool_spool_replay(&sp, collect_line, &c), LS_OK);
    assert_int_equal(c.n, 200);
    assert_string_equal(ls_buf_str(&c.all), ls_buf_str(&want));
    pool_spool_reset(&sp);
    assert_int_equal(sp.fd, -1);
    assert_false(sp.saw_done);
    pool_spool_free(&sp);
    ls_buf_free(&c.all);
    ls_buf_free(&want);
}

static void rootlist_totals(void **state)
{
    (void)state;
    struct ls_rootlist l;
    ls_rootlist_init(&l);
    for (int i = 0; i < 3000; i++) {
        char p[32];
        snprintf(p, sizeof p, "dir/file%04d", i);
        assert_int_equal(ls_rootlist_add(&l, p, i % 100 == 0 ? LS_SPECIAL_FIFO : 0,
                                         i % 100 == 0 ? "fifo" : NULL, (uint64_t)i), LS_OK);
    }
    assert_int_equal(l.n, 3000);
    assert_int_equal(l.regular, 2970);
    assert_int_equal(l.max_size, 2999);
    assert_string_equal(ls_rootlist_path(&l, 1234), "dir/file1234");
    assert_string_equal(ls_rootlist_err(&l, 1200), "fifo");
    assert_null(ls_rootlist_err(&l, 1201));
    ls_rootlist_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(field_plain_and_nested),
        cmocka_unit_test(field_hostile_lines),
        cmocka_unit_test(resume_cuts_torn_tail_and_unfinished_block),
        cmocka_unit_test(resume_cuts_interrupted_blocks),
        cmocka_unit_test(resume_without_run_record_starts_fresh),
        cmocka_unit_test(spool_spills_and_keeps_order),
        cmocka_unit_test(rootlist_totals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
