/*
 * Compound File Binary reader ([MS-CFB] v3/v4). See ole2_cfb.h for the
 * contract and the list of attacker-controlled fields.
 *
 * Supported: 512- and 4096-byte sectors, DIFAT chains, mini FAT and mini
 * stream, directory chains, sibling trees of any shape (colours ignored).
 * Ignored on purpose: timestamps, state bits, transaction signature, the
 * range-lock sector, the header CLSID.
 */
#include "extract/ole2_cfb.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const uint8_t ole2_signature[OLE2_SIG_LEN] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

#define CFB_MAXREGSECT 0xFFFFFFFAu
#define CFB_DIFSECT 0xFFFFFFFCu
#define CFB_FATSECT 0xFFFFFFFDu
#define CFB_ENDOFCHAIN 0xFFFFFFFEu
#define CFB_FREESECT 0xFFFFFFFFu
#define CFB_HEADER_LEN 512u
#define CFB_HDR_DIFAT 109u
#define CFB_DIRENT 128u
#define CFB_MINI_SHIFT 6u
#define CFB_MINI_SIZE 64u
/* Directory entries kept: a .msg with thousands of attachments has tens of
 * thousands; past this the rest is dropped (damage noted). */
#define CFB_MAX_DIRENTS (1u << 18)
/* Storage nesting followed: real files nest a handful deep. */
#define CFB_MAX_STORAGE_DEPTH 64u
/* Marker size for "read until the chain ends" (the directory, mini FAT). */
#define CFB_UNTIL_END UINT64_MAX

struct cfb_header {
    uint16_t major, byte_order, sector_shift, mini_shift;
    uint32_t num_dir, num_fat, first_dir, mini_cutoff;
    uint32_t first_minifat, num_minifat, first_difat, num_difat;
    uint32_t difat[CFB_HDR_DIFAT];
};

bool ole2_is_cfb(struct ls_slice s)
{
    return ls_slice_starts(s, ole2_signature, OLE2_SIG_LEN);
}

void ole2_cfb_damage(struct ole2_cfb *f, unsigned bits, const char *fmt, ...)
{
    if (!f->damage && fmt) {
        va_list ap;
        va_start(ap, fmt);
        (void)vsnprintf(f->why, sizeof f->why, fmt, ap);
        va_end(ap);
    }
    f->damage |= bits;
}

/* ---- header ------------------------------------------------------------ */

static ls_err cfb_read_header(struct ls_slice d, struct cfb_header *h)
{
    struct ls_slice hs;
    LS_FAIL_IF(!ole2_is_cfb(d), LS_E_CORRUPT);
    LS_FAIL_IF(!ls_slice_sub(d, 0, CFB_HEADER_LEN, &hs), LS_E_TRUNCATED);
    bool ok = ls_rd_u16le(hs, 26, &h->major) && ls_rd_u16le(hs, 28, &h->byte_order) &&
              ls_rd_u16le(hs, 30, &h->sector_shift) && ls_rd_u16le(hs, 32, &h->mini_shift) &&
              ls_rd_u32le(hs, 40, &h->num_dir) && ls_rd_u32le(hs, 44, &h->num_fat) &&
              ls_rd_u32le(hs, 48, &h->first_dir) && ls_rd_u32le(hs, 56, &h->mini_cutoff) &&
              ls_rd_u32le(hs, 60, &h->first_minifat) && ls_rd_u32le(hs, 64, &h->num_minifat) &&
              ls_rd_u32le(hs, 68, &h->first_difat) && ls_rd_u32le(hs, 72, &h->num_difat);
    for (unsigned i = 0; ok && i < CFB_HDR_DIFAT; i++) ok = ls_rd_u32le(hs, 76 + 4 * i, &h->difat[i]);
    LS_FAIL_IF(!ok, LS_E_TRUNCATED);
    return LS_OK;
}

static ls_err cfb_apply_header(struct ole2_cfb *f, const struct cfb_header *h)
{
    /* Real files pair shift 9 with v3 and 12 with v4; anything else is
     * either a hostile header or damage. Other shifts are refused: a huge
     * shift would make every sector offset overflow. */
    LS_FAIL_IF(h->sector_shift != 9 && h->sector_shift != 12, LS_E_UNSUPPORTED);
    if (h->byte_order != 0xFFFE || (h->major != 3 && h->major != 4) ||
        (h->major == 3) != (h->sector_shift == 9))
        ole2_cfb_damage(f, OLE2_DMG_HEADER, "ole2: odd header (version %u, shift %u)",
                        (unsigned)h->major, (unsigned)h->sector_shift);
    if (h->mini_shift != CFB_MINI_SHIFT || h->mini_cutoff != 4096)
        ole2_cfb_damage(f, OLE2_DMG_HEADER, "ole2: odd mini sector settings");
    f->version = h->major == 4 ? 4 : 3;
    f->sector_shift = h->sector_shift;
    f->sector_size = (size_t)1 << h->sector_shift;
    f->mini_cutoff = 4096;
    uint64_t body = f->data.len > f->sector_size ? f->data.len - f->sector_size : 0;
    uint64_t n = (body + f->sector_size - 1) >> f->sector_shift;
    f->nsectors = n > CFB_MAXREGSECT ? CFB_MAXREGSECT : (uint32_t)n;
    return LS_OK;
}

/* Sector s as a slice (shorter than a sector at the end of a truncated
 * file); false if s does not start inside the file. */
static bool cfb_sector(const struct ole2_cfb *f, uint32_t s, struct ls_slice *out)
{
    if (s >= f->nsectors) return false;
    uint64_t off = ((uint64_t)s + 1) << f->sector_shift;
    if (off >= f->data.len) return false;
    size_t left = f->data.len - (size_t)off;
    return ls_slice_sub(f->data, (size_t)off, left < f->sector_size ? left : f->sector_size, out);
}

/* A fresh generation for the visited stamps (cycle detection). */
static void cfb_next_gen(struct ole2_cfb *f)
{
    f->gen++;
    if (f->gen == 0) {
        if (f->mark) memset(f->mark, 0, sizeof(uint32_t) * f->nsectors);
        if (f->minimark) memset(f->minimark, 0, sizeof(uint32_t) * f->nminisectors);
        f->gen = 1;
    }
}

/* ---- FAT and DIFAT ----------------------------------------------------- */

static bool cfb_is_free(uint32_t v) { return v == CFB_FREESECT || v == CFB_ENDOFCHAIN; }

/* Follow the DIFAT chain, appending FAT sector numbers to list. */
static void cfb_difat_chain(struct ole2_cfb *f, const struct cfb_header *h, uint32_t *list,
                            uint32_t want, uint32_t *have)
{
    uint32_t s = h->first_difat;
    uint32_t per = (uint32_t)(f->sector_size / 4) - 1;
    for (uint32_t hops = 0; *have < want && !cfb_is_free(s); hops++) {
        struct ls_slice sec;
        if (hops >= f->nsectors || !cfb_sector(f, s, &sec) || f->mark[s] == f->gen) {
            ole2_cfb_damage(f, OLE2_DMG_FAT, "ole2: DIFAT chain broken at sector %u", s);
            return;
        }
        f->mark[s] = f->gen;
        for (uint32_t i = 0; i < per && *have < want; i++) {
            uint32_t v = CFB_FREESECT;
            if (!ls_rd_u32le(sec, 4 * i, &v)) break;
            if (cfb_is_free(v)) continue;
            list[(*have)++] = v;
        }
        if (!ls_rd_u32le(sec, 4 * per, &s)) {
            ole2_cfb_damage(f, OLE2_DMG_TRUNCATED, "ole2: DIFAT sector truncated");
            return;
        }
    }
}

static ls_err cfb_load_fat(struct ole2_cfb *f, const struct cfb_header *h)
{
    uint32_t want = h->num_fat;
    if (want > f->nsectors) {
        ole2_cfb_damage(f, OLE2_DMG_FAT, "ole2: header claims %u FAT sectors, file has %u", want,
                        f->nsectors);
        want = f->nsectors;
    }
    uint32_t *list = calloc(want ? want : 1, sizeof *list);
    LS_FAIL_IF(!list, LS_E_NOMEM);
    uint32_t have = 0;
    for (unsigned i = 0; i < CFB_HDR_DIFAT && have < want; i++)
        if (!cfb_is_free(h->difat[i])) list[have++] = h->difat[i];
    cfb_next_gen(f);
    cfb_difat_chain(f, h, list, want, &have);
    if (have < want) ole2_cfb_damage(f, OLE2_DMG_FAT, "ole2: only %u of %u FAT sectors listed", have, want);

    uint32_t per = (uint32_t)(f->sector_size / 4);
    if ((uint64_t)have * per > UINT32_MAX) have = UINT32_MAX / per; /* files past 16 GiB */
    f->fat_len = have * per;
    f->fat = malloc(sizeof(uint32_t) * (f->fat_len ? f->fat_len : 1));
    if (!f->fat) {
        free(list);
        return LS_E_NOMEM;
    }
    for (uint32_t i = 0; i < have; i++) {
        struct ls_slice sec = {NULL, 0};
        if (!cfb_sector(f, list[i], &sec))
            ole2_cfb_damage(f, OLE2_DMG_FAT | ((f->data.len & (f->sector_size - 1)) ? OLE2_DMG_TRUNCATED : 0),
                            "ole2: FAT sector %u past end of file", list[i]);
        for (uint32_t j = 0; j < per; j++) {
            uint32_t v = 0;
            if (!ls_rd_u32le(sec, 4 * j, &v)) { /* a missing or cut FAT sector: its entries free */
                v = CFB_FREESECT;
                if (sec.ptr) ole2_cfb_damage(f, OLE2_DMG_TRUNCATED, "ole2: FAT sector %u truncated", list[i]);
            }
            f->fat[(size_t)i * per + j] = v;
        }
    }
    free(list);
    return LS_OK;
}

/* ---- chains ------------------------------------------------------------ */

/* Append the sector chain from `start` to out: `size` bytes (or until the
 * chain ends when size is CFB_UNTIL_END), at most max. tail_ok: a file
 * ending inside the chain's last sector is no damage (what is there is
 * kept; see cfb_load_mini). */
static ls_err cfb_read_chain_tail(struct ole2_cfb *f, uint32_t start, uint64_t size,
                                  struct ls_buf *out, uint64_t max, bool tail_ok)
{
    bool until_end = size == CFB_UNTIL_END;
    uint64_t want = size < max ? size : max;
    uint64_t got = 0;
    uint32_t s = start;
    cfb_next_gen(f);
    while (got < want) {
        struct ls_slice sec;
        if (s == CFB_ENDOFCHAIN && until_end) return LS_OK;
        if (s == CFB_ENDOFCHAIN || s == CFB_FREESECT) {
            ole2_cfb_damage(f, OLE2_DMG_CHAIN, "ole2: chain from sector %u ends early", start);
            return LS_E_TRUNCATED;
        }
        if (!cfb_sector(f, s, &sec)) {
            /* A truncated file rarely ends on a sector boundary; an index
             * past the end of a whole-sector file is corruption. */
            bool past = s <= CFB_MAXREGSECT && (f->data.len & (f->sector_size - 1)) != 0;
            ole2_cfb_damage(f, past ? OLE2_DMG_TRUNCATED : OLE2_DMG_CHAIN,
                            "ole2: chain from sector %u reaches sector %u outside the file", start, s);
            return past ? LS_E_TRUNCATED : LS_E_CORRUPT;
        }
        if (f->mark[s] == f->gen) {
            ole2_cfb_damage(f, OLE2_DMG_CHAIN, "ole2: chain from sector %u loops at sector %u", start, s);
            return LS_E_CORRUPT;
        }
        f->mark[s] = f->gen;
        uint64_t n = want - got < sec.len ? want - got : sec.len;
        ls_err e = ls_buf_add(out, sec.ptr, (size_t)n);
        if (e != LS_OK) return e;
        got += n;
        if (sec.len < f->sector_size && got < want) {
            if (tail_ok && s < f->fat_len && f->fat[s] == CFB_ENDOFCHAIN) return LS_OK;
            ole2_cfb_damage(f, OLE2_DMG_TRUNCATED, "ole2: file ends inside sector %u", s);
            return LS_E_TRUNCATED;
        }
        s = s < f->fat_len ? f->fat[s] : CFB_FREESECT;
    }
    return want < size && !until_end ? LS_E_LIMIT : LS_OK;
}

static ls_err cfb_read_chain(struct ole2_cfb *f, uint32_t start, uint64_t size,
                             struct ls_buf *out, uint64_t max)
{
    return cfb_read_chain_tail(f, start, size, out, max, false);
}

static ls_err cfb_read_mini(struct ole2_cfb *f, uint32_t start, uint64_t size,
                            struct ls_buf *out, uint64_t max)
{
    struct ls_slice ms = ls_buf_slice(&f->ministream);
    uint64_t want = size < max ? size : max;
    uint64_t got = 0;
    uint32_t s = start;
    cfb_next_gen(f);
    while (got < want) {
        struct ls_slice sec;
        size_t off = (size_t)s << CFB_MINI_SHIFT;
        if (s >= f->nminisectors || !ls_slice_from(ms, off, &sec)) {
            ole2_cfb_damage(f, OLE2_DMG_MINI, "ole2: mini chain from %u reaches %u outside the mini stream",
                            start, s);
            return LS_E_CORRUPT;
        }
        if (f->minimark[s] == f->gen) {
            ole2_cfb_damage(f, OLE2_DMG_MINI, "ole2: mini chain from %u loops at %u", start, s);
            return LS_E_CORRUPT;
        }
        f->minimark[s] = f->gen;
        uint64_t n = want - got;
        if (n > CFB_MINI_SIZE) n = CFB_MINI_SIZE;
        if (n > sec.len) n = sec.len;
        ls_err e = ls_buf_add(out, sec.ptr, (size_t)n);
        if (e != LS_OK) return e;
        got += n;
        if (got < want && sec.len < CFB_MINI_SIZE) {
            ole2_cfb_damage(f, OLE2_DMG_MINI, "ole2: mini stream ends inside mini sector %u", s);
            return LS_E_TRUNCATED;
        }
        if (got >= want) break;
        s = s < f->minifat_len ? f->minifat[s] : CFB_FREESECT;
        if (s == CFB_ENDOFCHAIN || s == CFB_FREESECT) {
            ole2_cfb_damage(f, OLE2_DMG_MINI, "ole2: mini chain from %u ends early", start);
            return LS_E_TRUNCATED;
        }
    }
    return want < size ? LS_E_LIMIT : LS_OK;
}

/* ---- directory --------------------------------------------------------- */

static void cfb_name(struct ls_slice ent, struct ole2_dirent *d)
{
    uint16_t nlen = 0;
    (void)ls_rd_u16le(ent, 64, &nlen);
    unsigned units = nlen >= 2 ? nlen / 2u - 1u : 0;
    if (units > 31) units = 31;
    size_t o = 0;
    for (unsigned i = 0; i < units; i++) {
        uint16_t u = 0;
        (void)ls_rd_u16le(ent, 2 * i, &u);
        if (u == 0) break;
        if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD; /* names are UCS-2 in practice */
        if (u < 0x80) {
            d->name[o++] = (char)u;
        } else if (u < 0x800) {
            d->name[o++] = (char)(0xC0 | (u >> 6));
            d->name[o++] = (char)(0x80 | (u & 0x3F));
        } else {
            d->name[o++] = (char)(0xE0 | (u >> 12));
            d->name[o++] = (char)(0x80 | ((u >> 6) & 0x3F));
            d->name[o++] = (char)(0x80 | (u & 0x3F));
        }
    }
    d->name[o] = '\0';
}

static void cfb_parse_dirent(struct ole2_cfb *f, struct ls_slice ent, struct ole2_dirent *d)
{
    uint32_t lo = 0, hi = 0;
    memset(d, 0, sizeof *d);
    cfb_name(ent, d);
    int t = ls_slice_at(ent, 66);
    d->type = t < 0 ? 0 : (uint8_t)t;
    (void)ls_rd_u32le(ent, 68, &d->left);
    (void)ls_rd_u32le(ent, 72, &d->right);
    (void)ls_rd_u32le(ent, 76, &d->child);
    for (unsigned i = 0; i < 16; i++) {
        int b = ls_slice_at(ent, 80 + i);
        d->clsid[i] = b < 0 ? 0 : (uint8_t)b;
    }
    (void)ls_rd_u32le(ent, 116, &d->start);
    (void)ls_rd_u32le(ent, 120, &lo);
    (void)ls_rd_u32le(ent, 124, &hi);
    /* v3 writers may leave garbage in the high half (MS-CFB 2.6.3). */
    d->size = f->version == 3 ? lo : ((uint64_t)hi << 32 | lo);
    /* Only streams and the root (its mini stream) have a size; storages
     * and unused entries must hold zero but old writers leave garbage
     * there (MS-CFB 2.6.3: ignored). Sweep: POI's 53446.doc (storage
     * 'ObjectPool') and 53446.ppt, 54332b.ppt (unused entries). */
    if (d->type != OLE2_T_STREAM && d->type != OLE2_T_ROOT) d->size = 0;
    if (d->size > f->data.len) {
        ole2_cfb_damage(f, OLE2_DMG_TRUNCATED, "ole2: entry '%s' claims %llu bytes, file has %zu",
                        d->name, (unsigned long long)d->size, f->data.len);
        d->size = f->data.len;
    }
    d->parent = d->first_child = d->next_sibling = OLE2_NOSTREAM;
}

static ls_err cfb_load_dir(struct ole2_cfb *f, const struct cfb_header *h)
{
    struct ls_buf raw;
    ls_buf_init(&raw, f->data.len);
    ls_err e = cfb_read_chain(f, h->first_dir, CFB_UNTIL_END, &raw, f->data.len);
    if (e == LS_E_NOMEM) goto out;
    size_t n = raw.len / CFB_DIRENT;
    if (n > CFB_MAX_DIRENTS) {
        ole2_cfb_damage(f, OLE2_DMG_DIR, "ole2: %zu directory entries, keeping %u", n, CFB_MAX_DIRENTS);
        n = CFB_MAX_DIRENTS;
    }
    e = n ? LS_OK : LS_E_CORRUPT;
    if (!n) goto out;
    f->dir = calloc(n, sizeof *f->dir);
    e = f->dir ? LS_OK : LS_E_NOMEM;
    if (!f->dir) goto out;
    f->ndir = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        struct ls_slice ent;
        if (ls_slice_sub(ls_buf_slice(&raw), i * CFB_DIRENT, CFB_DIRENT, &ent))
            cfb_parse_dirent(f, ent, &f->dir[i]);
    }
out:
    ls_buf_free(&raw);
    return e;
}

struct cfb_walk {
    uint8_t *seen;
    uint32_t *stack;
    uint32_t *queue;
    uint32_t qlen;
};

/* Visit the sibling tree under storage q in order, linking its entries. */
static void cfb_walk_storage(struct ole2_cfb *f, struct cfb_walk *w, uint32_t q)
{
    uint32_t sp = 0, cur = f->dir[q].child, tail = OLE2_NOSTREAM;
    for (;;) {
        while (cur != OLE2_NOSTREAM) {
            if (cur >= f->ndir || w->seen[cur]) {
                ole2_cfb_damage(f, OLE2_DMG_DIR, "ole2: directory link to %u is bad or loops", cur);
                break;
            }
            w->seen[cur] = 1;
            w->stack[sp++] = cur; /* each index is pushed once: sp <= ndir */
            cur = f->dir[cur].left;
        }
        if (sp == 0) break;
        uint32_t v = w->stack[--sp];
        struct ole2_dirent *d = &f->dir[v];
        cur = d->right;
        if (d->type != OLE2_T_STREAM && d->type != OLE2_T_STORAGE) {
            ole2_cfb_damage(f, OLE2_DMG_DIR, "ole2: entry %u of type %u in a storage", v, d->type);
            continue;
        }
        d->parent = q;
        d->depth = f->dir[q].depth + 1;
        if (tail == OLE2_NOSTREAM)
            f->dir[q].first_child = v;
        else
            f->dir[tail].next_sibling = v;
        tail = v;
        if (d->type != OLE2_T_STORAGE) continue;
        if (d->depth >= CFB_MAX_STORAGE_DEPTH)
            ole2_cfb_damage(f, OLE2_DMG_DIR, "ole2: storages nested deeper than %u", CFB_MAX_STORAGE_DEPTH);
        else
            w->queue[w->qlen++] = v;
    }
}

static ls_err cfb_tree(struct ole2_cfb *f)
{
    struct cfb_walk w = {0};
    w.seen = calloc(f->ndir, 1);
    w.stack = calloc(f->ndir, sizeof(uint32_t));
    w.queue = calloc(f->ndir, sizeof(uint32_t));
    ls_err e = LS_E_NOMEM;
    if (!w.seen || !w.stack || !w.queue) goto out;
    if (f->dir[0].type != OLE2_T_ROOT)
        ole2_cfb_damage(f, OLE2_DMG_DIR, "ole2: first directory entry is not the root");
    f->dir[0].depth = 0;
    w.seen[0] = 1;
    w.queue[w.qlen++] = 0;
    for (uint32_t i = 0; i < w.qlen; i++) cfb_walk_storage(f, &w, w.queue[i]);
    e = LS_OK;
out:
    free(w.seen);
    free(w.stack);
    free(w.queue);
    return e;
}

/* ---- mini FAT and mini stream ------------------------------------------ */

static ls_err cfb_load_mini(struct ole2_cfb *f, const struct cfb_header *h)
{
    const struct ole2_dirent *root = &f->dir[0];
    ls_buf_init(&f->ministream, f->data.len);
    if (root->size == 0 || cfb_is_free(h->first_minifat)) return LS_OK;
    /* The mini stream's size counts whole mini sectors; writers that do not
     * pad the file's last sector (PhpSpreadsheet's sample.xls ends 11 bytes
     * into it: the unused tail of the last mini sector) lose nothing. A
     * stream that needs the missing bytes is cut in cfb_read_mini. */
    ls_err e = cfb_read_chain_tail(f, root->start, root->size, &f->ministream, f->data.len, true);
    if (e == LS_E_NOMEM) return e;
    if (e != LS_OK) f->damage |= OLE2_DMG_MINI;
    f->nminisectors = (uint32_t)((f->ministream.len + CFB_MINI_SIZE - 1) >> CFB_MINI_SHIFT);

    struct ls_buf raw;
    ls_buf_init(&raw, f->data.len);
    e = cfb_read_chain(f, h->first_minifat, CFB_UNTIL_END, &raw, f->data.len);
    if (e == LS_E_NOMEM) goto out;
    if (e != LS_OK) f->damage |= OLE2_DMG_MINI;
    f->minifat_len = (uint32_t)(raw.len / 4);
    f->minifat = malloc(sizeof(uint32_t) * (f->minifat_len ? f->minifat_len : 1));
    f->minimark = calloc(f->nminisectors ? f->nminisectors : 1, sizeof(uint32_t));
    e = f->minifat && f->minimark ? LS_OK : LS_E_NOMEM;
    for (uint32_t i = 0; e == LS_OK && i < f->minifat_len; i++)
        (void)ls_rd_u32le(ls_buf_slice(&raw), 4 * (size_t)i, &f->minifat[i]);
out:
    ls_buf_free(&raw);
    return e;
}

/* ---- public ------------------------------------------------------------ */

ls_err ole2_cfb_open(struct ole2_cfb *f, struct ls_slice data)
{
    struct cfb_header h;
    memset(f, 0, sizeof *f);
    f->data = data;
    ls_buf_init(&f->ministream, 0);
    LS_TRY(cfb_read_header(data, &h));
    LS_TRY(cfb_apply_header(f, &h));
    f->mark = calloc(f->nsectors ? f->nsectors : 1, sizeof(uint32_t));
    LS_FAIL_IF(!f->mark, LS_E_NOMEM);
    LS_TRY(cfb_load_fat(f, &h));
    LS_TRY(cfb_load_dir(f, &h));
    LS_TRY(cfb_tree(f));
    return cfb_load_mini(f, &h);
}

void ole2_cfb_close(struct ole2_cfb *f)
{
    free(f->fat);
    free(f->minifat);
    free(f->dir);
    free(f->mark);
    free(f->minimark);
    ls_buf_free(&f->ministream);
    f->fat = f->minifat = f->mark = f->minimark = NULL;
    f->dir = NULL;
    f->ndir = 0;
}

static bool cfb_name_eq(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'a' && x <= 'z') x = (unsigned char)(x - 32);
        if (y >= 'a' && y <= 'z') y = (unsigned char)(y - 32);
        if (x != y) return false;
        if (!x) return true;
    }
}

uint32_t ole2_cfb_find_type(const struct ole2_cfb *f, uint32_t storage, const char *name, uint8_t type)
{
    if (storage >= f->ndir) return OLE2_NOSTREAM;
    uint32_t i = f->dir[storage].first_child;
    for (uint32_t hops = 0; i < f->ndir && hops < f->ndir; hops++, i = f->dir[i].next_sibling)
        if ((type == 0 || f->dir[i].type == type) && cfb_name_eq(f->dir[i].name, name)) return i;
    return OLE2_NOSTREAM;
}

uint32_t ole2_cfb_find(const struct ole2_cfb *f, uint32_t storage, const char *name)
{
    return ole2_cfb_find_type(f, storage, name, 0);
}

ls_err ole2_cfb_read(struct ole2_cfb *f, uint32_t idx, struct ls_buf *out, uint64_t max)
{
    LS_FAIL_IF(idx >= f->ndir || f->dir[idx].type != OLE2_T_STREAM, LS_E_ARG);
    const struct ole2_dirent *d = &f->dir[idx];
    if (d->size == 0) return LS_OK;
    if (d->size < f->mini_cutoff) return cfb_read_mini(f, d->start, d->size, out, max);
    return cfb_read_chain(f, d->start, d->size, out, max);
}
