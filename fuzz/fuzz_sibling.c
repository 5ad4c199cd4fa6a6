/* Fuzz the sibling-schema readers (src/pipeline/sibling.c): toc.dat, .sql,
 * bcp .fmt and SQL*Loader .ctl schemas and the rows they label, through the
 * production pipeline. The input is wrapped as a ustar of two members, a
 * schema file and its data file, so the container's registry and its
 * look-ahead (the data member first) run too.
 *
 * Input: byte 0 picks the pair (toc.dat + 4001.dat, x.sql + x.txt, x.sql +
 * x.csv, x.fmt + x.dat, x.ctl + x.dat), byte 1's low bit the order (1:
 * data first); then the schema's bytes, "\n--DATA--\n", the data's. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char *const pairs[][2] = {
    {"toc.dat", "4001.dat"}, {"x.sql", "x.txt"}, {"x.sql", "x.csv"}, {"x.fmt", "x.dat"}, {"x.ctl", "x.dat"},
};

/* One ustar member: header (name, mode, size, typeflag, magic, checksum) and data. */
static size_t tar_member(uint8_t *out, const char *name, const uint8_t *d, size_t n)
{
    uint8_t *h = out;
    memset(h, 0, 512);
    memcpy(h, name, strlen(name));
    memcpy(h + 100, "0000644", 7);
    for (int i = 10; i >= 0; i--) h[124 + (10 - i)] = (uint8_t)('0' + ((n >> (3 * i)) & 7));
    h[156] = '0';
    memcpy(h + 257, "ustar\0" "00", 8);
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; i++) sum += h[i];
    for (int i = 5; i >= 0; i--) h[148 + (5 - i)] = (uint8_t)('0' + ((sum >> (3 * i)) & 7));
    h[154] = 0;
    if (n) memcpy(out + 512, d, n);
    size_t padded = (n + 511) / 512 * 512;
    memset(out + 512 + n, 0, padded - n);
    return 512 + padded;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    const char *const *p = pairs[data[0] % (sizeof pairs / sizeof pairs[0])];
    bool data_first = data[1] & 1;
    const uint8_t *body = data + 2;
    size_t blen = size - 2, slen = blen;
    static const char sep[] = "\n--DATA--\n";
    const uint8_t *rows = (const uint8_t *)"";
    size_t rlen = 0;
    for (size_t i = 0; i + sizeof sep - 1 <= blen; i++)
        if (memcmp(body + i, sep, sizeof sep - 1) == 0) {
            slen = i;
            rows = body + i + sizeof sep - 1;
            rlen = blen - i - (sizeof sep - 1);
            break;
        }
    uint8_t *tar = calloc(1, slen + rlen + 4 * 512 + 1024);
    if (!tar) return 0;
    size_t at = 0;
    if (data_first) at += tar_member(tar + at, p[1], rows, rlen);
    at += tar_member(tar + at, p[0], body, slen);
    if (!data_first) at += tar_member(tar + at, p[1], rows, rlen);
    at += 1024; /* two zero blocks end the archive */
    (void)fuzz_run_pipeline(ls_slice_make(tar, at), "dump.tar");
    free(tar);
    return 0;
}
