/*
 * Shared markup helpers: HTML and XML to text, and a streaming XML walker for
 * XML-based formats (OOXML, ODF, XMP, SVG). markup.c is the only file in the
 * tree that includes libxml2 headers.
 *
 * Safety (every entry point): libxml2 runs with network access off
 * (XML_PARSE_NONET), no entity substitution (no XML_PARSE_NOENT), no DTD
 * loading or default attributes (no XML_PARSE_DTDLOAD / DTDATTR), errors
 * silenced, the document's own encoding declaration ignored (markup.c
 * converts UTF-16 and Windows-1252 itself, so iconv is never loaded), and a
 * process-wide external-entity loader that refuses everything. Entity
 * declarations are never stored and entity references other than the five
 * predefined ones are never expanded: any DOCTYPE declaring an ENTITY
 * (billion laughs, XXE to /etc/passwd) gives an `xml_entity` alert on the
 * object and nothing is read or expanded. Element nesting is bounded
 * (LS_MARKUP_MAX_DEPTH); text output is bounded by the object's text budget.
 *
 * libxml2 keeps global state (parser init, error handlers, entity loader):
 * ls_markup_global_init() sets it once; it is idempotent and also called by
 * every entry point. The pipeline may call it before forking workers.
 * Nothing per object is kept in globals.
 */
#ifndef LS_MARKUP_H
#define LS_MARKUP_H

#include "core/handler.h"

/* Deepest element nesting accepted; deeper documents stop with LS_E_CORRUPT. */
#define LS_MARKUP_MAX_DEPTH 1024u

void ls_markup_global_init(void);

/*
 * HTML -> text through ls_emit_text(): tags removed, entities decoded,
 * block elements become line breaks, a table row a line of tab-separated
 * cells (ls_textout_cell()), whitespace runs one space; alt, title, meta
 * content, value, label, placeholder and aria-label values and mailto:,
 * tel:, sms: and callto: link targets are included. Character references
 * as a browser reads them (htmlent.h: HTML5's names, legacy names without
 * ';', &#128;-&#159; as Windows-1252).
 * Script and style contents are kept apart and emitted after the body text,
 * after a line "[script/style]". Nothing is ever fetched.
 * Encoding: BOM / UTF-16 sniffed, valid UTF-8 kept, otherwise Windows-1252.
 * Returns LS_OK (tag soup is normal HTML, not an error), LS_E_LIMIT once
 * the text budget is full, LS_E_TIMEOUT, LS_E_NOMEM.
 */
ls_err ls_markup_html_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice html);

/* Flags for ls_markup_xml_text(). */
#define LS_MARKUP_ATTRS 0x1u /* also emit attribute values (XMP keeps
                                properties in attributes) */
#define LS_MARKUP_LENIENT 0x2u /* parse as ls_markup_soup_walk() does (VML):
                                  never LS_E_CORRUPT */

/*
 * Text nodes of any XML (XMP, SVG, generic XML) through ls_emit_text(),
 * one line per element boundary. Returns LS_OK, LS_E_CORRUPT if the
 * document is not well-formed (text before and after the damage is still
 * emitted: libxml2 runs in recovery mode), LS_E_LIMIT, LS_E_TIMEOUT,
 * LS_E_NOMEM. Entity declarations are noted as described above.
 */
ls_err ls_markup_xml_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml,
                          unsigned flags);

/* ---- Streaming XML walker (SAX) for format handlers ---- */

/* An attribute as seen by ls_xml_sax.start. Strings are NUL-terminated and
 * borrowed for the duration of the callback; ns is "" when unqualified. */
struct ls_xml_attr {
    const char *local;
    const char *ns;
    struct ls_slice value; /* not NUL-terminated */
};

#define LS_XML_MAX_ATTRS 64u /* attributes past this are not passed on */

/*
 * Callbacks (any may be NULL). local is the element's local name, ns its
 * namespace URI ("" if none). Returning anything but LS_OK stops the walk
 * and ls_markup_xml_walk() returns that value.
 */
struct ls_xml_sax {
    ls_err (*start)(void *ud, const char *local, const char *ns, const struct ls_xml_attr *attrs,
                    size_t n_attrs);
    ls_err (*end)(void *ud, const char *local, const char *ns);
    ls_err (*text)(void *ud, struct ls_slice s); /* character data and CDATA, in pieces */
};

/*
 * Stream xml through sax. o receives the `xml_entity` alert (once per call)
 * if the document declares entities. Returns the first non-OK callback
 * result, else LS_E_CORRUPT if the document was not well-formed (callbacks
 * have seen everything libxml2 could recover), LS_E_TIMEOUT past the root's
 * time budget, LS_E_NOMEM, or LS_OK.
 */
ls_err ls_markup_xml_walk(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml,
                          const struct ls_xml_sax *sax, void *ud);

/*
 * The same walk for markup that is XML in intent but often not well-formed
 * (VML drawings: "<br>" without an end tag), through libxml2's HTML parser:
 * damage is repaired, never reported (no LS_E_CORRUPT). Element and
 * attribute names arrive lower-cased and without their prefix, ns is "".
 * No entity but HTML's predefined ones is expanded and nothing is loaded;
 * a DOCTYPE's internal subset is skipped (no xml_entity alert). Returns the
 * first non-OK callback result, LS_E_TIMEOUT, LS_E_NOMEM or LS_OK.
 */
ls_err ls_markup_soup_walk(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml,
                           const struct ls_xml_sax *sax, void *ud);

/* Attribute value by local name (and namespace, or any namespace if ns is
 * NULL); false if absent. */
bool ls_xml_attr_get(const struct ls_xml_attr *attrs, size_t n, const char *local,
                     const char *ns, struct ls_slice *value);

/* ---- Buffered text output shared by the document handlers ---- */

/*
 * Collects text in a buffer and hands it to ls_emit_text() in large pieces.
 * The first error (LS_E_LIMIT once the object's text budget is full) is
 * sticky: later adds return it and do nothing. Call ls_textout_finish() to
 * flush and free; it returns the sticky error.
 */
struct ls_textout {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf buf;
    ls_err err;
    uint64_t total; /* bytes accepted so far */
    uint8_t last;   /* last byte added, 0 if none */
};

void ls_textout_init(struct ls_textout *t, struct ls_ctx *c, struct ls_object *o);
ls_err ls_textout_add(struct ls_textout *t, const void *p, size_t n);
ls_err ls_textout_addz(struct ls_textout *t, const char *s);
/* Add sep (e.g. '\n', '\t', ' ') unless nothing was added yet or the last
 * byte is already whitespace ('\n' is still added after a space or tab,
 * never after another '\n'). */
ls_err ls_textout_sep(struct ls_textout *t, char sep);
/*
 * Tables (docx, pptx, odt/odp/ods, HTML): a row is a line, its cells joined
 * by one tab, as the spreadsheet readers write them, so numbers in
 * neighbouring cells never read as one ("555 | 123 | 4567" is no phone
 * number). ls_textout_cell() ends a cell: a tab, unless the line is still
 * empty or already ends in a tab (empty cells add nothing); a space at the
 * end (after a cell's last paragraph) becomes the tab. ls_textout_line()
 * ends a row (or a line in a table's place): '\n', trailing tabs and spaces
 * dropped, nothing if the line is empty.
 */
ls_err ls_textout_cell(struct ls_textout *t);
ls_err ls_textout_line(struct ls_textout *t);
ls_err ls_textout_flush(struct ls_textout *t);
ls_err ls_textout_finish(struct ls_textout *t);

#endif
