/*
 * Column names from a sibling file (sibling.h). Formats read, each from
 * its tool's documentation:
 *
 * - pg_dump -Fd: toc.dat (the archive header and TOC, read by pgdump.c),
 *   whose TABLE DATA entry names its file "N.dat" and carries the COPY
 *   statement with the column list; N.dat[.gz] holds COPY text rows.
 * - mysqldump --tab=DIR: B.sql holds CREATE TABLE `B`; B.txt the rows,
 *   tab-separated with \N and backslash escapes (the default FIELDS), or
 *   another single-byte separator with optional quotes (--fields-*).
 *   PostgreSQL's COPY B TO 'B.csv' (CSV) beside a schema dump B.sql that
 *   holds CREATE TABLE B is read the same way.
 * - SQL Server bcp format files (B.fmt): the non-XML form (a version line,
 *   a field count, one line per host field: order, type, prefix length,
 *   length, "terminator", server order, column name, collation) and the
 *   XML form (<RECORD><FIELD ID= xsi:type= TERMINATOR=/> and
 *   <ROW><COLUMN SOURCE= NAME=/>). Character fields with a one-byte
 *   terminator only (native and fixed-length files are binary).
 * - Oracle SQL*Loader control files (B.ctl): LOAD DATA ... INFILE 'B.dat'
 *   ... INTO TABLE t [WHEN (...)] FIELDS TERMINATED BY ',' | X'09' [OPTIONALLY
 *   ENCLOSED BY '"'] ... (col [type and clauses], ...); columns that take
 *   no field from the file (CONSTANT, EXPRESSION, SEQUENCE, RECNUM,
 *   SYSDATE) are left out.
 *
 * Ignored on purpose: schemas that do not name the data file or its table
 * (a .sql without CREATE TABLE B, a .ctl whose INFILE is another file),
 * fixed-position layouts, multi-byte separators. A control file with
 * INFILE * holds its rows after BEGINDATA: they are labelled in that file.
 * Attacker-controlled: every byte of both files.
 */
#include "pipeline/sibling.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/sqldump.h"
#include "extract/tablectx.h"
#include "extract/zinflate.h"
#include "pipeline/pipeline.h"

#define SIB_COLS_BYTES (LS_TC_MAX_COLS * 65u) /* NUL-separated names */
#define SIB_COL_NAME 64u                       /* bytes of a column name kept */
#define SIB_NAME_BYTES 4096u                   /* a member name kept by the registry */
#define SIB_UTF16_MAX (64u << 20)              /* a UTF-16 data file converted, at most */
#define LS_SIB_AHEAD_HDRS 100000u              /* members looked through for a schema after its data */
#define LS_SIB_AHEAD_GZ (64u << 20)            /* bytes of a gzip'd tar inflated for that */

/* ---- names ---- */

static bool ext_is(const char *base, size_t blen, size_t dot, const char *ext)
{
    size_t el = strlen(ext);
    return blen - dot - 1 == el && strncasecmp(base + dot + 1, ext, el) == 0;
}

static size_t last_dot(const char *base, size_t blen)
{
    for (size_t i = blen; i-- > 0;)
        if (base[i] == '.') return i;
    return SIZE_MAX;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

static void cand_put(char out[LS_SIB_CANDS][LS_SIB_NAME_MAX + 1], size_t *n, const char *stem, size_t sl,
                     const char *ext)
{
    if (sl + 1 + strlen(ext) > LS_SIB_NAME_MAX) return;
    memcpy(out[*n], stem, sl);
    out[*n][sl] = '.';
    memcpy(out[*n] + sl + 1, ext, strlen(ext) + 1);
    (*n)++;
}

size_t ls_sib_candidates(const char *base, size_t blen, char out[LS_SIB_CANDS][LS_SIB_NAME_MAX + 1])
{
    size_t dot = last_dot(base, blen), n = 0;
    if (dot == SIZE_MAX || dot == 0 || blen > LS_SIB_NAME_MAX) return 0;
    bool dat = ext_is(base, blen, dot, "dat"), txt = ext_is(base, blen, dot, "txt"),
         csv = ext_is(base, blen, dot, "csv"), tsv = ext_is(base, blen, dot, "tsv"),
         bcp = ext_is(base, blen, dot, "bcp");
    if (!(dat || txt || csv || tsv || bcp)) return 0;
    if (dat && all_digits(base, dot) && memcmp(base + dot, ".dat", 4) == 0) {
        memcpy(out[n++], "toc.dat", 8);
        return n; /* pg_dump's numbered files: nothing else */
    }
    /* EMP.DAT beside EMP.FMT: Windows tools write upper-case names */
    bool up = base[dot + 1] >= 'A' && base[dot + 1] <= 'Z';
    if (!tsv) cand_put(out, &n, base, dot, up ? "FMT" : "fmt");
    if (!bcp && !tsv) cand_put(out, &n, base, dot, up ? "CTL" : "ctl");
    if (txt || csv || tsv) cand_put(out, &n, base, dot, up ? "SQL" : "sql");
    return n;
}

/* A compression suffix a data file may carry ("3341.dat.gz"). */
static bool comp_ext(const char *base, size_t blen, size_t *stem)
{
    static const char *const exts[] = {"gz", "bz2", "xz", "zst", "lz4", "lzma"};
    size_t dot = last_dot(base, blen);
    if (dot == SIZE_MAX) return false;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (ext_is(base, blen, dot, exts[i])) {
            *stem = dot;
            return true;
        }
    return false;
}

/* ---- supervisor: the root's sibling on disk ---- */

void ls_sib_cache_free(struct ls_sib_cache *k)
{
    free(k->path);
    free(k->data);
    memset(k, 0, sizeof *k);
}

static bool cache_fresh(const struct ls_sib_cache *k, const char *full, const struct stat *sb)
{
    return k->path && strcmp(k->path, full) == 0 && k->dev == (uint64_t)sb->st_dev &&
           k->ino == (uint64_t)sb->st_ino && k->size == (uint64_t)sb->st_size &&
           k->mtime_s == (int64_t)sb->st_mtim.tv_sec && k->mtime_ns == (int64_t)sb->st_mtim.tv_nsec;
}

/* The first LS_SIB_MAX bytes of the regular file fd into the cache. */
static int read_capped(int fd, const char *full, struct ls_sib_cache *k)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) return 0;
    if (cache_fresh(k, full, &sb)) return 1;
    ls_sib_cache_free(k);
    size_t want = sb.st_size > (off_t)LS_SIB_MAX ? LS_SIB_MAX : (size_t)sb.st_size;
    uint8_t *p = malloc(want ? want : 1);
    char *path = strdup(full);
    if (!p || !path) {
        free(p);
        free(path);
        return 0;
    }
    size_t got = 0;
    while (got < want) {
        ssize_t r = read(fd, p + got, want - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    *k = (struct ls_sib_cache){path, (uint64_t)sb.st_dev, (uint64_t)sb.st_ino, (uint64_t)sb.st_size,
                               (int64_t)sb.st_mtim.tv_sec, (int64_t)sb.st_mtim.tv_nsec, p, got};
    return 1;
}

int ls_sib_read(const char *path, struct ls_sib_cache *k, char name[LS_SIB_NAME_MAX + 1],
                struct ls_slice *data)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t blen = strlen(base), stem;
    if (comp_ext(base, blen, &stem)) blen = stem;
    char cands[LS_SIB_CANDS][LS_SIB_NAME_MAX + 1];
    size_t n = ls_sib_candidates(base, blen, cands);
    size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
    if (n == 0 || dl > 4096) return 0;
    char full[4096 + LS_SIB_NAME_MAX + 2];
    memcpy(full, path, dl);
    for (size_t i = 0; i < n; i++) {
        size_t cl = strlen(cands[i]);
        memcpy(full + dl, cands[i], cl + 1);
        int fd = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) continue;
        int ok = read_capped(fd, full, k);
        close(fd);
        if (ok) {
            memcpy(name, cands[i], cl + 1);
            *data = ls_slice_make(k->data, k->len);
            return 1;
        }
    }
    return 0;
}

/* ---- worker: where the schema of an object comes from ---- */

struct ls_sib_ent {
    char *name; /* the member's name as stored */
    size_t name_len;
    uint8_t *data;
    size_t len;
};

struct ls_sib_reg {
    struct ls_sib_ent e[LS_SIB_REG_MAX];
    size_t n, bytes;
    bool ahead; /* the container was looked through for schema members */
};

void ls_sib_reg_free(struct ls_sib_reg *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->e[i].name);
        free(r->e[i].data);
    }
    free(r);
}

static struct ls_obj_state *st_of(const struct ls_object *o) { return o->priv; }

/* A single compressed data file ("4001.dat.gz", not "tab.tar.gz"): its
 * only member is the data. */
static bool is_stream(const struct ls_object *p)
{
    static const char *const mimes[] = {"application/gzip",  "application/x-gzip", "application/x-bzip2",
                                        "application/x-xz",  "application/zstd",   "application/x-lz4",
                                        "application/x-lzma"};
    const struct ls_obj_state *st = st_of(p);
    size_t stem, b = 0;
    struct ls_slice nm = ls_slice_make(p->name, p->name_len), base;
    for (size_t i = 0; i < nm.len; i++)
        if (ls_slice_at(nm, i) == '/' || ls_slice_at(nm, i) == '\\') b = i + 1;
    if (!st || !ls_slice_from(nm, b, &base) || base.len > LS_SIB_NAME_MAX ||
        !comp_ext((const char *)base.ptr, base.len, &stem))
        return false;
    char cands[LS_SIB_CANDS][LS_SIB_NAME_MAX + 1];
    if (ls_sib_candidates((const char *)base.ptr, stem, cands) == 0) return false;
    for (size_t i = 0; i < sizeof mimes / sizeof mimes[0]; i++)
        if (strcmp(st->mime, mimes[i]) == 0) return true;
    return false;
}

/* What o is called as a file of its dump, and where its siblings are: the
 * object that names it (o, or the compressed stream that holds it) and
 * that object's container (NULL: the root, whose sibling came with the
 * task). */
struct sib_where {
    const struct ls_object *named; /* whose name counts */
    const struct ls_object *box;   /* container of named; NULL: on disk */
    size_t dir_len;                /* named's name up to its last '/' */
    char base[LS_SIB_NAME_MAX + 1];
    size_t blen;
};

static bool sib_where(const struct ls_object *o, struct sib_where *w)
{
    w->named = o;
    if (o->parent && is_stream(o->parent)) w->named = o->parent;
    w->box = w->named->parent;
    struct ls_slice nm = ls_slice_make(w->named->name, w->named->name_len);
    size_t d = 0;
    for (size_t i = 0; i < nm.len; i++)
        if (ls_slice_at(nm, i) == '/' || (w->box && ls_slice_at(nm, i) == '\\')) d = i + 1;
    w->dir_len = d;
    size_t bl = nm.len - d, stem;
    if (bl == 0 || bl > LS_SIB_NAME_MAX) return false;
    struct ls_slice b;
    if (!ls_slice_sub(nm, d, bl, &b)) return false;
    memcpy(w->base, b.ptr, bl);
    w->base[bl] = 0;
    if (memchr(w->base, 0, bl)) return false;
    if (comp_ext(w->base, bl, &stem)) {
        if (w->named == o) return false; /* the compressed stream itself: its member is the data */
        bl = stem;
        w->base[bl] = 0;
    }
    w->blen = bl;
    return true;
}

/* A schema file's name (its last part): toc.dat, *.sql, *.fmt, *.ctl. */
static bool schema_name(const char *base, size_t blen)
{
    size_t dot = last_dot(base, blen);
    if (dot == SIZE_MAX) return false;
    return (blen == 7 && memcmp(base, "toc.dat", 7) == 0) || ext_is(base, blen, dot, "sql") ||
           ext_is(base, blen, dot, "fmt") || ext_is(base, blen, dot, "ctl");
}

static struct ls_sib_reg *reg_of(const struct ls_object *box)
{
    struct ls_obj_state *bst = st_of(box);
    if (!bst->sib) bst->sib = calloc(1, sizeof *bst->sib);
    return bst->sib;
}

/* Keep a schema member: name (dir and base, as stored) and its bytes. */
static void reg_add(struct ls_sib_reg *r, struct ls_slice dir, const char *base, size_t blen,
                    struct ls_slice data)
{
    if (!r || r->n == LS_SIB_REG_MAX || data.len > LS_SIB_MAX || data.len > LS_SIB_REG_BYTES - r->bytes ||
        dir.len + blen > SIB_NAME_BYTES)
        return;
    struct ls_sib_ent *e = &r->e[r->n];
    size_t nl = dir.len + blen;
    e->name = malloc(nl + 1);
    e->data = malloc(data.len ? data.len : 1);
    if (!e->name || !e->data) {
        free(e->name);
        free(e->data);
        return;
    }
    if (dir.len) memcpy(e->name, dir.ptr, dir.len);
    memcpy(e->name + dir.len, base, blen);
    e->name[nl] = 0;
    e->name_len = nl;
    if (data.len) memcpy(e->data, data.ptr, data.len);
    e->len = data.len;
    r->bytes += data.len;
    r->n++;
}

void ls_sib_note_schema(struct ls_ctx *c, struct ls_object *o)
{
    (void)c;
    if (o->depth == 0 || o->data.len > LS_SIB_MAX) return;
    struct sib_where w;
    if (!sib_where(o, &w) || !w.box || !schema_name(w.base, w.blen)) return;
    struct ls_slice dir;
    if (!ls_slice_sub(ls_slice_make(w.named->name, w.named->name_len), 0, w.dir_len, &dir)) return;
    reg_add(reg_of(w.box), dir, w.base, w.blen, o->data);
}

/* ---- a schema member that comes after its data member ---- */

/* An octal field of a tar header. */
static bool tar_num(struct ls_slice f, uint64_t *v)
{
    *v = 0;
    size_t i = 0;
    while (i < f.len && ls_slice_at(f, i) == ' ') i++;
    bool any = false;
    for (; i < f.len; i++) {
        int ch = ls_slice_at(f, i);
        if (ch < '0' || ch > '7') break;
        if (*v >> 60) return false;
        *v = *v * 8 + (uint64_t)(ch - '0');
        any = true;
    }
    return any;
}

/* A NUL-ended field's bytes. */
static struct ls_slice tar_str(struct ls_slice h, size_t off, size_t n)
{
    struct ls_slice f = ls_slice_make("", 0);
    if (!ls_slice_sub(h, off, n, &f)) return f;
    size_t z = ls_slice_find(f, 0, "", 1);
    if (z != SIZE_MAX) f.len = z;
    return f;
}

/* Split a member name at its last '/' and keep it when it is a schema file's. */
static void ahead_keep(struct ls_sib_reg *r, struct ls_slice name, struct ls_slice data)
{
    size_t d = 0;
    for (size_t i = 0; i < name.len; i++)
        if (ls_slice_at(name, i) == '/' || ls_slice_at(name, i) == '\\') d = i + 1;
    struct ls_slice dir, base;
    if (!ls_slice_sub(name, 0, d, &dir) || !ls_slice_from(name, d, &base) || base.len > LS_SIB_NAME_MAX) return;
    char b[LS_SIB_NAME_MAX + 1];
    if (base.len) memcpy(b, base.ptr, base.len);
    b[base.len] = 0;
    if (base.len && !memchr(b, 0, base.len) && schema_name(b, base.len)) reg_add(r, dir, b, base.len, data);
}

/* The regular members of a ustar/GNU tar (a GNU long name: the 'L' record
 * before its header), at most LS_SIB_AHEAD_HDRS headers. */
static void ahead_tar(struct ls_sib_reg *r, struct ls_slice t)
{
    struct ls_slice longname = ls_slice_make("", 0);
    size_t off = 0;
    for (unsigned k = 0; k < LS_SIB_AHEAD_HDRS && r->n < LS_SIB_REG_MAX; k++) {
        struct ls_slice h, data;
        uint64_t size;
        if (!ls_slice_sub(t, off, 512, &h) || ls_slice_at(h, 0) == 0) return;
        if (!tar_num(tar_str(h, 124, 12), &size) || size > t.len) return;
        size_t at = off + 512;
        if (!ls_slice_sub(t, at, (size_t)size, &data)) return;
        int type = ls_slice_at(h, 156);
        if (type == 'L') {
            longname = data;
            size_t z = ls_slice_find(longname, 0, "", 1);
            if (z != SIZE_MAX) longname.len = z;
        } else {
            if (type == '0' || type == 0) {
                char full[256 + 101];
                struct ls_slice name = tar_str(h, 0, 100), prefix = tar_str(h, 345, 155);
                if (longname.len) {
                    name = longname;
                } else if (prefix.len && ls_slice_find(h, 257, "ustar", 5) == 257) {
                    memcpy(full, prefix.ptr, prefix.len);
                    full[prefix.len] = '/';
                    memcpy(full + prefix.len + 1, name.ptr, name.len);
                    name = ls_slice_make(full, prefix.len + 1 + name.len);
                }
                ahead_keep(r, name, data);
            }
            longname = ls_slice_make("", 0);
        }
        size_t adv = (size_t)((size + 511) / 512 * 512);
        if (adv > t.len - at) return;
        off = at + adv;
    }
}

/* A zip's central directory (APPNOTE 4.3.12, 4.3.16), walked here rather
 * than through zipread.h: the container's handler is reading it and says
 * its damage itself; this pass notes nothing and charges nothing (the
 * bytes are the members the container hands on, charged then). Stored and
 * deflated members of at most LS_SIB_MAX bytes; no Zip64, no encryption. */
static void ahead_zip(struct ls_sib_reg *r, struct ls_slice z)
{
    size_t from = z.len > 65557 ? z.len - 65557 : 0, eocd = SIZE_MAX;
    for (size_t at = from; (at = ls_slice_find(z, at, "PK\x05\x06", 4)) != SIZE_MAX; at++) eocd = at;
    uint16_t n;
    uint32_t cd_len, cd_off;
    if (eocd == SIZE_MAX || !ls_rd_u16le(z, eocd + 10, &n) || !ls_rd_u32le(z, eocd + 12, &cd_len) ||
        !ls_rd_u32le(z, eocd + 16, &cd_off))
        return;
    struct ls_slice cd;
    if (!ls_slice_sub(z, cd_off, cd_len, &cd)) return;
    struct ls_buf out;
    ls_buf_init(&out, LS_SIB_MAX);
    size_t at = 0;
    for (unsigned k = 0; k < n && k < LS_SIB_AHEAD_HDRS && r->n < LS_SIB_REG_MAX; k++) {
        uint16_t flags, method, nlen, xlen, clen, lnlen, lxlen;
        uint32_t sig, csize, usize, lho;
        struct ls_slice name, data;
        if (!ls_rd_u32le(cd, at, &sig) || sig != 0x02014b50 || !ls_rd_u16le(cd, at + 8, &flags) ||
            !ls_rd_u16le(cd, at + 10, &method) || !ls_rd_u32le(cd, at + 20, &csize) ||
            !ls_rd_u32le(cd, at + 24, &usize) || !ls_rd_u16le(cd, at + 28, &nlen) ||
            !ls_rd_u16le(cd, at + 30, &xlen) || !ls_rd_u16le(cd, at + 32, &clen) ||
            !ls_rd_u32le(cd, at + 42, &lho) || !ls_slice_sub(cd, at + 46, nlen, &name))
            break;
        at += 46u + nlen + xlen + clen;
        if ((flags & 1) || usize > LS_SIB_MAX || (method != 0 && method != 8)) continue;
        size_t d = 0;
        for (size_t i = 0; i < name.len; i++)
            if (ls_slice_at(name, i) == '/' || ls_slice_at(name, i) == '\\') d = i + 1;
        struct ls_slice base;
        if (!ls_slice_from(name, d, &base) || base.len > LS_SIB_NAME_MAX) continue;
        char b[LS_SIB_NAME_MAX + 1];
        if (base.len) memcpy(b, base.ptr, base.len);
        b[base.len] = 0;
        if (!schema_name(b, base.len)) continue;
        if (!ls_rd_u32le(z, lho, &sig) || sig != 0x04034b50 || !ls_rd_u16le(z, (size_t)lho + 26, &lnlen) ||
            !ls_rd_u16le(z, (size_t)lho + 28, &lxlen) ||
            !ls_slice_sub(z, (size_t)lho + 30 + lnlen + lxlen, csize, &data))
            continue;
        ls_buf_reset(&out);
        if (method == 0) {
            ahead_keep(r, name, data);
        } else if (zinflate_buf(data, -15, &out, LS_SIB_MAX) == LS_OK) {
            ahead_keep(r, name, ls_buf_slice(&out));
        }
    }
    ls_buf_free(&out);
}

static bool mime_is(const struct ls_object *o, const char *m)
{
    const struct ls_obj_state *st = st_of(o);
    return st && strcmp(st->mime, m) == 0;
}

/* Once per container: its schema members, wherever they are in it (a tar
 * made by readdir order puts staff.txt before staff.sql as often as not):
 * a plain tar's headers walked, a gzip'd tar's first LS_SIB_AHEAD_GZ
 * bytes inflated, a zip's directory read. Nothing is noted or charged. */
static void look_ahead(const struct ls_object *box)
{
    struct ls_sib_reg *r = reg_of(box);
    if (!r || r->ahead) return;
    r->ahead = true;
    if (mime_is(box, "application/zip")) {
        ahead_zip(r, box->data);
    } else if (mime_is(box, "application/x-tar")) {
        ahead_tar(r, box->data);
    } else if (mime_is(box, "application/gzip") || mime_is(box, "application/x-gzip")) {
        struct ls_buf t;
        ls_buf_init(&t, LS_SIB_AHEAD_GZ);
        ls_err e = zinflate_stream(box->data, 31, &t, LS_SIB_AHEAD_GZ, NULL, NULL, NULL);
        struct ls_slice ts = ls_buf_slice(&t);
        if (e != LS_E_NOMEM && ls_slice_find(ts, 257, "ustar", 5) == 257) ahead_tar(r, ts);
        ls_buf_free(&t);
    }
}

/* Rows worth a look-ahead: most of the first lines (in 64 KiB) split into
 * the same number (2 or more) of fields at one of TAB , ; | (quotes not
 * honoured: a rough shape, so a README.txt costs no pass over its tar). */
static bool rows_shaped(struct ls_slice d)
{
    static const char delims[] = {'\t', ',', ';', '|'};
    if (d.len > (64u << 10)) d.len = 64u << 10;
    for (size_t k = 0; k < sizeof delims; k++) {
        unsigned first = 0, same = 0, lines = 0;
        size_t pos = 0;
        while (pos < d.len && lines < 20) {
            size_t eol = ls_slice_find(d, pos, "\n", 1);
            size_t end = eol == SIZE_MAX ? d.len : eol;
            unsigned f = 1;
            for (size_t i = pos; i < end; i++) f += ls_slice_at(d, i) == delims[k];
            if (end > pos + 1) {
                if (lines++ == 0) first = f;
                same += f == first;
            }
            pos = eol == SIZE_MAX ? d.len : eol + 1;
        }
        if (lines && first >= 2 && same * 5 >= lines * 4) return true;
    }
    return false;
}

/* The schema for candidate cand: from the task (a root) or the container
 * (looked through once when the rows look like a table's). */
static bool sib_lookup(const struct ls_ctx *c, const struct sib_where *w, const char *cand,
                       struct ls_slice data, int *shaped, struct ls_slice *schema)
{
    if (!w->box) {
        if (!c->sib_name || strcmp(c->sib_name, cand) != 0) return false;
        *schema = c->sib_data;
        return true;
    }
    const struct ls_sib_reg *r = st_of(w->box)->sib;
    size_t cl = strlen(cand);
    if (*shaped < 0 && (!r || !r->ahead)) *shaped = rows_shaped(data);
    if ((!r || !r->ahead) && *shaped == 1) {
        look_ahead(w->box);
        r = st_of(w->box)->sib;
    }
    for (size_t i = 0; r && i < r->n; i++) {
        const struct ls_sib_ent *e = &r->e[i];
        if (e->name_len != w->dir_len + cl || memcmp(e->name + w->dir_len, cand, cl) != 0) continue;
        if (w->dir_len && memcmp(e->name, w->named->name, w->dir_len) != 0) continue;
        *schema = ls_slice_make(e->data, e->len);
        return true;
    }
    return false;
}

/* ---- schema readers ---- */

struct sib_schema {
    struct ls_buf cols; /* NUL-separated */
    unsigned ncols;
    char delim;         /* 0: try tab (COPY text) then , ; | */
    bool copy_text;     /* tab-separated rows with backslash escapes */
};

static ls_err col_add(struct sib_schema *s, struct ls_slice name)
{
    if (s->ncols >= LS_TC_MAX_COLS) return LS_OK;
    if (name.len > SIB_COL_NAME) name.len = SIB_COL_NAME;
    for (size_t i = 0; i < name.len; i++)
        if (ls_slice_at(name, i) == 0) name.len = i;
    LS_TRY(ls_buf_add(&s->cols, name.ptr ? name.ptr : (const uint8_t *)"", name.len));
    LS_TRY(ls_buf_addc(&s->cols, 0));
    s->ncols++;
    return LS_OK;
}

/* "\t", "," "\r\n" ... as bcp and SQL*Loader write a terminator: its one
 * byte, else 0 (several bytes, or a line end: no field separator). */
static char one_byte_term(struct ls_slice t)
{
    int a = ls_slice_at(t, 0), b = ls_slice_at(t, 1);
    if (t.len == 1 && a != '\n' && a != '\r') return (char)a;
    if (t.len == 2 && a == '\\') {
        if (b == 't') return '\t';
        if (b == ',' || b == '|' || b == ';') return (char)b;
    }
    return 0;
}

static bool is_blank(int ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

/* A token of a bcp line or a control file: "quoted" / 'quoted' (without
 * the quotes; *quoted set) or a run of non-blanks; false at the end. */
static bool next_tok(struct ls_slice s, size_t *pos, struct ls_slice *tok, bool *quoted, bool stop_nl)
{
    size_t i = *pos;
    while (i < s.len && is_blank(ls_slice_at(s, i)) && !(stop_nl && ls_slice_at(s, i) == '\n')) i++;
    if (i >= s.len || (stop_nl && ls_slice_at(s, i) == '\n')) {
        *pos = i;
        return false;
    }
    int q = ls_slice_at(s, i);
    *quoted = q == '"' || q == '\'';
    size_t a = *quoted ? i + 1 : i, j = a;
    if (*quoted) {
        while (j < s.len && ls_slice_at(s, j) != q && ls_slice_at(s, j) != '\n') j++;
        *pos = j < s.len && ls_slice_at(s, j) == q ? j + 1 : j;
    } else {
        while (j < s.len && !is_blank(ls_slice_at(s, j))) j++;
        *pos = j;
    }
    return ls_slice_sub(s, a, j - a, tok);
}

/* Non-XML bcp format file. */
static ls_err bcp_plain(struct ls_slice f, struct sib_schema *s)
{
    size_t pos = 0;
    struct ls_slice tok;
    bool q;
    if (!next_tok(f, &pos, &tok, &q, false)) return LS_OK; /* version "14.0" */
    for (size_t i = 0; i < tok.len; i++) {
        int ch = ls_slice_at(tok, i);
        if ((ch < '0' || ch > '9') && ch != '.') return LS_OK;
    }
    if (!next_tok(f, &pos, &tok, &q, false) || tok.len == 0 || tok.len > 4) return LS_OK;
    unsigned n = 0;
    for (size_t i = 0; i < tok.len; i++) {
        int ch = ls_slice_at(tok, i);
        if (ch < '0' || ch > '9') return LS_OK;
        n = n * 10 + (unsigned)(ch - '0');
    }
    if (n == 0 || n > LS_TC_MAX_COLS) return LS_OK;
    for (unsigned k = 0; k < n; k++) {
        while (pos < f.len && is_blank(ls_slice_at(f, pos))) pos++;
        struct ls_slice t[8];
        unsigned nt = 0;
        bool tq[8] = {false};
        while (pos < f.len && ls_slice_at(f, pos) != '\n' && nt < 8 && next_tok(f, &pos, &t[nt], &tq[nt], true))
            nt++;
        while (pos < f.len && ls_slice_at(f, pos) != '\n') pos++; /* anything past 8 tokens */
        pos++;
        if (nt < 7 || !tq[4]) return LS_OK;
        struct ls_slice prefix = t[2];
        if (!ls_slice_eq_str(prefix, "0")) return LS_OK; /* native: length-prefixed binary */
        if (k + 1 < n) {
            char d = one_byte_term(t[4]);
            if (!d || (s->delim && d != s->delim)) return LS_OK;
            s->delim = d;
        }
        LS_TRY(col_add(s, t[6]));
    }
    return LS_OK;
}

/* The value of attribute attr="..." inside the tag tag (no '>' inside). */
static bool xml_attr(struct ls_slice tag, const char *attr, struct ls_slice *v)
{
    size_t al = strlen(attr), at = 0;
    for (;;) {
        size_t i = ls_slice_find(tag, at, attr, al);
        if (i == SIZE_MAX) return false;
        at = i + al;
        int before = i ? ls_slice_at(tag, i - 1) : ' ';
        if (!is_blank(before) || ls_slice_at(tag, at) != '=') continue;
        int q = ls_slice_at(tag, at + 1);
        if (q != '"' && q != '\'') continue;
        size_t end = at + 2;
        while (end < tag.len && ls_slice_at(tag, end) != q) end++;
        return ls_slice_sub(tag, at + 2, end - (at + 2), v);
    }
}

/* Each <NAME ...> element's attributes, in order: fn(tag) per element. */
static size_t xml_next(struct ls_slice f, size_t from, const char *el, struct ls_slice *tag)
{
    size_t el_len = strlen(el);
    for (size_t at = from;;) {
        size_t i = ls_slice_find(f, at, el, el_len);
        if (i == SIZE_MAX) return SIZE_MAX;
        at = i + el_len;
        if (!is_blank(ls_slice_at(f, at))) continue;
        size_t end = ls_slice_find(f, at, ">", 1);
        if (end == SIZE_MAX) return SIZE_MAX;
        (void)ls_slice_sub(f, at, end - at, tag);
        return end + 1;
    }
}

#define BCP_XML_FIELDS LS_TC_MAX_COLS

/* XML bcp format file: FIELD ids in order, each named by the COLUMN whose
 * SOURCE is its ID. */
static ls_err bcp_xml(struct ls_slice f, struct sib_schema *s)
{
    struct ls_slice ids[BCP_XML_FIELDS];
    unsigned nf = 0;
    struct ls_slice tag, v;
    for (size_t at = 0; nf < BCP_XML_FIELDS && (at = xml_next(f, at, "<FIELD", &tag)) != SIZE_MAX;) {
        if (!xml_attr(tag, "ID", &ids[nf]) || !xml_attr(tag, "xsi:type", &v)) return LS_OK;
        if (!ls_slice_eq_str(v, "CharTerm") && !ls_slice_eq_str(v, "NCharTerm")) return LS_OK;
        if (!xml_attr(tag, "TERMINATOR", &v)) return LS_OK;
        nf++;
        char d = one_byte_term(v);
        if (!d) continue; /* the last field's line end (checked below) */
        if (s->delim && d != s->delim) return LS_OK;
        s->delim = d;
    }
    if (nf == 0 || !s->delim) return LS_OK;
    for (unsigned k = 0; k < nf; k++) {
        struct ls_slice name = ls_slice_make("", 0);
        for (size_t at = 0; (at = xml_next(f, at, "<COLUMN", &tag)) != SIZE_MAX;) {
            if (!xml_attr(tag, "SOURCE", &v) || v.len != ids[k].len || memcmp(v.ptr, ids[k].ptr, v.len) != 0)
                continue;
            if (xml_attr(tag, "NAME", &v)) name = v;
            break;
        }
        LS_TRY(col_add(s, name));
    }
    return LS_OK;
}

/* The keyword kw (upper case) as a whole word at s[i], any case. */
static bool kw_at(struct ls_slice s, size_t i, const char *kw)
{
    size_t n = strlen(kw);
    for (size_t k = 0; k < n; k++) {
        int ch = ls_slice_at(s, i + k);
        if (ch >= 'a' && ch <= 'z') ch -= 32;
        if (ch != kw[k]) return false;
    }
    int before = i ? ls_slice_at(s, i - 1) : ' ', after = ls_slice_at(s, i + n);
    bool wb = !((before | 32) >= 'a' && (before | 32) <= 'z') && before != '_';
    bool wa = !((after | 32) >= 'a' && (after | 32) <= 'z') && after != '_';
    return wb && wa;
}

/* The next whole keyword kw at or after from, outside quotes; SIZE_MAX if none. */
static size_t kw_find(struct ls_slice s, size_t from, const char *kw)
{
    for (size_t i = from; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch == '\'' || ch == '"') {
            size_t e = i + 1;
            while (e < s.len && ls_slice_at(s, e) != ch) e++;
            i = e;
            continue;
        }
        if (ch == '-' && ls_slice_at(s, i + 1) == '-') { /* a comment to the line end */
            while (i < s.len && ls_slice_at(s, i) != '\n') i++;
            continue;
        }
        if (kw_at(s, i, kw)) return i;
    }
    return SIZE_MAX;
}

/* Whether some INFILE of the control file names file (its last path part). */
static bool ctl_names(struct ls_slice f, const char *file)
{
    size_t fl = strlen(file);
    for (size_t at = 0; (at = kw_find(f, at, "INFILE")) != SIZE_MAX;) {
        at += 6;
        struct ls_slice tok;
        bool q;
        size_t p = at;
        if (!next_tok(f, &p, &tok, &q, false)) return false;
        size_t b = 0;
        for (size_t i = 0; i < tok.len; i++)
            if (ls_slice_at(tok, i) == '/' || ls_slice_at(tok, i) == '\\' || ls_slice_at(tok, i) == ':') b = i + 1;
        struct ls_slice last;
        if (!ls_slice_from(tok, b, &last)) continue;
        if (last.len == fl && strncasecmp((const char *)last.ptr, file, fl) == 0) return true;
        /* a name without an extension means NAME.dat (SQL*Loader's default) */
        bool ext = memchr(last.ptr, '.', last.len) != NULL;
        if (!ext && last.len + 4 == fl && strncasecmp((const char *)last.ptr, file, last.len) == 0 &&
            strcasecmp(file + last.len, ".dat") == 0)
            return true;
    }
    return false;
}

/* TERMINATED BY ',' | "," | X'09' | TAB */
static char ctl_delim(struct ls_slice f, size_t at)
{
    struct ls_slice tok;
    bool q;
    size_t p = at;
    if (!next_tok(f, &p, &tok, &q, false)) return 0;
    if (q) return tok.len == 1 ? (char)ls_slice_at(tok, 0) : 0;
    if (tok.len == 5 && (ls_slice_at(tok, 0) | 32) == 'x' && ls_slice_at(tok, 1) == '\'') {
        int h = ls_slice_at(tok, 2), l = ls_slice_at(tok, 3);
        if (h == '0' && l == '9') return '\t';
        if (h == '2' && (l == 'c' || l == 'C')) return ',';
        if (h == '7' && (l == 'c' || l == 'C')) return '|';
        if (h == '3' && (l == 'b' || l == 'B')) return ';';
        return 0;
    }
    return kw_at(tok, 0, "TAB") ? '\t' : 0;
}

/* One item of the column list: its name, unless it takes no field. */
static ls_err ctl_item(struct ls_slice item, struct sib_schema *s, bool *fixed)
{
    size_t p = 0;
    struct ls_slice name, kw;
    bool q, kq;
    if (!next_tok(item, &p, &name, &q, false)) return LS_OK;
    if (!q) { /* a bare name ends at '(' or '"' too */
        for (size_t i = 0; i < name.len; i++) {
            int ch = ls_slice_at(name, i);
            if (ch == '(' || ch == '"' || ch == '\'') {
                name.len = i;
                break;
            }
        }
    }
    if (next_tok(item, &p, &kw, &kq, false) && !kq) {
        static const char *const nodata[] = {"CONSTANT", "EXPRESSION", "SEQUENCE", "RECNUM", "SYSDATE"};
        for (size_t i = 0; i < sizeof nodata / sizeof nodata[0]; i++)
            if (kw_at(kw, 0, nodata[i])) return LS_OK;
    }
    if (kw_find(item, 0, "POSITION") != SIZE_MAX) *fixed = true;
    return col_add(s, name);
}

/* SQL*Loader control file naming file. */
static ls_err ctl_read(struct ls_slice f, const char *file, struct sib_schema *s)
{
    if (kw_find(f, 0, "LOAD") == SIZE_MAX || !ctl_names(f, file)) return LS_OK;
    size_t into = kw_find(f, 0, "INTO");
    if (into == SIZE_MAX) return LS_OK;
    size_t term = kw_find(f, into, "TERMINATED");
    if (term == SIZE_MAX) return LS_OK; /* fixed positions */
    size_t by = kw_find(f, term, "BY");
    s->delim = by == SIZE_MAX ? 0 : ctl_delim(f, by + 2);
    if (!s->delim || s->delim == '\n' || s->delim == '\r') return LS_OK;
    size_t open = SIZE_MAX;
    for (size_t i = term; i < f.len; i++) { /* the list after FIELDS, not a WHEN (...) */
        int ch = ls_slice_at(f, i);
        if (ch == '\'' || ch == '"') {
            size_t e = i + 1;
            while (e < f.len && ls_slice_at(f, e) != ch) e++;
            i = e;
        } else if (ch == '(') {
            open = i;
            break;
        }
    }
    if (open == SIZE_MAX) return LS_OK;
    unsigned depth = 0;
    size_t start = open + 1;
    bool fixed = false;
    for (size_t i = open + 1; i < f.len; i++) {
        int ch = ls_slice_at(f, i);
        if (ch == '\'' || ch == '"') {
            size_t e = i + 1;
            while (e < f.len && ls_slice_at(f, e) != ch) e++;
            i = e;
            continue;
        }
        if (ch == '(') depth++;
        if (ch == ')' && depth > 0) {
            depth--;
            continue;
        }
        if ((ch == ',' || ch == ')') && depth == 0) {
            struct ls_slice item;
            if (ls_slice_sub(f, start, i - start, &item)) LS_TRY(ctl_item(item, s, &fixed));
            start = i + 1;
            if (ch == ')') break;
        }
    }
    if (fixed) s->ncols = 0;
    return LS_OK;
}

/* The schema's columns for the data file file (its base name, without a
 * compression suffix) from the schema file named cand. */
static ls_err schema_read(struct ls_ctx *c, const char *cand, struct ls_slice f, const char *file,
                          struct sib_schema *s)
{
    size_t cl = strlen(cand), dot = last_dot(cand, cl);
    if (strcmp(cand, "toc.dat") == 0) {
        struct ls_buf copy;
        ls_buf_init(&copy, LS_SIB_MAX);
        ls_err e = LS_OK;
        if (ls_pgdump_toc_copy(c, f, file, &copy)) {
            /* "COPY public.staff (id, ssn) FROM stdin;": its table is the statement's */
            e = ls_sqldump_columns(ls_buf_slice(&copy), "", &s->cols, &s->ncols);
            s->copy_text = true;
            s->delim = '\t';
        }
        ls_buf_free(&copy);
        return e;
    }
    if (ext_is(cand, cl, dot, "sql")) {
        char table[LS_SIB_NAME_MAX + 1];
        memcpy(table, cand, dot);
        table[dot] = 0;
        return ls_sqldump_columns(f, table, &s->cols, &s->ncols);
    }
    if (ext_is(cand, cl, dot, "fmt")) {
        struct ls_slice head = f;
        if (head.len > 4096) head.len = 4096;
        if (ls_slice_find(head, 0, "<BCPFORMAT", 10) != SIZE_MAX) return bcp_xml(f, s);
        return bcp_plain(f, s);
    }
    if (ext_is(cand, cl, dot, "ctl")) return ctl_read(f, file, s);
    return LS_OK;
}

/* ---- the rows ---- */

/* The data as UTF-8: UTF-16LE (bcp -w, a BOM or NULs at odd offsets)
 * converted into u16, else as it is. */
static struct ls_slice data_text(struct ls_slice d, struct ls_buf *u16)
{
    bool bom = ls_slice_at(d, 0) == 0xFF && ls_slice_at(d, 1) == 0xFE;
    bool zeros = d.len >= 4 && ls_slice_at(d, 0) != 0 && ls_slice_at(d, 1) == 0 && ls_slice_at(d, 3) == 0;
    if (!bom && !zeros) return d;
    struct ls_slice body = d;
    if (bom) (void)ls_slice_from(d, 2, &body);
    if (body.len > SIB_UTF16_MAX) body.len = SIB_UTF16_MAX;
    if (ls_utf16_to_utf8(u16, body, false) != LS_OK && u16->len == 0) return d;
    return ls_buf_slice(u16);
}

static bool field_edge(int ch)
{
    return ch < 0 || ch == '\t' || ch == ',' || ch == ';' || ch == '|' || ch == '"' || ch == '\r' || ch == ' ';
}

/* Whether name is a whole field of line, in any case. */
static bool has_field(struct ls_slice line, struct ls_slice name)
{
    if (name.len == 0 || name.len > line.len) return false;
    for (size_t i = 0; i + name.len <= line.len; i++) {
        if (i > 0 && !field_edge(ls_slice_at(line, i - 1))) continue;
        struct ls_slice at;
        if (!ls_slice_sub(line, i, name.len, &at) || strncasecmp((const char *)at.ptr, (const char *)name.ptr, name.len) != 0)
            continue;
        if (field_edge(ls_slice_at(line, i + name.len))) return true;
    }
    return false;
}

/* The first row is the columns' names itself (COPY ... CSV HEADER, bcp
 * with a header line): the file's own reader labels it. */
static bool has_own_header(struct ls_slice rows, const struct sib_schema *s)
{
    size_t eol = ls_slice_find(rows, 0, "\n", 1);
    struct ls_slice first;
    if (!ls_slice_sub(rows, 0, eol == SIZE_MAX ? rows.len : eol, &first)) return false;
    if (first.len > 4096) first.len = 4096;
    struct ls_slice cols = ls_buf_slice(&s->cols);
    unsigned hit = 0;
    size_t at = 0;
    for (unsigned i = 0; i < s->ncols; i++) {
        size_t end = ls_slice_find(cols, at, "", 1);
        if (end == SIZE_MAX) break;
        struct ls_slice col;
        if (ls_slice_sub(cols, at, end - at, &col) && has_field(first, col)) hit++;
        at = end + 1;
    }
    return hit * 2 > s->ncols;
}

static ls_err label_rows(struct ls_ctx *c, struct ls_object *o, struct ls_slice rows, const struct sib_schema *s)
{
    struct ls_slice cols = ls_buf_slice(&s->cols);
    if (s->ncols == 0 || has_own_header(rows, s)) return LS_OK;
    if ((s->copy_text || !s->delim) && ls_sqldump_rows_fit(rows, s->ncols))
        return ls_sqldump_rows_labels(c, o, rows, cols, s->ncols);
    if (s->copy_text) return LS_OK;
    static const char tries[] = {',', '\t', ';', '|'};
    for (size_t i = 0; i < sizeof tries; i++) {
        char d = s->delim ? s->delim : tries[i];
        if (ls_csv_rows_fit(rows, d, s->ncols)) return ls_csv_rows_labels(c, o, rows, d, cols, s->ncols);
        if (s->delim) break;
    }
    return LS_OK;
}

/* A control file with its data inside (INFILE *, the rows after a
 * BEGINDATA line): the same reader, one file. */
static void ctl_inline(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice f = o->data, head, rows;
    if (f.len > LS_SIB_MAX) f.len = LS_SIB_MAX; /* where BEGINDATA is looked for */
    size_t bd = kw_find(f, 0, "BEGINDATA");
    size_t eol = bd == SIZE_MAX ? SIZE_MAX : ls_slice_find(o->data, bd, "\n", 1);
    if (eol == SIZE_MAX || !ls_slice_sub(o->data, 0, bd, &head) || !ls_slice_from(o->data, eol + 1, &rows)) return;
    struct sib_schema s;
    memset(&s, 0, sizeof s);
    ls_buf_init(&s.cols, SIB_COLS_BYTES);
    ls_err e = ctl_read(head, "*", &s);
    if (e == LS_OK && s.ncols >= 1) e = label_rows(c, o, rows, &s);
    ls_buf_free(&s.cols);
    if (e == LS_E_TIMEOUT) ls_note(c, o, LS_R_LIMIT_TIME, "control file: rows not all labelled in time");
}

void ls_sib_labels(struct ls_ctx *c, struct ls_object *o)
{
    struct sib_where w;
    if (!o->data.len || !sib_where(o, &w)) return;
    size_t dot = last_dot(w.base, w.blen);
    if (dot != SIZE_MAX && ext_is(w.base, w.blen, dot, "ctl")) {
        ctl_inline(c, o);
        return;
    }
    const struct ls_obj_state *bst = w.box ? st_of(w.box) : NULL;
    if (bst && bst->handler && strcmp(bst->handler->name, "pgdump") == 0) return; /* it gives the COPY */
    char cands[LS_SIB_CANDS][LS_SIB_NAME_MAX + 1];
    size_t n = ls_sib_candidates(w.base, w.blen, cands);
    int shaped = -1;
    for (size_t i = 0; i < n; i++) {
        struct ls_slice f;
        if (!sib_lookup(c, &w, cands[i], o->data, &shaped, &f)) continue;
        struct sib_schema s;
        memset(&s, 0, sizeof s);
        ls_buf_init(&s.cols, SIB_COLS_BYTES);
        struct ls_buf u16;
        ls_buf_init(&u16, SIB_UTF16_MAX * 2);
        ls_err e = schema_read(c, cands[i], f, w.base, &s);
        if (e == LS_OK && s.ncols >= 1) e = label_rows(c, o, data_text(o->data, &u16), &s);
        bool done = s.ncols >= 1;
        ls_buf_free(&u16);
        ls_buf_free(&s.cols);
        if (e == LS_E_TIMEOUT) ls_note(c, o, LS_R_LIMIT_TIME, "sibling schema: rows not all labelled in time");
        if (done || e != LS_OK) return;
    }
}
