/*
 * SQLite pages outside a database (sqlitepage.h), and the "sqlitelog"
 * handler: a -wal file or a rollback -journal next to a database holds
 * whole pages of it, the rows changed since the last checkpoint (WAL) or
 * the rows as they were before a transaction (journal). SQLite reads them
 * only together with their database, and the in-memory reader the sqlite
 * handler uses has neither; so each page of a table b-tree leaf is carved
 * here and its rows written as text lines of tab-separated values.
 *
 * Layouts (sqlite.org/fileformat2.html): a WAL file is a 32-byte header
 * (magic 0x377f0682/3 big-endian, version 3007000, page size, checkpoint
 * sequence, salts, checksums) and frames of a 24-byte header (page number,
 * database size after a commit, salts, checksums) and one page; frames of
 * earlier generations (other salts) still hold their pages and are carved
 * too. A rollback journal is a header (magic D9 D5 05 F9 20 A1 63 D7, the
 * record count, a nonce, the database's initial size, the sector size, the
 * page size) padded to the sector size, then records of a page number, the
 * original page and a checksum; a journal may hold more than one header,
 * each at a sector boundary. A table b-tree leaf page: type 0x0D, the
 * first freeblock, the cell count, the cell content start, fragmented
 * bytes, then the 2-byte cell pointers; a cell: the payload size and rowid
 * (varints) and the payload's local part (the rest is on overflow pages);
 * a record: its header size, the columns' serial types, then the values
 * side by side. A page's cells never overlap: one that would (a crafted
 * page's pointers all at one cell) ends the page's carving, parse_error.
 */
#include "extract/sqlitepage.h"

#include "core/handler.h"

#include <stdio.h>
#include <string.h>

#define SQP_VALUE_MAX 4096u /* bytes of one value written */
#define SQP_TICK 256u       /* pages between two looks at the clock */

/* A varint (1-9 bytes, big-endian groups of 7 bits, the ninth byte whole)
 * at *at below end; false if it runs past end. */
static bool sqp_varint(const uint8_t *p, size_t *at, size_t end, uint64_t *v)
{
    uint64_t x = 0;
    for (unsigned i = 0; i < 9; i++) {
        if (*at >= end) return false;
        uint8_t b = p[(*at)++];
        if (i == 8) {
            *v = (x << 8) | b;
            return true;
        }
        x = (x << 7) | (b & 0x7f);
        if (!(b & 0x80)) {
            *v = x;
            return true;
        }
    }
    return false;
}

static uint32_t sqp_be(const uint8_t *p, unsigned n)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < n; i++) v = (v << 8) | p[i];
    return v;
}

/* The bytes of a serial type's value (SIZE_MAX: reserved types 10, 11). */
static size_t sqp_type_len(uint64_t t)
{
    static const uint8_t fixed[] = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0};
    if (t < 10) return fixed[t];
    if (t < 12) return SIZE_MAX;
    return (size_t)((t - 12) / 2); /* t <= payload size * 2 + 13: checked by the caller */
}

static ls_err sqp_text(struct ls_buf *line, const uint8_t *p, size_t n)
{
    if (n > SQP_VALUE_MAX) n = SQP_VALUE_MAX;
    LS_TRY(ls_buf_reserve(line, n));
    for (size_t i = 0; i < n; i++) LS_TRY(ls_buf_addc(line, p[i] < 0x20 || p[i] == 0x7f ? ' ' : p[i]));
    return LS_OK;
}

/* One record (the payload's local part p[0..n)) as a line. */
static ls_err sqp_record(const uint8_t *p, size_t n, struct ls_buf *line)
{
    size_t at = 0;
    uint64_t hlen;
    if (!sqp_varint(p, &at, n, &hlen) || hlen < at || hlen > n) return LS_OK;
    size_t body = (size_t)hlen, start = line->len;
    bool any = false;
    unsigned col = 0;
    while (at < (size_t)hlen) {
        uint64_t t;
        if (!sqp_varint(p, &at, (size_t)hlen, &t)) break;
        if (t > (uint64_t)n * 2 + 13) break;
        size_t len = sqp_type_len(t);
        if (len == SIZE_MAX) break;
        if (col++) LS_TRY(ls_buf_addc(line, '\t'));
        size_t have = body < n ? n - body : 0;
        size_t take = len < have ? len : have;
        const uint8_t *v = p + body;
        char num[40];
        int k = 0;
        if (t >= 1 && t <= 6 && take == len) {
            uint64_t x = 0;
            for (size_t i = 0; i < len; i++) x = (x << 8) | v[i];
            if (len < 8 && (v[0] & 0x80)) x |= ~(uint64_t)0 << (8 * len); /* sign-extend */
            k = snprintf(num, sizeof num, "%lld", (long long)(int64_t)x);
        } else if (t == 7 && take == 8) {
            uint64_t x = 0;
            for (size_t i = 0; i < 8; i++) x = (x << 8) | v[i];
            double d;
            memcpy(&d, &x, sizeof d);
            k = snprintf(num, sizeof num, "%.15g", d);
        } else if (t == 8 || t == 9) {
            k = snprintf(num, sizeof num, "%d", (int)(t - 8));
        } else if (t >= 13 && (t & 1)) {
            LS_TRY(sqp_text(line, v, take));
            any = any || take > 0;
        } else if (t >= 12 && take > 0 && ls_utf8_valid(ls_slice_make(v, take))) {
            bool texty = true;
            for (size_t i = 0; i < take && texty; i++) texty = v[i] >= 0x20 || v[i] == '\t' || v[i] == '\n';
            if (texty) LS_TRY(sqp_text(line, v, take));
            any = any || texty;
        }
        if (k > 0) {
            LS_TRY(ls_buf_add(line, num, (size_t)k < sizeof num ? (size_t)k : sizeof num - 1));
            any = true;
        }
        body = len > n - (body < n ? body : n) ? n : body + len;
    }
    if (!any) { /* a row of nulls, or not a record: nothing */
        line->len = start;
        if (line->ptr) line->ptr[start] = 0;
        return LS_OK;
    }
    return ls_buf_addc(line, '\n');
}

/* The bytes of a page its cells take: a b-tree page's cells never
 * overlap, so a cell that would is refused (LS_E_CORRUPT) and the page's
 * carving ends there: 16,000 pointers at one cell of 33,000 columns made
 * one 64 KiB page cost 25 s and 1 GB, and pointers into cells inside each
 * other write the same bytes again. */
struct sqp_cover {
    uint8_t bits[65536 / 8];
};

static void sqp_cover_init(struct sqp_cover *cv, size_t usable)
{
    memset(cv->bits, 0, usable / 8 + 1 < sizeof cv->bits ? usable / 8 + 1 : sizeof cv->bits);
}

static bool sqp_take(struct sqp_cover *cv, size_t at, size_t n)
{
    for (size_t i = at; i < at + n; i++)
        if (cv->bits[i >> 3] & (1u << (i & 7))) return false;
    for (size_t i = at; i < at + n; i++) cv->bits[i >> 3] |= (uint8_t)(1u << (i & 7));
    return true;
}

/* The cell at p[cell..): payload size and rowid, then the record's local
 * part (the b-tree's overflow rule); its bytes taken in *cv. */
static ls_err sqp_cell(const uint8_t *p, size_t cell, size_t usable, struct ls_buf *line, struct sqp_cover *cv)
{
    size_t x = usable - 35, m = ((usable - 12) * 32 / 255) - 23;
    size_t at = cell;
    uint64_t plen, rowid;
    if (!sqp_varint(p, &at, usable, &plen) || !sqp_varint(p, &at, usable, &rowid)) return LS_OK;
    size_t local;
    if (plen <= x) {
        local = (size_t)plen;
    } else {
        size_t k = m + (size_t)((plen - m) % (usable - 4));
        local = k <= x ? k : m;
    }
    if (local > usable - at) local = usable - at;
    if (!sqp_take(cv, cell, at - cell + local)) return LS_E_CORRUPT;
    return sqp_record(p + at, local, line);
}

ls_err ls_sqlite_carve_page(struct ls_slice page, size_t hdr, size_t usable, struct ls_buf *line)
{
    if (usable > page.len) usable = page.len;
    if (usable < 512 || hdr + 8 > usable || page.ptr[hdr] != 0x0D) return LS_OK;
    const uint8_t *p = page.ptr;
    size_t ncells = sqp_be(p + hdr + 3, 2);
    size_t ptrs = hdr + 8;
    if (ncells > (usable - ptrs) / 2) return LS_OK;
    struct sqp_cover cv;
    sqp_cover_init(&cv, usable);
    for (size_t i = 0; i < ncells; i++) {
        size_t cell = sqp_be(p + ptrs + 2 * i, 2);
        if (cell < ptrs + 2 * ncells || cell >= usable) continue;
        LS_TRY(sqp_cell(p, cell, usable, line, &cv));
    }
    return LS_OK;
}

ls_err ls_sqlite_carve_trunk(struct ls_slice page, size_t usable, struct ls_buf *line)
{
    if (usable > page.len) usable = page.len;
    if (usable < 512) return LS_OK;
    const uint8_t *p = page.ptr;
    size_t leaves = sqp_be(p + 4, 4);
    if (leaves > (usable - 8) / 4) return LS_OK;
    /* the pointers past the leaf numbers, up to the first that is no cell's */
    struct sqp_cover cv;
    sqp_cover_init(&cv, usable);
    for (size_t i = 2 * leaves; 8 + 2 * i + 2 <= usable; i++) {
        size_t cell = sqp_be(p + 8 + 2 * i, 2);
        if (cell < 8 + 2 * i + 2 || cell >= usable) break;
        LS_TRY(sqp_cell(p, cell, usable, line, &cv));
    }
    return LS_OK;
}

/* The serial types at t[0..tlen) and their values at v[0..vlen): exactly
 * filled, every text value valid UTF-8 (a carved guess must look like a
 * record). */
static bool sqp_fits(const uint8_t *t, size_t tlen, const uint8_t *v, size_t vlen)
{
    size_t at = 0, off = 0;
    while (at < tlen) {
        uint64_t ty;
        if (!sqp_varint(t, &at, tlen, &ty)) return false;
        size_t len = sqp_type_len(ty);
        if (len == SIZE_MAX || len > vlen - off) return false;
        if (ty >= 13 && (ty & 1)) { /* text: UTF-8 without control characters but tab and breaks */
            if (!ls_utf8_valid(ls_slice_make(v + off, len))) return false;
            for (size_t i = 0; i < len; i++)
                if (v[off + i] < 0x20 && v[off + i] != '\t' && v[off + i] != '\n' && v[off + i] != '\r')
                    return false;
        }
        off += len;
    }
    return off == vlen;
}

/* A whole cell at p[at..lim): payload size, rowid, a record filling the
 * payload exactly, all of it here (no overflow). *len: the cell's bytes,
 * *rec and *rlen: its record. */
static bool sqp_whole_cell(const uint8_t *p, size_t at, size_t lim, size_t *len, size_t *rec, size_t *rlen)
{
    size_t pos = at;
    uint64_t plen, rowid, hlen;
    if (!sqp_varint(p, &pos, lim, &plen) || !sqp_varint(p, &pos, lim, &rowid)) return false;
    if (plen < 2 || plen > lim - pos) return false;
    size_t r = pos, h = pos;
    if (!sqp_varint(p, &h, pos + (size_t)plen, &hlen) || hlen < h - r || hlen > plen) return false;
    if (!sqp_fits(p + h, r + (size_t)hlen - h, p + r + hlen, (size_t)(plen - hlen))) return false;
    *len = pos + (size_t)plen - at;
    *rec = r;
    *rlen = (size_t)plen;
    return true;
}

/* A deleted cell in a freeblock: its first 4 bytes (the payload size, the
 * rowid, the record header's size and, with a small rowid, the first
 * column's type) are overwritten by the freeblock's next pointer and size.
 * With a large rowid the record is still whole after them (or after one
 * more byte) and is read as it is; else the serial types that follow are
 * read until the types and their values
 * end where the block ends (up to 3 bytes of slack: fragments merged into
 * it) or where a whole cell starts (freed neighbours merge into one
 * block), and only as a plausible record (sqp_fits); the lost leading
 * columns are taken as NULL (an INTEGER PRIMARY KEY is). The whole cells
 * after it are carved as they are. */
/* A whole record at t[pos..): its header size, types and values, ending
 * where the block ends or a whole cell starts; *end: where it ends. */
static bool sqp_whole_record(const uint8_t *t, size_t pos, size_t room, size_t *end)
{
    size_t h = pos;
    uint64_t hlen;
    if (!sqp_varint(t, &h, room, &hlen) || hlen < 2 || hlen > room - pos) return false;
    size_t at = h, sum = 0, hend = pos + (size_t)hlen;
    while (at < hend) {
        uint64_t v;
        if (!sqp_varint(t, &at, hend, &v)) return false;
        size_t len = sqp_type_len(v);
        if (len == SIZE_MAX || len > room) return false;
        sum += len;
    }
    size_t e = hend + sum, clen, rec, rlen;
    if (at != hend || sum > room - hend) return false;
    /* no slack here: the block is this cell (and whole cells after it) */
    if (e != room && !sqp_whole_cell(t, e, room, &clen, &rec, &rlen)) return false;
    if (!sqp_fits(t + h, hend - h, t + hend, sum)) return false;
    *end = hend + sum;
    return true;
}

static ls_err sqp_freeblock(const uint8_t *p, size_t size, struct ls_buf *line)
{
    size_t room = size - 4, at = 0, sum = 0, end = 0;
    const uint8_t *t = p + 4;
    unsigned ntypes = 0;
    bool found = false;
    size_t slack = 0, slack_sum = 0; /* a candidate ending 1-3 bytes short of the block */
    /* a large rowid or payload size: the record header (or one more byte
     * before it) is still whole */
    for (size_t skip = 0; skip < 2 && room > skip; skip++) {
        if (!sqp_whole_record(t, skip, room, &end)) continue;
        LS_TRY(sqp_record(t + skip, end - skip, line));
        for (size_t pos = end, clen, r, rlen; pos + 4 <= room; pos += clen) {
            if (!sqp_whole_cell(t, pos, room, &clen, &r, &rlen)) break;
            LS_TRY(sqp_record(t + r, rlen, line));
        }
        return LS_OK;
    }
    while (at < room && ntypes < 256 && !found) {
        uint64_t v;
        if (!sqp_varint(t, &at, room, &v)) break;
        size_t len = sqp_type_len(v);
        if (len == SIZE_MAX || len > room) break;
        sum += len;
        ntypes++;
        if (at + sum > room) break;
        if (ntypes < 2 || at + 1 > 127) continue; /* the header size must fit one byte */
        size_t e = at + sum, clen, r, rlen;
        bool exact = e == room || (room - e >= 4 && sqp_whole_cell(t, e, room, &clen, &r, &rlen));
        if (!exact && (room - e > 3 || slack)) continue;
        if (!sqp_fits(t, at, t + at, sum)) continue;
        if (exact) { /* an exact end beats a fragment's slack */
            found = true;
            end = e;
        } else {
            slack = e;
            slack_sum = sum;
        }
    }
    if (!found && slack) {
        end = slack;
        sum = slack_sum;
        found = true;
    }
    if (!found) return LS_OK;
    size_t hdr = end - sum;
    uint8_t rec[4096];
    if (1 + end <= sizeof rec) {
        rec[0] = (uint8_t)(1 + hdr);
        memcpy(rec + 1, t, end);
        LS_TRY(sqp_record(rec, 1 + end, line));
    }
    for (size_t pos = end, clen, r, rlen; pos + 4 <= room; pos += clen) {
        if (!sqp_whole_cell(t, pos, room, &clen, &r, &rlen)) break;
        LS_TRY(sqp_record(t + r, rlen, line));
    }
    return LS_OK;
}

ls_err ls_sqlite_carve_freeblocks(struct ls_slice page, size_t hdr, size_t usable, struct ls_buf *line)
{
    if (usable > page.len) usable = page.len;
    if (usable < 512 || hdr + 8 > usable || page.ptr[hdr] != 0x0D) return LS_OK;
    const uint8_t *p = page.ptr;
    size_t fb = sqp_be(p + hdr + 1, 2), floor = hdr + 8;
    for (unsigned n = 0; fb && n < usable / 4; n++) {
        if (fb < floor || fb + 4 > usable) break;
        size_t size = sqp_be(p + fb + 2, 2), next = sqp_be(p + fb, 2);
        if (size < 4 || size > usable - fb) break;
        LS_TRY(sqp_freeblock(p + fb, size, line));
        if (next && next <= fb + size - 1) break; /* the chain goes up and never overlaps */
        floor = fb + size;
        fb = next;
    }
    /* unallocated space: a cell freed at the start of the content area is
     * written as a freeblock (its link and size over its first 4 bytes),
     * then the area's start moves past it; cells end where the next
     * begins, so each is found by its end: a freeblock header whose size
     * reaches it, else a whole cell */
    size_t ncells = sqp_be(p + hdr + 3, 2), start = sqp_be(p + hdr + 5, 2);
    if (start == 0) start = 65536;
    size_t lo = hdr + 8 + 2 * ncells;
    if (start > usable || lo >= start) return LS_OK;
    for (size_t endc = start, tries = 0; endc > lo + 3 && tries < usable;) {
        bool got = false;
        for (size_t c = endc - 4; c + 1 > lo && tries < usable; c--, tries++) {
            size_t clen, r, rlen;
            if (sqp_be(p + c + 2, 2) == endc - c) {
                LS_TRY(sqp_freeblock(p + c, endc - c, line));
                endc = c;
                got = true;
                break;
            }
            if (p[c] != 0 && sqp_whole_cell(p, c, endc, &clen, &r, &rlen) && c + clen == endc) {
                LS_TRY(sqp_record(p + r, rlen, line));
                endc = c;
                got = true;
                break;
            }
            if (c == lo) break;
        }
        if (!got) break;
    }
    return LS_OK;
}

/* ---------------------------------------------------------------- handler */
#define WAL_HEADER 32u
#define WAL_FRAME 24u
static const uint8_t JOURNAL_MAGIC[8] = {0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7};

static bool sqp_pow2(uint32_t v)
{
    return v >= 512 && v <= 65536 && (v & (v - 1)) == 0;
}

/* WAL: magic and version; *ps the page size. */
static bool sqp_wal(struct ls_slice d, uint32_t *ps)
{
    if (d.len < WAL_HEADER) return false;
    uint32_t magic = sqp_be(d.ptr, 4), ver = sqp_be(d.ptr + 4, 4);
    *ps = sqp_be(d.ptr + 8, 4);
    return (magic == 0x377f0682u || magic == 0x377f0683u) && ver == 3007000u && sqp_pow2(*ps);
}

/* Journal: magic (or, named, zeros: a journal whose transaction was still
 * open, its header not yet synced); *ps the page size, *sector the
 * header's padded size. */
static bool sqp_journal(struct ls_slice d, bool named, uint32_t *ps, uint32_t *sector)
{
    static const uint8_t zero[8];
    if (d.len < 28 || (memcmp(d.ptr, JOURNAL_MAGIC, 8) != 0 && !(named && memcmp(d.ptr, zero, 8) == 0)))
        return false;
    *sector = sqp_be(d.ptr + 20, 4);
    *ps = sqp_be(d.ptr + 24, 4);
    if (!sqp_pow2(*sector)) *sector = 512;
    return sqp_pow2(*ps);
}

static bool sqp_named_journal(const struct ls_object *o)
{
    static const char sfx[] = "-journal";
    size_t n = sizeof sfx - 1;
    return o->name && o->name_len > n && memcmp(o->name + o->name_len - n, sfx, n) == 0;
}

static int sqp_probe(const struct ls_object *o)
{
    uint32_t ps, sector;
    if (sqp_wal(o->data, &ps)) return 95;
    if (sqp_journal(o->data, false, &ps, &sector)) return 95;
    return sqp_journal(o->data, sqp_named_journal(o), &ps, &sector) ? 80 : 0;
}

static ls_err sqp_flush(struct ls_ctx *c, struct ls_object *o, struct ls_buf *line, bool *full)
{
    if (line->len == 0 || *full) return LS_OK;
    ls_err e = ls_emit_text(c, o, line->ptr, line->len);
    ls_buf_reset(line);
    if (e == LS_E_LIMIT) *full = true;
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* Carve the page at d[pg..pg+ps), page number pno; flush past 64 KiB. */
static ls_err sqp_page(struct ls_ctx *c, struct ls_object *o, size_t pg, uint32_t ps, uint32_t pno,
                       struct ls_buf *line, bool *full, size_t *overlap)
{
    ls_err e = ls_sqlite_carve_page(ls_slice_make(o->data.ptr + pg, ps), pno == 1 ? 100 : 0, ps, line);
    if (e == LS_E_CORRUPT) { /* cells overlap: read up to the first that would */
        (*overlap)++;
        e = LS_OK;
    }
    LS_TRY(e);
    return line->len >= 65536 ? sqp_flush(c, o, line, full) : LS_OK;
}

/* WAL frames, every generation's. */
static ls_err sqp_wal_frames(struct ls_ctx *c, struct ls_object *o, uint32_t ps, struct ls_buf *line,
                             bool *full, bool *cut, size_t *overlap)
{
    struct ls_slice d = o->data;
    size_t step = WAL_FRAME + ps;
    for (size_t at = WAL_HEADER, n = 0; at < d.len && !*full; at += step, n++) {
        if (n % SQP_TICK == SQP_TICK - 1 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
        if (d.len - at < step) {
            *cut = true;
            break;
        }
        LS_TRY(sqp_page(c, o, at + WAL_FRAME, ps, sqp_be(d.ptr + at, 4), line, full, overlap));
    }
    return LS_OK;
}

/* Journal segments: a header (its record count: 0 or all ones, up to the
 * end of the file), records, then the next header at a sector boundary. */
static ls_err sqp_journal_records(struct ls_ctx *c, struct ls_object *o, uint32_t ps, uint32_t sector,
                                  struct ls_buf *line, bool *full, bool *cut, size_t *overlap)
{
    struct ls_slice d = o->data;
    size_t step = 4u + ps + 4u, at = 0, n = 0;
    while (at < d.len && d.len - at >= 28 && !*full) {
        static const uint8_t zero[8];
        /* a later header, or zeros: a segment not yet synced, up to the end */
        if (at > 0 && memcmp(d.ptr + at, JOURNAL_MAGIC, 8) != 0 && memcmp(d.ptr + at, zero, 8) != 0) break;
        uint32_t nrec = sqp_be(d.ptr + at + 8, 4);
        bool counted = nrec != 0 && nrec != 0xFFFFFFFFu;
        at += sector;
        for (uint32_t k = 0; at < d.len && !*full && (!counted || k < nrec); k++, n++) {
            if (n % SQP_TICK == SQP_TICK - 1 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
            if (d.len - at < step) {
                for (size_t i = at; i < d.len && !*cut; i++) *cut = d.ptr[i] != 0; /* zeros: padding */
                return LS_OK;
            }
            LS_TRY(sqp_page(c, o, at + 4, ps, sqp_be(d.ptr + at, 4), line, full, overlap));
            at += step;
        }
        if (!counted) break;
        at = (at + sector - 1) / sector * sector;
    }
    return LS_OK;
}

static ls_err sqp_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    uint32_t ps = 0, sector = 0;
    bool wal = sqp_wal(d, &ps);
    if (!wal && !sqp_journal(d, sqp_named_journal(o), &ps, &sector)) return LS_E_CORRUPT;
    struct ls_buf line;
    ls_buf_init(&line, SIZE_MAX);
    bool full = false, cut = false;
    size_t overlap = 0;
    ls_err e = wal ? sqp_wal_frames(c, o, ps, &line, &full, &cut, &overlap)
                   : sqp_journal_records(c, o, ps, sector, &line, &full, &cut, &overlap);
    ls_err f = sqp_flush(c, o, &line, &full);
    if (e == LS_OK) e = f;
    ls_buf_free(&line);
    if (cut) ls_note(c, o, LS_R_TRUNCATED, "sqlitelog: the last %s is cut short", wal ? "frame" : "page");
    if (overlap)
        ls_note(c, o, LS_R_PARSE_ERROR,
                "sqlitelog: %zu page(s) whose cells overlap (crafted or damaged) read up to the first that would",
                overlap);
    return e;
}

const struct ls_handler ls_handler_sqlitelog = {
    .name = "sqlitelog",
    .probe = sqp_probe,
    .extract = sqp_extract,
};
