/*
 * A cabinet of a multi-cabinet set read alone ([MS-CAB] 2.1-2.4): libarchive
 * 3.6 refuses any cabinet whose header names a previous or next cabinet, so
 * a set's cabinet gave none of its members, not even those whose data lies
 * wholly inside it. unpack_cab_alone() writes the cabinet as a standalone
 * one: no set flags or names, no reserved areas, the members continued
 * into the next cabinet (iFolder 0xFFFE, 0xFFFF) and from the previous one
 * (0xFFFD, and with them the whole of the first folder, whose data begins
 * in the previous cabinet) left out, and the last folder's split data
 * block (cbUncomp 0: it goes on in the next cabinet) dropped. Data blocks
 * are copied as they are (their checksums cover only their sizes and data).
 */
#ifndef LS_UNPACK_CABALONE_H
#define LS_UNPACK_CABALONE_H

#include "core/ls_core.h"

/* true and out (at most s.len bytes) the standalone cabinet when s is a
 * sound cabinet of a set; *dropped: the members left out. */
bool unpack_cab_alone(struct ls_slice s, struct ls_buf *out, unsigned *dropped);

#endif
