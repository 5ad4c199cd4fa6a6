/*
 * Rows of a statistical dataset (SAS sas7bdat and transport files, SPSS,
 * Stata) as text: each row one line of tab-separated cells, emitted as it
 * ends, and told to the table labeller (tablectx.h), whose header is the
 * row of variable labels the reader writes first. The reader converts
 * each value into `cell` (numbers, dates, strings in its own way), then
 * hands it over with ls_statrow_cell(); control characters in a value
 * become spaces, so a value never splits its row.
 */
#ifndef LS_STATROW_H
#define LS_STATROW_H

#include "core/ls_core.h"
#include "extract/tablectx.h"

struct ls_ctx;
struct ls_object;

struct ls_statrow {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf line;     /* the row being written */
    struct ls_buf cell;     /* one value: the reader writes it, ls_statrow_cell() takes it */
    struct ls_tablectx tc;  /* the labeller: ls_tc_reset() it for a new table */
};

/* Set up r for object o; ls_statrow_free() it whatever this returns. */
LS_WUR ls_err ls_statrow_init(struct ls_statrow *r, struct ls_ctx *c, struct ls_object *o);
void ls_statrow_free(struct ls_statrow *r);
/* Write r->cell as cell col (0-based) of the current row; is_text: it is
 * a string value (a label, for the header row), not a number or date. */
LS_WUR ls_err ls_statrow_cell(struct ls_statrow *r, unsigned col, bool is_text);
/* End the row: its line is emitted, then its labelled values. */
LS_WUR ls_err ls_statrow_end(struct ls_statrow *r);
/* Emit what r->line holds (lines the reader wrote there itself) and empty it. */
LS_WUR ls_err ls_statrow_flush(struct ls_statrow *r);

#endif
