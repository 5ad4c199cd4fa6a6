/*
 * The Adobe CJK character collections' CID -> Unicode tables (Adobe-Japan1,
 * GB1, CNS1, Korea1), read from poppler-data's cidToUnicode files. They
 * let the PDF text path read a CID font without ToUnicode (Identity-H over
 * Adobe-Japan1 CIDs: Distiller's Ryumin-Light, dvipdfmx's Japanese fonts).
 *
 * Workers cannot open files (docs/sandbox.md): ls_pdf_cidu_load() is called
 * once before the workers are forked (ls_worker_new()); the tables are then
 * read-only and shared copy-on-write (the fuzzers load them the same way).
 * Without poppler-data (or in a process that never calls it) every lookup
 * says "unknown" and the PDF handler keeps noting such glyphs unsupported.
 */
#ifndef LS_PDF_CIDU_H
#define LS_PDF_CIDU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/ls_core.h"

enum pdf_cjk {
    PDF_CJK_NONE = 0,
    PDF_CJK_JAPAN1,
    PDF_CJK_GB1,
    PDF_CJK_CNS1,
    PDF_CJK_KOREA1,
    PDF_CJK_N
};

/* Loads the four tables from $LEAKSIFT_POPPLER_DATA/cidToUnicode/ (default
 * /usr/share/poppler), and the collections' predefined code-to-CID CMaps
 * from its cMap/Adobe-X/ (90ms-RKSJ-H, GBK-EUC-H, CNS-EUC-H ...); a missing
 * or unreadable file leaves its ordering without a table, its CMap unknown.
 * Idempotent and thread-safe; returns how many tables are loaded. */
unsigned ls_pdf_cidu_load(void);

/* How many predefined CMaps ls_pdf_cidu_load() read. */
size_t ls_pdf_cidu_cmaps(void);

struct pdf_cmap;
/* The predefined CMap named name (a font's /Encoding, or an embedded
 * CMap's usecmap), with its collection in *o; NULL (*o NONE) if not loaded.
 * Read-only: shared by every document. */
const struct pdf_cmap *pdf_cidu_cmap(struct ls_slice name, enum pdf_cjk *o);

/* The code point of CID cid in ordering o, 0 if unknown (no table, a CID
 * past it, or one the table leaves unmapped). */
uint32_t pdf_cidu_map(enum pdf_cjk o, uint32_t cid);

/* Whether ordering o has a table loaded. */
bool pdf_cidu_have(enum pdf_cjk o);

#endif
