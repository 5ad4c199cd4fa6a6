/*
 * RTF reader following the Rich Text Format Specification 1.9.1 (Microsoft,
 * 2008): groups, control words (letters, optional signed parameter, one
 * space delimiter eaten), control symbols, destinations.
 *
 * Kept: body text, tables (\cell tab, \row line), headers/footers,
 * footnotes, annotations (comments, \*\annotation and \*\atnauthor), field
 * instructions (HYPERLINK "mailto:..."), \info fields as "name: value"
 * lines (title, subject, author, manager, company, operator, category,
 * keywords, comment, doccomm, hlinkbase), \*\userprops.
 * Decoded: \'hh (and raw 8-bit bytes) through the code page in force
 * (section "Character set" of the spec): the current font's \cpgN or
 * \fcharsetN from the font table (\fN in the text, \deffN by default),
 * else \ansicpgN, else \mac / \pc / \pca, else Windows-1252. Pages come
 * from the core tables (ls_codepage_*, no iconv); the CJK double-byte ones
 * (Shift-JIS 128, Hangul 129, GBK 134, Big5 136; the Mac pages 10001,
 * 10002, 10003, 10008 as those) pair a lead \'hh with the next byte; 65001
 * gathers UTF-8. Pages without a table (Johab 130 ...) are read byte by byte as Windows-1252 and reported in
 * rtf_result.unsupported_cp (ASCII survives). \uN with \ucN fallback skip,
 * UTF-16 surrogate pairs, the usual symbol words (\emdash, \lquote ...).
 * Tracked changes (\deleted, \revised, once a \revtbl or \deleted is met):
 * the text reads as the document now shows it, deleted runs left out (a
 * digit replaced inside "536-22-1874" leaves the number whole); at the next
 * line break (\par, \row ...) a line "before tracked changes: ..." gives
 * the paragraph with deleted runs in place and insertions left out.
 * Footnotes and comments (\footnote, \*\atnauthor, \*\annotation) stand
 * inside the paragraph they are anchored to: one met after some of the
 * paragraph's text is held and written after the paragraph's line break
 * (its own lines; one at a paragraph's start stays where it is), so the
 * paragraph reads whole ("As others have noted, this period ...", not
 * "noted," / note / " this period"); a tracked deletion inside a held
 * note is left out.
 * Read, not emitted: the font table (\fN, \fcharsetN, \cpgN per font).
 * Skipped: colour/style/list tables, pictures (hex and \bin), theme and
 * data stores, bookmarks, shape properties, every unknown \* destination
 * (\*\htmltag markup too, but a block or cell tag in it is a line break or
 * a tab: Outlook's HTML-encapsulating bodies).
 * \objdata hex is decoded and handed to the sink (OLE1 native data, or the
 * file inside an OLE Packager object).
 * Attacker-controlled: everything; nesting (bounded by RTF_MAX_DEPTH, deeper
 * groups skipped), \bin lengths (clamped to the input), parameters
 * (clamped), hex runs (bounded by max_object), object headers (checked).
 */
#include <stdlib.h>
#include <string.h>

#include "extract/rtf.h"

#define RTF_WORD_MAX 32u
#define RTF_OUT_FLUSH (64u * 1024u)
#define RTF_NAME_MAX 128u
#define RTF_BEFORE_MAX (64u * 1024u) /* a paragraph kept as it read before tracked changes */
#define RTF_HELD_MAX (1024u * 1024u) /* notes held for the end of their paragraph; more go out at once */
/* Font numbers below this get a code page from the font table; higher
 * ones (never written by real producers) use the document's default. */
#define RTF_MAX_FONTS 1024u

enum rtf_dest {
    RD_TEXT,
    RD_SKIP,
    RD_OBJDATA,
    RD_FONTTBL, /* \fonttbl: read for \fcharset / \cpg, nothing emitted */
};

struct rtf_group {
    uint8_t dest;
    uint8_t uc;     /* \ucN: fallback characters after \uN */
    bool first;     /* no control word yet: the next one may name a destination */
    bool star;      /* \* seen at the start of this group */
    bool nl_end;    /* write a line break when the group closes */
    bool sp_end;    /* write a space when the group closes (a field instruction) */
    bool deleted;   /* \deleted: a tracked deletion's run */
    bool inserted;  /* \revised: a tracked insertion's run */
    int32_t font;   /* \fN in force, -1 for the default font (\deffN) */
};

struct rtf_parser {
    struct ls_cursor cur;
    const struct rtf_sink *sink;
    struct rtf_result *res;
    struct rtf_group stack[RTF_MAX_DEPTH];
    unsigned depth;       /* open groups (stack holds the outer ones) */
    unsigned overflow;    /* open groups beyond RTF_MAX_DEPTH, skipped */
    struct rtf_group g;   /* the current group */
    unsigned uc_skip;     /* fallback characters still to drop */
    uint32_t high;        /* pending high surrogate from \uN */
    bool done;            /* the outermost group closed */
    uint64_t total;       /* text bytes produced so far */
    struct ls_buf out;
    struct ls_buf obj;
    struct ls_buf before; /* the paragraph as it read before its tracked changes */
    bool revs;            /* tracked changes seen (\revtbl, \deleted): keep before */
    bool para_del;        /* this paragraph lost text to a tracked deletion */
    bool dropcap;         /* this paragraph is a drop cap (\dropcapliN) */
    bool raw;             /* writing the before line itself */
    struct ls_buf held;   /* footnotes and comments of this paragraph, written after it */
    unsigned hold;        /* depth of the note group being held, 0 when none */
    uint8_t last_flushed; /* last byte handed to the sink */
    int nibble;           /* pending hex digit of \objdata, or -1 */
    bool obj_cut;
    ls_err err;
    /* character set: Windows code page per font (0: the document's) */
    uint16_t font_cp[RTF_MAX_FONTS];
    int32_t def_font;      /* \deffN, -1 if none */
    int32_t tbl_font;      /* font being defined in the font table, -1 */
    unsigned doc_cp;       /* \ansicpgN, or \mac / \pc / \pca; 0 if none */
    uint8_t u8[4];         /* \ansicpg65001: a UTF-8 sequence being gathered */
    unsigned u8n;
    uint8_t dbcs_lead;     /* CJK page: a lead byte waiting for its trail, or 0 */
    unsigned cache_num;    /* last code page number resolved ... */
    const struct ls_codepage *cache_cp; /* ... and its table (NULL: 1252) */
};

/* ------------------------------------------------------------ output */

static ls_err rtf_flush(struct rtf_parser *p)
{
    if (p->out.len == 0 || p->err != LS_OK) return p->err;
    p->total += p->out.len;
    p->last_flushed = (uint8_t)ls_slice_at(ls_buf_slice(&p->out), p->out.len - 1);
    ls_err e = p->sink->text ? p->sink->text(p->sink->ud, ls_buf_slice(&p->out)) : LS_OK;
    ls_buf_reset(&p->out);
    if (e != LS_OK) p->err = e;
    return p->err;
}

static ls_err rtf_before_flush(struct rtf_parser *p);

/* A full buffer (a deletion past 64 KiB) goes out as a before line first,
 * so no deleted text is lost. */
static ls_err rtf_before_add(struct rtf_parser *p, uint8_t ch)
{
    ls_err e = ls_buf_addc(&p->before, ch);
    if (e != LS_E_LIMIT) return e;
    bool del = p->para_del;
    LS_TRY(rtf_before_flush(p));
    p->para_del = del;
    e = ls_buf_addc(&p->before, ch);
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err rtf_held_flush(struct rtf_parser *p);

/* A held note's byte; a full buffer goes out where the text stands. */
static ls_err rtf_held_add(struct rtf_parser *p, uint8_t ch)
{
    if (p->revs && p->g.deleted) return LS_OK;
    ls_err e = ls_buf_addc(&p->held, ch);
    if (e != LS_E_LIMIT) return e;
    LS_TRY(rtf_held_flush(p));
    e = ls_buf_addc(&p->held, ch);
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err rtf_put(struct rtf_parser *p, uint8_t ch)
{
    if (p->hold && !p->raw) return rtf_held_add(p, ch);
    if (p->revs && !p->raw && p->g.dest == RD_TEXT) {
        if (p->g.deleted) { /* deleted: not what the document now says */
            p->para_del = true;
            return rtf_before_add(p, ch);
        }
        if (!p->g.inserted) LS_TRY(rtf_before_add(p, ch));
    }
    if (p->out.len >= RTF_OUT_FLUSH) LS_TRY(rtf_flush(p));
    return ls_buf_addc(&p->out, ch);
}

static ls_err rtf_puts(struct rtf_parser *p, const char *s)
{
    while (*s) LS_TRY(rtf_put(p, (uint8_t)*s++));
    return LS_OK;
}

static ls_err rtf_put_cp(struct rtf_parser *p, uint32_t cp)
{
    if ((p->revs && !p->raw && p->g.dest == RD_TEXT) || (p->hold && !p->raw)) { /* byte by byte */
        uint8_t u[4];
        size_t n = 0;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        if (cp < 0x80) {
            u[n++] = (uint8_t)cp;
        } else if (cp < 0x800) {
            u[n++] = (uint8_t)(0xC0 | cp >> 6);
            u[n++] = (uint8_t)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            u[n++] = (uint8_t)(0xE0 | cp >> 12);
            u[n++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            u[n++] = (uint8_t)(0x80 | (cp & 0x3F));
        } else {
            u[n++] = (uint8_t)(0xF0 | cp >> 18);
            u[n++] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
            u[n++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            u[n++] = (uint8_t)(0x80 | (cp & 0x3F));
        }
        for (size_t i = 0; i < n; i++) LS_TRY(rtf_put(p, u[i]));
        return LS_OK;
    }
    if (p->out.len >= RTF_OUT_FLUSH) LS_TRY(rtf_flush(p));
    return ls_utf8_put(&p->out, cp);
}

/* A separator, unless the text already ends in whitespace. */
static ls_err rtf_sep(struct rtf_parser *p, uint8_t ch)
{
    if (p->dbcs_lead) { /* a double-byte character cut here */
        p->dbcs_lead = 0;
        LS_TRY(rtf_put_cp(p, 0xFFFD));
    }
    const struct ls_buf *b = p->hold && !p->raw ? &p->held : &p->out;
    if (b->len == 0 && (p->total == 0 || b == &p->held)) return LS_OK; /* nothing to separate yet */
    if (b->len > 0) {
        int last = ls_slice_at(ls_buf_slice(b), b->len - 1);
        if (last == '\n' || (last == ch) || (ch != '\n' && (last == ' ' || last == '\t')))
            return LS_OK;
    }
    return rtf_put(p, ch);
}

/* A line break ends the paragraph: after it, the paragraph as it read
 * before its tracked changes, if a deletion took text from it. */
static ls_err rtf_before_flush(struct rtf_parser *p)
{
    size_t n = p->before.len;
    while (n > 0 && (p->before.ptr[n - 1] == '\n' || p->before.ptr[n - 1] == ' ' ||
                     p->before.ptr[n - 1] == '\t'))
        n--;
    ls_err e = LS_OK;
    if (p->para_del && n > 0) {
        p->raw = true;
        e = rtf_sep(p, '\n');
        if (e == LS_OK) e = rtf_puts(p, "before tracked changes: ");
        for (size_t i = 0; i < n && e == LS_OK; i++) e = rtf_put(p, p->before.ptr[i]);
        if (e == LS_OK) e = rtf_put(p, '\n');
        p->raw = false;
    }
    ls_buf_reset(&p->before);
    p->para_del = false;
    return e;
}

/* The notes held for the paragraph that just ended, on lines after it. */
static ls_err rtf_held_flush(struct rtf_parser *p)
{
    if (p->held.len == 0) return LS_OK;
    p->raw = true;
    ls_err e = rtf_sep(p, '\n');
    for (size_t i = 0; i < p->held.len && e == LS_OK; i++) e = rtf_put(p, p->held.ptr[i]);
    if (e == LS_OK) e = rtf_sep(p, '\n');
    p->raw = false;
    ls_buf_reset(&p->held);
    return e;
}

/* Text written since the last line break: a note here would cut it. */
static bool rtf_midline(const struct rtf_parser *p)
{
    if (p->out.len > 0) return ls_slice_at(ls_buf_slice(&p->out), p->out.len - 1) != '\n';
    return p->total > 0 && p->last_flushed != '\n';
}

static bool rtf_emitting(const struct rtf_parser *p)
{
    return p->overflow == 0 && p->g.dest == RD_TEXT;
}

/* A visible character: dropped while \uN fallback characters are pending. */
static ls_err rtf_char(struct rtf_parser *p, uint32_t cp)
{
    if (p->uc_skip > 0) {
        p->uc_skip--;
        return LS_OK;
    }
    if (!rtf_emitting(p)) return LS_OK;
    if (p->high) { /* a high surrogate not followed by \u low surrogate */
        p->high = 0;
        LS_TRY(rtf_put_cp(p, 0xFFFD));
    }
    if (p->u8n) { /* a UTF-8 sequence (code page 65001) cut by this character */
        p->u8n = 0;
        LS_TRY(rtf_put_cp(p, 0xFFFD));
    }
    if (p->dbcs_lead) { /* a double-byte character cut by this one */
        p->dbcs_lead = 0;
        LS_TRY(rtf_put_cp(p, 0xFFFD));
    }
    return cp < 0x80 ? rtf_put(p, (uint8_t)cp) : rtf_put_cp(p, cp);
}

/* ------------------------------------------------------------ character set */

/* \fcharsetN to a Windows code page (RTF 1.9.1, \fcharset table); 0 for
 * ANSI (0), default (1), symbol (2) and unknown values: the document's
 * code page applies. ANSI is read as "the \ansicpg code page", as the spec
 * words it (LibreOffice reads it as 1252 instead): generators that write
 * \ansicpg1251 with \fcharset0 fonts and Cyrillic \'hh are common, and a
 * 1252 document is read the same either way. Multibyte sets map to their
 * Windows pages (decoded if there is a table, else reported). */
static unsigned rtf_charset_cp(int32_t charset)
{
    switch (charset) {
    case 77: return 10000;  /* Mac Roman */
    case 78: return 10001;  /* Mac Shift-JIS */
    case 79: return 10003;  /* Mac Hangul */
    case 80: return 10008;  /* Mac GB2312 */
    case 81: return 10002;  /* Mac Big5 */
    case 83: return 10005;  /* Mac Hebrew */
    case 84: return 10004;  /* Mac Arabic */
    case 85: return 10006;  /* Mac Greek */
    case 86: return 10081;  /* Mac Turkish */
    case 88: return 10029;  /* Mac Central European */
    case 89: return 10007;  /* Mac Cyrillic */
    case 128: return 932;   /* Shift-JIS */
    case 129: return 949;   /* Hangul */
    case 130: return 1361;  /* Johab */
    case 134: return 936;   /* GB2312 / GBK */
    case 136: return 950;   /* Big5 */
    case 161: return 1253;  /* Greek */
    case 162: return 1254;  /* Turkish */
    case 163: return 1258;  /* Vietnamese */
    case 177: return 1255;  /* Hebrew */
    case 178: return 1256;  /* Arabic */
    case 179: return 1256;  /* Arabic traditional */
    case 180: return 1256;  /* Arabic user */
    case 181: return 1255;  /* Hebrew user */
    case 186: return 1257;  /* Baltic */
    case 204: return 1251;  /* Russian */
    case 222: return 874;   /* Thai */
    case 238: return 1250;  /* Eastern European */
    case 254: return 437;   /* PC 437 */
    case 255: return 850;   /* OEM */
    default: return 0;
    }
}

/* The code page for \'hh here: the current font's, else the document's;
 * NULL means Windows-1252 (also the fallback for pages without a table,
 * which are recorded in res->unsupported_cp). */
static unsigned rtf_cp_number(const struct rtf_parser *p)
{
    int32_t f = p->g.font >= 0 ? p->g.font : p->def_font;
    unsigned num = f >= 0 && (uint32_t)f < RTF_MAX_FONTS ? p->font_cp[f] : 0;
    return num ? num : p->doc_cp;
}

/* The Mac double-byte pages (\ansicpg10001, \fcharset78..81: TextEdit's
 * and Word for Mac's Japanese, Chinese and Korean) are the Windows pages
 * they were made from, as LibreOffice reads them: Shift_JIS (cp932), Big5
 * (cp950), the KS X 1001 of cp949 and the GB2312 of cp936. */
static unsigned rtf_mac_dbcs(unsigned num)
{
    switch (num) {
    case 10001: return 932;
    case 10002: return 950;
    case 10003: return 949;
    case 10008: return 936;
    default: return num;
    }
}

static const struct ls_codepage *rtf_codepage(struct rtf_parser *p)
{
    unsigned num = rtf_cp_number(p);
    if (num == 0 || num == 1252) return NULL;
    if (num == p->cache_num) return p->cache_cp;
    const struct ls_codepage *cp = ls_codepage_by_number(rtf_mac_dbcs(num));
    if (!cp && p->res->unsupported_cp == 0) p->res->unsupported_cp = num;
    p->cache_num = num;
    p->cache_cp = cp;
    return cp;
}

/* Code page 65001: \'hh bytes are UTF-8, one character over several bytes.
 * A sequence that breaks off or is invalid reads as U+FFFD. */
static ls_err rtf_utf8_byte(struct rtf_parser *p, uint8_t ch)
{
    bool lead = ch >= 0xC0;
    if (lead && p->u8n) { /* a new sequence cuts the last: one U+FFFD for it */
        p->u8n = 0;
        LS_TRY(rtf_char(p, 0xFFFD));
    }
    if (!lead && p->u8n == 0) return rtf_char(p, 0xFFFD);
    p->u8[p->u8n++] = ch;
    size_t need = p->u8[0] >= 0xF0 ? 4 : p->u8[0] >= 0xE0 ? 3 : 2;
    if (p->u8n < need && p->u8n < sizeof p->u8) return LS_OK;
    size_t pos = 0;
    int32_t cp = ls_utf8_next(ls_slice_make(p->u8, p->u8n), &pos);
    p->u8n = 0;
    return rtf_char(p, cp < 0 ? 0xFFFD : (uint32_t)cp);
}

/* CJK pages (\fcharset128/134/136/129, \ansicpg932 ...): a character is
 * written as two \'hh (or a \'hh and a plain character): the lead byte
 * waits for its trail. An undefined pair reads as U+FFFD; an ASCII trail
 * of an undefined pair is read again on its own. */
static ls_err rtf_dbcs_byte(struct rtf_parser *p, const struct ls_codepage *cp, uint8_t ch)
{
    if (p->dbcs_lead) {
        uint8_t lead = p->dbcs_lead;
        p->dbcs_lead = 0;
        uint32_t u = ls_codepage_map2(cp, lead, ch);
        if (u != 0xFFFD || ch >= 0x80) return rtf_char(p, u);
        LS_TRY(rtf_char(p, 0xFFFD));
        return rtf_char(p, ch);
    }
    if (ch >= 0x80 && ls_codepage_lead(cp, ch)) {
        p->dbcs_lead = ch;
        return LS_OK;
    }
    return rtf_char(p, ch < 0x80 ? ch : ls_codepage_map(cp, ch));
}

/* An 8-bit character (\'hh or a raw byte) in the code page in force. */
static ls_err rtf_byte(struct rtf_parser *p, uint8_t ch)
{
    if (p->uc_skip > 0) { /* a \uN fallback: never decoded */
        p->uc_skip--;
        return LS_OK;
    }
    if (!rtf_emitting(p)) return LS_OK;
    if (ch >= 0x80 && rtf_cp_number(p) == 65001) return rtf_utf8_byte(p, ch);
    if (ch >= 0x80 || p->dbcs_lead) {
        const struct ls_codepage *cp = rtf_codepage(p);
        if (ls_codepage_multibyte(cp)) return rtf_dbcs_byte(p, cp, ch);
    }
    return rtf_char(p, ch < 0x80 ? ch : ls_codepage_map(rtf_codepage(p), ch));
}

/* ------------------------------------------------------------ objdata */

static int rtf_hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

static ls_err rtf_obj_hex(struct rtf_parser *p, int ch)
{
    int v = rtf_hexval(ch);
    if (v < 0 || p->obj_cut) return LS_OK; /* whitespace and line breaks between digits */
    if (p->nibble < 0) {
        p->nibble = v;
        return LS_OK;
    }
    ls_err e = ls_buf_addc(&p->obj, (uint8_t)(p->nibble << 4 | v));
    p->nibble = -1;
    if (e == LS_E_LIMIT) {
        p->obj_cut = true;
        return LS_OK;
    }
    return e;
}

static ls_err rtf_obj_finish(struct rtf_parser *p)
{
    struct ls_slice all = ls_buf_slice(&p->obj), native, file;
    char cls[RTF_NAME_MAX], name[RTF_NAME_MAX];
    name[0] = 0;
    p->res->objects++;
    ls_err e = LS_OK;
    if (all.len > 0 && p->sink->object) {
        struct ls_slice data = all;
        if (rtf_ole1_native(all, &native, cls, sizeof cls)) {
            data = native;
            if (strcmp(cls, "Package") == 0 && rtf_package_file(native, &file, name, sizeof name))
                data = file;
        }
        LS_TRY(rtf_flush(p));
        e = p->sink->object(p->sink->ud, data, name, p->obj_cut);
    }
    ls_buf_reset(&p->obj);
    p->nibble = -1;
    p->obj_cut = false;
    return e;
}

/* ------------------------------------------------------------ groups */

static ls_err rtf_open(struct rtf_parser *p)
{
    p->uc_skip = 0;
    if (p->overflow > 0 || p->depth >= RTF_MAX_DEPTH) {
        p->overflow++;
        p->res->depth_cut = true;
        return LS_OK;
    }
    p->stack[p->depth++] = p->g;
    p->g.first = true;
    p->g.star = false;
    p->g.nl_end = false;
    p->g.sp_end = false;
    return LS_OK;
}

static ls_err rtf_close(struct rtf_parser *p)
{
    p->uc_skip = 0;
    if (p->overflow > 0) {
        p->overflow--;
        return LS_OK;
    }
    if (p->depth == 0) { /* a stray brace after the document: stop */
        p->done = true;
        return LS_OK;
    }
    struct rtf_group inner = p->g;
    p->g = p->stack[--p->depth];
    if (inner.dest == RD_OBJDATA && p->g.dest != RD_OBJDATA) LS_TRY(rtf_obj_finish(p));
    if (inner.nl_end && rtf_emitting(p)) LS_TRY(rtf_sep(p, '\n'));
    else if (inner.sp_end && rtf_emitting(p)) LS_TRY(rtf_sep(p, ' '));
    if (p->hold && p->depth < p->hold) p->hold = 0; /* the note ended: its paragraph goes on */
    if (p->depth == 0) p->done = true;
    return LS_OK;
}

/* ------------------------------------------------------------ control words */

struct rtf_word {
    char name[RTF_WORD_MAX + 1];
    bool has_param;
    int32_t param;
};

/* Control words with a meaning here, sorted by strcmp() for bsearch():
 * one lookup per control word (most are formatting and not in the table). */
enum rtf_kind {
    RK_NONE, RK_BIN, RK_U, RK_UC, RK_ANSICPG, RK_LINE, RK_TAB, RK_SYM,
    RK_FONT,     /* \fN: select (text) or define (font table) font N */
    RK_FCHARSET, /* \fcharsetN in the font table */
    RK_CPG,      /* \cpgN in the font table */
    RK_DEFF,     /* \deffN */
    RK_DOCCS,    /* \mac \pc \pca: document character set, code page in cp */
    RK_DELETED,  /* \deleted[0]: a tracked deletion's run */
    RK_REVISED,  /* \revised[0]: a tracked insertion's run */
    RK_PLAIN,    /* \plain: character formatting (deleted, revised) reset */
    RK_REVTBL,   /* \revtbl: the document has tracked changes */
    RK_DROPCAP,  /* \dropcapliN: this paragraph is a drop cap N lines high */
    RK_PARD,     /* \pard: paragraph properties reset */
};
#define RD_F_SKIP 0x01u      /* destination whose content is not text */
#define RD_F_STARKEEP 0x02u  /* a \* destination worth reading anyway */
#define RD_F_INFO 0x04u      /* \info field: "name: value" line */
#define RD_F_LINEGROUP 0x08u /* its own line(s): headers, footnotes, comments */
#define RD_F_OBJDATA 0x10u   /* embedded object data (hex) */
#define RD_F_FLDINST 0x20u   /* field instruction: set apart by spaces */
#define RD_F_FONTTBL 0x40u   /* the font table */
#define RD_F_HOLD 0x80u      /* a note inside a paragraph: held for its end (with LINEGROUP) */

struct rtf_kw {
    const char *name;
    uint8_t kind;
    uint8_t dest;
    uint32_t cp; /* RK_SYM: code point, 0 for none */
};

static const struct rtf_kw rtf_kws[] = {
    {"annotation", RK_NONE,RD_F_STARKEEP|RD_F_LINEGROUP|RD_F_HOLD,0},
    {"ansicpg", RK_ANSICPG,0,0},
    {"atnauthor", RK_NONE,RD_F_STARKEEP|RD_F_LINEGROUP|RD_F_HOLD,0},
    {"atndate", RK_NONE,RD_F_SKIP,0},
    {"atnid", RK_NONE,RD_F_SKIP,0},
    {"atnref", RK_NONE,RD_F_SKIP,0},
    {"author", RK_NONE,RD_F_INFO,0},
    {"bin", RK_BIN,0,0},
    {"bkmkend", RK_NONE,RD_F_SKIP,0},
    {"bkmkstart", RK_NONE,RD_F_SKIP,0},
    {"blipuid", RK_NONE,RD_F_SKIP,0},
    {"bullet", RK_SYM,0,0x2022},
    {"category", RK_NONE,RD_F_INFO,0},
    {"cell", RK_TAB,0,0},
    {"colorschememapping", RK_NONE,RD_F_SKIP,0},
    {"colortbl", RK_NONE,RD_F_SKIP,0},
    {"column", RK_LINE,0,0},
    {"comment", RK_NONE,RD_F_INFO,0},
    {"company", RK_NONE,RD_F_INFO|RD_F_STARKEEP,0},
    {"cpg", RK_CPG,0,0},
    {"datastore", RK_NONE,RD_F_SKIP,0},
    {"deff", RK_DEFF,0,0},
    {"deleted", RK_DELETED,0,0},
    {"doccomm", RK_NONE,RD_F_INFO,0},
    {"dropcapli", RK_DROPCAP,0,0},
    {"emdash", RK_SYM,0,0x2014},
    {"emspace", RK_SYM,0,' '},
    {"endash", RK_SYM,0,0x2013},
    {"enspace", RK_SYM,0,' '},
    {"f", RK_FONT,0,0},
    {"falt", RK_NONE,RD_F_SKIP,0},
    {"fchars", RK_NONE,RD_F_SKIP,0},
    {"fcharset", RK_FCHARSET,0,0},
    {"filetbl", RK_NONE,RD_F_SKIP,0},
    {"fldinst", RK_NONE,RD_F_STARKEEP|RD_F_FLDINST,0},
    {"fonttbl", RK_NONE,RD_F_FONTTBL,0},
    {"footer", RK_NONE,RD_F_LINEGROUP,0},
    {"footerf", RK_NONE,RD_F_LINEGROUP,0},
    {"footerl", RK_NONE,RD_F_LINEGROUP,0},
    {"footerr", RK_NONE,RD_F_LINEGROUP,0},
    {"footnote", RK_NONE,RD_F_STARKEEP|RD_F_LINEGROUP|RD_F_HOLD,0},
    {"generator", RK_NONE,RD_F_SKIP,0},
    {"header", RK_NONE,RD_F_LINEGROUP,0},
    {"headerf", RK_NONE,RD_F_LINEGROUP,0},
    {"headerl", RK_NONE,RD_F_LINEGROUP,0},
    {"headerr", RK_NONE,RD_F_LINEGROUP,0},
    {"hlinkbase", RK_NONE,RD_F_INFO,0},
    {"info", RK_NONE,RD_F_LINEGROUP,0},
    {"keywords", RK_NONE,RD_F_INFO,0},
    {"latentstyles", RK_NONE,RD_F_SKIP,0},
    {"lbr", RK_LINE,0,0},
    {"lchars", RK_NONE,RD_F_SKIP,0},
    {"ldblquote", RK_SYM,0,0x201C},
    {"line", RK_LINE,0,0},
    {"listoverridetable", RK_NONE,RD_F_SKIP,0},
    {"listtable", RK_NONE,RD_F_SKIP,0},
    {"lquote", RK_SYM,0,0x2018},
    {"mac", RK_DOCCS,0,10000},
    {"manager", RK_NONE,RD_F_INFO,0},
    {"mmathPr", RK_NONE,RD_F_SKIP,0},
    {"nestcell", RK_TAB,0,0},
    {"nonshppict", RK_NONE,RD_F_SKIP,0},
    {"objclass", RK_NONE,RD_F_SKIP,0},
    {"objdata", RK_NONE,RD_F_OBJDATA,0},
    {"objname", RK_NONE,RD_F_SKIP,0},
    {"operator", RK_NONE,RD_F_INFO,0},
    {"page", RK_LINE,0,0},
    {"panose", RK_NONE,RD_F_SKIP,0},
    {"par", RK_LINE,0,0},
    {"pard", RK_PARD,0,0},
    {"pc", RK_DOCCS,0,437},
    {"pca", RK_DOCCS,0,850},
    {"pgdsctbl", RK_NONE,RD_F_SKIP,0},
    {"pict", RK_NONE,RD_F_SKIP,0},
    {"plain", RK_PLAIN,0,0},
    {"pntxta", RK_NONE,RD_F_SKIP,0},
    {"pntxtb", RK_NONE,RD_F_SKIP,0},
    {"private", RK_NONE,RD_F_SKIP,0},
    {"propname", RK_NONE,RD_F_LINEGROUP,0},
    {"qmspace", RK_SYM,0,' '},
    {"rdblquote", RK_SYM,0,0x201D},
    {"revised", RK_REVISED,0,0},
    {"revtbl", RK_REVTBL,RD_F_SKIP,0},
    {"row", RK_LINE,0,0},
    {"rquote", RK_SYM,0,0x2019},
    {"rsidtbl", RK_NONE,RD_F_SKIP,0},
    {"sect", RK_LINE,0,0},
    {"shpinst", RK_NONE,RD_F_STARKEEP,0},
    {"shptxt", RK_NONE,RD_F_STARKEEP,0},
    {"softline", RK_LINE,0,0},
    {"sp", RK_NONE,RD_F_SKIP,0},
    {"staticval", RK_NONE,RD_F_LINEGROUP,0},
    {"stylesheet", RK_NONE,RD_F_SKIP,0},
    {"subject", RK_NONE,RD_F_INFO,0},
    {"tab", RK_TAB,0,0},
    {"template", RK_NONE,RD_F_SKIP,0},
    {"themedata", RK_NONE,RD_F_SKIP,0},
    {"title", RK_NONE,RD_F_INFO,0},
    {"u", RK_U,0,0},
    {"uc", RK_UC,0,0},
    {"userprops", RK_NONE,RD_F_STARKEEP,0},
    {"xmlnstbl", RK_NONE,RD_F_SKIP,0},
    {"zwj", RK_SYM,0,0},
    {"zwnj", RK_SYM,0,0},
};

static int rtf_kw_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct rtf_kw *)elem)->name);
}

static const struct rtf_kw *rtf_lookup(const char *name)
{
    return bsearch(name, rtf_kws, sizeof rtf_kws / sizeof rtf_kws[0], sizeof rtf_kws[0],
                   rtf_kw_cmp);
}

/* \*\htmltagN (an Outlook body encapsulating HTML, \fromhtml1): the HTML
 * markup Outlook kept, not text. Its RTF rendering has no \par between
 * list items, table cells or <br> that only the markup breaks ("Roses are
 * red</li><li>Violets are blue" read as "Roses are redViolets are blue"),
 * so a block tag there is a line break and a cell tag a tab. The group's
 * raw bytes are peeked (at most 256, up to the first unescaped brace). */
static uint8_t rtf_htmltag_sep(const struct rtf_parser *p)
{
    static const char *const blocks[] = {
        "address", "article", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
        "section", "table", "title", "tr", "ul",
    };
    size_t pos = p->cur.pos, end = p->cur.in.len;
    if (end - pos > 256) end = pos + 256;
    const uint8_t *b = (const uint8_t *)p->cur.in.ptr;
    size_t i = pos;
    while (i < end && b[i] != '<') {
        if (b[i] == '}' || b[i] == '{') return 0;
        i += b[i] == '\\' ? 2 : 1;
    }
    if (i >= end) return 0;
    i++;
    if (i < end && b[i] == '/') i++;
    char name[16];
    size_t n = 0;
    while (i < end && n + 1 < sizeof name &&
           ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z') ||
            (n > 0 && b[i] >= '0' && b[i] <= '9')))
        name[n++] = (char)(b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i]), i++;
    name[n] = 0;
    if (n == 0 || (i < end && ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z'))))
        return 0;
    if (!strcmp(name, "td") || !strcmp(name, "th")) return '\t';
    for (size_t k = 0; k < sizeof blocks / sizeof blocks[0]; k++)
        if (!strcmp(name, blocks[k])) return '\n';
    return 0;
}

/* The first control word of a group may make it a destination. */
static ls_err rtf_destination(struct rtf_parser *p, const struct rtf_word *w,
                              const struct rtf_kw *kw)
{
    unsigned d = kw ? kw->dest : 0;
    p->g.first = false;
    if (p->g.dest != RD_TEXT) return LS_OK;
    if (d & RD_F_FONTTBL) {
        p->g.dest = RD_FONTTBL;
        p->tbl_font = -1;
        return LS_OK;
    }
    if (d & RD_F_OBJDATA) {
        ls_buf_reset(&p->obj);
        p->nibble = -1;
        p->obj_cut = false;
        p->g.dest = RD_OBJDATA;
        return LS_OK;
    }
    if ((p->g.star && !(d & RD_F_STARKEEP)) || (d & RD_F_SKIP)) {
        uint8_t sep = p->g.star && p->overflow == 0 && !strcmp(w->name, "htmltag")
                          ? rtf_htmltag_sep(p) : 0;
        p->g.dest = RD_SKIP;
        if (sep) { /* into the enclosing text, which this group was part of */
            p->g.dest = RD_TEXT;
            ls_err e = rtf_sep(p, sep);
            p->g.dest = RD_SKIP;
            return e;
        }
        return LS_OK;
    }
    if ((d & RD_F_HOLD) && !p->hold && p->overflow == 0 && p->depth > 0 && rtf_midline(p))
        p->hold = p->depth; /* its text and line breaks go to p->held */
    if (d & RD_F_LINEGROUP) {
        p->g.nl_end = true;
        return rtf_sep(p, '\n');
    }
    if (d & RD_F_INFO) {
        p->g.nl_end = true;
        LS_TRY(rtf_sep(p, '\n'));
        LS_TRY(rtf_puts(p, w->name));
        return rtf_puts(p, ": ");
    }
    if (d & RD_F_FLDINST) { /* apart from the result after it too: "mailto:a@b.orgJane" */
        p->g.sp_end = true;
        return rtf_sep(p, ' ');
    }
    return LS_OK;
}

static ls_err rtf_unicode(struct rtf_parser *p, int32_t param)
{
    uint32_t u = (uint32_t)(param < 0 ? param + 65536 : param) & 0xFFFFu;
    p->uc_skip = 0;
    if (!rtf_emitting(p)) {
        p->uc_skip = p->g.uc;
        return LS_OK;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        if (p->high) LS_TRY(rtf_put_cp(p, 0xFFFD));
        p->high = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF && p->high) {
        LS_TRY(rtf_put_cp(p, 0x10000 + ((p->high - 0xD800) << 10) + (u - 0xDC00)));
        p->high = 0;
    } else {
        LS_TRY(rtf_char(p, u));
    }
    p->uc_skip = p->g.uc;
    return LS_OK;
}

/* \binN: N raw bytes follow (after the delimiter space already eaten). */
static ls_err rtf_bin(struct rtf_parser *p, const struct rtf_word *w)
{
    size_t n = w->has_param && w->param > 0 ? (size_t)w->param : 0;
    if (n > ls_cur_left(&p->cur)) {
        p->res->truncated = true;
        n = ls_cur_left(&p->cur);
    }
    return ls_cur_skip(&p->cur, n);
}

/* \fN, \fcharsetN, \cpgN, \deffN. */
static ls_err rtf_font_word(struct rtf_parser *p, unsigned kind, const struct rtf_word *w)
{
    if (!w->has_param || w->param < 0) return LS_OK;
    bool in_tbl = p->g.dest == RD_FONTTBL;
    int32_t f = p->tbl_font;
    switch (kind) {
    case RK_FONT:
        if (in_tbl) p->tbl_font = w->param;
        else p->g.font = w->param;
        return LS_OK;
    case RK_DEFF: p->def_font = w->param; return LS_OK;
    case RK_FCHARSET:
        if (in_tbl && f >= 0 && (uint32_t)f < RTF_MAX_FONTS)
            p->font_cp[f] = (uint16_t)rtf_charset_cp(w->param);
        return LS_OK;
    default: /* RK_CPG */
        if (in_tbl && f >= 0 && (uint32_t)f < RTF_MAX_FONTS && w->param <= 0xFFFF)
            p->font_cp[f] = (uint16_t)w->param;
        return LS_OK;
    }
}

static ls_err rtf_control_word(struct rtf_parser *p, const struct rtf_word *w)
{
    const struct rtf_kw *kw = rtf_lookup(w->name);
    unsigned kind = kw ? kw->kind : RK_NONE;
    if (kind == RK_BIN) return rtf_bin(p, w);
    if (p->g.first) LS_TRY(rtf_destination(p, w, kw));
    if (kind == RK_U && w->has_param) return rtf_unicode(p, w->param);
    if (p->uc_skip > 0) { /* a control word counts as one fallback character */
        p->uc_skip--;
        return LS_OK;
    }
    switch (kind) {
    case RK_UC:
        p->g.uc = (uint8_t)(w->has_param && w->param > 0 ? (w->param > 8 ? 8 : w->param) : 0);
        return LS_OK;
    case RK_ANSICPG:
        if (w->has_param && w->param > 0) p->res->codepage = p->doc_cp = (unsigned)w->param;
        return LS_OK;
    case RK_DOCCS:
        if (p->doc_cp == 0) p->doc_cp = kw->cp;
        return LS_OK;
    case RK_FONT: case RK_FCHARSET: case RK_CPG: case RK_DEFF: return rtf_font_word(p, kind, w);
    case RK_DROPCAP: p->dropcap = w->has_param && w->param > 0; return LS_OK;
    case RK_PARD: p->dropcap = false; return LS_OK;
    case RK_LINE: {
        if (!rtf_emitting(p)) return LS_OK;
        /* a drop cap is a paragraph of its own holding the first letter(s)
         * of the next one (Word: \dropcapli3 ... S\par, then "imple Test
         * Text"): its end joins them, not "S\nimple" */
        if (p->dropcap && strcmp(w->name, "par") == 0) {
            p->dropcap = false;
            return LS_OK;
        }
        if (p->g.deleted && p->revs) { /* a deleted paragraph mark: a break only before */
            p->para_del = true;
            return rtf_before_add(p, '\n');
        }
        LS_TRY(rtf_sep(p, '\n'));
        if (p->revs) LS_TRY(rtf_before_flush(p));
        return p->hold ? LS_OK : rtf_held_flush(p); /* a break inside a note is the note's */
    }
    case RK_DELETED:
        p->g.deleted = !w->has_param || w->param != 0;
        if (p->g.deleted) p->revs = true;
        return LS_OK;
    case RK_REVISED: p->g.inserted = !w->has_param || w->param != 0; return LS_OK;
    case RK_PLAIN: p->g.deleted = p->g.inserted = false; return LS_OK;
    case RK_REVTBL: p->revs = true; return LS_OK;
    case RK_TAB: return rtf_emitting(p) ? rtf_sep(p, '\t') : LS_OK;
    case RK_SYM: return kw->cp ? rtf_char(p, kw->cp) : LS_OK;
    default: return LS_OK;
    }
}

/* Read a control word after the backslash: letters, optional [-]digits,
 * one delimiting space eaten. */
static ls_err rtf_read_word(struct rtf_parser *p, struct rtf_word *w)
{
    size_t n = 0;
    uint8_t ch = 0;
    while (ls_cur_left(&p->cur) > 0) {
        LS_TRY(ls_cur_u8(&p->cur, &ch));
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
            p->cur.pos--;
            break;
        }
        if (n < RTF_WORD_MAX) w->name[n++] = (char)ch;
    }
    w->name[n] = 0;
    bool neg = false;
    int64_t v = 0;
    w->has_param = false;
    if (ls_cur_left(&p->cur) > 0 && ls_slice_at(p->cur.in, p->cur.pos) == '-') {
        neg = true;
        p->cur.pos++;
    }
    while (ls_cur_left(&p->cur) > 0) {
        int d = ls_slice_at(p->cur.in, p->cur.pos);
        if (d < '0' || d > '9') break;
        p->cur.pos++;
        w->has_param = true;
        if (v < 100000000) v = v * 10 + (d - '0'); /* clamp: the spec allows 16-bit-ish */
    }
    w->param = (int32_t)(neg ? -v : v);
    if (ls_cur_left(&p->cur) > 0 && ls_slice_at(p->cur.in, p->cur.pos) == ' ') p->cur.pos++;
    return LS_OK;
}

static ls_err rtf_hex_escape(struct rtf_parser *p)
{
    struct ls_slice two;
    if (ls_cur_take(&p->cur, 2, &two) != LS_OK) {
        p->res->truncated = true;
        p->cur.pos = p->cur.in.len;
        return LS_OK;
    }
    int hi = rtf_hexval(ls_slice_at(two, 0)), lo = rtf_hexval(ls_slice_at(two, 1));
    if (hi < 0 || lo < 0) return LS_OK;
    if (p->g.dest == RD_OBJDATA) return LS_OK;
    return rtf_byte(p, (uint8_t)(hi << 4 | lo));
}

/* After a backslash: a control symbol or a control word. */
static ls_err rtf_escape(struct rtf_parser *p)
{
    if (ls_cur_left(&p->cur) == 0) {
        p->res->truncated = true;
        return LS_OK;
    }
    int ch = ls_slice_at(p->cur.in, p->cur.pos);
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
        struct rtf_word w;
        LS_TRY(rtf_read_word(p, &w));
        return rtf_control_word(p, &w);
    }
    p->cur.pos++;
    switch (ch) {
    case '\'': return rtf_hex_escape(p);
    case '*':
        if (p->g.first) p->g.star = true;
        return LS_OK;
    case '\\': case '{': case '}': return rtf_char(p, (uint32_t)ch);
    case '~': return rtf_char(p, ' ');
    case '_': return rtf_char(p, '-');
    case '\r': case '\n': return rtf_emitting(p) ? rtf_sep(p, '\n') : LS_OK;
    case '\t': return rtf_emitting(p) ? rtf_sep(p, '\t') : LS_OK;
    default:
        if (p->uc_skip > 0) p->uc_skip--;
        return LS_OK; /* \- optional hyphen, \| \: formula marks */
    }
}

static ls_err rtf_plain(struct rtf_parser *p, uint8_t ch)
{
    if (p->overflow > 0) return LS_OK;
    if (p->g.dest == RD_OBJDATA) return rtf_obj_hex(p, ch);
    if (ch == '\r' || ch == '\n') return LS_OK; /* line breaks in the file mean nothing */
    if (ch == '\t' && p->uc_skip > 0) { /* a \uN fallback as any character: "\u8804<TAB>8804" */
        p->uc_skip--;
        return LS_OK;
    }
    if (ch == '\t') return rtf_emitting(p) ? rtf_sep(p, '\t') : LS_OK;
    if (ch < 0x20) return LS_OK;
    return rtf_byte(p, ch);
}

static ls_err rtf_step(struct rtf_parser *p)
{
    uint8_t ch;
    LS_TRY(ls_cur_u8(&p->cur, &ch));
    if (ch == '{') return rtf_open(p);
    if (ch == '}') return rtf_close(p);
    if (ch == '\\') return rtf_escape(p);
    return rtf_plain(p, ch);
}

static ls_err rtf_run(struct rtf_parser *p)
{
    if (!ls_slice_starts(p->cur.in, "{\\rtf", 5)) p->res->not_rtf = true;
    while (!p->done && ls_cur_left(&p->cur) > 0 && p->err == LS_OK) {
        ls_err e = rtf_step(p);
        if (e != LS_OK) return e;
    }
    if (p->err != LS_OK) return p->err;
    if (!p->done) p->res->truncated = true;
    if (p->g.dest == RD_OBJDATA && p->obj.len > 0) LS_TRY(rtf_obj_finish(p)); /* cut inside */
    LS_TRY(rtf_before_flush(p)); /* a last paragraph with no \par after it */
    p->hold = 0;
    LS_TRY(rtf_held_flush(p));
    return rtf_flush(p);
}

ls_err rtf_parse(struct ls_slice in, const struct rtf_sink *sink, size_t max_object,
                 struct rtf_result *res)
{
    struct rtf_parser st;
    struct rtf_parser *p = &st;
    memset(p, 0, sizeof *p);
    memset(res, 0, sizeof *res);
    p->cur = ls_cur_make(in);
    p->sink = sink;
    p->res = res;
    p->g.dest = RD_TEXT;
    p->g.uc = 1;
    p->g.first = true;
    p->g.font = -1;
    p->def_font = -1;
    p->tbl_font = -1;
    p->nibble = -1;
    ls_buf_init(&p->out, RTF_OUT_FLUSH * 2);
    ls_buf_init(&p->obj, max_object);
    ls_buf_init(&p->before, RTF_BEFORE_MAX);
    ls_buf_init(&p->held, RTF_HELD_MAX);
    ls_err e = rtf_run(p);
    ls_buf_free(&p->held);
    ls_buf_free(&p->out);
    ls_buf_free(&p->obj);
    ls_buf_free(&p->before);
    return e;
}

/* ------------------------------------------------------------ OLE1 objects */

/* A length-prefixed ANSI string (u32 length including the NUL). */
static bool rtf_lpstr(struct ls_cursor *c, char *out, size_t cap)
{
    uint32_t n;
    struct ls_slice s;
    if (ls_cur_u32le(c, &n) != LS_OK || ls_cur_take(c, n, &s) != LS_OK) return false;
    if (out) {
        size_t k = s.len < cap - 1 ? s.len : cap - 1;
        if (k) memcpy(out, s.ptr, k);
        out[k] = 0;
    }
    return true;
}

bool rtf_ole1_native(struct ls_slice obj, struct ls_slice *native, char *cls, size_t cap)
{
    struct ls_cursor c = ls_cur_make(obj);
    uint32_t version, format, size;
    if (ls_cur_u32le(&c, &version) != LS_OK || ls_cur_u32le(&c, &format) != LS_OK) return false;
    if (format != 2) return false; /* 2: embedded; 1: linked (no data) */
    if (!rtf_lpstr(&c, cls, cap) || !rtf_lpstr(&c, NULL, 0) || !rtf_lpstr(&c, NULL, 0))
        return false;
    if (ls_cur_u32le(&c, &size) != LS_OK) return false;
    if (size > ls_cur_left(&c)) size = (uint32_t)ls_cur_left(&c); /* cut: keep what is there */
    return ls_cur_take(&c, size, native) == LS_OK;
}

/* NUL-terminated string of at most 260 bytes (MAX_PATH). */
static bool rtf_cstr(struct ls_cursor *c, char *out, size_t cap)
{
    size_t k = 0;
    for (unsigned i = 0; i <= 260; i++) {
        uint8_t ch;
        if (ls_cur_u8(c, &ch) != LS_OK) return false;
        if (ch == 0) {
            if (out) out[k] = 0;
            return true;
        }
        if (out && k < cap - 1) out[k++] = (char)ch;
    }
    return false;
}

bool rtf_package_file(struct ls_slice native, struct ls_slice *file, char *name, size_t cap)
{
    struct ls_cursor c = ls_cur_make(native);
    uint16_t sig;
    uint32_t type, path_len, size;
    struct ls_slice skip;
    if (ls_cur_u16le(&c, &sig) != LS_OK || sig != 2) return false;
    if (!rtf_cstr(&c, name, cap) || !rtf_cstr(&c, NULL, 0)) return false; /* label, source */
    if (ls_cur_u32le(&c, &type) != LS_OK || (type >> 16) != 3) return false; /* embedded file */
    if (ls_cur_u32le(&c, &path_len) != LS_OK || ls_cur_take(&c, path_len, &skip) != LS_OK)
        return false;
    if (ls_cur_u32le(&c, &size) != LS_OK) return false;
    if (size > ls_cur_left(&c)) size = (uint32_t)ls_cur_left(&c);
    return ls_cur_take(&c, size, file) == LS_OK;
}
