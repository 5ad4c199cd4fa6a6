/* Input enumeration: arguments, directory walks, --files-from lists. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/ls_core.h"
#include "core/ls_path.h"

/* stat/lstat (flags: 0 or AT_SYMLINK_NOFOLLOW) and opendir for paths of any
 * length: a dump may nest directories past PATH_MAX. */
int cli_stat(const char *path, struct stat *sb, int flags)
{
    const char *last;
    int dfd = ls_path_at(path, &last);
    if (dfd == -1) return -1;
    int r = fstatat(dfd, last, sb, flags);
    int e = errno;
    ls_path_done(dfd);
    errno = e;
    return r;
}

int cli_open(const char *path, int flags)
{
    const char *last;
    int dfd = ls_path_at(path, &last);
    if (dfd == -1) return -1;
    int fd = openat(dfd, last, flags);
    int e = errno;
    ls_path_done(dfd);
    errno = e;
    return fd;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int special_of(mode_t m)
{
    if (S_ISLNK(m)) return LS_SPECIAL_SYMLINK;
    if (S_ISFIFO(m)) return LS_SPECIAL_FIFO;
    if (S_ISSOCK(m)) return LS_SPECIAL_SOCKET;
    if (S_ISCHR(m) || S_ISBLK(m)) return LS_SPECIAL_DEVICE;
    if (!S_ISREG(m) && !S_ISDIR(m)) return LS_SPECIAL_NOT_FILE;
    return 0;
}

/* The walk builds every path in one buffer, a component appended before
 * a directory is entered and cut after it: a directory nested N deep costs
 * its path once, not N times (a chain of 4096 directories with long names
 * kept every level's copy: gigabytes). */
struct walk_path {
    char *p;
    size_t len, cap;
};

static bool path_push(struct walk_path *wp, const char *name)
{
    size_t n = strlen(name);
    bool slash = wp->len > 0 && wp->p[wp->len - 1] != '/';
    size_t need = wp->len + slash + n + 1;
    if (need > wp->cap) {
        size_t cap = wp->cap ? wp->cap : 256;
        while (cap < need) cap *= 2;
        char *q = realloc(wp->p, cap);
        if (!q) return false;
        wp->p = q;
        wp->cap = cap;
    }
    if (slash) wp->p[wp->len++] = '/';
    memcpy(wp->p + wp->len, name, n + 1);
    wp->len += n;
    return true;
}

static int walk_dir(struct cli_walk *w, struct walk_path *wp, unsigned depth, int *dfd);

bool cli_in_shard(const char *path, unsigned k, unsigned n)
{
    if (n <= 1) return true;
    char id[17];
    ls_root_id(path, id);
    uint64_t h = 0;
    for (int i = 0; i < 16; i++) h = h << 4 | (uint64_t)(id[i] <= '9' ? id[i] - '0' : id[i] - 'a' + 10);
    return h % n == k - 1;
}

/* Every root goes through here: shard selection, then the callback. */
static int emit_root(struct cli_walk *w, const char *path, int special, const char *errmsg)
{
    if (!cli_in_shard(path, w->shard_k, w->shard_n)) return 0;
    return w->fn(w->ud, path, special, errmsg);
}

/* Directories are opened and their entries stat'ed relative to the
 * directory's own descriptor (openat/fstatat), not by their path from the
 * top: an entry N levels deep costs one lookup, not N (a 3,000-deep chain
 * took 6 s, quadratic). pfd: the descriptor of the directory holding the
 * entry wp names, or -1 to go by the path (the top, or a fallback). The
 * entry's name is the last component of wp. Symlinks are never followed
 * inside the walk (O_NOFOLLOW; lstat semantics as before). */
static int open_sub(int pfd, const struct walk_path *wp, bool inside)
{
    /* by path (the top, or a fallback): a directory a user named may be a
     * link to one; one found inside the tree may not, even if it was
     * swapped for a link after it was stat'ed (review6) */
    if (pfd < 0) return cli_open(wp->p, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (inside ? O_NOFOLLOW : 0));
    const char *name = strrchr(wp->p, '/');
    name = name ? name + 1 : wp->p;
    return openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

static int walk_entry(struct cli_walk *w, struct walk_path *wp, const struct stat *sb, unsigned depth,
                      int pfd)
{
    if (S_ISDIR(sb->st_mode)) {
        if (w->have_qdir && sb->st_dev == w->qdir_dev && sb->st_ino == w->qdir_ino) return 0;
        if (depth + 1 > 4096) return emit_root(w, wp->p, LS_SPECIAL_UNREADABLE, "directory nesting too deep");
        int fd = open_sub(pfd, wp, depth > 0);
        if (fd < 0) {
            w->errors++;
            return emit_root(w, wp->p, errno == ENOENT ? LS_SPECIAL_VANISHED : LS_SPECIAL_UNREADABLE,
                             strerror(errno));
        }
        int r = walk_dir(w, wp, depth + 1, &fd);
        if (fd >= 0) close(fd);
        return r;
    }
    if (w->have_skip && sb->st_dev == w->skip_dev && sb->st_ino == w->skip_ino) return 0;
    return emit_root(w, wp->p, special_of(sb->st_mode), NULL);
}

/* The entry names of d (not paths), sorted. */
static char **list_dir(DIR *d, size_t *count)
{
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) break;
            names = nn;
        }
        if (!(names[n] = strdup(de->d_name))) break;
        n++;
    }
    if (names) qsort(names, n, sizeof *names, cmp_names);
    *count = n;
    return names;
}

/* Descriptors of the directories on the current path are kept open down
 * to this depth; deeper, a level closes its own while it walks a
 * subdirectory and opens it again afterwards as the subdirectory's "..",
 * checked to be the same directory (st_dev, st_ino) — or, if it is not
 * (moved during the walk), by its path, and failing that its remaining
 * entries go by their paths as before. A quarter of RLIMIT_NOFILE's soft
 * limit, at most 256: the supervisor's own descriptors (workers, spool,
 * manifest) keep the rest. */
static unsigned fd_keep(void)
{
    static unsigned keep;
    if (!keep) {
        struct rlimit rl;
        rlim_t cur = getrlimit(RLIMIT_NOFILE, &rl) == 0 ? rl.rlim_cur : 256;
        keep = cur == RLIM_INFINITY || cur / 4 > 256 ? 256 : cur / 4 > 8 ? (unsigned)(cur / 4) : 8;
    }
    return keep;
}

static bool same_dir(int fd, const struct stat *me)
{
    struct stat sb;
    return fd >= 0 && fstat(fd, &sb) == 0 && sb.st_dev == me->st_dev && sb.st_ino == me->st_ino;
}

/* Walk the directory wp names, open as *dfd. The caller closes *dfd after
 * (if >= 0): a deep level replaces it (fd_keep()), with -1 if it could not
 * open the directory again. */
static int walk_dir(struct cli_walk *w, struct walk_path *wp, unsigned depth, int *dfd)
{
    int lfd = dup(*dfd);
    DIR *d = lfd >= 0 ? fdopendir(lfd) : NULL;
    if (!d) {
        int e = errno;
        if (lfd >= 0) close(lfd);
        w->errors++;
        return emit_root(w, wp->p, e == ENOENT ? LS_SPECIAL_VANISHED : LS_SPECIAL_UNREADABLE, strerror(e));
    }
    size_t n = 0, len = wp->len;
    char **names = list_dir(d, &n);
    closedir(d);
    struct stat me;
    bool drop = depth >= fd_keep() && fstat(*dfd, &me) == 0;
    int stop = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        int fd = *dfd;
        if (!stop && !path_push(wp, names[i])) {
            w->errors++;
            stop = emit_root(w, wp->p, LS_SPECIAL_UNREADABLE, strerror(ENOMEM));
        } else if (!stop) {
            int sr = fd >= 0 ? fstatat(fd, names[i], &sb, AT_SYMLINK_NOFOLLOW)
                             : cli_stat(wp->p, &sb, AT_SYMLINK_NOFOLLOW);
            int cfd = -1;
            if (sr != 0) {
                stop = emit_root(w, wp->p, errno == ENOENT ? LS_SPECIAL_VANISHED : LS_SPECIAL_UNREADABLE,
                                 strerror(errno));
            } else if (drop && fd >= 0 && S_ISDIR(sb.st_mode) && depth + 1 <= 4096 &&
                       !(w->have_qdir && sb.st_dev == w->qdir_dev && sb.st_ino == w->qdir_ino) &&
                       (cfd = open_sub(fd, wp, true)) >= 0) {
                /* deep: this level's descriptor is given up while the
                 * subdirectory is walked, then taken back as its ".." */
                close(*dfd);
                *dfd = -1;
                stop = walk_dir(w, wp, depth + 1, &cfd);
                int back = cfd >= 0 ? openat(cfd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
                if (cfd >= 0) close(cfd);
                if (!same_dir(back, &me)) {
                    if (back >= 0) close(back);
                    wp->len = len;
                    wp->p[len] = 0;
                    back = cli_open(wp->p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
                    if (back >= 0 && !same_dir(back, &me)) {
                        close(back);
                        back = -1; /* moved: the rest by path */
                    }
                }
                *dfd = back;
            } else {
                stop = walk_entry(w, wp, &sb, depth, fd);
            }
        }
        wp->len = len;
        wp->p[len] = 0;
        free(names[i]);
    }
    free(names);
    return stop;
}

int cli_walk_path(struct cli_walk *w, const char *path)
{
    struct stat sb;
    if (cli_stat(path, &sb, 0) != 0) {
        int err = errno;
        if (cli_stat(path, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            err = errno;
            /* a path the user named: said on stderr too (a typo is not silent) */
            cli_err("%s: %s (recorded as incomplete)", path, strerror(err));
            return emit_root(w, path, err == ENOENT ? LS_SPECIAL_VANISHED : LS_SPECIAL_UNREADABLE,
                             strerror(err));
        }
        if (S_ISLNK(sb.st_mode)) { /* named, so it would be followed: its target is not there */
            char why[160];
            snprintf(why, sizeof why, "a symlink whose target cannot be opened: %s", strerror(err));
            cli_err("%s: %s (recorded, not followed)", path, why);
            return emit_root(w, path, LS_SPECIAL_SYMLINK, why);
        }
    }
    /* a symlink the user named to a regular file is followed (find -H):
     * the supervisor opens it without O_NOFOLLOW (a link met inside the
     * walk is recorded, never followed) */
    struct stat lsb;
    if (S_ISREG(sb.st_mode) && cli_stat(path, &lsb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lsb.st_mode)) {
        if (w->have_skip && sb.st_dev == w->skip_dev && sb.st_ino == w->skip_ino) return 0;
        return emit_root(w, path, CLI_ROOT_LINK, NULL);
    }
    struct walk_path wp = {0};
    int r;
    if (!path_push(&wp, path)) {
        cli_err("%s: %s", path, strerror(ENOMEM));
        r = -1;
    } else {
        r = walk_entry(w, &wp, &sb, 0, -1);
    }
    free(wp.p);
    return r;
}

/* One entry of a --files-from list (up to delim or the end) into b, which
 * holds at most CLI_LIST_ENTRY_MAX bytes: 1 an entry, 0 the end, -1 an
 * entry longer than that (not a list of paths: /dev/zero, a binary file;
 * read whole, it grew until the kernel killed the run). */
#define CLI_LIST_ENTRY_MAX (1u << 20)
static int list_entry(FILE *f, int delim, struct ls_buf *b)
{
    int ch;
    ls_buf_reset(b);
    while ((ch = getc_unlocked(f)) != EOF) {
        if (ch == delim) return 1;
        if (ls_buf_addc(b, (uint8_t)ch) != LS_OK) return -1;
    }
    return b->len ? 1 : 0;
}

int cli_walk_list(struct cli_walk *w, const char *file, bool nul_sep)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
    if (!f) {
        cli_err("--files-from %s: %s", file, strerror(errno));
        return -1;
    }
    struct ls_buf line;
    ls_buf_init(&line, CLI_LIST_ENTRY_MAX);
    int stop = 0, r = 0;
    unsigned long long no = 0;
    while (!stop && (r = list_entry(f, nul_sep ? '\0' : '\n', &line)) > 0) {
        no++;
        size_t n = line.len;
        while (n > 0 && ((!nul_sep && line.ptr[n - 1] == '\r') || line.ptr[n - 1] == 0)) n--;
        if (n == 0) continue;
        line.ptr[n] = 0;
        if (memchr(line.ptr, 0, n)) { /* a NUL inside a line: no path holds one */
            cli_err("--files-from %s: entry %llu holds a NUL byte (a NUL-separated list needs --null)", file, no);
            stop = -1;
            break;
        }
        stop = cli_walk_path(w, (const char *)line.ptr);
    }
    bool failed = ferror(f);
    ls_buf_free(&line);
    if (f != stdin) fclose(f);
    if (r < 0) {
        cli_err("--files-from %s: entry %llu is longer than %u bytes: not a list of paths%s", file, no + 1,
                CLI_LIST_ENTRY_MAX, nul_sep ? "" : " (one a line; --null for NUL-separated)");
        return -1;
    }
    if (failed) {
        cli_err("--files-from %s: read error", file);
        return -1;
    }
    return stop;
}
