/*
 * leaksift's own zip central-directory checker: finds overlap bombs (David
 * Fifield, "A better zip bomb", 2019: many central-directory entries whose
 * local data ranges overlap and share one deflate kernel) before anything is
 * inflated. libarchive does not look for them. Pure function on a slice: no
 * allocation visible to the caller, no libarchive, no context.
 */
#ifndef LS_ZIPCD_H
#define LS_ZIPCD_H

#include "core/ls_core.h"

/* Fixed size of a central-directory file header (APPNOTE 4.3.12). */
#define LS_ZIPCD_CDH_MIN 46u

struct ls_zipcd_report {
    bool is_zip;          /* an end-of-central-directory record was found */
    bool zip64;           /* the zip64 EOCD was used */
    uint64_t declared;    /* entries the (zip64) EOCD declares */
    uint64_t entries;     /* central-directory entries parsed */
    uint64_t capacity;    /* entries the file could hold at most (len / 46) */
    uint64_t overlaps;    /* entries whose local range overlaps an earlier one */
    uint64_t bad_local;   /* entries whose local header is missing or invalid */
    uint64_t encrypted;   /* entries with the encryption flag (bit 0) */
    uint64_t nul_names;   /* names containing a NUL byte */
    uint64_t name_mismatch; /* entries whose local header holds another name */
    uint64_t field_mismatch; /* ... another method, encryption bit or compressed size */
    char mismatch[160];   /* the first disagreement, for the record (names cut, raw bytes) */
    uint64_t cd_offset;   /* as declared */
    uint64_t cd_size;
    uint64_t prefix;      /* bytes prepended before the zip (self-extractors) */
    bool count_impossible; /* declared entries exceed what the file can hold */
    bool bomb;            /* overlaps > 0 or count_impossible */
    char why[192];        /* one line for the record when bomb or on error */
    struct ls_slice comment; /* the archive comment (end record), a view of the zip */
    /* Bytes inside the zip that no entry, directory or end record accounts
     * for: gaps of more than LS_ZIPCD_DD_MAX bytes between entries' local
     * data, between the last entry and the directory, and after the end
     * record's comment (the self-extractor prefix is not counted). */
    uint64_t slack;
    uint64_t slack_off, slack_len; /* the largest such gap */
    /* The last end record lies inside the data of a member of the zip that
     * starts at byte 0 (walked by its local headers): it is that member's
     * (a stored zip, jar, docx or apk), not the file's, whose own end
     * records are gone (cut short). is_zip is false then, as with no end
     * record at all; nested_at is that member's local header, nested_name
     * its name (cut, raw bytes). */
    bool nested;
    uint64_t nested_at;
    char nested_name[64];
};

/* A data descriptor (signature, crc, zip64 sizes) takes at most this many
 * bytes after an entry's data: gaps up to it are not slack. */
#define LS_ZIPCD_DD_MAX 24u

/* Analyse zip's end records and central directory. LS_OK when analysed
 * (r->bomb says the verdict); LS_E_CORRUPT if there is no usable EOCD or
 * central directory; LS_E_TRUNCATED if the directory runs past the end (the
 * entries read so far are still analysed and reported); LS_E_NOMEM. */
ls_err ls_zipcd_check(struct ls_slice zip, struct ls_zipcd_report *r);

/* A split (multi-disk) zip joined in one slice (zip -s: x.z01 x.z02 ...
 * x.zip, src/pipeline/splitset.h): where each disk starts in it. Offsets
 * the directory states are relative to the start of the disk it names
 * (APPNOTE 8.5); with a table they are taken from that disk's start. */
struct ls_zipcd_disks {
    const uint64_t *start; /* n disk starts, ascending, start[0] = 0 */
    unsigned n;
};
ls_err ls_zipcd_check_disks(struct ls_slice zip, const struct ls_zipcd_disks *d, struct ls_zipcd_report *r);

/* A central-directory entry's name as stored (a slice of the zip: raw
 * bytes, NULs and backslashes included) and where its local header is. */
struct ls_zipcd_name {
    uint64_t local;   /* file offset of the local header (prefix applied) */
    uint64_t index;   /* position in the central directory */
    struct ls_slice name;
    struct ls_slice comment; /* the entry's comment as stored */
    struct ls_slice extra;   /* its extra fields: the directory's ... */
    struct ls_slice lextra;  /* ... and its local header's (empty if none or no header) */
    bool utf8;        /* general purpose flag bit 11: the name is UTF-8 */
    uint16_t flags;   /* general purpose flags, as the directory states them */
    uint16_t method;  /* compression method */
    uint32_t crc;     /* CRC-32 of the data */
    uint64_t csize;   /* compressed and uncompressed sizes (zip64 applied) */
    uint64_t usize;
};

/* The entries' names, sorted by local header offset (ties in directory
 * order): the order libarchive's seekable zip reader returns entries in.
 * *out is malloc'ed (free it), NULL with *n = 0 when there is no usable
 * directory. Returns what ls_zipcd_check would. */
ls_err ls_zipcd_names(struct ls_slice zip, struct ls_zipcd_name **out, size_t *n);
ls_err ls_zipcd_names_disks(struct ls_slice zip, const struct ls_zipcd_disks *d, struct ls_zipcd_name **out,
                            size_t *n);

#endif
