/*
 * The "iif" handler: QuickBooks Intuit Interchange Format, the lists and
 * transactions QuickBooks Desktop imports and exports and payroll services
 * hand their clients (Intuit, "IIF Overview: import kit, sample files and
 * headers"). An employee list carries every employee's SSN, address and
 * phone.
 *
 * Layout: tab-separated text. A line starting with "!" is the header of
 * one record type ("!EMP\tNAME\tINIT\tADDR1 ... SSNO ..."); each later line
 * whose first field names that type ("EMP\tAda Moss\t...") is a record
 * with those columns; types interleave (!TRNS, !SPL, !ENDTRNS before
 * TRNS/SPL/ENDTRNS blocks), so each type keeps its own header. A text-table
 * reader sees one table under the file's first header (!HDR) and labels
 * every later field with !HDR's columns; and IIF's SSN column, SSNO, names
 * no SSN for the rules. So the lines are written as they are, and each
 * record's values under an SSN or phone column are handed to
 * ls_emit_labels() with the label the rules read ("SSN: 421113037",
 * "Phone: 2126211097"; SSNO, PHONE1-5, ALTPHONE, FAXNUM). Bytes that are
 * no UTF-8 are read as windows-1252 (what QuickBooks writes).
 *
 * Limits: IIF_TYPES record types and IIF_COLS columns per type are
 * remembered (later ones are written, not labelled). Attacker-controlled:
 * every byte; lines are read once, bounded by the size and the text budget.
 */
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"

#define IIF_TYPES 32u
#define IIF_COLS 128u
#define IIF_NAME 24u

enum iif_kind { IIF_NONE, IIF_SSN, IIF_PHONE, IIF_FAX };

struct iif_hdr {
    char type[IIF_NAME + 1];
    unsigned char kind[IIF_COLS];
};

struct iif_state {
    struct iif_hdr hdr[IIF_TYPES];
    size_t n;
};

/* Field i (0-based) of a tab-separated line; false past the last. */
static bool iif_field(struct ls_slice line, size_t want, struct ls_slice *out)
{
    size_t start = 0, i = 0;
    for (size_t k = 0; k <= line.len; k++) {
        if (k < line.len && ls_slice_at(line, k) != '\t') continue;
        if (i == want) {
            (void)ls_slice_sub(line, start, k - start, out);
            /* QuickBooks quotes a field holding a comma or quote */
            if (out->len >= 2 && ls_slice_at(*out, 0) == '"' && ls_slice_at(*out, out->len - 1) == '"')
                (void)ls_slice_sub(*out, 1, out->len - 2, out);
            return true;
        }
        i++;
        start = k + 1;
    }
    return false;
}

/* The field at *pos of a tab-separated line, *pos moved past it; false
 * past the last. One pass over a line for all its fields (iif_field from
 * the line's start for each column read a line of 128 long fields 64
 * times over). */
static bool iif_next(struct ls_slice line, size_t *pos, struct ls_slice *out)
{
    if (*pos > line.len) return false;
    size_t end = ls_slice_find(line, *pos, "\t", 1);
    if (end == SIZE_MAX) end = line.len;
    (void)ls_slice_sub(line, *pos, end - *pos, out);
    if (out->len >= 2 && ls_slice_at(*out, 0) == '"' && ls_slice_at(*out, out->len - 1) == '"')
        (void)ls_slice_sub(*out, 1, out->len - 2, out);
    *pos = end + 1;
    return true;
}

static bool iif_upper_word(struct ls_slice s)
{
    if (s.len == 0 || s.len > IIF_NAME) return false;
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
    }
    return true;
}

static int iif_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data, first, t;
    size_t i = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0;
    if (!ls_slice_from(d, i, &t) || ls_slice_at(t, 0) != '!') return 0;
    size_t end = 0;
    while (end < t.len && end < 4096 && ls_slice_at(t, end) != '\n' && ls_slice_at(t, end) != '\r') end++;
    (void)ls_slice_sub(t, 1, end - 1, &first);
    struct ls_slice type, col;
    if (!iif_field(first, 0, &type) || !iif_upper_word(type) || !iif_field(first, 1, &col) || !iif_upper_word(col))
        return 0;
    return 90;
}

static enum iif_kind iif_kind_of(struct ls_slice name)
{
    if (ls_slice_eq_str(name, "SSNO") || ls_slice_eq_str(name, "SSN")) return IIF_SSN;
    if (ls_slice_eq_str(name, "FAXNUM") || ls_slice_eq_str(name, "FAX")) return IIF_FAX;
    if (ls_slice_eq_str(name, "ALTPHONE") || ls_slice_starts(name, "PHONE", 5)) return IIF_PHONE;
    return IIF_NONE;
}

static void iif_header(struct iif_state *st, struct ls_slice line)
{
    struct ls_slice type, col;
    size_t pos = 0;
    if (!iif_next(line, &pos, &type) || type.len < 2 || type.len > IIF_NAME + 1) return;
    (void)ls_slice_from(type, 1, &type); /* the '!' */
    struct iif_hdr *h = NULL;
    for (size_t i = 0; i < st->n && !h; i++)
        if (ls_slice_eq_str(type, st->hdr[i].type)) h = &st->hdr[i];
    if (!h) {
        if (st->n == IIF_TYPES) return;
        h = &st->hdr[st->n++];
        memcpy(h->type, type.ptr, type.len);
        h->type[type.len] = 0;
    }
    memset(h->kind, IIF_NONE, sizeof h->kind);
    for (size_t i = 1; i < IIF_COLS && iif_next(line, &pos, &col); i++) h->kind[i] = (unsigned char)iif_kind_of(col);
}

static ls_err iif_labels(struct ls_buf *lb, const struct iif_state *st, struct ls_slice line)
{
    struct ls_slice type, v;
    size_t pos = 0;
    if (!iif_next(line, &pos, &type)) return LS_OK;
    const struct iif_hdr *h = NULL;
    for (size_t i = 0; i < st->n && !h; i++)
        if (ls_slice_eq_str(type, st->hdr[i].type)) h = &st->hdr[i];
    if (!h) return LS_OK;
    static const char *const labels[] = {NULL, "SSN: ", "Phone: ", "Fax: "};
    bool any = false;
    for (size_t i = 1; i < IIF_COLS && iif_next(line, &pos, &v); i++) {
        if (h->kind[i] == IIF_NONE || v.len == 0 || v.len > 40) continue;
        if (any) LS_TRY(ls_buf_addc(lb, '\t'));
        LS_TRY(ls_buf_adds(lb, labels[h->kind[i]]));
        LS_TRY(ls_utf8_lossy(lb, v));
        any = true;
    }
    return any ? ls_buf_addc(lb, '\n') : LS_OK;
}

static ls_err iif_text(struct ls_buf *b, struct ls_slice line, const struct ls_codepage *cp)
{
    LS_TRY(ls_utf8_valid(line) || !cp ? ls_utf8_lossy(b, line) : ls_codepage_to_utf8(b, line, cp));
    return ls_buf_addc(b, '\n');
}

static ls_err iif_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    struct iif_state *st = calloc(1, sizeof *st);
    if (!st) return LS_E_NOMEM;
    struct ls_buf b, lb;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_buf_init(&lb, (size_t)ls_ctx_limits(c)->max_text);
    const struct ls_codepage *cp = ls_codepage_by_number(1252);
    ls_err e = LS_OK;
    size_t off = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0, n = 0;
    while (e == LS_OK && off < d.len) {
        size_t end = off;
        while (end < d.len && ls_slice_at(d, end) != '\n' && ls_slice_at(d, end) != '\r') end++;
        struct ls_slice line;
        (void)ls_slice_sub(d, off, end - off, &line);
        if (ls_slice_at(line, 0) == '!') iif_header(st, line);
        else if (line.len) e = iif_labels(&lb, st, line);
        if (e == LS_OK && line.len) e = iif_text(&b, line, cp);
        off = end;
        if (off < d.len && ls_slice_at(d, off) == '\r') off++;
        if (off < d.len && ls_slice_at(d, off) == '\n') off++;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    free(st);
    ls_err te = b.len ? ls_emit_text(c, o, b.ptr, b.len) : LS_OK;
    ls_err le = lb.len && te == LS_OK ? ls_emit_labels(c, o, lb.ptr, lb.len) : LS_OK;
    ls_buf_free(&b);
    ls_buf_free(&lb);
    if (e == LS_E_LIMIT) {
        ls_note(c, o, LS_R_LIMIT_TEXT, "iif: text cut at the text budget");
        e = LS_OK;
    }
    if (te == LS_E_LIMIT) te = LS_OK;
    if (le == LS_E_LIMIT) le = LS_OK;
    return e != LS_OK ? e : te != LS_OK ? te : le;
}

const struct ls_handler ls_handler_iif = {
    .name = "iif",
    .probe = iif_probe,
    .extract = iif_extract,
};
