/* Unit tests for spreadsheet number formats and date serials
 * (src/extract/sheetdate.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/sheetdate.h"
#include "extract/sheetfmt.h"

#define D LS_SHEET_DATE
#define T LS_SHEET_TIME

static unsigned code(const char *s)
{
    return ls_sheet_fmt_code(ls_slice_make(s, strlen(s)));
}

static void assert_date(double v, bool d1904, unsigned flags, const char *want)
{
    char out[LS_SHEET_DATE_MAX];
    memset(out, 'x', sizeof out);
    assert_true(ls_sheet_date(v, d1904, flags, out, sizeof out));
    assert_string_equal(out, want);
}

static void assert_no_date(double v, bool d1904, unsigned flags)
{
    char out[LS_SHEET_DATE_MAX] = "untouched";
    assert_false(ls_sheet_date(v, d1904, flags, out, sizeof out));
    assert_string_equal(out, "untouched");
}

static void builtin_ids(void **st)
{
    (void)st;
    assert_int_equal(ls_sheet_builtin_fmt(0), 0);  /* General */
    assert_int_equal(ls_sheet_builtin_fmt(1), 0);  /* 0 */
    assert_int_equal(ls_sheet_builtin_fmt(13), 0); /* # ??/?? */
    assert_int_equal(ls_sheet_builtin_fmt(14), D); /* m/d/yyyy */
    assert_int_equal(ls_sheet_builtin_fmt(17), D);
    assert_int_equal(ls_sheet_builtin_fmt(18), T); /* h:mm AM/PM */
    assert_int_equal(ls_sheet_builtin_fmt(22), D | T);
    assert_int_equal(ls_sheet_builtin_fmt(23), 0);
    assert_int_equal(ls_sheet_builtin_fmt(27), D);
    assert_int_equal(ls_sheet_builtin_fmt(36), D);
    assert_int_equal(ls_sheet_builtin_fmt(37), 0);
    assert_int_equal(ls_sheet_builtin_fmt(45), T);
    assert_int_equal(ls_sheet_builtin_fmt(49), 0); /* @ */
    assert_int_equal(ls_sheet_builtin_fmt(50), D);
    assert_int_equal(ls_sheet_builtin_fmt(58), D);
    assert_int_equal(ls_sheet_builtin_fmt(59), 0);
    assert_int_equal(ls_sheet_builtin_fmt(164), 0);
    assert_int_equal(ls_sheet_builtin_fmt(0xFFFFFFFFu), 0);
}

static void custom_codes_dates(void **st)
{
    (void)st;
    assert_int_equal(code("dd/mm/yyyy"), D);
    assert_int_equal(code("YYYY-MM-DD"), D);
    assert_int_equal(code("mmm-yy"), D);
    assert_int_equal(code("mmmm"), D);
    assert_int_equal(code("[$-409]d-mmm-yyyy;@"), D);
    assert_int_equal(code("[Red]dd.mm.yyyy"), D);
    assert_int_equal(code("yyyy\"\xE5\xB9\xB4\"m\"\xE6\x9C\x88\"d\"\xE6\x97\xA5\""), D);
    assert_int_equal(code("m/d/yy h:mm"), D | T);
    assert_int_equal(code("yyyy-mm-dd hh:mm:ss"), D | T);
}

static void custom_codes_times(void **st)
{
    (void)st;
    assert_int_equal(code("h:mm AM/PM"), T);
    assert_int_equal(code("hh:mm a/p"), T);
    assert_int_equal(code("[h]:mm:ss"), T);
    assert_int_equal(code("mm:ss.0"), T);
}

static void custom_codes_numbers(void **st)
{
    (void)st;
    assert_int_equal(code("General"), 0);
    assert_int_equal(code("0.00"), 0);
    assert_int_equal(code("#,##0.00 \"days\""), 0);
    assert_int_equal(code("0\\d"), LS_SHEET_DIGITS); /* "5d": a digit layout */
    assert_int_equal(code("[Red][<=100]0;[Blue]0"), 0);
    assert_int_equal(code("0.00E+00"), 0);
    assert_int_equal(code("_-* #,##0 \"kr\"_-"), 0);
    assert_int_equal(code("@"), 0);
    assert_int_equal(code("0;dd/mm/yyyy"), 0); /* only the first section counts */
    assert_int_equal(code(""), 0);
    assert_int_equal(code("\"unterminated dd"), 0);
    assert_int_equal(code("[unterminated dd"), 0);
}

static void serial_1900(void **st)
{
    (void)st;
    assert_date(29221, false, D, "1980-01-01");
    assert_date(1, false, D, "1900-01-01");
    assert_date(59, false, D, "1900-02-28");
    assert_date(60, false, D, "1900-02-29"); /* the leap-year bug, as Excel shows it */
    assert_date(61, false, D, "1900-03-01");
    assert_date(36526, false, D, "2000-01-01");
    assert_date(36585, false, D, "2000-02-29"); /* a real leap day */
    assert_date(45292, false, D, "2024-01-01");
    assert_date(2958465, false, D, "9999-12-31");
    assert_date(29221.75, false, D, "1980-01-01"); /* date-only format: no time */
}

static void serial_1904(void **st)
{
    (void)st;
    assert_date(0, true, D, "1904-01-01");
    assert_date(27759, true, D, "1980-01-01"); /* 29221 - 1462 */
    assert_date(2957003, true, D, "9999-12-31");
    assert_no_date(2957004, true, D);
    assert_no_date(-1, true, D);
}

static void serial_time(void **st)
{
    (void)st;
    assert_date(29221.5, false, D | T, "1980-01-01 12:00:00");
    assert_date(29221, false, D | T, "1980-01-01"); /* midnight: the date alone */
    assert_date(29221.99999999, false, D | T, "1980-01-02"); /* rounds into the next day */
    assert_date(0.75, false, T, "18:00:00");
    assert_date(0.75, false, D | T, "18:00:00"); /* 1900-01-00 is no date */
    assert_date(0, true, D | T, "1904-01-01");
    assert_no_date(1.5, false, T); /* a duration past one day */
}

static void serial_out_of_range(void **st)
{
    (void)st;
    assert_no_date(29221, false, 0);
    assert_no_date(0, false, D);
    assert_no_date(0.5, false, D);
    assert_no_date(-1, false, D);
    assert_no_date(2958466, false, D);
    assert_no_date(1e300, false, D | T);
    assert_no_date(-1e300, false, D | T);
    assert_no_date(NAN, false, D);
    assert_no_date(INFINITY, false, D);
}

static void output_too_small(void **st)
{
    (void)st;
    char out[8] = "keep";
    assert_false(ls_sheet_date(29221, false, D, out, sizeof out));
    assert_string_equal(out, "keep");
}

static void assert_iso(const char *in, const char *want)
{
    char out[LS_SHEET_DATE_MAX];
    size_t n = ls_sheet_iso(ls_slice_make(in, strlen(in)), out, sizeof out);
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
}

static void iso_values(void **st)
{
    (void)st;
    assert_iso("1980-01-01", "1980-01-01");
    assert_iso("1980-01-01T00:00:00", "1980-01-01");
    assert_iso("2024-01-01T12:00:00", "2024-01-01 12:00:00");
    assert_iso("2024-01-01T12:00:00.5Z", "2024-01-01 12:00:00");
    assert_iso("2024-01-01T12:00:00+02:00", "2024-01-01 12:00:00");
    assert_iso("2024-01-01T12:00:00Z", "2024-01-01 12:00:00");
    assert_iso("", "");
    assert_iso("2024-01-01T12:00:00000000000000000", "2024-01-01 12:00:00");
    assert_iso("not a date at all, longer than nineteen", "not a date at all, ");
    assert_iso("1980-01-0\xC3\xA9", "1980-01-0"); /* never half a UTF-8 sequence */
    assert_iso("1980-01-01\nx", "1980-01-01");
    char small[4] = "abc";
    assert_int_equal(ls_sheet_iso(ls_slice_make("1980", 4), small, sizeof small), 0);
}

static void parse_numbers(void **st)
{
    (void)st;
    double v = 0;
    assert_true(ls_sheet_parse_num(ls_slice_make("29221", 5), &v));
    assert_true(v == 29221.0);
    assert_true(ls_sheet_parse_num(ls_slice_make("2.9221E4", 8), &v));
    assert_true(v == 29221.0);
    assert_true(ls_sheet_parse_num(ls_slice_make("-1.5", 4), &v));
    assert_true(v == -1.5);
    assert_false(ls_sheet_parse_num(ls_slice_make("", 0), &v));
    assert_false(ls_sheet_parse_num(ls_slice_make("inf", 3), &v));
    assert_false(ls_sheet_parse_num(ls_slice_make("0x10", 4), &v));
    assert_false(ls_sheet_parse_num(ls_slice_make(" 1", 2), &v));
    assert_false(ls_sheet_parse_num(ls_slice_make("1e999", 5), &v));
    assert_false(ls_sheet_parse_num(ls_slice_make("1-2", 3), &v));
    char longnum[80];
    memset(longnum, '1', sizeof longnum);
    assert_false(ls_sheet_parse_num(ls_slice_make(longnum, sizeof longnum), &v));
}

/* A computed column's 299810781654207.19 is not shown as the integer its 15
 * significant digits make (a Luhn-valid Amex); integers stay digits. */
static void number_fraction_kept(void **st)
{
    (void)st;
    char out[64];
    size_t n = ls_sheet_number(299810781654207.19, out, sizeof out);
    assert_int_equal(n, strlen(out));
    assert_non_null(strchr(out, '.'));
    assert_int_equal(strncmp(out, "299810781654207.", 16), 0);
    ls_sheet_number(-299810781654207.19, out, sizeof out);
    assert_non_null(strchr(out, '.'));
    ls_sheet_number(371449635398431.0, out, sizeof out);
    assert_string_equal(out, "371449635398431");
    ls_sheet_number(0.0463, out, sizeof out);
    assert_string_equal(out, "0.0463");
    ls_sheet_number(1234.5, out, sizeof out);
    assert_string_equal(out, "1234.5");
}

static void assert_layout(const char *fmt, double v, const char *want)
{
    char out[64];
    memset(out, 'x', sizeof out);
    size_t n = ls_sheet_layout(ls_slice_make(fmt, strlen(fmt)), v, out, sizeof out);
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
}

static void assert_no_layout(const char *fmt, double v)
{
    char out[64];
    assert_int_equal(ls_sheet_layout(ls_slice_make(fmt, strlen(fmt)), v, out, sizeof out), 0);
}

/* Excel's "Special" formats and other digit layouts, as Excel shows them. */
static void layouts(void **st)
{
    (void)st;
    const char *phone = "[<=9999999]###-####;\\(###\\)\\ ###-####";
    assert_int_equal(code("000-00-0000"), LS_SHEET_DIGITS);
    assert_int_equal(code(phone), LS_SHEET_DIGITS);
    assert_int_equal(code("00000"), LS_SHEET_DIGITS);
    assert_int_equal(code("00000-0000"), LS_SHEET_DIGITS);
    assert_int_equal(code("0"), 0);    /* General's digits: nothing to lay out */
    assert_int_equal(code("#"), 0);
    assert_int_equal(code("#,##0"), 0); /* separators, decimals: not layouts */
    assert_int_equal(code("0.00"), 0);
    assert_int_equal(code("0%"), LS_SHEET_DIGITS); /* percents and fractions: shown so */
    assert_int_equal(code("# ?/?"), LS_SHEET_DIGITS);
    assert_layout("000-00-0000", 536221874, "536-22-1874");
    assert_layout("000-00-0000", 12345678, "012-34-5678"); /* the leading zero */
    assert_layout("000-00-0000", 12345678.4, "012-34-5678"); /* rounded */
    assert_layout("000-00-0000", 0, "000-00-0000");
    assert_layout("00-0", 123456, "12345-6"); /* the first placeholder takes the rest */
    assert_layout(phone, 8675309, "867-5309");
    assert_layout(phone, 2128675309, "(212) 867-5309");
    assert_layout("(###) ###-####", 8675309, "() 867-5309");
    assert_layout("00000", 2134, "02134");
    assert_layout("00000-0000", 21341234, "02134-1234");
    assert_layout("\"ID \"0000", 42, "ID 0042");
    assert_layout("[Blue]\"EMP-\"000000;[Red]-0", 4711, "EMP-004711");
    assert_layout("0_)000", 123456, "123 456");
    assert_layout("?" "?-00", 7, "-07"); /* split: no trigraph; padding trimmed */
    assert_layout("0_)", 109478626, "109478626");
    assert_layout("_ * 0_ ", 42, "42");
    assert_layout("#-00;#-00;\"zero\"00", 0, "zero00"); /* the zero section */
    assert_layout("[>=100]\"big \"00;\"small \"00", 5, "small 05");
    assert_layout("[>=100]\"big \"00;\"small \"00", 500, "big 500");
    assert_layout("[=1]\"one\"0;[=2]\"two\"0", 2, "two2");
    assert_no_layout("[=1]\"one\"0;[=2]\"two\"0", 3); /* no section holds */
    assert_no_layout("000-00-0000", -536221874); /* negative: the number */
    assert_no_layout("000-00-0000", 1e15);
    assert_no_layout("000-00-0000", 299810781654.19); /* a fraction past 1e11 */
    assert_no_layout("000-00-0000", NAN);
    assert_no_layout("#,##0", 1234);
    assert_no_layout("0.00", 12);
    assert_no_layout("dd/mm/yyyy", 29221);
    assert_no_layout("@", 1);
    assert_no_layout("\"unterminated 0", 1);
    assert_no_layout("0\\", 1); /* a trailing escape */
    assert_no_layout("", 1);
    /* hostile codes: cut brackets and quotes, empty sections, too many digits */
    assert_no_layout("[<=", 1);
    assert_no_layout("[<=]0-0", 1e16);
    assert_layout("[<=]0-0", 12, "1-2"); /* a condition without a number is no condition */
    assert_no_layout("\"", 1);
    assert_no_layout(";;;;;;0-0", 0); /* the zero section is empty: General digits */
    assert_no_layout("0-000000000000000000000000000000", 1); /* 31 placeholders */
    assert_layout("[>5]0-0;[<=5]\"x\"0-0", 5, "x0-5");
    char tiny[6];
    assert_int_equal(ls_sheet_layout(ls_slice_make("000-00-0000", 11), 536221874, tiny, sizeof tiny), 0);
}

/* Percents and fractions as Excel shows them; an identifier under a
 * percent format keeps its digits. */
static void ratios(void **st)
{
    (void)st;
    assert_layout("0.00%", 0.1234, "12.34%");
    assert_layout("0%", 0.5, "50%");
    assert_layout("[Red]#,##0.0%_)", 0.25, "25.0%");
    assert_layout("0.0%", -0.05, "-5.0%");
    assert_no_layout("0.0%;(0.0%)", -0.05); /* its literals: the number */
    assert_no_layout("0%", 536221874);
    assert_layout("# ?/?", 1.5, "1 1/2");
    assert_layout("# ?" "?/?" "?", 0.3333333, "1/3");
    assert_layout("# ?" "?/?" "?", 2.25, "2 1/4");
    assert_layout("?/?", 1.5, "3/2"); /* improper */
    assert_layout("# ?/8", 0.3, "2/8");
    assert_layout("# ?/?", 3, "3");
    assert_layout("# ?/?", 0.99, "1");
    assert_layout("# ?/?", -1.5, "-1 1/2");
    assert_no_layout("# ?/?", 1e10);
    assert_no_layout("?/", 1);
    assert_no_layout("# ?/?x", 1.5);
}

/* Header/footer layout codes become single spaces (ls_sheet_hf_plain). */
static void assert_hf(const char *in, const char *want)
{
    struct ls_buf b;
    ls_buf_init(&b, 1024);
    assert_int_equal(ls_sheet_hf_plain(ls_slice_make(in, strlen(in)), &b), LS_OK);
    assert_int_equal(b.len, strlen(want));
    if (b.len) assert_memory_equal(b.ptr, want, b.len);
    ls_buf_free(&b);
}

static void header_footer_codes(void **state)
{
    (void)state;
    assert_hf("&CPage &P", "Page ");
    assert_hf("&LLeft Header&CCenter Header&RRight", "Left Header Center Header Right");
    assert_hf("&C&\"Times New Roman,Regular\"&12&A", "");
    assert_hf("&L&C&[TAB]&R", "");
    assert_hf("&L&CPage &[PAGE] of &[Pages]", "Page  of "); /* literal spaces stay */
    assert_hf("Smith && Sons&BConfidential", "Smith & Sons Confidential");
    assert_hf("&10", "");
    assert_hf("&\"unterminated", ""); /* a font name running to the end */
    assert_hf("&[unterminated", "");
    assert_hf("trailing &", "trailing ");
    assert_hf("", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_ids),
        cmocka_unit_test(custom_codes_dates),
        cmocka_unit_test(custom_codes_times),
        cmocka_unit_test(custom_codes_numbers),
        cmocka_unit_test(serial_1900),
        cmocka_unit_test(serial_1904),
        cmocka_unit_test(serial_time),
        cmocka_unit_test(serial_out_of_range),
        cmocka_unit_test(output_too_small),
        cmocka_unit_test(iso_values),
        cmocka_unit_test(parse_numbers),
        cmocka_unit_test(number_fraction_kept),
        cmocka_unit_test(layouts),
        cmocka_unit_test(ratios),
        cmocka_unit_test(header_footer_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
