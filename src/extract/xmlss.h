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
 *
 * Word 2003 XML documents (<w:wordDocument>, WordprocessingML 2003: Word's
 * "XML Document", also written as .doc by document generators) likewise:
 * the text of w:t runs joined, paragraphs as lines, tabs and breaks,
 * table rows as one line with tab-separated cells, deleted text and field
 * codes set apart by spaces, comments (aml:annotation), footnotes, text
 * boxes, headers and footers where they stand, document properties;
 * styles, fonts, lists and settings are not text (the generic reader gave
 * every style name and attribute value, and each run on a line of its
 * own). Embedded parts (w:binData, base64: images, OLE objects) are
 * decoded and handed on as children named by w:name.
 */
#ifndef LS_XMLSS_H
#define LS_XMLSS_H

#include "core/handler.h"

enum ls_xmlss_kind { LS_XMLSS_NONE, LS_XMLSS_SHEET, LS_XMLSS_WORD };

/* What the document's start (first 2 KiB) declares: the SpreadsheetML
 * 2003 namespace and a Workbook, the WordprocessingML 2003 namespace and
 * a wordDocument, or neither. */
enum ls_xmlss_kind ls_xmlss_kind(struct ls_slice data);

/* Extract xml (o's data, or o's data recoded to UTF-8 by the xml
 * handler) as described above; the same returns as ls_markup_xml_text(). */
ls_err ls_xmlss_extract(struct ls_ctx *c, struct ls_object *o, enum ls_xmlss_kind kind,
                        struct ls_slice xml);

#endif
