/*
 * Organisation identifiers (--identifiers FILE) -> YARA source for the
 * "corporate" namespace. The format is documented in docs/rules.md:
 *
 *   # comment                       blank lines and comments are ignored
 *   domain acme-corp.example        the domain (and its subdomains) as a word
 *   email-domain acme-corp.example  e-mail addresses at that domain
 *   host-suffix .corp.acme.example  host names ending in the suffix
 *   employee-id ACME-[0-9]{6}       a YARA regular expression, as a word
 *   codename NIGHTJAR               a word or phrase, any case
 *   term Project Nightjar           same as codename (lower severity)
 *   regex /acme-[a-z]{3}-\d{4}/i    a raw regular expression, /i = any case
 *
 * The file is user input: every value is escaped (literals become \xHH
 * where needed) or checked (regexes may not contain an unescaped '/', a
 * control byte or unbalanced brackets) before it goes into YARA source; the
 * generated source is then test-compiled once and any YARA error or "slow
 * down scanning" warning is mapped back to the entry's FILE:LINE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yara.h>

#include "scan/identifiers.h"

#define IDS_MAP_MAX 20000u /* entries per file; each becomes one rule */
#define IDS_MAX_VALUE 400u

struct ids_kind {
    const char *name;
    const char *severity;
    const char *validator;
    const char *redact;
    ls_err (*emit)(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen);
};

/* ---- escaping -------------------------------------------------------------- */

static bool ids_alnum(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A YARA text string literal: printable ASCII except " and \ as is, the
 * rest as \xHH. */
static ls_err put_text_literal(struct ls_buf *out, struct ls_slice v)
{
    LS_TRY(ls_buf_addc(out, '"'));
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') LS_TRY(ls_buf_addc(out, (uint8_t)c));
        else LS_TRY(ls_buf_printf(out, "\\x%02x", (unsigned)c));
    }
    return ls_buf_addc(out, '"');
}

/* Domain names: letters, digits, '-' and '.' only; dots become \. */
static bool put_domain_regex(struct ls_buf *out, struct ls_slice v, ls_err *e)
{
    *e = LS_OK;
    for (size_t i = 0; i < v.len && *e == LS_OK; i++) {
        int c = ls_slice_at(v, i);
        if (c == '.') *e = ls_buf_adds(out, "\\.");
        else if (ids_alnum(c) || c == '-') *e = ls_buf_addc(out, (uint8_t)c);
        else return false;
    }
    return true;
}

static bool domain_ok(struct ls_slice v)
{
    if (v.len < 3 || v.len > 253 || ls_slice_find(v, 0, ".", 1) == SIZE_MAX) return false;
    if (ls_slice_at(v, 0) == '.' || ls_slice_at(v, v.len - 1) == '.') return false;
    if (ls_slice_find(v, 0, "..", 2) != SIZE_MAX) return false;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (!ids_alnum(c) && c != '-' && c != '.') return false;
    }
    return true;
}

/* A regex body for /.../: no unescaped '/', no control bytes, balanced
 * (), [] outside classes, and not ending in a lone backslash. */
static bool regex_ok(struct ls_slice v, char *msg, size_t msglen)
{
    int depth = 0;
    bool in_class = false;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (c < 0x20 || c == 0x7f) {
            snprintf(msg, msglen, "control character in regular expression");
            return false;
        }
        if (c == '\\') {
            if (i + 1 >= v.len) break;
            i++;
            continue;
        }
        if (c == '/') {
            snprintf(msg, msglen, "unescaped '/' in regular expression (write \\/)");
            return false;
        }
        if (in_class) {
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
            if (ls_slice_at(v, i + 1) == ']') i++; /* "[]...]" */
        } else if (c == '(') {
            depth++;
        } else if (c == ')') {
            depth--;
            if (depth < 0) break;
        }
    }
    if (ls_slice_at(v, v.len - 1) == '\\' || depth != 0 || in_class) {
        snprintf(msg, msglen, "unbalanced regular expression");
        return false;
    }
    return true;
}

/* ---- one emitter per kind: appends the strings section's "$v = ..." -------- */

static ls_err emit_domain(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen)
{
    if (!domain_ok(v)) {
        snprintf(msg, msglen, "not a domain name (letters, digits, '-' and '.')");
        return LS_E_ARG;
    }
    ls_err e;
    /* a whole domain: after a dot (subdomains), '@', '/' or a blank but not
     * after '-' (x-acme.example is another domain), and not followed by
     * another label (acme.example.evil.net is not ours) */
    LS_TRY(ls_buf_adds(out, "$v = /(^|[^a-z0-9-])"));
    if (!put_domain_regex(out, v, &e)) return LS_E_ARG;
    LS_TRY(e);
    return ls_buf_adds(out, "([^a-z0-9.-]|\\.[^a-z0-9-]|\\.$|$)/ nocase");
}

static ls_err emit_email_domain(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen)
{
    ls_err e;
    if (!domain_ok(v)) {
        snprintf(msg, msglen, "not a domain name (letters, digits, '-' and '.')");
        return LS_E_ARG;
    }
    LS_TRY(ls_buf_adds(out, "$v = /(^|[^a-z0-9._%+:-]|mailto:)[a-z0-9._%+-]{1,64}@"
                            "([a-z0-9-]{1,63}\\.){0,4}"));
    if (!put_domain_regex(out, v, &e)) return LS_E_ARG;
    LS_TRY(e);
    return ls_buf_adds(out, "([^a-z0-9.-]|\\.[^a-z0-9]|\\.$|$)/ nocase");
}

static ls_err emit_host_suffix(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen)
{
    ls_err e;
    struct ls_slice d = v;
    if (ls_slice_at(v, 0) == '.') (void)ls_slice_from(v, 1, &d);
    if (!domain_ok(d)) {
        snprintf(msg, msglen, "not a host suffix (.corp.example.net)");
        return LS_E_ARG;
    }
    LS_TRY(ls_buf_adds(out, "$v = /(^|[^a-z0-9.@-])[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63}){0,6}\\."));
    if (!put_domain_regex(out, d, &e)) return LS_E_ARG;
    LS_TRY(e);
    return ls_buf_adds(out, "([^a-z0-9.-]|\\.[^a-z0-9]|\\.$|$)/ nocase");
}

static ls_err emit_word_regex(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen)
{
    if (!regex_ok(v, msg, msglen)) return LS_E_ARG;
    LS_TRY(ls_buf_adds(out, "$v = /(^|[^A-Za-z0-9])("));
    LS_TRY(ls_buf_add(out, v.ptr, v.len));
    return ls_buf_adds(out, ")([^A-Za-z0-9]|$)/");
}

static ls_err emit_phrase(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen)
{
    if (v.len < 3) {
        snprintf(msg, msglen, "too short (at least 3 characters)");
        return LS_E_ARG;
    }
    LS_TRY(ls_buf_adds(out, "$v = "));
    LS_TRY(put_text_literal(out, v));
    return ls_buf_adds(out, " nocase fullword");
}

/* regex /body/ or /body/i */
static ls_err emit_raw_regex(struct ls_buf *out, struct ls_slice v, char *msg, size_t msglen)
{
    bool nocase = v.len >= 3 && ls_slice_at(v, v.len - 1) == 'i' && ls_slice_at(v, v.len - 2) == '/';
    size_t end = nocase ? v.len - 2 : v.len - 1;
    struct ls_slice body;
    if (v.len < 3 || ls_slice_at(v, 0) != '/' || ls_slice_at(v, end) != '/' ||
        !ls_slice_sub(v, 1, end - 1, &body) || body.len == 0) {
        snprintf(msg, msglen, "expected /regular expression/ or /regular expression/i");
        return LS_E_ARG;
    }
    if (!regex_ok(body, msg, msglen)) return LS_E_ARG;
    LS_TRY(ls_buf_adds(out, "$v = /"));
    LS_TRY(ls_buf_add(out, body.ptr, body.len));
    return ls_buf_adds(out, nocase ? "/ nocase" : "/");
}

static const struct ids_kind ids_kinds[] = {
    {"domain", "low", "org", "none", emit_domain},
    {"email-domain", "medium", "email", "email", emit_email_domain},
    {"host-suffix", "medium", "org", "none", emit_host_suffix},
    {"employee-id", "medium", "org", "last4", emit_word_regex},
    {"codename", "high", "org", "none", emit_phrase},
    {"term", "medium", "org", "none", emit_phrase},
    {"regex", "medium", "org", "mask", emit_raw_regex},
};

/* ---- test compile ---------------------------------------------------------- */

/* Where each generated rule starts: generated line -> identifiers line. */
struct ids_map {
    unsigned gen_line[IDS_MAP_MAX];
    unsigned src_line[IDS_MAP_MAX];
    size_t n;
    size_t base; /* where this call's output starts in the buffer */
};

struct ids_diag {
    char msg[256];
    int line; /* in the generated source */
    bool any;
};

static void ids_on_diag(int level, const char *file, int line, const YR_RULE *rule,
                        const char *message, void *ud)
{
    struct ids_diag *d = ud;
    (void)file;
    (void)rule;
    if (d->any) return;
    d->any = true;
    d->line = line;
    snprintf(d->msg, sizeof d->msg, "%s%s", level == YARA_ERROR_LEVEL_WARNING ? "YARA warning: " : "",
             message);
}

static unsigned ids_src_line(const struct ids_map *map, int gen_line)
{
    unsigned src = map->n ? map->src_line[0] : 0;
    for (size_t i = 0; i < map->n; i++)
        if (gen_line >= 0 && map->gen_line[i] <= (unsigned)gen_line) src = map->src_line[i];
    return src;
}

/* Compile the whole generated source once: any error or warning is the
 * fault of the identifiers line whose rule holds the reported line. */
static ls_err ids_test_compile(const struct ls_buf *src, const struct ids_map *map,
                               const char *file, char *err, size_t errlen)
{
    YR_COMPILER *c = NULL;
    struct ids_diag d = {{0}, 0, false};
    if (yr_initialize() != ERROR_SUCCESS) {
        snprintf(err, errlen, "libyara: initialisation failed");
        return LS_E_DEPENDENCY;
    }
    bool ok = yr_compiler_create(&c) == ERROR_SUCCESS;
    if (ok) {
        yr_compiler_set_callback(c, ids_on_diag, &d);
        ok = yr_compiler_add_string(c, ls_buf_str(src), "corporate") == 0 && !d.any;
        yr_compiler_destroy(c);
    }
    yr_finalize();
    if (ok) return LS_OK;
    if (!d.any) {
        snprintf(err, errlen, "libyara: cannot compile");
        return LS_E_NOMEM;
    }
    if (err && errlen) snprintf(err, errlen, "%s:%u: %s", file, ids_src_line(map, d.line), d.msg);
    return LS_E_ARG;
}

/* Newlines in b from byte off on. */
static unsigned count_newlines(const struct ls_buf *b, size_t off)
{
    unsigned n = 0;
    struct ls_slice s = ls_buf_slice(b);
    for (size_t at = ls_slice_find(s, off, "\n", 1); at != SIZE_MAX; at = ls_slice_find(s, at + 1, "\n", 1))
        n++;
    return n;
}

/* ---- lines ------------------------------------------------------------------- */

static bool ids_space(int c) { return c == ' ' || c == '\t' || c == '\r'; }

static struct ls_slice trim(struct ls_slice s)
{
    size_t a = 0, b = s.len;
    while (a < b && ids_space(ls_slice_at(s, a))) a++;
    while (b > a && ids_space(ls_slice_at(s, b - 1))) b--;
    struct ls_slice out = {NULL, 0};
    (void)ls_slice_sub(s, a, b - a, &out);
    return out;
}

static const struct ids_kind *kind_for(struct ls_slice word)
{
    for (size_t i = 0; i < sizeof ids_kinds / sizeof ids_kinds[0]; i++)
        if (ls_slice_eq_str(word, ids_kinds[i].name)) return &ids_kinds[i];
    return NULL;
}

static ls_err rule_head(struct ls_buf *r, const struct ids_kind *k, const char *file,
                        unsigned lineno)
{
    LS_TRY(ls_buf_printf(r, "rule org_line_%u\n{\n    meta:\n", lineno));
    LS_TRY(ls_buf_adds(r, "        category = \"corporate\"\n"
                          "        entity = \"org_identifier\"\n"));
    LS_TRY(ls_buf_printf(r, "        severity = \"%s\"\n        validator = \"%s\"\n"
                            "        redact = \"%s\"\n        description = ",
                         k->severity, k->validator, k->redact));
    struct ls_buf d;
    ls_buf_init(&d, 1024);
    ls_err e = ls_buf_printf(&d, "%s from %s:%u", k->name, file, lineno);
    if (e == LS_OK) e = put_text_literal(r, ls_buf_slice(&d));
    ls_buf_free(&d);
    LS_TRY(e);
    return ls_buf_adds(r, "\n    strings:\n        ");
}

static ls_err line_to_rule(struct ls_slice line, const char *file, unsigned lineno,
                           struct ls_buf *r, char *msg, size_t msglen)
{
    size_t sp = 0;
    while (sp < line.len && !ids_space(ls_slice_at(line, sp))) sp++;
    struct ls_slice word = {NULL, 0}, rest = {NULL, 0};
    (void)ls_slice_sub(line, 0, sp, &word);
    (void)ls_slice_from(line, sp, &rest);
    rest = trim(rest);
    const struct ids_kind *k = kind_for(word);
    if (!k) {
        snprintf(msg, msglen, "unknown kind '%.*s' (domain, email-domain, host-suffix, "
                              "employee-id, codename, term, regex)",
                 (int)(word.len > 40 ? 40 : word.len), (const char *)word.ptr);
        return LS_E_ARG;
    }
    if (rest.len == 0 || rest.len > IDS_MAX_VALUE) {
        snprintf(msg, msglen, "%s needs a value (1-%u bytes)", k->name, IDS_MAX_VALUE);
        return LS_E_ARG;
    }
    LS_TRY(rule_head(r, k, file, lineno));
    LS_TRY(k->emit(r, rest, msg, msglen));
    return ls_buf_adds(r, "\n    condition:\n        $v\n}\n\n");
}

static ls_err fail_line(char *err, size_t errlen, const char *file, unsigned lineno,
                        const char *msg, ls_err e)
{
    if (err && errlen) snprintf(err, errlen, "%s:%u: %s", file, lineno, msg);
    return e;
}

static ls_err one_line(struct ls_slice line, const char *file, unsigned lineno,
                       struct ls_buf *yara_out, char *err, size_t errlen)
{
    char msg[300] = "invalid line";
    struct ls_buf r;
    ls_buf_init(&r, 16384);
    ls_err e = line_to_rule(line, file, lineno, &r, msg, sizeof msg);
    if (e == LS_OK) e = ls_buf_add(yara_out, r.ptr, r.len);
    ls_buf_free(&r);
    if (e == LS_E_ARG) return fail_line(err, errlen, file, lineno, msg, e);
    if (e != LS_OK) return fail_line(err, errlen, file, lineno, ls_err_name(e), e);
    return LS_OK;
}

static ls_err compile_lines(struct ls_slice file_text, const char *file, struct ls_buf *yara_out,
                            struct ids_map *map, char *err, size_t errlen)
{
    size_t pos = 0;
    unsigned lineno = 0, gen_line = 1 + count_newlines(yara_out, map->base);
    while (pos < file_text.len) {
        size_t nl = ls_slice_find(file_text, pos, "\n", 1);
        size_t end = nl == SIZE_MAX ? file_text.len : nl;
        struct ls_slice line = {NULL, 0};
        (void)ls_slice_sub(file_text, pos, end - pos, &line);
        pos = nl == SIZE_MAX ? file_text.len : nl + 1;
        lineno++;
        line = trim(line);
        if (line.len == 0 || ls_slice_at(line, 0) == '#') continue;
        if (map->n == IDS_MAP_MAX)
            return fail_line(err, errlen, file, lineno, "too many entries", LS_E_LIMIT);
        map->gen_line[map->n] = gen_line;
        map->src_line[map->n++] = lineno;
        size_t before = yara_out->len;
        LS_TRY(one_line(line, file, lineno, yara_out, err, errlen));
        gen_line += count_newlines(yara_out, before);
    }
    return LS_OK;
}

ls_err ls_identifiers_compile(struct ls_slice file_text, const char *file_name,
                              struct ls_buf *yara_out, char *err, size_t errlen)
{
    const char *file = file_name ? file_name : "identifiers";
    if (err && errlen) err[0] = '\0';
    struct ids_map *map = calloc(1, sizeof *map);
    if (!map) return LS_E_NOMEM;
    size_t start = yara_out->len;
    map->base = start;
    ls_err e = ls_buf_adds(yara_out, "/* generated from --identifiers by leaksift */\n\n");
    if (e == LS_OK) e = compile_lines(file_text, file, yara_out, map, err, errlen);
    if (e == LS_OK && map->n > 0) {
        /* test-compile only what this call added */
        struct ls_buf mine;
        ls_buf_init(&mine, SIZE_MAX);
        struct ls_slice added = {NULL, 0};
        (void)ls_slice_from(ls_buf_slice(yara_out), start, &added);
        e = ls_buf_add(&mine, added.ptr, added.len);
        if (e == LS_OK) e = ids_test_compile(&mine, map, file, err, errlen);
        ls_buf_free(&mine);
    }
    free(map);
    return e;
}
