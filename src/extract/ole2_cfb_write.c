/*
 * Export one storage of a compound file as a new, self-contained v3
 * compound file ([MS-CFB] 2.2-2.6), so that an embedded object or an
 * embedded Outlook message can be handed to the pipeline as a child and
 * identified and extracted like any file.
 *
 * The layout is fixed and simple: header, large streams, the mini stream,
 * the mini FAT, the directory, the FAT, then DIFAT sectors if needed.
 * Sibling trees are written as all-black right-leaning lists in the
 * source's order (readers follow links and do not check balance).
 * Input is the already-parsed directory (see ole2_cfb.c), so every link is
 * known to be in range and acyclic; stream contents are copied through
 * ole2_cfb_read (bounded). The output is capped at twice the input length:
 * cross-linked chains could otherwise make many streams share one big
 * chain and multiply the output.
 */
#include "extract/ole2_cfb.h"

#include <stdlib.h>
#include <string.h>

#define W_SECT 512u
#define W_PER 128u /* u32 per sector */
#define W_MINI 64u
#define W_CUTOFF 4096u
#define W_END 0xFFFFFFFEu
#define W_FREE 0xFFFFFFFFu
#define W_FATSECT 0xFFFFFFFDu
#define W_DIFSECT 0xFFFFFFFCu

struct w_ent {
    uint32_t src;        /* index in the source directory */
    uint32_t child, right;
    size_t off, len;     /* stream bytes in blob */
    uint32_t start;      /* first sector / mini sector */
};

struct w_state {
    struct ole2_cfb *f;
    struct w_ent *e;
    uint32_t n;
    struct ls_buf blob;
    bool lossy;
};

static uint32_t w_div(uint64_t a, uint32_t b) { return (uint32_t)((a + b - 1) / b); }

/* Collect the subtree under idx in breadth-first order, with links. */
static ls_err w_collect(struct w_state *w, uint32_t idx)
{
    struct ole2_cfb *f = w->f;
    w->e = calloc(f->ndir, sizeof *w->e);
    LS_FAIL_IF(!w->e, LS_E_NOMEM);
    w->e[0].src = idx;
    w->e[0].child = w->e[0].right = W_FREE;
    w->n = 1;
    for (uint32_t q = 0; q < w->n; q++) {
        if (f->dir[w->e[q].src].type == OLE2_T_STREAM) continue;
        uint32_t prev = W_FREE;
        uint32_t c = f->dir[w->e[q].src].first_child;
        for (; c < f->ndir && w->n < f->ndir; c = f->dir[c].next_sibling) {
            uint32_t k = w->n++;
            w->e[k].src = c;
            w->e[k].child = w->e[k].right = W_FREE;
            if (prev == W_FREE)
                w->e[q].child = k;
            else
                w->e[prev].right = k;
            prev = k;
        }
    }
    return LS_OK;
}

static ls_err w_read_streams(struct w_state *w)
{
    for (uint32_t i = 1; i < w->n; i++) {
        struct w_ent *e = &w->e[i];
        if (w->f->dir[e->src].type != OLE2_T_STREAM) continue;
        e->off = w->blob.len;
        ls_err r = ole2_cfb_read(w->f, e->src, &w->blob, w->f->dir[e->src].size);
        if (r == LS_E_NOMEM) return r;
        if (r != LS_OK) w->lossy = true;
        e->len = w->blob.len - e->off;
        if (r == LS_E_LIMIT && w->blob.len >= w->blob.max) return LS_OK; /* cap reached */
    }
    return LS_OK;
}

struct w_layout {
    uint32_t nbig, nmini_sect, nminifat, ndir, nfat, ndifat, total;
    uint32_t mini_start, minifat_start, dir_start, fat_start, difat_start;
    uint64_t mini_bytes;
};

static void w_plan(struct w_state *w, struct w_layout *L)
{
    memset(L, 0, sizeof *L);
    uint32_t mini_units = 0;
    for (uint32_t i = 1; i < w->n; i++) {
        struct w_ent *e = &w->e[i];
        if (w->f->dir[e->src].type != OLE2_T_STREAM || e->len == 0) {
            e->start = W_END;
        } else if (e->len < W_CUTOFF) {
            e->start = mini_units;
            mini_units += w_div(e->len, W_MINI);
        } else {
            e->start = L->nbig;
            L->nbig += w_div(e->len, W_SECT);
        }
    }
    L->mini_bytes = (uint64_t)mini_units * W_MINI;
    L->nmini_sect = w_div(L->mini_bytes, W_SECT);
    L->nminifat = w_div((uint64_t)mini_units * 4, W_SECT);
    L->ndir = w_div((uint64_t)w->n * 128, W_SECT);
    uint32_t base = L->nbig + L->nmini_sect + L->nminifat + L->ndir;
    for (int it = 0; it < 8; it++) { /* fixpoint: FAT sectors cover themselves */
        L->total = base + L->nfat + L->ndifat;
        L->nfat = w_div(L->total, W_PER);
        L->ndifat = L->nfat > 109 ? w_div(L->nfat - 109, W_PER - 1) : 0;
    }
    L->total = base + L->nfat + L->ndifat;
    L->mini_start = L->nbig;
    L->minifat_start = L->mini_start + L->nmini_sect;
    L->dir_start = L->minifat_start + L->nminifat;
    L->fat_start = L->dir_start + L->ndir;
    L->difat_start = L->fat_start + L->nfat;
}

static ls_err w_u16(struct ls_buf *b, uint16_t v)
{
    uint8_t x[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    return ls_buf_add(b, x, 2);
}
static ls_err w_u32(struct ls_buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return ls_buf_add(b, x, 4);
}
static ls_err w_pad(struct ls_buf *b, size_t unit, uint8_t fill)
{
    while (b->len % unit) LS_TRY(ls_buf_addc(b, fill));
    return LS_OK;
}
static ls_err w_fill(struct ls_buf *b, size_t n, uint8_t fill)
{
    for (size_t i = 0; i < n; i++) LS_TRY(ls_buf_addc(b, fill));
    return LS_OK;
}

static ls_err w_header(struct ls_buf *o, const struct w_layout *L)
{
    LS_TRY(ls_buf_add(o, ole2_signature, OLE2_SIG_LEN));
    LS_TRY(w_fill(o, 16, 0));
    LS_TRY(w_u16(o, 0x3E));
    LS_TRY(w_u16(o, 3));
    LS_TRY(w_u16(o, 0xFFFE));
    LS_TRY(w_u16(o, 9));
    LS_TRY(w_u16(o, 6));
    LS_TRY(w_fill(o, 6, 0));
    LS_TRY(w_u32(o, 0));
    LS_TRY(w_u32(o, L->nfat));
    LS_TRY(w_u32(o, L->dir_start));
    LS_TRY(w_u32(o, 0));
    LS_TRY(w_u32(o, W_CUTOFF));
    LS_TRY(w_u32(o, L->nminifat ? L->minifat_start : W_END));
    LS_TRY(w_u32(o, L->nminifat));
    LS_TRY(w_u32(o, L->ndifat ? L->difat_start : W_END));
    LS_TRY(w_u32(o, L->ndifat));
    for (uint32_t i = 0; i < 109; i++) LS_TRY(w_u32(o, i < L->nfat ? L->fat_start + i : W_FREE));
    return LS_OK;
}

static ls_err w_streams(struct w_state *w, struct ls_buf *o, bool mini)
{
    for (uint32_t i = 1; i < w->n; i++) {
        const struct w_ent *e = &w->e[i];
        if (e->start == W_END || (e->len < W_CUTOFF) != mini) continue;
        struct ls_slice s;
        if (!ls_slice_sub(ls_buf_slice(&w->blob), e->off, e->len, &s)) return LS_E_INTERNAL;
        LS_TRY(ls_buf_add(o, s.ptr, s.len));
        LS_TRY(w_pad(o, mini ? W_MINI : W_SECT, 0));
    }
    return LS_OK;
}

/* Chains of consecutive units for each stream; `mini` picks the table. */
static ls_err w_chains(struct w_state *w, struct ls_buf *o, bool mini)
{
    for (uint32_t i = 1; i < w->n; i++) {
        const struct w_ent *e = &w->e[i];
        if (e->start == W_END || (e->len < W_CUTOFF) != mini) continue;
        uint32_t k = w_div(e->len, mini ? W_MINI : W_SECT);
        for (uint32_t j = 1; j <= k; j++) LS_TRY(w_u32(o, j == k ? W_END : e->start + j));
    }
    return LS_OK;
}

static ls_err w_run(struct ls_buf *o, uint32_t first, uint32_t n)
{
    for (uint32_t j = 1; j <= n; j++) LS_TRY(w_u32(o, j == n ? W_END : first + j));
    return LS_OK;
}

static ls_err w_name(struct ls_buf *o, const char *name, bool root)
{
    struct ls_slice s = ls_slice_make(root ? "Root Entry" : name, strlen(root ? "Root Entry" : name));
    size_t pos = 0, units = 0;
    while (pos < s.len && units < 31) {
        int32_t cp = ls_utf8_next(s, &pos);
        if (cp < 0 || cp > 0xFFFF) cp = 0xFFFD;
        LS_TRY(w_u16(o, (uint16_t)cp));
        units++;
    }
    LS_TRY(w_fill(o, 64 - units * 2, 0));
    return w_u16(o, (uint16_t)((units + 1) * 2));
}

static ls_err w_dirent(struct w_state *w, struct ls_buf *o, uint32_t i, const struct w_layout *L)
{
    const struct w_ent *e = &w->e[i];
    const struct ole2_dirent *d = &w->f->dir[e->src];
    bool root = i == 0;
    LS_TRY(w_name(o, d->name, root));
    LS_TRY(ls_buf_addc(o, root ? OLE2_T_ROOT : d->type));
    LS_TRY(ls_buf_addc(o, 1)); /* black */
    LS_TRY(w_u32(o, W_FREE));
    LS_TRY(w_u32(o, e->right));
    LS_TRY(w_u32(o, e->child));
    LS_TRY(ls_buf_add(o, d->clsid, 16));
    LS_TRY(w_fill(o, 4 + 16, 0));
    if (root) {
        LS_TRY(w_u32(o, L->nmini_sect ? L->mini_start : W_END));
        LS_TRY(w_u32(o, (uint32_t)L->mini_bytes));
    } else {
        LS_TRY(w_u32(o, e->start));
        LS_TRY(w_u32(o, (uint32_t)e->len));
    }
    return w_u32(o, 0);
}

static ls_err w_fat(struct w_state *w, struct ls_buf *o, const struct w_layout *L)
{
    size_t at = o->len;
    LS_TRY(w_chains(w, o, false));
    LS_TRY(w_run(o, L->mini_start, L->nmini_sect));
    LS_TRY(w_run(o, L->minifat_start, L->nminifat));
    LS_TRY(w_run(o, L->dir_start, L->ndir));
    for (uint32_t i = 0; i < L->nfat; i++) LS_TRY(w_u32(o, W_FATSECT));
    for (uint32_t i = 0; i < L->ndifat; i++) LS_TRY(w_u32(o, W_DIFSECT));
    while ((o->len - at) < (size_t)L->nfat * W_SECT) LS_TRY(w_u32(o, W_FREE));
    return LS_OK;
}

static ls_err w_difat(struct ls_buf *o, const struct w_layout *L)
{
    uint32_t next = 109;
    for (uint32_t d = 0; d < L->ndifat; d++) {
        for (uint32_t j = 0; j < W_PER - 1; j++, next++) LS_TRY(w_u32(o, next < L->nfat ? L->fat_start + next : W_FREE));
        LS_TRY(w_u32(o, d + 1 < L->ndifat ? L->difat_start + d + 1 : W_END));
    }
    return LS_OK;
}

static ls_err w_emit(struct w_state *w, struct ls_buf *o)
{
    struct w_layout L;
    w_plan(w, &L);
    LS_TRY(w_header(o, &L));
    LS_TRY(w_streams(w, o, false));
    LS_TRY(w_streams(w, o, true));
    LS_TRY(w_pad(o, W_SECT, 0));
    LS_TRY(w_chains(w, o, true));
    LS_TRY(w_pad(o, W_SECT, 0xFF));
    for (uint32_t i = 0; i < w->n; i++) LS_TRY(w_dirent(w, o, i, &L));
    while (o->len % W_SECT) { /* unused directory slots */
        LS_TRY(w_fill(o, 64, 0));
        LS_TRY(w_u16(o, 0));
        LS_TRY(w_fill(o, 2, 0));
        LS_TRY(w_fill(o, 12, 0xFF));
        LS_TRY(w_fill(o, 48, 0));
    }
    LS_TRY(w_fat(w, o, &L));
    return w_difat(o, &L);
}

ls_err ole2_cfb_export(struct ole2_cfb *f, uint32_t idx, struct ls_buf *out, bool *lossy)
{
    struct w_state w;
    memset(&w, 0, sizeof w);
    w.f = f;
    *lossy = false;
    LS_FAIL_IF(idx >= f->ndir || f->dir[idx].type == OLE2_T_STREAM, LS_E_ARG);
    size_t cap = f->data.len <= SIZE_MAX / 2 ? f->data.len * 2 : f->data.len;
    ls_buf_init(&w.blob, cap);
    ls_err e = w_collect(&w, idx);
    if (e == LS_OK) e = w_read_streams(&w);
    if (e == LS_OK) e = w_emit(&w, out);
    *lossy = w.lossy;
    free(w.e);
    ls_buf_free(&w.blob);
    return e;
}
