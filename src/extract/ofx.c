/*
 * The "ofx" handler: Open Financial Exchange files, the statements,
 * transactions and tax forms banks, card issuers and brokers hand to
 * Quicken, QuickBooks, Money and tax software (OFX 1.6 and 2.2
 * specifications; Intuit's QFX and Microsoft's OFC-era variants are OFX 1
 * with extra tags). OFX 1.x is SGML after a block of "KEY:value" header
 * lines: elements whose values are not closed ("<NAME>ADA MOSS" up to the
 * next tag); OFX 2.x is XML after a <?OFX ...?> processing instruction.
 *
 * The text written is one line per element with a value, "<TAG>value"
 * (entities &amp; &lt; &gt; &quot; &apos; and &#N; decoded; aggregates and
 * closing tags dropped), as the rules read OFX 1 as plain text: a card
 * number after <ACCTID> is one (after "ACCTID:" it would be an id). A few
 * tags hold PII whose tag is its only label, and get the label the rules
 * read: RECID (the 1099 recipient's TIN, an SSN for a person) and TAXID
 * (the enrolling customer's) as "<RECID>SSN/TIN: 421113037", DATEBIRTH as
 * "<DATEBIRTH>Date of birth: 1975-03-14" (from YYYYMMDD...), DAYPHONE and
 * EVEPHONE as "<DAYPHONE>Phone: 2126211097".
 *
 * Ignored on purpose: the header block's values (versions, encodings) are
 * written as they are; signon passwords (<USERPASS>) are written like any
 * value (the rules judge them). A file that ends before its </OFX> end
 * tag (cut between elements) is noted truncated.
 *
 * Attacker-controlled: every byte; the walk moves forward only, bounded by
 * the size and the text budget.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define OFX_TAG_MAX 32u

static bool ofx_starts_ci(struct ls_slice s, size_t off, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++) {
        int ch = ls_slice_at(s, off + i);
        if (ch >= 'a' && ch <= 'z') ch -= 'a' - 'A';
        if (ch != w[i]) return false;
    }
    return true;
}

static int ofx_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data, head;
    size_t i = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (ls_slice_at(d, i) == '\r' || ls_slice_at(d, i) == '\n' || ls_slice_at(d, i) == ' ') i++;
    if (ofx_starts_ci(d, i, "OFXHEADER:")) return 90;
    if (ofx_starts_ci(d, i, "<OFX>")) return 80;
    if (!ofx_starts_ci(d, i, "<?XML")) return 0;
    if (!ls_slice_sub(d, 0, d.len < 512 ? d.len : 512, &head)) return 0;
    return ls_slice_find(head, 0, "<?OFX ", 6) != SIZE_MAX ? 90 : 0;
}

/* Append an element's value, entities decoded, blanks at both ends cut. */
static ls_err ofx_value(struct ls_buf *b, struct ls_slice v)
{
    static const char *const ents[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                          {"&apos;", "'"}, {"&nbsp;", " "}};
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch == '\r' || ch == '\n' || ch == '\t') ch = ' ';
        if (ch != '&') {
            LS_TRY(ls_buf_addc(b, (char)ch));
            continue;
        }
        struct ls_slice rest;
        (void)ls_slice_from(v, i, &rest);
        size_t k = 0;
        for (; k < sizeof ents / sizeof ents[0]; k++)
            if (ls_slice_starts(rest, ents[k][0], strlen(ents[k][0]))) break;
        if (k < sizeof ents / sizeof ents[0]) {
            LS_TRY(ls_buf_adds(b, ents[k][1]));
            i += strlen(ents[k][0]) - 1;
            continue;
        }
        if (ls_slice_at(rest, 1) == '#') {
            uint32_t cp = 0;
            size_t j = 2;
            while (j < 10 && ls_slice_at(rest, j) >= '0' && ls_slice_at(rest, j) <= '9')
                cp = cp * 10 + (uint32_t)(ls_slice_at(rest, j++) - '0');
            if (j > 2 && ls_slice_at(rest, j) == ';' && cp > 0 && cp < 0x110000) {
                LS_TRY(ls_utf8_put(b, cp));
                i += j;
                continue;
            }
        }
        LS_TRY(ls_buf_addc(b, '&'));
    }
    return LS_OK;
}

/* What is written before a tag's value: the tag ("<NAME>"), and for the
 * tags whose name is the value's only label, the label the rules read. */
static ls_err ofx_label(struct ls_buf *b, struct ls_slice tag, struct ls_slice *v)
{
    LS_TRY(ls_buf_addc(b, '<'));
    LS_TRY(ls_buf_add(b, tag.ptr, tag.len));
    LS_TRY(ls_buf_addc(b, '>'));
    if (ls_slice_eq_str(tag, "RECID") || ls_slice_eq_str(tag, "TAXID")) return ls_buf_adds(b, "SSN/TIN: ");
    if (ls_slice_eq_str(tag, "DAYPHONE") || ls_slice_eq_str(tag, "EVEPHONE")) return ls_buf_adds(b, "Phone: ");
    if (ls_slice_eq_str(tag, "DATEBIRTH") && v->len >= 8) {
        bool digits = true;
        for (size_t i = 0; i < 8; i++) digits &= ls_slice_at(*v, i) >= '0' && ls_slice_at(*v, i) <= '9';
        if (digits) { /* YYYYMMDD[HHMMSS...] -> YYYY-MM-DD */
            struct ls_slice y, m, dd;
            (void)ls_slice_sub(*v, 0, 4, &y);
            (void)ls_slice_sub(*v, 4, 2, &m);
            (void)ls_slice_sub(*v, 6, 2, &dd);
            LS_TRY(ls_buf_adds(b, "Date of birth: "));
            LS_TRY(ls_buf_add(b, y.ptr, y.len));
            LS_TRY(ls_buf_addc(b, '-'));
            LS_TRY(ls_buf_add(b, m.ptr, m.len));
            LS_TRY(ls_buf_addc(b, '-'));
            LS_TRY(ls_buf_add(b, dd.ptr, dd.len));
            (void)ls_slice_from(*v, 8, v);
            return ls_buf_adds(b, v->len ? " " : "");
        }
    }
    return LS_OK;
}

static struct ls_slice ofx_trim(struct ls_slice v)
{
    while (v.len && (ls_slice_at(v, 0) == ' ' || ls_slice_at(v, 0) == '\r' || ls_slice_at(v, 0) == '\n' ||
                     ls_slice_at(v, 0) == '\t'))
        (void)ls_slice_from(v, 1, &v);
    while (v.len && (ls_slice_at(v, v.len - 1) == ' ' || ls_slice_at(v, v.len - 1) == '\r' ||
                     ls_slice_at(v, v.len - 1) == '\n' || ls_slice_at(v, v.len - 1) == '\t'))
        v.len--;
    return v;
}

/* Walk the elements; *closed tells whether the </OFX> end tag came (a file
 * cut short between elements has none). */
static ls_err ofx_walk(struct ls_ctx *c, struct ls_slice d, struct ls_buf *b, bool *closed)
{
    size_t off = ls_slice_find(d, 0, "<", 1), n = 0;
    struct ls_slice head;
    if (off == SIZE_MAX) off = d.len;
    if (ls_slice_sub(d, 0, off, &head) && head.len) { /* the OFX 1 header block */
        LS_TRY(ls_utf8_lossy(b, head));
        LS_TRY(ls_buf_addc(b, '\n'));
    }
    while (off < d.len) {
        size_t gt = ls_slice_find(d, off, ">", 1);
        if (gt == SIZE_MAX) break;
        int k = ls_slice_at(d, off + 1);
        size_t lt = ls_slice_find(d, gt + 1, "<", 1);
        if (lt == SIZE_MAX) lt = d.len;
        struct ls_slice tag, v;
        if (k == '/' && gt - off == 5 && ofx_starts_ci(d, off, "</OFX>")) *closed = true;
        if (k != '/' && k != '?' && k != '!' && gt - off - 1 <= OFX_TAG_MAX &&
            ls_slice_sub(d, off + 1, gt - off - 1, &tag) && ls_slice_sub(d, gt + 1, lt - gt - 1, &v)) {
            v = ofx_trim(v);
            if (v.len) {
                LS_TRY(ofx_label(b, tag, &v));
                LS_TRY(ofx_value(b, v));
                LS_TRY(ls_buf_addc(b, '\n'));
            }
        }
        off = lt;
        if (++n % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

static ls_err ofx_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    bool closed = false;
    ls_err e = ofx_walk(c, o->data, &b, &closed);
    if (e == LS_OK && !closed) ls_note(c, o, LS_R_TRUNCATED, "ofx: the file ends before its </OFX> end tag");
    ls_err te = ls_emit_done(c, o, &b, NULL);
    if (e == LS_E_LIMIT) {
        ls_note(c, o, LS_R_LIMIT_TEXT, "ofx: text cut at the text budget");
        e = LS_OK;
    }
    if (te == LS_E_LIMIT) te = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_ofx = {
    .name = "ofx",
    .probe = ofx_probe,
    .extract = ofx_extract,
};
