/*
 * HTML character references as a browser reads them, for parsers that know
 * fewer (htmlent.c). libxml2 2.9's HTML parser decodes HTML 4's 252 names
 * with their ';' and every numeric reference, nothing else.
 */
#ifndef LS_HTMLENT_H
#define LS_HTMLENT_H

#include "core/handler.h"

/*
 * Rewrite in (UTF-8 HTML) into out, each reference libxml2 2.9 leaves as
 * text or decodes otherwise than WHATWG HTML ("tokenization: character
 * reference state") turned into numeric references it decodes the same:
 *   - the 1873 names HTML5 added (&commat; &period; &apos; &NewLine;
 *     &hyphen;), which libxml2 printed as "&commat;";
 *   - the legacy names without their ';' (&nbsp &copy &amp &eacute): in
 *     text the longest such name at the '&' ("&nbspSmith" reads " Smith"),
 *     inside a tag only a whole name not followed by '=' or a letter or
 *     digit (a URL's "?a=1&copy=2" stays);
 *   - numeric references to 0x80-0x9F, which browsers read as Windows-1252
 *     does (&#146; is U+2019, not the C1 control U+0092).
 * Also each "</html>" end tag becomes a comment of its length: libxml2
 * dropped everything after it, a browser shows it (a page appended to a
 * page, a banner appended by a proxy); so does Word's and Outlook's
 * "<![if !supportLists]>" ... "<![endif]>", which libxml2 printed as text.
 * out's max must allow 4 bytes a byte ("&nLt;", 5 bytes, becomes 16).
 * *changed false: nothing to rewrite, out left empty, use in. Returns
 * LS_OK or out's error (LS_E_LIMIT, LS_E_NOMEM).
 */
ls_err ls_htmlent_rewrite(struct ls_slice in, struct ls_buf *out, bool *changed);

#endif
