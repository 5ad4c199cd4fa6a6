/*
 * Spreadsheet dates, shared by the xlsx (ooxml.c), xls (ole2_xls.c) and ods
 * (odf.c) extractors. A spreadsheet stores a date as a day count (a
 * "serial": 29221 is 1980-01-01) and shows it as a date only through the
 * cell's number format; the extractors write what the user sees, as ISO
 * 8601, so a date of birth reads "1980-01-01" and the rules can match it.
 *
 * Number formats: ECMA-376 Part 1, 18.8.30 (built-in ids) and 18.8.31
 * (format codes); [MS-XLS] 2.4.126 FORMAT and 2.5.165 IFmt use the same
 * ids and codes. Dates: ECMA-376 Part 1, 18.17.4 (1900 and 1904 date
 * systems, including the 1900 leap-year bug: serial 60 is 1900-02-29).
 * Everything here is pure computation on values the caller read from
 * hostile input; nothing is trusted to be in range.
 */
#ifndef LS_SHEETDATE_H
#define LS_SHEETDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/ls_core.h"

#define LS_SHEET_DATE 0x1u /* the format shows a calendar date (d, m, y) */
#define LS_SHEET_TIME 0x2u /* the format shows a time of day (h, s, minutes) */
#define LS_SHEET_DIGITS 0x4u /* the format lays out a whole number's digits
                              * ("000-00-0000"), or shows a percent or a
                              * fraction: see ls_sheet_layout() */

/* Longest text ls_sheet_date() writes, with its NUL: "YYYY-MM-DD HH:MM:SS". */
#define LS_SHEET_DATE_MAX 20u

/* Flags of built-in number format id (14-22, 27-36, 45-47, 50-58 are dates
 * or times); 0 for every other id. */
unsigned ls_sheet_builtin_fmt(unsigned id);

/* Flags of a format code such as "dd/mm/yyyy" or "[$-409]h:mm AM/PM":
 * date and time tokens of its first section, outside quoted text,
 * backslash escapes, [brackets] (colours, locales, elapsed time), and the
 * AM/PM and A/P markers; LS_SHEET_DIGITS when the first section lays out
 * digits with literals or zero padding (ls_sheet_layout); 0 for a plain
 * number or text format. */
unsigned ls_sheet_fmt_code(struct ls_slice code);

/* Does the first section of a format code show elapsed time ("[h]:mm:ss",
 * "[mm]:ss": hours or minutes that run past a day)? Its flags are
 * LS_SHEET_TIME; built-in id 46 is one. */
bool ls_sheet_fmt_elapsed(struct ls_slice code);

/* Serial v as elapsed time, "HH:MM:SS" with hours past 24 as Excel's
 * [h]:mm:ss shows them (1.1880208 -> "28:30:45"), rounded to the second.
 * Returns the length written (NUL-terminated), 0 when v is negative, not
 * finite, 1e7 days or more, or out is too small. */
size_t ls_sheet_elapsed(double v, char *out, size_t cap);

/* A number under a percent or fraction section, as Excel shows it:
 * "0.00%" shows 0.1234 as "12.34%" (below 1000, 100000%: an identifier
 * under a percent format keeps its digits), "# ?/?" shows 1.5 as "1 1/2",
 * "# ??/??" 0.3333 as "1/3", "?/?" 1.5 as "3/2", "# ?/8" 0.3 as "2/8"
 * (below 1e9); a negative value under a format with a negative section
 * whose literals say the sign is left to the caller.
 * Otherwise a whole number laid out by a digit format code, as Excel shows it:
 * "000-00-0000" shows 12345678 as "012-34-5678" (Excel's Social Security
 * Number format), "[<=9999999]###-####;(###) ###-####" shows 2128675309
 * as "(212) 867-5309", "00000" a ZIP code with its leading zero. Digit
 * placeholders 0 # ? are filled right-aligned (the leftmost takes any
 * extra digits); quoted text, \x, _x (a space) and the literals
 * Excel allows unquoted are copied; [colours] and [$-locales] are
 * dropped; [conditions] pick the section; spaces at either end (alignment
 * padding) are dropped. A value with a fraction is
 * rounded to whole (below 1e11). Returns the length written to out
 * (NUL-terminated), or 0 when the code is no such layout for v (a
 * decimal point, a thousands separator, %, an exponent, a date, text),
 * v is negative, not finite or >= 1e15, or out is too small: the caller
 * writes the number instead. */
size_t ls_sheet_layout(struct ls_slice code, double v, char *out, size_t cap);

/* Write serial v under a format with these flags into out (cap bytes,
 * at least LS_SHEET_DATE_MAX): "YYYY-MM-DD" for a date, with
 * " HH:MM:SS" appended when the format shows a time and v has one; a
 * time-only format gives "HH:MM:SS" for values below one day. Serials
 * are days from 1899-12-31 (1900 system, serial 60 is Excel's
 * nonexistent 1900-02-29, as Excel shows it) or from 1904-01-01. false
 * (out untouched) when the flags show no date or time, or v is negative,
 * not finite, before day 1 without a time, or past 9999-12-31: the
 * caller writes the number instead. */
bool ls_sheet_date(double v, bool date1904, unsigned flags, char *out, size_t cap);

/* An ISO 8601 date or date-time as stored in a cell (ods
 * office:date-value, xlsx t="d") in the form ls_sheet_date() writes: the
 * "T" becomes a space; fractions of a second, a time zone and a midnight
 * time are dropped ("2024-01-01T12:00:00.5Z" -> "2024-01-01 12:00:00",
 * "1980-01-01T00:00:00" -> "1980-01-01"). At most 19 bytes of v are kept,
 * up to the first byte that is not printable ASCII;
 * returns the length written to out (cap >= LS_SHEET_DATE_MAX). */
size_t ls_sheet_iso(struct ls_slice v, char *out, size_t cap);

/* A cell number as a spreadsheet shows it under the General format:
 * digits when integral (an SSN typed as a number stays 536221874), else
 * the 15 significant digits Excel shows; NaN/Inf spelled out. Returns the
 * length written to out (NUL-terminated, cap >= 32 recommended). */
size_t ls_sheet_number(double v, char *out, size_t cap);

/* Parse a cell number as stored in XML ("29221", "-1.5E-3"); false for
 * anything else (hex, inf, nan, spaces, more than 63 bytes). */
bool ls_sheet_parse_num(struct ls_slice s, double *v);

#endif
