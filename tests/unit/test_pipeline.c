/*
 * The pipeline contract seen from a handler: budgets (bytes, members,
 * depth, text), notes (reasons vs alerts), verdict aggregation up the tree,
 * record shape (valid JSON, chain, *_b64 twins), root_done distinct counts.
 * A scripted test handler is forced on the root; children are dispatched by
 * the real registry.
 */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pipeline/pipeline.h"

/* ---- a scripted handler ---- */

struct script {
    unsigned n_children;
    size_t child_size;
    const char *child_text;      /* content of each child (repeated/truncated to size) */
    const char *child_name;      /* NULL: "c<i>.txt" */
    const char *text;            /* emitted as text */
    const char *note_tag;
    ls_err ret;
    ls_err first_child_err;      /* what the first refused emit returned */
    unsigned emitted;
};
static struct script g_script;

static int scripted_probe(const struct ls_object *o)
{
    (void)o;
    return 0; /* only ever forced */
}

static ls_err scripted_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct script *s = &g_script;
    if (s->text) (void)ls_emit_textz(c, o, s->text);
    if (s->note_tag) ls_note(c, o, s->note_tag, "scripted note");
    uint8_t *buf = malloc(s->child_size ? s->child_size : 1);
    size_t tl = s->child_text ? strlen(s->child_text) : 0;
    for (size_t i = 0; i < s->child_size; i++) buf[i] = tl ? (uint8_t)s->child_text[i % tl] : 'x';
    for (unsigned i = 0; i < s->n_children; i++) {
        char name[32];
        snprintf(name, sizeof name, "c%u.txt", i);
        const char *nm = s->child_name ? s->child_name : name;
        struct ls_child ch = {nm, strlen(nm), ls_slice_make(buf, s->child_size), 0, {NULL}, NULL, 0, NULL};
        ls_err e = ls_emit_child(c, o, &ch);
        if (e != LS_OK) {
            s->first_child_err = e;
            break;
        }
        s->emitted++;
    }
    free(buf);
    return s->ret;
}

static const struct ls_handler scripted = {"scripted", scripted_probe, scripted_extract};

/* ---- harness ---- */

struct capture {
    json_t *objects; /* array of object records */
    json_t *root_done;
};

static int on_record(void *ud, enum ls_record_kind kind, const char *line, size_t len)
{
    struct capture *cap = ud;
    json_error_t je;
    json_t *o = json_loadb(line, len, 0, &je);
    if (!o) fail_msg("record is not JSON: %s (%.*s)", je.text, (int)len, line);
    assert_null(memchr(line, '\n', len));
    if (kind == LS_REC_OBJECT) json_array_append_new(cap->objects, o);
    else {
        json_decref(cap->root_done);
        cap->root_done = o;
    }
    return 0;
}

static void run_root(struct ls_limits *lim, const char *root_text, const char *root_name,
                     struct capture *cap)
{
    static const char rule[] =
        "rule t_ssn { meta: category = \"pii\" entity = \"ssn\" validator = \"ssn\" redact = \"last4\" "
        "strings: $a = /[0-9]{3}-[0-9]{2}-[0-9]{4}/ condition: $a }\n";
    char path[] = "/tmp/ls-test-rule-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, rule, sizeof rule - 1), (ssize_t)(sizeof rule - 1));
    close(fd);
    struct ls_config cfg;
    ls_config_default(&cfg);
    if (lim) cfg.limits = *lim;
    cfg.no_default_rules = true;
    const char *paths[] = {path};
    cfg.rule_paths = paths;
    cfg.n_rule_paths = 1;
    static const uint8_t key[] = "k";
    cfg.fp_key = key;
    cfg.fp_key_len = 1;
    struct ls_engine *eng;
    struct ls_worker *w;
    char err[512];
    assert_int_equal(ls_engine_new(&cfg, &eng, err, sizeof err), LS_OK);
    assert_int_equal(ls_worker_new(eng, &w, err, sizeof err), LS_OK);
    unlink(path);
    cap->objects = json_array();
    cap->root_done = NULL;
    struct ls_ctx c;
    ls_ctx_init(&c, w, root_name ? root_name : "root.bin", on_record, cap);
    c.force_handler = &scripted;
    g_script.emitted = 0;
    g_script.first_child_err = LS_OK;
    struct ls_slice data = ls_slice_make(root_text, strlen(root_text));
    assert_int_equal(ls_ctx_run_root(&c, data, 0, false), LS_OK);
    struct ls_buf line;
    ls_buf_init(&line, 1u << 20);
    assert_int_equal(ls_record_root_done(&c, &line), LS_OK);
    on_record(cap, LS_REC_ROOT_DONE, ls_buf_str(&line), line.len);
    ls_buf_free(&line);
    ls_ctx_fini(&c);
    ls_worker_free(w);
    ls_engine_free(eng);
}

static void cap_free(struct capture *cap)
{
    json_decref(cap->objects);
    json_decref(cap->root_done);
}

static json_t *root_record(struct capture *cap)
{
    size_t n = json_array_size(cap->objects);
    assert_true(n > 0);
    json_t *r = json_array_get(cap->objects, n - 1); /* post-order: root last */
    assert_int_equal(json_integer_value(json_object_get(r, "depth")), 0);
    return r;
}

static bool has_string(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) if (strcmp(json_string_value(v), s) == 0) return true;
    return false;
}

static const char *sval(json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

static void reset_script(void) { memset(&g_script, 0, sizeof g_script); }

/* ---- tests ---- */

static void byte_budget_stops_children_and_marks_parent(void **state)
{
    (void)state;
    reset_script();
    struct ls_limits l;
    ls_limits_default(&l);
    l.root_bytes_min = 3u << 20;
    l.root_bytes_factor = 0;
    l.bomb_ratio = 0; /* the byte budget alone (the root ratio is tested below) */
    g_script.n_children = 10;
    g_script.child_size = 1u << 20;
    struct capture cap;
    run_root(&l, "container", NULL, &cap);
    assert_int_equal(g_script.emitted, 3);
    assert_int_equal(g_script.first_child_err, LS_E_LIMIT);
    json_t *r = root_record(&cap);
    assert_string_equal(sval(r, "coverage"), "partial");
    assert_true(has_string(json_object_get(r, "coverage_reasons"), "limit:bytes"));
    assert_string_equal(sval(r, "verdict"), "incomplete");
    assert_int_equal(json_integer_value(json_object_get(cap.root_done, "expanded_bytes")), 3u << 20);
    cap_free(&cap);
}

/* A 9-byte root whose members add up past the floor and 200:1 of its size is
 * a bomb as a whole: unpacking stops on the spot, the root is hostile. */
static void root_ratio_stops_a_tree_of_small_bombs(void **state)
{
    (void)state;
    reset_script();
    struct ls_limits l;
    ls_limits_default(&l);
    l.bomb_floor = 2u << 20;
    g_script.n_children = 10;
    g_script.child_size = 1u << 20;
    struct capture cap;
    run_root(&l, "container", NULL, &cap);
    assert_int_equal(g_script.emitted, 2); /* the third crosses the floor */
    assert_int_equal(g_script.first_child_err, LS_E_LIMIT);
    json_t *r = root_record(&cap);
    assert_true(has_string(json_object_get(r, "alerts"), "zip_bomb"));
    assert_true(has_string(json_object_get(r, "coverage_reasons"), "limit:bytes"));
    assert_string_equal(sval(r, "verdict"), "hostile");
    cap_free(&cap);
    /* the same tree under a ratio it stays below: every member, no alert */
    reset_script();
    ls_limits_default(&l);
    l.bomb_floor = 2u << 20;
    l.bomb_ratio = 10u << 20;
    g_script.n_children = 10;
    g_script.child_size = 1u << 20;
    run_root(&l, "container", NULL, &cap);
    assert_int_equal(g_script.emitted, 10);
    r = root_record(&cap);
    assert_false(has_string(json_object_get(r, "alerts"), "zip_bomb"));
    assert_string_equal(sval(r, "coverage"), "full");
    cap_free(&cap);
}

static void member_budget_counts_members(void **state)
{
    (void)state;
    reset_script();
    struct ls_limits l;
    ls_limits_default(&l);
    l.max_members = 5;
    g_script.n_children = 10;
    g_script.child_size = 16;
    struct capture cap;
    run_root(&l, "container", NULL, &cap);
    assert_int_equal(g_script.emitted, 5);
    assert_int_equal(json_array_size(cap.objects), 6);
    assert_true(has_string(json_object_get(root_record(&cap), "coverage_reasons"), "limit:members"));
    cap_free(&cap);
}

static void depth_limit_records_child_without_dispatch(void **state)
{
    (void)state;
    reset_script();
    struct ls_limits l;
    ls_limits_default(&l);
    l.max_depth = 0;
    g_script.n_children = 1;
    g_script.child_size = 40;
    g_script.child_text = "SSN 536-22-1874 ";
    struct capture cap;
    run_root(&l, "container", NULL, &cap);
    json_t *child = json_array_get(cap.objects, 0);
    assert_int_equal(json_integer_value(json_object_get(child, "depth")), 1);
    assert_true(json_is_null(json_object_get(child, "handler")));
    assert_true(has_string(json_object_get(child, "coverage_reasons"), "limit:depth"));
    /* raw bytes of a too-deep child are still scanned */
    assert_int_equal(json_array_size(json_object_get(child, "findings")), 1);
    assert_true(has_string(json_object_get(root_record(&cap), "coverage_reasons"), "limit:depth"));
    cap_free(&cap);
}

static void sensitive_child_makes_container_sensitive(void **state)
{
    (void)state;
    reset_script();
    g_script.n_children = 2;
    g_script.child_size = 32;
    g_script.child_text = "id 536-22-1874 ok ";
    struct capture cap;
    run_root(NULL, "nothing to see", NULL, &cap);
    json_t *r = root_record(&cap);
    assert_int_equal(json_array_size(json_object_get(r, "findings")), 0);
    assert_string_equal(sval(r, "verdict"), "sensitive");
    assert_true(json_is_true(json_object_get(r, "quarantine")));
    json_t *c0 = json_array_get(cap.objects, 0);
    assert_string_equal(sval(c0, "parent_id"), sval(r, "id"));
    assert_string_equal(json_string_value(json_array_get(json_object_get(c0, "chain"), 0)), "c0.txt");
    /* two children, one value: distinct 1 per root */
    assert_int_equal(json_integer_value(json_object_get(json_object_get(cap.root_done, "distinct"), "ssn")), 1);
    cap_free(&cap);
}

static void evidence_is_redacted_and_fingerprinted(void **state)
{
    (void)state;
    reset_script();
    struct capture cap;
    run_root(NULL, "SSN 536-22-1874 and again 536-22-1874; bad 000-12-3456", NULL, &cap);
    json_t *f = json_array_get(json_object_get(root_record(&cap), "findings"), 0);
    assert_non_null(f);
    assert_string_equal(sval(f, "entity"), "ssn");
    assert_int_equal(json_integer_value(json_object_get(f, "count")), 2);
    assert_int_equal(json_integer_value(json_object_get(f, "distinct")), 1);
    json_t *ev = json_array_get(json_object_get(f, "evidence"), 0);
    assert_string_equal(sval(ev, "redacted"), "***-**-1874");
    assert_int_equal(strlen(sval(ev, "fingerprint")), 64);
    assert_int_equal(json_integer_value(json_object_get(ev, "offset")), 4);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(root_record(&cap), "rejected"), "ssn")), 1);
    cap_free(&cap);
}

static void reasons_and_alerts_are_separated(void **state)
{
    (void)state;
    reset_script();
    g_script.note_tag = "macro";
    struct capture cap;
    run_root(NULL, "x", NULL, &cap);
    json_t *r = root_record(&cap);
    assert_true(has_string(json_object_get(r, "alerts"), "macro"));
    assert_int_equal(json_array_size(json_object_get(r, "coverage_reasons")), 0);
    assert_string_equal(sval(r, "coverage"), "full");
    assert_string_equal(sval(r, "verdict"), "hostile");
    assert_string_equal(json_string_value(json_array_get(json_object_get(r, "errors"), 0)), "scripted note");
    cap_free(&cap);

    reset_script();
    g_script.note_tag = "encrypted";
    run_root(NULL, "x", NULL, &cap);
    r = root_record(&cap);
    assert_true(has_string(json_object_get(r, "alerts"), "encrypted"));
    assert_true(has_string(json_object_get(r, "coverage_reasons"), "encrypted"));
    assert_string_equal(sval(r, "verdict"), "incomplete"); /* encrypted alone is not hostile */
    cap_free(&cap);
}

static void handler_error_becomes_partial_with_reason(void **state)
{
    (void)state;
    reset_script();
    g_script.ret = LS_E_CORRUPT;
    struct capture cap;
    run_root(NULL, "x", NULL, &cap);
    json_t *r = root_record(&cap);
    assert_string_equal(sval(r, "coverage"), "partial");
    assert_true(has_string(json_object_get(r, "coverage_reasons"), "parse_error"));
    assert_string_equal(sval(r, "handler"), "scripted");
    cap_free(&cap);
}

static void text_budget_is_noted(void **state)
{
    (void)state;
    reset_script();
    struct ls_limits l;
    ls_limits_default(&l);
    l.max_text = 10;
    g_script.text = "this text is longer than ten bytes";
    struct capture cap;
    run_root(&l, "x", NULL, &cap);
    json_t *r = root_record(&cap);
    assert_int_equal(json_integer_value(json_object_get(r, "text_bytes")), 10);
    assert_true(has_string(json_object_get(r, "coverage_reasons"), "limit:text"));
    cap_free(&cap);
}

static void invalid_utf8_names_get_b64_twins(void **state)
{
    (void)state;
    reset_script();
    g_script.n_children = 1;
    g_script.child_size = 4;
    g_script.child_name = "caf\xe9.txt";
    struct capture cap;
    run_root(NULL, "x", "dir/r\xff.bin", &cap);
    json_t *c0 = json_array_get(cap.objects, 0);
    assert_string_equal(json_string_value(json_array_get(json_object_get(c0, "chain_b64"), 0)), "Y2Fm6S50eHQ=");
    assert_string_equal(sval(c0, "path_b64"), "ZGlyL3L/LmJpbg==");
    assert_non_null(strstr(sval(c0, "path"), "\xef\xbf\xbd")); /* U+FFFD */
    cap_free(&cap);
}

static void ids_are_stable_and_preorder(void **state)
{
    (void)state;
    reset_script();
    g_script.n_children = 3;
    g_script.child_size = 4;
    struct capture a, b;
    run_root(NULL, "x", "same/path", &a);
    run_root(NULL, "x", "same/path", &b);
    char id[17];
    ls_root_id("same/path", id);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(sval(json_array_get(a.objects, i), "id"), sval(json_array_get(b.objects, i), "id"));
    json_t *r = root_record(&a);
    assert_string_equal(sval(r, "root_id"), id);
    char want[40];
    snprintf(want, sizeof want, "%s:0", id);
    assert_string_equal(sval(r, "id"), want);
    snprintf(want, sizeof want, "%s:3", id);
    assert_string_equal(sval(json_array_get(a.objects, 2), "id"), want);
    cap_free(&a);
    cap_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(byte_budget_stops_children_and_marks_parent),
        cmocka_unit_test(root_ratio_stops_a_tree_of_small_bombs),
        cmocka_unit_test(member_budget_counts_members),
        cmocka_unit_test(depth_limit_records_child_without_dispatch),
        cmocka_unit_test(sensitive_child_makes_container_sensitive),
        cmocka_unit_test(evidence_is_redacted_and_fingerprinted),
        cmocka_unit_test(reasons_and_alerts_are_separated),
        cmocka_unit_test(handler_error_becomes_partial_with_reason),
        cmocka_unit_test(text_budget_is_noted),
        cmocka_unit_test(invalid_utf8_names_get_b64_twins),
        cmocka_unit_test(ids_are_stable_and_preorder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
