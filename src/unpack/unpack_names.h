/*
 * Member-name checks and the per-container name set (duplicates, entries
 * written through a symlink entry). Internal to src/unpack/.
 */
#ifndef LS_UNPACK_NAMES_H
#define LS_UNPACK_NAMES_H

#include "core/ls_core.h"

/* unpack_name_flags() bits */
#define UNPACK_NAME_BAD 0x1u       /* empty, control characters, invalid UTF-8 */
#define UNPACK_NAME_TRAVERSAL 0x2u /* a ".." component ('/' or '\' separated) */
#define UNPACK_NAME_ABSOLUTE 0x4u  /* leading '/' or '\', or a drive letter */

/* kinds kept in the set */
#define UNPACK_NAME_SYMLINK 0x1u

struct unpack_name_slot {
    uint64_t hash; /* 0: empty */
    size_t off;    /* into text */
    uint32_t len;
    uint32_t kind;
};

struct unpack_names {
    struct unpack_name_slot *slot;
    size_t nslots; /* power of two */
    size_t count;
    size_t symlinks;
    struct ls_buf text;
};

unsigned unpack_name_flags(struct ls_slice name);

void unpack_names_init(struct unpack_names *ns);
void unpack_names_free(struct unpack_names *ns);
/* Add name (trailing separators ignored); *dup if it was already there. */
ls_err unpack_names_add(struct unpack_names *ns, struct ls_slice name, unsigned kind, bool *dup);
/* True if a leading part of name (up to a separator, at *at) is a symlink
 * entry seen earlier. */
bool unpack_names_through_link(const struct unpack_names *ns, struct ls_slice name, size_t *at);

#endif
