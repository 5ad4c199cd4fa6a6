/*
 * Single-byte code pages to Unicode (see ls_core.h). The tables are
 * generated (codepage_tables.h, by scripts/gen_codepages.py): this file only
 * looks them up. No iconv: glibc's iconv loads gconv modules from disk,
 * which the worker sandbox forbids.
 */
#include <stdlib.h>
#include <string.h>

#include "core/ls_core.h"

struct ls_codepage {
    const char *name;      /* canonical (IANA) name */
    unsigned number;       /* Windows code page identifier */
    const uint16_t *high;  /* bytes 0x80-0xFF */
};

struct ls_codepage_name {
    const char *key; /* lower-case ASCII letters and digits only */
    unsigned idx;
};

struct ls_codepage_num {
    unsigned number;
    unsigned idx;
};

#include "core/codepage_tables.h"

/* Longest key worth comparing: the longest alias is well below this. */
#define CP_KEY_MAX 40u

static int cp_name_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct ls_codepage_name *)elem)->key);
}

static int cp_num_cmp(const void *key, const void *elem)
{
    unsigned a = *(const unsigned *)key, b = ((const struct ls_codepage_num *)elem)->number;
    return a < b ? -1 : a > b;
}

const struct ls_codepage *ls_codepage_by_name(struct ls_slice name)
{
    char k[CP_KEY_MAX + 1];
    size_t n = 0;
    for (size_t i = 0; i < name.len; i++) {
        int ch = ls_slice_at(name, i);
        if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) continue;
        if (n == CP_KEY_MAX) return NULL; /* too long to be a name we know */
        k[n++] = (char)ch;
    }
    if (n == 0) return NULL;
    k[n] = '\0';
    const struct ls_codepage_name *hit =
        bsearch(k, ls_codepage_names, sizeof ls_codepage_names / sizeof ls_codepage_names[0],
                sizeof ls_codepage_names[0], cp_name_cmp);
    return hit ? &ls_codepages[hit->idx] : NULL;
}

const struct ls_codepage *ls_codepage_by_number(unsigned number)
{
    const struct ls_codepage_num *hit =
        bsearch(&number, ls_codepage_nums, sizeof ls_codepage_nums / sizeof ls_codepage_nums[0],
                sizeof ls_codepage_nums[0], cp_num_cmp);
    return hit ? &ls_codepages[hit->idx] : NULL;
}

const char *ls_codepage_name(const struct ls_codepage *cp)
{
    return cp ? cp->name : "windows-1252";
}

unsigned ls_codepage_number(const struct ls_codepage *cp)
{
    return cp ? cp->number : 1252u;
}

uint32_t ls_codepage_map(const struct ls_codepage *cp, uint8_t ch)
{
    if (ch < 0x80) return ch;
    if (!cp) return ls_cp1252(ch);
    return cp->high[ch - 0x80];
}

ls_err ls_codepage_to_utf8(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp)
{
    size_t run = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        if (ch < 0x80) continue;
        /* ASCII runs are copied as they are */
        LS_TRY(ls_buf_add(b, s.ptr + run, i - run));
        LS_TRY(ls_utf8_put(b, ls_codepage_map(cp, ch)));
        run = i + 1;
    }
    return ls_buf_add(b, s.ptr + run, s.len - run);
}
