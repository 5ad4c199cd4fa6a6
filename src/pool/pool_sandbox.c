/*
 * The worker sandbox: resource limits, then a seccomp allow-list
 * (libseccomp). The only file in the tree that includes <seccomp.h>.
 * docs/sandbox.md lists every allowed call and why.
 *
 * Default action: SCMP_ACT_KILL_PROCESS — a call not on the list kills the
 * worker (SIGSYS) and only the worker; the supervisor records the root as
 * worker_crash. open/openat/openat2 fail with EACCES instead (workers get
 * their input as descriptors; libraries that probe files lazily — iconv
 * modules, OpenSSL configuration, locale data — then fail softly instead
 * of costing the root), except openat with O_TMPFILE, which creates an
 * unnamed file for spilling huge members (src/unpack/unpack_sink.c) and can
 * never be given a name (linkat is not allowed).
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "pool/pool_int.h"

/* Calls a worker needs, found by running the test inputs and the benchmark
 * corpus under strace -f -c (docs/sandbox.md). */
static const int allowed[] = {
    /* I/O on descriptors it already holds (its socket, the root, spill files) */
    SCMP_SYS(read), SCMP_SYS(pread64), SCMP_SYS(readv), SCMP_SYS(preadv),
    SCMP_SYS(write), SCMP_SYS(writev), SCMP_SYS(pwrite64), SCMP_SYS(lseek),
    SCMP_SYS(close), SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(statx),
    SCMP_SYS(fcntl), SCMP_SYS(ftruncate), SCMP_SYS(fadvise64),
    SCMP_SYS(recvmsg), SCMP_SYS(sendmsg), SCMP_SYS(recvfrom), SCMP_SYS(sendto),
    SCMP_SYS(memfd_create),
    /* memory */
    SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap),
    SCMP_SYS(mprotect), SCMP_SYS(madvise),
    /* time, randomness, identity */
    SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday), SCMP_SYS(time),
    SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep), SCMP_SYS(getrandom),
    SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(getppid),
    /* glibc's qsort() asks sysinfo() for the physical memory size before
     * choosing its merge-sort buffer (libarchive, libxml2 and the PDF
     * handler sort); it only reads counters. Found on real PDFs. */
    SCMP_SYS(sysinfo),
    /* threads and signals inside the process (abort() raises SIGABRT) */
    SCMP_SYS(futex), SCMP_SYS(sched_yield), SCMP_SYS(rt_sigreturn),
    SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigaction), SCMP_SYS(sigaltstack),
    SCMP_SYS(getrlimit),
    SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(restart_syscall),
#ifdef LEAKSIFT_SANITIZED
    /* ASan/UBSan report through these (/proc/self/maps is read with open,
     * which stays denied: reports then lack module names). */
    SCMP_SYS(readlink), SCMP_SYS(readlinkat), SCMP_SYS(getrusage), SCMP_SYS(sched_getaffinity),
    SCMP_SYS(ioctl), SCMP_SYS(prctl),
#endif
};

static int set_limit(int res, uint64_t v, const char *name, char *err, size_t errlen)
{
    struct rlimit rl = {(rlim_t)v, (rlim_t)v};
    struct rlimit cur;
    /* Never try to raise a hard limit the supervisor was given. */
    if (getrlimit(res, &cur) == 0 && cur.rlim_max != RLIM_INFINITY && rl.rlim_max > cur.rlim_max)
        rl.rlim_cur = rl.rlim_max = cur.rlim_max;
    if (setrlimit(res, &rl) == 0) return 0;
    snprintf(err, errlen, "setrlimit(%s): %s", name, strerror(errno));
    return -1;
}

static int set_limits(const struct pool_child_cfg *cfg, char *err, size_t errlen)
{
    if (cfg->as_limit && set_limit(RLIMIT_AS, cfg->as_limit, "RLIMIT_AS", err, errlen)) return -1;
    if (set_limit(RLIMIT_FSIZE, cfg->fsize_limit, "RLIMIT_FSIZE", err, errlen)) return -1;
    if (set_limit(RLIMIT_NOFILE, cfg->nofile, "RLIMIT_NOFILE", err, errlen)) return -1;
    return set_limit(RLIMIT_CORE, 0, "RLIMIT_CORE", err, errlen);
}

/* kill/tgkill only towards itself (abort() uses tgkill). */
static int add_self_signals(scmp_filter_ctx f)
{
    pid_t me = getpid();
    int rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
                              SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)me));
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(kill), 1,
                              SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)me));
    /* prlimit64 only to read its own limits (glibc's getrlimit). */
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 2,
                              SCMP_A0(SCMP_CMP_EQ, 0), SCMP_A2(SCMP_CMP_EQ, 0));
    return rc;
}

/* openat: allowed only with O_TMPFILE (both of its bits); EACCES otherwise. */
static int add_open_rules(scmp_filter_ctx f)
{
    const scmp_datum_t tmp = O_TMPFILE, bit_a = O_TMPFILE & ~O_DIRECTORY, bit_b = O_DIRECTORY;
    int rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1,
                              SCMP_A2(SCMP_CMP_MASKED_EQ, tmp, tmp));
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                              SCMP_A2(SCMP_CMP_MASKED_EQ, bit_a, 0));
    if (rc == 0)
        rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                              SCMP_A2(SCMP_CMP_MASKED_EQ, bit_b, 0));
    if (rc == 0) rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 0);
    if (rc == 0) rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(creat), 0);
    if (rc == 0) rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(openat2), 0);
    return rc;
}

static int load_filter(char *err, size_t errlen)
{
    scmp_filter_ctx f = seccomp_init(SCMP_ACT_KILL_PROCESS);
    if (!f) {
        snprintf(err, errlen, "seccomp_init failed");
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof allowed / sizeof allowed[0]; i++)
        rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, allowed[i], 0);
    if (rc == 0) rc = add_self_signals(f);
    if (rc == 0) rc = add_open_rules(f);
    if (rc == 0) rc = seccomp_load(f);
    if (rc != 0) snprintf(err, errlen, "cannot install the seccomp filter: %s", strerror(-rc));
    seccomp_release(f);
    return rc == 0 ? 0 : -1;
}

int pool_sandbox_enter(const struct pool_child_cfg *cfg, char *err, size_t errlen)
{
    if (cfg->no_sandbox) return 0;
    if (set_limits(cfg, err, errlen) != 0) return -1;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        snprintf(err, errlen, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
        return -1;
    }
    return load_filter(err, errlen);
}
