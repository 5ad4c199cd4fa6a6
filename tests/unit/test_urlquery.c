/* Unit tests for the decoded view of percent-encoded query strings and
 * form bodies (src/extract/urlquery.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/urlquery.h"

/* The decoded lines of IN, as a string (static storage). */
static const char *dec(const char *in, ls_err *err)
{
    static char got[8192];
    struct ls_buf b;
    ls_buf_init(&b, sizeof got - 1);
    ls_err e = ls_urlq_decode(ls_slice_make(in, strlen(in)), &b);
    if (err) *err = e;
    memcpy(got, ls_buf_str(&b), b.len + 1);
    ls_buf_free(&b);
    return got;
}

static void query_fields(void **st)
{
    (void)st;
    assert_string_equal(dec("1.2.3.4 - - \"GET /pay?card=4539%201234%205678%209012&name=Cy+Park&x=1 HTTP/1.1\" 200", NULL),
                        "card=4539 1234 5678 9012\nname=Cy Park\n");
    assert_string_equal(dec("POST body: login%5Bpassword%5D=Hunter%212014&form_key=x8Hq2", NULL),
                        "login[password]=Hunter!2014\n");
}

static void plus_only_form(void **st)
{
    (void)st;
    /* no escape: a form with '+' for spaces is decoded */
    assert_string_equal(dec("/api/pay?card=4539+1234+5678+9012&exp=12", NULL), "card=4539 1234 5678 9012\n");
    /* base64 ('+' and '=' but no form) is not */
    assert_string_equal(dec("AAAB+/cde+fgh==\nQUJD+RA=", NULL), "");
}

static void path_and_address(void **st)
{
    (void)st;
    /* a path: '+' stays, the escape is decoded */
    assert_string_equal(dec("mailto:jane.roe%40corp.example", NULL), "mailto:jane.roe@corp.example\n");
    assert_string_equal(dec("/files/a+b%20c.txt?q=1", NULL), "/files/a+b c.txt\n");
}

static void twice_encoded(void **st)
{
    (void)st;
    assert_string_equal(dec("?email=jane%2540corp.example", NULL), "email=jane@corp.example\n");
}

static void unchanged_text_stays_out(void **st)
{
    (void)st;
    assert_string_equal(dec("GET /index.php?page=2&sort=asc HTTP/1.1", NULL), "");
    assert_string_equal(dec("100% sure, 50%+ off", NULL), "");
    assert_string_equal(dec("", NULL), "");
}

static void controls_and_cuts(void **st)
{
    (void)st;
    /* control bytes become spaces; a cut escape stays as written */
    assert_string_equal(dec("?a=x%00y%0Az&b=%4", NULL), "a=x y z\n");
    assert_string_equal(dec("%", NULL), "");
    assert_string_equal(dec("%G1%41", NULL), "");
    assert_string_equal(dec("%G1%41BCDE", NULL), "%G1ABCDE\n");
    /* a run of URL characters in binary data: too short, or not UTF-8 */
    assert_string_equal(dec("\x91%44n%3F\xc8", NULL), "");
    assert_string_equal(dec("x%C3%28abcdefgh", NULL), "");
    assert_string_equal(dec("?name=Jos%C3%A9+Pe%C3%B1a", NULL), "name=Jos\xc3\xa9 Pe\xc3\xb1" "a\n");
}

static void limits(void **st)
{
    (void)st;
    /* a field longer than URLQ_FIELD_MAX is cut, the line still ends */
    static char big[3 * URLQ_FIELD_MAX + 16];
    memcpy(big, "?v=", 3);
    for (size_t i = 3; i + 3 <= sizeof big - 1; i += 3) memcpy(big + i, "%41", 3);
    big[sizeof big - 1] = 0;
    ls_err e = LS_E_INTERNAL;
    const char *got = dec(big, &e);
    assert_int_equal(e, LS_OK);
    assert_int_equal(strlen(got), URLQ_FIELD_MAX + 1);
    /* OUT full: what fit is kept, LS_E_LIMIT */
    struct ls_buf b;
    ls_buf_init(&b, 8);
    const char *in = "?a=%41%41%41%41%41%41%41%41%41%41";
    assert_int_equal(ls_urlq_decode(ls_slice_make(in, strlen(in)), &b), LS_E_LIMIT);
    assert_int_equal(b.len, 8);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(query_fields),
        cmocka_unit_test(plus_only_form),
        cmocka_unit_test(path_and_address),
        cmocka_unit_test(twice_encoded),
        cmocka_unit_test(unchanged_text_stays_out),
        cmocka_unit_test(controls_and_cuts),
        cmocka_unit_test(limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
