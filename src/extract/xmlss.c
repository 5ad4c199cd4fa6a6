/*
 * Excel 2003 XML Spreadsheet (SpreadsheetML 2003), see xmlss.h. Elements
 * (namespace urn:schemas-microsoft-com:office:spreadsheet, prefix ss; the
 * properties in urn:schemas-microsoft-com:office:office): Worksheet
 * ss:Name, Row, Cell (ss:Index: 1-based column, ss:MergeAcross, ss:HRef),
 * Data (ss:Type String, Number, DateTime, Boolean, Error; its content may
 * be HTML-namespaced runs <B>, <Font>, <Sup> ... that belong to one
 * text), Comment (its ss:Data holds the text), DocumentProperties and
 * CustomDocumentProperties (one child element per property), and in the
 * x: namespace (urn:schemas-microsoft-com:office:excel) DataValidation:
 * InputTitle, InputMessage, ErrorTitle, ErrorMessage (text a cell shows on
 * entry or refusal) and Value, Min, Max (a list's entries: in no cell).
 * Attacker-controlled: every byte; column indexes (capped through
 * tablectx), value lengths (a cell's value is kept up to XS_CELL_MAX bytes
 * for rendering; strings go out in full as they come).
 */
#include <stdio.h>
#include <string.h>

#include "extract/docpart.h"
#include "extract/markup.h"
#include "extract/mime_decode.h"
#include "extract/sheetdate.h"
#include "extract/tablectx.h"
#include "extract/xmlss.h"

#define XS_NS "urn:schemas-microsoft-com:office:spreadsheet"
#define XS_WML "http://schemas.microsoft.com/office/word/2003/wordml"
#define XS_AML "http://schemas.microsoft.com/aml/2001/core"
#define XS_SNIFF 2048u
#define XS_CELL_MAX 256u /* bytes of a non-string value kept for rendering */
#define XS_NOTE_MAX 65536u /* comment text of one row, written after it */

enum xs_type { XST_STRING, XST_NUMBER, XST_DATE, XST_BOOL, XST_OTHER };

struct xs {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_textout out;
    struct ls_tablectx tc;
    bool have_tc;
    struct ls_buf val;   /* the current Data's value (strings: their start) */
    struct ls_buf note;  /* comments of the current row */
    unsigned props;      /* depth inside DocumentProperties (1 = the element) */
    bool prop_open;      /* a property's "name: " was written */
    unsigned in_data;    /* depth inside a cell's Data (its runs) */
    unsigned in_comment; /* depth inside a Comment */
    bool skip;           /* inside Styles, WorksheetOptions, Names: no text */
    unsigned skip_depth, depth;
    enum xs_type type;
    uint32_t col, next_col;
    bool cell_written;
    unsigned dv;         /* depth of the open DataValidation, 0 if none */
    bool dv_field;       /* inside one of its text children */
    /* Word 2003 XML */
    bool word;
    unsigned in_t;       /* inside w:t (1), w:delText / w:instrText (2) */
    unsigned in_tc;      /* open table cells */
    bool in_bin;         /* inside w:binData: base64 of an embedded part */
    char bin_name[128];
    struct ls_buf bin;   /* its base64 text */
    unsigned nbin;
};

enum ls_xmlss_kind ls_xmlss_kind(struct ls_slice data)
{
    size_t n = data.len < XS_SNIFF ? data.len : XS_SNIFF;
    struct ls_slice head;
    (void)ls_slice_sub(data, 0, n, &head);
    if (ls_slice_find(head, 0, XS_NS, strlen(XS_NS)) != SIZE_MAX &&
        ls_slice_find(head, 0, "Workbook", 8) != SIZE_MAX)
        return LS_XMLSS_SHEET;
    if (ls_slice_find(head, 0, XS_WML, strlen(XS_WML)) != SIZE_MAX &&
        ls_slice_find(head, 0, "wordDocument", 12) != SIZE_MAX)
        return LS_XMLSS_WORD;
    return LS_XMLSS_NONE;
}

static bool xs_eq(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

/* A decimal attribute ("3"); 0 if absent or not one. */
static uint32_t xs_index(const struct ls_xml_attr *a, size_t n, const char *name)
{
    struct ls_slice v;
    uint32_t r = 0;
    if (!ls_xml_attr_get(a, n, name, NULL, &v) || v.len == 0 || v.len > 7) return 0;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch < '0' || ch > '9') return 0;
        r = r * 10 + (uint32_t)(ch - '0');
    }
    return r;
}

static enum xs_type xs_type_of(const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice t;
    if (!ls_xml_attr_get(a, n, "Type", NULL, &t) || ls_slice_eq_str(t, "String")) return XST_STRING;
    if (ls_slice_eq_str(t, "Number")) return XST_NUMBER;
    if (ls_slice_eq_str(t, "DateTime")) return XST_DATE;
    if (ls_slice_eq_str(t, "Boolean")) return XST_BOOL;
    return XST_OTHER;
}

/* ------------------------------------------------------------ cells */

static ls_err xs_cell_start(struct xs *x, const struct ls_xml_attr *a, size_t n)
{
    uint32_t idx = xs_index(a, n, "Index");
    struct ls_slice href;
    x->col = idx ? idx - 1 : x->next_col;
    x->next_col = x->col + 1 + xs_index(a, n, "MergeAcross");
    x->cell_written = false;
    if (ls_xml_attr_get(a, n, "HRef", NULL, &href) && href.len) {
        ls_err e = ls_buf_add(&x->note, href.ptr, href.len);
        if (e == LS_OK) e = ls_buf_addc(&x->note, '\n');
        if (e != LS_OK && e != LS_E_LIMIT) return e;
    }
    return LS_OK;
}

static ls_err xs_data_end(struct xs *x)
{
    struct ls_slice v = ls_buf_slice(&x->val);
    char num[64];
    double d;
    if (x->type == XST_NUMBER && ls_sheet_parse_num(v, &d)) {
        v = ls_slice_make(num, ls_sheet_number(d, num, sizeof num));
    } else if (x->type == XST_DATE) {
        v = ls_slice_make(num, ls_sheet_iso(v, num, sizeof num));
    } else if (x->type == XST_BOOL) {
        v = ls_slice_eq_str(v, "1") ? ls_slice_make("TRUE", 4) : ls_slice_make("FALSE", 5);
    }
    if (x->type != XST_STRING) LS_TRY(ls_textout_add(&x->out, v.ptr, v.len)); /* strings went out */
    if (x->have_tc) ls_tc_cell(&x->tc, x->col, v, x->type == XST_STRING);
    x->cell_written = true;
    return ls_textout_sep(&x->out, '\t');
}

static ls_err xs_row_end(struct xs *x)
{
    if (x->have_tc) LS_TRY(ls_tc_row_end(&x->tc, x->c, x->o));
    LS_TRY(ls_textout_sep(&x->out, '\n'));
    if (x->note.len) {
        LS_TRY(ls_textout_add(&x->out, x->note.ptr, x->note.len));
        LS_TRY(ls_textout_sep(&x->out, '\n'));
        ls_buf_reset(&x->note);
    }
    return LS_OK;
}

/* ------------------------------------------------------------ Word 2003 XML */

/* An embedded part (w:binData: images, OLE objects) is decoded and handed
 * on as a child named by its w:name. */
static ls_err xs_bin_end(struct xs *x)
{
    struct ls_buf raw;
    x->in_bin = false;
    ls_buf_init(&raw, ls_docpart_max(x->c));
    ls_err e = mime_b64_decode(&raw, ls_buf_slice(&x->bin));
    ls_buf_reset(&x->bin);
    if (e == LS_OK && raw.len) {
        struct ls_child ch;
        char name[160];
        int k = snprintf(name, sizeof name, "%s", x->bin_name[0] ? x->bin_name : "binData");
        if (k < 0) name[0] = 0;
        memset(&ch, 0, sizeof ch);
        ch.name = name;
        ch.name_len = strlen(name);
        ch.data = ls_buf_slice(&raw);
        e = ls_emit_child(x->c, x->o, &ch);
    } else if (e == LS_E_LIMIT) {
        ls_note(x->c, x->o, LS_R_LIMIT_BYTES, "xml: embedded part %.100s over the part budget",
                x->bin_name);
        e = LS_OK;
    }
    ls_buf_free(&raw);
    return e == LS_E_LIMIT ? LS_OK : e; /* children refused: the text goes on */
}

static bool xs_word_skip(const char *local)
{
    static const char *const names[] = {"styles", "fonts", "lists", "docPr", "fldData",
                                        "shapetype", NULL};
    for (size_t i = 0; names[i]; i++)
        if (xs_eq(local, names[i])) return true;
    return false;
}

/* A value from an attribute (a link's target, a comment's author) on its
 * own: set apart by spaces, or (line) on a line of its own. */
static ls_err xs_word_attr(struct xs *x, const struct ls_xml_attr *a, size_t n, const char *name,
                           bool line)
{
    struct ls_slice v;
    if (!ls_xml_attr_get(a, n, name, NULL, &v) || v.len == 0 || ls_slice_at(v, 0) == '#') return LS_OK;
    LS_TRY(ls_textout_sep(&x->out, line ? '\n' : ' '));
    LS_TRY(ls_textout_add(&x->out, v.ptr, v.len));
    return ls_textout_sep(&x->out, line ? '\n' : ' ');
}

static ls_err xs_word_start(struct xs *x, const char *local, const char *ns,
                            const struct ls_xml_attr *a, size_t n)
{
    /* a comment's or a tracked change's author (aml:annotation
     * aml:author), as the docx reader gives w:comment w:author */
    if (!x->skip && xs_eq(ns, XS_AML) && xs_eq(local, "annotation"))
        return xs_word_attr(x, a, n, "author", true);
    if (!xs_eq(ns, XS_WML)) return LS_OK;
    /* a hyperlink's target (mailto:, a profile URL), as a docx's .rels */
    if (!x->skip && xs_eq(local, "hlink")) return xs_word_attr(x, a, n, "dest", false);
    if (xs_word_skip(local)) {
        x->skip = true;
        x->skip_depth = x->depth;
    } else if (xs_eq(local, "t")) {
        x->in_t = 1;
    } else if (xs_eq(local, "delText") || xs_eq(local, "instrText")) {
        x->in_t = 2;
        return ls_textout_sep(&x->out, ' ');
    } else if (xs_eq(local, "tab")) {
        return ls_textout_sep(&x->out, '\t');
    } else if (xs_eq(local, "br") || xs_eq(local, "cr")) {
        return ls_textout_sep(&x->out, '\n');
    } else if (xs_eq(local, "tc")) {
        x->in_tc++;
    } else if (xs_eq(local, "binData")) {
        struct ls_slice nm = ls_slice_make(NULL, 0);
        (void)ls_xml_attr_get(a, n, "name", NULL, &nm);
        size_t k = nm.len < sizeof x->bin_name - 1 ? nm.len : sizeof x->bin_name - 1;
        if (k) memcpy(x->bin_name, nm.ptr, k);
        x->bin_name[k] = 0;
        x->in_bin = true;
        ls_buf_reset(&x->bin);
    }
    return LS_OK;
}

static ls_err xs_word_end(struct xs *x, const char *local, const char *ns)
{
    if (!xs_eq(ns, XS_WML)) return LS_OK;
    if (xs_eq(local, "t") || xs_eq(local, "delText") || xs_eq(local, "instrText")) {
        bool apart = x->in_t == 2;
        x->in_t = 0;
        return apart ? ls_textout_sep(&x->out, ' ') : LS_OK;
    }
    /* a table row reads as one line, as in .docx */
    if (xs_eq(local, "p")) return ls_textout_sep(&x->out, x->in_tc ? ' ' : '\n');
    if (xs_eq(local, "tc")) {
        if (x->in_tc) x->in_tc--;
        return ls_textout_cell(&x->out);
    }
    if (xs_eq(local, "tr")) return ls_textout_line(&x->out);
    if (xs_eq(local, "binData") && x->in_bin) return xs_bin_end(x);
    return LS_OK;
}

static ls_err xs_word_text(struct xs *x, struct ls_slice s)
{
    if (x->in_bin) {
        ls_err e = ls_buf_add(&x->bin, s.ptr, s.len);
        return e == LS_E_LIMIT ? LS_OK : e; /* decoded as far as it was kept */
    }
    return x->in_t ? ls_textout_add(&x->out, s.ptr, s.len) : LS_OK;
}

/* ------------------------------------------------------------ SAX */

/* A DataValidation's child: "validation message: " for the texts shown,
 * "validation: " for the values (as the xlsx and xls readers write them),
 * NULL for the rest (Range, Type, Qualifier ...). */
static const char *xs_dv_prefix(const char *local)
{
    static const char *const msg[] = {"InputTitle", "InputMessage", "ErrorTitle", "ErrorMessage",
                                      NULL};
    static const char *const val[] = {"Value", "Min", "Max", NULL};
    for (size_t i = 0; msg[i]; i++)
        if (xs_eq(local, msg[i])) return "validation message: ";
    for (size_t i = 0; val[i]; i++)
        if (xs_eq(local, val[i])) return "validation: ";
    return NULL;
}

static ls_err xs_start(void *ud, const char *local, const char *ns, const struct ls_xml_attr *a,
                       size_t n)
{
    struct xs *x = ud;
    x->depth++;
    if (x->skip) return LS_OK;
    if (x->in_data || x->in_comment) {
        if (x->in_data) x->in_data++;
        if (x->in_comment) x->in_comment++;
        return LS_OK;
    }
    if (x->props) {
        x->props++;
        x->prop_open = false;
        if (x->props == 2) {
            LS_TRY(ls_textout_sep(&x->out, '\n'));
            LS_TRY(ls_textout_addz(&x->out, local));
            LS_TRY(ls_textout_add(&x->out, ": ", 2));
            x->prop_open = true;
        }
        return LS_OK;
    }
    if (xs_eq(local, "DocumentProperties") || xs_eq(local, "CustomDocumentProperties")) {
        x->props = 1;
        return LS_OK;
    }
    if (x->word) return xs_word_start(x, local, ns, a, n);
    if (xs_eq(local, "Styles") || xs_eq(local, "WorksheetOptions") || xs_eq(local, "Names") ||
        xs_eq(local, "ExcelWorkbook") || xs_eq(local, "OfficeDocumentSettings")) {
        x->skip = true;
        x->skip_depth = x->depth;
    } else if (xs_eq(local, "Worksheet")) {
        struct ls_slice name;
        if (x->have_tc) ls_tc_reset(&x->tc);
        if (ls_xml_attr_get(a, n, "Name", NULL, &name)) {
            LS_TRY(ls_textout_sep(&x->out, '\n'));
            LS_TRY(ls_textout_addz(&x->out, "sheet: "));
            LS_TRY(ls_textout_add(&x->out, name.ptr, name.len));
            LS_TRY(ls_textout_sep(&x->out, '\n'));
        }
    } else if (xs_eq(local, "Row")) {
        x->next_col = 0;
    } else if (xs_eq(local, "Cell")) {
        LS_TRY(xs_cell_start(x, a, n));
    } else if (xs_eq(local, "Data")) {
        x->in_data = 1;
        x->type = xs_type_of(a, n);
        ls_buf_reset(&x->val);
    } else if (xs_eq(local, "Comment")) {
        x->in_comment = 1;
    } else if (xs_eq(local, "DataValidation")) {
        x->dv = x->depth;
    } else if (x->dv && x->depth == x->dv + 1) {
        const char *prefix = xs_dv_prefix(local);
        if (prefix) {
            LS_TRY(ls_textout_sep(&x->out, '\n'));
            LS_TRY(ls_textout_addz(&x->out, prefix));
            x->dv_field = true;
        }
    }
    return LS_OK;
}

static ls_err xs_end(void *ud, const char *local, const char *ns)
{
    struct xs *x = ud;
    unsigned d = x->depth;
    if (x->depth) x->depth--;
    if (x->skip) {
        if (d == x->skip_depth) x->skip = false;
        return LS_OK;
    }
    if (x->in_comment) {
        if (--x->in_comment == 0) {
            ls_err e = ls_buf_addc(&x->note, '\n');
            if (e != LS_OK && e != LS_E_LIMIT) return e;
        }
        return LS_OK;
    }
    if (x->in_data) {
        if (--x->in_data == 0) return xs_data_end(x);
        return LS_OK;
    }
    if (x->props) {
        if (--x->props > 1) return LS_OK;
        x->prop_open = false; /* a property ended (1), or the properties (0) */
        return ls_textout_sep(&x->out, '\n');
    }
    if (x->word) return xs_word_end(x, local, ns);
    if (xs_eq(local, "Row")) return xs_row_end(x);
    if (xs_eq(local, "Worksheet")) return ls_textout_sep(&x->out, '\n');
    if (x->dv && d == x->dv + 1 && x->dv_field) {
        x->dv_field = false;
        return ls_textout_sep(&x->out, '\n');
    }
    if (x->dv && d == x->dv) x->dv = 0;
    return LS_OK;
}

static ls_err xs_text(void *ud, struct ls_slice s)
{
    struct xs *x = ud;
    if (x->skip) return LS_OK;
    if (x->in_comment) {
        ls_err e = ls_buf_add(&x->note, s.ptr, s.len);
        return e == LS_E_LIMIT ? LS_OK : e;
    }
    if (x->in_data) {
        if (x->type == XST_STRING) {
            /* the start is kept for the header labels (short by nature) */
            ls_err e = x->val.len < XS_CELL_MAX ? ls_buf_add(&x->val, s.ptr, s.len) : LS_OK;
            if (e != LS_OK && e != LS_E_LIMIT) return e;
            return ls_textout_add(&x->out, s.ptr, s.len);
        }
        ls_err e = ls_buf_add(&x->val, s.ptr, s.len);
        return e == LS_E_LIMIT ? LS_OK : e;
    }
    if (x->props >= 2) {
        if (!x->prop_open) LS_TRY(ls_textout_sep(&x->out, ' '));
        x->prop_open = false;
        return ls_textout_add(&x->out, s.ptr, s.len);
    }
    if (x->word) return xs_word_text(x, s);
    if (x->dv_field) return ls_textout_add(&x->out, s.ptr, s.len);
    return LS_OK; /* layout whitespace, formulas live in attributes */
}

static const struct ls_xml_sax xs_sax = {xs_start, xs_end, xs_text};

ls_err ls_xmlss_extract(struct ls_ctx *c, struct ls_object *o, enum ls_xmlss_kind kind,
                        struct ls_slice xml)
{
    struct xs x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.o = o;
    x.word = kind == LS_XMLSS_WORD;
    ls_buf_init(&x.bin, ls_docpart_max(c) / 3 * 4 + 4096);
    ls_textout_init(&x.out, c, o);
    ls_buf_init(&x.val, XS_CELL_MAX);
    ls_buf_init(&x.note, XS_NOTE_MAX);
    x.have_tc = ls_tc_init(&x.tc) == LS_OK;
    ls_err e = ls_markup_xml_walk(c, o, xml, &xs_sax, &x);
    if (e == LS_OK && x.note.len) e = ls_textout_add(&x.out, x.note.ptr, x.note.len);
    ls_err f = ls_textout_finish(&x.out);
    ls_buf_free(&x.val);
    ls_buf_free(&x.note);
    ls_buf_free(&x.bin);
    if (x.have_tc) ls_tc_free(&x.tc);
    return e != LS_OK ? e : f; /* LS_E_CORRUPT: recovered text kept, as the generic reader */
}
