/*
 * "git": Git object storage (.git/objects), where a leaked source tree keeps
 * every version of every file, the secrets removed from the working tree
 * included. Each object is zlib-compressed, so the raw-byte scan sees
 * nothing of it.
 *
 * - A loose object (.git/objects/xx/yyyy...) is one zlib stream of
 *   "TYPE SIZE\0" and the content. A blob's content is a child named "blob";
 *   a commit's or tag's (authors, committers, messages) is text; a tree's
 *   entry names are text, one per line.
 * - A pack (.git/objects/pack/NAME.pack, version 2 or 3) is "PACK", version,
 *   object count, then each object: a type-and-size header and a zlib
 *   stream (after a base offset or a base object id for deltas). Whole
 *   objects are read as loose ones are, blobs as children "blob@OFFSET"
 *   (OFFSET: where the object starts in the pack). Deltas are not applied
 *   to their bases: a delta is copy instructions (bytes of the base) and
 *   insert instructions carrying the new bytes literally, and it is those
 *   inserted bytes - a line added in one version and removed in the next
 *   is inserted bytes of one delta or another - that are added to the text.
 *
 * Probe: "PACK" and version 2 or 3 (95); a zlib stream whose first bytes
 * inflate to "blob ", "commit ", "tree " or "tag " and a size (90).
 *
 * Attacker-controlled: every byte. Sizes declared by the objects are not
 * trusted: what is inflated is charged to the root's budget and cut there;
 * a stream that does not end ends the pack (the next object's place is
 * unknown), noted parse_error / limit.
 */
#include <stdio.h>
#include <string.h>

#include "core/handler.h"
#include "extract/zinflate.h"

#define GIT_PROBE_BYTES 32u  /* inflated to recognise a loose object */
#define GIT_NAME_MAX 32u     /* "blob@18446744073709551615" */
#define GIT_CHECK_EVERY 256u /* objects between two looks at the clock */

enum git_type { GIT_COMMIT = 1, GIT_TREE = 2, GIT_BLOB = 3, GIT_TAG = 4, GIT_OFS_DELTA = 6, GIT_REF_DELTA = 7 };

struct git {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf obj;   /* the object being read */
    struct ls_buf text;  /* text waiting to be emitted */
    bool text_full;
    bool no_children;
};

static bool git_pack_header(struct ls_slice d, uint32_t *count)
{
    struct ls_cursor cur = ls_cur_make(d);
    struct ls_slice magic;
    uint32_t version = 0;
    if (ls_cur_take(&cur, 4, &magic) != LS_OK || !ls_slice_eq_str(magic, "PACK")) return false;
    if (ls_cur_u32be(&cur, &version) != LS_OK || (version != 2 && version != 3)) return false;
    return ls_cur_u32be(&cur, count) == LS_OK;
}

/* "TYPE SIZE\0" at the start of an inflated loose object: its type (0 if
 * none) and where the content starts. */
static enum git_type git_loose_header(struct ls_slice d, size_t *body)
{
    static const struct {
        const char *name;
        enum git_type type;
    } types[] = {{"blob ", GIT_BLOB}, {"commit ", GIT_COMMIT}, {"tree ", GIT_TREE}, {"tag ", GIT_TAG}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t n = strlen(types[i].name);
        if (!ls_slice_starts(d, types[i].name, n)) continue;
        size_t at = n, digits = 0;
        for (int ch; (ch = ls_slice_at(d, at)) >= '0' && ch <= '9'; at++) digits++;
        if (digits == 0 || digits > 20 || ls_slice_at(d, at) != 0) return 0;
        *body = at + 1;
        return types[i].type;
    }
    return 0;
}

static bool git_zlib_header(struct ls_slice d)
{
    int a = ls_slice_at(d, 0), b = ls_slice_at(d, 1);
    return a >= 0 && b >= 0 && (a & 0x0f) == 8 && (a >> 4) <= 7 && ((a << 8) | b) % 31 == 0;
}

static int git_probe(const struct ls_object *o)
{
    uint32_t count;
    if (git_pack_header(o->data, &count)) return 95;
    if (!git_zlib_header(o->data)) return 0;
    struct ls_buf head;
    ls_buf_init(&head, GIT_PROBE_BYTES);
    ls_err e = zinflate_buf(o->data, 15, &head, GIT_PROBE_BYTES);
    size_t body;
    bool yes = (e == LS_OK || e == LS_E_LIMIT) && git_loose_header(ls_buf_slice(&head), &body) != 0;
    ls_buf_free(&head);
    return yes ? 90 : 0;
}

static ls_err git_flush(struct git *g)
{
    if (g->text.len == 0 || g->text_full) return LS_OK;
    ls_err e = ls_emit_text(g->c, g->o, g->text.ptr, g->text.len);
    ls_buf_reset(&g->text);
    if (e == LS_E_LIMIT) g->text_full = true;
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* Add t and a line end (an empty t: only the line end). */
static ls_err git_text(struct git *g, struct ls_slice t)
{
    if (g->text_full) return LS_OK;
    if (t.len) LS_TRY(ls_buf_add(&g->text, t.ptr, t.len));
    LS_TRY(ls_buf_addc(&g->text, '\n'));
    return g->text.len >= 64u * 1024u ? git_flush(g) : LS_OK;
}

/* A tree: entries "MODE NAME\0" and a 20-byte (or 32-byte) object id; the
 * names go to the text. The id length is the one that keeps the next
 * entry's mode in place. */
static ls_err git_tree(struct git *g, struct ls_slice t)
{
    size_t at = 0;
    while (at < t.len) {
        size_t nul = ls_slice_find(t, at, "", 1);
        size_t sp = ls_slice_find(t, at, " ", 1);
        if (nul == SIZE_MAX || sp == SIZE_MAX || sp > nul) break;
        struct ls_slice name;
        (void)ls_slice_sub(t, sp + 1, nul - sp - 1, &name);
        LS_TRY(git_text(g, name));
        size_t next = nul + 1 + 20;
        int m = ls_slice_at(t, next);
        if (next < t.len && (m < '1' || m > '7')) next = nul + 1 + 32; /* SHA-256 repositories */
        at = next;
    }
    return LS_OK;
}

/* A whole object's content: a blob is a child, the rest is text. */
static ls_err git_content(struct git *g, enum git_type type, struct ls_slice body, const char *name,
                          bool cut)
{
    if (type == GIT_TREE) return git_tree(g, body);
    if (type != GIT_BLOB) return git_text(g, body);
    if (g->no_children) return LS_OK;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = strlen(name);
    ch.data = body;
    if (cut) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = LS_R_TRUNCATED;
        ch.error = "git: object cut short";
    }
    ls_err e = ls_emit_child(g->c, g->o, &ch);
    if (e == LS_E_LIMIT) {
        g->no_children = true;
        return LS_OK;
    }
    return e;
}

/* The inserted bytes of a delta: after the base and result sizes (varints),
 * an instruction with the top bit set copies from the base (its offset and
 * size bytes follow, one per low bit); 1..127 inserts that many bytes. */
static ls_err git_delta(struct git *g, struct ls_slice d)
{
    struct ls_cursor cur = ls_cur_make(d);
    for (int sizes = 0; sizes < 2; sizes++) {
        uint8_t b = 0x80;
        for (unsigned n = 0; (b & 0x80) && n < 10; n++)
            if (ls_cur_u8(&cur, &b) != LS_OK) return LS_E_TRUNCATED;
    }
    uint8_t op;
    size_t run = 0; /* inserted bytes since the last copy: one piece of text */
    ls_err e = LS_OK;
    while (e == LS_OK && ls_cur_u8(&cur, &op) == LS_OK) {
        if (op & 0x80) {
            unsigned skip = 0;
            for (unsigned bit = 0; bit < 7; bit++) skip += (op >> bit) & 1u;
            if (ls_cur_skip(&cur, skip) != LS_OK) e = LS_E_TRUNCATED;
            if (run) e = e == LS_OK ? git_text(g, ls_slice_make("", 0)) : e;
            run = 0;
        } else if (op == 0) {
            e = LS_E_CORRUPT; /* reserved */
        } else {
            struct ls_slice lit;
            if (ls_cur_take(&cur, op, &lit) != LS_OK) e = LS_E_TRUNCATED;
            else if (!g->text_full) e = ls_buf_add(&g->text, lit.ptr, lit.len);
            run += op;
        }
    }
    if (e != LS_E_NOMEM && run) (void)git_text(g, ls_slice_make("", 0));
    return e;
}

static ls_err git_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct git *g = ud;
    return zinflate_budget(g->c, g->o, "git", n, in_used, out_total);
}

/* Inflate a zlib stream at in into g->obj, charged to the budget as it
 * grows (a bomb stops at the root's ratio, not at its end). */
static ls_err git_inflate(struct git *g, struct ls_slice in, size_t *used)
{
    ls_buf_reset(&g->obj);
    uint64_t left = ls_budget_left(g->c);
    size_t max = left < SIZE_MAX ? (size_t)left : SIZE_MAX;
    return zinflate_stream(in, 15, &g->obj, max, used, git_charge, g);
}

static ls_err git_loose(struct git *g)
{
    size_t used;
    ls_err e = git_inflate(g, g->o->data, &used);
    size_t body;
    enum git_type type = git_loose_header(ls_buf_slice(&g->obj), &body);
    if (type == 0) return e != LS_OK ? e : LS_E_CORRUPT;
    struct ls_slice content;
    (void)ls_slice_from(ls_buf_slice(&g->obj), body, &content);
    LS_TRY(git_content(g, type, content, "blob", e != LS_OK));
    return e;
}

/* A pack object's header: type (bits 4-6 of the first byte) and size
 * (low 4 bits, then 7 bits per continuation byte). */
static ls_err git_obj_header(struct ls_cursor *cur, enum git_type *type)
{
    uint8_t b;
    LS_TRY(ls_cur_u8(cur, &b));
    *type = (enum git_type)((b >> 4) & 7);
    for (unsigned n = 0; b & 0x80; n++) {
        if (n == 9) return LS_E_CORRUPT;
        LS_TRY(ls_cur_u8(cur, &b));
    }
    if (*type == GIT_OFS_DELTA) { /* the base's negative offset, a varint */
        b = 0x80;
        for (unsigned n = 0; b & 0x80; n++) {
            if (n == 9) return LS_E_CORRUPT;
            LS_TRY(ls_cur_u8(cur, &b));
        }
    } else if (*type == GIT_REF_DELTA) {
        LS_TRY(ls_cur_skip(cur, 20));
    } else if (*type == 0 || *type == 5) {
        return LS_E_CORRUPT;
    }
    return LS_OK;
}

static ls_err git_pack(struct git *g, uint32_t count)
{
    struct ls_cursor cur = ls_cur_make(g->o->data);
    LS_TRY(ls_cur_skip(&cur, 12));
    for (uint32_t i = 0; i < count; i++) {
        if (i % GIT_CHECK_EVERY == GIT_CHECK_EVERY - 1 && ls_ctx_expired(g->c)) return LS_E_TIMEOUT;
        size_t start = cur.pos;
        enum git_type type;
        ls_err e = git_obj_header(&cur, &type);
        if (e != LS_OK) return e == LS_E_CORRUPT ? e : LS_E_TRUNCATED;
        struct ls_slice rest;
        (void)ls_slice_from(g->o->data, cur.pos, &rest);
        size_t used = 0;
        e = git_inflate(g, rest, &used);
        if (e != LS_OK) return e;
        LS_TRY(ls_cur_skip(&cur, used));
        if (type == GIT_OFS_DELTA || type == GIT_REF_DELTA) {
            e = git_delta(g, ls_buf_slice(&g->obj));
            if (e == LS_E_NOMEM) return e;
            continue; /* a damaged delta loses its own bytes only */
        }
        char name[GIT_NAME_MAX];
        snprintf(name, sizeof name, "blob@%zu", start);
        LS_TRY(git_content(g, type, ls_buf_slice(&g->obj), name, false));
    }
    return LS_OK;
}

static ls_err git_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct git g;
    memset(&g, 0, sizeof g);
    g.c = c;
    g.o = o;
    ls_buf_init(&g.obj, SIZE_MAX);
    ls_buf_init(&g.text, SIZE_MAX);
    uint32_t count = 0;
    ls_err e = git_pack_header(o->data, &count) ? git_pack(&g, count) : git_loose(&g);
    ls_err f = git_flush(&g);
    ls_buf_free(&g.text);
    ls_buf_free(&g.obj);
    if (e == LS_E_CORRUPT) ls_note(c, o, LS_R_PARSE_ERROR, "git: damaged object");
    return e != LS_OK ? e : f;
}

const struct ls_handler ls_handler_git = {
    .name = "git",
    .probe = git_probe,
    .extract = git_extract,
};
