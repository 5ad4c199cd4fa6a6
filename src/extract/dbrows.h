/*
 * The tables of a database as text, for the readers that write them row
 * by row themselves (sqlite.c, mdb.c):
 *
 *   [Table: NAME]
 *   col1<TAB>col2 ...    the header row: the labels for tablectx.h
 *   v1<TAB>v2 ...        one line a row
 *
 * The reader writes a row's cells into r->line (ls_tc_put_value() keeps a
 * value's tabs and line breaks from splitting the row), tells tablectx
 * each with ls_dbrows_cell() and ends the row with ls_dbrows_row_end().
 * Text and children stop for good at their budget: once ls_emit_text()
 * said LS_E_LIMIT, ls_dbrows_emit() says it at once; once ls_emit_child()
 * said LS_E_LIMIT or LS_E_TIMEOUT, no_children is set (the reader hands
 * over no more) and a timeout is kept in stop for ls_dbrows_done().
 */
#ifndef LS_DBROWS_H
#define LS_DBROWS_H

#include "core/ls_core.h"
#include "extract/tablectx.h"

struct ls_ctx;
struct ls_object;

struct ls_dbrows {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_tablectx tc; /* the labeller */
    struct ls_buf line;    /* the row being written */
    bool text_full;        /* ls_emit_text said LS_E_LIMIT */
    bool no_children;      /* ls_emit_child said LS_E_LIMIT / LS_E_TIMEOUT */
    ls_err stop;           /* LS_E_TIMEOUT: the root's time is spent, stop reading */
};

/* Set up r for object o. On LS_OK ls_dbrows_free() it; on an error
 * nothing is held. */
LS_WUR ls_err ls_dbrows_init(struct ls_dbrows *r, struct ls_ctx *c, struct ls_object *o);
void ls_dbrows_free(struct ls_dbrows *r);
/* Emit t as the object's text (LS_E_LIMIT for good once the budget is full). */
LS_WUR ls_err ls_dbrows_emit(struct ls_dbrows *r, struct ls_slice t);
/* A new table: forget the labels, emit "[Table: NAME]" (at most name_max
 * bytes of it), r->line left empty. */
LS_WUR ls_err ls_dbrows_title(struct ls_dbrows *r, const char *name, size_t name_max);
/* Tell tablectx cell col of the row: what r->line holds from byte at on. */
void ls_dbrows_cell(struct ls_dbrows *r, uint32_t col, size_t at, bool is_text);
/* A header cell: a tab (col > 0) and at most name_max bytes of name. */
LS_WUR ls_err ls_dbrows_head_cell(struct ls_dbrows *r, uint32_t col, const char *name, size_t name_max);
/* End the row: its line is emitted, r->line emptied, then its labelled values. */
LS_WUR ls_err ls_dbrows_row_end(struct ls_dbrows *r);
/* Hand data over as a child named name; the budget's end is no error
 * (no_children, stop: see above). */
LS_WUR ls_err ls_dbrows_child(struct ls_dbrows *r, const struct ls_buf *name, struct ls_slice data);
/* The extract's result from its reading's e: a full text budget is no
 * error (the pipeline notes limit:text), a timeout met handing over a
 * child is. */
ls_err ls_dbrows_done(const struct ls_dbrows *r, ls_err e);

#endif
