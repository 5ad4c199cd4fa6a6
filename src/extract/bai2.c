/*
 * The "bai2" handler: BAI2 cash management balance reports, the prior-day
 * and intraday statements banks send corporate treasuries (BAI "Cash
 * Management Balance Reporting Specifications", Version 2, 2005 edition).
 *
 * Layout: text records of comma-separated fields ending with "/": 01 file
 * header, 02 group header, 03 account identifier, 16 transaction detail,
 * 88 continuation, 49 account trailer, 98 group trailer, 99 file trailer. A
 * 16 record's last field, continued by 88 records, is free text: for an ACH
 * credit or debit the bank copies the NACHA entry there ("ORIG CO
 * NAME:ACME PAYROLL ... SEC:PPD ... IND ID:421113037 IND NAME:MOSS ADA"),
 * and in a consumer batch (PPD, WEB, TEL, MTE, POS) the Individual ID that a
 * payroll fills with the SSN has only the label "IND ID:". The text is
 * written as it is; each transaction whose text names a consumer SEC code
 * and a nine-digit IND ID gives a labelled line, "IND ID (SSN): 421113037",
 * to ls_emit_labels() (as the nacha handler labels the same field).
 *
 * A file that ends without its file trailer (99), cut at a record
 * boundary, is noted truncated.
 *
 * Attacker-controlled: every byte; records are read once, bounded by the
 * size and the text budget; a transaction's text is looked at up to
 * BAI2_TXN_MAX bytes.
 */
#include <string.h>

#include "core/handler.h"

#define BAI2_TXN_MAX 4096u

static int bai2_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data;
    size_t i = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0;
    struct ls_slice t;
    if (!ls_slice_from(d, i, &t) || !ls_slice_starts(t, "01,", 3)) return 0;
    /* the file header ends with "/", a group header follows */
    size_t nl = ls_slice_find(t, 0, "\n", 1);
    if (nl == SIZE_MAX || nl > 200) return 0;
    size_t end = nl;
    while (end > 0 && (ls_slice_at(t, end - 1) == '\r' || ls_slice_at(t, end - 1) == ' ')) end--;
    if (end == 0 || ls_slice_at(t, end - 1) != '/') return 0;
    return ls_slice_at(t, nl + 1) == '0' && ls_slice_at(t, nl + 2) == '2' && ls_slice_at(t, nl + 3) == ',' ? 90 : 0;
}

/* The value after label in text: up to the next blank or the end. */
static struct ls_slice bai2_after(struct ls_slice text, const char *label)
{
    size_t at = ls_slice_find(text, 0, label, strlen(label));
    struct ls_slice v = {NULL, 0};
    if (at == SIZE_MAX || !ls_slice_from(text, at + strlen(label), &v)) return (struct ls_slice){NULL, 0};
    size_t n = 0;
    while (n < v.len && ls_slice_at(v, n) != ' ' && ls_slice_at(v, n) != '/' && ls_slice_at(v, n) != ',') n++;
    v.len = n;
    return v;
}

static bool bai2_consumer(struct ls_slice text)
{
    static const char *const codes[] = {"PPD", "WEB", "TEL", "MTE", "POS"};
    struct ls_slice sec = bai2_after(text, "SEC:");
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (ls_slice_eq_str(sec, codes[i])) return true;
    return false;
}

/* A transaction's text (its 16 record and 88 continuations, joined). */
static ls_err bai2_txn(struct ls_buf *lb, struct ls_slice text)
{
    struct ls_slice id = bai2_after(text, "IND ID:");
    if (id.len != 9 || !bai2_consumer(text)) return LS_OK;
    for (size_t i = 0; i < 9; i++)
        if (ls_slice_at(id, i) < '0' || ls_slice_at(id, i) > '9') return LS_OK;
    LS_TRY(ls_buf_adds(lb, "IND ID (SSN): "));
    LS_TRY(ls_buf_add(lb, id.ptr, id.len));
    return ls_buf_addc(lb, '\n');
}

static ls_err bai2_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    struct ls_buf lb, txn;
    ls_buf_init(&lb, (size_t)ls_ctx_limits(c)->max_text);
    ls_buf_init(&txn, BAI2_TXN_MAX);
    ls_err e = ls_emit_text(c, o, d.ptr, d.len), te = LS_OK;
    size_t off = 0, n = 0;
    bool trailer = false; /* the file trailer (99) seen */
    while (te == LS_OK && off < d.len) {
        size_t end = off;
        while (end < d.len && ls_slice_at(d, end) != '\n') end++;
        struct ls_slice rec;
        (void)ls_slice_sub(d, off, end - off, &rec);
        bool cont = ls_slice_starts(rec, "88,", 3);
        trailer |= ls_slice_starts(rec, "99,", 3);
        if (!cont && txn.len) { /* the transaction before ends */
            te = bai2_txn(&lb, ls_slice_make(txn.ptr, txn.len));
            ls_buf_reset(&txn);
        }
        if (te == LS_OK && (cont || ls_slice_starts(rec, "16,", 3))) {
            /* a long text is looked at up to its cap (LS_E_LIMIT keeps what fit) */
            ls_err ae = ls_buf_add(&txn, rec.ptr, rec.len);
            if (ae == LS_OK) ae = ls_buf_addc(&txn, ' ');
            if (ae == LS_E_NOMEM) te = ae;
        }
        off = end + 1;
        if (++n % 4096 == 0 && ls_ctx_expired(c)) te = LS_E_TIMEOUT;
    }
    if (te == LS_OK && txn.len) te = bai2_txn(&lb, ls_slice_make(txn.ptr, txn.len));
    if (te == LS_OK && !trailer) ls_note(c, o, LS_R_TRUNCATED, "bai2: the file ends without its file trailer (99)");
    ls_err le = lb.len && e == LS_OK ? ls_emit_labels(c, o, lb.ptr, lb.len) : LS_OK;
    ls_buf_free(&lb);
    ls_buf_free(&txn);
    if (e == LS_E_LIMIT) e = LS_OK; /* the pipeline notes limit:text */
    if (te == LS_E_LIMIT) te = LS_OK;
    if (le == LS_E_LIMIT) le = LS_OK;
    return e != LS_OK ? e : te != LS_OK ? te : le;
}

const struct ls_handler ls_handler_bai2 = {
    .name = "bai2",
    .probe = bai2_probe,
    .extract = bai2_extract,
};
