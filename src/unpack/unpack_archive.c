/*
 * The archive handler: every format and filter libarchive reads (zip incl.
 * zip64, tar variants, 7z, rar/rar5, cpio, iso9660, cab, lha, xar, ar,
 * warc; gz, bz2, xz, lzma, zstd, lz4, lzip, compress as single streams via
 * the raw format), each member handed to the pipeline as a child.
 *
 * Follows libarchive's archive_read(3) contract: ARCHIVE_WARN keeps the
 * entry and makes it partial, ARCHIVE_FAILED loses that entry only,
 * ARCHIVE_FATAL ends the archive (partial, with archive_error_string()).
 *
 * Never done: archive_write_disk, following a link, creating any file named
 * after a member. Links, devices and FIFOs become data-less records with an
 * alert. Members are read in memory up to limits.spill_threshold, then into
 * an unlinked temporary file (unpack_sink.c).
 *
 * Attacker-controlled: every name, size, type, link target and count. Sizes
 * the archive declares are only reported (declared_size); bytes are counted
 * as libarchive produces them and charged to the root before they are kept
 * (ls_budget_charge), the member's expansion ratio is watched against
 * limits.bomb_ratio past limits.bomb_floor, and zips have their central
 * directory checked for overlapping entries before anything is inflated
 * (zipcd.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#include <zlib.h>

#include "extract/zipsalvage.h"
#include "unpack/unpack_int.h"
#include "unpack/unpack_names.h"
#include "unpack/gztrap.h"
#include "unpack/inflate64.h"
#include "unpack/isomap.h"
#include "unpack/rar5hdr.h"
#include "unpack/unpack_ends.h"
#include "unpack/cabalone.h"
#include "unpack/zipcd.h"
#include "core/watch.h"
#include "pipeline/pipeline.h"

/* Consecutive failed headers before the archive is given up. */
#define ARC_MAX_FAILED 64u
/* A member whose declared size already says "bomb" (declared size over
 * limits.bomb_floor and over bomb_ratio times the whole container) is read
 * only this far: declared sizes may make the checks stricter, never looser
 * (a member that declares little is still measured as it is inflated). */
#define ARC_DECLARED_KEEP (64u << 10)
/* Of a member cut as a bomb, only this much is handed on to be identified
 * and scanned: the rest is the expansion the alert is about. */
#define ARC_BOMB_KEEP (1u << 20)
/* Placeholder for a name libarchive could not give us. */
#define ARC_NONAME "?"

/* ---- probe ---- */

/* Score of a probe that matched only a weak signature (2 bytes, heuristics):
 * any other handler with real evidence wins. */
#define ARC_WEAK_PROBE 30

struct arc_magic {
    size_t off;
    const char *bytes;
    size_t len;
    int score;
};

static const struct arc_magic arc_magics[] = {
    {0, "7z\xbc\xaf\x27\x1c", 6, 90},
    {0, "Rar!\x1a\x07", 6, 90},
    {0, "\xfd" "7zXZ\x00", 6, 90},
    {0, "\x28\xb5\x2f\xfd", 4, 90},
    {0, "\x04\x22\x4d\x18", 4, 90},
    {0, "\x02\x21\x4c\x18", 4, 80},
    {0, "LZIP", 4, 90},
    {0, "xar!", 4, 90},
    {0, "!<arch>\n", 8, 80},
    {0, "MSCF\0\0\0\0", 8, 85},
    {0, "WARC/", 5, 80},
    {0, "\x1f\x8b\x08", 3, 85},
    {0, "\x1f\x9d", 2, 70},
    {0, "BZh", 3, 70},
    {0, "070707", 6, 80},
    {0, "070701", 6, 80},
    {0, "070702", 6, 80},
    {0, "\xc7\x71", 2, ARC_WEAK_PROBE},
    {0, "\x71\xc7", 2, ARC_WEAK_PROBE},
    {257, "ustar", 5, 80},
    {32769, "CD001", 5, 80},
    {2, "-lh", 3, 60},
    {0, "PK\x03\x04", 4, 60},
    {0, "PK\x05\x06", 4, 50},
    {0, "PK\x07\x08", 4, 50},
    {0, "PK00PK\x03\x04", 8, 60}, /* APPNOTE 8.5.4: the spanning marker of a one-part "split" */
};

/* lzma_alone: properties byte < 225, then a 32-bit dictionary size that is
 * a power of two (or 2^n + 2^(n-1)), as libarchive's bidder checks. */
/* lzma_alone: properties byte < 225, a 32-bit dictionary size that is a
 * power of two (or 2^n + 2^(n-1)), an uncompressed size that is unknown
 * (all ones) or below 256 GiB, and a range coder whose first byte is 0 —
 * close to what libarchive's bidder checks. Still weak: scored low. */
static int probe_lzma(struct ls_slice s)
{
    uint32_t dict;
    uint64_t size;
    int p = ls_slice_at(s, 0);
    if (p < 0 || p >= 225 || !ls_rd_u32le(s, 1, &dict) || !ls_rd_u64le(s, 5, &size)) return 0;
    if (ls_slice_at(s, 13) != 0 || (size != UINT64_MAX && size >= (1ull << 38))) return 0;
    for (unsigned b = 12; b < 31; b++)
        if (dict == (1u << b) || dict == (1u << b) + (1u << (b - 1))) return ARC_WEAK_PROBE;
    return 0;
}

/* A zip appended to a file no other handler reads (a JPEG, an executable,
 * an unknown blob): the end records at the end, a central directory whose
 * local headers are all where it says, after a prefix. libarchive's
 * seekable zip reader finds it like a self-extractor's. Scored low so any
 * real handler of the leading format wins. */
#define ARC_APPENDED_ZIP_PROBE 15
static bool program_mime(const char *mime)
{
    static const char *const exe[] = {"application/vnd.microsoft.portable-executable",
                                      "application/x-dosexec", "application/x-executable",
                                      "application/x-pie-executable", "application/x-sharedlib"};
    for (size_t i = 0; mime && i < sizeof exe / sizeof exe[0]; i++) /* self-extractors' stubs */
        if (strcmp(mime, exe[i]) == 0) return true;
    return false;
}

/* A PE or ELF program whose own headers place its sections past the file's
 * end (unpack_program_ended()): a self-extractor cut before its archive
 * starts, or any program cut short. why (n bytes, may be NULL) says so. */
static bool program_cut(const struct ls_object *o, char *why, size_t n)
{
    char tmp[256];
    return program_mime(o->mime) && !unpack_program_ended(o->data, why ? why : tmp, why ? n : sizeof tmp);
}

static bool media_or_blob(const char *mime)
{
    if (!mime) return false;
    if (program_mime(mime)) return true;
    return strncmp(mime, "image/", 6) == 0 || strncmp(mime, "audio/", 6) == 0 ||
           strncmp(mime, "video/", 6) == 0 || strcmp(mime, "application/octet-stream") == 0;
}

/* A 7z, cabinet or RAR after a stub (7-Zip's, IExpress's and WinRAR's
 * self-extractors, a PE or ELF program; or an image, audio/video file or
 * blob it was appended to): the offset of the first signature whose header
 * checks out (7z: the start header's CRC; CAB: CFHEADER's fields; RAR 4:
 * the main header's CRC-16; RAR 5: the main header's CRC32), 0 if none;
 * *end (if not NULL): where a 7z or cabinet ends by its header, 0 if not
 * known. libarchive's own self-extractor search only looks between 64 KiB
 * (RAR) or 156 KiB (7z) and 128 or 384 KiB: stubs are any size. The caller
 * reads the stub as the member hidden_prefix and what follows a 7z's or
 * cabinet's end (the rest of the program, a signature) as hidden_data. At most
 * ARC_SFX_HITS signatures of each kind are checked, and main headers over
 * 4 KiB are not taken (real ones are tens of bytes): a blob of planted
 * signatures costs no more than a few CRCs. */
#define ARC_SFX_SCAN (64u << 20) /* signatures looked for in the first 64 MiB */
#define ARC_SFX_HITS 64u
/* CRC-32 of s[off, off+n) compared with want; false if that is not inside s. */
static bool crc_is(struct ls_slice s, size_t off, size_t n, uint32_t want, uint32_t mask)
{
    struct ls_slice part;
    return ls_slice_sub(s, off, n, &part) && ((uint32_t)libdeflate_crc32(0, part.ptr, part.len) & mask) == want;
}

/* A 7z start header at s[at] (version 0.x, its CRC right): true, and *end
 * is where the archive ends by it (32 + the next header's offset and size,
 * past its header database), or 0 if that lies past s. */
static bool sevenz_start_header(struct ls_slice s, size_t at, uint64_t *end)
{
    uint32_t crc = 0;
    uint64_t nho = 0, nhs = 0;
    *end = 0;
    if (ls_slice_at(s, at + 6) != 0 || !ls_rd_u32le(s, at + 8, &crc) || !ls_rd_u64le(s, at + 12, &nho) ||
        !ls_rd_u64le(s, at + 20, &nhs) || !crc_is(s, at + 12, 20, crc, 0xFFFFFFFFu))
        return false;
    if (nho <= s.len - at && nhs <= s.len - at - nho && 32 + nho + nhs <= s.len - at) *end = at + 32 + nho + nhs;
    return true;
}

static size_t sfx_archive(struct ls_slice s, uint64_t *end)
{
    uint64_t dummy;
    if (!end) end = &dummy;
    *end = 0;
    static const uint8_t sig7z[6] = {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C};
    struct ls_slice w = ls_slice_make(s.ptr, s.len < ARC_SFX_SCAN ? s.len : ARC_SFX_SCAN);
    unsigned hits = 0;
    for (size_t at = ls_slice_find(w, 1, sig7z, 6); at != SIZE_MAX && hits++ < ARC_SFX_HITS;
         at = ls_slice_find(w, at + 1, sig7z, 6)) {
        if (sevenz_start_header(s, at, end)) return at;
    }
    /* a cabinet (IExpress packages, in the program's resources): CFHEADER's
     * reserved fields zero, version 1.3, its size within the file, the
     * file table inside it, at least one folder and one file */
    hits = 0;
    for (size_t at = ls_slice_find(w, 1, "MSCF\0\0\0\0", 8); at != SIZE_MAX && hits++ < ARC_SFX_HITS;
         at = ls_slice_find(w, at + 1, "MSCF\0\0\0\0", 8)) {
        uint32_t cb, r2, off, r3;
        uint16_t nfold, nfile;
        if (ls_rd_u32le(s, at + 8, &cb) && ls_rd_u32le(s, at + 12, &r2) && ls_rd_u32le(s, at + 16, &off) &&
            ls_rd_u32le(s, at + 20, &r3) && ls_rd_u16le(s, at + 26, &nfold) && ls_rd_u16le(s, at + 28, &nfile) &&
            cb >= 36 && cb <= s.len - at && r2 == 0 && r3 == 0 && off >= 36 && off < cb &&
            ls_slice_at(s, at + 24) == 3 && ls_slice_at(s, at + 25) == 1 && nfold > 0 && nfile > 0) {
            *end = at + cb;
            return at;
        }
    }
    hits = 0;
    for (size_t at = ls_slice_find(w, 1, "Rar!\x1a\x07", 6); at != SIZE_MAX && hits++ < ARC_SFX_HITS;
         at = ls_slice_find(w, at + 1, "Rar!\x1a\x07", 6)) {
        uint16_t hcrc, hsize;
        uint32_t crc5;
        uint8_t v = ls_slice_at(s, at + 6);
        if (v == 0 && ls_rd_u16le(s, at + 7, &hcrc) && ls_slice_at(s, at + 9) == 0x73 &&
            ls_rd_u16le(s, at + 12, &hsize) && hsize >= 7 && hsize <= 4096 &&
            crc_is(s, at + 9, hsize - 2u, hcrc, 0xFFFFu))
            return at;
        if (v == 1 && ls_slice_at(s, at + 7) == 0 && ls_rd_u32le(s, at + 8, &crc5)) {
            /* CRC32 of the header size (a vint) and the header */
            uint64_t hs = 0;
            size_t n = 0;
            for (; n < 4 && at + 12 + n < s.len; n++) {
                hs |= (uint64_t)(ls_slice_at(s, at + 12 + n) & 0x7F) << (7 * n);
                if (!(ls_slice_at(s, at + 12 + n) & 0x80)) break;
            }
            if (n < 4 && hs > 0 && hs <= 4096 && crc_is(s, at + 12, n + 1 + (size_t)hs, crc5, 0xFFFFFFFFu))
                return at;
        }
    }
    return 0;
}

/* Both callers know s does not start with "PK", so a directory whose local
 * headers are all where it says lies after a prefix, whether its offsets
 * count from the zip (r.prefix > 0) or from the file (a self-extractor made
 * with `zip -A`: r.prefix == 0, the first local header past byte 0). */
static bool appended_zip(struct ls_slice s)
{
    struct ls_zipcd_report r;
    if (ls_slice_find(s, s.len > 65557 ? s.len - 65557 : 0, "PK\x05\x06", 4) == SIZE_MAX) return false;
    return ls_zipcd_check(s, &r) == LS_OK && r.is_zip && (r.entries > 0 || r.bomb) &&
           r.bad_local == 0;
}

/* A zip cut before its end records after a prefix (a self-extractor's
 * program, padding, a file it was appended to): libarchive's seekable
 * reader needs the end record and its streaming reader a local header at
 * byte 0, so the file read as a blob, `full`. The offset of the first local
 * header (APPNOTE 4.3.7) in the first ARC_SFX_SCAN bytes that is sane: a
 * version needed of 6.3 or below, no reserved flag, a known method, a DOS
 * date or none, a whole name of 1 to 1024 bytes with no control byte, its
 * extra field inside the file and, when its sizes are stated, stored sizes
 * that agree and the next signature ("PK") right after its data or past the
 * file's end. 0 if none, or if the file holds a whole end record (its
 * comment inside the file) anywhere after it (a whole zip inside a
 * program's resources is not cut; an end record cut short is). At most
 * ARC_SFX_HITS signatures are checked. */
/* ... and one the file ends inside, in its 30 fixed bytes (a self-extractor
 * cut just past its program): the fields it still holds, at least its
 * version, flags and method, must be sane, and no other signature follows. */
static bool zip_local_cut_sane(struct ls_slice s, size_t at, const uint16_t *methods, size_t nm)
{
    uint16_t ver, flags, method, tm = 0, dt = 0;
    if (!ls_rd_u16le(s, at + 4, &ver) || !ls_rd_u16le(s, at + 6, &flags) || !ls_rd_u16le(s, at + 8, &method) ||
        ls_slice_find(s, at + 4, "PK", 2) != SIZE_MAX)
        return false;
    bool dated = ls_rd_u16le(s, at + 10, &tm) && ls_rd_u16le(s, at + 12, &dt);
    if ((ver & 0xFFu) > 63 || (ver >> 8) > 19 || (flags & 0xD780u)) return false;
    bool known = false;
    for (size_t i = 0; i < nm; i++) known |= methods[i] == method;
    unsigned mon = (dt >> 5) & 15u, day = dt & 31u;
    return known && (!dated || !(dt || tm) || (mon >= 1 && mon <= 12 && day >= 1));
}

static bool zip_local_sane(struct ls_slice s, size_t at)
{
    static const uint16_t methods[] = {0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 14, 18, 19, 20, 93, 94, 95, 96, 97, 98, 99};
    uint16_t ver, flags, method, tm, dt, nlen, xlen;
    uint32_t csize, usize;
    if (at < s.len && s.len - at < 30) return zip_local_cut_sane(s, at, methods, sizeof methods / sizeof methods[0]);
    if (!ls_rd_u16le(s, at + 4, &ver) || !ls_rd_u16le(s, at + 6, &flags) || !ls_rd_u16le(s, at + 8, &method) ||
        !ls_rd_u16le(s, at + 10, &tm) || !ls_rd_u16le(s, at + 12, &dt) || !ls_rd_u32le(s, at + 18, &csize) ||
        !ls_rd_u32le(s, at + 22, &usize) || !ls_rd_u16le(s, at + 26, &nlen) || !ls_rd_u16le(s, at + 28, &xlen))
        return false;
    if ((ver & 0xFFu) > 63 || (ver >> 8) > 19 || (flags & 0xD780u) || nlen == 0 || nlen > 1024) return false;
    bool known = false;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) known |= methods[i] == method;
    unsigned mon = (dt >> 5) & 15u, day = dt & 31u;
    if (!known || ((dt || tm) && (mon < 1 || mon > 12 || day < 1))) return false;
    size_t name = at + 30;
    bool cut = name > s.len || s.len - name < (size_t)nlen + xlen; /* the file ends in its name or extra */
    if (cut && ls_slice_find(s, at + 4, "PK", 2) != SIZE_MAX) return false;
    for (size_t i = 0; i < nlen && name + i < s.len; i++) {
        int b = ls_slice_at(s, name + i);
        if (b < 0x20 || b == 0x7F) return false;
    }
    if (cut) return true;
    if ((flags & 8u) || csize == 0xFFFFFFFFu || usize == 0xFFFFFFFFu) return true;
    if (method == 0 && csize != usize) return false;
    size_t data = name + nlen + xlen;
    if ((size_t)csize + 2 > s.len - data) return true; /* cut inside its data */
    return ls_slice_at(s, data + csize) == 'P' && ls_slice_at(s, data + csize + 1) == 'K';
}

static size_t cut_appended_zip(struct ls_slice s, bool *nested)
{
    *nested = false;
    if (ls_slice_starts(s, "PK", 2)) return 0;
    struct ls_slice w = ls_slice_make(s.ptr, s.len < ARC_SFX_SCAN ? s.len : ARC_SFX_SCAN);
    unsigned hits = 0;
    for (size_t at = ls_slice_find(w, 1, "PK\x03\x04", 4); at != SIZE_MAX && hits++ < ARC_SFX_HITS;
         at = ls_slice_find(w, at + 1, "PK\x03\x04", 4)) {
        if (!zip_local_sane(s, at)) continue;
        /* an end record with its comment inside the file: a whole zip */
        for (size_t e = ls_slice_find(s, at, "PK\x05\x06", 4); e != SIZE_MAX;
             e = ls_slice_find(s, e + 1, "PK\x05\x06", 4)) {
            uint16_t clen;
            if (!ls_rd_u16le(s, e + 20, &clen) || s.len - e - 22 < clen) continue;
            /* unless it is a stored member's (zipcd.h: nested), the zip's own gone */
            struct ls_zipcd_report r;
            (void)ls_zipcd_check(s, &r);
            if (!r.nested) return 0;
            *nested = true;
            break;
        }
        return at;
    }
    return 0;
}

/* The last part of a split (multi-disk) zip, `zip -s`: its end record names
 * a disk other than the first; the members start in the other parts. */
static bool split_zip_part(struct ls_slice s, unsigned *disk)
{
    size_t at = ls_slice_find(s, s.len > 65557 ? s.len - 65557 : 0, "PK\x05\x06", 4);
    uint16_t d, cdd, clen;
    if (at == SIZE_MAX || !ls_rd_u16le(s, at + 4, &d) || !ls_rd_u16le(s, at + 6, &cdd) ||
        !ls_rd_u16le(s, at + 20, &clen) || s.len - at - 22 != clen)
        return false;
    *disk = d;
    return (d != 0 && d != 0xFFFFu) || (cdd != 0 && cdd != 0xFFFFu);
}

/* Skippable frames (RFC 8878 3.1.2; the LZ4 frame format shares them): a
 * magic 0x184D2A50..5F, a 32-bit length, then bytes every zstd and lz4
 * decoder passes over: a hiding place. libarchive's zstd filter skips them;
 * in front of an lz4 frame its zstd bidder takes the stream and fails. The
 * frames are walked here: every skippable frame's bytes are scanned as the
 * container's text, and libarchive is handed the stream from its first
 * real frame. */
#define SKIP_MAGIC 0x184D2A50u
#define ZSTD_MAGIC 0xFD2FB528u
#define LZ4_MAGIC 0x184D2204u
#define SKIP_MAX_FRAMES 100000u

/* Length of the zstd frame at off (RFC 8878 3.1.1), 0 if it does not parse.
 * content (may be NULL): its declared content size, UINT64_MAX if none. */
static size_t zstd_frame_len(struct ls_slice s, size_t off, uint64_t *content)
{
    static const size_t did_len[4] = {0, 1, 2, 4};
    int fhd = ls_slice_at(s, off + 4);
    if (fhd < 0 || (fhd & 0x08)) return 0; /* reserved bit */
    unsigned fcs = (unsigned)fhd >> 6, single = ((unsigned)fhd >> 5) & 1u;
    size_t fo = off + 5 + (single ? 0 : 1) + did_len[fhd & 3], nb = fcs ? (size_t)1 << fcs : single;
    if (content) { /* Frame_Content_Size: little-endian, 2 bytes hold size - 256 */
        uint64_t size = 0;
        for (size_t i = 0; i < nb; i++) {
            int b = ls_slice_at(s, fo + i);
            if (b < 0) return 0;
            size |= (uint64_t)b << (8 * i);
        }
        *content = nb == 0 ? UINT64_MAX : nb == 2 ? size + 256 : size;
    }
    size_t at = fo + nb;
    for (;;) {
        int b0 = ls_slice_at(s, at), b1 = ls_slice_at(s, at + 1), b2 = ls_slice_at(s, at + 2);
        if (b0 < 0 || b1 < 0 || b2 < 0) return 0;
        uint32_t h = (uint32_t)b0 | (uint32_t)b1 << 8 | (uint32_t)b2 << 16;
        unsigned type = (h >> 1) & 3u;
        if (type == 3) return 0;
        size_t n = type == 1 ? 1 : h >> 3;
        at += 3;
        if (n > s.len - at) return 0;
        at += n;
        if (h & 1u) break;
    }
    if (fhd & 0x04) at += 4; /* content checksum */
    return at <= s.len ? at - off : 0;
}

/* Length of the LZ4 frame at off (LZ4 Frame Format 1.6), 0 if it does not parse. */
static size_t lz4_frame_len(struct ls_slice s, size_t off)
{
    int flg = ls_slice_at(s, off + 4);
    if (flg < 0 || (flg >> 6) != 1) return 0;
    size_t at = off + 6 + ((flg & 0x08) ? 8 : 0) + ((flg & 0x01) ? 4 : 0) + 1;
    for (;;) {
        uint32_t bs;
        if (!ls_rd_u32le(s, at, &bs)) return 0;
        at += 4;
        if (bs == 0) break;
        size_t n = (bs & 0x7FFFFFFFu) + ((flg & 0x10) ? 4 : 0);
        if (n > s.len - at) return 0;
        at += n;
    }
    if (flg & 0x04) at += 4;
    return at <= s.len ? at - off : 0;
}

/* Walks a zstd or lz4 stream's frames; with c set, scans each skippable
 * frame's bytes as o's text. Returns where the first real (zstd or lz4)
 * frame starts when skippable frames come first, else 0. */
static size_t skippable_frames(struct ls_slice s, struct ls_ctx *c, struct ls_object *o)
{
    static const char nl = '\n';
    size_t at = 0, first = 0, nskip = 0, bytes = 0;
    bool lead = true;
    for (unsigned n = 0; n < SKIP_MAX_FRAMES && at < s.len; n++) {
        uint32_t m, len;
        if (!ls_rd_u32le(s, at, &m)) break;
        if ((m & 0xFFFFFFF0u) == SKIP_MAGIC) {
            if (!ls_rd_u32le(s, at + 4, &len) || len > s.len - at - 8) break;
            if (c && len && (ls_emit_text(c, o, s.ptr + at + 8, len) != LS_OK ||
                             ls_emit_text(c, o, &nl, 1) != LS_OK))
                break;
            at += 8 + (size_t)len;
            nskip++;
            bytes += len;
            continue;
        }
        if (lead && at > 0 && (m == ZSTD_MAGIC || m == LZ4_MAGIC)) first = at;
        lead = false;
        if (!c) break; /* only where the first real frame starts was asked */
        size_t fl = m == ZSTD_MAGIC ? zstd_frame_len(s, at, NULL) : m == LZ4_MAGIC ? lz4_frame_len(s, at) : 0;
        if (fl == 0) break;
        at += fl;
    }
    if (c && nskip)
        ls_note(c, o, NULL, "%zu skippable frames (%zu bytes no decoder shows) are read as the container's text",
                nskip, bytes);
    return first;
}

/* RPM package (LSB 22.2.2, the lead): the magic, a major version of 3 or 4
 * and a binary or source type, as libarchive's rpm filter bids; that filter
 * skips the lead, signature and header and hands on the payload (a
 * compressed cpio), whose members are the package's files. */
static int probe_rpm(struct ls_slice s)
{
    struct ls_cursor c = {s, 0};
    uint32_t magic;
    uint8_t major, minor;
    uint16_t type;
    if (ls_cur_u32be(&c, &magic) != LS_OK || magic != 0xEDABEEDBu) return 0;
    if (ls_cur_u8(&c, &major) != LS_OK || ls_cur_u8(&c, &minor) != LS_OK) return 0;
    if (ls_cur_u16be(&c, &type) != LS_OK) return 0;
    (void)minor;
    return (major == 3 || major == 4) && type <= 1 ? 80 : 0;
}

static int arc_probe(const struct ls_object *o)
{
    int best = probe_rpm(o->data);
    for (size_t i = 0; i < sizeof arc_magics / sizeof arc_magics[0]; i++) {
        const struct arc_magic *m = &arc_magics[i];
        struct ls_slice at;
        if (!ls_slice_from(o->data, m->off, &at)) continue;
        if (ls_slice_starts(at, m->bytes, m->len) && m->score > best) best = m->score;
    }
    if (best == 0 && o->mime && (strstr(o->mime, "x-tar") || strstr(o->mime, "x-cpio") ||
                                 strstr(o->mime, "x-iso9660") || strstr(o->mime, "x-lha") ||
                                 strstr(o->mime, "x-lzh")))
        best = 50;
    if (best == 0 && skippable_frames(o->data, NULL, NULL) > 0) best = 90;
    if (best == 0) best = probe_lzma(o->data);
    unsigned disk;
    bool nested;
    if (best == 0 && media_or_blob(o->mime) &&
        (appended_zip(o->data) || split_zip_part(o->data, &disk) || sfx_archive(o->data, NULL) ||
         cut_appended_zip(o->data, &nested) || program_cut(o, NULL, 0)))
        best = ARC_APPENDED_ZIP_PROBE;
    return best;
}

/* ---- per-container state ---- */

struct arc {
    struct ls_ctx *c;
    struct ls_object *o;
    const struct ls_limits *lim;
    struct unpack_session ss;
    struct unpack_names names;
    uint64_t seen;          /* headers read */
    unsigned failed_run;    /* consecutive ARCHIVE_FAILED headers */
    bool raw;               /* single compressed stream (raw format) */
    bool sfx_stub;          /* a self-extractor's 7z/cab/RAR after a program: its tail is said apart */
    uint64_t multivol;      /* tar: the member's header is GNU 'M' (its file's first bytes are
                             * in the previous volume): that offset + 1, else 0 */
    bool cut;               /* a member's read stopped before its end */
    bool eof_clean;         /* the walk ended at libarchive's ARCHIVE_EOF */
    bool any_encrypted;
    unsigned n_unsupported; /* members stored with a method libarchive lacks */
    bool read_iso;          /* libarchive read it as ISO 9660 (not as the tar of its zeros) */
    bool whole_known;       /* its own structure says the file is whole (a cab's size, a RAR 4
                             * end block, an ISO's volume size): a decoder failure is damage */
    struct ls_buf dirs;     /* names of directory entries not recorded, each + '\0' */
    bool dirs_full;         /* dirs reached ARC_DIRS_MAX: later names not kept */
    bool zip_nested;        /* the last end record is a stored member's (zipcd.h): read by local headers */
    bool zip_dir_bad;       /* a zip starting with a local header whose end
                             * records or directory are unusable */
    uint64_t tar_used;      /* a compressed tar read to its end: decoded bytes
                             * its reader used, when more may follow them
                             * (tar_tail()); 0 otherwise */
    bool tail_lzma;         /* that stream is lzma_alone (tar_tail() says a cut) */
    size_t front;           /* zstd/lz4: skippable frames in front of the
                             * stream libarchive is handed */
    size_t z_end;           /* compress: a code that is not valid lies past
                             * the codes ending here; libarchive is handed
                             * the bytes before it (0: none) */
    size_t z_bad;           /* ... and that code's byte offset */
    size_t cut_end;         /* bzip2/xz of several streams cut in a later one:
                             * libarchive is handed the whole streams before
                             * it (last_stream_start(); 0: all) */
    uint64_t tar_end;       /* uncompressed tar: where the last member's data
                             * ends (0: unknown); tar_padding() */
    struct ls_buf pad;      /* the non-zero bytes of tar padding found */
    uint64_t pad_members;   /* members whose padding held them */
    uint64_t pad_dirs;      /* ... of them directories declaring data */
    bool tar_dir;           /* tar_end is a directory entry's header end */
    struct ls_buf alt;      /* a set's cabinet rewritten to stand alone (cabalone.h) */
    bool alt_on;            /* ... libarchive is handed alt */
    uint64_t tar_zlast;     /* compressed tar: the decoded offset where the last
                             * entry's data and padding end (0: unknown) */
    unsigned nzgap;         /* compressed tar: gaps of a block or more (damage
                             * skipped), decoded offsets, read by tar_zgaps() */
    uint64_t zgap[16][2];
    bool zgap_dir[16];
    char short_why[160];    /* the container's own structure says it was cut
                             * short (cut_short()); "" if not */
    struct ls_zipcd_report zr; /* zip: the directory check (zr.is_zip false otherwise) */
    struct ls_zipcd_name *zn; /* zip: names as stored, in local-header order */
    size_t nzn, zcur;
    struct ls_rar5_file *r5; /* rar5: file headers, from rar5hdr.c */
    size_t nr5, r5cur;
    uint64_t rest_from;     /* 7z: a member's data could not be decoded (ARCHIVE_FATAL): its
                             * number; the members after it are listed by list_rest() */
    const char *rest_why;   /* ... and the reason they carry */
    char rest_msg[300];
    char rest_err[256];     /* the last failure's message, said once */
    bool list_only;         /* list_rest(): record members, read no data */
    bool in_rest;           /* list_rest() is reading */
    bool gz_crc_said;       /* gzip_crc_check() found the CRC wrong */
    bool rest_hit;          /* ... and a member's data did not decode */
    bool lha_retry;         /* lha: a name libarchive could not convert ended the walk */
    bool lha_cp932;         /* ... read again with names in CP932 */
    uint64_t skip;          /* headers to pass over before the walk records again */
    unsigned crc_go_on;     /* rar 4: failed members the walk went on after (rar4_goes_on()) */
};

_Static_assert(sizeof(((struct arc *)0)->rest_err) == sizeof(((struct unpack_session *)0)->err),
               "rest_err holds a copy of the session's error text");

/* Child under construction. */
struct arc_child {
    struct ls_child ch;
    size_t ntags;
    struct ls_buf err; /* "; "-separated messages for the child's errors[] */
    const struct ls_zipcd_name *zentry; /* zip: its directory entry, if found */
};

static void tag(struct arc_child *k, const char *t)
{
    for (size_t i = 0; i < k->ntags; i++)
        if (strcmp(k->ch.tags[i], t) == 0) return;
    if (k->ntags + 1 < LS_CHILD_MAX_TAGS) k->ch.tags[k->ntags++] = t;
    k->ch.tags[k->ntags] = NULL;
}

static void say(struct arc_child *k, const char *what, const char *detail)
{
    /* Messages are best effort: a full buffer just drops the rest. */
    if (k->err.len && ls_buf_adds(&k->err, "; ") != LS_OK) return;
    if (ls_buf_adds(&k->err, what) != LS_OK) return;
    if (detail && (ls_buf_adds(&k->err, ": ") != LS_OK || ls_buf_adds(&k->err, detail) != LS_OK))
        return;
}

/* ---- names ---- */

/* Names are cut at the name buffer's max; a cut name is still a name. */
/* A member name is kept up to this many bytes (a pax path has no limit). */
#define ARC_NAME_MAX 65536u

static void nb_add(struct ls_buf *b, const void *p, size_t n)
{
    if (ls_buf_add(b, p, n) != LS_OK) return;
}

static void nb_adds(struct ls_buf *b, const char *s) { nb_add(b, s, strlen(s)); }

static bool ieq_suffix(struct ls_slice s, const char *suf)
{
    size_t n = strlen(suf);
    if (n > s.len) return false;
    for (size_t i = 0; i < n; i++) {
        int a = ls_slice_at(s, s.len - n + i), b = (unsigned char)suf[i];
        if (a >= 'A' && a <= 'Z') a += 32;
        if (a != b) return false;
    }
    return true;
}

/* A single compressed stream has no member name: use the container's base
 * name without its compression suffix ("notes.txt.gz" -> "notes.txt",
 * "x.tgz" -> "x.tar"). libarchive decodes stacked compressors as one chain
 * ("a.txt.gz.xz" is read through xz then gzip), so one suffix is taken off
 * per decoding filter: the member is "a.txt", not a mislabelled "a.txt.gz". */
static void raw_name(const struct ls_object *o, unsigned nfilters, struct ls_buf *out)
{
    static const char *const sufs[][2] = {
        {".tgz", ".tar"}, {".tbz2", ".tar"}, {".tbz", ".tar"}, {".txz", ".tar"},
        {".tlz", ".tar"}, {".tzst", ".tar"}, {".taz", ".tar"}, {".gz", ""},
        {".bz2", ""},     {".xz", ""},       {".lzma", ""},    {".zst", ""},
        {".lz4", ""},     {".lz", ""},       {".z", ""},       {".bz", ""},
    };
    struct ls_slice base = ls_slice_make(o->name, o->name_len);
    for (size_t i = base.len; i-- > 0;) {
        int ch = ls_slice_at(base, i);
        if (ch == '/' || ch == '\\') {
            (void)ls_slice_from(base, i + 1, &base);
            break;
        }
    }
    const char *add = NULL;
    for (unsigned f = 0; f < nfilters && (!add || !*add); f++) {
        bool cut = false;
        for (size_t i = 0; i < sizeof sufs / sizeof sufs[0] && !cut; i++) {
            if (!ieq_suffix(base, sufs[i][0]) || base.len == strlen(sufs[i][0])) continue;
            base.len -= strlen(sufs[i][0]);
            add = sufs[i][1];
            cut = true;
        }
        if (!cut) break;
    }
    if (base.len == 0) {
        nb_adds(out, "data");
        return;
    }
    nb_add(out, base.ptr, base.len);
    if (add) nb_adds(out, add);
}

static void name_tags(struct arc *ar, struct arc_child *k, unsigned kind)
{
    struct ls_slice name = ls_slice_make(k->ch.name, k->ch.name_len);
    unsigned f = unpack_name_flags(name);
    if (f & UNPACK_NAME_BAD) tag(k, LS_A_BAD_NAME);
    if (f & UNPACK_NAME_TRAVERSAL) tag(k, LS_A_PATH_TRAVERSAL);
    if (f & UNPACK_NAME_ABSOLUTE) tag(k, LS_A_ABSOLUTE_PATH);
    if (f & UNPACK_NAME_WINDEV)
        say(k, "name: Windows takes a component of it for a device (CON, AUX, NUL, COM1, LPT1 ...): "
               "extracting it there fails or writes to the device", NULL);
    size_t at;
    if (unpack_names_through_link(&ar->names, name, &at)) {
        tag(k, LS_A_PATH_TRAVERSAL);
        say(k, "member goes through an earlier symlink entry", NULL);
    }
    bool dup = false;
    if (unpack_names_add(&ar->names, name, kind, &dup) == LS_OK && dup) tag(k, LS_A_DUPLICATE_NAME);
}

/* libarchive's zip name p is the stored name up to its first NUL with
 * '\\' turned into '/' (for names made on DOS/Windows). */
static bool stored_matches(struct ls_slice raw, const char *p)
{
    size_t n = strlen(p);
    if (raw.len < n || (raw.len > n && ls_slice_at(raw, n) != 0)) return false;
    for (size_t i = 0; i < n; i++) {
        int r = ls_slice_at(raw, i), c = (unsigned char)p[i];
        if (r != c && !(r == '\\' && c == '/')) return false;
    }
    return true;
}

/* The Info-ZIP Unicode Path extra field (0x7075, version 1: a CRC of the
 * header's name, then a UTF-8 name): the name Info-ZIP unzip and 7-Zip
 * extract to (from the directory's copy), and the one libarchive shows
 * (from the local header's). Its CRC is not checked: a reader that skips
 * the check is as real as one that makes it. */
static bool zip_upath(struct ls_slice extra, struct ls_slice *out)
{
    struct ls_cursor c = ls_cur_make(extra);
    while (ls_cur_left(&c) >= 4) {
        uint16_t id, n;
        struct ls_slice body;
        if (ls_cur_u16le(&c, &id) || ls_cur_u16le(&c, &n) || ls_cur_take(&c, n, &body)) break;
        if (id != 0x7075 || body.len < 5 || ls_slice_at(body, 0) != 1) continue;
        return ls_slice_from(body, 5, out);
    }
    return false;
}

/* The zip entry's name as stored in the central directory. libarchive
 * returns entries in local-header order, skipping some (macOS resource
 * forks): look a little ahead of the last match. libarchive names an entry
 * after its local Unicode Path field when it has one. A name libarchive
 * could not decode (p NULL) takes the next entry. *upath: p is that field's
 * name, not the stored one. */
#define ARC_CD_LOOKAHEAD 64u
static bool stored_name(struct arc *ar, const char *p, const struct ls_zipcd_name **out, bool *upath)
{
    size_t end = ar->nzn - ar->zcur > ARC_CD_LOOKAHEAD ? ar->zcur + ARC_CD_LOOKAHEAD : ar->nzn;
    struct ls_slice u;
    for (size_t i = ar->zcur; i < end; i++) {
        *upath = false;
        if (p && !stored_matches(ar->zn[i].name, p)) {
            if (!zip_upath(ar->zn[i].lextra, &u) || !stored_matches(u, p)) continue;
            *upath = true;
        }
        *out = &ar->zn[i];
        ar->zcur = i + 1;
        return true;
    }
    return false;
}

/* A zip entry's Unicode Path fields name it otherwise than its chain shows
 * (the directory's copy is what unzip writes; the local one what
 * libarchive-based tools show): a hostile name there is the member's. */
static void upath_tags(struct arc_child *k, const struct ls_zipcd_name *z)
{
    struct ls_slice shown = ls_slice_make(k->ch.name, k->ch.name_len), u;
    const struct ls_slice ex[2] = {z->extra, z->lextra};
    for (size_t i = 0; i < 2; i++) {
        if (!zip_upath(ex[i], &u)) continue;
        if (u.len == shown.len && (u.len == 0 || memcmp(u.ptr, shown.ptr, u.len) == 0)) continue;
        unsigned f = unpack_name_flags(u) & ~UNPACK_NAME_WINDEV;
        if (f & UNPACK_NAME_BAD) tag(k, LS_A_BAD_NAME);
        if (f & UNPACK_NAME_TRAVERSAL) tag(k, LS_A_PATH_TRAVERSAL);
        if (f & UNPACK_NAME_ABSOLUTE) tag(k, LS_A_ABSOLUTE_PATH);
        if (f)
            say(k, i == 0 ? "the directory's Info-ZIP Unicode Path field (what unzip extracts to) "
                            "names it otherwise, a hostile name"
                          : "the local header's Info-ZIP Unicode Path field names it otherwise, "
                            "a hostile name",
                NULL);
    }
}

/* RAR5: libarchive never flags an encrypted member (it skips the file
 * encryption record); leaksift's header walk does. Entries come in header
 * order: look a little ahead of the last match. */
static bool rar5_encrypted(struct arc *ar, struct archive_entry *e)
{
    const char *p = archive_entry_pathname(e);
    if (!ar->r5 || !p) return false;
    size_t end = ar->nr5 - ar->r5cur > ARC_CD_LOOKAHEAD ? ar->r5cur + ARC_CD_LOOKAHEAD : ar->nr5;
    for (size_t i = ar->r5cur; i < end; i++) {
        if (!ls_slice_eq_str(ar->r5[i].name, p)) continue;
        ar->r5cur = i + 1;
        return ar->r5[i].encrypted;
    }
    return false;
}

/* Fill the child's name; nb owns the bytes. */
static void child_name(struct arc *ar, struct archive_entry *e, struct arc_child *k,
                       struct ls_buf *nb)
{
    const char *p = ar->raw ? NULL : archive_entry_pathname(e);
    const struct ls_zipcd_name *stored;
    bool upath = false;
    if (ar->raw) {
        int nf = archive_filter_count(ar->ss.a) - 1; /* the last is the reader */
        raw_name(ar->o, nf > 0 ? (unsigned)nf : 1u, nb);
    } else if (ar->zn && stored_name(ar, p, &stored, &upath)) {
        k->zentry = stored;
        if (upath) {
            nb_adds(nb, p); /* the local Unicode Path name libarchive-based tools show */
        } else {
            nb_add(nb, stored->name.ptr, stored->name.len);
            /* Without the flag the name is in a legacy code page (cp437 ...),
             * which is normal; with it, bytes that are not UTF-8 are a lie. */
            if (stored->utf8 && !ls_utf8_valid(stored->name)) {
                tag(k, LS_A_BAD_NAME);
                say(k, "name flagged UTF-8 is not UTF-8", NULL);
            }
        }
    } else if (p) {
        nb_adds(nb, p);
    } else {
        nb_adds(nb, ARC_NONAME);
        tag(k, LS_A_BAD_NAME);
        say(k, "name not decodable", ar->ss.err);
    }
    k->ch.name = nb->ptr ? (const void *)nb->ptr : (const void *)"";
    k->ch.name_len = nb->len;
}

/* ---- emitting ---- */

static const char *fmt_name(const struct arc *ar)
{
    const char *n = ar->ss.a ? archive_format_name(ar->ss.a) : NULL;
    return n ? n : "archive";
}

static ls_err emit(struct arc *ar, struct arc_child *k)
{
    k->ch.error = k->err.len ? ls_buf_str(&k->err) : NULL;
    ls_err e = ls_emit_child(ar->c, ar->o, &k->ch);
    ls_buf_free(&k->err);
    return e;
}

/* libarchive says "Unsupported ..." for methods it lacks (zip implode/PPMd,
 * rar filters and unknown methods, cab Quantum, LArc -lz5-), at any
 * severity: WARN (lha), FAILED (zip, cab) or FATAL (rar): that is not
 * damage. */
static bool unsupported_error(const struct arc *ar)
{
    /* "Unexpected codec ID": a 7z filter libarchive 3.6 lacks in a place
     * it expects a known one (7-Zip 23's ARM64 and RISC-V filters, ids
     * 0xa and 0xb, in front of LZMA2: libarchive's own
     * test_read_format_7zip_lzma2_arm64.7z, which 7-Zip lists and tests) */
    /* "RAR solid archive support unavailable." (libarchive 3.6 reads no
     * encrypted solid RAR 4) */
    return strstr(ar->ss.err, "nsupported") != NULL || strstr(ar->ss.err, "nknown codec") != NULL ||
           strstr(ar->ss.err, "nexpected codec ID") != NULL || strstr(ar->ss.err, "support unavailable") != NULL;
}

static bool is_7z(const struct arc *ar)
{
    return ar->ss.a && (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_7ZIP;
}

/* A 7z's data that does not decode, in a file that is not cut short
 * (cut_7z() would say so: a 7z's header is at its end), is damage, not a
 * cut (libarchive says "Decompression failed" either way). */
static bool damaged_7z(const struct arc *ar)
{
    return is_7z(ar) && !ar->short_why[0];
}

/* The same for a file whose own structure says it is whole (whole_known:
 * a cab whose header size is inside the file, a RAR 4 whose blocks walk to
 * its end of archive block, an ISO 9660 image as long as its volume):
 * libarchive 3.6's decoders fail on some sound files (cab LZX with a
 * 16-bit window, a RAR 3 low-distance reset, a Joliet name it takes for too
 * long) that 7-Zip lists whole; that is not a cut. */
static bool damaged_whole(const struct arc *ar)
{
    return damaged_7z(ar) || (ar->whole_known && !ar->short_why[0]);
}

static void stop_tags(struct arc *ar, struct arc_child *k, const struct unpack_result *res,
                      uint64_t floor)
{
    char msg[160];
    const char *t = unpack_stop_tag(res->stop);
    bool unsup = (res->stop == UNPACK_FAILED || res->stop == UNPACK_FATAL ||
                  (res->stop == UNPACK_DONE && res->warned)) && unsupported_error(ar);
    if (unsup) ar->n_unsupported++;
    if ((res->stop == UNPACK_FAILED || res->stop == UNPACK_FATAL) && unsup) t = LS_R_UNSUPPORTED;
    else if (res->stop == UNPACK_FATAL && damaged_whole(ar)) t = LS_R_PARSE_ERROR;
    if (t) tag(k, t);
    if (res->stop != UNPACK_DONE) {
        k->ch.flags |= LS_CHILD_TRUNCATED;
        ar->cut = true;
    }
    switch (res->stop) {
    case UNPACK_CUT_BOMB:
        tag(k, LS_A_ZIP_BOMB);
        snprintf(msg, sizeof msg,
                 "expands over %u:1 past %llu bytes; stopped after %llu bytes, first %u kept",
                 ar->lim->bomb_ratio, (unsigned long long)floor, (unsigned long long)res->out,
                 ARC_BOMB_KEEP);
        say(k, msg, NULL);
        ls_note(ar->c, ar->o, LS_A_ZIP_BOMB, "member %llu: %s", (unsigned long long)ar->seen, msg);
        break;
    case UNPACK_CUT_MAX:
    case UNPACK_CUT_BUDGET: say(k, "expansion budget spent", NULL); break;
    case UNPACK_CUT_TIME: say(k, "time budget spent", NULL); break;
    case UNPACK_ENCRYPTED:
    case UNPACK_FAILED:
    case UNPACK_FATAL: say(k, "read", ar->ss.err); break;
    case UNPACK_SINK_ERROR: say(k, "could not hold the member (memory or spill file)", NULL); break;
    case UNPACK_DONE:
        if (res->warned) {
            tag(k, unsupported_error(ar) ? LS_R_UNSUPPORTED : LS_R_PARSE_ERROR);
            say(k, "warning", ar->ss.err);
        }
        break;
    }
}

static ls_err arc_charge(void *ud, uint64_t n)
{
    struct arc *ar = ud;
    return ls_budget_charge(ar->c, ar->o, n);
}

static ls_err arc_charge_holes(void *ud, uint64_t n)
{
    struct arc *ar = ud;
    return ls_budget_charge_holes(ar->c, ar->o, n);
}

static bool arc_expired(void *ud)
{
    struct arc *ar = ud;
    return ls_ctx_expired(ar->c);
}

/* What an unfinished read means for the rest of the archive. */
/* RAR 4 (RAR 2.9 technote: MAIN_HEAD flags 0x0001 MHD_VOLUME): whether
 * the archive is a volume of a multi-volume set. */
static bool rar4_volume(const struct arc *ar)
{
    struct ls_slice s;
    uint16_t flags;
    if (!ls_slice_from(ar->o->data, ar->front, &s) || !ls_slice_starts(s, "Rar!\x1a\x07\x00", 7))
        return false;
    return ls_rd_u16le(s, 10, &flags) && (flags & 0x0001u);
}

/* RAR 4: a member whose data fails (ARCHIVE_FATAL) leaves libarchive's
 * reader standing at the next header, from which it goes on. Every volume
 * but the first of a multi-volume set begins with the rest of a file begun
 * in the volume before: stored, it fails the CRC check (the CRC declared is
 * the whole file's: "File CRC error"); compressed, it cannot be decoded
 * without what came before ("Invalid location to Huffman tree", "Prefix
 * found"). The walk stopped there and every later member of the volume was
 * lost. Go on after a CRC error (raised once all the data is decoded; also
 * damage to one member) and after any failure of a volume's first member,
 * a bounded number of times; other fatal errors leave the decoder in no
 * known state. */
static bool rar4_goes_on(struct arc *ar)
{
    if (!ar->ss.a || (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_RAR)
        return false;
    if (!strstr(ar->ss.err, "File CRC error") && !(ar->seen == 1 && rar4_volume(ar))) return false;
    return ++ar->crc_go_on <= ARC_MAX_FAILED;
}

static ls_err after_read(struct arc *ar, const struct unpack_result *res, ls_err emitted,
                         bool capped)
{
    if (emitted != LS_OK) return emitted;
    switch (res->stop) {
    case UNPACK_CUT_MAX:   /* max was what the budget had left ... */
    case UNPACK_CUT_BUDGET:
        if (capped) return LS_OK; /* ... unless it was a declared bomb's cap */
        ls_note(ar->c, ar->o, LS_R_LIMIT_BYTES, "%s: expansion budget spent in member %llu",
                fmt_name(ar), (unsigned long long)ar->seen);
        return LS_E_LIMIT;
    case UNPACK_CUT_TIME: return LS_E_TIMEOUT;
    case UNPACK_FATAL: {
        const char *why = unsupported_error(ar) ? LS_R_UNSUPPORTED
                          : damaged_whole(ar)   ? LS_R_PARSE_ERROR
                                                : LS_R_TRUNCATED;
        /* list_rest(): a later folder failing the same way is said once */
        if (!ar->in_rest || strncmp(ar->rest_err, ar->ss.err, sizeof ar->rest_err - 1) != 0)
            ls_note(ar->c, ar->o, why, "%s: %s", fmt_name(ar), ar->ss.err);
        memcpy(ar->rest_err, ar->ss.err, sizeof ar->rest_err);
        if (rar4_goes_on(ar)) return LS_OK;
        if (is_7z(ar) && (!ar->rest_from || ar->in_rest)) {
            /* its header (names, sizes) is whole: the members after it
             * are still listed, and later folders read (list_rest()) */
            ar->rest_hit = true;
            if (!ar->in_rest) ar->rest_from = ar->seen;
            ar->rest_why = why;
            snprintf(ar->rest_msg, sizeof ar->rest_msg, "not read: member %llu of this 7z could not be "
                     "decoded (%.100s); this member's folder (solid block) is taken to be that one", (unsigned long long)ar->seen,
                     ar->ss.err);
        }
        return LS_E_TRUNCATED;
    }
    default: return LS_OK;
    }
}

/* The holes of a sparse member (GNU tar -S, pax 0.x/1.0 sparse) are zeros
 * the archive declares, not expansion: up to ARC_HOLE_FREE of them per
 * member, and as many per root, count toward neither the member's nor the
 * root's bomb ratio (they are charged to the byte budget like data). A disk image with a few MiB
 * of holes is read whole; one that declares gigabytes of them is still a
 * bomb past that. */
#define ARC_HOLE_FREE LS_HOLES_FREE
static uint64_t sparse_holes(struct archive_entry *e)
{
    if (archive_entry_sparse_count(e) <= 0 || !archive_entry_size_is_set(e) || archive_entry_size(e) <= 0)
        return 0;
    uint64_t data = 0;
    la_int64_t off, len;
    archive_entry_sparse_reset(e);
    while (archive_entry_sparse_next(e, &off, &len) == ARCHIVE_OK)
        if (len > 0 && (uint64_t)len <= UINT64_MAX - data) data += (uint64_t)len;
    uint64_t size = (uint64_t)archive_entry_size(e);
    return size > data ? size - data : 0;
}

/* True if the archive itself declares this member a bomb. */
static bool declared_bomb(const struct arc *ar, struct archive_entry *e, uint64_t *declared)
{
    if (!archive_entry_size_is_set(e) || archive_entry_size(e) <= 0 || ar->lim->bomb_ratio == 0)
        return false;
    *declared = (uint64_t)archive_entry_size(e);
    uint64_t holes = sparse_holes(e), packed = ar->o->data.len ? ar->o->data.len : 1;
    uint64_t counted = *declared - (holes < ARC_HOLE_FREE ? holes : ARC_HOLE_FREE);
    return counted > ar->lim->bomb_floor && counted / packed > ar->lim->bomb_ratio;
}

static void declared_tags(struct arc *ar, struct arc_child *k, uint64_t declared)
{
    char msg[192];
    snprintf(msg, sizeof msg,
             "declares %llu bytes, over %u:1 of its %zu-byte container; first %u bytes read",
             (unsigned long long)declared, ar->lim->bomb_ratio, ar->o->data.len, ARC_DECLARED_KEEP);
    tag(k, LS_A_ZIP_BOMB);
    tag(k, LS_R_LIMIT_BYTES);
    k->ch.flags |= LS_CHILD_TRUNCATED;
    say(k, msg, NULL);
    ls_note(ar->c, ar->o, LS_A_ZIP_BOMB, "member %llu: %s", (unsigned long long)ar->seen, msg);
}

/* A single gzip stream read whole (`x.txt.gz`): libarchive does not check
 * the trailer's CRC-32, so a damaged file whose deflate data still decodes
 * was read as sound (`gzip -t` says "crc error"). When the trailer where
 * the decoder stopped gives the size read (ISIZE), its CRC must be the
 * data's: otherwise the member is parse_error. (A tar.gz's members are not
 * the stream; it is not checked.) */
static void gzip_crc_check(struct arc *ar, struct arc_child *k, const struct unpack_result *res)
{
    struct archive *a = ar->ss.a;
    la_int64_t used = archive_filter_bytes(a, -1);
    uint32_t crc, isize;
    if (!ar->raw || res->stop != UNPACK_DONE || archive_filter_count(a) != 2 ||
        archive_filter_code(a, 0) != ARCHIVE_FILTER_GZIP || used < 18 ||
        (uint64_t)used > ar->o->data.len - ar->front || k->ch.data.len != res->out)
        return;
    size_t end = ar->front + (size_t)used;
    if (!ls_rd_u32le(ar->o->data, end - 8, &crc) || !ls_rd_u32le(ar->o->data, end - 4, &isize) ||
        isize != (uint32_t)res->out)
        return;
    if ((uint32_t)libdeflate_crc32(0, k->ch.data.ptr, k->ch.data.len) == crc) return;
    tag(k, LS_R_PARSE_ERROR);
    ar->gz_crc_said = true;
    say(k, "gzip: the data's CRC-32 is not the trailer's (damaged; gzip -t says \"crc error\")", NULL);
}

static bool compress_cut(struct ls_slice d, unsigned *left);
static bool compress_walk(struct ls_slice d, unsigned *left, size_t *bad_end, size_t *bad_at);

/* A single compress (.Z) stream read whole: its member is the decoded
 * stream, so a cut inside a code (compress_cut()) is that member's too. */
static void compress_cut_check(struct arc *ar, struct arc_child *k, const struct unpack_result *res)
{
    unsigned left = 0;
    struct archive *a = ar->ss.a;
    if (!ar->raw || res->stop != UNPACK_DONE || archive_filter_count(a) != 2 ||
        archive_filter_code(a, 0) != ARCHIVE_FILTER_COMPRESS)
        return;
    if (ar->z_end) {
        tag(k, LS_R_PARSE_ERROR);
        say(k, "compress: a code that is not valid follows the data read (damage, or bytes appended "
            "after the stream: a compress stream has no end marker to tell)", NULL);
        return;
    }
    if (!compress_cut(ar->o->data, &left)) return;
    tag(k, LS_R_TRUNCATED);
    k->ch.flags |= LS_CHILD_TRUNCATED;
    say(k, "compress: the stream ends inside a code (cut short): its end is missing", NULL);
}

/* ---- Deflate64 zip members (libarchive 3.6 lacks the method) ---- */

struct d64 {
    struct arc *ar;
    struct unpack_sink *sink;
    uint64_t max, got, in, floor;
    unsigned ratio;
    enum unpack_stop stop;
};

static int d64_out(void *ud, const uint8_t *p, size_t n)
{
    struct d64 *d = ud;
    if (ls_ctx_expired(d->ar->c)) {
        d->stop = UNPACK_CUT_TIME;
        return 1;
    }
    bool cut = n > d->max - d->got;
    if (cut) n = (size_t)(d->max - d->got);
    if (n && ls_budget_charge(d->ar->c, d->ar->o, n) != LS_OK) {
        d->stop = UNPACK_CUT_BUDGET;
        return 1;
    }
    if (n && unpack_sink_add(d->sink, p, n) != LS_OK) {
        d->stop = UNPACK_SINK_ERROR;
        return 1;
    }
    d->got += n;
    if (cut) {
        d->stop = UNPACK_CUT_MAX;
        return 1;
    }
    if (d->ratio && d->got > d->floor && d->got / (d->in ? d->in : 1) > d->ratio) {
        d->stop = UNPACK_CUT_BOMB;
        return 1;
    }
    return 0;
}

/* A zip member whose directory entry says method 9 (Deflate64), not
 * encrypted: decoded here from its local data, under the same meter as
 * libarchive's reads. The walk goes on past it (libarchive skips it). */
static ls_err read_deflate64(struct arc *ar, struct arc_child *k)
{
    const struct ls_zipcd_name *z = k->zentry;
    struct ls_slice s = ar->o->data;
    uint16_t nlen, xlen;
    uint32_t sig;
    const char *bad = NULL;
    size_t at = 0, clen = 0;
    if (z->local > s.len || !ls_rd_u32le(s, (size_t)z->local, &sig) || sig != 0x04034b50u ||
        !ls_rd_u16le(s, (size_t)z->local + 26, &nlen) || !ls_rd_u16le(s, (size_t)z->local + 28, &xlen)) {
        bad = "Deflate64 member: its local header cannot be read";
    } else {
        at = (size_t)z->local + 30u + nlen + xlen;
        if (at > s.len) bad = "Deflate64 member: its data lies past the end of the file";
        else clen = z->csize < s.len - at ? (size_t)z->csize : s.len - at;
    }
    struct unpack_sink sink;
    unpack_sink_init(&sink, ar->lim->spill_threshold);
    struct d64 d = {.ar = ar, .sink = &sink, .max = ls_budget_left(ar->c), .in = clen,
                    .floor = ar->lim->bomb_floor, .ratio = ar->lim->bomb_ratio, .stop = UNPACK_DONE};
    if (d.max > SIZE_MAX - 1) d.max = SIZE_MAX - 1;
    enum ls_i64_result r = LS_I64_BAD;
    uint64_t produced = 0;
    size_t used = 0;
    if (!bad) r = ls_inflate64(s.ptr + at, clen, d64_out, &d, &produced, &used);
    struct unpack_result res = {.stop = UNPACK_DONE, .out = d.got, .in = used};
    if (bad) {
        tag(k, LS_R_PARSE_ERROR);
        say(k, bad, NULL);
    } else if (r == LS_I64_STOPPED) {
        res.stop = d.stop;
    } else if (r == LS_I64_NOMEM) {
        res.stop = UNPACK_SINK_ERROR;
    } else if (r == LS_I64_SHORT) {
        tag(k, LS_R_TRUNCATED);
        say(k, z->csize > clen ? "Deflate64 data: the file ends inside it" : "Deflate64 data: ends before its last block",
            NULL);
    } else if (r == LS_I64_BAD) {
        tag(k, LS_R_PARSE_ERROR);
        say(k, "Deflate64 data: damaged", NULL);
    }
    if (bad || r == LS_I64_SHORT || r == LS_I64_BAD) {
        k->ch.flags |= LS_CHILD_TRUNCATED;
        ar->cut = true;
    }
    stop_tags(ar, k, &res, d.floor);
    if (unpack_sink_slice(&sink, &k->ch.data) != LS_OK) {
        k->ch.data = ls_slice_make(NULL, 0);
        k->ch.flags |= LS_CHILD_TRUNCATED;
        tag(k, LS_R_LIMIT_MEMORY);
    } else if (r == LS_I64_DONE && k->ch.data.len > 0 &&
               libdeflate_crc32(0, k->ch.data.ptr, k->ch.data.len) != z->crc) {
        tag(k, LS_R_PARSE_ERROR);
        say(k, "Deflate64 data: CRC-32 mismatch", NULL);
    }
    if (res.stop == UNPACK_CUT_BOMB && k->ch.data.len > ARC_BOMB_KEEP) k->ch.data.len = ARC_BOMB_KEEP;
    ls_err em = emit(ar, k);
    unpack_sink_free(&sink);
    return after_read(ar, &res, em, false);
}

/* A member whose data ended quietly (ARCHIVE_EOF from the data reads, no
 * warning) short of the size its header declares, in formats whose
 * headers give the unpacked size and whose readers stop there (RAR 4 and
 * 5, 7z, cab, LHA): libarchive's RAR 5 reader hands back 0 bytes of a
 * member whose data it cannot start, and it said `full` (libarchive's own
 * test_read_format_rar5_data_ready_pointer_leak.rar: 0 of 540,671 bytes;
 * 7-Zip and bsdtar both fail it). Damage: `parse_error`. */
static void short_member(struct arc *ar, struct archive_entry *e, struct arc_child *k,
                         const struct unpack_result *res)
{
    int fmt = archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK;
    if (ar->raw || res->stop != UNPACK_DONE || res->warned || !archive_entry_size_is_set(e)) return;
    if (fmt != ARCHIVE_FORMAT_RAR && fmt != ARCHIVE_FORMAT_RAR_V5 && fmt != ARCHIVE_FORMAT_7ZIP &&
        fmt != ARCHIVE_FORMAT_CAB && fmt != ARCHIVE_FORMAT_LHA)
        return;
    la_int64_t want = archive_entry_size(e);
    if (want <= 0 || res->out >= (uint64_t)want) return;
    char msg[200];
    /* a volume's last member goes on in the next volume; a cut file (said
     * before the walk) lost the rest */
    bool vol = fmt == ARCHIVE_FORMAT_RAR ? rar4_volume(ar) : fmt == ARCHIVE_FORMAT_RAR_V5 && ls_rar5_volume(ar->o->data);
    snprintf(msg, sizeof msg, "the data ended after %llu of the %lld bytes its header declares%s",
             (unsigned long long)res->out, (long long)want,
             vol ? " (a volume of a multi-volume set: the rest is in the next volume)" : "");
    const char *why = vol || ar->short_why[0] ? LS_R_TRUNCATED : LS_R_PARSE_ERROR;
    tag(k, why);
    say(k, msg, NULL);
    k->ch.flags |= LS_CHILD_TRUNCATED;
    ls_note(ar->c, ar->o, why, "member %llu: %s", (unsigned long long)ar->seen, msg);
}

static ls_err read_member(struct arc *ar, struct archive_entry *e, struct arc_child *k)
{
    if (k->zentry && k->zentry->method == 9 && !(k->zentry->flags & 1u)) return read_deflate64(ar, k);
    struct unpack_meter m = {
        .charge = arc_charge,
        .ud = ar,
        .max = ls_budget_left(ar->c),
        .ratio = ar->lim->bomb_ratio,
        .floor = ar->lim->bomb_floor,
        .expired = arc_expired,
        .hole_free = ARC_HOLE_FREE,
        .charge_holes = arc_charge_holes,
    };
    uint64_t declared = 0;
    bool dbomb = declared_bomb(ar, e, &declared);
    if (m.max > SIZE_MAX - 1) m.max = SIZE_MAX - 1;
    if (dbomb && m.max > ARC_DECLARED_KEEP) m.max = ARC_DECLARED_KEEP;
    if (archive_entry_sparse_count(e) > 0 && archive_entry_size_is_set(e) && archive_entry_size(e) > 0)
        m.tail_to = (uint64_t)archive_entry_size(e);
    struct unpack_sink sink;
    struct unpack_result res;
    unpack_sink_init(&sink, ar->lim->spill_threshold);
    unpack_read(&ar->ss, &m, &sink, &res);
    if (res.stop == UNPACK_FAILED && archive_entry_is_data_encrypted(e)) res.stop = UNPACK_ENCRYPTED;
    bool capped = dbomb && res.stop == UNPACK_CUT_MAX && res.out == m.max &&
                  m.max == ARC_DECLARED_KEEP;
    if (capped)
        declared_tags(ar, k, declared);
    else
        stop_tags(ar, k, &res, m.floor);
    short_member(ar, e, k, &res);
    if (unpack_sink_slice(&sink, &k->ch.data) != LS_OK) {
        k->ch.data = ls_slice_make(NULL, 0);
        k->ch.flags |= LS_CHILD_TRUNCATED;
        tag(k, LS_R_LIMIT_MEMORY);
    }
    if (res.stop == UNPACK_CUT_BOMB && k->ch.data.len > ARC_BOMB_KEEP)
        k->ch.data.len = ARC_BOMB_KEEP;
    gzip_crc_check(ar, k, &res);
    compress_cut_check(ar, k, &res);
    ls_err em = emit(ar, k);
    unpack_sink_free(&sink);
    return after_read(ar, &res, em, capped);
}

/* What a data-less entry is, as libmagic names special files (the walk
 * records special roots the same way); NULL for a hardlink (the bytes are
 * another member's). */
static const char *special_mime(bool hardlink, mode_t t)
{
    if (hardlink) return NULL;
    if (t == AE_IFLNK) return "inode/symlink";
    if (t == AE_IFIFO) return "inode/fifo";
    if (t == AE_IFSOCK) return "inode/socket";
    return "inode/device";
}

/* Entries that carry no content we read: links, devices, FIFOs, sockets. */
static bool special_entry(struct arc *ar, struct archive_entry *e, struct arc_child *k,
                          unsigned *kind)
{
    const char *hl = archive_entry_hardlink(e);
    mode_t t = archive_entry_filetype(e);
    const char *alert = NULL, *what = NULL, *target = NULL;
    bool link = true, data = false;
    if (hl) {
        alert = LS_A_HARDLINK, what = "hardlink to", target = hl;
        /* cpio (GNU cpio, newc) writes a file's bytes with the last of its
         * links, whose header libarchive names a hardlink to the first
         * (which had none); pax allows the same. Extractors write them:
         * read as a member */
        data = archive_entry_size_is_set(e) && archive_entry_size(e) > 0;
        if (data) what = "hardlink, with its file's data (read), to";
    } else if (t == AE_IFLNK) {
        alert = LS_A_SYMLINK, what = "symlink to", target = archive_entry_symlink(e);
        *kind = UNPACK_NAME_SYMLINK;
    } else {
        link = false;
        if (t == AE_IFCHR || t == AE_IFBLK) alert = LS_A_DEVICE, what = "device node";
        else if (t == AE_IFIFO) alert = LS_A_FIFO, what = "FIFO";
        else if (t == AE_IFSOCK) alert = "socket", what = "socket"; /* as a socket root */
    }
    if (!alert) return false;
    (void)ar;
    tag(k, alert);
    if (!data) tag(k, link ? "not_followed" : "special_file");
    k->ch.mime_hint = special_mime(hl != NULL, t);
    if (target) {
        /* a hardlink names another member (from the root), a symlink a path
         * from its own directory */
        struct ls_slice from = hl ? ls_slice_make("", 0) : ls_slice_make(k->ch.name, k->ch.name_len);
        unsigned f = unpack_link_flags(from, ls_slice_make(target, strlen(target)));
        if (f & UNPACK_NAME_TRAVERSAL) tag(k, LS_A_PATH_TRAVERSAL);
        if (f & UNPACK_NAME_ABSOLUTE) tag(k, LS_A_ABSOLUTE_PATH);
    }
    char shown[UNPACK_ERR_SHOWN + 4];
    if (target && strlen(target) > UNPACK_ERR_SHOWN) { /* a hostile target may be 128 KiB */
        snprintf(shown, sizeof shown, "%.*s...", (int)UNPACK_ERR_SHOWN, target);
        target = shown;
    }
    say(k, what, target);
    if (data) return false;
    k->ch.flags |= LS_CHILD_NODATA;
    return true;
}

/* ar's own index members, which every static library built by GNU or BSD
 * ar holds and no extractor writes as files: the symbol table ("/",
 * "/SYM64/", "__.SYMDEF ...") and GNU's long-name table ("//"). Their
 * names are the format's, not paths: no name alerts ("/" is no absolute
 * path). The symbol table is still read and scanned; the long-name table
 * libarchive consumes itself (it hands back no data): not recorded. */
enum ar_index { AR_INDEX_NONE, AR_INDEX_SYMBOLS, AR_INDEX_NAMES };
static enum ar_index ar_index(const struct arc *ar, struct archive_entry *e)
{
    static const char *const syms[] = {"/", "/SYM64/", "__.SYMDEF", "__.SYMDEF SORTED",
                                       "__.SYMDEF 64", "__.SYMDEF_64"};
    const char *p = archive_entry_pathname(e);
    if (ar->raw || !p || (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_AR)
        return AR_INDEX_NONE;
    if (strcmp(p, "//") == 0) return archive_entry_size(e) > 0 ? AR_INDEX_SYMBOLS : AR_INDEX_NAMES;
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
        if (strcmp(p, syms[i]) == 0) return AR_INDEX_SYMBOLS;
    return AR_INDEX_NONE;
}

/* libarchive warns (ARCHIVE_WARN) when a name, link target, user or
 * group name is not in the charset its header declares ("Pathname can't be
 * converted from UTF-8 to current locale.": GNU tar's pax headers hold
 * names as the file system spells them, Latin-1 too, and say nothing) and
 * hands on the bytes as stored, which is what the member is named by. The
 * same name in a ustar header draws no warning. Not a parse error. */
static bool name_warning(const struct arc *ar)
{
    return strstr(ar->ss.err, "be converted from") && strstr(ar->ss.err, "to current locale");
}

static ls_err do_entry(struct arc *ar, struct archive_entry *e, bool warned)
{
    struct arc_child k;
    struct ls_buf nb;
    unsigned kind = 0;
    memset(&k, 0, sizeof k);
    ls_buf_init(&k.err, 2048);
    ls_buf_init(&nb, ARC_NAME_MAX);
    child_name(ar, e, &k, &nb);
    if (nb.len >= ARC_NAME_MAX) say(&k, "name longer than 64 KiB: cut", NULL);
    if (archive_entry_size_is_set(e) && archive_entry_size(e) > 0)
        k.ch.declared_size = (uint64_t)archive_entry_size(e);
    if (warned && !ar->raw && archive_entry_pathname(e) == NULL && !strstr(ar->ss.err, "name")) {
        /* a warning that is not about the name, on an entry left without
         * one (ISO 9660: "Directory is beyond end-of-media"): damage */
        tag(&k, LS_R_PARSE_ERROR);
        ls_note(ar->c, ar->o, LS_R_PARSE_ERROR, "%s: member %llu: %s", fmt_name(ar),
                (unsigned long long)ar->seen, ar->ss.err);
    } else if (warned && !ar->raw && archive_entry_pathname(e) == NULL) {
        /* the warning is about the name only (already tagged bad_name) */
    } else if (warned && name_warning(ar)) {
        /* a name kept as stored: nothing of the member went unread */
        say(&k, "name", ar->ss.err);
    } else if (warned) {
        tag(&k, LS_R_PARSE_ERROR);
        say(&k, "header", ar->ss.err);
    }
    if (ar->multivol) {
        char m[160];
        snprintf(m, sizeof m, "GNU multi-volume continuation: the file's first %llu bytes are in the "
                 "previous volume", (unsigned long long)(ar->multivol - 1));
        tag(&k, LS_R_TRUNCATED);
        say(&k, m, NULL);
        ls_note(ar->c, ar->o, LS_R_TRUNCATED, "tar: a later volume of a GNU multi-volume set "
                "(a member begins in the previous volume)");
    }
    bool special = special_entry(ar, e, &k, &kind);
    enum ar_index idx = ar_index(ar, e);
    if (idx == AR_INDEX_NONE) name_tags(ar, &k, kind);
    if (k.zentry) upath_tags(&k, k.zentry);
    ls_err r = LS_OK;
    if (idx == AR_INDEX_NAMES) {
        /* nothing to read or record */
    } else if (special) {
        r = emit(ar, &k);
    } else if (archive_entry_filetype(e) == AE_IFDIR) {
        /* Directories are recorded only when their name is hostile, or
         * when they declare data (a zip entry "docs/" holding bytes:
         * extractors make a folder and drop them, libarchive hands back
         * nothing): that data is a hiding place nobody read. */
        k.ch.flags |= LS_CHILD_NODATA;
        /* only a zip's directory entry has no size of its own: an ISO 9660
         * directory's size is its own extent (the table of its entries) */
        if (k.ch.declared_size > 0 &&
            (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP) {
            tag(&k, LS_R_UNSUPPORTED);
            say(&k, "directory entry declares data; extractors drop it, not read", NULL);
            k.ch.mime_hint = "inode/directory";
        }
        size_t was = ar->dirs.len;
        if (k.ntags) {
            r = emit(ar, &k);
        } else if (!ar->dirs_full && (ls_buf_add(&ar->dirs, k.ch.name, k.ch.name_len) != LS_OK ||
                                      ls_buf_add(&ar->dirs, "", 1) != LS_OK)) {
            ar->dirs_full = true; /* past the cap: this name and those after it are not kept */
            ar->dirs.len = was;
            if (ar->dirs.ptr) ar->dirs.ptr[was] = 0;
        }
    } else if (archive_entry_is_data_encrypted(e) || archive_entry_is_metadata_encrypted(e) ||
               rar5_encrypted(ar, e)) {
        ar->any_encrypted = true;
        tag(&k, LS_R_ENCRYPTED);
        say(&k, "encrypted member: content not read", NULL);
        k.ch.mime_hint = "application/encrypted"; /* not empty: unread */
        k.ch.flags |= LS_CHILD_NODATA;
        r = emit(ar, &k);
    } else if (!ls_budget_child_ok(ar->c, ar->o)) {
        k.ch.flags |= LS_CHILD_NODATA;
        tag(&k, LS_R_LIMIT_MEMBERS);
        r = emit(ar, &k);
        if (r == LS_OK) r = LS_E_LIMIT;
    } else if (ar->list_only) {
        tag(&k, ar->rest_why);
        say(&k, ar->rest_msg, NULL);
        k.ch.flags |= LS_CHILD_NODATA | LS_CHILD_TRUNCATED;
        r = emit(ar, &k);
    } else {
        r = read_member(ar, e, &k);
    }
    ls_buf_free(&k.err);
    ls_buf_free(&nb);
    return r;
}

/* ---- the walk ---- */

/* archive_read_has_encrypted_entries() stays > 0 once any member was
 * encrypted: it explains a failure only before the first member (encrypted
 * headers); later ones are judged by their message. After a failed
 * archive_read_open() it must not be asked at all: an lz4 stream whose
 * first block does not decode leaves libarchive 3.6.2 with a format it
 * crashes on (SIGSEGV in archive_read_format_capabilities; found by
 * fuzz_archive, fuzz/corpus/archive/h3_lz4_open_segv.lz4); the message says
 * enough there (7z and rar5 encrypted headers name the encryption). */
static bool encryption_error(const struct arc *ar, bool opened)
{
    return strstr(ar->ss.err, "ncrypt") || strstr(ar->ss.err, "assphrase") ||
           (opened && ar->seen == 0 && ar->ss.a && archive_read_has_encrypted_entries(ar->ss.a) > 0);
}


/* A header could not be read. LS_OK: go on with the next one. */
static ls_err header_error(struct arc *ar, int r)
{
    if (encryption_error(ar, true)) {
        ar->any_encrypted = true;
        ls_note(ar->c, ar->o, LS_R_ENCRYPTED, "%s: %s", fmt_name(ar), ar->ss.err);
        if (ar->seen == 0) ls_set_coverage_none(ar->c, ar->o);
        return LS_E_ENCRYPTED;
    }
    if (r == ARCHIVE_FATAL || r == ARCHIVE_RETRY) {
        bool cut = (ar->seen || ar->short_why[0] || strstr(ar->ss.err, "runcated")) && !damaged_whole(ar);
        const char *why = unsupported_error(ar) ? LS_R_UNSUPPORTED
                          : cut                   ? LS_R_TRUNCATED
                                                  : LS_R_PARSE_ERROR;
        /* "set.7z.001": the first part of a split archive ends mid-stream */
        bool first_part = ar->o->ext && strcmp(ar->o->ext, "001") == 0 &&
                          !(ar->o->depth == 0 && ar->c->split); /* not when read joined */
        ls_note(ar->c, ar->o, why, "%s: %s (after %llu members)%s", fmt_name(ar), ar->ss.err,
                (unsigned long long)ar->seen,
                first_part ? "; named as the first part of a split archive: the rest is in the next parts" : "");
        return LS_E_TRUNCATED;
    }
    ls_note(ar->c, ar->o, unsupported_error(ar) ? LS_R_UNSUPPORTED : LS_R_PARSE_ERROR,
            "%s: member %llu: %s", fmt_name(ar),
            (unsigned long long)ar->seen + 1, ar->ss.err);
    return ++ar->failed_run > ARC_MAX_FAILED ? LS_E_CORRUPT : LS_OK;
}

/* Before each header: stop while there is still something to say why. */
static bool may_go_on(struct arc *ar)
{
    if (ls_ctx_expired(ar->c)) {
        ls_note(ar->c, ar->o, LS_R_LIMIT_TIME, "%s: time budget spent after %llu members",
                fmt_name(ar), (unsigned long long)ar->seen);
        return false;
    }
    if (ls_budget_left(ar->c) == 0) {
        ls_note(ar->c, ar->o, LS_R_LIMIT_BYTES, "%s: expansion budget spent after %llu members",
                fmt_name(ar), (unsigned long long)ar->seen);
        return false;
    }
    return true;
}

/* First header: decide whether this is a single compressed stream. */
static ls_err first_entry(struct arc *ar)
{
    if (archive_format(ar->ss.a) != ARCHIVE_FORMAT_RAW) return LS_OK;
    /* raw without a filter is plain data, not something we unpack */
    if (archive_filter_count(ar->ss.a) <= 1) return LS_E_UNSUPPORTED;
    ar->raw = true;
    return LS_OK;
}

/* Members the pipeline reads although no entry holds them (hidden bytes of
 * a container), named so a chain shows what they are. */
#define ARC_PREFIX_NAME "hidden_prefix"
#define ARC_SLACK_NAME "hidden_data"
static ls_err hidden_member(struct arc *ar, const char *name, uint64_t off, uint64_t len)
{
    struct ls_slice part;
    if (off > SIZE_MAX || len > SIZE_MAX || !ls_slice_sub(ar->o->data, (size_t)off, (size_t)len, &part))
        return LS_OK;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = strlen(name);
    ch.data = part;
    ls_err x = ls_emit_child(ar->c, ar->o, &ch);
    return x == LS_E_IO || x == LS_E_INTERNAL ? x : LS_OK;
}

/* An ISO 9660 image's bytes that no directory lists (isomap.h): a file
 * written and then hidden from the tree (`xorriso -hide`), or bytes put
 * between extents. The largest run is the member hidden_data. */
static ls_err iso_unclaimed(struct arc *ar)
{
    struct ls_iso_unclaimed u;
    if (!ls_iso_unclaimed(ar->o->data, &u) || u.runs == 0) return LS_OK;
    ls_note(ar->c, ar->o, NULL,
            "iso9660: %llu run(s), %llu bytes, that no directory entry, path table or boot entry claims; "
            "the largest (%llu bytes at offset %llu) read as member '" ARC_SLACK_NAME "'",
            (unsigned long long)u.runs, (unsigned long long)u.bytes, (unsigned long long)u.len,
            (unsigned long long)u.off);
    return hidden_member(ar, ARC_SLACK_NAME, u.off, u.len);
}

/* Where the container's own bytes end for its reader, or 0 if unknown: a
 * single compressed stream read to its end (the decoder consumed exactly
 * its streams; a gzip's trailing junk is left), or an uncompressed tar or
 * cpio at its end marker (zero blocks, TRAILER!!!), or a 7z where its start
 * header says. A stream whose member
 * was cut (a bomb, a budget) was not decoded to its end: what the decoder
 * had not consumed yet is the rest of the stream, not something appended. */
static uint64_t consumed_at_eof(struct arc *ar)
{
    struct archive *a = ar->ss.a;
    int64_t used = 0;
    if (ar->raw && ar->cut) return 0;
    if (ar->raw && archive_filter_count(a) >= 2) {
        used = archive_filter_bytes(a, -1);
    } else if (!ar->raw && archive_filter_count(a) == 1) {
        int fmt = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
        if (fmt == ARCHIVE_FORMAT_TAR || fmt == ARCHIVE_FORMAT_CPIO) used = archive_filter_bytes(a, 0);
        else if (fmt == ARCHIVE_FORMAT_7ZIP && !ar->sfx_stub) {
            /* libarchive seeks in a 7z: what it read says nothing of where
             * the archive ends; its start header does (a self-extractor's
             * tail is said by sfx_archive's caller) */
            uint64_t end = 0;
            if (sevenz_start_header(ar->o->data, ar->front, &end) && end > ar->front) used = (int64_t)(end - ar->front);
        }
    }
    return used > 0 ? (uint64_t)used + ar->front : 0;
}

/* A tar that libarchive ended at EOF without its end-of-archive blocks and
 * with less than a block left: the file was cut inside the next header
 * (libarchive 3.6 takes that for the end). The block before `used` is not
 * zero, so no end marker was read there. */
static bool tar_header_cut(const struct arc *ar, size_t used)
{
    struct ls_slice before;
    if (ar->raw || (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_TAR)
        return false;
    if (ar->o->data.len - used >= 512 || used < 512 ||
        !ls_slice_sub(ar->o->data, used - 512, 512, &before))
        return false;
    for (size_t i = 0; i < before.len; i++)
        if (ls_slice_at(before, i) != 0) return true;
    return false;
}

/* Bytes after the container's end that are not zero padding: something
 * appended that no extractor shows. Handed on as the member "hidden_data". */
static ls_err trailing_bytes(struct arc *ar)
{
    if (ar->z_end) return LS_OK; /* said after the walk */
    uint64_t used = consumed_at_eof(ar);
    size_t len = ar->o->data.len;
    if (used == 0 || used >= len) return LS_OK;
    size_t at = (size_t)used;
    while (at < len && ls_slice_at(ar->o->data, at) == 0) at++;
    if (at >= len) return LS_OK;
    if (tar_header_cut(ar, (size_t)used))
        ls_note(ar->c, ar->o, LS_R_TRUNCATED,
                "tar: the last %zu bytes are a header block cut short (the file ends inside it)",
                len - (size_t)used);
    ls_note(ar->c, ar->o, NULL,
            "archive: %zu bytes after its end (at offset %zu) are read as member '"
            ARC_SLACK_NAME "'", len - at, at);
    return hidden_member(ar, ARC_SLACK_NAME, at, len - at);
}

/* pax extended headers (POSIX.1-2001 pax, "pax Extended Header"):
 * libarchive applies the keys it knows and drops the rest, so a 'comment'
 * or a user xattr (SCHILY.xattr.user.*) that holds a record is seen by
 * nobody. For an uncompressed tar (its bytes are the object's) the 'x' and
 * 'g' header blocks in front of the entry just read are found at its header
 * position and their records are scanned as the container's text, but for
 * the keys that only restate the entry (its path, sizes, times, ids). */
#define TAR_BLOCK 512u
#define TAR_EXT_MAX 8u /* extension headers in front of one entry */
static bool pax_key_plain(struct ls_slice key)
{
    static const char *const keys[] = {"path", "linkpath", "size", "mtime", "atime", "ctime",
                                       "uid", "gid", "uname", "gname", "charset", "hdrcharset"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (ls_slice_eq_str(key, keys[i])) return true;
    return ls_slice_starts(key, "GNU.sparse.", 11) || ls_slice_starts(key, "SCHILY.dev", 10) ||
           ls_slice_starts(key, "SCHILY.ino", 10) || ls_slice_starts(key, "SCHILY.nlink", 12) ||
           ls_slice_starts(key, "LIBARCHIVE.creationtime", 23);
}

/* One pax header body: "LEN key=value\n" records. */
static ls_err pax_records(struct arc *ar, struct ls_slice body)
{
    static const char nl = '\n';
    struct ls_cursor c = ls_cur_make(body);
    while (ls_cur_left(&c) > 0) {
        size_t len = 0, i = 0;
        struct ls_slice rest, rec, kv;
        (void)ls_slice_from(body, c.pos, &rest);
        while (i < rest.len && i < 20 && ls_slice_at(rest, i) >= '0' && ls_slice_at(rest, i) <= '9')
            len = len * 10 + (size_t)(ls_slice_at(rest, i++) - '0');
        if (i == 0 || len <= i + 1 || ls_cur_take(&c, len, &rec) != LS_OK) {
            /* not records: scan what is left as it is */
            return ls_emit_text(ar->c, ar->o, rest.ptr, rest.len);
        }
        if (!ls_slice_sub(rec, i + 1, rec.len - i - 1, &kv)) continue;
        size_t eq = ls_slice_find(kv, 0, "=", 1);
        struct ls_slice key = {kv.ptr, eq == SIZE_MAX ? kv.len : eq};
        if (pax_key_plain(key)) continue;
        LS_TRY(ls_emit_text(ar->c, ar->o, kv.ptr, kv.len));
        if (ls_slice_at(kv, kv.len - 1) != '\n') LS_TRY(ls_emit_text(ar->c, ar->o, &nl, 1));
    }
    return LS_OK;
}

static void pax_text(struct arc *ar)
{
    struct archive *a = ar->ss.a;
    ar->multivol = 0;
    if (ar->raw || archive_filter_count(a) != 1 ||
        (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_TAR)
        return;
    la_int64_t at = archive_read_header_position(a);
    struct ls_slice d = ar->o->data, hdr, body;
    for (unsigned n = 0; n < TAR_EXT_MAX && at >= 0 && (uint64_t)at <= d.len; n++) {
        if (!ls_slice_sub(d, (size_t)at, TAR_BLOCK, &hdr)) return;
        int type = ls_slice_at(hdr, 156);
        if (type == 'M') {
            /* GNU multi-volume: the rest of a file begun in the previous
             * volume, from the offset in the old GNU header (bytes
             * 369-380); libarchive reads it as a whole file */
            uint64_t off = 0;
            for (size_t i = 369; i < 381; i++) {
                int ch = ls_slice_at(hdr, i);
                if (ch < '0' || ch > '7') break;
                off = off * 8 + (uint64_t)(ch - '0');
            }
            ar->multivol = off + 1;
        }
        if (type != 'x' && type != 'g' && type != 'V') return;
        if (type == 'V') {
            /* a GNU volume label (`tar -V`): `tar -tv` shows it, no member
             * holds it, libarchive drops it */
            static const char nl = '\n';
            size_t ln = 0;
            while (ln < 100 && ls_slice_at(hdr, ln) > 0) ln++;
            if (ln && (ls_emit_text(ar->c, ar->o, hdr.ptr, ln) != LS_OK ||
                      ls_emit_text(ar->c, ar->o, &nl, 1) != LS_OK))
                return;
        }
        uint64_t size = 0;
        for (size_t i = 124; i < 136; i++) {
            int ch = ls_slice_at(hdr, i);
            if (ch < '0' || ch > '7') break;
            size = size * 8 + (uint64_t)(ch - '0');
        }
        size_t from = (size_t)at + TAR_BLOCK;
        if (size > d.len || !ls_slice_sub(d, from, (size_t)size, &body)) return;
        if (type != 'V' && pax_records(ar, body) != LS_OK) return;
        at = (la_int64_t)(from + ((size_t)size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK);
    }
}

/* Padding no extractor shows: a tar member's data is padded with zeros to
 * a 512-byte block, and libarchive skips the padding unread, so up to 511
 * bytes per member can hold anything (steganography in tar). For an
 * uncompressed tar the bytes between where a member's data ends and the
 * next header (or the end blocks) are checked; non-zero runs are kept for
 * the member "hidden_padding". Sparse members (whose stored size is not
 * their size) are not checked. */
#define ARC_PAD_NAME "hidden_padding"
#define ARC_PAD_MAX (1u << 20)
static bool tar_plain(const struct arc *ar)
{
    return !ar->raw && archive_filter_count(ar->ss.a) == 1 &&
           (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR;
}

/* The same for a compressed tar, where the bytes are not at hand: a gap of
 * a whole block or more (libarchive skipped a damaged header, or a
 * directory's data) is noted and read after the walk by tar_zgaps(), which
 * decodes the stream again (only then: a tool's padding is under a block). */
static bool tar_compressed(const struct arc *ar)
{
    return !ar->raw && archive_filter_count(ar->ss.a) >= 2 &&
           (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR;
}

static void pad_add(struct arc *ar, struct ls_slice gap, bool dir);

static void tar_gap(struct arc *ar, la_int64_t to)
{
    struct ls_slice gap;
    uint64_t from = ar->tar_end;
    bool dir = ar->tar_dir;
    ar->tar_end = 0;
    ar->tar_dir = false;
    if (from == 0 || to <= 0 || (uint64_t)to <= from) return;
    if (!tar_plain(ar)) {
        if ((uint64_t)to - from >= 512 && ar->nzgap < sizeof ar->zgap / sizeof ar->zgap[0]) {
            ar->zgap[ar->nzgap][0] = from;
            ar->zgap[ar->nzgap][1] = (uint64_t)to;
            ar->zgap_dir[ar->nzgap++] = dir;
        }
        return;
    }
    if ((uint64_t)to > ar->o->data.len || !ls_slice_sub(ar->o->data, (size_t)from, (size_t)((uint64_t)to - from), &gap))
        return;
    pad_add(ar, gap, dir);
}

/* The non-zero run of gap (first to last non-zero byte), for hidden_padding. */
static void pad_add(struct arc *ar, struct ls_slice gap, bool dir)
{
    struct ls_slice used;
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < gap.len; i++) {
        if (ls_slice_at(gap, i) == 0) continue;
        if (first == SIZE_MAX) first = i;
        last = i;
    }
    if (first == SIZE_MAX || !ls_slice_sub(gap, first, last - first + 1, &used)) return;
    ar->pad_members++;
    if (dir) ar->pad_dirs++;
    if (ls_buf_add(&ar->pad, used.ptr, used.len) != LS_OK || ls_buf_addc(&ar->pad, '\n') != LS_OK)
        return; /* full: what fit is read */
}

static void tar_padding(struct arc *ar, struct archive_entry *e)
{
    if (!tar_plain(ar) && !tar_compressed(ar)) return;
    tar_gap(ar, archive_read_header_position(ar->ss.a));
    la_int64_t data = archive_filter_bytes(ar->ss.a, 0), size = archive_entry_size(e);
    if (tar_compressed(ar)) {
        /* libarchive gives a directory, link or device no data */
        bool reg = archive_entry_filetype(e) == AE_IFREG;
        ar->tar_zlast = data <= 0 || (reg && (size < 0 || !archive_entry_size_is_set(e))) ||
                                archive_entry_sparse_count(e) > 0 || archive_entry_hardlink(e)
                            ? 0
                            : ((uint64_t)data + (reg ? (uint64_t)size : 0) + 511u) / 512u * 512u;
    }
    if (archive_entry_filetype(e) == AE_IFDIR && data > 0) {
        /* libarchive (and GNU tar) take a directory's size as 0: data its
         * header declares is read as the next header, fails its checksum
         * and is skipped ("Damaged tar archive"). From here to the next
         * header read is bytes no member holds */
        ar->tar_end = (uint64_t)data;
        ar->tar_dir = true;
        return;
    }
    if (data <= 0 || size < 0 || !archive_entry_size_is_set(e) || archive_entry_sparse_count(e) > 0 ||
        archive_entry_hardlink(e) || archive_entry_filetype(e) != AE_IFREG)
        return;
    ar->tar_end = (uint64_t)data + (uint64_t)size;
}

/* The stream libarchive was handed (past any skippable frames), decoded
 * again as one raw stream for what the format's reader could not show: the
 * first skip decoded bytes passed over uncharged (the first read charged
 * them), then at most max bytes kept in sink, charged and held to the bomb
 * ratio. false (nothing to free) if it does not open; else the caller frees
 * sink. ar->ss.err gets the read's error text, for stop_tags(). */
static bool redecode(struct arc *ar, uint64_t skip, uint64_t max, struct unpack_sink *sink,
                     struct unpack_result *res)
{
    struct unpack_session ss;
    struct archive_entry *ent;
    struct ls_slice in = ar->o->data;
    if (ar->front) (void)ls_slice_from(ar->o->data, ar->front, &in);
    if (unpack_open(&ss, in, UNPACK_MODE_RAW) != LS_OK || unpack_next(&ss, &ent) != ARCHIVE_OK) {
        unpack_close(&ss);
        return false;
    }
    struct unpack_meter m = {
        .charge = arc_charge,
        .ud = ar,
        .max = max > SIZE_MAX - 1 ? SIZE_MAX - 1 : max,
        .ratio = ar->lim->bomb_ratio,
        .floor = ar->lim->bomb_floor,
        .expired = arc_expired,
        .skip = skip,
    };
    unpack_sink_init(sink, ar->lim->spill_threshold);
    unpack_read(&ss, &m, sink, res);
    memcpy(ar->ss.err, ss.err, sizeof ar->ss.err);
    unpack_close(&ss);
    return true;
}

/* The gaps tar_gap() noted in a compressed tar, decoded again (charged
 * past the first, under the bomb ratio) and kept like an uncompressed
 * tar's. */
static ls_err tar_zgaps(struct arc *ar)
{
    struct ls_slice d, gap;
    uint64_t from = ar->zgap[0][0], to = ar->zgap[ar->nzgap - 1][1];
    struct unpack_sink sink;
    struct unpack_result res;
    if (!redecode(ar, from, to - from, &sink, &res)) return LS_OK;
    if (unpack_sink_slice(&sink, &d) == LS_OK)
        for (unsigned i = 0; i < ar->nzgap; i++)
            if (ar->zgap[i][1] - from <= d.len &&
                ls_slice_sub(d, (size_t)(ar->zgap[i][0] - from), (size_t)(ar->zgap[i][1] - ar->zgap[i][0]), &gap))
                pad_add(ar, gap, ar->zgap_dir[i]);
    unpack_sink_free(&sink);
    return LS_OK;
}

static ls_err padding_member(struct arc *ar)
{
    if (ar->pad.len == 0) return LS_OK;
    char dirs[96] = "";
    if (ar->pad_dirs)
        snprintf(dirs, sizeof dirs, " (%llu of them directory entries that declare data)",
                 (unsigned long long)ar->pad_dirs);
    ls_note(ar->c, ar->o, NULL,
            "tar: the padding of %llu members%s holds %zu bytes that are not zero; read as member '"
            ARC_PAD_NAME "'", (unsigned long long)ar->pad_members, dirs, ar->pad.len);
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = ARC_PAD_NAME;
    ch.name_len = strlen(ARC_PAD_NAME);
    ch.data = ls_buf_slice(&ar->pad);
    ls_err x = ls_emit_child(ar->c, ar->o, &ch);
    return x == LS_E_IO || x == LS_E_INTERNAL ? x : LS_OK;
}

/* A compressed tar's decoded stream may go on after its end-of-archive
 * blocks: `cat a.tar.gz b.tar.gz` (gzip decodes both members as one
 * stream), one gzip of `cat a.tar b.tar`, junk after the end. `tar -i` and
 * `zcat` show it; libarchive's tar reader stops at the first end. Likewise
 * a compressed cpio after its TRAILER!!! (the kernel reads every cpio of
 * a concatenated initramfs). Whether
 * anything may follow is judged without decoding again: a small stream
 * (TAIL_SMALL) is always looked at; a larger one when its decoder had not
 * even consumed the compressed input near its end (TAIL_AHEAD: the filters'
 * read-ahead), or, for gzip, when the last member's ISIZE (the decoded size
 * mod 2^32 of a one-member stream), or for xz the indexes of all its
 * streams (unpack_xz_decoded_size()), say more than a record of zero padding
 * (TAIL_PAD) follows what the tar reader used; an xz file of more than
 * one stream is always looked at (the padding lies in the first), and a
 * zstd file with a frame that begins past what the tar used
 * (unpack_zstd_more()), a bzip2 file whose last stream is not the
 * tar's own end (bzip2_more()). */
/* The decoded size of every xz stream in d, read backwards from the
 * footers and indexes (xz file format 1.2.1: stream padding, then a
 * 12-byte footer whose Backward Size locates the index; the index lists
 * each block's unpadded and uncompressed size, from which the stream's
 * start follows); *first: the first stream's. 0 if d does not parse that
 * way (then nothing is known). At most XZ_MAX_STREAMS streams and
 * XZ_MAX_RECORDS records. */
#define XZ_MAX_STREAMS 1024u
#define XZ_MAX_RECORDS (1u << 20)

static bool xz_varint(struct ls_slice d, size_t *at, size_t end, uint64_t *v)
{
    *v = 0;
    for (unsigned i = 0; i < 9 && *at < end; i++) {
        uint8_t b = d.ptr[(*at)++];
        *v |= (uint64_t)(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) return i == 0 || b != 0;
    }
    return false;
}

uint64_t unpack_xz_decoded_size(struct ls_slice d, uint64_t *first)
{
    uint64_t total = 0;
    *first = 0;
    size_t end = d.len, records = 0;
    for (unsigned n = 0; n < XZ_MAX_STREAMS && end > 0; n++) {
        while (end >= 4 && memcmp(d.ptr + end - 4, "\0\0\0\0", 4) == 0) end -= 4; /* stream padding */
        if (end < 24 || memcmp(d.ptr + end - 2, "YZ", 2) != 0) return 0;
        uint32_t bs;
        (void)ls_rd_u32le(d, end - 8, &bs);
        uint64_t isz = ((uint64_t)bs + 1) * 4;
        if (isz > end - 24) return 0;
        size_t idx = end - 12 - (size_t)isz, at = idx + 1, iend = end - 12 - 4; /* CRC32 last */
        uint64_t count, blocks = 0, unpadded, size, stream = 0;
        if (d.ptr[idx] != 0 || !xz_varint(d, &at, iend, &count) || count > XZ_MAX_RECORDS - records) return 0;
        records += (size_t)count;
        for (uint64_t i = 0; i < count; i++) {
            if (!xz_varint(d, &at, iend, &unpadded) || !xz_varint(d, &at, iend, &size) ||
                unpadded > d.len || size > UINT64_MAX - total)
                return 0;
            blocks += (unpadded + 3) & ~(uint64_t)3;
            total += size;
            stream += size;
            if (blocks > d.len) return 0;
        }
        if (blocks + 12 > idx) return 0;
        size_t start = idx - (size_t)blocks - 12;
        if (memcmp(d.ptr + start, "\xfd" "7zXZ\0", 6) != 0) return 0;
        end = start;
        *first = stream; /* walked backwards: the last one seen is the first */
    }
    return end == 0 ? total : 0;
}

/* Whether a zstd file holds more than a tar that used `used` decoded bytes:
 * a frame that starts at or past them (frames written apart: `cat a.tar.zst
 * b.tar.zst`; one stream's own frames, as pzstd cuts them, start inside
 * the tar), or declared content sizes adding up to more than pad past
 * them. Frames are walked from the start (skippable ones
 * stepped over). A frame compressed from a pipe declares no content size:
 * a frame after one of those is taken to begin past the tar (`cat` of two
 * such files; zstd writes one stream as one frame, pzstd declares its
 * frames' sizes), which costs at most a second decode. Bytes that are no
 * frame end the walk with what is known so far. */
#define ZSTD_MAX_FRAMES 65536u

bool unpack_zstd_more(struct ls_slice d, uint64_t used, uint64_t pad)
{
    uint64_t start = 0; /* decoded offset where the next frame begins */
    size_t at = 0;
    unsigned frames = 0;
    bool sized = true; /* every frame so far declared its content size */
    for (unsigned n = 0; n < ZSTD_MAX_FRAMES && at < d.len; n++) {
        uint32_t m, len;
        if (!ls_rd_u32le(d, at, &m)) return false;
        if ((m & 0xFFFFFFF0u) == SKIP_MAGIC) {
            if (!ls_rd_u32le(d, at + 4, &len) || len > d.len - at - 8) return false;
            at += 8 + (size_t)len;
            continue;
        }
        if (m != ZSTD_MAGIC) return false;
        if (frames > 0 && (start >= used || !sized)) return true; /* a frame after the tar, or after one of unknown size */
        frames++;
        uint64_t size;
        size_t fl = zstd_frame_len(d, at, &size);
        if (fl == 0) return false;
        at += fl;
        if (size == UINT64_MAX) { /* no content size (a stream compressed from a pipe) */
            sized = false;
            continue;
        }
        if (size > UINT64_MAX - 1 - start) return false;
        start += size;
        if (start > used && start - used > pad) return true;
    }
    return false;
}

/* bzip2 records no sizes; what is known without decoding everything again
 * is where its streams begin (bzip2 1.0.6 format: "BZh", a block-size digit
 * and the first block's magic, byte-aligned; a stream holding no data has
 * the end-of-stream magic there instead, and nothing to read). One stream
 * (bzip2, lbzip2, tar -j): its end is the tar's. Several: `cat big.tar.bz2
 * small.tar.bz2`, or pbzip2, which writes one stream per 900 kB of input.
 * unpack_bzip2_last_stream() finds the last one; bzip2_more() judges it. */
size_t unpack_bzip2_last_stream(struct ls_slice d)
{
    static const uint8_t block[6] = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    size_t last = 0;
    for (size_t at = 5;;) {
        size_t m = ls_slice_find(d, at, block, sizeof block);
        if (m == SIZE_MAX) return last;
        struct ls_slice h; /* m >= 5: the four bytes before the magic are in d */
        if (ls_slice_sub(d, m - 4, 4, &h) && memcmp(h.ptr, "BZh", 3) == 0 && h.ptr[3] >= '1' && h.ptr[3] <= '9')
            last = m - 4;
        at = m + 1;
    }
}

static bool tar_header_valid(struct ls_slice d)
{
    if (d.len < 512) return false;
    unsigned long sum = 0, want = 0;
    bool any = false;
    for (size_t i = 0; i < 512; i++) {
        sum += i >= 148 && i < 156 ? ' ' : d.ptr[i];
        any |= d.ptr[i] != 0;
    }
    size_t i = 148;
    while (i < 156 && d.ptr[i] == ' ') i++;
    if (i == 156 || d.ptr[i] < '0' || d.ptr[i] > '7') return false;
    while (i < 156 && d.ptr[i] >= '0' && d.ptr[i] <= '7') want = want * 8 + (unsigned long)(d.ptr[i++] - '0');
    return any && sum == want;
}

bool unpack_archive_end_shape(struct ls_slice d, bool cpio)
{
    if (tar_header_valid(d) || (d.len >= 6 && memcmp(d.ptr, "07070", 5) == 0) ||
        (d.len >= 2 && ((d.ptr[0] == 0xc7 && d.ptr[1] == 0x71) || (d.ptr[0] == 0x71 && d.ptr[1] == 0xc7))))
        return false; /* another archive begins */
    size_t tail = d.len < 512 ? d.len : 512;
    bool zeros = true;
    for (size_t i = d.len - tail; i < d.len && zeros; i++) zeros = d.ptr[i] == 0;
    if (zeros) return true; /* a tar's end blocks and record padding (GNU cpio pads to 512 too) */
    if (!cpio) return false;
    struct ls_slice end;
    (void)ls_slice_from(d, d.len > 1024 ? d.len - 1024 : 0, &end);
    return ls_slice_find(end, 0, "TRAILER!!!", 10) != SIZE_MAX;
}

static ls_err no_charge(void *ud, uint64_t n)
{
    (void)ud;
    (void)n;
    return LS_OK;
}

/* The last stream of a bzip2 file of several, when the decoder has entered
 * it (its read-ahead goes 64 KiB past the tar's end and through a small
 * appended stream): decoded alone (1 MiB at most, not charged: a check,
 * once per archive), it holds more than the tar when it is larger than a
 * pbzip2 piece, begins with an archive header, or does not end as the tar
 * (or cpio) ends. pbzip2's last piece ends as the tar does and begins
 * anywhere; one that begins exactly at a header costs a second decode. */
#define BZ2_PIECE_MAX (1u << 20)
static bool bzip2_more(struct ls_slice in, la_int64_t client, bool cpio)
{
    size_t last = unpack_bzip2_last_stream(in);
    if (last == 0) return false;
    if (client >= 0 && (uint64_t)client <= last) return true; /* never entered */
    struct ls_slice s, d;
    (void)ls_slice_from(in, last, &s);
    struct unpack_session ss;
    struct archive_entry *ent;
    bool more = false;
    if (unpack_open(&ss, s, UNPACK_MODE_RAW) == LS_OK && unpack_next(&ss, &ent) == ARCHIVE_OK) {
        struct unpack_meter m = {.charge = no_charge, .max = BZ2_PIECE_MAX + 1};
        struct unpack_sink k;
        struct unpack_result res;
        unpack_sink_init(&k, 0);
        unpack_read(&ss, &m, &k, &res);
        if (unpack_sink_slice(&k, &d) == LS_OK)
            more = res.stop == UNPACK_CUT_MAX || (res.stop == UNPACK_DONE && !unpack_archive_end_shape(d, cpio));
        unpack_sink_free(&k);
    }
    unpack_close(&ss);
    return more;
}

#define TAIL_SMALL (256u << 10)
#define TAIL_AHEAD (64u << 10)
#define TAIL_PAD (64u << 10)
static void tar_tail_mark(struct arc *ar)
{
    struct archive *a = ar->ss.a;
    int nf = archive_filter_count(a);
    int fmt = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
    if (ar->raw || ar->cut || nf < 2 || ar->seen == 0 || (fmt != ARCHIVE_FORMAT_TAR && fmt != ARCHIVE_FORMAT_CPIO))
        return;
    la_int64_t used = archive_filter_bytes(a, 0), client = archive_filter_bytes(a, -1);
    struct ls_slice in = ar->o->data; /* the stream libarchive was handed */
    if (ar->front) (void)ls_slice_from(ar->o->data, ar->front, &in);
    size_t len = in.len;
    uint32_t isize;
    if (used <= 0) return;
    bool more = len <= TAIL_SMALL || (client >= 0 && (uint64_t)client + TAIL_AHEAD < len);
    if (!more && nf == 2 && archive_filter_code(a, 0) == ARCHIVE_FILTER_GZIP &&
        ls_rd_u32le(ar->o->data, ar->o->data.len - 4, &isize))
        more = (uint32_t)(isize - (uint32_t)used) > TAIL_PAD;
    if (!more && nf == 2 && archive_filter_code(a, 0) == ARCHIVE_FILTER_ZSTD)
        more = unpack_zstd_more(in, (uint64_t)used, TAIL_PAD);
    if (!more && nf == 2 && archive_filter_code(a, 0) == ARCHIVE_FILTER_BZIP2)
        more = bzip2_more(in, client, fmt == ARCHIVE_FORMAT_CPIO);
    if (!more && nf == 2 && archive_filter_code(a, 0) == ARCHIVE_FILTER_XZ) {
        uint64_t first, total = unpack_xz_decoded_size(in, &first);
        /* a tar's record padding lies in its own stream: a second stream
         * is more content, however small */
        more = total > first || total > (uint64_t)used + TAIL_PAD;
    }
    /* lzma_alone has no structure to walk: only its decoder tells whether
     * the stream goes on to its end marker (or its declared size) past the
     * tar's end blocks, which the tar reader never asks for. The stream is
     * decoded again, whole (tar_tail()): a cut there read full. */
    ar->tail_lzma = nf == 2 && archive_filter_code(a, 0) == ARCHIVE_FILTER_LZMA;
    if (ar->tail_lzma) more = true;
    if (more) ar->tar_used = (uint64_t)used;
}

/* The decoded stream past tar_used, decoded again (raw, charged from there
 * on, under the bomb ratio): zero padding aside, the member "hidden_data". */
static ls_err tar_tail(struct arc *ar)
{
    struct ls_slice d;
    struct unpack_sink sink;
    struct unpack_result res;
    if (!redecode(ar, ar->tar_used, ls_budget_left(ar->c), &sink, &res))
        return LS_OK; /* it was read once: nothing to add */
    ls_err x = LS_OK;
    if ((res.stop == UNPACK_FAILED || res.stop == UNPACK_FATAL) && ar->tail_lzma && !ar->cut &&
        !ar->short_why[0])
        snprintf(ar->short_why, sizeof ar->short_why,
                 "lzma: the stream ends after %llu decoded bytes (the archive inside used %llu), before its "
                 "end marker or declared size: cut short",
                 (unsigned long long)(ar->tar_used + res.out), (unsigned long long)ar->tar_used);
    if (unpack_sink_slice(&sink, &d) == LS_OK) {
        /* the first tar's record padding is zeros; a second tar ends in
         * zero blocks of its own, which it needs */
        size_t from = 0, to = d.len;
        while (from < to && ls_slice_at(d, from) == 0) from++;
        if (to > from || res.stop == UNPACK_CUT_BOMB) {
            struct arc_child k;
            memset(&k, 0, sizeof k);
            ls_buf_init(&k.err, 2048);
            k.ch.name = ARC_SLACK_NAME;
            k.ch.name_len = strlen(ARC_SLACK_NAME);
            if (to - from > ARC_BOMB_KEEP && res.stop == UNPACK_CUT_BOMB) to = from + ARC_BOMB_KEEP;
            (void)ls_slice_sub(d, from, to - from, &k.ch.data);
            stop_tags(ar, &k, &res, ar->lim->bomb_floor);
            ls_note(ar->c, ar->o, NULL,
                    "archive: its decoded stream goes on past the archive's end (%llu bytes after the "
                    "%llu it used; `tar -i` reads them): read as member '" ARC_SLACK_NAME "'",
                    (unsigned long long)res.out, (unsigned long long)ar->tar_used);
            x = emit(ar, &k);
        }
    }
    unpack_sink_free(&sink);
    return x == LS_E_IO || x == LS_E_INTERNAL ? x : LS_OK;
}

/* libarchive's LHA reader turns every name into wide characters from the
 * code page its header names (ext 0x46), else from the bytes as they are
 * (UTF-8 under our locale); a name that does not convert is ARCHIVE_FATAL,
 * with "Pathname cannot be converted" or with no message at all, and every
 * member after it was lost. LHA's other writers (LHa for DOS/Windows,
 * LHA for UNIX in Japan) store CP932 without saying so: the walk is
 * retried once with that as the default (lha_again()). */
static bool lha_name_failed(const struct arc *ar)
{
    if (ar->lha_cp932 || (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_LHA)
        return false;
    return strstr(ar->ss.err, "cannot be converted") || strstr(ar->ss.err, "gave no detail");
}

/* An uncompressed tar libarchive read to its end (nothing but zeros after
 * what it used): libarchive 3.6 takes the end of the input for the end of
 * the archive, so a tar cut just after a member's data (or after a pax
 * header, before its file's header) read as whole. Its end-of-archive
 * blocks say where it ends (unpack_ends.c). */
static void tar_end(struct arc *ar)
{
    struct ls_slice d = ar->o->data;
    if (ar->cut || ar->short_why[0] || ar->front) return;
    uint64_t used = consumed_at_eof(ar);
    for (size_t at = (size_t)(used < d.len ? used : d.len); at < d.len; at++)
        if (ls_slice_at(d, at) != 0) return; /* bytes after its end: hidden data, said there */
    (void)unpack_tar_ended(d, ar->short_why, sizeof ar->short_why);
}

/* The same for a compressed tar (the decoded bytes are not at hand):
 * libarchive's tar reader consumes the two zero blocks that end a tar, so
 * a reader that stopped where the last entry's data (and padding) ends
 * met the end of the decoded stream instead. compress (.Z) has no end
 * marker, so a .tar.Z cut between two codes, after a member, read whole. */
static void tar_zend(struct arc *ar)
{
    if (ar->cut || ar->short_why[0] || !ar->tar_zlast || ar->seen == 0) return;
    la_int64_t used = archive_filter_bytes(ar->ss.a, 0);
    if (used < 0 || (uint64_t)used >= ar->tar_zlast + 1024u) return;
    snprintf(ar->short_why, sizeof ar->short_why,
             "tar: the decoded stream ends after member %llu's data, %s (cut short)",
             (unsigned long long)ar->seen,
             (uint64_t)used > ar->tar_zlast ? "with one end-of-archive block where two are written"
                                           : "without its end-of-archive blocks");
}

static ls_err walk(struct arc *ar)
{
    unsigned retries = 0;
    for (;;) {
        struct archive_entry *e = NULL;
        int r = unpack_next(&ar->ss, &e);
        if (r == ARCHIVE_EOF) {
            ar->eof_clean = true;
            if (tar_plain(ar)) tar_gap(ar, archive_filter_bytes(ar->ss.a, 0));
            if (tar_plain(ar)) tar_end(ar);
            if (tar_compressed(ar)) tar_zend(ar);
            tar_tail_mark(ar);
            return trailing_bytes(ar);
        }
        /* checked once there is a next member, so a budget spent by the
         * last member does not make the archive partial */
        if (!may_go_on(ar)) return LS_OK;
        if (r == ARCHIVE_RETRY && ++retries < UNPACK_MAX_RETRY) {
            /* libarchive skipped damage to find the next header (tar: "Damaged
             * tar archive"): whatever the damaged header held was not read */
            ls_note(ar->c, ar->o, LS_R_PARSE_ERROR, "%s: %s (skipped to the next header)", fmt_name(ar),
                    ar->ss.err[0] ? ar->ss.err : "damaged header");
            continue;
        }
        retries = 0;
        if (r == ARCHIVE_FATAL && lha_name_failed(ar)) {
            ar->lha_retry = true;
            return LS_OK;
        }
        if (r == ARCHIVE_FATAL || r == ARCHIVE_RETRY || r == ARCHIVE_FAILED) {
            if (header_error(ar, r) != LS_OK) return LS_OK;
            continue;
        }
        if (ar->skip) {
            ar->skip--; /* recorded by the pass before */
            continue;
        }
        ar->failed_run = 0;
        if (ar->seen == 0) LS_TRY(first_entry(ar));
        ar->seen++;
        pax_text(ar);
        tar_padding(ar, e);
        ls_err x = do_entry(ar, e, r == ARCHIVE_WARN);
        /* Limits were noted where they were hit; only I/O on the manifest
         * (the pipeline's fatal error) goes up. */
        if (x == LS_E_IO || x == LS_E_INTERNAL) return x;
        if (x != LS_OK) return LS_OK;
    }
}

/* After a 7z member whose data libarchive could not decode (an unknown
 * coder such as Deflate64, a damaged solid block), libarchive ends the
 * archive; 7-Zip lists and tests every member. The header is whole, and
 * libarchive's 7z reader skips members without decoding anything until the
 * first data is read (its "list mode"), then starts at that member's folder
 * (solid block). So the 7z is opened again: the members of the folder that
 * failed are recorded without their data (incomplete, with the failure's
 * reason), and reading resumes at the first member of a later folder that
 * decodes.
 *
 * The folders are not exposed, but a folder's members are consecutive, and
 * reading a member's data makes libarchive seek to its folder's first packed
 * stream before it decodes anything: a "dry" read (every read of the input
 * refused, so nothing is decoded) tells a member's folder by that offset
 * (folder_key()) at the cost of listing the header. Reading one byte of a
 * member decodes its folder from the start up to it, so only a folder's
 * first member is ever read that way (probe_7z()): a probe inside the
 * damaged folder would decode it again up to the damage (a 40 MiB folder
 * probed ~25 times took 6 s). Folder by folder: the first member whose
 * folder differs from the previous one is found by galloping then
 * bisecting over dry reads, then its first byte is read; the first folder
 * that yields one is where reading resumes. */

#define ARC_7Z_MAX_ROUNDS 64u /* failed folders resumed after, per 7z */
/* Sessions of the folder-by-folder search, then the rest is searched
 * blind (next_readable_blind()): each session parses the whole header,
 * ARC_7Z_PROBE_ENTRIES entries in all, between the two bounds. */
#define ARC_7Z_MAX_PROBES 128u
#define ARC_7Z_MIN_PROBES 24u
#define ARC_7Z_PROBE_ENTRIES 2000000u

/* Open the 7z again, list it to member j (1-based) and read one byte of
 * its data; dry: with every input read refused, *key tells its folder: the
 * offset of its first packed stream; for a folder that fails before
 * reading (an unknown coder), a value below -1 made of the failure's text;
 * -1 if it cannot be told (no seek came before the first read). 1: a byte
 * came; 0: it failed; -1: the 7z did not open again or has no member j. */
static int probe_7z_at(struct arc *ar, uint64_t j, bool dry, int64_t *key, char *why, size_t why_len)
{
    struct unpack_session ss;
    int ok = -1;
    if (unpack_open(&ss, ar->o->data, UNPACK_MODE_ANY) == LS_OK) {
        for (uint64_t n = 1;; n++) {
            struct archive_entry *e = NULL;
            int r = unpack_next(&ss, &e);
            if (r != ARCHIVE_OK && r != ARCHIVE_WARN) break;
            if (n < j) continue;
            uint8_t b;
            ss.dry = dry;
            ls_watch_enter();
            la_ssize_t got = archive_read_data(ss.a, &b, 1);
            ls_watch_leave();
            ss.dry = false;
            ok = got > 0;
            if (!ok && why) {
                const char *m = archive_error_string(ss.a);
                snprintf(why, why_len, "%.100s", m ? m : "no detail");
            }
            if (key) {
                *key = ok ? -1 : ss.dry_at;
                if (!ok && ss.dry_at == -2) {
                    /* it failed before reading anything (an unknown coder,
                     * encryption): the failure's text tells */
                    const char *m = archive_error_string(ss.a);
                    uint32_t h = 2166136261u;
                    for (; m && *m; m++) h = (h ^ (uint8_t)*m) * 16777619u;
                    *key = -2 - (int64_t)(h & 0x3fffffffu);
                }
            }
            break;
        }
    }
    unpack_close(&ss);
    return ok;
}

static int probe_7z(struct arc *ar, uint64_t j)
{
    return probe_7z_at(ar, j, false, NULL, NULL, 0);
}

/* The search when a member's folder cannot be told by a dry read (its key
 * is -1): galloping finds a member that decodes,
 * bisecting the first one after a member that does not (a good folder
 * between two bad ones in that range can be missed, and its members are
 * then recorded unread). A probe decodes, unmetered, the members of its
 * folder before it: one past more than `room` declared bytes is not made. */
static uint64_t next_readable_blind(struct arc *ar, const uint64_t *ne, const uint64_t *cum, size_t m,
                                    uint64_t room)
{
    size_t bad = SIZE_MAX, good = SIZE_MAX;
    for (size_t q = 0; q < m;) {
        if (ls_ctx_expired(ar->c) || cum[q] > room) return 0;
        int r = probe_7z(ar, ne[q]);
        if (r < 0) return 0;
        if (r) {
            good = q;
            break;
        }
        bad = q;
        if (q == m - 1) return 0;
        q = 2 * q + 1 < m - 1 ? 2 * q + 1 : m - 1;
    }
    if (good == SIZE_MAX) return 0;
    if (bad == SIZE_MAX) return ne[good];
    size_t lo = bad, hi = good; /* ne[lo] fails, ne[hi] decodes */
    while (hi - lo > 1) {
        if (ls_ctx_expired(ar->c)) return 0;
        size_t mid = lo + (hi - lo) / 2;
        int r = probe_7z(ar, ne[mid]);
        if (r < 0) return 0;
        if (r) hi = mid;
        else lo = mid;
    }
    return ne[hi];
}

/* The first member after the failed one (`from`) whose folder decodes, or
 * 0: ne[] holds the numbers of the non-empty members after it, in order
 * (empty members belong to no folder), cum[i] the declared sizes of
 * ne[0..i). *other: the first member found in a later folder that does not
 * decode either (0 if none), *why its failure. */
static uint64_t next_readable(struct arc *ar, uint64_t from, const uint64_t *ne, const uint64_t *cum,
                              size_t m, uint64_t room, uint64_t *other, char *why, size_t why_len)
{
    int64_t cur;
    unsigned probes = 1;
    uint64_t per = ARC_7Z_PROBE_ENTRIES / (from + m + 1);
    unsigned max_probes = per > ARC_7Z_MAX_PROBES ? ARC_7Z_MAX_PROBES
                          : per < ARC_7Z_MIN_PROBES ? ARC_7Z_MIN_PROBES
                                                    : (unsigned)per;
    *other = 0;
    if (probe_7z_at(ar, from, true, &cur, NULL, 0) < 0) return 0;
    if (cur == -1) return next_readable_blind(ar, ne, cum, m, room);
    for (size_t q = 0; q < m;) {
        /* ne[q - 1] (or `from`) lies in folder `cur`: find the first
         * member at or after q that does not, galloping then bisecting */
        size_t lo = SIZE_MAX, hi = SIZE_MAX; /* last in `cur`, first not */
        int64_t khi = 0;
        if (probes >= max_probes) /* many folders fail: the rest blind */
            return next_readable_blind(ar, ne + q, cum + q, m - q, room);
        for (size_t step = 1, i = q;; step *= 2) {
            int64_t k;
            if (ls_ctx_expired(ar->c) || probes++ >= 2 * max_probes) return 0;
            if (probe_7z_at(ar, ne[i], true, &k, NULL, 0) < 0) return 0;
            if (k == -1) return next_readable_blind(ar, ne + q, cum + q, m - q, room);
            if (k != cur) {
                hi = i;
                khi = k;
                break;
            }
            lo = i;
            if (i == m - 1) return 0; /* the rest lies in the failed folder */
            i = m - 1 - i > step ? i + step : m - 1;
        }
        while (lo != SIZE_MAX && hi - lo > 1) {
            int64_t k;
            size_t mid = lo + (hi - lo) / 2;
            if (ls_ctx_expired(ar->c) || probes++ >= 2 * max_probes) return 0;
            if (probe_7z_at(ar, ne[mid], true, &k, NULL, 0) < 0) return 0;
            if (k == -1) return next_readable_blind(ar, ne + q, cum + q, m - q, room);
            if (k == cur) lo = mid;
            else {
                hi = mid;
                khi = k;
            }
        }
        /* ne[hi] is the first member of its folder: reading its first
         * byte decodes one block at most */
        if (ls_ctx_expired(ar->c) || probes++ >= 2 * max_probes) return 0;
        int r = probe_7z_at(ar, ne[hi], false, NULL, *other ? NULL : why, why_len);
        if (r < 0) return 0;
        if (r) return ne[hi];
        if (!*other) *other = ne[hi];
        cur = khi;
        q = hi + 1;
    }
    return 0;
}

/* The non-empty members after member `from`: their numbers (*ne) and
 * cumulative declared sizes (*cum, m + 1 entries). false if the 7z does not
 * open again or memory fails. */
static bool rest_members(struct arc *ar, uint64_t from, uint64_t **ne, uint64_t **cum, size_t *m)
{
    struct unpack_session ss;
    size_t cap = 0, n_ = 0;
    uint64_t *a = NULL, *s = NULL;
    bool ok = unpack_open(&ss, ar->o->data, UNPACK_MODE_ANY) == LS_OK;
    for (uint64_t n = 1; ok; n++) {
        struct archive_entry *e = NULL;
        int r = unpack_next(&ss, &e);
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) break;
        if (n <= from || !archive_entry_size_is_set(e) || archive_entry_size(e) <= 0) continue;
        if (n_ + 1 >= cap) {
            size_t nc = cap ? cap * 2 : 64;
            uint64_t *a2 = realloc(a, nc * sizeof *a), *s2 = a2 ? realloc(s, nc * sizeof *s) : NULL;
            if (a2) a = a2;
            if (s2) s = s2;
            if (!a2 || !s2) {
                ok = false;
                break;
            }
            cap = nc;
        }
        uint64_t sz = (uint64_t)archive_entry_size(e), before = n_ ? s[n_] : 0;
        if (!n_) s[0] = 0;
        a[n_] = n;
        s[n_ + 1] = before + sz < before ? UINT64_MAX : before + sz;
        n_++;
    }
    unpack_close(&ss);
    if (!ok) {
        free(a);
        free(s);
        return false;
    }
    *ne = a;
    *cum = s;
    *m = n_;
    return true;
}

static ls_err list_rest(struct arc *ar)
{
    uint64_t listed = 0, resumed = 0;
    ls_err x = LS_OK;
    ar->in_rest = true;
    for (unsigned round = 0; x == LS_OK; round++) {
        uint64_t from = ar->rest_from, start = 0, other = 0;
        char why[128] = "";
        uint64_t *ne = NULL, *cum = NULL;
        size_t m = 0;
        if (round < ARC_7Z_MAX_ROUNDS && rest_members(ar, from, &ne, &cum, &m)) {
            uint64_t room = ls_budget_left(ar->c);
            if (ar->lim->bomb_ratio && ar->o->data.len < room / ar->lim->bomb_ratio)
                room = (uint64_t)ar->o->data.len * ar->lim->bomb_ratio;
            start = m ? next_readable(ar, from, ne, cum, m, room, &other, why, sizeof why) : 0;
        }
        free(ne);
        free(cum);
        if (unpack_open(&ar->ss, ar->o->data, UNPACK_MODE_ANY) != LS_OK) {
            unpack_close(&ar->ss);
            break;
        }
        bool again = false;
        for (uint64_t n = 1;; n++) {
            struct archive_entry *e = NULL;
            int r = unpack_next(&ar->ss, &e);
            if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
                /* libarchive reads a symbolic link's target while listing,
                 * from its folder: one in a folder that does not decode
                 * ends the listing, and what follows is not recorded */
                if (r != ARCHIVE_EOF && n > from)
                    ls_note(ar->c, ar->o, LS_R_PARSE_ERROR, "7z: the listing stops after member %llu (%s; "
                            "libarchive reads a symbolic link's target while listing): the members "
                            "after it are not recorded", (unsigned long long)(n - 1), ar->ss.err);
                break;
            }
            if (n <= from) continue;
            if (n == other)
                snprintf(ar->rest_msg, sizeof ar->rest_msg, "not read: this member's folder (solid block), "
                         "a later one than member %llu's, did not decode either (%.100s)",
                         (unsigned long long)from, why);
            /* the failed folder's members (and any before `start`) are
             * listed; empty members have no folder and are read */
            bool empty = archive_entry_size_is_set(e) && archive_entry_size(e) <= 0;
            ar->list_only = !empty && (!start || n < start);
            ar->seen++;
            ar->rest_hit = false;
            x = do_entry(ar, e, r == ARCHIVE_WARN);
            if (ar->list_only && x == LS_OK) listed++;
            if (!ar->list_only && !empty && !ar->rest_hit && x == LS_OK) resumed++;
            if (ar->rest_hit && x != LS_E_IO && x != LS_E_INTERNAL) {
                /* another folder did not decode: this member is recorded;
                 * go on after it */
                ar->rest_from = n;
                again = true;
                x = LS_OK;
                break;
            }
            if (x != LS_OK) break;
        }
        ar->list_only = false;
        unpack_close(&ar->ss);
        if (!again) break;
    }
    ar->in_rest = false;
    if (listed)
        ls_note(ar->c, ar->o, NULL, "7z: %llu member(s) after a member that could not be decoded listed from "
                "its header, not read", (unsigned long long)listed);
    if (resumed)
        ls_note(ar->c, ar->o, NULL, "7z: %llu member(s) of later folders read after opening it again",
                (unsigned long long)resumed);
    return x == LS_E_IO || x == LS_E_INTERNAL ? x : LS_OK;
}

/* A compressed stream of zeros reads as an empty tar: read it raw instead,
 * so a gzip bomb of zeros is measured like any other. */
static bool empty_tar_in_filter(const struct arc *ar)
{
    return ar->seen == 0 && archive_filter_count(ar->ss.a) > 1 &&
           (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR;
}

/* A compressed stream cut short can fail archive_read_open itself: the
 * format bidders read ahead into the block the filter cannot finish. */
static bool cut_stream_at_open(const struct arc *ar)
{
    return strstr(ar->ss.err, "truncated") || strstr(ar->ss.err, "Truncated") ||
           strstr(ar->ss.err, "premature end") || strstr(ar->ss.err, "No progress is possible");
}

/* A gzip stream cut short that libarchive cannot open: its decodable
 * prefix (zipsalvage.h) is the one member, truncated. *any is false if
 * there is none (not gzip, or nothing decodes). Returns the pipeline's
 * fatal errors only (I/O on the manifest). */
static ls_err gzip_prefix(struct arc *ar, bool *any)
{
    *any = false;
    if (!ls_slice_starts(ar->o->data, "\x1f\x8b", 2)) return LS_OK;
    uint64_t left = ls_budget_left(ar->c);
    size_t max = ar->lim->spill_threshold;
    if (left < max) max = (size_t)left;
    struct ls_buf out, name;
    ls_buf_init(&out, max ? max : 1);
    ls_buf_init(&name, 4096);
    bool bomb = false;
    ls_err e = ls_gzip_salvage(ar->c, ar->o, max, &out, &bomb), x = LS_OK;
    *any = out.len > 0;
    if (*any) {
        raw_name(ar->o, 1, &name);
        struct ls_child ch;
        memset(&ch, 0, sizeof ch);
        ch.name = name.ptr;
        ch.name_len = name.len;
        ch.data = ls_buf_slice(&out);
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = bomb ? LS_A_ZIP_BOMB : e == LS_E_LIMIT ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        ch.error = bomb ? "gzip prefix cut at the bomb ratio" : "gzip stream cut short: the decodable prefix";
        ls_note(ar->c, ar->o, LS_R_TRUNCATED,
                "archive: %s; the %zu bytes decoded before the cut are read", ar->ss.err, out.len);
        if (bomb)
            ls_note(ar->c, ar->o, LS_A_ZIP_BOMB, "gzip: expands over %u:1 past %llu bytes",
                    ar->lim->bomb_ratio, (unsigned long long)ar->lim->bomb_floor);
        x = ls_emit_child(ar->c, ar->o, &ch);
    }
    ls_buf_free(&out);
    ls_buf_free(&name);
    return x == LS_E_IO || x == LS_E_INTERNAL ? x : LS_OK;
}

/* A zip whose directory is sound but lists an entry whose local header
 * cannot be read, and of whose members libarchive read fewer than the
 * directory's other entries: the offset of the first readable local header
 * after such an entry (0 if none, or if the zip is anything else). */
static size_t zip_after_broken(const struct arc *ar)
{
    const struct ls_zipcd_report *r = &ar->zr;
    if (!r->is_zip || r->bomb || r->bad_local == 0 || ar->front || !ar->zn ||
        ar->seen + r->bad_local >= r->entries)
        return 0;
    struct ls_slice d = ar->o->data;
    bool broken = false;
    for (size_t i = 0; i < ar->nzn; i++) {
        uint64_t lo = ar->zn[i].local;
        uint32_t sig = 0;
        uint16_t nlen = 0, xlen = 0;
        bool ok = lo <= d.len && d.len - lo >= 30 && ls_rd_u32le(d, (size_t)lo, &sig) &&
                  sig == 0x04034B50u && ls_rd_u16le(d, (size_t)lo + 26, &nlen) &&
                  ls_rd_u16le(d, (size_t)lo + 28, &xlen) && d.len - lo - 30 >= (uint64_t)nlen + xlen;
        if (!ok) broken = true;
        else if (broken && lo > 0) return (size_t)lo;
    }
    return 0;
}

/* The object was taken on a weak probe alone (ARC_WEAK_PROBE: lzma_alone's
 * header checks, a binary cpio's two magic bytes) and is not named as such
 * an archive (a damaged file named .lzma stays a damaged archive). */
static bool weak_guess(const struct arc *ar)
{
    static const char *const named[] = {"lzma", "tlz", "cpio"};
    if (arc_probe(ar->o) > ARC_WEAK_PROBE || ar->front || ar->z_end) return false;
    for (size_t i = 0; ar->o->ext && i < sizeof named / sizeof named[0]; i++)
        if (strcmp(ar->o->ext, named[i]) == 0) return false;
    return true;
}

/* A weak guess (weak_guess()) is an archive only if its first member
 * decodes: bytes that pass lzma_alone's header checks by chance decode to
 * garbage until the range coder fails (an inflated MicroStation DGN stream
 * gave 128 KiB of it, then "Corrupted input data", and a clean drawing
 * read incomplete). Up to WEAK_TRIAL bytes of the decompressed stream (read
 * raw: the filter alone) are decoded and thrown away before anything is
 * recorded; an error there declines the
 * object (the next handler, else plain bytes), unless what came before it
 * was text (95% of its first 4 KiB: a real stream damaged later, kept as a
 * damaged archive). Named .lzma/.tlz/.cpio, a
 * damaged stream stays a damaged archive (weak_guess() is false). */
#define WEAK_TRIAL (8u << 20)

static bool weak_decodes(struct ls_slice in)
{
    struct unpack_session t;
    bool ok = unpack_open_with(&t, in, UNPACK_MODE_RAW, NULL) == LS_OK;
    if (ok) {
        struct archive_entry *en;
        char buf[16384];
        uint64_t got = 0;
        size_t text = 0, seen = 0;
        ls_watch_enter();
        int r = archive_read_next_header(t.a, &en);
        if (r == ARCHIVE_OK || r == ARCHIVE_WARN) {
            while (got < WEAK_TRIAL) {
                la_ssize_t n = archive_read_data(t.a, buf, sizeof buf);
                if (n <= 0) {
                    /* damage after text is a damaged stream, not chance */
                    ok = n == 0 || (seen >= 512 && text * 20 >= seen * 19);
                    break;
                }
                for (la_ssize_t i = 0; i < n && seen < 4096; i++, seen++) {
                    unsigned char ch = (unsigned char)buf[i];
                    text += (ch >= 0x20 && ch != 0x7f) || ch == '\n' || ch == '\r' || ch == '\t';
                }
                got += (uint64_t)n;
            }
        } else {
            ok = r == ARCHIVE_EOF;
        }
        ls_watch_leave();
    }
    unpack_close(&t);
    return ok;
}

/* A bzip2 or xz file of several streams one after another (pbzip2, pixz,
 * `cat`): libarchive's filters drop the block they were decoding when the
 * input ends, so one cut in a later stream can fail at open and lose the
 * members the earlier streams hold whole. The offset of the last stream
 * header past byte 0 (bzip2: "BZh", a level digit and a block's or the
 * end-of-stream magic; xz: the stream header magic and its flags' CRC
 * after the footer "YZ" and zero padding), 0 if none: the
 * streams before it are whole. */
static size_t last_stream_start(struct ls_slice s)
{
    static const uint8_t xz[6] = {0xFD, '7', 'z', 'X', 'Z', 0};
    size_t last = 0;
    if (ls_slice_starts(s, "BZh", 3)) {
        for (size_t at = ls_slice_find(s, 1, "BZh", 3); at != SIZE_MAX; at = ls_slice_find(s, at + 1, "BZh", 3)) {
            int lv = ls_slice_at(s, at + 3);
            struct ls_slice m;
            if (lv >= '1' && lv <= '9' && ls_slice_sub(s, at + 4, 6, &m) &&
                (ls_slice_starts(m, "1AY&SY", 6) || ls_slice_starts(m, "\x17\x72\x45\x38\x50\x90", 6)))
                last = at;
        }
    } else if (ls_slice_starts(s, xz, sizeof xz)) {
        for (size_t at = ls_slice_find(s, 1, xz, sizeof xz); at != SIZE_MAX;
             at = ls_slice_find(s, at + 1, xz, sizeof xz)) {
            /* the stream flags' CRC-32 right, after the last stream's footer
             * ("YZ") and its zero padding: not the magic of an .xz stored
             * in an LZMA2 chunk left uncompressed */
            uint32_t crc;
            size_t end = at;
            while (end >= 4 && ls_rd_u32le(s, end - 4, &crc) && crc == 0) end -= 4;
            if (ls_rd_u32le(s, at + 8, &crc) && crc_is(s, at + 6, 2, crc, 0xFFFFFFFFu) && end >= 2 &&
                ls_slice_at(s, end - 2) == 'Y' && ls_slice_at(s, end - 1) == 'Z')
                last = at;
        }
    }
    return last;
}

/* An ISO 9660 image inside a compressed stream (`.iso.Z`, `.iso.gz`):
 * cut_iso() sees only the compressed bytes, and libarchive's reader stops
 * after the last directory it needs, so a cut past it read as whole (a
 * compress stream has no end marker to tell). The stream is decoded again
 * (raw, nothing kept or charged; up to the volume size its primary volume
 * descriptor declares, the bomb ratio and the time budget): a stream that
 * ends quietly short of that size was cut. */
#define ISO_PVD_END (32768u + 136u)
static void iso_filtered_cut(struct arc *ar, struct ls_slice in)
{
    struct unpack_session t;
    struct archive_entry *en;
    if (!ar->eof_clean || ar->cut || ar->short_why[0]) return;
    if (unpack_open(&t, in, UNPACK_MODE_RAW) != LS_OK || unpack_next(&t, &en) != ARCHIVE_OK) {
        unpack_close(&t);
        return;
    }
    uint8_t pvd[ISO_PVD_END - 32768u];
    char buf[16384];
    uint64_t got = 0, want = 0, cap = (uint64_t)in.len * (ar->lim->bomb_ratio ? ar->lim->bomb_ratio : 200u) +
                                       ar->lim->bomb_floor;
    bool known = false, ended = false;
    memset(pvd, 0, sizeof pvd);
    ls_watch_enter();
    while (got < cap && !ls_ctx_expired(ar->c)) {
        la_ssize_t n = archive_read_data(t.a, buf, sizeof buf);
        if (n <= 0) {
            ended = n == 0;
            break;
        }
        for (uint64_t i = got < 32768u ? 32768u - got : 0; i < (uint64_t)n && got + i < ISO_PVD_END; i++)
            pvd[got + i - 32768u] = (uint8_t)buf[i];
        got += (uint64_t)n;
        if (!known && got >= ISO_PVD_END) {
            struct ls_slice p = {pvd, sizeof pvd};
            uint32_t blocks;
            uint16_t bs;
            if (!ls_slice_starts(p, "\x01" "CD001", 6) || !ls_rd_u32le(p, 80, &blocks) ||
                !ls_rd_u16le(p, 128, &bs) || bs < 512)
                break;
            known = true;
            want = (uint64_t)blocks * bs;
        }
        if (known && got >= want) break;
    }
    ls_watch_leave();
    unpack_close(&t);
    if (known && ended && got < want)
        snprintf(ar->short_why, sizeof ar->short_why,
                 "iso9660: the volume declares %llu bytes, its compressed stream decodes to %llu (cut short)",
                 (unsigned long long)want, (unsigned long long)got);
}

/* A gzip file of several members one after another (pigz -i, bgzip,
 * `cat a.gz b.gz`, a rotated log appended to) cut inside a later member:
 * libarchive's filter drops the block it was decoding when the input ends
 * (up to 64 KiB of output), so the tar members the whole gzip members held
 * at their end were lost with the cut one (GNU tar reads them). The last
 * gzip member header past byte 0 (magic, deflate, no reserved flag, a
 * known XFL) whose deflate data runs to the file's end without its end
 * (zlib, into a scratch buffer, under the bomb ratio and the time budget;
 * a header inside deflate data by chance fails to decode and the one
 * before it is tried, 4 at most): its offset, 0 if none. The stream is
 * then decoded by zlib up to the cut, member after member (gzip_prefix()). */
#define GZ_LATE_TRIES 4u
static size_t gzip_later_cut(const struct arc *ar)
{
    struct ls_slice s = ar->o->data;
    static const uint8_t magic[3] = {0x1f, 0x8b, 0x08};
    if (s.len < 40 || !ls_slice_starts(s, magic, 3)) return 0;
    size_t cand[GZ_LATE_TRIES], nc = 0;
    for (size_t at = ls_slice_find(s, 1, magic, 3); at != SIZE_MAX; at = ls_slice_find(s, at + 1, magic, 3)) {
        int fl = ls_slice_at(s, at + 3), xfl = ls_slice_at(s, at + 8);
        if (fl < 0 || (fl & 0xE0) || (xfl != 0 && xfl != 2 && xfl != 4)) continue;
        if (nc == GZ_LATE_TRIES) memmove(cand, cand + 1, --nc * sizeof cand[0]);
        cand[nc++] = at;
    }
    enum { SCRATCH = 1u << 16 };
    uint8_t *scratch = nc ? malloc(SCRATCH) : NULL;
    size_t found = 0;
    for (size_t i = nc; scratch && i-- > 0 && !found;) {
        struct ls_slice m;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (!ls_slice_from(s, cand[i], &m) || inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) break;
        uint64_t cap = (uint64_t)m.len * (ar->lim->bomb_ratio ? ar->lim->bomb_ratio : 200u) + ar->lim->bomb_floor;
        z.next_in = (Bytef *)(uintptr_t)m.ptr;
        z.avail_in = m.len > UINT_MAX ? UINT_MAX : (uInt)m.len;
        int r = Z_OK;
        while (r == Z_OK && z.total_out < cap && !ls_ctx_expired(ar->c)) {
            z.next_out = scratch;
            z.avail_out = SCRATCH;
            r = inflate(&z, Z_NO_FLUSH);
            if (r == Z_BUF_ERROR && z.avail_in == 0 && m.len <= UINT_MAX) found = cand[i]; /* input ended inside it */
        }
        inflateEnd(&z);
        if (r == Z_STREAM_END) break; /* that member ends: not cut there */
    }
    free(scratch);
    return found;
}

static ls_err run(struct arc *ar, enum unpack_mode mode, bool *retry_raw)
{
    struct ls_slice in = ar->o->data;
    if (mode == UNPACK_MODE_ANY && !ar->front && !ar->z_end && !ar->cut_end && !ar->seen) {
        size_t late = gzip_later_cut(ar);
        if (late) {
            bool any = false;
            snprintf(ar->ss.err, sizeof ar->ss.err, "gzip: the member at offset %zu is cut short (a file of "
                     "several gzip members)", late);
            ls_err g = gzip_prefix(ar, &any);
            ar->ss.err[0] = 0;
            if (any || g == LS_E_IO || g == LS_E_INTERNAL) return g;
        }
    }
    if (ar->alt_on) in = ls_buf_slice(&ar->alt);
    else if (ar->front) (void)ls_slice_from(ar->o->data, ar->front, &in);
    else if (ar->z_end) (void)ls_slice_sub(ar->o->data, 0, ar->z_end, &in);
    else if (ar->cut_end) (void)ls_slice_sub(ar->o->data, 0, ar->cut_end, &in);
    ls_err e = unpack_open_with(&ar->ss, in, mode, ar->lha_cp932 ? "lha:hdrcharset=CP932" : NULL);
    /* a RAR 5 volume set read joined: its reader goes on past a volume's end
     * block only when 512 bytes follow (scan_for_signature's read-ahead), so a
     * member continued into a last volume of fewer bytes was cut ("Header CRC
     * error"); zeros after a set whose parts are all there let it read that
     * volume (nothing is read from them: the last volume's end block ends the
     * archive) */
    if (e == LS_OK && ar->o->depth == 0 && ar->c->split && !ar->c->split->set_path && ar->c->split->n >= 2 &&
        !ar->c->split->note[0] && ls_slice_starts(in, "Rar!\x1A\x07\x01\x00", 8))
        ar->ss.pad = 512;
    size_t whole = 0; /* a later stream is cut: the whole ones are read again */
    if (e != LS_OK) {
        if (encryption_error(ar, false)) {
            ls_note(ar->c, ar->o, LS_R_ENCRYPTED, "archive: %s", ar->ss.err);
            ls_set_coverage_none(ar->c, ar->o);
        } else if (cut_stream_at_open(ar)) {
            /* libarchive's gzip/bzip2/xz filters drop the last block they were
             * decoding (up to 64 KiB) when the input ends: a short stream cut
             * anywhere yields nothing from libarchive; gzip is decoded here */
            bool any = false;
            e = gzip_prefix(ar, &any);
            if (!any && !ar->front && !ar->z_end && !ar->cut_end)
                whole = last_stream_start(ar->o->data);
            if (whole)
                ls_note(ar->c, ar->o, LS_R_TRUNCATED, "archive: %s; the file ends inside a later "
                        "compressed stream: the whole streams before it (%zu bytes) are read",
                        ar->ss.err, whole);
            else if (!any)
                ls_note(ar->c, ar->o, LS_R_TRUNCATED, "archive: %s (nothing could be decoded)",
                        ar->ss.err);
        } else if (strstr(ar->ss.err, "too many filters")) {
            /* gzip of gzip of ...: a nesting limit (libarchive's 25 filters) */
            ls_note(ar->c, ar->o, LS_R_LIMIT_DEPTH, "archive: %s (compressed more than 24 times over)",
                    ar->ss.err);
        } else if (weak_guess(ar)) {
            /* only the weak lzma_alone or binary-cpio guess said archive, and
             * libarchive refused the first bytes: not one (an MS Project
             * file's Var2Data stream passes the lzma_alone checks); the
             * object goes to the next handler, else is read as plain bytes */
            (void)ls_decline(ar->c, ar->o);
        } else {
            ls_note(ar->c, ar->o, ar->short_why[0] ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
                    "archive: %s", ar->ss.err);
        }
        unpack_close(&ar->ss);
        if (whole && e != LS_E_IO && e != LS_E_INTERNAL) {
            ar->cut_end = whole;
            return run(ar, mode, retry_raw);
        }
        return e == LS_E_IO || e == LS_E_INTERNAL ? e : LS_OK;
    }
    if ((mode == UNPACK_MODE_ANY || mode == UNPACK_MODE_RAW) && weak_guess(ar) && !ar->seen &&
        !weak_decodes(in)) {
        unpack_close(&ar->ss);
        (void)ls_decline(ar->c, ar->o);
        return LS_OK;
    }
    e = walk(ar);
    *retry_raw = mode == UNPACK_MODE_ANY && e == LS_OK && empty_tar_in_filter(ar);
    ar->read_iso = (archive_format(ar->ss.a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ISO9660;
    if (e == LS_OK && ar->read_iso && archive_filter_count(ar->ss.a) > 1 && !ar->z_end) iso_filtered_cut(ar, in);
    unpack_close(&ar->ss);
    return e;
}

/* The local headers and the directory disagree: members are read (and
 * their names checked) as libarchive walks the local headers, but an
 * extractor that trusts the directory writes the directory's names. Those
 * are checked too, on the container. */
/* The walk stopped at an LHA name libarchive could not convert
 * (lha_name_failed()): read the archive again with CP932 as the names'
 * default, passing over the members already recorded. */
static ls_err lha_again(struct arc *ar, bool *retry_raw)
{
    uint64_t before = ar->seen;
    ar->lha_cp932 = true;
    ar->skip = before;
    ls_err e = run(ar, UNPACK_MODE_ANY, retry_raw);
    if (ar->seen > before)
        ls_note(ar->c, ar->o, NULL, "lha: member %llu's name is neither in a code page its header names "
                "nor UTF-8; the names from it on were read as CP932 (Japanese: LHA's usual code page)",
                (unsigned long long)before + 1);
    return e;
}

static void directory_name_alerts(struct arc *ar)
{
    unsigned all = 0;
    for (size_t i = 0; i < ar->nzn; i++) all |= unpack_name_flags(ar->zn[i].name);
    const char *why = "a central-directory name";
    if (all & UNPACK_NAME_TRAVERSAL) ls_note(ar->c, ar->o, LS_A_PATH_TRAVERSAL, "zip: %s climbs out (..)", why);
    if (all & UNPACK_NAME_ABSOLUTE) ls_note(ar->c, ar->o, LS_A_ABSOLUTE_PATH, "zip: %s is absolute", why);
    if (all & UNPACK_NAME_BAD) ls_note(ar->c, ar->o, LS_A_BAD_NAME, "zip: %s is malformed", why);
}

/* A zip that starts with a local header but has no end record was cut
 * short: libarchive's streaming reader then reads the members by their local
 * headers and stops at the first directory entry (or the cut) as if that
 * were the end. Names, comments and entries only the directory holds are
 * lost: the zip is truncated. An end record that puts the directory past
 * the file's end is damage (parse_error). */
static void zip_cut(struct arc *ar, const struct ls_zipcd_report *r, ls_err zc)
{
    uint64_t cd_end = r->cd_offset + r->prefix + r->cd_size;
    if (r->nested)
        snprintf(ar->short_why, sizeof ar->short_why,
                 "zip: no end of central directory record (cut short?; the last is that of "
                 "stored member '%.32s'); members read by their local headers", r->nested_name);
    else if (!r->is_zip)
        snprintf(ar->short_why, sizeof ar->short_why,
                 "zip: no end of central directory record (cut short?); members were read "
                 "by their local headers");
    else if (zc == LS_E_TRUNCATED || cd_end > ar->o->data.len || r->cd_offset > ar->o->data.len)
        ls_note(ar->c, ar->o, LS_R_PARSE_ERROR,
                "zip: its end record puts the central directory past the end of the file "
                "(%llu of %llu entries found)", (unsigned long long)r->entries,
                (unsigned long long)r->declared);
}

/* A split zip read as one (zip -s parts joined by the supervisor,
 * src/pipeline/splitset.h): where its disks start in the root's data;
 * NULL for anything else. */
static const struct ls_zipcd_disks *arc_disks(const struct arc *ar, struct ls_zipcd_disks *d)
{
    const struct ls_split_job *j = ar->o->depth == 0 ? ar->c->split : NULL;
    if (!j || j->set_path || !j->starts || j->n < 2) return NULL;
    d->start = j->starts;
    d->n = j->n;
    return d;
}

/* Central-directory check before inflating anything (zipcd.c). True if the
 * zip is an overlap bomb and must not be read. */
static bool zip_precheck(struct arc *ar)
{
    struct ls_zipcd_report r;
    struct ls_zipcd_disks dk;
    const struct ls_zipcd_disks *disks = arc_disks(ar, &dk);
    bool pk = ls_slice_starts(ar->o->data, "PK", 2);
    if (!pk && !(media_or_blob(ar->o->mime) && appended_zip(ar->o->data))) return false;
    ls_err zc = ls_zipcd_check_disks(ar->o->data, disks, &r); /* damage is libarchive's to report */
    ar->zip_nested = r.nested && ls_slice_starts(ar->o->data, "PK\x03\x04", 4);
    if (pk && zc != LS_OK && zc != LS_E_NOMEM && ls_slice_starts(ar->o->data, "PK\x03\x04", 4)) {
        ar->zip_dir_bad = true;
        zip_cut(ar, &r, zc);
    }
    if (!r.is_zip) return false;
    ar->zr = r;
    if (!r.bomb) (void)ls_zipcd_names_disks(ar->o->data, disks, &ar->zn, &ar->nzn);
    if (!pk)
        ls_note(ar->c, ar->o, NULL, "zip appended after %llu bytes of %s (polyglot)%s",
                (unsigned long long)(ar->nzn ? ar->zn[0].local : r.prefix), ar->o->mime,
                ar->nzn ? "; they are read as member '" ARC_PREFIX_NAME "'" : "");
    if (r.nul_names)
        ls_note(ar->c, ar->o, LS_A_BAD_NAME, "zip: %llu member names contain a NUL byte",
                (unsigned long long)r.nul_names);
    if (r.name_mismatch || r.field_mismatch) {
        ls_note(ar->c, ar->o, LS_R_PARSE_ERROR,
                "zip: %llu entries hold another name, %llu another method, encryption or size in "
                "their local header than in the central directory (%s): readers disagree on "
                "the members", (unsigned long long)r.name_mismatch,
                (unsigned long long)r.field_mismatch, r.mismatch);
        directory_name_alerts(ar);
    }
    if (!r.bomb) return false;
    ls_note(ar->c, ar->o, LS_A_ZIP_BOMB, "%s", r.why);
    ls_note(ar->c, ar->o, LS_R_LIMIT_BYTES, NULL);
    return true;
}

/* 7z (7zFormat.txt, "SignatureHeader"): the header database sits at the
 * file's end, NextHeaderOffset bytes after the 32-byte start header; a file
 * cut anywhere loses it, and libarchive says only "damaged". */
#define SZ_START_LEN 32u
static void cut_7z(struct arc *ar, struct ls_slice s)
{
    uint64_t off, size;
    if (!ls_slice_starts(s, "7z\xbc\xaf\x27\x1c", 6)) return;
    if (!ls_rd_u64le(s, 12, &off) || !ls_rd_u64le(s, 20, &size)) {
        snprintf(ar->short_why, sizeof ar->short_why,
                 "7z: the file ends inside its %u-byte start header (cut short)", SZ_START_LEN);
        return;
    }
    uint64_t room = s.len - SZ_START_LEN;
    if (off <= room && size <= room - off) return;
    snprintf(ar->short_why, sizeof ar->short_why,
             "7z: its header (%llu bytes at offset %llu) lies past the end of the %zu bytes from its start "
             "(cut short)", (unsigned long long)size,
             (unsigned long long)(off > UINT64_MAX - SZ_START_LEN ? off : off + SZ_START_LEN), s.len);
}

/* A 7z whose header database (NextHeaderSize > 0, inside the file) gave
 * no member and no error: libarchive 3.6 ends quietly on some malformed
 * headers that 7-Zip refuses ("Headers Error"). An empty 7z (7-Zip's
 * 32-byte file) has no header database at all. */
static void empty_7z(struct arc *ar)
{
    uint64_t size;
    if (ar->seen || !ar->eof_clean || ar->short_why[0] || ar->front ||
        !ls_slice_starts(ar->o->data, "7z\xbc\xaf\x27\x1c", 6) || !ls_rd_u64le(ar->o->data, 20, &size) ||
        size == 0)
        return;
    ls_note(ar->c, ar->o, LS_R_PARSE_ERROR, "7z: its header (%llu bytes) lists no member libarchive could "
            "read (a damaged header: 7-Zip says \"Headers Error\")", (unsigned long long)size);
}

/* ISO 9660 (ECMA-119 8.4): the primary volume descriptor at 32768 declares
 * the volume's size in logical blocks (both-endian; the little-endian half
 * at +80, the block size at +128). A file shorter than that was cut. */
#define ISO_PVD_AT 32768u
static bool cut_iso(struct arc *ar)
{
    struct ls_slice s = ar->o->data, id;
    uint32_t blocks;
    uint16_t bs;
    if (!ls_slice_sub(s, ISO_PVD_AT, 6, &id) || !ls_slice_starts(id, "\x01" "CD001", 6)) return false;
    if (!ls_rd_u32le(s, ISO_PVD_AT + 80, &blocks) || !ls_rd_u16le(s, ISO_PVD_AT + 128, &bs)) return false;
    uint64_t want = (uint64_t)blocks * bs;
    if (bs < 512) return false;
    if (want <= s.len) return true; /* whole */
    snprintf(ar->short_why, sizeof ar->short_why,
             "iso9660: the volume declares %llu bytes, the file holds %zu (cut short)",
             (unsigned long long)want, s.len);
    return false;
}

/* A cabinet of a multi-cabinet set (CFHEADER flags cfhdrPREV_CABINET,
 * cfhdrNEXT_CABINET: a folder, and the member in it, continued across two
 * cabinets). libarchive 3.6 reads no such set ("Invalid CAB header"), and a
 * cabinet alone lacks the part of the member in the other: truncated. */
static void cab_set(struct arc *ar)
{
    bool prev, next;
    if (ar->short_why[0] || !unpack_cab_in_set(ar->o->data, &prev, &next)) return;
    snprintf(ar->short_why, sizeof ar->short_why,
             "cab: a cabinet of a multi-cabinet set (its header says %s): %s",
             prev && next ? "a cabinet comes before and after it" : prev ? "a cabinet comes before it"
                                                                      : "a cabinet comes after it",
             next ? "its last member goes on in the next cabinet" : "its first member begins in the previous cabinet");
}

/* Extra fields (APPNOTE 4.5) whose bodies are binary numbers, not text:
 * zip64 sizes, NTFS and Unix times, Unix ids, AES parameters, alignment
 * padding, the JAR marker. Every other field is handed to the scan. */
static bool zip_extra_binary(uint16_t id)
{
    static const uint16_t ids[] = {0x0001, 0x000a, 0x000d, 0x5455, 0x5855, 0x7855, 0x7875,
                                   0x9901, 0xa220, 0xd935, 0xcafe};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (ids[i] == id) return true;
    return false;
}

/* Extra fields no extractor shows (a third-party id holding a record, the
 * Info-ZIP Unicode path and comment fields): text for the scan. */
static ls_err zip_extra_text(struct arc *ar, struct ls_slice x)
{
    static const char nl = '\n';
    struct ls_cursor c = ls_cur_make(x);
    while (ls_cur_left(&c) >= 4) {
        uint16_t id, n;
        struct ls_slice body;
        if (ls_cur_u16le(&c, &id) || ls_cur_u16le(&c, &n) || ls_cur_take(&c, n, &body)) break;
        if (zip_extra_binary(id) || body.len == 0) continue;
        LS_TRY(ls_emit_text(ar->c, ar->o, body.ptr, body.len));
        LS_TRY(ls_emit_text(ar->c, ar->o, &nl, 1));
    }
    return LS_OK;
}

/* Comments are text anyone listing the zip reads (`unzip -z`, `zip -c`):
 * scanned as the container's text, with the entries' extra fields. */
static void zip_comments(struct arc *ar)
{
    static const char nl = '\n';
    if (ar->zr.comment.len) {
        (void)ls_emit_text(ar->c, ar->o, ar->zr.comment.ptr, ar->zr.comment.len);
        (void)ls_emit_text(ar->c, ar->o, &nl, 1);
    }
    for (size_t i = 0; i < ar->nzn; i++) {
        const struct ls_zipcd_name *z = &ar->zn[i];
        if (zip_extra_text(ar, z->extra) != LS_OK || zip_extra_text(ar, z->lextra) != LS_OK) break;
        if (z->comment.len == 0) continue;
        if (ls_emit_text(ar->c, ar->o, z->comment.ptr, z->comment.len) != LS_OK) break;
        (void)ls_emit_text(ar->c, ar->o, &nl, 1);
    }
}

/* Directory entries that nothing in the archive lies under ("HR/Employees/
 * Jane Roe 536-22-1874/", a folder per person, emptied): no record holds
 * their names, which are all there is to read. They are the container's
 * text, one per line. Directories with members under them are in those
 * members' names already. */
#define ARC_DIRS_MAX (1u << 20)

struct dirset {
    const char **name;
    size_t *len;
    bool *used;
    size_t *slot; /* index + 1, open addressing */
    size_t n, nslots;
};

static uint64_t dir_hash(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)p[i]) * 1099511628211ull;
    return h;
}

static size_t *dirset_find(struct dirset *s, const char *p, size_t n)
{
    size_t h = (size_t)dir_hash(p, n) & (s->nslots - 1);
    while (s->slot[h]) {
        size_t i = s->slot[h] - 1;
        if (s->len[i] == n && memcmp(s->name[i], p, n) == 0) return &s->slot[h];
        h = (h + 1) & (s->nslots - 1);
    }
    return &s->slot[h];
}

/* The names of directory entries no record holds and no member lies under
 * (unpack_names holds every member's name): one pass over the directory
 * names into a set, one over the members' names marking their parents,
 * so the cost is the length of the names, whatever their count. */
static void empty_dir_text(struct arc *ar)
{
    static const char nl = '\n';
    struct ls_slice all = ls_buf_slice(&ar->dirs);
    size_t ndirs = 0;
    for (size_t i = 0; i < all.len; i++) ndirs += all.ptr[i] == 0;
    if (!ndirs) return;
    struct dirset s = {0};
    s.nslots = 16;
    while (s.nslots < 2 * ndirs) s.nslots *= 2;
    s.name = malloc(ndirs * sizeof *s.name);
    s.len = malloc(ndirs * sizeof *s.len);
    s.used = calloc(ndirs, sizeof *s.used);
    s.slot = calloc(s.nslots, sizeof *s.slot);
    if (!s.name || !s.len || !s.used || !s.slot) goto out;
    for (size_t at = 0; at < all.len;) {
        size_t len = strlen((const char *)all.ptr + at);
        const char *d = (const char *)all.ptr + at;
        at += len + 1;
        while (len && (d[len - 1] == '/' || d[len - 1] == '\\')) len--;
        if (len == 0 || (len == 1 && d[0] == '.')) continue; /* an ISO's root, "tar c ." */
        size_t *sl = dirset_find(&s, d, len);
        if (*sl) continue; /* the same directory twice */
        s.name[s.n] = d;
        s.len[s.n] = len;
        *sl = ++s.n;
    }
    const struct unpack_names *ns = &ar->names;
    for (size_t i = 0; i < ns->nslots; i++) {
        const struct unpack_name_slot *ms = &ns->slot[i];
        if (!ms->hash) continue;
        const char *n = (const char *)ns->text.ptr + ms->off;
        for (size_t j = 1; j + 1 < ms->len; j++) { /* a parent: a separator with a name after it */
            if (n[j] != '/' && n[j] != '\\') continue;
            size_t *sl = dirset_find(&s, n, j);
            if (*sl) s.used[*sl - 1] = true;
        }
    }
    for (size_t i = 0; i < s.n; i++) {
        if (s.used[i]) continue;
        if (ls_emit_text(ar->c, ar->o, s.name[i], s.len[i]) != LS_OK || ls_emit_text(ar->c, ar->o, &nl, 1) != LS_OK)
            break;
    }
out:
    free(s.name);
    free(s.len);
    free(s.used);
    free(s.slot);
}

/* libarchive does not check gzip trailers at all, and gzip_crc_check() can
 * only check a single stream read whole against its member. Every gzip
 * member's CRC-32 and ISIZE are checked here by zlib, which verifies both
 * as it decodes (decoded again, into a scratch buffer: no bytes are kept
 * or charged): a wrong one, which `gzip -t` reports as "crc error" or
 * "length error", makes the container parse_error. Members follow one
 * another (cat a.gz b.gz, bgzip); what follows the last one (tape padding,
 * other bytes: hidden_data) ends the check, and so does input ending
 * inside a member (a cut stream: the walk said so), a bomb's ratio (the
 * walk said so too) or the time budget. */
static void gzip_trailers(struct arc *ar)
{
    struct ls_slice d = ar->o->data;
    static const uint8_t magic[3] = {0x1f, 0x8b, 0x08};
    if (ar->gz_crc_said || d.len < 18 || memcmp(d.ptr, magic, 3) != 0) return;
    enum { SCRATCH = 1u << 16 };
    uint8_t *scratch = malloc(SCRATCH);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (!scratch || inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        free(scratch);
        return;
    }
    uint64_t out = 0;
    size_t at = 0;
    unsigned member = 1;
    const char *what = NULL, *gz_says = NULL;
    bool inside = false;
    for (;;) {
        size_t left = d.len - at;
        z.next_in = (Bytef *)(uintptr_t)(d.ptr + at);
        z.avail_in = left > (1u << 30) ? (1u << 30) : (uInt)left;
        z.next_out = scratch;
        z.avail_out = SCRATCH;
        uInt in0 = z.avail_in;
        int r = inflate(&z, Z_NO_FLUSH);
        at += in0 - z.avail_in;
        out += SCRATCH - z.avail_out;
        if (r == Z_STREAM_END) {
            if (d.len - at >= 3 && d.len - at < 18 && memcmp(d.ptr + at, magic, 3) == 0) {
                member++; /* a member whose header was cut */
                inside = true;
                break;
            }
            if (d.len - at < 18 || memcmp(d.ptr + at, magic, 3) != 0 || inflateReset(&z) != Z_OK) break;
            member++;
            continue;
        }
        if (r == Z_DATA_ERROR && z.msg) {
            if (strcmp(z.msg, "incorrect data check") == 0) what = "CRC-32", gz_says = "crc error";
            else if (strcmp(z.msg, "incorrect length check") == 0) what = "size (ISIZE)", gz_says = "length error";
        }
        if (r != Z_OK || (in0 == z.avail_in && z.avail_out == SCRATCH)) {
            /* the input ended inside member `member`: its end (the last
             * block, the trailer) is missing */
            inside = at >= d.len && (r == Z_OK || r == Z_BUF_ERROR);
            break;
        }
        if (ar->lim->bomb_ratio && out > ar->lim->bomb_floor && out / (at ? at : 1) > ar->lim->bomb_ratio) break;
        if (ls_ctx_expired(ar->c)) break;
    }
    inflateEnd(&z);
    free(scratch);
    if (what)
        ls_note(ar->c, ar->o, LS_R_PARSE_ERROR,
                "gzip: member %u's trailer %s is not its data's (damaged; gzip -t says \"%s\")", member, what,
                gz_says);
    /* libarchive stops reading where the archive inside ends (a tar's
     * end-of-archive blocks): a stream cut in its last block or trailer
     * gave every member whole and read as whole */
    if (inside && ar->eof_clean && !ar->cut && !ar->short_why[0])
        snprintf(ar->short_why, sizeof ar->short_why,
                 "gzip: the file ends inside member %u (its last block or trailer is missing): cut short",
                 member);
}

/* The same for the other stream formats libarchive leaves unfinished when
 * the archive inside them ended: bzip2, xz and lzip by their end markers
 * (unpack_ends.c), zstd and lz4 by walking their frames to the end. */
static void stream_ends(struct arc *ar)
{
    struct ls_slice d = ar->o->data;
    char *why = ar->short_why;
    size_t n = sizeof ar->short_why;
    if (!ar->eof_clean || ar->cut || why[0]) return;
    if (!unpack_bzip2_ended(d, why, n) || !unpack_xz_ended(d, why, n) || !unpack_lzip_ended(d, why, n))
        return;
    uint32_t m;
    if (!ls_rd_u32le(d, 0, &m) || !(m == ZSTD_MAGIC || m == LZ4_MAGIC || (m & 0xFFFFFFF0u) == SKIP_MAGIC))
        return;
    size_t at = 0;
    for (unsigned k = 0; k < SKIP_MAX_FRAMES && at < d.len; k++) {
        size_t fl = 0;
        uint32_t len;
        if (!ls_rd_u32le(d, at, &m)) break;
        if ((m & 0xFFFFFFF0u) == SKIP_MAGIC)
            fl = ls_rd_u32le(d, at + 4, &len) && len <= d.len - at - 8 ? 8 + (size_t)len : 0;
        else if (m == ZSTD_MAGIC)
            fl = zstd_frame_len(d, at, NULL);
        else if (m == LZ4_MAGIC)
            fl = lz4_frame_len(d, at);
        else
            return; /* zeros, or bytes no decoder reads: said elsewhere */
        if (fl == 0) {
            snprintf(why, n, "%s: frame %u (at offset %zu) does not end inside the file: cut short",
                     m == ZSTD_MAGIC ? "zstd" : m == LZ4_MAGIC ? "lz4" : "skippable frame", k + 1, at);
            return;
        }
        at += fl;
    }
    if (at < d.len) {
        size_t z = at;
        while (z < d.len && ls_slice_at(d, z) == 0) z++;
        if (z < d.len && d.len - at < 4)
            snprintf(why, n, "zstd/lz4: the file ends inside a frame's magic number: cut short");
    }
}

/* A compress (.Z) stream has no end marker, no length and no check value:
 * decoders (libarchive's, uncompress) stop quietly when too few bits are
 * left for a code. Its writers (ncompress, libarchive's) end it with the
 * last code's byte, padded with zero bits. The codes are walked here as
 * libarchive's reader takes them (9 bits up to the header's maximum, one
 * more bit whenever the next entry would not fit, a CLEAR code skipping to
 * the end of its n-byte group), without the dictionary: bits left over
 * after the last whole code that are not all zero are the start of a code
 * the file was cut inside. A cut just between two codes (a chance of 1 in
 * 2 for 16-bit codes, 1 in 9 for 9-bit ones, less given zero bits) cannot
 * be told from an end. Zeros after the stream (block padding: bsdtar -Z)
 * read as more codes and never count as a cut. */
static bool compress_cut(struct ls_slice d, unsigned *left)
{
    size_t bad_end, bad_at;
    return compress_walk(d, left, &bad_end, &bad_at);
}

/* compress_cut(), and: *bad_end, where the last valid code's byte ends
 * before a code that is not valid (libarchive fails the whole block it is
 * decoding there: "Invalid compressed data"), *bad_at that code's byte;
 * both 0 if there is none. */
static bool compress_walk(struct ls_slice d, unsigned *left, size_t *bad_end, size_t *bad_at)
{
    *bad_end = *bad_at = 0;
    if (d.len < 4 || d.ptr[0] != 0x1f || d.ptr[1] != 0x9d) return false;
    unsigned maxbits = d.ptr[2] & 0x1f, bits = 9;
    bool reset = (d.ptr[2] & 0x80) != 0;
    if (maxbits < 10 || maxbits > 16) return false; /* libarchive refuses 9 */
    uint32_t maxcode = 1u << maxbits, free_ent = reset ? 257 : 256, sec_end = (1u << bits) - 1;
    bool have_old = false;
    uint64_t buf = 0;
    unsigned avail = 0, in_sec = 0;
    size_t pos = 3;
    for (;;) {
        while (avail < bits && pos < d.len) {
            buf |= (uint64_t)d.ptr[pos++] << avail;
            avail += 8;
            in_sec++;
        }
        if (avail < bits) break;
        uint32_t code = (uint32_t)(buf & ((1u << bits) - 1));
        uint64_t start_bit = (uint64_t)pos * 8 - avail; /* this code's first bit */
        buf >>= bits;
        avail -= bits;
        if (code == 256 && reset) {
            unsigned skip = (bits - in_sec % bits) % bits;
            if (d.len - pos < skip) return false; /* ends inside the skip: not claimed */
            pos += skip;
            buf = 0;
            avail = 0;
            in_sec = 0;
            bits = 9;
            sec_end = (1u << bits) - 1;
            free_ent = 257;
            have_old = false;
            continue;
        }
        if (code > free_ent || (code == free_ent && !have_old)) {
            /* damage or appended bytes: libarchive says so */
            *bad_end = (size_t)((start_bit + 7) / 8);
            *bad_at = (size_t)(start_bit / 8);
            return false;
        }
        if (free_ent < maxcode && have_old) free_ent++;
        if (free_ent > sec_end) {
            bits++;
            in_sec = 0;
            sec_end = bits == maxbits ? maxcode : (1u << bits) - 1;
        }
        have_old = true;
    }
    *left = avail;
    return (buf & ((1ull << avail) - 1)) != 0;
}

/* The gzip header's name, comment and extra field (gztrap.h): text no
 * decompressor shows, scanned as the container's text. */
static void gzip_header_text(struct arc *ar)
{
    static const char nl = '\n';
    struct ls_gz_fields f;
    if (!ls_gz_header_fields(ar->o->data, &f)) return;
    const struct ls_slice parts[] = {f.name, f.comment, f.extra};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (parts[i].len == 0) continue;
        if (ls_emit_text(ar->c, ar->o, parts[i].ptr, parts[i].len) != LS_OK) return;
        (void)ls_emit_text(ar->c, ar->o, &nl, 1);
    }
}

/* Bytes of a zip that no reader driven by its central directory reaches:
 *  - before the first local header the directory lists: another zip (or
 *    anything) put in front of the one the directory describes (`cat a.zip
 *    b.zip`), or the image, executable or blob a zip was appended to (its
 *    own bytes are not scanned raw once the archive handler reads the
 *    object) — the member "hidden_prefix";
 *  - gaps between entries, before the directory or after the end record's
 *    comment (more than a data descriptor's 24 bytes) — the largest one is
 *    the member "hidden_data".
 * Handed on whole, so what they hold is identified, unpacked and scanned. */
static ls_err hidden_bytes(struct arc *ar)
{
    ls_err e = LS_OK;
    /* the spanning marker alone (PK00, a one-part "split"; PK\7\8, the
     * first part of a split zip, APPNOTE 8.5.3) is the format's */
    bool marker = ar->nzn && ar->zn[0].local == 4 && (ls_slice_starts(ar->o->data, "PK00PK\x03\x04", 8) ||
                                                      ls_slice_starts(ar->o->data, "PK\x07\x08PK\x03\x04", 8));
    if (ar->nzn && ar->zn[0].local > 0 && !marker) {
        if (ls_slice_starts(ar->o->data, "PK\x03\x04", 4))
            ls_note(ar->c, ar->o, NULL,
                    "zip: %llu bytes before the first member its central directory lists "
                    "(another zip in front?), read as member '" ARC_PREFIX_NAME "'",
                    (unsigned long long)ar->zn[0].local);
        e = hidden_member(ar, ARC_PREFIX_NAME, 0, ar->zn[0].local);
    }
    if (e == LS_OK && ar->zr.slack_len && !ar->zr.bomb) {
        ls_note(ar->c, ar->o, NULL,
                "zip: %llu bytes belong to no member, directory or end record; the largest "
                "run (%llu bytes at offset %llu) is read as member '" ARC_SLACK_NAME "'",
                (unsigned long long)ar->zr.slack, (unsigned long long)ar->zr.slack_len,
                (unsigned long long)ar->zr.slack_off);
        e = hidden_member(ar, ARC_SLACK_NAME, ar->zr.slack_off, ar->zr.slack_len);
    }
    return e;
}

/* A RAR 5 archive (the file, or what follows a self-extractor's program)
 * whose header walk stops before its end of archive header was cut
 * (libarchive 3.6 takes the end of the input for the end); damage is
 * libarchive's to report. */
static void rar5_end(struct arc *ar, struct ls_slice rar)
{
    bool ended = false;
    if (ar->r5) return;
    ls_err r5 = ls_rar5_files_end(rar, &ar->r5, &ar->nr5, &ended);
    if ((r5 == LS_OK && !ended) || r5 == LS_E_TRUNCATED)
        snprintf(ar->short_why, sizeof ar->short_why,
                 "rar5: the file ends %s, before its end of archive header (cut short)",
                 r5 == LS_OK ? "between two headers" : "inside a header or a member's data");
}

static ls_err arc_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct arc ar;
    memset(&ar, 0, sizeof ar);
    ar.c = c;
    ar.o = o;
    ar.lim = ls_ctx_limits(c);
    if (o->depth >= ar.lim->max_depth) {
        ls_note(c, o, LS_R_LIMIT_DEPTH, "archive not opened: its members would be deeper than %u",
                ar.lim->max_depth);
        return LS_OK;
    }
    unsigned disk;
    if (!ls_slice_starts(o->data, "PK", 2) && split_zip_part(o->data, &disk)) {
        /* its bytes are still scanned raw (the object is partial) */
        ls_note(c, o, LS_R_UNSUPPORTED,
                "zip: part %u of a split (multi-disk) archive; the parts are not joined", disk + 1);
        return LS_OK;
    }
    if (zip_precheck(&ar)) return LS_OK;
    unsigned lvl = 0;
    if (ls_gztrap(o->data, &lvl)) {
        ls_note(c, o, LS_R_PARSE_ERROR,
                "gzip: level %u holds a gzip header whose name or comment never ends "
                "(libarchive 3.6 would hang on it); not unpacked", lvl);
        return LS_OK;
    }
    if (ls_slice_starts(o->data, LS_RAR5_SIG, LS_RAR5_SIG_LEN)) rar5_end(&ar, o->data);
    cut_7z(&ar, o->data);
    ar.whole_known = cut_iso(&ar) || unpack_cab_whole(o->data) || unpack_rar4_whole(o->data);
    cab_set(&ar);
    if (!unpack_ar_ended(o->data, ar.short_why, sizeof ar.short_why) ||
        !unpack_rpm_ended(o->data, ar.short_why, sizeof ar.short_why) ||
        !unpack_warc_ended(o->data, ar.short_why, sizeof ar.short_why) ||
        !unpack_lha_ended(o->data, ar.short_why, sizeof ar.short_why) ||
        !unpack_xar_ended(o->data, ar.short_why, sizeof ar.short_why) ||
        !unpack_rar4_ended(o->data, ar.short_why, sizeof ar.short_why)) {
        /* said after the walk */
    }
    ar.front = skippable_frames(o->data, NULL, NULL);
    {
        unsigned zl;
        size_t zend = 0, zbad = 0;
        (void)compress_walk(o->data, &zl, &zend, &zbad);
        if (zend > 3 && zend < o->data.len) {
            ar.z_end = zend;
            ar.z_bad = zbad;
        }
    }
    size_t stub = 0; /* a 7z, cab or RAR self-extractor's program, read as hidden_prefix */
    uint64_t sfx_end = 0; /* where that 7z or cab ends: the rest is hidden_data */
    if (!ar.front && !ar.zr.is_zip && media_or_blob(o->mime) && (stub = sfx_archive(o->data, &sfx_end)) > 0) {
        ar.front = stub;
        ar.sfx_stub = true;
        uint8_t k = ls_slice_at(o->data, stub);
        ls_note(c, o, NULL, "%s appended after %zu bytes of %s (self-extractor or polyglot); they are "
                "read as member '" ARC_PREFIX_NAME "'", k == '7' ? "7z" : k == 'M' ? "cab" : "rar",
                stub, o->mime);
        /* a RAR 5 self-extractor cut in its archive read full, no member */
        struct ls_slice rar = o->data;
        (void)ls_slice_from(o->data, stub, &rar);
        if (!ar.short_why[0] && ls_slice_starts(rar, LS_RAR5_SIG, LS_RAR5_SIG_LEN))
            rar5_end(&ar, rar);
        /* so were a RAR 4 cut in its end block and a 7z cut in its header */
        if (!ar.short_why[0] && k == 'R') (void)unpack_rar4_ended(rar, ar.short_why, sizeof ar.short_why);
        if (!ar.short_why[0] && k == '7') cut_7z(&ar, rar);
    }
    bool nested = false;
    if (!ar.front && !ar.zr.is_zip && media_or_blob(o->mime) && (stub = cut_appended_zip(o->data, &nested)) > 0) {
        ar.front = stub;
        ar.zip_nested = nested;
        ls_note(c, o, NULL, "zip appended after %zu bytes of %s (self-extractor or polyglot); they are "
                "read as member '" ARC_PREFIX_NAME "'", stub, o->mime);
        snprintf(ar.short_why, sizeof ar.short_why,
                 "zip: no end of central directory record (cut short?); members were read "
                 "by their local headers from offset %zu", stub);
    }
    if (!ar.front && !ar.zr.is_zip && !ar.short_why[0] && program_cut(o, ar.short_why, sizeof ar.short_why)) {
        /* no archive found after it: the program alone, its bytes scanned raw */
        ls_note(c, o, LS_R_TRUNCATED, "%s", ar.short_why);
        return LS_OK;
    }
    bool prev, next;
    unsigned dropped = 0;
    ls_buf_init(&ar.alt, o->data.len ? o->data.len : 1);
    if (!ar.front && unpack_cab_in_set(o->data, &prev, &next) && unpack_cab_alone(o->data, &ar.alt, &dropped)) {
        /* libarchive reads no cabinet of a set: the members whole in this one are */
        ar.alt_on = true;
        ls_note(c, o, NULL, "cab: read as a cabinet alone, the %u member(s) continued from or into another "
                "cabinet left out", dropped);
    }
    bool retry_raw = false;
    ls_buf_init(&ar.pad, ARC_PAD_MAX);
    ls_buf_init(&ar.dirs, ARC_DIRS_MAX);
    unpack_names_init(&ar.names);
    /* a zip whose last end record is a stored member's: libarchive's
     * seekable reader would take that member's members for the file's */
    ls_err e = run(&ar, ar.zip_nested ? UNPACK_MODE_ZIP_LOCAL : UNPACK_MODE_ANY, &retry_raw);
    if (e == LS_E_UNSUPPORTED) {
        /* libarchive recognises no format: after a weak probe that just
         * means "not an archive" (its bytes are still scanned raw). */
        if (arc_probe(o) > ARC_WEAK_PROBE)
            ls_note(c, o, LS_R_PARSE_ERROR, "archive: no format libarchive can read");
        e = LS_OK;
    }
    if (e == LS_OK && ar.lha_retry) e = lha_again(&ar, &retry_raw);
    if (retry_raw) {
        ar.dirs.len = 0;
        unpack_names_free(&ar.names);
        unpack_names_init(&ar.names);
        e = run(&ar, UNPACK_MODE_RAW, &retry_raw);
    }
    if (e == LS_OK && ar.seen == 0 && ar.zip_dir_bad && !ar.zip_nested) {
        /* libarchive's seekable reader trusted end records that lead
         * nowhere (Info-ZIP's `zip -fz` to a pipe writes a directory offset
         * of 0xffffffff and no zip64 record): read the local headers */
        ls_note(c, o, NULL, "zip: its directory is unusable; members read by their local headers");
        e = run(&ar, UNPACK_MODE_ZIP_LOCAL, &retry_raw);
    }
    size_t after_bad = e == LS_OK ? zip_after_broken(&ar) : 0;
    if (after_bad) {
        /* libarchive's seekable reader stops at an entry whose local header
         * cannot be read (a name or extra field past the file); unzip,
         * 7-Zip and Python go on with the next entry: read the rest by
         * their local headers, from the first sound one after it */
        ls_note(c, o, LS_R_TRUNCATED, "zip: %llu entr%s local header cannot be read; the members from "
                "offset %zu read by their local headers", (unsigned long long)ar.zr.bad_local,
                ar.zr.bad_local == 1 ? "y's" : "ies'", after_bad);
        size_t keep = ar.front;
        ar.front = after_bad;
        e = run(&ar, UNPACK_MODE_ZIP_LOCAL, &retry_raw);
        ar.front = keep;
    }
    if (e == LS_OK && ar.rest_from && !stub && !ar.front) e = list_rest(&ar);
    if (e == LS_OK && stub) e = hidden_member(&ar, ARC_PREFIX_NAME, 0, stub);
    if (e == LS_OK && stub && sfx_end > stub && sfx_end < o->data.len) {
        ls_note(c, o, NULL, "%llu bytes after the appended archive's end, read as member '" ARC_SLACK_NAME "'",
                (unsigned long long)(o->data.len - sfx_end));
        e = hidden_member(&ar, ARC_SLACK_NAME, sfx_end, o->data.len - sfx_end);
    }
    if (e == LS_OK && ar.z_end) {
        ls_note(c, o, LS_R_PARSE_ERROR, "compress: the code at offset %zu is not valid (damage, or bytes "
                "appended after the stream: compress has no end marker to tell); the stream is decoded up "
                "to it, the %zu bytes from offset %zu are read as member '" ARC_SLACK_NAME "'",
                ar.z_bad, o->data.len - ar.z_end, ar.z_end);
        e = hidden_member(&ar, ARC_SLACK_NAME, ar.z_end, o->data.len - ar.z_end);
    }
    if (e == LS_OK && ar.tar_used) e = tar_tail(&ar);
    if (e == LS_OK && ar.nzgap) e = tar_zgaps(&ar);
    if (e == LS_OK && ar.zr.is_zip) {
        zip_comments(&ar);
        e = hidden_bytes(&ar);
    }
    if (e == LS_OK && !ar.short_why[0] && ar.read_iso) e = iso_unclaimed(&ar);
    if (e == LS_OK) gzip_header_text(&ar);
    if (e == LS_OK) gzip_trailers(&ar);
    if (e == LS_OK) stream_ends(&ar);
    if (e == LS_OK) empty_7z(&ar);
    unsigned zleft = 0;
    if (e == LS_OK && !ar.cut && compress_cut(o->data, &zleft))
        ls_note(c, o, LS_R_TRUNCATED, "compress: the stream ends inside a code (%u bits left over that are "
                "not zero padding): cut short", zleft);
    if (e == LS_OK) empty_dir_text(&ar);
    ls_buf_free(&ar.dirs);
    uint32_t magic;
    if (e == LS_OK && ls_rd_u32le(o->data, 0, &magic) &&
        (magic == ZSTD_MAGIC || magic == LZ4_MAGIC || (magic & 0xFFFFFFF0u) == SKIP_MAGIC))
        (void)skippable_frames(o->data, c, o);
    if (e == LS_OK) e = padding_member(&ar);
    ls_buf_free(&ar.pad);
    ls_buf_free(&ar.alt);
    if (ar.short_why[0]) ls_note(c, o, LS_R_TRUNCATED, "%s", ar.short_why);
    unpack_names_free(&ar.names);
    free(ar.zn);
    free(ar.r5);
    if (ar.any_encrypted)
        ls_note(c, o, LS_R_ENCRYPTED, NULL);
    /* like an encrypted member: content in the archive nobody read */
    if (ar.n_unsupported)
        ls_note(c, o, LS_R_UNSUPPORTED, "%s: %u member(s) stored with a method libarchive cannot decode",
                fmt_name(&ar), ar.n_unsupported);
    return e;
}

const struct ls_handler ls_handler_archive = {
    .name = "archive",
    .probe = arc_probe,
    .extract = arc_extract,
};
