/*
 * Apple binary property lists (bplist00) and AppleDouble files (._name).
 *
 * A Mac keeps its preferences, recent items, contacts' metadata, Safari
 * web archives, iOS backups' Info and Manifest records and Finder comments
 * as binary plists: strings are stored apart from the keys that name them,
 * non-ASCII strings as UTF-16BE, and documents (a .webarchive's page) as
 * data objects, so the raw bytes show neither "SSN: 123-45-6789" nor an
 * address with an accent nearby.
 *
 * bplist00 layout (Apple's CFBinaryPList.c, the public format comment):
 * "bplist00", the objects, an offset table, and a 32-byte trailer (6
 * unused bytes, the offset-table entry size, the object-reference size,
 * the object count, the top object and the offset table's place, the last
 * three 64-bit big-endian). Each object starts with a marker byte: high
 * nibble the type (0 null/bool, 1 integer, 2 real, 3 date, 4 data, 5 ASCII
 * string, 6 UTF-16BE string, 7 UTF-8 string, 8 UID, A array, B ordset, C
 * set, D dict), low nibble a count (0xF: an integer object follows with
 * the count). A dict holds its key references, then its value references.
 *
 * Text: each string, integer and UID-free scalar as a line; a dict's
 * scalar value as "key: value" (so a label names its value); containers
 * are expanded once each (references may be shared or cyclic) to a
 * nesting depth of BP_DEPTH_MAX. Data objects of BP_CHILD_MIN bytes or
 * more are handed over as children named by their key path
 * ("WebMainResource/WebResourceData": a web archive's HTML; an
 * NSKeyedArchiver blob inside an iOS Manifest.db record), which the
 * pipeline identifies and reads; shorter ones are scanned as text when
 * they are printable. An NSKeyedArchiver archive is itself a bplist whose
 * strings are in "$objects": they are read as lines. Shared references
 * are bounded: each data object is handed over once and all of them at
 * most the file's bytes; references followed (container items, archived
 * dictionaries' key/value pairs) at most twice the file's bytes, past
 * which the rest is not followed (parse_error): a list shared by every
 * archived dictionary would otherwise be paired once per dictionary.
 *
 * AppleDouble (RFC 1740; macOS's copyfile): magic 0x00051607, version,
 * 16 filler bytes, an entry count and (id, offset, length) entries. Entry
 * 9 (Finder info) carries, after its 32 bytes, an "ATTR" block of extended
 * attributes (name, offset from the file's start, length): each is handed
 * over as a child named by the attribute (a Finder comment is
 * "com.apple.metadata:kMDItemFinderComment", a bplist); the resource fork
 * (entry 2), when not all zeros, as "rsrc"; the real name (3) and comment
 * (4) entries are text. A child's bytes must lie after the entry table and
 * apart from every other child's (one naming the whole file would be the
 * same AppleDouble again, nested once per level): others are refused
 * (parse_error).
 */
#include "core/handler.h"
#include "extract/mime_decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BP_DEPTH_MAX 48u
#define BP_CHILD_MIN 32u
#define BP_PATH_MAX 512u

struct bp {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice d;
    uint64_t nobj, top, table;
    unsigned offsz, refsz;
    uint8_t *seen; /* one bit per object: a container already expanded */
    struct ls_buf text;
    char path[BP_PATH_MAX];
    size_t path_len;
    bool keyed;          /* an NSKeyedArchiver archive: UIDs name $objects' items */
    struct ls_slice objs; /* $objects' reference list */
    uint64_t objs_n;
    bool damaged;
    bool stop; /* a child limit or a fatal error: read no further */
    bool over; /* the reference or child-byte budget ran out */
    uint64_t work;       /* references followed so far */
    uint64_t child_left; /* data bytes still to hand over as children */
    ls_err err;
};

static bool bp_be(struct ls_slice d, size_t off, unsigned n, uint64_t *v)
{
    struct ls_slice s;
    if (n == 0 || n > 8 || !ls_slice_sub(d, off, n, &s)) return false;
    uint64_t x = 0;
    for (unsigned i = 0; i < n; i++) x = x << 8 | s.ptr[i];
    *v = x;
    return true;
}

static bool bp_trailer(struct ls_slice d, struct bp *b)
{
    if (d.len < 8 + 32 || !ls_slice_starts(d, "bplist00", 8)) return false;
    size_t t = d.len - 32;
    uint64_t offsz, refsz;
    if (!bp_be(d, t + 6, 1, &offsz) || !bp_be(d, t + 7, 1, &refsz) || !bp_be(d, t + 8, 8, &b->nobj) ||
        !bp_be(d, t + 16, 8, &b->top) || !bp_be(d, t + 24, 8, &b->table))
        return false;
    if (offsz == 0 || offsz > 8 || refsz == 0 || refsz > 8) return false;
    /* every object takes at least a byte, every table entry offsz bytes;
     * a short table may run into the trailer's unused bytes (CoreFoundation
     * reads it so) */
    if (b->nobj == 0 || b->nobj > t || b->top >= b->nobj || b->table < 8 || b->table > t ||
        (d.len - b->table) / offsz < b->nobj)
        return false;
    b->offsz = (unsigned)offsz;
    b->refsz = (unsigned)refsz;
    return true;
}

static int bp_probe(const struct ls_object *o)
{
    struct bp b;
    memset(&b, 0, sizeof b);
    if (bp_trailer(o->data, &b)) return 95;
    return ls_slice_starts(o->data, "bplist00", 8) ? 60 : 0;
}

/* Object ref -> its offset; false if out of range. */
static bool bp_offset(struct bp *b, uint64_t ref, size_t *off)
{
    uint64_t v;
    if (ref >= b->nobj || !bp_be(b->d, (size_t)(b->table + ref * b->offsz), b->offsz, &v) || v < 8 ||
        v >= b->d.len) {
        b->damaged = true;
        return false;
    }
    *off = (size_t)v;
    return true;
}

/* The count in a marker's low nibble (0xF: an integer object follows);
 * *body: where the object's content starts. */
static bool bp_count(struct bp *b, size_t off, uint8_t marker, uint64_t *n, size_t *body)
{
    if ((marker & 0x0f) != 0x0f) {
        *n = marker & 0x0f;
        *body = off + 1;
        return true;
    }
    int m = ls_slice_at(b->d, off + 1);
    if (m < 0 || (m & 0xf0) != 0x10 || (m & 0x0f) > 3) return false;
    unsigned w = 1u << (m & 0x0f);
    if (!bp_be(b->d, off + 2, w, n)) return false;
    *body = off + 2 + w;
    return true;
}

static ls_err bp_add(struct bp *b, ls_err e)
{
    if (e == LS_E_LIMIT) {
        b->stop = true; /* the text is full: the pipeline said so */
        return LS_OK;
    }
    return e;
}

/* Charge one followed reference. A real plist follows each reference
 * once (containers are expanded once, an archived dictionary pairs its
 * own NS.keys and NS.objects), so references followed never outnumber
 * the file's bytes; shared lists (every archived dictionary naming one
 * list of 200,000 UIDs) would multiply them. False when spent. */
static bool bp_charge(struct bp *b)
{
    if (++b->work <= 2 * (uint64_t)b->d.len + 4096u) return true;
    b->over = b->stop = true;
    return false;
}

/* Append a string object's text (ASCII, UTF-16BE or UTF-8) to out;
 * false if obj is no string. */
static bool bp_string(struct bp *b, uint64_t ref, struct ls_buf *out, ls_err *e)
{
    size_t off, body;
    uint64_t n;
    if (!bp_offset(b, ref, &off)) return false;
    int m = ls_slice_at(b->d, off);
    if (m < 0 || ((m >> 4) != 5 && (m >> 4) != 6 && (m >> 4) != 7)) return false;
    if (!bp_count(b, off, (uint8_t)m, &n, &body)) {
        b->damaged = true;
        return false;
    }
    uint64_t bytes = (m >> 4) == 6 ? n * 2 : n;
    struct ls_slice s;
    if (n > b->d.len || !ls_slice_sub(b->d, body, (size_t)bytes, &s)) {
        b->damaged = true;
        return false;
    }
    *e = (m >> 4) == 6 ? ls_utf16_to_utf8(out, s, true) : ls_utf8_lossy(out, s);
    return true;
}

/* The reference list of the container at ref if it is of type want (0xa
 * array, 0xd dict: keys then values). */
static bool bp_refs(struct bp *b, uint64_t ref, int want, uint64_t *n, struct ls_slice *all)
{
    size_t off, body;
    if (!bp_offset(b, ref, &off)) return false;
    int m = ls_slice_at(b->d, off);
    if (m < 0 || (m >> 4) != want || !bp_count(b, off, (uint8_t)m, n, &body) || *n > b->d.len) return false;
    uint64_t refs = want == 0xd ? 2 * *n : *n;
    return ls_slice_sub(b->d, body, (size_t)(refs * b->refsz), all);
}

/* In a keyed archive, the UID object at ref -> the reference of the
 * $objects item it names. */
static bool bp_uid(struct bp *b, uint64_t ref, uint64_t *target)
{
    size_t off;
    uint64_t uid;
    if (!b->keyed || !bp_offset(b, ref, &off)) return false;
    int m = ls_slice_at(b->d, off);
    if (m < 0 || (m >> 4) != 0x8 || !bp_be(b->d, off + 1, (unsigned)(m & 0x0f) + 1, &uid) || uid >= b->objs_n)
        return false;
    return bp_be(b->objs, (size_t)(uid * b->refsz), b->refsz, target);
}

/* Whether the object at ref is a string or an integer. */
static bool bp_scalar(struct bp *b, uint64_t ref)
{
    size_t off;
    if (!bp_offset(b, ref, &off)) return false;
    int m = ls_slice_at(b->d, off);
    return m >= 0 && ((m >> 4) == 0x1 || (m >> 4) == 0x5 || (m >> 4) == 0x6 || (m >> 4) == 0x7);
}

/* Whether the string object at ref equals lit. */
static bool bp_is(struct bp *b, uint64_t ref, const char *lit)
{
    size_t off, body;
    uint64_t n;
    int m = bp_offset(b, ref, &off) ? ls_slice_at(b->d, off) : -1;
    /* a string of another length is not decoded (the top dict's keys may
     * all name one long string) */
    if (m < 0 || !bp_count(b, off, (uint8_t)m, &n, &body) || n != strlen(lit)) return false;
    struct ls_buf t;
    ls_err e = LS_OK;
    ls_buf_init(&t, 256);
    bool eq = bp_string(b, ref, &t, &e) && e == LS_OK && ls_slice_eq_str(ls_buf_slice(&t), lit);
    ls_buf_free(&t);
    return eq;
}

/* An NSKeyedArchiver archive (the top dict's $archiver, $objects): values
 * are UIDs naming $objects' items, dictionaries NS.keys/NS.objects lists. */
static void bp_keyed_setup(struct bp *b)
{
    uint64_t n, k, v;
    struct ls_slice all;
    bool archiver = false;
    if (!bp_refs(b, b->top, 0xd, &n, &all)) return;
    for (uint64_t i = 0; i < n; i++) {
        if (!bp_be(all, (size_t)(i * b->refsz), b->refsz, &k) ||
            !bp_be(all, (size_t)((n + i) * b->refsz), b->refsz, &v))
            return;
        if (bp_is(b, k, "$archiver") && bp_is(b, v, "NSKeyedArchiver")) archiver = true;
        if (bp_is(b, k, "$objects") && !bp_refs(b, v, 0xa, &b->objs_n, &b->objs)) return;
    }
    b->keyed = archiver && b->objs.len > 0;
}

static ls_err bp_flush(struct bp *b)
{
    if (b->text.len == 0) return LS_OK;
    ls_err e = ls_emit_text(b->c, b->o, b->text.ptr, b->text.len);
    ls_buf_reset(&b->text);
    return bp_add(b, e);
}

static bool bp_printable(struct ls_slice s)
{
    size_t ok = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = s.ptr[i];
        if ((ch >= 0x20 && ch < 0x7f) || ch == '\t' || ch == '\n' || ch == '\r' || ch >= 0x80) ok++;
    }
    return s.len > 0 && ok * 10 >= s.len * 9;
}

/* A key as a label: identifiers split into words ("EmployeeSSN" ->
 * "Employee SSN", "ssn_last" -> "ssn last") so that the rules' label words
 * stand apart, then ": ". */
static ls_err bp_label(struct ls_buf *t, struct ls_slice k)
{
    for (size_t i = 0; i < k.len; i++) {
        uint8_t ch = k.ptr[i];
        bool up = ch >= 'A' && ch <= 'Z';
        int prev = i ? k.ptr[i - 1] : -1;
        if (up && prev >= 'a' && prev <= 'z') LS_TRY(ls_buf_addc(t, ' '));
        LS_TRY(ls_buf_addc(t, ch == '_' ? ' ' : ch));
    }
    return ls_buf_adds(t, ": ");
}

static ls_err bp_walk(struct bp *b, uint64_t ref, unsigned depth, struct ls_slice label);

static ls_err bp_data(struct bp *b, struct ls_slice s, struct ls_slice label)
{
    if (s.len >= BP_CHILD_MIN && s.len > b->child_left) {
        /* data objects do not overlap in a real plist: their bytes add up
         * to less than the file's (aliased offsets would hand the same
         * bytes over again and again) */
        b->over = true;
        return LS_OK;
    }
    if (s.len < BP_CHILD_MIN) {
        if (!bp_printable(s)) return LS_OK;
        if (label.len) LS_TRY(bp_add(b, bp_label(&b->text, label)));
        LS_TRY(bp_add(b, ls_utf8_lossy(&b->text, s)));
        return bp_add(b, ls_buf_addc(&b->text, '\n'));
    }
    b->child_left -= s.len;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = b->path_len ? b->path : "data";
    ch.name_len = b->path_len ? b->path_len : 4;
    ch.data = s;
    LS_TRY(bp_flush(b));
    ls_err e = ls_emit_child(b->c, b->o, &ch);
    if (e == LS_E_LIMIT) {
        b->stop = true;
        return LS_OK;
    }
    return e;
}

/* Push a key onto the child path (truncated quietly at BP_PATH_MAX). */
static size_t bp_push(struct bp *b, struct ls_slice key)
{
    size_t was = b->path_len;
    size_t n = b->path_len;
    if (key.len == 0) return was;
    if (n && n < BP_PATH_MAX - 1) b->path[n++] = '/';
    for (size_t i = 0; i < key.len && n < BP_PATH_MAX - 1; i++) b->path[n++] = (char)key.ptr[i];
    b->path[n] = 0;
    b->path_len = n;
    return was;
}

static void bp_pop(struct bp *b, size_t was)
{
    b->path_len = was;
    b->path[was] = 0;
}

static ls_err bp_container(struct bp *b, size_t off, uint8_t m, unsigned depth, struct ls_slice label)
{
    uint64_t n, ref;
    size_t body;
    if (!bp_count(b, off, m, &n, &body)) {
        b->damaged = true;
        return LS_OK;
    }
    bool dict = (m >> 4) == 0xd;
    uint64_t refs = dict ? 2 * n : n;
    struct ls_slice all;
    if (n > b->d.len || !ls_slice_sub(b->d, body, (size_t)(refs * b->refsz), &all)) {
        b->damaged = true;
        return LS_OK;
    }
    struct ls_buf key;
    ls_buf_init(&key, BP_PATH_MAX);
    ls_err e = LS_OK;
    uint64_t nskeys = 0, nsobjs = 0;
    bool has_keys = false, has_objs = false;
    for (uint64_t i = 0; i < n && e == LS_OK && !b->stop && bp_charge(b); i++) {
        uint64_t kref = 0;
        ref = 0; /* a short reference table reads as object 0 */
        ls_buf_reset(&key);
        if (dict) {
            ls_err ke = LS_OK;
            (void)bp_be(all, (size_t)(i * b->refsz), b->refsz, &kref);
            if (!bp_string(b, kref, &key, &ke)) { /* CoreFoundation refuses a key that is no string */
                ls_buf_reset(&key);
                b->damaged = true;
            }
            if (ke == LS_E_NOMEM) e = ke;
            (void)bp_be(all, (size_t)((n + i) * b->refsz), b->refsz, &ref);
        } else {
            (void)bp_be(all, (size_t)(i * b->refsz), b->refsz, &ref);
        }
        if (e != LS_OK) break;
        if (dict && b->keyed && ls_slice_eq_str(ls_buf_slice(&key), "NS.keys")) {
            nskeys = ref;
            has_keys = true;
        }
        if (dict && b->keyed && ls_slice_eq_str(ls_buf_slice(&key), "NS.objects")) {
            nsobjs = ref;
            has_objs = true;
        }
        /* an array's items keep the key that names the array */
        struct ls_slice k = dict ? ls_buf_slice(&key) : label;
        size_t was = bp_push(b, dict ? k : ls_slice_make("", 0));
        e = bp_walk(b, ref, depth + 1, k);
        bp_pop(b, was);
    }
    /* an archived NSDictionary: NS.keys[i] names NS.objects[i] */
    uint64_t kn, vn;
    struct ls_slice ks, vs;
    if (e == LS_OK && has_keys && has_objs && bp_refs(b, nskeys, 0xa, &kn, &ks) &&
        bp_refs(b, nsobjs, 0xa, &vn, &vs)) {
        for (uint64_t i = 0; i < kn && i < vn && e == LS_OK && !b->stop && bp_charge(b); i++) {
            uint64_t kr, vr, kt, vt;
            ls_err ke = LS_OK;
            ls_buf_reset(&key);
            if (!bp_be(ks, (size_t)(i * b->refsz), b->refsz, &kr) ||
                !bp_be(vs, (size_t)(i * b->refsz), b->refsz, &vr) || !bp_uid(b, kr, &kt) || !bp_uid(b, vr, &vt) ||
                !bp_scalar(b, vt) || !bp_string(b, kt, &key, &ke))
                continue;
            e = ke == LS_OK ? bp_walk(b, vt, depth + 1, ls_buf_slice(&key)) : ke;
        }
    }
    ls_buf_free(&key);
    return e;
}

static ls_err bp_walk(struct bp *b, uint64_t ref, unsigned depth, struct ls_slice label)
{
    size_t off, body;
    uint64_t n;
    if (b->stop) return LS_OK;
    if (depth > BP_DEPTH_MAX) {
        b->damaged = true;
        return LS_OK;
    }
    if (!bp_offset(b, ref, &off)) return LS_OK;
    int m = ls_slice_at(b->d, off);
    if (m < 0) return LS_OK;
    switch (m >> 4) {
    case 0x1: { /* integer: 1, 2, 4, 8 (or 16) bytes */
        uint64_t v;
        unsigned w = 1u << (m & 0x0f);
        if (w > 16 || !bp_be(b->d, off + 1 + (w == 16 ? 8 : 0), w == 16 ? 8 : w, &v)) {
            b->damaged = true;
            return LS_OK;
        }
        if (w == 8 && v >> 63) return LS_OK; /* negative: no identifier */
        if (label.len) LS_TRY(bp_add(b, bp_label(&b->text, label)));
        return bp_add(b, ls_buf_printf(&b->text, "%llu\n", (unsigned long long)v));
    }
    case 0x4:
        if (b->seen[ref >> 3] & (1u << (ref & 7))) return LS_OK; /* one child per data object */
        b->seen[ref >> 3] |= (uint8_t)(1u << (ref & 7));
        if (!bp_count(b, off, (uint8_t)m, &n, &body) || n > b->d.len) {
            b->damaged = true;
            return LS_OK;
        }
        {
            struct ls_slice s;
            if (!ls_slice_sub(b->d, body, (size_t)n, &s)) {
                b->damaged = true;
                return LS_OK;
            }
            return bp_data(b, s, label);
        }
    case 0x5:
    case 0x6:
    case 0x7: {
        ls_err e = LS_OK;
        struct ls_buf line;
        ls_buf_init(&line, SIZE_MAX);
        if (bp_string(b, ref, &line, &e) && e != LS_E_NOMEM) {
            if (label.len) e = bp_label(&b->text, label);
            if (e == LS_OK) e = ls_buf_add(&b->text, line.ptr, line.len);
            if (e == LS_OK) e = ls_buf_addc(&b->text, '\n');
        }
        ls_buf_free(&line);
        LS_TRY(bp_add(b, e));
        return b->text.len >= (64u << 10) ? bp_flush(b) : LS_OK;
    }
    case 0xa:
    case 0xb:
    case 0xc:
    case 0xd:
        if (b->seen[ref >> 3] & (1u << (ref & 7))) return LS_OK; /* shared or cyclic */
        b->seen[ref >> 3] |= (uint8_t)(1u << (ref & 7));
        return bp_container(b, off, (uint8_t)m, depth, label);
    case 0x8: { /* a keyed archive's reference to an $objects item: its string or number, labelled */
        uint64_t t;
        if (bp_uid(b, ref, &t) && bp_scalar(b, t)) return bp_walk(b, t, depth + 1, label);
        return LS_OK;
    }
    default: /* null, booleans, reals, dates: nothing to scan */
        return LS_OK;
    }
}

static ls_err bp_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct bp b;
    memset(&b, 0, sizeof b);
    b.c = c;
    b.o = o;
    b.d = o->data;
    if (!bp_trailer(o->data, &b)) {
        ls_note(c, o, LS_R_PARSE_ERROR, "bplist: no valid trailer (offset table, object count, top object)");
        return LS_OK;
    }
    b.seen = calloc((size_t)(b.nobj >> 3) + 1, 1);
    if (!b.seen) return LS_E_NOMEM;
    b.child_left = o->data.len;
    bp_keyed_setup(&b);
    ls_buf_init(&b.text, SIZE_MAX);
    ls_err e = bp_walk(&b, b.top, 0, ls_slice_make("", 0));
    if (e == LS_OK) e = bp_flush(&b);
    if (e == LS_OK && b.damaged)
        ls_note(c, o, LS_R_PARSE_ERROR, "bplist: objects out of range or nested too deep were passed over");
    if (e == LS_OK && b.over)
        ls_note(c, o, LS_R_PARSE_ERROR,
                "bplist: objects shared more often than the file's size allows (lists or data named again "
                "and again): the rest was not followed");
    ls_buf_free(&b.text);
    free(b.seen);
    return e;
}

const struct ls_handler ls_handler_bplist = {
    .name = "bplist",
    .probe = bp_probe,
    .extract = bp_extract,
};

/* ---- AppleDouble ---- */

#define AD_MAGIC 0x00051607u
#define AD_ENTRIES_MAX 64u
#define AD_ATTRS_MAX 256u

static bool ad_u32(struct ls_slice d, size_t off, uint32_t *v)
{
    uint64_t x;
    if (!bp_be(d, off, 4, &x)) return false;
    *v = (uint32_t)x;
    return true;
}

static int ad_probe(const struct ls_object *o)
{
    uint32_t magic, ver;
    uint64_t n;
    if (!ad_u32(o->data, 0, &magic) || !ad_u32(o->data, 4, &ver) || !bp_be(o->data, 24, 2, &n)) return 0;
    if (magic != AD_MAGIC || (ver != 0x00020000u && ver != 0x00010000u)) return 0;
    return n >= 1 && n <= AD_ENTRIES_MAX && 26 + 12 * n <= o->data.len ? 95 : 0;
}

static bool ad_zeros(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i]) return false;
    return true;
}

/* The byte ranges handed over as children so far: in a real AppleDouble
 * file the entries and attributes lie apart, after the entry table. One
 * that covers the header or overlaps another (an attribute naming the
 * whole file is the same AppleDouble again: 40 of them nest 40^depth
 * times) is refused. */
struct ad_claims {
    size_t head; /* the header and entry table's bytes */
    size_t n;
    size_t off[AD_ENTRIES_MAX + AD_ATTRS_MAX];
    size_t len[AD_ENTRIES_MAX + AD_ATTRS_MAX];
    bool refused;
};

static bool ad_claim(struct ad_claims *cl, size_t off, size_t len)
{
    bool ok = off >= cl->head && cl->n < AD_ENTRIES_MAX + AD_ATTRS_MAX;
    for (size_t i = 0; ok && i < cl->n; i++)
        if (off < cl->off[i] + cl->len[i] && cl->off[i] < off + len) ok = false;
    if (!ok) {
        cl->refused = true;
        return false;
    }
    cl->off[cl->n] = off;
    cl->len[cl->n++] = len;
    return true;
}

/* Hand over s, at offset off of the file, unless its bytes were claimed. */
static ls_err ad_child(struct ls_ctx *c, struct ls_object *o, struct ad_claims *cl, const void *name,
                       size_t name_len, size_t off, struct ls_slice s)
{
    if (!ad_claim(cl, off, s.len)) return LS_OK;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = name_len;
    ch.data = s;
    return ls_emit_child(c, o, &ch);
}

/* The "ATTR" block after the Finder info's 32 bytes: extended attributes
 * whose offsets count from the file's start. */
static ls_err ad_attrs(struct ls_ctx *c, struct ls_object *o, size_t at, struct ad_claims *cl, bool *damaged)
{
    struct ls_slice d = o->data;
    uint64_t count;
    struct ls_slice mg;
    if (!ls_slice_sub(d, at, 4, &mg) || memcmp(mg.ptr, "ATTR", 4) != 0) return LS_OK;
    if (!bp_be(d, at + 34, 2, &count)) {
        *damaged = true;
        return LS_OK;
    }
    size_t p = at + 36;
    for (uint64_t i = 0; i < count && i < AD_ATTRS_MAX; i++) {
        uint32_t off, len;
        int nl = ls_slice_at(d, p + 10);
        struct ls_slice name, val;
        if (!ad_u32(d, p, &off) || !ad_u32(d, p + 4, &len) || nl < 0 || !ls_slice_sub(d, p + 11, (size_t)nl, &name)) {
            *damaged = true;
            return LS_OK;
        }
        p += (11 + (size_t)nl + 3) & ~(size_t)3; /* the entry's length is 4-aligned, not its place */
        while (name.len && name.ptr[name.len - 1] == 0) name.len--;
        if (!ls_slice_sub(d, off, len, &val)) {
            *damaged = true;
            continue;
        }
        if (val.len == 0) continue;
        ls_err e = ad_child(c, o, cl, name.ptr, name.len, off, val);
        if (e == LS_E_LIMIT) return LS_OK;
        LS_TRY(e);
    }
    if (count > AD_ATTRS_MAX) *damaged = true;
    return LS_OK;
}

static ls_err ad_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    uint64_t n;
    bool damaged = false;
    if (!bp_be(d, 24, 2, &n)) return LS_E_CORRUPT;
    struct ad_claims *cl = calloc(1, sizeof *cl);
    if (!cl) return LS_E_NOMEM;
    cl->head = 26 + 12 * (size_t)(n < AD_ENTRIES_MAX ? n : AD_ENTRIES_MAX);
    for (uint64_t i = 0; i < n && i < AD_ENTRIES_MAX; i++) {
        uint32_t id, off, len;
        struct ls_slice s;
        if (!ad_u32(d, 26 + 12 * i, &id) || !ad_u32(d, 30 + 12 * i, &off) || !ad_u32(d, 34 + 12 * i, &len)) {
            damaged = true;
            break;
        }
        if (!ls_slice_sub(d, off, len, &s)) {
            damaged = true; /* a cut file: what is there is still read */
            if (!ls_slice_from(d, off, &s)) continue;
        }
        ls_err e = LS_OK;
        if (id == 9 && s.len > 32) {
            e = ad_attrs(c, o, off + 32, cl, &damaged);
        } else if (id == 2 && s.len && !ad_zeros(s)) {
            e = ad_child(c, o, cl, "rsrc", 4, off, s);
        } else if ((id == 3 || id == 4) && s.len) {
            e = ls_emit_text(c, o, s.ptr, s.len);
            if (e == LS_OK) e = ls_emit_text(c, o, "\n", 1);
        }
        if (e == LS_E_LIMIT) break;
        if (e != LS_OK) {
            free(cl);
            return e;
        }
    }
    if (damaged) ls_note(c, o, LS_R_PARSE_ERROR, "appledouble: an entry or attribute lies outside the file");
    if (cl->refused)
        ls_note(c, o, LS_R_PARSE_ERROR,
                "appledouble: an entry or attribute overlaps the header or another one: not read again");
    free(cl);
    return LS_OK;
}

const struct ls_handler ls_handler_appledouble = {
    .name = "appledouble",
    .probe = ad_probe,
    .extract = ad_extract,
};

/* ---- XML property lists ----
 *
 * The same data as XML (Apple's plist DTD): <dict> holds <key>K</key>
 * followed by its value, <array> values; scalars are <string>, <integer>,
 * <real>, <date>, <true/>, <false/>, and <data> holds base64. The generic
 * XML reader gives each text node a line of its own, so "ssn" and the bare
 * digits after it were a line apart, out of the rules' reach: read here,
 * each scalar is a "key: value" line as in a binary plist (keys split into
 * words, an array's items named by the array's key), a <data> value of
 * BP_CHILD_MIN bytes or more is decoded and handed over as a child named by
 * its key (a configuration profile's payload, a nested binary plist).
 * Documents that declare entities are left to the xml handler (its
 * xml_entity alert); UTF-16 ones too. Containers nested deeper than
 * XP_DEPTH_MAX are counted, not kept: the values in and after them are
 * still read (labelled by the deepest kept level); a <dict> or <array>
 * left open at the end (a cut file) is parse_error.
 */
#define XP_DEPTH_MAX 48u
#define XP_LABEL 64u

static int xp_probe(const struct ls_object *o)
{
    struct ls_slice head = o->data, rest;
    if (head.len > 2048) head.len = 2048;
    size_t i = ls_slice_starts(head, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (i < head.len && (head.ptr[i] == ' ' || head.ptr[i] == '\t' || head.ptr[i] == '\r' || head.ptr[i] == '\n'))
        i++;
    if (!ls_slice_from(head, i, &rest)) return 0;
    if (!ls_slice_starts(rest, "<?xml", 5) && !ls_slice_starts(rest, "<!DOCTYPE", 9) &&
        !ls_slice_starts(rest, "<plist", 6))
        return 0;
    if (ls_slice_find(head, 0, "<!ENTITY", 8) != SIZE_MAX) return 0;
    /* a DOCTYPE with an internal subset ("<!DOCTYPE plist [ ... ]>") may
     * declare entities past the first 2 KiB: the xml handler's to judge */
    size_t dt = ls_slice_find(head, 0, "<!DOCTYPE", 9);
    if (dt != SIZE_MAX) {
        size_t gt = ls_slice_find(head, dt, ">", 1), sq = ls_slice_find(head, dt, "[", 1);
        if (sq != SIZE_MAX && (gt == SIZE_MAX || sq < gt)) return 0;
    }
    bool plist = ls_slice_find(head, 0, "<!DOCTYPE plist", 15) != SIZE_MAX ||
                 ls_slice_find(head, 0, "<plist version", 14) != SIZE_MAX;
    return plist ? 72 : 0; /* above the xml handler's 65 */
}

/* Append XML character data with its five named and numeric references
 * decoded (others kept as written). */
static ls_err xp_chars(struct ls_buf *out, struct ls_slice s)
{
    static const struct {
        const char *name;
        char ch;
    } named[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
    size_t i = 0;
    while (i < s.len) {
        size_t amp = ls_slice_find(s, i, "&", 1), cd = ls_slice_find(s, i, "<![CDATA[", 9);
        if (cd != SIZE_MAX && (amp == SIZE_MAX || cd < amp)) { /* a CDATA section: as written */
            struct ls_slice run;
            size_t ce = ls_slice_find(s, cd + 9, "]]>", 3);
            if (ce == SIZE_MAX) ce = s.len;
            (void)ls_slice_sub(s, i, cd - i, &run);
            LS_TRY(ls_buf_add(out, run.ptr, run.len));
            (void)ls_slice_sub(s, cd + 9, ce - cd - 9, &run);
            LS_TRY(ls_buf_add(out, run.ptr, run.len));
            i = ce + 3 < s.len ? ce + 3 : s.len;
            continue;
        }
        if (amp == SIZE_MAX) amp = s.len;
        struct ls_slice plain;
        (void)ls_slice_sub(s, i, amp - i, &plain);
        LS_TRY(ls_buf_add(out, plain.ptr, plain.len));
        if (amp >= s.len) break;
        struct ls_slice r;
        (void)ls_slice_from(s, amp + 1, &r);
        size_t used = 0;
        for (size_t k = 0; k < sizeof named / sizeof named[0] && !used; k++)
            if (ls_slice_starts(r, named[k].name, strlen(named[k].name))) {
                LS_TRY(ls_buf_addc(out, (uint8_t)named[k].ch));
                used = 1 + strlen(named[k].name);
            }
        if (!used && ls_slice_at(r, 0) == '#') {
            bool hex = ls_slice_at(r, 1) == 'x' || ls_slice_at(r, 1) == 'X';
            size_t j = hex ? 2 : 1;
            uint32_t cp = 0;
            int ch;
            while ((ch = ls_slice_at(r, j)) >= 0 && j < 10) {
                int v = ch >= '0' && ch <= '9' ? ch - '0' : hex && ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                                      : hex && ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
                if (v < 0) break;
                cp = cp * (hex ? 16u : 10u) + (uint32_t)v;
                j++;
            }
            if (ch == ';' && j > (hex ? 2u : 1u) && cp <= 0x10ffff) {
                LS_TRY(ls_utf8_put(out, cp));
                used = 1 + j + 1;
            }
        }
        if (!used) {
            LS_TRY(ls_buf_addc(out, '&'));
            used = 1;
        }
        i = amp + used;
    }
    return LS_OK;
}

struct xp_level {
    bool dict;
    char label[XP_LABEL];
};

static bool xp_name_is(struct ls_slice tag, const char *name)
{
    size_t n = strlen(name);
    int after = ls_slice_at(tag, n);
    return ls_slice_starts(tag, name, n) && (after < 0 || after == '>' || after == '/' || after == ' ' ||
                                             after == '\t' || after == '\r' || after == '\n');
}

static void xp_copy(char *dst, struct ls_slice s)
{
    size_t n = s.len < XP_LABEL - 1 ? s.len : XP_LABEL - 1;
    if (n) memcpy(dst, s.ptr, n);
    dst[n] = 0;
}

static ls_err xp_value(struct bp *b, struct xp_level *top, char *pending, bool data, struct ls_slice content)
{
    struct ls_slice label = ls_slice_make(top && top->dict ? pending : top ? top->label : "",
                                          strlen(top && top->dict ? pending : top ? top->label : ""));
    struct ls_buf v;
    ls_buf_init(&v, content.len + 1);
    ls_err e = xp_chars(&v, content);
    if (e == LS_OK && data) {
        struct ls_buf raw;
        ls_buf_init(&raw, content.len + 1);
        e = mime_b64_decode(&raw, ls_buf_slice(&v));
        if (e == LS_OK) {
            bp_pop(b, 0);
            (void)bp_push(b, label); /* the child is named by its key */
            e = bp_data(b, ls_buf_slice(&raw), label);
            bp_pop(b, 0);
        }
        ls_buf_free(&raw);
    } else if (e == LS_OK && v.len) {
        if (label.len) e = bp_add(b, bp_label(&b->text, label));
        if (e == LS_OK) e = bp_add(b, ls_buf_add(&b->text, v.ptr, v.len));
        if (e == LS_OK) e = bp_add(b, ls_buf_addc(&b->text, '\n'));
        if (e == LS_OK && b->text.len >= (64u << 10)) e = bp_flush(b);
    }
    ls_buf_free(&v);
    if (top && top->dict) pending[0] = 0;
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err xp_extract(struct ls_ctx *c, struct ls_object *o)
{
    static const char *const scalars[] = {"string", "integer", "real", "date", "data", "key"};
    struct bp b;
    memset(&b, 0, sizeof b);
    b.c = c;
    b.o = o;
    b.d = o->data;
    b.child_left = o->data.len;
    ls_buf_init(&b.text, SIZE_MAX);
    struct xp_level stack[XP_DEPTH_MAX];
    unsigned depth = 0;
    size_t deeper = 0; /* open containers past XP_DEPTH_MAX */
    char pending[XP_LABEL] = "";
    struct ls_slice d = o->data;
    size_t i = 0;
    ls_err e = LS_OK;
    while (e == LS_OK && !b.stop) {
        size_t lt = ls_slice_find(d, i, "<", 1);
        if (lt == SIZE_MAX) break;
        struct ls_slice at;
        (void)ls_slice_from(d, lt, &at);
        const char *close = ls_slice_starts(at, "<!--", 4) ? "-->" : ls_slice_starts(at, "<?", 2) ? "?>" : ">";
        size_t gt = ls_slice_find(d, lt + 1, close, strlen(close));
        if (gt == SIZE_MAX) {
            b.damaged = true;
            break;
        }
        i = gt + strlen(close);
        if (close[0] != '>' || ls_slice_at(at, 1) == '!') continue; /* a comment, a declaration, a DOCTYPE */
        struct ls_slice tag;
        (void)ls_slice_sub(d, lt + 1, gt - lt - 1, &tag);
        bool end = ls_slice_at(tag, 0) == '/', empty = tag.len && tag.ptr[tag.len - 1] == '/';
        struct ls_slice name = tag;
        if (end) (void)ls_slice_from(tag, 1, &name);
        struct xp_level *top = depth ? &stack[depth - 1] : NULL;
        if (end) {
            if (!xp_name_is(name, "dict") && !xp_name_is(name, "array")) continue;
            if (deeper)
                deeper--;
            else if (depth)
                depth--;
            continue;
        }
        if (xp_name_is(name, "dict") || xp_name_is(name, "array")) {
            if (empty) {
                if (top && top->dict) pending[0] = 0;
                continue;
            }
            if (depth == XP_DEPTH_MAX || deeper) {
                /* past the stack: counted only, so that what follows the
                 * deep part is read (its values keep the last label) */
                if (top && top->dict) pending[0] = 0;
                deeper++;
                continue;
            }
            struct xp_level *l = &stack[depth++];
            l->dict = xp_name_is(name, "dict");
            const char *lab = top && top->dict ? pending : top ? top->label : "";
            xp_copy(l->label, ls_slice_make(lab, strlen(lab)));
            if (top && top->dict) pending[0] = 0;
            continue;
        }
        if (xp_name_is(name, "true") || xp_name_is(name, "false")) {
            if (top && top->dict) pending[0] = 0;
            continue;
        }
        size_t k;
        for (k = 0; k < sizeof scalars / sizeof scalars[0]; k++)
            if (xp_name_is(name, scalars[k])) break;
        if (k == sizeof scalars / sizeof scalars[0]) continue; /* <plist> and the unknown */
        struct ls_slice content = ls_slice_make("", 0);
        if (!empty) {
            char endtag[16];
            int n = snprintf(endtag, sizeof endtag, "</%s>", scalars[k]);
            size_t ce = ls_slice_find(d, i, endtag, (size_t)n);
            if (ce == SIZE_MAX) {
                b.damaged = true;
                break;
            }
            (void)ls_slice_sub(d, i, ce - i, &content);
            i = ce + (size_t)n;
        }
        if (strcmp(scalars[k], "key") == 0) {
            struct ls_buf kb;
            ls_buf_init(&kb, XP_LABEL - 1);
            (void)xp_chars(&kb, content); /* a long key is cut: LS_E_LIMIT */
            xp_copy(pending, ls_buf_slice(&kb));
            ls_buf_free(&kb);
            continue;
        }
        e = xp_value(&b, top, pending, strcmp(scalars[k], "data") == 0, content);
    }
    if (e == LS_OK) e = bp_flush(&b);
    /* a <dict> or <array> left open: the file was cut between elements */
    if (!b.stop && (depth || deeper)) b.damaged = true;
    if (e == LS_OK && b.damaged) ls_note(c, o, LS_R_PARSE_ERROR, "plist: an element is not closed");
    ls_buf_free(&b.text);
    return e;
}

const struct ls_handler ls_handler_plist = {
    .name = "plist",
    .probe = xp_probe,
    .extract = xp_extract,
};
