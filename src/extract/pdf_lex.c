/*
 * PDF lexer and object parser (ISO 32000-1:2008, 7.2 lexical conventions,
 * 7.3 objects), plus the arena every parsed object lives in.
 *
 * Attacker-controlled: everything. Strings and names are decoded into the
 * lexer's bounded buffer, numbers saturate, nesting is bounded by
 * PDF_MAX_NEST, and every element count is bounded by the input length
 * (each element consumes at least one input byte).
 */
#include "extract/pdf_int.h"

#include <stdlib.h>
#include <string.h>

struct pdf_obj pdf_null_obj = {.kind = PDF_NULL};

/* ---- arena ---- */

#define PDF_CHUNK_MIN (64u << 10)

struct pdf_chunk {
    struct pdf_chunk *next;
    size_t cap, used;
    _Alignas(16) uint8_t mem[];
};

void pdf_arena_init(struct pdf_arena *a, size_t max)
{
    memset(a, 0, sizeof *a);
    a->max = max;
}

/* Uninitialised, 16-byte aligned memory, or NULL. For this file's callers,
 * which write every byte they hand out (objects, copies, vectors); every
 * other caller gets zeroed memory from pdf_arena_alloc. */
static void *arena_take(struct pdf_arena *a, size_t n)
{
    size_t need = (n + 15u) & ~(size_t)15u;
    if (need < n || need > a->max || a->used > a->max - need) {
        a->failed = true;
        return NULL;
    }
    struct pdf_chunk *h = a->head;
    if (!h || h->cap - h->used < need) {
        size_t cap = need > PDF_CHUNK_MIN ? need : PDF_CHUNK_MIN;
        h = malloc(sizeof *h + cap);
        if (!h) {
            a->failed = true;
            return NULL;
        }
        h->next = a->head;
        h->cap = cap;
        h->used = 0;
        a->head = h;
    }
    void *p = &h->mem[h->used];
    h->used += need;
    a->used += need;
    return p;
}

void *pdf_arena_alloc(struct pdf_arena *a, size_t n)
{
    void *p = arena_take(a, n);
    if (p) memset(p, 0, n);
    return p;
}

bool pdf_arena_dup(struct pdf_arena *a, struct ls_slice s, struct ls_slice *out)
{
    if (s.len == SIZE_MAX) return false;
    uint8_t *p = arena_take(a, s.len + 1);
    if (!p) return false;
    if (s.len) memcpy(p, s.ptr, s.len);
    p[s.len] = 0;
    *out = ls_slice_make(p, s.len);
    return true;
}

void pdf_arena_free(struct pdf_arena *a)
{
    struct pdf_chunk *h = a->head;
    while (h) {
        struct pdf_chunk *n = h->next;
        free(h);
        h = n;
    }
    a->head = NULL;
    a->used = 0;
}

/* ---- object helpers ---- */

struct pdf_obj *pdf_dict_get(const struct pdf_obj *dict, const char *key)
{
    const struct pdf_obj *d = pdf_dict_of(dict);
    if (!d) return NULL;
    for (size_t i = d->u.d.n; i > 0; i--) /* last duplicate wins */
        if (ls_slice_eq_str(d->u.d.v[i - 1].key, key)) return d->u.d.v[i - 1].val;
    return NULL;
}

const struct pdf_obj *pdf_dict_of(const struct pdf_obj *o)
{
    if (!o) return NULL;
    if (o->kind == PDF_STREAM) return o->u.st.dict;
    return o->kind == PDF_DICT ? o : NULL;
}

bool pdf_name_is(const struct pdf_obj *o, const char *name)
{
    return o && o->kind == PDF_NAME && ls_slice_eq_str(o->u.s, name);
}

bool pdf_num(const struct pdf_obj *o, double *v)
{
    if (!o) return false;
    if (o->kind == PDF_INT) {
        *v = (double)o->u.i;
        return true;
    }
    if (o->kind == PDF_REAL) {
        *v = o->u.r;
        return true;
    }
    return false;
}

bool pdf_int(const struct pdf_obj *o, int64_t *v)
{
    if (!o) return false;
    if (o->kind == PDF_INT) {
        *v = o->u.i;
        return true;
    }
    if (o->kind == PDF_REAL && o->u.r > -9e15 && o->u.r < 9e15) {
        *v = (int64_t)o->u.r;
        return true;
    }
    return false;
}

/* ---- lexer ---- */

/* Longest string or name kept; longer ones are cut (the rest is skipped). */
#define PDF_MAX_TOKEN (16u << 20)

bool pdf_is_space(int ch)
{
    return ch == 0 || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r' || ch == ' ';
}

bool pdf_is_delim(int ch)
{
    return ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '[' || ch == ']' ||
           ch == '{' || ch == '}' || ch == '/' || ch == '%';
}

/* The lexer's byte classes (ISO 32000 7.2.2): white space, delimiters, and
 * the regular characters that end neither a word nor a name. One load per
 * byte where the loops over words, names and white space called
 * pdf_is_space() and pdf_is_delim() for each (14% of a run over real PDFs
 * went to pdf_lex_next). */
enum { LX_SPACE = 1, LX_DELIM = 2 };
static const uint8_t lx_class[256] = {
    [0] = LX_SPACE,   ['\t'] = LX_SPACE, ['\n'] = LX_SPACE, ['\f'] = LX_SPACE, ['\r'] = LX_SPACE,
    [' '] = LX_SPACE, ['('] = LX_DELIM,  [')'] = LX_DELIM,  ['<'] = LX_DELIM,  ['>'] = LX_DELIM,
    ['['] = LX_DELIM, [']'] = LX_DELIM,  ['{'] = LX_DELIM,  ['}'] = LX_DELIM,  ['/'] = LX_DELIM,
    ['%'] = LX_DELIM,
};

static inline int lx_peek(const struct pdf_lex *lx)
{
    return lx->cur.pos < lx->cur.in.len ? lx->cur.in.ptr[lx->cur.pos] : -1;
}

/* Append to the token buffer; a token past PDF_MAX_TOKEN is cut. */
static inline void lx_put(struct pdf_lex *lx, uint8_t ch)
{
    if (ls_buf_addc(&lx->tmp, ch) != LS_OK) return;
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

void pdf_lex_init(struct pdf_lex *lx, struct ls_slice in, size_t pos)
{
    lx->cur = ls_cur_make(in);
    lx->cur.pos = pos <= in.len ? pos : in.len;
    ls_buf_init(&lx->tmp, PDF_MAX_TOKEN);
}

void pdf_lex_free(struct pdf_lex *lx) { ls_buf_free(&lx->tmp); }

static void lx_skip_space(struct pdf_lex *lx)
{
    const struct ls_slice in = lx->cur.in;
    size_t p = lx->cur.pos;
    while (p < in.len) {
        uint8_t ch = in.ptr[p];
        if (lx_class[ch] == LX_SPACE) {
            p++;
        } else if (ch == '%') {
            while (p < in.len && in.ptr[p] != '\n' && in.ptr[p] != '\r') p++;
        } else {
            break;
        }
    }
    lx->cur.pos = p;
}

/* Literal string: the cursor is after '('. Decodes escapes (7.3.4.2). */
static void lx_literal(struct pdf_lex *lx)
{
    const struct ls_slice in = lx->cur.in;
    size_t p = lx->cur.pos;
    unsigned nest = 1;
    while (p < in.len) {
        /* plain run: one append (most strings have no escapes at all) */
        size_t run = p;
        while (run < in.len && in.ptr[run] != '(' && in.ptr[run] != ')' && in.ptr[run] != '\\' &&
               in.ptr[run] != '\r')
            run++;
        if (run > p) {
            struct ls_slice part;
            (void)ls_slice_sub(in, p, run - p, &part);
            if (ls_buf_add(&lx->tmp, part.ptr, part.len) != LS_OK) { /* cut */
            }
            p = run;
            continue;
        }
        uint8_t ch = in.ptr[p++];
        if (ch == '(') {
            nest++;
        } else if (ch == ')') {
            if (--nest == 0) break;
        } else if (ch == '\r') {
            if (p < in.len && in.ptr[p] == '\n') p++;
            ch = '\n';
        } else if (ch == '\\') {
            if (p >= in.len) break;
            ch = in.ptr[p++];
            switch (ch) {
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case '\r':
                if (p < in.len && in.ptr[p] == '\n') p++;
                continue;
            case '\n': continue;
            default:
                if (ch >= '0' && ch <= '7') {
                    unsigned v = ch - '0';
                    for (int k = 0; k < 2 && p < in.len && in.ptr[p] >= '0' && in.ptr[p] <= '7'; k++)
                        v = v * 8 + (in.ptr[p++] - '0');
                    ch = (uint8_t)v;
                }
                break; /* \( \) \\ and unknown escapes: the character itself */
            }
        }
        lx_put(lx, ch); /* past the cap: cut, the rest is skipped */
    }
    lx->cur.pos = p;
}

ls_err pdf_lex_literal(struct ls_slice body, struct ls_buf *out)
{
    struct pdf_lex lx;
    /* the body has no outer parentheses: parse it as if it were inside one */
    pdf_lex_init(&lx, body, 0);
    lx_literal(&lx);
    ls_err e = ls_buf_add(out, lx.tmp.ptr ? lx.tmp.ptr : (const uint8_t *)"", lx.tmp.len);
    pdf_lex_free(&lx);
    return e;
}

/* Hex string: the cursor is after '<'. */
static void lx_hex(struct pdf_lex *lx)
{
    const struct ls_slice in = lx->cur.in;
    size_t p = lx->cur.pos;
    int hi = -1;
    while (p < in.len) {
        uint8_t ch = in.ptr[p++];
        if (ch == '>') break;
        int v = hexval(ch);
        if (v < 0) continue; /* whitespace and junk are ignored */
        if (hi < 0) {
            hi = v;
        } else {
            lx_put(lx, (uint8_t)(hi << 4 | v));
            hi = -1;
        }
    }
    if (hi >= 0) lx_put(lx, (uint8_t)(hi << 4));
    lx->cur.pos = p;
}

/* Name: the cursor is after '/'. #xx escapes decoded. */
static void lx_name(struct pdf_lex *lx)
{
    const struct ls_slice in = lx->cur.in;
    size_t p = lx->cur.pos;
    while (p < in.len) {
        uint8_t ch = in.ptr[p];
        if (lx_class[ch]) break;
        p++;
        if (ch == '#' && in.len - p >= 2 && hexval(in.ptr[p]) >= 0 && hexval(in.ptr[p + 1]) >= 0) {
            ch = (uint8_t)(hexval(in.ptr[p]) << 4 | hexval(in.ptr[p + 1]));
            p += 2;
        }
        lx_put(lx, ch);
    }
    lx->cur.pos = p;
}

/* lx_tenths[k] = 1 divided by ten k + 1 times, one rounding per division
 * (a division per fractional digit was a visible share of lexing content
 * streams, which are mostly numbers). */
#define LX_TENTHS 12u
static const double lx_tenths[LX_TENTHS] = {
    1.0 / 10,
    1.0 / 10 / 10,
    1.0 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10,
    1.0 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10 / 10,
};

/* Number or keyword: a run of regular characters. */
static void lx_word(struct pdf_lex *lx, struct pdf_token *t)
{
    const struct ls_slice in = lx->cur.in;
    size_t p = lx->cur.pos;
    while (p < in.len && !lx_class[in.ptr[p]]) p++;
    /* built here, not through ls_slice_sub(): a slice written to memory and
     * read back at once stalled on store forwarding, a third of this
     * function's time (pos <= p <= in.len: the slice is inside in) */
    struct ls_slice w = ls_slice_make(in.ptr + lx->cur.pos, p - lx->cur.pos);
    lx->cur.pos = p;
    t->s = w;
    /* number? [+-]digits[.digits] or .digits */
    size_t i = 0;
    bool neg = false, dot = false, digits = false;
    if (w.len && (w.ptr[0] == '+' || w.ptr[0] == '-')) {
        neg = w.ptr[0] == '-';
        i = 1;
    }
    int64_t iv = 0;
    double frac = 0, scale = 1;
    size_t nfrac = 0;
    for (; i < w.len; i++) {
        uint8_t ch = w.ptr[i];
        if (ch >= '0' && ch <= '9') {
            digits = true;
            if (dot) {
                /* scale after k divisions by ten, the same doubles the
                 * divisions give (constant-folded with the same rounding) */
                scale = nfrac < LX_TENTHS ? lx_tenths[nfrac] : scale / 10;
                nfrac++;
                frac += (ch - '0') * scale;
            } else if (iv < 100000000000000000LL) {
                iv = iv * 10 + (ch - '0');
            }
        } else if (ch == '.' && !dot) {
            dot = true;
        } else if (ch == '-' && digits) {
            break; /* "1-2": some producers glue numbers; take the first */
        } else {
            t->t = PDF_T_KEYWORD;
            return;
        }
    }
    if (!digits) {
        t->t = (w.len == 1 && (w.ptr[0] == '.' || w.ptr[0] == '-' || w.ptr[0] == '+'))
                   ? PDF_T_INT
                   : PDF_T_KEYWORD;
        t->i = 0;
        t->r = 0;
        return;
    }
    if (dot) {
        t->t = PDF_T_REAL;
        t->r = ((double)iv + frac) * (neg ? -1 : 1);
        t->i = (int64_t)t->r;
    } else {
        t->t = PDF_T_INT;
        t->i = neg ? -iv : iv;
        t->r = (double)t->i;
    }
}

void pdf_lex_next(struct pdf_lex *lx, struct pdf_token *t)
{
    lx_skip_space(lx);
    t->start = lx->cur.pos;
    t->s = ls_slice_make(NULL, 0);
    t->i = 0;
    t->r = 0;
    int ch = lx_peek(lx);
    if (ch < 0) {
        t->t = PDF_T_EOF;
        return;
    }
    switch (ch) {
    case '(':
        lx->cur.pos++;
        ls_buf_reset(&lx->tmp);
        lx_literal(lx);
        t->t = PDF_T_STR;
        t->s = ls_buf_slice(&lx->tmp);
        return;
    case '<':
        lx->cur.pos++;
        if (lx_peek(lx) == '<') {
            lx->cur.pos++;
            t->t = PDF_T_DICT_OPEN;
            return;
        }
        ls_buf_reset(&lx->tmp);
        lx_hex(lx);
        t->t = PDF_T_STR;
        t->s = ls_buf_slice(&lx->tmp);
        return;
    case '>':
        lx->cur.pos++;
        if (lx_peek(lx) == '>') {
            lx->cur.pos++;
            t->t = PDF_T_DICT_CLOSE;
            return;
        }
        t->t = PDF_T_BAD;
        return;
    case '[': lx->cur.pos++; t->t = PDF_T_ARR_OPEN; return;
    case ']': lx->cur.pos++; t->t = PDF_T_ARR_CLOSE; return;
    case '/':
        lx->cur.pos++;
        ls_buf_reset(&lx->tmp);
        lx_name(lx);
        t->t = PDF_T_NAME;
        t->s = ls_buf_slice(&lx->tmp);
        return;
    case ')': case '{': case '}':
        lx->cur.pos++;
        t->t = PDF_T_BAD;
        return;
    default:
        lx_word(lx, t);
        return;
    }
}

/* ---- parser ---- */

void pdf_parser_init(struct pdf_parser *p, struct pdf_doc *d, struct pdf_arena *a,
                     struct ls_slice in, size_t pos)
{
    memset(p, 0, sizeof *p);
    pdf_lex_init(&p->lx, in, pos);
    p->d = d;
    p->arena = a;
    p->refs = true;
}

void pdf_parser_free(struct pdf_parser *p) { pdf_lex_free(&p->lx); }

static struct pdf_obj *new_obj(struct pdf_parser *p, enum pdf_kind k)
{
    struct pdf_obj *o = arena_take(p->arena, sizeof *o);
    if (!o) return &pdf_null_obj;
    *o = (struct pdf_obj){.kind = k};
    return o;
}

static struct pdf_obj *mk_string(struct pdf_parser *p, enum pdf_kind k, struct ls_slice s)
{
    struct pdf_obj *o = new_obj(p, k);
    if (o == &pdf_null_obj) return o;
    if (k == PDF_STR && p->decrypt && p->d && p->d->crypt_ok && s.len) {
        struct ls_buf b;
        ls_buf_init(&b, s.len + 16);
        if (pdf_crypt_decrypt(p->d, p->num, p->gen, PDF_CRYPT_STRING, s, &b) == LS_OK) {
            bool ok = pdf_arena_dup(p->arena, ls_buf_slice(&b), &o->u.s);
            ls_buf_free(&b);
            return ok ? o : &pdf_null_obj;
        }
        ls_buf_free(&b);
    }
    if (!pdf_arena_dup(p->arena, s, &o->u.s)) return &pdf_null_obj;
    return o;
}

/* Growable pointer vector in malloc memory, copied to the arena when done. */
struct ptrvec {
    void **v;
    size_t n, cap;
};

static bool pv_push(struct ptrvec *pv, void *x)
{
    if (pv->n == pv->cap) {
        size_t nc = pv->cap ? pv->cap * 2 : 16;
        void **nv = realloc(pv->v, nc * sizeof *nv);
        if (!nv) return false;
        pv->v = nv;
        pv->cap = nc;
    }
    pv->v[pv->n++] = x;
    return true;
}

static struct pdf_obj *parse_array(struct pdf_parser *p)
{
    struct ptrvec pv = {0};
    struct pdf_token t;
    for (;;) {
        size_t before = p->lx.cur.pos;
        pdf_lex_next(&p->lx, &t);
        if (t.t == PDF_T_ARR_CLOSE) break;
        if (t.t == PDF_T_EOF || t.t == PDF_T_DICT_CLOSE ||
            (t.t == PDF_T_KEYWORD && (ls_slice_eq_str(t.s, "endobj") || ls_slice_eq_str(t.s, "obj") ||
                                      ls_slice_eq_str(t.s, "stream")))) {
            p->lx.cur.pos = before; /* leave the terminator for the caller */
            p->bad = true;
            break;
        }
        if (t.t == PDF_T_BAD) continue;
        struct pdf_obj *v = pdf_parse_value(p, &t);
        if (!pv_push(&pv, v)) {
            p->bad = true;
            break;
        }
    }
    struct pdf_obj *o = new_obj(p, PDF_ARRAY);
    if (o != &pdf_null_obj && pv.n) {
        o->u.a.v = arena_take(p->arena, pv.n * sizeof(struct pdf_obj *));
        if (o->u.a.v) {
            memcpy(o->u.a.v, pv.v, pv.n * sizeof(struct pdf_obj *));
            o->u.a.n = pv.n;
        }
    }
    free(pv.v);
    return o;
}

static struct pdf_obj *parse_dict(struct pdf_parser *p)
{
    struct ptrvec pv = {0}; /* key, value alternating (key: arena slice copy) */
    struct pdf_token t;
    for (;;) {
        size_t before = p->lx.cur.pos;
        pdf_lex_next(&p->lx, &t);
        if (t.t == PDF_T_DICT_CLOSE) break;
        if (t.t == PDF_T_EOF || t.t == PDF_T_ARR_CLOSE ||
            (t.t == PDF_T_KEYWORD && (ls_slice_eq_str(t.s, "endobj") || ls_slice_eq_str(t.s, "obj") ||
                                      ls_slice_eq_str(t.s, "stream")))) {
            p->lx.cur.pos = before;
            p->bad = true;
            break;
        }
        if (t.t != PDF_T_NAME) { /* junk where a key should be: skip it */
            p->bad = true;
            continue;
        }
        struct pdf_obj *key = mk_string(p, PDF_NAME, t.s);
        size_t before_val = p->lx.cur.pos;
        pdf_lex_next(&p->lx, &t);
        struct pdf_obj *v;
        if (t.t == PDF_T_DICT_CLOSE || t.t == PDF_T_EOF) {
            p->lx.cur.pos = before_val; /* key without value */
            v = &pdf_null_obj;
            p->bad = true;
        } else {
            v = pdf_parse_value(p, &t);
        }
        if (!pv_push(&pv, key) || !pv_push(&pv, v)) {
            p->bad = true;
            break;
        }
    }
    struct pdf_obj *o = new_obj(p, PDF_DICT);
    size_t n = pv.n / 2;
    if (o != &pdf_null_obj && n) {
        o->u.d.v = arena_take(p->arena, n * sizeof(struct pdf_kv));
        if (o->u.d.v) {
            for (size_t i = 0; i < n; i++) {
                const struct pdf_obj *k = pv.v[2 * i];
                o->u.d.v[i].key = k->kind == PDF_NAME ? k->u.s : ls_slice_make("", 0);
                o->u.d.v[i].val = pv.v[2 * i + 1];
            }
            o->u.d.n = n;
        }
    }
    free(pv.v);
    return o;
}

/* After an integer: "G R" makes it a reference. */
static bool try_ref(struct pdf_parser *p, int64_t num, struct pdf_obj **out)
{
    if (!p->refs || num < 0 || num > UINT32_MAX) return false;
    size_t save = p->lx.cur.pos;
    struct pdf_token g, r;
    pdf_lex_next(&p->lx, &g);
    if (g.t == PDF_T_INT && g.i >= 0 && g.i <= 65535) {
        pdf_lex_next(&p->lx, &r);
        if (r.t == PDF_T_KEYWORD && ls_slice_eq_str(r.s, "R")) {
            struct pdf_obj *o = new_obj(p, PDF_REF);
            if (o != &pdf_null_obj) {
                o->u.ref.num = (uint32_t)num;
                o->u.ref.gen = (uint32_t)g.i;
            }
            *out = o;
            return true;
        }
    }
    p->lx.cur.pos = save;
    return false;
}

struct pdf_obj *pdf_parse_value(struct pdf_parser *p, const struct pdf_token *t)
{
    struct pdf_obj *o = &pdf_null_obj;
    switch (t->t) {
    case PDF_T_INT:
        if (try_ref(p, t->i, &o)) return o;
        o = new_obj(p, PDF_INT);
        if (o != &pdf_null_obj) o->u.i = t->i;
        return o;
    case PDF_T_REAL:
        o = new_obj(p, PDF_REAL);
        if (o != &pdf_null_obj) o->u.r = t->r;
        return o;
    case PDF_T_NAME: return mk_string(p, PDF_NAME, t->s);
    case PDF_T_STR: return mk_string(p, PDF_STR, t->s);
    case PDF_T_ARR_OPEN:
    case PDF_T_DICT_OPEN:
        if (p->depth >= PDF_MAX_NEST) {
            p->bad = true;
            return &pdf_null_obj;
        }
        p->depth++;
        o = t->t == PDF_T_ARR_OPEN ? parse_array(p) : parse_dict(p);
        p->depth--;
        return o;
    case PDF_T_KEYWORD:
        if (ls_slice_eq_str(t->s, "true") || ls_slice_eq_str(t->s, "false")) {
            o = new_obj(p, PDF_BOOL);
            if (o != &pdf_null_obj) o->u.b = t->s.len == 4;
            return o;
        }
        if (ls_slice_eq_str(t->s, "null")) return &pdf_null_obj;
        o = new_obj(p, PDF_KEYWORD);
        if (o != &pdf_null_obj) o->u.s = t->s; /* points into the input */
        return o;
    default:
        p->bad = true;
        return &pdf_null_obj;
    }
}

/* Skip the EOL after the "stream" keyword (7.3.8.1: CRLF or LF; CR alone
 * is tolerated). */
static size_t stream_data_start(struct ls_slice in, size_t pos)
{
    int ch = ls_slice_at(in, pos);
    while (ch == ' ' || ch == '\t') ch = ls_slice_at(in, ++pos); /* sloppy writers */
    if (ch == '\r') {
        pos++;
        if (ls_slice_at(in, pos) == '\n') pos++;
    } else if (ch == '\n') {
        pos++;
    }
    return pos;
}

static bool keyword_at(struct ls_slice in, size_t pos, const char *kw)
{
    size_t n = strlen(kw);
    struct ls_slice s;
    if (!ls_slice_sub(in, pos, n, &s) || memcmp(s.ptr, kw, n) != 0) return false;
    return true;
}

/* Stream data bounds: trust /Length only if "endstream" follows it. */
static void stream_bounds(struct pdf_parser *p, struct pdf_obj *st, size_t start)
{
    struct ls_slice in = p->lx.cur.in;
    int64_t len = -1;
    struct pdf_obj *lo = pdf_dict_get(st->u.st.dict, "Length");
    if (lo && lo->kind == PDF_REF && p->d) {
        lo = pdf_resolve(p->d, lo);
    }
    if (lo) (void)pdf_int(lo, &len);
    if (len >= 0 && (uint64_t)len <= in.len - start) {
        size_t e = start + (size_t)len;
        while (e < in.len && pdf_is_space(in.ptr[e])) e++;
        if (keyword_at(in, e, "endstream")) {
            (void)ls_slice_sub(in, start, (size_t)len, &st->u.st.raw);
            p->lx.cur.pos = e + 9;
            return;
        }
    }
    size_t end = p->d ? pdf_find_endstream(p->d, start) : ls_slice_find(in, start, "endstream", 9);
    size_t after;
    if (end == SIZE_MAX) {
        st->u.st.truncated = true;
        end = in.len;
        after = in.len;
    } else {
        after = end + 9;
        /* the EOL before endstream is not data */
        if (end > start && in.ptr[end - 1] == '\n') end--;
        if (end > start && in.ptr[end - 1] == '\r') end--;
    }
    /* A short /Length is trusted only in an encrypted file (a cipher needs
     * its exact length). Unencrypted data that outgrew its /Length runs to
     * endstream, as poppler, pdf.js and pdfminer read it: a hand-edited
     * content stream (pdfminer's samples/simple3.pdf: "World" came after
     * the 86 bytes /Length said), and a filtered one (pdf.js's
     * issue6108.pdf: /Length 9 over 270 bytes of ASCIIHex, its whole page;
     * a Flate stream cut by its /Length read truncated). A decoder stops
     * at its own end marker, so padding before endstream is not read. */
    if (len >= 0 && (uint64_t)len < end - start && p->d && p->d->encrypted) end = start + (size_t)len;
    (void)ls_slice_sub(in, start, end - start, &st->u.st.raw);
    p->lx.cur.pos = after;
}

struct pdf_obj *pdf_parse_indirect(struct pdf_parser *p, uint32_t num, uint32_t gen)
{
    struct pdf_token t;
    p->num = num;
    p->gen = gen;
    pdf_lex_next(&p->lx, &t);
    if (t.t == PDF_T_KEYWORD && ls_slice_eq_str(t.s, "endobj")) return &pdf_null_obj;
    struct pdf_obj *v = pdf_parse_value(p, &t);
    if (v->kind != PDF_DICT) return v;
    size_t save = p->lx.cur.pos;
    pdf_lex_next(&p->lx, &t);
    if (!(t.t == PDF_T_KEYWORD && ls_slice_eq_str(t.s, "stream"))) {
        p->lx.cur.pos = save;
        return v;
    }
    struct pdf_obj *st = new_obj(p, PDF_STREAM);
    if (st == &pdf_null_obj) return v;
    st->u.st.dict = v;
    st->u.st.num = num;
    st->u.st.gen = gen;
    stream_bounds(p, st, stream_data_start(p->lx.cur.in, p->lx.cur.pos));
    return st;
}
