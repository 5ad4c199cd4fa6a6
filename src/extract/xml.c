/*
 * "xml": generic XML, SVG, XMP packets, RSS/Atom, plists (XML 1.0 5th ed.,
 * parsed by libxml2 through markup.c with entities, DTDs and network off).
 *
 * Text nodes one per line; attribute values too, except in SVG (path and
 * geometry data). A DOCTYPE declaring entities gives `xml_entity`; nothing
 * is expanded or loaded. A document that is not well-formed keeps the text
 * libxml2 could recover and is marked partial (parse_error); except a .vml
 * drawing, read with the lenient (HTML) parser as in OOXML packages.
 * Encoding (XML 1.0, 4.3.3 and appendix F, simplified): a BOM or UTF-16
 * pattern decides (markup.c); else bytes that are valid UTF-8 are UTF-8;
 * else the encoding the XML declaration names, when it is a code page of
 * the core tables, single-byte or CJK (windows-1251, iso-8859-5, koi8-r,
 * shift_jis, gb2312 ...; iso-8859-1 and us-ascii read as Windows-1252, as
 * HTML does); else Windows-1252. A declared encoding without a table
 * (EBCDIC, UTF-7 ...) is noted `unsupported`. No iconv.
 * Attacker-controlled: every byte.
 */
#include <string.h>
#include <strings.h>

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

/* ---- declared encoding ---- */

static bool xml_name_char(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_' || ch == '.' || ch == ':';
}

/* The EncName of an XML declaration at the start of s (after blanks):
 * <?xml version="1.0" encoding = 'windows-1251'?>. */
static bool xml_declared_encoding(struct ls_slice s, struct ls_slice *name)
{
    size_t i = 0, n = s.len < XML_SNIFF ? s.len : XML_SNIFF;
    while (i < n && (ls_slice_at(s, i) == ' ' || ls_slice_at(s, i) == '\t' ||
                     ls_slice_at(s, i) == '\r' || ls_slice_at(s, i) == '\n'))
        i++;
    if (ls_slice_find(s, i, "<?xml", 5) != i) return false;
    size_t end = ls_slice_find(s, i, "?>", 2);
    if (end == SIZE_MAX || end > n) return false;
    size_t at = ls_slice_find(s, i, "encoding", 8);
    if (at == SIZE_MAX || at > end) return false;
    i = at + 8;
    while (i < end && (ls_slice_at(s, i) == ' ' || ls_slice_at(s, i) == '=')) i++;
    int q = ls_slice_at(s, i);
    if (q != '"' && q != '\'') return false;
    size_t st = ++i;
    while (i < end && xml_name_char(ls_slice_at(s, i))) i++;
    return i > st && ls_slice_at(s, i) == q && ls_slice_sub(s, st, i - st, name);
}

static bool xml_is_utf_label(struct ls_slice name)
{
    static const char *const utf[] = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be",
                                      "us-ascii", "ascii", "iso-10646-ucs-2", NULL};
    for (size_t i = 0; utf[i]; i++)
        if (name.len == strlen(utf[i]) && strncasecmp((const char *)name.ptr, utf[i], name.len) == 0)
            return true;
    return false;
}

/* XML whose bytes are not UTF-8 (and have no BOM) in the code page its
 * declaration names, as UTF-8 in u; false to read it as markup.c does
 * (Windows-1252). A name with no table is noted. */
static bool xml_recode(struct ls_ctx *c, struct ls_object *o, struct ls_buf *u, ls_err *err)
{
    struct ls_slice s = o->data, name;
    int b0 = ls_slice_at(s, 0), b1 = ls_slice_at(s, 1);
    *err = LS_OK;
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || b0 == 0 || b1 == 0) return false;
    if (!xml_declared_encoding(s, &name) || ls_utf8_valid(s)) return false;
    const struct ls_codepage *cp = ls_codepage_by_name(name);
    unsigned num = cp ? ls_codepage_number(cp) : 0;
    if (!cp || num == 1252u || num == 28591u) { /* 8859-1 labels hold 1252's punctuation in practice */
        if (!cp && !xml_is_utf_label(name)) {
            char shown[41];
            size_t k = name.len < sizeof shown - 1 ? name.len : sizeof shown - 1;
            memcpy(shown, name.ptr, k); /* letters, digits and -_.: only */
            shown[k] = '\0';
            ls_note(c, o, LS_R_UNSUPPORTED, "xml: encoding \"%s\" not supported, read as Windows-1252", shown);
        }
        return false;
    }
    ls_buf_init(u, s.len > SIZE_MAX / 4 ? SIZE_MAX / 4 : s.len * 3 + 16);
    *err = ls_codepage_to_utf8(u, s, cp);
    if (*err == LS_E_LIMIT) *err = LS_E_NOMEM; /* 3 bytes a byte: never reached */
    return true;
}

static ls_err xml_text_of(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml)
{
    enum ls_xmlss_kind k = ls_xmlss_kind(xml); /* Excel / Word 2003 XML */
    if (k != LS_XMLSS_NONE) return ls_xmlss_extract(c, o, k, xml);
    unsigned flags = xml_is_svg(o) ? 0 : LS_MARKUP_ATTRS;
    if (xml_is_vml(o)) flags |= LS_MARKUP_LENIENT;
    return ls_markup_xml_text(c, o, xml, flags);
}

static ls_err xml_text(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_buf u;
    ls_err e;
    if (!xml_recode(c, o, &u, &e)) return xml_text_of(c, o, o->data);
    if (e == LS_OK) e = xml_text_of(c, o, ls_buf_slice(&u));
    ls_buf_free(&u);
    return e;
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
