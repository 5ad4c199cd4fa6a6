/* The list of roots a run will dispatch (pool.h). */
#include <stdlib.h>
#include <string.h>

#include "pool/pool.h"

void ls_rootlist_init(struct ls_rootlist *l)
{
    memset(l, 0, sizeof *l);
    ls_buf_init(&l->arena, SIZE_MAX - 1);
}

static ls_err arena_add(struct ls_rootlist *l, const char *s, uint64_t *off)
{
    *off = l->arena.len;
    LS_TRY(ls_buf_adds(&l->arena, s));
    return ls_buf_addc(&l->arena, 0);
}

ls_err ls_rootlist_add(struct ls_rootlist *l, const char *path, int special, const char *errmsg,
                       uint64_t size)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 1024;
        struct ls_root_ent *v = realloc(l->v, nc * sizeof *v);
        if (!v) return LS_E_NOMEM;
        l->v = v;
        l->cap = nc;
    }
    struct ls_root_ent *e = &l->v[l->n];
    e->special = special;
    e->size = special ? 0 : size;
    e->err_off = UINT64_MAX;
    LS_TRY(arena_add(l, path, &e->path_off));
    if (errmsg) LS_TRY(arena_add(l, errmsg, &e->err_off));
    l->n++;
    if (!special) {
        l->regular++;
        l->total_bytes += size;
        if (size > l->max_size) l->max_size = size;
    }
    return LS_OK;
}

const char *ls_rootlist_path(const struct ls_rootlist *l, size_t i)
{
    return (const char *)l->arena.ptr + l->v[i].path_off;
}

const char *ls_rootlist_err(const struct ls_rootlist *l, size_t i)
{
    return l->v[i].err_off == UINT64_MAX ? NULL : (const char *)l->arena.ptr + l->v[i].err_off;
}

void ls_rootlist_free(struct ls_rootlist *l)
{
    ls_buf_free(&l->arena);
    free(l->v);
    memset(l, 0, sizeof *l);
}
