/* Pivot caches and data connections of OOXML packages (ooxml_pivot.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/ooxml_pivot.h"
#include "extract/sheetdate.h"
#include "extract/tablectx.h"

#define OXP_MAX_CACHES 64u             /* definitions kept for their records */
#define OXP_MAX_ITEM 256u              /* bytes of one shared item kept */
#define OXP_ITEMS_MAX (16u << 20)      /* bytes of shared items kept per package */
#define OXP_OFFS_MAX (4u << 20)        /* shared items kept (4 bytes each) */
#define OXP_FIELDS_MAX (64u << 10)     /* fields kept (12 bytes each) */
#define OXP_NAME_MAX 128u

/* A field: its shared items are items [first, first + count). */
struct oxp_field {
    uint32_t first, count;
    uint32_t name_off, name_len; /* its name in names */
    uint32_t db;                 /* 1: a database field (a column of the records) */
};

struct oxp_cache {
    unsigned num;          /* N of pivotCacheDefinitionN.xml */
    uint32_t first, count; /* its fields: fields [first, first + count) */
};

struct ox_pivot {
    struct ls_buf items;  /* shared items' text, back to back */
    struct ls_buf offs;   /* uint32_t start of each item in items, plus its end */
    struct ls_buf fields; /* struct oxp_field */
    struct ls_buf names;  /* fields' names, back to back */
    struct oxp_cache caches[OXP_MAX_CACHES];
    unsigned ncaches;
};

/* Per-part walker state. */
struct oxp_walk {
    struct ox_pivot *p;
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_textout *out;
    enum ox_pivot_kind kind;
    struct oxp_cache *cache; /* definition being read, or the records' */
    unsigned in_shared;      /* definition: open sharedItems */
    unsigned in_group;       /* definition: open groupItems */
    bool field_open;         /* definition: inside a cacheField */
    char fname[OXP_NAME_MAX];
    size_t fname_len;
    bool in_row;             /* records: inside <r> */
    uint32_t col;            /* records: value of the row */
    uint32_t *colmap;        /* records: field of each column (database fields) */
    uint32_t ncols;
    struct ls_tablectx tc;   /* records: field names label the values */
};

enum ox_pivot_kind ox_pivot_classify(const char *name)
{
    if (strncmp(name, "xl/pivotCache/", 14) == 0) {
        const char *b = name + 14;
        /* an .xlsb keeps its caches as BIFF12 (pivotCacheDefinition1.bin),
         * no XML to walk: read as any other binary member (ONLYOFFICE
         * core's xlsb2xlsx_simple2.xlsb was partial, "XML not well-formed") */
        size_t n = strlen(b);
        if (n < 4 || strcasecmp(b + n - 4, ".xml") != 0) return OXP_NONE;
        if (strncasecmp(b, "pivotCacheDefinition", 20) == 0) return OXP_DEFINITION;
        if (strncasecmp(b, "pivotCacheRecords", 17) == 0) return OXP_RECORDS;
        return OXP_NONE;
    }
    if (strcmp(name, "xl/connections.xml") == 0 || strcmp(name, "word/settings.xml") == 0)
        return OXP_CONNECTIONS;
    return OXP_NONE;
}

struct ox_pivot *ox_pivot_new(void)
{
    struct ox_pivot *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    ls_buf_init(&p->items, OXP_ITEMS_MAX);
    ls_buf_init(&p->offs, OXP_OFFS_MAX * sizeof(uint32_t));
    ls_buf_init(&p->fields, OXP_FIELDS_MAX * sizeof(struct oxp_field));
    ls_buf_init(&p->names, OXP_FIELDS_MAX * 16u);
    return p;
}

void ox_pivot_free(struct ox_pivot *p)
{
    if (!p) return;
    ls_buf_free(&p->items);
    ls_buf_free(&p->offs);
    ls_buf_free(&p->fields);
    ls_buf_free(&p->names);
    free(p);
}

/* N of ".../pivotCacheDefinitionN.xml" (or Records); 0 if none. */
static unsigned oxp_num(const char *name)
{
    const char *e = strrchr(name, '.');
    if (!e) return 0;
    const char *s = e;
    while (s > name && s[-1] >= '0' && s[-1] <= '9' && e - s < 9) s--;
    unsigned n = 0;
    for (; s < e; s++) n = n * 10 + (unsigned)(*s - '0');
    return n;
}

static struct oxp_cache *oxp_find(const struct ox_pivot *p, unsigned num)
{
    for (unsigned i = 0; i < p->ncaches; i++)
        if (p->caches[i].num == num) return (struct oxp_cache *)&p->caches[i];
    return NULL;
}

bool ox_pivot_have(const struct ox_pivot *p, const char *name)
{
    unsigned num = oxp_num(name);
    return num && oxp_find(p, num);
}

bool ox_pivot_definition_for(const struct ox_pivot *p, const char *name, char *def, size_t cap)
{
    unsigned num = oxp_num(name);
    if (!num || oxp_find(p, num)) return false;
    int n = snprintf(def, cap, "xl/pivotCache/pivotCacheDefinition%u.xml", num);
    return n > 0 && (size_t)n < cap;
}

static uint32_t oxp_nitems(const struct ox_pivot *p)
{
    size_t n = p->offs.len / sizeof(uint32_t);
    return n ? (uint32_t)(n - 1) : 0;
}

static struct oxp_field *oxp_field(const struct ox_pivot *p, uint32_t i)
{
    return (struct oxp_field *)(void *)(p->fields.ptr + (size_t)i * sizeof(struct oxp_field));
}

/* Item i's text (i < oxp_nitems()). */
static struct ls_slice oxp_item(const struct ox_pivot *p, uint32_t i)
{
    uint32_t a, b;
    memcpy(&a, p->offs.ptr + (size_t)i * 4, 4);
    memcpy(&b, p->offs.ptr + ((size_t)i + 1) * 4, 4);
    if (b <= a) return ls_slice_make(NULL, 0); /* empty items may leave items unallocated */
    return ls_slice_make(p->items.ptr + a, b - a);
}

/* A value element (s n d b e; m is missing) as text in buf (cap bytes):
 * numbers as General shows them, dates as ISO 8601. */
static struct ls_slice oxp_value(const char *local, const struct ls_xml_attr *a, size_t n,
                                 char *buf, size_t cap)
{
    struct ls_slice v;
    if (local[0] == 0 || local[1] != 0 || !strchr("sndbe", local[0]) ||
        !ls_xml_attr_get(a, n, "v", NULL, &v))
        return ls_slice_make(NULL, 0);
    double d;
    if (local[0] == 'n' && ls_sheet_parse_num(v, &d)) return ls_slice_make(buf, ls_sheet_number(d, buf, cap));
    if (local[0] == 'd' && cap >= LS_SHEET_DATE_MAX) return ls_slice_make(buf, ls_sheet_iso(v, buf, cap));
    if (local[0] == 'b') return ls_slice_make(ls_slice_eq_str(v, "1") ? "TRUE" : "FALSE", ls_slice_eq_str(v, "1") ? 4 : 5);
    return v;
}

/* ------------------------------------------------------------ definition */

static void oxp_store_item(struct ox_pivot *p, struct oxp_cache *k, struct ls_slice v)
{
    if (!k || k->count == 0) return;
    struct oxp_field *f = oxp_field(p, k->first + k->count - 1);
    if (p->offs.len == 0) { /* the first start */
        uint32_t z = 0;
        if (ls_buf_add(&p->offs, &z, 4) != LS_OK) return;
    }
    if (f->first + f->count != oxp_nitems(p)) return; /* out of order: a full table */
    if (v.len > OXP_MAX_ITEM) v.len = OXP_MAX_ITEM;
    size_t keep = p->items.len;
    uint32_t end = (uint32_t)(keep + v.len);
    if (ls_buf_add(&p->items, v.ptr, v.len) != LS_OK || ls_buf_add(&p->offs, &end, 4) != LS_OK) {
        p->items.len = keep; /* full: later items stay unresolved */
        return;
    }
    f->count++;
}

static ls_err oxp_def_start(struct oxp_walk *w, const char *local, const struct ls_xml_attr *a, size_t n)
{
    struct ls_slice v, r;
    if (strcmp(local, "worksheetSource") == 0) {
        bool sheet = ls_xml_attr_get(a, n, "sheet", NULL, &v);
        bool ref = ls_xml_attr_get(a, n, "ref", NULL, &r);
        bool named = !sheet && ls_xml_attr_get(a, n, "name", NULL, &v);
        if (!sheet && !ref && !named) return LS_OK;
        LS_TRY(ls_textout_sep(w->out, '\n'));
        LS_TRY(ls_textout_addz(w->out, "pivot cache source: "));
        if (sheet || named) LS_TRY(ls_textout_add(w->out, v.ptr, v.len));
        if (sheet && ref) LS_TRY(ls_textout_add(w->out, "!", 1));
        if (ref && !named) LS_TRY(ls_textout_add(w->out, r.ptr, r.len));
        return ls_textout_sep(w->out, '\n');
    }
    if (strcmp(local, "cacheField") == 0) {
        w->in_shared = w->in_group = 0;
        struct oxp_cache *k = w->cache;
        struct oxp_field f = {oxp_nitems(w->p), 0, 0, 0, 1};
        if (ls_xml_attr_get(a, n, "databaseField", NULL, &v) &&
            (ls_slice_eq_str(v, "0") || ls_slice_eq_str(v, "false")))
            f.db = 0;
        if (ls_xml_attr_get(a, n, "name", NULL, &v) && v.len <= OXP_NAME_MAX &&
            w->p->names.len + v.len <= w->p->names.max) {
            f.name_off = (uint32_t)w->p->names.len;
            if (ls_buf_add(&w->p->names, v.ptr, v.len) == LS_OK) f.name_len = (uint32_t)v.len;
        }
        if (k && k->first + k->count == w->p->fields.len / sizeof f &&
            ls_buf_add(&w->p->fields, &f, sizeof f) == LS_OK)
            k->count++;
        else
            w->cache = NULL; /* fields full: the records stay unresolved */
        w->field_open = true;
        w->fname_len = 0;
        if (ls_xml_attr_get(a, n, "name", NULL, &v)) {
            w->fname_len = v.len < sizeof w->fname ? v.len : sizeof w->fname;
            if (w->fname_len) memcpy(w->fname, v.ptr, w->fname_len);
        }
        return LS_OK;
    }
    if (strcmp(local, "sharedItems") == 0) w->in_shared++;
    if (strcmp(local, "groupItems") == 0) w->in_group++;
    if (!w->field_open || (!w->in_shared && !w->in_group)) return LS_OK;
    char buf[64];
    struct ls_slice s = oxp_value(local, a, n, buf, sizeof buf);
    if (w->in_shared && !w->in_group && (s.len || strcmp(local, "m") == 0))
        oxp_store_item(w->p, w->cache, s);
    if (s.len == 0) return LS_OK;
    /* "SSN: 536221874", a line per item: each value next to its field's
     * name (a cache saved without its records has only these) */
    LS_TRY(ls_textout_sep(w->out, '\n'));
    if (w->fname_len) {
        LS_TRY(ls_textout_add(w->out, w->fname, w->fname_len));
        LS_TRY(ls_textout_add(w->out, ": ", 2));
    }
    LS_TRY(ls_textout_add(w->out, s.ptr, s.len));
    return ls_textout_sep(w->out, '\n');
}

static ls_err oxp_def_end(struct oxp_walk *w, const char *local)
{
    if (strcmp(local, "sharedItems") == 0 && w->in_shared) w->in_shared--;
    if (strcmp(local, "groupItems") == 0 && w->in_group) w->in_group--;
    if (strcmp(local, "cacheField") == 0) {
        w->field_open = false;
        return ls_textout_line(w->out);
    }
    return LS_OK;
}

/* ------------------------------------------------------------ records */

/* Field of record column col: the col-th database field. */
static struct oxp_field *oxp_column(const struct oxp_walk *w, uint32_t col)
{
    return col < w->ncols ? oxp_field(w->p, w->colmap[col]) : NULL;
}

/* The columns of the records: the cache's database fields, in order. */
static ls_err oxp_columns(struct oxp_walk *w)
{
    const struct oxp_cache *k = w->cache;
    if (!k || k->count == 0) return LS_OK;
    w->colmap = malloc((size_t)k->count * sizeof *w->colmap);
    if (!w->colmap) return LS_E_NOMEM;
    for (uint32_t i = 0; i < k->count; i++)
        if (oxp_field(w->p, k->first + i)->db) w->colmap[w->ncols++] = k->first + i;
    return LS_OK;
}

static ls_err oxp_cell(struct oxp_walk *w, struct ls_slice s, bool is_text)
{
    if (s.len) LS_TRY(ls_textout_add(w->out, s.ptr, s.len));
    ls_tc_cell(&w->tc, w->col, s, is_text);
    w->col++;
    return ls_textout_cell(w->out);
}

/* The database fields' names as the first row: the records' header (and
 * the labels of their values: "SSN: 536221874"). */
static ls_err oxp_rec_header(struct oxp_walk *w)
{
    bool any = false;
    for (uint32_t col = 0; col < w->ncols; col++) {
        struct oxp_field *f = oxp_column(w, col);
        struct ls_slice name = ls_slice_make(NULL, 0);
        if (f->name_len) name = ls_slice_make(w->p->names.ptr + f->name_off, f->name_len);
        any = true;
        LS_TRY(oxp_cell(w, name, true));
    }
    w->col = 0;
    if (!any) return LS_OK;
    LS_TRY(ls_textout_line(w->out));
    return ls_tc_row_end(&w->tc, w->c, w->o);
}

static ls_err oxp_rec_start(struct oxp_walk *w, const char *local, const struct ls_xml_attr *a, size_t n)
{
    if (strcmp(local, "r") == 0) {
        w->in_row = true;
        w->col = 0;
        return LS_OK;
    }
    if (!w->in_row) return LS_OK;
    char buf[64];
    if (strcmp(local, "x") == 0) { /* an index into the field's shared items */
        struct ls_slice v;
        struct oxp_field *f = oxp_column(w, w->col);
        uint64_t idx = 0;
        bool ok = f && ls_xml_attr_get(a, n, "v", NULL, &v) && v.len > 0 && v.len < 10;
        for (size_t i = 0; ok && i < v.len; i++) {
            int ch = ls_slice_at(v, i);
            ok = ch >= '0' && ch <= '9';
            idx = idx * 10 + (uint64_t)(ch - '0');
        }
        struct ls_slice s = ls_slice_make(NULL, 0);
        if (ok && idx < f->count) s = oxp_item(w->p, f->first + (uint32_t)idx);
        return oxp_cell(w, s, ls_tc_is_text(s));
    }
    if (strcmp(local, "m") == 0) return oxp_cell(w, ls_slice_make(NULL, 0), false);
    struct ls_slice s = oxp_value(local, a, n, buf, sizeof buf);
    if (!s.ptr) return LS_OK; /* not a value (extensions) */
    return oxp_cell(w, s, local[0] == 's');
}

static ls_err oxp_rec_end(struct oxp_walk *w, const char *local)
{
    if (strcmp(local, "r") != 0 || !w->in_row) return LS_OK;
    w->in_row = false;
    LS_TRY(ls_textout_line(w->out));
    return ls_tc_row_end(&w->tc, w->c, w->o);
}

/* ------------------------------------------------------------ connections */

/* Attributes written as "label: value" lines: Excel's connections and
 * Word's mail merge (w:connectString and w:query keep theirs in w:val). */
static ls_err oxp_conn_start(struct oxp_walk *w, const char *local, const struct ls_xml_attr *a, size_t n)
{
    static const struct {
        const char *el, *attr, *label;
    } keep[] = {
        {"connection", "name", "connection"},          {"connection", "description", "description"},
        {"connection", "odcFile", "connection file"},  {"connection", "sourceFile", "source file"},
        {"dbPr", "connection", "connection string"},   {"dbPr", "command", "command"},
        {"olapPr", "connection", "connection string"}, {"webPr", "url", "url"},
        {"webPr", "post", "post"},                     {"textPr", "sourceFile", "source file"},
        {"parameter", "name", "parameter"},            {"parameter", "string", "value"},
        {"parameter", "prompt", "prompt"},             {"connectString", "val", "mail merge connection"},
        {"query", "val", "mail merge query"},
    };
    struct ls_slice name, val;
    if (strcmp(local, "docVar") == 0 && ls_xml_attr_get(a, n, "name", NULL, &name) &&
        ls_xml_attr_get(a, n, "val", NULL, &val) && val.len) { /* Word's document variables */
        LS_TRY(ls_textout_sep(w->out, '\n'));
        LS_TRY(ls_textout_addz(w->out, "document variable "));
        LS_TRY(ls_textout_add(w->out, name.ptr, name.len));
        LS_TRY(ls_textout_add(w->out, ": ", 2));
        LS_TRY(ls_textout_add(w->out, val.ptr, val.len));
        return ls_textout_sep(w->out, '\n');
    }
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        struct ls_slice v;
        if (strcmp(local, keep[i].el) != 0 || !ls_xml_attr_get(a, n, keep[i].attr, NULL, &v) ||
            v.len == 0)
            continue;
        LS_TRY(ls_textout_sep(w->out, '\n'));
        LS_TRY(ls_textout_addz(w->out, keep[i].label));
        LS_TRY(ls_textout_add(w->out, ": ", 2));
        LS_TRY(ls_textout_add(w->out, v.ptr, v.len));
        LS_TRY(ls_textout_sep(w->out, '\n'));
    }
    return LS_OK;
}

/* ------------------------------------------------------------ walk */

static ls_err oxp_cb_start(void *ud, const char *local, const char *ns, const struct ls_xml_attr *a,
                           size_t n)
{
    struct oxp_walk *w = ud;
    (void)ns;
    switch (w->kind) {
    case OXP_DEFINITION: return oxp_def_start(w, local, a, n);
    case OXP_RECORDS: return oxp_rec_start(w, local, a, n);
    case OXP_CONNECTIONS: return oxp_conn_start(w, local, a, n);
    default: return LS_OK;
    }
}

static ls_err oxp_cb_end(void *ud, const char *local, const char *ns)
{
    struct oxp_walk *w = ud;
    (void)ns;
    if (w->kind == OXP_DEFINITION) return oxp_def_end(w, local);
    if (w->kind == OXP_RECORDS) return oxp_rec_end(w, local);
    return LS_OK;
}

static ls_err oxp_cb_text(void *ud, struct ls_slice s)
{
    (void)ud; /* formulas and extension text: not data */
    (void)s;
    return LS_OK;
}

static const struct ls_xml_sax oxp_sax = {oxp_cb_start, oxp_cb_end, oxp_cb_text};

ls_err ox_pivot_part(struct ox_pivot *p, struct ls_ctx *c, struct ls_object *o,
                     struct ls_textout *out, enum ox_pivot_kind kind, const char *name,
                     struct ls_slice xml)
{
    if (kind == OXP_CONNECTIONS && strcmp(name, "word/settings.xml") == 0 &&
        (xml.len == 0 ||
         (!memmem(xml.ptr, xml.len, "mailMerge", 9) && !memmem(xml.ptr, xml.len, "docVar", 6))))
        return LS_OK; /* Word's settings: only a mail merge and document variables are read */
    struct oxp_walk w;
    memset(&w, 0, sizeof w);
    w.p = p;
    w.c = c;
    w.o = o;
    w.out = out;
    w.kind = kind;
    unsigned num = oxp_num(name);
    if (kind == OXP_DEFINITION && num && !oxp_find(p, num) && p->ncaches < OXP_MAX_CACHES) {
        w.cache = &p->caches[p->ncaches++];
        w.cache->num = num;
        w.cache->first = (uint32_t)(p->fields.len / sizeof(struct oxp_field));
    }
    if (kind == OXP_RECORDS) {
        w.cache = num ? oxp_find(p, num) : NULL;
        if (ls_tc_init(&w.tc) != LS_OK) memset(&w.tc, 0, sizeof w.tc);
    }
    ls_err e = kind == OXP_RECORDS ? oxp_columns(&w) : LS_OK;
    if (e == LS_OK && kind == OXP_RECORDS) e = oxp_rec_header(&w);
    if (e == LS_OK) e = ls_markup_xml_walk(c, o, xml, &oxp_sax, &w);
    if (kind == OXP_RECORDS) ls_tc_free(&w.tc);
    free(w.colmap);
    return e;
}
