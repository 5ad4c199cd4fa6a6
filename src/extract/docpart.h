/* Helpers shared by the zip-based document handlers (ooxml, odf): how much
 * of one package part to read, and which coverage reason a damaged part
 * gives. */
#ifndef LS_DOCPART_H
#define LS_DOCPART_H

#include "core/handler.h"

/* Bytes one part may take: the spill threshold, or what the root's budget
 * has left if that is less. */
size_t ls_docpart_max(const struct ls_ctx *c);
/* The coverage reason for a part that could not be read or parsed. */
const char *ls_docpart_reason(ls_err e);

#endif
