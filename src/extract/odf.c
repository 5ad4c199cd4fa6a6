/*
 * "odf": OpenDocument packages (OASIS ODF 1.3 Part 2 packages, Part 3
 * schema): odt/ott, ods/ots, odp/otp, odg and their templates.
 *
 * Members are read through src/unpack/zipread.h; XML through markup.h's
 * SAX walker (no entities, no DTD, no network). Supported:
 *   - content.xml: paragraphs, headings, lists, tables (one row per line;
 *     float/currency/percentage cells also give office:value, so a number
 *     displayed as 5.36E+08 still reads 536221874 (not when the displayed
 *     text has the same digits: see odf_flush_value()); date cells give
 *     office:date-value as an ISO date, "1980-01-01" or
 *     "2024-01-01 12:00:00", before the displayed text, so a date of
 *     birth shown as 1/1/80 still reads as a full date), annotations (comments),
 *     notes, tracked deletions, frame titles/descriptions, slides and notes;
 *     text kept in attributes where its element stands (odf_inline_attrs():
 *     link targets, hidden field values, drop-down entries, index marks,
 *     form control values), data validations with named expressions;
 *     numbered lists' labels ("1.", "a)", "iv.", "2.1.") before each item's
 *     first paragraph, from the list styles (text:list-style's
 *     list-level-style-number: num-format, num-prefix, num-suffix,
 *     display-levels, start-value) of styles.xml (read first) and
 *     content.xml; a list restarts unless text:continue-numbering or
 *     text:continue-list; an item's text:start-value sets its number;
 *     headings' chapter numbers (text:outline-style's outline-level-style,
 *     by the heading's text:outline-level) outside lists;
 *   - styles.xml: only the page header/footer text of master pages and
 *     the text of their frames (a presentation's master slide);
 *   - meta.xml: creator, initial creator, title, keywords, user-defined
 *     properties as "name: value" lines;
 *   - embedded objects (Object N/content.xml, binary Object N), Pictures/,
 *     thumbnails, other media as children; Basic/ and Scripts/ members raise
 *     `macro` (and are children too);
 *   - META-INF/manifest.xml encryption-data: encrypted members are reported
 *     `encrypted` and not parsed.
 * A flat XML document (.fodt, .fods ...: root office:document) is one file
 * holding those parts: its office:meta, master styles and body are read as
 * the members above (odf_flat_start()), its base64 blobs as generic XML's.
 * Ignored on purpose: settings.xml, styles other than headers/footers and
 * list and outline styles (content.xml's automatic styles: no text), list styles bound through a
 * paragraph style (style:list-style-name),
 * ObjectReplacements/ (previews of objects already read), Configurations2/.
 * Attacker-controlled: member names, sizes and bytes; the XML.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/docpart.h"
#include "extract/markup.h"
#include "extract/sheetdate.h"
#include "extract/sheetfmt.h"
#include "extract/tablectx.h"
#include "extract/zipsalvage.h"
#include "unpack/zipread.h"

#define ODF_LABEL_MAX 64u
/* A number cell's office:value held back until its shown text is seen
 * (longer values are written at once). */
#define ODF_VALUE_MAX 48u
#define ODF_ENC_NAMES_MAX (64u * 1024u)
#define ODF_MIME_PREFIX "application/vnd.oasis.opendocument."
/* OpenOffice.org 1.x and StarOffice 6/7 (.sxw .sxc .sxi .sxd and their
 * templates): ODF's forerunner, the same package and element names in
 * other namespaces (http://openoffice.org/2000/...). */
#define ODF_SXW_PREFIX "application/vnd.sun.xml."
#define ODF_LSTY_MAX 1024u /* list styles kept (LibreOffice writes one per list) */
/* text:list elements whose style is looked up by name (a linear search of
 * the list styles): a hostile million lists under a thousand styles would
 * cost 10^9 comparisons; past this many, lists are read without numbers */
#define ODF_LIST_LOOKUPS 100000u
#define ODF_LSTY_NAME 64u  /* bytes of a list style's name kept */

enum odf_kind {
    ODF_SKIP,
    ODF_CONTENT,
    ODF_STYLES,
    ODF_META,
    ODF_MANIFEST,
    ODF_CHILD,
    ODF_MACRO,
    ODF_FLAT, /* a flat XML document (.fodt, .fods ...): the kind of each top-level part */
    ODF_LISTS, /* styles.xml read first for its list styles */
};

/* A list style (text:list-style) and the counters of the lists using it. */
struct odf_lsty {
    char name[ODF_LSTY_NAME];
    struct ls_listlvl lv[LS_LIST_LEVELS];
    struct ls_listctr ctr;
};

struct odf {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_zip *z;
    struct ls_textout out;
    struct ls_buf part;
    struct ls_buf enc;    /* NUL-separated names the manifest says are encrypted */
    ls_err result;
    bool stop_children, macro_noted, enc_noted;
    struct odf_lsty *lsty; /* list styles of styles.xml and content.xml */
    size_t nlsty, caplsty;
    int32_t outline;       /* the outline style's entry in lsty (chapter numbers), -1 none */
    uint32_t lookups;      /* list style lookups so far (ODF_LIST_LOOKUPS) */
};

struct odf_walk {
    struct odf *x;
    enum odf_kind kind;
    unsigned depth;
    uint8_t els[LS_MARKUP_MAX_DEPTH + 1]; /* enum odf_el of each open element */
    unsigned in_cell;     /* content: open table cells */
    unsigned in_par;      /* content: open paragraphs and headings (text:p, text:h) */
    unsigned in_hf;       /* styles: open header/footer elements and master-page frames */
    char label[ODF_LABEL_MAX];
    bool label_printed;
    struct ls_buf entry;  /* manifest: full-path of the current file-entry */
    struct ls_tablectx tc; /* content: header-row labels of the current table */
    struct ls_buf ctext;  /* content: a cell's text, while a header is looked for */
    uint32_t col, span;   /* content: column of the current cell, columns it covers */
    bool cell_text;       /* content: the cell is a string (not a number or date) */
    bool have_value;      /* content: ctext holds the number/date value, not text */
    char pending[ODF_VALUE_MAX]; /* content: a number cell's office:value, not yet written */
    size_t pending_len;
    bool spreadsheet;     /* content: inside office:spreadsheet */
    bool flat;            /* one flat XML document: kind follows office:document's children */
    unsigned bin_depth;   /* flat: depth of an open office:binary-data (base64), 0 if none */
    unsigned sty_depth;   /* content.xml: depth of office:automatic-styles, 0 if not in it */
    unsigned src_depth;   /* flat: depth of an open Basic module's source-code, 0 if none */
    struct ls_sheet_fstrs fs; /* content: the string constants of a sheet's formulas */
    bool lists_on;        /* list styles are collected in this walk */
    int32_t lsty_cur;     /* list style being read, -1 none */
    unsigned list_depth;  /* content: open text:list elements */
    int32_t list_sty[LS_LIST_LEVELS]; /* content: list style of each open list level */
    bool item_pending;    /* content: a list item whose first paragraph is still to come */
    unsigned item_depth;  /* content: list_depth of that item */
    struct ls_buf links;  /* content: the link targets and names (text:a) of the open
                           * paragraph, written at its end: where the link starts
                           * they split a word ("He<a>llo Wor</a>ld", "536-22-<a>8714</a>") */
};

/* Bytes of link targets one paragraph holds for its end (odf_walk.links). */
#define ODF_LINKS_MAX (64u << 10)

/* Columns a cell repeats over (number-columns-repeated), at most this many. */
#define ODF_MAX_SPAN 1024u

/* ------------------------------------------------------------ element names */

/*
 * Element local names with a meaning for content and header/footer text.
 * Looked up once per element start (a switch on the first byte, then the
 * names sharing it) and kept on the element stack for its end: libxml2
 * reports ends balanced with starts. Sorted by strcmp() so names sharing a
 * first byte are one range of the enum.
 */
enum odf_el {
    ODE_OTHER,
    ODE_ANNOTATION,
    ODE_CHANGE_INFO,
    ODE_COVERED_TABLE_CELL,
    ODE_CREATOR,
    ODE_DATE,
    ODE_DELETION,
    ODE_DESC,
    ODE_FOOTER,
    ODE_FOOTER_FIRST,
    ODE_FOOTER_LEFT,
    ODE_FRAME,
    ODE_H,
    ODE_HEADER,
    ODE_HEADER_FIRST,
    ODE_HEADER_LEFT,
    ODE_INDEX_TITLE_TEMPLATE,
    ODE_LINE_BREAK,
    ODE_LIST_ITEM,
    ODE_NOTE,
    ODE_NOTE_BODY,
    ODE_NOTE_CITATION,
    ODE_NOTES,
    ODE_P,
    ODE_PAGE,
    ODE_RUBY_TEXT,
    ODE_S,
    ODE_SPREADSHEET,
    ODE_TAB,
    ODE_TABLE,
    ODE_TABLE_CELL,
    ODE_TABLE_ROW,
    ODE_TITLE,
    ODE_VARIABLE_SET,
    ODE_COUNT
};

#define ODF_NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

#define ODF_EL_LINE 0x1u /* a line break after the element */
#define ODF_EL_HF 0x2u   /* styles.xml: a header or footer */
#define ODF_EL_SPACE 0x4u /* set apart by spaces (ruby text over its base text) */

static const struct {
    const char *name;
    unsigned flags;
} odf_tags[ODE_COUNT] = {
    [ODE_OTHER] = {"", 0},
    [ODE_ANNOTATION] = {"annotation", ODF_EL_LINE},
    [ODE_CHANGE_INFO] = {"change-info", ODF_EL_LINE},
    [ODE_COVERED_TABLE_CELL] = {"covered-table-cell", 0},
    [ODE_CREATOR] = {"creator", ODF_EL_LINE},
    [ODE_DATE] = {"date", ODF_EL_LINE},
    [ODE_DELETION] = {"deletion", ODF_EL_LINE},
    [ODE_DESC] = {"desc", ODF_EL_LINE},
    [ODE_FOOTER] = {"footer", ODF_EL_HF},
    [ODE_FOOTER_FIRST] = {"footer-first", ODF_EL_HF},
    [ODE_FOOTER_LEFT] = {"footer-left", ODF_EL_HF},
    [ODE_FRAME] = {"frame", ODF_EL_LINE},
    [ODE_H] = {"h", ODF_EL_LINE},
    [ODE_HEADER] = {"header", ODF_EL_HF},
    [ODE_HEADER_FIRST] = {"header-first", ODF_EL_HF},
    [ODE_HEADER_LEFT] = {"header-left", ODF_EL_HF},
    /* an index's title as its source keeps it, before the index body's own
     * copy (pandoc test/odt/odt/imageIndex.odt): ran into it */
    [ODE_INDEX_TITLE_TEMPLATE] = {"index-title-template", ODF_EL_LINE},
    [ODE_LINE_BREAK] = {"line-break", 0},
    [ODE_LIST_ITEM] = {"list-item", ODF_EL_LINE},
    [ODE_NOTE] = {"note", 0},
    [ODE_NOTE_BODY] = {"note-body", ODF_EL_LINE},
    [ODE_NOTE_CITATION] = {"note-citation", 0},
    [ODE_NOTES] = {"notes", ODF_EL_LINE},
    [ODE_P] = {"p", 0},
    [ODE_PAGE] = {"page", ODF_EL_LINE},
    [ODE_RUBY_TEXT] = {"ruby-text", ODF_EL_SPACE},
    [ODE_S] = {"s", 0},
    [ODE_SPREADSHEET] = {"spreadsheet", 0},
    [ODE_TAB] = {"tab", 0},
    [ODE_TABLE] = {"table", 0},
    [ODE_TABLE_CELL] = {"table-cell", 0},
    [ODE_TABLE_ROW] = {"table-row", ODF_EL_LINE},
    [ODE_TITLE] = {"title", ODF_EL_LINE},
    /* a variable's value where it is set (shown or not): not run into the
     * words around it ("Variable458-62-1874.") */
    [ODE_VARIABLE_SET] = {"variable-set", ODF_EL_SPACE},
};

static bool odf_name_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static enum odf_el odf_el_of(const char *local)
{
    enum odf_el lo, hi;
    switch (local[0]) {
    case 'a': lo = hi = ODE_ANNOTATION; break;
    case 'c': lo = ODE_CHANGE_INFO, hi = ODE_CREATOR; break;
    case 'd': lo = ODE_DATE, hi = ODE_DESC; break;
    case 'f': lo = ODE_FOOTER, hi = ODE_FRAME; break;
    case 'h': lo = ODE_H, hi = ODE_HEADER_LEFT; break;
    case 'i': lo = hi = ODE_INDEX_TITLE_TEMPLATE; break;
    case 'l': lo = ODE_LINE_BREAK, hi = ODE_LIST_ITEM; break;
    case 'n': lo = ODE_NOTE, hi = ODE_NOTES; break;
    case 'p': lo = ODE_P, hi = ODE_PAGE; break;
    case 'r': lo = hi = ODE_RUBY_TEXT; break;
    case 's': lo = ODE_S, hi = ODE_SPREADSHEET; break;
    case 't': lo = ODE_TAB, hi = ODE_TITLE; break;
    case 'v': lo = hi = ODE_VARIABLE_SET; break;
    default: return ODE_OTHER;
    }
    for (unsigned e = lo; e <= hi; e++)
        if (odf_name_eq(local, odf_tags[e].name)) return (enum odf_el)e;
    return ODE_OTHER;
}

static unsigned odf_el_flags(enum odf_el el)
{
    return (unsigned)el < ODE_COUNT ? odf_tags[el].flags : 0;
}

/* ------------------------------------------------------------ names */

static bool odf_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(&s[n - m], suffix) == 0;
}

static bool odf_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool odf_in(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0) return true;
    return false;
}

static bool odf_is_object_dir(const char *name)
{
    /* "Object 1/..." (LibreOffice) or "Object1/..." */
    return odf_starts(name, "Object") && strchr(name, '/') != NULL;
}

static enum odf_kind odf_classify(const char *name)
{
    if (!*name || odf_ends(name, "/")) return ODF_SKIP;
    if (strcmp(name, "content.xml") == 0) return ODF_CONTENT;
    if (strcmp(name, "styles.xml") == 0) return ODF_STYLES;
    if (strcmp(name, "meta.xml") == 0) return ODF_META;
    if (strcmp(name, "META-INF/manifest.xml") == 0) return ODF_MANIFEST;
    if (odf_starts(name, "Basic/") && !odf_ends(name, "/script-lc.xml") &&
        !odf_ends(name, "/script-lb.xml") && !odf_ends(name, "/dialog-lc.xml") &&
        !odf_ends(name, "/dialog-lb.xml"))
        return ODF_MACRO;
    if (odf_starts(name, "Scripts/")) return ODF_MACRO;
    if (strcmp(name, "mimetype") == 0 || strcmp(name, "settings.xml") == 0 ||
        odf_starts(name, "META-INF/") || odf_starts(name, "Configurations2/") ||
        odf_starts(name, "ObjectReplacements/") || odf_starts(name, "Basic/"))
        return ODF_SKIP;
    if (odf_is_object_dir(name)) /* an embedded document's own parts */
        return odf_ends(name, "/content.xml") || !odf_ends(name, ".xml") ? ODF_CHILD : ODF_SKIP;
    return ODF_CHILD;
}

static bool odf_blank(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') return false;
    }
    return true;
}

static void odf_copy(char *dst, size_t cap, struct ls_slice s)
{
    size_t n = s.len < cap - 1 ? s.len : cap - 1;
    if (n) memcpy(dst, s.ptr, n);
    dst[n] = 0;
}

/* ------------------------------------------------------------ content.xml */

static ls_err odf_add(struct odf_walk *w, struct ls_slice s)
{
    return ls_textout_add(&w->x->out, s.ptr, s.len);
}

/* The digits of s without leading zeros, at most cap - 1 of them (a longer
 * run gives ""). */
static void odf_digits(struct ls_slice s, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch < '0' || ch > '9' || (ch == '0' && n == 0)) continue;
        if (n + 1 >= cap) {
            n = 0;
            break;
        }
        out[n++] = (char)ch;
    }
    out[n] = 0;
}

/* Does the shown text say the value as it stands: "0" for 0, "12,50" (a
 * decimal comma, a trailing zero) for 12.5? Then writing both read "0 0"
 * and "12.5 12,50" (roo's simple_spreadsheet.ods). */
static bool odf_same_number(struct ls_slice v, struct ls_slice shown)
{
    char a[ODF_VALUE_MAX], b[ODF_VALUE_MAX];
    if (v.len >= sizeof a || shown.len >= sizeof b) return false;
    memcpy(a, v.ptr, v.len);
    a[v.len] = 0;
    size_t commas = 0, dots = 0;
    for (size_t i = 0; i < shown.len; i++) {
        int ch = ls_slice_at(shown, i);
        if (!((ch >= '0' && ch <= '9') || ch == '-' || ch == ',' || ch == '.')) return false;
        commas += ch == ',';
        dots += ch == '.';
        b[i] = (char)(ch == ',' ? '.' : ch);
    }
    b[shown.len] = 0;
    if (commas + dots > 1) return false; /* "1,234" may be a thousand */
    char *ea = NULL, *eb = NULL;
    double x = strtod(a, &ea), y = strtod(b, &eb);
    return ea && *ea == 0 && eb && *eb == 0 && ea != a && eb != b && x == y;
}

/*
 * A number cell's office:value is written before its shown text (so
 * "SSN<TAB>536221874 5.36E+08" keeps the value next to its label), unless
 * the shown text that follows has the same digits: then the shown text
 * alone says it, and says it better ("(212) 867-5309", "012-34-5678").
 * Written beside it, "2128675309 (212) 867-5309" read as a list of numbers
 * and the phone number was lost. shown is the cell's first text, or an
 * empty slice when something else comes first.
 */
static ls_err odf_flush_value(struct odf_walk *w, struct ls_slice shown)
{
    if (w->pending_len == 0) return LS_OK;
    struct ls_slice v = ls_slice_make(w->pending, w->pending_len);
    w->pending_len = 0;
    if (shown.len > 0) {
        char a[ODF_VALUE_MAX], b[ODF_VALUE_MAX];
        odf_digits(v, a, sizeof a);
        odf_digits(shown, b, sizeof b);
        if (a[0] && strcmp(a, b) == 0) return LS_OK;
        if (odf_same_number(v, shown)) return LS_OK;
    }
    LS_TRY(odf_add(w, v));
    return ls_textout_sep(&w->x->out, ' ');
}

static ls_err odf_sep(struct odf_walk *w, char ch)
{
    return ls_textout_sep(&w->x->out, ch);
}

/* office:date-value (xsd:date or xsd:dateTime, 19.379 in Part 3) as
 * "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (see ls_sheet_iso()). */
/* A number or date cell's value as written: what its labelled copy shows
 * (the displayed text after it may be "3/14/1975"). */
static void odf_keep_value(struct odf_walk *w, struct ls_slice v)
{
    if (w->in_cell != 1) return;
    ls_buf_reset(&w->ctext);
    if (ls_buf_add(&w->ctext, v.ptr, v.len) == LS_OK) w->have_value = true;
}

static ls_err odf_date_value(struct odf_walk *w, struct ls_slice v)
{
    char out[LS_SHEET_DATE_MAX];
    size_t n = ls_sheet_iso(v, out, sizeof out);
    odf_keep_value(w, ls_slice_make(out, n));
    if (n > 0 && n < sizeof w->pending && w->in_cell == 1) {
        /* held like a number's value: the shown "2007-05-07" alone when it
         * has the same digits, not "2007-05-07 2007-05-07" */
        memcpy(w->pending, out, n);
        w->pending_len = n;
        return LS_OK;
    }
    LS_TRY(ls_textout_add(&w->x->out, out, n));
    return odf_sep(w, ' ');
}

/* A top-level cell opens: its span and kind (table:number-columns-repeated,
 * office:value-type). */
static void odf_cell_open(struct odf_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v;
    uint64_t span = 0;
    if (ls_xml_attr_get(a, n, "number-columns-repeated", NULL, &v))
        for (size_t i = 0; i < v.len && span <= ODF_MAX_SPAN; i++) {
            int ch = ls_slice_at(v, i);
            if (ch < '0' || ch > '9') break;
            span = span * 10 + (uint64_t)(ch - '0');
        }
    w->span = span == 0 ? 1 : span > ODF_MAX_SPAN ? ODF_MAX_SPAN : (uint32_t)span;
    w->cell_text = !ls_xml_attr_get(a, n, "value-type", NULL, &v) || ls_slice_eq_str(v, "string");
    w->have_value = false;
    ls_buf_reset(&w->ctext);
}

static ls_err odf_cell_value(struct odf_walk *w, const struct ls_xml_attr *a, size_t n)
{
    static const char *const numeric[] = {"float", "percentage", "currency", NULL};
    struct ls_slice type, value;
    char t[16];
    if (!ls_xml_attr_get(a, n, "value-type", NULL, &type)) return LS_OK;
    odf_copy(t, sizeof t, type);
    if (strcmp(t, "date") == 0 && ls_xml_attr_get(a, n, "date-value", NULL, &value))
        return odf_date_value(w, value);
    if (!odf_in(t, numeric) || !ls_xml_attr_get(a, n, "value", NULL, &value)) return LS_OK;
    odf_keep_value(w, value);
    if (value.len == 0) return LS_OK;
    if (value.len < sizeof w->pending && w->in_cell == 1) {
        memcpy(w->pending, value.ptr, value.len);
        w->pending_len = value.len;
        return LS_OK;
    }
    LS_TRY(odf_add(w, value));
    return odf_sep(w, ' ');
}

/* A sheet's name is text like any cell ("sheet: Salaries 2014"), as for xlsx. */
static ls_err odf_sheet_name(struct odf_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice name;
    if (!ls_xml_attr_get(a, n, "name", NULL, &name) || name.len == 0) return LS_OK;
    LS_TRY(odf_sep(w, '\n'));
    LS_TRY(ls_textout_addz(&w->x->out, "sheet: "));
    LS_TRY(odf_add(w, name));
    return odf_sep(w, '\n');
}

static ls_err odf_content_start(struct odf_walk *w, enum odf_el el,
                                const struct ls_xml_attr *a, size_t n)
{
    if (el != ODE_P && el != ODE_OTHER) LS_TRY(odf_flush_value(w, ls_slice_make(NULL, 0)));
    if (el == ODE_TAB) return odf_sep(w, '\t');
    /* in a cell, breaks join like its paragraphs: the row stays one line */
    if (el == ODE_LINE_BREAK) return odf_sep(w, w->in_cell ? ' ' : '\n');
    if (el == ODE_S) return ls_textout_add(&w->x->out, " ", 1);
    if (el == ODE_SPREADSHEET) w->spreadsheet = true;
    if (el == ODE_TABLE && !w->in_cell) {
        ls_tc_reset(&w->tc);
        if (w->spreadsheet) LS_TRY(odf_sheet_name(w, a, n));
    }
    if (el == ODE_TABLE && w->in_cell) return ls_textout_line(&w->x->out); /* rows of its own */
    if (el == ODE_TABLE_ROW && !w->in_cell) w->col = 0;
    if (el == ODE_COVERED_TABLE_CELL && !w->in_cell) odf_cell_open(w, a, n);
    if (el == ODE_TABLE_CELL) {
        struct ls_slice f;
        if (!w->in_cell && ls_xml_attr_get(a, n, "formula", NULL, &f))
            LS_TRY(ls_sheet_fstrs_add(&w->fs, f));
        if (!w->in_cell) odf_cell_open(w, a, n);
        w->in_cell++;
        return odf_cell_value(w, a, n);
    }
    if (el == ODE_ANNOTATION || el == ODE_NOTE || (odf_el_flags(el) & ODF_EL_SPACE)) return odf_sep(w, ' ');
    return LS_OK;
}

/* A sheet's formula string constants after its rows, "formula text: X" a
 * line each (sheetfmt.h, ls_sheet_fstrs): not in the rows, where a
 * constant such as "-" would sit between two numbers. */
static ls_err odf_formula_text(struct odf_walk *w)
{
    struct ls_slice one;
    for (size_t pos = 0; ls_sheet_fstrs_next(&w->fs, &pos, &one);) {
        LS_TRY(odf_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, "formula text: "));
        LS_TRY(odf_add(w, one));
        LS_TRY(odf_sep(w, '\n'));
    }
    ls_sheet_fstrs_reset(&w->fs);
    return LS_OK;
}

static ls_err odf_content_end(struct odf_walk *w, enum odf_el el)
{
    if (el != ODE_OTHER) LS_TRY(odf_flush_value(w, ls_slice_make(NULL, 0)));
    if (el == ODE_TABLE && !w->in_cell && w->fs.text.len) LS_TRY(odf_formula_text(w));
    if (el == ODE_TABLE_CELL || el == ODE_COVERED_TABLE_CELL) {
        bool top = el == ODE_COVERED_TABLE_CELL ? !w->in_cell : w->in_cell == 1;
        if (el == ODE_TABLE_CELL && w->in_cell) w->in_cell--;
        if (top) {
            ls_tc_cells(&w->tc, w->col, w->span, ls_buf_slice(&w->ctext), w->cell_text);
            w->col += w->span;
        }
        return ls_textout_cell(&w->x->out);
    }
    /* a row (of any table) is one line, its cells joined by a tab, a cell's
     * paragraphs by a space: "SSN<TAB>536221874" keeps its context and
     * "555 | 123 | 4567" reads as three numbers, not a phone number */
    if (el == ODE_TABLE_ROW && !w->in_cell)
        LS_TRY(ls_tc_row_end(&w->tc, w->x->c, w->x->o));
    if (el == ODE_TABLE_ROW || (el == ODE_TABLE && w->in_cell)) return ls_textout_line(&w->x->out);
    if (el == ODE_P && w->in_cell == 1 && w->ctext.len && !w->have_value &&
        ls_buf_addc(&w->ctext, ' ') == LS_E_NOMEM) /* paragraphs of a cell: one line */
        return LS_E_NOMEM;
    if (el == ODE_P) return odf_sep(w, w->in_cell ? ' ' : '\n');
    if (el == ODE_NOTE_CITATION || (odf_el_flags(el) & ODF_EL_SPACE)) return odf_sep(w, ' ');
    if (odf_el_flags(el) & ODF_EL_LINE) return odf_sep(w, w->in_cell ? ' ' : '\n');
    return LS_OK;
}

static ls_err odf_content_chars(struct odf_walk *w, struct ls_slice s)
{
    if (odf_blank(s)) return odf_sep(w, ' ');
    LS_TRY(odf_flush_value(w, s));
    if (w->in_cell == 1 && w->tc.cand && !w->have_value) {
        ls_err e = ls_buf_add(&w->ctext, s.ptr, s.len); /* capped: labels and values are short */
        if (e != LS_OK && e != LS_E_LIMIT) return e;
    }
    return odf_add(w, s);
}

/* ------------------------------------------------------------ styles.xml */

/* Text of styles.xml: headers and footers, and the frames of master pages
 * (a presentation's or drawing's master slide: a marking or a footer line
 * typed there shows on every slide). */
static bool odf_styles_text(enum odf_el el)
{
    return (odf_el_flags(el) & ODF_EL_HF) || el == ODE_FRAME;
}

static ls_err odf_styles_start(struct odf_walk *w, enum odf_el el,
                               const struct ls_xml_attr *a, size_t n)
{
    if (odf_styles_text(el)) w->in_hf++;
    if (!w->in_hf) return LS_OK;
    return odf_content_start(w, el, a, n);
}

static ls_err odf_styles_end(struct odf_walk *w, const char *local, enum odf_el el)
{
    if (!w->in_hf) return LS_OK;
    if (odf_styles_text(el)) {
        w->in_hf--;
        return odf_sep(w, '\n');
    }
    if (strncmp(local, "region-", 7) == 0) return odf_sep(w, ' ');
    return odf_content_end(w, el);
}

/* ------------------------------------------------------------ meta.xml */

static ls_err odf_meta_start(struct odf_walk *w, const char *local,
                             const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice name;
    if (w->depth != 3) return LS_OK; /* document-meta > meta > property */
    if (ls_xml_attr_get(a, n, "name", NULL, &name))
        odf_copy(w->label, sizeof w->label, name);
    else
        odf_copy(w->label, sizeof w->label, ls_slice_make(local, strlen(local)));
    w->label_printed = false;
    return LS_OK;
}

/* A date the meta.xml elements hold ("2023-08-17T15:42:35.109579041"
 * from LibreOffice, nanoseconds included) without its fraction of a
 * second: "2023-08-17T15:42:35". The nanoseconds were digit noise
 * (109579041 has the shape of an SSN). Only values that start as a date
 * (YYYY-); a time zone after the fraction stays. */
static ls_err odf_meta_date(struct odf_walk *w, struct ls_slice s)
{
    static const char *const dates[] = {"creation-date", "date", "print-date", NULL};
    size_t dot = 0, end;
    struct ls_slice head, tail;
    if (!odf_in(w->label, dates) || s.len < 10 || ls_slice_at(s, 4) != '-') return odf_add(w, s);
    for (size_t i = 0; i < 4; i++)
        if (ls_slice_at(s, i) < '0' || ls_slice_at(s, i) > '9') return odf_add(w, s);
    while (dot < s.len && ls_slice_at(s, dot) != '.') dot++;
    end = dot + 1;
    while (end < s.len && ls_slice_at(s, end) >= '0' && ls_slice_at(s, end) <= '9') end++;
    if (dot >= s.len || end == dot + 1) return odf_add(w, s);
    (void)ls_slice_sub(s, 0, dot, &head);
    (void)ls_slice_sub(s, end, s.len - end, &tail);
    LS_TRY(odf_add(w, head));
    return odf_add(w, tail);
}

static ls_err odf_meta_chars(struct odf_walk *w, struct ls_slice s)
{
    if (odf_blank(s) || w->depth < 3) return LS_OK;
    if (!w->label_printed) {
        LS_TRY(odf_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, w->label[0] ? w->label : "property"));
        LS_TRY(ls_textout_add(&w->x->out, ": ", 2));
        w->label_printed = true;
        return odf_meta_date(w, s);
    }
    return odf_add(w, s);
}

/* ------------------------------------------------------------ manifest */

static ls_err odf_manifest_start(struct odf_walk *w, const char *local,
                                 const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice path;
    if (strcmp(local, "file-entry") == 0) {
        ls_buf_reset(&w->entry);
        if (ls_xml_attr_get(a, n, "full-path", NULL, &path))
            return ls_buf_add(&w->entry, path.ptr, path.len) == LS_E_NOMEM ? LS_E_NOMEM : LS_OK;
        return LS_OK;
    }
    if (strcmp(local, "encryption-data") == 0 && w->entry.len > 0) {
        ls_err e = ls_buf_add(&w->x->enc, w->entry.ptr, w->entry.len);
        if (e == LS_OK) e = ls_buf_addc(&w->x->enc, 0);
        return e == LS_E_NOMEM ? e : LS_OK; /* past the cap: names are not kept */
    }
    return LS_OK;
}

static bool odf_encrypted(const struct odf *x, const char *name)
{
    struct ls_slice all = ls_buf_slice(&x->enc);
    size_t pos = 0;
    while (pos < all.len) {
        size_t end = ls_slice_find(all, pos, "\0", 1);
        if (end == SIZE_MAX) end = all.len;
        struct ls_slice one;
        if (ls_slice_sub(all, pos, end - pos, &one) && ls_slice_eq_str(one, name)) return true;
        pos = end + 1;
    }
    return false;
}

/* ------------------------------------------------------------ dispatch */

/* Data a document keeps in attributes of its content (OpenDocument 1.3
 * Part 3, 9.4 and 13): named expressions and ranges (a named constant, the
 * range of a sheet since deleted), database ranges and form data sources
 * (a database name, its SQL), a form's connection (a JDBC/ODBC URL, user
 * names): "label: value" lines. Element names start with n, d, f or c. */
static ls_err odf_data_attrs(struct odf_walk *w, const char *local, const struct ls_xml_attr *a, size_t n)
{
    static const struct {
        const char *el, *attr, *label;
    } keep[] = {
        {"named-expression", "name", "named expression"}, {"named-expression", "expression", "expression"},
        {"named-range", "name", "named range"},           {"named-range", "cell-range-address", "range"},
        {"database-range", "name", "database range"},     {"database-source-sql", "database-name", "database"},
        {"database-source-sql", "sql-statement", "SQL"},  {"database-source-table", "database-name", "database"},
        {"database-source-table", "database-table-name", "table"},
        {"database-source-query", "database-name", "database"},
        {"database-source-query", "query-name", "query"}, {"form", "datasource", "form data source"},
        {"form", "command", "form command"},              {"connection-resource", "href", "connection"},
        {"content-validation", "condition", "validation"}, {"help-message", "title", "validation help"},
        {"error-message", "title", "validation error"},   {"filter-condition", "value", "filter"},
    };
    if (!strchr("ndfche", local[0])) return LS_OK;
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        struct ls_slice v;
        if (strcmp(local, keep[i].el) != 0 || !ls_xml_attr_get(a, n, keep[i].attr, NULL, &v) || v.len == 0)
            continue;
        LS_TRY(odf_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, keep[i].label));
        LS_TRY(ls_textout_add(&w->x->out, ": ", 2));
        LS_TRY(odf_add(w, v));
        LS_TRY(odf_sep(w, '\n'));
    }
    return LS_OK;
}

/* Text a document keeps in attributes of its body, written where the
 * element stands, set apart by spaces (OpenDocument 1.3 Part 3): a link's
 * target and name (text:a, draw:a: "mailto:...", "https://user:pass@...");
 * field values that are not shown: a user field's declaration, a variable
 * set with text:display="none", conditional text's two strings, an input
 * field's hint, a drop-down field's entries (text:label), a placeholder's
 * hint; index marks (the text the index would list, not in the body);
 * a bibliography mark's fields; form controls' values and list entries. Elements with these names have
 * no other meaning in content.xml or styles.xml. */
static ls_err odf_inline_attrs(struct odf_walk *w, const char *local, const struct ls_xml_attr *a, size_t n)
{
    static const struct {
        const char *el, *attr;
    } keep[] = {
        {"a", "href"},
        {"a", "name"},
        {"a", "title"},
        {"alphabetical-index-mark", "string-value"},
        {"alphabetical-index-mark", "key1"},
        {"alphabetical-index-mark", "key2"},
        {"alphabetical-index-mark-start", "key1"},
        {"alphabetical-index-mark-start", "key2"},
        {"combobox", "current-value"},
        {"combobox", "value"},
        {"conditional-text", "string-value-if-true"},
        {"conditional-text", "string-value-if-false"},
        {"formatted-text", "current-value"},
        {"formatted-text", "value"},
        {"item", "label"},
        {"label", "value"},
        {"option", "label"},
        {"option", "value"},
        {"placeholder", "description"},
        {"text", "current-value"},
        {"text", "value"},
        {"text-input", "description"},
        {"textarea", "current-value"},
        {"textarea", "value"},
        {"toc-mark", "string-value"},
        {"user-field-decl", "string-value"},
        {"user-index-mark", "string-value"},
        {"variable-set", "string-value"},
    };
    if (strcmp(local, "bibliography-mark") == 0) { /* its fields are attributes: author, title, url, note ... */
        for (size_t i = 0; i < n; i++) {
            if (strcmp(a[i].local, "bibliography-type") == 0 || odf_blank(a[i].value)) continue;
            LS_TRY(odf_sep(w, ' '));
            LS_TRY(odf_add(w, a[i].value));
            LS_TRY(odf_sep(w, ' '));
        }
        return LS_OK;
    }
    if (!strchr("acfiloptuv", local[0])) return LS_OK;
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        struct ls_slice v;
        if (strcmp(local, keep[i].el) != 0 || !ls_xml_attr_get(a, n, keep[i].attr, NULL, &v) ||
            odf_blank(v))
            continue;
        if (i < 3 && w->kind == ODF_CONTENT && w->in_par) { /* a link: at the paragraph's end */
            ls_err le = w->links.len ? ls_buf_addc(&w->links, ' ') : LS_OK;
            if (le == LS_OK) le = ls_buf_add(&w->links, v.ptr, v.len);
            if (le == LS_E_NOMEM) return le;
            continue; /* LS_E_LIMIT: the paragraph's links past 64 KiB are dropped */
        }
        LS_TRY(odf_sep(w, ' '));
        LS_TRY(odf_add(w, v));
        LS_TRY(odf_sep(w, ' '));
    }
    return LS_OK;
}

/* Flat XML (ODF 1.3 Part 3, 3.1.2: office:document holds what the package's
 * parts hold, in one file): office:meta reads as meta.xml, master styles as
 * styles.xml (headers and footers), office:body as content.xml; settings,
 * fonts and styles are skipped. A Basic module kept in office:scripts is a
 * macro, as the package's Basic/ members are. */
static ls_err odf_flat_start(struct odf_walk *w, const char *local)
{
    if (w->depth == 2) {
        w->kind = strcmp(local, "meta") == 0            ? ODF_META
                  : strcmp(local, "master-styles") == 0 ? ODF_STYLES
                  : strcmp(local, "body") == 0          ? ODF_CONTENT
                                                        : ODF_SKIP;
        return LS_OK;
    }
    if (strcmp(local, "binary-data") == 0 && !w->bin_depth) w->bin_depth = w->depth;
    /* LibreOffice writes an empty library-embedded "Standard" into every
     * flat file: only a module has code */
    if (strcmp(local, "source-code") == 0 && w->depth > 2 && !w->src_depth) {
        w->src_depth = w->depth;
        if (!w->x->macro_noted) {
            w->x->macro_noted = true;
            ls_note(w->x->c, w->x->o, LS_A_MACRO, "odf: flat document holds a Basic module");
        }
        return odf_sep(w, '\n');
    }
    return LS_OK;
}


/* ------------------------------------------------------------ list numbers */

/*
 * A numbered list's labels are in no text node: LibreOffice draws them
 * from the list style (pandoc's orderedListRoman.odt: "IV.", "V.", "1.";
 * a contract's clause numbers). Counters belong to the list style: a new
 * outermost text:list restarts them unless it continues the one before.
 */

static bool odf_u64(struct ls_slice v, uint64_t *out)
{
    uint64_t n = 0;
    if (v.len == 0 || v.len > 12) return false;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch < '0' || ch > '9') return false;
        n = n * 10 + (uint64_t)(ch - '0');
    }
    *out = n;
    return true;
}

static enum ls_listfmt odf_list_fmt(struct ls_slice v)
{
    if (v.len == 0) return LS_LF_NONE;
    switch (ls_slice_at(v, 0)) {
    case 'a': return LS_LF_LOWER_LETTER;
    case 'A': return LS_LF_UPPER_LETTER;
    case 'i': return LS_LF_LOWER_ROMAN;
    case 'I': return LS_LF_UPPER_ROMAN;
    default: return LS_LF_DECIMAL; /* "1", and scripts' own digits */
    }
}

/* Append s to a template of cap bytes (NUL-terminated), not past a whole
 * UTF-8 character. */
static void odf_tpl_add(char *t, size_t cap, struct ls_slice s)
{
    size_t len = strlen(t), n = s.len;
    if (len + n > cap - 1) {
        n = cap - 1 - len;
        while (n > 0 && (ls_slice_at(s, n) & 0xC0) == 0x80) n--;
    }
    if (n) memcpy(&t[len], s.ptr, n);
    t[len + n] = 0;
}

/* text:list-level-style-number text:level="N" (1-based): prefix, the
 * display-levels shown numbers joined by ".", suffix. */
static void odf_list_level(struct odf_walk *w, const char *local, const struct ls_xml_attr *a,
                           size_t n)
{
    struct odf_lsty *ls = &w->x->lsty[w->lsty_cur];
    struct ls_slice v;
    uint64_t lvl = 0, shown = 1, start = 1;
    if (!ls_xml_attr_get(a, n, "level", NULL, &v) || !odf_u64(v, &lvl) || lvl < 1 ||
        lvl > LS_LIST_LEVELS)
        return;
    struct ls_listlvl *lv = &ls->lv[lvl - 1];
    memset(lv, 0, sizeof *lv);
    lv->fmt = LS_LF_BULLET;
    if (strcmp(local, "list-level-style-number") != 0 && strcmp(local, "outline-level-style") != 0)
        return; /* bullet, image */
    lv->fmt = (uint8_t)(ls_xml_attr_get(a, n, "num-format", NULL, &v) ? odf_list_fmt(v)
                                                                      : LS_LF_NONE);
    if (ls_xml_attr_get(a, n, "start-value", NULL, &v) && odf_u64(v, &start) && start > 999999999u)
        start = 999999999u;
    lv->start = (uint32_t)start;
    if (ls_xml_attr_get(a, n, "display-levels", NULL, &v) && (!odf_u64(v, &shown) || shown < 1))
        shown = 1;
    if (shown > lvl) shown = lvl;
    if (ls_xml_attr_get(a, n, "num-prefix", NULL, &v)) odf_tpl_add(lv->text, sizeof lv->text, v);
    for (uint64_t k = lvl - shown + 1; k <= lvl; k++) {
        char ph[4] = {'%', (char)('0' + k), k < lvl ? '.' : 0, 0};
        odf_tpl_add(lv->text, sizeof lv->text, ls_slice_make((const uint8_t *)ph, strlen(ph)));
    }
    if (ls_xml_attr_get(a, n, "num-suffix", NULL, &v)) odf_tpl_add(lv->text, sizeof lv->text, v);
}

/* text:list-style style:name and its levels (office:styles and the
 * automatic styles of styles.xml and content.xml). */
static ls_err odf_list_style(struct odf_walk *w, const char *local, const struct ls_xml_attr *a,
                             size_t n)
{
    struct odf *x = w->x;
    struct ls_slice v;
    bool outline = strcmp(local, "outline-style") == 0; /* named in ODF 1.2, not in 1.1 */
    if (strcmp(local, "list-style") == 0 || outline) {
        w->lsty_cur = -1;
        if (!outline && !ls_xml_attr_get(a, n, "name", NULL, &v)) return LS_OK;
        if (outline) v = ls_slice_make(NULL, 0);
        if (x->nlsty >= ODF_LSTY_MAX) return LS_OK;
        if (x->nlsty == x->caplsty) {
            size_t c = x->caplsty ? x->caplsty * 2 : 16;
            void *q = realloc(x->lsty, c * sizeof *x->lsty);
            if (!q) return LS_E_NOMEM;
            x->lsty = q;
            x->caplsty = c;
        }
        struct odf_lsty *ls = &x->lsty[x->nlsty];
        memset(ls, 0, sizeof *ls);
        odf_copy(ls->name, sizeof ls->name, v);
        for (unsigned k = 0; k < LS_LIST_LEVELS; k++) ls->lv[k].fmt = LS_LF_BULLET;
        if (outline) x->outline = (int32_t)x->nlsty;
        w->lsty_cur = (int32_t)x->nlsty++;
        return LS_OK;
    }
    if (w->lsty_cur >= 0 &&
        (strncmp(local, "list-level-style-", 17) == 0 || strcmp(local, "outline-level-style") == 0))
        odf_list_level(w, local, a, n);
    return LS_OK;
}

/* The list style named v, the last defined under that name (content.xml's
 * automatic styles come after styles.xml's); -1 if none. */
static int32_t odf_list_find(struct odf *x, struct ls_slice v)
{
    if (x->lookups >= ODF_LIST_LOOKUPS) return -1;
    x->lookups++;
    for (size_t i = x->nlsty; i-- > 0;)
        if (strlen(x->lsty[i].name) == v.len && memcmp(x->lsty[i].name, v.ptr, v.len) == 0)
            return (int32_t)i;
    return -1;
}

/* text:list opens (another level), text:list-item, text:list-header. */
static void odf_list_open(struct odf_walk *w, const char *local, const struct ls_xml_attr *a,
                          size_t n)
{
    struct ls_slice v;
    if (strcmp(local, "list") == 0) {
        int32_t sty = w->list_depth && w->list_depth <= LS_LIST_LEVELS
                          ? w->list_sty[w->list_depth - 1] : -1;
        if (ls_xml_attr_get(a, n, "style-name", NULL, &v)) sty = odf_list_find(w->x, v);
        bool cont = (ls_xml_attr_get(a, n, "continue-numbering", NULL, &v) && v.len == 4 &&
                     memcmp(v.ptr, "true", 4) == 0) ||
                    ls_xml_attr_get(a, n, "continue-list", NULL, &v);
        if (!w->list_depth && sty >= 0 && !cont) memset(&w->x->lsty[sty].ctr, 0, sizeof w->x->lsty[sty].ctr);
        if (w->list_depth < LS_LIST_LEVELS) w->list_sty[w->list_depth] = sty;
        w->list_depth++;
        w->item_pending = false; /* an item that opens with a list has no label */
    } else if (strcmp(local, "list-item") == 0) {
        w->item_pending = true;
        w->item_depth = w->list_depth;
        uint64_t sv;
        unsigned lvl = w->list_depth - 1;
        int32_t sty = w->list_depth && lvl < LS_LIST_LEVELS ? w->list_sty[lvl] : -1;
        if (sty >= 0 && ls_xml_attr_get(a, n, "start-value", NULL, &v) && odf_u64(v, &sv) &&
            sv >= 1 && sv <= 999999999u) {
            struct ls_listctr *ctr = &w->x->lsty[sty].ctr;
            ctr->cur[lvl] = (uint32_t)sv - 1; /* counted up to sv by its paragraph */
            ctr->started = (uint16_t)(ctr->started | 1u << lvl);
        }
    } else if (strcmp(local, "list-header") == 0) {
        w->item_pending = false;
    }
}

static void odf_list_close(struct odf_walk *w, const char *local)
{
    if (w->list_depth && strcmp(local, "list") == 0) w->list_depth--;
}

/* A heading outside a list: its chapter number by its text:outline-level
 * (1 if not given), unless it is a list header. */
static ls_err odf_outline_label(struct odf_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v;
    uint64_t lvl = 1;
    if (ls_xml_attr_get(a, n, "is-list-header", NULL, &v) && v.len == 4 && memcmp(v.ptr, "true", 4) == 0)
        return LS_OK;
    if (ls_xml_attr_get(a, n, "outline-level", NULL, &v) && (!odf_u64(v, &lvl) || lvl < 1))
        lvl = 1;
    if (lvl > LS_LIST_LEVELS) return LS_OK;
    struct odf_lsty *ls = &w->x->lsty[w->x->outline];
    char lab[4 * LS_LIST_TEXT];
    size_t len = ls_docpart_list_next(ls->lv, &ls->ctr, (unsigned)lvl - 1, lab, sizeof lab);
    if (!len || odf_blank(ls_slice_make((const uint8_t *)lab, len))) return LS_OK;
    LS_TRY(ls_textout_add(&w->x->out, lab, len));
    return ls_textout_add(&w->x->out, " ", 1);
}

/* A list item's first paragraph or heading: its label before its text. */
static ls_err odf_list_label(struct odf_walk *w)
{
    w->item_pending = false;
    unsigned lvl = w->item_depth - 1;
    if (!w->item_depth || lvl >= LS_LIST_LEVELS || w->list_sty[lvl] < 0) return LS_OK;
    struct odf_lsty *ls = &w->x->lsty[w->list_sty[lvl]];
    char lab[4 * LS_LIST_TEXT];
    size_t len = ls_docpart_list_next(ls->lv, &ls->ctr, lvl, lab, sizeof lab);
    if (!len || odf_blank(ls_slice_make((const uint8_t *)lab, len))) return LS_OK;
    LS_TRY(ls_textout_add(&w->x->out, lab, len));
    return ls_textout_add(&w->x->out, " ", 1);
}

static ls_err odf_cb_start(void *ud, const char *local, const char *ns,
                           const struct ls_xml_attr *a, size_t n)
{
    struct odf_walk *w = ud;
    w->depth++;
    if (w->flat) LS_TRY(odf_flat_start(w, local));
    /* the data styles' literals (number:text "%", "/", a currency's "EUR")
     * are formats, not text: an ods had read "%%" on a line of its own */
    if (w->kind == ODF_CONTENT && !w->sty_depth && strcmp(local, "automatic-styles") == 0)
        w->sty_depth = w->depth;
    enum odf_el el = w->kind == ODF_CONTENT || w->kind == ODF_STYLES ? odf_el_of(local) : ODE_OTHER;
    /* a shape or frame anchored in a paragraph (draw:custom-shape,
     * draw:frame ...) starts its own text on a line of its own: LibreOffice's
     * ODT of an ooxml_parser docx read "Олегу приветпрпср" for a paragraph
     * and the text of the shape anchored at its end */
    if (w->kind == ODF_CONTENT && w->in_par && ns && strcmp(ns, ODF_NS_DRAW) == 0)
        LS_TRY(odf_sep(w, w->in_cell ? ' ' : '\n'));
    if (w->kind == ODF_CONTENT && (el == ODE_P || el == ODE_H)) w->in_par++;
    if (w->depth < sizeof w->els) w->els[w->depth] = (uint8_t)el;
    if (w->lists_on && (local[0] == 'l' || local[0] == 'o')) LS_TRY(odf_list_style(w, local, a, n));
    if (w->kind == ODF_CONTENT && w->x->nlsty && local[0] == 'l') odf_list_open(w, local, a, n);
    if (w->kind == ODF_CONTENT && w->item_pending && (el == ODE_P || el == ODE_H) &&
        w->list_depth == w->item_depth)
        LS_TRY(odf_list_label(w));
    else if (w->kind == ODF_CONTENT && el == ODE_H && !w->list_depth && w->x->outline >= 0)
        LS_TRY(odf_outline_label(w, a, n));
    if (w->kind == ODF_CONTENT && el == ODE_OTHER && !w->in_cell) LS_TRY(odf_data_attrs(w, local, a, n));
    if ((el == ODE_OTHER || el == ODE_VARIABLE_SET) &&
        (w->kind == ODF_CONTENT || (w->kind == ODF_STYLES && w->in_hf)))
        LS_TRY(odf_inline_attrs(w, local, a, n));
    switch (w->kind) {
    case ODF_CONTENT: return odf_content_start(w, el, a, n);
    case ODF_STYLES: return odf_styles_start(w, el, a, n);
    case ODF_META: return odf_meta_start(w, local, a, n);
    case ODF_MANIFEST: return odf_manifest_start(w, local, a, n);
    default: return LS_OK;
    }
}

/* The links of the paragraph that ended (or of a part cut inside one). */
static ls_err odf_links_flush(struct odf_walk *w)
{
    ls_err e = odf_sep(w, ' ');
    if (e == LS_OK) e = ls_textout_add(&w->x->out, w->links.ptr, w->links.len);
    if (e == LS_OK) e = odf_sep(w, ' ');
    ls_buf_reset(&w->links);
    return e;
}

static ls_err odf_cb_end(void *ud, const char *local, const char *ns)
{
    struct odf_walk *w = ud;
    (void)ns;
    /* the element opened last: its id is on the stack */
    enum odf_el el = w->depth && w->depth < sizeof w->els ? (enum odf_el)w->els[w->depth] : ODE_OTHER;
    if (w->flat && w->depth == w->bin_depth) w->bin_depth = 0;
    if (w->flat && w->depth == w->src_depth) w->src_depth = 0;
    if (w->depth == w->sty_depth) w->sty_depth = 0;
    bool part_end = w->flat && w->depth == 2;
    if (w->depth) w->depth--;
    if (w->kind == ODF_CONTENT && (el == ODE_P || el == ODE_H) && w->in_par) w->in_par--;
    if (w->kind == ODF_CONTENT && local[0] == 'l') odf_list_close(w, local);
    if (w->kind == ODF_CONTENT && !w->in_par && w->links.len) LS_TRY(odf_links_flush(w));
    ls_err e = LS_OK;
    switch (w->kind) {
    case ODF_CONTENT: e = odf_content_end(w, el); break;
    case ODF_STYLES: e = odf_styles_end(w, local, el); break;
    case ODF_META: e = w->depth == 2 ? odf_sep(w, '\n') : LS_OK; break;
    default: break;
    }
    if (part_end) {
        w->kind = ODF_SKIP;
        if (e == LS_OK) e = odf_sep(w, '\n');
    }
    return e;
}

static ls_err odf_cb_text(void *ud, struct ls_slice s)
{
    struct odf_walk *w = ud;
    if (w->bin_depth) return LS_OK; /* a picture's base64: its blobs are read after the walk */
    if (w->src_depth) return odf_add(w, s); /* a macro's code, as the Basic/ members give it */
    switch (w->kind) {
    case ODF_CONTENT: return w->sty_depth ? LS_OK : odf_content_chars(w, s);
    case ODF_STYLES: return w->in_hf ? odf_content_chars(w, s) : LS_OK;
    case ODF_META: return odf_meta_chars(w, s);
    default: return LS_OK;
    }
}

static const struct ls_xml_sax odf_sax = {odf_cb_start, odf_cb_end, odf_cb_text};

/* ------------------------------------------------------------ members */

static void odf_partial(struct odf *x, ls_err e)
{
    if (x->result == LS_OK) x->result = e;
}

static void odf_member_error(struct odf *x, const char *name, ls_err e, const char *what)
{
    ls_docpart_member_error(x->c, x->o, &x->result, "odf", name, e, what);
}

static bool odf_read(struct odf *x, size_t i, const char *name, ls_err *err)
{
    return ls_docpart_read(x->c, x->o, &x->result, "odf", x->z, i, name, &x->part, err);
}

/* data's last 256 bytes hold the end tag of an ODF root
 * (</office:document>, </office:document-content> ...): a part that stops
 * before it was cut, not written wrong (one with bytes after its end is
 * damaged, not cut). */
static bool odf_root_closed(struct ls_slice data)
{
    size_t at = data.len > 256 ? data.len - 256 : 0;
    for (;;) {
        size_t lt = ls_slice_find(data, at, "</", 2);
        if (lt == SIZE_MAX) return false;
        size_t gt = ls_slice_find(data, lt, ">", 1);
        struct ls_slice tag;
        if (gt != SIZE_MAX && gt - lt < 80 && ls_slice_sub(data, lt, gt - lt, &tag) &&
            ls_slice_find(tag, 0, ":document", 9) != SIZE_MAX)
            return true;
        at = lt + 2;
    }
}

static ls_err odf_walk(struct odf *x, const char *name, enum odf_kind kind, struct ls_slice data)
{
    struct odf_walk w;
    memset(&w, 0, sizeof w);
    w.x = x;
    w.kind = kind == ODF_FLAT ? ODF_SKIP : kind;
    w.flat = kind == ODF_FLAT;
    w.lists_on = kind == ODF_LISTS || kind == ODF_CONTENT || kind == ODF_FLAT;
    w.lsty_cur = -1;
    if (kind == ODF_LISTS) w.kind = ODF_SKIP; /* no text: only the list styles */
    ls_buf_init(&w.entry, 4096);
    ls_buf_init(&w.ctext, LS_TC_MAX_LABEL + 1);
    ls_buf_init(&w.links, ODF_LINKS_MAX);
    ls_sheet_fstrs_init(&w.fs);
    if ((kind == ODF_CONTENT || kind == ODF_FLAT) && ls_tc_init(&w.tc) != LS_OK) memset(&w.tc, 0, sizeof w.tc);
    ls_err e = ls_markup_xml_walk(x->c, x->o, data, &odf_sax, &w);
    if (e == LS_OK || e == LS_E_CORRUPT) { /* a cut part keeps its last value */
        ls_err f = odf_flush_value(&w, ls_slice_make(NULL, 0));
        if (f == LS_OK && w.links.len) f = odf_links_flush(&w);
        if (f != LS_OK && f != LS_E_LIMIT) e = f;
    }
    ls_buf_free(&w.links);
    ls_buf_free(&w.entry);
    ls_buf_free(&w.ctext);
    ls_sheet_fstrs_free(&w.fs);
    ls_tc_free(&w.tc);
    bool doc_root = kind == ODF_CONTENT || kind == ODF_STYLES || kind == ODF_META || kind == ODF_FLAT;
    if (e == LS_E_CORRUPT && doc_root && !odf_root_closed(data)) {
        odf_member_error(x, name, LS_E_TRUNCATED, "XML ends before its root element closes");
        e = LS_OK;
    } else if (e == LS_E_CORRUPT) {
        if (kind != ODF_LISTS) odf_member_error(x, name, e, "XML not well-formed"); /* said once */
        e = LS_OK;
    }
    if (e == LS_E_LIMIT && x->out.err == LS_E_LIMIT) e = LS_OK;
    if (kind != ODF_MANIFEST && kind != ODF_LISTS) (void)ls_textout_sep(&x->out, '\n');
    return e;
}

static ls_err odf_walk_part(struct odf *x, const char *name, enum odf_kind kind)
{
    return odf_walk(x, name, kind, ls_buf_slice(&x->part));
}

static ls_err odf_child(struct odf *x, const char *name, ls_err rd)
{
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = strlen(name);
    ch.data = ls_buf_slice(&x->part);
    if (rd != LS_OK) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = rd == LS_E_LIMIT ? LS_R_LIMIT_BYTES
                     : rd == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR;
        ch.error = "member damaged or cut while reading from the package";
    }
    ls_err e = ls_emit_child(x->c, x->o, &ch);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) {
        x->stop_children = true;
        odf_partial(x, e);
        return e == LS_E_TIMEOUT ? e : LS_OK;
    }
    return e;
}

static bool odf_skip_encrypted(struct odf *x, const char *name)
{
    if (!odf_encrypted(x, name)) return false;
    if (!x->enc_noted) {
        x->enc_noted = true;
        ls_note(x->c, x->o, LS_R_ENCRYPTED, "odf: package is password-protected (%.200s)", name);
    }
    odf_partial(x, LS_E_ENCRYPTED);
    return true;
}

/* What to do with a member, ODF_SKIP for nothing; notes macros. */
static enum odf_kind odf_plan(struct odf *x, const char *name)
{
    enum odf_kind kind = name ? odf_classify(name) : ODF_SKIP;
    if (kind == ODF_SKIP || kind == ODF_MANIFEST) return ODF_SKIP;
    if (kind == ODF_MACRO && !x->macro_noted) {
        x->macro_noted = true;
        ls_note(x->c, x->o, LS_A_MACRO, "odf: macro library member %.200s", name);
    }
    bool child = kind == ODF_CHILD || kind == ODF_MACRO;
    if (child && x->stop_children) return ODF_SKIP;
    if (!child && x->out.err != LS_OK) return ODF_SKIP;
    if (odf_skip_encrypted(x, name)) return ODF_SKIP;
    return kind;
}

static ls_err odf_process(struct odf *x, const char *name, enum odf_kind kind, ls_err rd)
{
    if (kind == ODF_CHILD || kind == ODF_MACRO) return odf_child(x, name, rd);
    return odf_walk_part(x, name, kind);
}

static ls_err odf_member(struct odf *x, size_t i)
{
    const char *name = ls_zip_name(x->z, i);
    enum odf_kind kind = odf_plan(x, name);
    if (kind == ODF_SKIP) return LS_OK;
    ls_err rd;
    if (!odf_read(x, i, name, &rd)) return rd == LS_E_NOMEM || rd == LS_E_TIMEOUT ? rd : LS_OK;
    return odf_process(x, name, kind, rd);
}

/* A member found by ls_zip_salvage() in a package without a directory. */
static ls_err odf_salvaged(void *ud, const char *name, struct ls_slice data, ls_err st)
{
    struct odf *x = ud;
    enum odf_kind kind = odf_plan(x, name);
    if (kind == ODF_SKIP) return LS_OK;
    if (st == LS_E_TIMEOUT || st == LS_E_NOMEM) return st;
    if (st != LS_OK) odf_member_error(x, name, st, "salvaged from a damaged package");
    if (st == LS_E_ENCRYPTED || st == LS_E_UNSUPPORTED || (data.len == 0 && st != LS_OK))
        return LS_OK;
    ls_buf_reset(&x->part);
    ls_err e = ls_buf_add(&x->part, data.ptr, data.len);
    if (e != LS_OK) return e == LS_E_LIMIT ? LS_OK : e;
    return odf_process(x, name, kind, st);
}

static ls_err odf_load_manifest(struct odf *x)
{
    size_t i;
    ls_err rd;
    if (!ls_zip_find(x->z, "META-INF/manifest.xml", &i)) return LS_OK;
    if (!odf_read(x, i, "META-INF/manifest.xml", &rd))
        return rd == LS_E_NOMEM || rd == LS_E_TIMEOUT ? rd : LS_OK;
    return odf_walk_part(x, "META-INF/manifest.xml", ODF_MANIFEST);
}

/* styles.xml's list styles, before content.xml (members in any order). */
static ls_err odf_load_lists(struct odf *x)
{
    size_t i;
    ls_err rd;
    if (!ls_zip_find(x->z, "styles.xml", &i) || odf_encrypted(x, "styles.xml")) return LS_OK;
    ls_buf_reset(&x->part);
    rd = ls_zip_read(x->z, i, ls_docpart_max(x->c), &x->part); /* damage is said when read for text */
    if (rd == LS_E_NOMEM || rd == LS_E_TIMEOUT) return rd;
    if (rd == LS_E_ENCRYPTED || x->part.len == 0) return LS_OK;
    ls_err e = odf_walk_part(x, "styles.xml", ODF_LISTS);
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err odf_run(struct odf *x)
{
    LS_TRY(odf_load_manifest(x));
    LS_TRY(odf_load_lists(x));
    size_t n = ls_zip_count(x->z);
    for (size_t i = 0; i < n; i++) {
        LS_TRY(odf_member(x, i));
        if (ls_ctx_expired(x->c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

/* The zip directory is unreadable (a file cut short): members from their
 * local headers. Always partial. */
static ls_err odf_salvage(struct odf *x, ls_err why)
{
    ls_note(x->c, x->o, LS_R_TRUNCATED,
            "odf: zip directory unreadable (%s); members salvaged from local headers",
            ls_err_name(why));
    odf_partial(x, LS_E_TRUNCATED);
    ls_err e = ls_zip_salvage(x->c, x->o, ls_docpart_max(x->c), odf_salvaged, x);
    return e == LS_E_CORRUPT ? LS_OK : e;
}

static ls_err odf_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct odf x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.o = o;
    x.outline = -1;
    ls_textout_init(&x.out, c, o);
    ls_buf_init(&x.part, SIZE_MAX - 1);
    ls_buf_init(&x.enc, ODF_ENC_NAMES_MAX);
    ls_err e;
    if (!ls_slice_starts(o->data, "PK", 2)) { /* flat XML: odf_probe_flat() */
        e = odf_walk(&x, "flat XML document", ODF_FLAT, o->data);
        ls_err f = ls_textout_finish(&x.out);
        ls_buf_free(&x.part);
        ls_buf_free(&x.enc);
        free(x.lsty);
        if (e == LS_OK) e = f;
        if (e == LS_OK) e = x.result;
        /* pictures and embedded objects as base64 (office:binary-data) */
        if (e == LS_E_NOMEM || e == LS_E_TIMEOUT) return e;
        ls_err b = ls_b64_blobs(c, o, o->data);
        return e != LS_OK ? e : b;
    }
    e = ls_zip_open(c, o, &x.z);
    if (e == LS_OK)
        e = odf_run(&x);
    else if (e != LS_E_NOMEM && e != LS_E_TIMEOUT)
        e = odf_salvage(&x, e);
    ls_err f = ls_textout_finish(&x.out);
    ls_buf_free(&x.part);
    ls_buf_free(&x.enc);
    free(x.lsty);
    ls_zip_close(x.z);
    if (e == LS_OK) e = f;
    if (e == LS_OK) e = x.result;
    return e;
}

/* ------------------------------------------------------------ probe */

/* A package re-zipped by a tool that does not put "mimetype" first (the
 * spec asks it; LibreOffice opens such files all the same: pandoc's
 * test/odt/odt/referenceToText.odt and inlinedCode.odt were read as plain
 * zips): named as ODF, its central directory names the ODF parts. Looked
 * for in the last MiB, where the directory is; 85, above the archive
 * handler's zip (60). "mimetype" itself may be missing (PhpSpreadsheet's
 * nomimetype.ods, LibreOffice-made with the member dropped: LibreOffice
 * and PhpSpreadsheet open it). */
static int odf_probe_names(const struct ls_object *o, bool need_name)
{
    static const char *const parts[] = {"content.xml", "META-INF/manifest.xml", NULL};
    static const char *const exts[] = {"odt", "ods", "odp", "odg", "odf", "odc", "odm", "ott", "ots", "otp",
                                       "otg", "sxw", "sxc", "sxi", "sxd", "stw", "stc", "sti", "std", NULL};
    /* Only for a file named as ODF: a zip that merely holds such names
     * (Tika's testOpenOffice2.odf carries Configurations2.zip, whose
     * "../quick.odf" is a path_traversal) stays an archive. */
    bool named = !need_name;
    for (size_t i = 0; o->ext && exts[i] && !named; i++) named = strcmp(o->ext, exts[i]) == 0;
    if (!named) return 0;
    size_t tail = o->data.len > (1u << 20) ? o->data.len - (1u << 20) : 0;
    size_t cd = ls_slice_find(o->data, tail, "PK\x01\x02", 4);
    if (cd == SIZE_MAX) return 0;
    for (size_t i = 0; parts[i]; i++)
        if (ls_slice_find(o->data, cd, parts[i], strlen(parts[i])) == SIZE_MAX) return 0;
    return 85;
}

/* Flat XML (.fodt, .fods, .fodp, .fodg): the root office:document with an
 * office:mimetype of ODF, near the start (LibreOffice writes the root
 * after the XML declaration, the attribute after ~40 namespace
 * declarations: 2.1 KB into a LibreOffice 7.4 .fodt; 16 KiB leaves room
 * for producers that declare more, or a comment first). 80: above generic
 * XML (65, 75). */
#define ODF_FLAT_HEAD (16u << 10)
static int odf_probe_flat(const struct ls_object *o)
{
    static const char mt[] = "office:mimetype=\"" ODF_MIME_PREFIX;
    size_t n = o->data.len < ODF_FLAT_HEAD ? o->data.len : ODF_FLAT_HEAD;
    struct ls_slice head;
    if (!ls_slice_sub(o->data, 0, n, &head)) return 0;
    size_t root = ls_slice_find(head, 0, "<office:document ", 17);
    if (root == SIZE_MAX || ls_slice_find(head, root, mt, sizeof mt - 1) == SIZE_MAX) return 0;
    return 80;
}

static int odf_probe(const struct ls_object *o)
{
    if (!ls_slice_starts(o->data, "PK\x03\x04", 4)) return odf_probe_flat(o);
    if (o->mime && strncmp(o->mime, ODF_MIME_PREFIX, sizeof ODF_MIME_PREFIX - 1) == 0) return 95;
    /* The spec's signature: first member "mimetype", stored, its content the
     * media type (local header: name at 30, extra length at 28). */
    uint16_t extra;
    struct ls_slice name, body;
    if (!ls_rd_u16le(o->data, 28, &extra) || !ls_slice_sub(o->data, 30, 8, &name) ||
        !ls_slice_eq_str(name, "mimetype"))
        return odf_probe_names(o, true);
    if (ls_slice_sub(o->data, 38 + (size_t)extra, sizeof ODF_MIME_PREFIX - 1, &body) &&
        memcmp(body.ptr, ODF_MIME_PREFIX, sizeof ODF_MIME_PREFIX - 1) == 0)
        return 95;
    if (ls_slice_sub(o->data, 38 + (size_t)extra, sizeof ODF_SXW_PREFIX - 1, &body) &&
        memcmp(body.ptr, ODF_SXW_PREFIX, sizeof ODF_SXW_PREFIX - 1) == 0)
        return 95;
    /* A compressed "mimetype" breaks the spec (EPUB too stores it): ODF
     * written by a careless tool (PHPPresentation's .odp writer deflates
     * it; LibreOffice opens those) when the directory names the ODF parts,
     * whatever the file is called: the first member already says ODF.
     * Otherwise the archive handler may do better. */
    uint16_t method;
    if (ls_rd_u16le(o->data, 8, &method) && method != 0) {
        int p = odf_probe_names(o, false);
        return p > 50 ? p : 50;
    }
    return 0; /* EPUB and others also start with "mimetype" */
}

const struct ls_handler ls_handler_odf = {
    .name = "odf",
    .probe = odf_probe,
    .extract = odf_extract,
};
