/* Split archives on disk: names and probing (splitset.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libdeflate.h>
#include <unistd.h>

#include "core/ls_core.h"
#include "pipeline/splitset.h"

static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static bool is_lower(char ch) { return ch >= 'a' && ch <= 'z'; }
static char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch; }

/* The number in s[0..n) (all digits, n <= 4). */
static unsigned num_of(const char *s, size_t n)
{
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (unsigned)(s[i] - '0');
    return v;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i])) return false;
    return n > 0;
}

static bool ieq(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n != l) return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != lit[i]) return false;
    return true;
}

/* "S.partN.rar": the dot before "part" at *dot. */
static bool rar_part(const char *b, size_t dot_ext, size_t *dot, unsigned *num, unsigned *width)
{
    size_t i = dot_ext;
    while (i > 0 && is_digit(b[i - 1])) i--;
    size_t nd = dot_ext - i;
    if (nd < 1 || nd > 4 || i < 6 || !ieq(b + i - 4, 4, "part") || b[i - 5] != '.') return false;
    *num = num_of(b + i, nd);
    *width = (unsigned)nd;
    *dot = i - 5;
    return *num >= 1;
}

/* ext (3 bytes) into o->ext as written */
static void set_ext(struct ls_split_name *o, const char *e)
{
    memcpy(o->ext, e, 3);
    o->ext[3] = 0;
}

bool ls_split_parse(const char *b, size_t len, struct ls_split_name *o)
{
    memset(o, 0, sizeof *o);
    size_t dot = len;
    while (dot > 0 && b[dot - 1] != '.') dot--;
    if (dot < 2 || dot >= len) return false; /* no dot, a name that is only ".ext", or "x." */
    dot--;                                   /* the dot itself */
    const char *e = b + dot + 1;
    size_t el = len - dot - 1;
    o->stem_len = dot;
    if (ieq(e, el, "rar")) {
        size_t d2;
        unsigned num, w;
        if (rar_part(b, dot, &d2, &num, &w)) {
            o->scheme = LS_SPLIT_RAR, o->stem_len = d2, o->index = num, o->width = w;
            return true;
        }
        /* unrar names the next volume by the .rar's first letter: x.RAR, x.R00 */
        o->scheme = LS_SPLIT_RAROLD, o->index = 0, o->ch = e[0] == 'R' ? 'R' : 'r';
        set_ext(o, e);
        return true;
    }
    if (el == 3 && lower(e[0]) == 'r' && all_digits(e + 1, 2)) {
        o->scheme = LS_SPLIT_RAROLD, o->index = num_of(e + 1, 2) + 1, o->width = 2, o->ch = e[0];
        return true;
    }
    if (ieq(e, el, "zip")) {
        o->scheme = LS_SPLIT_ZIP, o->index = 0;
        set_ext(o, e);
        return true;
    }
    if ((el == 3 || el == 4) && lower(e[0]) == 'z' && all_digits(e + 1, el - 1)) {
        o->scheme = LS_SPLIT_ZIP, o->index = num_of(e + 1, el - 1), o->width = (unsigned)el - 1, o->ch = e[0];
        return o->index >= 1;
    }
    if (el >= 2 && el <= 4 && all_digits(e, el)) {
        o->scheme = LS_SPLIT_NUM, o->index = num_of(e, el), o->width = (unsigned)el;
        return true;
    }
    /* split(1) given the prefix "S.part": S.part00 (-d), S.part1 (-d -a 1
     * --numeric-suffixes=1), S.partaa (-b); "part" names the suffix a
     * part's, so one digit is enough (S.1 alone is log rotation) */
    if (el > 4 && ieq(e, 4, "part")) {
        e += 4, el -= 4;
        o->plen = 4;
        if (el <= 4 && all_digits(e, el)) {
            o->scheme = LS_SPLIT_NUM, o->index = num_of(e, el), o->width = (unsigned)el;
            return true;
        }
    }
    if (el == 2 || el == 3) {
        unsigned v = 0;
        for (size_t i = 0; i < el; i++) {
            if (!is_lower(e[i])) return false;
            v = v * 26 + (unsigned)(e[i] - 'a');
        }
        o->scheme = LS_SPLIT_ALPHA, o->index = v, o->width = (unsigned)el;
        return true;
    }
    return false;
}

bool ls_split_make(const char *b, const struct ls_split_name *n, unsigned index, char *out, size_t cap)
{
    char suf[40];
    size_t len = strlen(b);
    int k = -1;
    if (len < n->stem_len + 1 + n->plen) return false;
    const char *pre = b + n->stem_len + 1; /* "part" of S.part01, as written */
    switch (n->scheme) {
    case LS_SPLIT_NUM: k = snprintf(suf, sizeof suf, ".%.*s%0*u", (int)n->plen, pre, (int)n->width, index); break;
    case LS_SPLIT_ALPHA: {
        unsigned lim = n->width == 2 ? 26u * 26u : 26u * 26u * 26u, v = index;
        if (index >= lim || (n->width != 2 && n->width != 3)) return false;
        suf[0] = '.';
        memcpy(suf + 1, pre, n->plen);
        char *d = suf + 1 + n->plen;
        for (unsigned i = n->width; i > 0; i--, v /= 26) d[i - 1] = (char)('a' + v % 26);
        d[n->width] = 0;
        k = (int)(1 + n->plen + n->width);
        break;
    }
    case LS_SPLIT_ZIP: {
        char ch = n->ch ? n->ch : 'z';
        if (index == 0) k = snprintf(suf, sizeof suf, ".%s", n->ext[0] ? n->ext : ch == 'Z' ? "ZIP" : "zip");
        else k = snprintf(suf, sizeof suf, ".%c%02u", ch, index);
        break;
    }
    case LS_SPLIT_RAR: {
        /* the case of "part" and "rar" as in the name */
        if (len < n->stem_len + 9) return false;
        k = snprintf(suf, sizeof suf, ".%.4s%0*u.%.3s", &b[n->stem_len + 1], (int)n->width, index, &b[len - 3]);
        break;
    }
    case LS_SPLIT_RAROLD: {
        char ch = n->ch ? n->ch : 'r';
        if (index == 0) k = snprintf(suf, sizeof suf, ".%s", n->ext[0] ? n->ext : ch == 'R' ? "RAR" : "rar");
        else if (index <= 100) k = snprintf(suf, sizeof suf, ".%c%02u", ch, index - 1);
        break;
    }
    default: break;
    }
    if (k < 0 || (size_t)k >= sizeof suf || n->stem_len + (size_t)k + 1 > cap) return false;
    memcpy(out, b, n->stem_len);
    memcpy(out + n->stem_len, suf, (size_t)k + 1);
    return true;
}

/* ---- probing ---- */

void ls_split_cache_init(struct ls_split_cache *k)
{
    memset(k, 0, sizeof *k);
    k->dirfd = -1;
}

void ls_split_cache_free(struct ls_split_cache *k)
{
    if (k->dirfd >= 0) close(k->dirfd);
    free(k->dir);
    free(k->plan.names);
    free(k->plan.sizes);
    ls_split_cache_init(k);
}

/* The directory of path as a descriptor, cached. */
static int dir_fd(struct ls_split_cache *k, const char *path, size_t dlen)
{
    if (k->dir && strlen(k->dir) == dlen && memcmp(k->dir, path, dlen) == 0) return k->dirfd;
    if (k->dirfd >= 0) close(k->dirfd);
    free(k->dir);
    k->have = false;
    k->dirfd = -1;
    k->dir = malloc(dlen + 1);
    if (!k->dir) return -1;
    memcpy(k->dir, path, dlen);
    k->dir[dlen] = 0;
    k->dirfd = open(dlen ? k->dir : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dlen == 0) k->dir[0] = 0;
    return k->dirfd;
}

/* Size of the regular file `name` in dfd; -1: absent, a symlink, not a file. */
static int64_t probe(int dfd, const char *name)
{
    struct stat sb;
    if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode)) return -1;
    return (int64_t)sb.st_size;
}

/* The index of position pos (1-based, byte order) of a set; for zip the
 * .zip is not listed here (it follows the zNN parts). */
static unsigned index_at(const struct ls_split_name *n, unsigned base, unsigned pos)
{
    switch (n->scheme) {
    case LS_SPLIT_NUM: return base + pos - 1;
    case LS_SPLIT_ALPHA: return pos - 1;
    case LS_SPLIT_RAROLD: return pos - 1; /* 0: .rar, 1: .r00 ... */
    default: return pos;                  /* zip zNN, rar partN */
    }
}

static bool plan_add(struct ls_split_plan *p, unsigned cap, const char *name, int64_t size)
{
    if (p->n >= cap) return false;
    snprintf(p->names[p->n], sizeof p->names[p->n], "%s", name);
    p->sizes[p->n] = (uint64_t)size;
    p->n++;
    return true;
}

/* Past a missing name at pos: does any of the next few exist? */
static bool gap_before_more(int dfd, const char *b, const struct ls_split_name *n, unsigned base, unsigned pos)
{
    char name[LS_SPLIT_NAME_MAX + 1];
    for (unsigned q = pos + 1; q <= pos + LS_SPLIT_GAP_PROBE; q++)
        if (ls_split_make(b, n, index_at(n, base, q), name, sizeof name) && probe(dfd, name) >= 0) return true;
    return false;
}

/* Sizes: every part but the last as large as the first, the last no larger.
 * A part that breaks this ends the set there (it is read, as far as it goes). */
static void check_sizes(struct ls_split_plan *p)
{
    uint64_t s = p->sizes[0];
    for (unsigned j = 1; j < p->n; j++) {
        bool last = j + 1 == p->n;
        if (last ? p->sizes[j] <= s : p->sizes[j] == s) continue;
        if (last && p->sizes[j] > s) {
            /* a larger last file: no part of this set (two such files: no set) */
            p->n = j;
            if (j == 1) return;
            snprintf(p->note, sizeof p->note, "part %u (%s) is larger than the parts before it (%llu bytes, not %llu): "
                     "not read as a part of the set", j + 1, p->names[j], (unsigned long long)p->sizes[j],
                     (unsigned long long)s);
            return;
        }
        snprintf(p->note, sizeof p->note, "part %u (%s) is %llu bytes, the parts before it %llu: a cut or "
                 "foreign part, the set is read up to its end", j + 1, p->names[j],
                 (unsigned long long)p->sizes[j], (unsigned long long)s);
        p->n = j + 1;
        return;
    }
}

static void set_total(struct ls_split_plan *p)
{
    p->total = 0;
    for (unsigned j = 0; j < p->n; j++) /* saturated: sparse parts can sum past 2^64 */
        p->total = p->sizes[j] > UINT64_MAX - p->total ? UINT64_MAX : p->total + p->sizes[j];
}

/* The first up to cap bytes of the regular file name in dfd (opened
 * without following links); their count (0: none). */
static size_t read_head(int dfd, const char *name, uint8_t *h, size_t cap)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return 0;
    struct stat sb;
    size_t n = 0;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
        while (n < cap) {
            ssize_t r = pread(fd, h + n, cap - n, (off_t)n);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            n += (size_t)r;
        }
    }
    close(fd);
    return n;
}

/* The octal number of a tar header field (digits after leading spaces,
 * up to a space or NUL); false if anything else is in it. */
static bool tar_octal(const uint8_t *f, size_t len, uint64_t *v)
{
    size_t i = 0;
    *v = 0;
    while (i < len && f[i] == ' ') i++;
    size_t d = i;
    while (i < len && f[i] >= '0' && f[i] <= '7') *v = *v * 8 + (uint64_t)(f[i++] - '0');
    if (i == d) return false;
    for (; i < len; i++)
        if (f[i] != ' ' && f[i] != 0) return false;
    return true;
}

/* A tar header without "ustar" (Version 7 tar, old GNU and BSD tars):
 * a name, octal mode, size and checksum fields, and the checksum (the
 * header's byte sum, its own field as spaces; unsigned or signed, as
 * old tars summed) matching. */
static bool v7_tar(const uint8_t *h, size_t n)
{
    uint64_t mode, size, sum;
    if (n < 512 || h[0] == 0 || !tar_octal(h + 100, 8, &mode) || !tar_octal(h + 124, 12, &size) ||
        !tar_octal(h + 148, 8, &sum))
        return false;
    uint64_t us = 0;
    int64_t ss = 0;
    for (size_t i = 0; i < 512; i++) {
        uint8_t c = i >= 148 && i < 156 ? ' ' : h[i];
        us += c;
        ss += (int8_t)c;
    }
    return us == sum || (ss >= 0 && (uint64_t)ss == sum);
}

/* An mbox's first line: "From " + sender, a time of day (h:mm) on the
 * line, and a header field ("Name: ") on the next (docs/formats.md, mbox). */
static bool mbox_start(const uint8_t *h, size_t n)
{
    if (n < 8 || memcmp(h, "From ", 5) != 0 || h[5] == ' ' || h[5] == '\n') return false;
    size_t eol = 5;
    while (eol < n && h[eol] != '\n') eol++;
    if (eol >= n || eol > 1000) return false;
    bool time = false;
    for (size_t j = 5; j + 3 < eol && !time; j++)
        time = h[j] >= '0' && h[j] <= '9' && h[j + 1] == ':' && h[j + 2] >= '0' && h[j + 2] <= '9' &&
               h[j + 3] >= '0' && h[j + 3] <= '9';
    size_t j = eol + 1;
    while (j < n && j - eol < 80 && h[j] > 32 && h[j] < 127 && h[j] != ':') j++;
    return time && j > eol + 1 && j < n && h[j] == ':';
}

/*
 * Does the file start as an archive, a compressed stream or a container
 * does? Byte splits (S.001, S.aa) are joined only then: generic numbered
 * names are also rotated logs, numbered exports and chunks of anything
 * ("t.aa" and "t.ab", "x.000" and "x.001" whose last is smaller), which
 * read right each on its own and wrong as one file. The zip and RAR
 * schemes name their archive type, so they need no such check. The
 * supervisor reads the first 36 KiB of the first part here (a regular
 * file opened without following links; nothing is parsed past fixed
 * signatures and a tar header's checksum).
 *
 * An mbox is the one text format joined (LS_SPLIT_START_MBOX): split -b of a
 * mailbox cuts a message in two, and the part that starts mid-message
 * is no mailbox of its own; the caller joins it only when the second
 * part does not start as a mailbox itself (mailboxes numbered one a
 * file, rotated or split at a message boundary, read whole alone).
 */
enum ls_split_start ls_split_head(const uint8_t *h, size_t n)
{
    static const struct {
        size_t off;
        const char *sig;
        size_t len;
    } sigs[] = {
        {0, "7z\xBC\xAF\x27\x1C", 6},    /* 7z (7z -v, HJSplit of a .7z) */
        {0, "PK\x03\x04", 4},              /* zip */
        {0, "PK\x07\x08", 4},              /* zip -s spanning signature */
        {0, "PK00", 4},                     /* one-part "split" zip marker */
        {0, "Rar!\x1A\x07", 6},            /* RAR 4/5 */
        {0, "\x1F\x8B", 2},                /* gzip */
        {0, "\x1F\x9D", 2},                /* compress (.Z) */
        {0, "BZh", 3},                      /* bzip2 */
        {0, "\xFD" "7zXZ\x00", 6},          /* xz */
        {0, "\x28\xB5\x2F\xFD", 4},        /* zstd */
        {0, "\x04\x22\x4D\x18", 4},        /* lz4 frame */
        {0, "LZIP", 4},                     /* lzip */
        {0, "MSCF", 4},                     /* cab */
        {0, "xar!", 4},                     /* xar */
        {0, "MSWIM\x00\x00\x00", 8},        /* WIM */
        {0, "070701", 6},                   /* cpio (newc) */
        {0, "070707", 6},                   /* cpio (odc) */
        {0, "!BDN", 4},                     /* Outlook PST/OST */
        {0, "\x60\xEA", 2},                /* ARJ */
        {257, "ustar", 5},                  /* tar */
        {32769, "CD001", 5},                /* ISO 9660 */
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (n >= sigs[i].off + sigs[i].len && memcmp(h + sigs[i].off, sigs[i].sig, sigs[i].len) == 0)
            return LS_SPLIT_START_ARCHIVE;
    if (v7_tar(h, n)) return LS_SPLIT_START_ARCHIVE;
    if (mbox_start(h, n)) return LS_SPLIT_START_MBOX;
    return LS_SPLIT_START_NONE;
}

/* ---- a byte split whose next part starts a new archive ---- */

static bool zeros_from(struct ls_slice s, size_t at);

/* The format of a byte split's first part, for ls_split_starts_anew(). */
enum split_fmt {
    SF_NONE = 0, SF_GZIP, SF_BZIP2, SF_XZ, SF_ZSTD, SF_LZ4, SF_LZIP, SF_COMPRESS, SF_TAR, SF_CPIO_NEWC,
    SF_CPIO_ODC, SF_ZIP, SF_RAR, SF_XAR,
    SF_N
};

static bool starts(const uint8_t *h, size_t n, const char *sig, size_t len)
{
    return n >= len && memcmp(h, sig, len) == 0;
}

static enum split_fmt split_fmt_of(const uint8_t *h, size_t n)
{
    if (starts(h, n, "\x1F\x8B", 2)) return SF_GZIP;
    if (starts(h, n, "BZh", 3)) return SF_BZIP2;
    if (starts(h, n, "\xFD" "7zXZ\x00", 6)) return SF_XZ;
    if (starts(h, n, "\x28\xB5\x2F\xFD", 4)) return SF_ZSTD;
    if (starts(h, n, "\x04\x22\x4D\x18", 4)) return SF_LZ4;
    if (starts(h, n, "LZIP", 4)) return SF_LZIP;
    if (starts(h, n, "\x1F\x9D", 2)) return SF_COMPRESS;
    if (starts(h, n, "070701", 6) || starts(h, n, "070702", 6)) return SF_CPIO_NEWC;
    if (starts(h, n, "070707", 6)) return SF_CPIO_ODC;
    if (starts(h, n, "PK\x03\x04", 4)) return SF_ZIP;
    if (starts(h, n, "Rar!\x1A\x07", 6)) return SF_RAR;
    if (starts(h, n, "xar!", 4)) return SF_XAR;
    if ((n >= 262 && memcmp(h + 257, "ustar", 5) == 0) || v7_tar(h, n)) return SF_TAR;
    return SF_NONE;
}

static bool all_of(const uint8_t *h, size_t n, bool (*ok)(uint8_t))
{
    for (size_t i = 0; i < n; i++)
        if (!ok(h[i])) return false;
    return true;
}
/* The big-endian number in s at off (len bytes, at most 8); false past its end. */
static bool rd_be(struct ls_slice s, size_t off, size_t len, uint64_t *v)
{
    struct ls_slice f;
    *v = 0;
    if (len > 8 || !ls_slice_sub(s, off, len, &f)) return false;
    for (size_t i = 0; i < len; i++) *v = *v << 8 | f.ptr[i];
    return true;
}

/* A xar header: "xar!", its size (28, more with a named checksum), version
 * 1, a table of contents of some length, a checksum algorithm 0..4. */
static bool xar_head(const uint8_t *h, size_t n)
{
    struct ls_slice s = ls_slice_make(h, n);
    uint64_t size, ver, tocz, alg;
    return starts(h, n, "xar!", 4) && rd_be(s, 4, 2, &size) && rd_be(s, 6, 2, &ver) && rd_be(s, 8, 8, &tocz) &&
           rd_be(s, 24, 4, &alg) && size >= 28 && size <= 4096 && ver == 1 && tocz > 0 && tocz < (1ull << 40) &&
           alg <= 4 && (alg == 3 || size == 28);
}

/* A zip local header whose fields a writer sets sanely: version needed
 * up to 6.3, a method zip tools write, no reserved flag bits, a name of
 * 1..1024 bytes that are all there and printable (no NUL). Stricter than
 * the 4-byte signature, for a next part of another format. */
static bool zip_local_sane(const uint8_t *h, size_t n)
{
    struct ls_slice s = ls_slice_make(h, n);
    uint16_t ver, flags, method, nlen;
    if (!starts(h, n, "PK\x03\x04", 4) || !ls_rd_u16le(s, 4, &ver) || !ls_rd_u16le(s, 6, &flags) ||
        !ls_rd_u16le(s, 8, &method) || !ls_rd_u16le(s, 26, &nlen))
        return false;
    if ((ver & 0xFF) > 63 || (flags & 0xD780u) || nlen == 0 || nlen > 1024 || (size_t)30 + nlen > n) return false;
    if (method != 0 && method != 8 && method != 9 && method != 12 && method != 14 && method != 93 &&
        method != 95 && method != 98 && method != 99)
        return false;
    for (size_t i = 30; i < (size_t)30 + nlen; i++)
        if (h[i] < 0x20 || h[i] == 0x7F) return false;
    return true;
}

static bool hexc(uint8_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool octc(uint8_t c) { return c >= '0' && c <= '7'; }

/* A whole stream's or archive's own header at next[0..nn): the magic and
 * the fields a writer sets to fixed values (reserved bits 0, a header
 * CRC right), so that a byte split's cut landing on these bytes by chance
 * is rare (2^-27 for gzip, less for the others). */
static bool head_of(enum split_fmt f, const uint8_t *h, size_t n)
{
    switch (f) {
    case SF_GZIP: /* ID1 ID2 CM=8, FLG reserved bits 0, XFL 0/2/4, OS 0..13 or 255 */
        return n >= 10 && starts(h, n, "\x1F\x8B\x08", 3) && !(h[3] & 0xE0) && (h[8] == 0 || h[8] == 2 || h[8] == 4) &&
               (h[9] <= 13 || h[9] == 255);
    case SF_BZIP2: /* "BZh" level, then a block's or the end of stream's magic */
        return n >= 10 && starts(h, n, "BZh", 3) && h[3] >= '1' && h[3] <= '9' &&
               (memcmp(h + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0 || memcmp(h + 4, "\x17\x72\x45\x38\x50\x90", 6) == 0);
    case SF_XZ: { /* stream header: magic, flags (0, check type 0..15), their CRC32 */
        uint32_t crc;
        struct ls_slice s = ls_slice_make(h, n);
        return n >= 12 && starts(h, n, "\xFD" "7zXZ\x00", 6) && h[6] == 0 && !(h[7] & 0xF0) &&
               ls_rd_u32le(s, 8, &crc) && libdeflate_crc32(0, h + 6, 2) == crc;
    }
    case SF_ZSTD: /* frame header descriptor's reserved bit 0 */
        return n >= 5 && starts(h, n, "\x28\xB5\x2F\xFD", 4) && !(h[4] & 0x08);
    case SF_LZ4: /* FLG version 01, reserved bits 0; BD block size 4..7, reserved bits 0 */
        return n >= 6 && starts(h, n, "\x04\x22\x4D\x18", 4) && (h[4] >> 6) == 1 && !(h[4] & 0x02) &&
               !(h[5] & 0x8F) && (h[5] >> 4) >= 4;
    case SF_LZIP: return n >= 6 && starts(h, n, "LZIP\x01", 5);
    case SF_COMPRESS: return n >= 3 && starts(h, n, "\x1F\x9D", 2) && !(h[2] & 0x60) && (h[2] & 0x1F) >= 9 && (h[2] & 0x1F) <= 16;
    case SF_CPIO_NEWC:
        return n >= 110 && (starts(h, n, "070701", 6) || starts(h, n, "070702", 6)) && all_of(h + 6, 104, hexc);
    case SF_CPIO_ODC: return n >= 76 && starts(h, n, "070707", 6) && all_of(h + 6, 70, octc);
    case SF_ZIP: return starts(h, n, "PK\x03\x04", 4);
    case SF_RAR: return starts(h, n, "Rar!\x1A\x07\x00", 7) || starts(h, n, "Rar!\x1A\x07\x01\x00", 8);
    case SF_TAR: return v7_tar(h, n);
    case SF_XAR: return xar_head(h, n);
    default: return false;
    }
}

/* Does next[0..nn) start a whole archive of a format other than f, by a
 * header strict enough that a byte split's cut landing there by chance is
 * rare (no compress: its 3 bytes; zip: zip_local_sane; 7z, cabinet, WIM:
 * their header's CRC or fixed fields, ls_split_declared_end)? */
static bool foreign_head(enum split_fmt f, const uint8_t *h, size_t n)
{
    for (int g = SF_NONE + 1; g < SF_N; g++) {
        if (g == (int)f || g == SF_COMPRESS || (f == SF_CPIO_NEWC && g == SF_CPIO_ODC) ||
            (f == SF_CPIO_ODC && g == SF_CPIO_NEWC))
            continue;
        if (g == SF_ZIP ? zip_local_sane(h, n) : head_of((enum split_fmt)g, h, n)) return true;
    }
    return ls_split_declared_end(h, n, false) != 0;
}

/* A cpio's trailer entry's name ("TRAILER!!!" and its NUL) in t[0..n),
 * only zero padding after it. */
static bool cpio_trailer_end(const uint8_t *t, size_t n)
{
    static const char tr[] = "TRAILER!!!";
    for (size_t i = n >= sizeof tr ? n - sizeof tr + 1 : 0; i-- > 0;)
        if (memcmp(t + i, tr, sizeof tr) == 0) return zeros_from(ls_slice_make(t, n), i + sizeof tr);
    return false;
}

/* The end of a whole archive in the last bytes t[0..n) of a part, where
 * the format marks its end (tar's two zero blocks, cpio's trailer, zip's
 * end of central directory of disk 0, RAR's end block of a last volume);
 * a compressed stream marks none (its next header alone decides). */
static bool tail_of(enum split_fmt f, const uint8_t *t, size_t n)
{
    switch (f) {
    case SF_TAR: return n >= 1024 && zeros_from(ls_slice_make(t, n), n - 1024);
    case SF_CPIO_NEWC:
    case SF_CPIO_ODC: return cpio_trailer_end(t, n);
    case SF_ZIP: return ls_split_zip_disks(t, n) == 1;
    case SF_RAR: return ls_split_rar_last(t, n);
    default: return true;
    }
}

bool ls_split_starts_anew(const uint8_t *first, size_t fn, const uint8_t *tail, size_t tn, const uint8_t *next,
                          size_t nn)
{
    enum split_fmt f = split_fmt_of(first, fn);
    return f != SF_NONE && (head_of(f, next, nn) || foreign_head(f, next, nn)) && tail_of(f, tail, tn);
}

/* A RAR 5 variable-length number at *at (at most 10 bytes). */
static bool rar5_vint(struct ls_slice s, size_t *at, uint64_t *v)
{
    *v = 0;
    for (unsigned i = 0; i < 10; i++) {
        uint8_t b;
        struct ls_slice one;
        if (!ls_slice_sub(s, *at, 1, &one)) return false;
        b = one.ptr[0];
        (*at)++;
        *v |= (uint64_t)(b & 0x7F) << (7 * i);
        if (!(b & 0x80)) return true;
    }
    return false;
}

/* Is the RAR archive in s one whole file (its main header says it is no
 * volume)? false: a volume, or not known. */
static bool rar_not_volume(struct ls_slice s)
{
    uint16_t crc16, size16, flags16;
    uint32_t crc32;
    struct ls_slice hd;
    if (ls_slice_starts(s, "Rar!\x1A\x07\x00", 7)) { /* RAR 4: the main header (0x73) after the marker */
        if (!ls_rd_u16le(s, 7, &crc16) || !ls_rd_u16le(s, 10, &flags16) || !ls_rd_u16le(s, 12, &size16) ||
            size16 < 7 || !ls_slice_sub(s, 9, (size_t)size16 - 2, &hd) || hd.ptr[0] != 0x73)
            return false;
        return (libdeflate_crc32(0, hd.ptr, hd.len) & 0xFFFFu) == crc16 && !(flags16 & 0x0001u);
    }
    if (!ls_slice_starts(s, "Rar!\x1A\x07\x01\x00", 8) || !ls_rd_u32le(s, 8, &crc32)) return false;
    size_t at = 12, body;
    uint64_t hsize, type, flags, v;
    if (!rar5_vint(s, &at, &hsize) || hsize > 4096) return false;
    body = at;
    if (!ls_slice_sub(s, 12, body - 12 + (size_t)hsize, &hd) || libdeflate_crc32(0, hd.ptr, hd.len) != crc32)
        return false;
    struct ls_slice h = ls_slice_make(hd.ptr, hd.len);
    at = body - 12;
    if (!rar5_vint(h, &at, &type) || type != 1 || !rar5_vint(h, &at, &flags)) return false;
    if ((flags & 0x0001u) && !rar5_vint(h, &at, &v)) return false; /* extra area size */
    if ((flags & 0x0002u) && !rar5_vint(h, &at, &v)) return false; /* data size */
    return rar5_vint(h, &at, &v) && !(v & 0x0001u);                /* archive flags: volume */
}

/* A cabinet's CFHEADER: reserved fields 0, version 1.3; its cbCabinet. */
static uint64_t cab_end(struct ls_slice s)
{
    uint32_t r1, cb, r2, coff, r3;
    struct ls_slice v;
    if (!ls_slice_starts(s, "MSCF", 4) || !ls_rd_u32le(s, 4, &r1) || !ls_rd_u32le(s, 8, &cb) ||
        !ls_rd_u32le(s, 12, &r2) || !ls_rd_u32le(s, 16, &coff) || !ls_rd_u32le(s, 20, &r3) ||
        !ls_slice_sub(s, 24, 2, &v))
        return 0;
    return r1 == 0 && r2 == 0 && r3 == 0 && v.ptr[0] == 3 && v.ptr[1] == 1 && cb >= 36 && coff >= 36 && coff < cb
               ? cb
               : 0;
}

/* A WIM header (208 bytes, "MSWIM\0\0\0"): the furthest end of the four
 * resources it names (a resource header: 7 bytes of size, a flag byte,
 * the offset, the original size). */
static uint64_t wim_end(struct ls_slice s)
{
    static const size_t res[] = {0x30, 0x48, 0x60, 0x7C};
    uint32_t hsize;
    uint64_t end = 0;
    if (!ls_slice_starts(s, "MSWIM\0\0\0", 8) || !ls_rd_u32le(s, 8, &hsize) || hsize != 208 || s.len < 208)
        return 0;
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++) {
        uint64_t sz, off;
        if (!ls_rd_u64le(s, res[i], &sz) || !ls_rd_u64le(s, res[i] + 8, &off)) return 0;
        sz &= 0x00FFFFFFFFFFFFFFull;
        if (!sz) continue;
        if (off < 208 || off > UINT64_MAX - sz) return 0;
        if (off + sz > end) end = off + sz;
    }
    return end;
}

/* An ISO 9660 primary volume descriptor at 32768 (type 1, "CD001",
 * version 1): its volume space size times its logical block size, each
 * both-endian field's two halves agreeing. */
static uint64_t iso_end(struct ls_slice s)
{
    struct ls_slice d;
    if (!ls_slice_sub(s, 32768, 132, &d) || memcmp(d.ptr, "\x01" "CD001\x01", 7) != 0) return 0;
    uint32_t blocks, bsize;
    uint64_t blocks_be, bsize_be;
    uint16_t b16;
    if (!ls_rd_u32le(d, 80, &blocks) || !rd_be(d, 84, 4, &blocks_be) || !ls_rd_u16le(d, 128, &b16) ||
        !rd_be(d, 130, 2, &bsize_be))
        return 0;
    bsize = b16;
    if (blocks != blocks_be || bsize != bsize_be || (bsize != 512 && bsize != 1024 && bsize != 2048) || blocks < 17)
        return 0;
    return (uint64_t)blocks * bsize;
}

uint64_t ls_split_declared_end(const uint8_t *h, size_t n, bool rar)
{
    struct ls_slice s = ls_slice_make(h, n), sh;
    if (rar) return rar_not_volume(s) ? 1 : 0;
    uint64_t e = cab_end(s);
    if (!e) e = wim_end(s);
    if (!e) e = iso_end(s);
    if (e) return e;
    uint32_t crc;
    uint64_t off, size;
    /* 7z: signature, version, start header CRC over the next 20 bytes */
    if (!ls_slice_starts(s, "7z\xBC\xAF\x27\x1C", 6) || !ls_rd_u32le(s, 8, &crc) || !ls_slice_sub(s, 12, 20, &sh) ||
        libdeflate_crc32(0, sh.ptr, sh.len) != crc || !ls_rd_u64le(s, 12, &off) || !ls_rd_u64le(s, 20, &size))
        return 0;
    if (off > UINT64_MAX - 32 || size > UINT64_MAX - 32 - off) return 0;
    return 32 + off + size;
}

static bool zeros_from(struct ls_slice s, size_t at)
{
    for (; at < s.len; at++)
        if (s.ptr[at]) return false;
    return true;
}

bool ls_split_rar_last(const uint8_t *t, size_t n)
{
    if (n > LS_SPLIT_TAIL) { /* the end block is in the last bytes: a bounded search */
        t += n - LS_SPLIT_TAIL;
        n = LS_SPLIT_TAIL;
    }
    struct ls_slice s = ls_slice_make(t, n), hd;
    for (size_t i = 0; i + 7 <= n; i++) {
        uint16_t crc16, flags16, size16;
        uint32_t crc32;
        /* RAR 4: HEAD_CRC, 0x7B, HEAD_FLAGS (0x0001: a next volume), HEAD_SIZE */
        if (t[i + 2] == 0x7B && ls_rd_u16le(s, i, &crc16) && ls_rd_u16le(s, i + 3, &flags16) &&
            ls_rd_u16le(s, i + 5, &size16) && size16 >= 7 && ls_slice_sub(s, i + 2, (size_t)size16 - 2, &hd) &&
            (libdeflate_crc32(0, hd.ptr, hd.len) & 0xFFFFu) == crc16 && zeros_from(s, i + size16))
            return !(flags16 & 0x0001u);
        /* RAR 5: CRC32, header size, type 5, header flags, end flags (0x0001: not the last volume) */
        size_t at = i + 4;
        uint64_t hsize, type, flags, v, endf;
        if (!ls_rd_u32le(s, i, &crc32) || !rar5_vint(s, &at, &hsize) || hsize < 2 || hsize > 16 ||
            !ls_slice_sub(s, i + 4, at - (i + 4) + (size_t)hsize, &hd) || libdeflate_crc32(0, hd.ptr, hd.len) != crc32 ||
            !zeros_from(s, at + (size_t)hsize))
            continue;
        struct ls_slice h = ls_slice_make(hd.ptr, hd.len);
        size_t k = at - (i + 4);
        if (!rar5_vint(h, &k, &type) || type != 5 || !rar5_vint(h, &k, &flags)) continue;
        if ((flags & 0x0001u) && !rar5_vint(h, &k, &v)) continue;
        if ((flags & 0x0002u) && !rar5_vint(h, &k, &v)) continue;
        if (!rar5_vint(h, &k, &endf)) continue;
        return !(endf & 0x0001u);
    }
    return false;
}

unsigned ls_split_zip_disks(const uint8_t *t, size_t n)
{
    if (n > LS_SPLIT_ZIP_TAIL) {
        t += n - LS_SPLIT_ZIP_TAIL;
        n = LS_SPLIT_ZIP_TAIL;
    }
    struct ls_slice s = ls_slice_make(t, n), sig;
    for (size_t i = n >= 22 ? n - 22 + 1 : 0; i-- > 0;) {
        uint16_t disk, clen;
        uint32_t total;
        if (!ls_slice_sub(s, i, 4, &sig) || memcmp(sig.ptr, "PK\x05\x06", 4) != 0 || !ls_rd_u16le(s, i + 4, &disk) ||
            !ls_rd_u16le(s, i + 20, &clen) || i + 22 + clen != n)
            continue;
        if (disk != 0xFFFF) return (unsigned)disk + 1;
        /* Zip64: the locator just before, its total number of disks */
        if (i < 20 || !ls_slice_sub(s, i - 20, 4, &sig) || memcmp(sig.ptr, "PK\x06\x07", 4) != 0 ||
            !ls_rd_u32le(s, i - 20 + 16, &total) || total == 0 || total > 65536)
            return 0;
        return (unsigned)total;
    }
    return 0;
}

/* The last up to cap bytes of the regular file name in dfd (its size as
 * probed); their count. */
static size_t read_tail_n(int dfd, const char *name, uint64_t size, uint8_t *t, size_t cap)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return 0;
    struct stat sb;
    size_t n = 0;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size == size) {
        size_t want = size < cap ? (size_t)size : cap;
        off_t at = (off_t)(size - want);
        while (n < want) {
            ssize_t r = pread(fd, t + n, want - n, at + (off_t)n);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            n += (size_t)r;
        }
    }
    close(fd);
    return n;
}

static size_t read_tail(int dfd, const char *name, uint64_t size, uint8_t *t)
{
    return read_tail_n(dfd, name, size, t, LS_SPLIT_TAIL);
}

/* A zip -s set's number of disks, from its .zip's end record (0: not known). */
static unsigned zip_disks(int dfd, const char *name, uint64_t size)
{
    uint8_t *t = malloc(LS_SPLIT_ZIP_TAIL);
    if (!t) return 0;
    unsigned d = ls_split_zip_disks(t, read_tail_n(dfd, name, size, t, LS_SPLIT_ZIP_TAIL));
    free(t);
    return d;
}

/* first[0..*fn): the file's first up to LS_SPLIT_NEXT_HEAD bytes. */
static enum ls_split_start starts_as_archive(int dfd, const char *name, uint64_t *end, uint8_t *first, size_t *fn)
{
    *end = 0;
    *fn = 0;
    uint8_t *h = malloc(LS_SPLIT_HEAD);
    if (!h) return LS_SPLIT_START_NONE;
    size_t n = read_head(dfd, name, h, LS_SPLIT_HEAD);
    enum ls_split_start st = ls_split_head(h, n);
    if (st == LS_SPLIT_START_ARCHIVE) *end = ls_split_declared_end(h, n, false);
    *fn = n < LS_SPLIT_NEXT_HEAD ? n : LS_SPLIT_NEXT_HEAD;
    memcpy(first, h, *fn);
    free(h);
    return st;
}

/* A tar's member size field (octal, or base-256 when its first byte has
 * the high bit); false if neither. */
static bool tar_size(const uint8_t *h, uint64_t *v)
{
    if (!(h[124] & 0x80)) return tar_octal(h + 124, 12, v);
    *v = 0;
    for (size_t i = 125; i < 136; i++) {
        if (*v >> 55) return false;
        *v = *v << 8 | h[i];
    }
    return true;
}

/* ---- walking a part's block headers ---- */

/* A walker's step over the header read at the walk's offset (h[0..got),
 * left bytes of the part from there): WALK_NEXT with *adv (the block's
 * length, at most left), or the walk's result (1, 0, -1). *last is the
 * walker's state across blocks (-1 at the start). */
#define WALK_NEXT 2
#define LS_SPLIT_WALK 65536u /* blocks walked at most (more: -1, not known) */
typedef int (*walk_step)(const uint8_t *h, size_t got, uint64_t left, int *last, uint64_t *adv);

/* Walk the part `name` in dfd (size bytes, as probed) from its start:
 * magic[0..mlen) at byte 0 (else -1), then block after block, each
 * header's first hcap bytes (at most 512) read and handed to step, up to
 * a result, the part's end (step sees got 0, left 0) or LS_SPLIT_WALK
 * blocks (-1). Shared by the tar, RAR 4 and RAR 5 walks below. */
static int walk_part(int dfd, const char *name, uint64_t size, const char *magic, size_t mlen, size_t hcap,
                     walk_step step)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    uint8_t h[512];
    uint64_t off = mlen;
    int r = -1, last = -1;
    bool ok = hcap <= sizeof h && mlen <= sizeof h && mlen <= size &&
              (mlen == 0 || (pread(fd, h, mlen, 0) == (ssize_t)mlen && memcmp(h, magic, mlen) == 0));
    for (unsigned i = 0; ok && i < LS_SPLIT_WALK && off <= size; i++) {
        ssize_t got = off < size ? pread(fd, h, hcap, (off_t)off) : 0;
        uint64_t adv = 0;
        int st = step(h, got > 0 ? (size_t)got : 0, size - off, &last, &adv);
        if (st != WALK_NEXT) {
            r = st;
            break;
        }
        off += adv;
    }
    close(fd);
    return r;
}

/* A tar header (512 bytes): 1 a zero block (the archive's end), 0 a member
 * that runs past the part's end (or less than a header left: a byte
 * split's cut), -1 a header that does not read. */
static int tar_step(const uint8_t *h, size_t got, uint64_t left, int *last, uint64_t *adv)
{
    (void)last;
    uint64_t sz;
    if (left < 512) return 0;
    if (got != 512) return -1;
    if (zeros_from(ls_slice_make(h, 512), 0)) return 1;
    if (!v7_tar(h, 512) || !tar_size(h, &sz) || sz > UINT64_MAX - 1024) return -1;
    *adv = 512 + (sz + 511) / 512 * 512;
    return *adv > left ? 0 : WALK_NEXT;
}

/* Walk the tar headers of the part `name` (size bytes) from its start:
 * 1 the archive's end (a zero block) is inside the part, 0 a member runs
 * past it (a byte split's cut), -1 not known (a header that does not
 * read, more than LS_SPLIT_WALK headers: joined, as before). */
static int tar_walk(int dfd, const char *name, uint64_t size)
{
    return walk_part(dfd, name, size, NULL, 0, 512, tar_step);
}

/* Not a tar, or a tar part whose end is inside it (tar_walk: 1). */
static bool f_tar_ended(enum split_fmt f, int dfd, const char *name, uint64_t size)
{
    return f != SF_TAR || tar_walk(dfd, name, size) == 1;
}

/* Does the file `name` in dfd start as an ISO 9660 image (its primary
 * volume descriptor at 32768, iso_end)? For a next part whose first bytes
 * are zeros (an image's system area). */
static bool iso_at(int dfd, const char *name)
{
    uint8_t *h = malloc(LS_SPLIT_HEAD);
    if (!h) return false;
    bool iso = iso_end(ls_slice_make(h, read_head(dfd, name, h, LS_SPLIT_HEAD))) != 0;
    free(h);
    return iso;
}

/* ---- where a set ends: the parts walked ---- */

/* Does part j (0-based) of the plan end the set (the next names are no
 * parts)? ud: the walker's own state. */
typedef bool (*part_ends)(const struct ls_split_plan *p, int dfd, unsigned j, void *ud);

/* The number of parts up to the first that ends the set (j + 1), else
 * p->n. Shared by the walks below (a RAR volume followed by no RAR, a
 * RAR's last volume, a RAR volume that ends at a member's end, a byte
 * split's part followed by a new archive). */
static unsigned set_end(const struct ls_split_plan *p, int dfd, part_ends ends, void *ud)
{
    for (unsigned j = 0; j + 1 < p->n; j++)
        if (ends(p, dfd, j, ud)) return j + 1;
    return p->n;
}

/* The set ends after k parts: fewer than two, no set at all (false: the
 * caller returns); else the parts past k are files of their own, and the
 * note of a later cut or missing part is moot. k >= p->n: nothing. */
static bool end_set_at(struct ls_split_plan *p, unsigned k)
{
    if (k >= p->n) return true;
    if (k <= 1) {
        p->n = 0;
        p->note[0] = 0;
        p->root[0] = 0;
        return false;
    }
    p->n = k;
    p->note[0] = 0;
    p->note_limit = false;
    return true;
}

/* The part after part j is no RAR volume: every volume starts with the
 * RAR marker ("Rar!\x1A\x07"); a file of the next name that does not (a
 * 7z, a zip, anything named x.part2.rar) is a file of its own, read as
 * what it is (joined, the reader failed at it and its bytes were never
 * read). */
static bool rar_next_not_volume(const struct ls_split_plan *p, int dfd, unsigned j, void *ud)
{
    (void)ud;
    uint8_t h[6];
    return read_head(dfd, p->names[j + 1], h, sizeof h) != sizeof h || memcmp(h, "Rar!\x1A\x07", 6) != 0;
}

/* A RAR volume that says it is the last (its end of archive block). */
static bool rar_last_ends(const struct ls_split_plan *p, int dfd, unsigned j, void *ud)
{
    (void)ud;
    uint8_t t[LS_SPLIT_TAIL];
    return ls_split_rar_last(t, read_tail(dfd, p->names[j], p->sizes[j], t));
}

static int rar_ends_mid_member(int dfd, const char *name, uint64_t size);

/* A RAR volume that ends at a member's end (rar_ends_mid_member: 0). */
static bool rar_member_ends(const struct ls_split_plan *p, int dfd, unsigned j, void *ud)
{
    (void)ud;
    return rar_ends_mid_member(dfd, p->names[j], p->sizes[j]) == 0;
}

struct anew {
    enum split_fmt f; /* the first part's format */
    uint8_t *t;       /* a part's tail (LS_SPLIT_ZIP_TAIL bytes), made on first use */
    bool nomem;
};

/* A byte split's part j followed by a new archive (of the first part's
 * format, or a whole one of another, foreign_head) after a whole one ends
 * in part j (ls_split_starts_anew; a tar also walked: its end inside part
 * j): the set is parts 1..j, the rest files of their own. */
static bool anew_ends(const struct ls_split_plan *p, int dfd, unsigned j, void *ud)
{
    struct anew *a = ud;
    uint8_t next[LS_SPLIT_NEXT_HEAD];
    if (a->nomem) return false;
    size_t nn = read_head(dfd, p->names[j + 1], next, sizeof next);
    if (!head_of(a->f, next, nn) && !foreign_head(a->f, next, nn) &&
        !(nn == sizeof next && zeros_from(ls_slice_make(next, nn), 0) && iso_at(dfd, p->names[j + 1])))
        return false;
    if (!a->t && !(a->t = malloc(LS_SPLIT_ZIP_TAIL))) {
        a->nomem = true;
        return false;
    }
    if (!tail_of(a->f, a->t, read_tail_n(dfd, p->names[j], p->sizes[j], a->t, LS_SPLIT_ZIP_TAIL))) return false;
    /* a tar's zero blocks can be a member's data: its headers, walked
     * from the part's start, must reach the end inside it (a middle
     * part of a byte split starts mid-member: not known, joined) */
    return f_tar_ended(a->f, dfd, p->names[j], p->sizes[j]);
}

/* The parts of a byte split up to the first followed by a new archive
 * (anew_ends), else p->n. */
static unsigned split_anew_at(const struct ls_split_plan *p, int dfd, const uint8_t *first, size_t fn)
{
    struct anew a = {.f = split_fmt_of(first, fn)};
    if (a.f == SF_NONE) return p->n;
    unsigned k = set_end(p, dfd, anew_ends, &a);
    free(a.t);
    return k;
}

/* A RAR 4 block header: HEAD_CRC, HEAD_TYPE, HEAD_FLAGS, HEAD_SIZE, and
 * ADD_SIZE (a file's PACK_SIZE, HIGH_PACK_SIZE with LHD_LARGE) when
 * HEAD_FLAGS has 0x8000; a file header's "split after" (0x0002) kept in
 * *last, returned at the end of archive block. */
static int rar4_step(const uint8_t *h, size_t got, uint64_t left, int *last, uint64_t *adv)
{
    struct ls_slice s = ls_slice_make(h, got);
    uint16_t flags, hsize;
    uint32_t add = 0, high = 0;
    if (!ls_rd_u16le(s, 3, &flags) || !ls_rd_u16le(s, 5, &hsize) || hsize < 7) return -1;
    uint8_t type = h[2];
    if (type == 0x7B) return *last; /* end of archive: this volume's last block */
    if ((flags & 0x8000u) && !ls_rd_u32le(s, 7, &add)) return -1;
    if (type == 0x74 && (flags & 0x0100u) && !ls_rd_u32le(s, 32, &high)) return -1;
    if (type == 0x74) *last = (flags & 0x0002u) ? 1 : 0;
    *adv = (uint64_t)hsize + ((uint64_t)high << 32 | add);
    return *adv > left ? -1 : WALK_NEXT;
}

/* A RAR 5 base block: CRC32, header size, type, header flags with "split
 * after" 0x0010 (a file header's, kept in *last), extra and data area
 * sizes; the end of archive block (type 5) returns *last. */
static int rar5_step(const uint8_t *h, size_t got, uint64_t left, int *last, uint64_t *adv)
{
    struct ls_slice s = ls_slice_make(h, got);
    size_t at = 4;
    uint64_t hsize, type, flags, extra = 0, data = 0;
    if (!rar5_vint(s, &at, &hsize) || hsize == 0 || hsize > (2u << 20)) return -1;
    size_t body = at;
    if (!rar5_vint(s, &at, &type) || !rar5_vint(s, &at, &flags)) return -1;
    if ((flags & 0x0001u) && !rar5_vint(s, &at, &extra)) return -1;
    if ((flags & 0x0002u) && !rar5_vint(s, &at, &data)) return -1;
    if (type == 5) return *last; /* end of archive */
    if (type == 2) *last = (flags & 0x0010u) ? 1 : 0;
    if (data > UINT64_MAX - hsize - body) return -1;
    *adv = body + hsize + data;
    return *adv > left ? -1 : WALK_NEXT;
}

/* Does RAR volume `name` (size bytes) end in the middle of a member (its
 * last file header says "split after": 1) or at a member's end (0)? -1:
 * not known (no RAR 4 or 5 marker at byte 0, a block that does not read,
 * more than LS_SPLIT_WALK blocks). The block headers are walked (RAR 4,
 * else RAR 5) up to the end of archive block. libarchive's RAR 4 reader
 * stops at that block unless a member continues past it; its RAR 5 reader
 * goes on past it only when 512 bytes follow (scan_for_signature()'s
 * read-ahead): a small last volume after a volume of whole members was
 * cut with "Header CRC error". */
static int rar_ends_mid_member(int dfd, const char *name, uint64_t size)
{
    int r = walk_part(dfd, name, size, "Rar!\x1A\x07\x00", 7, 36, rar4_step);
    return r >= 0 ? r : walk_part(dfd, name, size, "Rar!\x1A\x07\x01\x00", 8, 64, rar5_step);
}

/* A RAR volume set's root whose main header says it is no volume. */
static bool rar_whole(int dfd, const char *name)
{
    uint8_t h[512];
    return ls_split_declared_end(h, read_head(dfd, name, h, sizeof h), true) != 0;
}

/* Does the file start with "From " (a mailbox's, or a message's cut
 * there: either reads whole alone)? */
static bool starts_from_line(int dfd, const char *name)
{
    uint8_t h[5];
    return read_head(dfd, name, h, sizeof h) == sizeof h && memcmp(h, "From ", 5) == 0;
}

/* A zip or RAR 2 set's root, from its part's letter: the first of these
 * beside the part (what the tools write: Info-ZIP's parts are ".z01"
 * whatever the case of the ".zip"; on 8.3 media ".Z01" beside ".ZIP";
 * unrar's ".R00" follows ".RAR" or ".Rar", ".r00" follows ".rar"). */
static bool root_ext(int dfd, const char *b, struct ls_split_name *m)
{
    static const char *const zl[] = {"zip", "ZIP", "Zip"}, *const zu[] = {"ZIP"};
    static const char *const rl[] = {"rar"}, *const ru[] = {"RAR", "Rar"};
    bool zip = m->scheme == LS_SPLIT_ZIP, up = m->ch == 'Z' || m->ch == 'R';
    const char *const *c = zip ? (up ? zu : zl) : (up ? ru : rl);
    size_t nc = zip ? (up ? 1 : 3) : (up ? 2 : 1);
    char name[LS_SPLIT_NAME_MAX + 1];
    for (size_t i = 0; i < nc; i++) {
        memcpy(m->ext, c[i], 4);
        if (ls_split_make(b, m, 0, name, sizeof name) && probe(dfd, name) >= 0) return true;
    }
    m->ext[0] = 0;
    return false;
}

/* The case of a zip or RAR 2 set's names: the root's extension and the
 * parts' letter, the same whichever file of the set is asked about. From
 * a part: its root is root_ext()'s. From the root: the parts of its
 * letter (a zip's: 'z', else 'Z') whose root_ext() is this very root;
 * parts that name another root (X.zip and X.Zip beside X.z01: the
 * first) make no set of this one (false). */
static bool resolve_case(int dfd, const char *b, struct ls_split_name *m)
{
    if (m->scheme != LS_SPLIT_ZIP && m->scheme != LS_SPLIT_RAROLD) return true;
    if (!m->ext[0]) return root_ext(dfd, b, m);
    char own[4], name[LS_SPLIT_NAME_MAX + 1];
    memcpy(own, m->ext, sizeof own);
    const char *chs = m->scheme == LS_SPLIT_ZIP ? "zZ" : (m->ch == 'R' ? "R" : "r");
    for (const char *c = chs; *c; c++) {
        struct ls_split_name t = *m;
        t.ch = *c;
        if (!ls_split_make(b, &t, 1, name, sizeof name) || probe(dfd, name) < 0) continue;
        if (!root_ext(dfd, b, &t) || strcmp(t.ext, own) != 0) return false;
        m->ch = *c;
        return true;
    }
    if (!m->ch) m->ch = 'z'; /* no part: a plain zip */
    return true;
}

/* Build the plan of the set n0 (parsed from b) belongs to. */
static void build(struct ls_split_plan *p, int dfd, const char *b, const struct ls_split_name *n0, unsigned cap)
{
    char name[LS_SPLIT_NAME_MAX + 1];
    p->n = 0;
    p->note[0] = 0;
    p->note_limit = false;
    p->is_set = false;
    p->root[0] = 0;
    struct ls_split_name m = *n0;
    if (!resolve_case(dfd, b, &m)) return;
    const struct ls_split_name *n = &m;
    unsigned base = 1;
    if (n->scheme == LS_SPLIT_NUM) {
        base = n->index == 0 ? 0 : 1;
        if (base == 1 && ls_split_make(b, n, 0, name, sizeof name) && probe(dfd, name) >= 0) base = 0;
    }
    /* the root: the .zip of a zip set, else the first part */
    unsigned root_index = n->scheme == LS_SPLIT_ZIP ? 0 : index_at(n, base, 1);
    if (!ls_split_make(b, n, root_index, p->root, sizeof p->root) || probe(dfd, p->root) < 0) return;
    /* the root must read as the root of this same set: "S.part1.r00"
     * would make "S.part1.rar" its root, which joins S.part2.rar, not it
     * (a later part no root reads would never be read at all) */
    struct ls_split_name rn;
    if (!ls_split_parse(p->root, strlen(p->root), &rn) || rn.scheme != n->scheme || rn.stem_len != n->stem_len) {
        p->root[0] = 0;
        return;
    }
    /* a byte split's first part starts as an archive does (above) */
    enum ls_split_start st = LS_SPLIT_START_ARCHIVE;
    uint64_t end = 0; /* where the archive says it ends (0: not known) */
    uint8_t first[LS_SPLIT_NEXT_HEAD];
    size_t fn = 0;
    bool bytes = n->scheme == LS_SPLIT_NUM || n->scheme == LS_SPLIT_ALPHA;
    if (bytes && (st = starts_as_archive(dfd, p->root, &end, first, &fn)) == LS_SPLIT_START_NONE) {
        p->root[0] = 0;
        return;
    }
    /* a RAR that is no volume: x.rar and x.r00 (or S.part1.rar and
     * S.part2.rar) side by side are two files */
    if ((n->scheme == LS_SPLIT_RAR || n->scheme == LS_SPLIT_RAROLD) && rar_whole(dfd, p->root)) {
        p->root[0] = 0;
        return;
    }
    unsigned pos = 1;
    for (;; pos++) {
        int64_t sz = -1;
        if (ls_split_make(b, n, index_at(n, base, pos), name, sizeof name)) sz = probe(dfd, name);
        if (sz < 0) break;
        if (!plan_add(p, cap, name, sz)) {
            p->note_limit = true;
            snprintf(p->note, sizeof p->note, "the set has more than %u parts: the first %u are read", cap, cap);
            break;
        }
    }
    bool gap = !p->note_limit && gap_before_more(dfd, b, n, base, pos);
    if (gap) {
        char miss[LS_SPLIT_NAME_MAX + 1] = "";
        (void)ls_split_make(b, n, index_at(n, base, pos), miss, sizeof miss);
        snprintf(p->note, sizeof p->note, "part %u (%s) is missing: the parts before it are read", pos, miss);
    }
    if (n->scheme == LS_SPLIT_ZIP) {
        if (p->n == 0) return; /* a plain zip */
        int64_t zs = probe(dfd, p->root);
        /* its end record names the .zip's disk: .zNN past it are files of
         * their own (a whole zip beside X.z01: no set) */
        unsigned disks = zs >= 0 ? zip_disks(dfd, p->root, (uint64_t)zs) : 0;
        if (disks && p->n >= disks) {
            p->n = disks - 1;
            p->note[0] = 0;
            p->note_limit = false;
            gap = false;
            if (p->n == 0) return;
        }
        if (!gap && !p->note_limit && zs >= 0) (void)plan_add(p, cap, p->root, zs);
    }
    if (p->n == 0) return;
    /* the archive ends in part k (its header says so): the files of the
     * set's next names are no parts (a 7z whole in x.7z.001 beside an
     * x.7z.002 of anything: that file was recorded by reference, clean,
     * and no reader read it) */
    if (end) {
        uint64_t cum = 0;
        unsigned k = 0;
        for (; k < p->n && cum < end; k++) cum = p->sizes[k] > UINT64_MAX - cum ? UINT64_MAX : cum + p->sizes[k];
        if (cum >= end && k < p->n && !end_set_at(p, k)) return;
    }
    bool rar = n->scheme == LS_SPLIT_RAR || n->scheme == LS_SPLIT_RAROLD;
    /* a RAR volume that says it is the last: no parts after it */
    if (rar && !end_set_at(p, set_end(p, dfd, rar_next_not_volume, NULL))) return;
    if (rar && !end_set_at(p, set_end(p, dfd, rar_last_ends, NULL))) return;
    /* a RAR volume that ends at a member's end: libarchive's RAR 4
     * reader stops at its end of archive block (only a member split
     * after it takes it into the next volume), so the volumes after it
     * were never read yet the set root said full; its RAR 5 reader goes
     * on only when 512 bytes follow (a small last volume was cut). The
     * set is the volumes up to there, the next ones files of their own
     * (each a RAR archive libarchive reads alone). */
    if (rar && !end_set_at(p, set_end(p, dfd, rar_member_ends, NULL))) return;
    /* a split mailbox: its second part starts mid-message (above) */
    if (st == LS_SPLIT_START_MBOX && p->n >= 2 && starts_from_line(dfd, p->names[1])) {
        (void)end_set_at(p, 0);
        return;
    }
    /* whole archives one a file: x.001 a whole tar and x.002 another
     * (joined, the reader stops at the first's end: the second's members
     * were never read) */
    if (bytes && st == LS_SPLIT_START_ARCHIVE && p->n >= 2 && !end_set_at(p, split_anew_at(p, dfd, first, fn)))
        return;
    if (!p->note[0] && p->n >= 2) check_sizes(p);
    p->is_set = p->n >= 2 || p->note[0];
    if (p->sizes[0] == 0 && p->n >= 2) p->is_set = false;
    if (!p->note[0] && p->n < 2) p->is_set = false;
    p->root_part = 0;
    for (unsigned j = 0; j < p->n; j++)
        if (strcmp(p->names[j], p->root) == 0) p->root_part = j + 1;
    set_total(p);
}

/* The plan of the set n (parsed from b, the base name of path) if it
 * holds the file (true). */
static bool probe_as(struct ls_split_cache *k, int dfd, const char *b, const struct ls_split_name *n,
                     unsigned max_parts, const struct ls_split_plan **plan)
{
    char key[sizeof k->key];
    snprintf(key, sizeof key, "%d:%u:%u:%s:%d:%.*s", (int)n->scheme, n->width, n->plen, n->ext, n->ch,
             (int)n->stem_len, b);
    if (!k->have || strcmp(k->key, key) != 0) {
        if (!k->plan.names) {
            k->plan.names = malloc(LS_SPLIT_MAX_PARTS * sizeof *k->plan.names);
            k->plan.sizes = malloc(LS_SPLIT_MAX_PARTS * sizeof *k->plan.sizes);
            if (!k->plan.names || !k->plan.sizes) return false;
        }
        build(&k->plan, dfd, b, n, max_parts);
        snprintf(k->key, sizeof k->key, "%s", key);
        k->have = true;
    }
    struct ls_split_plan *p = &k->plan;
    if (!p->is_set) return false;
    p->self_part = 0;
    for (unsigned j = 0; j < p->n; j++)
        if (strcmp(p->names[j], b) == 0) p->self_part = j + 1;
    if (p->self_part == 0 && strcmp(b, p->root) != 0) return false;
    *plan = p;
    return true;
}

bool ls_split_probe(const char *path, unsigned max_parts, struct ls_split_cache *k,
                    const struct ls_split_plan **plan)
{
    *plan = NULL;
    const char *slash = strrchr(path, '/');
    const char *b = slash ? slash + 1 : path;
    size_t blen = strlen(b);
    struct ls_split_name n;
    if (blen > LS_SPLIT_NAME_MAX || !ls_split_parse(b, blen, &n)) return false;
    if (max_parts > LS_SPLIT_MAX_PARTS) max_parts = LS_SPLIT_MAX_PARTS;
    if (max_parts < 2) return false;
    int dfd = dir_fd(k, path, slash ? (size_t)(slash - path) + (slash == path ? 1 : 0) : 0);
    if (dfd < 0) return false;
    if (probe_as(k, dfd, b, &n, max_parts, plan)) return true;
    /* a number with no leading zero is also the next part of a narrower
     * set: 7-Zip's S.999 is followed by S.1000, unrar's S.part9.rar by
     * S.part10.rar (a set of its own it is not: its own width's first
     * part is not there) */
    unsigned minw = n.scheme == LS_SPLIT_RAR || (n.scheme == LS_SPLIT_NUM && n.plen) ? 1
                    : n.scheme == LS_SPLIT_NUM                                      ? 2
                                                                                    : n.width;
    unsigned lo = 1;
    for (unsigned i = 1; i < n.width; i++) lo *= 10;
    if (n.width <= minw || n.index < lo) return false;
    for (unsigned w = n.width - 1; w >= minw; w--) {
        struct ls_split_name m = n;
        m.width = w;
        if (probe_as(k, dfd, b, &m, max_parts, plan)) return true;
    }
    return false;
}

int ls_split_open(const struct ls_split_cache *k, unsigned i)
{
    if (!k->have || i >= k->plan.n || k->dirfd < 0) {
        errno = EINVAL;
        return -1;
    }
    return openat(k->dirfd, k->plan.names[i], O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}
