/*
 * Excel 2003 XML Spreadsheet ("SpreadsheetML 2003": <Workbook
 * xmlns="urn:schemas-microsoft-com:office:spreadsheet">), read by the xml
 * handler. Report generators and web applications export it, often named
 * .xls. Read as a sheet, not as generic XML: "sheet: NAME" per worksheet,
 * one row per line, cells tab-separated (ss:Index gaps kept for the
 * header labels), rich-text runs inside a cell's <Data> joined as one
 * text (the generic reader put each run on a line of its own, splitting
 * a name or number across lines), numbers as a spreadsheet shows them,
 * DateTime values in ISO form, booleans TRUE/FALSE, comments on a line
 * after their row, hyperlink targets, document properties as
 * "name: value" lines, header-row labels (tablectx.h). Styles, options
 * and names are not text.
 */
#ifndef LS_XMLSS_H
#define LS_XMLSS_H

#include "core/handler.h"

/* The document's start (first KiB or so) declares the SpreadsheetML 2003
 * namespace on a Workbook element. */
bool ls_xmlss_is(struct ls_slice data);

/* Extract as described above; the same returns as ls_markup_xml_text(). */
ls_err ls_xmlss_extract(struct ls_ctx *c, struct ls_object *o);

#endif
