/*
 * IATA free-text PNR elements as labelled lines (iata.h).
 *
 * Follows the AIRIMP (IATA/A4A Reservations Interline Message Procedures -
 * Passenger, section 3.14 special service requests) layouts as the GDSs
 * print them, and the PNRGOV implementation guide's SSR segment:
 *
 *   SSR DOCS <airline> <status> <type>/<issuer>/<number>/<nationality>/
 *            <birth date DDMMMYY>/<sex>/<expiry DDMMMYY>/<surname>/<given>
 *            [/<middle>][/H][/P<n>]   (Sabre writes "HK1/" before the
 *            type; Secure Flight's leaves type, issuer and number empty)
 *   SSR FOID <airline> <status> <PP|NI|CC|DL|FF|ID><number>[/P<n>]
 *   SSR CTCE <airline> <status> <address>[/<language>][/P<n>]: the address
 *            escaped as IATA's free text allows no @ or _: "//" is "@",
 *            ".." is "_", "./" is "-"
 *   SSR CTCM <airline> <status> <digits with the country code>[/P<n>]
 *   FP [PAX |INF ]CC<card code><number>/<expiry>[/...]
 *
 * Dates are DDMMMYY (or DDMMMYYYY); a two-digit year below 30 is 20YY.
 * Ignored on purpose: DOCO (visas: no entity), DOCA (addresses), OSI and
 * remarks (read as text), the meaning of the itinerary lines. Every byte is
 * attacker-controlled: values are cut at the element's separators, control
 * bytes written as blanks.
 */
#include "extract/iata.h"

#include <string.h>

#include "extract/emitlab.h"

static const char *const iata_codes[] = {"DOCS", "FOID", "CTCE", "CTCM"};

static bool iata_up(int ch) { return ch >= 'A' && ch <= 'Z'; }
static bool iata_dig(int ch) { return ch >= '0' && ch <= '9'; }
static bool iata_blank(int ch) { return ch == ' ' || ch == '\t'; }

bool iata_date(struct ls_slice v, char out[11])
{
    static const char months[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    out[0] = '\0';
    if (v.len != 7 && v.len != 9) return false;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if ((i >= 2 && i < 5) ? !iata_up(ch) : !iata_dig(ch)) return false;
    }
    int day = (ls_slice_at(v, 0) - '0') * 10 + (ls_slice_at(v, 1) - '0');
    int month = 0;
    for (int m = 0; m < 12; m++)
        if (ls_slice_at(v, 2) == months[3 * m] && ls_slice_at(v, 3) == months[3 * m + 1] &&
            ls_slice_at(v, 4) == months[3 * m + 2])
            month = m + 1;
    int year = 0;
    for (size_t i = 5; i < v.len; i++) year = year * 10 + (ls_slice_at(v, i) - '0');
    if (v.len == 7) year += year < 30 ? 2000 : 1900;
    if (month == 0 || day < 1 || day > 31 || year < 1900) return false;
    out[0] = (char)('0' + year / 1000 % 10);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = (char)('0' + month / 10);
    out[6] = (char)('0' + month % 10);
    out[7] = '-';
    out[8] = (char)('0' + day / 10);
    out[9] = (char)('0' + day % 10);
    out[10] = '\0';
    return true;
}

/* An action/status code and number of a PNR element: HK1, NN1, KK2, HK01. */
static bool iata_status(struct ls_slice t)
{
    if (t.len < 3 || t.len > 5 || !iata_up(ls_slice_at(t, 0)) || !iata_up(ls_slice_at(t, 1))) return false;
    for (size_t i = 2; i < t.len; i++)
        if (!iata_dig(ls_slice_at(t, i))) return false;
    return true;
}

/* A status after a glued airline code, as Galileo writes it (SSRDOCSBAHK1/...): BAHK1, U2HK1. */
static bool iata_airline_status(struct ls_slice t)
{
    struct ls_slice st;
    int a = ls_slice_at(t, 0), b = ls_slice_at(t, 1);
    return (iata_up(a) || iata_dig(a)) && (iata_up(b) || iata_dig(b)) && ls_slice_from(t, 2, &st) && iata_status(st);
}

/* The element's data after the airline and status: "SK HK1 P/GBR/..." and
 * "SK HK1/P/GBR/..." give "P/GBR/...", "/P/GBR/..." (EDIFACT) gives
 * "P/GBR/...". Without a status, the data start at the first token that is
 * not a two-character airline code. */
static struct ls_slice iata_rest(struct ls_slice t)
{
    size_t i = 0;
    while (i < t.len && iata_blank(ls_slice_at(t, i))) i++;
    struct ls_slice out = {NULL, 0};
    if (ls_slice_at(t, i) == '/') {
        (void)ls_slice_from(t, i + 1, &out);
        return out;
    }
    for (int tok = 0; tok < 3 && i < t.len; tok++) {
        size_t e = i;
        while (e < t.len && !iata_blank(ls_slice_at(t, e)) && ls_slice_at(t, e) != '/') e++;
        struct ls_slice w = {NULL, 0};
        (void)ls_slice_sub(t, i, e - i, &w);
        if (iata_status(w) || (tok == 0 && iata_airline_status(w))) {
            size_t from = e < t.len ? e + 1 : e;
            while (from < t.len && iata_blank(ls_slice_at(t, from))) from++;
            (void)ls_slice_from(t, from, &out);
            return out;
        }
        if (w.len != 2 || e >= t.len || ls_slice_at(t, e) == '/') break;
        i = e;
        while (i < t.len && iata_blank(ls_slice_at(t, i))) i++;
    }
    (void)ls_slice_from(t, i, &out);
    return out;
}

/* A field of the data up to a blank run that ends it (a display's line may
 * carry more after the last field). */
static struct ls_slice iata_token(struct ls_slice v)
{
    size_t e = 0;
    while (e < v.len && !iata_blank(ls_slice_at(v, e)) && ls_slice_at(v, e) != '/') e++;
    struct ls_slice out = {NULL, 0};
    (void)ls_slice_sub(v, 0, e, &out);
    return out;
}

static ls_err iata_date_put(struct ls_buf *b, const char *label, struct ls_slice v)
{
    char d[11];
    if (!iata_date(iata_token(v), d)) return LS_OK;
    return ls_buf_printf(b, "\t%s: %s", label, d);
}

static ls_err iata_docs(struct ls_buf *b, struct ls_slice rest)
{
    struct ls_slice type = iata_token(ls_piece(rest, '/', 0)), num = iata_token(ls_piece(rest, '/', 2));
    const char *label = "Travel document number";
    if (type.len && ls_slice_at(type, 0) == 'P') label = "Passport number";
    else if (ls_slice_eq_str(type, "I") || ls_slice_eq_str(type, "ID")) label = "Identity card number";
    else if (ls_slice_eq_str(type, "V")) label = "Visa number";
    LS_TRY(ls_lab_line(b, label, num));
    LS_TRY(ls_lab_line(b, "Nationality", iata_token(ls_piece(rest, '/', 3))));
    LS_TRY(iata_date_put(b, "Date of birth", ls_piece(rest, '/', 4)));
    LS_TRY(ls_lab_line(b, "Sex", iata_token(ls_piece(rest, '/', 5))));
    LS_TRY(iata_date_put(b, "Document expiry", ls_piece(rest, '/', 6)));
    struct ls_slice last = ls_piece(rest, '/', 7), first = ls_piece(rest, '/', 8);
    if (!last.len && !first.len) return LS_OK;
    LS_TRY(ls_buf_adds(b, "\tName: "));
    LS_TRY(ls_lab_clean(b, first));
    LS_TRY(ls_buf_addc(b, ' '));
    return ls_lab_clean(b, last);
}

static ls_err iata_foid(struct ls_buf *b, struct ls_slice rest)
{
    struct ls_slice v = iata_token(rest), num;
    if (v.len < 4 || !ls_slice_from(v, 2, &num)) return LS_OK;
    if (ls_slice_starts(v, "PP", 2)) return ls_lab_line(b, "Passport number", num);
    if (ls_slice_starts(v, "NI", 2)) return ls_lab_line(b, "National identity number", num);
    if (ls_slice_starts(v, "DL", 2)) return ls_lab_line(b, "Driving licence number", num);
    if (ls_slice_starts(v, "FF", 2)) return ls_lab_line(b, "Frequent flyer number", num);
    if (ls_slice_starts(v, "CC", 2)) {
        size_t i = 0;
        while (i < num.len && iata_up(ls_slice_at(num, i))) i++; /* the card code: VI, CA, AX */
        struct ls_slice pan;
        if (ls_slice_from(num, i, &pan)) return ls_lab_line(b, "Card number", pan);
    }
    return LS_OK;
}

/* CTCE: the address, IATA's escapes undone, lower case. */
static ls_err iata_ctce(struct ls_buf *b, struct ls_slice rest)
{
    char mail[256];
    size_t n = 0, i = 0;
    bool at = false;
    while (i < rest.len && n + 1 < sizeof mail) {
        int ch = ls_slice_at(rest, i), nx = ls_slice_at(rest, i + 1);
        if (ch == '/' && nx == '/') {
            ch = '@';
            at = true;
            i += 2;
        } else if (ch == '.' && (nx == '.' || nx == '/')) {
            ch = nx == '.' ? '_' : '-';
            i += 2;
        } else if (ch == '/' || ch <= ' ' || ch == 0x7f) {
            break;
        } else {
            i++;
        }
        mail[n++] = (char)(iata_up(ch) ? ch - 'A' + 'a' : ch);
    }
    if (!at || n < 5) return LS_OK;
    return ls_lab_line(b, "E-mail", ls_slice_make(mail, n));
}

/* CTCM: digits with the country code. */
static ls_err iata_ctcm(struct ls_buf *b, struct ls_slice rest)
{
    struct ls_slice v = iata_token(rest);
    size_t i = ls_slice_at(v, 0) == '+' ? 1 : 0, digits = 0;
    for (size_t k = i; k < v.len; k++) {
        if (!iata_dig(ls_slice_at(v, k))) return LS_OK;
        digits++;
    }
    if (digits < 8 || digits > 15) return LS_OK;
    struct ls_slice d;
    if (!ls_slice_from(v, i, &d)) return LS_OK;
    LS_TRY(ls_buf_adds(b, "\tPhone: +"));
    return ls_lab_clean(b, d);
}

ls_err iata_ssr(struct ls_buf *b, struct ls_slice code, struct ls_slice text)
{
    struct ls_slice rest = iata_rest(text);
    if (ls_slice_eq_str(code, "DOCS")) return iata_docs(b, rest);
    if (ls_slice_eq_str(code, "FOID")) return iata_foid(b, rest);
    if (ls_slice_eq_str(code, "CTCE")) return iata_ctce(b, rest);
    if (ls_slice_eq_str(code, "CTCM")) return iata_ctcm(b, rest);
    return LS_OK;
}

/* The code of the first SSR element in line: "SSR DOCS" (a blank, '/', '*'
 * or '+' after SSR: GDS displays, histories, EDIFACT text), "SSRDOCS"
 * (Galileo's SI.P1/SSRDOCSBAHK1/...), or Sabre's entry "3DOCS/" at a
 * word's start; *code_at: where the code starts. False when there is none. */
static bool iata_code_known(struct ls_slice line, size_t at)
{
    struct ls_slice code;
    if (!ls_slice_sub(line, at, 4, &code)) return false;
    for (size_t k = 0; k < sizeof iata_codes / sizeof iata_codes[0]; k++)
        if (ls_slice_eq_str(code, iata_codes[k])) return true;
    return false;
}

static bool iata_word_start(struct ls_slice line, size_t at)
{
    int before = at ? ls_slice_at(line, at - 1) : ' ';
    return !iata_up(before) && !iata_dig(before);
}

static bool iata_ssr_at(struct ls_slice line, size_t *code_at)
{
    for (size_t from = 0;;) {
        size_t at = ls_slice_find(line, from, "SSR", 3);
        if (at == SIZE_MAX) break;
        int after = ls_slice_at(line, at + 3);
        if (iata_word_start(line, at)) {
            if (after == ' ' || after == '/' || after == '*' || after == '+') {
                *code_at = at + 4;
                return true;
            }
            if (iata_code_known(line, at + 3)) {
                *code_at = at + 3;
                return true;
            }
        }
        from = at + 3;
    }
    for (size_t from = 0;;) { /* Sabre: 3DOCS/P/GB/..., 3CTCE/... */
        size_t at = ls_slice_find(line, from, "3", 1);
        if (at == SIZE_MAX) return false;
        if (iata_word_start(line, at) && iata_code_known(line, at + 1) && ls_slice_at(line, at + 5) == '/') {
            *code_at = at + 1;
            return true;
        }
        from = at + 1;
    }
}

/* text without a trailing Sabre name select ("-1.1", "-2"): the passenger
 * an entry applies to, not part of its last field. */
static struct ls_slice iata_cut_name_select(struct ls_slice text)
{
    size_t e = text.len;
    while (e && iata_blank(ls_slice_at(text, e - 1))) e--;
    size_t i = e;
    while (i && (iata_dig(ls_slice_at(text, i - 1)) || ls_slice_at(text, i - 1) == '.')) i--;
    if (i == e || i == 0 || ls_slice_at(text, i - 1) != '-' || !iata_dig(ls_slice_at(text, i))) return text;
    struct ls_slice out = text;
    (void)ls_slice_sub(text, 0, i - 1, &out);
    return out;
}

bool iata_line_has_ssr(struct ls_slice line)
{
    size_t at;
    return iata_ssr_at(line, &at) && iata_code_known(line, at);
}

/* FP [PAX |INF ]CC<code><digits>: the card number when it is all digits. */
static ls_err iata_fp(struct ls_buf *b, struct ls_slice line)
{
    size_t at = ls_slice_find(line, 0, "FP ", 3);
    if (at == SIZE_MAX || (at && iata_up(ls_slice_at(line, at - 1)))) return LS_OK;
    struct ls_slice v;
    if (!ls_slice_from(line, at + 3, &v)) return LS_OK;
    if (ls_slice_starts(v, "PAX ", 4) || ls_slice_starts(v, "INF ", 4)) (void)ls_slice_from(v, 4, &v);
    if (!ls_slice_starts(v, "CC", 2) || !iata_up(ls_slice_at(v, 2)) || !iata_up(ls_slice_at(v, 3))) return LS_OK;
    struct ls_slice pan = {NULL, 0};
    size_t n = 0;
    while (iata_dig(ls_slice_at(v, 4 + n))) n++;
    if (n < 12 || n > 19 || !ls_slice_sub(v, 4, n, &pan)) return LS_OK;
    return ls_lab_line(b, "Card number", pan);
}

ls_err iata_line(struct ls_buf *b, struct ls_slice line)
{
    size_t at;
    struct ls_slice code, text;
    if (iata_ssr_at(line, &at) && ls_slice_sub(line, at, 4, &code) && ls_slice_from(line, at + 4, &text))
        return iata_ssr(b, code, iata_cut_name_select(text));
    return iata_fp(b, line);
}

ls_err iata_text_labels(struct ls_buf *labels, struct ls_slice text)
{
    struct ls_buf scratch;
    ls_buf_init(&scratch, 4096);
    size_t pos = 0;
    ls_err e = LS_OK;
    while (e == LS_OK && pos < text.len) {
        size_t end = ls_slice_find(text, pos, "\n", 1);
        if (end == SIZE_MAX) end = text.len;
        struct ls_slice line = {NULL, 0};
        (void)ls_slice_sub(text, pos, end - pos, &line);
        pos = end + 1;
        if (line.len && ls_slice_at(line, line.len - 1) == '\r') line.len--;
        if (ls_slice_find(line, 0, "SSR", 3) == SIZE_MAX && ls_slice_find(line, 0, "FP ", 3) == SIZE_MAX &&
            ls_slice_find(line, 0, "3DOCS/", 6) == SIZE_MAX && ls_slice_find(line, 0, "3FOID/", 6) == SIZE_MAX &&
            ls_slice_find(line, 0, "3CTC", 4) == SIZE_MAX)
            continue;
        ls_buf_reset(&scratch);
        e = iata_line(&scratch, line);
        if (e == LS_E_LIMIT) e = LS_OK; /* one line's labels past 4 KiB: what fit */
        if (e != LS_OK || scratch.len == 0) continue;
        e = ls_buf_adds(labels, "PNR");
        if (e == LS_OK) e = ls_buf_add(labels, scratch.ptr, scratch.len);
        if (e == LS_OK) e = ls_buf_addc(labels, '\n');
    }
    ls_buf_free(&scratch);
    return e;
}
