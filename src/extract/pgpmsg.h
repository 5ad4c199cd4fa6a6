/*
 * Signed OpenPGP messages (pgpmsg.c).
 */
#ifndef LS_PGPMSG_H
#define LS_PGPMSG_H

#include "core/handler.h"

/* Walk the packets of a binary OpenPGP message that is not encrypted:
 * inflate compressed data, hand each literal data packet over as a child.
 * Returns the number of literals handed over; *err gets the first problem
 * (LS_OK, LS_E_TRUNCATED, LS_E_CORRUPT, LS_E_UNSUPPORTED, LS_E_LIMIT ...). */
unsigned ls_pgp_message_children(struct ls_ctx *c, struct ls_object *o, struct ls_slice msg, ls_err *err);

#endif
