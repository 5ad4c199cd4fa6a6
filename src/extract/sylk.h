/*
 * SYLK sheets (Excel's "ID;P" text format), read by the text handler:
 * see sylk.c.
 */
#ifndef LS_SYLK_H
#define LS_SYLK_H

#include "core/ls_core.h"

struct ls_ctx;
struct ls_object;

/* data starts with an "ID;" record and holds a cell ("C;") record, or
 * starts "ID;P" and holds a format, font, bounds or options record (a
 * sheet cut before its cells). */
bool ls_sylk_is(struct ls_slice data);
/* The sheet as text: rows as lines, cells tab-separated, header-row labels. */
LS_WUR ls_err ls_sylk_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice data);

#endif
