/*
 * Per-object processing, depth-first: identify -> hash -> dispatch ->
 * extract (children recurse through ls_emit_child) -> scan raw and text ->
 * verdict -> record. Records are emitted in post-order: a container's
 * record follows the records of its members, so its verdict can cover
 * everything nested inside it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "core/watch.h"
#include "extract/registry.h"
#include "extract/urlquery.h"
#include "pipeline/pipeline.h"
#include "pipeline/sibling.h"
#include "scan/media.h"

static struct ls_obj_state *state_of(const struct ls_object *o)
{
    return (struct ls_obj_state *)o->priv;
}

void ls_obj_state_init(struct ls_obj_state *st, struct ls_ctx *c)
{
    memset(st, 0, sizeof *st);
    st->ctx = c;
    ls_buf_init(&st->errors, 16u << 10);
    ls_buf_init(&st->text, c->lim->max_text);
    ls_buf_init(&st->labels, c->lim->max_text);
    ls_buf_init(&st->shown_name, NAME_SHOWN_MAX);
    struct ls_slice key = ls_slice_make(c->w->eng->fp_key, c->w->eng->fp_key_len);
    ls_findings_init(&st->findings, key, c->lim->max_evidence);
    st->subtree_verdict = -1;
}

void ls_obj_state_free(struct ls_obj_state *st)
{
    ls_buf_free(&st->errors);
    ls_buf_free(&st->text);
    ls_buf_free(&st->labels);
    ls_buf_free(&st->shown_name);
    ls_findings_free(&st->findings);
    ls_sib_reg_free(st->sib);
    st->sib = NULL;
}

/* ---- tags ---- */

static bool is_reason(const char *tag)
{
    static const char *const extra[] = {"worker_crash", "interrupted", "not_followed", "special_file",
                                        "unreadable",   "vanished"};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (strcmp(tag, extra[i]) == 0) return true;
    return strcmp(tag, LS_R_ENCRYPTED) == 0 || strcmp(tag, LS_R_TRUNCATED) == 0 ||
           strcmp(tag, LS_R_PARSE_ERROR) == 0 || strcmp(tag, LS_R_UNSUPPORTED) == 0 ||
           strncmp(tag, "limit:", 6) == 0;
}

static void add_tag(char list[][LS_TAG_LEN], unsigned *n, const char *tag)
{
    for (unsigned i = 0; i < *n; i++)
        if (strcmp(list[i], tag) == 0) return;
    if (*n >= LS_MAX_TAGS) return;
    snprintf(list[*n], LS_TAG_LEN, "%s", tag);
    (*n)++;
}

bool ls_obj_has_tag(const struct ls_obj_state *st, const char *tag)
{
    for (unsigned i = 0; i < st->n_reasons; i++)
        if (strcmp(st->reasons[i], tag) == 0) return true;
    for (unsigned i = 0; i < st->n_alerts; i++)
        if (strcmp(st->alerts[i], tag) == 0) return true;
    return false;
}

static void add_error(struct ls_obj_state *st, const char *msg)
{
    if (st->n_errors >= LS_MAX_ERRORS) return;
    if (ls_buf_adds(&st->errors, msg) != LS_OK || ls_buf_addc(&st->errors, 0) != LS_OK) return;
    st->n_errors++;
}

static void note_tag(struct ls_obj_state *st, const char *tag)
{
    if (is_reason(tag)) add_tag(st->reasons, &st->n_reasons, tag);
    if (!is_reason(tag) || strcmp(tag, LS_R_ENCRYPTED) == 0)
        add_tag(st->alerts, &st->n_alerts, tag);
}

void ls_note(struct ls_ctx *c, struct ls_object *o, const char *tag, const char *fmt, ...)
{
    (void)c;
    struct ls_obj_state *st = state_of(o);
    if (tag && *tag) note_tag(st, tag);
    if (fmt) {
        char msg[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        add_error(st, msg);
    }
}

void ls_set_coverage_none(struct ls_ctx *c, struct ls_object *o)
{
    (void)c;
    state_of(o)->cov_none = true;
}

/* ---- budgets ---- */

const struct ls_limits *ls_ctx_limits(const struct ls_ctx *c) { return c->lim; }

bool ls_ctx_expired(struct ls_ctx *c)
{
    if (!c->expired && c->lim->root_time_s && ls_now() - c->t_start > c->lim->root_time_s)
        c->expired = true;
    return c->expired;
}

uint64_t ls_budget_left(const struct ls_ctx *c)
{
    return c->expanded >= c->budget ? 0 : c->budget - c->expanded;
}

/* The root as a whole is a bomb once everything expanded below it passes
 * the floor and bomb_ratio times the root's own size. Members cut one by one
 * as bombs still add up: this is what ends a 42.zip after a few leaves
 * instead of after a thousand. */
static bool bomb_at(const struct ls_ctx *c, uint64_t expanded)
{
    const struct ls_limits *l = c->lim;
    expanded -= c->unratioed < expanded ? c->unratioed : expanded;
    if (l->bomb_ratio == 0 || expanded <= l->bomb_floor) return false;
    return expanded / (c->root_size ? c->root_size : 1) > l->bomb_ratio;
}

static bool root_is_bomb(const struct ls_ctx *c)
{
    return bomb_at(c, c->expanded);
}

ls_err ls_budget_charge(struct ls_ctx *c, struct ls_object *o, uint64_t n)
{
    c->pending += n;
    if (n > ls_budget_left(c)) {
        c->expanded = c->budget;
        ls_note(c, o, LS_R_LIMIT_BYTES, NULL);
        return LS_E_LIMIT;
    }
    c->expanded += n;
    if (root_is_bomb(c)) {
        ls_note(c, o, LS_A_ZIP_BOMB,
                "the root expands over %u:1 (%llu bytes from %llu); nothing more is unpacked",
                c->lim->bomb_ratio, (unsigned long long)c->expanded,
                (unsigned long long)c->root_size);
        ls_note(c, o, LS_R_LIMIT_BYTES, NULL);
        c->budget = c->expanded;
        return LS_E_LIMIT;
    }
    return LS_OK;
}

ls_err ls_budget_charge_holes(struct ls_ctx *c, struct ls_object *o, uint64_t n)
{
    if (n > ls_budget_left(c) || n > LS_HOLES_FREE - c->unratioed)
        return ls_budget_charge(c, o, n); /* the byte budget (and past LS_HOLES_FREE the ratio) as for data */
    c->pending += n;
    c->expanded += n;
    c->unratioed += n;
    return LS_OK;
}

bool ls_budget_takes(const struct ls_ctx *c, uint64_t n)
{
    return n <= ls_budget_left(c) && !bomb_at(c, c->expanded + n);
}

bool ls_budget_child_ok(struct ls_ctx *c, const struct ls_object *o)
{
    return !ls_ctx_expired(c) && c->members < c->lim->max_members && ls_budget_left(c) > 0 &&
           c->fatal == LS_OK && o->depth < c->lim->max_depth;
}

/* ---- text ---- */

/* Text that outgrows its object's bytes past the bomb ratio (POI's
 * poc-shared-strings.xlsx: 110 KB whose cells all repeat one long shared
 * string, 64 MiB of text) is a bomb like any other: cut there, so scanning
 * it costs what its bytes are worth. How much more text o may give. */
static size_t text_room(const struct ls_ctx *c, const struct ls_object *o, size_t have)
{
    uint64_t ratio = c->lim->bomb_ratio, in = o->data.len ? o->data.len : 1;
    if (ratio == 0 || in > UINT64_MAX / ratio) return SIZE_MAX;
    uint64_t cap = in * ratio > c->lim->bomb_floor ? in * ratio : c->lim->bomb_floor;
    return have >= cap ? 0 : cap - have > SIZE_MAX ? SIZE_MAX : (size_t)(cap - have);
}

ls_err ls_emit_text(struct ls_ctx *c, struct ls_object *o, const void *p, size_t n)
{
    struct ls_obj_state *st = state_of(o);
    size_t room = text_room(c, o, st->text.len);
    if (n > room) {
        if (room) (void)ls_emit_text(c, o, p, room); /* what fits; its own limit is said */
        if (!st->text_bomb) {
            st->text_bomb = true;
            ls_note(c, o, LS_A_ZIP_BOMB, "text expands over %u:1 of the object's %zu bytes "
                    "past %llu bytes; the rest is not read",
                    c->lim->bomb_ratio, o->data.len, (unsigned long long)c->lim->bomb_floor);
            ls_note(c, o, LS_R_LIMIT_TEXT, NULL);
        }
        return LS_E_LIMIT;
    }
    ls_err e = ls_utf8_fold_lossy(&st->text, ls_slice_make(p, n));
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, NULL);
    if (e == LS_E_NOMEM) ls_note(c, o, LS_R_LIMIT_MEMORY, NULL);
    return e;
}

ls_err ls_emit_labels(struct ls_ctx *c, struct ls_object *o, const void *p, size_t n)
{
    struct ls_obj_state *st = state_of(o);
    ls_err e = ls_utf8_fold_lossy(&st->labels, ls_slice_make(p, n));
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, NULL);
    if (e == LS_E_NOMEM) ls_note(c, o, LS_R_LIMIT_MEMORY, NULL);
    return e;
}

/* ---- subject ---- */

#define SUBJECT_MAX 200u

static bool subj_digit(int ch) { return ch >= '0' && ch <= '9'; }

static bool subj_local(int ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' ? true
           : subj_digit(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
}

/* Mask digits of runs with 6+ digits (single - . / or space between them)
 * but their last 4, and the local part of addresses but its first byte. */
static void subject_redact(char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (!subj_digit(s[i])) {
            i++;
            continue;
        }
        size_t j = i, digits = 0, end = i;
        while (j < n) {
            if (subj_digit(s[j])) {
                digits++;
                end = ++j;
            } else if ((s[j] == '-' || s[j] == '.' || s[j] == '/' || s[j] == ' ') && j + 1 < n &&
                       subj_digit(s[j + 1])) {
                j++;
            } else {
                break;
            }
        }
        if (digits >= 6)
            for (size_t k = i, seen = 0; k < end; k++)
                if (subj_digit(s[k]) && ++seen <= digits - 4) s[k] = '*';
        i = end;
    }
    for (size_t i = 1; i < n; i++) {
        if (s[i] != '@' || !subj_local(s[i - 1])) continue;
        size_t a = i;
        while (a > 0 && subj_local(s[a - 1])) a--;
        for (size_t k = a + 1; k < i; k++) s[k] = '*';
    }
}

void ls_redact_line(char *s, size_t n)
{
    subject_redact(s, n);
}

void ls_set_subject(struct ls_ctx *c, struct ls_object *o, const void *p, size_t n)
{
    (void)c;
    struct ls_obj_state *st = state_of(o);
    if (st->subject[0] || n == 0) return;
    size_t k = n < SUBJECT_MAX ? n : SUBJECT_MAX;
    memcpy(st->subject, p, k);
    for (size_t i = 0; i < k; i++) /* one line */
        if ((unsigned char)st->subject[i] < 0x20) st->subject[i] = ' ';
    st->subject[k] = 0;
    subject_redact(st->subject, k);
}

/* After extraction: the labels go at the end of the text (what `leaksift
 * text` shows), their offset kept for the scan. */
static void join_labels(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    st->labels_at = st->text.len;
    if (st->labels.len == 0) return;
    if (st->text.len && ls_buf_addc(&st->text, '\n') == LS_OK) st->labels_at = st->text.len;
    ls_err e = ls_buf_add(&st->text, st->labels.ptr, st->labels.len);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, NULL);
    if (e == LS_E_NOMEM) ls_note(c, o, LS_R_LIMIT_MEMORY, NULL);
    ls_buf_free(&st->labels);
}

/* ---- dispatch ---- */

/* The handler whose probe scores o highest, passing over those in
 * refused[0..n) (handlers that declined it). */
static const struct ls_handler *choose_handler(const struct ls_object *o, const struct ls_handler *const *refused,
                                               size_t n)
{
    const struct ls_handler *best = NULL;
    int best_score = 0;
    for (size_t i = 0; ls_handlers[i]; i++) {
        bool skip = false;
        for (size_t k = 0; k < n; k++) skip |= refused[k] == ls_handlers[i];
        int s = !skip && ls_handlers[i]->probe ? ls_handlers[i]->probe(o) : 0;
        if (s > best_score) {
            best = ls_handlers[i];
            best_score = s;
        }
    }
    return best;
}

static const char *reason_for_error(ls_err e)
{
    switch (e) {
    case LS_E_TRUNCATED: return LS_R_TRUNCATED;
    case LS_E_LIMIT: return LS_R_LIMIT_BYTES;
    case LS_E_TIMEOUT: return LS_R_LIMIT_TIME;
    case LS_E_ENCRYPTED: return LS_R_ENCRYPTED;
    case LS_E_UNSUPPORTED: return LS_R_UNSUPPORTED;
    case LS_E_NOMEM: return LS_R_LIMIT_MEMORY;
    default: return LS_R_PARSE_ERROR;
    }
}

static bool nothing_emitted(const struct ls_obj_state *st)
{
    return !st->children && !st->text.len && !st->labels.len && !st->n_reasons && !st->n_alerts &&
           !st->n_errors && !st->cov_none && !st->subject[0];
}

ls_err ls_decline(struct ls_ctx *c, struct ls_object *o)
{
    (void)c;
    struct ls_obj_state *st = state_of(o);
    if (!nothing_emitted(st)) return LS_E_INTERNAL;
    st->declined = true;
    return LS_OK;
}

/* A handler that declines the object (ls_decline()) is forgotten and the
 * next one that probes it runs, up to four times; a forced handler
 * (`leaksift text --as`) has no next. */
static void run_handler(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    const struct ls_handler *refused[4];
    size_t n_refused = 0;
    bool forced = o->depth == 0 && c->force_handler;
    st->handler = forced ? c->force_handler : choose_handler(o, refused, 0);
    ls_err e = LS_OK;
    while (st->handler) {
        st->declined = false;
        e = st->handler->extract(c, o);
        if (!st->declined || !nothing_emitted(st)) break; /* it went on after declining */
        refused[n_refused++] = st->handler;
        st->handler = forced || n_refused == sizeof refused / sizeof refused[0]
                          ? NULL
                          : choose_handler(o, refused, n_refused);
        e = LS_OK;
    }
    if (!st->handler || e == LS_OK || c->fatal != LS_OK) return;
    if (st->n_reasons == 0) note_tag(st, reason_for_error(e));
    if (st->n_errors == 0) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s: %s", st->handler->name, ls_err_name(e));
        add_error(st, msg);
    }
}

/* ---- scan ---- */

static void scan_at(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st,
                    struct ls_slice data, enum ls_where where, uint64_t base)
{
    const char *reason = NULL;
    ls_err e = ls_scanner_scan(c->w->scanner, data, where, base, &st->findings, &reason);
    for (size_t i = 0; i < st->findings.n_alert; i++) note_tag(st, st->findings.alert[i]); /* a rule's alert */
    if (e == LS_E_NOMEM) {
        note_tag(st, LS_R_LIMIT_MEMORY);
        return;
    }
    if (reason) ls_note(c, o, reason, "yara: scan of %s stopped (%s)",
                        where == LS_WHERE_RAW    ? "raw bytes"
                        : where == LS_WHERE_NAME ? "the name"
                                                 : "text",
                        reason);
}

/* ---- names ----
 *
 * A leak names its files after what they hold ("Smith 536-22-1874
 * passport.pdf", "HR/jane.roe@corp.example/"; a PST message after its
 * subject). An object's name (a member's name in its container, a root's
 * path as given, folders included) is scanned like its text (evidence
 * "where": "name"), and every value found
 * there is shown masked, by its redacted form, in the names the manifest
 * writes (path, chain): the manifest must not become a second leak. Only
 * values the rules find and validate are masked, so ordinary names keep
 * their digits and stay usable to find the file. */

#define NAME_SPANS_MAX 32u

struct name_span {
    size_t at, len;
    const char *redacted;
};

/* Every occurrence in name of the value e was first seen as. */
static void name_spans_of(struct ls_slice name, const struct ls_evidence *e, struct name_span *sp,
                          size_t *n)
{
    struct ls_slice v;
    if (e->len == 0 || !ls_slice_sub(name, (size_t)e->offset, e->len, &v)) return;
    for (size_t i = 0; *n < NAME_SPANS_MAX; i += v.len) {
        i = ls_slice_find(name, i, v.ptr, v.len);
        if (i >= name.len) break;
        sp[(*n)++] = (struct name_span){i, v.len, e->redacted};
    }
}

static void name_spans_sort(struct name_span *sp, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && sp[k].at < sp[k - 1].at; k--) {
            struct name_span t = sp[k];
            sp[k] = sp[k - 1];
            sp[k - 1] = t;
        }
}

/* name with the values found in it (findings "where": "name") replaced by
 * their redacted forms, into out; out stays empty if there are none. */
static void mask_name(const struct ls_findings *f, struct ls_slice name, struct ls_buf *out)
{
    struct name_span sp[NAME_SPANS_MAX];
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        for (size_t k = 0; k < f->f[i].n_ev; k++)
            if (f->f[i].ev[k].where == LS_WHERE_NAME) name_spans_of(name, &f->f[i].ev[k], sp, &n);
    if (n == 0) return;
    name_spans_sort(sp, n);
    size_t pos = 0;
    ls_err e = LS_OK;
    for (size_t i = 0; i < n && e == LS_OK; i++) {
        if (sp[i].at < pos) continue; /* overlaps one already masked */
        struct ls_slice keep;
        (void)ls_slice_sub(name, pos, sp[i].at - pos, &keep);
        e = ls_buf_add(out, keep.ptr, keep.len);
        if (e == LS_OK) e = ls_buf_adds(out, sp[i].redacted);
        pos = sp[i].at + sp[i].len;
    }
    struct ls_slice rest;
    if (e == LS_OK && ls_slice_from(name, pos, &rest)) e = ls_buf_add(out, rest.ptr, rest.len);
    if (e != LS_OK) { /* never the value itself */
        ls_buf_reset(out);
        if (ls_buf_adds(out, "(name withheld: it holds a value found by the rules)") != LS_OK)
            ls_buf_reset(out);
    }
}

static void scan_name(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st,
                      struct ls_buf *shown)
{
    struct ls_slice name = ls_slice_make(o->name, o->name_len);
    if (name.len == 0) return;
    scan_at(c, o, st, name, LS_WHERE_NAME, 0);
    mask_name(&st->findings, name, shown);
}

/* Error messages quote names too (a part, a macro sheet, a VBA storage, a
 * header): each message is scanned like a name, and the values found are
 * written masked. These matches only mask: the value belongs to the name
 * quoted, which is scanned (and counted) as that object's own name. */
static void mask_errors(struct ls_ctx *c, struct ls_obj_state *st)
{
    if (st->n_errors == 0) return;
    struct ls_buf out;
    ls_buf_init(&out, 16u << 10);
    struct ls_slice key = ls_slice_make(c->w->eng->fp_key, c->w->eng->fp_key_len);
    const char *p = ls_buf_str(&st->errors);
    bool changed = false;
    ls_err e = LS_OK;
    for (unsigned i = 0; i < st->n_errors && e == LS_OK; i++) {
        struct ls_slice msg = ls_slice_make(p, strlen(p));
        p += msg.len + 1;
        struct ls_findings f;
        ls_findings_init(&f, key, 64);
        const char *reason = NULL;
        struct ls_buf shown;
        ls_buf_init(&shown, NAME_SHOWN_MAX);
        if (ls_scanner_scan(c->w->scanner, msg, LS_WHERE_NAME, 0, &f, &reason) == LS_OK)
            mask_name(&f, msg, &shown);
        changed |= shown.len > 0;
        struct ls_slice w = shown.len ? ls_buf_slice(&shown) : msg;
        e = ls_buf_add(&out, w.ptr, w.len);
        if (e == LS_OK) e = ls_buf_addc(&out, 0);
        ls_buf_free(&shown);
        ls_findings_free(&f);
    }
    if (changed && e == LS_OK) {
        struct ls_buf t = st->errors;
        st->errors = out;
        out = t;
    }
    ls_buf_free(&out);
    if (e != LS_OK) { /* never a value unmasked */
        ls_buf_reset(&st->errors);
        st->n_errors = 0;
        add_error(st, "(messages withheld: out of memory while masking the values in them)");
    }
}

static void scan_one(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st,
                     struct ls_slice data, enum ls_where where)
{
    scan_at(c, o, st, data, where, where == LS_WHERE_LABELS ? st->labels_at : 0);
}

/* Media (images, audio, video, fonts) that no handler reads: pixels and
 * samples are noise in which a regex finds "a***@0.cc" or a phone number
 * now and then (the real-file sweep found both). Their text lives in
 * metadata (XMP packets, comments): printable runs. Only runs of at least
 * MEDIA_RUN_MIN printable ASCII bytes are scanned, each at its own offset;
 * noise makes such a run about once in 10^7 bytes. */
#define MEDIA_RUN_MIN 16u

static bool is_media(const char *mime)
{
    return strncmp(mime, "image/", 6) == 0 || strncmp(mime, "audio/", 6) == 0 ||
           strncmp(mime, "video/", 6) == 0 || strncmp(mime, "font/", 5) == 0;
}

static bool printable(uint8_t ch)
{
    return (uint8_t)(ch - 0x20) < 0x5f || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Whether no byte of the 8 at p lies outside 0x09-0x7E (a superset of
 * printable(): every printable byte is inside). Word-at-a-time tests for "a
 * byte below n" and "a byte above n", exact for n < 128. */
static bool media_block_maybe(const uint8_t *p)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t below = (x - ones * 0x09) & ~x & high;
    uint64_t above = ((x + ones * (127 - 0x7e)) | x) & high;
    return (below | above) == 0;
}

/*
 * Every maximal run of at least MEDIA_RUN_MIN printable bytes, in order,
 * each scanned at its own offset. This reads every byte of every image in a
 * document, so it looks at eight bytes at a time: a run of 16 or more covers
 * at least one whole block of eight at an index divisible by eight, so only
 * blocks whose eight bytes are all printable are looked at closely (the run
 * around them is found byte by byte, never before the end of the last run).
 * Pixel data is printable ~38% of the time at random: a block is a candidate
 * about once in 500, where a loop over the bytes' classes mispredicted about
 * every other byte (~5% of a run over real OOXML files, 280 MB/s; this one
 * runs at ~5 GB/s over the media of those files).
 */
static void scan_media_gap(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st,
                           struct ls_slice raw, size_t base)
{
    const uint8_t *p = raw.ptr;
    size_t n = raw.len, done = 0; /* bytes before `done` belong to runs already seen */
    for (size_t b = 0; n >= 8 && b <= n - 8; b += 8) {
        if (!media_block_maybe(p + b)) continue;
        size_t k = 0;
        while (k < 8 && printable(p[b + k])) k++;
        if (k < 8) continue;
        size_t s = b, e = b + 8;
        while (s > done && printable(p[s - 1])) s--;
        while (e < n && printable(p[e])) e++;
        struct ls_slice run;
        if (e - s >= MEDIA_RUN_MIN && ls_slice_sub(raw, s, e - s, &run))
            scan_at(c, o, st, run, LS_WHERE_RAW, base + s);
        done = e;
        b = (e + 7) / 8 * 8 - 8; /* the next block at or after e */
    }
}

/* The runs between the regions that hold pixels, colour tables, profiles
 * or glyphs (src/scan/media.c): digits in them read as phones and cards. */
static void scan_media_runs(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st,
                            struct ls_slice raw)
{
    struct ls_buf spans;
    ls_buf_init(&spans, LS_MEDIA_MAX_SPANS * sizeof(struct ls_span));
    (void)ls_media_opaque(raw, &spans);
    size_t at = 0;
    struct ls_slice gap;
    for (size_t k = 0; k + sizeof(struct ls_span) <= spans.len; k += sizeof(struct ls_span)) {
        struct ls_span x;
        memcpy(&x, spans.ptr + k, sizeof x);
        if (x.off > at && ls_slice_sub(raw, at, x.off - at, &gap)) scan_media_gap(c, o, st, gap, at);
        at = x.off + x.len;
    }
    if (at < raw.len && ls_slice_from(raw, at, &gap)) scan_media_gap(c, o, st, gap, at);
    ls_buf_free(&spans);
}

/* ---- UTF-16 strings in binaries ----
 *
 * Windows programs store text as UTF-16LE: resources of executables, event
 * logs, registry hives, databases, application caches. The rules match
 * bytes, so "S\0S\0N\0" is invisible to them. For an object no handler
 * read, or a container the opaque handler only names (a disk image's NTFS
 * names, hives and logs), and that is not media, runs of at least
 * WIDE_RUN_MIN UTF-16LE characters in U+0009-U+00FF (what `strings -el`
 * lists, Latin-1 included) are added to its text, one run per line, as
 * bulk_extractor does. UTF-16BE text (Java, Mac and network formats) is
 * found by the same scan one byte late, each pair a character's low byte
 * and the next one's zero: its last character pairs with what follows the
 * run, so a run after a zero byte takes the low byte after it as one more
 * character ("5\0" ... "7\0" then "4\xff": "536-22-1874", not "-187"). */

#define WIDE_RUN_MIN 6u
#define WIDE_CHUNK (64u << 10)

static bool wide_low(uint8_t lo)
{
    return (uint8_t)(lo - 0x20) < 0x5f || lo == '\t' || lo >= 0xa0;
}

static bool wide_char(const uint8_t *p)
{
    return p[1] == 0 && wide_low(p[0]);
}

/* Length in characters of the run of wide characters at s[i]. */
static size_t wide_span(struct ls_slice s, size_t i)
{
    size_t n = 0;
    while (i + 1 < s.len && wide_char(&s.ptr[i])) {
        i += 2;
        n++;
    }
    return n;
}

static ls_err wide_put(struct ls_buf *b, struct ls_slice s, size_t at, size_t n)
{
    for (size_t k = 0; k < n; k++) LS_TRY(ls_utf8_put(b, s.ptr[at + 2 * k]));
    return ls_buf_addc(b, '\n');
}

static void wide_runs(struct ls_ctx *c, struct ls_object *o, struct ls_slice raw)
{
    struct ls_buf out;
    ls_buf_init(&out, WIDE_CHUNK + 4 * 1024);
    ls_err e = LS_OK;
    size_t i = 0;
    while (i + 1 < raw.len && e == LS_OK) {
        size_t n = wide_span(raw, i);
        /* a UTF-16BE run's last character: the low byte after the run */
        size_t be_last = n && i > 0 && raw.ptr[i - 1] == 0 && i + 2 * n < raw.len && wide_low(raw.ptr[i + 2 * n]);
        size_t all = n + be_last;
        if (all < WIDE_RUN_MIN) {
            i += n ? 2 * n : 1;
            continue;
        }
        for (size_t done = 0; done < all && e == LS_OK;) { /* a huge run in pieces */
            size_t take = all - done < 1024 ? all - done : 1024;
            e = wide_put(&out, raw, i + 2 * done, take);
            done += take;
            if (e == LS_OK && out.len >= WIDE_CHUNK) {
                e = ls_emit_text(c, o, out.ptr, out.len);
                ls_buf_reset(&out);
            }
        }
        i += 2 * n;
    }
    if (e == LS_OK && out.len) e = ls_emit_text(c, o, out.ptr, out.len);
    ls_buf_free(&out);
}

/*
 * Addresses written with "%40" for '@': URLs in web server and proxy logs,
 * browser history, .url shortcuts and HAR captures keep a form's or a
 * link's address percent-encoded ("GET /reset?email=jane.roe%40corp.example",
 * "mailto:jane%40..."), where no rule sees an address. Each such token (the
 * address characters and escapes around a "%40": letters, digits, ._+-%
 * before it, a host name after it) is decoded and added to the object's
 * text on a line of its own. At most URL_ADDR_MAX a part; tokens of up to
 * 256 bytes each side.
 */
#define URL_ADDR_MAX 4096u
#define URL_ADDR_SIDE 256u

static bool url_local(uint8_t ch)
{
    return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
           ch == '+' || ch == '-' || ch == '%';
}

static bool url_host(uint8_t ch)
{
    return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
}

static int url_hex(uint8_t ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch |= 0x20;
    return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

static void url_addresses(struct ls_ctx *c, struct ls_object *o, struct ls_slice s)
{
    size_t found = 0;
    for (size_t at = ls_slice_find(s, 0, "%40", 3); at != SIZE_MAX && found < URL_ADDR_MAX;
         at = ls_slice_find(s, at + 3, "%40", 3)) {
        size_t b = at, e = at + 3, dot = 0;
        while (b > 0 && at - b < URL_ADDR_SIDE && url_local(s.ptr[b - 1])) b--;
        while (e < s.len && e - at - 3 < URL_ADDR_SIDE && url_host(s.ptr[e])) {
            if (s.ptr[e] == '.') dot = e;
            e++;
        }
        if (b == at || dot == 0 || dot + 1 >= e) continue; /* no local part, or a host without a dot */
        char buf[2 * URL_ADDR_SIDE + 8];
        size_t k = 0;
        for (size_t i = b; i < e; i++) {
            int h = i + 2 < e ? url_hex(s.ptr[i + 1]) : -1, l = i + 2 < e ? url_hex(s.ptr[i + 2]) : -1;
            if (s.ptr[i] == '%' && h >= 0 && l >= 0 && (h << 4 | l) >= 0x20 && (h << 4 | l) < 0x7F) {
                buf[k++] = (char)(h << 4 | l);
                i += 2;
            } else {
                buf[k++] = (char)s.ptr[i];
            }
        }
        buf[k++] = '\n';
        if (ls_emit_labels(c, o, buf, k) != LS_OK) return;
        found++;
    }
}

/*
 * Query strings and form bodies written percent-encoded (urlquery.h): their
 * fields decoded, one a line, added to the text as labels, so a card number,
 * phone or password a visitor typed into a form is seen by the rules once.
 */
#define URL_QUERY_OUT_MAX (4u << 20) /* decoded bytes a part: past them the rest of a huge log stays as written */

static void url_queries(struct ls_ctx *c, struct ls_object *o, struct ls_slice s)
{
    struct ls_buf b;
    ls_buf_init(&b, URL_QUERY_OUT_MAX);
    (void)ls_urlq_decode(s, &b);
    if (b.len) (void)ls_emit_labels(c, o, b.ptr, b.len);
    ls_buf_free(&b);
}

/*
 * Addresses spelled out against harvesters: "jane.roe (at) corp.example",
 * "j.roe[at]corp[dot]example", "info {AT} firma [DOT] de" (web pages,
 * signatures, forum posts). The bracketed words count: an "at" (or "@")
 * in (), [], {} or <> with blanks inside or not, a local part right before
 * it, and after it a host of two labels or more joined by "." or a
 * bracketed "dot" (or "."), or a bare " dot" once the "at" was bracketed:
 * "jane <at> corp <dot> example", "jane [@] corp [.] example", "jane [at]
 * corp dot example". Bare words only as spelled_plain() reads them ("at"
 * in prose is no "@"). Each is added to the text as an address, at most
 * URL_ADDR_MAX a part.
 */
/* The length of "(word)" (or [], {}, <>, blanks inside) at s[i], else 0;
 * sym, the symbol the word spells ('@', '.'), in the brackets counts too. */
static size_t spelled_word(struct ls_slice s, size_t i, const char *word, uint8_t sym)
{
    static const char open[] = "([{<", close[] = ")]}>";
    const char *k = i < s.len ? memchr(open, s.ptr[i], 4) : NULL;
    if (!k) return 0;
    size_t j = i + 1;
    while (j < s.len && j - i < 3 && s.ptr[j] == ' ') j++;
    if (j < s.len && s.ptr[j] == sym) {
        j++;
    } else {
        for (size_t w = 0; word[w]; w++, j++)
            if (j >= s.len || (s.ptr[j] | 0x20) != word[w]) return 0;
    }
    while (j < s.len && j - i < 8 && s.ptr[j] == ' ') j++;
    return j < s.len && s.ptr[j] == close[k - open] ? j + 1 - i : 0;
}

static bool plain_label_char(uint8_t ch)
{
    return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
}

/* Whether the n bytes at p are word (ASCII letters, any case). */
static bool plain_is(const uint8_t *p, size_t n, const char *word)
{
    size_t w = 0;
    for (; w < n && word[w]; w++)
        if ((p[w] | 0x20) != word[w]) return false;
    return w == n && !word[w];
}

/* A host label that is a word of prose ("look at the dot"), no host. */
static bool plain_stop(const uint8_t *p, size_t n)
{
    static const char *const stop[] = {"the",   "a",    "an",   "this", "that", "these", "those", "my",   "your",
                                       "our",   "his",  "her",  "its",  "their", "least", "most", "first", "last",
                                       "all",   "any",  "some", "each", "one",  "no",    "home",  "work", "end",
                                       "top",   "same", "once", "times", "night", "noon", "about", "which", "what"};
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (plain_is(p, n, stop[i])) return true;
    return false;
}

/* The last label of a bare spelled host: a common generic TLD, or two
 * letters (the email rule's validator checks the country code exists). */
static bool plain_tld(const char *p, size_t n)
{
    static const char *const gen[] = {"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io"};
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) < 'a' || (p[i] | 0x20) > 'z') return false;
    if (n == 2) return true;
    for (size_t i = 0; i < sizeof gen / sizeof gen[0]; i++)
        if (plain_is((const uint8_t *)p, n, gen[i])) return true;
    return false;
}

/*
 * Bare words: "jane at example dot com", "JANE AT EXAMPLE DOT COM": " at "
 * and " dot " with one blank each side, both lower or both upper case, the
 * host's labels (letters, digits, '-', no word of prose) joined by " dot "
 * only, two or more, the last a common generic TLD or a country code. The
 * walk goes from each " dot " (rare in prose) back to its " at ".
 */
static void spelled_plain(struct ls_ctx *c, struct ls_object *o, struct ls_slice s, size_t *found)
{
    static const char *const dots[] = {" dot ", " DOT "}, *const ats[] = {" at ", " AT "};
    for (size_t v = 0; v < 2; v++) {
        for (size_t hit = ls_slice_find(s, 0, dots[v], 5); hit != SIZE_MAX && *found < URL_ADDR_MAX;
             hit = ls_slice_find(s, hit + 5, dots[v], 5)) {
            size_t p = hit, at = SIZE_MAX;
            for (size_t hops = 0; hops < 8; hops++) {
                size_t b = p;
                while (b > 0 && p - b < 63 && plain_label_char(s.ptr[b - 1])) b--;
                if (b == p) break;
                if (b >= 4 && memcmp(s.ptr + b - 4, ats[v], 4) == 0) {
                    at = b - 4;
                    break;
                }
                if (b < 5 || memcmp(s.ptr + b - 5, dots[v], 5) != 0) break;
                p = b - 5;
            }
            if (at == SIZE_MAX) continue;
            size_t lb = at;
            while (lb > 0 && at - lb < 64 && url_local(s.ptr[lb - 1]) && s.ptr[lb - 1] != '%') lb--;
            while (lb < at && s.ptr[lb] == '.') lb++;
            if (lb == at) continue;
            char buf[3 * URL_ADDR_SIDE + 8];
            size_t k = at - lb, i = at + 4, labels = 0, last = 0;
            memcpy(buf, s.ptr + lb, k);
            buf[k++] = '@';
            bool stop = false;
            for (;;) {
                size_t n = 0;
                while (i + n < s.len && n < 63 && plain_label_char(s.ptr[i + n])) n++;
                if (n == 0 || k + n + 2 >= sizeof buf) break;
                if (plain_stop(s.ptr + i, n)) {
                    stop = true;
                    break;
                }
                last = k;
                memcpy(buf + k, s.ptr + i, n);
                k += n;
                i += n;
                labels++;
                if (i + 5 < s.len && memcmp(s.ptr + i, dots[v], 5) == 0 && plain_label_char(s.ptr[i + 5])) {
                    buf[k++] = '.';
                    i += 5;
                } else {
                    break;
                }
            }
            if (i > hit + 5) hit = i - 5; /* the next search starts after this address */
            if (stop || labels < 2 || !plain_tld(buf + last, k - last)) continue;
            buf[k++] = '\n';
            if (ls_emit_labels(c, o, buf, k) != LS_OK) return;
            (*found)++;
        }
    }
}

/* Whether s may hold one of spelled_addresses()'s needles: a closing
 * bracket right after "at" in any case, or after it and one blank. One
 * memchr() walk a bracket instead of twelve memmem() walks over every
 * object's bytes and text, most of which hold none. */
static bool spelled_maybe(struct ls_slice s)
{
    static const char close[] = ")]}>";
    if (s.len < 3) return false;
    for (size_t k = 0; k < 4; k++) {
        for (size_t at = 2; at < s.len;) {
            const uint8_t *p = memchr(s.ptr + at, close[k], s.len - at);
            if (!p) break;
            size_t i = (size_t)(p - s.ptr);
            at = i + 1;
            if (s.ptr[i - 1] == ' ' && i >= 3) i--;
            if (((s.ptr[i - 2] | 0x20) == 'a' && (s.ptr[i - 1] | 0x20) == 't') || s.ptr[i - 1] == '@') return true;
        }
    }
    return false;
}

static void spelled_addresses(struct ls_ctx *c, struct ls_object *o, struct ls_slice s)
{
    static const char *const needles[] = {"at)", "AT)", "At)", "at]", "AT]", "At]", "at}", "AT}", "at>", "AT>",
                                          "at )", "AT )", "at ]", "AT ]", "at >", "@)", "@]", "@}", "@>", "@ )", "@ ]"};
    size_t found = 0;
    spelled_plain(c, o, s, &found);
    if (found >= URL_ADDR_MAX || !spelled_maybe(s)) return;
    for (size_t n = 0; n < sizeof needles / sizeof needles[0]; n++) {
        size_t nl = strlen(needles[n]);
        for (size_t hit = ls_slice_find(s, 0, needles[n], nl); hit != SIZE_MAX && found < URL_ADDR_MAX;
             hit = ls_slice_find(s, hit + nl, needles[n], nl)) {
            size_t ob = hit; /* the opening bracket */
            while (ob > 0 && hit - ob < 3 && s.ptr[ob - 1] == ' ') ob--;
            if (ob == 0) continue;
            ob--;
            size_t wl = spelled_word(s, ob, "at", '@');
            if (!wl) continue;
            size_t le = ob; /* the local part ends before blanks */
            while (le > 0 && ob - le < 2 && s.ptr[le - 1] == ' ') le--;
            size_t lb = le;
            while (lb > 0 && le - lb < URL_ADDR_SIDE && url_local(s.ptr[lb - 1]) && s.ptr[lb - 1] != '%') lb--;
            while (lb < le && s.ptr[lb] == '.') lb++;
            if (lb == le) continue;
            char buf[3 * URL_ADDR_SIDE + 8];
            size_t k = 0;
            memcpy(buf, s.ptr + lb, le - lb);
            k = le - lb;
            buf[k++] = '@';
            size_t i = ob + wl, labels = 0;
            while (i < s.len && i - ob - wl < 2 && s.ptr[i] == ' ') i++;
            for (;;) {
                size_t st = i;
                while (i < s.len && i - st < 63 && k < sizeof buf - 2 && url_host(s.ptr[i]) && s.ptr[i] != '.') buf[k++] = (char)s.ptr[i++];
                if (i == st) break;
                labels++;
                size_t d = i;
                while (d < s.len && d - i < 2 && s.ptr[d] == ' ') d++;
                size_t dl = d < s.len ? spelled_word(s, d, "dot", '.') : 0;
                if (i < s.len && s.ptr[i] == '.' && i + 1 < s.len && url_host(s.ptr[i + 1]) && s.ptr[i + 1] != '.') {
                    i++;
                } else if (dl) {
                    i = d + dl;
                    while (i < s.len && i - d - dl < 2 && s.ptr[i] == ' ') i++;
                } else if (i + 5 < s.len && (memcmp(s.ptr + i, " dot ", 5) == 0 || memcmp(s.ptr + i, " DOT ", 5) == 0) &&
                           url_host(s.ptr[i + 5]) && s.ptr[i + 5] != '.') {
                    i += 5; /* a bare " dot " after a bracketed "at": "jane [at] corp dot example" */
                } else {
                    break;
                }
                if (k >= sizeof buf - 2) break;
                buf[k++] = '.';
            }
            if (buf[k - 1] == '.') k--; /* "corp (dot) example (dot)" */
            size_t tld = k; /* the last label: letters only (no "price (at) 5.00") */
            while (tld > 0 && buf[tld - 1] != '.' && buf[tld - 1] != '@') tld--;
            bool alpha = k - tld >= 2;
            for (size_t t = tld; t < k && alpha; t++) alpha = ((buf[t] | 0x20) >= 'a' && (buf[t] | 0x20) <= 'z');
            if (labels < 2 || !alpha) continue;
            buf[k++] = '\n';
            if (ls_emit_labels(c, o, buf, k) != LS_OK) return;
            found++;
        }
    }
}

/* Handlers that decode a binary container whole. When one of them read the
 * object with full coverage, its text and members are the content, and its
 * raw bytes (deflated streams, font programs, pixel data, members scanned
 * again as children) only add matches made of noise: "n***@q.zrydb" out of a
 * compressed PDF stream, card numbers out of a font's width array, an
 * address glued to the number in the field before it in a dBASE record
 * ("84250.00j.mueller@..."), a QIF field's one-letter code glued to its
 * value ("Mada.moss@...": qif.c writes every field apart), a metafile's
 * string glued to its text record's next field ("536-22-8714F": metafile.c
 * writes each string on a line). Their raw
 * bytes are scanned only when the handler could not read all of it, and
 * those of an archive that gave no member and no text (it costs nothing
 * to scan; a weak guess the decoder refused is declined, ls_decline()):
 * one of empty folders gave their names as text, which its raw bytes hold
 * again (a zip twice: local headers and directory), each value counted
 * anew. */
bool ls_obj_raw_redundant(const struct ls_obj_state *st)
{
    static const char *const whole[] = {"archive", "ooxml", "odf", "pdf", "ole2", "msg",           "pst",
                                        "mbox",    "iwa",  "pgp", "git", "dbf", "hwp", "androidbackup", "qif",
                                        "zlib",    "sas7bdat", "spss", "stata", "xpt", "asar", "metafile"};
    if (!st->handler || st->cov_none || st->n_reasons) return false;
    if (st->children == 0 && st->text.len == 0 && strcmp(st->handler->name, "archive") == 0) return false;
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
        if (strcmp(st->handler->name, whole[i]) == 0) return true;
    return false;
}

/*
 * Media are not parsed, but a cut image is a damaged file, and a leak's
 * interrupted downloads and carved files are cut: JPEG and PNG (the two
 * that documents and mail carry most) say where they end, so an image that
 * ends early is noted `truncated` (coverage partial). Nothing is judged
 * where the layout is not the expected one (no verdict on damage that is
 * not a cut).
 */
static unsigned be16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* JPEG: the marker segments from SOI up to the first top-level SOS (an
 * EXIF thumbnail's own EOI lies inside APP1 and is skipped with it), then
 * an EOI anywhere after it: inside entropy-coded data 0xFF is always
 * followed by 0x00 or a restart marker, so FF D9 there is the end (data
 * appended after it, as in motion photos, is no cut). */
static bool jpeg_cut(struct ls_slice d)
{
    if (d.len < 4 || d.ptr[0] != 0xFF || d.ptr[1] != 0xD8) return false;
    size_t i = 2;
    while (i + 2 <= d.len) {
        if (d.ptr[i] != 0xFF) return false; /* not the layout expected: no judgement */
        unsigned m = d.ptr[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD9) return false;
        if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            i += 2;
            continue;
        }
        if (i + 4 > d.len) return true; /* cut inside a segment's length */
        size_t len = be16(d.ptr + i + 2);
        if (len < 2) return false;
        if (m == 0xDA) {
            struct ls_slice rest;
            if (!ls_slice_from(d, i + 2 + len, &rest)) return true;
            return ls_slice_find(rest, 0, "\xFF\xD9", 2) == SIZE_MAX;
        }
        i += 2 + len;
    }
    return true; /* cut before the image data */
}

/* PNG: chunk by chunk (length, type, data, CRC) up to IEND. */
static bool png_cut(struct ls_slice d)
{
    if (d.len < 8 || memcmp(d.ptr, "\x89PNG\r\n\x1a\n", 8) != 0) return false;
    size_t i = 8;
    while (i + 8 <= d.len) {
        uint64_t len = (uint64_t)be16(d.ptr + i) << 16 | be16(d.ptr + i + 2);
        if (memcmp(d.ptr + i + 4, "IEND", 4) == 0) return false;
        if (len > d.len - i - 8 || d.len - i - 8 - len < 4) return true;
        i += 12 + (size_t)len;
    }
    return true;
}

/*
 * A fax or a scanned document kept as TIFF: pages of one bit per pixel
 * (CCITT Group 3/4 or uncompressed/PackBits/LZW bilevel), the format of fax
 * servers and document scanners. Like a PDF of scanned pages, what they
 * show is a document leaksift cannot read (no OCR); a photo (grey, colour)
 * is not judged. The IFD chain of a classic TIFF (II*\0 or MM\0*) is
 * walked (at most TIFF_MAX_PAGES IFDs and TIFF_MAX_ENTRIES entries in all,
 * each IFD inside the file and after the one before: libtiff and scanners
 * write them in file order, and a chain that turns back ends there, so a
 * loop counts no page twice); reduced-resolution images
 * (NewSubfileType bit 0: thumbnails) are no pages. A page is bilevel when
 * it is black and white (PhotometricInterpretation 0 or 1: not a palette)
 * and its Compression is CCITT (2, 3, 4) or its BitsPerSample is 1 (the
 * default when absent) with one sample per pixel.
 */
#define TIFF_MAX_PAGES 4096u
#define TIFF_MAX_ENTRIES (1u << 20)

static bool tiff_u16(struct ls_slice d, size_t at, bool be, unsigned *v)
{
    if (at > d.len || d.len - at < 2) return false;
    const uint8_t *p = d.ptr + at;
    *v = be ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
    return true;
}

static bool tiff_u32(struct ls_slice d, size_t at, bool be, uint32_t *v)
{
    unsigned hi, lo;
    if (!tiff_u16(d, at, be, be ? &hi : &lo) || !tiff_u16(d, at + 2, be, be ? &lo : &hi)) return false;
    *v = (uint32_t)hi << 16 | lo;
    return true;
}

/* Pages and bilevel pages of a classic TIFF; false if d is none. */
static bool tiff_pages(struct ls_slice d, unsigned *pages, unsigned *bilevel)
{
    *pages = *bilevel = 0;
    bool be;
    if (d.len >= 8 && memcmp(d.ptr, "II*\0", 4) == 0) be = false;
    else if (d.len >= 8 && memcmp(d.ptr, "MM\0*", 4) == 0) be = true;
    else return false;
    uint32_t off, prev = 0;
    size_t entries = 0; /* read so far: bounds the work of 4096 huge IFDs */
    (void)tiff_u32(d, 4, be, &off);
    for (unsigned n = 0; n < TIFF_MAX_PAGES && off >= 8 && off > prev; n++) {
        unsigned count;
        if (!tiff_u16(d, off, be, &count) || (size_t)count * 12 > d.len - off - 2) break;
        if ((entries += count) > TIFF_MAX_ENTRIES) break;
        unsigned compression = 1, bits = 1, samples = 1, photometric = 0;
        uint32_t subfile = 0;
        for (unsigned i = 0; i < count; i++) {
            size_t e = (size_t)off + 2 + (size_t)i * 12;
            unsigned tag = 0, type = 0, v = 0;
            uint32_t cnt = 0, v32 = 0;
            (void)tiff_u16(d, e, be, &tag);
            (void)tiff_u16(d, e + 2, be, &type);
            (void)tiff_u32(d, e + 4, be, &cnt);
            /* a SHORT's value is the first two bytes of the value field, a LONG's all four */
            bool is_short = type == 3, is_long = type == 4;
            if (!is_short && !is_long) continue;
            if (is_short) {
                (void)tiff_u16(d, e + 8, be, &v);
                v32 = v;
            } else {
                (void)tiff_u32(d, e + 8, be, &v32);
                v = v32 > 0xFFFFu ? 0xFFFFu : (unsigned)v32;
            }
            if (tag == 254) subfile = v32;
            else if (tag == 259 && cnt == 1) compression = v;
            else if (tag == 258) bits = cnt == 1 ? v : 0; /* several samples: never bilevel */
            else if (tag == 277 && cnt == 1) samples = v;
            else if (tag == 262 && cnt == 1) photometric = v;
        }
        if (!(subfile & 1u)) {
            (*pages)++;
            if (photometric <= 1 && /* black and white, not a two-colour palette */
                (compression == 2 || compression == 3 || compression == 4 || (bits == 1 && samples == 1)))
                (*bilevel)++;
        }
        prev = off;
        if (!tiff_u32(d, (size_t)off + 2 + (size_t)count * 12, be, &off)) break;
    }
    return true;
}

static void media_cut(struct ls_ctx *c, struct ls_object *o, const struct ls_obj_state *st)
{
    unsigned pages, bilevel;
    if (strcmp(st->mime, "image/jpeg") == 0 && jpeg_cut(o->data))
        ls_note(c, o, LS_R_TRUNCATED, "image/jpeg: no end-of-image marker after the image data (cut)");
    else if (strcmp(st->mime, "image/png") == 0 && png_cut(o->data))
        ls_note(c, o, LS_R_TRUNCATED, "image/png: the data ends before its IEND chunk (cut)");
    else if (strcmp(st->mime, "image/tiff") == 0 && tiff_pages(o->data, &pages, &bilevel) && bilevel &&
             bilevel >= pages - bilevel)
        ls_note(c, o, LS_R_UNSUPPORTED,
                "image/tiff: %u of %u pages are bilevel images (a fax or a scan): what they show is not "
                "read (no OCR)",
                bilevel, pages);
}

/* A root file with holes (a sparse file, api.c) larger than max_scan: the
 * holes are zeros, in which no rule finds anything, so only its data
 * extents are scanned, each at its own offset, up to max_scan bytes of
 * data. Whether all of the data was scanned is what the coverage says. */
static void scan_root_extents(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    uint64_t left = c->lim->max_scan, data = 0, scanned = 0;
    for (size_t i = 0; i < c->n_root_ext; i++) {
        uint64_t a = c->root_ext[i][0], b = c->root_ext[i][1];
        if (a >= o->data.len) break;
        if (b > o->data.len) b = o->data.len;
        data += b - a;
        uint64_t n = b - a < left ? b - a : left;
        if (!n) continue;
        scan_at(c, o, st, ls_slice_make(o->data.ptr + a, (size_t)n), LS_WHERE_RAW, a);
        scanned += n;
        left -= n;
    }
    if (scanned < data)
        ls_note(c, o, LS_R_LIMIT_SCAN, "sparse file: scanned the first %llu of its %llu bytes of data (its "
                "%llu bytes of holes are zeros)", (unsigned long long)scanned, (unsigned long long)data,
                (unsigned long long)(o->data.len - data));
    else
        ls_note(c, o, NULL, "sparse file: all %llu bytes of its data scanned; its %llu bytes of holes are "
                "zeros", (unsigned long long)data, (unsigned long long)(o->data.len - data));
}

static void scan_object(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    struct ls_slice raw = ls_obj_raw_redundant(st) ? ls_slice_make(NULL, 0) : o->data;
    bool sparse = raw.len > c->lim->max_scan && o->depth == 0 && c->root_ext &&
                  !(!st->handler && is_media(st->mime));
    if (sparse) {
        scan_root_extents(c, o, st);
    } else if (raw.len > c->lim->max_scan) {
        raw.len = (size_t)c->lim->max_scan;
        ls_note(c, o, LS_R_LIMIT_SCAN, "scanned the first %llu of %zu bytes",
                (unsigned long long)c->lim->max_scan, o->data.len);
    }
    if (!st->handler && is_media(st->mime)) {
        media_cut(c, o, st);
        scan_media_runs(c, o, st, raw);
    } else if (!sparse) {
        scan_one(c, o, st, raw, LS_WHERE_RAW);
    }
    struct ls_slice text = ls_buf_slice(&st->text), own, labels;
    (void)ls_slice_sub(text, 0, st->labels_at, &own);
    (void)ls_slice_from(text, st->labels_at, &labels);
    if (own.len) scan_one(c, o, st, own, LS_WHERE_TEXT);
    if (labels.len) scan_one(c, o, st, labels, LS_WHERE_LABELS);
}

/* ---- verdict ---- */

static bool has_hostile_alert(const struct ls_obj_state *st)
{
    for (unsigned i = 0; i < st->n_alerts; i++)
        if (strcmp(st->alerts[i], LS_R_ENCRYPTED) != 0) return true;
    return false;
}

static int own_verdict(const struct ls_obj_state *st)
{
    if (has_hostile_alert(st)) return LS_VERDICT_HOSTILE;
    if (ls_findings_count(&st->findings)) return LS_VERDICT_SENSITIVE;
    if (st->cov_none || st->n_reasons) return LS_VERDICT_INCOMPLETE;
    return LS_VERDICT_CLEAN;
}

/* Severity order for aggregation: hostile > sensitive > incomplete > clean. */
static int worse(int a, int b)
{
    static const int rank[4] = {0, 2, 3, 1};
    if (a < 0) return b;
    if (b < 0) return a;
    return rank[a] >= rank[b] ? a : b;
}

static void collect_distinct(struct ls_ctx *c, const struct ls_obj_state *st)
{
    for (size_t i = 0; i < st->findings.n; i++) {
        const struct ls_finding *x = &st->findings.f[i];
        for (size_t k = 0; k < x->n_ev; k++) (void)ls_fpset_add(&c->distinct, x->ev[k].fp, x->entity);
        for (size_t k = 0; k < x->n_xfp; k++) (void)ls_fpset_add(&c->distinct, x->xfp[k], x->entity);
    }
}

static void emit_record(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    int v = worse(own_verdict(st), st->subtree_verdict);
    bool q = (c->w->eng->cfg.quarantine_mask >> v) & 1u;
    mask_errors(c, st);
    struct ls_buf line;
    ls_buf_init(&line, 256u << 20);
    ls_err e = ls_record_object(c, o, st, v, q, &line);
    if (e == LS_OK && c->fn(c->ud, LS_REC_OBJECT, ls_buf_str(&line), line.len) != 0) e = LS_E_IO;
    if (e != LS_OK && c->fatal == LS_OK) c->fatal = e;
    ls_buf_free(&line);
    c->objects++;
    ls_watch_object();
    c->verdict_counts[v]++;
    collect_distinct(c, st);
    if (o->parent) {
        struct ls_obj_state *ps = state_of(o->parent);
        ps->subtree_verdict = worse(ps->subtree_verdict, v);
    }
}

/*
 * Random bytes with no format. A VeraCrypt or TrueCrypt volume (and any
 * container encrypted without a header) is indistinguishable from random
 * data: libmagic says "data", no handler reads it, and the raw-byte scan
 * finds nothing, so it read as fully covered and clean. An object that no
 * handler read, that libmagic has no type for, of at least RANDOM_MIN
 * bytes (RANDOM_MIN_NAMED when named as a volume: .hc, .tc, .vc, as a
 * WhatsApp backup: msgstore.db.crypt12/14/15, AES-GCM after a short key
 * header, or as a split archive's part, split_volume(); smaller
 * random files are more often test noise, key files or caches than
 * volumes), is noted `encrypted` (its content cannot be read) when its first
 * MiB, and the MiB in its middle when it is longer, look like random
 * bytes: the byte counts' chi-square (255 degrees of freedom: mean 255,
 * standard deviation 22.6) within eight deviations of the mean (a counter
 * or a table of every byte value is too even), and the correlation of each
 * byte with the next within eight standard errors of zero (1/sqrt(n)).
 * Compressed streams that carry a header (gzip, xz, zstd, 7z ...) have a
 * type and a reader; text, executables, images, databases and headerless
 * structured data are far from uniform.
 *
 * An encrypted SQLite database (SQLCipher, SEE, wxSQLite3) encrypts its
 * header too: random bytes in whole pages. Named as a database (.db,
 * .sqlite ..., db_name()) and a multiple of 512 bytes (the smallest page),
 * it is noted `encrypted` from RANDOM_MIN_DB bytes on (four 1 KiB pages: an
 * app's empty SQLCipher store is a few pages; 4 KiB still give 16 bytes per
 * byte value, enough for the chi-square above).
 */
#define RANDOM_MIN (1u << 20)
#define RANDOM_MIN_NAMED (64u << 10)
#define RANDOM_MIN_DB (4u << 10)
#define RANDOM_SAMPLE (1u << 20)
#define RANDOM_CHI2_MIN 74.0
#define RANDOM_CHI2_MAX 436.0

static bool uniform_sample(struct ls_slice d)
{
    uint32_t count[256] = {0};
    double sx = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < d.len; i++) {
        double x = d.ptr[i], y = d.ptr[i + 1 < d.len ? i + 1 : 0]; /* cyclic, as ent(1) */
        count[d.ptr[i]]++;
        sx += x;
        sxx += x * x;
        sxy += x * y;
    }
    double n = (double)d.len, want = n / 256.0, chi2 = 0;
    for (unsigned b = 0; b < 256; b++) {
        double dev = (double)count[b] - want;
        chi2 += dev * dev / want;
    }
    if (chi2 < RANDOM_CHI2_MIN || chi2 > RANDOM_CHI2_MAX) return false;
    double var = n * sxx - sx * sx;
    if (var <= 0) return false;
    double r = (n * sxy - sx * sx) / var;
    return fabs(r) <= 8.0 / sqrt(n);
}

/* The later parts of a split archive (7-Zip/HJSplit .002, zip .z01, RAR 2
 * .r00) are compressed data without a header: random bytes too. */
static bool split_volume(const char *ext)
{
    size_t n = strlen(ext);
    bool digits = n >= 2 && n <= 4;
    for (size_t i = 0; i < n && digits; i++) digits = ext[i] >= '0' && ext[i] <= '9';
    if (digits) return true;
    return n == 3 && (ext[0] == 'z' || ext[0] == 'r') && ext[1] >= '0' && ext[1] <= '9' && ext[2] >= '0' &&
           ext[2] <= '9';
}

/* Names SQLite databases go by (SQLCipher keeps them). */
static bool db_name(const char *ext)
{
    static const char *const names[] = {"db", "db3", "sqlite", "sqlite3", "sqlitedb", "sdb", "s3db", "sqlcipher"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(ext, names[i]) == 0) return true;
    return false;
}

/* A database named so, in whole pages (see the comment above RANDOM_MIN). */
static bool paged_db(struct ls_slice d, const char *ext)
{
    return db_name(ext) && d.len % 512 == 0;
}

static bool random_bytes(struct ls_slice d, const char *ext)
{
    bool named = strcmp(ext, "hc") == 0 || strcmp(ext, "tc") == 0 || strcmp(ext, "vc") == 0 ||
                 strcmp(ext, "crypt12") == 0 || strcmp(ext, "crypt14") == 0 || strcmp(ext, "crypt15") == 0 ||
                 split_volume(ext);
    size_t min = paged_db(d, ext) ? RANDOM_MIN_DB : named ? RANDOM_MIN_NAMED : RANDOM_MIN;
    if (d.len < min) return false;
    struct ls_slice head = d, mid;
    if (head.len > RANDOM_SAMPLE) head.len = RANDOM_SAMPLE;
    if (!uniform_sample(head)) return false;
    if (d.len < 2 * (size_t)RANDOM_SAMPLE) return true;
    return ls_slice_sub(d, d.len / 2, RANDOM_SAMPLE, &mid) && uniform_sample(mid);
}

/* A later part of a split archive read with its set root (api.c): its
 * bytes are the set root's data, scanned there; here it is hashed, typed
 * and recorded, coverage full by reference, the set root named. */
static ls_err split_later(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    char id[17], msg[1536];
    ls_root_id(c->split->set_path, id);
    snprintf(msg, sizeof msg,
             "split archive: read as part %u of %u of the set rooted at %s (root_id %s): its members and "
             "findings are in that root's records",
             c->split->part, c->split->n, c->split->set_path, id);
    add_error(st, msg);
    if (c->text_fn) c->text_fn(c->text_ud, o, ls_buf_slice(&st->text));
    if (c->fatal == LS_OK) emit_record(c, o, st);
    return c->fatal;
}

ls_err ls_pipeline_object(struct ls_ctx *c, struct ls_object *o, struct ls_obj_state *st)
{
    o->priv = st;
    if (o->depth > 0) scan_name(c, o, st, &st->shown_name); /* a root's: root_init() */
    ls_ext_of(o->name, o->name_len, st->ext);
    o->ext = st->ext;
    o->mime = st->mime;
    o->magic = st->magic;
    if (st->no_content) {
        if (c->fatal == LS_OK) emit_record(c, o, st);
        return c->fatal;
    }
    ls_sha256(o->data, st->sha256);
    if (st->mime_hint && o->depth > 0) /* the container vouches: libmagic is the hot spot */
        snprintf(st->mime, sizeof st->mime, "%s", st->mime_hint);
    else
        ls_magic_identify(c->w->magic, o->data, st->sha256, st->mime, sizeof st->mime, st->magic,
                          sizeof st->magic, o->depth == 0);
    o->mime = st->mime;
    o->magic = st->magic;
    if (o->depth == 0 && c->split && c->split->set_path) return split_later(c, o, st);
    if (ls_ext_mismatch(st->ext, st->mime)) note_tag(st, LS_A_EXT_MISMATCH);
    if (!st->no_dispatch && !st->cov_none) {
        run_handler(c, o, st);
        ls_sib_note_schema(c, o);
        ls_sib_labels(c, o);
    }
    /* no reader, or a container read only as raw bytes (a disk image) */
    bool unread = !st->handler || strcmp(st->handler->name, "opaque") == 0;
    if (unread && !st->cov_none && !is_media(st->mime)) {
        struct ls_slice raw = o->data;
        if (raw.len > c->lim->max_scan) raw.len = (size_t)c->lim->max_scan;
        if (!st->handler && strcmp(st->mime, "application/octet-stream") == 0 && random_bytes(o->data, st->ext)) {
            if (split_volume(st->ext))
                ls_note(c, o, LS_R_UNSUPPORTED,
                        "%zu bytes of compressed data with no header, named as a later part of a split "
                        "archive (.%s): its members can only be read with the other parts joined",
                        o->data.len, st->ext);
            else if (paged_db(o->data, st->ext))
                ls_note(c, o, LS_R_ENCRYPTED,
                        "%zu bytes of random data in whole pages, named as a database (.%s): an encrypted "
                        "SQLite database (SQLCipher and SEE encrypt the header too); its content cannot be read",
                        o->data.len, st->ext);
            else
                ls_note(c, o, LS_R_ENCRYPTED,
                        "%zu bytes of random data with no known format: an encrypted volume or container "
                        "(VeraCrypt and TrueCrypt have no signature); its content cannot be read",
                        o->data.len);
        }
        wide_runs(c, o, raw);
    }
    if (!st->cov_none) {
        struct ls_slice raw = o->data;
        if (raw.len > c->lim->max_scan) raw.len = (size_t)c->lim->max_scan;
        if (!is_media(st->mime) && !ls_obj_raw_redundant(st)) {
            url_addresses(c, o, raw);
            url_queries(c, o, raw);
            spelled_addresses(c, o, raw);
        }
        url_addresses(c, o, ls_buf_slice(&st->text));
        url_queries(c, o, ls_buf_slice(&st->text));
        spelled_addresses(c, o, ls_buf_slice(&st->text));
    }
    join_labels(c, o, st);
    if (!st->cov_none) scan_object(c, o, st);
    if (c->text_fn) c->text_fn(c->text_ud, o, ls_buf_slice(&st->text));
    if (c->fatal == LS_OK) emit_record(c, o, st);
    return c->fatal;
}

/* ---- children ---- */

static ls_err refuse_child(struct ls_ctx *c, struct ls_object *parent, const char *reason)
{
    ls_note(c, parent, reason, NULL);
    return strcmp(reason, LS_R_LIMIT_TIME) == 0 ? LS_E_TIMEOUT : LS_E_LIMIT;
}

static void apply_child_tags(struct ls_obj_state *st, const struct ls_child *ch)
{
    for (int i = 0; i < LS_CHILD_MAX_TAGS && ch->tags[i]; i++) note_tag(st, ch->tags[i]);
    if (ch->error) add_error(st, ch->error);
    if (ch->flags & LS_CHILD_NODATA) st->cov_none = true;
    if ((ch->flags & LS_CHILD_TRUNCATED) && st->n_reasons == 0) note_tag(st, LS_R_TRUNCATED);
}

ls_err ls_emit_child(struct ls_ctx *c, struct ls_object *parent, const struct ls_child *ch)
{
    if (c->fatal != LS_OK) return c->fatal;
    if (ls_ctx_expired(c)) return refuse_child(c, parent, LS_R_LIMIT_TIME);
    if (c->members >= c->lim->max_members) return refuse_child(c, parent, LS_R_LIMIT_MEMBERS);
    /* Bytes the producer did not charge while producing them are charged now. */
    uint64_t pending = c->pending;
    c->pending = 0;
    if (ch->data.len > pending && ls_budget_charge(c, parent, ch->data.len - pending) != LS_OK) {
        c->pending = 0;
        return LS_E_LIMIT;
    }
    c->pending = 0;
    c->members++;
    struct ls_obj_state *pst = state_of(parent);
    pst->children++;
    struct ls_object *o = calloc(1, sizeof *o);
    struct ls_obj_state *st = malloc(sizeof *st);
    if (!o || !st) {
        free(o);
        free(st);
        return refuse_child(c, parent, LS_R_LIMIT_MEMORY);
    }
    ls_obj_state_init(st, c);
    o->data = ch->data;
    o->name = ch->name;
    o->name_len = ch->name_len;
    o->depth = parent->depth + 1;
    o->parent = parent;
    o->index = c->next_index++;
    st->declared_size = ch->declared_size;
    st->mime_hint = ch->mime_hint;
    apply_child_tags(st, ch);
    if (o->depth > c->lim->max_depth) {
        st->no_dispatch = true;
        note_tag(st, LS_R_LIMIT_DEPTH);
        note_tag(pst, LS_R_LIMIT_DEPTH);
    }
    ls_err e = ls_pipeline_object(c, o, st);
    ls_obj_state_free(st);
    free(st);
    free(o);
    c->pending = 0;
    if (e != LS_OK) return e;
    if (ls_ctx_expired(c)) return refuse_child(c, parent, LS_R_LIMIT_TIME);
    return LS_OK;
}

/* ---- root ---- */

void ls_ctx_init(struct ls_ctx *c, struct ls_worker *w, const char *path, ls_record_fn fn, void *ud)
{
    memset(c, 0, sizeof *c);
    c->w = w;
    c->lim = &w->eng->cfg.limits;
    c->root_path = path;
    ls_buf_init(&c->root_shown, NAME_SHOWN_MAX);
    ls_root_id(path, c->root_id);
    c->fn = fn;
    c->ud = ud;
    c->t_start = ls_now();
}

void ls_ctx_fini(struct ls_ctx *c)
{
    free(c->root_ext);
    c->root_ext = NULL;
    ls_buf_free(&c->root_shown);
    ls_fpset_free(&c->distinct);
}

static void root_init(struct ls_ctx *c, struct ls_object *root, struct ls_obj_state *st,
                      struct ls_slice data)
{
    uint64_t scaled = (uint64_t)data.len * c->lim->root_bytes_factor;
    c->budget = scaled > c->lim->root_bytes_min ? scaled : c->lim->root_bytes_min;
    c->root_size = data.len;
    memset(root, 0, sizeof *root);
    ls_obj_state_init(st, c);
    root->data = data;
    root->name = (const uint8_t *)c->root_path;
    root->name_len = strlen(c->root_path);
    root->index = c->next_index++;
    root->priv = st;
    scan_name(c, root, st, &c->root_shown);
    /* a file on disk can be named "invoice<RLO>fdp.exe" as well as a member */
    if (ls_name_hides(ls_slice_make(root->name, root->name_len))) {
        note_tag(st, LS_A_BAD_NAME);
        add_error(st, "name: a control or bidi character hides what the path shows");
    }
}

ls_err ls_ctx_run_root(struct ls_ctx *c, struct ls_slice data, int read_err, bool more)
{
    struct ls_object root;
    struct ls_obj_state st;
    root_init(c, &root, &st, data);
    root.priv = &st;
    if (read_err) ls_note(c, &root, LS_R_TRUNCATED, "read: %s (after %zu bytes)",
                          strerror(read_err), data.len);
    if (more) ls_note(c, &root, LS_R_LIMIT_SCAN, "input longer than the %zu bytes read", data.len);
    if (c->split && !c->split->set_path && c->split->note[0])
        ls_note(c, &root, c->split->note_limit ? LS_R_LIMIT_MEMBERS : LS_R_TRUNCATED, "split archive: %s",
                c->split->note);
    ls_err e = ls_pipeline_object(c, &root, &st);
    ls_obj_state_free(&st);
    return e;
}

ls_err ls_ctx_run_special(struct ls_ctx *c, const char *reason, const char *alert,
                          const char *mime, const char *errmsg)
{
    struct ls_object root;
    struct ls_obj_state st;
    root_init(c, &root, &st, ls_slice_make(NULL, 0));
    root.priv = &st;
    st.no_content = true;
    st.cov_none = true;
    snprintf(st.mime, sizeof st.mime, "%s", mime ? mime : "");
    note_tag(&st, reason);
    if (alert) note_tag(&st, alert);
    if (errmsg) add_error(&st, errmsg);
    ls_err e = ls_pipeline_object(c, &root, &st);
    ls_obj_state_free(&st);
    return e;
}
