/*
 * "text": plain text in encodings the raw-byte scan cannot read.
 *
 * Supports UTF-16LE/BE (with a BOM, or BOM-less by the share of zero bytes at
 * odd/even offsets), UTF-32LE/BE (PhpSpreadsheet's CSV encodings tests: with
 * a BOM or without) and Windows-1252 / Latin-1 8-bit text, converted to UTF-8
 * through ls_emit_text(). Text that is already valid UTF-8 or ASCII is
 * recognised but emits nothing: the raw-byte scan already reads it, and
 * emitting would scan every plain file twice; only the values of tables
 * printed in it with aligned columns (texttable.h) and the rows of SQL
 * dumps (sqldump.h) get their column labels (in converted text too).
 * Japanese text in Shift_JIS or EUC-JP (what Japanese Windows and Unix
 * write without a BOM: staff CSVs, mail saved as text) is recognised by its
 * kana and decoded (codepage.c): read as Windows-1252, its labels (電話,
 * 生年月日) were lost. Other legacy encodings (KOI8-R, GBK, ...) are read as
 * Windows-1252 on purpose: without a label they cannot be told apart
 * reliably; ASCII digits, e-mail addresses and markers survive that reading
 * unchanged.
 *
 * Inside text that is not UTF-16, what the raw scan cannot read is decoded:
 * uuencoded files ("begin 644 name" ... "end": .uue files, news and mail
 * saved as text) and long base64 runs that carry a file (b64blob.h) become
 * children; Kubernetes Secret data values are added as text (k8ssecret.h);
 * an encrypted PGP block is noted (sealed.h).
 *
 * Attacker-controlled: every byte; the conversion has no state beyond one
 * surrogate pair, so truncation only loses the last character.
 */
#include "extract/text.h"

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/k8ssecret.h"
#include "extract/mime_decode.h"
#include "extract/sealed.h"
#include "extract/sqldump.h"
#include "extract/sylk.h"
#include "extract/texttable.h"

#include <string.h>


#define TEXT_SAMPLE 4096u
#define TEXT_CHUNK (64u * 1024u)

struct text_counts {
    size_t n, zero_even, zero_odd, ctrl, hi;
    size_t zero4[4]; /* zero bytes by offset mod 4 */
};

static struct text_counts text_count(struct ls_slice s)
{
    struct text_counts k = {0, 0, 0, 0, 0, {0, 0, 0, 0}};
    k.n = s.len < TEXT_SAMPLE ? s.len : TEXT_SAMPLE;
    for (size_t i = 0; i < k.n; i++) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        if (ch == 0) {
            k.zero4[i % 4]++;
            if (i % 2 == 0)
                k.zero_even++;
            else
                k.zero_odd++;
        } else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f' &&
                   ch != '\v' && ch != 0x1b) {
            k.ctrl++;
        } else if (ch >= 0x80) {
            k.hi++;
        }
    }
    return k;
}

/* Mostly-ASCII UTF-16: about every other byte is zero, and on one side only. */
static enum ls_text_enc text_guess_utf16(const struct text_counts *k)
{
    size_t pairs = k->n / 2;
    if (pairs < 2) return LS_TEXT_BINARY;
    if (k->zero_odd * 10 >= pairs * 4 && k->zero_even * 20 <= pairs) return LS_TEXT_UTF16LE;
    if (k->zero_even * 10 >= pairs * 4 && k->zero_odd * 20 <= pairs) return LS_TEXT_UTF16BE;
    return LS_TEXT_BINARY;
}

/* UTF-32 of the Basic Multilingual Plane: the two high bytes of every unit
 * are zero, the low byte mostly is not (a share of UTF-16 would not have
 * zeros in both). */
static enum ls_text_enc text_guess_utf32(const struct text_counts *k)
{
    size_t units = k->n / 4;
    if (units < 2 || k->ctrl * 10 > units) return LS_TEXT_BINARY; /* small integers, not text */
    if (k->zero4[2] * 10 >= units * 9 && k->zero4[3] * 10 >= units * 9 && k->zero4[0] * 10 <= units)
        return LS_TEXT_UTF32LE;
    if (k->zero4[0] * 10 >= units * 9 && k->zero4[1] * 10 >= units * 9 && k->zero4[3] * 10 <= units)
        return LS_TEXT_UTF32BE;
    return LS_TEXT_BINARY;
}

/* Invalid UTF-8 that is still mostly UTF-8 (valid multi-byte sequences
 * outnumber stray bytes) stays UTF-8; otherwise it is an 8-bit code page. */
static bool text_mostly_utf8(struct ls_slice s)
{
    size_t n = s.len < TEXT_SAMPLE ? s.len : TEXT_SAMPLE, pos = 0, good = 0, bad = 0;
    struct ls_slice head;
    (void)ls_slice_sub(s, 0, n, &head);
    while (pos < head.len) {
        size_t before = pos;
        int32_t cp = ls_utf8_next(head, &pos);
        if (pos <= before) break;
        if (cp < 0)
            bad++;
        else if (cp >= 0x80)
            good++;
    }
    return good > bad;
}

/* Japanese 8-bit text. Shift_JIS: lead 0x81-0x9F/0xE0-0xFC + trail
 * 0x40-0x7E/0x80-0xFC, half-width katakana 0xA1-0xDF alone; kana and
 * punctuation have leads 0x81-0x83, the common (level 1) kanji 0x88-0x9F.
 * EUC-JP: two bytes 0xA1-0xFE, 0x8E + half-width katakana, 0x8F + two
 * (JIS X 0212); kana are rows 0xA4 and 0xA5 (not punctuation, row 0xA1:
 * GB2312 and EUC-KR share the layout, and Chinese text is full of 、。
 * there; their kana rows are all but unused). Windows-1252 text passes the
 * first test now and then (German "für" is a valid Shift_JIS pair), but
 * its pairs are accented letters (0xE0-0xFC) before a letter: its leads are
 * never kana, nor mostly 0x81-0x9F (only quotes and dashes are there, with
 * ASCII trails: see jp_is()). Singles (0xA1-0xDF, Ü or ß in Windows-1252)
 * count as characters, not as evidence.
 * *cls: 0 ASCII, 1 kana (or Shift_JIS punctuation), 2 a level 1 kanji
 * (Shift_JIS), 3 any other. */
static bool jp_char(struct ls_slice s, size_t i, enum ls_text_enc enc, size_t *len, int *cls)
{
    int c = ls_slice_at(s, i), t = i + 1 < s.len ? ls_slice_at(s, i + 1) : -1;
    *cls = 0;
    *len = 1;
    if (c < 0x80) return true;
    *cls = 3;
    if (enc == LS_TEXT_SJIS) {
        if (c >= 0xA1 && c <= 0xDF) return true;
        if (!((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC))) return false;
        if (!((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFC))) return false;
        *cls = c <= 0x83 ? 1 : c >= 0x88 && c <= 0x9F ? 2 : 3;
        *len = 2;
        return true;
    }
    if (c == 0x8E) {
        *len = 2;
        return t >= 0xA1 && t <= 0xDF;
    }
    if (c == 0x8F) {
        int u = i + 2 < s.len ? ls_slice_at(s, i + 2) : -1;
        *len = 3;
        return t >= 0xA1 && t <= 0xFE && u >= 0xA1 && u <= 0xFE;
    }
    if (c < 0xA1 || c > 0xFE || t < 0xA1 || t > 0xFE) return false;
    *cls = c == 0xA4 || c == 0xA5 ? 1 : 3;
    *len = 2;
    return true;
}

#define JP_PROBE (64u * 1024u)

/* Every non-ASCII byte of the first 64 KiB in a character of enc, and one
 * character in ten a kana, or (Shift_JIS) half of them, sixteen or more,
 * kana or level 1 kanji: a staff list of names and dates has few kana. */
static bool jp_is(struct ls_slice s, enum ls_text_enc enc)
{
    size_t n = s.len < JP_PROBE ? s.len : JP_PROBE, chars = 0, kana = 0, common = 0, high_trail = 0, len;
    int cls;
    for (size_t i = 0; i < n; i += len) {
        if (!jp_char(s, i, enc, &len, &cls)) {
            if (i + len >= s.len) break; /* the file ends inside its last character */
            return false;
        }
        if (cls == 0) continue;
        chars++;
        kana += cls == 1;
        common += cls == 1 || cls == 2;
        high_trail += len == 2 && ls_slice_at(s, i + 1) >= 0x80;
    }
    /* Windows-1252 quotes and dashes (0x91-0x97) before a letter are valid
     * Shift_JIS pairs with level 1 kanji leads ("O’Brien", "it’s": review4);
     * their trails are ASCII, while two in three Shift_JIS trails are
     * 0x80-0xFC: a quarter of them must be */
    if (enc == LS_TEXT_SJIS && high_trail * 4 < chars) return false;
    return chars >= 4 && (kana * 10 >= chars || (enc == LS_TEXT_SJIS && chars >= 16 && common * 2 >= chars));
}

static size_t jp_cut(struct ls_slice s, size_t max, enum ls_text_enc enc)
{
    size_t i = 0, len;
    int cls;
    while (i < s.len && i < max) {
        if (!jp_char(s, i, enc, &len, &cls)) len = 1; /* a stray byte: one U+FFFD */
        if (i + len > max) break;
        i += len;
    }
    return i == 0 && max > 0 && s.len > 0 ? (s.len < max ? s.len : max) : i;
}

enum ls_text_enc ls_text_detect(struct ls_slice s, size_t *bom_len)
{
    *bom_len = 0;
    int b0 = ls_slice_at(s, 0), b1 = ls_slice_at(s, 1), b2 = ls_slice_at(s, 2),
        b3 = ls_slice_at(s, 3);
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) { /* before UTF-16's FF FE */
        *bom_len = 4;
        return LS_TEXT_UTF32LE;
    }
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
        *bom_len = 4;
        return LS_TEXT_UTF32BE;
    }
    if (b0 == 0xFF && b1 == 0xFE) {
        *bom_len = 2;
        return LS_TEXT_UTF16LE;
    }
    if (b0 == 0xFE && b1 == 0xFF) {
        *bom_len = 2;
        return LS_TEXT_UTF16BE;
    }
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) *bom_len = 3;
    struct text_counts k = text_count(s);
    if (*bom_len == 0 && k.zero_even + k.zero_odd > 0) {
        enum ls_text_enc wide = text_guess_utf32(&k);
        return wide != LS_TEXT_BINARY ? wide : text_guess_utf16(&k);
    }
    if (k.n > 0 && k.ctrl * 10 > k.n) return LS_TEXT_BINARY;
    if (k.zero_even + k.zero_odd > 0) return LS_TEXT_BINARY;
    if (k.hi == 0 || ls_utf8_valid(s) || text_mostly_utf8(s)) return LS_TEXT_UTF8;
    if (jp_is(s, LS_TEXT_SJIS)) return LS_TEXT_SJIS;
    if (jp_is(s, LS_TEXT_EUCJP)) return LS_TEXT_EUCJP;
    return LS_TEXT_CP1252;
}

size_t ls_text_utf16_cut(struct ls_slice s, size_t max, bool big_endian)
{
    size_t n = s.len < max ? s.len : max;
    n &= ~(size_t)1;
    if (n >= 2 && n < s.len) {
        int hi = ls_slice_at(s, big_endian ? n - 2 : n - 1);
        if (hi >= 0xD8 && hi <= 0xDB) n -= 2; /* keep a surrogate pair together */
    }
    return n;
}

bool ls_text_wide(enum ls_text_enc enc)
{
    return enc == LS_TEXT_UTF16LE || enc == LS_TEXT_UTF16BE || enc == LS_TEXT_UTF32LE ||
           enc == LS_TEXT_UTF32BE;
}

size_t ls_text_cut(struct ls_slice s, size_t max, enum ls_text_enc enc)
{
    if (enc == LS_TEXT_UTF16LE || enc == LS_TEXT_UTF16BE)
        return ls_text_utf16_cut(s, max, enc == LS_TEXT_UTF16BE);
    if (enc == LS_TEXT_SJIS || enc == LS_TEXT_EUCJP) return jp_cut(s, max, enc);
    size_t n = s.len < max ? s.len : max;
    return enc == LS_TEXT_UTF32LE || enc == LS_TEXT_UTF32BE ? n & ~(size_t)3 : n;
}

static ls_err text_utf32(struct ls_slice s, bool big_endian, struct ls_buf *out)
{
    for (size_t i = 0; i + 4 <= s.len; i += 4) {
        uint32_t b[4];
        for (size_t j = 0; j < 4; j++) b[j] = (uint8_t)ls_slice_at(s, i + j);
        uint32_t cp = big_endian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]
                                 : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0];
        if (cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu)) cp = 0xFFFDu;
        LS_TRY(ls_utf8_put(out, cp));
    }
    return LS_OK;
}

static ls_err text_cp1252(struct ls_slice s, struct ls_buf *out)
{
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        if (ch < 0x80)
            LS_TRY(ls_buf_addc(out, ch));
        else
            LS_TRY(ls_utf8_put(out, ls_cp1252(ch)));
    }
    return LS_OK;
}

ls_err ls_text_convert(struct ls_slice s, enum ls_text_enc enc, struct ls_buf *out)
{
    switch (enc) {
    case LS_TEXT_UTF16LE: return ls_utf16_to_utf8(out, s, false);
    case LS_TEXT_UTF16BE: return ls_utf16_to_utf8(out, s, true);
    case LS_TEXT_UTF32LE: return text_utf32(s, false, out);
    case LS_TEXT_UTF32BE: return text_utf32(s, true, out);
    case LS_TEXT_CP1252: return text_cp1252(s, out);
    case LS_TEXT_SJIS: return ls_codepage_to_utf8(out, s, ls_codepage_by_number(932));
    case LS_TEXT_EUCJP: return ls_codepage_to_utf8(out, s, ls_codepage_by_number(20932));
    case LS_TEXT_UTF8:
    case LS_TEXT_BINARY: return ls_utf8_lossy(out, s);
    }
    return LS_E_ARG;
}

/* ---------------------------------------------------------------- handler */

static bool text_mime_is_text(const char *mime)
{
    static const char *const extra[] = {"application/json", "application/javascript",
                                        "application/x-ndjson", "application/csv",
                                        "application/x-sh", "application/sql", NULL};
    if (!mime) return false;
    if (strncmp(mime, "text/", 5) == 0) return true;
    for (size_t i = 0; extra[i]; i++)
        if (strcmp(mime, extra[i]) == 0) return true;
    return false;
}

#define TEXT_PROBE_MAX (64u * 1024u) /* the probe judges a prefix; extract reads all */

static int text_probe(const struct ls_object *o)
{
    size_t bom;
    struct ls_slice head;
    if (!ls_slice_sub(o->data, 0, o->data.len < TEXT_PROBE_MAX ? o->data.len : TEXT_PROBE_MAX,
                      &head))
        return 0;
    enum ls_text_enc enc = ls_text_detect(head, &bom);
    if (o->data.len == 0 || enc == LS_TEXT_BINARY) return 0;
    if (ls_text_wide(enc)) return bom ? 60 : 45;
    if (text_mime_is_text(o->mime)) return 25;
    return 10;
}

static ls_err text_emit_chunk(struct ls_ctx *c, struct ls_object *o, struct ls_slice piece,
                              enum ls_text_enc enc, struct ls_buf *tmp)
{
    ls_buf_reset(tmp);
    ls_err e = ls_text_convert(piece, enc, tmp);
    if (e != LS_OK && e != LS_E_LIMIT) return e;
    return ls_emit_text(c, o, tmp->ptr, tmp->len);
}

/* ---- uuencoded files inside text (.uue, news and mail saved as text) ---- */

static ls_err text_uu_child(struct ls_ctx *c, struct ls_object *o, struct ls_slice t, size_t *pos,
                            struct ls_slice name)
{
    uint64_t left = ls_budget_left(c);
    struct ls_buf out;
    ls_buf_init(&out, left < t.len ? (size_t)left : t.len);
    ls_err e = LS_OK;
    bool ended = mime_uu_decode(t, pos, &out, &e);
    ls_err ce = e == LS_E_NOMEM ? e : ls_budget_charge(c, o, out.len);
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name.ptr;
    ch.name_len = name.len;
    ch.data = ls_buf_slice(&out);
    if (!ended || e != LS_OK || ce != LS_OK) {
        bool budget = e == LS_E_LIMIT || ce != LS_OK;
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = budget ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        ch.error = budget ? "text: uuencoded file decoded only up to the byte budget"
                          : "text: uuencoded file cut short (no end line)";
    }
    ls_err ee = ce == LS_E_NOMEM ? ce : ls_emit_child(c, o, &ch);
    ls_buf_free(&out);
    return ee != LS_OK ? ee : ce;
}

/* Every "begin NNN name" block at a line start becomes a child. */
static ls_err text_uu(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice t = o->data;
    size_t pos = 0;
    while (pos < t.len) {
        size_t at = ls_slice_find(t, pos, "begin ", 6);
        if (at == SIZE_MAX) break;
        if (at > 0 && ls_slice_at(t, at - 1) != '\n') {
            pos = at + 1;
            continue;
        }
        size_t eol = ls_slice_find(t, at, "\n", 1);
        if (eol == SIZE_MAX) eol = t.len;
        struct ls_slice line, name;
        (void)ls_slice_sub(t, at, eol - at, &line);
        pos = eol < t.len ? eol + 1 : t.len;
        if (mime_uu_begin(line, &name)) LS_TRY(text_uu_child(c, o, t, &pos, name));
    }
    return LS_OK;
}

ls_err ls_text_fold_lines(struct ls_ctx *c, struct ls_object *o, struct ls_slice u8)
{
    if (!ls_utf8_foldable(u8)) return LS_OK; /* one fast pass: nearly every file */
    size_t a = 0;
    while (a < u8.len) {
        const uint8_t *nl = memchr(u8.ptr + a, '\n', u8.len - a);
        size_t b = nl ? (size_t)(nl - u8.ptr) : u8.len;
        struct ls_slice line = ls_slice_make(u8.ptr + a, b - a);
        if (ls_utf8_foldable(line)) {
            ls_err e = ls_emit_labels(c, o, line.ptr, line.len);
            if (e == LS_OK) e = ls_emit_labels(c, o, "\n", 1);
            if (e != LS_OK) return e == LS_E_LIMIT ? LS_OK : e;
        }
        a = b + 1;
    }
    return LS_OK;
}

static ls_err text_extract(struct ls_ctx *c, struct ls_object *o)
{
    size_t bom;
    enum ls_text_enc enc = ls_text_detect(o->data, &bom);
    if (enc == LS_TEXT_BINARY) return LS_OK;
    if (!ls_text_wide(enc)) { /* armor and uuencode are ASCII */
        ls_sealed_note_blocks(c, o, o->data);
        LS_TRY(text_uu(c, o));
        LS_TRY(ls_b64_blobs(c, o, o->data));
        LS_TRY(ls_k8s_secret_text(c, o, o->data));
    }
    if (enc == LS_TEXT_UTF8) { /* the raw scan reads it; printed tables get their column labels */
        struct ls_slice u8;
        if (!ls_slice_from(o->data, bom, &u8)) return LS_OK;
        if (ls_sylk_is(u8)) return ls_sylk_text(c, o, u8); /* a sheet: its rows as text */
        LS_TRY(ls_text_fold_lines(c, o, u8));
        LS_TRY(ls_texttable_labels(c, o, u8));
        return ls_sqldump_labels(c, o, u8);
    }
    struct ls_slice body;
    if (!ls_slice_from(o->data, bom, &body)) return LS_OK;
    if (enc == LS_TEXT_CP1252 && ls_sylk_is(body)) { /* Excel writes SYLK in its ANSI code page */
        struct ls_buf u8;
        ls_buf_init(&u8, ls_ctx_limits(c)->max_text);
        ls_err ce = ls_text_convert(body, enc, &u8);
        if (ce == LS_OK || ce == LS_E_LIMIT) ce = ls_sylk_text(c, o, ls_buf_slice(&u8));
        ls_buf_free(&u8);
        return ce;
    }
    struct ls_buf tmp, all; /* all: the converted text, for the table and SQL dump readers */
    ls_buf_init(&tmp, TEXT_CHUNK * 3 + 16);
    ls_buf_init(&all, ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0;
    while (off < body.len && e == LS_OK) {
        struct ls_slice left, piece;
        (void)ls_slice_from(body, off, &left);
        size_t n = ls_text_cut(left, TEXT_CHUNK, enc);
        if (n == 0) break; /* a lone trailing byte of UTF-16, a part of a UTF-32 unit */
        (void)ls_slice_sub(left, 0, n, &piece);
        e = text_emit_chunk(c, o, piece, enc, &tmp);
        if (e == LS_OK && ls_buf_add(&all, tmp.ptr, tmp.len) == LS_E_NOMEM) e = LS_E_NOMEM;
        off += n;
        if (e == LS_OK && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    ls_buf_free(&tmp);
    /* SQL Server's "Generate Scripts" and Excel's report exports write
     * UTF-16: their tables and INSERT rows get column labels too */
    if (e == LS_OK) e = ls_texttable_labels(c, o, ls_buf_slice(&all));
    if (e == LS_OK) e = ls_sqldump_labels(c, o, ls_buf_slice(&all));
    ls_buf_free(&all);
    return e;
}

const struct ls_handler ls_handler_text = {
    .name = "text",
    .probe = text_probe,
    .extract = text_extract,
};
