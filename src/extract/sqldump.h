/*
 * SQL dumps (sqldump.c): mysqldump, pg_dump, phpMyAdmin, SQL Server's
 * "Generate Scripts" and `sqlite3 .dump` output, the form most database
 * leaks take. Their rows are bare values,
 * INSERT INTO staff VALUES (1,'Jane Roe','536221874','1975-03-14'), whose
 * column names are in the statement's column list or in the CREATE TABLE
 * above it, where the rules' context windows cannot see them. This reads
 * the column names and hands each row's values to the header-label context
 * (tablectx.h), which writes "ssn: 536221874\tdob: 1975-03-14" lines
 * through ls_emit_labels(). The text itself is not changed.
 *
 * Read: CREATE TABLE column lists (also CREATE MEMORY / CACHED TABLE of
 * H2 and HSQLDB scripts; constraint lines skipped; names quoted
 * with `, " or [] or bare; schema-qualified names by their last part);
 * INSERT [IGNORE] [INTO] name [(columns)] VALUES (...), (...) in any case
 * (Oracle SQL Developer writes "Insert into ... values"); with strings
 * in single quotes ('' and backslash escapes), numbers, NULL and other bare
 * words, X'..' / 0x.. / b'..' literals (a hex one whose bytes are UTF-8
 * text, as mysqldump --hex-blob writes text columns, is added to the
 * object's text decoded), casts (::type) passed over, and the
 * quoted literal inside a function call or CAST (CAST(N'...' AS Date)) as
 * the value; pg_dump's COPY name (columns) FROM stdin; blocks (tab-
 * separated lines up to "\."). Statements start at a line start; a
 * statement that does not parse is left at that point (its rows so far
 * stay). Bounded: names and values are cut, the table of CREATE TABLE
 * schemas is capped, and the clock is checked as rows go.
 */
#ifndef LS_SQLDUMP_H
#define LS_SQLDUMP_H

#include "core/ls_core.h"

struct ls_ctx;
struct ls_object;

/* Find the INSERT and COPY rows of UTF-8 text and emit their labelled
 * values for object o. Returns LS_E_TIMEOUT when the context expired,
 * LS_E_NOMEM, else LS_OK (nothing found is fine). */
LS_WUR ls_err ls_sqldump_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice text);

/* Sibling schemas (src/pipeline/sibling.c): a table whose rows are in one
 * file and whose column names are in another.
 *
 * ls_sqldump_columns: the columns of table (exact name, else the first in
 * another case; a schema-qualified name by its last part) from the first
 * CREATE TABLE or COPY ... (columns) statement of schema that names it,
 * NUL-separated into cols (*ncols 0: none).
 * ls_sqldump_rows_fit: most of the first rows of header-less COPY text
 * (pg_dump's data files, mysqldump --tab's .txt) have ncols tab-separated
 * fields (a schema that does not fit the rows labels nothing).
 * ls_sqldump_rows_labels: those rows labelled by cols (tablectx.h), up to
 * a "\." line. */
LS_WUR ls_err ls_sqldump_columns(struct ls_slice schema, const char *table, struct ls_buf *cols,
                                 unsigned *ncols);
bool ls_sqldump_rows_fit(struct ls_slice rows, unsigned ncols);
LS_WUR ls_err ls_sqldump_rows_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice rows,
                                     struct ls_slice cols, unsigned ncols);
/* pgdump.c: the COPY statement of the toc.dat entry (pg_dump -Fd/-Ft)
 * whose data file is file ("3341.dat"), appended to out; false if none. */
bool ls_pgdump_toc_copy(struct ls_ctx *c, struct ls_slice toc, const char *file, struct ls_buf *out);

#endif
