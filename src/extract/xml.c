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
 * HTML does, unless clearly mislabelled); else the code page the text handler guesses from the bytes
 * (text.h; Windows-1252 when unsure). A declared encoding without a table
 * (EBCDIC, UTF-7 ...) is noted `unsupported` and read the same way. No
 * iconv. An identifier whose kind follows it (ISO 20022's <Othr><Id>..
 * </Id><SchmeNm><Cd>SOSE</Cd></SchmeNm>) gives a labels line "SSN: ..."
 * (below: identifiers labelled after their value).
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

/* UTF-16 (a BOM, or a zero byte among the first two): the byte scans of
 * this file do not apply (markup.c converts it). */
static bool xml_is_utf16(struct ls_slice s)
{
    int b0 = ls_slice_at(s, 0), b1 = ls_slice_at(s, 1);
    return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || b0 == 0 || b1 == 0;
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
    static const char *const utf[] = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii",
                                      "ascii", "ansi_x3.4-1968", "iso-10646-ucs-2", "ucs-2", NULL};
    for (size_t i = 0; utf[i]; i++)
        if (name.len == strlen(utf[i]) && strncasecmp((const char *)name.ptr, utf[i], name.len) == 0)
            return true;
    return false;
}

/* XML whose bytes are not UTF-8 (and have no BOM) in the code page its
 * declaration names, as UTF-8 in u; false to read it as markup.c does
 * (the text handler's guess). A name with no table is noted. */
static bool xml_recode(struct ls_ctx *c, struct ls_object *o, struct ls_buf *u, ls_err *err)
{
    struct ls_slice s = o->data, name;
    *err = LS_OK;
    if (xml_is_utf16(s)) return false;
    if (!xml_declared_encoding(s, &name) || ls_utf8_valid(s)) return false;
    const struct ls_codepage *cp = ls_codepage_by_name(name);
    unsigned num = cp ? ls_codepage_number(cp) : 0;
    /* windows-1252 and ISO-8859-1 labels (which hold 1252's punctuation in
     * practice) go to markup.c's guess as HTML's do: Windows-1252 unless the
     * bytes are clearly another script's page */
    if (!cp || num == 1252u || num == 28591u) {
        if (!cp && !xml_is_utf_label(name)) {
            char shown[41];
            size_t k = name.len < sizeof shown - 1 ? name.len : sizeof shown - 1;
            memcpy(shown, name.ptr, k); /* letters, digits and -_.: only */
            shown[k] = '\0';
            ls_note(c, o, LS_R_UNSUPPORTED,
                    "xml: encoding \"%s\" not supported, read in the code page its bytes suggest", shown);
        }
        return false;
    }
    ls_buf_init(u, s.len > SIZE_MAX / 4 ? SIZE_MAX / 4 : s.len * 3 + 16);
    *err = ls_codepage_to_utf8(u, s, cp);
    if (*err == LS_E_LIMIT) *err = LS_E_NOMEM; /* 3 bytes a byte: never reached */
    return true;
}

/* ---- text, and HTML carried in text ----
 *
 * Feeds and exports carry HTML in their text nodes, escaped or in CDATA:
 * an RSS <description>, Atom <content type="html">, <content:encoded>,
 * Jira's and Confluence's XML exports, SOAP payloads. Read as text, such
 * a node gave its tags and left its references undecoded
 * ("<p>jane&#64;example.com</p>": no address found). A text run (the text
 * between two element events) that holds HTML tags is read as HTML
 * (ls_markup_html_text()) where it stands; other runs as before (text
 * nodes one per line, attribute values too unless SVG).
 */
#define XML_RUN_MAX (4u * 1024u * 1024u) /* a longer run is passed on as plain text */

/* ---- identifiers labelled after their value ----
 *
 * ISO 20022 gives a person's or an organisation's identifier first and its
 * kind after it: <Othr><Id>536221874</Id><SchmeNm><Cd>SOSE</Cd></SchmeNm>
 * </Othr> (SOSE: social security number; CCPT passport, DRLC driver's
 * licence, NIDN national identity number, TXID tax id ...); other schemas
 * write <Identification><Number>..</Number><Type>SSN</Type>. The rules
 * read a label before its value, so an element whose leaf child is an
 * identifier (Id, Value, IdValue, IdNumber, Number, Nb) and whose other
 * leaf child names its kind (Cd, Code, Type, Tp, IdType, Prtry; directly
 * or in a SchmeNm / Tp / Type / IdType / Scheme element) gives a labels
 * line "SSN: 536221874" (ls_emit_labels(); the text is not changed). ISO
 * 20022's person and organisation codes are written as words the rules
 * know; another code as it stands (at most XML_ID_LABEL_MAX bytes, a
 * letter in it). The value is at most XML_ID_VALUE_MAX bytes with 4
 * digits or more (tablectx.h's rule). Elements nested deeper than
 * XML_ID_DEPTH are not followed.
 */
#define XML_ID_DEPTH 64u
#define XML_ID_LABEL_MAX 48u
#define XML_ID_VALUE_MAX 40u

enum { XML_EL_OTHER, XML_EL_VALUE, XML_EL_CODE, XML_EL_SCHEME };

struct xml_idf {
    unsigned char kind;
    char code[XML_ID_LABEL_MAX + 1];
    char value[XML_ID_VALUE_MAX + 1];
};

struct xml_tx {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_textout out;
    struct ls_buf run;
    bool run_plain; /* the run outgrew XML_RUN_MAX: passed on as it comes */
    unsigned flags;
    struct xml_idf idf[XML_ID_DEPTH];
    size_t depth;     /* elements open (frames past XML_ID_DEPTH not kept) */
    bool leaf;        /* no child element since the innermost one started */
    struct ls_buf ids; /* the labels lines */
};

static bool xml_name_in(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(name, list[i]) == 0) return true;
    return false;
}

static unsigned char xml_el_kind(const char *local)
{
    static const char *const value[] = {"Id", "Value", "IdValue", "IdNumber", "IdNb", "Number", "Nb", NULL};
    static const char *const code[] = {"Cd", "Code", "Prtry", "IdType", "IdTypeCode", "TypeCode", NULL};
    static const char *const scheme[] = {"SchmeNm", "Tp", "Type", "Scheme", "SchemeName", "IdentificationType",
                                         NULL};
    if (!local) return XML_EL_OTHER;
    if (xml_name_in(local, value)) return XML_EL_VALUE;
    if (xml_name_in(local, code)) return XML_EL_CODE;
    if (xml_name_in(local, scheme)) return XML_EL_SCHEME;
    return XML_EL_OTHER;
}

/* A code as the words the rules know: ISO 20022's external person and
 * organisation identification codes; another code as it stands. */
static const char *xml_id_label(const char *code)
{
    static const char *const map[][2] = {
        {"SOSE", "SSN"}, {"CCPT", "Passport number"}, {"DRLC", "Driver's license number"},
        {"NIDN", "National ID number"}, {"TXID", "Tax ID"}, {"EMPL", "Employee ID"},
        {"CUST", "Customer number"}, {"ARNU", "Alien registration number"}, {NULL, NULL}};
    for (size_t i = 0; map[i][0]; i++)
        if (strcmp(code, map[i][0]) == 0) return map[i][1];
    return code;
}

/* The text of a leaf element, trimmed, into dst (cap bytes with its NUL);
 * empty when too long or empty. */
static void xml_id_copy(char *dst, size_t cap, struct ls_slice t)
{
    size_t a = 0, b = t.len;
    while (a < b && (ls_slice_at(t, a) == ' ' || ls_slice_at(t, a) == '\t' || ls_slice_at(t, a) == '\r' ||
                     ls_slice_at(t, a) == '\n'))
        a++;
    while (b > a && (ls_slice_at(t, b - 1) == ' ' || ls_slice_at(t, b - 1) == '\t' ||
                     ls_slice_at(t, b - 1) == '\r' || ls_slice_at(t, b - 1) == '\n'))
        b--;
    dst[0] = 0;
    if (b - a == 0 || b - a >= cap) return;
    for (size_t i = a; i < b; i++)
        if (ls_slice_at(t, i) < 0x20) return; /* one line */
    memcpy(dst, t.ptr + a, b - a);
    dst[b - a] = 0;
}

static void xml_id_start(struct xml_tx *x, const char *local)
{
    if (x->depth < XML_ID_DEPTH) {
        struct xml_idf *f = &x->idf[x->depth];
        f->kind = xml_el_kind(local);
        f->code[0] = f->value[0] = 0;
    }
    if (x->depth < SIZE_MAX) x->depth++;
    x->leaf = true;
}

/* An element ends; text: its own text when it was a leaf (the run). */
static ls_err xml_id_end(struct xml_tx *x, struct ls_slice text)
{
    bool leaf = x->leaf;
    x->leaf = false;
    if (x->depth == 0) return LS_OK;
    size_t d = --x->depth;
    if (d >= XML_ID_DEPTH) return LS_OK;
    struct xml_idf *f = &x->idf[d];
    struct xml_idf *up = d > 0 ? &x->idf[d - 1] : NULL;
    if (leaf && up && (f->kind == XML_EL_CODE || f->kind == XML_EL_SCHEME)) {
        /* a code in a scheme element belongs to the scheme's parent */
        struct xml_idf *to = f->kind == XML_EL_CODE && up->kind == XML_EL_SCHEME ? (d > 1 ? &x->idf[d - 2] : NULL) : up;
        if (to && !to->code[0]) {
            char code[XML_ID_LABEL_MAX + 1];
            xml_id_copy(code, sizeof code, text);
            bool letter = false;
            for (const char *p = code; *p; p++) letter |= ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
            if (letter) memcpy(to->code, code, sizeof code);
        }
        return LS_OK;
    }
    if (leaf && up && f->kind == XML_EL_VALUE) {
        if (!up->value[0]) xml_id_copy(up->value, sizeof up->value, text);
        return LS_OK;
    }
    if (!f->code[0] || !f->value[0]) return LS_OK;
    unsigned digits = 0;
    for (const char *p = f->value; *p; p++) digits += *p >= '0' && *p <= '9';
    if (digits < 4) return LS_OK;
    LS_TRY(ls_buf_adds(&x->ids, xml_id_label(f->code)));
    LS_TRY(ls_buf_adds(&x->ids, ": "));
    LS_TRY(ls_buf_adds(&x->ids, f->value));
    return ls_buf_addc(&x->ids, '\n');
}

/* A tag HTML text is made of at s[i] ('<'): "<p>", "</div>", "<br/>",
 * "<a href=...". Not "<a>" or "<b>" alone: XML quoted in text (a test
 * suite's, a schema's example) has such names too, and HTML's parser
 * would drop its attributes. */
static bool xml_html_tag(struct ls_slice s, size_t i)
{
    static const char *const tags[] = {"p", "br", "div", "span", "a href", "em", "strong", "font",
                                       "table", "tr", "td", "th", "li", "ul", "ol", "img", "h1", "h2",
                                       "h3", "h4", "h5", "h6", "html", "body", "blockquote", "pre",
                                       "hr", NULL};
    size_t j = i + 1;
    if (ls_slice_at(s, j) == '/') j++;
    for (size_t k = 0; tags[k]; k++) {
        size_t n = strlen(tags[k]), m = 0;
        while (m < n) {
            int ch = ls_slice_at(s, j + m);
            if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
            if (ch != tags[k][m]) break;
            m++;
        }
        int after = ls_slice_at(s, j + n);
        if (m == n && (after == '>' || after == ' ' || after == '/' || after == '\t' || after == '\n'))
            return true;
    }
    return false;
}

static bool xml_is_html(struct ls_slice s)
{
    for (size_t i = ls_slice_find(s, 0, "<", 1); i != SIZE_MAX; i = ls_slice_find(s, i + 1, "<", 1))
        if (xml_html_tag(s, i)) return true;
    return false;
}

/* A run of text as xmltext in markup.c passes it on: blanks between
 * elements are one space. */
static ls_err xml_tx_plain(struct xml_tx *x, struct ls_slice s)
{
    size_t i = 0;
    while (i < s.len && (ls_slice_at(s, i) == ' ' || ls_slice_at(s, i) == '\t' || ls_slice_at(s, i) == '\n' ||
                         ls_slice_at(s, i) == '\r'))
        i++;
    if (i == s.len) return s.len ? ls_textout_sep(&x->out, ' ') : LS_OK;
    return ls_textout_add(&x->out, s.ptr, s.len);
}

static ls_err xml_tx_run_end(struct xml_tx *x)
{
    struct ls_slice r = ls_buf_slice(&x->run);
    x->run_plain = false;
    if (r.len == 0) return LS_OK;
    ls_err e;
    if (xml_is_html(r)) {
        /* what is buffered goes first, the HTML's text then stands on lines of its own */
        e = ls_textout_sep(&x->out, '\n');
        if (e == LS_OK) e = ls_textout_flush(&x->out);
        if (e == LS_OK) e = ls_markup_html_text(x->c, x->o, r);
        if (e == LS_OK) e = ls_textout_add(&x->out, "\n", 1);
    } else {
        e = xml_tx_plain(x, r);
    }
    ls_buf_reset(&x->run);
    return e;
}

static ls_err xml_tx_start(void *ud, const char *local, const char *ns, const struct ls_xml_attr *attrs,
                           size_t n)
{
    struct xml_tx *x = ud;
    (void)ns;
    LS_TRY(xml_tx_run_end(x));
    xml_id_start(x, local);
    LS_TRY(ls_textout_sep(&x->out, '\n'));
    if (!(x->flags & LS_MARKUP_ATTRS)) return LS_OK;
    for (size_t i = 0; i < n; i++) {
        if (attrs[i].value.len == 0) continue;
        LS_TRY(ls_textout_sep(&x->out, '\n'));
        LS_TRY(ls_textout_add(&x->out, attrs[i].value.ptr, attrs[i].value.len));
    }
    /* the element's own text must not glue onto its last attribute value */
    if (n) LS_TRY(ls_textout_sep(&x->out, '\n'));
    return LS_OK;
}

static ls_err xml_tx_end(void *ud, const char *local, const char *ns)
{
    struct xml_tx *x = ud;
    (void)local;
    (void)ns;
    ls_err e = xml_id_end(x, x->run_plain ? ls_slice_make(NULL, 0) : ls_buf_slice(&x->run));
    if (e != LS_OK && e != LS_E_LIMIT) return e; /* labels past the text budget are dropped */
    LS_TRY(xml_tx_run_end(x));
    return ls_textout_sep(&x->out, '\n');
}

static ls_err xml_tx_text(void *ud, struct ls_slice s)
{
    struct xml_tx *x = ud;
    if (x->run_plain) return ls_textout_add(&x->out, s.ptr, s.len);
    if (x->run.len + s.len <= XML_RUN_MAX) return ls_buf_add(&x->run, s.ptr, s.len);
    LS_TRY(xml_tx_plain(x, ls_buf_slice(&x->run))); /* too long to hold: plain text, as before */
    ls_buf_reset(&x->run);
    x->run_plain = true;
    return ls_textout_add(&x->out, s.ptr, s.len);
}

/* One document's text (ls_markup_xml_text()'s returns). */
static ls_err xml_walk_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml, unsigned flags)
{
    static const struct ls_xml_sax sax = {xml_tx_start, xml_tx_end, xml_tx_text};
    struct xml_tx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.o = o;
    x.flags = flags;
    ls_textout_init(&x.out, c, o);
    ls_buf_init(&x.run, XML_RUN_MAX);
    ls_buf_init(&x.ids, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = ls_markup_xml_walk(c, o, xml, &sax, &x);
    if (e == LS_OK || e == LS_E_CORRUPT) { /* text after the last element event */
        ls_err r = xml_tx_run_end(&x);
        if (r != LS_OK) e = r;
    }
    ls_err f = ls_textout_finish(&x.out);
    ls_err l = x.ids.len && f == LS_OK ? ls_emit_labels(c, o, x.ids.ptr, x.ids.len) : LS_OK;
    ls_buf_free(&x.run);
    ls_buf_free(&x.ids);
    return f != LS_OK ? f : l != LS_OK ? l : e;
}

/* ---- documents one after another ----
 *
 * A log of SOAP messages, an export written record by record, saved API
 * responses appended to one file: several root elements (each perhaps
 * with its own <?xml?>). libxml2 stops after the first ("extra content at
 * the end of the document") and the rest was lost. Such a file is read
 * as its documents, one after another, each ending where its root
 * element ends; found by a scan that knows only tags, comments, CDATA,
 * processing instructions, declarations and quotes in tags.
 */
#define XML_MAX_DOCS 100000u /* parses (groups, below); past this many the rest is one last document */

static bool xml_name_start(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == ':' || ch >= 0x80;
}

/* s holds str at i. */
static bool xml_at(struct ls_slice s, size_t i, const char *str)
{
    struct ls_slice rest;
    return ls_slice_from(s, i, &rest) && ls_slice_starts(rest, str, strlen(str));
}

/* Past the '>' that ends the tag or declaration at s[i] ('<'), quotes and
 * (for <!DOCTYPE) the internal subset's brackets respected; SIZE_MAX if
 * none. */
static size_t xml_skip_tag(struct ls_slice s, size_t i)
{
    int quote = 0;
    unsigned brackets = 0;
    for (i++; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (quote) {
            if (ch == quote) quote = 0;
        } else if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '[') {
            brackets++;
        } else if (ch == ']' && brackets) {
            brackets--;
        } else if (ch == '>' && !brackets) {
            return i + 1;
        }
    }
    return SIZE_MAX;
}

/* Past what starts at s[i] ('<'): a comment, CDATA section, processing
 * instruction or declaration; *kind 's' start tag, 'e' empty element,
 * 'c' end tag, 'o' other, 't' a '<' that opens nothing (text). */
static size_t xml_past(struct ls_slice s, size_t from, const char *close)
{
    size_t e = ls_slice_find(s, from, close, strlen(close));
    return e == SIZE_MAX ? SIZE_MAX : e + strlen(close);
}

static size_t xml_token(struct ls_slice s, size_t i, int *kind)
{
    int nx = ls_slice_at(s, i + 1);
    *kind = 'o';
    if (nx == '?') return xml_past(s, i + 2, "?>");
    if (nx == '!') {
        if (xml_at(s, i, "<!--")) return xml_past(s, i + 4, "-->");
        if (xml_at(s, i, "<![CDATA[")) return xml_past(s, i + 9, "]]>");
        return xml_skip_tag(s, i);
    }
    if (nx != '/' && !xml_name_start(nx)) {
        *kind = 't';
        return i + 1;
    }
    size_t end = xml_skip_tag(s, i);
    *kind = nx == '/' ? 'c' : (end != SIZE_MAX && ls_slice_at(s, end - 2) == '/') ? 'e' : 's';
    return end;
}

/* Just past the end of the first root element that starts at or after
 * from; SIZE_MAX if none ends (the rest is one document). *seen: a root
 * element started. */
static size_t xml_root_end(struct ls_slice s, size_t from, bool *seen, size_t *root)
{
    size_t depth = 0;
    *seen = false;
    *root = SIZE_MAX;
    for (size_t i = from; i < s.len;) {
        size_t lt = ls_slice_find(s, i, "<", 1);
        if (lt == SIZE_MAX) return SIZE_MAX;
        int kind;
        size_t next = xml_token(s, lt, &kind);
        if (next == SIZE_MAX) return SIZE_MAX;
        if ((kind == 's' || kind == 'e') && !*seen) {
            *seen = true;
            *root = lt;
        }
        if (kind == 's') depth++;
        if (kind == 'c' && depth > 0) depth--;
        if (*seen && depth == 0 && (kind == 'c' || kind == 'e')) return next;
        i = next;
    }
    return SIZE_MAX;
}

/* Whether another root element starts after the first one's end. */
static bool xml_several_roots(struct ls_slice s, size_t *first_end, size_t *root)
{
    bool seen;
    size_t r2;
    *first_end = xml_root_end(s, 0, &seen, root);
    if (*first_end == SIZE_MAX) return false;
    (void)xml_root_end(s, *first_end, &seen, &r2);
    return seen;
}

/* Documents read together (one parse each group): a document's root
 * elements go under one element of the group's own, the first one's
 * prolog before it, a later one's XML declaration blanked (the file's
 * encoding is decided once). A document whose prolog has a DOCTYPE
 * starts a group (its internal subset is its own). One parse a document
 * cost 7 us: a log of 10^6 records took 10 times a text file's time, and
 * past XML_MAX_DOCS parses the rest was lost. */
#define XML_GROUP_MAX (1024u * 1024u)
#define XML_GROUP_OPEN "<ls-records>"
#define XML_GROUP_CLOSE "</ls-records>"

/* s[from, to) holds str. */
static bool xml_has(struct ls_slice s, size_t from, size_t to, const char *str)
{
    struct ls_slice part;
    return to > from && ls_slice_sub(s, from, to - from, &part) && ls_slice_find(part, 0, str, strlen(str)) != SIZE_MAX;
}

/* Appends xml[from, to) to g with each "<?xml ...?>" of xml[from, root) blanked. */
static ls_err xml_group_add(struct ls_buf *g, struct ls_slice xml, size_t from, size_t root, size_t to)
{
    struct ls_slice part;
    size_t base = g->len;
    if (!ls_slice_sub(xml, from, to - from, &part)) return LS_OK;
    LS_TRY(ls_buf_add(g, part.ptr, part.len));
    struct ls_slice prolog;
    if (!ls_slice_sub(xml, from, root - from, &prolog)) return LS_OK;
    for (size_t k = ls_slice_find(prolog, 0, "<?xml", 5); k != SIZE_MAX; k = ls_slice_find(prolog, k + 1, "<?xml", 5)) {
        size_t e = ls_slice_find(prolog, k, "?>", 2);
        if (e == SIZE_MAX) break;
        memset(g->ptr + base + k, ' ', e + 2 - k);
    }
    return LS_OK;
}

static ls_err xml_documents(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml, unsigned flags,
                            size_t end, size_t root)
{
    ls_err worst = LS_OK, e = LS_OK;
    struct ls_buf g;
    ls_buf_init(&g, XML_GROUP_MAX + sizeof XML_GROUP_OPEN + sizeof XML_GROUP_CLOSE);
    size_t at = 0;
    for (unsigned n = 0; at < xml.len; n++) {
        bool seen = true;
        size_t nat = end, nend = SIZE_MAX, nroot = SIZE_MAX;
        /* the documents that join this one */
        bool grouped = false;
        while (end != SIZE_MAX && n + 2 < XML_MAX_DOCS) {
            nend = xml_root_end(xml, nat, &seen, &nroot);
            if (nend == SIZE_MAX || xml_has(xml, nat, nroot, "<!DOCTYPE")) break;
            size_t need = (nend - nat) + (grouped ? 0 : end - at + sizeof XML_GROUP_OPEN) + sizeof XML_GROUP_CLOSE;
            if (g.len + need > XML_GROUP_MAX) break;
            if (!grouped) {
                ls_buf_reset(&g);
                e = xml_group_add(&g, xml, at, at, root); /* its own declaration stays */
                if (e == LS_OK) e = ls_buf_adds(&g, XML_GROUP_OPEN);
                if (e == LS_OK) e = xml_group_add(&g, xml, root, root, end);
                grouped = true;
            }
            if (e == LS_OK) e = xml_group_add(&g, xml, nat, nroot, nend);
            if (e != LS_OK) break;
            nat = nend;
            nend = SIZE_MAX;
        }
        if (e == LS_OK && grouped) e = ls_buf_adds(&g, XML_GROUP_CLOSE);
        if (e != LS_OK) break;
        struct ls_slice doc;
        if (grouped) doc = ls_buf_slice(&g);
        else if (end == SIZE_MAX) (void)ls_slice_from(xml, at, &doc);
        else (void)ls_slice_sub(xml, at, end - at, &doc);
        e = xml_walk_text(c, o, doc, flags);
        ls_buf_reset(&g);
        if (e == LS_E_NOMEM || e == LS_E_TIMEOUT || e == LS_E_LIMIT) break;
        if (e != LS_OK) worst = e;
        e = LS_OK;
        if (end == SIZE_MAX) break; /* that was the last piece */
        at = nat;
        if (at >= xml.len) break;
        if (nend != SIZE_MAX) { /* the document that did not join starts the next group */
            end = nend;
            root = nroot;
        } else {
            end = n + 2 < XML_MAX_DOCS ? xml_root_end(xml, at, &seen, &root) : SIZE_MAX;
            if (end == SIZE_MAX) {
                size_t r;
                (void)xml_root_end(xml, at, &seen, &r); /* a last root left open, or only blanks and comments */
                if (!seen) break;
            }
        }
    }
    ls_buf_free(&g);
    return e != LS_OK ? e : worst;
}

/* ---- raw '&' and '<' ----
 *
 * Exporters that build XML by string concatenation write "AT&T",
 * "Smith & Sons", "?a=1&b=2" and "x < y" unescaped. libxml2 recovers by
 * dropping the bytes ("AT&T" read "AT", the name after a raw '&' was
 * lost). A '&' that starts no reference (name or number, then ';') is
 * written "&amp;" and a '<' that opens nothing "&lt;", in text and in tags;
 * comments, CDATA sections, processing instructions and declarations are
 * left as they are. The document is then read as its writer meant it, and
 * is still partial (parse_error) only for other damage.
 */
#define XML_REF_NAME_MAX 50000u /* libxml2's own limit on a name (XML_MAX_NAME_LENGTH) */

static bool xml_ref_ok(struct ls_slice s, size_t i)
{
    size_t j = i + 1;
    if (ls_slice_at(s, j) == '#') {
        bool hex = ls_slice_at(s, ++j) == 'x';
        size_t st = hex ? ++j : j;
        for (int ch = ls_slice_at(s, j);
             (ch >= '0' && ch <= '9') || (hex && ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')));
             ch = ls_slice_at(s, ++j)) {
        }
        return j > st && ls_slice_at(s, j) == ';';
    }
    if (!xml_name_start(ls_slice_at(s, j))) return false;
    while (j - i < XML_REF_NAME_MAX && xml_name_char(ls_slice_at(s, j))) j++;
    return ls_slice_at(s, j) == ';';
}

struct xml_fix {
    struct ls_slice in;
    struct ls_buf *out;
    size_t done; /* in[0, done) is in out */
    bool changed;
};

/* in[i, i+1) is written as rep. */
static ls_err xml_fix_put(struct xml_fix *f, size_t i, const char *rep)
{
    struct ls_slice before;
    (void)ls_slice_sub(f->in, f->done, i - f->done, &before);
    LS_TRY(ls_buf_add(f->out, before.ptr, before.len));
    LS_TRY(ls_buf_adds(f->out, rep));
    f->done = i + 1;
    f->changed = true;
    return LS_OK;
}

/* The raw '&'s of in[from, to) (searched there only: a file of many tags
 * and one late '&' stays linear). */
static ls_err xml_fix_amps(struct xml_fix *f, size_t from, size_t to)
{
    struct ls_slice part;
    if (to <= from || !ls_slice_sub(f->in, from, to - from, &part)) return LS_OK;
    for (size_t k = 0; k < part.len; k++) {
        k = ls_slice_find(part, k, "&", 1);
        if (k == SIZE_MAX) break;
        if (!xml_ref_ok(f->in, from + k)) LS_TRY(xml_fix_put(f, from + k, "&amp;"));
    }
    return LS_OK;
}

static ls_err xml_fix_run(struct xml_fix *f)
{
    struct ls_slice s = f->in;
    for (size_t i = 0; i < s.len;) {
        size_t lt = ls_slice_find(s, i, "<", 1);
        LS_TRY(xml_fix_amps(f, i, lt == SIZE_MAX ? s.len : lt));
        if (lt == SIZE_MAX) break;
        int kind;
        size_t next = xml_token(s, lt, &kind);
        if (next == SIZE_MAX) break; /* an open comment or tag runs to the end: left to libxml2 */
        if (kind == 't') LS_TRY(xml_fix_put(f, lt, "&lt;"));
        else if (kind != 'o') LS_TRY(xml_fix_amps(f, lt, next));
        i = next;
    }
    if (!f->changed) return LS_OK;
    struct ls_slice rest;
    (void)ls_slice_from(s, f->done, &rest);
    return ls_buf_add(f->out, rest.ptr, rest.len);
}

static ls_err xml_text_doc(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml, unsigned flags)
{
    size_t first_end, root;
    if (xml_several_roots(xml, &first_end, &root)) return xml_documents(c, o, xml, flags, first_end, root);
    return xml_walk_text(c, o, xml, flags);
}

static ls_err xml_text_of(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml)
{
    enum ls_xmlss_kind k = ls_xmlss_kind(xml); /* Excel / Word 2003 XML */
    if (k != LS_XMLSS_NONE) return ls_xmlss_extract(c, o, k, xml);
    unsigned flags = xml_is_svg(o) ? 0 : LS_MARKUP_ATTRS;
    if (xml_is_vml(o)) return ls_markup_xml_text(c, o, xml, flags | LS_MARKUP_LENIENT);
    if (xml_is_utf16(xml)) return xml_walk_text(c, o, xml, flags);
    struct ls_buf fixed;
    ls_buf_init(&fixed, xml.len > SIZE_MAX / 6 ? SIZE_MAX / 6 : xml.len * 5 + 16);
    struct xml_fix f = {xml, &fixed, 0, false};
    ls_err e = xml_fix_run(&f);
    if (e == LS_OK) e = xml_text_doc(c, o, f.changed ? ls_buf_slice(&fixed) : xml, flags);
    else if (e == LS_E_LIMIT) e = LS_E_NOMEM; /* 5 bytes a byte: never reached */
    ls_buf_free(&fixed);
    return e;
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
