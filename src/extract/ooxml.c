/*
 * "ooxml": Office Open XML packages (ECMA-376 Part 1 markup, Part 2 Open
 * Packaging Conventions): docx/docm/dotx, xlsx/xlsm, pptx/pptm.
 *
 * Members are read through src/unpack/zipread.h (budget-charged) and XML
 * parts streamed through the SAX walker in markup.h (no entities, no DTD,
 * no network). Supported:
 *   - WordprocessingML body, tables, headers/footers, footnotes/endnotes,
 *     comments, tracked changes (w:ins and w:delText), field codes, alt text,
 *     drop-down entries and content control titles/tags, tracked-change
 *     authors (once each), ruby text; list numbers ("3.", "(iv)", "2.1",
 *     "Article 2") from word/numbering.xml and the numbered paragraph
 *     styles of word/styles.xml (17.9: abstractNum levels' start, numFmt,
 *     lvlText, isLgl, lvlRestart, numStyleLink to a numbering style's list;
 *     num instances' startOverride and redefined levels (a w:lvl in a
 *     w:lvlOverride: its format, the list's count), counted per list as
 *     Word counts them,
 *     before each numbered paragraph's text;
 *   - SpreadsheetML shared strings (resolved in cell order; unreferenced
 *     ones emitted at the end), inline strings, numeric cell values rendered
 *     as digit strings (1.23456789E8 -> 123456789), booleans, formulas'
 *     cached values, sheet names, sheet headers/footers, comments, data
 *     validations (messages and list formulas), autofilter criteria,
 *     formulas' string constants (after the rows); one row per line, cells
 *     tab-separated;
 *   - dates: a number whose cell style (xl/styles.xml cellXfs -> numFmtId,
 *     built-in ids or numFmts codes, 18.8.30-31) is a date format is
 *     written as the user sees it, in ISO 8601 ("1980-01-01", plus
 *     " HH:MM:SS" for date-time formats), not as its serial (29221); the
 *     date system comes from xl/workbook.xml <workbookPr date1904>. The
 *     serial itself is not repeated. Serials out of range stay numbers.
 *     Cells of type d (an ISO 8601 date) are written in the same form.
 *     A package salvaged without its zip directory reads styles.xml in
 *     member order, usually after the sheets: its dates stay serials;
 *   - PresentationML slides, notes, comments, masters; automatically
 *     numbered paragraphs' labels (a:buAutoNum: "1.", "a)", "(iv)"),
 *     counted per text body and level; a body placeholder's paragraphs
 *     without a bullet of their own take the numbering of the layout's
 *     placeholder of the same idx, the master's body placeholder or the
 *     master's bodyStyle (ox_pp_prepare);
 *   - member names written with '\\' (a .NET zip library's "xl\\styles.xml")
 *     read as '/', and every part name in any case ("[content_types].xml");
 *   - docProps core/app/custom metadata as "name: value" lines;
 *   - pivot caches (the whole source table of a pivot table), Excel data
 *     connections and Word mail-merge sources: ooxml_pivot.c;
 *   - every other XML part's text nodes (charts, drawings, custom XML);
 *   - non-XML members (embeddings, media, thumbnails, vbaProject.bin) as
 *     children; vbaProject.bin also raises `macro`;
 *   - relationships with TargetMode="External" other than hyperlinks
 *     (attachedTemplate, linked OLE objects, remote images, frames) to a
 *     remote target raise `external_link` (a local path is only said);
 *     hyperlink targets are emitted as text.
 * Ignored on purpose: themes, styles other than number formats and
 * numbered paragraph styles, fonts, settings, printer settings (no user
 * text), bullets' symbols, formula
 * expressions other than their string constants, number formats other than dates, times,
 * digit layouts, percents and fractions (a currency cell reads as its
 * stored value; sheetdate.h).
 * Attacker-controlled: every member name, size and byte; the XML; the
 * shared-string and style indexes (bounds-checked); number strings
 * (length-capped); format codes (only scanned for date tokens).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/handler.h"
#include "extract/docpart.h"
#include "extract/markup.h"
#include "extract/ooxml_pivot.h"
#include "extract/ooxml_xlsb.h"
#include "extract/sheetdate.h"
#include "extract/sheetfmt.h"
#include "extract/tablectx.h"
#include "extract/zipsalvage.h"
#include "unpack/zipread.h"

#define OX_SST_MAX_ITEMS (4u << 20)  /* shared strings kept for lookup */
#define OX_CELL_MAX 256u             /* bytes of one <v> value kept */
#define OX_VSTR_MAX (256u << 10)     /* ... of an inline-string cell's <v> (its text: 32,767 characters) */
#define OX_LABEL_MAX 64u
#define OX_AUTHORS_MAX 4096u         /* tracked-change author names kept for "once each" */
#define OX_FORMULA_MAX 8192u         /* bytes of one cell formula read (Excel's limit) */
#define OX_BEFORE_MAX 65536u         /* bytes of a paragraph kept as it read before tracked changes */
#define OX_NOTE_LINKS 4u             /* external_link messages per package */
#define OX_XF_MAX 65536u             /* cell styles kept (Excel allows 64000) */
#define OX_NO_STYLE UINT32_MAX
#define OX_WL_ABS_MAX 4096u          /* abstract lists kept (Word writes one per list) */
#define OX_WL_NUM_MAX 16384u         /* list instances (w:num) kept */
#define OX_WL_STY_MAX 4096u          /* paragraph styles looked at for a numPr */
#define OX_WL_SID 64u                /* bytes of a style id kept */
#define OX_WL_OVL_MAX 1024u          /* list instances whose levels are redefined, kept */

enum ox_kind {
    OX_SKIP,
    OX_TEXT,     /* document text: paragraphs, runs, tables */
    OX_PROPS,    /* docProps: name: value */
    OX_SHEET,    /* worksheet cells */
    OX_SST,      /* shared strings: read first, into the table */
    OX_WORKBOOK, /* sheet names and the date system, read first */
    OX_RELS,     /* relationships: external links */
    OX_CHILD,    /* non-XML member: a child object */
    OX_VBA,      /* vbaProject.bin: macro alert + child */
    OX_STYLES,   /* xl/styles.xml: number formats of cell styles, read first */
    OX_WNUM,     /* word/numbering.xml: list levels, read first */
    OX_WSTYLES,  /* word/styles.xml: numbered paragraph styles, read first */
};

/* Word's lists (17.9): an abstract list's levels and counters, the list
 * instances (w:num) that use it, and the paragraph styles that number
 * their paragraphs (a heading style's "1.1"). Ids are looked up by binary
 * search once read (sorted at the end of each part). */
struct ox_wabs {
    uint32_t id;
    struct ls_listlvl lv[LS_LIST_LEVELS];
    char pstyle[LS_LIST_LEVELS][OX_WL_SID]; /* the style each level goes with */
    char link[OX_WL_SID]; /* w:numStyleLink: its levels are the numbering style's list's */
    struct ls_listctr ctr;
};

/* The levels a list instance redefines; they show the abstract list's
 * count (Word: Tika's testWORD_override_list_numbering.docx reads "1",
 * "B", "C" ... "4"), restarted only by a startOverride. */
struct ox_wovl {
    struct ls_listlvl lv[LS_LIST_LEVELS];
};

struct ox_wnum {
    uint32_t id;
    uint32_t abs_id;
    uint32_t ov_start[LS_LIST_LEVELS];
    uint16_t ov_mask; /* levels with a startOverride */
    uint16_t lv_mask; /* levels redefined by a w:lvl in a w:lvlOverride */
    struct ox_wovl *ovl; /* those levels, made when first met */
    bool used;        /* its overrides applied (the first paragraph of it met) */
};

struct ox_wsty {
    char id[OX_WL_SID];
    char based[OX_WL_SID];
    int32_t num_id; /* -1: none of its own */
    int32_t ilvl;   /* -1: none of its own */
};

struct ox_wlist {
    struct ox_wabs *abs;
    size_t nabs, capabs;
    struct ox_wnum *num;
    size_t nnum, capnum;
    struct ox_wsty *sty;
    size_t nsty, capsty;
};

/* Cell styles: xf[i] is the numFmtId of cellXfs entry i; fmts are the
 * custom number formats. */
struct ox_styles {
    uint32_t *xf;
    size_t nxf, capxf;
    struct ls_sheet_fmts fmts;
    bool date1904;
};

/* Shared strings: item i is text[off[i], off[i+1]). */
struct ox_sst {
    struct ls_buf text;
    size_t *off;
    uint8_t *used;
    size_t n, cap;
};

/* PowerPoint: whether each level of a text style numbers its paragraphs */
struct ox_ppbu {
    uint8_t st[LS_LIST_LEVELS]; /* 0 not said, 1 a:buAutoNum (lv), 2 a bullet or none */
    struct ls_listlvl lv[LS_LIST_LEVELS];
};

#define OX_PP_PH_MAX 64u   /* a layout's body placeholders kept */
#define OX_PP_PART_MAX (4u << 20)   /* bytes of a layout or master read for it */
#define OX_PP_READ_MAX (64u << 20)  /* bytes read for it per package: a deck whose
                                     * slides alternate between two huge layouts
                                     * would spend the root's budget on them */
#define OX_PP_NAME 256u    /* bytes of a layout's or master's part name kept */

/* The numbering a slide's body placeholders inherit when their paragraphs
 * say none (ECMA-376 19.3.1.x, 21.1.2.4.13 lvlNpPr): the layout's
 * placeholder of the same idx (its a:lstStyle), then the master's body
 * placeholder, then the master's p:txStyles/p:bodyStyle. Kept for the
 * layout and master last read (slides mostly share them). */
struct ox_ppinh {
    char layout[OX_PP_NAME], master[OX_PP_NAME];
    uint64_t read; /* bytes read for it so far (OX_PP_READ_MAX) */
    struct ox_ppbu body, master_ph;
    struct {
        uint32_t idx; /* UINT32_MAX: none given */
        struct ox_ppbu bu;
    } ph[OX_PP_PH_MAX];
    size_t nph;
};

struct ox {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_zip *z;
    struct ls_textout out;
    struct ox_sst sst;
    struct ox_styles st;
    struct ls_buf part;
    struct ox_xlsb *xb;   /* .xlsb record parts (ooxml_xlsb.h), made when first met */
    struct ox_pivot *pv;  /* pivot caches (ooxml_pivot.h), made when first met */
    struct ox_wlist wl;   /* Word's list numbering (word/numbering.xml) */
    ls_err result;        /* first partial error, returned at the end */
    size_t wb_member;     /* member index of xl/workbook.xml once read, else SIZE_MAX */
    struct ls_buf authors; /* tracked-change authors written so far, NUL-separated */
    bool stop_children;   /* the pipeline refused a child: emit no more */
    bool macro_noted;
    unsigned links_noted;
    /* A workbook whose parts are not where Excel puts them (sheet1.xml,
     * styles.xml and workbook.xml at the root: readxl's
     * los-angeles-arrests-xlsx.xlsx): its parts by [Content_Types].xml,
     * each "K/name\0" with K one of w s S h (workbook, styles, shared
     * strings, worksheet); empty for every usual package. */
    struct ls_buf ct;
    /* Member names with the Windows separator turned into '/' (a package
     * zipped by a tool that kept "xl\\worksheets\\sheet1.xml": NPOI's
     * 49609.xlsx); NULL when no name has a backslash. */
    char **names;
    size_t nnames;
    struct ox_ppinh *pp;  /* the current slide's layout and master, made when first needed */
    struct ls_buf aux;    /* a slide's relationships, layout or master being read */
};

/* Per-part walker state. */
struct ox_walk {
    struct ox *x;
    enum ox_kind kind;
    unsigned depth;
    unsigned leaf;             /* innermost open element (enum ox_el), OXE_OTHER
                                  after an end tag */
    uint8_t els[LS_MARKUP_MAX_DEPTH + 1]; /* enum ox_el of each open element */
    char label[OX_LABEL_MAX];  /* props: current property name */
    bool label_printed;
    bool props_num;            /* props: a number inside a vector (HLinks hashes) */
    bool props_more;           /* props: text of this element already written */
    bool loose_open;           /* text: a loose value is being written, its line
                                  not yet ended (ox_text_chars) */
    unsigned ctype;            /* sheet: cell type attribute (enum ox_ctype) */
    uint32_t cstyle;           /* sheet: cell style index, OX_NO_STYLE if none */
    bool in_v, in_is, in_si;
    bool is_seen;              /* sheet: the current cell has an <is> */
    bool in_dvf;               /* sheet: inside a data validation's formula1/formula2 */
    bool in_f;                 /* sheet: inside a cell formula <f> */
    struct ls_buf fbuf;        /* sheet: the current formula */
    struct ls_sheet_fstrs fs;  /* sheet: its formulas' string constants */
    bool in_numfmts, in_cellxfs; /* styles */
    unsigned in_tc;            /* text: open table cells */
    unsigned in_tbl;           /* text: open tables (labels: the outermost only) */
    uint32_t span;             /* text: grid columns of the current cell */
    unsigned in_rph;
    unsigned in_p;             /* text: open paragraphs (w:p, a:p) */
    unsigned in_del, in_ins;   /* text: open tracked deletions, insertions */
    bool para_del;             /* text: the paragraph lost text to a tracked deletion */
    bool para_dropcap;         /* text: the paragraph is a drop cap (w:framePr w:dropCap) */
    struct ls_buf before;      /* text: the paragraph as it read before its tracked changes */
    struct ls_buf pend;        /* text: lines held until the paragraph (or table row) ends */
    bool vml;                  /* a VML drawing read by the HTML parser */
    bool xstring;              /* text: a spreadsheet's comments, _xHHHH_ escaped */
    bool run_symbol;           /* text: the run's font is Symbol (w:rFonts) */
    bool in_layout;            /* text: inside a drawing's anchor cell or offset, a
                                  VML comment box's client data: numbers, flags */
    bool in_numcache;          /* chart: inside a c:numCache (cached numbers) */
    bool chart1904;            /* chart: c:date1904 */
    unsigned chart_fmt;        /* chart: LS_SHEET_DATE/TIME of the cache's formatCode */
    struct ls_buf cell;        /* sheet: <v> of the current cell */
    struct ls_buf hf;          /* sheet: header/footer text, decoded at its end */
    struct ls_tablectx tc;     /* sheet, table: header-row labels (tablectx.h) */
    bool tc_lazy;              /* text: tc made at the first table (most parts have none) */
    struct ls_buf istr;        /* sheet: an inline string's start (header and labels) */
    uint32_t col, next_col;    /* sheet: column of the current cell, of the next */
    /* Word's lists: the paragraph's numbering (w:pPr/w:numPr, w:pStyle);
     * in numbering.xml and styles.xml the definition being read */
    int32_t p_num, p_ilvl;     /* -1: not given */
    char p_style[OX_WL_SID];
    unsigned in_ppr;           /* depth of the paragraph's own w:pPr, 0 outside */
    bool in_pprchange;         /* inside w:pPrChange: the properties before a change */
    bool wl_on;                /* a part numbered by word/numbering.xml (not the glossary's) */
    bool pp_on;                /* a presentation part: a:buAutoNum numbers its paragraphs */
    bool pp_auto;              /* the paragraph is auto-numbered */
    uint8_t pp_bu;             /* its own a:pPr: 0 no bullet said, 1 a:buAutoNum, 2 other */
    bool pp_done;              /* its label is written (or it has none) */
    bool pp_body;              /* the shape is a body placeholder (p:ph) */
    uint32_t pp_idx;           /* and its idx, UINT32_MAX none */
    unsigned pp_sp;            /* depth of the p:sp being read, 0 none */
    bool pp_inh;               /* a slide: body placeholders inherit (x->pp) */
    unsigned pp_lvl;           /* its level (a:pPr lvl) */
    struct ls_listlvl pp_lv;   /* its number format */
    struct ls_listctr pp_ctr;  /* the counters of the text body's levels */
    int32_t wl_abs, wl_num, wl_sty, wl_lvl; /* slots being read, -1 none */
    bool wl_ovl;               /* numbering.xml: inside a w:lvl of a w:lvlOverride */
    unsigned wl_novl;          /* list instances given redefined levels */
};

/* ------------------------------------------------------------ names */

static bool ox_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(&s[n - m], suffix) == 0;
}

static bool ox_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *ox_base(const char *name)
{
    const char *b = strrchr(name, '/');
    return b ? b + 1 : name;
}

static bool ox_skip_xml(const char *name)
{
    static const char *const dirs[] = {"/theme/", "customXml/itemProps", "/printerSettings/",
                                       NULL};
    static const char *const bases[] = {"styles.xml", "stylesWithEffects.xml", "fontTable.xml",
                                        "settings.xml", "webSettings.xml", "numbering.xml",
                                        "tableStyles.xml", "presProps.xml", "viewProps.xml",
                                        "calcChain.xml", "[Content_Types].xml", NULL};
    for (size_t i = 0; dirs[i]; i++)
        if (strstr(name, dirs[i])) return true;
    for (size_t i = 0; bases[i]; i++)
        if (strcasecmp(ox_base(name), bases[i]) == 0) return true;
    return false;
}

static enum ox_kind ox_classify(const char *name)
{
    if (!*name || ox_ends(name, "/")) return OX_SKIP;
    if (ox_ends(name, ".rels")) return OX_RELS;
    if (strcasecmp(ox_base(name), "vbaProject.bin") == 0) return OX_VBA;
    if (!ox_ends(name, ".xml") && !ox_ends(name, ".vml")) {
        if (strstr(name, "printerSettings")) return OX_SKIP;
        return OX_CHILD;
    }
    if (ox_skip_xml(name)) return OX_SKIP;
    if (ox_starts(name, "docProps/")) return OX_PROPS;
    if (strcasecmp(name, "xl/sharedStrings.xml") == 0) return OX_SST; /* part names ignore case */
    if (strcmp(name, "xl/workbook.xml") == 0) return OX_WORKBOOK;
    if (ox_starts(name, "xl/worksheets/") || ox_starts(name, "xl/macrosheets/")) return OX_SHEET;
    return OX_TEXT;
}

static bool ox_is(const char *local, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(local, list[i]) == 0) return true;
    return false;
}

static void ox_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static void ox_copy_slice(char *dst, size_t cap, struct ls_slice s)
{
    size_t n = s.len < cap - 1 ? s.len : cap - 1;
    if (n) memcpy(dst, s.ptr, n);
    dst[n] = 0;
}

static bool ox_blank(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') return false;
    }
    return true;
}

/* ------------------------------------------------------------ element names */

/*
 * The element local names the walker acts on. Each element's name is looked
 * up once, at its start (a switch on the first byte, then the few names
 * sharing it), and kept on the element stack for its end: libxml2 reports
 * ends balanced with starts (its own tree builder pops without comparing
 * names), so the end of an element is the top of the stack. Sorted by
 * strcmp() so names sharing a first byte are one range of the enum.
 */
enum ox_el {
    OXE_OTHER,
    OXE_RELATIONSHIP,
    OXE_ALIAS,
    OXE_AUTHOR,
    OXE_BR,
    OXE_C,
    OXE_CNVPR,
    OXE_CELLXFS,
    OXE_CM,
    OXE_CMAUTHOR,
    OXE_COMMENT,
    OXE_CR,
    OXE_CUSTOMFILTER,
    OXE_DATAVALIDATION,
    OXE_DATE1904,
    OXE_DEFINEDNAME,
    OXE_DEL,
    OXE_DELTEXT,
    OXE_DOCPR,
    OXE_ENDNOTE,
    OXE_EVENFOOTER,
    OXE_EVENHEADER,
    OXE_F,
    OXE_FILESHARING,
    OXE_FILTER,
    OXE_FIRSTFOOTER,
    OXE_FIRSTHEADER,
    OXE_FOOTNOTE,
    OXE_FORMATCODE,
    OXE_FORMULA1,
    OXE_FORMULA2,
    OXE_FRAMEPR,
    OXE_FTR,
    OXE_GRIDSPAN,
    OXE_HDR,
    OXE_HLINKCLICK,
    OXE_HLINKHOVER,
    OXE_HYPERLINK,
    OXE_INPUTCELLS,
    OXE_INS,
    OXE_INSTRTEXT,
    OXE_IS,
    OXE_LISTENTRY,
    OXE_LISTITEM,
    OXE_MOVEFROM,
    OXE_MOVETO,
    OXE_NOBREAKHYPHEN,
    OXE_NUMCACHE,
    OXE_NUMFMT,
    OXE_NUMFMTS,
    OXE_ODDFOOTER,
    OXE_ODDHEADER,
    OXE_P,
    OXE_PPR,
    OXE_PPRCHANGE,
    OXE_PERSON,
    OXE_PRESENCEINFO,
    OXE_RPH,
    OXE_ROW,
    OXE_RT,
    OXE_SCENARIO,
    OXE_SHEET,
    OXE_SI,
    OXE_SYM,
    OXE_T,
    OXE_TAB,
    OXE_TAG,
    OXE_TBL,
    OXE_TC,
    OXE_TEXT,
    OXE_TR,
    OXE_TXBODY,
    OXE_V,
    OXE_WORKBOOKPR,
    OXE_XF,
    OXE_COUNT
};

/* Layout meaning of an element in text parts (and sheet headers/footers). */
#define OXF_NL 0x001u     /* line break after the element */
#define OXF_TABEND 0x002u /* tab after the element (table cell) */
#define OXF_SPACE 0x004u  /* set apart by spaces (deletions, field codes) */
#define OXF_LEAF 0x008u   /* holds text: its whitespace is content */
#define OXF_TAB 0x010u
#define OXF_BR 0x020u
#define OXF_NBH 0x040u    /* non-breaking hyphen */
#define OXF_ALT 0x080u    /* drawing properties: alt text attributes */
#define OXF_P 0x100u      /* paragraph */
#define OXF_TC 0x200u     /* table cell */
#define OXF_HF 0x400u     /* sheet header/footer with layout codes */
#define OXF_WHO 0x800u    /* comment authors: names and user ids in attributes */
#define OXF_TIP 0x2000u   /* a hyperlink: its ScreenTip in an attribute */
#define OXF_LIST 0x1000u  /* a drop-down's entry, a content control's title or tag:
                             text in attributes */

struct ox_tag {
    const char *name;
    unsigned flags;
};

static const struct ox_tag ox_tags[OXE_COUNT] = {
    [OXE_OTHER] = {"", 0},
    [OXE_RELATIONSHIP] = {"Relationship", 0},
    [OXE_ALIAS] = {"alias", OXF_LIST},
    [OXE_AUTHOR] = {"author", OXF_NL | OXF_WHO},
    [OXE_BR] = {"br", OXF_BR},
    [OXE_C] = {"c", OXF_TABEND},
    [OXE_CNVPR] = {"cNvPr", OXF_ALT},
    [OXE_CELLXFS] = {"cellXfs", 0},
    [OXE_CM] = {"cm", OXF_NL},
    [OXE_CMAUTHOR] = {"cmAuthor", OXF_NL | OXF_WHO},
    [OXE_COMMENT] = {"comment", OXF_NL | OXF_WHO},
    [OXE_CR] = {"cr", OXF_BR},
    [OXE_CUSTOMFILTER] = {"customFilter", 0},
    [OXE_DATAVALIDATION] = {"dataValidation", 0},
    [OXE_DATE1904] = {"date1904", 0},
    [OXE_DEFINEDNAME] = {"definedName", 0},
    [OXE_DEL] = {"del", 0}, /* its text is held for a line after the paragraph */
    [OXE_DELTEXT] = {"delText", OXF_LEAF},
    [OXE_DOCPR] = {"docPr", OXF_ALT},
    [OXE_ENDNOTE] = {"endnote", OXF_NL},
    [OXE_EVENFOOTER] = {"evenFooter", OXF_NL | OXF_HF},
    [OXE_EVENHEADER] = {"evenHeader", OXF_NL | OXF_HF},
    [OXE_F] = {"f", 0},
    [OXE_FILESHARING] = {"fileSharing", 0},
    [OXE_FILTER] = {"filter", 0},
    [OXE_FIRSTFOOTER] = {"firstFooter", OXF_NL | OXF_HF},
    [OXE_FIRSTHEADER] = {"firstHeader", OXF_NL | OXF_HF},
    [OXE_FOOTNOTE] = {"footnote", OXF_NL},
    [OXE_FORMATCODE] = {"formatCode", 0},
    [OXE_FORMULA1] = {"formula1", 0},
    [OXE_FORMULA2] = {"formula2", 0},
    [OXE_FRAMEPR] = {"framePr", 0},
    [OXE_FTR] = {"ftr", OXF_NL},
    [OXE_GRIDSPAN] = {"gridSpan", 0},
    [OXE_HDR] = {"hdr", OXF_NL},
    [OXE_HLINKCLICK] = {"hlinkClick", OXF_TIP},
    [OXE_HLINKHOVER] = {"hlinkHover", OXF_TIP},
    [OXE_HYPERLINK] = {"hyperlink", OXF_TIP},
    [OXE_INPUTCELLS] = {"inputCells", 0},
    [OXE_INS] = {"ins", 0},
    [OXE_INSTRTEXT] = {"instrText", OXF_SPACE | OXF_LEAF},
    [OXE_IS] = {"is", 0},
    [OXE_LISTENTRY] = {"listEntry", OXF_LIST},
    [OXE_LISTITEM] = {"listItem", OXF_LIST},
    [OXE_MOVEFROM] = {"moveFrom", OXF_SPACE},
    [OXE_MOVETO] = {"moveTo", 0},
    [OXE_NOBREAKHYPHEN] = {"noBreakHyphen", OXF_NBH},
    [OXE_NUMCACHE] = {"numCache", 0},
    [OXE_NUMFMT] = {"numFmt", 0},
    [OXE_NUMFMTS] = {"numFmts", 0},
    [OXE_ODDFOOTER] = {"oddFooter", OXF_NL | OXF_HF},
    [OXE_ODDHEADER] = {"oddHeader", OXF_NL | OXF_HF},
    [OXE_P] = {"p", OXF_P},
    [OXE_PPR] = {"pPr", 0},
    [OXE_PPRCHANGE] = {"pPrChange", 0},
    [OXE_PERSON] = {"person", OXF_NL | OXF_WHO},
    [OXE_PRESENCEINFO] = {"presenceInfo", OXF_NL | OXF_WHO},
    [OXE_RPH] = {"rPh", 0},
    [OXE_ROW] = {"row", OXF_NL},
    [OXE_RT] = {"rt", OXF_SPACE}, /* ruby text (furigana) over its base text */
    [OXE_SCENARIO] = {"scenario", 0},
    [OXE_SHEET] = {"sheet", 0},
    [OXE_SI] = {"si", OXF_NL},
    [OXE_SYM] = {"sym", 0},
    [OXE_T] = {"t", OXF_LEAF},
    [OXE_TAB] = {"tab", OXF_TAB},
    [OXE_TAG] = {"tag", OXF_LIST},
    [OXE_TBL] = {"tbl", 0},
    [OXE_TC] = {"tc", OXF_TC | OXF_TABEND},
    [OXE_TEXT] = {"text", OXF_LEAF | OXF_NL}, /* a spreadsheet comment */
    [OXE_TR] = {"tr", OXF_NL},
    [OXE_TXBODY] = {"txBody", OXF_P}, /* shapes and table cells: a cell stays on its row */
    [OXE_V] = {"v", 0},
    [OXE_WORKBOOKPR] = {"workbookPr", 0},
    [OXE_XF] = {"xf", 0},
};

static bool ox_name_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* The element a local name stands for, OXE_OTHER if none. */
static enum ox_el ox_el_of(const char *local)
{
    enum ox_el lo, hi;
    switch (local[0]) {
    case 'R': lo = hi = OXE_RELATIONSHIP; break;
    case 'a': lo = OXE_ALIAS, hi = OXE_AUTHOR; break;
    case 'b': lo = hi = OXE_BR; break;
    case 'c': lo = OXE_C, hi = OXE_CUSTOMFILTER; break;
    case 'd': lo = OXE_DATAVALIDATION, hi = OXE_DOCPR; break;
    case 'e': lo = OXE_ENDNOTE, hi = OXE_EVENHEADER; break;
    case 'f': lo = OXE_F, hi = OXE_FTR; break; /* f..ftr */
    case 'g': lo = hi = OXE_GRIDSPAN; break;
    case 'h': lo = OXE_HDR, hi = OXE_HYPERLINK; break;
    case 'i': lo = OXE_INPUTCELLS, hi = OXE_IS; break;
    case 'l': lo = OXE_LISTENTRY, hi = OXE_LISTITEM; break;
    case 'm': lo = OXE_MOVEFROM, hi = OXE_MOVETO; break;
    case 'n': lo = OXE_NOBREAKHYPHEN, hi = OXE_NUMFMTS; break;
    case 'o': lo = OXE_ODDFOOTER, hi = OXE_ODDHEADER; break;
    case 'p': lo = OXE_P, hi = OXE_PRESENCEINFO; break;
    case 'r': lo = OXE_RPH, hi = OXE_RT; break;
    case 's': lo = OXE_SCENARIO, hi = OXE_SYM; break;
    case 't': lo = OXE_T, hi = OXE_TXBODY; break;
    case 'v': lo = hi = OXE_V; break;
    case 'w': lo = hi = OXE_WORKBOOKPR; break;
    case 'x': lo = hi = OXE_XF; break;
    default: return OXE_OTHER;
    }
    for (unsigned e = lo; e <= hi; e++)
        if (ox_name_eq(local, ox_tags[e].name)) return (enum ox_el)e;
    return OXE_OTHER;
}

static unsigned ox_flags(unsigned el)
{
    return el < OXE_COUNT ? ox_tags[el].flags : 0;
}

/* Sheet cell types (the c element's t attribute), looked up once per cell. */
enum ox_ctype { OXT_NONE, OXT_N, OXT_S, OXT_INLINE, OXT_STR, OXT_B, OXT_D, OXT_OTHER };

static enum ox_ctype ox_ctype_of(struct ls_slice t)
{
    if (t.len == 0) return OXT_NONE;
    if (t.len == 1) {
        switch (ls_slice_at(t, 0)) {
        case 'n': return OXT_N;
        case 's': return OXT_S;
        case 'b': return OXT_B;
        case 'd': return OXT_D;
        default: return OXT_OTHER;
        }
    }
    if (ls_slice_eq_str(t, "str")) return OXT_STR;
    if (ls_slice_eq_str(t, "inlineStr")) return OXT_INLINE;
    return OXT_OTHER;
}

/* ------------------------------------------------------------ shared strings */

static void ox_sst_free(struct ox_sst *t)
{
    ls_buf_free(&t->text);
    free(t->off);
    free(t->used);
    memset(t, 0, sizeof *t);
}

/* Close item n (its text is text[off[n], text.len)). */
static ls_err ox_sst_push(struct ox_sst *t)
{
    if (t->n >= OX_SST_MAX_ITEMS) return LS_E_LIMIT;
    if (t->n + 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        size_t *p = realloc(t->off, cap * sizeof *p);
        if (!p) return LS_E_NOMEM;
        t->off = p;
        uint8_t *u = realloc(t->used, cap);
        if (!u) return LS_E_NOMEM;
        t->used = u;
        t->cap = cap;
    }
    if (t->n == 0) t->off[0] = 0;
    t->used[t->n] = 0;
    t->n++;
    t->off[t->n] = t->text.len;
    return LS_OK;
}

static bool ox_sst_get(const struct ox_sst *t, size_t i, struct ls_slice *s)
{
    if (i >= t->n) return false;
    return ls_slice_sub(ls_buf_slice(&t->text), t->off[i], t->off[i + 1] - t->off[i], s);
}

/* ------------------------------------------------------------ styles */

static void ox_styles_free(struct ox_styles *st)
{
    free(st->xf);
    ls_sheet_fmts_free(&st->fmts);
    memset(st, 0, sizeof *st);
}

/* A decimal attribute value ("164"); false if not digits or too large. */
static bool ox_u32(struct ls_slice v, uint32_t *out)
{
    uint64_t n = 0;
    if (v.len == 0 || v.len > 10) return false;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch < '0' || ch > '9') return false;
        n = n * 10 + (uint64_t)(ch - '0');
    }
    if (n > UINT32_MAX) return false;
    *out = (uint32_t)n;
    return true;
}

static ls_err ox_grow(void **p, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return LS_OK;
    size_t c = *cap ? *cap * 2 : 64;
    void *q = realloc(*p, c * elem);
    if (!q) return LS_E_NOMEM;
    *p = q;
    *cap = c;
    return LS_OK;
}

/* <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/> inside <numFmts>. */
static ls_err ox_styles_numfmt(struct ox_styles *st, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice id, code;
    uint32_t v;
    if (!ls_xml_attr_get(a, n, "numFmtId", NULL, &id) || !ox_u32(id, &v)) return LS_OK;
    if (!ls_xml_attr_get(a, n, "formatCode", NULL, &code)) return LS_OK;
    return ls_sheet_fmts_add(&st->fmts, v, code);
}

/* <xf numFmtId="14" .../> inside <cellXfs>: cell style number nxf. */
static ls_err ox_styles_xf(struct ox_styles *st, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice id;
    uint32_t v = 0;
    if (st->nxf >= OX_XF_MAX) return LS_OK;
    if (ls_xml_attr_get(a, n, "numFmtId", NULL, &id)) (void)ox_u32(id, &v);
    void *p = st->xf;
    LS_TRY(ox_grow(&p, &st->capxf, st->nxf, sizeof *st->xf));
    st->xf = p;
    st->xf[st->nxf++] = v;
    return LS_OK;
}

static ls_err ox_styles_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                              size_t n)
{
    struct ox_styles *st = &w->x->st;
    if (el == OXE_NUMFMTS) w->in_numfmts = true;
    if (el == OXE_CELLXFS) w->in_cellxfs = true;
    if (w->in_numfmts && el == OXE_NUMFMT) return ox_styles_numfmt(st, a, n);
    if (w->in_cellxfs && el == OXE_XF) return ox_styles_xf(st, a, n);
    return LS_OK;
}

static ls_err ox_styles_end(struct ox_walk *w, enum ox_el el)
{
    if (el == OXE_NUMFMTS) w->in_numfmts = false;
    if (el == OXE_CELLXFS) w->in_cellxfs = false;
    return LS_OK;
}

/* ------------------------------------------------------------ numbers */

/* Parse a cell number "[-]digits[.digits][E[+-]digits]"; render integers
 * without exponent or fraction. false when it is not such a number, or not
 * an integer, or implausibly long: then the value is emitted as stored. */
static bool ox_render_int(struct ls_slice v, char *out, size_t cap, size_t *out_len)
{
    char digits[64];
    size_t nd = 0, int_len = 0, i = 0;
    bool neg = false, frac = false;
    int exp = 0, esign = 1;
    if (ls_slice_at(v, 0) == '-' || ls_slice_at(v, 0) == '+') neg = ls_slice_at(v, i++) == '-';
    for (; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch >= '0' && ch <= '9') {
            if (nd >= sizeof digits) return false;
            digits[nd++] = (char)ch;
            if (!frac) int_len++;
        } else if (ch == '.' && !frac) {
            frac = true;
        } else {
            break;
        }
    }
    if (nd == 0) return false;
    if (i < v.len) {
        int ch = ls_slice_at(v, i++);
        if (ch != 'E' && ch != 'e') return false;
        if (ls_slice_at(v, i) == '-' || ls_slice_at(v, i) == '+') esign = ls_slice_at(v, i++) == '-' ? -1 : 1;
        if (i >= v.len) return false;
        for (; i < v.len; i++) {
            int d = ls_slice_at(v, i);
            if (d < '0' || d > '9' || exp > 100) return false;
            exp = exp * 10 + (d - '0');
        }
    }
    long point = (long)int_len + esign * exp; /* digits before the decimal point */
    if (point < 1 || point > 40) return false;
    for (size_t k = (size_t)point; k < nd; k++)
        if (digits[k] != '0') return false; /* not an integer: keep as stored */
    size_t lead = 0, n = 0;
    while (lead + 1 < (size_t)point && lead < nd && digits[lead] == '0') lead++;
    if ((size_t)point - lead + 1 > cap) return false;
    if (neg) out[n++] = '-';
    for (size_t k = lead; k < (size_t)point; k++) out[n++] = k < nd ? digits[k] : '0';
    *out_len = n;
    return true;
}

/* ------------------------------------------------------------ walker: common */

static ls_err ox_add(struct ox_walk *w, struct ls_slice s)
{
    return ls_textout_add(&w->x->out, s.ptr, s.len);
}

static ls_err ox_sep(struct ox_walk *w, char ch)
{
    return ls_textout_sep(&w->x->out, ch);
}

static int ox_hex4(const uint8_t *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int ch = p[i] | 0x20;
        if (p[i] >= '0' && p[i] <= '9') v = v * 16 + (p[i] - '0');
        else if (ch >= 'a' && ch <= 'f') v = v * 16 + (ch - 'a' + 10);
        else return -1;
    }
    return v;
}

/* SpreadsheetML strings (ST_Xstring, ECMA-376 Part 1 22.9.2.19) escape a
 * character XML cannot hold, or one that would be read as an escape, as
 * _xHHHH_: Excel and POI write the CR of a CRLF line so ("Line 1_x000D_\n
 * Line 2"), a literal "_x000D_" as "_x005F_x000D_". Read as the characters
 * they stand for: left as they were, the escape was glued to the word
 * before it ("536-22-1874_x000a_Jane Roe"). A CR is a line break (none
 * before a LF or at the end), another control character a space. In place:
 * the decoded text is never longer. Returns the new length. */
static size_t ox_xstring(uint8_t *p, size_t len)
{
    size_t i = 0, o = 0;
    while (i < len) {
        int v = -1;
        if (p[i] == '_' && len - i >= 7 && p[i + 1] == 'x' && p[i + 6] == '_') v = ox_hex4(p + i + 2);
        if (v < 0) {
            p[o++] = p[i++];
            continue;
        }
        i += 7;
        uint32_t cp = (uint32_t)v;
        if (cp >= 0xD800 && cp <= 0xDBFF && len - i >= 7 && p[i] == '_' && p[i + 1] == 'x' &&
            p[i + 6] == '_') {
            int lo = ox_hex4(p + i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (uint32_t)(lo - 0xDC00);
                i += 7;
            }
        }
        if (cp == '\r') {
            if (i >= len || p[i] == '\n') continue; /* CRLF, or a CR ending the string */
            cp = '\n';
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0xD800 && cp <= 0xDFFF)) {
            cp = ' ';
        }
        if (cp < 0x80) {
            p[o++] = (uint8_t)cp;
        } else if (cp < 0x800) {
            p[o++] = (uint8_t)(0xC0 | (cp >> 6));
            p[o++] = (uint8_t)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            p[o++] = (uint8_t)(0xE0 | (cp >> 12));
            p[o++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            p[o++] = (uint8_t)(0x80 | (cp & 0x3F));
        } else {
            p[o++] = (uint8_t)(0xF0 | (cp >> 18));
            p[o++] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
            p[o++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            p[o++] = (uint8_t)(0x80 | (cp & 0x3F));
        }
    }
    return o;
}

/* Text of a SpreadsheetML string, its _xHHHH_ escapes decoded. */
static ls_err ox_add_x(struct ox_walk *w, struct ls_slice s)
{
    if (!memmem(s.ptr, s.len, "_x", 2)) return ox_add(w, s);
    uint8_t *p = malloc(s.len ? s.len : 1);
    if (!p) return LS_E_NOMEM;
    memcpy(p, s.ptr, s.len);
    ls_err e = ls_textout_add(&w->x->out, p, ox_xstring(p, s.len));
    free(p);
    return e;
}

/* Alt text of drawings: <wp:docPr descr=...>, <p:cNvPr descr=...>. */
static ls_err ox_alt_text(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    static const char *const names[] = {"descr", "title", NULL};
    for (size_t i = 0; i < n; i++) {
        if (!ox_is(a[i].local, names) || a[i].value.len == 0) continue;
        LS_TRY(ox_sep(w, '\n'));
        LS_TRY(ox_add(w, a[i].value));
        LS_TRY(ox_sep(w, '\n'));
    }
    return LS_OK;
}

/* Who wrote a comment: Word's <w:comment w:author>, PowerPoint's
 * <p:cmAuthor name> and <p188:author name userId>, Excel's threaded
 * comment <person displayName userId>, Word's people.xml <w15:person
 * w15:author> and <w15:presenceInfo w15:userId> (often an e-mail). */
static ls_err ox_who_text(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    static const char *const names[] = {"author", "name", "displayName", "userId", NULL};
    for (size_t i = 0; i < n; i++) {
        if (!ox_is(a[i].local, names) || a[i].value.len == 0) continue;
        LS_TRY(ox_sep(w, '\n'));
        LS_TRY(ox_add(w, a[i].value));
        LS_TRY(ox_sep(w, '\n'));
    }
    return LS_OK;
}

/* The entries of a drop-down, shown one at a time (the others are in no
 * run): a content control's <w:listItem w:displayText w:value> (also of a
 * combo box), a legacy form field's <w:ddList><w:listEntry w:val>; a
 * content control's title and tag (<w:alias w:val>, <w:tag w:val>: its
 * hint, LibreOffice's placeholder description), PowerPoint's customer
 * data tags (<p:tag name val>). Set apart by spaces; a value equal to its
 * display text once. */
static ls_err ox_list_text(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice shown = {0}, v;
    if (ls_xml_attr_get(a, n, "displayText", NULL, &shown) && !ox_blank(shown)) {
        LS_TRY(ox_sep(w, ' '));
        LS_TRY(ox_add(w, shown));
        LS_TRY(ox_sep(w, ' '));
    }
    for (size_t i = 0; i < n; i++) {
        v = a[i].value;
        if ((strcmp(a[i].local, "value") != 0 && strcmp(a[i].local, "val") != 0) || ox_blank(v) ||
            (shown.len == v.len && memcmp(shown.ptr, v.ptr, v.len) == 0))
            continue;
        LS_TRY(ox_sep(w, ' '));
        LS_TRY(ox_add(w, v));
        LS_TRY(ox_sep(w, ' '));
    }
    return LS_OK;
}

/* Who made a tracked change (<w:ins w:author>, <w:del>, <w:moveFrom>,
 * <w:moveTo>): each name once per package, on a line of its own
 * ("tracked change by: NAME"): often an e-mail address or a full name the
 * document shows nowhere else. */
static ls_err ox_change_author(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice who, all = ls_buf_slice(&w->x->authors);
    if (!ls_xml_attr_get(a, n, "author", NULL, &who) || ox_blank(who) || memchr(who.ptr, 0, who.len))
        return LS_OK;
    for (size_t pos = 0; pos < all.len;) {
        size_t end = ls_slice_find(all, pos, "\0", 1);
        struct ls_slice one;
        if (end == SIZE_MAX) end = all.len;
        if (ls_slice_sub(all, pos, end - pos, &one) && one.len == who.len &&
            memcmp(one.ptr, who.ptr, who.len) == 0)
            return LS_OK;
        pos = end + 1;
    }
    ls_err e = ls_buf_add(&w->x->authors, who.ptr, who.len);
    if (e == LS_OK) e = ls_buf_addc(&w->x->authors, 0);
    if (e == LS_E_NOMEM) return e; /* past the cap: names are written again */
    if (w->in_p || w->in_tc) { /* not inside the words the change is in */
        size_t mark = w->pend.len;
        e = ls_buf_add(&w->pend, "tracked change by: ", 19);
        if (e == LS_OK) e = ls_buf_add(&w->pend, who.ptr, who.len);
        if (e == LS_OK) e = ls_buf_addc(&w->pend, '\n');
        if (e == LS_OK) return LS_OK;
        if (e == LS_E_NOMEM) return e;
        w->pend.len = mark; /* held lines full: written here */
    }
    LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ls_textout_addz(&w->x->out, "tracked change by: "));
    LS_TRY(ox_add(w, who));
    return ox_sep(w, '\n');
}

/* A hyperlink's ScreenTip, shown only while the pointer rests on it:
 * Word's <w:hyperlink w:tooltip>, Excel's <hyperlink tooltip> (also its
 * in-workbook target, location="Sheet!A1"), DrawingML's <a:hlinkClick
 * tooltip>. Set apart by ch (a space in running text, a line in sheets,
 * whose hyperlinks follow the cells). */
static ls_err ox_tip_text(struct ox_walk *w, const struct ls_xml_attr *a, size_t n, char ch)
{
    static const char *const names[] = {"tooltip", "location", NULL};
    for (size_t i = 0; i < n; i++) {
        if (!ox_is(a[i].local, names) || ox_blank(a[i].value)) continue;
        LS_TRY(ox_sep(w, ch));
        LS_TRY(ox_add(w, a[i].value));
        LS_TRY(ox_sep(w, ch));
    }
    return LS_OK;
}

/* ------------------------------------------------------------ walker: text parts */

/* Word (w:tbl) and PowerPoint (a:tbl) tables: header-row labels
 * (tablectx.h) for the outermost table; a cell spans gridSpan columns. */
static void ox_table_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                           size_t n)
{
    struct ls_slice v;
    if (el == OXE_TBL && ++w->in_tbl == 1) {
        if (w->tc_lazy) {
            w->tc_lazy = false;
            if (ls_tc_init(&w->tc) != LS_OK) memset(&w->tc, 0, sizeof w->tc); /* no labels */
        }
        ls_tc_reset(&w->tc);
    }
    if (w->in_tbl != 1) return;
    if (el == OXE_TR && w->in_tc == 0) w->col = 0;
    if (el == OXE_TC && w->in_tc == 1) {
        ls_buf_reset(&w->istr);
        w->span = 1;
        if (ls_xml_attr_get(a, n, "gridSpan", NULL, &v) && ox_u32(v, &w->span) && w->span == 0)
            w->span = 1;
    }
    if (el == OXE_GRIDSPAN && w->in_tc == 1 &&
        ls_xml_attr_get(a, n, "val", NULL, &v) && ox_u32(v, &w->span) && w->span == 0)
        w->span = 1;
}

static ls_err ox_table_end(struct ox_walk *w, enum ox_el el)
{
    if (el == OXE_TBL && w->in_tbl) {
        w->in_tbl--;
        return LS_OK;
    }
    if (w->in_tbl != 1) return LS_OK;
    if (el == OXE_P && w->in_tc == 1 && w->istr.len &&
        ls_buf_addc(&w->istr, ' ') == LS_E_NOMEM) /* paragraphs of a cell: one line */
        return LS_E_NOMEM;
    if (el == OXE_TC && w->in_tc == 1) {
        struct ls_slice t = ls_buf_slice(&w->istr);
        ls_tc_cells(&w->tc, w->col, w->span, t, ls_tc_is_text(t));
        w->col += w->span > LS_TC_MAX_COLS ? LS_TC_MAX_COLS : w->span;
    }
    if (el == OXE_TR && w->in_tc == 0) return ls_tc_row_end(&w->tc, w->x->c, w->x->o);
    return LS_OK;
}

/* Charts: a c:numCache holds the values as stored ("37261.0",
 * "0.70000000000000029") under its c:formatCode; c:date1904 says the
 * date system. */
static void ox_chart_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                           size_t n)
{
    struct ls_slice v;
    if (el == OXE_NUMCACHE) {
        w->in_numcache = true;
        w->chart_fmt = 0;
    } else if (ls_xml_attr_get(a, n, "val", NULL, &v)) {
        w->chart1904 = ls_slice_eq_str(v, "1") || ls_slice_eq_str(v, "true");
    }
}

/* A cached chart value as the chart shows it: a date under a date format
 * (a date axis read "37261.0" before: 2002-01-05), else as a cell under
 * General (15 significant digits, "0.7", integers without ".0"); the
 * format code itself is no text. Each value a line of its own. */
static ls_err ox_chart_chars(struct ox_walk *w, struct ls_slice s)
{
    char num[64];
    double d;
    if (w->leaf == OXE_FORMATCODE) {
        w->chart_fmt = ls_sheet_fmt_code(s);
        return LS_OK;
    }
    if (w->leaf == OXE_V && ls_sheet_parse_num(s, &d)) {
        if (!(w->chart_fmt && ls_sheet_date(d, w->chart1904, w->chart_fmt, num, sizeof num)))
            (void)ls_sheet_number(d, num, sizeof num);
        s = ls_slice_make(num, strlen(num));
    }
    LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ox_add(w, s));
    return ox_sep(w, '\n');
}

/* The Symbol font's codes 0x20-0xFF as Unicode (Adobe's Symbol encoding,
 * as LibreOffice maps them): Word writes a character typed from Symbol as
 * its private copy F0xx. 0: a piece of a big bracket or an extender, no
 * character of its own. */
static const uint16_t ox_symbol_font[224] = {
    0x0020, 0x0021, 0x2200, 0x0023, 0x2203, 0x0025, 0x0026, 0x220B,
    0x0028, 0x0029, 0x2217, 0x002B, 0x002C, 0x2212, 0x002E, 0x002F,
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
    0x2245, 0x0391, 0x0392, 0x03A7, 0x0394, 0x0395, 0x03A6, 0x0393,
    0x0397, 0x0399, 0x03D1, 0x039A, 0x039B, 0x039C, 0x039D, 0x039F,
    0x03A0, 0x0398, 0x03A1, 0x03A3, 0x03A4, 0x03A5, 0x03C2, 0x03A9,
    0x039E, 0x03A8, 0x0396, 0x005B, 0x2234, 0x005D, 0x22A5, 0x005F,
    0x0000, 0x03B1, 0x03B2, 0x03C7, 0x03B4, 0x03B5, 0x03C6, 0x03B3,
    0x03B7, 0x03B9, 0x03D5, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BF,
    0x03C0, 0x03B8, 0x03C1, 0x03C3, 0x03C4, 0x03C5, 0x03D6, 0x03C9,
    0x03BE, 0x03C8, 0x03B6, 0x007B, 0x007C, 0x007D, 0x223C, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x20AC, 0x03D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x0192, 0x2663,
    0x2666, 0x2665, 0x2660, 0x2194, 0x2190, 0x2191, 0x2192, 0x2193,
    0x00B0, 0x00B1, 0x2033, 0x2265, 0x00D7, 0x221D, 0x2202, 0x2022,
    0x00F7, 0x2260, 0x2261, 0x2248, 0x2026, 0x0000, 0x0000, 0x21B5,
    0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229,
    0x222A, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209,
    0x2220, 0x2207, 0x00AE, 0x00A9, 0x2122, 0x220F, 0x221A, 0x22C5,
    0x00AC, 0x2227, 0x2228, 0x21D4, 0x21D0, 0x21D1, 0x21D2, 0x21D3,
    0x25CA, 0x2329, 0x00AE, 0x00A9, 0x2122, 0x2211, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x232A, 0x222B, 0x2320, 0x0000, 0x2321, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
};

/* <w:sym w:font="Symbol" w:char="00DA"/>: a character typed from a symbol
 * font. Codes in the Private Use Area (F020-F0FF, the font's own glyphs:
 * Wingdings ticks, Webdings pictures) have no meaning as text, except in
 * the Symbol font, whose glyphs are Greek letters and mathematical signs
 * (Open-XML-SDK's equation-1.docx: the minus of "n-1" is F02D, read as
 * "n1"); others are Unicode, written as LibreOffice does. */
static ls_err ox_sym(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v, font;
    struct ls_buf b;
    uint32_t cp = 0;
    if (!ls_xml_attr_get(a, n, "char", NULL, &v) || v.len == 0 || v.len > 6) return LS_OK;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i) | 0x20;
        if (ch >= '0' && ch <= '9') cp = cp * 16 + (uint32_t)(ch - '0');
        else if (ch >= 'a' && ch <= 'f') cp = cp * 16 + (uint32_t)(ch - 'a' + 10);
        else return LS_OK;
    }
    if (((cp >= 0xF020 && cp <= 0xF0FF) || (cp >= 0x20 && cp <= 0xFF)) &&
        ls_xml_attr_get(a, n, "font", NULL, &font) && font.len == 6 &&
        strncasecmp((const char *)font.ptr, "Symbol", 6) == 0)
        cp = ox_symbol_font[(cp & 0xFF) - 0x20];
    if (cp < 0x21 || (cp >= 0xD800 && cp <= 0xF8FF) || cp > 0x10FFFF) return LS_OK;
    ls_buf_init(&b, 8);
    ls_err e = ls_utf8_put(&b, cp);
    if (e == LS_OK) e = ox_add(w, ls_buf_slice(&b));
    ls_buf_free(&b);
    return e;
}

/* Text of a run in the Symbol font, its glyphs as Unicode (ox_symbol_font);
 * characters outside the font's codes as they are. */
static ls_err ox_add_symbol(struct ox_walk *w, struct ls_slice s)
{
    struct ls_buf b;
    ls_err e = LS_OK;
    ls_buf_init(&b, s.len * 3 + 8);
    for (size_t pos = 0; pos < s.len && e == LS_OK;) {
        size_t at = pos;
        int32_t cp = ls_utf8_next(s, &pos);
        if (pos <= at) break;
        uint32_t u = cp < 0 ? 0xFFFD : (uint32_t)cp;
        if ((u >= 0x21 && u <= 0x7E) || (u >= 0xF021 && u <= 0xF0FF)) {
            u = ox_symbol_font[(u & 0xFF) - 0x20];
            if (u == 0) continue; /* a bracket piece */
        } else if (u == 0xF020) {
            u = ' ';
        }
        e = ls_utf8_put(&b, u);
    }
    if (e == LS_OK) e = ox_add(w, ls_buf_slice(&b));
    ls_buf_free(&b);
    return e;
}

/* Tracked changes in a paragraph: the words read as the document now
 * shows them, inserted text in place and deleted text (w:delText) left
 * out, so a digit replaced inside "536-22-1874" leaves the number whole.
 * The paragraph as it read before the changes (deleted text in place,
 * insertions left out) follows it as a line "before tracked changes: ...",
 * with the "tracked change by: NAME" lines of its changes: the old value
 * whole too, in its context. In a table cell the lines wait for the row's
 * end. */

/* A full buffer (a deletion past 64 KiB) goes out as a before line at once,
 * into the text where it stands, so no deleted text is lost; the rest
 * starts the next one. */
static ls_err ox_before_add(struct ox_walk *w, struct ls_slice s)
{
    size_t room = w->before.max - w->before.len;
    ls_err e = ls_buf_add(&w->before, s.ptr, s.len);
    while (e == LS_E_LIMIT) {
        if (w->para_del) {
            LS_TRY(ox_sep(w, '\n'));
            LS_TRY(ls_textout_add(&w->x->out, "before tracked changes: ", 24));
            LS_TRY(ls_textout_add(&w->x->out, w->before.ptr, w->before.len));
            LS_TRY(ox_sep(w, '\n'));
        }
        ls_buf_reset(&w->before);
        s.ptr += room;
        s.len -= room;
        room = w->before.max;
        e = ls_buf_add(&w->before, s.ptr, s.len);
    }
    return e;
}

static ls_err ox_pend_flush(struct ox_walk *w)
{
    if (!w->pend.len) return LS_OK;
    LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ls_textout_add(&w->x->out, w->pend.ptr, w->pend.len));
    ls_buf_reset(&w->pend);
    return ox_sep(w, '\n');
}

static ls_err ox_para_end(struct ox_walk *w)
{
    if (w->in_p) w->in_p--;
    if (w->in_p) return LS_OK; /* a text box's paragraph: the outer one goes on */
    if (w->para_del && w->before.len) {
        size_t mark = w->pend.len;
        ls_err e = ls_buf_add(&w->pend, "before tracked changes: ", 24);
        if (e == LS_OK) e = ls_buf_add(&w->pend, w->before.ptr, w->before.len);
        if (e == LS_OK) e = ls_buf_addc(&w->pend, '\n');
        if (e == LS_E_NOMEM) return e;
        if (e != LS_OK) w->pend.len = mark;
    }
    ls_buf_reset(&w->before);
    w->para_del = false;
    return LS_OK;
}

/* w:framePr w:dropCap="drop" (or "margin"): Word keeps a drop cap as a
 * paragraph of its own before the paragraph it starts (ONLYOFFICE-QA
 * ooxml_parser's dropcap_borders.docx: "S", then "imple Test Text"). Only a
 * paragraph's own properties count, not a text box's inside it. */
static void ox_dropcap(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v;
    if (w->in_p != 1 || !ls_xml_attr_get(a, n, "dropCap", NULL, &v)) return;
    w->para_dropcap = (v.len == 4 && memcmp(v.ptr, "drop", 4) == 0) ||
                      (v.len == 6 && memcmp(v.ptr, "margin", 6) == 0);
}


/* ------------------------------------------------------------ Word's lists */

/*
 * A numbered paragraph's label ("1.", "a)", "2.1", "Article 3") is in no
 * run: Word draws it from the paragraph's list (w:numPr, or its style's)
 * and the list's level (word/numbering.xml), counting paragraphs as it
 * goes. pandoc, LibreOffice and Tika write it; without it a contract's
 * "4.2" and a form's "(b)" were missing words, and a lettered or numbered
 * clause read without its number.
 */

static enum ls_listfmt ox_wl_fmt(struct ls_slice v)
{
    static const struct {
        const char *name;
        enum ls_listfmt f;
    } m[] = {{"decimal", LS_LF_DECIMAL},         {"decimalZero", LS_LF_DECIMAL_ZERO},
             {"lowerRoman", LS_LF_LOWER_ROMAN},  {"upperRoman", LS_LF_UPPER_ROMAN},
             {"lowerLetter", LS_LF_LOWER_LETTER}, {"upperLetter", LS_LF_UPPER_LETTER},
             {"none", LS_LF_NONE},               {"bullet", LS_LF_BULLET},
             {"ordinal", LS_LF_ORDINAL}};
    for (size_t k = 0; k < sizeof m / sizeof m[0]; k++)
        if (v.len == strlen(m[k].name) && memcmp(v.ptr, m[k].name, v.len) == 0) return m[k].f;
    return LS_LF_DECIMAL; /* cardinalText, full-width and CJK counting: in digits */
}

/* Copy at most cap - 1 bytes, not ending inside a UTF-8 character. */
static void ox_copy_utf8(char *dst, size_t cap, struct ls_slice v)
{
    size_t n = v.len < cap - 1 ? v.len : cap - 1;
    if (n < v.len)
        while (n > 0 && (ls_slice_at(v, n) & 0xC0) == 0x80) n--;
    if (n) memcpy(dst, v.ptr, n);
    dst[n] = 0;
}

static int ox_wabs_cmp(const void *a, const void *b)
{
    uint32_t x = ((const struct ox_wabs *)a)->id, y = ((const struct ox_wabs *)b)->id;
    return x < y ? -1 : x > y;
}

static int ox_wnum_cmp(const void *a, const void *b)
{
    uint32_t x = ((const struct ox_wnum *)a)->id, y = ((const struct ox_wnum *)b)->id;
    return x < y ? -1 : x > y;
}

static int ox_wsty_cmp(const void *a, const void *b)
{
    return strcmp(((const struct ox_wsty *)a)->id, ((const struct ox_wsty *)b)->id);
}

static void ox_wlist_free(struct ox_wlist *l)
{
    for (size_t k = 0; l->num && k < l->nnum; k++) free(l->num[k].ovl);
    free(l->abs);
    free(l->num);
    free(l->sty);
    memset(l, 0, sizeof *l);
}

static ls_err ox_wabs_new(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ox_wlist *l = &w->x->wl;
    struct ls_slice v;
    uint32_t id;
    if (!ls_xml_attr_get(a, n, "abstractNumId", NULL, &v) || !ox_u32(v, &id) ||
        l->nabs >= OX_WL_ABS_MAX)
        return LS_OK;
    LS_TRY(ox_grow((void **)&l->abs, &l->capabs, l->nabs, sizeof *l->abs));
    struct ox_wabs *ab = &l->abs[l->nabs];
    memset(ab, 0, sizeof *ab);
    ab->id = id;
    w->wl_abs = (int32_t)l->nabs++;
    return LS_OK;
}

static ls_err ox_wnum_new(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    struct ox_wlist *l = &w->x->wl;
    struct ls_slice v;
    uint32_t id;
    if (!ls_xml_attr_get(a, n, "numId", NULL, &v) || !ox_u32(v, &id) || l->nnum >= OX_WL_NUM_MAX)
        return LS_OK;
    LS_TRY(ox_grow((void **)&l->num, &l->capnum, l->nnum, sizeof *l->num));
    struct ox_wnum *nm = &l->num[l->nnum];
    memset(nm, 0, sizeof *nm);
    nm->id = id;
    nm->abs_id = UINT32_MAX;
    w->wl_num = (int32_t)l->nnum++;
    return LS_OK;
}

/* A level's property (start, numFmt, lvlText, isLgl, lvlRestart) into lv. */
static void ox_wlvl_prop(struct ls_listlvl *lv, const char *local, bool has, struct ls_slice v)
{
    uint32_t u;
    if (strcmp(local, "isLgl") == 0)
        lv->legal = !has || !(v.len == 1 ? ls_slice_at(v, 0) == '0'
                                         : v.len == 5 && memcmp(v.ptr, "false", 5) == 0);
    if (!has) return;
    if (strcmp(local, "start") == 0 && ox_u32(v, &u)) lv->start = u < 999999999u ? u : 999999999u;
    else if (strcmp(local, "numFmt") == 0) lv->fmt = (uint8_t)ox_wl_fmt(v);
    else if (strcmp(local, "lvlText") == 0) ox_copy_utf8(lv->text, sizeof lv->text, v);
    else if (strcmp(local, "lvlRestart") == 0 && ox_u32(v, &u) && u <= LS_LIST_LEVELS)
        lv->restart = (uint8_t)(u + 1); /* 17.9.10: 0 never, k after level k's paragraphs */
}

/* A w:lvl inside a w:num's w:lvlOverride (17.9.8): the level as this list
 * instance shows it (its format and text; its w:start restarts nothing). */
static void ox_wnum_lvl(struct ox_walk *w, struct ox_wnum *nm, const char *local, bool has,
                        struct ls_slice v)
{
    unsigned k = (unsigned)w->wl_lvl;
    if (strcmp(local, "lvl") == 0) {
        if (!nm->ovl && w->wl_novl < OX_WL_OVL_MAX) {
            nm->ovl = calloc(1, sizeof *nm->ovl);
            w->wl_novl++;
        }
        if (!nm->ovl) return;
        memset(&nm->ovl->lv[k], 0, sizeof nm->ovl->lv[k]);
        nm->lv_mask = (uint16_t)(nm->lv_mask | 1u << k);
        w->wl_ovl = true;
        return;
    }
    if (!w->wl_ovl || !nm->ovl) return;
    ox_wlvl_prop(&nm->ovl->lv[k], local, has, v);
}

/* word/numbering.xml: <w:abstractNum w:abstractNumId><w:lvl w:ilvl><w:start
 * w:val/><w:numFmt w:val/><w:lvlText w:val/><w:lvlRestart w:val/>...,
 * <w:num w:numId><w:abstractNumId w:val/><w:lvlOverride w:ilvl>
 * <w:startOverride w:val/> or <w:lvl w:ilvl>... */
static ls_err ox_wnum_start(struct ox_walk *w, const char *local, const struct ls_xml_attr *a,
                            size_t n)
{
    struct ls_slice v;
    uint32_t u;
    if (strcmp(local, "abstractNum") == 0 || strcmp(local, "num") == 0) {
        w->wl_abs = w->wl_num = w->wl_lvl = -1;
        w->wl_ovl = false;
        return local[1] == 'b' ? ox_wabs_new(w, a, n) : ox_wnum_new(w, a, n);
    }
    if (strcmp(local, "lvlOverride") == 0 || (strcmp(local, "lvl") == 0 && w->wl_num < 0)) {
        w->wl_lvl = -1;
        w->wl_ovl = false;
        if (ls_xml_attr_get(a, n, "ilvl", NULL, &v) && ox_u32(v, &u) && u < LS_LIST_LEVELS)
            w->wl_lvl = (int32_t)u;
        return LS_OK;
    }
    bool has = ls_xml_attr_get(a, n, "val", NULL, &v);
    if (w->wl_num >= 0) {
        struct ox_wnum *nm = &w->x->wl.num[w->wl_num];
        if (has && strcmp(local, "abstractNumId") == 0 && ox_u32(v, &u)) nm->abs_id = u;
        if (w->wl_lvl < 0) return LS_OK;
        if (has && strcmp(local, "startOverride") == 0 && ox_u32(v, &u)) {
            nm->ov_start[w->wl_lvl] = u < 999999999u ? u : 999999999u;
            nm->ov_mask = (uint16_t)(nm->ov_mask | 1u << w->wl_lvl);
        } else {
            ox_wnum_lvl(w, nm, local, has, v);
        }
        return LS_OK;
    }
    if (w->wl_abs >= 0 && w->wl_lvl < 0 && has && strcmp(local, "numStyleLink") == 0)
        ox_copy_utf8(w->x->wl.abs[w->wl_abs].link, OX_WL_SID, v);
    if (w->wl_abs >= 0 && w->wl_lvl >= 0) {
        struct ox_wabs *ab = &w->x->wl.abs[w->wl_abs];
        if (has && strcmp(local, "pStyle") == 0) ox_copy_utf8(ab->pstyle[w->wl_lvl], OX_WL_SID, v);
        else ox_wlvl_prop(&ab->lv[w->wl_lvl], local, has, v);
    }
    return LS_OK;
}

/* word/styles.xml: paragraph and numbering styles' ids, basedOn and
 * pPr/numPr (a numbering style names the list a numStyleLink stands for). */
static ls_err ox_wsty_start(struct ox_walk *w, const char *local, const struct ls_xml_attr *a,
                            size_t n)
{
    struct ox_wlist *l = &w->x->wl;
    struct ls_slice v;
    uint32_t u;
    if (strcmp(local, "style") == 0) {
        w->wl_sty = -1;
        if ((ls_xml_attr_get(a, n, "type", NULL, &v) &&
             !(v.len == 9 && memcmp(v.ptr, "paragraph", 9) == 0) &&
             !(v.len == 9 && memcmp(v.ptr, "numbering", 9) == 0)) ||
            !ls_xml_attr_get(a, n, "styleId", NULL, &v) || l->nsty >= OX_WL_STY_MAX)
            return LS_OK;
        LS_TRY(ox_grow((void **)&l->sty, &l->capsty, l->nsty, sizeof *l->sty));
        struct ox_wsty *st = &l->sty[l->nsty];
        memset(st, 0, sizeof *st);
        ox_copy_utf8(st->id, sizeof st->id, v);
        st->num_id = st->ilvl = -1;
        w->wl_sty = (int32_t)l->nsty++;
        return LS_OK;
    }
    if (w->wl_sty < 0 || !ls_xml_attr_get(a, n, "val", NULL, &v)) return LS_OK;
    struct ox_wsty *st = &l->sty[w->wl_sty];
    if (strcmp(local, "basedOn") == 0) ox_copy_utf8(st->based, sizeof st->based, v);
    else if (strcmp(local, "numId") == 0 && ox_u32(v, &u) && u <= INT32_MAX) st->num_id = (int32_t)u;
    else if (strcmp(local, "ilvl") == 0 && ox_u32(v, &u) && u < LS_LIST_LEVELS) st->ilvl = (int32_t)u;
    return LS_OK;
}

static struct ox_wsty *ox_wsty_find(struct ox_wlist *l, const char *id)
{
    struct ox_wsty key;
    if (!id[0] || !l->nsty) return NULL;
    ox_copy(key.id, sizeof key.id, id);
    return bsearch(&key, l->sty, l->nsty, sizeof *l->sty, ox_wsty_cmp);
}

/* In a paragraph's own w:pPr (not a w:pPrChange's: the properties before
 * an edit): w:pStyle, w:numPr's w:numId and w:ilvl. */
static void ox_wl_para(struct ox_walk *w, enum ox_el el, const char *local,
                       const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v;
    uint32_t u;
    if (el == OXE_P) {
        w->p_num = w->p_ilvl = -1;
        w->p_style[0] = 0;
        w->in_ppr = 0;
        w->in_pprchange = false;
    } else if (el == OXE_PPR && w->depth >= 2 && w->depth < sizeof w->els &&
               w->els[w->depth - 1] == OXE_P) {
        w->in_ppr = w->depth;
    } else if (el == OXE_PPRCHANGE) {
        w->in_pprchange = true;
    } else if (w->in_ppr && !w->in_pprchange && ls_xml_attr_get(a, n, "val", NULL, &v)) {
        if (strcmp(local, "numId") == 0 && ox_u32(v, &u) && u <= INT32_MAX) w->p_num = (int32_t)u;
        else if (strcmp(local, "ilvl") == 0 && ox_u32(v, &u) && u < LS_LIST_LEVELS)
            w->p_ilvl = (int32_t)u;
        else if (strcmp(local, "pStyle") == 0) ox_copy_utf8(w->p_style, sizeof w->p_style, v);
    }
}

/* The list and level of the paragraph whose w:pPr just ended: its own, else
 * its style's (through basedOn, 8 styles deep), else the level that names
 * its style. */
static struct ox_wabs *ox_wl_resolve(struct ox_walk *w, struct ox_wnum **nump, int32_t *ilvl)
{
    struct ox_wlist *l = &w->x->wl;
    int32_t num = w->p_num;
    *ilvl = w->p_ilvl;
    const struct ox_wsty *st = ox_wsty_find(l, w->p_style);
    for (unsigned hop = 0; st && hop < 8 && (num < 0 || *ilvl < 0); hop++) {
        if (num < 0) num = st->num_id;
        if (*ilvl < 0) *ilvl = st->ilvl;
        st = ox_wsty_find(l, st->based);
    }
    if (num <= 0 || !l->nnum) return NULL; /* numId 0: numbering taken off */
    struct ox_wnum nkey = {.id = (uint32_t)num};
    struct ox_wnum *nm = bsearch(&nkey, l->num, l->nnum, sizeof *l->num, ox_wnum_cmp);
    if (!nm || !l->nabs) return NULL;
    struct ox_wabs akey = {.id = nm->abs_id};
    struct ox_wabs *ab = bsearch(&akey, l->abs, l->nabs, sizeof *l->abs, ox_wabs_cmp);
    if (!ab) return NULL;
    /* w:numStyleLink: the levels are those of the list the numbering style
     * names (Word's multilevel "List Number" lists in templates) */
    const struct ox_wsty *ns = ab->link[0] ? ox_wsty_find(l, ab->link) : NULL;
    struct ox_wnum lkey = {.id = ns && ns->num_id > 0 ? (uint32_t)ns->num_id : 0};
    const struct ox_wnum *ln =
        lkey.id ? bsearch(&lkey, l->num, l->nnum, sizeof *l->num, ox_wnum_cmp) : NULL;
    if (ln) {
        akey.id = ln->abs_id;
        struct ox_wabs *lab = bsearch(&akey, l->abs, l->nabs, sizeof *l->abs, ox_wabs_cmp);
        if (lab) ab = lab;
    }
    for (unsigned k = 0; *ilvl < 0 && w->p_style[0] && k < LS_LIST_LEVELS; k++)
        if (strcmp(ab->pstyle[k], w->p_style) == 0) *ilvl = (int32_t)k;
    if (*ilvl < 0) *ilvl = 0;
    *nump = nm;
    return ab;
}

static ls_err ox_wl_label(struct ox_walk *w)
{
    struct ox_wnum *nm = NULL;
    int32_t ilvl;
    w->in_ppr = 0;
    struct ox_wabs *ab = ox_wl_resolve(w, &nm, &ilvl);
    if (!ab) return LS_OK;
    struct ls_listlvl lv[LS_LIST_LEVELS];
    memcpy(lv, ab->lv, sizeof lv);
    struct ls_listctr *ctr = &ab->ctr;
    for (unsigned k = 0; k < LS_LIST_LEVELS; k++) {
        if (nm->ovl && (nm->lv_mask & (1u << k))) lv[k] = nm->ovl->lv[k];
        if (!(nm->ov_mask & (1u << k))) continue;
        lv[k].start = nm->ov_start[k]; /* this instance's levels start here */
        if (!nm->used) ctr->started = (uint16_t)(ctr->started & ~(1u << k));
    }
    nm->used = true;
    char lab[4 * LS_LIST_TEXT];
    ls_docpart_list_fill(lv, ctr, (unsigned)ilvl);
    size_t len = ls_docpart_list_next(lv, ctr, (unsigned)ilvl, lab, sizeof lab);
    if (!len || ox_blank((struct ls_slice){(const uint8_t *)lab, len})) return LS_OK;
    LS_TRY(ls_textout_add(&w->x->out, lab, len));
    return ls_textout_add(&w->x->out, " ", 1);
}


/* ------------------------------------------------------------ PowerPoint's numbers */

/* a:buAutoNum type="arabicPeriod" ... (20.1.10.61 ST_TextAutonumberScheme):
 * the number's script, then its punctuation, for level lvl (0-based). */
static void ox_pp_scheme_lv(const struct ls_xml_attr *a, size_t n, unsigned lvl,
                            struct ls_listlvl *lv)
{
    static const struct {
        const char *pre;
        enum ls_listfmt f;
    } scr[] = {{"romanLc", LS_LF_LOWER_ROMAN}, {"romanUc", LS_LF_UPPER_ROMAN},
               {"alphaLc", LS_LF_LOWER_LETTER}, {"alphaUc", LS_LF_UPPER_LETTER}};
    struct ls_slice v;
    uint32_t at = 1;
    char t[48] = "";
    memset(lv, 0, sizeof *lv);
    lv->fmt = LS_LF_DECIMAL; /* arabic, and the East Asian and circled schemes, in digits */
    if (ls_xml_attr_get(a, n, "type", NULL, &v)) ox_copy_slice(t, sizeof t, v);
    for (size_t k = 0; k < sizeof scr / sizeof scr[0]; k++)
        if (ox_starts(t, scr[k].pre)) lv->fmt = (uint8_t)scr[k].f;
    bool both = strstr(t, "ParenBoth") != NULL, paren = both || strstr(t, "ParenR") != NULL;
    const char *suf = paren ? ")" : strstr(t, "Plain") ? "" : strstr(t, "Minus") ? " -" : ".";
    snprintf(lv->text, sizeof lv->text, "%s%%%u%s", both ? "(" : "", lvl + 1, suf);
    if (ls_xml_attr_get(a, n, "startAt", NULL, &v) && ox_u32(v, &at) && at > 999999999u)
        at = 999999999u;
    lv->start = at;
}

static void ox_pp_scheme(struct ox_walk *w, const struct ls_xml_attr *a, size_t n)
{
    ox_pp_scheme_lv(a, n, w->pp_lvl, &w->pp_lv);
    w->pp_auto = true;
    w->pp_bu = 1;
}

/* 0-8 for a text style's level element "lvl1pPr" .. "lvl9pPr", else -1. */
static int ox_pp_lvl_el(const char *local)
{
    if (strncmp(local, "lvl", 3) != 0 || local[3] < '1' || local[3] > '9' ||
        strcmp(local + 4, "pPr") != 0)
        return -1;
    return local[3] - '1';
}

/* A p:ph: body (no type, "body", "obj": the master's bodyStyle) and its idx. */
static bool ox_pp_ph(const struct ls_xml_attr *a, size_t n, uint32_t *idx)
{
    struct ls_slice v;
    *idx = UINT32_MAX;
    if (ls_xml_attr_get(a, n, "idx", NULL, &v) && !ox_u32(v, idx)) *idx = UINT32_MAX;
    if (!ls_xml_attr_get(a, n, "type", NULL, &v)) return true;
    return (v.len == 4 && memcmp(v.ptr, "body", 4) == 0) ||
           (v.len == 3 && memcmp(v.ptr, "obj", 3) == 0);
}

/* a:p, its a:pPr (lvl) and bullet (a:buAutoNum, a:buNone, a:buChar) */
static void ox_pp_para(struct ox_walk *w, enum ox_el el, const char *local,
                       const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v;
    uint32_t u;
    if (strcmp(local, "sp") == 0) {
        w->pp_body = false;
        w->pp_sp = w->depth;
    } else if (strcmp(local, "ph") == 0 && w->pp_sp) {
        w->pp_body = ox_pp_ph(a, n, &w->pp_idx);
    } else if (el == OXE_TXBODY) {
        memset(&w->pp_ctr, 0, sizeof w->pp_ctr);
    } else if (el == OXE_P) {
        w->pp_auto = w->pp_done = false;
        w->pp_bu = 0;
        w->pp_lvl = 0;
        w->in_ppr = 0;
    } else if (el == OXE_PPR && w->depth >= 2 && w->depth < sizeof w->els &&
               w->els[w->depth - 1] == OXE_P) {
        w->in_ppr = w->depth;
        if (ls_xml_attr_get(a, n, "lvl", NULL, &v) && ox_u32(v, &u) && u < LS_LIST_LEVELS)
            w->pp_lvl = u;
    } else if (w->in_ppr && strcmp(local, "buAutoNum") == 0) {
        ox_pp_scheme(w, a, n);
    } else if (w->in_ppr && (strcmp(local, "buNone") == 0 || strcmp(local, "buChar") == 0 ||
                             strcmp(local, "buBlip") == 0)) {
        w->pp_auto = false;
        w->pp_bu = 2;
    }
}

/* What the slide's layout and master say of level lvl of the body
 * placeholder idx: its a:buAutoNum (true, into lv) or nothing. */
static bool ox_pp_inherit(const struct ox_ppinh *pp, uint32_t idx, unsigned lvl,
                          struct ls_listlvl *lv)
{
    const struct ox_ppbu *src[3] = {NULL, &pp->master_ph, &pp->body};
    for (size_t k = 0; k < pp->nph && idx != UINT32_MAX; k++)
        if (pp->ph[k].idx == idx) src[0] = &pp->ph[k].bu;
    for (size_t k = 0; k < 3; k++) {
        if (!src[k] || !src[k]->st[lvl]) continue;
        if (src[k]->st[lvl] != 1) return false;
        *lv = src[k]->lv[lvl];
        return true;
    }
    return false;
}

/* The paragraph's a:pPr ended: its number, if auto-numbered. */
static ls_err ox_pp_label(struct ox_walk *w)
{
    w->in_ppr = 0;
    if (w->pp_done) return LS_OK;
    w->pp_done = true;
    if (!w->pp_bu && w->pp_body && w->pp_inh && w->x->pp)
        w->pp_auto = ox_pp_inherit(w->x->pp, w->pp_idx, w->pp_lvl, &w->pp_lv);
    if (!w->pp_auto) return LS_OK;
    struct ls_listlvl lv[LS_LIST_LEVELS];
    memset(lv, 0, sizeof lv);
    lv[w->pp_lvl] = w->pp_lv;
    char lab[4 * LS_LIST_TEXT];
    size_t len = ls_docpart_list_next(lv, &w->pp_ctr, w->pp_lvl, lab, sizeof lab);
    if (!len) return LS_OK;
    LS_TRY(ls_textout_add(&w->x->out, lab, len));
    return ls_textout_add(&w->x->out, " ", 1);
}

/* A paragraph that is not numbered ends the numbering of its level. */
static void ox_pp_end(struct ox_walk *w)
{
    if (!w->pp_auto) w->pp_ctr.started = (uint16_t)(w->pp_ctr.started & ((1u << w->pp_lvl) - 1));
    w->pp_auto = false;
}

static ls_err ox_text_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                            size_t n)
{
    unsigned f = ox_flags(el);
    if (el == OXE_P) w->in_p++;
    if (el == OXE_DEL) w->in_del++;
    if (el == OXE_INS) w->in_ins++;
    if (el == OXE_INS || el == OXE_DEL || el == OXE_MOVEFROM || el == OXE_MOVETO)
        LS_TRY(ox_change_author(w, a, n));
    if (f & OXF_TC) w->in_tc++;
    ox_table_start(w, el, a, n);
    /* a table in a cell: its rows are lines of their own */
    if (el == OXE_TBL && w->in_tc) return ls_textout_line(&w->x->out);
    if (f & OXF_TAB) return ox_sep(w, '\t');
    /* a line break in a cell joins like its paragraphs: the row stays one line */
    if (f & OXF_BR) return ox_sep(w, w->in_tc ? ' ' : '\n');
    if (f & OXF_NBH) return ls_textout_add(&w->x->out, "-", 1);
    if (f & OXF_SPACE) return ox_sep(w, ' ');
    if (f & OXF_ALT) return ox_alt_text(w, a, n);
    if (f & OXF_WHO) return ox_who_text(w, a, n);
    if (f & OXF_LIST) return ox_list_text(w, a, n);
    if (f & OXF_TIP) return ox_tip_text(w, a, n, ' ');
    if (el == OXE_NUMCACHE || el == OXE_DATE1904) ox_chart_start(w, el, a, n);
    if (el == OXE_SYM) return ox_sym(w, a, n);
    if (el == OXE_FRAMEPR) ox_dropcap(w, a, n);
    return LS_OK;
}

static ls_err ox_text_end(struct ox_walk *w, enum ox_el el)
{
    unsigned f = ox_flags(el);
    if (el == OXE_NUMCACHE) {
        w->in_numcache = false;
        w->chart_fmt = 0;
    }
    LS_TRY(ox_table_end(w, el)); /* before in_tc drops: the cell is still open */
    if ((f & OXF_TC) && w->in_tc) w->in_tc--;
    if (el == OXE_DEL && w->in_del) w->in_del--;
    if (el == OXE_INS && w->in_ins) w->in_ins--;
    if (el == OXE_P && w->para_dropcap && w->in_p == 1) {
        /* a drop cap's paragraph holds the first letter(s) of the next:
         * "S" then "imple Test Text" read as one word, not "S\nimple" */
        w->para_dropcap = false;
        return ox_para_end(w);
    }
    if (el == OXE_P) LS_TRY(ox_para_end(w));
    if (el == OXE_TR || (el == OXE_TBL && w->in_tc)) {
        LS_TRY(ls_textout_line(&w->x->out));
        return ox_pend_flush(w);
    }
    if (el == OXE_P && !w->in_p && !w->in_tc) {
        LS_TRY(ox_sep(w, '\n'));
        return ox_pend_flush(w);
    }
    /* a table row is one line (ended above), its cells joined by a tab, a
     * cell's paragraphs by a space: "SSN<TAB>536221874" keeps its context
     * and "555 | 123 | 4567" reads as three numbers, not a phone number */
    if (el == OXE_TC) return ls_textout_cell(&w->x->out);
    if (f & OXF_P) return ox_sep(w, w->in_tc ? ' ' : '\n');
    if (f & OXF_NL) return ox_sep(w, '\n');
    if (f & OXF_TABEND) return ox_sep(w, '\t');
    if (f & OXF_SPACE) return ox_sep(w, ' ');
    return LS_OK;
}

static ls_err ox_text_chars(struct ox_walk *w, struct ls_slice s)
{
    /* Whitespace is content inside text elements (xml:space="preserve"
     * runs), layout noise between elements. Runs of one word glue ("Hun" +
     * "ter2"); text directly in any other element (a comment's anchor
     * <xdr:col>4</xdr:col>, drawing offsets, chart values) is a value of
     * its own, on a line of its own so it never glues to the text before
     * or after it; not set apart by spaces: a chart's cached values
     * 4486, 4486, 4486, 4486 read "4486 4486 4486 4486", a grouped
     * Luhn-valid card number. */
    bool loose = !(ox_flags(w->leaf) & OXF_LEAF);
    if (loose && (w->in_layout || ox_blank(s))) return LS_OK;
    if (w->in_numcache && loose) return ox_chart_chars(w, s);
    if (w->in_tbl == 1 && w->in_tc == 1 && w->tc.cand) {
        ls_err e = ls_buf_add(&w->istr, s.ptr, s.len); /* capped: labels and values are short */
        if (e != LS_OK && e != LS_E_LIMIT) return e;
    }
    if (w->leaf == OXE_DELTEXT || (w->in_del && w->leaf == OXE_T)) {
        w->para_del = true;
        return ox_before_add(w, s); /* deleted: not what the paragraph now says */
    }
    if (w->leaf == OXE_T && w->in_p && !w->in_ins) LS_TRY(ox_before_add(w, s));
    if (!loose && w->run_symbol && w->leaf == OXE_T) return ox_add_symbol(w, s);
    if (!loose) return w->xstring ? ox_add_x(w, s) : ox_add(w, s);
    /* its line ends at the next element boundary (ox_loose_end): libxml2
     * hands one text node on in pieces, at its first letter past ASCII
     * and at each entity reference, and a comment author "Jan Källman"
     * had read "Jan K", a line break, "ällman" (EPPlus's Control.xlsm) */
    if (!w->loose_open) LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ox_add(w, s));
    w->loose_open = true;
    return LS_OK;
}

/* An element opens or closes: a loose value written before it ends its line. */
static ls_err ox_loose_end(struct ox_walk *w)
{
    if (!w->loose_open) return LS_OK;
    w->loose_open = false;
    return ox_sep(w, '\n');
}

/* ------------------------------------------------------------ walker: props */

static ls_err ox_props_start(struct ox_walk *w, const char *local, const struct ls_xml_attr *a,
                             size_t n)
{
    /* app.xml vectors: HLinks is hash, position and flag numbers around
     * each link ("1507389 350 0 5 _Toc354985299 ..."), HeadingPairs
     * counts; the strings are the text, the numbers only digit noise */
    static const char *const nums[] = {"i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4",
                                       "ui8", "uint", "r4", "r8", "decimal", NULL};
    struct ls_slice name;
    w->props_num = w->depth >= 4 && ox_is(local, nums);
    w->props_more = false;
    if (ls_xml_attr_get(a, n, "name", NULL, &name)) { /* custom.xml <property name=...> */
        ox_copy_slice(w->label, sizeof w->label, name);
        w->label_printed = false;
    } else if (w->depth == 2) {
        ox_copy(w->label, sizeof w->label, local);
        w->label_printed = false;
    }
    return LS_OK;
}

static ls_err ox_props_chars(struct ox_walk *w, struct ls_slice s)
{
    if (ox_blank(s) || w->props_num) return LS_OK;
    if (!w->label_printed) {
        LS_TRY(ox_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, w->label[0] ? w->label : "property"));
        LS_TRY(ls_textout_add(&w->x->out, ": ", 2));
        w->label_printed = true;
    } else if (!w->props_more) {
        /* a vector's next string; not a piece of the same text (libxml2
         * hands "Havlíček" on as "Havl" and "íček": it read "Havl íček") */
        LS_TRY(ox_sep(w, ' '));
    }
    w->props_more = true;
    return ox_add(w, s);
}

/* ------------------------------------------------------------ walker: sheets */

/* The text of a shared-string cell (v is the index; not an index: v). */
static struct ls_slice ox_cell_shared(struct ox_walk *w, struct ls_slice v)
{
    struct ox_sst *t = &w->x->sst;
    size_t idx = 0;
    struct ls_slice s;
    if (v.len == 0 || v.len > 12) return v;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch < '0' || ch > '9') return v;
        idx = idx * 10 + (size_t)(ch - '0');
    }
    if (!ox_sst_get(t, idx, &s)) return ls_slice_make(NULL, 0); /* dangling: nothing */
    t->used[idx] = 1;
    return s;
}

/* Column of a cell reference "AB12" (0-based), or false. */
static bool ox_ref_col(struct ls_slice r, uint32_t *col)
{
    uint32_t c = 0;
    size_t i = 0;
    for (; i < r.len && i < 3; i++) {
        int ch = ls_slice_at(r, i) | 0x20;
        if (ch < 'a' || ch > 'z') break;
        c = c * 26 + (uint32_t)(ch - 'a' + 1);
    }
    if (i == 0) return false;
    *col = c - 1;
    return true;
}

/* A number as shown: a date or a digit layout ("000-00-0000") if its
 * style says so, else digits when
 * integral (an SSN typed as a number stays 536221874), else with the 15
 * significant digits Excel shows (a double stored as 4.6300000000000001E-2
 * reads 0.0463, as in the xls path), else as stored.
 * num (64 bytes) holds the rendering; the result may be v itself. */
static struct ls_slice ox_cell_number(struct ox_walk *w, struct ls_slice v, char *num)
{
    size_t n = 0;
    double d;
    struct ox_styles *st = &w->x->st;
    if (w->cstyle != OX_NO_STYLE && w->cstyle < st->nxf && ls_sheet_parse_num(v, &d) &&
        ls_sheet_fmts_show(&st->fmts, st->xf[w->cstyle], d, st->date1904, num, 64))
        return ls_slice_make(num, strlen(num));
    if (ox_render_int(v, num, 64, &n)) return ls_slice_make(num, n);
    if (ls_sheet_parse_num(v, &d) && isfinite(d)) {
        int k = snprintf(num, 64, "%.15g", d);
        /* a fraction rounded away past 1e11 (299810781654207.19 would read
         * 299810781654207, a Luhn-valid "Amex"): written as stored */
        if (k > 0 && k < 64 && !(k >= 12 && strspn(num, "0123456789") == (size_t)k))
            return ls_slice_make(num, (size_t)k);
    }
    return v;
}

static ls_err ox_cell_end(struct ox_walk *w)
{
    struct ls_slice v = ls_buf_slice(&w->cell);
    char num[64];
    bool shared = w->ctype == OXT_S, inl = w->ctype == OXT_INLINE;
    bool text = shared || inl || w->ctype == OXT_STR;
    if (inl) {
        /* its text went out as it came (escapes decoded); the label or value
         * kept for the labeller is decoded here ("5311_x000D_") */
        w->istr.len = ox_xstring(w->istr.ptr, w->istr.len);
        v = ls_buf_slice(&w->istr);
        if (!w->is_seen && w->cell.len) {
            /* LibreOffice 4 writes a formula's string result as
             * t="inlineStr" with a <v> and no <is> (POI's 52575_main.xlsx):
             * the <v> is the text; beside an <is> it is not (Excel) */
            v = ls_buf_slice(&w->cell);
            LS_TRY(ox_add(w, v));
        }
    } else if (shared) {
        v = ox_cell_shared(w, v);
    } else if (w->ctype == OXT_B) {
        v = ls_slice_eq_str(v, "1") ? ls_slice_make("TRUE", 4) : ls_slice_make("FALSE", 5);
    } else if (w->ctype == OXT_NONE || w->ctype == OXT_N) {
        v = ox_cell_number(w, v, num);
    } else if (w->ctype == OXT_D) {
        v = ls_slice_make(num, ls_sheet_iso(v, num, sizeof num));
    } /* else str (formula result: written as it came), e (error): as stored */
    if (!inl && w->ctype != OXT_STR) LS_TRY(ox_add(w, v));
    ls_tc_cell(&w->tc, w->col, v, text); /* the header, then labelled values */
    return ox_sep(w, '\t');
}

/* Sheet header/footer text without its layout codes (ls_sheet_hf_plain). */
static ls_err ox_hf_text(struct ox_walk *w, struct ls_slice s)
{
    struct ls_buf plain;
    ls_buf_init(&plain, s.len + 1);
    ls_err e = ls_sheet_hf_plain(s, &plain);
    if (e == LS_OK) e = ox_add(w, ls_buf_slice(&plain));
    ls_buf_free(&plain);
    return e;
}

/* A cell's <v> or a defined name's formula, kept as it comes (capped at
 * OX_CELL_MAX: both are short). */
static ls_err ox_keep_cell(struct ox_walk *w, struct ls_slice s)
{
    size_t cap = w->ctype == OXT_INLINE ? OX_VSTR_MAX : OX_CELL_MAX;
    size_t room = cap > w->cell.len ? cap - w->cell.len : 0;
    struct ls_slice keep;
    (void)ls_slice_sub(s, 0, s.len < room ? s.len : room, &keep);
    ls_err e = ls_buf_add(&w->cell, keep.ptr, keep.len);
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err ox_sheet_chars(struct ox_walk *w, struct ls_slice s)
{
    if (w->in_v) {
        /* A formula's string result (t="str") is as long as any text
         * (Excel: 32,767 characters; exporters put plain strings there):
         * written as it comes, like an inline string; the value kept for
         * the labeller is capped, as a number's (which is short). An
         * inline-string cell's <v> is kept whole (ox_keep_cell) and
         * written at the cell's end when it had no <is> (ox_cell_end). */
        if (w->ctype == OXT_STR) LS_TRY(ox_add(w, s));
        return ox_keep_cell(w, s);
    }
    if (w->in_dvf) return ox_add(w, s);
    if (w->in_f) {
        ls_err e = ls_buf_add(&w->fbuf, s.ptr, s.len);
        return e == LS_E_LIMIT ? LS_OK : e;
    }
    if (w->in_is) {
        /* only its runs' text: not the line breaks an indenting writer puts
         * between <t> and <r> (readxl's los-angeles-arrests-xlsx.xlsx had
         * read "ARREST BOOKINGS for", a blank line, "01/30/17") */
        if (w->leaf != OXE_T || w->in_rph) return LS_OK;
        if (w->tc.cand) {
            ls_err e = ls_buf_add(&w->istr, s.ptr, s.len); /* capped: labels and values are short */
            if (e != LS_OK && e != LS_E_LIMIT) return e;
        }
        return ox_add_x(w, s);
    }
    if (ox_flags(w->leaf) & OXF_HF) {
        ls_err e = ls_buf_add(&w->hf, s.ptr, s.len);
        return e == LS_E_LIMIT ? LS_OK : e;
    }
    return LS_OK; /* formulas and layout */
}

/* A data validation (ECMA-376 Part 1, 18.3.1.32): the message a cell shows
 * when selected and the one shown on a wrong entry (promptTitle, prompt,
 * errorTitle, error), then its formulas: a list validation's entries are
 * formula1 ("\"Approved,536-22-8714\"", or x14:formula1 > xm:f), none of
 * them in any cell. One "validation: ..." line each. */
static ls_err ox_validation_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                                  size_t n)
{
    static const char *const msgs[] = {"promptTitle", "prompt", "errorTitle", "error", NULL};
    if (el != OXE_DATAVALIDATION) {
        w->in_dvf = true;
        LS_TRY(ox_sep(w, '\n'));
        return ls_textout_addz(&w->x->out, "validation: ");
    }
    for (size_t i = 0; i < n; i++) {
        if (!ox_is(a[i].local, msgs) || ox_blank(a[i].value)) continue;
        LS_TRY(ox_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, "validation message: "));
        LS_TRY(ox_add(w, a[i].value));
        LS_TRY(ox_sep(w, '\n'));
    }
    return LS_OK;
}

/* A what-if scenario (18.3.1.76 scenario, 18.3.1.44 inputCells): its name,
 * author and comment, and the values it puts into cells, which no cell
 * holds until the scenario is shown (LibreOffice's tdf97598_scenarios.xlsx).
 * One "scenario...: " line each. */
static ls_err ox_scenario(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a, size_t n)
{
    static const struct {
        const char *attr, *label;
    } scen[] = {{"name", "scenario: "}, {"user", "scenario by: "}, {"comment", "scenario comment: "}},
      cell[] = {{"val", "scenario value: "}};
    size_t k = el == OXE_SCENARIO ? sizeof scen / sizeof scen[0] : 1;
    for (size_t i = 0; i < k; i++) {
        struct ls_slice t;
        const char *attr = el == OXE_SCENARIO ? scen[i].attr : cell[i].attr;
        if (!ls_xml_attr_get(a, n, attr, NULL, &t) || ox_blank(t)) continue;
        LS_TRY(ox_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, el == OXE_SCENARIO ? scen[i].label : cell[i].label));
        LS_TRY(ox_add(w, t));
        LS_TRY(ox_sep(w, '\n'));
    }
    return LS_OK;
}

static ls_err ox_sheet_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                             size_t n)
{
    struct ls_slice t;
    if (el == OXE_DATAVALIDATION || el == OXE_FORMULA1 || el == OXE_FORMULA2)
        return ox_validation_start(w, el, a, n);
    if (el == OXE_HYPERLINK) return ox_tip_text(w, a, n, '\n');
    if (el == OXE_F) {
        w->in_f = true;
        ls_buf_reset(&w->fbuf);
        return LS_OK;
    }
    if (el == OXE_SCENARIO || el == OXE_INPUTCELLS) return ox_scenario(w, el, a, n);
    if ((el == OXE_FILTER || el == OXE_CUSTOMFILTER) && ls_xml_attr_get(a, n, "val", NULL, &t) && !ox_blank(t)) {
        LS_TRY(ox_sep(w, '\n')); /* an autofilter's criterion: what the rows hidden by it were matched on */
        LS_TRY(ls_textout_addz(&w->x->out, "filter: "));
        LS_TRY(ox_add(w, t));
        return ox_sep(w, '\n');
    }
    if (el == OXE_C) {
        ls_buf_reset(&w->cell);
        ls_buf_reset(&w->istr);
        w->ctype = OXT_NONE;
        w->cstyle = OX_NO_STYLE;
        w->is_seen = false;
        if (ls_xml_attr_get(a, n, "t", NULL, &t)) w->ctype = ox_ctype_of(t);
        if (ls_xml_attr_get(a, n, "s", NULL, &t) && !ox_u32(t, &w->cstyle)) w->cstyle = OX_NO_STYLE;
        if (!ls_xml_attr_get(a, n, "r", NULL, &t) || !ox_ref_col(t, &w->col)) w->col = w->next_col;
        w->next_col = w->col + 1;
    } else if (el == OXE_ROW) {
        w->next_col = 0;
    } else if (el == OXE_V) {
        w->in_v = true;
    } else if (el == OXE_IS) {
        w->in_is = w->is_seen = true;
    } else if (el == OXE_RPH && w->in_is) {
        w->in_rph++; /* phonetic reading: not the text */
    }
    return LS_OK;
}

static ls_err ox_sheet_end(struct ox_walk *w, enum ox_el el)
{
    if (el == OXE_V) w->in_v = false;
    if (el == OXE_IS) w->in_is = false, w->in_rph = 0;
    if (el == OXE_RPH && w->in_rph) w->in_rph--;
    if (el == OXE_FORMULA1 || el == OXE_FORMULA2) {
        w->in_dvf = false;
        return ox_sep(w, '\n');
    }
    if (el == OXE_F && w->in_f) {
        w->in_f = false;
        return ls_sheet_fstrs_add(&w->fs, ls_buf_slice(&w->fbuf));
    }
    if (el == OXE_C) return ox_cell_end(w);
    if (el == OXE_ROW) {
        LS_TRY(ls_tc_row_end(&w->tc, w->x->c, w->x->o));
        return ox_sep(w, '\n');
    }
    if (ox_flags(el) & OXF_HF) {
        LS_TRY(ox_sep(w, '\n'));
        if (w->hf.len) w->hf.len = ox_xstring(w->hf.ptr, w->hf.len);
        LS_TRY(ox_hf_text(w, ls_buf_slice(&w->hf)));
        ls_buf_reset(&w->hf);
        return ox_sep(w, '\n');
    }
    return LS_OK;
}

/* ------------------------------------------------------------ walker: sst, workbook, rels */

static ls_err ox_sst_start(struct ox_walk *w, enum ox_el el)
{
    if (el == OXE_SI) w->in_si = true;
    if (el == OXE_RPH) w->in_rph++; /* phonetic reading: not the text */
    return LS_OK;
}

static ls_err ox_sst_end(struct ox_walk *w, enum ox_el el)
{
    if (el == OXE_RPH && w->in_rph) w->in_rph--;
    if (el != OXE_SI || !w->in_si) return LS_OK;
    w->in_si = false;
    struct ox_sst *t = &w->x->sst;
    size_t start = t->n ? t->off[t->n] : 0;
    if (start < t->text.len)
        t->text.len = start + ox_xstring(t->text.ptr + start, t->text.len - start);
    return ox_sst_push(t);
}

static ls_err ox_sst_chars(struct ox_walk *w, struct ls_slice s)
{
    if (!w->in_si || w->in_rph || w->leaf != OXE_T) return LS_OK;
    return ls_buf_add(&w->x->sst.text, s.ptr, s.len);
}

/* "defined name NAME: FORMULA": a named constant (Excel's web export keeps
 * HTML_Email so) or the range a name points at (a sheet since deleted). */
static ls_err ox_defined_name_end(struct ox_walk *w)
{
    bool keep = w->in_v && w->cell.len;
    w->in_v = false;
    if (!keep) return LS_OK;
    LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ls_textout_addz(&w->x->out, "defined name "));
    LS_TRY(ls_textout_addz(&w->x->out, w->label));
    LS_TRY(ls_textout_add(&w->x->out, ": ", 2));
    LS_TRY(ox_add(w, ls_buf_slice(&w->cell)));
    return ox_sep(w, '\n');
}

static ls_err ox_workbook_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                                size_t n)
{
    struct ls_slice name;
    if (el == OXE_WORKBOOKPR && ls_xml_attr_get(a, n, "date1904", NULL, &name))
        w->x->st.date1904 = ls_slice_eq_str(name, "1") || ls_slice_eq_str(name, "true");
    if (el == OXE_FILESHARING && ls_xml_attr_get(a, n, "userName", NULL, &name) && name.len) {
        LS_TRY(ox_sep(w, '\n')); /* who reserved the workbook for writing */
        LS_TRY(ls_textout_addz(&w->x->out, "reserved by: "));
        LS_TRY(ox_add(w, name));
        return ox_sep(w, '\n');
    }
    if (el == OXE_DEFINEDNAME) { /* its formula is the element's text */
        w->label[0] = 0;
        w->in_v = ls_xml_attr_get(a, n, "name", NULL, &name) && name.len &&
                  !(name.len > 6 && memcmp(name.ptr, "_xlnm.", 6) == 0); /* built-ins: print areas */
        if (w->in_v) ox_copy_slice(w->label, sizeof w->label, name);
        ls_buf_reset(&w->cell);
        return LS_OK;
    }
    if (el != OXE_SHEET || !ls_xml_attr_get(a, n, "name", NULL, &name)) return LS_OK;
    LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ls_textout_addz(&w->x->out, "sheet: "));
    LS_TRY(ox_add(w, name));
    return ox_sep(w, '\n');
}

static void ox_note_link(struct ox_walk *w, struct ls_slice type, struct ls_slice target)
{
    struct ox *x = w->x;
    if (x->links_noted++ >= OX_NOTE_LINKS) return;
    char t[OX_LABEL_MAX], g[160];
    bool remote = ls_link_is_remote(target);
    size_t cut = type.len; /* the type's last path segment: "attachedTemplate" */
    while (cut > 0 && ls_slice_at(type, cut - 1) != '/') cut--;
    struct ls_slice tail;
    (void)ls_slice_from(type, cut, &tail);
    ox_copy_slice(t, sizeof t, tail);
    ox_copy_slice(g, sizeof g, target);
    ls_note(x->c, x->o, remote ? LS_A_EXTERNAL_LINK : NULL,
            remote ? "ooxml: external %s relationship to %s"
                   : "ooxml: external %s relationship to local path %s (not fetched, no alert)",
            t, g);
}

static ls_err ox_rels_text(struct ox_walk *w, struct ls_slice target);
static void ox_rels_macro(struct ox_walk *w, struct ls_slice type, struct ls_slice target);

static ls_err ox_rels_start(struct ox_walk *w, enum ox_el el, const struct ls_xml_attr *a,
                            size_t n)
{
    struct ls_slice mode, type = {NULL, 0}, target = {NULL, 0};
    if (el != OXE_RELATIONSHIP) return LS_OK;
    (void)ls_xml_attr_get(a, n, "Type", NULL, &type);
    (void)ls_xml_attr_get(a, n, "Target", NULL, &target);
    ox_rels_macro(w, type, target);
    if (!ls_xml_attr_get(a, n, "TargetMode", NULL, &mode) || !ls_slice_eq_str(mode, "External"))
        return LS_OK;
    char tail[16];
    size_t from = type.len > 10 ? type.len - 10 : 0;
    struct ls_slice end;
    (void)ls_slice_from(type, from, &end);
    ox_copy_slice(tail, sizeof tail, end);
    if (strcmp(tail, "/hyperlink") != 0) ox_note_link(w, type, target);
    return ox_rels_text(w, target);
}

/* A VBA project is found by its relationship type too, whatever its name. */
static void ox_rels_macro(struct ox_walk *w, struct ls_slice type, struct ls_slice target)
{
    struct ls_slice end;
    char tail[16], t[128];
    (void)ls_slice_from(type, type.len > 11 ? type.len - 11 : 0, &end);
    ox_copy_slice(tail, sizeof tail, end);
    if (strcmp(tail, "/vbaProject") != 0 || w->x->macro_noted) return;
    w->x->macro_noted = true;
    ox_copy_slice(t, sizeof t, target);
    ls_note(w->x->c, w->x->o, LS_A_MACRO, "ooxml: VBA project relationship to %s", t);
}

static ls_err ox_rels_text(struct ox_walk *w, struct ls_slice target)
{
    LS_TRY(ox_sep(w, '\n'));
    LS_TRY(ox_add(w, target));
    return ox_sep(w, '\n');
}

/* ------------------------------------------------------------ walker: dispatch */

/* VML is HTML-ish (names folded, prefixes gone): a comment box's formatting
 * elements hold runs of one text and glue like <w:t>, div/p end a line;
 * anything else (a comment's <x:Anchor>, <x:Row>) holds a value of its own. */
static enum ox_el ox_vml_el(const char *local)
{
    static const char *const runs[] = {"font", "b", "i", "u", "s", "span", "strike", "sub",
                                       "sup", "a", "em", "strong", NULL};
    if (strcmp(local, "div") == 0 || strcmp(local, "p") == 0) return OXE_P;
    if (strcmp(local, "br") == 0) return OXE_BR;
    return ox_is(local, runs) ? OXE_T : OXE_OTHER;
}

/* A WordprocessingML run whose font is Symbol (<w:r><w:rPr><w:rFonts
 * w:ascii="Symbol" .../>): its characters are the font's glyphs, Greek
 * letters and signs, typed as ASCII or as the private copies F020-F0FF. */
static void ox_run_font(struct ox_walk *w, const char *local, const struct ls_xml_attr *a,
                        size_t n)
{
    struct ls_slice f;
    if (strcmp(local, "r") == 0) {
        w->run_symbol = false;
    } else if (strcmp(local, "rFonts") == 0) {
        w->run_symbol = (ls_xml_attr_get(a, n, "ascii", NULL, &f) ||
                         ls_xml_attr_get(a, n, "hAnsi", NULL, &f)) &&
                        f.len == 6 && strncasecmp((const char *)f.ptr, "Symbol", 6) == 0;
    }
}

/* Elements whose text is where a drawing sits, never what it says: a
 * spreadsheet drawing's anchor (<xdr:from><xdr:col>0</xdr:col><xdr:colOff>
 * 38100</xdr:colOff>...), a VML comment box's client data (<x:Anchor>
 * 6, 15, 41, 14, 7, 42, 44, 21</x:Anchor>, <x:AutoFill>False</x:AutoFill>,
 * <x:Row>). Left out: lines of digit noise beside the text (NPOI's
 * Issue1252.xlsx: 54 such lines around 14 of text). */
static bool ox_layout_el(bool vml, const char *local, const char *ns)
{
    static const char *const xdr[] = {"col", "colOff", "row", "rowOff", NULL};
    static const char *const client[] = {"anchor", "row", "column", "autofill", "autoline",
                                         "movewithcells", "sizewithcells", "locked",
                                         "locktext", "defaultsize", "printobject", "visible",
                                         "disabled", "texthalign", "textvalign", "autoscale",
                                         "colhidden", "rowhidden", NULL};
    if (vml) return ox_is(local, client);
    /* the names first: the namespaces share their first 49 bytes with
     * DrawingML's own, and this runs for every element of a text part */
    return (local[0] == 'c' || local[0] == 'r') && ox_is(local, xdr) && ns &&
           (strcmp(ns, "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing") == 0 ||
            strcmp(ns, "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing") == 0);
}

static ls_err ox_cb_start(void *ud, const char *local, const char *ns,
                          const struct ls_xml_attr *a, size_t n)
{
    struct ox_walk *w = ud;
    (void)ns;
    LS_TRY(ox_loose_end(w));
    enum ox_el el = w->vml ? ox_vml_el(local) : ox_el_of(local);
    /* text parts only: a sheet's million cells pay nothing */
    w->in_layout = w->kind == OX_TEXT && ox_layout_el(w->vml, local, ns);
    if (w->kind == OX_TEXT && !w->vml) ox_run_font(w, local, a, n);
    w->depth++;
    if (w->depth < sizeof w->els) w->els[w->depth] = (uint8_t)el;
    w->leaf = el;
    if (w->wl_on) ox_wl_para(w, el, local, a, n);
    if (w->pp_on) ox_pp_para(w, el, local, a, n);
    if (w->pp_on && w->in_p && !w->pp_done && !w->in_ppr &&
        (strcmp(local, "r") == 0 || strcmp(local, "fld") == 0))
        LS_TRY(ox_pp_label(w)); /* a paragraph without a:pPr: its inherited number */
    switch (w->kind) {
    case OX_TEXT: return ox_text_start(w, el, a, n);
    case OX_PROPS: return ox_props_start(w, local, a, n);
    case OX_SHEET: return ox_sheet_start(w, el, a, n);
    case OX_SST: return ox_sst_start(w, el);
    case OX_WORKBOOK: return ox_workbook_start(w, el, a, n);
    case OX_RELS: return ox_rels_start(w, el, a, n);
    case OX_STYLES: return ox_styles_start(w, el, a, n);
    case OX_WNUM: return ox_wnum_start(w, local, a, n);
    case OX_WSTYLES: return ox_wsty_start(w, local, a, n);
    default: return LS_OK;
    }
}

static ls_err ox_cb_end(void *ud, const char *local, const char *ns)
{
    struct ox_walk *w = ud;
    (void)local; /* the element opened last: its id is on the stack */
    (void)ns;
    LS_TRY(ox_loose_end(w));
    enum ox_el el = w->depth && w->depth < sizeof w->els ? (enum ox_el)w->els[w->depth] : OXE_OTHER;
    if (w->kind == OX_TEXT && w->in_ppr && el == OXE_PPR && w->depth == w->in_ppr)
        LS_TRY(w->pp_on ? ox_pp_label(w) : ox_wl_label(w)); /* before the paragraph's first run */
    if (w->pp_on && el == OXE_P) ox_pp_end(w);
    if (w->pp_on && w->depth == w->pp_sp) {
        w->pp_sp = 0;
        w->pp_body = false;
    }
    if (el == OXE_PPRCHANGE) w->in_pprchange = false;
    if (w->depth) w->depth--;
    w->leaf = OXE_OTHER;
    w->in_layout = false;
    switch (w->kind) {
    case OX_TEXT: return ox_text_end(w, el);
    case OX_PROPS:
        w->props_num = false;
        w->props_more = false;
        return w->depth <= 1 ? ox_sep(w, '\n') : LS_OK;
    case OX_SHEET: return ox_sheet_end(w, el);
    case OX_SST: return ox_sst_end(w, el);
    case OX_STYLES: return ox_styles_end(w, el);
    case OX_WORKBOOK: return el == OXE_DEFINEDNAME ? ox_defined_name_end(w) : LS_OK;
    default: return LS_OK;
    }
}

static ls_err ox_cb_text(void *ud, struct ls_slice s)
{
    struct ox_walk *w = ud;
    switch (w->kind) {
    case OX_TEXT: return ox_text_chars(w, s);
    case OX_PROPS: return ox_props_chars(w, s);
    case OX_SHEET: return ox_sheet_chars(w, s);
    case OX_SST: return ox_sst_chars(w, s);
    case OX_WORKBOOK: return w->in_v ? ox_keep_cell(w, s) : LS_OK;
    default: return LS_OK;
    }
}

static const struct ls_xml_sax ox_sax = {ox_cb_start, ox_cb_end, ox_cb_text};

/* ------------------------------------------------------------ members */

static void ox_partial(struct ox *x, ls_err e)
{
    if (x->result == LS_OK) x->result = e;
}

/* Record a member read/parse problem and keep going with the others. */
static void ox_member_error(struct ox *x, const char *name, ls_err e, const char *what)
{
    ls_docpart_member_error(x->c, x->o, &x->result, "ooxml", name, e, what);
}

/* Read member i into x->part (ls_docpart_read). */
static bool ox_read(struct ox *x, size_t i, const char *name, ls_err *err)
{
    return ls_docpart_read(x->c, x->o, &x->result, "ooxml", x->z, i, name, &x->part, err);
}

/* A sheet's formula string constants after its cells, "formula text: X"
 * a line each (sheetfmt.h, ls_sheet_fstrs): not in the rows, where a
 * constant such as "-" would sit between two numbers. */
static ls_err ox_formula_text(struct ox_walk *w)
{
    struct ls_slice one;
    for (size_t pos = 0; ls_sheet_fstrs_next(&w->fs, &pos, &one);) {
        LS_TRY(ox_sep(w, '\n'));
        LS_TRY(ls_textout_addz(&w->x->out, "formula text: "));
        LS_TRY(ox_add(w, one));
        LS_TRY(ox_sep(w, '\n'));
    }
    return LS_OK;
}

/* ------------------------------------------------------------ PowerPoint's layouts */

static bool ox_find(const struct ox *x, const char *name, size_t *i);

/* Reading a layout or master for the numbering its slides inherit. */
struct ox_pprd {
    struct ox_ppinh *pp;
    bool master;
    unsigned depth, sp_depth, lst_depth, lvl_depth;
    struct ox_ppbu *bu; /* the style being read: a placeholder's or the bodyStyle */
    struct ox_ppbu *ph; /* the current shape's, when a body placeholder */
    int lvl;
    /* relationships: the target of the first of this type */
    const char *rel_type;
    char target[OX_PP_NAME];
};

static ls_err ox_pprd_start(void *ud, const char *local, const char *ns,
                            const struct ls_xml_attr *a, size_t n)
{
    struct ox_pprd *r = ud;
    (void)ns;
    r->depth++;
    if (strcmp(local, "sp") == 0) {
        r->sp_depth = r->depth;
        r->ph = NULL;
    } else if (strcmp(local, "ph") == 0 && r->sp_depth) {
        uint32_t idx;
        if (!ox_pp_ph(a, n, &idx)) return LS_OK;
        if (r->master) {
            r->ph = &r->pp->master_ph;
        } else if (r->pp->nph < OX_PP_PH_MAX) {
            r->pp->ph[r->pp->nph].idx = idx;
            r->ph = &r->pp->ph[r->pp->nph++].bu;
        }
    } else if (strcmp(local, "lstStyle") == 0 && r->ph && !r->lst_depth) {
        r->lst_depth = r->depth;
        r->bu = r->ph;
    } else if (strcmp(local, "bodyStyle") == 0 && r->master && !r->lst_depth) {
        r->lst_depth = r->depth;
        r->bu = &r->pp->body;
    } else if (r->lst_depth && r->depth == r->lst_depth + 1 && ox_pp_lvl_el(local) >= 0) {
        r->lvl = ox_pp_lvl_el(local);
        r->lvl_depth = r->depth;
    } else if (r->lvl_depth && r->bu && r->lvl >= 0) {
        unsigned k = (unsigned)r->lvl;
        if (strcmp(local, "buAutoNum") == 0) {
            r->bu->st[k] = 1;
            ox_pp_scheme_lv(a, n, k, &r->bu->lv[k]);
        } else if (strcmp(local, "buNone") == 0 || strcmp(local, "buChar") == 0 ||
                   strcmp(local, "buBlip") == 0) {
            r->bu->st[k] = 2;
        }
    }
    return LS_OK;
}

static ls_err ox_pprd_end(void *ud, const char *local, const char *ns)
{
    struct ox_pprd *r = ud;
    (void)local;
    (void)ns;
    if (r->depth == r->lvl_depth) {
        r->lvl_depth = 0;
        r->lvl = -1;
    }
    if (r->depth == r->lst_depth) {
        r->lst_depth = 0;
        r->bu = NULL;
    }
    if (r->depth == r->sp_depth) {
        r->sp_depth = 0;
        r->ph = NULL;
    }
    if (r->depth) r->depth--;
    return LS_OK;
}

static ls_err ox_pprel_start(void *ud, const char *local, const char *ns,
                             const struct ls_xml_attr *a, size_t n)
{
    struct ox_pprd *r = ud;
    struct ls_slice type, target;
    (void)ns;
    if (r->target[0] || strcmp(local, "Relationship") != 0 ||
        !ls_xml_attr_get(a, n, "Type", NULL, &type) ||
        !ls_xml_attr_get(a, n, "Target", NULL, &target))
        return LS_OK;
    size_t m = strlen(r->rel_type);
    if (type.len >= m && memcmp(type.ptr + type.len - m, r->rel_type, m) == 0 &&
        target.len < sizeof r->target && !memchr(target.ptr, 0, target.len))
        ox_copy_slice(r->target, sizeof r->target, target);
    return LS_OK;
}

/* Read the member name into x->aux and walk it with sax; false when it is
 * absent or unreadable (nothing said: it is read and judged in its turn). */
static bool ox_pp_walk(struct ox *x, const char *name, const struct ls_xml_sax *sax,
                       struct ox_pprd *r)
{
    size_t i, max = ls_docpart_max(x->c);
    if (!x->pp || x->pp->read >= OX_PP_READ_MAX || !ox_find(x, name, &i)) return false;
    if (max > OX_PP_PART_MAX) max = OX_PP_PART_MAX;
    ls_buf_reset(&x->aux);
    ls_err e = ls_zip_read(x->z, i, max, &x->aux);
    x->pp->read += x->aux.len;
    if (e != LS_OK) return false; /* cut or damaged: inherit nothing from it */
    e = ls_markup_xml_walk(x->c, x->o, ls_buf_slice(&x->aux), sax, r);
    return e != LS_E_NOMEM && e != LS_E_TIMEOUT;
}

/* The part a relationship of type (".../slideLayout") of part from names,
 * resolved against part's folder ("../slideLayouts/slideLayout2.xml"). */
static bool ox_pp_rel(struct ox *x, const char *part, const char *type, char *out, size_t cap)
{
    static const struct ls_xml_sax sax = {ox_pprel_start, NULL, NULL};
    const char *base = ox_base(part);
    size_t dir = (size_t)(base - part); /* with its '/' */
    char rels[2 * OX_PP_NAME];
    if (dir + strlen(base) + 16 > sizeof rels) return false;
    snprintf(rels, sizeof rels, "%.*s_rels/%s.rels", (int)dir, part, base);
    struct ox_pprd r = {.rel_type = type};
    if (!ox_pp_walk(x, rels, &sax, &r) || !r.target[0]) return false;
    const char *t = r.target;
    if (t[0] == '/') { /* from the package root */
        ox_copy(out, cap, t + 1);
        return out[0] != 0;
    }
    while (strncmp(t, "../", 3) == 0 && dir > 0) { /* up one folder */
        t += 3;
        size_t k = dir - 1;
        while (k > 0 && part[k - 1] != '/') k--;
        dir = k;
    }
    if (dir + strlen(t) + 1 > cap) return false;
    snprintf(out, cap, "%.*s%s", (int)dir, part, t);
    return true;
}

/* The layout and master of slide part name, read when they differ from the
 * last slide's. Nothing found leaves nothing inherited. */
static ls_err ox_pp_prepare(struct ox *x, const char *name)
{
    static const struct ls_xml_sax sax = {ox_pprd_start, ox_pprd_end, NULL};
    char layout[OX_PP_NAME], master[OX_PP_NAME];
    if (!x->pp && !(x->pp = calloc(1, sizeof *x->pp))) return LS_E_NOMEM;
    struct ox_ppinh *pp = x->pp;
    if (!ox_pp_rel(x, name, "/slideLayout", layout, sizeof layout)) layout[0] = 0;
    if (strcmp(layout, pp->layout) == 0 && (layout[0] || !pp->master[0])) return LS_OK;
    memcpy(pp->layout, layout, sizeof layout);
    pp->nph = 0;
    if (layout[0]) {
        struct ox_pprd r = {.pp = pp, .lvl = -1};
        (void)ox_pp_walk(x, layout, &sax, &r);
    }
    if (!layout[0] || !ox_pp_rel(x, layout, "/slideMaster", master, sizeof master))
        master[0] = 0;
    if (strcmp(master, pp->master) == 0) return LS_OK;
    memcpy(pp->master, master, sizeof master);
    memset(&pp->body, 0, sizeof pp->body);
    memset(&pp->master_ph, 0, sizeof pp->master_ph);
    if (master[0]) {
        struct ox_pprd r = {.pp = pp, .master = true, .lvl = -1};
        (void)ox_pp_walk(x, master, &sax, &r);
    }
    return LS_OK;
}

static ls_err ox_walk_part(struct ox *x, const char *name, enum ox_kind kind)
{
    struct ox_walk w;
    memset(&w, 0, sizeof w);
    w.x = x;
    w.kind = kind;
    w.vml = ox_ends(name, ".vml");
    w.xstring = kind == OX_TEXT && strncmp(name, "xl/comments", 11) == 0;
    w.p_num = w.p_ilvl = w.wl_abs = w.wl_num = w.wl_sty = w.wl_lvl = -1;
    w.pp_on = kind == OX_TEXT && !w.vml &&
              (ox_starts(name, "ppt/slides/") || ox_starts(name, "ppt/notesSlides/"));
    w.wl_on = kind == OX_TEXT && x->wl.nnum && !w.vml && ox_starts(name, "word/") &&
              !ox_starts(name, "word/glossary/");
    w.pp_idx = UINT32_MAX;
    w.pp_inh = w.pp_on && ox_starts(name, "ppt/slides/");
    if (w.pp_inh) {
        ls_err pe = ox_pp_prepare(x, name);
        if (pe != LS_OK) return pe;
    }
    ls_buf_init(&w.cell, OX_VSTR_MAX + 1);
    ls_buf_init(&w.hf, 4096);
    ls_buf_init(&w.istr, LS_TC_MAX_LABEL + 1); /* >= LS_TC_MAX_VALUE + 1 */
    ls_buf_init(&w.fbuf, OX_FORMULA_MAX);
    ls_buf_init(&w.before, OX_BEFORE_MAX);
    ls_buf_init(&w.pend, 4 * OX_BEFORE_MAX);
    ls_sheet_fstrs_init(&w.fs);
    /* A text part's tables are few (a slide layout, a header part has
     * none): its table context (two 12 KiB arrays) is made at its first
     * table; until then tc stays zeroed, which every ls_tc_* call takes
     * (and which table cells, the only readers in a text part, never see). */
    if (kind == OX_SHEET && ls_tc_init(&w.tc) != LS_OK) memset(&w.tc, 0, sizeof w.tc);
    w.tc_lazy = kind == OX_TEXT;
    /* VML drawings (legacy comments, text boxes, form controls) are HTML-ish
     * even in files Office writes ("<br>" left open): parsed leniently,
     * their text kept, their damage no reason for partial coverage. */
    ls_err e = w.vml ? ls_markup_soup_walk(x->c, x->o, ls_buf_slice(&x->part), &ox_sax, &w)
                   : ls_markup_xml_walk(x->c, x->o, ls_buf_slice(&x->part), &ox_sax, &w);
    if (e != LS_E_NOMEM && e != LS_E_TIMEOUT) {
        ls_err f = ox_formula_text(&w);
        if (f == LS_OK) f = ox_pend_flush(&w); /* a part cut inside a paragraph */
        if (e == LS_OK || f == LS_E_NOMEM) e = f;
    }
    ls_buf_free(&w.before);
    ls_buf_free(&w.pend);
    ls_buf_free(&w.cell);
    ls_buf_free(&w.hf);
    ls_buf_free(&w.istr);
    ls_buf_free(&w.fbuf);
    ls_sheet_fstrs_free(&w.fs);
    ls_tc_free(&w.tc);
    if (e == LS_E_CORRUPT) {
        ox_member_error(x, name, e, "XML not well-formed");
        e = LS_OK;
    }
    if (e == LS_E_LIMIT && x->out.err == LS_E_LIMIT) e = LS_OK; /* text full: children go on */
    if (kind != OX_SST && kind != OX_RELS && kind != OX_STYLES && kind != OX_WNUM &&
        kind != OX_WSTYLES)
        (void)ls_textout_sep(&x->out, '\n');
    return e;
}

static ls_err ox_child(struct ox *x, const char *name, ls_err rd)
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
        ox_partial(x, e);
        return e == LS_E_TIMEOUT ? e : LS_OK;
    }
    return e;
}


/* The part [Content_Types].xml says name is (x->ct): 'w' workbook, 's'
 * styles, 'S' shared strings, 'h' worksheet; 0 when it says none. */
static int ox_ct_kind(const struct ox *x, const char *name)
{
    const char *p = (const char *)x->ct.ptr, *end = p ? p + x->ct.len : NULL;
    while (p && p < end) {
        size_t n = strlen(p);
        if (n > 2 && strcasecmp(p + 2, name) == 0) return p[0];
        p += n + 1;
    }
    return 0;
}

/* The member [Content_Types].xml names as part k (the first), if any. */
static bool ox_ct_find(const struct ox *x, int k, size_t *i)
{
    const char *p = (const char *)x->ct.ptr, *end = p ? p + x->ct.len : NULL;
    while (p && p < end) {
        size_t n = strlen(p);
        if (n > 2 && p[0] == k && ox_find(x, p + 2, i)) return true;
        p += n + 1;
    }
    return false;
}

static ls_err ox_ct_start(void *ud, const char *local, const char *ns,
                          const struct ls_xml_attr *a, size_t n)
{
    struct ox *x = ud;
    (void)ns;
    struct ls_slice part, type;
    if (strcmp(local, "Override") != 0 || !ls_xml_attr_get(a, n, "PartName", NULL, &part) ||
        !ls_xml_attr_get(a, n, "ContentType", NULL, &type))
        return LS_OK;
    static const struct {
        const char *suffix;
        char k;
    } kinds[] = {{".main+xml", 'w'},          {".worksheet+xml", 'h'},
                 {".styles+xml", 's'},        {".sharedStrings+xml", 'S'}};
    char t[160];
    ox_copy_slice(t, sizeof t, type);
    if (!strstr(t, "spreadsheetml") && !strstr(t, "ms-excel")) return LS_OK;
    while (part.len && part.ptr[0] == '/') part = ls_slice_make(part.ptr + 1, part.len - 1);
    if (part.len == 0 || part.len > 512 || memchr(part.ptr, 0, part.len)) return LS_OK;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (!ox_ends(t, kinds[k].suffix)) continue;
        char pre[2] = {kinds[k].k, '/'};
        LS_TRY(ls_buf_add(&x->ct, pre, 2));
        LS_TRY(ls_buf_add(&x->ct, part.ptr, part.len));
        return ls_buf_addc(&x->ct, 0);
    }
    return LS_OK;
}

/* A workbook without xl/workbook.xml (nor an .xlsb's, nor a Word or
 * PowerPoint main part): its parts by content type. A damaged or missing [Content_Types].xml leaves x->ct empty. */
static ls_err ox_load_ct(struct ox *x)
{
    size_t i;
    if (ox_find(x, "xl/workbook.xml", &i) || ox_find(x, "xl/workbook.bin", &i) ||
        ox_find(x, "word/document.xml", &i) || ox_find(x, "ppt/presentation.xml", &i) ||
        !ox_find(x, "[Content_Types].xml", &i))
        return LS_OK;
    ls_buf_reset(&x->part);
    ls_err rd = ls_zip_read(x->z, i, ls_docpart_max(x->c), &x->part);
    if (rd == LS_E_NOMEM || rd == LS_E_TIMEOUT) return rd;
    if (rd != LS_OK) return LS_OK;
    static const struct ls_xml_sax sax = {ox_ct_start, NULL, NULL};
    ls_err e = ls_markup_xml_walk(x->c, x->o, ls_buf_slice(&x->part), &sax, x);
    if (e == LS_E_NOMEM || e == LS_E_TIMEOUT) return e;
    if (e == LS_E_LIMIT) ls_buf_reset(&x->ct); /* a hostile list: the usual names */
    return LS_OK;
}

/* What to do with a member, OX_SKIP for nothing; notes macros. */
static enum ox_kind ox_plan(struct ox *x, const char *name)
{
    enum ox_kind kind = name ? ox_classify(name) : OX_SKIP;
    if (name && x->ct.len && (kind == OX_TEXT || kind == OX_SKIP)) {
        switch (ox_ct_kind(x, name)) {
        case 'w': kind = OX_WORKBOOK; break;
        case 'h': kind = OX_SHEET; break;
        case 'S': kind = OX_SST; break;
        case 's': kind = OX_SKIP; break; /* read first (ox_load_styles) */
        default: break;
        }
    }
    if (kind == OX_SKIP) return kind;
    bool xlm = ox_starts(name, "xl/macrosheets/");
    if ((kind == OX_VBA || xlm) && !x->macro_noted) {
        x->macro_noted = true;
        ls_note(x->c, x->o, LS_A_MACRO, "ooxml: %s %.200s",
                xlm ? "Excel 4.0 macro sheet" : "VBA project", name);
    }
    bool child = kind == OX_CHILD || kind == OX_VBA;
    if (child && x->stop_children) return OX_SKIP;
    if (!child && x->out.err != LS_OK) return OX_SKIP;
    return kind;
}

/* x->part holds the member (rd: how reading it went). */
static ls_err ox_process(struct ox *x, const char *name, enum ox_kind kind, ls_err rd)
{
    if (kind == OX_CHILD || kind == OX_VBA) return ox_child(x, name, rd);
    /* a package zipped again by macOS Finder: __MACOSX/xl/._sheet1.xml is
     * the resource fork of a part, no XML (xlsx2csv's test_escape.xlsx had
     * said parse_error): a member as ODF's are */
    if (ls_docpart_appledouble(ls_buf_slice(&x->part))) return x->stop_children ? LS_OK : ox_child(x, name, rd);
    return ox_walk_part(x, name, kind);
}

/* A BIFF12 part of an .xlsb in x->part (ooxml_xlsb.h): damage is said and
 * keeps what was read, like a part that is not well-formed XML. */
static ls_err ox_xlsb_run(struct ox *x, const char *name, enum ox_xlsb_part xk)
{
    if (x->out.err != LS_OK) return LS_OK;
    if (!x->xb && !(x->xb = ox_xlsb_new(x->c, x->o, &x->out))) return LS_E_NOMEM;
    ls_err e = ox_xlsb_part(x->xb, xk, ls_buf_slice(&x->part));
    if (e == LS_E_CORRUPT || e == LS_E_TRUNCATED) {
        ox_member_error(x, name, e, "BIFF12 records damaged");
        return LS_OK;
    }
    return e == LS_E_LIMIT ? LS_OK : e; /* text full (sticky in out), or the table full */
}

/* Member i's name as the package means it (see x->names). */
static const char *ox_mname(const struct ox *x, size_t i)
{
    return x->names && i < x->nnames ? x->names[i] : ls_zip_name(x->z, i);
}

/* A member by its part name, whose case does not matter (ECMA-376 Part 2,
 * 9.1.1.1: calamine's issue_419.xlsb keeps "xl/SharedStrings.bin", its
 * relationship says "sharedStrings.bin"; Excel and LibreOffice read it;
 * NPOI's 49609.xlsx "[content_types].xml", "xl\\sharedstrings.xml"). */
static bool ox_find(const struct ox *x, const char *name, size_t *i)
{
    if (!x->names && ls_zip_find(x->z, name, i)) return true;
    for (size_t k = 0, n = x->names ? ls_zip_count(x->z) : 0; k < n; k++) {
        const char *m = ox_mname(x, k);
        if (m && strcmp(m, name) == 0) {
            *i = k;
            return true;
        }
    }
    for (size_t k = 0, n = ls_zip_count(x->z); k < n; k++) {
        const char *m = ox_mname(x, k);
        if (m && strcasecmp(m, name) == 0) {
            *i = k;
            return true;
        }
    }
    return false;
}

/* '\\' to '/' in a copy of every member name, when any has one. */
static ls_err ox_names_load(struct ox *x)
{
    size_t n = ls_zip_count(x->z), k;
    for (k = 0; k < n; k++) {
        const char *m = ls_zip_name(x->z, k);
        if (m && strchr(m, '\\')) break;
    }
    if (k == n) return LS_OK;
    x->names = calloc(n, sizeof *x->names);
    if (!x->names) return LS_E_NOMEM;
    x->nnames = n;
    for (k = 0; k < n; k++) {
        const char *m = ls_zip_name(x->z, k);
        if (!m) continue;
        if (!(x->names[k] = strdup(m))) return LS_E_NOMEM;
        for (char *p = x->names[k]; *p; p++)
            if (*p == '\\') *p = '/';
    }
    return LS_OK;
}

static void ox_names_free(struct ox *x)
{
    for (size_t k = 0; x->names && k < x->nnames; k++) free(x->names[k]);
    free(x->names);
    x->names = NULL;
    x->nnames = 0;
}

/* The shared strings, workbook (sheet names, date system) and styles of
 * an .xlsb, before any sheet. */
static ls_err ox_xlsb_load(struct ox *x)
{
    static const char *const names[] = {OX_XLSB_SST_NAME, OX_XLSB_WORKBOOK_NAME,
                                        OX_XLSB_STYLES_NAME};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t i;
        ls_err rd;
        if (!ox_find(x, names[k], &i)) continue;
        if (!ox_read(x, i, names[k], &rd)) {
            if (rd == LS_E_NOMEM || rd == LS_E_TIMEOUT) return rd;
            continue;
        }
        LS_TRY(ox_xlsb_run(x, names[k], ox_xlsb_classify(names[k])));
    }
    return LS_OK;
}

static ls_err ox_xlsb_member(struct ox *x, size_t i, const char *name, enum ox_xlsb_part xk)
{
    if (xk == OXB_SKIP || xk == OXB_SST || xk == OXB_WORKBOOK || xk == OXB_STYLES)
        return LS_OK; /* nothing to read, or read first */
    ls_err rd;
    if (!ox_read(x, i, name, &rd)) return rd == LS_E_NOMEM || rd == LS_E_TIMEOUT ? rd : LS_OK;
    return ox_xlsb_run(x, name, xk);
}

/* A pivot cache or connections part in data (ooxml_pivot.h). */
static ls_err ox_pivot_run(struct ox *x, const char *name, enum ox_pivot_kind pk, struct ls_slice data)
{
    if (x->out.err != LS_OK) return LS_OK;
    if (!x->pv && !(x->pv = ox_pivot_new())) return LS_E_NOMEM;
    ls_err e = ox_pivot_part(x->pv, x->c, x->o, &x->out, pk, name, data);
    if (e == LS_E_CORRUPT) {
        ox_member_error(x, name, e, "XML not well-formed");
        e = LS_OK;
    }
    if (e == LS_E_LIMIT && x->out.err == LS_E_LIMIT) e = LS_OK; /* text full */
    (void)ls_textout_sep(&x->out, '\n');
    return e;
}

/* Records are read after their definition (its shared items resolve the
 * records' indexes), whatever the member order. */
static ls_err ox_pivot_member(struct ox *x, size_t i, const char *name, enum ox_pivot_kind pk)
{
    ls_err rd = LS_OK;
    char def[64];
    size_t j;
    if (pk == OXP_DEFINITION && x->pv && ox_pivot_have(x->pv, name)) return LS_OK;
    if (!x->pv && !(x->pv = ox_pivot_new())) return LS_E_NOMEM;
    if (pk == OXP_RECORDS && ox_pivot_definition_for(x->pv, name, def, sizeof def) &&
        ox_find(x, def, &j)) {
        if (ox_read(x, j, def, &rd))
            LS_TRY(ox_pivot_run(x, def, OXP_DEFINITION, ls_buf_slice(&x->part)));
        else if (rd == LS_E_NOMEM || rd == LS_E_TIMEOUT)
            return rd;
    }
    if (!ox_read(x, i, name, &rd)) return rd == LS_E_NOMEM || rd == LS_E_TIMEOUT ? rd : LS_OK;
    return ox_pivot_run(x, name, pk, ls_buf_slice(&x->part));
}

static ls_err ox_member(struct ox *x, size_t i)
{
    const char *name = ox_mname(x, i);
    enum ox_pivot_kind pk = name ? ox_pivot_classify(name) : OXP_NONE;
    if (pk != OXP_NONE) return ox_pivot_member(x, i, name, pk);
    enum ox_kind kind = ox_plan(x, name);
    enum ox_xlsb_part xk = name ? ox_xlsb_classify(name) : OXB_NONE;
    if (xk != OXB_NONE) return ox_xlsb_member(x, i, name, xk);
    if (kind == OX_SKIP || kind == OX_SST) return LS_OK; /* the table was read first */
    if (i == x->wb_member) return LS_OK;                  /* so was the workbook */
    ls_err rd;
    if (!ox_read(x, i, name, &rd)) return rd == LS_E_NOMEM || rd == LS_E_TIMEOUT ? rd : LS_OK;
    return ox_process(x, name, kind, rd);
}

/* A member found by ls_zip_salvage() in a package without a directory. */
static ls_err ox_salvaged(void *ud, const char *raw, struct ls_slice data, ls_err st)
{
    struct ox *x = ud;
    char fixed[512];
    const char *name = raw;
    if (strchr(raw, '\\') && strlen(raw) < sizeof fixed) { /* see x->names */
        ox_copy(fixed, sizeof fixed, raw);
        for (char *p = fixed; *p; p++)
            if (*p == '\\') *p = '/';
        name = fixed;
    }
    enum ox_pivot_kind pk = ox_pivot_classify(name);
    if (pk != OXP_NONE && (st == LS_E_TIMEOUT || st == LS_E_NOMEM)) return st;
    if (pk != OXP_NONE && st != LS_OK) ox_member_error(x, name, st, "salvaged from a damaged package");
    if (pk != OXP_NONE && data.len > 0 && st != LS_E_ENCRYPTED && st != LS_E_UNSUPPORTED)
        return ox_pivot_run(x, name, pk, data);
    if (pk != OXP_NONE) return LS_OK;
    enum ox_kind kind = ox_plan(x, name);
    enum ox_xlsb_part xk = ox_xlsb_classify(name);
    if (xk == OXB_SKIP || (kind == OX_SKIP && xk == OXB_NONE)) return LS_OK;
    if (st == LS_E_TIMEOUT || st == LS_E_NOMEM) return st;
    if (st != LS_OK) ox_member_error(x, name, st, "salvaged from a damaged package");
    if (st == LS_E_ENCRYPTED || st == LS_E_UNSUPPORTED || (data.len == 0 && st != LS_OK))
        return LS_OK;
    ls_buf_reset(&x->part);
    ls_err e = ls_buf_add(&x->part, data.ptr, data.len);
    if (e != LS_OK) return e == LS_E_LIMIT ? LS_OK : e;
    if (xk != OXB_NONE) return ox_xlsb_run(x, name, xk);
    return ox_process(x, name, kind, st);
}

/* Shared strings first, so cells can be written in sheet order. */
static ls_err ox_load_sst(struct ox *x)
{
    size_t i;
    if (!ox_find(x, "xl/sharedStrings.xml", &i) && !ox_ct_find(x, 'S', &i)) return LS_OK;
    ls_err rd;
    if (!ox_read(x, i, "xl/sharedStrings.xml", &rd)) return rd == LS_E_NOMEM || rd == LS_E_TIMEOUT ? rd : LS_OK;
    ls_err e = ox_walk_part(x, "xl/sharedStrings.xml", OX_SST);
    return e == LS_E_LIMIT ? LS_OK : e; /* a full table: later items are emitted raw */
}

/* The date system (xl/workbook.xml, whose sheet names are written now, not
 * again in member order) and the number formats (xl/styles.xml), before any
 * sheet: a damaged or missing part leaves dates as serials, nothing worse. */
static ls_err ox_load_styles(struct ox *x)
{
    static const struct {
        const char *name;
        enum ox_kind kind;
    } parts[] = {{"xl/workbook.xml", OX_WORKBOOK}, {"xl/styles.xml", OX_STYLES}};
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
        size_t i;
        ls_err rd;
        if (!ox_find(x, parts[k].name, &i) &&
            !ox_ct_find(x, parts[k].kind == OX_WORKBOOK ? 'w' : 's', &i))
            continue;
        if (parts[k].kind == OX_WORKBOOK) x->wb_member = i;
        if (!ox_read(x, i, parts[k].name, &rd)) {
            if (rd == LS_E_NOMEM || rd == LS_E_TIMEOUT) return rd;
            continue;
        }
        ls_err e = ox_walk_part(x, parts[k].name, parts[k].kind);
        if (e != LS_OK && e != LS_E_LIMIT) return e;
    }
    return LS_OK;
}

/* Word's list definitions, before the document: word/numbering.xml, then
 * (only if it defines lists) the numbered paragraph styles of
 * word/styles.xml. A damaged part leaves the lists it defined so far. */
static ls_err ox_load_wlist(struct ox *x)
{
    static const struct {
        const char *name;
        enum ox_kind kind;
    } parts[] = {{"word/numbering.xml", OX_WNUM}, {"word/styles.xml", OX_WSTYLES}};
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
        size_t i;
        ls_err rd;
        if ((k > 0 && !x->wl.nnum) || !ox_find(x, parts[k].name, &i)) break;
        if (!ox_read(x, i, parts[k].name, &rd)) {
            if (rd == LS_E_NOMEM || rd == LS_E_TIMEOUT) return rd;
            continue;
        }
        ls_err e = ox_walk_part(x, parts[k].name, parts[k].kind);
        if (e != LS_OK && e != LS_E_LIMIT) return e;
    }
    struct ox_wlist *l = &x->wl;
    if (l->nabs) qsort(l->abs, l->nabs, sizeof *l->abs, ox_wabs_cmp);
    if (l->nnum) qsort(l->num, l->nnum, sizeof *l->num, ox_wnum_cmp);
    if (l->nsty) qsort(l->sty, l->nsty, sizeof *l->sty, ox_wsty_cmp);
    return LS_OK;
}

/* Shared strings no cell referred to (or whose sheet was lost). */
static ls_err ox_emit_unused_sst(struct ox *x)
{
    bool header = false;
    for (size_t i = 0; i < x->sst.n; i++) {
        struct ls_slice s;
        if (x->sst.used[i] || !ox_sst_get(&x->sst, i, &s) || s.len == 0) continue;
        if (!header) {
            LS_TRY(ls_textout_sep(&x->out, '\n'));
            header = true;
        }
        LS_TRY(ls_textout_add(&x->out, s.ptr, s.len));
        LS_TRY(ls_textout_sep(&x->out, '\n'));
    }
    return LS_OK;
}

static ls_err ox_run(struct ox *x)
{
    LS_TRY(ox_names_load(x));
    LS_TRY(ox_load_ct(x));
    LS_TRY(ox_load_sst(x));
    LS_TRY(ox_load_styles(x));
    LS_TRY(ox_load_wlist(x));
    LS_TRY(ox_xlsb_load(x));
    size_t n = ls_zip_count(x->z);
    for (size_t i = 0; i < n; i++) {
        ls_err e = ox_member(x, i);
        if (e != LS_OK) return e;
        if (ls_ctx_expired(x->c)) return LS_E_TIMEOUT;
    }
    if (x->xb) LS_TRY(ox_xlsb_finish(x->xb));
    return ox_emit_unused_sst(x);
}

/* The zip directory is unreadable (a file cut short): read the members
 * from their local headers; shared strings met after their sheets are
 * written at the end. Always partial. */
static ls_err ox_salvage(struct ox *x, ls_err why)
{
    ls_note(x->c, x->o, LS_R_TRUNCATED,
            "ooxml: zip directory unreadable (%s); members salvaged from local headers",
            ls_err_name(why));
    ox_partial(x, LS_E_TRUNCATED);
    ls_err e = ls_zip_salvage(x->c, x->o, ls_docpart_max(x->c), ox_salvaged, x);
    if (e == LS_E_CORRUPT) e = LS_OK; /* no local header either: nothing to read */
    if (e == LS_OK && x->xb) e = ox_xlsb_finish(x->xb);
    if (e == LS_OK) e = ox_emit_unused_sst(x);
    return e;
}

static ls_err ooxml_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ox x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.o = o;
    x.wb_member = SIZE_MAX;
    ls_textout_init(&x.out, c, o);
    ls_buf_init(&x.part, SIZE_MAX - 1);
    ls_buf_init(&x.authors, OX_AUTHORS_MAX);
    ls_buf_init(&x.ct, 64 * 1024);
    ls_buf_init(&x.aux, SIZE_MAX - 1);
    ls_sheet_fmts_init(&x.st.fmts);
    uint64_t mt = ls_ctx_limits(c)->max_text;
    ls_buf_init(&x.sst.text, mt > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)mt);
    ls_err e = ls_zip_open(c, o, &x.z);
    if (e == LS_OK)
        e = ox_run(&x);
    else if (e != LS_E_NOMEM && e != LS_E_TIMEOUT)
        e = ox_salvage(&x, e);
    ls_err f = ls_textout_finish(&x.out);
    ls_buf_free(&x.part);
    ls_buf_free(&x.authors);
    ls_buf_free(&x.ct);
    ox_sst_free(&x.sst);
    ox_styles_free(&x.st);
    ox_xlsb_free(x.xb);
    ox_pivot_free(x.pv);
    ox_wlist_free(&x.wl);
    ox_names_free(&x);
    ls_buf_free(&x.aux);
    free(x.pp);
    ls_zip_close(x.z);
    if (e == LS_OK) e = f;
    if (e == LS_OK) e = x.result;
    return e;
}

/* ------------------------------------------------------------ probe */

static const uint8_t ox_ct_name[] = "[Content_Types].xml";
#define OX_CT_LEN (sizeof ox_ct_name - 1)

/* s holds "[Content_Types].xml" at off, in any case (NPOI's 49609.xlsx
 * was zipped as "[content_types].xml"). */
static bool ox_ct_at(struct ls_slice s, size_t off)
{
    struct ls_slice n;
    if (!ls_slice_sub(s, off, OX_CT_LEN, &n)) return false;
    for (size_t k = 0; k < OX_CT_LEN; k++) {
        int a = ls_slice_at(n, k), b = ox_ct_name[k];
        if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
        if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
        if (a != b) return false;
    }
    return true;
}

static int ooxml_probe(const struct ls_object *o)
{
    if (!ls_slice_starts(o->data, "PK\x03\x04", 4)) return 0;
    if (o->mime && strncmp(o->mime, "application/vnd.openxmlformats-officedocument.", 46) == 0)
        return 95;
    if (o->mime && strncmp(o->mime, "application/vnd.ms-", 19) == 0 &&
        strstr(o->mime, "macroEnabled"))
        return 95;
    /* First local header named [Content_Types].xml (offset 30: name). */
    if (ox_ct_at(o->data, 30)) return 95;
    /* Otherwise its central-directory entry near the end. */
    size_t tail = o->data.len > (1u << 20) ? o->data.len - (1u << 20) : 0;
    if (ls_slice_find(o->data, tail, ox_ct_name, OX_CT_LEN) != SIZE_MAX) return 90;
    for (size_t at = ls_slice_find(o->data, tail, "].xml", 5); at != SIZE_MAX;
         at = ls_slice_find(o->data, at + 1, "].xml", 5))
        if (at >= OX_CT_LEN - 5 && ox_ct_at(o->data, at - (OX_CT_LEN - 5))) return 90;
    return 0;
}

const struct ls_handler ls_handler_ooxml = {
    .name = "ooxml",
    .probe = ooxml_probe,
    .extract = ooxml_extract,
};
