/*
 * Manifest records of one root: "object" and "root_done" lines, built in an
 * ls_buf and handed over whole (docs/manifest.md is the reference). Every
 * string goes through ls_json_str(); names that are not valid UTF-8 are
 * written lossily plus a *_b64 twin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manifest/summary.h"
#include "pipeline/pipeline.h"
#include "pipeline/record.h"
#include "pipeline/splitset.h"

/* ---- the summary digest of the last record built (record.h) ---- */

#define DIG_HEAD 64 /* the line's first bytes: its id */
static _Thread_local struct ls_buf *dig_sink;
static _Thread_local bool dig_ready;
static _Thread_local size_t dig_len;
static _Thread_local char dig_head[DIG_HEAD];

void ls_record_digest_sink(struct ls_buf *b)
{
    dig_sink = b;
    dig_ready = false;
}

bool ls_record_digest_take(const char *line, size_t len, struct ls_slice *d)
{
    *d = ls_slice_make(NULL, 0);
    bool ok = dig_ready && dig_sink && len == dig_len && memcmp(line, dig_head, len < DIG_HEAD ? len : DIG_HEAD) == 0;
    dig_ready = false;
    if (ok) *d = ls_buf_slice(dig_sink);
    return ok;
}

/* The digest is ready for the line o holds from start on. */
static void dig_done(const struct ls_buf *o, size_t start)
{
    dig_len = o->len - start;
    memcpy(dig_head, o->ptr + start, dig_len < DIG_HEAD ? dig_len : DIG_HEAD);
    dig_ready = true;
}

const char *ls_verdict_name(int v)
{
    static const char *const names[] = {"clean", "sensitive", "hostile", "incomplete"};
    return v >= 0 && v < 4 ? names[v] : "incomplete";
}

const char *ls_coverage_name(const struct ls_obj_state *st)
{
    if (st->cov_none) return "none";
    return st->n_reasons ? "partial" : "full";
}

static ls_err tag_array(struct ls_buf *o, const char list[][LS_TAG_LEN], unsigned n)
{
    LS_TRY(ls_buf_addc(o, '['));
    for (unsigned i = 0; i < n; i++) {
        if (i) LS_TRY(ls_buf_addc(o, ','));
        LS_TRY(ls_json_cstr(o, list[i]));
    }
    return ls_buf_addc(o, ']');
}

static ls_err errors_array(struct ls_buf *o, const struct ls_obj_state *st)
{
    LS_TRY(ls_buf_addc(o, '['));
    const char *p = ls_buf_str(&st->errors);
    for (unsigned i = 0; i < st->n_errors; i++) {
        if (i) LS_TRY(ls_buf_addc(o, ','));
        LS_TRY(ls_json_cstr(o, p));
        p += strlen(p) + 1;
    }
    return ls_buf_addc(o, ']');
}

/* "key":"value" plus "key_b64":"..." when the value is not valid UTF-8. */
static ls_err name_field(struct ls_buf *o, const char *key, struct ls_slice v)
{
    bool lossy = false;
    LS_TRY(ls_buf_printf(o, ",\"%s\":", key));
    LS_TRY(ls_json_str(o, v, &lossy));
    if (lossy) {
        LS_TRY(ls_buf_printf(o, ",\"%s_b64\":", key));
        LS_TRY(ls_json_b64(o, v));
    }
    return LS_OK;
}

static ls_err chain_arrays(struct ls_buf *o, const struct ls_object *const *stack, size_t n);

/* A member's name as the manifest shows it: masked where the rules found a
 * value in it (pipeline.c, "names"). */
static struct ls_slice shown_name(const struct ls_object *p)
{
    const struct ls_obj_state *st = p->priv;
    if (st && st->shown_name.len) return ls_buf_slice(&st->shown_name);
    return ls_slice_make(p->name, p->name_len);
}

/* The root path as the manifest shows it (root_id stays the hash of the
 * path as given: --resume matches on it). */
static struct ls_slice shown_path(const struct ls_ctx *c)
{
    if (c->root_shown.len) return ls_buf_slice(&c->root_shown);
    return ls_slice_make(c->root_path, strlen(c->root_path));
}

/* A set root's parts by name (split.files), so whoever holds the
 * quarantine store knows every file of the set: each part's name is the
 * root's name as shown (values found in it masked) with that part's
 * suffix. Left out when the shown name does not end with the root's own
 * suffix (a mask reached into it) or a part's name is not a set's. */
static ls_err split_files(struct ls_buf *o, const struct ls_ctx *c)
{
    const struct ls_split_job *j = c->split;
    if (!j->names || j->part == 0 || j->part > j->n) return LS_OK;
    const char *root = j->names[j->part - 1];
    struct ls_split_name nm;
    if (!ls_split_parse(root, strnlen(root, 256), &nm)) return LS_OK;
    struct ls_slice shown = shown_path(c);
    size_t b = shown.len; /* the shown base name starts at b */
    while (b > 0 && shown.ptr[b - 1] != '/') b--;
    size_t sl = strnlen(root, 256) - nm.stem_len; /* the root's suffix */
    if (shown.len - b < sl || memcmp(shown.ptr + shown.len - sl, root + nm.stem_len, sl) != 0) return LS_OK;
    struct ls_slice stem = ls_slice_make(shown.ptr + b, shown.len - b - sl);
    for (unsigned i = 0; i < j->n; i++) {
        size_t l = strnlen(j->names[i], 256);
        if (l < nm.stem_len || memcmp(j->names[i], root, nm.stem_len) != 0) return LS_OK;
    }
    struct ls_buf one;
    ls_buf_init(&one, 1u << 20);
    bool lossy = false;
    ls_err e = ls_buf_adds(o, ",\"files\":[");
    for (unsigned i = 0; e == LS_OK && i < j->n; i++) {
        ls_buf_reset(&one);
        e = ls_buf_add(&one, stem.ptr, stem.len);
        if (e == LS_OK) e = ls_buf_add(&one, j->names[i] + nm.stem_len, strnlen(j->names[i], 256) - nm.stem_len);
        if (e == LS_OK && i) e = ls_buf_addc(o, ',');
        if (e == LS_OK) e = ls_json_str(o, ls_buf_slice(&one), &lossy);
    }
    if (e == LS_OK) e = ls_buf_addc(o, ']');
    ls_buf_free(&one);
    return e;
}

static ls_err chain_fields(struct ls_buf *o, const struct ls_object *obj)
{
    /* members from obj up to (not including) the root; depth is bounded by
     * --max-depth + 1, which may exceed the stack array */
    const struct ls_object *small[64], **stack = small;
    size_t n = obj->depth;
    if (n > 64 && !(stack = malloc(n * sizeof *stack))) return LS_E_NOMEM;
    n = 0;
    for (const struct ls_object *p = obj; p && p->parent && n < obj->depth; p = p->parent) stack[n++] = p;
    ls_err e = chain_arrays(o, stack, n);
    if (stack != small) free(stack);
    return e;
}

static ls_err chain_arrays(struct ls_buf *o, const struct ls_object *const *stack, size_t n)
{
    bool lossy = false;
    LS_TRY(ls_buf_adds(o, ",\"chain\":["));
    for (size_t i = n; i-- > 0;) {
        LS_TRY(ls_json_str(o, shown_name(stack[i]), &lossy));
        if (i) LS_TRY(ls_buf_addc(o, ','));
    }
    LS_TRY(ls_buf_addc(o, ']'));
    if (!lossy) return LS_OK;
    LS_TRY(ls_buf_adds(o, ",\"chain_b64\":["));
    for (size_t i = n; i-- > 0;) {
        LS_TRY(ls_json_b64(o, shown_name(stack[i])));
        if (i) LS_TRY(ls_buf_addc(o, ','));
    }
    return ls_buf_addc(o, ']');
}

static ls_err file_field(struct ls_buf *o, const struct ls_object *obj, const struct ls_obj_state *st)
{
    char hex[67] = "null";
    if (!st->no_content) {
        hex[0] = '"';
        ls_hex(st->sha256, 32, hex + 1);
        hex[65] = '"';
        hex[66] = 0;
    }
    LS_TRY(ls_buf_printf(o, ",\"file\":{\"size\":%zu,\"hash\":{\"sha256\":%s},\"mime_type\":",
                         obj->data.len, hex));
    LS_TRY(ls_json_cstr(o, st->mime));
    LS_TRY(ls_buf_adds(o, ",\"extension\":"));
    LS_TRY(ls_json_cstr(o, st->ext));
    if (st->declared_size) LS_TRY(ls_buf_printf(o, ",\"declared_size\":%llu",
                                                (unsigned long long)st->declared_size));
    /* libmagic quotes content (a JPEG comment, an OLE2 document's author
     * and title): the manifest is never a second leak */
    char magic[sizeof st->magic];
    size_t mlen = strnlen(st->magic, sizeof magic - 1);
    memcpy(magic, st->magic, mlen);
    magic[mlen] = 0;
    ls_redact_line(magic, mlen);
    LS_TRY(ls_buf_adds(o, "},\"magic\":"));
    LS_TRY(ls_json_cstr(o, magic));
    if (!st->subject[0]) return LS_OK;
    LS_TRY(ls_buf_adds(o, ",\"subject\":"));
    return ls_json_cstr(o, st->subject);
}

static ls_err id_fields(struct ls_buf *o, const struct ls_ctx *c, const struct ls_object *obj)
{
    LS_TRY(ls_buf_printf(o, "{\"record\":\"object\",\"id\":\"%s:%llu\",\"parent_id\":", c->root_id,
                         (unsigned long long)obj->index));
    if (obj->parent)
        LS_TRY(ls_buf_printf(o, "\"%s:%llu\"", c->root_id, (unsigned long long)obj->parent->index));
    else
        LS_TRY(ls_buf_adds(o, "null"));
    LS_TRY(ls_buf_printf(o, ",\"root_id\":\"%s\",\"depth\":%u", c->root_id, obj->depth));
    LS_TRY(name_field(o, "path", shown_path(c)));
    return chain_fields(o, obj);
}

static ls_err object_line(const struct ls_ctx *c, const struct ls_object *obj,
                          const struct ls_obj_state *st, int verdict, bool quarantine,
                          struct ls_buf *o)
{
    LS_TRY(id_fields(o, c, obj));
    LS_TRY(file_field(o, obj, st));
    if (!obj->parent && c->split) { /* a split archive's set root or later part */
        char sid[17];
        if (c->split->set_path) ls_root_id(c->split->set_path, sid);
        else memcpy(sid, c->root_id, sizeof sid);
        LS_TRY(ls_buf_printf(o, ",\"split\":{\"set_root_id\":\"%s\",\"part\":%u,\"parts\":%u", sid,
                             c->split->part, c->split->n));
        if (!c->split->set_path) LS_TRY(split_files(o, c));
        LS_TRY(ls_buf_addc(o, '}'));
    }
    LS_TRY(ls_buf_printf(o, ",\"ext_mismatch\":%s,\"handler\":",
                         ls_obj_has_tag(st, LS_A_EXT_MISMATCH) ? "true" : "false"));
    if (st->handler)
        LS_TRY(ls_json_cstr(o, st->handler->name));
    else
        LS_TRY(ls_buf_adds(o, "null"));
    LS_TRY(ls_buf_printf(o, ",\"coverage\":\"%s\",\"coverage_reasons\":", ls_coverage_name(st)));
    LS_TRY(tag_array(o, st->reasons, st->n_reasons));
    LS_TRY(ls_buf_adds(o, ",\"alerts\":"));
    LS_TRY(tag_array(o, st->alerts, st->n_alerts));
    LS_TRY(ls_buf_adds(o, ",\"errors\":"));
    LS_TRY(errors_array(o, st));
    LS_TRY(ls_buf_printf(o, ",\"text_bytes\":%zu,\"children\":%llu,\"findings\":", st->text.len,
                         (unsigned long long)st->children));
    LS_TRY(ls_findings_json(&st->findings, o));
    LS_TRY(ls_buf_adds(o, ",\"rejected\":"));
    LS_TRY(ls_findings_rejected_json(&st->findings, o));
    return ls_buf_printf(o, ",\"verdict\":\"%s\",\"quarantine\":%s}", ls_verdict_name(verdict),
                         quarantine ? "true" : "false");
}

/* The fields of an object record the summary folds (summary.h), as the
 * line gives them: false when one cannot be folded from the digest
 * exactly as from the line (then the line is parsed). */
static bool object_digest(const struct ls_ctx *c, const struct ls_object *obj, const struct ls_obj_state *st,
                          int verdict, bool quarantine, struct ls_buf *d)
{
    bool root = obj->depth == 0;
    unsigned flags = (root ? LS_SUMDIG_ROOT : 0) | (quarantine ? LS_SUMDIG_QUARANTINE : 0);
    if (root && !st->no_content) flags |= LS_SUMDIG_SHA;
    /* a split archive's later part: its bytes are its set root's */
    bool later = !obj->parent && c->split && c->split->set_path;
    if (later) {
        char sid[17];
        ls_root_id(c->split->set_path, sid);
        later = strcmp(sid, c->root_id) != 0;
    }
    if (root && !later) flags |= LS_SUMDIG_BYTES;
    if (st->declared_size > (uint64_t)INT64_MAX) return false; /* the line's JSON would not hold it */
    unsigned cov = st->cov_none ? 2 : st->n_reasons ? 1 : 0;
    if (!ls_sumdig_u8(d, LS_SUMDIG_OBJECT) || !ls_sumdig_u8(d, flags) ||
        !ls_sumdig_u8(d, verdict >= 0 && verdict < 4 ? (unsigned)verdict : 3) || !ls_sumdig_u8(d, cov))
        return false;
    if (root) {
        struct ls_slice p = shown_path(c);
        if ((p.len && memchr(p.ptr, 0, p.len)) || !ls_sumdig_u64(d, obj->data.len) ||
            ((flags & LS_SUMDIG_SHA) && !ls_sumdig_bytes(d, st->sha256, 32)) || !ls_sumdig_str(d, c->root_id) ||
            !ls_sumdig_u32(d, p.len) || !ls_sumdig_bytes(d, p.ptr, p.len))
            return false;
    }
    if (!ls_sumdig_u32(d, st->n_alerts)) return false;
    for (unsigned i = 0; i < st->n_alerts; i++)
        if (!ls_sumdig_str(d, st->alerts[i])) return false;
    if (!ls_sumdig_u32(d, st->n_reasons)) return false;
    for (unsigned i = 0; i < st->n_reasons; i++)
        if (!ls_sumdig_str(d, st->reasons[i])) return false;
    return ls_findings_digest(&st->findings, d);
}

ls_err ls_record_object(const struct ls_ctx *c, const struct ls_object *obj,
                        const struct ls_obj_state *st, int verdict, bool quarantine,
                        struct ls_buf *o)
{
    size_t start = o->len;
    dig_ready = false;
    LS_TRY(object_line(c, obj, st, verdict, quarantine, o));
    if (dig_sink) {
        ls_buf_reset(dig_sink);
        if (object_digest(c, obj, st, verdict, quarantine, dig_sink)) dig_done(o, start);
    }
    return LS_OK;
}

/* ---- distinct fingerprints per root ---- */

void ls_fpset_free(struct ls_fpset *s)
{
    free(s->fp);
    free(s->entity);
    ls_fpindex_free(&s->ix);
    memset(s, 0, sizeof *s);
}

/* The fingerprint is HMAC(entity ":" value): equal prefixes mean the same
 * entity, so the 16 bytes alone are the key. */
ls_err ls_fpset_add(struct ls_fpset *s, const uint8_t fp[32], const char *entity)
{
    if (ls_fpindex_find(&s->ix, s->fp, 16, 16, fp) != SIZE_MAX) return LS_OK;
    LS_TRY(ls_fpindex_reserve(&s->ix, s->fp, 16, s->n, 256));
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        uint8_t(*nfp)[16] = realloc(s->fp, cap * sizeof *nfp);
        if (!nfp) return LS_E_NOMEM;
        s->fp = nfp;
        const char **ne = realloc(s->entity, cap * sizeof *ne);
        if (!ne) return LS_E_NOMEM;
        s->entity = ne;
        s->cap = cap;
    }
    memcpy(s->fp[s->n], fp, 16);
    s->entity[s->n] = entity;
    ls_fpindex_insert(&s->ix, s->fp, 16, s->n++);
    return LS_OK;
}

static ls_err distinct_json(struct ls_buf *o, const struct ls_fpset *s)
{
    /* entities are few: count by linear passes over a small name list */
    const char *names[64];
    uint64_t counts[64];
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        size_t j = 0;
        while (j < k && strcmp(names[j], s->entity[i]) != 0) j++;
        if (j == k) {
            if (k == 64) continue;
            names[k] = s->entity[i];
            counts[k++] = 0;
        }
        counts[j]++;
    }
    LS_TRY(ls_buf_addc(o, '{'));
    for (size_t j = 0; j < k; j++) {
        if (j) LS_TRY(ls_buf_addc(o, ','));
        LS_TRY(ls_json_cstr(o, names[j]));
        LS_TRY(ls_buf_printf(o, ":%llu", (unsigned long long)counts[j]));
    }
    return ls_buf_addc(o, '}');
}

static ls_err root_done_line(const struct ls_ctx *c, struct ls_buf *o)
{
    LS_TRY(ls_buf_printf(o, "{\"record\":\"root_done\",\"root_id\":\"%s\"", c->root_id));
    LS_TRY(name_field(o, "path", shown_path(c)));
    LS_TRY(ls_buf_printf(o, ",\"objects\":%llu,\"verdicts\":{", (unsigned long long)c->objects));
    for (int v = 0; v < 4; v++)
        LS_TRY(ls_buf_printf(o, "%s\"%s\":%u", v ? "," : "", ls_verdict_name(v), c->verdict_counts[v]));
    LS_TRY(ls_buf_printf(o, "},\"expanded_bytes\":%llu,\"elapsed_s\":%.3f,\"distinct\":",
                         (unsigned long long)c->expanded, ls_now() - c->t_start));
    LS_TRY(distinct_json(o, &c->distinct));
    return ls_buf_addc(o, '}');
}

ls_err ls_record_root_done(const struct ls_ctx *c, struct ls_buf *o)
{
    size_t start = o->len;
    dig_ready = false;
    LS_TRY(root_done_line(c, o));
    if (dig_sink) {
        ls_buf_reset(dig_sink);
        if (ls_sumdig_u8(dig_sink, LS_SUMDIG_DONE) && ls_sumdig_u64(dig_sink, c->expanded)) dig_done(o, start);
    }
    return LS_OK;
}
