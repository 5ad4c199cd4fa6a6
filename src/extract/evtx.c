/*
 * Windows XML event logs (.evtx, Vista and later): what a workstation
 * records of logons (account names, often e-mail addresses), PowerShell
 * script blocks (passwords typed into scripts), installs and mounts.
 *
 * Layout (Microsoft's MS-EVEN6 binary XML; libevtx's format notes): a
 * 4096-byte file header "ElfFile\0", then 64 KiB chunks "ElfChnk\0" whose
 * records start at 512: magic 2A 2A 00 00, size, record id, FILETIME, the
 * event as binary XML, the size again. An event is a template instance: a
 * template (elements, attributes and substitution slots, with names as
 * offsets into the chunk, defined inline the first time the chunk uses it)
 * and an array of substitution values (count, then (size, type) pairs, then
 * the values back to back, strings UTF-16LE without a terminator). Read as
 * UTF-16 runs the values glue together ("...@acme-corp.testACME"); this
 * reader walks the array, so each value stands apart, labelled by what the
 * template names its slot: the <Data Name="..."> attribute's value, else
 * the element's name ("TargetUserName: ada@...").
 *
 * Text: one "label: value" line per string value (UTF-16, ANSI, string
 * arrays), nested binary XML values read the same way (to a depth of
 * EVTX_DEPTH_MAX), and strings the event holds outside templates or
 * writes into a template it defines (a <Computer> name is often constant
 * text of the template, not a substitution). Chunks
 * are found at their places (4096 + 64 KiB * n, or at 0 for a carved
 * chunk); a record whose size or magic is wrong ends its chunk
 * (parse_error), the rest of the file still read. A file shorter than
 * the chunks its header counts (u16 at 42), or whose last chunk ends
 * before the chunk's free-space offset (u32 at 48), is truncated.
 */
#include "core/handler.h"

#include <string.h>

#define EVTX_CHUNK 65536u
#define EVTX_HEADER 4096u
#define EVTX_DEPTH_MAX 8u
#define EVTX_SLOTS 64u
#define EVTX_LABEL 48u
#define EVTX_TEMPLATE_MAX (16u << 10)  /* a template's definition read for labels */
#define EVTX_TEMPLATE_BUDGET (4u << 20) /* template bytes read for labels per chunk */

struct evtx {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice chunk; /* names and templates are chunk offsets */
    struct ls_buf text;
    size_t tbudget; /* template bytes left to read for labels in this chunk */
    bool damaged;
    bool cut;  /* a chunk ends before its records do */
    bool statics; /* walking a template defined in place: its own strings are text too */
    bool full; /* the text limit was reached */
};

/* Slot labels collected from a template: UTF-8, at most EVTX_LABEL bytes. */
struct slots {
    char label[EVTX_SLOTS][EVTX_LABEL];
};

static int evtx_probe(const struct ls_object *o)
{
    if (ls_slice_starts(o->data, "ElfFile\0", 8)) return 95;
    if (ls_slice_starts(o->data, "ElfChnk\0", 8)) return 90;
    return 0;
}

static bool rd16(struct ls_slice s, size_t off, uint16_t *v) { return ls_rd_u16le(s, off, v); }
static bool rd32(struct ls_slice s, size_t off, uint32_t *v) { return ls_rd_u32le(s, off, v); }

/* A name structure at chunk offset off (next u32, hash u16, count u16,
 * UTF-16 characters, a NUL) -> the characters as ASCII-folded UTF-8 in
 * out (at most n-1 bytes); *size: the structure's bytes. */
static bool evtx_name(struct evtx *x, size_t off, char *out, size_t n, size_t *size)
{
    uint16_t cnt;
    struct ls_slice chars;
    if (!rd16(x->chunk, off + 6, &cnt) || !ls_slice_sub(x->chunk, off + 8, (size_t)cnt * 2, &chars)) return false;
    size_t k = 0;
    for (size_t i = 0; i < cnt && k + 1 < n; i++) {
        uint16_t ch;
        (void)rd16(chars, 2 * i, &ch);
        out[k++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '_';
    }
    if (n) out[k] = 0;
    *size = 8 + (size_t)cnt * 2 + 2;
    return true;
}

/* A name reference at *pos: a chunk offset, the name inline when it points
 * right after itself. */
static bool evtx_name_ref(struct evtx *x, size_t *pos, char *out, size_t n)
{
    uint32_t off;
    size_t size;
    if (!rd32(x->chunk, *pos, &off)) return false;
    *pos += 4;
    if (off == *pos) {
        if (!evtx_name(x, off, out, n, &size)) return false;
        *pos += size;
        return true;
    }
    if (!evtx_name(x, off, out, n, &size) && n) out[0] = 0; /* a bad reference: no name, not fatal */
    return true;
}

static ls_err evtx_flush(struct evtx *x)
{
    if (x->text.len == 0 || x->full) return LS_OK;
    ls_err e = ls_emit_text(x->c, x->o, x->text.ptr, x->text.len);
    ls_buf_reset(&x->text);
    if (e == LS_E_LIMIT) {
        x->full = true;
        return LS_OK;
    }
    return e;
}

static ls_err evtx_line(struct evtx *x, const char *label, struct ls_slice v, bool wide, bool array)
{
    if (v.len == 0) return LS_OK;
    if (label && label[0]) {
        LS_TRY(ls_buf_adds(&x->text, label));
        LS_TRY(ls_buf_adds(&x->text, ": "));
    }
    if (wide) {
        /* a string array (0x81) separates its strings with NULs */
        for (size_t i = 0; i + 1 < v.len; i += 2) {
            uint16_t ch;
            (void)rd16(v, i, &ch);
            if (ch == 0) {
                if (!array) break; /* a string's terminator, written by most providers */
                LS_TRY(ls_buf_addc(&x->text, '\n'));
                continue;
            }
            struct ls_slice one;
            (void)ls_slice_sub(v, i, 2, &one);
            if (ch >= 0xd800 && ch < 0xdc00 && i + 3 < v.len) { /* keep a surrogate pair together */
                (void)ls_slice_sub(v, i, 4, &one);
                i += 2;
            }
            LS_TRY(ls_utf16_to_utf8(&x->text, one, false));
        }
    } else {
        LS_TRY(ls_utf8_lossy(&x->text, v));
    }
    LS_TRY(ls_buf_addc(&x->text, '\n'));
    return x->text.len >= (64u << 10) ? evtx_flush(x) : LS_OK;
}

static ls_err evtx_binxml(struct evtx *x, size_t pos, size_t end, unsigned depth, struct slots *lab);

/* A template instance's substitution values at *pos. */
static ls_err evtx_values(struct evtx *x, size_t *pos, size_t end, unsigned depth, const struct slots *lab)
{
    uint32_t count;
    if (!rd32(x->chunk, *pos, &count) || count > (end - *pos) / 4) {
        x->damaged = true;
        return LS_OK;
    }
    size_t desc = *pos + 4, val = desc + (size_t)count * 4;
    for (uint32_t i = 0; i < count && val <= end && !x->full; i++) {
        uint16_t size;
        int type = ls_slice_at(x->chunk, desc + 4 * i + 2);
        struct ls_slice v;
        if (!rd16(x->chunk, desc + 4 * i, &size) || type < 0 || size > end - val ||
            !ls_slice_sub(x->chunk, val, size, &v)) {
            x->damaged = true;
            break;
        }
        const char *label = i < EVTX_SLOTS && lab ? lab->label[i] : "";
        if (type == 0x01 || type == 0x81)
            LS_TRY(evtx_line(x, label, v, true, type == 0x81));
        else if (type == 0x02)
            LS_TRY(evtx_line(x, label, v, false, false));
        else if (type == 0x21 && size > 0)
            LS_TRY(evtx_binxml(x, val, val + size, depth + 1, NULL));
        val += size;
    }
    *pos = val;
    return LS_OK;
}

/* Copy a UTF-16 string's ASCII into a label. */
static void evtx_label_from(struct ls_slice w, char *out, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i + 1 < w.len && k + 1 < n; i += 2) {
        uint16_t ch;
        (void)rd16(w, i, &ch);
        out[k++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '_';
    }
    if (n) out[k] = 0;
}

/*
 * Walk binary XML in the chunk from pos to end. With lab (a template's
 * definition), collect each substitution slot's label; without, emit
 * strings and read template instances' values.
 */
static ls_err evtx_binxml(struct evtx *x, size_t pos, size_t end, unsigned depth, struct slots *lab)
{
    char elem[EVTX_LABEL] = "", attr[EVTX_LABEL] = "", name_attr[EVTX_LABEL] = "";
    bool in_attr = false, attr_is_name = false;
    if (depth > EVTX_DEPTH_MAX) {
        x->damaged = true;
        return LS_OK;
    }
    while (pos < end && !x->full) {
        int t = ls_slice_at(x->chunk, pos);
        if (t < 0) break;
        size_t at = pos++;
        switch (t & ~0x40) {
        case 0x00: /* end of fragment */
            return LS_OK;
        case 0x01: { /* open start element: dependency, size, name[, attribute list size] */
            pos += 6;
            if (!evtx_name_ref(x, &pos, elem, sizeof elem)) goto bad;
            if (t & 0x40) pos += 4;
            name_attr[0] = 0;
            in_attr = false;
            break;
        }
        case 0x02: /* close start element */
        case 0x03: /* close empty element */
        case 0x04: /* end element */
            in_attr = false;
            break;
        case 0x05: { /* value: type, then a counted UTF-16 string */
            int vt = ls_slice_at(x->chunk, pos);
            uint16_t cnt;
            struct ls_slice w;
            if (vt != 0x01 || !rd16(x->chunk, pos + 1, &cnt) || !ls_slice_sub(x->chunk, pos + 3, (size_t)cnt * 2, &w))
                goto bad;
            pos += 3 + (size_t)cnt * 2;
            if (in_attr && attr_is_name)
                evtx_label_from(w, name_attr, sizeof name_attr);
            else if (!lab || x->statics)
                LS_TRY(evtx_line(x, in_attr ? attr : "", w, true, false));
            break;
        }
        case 0x06: /* attribute */
            if (!evtx_name_ref(x, &pos, attr, sizeof attr)) goto bad;
            in_attr = true;
            attr_is_name = strcmp(attr, "Name") == 0;
            break;
        case 0x07:   /* CDATA */
        case 0x0b: { /* PI data */
            uint16_t cnt;
            struct ls_slice w;
            if (!rd16(x->chunk, pos, &cnt) || !ls_slice_sub(x->chunk, pos + 2, (size_t)cnt * 2, &w)) goto bad;
            pos += 2 + (size_t)cnt * 2;
            if (!lab || x->statics) LS_TRY(evtx_line(x, elem, w, true, false));
            break;
        }
        case 0x08: /* character reference */
            pos += 2;
            break;
        case 0x09: /* entity reference */
        case 0x0a: /* PI target */
            if (!evtx_name_ref(x, &pos, attr, sizeof attr)) goto bad;
            break;
        case 0x0c: { /* template instance: version, id, definition offset */
            uint32_t def, dsize;
            if (lab) return LS_OK; /* a template inside a template's definition: not followed */
            if (!rd32(x->chunk, pos + 5, &def)) goto bad;
            pos += 9;
            struct slots s;
            memset(&s, 0, sizeof s);
            bool here = def == pos;
            size_t dstart = (size_t)def + 24;
            if (!rd32(x->chunk, (size_t)def + 20, &dsize) || dstart > x->chunk.len || dsize > x->chunk.len - dstart) {
                if (here) goto bad;
            } else if (here) {
                /* defined here: its labels, and the strings written into
                 * it (a <Computer> name, a channel: constant when the
                 * template was made), read once as the record's bytes */
                if (dstart > end || dsize > end - dstart) goto bad;
                x->statics = true;
                ls_err e = evtx_binxml(x, dstart, dstart + dsize, depth + 1, &s);
                x->statics = false;
                LS_TRY(e);
            } else if (def < at) { /* defined earlier in the chunk: labels */
                size_t n = dsize < EVTX_TEMPLATE_MAX ? dsize : EVTX_TEMPLATE_MAX;
                if (n <= x->tbudget) {
                    x->tbudget -= n;
                    LS_TRY(evtx_binxml(x, dstart, dstart + n, depth + 1, &s));
                }
            }
            if (here) {
                if (dsize > end - dstart) goto bad;
                pos = dstart + dsize;
            }
            LS_TRY(evtx_values(x, &pos, end, depth, &s));
            break;
        }
        case 0x0d: /* normal substitution */
        case 0x0e: { /* optional substitution */
            uint16_t id;
            if (!rd16(x->chunk, pos, &id)) goto bad;
            pos += 3;
            if (lab && id < EVTX_SLOTS) {
                const char *l = in_attr ? attr : name_attr[0] ? name_attr : elem;
                memcpy(lab->label[id], l, EVTX_LABEL);
                lab->label[id][EVTX_LABEL - 1] = 0;
            }
            break;
        }
        case 0x0f: /* fragment header: major, minor, flags */
            pos += 3;
            break;
        default:
            goto bad;
        }
    }
    return LS_OK;
bad:
    x->damaged = true;
    return LS_OK;
}

/* The records of one chunk. */
static ls_err evtx_chunk(struct evtx *x)
{
    uint32_t free_off = 0; /* a chunk cut before its free-space offset (52 bytes) has none */
    size_t end = x->chunk.len;
    if (rd32(x->chunk, 48, &free_off) && free_off >= 512 && free_off <= end) end = free_off;
    /* the free-space offset past a short chunk's end: records are missing */
    if (x->chunk.len < EVTX_CHUNK && free_off > x->chunk.len && free_off <= EVTX_CHUNK) x->cut = true;
    size_t pos = 512;
    x->tbudget = EVTX_TEMPLATE_BUDGET;
    while (pos + 28 <= end && !x->full) {
        uint32_t magic, size;
        if (!rd32(x->chunk, pos, &magic) || !rd32(x->chunk, pos + 4, &size)) break;
        if (magic != 0x2a2a) {
            if (magic != 0) x->damaged = true; /* zeros: unused space */
            break;
        }
        if (size < 28 || size > end - pos) {
            x->damaged = true;
            break;
        }
        LS_TRY(evtx_binxml(x, pos + 24, pos + size - 4, 0, NULL));
        pos += size;
    }
    return evtx_flush(x);
}

static ls_err evtx_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct evtx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.o = o;
    ls_buf_init(&x.text, SIZE_MAX);
    size_t first = ls_slice_starts(o->data, "ElfFile\0", 8) ? EVTX_HEADER : 0;
    ls_err e = LS_OK;
    unsigned chunks = 0;
    for (size_t at = first; at < o->data.len && e == LS_OK && !x.full; at += EVTX_CHUNK) {
        if (!ls_slice_sub(o->data, at, EVTX_CHUNK, &x.chunk)) (void)ls_slice_from(o->data, at, &x.chunk);
        if (!ls_slice_starts(x.chunk, "ElfChnk\0", 8)) continue; /* an unused or wiped chunk */
        chunks++;
        e = evtx_chunk(&x);
    }
    /* the header's chunk count (u16 at 42) against the bytes there are */
    uint16_t counted = 0;
    if (first && rd16(o->data, 42, &counted) && counted > 0 &&
        (o->data.len < first || counted > (o->data.len - first) / EVTX_CHUNK))
        x.cut = true;
    if (e == LS_OK && chunks == 0 && o->data.len > first)
        ls_note(c, o, LS_R_PARSE_ERROR, "evtx: no chunk (ElfChnk) where the file header puts them");
    else if (e == LS_OK && x.damaged)
        ls_note(c, o, LS_R_PARSE_ERROR, "evtx: a record or its binary XML is damaged; the rest was read");
    if (e == LS_OK && x.cut)
        ls_note(c, o, LS_R_TRUNCATED, "evtx: the file ends before the chunks or records its headers count");
    ls_buf_free(&x.text);
    return e;
}

const struct ls_handler ls_handler_evtx = {
    .name = "evtx",
    .probe = evtx_probe,
    .extract = evtx_extract,
};
