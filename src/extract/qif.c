/*
 * The "qif" handler: Quicken Interchange Format, the bank, card and
 * investment register exports of Quicken, Microsoft Money, GnuCash,
 * QuickBooks and most online banks (Intuit, "QIF file format", Quicken
 * 2004-2019 help; Appendix "Quicken Interchange Format").
 *
 * Layout: text lines. A "!" line names the section ("!Type:Bank",
 * "!Type:CCard", "!Type:Invst", "!Account", "!Option:AutoSwitch"); every
 * other line is a one-character field code glued to its value ("D11/03'14",
 * "PADA MOSS", "Mada.moss@...", "N1043"), "^" ends a record. The glued code
 * hides what the rules read: a card number in an account's description
 * ("D4539...") has a letter before it, and an address in a memo is read
 * with the code as part of its local part ("mada.moss@..."). So the text
 * written here is one line per field, the code spelled out as its label:
 * "Payee: ADA MOSS", "Memo: ada.moss@...", "Description: 4539 ...", by
 * section (N is an account's Name, a transaction's Number, an investment's
 * Action). Bytes that are no UTF-8 are read as windows-1252 (what Quicken
 * writes).
 *
 * Ignored on purpose: nothing is dropped: a line of no known code (and
 * every line of a section such as !Type:Cat or !Type:Memorized) is
 * written as it is, so a table some tool wrote under "!Type:Bank" keeps
 * its numbers whole; the raw bytes, whose glued fields give wrong values,
 * are the same text again.
 * Attacker-controlled: every byte; lines are read once, bounded by the
 * object's size and the text budget.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

enum qif_section { QIF_TXN, QIF_ACCOUNT, QIF_INVST, QIF_OTHER };

static size_t qif_skip_blank(struct ls_slice d, size_t i)
{
    while (i < d.len && (ls_slice_at(d, i) == '\r' || ls_slice_at(d, i) == '\n' || ls_slice_at(d, i) == ' ' ||
                         ls_slice_at(d, i) == '\t'))
        i++;
    return i;
}

/* Case-insensitive: s starts with the lower-case word w. */
static bool qif_starts(struct ls_slice s, const char *w)
{
    size_t n = strlen(w);
    if (s.len < n) return false;
    for (size_t i = 0; i < n; i++) {
        int ch = ls_slice_at(s, i);
        if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
        if (ch != w[i]) return false;
    }
    return true;
}

static int qif_probe(const struct ls_object *o)
{
    struct ls_slice t;
    /* a UTF-8 byte order mark, then the first section line */
    size_t i = ls_slice_starts(o->data, "\xef\xbb\xbf", 3) ? 3 : 0;
    if (!ls_slice_from(o->data, qif_skip_blank(o->data, i), &t)) return 0;
    if (qif_starts(t, "!type:") || qif_starts(t, "!account") || qif_starts(t, "!option:") ||
        qif_starts(t, "!clear:"))
        return 90;
    return 0;
}

static enum qif_section qif_section_of(struct ls_slice line)
{
    if (qif_starts(line, "!account")) return QIF_ACCOUNT;
    if (qif_starts(line, "!type:invst")) return QIF_INVST;
    if (qif_starts(line, "!type:")) {
        struct ls_slice k;
        (void)ls_slice_from(line, 6, &k);
        if (qif_starts(k, "bank") || qif_starts(k, "ccard") || qif_starts(k, "cash") || qif_starts(k, "oth"))
            return QIF_TXN;
        return QIF_OTHER;
    }
    return QIF_OTHER;
}

static const char *qif_label(enum qif_section s, int code)
{
    static const char *const txn[][2] = {
        {"D", "Date"}, {"T", "Amount"}, {"U", "Amount"}, {"C", "Cleared"}, {"N", "Number"}, {"P", "Payee"},
        {"M", "Memo"}, {"A", "Address"}, {"L", "Category"}, {"S", "Split category"}, {"E", "Split memo"},
        {"$", "Split amount"}, {"%", "Split percent"}, {"F", "Reimbursable"}, {"K", "Type"}};
    static const char *const acct[][2] = {{"N", "Name"},         {"T", "Type"},    {"D", "Description"},
                                          {"L", "Credit limit"}, {"/", "Balance date"}, {"$", "Balance"},
                                          {"B", "Balance"},      {"A", "Address"}, {"M", "Memo"}};
    static const char *const inv[][2] = {{"N", "Action"}, {"Y", "Security"}, {"I", "Price"}, {"Q", "Quantity"},
                                         {"O", "Commission"}, {"D", "Date"}, {"T", "Amount"}, {"P", "Payee"},
                                         {"M", "Memo"}, {"L", "Category"}, {"$", "Amount transferred"}};
    const char *const(*tab)[2] = s == QIF_ACCOUNT ? acct : s == QIF_INVST ? inv : txn;
    size_t n = s == QIF_ACCOUNT ? sizeof acct / sizeof acct[0] : s == QIF_INVST ? sizeof inv / sizeof inv[0]
                                                                                : sizeof txn / sizeof txn[0];
    for (size_t i = 0; i < n; i++)
        if (tab[i][0][0] == code) return tab[i][1];
    return NULL;
}

/* Append s as UTF-8: as it is when it is UTF-8, else as windows-1252. */
static ls_err qif_put(struct ls_buf *b, struct ls_slice s, const struct ls_codepage *cp)
{
    if (ls_utf8_valid(s) || !cp) return ls_utf8_lossy(b, s);
    return ls_codepage_to_utf8(b, s, cp);
}

static ls_err qif_line(struct ls_buf *b, struct ls_slice line, enum qif_section *sec, const struct ls_codepage *cp)
{
    int code = ls_slice_at(line, 0);
    if (code == '!') {
        /* !Option: and !Clear: lines switch no section */
        if (!qif_starts(line, "!option") && !qif_starts(line, "!clear")) *sec = qif_section_of(line);
        LS_TRY(qif_put(b, line, cp));
        return ls_buf_addc(b, '\n');
    }
    if (code == '^') return ls_buf_addc(b, '\n'); /* a record ends: a blank line */
    struct ls_slice v;
    (void)ls_slice_from(line, 1, &v);
    const char *label = qif_label(*sec, code);
    if (!label || *sec == QIF_OTHER) { /* no field code: a line as it is (a table some tool wrote) */
        LS_TRY(qif_put(b, line, cp));
        return ls_buf_addc(b, '\n');
    }
    LS_TRY(ls_buf_adds(b, label));
    LS_TRY(ls_buf_adds(b, ": "));
    LS_TRY(qif_put(b, v, cp));
    return ls_buf_addc(b, '\n');
}

static ls_err qif_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    const struct ls_codepage *cp = ls_codepage_by_number(1252);
    enum qif_section sec = QIF_TXN;
    ls_err e = LS_OK;
    size_t off = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0, n = 0;
    while (e == LS_OK && off < d.len) {
        size_t end = off;
        while (end < d.len && ls_slice_at(d, end) != '\n' && ls_slice_at(d, end) != '\r') end++;
        struct ls_slice line;
        (void)ls_slice_sub(d, off, end - off, &line);
        while (line.len && (ls_slice_at(line, 0) == ' ' || ls_slice_at(line, 0) == '\t'))
            (void)ls_slice_from(line, 1, &line);
        if (line.len) e = qif_line(&b, line, &sec, cp);
        off = end;
        if (off < d.len && ls_slice_at(d, off) == '\r') off++;
        if (off < d.len && ls_slice_at(d, off) == '\n') off++;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    ls_err te = ls_emit_done(c, o, &b, NULL);
    if (e == LS_E_LIMIT) {
        ls_note(c, o, LS_R_LIMIT_TEXT, "qif: text cut at the text budget");
        e = LS_OK;
    }
    if (te == LS_E_LIMIT) te = LS_OK; /* the pipeline notes limit:text */
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_qif = {
    .name = "qif",
    .probe = qif_probe,
    .extract = qif_extract,
};
