/*
 * Tables printed as plain text: a report with aligned columns, or a SQL
 * client's output. Leaked reports put the label once, in a header line
 * ("Name            SSN          Date of Birth"), and hundreds of bare values
 * under it; this finds such tables in UTF-8 text and hands each value that
 * needs its column's label to the header-label context (tablectx.h), which
 * writes "SSN: 536221874\tDate of Birth: 1975-03-14" lines through
 * ls_emit_labels(). The text itself is not changed.
 *
 * A line's fields are separated by '|' or by two or more blanks (or a tab);
 * single spaces stay inside a field, except where a header's word starts
 * a column of its own: a fixed-width export's "EMPNO SSN       LAST NAME"
 * is cut before "SSN" when every row below has a blank before that
 * position and some row a value starting at it ("NAME" of "LAST NAME" is
 * not: no value starts there). A header is a line of at least two
 * fields that all read as labels (a letter, or a lone '#'; at most
 * LS_TC_MAX_LABEL bytes; fewer than LS_TC_MIN_DIGITS digits; no '@'). The lines after it, up to
 * the first blank line or line of fewer than two fields, are its rows;
 * border lines ("-----  ----", "+----+----+", "|---|---|") are skipped. A
 * row's field belongs to the header column its character span overlaps
 * most (right-aligned numbers start left of their header), else to the
 * last column starting at or before it. Lines longer than TT_LINE_MAX
 * bytes are prose and end a table.
 */
#ifndef LS_TEXTTABLE_H
#define LS_TEXTTABLE_H

#include "core/ls_core.h"

struct ls_ctx;
struct ls_object;

/* Find the aligned tables of UTF-8 text and emit their labelled values
 * for object o. Returns LS_E_TIMEOUT when the context expired, LS_E_NOMEM,
 * else LS_OK (nothing found is fine). */
LS_WUR ls_err ls_texttable_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice text);

#endif
