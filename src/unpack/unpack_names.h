/*
 * Member-name checks and the per-container name set (duplicates, entries
 * written through a symlink entry). Internal to src/unpack/.
 */
#ifndef LS_UNPACK_NAMES_H
#define LS_UNPACK_NAMES_H

#include "core/ls_core.h"

/* unpack_name_flags() bits */
#define UNPACK_NAME_BAD 0x1u       /* empty, control characters (C0, DEL, C1, bidi
                                      overrides/isolates), overlong UTF-8 of a dot,
                                      separator or control, over-long (a component
                                      over 255 bytes, a name over 4096); bytes of a
                                      legacy code page (not UTF-8) are no fault */
#define UNPACK_NAME_TRAVERSAL 0x2u /* a ".." component ('/' or '\' separated) */
#define UNPACK_NAME_ABSOLUTE 0x4u  /* leading '/' or '\', or a drive letter */
#define UNPACK_NAME_WINDEV 0x8u    /* a component Windows takes for a device
                                      (CON, aux.c): noted, no alert (the Linux
                                      kernel has drivers/.../i2c/aux.c) */

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

/* Checks see through look-alikes: "．．／x" (fullwidth), "‥∕x", overlong
 * UTF-8 "..\xc0\xafx" count as "../x" (Windows "best fit" conversion and lax
 * decoders turn them into ASCII on extraction). */
unsigned unpack_name_flags(struct ls_slice name);
/* A link entry (symlink or hardlink) name -> target: UNPACK_NAME_ABSOLUTE if
 * the target is absolute, UNPACK_NAME_TRAVERSAL if it climbs above the
 * extraction root from where the link lives. */
unsigned unpack_link_flags(struct ls_slice name, struct ls_slice target);

void unpack_names_init(struct unpack_names *ns);
void unpack_names_free(struct unpack_names *ns);
/* Add name (trailing separators ignored); *dup if it was already there. */
ls_err unpack_names_add(struct unpack_names *ns, struct ls_slice name, unsigned kind, bool *dup);
/* True if a leading part of name (up to a separator, at *at) is a symlink
 * entry seen earlier. */
bool unpack_names_through_link(const struct unpack_names *ns, struct ls_slice name, size_t *at);

#endif
