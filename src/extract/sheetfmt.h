/*
 * The custom number formats of one workbook, by id: what each shows
 * (LS_SHEET_* of sheetdate.h) and, for digit layouts, the code itself, so
 * a cell reads as the spreadsheet shows it. Shared by the xlsx (ooxml.c:
 * numFmts in styles.xml), xlsb (ooxml_xlsb.c: BrtFmt) and xls (ole2_xls.c:
 * FORMAT records) readers; ids and codes as in sheetdate.h.
 *
 * Attacker-controlled: every id and code. At most LS_SHEET_FMTS_MAX
 * formats and layout codes of at most LS_SHEET_CODE_MAX bytes are kept;
 * more are ignored (their cells read as General numbers).
 */
#ifndef LS_SHEETFMT_H
#define LS_SHEETFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/ls_core.h"

#define LS_SHEET_FMTS_MAX 65536u
#define LS_SHEET_CODE_MAX 255u

struct ls_sheet_fmt {
    uint32_t id;
    uint32_t seq;   /* definition order: of equal ids the last wins */
    unsigned flags; /* LS_SHEET_* */
    uint32_t off, len; /* a layout's code in codes */
};

struct ls_sheet_fmts {
    struct ls_sheet_fmt *v;
    size_t n, cap;
    bool sorted;
    struct ls_buf codes;
};

void ls_sheet_fmts_init(struct ls_sheet_fmts *t);
void ls_sheet_fmts_free(struct ls_sheet_fmts *t);

/* Define format id by its code (ls_sheet_fmt_code). LS_E_NOMEM only. */
ls_err ls_sheet_fmts_add(struct ls_sheet_fmts *t, uint32_t id, struct ls_slice code);

/* What format id shows: a custom definition (the last one) wins over the
 * built-in id (writers may redefine 14 as "dd/mm/yyyy"). */
unsigned ls_sheet_fmts_flags(struct ls_sheet_fmts *t, uint32_t id);

/* A cell number v under format id as the spreadsheet shows it, into out
 * (cap >= 64): an ISO date for a date or time format (ls_sheet_date), the
 * digits laid out for a digit layout (ls_sheet_layout); false when neither
 * applies, and the caller writes the number its own way. */
bool ls_sheet_fmts_show(struct ls_sheet_fmts *t, uint32_t id, double v, bool date1904, char *out,
                        size_t cap);

/* A sheet header or footer as plain text, appended to out: its layout codes
 * (&L &C &R sections, &P &N &D &T &F &A fields and their &[Page] &[Tab]
 * names, &B &I &U ..., &"font,style", &12 sizes) each become one space, so "&CConfidential" reads
 * "Confidential"; "&&" is "&". Shared by the xlsx, xlsb and xls readers.
 * LS_E_LIMIT when out is full (what fit is kept). */
ls_err ls_sheet_hf_plain(struct ls_slice s, struct ls_buf *out);

/* The string constants of a sheet's cell formulas ("..." with "" for a
 * quote, as Excel and OpenFormula write them), each distinct one of at
 * least LS_SHEET_FSTR_MIN bytes once, a line each in text:
 * =IF(A1="";"";"536-22-8714") gives "536-22-8714", a WEBSERVICE URL its
 * key. Constants a formula does not show are in no cell value. References,
 * names and numbers are not text. Past LS_SHEET_FSTR_TEXT_MAX bytes or
 * LS_SHEET_FSTR_SEEN distinct constants the rest are dropped (a sheet of
 * 100,000 =IF(x;"Approved";"Pending") rows gives two lines). Shared by the
 * xlsx and ods readers. */
#define LS_SHEET_FSTR_MIN 4u
#define LS_SHEET_FSTR_TEXT_MAX (256u * 1024u)
#define LS_SHEET_FSTR_SEEN 8192u /* hash slots; filled to 3/4 at most */

struct ls_sheet_fstrs {
    struct ls_buf text;
    uint64_t *seen; /* LS_SHEET_FSTR_SEEN hashes (0: free), made when first needed */
    size_t n;
};

void ls_sheet_fstrs_init(struct ls_sheet_fstrs *t);
void ls_sheet_fstrs_free(struct ls_sheet_fstrs *t);
void ls_sheet_fstrs_reset(struct ls_sheet_fstrs *t);
/* LS_E_NOMEM only; limits drop constants silently. */
ls_err ls_sheet_fstrs_add(struct ls_sheet_fstrs *t, struct ls_slice formula);
/* The constants kept, one per call from *pos (0 first): false after the
 * last. */
bool ls_sheet_fstrs_next(const struct ls_sheet_fstrs *t, size_t *pos, struct ls_slice *one);

#endif
