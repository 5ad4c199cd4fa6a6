/*
 * Code pages to Unicode (see ls_core.h): single-byte pages, and the CJK
 * double-byte pages (Shift_JIS/cp932, EUC-JP, GBK/cp936, Big5/cp950,
 * EUC-KR/cp949) plus the stateful ISO-2022-JP. The tables are generated
 * (codepage_tables.h, codepage_cjk_tables.h, by scripts/gen_codepages.py):
 * this file only looks them up and runs the decoders. No iconv: glibc's
 * iconv loads gconv modules from disk, which the worker sandbox forbids.
 * Invalid or truncated sequences become U+FFFD; an ASCII byte after a lead
 * byte is not swallowed (resync).
 */
#include <stdlib.h>
#include <string.h>

#include "core/ls_core.h"

enum ls_cp_kind {
    LS_CP_SBCS,      /* one byte, one character */
    LS_CP_DBCS,      /* lead byte + trail byte (Shift_JIS, Big5, cp949) */
    LS_CP_GBK,       /* DBCS; GB18030 four-byte sequences read as U+FFFD */
    LS_CP_EUCJP,     /* DBCS; 0x8F + two bytes (JIS X 0212) read as U+FFFD */
    LS_CP_ISO2022JP, /* 7-bit, ESC sequences switch character sets */
};

struct ls_dbcs_row {
    uint32_t off;   /* index of trail byte lo in cells */
    uint8_t lo, hi; /* defined trail bytes; hi == 0: not a lead byte */
};

struct ls_dbcs {
    const uint16_t *cells;          /* 0 = undefined */
    const struct ls_dbcs_row *rows; /* lead bytes 0x80-0xFF */
};

struct ls_codepage {
    const char *name;      /* canonical (IANA) name */
    unsigned number;       /* Windows code page identifier */
    const uint16_t *high;  /* single bytes 0x80-0xFF (U+FFFD at lead bytes) */
    enum ls_cp_kind kind;
    const struct ls_dbcs *dbcs; /* NULL for LS_CP_SBCS */
};

struct ls_codepage_name {
    const char *key; /* lower-case ASCII letters and digits only */
    unsigned idx;
};

struct ls_codepage_num {
    unsigned number;
    unsigned idx;
};

#include "core/codepage_cjk_tables.h"
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

bool ls_codepage_multibyte(const struct ls_codepage *cp)
{
    return cp && cp->kind != LS_CP_SBCS;
}

bool ls_codepage_lead(const struct ls_codepage *cp, uint8_t ch)
{
    if (!cp || !cp->dbcs || ch < 0x80) return false;
    if (cp->kind == LS_CP_EUCJP && ch == 0x8F) return true;
    return cp->dbcs->rows[ch - 0x80].hi != 0;
}

uint32_t ls_codepage_map2(const struct ls_codepage *cp, uint8_t lead, uint8_t trail)
{
    if (!cp || !cp->dbcs || lead < 0x80) return 0xFFFDu;
    const struct ls_dbcs_row *r = &cp->dbcs->rows[lead - 0x80];
    if (r->hi == 0 || trail < r->lo || trail > r->hi) return 0xFFFDu;
    uint16_t v = cp->dbcs->cells[r->off + (uint32_t)(trail - r->lo)];
    return v ? v : 0xFFFDu;
}

static ls_err sbcs_to_utf8(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp)
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

static bool in_range(int ch, int lo, int hi)
{
    return ch >= lo && ch <= hi;
}

/* Bytes taken by a multibyte sequence starting with lead byte at i (>= 2
 * when a whole sequence is there); *cp_out gets its character. */
static size_t dbcs_one(struct ls_slice s, size_t i, const struct ls_codepage *cp, uint32_t *out)
{
    int lead = ls_slice_at(s, i);
    int t = i + 1 < s.len ? ls_slice_at(s, i + 1) : -1;
    *out = 0xFFFDu;
    if (t < 0) return 1; /* truncated at the end */
    if (cp->kind == LS_CP_GBK && in_range(t, 0x30, 0x39)) {
        /* GB18030 four-byte sequence: one character we have no table for */
        int t3 = i + 2 < s.len ? ls_slice_at(s, i + 2) : -1;
        int t4 = i + 3 < s.len ? ls_slice_at(s, i + 3) : -1;
        return in_range(t3, 0x81, 0xFE) && in_range(t4, 0x30, 0x39) ? 4 : 1;
    }
    if (cp->kind == LS_CP_EUCJP && lead == 0x8F) {
        int t3 = i + 2 < s.len ? ls_slice_at(s, i + 2) : -1;
        return in_range(t, 0xA1, 0xFE) && in_range(t3, 0xA1, 0xFE) ? 3 : 1;
    }
    *out = ls_codepage_map2(cp, (uint8_t)lead, (uint8_t)t);
    /* an undefined pair whose trail is ASCII: the trail is read again */
    if (*out == 0xFFFDu && t < 0x80) return 1;
    return 2;
}

static ls_err dbcs_to_utf8(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp)
{
    size_t run = 0, i = 0;
    while (i < s.len) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        if (ch < 0x80) {
            i++;
            continue;
        }
        LS_TRY(ls_buf_add(b, s.ptr + run, i - run));
        uint32_t u = ls_codepage_map(cp, ch);
        size_t n = 1;
        if (ls_codepage_lead(cp, ch)) n = dbcs_one(s, i, cp, &u);
        LS_TRY(ls_utf8_put(b, u));
        i += n;
        run = i;
    }
    if (run >= s.len) return LS_OK; /* also an empty slice's NULL: no pointer arithmetic on it */
    return ls_buf_add(b, s.ptr + run, s.len - run);
}

/* ISO-2022-JP (RFC 1468, with the CP5022x extensions): the character set
 * in use is switched by ESC sequences and SO/SI. */
enum jis_set { JIS_ASCII, JIS_ROMAN, JIS_KANA, JIS_X0208, JIS_OTHER2 };

struct jis_state {
    enum jis_set set;
    bool shifted; /* SO: katakana until SI */
};

/* An ESC sequence at i: its length (0 if not one we know) and the set. */
static size_t jis_escape(struct ls_slice s, size_t i, enum jis_set *set)
{
    int a = i + 1 < s.len ? ls_slice_at(s, i + 1) : -1;
    int c = i + 2 < s.len ? ls_slice_at(s, i + 2) : -1;
    int d = i + 3 < s.len ? ls_slice_at(s, i + 3) : -1;
    if (a == '(') {
        if (c == 'B') *set = JIS_ASCII;
        else if (c == 'J' || c == 'H') *set = JIS_ROMAN;
        else if (c == 'I') *set = JIS_KANA;
        else return 0;
        return 3;
    }
    if (a != '$') return 0;
    if (c == '@' || c == 'B') {
        *set = JIS_X0208;
        return 3;
    }
    if (c == 'A') {
        *set = JIS_OTHER2; /* GB 2312 (ISO-2022-JP-2): no table here */
        return 3;
    }
    if (c == '(' && (d == 'D' || d == 'C' || d == 'Q' || d == 'O' || d == 'P')) {
        *set = d == 'Q' || d == 'O' ? JIS_X0208 : JIS_OTHER2;
        return 4;
    }
    return 0;
}

static uint32_t jis_single(enum jis_set set, uint8_t ch)
{
    if (set == JIS_KANA && in_range(ch, 0x21, 0x5F)) return 0xFF61u + (uint32_t)(ch - 0x21);
    if (set == JIS_ROMAN && ch == 0x5C) return 0xA5u;
    if (set == JIS_ROMAN && ch == 0x7E) return 0x203Eu;
    return ch;
}

/* A JIS X 0208 cell (row j1, column j2, both 0x21-0x7E): from the EUC-JP
 * table, else from cp932, which also has what CP50220/50221 add to
 * ISO-2022-JP and the EUC-JP table lacks: NEC row 13 (circled digits,
 * Roman numerals, the numero sign) and the NEC-selected IBM extensions
 * (rows 89-92). The cell goes to Shift_JIS by the usual arithmetic. */
static uint32_t jis_x0208(const struct ls_codepage *cp, uint8_t j1, uint8_t j2)
{
    uint32_t u = ls_codepage_map2(cp, (uint8_t)(j1 | 0x80), (uint8_t)(j2 | 0x80));
    if (u != 0xFFFDu) return u;
    unsigned s1 = ((j1 + 1u) >> 1) + (j1 <= 0x5Eu ? 0x70u : 0xB0u);
    unsigned s2 = (j1 & 1u) ? j2 + (j2 >= 0x60u ? 0x20u : 0x1Fu) : j2 + 0x7Eu;
    return ls_codepage_map2(ls_codepage_by_number(932), (uint8_t)s1, (uint8_t)s2);
}

static ls_err jis_to_utf8(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp)
{
    struct jis_state st = {JIS_ASCII, false};
    size_t i = 0;
    while (i < s.len) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        if (ch == 0x1B) {
            enum jis_set set = st.set;
            size_t n = jis_escape(s, i, &set);
            if (n == 0) {
                LS_TRY(ls_utf8_put(b, 0xFFFDu)); /* unknown or cut ESC */
                i++;
                continue;
            }
            st.set = set;
            i += n;
            continue;
        }
        if (ch == 0x0E || ch == 0x0F) {
            st.shifted = ch == 0x0E;
            i++;
            continue;
        }
        if (ch >= 0x80) {
            LS_TRY(ls_utf8_put(b, 0xFFFDu));
            i++;
            continue;
        }
        if (ch < 0x21 || ch == 0x7F) {
            LS_TRY(ls_utf8_put(b, ch)); /* controls, space, newlines: any set */
            i++;
            continue;
        }
        if (st.shifted) {
            LS_TRY(ls_utf8_put(b, jis_single(JIS_KANA, ch)));
            i++;
            continue;
        }
        if (st.set != JIS_X0208 && st.set != JIS_OTHER2) {
            LS_TRY(ls_utf8_put(b, jis_single(st.set, ch)));
            i++;
            continue;
        }
        int t = i + 1 < s.len ? ls_slice_at(s, i + 1) : -1;
        if (!in_range(t, 0x21, 0x7E)) {
            LS_TRY(ls_utf8_put(b, 0xFFFDu)); /* half a character */
            i++;
            continue;
        }
        uint32_t u = st.set == JIS_X0208 ? jis_x0208(cp, ch, (uint8_t)t) : 0xFFFDu;
        LS_TRY(ls_utf8_put(b, u));
        i += 2;
    }
    return LS_OK;
}

ls_err ls_codepage_to_utf8(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp)
{
    if (s.len == 0) return LS_OK; /* s.ptr may be NULL: no arithmetic on it */
    if (!cp || cp->kind == LS_CP_SBCS) return sbcs_to_utf8(b, s, cp);
    if (cp->kind == LS_CP_ISO2022JP) return jis_to_utf8(b, s, cp);
    return dbcs_to_utf8(b, s, cp);
}
