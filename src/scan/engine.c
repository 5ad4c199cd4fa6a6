/*
 * libyara integration: compile once, scan with one YR_SCANNER per worker,
 * validate every string match in C, fingerprint and redact it.
 *
 * Rule meta read here (see docs/rules.md): category, entity, severity,
 * validator, redact. Strings named $ctx* / $not* are condition helpers and
 * never become candidates.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yara.h>

#include "core/handler.h"
#include "identify/identify.h"
#include "manifest/summary.h"
#include "scan/atomq.h"
#include "scan/engine.h"
#include "scan/identifiers.h"
#include "scan/rules_builtin.h"
#include "scan/validate.h"

struct ls_rules {
    YR_RULES *rules;
    char hash[65];
    unsigned count;
    struct ls_buf warnings;
    bool pure; /* no source says "import" or "include": see struct quiet */
};

/*
 * Names no rule matched. Every object's name is scanned (pipeline.c,
 * scan_name(); error messages alike, mask_errors()), and a scan of a
 * short name costs libyara ~45 K instructions, nearly all of them fixed:
 * every rule's condition evaluated, the match lists cleared. The names of a share's members
 * repeat (attachment.docx, msg-1, export.csv, folder1/file001.txt in
 * every copy of a bundle): a name no rule matched is remembered by its
 * bytes and not scanned again. Exact: without modules (no source says
 * "import", nor "include", which could bring one) a rule's outcome
 * depends only on the bytes scanned (filesize included), and a scan that
 * no rule matched added nothing to the findings (no match, no veto, no
 * rejected value). Only complete scans are remembered (no time-out, no
 * "too many matches"). Direct-mapped by an FNV-1a hash, the bytes
 * compared whole.
 */
#define QUIET_SLOTS 1024u
#define QUIET_MAX 240u /* longer names are scanned every time */

struct quiet {
    uint64_t h;
    uint32_t len; /* 0: empty */
    uint8_t b[QUIET_MAX];
};

struct ls_scanner {
    YR_SCANNER *yr;
    bool unguarded; /* SCAN_FLAGS_NO_TRYCATCH set */
    bool pure;      /* the rules' pure: quiet names may be remembered */
    struct quiet *quiet; /* [QUIET_SLOTS], made at the first name */
};

/* ---- compilation ---- */

struct compile_state {
    const char *file;  /* source being compiled, for messages */
    char *err;
    size_t errlen;
    int errors;
    struct ls_buf *warnings;
    bool impure; /* a source says "import" or "include" */
};

static void on_compile_msg(int level, const char *file_name, int line, const YR_RULE *rule,
                           const char *message, void *ud)
{
    struct compile_state *st = ud;
    const char *f = file_name ? file_name : st->file;
    if (level == YARA_ERROR_LEVEL_ERROR) {
        if (st->errors++ == 0) snprintf(st->err, st->errlen, "%s:%d: %s", f, line, message);
        return;
    }
    (void)rule;
    (void)!ls_buf_printf(st->warnings, "%s:%d: warning: %s\n", f, line, message);
}

static ls_err hash_add(struct ls_buf *h, const char *name, const char *text, size_t len)
{
    LS_TRY(ls_buf_adds(h, name));
    LS_TRY(ls_buf_addc(h, 0));
    LS_TRY(ls_buf_add(h, text, len));
    return ls_buf_addc(h, 0);
}

/* Namespace of a built-in file: its folder under rules/ ("rules/pii/x.yar" -> "pii"). */
static void builtin_ns(const char *path, char *ns, size_t cap)
{
    const char *p = strncmp(path, "rules/", 6) == 0 ? path + 6 : path;
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : 0;
    if (n == 0 || n >= cap) {
        snprintf(ns, cap, "default");
        return;
    }
    memcpy(ns, p, n);
    ns[n] = 0;
}

static ls_err add_source(YR_COMPILER *c, struct compile_state *st, struct ls_buf *h,
                         const char *name, const char *ns, const char *text, size_t len)
{
    st->file = name;
    LS_TRY(hash_add(h, name, text, len));
    struct ls_slice t = ls_slice_make(text, len);
    if (ls_slice_find(t, 0, "import", 6) != SIZE_MAX || ls_slice_find(t, 0, "include", 7) != SIZE_MAX)
        st->impure = true;
    if (yr_compiler_add_string(c, text, ns) != 0 || st->errors) return LS_E_ARG;
    return LS_OK;
}

static ls_err read_file(const char *path, struct ls_buf *out, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return LS_E_IO;
    }
    char chunk[65536];
    size_t n;
    ls_err e = LS_OK;
    while (e == LS_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) e = ls_buf_add(out, chunk, n);
    if (e == LS_E_LIMIT) /* /dev/zero, a disk image: was the bare word "limit" */
        snprintf(err, errlen, "%s: larger than %zu MiB: not a rule or identifier file", path, out->max >> 20);
    if (ferror(f)) {
        snprintf(err, errlen, "%s: read error", path);
        e = LS_E_IO;
    }
    fclose(f);
    return e;
}

static bool is_rule_file(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".yar") == 0) ||
           (n > 5 && strcmp(name + n - 5, ".yara") == 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static ls_err add_path(YR_COMPILER *c, struct compile_state *st, struct ls_buf *h, const char *path,
                       int depth);

static ls_err add_dir(YR_COMPILER *c, struct compile_state *st, struct ls_buf *h, const char *path,
                      int depth)
{
    DIR *d = opendir(path);
    if (!d) {
        snprintf(st->err, st->errlen, "%s: %s", path, strerror(errno));
        return LS_E_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    ls_err e = LS_OK;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                e = LS_E_NOMEM;
                break;
            }
            names = nn;
        }
        names[n] = malloc(strlen(path) + strlen(de->d_name) + 2);
        if (!names[n]) {
            e = LS_E_NOMEM;
            break;
        }
        snprintf(names[n], strlen(path) + strlen(de->d_name) + 2, "%s/%s", path, de->d_name);
        n++;
    }
    closedir(d);
    if (names) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (e == LS_OK && stat(names[i], &sb) == 0 &&
            (S_ISDIR(sb.st_mode) || is_rule_file(names[i])))
            e = add_path(c, st, h, names[i], depth + 1);
        free(names[i]);
    }
    free(names);
    return e;
}

static ls_err add_path(YR_COMPILER *c, struct compile_state *st, struct ls_buf *h, const char *path,
                       int depth)
{
    struct stat sb;
    if (depth > 32) return LS_OK;
    if (stat(path, &sb) != 0) {
        snprintf(st->err, st->errlen, "%s: %s", path, strerror(errno));
        return LS_E_IO;
    }
    if (S_ISDIR(sb.st_mode)) return add_dir(c, st, h, path, depth);
    struct ls_buf text;
    ls_buf_init(&text, 64u << 20);
    ls_err e = read_file(path, &text, st->err, st->errlen);
    if (e == LS_OK)
        e = add_source(c, st, h, path, "user", ls_buf_str(&text), text.len);
    ls_buf_free(&text);
    return e;
}

static ls_err add_identifiers(YR_COMPILER *c, struct compile_state *st, struct ls_buf *h,
                              const char *path)
{
    struct ls_buf text, yar;
    ls_buf_init(&text, 16u << 20);
    ls_buf_init(&yar, 64u << 20);
    ls_err e = read_file(path, &text, st->err, st->errlen);
    if (e == LS_OK) e = ls_identifiers_compile(ls_buf_slice(&text), path, &yar, st->err, st->errlen);
    if (e == LS_OK) e = add_source(c, st, h, path, "corporate", ls_buf_str(&yar), yar.len);
    ls_buf_free(&text);
    ls_buf_free(&yar);
    return e;
}

static ls_err compile_all(YR_COMPILER *c, const struct ls_config *cfg, struct compile_state *st,
                          struct ls_buf *h)
{
    if (!cfg->no_default_rules) {
        /* The built-in pack picks its atoms by how common each is in the data
         * leaksift scans (src/scan/atomq.h, rules/mkatomq.py): the same matches,
         * fewer regex runs. The pack is kept free of weak atoms by yarac's own
         * rating (tests/e2e/test_rules_pack.py), so no warning threshold here;
         * users' rules and identifiers keep libyara's heuristic and its
         * warnings. */
        YR_ATOMS_CONFIG heuristic = c->atoms_config;
        yr_compiler_set_atom_quality_table(c, ls_atom_quality,
                                           (int)(sizeof ls_atom_quality / sizeof ls_atom_quality[0]), 0);
        ls_err e = LS_OK;
        for (size_t i = 0; e == LS_OK && ls_builtin_rules[i].path; i++) {
            char ns[64];
            builtin_ns(ls_builtin_rules[i].path, ns, sizeof ns);
            e = add_source(c, st, h, ls_builtin_rules[i].path, ns, ls_builtin_rules[i].text,
                           ls_builtin_rules[i].len);
        }
        c->atoms_config = heuristic;
        LS_TRY(e);
    }
    for (size_t i = 0; i < cfg->n_rule_paths; i++) LS_TRY(add_path(c, st, h, cfg->rule_paths[i], 0));
    if (cfg->identifiers_path) LS_TRY(add_identifiers(c, st, h, cfg->identifiers_path));
    return LS_OK;
}

ls_err ls_rules_compile(const struct ls_config *cfg, struct ls_rules **out, char *err, size_t errlen)
{
    if (yr_initialize() != ERROR_SUCCESS) {
        snprintf(err, errlen, "libyara: initialisation failed");
        return LS_E_DEPENDENCY;
    }
    struct ls_rules *r = calloc(1, sizeof *r);
    YR_COMPILER *c = NULL;
    struct ls_buf h;
    ls_buf_init(&h, SIZE_MAX);
    if (!r || yr_compiler_create(&c) != ERROR_SUCCESS) {
        free(r);
        ls_buf_free(&h);
        yr_finalize();
        return LS_E_NOMEM;
    }
    ls_buf_init(&r->warnings, 1u << 20);
    struct compile_state st = {NULL, err, errlen, 0, &r->warnings, false};
    yr_compiler_set_callback(c, on_compile_msg, &st);
    ls_err e = compile_all(c, cfg, &st, &h);
    if (e == LS_OK && yr_compiler_get_rules(c, &r->rules) != ERROR_SUCCESS) {
        snprintf(err, errlen, "libyara: cannot build the rule set");
        e = LS_E_NOMEM;
    }
    yr_compiler_destroy(c);
    if (e != LS_OK) {
        ls_buf_free(&h);
        ls_rules_free(r);
        return e;
    }
    uint8_t d[32];
    ls_sha256(ls_buf_slice(&h), d);
    ls_hex(d, 32, r->hash);
    ls_buf_free(&h);
    YR_RULE *rule;
    yr_rules_foreach(r->rules, rule) r->count++;
    r->pure = !st.impure;
    *out = r;
    return LS_OK;
}

void ls_rules_free(struct ls_rules *r)
{
    if (!r) return;
    if (r->rules) yr_rules_destroy(r->rules);
    ls_buf_free(&r->warnings);
    free(r);
    yr_finalize();
}

const char *ls_rules_hash(const struct ls_rules *r) { return r->hash; }
unsigned ls_rules_count(const struct ls_rules *r) { return r->count; }
const char *ls_rules_warnings(const struct ls_rules *r) { return ls_buf_str(&r->warnings); }

/* ---- scanning ---- */

ls_err ls_scanner_new(const struct ls_rules *r, unsigned timeout_s, struct ls_scanner **out)
{
    struct ls_scanner *s = calloc(1, sizeof *s);
    if (!s) return LS_E_NOMEM;
    if (yr_scanner_create(r->rules, &s->yr) != ERROR_SUCCESS) {
        free(s);
        return LS_E_NOMEM;
    }
    yr_scanner_set_timeout(s->yr, (int)timeout_s);
    yr_scanner_set_flags(s->yr, SCAN_FLAGS_REPORT_RULES_MATCHING);
    s->pure = r->pure;
    *out = s;
    return LS_OK;
}

void ls_scanner_guard(struct ls_scanner *s, bool on)
{
    if (s->unguarded == !on) return;
    s->unguarded = !on;
    yr_scanner_set_flags(s->yr, SCAN_FLAGS_REPORT_RULES_MATCHING | (on ? 0 : SCAN_FLAGS_NO_TRYCATCH));
}

void ls_scanner_free(struct ls_scanner *s)
{
    if (!s) return;
    yr_scanner_destroy(s->yr);
    free(s->quiet);
    free(s);
}

void ls_findings_init(struct ls_findings *f, struct ls_slice key, size_t max_evidence)
{
    memset(f, 0, sizeof *f);
    f->key = key;
    f->max_evidence = max_evidence;
}

static void finding_free(struct ls_finding *x)
{
    free(x->ev);
    ls_fpindex_free(&x->ev_ix);
    free(x->xfp);
    ls_fpindex_free(&x->xfp_ix);
}

void ls_findings_free(struct ls_findings *f)
{
    for (size_t i = 0; i < f->n; i++) finding_free(&f->f[i]);
    free(f->f);
    free(f->rej);
    free(f->gone);
    ls_fpindex_free(&f->gone_ix);
    free(f->ph);
    ls_fpindex_free(&f->ph_ix);
    memset(f, 0, sizeof *f);
}

struct rule_meta {
    const char *category, *entity, *severity, *validator, *redact;
    const char *veto; /* "labels": the rule's values cancel evidence (docs/rules.md, "Vetoes") */
    bool anchor_start; /* anchor = "start": only a match at the object's byte 0 is a value */
    const char *alert; /* alert = "webshell": the match is an alert on the object, not a finding */
};

static void read_meta(const YR_RULE *rule, struct rule_meta *m)
{
    const YR_META *meta;
    memset(m, 0, sizeof *m);
    yr_rule_metas_foreach(rule, meta)
    {
        if (meta->type != META_TYPE_STRING) continue;
        const char *id = meta->identifier;
        if (strcmp(id, "category") == 0) m->category = meta->string;
        else if (strcmp(id, "entity") == 0) m->entity = meta->string;
        else if (strcmp(id, "severity") == 0) m->severity = meta->string;
        else if (strcmp(id, "validator") == 0) m->validator = meta->string;
        else if (strcmp(id, "redact") == 0) m->redact = meta->string;
        else if (strcmp(id, "veto") == 0) m->veto = meta->string;
        else if (strcmp(id, "anchor") == 0) m->anchor_start = strcmp(meta->string, "start") == 0;
        else if (strcmp(id, "alert") == 0) m->alert = meta->string;
    }
    if (!m->entity) m->entity = "custom";
    if (!m->category) m->category = "custom";
    if (!m->severity) m->severity = "medium";
}

static struct ls_finding *finding_for(struct ls_findings *f, const YR_RULE *rule,
                                      const struct rule_meta *m)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->f[i].rule == rule->identifier && f->f[i].ns == rule->ns->name) return &f->f[i];
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        struct ls_finding *nf = realloc(f->f, cap * sizeof *nf);
        if (!nf) return NULL;
        f->f = nf;
        f->cap = cap;
    }
    struct ls_finding *x = &f->f[f->n++];
    memset(x, 0, sizeof *x);
    x->rule = rule->identifier;
    x->ns = rule->ns->name;
    x->category = m->category;
    x->entity = m->entity;
    x->severity = m->severity;
    return x;
}

static void reject(struct ls_findings *f, const char *entity)
{
    for (size_t i = 0; i < f->n_rej; i++)
        if (strcmp(f->rej[i].entity, entity) == 0) {
            f->rej[i].count++;
            return;
        }
    if (f->n_rej == f->cap_rej) {
        size_t cap = f->cap_rej ? f->cap_rej * 2 : 8;
        struct ls_rejected *nr = realloc(f->rej, cap * sizeof *nr);
        if (!nr) return;
        f->rej = nr;
        f->cap_rej = cap;
    }
    f->rej[f->n_rej].entity = entity;
    f->rej[f->n_rej].count = 1;
    f->n_rej++;
}

/* The evidence array is indexed by its fingerprints, the first member. */
_Static_assert(offsetof(struct ls_evidence, fp) == 0, "fp leads struct ls_evidence");
#define EV_KEYS(x) ((const void *)(x)->ev)

/* Index of the evidence with fingerprint fp in x, or SIZE_MAX. */
static size_t evidence_index(const struct ls_finding *x, const uint8_t fp[32])
{
    return ls_fpindex_find(&x->ev_ix, EV_KEYS(x), sizeof *x->ev, 32, fp);
}

/* Find or insert the evidence entry for fp; NULL when the per-object
 * evidence limit is reached (the occurrence is still counted). */
static struct ls_evidence *evidence_for(struct ls_findings *f, struct ls_finding *x,
                                        const uint8_t fp[32], bool *fresh)
{
    *fresh = false;
    size_t k = evidence_index(x, fp);
    if (k != SIZE_MAX) return &x->ev[k];
    if (f->n_evidence >= f->max_evidence) {
        x->truncated = true;
        return NULL;
    }
    if (ls_fpindex_reserve(&x->ev_ix, EV_KEYS(x), sizeof *x->ev, x->n_ev, 64) != LS_OK) return NULL;
    if (x->n_ev == x->cap_ev) {
        size_t cap = x->cap_ev ? x->cap_ev * 2 : 8;
        struct ls_evidence *ne = realloc(x->ev, cap * sizeof *ne);
        if (!ne) return NULL;
        x->ev = ne;
        x->cap_ev = cap;
    }
    struct ls_evidence *e = &x->ev[x->n_ev];
    memset(e, 0, sizeof *e);
    memcpy(e->fp, fp, 32);
    ls_fpindex_insert(&x->ev_ix, EV_KEYS(x), sizeof *x->ev, x->n_ev++);
    f->n_evidence++;
    *fresh = true;
    return e;
}

/* A distinct value past the evidence limit: its fingerprint is kept (not
 * its evidence) so that distinct counts stay exact. */
static void unlisted_add(struct ls_finding *x, const uint8_t fp[32])
{
    if (ls_fpindex_find(&x->xfp_ix, x->xfp, 32, 32, fp) != SIZE_MAX) return;
    if (x->n_xfp >= LS_MAX_UNLISTED) {
        x->unlisted_full = true;
        return;
    }
    if (ls_fpindex_reserve(&x->xfp_ix, x->xfp, 32, x->n_xfp, 256) != LS_OK) return;
    if (x->n_xfp == x->cap_xfp) {
        size_t cap = x->cap_xfp ? x->cap_xfp * 2 : 128;
        uint8_t(*nx)[32] = realloc(x->xfp, cap * sizeof *nx);
        if (!nx) return;
        x->xfp = nx;
        x->cap_xfp = cap;
    }
    memcpy(x->xfp[x->n_xfp], fp, 32);
    ls_fpindex_insert(&x->xfp_ix, x->xfp, 32, x->n_xfp++);
}

struct scan_state {
    struct ls_findings *f;
    struct ls_slice data;
    enum ls_where where;
    uint64_t base;
    bool too_many;
    uint8_t (*veto)[32]; /* fingerprints a veto rule matched in this scan */
    size_t n_veto, cap_veto;
    bool mid_known;      /* in_msgid_field: mid_kind is the field of the line at mid_at */
    int mid_kind;
    uint64_t mid_at;
    bool matched; /* a rule matched (reported, helper strings or not) */
};

/*
 * Fingerprints of recent values, by their HMAC input: a leak repeats its
 * values (the same addresses in every mail of a thread, a customer's
 * number on every invoice), and each match of one cost an HMAC (two
 * SHA-256 compressions and their finishing: ~5,800 instructions; a hit
 * here ~300). FP_MEMO_SLOTS entries, direct-mapped by an FNV-1a hash of
 * the input; inputs up to FP_MEMO_IN bytes. Emptied when the key changes
 * (the run has one; tests use several).
 */
#define FP_MEMO_SLOTS 512u
#define FP_MEMO_IN 96u
#define FP_MEMO_KEY 64u

struct fp_memo {
    uint8_t len; /* 0: empty */
    char in[FP_MEMO_IN];
    uint8_t fp[32];
};

static struct {
    bool keyed;
    size_t key_len;
    uint8_t key[FP_MEMO_KEY];
    struct fp_memo e[FP_MEMO_SLOTS];
} fp_memo;

static struct fp_memo *fp_memo_slot(struct ls_slice key, const char *in, size_t n)
{
    if (n == 0 || n > FP_MEMO_IN || key.len > FP_MEMO_KEY) return NULL;
    if (!fp_memo.keyed || fp_memo.key_len != key.len ||
        (key.len && memcmp(fp_memo.key, key.ptr, key.len) != 0)) {
        memset(fp_memo.e, 0, sizeof fp_memo.e);
        if (key.len) memcpy(fp_memo.key, key.ptr, key.len);
        fp_memo.key_len = key.len;
        fp_memo.keyed = true;
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)in[i]) * 16777619u;
    return &fp_memo.e[h % FP_MEMO_SLOTS];
}

/* fingerprint = HMAC-SHA256(key, entity ":" norm) (DESIGN.md) */
static void value_fp(const struct ls_findings *f, const char *entity, const char *norm,
                     uint8_t fp[32])
{
    char in[FP_MEMO_IN + 1];
    size_t ne = strlen(entity), n = strlen(norm);
    struct fp_memo *m = NULL;
    if (ne + 1 + n <= FP_MEMO_IN) {
        memcpy(in, entity, ne);
        in[ne] = ':';
        memcpy(in + ne + 1, norm, n);
        m = fp_memo_slot(f->key, in, ne + 1 + n);
        if (m && m->len == ne + 1 + n && memcmp(m->in, in, m->len) == 0) {
            memcpy(fp, m->fp, 32);
            return;
        }
    }
    char tail[LS_VALUE_NORM_MAX + 1]; /* ":" norm, on the stack: this runs per match */
    tail[0] = ':';
    memcpy(tail + 1, norm, n);
    ls_hmac_sha256(f->key, ls_slice_make(entity, ne), ls_slice_make(tail, n + 1), fp);
    if (m) {
        m->len = (uint8_t)(ne + 1 + n);
        memcpy(m->in, in, m->len);
        memcpy(m->fp, fp, 32);
    }
}

/* One number's national and international forms. A national form written
 * with its trunk 0 (020 7946 0958) names no country, so the validator
 * fingerprints it as written (02079460958). When the object also holds a
 * +CC form whose last digits are that national number without its 0
 * (+44 20 7946 0958: 442079460958; 1-3 digits of country code before
 * them, 8 or more after) on the same line (a contact's "Tel: 020 ...
 * Mobile: +44 20 ...": a Dutch 06-12345678 and a French +33 6 12 34 56 78
 * on two lines of a contact sheet are two numbers), the two are one
 * number: at the end of the scan
 * that finds the pair, the national form's evidence takes the +CC form's
 * fingerprint, and its later matches in the object take it as they come.
 * At most LS_MAX_PHONE_FORMS forms per object are remembered. */
_Static_assert(offsetof(struct ls_phone_form, fp) == 0, "fp leads struct ls_phone_form");

static struct ls_phone_form *phone_form(struct ls_findings *f, const uint8_t fp[32])
{
    size_t k = ls_fpindex_find(&f->ph_ix, f->ph, sizeof *f->ph, 32, fp);
    return k == SIZE_MAX ? NULL : &f->ph[k];
}

static void phone_form_add(struct ls_findings *f, const uint8_t fp[32], const char *norm, bool trunk0,
                           uint64_t line, int where)
{
    size_t n = strlen(norm);
    if (f->n_ph >= LS_MAX_PHONE_FORMS || n < 9 || n >= LS_PHONE_DIGITS) return;
    if (ls_fpindex_reserve(&f->ph_ix, f->ph, sizeof *f->ph, f->n_ph, 64) != LS_OK) return;
    if (f->n_ph == f->cap_ph) {
        size_t cap = f->cap_ph ? f->cap_ph * 2 : 16;
        struct ls_phone_form *np = realloc(f->ph, cap * sizeof *np);
        if (!np) return;
        f->ph = np;
        f->cap_ph = cap;
    }
    struct ls_phone_form *p = &f->ph[f->n_ph];
    memset(p, 0, sizeof *p);
    memcpy(p->fp, fp, 32);
    memcpy(p->digits, norm, n + 1);
    p->trunk0 = trunk0;
    p->line = line;
    p->where = where;
    ls_fpindex_insert(&f->ph_ix, f->ph, sizeof *f->ph, f->n_ph++);
    f->ph_new = true;
}

/* The evidence (and unlisted values) of fingerprint from in the phone
 * findings becomes to's; a finding that holds both keeps one, counted as
 * both were. */
static void phone_rekey(struct ls_findings *f, const uint8_t from[32], const uint8_t to[32])
{
    for (size_t i = 0; i < f->n; i++) {
        struct ls_finding *x = &f->f[i];
        if (strcmp(x->entity, "phone") != 0) continue;
        size_t k = ls_fpindex_find(&x->ev_ix, x->ev, sizeof *x->ev, 32, from);
        if (k != SIZE_MAX) {
            size_t t = ls_fpindex_find(&x->ev_ix, x->ev, sizeof *x->ev, 32, to);
            if (t != SIZE_MAX) {
                for (int w = 0; w < LS_WHERE_N; w++) x->ev[t].count[w] += x->ev[k].count[w];
                memmove(&x->ev[k], &x->ev[k + 1], (x->n_ev - k - 1) * sizeof *x->ev);
                x->n_ev--;
                f->n_evidence--;
            } else {
                memcpy(x->ev[k].fp, to, 32);
            }
            ls_fpindex_rebuild(&x->ev_ix, x->ev, sizeof *x->ev, x->n_ev);
        }
        k = x->n_xfp ? ls_fpindex_find(&x->xfp_ix, x->xfp, 32, 32, from) : SIZE_MAX;
        if (k != SIZE_MAX) {
            if (ls_fpindex_find(&x->xfp_ix, x->xfp, 32, 32, to) != SIZE_MAX) {
                memmove(x->xfp[k], x->xfp[k + 1], (x->n_xfp - k - 1) * sizeof *x->xfp);
                x->n_xfp--;
            } else {
                memcpy(x->xfp[k], to, 32);
            }
            ls_fpindex_rebuild(&x->xfp_ix, x->xfp, 32, x->n_xfp);
        }
    }
}

static void phone_join(struct ls_findings *f)
{
    if (!f->ph_new) return;
    f->ph_new = false;
    for (size_t i = 0; i < f->n_ph; i++) {
        struct ls_phone_form *a = &f->ph[i];
        if (!a->trunk0 || a->joined) continue;
        const char *nsn = a->digits + 1;
        size_t l = strlen(nsn);
        if (l < 8) continue;
        for (size_t j = 0; j < f->n_ph && !a->joined; j++) {
            const struct ls_phone_form *b = &f->ph[j];
            size_t lb = strlen(b->digits);
            if (b->trunk0 || b->where != a->where || b->line != a->line || lb <= l || lb - l > 3 ||
                memcmp(b->digits + lb - l, nsn, l) != 0)
                continue;
            memcpy(a->to, b->fp, 32);
            a->joined = true;
        }
        if (a->joined) phone_rekey(f, a->fp, a->to);
    }
}

/* Vetoes: a rule with meta veto = "labels" finds values that are not the
 * entity they look like, by the table column they sit in ("Order ID:
 * 4111111111111111" in the header-labelled lines of a table). It matches
 * only there, makes no finding, and the value's evidence of that entity is
 * dropped from the whole object once the labels are scanned (the last scan
 * of an object: raw bytes, text, then labels). A validator can also veto
 * from context words inside its own match (ls_value.veto: "Part No.
 * 212-867-5309"), in every scan; the value's evidence found so far in the
 * object is dropped at the end of that scan. */
static void add_veto(struct scan_state *st, const char *entity, const struct ls_value *v)
{
    if (st->n_veto == st->cap_veto) {
        size_t cap = st->cap_veto ? st->cap_veto * 2 : 64;
        uint8_t(*nv)[32] = realloc(st->veto, cap * sizeof *nv);
        if (!nv) return; /* the value stays a finding */
        st->veto = nv;
        st->cap_veto = cap;
    }
    value_fp(st->f, entity, v->norm, st->veto[st->n_veto++]);
}

static void take_veto(struct scan_state *st, const struct rule_meta *m, struct ls_slice match)
{
    if (st->where != LS_WHERE_LABELS || strcmp(m->veto, "labels") != 0) return;
    struct ls_candidate cand = {m->entity, m->validator, m->redact, match};
    struct ls_value v;
    if (!ls_value_check(&cand, &v)) return;
    add_veto(st, m->entity, &v);
}

/* Drop vetoed fingerprints from x's unlisted values (past --max-evidence). */
static void veto_unlisted(struct ls_findings *f, struct ls_finding *x, const struct scan_state *st)
{
    if (!x->n_xfp) return;
    bool hit = false;
    for (size_t i = 0; i < st->n_veto; i++) {
        size_t k = ls_fpindex_find(&x->xfp_ix, x->xfp, 32, 32, st->veto[i]);
        if (k == SIZE_MAX) continue;
        uint8_t *xf = x->xfp[k];
        xf[0] ^= 0xff; /* marked: gone (a fingerprint that differs from every veto) */
        memset(xf + 1, 0xff, 31);
        hit = true;
    }
    if (!hit) return;
    static const uint8_t gone[31] = {
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    };
    size_t kept = 0;
    for (size_t k = 0; k < x->n_xfp; k++) {
        if (memcmp(x->xfp[k] + 1, gone, 31) == 0) {
            reject(f, x->entity);
            continue;
        }
        memmove(x->xfp[kept++], x->xfp[k], 32);
    }
    x->n_xfp = kept;
    ls_fpindex_rebuild(&x->xfp_ix, x->xfp, 32, x->n_xfp);
}

/* A value whose every occurrence in the raw bytes a validator vetoed
 * ("fb:pages" content="1800...", "order_id": 4111...) is not brought back by
 * the object's text, where an extractor may have dropped its key (an HTML
 * meta tag's content, an XML attribute's value): its later matches are
 * rejected. A value that stood once without its key in the raw bytes is
 * not vetoed there, and stays. */
static bool gone_has(const struct ls_findings *f, const uint8_t fp[32])
{
    return ls_fpindex_find(&f->gone_ix, f->gone, 32, 32, fp) != SIZE_MAX;
}

static void gone_add(struct ls_findings *f, const uint8_t fp[32])
{
    if (f->n_gone >= LS_MAX_UNLISTED || gone_has(f, fp)) return; /* past it, the value may come back */
    if (ls_fpindex_reserve(&f->gone_ix, f->gone, 32, f->n_gone, 64) != LS_OK) return;
    if (f->n_gone == f->cap_gone) {
        size_t cap = f->cap_gone ? f->cap_gone * 2 : 16;
        uint8_t(*ng)[32] = realloc(f->gone, cap * sizeof *ng);
        if (!ng) return;
        f->gone = ng;
        f->cap_gone = cap;
    }
    memcpy(f->gone[f->n_gone], fp, 32);
    ls_fpindex_insert(&f->gone_ix, f->gone, 32, f->n_gone++);
}

/* Drop x's vetoed evidence (each counted as rejected); false if x is left empty. */
static bool veto_finding(struct ls_findings *f, struct ls_finding *x, const struct scan_state *st)
{
    veto_unlisted(f, x, st);
    bool hit = false;
    /* A value a validator vetoed k times in this scan stays when it also
     * stood there un-vetoed ("call me at 212-867-5309" beside "Part No.
     * 212-867-5309"): the rule that found it counted every occurrence, the
     * vetoes only theirs. One serial-shaped copy must not hide the value. */
    uint64_t *vk = x->n_ev ? calloc(x->n_ev, sizeof *vk) : NULL;
    for (size_t i = 0; i < st->n_veto; i++) {
        size_t k = evidence_index(x, st->veto[i]);
        if (k == SIZE_MAX || x->ev[k].count[0] == UINT64_MAX) continue;
        if (vk) {
            vk[k]++;
            continue;
        }
        x->ev[k].count[0] = UINT64_MAX; /* marked: gone */
        hit = true;
    }
    for (size_t k = 0; vk && k < x->n_ev; k++) {
        if (!vk[k]) continue;
        /* a labels-line veto (an id column of a table) still drops the
         * value from the whole object, as documented */
        if (st->where != LS_WHERE_LABELS && x->ev[k].count[st->where] > vk[k]) {
            x->ev[k].count[st->where] -= vk[k];
            continue;
        }
        x->ev[k].count[0] = UINT64_MAX; /* marked: gone */
        hit = true;
    }
    free(vk);
    if (!hit) return x->n_ev > 0 || x->n_xfp > 0 || x->unlisted_full || !x->truncated;
    size_t kept = 0;
    for (size_t k = 0; k < x->n_ev; k++) {
        if (x->ev[k].count[0] == UINT64_MAX) {
            f->n_evidence--;
            reject(f, x->entity);
            if (st->where == LS_WHERE_RAW) gone_add(f, x->ev[k].fp);
            continue;
        }
        x->ev[kept++] = x->ev[k];
    }
    x->n_ev = kept;
    ls_fpindex_rebuild(&x->ev_ix, EV_KEYS(x), sizeof *x->ev, x->n_ev);
    /* occurrences past the limit (extra_count) belong to unlisted values: when
     * every one of those was vetoed too, nothing of the finding is left */
    return x->n_ev > 0 || x->n_xfp > 0 || x->unlisted_full;
}

static void apply_vetoes(struct ls_findings *f, const struct scan_state *st)
{
    size_t kept = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (!veto_finding(f, &f->f[i], st)) {
            finding_free(&f->f[i]);
            continue;
        }
        if (kept != i) f->f[kept] = f->f[i];
        kept++;
    }
    f->n = kept;
}

/* Message-IDs are written like addresses (<20.thread.notice@host>) and
 * every message of a mail dump carries several: its own in Message-ID, its
 * thread's in In-Reply-To and References. The validator drops the shapes it
 * knows by themselves (timestamps, hex, Gmail, Exchange, Exim); one with
 * words in its local part is known only by where it stands: between angle
 * brackets in such a header field, folded lines included, or as the id
 * parameter of a Content-Type (message/partial). Such an occurrence is no
 * address (rejected); the same value elsewhere still is. */
static bool ci_prefix(const uint8_t *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++) {
        int c = p[i];
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (c != s[i]) return false;
    }
    return true;
}

/* The header field the line holding data[start] belongs to (over folded
 * lines, at most 64 lines or 16 KiB back): 1 a Message-ID field, 2
 * Content-Type, 0 any other or none. */
static int field_kind(struct ls_slice d, uint64_t start)
{
    static const char *const fields[] = {
        "message-id:", "in-reply-to:", "references:", "resent-message-id:", "content-id:",
        "x-message-id:", "original-message-id:", "x-original-message-id:", "x-ms-exchange-message-id:"};
    const uint8_t *p = d.ptr;
    size_t i = (size_t)start - 1, floor = start > 16384 ? (size_t)start - 16384 : 0;
    for (int lines = 0; lines < 64; lines++) {
        while (i > floor && p[i - 1] != '\n' && p[i - 1] != '\r') i--;
        if (p[i] != ' ' && p[i] != '\t') break;
        if (i == floor) return 0;
        i--; /* the line break before the folded line */
        if (i > floor && p[i] == '\n' && p[i - 1] == '\r') i--;
        if (i == floor) return 0;
    }
    if (p[i] == ' ' || p[i] == '\t') return 0;
    if (ci_prefix(p + i, (size_t)start - i, "content-type:")) return 2;
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
        if (ci_prefix(p + i, (size_t)start - i, fields[k])) return 1;
    return 0;
}

/* A character of a Message-ID's local part that the address rule does not
 * take into an address ('=', as Gmail's ids have) or does (the rest). */
static bool msgid_local(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '=' || c == '+' ||
           c == '.' || c == '_' || c == '-' || c == '%' || c == '$';
}

static bool in_msgid_field(struct scan_state *st, uint64_t start, uint64_t end)
{
    struct ls_slice d = st->data;
    if (start == 0 || end >= d.len || start > end) return false;
    const uint8_t *p = d.ptr;
    /* message/partial's id parameter names the whole message's fragments:
     * Content-Type: message/partial; id="part.frag@host"; number=1 */
    size_t q = start >= 4 ? (size_t)start - (p[start - 1] == '"' ? 4 : 3) : 0;
    bool partial_id = q > 0 && ci_prefix(p + q, 3, "id=") && (p[q - 1] == ';' || p[q - 1] == ' ' || p[q - 1] == '\t');
    /* the address rule's match starts after a '=' of the local part
     * ("<CAF...+Q3w=ZkT9@mail.gmail.com>"): the '<' is before the whole
     * local part */
    size_t open = (size_t)start;
    while (open > 0 && (size_t)start - open < 128 && msgid_local(p[open - 1])) open--;
    if ((open == 0 || p[open - 1] != '<' || p[end] != '>') && !partial_id) return false;
    /* the field is looked up once per line: matches come in offset order,
     * and 8 MiB of "<a@bb.cc>" on one line walked 16 KiB back for each
     * (review4: 19 s) */
    bool same_line = st->mid_known && start >= st->mid_at &&
                     !memchr(p + st->mid_at, '\n', (size_t)(start - st->mid_at)) &&
                     !memchr(p + st->mid_at, '\r', (size_t)(start - st->mid_at));
    if (!same_line) {
        st->mid_kind = field_kind(d, start);
        st->mid_known = true;
    }
    st->mid_at = start;
    return st->mid_kind == (partial_id ? 2 : 1);
}

/* Korean phone and fax numbers were long written 0NN-NN-NNNN (an area code
 * 031-064, a two-digit exchange): the shape of an SSN. An address list
 * writes each beside another number of that country's shape, the fax
 * beside the phone ("052-23-6111<TAB>052-23-6711", "0343-50-6114"). A
 * dashed SSN-shaped value whose area is such a code (0, 3-6, 1-5) with
 * another Korean-shaped number on its line (within 128 bytes) is rejected,
 * unless "SSN" or "social" stands in the 24 bytes before it. */
static bool kr_phone_at(struct ls_slice d, size_t i, size_t hi, size_t *e)
{
    static const unsigned lo_n[3] = {1, 2, 4}, hi_n[3] = {3, 4, 4};
    const uint8_t *p = d.ptr;
    if (p[i] != '0') return false;
    i++;
    for (int g = 0; g < 3; g++) {
        unsigned n = 0;
        while (i < hi && p[i] >= '0' && p[i] <= '9') i++, n++;
        if (n < lo_n[g] || n > hi_n[g]) return false;
        if (g < 2) {
            if (i >= hi || p[i] != '-') return false;
            i++;
        }
    }
    *e = i;
    return true;
}

static bool korean_phone_pair(const struct scan_state *st, uint64_t start, uint64_t end)
{
    struct ls_slice d = st->data;
    const uint8_t *p = d.ptr;
    if (end > d.len || end - start != 11 || p[start] != '0' || p[start + 1] < '3' || p[start + 1] > '6' ||
        p[start + 2] < '1' || p[start + 2] > '5' || p[start + 3] != '-')
        return false;
    size_t lo = start > 128 ? (size_t)start - 128 : 0, hi = d.len - end > 128 ? (size_t)end + 128 : d.len;
    const uint8_t *nl = memrchr(p + lo, '\n', (size_t)start - lo);
    if (nl) lo = (size_t)(nl - p) + 1;
    nl = memchr(p + end, '\n', hi - (size_t)end);
    if (nl) hi = (size_t)(nl - p);
    size_t label = start - lo > 24 ? (size_t)start - 24 : lo;
    for (size_t i = label; i + 3 <= start; i++) /* "SSN: 052-23-6111": labelled, an SSN */
        if (ci_prefix(p + i, 3, "ssn") || (i + 6 <= start && ci_prefix(p + i, 6, "social"))) return false;
    for (size_t i = lo; i < hi; i++) {
        size_t e;
        if (i == start || (i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9')) continue;
        if (kr_phone_at(d, i, hi, &e) && (e >= hi || p[e] < '0' || p[e] > '9') && (e <= start || i >= end))
            return true;
    }
    return false;
}

/* "+81 158-23-2012", "(+81) 158-23-2012", "+81-158-23-2012": a Japanese
 * (or any) phone number after its country code has the shape of an SSN;
 * a value right after a '+' and one to three digits (or that in
 * parentheses) and one blank, dash or dot is the rest of that number. */
static bool after_country_code(const struct scan_state *st, uint64_t start)
{
    const uint8_t *p = st->data.ptr;
    size_t i = (size_t)start;
    if (i < 3 || (p[i - 1] != ' ' && p[i - 1] != '-' && p[i - 1] != '.')) return false;
    i--;
    if (p[i - 1] == ')') i--;
    size_t n = 0;
    while (i > 0 && n < 4 && p[i - 1] >= '0' && p[i - 1] <= '9') i--, n++;
    return n >= 1 && n <= 3 && i > 0 && p[i - 1] == '+' && (i < 2 || !(p[i - 2] >= '0' && p[i - 2] <= '9'));
}

/* The value (its digits and separators, as the validator located it) is one
 * run of digits ("640467805"), not groups ("912 345 678"). The match may go
 * on past it: "iPhone 596447377 782957457 105548132" of a page's list of app
 * ids is retried down to its first id. */
static bool one_digit_run(struct ls_slice value)
{
    for (size_t i = 0; i < value.len; i++)
        if (!(value.ptr[i] >= '0' && value.ptr[i] <= '9') && !(i == 0 && (value.ptr[i] == '+' || value.ptr[i] == '(')))
            return false;
    return true;
}

/* "appId={iphone:'640467805'", "SEOTwitterAppIdIphone":"324021126": the
 * phone labels end in "phone" (Telephone, Cellphone), and so does "iPhone":
 * an app's id after it is no phone number. An app id is one run of digits;
 * a number written in groups after it is a phone ("iPhone: 912 345 678", a
 * contact card's label for the owner's mobile). */
static bool iphone_key(const struct scan_state *st, uint64_t off, struct ls_slice match, size_t voff, size_t vlen)
{
    const uint8_t *p = st->data.ptr;
    struct ls_slice value;
    return off > 0 && ci_prefix(match.ptr, match.len, "phone") && ls_slice_sub(match, voff, vlen, &value) &&
           one_digit_run(value) &&
           (p[off - 1] == 'i' || p[off - 1] == 'I') &&
           (off < 2 || !((p[off - 2] >= 'a' && p[off - 2] <= 'z') || (p[off - 2] >= 'A' && p[off - 2] <= 'Z')) ||
            (p[off - 2] >= 'a' && p[off - 2] <= 'z' && p[off - 1] == 'I'));
}

/* An IBAN whose country code a separator cut off the digits ("BA;
 * 3933843048...", a list's columns): the digits read as a card (Diners 39,
 * 18 digits). A card-shaped value after two capitals and one to three of
 * `; ,:\t` that makes, with them, a valid IBAN (country length, mod-97) is
 * that IBAN's digits, rejected as a card. */
static bool iban_cut_off(const struct scan_state *st, uint64_t start, uint64_t end)
{
    const uint8_t *p = st->data.ptr;
    size_t i = (size_t)start, sep = 0;
    while (i > 0 && sep < 3 && memchr("; ,:\t", p[i - 1], 5)) i--, sep++;
    if (sep == 0 || i < 2 || p[i - 1] < 'A' || p[i - 1] > 'Z' || p[i - 2] < 'A' || p[i - 2] > 'Z') return false;
    if (i > 2 && ((p[i - 3] >= 'A' && p[i - 3] <= 'Z') || (p[i - 3] >= 'a' && p[i - 3] <= 'z') ||
                  (p[i - 3] >= '0' && p[i - 3] <= '9')))
        return false;
    char s[40];
    size_t n = 0;
    s[n++] = (char)p[i - 2];
    s[n++] = (char)p[i - 1];
    for (size_t k = (size_t)start; k < end && n < sizeof s - 1; k++)
        if (p[k] >= '0' && p[k] <= '9') s[n++] = (char)p[k];
    return ls_valid_iban(ls_slice_make(s, n));
}

/* "A child born on January 1, 1990, is considered ...", "If you were born
 * on ...", "Anyone born before ...": a date after "born" in prose about
 * whoever it applies to (tax and benefit instructions, forms' help text),
 * not a person's date of birth. The clause before "born" (back to a
 * sentence or field boundary, at most 8 words or 96 bytes; the relative
 * and auxiliary words "who", "that", "was", "were", "is", "are", "has
 * been" passed over) is generic when it is conditional ("if", "unless",
 * "whether") or when its subject is an indefinite pronoun ("anyone",
 * "someone", "those", "people") or a noun after an indefinite determiner
 * ("a child", "any person", "each qualifying dependent"). A record keeps
 * its date: "Born: 1990-01-01", "born on" at a line's or a field's start,
 * "Jane Doe (born 3 May 1980)", "He was born on ...", "the child was born
 * on ...". Only the English "born" is judged. */
static bool word_is(const uint8_t *w, size_t n, const char *const *list, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (strlen(list[i]) == n && ci_prefix(w, n, list[i])) return true;
    return false;
}

static bool dob_generic(const struct scan_state *st, uint64_t off, struct ls_slice match)
{
    static const char *const aux[] = {"who", "that", "which", "was", "were", "is", "are", "be", "been",
                                      "being", "has", "have", "had"};
    static const char *const cond[] = {"if", "unless", "whether"};
    static const char *const pron[] = {"anyone", "someone", "somebody", "anybody", "everyone", "everybody",
                                       "whoever", "those", "people", "persons", "individuals", "children",
                                       "taxpayers", "employees", "applicants", "residents", "citizens",
                                       "dependents", "dependants", "beneficiaries", "participants"};
    static const char *const det[] = {"a", "an", "any", "each", "every", "no", "some", "all", "such",
                                      "another"};
    if (!ci_prefix(match.ptr, match.len, "born")) return false;
    const uint8_t *p = st->data.ptr;
    size_t i = (size_t)off, floor = off > 96 ? (size_t)off - 96 : 0;
    const uint8_t *w[8];
    size_t wn[8], n = 0;
    while (n < 8) {
        while (i > floor && (p[i - 1] == ' ' || p[i - 1] == '\r' || p[i - 1] == '\n' || p[i - 1] == '"')) {
            if (p[i - 1] == '\n' && i - 1 > floor && p[i - 2] == '\n') break; /* a paragraph's end */
            i--;
        }
        size_t e = i;
        while (i > floor && ((p[i - 1] >= 'a' && p[i - 1] <= 'z') || (p[i - 1] >= 'A' && p[i - 1] <= 'Z') ||
                             p[i - 1] == '\'' || p[i - 1] == '-' || p[i - 1] >= 0x80))
            i--;
        if (i == e) break; /* punctuation, a digit or the window's start: the clause ends */
        if (i == floor && floor > 0) break;
        w[n] = p + i;
        wn[n++] = e - i;
    }
    size_t h = 0;
    while (h < n && word_is(w[h], wn[h], aux, sizeof aux / sizeof aux[0])) h++;
    for (size_t k = 0; k < n; k++)
        if (word_is(w[k], wn[k], cond, sizeof cond / sizeof cond[0])) return true;
    if (h >= n) return false;
    if (word_is(w[h], wn[h], pron, sizeof pron / sizeof pron[0])) return true;
    for (size_t k = h + 1; k < n && k <= h + 2; k++) /* "a child", "a qualifying child" */
        if (word_is(w[k], wn[k], det, sizeof det / sizeof det[0])) return true;
    return false;
}

/* Binary data around a phone number found in raw bytes ("\x8c\x01+12-34/
 * 5678411\xe7\x9f..." in a compressed stream or a picture of a PDF): at
 * least 4 of the 16 bytes on each side are control bytes or bytes of no
 * well-formed UTF-8 sequence, and a control byte stands among them. Text in
 * a legacy code page (Cyrillic in CP1251: every letter such a byte) has no
 * control bytes; a record of a binary database whose text is ASCII has no
 * stray high bytes. */
static unsigned junk_bytes(const uint8_t *p, size_t lo, size_t hi, bool *ctl)
{
    unsigned junk = 0;
    if (lo > 0)
        for (int k = 0; k < 3 && lo < hi && (p[lo] & 0xc0) == 0x80; k++) lo++; /* cut by the window */
    for (size_t i = lo; i < hi;) {
        uint8_t c = p[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
            junk++, *ctl = true, i++;
            continue;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0, k = 1;
        while (n && k < n && i + k < hi && (p[i + k] & 0xc0) == 0x80) k++;
        if (n && (k == n || i + k == hi)) { /* well formed, or cut by the window's end */
            i += k;
            continue;
        }
        junk++, i++;
    }
    return junk;
}

static bool in_binary_noise(const struct scan_state *st, uint64_t start, uint64_t end)
{
    if (st->where != LS_WHERE_RAW || end > st->data.len) return false;
    const uint8_t *p = st->data.ptr;
    size_t lo = start > 16 ? (size_t)start - 16 : 0, hi = st->data.len - end > 16 ? (size_t)end + 16 : st->data.len;
    bool ctl = false;
    unsigned before = junk_bytes(p, lo, (size_t)start, &ctl), after = junk_bytes(p, (size_t)end, hi, &ctl);
    return ctl && before >= 4 && after >= 4;
}

/* "400-810-5555", "800-820-8820" in Chinese text: a company's service
 * number of China (400 and 800, ten digits, written 3-3-4 as in North
 * America), not a North American number: written without a country code
 * and with a CJK character (or a full-width sign) within 24 bytes on its
 * line. Elsewhere both stay phones: the NANP's 800 is toll-free, and its
 * 400 (kept for future services, in service nowhere) is a North American
 * number to the fake-data generators that answer keys are made with. */
static bool cjk_near(const uint8_t *p, size_t lo, size_t hi)
{
    for (size_t i = lo; i + 2 < hi; i++) {
        if (p[i] == '\n') return false;
        if (((p[i] >= 0xe3 && p[i] <= 0xe9) || p[i] == 0xea || p[i] == 0xeb || p[i] == 0xec || p[i] == 0xed ||
             (p[i] == 0xef && (p[i + 1] == 0xbc || p[i + 1] == 0xbd))) &&
            (p[i + 1] & 0xc0) == 0x80 && (p[i + 2] & 0xc0) == 0x80)
            return true;
    }
    return false;
}

static bool cjk_service_number(const struct scan_state *st, uint64_t start, uint64_t end)
{
    const uint8_t *p = st->data.ptr;
    if (end > st->data.len || end - start < 10 || (p[start] != '4' && p[start] != '8') || p[start + 1] != '0' ||
        p[start + 2] != '0' || (p[start + 3] >= '0' && p[start + 3] <= '9'))
        return false;
    size_t lo = start > 24 ? (size_t)start - 24 : 0, hi = st->data.len - end > 24 ? (size_t)end + 24 : st->data.len;
    const uint8_t *nl = memrchr(p + lo, '\n', (size_t)start - lo);
    if (nl) lo = (size_t)(nl - p) + 1;
    return cjk_near(p, lo, (size_t)start) || cjk_near(p, (size_t)end, hi);
}

/* libyara's match lists live in its arena without 8-byte alignment: UBSan
 * (-fsanitize=alignment) traps on every access to a YR_MATCH, so the two
 * functions that walk them opt out of that one check. */
#if defined(__GNUC__)
#define LS_YR_UNALIGNED __attribute__((no_sanitize("alignment")))
#else
#define LS_YR_UNALIGNED
#endif

LS_YR_UNALIGNED static void take_match(struct scan_state *st, const YR_RULE *rule, const struct rule_meta *m,
                       const YR_STRING *str, const YR_MATCH *mt)
{
    struct ls_slice match;
    uint64_t off = (uint64_t)(mt->base + mt->offset);
    if (!ls_slice_sub(st->data, (size_t)off, (size_t)mt->match_length, &match)) return;
    if (m->anchor_start && st->base + off != 0) return; /* a key nested in the key (PKCS#8 > PKCS#1) */
    if (m->veto) {
        take_veto(st, m, match);
        return;
    }
    struct ls_candidate cand = {m->entity, m->validator, m->redact, match};
    struct ls_value v;
    if (!ls_value_check(&cand, &v)) {
        reject(st->f, m->entity);
        return;
    }
    if (v.veto) { /* the validator read the match's context: not this entity, in any scan */
        add_veto(st, m->entity, &v);
        return;
    }
    uint64_t start = off + v.off, end = start + v.len;
    if (strcmp(m->entity, "email") == 0 && in_msgid_field(st, start, end)) {
        reject(st->f, m->entity);
        return;
    }
    if (strcmp(m->entity, "credit_card") == 0 && iban_cut_off(st, start, end)) {
        reject(st->f, m->entity);
        return;
    }
    if (m->validator && strcmp(m->validator, "ssn") == 0 &&
        (korean_phone_pair(st, start, end) || after_country_code(st, start))) {
        reject(st->f, m->entity);
        return;
    }
    if (strcmp(m->entity, "dob") == 0 && dob_generic(st, off, match)) {
        reject(st->f, m->entity);
        return;
    }
    if (strcmp(m->entity, "phone") == 0 &&
        (in_binary_noise(st, start, end) || iphone_key(st, off, match, v.off, v.len) ||
         (m->validator && strcmp(m->validator, "nanp") == 0 && cjk_service_number(st, start, end)))) {
        reject(st->f, m->entity);
        return;
    }
    if (st->where != LS_WHERE_RAW && st->f->n_gone) {
        uint8_t gfp[32];
        value_fp(st->f, m->entity, v.norm, gfp);
        if (gone_has(st->f, gfp)) {
            reject(st->f, m->entity);
            return;
        }
    }
    struct ls_finding *x = finding_for(st->f, rule, m);
    if (!x) return;
    if (x->last_string == str && start < x->last_end[st->where]) return; /* overlapping re-match */
    x->last_string = str;
    x->last_end[st->where] = end;
    uint8_t fp[32];
    value_fp(st->f, m->entity, v.norm, fp);
    if (strcmp(m->entity, "phone") == 0 && (v.trunk0 || (m->validator && strcmp(m->validator, "e164") == 0))) {
        const struct ls_phone_form *pf = phone_form(st->f, fp);
        if (!pf) {
            size_t lo = start > 512 ? (size_t)start - 512 : 0;
            const uint8_t *nl = memrchr(st->data.ptr + lo, '\n', (size_t)start - lo);
            uint64_t line = st->base + (nl ? (uint64_t)(nl - st->data.ptr) + 1 : lo);
            phone_form_add(st->f, fp, v.norm, v.trunk0, line, (int)st->where);
        }
        else if (pf->joined) memcpy(fp, pf->to, 32); /* a national form already joined to its +CC form */
    }
    bool fresh;
    struct ls_evidence *e = evidence_for(st->f, x, fp, &fresh);
    if (!e) {
        x->extra_count++;
        if (x->truncated) unlisted_add(x, fp);
        return;
    }
    if (fresh) {
        snprintf(e->redacted, sizeof e->redacted, "%s", v.redacted);
        e->offset = st->base + start;
        e->len = v.len > UINT32_MAX ? UINT32_MAX : (uint32_t)v.len;
        e->where = st->where;
    }
    e->count[st->where]++;
}

static bool is_helper_string(const char *id)
{
    return strncmp(id, "$ctx", 4) == 0 || strncmp(id, "$not", 4) == 0;
}

LS_YR_UNALIGNED static int on_scan_msg(YR_SCAN_CONTEXT *ctx, int msg, void *data, void *ud)
{
    struct scan_state *st = ud;
    if (msg == CALLBACK_MSG_TOO_MANY_MATCHES) {
        st->too_many = true;
        return CALLBACK_CONTINUE;
    }
    if (msg != CALLBACK_MSG_RULE_MATCHING) return CALLBACK_CONTINUE;
    st->matched = true;
    const YR_RULE *rule = data;
    struct rule_meta m;
    read_meta(rule, &m);
    if (m.alert) { /* an alert, not a finding; not from a name (a file named for a webshell is none) */
        struct ls_findings *f = st->f;
        bool have = st->where == LS_WHERE_NAME || !*m.alert;
        for (size_t i = 0; i < f->n_alert && !have; i++) have = strcmp(f->alert[i], m.alert) == 0;
        if (!have && f->n_alert < LS_MAX_RULE_ALERTS) f->alert[f->n_alert++] = m.alert;
        return CALLBACK_CONTINUE;
    }
    const YR_STRING *str;
    yr_rule_strings_foreach(rule, str)
    {
        if (is_helper_string(str->identifier)) continue;
        const YR_MATCH *mt;
        yr_string_matches_foreach(ctx, str, mt) take_match(st, rule, &m, str, mt);
    }
    return CALLBACK_CONTINUE;
}

static uint64_t quiet_hash(struct ls_slice d)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < d.len; i++) h = (h ^ d.ptr[i]) * 0x100000001b3u;
    return h;
}

/* The slot d belongs in (its h set), or NULL: not remembered (impure
 * rules, too long, no memory). */
static struct quiet *quiet_slot(struct ls_scanner *s, struct ls_slice d)
{
    if (!s->pure || d.len > QUIET_MAX) return NULL;
    if (!s->quiet) {
        s->quiet = calloc(QUIET_SLOTS, sizeof *s->quiet);
        if (!s->quiet) {
            s->pure = false;
            return NULL;
        }
    }
    uint64_t h = quiet_hash(d);
    struct quiet *q = &s->quiet[h & (QUIET_SLOTS - 1)];
    if (q->len != d.len || q->h != h) q->h = h, q->len = 0; /* not d: quiet_put() may take it */
    return q;
}

static bool quiet_has(const struct quiet *q, struct ls_slice d)
{
    return q->len == d.len && memcmp(q->b, d.ptr, d.len) == 0;
}

static void quiet_put(struct quiet *q, struct ls_slice d)
{
    memcpy(q->b, d.ptr, d.len);
    q->len = (uint32_t)d.len;
}

ls_err ls_scanner_scan(struct ls_scanner *s, struct ls_slice data, enum ls_where where,
                       uint64_t base, struct ls_findings *f, const char **reason)
{
    *reason = NULL;
    if (data.len == 0) return LS_OK;
    struct quiet *q = where == LS_WHERE_NAME ? quiet_slot(s, data) : NULL;
    if (q && quiet_has(q, data)) return LS_OK;
    struct scan_state st = {f, data, where, base, false, NULL, 0, 0, false, 0, 0, false};
    for (size_t i = 0; i < f->n; i++) f->f[i].last_string = NULL;
    yr_scanner_set_callback(s->yr, on_scan_msg, &st);
    int rc = yr_scanner_scan_mem(s->yr, data.ptr, data.len);
    if (q && rc == ERROR_SUCCESS && !st.matched && !st.too_many) quiet_put(q, data);
    if (st.n_veto) apply_vetoes(f, &st);
    phone_join(f);
    free(st.veto);
    if (rc == ERROR_SCAN_TIMEOUT) {
        *reason = LS_R_LIMIT_TIME;
    } else if (rc == ERROR_TOO_MANY_MATCHES || st.too_many) {
        *reason = LS_R_LIMIT_MATCHES;
    } else if (rc == ERROR_INSUFFICIENT_MEMORY) {
        return LS_E_NOMEM;
    } else if (rc != ERROR_SUCCESS) {
        *reason = LS_R_PARSE_ERROR;
    }
    return LS_OK;
}

/* ---- JSON ---- */

static uint64_t ev_count(const struct ls_evidence *e)
{
    uint64_t n = 0;
    for (int i = 0; i < LS_WHERE_N; i++)
        if (e->count[i] > n) n = e->count[i];
    return n;
}

static const char *where_name(enum ls_where w)
{
    return w == LS_WHERE_RAW ? "raw" : w == LS_WHERE_NAME ? "name" : "text";
}

static ls_err evidence_json(const struct ls_evidence *e, struct ls_buf *o)
{
    char hex[65];
    ls_hex(e->fp, 32, hex);
    LS_TRY(ls_buf_printf(o, "{\"fingerprint\":\"%s\",\"redacted\":", hex));
    LS_TRY(ls_json_cstr(o, e->redacted));
    return ls_buf_printf(o, ",\"offset\":%llu,\"where\":\"%s\",\"count\":%llu}",
                         (unsigned long long)e->offset, where_name(e->where),
                         (unsigned long long)ev_count(e));
}

static int cmp_fp(const void *a, const void *b)
{
    return memcmp(a, b, 32);
}

static ls_err finding_json(const struct ls_finding *x, struct ls_buf *o)
{
    uint64_t count = x->extra_count;
    for (size_t i = 0; i < x->n_ev; i++) count += ev_count(&x->ev[i]);
    LS_TRY(ls_buf_adds(o, "{\"rule\":"));
    LS_TRY(ls_json_cstr(o, x->rule));
    LS_TRY(ls_buf_adds(o, ",\"namespace\":"));
    LS_TRY(ls_json_cstr(o, x->ns));
    LS_TRY(ls_buf_adds(o, ",\"category\":"));
    LS_TRY(ls_json_cstr(o, x->category));
    LS_TRY(ls_buf_adds(o, ",\"entity\":"));
    LS_TRY(ls_json_cstr(o, x->entity));
    LS_TRY(ls_buf_adds(o, ",\"severity\":"));
    LS_TRY(ls_json_cstr(o, x->severity));
    LS_TRY(ls_buf_printf(o, ",\"count\":%llu,\"distinct\":%zu,\"evidence\":[",
                         (unsigned long long)count, x->n_ev + x->n_xfp));
    for (size_t i = 0; i < x->n_ev; i++) {
        if (i) LS_TRY(ls_buf_addc(o, ','));
        LS_TRY(evidence_json(&x->ev[i], o));
    }
    LS_TRY(ls_buf_addc(o, ']'));
    if (x->truncated) LS_TRY(ls_buf_adds(o, ",\"evidence_truncated\":true"));
    if (x->n_xfp) { /* the first 16 bytes of each fingerprint, sorted: same for -j1 and -jN */
        uint8_t(*sorted)[32] = malloc(x->n_xfp * sizeof *sorted);
        if (!sorted) return LS_E_NOMEM;
        memcpy(sorted, x->xfp, x->n_xfp * sizeof *sorted);
        qsort(sorted, x->n_xfp, sizeof *sorted, cmp_fp);
        ls_err e = ls_buf_adds(o, ",\"unlisted\":[");
        for (size_t i = 0; i < x->n_xfp && e == LS_OK; i++) {
            char hex[33];
            ls_hex(sorted[i], 16, hex);
            e = ls_buf_printf(o, "%s\"%s\"", i ? "," : "", hex);
        }
        free(sorted);
        LS_TRY(e);
        LS_TRY(ls_buf_addc(o, ']'));
    }
    if (x->unlisted_full) LS_TRY(ls_buf_adds(o, ",\"unlisted_truncated\":true"));
    return ls_buf_addc(o, '}');
}

ls_err ls_findings_json(const struct ls_findings *f, struct ls_buf *out)
{
    LS_TRY(ls_buf_addc(out, '['));
    for (size_t i = 0; i < f->n; i++) {
        if (i) LS_TRY(ls_buf_addc(out, ','));
        LS_TRY(finding_json(&f->f[i], out));
    }
    return ls_buf_addc(out, ']');
}

bool ls_findings_digest(const struct ls_findings *f, struct ls_buf *out)
{
    if (!ls_sumdig_u32(out, f->n)) return false;
    for (size_t i = 0; i < f->n; i++) {
        const struct ls_finding *x = &f->f[i];
        uint64_t count = x->extra_count;
        for (size_t k = 0; k < x->n_ev; k++) {
            /* an integer the line's JSON cannot hold: the line is parsed */
            if (x->ev[k].offset > (uint64_t)INT64_MAX) return false;
            count += ev_count(&x->ev[k]);
        }
        if (!ls_sumdig_str(out, x->category) || !ls_sumdig_str(out, x->entity) || !ls_sumdig_u64(out, count) ||
            !ls_sumdig_u32(out, (uint64_t)x->n_ev + x->n_xfp))
            return false;
        for (size_t k = 0; k < x->n_ev; k++)
            if (!ls_sumdig_bytes(out, x->ev[k].fp, 16)) return false;
        for (size_t k = 0; k < x->n_xfp; k++)
            if (!ls_sumdig_bytes(out, x->xfp[k], 16)) return false;
    }
    if (!ls_sumdig_u32(out, f->n_rej)) return false;
    for (size_t i = 0; i < f->n_rej; i++)
        if (!ls_sumdig_str(out, f->rej[i].entity) || !ls_sumdig_u64(out, f->rej[i].count)) return false;
    return true;
}

ls_err ls_findings_rejected_json(const struct ls_findings *f, struct ls_buf *out)
{
    LS_TRY(ls_buf_addc(out, '{'));
    for (size_t i = 0; i < f->n_rej; i++) {
        if (i) LS_TRY(ls_buf_addc(out, ','));
        LS_TRY(ls_json_cstr(out, f->rej[i].entity));
        LS_TRY(ls_buf_printf(out, ":%llu", (unsigned long long)f->rej[i].count));
    }
    return ls_buf_addc(out, '}');
}
