/*
 * Core byte handling: slices, cursors, bounded buffers, error macros, UTF-8.
 * Depends on libc only. Every parser reads input through these; no pointer
 * arithmetic on input outside src/core/.
 */
#ifndef LS_CORE_H
#define LS_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "leaksift/leaksift.h"

#define LS_TRY(expr)                  \
    do {                              \
        ls_err e_ = (expr);           \
        if (e_ != LS_OK) return e_;   \
    } while (0)
#define LS_FAIL_IF(cond, err)         \
    do {                              \
        if (cond) return (err);       \
    } while (0)

#if defined(__GNUC__)
#define LS_WUR __attribute__((warn_unused_result))
#define LS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LS_WUR
#define LS_PRINTF(a, b)
#endif

/* A read-only view of bytes owned by someone else. */
struct ls_slice {
    const uint8_t *ptr;
    size_t len;
};

/* A read position within a slice: 0 <= pos <= in.len. */
struct ls_cursor {
    struct ls_slice in;
    size_t pos;
};

static inline struct ls_slice ls_slice_make(const void *p, size_t n)
{
    struct ls_slice s = {(const uint8_t *)p, n};
    return s;
}

/*
 * Every reader below writes its out-param on every return. On failure that
 * is a defined empty value: the slice {s.ptr, 0} (an empty slice at the
 * start of the input, never a pointer past it, so pointer differences and
 * memcmp/memcpy of it stay defined), the integer 0. A caller that ignores
 * the result reads nothing; one that wants another default on failure says
 * so: `if (!ls_rd_u32le(s, off, &n)) n = 1;`.
 */
/* out = s[off, off+n) if it fits; false and out = {s.ptr, 0} otherwise. */
bool ls_slice_sub(struct ls_slice s, size_t off, size_t n, struct ls_slice *out);
/* out = s[off, end) if off <= len; false and out = {s.ptr, 0} otherwise. */
bool ls_slice_from(struct ls_slice s, size_t off, struct ls_slice *out);
/* Byte at i, or -1 when out of range. */
int ls_slice_at(struct ls_slice s, size_t i);
/* Offset of needle in s at or after from, or SIZE_MAX. */
size_t ls_slice_find(struct ls_slice s, size_t from, const void *needle, size_t nlen);
bool ls_slice_starts(struct ls_slice s, const void *prefix, size_t n);
bool ls_slice_eq_str(struct ls_slice s, const char *str);

static inline struct ls_cursor ls_cur_make(struct ls_slice s)
{
    struct ls_cursor c = {s, 0};
    return c;
}
static inline size_t ls_cur_left(const struct ls_cursor *c) { return c->in.len - c->pos; }

/* All reads: on short input return LS_E_TRUNCATED, leave the cursor and set
 * the out-param to 0 (ls_cur_take: the empty slice {c->in.ptr, 0}). */
ls_err ls_cur_u8(struct ls_cursor *c, uint8_t *v);
ls_err ls_cur_u16le(struct ls_cursor *c, uint16_t *v);
ls_err ls_cur_u32le(struct ls_cursor *c, uint32_t *v);
ls_err ls_cur_u64le(struct ls_cursor *c, uint64_t *v);
ls_err ls_cur_u16be(struct ls_cursor *c, uint16_t *v);
ls_err ls_cur_u32be(struct ls_cursor *c, uint32_t *v);
ls_err ls_cur_take(struct ls_cursor *c, size_t n, struct ls_slice *out);
ls_err ls_cur_skip(struct ls_cursor *c, size_t n);
ls_err ls_cur_seek(struct ls_cursor *c, size_t pos);

/* Little-endian decoders on a slice at an offset (bounds-checked): false
 * and *v = 0 when the value does not fit in s. */
bool ls_rd_u16le(struct ls_slice s, size_t off, uint16_t *v);
bool ls_rd_u32le(struct ls_slice s, size_t off, uint32_t *v);
bool ls_rd_u64le(struct ls_slice s, size_t off, uint64_t *v);

/*
 * Growable byte buffer with a hard cap (curl's dynbuf). Fields are private:
 * use the functions. Appending past max keeps what fits and returns
 * LS_E_LIMIT; the buffer stays valid. ptr is always NUL-terminated when
 * non-NULL (the terminator is not counted in len).
 */
struct ls_buf {
    uint8_t *ptr;
    size_t len;
    size_t cap;
    size_t max;
};

void ls_buf_init(struct ls_buf *b, size_t max);
void ls_buf_free(struct ls_buf *b);
void ls_buf_reset(struct ls_buf *b);
LS_WUR ls_err ls_buf_add(struct ls_buf *b, const void *p, size_t n);
LS_WUR ls_err ls_buf_addc(struct ls_buf *b, uint8_t ch);
LS_WUR ls_err ls_buf_adds(struct ls_buf *b, const char *s);
LS_WUR ls_err ls_buf_printf(struct ls_buf *b, const char *fmt, ...) LS_PRINTF(2, 3);
LS_WUR ls_err ls_buf_reserve(struct ls_buf *b, size_t n);
static inline struct ls_slice ls_buf_slice(const struct ls_buf *b)
{
    return ls_slice_make(b->ptr, b->len);
}
static inline const char *ls_buf_str(const struct ls_buf *b)
{
    return b->ptr ? (const char *)b->ptr : "";
}
/* Detach the storage (caller frees); buffer is reset. */
uint8_t *ls_buf_take(struct ls_buf *b, size_t *len);

/* ---- UTF-8 ---- */

/* Append code point cp as UTF-8 (invalid/surrogates become U+FFFD). */
LS_WUR ls_err ls_utf8_put(struct ls_buf *b, uint32_t cp);
/* Decode one UTF-8 sequence at s[*pos]; advances *pos; returns the code
 * point or -1 for an invalid byte (advancing one byte). */
int32_t ls_utf8_next(struct ls_slice s, size_t *pos);
bool ls_utf8_valid(struct ls_slice s);
/* Append s as UTF-8, invalid bytes replaced by U+FFFD. */
LS_WUR ls_err ls_utf8_lossy(struct ls_buf *b, struct ls_slice s);
/* The same, with what rules cannot match folded to ASCII: full-width
 * digits, letters and identifier signs (@ . - + ( ) / # _) to their ASCII
 * twins, no-break and fixed-width spaces to ' ', the hyphens made for
 * numbers and the minus sign to '-'; soft hyphens, zero-width spaces, word
 * joiners and stray BOMs dropped. The text and labels every handler emits. */
LS_WUR ls_err ls_utf8_fold_lossy(struct ls_buf *b, struct ls_slice s);
/* Whether ls_utf8_fold_lossy() would change s (beyond invalid bytes). */
bool ls_utf8_foldable(struct ls_slice s);
/* Whether a name holds a character that hides what it shows: C0 controls,
 * DEL, C1 controls (UTF-8 U+0080-U+009F) and the bidi embeddings, overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069) that make "invoice<RLO>fdp.exe"
 * display as "invoiceexe.pdf". Other bytes, UTF-8 or not, are no fault. */
bool ls_name_has_control(struct ls_slice name);
/* ls_name_has_control() but for the CR of a component named exactly
 * "Icon\r" or "._Icon\r" (macOS Finder's custom-icon file, in every copy
 * of a Mac folder that has one): what member and root names are judged by
 * (bad_name). */
bool ls_name_hides(struct ls_slice name);
/* Whether a link target names a network location a reader would fetch:
 * a URL of any scheme but file: (two or more letters before ':', so not a
 * drive letter), a UNC path (\\host\share, //host) or a file: URL whose
 * host is not localhost. Local and relative paths (C:\x, file:///C:/x,
 * ../book.xlsx, Normal.dotm) are not. */
bool ls_link_is_remote(struct ls_slice target);
/* Windows-1252 byte to code point (Latin-1 for undefined 0x80-0x9f slots). */
uint32_t ls_cp1252(uint8_t ch);
/* Append UTF-16 (le or be) as UTF-8; unpaired surrogates become U+FFFD. */
LS_WUR ls_err ls_utf16_to_utf8(struct ls_buf *b, struct ls_slice s, bool big_endian);

/* ---- single-byte code pages (codepage.c; tables generated by
 * scripts/gen_codepages.py from Python's codecs) ----
 * windows-1250..1258 and 874, iso-8859-1..16 (no 12), koi8-r/u, ibm437,
 * 850, 852, 866, macintosh and x-mac-cyrillic/greek/ce/turkish/icelandic.
 * The low half of each is ASCII; bytes a page
 * does not define decode to U+FFFD. CJK multibyte pages: below. UTF-7/8/16
 * and EBCDIC pages are not here: callers handle UTF-8/16 and note the rest.
 * A code page is static data: never freed, safe to share. */
struct ls_codepage;
/* By charset name, case-insensitive and loose (only ASCII letters and
 * digits count, so "ISO_8859-2:1987", "iso-8859-2" and "iso8859_2" are
 * one name); surrounding blanks and quotes are ignored. IANA names and
 * common aliases ("windows-1251", "cp1251", "x-cp1251", "latin2",
 * "koi8r", "ibm866", "macintosh" ...). NULL if not a page here. */
const struct ls_codepage *ls_codepage_by_name(struct ls_slice name);
/* By Windows code page number (1251, 28592, 20866, 10000, 932 ...); NULL if
 * not a page here (0, 65001, 1200, 1361 ...). */
const struct ls_codepage *ls_codepage_by_number(unsigned number);
/* Canonical (IANA) name and Windows number of cp. */
const char *ls_codepage_name(const struct ls_codepage *cp);
unsigned ls_codepage_number(const struct ls_codepage *cp);
/* Byte to code point; cp NULL means Windows-1252 as ls_cp1252() maps it. */
uint32_t ls_codepage_map(const struct ls_codepage *cp, uint8_t ch);
/* Append s, encoded in cp (NULL: Windows-1252), as UTF-8. */
LS_WUR ls_err ls_codepage_to_utf8(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp);
/* Multibyte CJK pages (shift_jis 932, euc-jp 20932/51932, iso-2022-jp
 * 50220-50222, gbk 936 (gb2312, gb18030's two-byte part), big5 950, euc-kr
 * 949/51949) are here too: ls_codepage_to_utf8() decodes them (invalid or
 * cut sequences -> U+FFFD), ls_codepage_map() gives U+FFFD for their lead
 * bytes. Byte-at-a-time callers pair bytes with these: */
bool ls_codepage_multibyte(const struct ls_codepage *cp);
/* ch starts a two-byte (or EUC-JP 0x8F three-byte) character in cp. */
bool ls_codepage_lead(const struct ls_codepage *cp, uint8_t ch);
/* A lead and trail byte pair to a code point; U+FFFD if undefined. */
uint32_t ls_codepage_map2(const struct ls_codepage *cp, uint8_t lead, uint8_t trail);

/* ---- JSON string encoding (the one encoder every string goes through) ---- */

/* Append s as a JSON string literal with quotes; invalid UTF-8 becomes
 * U+FFFD, control characters are escaped. Sets *lossy if any byte was
 * replaced (may be NULL). */
LS_WUR ls_err ls_json_str(struct ls_buf *b, struct ls_slice s, bool *lossy);
LS_WUR ls_err ls_json_cstr(struct ls_buf *b, const char *s);
/* Append s base64-encoded (RFC 4648, with padding), quoted. */
LS_WUR ls_err ls_json_b64(struct ls_buf *b, struct ls_slice s);

/* ---- misc ---- */
double ls_now(void); /* monotonic seconds */
/* write() all of p to fd, retrying short writes and EINTR; 0 or -1 (errno). */
int ls_write_all(int fd, const void *p, size_t n);
void ls_hex(const uint8_t *in, size_t n, char *out); /* out: 2n+1 bytes */

#endif
