/*
 * PDF cross-reference: classic xref tables (ISO 32000-1 7.5.4), trailers
 * and incremental updates (7.5.6), cross-reference streams and hybrid
 * files (7.5.8), object streams (7.5.7), and a linear "N G obj" scan when
 * the xref is missing or wrong (what viewers do to open damaged files).
 *
 * Attacker-controlled: every offset, count, /Size, /W, /Index, /Prev,
 * /First, /N. /Prev chains are followed at most PDF_MAX_XREF_SECTIONS
 * times with a visited list; object numbers are capped (dense table);
 * references are resolved with a busy flag per object (cycles) and a hop
 * bound.
 */
#include "extract/pdf_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pdf_mark_corrupt(struct pdf_doc *d, const char *fmt, ...)
{
    if (d->corrupt) return; /* one message is enough */
    d->corrupt = true;
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ls_note(d->c, d->o, LS_R_PARSE_ERROR, "pdf: %s", msg);
}

/* ---- object table ---- */

static struct pdf_xent *xent(struct pdf_doc *d, uint64_t num, bool grow)
{
    if (num >= d->max_obj) return NULL;
    if (num < d->nx) return &d->x[num];
    if (!grow) return NULL;
    size_t n = d->nx ? d->nx : 64;
    while (n <= num) n *= 2;
    if (n > d->max_obj) n = d->max_obj;
    struct pdf_xent *nx = realloc(d->x, n * sizeof *nx);
    if (!nx) return NULL;
    memset(&nx[d->nx], 0, (n - d->nx) * sizeof *nx);
    d->x = nx;
    d->nx = n;
    return &d->x[num];
}

/* Set an entry unless a newer section already did. */
static void xset(struct pdf_doc *d, uint64_t num, uint8_t type, uint64_t off, uint32_t gen,
                 uint32_t idx, bool override)
{
    struct pdf_xent *e = xent(d, num, true);
    if (!e || e->obj) return;
    if (e->type != 0 && !override) return;
    e->type = type;
    e->off = off;
    e->gen = gen;
    e->idx = idx;
}

/* ---- endstream index ---- */

size_t pdf_find_endstream(struct pdf_doc *d, size_t from)
{
    if (!d->ends_built) {
        d->ends_built = true;
        size_t cap = 0, pos = 0;
        for (;;) {
            size_t f = ls_slice_find(d->data, pos, "endstream", 9);
            if (f == SIZE_MAX) break;
            if (d->n_ends == cap) {
                size_t nc = cap ? cap * 2 : 64;
                size_t *ne = realloc(d->ends, nc * sizeof *ne);
                if (!ne) break;
                d->ends = ne;
                cap = nc;
            }
            d->ends[d->n_ends++] = f;
            pos = f + 9;
        }
    }
    size_t lo = 0, hi = d->n_ends; /* first >= from */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ends[mid] < from) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->n_ends ? d->ends[lo] : SIZE_MAX;
}

/* ---- parsing indirect objects ---- */

/* At off: "num gen obj" (either number may be checked against expected). */
static bool obj_header(struct ls_slice in, size_t off, uint32_t *num, uint32_t *gen, size_t *after)
{
    struct pdf_lex lx;
    struct pdf_token a, b, k;
    pdf_lex_init(&lx, in, off);
    pdf_lex_next(&lx, &a);
    pdf_lex_next(&lx, &b);
    pdf_lex_next(&lx, &k);
    bool ok = a.t == PDF_T_INT && b.t == PDF_T_INT && k.t == PDF_T_KEYWORD &&
              ls_slice_eq_str(k.s, "obj") && a.i >= 0 && a.i <= UINT32_MAX && b.i >= 0 &&
              b.i <= 65535;
    if (ok) {
        *num = (uint32_t)a.i;
        *gen = (uint32_t)b.i;
        *after = lx.cur.pos;
    }
    pdf_lex_free(&lx);
    return ok;
}

static struct pdf_obj *parse_at(struct pdf_doc *d, size_t off, uint32_t num, bool *ok)
{
    uint32_t n, g;
    size_t after;
    *ok = false;
    if (off >= d->data.len || !obj_header(d->data, off, &n, &g, &after) || n != num)
        return &pdf_null_obj;
    struct pdf_parser p;
    pdf_parser_init(&p, d, &d->arena, d->data, after);
    p.decrypt = d->crypt_ok && num != d->encrypt_num;
    struct pdf_obj *o = pdf_parse_indirect(&p, n, g);
    if (o->kind == PDF_STREAM && o->u.st.truncated) d->truncated = true;
    pdf_parser_free(&p);
    *ok = true;
    return o;
}

static void recover_scan(struct pdf_doc *d);

/* Object stream (7.5.7): "num off" pairs, then objects from /First. The
 * decoded data is kept in the arena: parsed objects point into it. */
struct objstm {
    uint32_t num;
    struct ls_slice data;
    int64_t first, n;
};

/* Cache bytes on a dictionary under key (an arena copy, one more slot;
 * keys start with a space, which no PDF name can). */
static struct pdf_obj *dict_cache(struct pdf_doc *d, const struct pdf_obj *dict, const char *key,
                                  struct ls_slice bytes)
{
    struct pdf_obj *c = pdf_arena_alloc(&d->arena, sizeof *c);
    if (!c || !pdf_arena_dup(&d->arena, bytes, &c->u.s)) return NULL;
    c->kind = PDF_STR;
    struct pdf_obj *dd = (struct pdf_obj *)dict;
    struct pdf_kv *nv = pdf_arena_alloc(&d->arena, (dd->u.d.n + 1) * sizeof *nv);
    if (!nv) return NULL;
    if (dd->u.d.n) memcpy(nv, dd->u.d.v, dd->u.d.n * sizeof *nv);
    nv[dd->u.d.n].key = ls_slice_make(key, strlen(key));
    nv[dd->u.d.n].val = c;
    dd->u.d.v = nv;
    dd->u.d.n++;
    return c;
}

/* The header of an object stream ("num off" pairs, N of them) lexed once
 * into 8-byte records (u32le num, u32le off) and cached as " index":
 * looking each object up by lexing the header again was quadratic (an
 * object stream of 65 542 objects took minutes). */
static struct ls_slice objstm_index(struct pdf_doc *d, const struct pdf_obj *dict, struct ls_slice hdr,
                                    int64_t n)
{
    struct pdf_obj *cache = pdf_dict_get(dict, " index");
    if (cache && cache->kind == PDF_STR) return cache->u.s;
    struct ls_buf b;
    ls_buf_init(&b, PDF_MAX_STREAM);
    struct pdf_lex lx;
    pdf_lex_init(&lx, hdr, 0);
    for (uint64_t i = 0; i < (uint64_t)n && i <= hdr.len; i++) {
        struct pdf_token a, o;
        pdf_lex_next(&lx, &a);
        pdf_lex_next(&lx, &o);
        if (a.t != PDF_T_INT || o.t != PDF_T_INT || a.i < 0 || o.i < 0 || a.i > UINT32_MAX ||
            o.i > UINT32_MAX)
            break;
        uint8_t rec[8];
        for (unsigned k = 0; k < 4; k++) {
            rec[k] = (uint8_t)((uint64_t)a.i >> (8 * k));
            rec[4 + k] = (uint8_t)((uint64_t)o.i >> (8 * k));
        }
        if (ls_buf_add(&b, rec, sizeof rec) != LS_OK) break;
    }
    pdf_lex_free(&lx);
    cache = dict_cache(d, dict, " index", ls_buf_slice(&b));
    ls_buf_free(&b);
    return cache ? cache->u.s : (struct ls_slice){NULL, 0};
}

/* Offset of object num, preferably the idx-th pair, else the first pair
 * naming num; -1 if none. */
static int64_t objstm_find(struct ls_slice index, uint32_t idx, uint32_t num)
{
    uint32_t pn = 0, po = 0;
    size_t cnt = index.len / 8;
    if (idx < cnt && ls_rd_u32le(index, (size_t)idx * 8, &pn) && pn == num &&
        ls_rd_u32le(index, (size_t)idx * 8 + 4, &po))
        return po;
    for (size_t i = 0; i < cnt; i++)
        if (ls_rd_u32le(index, i * 8, &pn) && pn == num && ls_rd_u32le(index, i * 8 + 4, &po)) return po;
    return -1;
}

/* Object stream s (number stm) decoded (cached on its dictionary), with
 * the offset of its first object and its "num off" index; false if it is
 * no usable object stream. */
static bool objstm_open(struct pdf_doc *d, uint32_t stm, const struct pdf_obj *s, struct ls_slice *data,
                        size_t *first, struct ls_slice *index)
{
    /* an encrypted file we cannot decrypt: the stream is cipher text, and
     * decoding it would only add a bogus "corrupt" to `encrypted` */
    if (d->encrypted && !d->crypt_ok) return false;
    if (s->kind != PDF_STREAM) return false;
    /* decoded bytes cached on the stream object: raw replaced by decoded */
    const struct pdf_obj *dict = s->u.st.dict;
    struct pdf_obj *cache = pdf_dict_get(dict, " decoded");
    if (!cache || cache->kind != PDF_STR) {
        struct ls_buf b;
        ls_buf_init(&b, PDF_MAX_STREAM);
        ls_err e = pdf_stream_decode(d, s, PDF_MAX_STREAM, &b);
        if (e != LS_OK) pdf_mark_corrupt(d, "object stream %u: %s", stm, ls_err_name(e));
        cache = dict_cache(d, dict, " decoded", ls_buf_slice(&b));
        ls_buf_free(&b);
        if (!cache) return false;
    }
    *data = cache->u.s;
    int64_t f = 0, n = 0;
    (void)pdf_int(pdf_dict_getr(d, dict, "First"), &f);
    (void)pdf_int(pdf_dict_getr(d, dict, "N"), &n);
    if (f < 0 || (uint64_t)f > data->len) return false;
    struct ls_slice hdr;
    (void)ls_slice_sub(*data, 0, (size_t)f, &hdr);
    *first = (size_t)f;
    *index = objstm_index(d, dict, hdr, n);
    return true;
}

/* The object at off (from /First) of an object stream's decoded data. */
static struct pdf_obj *objstm_parse(struct pdf_doc *d, struct ls_slice data, size_t first, int64_t off)
{
    if (off < 0 || (uint64_t)off > data.len - first) return &pdf_null_obj;
    struct pdf_parser p;
    pdf_parser_init(&p, d, &d->arena, data, first + (size_t)off);
    p.decrypt = false; /* the object stream as a whole was decrypted */
    struct pdf_token t;
    pdf_lex_next(&p.lx, &t);
    struct pdf_obj *o = pdf_parse_value(&p, &t);
    pdf_parser_free(&p);
    return o;
}

static struct pdf_obj *from_objstm(struct pdf_doc *d, uint32_t stm, uint32_t idx, uint32_t num)
{
    struct ls_slice data, index;
    size_t first;
    if (!objstm_open(d, stm, pdf_get(d, stm), &data, &first, &index)) return &pdf_null_obj;
    return objstm_parse(d, data, first, objstm_find(index, idx, num));
}

static struct pdf_obj *load(struct pdf_doc *d, uint32_t num, struct pdf_xent *e)
{
    bool ok = false;
    struct pdf_obj *o = &pdf_null_obj;
    if (e->type == 1) {
        o = parse_at(d, (size_t)e->off, num, &ok);
    } else if (e->type == 2 && e->off < UINT32_MAX) {
        o = from_objstm(d, (uint32_t)e->off, e->idx, num);
        ok = true;
    }
    if (!ok && !d->scanned) {
        /* the xref points to the wrong place: rebuild by scanning, retry once */
        pdf_mark_corrupt(d, "xref entry for object %u is wrong; scanning", num);
        recover_scan(d);
        e = xent(d, num, false);
        if (e && e->type == 1) o = parse_at(d, (size_t)e->off, num, &ok);
        else if (e && e->type == 2 && e->off < UINT32_MAX)
            o = from_objstm(d, (uint32_t)e->off, e->idx, num);
    }
    return o;
}

struct pdf_obj *pdf_get(struct pdf_doc *d, uint32_t num)
{
    struct pdf_xent *e = xent(d, num, false);
    if (!e || (e->type != 1 && e->type != 2)) return &pdf_null_obj;
    if (e->obj) return e->obj;
    if (e->busy || e->failed) return &pdf_null_obj; /* reference cycle or known bad */
    if (d->load_depth >= PDF_MAX_LOAD_DEPTH) return &pdf_null_obj; /* not cached: may work later */
    e->busy = 1;
    d->load_depth++;
    struct pdf_obj *o = load(d, num, e);
    d->load_depth--;
    e = xent(d, num, false); /* the table may have moved */
    if (!e) return o;
    e->busy = 0;
    if (o == &pdf_null_obj) e->failed = 1;
    else e->obj = o;
    return o;
}

struct pdf_obj *pdf_resolve(struct pdf_doc *d, struct pdf_obj *o)
{
    for (unsigned hops = 0; o && o->kind == PDF_REF; hops++) {
        if (hops >= PDF_MAX_REF_HOPS) return &pdf_null_obj;
        o = pdf_get(d, o->u.ref.num);
    }
    return o ? o : &pdf_null_obj;
}

struct pdf_obj *pdf_dict_getr(struct pdf_doc *d, const struct pdf_obj *dict, const char *key)
{
    struct pdf_obj *v = pdf_dict_get(dict, key);
    return v ? pdf_resolve(d, v) : &pdf_null_obj;
}

/* ---- classic xref table ---- */

static bool read_uint(struct pdf_lex *lx, uint64_t *v)
{
    struct pdf_token t;
    pdf_lex_next(lx, &t);
    if (t.t != PDF_T_INT || t.i < 0) return false;
    *v = (uint64_t)t.i;
    return true;
}

/* Parse "xref" subsections at pos (after the keyword) and the trailer. */
static struct pdf_obj *xref_table(struct pdf_doc *d, size_t pos)
{
    struct pdf_lex lx;
    pdf_lex_init(&lx, d->data, pos);
    struct pdf_obj *trailer = NULL;
    for (unsigned sub = 0; sub < 100000; sub++) {
        size_t save = lx.cur.pos;
        struct pdf_token t;
        pdf_lex_next(&lx, &t);
        if (t.t == PDF_T_KEYWORD && ls_slice_eq_str(t.s, "trailer")) {
            struct pdf_parser p;
            pdf_parser_init(&p, d, &d->arena, d->data, lx.cur.pos);
            pdf_lex_next(&p.lx, &t);
            trailer = pdf_parse_value(&p, &t);
            pdf_parser_free(&p);
            break;
        }
        lx.cur.pos = save;
        uint64_t first, count;
        if (!read_uint(&lx, &first) || !read_uint(&lx, &count)) break;
        for (uint64_t i = 0; i < count; i++) {
            uint64_t off, gen;
            struct pdf_token f;
            if (!read_uint(&lx, &off) || !read_uint(&lx, &gen)) goto out;
            pdf_lex_next(&lx, &f);
            if (f.t != PDF_T_KEYWORD || f.s.len != 1) goto out;
            /* a common bug: first entry numbered 1 instead of 0 */
            uint64_t num = first + i;
            if (first == 1 && i == 0 && f.s.ptr[0] == 'f' && gen == 65535) {
                first = 0;
                num = 0;
            }
            if (f.s.ptr[0] == 'n' && off > 0) xset(d, num, 1, off, (uint32_t)gen, 0, false);
            else if (f.s.ptr[0] == 'f') {
                struct pdf_xent *e = xent(d, num, true);
                if (e && e->type == 0) e->type = 3; /* free: newer says deleted */
            }
        }
    }
out:
    pdf_lex_free(&lx);
    return trailer && trailer->kind == PDF_DICT ? trailer : NULL;
}

/* ---- cross-reference stream ---- */

static uint64_t be_field(struct ls_slice row, size_t off, int64_t w)
{
    uint64_t v = 0;
    for (int64_t k = 0; k < w; k++) v = v << 8 | (uint64_t)ls_slice_at(row, off + (size_t)k);
    return v;
}

static struct pdf_obj *xref_stream(struct pdf_doc *d, size_t pos)
{
    uint32_t num, gen;
    size_t after;
    if (!obj_header(d->data, pos, &num, &gen, &after)) return NULL;
    struct pdf_parser p;
    pdf_parser_init(&p, d, &d->arena, d->data, after);
    struct pdf_obj *s = pdf_parse_indirect(&p, num, gen);
    pdf_parser_free(&p);
    if (s->kind != PDF_STREAM || !pdf_name_is(pdf_dict_get(s, "Type"), "XRef")) return NULL;
    const struct pdf_obj *dict = s->u.st.dict;
    struct pdf_obj *w = pdf_dict_get(dict, "W");
    int64_t wv[3] = {0, 0, 0};
    if (!w || w->kind != PDF_ARRAY || w->u.a.n < 3) return NULL;
    for (int k = 0; k < 3; k++)
        if (!pdf_int(w->u.a.v[k], &wv[k]) || wv[k] < 0 || wv[k] > 8) return NULL;
    int64_t rowlen = wv[0] + wv[1] + wv[2];
    if (rowlen == 0) return NULL;
    struct ls_buf b;
    ls_buf_init(&b, PDF_MAX_STREAM);
    ls_err e = pdf_stream_decode(d, s, PDF_MAX_STREAM, &b);
    if (e != LS_OK && e != LS_E_LIMIT) pdf_mark_corrupt(d, "xref stream: %s", ls_err_name(e));
    struct ls_slice data = ls_buf_slice(&b);
    int64_t size = 0;
    (void)pdf_int(pdf_dict_get(dict, "Size"), &size);
    struct pdf_obj *idx = pdf_dict_get(dict, "Index");
    size_t row = 0, nrows = data.len / (size_t)rowlen;
    size_t npairs = idx && idx->kind == PDF_ARRAY ? idx->u.a.n / 2 : 1;
    for (size_t pi = 0; pi < npairs && row < nrows; pi++) {
        int64_t first = 0, count = size;
        if (idx && idx->kind == PDF_ARRAY) {
            (void)pdf_int(idx->u.a.v[2 * pi], &first);
            (void)pdf_int(idx->u.a.v[2 * pi + 1], &count);
        }
        if (first < 0 || count < 0) break;
        for (int64_t i = 0; i < count && row < nrows; i++, row++) {
            struct ls_slice r;
            (void)ls_slice_sub(data, row * (size_t)rowlen, (size_t)rowlen, &r);
            uint64_t type = wv[0] ? be_field(r, 0, wv[0]) : 1;
            uint64_t f2 = be_field(r, (size_t)wv[0], wv[1]);
            uint64_t f3 = be_field(r, (size_t)(wv[0] + wv[1]), wv[2]);
            uint64_t n = (uint64_t)first + (uint64_t)i;
            if (type == 1 && f2 > 0) xset(d, n, 1, f2, (uint32_t)f3, 0, false);
            else if (type == 2) xset(d, n, 2, f2, 0, (uint32_t)f3, false);
            else if (type == 0) {
                struct pdf_xent *x = xent(d, n, true);
                if (x && x->type == 0 && n != 0) x->type = 3;
            }
        }
    }
    ls_buf_free(&b);
    return (struct pdf_obj *)dict;
}

/* ---- startxref and the section chain ---- */

static size_t last_startxref(struct ls_slice in, size_t from)
{
    size_t last = SIZE_MAX;
    for (;;) {
        size_t f = ls_slice_find(in, from, "startxref", 9);
        if (f == SIZE_MAX) break;
        last = f;
        from = f + 9;
    }
    return last;
}

static size_t find_startxref(struct ls_slice in)
{
    size_t last = last_startxref(in, in.len > 4096 ? in.len - 4096 : 0);
    if (last == SIZE_MAX && in.len > 4096) last = last_startxref(in, 0); /* junk appended */
    if (last == SIZE_MAX) return SIZE_MAX;
    struct pdf_lex lx;
    pdf_lex_init(&lx, in, last + 9);
    struct pdf_token t;
    pdf_lex_next(&lx, &t);
    pdf_lex_free(&lx);
    return t.t == PDF_T_INT && t.i >= 0 && (uint64_t)t.i < in.len ? (size_t)t.i : SIZE_MAX;
}

/* Merge keys of an older trailer the newer one lacks (Root, Info, Encrypt, ID). */
static void merge_trailer(struct pdf_doc *d, struct pdf_obj *t)
{
    if (!d->trailer) {
        d->trailer = t;
        return;
    }
    static const char *const keys[] = {"Root", "Info", "Encrypt", "ID"};
    for (size_t k = 0; k < 4; k++) {
        struct pdf_obj *v = pdf_dict_get(t, keys[k]);
        if (!v || pdf_dict_get(d->trailer, keys[k])) continue;
        struct pdf_obj *dd = d->trailer;
        struct pdf_kv *nv = pdf_arena_alloc(&d->arena, (dd->u.d.n + 1) * sizeof *nv);
        if (!nv) return;
        if (dd->u.d.n) memcpy(nv, dd->u.d.v, dd->u.d.n * sizeof *nv);
        nv[dd->u.d.n].key = ls_slice_make(keys[k], strlen(keys[k]));
        nv[dd->u.d.n].val = v;
        dd->u.d.v = nv;
        dd->u.d.n++;
    }
}

/* One section at pos: table or stream. Returns its trailer dict or NULL. */
static struct pdf_obj *read_section(struct pdf_doc *d, size_t pos)
{
    struct pdf_lex lx;
    struct pdf_token t;
    pdf_lex_init(&lx, d->data, pos);
    pdf_lex_next(&lx, &t);
    size_t after = lx.cur.pos;
    pdf_lex_free(&lx);
    if (t.t == PDF_T_KEYWORD && ls_slice_eq_str(t.s, "xref")) return xref_table(d, after);
    return xref_stream(d, t.start);
}

static bool load_xref(struct pdf_doc *d)
{
    size_t pos = find_startxref(d->data);
    size_t seen[PDF_MAX_XREF_SECTIONS];
    bool any = false;
    for (unsigned i = 0; pos != SIZE_MAX; i++) {
        if (i >= PDF_MAX_XREF_SECTIONS) {
            pdf_mark_corrupt(d, "more than %u xref sections", PDF_MAX_XREF_SECTIONS);
            return any;
        }
        for (unsigned k = 0; k < i; k++)
            if (seen[k] == pos) {
                pdf_mark_corrupt(d, "xref /Prev chain loops");
                return any;
            }
        seen[i] = pos;
        struct pdf_obj *tr = read_section(d, pos);
        if (!tr) {
            pdf_mark_corrupt(d, "no xref section at offset %zu", pos);
            /* a /Prev off by a few bytes (line ends rewritten, a
             * linearized file's main table moved): the newest section
             * alone lacks most objects, so rebuild by scanning */
            d->xref_broken = any;
            return any;
        }
        any = true;
        merge_trailer(d, tr);
        int64_t v;
        /* hybrid file: the stream holds objects the table does not */
        if (pdf_int(pdf_dict_get(tr, "XRefStm"), &v) && v >= 0 && (uint64_t)v < d->data.len)
            (void)read_section(d, (size_t)v);
        pos = pdf_int(pdf_dict_get(tr, "Prev"), &v) && v >= 0 && (uint64_t)v < d->data.len
                  ? (size_t)v
                  : SIZE_MAX;
    }
    return any;
}

/* ---- recovery: linear scan for "N G obj" and "trailer" ---- */

static void scan_objstm(struct pdf_doc *d, uint32_t stm)
{
    struct pdf_obj *s = pdf_get(d, stm);
    if (s->kind != PDF_STREAM || !pdf_name_is(pdf_dict_get(s, "Type"), "ObjStm")) return;
    /* decode via from_objstm's cache by asking for an impossible object */
    (void)from_objstm(d, stm, UINT32_MAX, UINT32_MAX);
    struct pdf_obj *cache = pdf_dict_get(s->u.st.dict, " decoded");
    if (!cache || cache->kind != PDF_STR) return;
    int64_t first = 0, n = 0;
    (void)pdf_int(pdf_dict_getr(d, s, "First"), &first);
    (void)pdf_int(pdf_dict_getr(d, s, "N"), &n);
    struct ls_slice hdr;
    if (first < 0 || !ls_slice_sub(cache->u.s, 0, (size_t)first, &hdr)) return;
    struct pdf_lex lx;
    pdf_lex_init(&lx, hdr, 0);
    for (int64_t i = 0; i < n && (uint64_t)i <= hdr.len; i++) {
        struct pdf_token a, b;
        pdf_lex_next(&lx, &a);
        pdf_lex_next(&lx, &b);
        if (a.t != PDF_T_INT || b.t != PDF_T_INT || a.i < 0) break;
        xset(d, (uint64_t)a.i, 2, stm, 0, (uint32_t)i, false);
    }
    pdf_lex_free(&lx);
}

/* Where "N G " starts before the "obj" keyword at f (two digit runs of at
 * most 10 digits, each after white space); false if there are not two. */
static bool header_start(struct ls_slice in, size_t f, size_t *start)
{
    size_t b = f;
    for (int fields = 0; fields < 2; fields++) {
        size_t e = b;
        while (e > 0 && pdf_is_space(in.ptr[e - 1])) e--;
        size_t s = e;
        while (s > 0 && in.ptr[s - 1] >= '0' && in.ptr[s - 1] <= '9' && e - s < 10) s--;
        if (s == e) return false;
        b = s;
    }
    *start = b;
    return true;
}

static void recover_scan(struct pdf_doc *d)
{
    if (d->scanned) return;
    d->scanned = true;
    struct ls_slice in = d->data;
    /* forget cached failures: offsets change */
    for (size_t i = 0; i < d->nx; i++) d->x[i].failed = 0;
    size_t pos = 0;
    for (;;) {
        size_t f = ls_slice_find(in, pos, "obj", 3);
        if (f == SIZE_MAX) break;
        pos = f + 3;
        if (pos < in.len && !pdf_is_space(in.ptr[pos]) && !pdf_is_delim(in.ptr[pos])) continue;
        size_t b;
        if (!header_start(in, f, &b)) continue;
        uint32_t num, gen;
        size_t after;
        if (!obj_header(in, b, &num, &gen, &after)) continue;
        /* later definitions (incremental updates) win */
        struct pdf_xent *e = xent(d, num, true);
        if (e && !e->obj) {
            e->type = 1;
            e->off = b;
            e->gen = gen;
        }
    }
    /* trailers (the last one wins for Root/Info) */
    pos = 0;
    struct pdf_obj *last = NULL;
    for (unsigned k = 0; k < 10000; k++) {
        size_t f = ls_slice_find(in, pos, "trailer", 7);
        if (f == SIZE_MAX) break;
        pos = f + 7;
        struct pdf_parser p;
        pdf_parser_init(&p, d, &d->arena, in, pos);
        struct pdf_token t;
        pdf_lex_next(&p.lx, &t);
        if (t.t == PDF_T_DICT_OPEN) {
            struct pdf_obj *tr = pdf_parse_value(&p, &t);
            if (tr->kind == PDF_DICT && pdf_dict_get(tr, "Root")) last = tr;
        }
        pdf_parser_free(&p);
    }
    if (last) merge_trailer(d, last);
    /* objects inside object streams */
    for (size_t i = 0; i < d->nx; i++)
        if (d->x[i].type == 1) scan_objstm(d, (uint32_t)i);
}

/* ---- earlier revisions ---- */

bool pdf_several_revisions(const struct pdf_doc *d)
{
    struct ls_slice in = d->data;
    size_t f = ls_slice_find(in, 0, "%%EOF", 5);
    return f != SIZE_MAX && ls_slice_find(in, f + 5, "%%EOF", 5) != SIZE_MAX;
}

/* The objects of object stream s (number stm, current or not) that the
 * xref no longer maps to it: what an update redefined elsewhere. */
static size_t objstm_superseded(struct pdf_doc *d, uint32_t stm, const struct pdf_obj *s, size_t max,
                                pdf_superseded_fn fn, void *ud)
{
    struct ls_slice data, index;
    size_t first, n = 0;
    if (s->kind != PDF_STREAM || !pdf_name_is(pdf_dict_get(s, "Type"), "ObjStm") ||
        !objstm_open(d, stm, s, &data, &first, &index))
        return 0;
    for (size_t k = 0; k < index.len / 8 && n < max; k++) {
        uint32_t num = 0, off = 0;
        if (!ls_rd_u32le(index, k * 8, &num) || !ls_rd_u32le(index, k * 8 + 4, &off)) break;
        const struct pdf_xent *e = xent(d, num, false);
        if (e && ((e->type == 2 && e->off == stm) || e->busy)) continue; /* still here */
        struct pdf_obj *o = objstm_parse(d, data, first, off);
        if (o->kind == PDF_NULL) continue;
        n++;
        fn(ud, num, o);
    }
    return n;
}

size_t pdf_each_superseded(struct pdf_doc *d, size_t max, pdf_superseded_fn fn, void *ud)
{
    struct ls_slice in = d->data;
    size_t n = 0, pos = 0;
    while (n < max) {
        size_t f = ls_slice_find(in, pos, " obj", 4);
        if (f == SIZE_MAX) break;
        pos = f + 4;
        if ((pos & 0xffff) < 4 && ls_ctx_expired(d->c)) break;
        /* "N G obj" at the start of a line */
        size_t b;
        if (!header_start(in, f, &b) || (b > 0 && in.ptr[b - 1] != '\n' && in.ptr[b - 1] != '\r'))
            continue;
        uint32_t num, gen;
        size_t after;
        if (!obj_header(in, b, &num, &gen, &after)) continue;
        const struct pdf_xent *e = xent(d, num, false);
        if (e && e->busy) continue;
        if (e && e->type == 1 && e->off == b) { /* the current definition */
            n += objstm_superseded(d, num, pdf_get(d, num), max - n, fn, ud);
            continue;
        }
        bool ok;
        struct pdf_obj *o = parse_at(d, b, num, &ok);
        if (!ok || o->kind == PDF_NULL) continue;
        if (o->kind == PDF_STREAM && pdf_name_is(pdf_dict_get(o, "Type"), "ObjStm")) {
            n += objstm_superseded(d, num, o, max - n, fn, ud); /* an earlier object stream */
            continue;
        }
        n++;
        fn(ud, num, o);
    }
    return n;
}

/* Find the catalog by scanning objects when the trailer has no usable Root. */
static struct pdf_obj *find_catalog(struct pdf_doc *d)
{
    for (size_t i = 0; i < d->nx; i++) {
        if (d->x[i].type != 1 && d->x[i].type != 2) continue;
        struct pdf_obj *o = pdf_get(d, (uint32_t)i);
        if (o->kind == PDF_DICT && pdf_name_is(pdf_dict_get(o, "Type"), "Catalog")) return o;
    }
    return NULL;
}

static void add_root(struct pdf_doc *d, struct pdf_obj *cat)
{
    if (!d->trailer) {
        d->trailer = pdf_arena_alloc(&d->arena, sizeof *d->trailer);
        if (!d->trailer) return;
        d->trailer->kind = PDF_DICT;
    }
    struct pdf_obj *dd = d->trailer;
    struct pdf_kv *nv = pdf_arena_alloc(&d->arena, (dd->u.d.n + 1) * sizeof *nv);
    if (!nv) return;
    if (dd->u.d.n) memcpy(nv, dd->u.d.v, dd->u.d.n * sizeof *nv);
    nv[dd->u.d.n].key = ls_slice_make("Root", 4);
    nv[dd->u.d.n].val = cat;
    dd->u.d.v = nv;
    dd->u.d.n++;
}

static void setup_crypt(struct pdf_doc *d)
{
    if (d->encrypted) return; /* done already */
    struct pdf_obj *encref = pdf_dict_get(d->trailer, "Encrypt");
    if (!encref || encref->kind == PDF_NULL) return;
    if (encref->kind == PDF_REF) d->encrypt_num = encref->u.ref.num;
    d->encrypted = true;
    struct pdf_obj *enc = pdf_resolve(d, encref);
    const char *what = "unknown security handler";
    if (pdf_crypt_setup(d, enc, &what) == LS_OK) {
        d->crypt_ok = true;
        /* objects parsed before decryption was set up hold cipher text */
        for (size_t i = 0; i < d->nx; i++)
            if (i != d->encrypt_num) d->x[i].obj = NULL;
    } else {
        ls_note(d->c, d->o, LS_R_ENCRYPTED, "pdf: %s", what);
    }
}

ls_err pdf_doc_open(struct pdf_doc *d, struct ls_ctx *c, struct ls_object *o)
{
    memset(d, 0, sizeof *d);
    d->c = c;
    d->o = o;
    d->data = o->data;
    /* Bytes before the header (a MacBinary or mail wrapper, the EMF comment
     * record Mac Office keeps a PDF copy in): offsets count from "%PDF-",
     * as Acrobat reads them. Absolute offsets then miss and the recovery
     * scan finds the objects. */
    struct ls_slice head;
    size_t hdr = SIZE_MAX;
    if (ls_slice_sub(o->data, 0, o->data.len < 1024 ? o->data.len : 1024, &head))
        hdr = ls_slice_find(head, 0, "%PDF-", 5);
    if (hdr != SIZE_MAX && hdr > 0) (void)ls_slice_sub(o->data, hdr, o->data.len - hdr, &d->data);
    d->encrypt_num = UINT32_MAX;
    size_t amax = PDF_ARENA_BASE;
    if (d->data.len < (PDF_ARENA_MAX - PDF_ARENA_BASE) / PDF_ARENA_FACTOR)
        amax += d->data.len * PDF_ARENA_FACTOR;
    else
        amax = (size_t)PDF_ARENA_MAX;
    pdf_arena_init(&d->arena, amax);
    d->max_obj = d->data.len / 2 + 65536;
    if (d->max_obj > PDF_MAX_OBJECTS) d->max_obj = PDF_MAX_OBJECTS;
    d->max_work = (uint64_t)PDF_MAX_STREAM * 16 + (uint64_t)d->data.len * 16;
    bool ok = load_xref(d);
    /* Decryption first: the catalog may sit in an object stream, which is
     * cipher text until then. A file we cannot decrypt is not searched
     * for its catalog (nothing in it could be read). */
    if (ok && d->trailer) setup_crypt(d);
    bool sealed = d->encrypted && !d->crypt_ok;
    if (!ok || !d->trailer || !pdf_dict_get(d->trailer, "Root") || (d->xref_broken && !sealed)) {
        if (ok && !d->xref_broken) pdf_mark_corrupt(d, "trailer has no /Root");
        else if (!d->corrupt) pdf_mark_corrupt(d, "no startxref; scanning for objects");
        recover_scan(d);
    }
    struct pdf_obj *root = pdf_dict_getr(d, d->trailer, "Root");
    if (root->kind != PDF_DICT && !d->scanned && !sealed) {
        pdf_mark_corrupt(d, "/Root is not a dictionary; scanning");
        recover_scan(d);
        root = pdf_dict_getr(d, d->trailer, "Root");
    }
    if (root->kind != PDF_DICT && !sealed) {
        struct pdf_obj *cat = find_catalog(d);
        if (cat) add_root(d, cat);
    }
    setup_crypt(d);
    d->done = calloc(d->max_obj / 8 + 1, 1);
    if (!d->done) return LS_E_NOMEM;
    return LS_OK;
}

bool pdf_done_test_set(struct pdf_doc *d, uint32_t num)
{
    if (num >= d->max_obj || !d->done) return true;
    uint8_t bit = (uint8_t)(1u << (num & 7));
    bool was = d->done[num >> 3] & bit;
    d->done[num >> 3] |= bit;
    return was;
}

void pdf_doc_close(struct pdf_doc *d)
{
    free(d->x);
    free(d->ends);
    free(d->done);
    free(d->crypt);
    pdf_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}
