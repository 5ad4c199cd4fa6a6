/*
 * Data an Excel workbook keeps outside its cells (ECMA-376 Part 1,
 * 18.10 PivotTables and 18.13 Connections), read by ooxml.c:
 *   - pivot caches: xl/pivotCache/pivotCacheDefinitionN.xml (the source
 *     range, field names and each field's distinct values) and
 *     pivotCacheRecordsN.xml (every source row). A pivot table keeps its
 *     whole source table here, with the values in attributes
 *     (<s v="..."/>, <n v="..."/>), after the source sheet was deleted;
 *   - external data connections: xl/connections.xml (ODBC/OLE DB
 *     connection strings, with user names and passwords, and the SQL
 *     command), and Word's mail-merge source in word/settings.xml
 *     (w:mailMerge: connection string and query) with the document
 *     variables there (w:docVars, set by macros and templates).
 * The XML is walked by markup.h's SAX walker; everything in it is hostile:
 * indexes (<x v="N"/>) are bounds-checked, stored values capped.
 */
#ifndef LS_OOXML_PIVOT_H
#define LS_OOXML_PIVOT_H

#include "core/handler.h"
#include "extract/markup.h"

enum ox_pivot_kind {
    OXP_NONE,
    OXP_DEFINITION, /* xl/pivotCache/pivotCacheDefinitionN.xml */
    OXP_RECORDS,    /* xl/pivotCache/pivotCacheRecordsN.xml */
    OXP_CONNECTIONS /* xl/connections.xml, word/settings.xml */
};

struct ox_pivot;

enum ox_pivot_kind ox_pivot_classify(const char *name);
struct ox_pivot *ox_pivot_new(void);
void ox_pivot_free(struct ox_pivot *p);
/* Records part `name` (OXP_RECORDS) resolves its shared-item indexes with
 * its definition: true and the definition's member name in def (cap
 * bytes) when that definition was not read yet. */
bool ox_pivot_definition_for(const struct ox_pivot *p, const char *name, char *def, size_t cap);
/* True once the definition part `name` was read. */
bool ox_pivot_have(const struct ox_pivot *p, const char *name);
/* Walk one part, writing its text to out. Returns the walker's result
 * (LS_E_CORRUPT for XML that is not well-formed: what was read is kept). */
ls_err ox_pivot_part(struct ox_pivot *p, struct ls_ctx *c, struct ls_object *o,
                     struct ls_textout *out, enum ox_pivot_kind kind, const char *name,
                     struct ls_slice xml);

#endif
