/*
 * Member sinks: memory up to a threshold, then an unlinked temporary file.
 *
 * Spill design (docs/unpacking.md "Memory"): a member whose size passes
 * limits.spill_threshold moves to a file that has no name from the start —
 * open(O_TMPFILE) in $TMPDIR (default /tmp), so nothing is ever visible in a
 * directory and nothing is left behind if the worker dies; where O_TMPFILE
 * is unsupported (older kernels, some file systems) memfd_create() is used
 * instead (anonymous, but swap-backed rather than disk-backed). The bytes
 * so far are written out, the heap buffer is freed, later blocks are
 * appended with write(), and at the end the file is mapped read-only
 * (MAP_PRIVATE) so the pipeline sees one slice. Page-cache pages of a
 * disk-backed file can be dropped under memory pressure, so peak anonymous
 * memory stays near the threshold whatever the member's size; the total is
 * still bounded by the root's byte budget. The file is never named after the
 * archive member and is gone when the descriptor is closed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "unpack/unpack_int.h"

void unpack_sink_init(struct unpack_sink *k, uint64_t spill_at)
{
    memset(k, 0, sizeof *k);
    ls_buf_init(&k->mem, SIZE_MAX - 1);
    k->fd = -1;
    k->spill_at = spill_at;
}

void unpack_sink_init_ext(struct unpack_sink *k, struct ls_buf *ext)
{
    unpack_sink_init(k, 0);
    k->ext = ext;
}

static int spill_open(const char **kind)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
#ifdef O_TMPFILE
    int fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        *kind = "O_TMPFILE";
        return fd;
    }
#endif
    *kind = "memfd";
    return memfd_create("leaksift-spill", MFD_CLOEXEC);
}

static ls_err write_all(int fd, const uint8_t *p, size_t n)
{
    return ls_write_all(fd, p, n) == 0 ? LS_OK : LS_E_IO;
}

static ls_err spill(struct unpack_sink *k)
{
    k->fd = spill_open(&k->spill_kind);
    if (k->fd < 0) return LS_E_IO;
    LS_TRY(write_all(k->fd, k->mem.ptr, k->mem.len));
    ls_buf_free(&k->mem);
    return LS_OK;
}

ls_err unpack_sink_add(struct unpack_sink *k, const void *p, size_t n)
{
    if (k->ext) {
        size_t before = k->ext->len;
        ls_err e = ls_buf_add(k->ext, p, n);
        k->len += k->ext->len - before;
        return e;
    }
    if (k->fd < 0 && k->spill_at && k->len + n > k->spill_at) LS_TRY(spill(k));
    if (k->fd >= 0) {
        LS_TRY(write_all(k->fd, p, n));
    } else {
        LS_TRY(ls_buf_add(&k->mem, p, n));
    }
    k->len += n;
    return LS_OK;
}

ls_err unpack_sink_slice(struct unpack_sink *k, struct ls_slice *out)
{
    if (k->ext) {
        *out = ls_buf_slice(k->ext);
        return LS_OK;
    }
    if (k->fd < 0) {
        *out = ls_buf_slice(&k->mem);
        return LS_OK;
    }
    if (!k->map && k->len > 0) {
        LS_FAIL_IF(k->len > SIZE_MAX, LS_E_NOMEM);
        void *m = mmap(NULL, (size_t)k->len, PROT_READ, MAP_PRIVATE, k->fd, 0);
        LS_FAIL_IF(m == MAP_FAILED, LS_E_NOMEM);
        k->map = m;
        k->map_len = (size_t)k->len;
    }
    *out = ls_slice_make(k->map, k->map_len);
    return LS_OK;
}

void unpack_sink_free(struct unpack_sink *k)
{
    if (k->map) munmap(k->map, k->map_len);
    if (k->fd >= 0) close(k->fd);
    ls_buf_free(&k->mem);
    k->map = NULL;
    k->fd = -1;
    k->len = 0;
}
