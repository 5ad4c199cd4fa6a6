/*
 * In-place heapsort for src/unpack/. Not glibc's qsort(): for arrays over
 * a few KiB it asks sysinfo() for the machine's memory (to choose merge
 * sort), a call the worker sandbox does not allow; heapsort also needs no
 * allocation and has no quadratic worst case on crafted input.
 */
#include <string.h>

#include "unpack/unpack_sort.h"

static void swap_elems(unsigned char *a, unsigned char *b, size_t size)
{
    while (size--) {
        unsigned char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void sift_down(unsigned char *base, size_t root, size_t n, size_t size,
                      int (*cmp)(const void *, const void *))
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n) return;
        if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0) child++;
        if (cmp(base + root * size, base + child * size) >= 0) return;
        swap_elems(base + root * size, base + child * size, size);
        root = child;
    }
}

void unpack_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    unsigned char *b = base;
    if (n < 2) return;
    for (size_t i = n / 2; i-- > 0;) sift_down(b, i, n, size, cmp);
    for (size_t end = n - 1; end > 0; end--) {
        swap_elems(b, b + end * size, size);
        sift_down(b, 0, end, size, cmp);
    }
}
