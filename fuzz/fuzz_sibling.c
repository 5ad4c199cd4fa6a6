/* Fuzz the sibling-schema readers (src/pipeline/sibling.c): toc.dat, .sql,
 * bcp .fmt and SQL*Loader .ctl schemas and the rows they label, through the
 * production pipeline. The input is wrapped as a ustar of two members, a
 * schema file and its data file, so the container's registry and its
 * look-ahead (the data member first) run too.
 *
 * Input: byte 0 picks the pair (toc.dat + 4001.dat, S.sql + S.txt, S.sql +
 * S.csv, S.fmt + S.dat, S.ctl + S.dat), byte 1's low bit the order (1:
 * data first); then the stem S up to a line end (letters, digits and '_',
 * at most 32; "x" if none: a .sql must name the table S, a .ctl the file),
 * the schema's bytes, "\n--DATA--\n", the data's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char *const pairs[][2] = {
    {"toc", ".dat"}, {".sql", ".txt"}, {".sql", ".csv"}, {".fmt", ".dat"}, {".ctl", ".dat"},
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
    char stem[33] = "x", schema[48], rows_name[48];
    size_t k = 2, sl = 0;
    while (k < size && data[k] != '\n' && k < 2 + 32) {
        uint8_t ch = data[k++];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_')
            stem[sl++] = (char)ch;
    }
    if (sl) stem[sl] = 0;
    if (k < size && data[k] == '\n') k++;
    if (strcmp(p[0], "toc") == 0) {
        memcpy(schema, "toc.dat", 8);
        memcpy(rows_name, "4001.dat", 9);
    } else {
        snprintf(schema, sizeof schema, "%s%s", stem, p[0]);
        snprintf(rows_name, sizeof rows_name, "%s%s", stem, p[1]);
    }
    const uint8_t *body = data + k;
    size_t blen = size - k, slen = blen;
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
    if (data_first) at += tar_member(tar + at, rows_name, rows, rlen);
    at += tar_member(tar + at, schema, body, slen);
    if (!data_first) at += tar_member(tar + at, rows_name, rows, rlen);
    at += 1024; /* two zero blocks end the archive */
    (void)fuzz_run_pipeline(ls_slice_make(tar, at), "dump.tar");
    free(tar);
    return 0;
}
