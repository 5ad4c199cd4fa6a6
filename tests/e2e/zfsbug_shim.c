/* A file system that reports holes over data (OpenZFS 2.2.0's SEEK_DATA
 * bug), for files of $ZFSBUG_SIZE bytes: data only in the first 4 KiB. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <stdlib.h>
#include <sys/stat.h>
off_t lseek(int fd, off_t off, int whence)
{
    static off_t (*real)(int, off_t, int);
    if (!real) real = (off_t(*)(int, off_t, int))dlsym(RTLD_NEXT, "lseek");
    if (whence == SEEK_DATA || whence == SEEK_HOLE) {
        struct stat sb;
        const char *want = getenv("ZFSBUG_SIZE");
        if (want && fstat(fd, &sb) == 0 && (long long)sb.st_size == atoll(want)) {
            off_t end = real(fd, 0, SEEK_END);
            if (whence == SEEK_DATA) {
                if (off < 4096) return off;
                errno = ENXIO;
                return -1;
            }
            return off < 4096 ? 4096 : end;
        }
    }
    return real(fd, off, whence);
}
