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
 *   objects are read as loose ones are, blobs as children
 *   "blob@OFFSET/NAME" (OFFSET: where the object starts in the pack; NAME:
 *   the tree entry that points at the blob, found after the walk because
 *   git writes blobs before their trees). A delta (copy instructions:
 *   bytes of its base; insert instructions: new bytes) whose base is an
 *   earlier object of the same pack (OFS_DELTA, as git repacks) is applied
 *   after the walk, through chains up to GIT_DELTA_DEPTH deep (git's
 *   default is 50): the version it gives is read as a whole object is (a
 *   blob a child "blob@OFFSET/NAME"; trees and commits first, so their
 *   names are known when the blobs are handed over). This matters where an
 *   edit kept the line and changed its value: the older version's delta
 *   copies "PASSWORD = " from the newer and inserts only the value. Every
 *   version built is charged to the root's byte budget; building stops
 *   before the versions pass 2 x the pack (32 MiB if more) or half the
 *   budget left when the walk ended, or would make the root a bomb. A
 *   REF_DELTA (its base named by id) is applied when its base is a whole
 *   object of the same pack: a thin pack completed by `index-pack
 *   --fix-thin`, what every fetch leaves, has its bases appended after the
 *   deltas (the pack's whole objects are hashed for their ids only when it
 *   has REF_DELTAs). A delta that cannot be applied (a thin pack's base, as
 *   in a bundle; a base that is damaged or deeper than the limit; building
 *   stopped) gives its inserted bytes as text, as every delta did before: a
 *   line added in one version and removed in the next is inserted bytes of
 *   one delta or another.
 *
 * - A bundle (`git bundle create`, gitformat-bundle(5): how a repository is
 *   moved or backed up as one file) is the signature line "# v2 git
 *   bundle" or "# v3 git bundle", header lines (v3 capabilities
 *   "@object-format=sha1", prerequisites "-ID comment", references "ID
 *   NAME") up to an empty line, then a pack, read as above (blob offsets
 *   count from the pack's start). The header lines are text (branch and
 *   tag names). A bundle cut inside its header, or whose pack is missing or
 *   damaged, is truncated / parse_error; its header is still text.
 *
 * Probe: "PACK" and version 2 or 3, or a bundle's signature line (95); a
 * zlib stream whose first bytes inflate to "blob ", "commit ", "tree " or
 * "tag " and a size (90).
 *
 * Attacker-controlled: every byte. Sizes declared by the objects are not
 * trusted: what is inflated is charged to the root's budget and cut there;
 * a stream that does not end ends the pack (the next object's place is
 * unknown), noted parse_error / limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"
#include "extract/zinflate.h"
#include "identify/ls_crypto.h"
#include "pipeline/pipeline.h"

#define GIT_PROBE_BYTES 32u  /* inflated to recognise a loose object */
#define GIT_NAME_MAX 32u     /* "blob@18446744073709551615" */
#define GIT_CHECK_EVERY 256u /* objects between two looks at the clock */
#define GIT_NAMES_SLOTS (1u << 20) /* tree entries remembered to name blobs */
#define GIT_NAMES_MAX (GIT_NAMES_SLOTS / 2)
#define GIT_PROBES 64u       /* slots looked at per id: crafted ids cannot make it slow */
#define GIT_CHILD_NAME_MAX 300u
#define GIT_DELTA_DEPTH 64u  /* deltas applied in one chain at most */
#define GIT_IDS_SLOTS (1u << 18) /* whole objects' ids, for REF_DELTA bases */
#define GIT_IDS_MAX (GIT_IDS_SLOTS / 2)
#define GIT_BUILD_FACTOR 2u  /* versions built from deltas: at most 2 x the pack, */
#define GIT_BUILD_FLOOR (32u << 20) /* or 32 MiB if more, and half the byte budget left */

enum git_type { GIT_COMMIT = 1, GIT_TREE = 2, GIT_BLOB = 3, GIT_TAG = 4, GIT_OFS_DELTA = 6, GIT_REF_DELTA = 7 };

/* A whole object of the pack by its id, for REF_DELTAs' bases. */
struct git_id {
    uint8_t id[20];
    size_t off; /* 0: a free slot */
};

/* A tree entry remembered to name the blob it points to. */
struct git_name {
    uint8_t id[20];
    uint32_t off; /* into git.name_text */
    uint16_t len;
    bool used;
};

struct git {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice pk;  /* the pack: the object's data, or a bundle's after its header */
    struct ls_buf obj;   /* the object being read */
    struct ls_buf text;  /* text waiting to be emitted */
    bool text_full;
    bool no_children;
    bool pack;           /* trees feed the blob names (packs only) */
    bool budget_spent;   /* no more deltas are applied */
    uint64_t build_left; /* bytes versions built from deltas may still take */
    struct git_name *names; /* open addressing, GIT_NAMES_SLOTS slots */
    size_t nnames;
    struct ls_buf name_text;
    size_t *blobs;       /* pack offsets of whole blobs, handed over after the walk */
    size_t nblobs, blobs_cap;
    size_t *deltas;      /* pack offsets of OFS_DELTA objects, applied after the walk */
    size_t ndeltas, deltas_cap;
    struct ls_buf ver, tmp, dlt; /* a version being built, the next one, a delta */
    size_t *others;      /* pack offsets of whole commits, trees and tags */
    size_t nothers, others_cap;
    size_t refs;         /* REF_DELTAs seen */
    struct git_id *ids;  /* GIT_IDS_SLOTS slots, filled only when the pack has REF_DELTAs */
    size_t nids;
};

/* Append off to a list of pack offsets. */
static ls_err git_offs_add(size_t **list, size_t *n, size_t *cap, size_t off)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        size_t *p = realloc(*list, c * sizeof *p);
        if (!p) return LS_E_NOMEM;
        *list = p;
        *cap = c;
    }
    (*list)[(*n)++] = off;
    return LS_OK;
}

static bool git_pack_header(struct ls_slice d, uint32_t *count)
{
    struct ls_cursor cur = ls_cur_make(d);
    struct ls_slice magic;
    uint32_t version = 0;
    if (ls_cur_take(&cur, 4, &magic) != LS_OK || !ls_slice_eq_str(magic, "PACK")) return false;
    if (ls_cur_u32be(&cur, &version) != LS_OK || (version != 2 && version != 3)) return false;
    return ls_cur_u32be(&cur, count) == LS_OK;
}

/* A bundle's signature line (the same length for v2 and v3). */
#define GIT_BUNDLE_SIG_LEN 16u
static bool git_bundle_sig(struct ls_slice d)
{
    return ls_slice_starts(d, "# v2 git bundle\n", GIT_BUNDLE_SIG_LEN) ||
           ls_slice_starts(d, "# v3 git bundle\n", GIT_BUNDLE_SIG_LEN);
}

/* Where a bundle's pack starts: after the empty line that ends its header
 * (the signature's line end may be that empty line's first half: a bundle
 * with no references), or SIZE_MAX when the header does not end. */
static size_t git_bundle_pack_at(struct ls_slice d)
{
    size_t at = ls_slice_find(d, GIT_BUNDLE_SIG_LEN - 1, "\n\n", 2);
    return at == SIZE_MAX ? SIZE_MAX : at + 2;
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
    if (git_pack_header(o->data, &count) || git_bundle_sig(o->data)) return 95;
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

static size_t git_slot(const uint8_t id[20], unsigned probe)
{
    uint64_t h = 1469598103934665603ull;
    for (unsigned i = 0; i < 20; i++) h = (h ^ id[i]) * 1099511628211ull;
    return (size_t)((h + probe) & (GIT_NAMES_SLOTS - 1));
}

/* Remember name for the blob id (the first name seen wins). */
static ls_err git_name_put(struct git *g, struct ls_slice id, struct ls_slice name)
{
    if (!g->pack || id.len != 20 || name.len == 0 || g->nnames >= GIT_NAMES_MAX) return LS_OK;
    if (!g->names) {
        g->names = calloc(GIT_NAMES_SLOTS, sizeof *g->names);
        if (!g->names) return LS_E_NOMEM;
    }
    for (unsigned p = 0; p < GIT_PROBES; p++) {
        struct git_name *n = &g->names[git_slot(id.ptr, p)];
        if (n->used && memcmp(n->id, id.ptr, 20) == 0) return LS_OK;
        if (n->used) continue;
        size_t len = name.len < GIT_CHILD_NAME_MAX ? name.len : GIT_CHILD_NAME_MAX;
        if (g->name_text.len > UINT32_MAX - len) return LS_OK;
        n->off = (uint32_t)g->name_text.len;
        n->len = (uint16_t)len;
        LS_TRY(ls_buf_add(&g->name_text, name.ptr, len));
        memcpy(n->id, id.ptr, 20);
        n->used = true;
        g->nnames++;
        return LS_OK;
    }
    return LS_OK; /* too many ids in one neighbourhood: left unnamed */
}

/* The pack offset of the whole object with this id, 0 if none is known. */
static size_t git_id_get(const struct git *g, struct ls_slice id)
{
    if (!g->ids || id.len != 20) return 0;
    for (unsigned p = 0; p < GIT_PROBES; p++) {
        const struct git_id *e = &g->ids[git_slot(id.ptr, p) & (GIT_IDS_SLOTS - 1)];
        if (e->off == 0) return 0;
        if (memcmp(e->id, id.ptr, 20) == 0) return e->off;
    }
    return 0;
}

static void git_id_put(struct git *g, const uint8_t id[20], size_t off)
{
    if (g->nids >= GIT_IDS_MAX) return;
    for (unsigned p = 0; p < GIT_PROBES; p++) {
        struct git_id *e = &g->ids[git_slot(id, p) & (GIT_IDS_SLOTS - 1)];
        if (e->off != 0 && memcmp(e->id, id, 20) != 0) continue;
        if (e->off == 0) g->nids++;
        memcpy(e->id, id, 20);
        e->off = off;
        return;
    }
}

static struct ls_slice git_name_get(const struct git *g, const uint8_t id[20])
{
    for (unsigned p = 0; g->names && p < GIT_PROBES; p++) {
        const struct git_name *n = &g->names[git_slot(id, p)];
        if (!n->used) break;
        if (memcmp(n->id, id, 20) == 0) {
            struct ls_slice all = ls_buf_slice(&g->name_text), name;
            if (ls_slice_sub(all, n->off, n->len, &name)) return name;
            break;
        }
    }
    return ls_slice_make("", 0);
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
        struct ls_slice name, id;
        (void)ls_slice_sub(t, sp + 1, nul - sp - 1, &name);
        LS_TRY(git_text(g, name));
        bool file = ls_slice_at(t, at) == '1'; /* 100644, 100755, 120000: a blob */
        if (file && ls_slice_sub(t, nul + 1, 20, &id)) LS_TRY(git_name_put(g, id, name));
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
static ls_err git_obj_header(struct ls_cursor *cur, enum git_type *type, uint64_t *back, struct ls_slice *ref)
{
    uint8_t b;
    *type = 0;
    *back = 0;
    *ref = ls_slice_make(NULL, 0);
    LS_TRY(ls_cur_u8(cur, &b));
    *type = (enum git_type)((b >> 4) & 7);
    for (unsigned n = 0; b & 0x80; n++) {
        if (n == 9) return LS_E_CORRUPT;
        LS_TRY(ls_cur_u8(cur, &b));
    }
    if (*type == GIT_OFS_DELTA) { /* the base's distance back, a varint adding one per continuation */
        LS_TRY(ls_cur_u8(cur, &b));
        uint64_t v = b & 0x7fu;
        for (unsigned n = 0; b & 0x80; n++) {
            if (n == 8) return LS_E_CORRUPT;
            LS_TRY(ls_cur_u8(cur, &b));
            v = ((v + 1) << 7) | (b & 0x7fu);
        }
        *back = v;
    } else if (*type == GIT_REF_DELTA) {
        LS_TRY(ls_cur_take(cur, 20, ref));
    } else if (*type == 0 || *type == 5) {
        return LS_E_CORRUPT;
    }
    return LS_OK;
}

static ls_err git_pack(struct git *g, uint32_t count)
{
    struct ls_cursor cur = ls_cur_make(g->pk);
    LS_TRY(ls_cur_skip(&cur, 12));
    for (uint32_t i = 0; i < count; i++) {
        if (i % GIT_CHECK_EVERY == GIT_CHECK_EVERY - 1 && ls_ctx_expired(g->c)) return LS_E_TIMEOUT;
        size_t start = cur.pos;
        enum git_type type;
        uint64_t back;
        struct ls_slice ref;
        ls_err e = git_obj_header(&cur, &type, &back, &ref);
        if (e != LS_OK) return e == LS_E_CORRUPT ? e : LS_E_TRUNCATED;
        struct ls_slice rest;
        (void)ls_slice_from(g->pk, cur.pos, &rest);
        size_t used = 0;
        e = git_inflate(g, rest, &used);
        if (e != LS_OK) return e;
        LS_TRY(ls_cur_skip(&cur, used));
        if ((type == GIT_OFS_DELTA && back >= 1 && back <= start - 12) || type == GIT_REF_DELTA) {
            LS_TRY(git_offs_add(&g->deltas, &g->ndeltas, &g->deltas_cap, start)); /* applied after the walk */
            g->refs += type == GIT_REF_DELTA;
            continue;
        }
        if (type == GIT_OFS_DELTA || type == GIT_REF_DELTA) {
            e = git_delta(g, ls_buf_slice(&g->obj));
            if (e == LS_E_NOMEM) return e;
            continue; /* a damaged delta loses its own bytes only */
        }
        if (type == GIT_BLOB) { /* handed over after the walk, when the trees named it */
            LS_TRY(git_offs_add(&g->blobs, &g->nblobs, &g->blobs_cap, start));
            continue;
        }
        LS_TRY(git_offs_add(&g->others, &g->nothers, &g->others_cap, start)); /* a REF_DELTA's base, maybe */
        LS_TRY(git_content(g, type, ls_buf_slice(&g->obj), "", false));
    }
    return LS_OK;
}

/* A pack blob handed over as the child "blob@AT/NAME", NAME the tree
 * entry that points at its id (SHA-1 of "blob SIZE\0" and the content),
 * or "blob@AT" when no tree names it. */
static ls_err git_blob_child(struct git *g, size_t at, struct ls_slice body)
{
    char head[32];
    int hn = snprintf(head, sizeof head, "blob %zu", body.len);
    struct ls_slice parts[2] = {ls_slice_make(head, (size_t)hn + 1), body};
    uint8_t id[LS_DIGEST_MAX];
    struct ls_slice name = ls_slice_make("", 0);
    if (ls_digest(LS_DIGEST_SHA1, parts, 2, id) == 20) name = git_name_get(g, id);
    struct ls_buf cn;
    ls_buf_init(&cn, GIT_CHILD_NAME_MAX + GIT_NAME_MAX);
    ls_err e = ls_buf_printf(&cn, "blob@%zu", at);
    if (e == LS_OK && name.len) e = ls_buf_addc(&cn, '/');
    if (e == LS_OK) e = ls_buf_add(&cn, name.ptr, name.len);
    if (e == LS_OK) e = git_content(g, GIT_BLOB, body, ls_buf_str(&cn), false);
    ls_buf_free(&cn);
    return e;
}

/* Inflate the pack object at `at` (header skipped) into out, at most max
 * bytes; its type and base distance in *type and *back. */
static ls_err git_read_at(struct git *g, size_t at, struct ls_buf *out, size_t max, enum git_type *type,
                          uint64_t *back)
{
    struct ls_cursor cur = ls_cur_make(g->pk);
    struct ls_slice ref;
    *type = 0;
    *back = 0;
    LS_TRY(ls_cur_seek(&cur, at));
    LS_TRY(git_obj_header(&cur, type, back, &ref));
    struct ls_slice rest = ls_slice_make(NULL, 0);
    (void)ls_slice_from(g->pk, cur.pos, &rest);
    ls_buf_reset(out);
    return zinflate_buf(rest, 15, out, max);
}

/* A delta's size varint (7 bits a byte, little end first). */
static ls_err git_delta_size(struct ls_cursor *cur, uint64_t *v)
{
    uint8_t b = 0x80;
    *v = 0;
    for (unsigned shift = 0; b & 0x80; shift += 7) {
        if (shift > 63) return LS_E_CORRUPT;
        LS_TRY(ls_cur_u8(cur, &b));
        *v |= (uint64_t)(b & 0x7fu) << shift;
    }
    return LS_OK;
}

/* out = delta d applied to base: the base's size must be the one d
 * declares, out never grows past the result size d declares and must
 * reach it; LS_E_LIMIT past max bytes (copies of the base can make a
 * small delta give a version far larger than itself). */
static ls_err git_apply(struct ls_slice base, struct ls_slice d, struct ls_buf *out, size_t max)
{
    struct ls_cursor cur = ls_cur_make(d);
    uint64_t src, dst;
    ls_buf_reset(out);
    LS_TRY(git_delta_size(&cur, &src));
    LS_TRY(git_delta_size(&cur, &dst));
    if (src != base.len) return LS_E_CORRUPT;
    uint8_t op;
    while (ls_cur_u8(&cur, &op) == LS_OK) {
        struct ls_slice piece;
        if (op & 0x80) { /* copy: offset bytes (bits 0-3), size bytes (bits 4-6); size 0 is 0x10000 */
            uint64_t off = 0, size = 0;
            for (unsigned i = 0; i < 7; i++) {
                uint8_t v;
                if (!(op & (1u << i))) continue;
                LS_TRY(ls_cur_u8(&cur, &v));
                if (i < 4) off |= (uint64_t)v << (8 * i);
                else size |= (uint64_t)v << (8 * (i - 4));
            }
            if (size == 0) size = 0x10000;
            if (!ls_slice_sub(base, (size_t)off, (size_t)size, &piece)) return LS_E_CORRUPT;
        } else if (op == 0) {
            return LS_E_CORRUPT; /* reserved */
        } else {
            LS_TRY(ls_cur_take(&cur, op, &piece));
        }
        if (piece.len > dst - out->len) return LS_E_CORRUPT;
        if (piece.len > max - out->len) return LS_E_LIMIT;
        LS_TRY(ls_buf_add(out, piece.ptr, piece.len));
    }
    return out->len == dst ? LS_OK : LS_E_CORRUPT;
}

/* When the pack has REF_DELTAs (a thin pack completed by index-pack
 * --fix-thin, what every fetch leaves: the bases appended after the
 * deltas; a pack written without ofs-delta), the ids of its whole objects:
 * each inflated again (charged in the walk already) and hashed as git
 * names it, SHA-1 of "TYPE SIZE\0" and the content; GIT_IDS_MAX at most. */
static ls_err git_pack_ids(struct git *g)
{
    if (g->refs == 0) return LS_OK;
    g->ids = calloc(GIT_IDS_SLOTS, sizeof *g->ids);
    if (!g->ids) return LS_E_NOMEM;
    static const char *const names[] = {"", "commit", "tree", "blob", "tag"};
    for (unsigned list = 0; list < 2; list++) {
        size_t n = list ? g->nothers : g->nblobs;
        const size_t *offs = list ? g->others : g->blobs;
        for (size_t i = 0; i < n && g->nids < GIT_IDS_MAX; i++) {
            if (i % GIT_CHECK_EVERY == GIT_CHECK_EVERY - 1 && ls_ctx_expired(g->c)) return LS_E_TIMEOUT;
            enum git_type t;
            uint64_t back;
            uint64_t left = ls_budget_left(g->c);
            ls_err e = git_read_at(g, offs[i], &g->dlt, left < SIZE_MAX ? (size_t)left : SIZE_MAX, &t, &back);
            if (e == LS_E_NOMEM) return e;
            if (e != LS_OK || t < GIT_COMMIT || t > GIT_TAG) continue;
            char head[40];
            int hn = snprintf(head, sizeof head, "%s %zu", names[t], g->dlt.len);
            struct ls_slice parts[2] = {ls_slice_make(head, (size_t)hn + 1), ls_buf_slice(&g->dlt)};
            uint8_t id[LS_DIGEST_MAX];
            if (ls_digest(LS_DIGEST_SHA1, parts, 2, id) == 20) git_id_put(g, id, offs[i]);
        }
    }
    return LS_OK;
}

/* The object at pos: its type (0 if its header is damaged) and, for a
 * delta, where its base starts (*base): an OFS_DELTA's earlier object, a
 * REF_DELTA's object of that id in the pack (0 when none is known). */
static enum git_type git_base(const struct git *g, size_t pos, size_t *base)
{
    struct ls_cursor cur = ls_cur_make(g->pk);
    enum git_type t;
    uint64_t back;
    struct ls_slice ref;
    *base = 0;
    if (ls_cur_seek(&cur, pos) != LS_OK || git_obj_header(&cur, &t, &back, &ref) != LS_OK) return 0;
    if (t == GIT_OFS_DELTA) {
        if (back < 1 || back > pos - 12) return 0;
        *base = pos - (size_t)back;
    } else if (t == GIT_REF_DELTA) {
        *base = git_id_get(g, ref);
        if (*base == 0) return 0;
    }
    return t;
}

/* Bytes one more version may take (see build_left). */
static size_t git_build_room(const struct git *g)
{
    uint64_t left = ls_budget_left(g->c);
    if (left > g->build_left) left = g->build_left;
    return left < SIZE_MAX ? (size_t)left : SIZE_MAX;
}

/* Charge a version built: LS_E_LIMIT, and nothing charged or noted, when
 * it would pass build_left, the byte budget or the root's bomb ratio
 * (building stops there; the deltas left give their inserted bytes, as a
 * pack read without building did: rebuilding is never what makes a root
 * a bomb or leaves its other members unread). */
static ls_err git_build_charge(struct git *g, size_t n)
{
    if (n > g->build_left || !ls_budget_takes(g->c, n)) return LS_E_LIMIT;
    g->build_left -= n;
    return ls_budget_charge(g->c, g->o, n);
}

/* The OFS_DELTA at `at` applied through its chain of bases (up to
 * GIT_DELTA_DEPTH, every base earlier in the pack): the version in g->ver,
 * its type in *type. Every version built is charged to the byte budget.
 * LS_E_CORRUPT when it cannot be built (a REF_DELTA or damaged object in
 * the chain, a chain too deep). */
static ls_err git_build(struct git *g, size_t at, enum git_type *type)
{
    size_t chain[GIT_DELTA_DEPTH];
    unsigned n = 0;
    size_t pos = at;
    *type = 0;
    for (;;) { /* down to the whole object at the chain's end */
        size_t base;
        enum git_type t = git_base(g, pos, &base);
        if (t == 0) return LS_E_CORRUPT;
        if (t != GIT_OFS_DELTA && t != GIT_REF_DELTA) {
            *type = t;
            break;
        }
        if (n == GIT_DELTA_DEPTH) return LS_E_CORRUPT;
        chain[n++] = pos;
        pos = base;
    }
    size_t max = git_build_room(g);
    enum git_type t;
    uint64_t back;
    ls_err e = git_read_at(g, pos, &g->ver, max, &t, &back);
    if (e != LS_OK) return e == LS_E_NOMEM || e == LS_E_LIMIT ? e : LS_E_CORRUPT;
    LS_TRY(git_build_charge(g, g->ver.len));
    while (n > 0) {
        max = git_build_room(g);
        e = git_read_at(g, chain[--n], &g->dlt, max, &t, &back);
        if (e != LS_OK) return e == LS_E_NOMEM || e == LS_E_LIMIT ? e : LS_E_CORRUPT;
        e = git_apply(ls_buf_slice(&g->ver), ls_buf_slice(&g->dlt), &g->tmp, max);
        if (e != LS_OK) return e == LS_E_NOMEM || e == LS_E_LIMIT ? e : LS_E_CORRUPT;
        LS_TRY(git_build_charge(g, g->tmp.len));
        struct ls_buf swap = g->ver;
        g->ver = g->tmp;
        g->tmp = swap;
    }
    return LS_OK;
}

/* The type of the whole object an OFS_DELTA chain ends in, from the
 * objects' headers alone; 0 when the chain cannot be followed (a REF_DELTA
 * or damaged header in it, deeper than GIT_DELTA_DEPTH). */
static enum git_type git_chain_type(const struct git *g, size_t pos)
{
    for (unsigned n = 0; n <= GIT_DELTA_DEPTH; n++) {
        size_t base;
        enum git_type t = git_base(g, pos, &base);
        if (t != GIT_OFS_DELTA && t != GIT_REF_DELTA) return t;
        pos = base;
    }
    return 0;
}

/* Apply the pack's OFS_DELTAs: those whose chain ends in a blob (or cannot
 * be followed) when `blobs`, the others (trees, commits, tags) when not.
 * One that cannot be applied gives its inserted bytes as text; once the
 * byte budget is spent no more are built. */
static ls_err git_pack_deltas(struct git *g, bool blobs)
{
    for (size_t i = 0; i < g->ndeltas; i++) {
        if (ls_ctx_expired(g->c)) return LS_E_TIMEOUT; /* a build may inflate GIT_DELTA_DEPTH objects */
        enum git_type ct = git_chain_type(g, g->deltas[i]);
        if ((ct == GIT_BLOB || ct == 0) != blobs) continue;
        enum git_type type = 0;
        ls_err e = g->budget_spent || ct == 0 ? LS_E_CORRUPT : git_build(g, g->deltas[i], &type);
        if (e == LS_E_NOMEM || e == LS_E_TIMEOUT) return e;
        if (e == LS_E_LIMIT) g->budget_spent = true;
        if (e == LS_OK) {
            if (type == GIT_BLOB) e = g->no_children ? LS_OK : git_blob_child(g, g->deltas[i], ls_buf_slice(&g->ver));
            else e = git_content(g, type, ls_buf_slice(&g->ver), "", false);
            LS_TRY(e);
            continue;
        }
        /* not built: its own inserted bytes (already charged in the walk) */
        enum git_type t;
        uint64_t back;
        uint64_t left = ls_budget_left(g->c);
        e = git_read_at(g, g->deltas[i], &g->dlt, left < SIZE_MAX ? (size_t)left : SIZE_MAX, &t, &back);
        if (e == LS_E_NOMEM) return e;
        if (e != LS_OK && e != LS_E_LIMIT && e != LS_E_TRUNCATED) continue;
        e = git_delta(g, ls_buf_slice(&g->dlt));
        if (e == LS_E_NOMEM) return e;
    }
    return LS_OK;
}

/* The pack's whole blobs, read again and handed over as children (see
 * git_blob_child). Already charged. */
static ls_err git_pack_blobs(struct git *g)
{
    for (size_t i = 0; i < g->nblobs && !g->no_children; i++) {
        if (i % GIT_CHECK_EVERY == GIT_CHECK_EVERY - 1 && ls_ctx_expired(g->c)) return LS_E_TIMEOUT;
        enum git_type type;
        uint64_t back;
        uint64_t left = ls_budget_left(g->c);
        ls_err e = git_read_at(g, g->blobs[i], &g->obj, left < SIZE_MAX ? (size_t)left : SIZE_MAX, &type, &back);
        if (e == LS_E_NOMEM) return e;
        if (type != GIT_BLOB) continue; /* the header read in the walk, so not damaged */
        LS_TRY(git_blob_child(g, g->blobs[i], ls_buf_slice(&g->obj)));
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
    ls_buf_init(&g.name_text, SIZE_MAX);
    uint32_t count = 0;
    g.pk = o->data;
    ls_err e = LS_OK;
    bool bundle = git_bundle_sig(o->data);
    if (bundle) { /* the header's lines are text, the pack after them is read */
        size_t at = git_bundle_pack_at(o->data);
        struct ls_slice head = ls_slice_make(NULL, 0);
        (void)ls_slice_sub(o->data, 0, at == SIZE_MAX ? o->data.len : at, &head);
        e = git_text(&g, head);
        if (at == SIZE_MAX || !ls_slice_from(o->data, at, &g.pk)) g.pk = ls_slice_make(NULL, 0);
        if (e == LS_OK && g.pk.len < 12) e = LS_E_TRUNCATED; /* cut in the header or before the pack's */
    }
    g.pack = e == LS_OK && git_pack_header(g.pk, &count);
    if (e == LS_OK) e = g.pack ? git_pack(&g, count) : bundle ? LS_E_CORRUPT : git_loose(&g);
    ls_buf_init(&g.ver, SIZE_MAX);
    ls_buf_init(&g.tmp, SIZE_MAX);
    ls_buf_init(&g.dlt, SIZE_MAX);
    uint64_t cap = (uint64_t)g.pk.len * GIT_BUILD_FACTOR, half = ls_budget_left(c) / 2;
    if (cap < GIT_BUILD_FLOOR) cap = GIT_BUILD_FLOOR;
    g.build_left = cap < half ? cap : half;
    /* after the walk, even one cut short: trees built from deltas first (they name blobs), then blobs */
    ls_err b = g.pack ? git_pack_ids(&g) : LS_OK;
    if (b == LS_OK && g.pack) b = git_pack_deltas(&g, false);
    if (b == LS_OK && g.pack) b = git_pack_blobs(&g);
    if (b == LS_OK && g.pack) b = git_pack_deltas(&g, true);
    if (e == LS_OK) e = b;
    ls_err f = git_flush(&g);
    ls_buf_free(&g.ver);
    ls_buf_free(&g.tmp);
    ls_buf_free(&g.dlt);
    free(g.deltas);
    free(g.others);
    free(g.ids);
    free(g.blobs);
    free(g.names);
    ls_buf_free(&g.name_text);
    ls_buf_free(&g.text);
    ls_buf_free(&g.obj);
    if (e == LS_E_CORRUPT)
        ls_note(c, o, LS_R_PARSE_ERROR, g.pack || !bundle ? "git: damaged object" : "git: bundle without a pack");
    return e != LS_OK ? e : f;
}

const struct ls_handler ls_handler_git = {
    .name = "git",
    .probe = git_probe,
    .extract = git_extract,
};
