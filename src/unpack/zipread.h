/*
 * Random access to the members of a zip held in memory, for handlers of
 * zip-based documents (OOXML, ODF, EPUB, JAR ...). Built on libarchive inside
 * src/unpack/ (handlers never include <archive.h>), with libdeflate for
 * members whose directory entry and local header agree (zipread.c). Every
 * byte inflated is charged to the root's budget through ls_budget_charge()
 * and bounded by the caller's max; encrypted and corrupt members are
 * reported, never fatal.
 */
#ifndef LS_ZIPREAD_H
#define LS_ZIPREAD_H

#include "core/handler.h"

struct ls_zip;

/* Index the members of o's bytes (a zip). LS_E_CORRUPT if it is not one. */
ls_err ls_zip_open(struct ls_ctx *c, struct ls_object *o, struct ls_zip **out);
void ls_zip_close(struct ls_zip *z);
size_t ls_zip_count(const struct ls_zip *z);
/* Member i's name (NUL-terminated, as stored), or NULL if i is out of range. */
const char *ls_zip_name(const struct ls_zip *z, size_t i);
/* Index of the member with exactly this name; false if absent. */
bool ls_zip_find(const struct ls_zip *z, const char *name, size_t *i);
/* Read member i into out (appended; out's own max also applies), at most
 * max bytes. LS_E_LIMIT if cut at max or by the budget (what fit is kept),
 * LS_E_ENCRYPTED, LS_E_CORRUPT / LS_E_TRUNCATED on damage. */
ls_err ls_zip_read(struct ls_zip *z, size_t i, size_t max, struct ls_buf *out);

#endif
