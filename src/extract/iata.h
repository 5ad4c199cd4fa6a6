/*
 * IATA free-text elements of a passenger name record (PNR), shared by the
 * readers that meet them: the GDS display reader (pnr.c) and the UN/EDIFACT
 * reader (edifact.c: PNRGOV carries the same SSR texts in its SSR
 * segments). Each turns one element into labelled lines the rule pack
 * already reads ("Passport number: ...", "Date of birth: YYYY-MM-DD",
 * "E-mail: ...", "Phone: +...", "Card number: ..."). Reads only through
 * ls_slice.
 */
#ifndef LS_IATA_H
#define LS_IATA_H

#include "core/ls_core.h"

/* The labels of a special service request: code (DOCS, DOCO, FOID, CTCE,
 * CTCM, ...) and its free text, everything after the code ("SK HK1
 * P/GBR/...", "HK1/P/GBR/...", or EDIFACT's "/P/GBR/..."). Appends nothing
 * for the codes not read here. */
LS_WUR ls_err iata_ssr(struct ls_buf *b, struct ls_slice code, struct ls_slice text);

/* The labels of one line of a PNR display or history: its SSR elements
 * ("SSR DOCS ...", "AS/SSR FOID ...") and a form of payment by card ("FP
 * CCVI4539.../1217", "FP PAX CCCA..."). Appends nothing for other lines. */
LS_WUR ls_err iata_line(struct ls_buf *b, struct ls_slice line);

/* The labels of every line of text (iata_line()), a line "PNR\t<labels>"
 * each: for readers of text that may hold PNR elements (a PNR display, an
 * agent's mail). LS_E_LIMIT when labels is full (what fit is kept). */
LS_WUR ls_err iata_text_labels(struct ls_buf *labels, struct ls_slice text);

/* A line of a PNR display names an SSR element iata_ssr() reads. */
bool iata_line_has_ssr(struct ls_slice line);

/* A date written DDMMMYY or DDMMMYYYY (12JUL82, 12JUL1982) as YYYY-MM-DD
 * into out (11 bytes with its NUL); a two-digit year below 30 is 20YY
 * (a birth date, an expiry). False when it is not such a date. */
bool iata_date(struct ls_slice v, char out[11]);

#endif
