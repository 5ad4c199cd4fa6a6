/* Content-addressed quarantine store (see store.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ls_path.h"
#include "identify/identify.h"
#include "quarantine/store.h"

struct ls_qstore {
    int dir_fd;
    int index_fd;
    uint64_t count;
};

ls_err ls_qstore_open(const char *dir, struct ls_qstore **out, char *err, size_t errlen)
{
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return LS_E_IO;
    }
    struct ls_qstore *q = calloc(1, sizeof *q);
    if (!q) return LS_E_NOMEM;
    q->dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    q->index_fd = q->dir_fd < 0 ? -1
                  : openat(q->dir_fd, "index.jsonl", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (q->index_fd < 0) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        ls_qstore_close(q);
        return LS_E_IO;
    }
    *out = q;
    return LS_OK;
}

void ls_qstore_close(struct ls_qstore *q)
{
    if (!q) return;
    if (q->index_fd >= 0) close(q->index_fd);
    if (q->dir_fd >= 0) close(q->dir_fd);
    free(q);
}

uint64_t ls_qstore_count(const struct ls_qstore *q) { return q->count; }

static bool valid_hex64(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) return false;
    return n == 64;
}

/* Write data under DIR/aa/sha via a temporary name and rename. */
static ls_err store_bytes(struct ls_qstore *q, struct ls_slice data, const char *sha, char *err,
                          size_t errlen)
{
    char sub[3] = {sha[0], sha[1], 0}, final[80], tmp[96];
    snprintf(final, sizeof final, "%s/%s", sub, sha);
    struct stat sb;
    if (fstatat(q->dir_fd, final, &sb, AT_SYMLINK_NOFOLLOW) == 0) return LS_OK; /* already held */
    if (mkdirat(q->dir_fd, sub, 0700) != 0 && errno != EEXIST) goto fail;
    snprintf(tmp, sizeof tmp, "%s/.tmp-%s-%ld", sub, sha, (long)getpid());
    int fd = openat(q->dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0400);
    if (fd < 0) goto fail;
    int rc = data.len ? ls_write_all(fd, data.ptr, data.len) : 0;
    if (rc == 0) rc = fsync(fd);
    if (close(fd) != 0) rc = -1;
    if (rc != 0 || renameat(q->dir_fd, tmp, q->dir_fd, final) != 0) {
        int e = errno;
        unlinkat(q->dir_fd, tmp, 0);
        errno = e;
        goto fail;
    }
    return LS_OK;
fail:
    snprintf(err, errlen, "quarantine store: %s", strerror(errno));
    return LS_E_IO;
}

static ls_err index_line(struct ls_qstore *q, const char *path, const char *sha, const char *root_id,
                         const char *verdict)
{
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    bool lossy = false;
    ls_err e = ls_buf_printf(&b, "{\"sha256\":\"%s\",\"root_id\":", sha);
    if (e == LS_OK) e = ls_json_cstr(&b, root_id);
    if (e == LS_OK) e = ls_buf_adds(&b, ",\"verdict\":");
    if (e == LS_OK) e = ls_json_cstr(&b, verdict);
    if (e == LS_OK) e = ls_buf_adds(&b, ",\"path\":");
    if (e == LS_OK) e = ls_json_str(&b, ls_slice_make(path, strlen(path)), &lossy);
    if (e == LS_OK && lossy) {
        e = ls_buf_adds(&b, ",\"path_b64\":");
        if (e == LS_OK) e = ls_json_b64(&b, ls_slice_make(path, strlen(path)));
    }
    if (e == LS_OK) e = ls_buf_adds(&b, "}\n");
    if (e == LS_OK && ls_write_all(q->index_fd, b.ptr, b.len) != 0) e = LS_E_IO;
    ls_buf_free(&b);
    return e;
}

ls_err ls_qstore_put(struct ls_qstore *q, const char *path, const char *shown, const char *sha256_hex,
                     const char *root_id, const char *verdict, char *err, size_t errlen)
{
    if (sha256_hex && !valid_hex64(sha256_hex)) {
        snprintf(err, errlen, "%s: no content hash to store under", shown);
        return LS_E_ARG;
    }
    const char *last;
    int dfd = ls_path_at(path, &last); /* paths past PATH_MAX too */
    int fd = dfd == -1 ? -1 : openat(dfd, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    ls_path_done(dfd);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "%s: cannot reopen for the quarantine store: %s", shown,
                 fd < 0 ? strerror(errno) : "not a regular file");
        if (fd >= 0) close(fd);
        return LS_E_IO;
    }
    size_t len = (size_t)sb.st_size;
    void *map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
    close(fd);
    if (len && map == MAP_FAILED) {
        snprintf(err, errlen, "%s: %s", shown, strerror(errno));
        return LS_E_IO;
    }
    struct ls_slice data = ls_slice_make(map, len);
    uint8_t d[32];
    char hex[65];
    ls_sha256(data, d);
    ls_hex(d, 32, hex);
    ls_err e;
    if (sha256_hex && strcmp(hex, sha256_hex) != 0) {
        snprintf(err, errlen, "%s: changed since it was scanned; not stored", shown);
        e = LS_E_CORRUPT;
    } else {
        e = store_bytes(q, data, hex, err, errlen);
        if (e == LS_OK) e = index_line(q, shown, hex, root_id, verdict);
        if (e == LS_OK) q->count++;
    }
    if (len) munmap(map, len);
    return e;
}
