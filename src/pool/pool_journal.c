/*
 * --resume: the manifest is the journal. A root is done when its root_done
 * line is in the file; everything after the last root_done line (records of
 * a root whose worker or supervisor died mid-block, a torn last line, the
 * previous session's summary) is cut off, so the file ends at the last
 * complete root block and new blocks are appended after it.
 *
 * Done roots are kept as the 64-bit root ids of their root_done lines
 * (the root id is the first 16 hex digits of SHA-256 of the path), sorted:
 * 8 bytes a root, no path strings.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool/pool.h"

/* ---- a minimal JSON walker: top-level string fields only ---- */

static size_t skip_ws(struct ls_slice s, size_t i)
{
    for (int c = ls_slice_at(s, i); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = ls_slice_at(s, ++i)) {}
    return i;
}

/* i at an opening quote; returns the index after the closing quote, or
 * SIZE_MAX. *plain: no escapes inside. */
static size_t skip_string(struct ls_slice s, size_t i, bool *plain)
{
    *plain = true;
    for (i++;; i++) {
        int c = ls_slice_at(s, i);
        if (c < 0) return SIZE_MAX;
        if (c == '"') return i + 1;
        if (c == '\\') {
            *plain = false;
            i++;
        }
    }
}

/* Skip any value: string, object, array, number or literal. */
static size_t skip_value(struct ls_slice s, size_t i)
{
    unsigned depth = 0;
    bool plain;
    for (;;) {
        int c = ls_slice_at(s, i);
        if (c < 0) return SIZE_MAX;
        if (c == '"') {
            i = skip_string(s, i, &plain);
            if (i == SIZE_MAX) return i;
            if (depth == 0) return i;
            continue;
        }
        if (c == '{' || c == '[') depth++;
        else if ((c == '}' || c == ']') && depth > 0) depth--;
        else if ((c == ',' || c == '}' || c == ']') && depth == 0) return i;
        i++;
        if (depth == 0 && (c == '}' || c == ']')) return i;
    }
}

bool ls_journal_field(struct ls_slice line, const char *key, struct ls_slice *val)
{
    size_t klen = strlen(key), i = skip_ws(line, 0);
    if (ls_slice_at(line, i) != '{') return false;
    for (i = skip_ws(line, i + 1); ls_slice_at(line, i) == '"';) {
        bool plain, vplain;
        size_t kend = skip_string(line, i, &plain);
        if (kend == SIZE_MAX) return false;
        struct ls_slice k;
        bool match = plain && ls_slice_sub(line, i + 1, kend - i - 2, &k) && k.len == klen &&
                     memcmp(k.ptr, key, klen) == 0;
        i = skip_ws(line, kend);
        if (ls_slice_at(line, i) != ':') return false;
        i = skip_ws(line, i + 1);
        size_t vstart = i;
        if (match && ls_slice_at(line, i) == '"') {
            size_t vend = skip_string(line, i, &vplain);
            return vend != SIZE_MAX && vplain && ls_slice_sub(line, vstart + 1, vend - vstart - 2, val);
        }
        i = skip_value(line, i);
        if (i == SIZE_MAX) return false;
        i = skip_ws(line, i);
        if (ls_slice_at(line, i) != ',') return false;
        i = skip_ws(line, i + 1);
    }
    return false;
}

/* ---- the done set ---- */

static bool hex64(struct ls_slice s, uint64_t *out)
{
    if (s.len != 16) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < 16; i++) {
        int c = ls_slice_at(s, i), d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

static ls_err done_add(struct ls_done_set *d, uint64_t id)
{
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 1024;
        uint64_t *p = realloc(d->ids, nc * sizeof *p);
        if (!p) return LS_E_NOMEM;
        d->ids = p;
        d->cap = nc;
    }
    d->ids[d->n++] = id;
    return LS_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

bool ls_done_has(const struct ls_done_set *d, const char *path)
{
    char id[17];
    uint64_t v;
    ls_root_id(path, id);
    if (!d->n || !hex64(ls_slice_make(id, 16), &v)) return false;
    return bsearch(&v, d->ids, d->n, sizeof v, cmp_u64) != NULL;
}

void ls_done_free(struct ls_done_set *d)
{
    free(d->ids);
    memset(d, 0, sizeof *d);
}

/* ---- reading the manifest line by line ---- */

struct line_reader {
    int fd;
    struct ls_buf buf;
    size_t pos;         /* start of the next line in buf */
    uint64_t file_off;  /* file offset of buf[0] */
    size_t seen;        /* bytes from pos already searched for a newline */
    bool eof;
};

/* Next complete ('\n'-terminated) line; false at EOF or on a torn tail. */
static bool next_line(struct line_reader *r, struct ls_slice *line, uint64_t *end_off, ls_err *err)
{
    for (;;) {
        struct ls_slice rest;
        if (!ls_slice_from(ls_buf_slice(&r->buf), r->pos, &rest)) return false;
        size_t nl = ls_slice_find(rest, r->seen, "\n", 1); /* a long line is searched once */
        if (nl != SIZE_MAX) {
            (void)ls_slice_sub(rest, 0, nl, line);
            r->pos += nl + 1;
            r->seen = 0;
            *end_off = r->file_off + r->pos;
            return true;
        }
        r->seen = rest.len;
        if (r->eof) return false;
        /* Move the partial line to the front (once per line: a long line
         * was moved onto itself at every MiB read, quadratic), read more. */
        if (r->pos) {
            if (rest.len) memmove(r->buf.ptr, r->buf.ptr + r->pos, rest.len);
            r->file_off += r->pos;
            r->buf.len = rest.len;
            r->pos = 0;
        }
        if ((*err = ls_buf_reserve(&r->buf, r->buf.len + (1u << 20))) != LS_OK) return false;
        /* ls_buf_reserve stops at the buffer's limit: read only into the
         * room it gave (a line longer than the limit, a file of zeros, was
         * read 1 MiB past the allocation: EFAULT or a heap overflow) */
        size_t room = r->buf.cap - 1 - r->buf.len;
        if (room == 0) {
            *err = LS_E_LIMIT;
            return false;
        }
        ssize_t n = read(r->fd, r->buf.ptr + r->buf.len, room < (1u << 20) ? room : (1u << 20));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            *err = LS_E_IO;
            return false;
        }
        if (n == 0) r->eof = true;
        r->buf.len += (size_t)n;
    }
}

static void reader_init(struct line_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    size_t max = LS_POOL_MAX_FRAME + (2u << 20);
#ifdef LEAKSIFT_TEST_HOOKS
    const char *t = getenv("LEAKSIFT_TEST_JOURNAL_LINE_MAX"); /* test_cli19: a smaller bound */
    if (t && *t) max = (size_t)strtoull(t, NULL, 10);
#endif
    ls_buf_init(&r->buf, max);
}

static bool is_record(struct ls_slice line, const char *kind)
{
    struct ls_slice v;
    return ls_journal_field(line, "record", &v) && ls_slice_eq_str(v, kind);
}

/* A block recorded as interrupted (SIGINT/SIGTERM killed its worker): it
 * has a root_done, but --resume must redo the root, so the block is cut out
 * of the manifest and the root is not counted as done. The supervisor
 * writes this exact reason list for such roots. */
#define JOURNAL_INTERRUPTED "\"coverage_reasons\":[\"interrupted\"]"

struct journal_scan {
    uint64_t keep;          /* just past the last root_done line */
    bool have_run;
    uint64_t *cut;          /* [start, end) pairs of blocks to remove */
    size_t n_cut, cap_cut;
};

static ls_err add_cut(struct journal_scan *j, uint64_t start, uint64_t end)
{
    if (j->n_cut + 2 > j->cap_cut) {
        size_t nc = j->cap_cut ? j->cap_cut * 2 : 64;
        uint64_t *p = realloc(j->cut, nc * sizeof *p);
        if (!p) return LS_E_NOMEM;
        j->cut = p;
        j->cap_cut = nc;
    }
    j->cut[j->n_cut++] = start;
    j->cut[j->n_cut++] = end;
    return LS_OK;
}

/* One line of pass 1 (after the run record). */
static ls_err scan_line(struct journal_scan *j, struct ls_done_set *done, struct ls_slice line,
                        uint64_t end, uint64_t *block_start, bool *interrupted)
{
    struct ls_slice id;
    uint64_t v;
    if (ls_slice_find(line, 0, JOURNAL_INTERRUPTED, sizeof JOURNAL_INTERRUPTED - 1) != SIZE_MAX &&
        is_record(line, "object"))
        *interrupted = true;
    if (!is_record(line, "root_done") || !ls_journal_field(line, "root_id", &id) || !hex64(id, &v))
        return LS_OK;
    ls_err e = *interrupted ? add_cut(j, *block_start, end) : done_add(done, v);
    j->keep = end;
    *block_start = end;
    *interrupted = false;
    return e;
}

/* Pass 1: where to cut, which roots are done, whether the first line is a
 * run record. */
static ls_err find_keep(int fd, struct ls_done_set *done, struct journal_scan *j)
{
    struct line_reader r;
    reader_init(&r, fd);
    struct ls_slice line;
    uint64_t end, block_start = 0;
    bool interrupted = false;
    ls_err e = LS_OK;
    while (e == LS_OK && next_line(&r, &line, &end, &e)) {
        if (!j->have_run) {
            if (!is_record(line, "run")) break;
            j->have_run = true;
            j->keep = block_start = end;
            continue;
        }
        e = scan_line(j, done, line, end, &block_start, &interrupted);
    }
    ls_buf_free(&r.buf);
    return e;
}

static bool in_cut(const struct journal_scan *j, size_t *k, uint64_t start)
{
    while (*k < j->n_cut && start >= j->cut[*k + 1]) *k += 2;
    return *k < j->n_cut && start >= j->cut[*k];
}

static ls_err put_at(int fd, uint64_t off, struct ls_slice line)
{
    uint8_t nl = '\n';
    if (pwrite(fd, line.ptr, line.len, (off_t)off) != (ssize_t)line.len) return LS_E_IO;
    return pwrite(fd, &nl, 1, (off_t)(off + line.len)) == 1 ? LS_OK : LS_E_IO;
}

/* Pass 2: feed every kept line (run record included) to fn; where blocks
 * are cut, move later lines up in place (writes trail the reads, so nothing
 * unread is overwritten) and truncate. */
static ls_err feed_kept(int fd, const struct journal_scan *j, int (*fn)(void *, const char *, size_t),
                        void *ud)
{
    if (lseek(fd, 0, SEEK_SET) != 0) return LS_E_IO;
    struct line_reader r;
    reader_init(&r, fd);
    struct ls_slice line;
    uint64_t start = 0, end = 0, dst = 0;
    size_t k = 0;
    ls_err e = LS_OK;
    while (e == LS_OK && end < j->keep && next_line(&r, &line, &end, &e)) {
        bool cut = in_cut(j, &k, start);
        start = end;
        if (cut) continue;
        if (j->n_cut) e = put_at(fd, dst, line);
        dst += line.len + 1;
        if (e == LS_OK && fn && fn(ud, (const char *)line.ptr, line.len) != 0) e = LS_E_IO;
    }
    ls_buf_free(&r.buf);
    if (e == LS_OK && j->n_cut && ftruncate(fd, (off_t)dst) != 0) e = LS_E_IO;
    return e;
}

ls_err ls_journal_load(int fd, struct ls_done_set *done,
                       int (*line_fn)(void *ud, const char *line, size_t len), void *ud,
                       bool *fresh, char *err, size_t errlen)
{
    struct journal_scan j;
    memset(&j, 0, sizeof j);
    memset(done, 0, sizeof *done);
    ls_err e = lseek(fd, 0, SEEK_SET) == 0 ? find_keep(fd, done, &j) : LS_E_IO;
    *fresh = !j.have_run;
    if (e == LS_OK && ftruncate(fd, (off_t)(j.have_run ? j.keep : 0)) != 0) e = LS_E_IO;
    if (e == LS_OK && done->n) qsort(done->ids, done->n, sizeof *done->ids, cmp_u64);
    if (e == LS_OK && j.have_run) e = feed_kept(fd, &j, line_fn, ud);
    if (e == LS_OK && lseek(fd, 0, SEEK_END) < 0) e = LS_E_IO;
    if (e == LS_E_LIMIT)
        snprintf(err, errlen, "cannot resume from the manifest: it holds a line longer than %zu bytes (no "
                 "record is that long: not a manifest, or damaged; -o another file, or remove it)",
                 LS_POOL_MAX_FRAME + ((size_t)2 << 20));
    else if (e != LS_OK)
        snprintf(err, errlen, "cannot resume from the manifest: %s (%s)", ls_err_name(e),
                 errno ? strerror(errno) : "");
    free(j.cut);
    return e;
}
