/*
 * "xml": generic XML, SVG, XMP packets, RSS/Atom, plists (XML 1.0 5th ed.,
 * parsed by libxml2 through markup.c with entities, DTDs and network off).
 *
 * Text nodes one per line; attribute values too, except in SVG (path and
 * geometry data). A DOCTYPE declaring entities gives `xml_entity`; nothing
 * is expanded or loaded. A document that is not well-formed keeps the text
 * libxml2 could recover and is marked partial (parse_error); except a .vml
 * drawing, read with the lenient (HTML) parser as in OOXML packages.
 * Attacker-controlled: every byte.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/markup.h"
#include "extract/xmlss.h"

#define XML_SNIFF 1024u

/* The first non-blank bytes (after a UTF-8 BOM) start with prefix; UTF-16
 * is matched on its ASCII bytes. */
static bool xml_starts(struct ls_slice s, const char *prefix)
{
    size_t i = 0, n = s.len < XML_SNIFF ? s.len : XML_SNIFF;
    if (ls_slice_starts(s, "\xEF\xBB\xBF", 3)) i = 3;
    size_t m = strlen(prefix), k = 0;
    for (; i < n && k < m; i++) {
        int ch = ls_slice_at(s, i);
        if (ch == 0 || ch == 0xFF || ch == 0xFE) continue; /* UTF-16 BOM and high bytes */
        if (k == 0 && (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')) continue;
        if (ch != prefix[k]) return false;
        k++;
    }
    return k == m;
}

static bool xml_mime_is(const char *mime)
{
    static const char *const list[] = {"text/xml", "application/xml", "image/svg+xml",
                                       "application/rss+xml", "application/atom+xml",
                                       "application/rdf+xml", NULL};
    if (!mime) return false;
    for (size_t i = 0; list[i]; i++)
        if (strcmp(mime, list[i]) == 0) return true;
    return false;
}

static bool xml_is_svg(const struct ls_object *o)
{
    if (o->mime && strcmp(o->mime, "image/svg+xml") == 0) return true;
    size_t n = o->data.len < XML_SNIFF ? o->data.len : XML_SNIFF;
    return ls_slice_find(o->data, 0, "<svg", 4) < n;
}

static int xml_probe(const struct ls_object *o)
{
    /* Excel and Word 2003 XML above html (70): libmagic calls an Excel 2003
     * sheet with blanks before its "<?xml" HTML (PhpSpreadsheet's
     * issue.2157.small.xml), whose reader lost the rows and cells */
    if ((xml_starts(o->data, "<?xml") || xml_starts(o->data, "<Workbook")) &&
        ls_xmlss_kind(o->data) != LS_XMLSS_NONE)
        return 75;
    if (xml_starts(o->data, "<?xml")) return 65; /* above UTF-16 text (60) */
    if (xml_mime_is(o->mime)) return 55;
    if (xml_starts(o->data, "<svg")) return 55;
    return 0;
}

/* A VML drawing saved on its own is HTML-ish like the parts it comes from
 * (ooxml.c): read leniently, never partial for an open "<br>". */
static bool xml_is_vml(const struct ls_object *o)
{
    return o->ext && strcmp(o->ext, "vml") == 0;
}

static ls_err xml_text(struct ls_ctx *c, struct ls_object *o)
{
    enum ls_xmlss_kind k = ls_xmlss_kind(o->data); /* Excel / Word 2003 XML */
    if (k != LS_XMLSS_NONE) return ls_xmlss_extract(c, o, k);
    unsigned flags = xml_is_svg(o) ? 0 : LS_MARKUP_ATTRS;
    if (xml_is_vml(o)) flags |= LS_MARKUP_LENIENT;
    return ls_markup_xml_text(c, o, o->data, flags);
}

/* The text, then files carried as base64 in it (SOAP, XML exports). Not
 * in a Word 2003 XML document: its parts are all w:binData, which xmlss.c
 * already handed on by name (each embedded object was read twice, as
 * "oledata.mso" and as "base64@OFFSET"). */
static ls_err xml_extract(struct ls_ctx *c, struct ls_object *o)
{
    ls_err e = xml_text(c, o);
    if (e == LS_E_NOMEM || e == LS_E_TIMEOUT || e == LS_E_LIMIT) return e;
    if (ls_xmlss_kind(o->data) == LS_XMLSS_WORD) return e;
    ls_err b = ls_b64_blobs(c, o, o->data);
    return e != LS_OK ? e : b;
}

const struct ls_handler ls_handler_xml = {
    .name = "xml",
    .probe = xml_probe,
    .extract = xml_extract,
};
