/*
 * Where archives and compressed streams end, by their own structure
 * (unpack_ends.h). Every read goes through ls_slice helpers; offsets are
 * compared against what is left, never added past the input.
 */
#include "unpack/unpack_ends.h"

#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far back from the end the bzip2 and xz checks look for the last end
 * marker (bytes after it that are not zero are someone else's: hidden data
 * after the stream, reported by the walk). */
#define ENDS_LOOK_BACK (64u << 10)

static size_t last_nonzero_end(struct ls_slice s)
{
    size_t z = s.len;
    while (z > 0 && ls_slice_at(s, z - 1) == 0) z--;
    return z;
}

static bool all_zero_from(struct ls_slice s, size_t at)
{
    return last_nonzero_end(s) <= at;
}

static bool starts_at(struct ls_slice s, size_t at, const char *magic, size_t mlen)
{
    struct ls_slice from;
    return ls_slice_from(s, at, &from) && ls_slice_starts(from, magic, mlen);
}

/* The first non-zero byte at or after at (s.len if none). */
static size_t skip_zeros(struct ls_slice s, size_t at)
{
    while (at < s.len && ls_slice_at(s, at) == 0) at++;
    return at;
}

bool unpack_bzip2_ended(struct ls_slice s, char *why, size_t n)
{
    static const uint64_t eos = 0x177245385090ull;
    if (!ls_slice_starts(s, "BZh", 3)) return true;
    size_t from = s.len > ENDS_LOOK_BACK ? s.len - ENDS_LOOK_BACK : 0;
    uint64_t reg = 0;
    size_t last_end = SIZE_MAX; /* the byte after the last marker's CRC */
    for (size_t i = from; i < s.len; i++) {
        int b = ls_slice_at(s, i);
        for (int k = 7; k >= 0; k--) {
            reg = (reg << 1) | (uint64_t)(((unsigned)b >> k) & 1u);
            if ((reg & 0xFFFFFFFFFFFFull) != eos) continue;
            /* the marker's last bit is bit k of byte i; 32 CRC bits follow,
             * then zero bits up to the byte's end */
            uint64_t bit_end = (uint64_t)i * 8 + (uint64_t)(8 - k) + 32;
            last_end = (size_t)((bit_end + 7) / 8);
        }
    }
    if (last_end != SIZE_MAX && last_end <= s.len) {
        size_t next = skip_zeros(s, last_end);
        if (next >= s.len || !starts_at(s, next, "BZh", 3)) return true; /* zeros, or bytes after it */
    }
    snprintf(why, n, "bzip2: the stream has no end-of-stream marker (its last bytes are missing): cut short");
    return false;
}

/* An xz stream footer ending at `end` (12 bytes: CRC32 of the next 6,
 * Backward Size, Stream Flags, "YZ"). */
static bool xz_footer_at(struct ls_slice s, size_t end)
{
    struct ls_slice f;
    uint32_t crc;
    if (end < 12 || !ls_slice_sub(s, end - 12, 12, &f)) return false;
    if (ls_slice_at(f, 10) != 'Y' || ls_slice_at(f, 11) != 'Z' || !ls_rd_u32le(f, 0, &crc)) return false;
    struct ls_slice body;
    if (!ls_slice_sub(f, 4, 6, &body)) return false;
    return (uint32_t)libdeflate_crc32(0, body.ptr, body.len) == crc;
}

bool unpack_xz_ended(struct ls_slice s, char *why, size_t n)
{
    static const char magic[6] = {(char)0xFD, '7', 'z', 'X', 'Z', 0};
    if (!ls_slice_starts(s, magic, 6)) return true;
    size_t from = s.len > ENDS_LOOK_BACK ? s.len - ENDS_LOOK_BACK : 0;
    for (size_t end = s.len; end >= 12 && end > from; end--) {
        if (!xz_footer_at(s, end)) continue;
        size_t next = skip_zeros(s, end);
        if (next >= s.len || !starts_at(s, next, magic, 6)) return true;
        break; /* another stream starts after the last footer: that one is cut */
    }
    snprintf(why, n, "xz: the stream has no footer (its last bytes are missing): cut short");
    return false;
}

/* Whether the lzip members walked back from `end` reach the start. */
static bool lzip_back_to_start(struct ls_slice s, size_t end)
{
    size_t at = end;
    for (unsigned members = 0; at > 0 && members < 1000000u; members++) {
        uint64_t msize;
        if (at < 26 || !ls_rd_u64le(s, at - 8, &msize) || msize < 26 || msize > at ||
            !starts_at(s, at - (size_t)msize, "LZIP", 4))
            return false;
        at -= (size_t)msize;
    }
    return at == 0;
}

bool unpack_lzip_ended(struct ls_slice s, char *why, size_t n)
{
    if (!ls_slice_starts(s, "LZIP", 4)) return true;
    if (lzip_back_to_start(s, s.len)) return true;
    /* bytes after the last member (lzip calls them trailing data): the
     * members end before them; a cut leaves no member end behind it, or
     * one followed by the start of the next member */
    size_t from = s.len > ENDS_LOOK_BACK ? s.len - ENDS_LOOK_BACK : 26;
    for (size_t end = s.len - 1; end >= from && end >= 26; end--) {
        if (!lzip_back_to_start(s, end)) continue;
        if (!starts_at(s, end, "LZIP", 4)) return true;
        break;
    }
    snprintf(why, n, "lzip: the last member has no trailer (its last bytes are missing): cut short");
    return false;
}

/* A decimal field of an ar header (digits, then spaces). */
static bool ar_decimal(struct ls_slice f, uint64_t *v)
{
    uint64_t x = 0;
    size_t i = 0;
    *v = 0;
    for (; i < f.len; i++) {
        int c = ls_slice_at(f, i);
        if (c < '0' || c > '9') break;
        if (x > (UINT64_MAX - 9) / 10) return false;
        x = x * 10 + (uint64_t)(c - '0');
    }
    if (i == 0) return false;
    for (; i < f.len; i++)
        if (ls_slice_at(f, i) != ' ') return false;
    *v = x;
    return true;
}

bool unpack_ar_ended(struct ls_slice s, char *why, size_t n)
{
    if (!ls_slice_starts(s, "!<arch>\n", 8)) return true;
    size_t at = 8;
    for (unsigned k = 0; at < s.len && k < 10000000u; k++) {
        size_t left = s.len - at;
        if (left == 1 && ls_slice_at(s, at) == '\n') return true; /* the last member's padding */
        struct ls_slice h, f;
        if (left < 60) {
            if (all_zero_from(s, at)) return true;
            snprintf(why, n, "ar: the file ends inside member %u's 60-byte header (cut short)", k + 1);
            return false;
        }
        uint64_t size;
        if (!ls_slice_sub(s, at, 60, &h) || ls_slice_at(h, 58) != '`' || ls_slice_at(h, 59) != '\n' ||
            !ls_slice_sub(h, 48, 10, &f) || !ar_decimal(f, &size))
            return true; /* damage: libarchive's to report */
        if (size > left - 60) {
            snprintf(why, n, "ar: member %u declares %llu bytes, the file holds %zu after its header "
                     "(cut short)", k + 1, (unsigned long long)size, left - 60);
            return false;
        }
        at += 60 + (size_t)size;
        if ((size & 1u) && at < s.len) at++;
    }
    return true;
}

/* An RPM header structure (magic 8E AD E8 01, 4 reserved bytes, index
 * count, data size: 16 + 16 * count + size bytes) at off: its length, 0 if
 * it is not one. */
static uint64_t rpm_header_len(struct ls_slice s, size_t off, bool *cut)
{
    struct ls_slice h;
    *cut = false;
    if (!ls_slice_sub(s, off, 16, &h)) {
        *cut = true;
        return 0;
    }
    static const char magic[4] = {(char)0x8E, (char)0xAD, (char)0xE8, 0x01};
    if (!ls_slice_starts(h, magic, 4)) return 0;
    uint64_t count = 0, size = 0;
    for (size_t i = 8; i < 12; i++) count = count << 8 | (uint64_t)ls_slice_at(h, i);
    for (size_t i = 12; i < 16; i++) size = size << 8 | (uint64_t)ls_slice_at(h, i);
    return 16 + 16 * count + size;
}

bool unpack_rpm_ended(struct ls_slice s, char *why, size_t n)
{
    static const char lead[4] = {(char)0xED, (char)0xAB, (char)0xEE, (char)0xDB};
    if (!ls_slice_starts(s, lead, 4)) return true;
    bool cut;
    uint64_t sig = rpm_header_len(s, 96, &cut);
    if (sig == 0 && !cut) return true; /* not the layout: libarchive's to judge */
    uint64_t at = 96 + sig;
    at = (at + 7) & ~(uint64_t)7;
    uint64_t hdr = sig ? rpm_header_len(s, at <= s.len ? (size_t)at : s.len, &cut) : 0;
    if (sig && hdr == 0 && !cut && at <= s.len) return true;
    if (!cut && sig && hdr && at + hdr < s.len) return true;
    snprintf(why, n, "rpm: the file ends inside its %s (the payload, the package's files, is missing): "
             "cut short", sig == 0 ? "signature" : "header");
    return false;
}

bool unpack_tar_ended(struct ls_slice s, char *why, size_t n)
{
    size_t z = last_nonzero_end(s);
    if (s.len < 512 || z == 0) return true;
    size_t r = s.len % 512;
    if (r) {
        if (z > s.len - r) return true; /* bytes in the last block: hidden data, said elsewhere */
        snprintf(why, n, "tar: the file ends %zu bytes into a 512-byte block, in its zero padding "
                 "(cut short; the members were read)", r);
        return false;
    }
    size_t data_end = (z + 511) / 512 * 512; /* the end of the last block holding data */
    if (s.len - data_end >= 1024) return true;
    if (s.len - data_end == 512)
        snprintf(why, n, "tar: one end-of-archive block where two are written (cut short inside them)");
    else
        snprintf(why, n, "tar: the file ends after a member, without its end-of-archive blocks "
                 "(cut short between two members?)");
    return false;
}

/* ---- WARC ---- */

#define WARC_HEADER_MAX (1u << 20) /* a record header longer than this: not a WARC we judge */

/* The value of a header field (case-insensitive name, at a line start)
 * between `from` and `end` as a decimal number. */
static bool warc_length(struct ls_slice s, size_t from, size_t end, uint64_t *v)
{
    static const char name[] = "content-length:";
    const size_t nl = sizeof name - 1;
    *v = 0;
    for (size_t at = from; at + nl <= end; at++) {
        if (at != from && ls_slice_at(s, at - 1) != '\n') continue;
        size_t i = 0;
        for (; i < nl; i++) {
            int c = ls_slice_at(s, at + i);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != name[i]) break;
        }
        if (i < nl) continue;
        size_t p = at + nl;
        while (p < end && (ls_slice_at(s, p) == ' ' || ls_slice_at(s, p) == '\t')) p++;
        uint64_t x = 0;
        size_t digits = 0;
        for (; p < end; p++, digits++) {
            int c = ls_slice_at(s, p);
            if (c < '0' || c > '9') break;
            if (x > (UINT64_MAX - 9) / 10) return false;
            x = x * 10 + (uint64_t)(c - '0');
        }
        if (!digits) return false;
        *v = x;
        return true;
    }
    return false;
}

bool unpack_warc_ended(struct ls_slice s, char *why, size_t n)
{
    if (!ls_slice_starts(s, "WARC/", 5)) return true;
    size_t at = 0;
    for (unsigned k = 1; at < s.len && k < 100000000u; k++) {
        if (!starts_at(s, at, "WARC/", 5)) {
            struct ls_slice tail;
            if (s.len - at >= 5 || !ls_slice_from(s, at, &tail) || !ls_slice_starts(tail, "WARC/", tail.len))
                return true; /* not a record: damage or other bytes, libarchive's */
            snprintf(why, n, "warc: the file ends inside record %u's header (cut short)", k);
            return false;
        }
        size_t lim = s.len - at > WARC_HEADER_MAX ? at + WARC_HEADER_MAX : s.len;
        struct ls_slice win;
        if (!ls_slice_sub(s, at, lim - at, &win)) return true;
        size_t hend = ls_slice_find(win, 0, "\r\n\r\n", 4);
        if (hend == SIZE_MAX) {
            if (lim < s.len) return true;
            snprintf(why, n, "warc: the file ends inside record %u's header (cut short)", k);
            return false;
        }
        uint64_t len;
        if (!warc_length(s, at, at + hend, &len)) return true; /* no length: libarchive's to judge */
        size_t body = at + hend + 4;
        uint64_t left = s.len - body;
        if (len > left || left - len < 4) {
            snprintf(why, n, "warc: record %u declares a %llu-byte block, the file holds %llu of it "
                     "(cut short)", k, (unsigned long long)len,
                     (unsigned long long)(len > left ? left : len));
            return false;
        }
        at = body + (size_t)len + 4;
        while (at < s.len && (ls_slice_at(s, at) == '\r' || ls_slice_at(s, at) == '\n')) at++;
    }
    return true;
}

/* ---- LHA ---- */

bool unpack_lha_ended(struct ls_slice s, char *why, size_t n)
{
    struct ls_slice m;
    if (!ls_slice_sub(s, 2, 5, &m) || ls_slice_at(m, 0) != '-' || ls_slice_at(m, 1) != 'l' ||
        ls_slice_at(m, 4) != '-')
        return true;
    size_t at = 0;
    for (unsigned k = 0; k < 10000000u; k++) {
        if (at == s.len) {
            if (k == 0) return true;
            snprintf(why, n, "lha: the file ends after member %u's data, without the 0 byte that ends "
                     "the header list (cut short)", k);
            return false;
        }
        if (ls_slice_at(s, at) == 0) return true; /* the end of the list */
        struct ls_slice h;
        uint32_t csize, hsize32;
        uint16_t hsize16;
        if (!ls_slice_sub(s, at, 22, &h) || ls_slice_at(h, 2) != '-' || ls_slice_at(h, 3) != 'l' ||
            ls_slice_at(h, 6) != '-' || !ls_rd_u32le(h, 7, &csize))
            return true; /* not a header: libarchive's to judge */
        uint64_t len;
        switch (ls_slice_at(h, 20)) {
        case 0:
        case 1: len = (uint64_t)ls_slice_at(h, 0) + 2; break;
        case 2:
            if (!ls_rd_u16le(h, 0, &hsize16)) return true;
            len = hsize16;
            break;
        case 3:
            if (!ls_rd_u32le(s, at + 24, &hsize32)) return true;
            len = hsize32;
            break;
        default: return true;
        }
        len += csize;
        if (len == 0 || len > s.len - at) return true; /* a member past the end: libarchive says so */
        at += (size_t)len;
    }
    return true;
}

/* ---- xar ---- */

#define XAR_TOC_MAX (16u << 20)

/* The decimal number in <tag>N</tag> found between from and end of t. */
static bool xml_number(struct ls_slice t, size_t from, size_t end, const char *tag, size_t tlen, uint64_t *v)
{
    struct ls_slice w;
    *v = 0;
    if (end < from || !ls_slice_sub(t, from, end - from, &w)) return false;
    size_t at = ls_slice_find(w, 0, tag, tlen);
    if (at == SIZE_MAX) return false;
    uint64_t x = 0;
    size_t p = at + tlen, digits = 0;
    for (; p < w.len; p++, digits++) {
        int c = ls_slice_at(w, p);
        if (c < '0' || c > '9') break;
        if (x > (UINT64_MAX - 9) / 10) return false;
        x = x * 10 + (uint64_t)(c - '0');
    }
    if (!digits || p >= w.len || ls_slice_at(w, p) != '<') return false;
    *v = x;
    return true;
}

/* The end of the furthest extent the TOC gives (heap offsets); false if it
 * names none. */
static bool xar_heap_end(struct ls_slice t, uint64_t *end)
{
    static const struct { const char *open, *close; } blocks[] = {
        {"<data>", "</data>"}, {"<ea>", "</ea>"}, {"<checksum", "</checksum>"}};
    bool any = false;
    *end = 0;
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
        size_t ol = strlen(blocks[b].open), cl = strlen(blocks[b].close);
        for (size_t at = ls_slice_find(t, 0, blocks[b].open, ol); at != SIZE_MAX;
             at = ls_slice_find(t, at + ol, blocks[b].open, ol)) {
            size_t close = ls_slice_find(t, at + ol, blocks[b].close, cl);
            if (close == SIZE_MAX) break;
            uint64_t off, len;
            if (!xml_number(t, at, close, "<offset>", 8, &off)) continue;
            if (!xml_number(t, at, close, b == 2 ? "<size>" : "<length>", b == 2 ? 6 : 8, &len)) continue;
            if (off > UINT64_MAX - len) continue;
            if (off + len > *end) *end = off + len;
            any = true;
        }
    }
    return any;
}

bool unpack_xar_ended(struct ls_slice s, char *why, size_t n)
{
    uint16_t hsize = 0;
    uint32_t c_hi = 0, c_lo = 0, u_hi = 0, u_lo = 0;
    if (!ls_slice_starts(s, "xar!", 4)) return true;
    struct ls_cursor c = ls_cur_make(s);
    if (ls_cur_skip(&c, 4) || ls_cur_u16be(&c, &hsize) || ls_cur_skip(&c, 2) || ls_cur_u32be(&c, &c_hi) ||
        ls_cur_u32be(&c, &c_lo) || ls_cur_u32be(&c, &u_hi) || ls_cur_u32be(&c, &u_lo))
        return true;
    uint64_t clen = (uint64_t)c_hi << 32 | c_lo, ulen = (uint64_t)u_hi << 32 | u_lo;
    if (hsize < 28 || hsize > s.len || clen == 0 || ulen == 0 || ulen > XAR_TOC_MAX || clen > s.len - hsize)
        return true; /* a TOC past the end: libarchive says so */
    struct ls_slice z;
    if (!ls_slice_sub(s, hsize, (size_t)clen, &z)) return true;
    uint8_t *toc = malloc((size_t)ulen);
    struct libdeflate_decompressor *d = toc ? libdeflate_alloc_decompressor() : NULL;
    bool ok = true;
    if (d) {
        size_t got = 0;
        if (libdeflate_zlib_decompress(d, z.ptr, z.len, toc, (size_t)ulen, &got) == LIBDEFLATE_SUCCESS) {
            uint64_t end;
            struct ls_slice t = {toc, got};
            uint64_t heap = (uint64_t)hsize + clen;
            if (xar_heap_end(t, &end) && end > s.len - heap) {
                snprintf(why, n, "xar: its table of contents puts member data up to heap offset %llu, "
                         "the file holds %llu bytes of heap (cut short)", (unsigned long long)end,
                         (unsigned long long)(s.len - heap));
                ok = false;
            }
        }
        libdeflate_free_decompressor(d);
    }
    free(toc);
    return ok;
}

/* ---- cab, RAR 4: whole by their own structure ---- */

bool unpack_cab_in_set(struct ls_slice s, bool *prev, bool *next)
{
    uint16_t flags;
    *prev = *next = false;
    if (!ls_slice_starts(s, "MSCF\0\0\0\0", 8) || !ls_rd_u16le(s, 30, &flags)) return false;
    *prev = flags & 1u;
    *next = (flags & 2u) != 0;
    return *prev || *next;
}

bool unpack_cab_whole(struct ls_slice s)
{
    uint32_t size;
    bool prev, next;
    if (!ls_slice_starts(s, "MSCF\0\0\0\0", 8) || !ls_rd_u32le(s, 8, &size)) return false;
    return !unpack_cab_in_set(s, &prev, &next) && size >= 36 && size <= s.len;
}

/* RAR 4's blocks walked by their sizes (HEAD_SIZE, ADD_SIZE, a file's
 * HIGH_PACK_SIZE): 1 at its end of archive block, 0 when the walk ends
 * at the file's end without one (RAR before 3.0 may write none), -1 when
 * a block runs past the file's end (its index in *k), -2 otherwise;
 * *split when it is a volume or holds a member split across volumes. */
static int rar4_walk(struct ls_slice s, bool *split, unsigned *k)
{
    *split = false;
    if (!ls_slice_starts(s, "Rar!\x1a\x07\x00", 7)) return -2;
    size_t at = 7;
    for (*k = 0; *k < 10000000u; ++*k) {
        if (at == s.len) return 0;
        uint16_t flags = 0, hsize;
        uint32_t add = 0;
        if (!ls_rd_u16le(s, at + 5, &hsize)) return -1; /* inside its 7-byte header */
        (void)ls_rd_u16le(s, at + 3, &flags);
        if (hsize < 7) return -2;
        int type = ls_slice_at(s, at + 2);
        if (type == 0x7B) return hsize <= s.len - at ? 1 : -1; /* the end of archive block */
        if (type == 0x73 && (flags & 0x0080u)) return -2;       /* MHD_PASSWORD: the headers after it are encrypted */
        /* a volume of a set (MHD_VOLUME), a member split across volumes
         * (LHD_SPLIT_BEFORE/AFTER): part of a member is elsewhere */
        if ((type == 0x73 && (flags & 0x0001u)) || (type == 0x74 && (flags & 0x0003u))) *split = true;
        if ((flags & 0x8000u) || type == 0x74 || type == 0x7A) {
            if (!ls_rd_u32le(s, at + 7, &add)) return -1;
        }
        uint64_t len = (uint64_t)hsize + add;
        if (type == 0x74 && (flags & 0x100u)) { /* LHD_LARGE: HIGH_PACK_SIZE */
            uint32_t high;
            if (!ls_rd_u32le(s, at + 32, &high)) return -1;
            len += (uint64_t)high << 32;
        }
        if (len > s.len - at) return -1;
        at += (size_t)len;
    }
    return -2;
}

bool unpack_rar4_whole(struct ls_slice s)
{
    bool split;
    unsigned k;
    return rar4_walk(s, &split, &k) == 1 && !split;
}

bool unpack_rar4_ended(struct ls_slice s, char *why, size_t n)
{
    bool split;
    unsigned k;
    if (rar4_walk(s, &split, &k) != -1) return true;
    snprintf(why, n, "rar: the file ends inside block %u (its header or data runs past the end): cut short",
             k + 1);
    return false;
}

/* An unsigned field of `len` bytes at off, little- or big-endian. */
static bool rd_uint(struct ls_slice s, size_t off, unsigned len, bool be, uint64_t *v)
{
    if (off > s.len || s.len - off < len) return false;
    *v = 0;
    for (unsigned i = 0; i < len; i++) {
        unsigned k = be ? i : len - 1 - i;
        *v = (*v << 8) | s.ptr[off + k];
    }
    return true;
}

/* PE (Microsoft PE/COFF: the section table after the optional header,
 * each section's raw data at PointerToRawData, SizeOfRawData long; the
 * Authenticode certificate table, data directory 4, a file offset). */
static uint64_t pe_end(struct ls_slice s)
{
    uint64_t lfanew, nsec, optsz, magic;
    if (!ls_slice_starts(s, "MZ", 2) || !rd_uint(s, 0x3C, 4, false, &lfanew) || lfanew > (1u << 20) ||
        !starts_at(s, (size_t)lfanew, "PE\0\0", 4))
        return 0;
    size_t coff = (size_t)lfanew + 4, opt = coff + 20;
    if (!rd_uint(s, coff + 2, 2, false, &nsec) || !rd_uint(s, coff + 16, 2, false, &optsz) || nsec == 0 ||
        nsec > 96 || !rd_uint(s, opt, 2, false, &magic) || (magic != 0x10B && magic != 0x20B))
        return 0;
    uint64_t end = opt + optsz + 40 * nsec; /* the headers themselves */
    for (uint64_t i = 0; i < nsec; i++) {
        uint64_t rsize, rptr;
        size_t sh = opt + (size_t)optsz + 40 * (size_t)i;
        if (!rd_uint(s, sh + 16, 4, false, &rsize) || !rd_uint(s, sh + 20, 4, false, &rptr)) return end;
        if (rsize && rptr + rsize > end) end = rptr + rsize;
    }
    uint64_t ndir, coff4, csize;
    size_t dd = opt + (magic == 0x20B ? 112 : 96);
    if (rd_uint(s, dd - 4, 4, false, &ndir) && ndir > 4 && (uint64_t)dd + 40 <= opt + optsz &&
        rd_uint(s, dd + 32, 4, false, &coff4) && rd_uint(s, dd + 36, 4, false, &csize) && coff4 && csize &&
        coff4 + csize > end)
        end = coff4 + csize;
    return end;
}

/* ELF (the program headers' file extents and the section header table,
 * usually the last thing in the file). */
static uint64_t elf_end(struct ls_slice s)
{
    if (!ls_slice_starts(s, "\x7f" "ELF", 4)) return 0;
    int cls = ls_slice_at(s, 4), enc = ls_slice_at(s, 5);
    if ((cls != 1 && cls != 2) || (enc != 1 && enc != 2)) return 0;
    bool be = enc == 2, w = cls == 2;
    unsigned a = w ? 8 : 4;
    uint64_t phoff, shoff, phent, phnum, shent, shnum;
    size_t o = 24 + a; /* e_phoff */
    if (!rd_uint(s, o, a, be, &phoff) || !rd_uint(s, o + a, a, be, &shoff) ||
        !rd_uint(s, o + 2 * a + 6, 2, be, &phent) || !rd_uint(s, o + 2 * a + 8, 2, be, &phnum) ||
        !rd_uint(s, o + 2 * a + 10, 2, be, &shent) || !rd_uint(s, o + 2 * a + 12, 2, be, &shnum))
        return 0;
    if (phoff > (1ull << 40) || shoff > (1ull << 40) || (phnum && phent < (w ? 56u : 32u)) ||
        (shnum && shent < (w ? 64u : 40u)))
        return 0;
    uint64_t end = shnum ? shoff + shent * shnum : 0;
    if (phnum && phoff + phent * phnum > end) end = phoff + phent * phnum;
    for (uint64_t i = 0; i < phnum && i < 4096; i++) {
        uint64_t off, fsz;
        size_t ph = (size_t)(phoff + phent * i);
        if (!rd_uint(s, ph + (w ? 8 : 4), a, be, &off) || !rd_uint(s, ph + (w ? 32 : 16), a, be, &fsz)) break;
        if (off < (1ull << 40) && fsz < (1ull << 40) && off + fsz > end) end = off + fsz;
    }
    return end;
}

bool unpack_program_ended(struct ls_slice s, char *why, size_t n)
{
    uint64_t end = pe_end(s);
    const char *kind = "pe: its sections (or certificate table)";
    if (!end) {
        end = elf_end(s);
        kind = "elf: its segments (or section header table)";
    }
    if (end <= s.len) return true;
    snprintf(why, n, "%s end at byte %llu, past the file's end (%zu bytes): the program is cut short "
             "(a self-extractor's archive after it lost too)", kind, (unsigned long long)end, s.len);
    return false;
}
