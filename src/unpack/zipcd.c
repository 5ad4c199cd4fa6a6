/*
 * Zip central-directory checker (see zipcd.h).
 *
 * Follows PKWARE APPNOTE 6.3.10: 4.3.16 end of central directory record,
 * 4.3.15 zip64 EOCD locator, 4.3.14 zip64 EOCD record, 4.3.12 central
 * directory file header, 4.3.7 local file header, 4.5.3 zip64 extended
 * information extra field. Supports self-extracting prefixes (offsets
 * shifted by the bytes before the zip). Multi-disk archives: only when
 * the caller joined the disks and says where each starts (zipcd.h,
 * ls_zipcd_disks); otherwise disk numbers are not checked. Ignores archive
 * comments and every extra field but zip64's.
 *
 * Attacker-controlled: all of it. Every offset is checked against the slice
 * before use, sums are overflow-checked, the number of entries walked is
 * bounded by the directory's size (46 bytes per entry at least), and the
 * only allocation is one range per entry, so at most len/46 ranges.
 *
 * The bomb test: each entry's local data occupies [local header, end of its
 * compressed data). In a well-formed zip those ranges are disjoint; in
 * Fifield's construction every entry's range contains the next one's (the
 * "quoted" local headers) and all end in one shared kernel. Any overlap is
 * reported; so is a declared entry count the file is too small to hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unpack/unpack_sort.h"
#include "unpack/zipcd.h"

#define SIG_EOCD 0x06054b50u
#define SIG_Z64_LOC 0x07064b50u
#define SIG_Z64_EOCD 0x06064b50u
#define SIG_CDH 0x02014b50u
#define SIG_LFH 0x04034b50u
#define EOCD_LEN 22u
#define Z64_LOC_LEN 20u
#define LFH_LEN 30u
#define MAX_COMMENT 65535u

struct zr_range {
    uint64_t start, end;
};

struct zcd {
    struct ls_slice zip;
    struct ls_zipcd_report *r;
    size_t eocd;        /* offset of the EOCD record */
    size_t cd_end;      /* where the directory must end (EOCD or zip64 EOCD) */
    struct zr_range *rg;
    size_t nrg;
    bool want_names;             /* ls_zipcd_names: collect names too */
    struct ls_zipcd_name *names;
    size_t nnames;
    const struct ls_zipcd_disks *disks; /* a joined split zip, or NULL */
    uint32_t cd_disk;                   /* the disk the directory starts on */
};

/* off, relative to the start of disk d, as an offset in the joined data
 * (unchanged without a disk table or for a disk it does not have). */
static uint64_t on_disk(const struct zcd *z, uint32_t d, uint64_t off)
{
    if (!z->disks || d >= z->disks->n || d == 0) return off;
    uint64_t b = z->disks->start[d];
    return off > UINT64_MAX - b ? UINT64_MAX : off + b;
}

static bool find_eocd(struct zcd *z)
{
    struct ls_slice s = z->zip;
    if (s.len < EOCD_LEN) return false;
    size_t last = s.len - EOCD_LEN;
    size_t stop = last > MAX_COMMENT ? last - MAX_COMMENT : 0;
    for (size_t pos = last + 1; pos-- > stop;) {
        uint32_t sig;
        uint16_t clen;
        if (!ls_rd_u32le(s, pos, &sig) || sig != SIG_EOCD) continue;
        if (!ls_rd_u16le(s, pos + 20, &clen)) continue;
        if (clen > s.len - pos - EOCD_LEN) continue; /* comment must fit */
        z->eocd = pos;
        return true;
    }
    return false;
}

/* Zip64 end records, if a locator sits right before the EOCD. */
static void read_zip64(struct zcd *z)
{
    struct ls_slice s = z->zip;
    uint32_t sig;
    uint64_t off, total, size, cdoff;
    if (z->eocd < Z64_LOC_LEN) return;
    size_t loc = z->eocd - Z64_LOC_LEN;
    if (!ls_rd_u32le(s, loc, &sig) || sig != SIG_Z64_LOC) return;
    if (!ls_rd_u64le(s, loc + 8, &off)) return;
    /* The locator's offset may also be shifted by a prefix: look both at the
     * declared place and just before the locator (56-byte record). */
    if (off > s.len || !ls_rd_u32le(s, (size_t)off, &sig) || sig != SIG_Z64_EOCD) {
        if (loc < 56) return;
        off = loc - 56;
        if (!ls_rd_u32le(s, (size_t)off, &sig) || sig != SIG_Z64_EOCD) return;
    }
    uint32_t cdd = 0;
    if (!ls_rd_u64le(s, (size_t)off + 32, &total) || !ls_rd_u64le(s, (size_t)off + 40, &size) ||
        !ls_rd_u64le(s, (size_t)off + 48, &cdoff) || !ls_rd_u32le(s, (size_t)off + 20, &cdd))
        return;
    z->cd_disk = cdd;
    z->r->zip64 = true;
    z->r->declared = total;
    z->r->cd_size = size;
    z->r->cd_offset = cdoff;
    z->cd_end = (size_t)off;
}

static ls_err read_eocd(struct zcd *z)
{
    struct ls_slice s = z->zip;
    uint16_t total, cdd;
    uint32_t size, off;
    LS_FAIL_IF(!ls_rd_u16le(s, z->eocd + 6, &cdd), LS_E_CORRUPT);
    z->cd_disk = cdd;
    LS_FAIL_IF(!ls_rd_u16le(s, z->eocd + 10, &total), LS_E_CORRUPT);
    LS_FAIL_IF(!ls_rd_u32le(s, z->eocd + 12, &size), LS_E_CORRUPT);
    LS_FAIL_IF(!ls_rd_u32le(s, z->eocd + 16, &off), LS_E_CORRUPT);
    z->r->declared = total;
    z->r->cd_size = size;
    z->r->cd_offset = off;
    z->cd_end = z->eocd;
    read_zip64(z);
    z->r->cd_offset = on_disk(z, z->cd_disk, z->r->cd_offset);
    /* The directory ends where the end records begin; bytes unaccounted
     * for before it are a prefix (self-extractor stub). */
    uint64_t decl_end = z->r->cd_offset + z->r->cd_size;
    LS_FAIL_IF(z->r->cd_size > z->cd_end || z->r->cd_offset > z->cd_end - z->r->cd_size,
               LS_E_CORRUPT);
    z->r->prefix = z->cd_end - decl_end;
    return LS_OK;
}

/* Zip64 extended information (4.5.3): fields present only for those whose
 * 32-bit value is saturated, in this order. */
static void zip64_extra(struct ls_slice extra, uint64_t *usize, uint64_t *csize, uint64_t *loff)
{
    struct ls_cursor c = ls_cur_make(extra);
    while (ls_cur_left(&c) >= 4) {
        uint16_t id, n;
        struct ls_slice body;
        if (ls_cur_u16le(&c, &id) || ls_cur_u16le(&c, &n) || ls_cur_take(&c, n, &body)) return;
        if (id != 0x0001) continue;
        struct ls_cursor f = ls_cur_make(body);
        uint64_t v = 0;
        /* a field the extra is too short for keeps its saturated value */
        if (*usize == 0xffffffffu) {
            if (ls_cur_u64le(&f, &v)) return;
            *usize = v;
        }
        if (*csize == 0xffffffffu) {
            if (ls_cur_u64le(&f, &v)) return;
            *csize = v;
        }
        if (*loff == 0xffffffffu && ls_cur_u64le(&f, &v) == LS_OK) *loff = v;
        return;
    }
}

/* The local data range of an entry whose header is at file offset lo;
 * false (counted in bad_local) if there is no valid local header there: such
 * an entry cannot be inflated by anyone, so it takes no part in overlaps. */
/* Names equal but for '/' against '\\' (DOS-made entries). */
static bool same_name(struct ls_slice a, struct ls_slice b)
{
    if (a.len != b.len) return false;
    for (size_t i = 0; i < a.len; i++) {
        int x = ls_slice_at(a, i), y = ls_slice_at(b, i);
        if (x != y && !((x == '/' || x == '\\') && (y == '/' || y == '\\'))) return false;
    }
    return true;
}

/* The name an Info-ZIP Unicode Path extra field (0x7075, version 1: a
 * CRC-32 of the header's name, then the name in UTF-8) holds; false if the
 * extra fields hold none. */
static bool unicode_path(struct ls_slice extra, struct ls_slice *out)
{
    struct ls_cursor c = ls_cur_make(extra);
    *out = (struct ls_slice){extra.ptr, 0};
    while (ls_cur_left(&c) >= 4) {
        uint16_t id, n;
        struct ls_slice body;
        if (ls_cur_u16le(&c, &id) || ls_cur_u16le(&c, &n) || ls_cur_take(&c, n, &body)) break;
        if (id != 0x7075 || body.len < 6 || ls_slice_at(body, 0) != 1) continue;
        return ls_slice_from(body, 5, out);
    }
    return false;
}

/* The same member's name written twice: the raw names equal, or one's
 * Unicode Path field (unicode_path()) equal to the other's raw name or
 * field. Info-ZIP and WinZip write a legacy code-page name and the field;
 * some writers (libarchive's own test zip_7075_utf8_paths) put another
 * legacy spelling in the local header than in the directory, the same
 * Unicode Path in both. */
static bool same_member_name(struct ls_slice lname, struct ls_slice lextra, struct ls_slice cdname,
                             struct ls_slice cdextra)
{
    struct ls_slice lu, cu;
    bool hl = unicode_path(lextra, &lu), hc = unicode_path(cdextra, &cu);
    return same_name(lname, cdname) || (hl && same_name(lu, cdname)) || (hc && same_name(lname, cu)) ||
           (hl && hc && same_name(lu, cu));
}

/* The local header at lo names another file than the directory entry:
 * readers that walk local headers (streaming unzip, libarchive) and readers
 * that trust the directory (most GUIs, Java) see different members. */
static void compare_names(struct zcd *z, uint64_t lo, uint16_t nlen, uint16_t xlen, struct ls_slice cdname,
                          struct ls_slice cdextra)
{
    struct ls_slice lname, lextra;
    if (!ls_slice_sub(z->zip, (size_t)lo + LFH_LEN, nlen, &lname)) return;
    if (!ls_slice_sub(z->zip, (size_t)lo + LFH_LEN + nlen, xlen, &lextra)) lextra.len = 0;
    if (same_member_name(lname, lextra, cdname, cdextra)) return;
    if (z->r->name_mismatch++ == 0 && !z->r->field_mismatch)
        snprintf(z->r->mismatch, sizeof z->r->mismatch,
                 "local header says \"%.*s\", central directory \"%.*s\"",
                 (int)(lname.len > 60 ? 60 : lname.len), (const char *)lname.ptr,
                 (int)(cdname.len > 60 ? 60 : cdname.len), (const char *)cdname.ptr);
}

/* The local header's compressed size, when it states one (no data
 * descriptor, bit 3; not a zip64 placeholder), differs from the directory's:
 * a reader that walks local headers and one that trusts the directory take
 * different bytes for the member's data, and what one skips is read by
 * nobody (a stored member cut to 10 bytes hid the rest). */
static bool size_differs(struct zcd *z, uint64_t lo, uint16_t lflags, uint64_t csize)
{
    uint32_t lcs;
    if ((lflags & 8u) || !ls_rd_u32le(z->zip, (size_t)lo + 18, &lcs) || lcs == 0xffffffffu)
        return false;
    return lcs != csize;
}

/* The local header's method, encryption bit or compressed size differs from
 * the directory's: one reader decrypts, inflates or ends what another takes
 * as it is. */
static void compare_fields(struct zcd *z, uint64_t lo, uint16_t cflags, uint16_t cmethod,
                           uint64_t csize)
{
    uint16_t lflags, lmethod;
    uint32_t lcs = 0;
    if (!ls_rd_u16le(z->zip, (size_t)lo + 6, &lflags) || !ls_rd_u16le(z->zip, (size_t)lo + 8, &lmethod))
        return;
    bool sized = size_differs(z, lo, lflags, csize);
    if ((lflags & 1u) == (cflags & 1u) && lmethod == cmethod && !sized) return;
    if (z->r->field_mismatch++ != 0 || z->r->name_mismatch) return;
    if (sized && ls_rd_u32le(z->zip, (size_t)lo + 18, &lcs))
        snprintf(z->r->mismatch, sizeof z->r->mismatch,
                 "local header: %u compressed bytes, central directory: %llu", lcs,
                 (unsigned long long)csize);
    else
        snprintf(z->r->mismatch, sizeof z->r->mismatch,
                 "local header: method %u%s, central directory: method %u%s", lmethod,
                 (lflags & 1u) ? " encrypted" : "", cmethod, (cflags & 1u) ? " encrypted" : "");
}

static bool local_range(struct zcd *z, uint64_t lo, uint64_t csize, struct zr_range *rg,
                        struct ls_slice cdname, struct ls_slice cdextra, uint16_t cflags, uint16_t cmethod)
{
    struct ls_slice s = z->zip;
    uint32_t sig;
    uint16_t nlen, xlen;
    if (lo > s.len || !ls_rd_u32le(s, (size_t)lo, &sig) || sig != SIG_LFH ||
        !ls_rd_u16le(s, (size_t)lo + 26, &nlen) || !ls_rd_u16le(s, (size_t)lo + 28, &xlen)) {
        z->r->bad_local++;
        return false;
    }
    compare_names(z, lo, nlen, xlen, cdname, cdextra);
    compare_fields(z, lo, cflags, cmethod, csize);
    uint64_t data = lo + LFH_LEN + nlen + xlen; /* lo <= len: no overflow */
    /* A name or extra field that runs past the file: the data starts
     * nowhere, nobody can inflate it. Counted as an invalid local header,
     * not as a range over every entry after it (before, one such header
     * made a sound zip an overlap bomb and hid all its members). */
    if (data > s.len) {
        z->r->bad_local++;
        return false;
    }
    rg->start = lo;
    rg->end = csize > UINT64_MAX - data ? UINT64_MAX : data + csize;
    /* Clamp to the file, but never below the end of the header itself. */
    if (rg->end > s.len) rg->end = s.len > data ? s.len : data;
    return true;
}

/* The extra fields of the local header at lo; empty if there is none. */
static struct ls_slice local_extra(struct ls_slice zip, uint64_t lo)
{
    struct ls_slice x = {0};
    uint32_t sig;
    uint16_t nlen, xlen;
    if (lo > zip.len || !ls_rd_u32le(zip, (size_t)lo, &sig) || sig != SIG_LFH ||
        !ls_rd_u16le(zip, (size_t)lo + 26, &nlen) || !ls_rd_u16le(zip, (size_t)lo + 28, &xlen) ||
        !ls_slice_sub(zip, (size_t)lo + LFH_LEN + nlen, xlen, &x))
        return (struct ls_slice){0};
    return x;
}

static ls_err one_entry(struct zcd *z, struct ls_cursor *c)
{
    uint32_t sig, crc = 0, csz, usz, loff;
    uint16_t flags, method = 0, nlen, xlen, clen, dsk = 0;
    struct ls_slice fixed, name, extra, comment;
    LS_TRY(ls_cur_take(c, LS_ZIPCD_CDH_MIN, &fixed));
    if (!ls_rd_u32le(fixed, 0, &sig) || sig != SIG_CDH) return LS_E_CORRUPT;
    (void)ls_rd_u16le(fixed, 8, &flags);
    (void)ls_rd_u16le(fixed, 10, &method);
    (void)ls_rd_u32le(fixed, 16, &crc);
    (void)ls_rd_u32le(fixed, 20, &csz);
    (void)ls_rd_u32le(fixed, 24, &usz);
    (void)ls_rd_u16le(fixed, 28, &nlen);
    (void)ls_rd_u16le(fixed, 30, &xlen);
    (void)ls_rd_u16le(fixed, 32, &clen);
    (void)ls_rd_u16le(fixed, 34, &dsk);
    (void)ls_rd_u32le(fixed, 42, &loff);
    LS_TRY(ls_cur_take(c, nlen, &name));
    LS_TRY(ls_cur_take(c, xlen, &extra));
    LS_TRY(ls_cur_take(c, clen, &comment));
    uint64_t u = usz, cs = csz, lo = loff;
    zip64_extra(extra, &u, &cs, &lo);
    lo = on_disk(z, dsk, lo);
    if (flags & 1u) z->r->encrypted++;
    if (ls_slice_find(name, 0, "\0", 1) != SIZE_MAX) z->r->nul_names++;
    uint64_t at = lo > UINT64_MAX - z->r->prefix ? UINT64_MAX : lo + z->r->prefix;
    if (local_range(z, at, cs, &z->rg[z->nrg], name, extra, flags, method)) z->nrg++;
    if (z->names) {
        struct ls_zipcd_name *nm = &z->names[z->nnames++];
        nm->local = at;
        nm->index = z->r->entries;
        nm->name = name;
        nm->comment = comment;
        nm->extra = extra;
        nm->lextra = local_extra(z->zip, at);
        nm->utf8 = (flags & 0x800u) != 0;
        nm->flags = flags;
        nm->method = method;
        nm->crc = crc;
        nm->csize = cs;
        nm->usize = u;
    }
    z->r->entries++;
    return LS_OK;
}

static ls_err walk_cd(struct zcd *z)
{
    struct ls_slice cd;
    uint64_t start = z->r->cd_offset + z->r->prefix;
    LS_FAIL_IF(!ls_slice_sub(z->zip, (size_t)start, (size_t)z->r->cd_size, &cd), LS_E_CORRUPT);
    size_t max = cd.len / LS_ZIPCD_CDH_MIN;
    if (max > z->r->declared) max = (size_t)z->r->declared;
    z->rg = malloc((max ? max : 1) * sizeof *z->rg);
    if (!z->rg) return LS_E_NOMEM;
    if (z->want_names) {
        z->names = malloc((max ? max : 1) * sizeof *z->names);
        if (!z->names) return LS_E_NOMEM;
    }
    struct ls_cursor c = ls_cur_make(cd);
    for (size_t i = 0; i < max; i++) LS_TRY(one_entry(z, &c));
    return z->r->entries < z->r->declared ? LS_E_TRUNCATED : LS_OK;
}

static int range_cmp(const void *a, const void *b)
{
    const struct zr_range *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static void count_overlaps(struct zcd *z)
{
    if (z->nrg < 2) return;
    unpack_sort(z->rg, z->nrg, sizeof *z->rg, range_cmp);
    uint64_t reach = z->rg[0].end;
    for (size_t i = 1; i < z->nrg; i++) {
        if (z->rg[i].start < reach) z->r->overlaps++;
        if (z->rg[i].end > reach) reach = z->rg[i].end;
    }
}

static void add_gap(struct ls_zipcd_report *r, uint64_t from, uint64_t to)
{
    if (to <= from || to - from <= LS_ZIPCD_DD_MAX) return;
    r->slack += to - from;
    if (to - from > r->slack_len) {
        r->slack_off = from;
        r->slack_len = to - from;
    }
}

/* Gaps nothing accounts for (ranges sorted by count_overlaps; an overlap
 * bomb is not read at all, so its gaps do not matter). */
static void count_slack(struct zcd *z)
{
    struct ls_zipcd_report *r = z->r;
    struct ls_slice s = z->zip;
    uint16_t clen = 0;
    if (ls_rd_u16le(s, z->eocd + 20, &clen)) {
        (void)ls_slice_sub(s, z->eocd + EOCD_LEN, clen, &r->comment);
        add_gap(r, (uint64_t)z->eocd + EOCD_LEN + clen, s.len);
    }
    if (z->nrg == 0 || r->overlaps) return;
    uint64_t reach = z->rg[0].end;
    for (size_t i = 1; i < z->nrg; i++) {
        add_gap(r, reach, z->rg[i].start);
        if (z->rg[i].end > reach) reach = z->rg[i].end;
    }
    add_gap(r, reach, r->cd_offset + r->prefix);
}

static void verdict(struct zcd *z)
{
    struct ls_zipcd_report *r = z->r;
    r->capacity = z->zip.len / LS_ZIPCD_CDH_MIN;
    r->count_impossible = r->declared > r->capacity;
    r->bomb = r->overlaps > 0 || r->count_impossible;
    if (r->overlaps > 0)
        snprintf(r->why, sizeof r->why,
                 "zip: %llu of %llu entries overlap another entry's data "
                 "(overlapping-entry bomb); not inflated",
                 (unsigned long long)r->overlaps, (unsigned long long)r->entries);
    else if (r->count_impossible)
        snprintf(r->why, sizeof r->why,
                 "zip: declares %llu entries, a file of %zu bytes holds at most %llu",
                 (unsigned long long)r->declared, z->zip.len, (unsigned long long)r->capacity);
}

/* The member whose local header is at pos names, for the record. */
static void nested_found(struct zcd *z, uint64_t pos)
{
    uint16_t nlen = 0;
    struct ls_slice nm = {0};
    z->r->nested = true;
    z->r->nested_at = pos;
    if (ls_rd_u16le(z->zip, (size_t)pos + 26, &nlen) &&
        !ls_slice_sub(z->zip, (size_t)pos + LFH_LEN, nlen, &nm))
        nm = (struct ls_slice){0};
    size_t n = nm.len < sizeof z->r->nested_name - 1 ? nm.len : sizeof z->r->nested_name - 1;
    for (size_t i = 0; i < n; i++) {
        int ch = ls_slice_at(nm, i);
        z->r->nested_name[i] = ch >= 0x20 && ch < 0x7f ? (char)ch : '?';
    }
    z->r->nested_name[n] = 0;
}

/* A local header at pos: its flags, method, where its data starts and its
 * compressed size (zip64's local extra applied). False if there is none. */
static bool local_at(struct ls_slice s, uint64_t pos, uint16_t *flags, uint16_t *method, uint64_t *data,
                     uint64_t *cs)
{
    uint32_t sig = 0, csz = 0;
    uint16_t nlen = 0, xlen = 0;
    *flags = *method = 0;
    *data = *cs = 0;
    if (pos > s.len || !ls_rd_u32le(s, (size_t)pos, &sig) || sig != SIG_LFH ||
        !ls_rd_u16le(s, (size_t)pos + 6, flags) || !ls_rd_u16le(s, (size_t)pos + 8, method) ||
        !ls_rd_u32le(s, (size_t)pos + 18, &csz) || !ls_rd_u16le(s, (size_t)pos + 26, &nlen) ||
        !ls_rd_u16le(s, (size_t)pos + 28, &xlen))
        return false;
    *data = pos + LFH_LEN + nlen + xlen; /* pos <= len: no overflow */
    *cs = csz;
    if (csz == 0xffffffffu) {
        struct ls_slice x;
        uint64_t u = 0xffffffffu, lo = 0;
        if (ls_slice_sub(s, (size_t)pos + LFH_LEN + nlen, xlen, &x)) zip64_extra(x, &u, cs, &lo);
    }
    return true;
}

/* (3) The inner zip further into a stored member's data (a stored
 * self-extractor, setup.exe, whose program comes first) in a zip whose
 * sizes are in data descriptors (written to a pipe: the walk of (1) stops
 * at its first member): the nearest local header before the inner zip's
 * start (searched up to NEST_BACK bytes back) is a stored member's whose
 * size is in its descriptor or runs over the end record, and no central
 * directory entry or end record lies between its data and that start (a
 * whole zip with another appended has its directory there). */
#define NEST_BACK (1u << 20)
static bool stored_around(struct zcd *z, uint64_t inner)
{
    struct ls_slice s = z->zip;
    uint16_t flags, method;
    uint64_t data, cs;
    if (inner < LFH_LEN || inner > s.len) return false;
    uint64_t stop = inner > NEST_BACK ? inner - NEST_BACK : 0;
    for (uint64_t at = inner - LFH_LEN + 1; at-- > stop;) {
        if (ls_slice_at(s, (size_t)at) != 'P' || !local_at(s, at, &flags, &method, &data, &cs)) continue;
        if (data > inner || method != 0) return false;
        if (!(((flags & 8u) && cs == 0) || (cs >= (uint64_t)z->eocd + EOCD_LEN - data))) return false;
        struct ls_slice between;
        if (!ls_slice_sub(s, (size_t)data, (size_t)(inner - data), &between) ||
            ls_slice_find(between, 0, "PK\x01\x02", 4) != SIZE_MAX ||
            ls_slice_find(between, 0, "PK\x05\x06", 4) != SIZE_MAX)
            return false;
        nested_found(z, at);
        return true;
    }
    return false;
}

/* Is the end record found (z->eocd, its zip starting at r->prefix) inside
 * a member's data? (1) The members of a zip at byte 0, walked by their
 * local headers up to that start (sizes as stated; a data descriptor after
 * one is skipped; one whose size only its descriptor holds ends the walk):
 * one whose data spans the start. (2) A stored member whose data begins
 * exactly where that zip does and runs over the end record (or whose size
 * only a descriptor holds): a stored zip, jar or docx, wherever the outer
 * zip starts. (3) stored_around(). A whole zip with another appended is
 * none: the walk meets the first zip's directory before the second's start. */
static bool nested_eocd(struct zcd *z)
{
    struct ls_slice s = z->zip;
    uint64_t inner = z->r->prefix, pos = 0;
    uint16_t flags, method;
    uint64_t data, cs;
    while (pos <= inner && local_at(s, pos, &flags, &method, &data, &cs)) {
        if ((flags & 8u) && cs == 0) break; /* its size is in its data descriptor */
        uint64_t end = cs > UINT64_MAX - data ? UINT64_MAX : data + cs;
        if (inner >= data && inner < end) {
            nested_found(z, pos);
            return true;
        }
        if (end >= s.len) break;
        pos = end;
        if (flags & 8u) { /* a descriptor: 12 or 20 bytes, a signature before it or not */
            static const unsigned skip[] = {16, 12, 24, 20};
            uint32_t sig = 0;
            size_t k = 0;
            while (k < 4 && !(pos + skip[k] < s.len && ls_rd_u32le(s, (size_t)(pos + skip[k]), &sig) &&
                              sig == SIG_LFH))
                k++;
            if (k == 4) break;
            pos += skip[k];
        }
    }
    /* (2): a local header right before the inner zip's first byte */
    if (inner < LFH_LEN) return false;
    uint64_t lo = inner - LFH_LEN, stop = lo > 2u * 65535u ? lo - 2u * 65535u : 0;
    for (uint64_t at = lo + 1; at-- > stop;) {
        if (ls_slice_at(s, (size_t)at) != 'P' || !local_at(s, at, &flags, &method, &data, &cs)) continue;
        if (data != inner || method != 0) continue;
        if (((flags & 8u) && cs == 0) || (cs >= (uint64_t)z->eocd + EOCD_LEN - data)) {
            nested_found(z, at);
            return true;
        }
    }
    return stored_around(z, inner);
}

static ls_err run_check(struct zcd *zp);

ls_err ls_zipcd_check(struct ls_slice zip, struct ls_zipcd_report *r)
{
    return ls_zipcd_check_disks(zip, NULL, r);
}

ls_err ls_zipcd_check_disks(struct ls_slice zip, const struct ls_zipcd_disks *d, struct ls_zipcd_report *r)
{
    struct zcd z = {.zip = zip, .r = r, .disks = d};
    return run_check(&z);
}

static int name_cmp(const void *a, const void *b)
{
    const struct ls_zipcd_name *x = a, *y = b;
    if (x->local != y->local) return x->local < y->local ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

ls_err ls_zipcd_names(struct ls_slice zip, struct ls_zipcd_name **out, size_t *n)
{
    return ls_zipcd_names_disks(zip, NULL, out, n);
}

ls_err ls_zipcd_names_disks(struct ls_slice zip, const struct ls_zipcd_disks *d, struct ls_zipcd_name **out,
                            size_t *n)
{
    struct ls_zipcd_report r;
    struct zcd z = {.zip = zip, .r = &r, .want_names = true, .disks = d};
    *out = NULL;
    *n = 0;
    ls_err e = run_check(&z);
    if (z.names && z.nnames == 0) {
        free(z.names);
        z.names = NULL;
    }
    if (z.names) unpack_sort(z.names, z.nnames, sizeof *z.names, name_cmp);
    *out = z.names;
    *n = z.names ? z.nnames : 0;
    return e;
}

static ls_err run_check(struct zcd *zp)
{
    struct zcd z = *zp;
    struct ls_zipcd_report *r = z.r;
    memset(r, 0, sizeof *r);
    if (!find_eocd(&z)) {
        snprintf(r->why, sizeof r->why, "zip: no end of central directory record");
        return LS_E_CORRUPT;
    }
    r->is_zip = true;
    ls_err e = read_eocd(&z);
    if (e == LS_OK && r->prefix > 0 && !z.disks && nested_eocd(&z)) {
        /* said as no end record: the zip's own are gone */
        r->is_zip = false;
        snprintf(r->why, sizeof r->why,
                 "zip: no end of central directory record (cut short?); the last one in the file "
                 "is that of member '%s', a zip stored in it", r->nested_name);
        return LS_E_CORRUPT;
    }
    if (e == LS_OK) e = walk_cd(&z);
    if (e == LS_OK || e == LS_E_TRUNCATED || e == LS_E_CORRUPT) count_overlaps(&z);
    if (e == LS_OK) count_slack(&z);
    verdict(&z);
    if (e != LS_OK && !r->why[0])
        snprintf(r->why, sizeof r->why, "zip: central directory %s after %llu of %llu entries",
                 e == LS_E_TRUNCATED ? "ends" : "is damaged", (unsigned long long)r->entries,
                 (unsigned long long)r->declared);
    free(z.rg);
    zp->names = z.names;
    zp->nnames = z.nnames;
    return e;
}
