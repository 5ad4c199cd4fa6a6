/* --identifiers FILE -> YARA source (src/scan/identifiers.c). The generated
 * source is compiled with libyara here to prove it is valid and quiet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <yara.h>

#include "scan/identifiers.h"

struct out {
    struct ls_buf yar;
    char err[256];
    ls_err rc;
};

static void compile_ids(const char *text, struct out *o)
{
    ls_buf_init(&o->yar, 1u << 20);
    o->err[0] = '\0';
    o->rc = ls_identifiers_compile(ls_slice_make(text, strlen(text)), "ids.txt", &o->yar, o->err,
                                   sizeof o->err);
}

struct diag {
    int errors, warnings;
};

static void on_diag(int level, const char *file, int line, const YR_RULE *rule, const char *msg,
                    void *ud)
{
    struct diag *d = ud;
    (void)file, (void)line, (void)rule, (void)msg;
    if (level == YARA_ERROR_LEVEL_WARNING) d->warnings++;
    else d->errors++;
}

static int count_matches_cb(YR_SCAN_CONTEXT *ctx, int msg, void *data, void *ud)
{
    (void)ctx, (void)data;
    if (msg == CALLBACK_MSG_RULE_MATCHING) (*(int *)ud)++;
    return CALLBACK_CONTINUE;
}

/* Compile src with libyara (must be clean) and count rules matching text. */
static int yara_matches(const char *src, const char *text)
{
    YR_COMPILER *c = NULL;
    YR_RULES *rules = NULL;
    struct diag d = {0, 0};
    int n = 0;
    assert_int_equal(yr_initialize(), ERROR_SUCCESS);
    assert_int_equal(yr_compiler_create(&c), ERROR_SUCCESS);
    yr_compiler_set_callback(c, on_diag, &d);
    assert_int_equal(yr_compiler_add_string(c, src, "corporate"), 0);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(yr_compiler_get_rules(c, &rules), ERROR_SUCCESS);
    yr_rules_scan_mem(rules, (const uint8_t *)text, strlen(text), 0, count_matches_cb, &n, 0);
    yr_rules_destroy(rules);
    yr_compiler_destroy(c);
    yr_finalize();
    return n;
}

static void comments_and_blanks_give_no_rules(void **st)
{
    (void)st;
    struct out o;
    compile_ids("# nothing here\n\n   \n\t# indented comment\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_null(strstr(ls_buf_str(&o.yar), "rule "));
    ls_buf_free(&o.yar);
}

static void domain_rule_compiles_and_matches(void **st)
{
    (void)st;
    struct out o;
    compile_ids("domain acme-corp.example\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_non_null(strstr(ls_buf_str(&o.yar), "entity = \"org_identifier\""));
    assert_non_null(strstr(ls_buf_str(&o.yar), "category = \"corporate\""));
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "see www.ACME-CORP.example now"), 1);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "see notacme-corp.examples"), 0);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "mail bob@acme-corp.example."), 1);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "acme-corp.example"), 1);
    /* other domains that contain ours as a word */
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "see x-acme-corp.example now"), 0);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "see acme-corp.example.evil.net now"), 0);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "see acme-corp.example-cdn.net now"), 0);
    ls_buf_free(&o.yar);
}

static void email_domain_matches_addresses_only(void **st)
{
    (void)st;
    struct out o;
    compile_ids("email-domain corp.example\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "mail bob@corp.example."), 1);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "mail bob@eu.corp.example"), 1);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "site corp.example only"), 0);
    ls_buf_free(&o.yar);
}

static void host_suffix_matches_hosts(void **st)
{
    (void)st;
    struct out o;
    compile_ids("host-suffix .corp.example.net\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "ssh db01.corp.example.net\n"), 1);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "ssh db01.corp.example.network\n"), 0);
    ls_buf_free(&o.yar);
}

static void employee_id_regex_as_word(void **st)
{
    (void)st;
    struct out o;
    compile_ids("employee-id ACME-[0-9]{6}\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "id ACME-123456."), 1);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "id ACME-1234567"), 0);
    ls_buf_free(&o.yar);
}

static void codename_any_case_with_quotes_escaped(void **st)
{
    (void)st;
    struct out o;
    compile_ids("codename Project \"Night\\jar\"\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "re: PROJECT \"NIGHT\\JAR\" plan"), 1);
    ls_buf_free(&o.yar);
}

static void raw_regex_with_nocase_flag(void **st)
{
    (void)st;
    struct out o;
    compile_ids("regex /acme-contract-[0-9]{4}/i\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "ACME-CONTRACT-2024"), 1);
    ls_buf_free(&o.yar);
}

static void crlf_lines_accepted(void **st)
{
    (void)st;
    struct out o;
    compile_ids("domain a-corp.example\r\nterm Bluebird\r\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "bluebird at a-corp.example"), 2);
    ls_buf_free(&o.yar);
}

static void unknown_kind_is_file_line_error(void **st)
{
    (void)st;
    struct out o;
    compile_ids("# c\ndomain ok.example\nwibble x\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:3: unknown kind"));
    ls_buf_free(&o.yar);
}

static void regex_breakout_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("employee-id E[0-9]{6}/ condition: true } rule evil { condition: true\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:1:"));
    ls_buf_free(&o.yar);
}

static void unbalanced_regex_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("employee-id (E[0-9]{6}\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:1: unbalanced"));
    ls_buf_free(&o.yar);
}

static void slow_regex_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("\nregex /[0-9]{3}-[0-9]{4}/\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:2:"));
    assert_non_null(strstr(o.err, "slow"));
    ls_buf_free(&o.yar);
}

static void invalid_regex_syntax_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("regex /abc{2,1}/\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:1:"));
    ls_buf_free(&o.yar);
}

static void yara_error_mapped_to_its_line(void **st)
{
    (void)st;
    struct out o;
    compile_ids("domain a.example\n# comment\n\nterm foo bar\nregex /abc{2,1}/\nterm last one\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:5:"));
    ls_buf_free(&o.yar);
}

static void many_entries_compile(void **st)
{
    (void)st;
    struct out o;
    struct ls_buf in;
    ls_buf_init(&in, 1u << 20);
    for (int i = 0; i < 2000; i++) assert_int_equal(ls_buf_printf(&in, "term T%05dxyz\n", i), LS_OK);
    compile_ids(ls_buf_str(&in), &o);
    assert_int_equal(o.rc, LS_OK);
    assert_non_null(strstr(ls_buf_str(&o.yar), "rule org_line_2000"));
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "x T01999XYZ y"), 1);
    ls_buf_free(&o.yar);
    ls_buf_free(&in);
}

static void bad_domain_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("domain exa\"mple.com\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:1: not a domain"));
    ls_buf_free(&o.yar);
}

static void missing_value_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("codename\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "ids.txt:1: codename needs a value"));
    ls_buf_free(&o.yar);
}

static void short_term_rejected(void **st)
{
    (void)st;
    struct out o;
    compile_ids("term ab\n", &o);
    assert_int_equal(o.rc, LS_E_ARG);
    assert_non_null(strstr(o.err, "too short"));
    ls_buf_free(&o.yar);
}

static void control_bytes_escaped_in_literals(void **st)
{
    (void)st;
    struct out o;
    compile_ids("term caf\xc3\xa9 \x01x\n", &o);
    assert_int_equal(o.rc, LS_OK);
    assert_non_null(strstr(ls_buf_str(&o.yar), "\\xc3\\xa9"));
    assert_int_equal(yara_matches(ls_buf_str(&o.yar), "a caf\xc3\xa9 \x01x b"), 1);
    ls_buf_free(&o.yar);
}

#define T(f) cmocka_unit_test(f)
int main(void)
{
    const struct CMUnitTest tests[] = {
        T(comments_and_blanks_give_no_rules), T(domain_rule_compiles_and_matches),
        T(email_domain_matches_addresses_only), T(host_suffix_matches_hosts),
        T(employee_id_regex_as_word), T(codename_any_case_with_quotes_escaped),
        T(raw_regex_with_nocase_flag), T(crlf_lines_accepted), T(unknown_kind_is_file_line_error),
        T(regex_breakout_rejected), T(unbalanced_regex_rejected), T(slow_regex_rejected),
        T(invalid_regex_syntax_rejected), T(yara_error_mapped_to_its_line), T(many_entries_compile), T(bad_domain_rejected), T(missing_value_rejected),
        T(short_term_rejected), T(control_bytes_escaped_in_literals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
