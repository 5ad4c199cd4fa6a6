/* Unit tests for the RTF reader (src/extract/rtf_parse.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/rtf.h"

struct collect {
    struct ls_buf text;
    struct ls_buf obj;
    char name[64];
    unsigned objects;
    bool cut;
};

static ls_err on_text(void *ud, struct ls_slice s)
{
    struct collect *k = ud;
    return ls_buf_add(&k->text, s.ptr, s.len);
}

static ls_err on_object(void *ud, struct ls_slice data, const char *name, bool truncated)
{
    struct collect *k = ud;
    k->objects++;
    k->cut = truncated;
    size_t n = strlen(name);
    if (n >= sizeof k->name) n = sizeof k->name - 1;
    memcpy(k->name, name, n);
    k->name[n] = 0;
    ls_buf_reset(&k->obj);
    return ls_buf_add(&k->obj, data.ptr, data.len);
}

static struct rtf_result run(struct collect *k, const char *rtf, size_t len, size_t max_obj)
{
    memset(k, 0, sizeof *k);
    ls_buf_init(&k->text, 1 << 20);
    ls_buf_init(&k->obj, 1 << 20);
    const struct rtf_sink sink = {k, on_text, on_object};
    struct rtf_result r;
    assert_int_equal(rtf_parse(ls_slice_make(rtf, len), &sink, max_obj, &r), LS_OK);
    return r;
}

static void done(struct collect *k)
{
    ls_buf_free(&k->text);
    ls_buf_free(&k->obj);
}

#define RUN(k, s) run((k), (s), sizeof(s) - 1, 1 << 20)

static void assert_text(struct collect *k, const char *want)
{
    const char *got = ls_buf_str(&k->text);
    if (strcmp(got, want) != 0) fail_msg("text \"%s\", want \"%s\"", got, want);
}

static void plain_text_and_par(void **st)
{
    (void)st;
    struct collect k;
    struct rtf_result r = RUN(&k, "{\\rtf1\\ansi\\deff0 Hello\\par World\\line end}");
    assert_false(r.truncated);
    assert_false(r.not_rtf);
    assert_text(&k, "Hello\nWorld\nend");
    done(&k);
}

static void control_words_split_text(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1 SSN 536-22-{\\i 1874} mail a{\\b @}b.example}");
    assert_text(&k, "SSN 536-22-1874 mail a@b.example");
    done(&k);
}

static void hex_escapes_cp1252(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1\\ansi\\ansicpg1252 Jos\\'e9 \\'80\\'93x\\'94}");
    assert_text(&k, "Jos\xC3\xA9 \xE2\x82\xAC\xE2\x80\x9Cx\xE2\x80\x9D");
    done(&k);
}

/* \ansicpg65001: \'hh bytes are UTF-8 (Outlook writes such bodies); a
 * broken sequence reads as U+FFFD, never as mojibake. */
static void hex_escapes_utf8_code_page(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1\\ansi\\ansicpg65001 \\'d0\\'9f\\'d1\\'80 \\'e2\\'82\\'ac \\'d0x \\'80}");
    assert_text(&k, "\xD0\x9F\xD1\x80 \xE2\x82\xAC \xEF\xBF\xBDx \xEF\xBF\xBD");
    done(&k);
}

static void unicode_with_fallback(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1\\uc1 M\\u252?ller \\u8364\\'80 {\\uc2\\u8364 xyz}!}");
    /* \uc1 drops "?" and \'80; \uc2 drops "xy" */
    assert_text(&k, "M\xC3\xBCller \xE2\x82\xAC \xE2\x82\xACz!");
    done(&k);
}

static void unicode_negative_and_surrogates(void **st)
{
    (void)st;
    struct collect k;
    /* U+1F600 as \u-10179?\u-8704? ; U+FFFD for a lone high surrogate */
    RUN(&k, "{\\rtf1 a\\u-10179?\\u-8704?b\\u-10179?c}");
    assert_text(&k, "a\xF0\x9F\x98\x80" "b\xEF\xBF\xBD" "c");
    done(&k);
}

static void skipped_destinations(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red1;}{\\stylesheet{\\s0 Normal;}}"
            "{\\*\\unknowndest secret}{\\*\\generator Word}{\\pict\\pngblip 89504e47}body}");
    assert_text(&k, "body");
    done(&k);
}

static void kept_star_destinations(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1 text{\\*\\annotation note}{\\field{\\*\\fldinst HYPERLINK \"mailto:a@b.c\"}"
            "{\\fldrslt link}}}");
    assert_non_null(strstr(ls_buf_str(&k.text), "note"));
    assert_non_null(strstr(ls_buf_str(&k.text), "mailto:a@b.c"));
    assert_non_null(strstr(ls_buf_str(&k.text), "link"));
    done(&k);
}

static void info_fields_labelled(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1{\\info{\\author Jane Doe}{\\company Acme}{\\creatim\\yr2024\\mo5}}Body}");
    assert_text(&k, "author: Jane Doe\ncompany: Acme\nBody");
    done(&k);
}

static void bin_skips_raw_bytes(void **st)
{
    (void)st;
    struct collect k;
    static const char s[] = "{\\rtf1 a{\\pict\\bin4 {}\\}b}c}";
    RUN(&k, s);
    assert_text(&k, "ac");
    done(&k);
}

static void bin_past_end_is_truncated(void **st)
{
    (void)st;
    struct collect k;
    struct rtf_result r = RUN(&k, "{\\rtf1 a\\bin99999 xyz");
    assert_true(r.truncated);
    assert_text(&k, "a");
    done(&k);
}

static void tables_cells_rows(void **st)
{
    (void)st;
    struct collect k;
    RUN(&k, "{\\rtf1\\trowd\\cellx100\\cellx200 SSN\\cell 536-22-1874\\cell\\row next}");
    assert_text(&k, "SSN\t536-22-1874\t\nnext");
    done(&k);
}

static void truncated_inside_group(void **st)
{
    (void)st;
    struct collect k;
    struct rtf_result r = RUN(&k, "{\\rtf1 kept {\\b bold");
    assert_true(r.truncated);
    assert_text(&k, "kept bold");
    done(&k);
}

static void depth_is_bounded(void **st)
{
    (void)st;
    struct collect k;
    static char s[4 * 100000 + 64];
    size_t n = 0;
    memcpy(s, "{\\rtf1 top", 10);
    n = 10;
    for (int i = 0; i < 100000; i++) s[n++] = '{';
    memcpy(s + n, "deep", 4);
    n += 4;
    for (int i = 0; i < 100000; i++) s[n++] = '}';
    memcpy(s + n, " after}", 7);
    n += 7;
    struct rtf_result r = run(&k, s, n, 1 << 20);
    assert_true(r.depth_cut);
    assert_false(r.truncated);
    assert_text(&k, "top after");
    done(&k);
}

static void not_rtf_flagged(void **st)
{
    (void)st;
    struct collect k;
    struct rtf_result r = RUN(&k, "plain words");
    assert_true(r.not_rtf);
    done(&k);
}

/* OLE1 "Package" object wrapping notes.txt, hex-encoded in \objdata. */
static void objdata_package_file(void **st)
{
    (void)st;
    struct collect k;
    static const char s[] =
        "{\\rtf1{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata "
        "01050000" "02000000"                 /* version, format 2: embedded */
        "08000000" "5061636b61676500"         /* "Package" */
        "00000000" "00000000"                 /* topic, item */
        "29000000"                            /* native size 41 */
        "0200" "6e2e74787400" "6300"          /* sig, label n.txt, source c */
        "00000300" "02000000" "7000"          /* type, path len 2, path */
        "0a000000" "68656c6c6f0d0a\n2121 21"  /* size 10, "hello\r\n!!!" (whitespace ignored) */
        "}{\\result shown}}}";
    struct rtf_result r = RUN(&k, s);
    assert_int_equal(r.objects, 1);
    assert_int_equal(k.objects, 1);
    assert_string_equal(k.name, "n.txt");
    assert_int_equal(k.obj.len, 10);
    assert_memory_equal(k.obj.ptr, "hello\r\n!!!", 10);
    assert_false(k.cut);
    assert_text(&k, "shown");
    done(&k);
}

static void objdata_raw_when_not_ole1(void **st)
{
    (void)st;
    struct collect k;
    struct rtf_result r = run(&k, "{\\rtf1{\\*\\objdata 414243444546}}", 31, 4);
    assert_int_equal(r.objects, 1);
    assert_string_equal(k.name, "");
    assert_int_equal(k.obj.len, 4); /* cut at max_object */
    assert_true(k.cut);
    done(&k);
}

static void ole1_rejects_garbage(void **st)
{
    (void)st;
    struct ls_slice nat;
    char cls[16];
    static const uint8_t bad[] = {1, 5, 0, 0, 2, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f};
    assert_false(rtf_ole1_native(ls_slice_make(bad, sizeof bad), &nat, cls, sizeof cls));
    assert_false(rtf_ole1_native(ls_slice_make(bad, 3), &nat, cls, sizeof cls));
    struct ls_slice file;
    char name[8];
    assert_false(rtf_package_file(ls_slice_make(bad, sizeof bad), &file, name, sizeof name));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_and_par),
        cmocka_unit_test(control_words_split_text),
        cmocka_unit_test(hex_escapes_cp1252),
        cmocka_unit_test(hex_escapes_utf8_code_page),
        cmocka_unit_test(unicode_with_fallback),
        cmocka_unit_test(unicode_negative_and_surrogates),
        cmocka_unit_test(skipped_destinations),
        cmocka_unit_test(kept_star_destinations),
        cmocka_unit_test(info_fields_labelled),
        cmocka_unit_test(bin_skips_raw_bytes),
        cmocka_unit_test(bin_past_end_is_truncated),
        cmocka_unit_test(tables_cells_rows),
        cmocka_unit_test(truncated_inside_group),
        cmocka_unit_test(depth_is_bounded),
        cmocka_unit_test(not_rtf_flagged),
        cmocka_unit_test(objdata_package_file),
        cmocka_unit_test(objdata_raw_when_not_ole1),
        cmocka_unit_test(ole1_rejects_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
