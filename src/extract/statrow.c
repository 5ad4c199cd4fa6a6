/* Rows of a statistical dataset as labelled text lines (statrow.h). */
#include "extract/statrow.h"

#include "core/handler.h"

ls_err ls_statrow_init(struct ls_statrow *r, struct ls_ctx *c, struct ls_object *o)
{
    r->c = c;
    r->o = o;
    ls_buf_init(&r->line, SIZE_MAX);
    ls_buf_init(&r->cell, SIZE_MAX);
    return ls_tc_init(&r->tc);
}

void ls_statrow_free(struct ls_statrow *r)
{
    ls_tc_free(&r->tc);
    ls_buf_free(&r->line);
    ls_buf_free(&r->cell);
}

ls_err ls_statrow_cell(struct ls_statrow *r, unsigned col, bool is_text)
{
    struct ls_slice v = ls_buf_slice(&r->cell);
    if (col) LS_TRY(ls_buf_addc(&r->line, '\t'));
    for (size_t i = 0; i < v.len; i++) LS_TRY(ls_buf_addc(&r->line, v.ptr[i] < 0x20 ? ' ' : v.ptr[i]));
    ls_tc_cell(&r->tc, col, v, is_text);
    return LS_OK;
}

ls_err ls_statrow_flush(struct ls_statrow *r)
{
    ls_err e = ls_emit_text(r->c, r->o, r->line.ptr, r->line.len);
    ls_buf_reset(&r->line);
    return e;
}

ls_err ls_statrow_end(struct ls_statrow *r)
{
    LS_TRY(ls_buf_addc(&r->line, '\n'));
    LS_TRY(ls_statrow_flush(r));
    return ls_tc_row_end(&r->tc, r->c, r->o);
}
