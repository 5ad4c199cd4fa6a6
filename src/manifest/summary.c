/* Summary of a run, folded from its manifest lines (see summary.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ls_fpindex.h"
#include "manifest/summary.h"

/* Names a counter keeps; past them (a custom rule pack of many entities)
 * every further name is counted under SUM_OTHER, never dropped. */
#define SUM_MAX_NAMES 256
#define SUM_OTHER "(other)"

/* A small name -> counter table (verdicts, categories, alerts, entities). */
struct counter {
    char *name[SUM_MAX_NAMES];
    size_t len[SUM_MAX_NAMES];
    uint64_t n[SUM_MAX_NAMES];
    uint64_t n2[SUM_MAX_NAMES];
    size_t k;
};

struct fp_set {
    uint8_t (*key)[17]; /* 16 bytes of fingerprint + entity index */
    size_t n, cap;
    struct ls_fpindex ix;
};

struct ls_summary {
    uint64_t roots, objects, quarantined, flagged, bytes_read, bytes_expanded;
    struct counter verdicts, coverage, categories, entities, rejected, alerts, reasons;
    struct fp_set distinct;
    struct ls_root_info last;
    ls_summary_root_fn on_root;
    void *on_root_ud;
};

void ls_summary_on_root(struct ls_summary *s, ls_summary_root_fn fn, void *ud)
{
    s->on_root = fn;
    s->on_root_ud = ud;
}

static void counter_free(struct counter *c)
{
    for (size_t i = 0; i < c->k; i++) free(c->name[i]);
    c->k = 0;
}

/* name: len bytes, no NUL among them */
static size_t counter_slot_n(struct counter *c, const char *name, size_t len)
{
    for (size_t i = 0; i < c->k; i++)
        if (c->len[i] == len && memcmp(c->name[i], name, len) == 0) return i;
    if (c->k >= SUM_MAX_NAMES - 1 && (len != sizeof SUM_OTHER - 1 || memcmp(name, SUM_OTHER, len) != 0))
        return counter_slot_n(c, SUM_OTHER, sizeof SUM_OTHER - 1);
    if (c->k == SUM_MAX_NAMES) return SIZE_MAX;
    char *copy = malloc(len + 1);
    if (!copy) return SIZE_MAX;
    if (len) memcpy(copy, name, len);
    copy[len] = 0;
    c->name[c->k] = copy;
    c->len[c->k] = len;
    c->n[c->k] = c->n2[c->k] = 0;
    return c->k++;
}

/* a + n, held at INT64_MAX: the summary record's numbers stay ones a JSON
 * reader takes (jansson refuses larger integers), whatever a worker's
 * records or a manifest read back claim */
static uint64_t sat_add(uint64_t a, uint64_t n)
{
    const uint64_t cap = (uint64_t)INT64_MAX;
    return a > cap || n > cap - a ? cap : a + n;
}

static void count_n(struct counter *c, const char *name, size_t len, uint64_t n)
{
    size_t i = counter_slot_n(c, name, len);
    if (i != SIZE_MAX) c->n[i] = sat_add(c->n[i], n);
}

static void count(struct counter *c, const char *name, uint64_t n)
{
    count_n(c, name, strlen(name), n);
}

struct ls_summary *ls_summary_new(void)
{
    struct ls_summary *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    static const char *const v[] = {"clean", "sensitive", "hostile", "incomplete"};
    static const char *const cov[] = {"full", "partial", "none"};
    for (int i = 0; i < 4; i++) count(&s->verdicts, v[i], 0);
    for (int i = 0; i < 3; i++) count(&s->coverage, cov[i], 0);
    return s;
}

void ls_summary_free(struct ls_summary *s)
{
    if (!s) return;
    counter_free(&s->verdicts);
    counter_free(&s->coverage);
    counter_free(&s->categories);
    counter_free(&s->entities);
    counter_free(&s->rejected);
    counter_free(&s->alerts);
    counter_free(&s->reasons);
    free(s->distinct.key);
    ls_fpindex_free(&s->distinct.ix);
    free(s->last.path);
    free(s);
}

/* Insert; returns 1 if new, 0 if present, -1 on memory failure. */
static int set_add(struct fp_set *s, const uint8_t key[17])
{
    if (ls_fpindex_find(&s->ix, s->key, 17, 17, key) != SIZE_MAX) return 0;
    if (ls_fpindex_reserve(&s->ix, s->key, 17, s->n, 1024) != LS_OK) return -1;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint8_t(*nk)[17] = realloc(s->key, cap * sizeof *nk);
        if (!nk) return -1;
        s->key = nk;
        s->cap = cap;
    }
    memcpy(s->key[s->n], key, 17);
    ls_fpindex_insert(&s->ix, s->key, 17, s->n++);
    return 1;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* A fingerprint's first 16 bytes under an entity (len bytes). */
static void add_distinct_key(struct ls_summary *s, const char *entity, size_t elen, const uint8_t fp[16])
{
    uint8_t key[17];
    memcpy(key, fp, 16);
    size_t e = counter_slot_n(&s->entities, entity, elen);
    if (e == SIZE_MAX) return;
    key[16] = (uint8_t)e;
    if (set_add(&s->distinct, key) == 1) s->entities.n2[e]++;
}

static void add_distinct(struct ls_summary *s, const char *entity, const char *fp_hex)
{
    uint8_t fp[16];
    if (!fp_hex || strlen(fp_hex) < 32) return;
    for (int i = 0; i < 16; i++) {
        int hi = hexval(fp_hex[2 * i]), lo = hexval(fp_hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return;
        fp[i] = (uint8_t)(hi << 4 | lo);
    }
    add_distinct_key(s, entity, strlen(entity), fp);
}

static const char *str_of(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

static void add_findings(struct ls_summary *s, json_t *findings)
{
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f)
    {
        const char *entity = str_of(f, "entity");
        uint64_t n = (uint64_t)json_integer_value(json_object_get(f, "count"));
        count(&s->categories, str_of(f, "category"), n);
        count(&s->entities, entity, n);
        size_t j;
        json_t *ev;
        json_array_foreach(json_object_get(f, "evidence"), j, ev)
            add_distinct(s, entity, str_of(ev, "fingerprint"));
        /* values past --max-evidence: fingerprint prefixes, counted alike */
        json_array_foreach(json_object_get(f, "unlisted"), j, ev)
            add_distinct(s, entity, json_string_value(ev));
    }
}

static void add_names(struct counter *c, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) if (json_is_string(v)) count(c, json_string_value(v), 1);
}

static int b64val(int c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* Decode standard base64 (padding ignored) into a new NUL-terminated string. */
static char *b64_decode(const char *in)
{
    size_t n = strlen(in), o = 0;
    char *out = malloc(n / 4 * 3 + 4);
    if (!out) return NULL;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64val((unsigned char)in[i]);
        if (v < 0) continue;
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (char)((acc >> bits) & 0xff);
        }
    }
    out[o] = 0;
    return out;
}

/* path: taken over (NULL: none) */
static void set_root(struct ls_summary *s, char *path, const char *sha, const char *root_id, size_t id_len,
                     const char *verdict, bool quarantine)
{
    struct ls_root_info *r = &s->last;
    free(r->path);
    memset(r, 0, sizeof *r);
    r->path = path;
    snprintf(r->sha256, sizeof r->sha256, "%s", sha);
    snprintf(r->root_id, sizeof r->root_id, "%.*s", (int)(id_len < sizeof r->root_id ? id_len : sizeof r->root_id),
             root_id);
    snprintf(r->verdict, sizeof r->verdict, "%s", verdict);
    r->quarantine = quarantine;
    r->have = r->path != NULL;
}

static void remember_root(struct ls_summary *s, json_t *o)
{
    const char *b64 = json_string_value(json_object_get(o, "path_b64"));
    const char *sha = json_string_value(json_object_get(json_object_get(json_object_get(o, "file"), "hash"), "sha256"));
    const char *id = str_of(o, "root_id");
    set_root(s, b64 ? b64_decode(b64) : strdup(str_of(o, "path")), sha ? sha : "", id, strlen(id),
             str_of(o, "verdict"), json_is_true(json_object_get(o, "quarantine")));
}

const struct ls_root_info *ls_summary_last_root(const struct ls_summary *s) { return &s->last; }

static void add_object(struct ls_summary *s, json_t *o)
{
    s->objects++;
    if (json_integer_value(json_object_get(o, "depth")) == 0) {
        remember_root(s, o);
        s->roots++;
        /* a split archive's later part: its bytes are in its set root's
         * (the joined size): counted once */
        const char *sid = json_string_value(json_object_get(json_object_get(o, "split"), "set_root_id"));
        if (!sid || strcmp(sid, str_of(o, "root_id")) == 0)
            s->bytes_read =
                sat_add(s->bytes_read, (uint64_t)json_integer_value(json_object_get(json_object_get(o, "file"), "size")));
        if (json_is_true(json_object_get(o, "quarantine"))) s->quarantined++;
        if (strcmp(str_of(o, "verdict"), "clean") != 0) s->flagged++;
    }
    count(&s->verdicts, str_of(o, "verdict"), 1);
    count(&s->coverage, str_of(o, "coverage"), 1);
    add_names(&s->alerts, json_object_get(o, "alerts"));
    add_names(&s->reasons, json_object_get(o, "coverage_reasons"));
    add_findings(s, json_object_get(o, "findings"));
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(o, "rejected"), k, v)
        count(&s->rejected, k, (uint64_t)json_integer_value(v));
}

ls_err ls_summary_add_line(struct ls_summary *s, const char *line, size_t len)
{
    json_error_t jerr;
    /* a member name may hold a NUL, written \u0000 (an attachment named
     * statement.pdf%00.exe): jansson refuses it unless allowed, and the
     * object went uncounted (a worker's digest counts it) */
    json_t *o = json_loadb(line, len, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &jerr);
    if (!o || !json_is_object(o)) {
        json_decref(o);
        return LS_E_CORRUPT;
    }
    const char *rec = str_of(o, "record");
    if (strcmp(rec, "object") == 0) add_object(s, o);
    bool done = strcmp(rec, "root_done") == 0;
    if (done) s->bytes_expanded = sat_add(s->bytes_expanded, (uint64_t)json_integer_value(json_object_get(o, "expanded_bytes")));
    json_decref(o);
    if (done && s->on_root) s->on_root(s->on_root_ud, s, line, len);
    return LS_OK;
}

/* ---- digests (summary.h) ---- */

static bool dig_u64(struct ls_cursor *c, uint64_t *v)
{
    return ls_cur_u64le(c, v) == LS_OK && *v <= (uint64_t)INT64_MAX;
}

static bool dig_str(struct ls_cursor *c, struct ls_slice *v)
{
    uint16_t n;
    if (ls_cur_u16le(c, &n) != LS_OK || ls_cur_take(c, n, v) != LS_OK) return false;
    return !v->len || !memchr(v->ptr, 0, v->len);
}

/* u32 n, n x str; each counted once in c when apply */
static bool dig_names(struct ls_cursor *cur, struct counter *c, bool apply)
{
    uint32_t n;
    if (ls_cur_u32le(cur, &n) != LS_OK) return false;
    for (uint32_t i = 0; i < n; i++) {
        struct ls_slice v;
        if (!dig_str(cur, &v)) return false;
        if (apply) count_n(c, (const char *)v.ptr, v.len, 1);
    }
    return true;
}

static bool dig_findings(struct ls_cursor *cur, struct ls_summary *s, bool apply)
{
    uint32_t n;
    if (ls_cur_u32le(cur, &n) != LS_OK) return false;
    for (uint32_t i = 0; i < n; i++) {
        struct ls_slice cat, ent, fps;
        uint64_t cnt;
        uint32_t k;
        if (!dig_str(cur, &cat) || !dig_str(cur, &ent) || !dig_u64(cur, &cnt) || ls_cur_u32le(cur, &k) != LS_OK ||
            k > ls_cur_left(cur) / 16 || ls_cur_take(cur, (size_t)k * 16, &fps) != LS_OK)
            return false;
        if (!apply) continue;
        count_n(&s->categories, (const char *)cat.ptr, cat.len, cnt);
        count_n(&s->entities, (const char *)ent.ptr, ent.len, cnt);
        for (uint32_t j = 0; j < k; j++) add_distinct_key(s, (const char *)ent.ptr, ent.len, fps.ptr + (size_t)j * 16);
    }
    return true;
}

static bool dig_rejected(struct ls_cursor *cur, struct ls_summary *s, bool apply)
{
    uint32_t n;
    if (ls_cur_u32le(cur, &n) != LS_OK) return false;
    for (uint32_t i = 0; i < n; i++) {
        struct ls_slice v;
        uint64_t cnt;
        if (!dig_str(cur, &v) || !dig_u64(cur, &cnt)) return false;
        if (apply) count_n(&s->rejected, (const char *)v.ptr, v.len, cnt);
    }
    return true;
}

/* A root's fields; folded into s when apply. */
static bool dig_root(struct ls_cursor *cur, struct ls_summary *s, bool apply, unsigned flags, const char *verdict)
{
    uint64_t size;
    struct ls_slice sha = ls_slice_make(NULL, 0), id, path;
    uint32_t plen;
    if (!dig_u64(cur, &size)) return false;
    if ((flags & LS_SUMDIG_SHA) && ls_cur_take(cur, 32, &sha) != LS_OK) return false;
    if (!dig_str(cur, &id) || ls_cur_u32le(cur, &plen) != LS_OK || ls_cur_take(cur, plen, &path) != LS_OK ||
        (path.len && memchr(path.ptr, 0, path.len)))
        return false;
    if (!apply) return true;
    char hex[65] = "";
    if (sha.len == 32) ls_hex(sha.ptr, 32, hex);
    char *p = malloc(path.len + 1);
    if (p) {
        if (path.len) memcpy(p, path.ptr, path.len);
        p[path.len] = 0;
    }
    bool q = (flags & LS_SUMDIG_QUARANTINE) != 0;
    set_root(s, p, hex, (const char *)id.ptr, id.len, verdict, q);
    s->roots++;
    if (flags & LS_SUMDIG_BYTES) s->bytes_read = sat_add(s->bytes_read, size);
    if (q) s->quarantined++;
    if (strcmp(verdict, "clean") != 0) s->flagged++;
    return true;
}

/* Walk a digest; fold it into s when apply. Returns its kind, 0 if it is
 * not well-formed (a first pass with apply false checks the whole). */
static int dig_walk(struct ls_summary *s, struct ls_slice d, bool apply)
{
    static const char *const verdicts[] = {"clean", "sensitive", "hostile", "incomplete"};
    static const char *const cov[] = {"full", "partial", "none"};
    struct ls_cursor cur = ls_cur_make(d);
    uint8_t kind, flags, v, c;
    if (ls_cur_u8(&cur, &kind) != LS_OK) return 0;
    if (kind == LS_SUMDIG_DONE) {
        uint64_t x;
        if (!dig_u64(&cur, &x) || ls_cur_left(&cur)) return 0;
        if (apply) s->bytes_expanded = sat_add(s->bytes_expanded, x);
        return kind;
    }
    if (kind != LS_SUMDIG_OBJECT || ls_cur_u8(&cur, &flags) != LS_OK || ls_cur_u8(&cur, &v) != LS_OK ||
        ls_cur_u8(&cur, &c) != LS_OK || v > 3 || c > 2 || (flags & ~15u) ||
        (!(flags & LS_SUMDIG_ROOT) && (flags & (LS_SUMDIG_SHA | LS_SUMDIG_BYTES))))
        return 0;
    if (apply) s->objects++;
    if ((flags & LS_SUMDIG_ROOT) && !dig_root(&cur, s, apply, flags, verdicts[v])) return 0;
    if (apply) {
        count(&s->verdicts, verdicts[v], 1);
        count(&s->coverage, cov[c], 1);
    }
    if (!dig_names(&cur, apply ? &s->alerts : NULL, apply) || !dig_names(&cur, apply ? &s->reasons : NULL, apply) ||
        !dig_findings(&cur, s, apply) || !dig_rejected(&cur, s, apply) || ls_cur_left(&cur))
        return 0;
    return kind;
}

bool ls_sumdig_u8(struct ls_buf *b, unsigned v)
{
    return v <= 0xff && ls_buf_addc(b, (char)v) == LS_OK;
}

bool ls_sumdig_u32(struct ls_buf *b, uint64_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return v <= UINT32_MAX && ls_buf_add(b, x, 4) == LS_OK;
}

bool ls_sumdig_u64(struct ls_buf *b, uint64_t v)
{
    uint8_t x[8];
    for (int i = 0; i < 8; i++) x[i] = (uint8_t)(v >> (8 * i));
    return v <= (uint64_t)INT64_MAX && ls_buf_add(b, x, 8) == LS_OK;
}

bool ls_sumdig_str(struct ls_buf *b, const char *s)
{
    struct ls_slice v = ls_slice_make(s, s ? strlen(s) : 0);
    uint8_t x[2] = {(uint8_t)v.len, (uint8_t)(v.len >> 8)};
    return v.len <= 0xffff && ls_utf8_valid(v) && ls_buf_add(b, x, 2) == LS_OK && ls_buf_add(b, v.ptr, v.len) == LS_OK;
}

bool ls_sumdig_bytes(struct ls_buf *b, const void *p, size_t n)
{
    return ls_buf_add(b, p, n) == LS_OK;
}

int ls_summary_digest_kind(struct ls_slice d)
{
    return dig_walk(NULL, d, false);
}

ls_err ls_summary_add_digest(struct ls_summary *s, struct ls_slice d, const char *line, size_t len)
{
    int kind = dig_walk(NULL, d, false);
    if (!kind) return LS_E_CORRUPT;
    (void)dig_walk(s, d, true);
    if (kind == LS_SUMDIG_DONE && s->on_root) s->on_root(s->on_root_ud, s, line, len);
    return LS_OK;
}

/* The order names are printed in: the counters seeded in a fixed order
 * (verdicts, coverage) keep it; the others go by count, largest first, then
 * by name, so a summary does not depend on which worker finished first. */
static void order(const struct counter *c, bool fixed, bool by_distinct, size_t *idx)
{
    for (size_t i = 0; i < c->k; i++) {
        size_t j = i;
        if (!fixed) {
            uint64_t v = by_distinct ? c->n2[i] : c->n[i];
            for (; j > 0; j--) {
                size_t p = idx[j - 1];
                uint64_t pv = by_distinct ? c->n2[p] : c->n[p];
                if (pv > v || (pv == v && strcmp(c->name[p], c->name[i]) < 0)) break;
                idx[j] = p;
            }
        }
        idx[j] = i;
    }
}

static ls_err counter_json(struct ls_buf *o, const struct counter *c, bool fixed)
{
    size_t idx[SUM_MAX_NAMES];
    order(c, fixed, false, idx);
    LS_TRY(ls_buf_addc(o, '{'));
    for (size_t x = 0; x < c->k; x++) {
        size_t i = idx[x];
        if (x) LS_TRY(ls_buf_addc(o, ','));
        LS_TRY(ls_json_cstr(o, c->name[i]));
        LS_TRY(ls_buf_printf(o, ":%llu", (unsigned long long)c->n[i]));
    }
    return ls_buf_addc(o, '}');
}

static ls_err entities_json(struct ls_buf *o, const struct counter *c)
{
    size_t idx[SUM_MAX_NAMES];
    order(c, false, true, idx);
    LS_TRY(ls_buf_addc(o, '{'));
    for (size_t x = 0; x < c->k; x++) {
        size_t i = idx[x];
        if (x) LS_TRY(ls_buf_addc(o, ','));
        LS_TRY(ls_json_cstr(o, c->name[i]));
        LS_TRY(ls_buf_printf(o, ":{\"findings\":%llu,\"distinct\":%llu}", (unsigned long long)c->n[i],
                             (unsigned long long)c->n2[i]));
    }
    return ls_buf_addc(o, '}');
}

/* One line of the human summary: " name count" per entry, in order(). */
static ls_err counter_line(struct ls_buf *o, const char *title, const struct counter *c, bool fixed,
                           bool by_distinct)
{
    size_t idx[SUM_MAX_NAMES];
    order(c, fixed, by_distinct, idx);
    LS_TRY(ls_buf_adds(o, title));
    for (size_t x = 0; x < c->k; x++)
        LS_TRY(ls_buf_printf(o, " %s %llu", c->name[idx[x]],
                             (unsigned long long)(by_distinct ? c->n2[idx[x]] : c->n[idx[x]])));
    return ls_buf_addc(o, '\n');
}

ls_err ls_summary_record(const struct ls_summary *s, double elapsed_s, struct ls_buf *o)
{
    LS_TRY(ls_buf_printf(o,
                         "{\"record\":\"summary\",\"roots\":%llu,\"objects\":%llu,\"quarantined\":%llu,"
                         "\"bytes_read\":%llu,\"bytes_expanded\":%llu,\"elapsed_s\":%.3f,\"verdicts\":",
                         (unsigned long long)s->roots, (unsigned long long)s->objects,
                         (unsigned long long)s->quarantined, (unsigned long long)s->bytes_read,
                         (unsigned long long)s->bytes_expanded, elapsed_s));
    LS_TRY(counter_json(o, &s->verdicts, true));
    LS_TRY(ls_buf_adds(o, ",\"coverage\":"));
    LS_TRY(counter_json(o, &s->coverage, true));
    LS_TRY(ls_buf_adds(o, ",\"coverage_reasons\":"));
    LS_TRY(counter_json(o, &s->reasons, false));
    LS_TRY(ls_buf_adds(o, ",\"alerts\":"));
    LS_TRY(counter_json(o, &s->alerts, false));
    LS_TRY(ls_buf_adds(o, ",\"findings\":"));
    LS_TRY(counter_json(o, &s->categories, false));
    LS_TRY(ls_buf_adds(o, ",\"entities\":"));
    LS_TRY(entities_json(o, &s->entities));
    LS_TRY(ls_buf_adds(o, ",\"rejected\":"));
    LS_TRY(counter_json(o, &s->rejected, false));
    return ls_buf_addc(o, '}');
}

ls_err ls_summary_human(const struct ls_summary *s, const char *manifest, double elapsed_s,
                        struct ls_buf *o)
{
    LS_TRY(ls_buf_printf(o, "leaksift: %llu files, %llu objects (incl. nested) in %.1fs\n",
                         (unsigned long long)s->roots, (unsigned long long)s->objects, elapsed_s));
    LS_TRY(counter_line(o, "  verdicts:", &s->verdicts, true, false));
    LS_TRY(ls_buf_printf(o, "  quarantined files: %llu\n", (unsigned long long)s->quarantined));
    if (s->entities.k) LS_TRY(counter_line(o, "  distinct values:", &s->entities, false, true));
    /* why objects were not read in full: what to look at by hand */
    if (s->reasons.k) LS_TRY(counter_line(o, "  not read in full:", &s->reasons, false, false));
    if (s->alerts.k) LS_TRY(counter_line(o, "  alerts:", &s->alerts, false, false));
    return ls_buf_printf(o, "  manifest: %s\n", manifest);
}

uint64_t ls_summary_roots(const struct ls_summary *s) { return s->roots; }
uint64_t ls_summary_quarantined(const struct ls_summary *s) { return s->quarantined; }
uint64_t ls_summary_flagged(const struct ls_summary *s) { return s->flagged; }
uint64_t ls_summary_objects(const struct ls_summary *s) { return s->objects; }
