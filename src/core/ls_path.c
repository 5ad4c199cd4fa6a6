/* Paths of any length (ls_path.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "core/ls_path.h"

/* Open component path[from, to) below dfd, closing dfd. */
static int step(int dfd, const char *path, size_t from, size_t to)
{
    char comp[NAME_MAX + 1];
    size_t n = to - from;
    int fd = -1, e = ENAMETOOLONG;
    if (n <= NAME_MAX) {
        memcpy(comp, path + from, n);
        comp[n] = 0;
        fd = openat(dfd, comp, O_PATH | O_DIRECTORY | O_CLOEXEC);
        e = errno;
    }
    close(dfd);
    errno = e;
    return fd;
}

int ls_path_at(const char *path, const char **last)
{
    size_t len = strlen(path);
    *last = path;
    if (len < PATH_MAX) return AT_FDCWD;
    size_t end = len, base;
    while (end > 0 && path[end - 1] == '/') end--;
    for (base = end; base > 0 && path[base - 1] != '/'; base--) {}
    if (base == 0) {
        errno = ENAMETOOLONG; /* one component longer than any name */
        return -1;
    }
    int dfd = open(path[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    for (size_t i = 0; dfd >= 0 && i < base;) {
        while (i < base && path[i] == '/') i++;
        size_t j = i;
        while (j < base && path[j] != '/') j++;
        if (j > i) dfd = step(dfd, path, i, j);
        i = j;
    }
    if (dfd >= 0) *last = path + base;
    return dfd;
}

void ls_path_done(int dfd)
{
    if (dfd >= 0) close(dfd);
}
