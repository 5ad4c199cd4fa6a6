/*
 * WordPerfect 5.x and 6.x-X9 documents (DOS and Windows): text, headers,
 * footers, footnotes and endnotes, and the document summary.
 *
 * Hand-written: the one library for the format (libwpd) is C++. Both
 * generations start with the same 16-byte prefix: FF 'WPC', the offset of
 * the document area, product type 1 (WordPerfect), file type 0x0A
 * (document), major version 0 (5.x) or 2 (6.x and later), minor version, an
 * encryption key (0: none). The document area is a byte stream of
 * characters and function codes:
 *
 *   5.x:  01-1F controls (0A hard return, 0B/0D soft page/return), 20-7E
 *         ASCII, 80-BF one-byte functions (hard space, hyphens, returns),
 *         C0-CF fixed-length groups whose size the code gives (C0 = an
 *         extended character), D0-FF variable-length groups:
 *         code, subgroup, u16 n, n bytes of which the last four repeat
 *         n, the subgroup and the code. Headers/footers (D5) and notes
 *         (D6) carry their text inside the group.
 *   6.x:  01-20 WordPerfect's own common accented letters, 21-7F ASCII,
 *         80-CF one-byte functions (80 soft space, 84 hard hyphen, CC hard
 *         return, CF soft return, C6 table cell ...), D0-EF variable groups
 *         (code, subgroup, u16 size of the whole group, ..., u16 size,
 *         code), F0-FE fixed groups (F0 = an extended character). Headers,
 *         footers, notes and comments are "general text" prefix packets
 *         (type 0x08) listed in the index after the prefix; the extended
 *         document summary (0x12) holds author, typist, subject, account ...
 *
 *   4.2 and earlier (no prefix, no signature: libmagic says `data`): the
 *         whole file is the document. 09-0D controls (0A hard return, 0D
 *         soft return), 20-7E ASCII, 80-BF one-byte functions, C0-FE
 *         function groups that end with their own code repeated: most of
 *         a fixed size the code gives, the others (D1 header/footer, ...)
 *         at the next byte equal to the code. Recognised as libwpd does,
 *         by walking the groups: every one must close where it should, no
 *         bare FF, no other control byte outside a group, two fixed groups
 *         at least, and one group that is no UTF-8 sequence (libwpd's
 *         test too: UTF-8 text can close groups). A file starting FE FF 61 61 with a non-zero
 *         checksum is a password-protected 4.2 document.
 *
 * A group whose trailer does not repeat its code is not a group: the byte
 * is skipped, as WordPerfect's own readers do. Characters of WordPerfect
 * character sets other than ASCII are dropped (their tables are not here;
 * docs/formats.md). An encrypted document is `encrypted`, a document area
 * that runs past the end of the file or ends inside a group `truncated`.
 */
#include "core/handler.h"

#include <string.h>

#define WP_PREFIX 16u
#define WP_FILE_DOCUMENT 0x0A
#define WP_PRODUCT_WP 1
#define WP_FLUSH (32u << 10)
#define WP_SUBDOC_DEPTH 3
#define WP6_MAX_INDICES 4096u

enum wp_gen { WP5, WP6 };

struct wp {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_buf out;
    ls_err err;          /* first emit error (LS_E_LIMIT: text full) */
    bool cut;            /* the document area runs past the end of the file */
    bool unfit;          /* the last group met ran past the end, and no whole
                          * group followed it: the file was cut inside it */
    bool hold;           /* a summary field is being written: no flush */
    unsigned depth;
    size_t tick;         /* bytes walked since the last deadline check */
};

static void wp_flush(struct wp *w)
{
    if (w->err == LS_OK && w->out.len) w->err = ls_emit_text(w->c, w->o, w->out.ptr, w->out.len);
    ls_buf_reset(&w->out);
}

static void wp_put(struct wp *w, uint8_t ch)
{
    if (w->err != LS_OK) return;
    if (ch == ' ' && w->out.len && (w->out.ptr[w->out.len - 1] == ' ' || w->out.ptr[w->out.len - 1] == '\n'))
        return;
    if (ls_buf_addc(&w->out, ch) != LS_OK) w->err = LS_E_NOMEM;
    /* a long paragraph is handed on in pieces too (a value may be cut
     * between two pieces: the scanner sees the text as one stream) */
    if (!w->hold && w->out.len >= WP_FLUSH) wp_flush(w);
}

/* The root's deadline, checked every 64 KiB of input walked. */
static bool wp_late(struct wp *w, size_t n)
{
    w->tick += n;
    if (w->tick < (64u << 10)) return false;
    w->tick = 0;
    if (w->err == LS_OK && ls_ctx_expired(w->c)) w->err = LS_E_TIMEOUT;
    return w->err != LS_OK;
}

static void wp_line(struct wp *w)
{
    if (w->out.len && w->out.ptr[w->out.len - 1] != '\n') wp_put(w, '\n');
}

/* An extended character: only WordPerfect's ASCII set (0) is mapped. */
static void wp_ext_char(struct wp *w, uint8_t ch, uint8_t set)
{
    if (set == 0 && ch >= 0x20 && ch < 0x7F) wp_put(w, ch);
}

/* A control byte (01-1F) of 5.x and 4.2. */
static void wp_control(struct wp *w, uint8_t b)
{
    if (b == 0x0A || b == 0x0C) wp_put(w, '\n');
    else if (b == 0x0B || b == 0x0D) wp_put(w, ' ');
    else if (b == 0x09) wp_put(w, '\t');
}

/* Text inside a group (a header, footer or note) on lines of its own,
 * read by text; groups nest WP_SUBDOC_DEPTH deep at most. */
static void wp_subtext(struct wp *w, struct ls_slice t, void (*text)(struct wp *, struct ls_slice))
{
    if (w->depth >= WP_SUBDOC_DEPTH) return;
    wp_line(w);
    w->depth++;
    text(w, t);
    w->depth--;
    wp_line(w);
}

/* ---- 5.x ---------------------------------------------------------------- */

static const uint8_t wp5_fixed_size[16] = {4, 9, 11, 3, 3, 5, 6, 7, 4, 5, 6, 6, 8, 10, 10, 12};

static void wp5_text(struct wp *w, struct ls_slice d);

/* A header/footer (D5) or note (D6) group: its text is a 5.x stream inside
 * the group at a place the subgroup fixes. g is the whole group. */
static void wp5_subdoc(struct wp *w, uint8_t code, uint8_t sub, struct ls_slice g)
{
    size_t from = 0, end = g.len - 4; /* the trailer: u16 n, subgroup, code */
    if (code == 0xD5) {
        if (g.len < 22 + 4 || g.ptr[11] == 0) return; /* occurrence 0: discontinued */
        from = 22;
    } else if (code == 0xD6 && sub == 0) {
        if (g.len < 8) return;
        from = 8 + 2u * ((size_t)g.ptr[7] + 1) + 9;
    } else if (code == 0xD6 && sub == 1) {
        from = 11;
    } else {
        return;
    }
    if (from < end) wp_subtext(w, ls_slice_make(g.ptr + from, end - from), wp5_text);
}

static void wp5_text(struct wp *w, struct ls_slice d)
{
    size_t i = 0, seen = 0;
    while (i < d.len && w->err == LS_OK) {
        if (wp_late(w, i - seen)) break;
        seen = i;
        uint8_t b = d.ptr[i];
        if (b >= 0x20 && b <= 0x7E) {
            wp_put(w, b);
            i++;
        } else if (b < 0x20 || b == 0x7F) {
            wp_control(w, b);
            i++;
        } else if (b <= 0xBF) {
            if (b == 0x8C || b == 0x90 || b == 0x99) wp_put(w, '\n');
            else if (b == 0xA0 || (b >= 0x93 && b <= 0x95)) wp_put(w, ' ');
            else if (b >= 0xA9 && b <= 0xAB) wp_put(w, '-');
            i++;
        } else if (b <= 0xCF) {
            size_t n = wp5_fixed_size[b - 0xC0];
            if (i + n > d.len || d.ptr[i + n - 1] != b) {
                w->unfit |= i + n > d.len;
                i++;
                continue;
            }
            if (b == 0xC0) wp_ext_char(w, d.ptr[i + 1], d.ptr[i + 2]);
            else if (b == 0xC1 || b == 0xC2) wp_put(w, '\t');
            w->unfit = false;
            i += n;
        } else if (b == 0xFF) {
            i++;
        } else {
            uint16_t n = 0, n2 = 0;
            size_t t = 0; /* the trailer: u16 n, subgroup, code */
            if (!ls_rd_u16le(d, i + 2, &n) || i + (size_t)n + 4 > d.len) {
                w->unfit = true;
                i++;
                continue;
            }
            t = i + n;
            if (n < 4 || !ls_rd_u16le(d, t, &n2) || n2 != n || d.ptr[t + 2] != d.ptr[i + 1] ||
                d.ptr[t + 3] != b) {
                i++;
                continue;
            }
            wp5_subdoc(w, b, d.ptr[i + 1], ls_slice_make(d.ptr + i, (size_t)n + 4));
            w->unfit = false;
            i += (size_t)n + 4;
        }
    }
}

/* ---- 6.x ---------------------------------------------------------------- */

static const uint8_t wp6_fixed_size[15] = {4, 5, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 8, 8};

/* The end-of-line group (D0): its subgroup says what kind of break. */
static void wp6_eol(struct wp *w, uint8_t sub)
{
    /* 0x14-0x16, deletable soft ends, are where a word was hyphenated: nothing */
    if (sub >= 0x01 && sub <= 0x03) wp_put(w, ' ');
    else if (sub == 0x0A) wp_put(w, '\t');
    else if ((sub >= 0x04 && sub <= 0x13) || (sub >= 0x17 && sub <= 0x1C)) wp_put(w, '\n');
}

static void wp6_text(struct wp *w, struct ls_slice d)
{
    size_t i = 0, seen = 0;
    while (i < d.len && w->err == LS_OK) {
        if (wp_late(w, i - seen)) break;
        seen = i;
        uint8_t b = d.ptr[i];
        if (b >= 0x21 && b <= 0x7E) {
            wp_put(w, b);
            i++;
        } else if (b <= 0x20 || b == 0x7F) {
            i++; /* 00: nothing; 01-20: WordPerfect's accented letters */
        } else if (b <= 0xCF) {
            if (b == 0x80 || b == 0x81 || (b >= 0xCD && b <= 0xCF)) wp_put(w, ' ');
            else if (b == 0x84) wp_put(w, '-');
            else if (b == 0xC6) wp_put(w, '\t');
            else if (b == 0x87 || (b >= 0xB4 && b <= 0xB9) || (b >= 0xBD && b <= 0xC5) || (b >= 0xC7 && b <= 0xCC))
                wp_put(w, '\n');
            i++;
        } else if (b <= 0xEF) {
            uint16_t n = 0, n2 = 0;
            if (!ls_rd_u16le(d, i + 2, &n) || i + n > d.len) {
                w->unfit = true;
                i++;
                continue;
            }
            if (n < 7 || !ls_rd_u16le(d, i + n - 3, &n2) || n2 != n || d.ptr[i + n - 1] != b) {
                i++;
                continue;
            }
            if (b == 0xD0) wp6_eol(w, d.ptr[i + 1]);
            else if (b == 0xE0) wp_put(w, '\t');
            w->unfit = false;
            i += n;
        } else if (b == 0xFF) {
            i++;
        } else {
            size_t n = wp6_fixed_size[b - 0xF0];
            if (i + n > d.len || d.ptr[i + n - 1] != b) {
                w->unfit |= i + n > d.len;
                i++;
                continue;
            }
            if (b == 0xF0) {
                wp_ext_char(w, d.ptr[i + 1], d.ptr[i + 2]);
            } else if (b == 0xF1 && d.ptr[i + 1] <= 1) {
                wp_line(w); /* undo: text WordPerfect keeps but no longer shows */
            }
            w->unfit = false;
            i += n;
        }
    }
}

/* A WordPerfect string of 16-bit characters (set << 8 | char), 0-ended,
 * inside [*at, end). */
static void wp6_string(struct wp *w, struct ls_slice d, size_t *at, size_t end)
{
    uint16_t ch = 0;
    while (*at + 2 <= end && ls_rd_u16le(d, *at, &ch)) {
        *at += 2;
        if (ch == 0) return;
        wp_ext_char(w, (uint8_t)(ch & 0xFF), (uint8_t)(ch >> 8));
    }
}

/* The extended document summary: groups of u16 length, u16 tag, 2 bytes,
 * the field's name, then its value (dates are binary: skipped). */
static void wp6_summary(struct wp *w, struct ls_slice p)
{
    size_t i = 0;
    while (i + 6 <= p.len && w->err == LS_OK) {
        uint16_t len = 0, tag = 0;
        (void)ls_rd_u16le(p, i, &len);
        (void)ls_rd_u16le(p, i + 2, &tag);
        if (len < 6) break;
        size_t end = i + len <= p.len ? i + len : p.len, at = i + 6;
        bool date = tag == 0x0E || tag == 0x0F || tag == 37 || tag == 39 || tag == 55;
        if (wp_late(w, len)) break;
        if (!date) {
            if (w->out.len >= WP_FLUSH) wp_flush(w);
            w->hold = true; /* the field may be taken back: no flush inside it */
            size_t mark = w->out.len;
            wp6_string(w, p, &at, end);
            wp_put(w, ':');
            wp_put(w, ' ');
            size_t value = w->out.len;
            wp6_string(w, p, &at, end);
            if (w->out.len == value) w->out.len = mark; /* an empty field */
            else wp_put(w, '\n');
            if (w->out.ptr) w->out.ptr[w->out.len] = '\0';
            w->hold = false;
        }
        i += len;
    }
}

/* A general-text packet: u16 block count, 4 bytes, u32 size per block,
 * then the blocks, one 6.x stream. */
static void wp6_packet_text(struct wp *w, struct ls_slice p)
{
    uint16_t nb = 0;
    if (!ls_rd_u16le(p, 0, &nb) || nb == 0) return;
    size_t at = 6, total = 0;
    for (unsigned k = 0; k < nb; k++) {
        uint32_t sz = 0;
        if (!ls_rd_u32le(p, at, &sz)) return;
        at += 4;
        total += sz;
        if (total > p.len) break;
    }
    if (at >= p.len) return;
    size_t n = total < p.len - at ? total : p.len - at;
    bool unfit = w->unfit; /* a packet is whole: its groups say nothing of a cut */
    wp_line(w);
    wp6_text(w, ls_slice_make(p.ptr + at, n));
    wp_line(w);
    w->unfit = unfit;
}

static void wp6_prefix(struct wp *w, struct ls_slice d)
{
    uint16_t ih = 0, num = 0;
    if (!ls_rd_u16le(d, 14, &ih)) return;
    if (ih < WP_PREFIX) ih = WP_PREFIX;
    if (!ls_rd_u16le(d, (size_t)ih + 2, &num)) return;
    if (num > WP6_MAX_INDICES) {
        ls_note(w->c, w->o, LS_R_LIMIT_MEMBERS, "wordperfect: the index lists %u packets; the first %u are read",
                (unsigned)num, WP6_MAX_INDICES);
        num = WP6_MAX_INDICES;
    }
    /* Each packet is read once, however many entries name it, and all
     * packets together at most four times the file: 4,096 entries naming
     * one 1 MB packet had cost 141 s (review5). */
    uint64_t budget = 4 * (uint64_t)d.len + (1u << 20);
    uint32_t seen_off[64], seen_len[64];
    unsigned nseen = 0;
    for (unsigned k = 1; k < num && w->err == LS_OK; k++) {
        size_t e = (size_t)ih + 14 + (size_t)(k - 1) * 14;
        uint32_t size = 0, off = 0;
        if (e + 14 > d.len || !ls_rd_u32le(d, e + 6, &size) || !ls_rd_u32le(d, e + 10, &off)) {
            w->cut = true;
            return;
        }
        uint8_t type = d.ptr[e + 1];
        if (type != 0x08 && type != 0x12) continue;
        struct ls_slice p;
        if (!ls_slice_sub(d, off, size, &p)) {
            w->cut = true;
            continue;
        }
        bool again = false;
        for (unsigned q = 0; q < nseen && !again; q++) again = seen_off[q] == off && seen_len[q] == size;
        if (again) continue;
        if (nseen < 64) seen_off[nseen] = off, seen_len[nseen++] = size;
        if (size > budget) {
            ls_note(w->c, w->o, LS_R_LIMIT_BYTES,
                    "wordperfect: the prefix packets name more than four times the file; the rest not read");
            break;
        }
        budget -= size;
        if (type == 0x08) wp6_packet_text(w, p);
        else wp6_summary(w, p);
    }
}

/* ---- 4.2 and earlier ----------------------------------------------------- */

/* Sizes of the function groups C0-FE, the code and its closing copy
 * included; 0: variable length, ended by the next byte equal to the code
 * (WordPerfect 4.2's file format, as libwpd reads it). */
static const uint8_t wp42_size[63] = {
    6, 4, 3, 5, 5, 6, 4, 6, 8, 42, 3, 6, 4, 3, 4, 3,    /* C0-CF */
    6, 0, 0, 4, 4, 4, 6, 0, 4, 4, 4, 4, 0, 24, 4, 0,    /* D0-DF */
    4, 3, 0, 150, 6, 23, 11, 3, 3, 0, 0, 0, 4, 0, 44, 18, /* E0-EF */
    6, 106, 0, 100, 4, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0,    /* F0-FE */
};

#define WP42_HEADER_FOOTER 0xD1
#define WP42_EXT_CHAR 0xE1
#define WP42_PROBE_MAX (1u << 20) /* the probe walks this much; extract walks all */
#define WP42_ENC_MAGIC "\xFE\xFF\x61\x61"

/* The end of the group whose code is at i: the index after its closing
 * copy. false when d ends first (*end = d.len) or a fixed group's last
 * byte is not its code (*end = i). */
static bool wp42_group(struct ls_slice d, size_t i, size_t *end)
{
    uint8_t b = d.ptr[i];
    size_t n = wp42_size[b - 0xC0];
    if (n == 0) {
        struct ls_slice rest;
        const uint8_t *gate = NULL;
        if (ls_slice_sub(d, i + 1, d.len - i - 1, &rest)) gate = memchr(rest.ptr, b, rest.len);
        *end = gate ? i + 1 + (size_t)(gate - rest.ptr) + 1 : d.len;
        return gate != NULL;
    }
    if (n > d.len - i) {
        *end = d.len;
        return false;
    }
    *end = d.ptr[i + n - 1] == b ? i + n : i;
    return *end != i;
}

/* Whether a byte of d is 0xC0 or above (its two top bits set), eight
 * bytes at a time: the probe runs on every object, and ASCII text (most
 * text objects) opens no group. */
static bool any_group_byte(struct ls_slice d)
{
    const uint64_t highs = UINT64_C(0x8080808080808080);
    size_t i = 0;
    for (; d.len - i >= 8; i += 8) {
        uint64_t v;
        memcpy(&v, d.ptr + i, 8);
        if (v & (v << 1) & highs) return true;
    }
    for (; i < d.len; i++)
        if (d.ptr[i] >= 0xC0) return true;
    return false;
}

/* Is d (its first WP42_PROBE_MAX bytes) a 4.2 document? *cut: the last
 * group runs past the end of the file. */
static bool wp42_shape(struct ls_slice d, bool *cut)
{
    size_t n = d.len < WP42_PROBE_MAX ? d.len : WP42_PROBE_MAX, i = 0, fixed = 0, letters = 0;
    struct ls_slice win = ls_slice_make(d.ptr, n);
    bool binary = false; /* a group that is no UTF-8 sequence: UTF-8 text (Thai E0 B8 AA E0) closes groups */
    *cut = false;
    /* no byte C0-FE: no group, so fewer than two fixed ones (the walk's answer) */
    if (!any_group_byte(win)) return false;
    while (i < n) {
        uint8_t b = win.ptr[i];
        if (b < 0x20) {
            if (b < 0x09 || b > 0x0D) return false;
            i++;
        } else if (b < 0xC0) {
            letters += (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
            i++;
        } else if (b == 0xFF) {
            return false;
        } else {
            size_t end = 0, at = i;
            binary |= ls_utf8_next(win, &at) < 0;
            if (!wp42_group(win, i, &end)) {
                if (end != n) return false;       /* a fixed group not closed */
                *cut = n == d.len;                /* past the window: unknown */
                break;
            }
            fixed += wp42_size[b - 0xC0] != 0;
            i = end;
        }
    }
    /* plain text has no group; a Latin-1 text's letters in C0-FE do not close */
    return binary && letters > 0 && fixed >= (*cut ? 4u : 2u);
}

static bool wp42_encrypted(struct ls_slice d)
{
    uint16_t sum = 0;
    return d.len > 6 && memcmp(d.ptr, WP42_ENC_MAGIC, 4) == 0 && ls_rd_u16le(d, 4, &sum) && sum != 0;
}

static void wp42_text(struct wp *w, struct ls_slice d);

/* A header or footer group: code, 4 bytes, the text (a 4.2 stream) up to
 * an FF, 2 bytes (the last, its definition), the code. */
static void wp42_header(struct wp *w, struct ls_slice g)
{
    size_t end = g.len - 1;
    while (end > 5 && g.ptr[end] != 0xFF) end--;
    if (end > 5) wp_subtext(w, ls_slice_make(g.ptr + 5, end - 5), wp42_text);
}

static void wp42_text(struct wp *w, struct ls_slice d)
{
    size_t i = 0, seen = 0;
    while (i < d.len && w->err == LS_OK) {
        if (wp_late(w, i - seen)) break;
        seen = i;
        uint8_t b = d.ptr[i];
        if (b >= 0x20 && b <= 0x7E) {
            wp_put(w, b);
            i++;
        } else if (b < 0x20 || b == 0x7F || b == 0xFF) {
            wp_control(w, b);
            i++;
        } else if (b <= 0xBF) {
            if (b == 0xA0) wp_put(w, ' ');            /* hard space */
            else if (b == 0xA9 || b == 0xAA) wp_put(w, '-'); /* hard hyphens */
            i++;
        } else {
            size_t end = 0;
            if (!wp42_group(d, i, &end)) {
                w->unfit |= end == d.len;
                i++;
                continue;
            }
            if (b == WP42_EXT_CHAR) wp_ext_char(w, d.ptr[i + 1], 0);
            else if (b == WP42_HEADER_FOOTER) wp42_header(w, ls_slice_make(d.ptr + i, end - i));
            w->unfit = false;
            i = end;
        }
    }
}

static ls_err wp42_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (wp42_encrypted(o->data)) {
        ls_note(c, o, LS_R_ENCRYPTED, "wordperfect: the WordPerfect 4.2 document is encrypted (password)");
        ls_set_coverage_none(c, o);
        return LS_E_ENCRYPTED;
    }
    struct wp w = {.c = c, .o = o};
    ls_buf_init(&w.out, SIZE_MAX);
    wp42_text(&w, o->data);
    wp_line(&w);
    wp_flush(&w);
    ls_buf_free(&w.out);
    if (w.err == LS_E_NOMEM || w.err == LS_E_TIMEOUT) return w.err;
    if (w.unfit) {
        ls_note(c, o, LS_R_TRUNCATED, "wordperfect: the WordPerfect 4.2 document ends inside a function group");
        return LS_E_TRUNCATED;
    }
    return LS_OK;
}

/* ---- the handler -------------------------------------------------------- */

static bool wp_prefix(struct ls_slice d, uint32_t *doc, uint8_t *major, uint16_t *key)
{
    if (d.len < WP_PREFIX || memcmp(d.ptr, "\xFFWPC", 4) != 0) return false;
    if (d.ptr[8] != WP_PRODUCT_WP || d.ptr[9] != WP_FILE_DOCUMENT) return false;
    *major = d.ptr[10];
    return ls_rd_u32le(d, 4, doc) && ls_rd_u16le(d, 12, key);
}

static int wp_probe(const struct ls_object *o)
{
    uint32_t doc;
    uint8_t major;
    uint16_t key;
    bool cut = false;
    if (wp_prefix(o->data, &doc, &major, &key)) return 90;
    /* 4.2: no signature, only its structure; under every handler that
     * checked a signature, over the text handler's 8-bit guess (25) */
    if (wp42_encrypted(o->data)) /* FE FF is also UTF-16BE's mark: not when libmagic says text */
        return o->mime && strncmp(o->mime, "text/", 5) == 0 ? 50 : 65;
    if (wp42_shape(o->data, &cut)) return 50;
    return 0;
}

static ls_err wp_extract(struct ls_ctx *c, struct ls_object *o)
{
    uint32_t doc = 0;
    uint8_t major = 0;
    uint16_t key = 0;
    if (!wp_prefix(o->data, &doc, &major, &key)) return wp42_extract(c, o);
    if (major != 0 && major != 2) {
        ls_note(c, o, LS_R_UNSUPPORTED, "wordperfect: major version %u is not read", (unsigned)major);
        return LS_OK;
    }
    if (key != 0) { /* WordPerfect enciphers the whole document area: nothing to read */
        ls_note(c, o, LS_R_ENCRYPTED, "wordperfect: the document is encrypted (password)");
        ls_set_coverage_none(c, o);
        return LS_E_ENCRYPTED;
    }
    struct wp w = {.c = c, .o = o};
    ls_buf_init(&w.out, SIZE_MAX);
    w.cut = doc > o->data.len;
    if (doc < WP_PREFIX) { /* no writer puts it there: read what follows the prefix */
        ls_note(c, o, LS_R_PARSE_ERROR, "wordperfect: the document area's offset %lu lies inside the prefix",
                (unsigned long)doc);
        doc = WP_PREFIX;
    }
    if (!w.cut) {
        struct ls_slice body = ls_slice_make(o->data.ptr + doc, o->data.len - doc);
        if (major == 0) wp5_text(&w, body);
        else wp6_text(&w, body);
        wp_line(&w);
    }
    if (major == 2) wp6_prefix(&w, o->data); /* headers, notes, summary */
    wp_line(&w);
    wp_flush(&w);
    ls_buf_free(&w.out);
    if (w.err == LS_E_NOMEM || w.err == LS_E_TIMEOUT) return w.err;
    if (w.cut || w.unfit) {
        ls_note(c, o, LS_R_TRUNCATED, "wordperfect: the document ends inside a function group or its area");
        return LS_E_TRUNCATED;
    }
    return LS_OK; /* LS_E_LIMIT: the pipeline noted limit:text */
}

const struct ls_handler ls_handler_wordperfect = {
    .name = "wordperfect",
    .probe = wp_probe,
    .extract = wp_extract,
};
