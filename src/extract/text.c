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
 * 生年月日) were lost. The same holds for the staff lists and exports of a
 * Russian, Chinese, Korean, Greek, Hebrew, Arabic or Thai company, so the
 * first 8 KiB of other 8-bit text are judged (text_guess_legacy()): GBK,
 * Big5 or EUC-KR (cp949) when the bytes over 0x7F pair into that page's
 * characters and one in four or more of them is among its most common
 * characters (Chinese, simplified or traditional, or Korean: 的 是 电话 /
 * 電話 / 이 다 전화 ...) and few of them sit between two ASCII letters (a
 * Latin word's accent or soft hyphen); else, when those bytes make words of their own
 * (not accents inside ASCII words, as Western and Central European text
 * has), the single-byte page whose reading scores best by the letter
 * frequencies of its language, clearly ahead of every other language:
 * cp1251, KOI8-R, cp866, ISO-8859-5, Mac Cyrillic; cp1253, ISO-8859-7;
 * cp1255, ISO-8859-8; cp1256, ISO-8859-6; TIS-620 (cp874). On the labelled
 * files of chardet's and uchardet's test suites (540 files) no guess was
 * wrong; on 16-128 character snippets of them about one in 250 was, and a
 * short or doubtful text stays Windows-1252, as all of them did before
 * (ASCII digits, e-mail addresses and markers survive that reading).
 * Text in capitals only (a register's Cyrillic surnames, a Greek notice)
 * is judged by its letters alone, its case telling nothing: windows-1251
 * or cp866 capitals when they score clearly ahead of every other reading
 * (sb_caps_pick()); Greek and KOI8-R capitals, which another page's small
 * letters read as well, stay Windows-1252.
 * Latin-script text is windows-1250 or ISO-8859-2 when three or more of
 * its bytes over 0x7F inside words are letters in that page and symbols in
 * Windows-1252 (Polish "by³o", "w³aœnie"; Czech and Slovak in ISO-8859-2,
 * "po¹ta"; ce_guess()): on 60,000 snippets of Western text none moved;
 * Czech and Hungarian text whose marked letters Windows-1252 reads as
 * letters too stays Windows-1252. Baltic, Turkish and Vietnamese pages,
 * IBM852, IBM855, Johab and EUC-TW are not guessed: they read as
 * Windows-1252 (ISO-8859-3, -4, -10, -16 may read as a Central European
 * page, with more of their words whole than Windows-1252 gives).
 *
 * Inside text that is not UTF-16, what the raw scan cannot read is decoded:
 * uuencoded files ("begin 644 name" ... "end": .uue files, news and mail
 * saved as text) and long base64 runs that carry a file (b64blob.h) become
 * children; Kubernetes Secret data values are added as text (k8ssecret.h);
 * an encrypted PGP block is noted (sealed.h).
 *
 * Attacker-controlled: every byte; the conversion has no state beyond one
 * surrogate pair or double-byte character, so truncation only loses the
 * last character. The guess reads a bounded prefix (8 KiB, 64 KiB for the
 * Japanese one), a few passes each.
 */
#include "extract/text.h"

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/jsonesc.h"
#include "extract/k8ssecret.h"
#include "extract/mime_decode.h"
#include "extract/sealed.h"
#include "extract/sqldump.h"
#include "extract/sylk.h"
#include "extract/texttable.h"

#include <limits.h>
#include <string.h>


#define TEXT_SAMPLE 4096u
#define TEXT_CHUNK (64u * 1024u)

struct text_counts {
    size_t n, zero_even, zero_odd, ctrl, hi;
    size_t zero4[4]; /* zero bytes by offset mod 4 */
};

/* Byte classes of the counts: 0 none, 1 zero, 2 control (not tab, LF,
 * VT, FF, CR or ESC), 3 high (>= 0x80). */
#define TC_CTRL(b) ((b) < 0x20 && (b) != '\t' && (b) != '\n' && (b) != '\r' && (b) != '\f' && (b) != '\v' && (b) != 0x1b)
#define TC_CLASS(b) ((b) == 0 ? 1 : TC_CTRL(b) ? 2 : (b) >= 0x80 ? 3 : 0)
#define TC_ROW(b)                                                                                  \
    TC_CLASS(b), TC_CLASS(b + 1), TC_CLASS(b + 2), TC_CLASS(b + 3), TC_CLASS(b + 4), TC_CLASS(b + 5), \
        TC_CLASS(b + 6), TC_CLASS(b + 7)
static const uint8_t text_class[256] = {
    TC_ROW(0),   TC_ROW(8),   TC_ROW(16),  TC_ROW(24),  TC_ROW(32),  TC_ROW(40),  TC_ROW(48),
    TC_ROW(56),  TC_ROW(64),  TC_ROW(72),  TC_ROW(80),  TC_ROW(88),  TC_ROW(96),  TC_ROW(104),
    TC_ROW(112), TC_ROW(120), TC_ROW(128), TC_ROW(136), TC_ROW(144), TC_ROW(152), TC_ROW(160),
    TC_ROW(168), TC_ROW(176), TC_ROW(184), TC_ROW(192), TC_ROW(200), TC_ROW(208), TC_ROW(216),
    TC_ROW(224), TC_ROW(232), TC_ROW(240), TC_ROW(248),
};

/* Bit 7 of each byte of v where that byte is below c (1 <= c < 0x80); v7
 * is v & 0x7F7F...: the sums never carry into the next byte. */
#define SW_ONES UINT64_C(0x0101010101010101)
#define SW_HI UINT64_C(0x8080808080808080)
static inline uint64_t sw_below(uint64_t v7, uint64_t v, unsigned c)
{
    return ~((v7 + SW_ONES * (0x80u - c)) | v) & SW_HI;
}

/* Over the first TEXT_SAMPLE bytes: eight bytes at a time; a word of bytes
 * all 0x20-0x7F counts for nothing, any other is classed in the word
 * itself (zero, control, high: one bit per byte, summed per byte lane, so
 * the lanes give the counts by offset mod 4). The probes of text, csv and
 * mime each count every object's first 4 KiB: with a call per byte that
 * was 1.7% of a run on the bench corpus D, 3.2% on real office documents;
 * a table look-up per byte of a binary word still cost ~9 instructions a
 * byte (1.1% of real office documents, eighteenth session). */
static struct text_counts text_count(struct ls_slice s)
{
    const uint64_t lo = UINT64_C(0x2020202020202020), m7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
    struct text_counts k = {0, 0, 0, 0, 0, {0, 0, 0, 0}};
    size_t by[4][4] = {{0}}; /* [class][offset mod 4] */
    struct ls_slice head;
    if (!ls_slice_sub(s, 0, s.len < TEXT_SAMPLE ? s.len : TEXT_SAMPLE, &head)) return k;
    k.n = head.len;
    const uint8_t *p = head.ptr;
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* per byte lane (lane j: offsets = j mod 8, as i steps by 8 from 0):
     * at most 255 words between flushes, so no lane overflows */
    uint64_t az = 0, ac = 0, ah = 0;
    unsigned words = 0;
    while (k.n - i >= 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        i += 8;
        if (!(v & SW_HI) && !((v - lo) & ~v & SW_HI)) continue; /* no byte >= 0x80, none < 0x20 */
        uint64_t v7 = v & m7, esc = v ^ (SW_ONES * 0x1b);
        uint64_t zero = sw_below(v7, v, 1);
        uint64_t nine13 = sw_below(v7, v, 0x0e) & ~sw_below(v7, v, 0x09); /* tab, LF, VT, FF, CR */
        uint64_t ctrl = sw_below(v7, v, 0x20) & ~zero & ~nine13 & ~sw_below(esc & m7, esc, 1);
        az += zero >> 7;
        ac += ctrl >> 7;
        ah += (v & SW_HI) >> 7;
        if (++words < 255) continue;
        for (unsigned j = 0; j < 8; j++) {
            by[1][j & 3] += (az >> (8 * j)) & 0xff;
            by[2][j & 3] += (ac >> (8 * j)) & 0xff;
            by[3][j & 3] += (ah >> (8 * j)) & 0xff;
        }
        az = ac = ah = 0;
        words = 0;
    }
    for (unsigned j = 0; j < 8; j++) { /* what the last flush left */
        by[1][j & 3] += (az >> (8 * j)) & 0xff;
        by[2][j & 3] += (ac >> (8 * j)) & 0xff;
        by[3][j & 3] += (ah >> (8 * j)) & 0xff;
    }
#endif
    for (; i < k.n; i++) by[text_class[p[i]]][i & 3]++;
    for (unsigned m = 0; m < 4; m++) {
        k.zero4[m] = by[1][m];
        k.ctrl += by[2][m];
        k.hi += by[3][m];
    }
    k.zero_even = k.zero4[0] + k.zero4[2];
    k.zero_odd = k.zero4[1] + k.zero4[3];
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

/* ---- legacy code pages other than Japanese: Cyrillic, Greek, Hebrew,
 * Arabic, Thai single-byte pages, and Chinese and Korean double-byte ones ---- */

#define LEGACY_PROBE (8u * 1024u) /* bytes the guess reads: a few hundred letters suffice */

/* Windows code page of each guess (codepage.c decodes them). */
static unsigned text_enc_cp(enum ls_text_enc enc)
{
    switch (enc) {
    case LS_TEXT_CP1251: return 1251;
    case LS_TEXT_KOI8R: return 20866;
    case LS_TEXT_CP866: return 866;
    case LS_TEXT_ISO8859_5: return 28595;
    case LS_TEXT_MACCYR: return 10007;
    case LS_TEXT_CP1253: return 1253;
    case LS_TEXT_ISO8859_7: return 28597;
    case LS_TEXT_CP1255: return 1255;
    case LS_TEXT_ISO8859_8: return 28598;
    case LS_TEXT_CP1256: return 1256;
    case LS_TEXT_ISO8859_6: return 28596;
    case LS_TEXT_CP874: return 874;
    case LS_TEXT_GBK: return 936;
    case LS_TEXT_BIG5: return 950;
    case LS_TEXT_EUCKR: return 949;
    case LS_TEXT_SJIS: return 932;
    case LS_TEXT_EUCJP: return 20932;
    case LS_TEXT_CP1250: return 1250;
    case LS_TEXT_ISO8859_2: return 28592;
    default: return 0;
    }
}

/* Letter weights, ten times ln(p * K) for a letter of frequency p in an
 * alphabet of K letters (common letters score above zero, rare ones below;
 * every letter at least 0.8 %): Russian (K 33; the Ukrainian, Belarusian
 * and South Slavic letters U+0450-045F at 0.8 %), Greek (K 25; accented
 * vowels at 2 %), Hebrew (K 27), Arabic (K 36). Frequencies: the usual
 * published letter counts of each language, rounded. */
static const int8_t text_ru_w[48] = {
    10, -6, 4, -6, 0, 10, -12, -6, 9, -9, 1, 4, 1, 8, 13, -1, 4, 6, 7, -2, -13, -11, -13, -8,
    -13, -13, -13, -5, -6, -13, -13, -4, -13, -13, -13, -13, -13, -13, -13, -13, -13, -13, -13,
    -13, -13, -13, -13, -13,
}; /* U+0430.. */
static const int8_t text_el_w[35] = {
    -7, -7, -7, -7, -7, 11, -16, -8, -8, 7, -16, 1, -11, 8, 0, -4, -1, 6, -16, 9, 0, 1, -5, 2,
    7, 0, -16, -13, -16, -9, -7, -7, -7, -7, -7,
}; /* U+03AC.. */
static const int8_t text_he_w[27] = {
    5, 3, -11, -4, 8, 10, -13, -4, -13, 11, -13, -4, 6, -2, 4, -6, -2, -13, -2, -15, -9, -15,
    -13, -4, 4, 2, 3,
}; /* U+05D0.. */
static const int8_t text_ar_w[42] = {
    -12, -12, -1, -12, -10, -12, 15, 4, 1, 2, -12, -8, -3, -10, 1, -12, 5, -12, -1, -10, -10,
    -12, -10, -12, 2, -12, -12, -12, -12, -12, -12, -12, 1, -1, -1, 14, 8, 8, 5, 8, -6, 10,
}; /* U+0621.. */

/* The most frequent characters of Chinese (simplified, then traditional)
 * and Korean text, with the characters of the labels and surnames of a
 * staff list (姓名, 电话, 身份证; 주민등록번호, 전화, 김, 이, 박) and CJK
 * punctuation, sorted. A right decoding hits them in one character in
 * three or more; a wrong one (GBK read as Big5, Korean as GBK) in one in
 * twelve or fewer. */
static const uint16_t text_zh_hans[312] = {
    0x201C, 0x201D, 0x3001, 0x3002, 0x300A, 0x300B, 0x300C, 0x300D, 0x4E00, 0x4E01, 0x4E07,
    0x4E09, 0x4E0A, 0x4E0B, 0x4E0D, 0x4E0E, 0x4E1A, 0x4E24, 0x4E25, 0x4E2A, 0x4E2D, 0x4E3A,
    0x4E3B, 0x4E48, 0x4E4B, 0x4E5F, 0x4E86, 0x4E8B, 0x4E8E, 0x4E9B, 0x4EBA, 0x4ECE, 0x4ED6,
    0x4ED8, 0x4EE3, 0x4EE5, 0x4EEC, 0x4EFB, 0x4EFD, 0x4F1A, 0x4F46, 0x4F4D, 0x4F53, 0x4F55,
    0x4F59, 0x4F5C, 0x4F60, 0x4F7F, 0x4FAF, 0x4FE1, 0x5143, 0x5168, 0x516C, 0x5173, 0x5176,
    0x5185, 0x51AF, 0x51FA, 0x5206, 0x5218, 0x522B, 0x5230, 0x524D, 0x529B, 0x52A8, 0x5316,
    0x533A, 0x5341, 0x5361, 0x5362, 0x5386, 0x53BB, 0x53BF, 0x53C8, 0x53D1, 0x53EA, 0x53EF,
    0x53F2, 0x53F6, 0x53F7, 0x5408, 0x540C, 0x540D, 0x540E, 0x5411, 0x5415, 0x5434, 0x5468,
    0x548C, 0x5510, 0x56DE, 0x56E0, 0x56FD, 0x5728, 0x5730, 0x5740, 0x590F, 0x5916, 0x591A,
    0x5927, 0x5929, 0x5934, 0x5973, 0x5979, 0x597D, 0x5982, 0x59D3, 0x59DA, 0x59DC, 0x59FB,
    0x5A5A, 0x5B50, 0x5B54, 0x5B59, 0x5B5F, 0x5B66, 0x5B8B, 0x5B9A, 0x5B9E, 0x5BA4, 0x5BB6,
    0x5BC6, 0x5BF9, 0x5C06, 0x5C0F, 0x5C31, 0x5C39, 0x5D14, 0x5DE5, 0x5DF2, 0x5E02, 0x5E74,
    0x5E76, 0x5E94, 0x5ED6, 0x5F00, 0x5F20, 0x5F53, 0x5F6D, 0x5F88, 0x5F90, 0x5F97, 0x5FC3,
    0x6027, 0x60C5, 0x60F3, 0x610F, 0x6210, 0x6211, 0x6234, 0x6237, 0x6240, 0x624B, 0x628A,
    0x62A4, 0x6587, 0x65B0, 0x65B9, 0x65CF, 0x65E0, 0x65E5, 0x65F6, 0x660E, 0x662F, 0x66F9,
    0x66FE, 0x6700, 0x6708, 0x6709, 0x671F, 0x672C, 0x6731, 0x673A, 0x674E, 0x6751, 0x675C,
    0x6765, 0x6768, 0x6797, 0x6837, 0x6881, 0x697C, 0x6B63, 0x6B64, 0x6B66, 0x6BB5, 0x6BDB,
    0x6C11, 0x6C5F, 0x6C64, 0x6C6A, 0x6C88, 0x6CA1, 0x6CD5, 0x6F58, 0x70B9, 0x7136, 0x7167,
    0x718A, 0x7269, 0x7279, 0x738B, 0x73B0, 0x7406, 0x751F, 0x7528, 0x7530, 0x7531, 0x7535,
    0x7537, 0x767D, 0x7684, 0x7701, 0x770B, 0x7740, 0x77E5, 0x77F3, 0x7801, 0x79CD, 0x79E6,
    0x7A0B, 0x7B2C, 0x7BB1, 0x7C4D, 0x7ECF, 0x7ED9, 0x7F16, 0x7F57, 0x8001, 0x8005, 0x800C,
    0x804C, 0x80E1, 0x80FD, 0x81EA, 0x82CF, 0x8303, 0x83AB, 0x8427, 0x8463, 0x848B, 0x8521,
    0x859B, 0x884C, 0x8857, 0x8868, 0x8881, 0x8981, 0x8BB8, 0x8BC1, 0x8BDD, 0x8BF4, 0x8C22,
    0x8C2D, 0x8D26, 0x8D2F, 0x8D3A, 0x8D3E, 0x8D44, 0x8D75, 0x8D77, 0x8DEF, 0x8EAB, 0x8FC7,
    0x8FD8, 0x8FD9, 0x8FDB, 0x9053, 0x9093, 0x90A3, 0x90AE, 0x90B1, 0x90B5, 0x90B9, 0x90D1,
    0x90DD, 0x90E8, 0x90ED, 0x90FD, 0x91CC, 0x91CD, 0x91D1, 0x949F, 0x94B1, 0x94F6, 0x9547,
    0x957F, 0x95E8, 0x95EE, 0x95F4, 0x9646, 0x9648, 0x9676, 0x96F7, 0x9762, 0x97E6, 0x97E9,
    0x987E, 0x9A6C, 0x9AD8, 0x9B4F, 0x9EC4, 0x9ECE, 0x9F99, 0x9F9A, 0xFF01, 0xFF08, 0xFF09,
    0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F,
};
static const uint16_t text_zh_hant[315] = {
    0x201C, 0x201D, 0x3001, 0x3002, 0x300A, 0x300B, 0x300C, 0x300D, 0x4E00, 0x4E01, 0x4E09,
    0x4E0A, 0x4E0B, 0x4E0D, 0x4E26, 0x4E2D, 0x4E3B, 0x4E4B, 0x4E5F, 0x4E86, 0x4E8B, 0x4E9B,
    0x4EBA, 0x4ED6, 0x4ED8, 0x4EE3, 0x4EE5, 0x4EFB, 0x4EFD, 0x4F46, 0x4F4D, 0x4F55, 0x4F59,
    0x4F5C, 0x4F60, 0x4F7F, 0x4F86, 0x4FAF, 0x4FE1, 0x500B, 0x5011, 0x5143, 0x5167, 0x5168,
    0x5169, 0x516C, 0x5176, 0x51FA, 0x5206, 0x5225, 0x5230, 0x524D, 0x5289, 0x529B, 0x52D5,
    0x5316, 0x5340, 0x5341, 0x5361, 0x53BB, 0x53C8, 0x53EA, 0x53EF, 0x53F0, 0x53F2, 0x5408,
    0x540C, 0x540D, 0x5411, 0x5433, 0x5442, 0x5468, 0x548C, 0x5510, 0x554F, 0x56B4, 0x56DE,
    0x56E0, 0x570B, 0x5728, 0x5730, 0x5740, 0x590F, 0x5916, 0x591A, 0x5927, 0x5929, 0x5973,
    0x5979, 0x597D, 0x5982, 0x59D3, 0x59DA, 0x59DC, 0x59FB, 0x5A5A, 0x5B50, 0x5B54, 0x5B5F,
    0x5B6B, 0x5B78, 0x5B8B, 0x5B9A, 0x5BA4, 0x5BB6, 0x5BC6, 0x5BE6, 0x5C07, 0x5C0D, 0x5C0F,
    0x5C31, 0x5C39, 0x5D14, 0x5DE5, 0x5DF2, 0x5E02, 0x5E33, 0x5E74, 0x5ED6, 0x5F35, 0x5F6D,
    0x5F88, 0x5F8C, 0x5F90, 0x5F97, 0x5F9E, 0x5FC3, 0x6027, 0x60C5, 0x60F3, 0x610F, 0x61C9,
    0x6210, 0x6211, 0x6234, 0x6236, 0x6240, 0x624B, 0x628A, 0x6587, 0x65B0, 0x65B9, 0x65BC,
    0x65CF, 0x65E5, 0x660E, 0x662F, 0x6642, 0x66F9, 0x66FE, 0x6700, 0x6703, 0x6708, 0x6709,
    0x671F, 0x672C, 0x6731, 0x674E, 0x6751, 0x675C, 0x6797, 0x6881, 0x694A, 0x696D, 0x6A13,
    0x6A23, 0x6A5F, 0x6B63, 0x6B64, 0x6B66, 0x6B77, 0x6BB5, 0x6BDB, 0x6C11, 0x6C5F, 0x6C6A,
    0x6C88, 0x6C92, 0x6CD5, 0x6E6F, 0x6F58, 0x7063, 0x70BA, 0x7121, 0x7136, 0x7167, 0x718A,
    0x7269, 0x7279, 0x738B, 0x73FE, 0x7406, 0x751F, 0x7528, 0x7530, 0x7531, 0x7537, 0x7576,
    0x767C, 0x767D, 0x7684, 0x76E7, 0x7701, 0x770B, 0x77E5, 0x77F3, 0x78BC, 0x79E6, 0x7A0B,
    0x7A2E, 0x7B2C, 0x7BB1, 0x7C4D, 0x7D66, 0x7D93, 0x7DE8, 0x7E23, 0x7F85, 0x8001, 0x8005,
    0x800C, 0x8077, 0x80E1, 0x80FD, 0x81EA, 0x81FA, 0x8207, 0x8303, 0x83AB, 0x842C, 0x8449,
    0x8457, 0x8463, 0x8521, 0x8523, 0x856D, 0x859B, 0x8607, 0x865F, 0x884C, 0x8857, 0x8868,
    0x8881, 0x88E1, 0x8981, 0x8A31, 0x8A71, 0x8AAA, 0x8B1D, 0x8B49, 0x8B5A, 0x8B77, 0x8CAB,
    0x8CC0, 0x8CC7, 0x8CC8, 0x8D77, 0x8D99, 0x8DEF, 0x8EAB, 0x9019, 0x9032, 0x904E, 0x9053,
    0x9084, 0x90A3, 0x90B1, 0x90B5, 0x90DD, 0x90E8, 0x90ED, 0x90F5, 0x90FD, 0x9112, 0x9127,
    0x912D, 0x91CD, 0x91D1, 0x9280, 0x9322, 0x937E, 0x93AE, 0x9577, 0x9580, 0x958B, 0x9593,
    0x95DC, 0x9673, 0x9676, 0x9678, 0x96F7, 0x96FB, 0x9762, 0x97CB, 0x97D3, 0x982D, 0x9867,
    0x99AC, 0x99AE, 0x9AD4, 0x9AD8, 0x9B4F, 0x9EBC, 0x9EC3, 0x9ECE, 0x9EDE, 0x9F8D, 0x9F94,
    0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F,
};
static const uint16_t text_ko[201] = {
    0xAC00, 0xAC04, 0xAC10, 0xAC15, 0xAC1C, 0xAC70, 0xAC83, 0xAC8C, 0xACB0, 0xACBD, 0xACC4,
    0xACE0, 0xACF5, 0xACFC, 0xACFD, 0xAD00, 0xAD50, 0xAD6C, 0xAD6D, 0xAD8C, 0xADF8, 0xAE08,
    0xAE30, 0xAE38, 0xAE40, 0xAE4C, 0xB098, 0xB0A8, 0xB0B4, 0xB144, 0xB178, 0xB294, 0xB2C8,
    0xB2E4, 0xB2E8, 0xB2F4, 0xB2F9, 0xB300, 0xB370, 0xB3C4, 0xB3D9, 0xB41C, 0xB450, 0xB4DC,
    0xB4E4, 0xB4F1, 0xB54C, 0xB610, 0xB77C, 0xB77D, 0xB7EC, 0xB825, 0xB85C, 0xB85D, 0xB958,
    0xB978, 0xB97C, 0xB984, 0xB9AC, 0xB9C8, 0xB9CC, 0xB9D0, 0xB9F9, 0xBA54, 0xBA74, 0xBA85,
    0xBAA8, 0xBAA9, 0xBB34, 0xBB38, 0xBB3C, 0xBBF8, 0xBBFC, 0xBC00, 0xBC15, 0xBC18, 0xBC1C,
    0xBC29, 0xBC30, 0xBC31, 0xBC88, 0xBC94, 0xBCC0, 0xBCF4, 0xBCF5, 0xBCF8, 0xBD09, 0xBD80,
    0xBD84, 0xBE44, 0xBE48, 0xC0AC, 0xC0B0, 0xC0C1, 0xC0DD, 0xC11C, 0xC11D, 0xC120, 0xC124,
    0xC131, 0xC138, 0xC18C, 0xC18D, 0xC190, 0xC1A1, 0xC218, 0xC2A4, 0xC2DC, 0xC2DD, 0xC2E0,
    0xC2E4, 0xC2EC, 0xC544, 0xC548, 0xC57C, 0xC591, 0xC5B4, 0xC5C4, 0xC5C5, 0xC5C6, 0xC5D0,
    0xC5EC, 0xC5F0, 0xC5FC, 0xC601, 0xC608, 0xC624, 0xC625, 0xC628, 0xC640, 0xC655, 0xC694,
    0xC6A9, 0xC6B0, 0xC6B4, 0xC6D0, 0xC6D4, 0xC704, 0xC720, 0xC721, 0xC724, 0xC73C, 0xC740,
    0xC744, 0xC74C, 0xC758, 0xC774, 0xC778, 0xC77C, 0xC784, 0xC788, 0xC790, 0xC7A5, 0xC800,
    0xC801, 0xC804, 0xC810, 0xC815, 0xC81C, 0xC870, 0xC88C, 0xC8FC, 0xC911, 0xC9C0, 0xC9C1,
    0xC9C4, 0xCC28, 0xCC44, 0xCC98, 0xCC9C, 0xCCB4, 0xCD5C, 0xCD94, 0xCE58, 0xCE74, 0xD0C1,
    0xD0DC, 0xD130, 0xD1B5, 0xD3B8, 0xD3F0, 0xD45C, 0xD53C, 0xD558, 0xD559, 0xD55C, 0xD560,
    0xD568, 0xD569, 0xD574, 0xD5C8, 0xD604, 0xD615, 0xD638, 0xD64D, 0xD654, 0xD669, 0xD68C,
    0xD6C4, 0xD734, 0xD788,
};

/* ---- single-byte pages: letter frequencies ---- */

enum sb_lang { SB_RU, SB_EL, SB_HE, SB_AR, SB_TH };

enum sb_cls { SB_FOREIGN, SB_NEUTRAL, SB_LOWER, SB_UPPER };

static int sb_table(const int8_t *w, size_t n, uint32_t first, uint32_t u)
{
    return u >= first && u - first < n ? w[u - first] : -13;
}

/* Punctuation, symbols and box drawing: every page has some; they neither
 * help nor hurt a guess. */
static bool sb_neutral(uint32_t u)
{
    return (u >= 0xA0 && u <= 0xBF && u != 0xAA && u != 0xBA) || u == 0xD7 || u == 0xF7 ||
           (u >= 0x2010 && u <= 0x206F) || u == 0x2116 || u == 0x20AC || u == 0x2122 ||
           (u >= 0x2500 && u <= 0x25A0);
}

static int sb_cyrillic(uint32_t u, enum sb_cls *cls)
{
    if (u >= 0x400 && u <= 0x42F) {
        *cls = SB_UPPER;
        u += u >= 0x410 ? 0x20 : 0x50;
    } else if (u >= 0x430 && u <= 0x45F) {
        *cls = SB_LOWER;
    } else if (u == 0x490 || u == 0x491) { /* Ukrainian ge */
        *cls = u == 0x490 ? SB_UPPER : SB_LOWER;
        return -13;
    } else {
        return 0;
    }
    return sb_table(text_ru_w, sizeof text_ru_w, 0x430, u);
}

static int sb_greek(uint32_t u, enum sb_cls *cls)
{
    static const uint8_t acc_lower[10] = {0xAC, 0, 0xAD, 0xAE, 0xAF, 0, 0xCC, 0, 0xCD, 0xCE};
    if (u >= 0x386 && u <= 0x38F) { /* capitals with tonos */
        if (!acc_lower[u - 0x386]) return 0;
        *cls = SB_UPPER;
        u = 0x300u + acc_lower[u - 0x386];
    } else if (u >= 0x391 && u <= 0x3AB) {
        *cls = SB_UPPER;
        u += 0x20;
    } else if ((u >= 0x3AC && u <= 0x3CE) || u == 0x390) {
        *cls = SB_LOWER;
    } else {
        return 0;
    }
    return sb_table(text_el_w, sizeof text_el_w, 0x3AC, u);
}

/* Hebrew points and Arabic vowel signs: marks of the script, free. */
static bool sb_script_mark(enum sb_lang lang, uint32_t u)
{
    return (lang == SB_HE && u >= 0x5B0 && u <= 0x5F4) ||
           (lang == SB_AR &&
            ((u >= 0x64B && u <= 0x652) || u == 0x640 || (u >= 0x60C && u <= 0x61F)));
}

/* Thai has no letter frequencies here, but an order: a vowel sign or tone
 * mark above or below (U+0E31, U+0E34-0E3A, U+0E47-0E4E) follows a
 * consonant (U+0E01-0E2E) or another such mark, a leading vowel (U+0E40-0E44)
 * comes before a consonant. Hebrew read as TIS-620 is all vowels and marks. */
static bool th_mark(uint32_t u)
{
    return u == 0xE31 || (u >= 0xE34 && u <= 0xE3A) || (u >= 0xE47 && u <= 0xE4E);
}

static int sb_thai(uint32_t u, uint32_t prev, enum sb_cls *cls)
{
    if (u < 0xE01 || u > 0xE5B) return 0;
    *cls = SB_LOWER;
    if (u <= 0xE2E) return 5;
    if (prev >= 0xE40 && prev <= 0xE44) return -30; /* a leading vowel before a consonant only */
    if (!th_mark(u)) return 0;
    return (prev >= 0xE01 && prev <= 0xE2E) || th_mark(prev) ? 2 : -30;
}

/* Weight of character u (after prev) for language lang, and its class. */
static int sb_weight(enum sb_lang lang, uint32_t u, uint32_t prev, enum sb_cls *cls)
{
    *cls = SB_FOREIGN;
    int w = 0;
    switch (lang) {
    case SB_RU: w = sb_cyrillic(u, cls); break;
    case SB_EL: w = sb_greek(u, cls); break;
    case SB_HE:
        if (u >= 0x5D0 && u <= 0x5EA) {
            *cls = SB_LOWER;
            w = sb_table(text_he_w, sizeof text_he_w, 0x5D0, u);
        } else if (u >= 0x5B0 && u <= 0x5F4) {
            *cls = SB_NEUTRAL; /* points and punctuation */
        }
        break;
    case SB_AR:
        if ((u >= 0x621 && u <= 0x63A) || (u >= 0x641 && u <= 0x64A)) {
            *cls = SB_LOWER;
            w = sb_table(text_ar_w, sizeof text_ar_w, 0x621, u);
        } else if (u == 0x67E || u == 0x686 || u == 0x698 || u == 0x6AF || u == 0x6A9 ||
                   u == 0x6CC) {
            *cls = SB_LOWER; /* Persian letters */
            w = -10;
        } else if (u == 0x60C || u == 0x61B || u == 0x61F || u == 0x640 ||
                   (u >= 0x64B && u <= 0x652) || (u >= 0x660 && u <= 0x66C)) {
            *cls = SB_NEUTRAL; /* comma, semicolon, question mark, tatweel, vowels, digits */
        }
        break;
    case SB_TH: w = sb_thai(u, prev, cls); break;
    }
    if (*cls == SB_FOREIGN && sb_neutral(u)) *cls = SB_NEUTRAL;
    return w;
}

struct sb_guess {
    enum ls_text_enc enc;
    enum sb_lang lang;
};

/* Earlier wins ties: the Windows page before the ISO one with the same
 * letters (Greek, Hebrew), cp1251 before Mac Cyrillic (same small letters). */
static const struct sb_guess sb_guesses[] = {
    {LS_TEXT_CP1251, SB_RU},    {LS_TEXT_KOI8R, SB_RU},     {LS_TEXT_CP866, SB_RU},
    {LS_TEXT_ISO8859_5, SB_RU}, {LS_TEXT_MACCYR, SB_RU},    {LS_TEXT_CP1253, SB_EL},
    {LS_TEXT_ISO8859_7, SB_EL}, {LS_TEXT_CP1255, SB_HE},    {LS_TEXT_ISO8859_8, SB_HE},
    {LS_TEXT_CP1256, SB_AR},    {LS_TEXT_ISO8859_6, SB_AR}, {LS_TEXT_CP874, SB_TH},
};

/* Scores are in tenths of a nat. */
#define SB_FOREIGN_W (-30) /* a letter of another script, a control, an unassigned byte */
#define SB_CASE_W (-20)    /* a capital after a small letter: "пРИВЕТ" is KOI8-R read as cp1251 */
#define SB_CAPS_W (-10)    /* a capital inside a word, past the number of small letters */
#define SB_SYMBOL_W (-8)   /* a symbol costs what a rare letter does: "я", not "¤" (Mac) */
#define SB_MIN_W 5         /* a byte, at least: a right reading scores 10-50, a wrong one < 0 */
#define SB_MARGIN 60       /* over the best other language: e^6 times likelier */
/* Thai has no frequencies here, only an order: a few CJK characters or
 * the corners of a DOS box (cp437) read as TIS-620 pass it; Thai text
 * scores 30-40 a byte. */
#define SB_THAI_MIN 32 /* bytes */
#define SB_THAI_W 20   /* a byte */
#define SB_THAI_SIGNS 15 /* percent of the bytes over 0x7F: vowels and marks (a third in Thai) */
#define SB_THAI_FIRST 10 /* percent of them: ko kai to fo fan (a quarter or more in Thai) */
/* A cased script read with no capital among this many small letters may
 * be another page's capitals (Greek in capitals, ISO-8859-7, reads as
 * KOI8-R's small letters; Russian ones in cp1251 as KOI8-R's too): it is
 * taken only when no reading of those bytes as capitals, its capitals not
 * charged (SB_CAPS_W), comes within SB_MARGIN of it, nor one in another
 * language scores SB_MIN_W a byte (Greek and Russian letters map so
 * alike between KOI8-R and ISO-8859-7 that frequencies cannot tell); a
 * chat log in small letters, cp1251, read as KOI8-R capitals has the
 * wrong frequencies and no Greek reading. */
#define SB_LOWER_ONLY 120
#define SB_CAPS_ONLY 40 /* capitals, for a reading in capitals only */

#define SB_NGUESS (sizeof sb_guesses / sizeof sb_guesses[0])

/* One guess's reading of the bytes 0x80-0xFF, worked out once: weight
 * (SB_FOREIGN_W, SB_SYMBOL_W applied), class, character. */
struct sb_tab {
    int8_t w[128];
    uint8_t cls[128];
    uint16_t u[128];
};

static void sb_tab_fill(const struct sb_guess *g, struct sb_tab *t)
{
    const struct ls_codepage *cp = ls_codepage_by_number(text_enc_cp(g->enc));
    for (unsigned b = 0x80; b < 0x100; b++) {
        enum sb_cls cls;
        uint32_t u = ls_codepage_map(cp, (uint8_t)b);
        int w = sb_weight(g->lang, u, 0, &cls);
        bool box = u >= 0x2500 && u <= 0x25A0; /* free: DOS tables in cp866 */
        if (cls == SB_FOREIGN) w = SB_FOREIGN_W;
        if (cls == SB_NEUTRAL && w == 0 && !box && !sb_script_mark(g->lang, u)) w = SB_SYMBOL_W;
        t->w[b - 0x80] = (int8_t)w;
        t->cls[b - 0x80] = (uint8_t)cls;
        t->u[b - 0x80] = (uint16_t)(u > 0xFFFF ? 0xFFFD : u);
    }
}

struct sb_run {
    long score;
    size_t lower, upper, caps_in;
    enum sb_cls prev_cls;
};

/* Byte b (over 0x7F) read by guess g after byte pb (-1: none; its class
 * in r->prev_cls when it was read too). */
static void sb_step(const struct sb_guess *g, const struct sb_tab *t, struct sb_run *r, int b,
                    int pb, bool prev_read)
{
    enum sb_cls cls = (enum sb_cls)t->cls[b - 0x80], pc = prev_read ? r->prev_cls : SB_NEUTRAL;
    int w = t->w[b - 0x80];
    if (g->lang == SB_TH && cls == SB_LOWER) { /* the order of Thai signs: the one before */
        uint32_t prev = pb < 0 ? 0 : pb < 0x80 ? (uint32_t)pb : t->u[pb - 0x80];
        w = sb_thai(t->u[b - 0x80], prev, &cls);
    }
    if (cls == SB_UPPER && pc == SB_LOWER) w += SB_CASE_W;
    r->lower += cls == SB_LOWER;
    r->upper += cls == SB_UPPER;
    r->caps_in += cls == SB_UPPER && (pc == SB_UPPER || pc == SB_LOWER);
    r->score += w;
    r->prev_cls = cls;
}

/* Every guess's score for s, in one pass: the sum of the weights of its
 * bytes over 0x7F. A text of capitals only is not what a cased script is
 * written in: capitals inside words beyond the small letters cost
 * SB_CAPS_W each (Hebrew read as KOI8-R is all capitals). Runs of three
 * or more equal bytes (a ruler or box line, ════) are not read. */
static void sb_scores(struct ls_slice s, long score[SB_NGUESS], long caps_only[SB_NGUESS],
                      bool lower_only[SB_NGUESS])
{
    struct sb_tab tabs[SB_NGUESS]; /* 6 KiB; filling it costs less than reading 1 KiB */
    for (size_t k = 0; k < SB_NGUESS; k++) sb_tab_fill(&sb_guesses[k], &tabs[k]);
    struct sb_run run[SB_NGUESS];
    memset(run, 0, sizeof run);
    int pb1 = -1, pb2 = -1;
    bool prev_read = false;
    for (size_t i = 0; i < s.len; i++) {
        int b = ls_slice_at(s, i), n1 = b < 0x80 ? -1 : ls_slice_at(s, i + 1);
        bool in_run = n1 == b && (b == pb1 || ls_slice_at(s, i + 2) == b);
        bool skip = b < 0x80 || in_run || (b == pb1 && b == pb2);
        if (!skip)
            for (size_t k = 0; k < SB_NGUESS; k++)
                sb_step(&sb_guesses[k], &tabs[k], &run[k], b, pb1, prev_read);
        if (b < 0x80 || !skip) prev_read = !skip;
        pb2 = pb1;
        pb1 = b;
    }
    for (size_t k = 0; k < SB_NGUESS; k++) {
        bool cased = sb_guesses[k].lang == SB_RU || sb_guesses[k].lang == SB_EL;
        score[k] = run[k].score;
        lower_only[k] = cased && run[k].upper == 0 && run[k].lower >= SB_LOWER_ONLY;
        /* the score of a reading in capitals only, with no charge for them */
        caps_only[k] = cased && run[k].lower == 0 && run[k].upper >= SB_CAPS_ONLY ? run[k].score : LONG_MIN;
        if (run[k].caps_in > run[k].lower)
            score[k] += SB_CAPS_W * (long)(run[k].caps_in - run[k].lower);
    }
}

static bool ascii_letter(int b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/* Bytes that Windows-1252 reads as a sign or leaves unassigned and
 * windows-1250 or ISO-8859-2 read as a letter (0x8D 0x8F 0x9D, 0xA1-0xBF
 * but for 0xA2 0xA4 0xA7 0xA8 0xAD 0xB0 0xB2 0xB4 0xB7 0xB8 0xBD), worked
 * out from codepage_tables.h: the only ones ce_guess() takes as evidence. */
static bool ce_cand(int b)
{
    static const uint16_t bits[4] = {0xA000, 0x2000, 0xDE6A, 0xDE6A}; /* 0x80-0xBF */
    return b >= 0x80 && b < 0xC0 && ((bits[(b - 0x80) >> 4] >> (b & 15)) & 1);
}

struct sb_words {
    size_t ce;    /* bytes ce_cand() takes */
    size_t pure;  /* bytes over 0x7F in words of two or more of them and no ASCII letter */
    size_t mixed; /* bytes over 0x7F in words with ASCII letters: a Latin script's accents */
    size_t runs, odd_runs; /* runs of bytes over 0x7F, and those of odd length */
};

static struct sb_words sb_words(struct ls_slice s)
{
    struct sb_words k = {0, 0, 0, 0, 0};
    size_t hi = 0, ascii = 0, run = 0;
    for (size_t i = 0; i <= s.len; i++) {
        int b = i < s.len ? ls_slice_at(s, i) : ' ';
        if (b >= 0x80) {
            k.ce += ce_cand(b);
            hi++;
            run++;
            continue;
        }
        if (run) {
            k.runs++;
            k.odd_runs += run % 2;
            run = 0;
        }
        if (ascii_letter(b)) {
            ascii++;
            continue;
        }
        if (ascii && hi) k.mixed += hi;
        else if (hi >= 2) k.pure += hi;
        hi = ascii = 0;
    }
    return k;
}

/* Bytes of Thai vowels, tone marks and signs in TIS-620 (0xD0-0xEE): a
 * box line of cp437 read as TIS-620 is consonants only; and of its first
 * 31 consonants (0xA1-0xBF, ko kai to fo fan: most of Thai's common ones,
 * a quarter to two fifths of its bytes over 0x7F): Russian in capitals
 * (cp1251 0xC0-0xDF) read as TIS-620 is the last consonants and the
 * vowels only. */
static void th_signs(struct ls_slice s, size_t *signs, size_t *first)
{
    *signs = *first = 0;
    for (size_t i = 0; i < s.len; i++) {
        int b = ls_slice_at(s, i);
        *signs += b >= 0xD0 && b <= 0xEE;
        *first += b >= 0xA1 && b <= 0xBF;
    }
}

/* Hebrew's final letters (kaf, mem, nun, pe, tsadi: 0xEA 0xED 0xEF 0xF3
 * 0xF5 in windows-1255 and ISO-8859-8) end words; windows-1251 reads them
 * as "к н п у х", which Russian has anywhere. True when three or more of
 * them stand and nine in ten end a word (Mac Cyrillic reads them so too):
 * short Hebrew, whose letters map
 * onto common Russian ones (vav "е", alef "а", mem "о"), is not taken for
 * Russian. */
static bool he_finals(struct ls_slice s)
{
    size_t all = 0, at_end = 0;
    for (size_t i = 0; i < s.len; i++) {
        int b = ls_slice_at(s, i);
        if (b != 0xEA && b != 0xED && b != 0xEF && b != 0xF3 && b != 0xF5) continue;
        int n = ls_slice_at(s, i + 1);
        all++;
        at_end += n < 0x80 && !ascii_letter(n); /* -1 past the end */
    }
    return all >= 3 && at_end * 10 >= all * 9;
}

/* Text in capitals only: the reading in capitals that, its capitals not
 * charged (SB_CAPS_W), scores SB_MIN_W a byte and SB_MARGIN over every
 * other reading (another language's capitals uncharged too; a page of its
 * own language that reads the bytes alike, as cp866 and Mac Cyrillic read
 * capitals, ties): Russian capitals in cp1251 against KOI8-R's small
 * letters, which their frequencies tell apart. Greek capitals and KOI8-R's
 * small letters they cannot (KOI8-R's letters follow Greek's sounds):
 * none. Only pages whose capitals no Hebrew letter is (cp1251 0xC0-0xDF,
 * cp866 and Mac Cyrillic 0x80-0x9F): Hebrew (0xE0-0xFA) read as KOI8-R
 * capitals, uncharged, outscores its own reading when short. SB_NGUESS
 * when none. */
static size_t sb_caps_pick(const long score[SB_NGUESS], const long caps_only[SB_NGUESS], size_t n)
{
    size_t ci = SB_NGUESS;
    for (size_t i = 0; i < SB_NGUESS; i++)
        if (caps_only[i] != LONG_MIN && (ci == SB_NGUESS || caps_only[i] > caps_only[ci])) ci = i;
    if (ci == SB_NGUESS || caps_only[ci] * 10 < (long)n * SB_MIN_W) return SB_NGUESS;
    enum ls_text_enc e = sb_guesses[ci].enc;
    if (e != LS_TEXT_CP1251 && e != LS_TEXT_CP866 && e != LS_TEXT_MACCYR) return SB_NGUESS;
    for (size_t i = 0; i < SB_NGUESS; i++) {
        long o = caps_only[i] != LONG_MIN ? caps_only[i] : score[i];
        bool alike = sb_guesses[i].lang == sb_guesses[ci].lang && o == caps_only[ci];
        if (i != ci && !alike && o > caps_only[ci] - SB_MARGIN) return SB_NGUESS;
    }
    return ci;
}

/* A single-byte page of a non-Latin script: most bytes over 0x7F make
 * words of their own (Latin-script text has them inside ASCII words:
 * "café", "Müller"), and one page reads them as the letters of its
 * language at their usual frequencies, 0.05 nat a byte or more. Runs of
 * bytes over 0x7F that are nearly all of even length are the pairs of a
 * double-byte page (EUC-TW: no decoder here), not words.
 * LS_TEXT_CP1252 when none does. */
static enum ls_text_enc sb_guess(struct ls_slice s, const struct sb_words *w)
{
    const struct sb_words k = *w;
    if (k.pure < 3 * k.mixed) return LS_TEXT_CP1252;
    if (k.runs >= 8 && k.odd_runs * 10 < k.runs) return LS_TEXT_CP1252; /* a double-byte page */
    long best = LONG_MIN, other = LONG_MIN; /* other: the best of another language */
    size_t n = 0, bi = 0;
    for (size_t i = 0; i < s.len; i++) n += ls_slice_at(s, i) >= 0x80;
    long scores[SB_NGUESS], caps_only[SB_NGUESS];
    bool lower_only[SB_NGUESS];
    sb_scores(s, scores, caps_only, lower_only);
    size_t ci = sb_caps_pick(scores, caps_only, n);
    if (ci < SB_NGUESS) return sb_guesses[ci].enc;
    for (size_t i = 0; i < SB_NGUESS; i++) {
        long sc = scores[i];
        if (sc > best) {
            if (best != LONG_MIN && sb_guesses[bi].lang != sb_guesses[i].lang) other = best;
            best = sc;
            bi = i;
        } else if (sb_guesses[i].lang != sb_guesses[bi].lang && sc > other) {
            other = sc;
        }
    }
    if (best * 10 < (long)n * SB_MIN_W || (other != LONG_MIN && best - other < SB_MARGIN))
        return LS_TEXT_CP1252;
    if ((sb_guesses[bi].enc == LS_TEXT_CP1251 || sb_guesses[bi].enc == LS_TEXT_MACCYR) && he_finals(s))
        return LS_TEXT_CP1252;
    if (sb_guesses[bi].lang == SB_TH) {
        size_t signs, first;
        th_signs(s, &signs, &first);
        if (n < SB_THAI_MIN || best * 10 < (long)n * SB_THAI_W || signs * 100 < n * SB_THAI_SIGNS ||
            first * 100 < n * SB_THAI_FIRST)
            return LS_TEXT_CP1252;
    }
    for (size_t i = 0; lower_only[bi] && i < SB_NGUESS; i++)
        if (caps_only[i] != LONG_MIN &&
            (caps_only[i] > best - SB_MARGIN ||
             (sb_guesses[i].lang != sb_guesses[bi].lang && caps_only[i] * 10 >= (long)n * SB_MIN_W)))
            return LS_TEXT_CP1252;
    return sb_guesses[bi].enc;
}

/* ---- double-byte pages: structure, then the common characters ---- */

struct db_count {
    size_t chars, bad, hits;
};

static bool db_in(const uint16_t *set, size_t n, uint32_t u)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set[mid] == u) return true;
        if (set[mid] < u) lo = mid + 1;
        else hi = mid;
    }
    return false;
}

/* Bytes the character at i takes in page cp (GBK's GB18030 four-byte
 * form included); *u its code point, U+FFFD when not one. */
static size_t db_char(struct ls_slice s, size_t i, const struct ls_codepage *cp, bool gbk,
                      uint32_t *u)
{
    int b = ls_slice_at(s, i), t = i + 1 < s.len ? ls_slice_at(s, i + 1) : -1;
    *u = (uint32_t)b;
    if (b < 0x80) return 1;
    *u = ls_codepage_map(cp, (uint8_t)b);
    if (!ls_codepage_lead(cp, (uint8_t)b)) return 1; /* a single byte (cp936's euro sign) */
    *u = 0xFFFDu;
    if (t < 0) return 1;
    if (gbk && t >= 0x30 && t <= 0x39) {
        int t3 = ls_slice_at(s, i + 2), t4 = ls_slice_at(s, i + 3); /* -1 past the end */
        if (t3 >= 0x81 && t3 <= 0xFE && t4 >= 0x30 && t4 <= 0x39) {
            *u = 0x10000u; /* a character; no table for it */
            return 4;
        }
        return 1;
    }
    *u = ls_codepage_map2(cp, (uint8_t)b, (uint8_t)t);
    return *u == 0xFFFDu && t < 0x80 ? 1 : 2;
}

static struct db_count db_count(struct ls_slice s, enum ls_text_enc enc)
{
    const struct ls_codepage *cp = ls_codepage_by_number(text_enc_cp(enc));
    const uint16_t *set = text_ko;
    size_t nset = sizeof text_ko / sizeof text_ko[0];
    if (enc == LS_TEXT_GBK) {
        set = text_zh_hans;
        nset = sizeof text_zh_hans / sizeof text_zh_hans[0];
    } else if (enc == LS_TEXT_BIG5) {
        set = text_zh_hant;
        nset = sizeof text_zh_hant / sizeof text_zh_hant[0];
    }
    struct db_count k = {0, 0, 0};
    size_t i = 0;
    while (i < s.len) {
        uint32_t u;
        size_t n = db_char(s, i, cp, enc == LS_TEXT_GBK, &u);
        if (u == 0xFFFDu) {
            if (i + n >= s.len) break; /* cut inside its last character */
            k.bad++;
        } else if (u >= 0x80) {
            k.chars++;
            k.hits += db_in(set, nset, u);
        }
        i += n;
    }
    return k;
}

/* Characters of page enc in s after a one-byte ASCII letter whose second
 * byte is an ASCII letter too (see db_guess()). */
static size_t db_glued(struct ls_slice s, enum ls_text_enc enc)
{
    const struct ls_codepage *cp = ls_codepage_by_number(text_enc_cp(enc));
    size_t i = 0, glued = 0;
    bool single = false; /* the character before was one byte */
    while (i < s.len) {
        uint32_t u;
        size_t n = db_char(s, i, cp, enc == LS_TEXT_GBK, &u);
        glued += single && n == 2 && u != 0xFFFDu && ascii_letter(ls_slice_at(s, i - 1)) &&
                 ascii_letter(ls_slice_at(s, i + 1));
        single = n == 1;
        i += n;
    }
    return glued;
}

/* GBK, Big5 or EUC-KR (cp949): the one whose decoding has the largest
 * share of common characters, at least one in four (and three), with one
 * invalid sequence in twenty characters at most, and with no more than one
 * in four of its characters glued inside an ASCII word (an ASCII letter, a
 * byte over 0x7F, an ASCII letter: a Latin word's accent or soft hyphen,
 * "M\xfcller", "Pri\xadvat\xadper\xadso\xadnen", which Big5 reads as
 * "Pri贳at計er貞o要en"; Chinese and Korean text has letters beside its
 * characters, seldom around them). LS_TEXT_CP1252 if none. */
static enum ls_text_enc db_guess(struct ls_slice s)
{
    static const enum ls_text_enc cands[] = {LS_TEXT_GBK, LS_TEXT_BIG5, LS_TEXT_EUCKR};
    enum ls_text_enc enc = LS_TEXT_CP1252;
    size_t best_hits = 0, best_chars = 1;
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
        struct db_count k = db_count(s, cands[i]);
        if (k.chars < 3 || k.bad * 20 > k.chars || k.hits < 3 || k.hits * 4 < k.chars ||
            db_glued(s, cands[i]) * 4 > k.chars)
            continue;
        if (k.hits * best_chars > best_hits * k.chars) {
            best_hits = k.hits;
            best_chars = k.chars;
            enc = cands[i];
        }
    }
    return enc;
}

/* ---- Central European pages: letters Windows-1252 reads as symbols ---- */

/* A Latin letter (U+00C0-024F but for the signs x and division). */
static bool ce_letter(uint32_t u)
{
    return u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7;
}

#define CE_GAIN_MIN 3 /* bytes inside words that only the other page reads as letters */

/* Windows-1250 or ISO-8859-2 for Latin-script text whose bytes over 0x7F
 * inside words (an ASCII letter somewhere in the word, a letter or such a
 * byte on each side) Windows-1252 reads as symbols or leaves unassigned
 * where that page reads letters: Polish a, l, z with their marks are "¹",
 * "³", "¿" in Windows-1252 ("by³o", "w³aœnie"), Czech and Slovak s, z, t
 * with caron in ISO-8859-2 "¹", "¾", "»", Romanian s-comma "º". At least
 * CE_GAIN_MIN such bytes, and ten times as many as those the page would
 * take from Windows-1252's letters (the Western "š", "œ" of ISO-8859-2's
 * controls); the page that gains most, windows-1250 on a tie. Words only
 * (not "m³", "¿Qué", "«mot»": a sign before or after a word), so Western
 * text does not move; Czech and Hungarian text whose marked letters are
 * all letters in Windows-1252 too (ř č ě ů ő ű read "ø è ì ù õ û") stays
 * Windows-1252. Not when a third or more of the bytes over 0x7F make
 * words of their own (Cyrillic capitals in ISO-8859-5 read as
 * ISO-8859-2's letters, beside the Latin letters of a name). LS_TEXT_CP1252
 * when none. */
static enum ls_text_enc ce_guess(struct ls_slice s, const struct sb_words *w)
{
    if (w->mixed < 2 * w->pure) return LS_TEXT_CP1252; /* words of another script */
    static const enum ls_text_enc cands[] = {LS_TEXT_CP1250, LS_TEXT_ISO8859_2};
    const struct ls_codepage *cp[2] = {ls_codepage_by_number(1250), ls_codepage_by_number(28592)};
    /* by byte: a letter in Windows-1252, in each page, in any (or ASCII) */
    bool west[256], here[2][256], letter[256];
    for (unsigned b = 0; b < 256; b++) {
        west[b] = b >= 0x80 && ce_letter(ls_cp1252((uint8_t)b));
        for (size_t k = 0; k < 2; k++) here[k][b] = b >= 0x80 && ce_letter(ls_codepage_map(cp[k], (uint8_t)b));
        letter[b] = b < 0x80 ? ascii_letter((int)b) : west[b] || here[0][b] || here[1][b];
    }
    long gain[2] = {0, 0}, loss[2] = {0, 0}, wgain[2] = {0, 0}, wloss[2] = {0, 0};
    size_t c1 = 0, pl = 0, cs = 0, wlen = 0, wascii = 0; /* wlen, wascii: the word so far */
    int prev = -1, cur = ls_slice_at(s, 0);
    for (size_t i = 0; i < s.len; i++) { /* each byte read once */
        int next = ls_slice_at(s, i + 1); /* -1 past the end */
        if (cur >= 0x80 || ascii_letter(cur)) { /* a word: ASCII letters and bytes over 0x7F */
            wlen++;
            wascii += cur < 0x80;
            if (cur >= 0x80) {
                c1 += cur < 0xA0;
                pl += cur == 0xEA || cur == 0xF1 || cur == 0xB3 || cur == 0xBF;
                cs += cur == 0xF8 || cur == 0xE8 || cur == 0xEC || cur == 0xF2 || cur == 0xEF || cur == 0xF9;
                if (prev >= 0 && letter[prev] && next >= 0 && letter[next])
                    for (size_t k = 0; k < 2; k++) {
                        wgain[k] += here[k][cur] && !west[cur];
                        wloss[k] += west[cur] && !here[k][cur];
                    }
            }
        }
        if (wlen && (next < 0 || (next < 0x80 && !ascii_letter(next)))) { /* the word ends */
            for (size_t k = 0; k < 2; k++) {
                if (wascii * 3 >= wlen) { /* a third ASCII at least, as a Latin word */
                    gain[k] += wgain[k];
                    loss[k] += wloss[k];
                }
                wgain[k] = wloss[k] = 0;
            }
            wlen = wascii = 0;
        }
        prev = cur;
        cur = next;
    }
    /* A tie: the bytes both read as letters, differently (0xB9 is Polish
     * a-ogonek in windows-1250, Czech s-caron in ISO-8859-2). windows-1250
     * when the text has bytes 0x80-0x9F (its s, z, s-acute with caron or
     * acute, its quotes: C1 controls in ISO-8859-2) or more of the letters
     * the pages share that Polish has (e-ogonek, n-acute, l-stroke,
     * z-dot) than of those Czech, Slovak, Croatian and Slovene have
     * (r, c, e, n, d with caron, u-ring), else ISO-8859-2. */
    size_t best = gain[1] > gain[0] || (gain[1] == gain[0] && !c1 && pl <= cs) ? 1 : 0;
    if (gain[best] < CE_GAIN_MIN || loss[best] * 10 > gain[best]) return LS_TEXT_CP1252;
    return cands[best];
}

/* 8-bit text that is neither UTF-8 nor Japanese. */
static enum ls_text_enc text_guess_legacy(struct ls_slice s)
{
    struct ls_slice head;
    (void)ls_slice_sub(s, 0, s.len < LEGACY_PROBE ? s.len : LEGACY_PROBE, &head);
    enum ls_text_enc enc = db_guess(head);
    if (enc != LS_TEXT_CP1252) return enc;
    struct sb_words k = sb_words(head);
    enc = k.pure < 6 ? LS_TEXT_CP1252 : sb_guess(head, &k); /* no word of another script */
    return enc != LS_TEXT_CP1252 || k.ce < CE_GAIN_MIN ? enc : ce_guess(head, &k);
}

/* Longest prefix of s, at most max, that ends between two characters of
 * double-byte page enc. */
static size_t db_cut(struct ls_slice s, size_t max, enum ls_text_enc enc)
{
    const struct ls_codepage *cp = ls_codepage_by_number(text_enc_cp(enc));
    size_t i = 0;
    while (i < s.len && i < max) {
        uint32_t u;
        size_t n = db_char(s, i, cp, enc == LS_TEXT_GBK, &u);
        if (i + n > max) break;
        i += n;
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
    return text_guess_legacy(s);
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
    if (enc == LS_TEXT_GBK || enc == LS_TEXT_BIG5 || enc == LS_TEXT_EUCKR) return db_cut(s, max, enc);
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
    case LS_TEXT_SJIS:
    case LS_TEXT_EUCJP:
    case LS_TEXT_CP1251:
    case LS_TEXT_KOI8R:
    case LS_TEXT_CP866:
    case LS_TEXT_ISO8859_5:
    case LS_TEXT_MACCYR:
    case LS_TEXT_CP1253:
    case LS_TEXT_ISO8859_7:
    case LS_TEXT_CP1255:
    case LS_TEXT_ISO8859_8:
    case LS_TEXT_CP1256:
    case LS_TEXT_ISO8859_6:
    case LS_TEXT_CP874:
    case LS_TEXT_GBK:
    case LS_TEXT_BIG5:
    case LS_TEXT_EUCKR:
    case LS_TEXT_CP1250:
    case LS_TEXT_ISO8859_2: return ls_codepage_to_utf8(out, s, ls_codepage_by_number(text_enc_cp(enc)));
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
        LS_TRY(ls_json_escapes(c, o, u8)); /* "...\nSSN: 536221874": the label after an escape */
        LS_TRY(ls_texttable_labels(c, o, u8));
        return ls_sqldump_labels(c, o, u8);
    }
    struct ls_slice body;
    if (!ls_slice_from(o->data, bom, &body)) return LS_OK;
    /* Excel writes SYLK in its ANSI code page: windows-1252, or the page of
     * its locale the guess found (a Russian Excel's cp1251 sheet had read
     * as its records, "C;Y2;X1;K"Иванов...", not as rows) */
    if (!ls_text_wide(enc) && ls_sylk_is(body)) {
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
