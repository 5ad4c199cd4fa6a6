/* Header-row labels (src/extract/tablectx.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "extract/tablectx.h"

static struct ls_slice S(const char *s) { return ls_slice_make(s, strlen(s)); }

static void row(struct ls_tablectx *t, const char *const *cells, const bool *text, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (cells[i]) ls_tc_cell(t, i, S(cells[i]), text[i]);
    assert_int_equal(ls_tc_row_end(t, NULL, NULL), LS_OK);
}

static void title_row_then_header(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const char *const title[] = {"Staff list 2014"};
    static const char *const head[] = {"Name", NULL, " SSN ", "Date of birth"};
    static const bool yes[] = {true, true, true, true};
    row(&t, title, yes, 1);
    assert_null(ls_tc_label(&t, 0));
    row(&t, head, yes, 4);
    assert_string_equal(ls_tc_label(&t, 0), "Name");
    assert_null(ls_tc_label(&t, 1)); /* an empty header cell: no label */
    assert_string_equal(ls_tc_label(&t, 2), "SSN"); /* trimmed */
    assert_string_equal(ls_tc_label(&t, 3), "Date of birth");
    assert_null(ls_tc_label(&t, LS_TC_MAX_COLS + 5));
    /* a later all-text row with no more cells does not replace the header */
    static const char *const data[] = {"Jane", NULL, "y", "z"};
    row(&t, data, yes, 4);
    assert_string_equal(ls_tc_label(&t, 0), "Name");
    assert_int_equal(ls_tc_last_line(&t).len, 0); /* no value needs a label */
    /* values with digits under labelled columns: one line; names and the
     * unlabelled column 1 are left out */
    static const char *const rec[] = {"Jane Roe", "E10023", "536221874 ", "1975-03-14"};
    static const bool kinds[] = {true, true, false, false};
    row(&t, rec, kinds, 4);
    struct ls_slice line = ls_tc_last_line(&t);
    assert_int_equal(line.len, strlen("SSN: 536221874\tDate of birth: 1975-03-14\n"));
    assert_memory_equal(line.ptr, "SSN: 536221874\tDate of birth: 1975-03-14\n", line.len);
    /* too long to be a code: prose with digits is not labelled */
    static const char *const prose[] = {NULL, NULL, "call 2127365000 between 9 and 5 on weekdays please", "2024"};
    row(&t, prose, kinds, 4);
    assert_int_equal(ls_tc_last_line(&t).len, strlen("Date of birth: 2024\n"));
    ls_tc_reset(&t);
    assert_null(ls_tc_label(&t, 0));
    ls_tc_free(&t);
}

/* "#,Name,SSN": a row-number column's "#" does not spoil the header. */
static void hash_column_header(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const char *const head[] = {"#", "Name", "SSN"};
    static const bool yes[] = {true, true, true};
    row(&t, head, yes, 3);
    assert_string_equal(ls_tc_label(&t, 0), "#");
    assert_string_equal(ls_tc_label(&t, 2), "SSN");
    static const char *const rec[] = {"1", "Jane Roe", "536221874"};
    static const bool kinds[] = {false, true, false};
    row(&t, rec, kinds, 3);
    struct ls_slice line = ls_tc_last_line(&t);
    assert_int_equal(line.len, strlen("SSN: 536221874\n"));
    assert_memory_equal(line.ptr, "SSN: 536221874\n", line.len);
    /* "##" or "-" is no label */
    ls_tc_reset(&t);
    static const char *const bad[] = {"##", "Name", "SSN"};
    row(&t, bad, yes, 3);
    assert_null(ls_tc_label(&t, 2));
    ls_tc_free(&t);
}

static void rows_that_are_not_headers(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const bool yes[] = {true, true, true};
    static const bool mixed[] = {true, false, true};
    static const bool two_kinds[] = {true, false};
    static const char *const two[] = {"Name", "12"};            /* one text cell */
    static const char *const num[] = {"Total", "12", "Items"};  /* a number in it */
    static const char *const digits[] = {"Q1", "jane@example.com", "Q3 2014"}; /* values */
    static const char *const longc[] = {"Name", "A sentence that is far too long to be the label of any column", "X"};
    row(&t, two, two_kinds, 2);
    row(&t, num, mixed, 3);
    row(&t, digits, yes, 3);
    row(&t, longc, yes, 3);
    assert_null(ls_tc_label(&t, 0));
    /* a header within the first LS_TC_SCAN_ROWS non-empty rows is taken */
    static const char *const head[] = {"A", "B", "C"};
    row(&t, head, yes, 3);
    assert_string_equal(ls_tc_label(&t, 0), "A");
    ls_tc_reset(&t);
    for (unsigned i = 0; i < LS_TC_SCAN_ROWS; i++) row(&t, two, two_kinds, 2);
    row(&t, head, yes, 3); /* one past LS_TC_SCAN_ROWS: too late */
    assert_null(ls_tc_label(&t, 0));
    ls_tc_free(&t);
}

static void empty_rows_do_not_count_and_controls_are_blanked(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    for (int i = 0; i < 10; i++) assert_int_equal(ls_tc_row_end(&t, NULL, NULL), LS_OK);
    ls_tc_cell(&t, 0, S("   "), true);
    assert_int_equal(ls_tc_row_end(&t, NULL, NULL), LS_OK);
    static const char *const head[] = {"Na\nme", "S\tSN", "D\x1b" "OB"};
    static const bool yes[] = {true, true, true};
    row(&t, head, yes, 3);
    assert_string_equal(ls_tc_label(&t, 0), "Na me");
    assert_string_equal(ls_tc_label(&t, 1), "S SN");
    assert_string_equal(ls_tc_label(&t, 2), "D OB");
    ls_tc_free(&t);
    /* a context whose allocation failed (zeroed) labels nothing, safely */
    memset(&t, 0, sizeof t);
    row(&t, head, yes, 3);
    assert_null(ls_tc_label(&t, 0));
    ls_tc_free(&t);
}

/* Amounts of money are no PII by their column: no label; every other
 * value with the digits keeps it. */
static void amounts_are_not_labelled(void **state)
{
    (void)state;
    static const struct {
        const char *v;
        bool labelled;
    } cases[] = {
        {"1431.74", false},      {"-$12,500.00", false},  {"(99.95)", false},
        {"1.234,56", false},     {"999 999.99", false},   {"+4'500.10", false},
        {"536221874.00", true},  /* an SSN column formatted with decimals */
        {"1234567.89", true},    /* seven digits: no longer "under a million" */
        {"10.0.0.12", true},     /* groups of one digit: no thousands */
        {"12,34,567.00", true},  {"1,2345.67", true},    {"1.234.56", true},
        {"2128675309", true},    {"1431.745", true},     {"1431.7", true},
        {"212.867.5309", true},  {"1975-03-14", true},   {"1,234.5a", true},
        {"1,234,56", true},      {"12.34.56.78", true},
    };
    static const char *const head[] = {"Name", "Value"};
    static const bool yes[] = {true, true};
    static const bool kinds[] = {true, false};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct ls_tablectx t;
        assert_int_equal(ls_tc_init(&t), LS_OK);
        row(&t, head, yes, 2);
        const char *rec[] = {"Jane Roe", cases[i].v};
        row(&t, rec, kinds, 2);
        char want[64];
        snprintf(want, sizeof want, "Value: %s\n", cases[i].v);
        struct ls_slice line = ls_tc_last_line(&t);
        if (cases[i].labelled) {
            assert_int_equal(line.len, strlen(want));
            assert_memory_equal(line.ptr, want, line.len);
        } else {
            assert_int_equal(line.len, 0);
        }
        ls_tc_free(&t);
    }
}

/* Year and date cells beside the labels ("Name | SSN | 2022 | 2023", month
 * columns) and a year in a heading ("FY2023 Salary") leave a header; any
 * other number makes the row a record. */
static void years_and_dates_in_a_header(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const char *const rec1[] = {"Jane Roe", "2023"};
    static const char *const rec2[] = {"Jane Roe", "536-22-1874", "Clerk"};
    static const char *const rec3[] = {"Jane Roe", "1,234", "Clerk"};
    static const char *const rec4[] = {"Jane Roe", "Flat 4, 1012 Main St", "FY2023"};
    static const bool kinds[] = {true, false, true};
    static const bool yes[] = {true, true, true};
    row(&t, rec1, kinds, 2); /* one label */
    row(&t, rec2, kinds, 3);
    row(&t, rec3, kinds, 3);
    row(&t, rec4, yes, 3); /* numbered headings: not fewer than the labels */
    assert_null(ls_tc_label(&t, 0));
    static const char *const head[] = {"Name", "SSN", "2022", "Jan-23", "2023-01-31", "FY2023 Salary"};
    static const bool hk[] = {true, true, false, false, false, true};
    row(&t, head, hk, 6);
    assert_string_equal(ls_tc_label(&t, 1), "SSN");
    assert_null(ls_tc_label(&t, 2)); /* they label nothing */
    assert_null(ls_tc_label(&t, 5));
    static const char *const rec[] = {"Jane Roe", "536221874", "48000", "4000", "4100", "61000"};
    static const bool rk[] = {true, false, false, false, false, false};
    row(&t, rec, rk, 6);
    struct ls_slice line = ls_tc_last_line(&t);
    assert_int_equal(line.len, strlen("SSN: 536221874\n"));
    assert_memory_equal(line.ptr, "SSN: 536221874\n", line.len);
    ls_tc_free(&t);
}

/* Group headings over the header ("Employee | | Job" over "Name | SSN |
 * Title"), a small table above the main one: the row with more labels
 * replaces them until a record is labelled; after that the header holds. */
static void group_headings_then_header(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const char *const group[] = {"Employee", NULL, "Job"};
    static const char *const head[] = {"Name", "SSN", "Title"};
    static const char *const more[] = {"a", "b", "c", "d"};
    static const bool yes[] = {true, true, true, true};
    row(&t, group, yes, 3);
    assert_string_equal(ls_tc_label(&t, 0), "Employee");
    row(&t, head, yes, 3);
    assert_string_equal(ls_tc_label(&t, 0), "Name");
    assert_string_equal(ls_tc_label(&t, 1), "SSN");
    assert_int_equal(ls_tc_last_line(&t).len, 0); /* a header gives no line */
    static const char *const rec[] = {"Jane Roe", "536221874", "Clerk"};
    static const bool kinds[] = {true, false, true};
    row(&t, rec, kinds, 3);
    assert_memory_equal(ls_tc_last_line(&t).ptr, "SSN: 536221874\n", ls_tc_last_line(&t).len);
    row(&t, more, yes, 4); /* a record was labelled: the header holds */
    assert_string_equal(ls_tc_label(&t, 1), "SSN");
    ls_tc_free(&t);
}

/* A one-column list under its label ("SSN", then bare numbers) is labelled;
 * a one-cell title above a table gives way to the table's header, also
 * after a value under it was labelled. */
static void one_column_list_and_titles(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const char *const title[] = {"ACME payroll"};
    static const char *const ssn[] = {"SSN"};
    static const char *const v[] = {"536221874"};
    static const bool yes[] = {true, true, true};
    static const bool no[] = {false};
    row(&t, title, yes, 1); /* a title, then the list's label */
    row(&t, ssn, yes, 1);
    row(&t, v, no, 1);
    assert_memory_equal(ls_tc_last_line(&t).ptr, "SSN: 536221874\n", ls_tc_last_line(&t).len);
    row(&t, title, yes, 1); /* after a labelled value the label holds */
    assert_string_equal(ls_tc_label(&t, 0), "SSN");
    ls_tc_reset(&t);
    static const char *const printed[] = {"Printed 2024-03-15 by admin"};
    static const char *const head[] = {"Name", "SSN", "Title"};
    row(&t, title, yes, 1);
    row(&t, printed, yes, 1);
    row(&t, head, yes, 3);
    assert_string_equal(ls_tc_label(&t, 1), "SSN");
    /* a one-cell title over a record: no label for the record */
    ls_tc_reset(&t);
    static const char *const rec[] = {"Jane Roe", "555-867-5311"};
    row(&t, title, yes, 1);
    row(&t, rec, yes, 2);
    assert_int_equal(ls_tc_last_line(&t).len, 0);
    assert_null(ls_tc_label(&t, 0));
    ls_tc_free(&t);
}

/* Under an SSN header a number of 7 or 8 digits gets its leading zeros
 * back; other columns and other lengths are as written. */
static void ssn_leading_zeros(void **state)
{
    (void)state;
    struct ls_tablectx t;
    assert_int_equal(ls_tc_init(&t), LS_OK);
    static const char *const head[] = {"emp_ssn", "Social Security #", "Zip", "Address#"};
    static const bool yes[] = {true, true, true, true};
    static const char *const rec[] = {"41255678", "5512345", "2134", "1234567"};
    static const bool no[] = {false, false, false, false};
    row(&t, head, yes, 4);
    row(&t, rec, no, 4);
    static const char want[] =
        "emp_ssn: 041255678\tSocial Security #: 005512345\tZip: 2134\tAddress#: 1234567\n";
    assert_int_equal(ls_tc_last_line(&t).len, strlen(want));
    assert_memory_equal(ls_tc_last_line(&t).ptr, want, strlen(want));
    static const char *const rec2[] = {"536221874", "123456", "02134", "x"};
    row(&t, rec2, no, 4);
    static const char want2[] = "emp_ssn: 536221874\tSocial Security #: 123456\tZip: 02134\n";
    assert_int_equal(ls_tc_last_line(&t).len, strlen(want2));
    assert_memory_equal(ls_tc_last_line(&t).ptr, want2, strlen(want2));
    ls_tc_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_row_then_header),
        cmocka_unit_test(rows_that_are_not_headers),
        cmocka_unit_test(hash_column_header),
        cmocka_unit_test(empty_rows_do_not_count_and_controls_are_blanked),
        cmocka_unit_test(amounts_are_not_labelled),
        cmocka_unit_test(years_and_dates_in_a_header),
        cmocka_unit_test(group_headings_then_header),
        cmocka_unit_test(one_column_list_and_titles),
        cmocka_unit_test(ssn_leading_zeros),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
