/*
 * PostgreSQL pg_dump archives in the custom format (pg_dump -Fc, the
 * ".dump" files of most database leaks): every table's rows as a child
 * "SCHEMA.TABLE.sql" holding the table's COPY statement, its rows and
 * "\.", which the text handler's SQL dump reader (sqldump.h) labels by
 * column (a --inserts archive's INSERT statements, without COPY, after
 * their table's CREATE TABLE from the TOC); large objects as children
 * "blob_OID". Also the tar format
 * (pg_dump -Ft) and a directory-format dump (-Fd) in a plain tar, whose
 * rows are members of their own: see "tar" below.
 *
 * Layout (archive versions 1.10-1.16, pg_dump 8.4-17; PostgreSQL's
 * pg_backup_archiver.c and pg_backup_custom.c): "PGDMP", the version (major,
 * minor, revision bytes), intSize, offSize, the format (1 = custom; the
 * toc.dat of the tar and directory formats says 3 or 5), the compression
 * (a level as an int before 1.15, where non-zero means zlib; an
 * algorithm byte from 1.15: 0 none, 1 gzip, 2 lz4, 3 zstd),
 * the creation time (7 ints), the database name and (1.10+) two version
 * strings. Then the TOC: a count and per entry its dump id, a data flag,
 * two OIDs, tag, desc, section (1.11+), definition, drop statement, COPY
 * statement, schema, tablespace, table access method (1.14+), relkind
 * (1.16+), owner, a "with OIDs" flag, the dependency ids up to a NULL
 * string, and the data's offset (a flag byte and offSize bytes; in a
 * toc.dat, the data's file name as a string instead). An int is
 * a sign byte and intSize bytes, least significant first; a string an int
 * length (-1: NULL) and the bytes. The data blocks follow in dump order: a
 * type byte (1 table data, 3 large objects), the dump id, then chunks (an
 * int length and the bytes) up to a zero length; compressed, a table's
 * chunks carry one zlib stream (a large object's each its own). The TOC is
 * in the clear, so the raw-byte scan sees the definitions; the rows are
 * only in the blocks.
 *
 * Read in one pass, blocks in file order (pg_dump writing to a pipe leaves
 * the offsets unset); every length is bounded by the bytes left, inflated
 * data is charged to the root's budget as it grows: a stream over the bomb
 * ratio cuts its table only; the root's budget spent or the member limit
 * ends the walk.
 */
#include "core/handler.h"
#include "extract/sqldump.h"
#include "extract/zinflate.h"

#include <stdlib.h>
#include <string.h>

#define PGD_MAX_ENTRIES 1000000u
#define PGD_NAME_MAX 200u

enum { PGD_NONE = 0, PGD_ZLIB = 1, PGD_LZ4 = 2, PGD_ZSTD = 3 };
enum { PGD_FMT_CUSTOM = 1, PGD_FMT_TAR = 3, PGD_FMT_DIR = 5 };

#define PGD_TAR_BLOCK 512u
#define PGD_TAR_FIND 256u       /* tar headers looked at for toc.dat */
#define PGD_TAR_MEMBERS 100000u /* a pg_dump tar's members: one per table and large object */
#define PGD_TAR_TOCS 64u        /* toc.dat files read in one tar (a tar of several -Fd dumps) */
#define PGD_TAR_PROBE 96        /* over the archive handler's ustar (80) and gzip (85): pg_dump's layout checked */
#define PGD_GZ_PEEK (64u << 10) /* bytes of a gzip stream the probe inflates to look for toc.dat */
#define PGD_GZ_MAX (256u << 20) /* a gzip'd tar read in memory (the pipeline's spill threshold); larger: declined */

struct pgd_ent {
    int32_t id;
    struct ls_slice tag, desc, ns, copy;
    struct ls_slice defn; /* a TABLE entry's CREATE TABLE */
    int32_t dep;          /* the first dependency (a TABLE DATA entry's: its TABLE), 0: none */
    struct ls_slice file; /* tar and directory formats: the data's file, "NNNN.dat" */
};

/* One tar header (POSIX ustar, as pg_dump's pg_backup_tar.c writes it). */
struct pgd_tarh {
    char name[PGD_TAR_BLOCK]; /* prefix "/" name, NUL-ended */
    size_t name_len;
    int type;                 /* the typeflag byte */
    struct ls_slice data;     /* the member's bytes present */
    bool cut;                 /* its size goes past the end of the file */
    size_t next;              /* the next header's offset (SIZE_MAX: none) */
    size_t at;                /* this header's offset */
};

struct pgd {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_cursor cur;
    unsigned vmin, intsz, offsz, fmt;
    int alg;
    struct pgd_ent *ents;
    size_t nents;
    struct ls_buf raw, out;
    struct ls_slice tar; /* the tar read: the object, or its gzip stream inflated */
    struct ls_buf gz;    /* that inflated stream */
    bool no_children, unsupported, bad, bomb, cut;
};

/* ReadInt: a sign byte, then intsz bytes, least significant first; values
 * outside int32 are damage. */
static ls_err pgd_int(struct pgd *p, int32_t *v)
{
    uint8_t sign, b;
    uint64_t x = 0;
    LS_TRY(ls_cur_u8(&p->cur, &sign));
    for (unsigned i = 0; i < p->intsz; i++) {
        LS_TRY(ls_cur_u8(&p->cur, &b));
        if (i < 8) x |= (uint64_t)b << (8 * i);
    }
    if (sign > 1 || x > 0x7fffffffu) return LS_E_CORRUPT;
    *v = sign ? -(int32_t)x : (int32_t)x;
    return LS_OK;
}

/* ReadStr: an int length, -1 for NULL (*isnull), then the bytes. */
static ls_err pgd_str(struct pgd *p, struct ls_slice *s, bool *isnull)
{
    int32_t n;
    LS_TRY(pgd_int(p, &n));
    if (isnull) *isnull = n == -1;
    if (n == -1) {
        *s = ls_slice_make("", 0);
        return LS_OK;
    }
    if (n < 0) return LS_E_CORRUPT;
    return ls_cur_take(&p->cur, (size_t)n, s);
}

static ls_err pgd_skip_str(struct pgd *p)
{
    struct ls_slice s;
    return pgd_str(p, &s, NULL);
}

/* The fixed start: magic, version, sizes; *fmt the format byte (1
 * custom; 3 the toc.dat of a tar or, as pg_dump 15 writes it, directory
 * archive; 5 directory). */
static bool pgd_magic_fmt(struct ls_slice d, unsigned *vmin, unsigned *fmt)
{
    if (d.len < 11 || memcmp(d.ptr, "PGDMP", 5) != 0) return false;
    if (d.ptr[5] != 1 || d.ptr[6] < 10 || d.ptr[6] > 16) return false;
    if (d.ptr[8] < 1 || d.ptr[8] > 8 || d.ptr[9] < 1 || d.ptr[9] > 8) return false;
    *vmin = d.ptr[6];
    *fmt = d.ptr[10];
    return true;
}

static bool pgd_magic(struct ls_slice d, unsigned *vmin)
{
    unsigned fmt;
    return pgd_magic_fmt(d, vmin, &fmt) && fmt == PGD_FMT_CUSTOM;
}

static bool pgd_tar_find_toc(struct ls_slice d, struct pgd_tarh *toc);
static bool pgd_gz_tar(struct ls_slice d);

static int pgd_probe(const struct ls_object *o)
{
    unsigned v;
    if (pgd_magic(o->data, &v)) return 95;
    struct pgd_tarh toc;
    return pgd_tar_find_toc(o->data, &toc) || pgd_gz_tar(o->data) ? PGD_TAR_PROBE : 0;
}

static ls_err pgd_head(struct pgd *p, struct ls_slice toc)
{
    p->cur = ls_cur_make(toc);
    LS_TRY(ls_cur_skip(&p->cur, 8));
    uint8_t b;
    LS_TRY(ls_cur_u8(&p->cur, &b));
    p->intsz = b;
    LS_TRY(ls_cur_u8(&p->cur, &b));
    p->offsz = b;
    LS_TRY(ls_cur_u8(&p->cur, &b)); /* format, checked by the probe */
    if (p->vmin >= 15) {
        LS_TRY(ls_cur_u8(&p->cur, &b));
        if (b > PGD_ZSTD) return LS_E_CORRUPT;
        p->alg = b;
    } else {
        int32_t level;
        LS_TRY(pgd_int(p, &level));
        p->alg = level != 0 ? PGD_ZLIB : PGD_NONE;
    }
    int32_t t;
    for (int i = 0; i < 7; i++) LS_TRY(pgd_int(p, &t));
    for (int i = 0; i < 3; i++) LS_TRY(pgd_skip_str(p)); /* database, server, pg_dump versions */
    return LS_OK;
}

static int pgd_cmp(const void *a, const void *b)
{
    int32_t x = ((const struct pgd_ent *)a)->id, y = ((const struct pgd_ent *)b)->id;
    return (x > y) - (x < y);
}

/* A dependency's dump id ("210"), 0 when it is not a number. */
static int32_t pgd_dump_id(struct ls_slice s)
{
    int32_t id = 0;
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch < '0' || ch > '9' || id >= 100000000) return 0;
        id = id * 10 + (ch - '0');
    }
    return id;
}

static ls_err pgd_toc(struct pgd *p)
{
    int32_t count;
    LS_TRY(pgd_int(p, &count));
    /* an entry takes at least 14 ints' sign bytes: no more entries than that */
    if (count < 0 || (size_t)count > PGD_MAX_ENTRIES || (size_t)count > ls_cur_left(&p->cur) / 14)
        return LS_E_CORRUPT;
    p->ents = calloc(count ? (size_t)count : 1, sizeof *p->ents);
    if (!p->ents) return LS_E_NOMEM;
    for (int32_t i = 0; i < count; i++) {
        if ((i & 1023) == 1023 && ls_ctx_expired(p->c)) return LS_E_TIMEOUT;
        struct pgd_ent *e = &p->ents[p->nents];
        int32_t v;
        LS_TRY(pgd_int(p, &e->id));
        LS_TRY(pgd_int(p, &v));          /* had a data dumper */
        LS_TRY(pgd_skip_str(p));         /* table OID */
        LS_TRY(pgd_skip_str(p));         /* OID */
        LS_TRY(pgd_str(p, &e->tag, NULL));
        LS_TRY(pgd_str(p, &e->desc, NULL));
        if (p->vmin >= 11) LS_TRY(pgd_int(p, &v)); /* section */
        LS_TRY(pgd_str(p, &e->defn, NULL));
        LS_TRY(pgd_skip_str(p));         /* drop statement */
        LS_TRY(pgd_str(p, &e->copy, NULL));
        LS_TRY(pgd_str(p, &e->ns, NULL));
        LS_TRY(pgd_skip_str(p));         /* tablespace */
        if (p->vmin >= 14) LS_TRY(pgd_skip_str(p)); /* table access method */
        if (p->vmin >= 16) LS_TRY(pgd_int(p, &v));  /* relkind */
        LS_TRY(pgd_skip_str(p));         /* owner */
        LS_TRY(pgd_skip_str(p));         /* with OIDs */
        for (;;) {                       /* dependencies (dump ids as text), up to a NULL */
            struct ls_slice s;
            bool isnull;
            LS_TRY(pgd_str(p, &s, &isnull));
            if (isnull) break;
            if (e->dep == 0) e->dep = pgd_dump_id(s);
        }
        if (p->fmt == PGD_FMT_CUSTOM)
            LS_TRY(ls_cur_skip(&p->cur, 1u + p->offsz)); /* data offset: flag, position */
        else
            LS_TRY(pgd_str(p, &e->file, NULL)); /* the data's file name */
        p->nents++;
    }
    qsort(p->ents, p->nents, sizeof *p->ents, pgd_cmp);
    return LS_OK;
}

/* The TOC entry of a dump id (the entries sorted by id after the TOC is
 * read: a block whose id the TOC lacks costs a binary search, not a walk). */
static const struct pgd_ent *pgd_find_in(const struct pgd_ent *ents, size_t n, int32_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ents[mid].id == id) return &ents[mid];
        if (ents[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static const struct pgd_ent *pgd_find(const struct pgd *p, int32_t id)
{
    return pgd_find_in(p->ents, p->nents, id);
}

/* What a table's data is handed on after: its COPY statement, or, for
 * INSERT statements without column lists (pg_dump --inserts), its
 * table's CREATE TABLE (the entry it depends on), so the SQL dump reader
 * knows the columns. Empty when neither is known. */
static struct ls_slice pgd_lead_in(const struct pgd_ent *ents, size_t n, const struct pgd_ent *e)
{
    if (!e) return ls_slice_make("", 0);
    if (e->copy.len) return e->copy;
    const struct pgd_ent *t = e->dep > 0 ? pgd_find_in(ents, n, e->dep) : NULL;
    if (t && ls_slice_eq_str(t->desc, "TABLE") && t->defn.len) return t->defn;
    return ls_slice_make("", 0);
}

/* One block's chunks, concatenated into p->raw; LS_E_TRUNCATED when the
 * file ends before the zero length. */
static ls_err pgd_chunks(struct pgd *p)
{
    ls_buf_reset(&p->raw);
    for (;;) {
        int32_t n;
        LS_TRY(pgd_int(p, &n));
        if (n == 0) return LS_OK;
        if (n < 0) return LS_E_CORRUPT;
        struct ls_slice s;
        size_t want = (size_t)n;
        if (want > ls_cur_left(&p->cur)) {
            (void)ls_cur_take(&p->cur, ls_cur_left(&p->cur), &s);
            LS_TRY(ls_buf_add(&p->raw, s.ptr, s.len));
            return LS_E_TRUNCATED;
        }
        LS_TRY(ls_cur_take(&p->cur, want, &s));
        LS_TRY(ls_buf_add(&p->raw, s.ptr, s.len));
    }
}

static ls_err pgd_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct pgd *p = ud;
    return zinflate_budget(p->c, p->o, "pgdump", n, in_used, out_total);
}

/* Append the block's data (p->raw, decompressed as the archive says) to
 * p->out. Returns the inflate's error; LS_E_TRUNCATED for a cut stream. */
static ls_err pgd_data(struct pgd *p)
{
    uint64_t left = ls_budget_left(p->c);
    if (p->alg == PGD_NONE) {
        if (p->raw.len > left) return LS_E_LIMIT;
        LS_TRY(ls_budget_charge(p->c, p->o, p->raw.len));
        return ls_buf_add(&p->out, p->raw.ptr, p->raw.len);
    }
    if (p->alg != PGD_ZLIB) return LS_E_UNSUPPORTED;
    size_t max = left < SIZE_MAX - p->out.len ? p->out.len + (size_t)left : SIZE_MAX;
    return zinflate_stream(ls_buf_slice(&p->raw), 15, &p->out, max, NULL, pgd_charge, p);
}

static ls_err pgd_emit(struct pgd *p, const char *name, size_t name_len, ls_err why)
{
    if (p->no_children) return LS_OK;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = name_len;
    ch.data = ls_buf_slice(&p->out);
    if (why != LS_OK) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = why == LS_E_CORRUPT ? LS_R_PARSE_ERROR : why == LS_E_LIMIT ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        if (why == LS_E_LIMIT) ch.tags[1] = LS_A_ZIP_BOMB;
        ch.error = why == LS_E_CORRUPT ? "pgdump: damaged compressed data"
                   : why == LS_E_LIMIT ? "pgdump: the data expands over the bomb ratio; cut there"
                                       : "pgdump: data cut short";
    }
    ls_err e = ls_emit_child(p->c, p->o, &ch);
    if (e == LS_E_LIMIT) {
        p->no_children = true;
        return LS_OK;
    }
    return e;
}

/* "SCHEMA.TAG.sql" (tag bytes as stored, cut), or the dump id. */
static ls_err pgd_name(struct ls_buf *nm, const struct pgd_ent *e, int32_t id)
{
    ls_buf_reset(nm);
    if (!e || e->tag.len == 0) return ls_buf_printf(nm, "%ld.dat", (long)id);
    if (e->ns.len) {
        LS_TRY(ls_buf_add(nm, e->ns.ptr, e->ns.len < PGD_NAME_MAX ? e->ns.len : PGD_NAME_MAX));
        LS_TRY(ls_buf_addc(nm, '.'));
    }
    LS_TRY(ls_buf_add(nm, e->tag.ptr, e->tag.len < PGD_NAME_MAX ? e->tag.len : PGD_NAME_MAX));
    return ls_buf_adds(nm, ".sql");
}

/* A data error worth stopping for (the rest of the file cannot be found). */
static bool pgd_fatal(ls_err e)
{
    return e == LS_E_NOMEM || e == LS_E_TIMEOUT;
}

/* LS_E_LIMIT from a block's data: the root's budget is spent (stop), or
 * only this stream went over the bomb ratio (zinflate_budget noted
 * zip_bomb): its table is cut there and the next block is read, so a bomb
 * before the customer table does not hide it. */
static bool pgd_stop(struct pgd *p, ls_err de)
{
    if (pgd_fatal(de)) return true;
    if (de != LS_E_LIMIT) return false;
    if (ls_budget_left(p->c) == 0) return true;
    p->bomb = true;
    return false;
}

static ls_err pgd_blocks(struct pgd *p, ls_err *damage)
{
    struct ls_buf nm;
    ls_buf_init(&nm, 3 * PGD_NAME_MAX);
    ls_err e = LS_OK;
    /* the member limit ends the walk: nothing after it could be handed on */
    while (e == LS_OK && !p->no_children && ls_cur_left(&p->cur) > 0) {
        if (ls_ctx_expired(p->c)) {
            e = LS_E_TIMEOUT;
            break;
        }
        uint8_t type;
        int32_t id;
        if ((e = ls_cur_u8(&p->cur, &type)) != LS_OK || (e = pgd_int(p, &id)) != LS_OK) break;
        const struct pgd_ent *ent = pgd_find(p, id);
        if (type == 1) { /* BLK_DATA */
            ls_buf_reset(&p->out);
            bool copy = ent && ent->copy.len;
            struct ls_slice lead = pgd_lead_in(p->ents, p->nents, ent);
            if (lead.len) e = ls_buf_add(&p->out, lead.ptr, lead.len);
            if (e == LS_OK && lead.len && !copy) e = ls_buf_addc(&p->out, '\n');
            ls_err ce = e == LS_OK ? pgd_chunks(p) : e;
            ls_err de = pgd_fatal(ce) ? ce : pgd_data(p);
            if (pgd_stop(p, de)) {
                e = de;
                break;
            }
            if (de == LS_E_UNSUPPORTED) {
                p->unsupported = true;
                if (ce != LS_OK) e = ce;
                continue;
            }
            if (copy && ce == LS_OK && de == LS_OK) e = ls_buf_adds(&p->out, "\\.\n");
            ls_err why = ce != LS_OK ? ce : de;
            if (e == LS_OK) e = pgd_name(&nm, ent, id);
            if (e == LS_OK) e = pgd_emit(p, ls_buf_str(&nm), nm.len, why);
            if (e == LS_OK && ce != LS_OK) e = ce; /* the next block cannot be found */
            else if (e == LS_OK && de != LS_OK && de != LS_E_LIMIT) p->bad = true; /* its stream only */
        } else if (type == 3) { /* BLK_BLOBS: OID, chunks; ... OID 0 */
            for (;;) {
                int32_t oid;
                if ((e = pgd_int(p, &oid)) != LS_OK || oid == 0) break;
                ls_buf_reset(&p->out);
                ls_err ce = pgd_chunks(p);
                ls_err de = pgd_fatal(ce) ? ce : pgd_data(p);
                if (pgd_stop(p, de)) {
                    e = de;
                    break;
                }
                if (de == LS_E_UNSUPPORTED) {
                    p->unsupported = true;
                    if ((e = ce) != LS_OK) break;
                    continue;
                }
                ls_err why = ce != LS_OK ? ce : de;
                ls_buf_reset(&nm);
                e = ls_buf_printf(&nm, "blob_%lu", (unsigned long)(uint32_t)oid);
                if (e == LS_OK) e = pgd_emit(p, ls_buf_str(&nm), nm.len, why);
                if (e == LS_OK && ce != LS_OK) e = ce;
                else if (e == LS_OK && de != LS_OK && de != LS_E_LIMIT) p->bad = true;
                if (e != LS_OK || p->no_children) break;
            }
        } else {
            e = LS_E_CORRUPT;
        }
    }
    ls_buf_free(&nm);
    if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
        *damage = e;
        return LS_OK;
    }
    return e;
}

/* ---- tar (-Ft) and a tar of a directory archive (-Fd) ----
 *
 * pg_dump -Ft writes a POSIX ustar file: "toc.dat" first (the header and
 * TOC as in the custom format, format byte 3, each entry's data file name
 * in place of an offset), then one member per table's data ("NNNN.dat",
 * the COPY rows without their statement), large objects, and restore.sql.
 * A directory archive (-Fd) tarred keeps toc.dat among "NNNN.dat.gz"
 * members (gzip'd rows) under the directory's name. Read alone, a data
 * member is tab-separated values whose column names are only in toc.dat:
 * here each is handed on with its table's COPY statement before its rows
 * (named as the member, ".gz" taken off), so the SQL dump reader labels
 * them; every other member is handed on as stored. Only a plain tar of
 * regular files and directories with relative names is taken (anything
 * else is the archive handler's, which checks links and names). A gzip'd
 * tar whose first bytes show toc.dat is inflated in memory up to
 * PGD_GZ_MAX and read the same way; else declined to the archive handler. */

/* An octal field, or base-256 (GNU, and pg_dump for members over 8 GiB). */
static bool pgd_tar_num(struct ls_slice f, uint64_t *v)
{
    *v = 0;
    if (f.len && (ls_slice_at(f, 0) & 0x80)) {
        for (size_t i = 1; i < f.len; i++) {
            if (*v >> 55) return false;
            *v = *v << 8 | (uint64_t)ls_slice_at(f, i);
        }
        return (ls_slice_at(f, 0) & 0x7f) == 0;
    }
    size_t i = 0;
    while (i < f.len && ls_slice_at(f, i) == ' ') i++;
    bool any = false;
    for (; i < f.len; i++) {
        int ch = ls_slice_at(f, i);
        if (ch < '0' || ch > '7') break;
        if (*v >> 60) return false;
        *v = *v << 3 | (uint64_t)(ch - '0');
        any = true;
    }
    for (; i < f.len; i++) {
        int ch = ls_slice_at(f, i);
        if (ch != 0 && ch != ' ') return false;
    }
    return any;
}

/* The header at off: its checksum right (an all-zero block, the end, is
 * not a header), the member's bytes and the next header's offset. */
static bool pgd_tar_hdr(struct ls_slice d, size_t off, struct pgd_tarh *h)
{
    struct ls_slice b, f;
    if (!ls_slice_sub(d, off, PGD_TAR_BLOCK, &b)) return false;
    uint64_t sum = 0, want, size;
    for (size_t i = 0; i < PGD_TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? ' ' : (uint64_t)ls_slice_at(b, i);
    if (!ls_slice_sub(b, 148, 8, &f) || !pgd_tar_num(f, &want) || want != sum) return false;
    if (!ls_slice_sub(b, 124, 12, &f) || !pgd_tar_num(f, &size)) return false;
    h->at = off;
    h->type = ls_slice_at(b, 156);
    h->name_len = 0;
    if (ls_slice_sub(b, 257, 5, &f) && ls_slice_eq_str(f, "ustar")) { /* the prefix field */
        for (size_t i = 345; i < 500 && ls_slice_at(b, i) > 0; i++) h->name[h->name_len++] = (char)ls_slice_at(b, i);
        if (h->name_len) h->name[h->name_len++] = '/';
    }
    for (size_t i = 0; i < 100 && ls_slice_at(b, i) > 0; i++) h->name[h->name_len++] = (char)ls_slice_at(b, i);
    h->name[h->name_len] = 0;
    size_t start = off + PGD_TAR_BLOCK; /* b fits: off <= d.len - 512 */
    size_t left = d.len - start;
    h->cut = size > left;
    (void)ls_slice_sub(d, start, h->cut ? left : (size_t)size, &h->data);
    uint64_t span = (size + PGD_TAR_BLOCK - 1) / PGD_TAR_BLOCK * PGD_TAR_BLOCK;
    h->next = h->cut || span > left ? SIZE_MAX : start + (size_t)span;
    return true;
}

static bool pgd_tar_regular(const struct pgd_tarh *h)
{
    return h->type == '0' || h->type == 0 || h->type == '7';
}

/* A name the archive handler should judge: absolute, "..", or control bytes. */
static bool pgd_tar_odd_name(const struct pgd_tarh *h)
{
    struct ls_slice n = ls_slice_make(h->name, h->name_len);
    if (h->name_len == 0 || h->name[0] == '/' || ls_name_has_control(n)) return true;
    for (size_t i = 0; i + 1 < h->name_len; i++)
        if (h->name[i] == '.' && h->name[i + 1] == '.' && (i == 0 || h->name[i - 1] == '/') &&
            (i + 2 == h->name_len || h->name[i + 2] == '/'))
            return true;
    return false;
}

/* The basename of a member's name starts at. */
static size_t pgd_tar_base(const struct pgd_tarh *h)
{
    size_t b = h->name_len;
    while (b > 0 && h->name[b - 1] != '/') b--;
    return b;
}

/* Every header a regular file or a directory with a plain name, up to the
 * end-of-archive block or the end of the file. */
static bool pgd_tar_plain(struct ls_slice d)
{
    struct pgd_tarh h;
    size_t off = 0;
    for (unsigned n = 0; n < PGD_TAR_MEMBERS; n++) {
        if (off == SIZE_MAX || !pgd_tar_hdr(d, off, &h)) return true;
        if ((!pgd_tar_regular(&h) && h.type != '5') || pgd_tar_odd_name(&h)) return false;
        off = h.next;
    }
    return false;
}

/* Is h a pg_dump toc.dat (format 3 or 5)? */
static bool pgd_tar_is_toc(const struct pgd_tarh *h)
{
    unsigned vmin, fmt;
    return pgd_tar_regular(h) && strcmp(h->name + pgd_tar_base(h), "toc.dat") == 0 &&
           pgd_magic_fmt(h->data, &vmin, &fmt) && (fmt == PGD_FMT_TAR || fmt == PGD_FMT_DIR);
}

/* A plain ustar file with pg_dump's "toc.dat" (format 3 or 5) among its
 * first PGD_TAR_FIND members. */
static bool pgd_tar_find_toc(struct ls_slice d, struct pgd_tarh *toc)
{
    struct ls_slice f;
    if (!ls_slice_sub(d, 257, 5, &f) || !ls_slice_eq_str(f, "ustar")) return false;
    size_t off = 0;
    for (unsigned n = 0; n < PGD_TAR_FIND && off != SIZE_MAX; n++) {
        if (!pgd_tar_hdr(d, off, toc)) return false;
        if (pgd_tar_is_toc(toc)) return pgd_tar_plain(d);
        off = toc->next;
    }
    return false;
}

/* One toc.dat of the tar: its directory ("" or "dump_dir/") and entries. */
struct pgd_tartoc {
    char dir[PGD_TAR_BLOCK];
    size_t dir_len;
    struct pgd_ent *ents;
    size_t nents;
};

/* The TOC entry whose data a member holds: "DIR/NNNN.dat" or
 * "DIR/NNNN.dat.gz" under the directory of one of the tar's toc.dat
 * files; *gz when gzip'd. */
static const struct pgd_ent *pgd_tar_entry(const struct pgd_tartoc *tocs, size_t ntocs, const struct pgd_tarh *h,
                                           bool *gz, struct ls_slice *lead)
{
    size_t b = pgd_tar_base(h);
    const struct pgd_tartoc *t = NULL;
    for (size_t k = 0; k < ntocs && !t; k++)
        if (tocs[k].dir_len == b && memcmp(tocs[k].dir, h->name, b) == 0) t = &tocs[k];
    if (!t) return NULL;
    const char *base = h->name + b;
    size_t n = h->name_len - b;
    *gz = n > 3 && memcmp(base + n - 3, ".gz", 3) == 0;
    if (*gz) n -= 3;
    int32_t id = 0;
    size_t i = 0;
    for (; i < n && base[i] >= '0' && base[i] <= '9' && id < 100000000; i++) id = id * 10 + (base[i] - '0');
    if (i == 0 || n - i != 4 || memcmp(base + i, ".dat", 4) != 0) return NULL;
    const struct pgd_ent *e = pgd_find_in(t->ents, t->nents, id);
    if (!e || e->file.len != n || memcmp(e->file.ptr, base, n) != 0) return NULL;
    *lead = pgd_lead_in(t->ents, t->nents, e);
    return lead->len ? e : NULL;
}

/* A member as stored. */
static ls_err pgd_tar_emit_raw(struct pgd *p, const struct pgd_tarh *h)
{
    if (p->no_children) return LS_OK;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = h->name;
    ch.name_len = h->name_len;
    ch.data = h->data;
    if (h->cut) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = LS_R_TRUNCATED;
        ch.error = "pgdump: member cut short";
    }
    ls_err e = ls_emit_child(p->c, p->o, &ch);
    if (e == LS_E_LIMIT) {
        p->no_children = true;
        return LS_OK;
    }
    return e;
}

/* A table's data member: its COPY statement (or CREATE TABLE, lead), then
 * the rows (inflated when gzip'd), named as the member without ".gz". */
static ls_err pgd_tar_emit_data(struct pgd *p, struct ls_slice lead, const struct pgd_tarh *h, bool gz)
{
    ls_buf_reset(&p->out);
    LS_TRY(ls_buf_add(&p->out, lead.ptr, lead.len));
    if (ls_slice_at(lead, lead.len - 1) != '\n') LS_TRY(ls_buf_addc(&p->out, '\n'));
    ls_err de;
    if (gz) {
        uint64_t left = ls_budget_left(p->c);
        size_t max = left < SIZE_MAX - p->out.len ? p->out.len + (size_t)left : SIZE_MAX;
        de = zinflate_stream(h->data, 31, &p->out, max, NULL, pgd_charge, p);
    } else {
        de = ls_budget_charge(p->c, p->o, h->data.len);
        if (de == LS_OK) de = ls_buf_add(&p->out, h->data.ptr, h->data.len);
    }
    if (pgd_stop(p, de)) return de;
    if (de == LS_OK && h->cut) de = LS_E_TRUNCATED;
    if (de != LS_OK && de != LS_E_LIMIT && de != LS_E_TRUNCATED) p->bad = true;
    if (de == LS_E_TRUNCATED) p->cut = true;
    return pgd_emit(p, h->name, gz ? h->name_len - 3 : h->name_len, de);
}

static ls_err pgd_tar_members(struct pgd *p, const struct pgd_tartoc *tocs, size_t ntocs)
{
    struct pgd_tarh h;
    size_t off = 0;
    ls_err e = LS_OK;
    for (unsigned n = 0; e == LS_OK && !p->no_children && n < PGD_TAR_MEMBERS && off != SIZE_MAX; n++) {
        if (ls_ctx_expired(p->c)) return LS_E_TIMEOUT;
        if (!pgd_tar_hdr(p->tar, off, &h)) break;
        off = h.next;
        if (!pgd_tar_regular(&h)) continue;
        bool gz = false;
        struct ls_slice lead;
        const struct pgd_ent *ent = pgd_tar_entry(tocs, ntocs, &h, &gz, &lead);
        e = ent ? pgd_tar_emit_data(p, lead, &h, gz) : pgd_tar_emit_raw(p, &h);
        if (h.cut) p->cut = true;
    }
    return e;
}

/* Read every toc.dat of the tar (a tar may hold several dumps' directories,
 * up to PGD_TAR_TOCS): its entries into tocs. A damaged one is noted and
 * its directory's members go on as stored. */
static ls_err pgd_tar_tocs(struct pgd *p, struct pgd_tartoc *tocs, size_t *ntocs)
{
    struct pgd_tarh h;
    size_t off = 0;
    bool noted = false;
    for (unsigned n = 0; n < PGD_TAR_MEMBERS && off != SIZE_MAX && *ntocs < PGD_TAR_TOCS; n++) {
        if (!pgd_tar_hdr(p->tar, off, &h)) break;
        off = h.next;
        if (!pgd_tar_is_toc(&h)) continue;
        (void)pgd_magic_fmt(h.data, &p->vmin, &p->fmt);
        p->ents = NULL;
        p->nents = 0;
        ls_err e = pgd_head(p, h.data);
        if (e == LS_OK) e = pgd_toc(p);
        if (e == LS_OK) {
            struct pgd_tartoc *t = &tocs[(*ntocs)++];
            t->dir_len = pgd_tar_base(&h);
            memcpy(t->dir, h.name, t->dir_len);
            t->ents = p->ents;
            t->nents = p->nents;
            p->ents = NULL;
            continue;
        }
        free(p->ents);
        p->ents = NULL;
        if (e != LS_E_TRUNCATED && e != LS_E_CORRUPT) return e;
        if (!noted)
            ls_note(p->c, p->o, LS_R_PARSE_ERROR, "pgdump: damaged toc.dat: its directory's members are handed on as stored");
        noted = true;
    }
    return LS_OK;
}

/* A gzip'd tar (pg_dump -Ft | gzip, or a -Fd directory in a .tar.gz):
 * the first PGD_GZ_PEEK bytes inflated show toc.dat (pg_dump -Ft writes it
 * first), and the trailer's size is one this handler keeps in memory. */
static bool pgd_gz_tar(struct ls_slice d)
{
    uint32_t isize;
    if (!ls_slice_starts(d, "\x1f\x8b\x08", 3) || d.len < 18 || !ls_rd_u32le(d, d.len - 4, &isize) ||
        isize > PGD_GZ_MAX)
        return false;
    struct ls_buf head;
    ls_buf_init(&head, PGD_GZ_PEEK);
    struct pgd_tarh toc;
    struct ls_slice magic;
    /* the first header's block alone first: most gzip files are no tar, and
     * the probe runs on every one */
    ls_err e = zinflate_buf(d, 31, &head, PGD_TAR_BLOCK);
    bool ok = (e == LS_OK || e == LS_E_LIMIT) && ls_slice_sub(ls_buf_slice(&head), 257, 5, &magic) &&
              ls_slice_eq_str(magic, "ustar");
    if (ok) {
        ls_buf_reset(&head);
        e = zinflate_buf(d, 31, &head, PGD_GZ_PEEK);
        ok = (e == LS_OK || e == LS_E_LIMIT || e == LS_E_TRUNCATED) && pgd_tar_find_toc(ls_buf_slice(&head), &toc);
    }
    ls_buf_free(&head);
    return ok;
}

/* Inflate the object's gzip stream into p->gz as the tar to read. Declined
 * (the archive handler streams it) when it is larger than PGD_GZ_MAX or,
 * whole, not a plain pg_dump tar after all; *declined then. */
static ls_err pgd_gz_inflate(struct pgd *p, bool *declined)
{
    *declined = false;
    ls_buf_init(&p->gz, PGD_GZ_MAX);
    ls_err ie = zinflate_stream(p->o->data, 31, &p->gz, PGD_GZ_MAX, NULL, NULL, NULL);
    struct pgd_tarh toc;
    if (ie == LS_E_NOMEM) return ie;
    if (ie == LS_E_LIMIT || !pgd_tar_find_toc(ls_buf_slice(&p->gz), &toc)) {
        *declined = true;
        return ls_decline(p->c, p->o);
    }
    LS_TRY(zinflate_budget(p->c, p->o, "pgdump", p->gz.len, p->o->data.len, p->gz.len));
    if (ie == LS_E_TRUNCATED) p->cut = true;
    if (ie == LS_E_CORRUPT) ls_note(p->c, p->o, LS_R_PARSE_ERROR, "pgdump: damaged gzip stream");
    p->tar = ls_buf_slice(&p->gz);
    return LS_OK;
}

static ls_err pgd_tar_extract(struct pgd *p)
{
    struct pgd_tarh first;
    p->tar = p->o->data;
    if (ls_slice_starts(p->o->data, "\x1f\x8b\x08", 3)) {
        bool declined;
        LS_TRY(pgd_gz_inflate(p, &declined));
        if (declined) return LS_OK;
    }
    if (!pgd_tar_find_toc(p->tar, &first)) return LS_E_CORRUPT;
    struct pgd_tartoc *tocs = calloc(PGD_TAR_TOCS, sizeof *tocs);
    if (!tocs) return LS_E_NOMEM;
    size_t ntocs = 0;
    ls_err e = pgd_tar_tocs(p, tocs, &ntocs);
    if (e == LS_OK) e = pgd_tar_members(p, tocs, ntocs);
    for (size_t k = 0; k < ntocs; k++) free(tocs[k].ents);
    free(tocs);
    return e;
}

static ls_err pgd_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct pgd p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.o = o;
    ls_buf_init(&p.raw, SIZE_MAX);
    ls_buf_init(&p.out, SIZE_MAX);
    ls_err damage = LS_OK, e = LS_OK;
    if (pgd_magic(o->data, &p.vmin)) {
        p.fmt = PGD_FMT_CUSTOM;
        e = pgd_head(&p, o->data);
        if (e == LS_OK) e = pgd_toc(&p);
        if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT) {
            damage = e;
            e = LS_OK;
        } else if (e == LS_OK) {
            e = pgd_blocks(&p, &damage);
        }
    } else {
        e = pgd_tar_extract(&p);
    }
    if (p.unsupported)
        ls_note(c, o, LS_R_UNSUPPORTED, "pgdump: %s-compressed table data is not read",
                p.alg == PGD_LZ4 ? "lz4" : "zstd");
    if (damage == LS_E_TRUNCATED || p.cut) ls_note(c, o, LS_R_TRUNCATED, "pgdump: the archive is cut short");
    if (damage == LS_E_CORRUPT) ls_note(c, o, LS_R_PARSE_ERROR, "pgdump: damaged archive");
    else if (p.bad) ls_note(c, o, LS_R_PARSE_ERROR, "pgdump: damaged compressed data");
    if (p.bomb) ls_note(c, o, LS_R_LIMIT_BYTES, "pgdump: a table's data was cut at the bomb ratio");
    free(p.ents);
    ls_buf_free(&p.raw);
    ls_buf_free(&p.out);
    ls_buf_free(&p.gz);
    return e;
}

/* A directory-format dump's data file on its own (sqldump.h): the TOC is
 * read as the handler reads it; entries before damage count. The file
 * name must match exactly ("3341.dat"; the file itself may carry a
 * compression suffix, which the caller strips). */
bool ls_pgdump_toc_copy(struct ls_ctx *c, struct ls_slice toc, const char *file, struct ls_buf *out)
{
    struct pgd p;
    memset(&p, 0, sizeof p);
    p.c = c;
    if (!pgd_magic_fmt(toc, &p.vmin, &p.fmt) || p.fmt == PGD_FMT_CUSTOM) return false;
    ls_err e = pgd_head(&p, toc);
    if (e == LS_OK) (void)pgd_toc(&p);
    bool found = false;
    size_t fl = strlen(file);
    for (size_t i = 0; i < p.nents && !found; i++) {
        const struct pgd_ent *en = &p.ents[i];
        if (en->file.len != fl || memcmp(en->file.ptr, file, fl) != 0 || en->copy.len == 0) continue;
        found = ls_buf_add(out, en->copy.ptr, en->copy.len) == LS_OK;
    }
    free(p.ents);
    return found;
}

const struct ls_handler ls_handler_pgdump = {
    .name = "pgdump",
    .probe = pgd_probe,
    .extract = pgd_extract,
};
