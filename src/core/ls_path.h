/*
 * Paths of any length. A leak dump may nest directories past PATH_MAX
 * (4096 bytes), where open()/stat() fail with ENAMETOOLONG although every
 * component is fine. ls_path_at() gives the openat-relative form of such a
 * path: the directory that holds its last component, opened one component
 * at a time, so the caller can use openat()/fstatat(). libc only.
 */
#ifndef LS_PATH_H
#define LS_PATH_H

/* A directory fd for path's parent and its last component in *last:
 * AT_FDCWD and path itself when the path is short enough for one system
 * call; -1 with errno on failure. Release with ls_path_done(). Intermediate
 * components are resolved as open() would (symlinks among them followed). */
int ls_path_at(const char *path, const char **last);
void ls_path_done(int dfd);

#endif
