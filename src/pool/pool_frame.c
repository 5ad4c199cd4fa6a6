/* The pipe protocol between supervisor and workers (pool_int.h). */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "manifest/summary.h"
#include "pipeline/splitset.h"
#include "pool/pool_int.h"

static void put_hdr(uint8_t hdr[POOL_HDR], uint8_t type, size_t len)
{
    uint32_t n = (uint32_t)len;
    hdr[0] = (uint8_t)n;
    hdr[1] = (uint8_t)(n >> 8);
    hdr[2] = (uint8_t)(n >> 16);
    hdr[3] = (uint8_t)(n >> 24);
    hdr[4] = type;
}

/* How long a full socket may keep a writer waiting: the supervisor's end
 * is non-blocking, and a task's path can be larger than the socket's buffer
 * (a directory chain past PATH_MAX: hundreds of KB); an idle worker reads
 * it at once, one that does not in this time is broken. */
#define POOL_WRITE_WAIT_MS 30000

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* writev until everything is out (the iovecs are consumed); a full socket
 * is waited for, POOL_WRITE_WAIT_MS in all. */
static int writev_all(int fd, struct iovec *iov, int n)
{
    long long deadline = -1;
    while (n > 0) {
        ssize_t w = writev(fd, iov, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            long long now = now_ms();
            if (deadline < 0) deadline = now + POOL_WRITE_WAIT_MS;
            if (now >= deadline) return -1;
            struct pollfd pf = {.fd = fd, .events = POLLOUT};
            int r = poll(&pf, 1, (int)(deadline - now));
            if (r < 0 && errno == EINTR) continue; /* the deadline stands */
            if (r <= 0 || !(pf.revents & POLLOUT)) return -1;
            continue;
        }
        if (w <= 0) return -1;
        size_t left = (size_t)w;
        while (n > 0 && left >= iov->iov_len) {
            left -= iov->iov_len;
            iov++;
            n--;
        }
        if (n > 0) {
            iov->iov_base = (uint8_t *)iov->iov_base + left;
            iov->iov_len -= left;
        }
    }
    return 0;
}

int pool_send_frame(int sock, uint8_t type, const void *body, size_t len)
{
    if (len > LS_POOL_MAX_FRAME) return -1;
    uint8_t hdr[POOL_HDR];
    put_hdr(hdr, type, len);
    struct iovec iov[2] = {{hdr, POOL_HDR}, {(void *)body, len}};
    return writev_all(sock, iov, len ? 2 : 1);
}

int pool_send_raw(int sock, const void *p, size_t len)
{
    struct iovec iov[1] = {{(void *)p, len}};
    return writev_all(sock, iov, 1);
}

/* sendmsg the frame header with fd attached (fd < 0: none); a full socket
 * is waited for (POOL_WRITE_WAIT_MS). The header is 5 bytes; a short send
 * is finished without the descriptor, which rode on the first byte. */
static int send_hdr_fd(int sock, const uint8_t hdr[POOL_HDR], int fd)
{
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {(void *)hdr, POOL_HDR};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    if (fd >= 0) {
        m.msg_control = ctl.buf;
        m.msg_controllen = sizeof ctl.buf;
        struct cmsghdr *c = CMSG_FIRSTHDR(&m);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &fd, sizeof fd);
    }
    long long deadline = -1;
    ssize_t w;
    for (;;) {
        w = sendmsg(sock, &m, MSG_NOSIGNAL);
        if (w >= 0) break;
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
        long long now = now_ms();
        if (deadline < 0) deadline = now + POOL_WRITE_WAIT_MS;
        if (now >= deadline) return -1;
        struct pollfd pf = {.fd = sock, .events = POLLOUT};
        int r = poll(&pf, 1, (int)(deadline - now));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0 || !(pf.revents & POLLOUT)) return -1;
    }
    if ((size_t)w < POOL_HDR) {
        struct iovec rest[1] = {{(void *)(hdr + w), POOL_HDR - (size_t)w}};
        if (writev_all(sock, rest, 1) != 0) return -1;
    }
    return 0;
}

int pool_send_fd_frame(int sock, uint8_t type, int fd, const void *body, size_t len)
{
    if (len > LS_POOL_MAX_FRAME) return -1;
    uint8_t hdr[POOL_HDR];
    put_hdr(hdr, type, len);
    if (send_hdr_fd(sock, hdr, fd) != 0) return -1;
    struct iovec iov[1] = {{(void *)body, len}};
    return len ? writev_all(sock, iov, 1) : 0;
}

int pool_send_task(int sock, int fd, const char *path, const struct pool_sib *sib)
{
    size_t plen = strlen(path), len = plen;
    bool with = sib && sib->name && sib->name[0];
    size_t nlen = with ? strlen(sib->name) : 0;
    if (with) len += 2 + nlen + sib->data.len;
    if (plen > LS_POOL_MAX_FRAME || len > LS_POOL_MAX_FRAME) return -1;
    uint8_t hdr[POOL_HDR];
    put_hdr(hdr, POOL_T_TASK, len);
    if (send_hdr_fd(sock, hdr, fd) != 0) return -1;
    static const char nul[1] = {0};
    struct iovec body[5] = {{(void *)path, plen}, {(void *)nul, 1}, {(void *)(with ? sib->name : ""), nlen},
                            {(void *)nul, 1}, {(void *)(with && sib->data.len ? sib->data.ptr : (const uint8_t *)""),
                                               with ? sib->data.len : 0}};
    return len ? writev_all(sock, body, with ? 5 : 1) : 0;
}

static int read_full(int fd, uint8_t *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        got += (size_t)r;
    }
    return 0;
}

/* recvmsg the header; the descriptor arrives with its first byte. */
static ssize_t recv_hdr(int sock, uint8_t hdr[POOL_HDR], int *fd)
{
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    struct iovec iov = {hdr, POOL_HDR};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = sizeof ctl.buf};
    ssize_t r;
    do {
        r = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);
    } while (r < 0 && errno == EINTR);
    if (r <= 0) return r;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
            c->cmsg_len == CMSG_LEN(sizeof(int)))
            memcpy(fd, CMSG_DATA(c), sizeof *fd);
    if (r < (ssize_t)POOL_HDR && read_full(sock, hdr + r, POOL_HDR - (size_t)r) != 0) return -1;
    return POOL_HDR;
}

void pool_split_init(struct pool_split *s)
{
    memset(s, 0, sizeof *s);
}

void pool_split_clear(struct pool_split *s)
{
    for (unsigned i = 0; i < s->n; i++)
        if (s->fds[i] >= 0) close(s->fds[i]);
    free(s->fds);
    free(s->names);
    free(s->set_path);
    pool_split_init(s);
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A frame that comes before a task ('S', 'P', 'L'): body of len bytes,
 * pfd its descriptor (taken over). 0, or -1: protocol error. */
static int on_pre_frame(int sock, uint8_t type, uint32_t len, int *pfd, struct pool_split *sp)
{
    uint8_t small[1024 + 8];
    if (type == POOL_T_PART) {
        if (*pfd < 0 || len == 0 || len > 255 || sp->set || sp->later || sp->n >= LS_SPLIT_MAX_PARTS) return -1;
        if (sp->n == sp->cap) {
            unsigned nc = sp->cap ? sp->cap * 2 : 16;
            int *f = realloc(sp->fds, nc * sizeof *f);
            if (!f) return -1;
            sp->fds = f;
            char(*nm)[256] = realloc(sp->names, nc * sizeof *nm);
            if (!nm) return -1;
            sp->names = nm;
            sp->cap = nc;
        }
        if (read_full(sock, (uint8_t *)sp->names[sp->n], len) != 0) return -1;
        sp->names[sp->n][len] = 0;
        sp->fds[sp->n++] = *pfd;
        *pfd = -1;
        return 0;
    }
    if (*pfd >= 0 || sp->set || sp->later) return -1;
    if (type == POOL_T_SET) {
        if (sp->n == 0 || len < 5 || len > sizeof sp->note + 4 || read_full(sock, small, len) != 0) return -1;
        sp->set = true;
        sp->root_part = le32(small);
        sp->note_limit = small[4] != 0;
        memcpy(sp->note, small + 5, len - 5);
        sp->note[len - 5] = 0;
        return 0;
    }
    if (type == POOL_T_LATER) {
        if (sp->n || len < 9 || len > LS_POOL_MAX_FRAME || read_full(sock, small, 8) != 0) return -1;
        sp->later = true;
        sp->part = le32(small);
        sp->parts = le32(small + 4);
        sp->set_path = malloc(len - 8 + 1);
        if (!sp->set_path || read_full(sock, (uint8_t *)sp->set_path, len - 8) != 0) return -1;
        sp->set_path[len - 8] = 0;
        return 0;
    }
    return -1;
}

int pool_recv_task(int sock, int *fd, char **path, struct pool_sib *sib, struct pool_split *sp)
{
    uint8_t hdr[POOL_HDR];
    *fd = -1;
    *path = NULL;
    sib->name = "";
    sib->data = ls_slice_make(NULL, 0);
    pool_split_init(sp);
    ssize_t r;
    uint32_t len;
    for (;;) {
        r = recv_hdr(sock, hdr, fd);
        if (r == 0 && !sp->set && !sp->later && sp->n == 0) return 0;
        if (r <= 0) goto bad;
        len = le32(hdr);
        if (hdr[4] == POOL_T_TASK) break;
        if (on_pre_frame(sock, hdr[4], len, fd, sp) != 0) goto bad;
    }
    if (r < 0 || *fd < 0 || len > LS_POOL_MAX_FRAME || sp->set != (sp->n > 0)) goto bad;
    *path = malloc((size_t)len + 1);
    if (!*path || read_full(sock, (uint8_t *)*path, len) != 0) goto bad;
    (*path)[len] = 0;
    struct ls_slice b = ls_slice_make(*path, len);
    size_t z1 = ls_slice_find(b, 0, "", 1);
    if (z1 != SIZE_MAX) { /* path NUL name NUL bytes */
        size_t z2 = ls_slice_find(b, z1 + 1, "", 1);
        if (z2 == SIZE_MAX || z2 == z1 + 1 || !ls_slice_from(b, z2 + 1, &sib->data)) goto bad;
        sib->name = *path + z1 + 1;
    }
    return 1;
bad:
    if (*fd >= 0) close(*fd);
    pool_split_clear(sp);
    free(*path);
    *fd = -1;
    *path = NULL;
    return -1;
}

/* A 'Q' body: u8 kind, u32le line length, the line, the digest. The
 * digest must be well-formed whole and of the record's kind, and the line
 * must open as a record of that kind does (src/pipeline/record.c): a
 * worker cannot have its line written and a different record's fields
 * counted. A worker may still lie in both (as it may in a line alone):
 * the summary then counts what it claims, never more than its frame
 * holds, and its names are escaped when written. */
int pool_recsum_split(struct ls_slice body, struct ls_slice *line, struct ls_slice *dig)
{
    static const char obj[] = "{\"record\":\"object\",", done[] = "{\"record\":\"root_done\",";
    struct ls_cursor c = ls_cur_make(body);
    uint8_t kind;
    uint32_t n;
    bool ok = ls_cur_u8(&c, &kind) == LS_OK && ls_cur_u32le(&c, &n) == LS_OK && ls_cur_take(&c, n, line) == LS_OK &&
              ls_cur_take(&c, ls_cur_left(&c), dig) == LS_OK;
    if (!ok) return -1;
    int dk = ls_summary_digest_kind(*dig);
    const char *head = kind == LS_REC_OBJECT ? obj : kind == LS_REC_ROOT_DONE ? done : NULL;
    if (!head || dk != (kind == LS_REC_OBJECT ? LS_SUMDIG_OBJECT : LS_SUMDIG_DONE)) return 0;
    size_t hl = strlen(head);
    if (line->len < hl || memcmp(line->ptr, head, hl) != 0) return 0;
    return 1;
}
