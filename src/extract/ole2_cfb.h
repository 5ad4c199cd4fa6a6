/*
 * A bounds-checked reader for the Compound File Binary format (MS-CFB):
 * the container under .doc/.xls/.ppt/.msg and OLE embedded objects.
 *
 * Follows [MS-CFB] v3 (512-byte sectors) and v4 (4096-byte sectors):
 * header (2.2), FAT via the header DIFAT and the DIFAT chain (2.5), the
 * mini FAT and mini stream (2.4, 2.6.2), the directory (2.6) and its
 * red-black sibling trees (2.6.4, read in order; colours are ignored).
 *
 * Everything in the file is attacker-controlled: sector shifts, counts,
 * every chain link, every directory link, every size. Every sector index is
 * range-checked, every chain walk is cycle-checked (a generation-stamped
 * visited array), every directory link is visited at most once, and a
 * stream never yields more bytes than the file holds. Damage does not stop
 * the reader: it keeps what it could read and says so in `damage`.
 *
 * Usage:
 *   struct ole2_cfb f;
 *   ls_err e = ole2_cfb_open(&f, data);      // data must outlive f
 *   ... ole2_cfb_find(&f, OLE2_ROOT, "WordDocument") ...
 *   ... ole2_cfb_read(&f, idx, &buf, max) ...
 *   ole2_cfb_close(&f);
 */
#ifndef LS_OLE2_CFB_H
#define LS_OLE2_CFB_H

#include "core/ls_core.h"

#define OLE2_SIG_LEN 8
extern const uint8_t ole2_signature[OLE2_SIG_LEN];

#define OLE2_NOSTREAM 0xFFFFFFFFu
#define OLE2_ROOT 0u

/* Directory entry types (MS-CFB 2.6.1). */
#define OLE2_T_UNKNOWN 0
#define OLE2_T_STORAGE 1
#define OLE2_T_STREAM 2
#define OLE2_T_ROOT 5

/* Damage bits (any set: the caller should note partial coverage). */
#define OLE2_DMG_TRUNCATED 0x01u  /* the file ends before a sector it names */
#define OLE2_DMG_FAT 0x02u        /* FAT / DIFAT sectors missing or bad */
#define OLE2_DMG_CHAIN 0x04u      /* a chain is cut, loops or leaves the file */
#define OLE2_DMG_DIR 0x08u        /* directory links broken or looping */
#define OLE2_DMG_MINI 0x10u       /* mini FAT or mini stream damaged */
#define OLE2_DMG_HEADER 0x20u     /* header fields out of spec (tolerated) */

/* Name in UTF-8: at most 31 UTF-16 units, each at most 3 bytes. */
#define OLE2_NAME_MAX 96

struct ole2_dirent {
    char name[OLE2_NAME_MAX + 1]; /* UTF-8, NUL-terminated */
    uint8_t type;
    uint32_t left, right, child;  /* raw links from the file */
    uint32_t start;
    uint64_t size;                /* capped to the file length */
    uint8_t clsid[16];
    /* Computed by the tree walk: */
    uint32_t parent;              /* OLE2_NOSTREAM if unreachable */
    uint32_t first_child;         /* in-order first child (storages) */
    uint32_t next_sibling;        /* in-order next entry under the same parent */
    unsigned depth;               /* root = 0 */
};

struct ole2_cfb {
    struct ls_slice data;
    unsigned version;       /* major version 3 or 4 */
    unsigned sector_shift;  /* 9 or 12 */
    size_t sector_size;
    uint32_t nsectors;      /* sectors that start inside the file */
    uint32_t mini_cutoff;
    uint32_t *fat;
    uint32_t fat_len;
    uint32_t *minifat;
    uint32_t minifat_len;
    struct ole2_dirent *dir;
    uint32_t ndir;
    struct ls_buf ministream;
    uint32_t *mark;         /* visited stamps, one per sector */
    uint32_t *minimark;     /* visited stamps, one per mini sector */
    uint32_t nminisectors;
    uint32_t gen;
    unsigned damage;        /* OLE2_DMG_* */
    char why[160];          /* first damage, human readable */
};

/* True if s starts with the CFB signature. */
bool ole2_is_cfb(struct ls_slice s);

/* Parse header, DIFAT, FAT, mini FAT, directory, tree. Returns LS_OK when a
 * directory was read (damage may still be set: check f->damage); an error
 * (LS_E_CORRUPT, LS_E_TRUNCATED, LS_E_UNSUPPORTED, LS_E_NOMEM) when nothing
 * usable is there. f must be closed in both cases. */
ls_err ole2_cfb_open(struct ole2_cfb *f, struct ls_slice data);
void ole2_cfb_close(struct ole2_cfb *f);

/* Child of `storage` named `name` (case-insensitive for ASCII, as CFB
 * compares names), or OLE2_NOSTREAM. */
uint32_t ole2_cfb_find(const struct ole2_cfb *f, uint32_t storage, const char *name);
/* Same, but of a given type (OLE2_T_STREAM or OLE2_T_STORAGE). */
uint32_t ole2_cfb_find_type(const struct ole2_cfb *f, uint32_t storage, const char *name,
                            uint8_t type);

/* Read stream `idx` into out (appending), at most `max` bytes. Returns
 * LS_OK when the whole stream was read; LS_E_LIMIT when max stopped it;
 * LS_E_TRUNCATED / LS_E_CORRUPT when its chain is damaged (what was read is
 * kept and f->damage says why); LS_E_ARG for a non-stream entry. */
ls_err ole2_cfb_read(struct ole2_cfb *f, uint32_t idx, struct ls_buf *out, uint64_t max);

/* Serialise the storage `idx` and everything below it into a new v3
 * compound file in out (the storage becomes the root entry), so an embedded
 * object or message can be handed over as a child. Streams that cannot be
 * read completely are written with what was read and *lossy is set. */
ls_err ole2_cfb_export(struct ole2_cfb *f, uint32_t idx, struct ls_buf *out, bool *lossy);

/* Record the first damage message (printf-style) and set bits. */
void ole2_cfb_damage(struct ole2_cfb *f, unsigned bits, const char *fmt, ...) LS_PRINTF(3, 4);

#endif
