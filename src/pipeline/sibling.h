/*
 * A table split over two files: the rows in one (a header-less data file),
 * the column names in a sibling of the same directory (docs/formats.md,
 * "Sibling schemas"; docs/architecture.md):
 *
 *   data file                  schema file      the schema must
 *   N.dat[.gz]  (pg_dump -Fd)  toc.dat          have a TOC entry whose file is N.dat
 *   B.txt/.csv/.tsv            B.sql            CREATE TABLE B (mysqldump --tab, COPY TO)
 *   B.dat/.bcp/.csv/.txt       B.fmt            bcp format file (XML or not), character fields
 *   B.dat/.csv/.txt            B.ctl            SQL*Loader: INFILE names B.<ext>
 *
 * Pairs are made only by exact base names, and only when most of the
 * first rows have as many fields as the schema has columns; the rows are
 * then read with the schema's names as their header (tablectx.h). A root's
 * schema is read by the supervisor (workers never open paths) and sent
 * with the task, at most LS_SIB_MAX bytes; a member's is a member of the
 * same container that came before it (at most LS_SIB_REG_MAX of them, in
 * LS_SIB_REG_BYTES, per container).
 */
#ifndef LS_SIBLING_H
#define LS_SIBLING_H

#include "core/ls_core.h"

#define LS_SIB_MAX (1u << 20)       /* bytes of a schema file read (a toc.dat of ~3,000 tables) */
#define LS_SIB_NAME_MAX 255u        /* a schema file's name (NAME_MAX) */
#define LS_SIB_CANDS 4u             /* schema names tried for one data file */
#define LS_SIB_REG_MAX 64u          /* schema members kept per container */
#define LS_SIB_REG_BYTES (8u << 20) /* their bytes per container */

/* The schema file names that may go with a data file's base name, most
 * specific first; 0 if the name is no data file's. */
size_t ls_sib_candidates(const char *base, size_t blen, char out[LS_SIB_CANDS][LS_SIB_NAME_MAX + 1]);

/* The last schema file read: the roots of one dump directory share it
 * (read again only when its identity, size or time changes). */
struct ls_sib_cache {
    char *path;
    uint64_t dev, ino, size;
    int64_t mtime_s, mtime_ns;
    uint8_t *data;
    size_t len;
};

/* Supervisor side: for the root file at path, the first candidate that is
 * a regular file beside it: its name into name, its first LS_SIB_MAX bytes
 * as *data (held by the cache until the next call). 1 found, 0 none.
 * Symlinks are not followed. */
int ls_sib_read(const char *path, struct ls_sib_cache *k, char name[LS_SIB_NAME_MAX + 1],
                struct ls_slice *data);
void ls_sib_cache_free(struct ls_sib_cache *k);

struct ls_ctx;
struct ls_object;
struct ls_obj_state;
struct ls_sib_reg;

/* Worker side, from ls_pipeline_object(): a member that is a schema file
 * is remembered by its container; a data file with a schema gets its rows
 * labelled. */
void ls_sib_note_schema(struct ls_ctx *c, struct ls_object *o);
void ls_sib_labels(struct ls_ctx *c, struct ls_object *o);
void ls_sib_reg_free(struct ls_sib_reg *r);

#endif
