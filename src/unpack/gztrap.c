/* gzip header traps (gztrap.h). */
#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>

#include "core/watch.h"
#include "unpack/gztrap.h"

#define GZ_FEXTRA 0x04u
#define GZ_FNAME 0x08u
#define GZ_FCOMMENT 0x10u

static bool is_gzip(struct ls_slice s)
{
    return ls_slice_at(s, 0) == 0x1f && ls_slice_at(s, 1) == 0x8b && ls_slice_at(s, 2) == 8;
}

bool ls_gztrap_header_open(struct ls_slice h)
{
    if (!is_gzip(h)) return false;
    int flags = ls_slice_at(h, 3);
    if (flags < 0) return false;
    size_t pos = 10;
    if (flags & GZ_FEXTRA) {
        int lo = ls_slice_at(h, pos), hi = ls_slice_at(h, pos + 1);
        if (lo < 0 || hi < 0) return false; /* cut short: libarchive says so */
        pos += 2 + (size_t)(lo | hi << 8);
    }
    for (unsigned field = GZ_FNAME; field <= GZ_FCOMMENT; field <<= 1) {
        if (!(flags & (int)field)) continue;
        size_t nul = ls_slice_find(h, pos, "", 1);
        if (nul == SIZE_MAX) return pos < h.len || h.len >= LS_GZTRAP_WINDOW;
        pos = nul + 1;
    }
    return false;
}

/* A NUL-terminated header field at *pos (without its NUL); empty and *pos at
 * the end if it never ends. */
static struct ls_slice gz_zfield(struct ls_slice h, size_t *pos)
{
    struct ls_slice f = {0};
    size_t nul = ls_slice_find(h, *pos, "", 1);
    if (nul == SIZE_MAX || !ls_slice_sub(h, *pos, nul - *pos, &f)) {
        *pos = h.len;
        return (struct ls_slice){0};
    }
    *pos = nul + 1;
    return f;
}

bool ls_gz_header_fields(struct ls_slice h, struct ls_gz_fields *f)
{
    memset(f, 0, sizeof *f);
    if (!is_gzip(h) || h.len < 10) return false;
    int flags = ls_slice_at(h, 3);
    size_t pos = 10;
    uint16_t xlen;
    if (flags & GZ_FEXTRA) {
        if (!ls_rd_u16le(h, pos, &xlen) || !ls_slice_sub(h, pos + 2, xlen, &f->extra)) return true;
        pos += 2u + xlen;
    }
    if (flags & GZ_FNAME) f->name = gz_zfield(h, &pos);
    if (flags & GZ_FCOMMENT) f->comment = gz_zfield(h, &pos);
    return true;
}

/* The first LS_GZTRAP_WINDOW bytes of one gzip level decoded, into out. */
static size_t decode_level(struct ls_slice in, uint8_t *out)
{
    struct archive *a = archive_read_new();
    size_t got = 0;
    if (!a) return 0;
    struct archive_entry *e;
    ls_watch_enter();
    if (archive_read_support_format_raw(a) == ARCHIVE_OK &&
        archive_read_append_filter(a, ARCHIVE_FILTER_GZIP) == ARCHIVE_OK &&
        archive_read_open_memory(a, in.ptr, in.len) == ARCHIVE_OK &&
        archive_read_next_header(a, &e) == ARCHIVE_OK) {
        while (got < LS_GZTRAP_WINDOW) {
            la_ssize_t n = archive_read_data(a, out + got, LS_GZTRAP_WINDOW - got);
            if (n <= 0) break;
            got += (size_t)n;
            ls_watch_tick();
        }
    }
    ls_watch_leave();
    archive_read_free(a);
    return got;
}

bool ls_gztrap(struct ls_slice s, unsigned *level)
{
    if (!is_gzip(s)) return false;
    uint8_t *buf = malloc(2u * LS_GZTRAP_WINDOW);
    if (!buf) return false;
    uint8_t *half[2] = {buf, buf + LS_GZTRAP_WINDOW};
    bool trap = false;
    struct ls_slice cur = s;
    for (unsigned lvl = 1; lvl <= LS_GZTRAP_LEVELS && !trap; lvl++) {
        uint8_t *out = half[lvl % 2];
        size_t n = decode_level(cur, out);
        struct ls_slice next = ls_slice_make(out, n);
        if (!is_gzip(next)) break;
        trap = ls_gztrap_header_open(next);
        *level = lvl;
        cur = next;
    }
    free(buf);
    return trap;
}
