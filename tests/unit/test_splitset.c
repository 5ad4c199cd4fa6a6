/*
 * Unit tests for split-archive names and probing (src/pipeline/splitset.h):
 * the name parser and builder, then sets probed in a temporary directory
 * (complete, a missing middle part, a short middle part, a lone later
 * part, a symlinked part, sizes that are no split).
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "pipeline/splitset.h"

static bool parse(const char *b, struct ls_split_name *n) { return ls_split_parse(b, strlen(b), n); }

static void parse_numbered(void **state)
{
    (void)state;
    struct ls_split_name n;
    assert_true(parse("dump.7z.001", &n));
    assert_int_equal(n.scheme, LS_SPLIT_NUM);
    assert_int_equal(n.index, 1);
    assert_int_equal(n.width, 3);
    assert_int_equal(n.stem_len, 7);
    assert_true(parse("x.tar.gz.00", &n));
    assert_int_equal(n.index, 0);
    assert_int_equal(n.width, 2);
    assert_true(parse("a.0123", &n));
    assert_int_equal(n.index, 123);
    assert_false(parse("x.1", &n));      /* one digit: log rotation */
    assert_false(parse("x.12345", &n));
    assert_false(parse(".001", &n));     /* no stem */
    assert_false(parse("001", &n));
    assert_false(parse("x.", &n));
    assert_false(parse("", &n));
}

static void parse_letters(void **state)
{
    (void)state;
    struct ls_split_name n;
    assert_true(parse("x.tar.gz.aa", &n));
    assert_int_equal(n.scheme, LS_SPLIT_ALPHA);
    assert_int_equal(n.index, 0);
    assert_true(parse("x.tar.gz.ba", &n));
    assert_int_equal(n.index, 26);
    assert_true(parse("x.aab", &n));
    assert_int_equal(n.index, 1);
    assert_int_equal(n.width, 3);
    assert_false(parse("x.AB", &n));
    assert_false(parse("x.abcd", &n));
    assert_false(parse("x.a1", &n));
}

static void parse_zip_rar(void **state)
{
    (void)state;
    struct ls_split_name n;
    assert_true(parse("x.zip", &n));
    assert_int_equal(n.scheme, LS_SPLIT_ZIP);
    assert_int_equal(n.index, 0);
    assert_true(parse("x.Z12", &n));
    assert_int_equal(n.index, 12);
    assert_int_equal(n.ch, 'Z');
    assert_true(parse("x.z100", &n));
    assert_int_equal(n.index, 100);
    assert_false(parse("x.z00", &n));
    assert_true(parse("big.part01.rar", &n));
    assert_int_equal(n.scheme, LS_SPLIT_RAR);
    assert_int_equal(n.index, 1);
    assert_int_equal(n.width, 2);
    assert_int_equal(n.stem_len, 3);
    assert_true(parse("x.rar", &n));
    assert_int_equal(n.scheme, LS_SPLIT_RAROLD);
    assert_int_equal(n.index, 0);
    assert_true(parse("x.r00", &n));
    assert_int_equal(n.index, 1);
    assert_true(parse("x.R99", &n));
    assert_int_equal(n.index, 100);
    assert_true(parse("x.part0.rar", &n) == false || n.scheme == LS_SPLIT_RAROLD);
}

static void make_names(void **state)
{
    (void)state;
    struct ls_split_name n;
    char out[LS_SPLIT_NAME_MAX + 1];
    assert_true(parse("dump.7z.001", &n));
    assert_true(ls_split_make("dump.7z.001", &n, 12, out, sizeof out));
    assert_string_equal(out, "dump.7z.012");
    assert_true(parse("x.tar.gz.ab", &n));
    assert_true(ls_split_make("x.tar.gz.ab", &n, 27, out, sizeof out));
    assert_string_equal(out, "x.tar.gz.bb");
    assert_false(ls_split_make("x.tar.gz.ab", &n, 676, out, sizeof out));
    assert_true(parse("a.Part01.RAR", &n));
    assert_true(ls_split_make("a.Part01.RAR", &n, 7, out, sizeof out));
    assert_string_equal(out, "a.Part07.RAR");
    assert_true(parse("x.r05", &n));
    assert_true(ls_split_make("x.r05", &n, 0, out, sizeof out));
    assert_string_equal(out, "x.rar");
    assert_true(ls_split_make("x.r05", &n, 3, out, sizeof out));
    assert_string_equal(out, "x.r02");
    assert_true(parse("x.ZIP", &n));
    assert_true(ls_split_make("x.ZIP", &n, 3, out, sizeof out));
    assert_string_equal(out, "x.z03"); /* Info-ZIP's, whatever the .zip's case (probing finds 8.3 media's .Z03) */
    n.ch = 'Z';
    assert_true(ls_split_make("x.ZIP", &n, 3, out, sizeof out));
    assert_string_equal(out, "x.Z03");
    assert_false(ls_split_make("x.ZIP", &n, 3, out, 4)); /* does not fit */
}

/* ---- probing ---- */

static char dir[64];

/* A file in dir: the bytes b[0..len), then 'x' to `size` bytes. */
static void put_bytes(const char *name, const void *b, size_t len, size_t size)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < size; i++) fputc(i < len ? ((const unsigned char *)b)[i] : 'x', f);
    fclose(f);
}

/* `size` bytes of 'x'; a RAR volume's name (.rar, .rNN) starts with the
 * RAR marker, as every volume does (splitset.c: a later part without it
 * is no volume of the set). */
static void put(const char *name, size_t size)
{
    size_t l = strlen(name);
    const char *e = l > 4 ? name + l - 4 : "";
    bool rar = e[0] == '.' && (e[1] | 0x20) == 'r' &&
               (((e[2] | 0x20) == 'a' && (e[3] | 0x20) == 'r') || (e[2] >= '0' && e[2] <= '9' && e[3] >= '0' && e[3] <= '9'));
    put_bytes(name, rar ? "Rar!\x1A\x07\x00" : NULL, rar ? 7 : 0, size);
}

/* A file that starts as a 7z does (a byte split's first part must: see
 * starts_as_archive() in splitset.c), then 'x' to `size` bytes. */
static void put_arc(const char *name, size_t size) { put_bytes(name, "7z\xBC\xAF\x27\x1C", 6, size); }

static const struct ls_split_plan *probe(const char *name)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct ls_split_cache *k = malloc(sizeof *k);
    assert_non_null(k);
    ls_split_cache_init(k);
    const struct ls_split_plan *pl = NULL;
    static struct ls_split_plan copy;
    static char names[8][LS_SPLIT_NAME_MAX + 1];
    bool ok = ls_split_probe(p, LS_SPLIT_MAX_PARTS, k, &pl);
    if (ok) {
        copy = *pl;
        for (unsigned i = 0; i < pl->n && i < 8; i++) memcpy(names[i], pl->names[i], sizeof names[i]);
        copy.names = names;
        copy.sizes = NULL;
    }
    ls_split_cache_free(k);
    free(k);
    return ok ? &copy : NULL;
}

static int mkdir_tmp(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ls_split_XXXXXX");
    assert_non_null(mkdtemp(dir));
    return 0;
}

static int rm_tmp(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void probe_complete(void **state)
{
    (void)state;
    put_arc("a.7z.001", 100);
    put("a.7z.002", 100);
    put("a.7z.003", 40);
    const struct ls_split_plan *p = probe("a.7z.002");
    assert_non_null(p);
    assert_int_equal(p->n, 3);
    assert_int_equal(p->self_part, 2);
    assert_string_equal(p->root, "a.7z.001");
    assert_int_equal(p->total, 240);
    assert_string_equal(p->note, "");
    p = probe("a.7z.001");
    assert_non_null(p);
    assert_int_equal(p->root_part, 1);
}

static void probe_zip(void **state)
{
    (void)state;
    put("z.z01", 64);
    put("z.z02", 64);
    put("z.zip", 10);
    const struct ls_split_plan *p = probe("z.z01");
    assert_non_null(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(p->root, "z.zip");
    assert_int_equal(p->root_part, 3);
    assert_string_equal(p->names[2], "z.zip");
    put("plain.zip", 10);
    assert_null(probe("plain.zip"));
}

static void probe_missing_middle(void **state)
{
    (void)state;
    put_arc("m.tar.gz.aa", 50);
    put("m.tar.gz.ab", 50);
    put("m.tar.gz.ad", 20); /* .ac is missing */
    const struct ls_split_plan *p = probe("m.tar.gz.aa");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_non_null(strstr(p->note, "part 3 (m.tar.gz.ac) is missing"));
    assert_null(probe("m.tar.gz.ad")); /* past the gap: alone, as before */
}

static void probe_short_middle(void **state)
{
    (void)state;
    put_arc("s.001", 50);
    put("s.002", 30);
    put("s.003", 50);
    const struct ls_split_plan *p = probe("s.001");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_non_null(strstr(p->note, "part 2 (s.002) is 30 bytes"));
    assert_null(probe("s.003"));
}

static void probe_lone_and_foreign(void **state)
{
    (void)state;
    put("lone.002", 50);
    assert_null(probe("lone.002"));
    put_arc("two.001", 10);
    put("two.002", 90); /* the "last part" larger than the first: no split */
    assert_null(probe("two.001"));
    assert_null(probe("two.002"));
    put_arc("one.001", 10);
    assert_null(probe("one.001"));
    put("log.txt", 10);
    assert_null(probe("log.txt"));
}

static void probe_symlink_not_followed(void **state)
{
    (void)state;
    put_arc("l.001", 10);
    put("target", 10);
    char p[128], t[128];
    snprintf(p, sizeof p, "%s/l.002", dir);
    snprintf(t, sizeof t, "%s/target", dir);
    assert_int_equal(symlink(t, p), 0);
    assert_null(probe("l.001"));
}

/* "b.part1.r00" names "b.part1.rar" as its RAR 2 root, but that file is
 * the root of a RAR 3 set (b.part2.rar): the .r00 is no part of any set
 * read, so it is a file of its own (it was recorded by reference, unread). */
static void probe_root_of_another_scheme(void **state)
{
    (void)state;
    put("b.part1.rar", 100);
    put("b.part2.rar", 40);
    put("b.part1.r00", 60);
    assert_null(probe("b.part1.r00"));
    const struct ls_split_plan *p = probe("b.part1.rar");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->names[1], "b.part2.rar");
    /* an old-style set whose stem has no partN still joins */
    put("o.rar", 100);
    put("o.r00", 100);
    put("o.r01", 10);
    p = probe("o.r01");
    assert_non_null(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(p->root, "o.rar");
}

/* Byte-split names on files that are no archive's pieces (rotated logs,
 * numbered exports, t.aa and t.ab): each is a file of its own, not one set
 * (their text is read right alone and wrong joined). */
static void probe_not_an_archive(void **state)
{
    (void)state;
    put("t.aa", 100);
    put("t.ab", 60);
    assert_null(probe("t.aa"));
    assert_null(probe("t.ab"));
    put("run.000", 100);
    put("run.001", 100);
    put("run.002", 7);
    assert_null(probe("run.001"));
    /* the same names on a gzip stream's pieces are a set */
    put_bytes("g.aa", "\x1F\x8B\x08", 3, 100);
    put("g.ab", 60);
    const struct ls_split_plan *pl = probe("g.ab");
    assert_non_null(pl);
    assert_int_equal(pl->n, 2);
    assert_string_equal(pl->root, "g.aa");
}

/* Sparse parts (tmpfs allows 2^63-1 bytes) whose sizes sum past 2^64: the
 * total saturates, it does not wrap to a small number. */
static void probe_sparse_sum_saturates(void **state)
{
    (void)state;
    char d[64], p[128];
    snprintf(d, sizeof d, "/dev/shm/ls_split_XXXXXX");
    if (!mkdtemp(d)) skip();
    bool big = true;
    for (int i = 1; i <= 5 && big; i++) {
        snprintf(p, sizeof p, "%s/s.%03d", d, i);
        int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, "7z\xBC\xAF\x27\x1C", 6), 6); /* a 7z's start (starts_as_archive) */
        big = ftruncate(fd, (off_t)1 << 62) == 0;
        close(fd);
    }
    const struct ls_split_plan *pl = NULL;
    struct ls_split_cache *k = malloc(sizeof *k);
    assert_non_null(k);
    ls_split_cache_init(k);
    snprintf(p, sizeof p, "%s/s.001", d);
    bool ok = big && ls_split_probe(p, LS_SPLIT_MAX_PARTS, k, &pl);
    unsigned n = ok ? pl->n : 0;
    uint64_t total = ok ? pl->total : 0;
    ls_split_cache_free(k);
    free(k);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    assert_int_equal(system(cmd), 0);
    if (!big) skip(); /* no file system here holds files that large */
    assert_true(ok);
    assert_int_equal(n, 5);
    assert_true(total == UINT64_MAX);
}


/* split(1) given the prefix "S.part" (S.part1, S.part01, S.partaa), and
 * byte splits of files whose own names end as archives' do */
static void parse_part_prefix(void **state)
{
    (void)state;
    struct ls_split_name n;
    char out[LS_SPLIT_NAME_MAX + 1];
    assert_true(parse("x.tar.gz.part1", &n));
    assert_int_equal(n.scheme, LS_SPLIT_NUM);
    assert_int_equal(n.index, 1);
    assert_int_equal(n.width, 1);
    assert_int_equal(n.plen, 4);
    assert_int_equal(n.stem_len, 8);
    assert_true(ls_split_make("x.tar.gz.part1", &n, 7, out, sizeof out));
    assert_string_equal(out, "x.tar.gz.part7");
    assert_true(parse("x.tar.gz.part01", &n));
    assert_int_equal(n.width, 2);
    assert_true(ls_split_make("x.tar.gz.part01", &n, 12, out, sizeof out));
    assert_string_equal(out, "x.tar.gz.part12");
    assert_true(parse("x.tar.gz.partab", &n));
    assert_int_equal(n.scheme, LS_SPLIT_ALPHA);
    assert_int_equal(n.index, 1);
    assert_true(ls_split_make("x.tar.gz.partab", &n, 26, out, sizeof out));
    assert_string_equal(out, "x.tar.gz.partba");
    assert_false(parse("x.zip.part", &n)); /* a browser's download in progress */
    assert_false(parse("x.part12345", &n));
    assert_true(parse("x.zip.001", &n));
    assert_int_equal(n.scheme, LS_SPLIT_NUM);
    assert_int_equal(n.stem_len, 5);
    assert_true(parse("x.tgz.000", &n));
    assert_int_equal(n.index, 0);
    assert_true(parse("ARCHIVE.7Z.001", &n));
    assert_int_equal(n.stem_len, 10);
}

/* The case real tools write: Info-ZIP's X.Zip + X.z01, ARCH.ZIP +
 * ARCH.z01; 8.3 media's ARCH.ZIP + ARCH.Z01; unrar's x.Rar + x.R00;
 * WinRAR's Backup.Part1.RAR. Whichever file is asked about, the same set. */
static void probe_case(void **state)
{
    (void)state;
    static const char *const sets[][4] = {
        {"X.z01", "X.z02", "X.Zip", NULL},
        {"ARCH.z01", "ARCH.z02", "ARCH.ZIP", NULL},
        {"OLD.Z01", "OLD.Z02", "OLD.ZIP", NULL},
        {"v.Rar", "v.R00", "v.R01", NULL},
        {"w.RAR", "w.R00", "w.R01", NULL},
        {"Backup.Part1.RAR", "Backup.Part2.RAR", "Backup.Part3.RAR", NULL},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        for (int i = 0; i < 3; i++) put(sets[s][i], i < 2 ? 64 : 10);
        for (int i = 0; i < 3; i++) {
            const struct ls_split_plan *p = probe(sets[s][i]);
            assert_non_null(p);
            assert_int_equal(p->n, 3);
            assert_int_equal(p->self_part, (unsigned)(i + 1)); /* byte order: .z01 .z02 .zip; .rar .r00 */
        }
    }
    /* a zip set's root is the first of .zip .ZIP .Zip beside its parts:
     * the other is a file of its own, the parts not read twice */
    put("d.z01", 64);
    put("d.zip", 10);
    put("d.Zip", 10);
    const struct ls_split_plan *p = probe("d.z01");
    assert_non_null(p);
    assert_string_equal(p->root, "d.zip");
    assert_non_null(probe("d.zip"));
    assert_null(probe("d.Zip"));
    /* a case no tool writes: a stem in other letters, ".rar" with ".R00" */
    put("e.z01", 64);
    put("E.zip", 10);
    assert_null(probe("e.z01"));
    assert_null(probe("E.zip"));
    put("f.rar", 64);
    put("f.R00", 10);
    assert_null(probe("f.rar"));
    assert_null(probe("f.R00"));
}

/* split -d/-b with the prefix "S.part": joined as any byte split */
static void probe_part_prefix(void **state)
{
    (void)state;
    put_arc("pp.tar.gz.part1", 64);
    put("pp.tar.gz.part2", 64);
    put("pp.tar.gz.part3", 9);
    const struct ls_split_plan *p = probe("pp.tar.gz.part3");
    assert_non_null(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(p->root, "pp.tar.gz.part1");
    put_arc("pq.zip.part00", 64);
    put("pq.zip.part01", 9);
    p = probe("pq.zip.part01");
    assert_non_null(p);
    assert_string_equal(p->root, "pq.zip.part00");
    put_arc("pr.tgz.partaa", 64);
    put("pr.tgz.partab", 9);
    assert_non_null(probe("pr.tgz.partab"));
    put("pt.csv.part1", 64); /* no archive: files of their own */
    put("pt.csv.part2", 9);
    assert_null(probe("pt.csv.part1"));
}

/* Past its width's last number: 7-Zip's S.999 then S.1000 (part 1000 of
 * the set, not a file read alone too); unrar's S.part9.rar then
 * S.part10.rar. */
static void probe_width_overflow(void **state)
{
    (void)state;
    char name[64];
    for (unsigned i = 1; i <= 1001; i++) {
        snprintf(name, sizeof name, "big.%03u", i);
        if (i == 1) put_arc(name, 16);
        else put(name, i == 1001 ? 3 : 16);
    }
    const struct ls_split_plan *p = probe("big.1000");
    assert_non_null(p);
    assert_int_equal(p->n, LS_SPLIT_MAX_PARTS);
    assert_int_equal(p->self_part, 1000);
    assert_string_equal(p->root, "big.001");
    assert_null(probe("big.1001")); /* past the limit: read alone */
    for (unsigned i = 1; i <= 11; i++) {
        snprintf(name, sizeof name, "r.part%u.rar", i);
        put(name, i == 11 ? 9 : 32); /* a RAR volume holds its 7-byte marker at least */
    }
    p = probe("r.part10.rar");
    assert_non_null(p);
    assert_int_equal(p->n, 11);
    assert_int_equal(p->self_part, 10);
    assert_string_equal(p->root, "r.part1.rar");
    p = probe("r.part1.rar");
    assert_non_null(p);
    assert_int_equal(p->n, 11);
}

/* Byte splits of formats without a signature at byte 0: a Version 7 tar
 * (its header's checksum), a mailbox cut in a message (its second part
 * does not start with "From "); mailboxes one a file are not joined. */
static void probe_v7_tar_and_mbox(void **state)
{
    (void)state;
    unsigned char h[512];
    memset(h, 0, sizeof h);
    memcpy(h, "etc/passwd", 10);
    memcpy(h + 100, "000644 \0", 8);
    memcpy(h + 108, "000000 \0", 8);
    memcpy(h + 116, "000000 \0", 8);
    memcpy(h + 124, "00000001000 ", 12);
    memcpy(h + 136, "14231524137 ", 12);
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (size_t i = 0; i < sizeof h; i++) sum += h[i];
    snprintf((char *)h + 148, 8, "%06o", sum);
    put_bytes("v7.tar.aa", h, sizeof h, 1024);
    put("v7.tar.ab", 100);
    const struct ls_split_plan *p = probe("v7.tar.ab");
    assert_non_null(p);
    assert_string_equal(p->root, "v7.tar.aa");
    h[0] = 'E'; /* the checksum no longer matches */
    put_bytes("bad.tar.aa", h, sizeof h, 1024);
    put("bad.tar.ab", 100);
    assert_null(probe("bad.tar.ab"));
    static const char mb[] = "From jdoe@example.com Mon Nov 24 10:00:00 2014\nFrom: jdoe@example.com\n";
    put_bytes("mail.mbox.aa", mb, sizeof mb - 1, 200);
    put("mail.mbox.ab", 50);
    p = probe("mail.mbox.aa");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    put_bytes("box.00", mb, sizeof mb - 1, 200); /* one mailbox a file */
    put_bytes("box.01", mb, sizeof mb - 1, 50);
    assert_null(probe("box.00"));
    assert_null(probe("box.01"));
    static const char prose[] = "From now on we meet at 10:30.\nThanks\n";
    put_bytes("notes.aa", prose, sizeof prose - 1, 200);
    put("notes.ab", 50);
    assert_null(probe("notes.aa"));
}

/* CRC-32 (IEEE), bit by bit: the test's own, not the code's. */
static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = c & 1 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    }
    return ~c;
}

static void le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* A 7z start header saying the archive is `total` bytes. */
static void sevenz_head(unsigned char h[32], uint64_t total)
{
    memset(h, 0, 32);
    memcpy(h, "7z\xBC\xAF\x27\x1C\x00\x04", 8);
    le(h + 12, total - 32 - 20, 8); /* next header offset */
    le(h + 20, 20, 8);              /* next header size */
    le(h + 8, crc32_of(h + 12, 20), 4);
}

/* A RAR 4 marker and main header (volume or not). */
static size_t rar4_head(unsigned char *h, bool volume)
{
    memcpy(h, "Rar!\x1A\x07\x00", 7);
    unsigned char *m = h + 7;
    memset(m, 0, 13);
    m[2] = 0x73;
    le(m + 3, volume ? 1 : 0, 2);
    le(m + 5, 13, 2);
    le(m, crc32_of(m + 2, 11) & 0xFFFF, 2);
    return 20;
}

/* A RAR 5 signature and main header (volume or not). */
static size_t rar5_head(unsigned char *h, bool volume)
{
    memcpy(h, "Rar!\x1A\x07\x01\x00", 8);
    unsigned char *m = h + 8;
    m[4] = 3;                 /* header size */
    m[5] = 1;                 /* type: main */
    m[6] = 0;                 /* header flags */
    m[7] = volume ? 1 : 0;    /* archive flags */
    le(m, crc32_of(m + 4, 4), 4);
    return 16;
}

/* A whole archive in the first file(s) (its own header says where it
 * ends): a file of the set's next name is no part of it. */
static void probe_whole_archive_ends(void **state)
{
    (void)state;
    unsigned char h[64];
    sevenz_head(h, 100); /* a 7z whole in its .001 */
    put_bytes("w.7z.001", h, 32, 100);
    put("w.7z.002", 60);
    assert_null(probe("w.7z.002"));
    assert_null(probe("w.7z.001"));
    sevenz_head(h, 200); /* a 7z -v set of two whole parts, and a third file */
    put_bytes("t.7z.001", h, 32, 100);
    put("t.7z.002", 100);
    put("t.7z.003", 60);
    const struct ls_split_plan *p = probe("t.7z.002");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->note, "");
    assert_null(probe("t.7z.003"));
    sevenz_head(h, 240); /* the set as long as its parts: joined as before */
    put_bytes("u.7z.001", h, 32, 100);
    put("u.7z.002", 100);
    put("u.7z.003", 40);
    p = probe("u.7z.003");
    assert_non_null(p);
    assert_int_equal(p->n, 3);
    h[13] ^= 1; /* a start header whose CRC fails: not trusted */
    put_bytes("c.7z.001", h, 32, 100);
    put("c.7z.002", 100);
    assert_non_null(probe("c.7z.002"));
    assert_int_equal(ls_split_declared_end(h, 32, false), 0);
    /* RAR 4 and 5: no volume, no set; a volume, a set */
    size_t n = rar4_head(h, false);
    put_bytes("r.rar", h, n, 100);
    put("r.r00", 60);
    assert_null(probe("r.r00"));
    n = rar4_head(h, true);
    put_bytes("v.rar", h, n, 100);
    put("v.r00", 60);
    assert_non_null(probe("v.r00"));
    n = rar5_head(h, false);
    put_bytes("f.part1.rar", h, n, 100);
    put("f.part2.rar", 60);
    assert_null(probe("f.part2.rar"));
    assert_int_equal(ls_split_declared_end(h, n, true), 1);
    n = rar5_head(h, true);
    put_bytes("g.part1.rar", h, n, 100);
    put("g.part2.rar", 60);
    assert_non_null(probe("g.part2.rar"));
    assert_int_equal(ls_split_declared_end(h, n, true), 0);
}

/* A RAR 4 end of archive block (7 bytes), a next volume or not. */
static size_t rar4_end(unsigned char *h, bool next)
{
    unsigned char *m = h;
    memset(m, 0, 7);
    m[2] = 0x7B;
    le(m + 3, 0x4000u | (next ? 1u : 0u), 2);
    le(m + 5, 7, 2);
    le(m, crc32_of(m + 2, 5) & 0xFFFF, 2);
    return 7;
}

/* A RAR 5 end of archive header (8 bytes), a next volume or not. */
static size_t rar5_end(unsigned char *h, bool next)
{
    h[4] = 3;           /* header size */
    h[5] = 5;           /* type: end of archive */
    h[6] = 4;           /* header flags: skip if unknown */
    h[7] = next ? 1 : 0; /* end flags */
    le(h, crc32_of(h + 4, 4), 4);
    return 8;
}

/* A RAR volume whose end block says it is the last: the files of the
 * set's next names after it are no parts. */
static void probe_rar_last_volume(void **state)
{
    (void)state;
    unsigned char h[64], t[64];
    size_t hn = rar4_head(h, true);
    /* v4.rar (volume, a next one), v4.r00 (the last), v4.r01: a file of its own */
    memset(t, 'x', sizeof t);
    rar4_end(t + 50, true);
    memcpy(t, h, hn);
    put_bytes("v4.rar", t, 57, 57);
    memcpy(t, h, hn);
    rar4_end(t + 50, false);
    put_bytes("v4.r00", t, 57, 57);
    put("v4.r01", 40);
    const struct ls_split_plan *p = probe("v4.r00");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_null(probe("v4.r01"));
    /* RAR 5, zero padding after the end header (as rar writes it) */
    hn = rar5_head(h, true);
    memset(t, 0, sizeof t);
    memcpy(t, h, hn);
    rar5_end(t + 40, false);
    put_bytes("w5.part1.rar", t, 60, 60);
    put("w5.part2.rar", 30);
    assert_null(probe("w5.part2.rar"));
    assert_true(ls_split_rar_last(t + 30, 30));
    rar5_end(t + 40, true);
    assert_false(ls_split_rar_last(t + 30, 30));
    put_bytes("n5.part1.rar", t, 60, 60);
    put("n5.part2.rar", 30);
    assert_non_null(probe("n5.part2.rar"));
    t[45] ^= 1; /* its CRC no longer matches: not known */
    rar5_end(t + 40, false);
    t[41] ^= 1;
    assert_false(ls_split_rar_last(t + 30, 30));
    assert_false(ls_split_rar_last(t, 0));
}

/* An end of central directory record (22 bytes + comment) naming its disk. */
static size_t zip_eocd(unsigned char *h, unsigned disk, const char *comment)
{
    size_t cl = strlen(comment);
    memset(h, 0, 22);
    memcpy(h, "PK\x05\x06", 4);
    le(h + 4, disk, 2);
    le(h + 6, disk, 2);
    le(h + 20, cl, 2);
    memcpy(h + 22, comment, cl);
    return 22 + cl;
}

/* A zip -s set's .zip names its own disk: .zNN past it are no parts. */
static void probe_zip_disks(void **state)
{
    (void)state;
    unsigned char t[128];
    memset(t, 'x', sizeof t);
    size_t n = zip_eocd(t + 40, 1, "made by a test");
    assert_int_equal(ls_split_zip_disks(t, 40 + n), 2);
    assert_int_equal(ls_split_zip_disks(t, 40 + n - 1), 0); /* the comment cut */
    put("d.z01", 100);
    put("d.z02", 100);
    put_bytes("d.zip", t, 40 + n, 40 + n);
    const struct ls_split_plan *p = probe("d.z01");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->names[1], "d.zip");
    assert_null(probe("d.z02"));
    n = zip_eocd(t + 40, 0, ""); /* a whole zip: no set */
    put("e.z01", 100);
    put_bytes("e.zip", t, 40 + n, 40 + n);
    assert_null(probe("e.z01"));
    assert_null(probe("e.zip"));
    n = zip_eocd(t + 40, 2, ""); /* three disks, all there */
    put("f.z01", 100);
    put("f.z02", 100);
    put_bytes("f.zip", t, 40 + n, 40 + n);
    p = probe("f.z02");
    assert_non_null(p);
    assert_int_equal(p->n, 3);
    /* Zip64: the locator's total */
    memset(t, 0, sizeof t);
    memcpy(t + 10, "PK\x06\x07", 4);
    le(t + 10 + 16, 4, 4);
    zip_eocd(t + 30, 0xFFFF, "");
    assert_int_equal(ls_split_zip_disks(t, 52), 4);
}

/* A byte split's next part that starts a new archive of the first part's
 * format, after a whole one's end (ls_split_starts_anew). */
static void starts_anew_heads_and_ends(void **state)
{
    (void)state;
    static const uint8_t gz[10] = {0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03};
    static const uint8_t gz_bad[10] = {0x1F, 0x8B, 0x08, 0xE0, 0, 0, 0, 0, 0x00, 0x03}; /* reserved flags */
    static const uint8_t bz[10] = {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    static const uint8_t bz_mid[10] = {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x00};
    static const uint8_t xz[12] = {0xFD, '7', 'z', 'X', 'Z', 0x00, 0x00, 0x04, 0xE6, 0xD6, 0xB4, 0x46};
    static const uint8_t xz_bad[12] = {0xFD, '7', 'z', 'X', 'Z', 0x00, 0x00, 0x04, 0xE6, 0xD6, 0xB4, 0x47};
    uint8_t tail[2048] = {0};
    assert_true(ls_split_starts_anew(gz, sizeof gz, tail, 0, gz, sizeof gz)); /* a stream marks no end */
    assert_false(ls_split_starts_anew(gz, sizeof gz, tail, 0, gz_bad, sizeof gz_bad));
    assert_true(ls_split_starts_anew(gz, sizeof gz, tail, 0, bz, sizeof bz)); /* another format's whole header */
    assert_false(ls_split_starts_anew(gz, sizeof gz, tail, 0, bz_mid, sizeof bz_mid));
    static const uint8_t lzw[3] = {0x1F, 0x9D, 0x90}; /* compress: 3 bytes are no proof of another format */
    assert_false(ls_split_starts_anew(gz, sizeof gz, tail, 0, lzw, sizeof lzw));
    /* a zip local header after a stream: only a sane one (version, method, a printable name) */
    uint8_t lh[40] = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    lh[26] = 9;
    memcpy(lh + 30, "notes.txt", 9);
    assert_true(ls_split_starts_anew(gz, sizeof gz, tail, 0, lh, 39));
    assert_false(ls_split_starts_anew(gz, sizeof gz, tail, 0, lh, 35)); /* its name cut */
    lh[8] = 77; /* no method a zip tool writes */
    assert_false(ls_split_starts_anew(gz, sizeof gz, tail, 0, lh, 39));
    assert_true(ls_split_starts_anew(bz, sizeof bz, tail, 0, bz, sizeof bz));
    assert_false(ls_split_starts_anew(bz, sizeof bz, tail, 0, bz_mid, sizeof bz_mid));
    assert_true(ls_split_starts_anew(xz, sizeof xz, tail, 0, xz, sizeof xz));
    assert_false(ls_split_starts_anew(xz, sizeof xz, tail, 0, xz_bad, sizeof xz_bad)); /* its CRC wrong */
    /* tar: a header with its checksum right, and two zero blocks ending the part before */
    uint8_t th[512] = {0};
    memcpy(th, "notes.txt", 9);
    memcpy(th + 100, "0000644", 7);
    memcpy(th + 124, "00000000012", 11);
    memcpy(th + 257, "ustar", 6);
    memcpy(th + 263, "00", 2);
    unsigned sum = 0;
    for (size_t i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? ' ' : th[i];
    snprintf((char *)th + 148, 8, "%06o", sum);
    assert_true(ls_split_starts_anew(th, sizeof th, tail, sizeof tail, th, sizeof th));
    tail[sizeof tail - 1] = 'x'; /* the part before ends in a member's data */
    assert_false(ls_split_starts_anew(th, sizeof th, tail, sizeof tail, th, sizeof th));
    tail[sizeof tail - 1] = 0;
    th[0] ^= 1; /* its checksum wrong */
    assert_false(ls_split_starts_anew(th, sizeof th, tail, sizeof tail, th, sizeof th));
    /* a whole zip after a whole tar (the tar's end in the part before) */
    lh[8] = 8;
    assert_true(ls_split_starts_anew(th, sizeof th, tail, sizeof tail, lh, 39));
    tail[sizeof tail - 1] = 'x';
    assert_false(ls_split_starts_anew(th, sizeof th, tail, sizeof tail, lh, 39));
    tail[sizeof tail - 1] = 0;
    /* no archive format: never */
    assert_false(ls_split_starts_anew((const uint8_t *)"plain", 5, tail, 0, (const uint8_t *)"plain", 5));
    assert_false(ls_split_starts_anew(NULL, 0, NULL, 0, NULL, 0));
}

/* A RAR set's next name on a file that is no RAR volume (no marker: a 7z
 * named x.part2.rar): a file of its own, the set ends before it. */
static void probe_rar_followed_by_no_rar(void **state)
{
    (void)state;
    put("k.part1.rar", 100);
    put_bytes("k.part2.rar", "7z\xBC\xAF\x27\x1C", 6, 60);
    assert_null(probe("k.part2.rar"));
    assert_null(probe("k.part1.rar"));
    put("l.part1.rar", 100);
    put("l.part2.rar", 100);
    put_bytes("l.part3.rar", "PK\x03\x04", 4, 60);
    const struct ls_split_plan *p = probe("l.part1.rar");
    assert_non_null(p);
    assert_int_equal(p->n, 2);
    assert_null(probe("l.part3.rar"));
}

/* Where a cabinet, a WIM and an ISO 9660 image end, as their headers say
 * (ls_split_declared_end): a byte split whose first part holds all of one
 * is no set. */
static void declared_end_cab_wim_iso(void **state)
{
    (void)state;
    static uint8_t h[34816];
    memset(h, 0, sizeof h);
    memcpy(h, "MSCF", 4);
    h[8] = 0x10, h[9] = 0x27; /* cbCabinet 10000 */
    h[16] = 44;               /* coffFiles */
    h[24] = 3, h[25] = 1;
    assert_int_equal(ls_split_declared_end(h, 36, false), 10000);
    h[25] = 2; /* no version 1.3: not trusted */
    assert_int_equal(ls_split_declared_end(h, 36, false), 0);
    memset(h, 0, 64);
    memcpy(h, "MSWIM\0\0\0", 8);
    h[8] = 208;
    h[0x30] = 100, h[0x38] = 0xCE, h[0x39] = 1;  /* lookup table: 100 bytes at 462 */
    h[0x48] = 0xB2, h[0x49] = 2, h[0x50] = 0x32, h[0x51] = 2; /* XML: 690 bytes at 562 */
    assert_int_equal(ls_split_declared_end(h, 208, false), 1252);
    assert_int_equal(ls_split_declared_end(h, 200, false), 0); /* its header cut */
    memset(h, 0, 256);
    uint8_t *d = h + 32768;
    memcpy(d, "\x01" "CD001\x01", 7);
    d[80] = 182, d[87] = 182;               /* volume space size, both-endian */
    d[129] = 8, d[130] = 8;                 /* logical block size 2048, both-endian */
    assert_int_equal(ls_split_declared_end(h, sizeof h, false), 182u * 2048u);
    d[87] = 183; /* its halves disagree */
    assert_int_equal(ls_split_declared_end(h, sizeof h, false), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_numbered),
        cmocka_unit_test(parse_letters),
        cmocka_unit_test(parse_zip_rar),
        cmocka_unit_test(make_names),
        cmocka_unit_test(probe_complete),
        cmocka_unit_test(probe_zip),
        cmocka_unit_test(probe_missing_middle),
        cmocka_unit_test(probe_short_middle),
        cmocka_unit_test(probe_lone_and_foreign),
        cmocka_unit_test(probe_symlink_not_followed),
        cmocka_unit_test(probe_sparse_sum_saturates),
        cmocka_unit_test(probe_root_of_another_scheme),
        cmocka_unit_test(probe_not_an_archive),
        cmocka_unit_test(parse_part_prefix),
        cmocka_unit_test(probe_case),
        cmocka_unit_test(probe_part_prefix),
        cmocka_unit_test(probe_width_overflow),
        cmocka_unit_test(probe_v7_tar_and_mbox),
        cmocka_unit_test(probe_whole_archive_ends),
        cmocka_unit_test(probe_rar_last_volume),
        cmocka_unit_test(probe_zip_disks),
        cmocka_unit_test(starts_anew_heads_and_ends),
        cmocka_unit_test(declared_end_cab_wim_iso),
        cmocka_unit_test(probe_rar_followed_by_no_rar),
    };
    return cmocka_run_group_tests(tests, mkdir_tmp, rm_tmp);
}
