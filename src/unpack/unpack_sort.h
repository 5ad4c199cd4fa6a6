/* In-place heapsort (see unpack_sort.c for why not qsort). */
#ifndef LS_UNPACK_SORT_H
#define LS_UNPACK_SORT_H
#include <stddef.h>
void unpack_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
#endif
