/*
 * Split archives on disk read as one (docs/unpacking.md, "Split archives").
 *
 *   scheme   names (in the order of their bytes)                 set root
 *   num      S.001 S.002 ... (7z -v, HJSplit), S.00 S.01 ... (split -d) S.001 / S.00
 *            S.part1 S.part2 ... / S.part00 ... (split -d with the prefix "S.part")
 *   alpha    S.aa S.ab ... / S.aaa S.aab ... (split -b)           S.aa / S.aaa
 *            S.partaa S.partab ... (split -b with the prefix "S.part")
 *   zip      S.z01 S.z02 ... S.zip (zip -s, WinZip)               S.zip (holds the directory)
 *   rar      S.part1.rar S.part2.rar ... (RAR 3+; any zero-padded width)  S.part1.rar
 *   rarold   S.rar S.r00 S.r01 ... S.r99 (RAR 2)                  S.rar
 *
 * Case: a zip set's parts are ".z01" whatever the case of its ".zip"
 * (Info-ZIP: X.Zip, X.z01; ARCH.ZIP, ARCH.z01), or ".Z01" beside ".ZIP"
 * (8.3 media); a RAR 2 set's ".r00" takes the case of the ".rar"'s first
 * letter (unrar: x.RAR, x.R00; x.Rar, x.R00). The stem is as written.
 * Width: a number past its width's last (7-Zip's S.999 then S.1000,
 * unrar's S.part9.rar then S.part10.rar) is the next part of the narrower
 * set, not a set of its own.
 *
 * A set is recognised by its names alone, probed beside the file (no
 * directory listing): the parts are numbered without a gap from the first
 * (a gap of up to LS_SPLIT_GAP_PROBE names is seen: "part 3 is missing"),
 * regular files (no symlink), and their sizes plausible: every part but
 * the last as large as the first, the last no larger. The decision depends
 * on the path and the files beside it only, so -j1, -jN, shards, --resume
 * and `leaksift text` agree. The set root's data is the concatenation of
 * the parts read (byte splits, zip -s read as a stream, RAR volumes: all
 * three are plain concatenations for their readers).
 */
#ifndef LS_SPLITSET_H
#define LS_SPLITSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LS_SPLIT_MAX_PARTS 1000u /* parts joined, at most (the rest: limit) */
#define LS_SPLIT_GAP_PROBE 4u    /* names probed past a missing part */
#define LS_SPLIT_NAME_MAX 255u   /* a part's file name (NAME_MAX) */

enum ls_split_scheme { LS_SPLIT_NONE = 0, LS_SPLIT_NUM, LS_SPLIT_ALPHA, LS_SPLIT_ZIP, LS_SPLIT_RAR, LS_SPLIT_RAROLD };

/* What a file name says about its place in a set. */
struct ls_split_name {
    enum ls_split_scheme scheme;
    size_t stem_len;   /* bytes of the name before the part's suffix */
    unsigned index;    /* num: the number; alpha: 0 for aa..; zip: the zNN
                        * number, 0 for .zip; rar: the N of partN; rarold:
                        * 0 for .rar, NN + 1 for .rNN */
    unsigned width;    /* digits or letters of the suffix */
    unsigned plen;     /* num/alpha: 4 when the suffix starts with "part" (S.part01) */
    char ext[4];       /* zip/rarold parsed from the root: its extension as
                        * written ("zip", "Zip", "RAR"); "" from a part */
    char ch;           /* zip/rarold: the parts' letter ('z', 'Z', 'r', 'R'):
                        * a part's own; a .rar's first letter; 0 from a .zip
                        * (probing decides) */
};

/* Parse a base name (no directory). false: not a part's name. Pure. */
bool ls_split_parse(const char *base, size_t len, struct ls_split_name *out);
/* The name of the part with the given index of the set that `n` (parsed
 * from `base`) belongs to. false if it does not fit out. */
bool ls_split_make(const char *base, const struct ls_split_name *n, unsigned index, char *out, size_t cap);

/* What a byte split's first part starts as (its first LS_SPLIT_HEAD
 * bytes, or fewer: the whole file): an archive, a compressed stream or a
 * container (joined), a mailbox (joined when the second part does not
 * start as one too), or anything else (not joined). Pure. */
#define LS_SPLIT_HEAD 32900u /* up to ISO 9660's primary volume descriptor's block size at 32896 */
enum ls_split_start { LS_SPLIT_START_NONE = 0, LS_SPLIT_START_ARCHIVE, LS_SPLIT_START_MBOX };
enum ls_split_start ls_split_head(const uint8_t *h, size_t n);

/* Where a whole archive that starts in h[0..n) ends, as its own header says
 * (a set whose first k parts reach there has no more parts: a file of the
 * set's next name is a file of its own, whose bytes the archive reader
 * would never read). For byte splits: a 7z's start header (its CRC
 * right): 32 + the next header's offset and size; a cabinet's CFHEADER
 * (reserved fields 0, version 1.3): cbCabinet; a WIM header (208 bytes):
 * the furthest end of the resources it names (lookup table, XML data,
 * boot metadata, integrity table); an ISO 9660 primary volume descriptor
 * at 32768 (its both-endian fields agreeing): the volume space size times
 * the logical block size. A RAR 4/5 archive whose main
 * header (its CRC right) does not say `volume`: 1 (its first file is all
 * of it), for RAR volume names only (rar = true: a byte split of a RAR is
 * no volume set either). 0: not known. Pure. */
uint64_t ls_split_declared_end(const uint8_t *h, size_t n, bool rar);

/* Does a RAR 4/5 volume whose last bytes are t[0..n) say it is the last
 * (its end of archive block, CRC right, without `next volume`; only zero
 * padding after it; only the last LS_SPLIT_TAIL bytes are looked at)?
 * false: another volume follows, or not known. A set's
 * parts after its last volume are no parts (a file of the next name is a
 * file of its own). Pure. */
#define LS_SPLIT_TAIL 64u
bool ls_split_rar_last(const uint8_t *t, size_t n);

/* How many disks a zip -s set has, as the end of central directory record
 * in the last bytes t[0..n) of its .zip says (its own disk's number + 1; a
 * Zip64 locator's total); 0: not known. A set's .zNN parts past that
 * number are no parts. Pure. */
#define LS_SPLIT_ZIP_TAIL 65557u /* the end record (22 bytes) and the longest comment */
unsigned ls_split_zip_disks(const uint8_t *t, size_t n);

/* Does the part after a byte split's part that ends in tail[0..tn) start
 * a new archive, of the format the set's first part starts as
 * (first[0..fn)) or of another (a set is one format: x.001 a zip and x.002
 * a tar are two files)? Its own header at byte 0 (magic and fixed fields right:
 * gzip's method and reserved flags, bzip2's block magic, xz's stream
 * header CRC, a tar header's checksum, cpio's hex or octal fields, zip's
 * local header, RAR's marker, xar's header, ...; another format's only
 * where that header is strict: a zip local header's version, method and
 * name sane, a 7z start header's CRC, a cabinet's or WIM's fixed fields,
 * not compress's 3 bytes) and, where the first part's format marks its end,
 * that end in tail (tar's two zero blocks, cpio's trailer, a zip's end of
 * central directory of disk 0, a RAR's last end block; tail up to
 * LS_SPLIT_ZIP_TAIL bytes). Then the two are whole archives, each read
 * alone (a tar also has its headers walked: its end inside the part).
 * Pure. */
#define LS_SPLIT_NEXT_HEAD 512u
bool ls_split_starts_anew(const uint8_t *first, size_t fn, const uint8_t *tail, size_t tn, const uint8_t *next,
                          size_t nn);

/* A set as probed on disk. */
struct ls_split_plan {
    bool is_set;                 /* at least two parts, root found */
    unsigned n;                  /* parts joined (byte order) */
    unsigned root_part;          /* 1-based position of the root file among them */
    unsigned self_part;          /* the file asked about: its 1-based position; 0: not joined */
    char root[LS_SPLIT_NAME_MAX + 1]; /* the set root's base name */
    char (*names)[LS_SPLIT_NAME_MAX + 1]; /* n base names, byte order */
    uint64_t *sizes;             /* their sizes at probe time */
    uint64_t total;              /* their sum (saturated at UINT64_MAX) */
    char note[512];              /* why the set ends before its last part ("" if it does not) */
    bool note_limit;             /* the note is a limit (LS_SPLIT_MAX_PARTS), not a cut */
};

/* The last plan made, for the next part of the same set (the parts of one
 * set are listed one after the other). */
struct ls_split_cache {
    char *dir;                   /* the directory probed last ("" : none) */
    int dirfd;                   /* its descriptor (O_PATH), -1: none; 0-initialised caches: see init */
    bool have;                   /* plan describes key below */
    char key[LS_SPLIT_NAME_MAX + 16]; /* scheme, width, stem of the plan */
    struct ls_split_plan plan;
};

/* Probe the set the file at `path` belongs to, if any. Returns true when
 * the file is part of a set (plan->is_set and plan->self_part > 0); *plan
 * is then valid until the next call with the same cache. max_parts: at
 * most this many joined (<= LS_SPLIT_MAX_PARTS). */
bool ls_split_probe(const char *path, unsigned max_parts, struct ls_split_cache *k,
                    const struct ls_split_plan **plan);
void ls_split_cache_init(struct ls_split_cache *k);
void ls_split_cache_free(struct ls_split_cache *k);

/* Open part i (0-based, byte order) of the plan the last ls_split_probe()
 * returned (O_RDONLY, no symlink, no blocking, close-on-exec); -1 with
 * errno set on failure. */
int ls_split_open(const struct ls_split_cache *k, unsigned i);

#endif
