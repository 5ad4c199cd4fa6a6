/*
 * The records of one root in flight, held by the supervisor until the root
 * is finished (then written as one block) or its worker failed (then
 * discarded). Memory up to max_mem (LS_POOL_SPOOL_MEM per worker), then an
 * unlinked temporary file in $TMPDIR (O_TMPFILE, or mkstemp + unlink), so
 * the supervisor's memory stays bounded whatever a root produces.
 * Entries: u32le line length, u32le digest length (0: none), the line,
 * its summary digest (src/manifest/summary.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool/pool_int.h"

void pool_spool_init(struct pool_spool *s, uint64_t max_mem)
{
    memset(s, 0, sizeof *s);
    ls_buf_init(&s->mem, (size_t)max_mem + LS_POOL_MAX_FRAME + 8);
    s->fd = -1;
    s->max_mem = max_mem;
}

static int spool_tmpfile(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    int fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    char name[4096];
    if ((size_t)snprintf(name, sizeof name, "%s/leaksift-spool-XXXXXX", dir) >= sizeof name) return -1;
    fd = mkostemp(name, O_CLOEXEC);
    if (fd >= 0) unlink(name);
    return fd;
}

static ls_err write_all(int fd, const uint8_t *p, size_t n)
{
    return ls_write_all(fd, p, n) == 0 ? LS_OK : LS_E_IO;
}

static ls_err spool_to_file(struct pool_spool *s, const uint8_t *hdr, const uint8_t *line, size_t len,
                            struct ls_slice dig)
{
    if (s->fd < 0) {
        s->fd = spool_tmpfile();
        if (s->fd < 0) return LS_E_IO;
    }
    LS_TRY(write_all(s->fd, hdr, 8));
    LS_TRY(write_all(s->fd, line, len));
    if (dig.len) LS_TRY(write_all(s->fd, dig.ptr, dig.len));
    s->file_len += 8 + (uint64_t)len + dig.len;
    return LS_OK;
}

ls_err pool_spool_add_dig(struct pool_spool *s, const uint8_t *line, size_t len, struct ls_slice dig, bool is_done)
{
    size_t dl = dig.len;
    uint8_t hdr[8] = {(uint8_t)len, (uint8_t)(len >> 8), (uint8_t)(len >> 16), (uint8_t)(len >> 24),
                      (uint8_t)dl,  (uint8_t)(dl >> 8),  (uint8_t)(dl >> 16),  (uint8_t)(dl >> 24)};
    s->saw_done = is_done;
    if (len > LS_POOL_MAX_FRAME || dl > LS_POOL_MAX_FRAME) return LS_E_LIMIT;
    /* Once spilled, later lines go to the file too, so order is kept. */
    if (s->fd >= 0 || s->mem.len + 8 + len + dl > s->max_mem) return spool_to_file(s, hdr, line, len, dig);
    LS_TRY(ls_buf_add(&s->mem, hdr, 8));
    LS_TRY(ls_buf_add(&s->mem, line, len));
    return ls_buf_add(&s->mem, dig.ptr, dl);
}

ls_err pool_spool_add(struct pool_spool *s, const uint8_t *line, size_t len, bool is_done)
{
    return pool_spool_add_dig(s, line, len, ls_slice_make(NULL, 0), is_done);
}

static ls_err replay_mem(const struct pool_spool *s, pool_line_fn fn, void *ud)
{
    struct ls_cursor c = ls_cur_make(ls_buf_slice(&s->mem));
    while (ls_cur_left(&c) > 0) {
        uint32_t n, dn;
        struct ls_slice line, dig;
        LS_TRY(ls_cur_u32le(&c, &n));
        LS_TRY(ls_cur_u32le(&c, &dn));
        LS_TRY(ls_cur_take(&c, n, &line));
        LS_TRY(ls_cur_take(&c, dn, &dig));
        if (fn(ud, (const char *)line.ptr, line.len, dig) != 0) return LS_E_IO;
    }
    return LS_OK;
}

static ls_err read_exact(int fd, uint8_t *p, size_t n)
{
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return LS_E_IO;
        p += r;
        n -= (size_t)r;
    }
    return LS_OK;
}

static ls_err replay_file(struct pool_spool *s, pool_line_fn fn, void *ud)
{
    if (s->fd < 0) return LS_OK;
    if (lseek(s->fd, 0, SEEK_SET) != 0) return LS_E_IO;
    struct ls_buf line;
    ls_buf_init(&line, 2 * (size_t)LS_POOL_MAX_FRAME + 1);
    ls_err e = LS_OK;
    for (uint64_t off = 0; e == LS_OK && off < s->file_len;) {
        uint8_t hdr[8] = {0};
        e = read_exact(s->fd, hdr, 8);
        size_t n = (size_t)hdr[0] | (size_t)hdr[1] << 8 | (size_t)hdr[2] << 16 | (size_t)hdr[3] << 24;
        size_t dn = (size_t)hdr[4] | (size_t)hdr[5] << 8 | (size_t)hdr[6] << 16 | (size_t)hdr[7] << 24;
        ls_buf_reset(&line);
        if (e == LS_OK) e = ls_buf_reserve(&line, n + dn + 1);
        if (e == LS_OK) e = read_exact(s->fd, line.ptr, n + dn);
        if (e == LS_OK && fn(ud, (const char *)line.ptr, n, ls_slice_make(line.ptr + n, dn)) != 0) e = LS_E_IO;
        off += 8 + (uint64_t)n + dn;
    }
    ls_buf_free(&line);
    return e;
}

ls_err pool_spool_replay_dig(struct pool_spool *s, pool_line_fn fn, void *ud)
{
    LS_TRY(replay_mem(s, fn, ud));
    return replay_file(s, fn, ud);
}

struct plain {
    ls_record_fn fn;
    void *ud;
};

static int plain_line(void *ud, const char *line, size_t len, struct ls_slice dig)
{
    (void)dig;
    const struct plain *p = ud;
    return p->fn(p->ud, LS_REC_OBJECT, line, len);
}

ls_err pool_spool_replay(struct pool_spool *s, ls_record_fn fn, void *ud)
{
    struct plain p = {fn, ud};
    return pool_spool_replay_dig(s, plain_line, &p);
}

void pool_spool_reset(struct pool_spool *s)
{
    ls_buf_reset(&s->mem);
    if (s->fd >= 0) close(s->fd);
    s->fd = -1;
    s->file_len = 0;
    s->saw_done = false;
}

void pool_spool_free(struct pool_spool *s)
{
    pool_spool_reset(s);
    ls_buf_free(&s->mem);
}
