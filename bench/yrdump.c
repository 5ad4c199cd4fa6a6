/*
 * What leaksift hands YARA, written to files: an LD_PRELOAD shim around
 * yr_scanner_scan_mem() that saves every buffer scanned (raw bytes, text,
 * member names) as DIR/<pid>-<n>. Input for rules/mkatomq.py (the atom
 * quality table) and for costing rules one by one (docs/performance.md,
 * "fifteenth session"). Not part of the build; the workers' sandbox forbids
 * opening files, so run without it:
 *
 *   cc -O2 -shared -fPIC -o /tmp/yrdump.so bench/yrdump.c -ldl
 *   LS_YRDUMP=/tmp/dump LEAKSIFT_NO_SANDBOX=1 LD_PRELOAD=/tmp/yrdump.so \
 *       build/leaksift scan -q -j1 -o /tmp/m.jsonl CORPUS
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef int (*scan_fn)(void *, const uint8_t *, size_t);

int yr_scanner_scan_mem(void *scanner, const uint8_t *buf, size_t len)
{
    static scan_fn real;
    static unsigned long n;
    if (!real) real = (scan_fn)dlsym(RTLD_NEXT, "yr_scanner_scan_mem");
    const char *dir = getenv("LS_YRDUMP");
    if (dir && len) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%d-%06lu", dir, (int)getpid(), n++);
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(buf, 1, len, f);
            fclose(f);
        }
    }
    return real(scanner, buf, len);
}
