/*
 * "html": HTML and XHTML files (WHATWG HTML, parsed by libxml2's HTML parser
 * in recovery mode through markup.c).
 *
 * Text with tags removed and character references decoded, block elements
 * as line breaks, alt/title/meta content/mailto: attribute values kept;
 * script and style contents after a "[script/style]" marker. Nothing is
 * fetched: links, images, frames and stylesheets are never followed.
 * Encoding: BOM/UTF-16 sniffed, UTF-8 if valid, otherwise Windows-1252
 * (meta charset declarations are ignored on purpose: no iconv).
 * Attacker-controlled: every byte; tag soup is normal input, not an error.
 */
#include <string.h>
#include <strings.h>

#include "core/handler.h"
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

static ls_err html_extract(struct ls_ctx *c, struct ls_object *o)
{
    return ls_markup_html_text(c, o, o->data);
}

const struct ls_handler ls_handler_html = {
    .name = "html",
    .probe = html_probe,
    .extract = html_extract,
};
