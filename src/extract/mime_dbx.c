/* Outlook Express 5/6 message stores (.dbx: Inbox.dbx, "Sent Items.dbx").
 * A message's RFC 822 text is kept in a chain of blocks, each a 16-byte
 * header (its own file offset, the block size 0x200, the bytes used, the
 * next block's offset or 0) and up to 0x200 bytes of text: a value or a
 * base64 line that crosses a block is cut in the raw bytes, and no
 * attachment is ever decoded there. The `dbx` handler walks the blocks
 * rather than the file's index tree: every block whose first word is its
 * own offset, chained by the next pointers; each chain that no other block
 * points into and whose text opens with a header field is a message,
 * handed over as msg-N (read by `mime`), in file order. Messages deleted
 * but not yet compacted away keep their blocks and are read too. A next
 * pointer that leads nowhere marks that message cut. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"

#define DBX_HDR_SIZE 0x24BCu
#define DBX_BLOCK 0x200u
#define DBX_MAX_BLOCKS (1u << 24)

static const uint8_t dbx_magic[20] = {0xCF, 0xAD, 0x12, 0xFE, 0xC5, 0xFD, 0x74, 0x6F, 0x66, 0xE3,
                                      0xD1, 0x11, 0x9A, 0x4E, 0x00, 0xC0, 0x4F, 0xD5, 0x35, 0x8B};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int dbx_probe(const struct ls_object *o)
{
    return o->data.len >= sizeof dbx_magic && memcmp(o->data.ptr, dbx_magic, sizeof dbx_magic) == 0 ? 95 : 0;
}

/* A message block at off: its own offset first, the block size, the bytes
 * used (at most the size), a next offset that is 0 or another 4-aligned
 * place in the file. */
static bool dbx_block(struct ls_slice d, size_t off)
{
    if (off < DBX_HDR_SIZE || off > d.len || d.len - off < 16) return false;
    const uint8_t *p = d.ptr + off;
    uint32_t size = le32(p + 4), used = le32(p + 8), next = le32(p + 12);
    if (le32(p) != off || size != DBX_BLOCK || used > size || used == 0) return false;
    return next == 0 || (next % 4 == 0 && next >= DBX_HDR_SIZE && next < d.len && next != off);
}

/* The message text opens with a header field name and ':' */
static bool opens_with_field(const uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n && i < 80 && p[i] > 32 && p[i] < 127 && p[i] != ':') i++;
    return i > 0 && i < n && p[i] == ':';
}

struct dbx_idx {
    uint32_t *off;   /* block offsets, ascending */
    uint8_t *pointed; /* per block: another block's next points here */
    uint8_t *taken;   /* per block: already read into a message */
    size_t n;
};

static size_t dbx_find(const struct dbx_idx *x, uint32_t off)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->off[mid] < off) lo = mid + 1;
        else hi = mid;
    }
    return lo < x->n && x->off[lo] == off ? lo : SIZE_MAX;
}

static ls_err dbx_message(struct ls_ctx *c, struct ls_object *o, const struct dbx_idx *x, size_t head,
                          unsigned long n)
{
    struct ls_slice d = o->data;
    uint64_t left = ls_budget_left(c);
    struct ls_buf b;
    /* each block is read into one message at most: a message is no longer than the file */
    ls_buf_init(&b, left < d.len ? (size_t)left : d.len);
    bool cut = false, shared = false;
    ls_err e = LS_OK;
    size_t i = head, steps = 0;
    for (;;) {
        if (x->taken[i]) { /* a tail another chain read already: review6's amplification */
            shared = true;
            break;
        }
        x->taken[i] = 1;
        const uint8_t *p = d.ptr + x->off[i];
        uint32_t used = le32(p + 8), next = le32(p + 12);
        size_t have = d.len - x->off[i] - 16;
        if (used > have) {
            used = (uint32_t)have;
            cut = true;
        }
        e = ls_buf_add(&b, p + 16, used);
        if (e != LS_OK || cut || next == 0) break;
        size_t j = dbx_find(x, next);
        if (j == SIZE_MAX || ++steps > x->n) { /* leads nowhere, or a loop */
            cut = true;
            break;
        }
        i = j;
    }
    if (e == LS_E_NOMEM) {
        ls_buf_free(&b);
        return e;
    }
    if (shared)
        ls_note(c, o, LS_R_PARSE_ERROR, "dbx: the block chain of message %lu runs into blocks another message holds", n);
    bool budget = e == LS_E_LIMIT || ls_budget_charge(c, o, b.len) != LS_OK;
    char name[32];
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    int nl = snprintf(name, sizeof name, "msg-%lu", n);
    ch.name = name;
    ch.name_len = nl > 0 ? (size_t)nl : 0;
    ch.data = ls_buf_slice(&b);
    if (cut || budget) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = budget ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        ch.error = budget ? "dbx: message read only up to the byte budget"
                          : "dbx: the message's block chain leads to no block (cut or overwritten)";
        if (cut) ls_note(c, o, LS_R_TRUNCATED, "dbx: the block chain of message %lu is broken", n);
    }
    e = ls_emit_child(c, o, &ch);
    ls_buf_free(&b);
    return budget ? LS_E_LIMIT : e;
}

static ls_err dbx_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    if (d.len < DBX_HDR_SIZE) {
        ls_note(c, o, LS_R_TRUNCATED, "dbx: the file is shorter than its header");
        return LS_OK;
    }
    struct dbx_idx x = {NULL, NULL, NULL, 0};
    size_t cap = 0, end = 0; /* end: where the last block's data ends */
    for (size_t off = DBX_HDR_SIZE; off + 16 <= d.len; off += 4) {
        if (((off - DBX_HDR_SIZE) & 0xFFFFC) == 0 && off > DBX_HDR_SIZE && ls_ctx_expired(c)) {
            free(x.off);
            return LS_E_TIMEOUT;
        }
        /* a block never starts inside another's data (blocks 16 bytes apart
         * had handed every byte over 32 times: review6) */
        if (off < end || !dbx_block(d, off)) continue;
        if (x.n == cap) {
            if (cap >= DBX_MAX_BLOCKS) break;
            cap = cap ? cap * 2 : 256;
            uint32_t *n2 = realloc(x.off, cap * sizeof *x.off);
            if (!n2) {
                free(x.off);
                return LS_E_NOMEM;
            }
            x.off = n2;
        }
        x.off[x.n++] = (uint32_t)off;
        uint32_t used = le32(d.ptr + off + 8);
        end = off + 16 + used;
        if ((x.n & 0xFFFF) == 0 && ls_ctx_expired(c)) {
            free(x.off);
            return LS_E_TIMEOUT;
        }
    }
    x.pointed = calloc(x.n ? x.n : 1, 1);
    x.taken = calloc(x.n ? x.n : 1, 1);
    if (!x.pointed || !x.taken) {
        free(x.off);
        free(x.pointed);
        free(x.taken);
        return LS_E_NOMEM;
    }
    for (size_t i = 0; i < x.n; i++) {
        uint32_t next = le32(d.ptr + x.off[i] + 12);
        size_t j = next ? dbx_find(&x, next) : SIZE_MAX;
        if (j != SIZE_MAX) x.pointed[j] = 1;
    }
    ls_err e = LS_OK;
    unsigned long n = 0;
    for (size_t i = 0; i < x.n && e == LS_OK; i++) {
        const uint8_t *p = d.ptr + x.off[i];
        uint32_t used = le32(p + 8);
        size_t have = d.len - x.off[i] - 16;
        if (x.pointed[i] || !opens_with_field(p + 16, used < have ? used : have)) continue;
        if (ls_ctx_expired(c)) {
            e = LS_E_TIMEOUT;
            break;
        }
        e = dbx_message(c, o, &x, i, ++n);
    }
    /* the header's item count (0xC4) says whether an empty result is right */
    uint32_t items = le32(d.ptr + 0xC4);
    if (e == LS_OK && n == 0 && items > 0)
        ls_note(c, o, LS_R_PARSE_ERROR, "dbx: the header lists %u messages, no message blocks found", items);
    free(x.off);
    free(x.pointed);
    free(x.taken);
    return e;
}

const struct ls_handler ls_handler_dbx = {
    .name = "dbx",
    .probe = dbx_probe,
    .extract = dbx_extract,
};
