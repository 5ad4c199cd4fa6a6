/*
 * "sqlite": SQLite 3 databases (application data, browser and phone
 * profiles, exported customer tables) through libsqlite3. This is the only
 * file that includes <sqlite3.h>.
 *
 * A database keeps its rows in b-tree pages: a text value sits in one
 * piece only while it fits its page, integers are stored as binary (an SSN
 * column of 9-digit integers has no digits in the file at all) and the
 * column names are only in the schema. So the raw-byte scan sees a part of
 * the text and none of the numbers; this handler reads every ordinary
 * table the way a user of the database sees it and writes it as a table:
 *
 *   [Table: employees]
 *   id<TAB>name<TAB>ssn<TAB>dob
 *   1<TAB>Jane Roe<TAB>536221874<TAB>1975-03-14
 *
 * Integers print as digits, reals as a spreadsheet shows them
 * (ls_sheet_number), text as stored (UTF-16 databases are converted by
 * SQLite), tabs and line breaks inside a value as spaces. The column names
 * are the table's header row for tablectx.h, so a value that is PII only
 * by its column ("ssn: 536221874") is labelled as in a spreadsheet. A BLOB
 * that is UTF-8 text is written as text; one that is a document, an archive
 * or compressed data (ls_b64_known_format: the attachments some
 * applications keep in their database) is handed over as a child named
 * TABLE/COLUMN/ROW; other BLOBs (images, keys, hashes) are left to the
 * raw-byte scan. Deleted rows (free pages, freelist trunk pages, freeblocks)
 * are carved after the tables (sqlitepage.h) and written under a
 * "[Deleted rows]" line: in the raw bytes their columns run together.
 *
 * Safety: the database is opened from memory (sqlite3_deserialize,
 * read-only: the input is never written; a WAL-mode header is patched in a
 * copy, as the in-memory VFS has no WAL) on a private connection with
 * defensive mode on, the schema untrusted, triggers, views and extension
 * loading off, query_only and cell size checks on, temporary storage in
 * memory, no value longer than the file. Only ordinary columns are selected (no generated columns, whose
 * expressions the schema supplies); virtual tables are skipped (their
 * content is in their shadow tables, read as ordinary tables). A progress
 * handler stops the query when the root's time is spent or the text budget
 * is full. A damaged page ends that table's rows (parse_error) and the next
 * table is read.
 */
#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/dbrows.h"
#include "extract/sheetdate.h"
#include "extract/sqlitepage.h"

#define SQ_HEADER "SQLite format 3"           /* and a NUL: 16 bytes */
#define SQ_HEADER_LEN 100u                    /* the database header */
#define SQ_BLOB_CHILD_MIN 64u                 /* smaller BLOBs are not files */
#define SQ_PROGRESS_OPS 10000                 /* VM steps between checks */
#define SQ_NAME_MAX 256u                      /* table and column names in text */
#define SQ_PAD_MAX (64u * 1024u * 1024u)      /* zero pages added to a cut file */

struct sq {
    struct ls_dbrows r;  /* the text written, the children handed over */
    sqlite3 *db;
    struct ls_buf sql;   /* the SELECT being built */
    bool damaged;        /* a table could not be read to its end */
};

static int sq_probe(const struct ls_object *o)
{
    if (!ls_slice_starts(o->data, SQ_HEADER, sizeof SQ_HEADER)) return 0;
    return o->data.len >= SQ_HEADER_LEN ? 95 : 60;
}

/* The progress handler: non-zero interrupts the statement. */
static int sq_progress(void *ud)
{
    struct sq *s = ud;
    if (s->r.stop == LS_OK && ls_ctx_expired(s->r.c)) s->r.stop = LS_E_TIMEOUT;
    return s->r.stop != LS_OK || s->r.text_full;
}

/* UTF-8 text without control characters other than tab and line breaks. */
static bool sq_texty(struct ls_slice v)
{
    if (v.len == 0 || !ls_utf8_valid(v)) return false;
    for (size_t i = 0; i < v.len; i++) {
        uint8_t ch = v.ptr[i];
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) return false;
    }
    return true;
}

/* A BLOB that is a file the pipeline reads: a child TABLE/COLUMN/ROW. */
static ls_err sq_blob_child(struct sq *s, const char *table, const char *col, uint64_t row,
                            struct ls_slice v)
{
    if (s->r.no_children || v.len < SQ_BLOB_CHILD_MIN || !ls_b64_known_format(v)) return LS_OK;
    struct ls_buf name;
    ls_buf_init(&name, 3 * SQ_NAME_MAX);
    ls_err e = ls_buf_printf(&name, "%.*s/%.*s/%llu", (int)SQ_NAME_MAX, table, (int)SQ_NAME_MAX,
                             col, (unsigned long long)row);
    if (e == LS_OK) e = ls_dbrows_child(&s->r, &name, v);
    ls_buf_free(&name);
    return e;
}

/* One cell of the current row, written to the line and told to tablectx. */
static ls_err sq_cell(struct sq *s, sqlite3_stmt *st, int i, const char *table, uint64_t row)
{
    if (i > 0) LS_TRY(ls_buf_addc(&s->r.line, '\t'));
    size_t at = s->r.line.len;
    bool is_text = false;
    int type = sqlite3_column_type(st, i);
    if (type == SQLITE_INTEGER) {
        LS_TRY(ls_buf_printf(&s->r.line, "%lld", (long long)sqlite3_column_int64(st, i)));
    } else if (type == SQLITE_FLOAT) {
        char num[64];
        size_t n = ls_sheet_number(sqlite3_column_double(st, i), num, sizeof num);
        LS_TRY(ls_buf_add(&s->r.line, num, n));
    } else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
        const void *p = type == SQLITE_TEXT ? (const void *)sqlite3_column_text(st, i)
                                            : sqlite3_column_blob(st, i);
        int n = sqlite3_column_bytes(st, i);
        struct ls_slice v = ls_slice_make(p, p && n > 0 ? (size_t)n : 0);
        if (type == SQLITE_BLOB && !sq_texty(v)) {
            const char *col = sqlite3_column_name(st, i);
            return sq_blob_child(s, table, col ? col : "", row, v);
        }
        LS_TRY(ls_tc_put_value(&s->r.line, v, SIZE_MAX));
        is_text = ls_tc_is_text(v);
    }
    ls_dbrows_cell(&s->r, (uint32_t)i, at, is_text);
    return LS_OK;
}

/* Append "name" quoted as an SQL identifier. */
static ls_err sq_ident(struct ls_buf *b, const char *name)
{
    LS_TRY(ls_buf_addc(b, '"'));
    for (size_t i = 0; name[i]; i++) {
        if (name[i] == '"') LS_TRY(ls_buf_addc(b, '"'));
        LS_TRY(ls_buf_addc(b, (uint8_t)name[i]));
    }
    return ls_buf_addc(b, '"');
}

/* SELECT the ordinary columns of table; the header row goes to the line. */
static ls_err sq_build_select(struct sq *s, const char *table, unsigned *ncols)
{
    sqlite3_stmt *st = NULL;
    *ncols = 0;
    ls_buf_reset(&s->sql);
    if (sqlite3_prepare_v2(s->db, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0", -1,
                           &st, NULL) != SQLITE_OK)
        return LS_E_CORRUPT;
    ls_err e = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC) == SQLITE_OK ? LS_OK : LS_E_NOMEM;
    if (e == LS_OK) e = ls_buf_adds(&s->sql, "SELECT ");
    int rc = SQLITE_ROW;
    while (e == LS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 0);
        if (!col) col = "";
        if (*ncols > 0) e = ls_buf_addc(&s->sql, ',');
        if (e == LS_OK) e = sq_ident(&s->sql, col);
        if (e == LS_OK) e = ls_dbrows_head_cell(&s->r, *ncols, col, SQ_NAME_MAX);
        (*ncols)++;
    }
    if (e == LS_OK && rc != SQLITE_DONE) e = LS_E_CORRUPT;
    sqlite3_finalize(st);
    if (e == LS_OK) e = ls_buf_adds(&s->sql, " FROM main.");
    if (e == LS_OK) e = sq_ident(&s->sql, table);
    return e;
}

/* Note a statement that ended before its last row: the time or text
 * budget (no note: the pipeline makes them), or damage. */
static void sq_ended(struct sq *s, int rc, const char *table)
{
    if (rc == SQLITE_DONE || rc == SQLITE_INTERRUPT || rc == SQLITE_ROW) return;
    s->damaged = true;
    ls_note(s->r.c, s->r.o, LS_R_PARSE_ERROR, "sqlite: table %.*s: %s", (int)SQ_NAME_MAX, table,
            sqlite3_errmsg(s->db));
}

/* One table: a title line, the header row, every row. */
static ls_err sq_table(struct sq *s, const char *table)
{
    LS_TRY(ls_dbrows_title(&s->r, table, SQ_NAME_MAX));
    unsigned ncols = 0;
    ls_err e = sq_build_select(s, table, &ncols);
    if (e == LS_E_CORRUPT) {
        sq_ended(s, SQLITE_CORRUPT, table);
        return LS_OK;
    }
    if (e != LS_OK || ncols == 0) return e;
    LS_TRY(ls_dbrows_row_end(&s->r)); /* the header row */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, ls_buf_str(&s->sql), -1, &st, NULL) != SQLITE_OK) {
        sq_ended(s, SQLITE_CORRUPT, table);
        return LS_OK;
    }
    int rc = SQLITE_DONE;
    uint64_t row = 0;
    while (e == LS_OK && s->r.stop == LS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        row++;
        for (int i = 0; e == LS_OK && i < (int)ncols; i++) e = sq_cell(s, st, i, table, row);
        if (e == LS_OK) e = ls_dbrows_row_end(&s->r);
    }
    if (e == LS_OK && s->r.stop == LS_OK) sq_ended(s, rc, table);
    sqlite3_finalize(st);
    return e;
}

/* The names of the ordinary tables (virtual ones have no root page),
 * NUL-separated in names, in the order they were created. */
static ls_err sq_table_names(struct sq *s, struct ls_buf *names, size_t *count)
{
    static const char q[] = "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                            "AND rootpage > 0 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                            "ORDER BY rootpage";
    sqlite3_stmt *st = NULL;
    *count = 0;
    if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK) return LS_E_CORRUPT;
    ls_err e = LS_OK;
    int rc = SQLITE_DONE;
    while (e == LS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        e = ls_buf_add(names, name ? name : "", name ? strlen(name) + 1 : 1);
        (*count)++;
    }
    if (e == LS_OK && rc != SQLITE_DONE) e = LS_E_CORRUPT;
    sqlite3_finalize(st);
    return e;
}

/* The page size the header declares (0 if invalid). */
static uint32_t sq_page_size(struct ls_slice d)
{
    struct ls_cursor cur = ls_cur_make(d);
    uint16_t v = 0;
    if (ls_cur_seek(&cur, 16) != LS_OK || ls_cur_u16be(&cur, &v) != LS_OK) return 0;
    uint32_t ps = v == 1 ? 65536u : v;
    return ps >= 512 && (ps & (ps - 1)) == 0 ? ps : 0;
}

/* The page count the header gives, 0 when it is not valid (SQLite only
 * trusts it while the "version-valid-for" number equals the change
 * counter; older writers leave it stale). */
static uint32_t sq_header_pages(struct ls_slice d)
{
    struct ls_cursor cur = ls_cur_make(d);
    uint32_t counter = 0, pages = 0, valid_for = 0;
    if (ls_cur_seek(&cur, 24) != LS_OK || ls_cur_u32be(&cur, &counter) != LS_OK ||
        ls_cur_u32be(&cur, &pages) != LS_OK || ls_cur_seek(&cur, 92) != LS_OK ||
        ls_cur_u32be(&cur, &valid_for) != LS_OK)
        return 0;
    return valid_for == counter ? pages : 0;
}

/* A file shorter than its header says, or not a whole number of pages. */
static bool sq_truncated(struct ls_slice d)
{
    uint32_t ps = sq_page_size(d);
    if (ps == 0) return false;
    return d.len % ps || (uint64_t)sq_header_pages(d) * ps > d.len;
}

/* A copy of the database, n bytes (missing pages zero), whose header
 * SQLite's in-memory reader accepts: "rollback journal" (1) for WAL mode
 * (2: the in-memory VFS has no WAL), and the page count of the copy. */
static unsigned char *sq_patched_copy(struct ls_slice d, size_t n, bool wal, uint32_t ps)
{
    unsigned char *p = sqlite3_malloc64(n);
    if (!p) return NULL;
    size_t have = d.len < n ? d.len : n;
    memcpy(p, d.ptr, have);
    memset(p + have, 0, n - have);
    if (wal) p[18] = p[19] = 1;
    if (ps) {
        uint32_t pages = (uint32_t)(n / ps);
        p[28] = (unsigned char)(pages >> 24);
        p[29] = (unsigned char)(pages >> 16);
        p[30] = (unsigned char)(pages >> 8);
        p[31] = (unsigned char)pages;
    }
    return p;
}

/* The size to read a cut file as: the pages its header counts, the
 * missing ones zero (a table whose root page is gone then fails alone; a
 * schema naming a page past the end fails the whole file), unless that is
 * far more than the file; then the whole pages that are there. */
static size_t sq_cut_size(struct ls_slice d, uint32_t ps)
{
    size_t whole = d.len - d.len % ps + (d.len % ps ? ps : 0);
    uint64_t want = (uint64_t)sq_header_pages(d) * ps;
    if (want < whole || want - d.len > SQ_PAD_MAX) return whole;
    return (size_t)want;
}

static ls_err sq_open(struct sq *s)
{
    struct ls_slice d = s->r.o->data;
    /* A cut file is read from a copy padded with zero pages: the tables on
     * the pages that are there can still be read. Otherwise the input is
     * used in place, read-only: SQLite never writes it. */
    uint32_t ps = sq_page_size(d);
    bool wal = ls_slice_at(d, 18) == 2 || ls_slice_at(d, 19) == 2;
    bool cut = ps != 0 && sq_truncated(d); /* sq_truncated is false for a page size of 0 */
    if (cut) ls_note(s->r.c, s->r.o, LS_R_TRUNCATED, "sqlite: the file ends before its last page");
    size_t n = cut ? sq_cut_size(d, ps) : d.len;
    unsigned char *p = (unsigned char *)(uintptr_t)d.ptr;
    unsigned flags = SQLITE_DESERIALIZE_READONLY;
    if (wal || cut) {
        p = sq_patched_copy(d, n, wal, cut ? ps : 0);
        if (!p) return LS_E_NOMEM;
        flags |= SQLITE_DESERIALIZE_FREEONCLOSE;
    }
    if (sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        if (p != d.ptr) sqlite3_free(p);
        return LS_E_NOMEM;
    }
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
    sqlite3_limit(s->db, SQLITE_LIMIT_ATTACHED, 0);
    /* A stored value is never longer than the file; a cell that claims
     * more would only make SQLite allocate what it claims. */
    sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, n < INT_MAX ? (int)n : INT_MAX);
    if (sqlite3_deserialize(s->db, "main", p, (sqlite3_int64)n, (sqlite3_int64)n, flags) !=
        SQLITE_OK)
        return LS_E_CORRUPT; /* FREEONCLOSE frees p even on failure */
    if (sqlite3_exec(s->db, "PRAGMA query_only=1; PRAGMA cell_size_check=1; PRAGMA temp_store=2",
                     NULL, NULL, NULL) != SQLITE_OK)
        return LS_E_CORRUPT;
    sqlite3_progress_handler(s->db, SQ_PROGRESS_OPS, sq_progress, s);
    return LS_OK;
}

static ls_err sq_read(struct sq *s)
{
    ls_err e = sq_open(s);
    if (e != LS_OK) return e;
    struct ls_buf names;
    ls_buf_init(&names, SIZE_MAX);
    size_t count = 0;
    e = sq_table_names(s, &names, &count);
    struct ls_slice all = ls_buf_slice(&names);
    size_t at = 0;
    for (size_t i = 0; e == LS_OK && i < count && s->r.stop == LS_OK && !s->r.text_full; i++) {
        size_t end = ls_slice_find(all, at, "", 1);
        struct ls_slice name;
        if (end == SIZE_MAX || !ls_slice_sub(all, at, end - at + 1, &name)) break;
        e = sq_table(s, (const char *)name.ptr); /* NUL-terminated: the +1 */
        at = end + 1;
    }
    ls_buf_free(&names);
    return e;
}

static uint32_t sq_be32(struct ls_slice d, size_t off)
{
    struct ls_cursor cur = ls_cur_make(d);
    uint32_t v = 0;
    if (ls_cur_seek(&cur, off) != LS_OK || ls_cur_u32be(&cur, &v) != LS_OK) return 0;
    return v;
}

/* Deleted rows, carved (sqlitepage.h), handed over as they grow under a
 * "[Deleted rows]" line written before the first. */
struct sq_del {
    struct sq *s;
    struct ls_buf out;
    bool said;      /* the "[Deleted rows]" line is written */
    size_t overlap; /* pages whose cells overlap, read up to their size */
};

static ls_err sq_del_flush(struct sq_del *dl, bool force)
{
    if (dl->out.len == 0 || (!force && dl->out.len < 65536)) return LS_OK;
    ls_err e = LS_OK;
    if (!dl->said) e = ls_dbrows_emit(&dl->s->r, ls_slice_make("[Deleted rows]\n", 15));
    dl->said = true;
    if (e == LS_OK) e = ls_dbrows_emit(&dl->s->r, ls_buf_slice(&dl->out));
    ls_buf_reset(&dl->out);
    return e;
}

/* A carve's result: overlapping cells counted (the rows before them kept). */
static ls_err sq_del_carved(struct sq_del *dl, ls_err e)
{
    if (e == LS_E_CORRUPT) {
        dl->overlap++;
        e = LS_OK;
    }
    return e == LS_OK ? sq_del_flush(dl, false) : e;
}

/* Deleted rows: the table leaf pages on the freelist (a dropped table's, a
 * deleted row's emptied page), what is left of the cells of the trunk
 * pages, and the freeblocks of every table leaf page. Each free page is
 * carved once (seen): a trunk that names one leaf 16,000 times, or a trunk
 * chain that loops, made a 1 MB file carve 250,000 pages into 15 GB. */
static ls_err sq_deleted(struct sq *s)
{
    struct ls_slice d = s->r.o->data;
    uint32_t ps = sq_page_size(d);
    if (ps == 0 || s->r.text_full) return LS_OK;
    size_t usable = ps - (size_t)(ls_slice_at(d, 20) > 0 ? ls_slice_at(d, 20) : 0);
    size_t npages = d.len / ps;
    uint8_t *seen = calloc(npages / 8 + 1, 1);
    if (!seen) return LS_E_NOMEM;
    struct sq_del dl = {.s = s};
    ls_buf_init(&dl.out, SIZE_MAX);
    ls_err e = LS_OK;
    size_t carved = 0;
#define SQ_SEEN(pg) (seen[((pg) - 1) / 8] & (1u << (((pg) - 1) % 8)))
#define SQ_SEE(pg) (seen[((pg) - 1) / 8] |= (uint8_t)(1u << (((pg) - 1) % 8)))
    /* the freelist: trunk pages (next trunk, leaf count, leaf page numbers) */
    uint32_t trunk = sq_be32(d, 32);
    while (e == LS_OK && trunk && trunk <= npages && !SQ_SEEN(trunk)) {
        SQ_SEE(trunk);
        struct ls_slice tp = ls_slice_make(d.ptr + (size_t)(trunk - 1) * ps, ps);
        e = sq_del_carved(&dl, ls_sqlite_carve_trunk(tp, usable, &dl.out));
        uint32_t leaves = sq_be32(tp, 4);
        if (leaves > (usable - 8) / 4) break;
        for (uint32_t i = 0; e == LS_OK && i < leaves; i++) {
            uint32_t leaf = sq_be32(tp, 8 + 4 * (size_t)i);
            if (leaf == 0 || leaf > npages || SQ_SEEN(leaf)) continue;
            SQ_SEE(leaf);
            e = sq_del_carved(&dl, ls_sqlite_carve_page(ls_slice_make(d.ptr + (size_t)(leaf - 1) * ps, ps),
                                                        leaf == 1 ? 100 : 0, usable, &dl.out));
            if (e == LS_OK && ++carved % 256 == 0 && ls_ctx_expired(s->r.c)) e = LS_E_TIMEOUT;
        }
        trunk = sq_be32(tp, 0);
        if (e == LS_OK && ++carved % 256 == 0 && ls_ctx_expired(s->r.c)) e = LS_E_TIMEOUT;
    }
#undef SQ_SEEN
#undef SQ_SEE
    for (size_t pg = 0; e == LS_OK && pg < npages; pg++) {
        if (pg % 256 == 255 && ls_ctx_expired(s->r.c)) e = LS_E_TIMEOUT;
        if (e == LS_OK)
            e = sq_del_carved(&dl, ls_sqlite_carve_freeblocks(ls_slice_make(d.ptr + pg * ps, ps), pg == 0 ? 100 : 0,
                                                             usable, &dl.out));
    }
    if (e == LS_OK) e = sq_del_flush(&dl, true);
    if (e == LS_E_LIMIT) e = LS_OK; /* the text is full: noted limit:text */
    if (dl.overlap)
        ls_note(s->r.c, s->r.o, LS_R_PARSE_ERROR,
                "sqlite: %zu free page(s) whose cells overlap (crafted or damaged) read only up to the page's size",
                dl.overlap);
    ls_buf_free(&dl.out);
    free(seen);
    return e;
}

static ls_err sq_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (o->data.len < SQ_HEADER_LEN) return LS_E_TRUNCATED;
    struct sq s;
    memset(&s, 0, sizeof s);
    LS_TRY(ls_dbrows_init(&s.r, c, o));
    ls_buf_init(&s.sql, SIZE_MAX);
    ls_err e = sq_read(&s);
    if (e != LS_E_NOMEM && e != LS_E_TIMEOUT && s.r.stop == LS_OK) {
        ls_err de = sq_deleted(&s);
        if (de == LS_E_NOMEM || de == LS_E_TIMEOUT) e = de;
    }
    if (e == LS_E_CORRUPT && !s.damaged)
        ls_note(c, o, LS_R_PARSE_ERROR, "sqlite: %s", s.db ? sqlite3_errmsg(s.db) : "cannot open");
    sqlite3_close(s.db);
    ls_buf_free(&s.sql);
    ls_dbrows_free(&s.r);
    return ls_dbrows_done(&s.r, e);
}

const struct ls_handler ls_handler_sqlite = {
    .name = "sqlite",
    .probe = sq_probe,
    .extract = sq_extract,
};
