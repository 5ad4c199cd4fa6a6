/*
 * ISO 9660 block map: see isomap.h. Every offset and length comes from
 * the image: each is checked against the file before use; directories are
 * walked breadth-first with a visited mark (a directory that lists itself
 * or an ancestor is read once), records are capped.
 */
#include "unpack/isomap.h"

#include <stdlib.h>
#include <string.h>

#define SECTOR0 16u          /* ECMA-119 6.2.1: the system area is blocks 0-15 */
#define MAX_DESCRIPTORS 64u  /* volume descriptors before the terminator */
#define MAX_CATALOG 64u      /* El Torito catalog entries looked at */

struct dir {
    uint64_t lba; /* of the file: the tree's own block number plus its base */
    uint32_t size;
    uint64_t base;
};

struct range {
    uint64_t lo, hi; /* blocks [lo, hi) */
};

/* Ranges claimed by records, applied once at the end (sorted, merged): a
 * bit at a time per record, 800,000 records claiming the same huge extent
 * cost 11 s. Short ranges are set at once. */
#define SHORT_RANGE 64u
#define MAX_RANGES (2u * LS_ISO_MAX_RECORDS)

struct map {
    struct ls_slice s;
    uint32_t bs;
    uint64_t nblocks; /* of the file, the last partial block included */
    uint8_t *claimed;  /* one bit per block */
    uint8_t *isdir;    /* one bit per block: a directory's first block, walked */
    struct dir *q;
    size_t nq, capq;
    struct range *r;
    size_t nr, capr;
    uint64_t records;
    uint64_t base; /* block of the file the tree walked counts from (a partition's start) */
    bool over;
};

static bool bit(const uint8_t *m, uint64_t b)
{
    return (m[b >> 3] >> (b & 7)) & 1;
}

static void set(uint8_t *m, uint64_t b)
{
    m[b >> 3] |= (uint8_t)(1u << (b & 7));
}

/* Claim the blocks of len bytes from block lba (at least one block). */
static void claim(struct map *m, uint64_t lba, uint64_t len)
{
    uint64_t n = len / m->bs + (len % m->bs != 0);
    if (n == 0) n = 1;
    lba += m->base;
    if (lba >= m->nblocks) return;
    uint64_t hi = n > m->nblocks - lba ? m->nblocks : lba + n;
    if (hi - lba <= SHORT_RANGE) {
        for (uint64_t b = lba; b < hi; b++) set(m->claimed, b);
        return;
    }
    if (m->nr == m->capr) {
        size_t cap = m->capr ? m->capr * 2 : 256;
        struct range *r = cap <= MAX_RANGES ? realloc(m->r, cap * sizeof *r) : NULL;
        if (!r) {
            m->over = true;
            return;
        }
        m->r = r;
        m->capr = cap;
    }
    m->r[m->nr++] = (struct range){lba, hi};
}

static int cmp_range(const void *a, const void *b)
{
    const struct range *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Set the bits of every long range once: sorted, overlaps merged, whole
 * bytes by memset. */
static void apply_ranges(struct map *m)
{
    if (!m->nr) return;
    qsort(m->r, m->nr, sizeof *m->r, cmp_range);
    uint64_t lo = m->r[0].lo, hi = m->r[0].hi;
    for (size_t i = 1; i <= m->nr; i++) {
        if (i < m->nr && m->r[i].lo <= hi) {
            if (m->r[i].hi > hi) hi = m->r[i].hi;
            continue;
        }
        uint64_t b = lo;
        for (; b < hi && (b & 7); b++) set(m->claimed, b);
        if (hi - b >= 8) {
            memset(m->claimed + (b >> 3), 0xff, (size_t)((hi - b) >> 3));
            b += (hi - b) & ~(uint64_t)7;
        }
        for (; b < hi; b++) set(m->claimed, b);
        if (i < m->nr) {
            lo = m->r[i].lo;
            hi = m->r[i].hi;
        }
    }
}

static uint32_t le32(struct ls_slice s, size_t off)
{
    uint32_t v = 0;
    (void)ls_rd_u32le(s, off, &v);
    return v;
}

static uint32_t be32(struct ls_slice s, size_t off)
{
    if (off > s.len || s.len - off < 4) return 0;
    const uint8_t *p = s.ptr + off;
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void push_dir(struct map *m, uint64_t lba, uint32_t size)
{
    lba += m->base;
    if (lba >= m->nblocks || bit(m->isdir, lba)) return;
    set(m->isdir, lba);
    if (m->nq == m->capq) {
        size_t cap = m->capq ? m->capq * 2 : 64;
        struct dir *q = realloc(m->q, cap * sizeof *q);
        if (!q) {
            m->over = true;
            return;
        }
        m->q = q;
        m->capq = cap;
    }
    m->q[m->nq++] = (struct dir){lba, size, m->base};
}

/* SUSP entries of a record's system use area (IEEE P1281): a continuation
 * area ("CE": block, offset, length) is claimed. */
static void susp(struct map *m, const uint8_t *p, size_t len)
{
    size_t i = 0;
    while (i + 4 <= len) {
        uint8_t l = p[i + 2];
        if (l < 4 || l > len - i) return;
        if (p[i] == 'C' && p[i + 1] == 'E' && l >= 28) {
            struct ls_slice e = ls_slice_make(p + i, l);
            uint64_t blk = le32(e, 4), off = le32(e, 12), n = le32(e, 20);
            claim(m, blk + off / m->bs, off % m->bs + n);
        }
        i += l;
    }
}

static void walk_dir(struct map *m, struct dir d)
{
    uint64_t start = d.lba * m->bs;
    uint64_t end = start + d.size;
    if (start >= m->s.len) return;
    if (end > m->s.len) end = m->s.len;
    m->base = d.base;
    claim(m, d.lba - d.base, d.size);
    uint64_t pos = start;
    while (pos < end && !m->over) {
        const uint8_t *r = m->s.ptr + pos;
        uint8_t rl = r[0];
        uint64_t next_block = (pos / m->bs + 1) * m->bs;
        if (rl == 0 || rl < 34 || pos + rl > end) { /* padding to the block's end */
            pos = next_block;
            continue;
        }
        if (++m->records > LS_ISO_MAX_RECORDS) {
            m->over = true;
            return;
        }
        struct ls_slice rs = ls_slice_make(r, rl);
        uint32_t ext = le32(rs, 2), size = le32(rs, 10);
        uint8_t ear = r[1], flags = r[25], nl = r[32];
        if (33u + nl <= rl) {
            size_t su = 33u + nl + (nl % 2 == 0);
            if (su < rl) susp(m, r + su, rl - su);
        }
        bool self = nl == 1 && (r[33] == 0 || r[33] == 1);
        if (!self) {
            if (flags & 0x02) push_dir(m, ext, size);
            else claim(m, (uint64_t)ext, (uint64_t)ear * m->bs + size);
        }
        pos += rl;
    }
}

/* El Torito (1.0): the boot record descriptor names the catalog; each
 * initial, default or section entry a boot image (load RBA, sectors of 512
 * bytes, or a floppy's size by its emulation type). */
static void el_torito(struct map *m, struct ls_slice vd)
{
    if (!ls_slice_starts(ls_slice_make(vd.ptr + 7, vd.len - 7), "EL TORITO SPECIFICATION", 23)) return;
    uint32_t cat = le32(vd, 0x47);
    claim(m, cat, m->bs);
    uint64_t at = (uint64_t)cat * m->bs;
    for (unsigned i = 1; i < MAX_CATALOG; i++) {
        uint64_t e = at + 32u * i;
        if (e > m->s.len || m->s.len - e < 32) return;
        const uint8_t *p = m->s.ptr + e;
        if (p[0] != 0x88 && p[0] != 0x00) continue; /* section headers, extensions */
        struct ls_slice es = ls_slice_make(p, 32);
        uint32_t rba = le32(es, 8);
        if (rba == 0) continue;
        uint64_t len = (uint64_t)(p[6] | p[7] << 8) * 512u;
        switch (p[1] & 0x0f) {
        case 1: len = 1228800; break;
        case 2: len = 1474560; break;
        case 3: len = 2949120; break;
        default: break;
        }
        claim(m, rba, len);
    }
}

/* A block that starts as a volume structure descriptor does (ECMA-119,
 * ECMA-167's BEA01/NSR02/NSR03/TEA01, BOOT2, CDW02): libisofs writes a copy
 * of the descriptor set for multi-session readers (block 32 or 48), UDF
 * bridge images their recognition sequence. Not data. */
static bool vd_copy(struct ls_slice img, uint64_t off)
{
    static const char *const ids[] = {"CD001", "BEA01", "NSR02", "NSR03", "TEA01", "BOOT2", "CDW02"};
    if (off > img.len || img.len - off < 6) return false;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (memcmp(img.ptr + off + 1, ids[i], 5) == 0) return true;
    return false;
}

static uint16_t be16(struct ls_slice s, size_t off)
{
    if (off > s.len || s.len - off < 2) return 0;
    return (uint16_t)(s.ptr[off] << 8 | s.ptr[off + 1]);
}

/* Claim len bytes from byte off of the file (the blocks they touch). */
static void claim_bytes(struct map *m, uint64_t off, uint64_t len)
{
    uint64_t lba = off / m->bs;
    claim(m, lba, off % m->bs + len);
}

/* The volume descriptor set from byte `at` (2048-byte sectors whatever the
 * block size) of a tree whose block numbers count from block `base`:
 * its descriptors, path tables, El Torito catalog and the root of each
 * tree libarchive reads are claimed or queued. Returns the byte offset
 * just past the set terminator, or 0 if there is none. */
static uint64_t descriptor_set(struct map *m, uint64_t at, uint64_t base)
{
    uint64_t past = 0;
    for (unsigned i = 0; !m->over && i < MAX_DESCRIPTORS; i++) {
        struct ls_slice vd;
        uint64_t off = at + 2048u * i;
        if (off > SIZE_MAX || !ls_slice_sub(m->s, (size_t)off, 2048, &vd) ||
            !ls_slice_starts(ls_slice_make(vd.ptr + 1, 5), "CD001", 5))
            break;
        m->base = 0;
        claim(m, off / m->bs, 2048);
        m->base = base;
        uint8_t type = vd.ptr[0];
        if (type == 255) {
            past = off + 2048;
            break;
        }
        if (type == 0) el_torito(m, vd);
        /* the trees libarchive reads: the primary and a Joliet one (escape
         * sequence %/@, %/C or %/E); a file listed only in another
         * supplementary tree is never read, so it does not claim blocks */
        bool joliet = type == 2 && vd.ptr[88] == '%' && vd.ptr[89] == '/' &&
                      (vd.ptr[90] == '@' || vd.ptr[90] == 'C' || vd.ptr[90] == 'E');
        if (type != 1 && !joliet) continue;
        uint32_t pt = le32(vd, 132);
        claim(m, le32(vd, 140), pt);
        if (le32(vd, 144)) claim(m, le32(vd, 144), pt);
        claim(m, be32(vd, 148), pt);
        if (be32(vd, 152)) claim(m, be32(vd, 152), pt);
        struct ls_slice root = ls_slice_make(vd.ptr + 156, 34);
        push_dir(m, le32(root, 2), le32(root, 10));
    }
    m->base = 0;
    return past;
}

/* libarchive's ISO writer puts a "Non-ISO File System Information" block
 * right after the descriptor set terminator: "INFO <date>\nlibarchive
 * <version>" and the non-default options it was given, as text, zeros to
 * the block's end. Nothing lists it; it is the writer's, not hidden. */
static void libarchive_info(struct map *m, uint64_t off)
{
    struct ls_slice b;
    if (off == 0 || off > SIZE_MAX || !ls_slice_sub(m->s, (size_t)off, 2048, &b) ||
        !ls_slice_starts(b, "INFO ", 5))
        return;
    size_t n = 0;
    while (n < b.len && b.ptr[n] != 0) {
        if ((b.ptr[n] < 0x20 || b.ptr[n] > 0x7e) && b.ptr[n] != '\n') return;
        n++;
    }
    for (size_t i = n; i < b.len; i++)
        if (b.ptr[i] != 0) return;
    size_t nl = ls_slice_find(b, 0, "\nlibarchive ", 12);
    if (nl == SIZE_MAX || nl > 64 || nl + 12 >= n || b.ptr[nl + 12] < '0' || b.ptr[nl + 12] > '9') return;
    claim_bytes(m, off, b.len);
}

/* A hybrid image's HFS+ volume (xorriso -hfsplus, mkisofs -hfs): an Apple
 * partition map in the system area ("ER" block, "PM" entries) names an
 * Apple_HFS partition whose volume header (offset 1024, "H+"/"HX") gives
 * the allocation, extents, catalog, attributes and startup files' first
 * eight extents and the alternate header at the volume's end. Those are
 * the other tree's structures, claimed; a file listed only in the HFS+
 * catalog is never read by libarchive, so it claims nothing. */
#define MAX_APM 32u
static void hfs_plus(struct map *m)
{
    struct ls_slice img = m->s;
    if (img.len < 1024 || img.ptr[0] != 'E' || img.ptr[1] != 'R') return;
    uint16_t abs = be16(img, 2);
    if (abs < 512 || abs > 4096 || (abs & (abs - 1))) return;
    uint32_t count = be32(img, (size_t)abs + 4);
    for (uint32_t i = 1; i <= count && i <= MAX_APM; i++) {
        struct ls_slice e;
        if (!ls_slice_sub(img, (size_t)abs * i, 512, &e) || e.ptr[0] != 'P' || e.ptr[1] != 'M') return;
        if (!ls_slice_starts(ls_slice_make(e.ptr + 48, 32), "Apple_HFS", 10)) continue;
        uint64_t start = (uint64_t)be32(e, 8) * abs;
        struct ls_slice h;
        if (start > SIZE_MAX - 1024 || !ls_slice_sub(img, (size_t)start + 1024, 512, &h)) continue;
        if (!((h.ptr[0] == 'H' && h.ptr[1] == '+') || (h.ptr[0] == 'H' && h.ptr[1] == 'X'))) continue;
        uint32_t bsz = be32(h, 40), total = be32(h, 44);
        if (bsz < 512 || bsz > 65536 || (bsz & (bsz - 1))) continue;
        claim_bytes(m, start + 1024, 512);
        if ((uint64_t)total * bsz >= 1536) claim_bytes(m, start + (uint64_t)total * bsz - 1024, 512);
        for (size_t fork = 112; fork <= 432; fork += 80)
            for (size_t x = 0; x < 8; x++) {
                uint32_t sb = be32(h, fork + 16 + 8 * x), bc = be32(h, fork + 20 + 8 * x);
                if (bc) claim_bytes(m, start + (uint64_t)sb * bsz, (uint64_t)bc * bsz);
            }
    }
}

/* A primary descriptor at 32 KiB into a partition (xorriso
 * -partition_offset: the partition starts with its own system area and
 * descriptor set, block numbers counted from the partition's start, so a
 * mounted partition reads as an ISO). Its tree is the same files' but its
 * directories and path tables are its own: claimed when the root record's
 * "." entry, read from the partition, names itself. Looked for only in
 * blocks nothing else claims (an ISO image stored as a file in the image
 * is that file's extent, and its tree is not the image's). */
#define MAX_PART_SETS 4u
static void partition_sets(struct map *m)
{
    unsigned found = 0;
    for (uint64_t b = SECTOR0 + 1; b < m->nblocks && found < MAX_PART_SETS && !m->over; b++) {
        uint64_t off = b * m->bs;
        if (bit(m->claimed, b) || off <= 32768u || (off - 32768u) % m->bs || off > m->s.len ||
            m->s.len - off < 2048)
            continue;
        const uint8_t *p = m->s.ptr + off;
        if (p[0] != 1 || memcmp(p + 1, "CD001", 5) != 0) continue;
        uint64_t base = (off - 32768u) / m->bs;
        struct ls_slice root = ls_slice_make(p + 156, 34);
        uint64_t rl = le32(root, 2), at = (rl + base) * m->bs;
        if (at > m->s.len || m->s.len - at < 34) continue;
        struct ls_slice dot = ls_slice_make(m->s.ptr + at, 34);
        if (dot.ptr[0] < 34 || le32(dot, 2) != rl || dot.ptr[32] != 1 || dot.ptr[33] != 0) continue;
        found++;
        (void)descriptor_set(m, off, base);
    }
}

bool ls_iso_unclaimed(struct ls_slice img, struct ls_iso_unclaimed *u)
{
    memset(u, 0, sizeof *u);
    struct ls_slice pvd;
    if (!ls_slice_sub(img, 32768, 2048, &pvd) || !ls_slice_starts(pvd, "\x01" "CD001", 6)) return false;
    uint16_t bs = 0;
    (void)ls_rd_u16le(pvd, 128, &bs);
    if (bs < 512 || bs > 32768 || (bs & (bs - 1))) return false;
    struct map m;
    memset(&m, 0, sizeof m);
    m.s = img;
    m.bs = bs;
    m.nblocks = img.len / bs + (img.len % bs != 0);
    size_t bytes = (size_t)(m.nblocks / 8 + 1);
    m.claimed = calloc(bytes, 1);
    m.isdir = calloc(bytes, 1);
    if (!m.claimed || !m.isdir) m.over = true;
    for (uint64_t b = 0; !m.over && b < SECTOR0 && b < m.nblocks; b++) set(m.claimed, b);
    /* descriptors sit at 2048-byte sectors from 32768 whatever the block size */
    if (!m.over) {
        libarchive_info(&m, descriptor_set(&m, 32768u, 0));
        hfs_plus(&m);
    }
    size_t walked = 0;
    for (; walked < m.nq && !m.over; walked++) walk_dir(&m, m.q[walked]);
    m.base = 0;
    if (!m.over) apply_ranges(&m);
    /* then the partitions' sets, in blocks the image's own trees leave
     * unclaimed (an ISO stored as a file is that file's) */
    if (!m.over) partition_sets(&m);
    for (; walked < m.nq && !m.over; walked++) walk_dir(&m, m.q[walked]);
    m.base = 0;
    if (!m.over) apply_ranges(&m);
    bool ok = !m.over;
    for (uint64_t b = SECTOR0; ok && b < m.nblocks; b++)
        if (!bit(m.claimed, b) && vd_copy(img, b * bs)) set(m.claimed, b);
    for (uint64_t b = SECTOR0; ok && b < m.nblocks;) {
        if (bit(m.claimed, b)) {
            b++;
            continue;
        }
        uint64_t e = b;
        while (e < m.nblocks && !bit(m.claimed, e)) e++;
        uint64_t lo = b * bs, hi = e * bs > img.len ? img.len : e * bs;
        while (lo < hi && img.ptr[lo] == 0) lo++;
        while (hi > lo && img.ptr[hi - 1] == 0) hi--;
        if (hi > lo) {
            u->runs++;
            u->bytes += hi - lo;
            if (hi - lo > u->len) {
                u->off = lo;
                u->len = hi - lo;
            }
        }
        b = e;
    }
    free(m.claimed);
    free(m.isdir);
    free(m.q);
    free(m.r);
    if (!ok) memset(u, 0, sizeof *u);
    return ok;
}
