/*
 * Where archives and compressed streams end, by their own structure
 * (unpack_ends.h). Every read goes through ls_slice helpers; offsets are
 * compared against what is left, never added past the input.
 */
#include "unpack/unpack_ends.h"

#include <libdeflate.h>
#include <stdio.h>
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
