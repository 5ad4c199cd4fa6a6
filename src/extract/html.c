/*
 * "html": HTML and XHTML files (WHATWG HTML, parsed by libxml2's HTML parser
 * in recovery mode through markup.c).
 *
 * Text with tags removed and character references decoded, block elements
 * as line breaks, alt/title/meta content/mailto: attribute values kept;
 * script and style contents after a "[script/style]" marker. Nothing is
 * fetched: links, images, frames and stylesheets are never followed.
 * Encoding (WHATWG "determining the character encoding", simplified): a
 * BOM or UTF-16 pattern decides; else bytes that are valid UTF-8 are
 * UTF-8 (whatever the page declares: ASCII reads the same in every page
 * we know, and a page that validates as UTF-8 is UTF-8 in practice, unless
 * it is 7-bit and labelled ISO-2022-JP); else
 * the charset of <meta charset=...> or <meta http-equiv="Content-Type"
 * content="...; charset=..."> in the head (before "<body", at most
 * 64 KiB: a browser reparses the page for a late one), or of
 * <?xml ... encoding=...?> in the first 1024 bytes, when it names a code page of the core tables, single-byte or
 * CJK (labels as WHATWG maps them: iso-8859-1 and us-ascii are windows-1252,
 * iso-8859-9 windows-1254, iso-8859-11 windows-874, gb2312 gbk, euc-kr
 * cp949, shift_jis windows-31j); else (no label) in the code page the
 * text handler guesses from the bytes (text.h), Windows-1252 when unsure.
 * A declared charset without a table (UTF-7, EBCDIC ...) is noted
 * `unsupported` and read the same way. No iconv.
 * Attacker-controlled: every byte; tag soup is normal input, not an error.
 */
#include <string.h>
#include <strings.h>

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/markup.h"

#define HTML_SNIFF 1024u

/* Case-insensitive search for tag in the first HTML_SNIFF bytes (zero bytes
 * skipped, so UTF-16 matches too). */
static bool html_sniff(struct ls_slice s, const char *tag)
{
    size_t n = s.len < HTML_SNIFF ? s.len : HTML_SNIFF, m = strlen(tag);
    for (size_t i = 0; i < n; i++) {
        size_t k = 0, j = i;
        while (k < m && j < n) {
            int ch = ls_slice_at(s, j++);
            if (ch == 0 && k > 0) continue;
            if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
            if (ch != tag[k]) break;
            k++;
        }
        if (k == m) return true;
    }
    return false;
}

/* The first byte after a UTF-8 BOM and blanks is '<': markup, not a mail
 * or a text file that merely quotes some HTML further down. */
static bool html_starts_with_tag(struct ls_slice s)
{
    size_t i = ls_slice_starts(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < s.len && i < HTML_SNIFF) {
        int ch = ls_slice_at(s, i);
        /* UTF-16 BOMs and zero bytes are skipped: UTF-16 HTML is HTML */
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n' && ch != 0 && ch != 0xFF &&
            ch != 0xFE)
            return ch == '<';
        i++;
    }
    return false;
}

/* ---- declared charset ---- */

static int html_lower(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Case-insensitive search for word (lower-case) in s[from, end). */
static size_t html_find_ci(struct ls_slice s, size_t from, size_t end, const char *word)
{
    size_t m = strlen(word);
    for (size_t i = from; i + m <= end; i++) {
        size_t k = 0;
        while (k < m && html_lower(ls_slice_at(s, i + k)) == word[k]) k++;
        if (k == m) return i;
    }
    return SIZE_MAX;
}

/* The value after "key" at s[at], then optional blanks, '=', blanks and a
 * quote: letters, digits and ._:- up to end. False if none. */
static bool html_attr_value(struct ls_slice s, size_t at, size_t end, struct ls_slice *val)
{
    size_t i = at;
    while (i < end && (ls_slice_at(s, i) == ' ' || ls_slice_at(s, i) == '\t')) i++;
    if (i >= end || ls_slice_at(s, i) != '=') return false;
    i++;
    /* "=3D": a page saved from a quoted-printable mail body without
     * decoding it (charset=3Dkoi8-r, charset=3D"utf-8"); no charset label
     * starts with "3D" */
    if (i + 2 < end && ls_slice_at(s, i) == '3' && html_lower(ls_slice_at(s, i + 1)) == 'd') i += 2;
    while (i < end && (ls_slice_at(s, i) == ' ' || ls_slice_at(s, i) == '"' || ls_slice_at(s, i) == '\''))
        i++;
    size_t st = i;
    for (; i < end; i++) {
        int ch = html_lower(ls_slice_at(s, i));
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
              ch == '.' || ch == ':'))
            break;
    }
    return i > st && ls_slice_sub(s, st, i - st, val);
}

/* Where a <meta> naming the charset may still stand: the head, up to
 * "<body" or HTML_HEAD_MAX. WHATWG's prescan stops at 1024 bytes, but a
 * browser that meets a later <meta charset> in the head parses the page
 * again in that encoding ("change the encoding"): pages whose head holds
 * a long comment, inline script or style before it (saved intranet pages,
 * HTML mail) showed in windows-1251 and read as Windows-1252 here. */
#define HTML_HEAD_MAX (64u * 1024u)

static size_t html_head_end(struct ls_slice s)
{
    size_t n = s.len < HTML_HEAD_MAX ? s.len : HTML_HEAD_MAX;
    size_t body = html_find_ci(s, 0, n, "<body");
    return body < n ? body : n;
}

/* The charset a <meta> tag in the head (or an XML declaration in the
 * first HTML_SNIFF bytes) names. */
static bool html_declared_charset(struct ls_slice s, struct ls_slice *name)
{
    size_t n = s.len < HTML_SNIFF ? s.len : HTML_SNIFF;
    if (ls_slice_starts(s, "<?xml", 5)) {
        size_t gt = ls_slice_find(s, 0, ">", 1), end = gt < n ? gt : n;
        size_t at = html_find_ci(s, 5, end, "encoding");
        if (at != SIZE_MAX && html_attr_value(s, at + 8, end, name)) return true;
    }
    n = html_head_end(s);
    for (size_t pos = 0; pos < n;) {
        size_t tag = html_find_ci(s, pos, n, "<meta");
        if (tag == SIZE_MAX) return false;
        size_t gt = ls_slice_find(s, tag, ">", 1), end = gt < n ? gt : n;
        for (size_t at = html_find_ci(s, tag, end, "charset"); at != SIZE_MAX;
             at = html_find_ci(s, at + 7, end, "charset"))
            if (html_attr_value(s, at + 7, end, name)) return true;
        pos = tag + 5;
    }
    return false;
}

/* The table for a declared charset, with WHATWG's label remapping; NULL
 * leaves the page to markup.c's guess (text.h): a page labelled
 * windows-1252, ISO-8859-1 or ASCII is read as Windows-1252 unless its
 * bytes are clearly another script's page (a mislabelled page: templates
 * print one label for every site; Western text stays Windows-1252).
 * *unsupported is set when the name is neither a known page nor a
 * UTF/1252 label. */
static const struct ls_codepage *html_codepage(struct ls_slice name, bool *unsupported)
{
    const struct ls_codepage *cp = ls_codepage_by_name(name);
    *unsupported = false;
    if (!cp) {
        /* WHATWG's labels of UTF-8, UTF-16 and (ASCII: glibc's name for it
         * in the C locale, which server-side generators print) windows-1252 */
        static const char *const fine[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8",
                                           "unicode20utf8", "x-unicode20utf8", "us-ascii", "ascii",
                                           "ansi_x3.4-1968", "utf-16", "utf-16le", "utf-16be",
                                           "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode",
                                           "unicodefeff"};
        bool known = false;
        for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
            known |= name.len == strlen(fine[i]) && strncasecmp((const char *)name.ptr, fine[i], name.len) == 0;
        *unsupported = !known;
        return NULL;
    }
    switch (ls_codepage_number(cp)) {
    case 28591: case 1252: return NULL; /* markup.c's guess: Windows-1252 unless clearly another page */
    case 28599: return ls_codepage_by_number(1254);
    case 28601: return ls_codepage_by_number(874);
    default: return cp;
    }
}

/* Bytes that are not UTF-8 and have no BOM, in the declared code page. */
static ls_err html_declared_text(struct ls_ctx *c, struct ls_object *o, const struct ls_codepage *cp)
{
    struct ls_slice in = o->data;
    size_t cap = in.len > SIZE_MAX / 4 ? SIZE_MAX / 4 : in.len * 3 + 16;
    struct ls_buf u;
    ls_buf_init(&u, cap);
    ls_err e = ls_codepage_to_utf8(&u, in, cp);
    if (e == LS_OK) e = ls_markup_html_text(c, o, ls_buf_slice(&u));
    else if (e == LS_E_LIMIT) e = LS_E_NOMEM; /* cap is 3 bytes a byte: never reached */
    ls_buf_free(&u);
    return e;
}

static bool html_has_high(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (ls_slice_at(s, i) >= 0x80) return true;
    return false;
}

static bool html_has_bom(struct ls_slice s)
{
    int b0 = ls_slice_at(s, 0), b1 = ls_slice_at(s, 1), b2 = ls_slice_at(s, 2), b3 = ls_slice_at(s, 3);
    if ((b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF))
        return true;
    return (b0 == '<' && b1 == 0 && b3 == 0) || (b0 == 0 && b1 == '<' && b2 == 0); /* UTF-16 */
}

static int html_probe(const struct ls_object *o)
{
    if (o->mime && (strcmp(o->mime, "text/html") == 0 ||
                    strcmp(o->mime, "application/xhtml+xml") == 0))
        return 70;
    if (!html_starts_with_tag(o->data)) return 0;
    if (html_sniff(o->data, "<!doctype html") || html_sniff(o->data, "<html")) return 65;
    if (html_sniff(o->data, "<body") || html_sniff(o->data, "<head>")) return 40;
    return 0;
}

static ls_err html_text(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice name;
    if (html_has_bom(o->data) || !html_declared_charset(o->data, &name))
        return ls_markup_html_text(c, o, o->data);
    bool unsupported = false;
    const struct ls_codepage *cp = html_codepage(name, &unsupported);
    /* valid UTF-8 is UTF-8, whatever the label; but ISO-2022-JP is 7-bit
     * (always valid UTF-8): a 7-bit page under that label is decoded */
    if (ls_utf8_valid(o->data) && !(ls_codepage_number(cp) == 50220u && !html_has_high(o->data)))
        return ls_markup_html_text(c, o, o->data);
    if (cp) return html_declared_text(c, o, cp);
    if (unsupported) {
        char shown[41];
        size_t k = name.len < sizeof shown - 1 ? name.len : sizeof shown - 1;
        memcpy(shown, name.ptr, k); /* letters, digits and ._:- only */
        shown[k] = '\0';
        ls_note(c, o, LS_R_UNSUPPORTED,
                "html: charset \"%s\" not supported, read in the code page its bytes suggest", shown);
    }
    return ls_markup_html_text(c, o, o->data);
}

/* The text, then files carried as base64 in it (data: URIs). */
static ls_err html_extract(struct ls_ctx *c, struct ls_object *o)
{
    ls_err e = html_text(c, o);
    if (e == LS_E_NOMEM || e == LS_E_TIMEOUT || e == LS_E_LIMIT) return e;
    ls_err b = ls_b64_blobs(c, o, o->data);
    return e != LS_OK ? e : b;
}

const struct ls_handler ls_handler_html = {
    .name = "html",
    .probe = html_probe,
    .extract = html_extract,
};
