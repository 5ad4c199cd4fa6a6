/*
 * Column labels for table rows. Leaked tables put the label in a header row
 * ("Name | SSN | Date of birth") and the values in the rows below, where the
 * rules' context windows ("SSN: 536221875", "DOB 1980-01-01") cannot see it.
 * The table readers (xlsx, xls, ods, csv) tell this module each cell as they
 * go; once a header row has been seen, each later row gives one line of its
 * values that need a label, "SSN: 536221874\tDate of birth: 1975-03-14",
 * handed to ls_emit_labels(): appended to the text, scanned as text, and a
 * value found both in its cell and in this line counts once. The cells
 * themselves are written as always, so a form's "Date of birth | value"
 * adjacency is never broken.
 *
 * The header is the first of the first LS_TC_SCAN_ROWS non-empty rows that
 * has at least LS_TC_MIN_COLS labels: text cells (not numbers or dates) of
 * at most LS_TC_MAX_LABEL bytes with at least one letter (or a lone '#', a
 * row-number column), no '@' and fewer than LS_TC_MIN_DIGITS digits. Beside
 * them it may hold year or date cells ("2023", "2023-01-31", "Jan-23": the
 * month columns of a payroll sheet) and, fewer than its labels, headings
 * with a year in their words ("FY2023 Salary"); these label nothing. Any
 * other cell (a number, an address, prose) makes the row a record. Title
 * rows above the header are passed over. A row of a single label heads a
 * one-column list ("SSN" over bare numbers; before a value is labelled,
 * another such row replaces it; a row of more cells ends it). Until a row below the header gives a
 * labelled value (a one-cell header: within the first LS_TC_SCAN_ROWS
 * rows, as it may be a title), a header row with more cells replaces it
 * (the real header under a row of group headings, the main table under a
 * small one above). A value gets a line entry when its column
 * has a label and it has at least LS_TC_MIN_DIGITS digits in at most
 * LS_TC_MAX_VALUE bytes and is no amount of money under a million
 * ("1431.74"): the numbers, dates and codes that are PII only by
 * their column (names and e-mail addresses speak for themselves); under a
 * credential header ("Password", "Passwort", "pwd" ...) any one-word value
 * of 4 to LS_TC_MAX_VALUE bytes, digits or not; under an SSN header ("SSN",
 * "emp_ssn", "Social Security #") a number of seven or eight digits with
 * its leading zeros back ("SSN: 012345678" for 12345678: a number cell or
 * a CSV export drops them). A camel-case label is written as words
 * ("TaxSSN" -> "Tax SSN", "DateOfBirth" -> "Date Of Birth"; not "DoB").
 * Labels are kept per column index, so empty cells never shift them.
 */
#ifndef LS_TABLECTX_H
#define LS_TABLECTX_H

#include "core/ls_core.h"

#define LS_TC_MAX_COLS 256u  /* columns that can carry a label */
#define LS_TC_MAX_LABEL 48u  /* longer text is data, not a header */
#define LS_TC_SCAN_ROWS 10u  /* non-empty rows looked at for the header (a report title block is 5-8) */
#define LS_TC_MIN_COLS 2u    /* labels a header row needs (but a row of one cell) */
#define LS_TC_MIN_DIGITS 4u  /* digits a value needs to be labelled */
#define LS_TC_MAX_VALUE 40u  /* longer values are prose, not labelled */

struct ls_tablectx {
    char (*label)[LS_TC_MAX_LABEL + 1]; /* [LS_TC_MAX_COLS]: the header's cells */
    char (*cand)[LS_TC_MAX_LABEL + 1];  /* the row being looked at */
    unsigned rows_seen;
    unsigned row_text, row_other;
    unsigned row_label;    /* text cells that can label their column */
    unsigned row_numbered; /* text cells naming a column with a number ("FY2023 Salary") */
    unsigned row_dated;    /* year or date cells ("2023", "2023-01-31"): a heading's numbers */
    bool row_bad;     /* a cell that cannot be a label */
    bool have_header; /* labels apply */
    unsigned header_cells; /* the header's cells: a header row with more may replace it */
    bool header_used;      /* a value was labelled under the header */
    unsigned row_cells;    /* non-empty cells of the current row */
    bool done;        /* stopped looking (a record under the header, or gave up) */
    uint64_t secret[LS_TC_MAX_COLS / 64]; /* columns whose label names a credential */
    uint64_t ssn[LS_TC_MAX_COLS / 64];    /* columns whose label names an SSN */
    struct ls_buf line; /* the current row's labelled values */
    bool line_done;     /* line holds the last ended row's: cleared by the next cell */
};

LS_WUR ls_err ls_tc_init(struct ls_tablectx *t);
/* Append up to max bytes of a cell's value to a row line: control
 * characters (a tab or line break inside a value would split the row)
 * become spaces. For readers that write rows themselves (sqlite, mdb). */
ls_err ls_tc_put_value(struct ls_buf *b, struct ls_slice v, size_t max);

void ls_tc_free(struct ls_tablectx *t);
/* A new sheet: forget the labels and look for a header again. */
void ls_tc_reset(struct ls_tablectx *t);
/* True if a cell's text has a letter (ASCII or any non-ASCII byte): a word,
 * not a number, date or code; or is a lone '#' (a row-number column's
 * header). For readers without cell types (csv, docx, html tables). */
bool ls_tc_is_text(struct ls_slice s);
/* The label of column col (0-based) for a cell below the header, or NULL. */
const char *ls_tc_label(const struct ls_tablectx *t, uint32_t col);
/* Tell the cell at col of the current row: its text (as it is written) and
 * whether it is text (a string) rather than a number, date or boolean.
 * Empty text is ignored. */
void ls_tc_cell(struct ls_tablectx *t, uint32_t col, struct ls_slice text, bool is_text);
/* The same for a cell merged over span columns: a header cell labels them all. */
void ls_tc_cells(struct ls_tablectx *t, uint32_t col, uint32_t span, struct ls_slice text,
                 bool is_text);
/* The current row has ended: its labelled values, if any, go to
 * ls_emit_labels(c, o, ...) as one line. c/o may be NULL (nothing emitted). */
struct ls_ctx;
struct ls_object;
LS_WUR ls_err ls_tc_row_end(struct ls_tablectx *t, struct ls_ctx *c, struct ls_object *o);
/* The line the last ended row gave (for tests), valid until the next cell. */
struct ls_slice ls_tc_last_line(const struct ls_tablectx *t);

/* csv.c, for rows whose header is in another file (src/pipeline/sibling.c):
 * ls_csv_rows_fit: most of the first records of UTF-8 text, split at delim
 * (RFC 4180 quotes), have ncols fields. ls_csv_rows_labels: every record
 * labelled by cols (NUL-separated column names, the header row the file
 * lacks). */
bool ls_csv_rows_fit(struct ls_slice rows, char delim, unsigned ncols);
LS_WUR ls_err ls_csv_rows_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice rows, char delim,
                                 struct ls_slice cols, unsigned ncols);

#endif
