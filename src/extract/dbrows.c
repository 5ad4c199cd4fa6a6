/* The tables of a database as text (dbrows.h). */
#include "extract/dbrows.h"

#include <string.h>

#include "core/handler.h"

ls_err ls_dbrows_init(struct ls_dbrows *r, struct ls_ctx *c, struct ls_object *o)
{
    memset(r, 0, sizeof *r);
    r->c = c;
    r->o = o;
    r->stop = LS_OK;
    LS_TRY(ls_tc_init(&r->tc));
    ls_buf_init(&r->line, SIZE_MAX);
    return LS_OK;
}

void ls_dbrows_free(struct ls_dbrows *r)
{
    ls_buf_free(&r->line);
    ls_tc_free(&r->tc);
}

ls_err ls_dbrows_emit(struct ls_dbrows *r, struct ls_slice t)
{
    if (r->text_full) return LS_E_LIMIT;
    ls_err e = ls_emit_text(r->c, r->o, t.ptr, t.len);
    if (e == LS_E_LIMIT) r->text_full = true;
    return e;
}

ls_err ls_dbrows_title(struct ls_dbrows *r, const char *name, size_t name_max)
{
    ls_tc_reset(&r->tc);
    ls_buf_reset(&r->line);
    LS_TRY(ls_buf_adds(&r->line, "[Table: "));
    LS_TRY(ls_tc_put_value(&r->line, ls_slice_make(name, strlen(name)), name_max));
    LS_TRY(ls_buf_adds(&r->line, "]\n"));
    LS_TRY(ls_dbrows_emit(r, ls_buf_slice(&r->line)));
    ls_buf_reset(&r->line);
    return LS_OK;
}

void ls_dbrows_cell(struct ls_dbrows *r, uint32_t col, size_t at, bool is_text)
{
    struct ls_slice cell = {0};
    (void)ls_slice_sub(ls_buf_slice(&r->line), at, r->line.len - at, &cell);
    ls_tc_cell(&r->tc, col, cell, is_text);
}

ls_err ls_dbrows_head_cell(struct ls_dbrows *r, uint32_t col, const char *name, size_t name_max)
{
    if (col > 0) LS_TRY(ls_buf_addc(&r->line, '\t'));
    size_t at = r->line.len;
    LS_TRY(ls_tc_put_value(&r->line, ls_slice_make(name, strlen(name)), name_max));
    struct ls_slice cell = {0};
    (void)ls_slice_sub(ls_buf_slice(&r->line), at, r->line.len - at, &cell);
    ls_tc_cell(&r->tc, col, cell, ls_tc_is_text(cell));
    return LS_OK;
}

ls_err ls_dbrows_row_end(struct ls_dbrows *r)
{
    LS_TRY(ls_buf_addc(&r->line, '\n'));
    ls_err e = ls_dbrows_emit(r, ls_buf_slice(&r->line));
    ls_buf_reset(&r->line);
    if (e != LS_OK) return e;
    return ls_tc_row_end(&r->tc, r->c, r->o);
}

ls_err ls_dbrows_child(struct ls_dbrows *r, const struct ls_buf *name, struct ls_slice data)
{
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name->ptr;
    ch.name_len = name->len;
    ch.data = data;
    ls_err e = ls_emit_child(r->c, r->o, &ch);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) {
        r->no_children = true;
        if (e == LS_E_TIMEOUT) r->stop = e;
        e = LS_OK;
    }
    return e;
}

ls_err ls_dbrows_done(const struct ls_dbrows *r, ls_err e)
{
    if (e == LS_E_LIMIT && r->text_full) e = LS_OK; /* the pipeline noted limit:text */
    if (e == LS_OK && r->stop != LS_OK) e = r->stop;
    return e;
}
