/*
 * The "swift" handler: SWIFT FIN messages (MT), the payment orders and
 * statements banks and corporate treasuries exchange (SWIFT Standards MT,
 * "Category 1 Customer Payments" MT103, "Category 9 Cash Management"
 * MT940/MT942; the German banks' structured :86: field, DFU "Anlage 3").
 * Payments name the ordering customer and the beneficiary with their
 * accounts (IBANs); the structured party options carry more.
 *
 * Layout: blocks {1:basic header}{2:application header}{3:user header}
 * {4: CR LF :tag:value ... CR LF -}{5:trailer}; statement downloads often
 * hold block 4's fields alone (":20:...", ":25:..."), several messages one
 * after the other. Read here: the text block's fields, line by line.
 * - :50F: and :59F: (party identifier then numbered lines): line "4/" is
 *   the date of birth (YYYYMMDD) and gives "Date of birth: YYYY-MM-DD";
 *   "6/" a national identity number ("National ID: ...").
 * - structured subfields "?20".."?63" (:86: of MT940): each one gives its
 *   own line, so a value glued to its code ("?38DE89370400440532013000",
 *   the counterparty's IBAN; "?32" its name) stands on its own.
 * The labelled lines go to ls_emit_labels() (scanned as text); the raw scan
 * reads every byte as always.
 *
 * Ignored on purpose: headers, amounts, references, BICs (no PII; decoys).
 * A FIN message whose text block ({4:) has no end ("-}") when the file
 * ends is noted truncated.
 *
 * Attacker-controlled: every byte; lines are scanned once, bounded by the
 * object's size and the text budget.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

/* At s[i]: ":NNa:" (two digits, an optional letter, a colon). Returns its
 * length (4 or 5) or 0. */
static size_t swift_tag(struct ls_slice s, size_t i)
{
    int d1 = ls_slice_at(s, i + 1), d2 = ls_slice_at(s, i + 2), l = ls_slice_at(s, i + 3);
    if (ls_slice_at(s, i) != ':' || d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9') return 0;
    if (l == ':') return 4;
    return l >= 'A' && l <= 'Z' && ls_slice_at(s, i + 4) == ':' ? 5 : 0;
}

static int swift_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data, t;
    if (ls_slice_starts(d, "{1:F01", 6) || ls_slice_starts(d, "{1:F21", 6)) return 90;
    /* a statement download: ":20:" first, ":25:" (the account) soon after */
    size_t i = 0;
    while (ls_slice_at(d, i) == '\r' || ls_slice_at(d, i) == '\n') i++;
    if (!ls_slice_from(d, i, &t) || !ls_slice_starts(t, ":20:", 4)) return 0;
    if (t.len > 400) t.len = 400;
    return ls_slice_find(t, 0, ":25:", 4) != SIZE_MAX || ls_slice_find(t, 0, ":23B:", 5) != SIZE_MAX ? 80 : 0;
}

/* One line of field TAG (its line number LN, 0 = the tag's own line). */
static ls_err swift_line(struct ls_buf *b, struct ls_slice line, const char tag[4], size_t ln)
{
    bool fopt = (memcmp(tag, "50F", 3) == 0 || memcmp(tag, "59F", 3) == 0) && ln > 0;
    if (fopt && line.len >= 10 && ls_slice_starts(line, "4/", 2)) {
        bool digits = true;
        for (size_t i = 2; i < 10; i++) digits &= ls_slice_at(line, i) >= '0' && ls_slice_at(line, i) <= '9';
        struct ls_slice y, m, dd;
        if (digits && ls_slice_sub(line, 2, 4, &y) && ls_slice_sub(line, 6, 2, &m) && ls_slice_sub(line, 8, 2, &dd)) {
            LS_TRY(ls_buf_adds(b, "Date of birth: "));
            LS_TRY(ls_buf_add(b, y.ptr, y.len));
            LS_TRY(ls_buf_addc(b, '-'));
            LS_TRY(ls_buf_add(b, m.ptr, m.len));
            LS_TRY(ls_buf_addc(b, '-'));
            LS_TRY(ls_buf_add(b, dd.ptr, dd.len));
            return ls_buf_addc(b, '\n');
        }
    }
    if (fopt && ls_slice_starts(line, "6/", 2)) {
        struct ls_slice v;
        (void)ls_slice_from(line, 2, &v);
        LS_TRY(ls_buf_adds(b, "National ID: "));
        LS_TRY(ls_buf_add(b, v.ptr, v.len));
        return ls_buf_addc(b, '\n');
    }
    /* structured subfields: "?NN" starts a new line */
    bool any = false;
    for (size_t i = 0; i + 2 < line.len; i++) {
        int a = ls_slice_at(line, i + 1), c = ls_slice_at(line, i + 2);
        any |= ls_slice_at(line, i) == '?' && a >= '0' && a <= '9' && c >= '0' && c <= '9';
    }
    if (!any) return LS_OK;
    for (size_t i = 0; i < line.len; i++) {
        int ch = ls_slice_at(line, i), a = ls_slice_at(line, i + 1), c = ls_slice_at(line, i + 2);
        if (ch == '?' && a >= '0' && a <= '9' && c >= '0' && c <= '9') {
            LS_TRY(ls_buf_addc(b, '\n'));
            i += 2;
            continue;
        }
        LS_TRY(ls_buf_addc(b, (char)ch));
    }
    return ls_buf_addc(b, '\n');
}

/* The lines of every message; *open tells whether the last message's text
 * block ({4:) never ended ("-}" on a line of its own: a file cut short). */
static ls_err swift_lines(struct ls_ctx *c, struct ls_slice d, struct ls_buf *b, bool *open)
{
    char tag[4] = "   ";
    size_t ln = 0, off = 0, n = 0;
    while (off < d.len) {
        size_t end = off;
        while (end < d.len && ls_slice_at(d, end) != '\n' && ls_slice_at(d, end) != '\r') end++;
        struct ls_slice line;
        (void)ls_slice_sub(d, off, end - off, &line);
        if (ls_slice_find(line, 0, "{4:", 3) != SIZE_MAX) *open = true;
        if (ls_slice_starts(line, "-}", 2)) *open = false;
        size_t tl = swift_tag(line, 0);
        if (tl) {
            struct ls_slice t;
            (void)ls_slice_sub(line, 1, tl - 2, &t);
            memset(tag, ' ', 3);
            memcpy(tag, t.ptr, t.len);
            ln = 0;
            (void)ls_slice_from(line, tl, &line);
        } else if (ls_slice_starts(line, "-}", 2) || ls_slice_starts(line, "{1:", 3)) {
            memset(tag, ' ', 3);
        }
        LS_TRY(swift_line(b, line, tag, ln));
        ln++;
        off = end;
        while (off < d.len && (ls_slice_at(d, off) == '\n' || ls_slice_at(d, off) == '\r')) off++;
        if (++n % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

static ls_err swift_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    bool open = false;
    ls_err e = swift_lines(c, o->data, &b, &open);
    if (e == LS_OK && open) ls_note(c, o, LS_R_TRUNCATED, "swift: the last message's text block has no end (-})");
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "swift: labelled lines cut at the text budget");
    ls_err le = ls_emit_done(c, o, NULL, &b);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}

const struct ls_handler ls_handler_swift = {
    .name = "swift",
    .probe = swift_probe,
    .extract = swift_extract,
};
