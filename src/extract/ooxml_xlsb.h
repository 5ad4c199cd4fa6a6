/*
 * Excel binary workbooks (.xlsb, [MS-XLSB]) inside the ooxml handler: the
 * package is OPC like .xlsx, but the workbook, shared strings, styles,
 * sheets and comments are BIFF12 record streams (*.bin), not XML. ooxml.c
 * routes those parts here and writes their text the way it writes an
 * .xlsx: "sheet: name" lines, one row per line, cells tab-separated,
 * shared strings resolved in cell order (unreferenced ones at the end),
 * dates as ISO 8601 through the cell style's number format, header-row
 * labels through tablectx.h.
 */
#ifndef LS_OOXML_XLSB_H
#define LS_OOXML_XLSB_H

#include "core/handler.h"
#include "extract/markup.h"

enum ox_xlsb_part {
    OXB_NONE,     /* not a BIFF12 part this module reads */
    OXB_SST,      /* xl/sharedStrings.bin: read before the sheets */
    OXB_WORKBOOK, /* xl/workbook.bin: sheet names, date system; read before the sheets */
    OXB_STYLES,   /* xl/styles.bin: number formats; read before the sheets */
    OXB_SHEET,    /* xl/worksheets/sheetN.bin, macrosheets, dialogsheets */
    OXB_COMMENTS, /* xl/commentsN.bin */
    OXB_SKIP,     /* binary index, calculation chain: no user text */
};

/* The parts read first, in this order (their names in an Excel package). */
#define OX_XLSB_SST_NAME "xl/sharedStrings.bin"
#define OX_XLSB_WORKBOOK_NAME "xl/workbook.bin"
#define OX_XLSB_STYLES_NAME "xl/styles.bin"

struct ox_xlsb;

/* What a package member name is to this module. */
enum ox_xlsb_part ox_xlsb_classify(const char *name);

/* State for one package; text goes to out. NULL on no memory. */
struct ox_xlsb *ox_xlsb_new(struct ls_ctx *c, struct ls_object *o, struct ls_textout *out);
void ox_xlsb_free(struct ox_xlsb *xb);

/* Read one part. LS_E_CORRUPT / LS_E_TRUNCATED: the record stream is
 * damaged (what came before was written); LS_E_LIMIT: the text is full;
 * LS_E_NOMEM, LS_E_TIMEOUT. */
LS_WUR ls_err ox_xlsb_part(struct ox_xlsb *xb, enum ox_xlsb_part kind, struct ls_slice data);

/* After the last part: shared strings no cell referred to. */
LS_WUR ls_err ox_xlsb_finish(struct ox_xlsb *xb);

/* For tests and the fuzzer's sake: a BIFF12 record header (type, size as
 * 7-bit groups) at the cursor; LS_E_TRUNCATED / LS_E_CORRUPT on damage. */
struct ox_xlsb_rec {
    uint32_t type;
    struct ls_slice data;
};
LS_WUR ls_err ox_xlsb_next(struct ls_cursor *cur, struct ox_xlsb_rec *r);

#endif
